//! Command-line arguments.

use clap::Parser;
use std::path::PathBuf;

/// Build a knowledge graph of actors, places and events from English news text.
#[derive(Debug, Parser)]
#[command(name = "graph-build", version, about, long_about = None)]
pub struct Args {
    /// Input files, or - for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format: turtle, ntriples, nquads, trig, jsonld, rdfxml (RDF); graphml, gexf,
    /// dot (graph tools); csv, neo4j (folders of CSV files, need -o DIR); cypher, json,
    /// geojson.
    #[arg(short, long, value_name = "FORMAT", default_value = "turtle")]
    pub format: String,

    /// Write to this file instead of standard output; for csv and neo4j, the folder to
    /// write (created if its parent exists).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Publication date (YYYY-MM-DD) for documents that do not state one.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Base of the IRIs minted for entities, events and statements.
    #[arg(long, value_name = "IRI", default_value = newsgraph::vocab::DEFAULT_BASE_IRI)]
    pub base_iri: String,

    /// Read gazetteers, lexicon and triggers from this folder instead of the built-in data.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}
