//! The inputs fuzzing kept (`tests/hostile/fuzz/`, see `fuzz/README.md`): each goes
//! through what the fuzz targets drive, as text, as HTML and as JSON Lines, from bytes to
//! every export format, and every export must parse back where a parser is at hand.

use crate::common::pipeline;
use newsgraph::export::ExportFormat;
use newsgraph::input::{decode, html_document, json_lines};
use newsgraph::Input;
use std::path::Path;

/// Extract a text and export it in every format; the RDF line formats are parsed back.
fn through_every_format(name: &str, text: &str) {
    let graph = pipeline().extract(&Input::new(name, text));
    for format in ExportFormat::ALL {
        let files = format.exporter().files(&graph).unwrap_or_else(|e| panic!("{name}: {format:?}: {e}"));
        if matches!(format, ExportFormat::NTriples | ExportFormat::NQuads) {
            for f in &files {
                for quad in oxttl::NQuadsParser::new().for_slice(&f.contents) {
                    quad.unwrap_or_else(|e| panic!("{name}: {format:?} does not parse: {e}"));
                }
            }
        }
        if format == ExportFormat::Json {
            for f in &files {
                serde_json::from_slice::<serde_json::Value>(&f.contents)
                    .unwrap_or_else(|e| panic!("{name}: JSON does not parse: {e}"));
            }
        }
    }
}

#[test]
fn fuzz_findings_go_through_the_whole_pipeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/hostile/fuzz") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        seen += 1;
        // As the command line reads a file: decoded (or refused with a message), as text
        // and as HTML.
        if let Ok(decoded) = decode(&bytes, false) {
            through_every_format(&name, &decoded.text);
            through_every_format(&name, &html_document(&decoded.text).text);
        }
        // As JSON Lines: each line a record or a reason.
        let text = String::from_utf8_lossy(&bytes);
        for (_, record) in json_lines(&text) {
            if let Ok(record) = record {
                through_every_format(&name, &record.text);
            }
        }
    }
    assert!(seen >= 10, "only {seen} inputs in {}", dir.display());
}
