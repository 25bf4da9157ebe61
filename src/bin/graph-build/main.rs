//! `graph-build`: the command-line tool.

mod args;

use args::Args;
use clap::Parser;
use newsgraph::export::{ExportFile, ExportFormat, Layout};
use newsgraph::{Date, Input, KnowledgeGraph, OntologyData, PipelineBuilder};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
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

/// Write a one-stream export to standard output, or to `path` through a temporary file
/// beside it (renamed into place, so an error never leaves a half-written file).
fn write_stream(buf: &[u8], path: Option<&Path>, format: ExportFormat) -> Result<(), String> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(buf).and_then(|()| out.flush()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(format!("cannot write to standard output: {e}"));
            }
        }
        return Ok(());
    };
    let tmp = path.with_extension(format!("{}.tmp", format.extension()));
    let fail = |e: std::io::Error| format!("{}: cannot write: {}", path.display(), io_reason(&e));
    std::fs::write(&tmp, buf).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

/// Write a folder export into `dir` (created if its parent exists): every file is first
/// written to a temporary folder beside `dir`, then renamed into it, so an error leaves
/// no half-written set. Other files in `dir` are left alone.
fn write_folder(dir: &Path, files: &[ExportFile]) -> Result<(), String> {
    let shown = dir.display();
    if dir.is_file() {
        return Err(format!("{shown}: cannot write: it is a file, not a folder"));
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(format!("{shown}: cannot write: folder '{}' does not exist", parent.display()));
    }
    let name = dir.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let fail = |e: std::io::Error| format!("{shown}: cannot write: {}", io_reason(&e));
    let result = (|| {
        std::fs::create_dir(&tmp)?;
        for f in files {
            let path = tmp.join(f.name);
            std::fs::write(&path, &f.contents)?;
            #[cfg(unix)]
            if f.executable {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
            }
        }
        if !dir.exists() {
            return std::fs::rename(&tmp, dir);
        }
        for f in files {
            std::fs::rename(tmp.join(f.name), dir.join(f.name))?;
        }
        std::fs::remove_dir(&tmp)
    })();
    if tmp.exists() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result.map_err(fail)
}

fn run(args: Args) -> Result<u8, String> {
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format '{}' (expected one of: {})", args.format, names.join(", "))
    })?;
    if format.layout() == Layout::Folder && args.output.is_none() {
        return Err(format!("the {format} format writes a folder of files: give one with -o DIR"));
    }
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
    match format.layout() {
        Layout::Stream => {
            let mut buf = Vec::new();
            format.exporter().write(&graph, &mut buf).map_err(|e| e.to_string())?;
            write_stream(&buf, args.output.as_deref(), format)?;
        }
        Layout::Folder => {
            let dir = args.output.as_deref().unwrap_or(Path::new("."));
            let files = format.exporter().files(&graph).map_err(|e| e.to_string())?;
            write_folder(dir, &files)?;
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
