//! `graph-build query`: the graph of the inputs (or RDF files) in an embedded in-memory
//! oxigraph store, one SPARQL query, its results on standard output.
//!
//! The store holds the quads every RDF export writes ([`graph_quads`]): one named graph per
//! document (what it states), entity descriptions in the default graph. The default graph
//! also holds every triple of the named graphs, once, so that it is the whole graph (the
//! triples of the Turtle export) and a pattern joins what documents state with what is
//! known of the entities; `GRAPH ?g { … }` reaches one document's statements. Common
//! prefixes are predeclared ([`PREFIXES`]).

use crate::args::{QueryArgs, ResultsFormat};
use crate::build::{build_graph, Stop};
use crate::diagnostics::{io_reason, Reporter};
use crate::output::{Output, WriteError};
use crate::table::Table;
use newsgraph::export::graph_quads;
use newsgraph::vocab;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, Quad, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, QueryTripleIter, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// The prefixes a query may use without declaring them (a `PREFIX` line overrides them).
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", vocab::ng::NS),
    ("rdf", vocab::rdf::NS),
    ("rdfs", vocab::rdfs::NS),
    ("xsd", vocab::xsd::NS),
    ("owl", vocab::owl::NS),
    ("skos", vocab::skos::NS),
    ("prov", vocab::prov::NS),
    ("wgs84", vocab::wgs84::NS),
    ("sem", vocab::sem::NS),
    ("schema", vocab::schema::NS),
    ("wd", vocab::external::WIKIDATA_ENTITY),
];

pub fn run(args: &QueryArgs, reporter: &Reporter) -> Result<(), Stop> {
    let text = query_text(&args.sparql)?;
    let mut evaluator = SparqlEvaluator::new();
    for (name, iri) in PREFIXES {
        evaluator = evaluator.with_prefix(*name, *iri).map_err(|e| format!("prefix {name}: {e}"))?;
    }
    let prepared = evaluator.parse_query(&text).map_err(|e| format!("query: {}", syntax_message(&e)))?;
    let store = Store::new().map_err(|e| format!("cannot create the store: {e}"))?;
    for path in &args.graph {
        load_file(&store, path)?;
    }
    // Text inputs (standard input when neither inputs nor --graph are given).
    if !args.input.inputs.is_empty() || args.graph.is_empty() {
        let graph = build_graph(&args.input, reporter)?;
        let quads = graph_quads(&graph).map_err(|e| e.to_string())?;
        store.extend(with_union(quads)).map_err(|e| format!("cannot load the graph: {e}"))?;
    }
    let results = prepared.on_store(&store).execute().map_err(|e| format!("query: {e}"))?;
    let mut out = Output::open(None)?;
    let written = match results {
        QueryResults::Solutions(solutions) => write_solutions(solutions, args.results, out.writer()),
        QueryResults::Boolean(b) => write_boolean(b, args.results, out.writer()),
        QueryResults::Graph(triples) => write_triples(triples, args.results, out.writer()),
    };
    written.map_err(|e| match e {
        Failure::Io(e) => Stop::from(WriteError::io("standard output", e)),
        Failure::Other(m) => Stop::Fatal(m),
    })?;
    out.commit()?;
    Ok(())
}

/// The query: the argument itself, or the contents of the file named after `@`.
fn query_text(arg: &str) -> Result<String, Stop> {
    match arg.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Stop::Fatal(format!("{path}: cannot read the query: {}", io_reason(&e)))),
        None => Ok(arg.to_owned()),
    }
}

/// The parser's message, with its position as `line L, column C`.
fn syntax_message(e: &oxigraph::sparql::SparqlSyntaxError) -> String {
    let m = e.to_string();
    // spargebra writes "error at LINE:COLUMN: expected ...".
    if let Some(rest) = m.strip_prefix("error at ") {
        if let Some((pos, what)) = rest.split_once(": ") {
            if let Some((line, column)) = pos.split_once(':') {
                return format!("line {line}, column {column}: {what}");
            }
        }
    }
    m
}

/// Load an RDF file into the store, its syntax told by its extension.
fn load_file(store: &Store, path: &Path) -> Result<(), Stop> {
    let shown = path.display();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match ext.to_ascii_lowercase().as_str() {
        "ttl" => RdfFormat::Turtle,
        "nt" => RdfFormat::NTriples,
        "nq" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "rdf" | "owl" => RdfFormat::RdfXml,
        "jsonld" => RdfFormat::JsonLd { profile: Default::default() },
        _ => {
            return Err(Stop::Fatal(format!(
                "{shown}: cannot tell the RDF syntax from the extension '{ext}' (expected .ttl, .nt, .nq, .trig, .rdf or .jsonld)"
            )))
        }
    };
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: cannot read: {}", io_reason(&e)))?;
    let parser = RdfParser::from_format(format).for_reader(std::io::BufReader::new(file));
    let mut batch = Vec::with_capacity(4096);
    for quad in parser {
        let quad = quad.map_err(|e| match e {
            RdfParseError::Io(e) => format!("{shown}: cannot read: {}", io_reason(&e)),
            RdfParseError::Syntax(e) => match e.location() {
                Some(at) => format!("{shown}:{}:{}: {}", at.start.line + 1, at.start.column + 1, bare_message(&e)),
                None => format!("{shown}: {e}"),
            },
        })?;
        batch.push(quad);
        if batch.len() == batch.capacity() {
            store.extend(with_union(batch.drain(..))).map_err(|e| format!("{shown}: cannot load: {e}"))?;
        }
    }
    store.extend(with_union(batch)).map_err(|e| format!("{shown}: cannot load: {e}"))?;
    Ok(())
}

/// Each quad, and the triple of each quad of a named graph in the default graph too.
fn with_union(quads: impl IntoIterator<Item = Quad>) -> impl Iterator<Item = Quad> {
    quads.into_iter().flat_map(|q| {
        let triple = (!q.graph_name.is_default_graph())
            .then(|| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), GraphName::DefaultGraph));
        std::iter::once(q).chain(triple)
    })
}

/// A syntax error's message without the position the parser prefixes it with (given
/// separately as `FILE:LINE:COLUMN`).
fn bare_message(e: &impl std::fmt::Display) -> String {
    let m = e.to_string();
    match m.strip_prefix("Parser error ") {
        Some(rest) => rest.split_once(": ").map_or(m.clone(), |(_, what)| what.to_owned()),
        None => m,
    }
}

/// Why writing results stopped.
enum Failure {
    Io(std::io::Error),
    Other(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

fn evaluation(e: impl std::fmt::Display) -> Failure {
    Failure::Other(format!("query: {e}"))
}

/// The results format of a SELECT or ASK query.
fn tabular(format: ResultsFormat) -> Result<Option<QueryResultsFormat>, Failure> {
    match format {
        ResultsFormat::Table => Ok(None),
        ResultsFormat::Csv => Ok(Some(QueryResultsFormat::Csv)),
        ResultsFormat::Tsv => Ok(Some(QueryResultsFormat::Tsv)),
        ResultsFormat::Json => Ok(Some(QueryResultsFormat::Json)),
        ResultsFormat::Xml => Ok(Some(QueryResultsFormat::Xml)),
        ResultsFormat::Ntriples | ResultsFormat::Turtle => Err(Failure::Other(
            "--results ntriples and turtle are for CONSTRUCT and DESCRIBE queries; SELECT and ASK give table, csv, tsv, json or xml"
                .into(),
        )),
    }
}

fn write_solutions(
    solutions: QuerySolutionIter<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let variables = solutions.variables().to_vec();
    match tabular(format)? {
        Some(f) => {
            let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(out, variables)?;
            for s in solutions {
                w.serialize(&s.map_err(evaluation)?)?;
            }
            w.finish()?;
        }
        None => {
            let names: Vec<&str> = variables.iter().map(|v| v.as_str()).collect();
            let mut table = Table::new(&names);
            for s in solutions {
                let s = s.map_err(evaluation)?;
                let cells: Vec<String> =
                    s.values().iter().map(|v| v.as_ref().map(display).unwrap_or_default()).collect();
                table.row(&cells);
            }
            table.write(out)?;
        }
    }
    Ok(())
}

fn write_boolean(value: bool, format: ResultsFormat, out: &mut dyn Write) -> Result<(), Failure> {
    match tabular(format)? {
        Some(f) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, value)?;
            // CSV and TSV write the bare word: end the line.
            if matches!(f, QueryResultsFormat::Csv | QueryResultsFormat::Tsv) {
                writeln!(out)?;
            }
        }
        None => writeln!(out, "{value}")?,
    }
    Ok(())
}

fn write_triples(triples: QueryTripleIter<'_>, format: ResultsFormat, out: &mut dyn Write) -> Result<(), Failure> {
    match format {
        ResultsFormat::Ntriples => {
            let mut w = oxttl::NTriplesSerializer::new().for_writer(out);
            for t in triples {
                let t: Triple = t.map_err(evaluation)?;
                w.serialize_triple(&t)?;
            }
            w.finish();
        }
        ResultsFormat::Table | ResultsFormat::Turtle => {
            let mut ser = oxttl::TurtleSerializer::new();
            for (name, iri) in PREFIXES {
                ser = ser.with_prefix(*name, *iri).map_err(|e| Failure::Other(format!("prefix {name}: {e}")))?;
            }
            let mut w = ser.for_writer(out);
            for t in triples {
                let t: Triple = t.map_err(evaluation)?;
                w.serialize_triple(&t)?;
            }
            w.finish()?;
        }
        _ => {
            return Err(Failure::Other(
                "CONSTRUCT and DESCRIBE give triples: use --results turtle (the default) or ntriples".into(),
            ))
        }
    }
    Ok(())
}

/// A term as the table shows it: IRIs with a predeclared prefix when the rest is a plain
/// name (`ng:attacked`), else in angle brackets; literals by their value; blank nodes as
/// `_:id`.
fn display(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn compact(iri: &str) -> String {
    for (name, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            let plain = local.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if plain {
                return format!("{name}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The graph names of a store.
    fn graph_names(store: &Store) -> Vec<GraphName> {
        let mut v: Vec<GraphName> = store.iter().filter_map(|q| q.ok().map(|q| q.graph_name)).collect();
        v.sort_by_key(|g| g.to_string());
        v.dedup();
        v
    }

    #[test]
    fn iris_are_compacted_only_to_names_a_query_accepts() {
        assert_eq!(compact("https://w3id.org/newsgraph/ontology#attacked"), "ng:attacked");
        assert_eq!(compact("http://www.wikidata.org/entity/Q212"), "wd:Q212");
        assert_eq!(
            compact("https://w3id.org/newsgraph/id/person/volodymyr-zelenskyy"),
            "<https://w3id.org/newsgraph/id/person/volodymyr-zelenskyy>"
        );
        assert_eq!(compact("http://example.org/a.b"), "<http://example.org/a.b>");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = SparqlEvaluator::new().parse_query("SELECT ?x WHERE {\n  ?x ?y }").err().expect("a syntax error");
        let m = syntax_message(&e);
        assert!(m.starts_with("line 2, column "), "{m}");
    }

    #[test]
    fn rdf_files_load_into_their_graphs() {
        let dir = std::env::temp_dir().join(format!("newsgraph-query-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let nq = dir.join("g.nq");
        std::fs::write(&nq, "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> \"x\" .\n").unwrap();
        let store = Store::new().unwrap();
        load_file(&store, &nq).unwrap_or_else(|_| panic!("loads"));
        assert_eq!(graph_names(&store).len(), 2);
        let bad = dir.join("bad.ttl");
        std::fs::write(&bad, "@prefix ex: <http://e/> .\nex:a ex:b .\n").unwrap();
        match load_file(&store, &bad) {
            Err(Stop::Fatal(m)) => assert!(m.starts_with(&format!("{}:2:", bad.display())), "{m}"),
            _ => panic!("a syntax error"),
        }
        match load_file(&store, &dir.join("x.csv")) {
            Err(Stop::Fatal(m)) => assert!(m.contains("extension 'csv'"), "{m}"),
            _ => panic!("an unknown extension"),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
