//! What the fuzz targets drive, shared with `tests/hostile/fuzz.rs` (which runs the kept
//! inputs through the same functions): bytes read as the command line reads a text file,
//! an HTML article or JSON Lines; each text's graph written in every format without error,
//! the N-Triples, N-Quads and JSON exports parsed back.

use newsgraph::export::ExportFormat;
use newsgraph::input::{decode, html_document, json_lines};
use newsgraph::{Input, Pipeline};
use std::sync::OnceLock;

/// The pipeline with the embedded data, built once.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("embedded data loads"))
}

/// Bytes as a text file: decoded (or refused, with a message) leniently; `--strict`
/// refuses or accepts, never panics.
pub fn as_text(name: &str, bytes: &[u8]) {
    if let Ok(decoded) = decode(bytes, false) {
        through_every_format(name, &decoded.text);
    }
    let _ = decode(bytes, true);
}

/// Bytes as an HTML article.
pub fn as_html(name: &str, bytes: &[u8]) {
    if let Ok(decoded) = decode(bytes, false) {
        through_every_format(name, &html_document(&decoded.text).text);
    }
}

/// Bytes as JSON Lines: each record's text.
pub fn as_json_lines(name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (_, record) in json_lines(&text) {
        if let Ok(record) = record {
            through_every_format(name, &record.text);
        }
    }
}

/// Extract a text and export it in every format; the line-based RDF and JSON parse back.
pub fn through_every_format(name: &str, text: &str) {
    let graph = pipeline().extract(&Input::new(name, text));
    for format in ExportFormat::ALL {
        let files = format.exporter().files(&graph).unwrap_or_else(|e| panic!("{name}: {format:?}: {e}"));
        for f in &files {
            match format {
                ExportFormat::NTriples | ExportFormat::NQuads => {
                    for quad in oxttl::NQuadsParser::new().for_slice(&f.contents) {
                        quad.unwrap_or_else(|e| panic!("{name}: {format:?} does not parse: {e}"));
                    }
                }
                ExportFormat::Json => {
                    serde_json::from_slice::<serde_json::Value>(&f.contents)
                        .unwrap_or_else(|e| panic!("{name}: JSON does not parse: {e}"));
                }
                _ => {}
            }
        }
    }
}
