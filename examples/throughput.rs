//! Throughput of the whole pipeline on one core: read, extract, resolve, write Turtle.
//!
//! `cargo run --release --example throughput -- [MEGABYTES] [FILE]...` (environment:
//! `FORMAT=ntriples` to choose the export, `FORMAT=none` to time extraction alone) repeats the given
//! articles (default: the development set under `../shared/eval/corpus`, else the bundled
//! sample) until the corpus reaches MEGABYTES (default 20), processes every article, and
//! prints megabytes per second. Startup (building the gazetteer) is reported apart.

use newsgraph::export::ExportFormat;
use newsgraph::{Input, KnowledgeGraph, Pipeline};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let megabytes: f64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(20.0);
    let mut files: Vec<String> = args.collect();
    if files.is_empty() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/corpus");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| p.display().to_string())
                .collect();
            files.sort();
        }
        if files.is_empty() {
            files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/day-987.txt").to_owned());
        }
    }
    let articles: Vec<String> = files.iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    let t = Instant::now();
    let pipeline = Pipeline::new()?;
    let startup = t.elapsed();
    let target = (megabytes * 1e6) as usize;
    let mut bytes = 0usize;
    let mut docs = 0usize;
    let mut sink = std::io::sink();
    let format = std::env::var("FORMAT").unwrap_or_else(|_| "turtle".into());
    let exporter = (format != "none")
        .then(|| ExportFormat::parse(&format).map(ExportFormat::exporter).ok_or(format!("unknown format {format}")))
        .transpose()?;
    let t = Instant::now();
    while bytes < target {
        for a in &articles {
            let g: KnowledgeGraph = pipeline.extract(&Input::new("doc", a));
            if std::env::var_os("NO_EXPORT").is_none() {
                if let Some(e) = &exporter {
                    e.write(&g, &mut sink)?;
                }
            }
            bytes += a.len();
            docs += 1;
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{docs} documents, {:.1} MB in {secs:.2} s: {:.1} MB/s on one core (startup {:.2} s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        startup.as_secs_f64()
    );
    Ok(())
}
