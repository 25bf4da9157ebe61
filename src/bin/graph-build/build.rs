//! The build: read inputs in batches, extract their documents in parallel, merge the
//! graphs in input order (so the output does not depend on the number of threads), and
//! write the export, streaming the line-based formats as documents finish.

use crate::args::{BuildArgs, InputArgs};
use crate::diagnostics::Reporter;
use crate::input::{self, Options, Reader, Unit};
use crate::output::{FolderOutput, Output, WriteError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::export::stream::{CsvSink, Streamer};
use newsgraph::export::{read_json, ExportFormat, Layout};
use newsgraph::graph::NodeKind;
use newsgraph::{Date, Input, KnowledgeGraph, OntologyData, Pipeline, PipelineBuilder};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

/// Why a command stops early.
#[derive(Debug)]
pub enum Stop {
    /// A usage or fatal error (exit status 2).
    Fatal(String),
    /// Standard output was closed by its reader: stop quietly.
    ClosedPipe,
}

impl From<WriteError> for Stop {
    fn from(e: WriteError) -> Self {
        match e {
            WriteError::ClosedPipe => Stop::ClosedPipe,
            WriteError::Failed(m) => Stop::Fatal(m),
        }
    }
}

impl From<String> for Stop {
    fn from(m: String) -> Self {
        Stop::Fatal(m)
    }
}

/// The pipeline the input options ask for.
pub fn pipeline(args: &InputArgs) -> Result<Pipeline, Stop> {
    let mut builder = PipelineBuilder::new().with_base_iri(&args.base_iri).map_err(|e| e.to_string())?;
    if let Some(d) = &args.date {
        let date = Date::parse_iso(d).ok_or_else(|| format!("invalid --date '{d}': expected YYYY-MM-DD"))?;
        builder = builder.with_date(date);
    }
    if let Some(dir) = &args.data_dir {
        builder = builder.with_data(OntologyData::from_dir(dir).map_err(|e| e.to_string())?);
    }
    Ok(builder.build().map_err(|e| e.to_string())?)
}

/// A thread pool of the size asked for (default: one thread per core).
pub fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, Stop> {
    if threads == Some(0) {
        return Err(Stop::Fatal("invalid --threads 0: give at least 1".into()));
    }
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n);
    }
    b.build().map_err(|e| Stop::Fatal(format!("cannot start worker threads: {e}")))
}

/// Counts for the summary line.
#[derive(Debug, Default)]
pub struct Totals {
    pub documents: usize,
    pub bytes: u64,
}

/// Extract every document of the inputs, in batches, handing each document's graph to
/// `each` in input order. The graphs are freed after, by the threads that extracted them
/// (taking what it needs, `each` may leave a graph empty).
pub fn extract_all(
    args: &InputArgs,
    pipeline: &Pipeline,
    reporter: &Reporter,
    mut each: impl FnMut(&mut KnowledgeGraph) -> Result<(), Stop>,
) -> Result<Totals, Stop> {
    let pool = thread_pool(args.threads)?;
    let sources = input::sources(&args.inputs, reporter);
    let total: u64 = sources
        .iter()
        .filter_map(|s| match s {
            input::Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            input::Source::Stdin => None,
        })
        .sum();
    let opts = Options { format: args.input_format, strict: args.strict, max_doc_bytes: args.max_doc_bytes };
    let mut reader = Reader::new(sources, opts);
    let bar = (!args.quiet && std::io::stderr().is_terminal() && total > 4 << 20).then(|| {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    reporter.set_bar(bar.clone());
    let mut totals = Totals::default();
    let strict = args.strict;
    let extract = |batch: Vec<Unit>| pool.install(|| extract_batch(batch, pipeline, strict));
    // A batch's graphs, written, are freed by the pool (in the order of the jobs given to
    // it, before the next batch when it has one thread): a graph's allocations cost the
    // thread that made them less to free than another, which is also the serial writer.
    let dispose = |done: Vec<Done>| pool.spawn(move || drop(done));
    if pool.current_num_threads() == 1 {
        loop {
            let batch = next_batch(&mut reader, reporter);
            if batch.is_empty() {
                break;
            }
            dispose(write_batch(extract(batch), reporter, &mut totals, &mut each)?);
            if let Some(b) = &bar {
                b.set_position(reader.bytes_read);
            }
        }
    } else {
        // With more than one thread, another thread reads and extracts batches ahead (one
        // waiting at most) while this one writes them in order: writing is serial, and the
        // other cores would otherwise wait for it, or it for them, at every batch.
        std::thread::scope(|scope| -> Result<(), Stop> {
            let (ready, batches) = std::sync::mpsc::sync_channel::<(Vec<Done>, u64)>(1);
            let reader = &mut reader;
            let producer = scope.spawn(move || loop {
                let batch = next_batch(reader, reporter);
                // Stop at the end, or when the writer has stopped.
                if batch.is_empty() || ready.send((extract(batch), reader.bytes_read)).is_err() {
                    return;
                }
            });
            let written: Result<(), Stop> = batches.iter().try_for_each(|(results, read)| {
                dispose(write_batch(results, reporter, &mut totals, &mut each)?);
                if let Some(b) = &bar {
                    b.set_position(read);
                }
                Ok(())
            });
            drop(batches);
            let joined = producer.join();
            written?;
            joined.map_err(|_| Stop::Fatal("internal error: a worker thread failed".into()))
        })?;
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    reporter.set_bar(None);
    Ok(totals)
}

/// A document's graph, or why it was skipped.
type Done = Result<(String, usize, KnowledgeGraph, Vec<String>), (String, String)>;

/// The next batch of units: enough work for every thread, bounded in memory.
fn next_batch(reader: &mut Reader, reporter: &Reporter) -> Vec<Unit> {
    let mut batch: Vec<Unit> = Vec::new();
    let mut size = 0usize;
    while batch.len() < 256 && size < 16 << 20 {
        match reader.next_unit(reporter) {
            Some(u) => {
                size += match &u {
                    Unit::Whole { bytes, .. } => bytes.len(),
                    Unit::Line { text, .. } => text.len(),
                };
                batch.push(u);
            }
            None => break,
        }
    }
    batch
}

/// The graphs of a batch, extracted in parallel, in the batch's order.
fn extract_batch(batch: Vec<Unit>, pipeline: &Pipeline, strict: bool) -> Vec<Done> {
    batch
        .into_par_iter()
        .map(|unit| {
            let (doc, warnings) = input::documents(unit, strict)?;
            let input = Input { name: &doc.name, text: &doc.text, date: doc.date };
            let graph = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.extract(&input)))
                .map_err(|_| (doc.name.clone(), "internal error while extracting; please report it".to_owned()))?;
            Ok((doc.name, doc.text.len(), graph, warnings))
        })
        .collect()
}

/// Report and hand on the graphs of a batch, in order; give the batch back, to be freed.
fn write_batch(
    mut results: Vec<Done>,
    reporter: &Reporter,
    totals: &mut Totals,
    each: &mut impl FnMut(&mut KnowledgeGraph) -> Result<(), Stop>,
) -> Result<Vec<Done>, Stop> {
    for r in &mut results {
        match r {
            Err((name, why)) => reporter.skip(name, why),
            Ok((name, len, graph, warnings)) => {
                for w in warnings.iter() {
                    reporter.warn(name, w);
                }
                totals.documents += 1;
                totals.bytes += *len as u64;
                each(graph)?;
            }
        }
    }
    Ok(results)
}

/// The graph of the inputs, in memory (for the commands that read a whole graph).
pub fn build_graph(args: &InputArgs, reporter: &Reporter) -> Result<KnowledgeGraph, Stop> {
    let pipeline = pipeline(args)?;
    let mut graph = KnowledgeGraph::with_base(pipeline.base_iri());
    extract_all(args, &pipeline, reporter, |g| {
        graph.extend(std::mem::take(g));
        Ok(())
    })?;
    Ok(graph)
}

/// Why writing `target` failed: a closed pipe (the reader went away: stop quietly), or an
/// error to report. Exporters carry the system's message of an I/O error (through their
/// serialisers too), so the closed pipe is known by it.
fn write_failure(target: &str, e: newsgraph::Error) -> Stop {
    if e.message().contains("Broken pipe") {
        Stop::ClosedPipe
    } else {
        Stop::Fatal(format!("{target}: cannot write: {e}"))
    }
}

/// The output of a format: a file (or standard output), or a folder (`-o DIR`, else the
/// current folder).
fn open_output(format: ExportFormat, path: Option<&Path>) -> Result<(Option<Output>, Option<FolderOutput>), Stop> {
    Ok(match format.layout() {
        Layout::Stream => (Some(Output::open(path)?), None),
        Layout::Folder => (None, Some(FolderOutput::open(path.unwrap_or(Path::new(".")))?)),
    })
}

/// The default command: build the graph and write it.
pub fn run(args: &BuildArgs, reporter: &Reporter) -> Result<(), Stop> {
    let start = Instant::now();
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format '{}' (expected one of: {})", args.format, names.join(", "))
    })?;
    if format.layout() == Layout::Folder && args.output.is_none() {
        return Err(Stop::Fatal(format!("the {format} format writes a folder of files: give one with -o DIR")));
    }
    let pipeline = pipeline(&args.input)?;
    let mut graph = match &args.merge {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("{}: cannot read: {}", p.display(), crate::diagnostics::io_reason(&e)))?;
            read_json(&text).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => KnowledgeGraph::with_base(pipeline.base_iri()),
    };
    // Line-based formats stream out as documents finish (unless merging into a graph).
    let streamer = if args.merge.is_none() { Streamer::new(format) } else { None };
    let counts = match streamer {
        Some(streamer) => {
            let (mut out, folder) = open_output(format, args.output.as_deref())?;
            let target = match (&out, &folder) {
                (Some(o), _) => o.target().to_owned(),
                (_, Some(f)) => f.target(),
                _ => String::new(),
            };
            let fail = |e: newsgraph::Error| write_failure(&target, e);
            let mut streamer = match &folder {
                Some(f) => streamer.spill_in(f.path()).map_err(&fail)?,
                None => streamer,
            };
            let mut devnull = std::io::sink();
            let totals = extract_all(&args.input, &pipeline, reporter, |g| {
                let writer: &mut dyn std::io::Write = match &mut out {
                    Some(o) => o.writer(),
                    None => &mut devnull,
                };
                streamer.document_in_place(g, writer).map_err(&fail)
            })?;
            let counts = (totals, streamer.entity_count(), streamer.event_count(), streamer.edge_count());
            match (out, folder) {
                (Some(mut o), _) => {
                    streamer.finish(o.writer()).map_err(&fail)?;
                    o.commit()?;
                }
                (None, Some(f)) => {
                    use std::io::Write;
                    let (mut nodes, mut edges) = (f.create("nodes.csv")?, f.create("edges.csv")?);
                    streamer.finish_csv(CsvSink { nodes: &mut nodes, edges: &mut edges }).map_err(&fail)?;
                    nodes.flush().and_then(|()| edges.flush()).map_err(|e| format!("{target}: cannot write: {e}"))?;
                    drop((nodes, edges));
                    f.commit()?;
                }
                (None, None) => {}
            }
            counts
        }
        None => {
            // Opened first, so that an output that cannot be written is named at once.
            let (out, folder) = open_output(format, args.output.as_deref())?;
            let totals = extract_all(&args.input, &pipeline, reporter, |g| {
                graph.extend(std::mem::take(g));
                Ok(())
            })?;
            let exporter = format.exporter();
            match (out, folder) {
                (Some(mut out), _) => {
                    let target = out.target().to_owned();
                    exporter.write(&graph, out.writer()).map_err(|e| write_failure(&target, e))?;
                    out.commit()?;
                }
                (None, Some(folder)) => {
                    let files = exporter.files(&graph).map_err(|e| e.to_string())?;
                    for f in &files {
                        folder.write(f.name, &f.contents, f.executable)?;
                    }
                    folder.commit()?;
                }
                (None, None) => {}
            }
            let count = |f: fn(&NodeKind) -> bool| graph.nodes().iter().filter(|n| f(&n.kind())).count();
            let entities = count(|k| matches!(k, NodeKind::Entity(_)));
            (totals, entities, count(|k| matches!(k, NodeKind::Event(_))), graph.edge_count())
        }
    };
    let (totals, entities, events, edges) = counts;
    if !args.input.quiet {
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "graph-build: {} ({} skipped), {entities} entities, {events} events, {edges} edges in {secs:.2} s ({} of text, {})",
            count(totals.documents, "document"),
            reporter.skipped(),
            size(totals.bytes as f64),
            rate(totals.bytes as f64 / secs.max(1e-9)),
        );
    }
    // The pipeline's tables (the gazetteer's index of some 150,000 names) and the graph are
    // given back to the system when the process exits; freeing them one by one first
    // would only take time.
    std::mem::forget(pipeline);
    std::mem::forget(graph);
    Ok(())
}

/// "1 document", "2 documents".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A number of bytes in the unit that shows it best: "2.0 MB", "13 kB", "120 B".
fn size(bytes: f64) -> String {
    if bytes >= 1e6 {
        format!("{:.1} MB", bytes / 1e6)
    } else if bytes >= 1e3 {
        format!("{:.0} kB", bytes / 1e3)
    } else {
        format!("{bytes:.0} B")
    }
}

/// A throughput in bytes per second, as [`size`] writes sizes: "6.1 MB/s", "41 kB/s"
/// (a single article is read in less time than the tool takes to start).
fn rate(bytes_per_second: f64) -> String {
    format!("{}/s", size(bytes_per_second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_rates_in_readable_units() {
        assert_eq!(size(2_012_345.0), "2.0 MB");
        assert_eq!(size(13_400.0), "13 kB");
        assert_eq!(size(120.0), "120 B");
        assert_eq!(rate(6_140_000.0), "6.1 MB/s");
        assert_eq!(rate(41_300.0), "41 kB/s");
        assert_eq!(rate(0.0), "0 B/s");
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "document"), "0 documents");
    }
}
