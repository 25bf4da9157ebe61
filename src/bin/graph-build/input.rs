//! Inputs: the files and folders named on the command line, read lazily into units of
//! work (a whole file, or one line of a JSON Lines file), so that memory does not grow
//! with the size of the corpus.

use crate::args::InputFormatArg;
use crate::diagnostics::{io_reason, Reporter};
use newsgraph::input::{decode, html_document, json_lines, InputFormat, SourceDocument};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// File extensions taken from folders.
const EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson"];

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub format: InputFormatArg,
    pub strict: bool,
    pub max_doc_bytes: u64,
}

/// The sources named by `paths` (standard input when none): folders are searched
/// recursively, in sorted order, for the files of [`EXTENSIONS`] (hidden files and
/// folders skipped). A path that cannot be used is reported and skipped.
pub fn sources(paths: &[PathBuf], reporter: &Reporter) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut out = Vec::new();
    let mut visited = Visited::default();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        add_path(p, true, &mut out, &mut visited, reporter);
    }
    out
}

/// The folders already searched (by device and inode), so that a symbolic link to a
/// parent folder is not followed round in circles.
#[derive(Default)]
struct Visited(std::collections::HashSet<(u64, u64)>);

impl Visited {
    /// Whether `meta`'s folder is seen for the first time.
    fn first(&mut self, meta: &std::fs::Metadata) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.0.insert((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            true
        }
    }
}

/// Why a symbolic link cannot be followed.
fn link_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "broken symbolic link (its target does not exist)".to_owned(),
        _ if e.raw_os_error() == Some(40) => "symbolic link loop".to_owned(),
        _ => format!("cannot follow symbolic link: {}", io_reason(e)),
    }
}

fn add_path(p: &Path, named: bool, out: &mut Vec<Source>, visited: &mut Visited, reporter: &Reporter) {
    let shown = p.display().to_string();
    let meta = match std::fs::symlink_metadata(p) {
        Ok(m) => m,
        Err(e) => return reporter.skip(&shown, io_reason(&e)),
    };
    let meta = if meta.file_type().is_symlink() {
        match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => return reporter.skip(&shown, link_problem(&e)),
        }
    } else {
        meta
    };
    if meta.is_dir() {
        if !visited.first(&meta) {
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(p) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return reporter.skip(&shown, format!("cannot read folder: {}", io_reason(&e))),
        };
        entries.sort();
        for e in entries {
            let hidden = e.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let wanted = e
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
            match std::fs::metadata(&e) {
                Ok(m) if m.is_dir() || wanted => add_path(&e, false, out, visited, reporter),
                Ok(_) => {}
                // A link that cannot be followed: reported if it looks like an input.
                Err(err) if wanted => reporter.skip(&e.display().to_string(), link_problem(&err)),
                Err(_) => {}
            }
        }
    } else if meta.is_file() || named {
        out.push(Source::File(p.to_path_buf()));
    }
}

/// One unit of work: a document's raw content.
#[derive(Debug)]
pub enum Unit {
    /// A whole file (or standard input) to decode as text or HTML.
    Whole { name: String, bytes: Vec<u8>, format: InputFormat },
    /// One line of a JSON Lines input.
    Line { file: String, line: usize, text: String },
}

/// Reads units from the sources in order, one at a time.
pub struct Reader {
    sources: std::vec::IntoIter<Source>,
    opts: Options,
    jsonl: Option<(String, usize, Box<dyn BufRead + Send>)>,
    /// Bytes read so far (for progress).
    pub bytes_read: u64,
}

impl Reader {
    pub fn new(sources: Vec<Source>, opts: Options) -> Self {
        Reader { sources: sources.into_iter(), opts, jsonl: None, bytes_read: 0 }
    }

    /// The next unit, reporting (and skipping) inputs that cannot be read.
    pub fn next_unit(&mut self, reporter: &Reporter) -> Option<Unit> {
        loop {
            if let Some((file, line, reader)) = &mut self.jsonl {
                match read_line(reader.as_mut(), self.opts.max_doc_bytes) {
                    Ok(Some((bytes, consumed))) => {
                        *line += 1;
                        self.bytes_read += consumed as u64;
                        // Named only to report a problem.
                        let name = || format!("{file}:{line}");
                        match bytes {
                            Line::Too => reporter.skip(
                                &name(),
                                format!("line longer than --max-doc-bytes ({})", self.opts.max_doc_bytes),
                            ),
                            Line::Text(b) => match decode(&b, self.opts.strict) {
                                Ok(d) => {
                                    if let Some(w) = d.warning {
                                        reporter.warn(&name(), w);
                                    }
                                    if !d.text.trim().is_empty() {
                                        return Some(Unit::Line { file: file.clone(), line: *line, text: d.text });
                                    }
                                }
                                Err(e) if b.is_empty() => drop(e),
                                Err(e) => reporter.skip(&name(), e),
                            },
                        }
                        continue;
                    }
                    Ok(None) => {
                        self.jsonl = None;
                        continue;
                    }
                    Err(e) => {
                        reporter.skip(file, format!("cannot read: {}", io_reason(&e)));
                        self.jsonl = None;
                        continue;
                    }
                }
            }
            let source = self.sources.next()?;
            let (name, format) = match &source {
                Source::Stdin => ("-".to_owned(), None),
                Source::File(p) => (p.display().to_string(), Some(InputFormat::from_path(p))),
            };
            let format = match self.opts.format {
                InputFormatArg::Auto => format,
                InputFormatArg::Text => Some(InputFormat::Text),
                InputFormatArg::Html => Some(InputFormat::Html),
                InputFormatArg::Jsonl => Some(InputFormat::JsonLines),
            };
            let mut reader: Box<dyn BufRead + Send> = match &source {
                Source::Stdin => Box::new(BufReader::new(std::io::stdin())),
                Source::File(p) => match std::fs::File::open(p) {
                    Ok(f) => {
                        if f.metadata().is_ok_and(|m| m.is_dir()) {
                            reporter.skip(&name, "is a folder");
                            continue;
                        }
                        Box::new(BufReader::with_capacity(1 << 16, f))
                    }
                    Err(e) => {
                        reporter.skip(&name, format!("cannot read: {}", io_reason(&e)));
                        continue;
                    }
                },
            };
            // Standard input's format is told by its first bytes.
            let format = match format {
                Some(f) => f,
                None => match reader.fill_buf() {
                    Ok(head) => InputFormat::sniff(&String::from_utf8_lossy(&head[..head.len().min(4096)])),
                    Err(e) => {
                        reporter.skip(&name, format!("cannot read: {}", io_reason(&e)));
                        continue;
                    }
                },
            };
            if format == InputFormat::JsonLines {
                self.jsonl = Some((name, 0, reader));
                continue;
            }
            // A whole document, bounded by --max-doc-bytes.
            let mut bytes = Vec::new();
            let limit = self.opts.max_doc_bytes;
            match reader.take(limit + 1).read_to_end(&mut bytes) {
                Ok(n) => self.bytes_read += n as u64,
                Err(e) => {
                    reporter.skip(&name, format!("cannot read: {}", io_reason(&e)));
                    continue;
                }
            }
            if bytes.len() as u64 > limit {
                reporter
                    .skip(&name, format!("larger than --max-doc-bytes ({limit} bytes); split it or raise the limit"));
                continue;
            }
            return Some(Unit::Whole { name, bytes, format });
        }
    }
}

enum Line {
    Text(Vec<u8>),
    /// Longer than the limit (its bytes were read and dropped).
    Too,
}

/// Read one line (without its end), keeping at most `limit` bytes: `None` at the end.
fn read_line(r: &mut dyn BufRead, limit: u64) -> std::io::Result<Option<(Line, usize)>> {
    let mut out = Vec::new();
    let mut consumed = 0usize;
    let mut too_long = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            if consumed == 0 {
                return Ok(None);
            }
            break;
        }
        // The line's end found by `memchr`, many bytes a step (a JSON Lines record is a
        // whole document).
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if !too_long {
            if (out.len() + chunk.len()) as u64 > limit {
                too_long = true;
                out = Vec::new();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(buf.len());
        consumed += used;
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if out.last() == Some(&b'\r') {
        out.pop();
    }
    Ok(Some((if too_long { Line::Too } else { Line::Text(out) }, consumed)))
}

/// Why a document without a letter or a digit is skipped.
const NO_WORDS: &str = "no words to extract (only spaces, punctuation or symbols)";

/// Whether a text has something to extract: a letter or a digit.
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The documents of a unit (one, or none with a reason), and warnings.
pub fn documents(unit: Unit, strict: bool) -> Result<(SourceDocument, Vec<String>), (String, String)> {
    match unit {
        Unit::Whole { name, bytes, format } => {
            let decoded = decode(&bytes, strict).map_err(|e| (name.clone(), e.to_string()))?;
            let warnings: Vec<String> = decoded.warning.into_iter().collect();
            let doc = match format {
                InputFormat::Html => {
                    let h = html_document(&decoded.text);
                    SourceDocument { name, text: h.text, date: h.date, title: h.title }
                }
                _ => SourceDocument { name, text: decoded.text, date: None, title: None },
            };
            if !has_words(&doc.text) {
                return Err((doc.name, NO_WORDS.into()));
            }
            Ok((doc, warnings))
        }
        Unit::Line { file, line, text } => {
            // Named only to report a problem.
            let name = || format!("{file}:{line}");
            let mut records = json_lines(&text);
            match records.next() {
                Some((_, Ok(record))) if !has_words(&record.text) => Err((name(), NO_WORDS.into())),
                Some((_, Ok(record))) => Ok((record.into_document(&file, line), Vec::new())),
                Some((_, Err(e))) => Err((name(), e)),
                None => Err((name(), NO_WORDS.into())),
            }
        }
    }
}
