//! What every target checks: the text's graph is written in every format without error,
//! and the N-Triples, N-Quads and JSON exports parse back.

use newsgraph::export::ExportFormat;
use newsgraph::{Input, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("embedded data loads"))
}

pub fn through_every_format(text: &str) {
    let graph = pipeline().extract(&Input::new("fuzz.txt", text));
    for format in ExportFormat::ALL {
        let files = format.exporter().files(&graph).expect("export");
        for f in &files {
            match format {
                ExportFormat::NTriples | ExportFormat::NQuads => {
                    for quad in oxttl::NQuadsParser::new().for_slice(&f.contents) {
                        quad.expect("the export parses back");
                    }
                }
                ExportFormat::Json => {
                    serde_json::from_slice::<serde_json::Value>(&f.contents).expect("JSON parses back");
                }
                _ => {}
            }
        }
    }
}
