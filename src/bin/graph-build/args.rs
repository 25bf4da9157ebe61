//! Command-line arguments.

use clap::{Args, Parser, ValueEnum};
use std::path::PathBuf;

/// Build a knowledge graph of actors, places and events from English news text.
#[derive(Debug, Parser)]
#[command(
    name = "graph-build",
    version,
    about,
    long_about = "Build a knowledge graph of actors, places and events from English news text.\n\n\
        INPUT is a file, a folder (searched recursively for .txt, .md, .html, .htm and .jsonl files), \
        or - for standard input (the default). JSON Lines files hold one article per line: \
        {\"text\": ..., \"id\", \"url\", \"title\", \"date\" optional}.",
    after_help = "Exit status: 0 success; 1 finished, but some inputs were skipped (each named on stderr); \
        2 usage or fatal error."
)]
pub struct Cli {
    #[command(flatten)]
    pub build: BuildArgs,
}

/// Options of the build.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: turtle, ntriples, nquads, trig, jsonld, rdfxml (RDF); graphml, gexf,
    /// dot (graph tools); csv, neo4j (folders of CSV files, need -o DIR); cypher, json,
    /// geojson. ntriples, nquads and csv stream out as documents finish.
    #[arg(short, long, value_name = "FORMAT", default_value = "turtle")]
    pub format: String,

    /// Write to this file instead of standard output; for csv and neo4j, the folder to
    /// write (created if its parent exists). Written to a temporary file and renamed, so
    /// an error never leaves a half-written output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Add the inputs to a graph written earlier with --format json, so that day-by-day
    /// runs give the same graph as one run over all days.
    #[arg(long, value_name = "PREVIOUS")]
    pub merge: Option<PathBuf>,
}

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By file extension (.html/.htm: HTML, .jsonl/.ndjson: JSON Lines, else text); standard
    /// input by its first bytes.
    Auto,
    Text,
    Html,
    Jsonl,
}

/// Options about the inputs, shared by every command.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or folders, or - for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for documents that do not state one.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Base of the IRIs minted for entities, events and statements.
    #[arg(long, value_name = "IRI", default_value = newsgraph::vocab::DEFAULT_BASE_IRI)]
    pub base_iri: String,

    /// Read gazetteers, lexicon and triggers from this folder instead of the built-in data.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Worker threads (default: one per core). The output is the same for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// How to read inputs.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "auto")]
    pub input_format: InputFormatArg,

    /// Reject invalid UTF-8 instead of replacing it (with a warning).
    #[arg(long)]
    pub strict: bool,

    /// Skip documents larger than this (bytes; K, M and G suffixes allowed), each with an
    /// error line.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_doc_bytes: u64,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// A size in bytes with an optional K, M or G suffix (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, scale) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("invalid size '{s}': expected a number of bytes such as 500000, 64K or 16M"))
}
