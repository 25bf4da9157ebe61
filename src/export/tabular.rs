//! CSV export (`--format csv -o DIR`), for spreadsheets and pandas: `nodes.csv` and
//! `edges.csv`.
//!
//! Contract: RFC 4180 files written by the csv crate (comma-separated, fields quoted when
//! they hold a comma, a quote or a line break, quotes doubled, CRLF record ends), UTF-8
//! without a byte-order mark, one header line of plain column names:
//! - `nodes.csv`: `id` (the IRI), then the columns of [`property::NODE_COLUMNS`], one row
//!   per node in IRI order;
//! - `edges.csv`: `id`, `source`, `target` (IRIs), then [`property::EDGE_COLUMNS`], one row
//!   per edge.
//!
//! An absent value is an empty field; numbers are plain decimals, booleans `true`/`false`,
//! dates `YYYY-MM-DD`, and `aliases` a JSON array of strings (`["Zelensky"]`), which
//! `json.loads` reads back whatever the aliases contain.

use super::property::{self, Column, EDGE_COLUMNS, NODE_COLUMNS};
use super::{export_error, needs_folder, ExportFile, Exporter, Layout};
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes `nodes.csv` and `edges.csv`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvExporter;

/// A CSV writer with this crate's settings: RFC 4180, CRLF record ends.
pub(crate) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

fn header(first: &[&str], columns: &[Column]) -> Vec<String> {
    first.iter().map(|s| (*s).to_owned()).chain(columns.iter().map(|c| c.name.to_owned())).collect()
}

/// The bytes of `nodes.csv`.
pub fn nodes_csv(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    let mut w = writer(Vec::new());
    w.write_record(header(&["id"], NODE_COLUMNS)).map_err(export_error)?;
    for n in graph.nodes() {
        let values = property::node_values(n);
        let mut record: Vec<String> = Vec::with_capacity(values.len() + 1);
        record.push(n.iri.clone());
        record.extend(values.iter().map(|v| v.as_ref().map(|v| v.text().into_owned()).unwrap_or_default()));
        w.write_record(&record).map_err(export_error)?;
    }
    w.into_inner().map_err(export_error)
}

/// The bytes of `edges.csv`.
pub fn edges_csv(graph: &KnowledgeGraph) -> Result<Vec<u8>> {
    let mut w = writer(Vec::new());
    w.write_record(header(&["id", "source", "target"], EDGE_COLUMNS)).map_err(export_error)?;
    for e in graph.edges() {
        let values = property::edge_values(&e);
        let mut record: Vec<String> = Vec::with_capacity(values.len() + 3);
        record.push(property::edge_id(&e));
        record.push(e.source.iri.clone());
        record.push(e.target.iri.clone());
        record.extend(values.iter().map(|v| v.as_ref().map(|v| v.text().into_owned()).unwrap_or_default()));
        w.write_record(&record).map_err(export_error)?;
    }
    w.into_inner().map_err(export_error)
}

impl Exporter for CsvExporter {
    fn layout(&self) -> Layout {
        Layout::Folder
    }

    fn write(&self, _graph: &KnowledgeGraph, _out: &mut dyn Write) -> Result<()> {
        Err(needs_folder("csv"))
    }

    fn files(&self, graph: &KnowledgeGraph) -> Result<Vec<ExportFile>> {
        Ok(vec![
            ExportFile { name: "nodes.csv", contents: nodes_csv(graph)?, executable: false },
            ExportFile { name: "edges.csv", contents: edges_csv(graph)?, executable: false },
        ])
    }
}
