//! `graph-build`: the command-line tool.

mod args;

use args::Args;
use clap::Parser;
use newsgraph::export::ExportFormat;
use newsgraph::{Date, Input, KnowledgeGraph, OntologyData, PipelineBuilder};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// Print one error line on stderr.
fn error(msg: impl std::fmt::Display) {
    eprintln!("graph-build: error: {msg}");
}

fn read_input(path: &Path) -> Result<(String, String), String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("-: cannot read standard input: {e}"))?;
        return Ok(("-".into(), s));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {}", io_reason(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    Ok((name, text))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn run(args: Args) -> Result<u8, String> {
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format '{}' (expected one of: {})", args.format, names.join(", "))
    })?;
    let mut builder = PipelineBuilder::new().with_base_iri(&args.base_iri).map_err(|e| e.to_string())?;
    if let Some(d) = &args.date {
        let date = Date::parse_iso(d).ok_or_else(|| format!("invalid --date '{d}': expected YYYY-MM-DD"))?;
        builder = builder.with_date(date);
    }
    if let Some(dir) = &args.data_dir {
        builder = builder.with_data(OntologyData::from_dir(dir).map_err(|e| e.to_string())?);
    }
    let pipeline = builder.build().map_err(|e| e.to_string())?;
    let inputs = if args.inputs.is_empty() { vec![Path::new("-").to_path_buf()] } else { args.inputs.clone() };
    let mut graph = KnowledgeGraph::with_base(pipeline.base_iri());
    let mut failed = 0;
    for path in &inputs {
        match read_input(path) {
            Ok((name, text)) => graph.extend(pipeline.extract(&Input::new(&name, &text))),
            Err(e) => {
                error(e);
                failed += 1;
            }
        }
    }
    let mut buf = Vec::new();
    format.exporter().write(&graph, &mut buf).map_err(|e| e.to_string())?;
    match &args.output {
        Some(path) => {
            let tmp = path.with_extension(format!("{}.tmp", format.extension()));
            std::fs::write(&tmp, &buf).map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
            std::fs::rename(&tmp, path).map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(&buf).and_then(|()| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(format!("cannot write to standard output: {e}"));
                }
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            error(e);
            ExitCode::from(2)
        }
    }
}
