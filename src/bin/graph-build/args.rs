//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Build a knowledge graph of actors, places and events from English news text.
#[derive(Debug, Parser)]
#[command(
    name = "graph-build",
    version,
    about,
    long_about = "Build a knowledge graph of actors, places and events from English news text.\n\n\
        INPUT is a file, a folder (searched recursively for .txt, .text, .md, .html, .htm, .xhtml, .jsonl and .ndjson files), \
        or - for standard input (the default). JSON Lines files hold one article per line: \
        {\"text\": ..., \"id\", \"url\", \"title\", \"date\" optional}.",
    after_help = "Examples:\n  \
        graph-build day-987.txt > day-987.ttl\n  \
        graph-build -f json -o day-987.json day-987.txt\n  \
        graph-build -f neo4j -o neo4j/ corpus/\n  \
        cat article.html | graph-build --date 2024-11-08 -f gexf - > article.gexf\n  \
        graph-build -f json -o graph.json day-1.txt\n  \
        graph-build -f json --merge graph.json -o graph.json day-2.txt\n\n\
        Exit status: 0 success; 1 finished, but some inputs were skipped (each named on stderr); \
        2 usage or fatal error, nothing written; 130 interrupted (Ctrl-C), nothing written. \
        Every message, its cause and remedy: docs/errors.md."
)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub build: BuildArgs,
}

/// The commands besides the default one (building and writing a graph).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a SPARQL query over the graph of the inputs, in an embedded store.
    #[command(
        long_about = "Run a SPARQL 1.1 query over the graph of the inputs, loaded into an embedded in-memory \
            store (the same RDF that --format nquads writes), or over RDF files given with --graph.\n\n\
            The default graph is the union of all graphs (one named graph per document); GRAPH ?g \
            reaches a single document's graph. Predeclared prefixes, usable without PREFIX lines: \
            ng: rdf: rdfs: xsd: owl: skos: prov: wgs84: sem: schema: wd: (Wikidata entities).",
        after_help = "Examples:\n  \
            graph-build query 'SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name }' day-987.txt\n  \
            graph-build query --results csv @attacks.rq corpus/\n  \
            graph-build query --graph day-987.nq 'ASK { ?a ng:attacked ?b }'\n\n\
            Exit status: 0 success; 1 finished, but some inputs were skipped; 2 usage, query or fatal error."
    )]
    Query(QueryArgs),
    /// Counts of entities, events and edges by type; top actors; documents and dates.
    #[command(
        long_about = "Counts of the graph of the inputs: entities by type, events by type, edges by \
            predicate; the actors (people, countries, organisations) with the most edges; the \
            documents, their dates and the dates their events cover.",
        after_help = "Examples:\n  \
            graph-build stats day-987.txt\n  \
            graph-build stats --json --top 0 corpus/\n\n\
            Exit status: 0 success; 1 finished, but some inputs were skipped; 2 usage or fatal error."
    )]
    Stats(StatsArgs),
    /// Precision, recall and F1 of the graph of the inputs against gold annotations.
    #[command(
        long_about = "Precision, recall and F1 of each input document's graph against its gold annotation \
            (DIR/NAME.json names its document NAME.txt in \"doc\"; see docs/gold-format.md): typed and \
            untyped entities, relations (strict, and lenient where an organisation stands for its \
            country), events, and exact casualty counts. Each document is extracted on its own, as \
            graph-build --format json NAME.txt would. Gold files whose document is not among the \
            inputs, and inputs without a gold file, are named on stderr and not scored.",
        after_help = "Examples:\n  \
            graph-build eval --gold gold/ corpus/\n  \
            graph-build eval --verbose --gold gold/ corpus/day-1.txt\n\n\
            Exit status: 0 success; 1 finished, but some inputs were skipped; 2 usage or fatal error."
    )]
    Eval(EvalArgs),
}

/// How `query` writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    /// An aligned table (SELECT), true or false (ASK), Turtle (CONSTRUCT, DESCRIBE).
    Table,
    /// SPARQL 1.1 CSV results (SELECT, ASK).
    Csv,
    /// SPARQL 1.1 TSV results (SELECT, ASK).
    Tsv,
    /// SPARQL 1.1 JSON results (SELECT, ASK).
    Json,
    /// SPARQL XML results (SELECT, ASK).
    Xml,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Ntriples,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Turtle,
}

/// Options of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE), or @FILE to read it from FILE.
    #[arg(value_name = "SPARQL")]
    pub sparql: String,

    /// How to write the results.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "table")]
    pub results: ResultsFormat,

    /// Query this RDF file (.ttl, .nt, .nq, .trig, .rdf or .jsonld, as graph-build exports
    /// it) instead of building a graph; repeat for several files. INPUTs given as well are
    /// added to it.
    #[arg(long, value_name = "FILE")]
    pub graph: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,
}

/// Options of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many actors and documents to list (0: all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,

    /// Write the counts as JSON.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub input: InputArgs,
}

/// Options of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The folder of gold files (one NAME.json per document; see docs/gold-format.md).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,

    /// List, document by document, the entities, relations and events missed and wrong.
    #[arg(long)]
    pub verbose: bool,

    /// Write the scores as JSON (overall and per document).
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub input: InputArgs,
}

/// Options of the build.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: turtle, ntriples, nquads, trig, jsonld, rdfxml (RDF); graphml, gexf,
    /// dot (graph tools); csv, neo4j (folders of CSV files, need -o DIR); cypher, json,
    /// geojson. turtle, ntriples, nquads and csv stream out as documents finish.
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
    /// By file extension (.html/.htm/.xhtml: HTML, .jsonl/.ndjson: JSON Lines, else text);
    /// standard input by its first bytes.
    Auto,
    /// Plain text (UTF-8, or UTF-16 with a byte-order mark).
    Text,
    /// HTML: the page's text without scripts, styles and navigation; title, canonical URL and
    /// publication date from its metadata.
    Html,
    /// JSON Lines: one article per line, {"text": ...} with optional "id", "url", "title", "date".
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
    /// error line, without reading them. News articles are far smaller than the default;
    /// a larger file is most likely a whole archive or not an article.
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
