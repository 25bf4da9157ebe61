//! CSV export (`--format csv -o DIR`), for spreadsheets and pandas: `nodes.csv` and
//! `edges.csv`.
//!
//! Contract: RFC 4180 files written by the csv crate (comma-separated, fields quoted when
//! they hold a comma, a quote or a line break, quotes doubled, CRLF record ends), UTF-8
//! without a byte-order mark, one header line of plain column names:
//! - `nodes.csv`: `id` (the IRI), then the columns of [`property::NODE_COLUMNS`], one row
//!   per node: documents, events and statements in IRI order, then entities in IRI order;
//! - `edges.csv`: `id`, `source`, `target` (IRIs), then [`property::EDGE_COLUMNS`], one row
//!   per edge.
//!
//! The rows are those the streaming writer ([`super::stream`]) writes for one graph, so
//! that a corpus streamed document by document gives the same rows.
//!
//! An absent value is an empty field; numbers are plain decimals, booleans `true`/`false`,
//! dates `YYYY-MM-DD`, and `aliases` a JSON array of strings (`["Zelensky"]`), which
//! `json.loads` reads back whatever the aliases contain.

use super::property::{self, Column};
use super::{needs_folder, ExportFile, Exporter, Layout};
use crate::error::Result;
use crate::graph::{EdgeView, KnowledgeGraph, Node};
use std::io::Write;

/// Writes `nodes.csv` and `edges.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvExporter;

/// A CSV writer with this crate's settings: RFC 4180, CRLF record ends.
pub(crate) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

pub(crate) fn header(first: &[&str], columns: &[Column]) -> Vec<String> {
    first.iter().map(|s| (*s).to_owned()).chain(columns.iter().map(|c| c.name.to_owned())).collect()
}

/// The `nodes.csv` record of a node.
pub(crate) fn node_record(n: &Node) -> Vec<String> {
    let values = property::node_values(n);
    let mut record: Vec<String> = Vec::with_capacity(values.len() + 1);
    record.push(n.iri.clone());
    record.extend(values.iter().map(|v| v.as_ref().map(|v| v.text().into_owned()).unwrap_or_default()));
    record
}

/// The `edges.csv` record of an edge.
pub(crate) fn edge_record(e: &EdgeView<'_>) -> Vec<String> {
    let values = property::edge_values(e);
    let mut record: Vec<String> = Vec::with_capacity(values.len() + 3);
    record.push(property::edge_id(e));
    record.push(e.source.iri.clone());
    record.push(e.target.iri.clone());
    record.extend(values.iter().map(|v| v.as_ref().map(|v| v.text().into_owned()).unwrap_or_default()));
    record
}

impl Exporter for CsvExporter {
    fn layout(&self) -> Layout {
        Layout::Folder
    }

    fn write(&self, _graph: &KnowledgeGraph, _out: &mut dyn Write) -> Result<()> {
        Err(needs_folder("csv"))
    }

    fn files(&self, graph: &KnowledgeGraph) -> Result<Vec<ExportFile>> {
        // Written as the streaming writer writes one graph.
        let (mut nodes, mut edges) = (Vec::new(), Vec::new());
        let streamer = super::stream::Streamer::new(super::ExportFormat::Csv).ok_or_else(|| needs_folder("csv"))?;
        streamer.whole(
            graph,
            &mut std::io::sink(),
            Some(super::stream::CsvSink { nodes: &mut nodes, edges: &mut edges }),
        )?;
        Ok(vec![
            ExportFile { name: "nodes.csv", contents: nodes, executable: false },
            ExportFile { name: "edges.csv", contents: edges, executable: false },
        ])
    }
}
