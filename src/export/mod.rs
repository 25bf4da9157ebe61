//! Exporters: one module per format, each reading the same [`KnowledgeGraph`].
//!
//! Contract: every exporter is deterministic (same graph, same bytes) and writes through
//! a real serialiser for its syntax (oxttl for RDF, serde_json for JSON). Adding a
//! format means one new module and one [`ExportFormat`] variant.

mod json;
mod rdf;

pub use json::JsonExporter;
pub use rdf::{graph_triples, TurtleExporter};

use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes a graph in one format.
pub trait Exporter {
    /// Write `graph` to `out`.
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()>;
}

/// The formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Turtle,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Turtle, ExportFormat::Json];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "turtle",
            ExportFormat::Json => "json",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "ttl",
            ExportFormat::Json => "json",
        }
    }

    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            ExportFormat::Turtle => Box::new(TurtleExporter),
            ExportFormat::Json => Box::new(JsonExporter),
        }
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
