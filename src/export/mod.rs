//! Exporters: one module per format, each reading the same [`KnowledgeGraph`].
//!
//! Contract: every exporter is deterministic (same graph, same bytes) and writes through
//! a real serialiser for its syntax: oxttl, oxrdfxml and oxjsonld for RDF, quick-xml
//! (through [`xml`], the one XML escaper) for GraphML and GEXF, the csv crate for CSV and
//! the Neo4j import layout, serde_json for JSON and GeoJSON; Cypher and DOT, which have no
//! Rust writer, each have one escaper in their module. Adding a format means one new
//! module and one [`ExportFormat`] variant.
//!
//! The property-graph formats (GraphML, GEXF, CSV, Neo4j, Cypher, DOT, JSON) write every
//! node and every edge of the graph, so their node and edge counts agree; the columns
//! they share come from [`property`]. The RDF syntaxes write the quads of [`graph_quads`].

mod cypher;
mod dot;
mod geojson;
mod gexf;
mod graphml;
mod json;
mod lines;
mod neo4j;
pub mod property;
mod rdf;
pub mod stream;
mod tabular;
mod turtle;
pub mod xml;

pub use cypher::CypherExporter;
pub use dot::DotExporter;
pub use geojson::GeoJsonExporter;
pub use gexf::GexfExporter;
pub use graphml::GraphMlExporter;
pub use json::{read as read_json, JsonExporter};
pub use neo4j::Neo4jExporter;
pub use rdf::{graph_quads, graph_triples, RdfExporter, RdfSyntax, PREFIXES};
pub use tabular::CsvExporter;

use crate::error::{Error, ErrorKind, Result};
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// How a format is written: one stream (standard output or the `-o` file) or a folder
/// of named files (the `-o` folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    Stream,
    Folder,
}

/// One file of a folder export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// The file name inside the folder (no directories).
    pub name: &'static str,
    pub contents: Vec<u8>,
    /// Whether the file is a script to run (written with the executable bit).
    pub executable: bool,
}

/// Writes a graph in one format.
pub trait Exporter {
    /// One stream, or a folder of files.
    fn layout(&self) -> Layout {
        Layout::Stream
    }

    /// Write `graph` to `out`. Folder formats refuse: they need [`Exporter::files`].
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()>;

    /// The export as named files: stream formats give one file, `graph` (without
    /// extension); folder formats give each file of their folder.
    fn files(&self, graph: &KnowledgeGraph) -> Result<Vec<ExportFile>> {
        let mut contents = Vec::new();
        self.write(graph, &mut contents)?;
        Ok(vec![ExportFile { name: "graph", contents, executable: false }])
    }
}

/// The error of a folder format asked to write one stream.
pub(crate) fn needs_folder(format: &str) -> Error {
    Error::usage(format!("the {format} format writes a folder of files: give one with -o DIR"))
}

/// The error of a serialiser, as an export error.
pub(crate) fn export_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Export, e.to_string())
}

/// The formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    JsonLd,
    RdfXml,
    GraphMl,
    Gexf,
    Csv,
    Neo4j,
    Cypher,
    Json,
    Dot,
    GeoJson,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 14] = [
        ExportFormat::Turtle,
        ExportFormat::NTriples,
        ExportFormat::NQuads,
        ExportFormat::TriG,
        ExportFormat::JsonLd,
        ExportFormat::RdfXml,
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::Csv,
        ExportFormat::Neo4j,
        ExportFormat::Cypher,
        ExportFormat::Json,
        ExportFormat::Dot,
        ExportFormat::GeoJson,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "turtle",
            ExportFormat::NTriples => "ntriples",
            ExportFormat::NQuads => "nquads",
            ExportFormat::TriG => "trig",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::RdfXml => "rdfxml",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv => "csv",
            ExportFormat::Neo4j => "neo4j",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Json => "json",
            ExportFormat::Dot => "dot",
            ExportFormat::GeoJson => "geojson",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The usual file extension (for folder formats, the extension of their files).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "ttl",
            ExportFormat::NTriples => "nt",
            ExportFormat::NQuads => "nq",
            ExportFormat::TriG => "trig",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::RdfXml => "rdf",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv | ExportFormat::Neo4j => "csv",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Json => "json",
            ExportFormat::Dot => "dot",
            ExportFormat::GeoJson => "geojson",
        }
    }

    /// One stream or a folder.
    pub fn layout(self) -> Layout {
        self.exporter().layout()
    }

    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            ExportFormat::Turtle => Box::new(RdfExporter(RdfSyntax::Turtle)),
            ExportFormat::NTriples => Box::new(RdfExporter(RdfSyntax::NTriples)),
            ExportFormat::NQuads => Box::new(RdfExporter(RdfSyntax::NQuads)),
            ExportFormat::TriG => Box::new(RdfExporter(RdfSyntax::TriG)),
            ExportFormat::JsonLd => Box::new(RdfExporter(RdfSyntax::JsonLd)),
            ExportFormat::RdfXml => Box::new(RdfExporter(RdfSyntax::RdfXml)),
            ExportFormat::GraphMl => Box::new(GraphMlExporter),
            ExportFormat::Gexf => Box::new(GexfExporter),
            ExportFormat::Csv => Box::new(CsvExporter),
            ExportFormat::Neo4j => Box::new(Neo4jExporter),
            ExportFormat::Cypher => Box::new(CypherExporter),
            ExportFormat::Json => Box::new(JsonExporter),
            ExportFormat::Dot => Box::new(DotExporter),
            ExportFormat::GeoJson => Box::new(GeoJsonExporter),
        }
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for f in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(f.name()), Some(f));
        }
        let mut names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ExportFormat::ALL.len());
        assert_eq!(ExportFormat::parse("xml"), None);
    }

    #[test]
    fn only_csv_and_neo4j_write_folders() {
        for f in ExportFormat::ALL {
            let folder = matches!(f, ExportFormat::Csv | ExportFormat::Neo4j);
            assert_eq!(f.layout() == Layout::Folder, folder, "{f}");
            if folder {
                let mut out = Vec::new();
                let e = f.exporter().write(&KnowledgeGraph::new(), &mut out).unwrap_err();
                assert!(e.message().contains("-o DIR"), "{e}");
            }
        }
    }
}
