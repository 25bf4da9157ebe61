//! The subcommands through the command line: `query` in every results format, ASK,
//! CONSTRUCT, `--graph` over an N-Quads export, syntax errors; `stats` against the JSON
//! export of the same input; `eval` against a hand-made gold file
//! (`tests/fixtures/gold/day-987.json`).

use crate::common;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

const SAMPLE: &str = "tests/fixtures/day-987.txt";
const PERSONS: &str = "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name";
const CORE: &[&str] = &[
    "said",
    "attacked",
    "captured",
    "sanctioned",
    "summoned",
    "deployed_to",
    "aided",
    "congratulated",
    "met",
    "criticised",
    "accused",
    "negotiated_with",
    "located_in",
    "role_in",
    "part_of",
    "based_in",
    "member_of",
];

/// Run graph-build from the repository root; it must succeed.
fn run(args: &[&str]) -> Output {
    let out = common::graph_build().args(args).current_dir(common::repo()).output().expect("graph-build runs");
    assert!(
        out.status.success(),
        "graph-build {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).expect("UTF-8 output")
}

/// The JSON export of the sample, as graph-build writes it.
fn sample_json() -> &'static Value {
    static J: OnceLock<Value> = OnceLock::new();
    J.get_or_init(|| serde_json::from_str(&stdout(&["-q", "-f", "json", SAMPLE])).expect("JSON export parses"))
}

fn nodes() -> &'static [Value] {
    sample_json()["nodes"].as_array().expect("nodes")
}

fn edges() -> &'static [Value] {
    sample_json()["edges"].as_array().expect("edges")
}

/// The labels of the sample's persons, sorted (from the JSON export).
fn persons() -> Vec<String> {
    let mut p: Vec<String> = nodes()
        .iter()
        .filter(|n| n["type"] == "Person")
        .map(|n| n["label"].as_str().expect("label").to_owned())
        .collect();
    p.sort();
    assert!(p.len() >= 3, "the sample names several people: {p:?}");
    p
}

/// The sample as N-Quads, written once by `graph-build -f nquads -o FILE`.
fn sample_nquads() -> &'static PathBuf {
    static F: OnceLock<PathBuf> = OnceLock::new();
    F.get_or_init(|| {
        let file = common::scratch("commands-nquads").join("day-987.nq");
        run(&["-q", "-f", "nquads", "-o", file.to_str().expect("UTF-8 path"), SAMPLE]);
        file
    })
}

#[test]
fn query_table_lists_the_persons() {
    let out = stdout(&["query", "-q", PERSONS, SAMPLE]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("name"));
    assert!(lines.next().is_some_and(|l| !l.is_empty() && l.chars().all(|c| c == '-')), "{out}");
    assert_eq!(lines.map(str::to_owned).collect::<Vec<_>>(), persons());
}

#[test]
fn query_csv_and_tsv_are_sparql_results() {
    let csv = run(&["query", "-q", "--results", "csv", PERSONS, SAMPLE]).stdout;
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(reader.headers().expect("a header").iter().collect::<Vec<_>>(), ["name"]);
    let rows: Vec<String> = reader.records().map(|r| r.expect("a CSV record")[0].to_owned()).collect();
    assert_eq!(rows, persons());
    assert!(csv.windows(2).any(|w| w == b"\r\n"), "SPARQL CSV ends lines with CRLF");

    let tsv = stdout(&["query", "-q", "--results", "tsv", PERSONS, SAMPLE]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("?name"));
    let expected: Vec<String> = persons().iter().map(|p| format!("\"{p}\"")).collect();
    assert_eq!(lines.map(str::to_owned).collect::<Vec<_>>(), expected, "TSV cells are RDF terms");
}

#[test]
fn query_json_results_bind_the_persons() {
    let out = stdout(&["query", "-q", "--results", "json", PERSONS, SAMPLE]);
    let v: Value = serde_json::from_str(&out).expect("SPARQL JSON results parse");
    assert_eq!(v["head"]["vars"], serde_json::json!(["name"]));
    let names: Vec<String> = v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            assert_eq!(b["name"]["type"], "literal");
            b["name"]["value"].as_str().expect("a value").to_owned()
        })
        .collect();
    assert_eq!(names, persons());
}

#[test]
fn query_ask_answers_true_and_false() {
    let attacked: BTreeSet<&str> = edges()
        .iter()
        .filter(|e| e["predicate"] == "attacked")
        .map(|e| e["source"].as_str().expect("source"))
        .collect();
    assert!(!attacked.is_empty());
    let ask = |q: &str, format: &str| stdout(&["query", "-q", "--results", format, q, SAMPLE]);
    assert_eq!(ask("ASK { ?a ng:attacked ?b }", "table"), "true\n");
    assert_eq!(ask("ASK { ?a ng:attacked ?a }", "table"), "false\n");
    let v: Value = serde_json::from_str(&ask("ASK { ?a ng:attacked ?b }", "json")).expect("JSON");
    assert_eq!(v["boolean"], true);
    // Exactly the subjects of attacked edges in the JSON export attack something.
    for iri in attacked {
        assert_eq!(ask(&format!("ASK {{ <{iri}> ng:attacked ?b }}"), "csv").trim(), "true", "{iri}");
    }
}

#[test]
fn query_construct_writes_the_triples() {
    let q = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a ng:Person ; rdfs:label ?n }";
    let out = run(&["query", "-q", "--results", "ntriples", q, SAMPLE]).stdout;
    let mut subjects = BTreeSet::new();
    let mut labels = Vec::new();
    for t in oxttl::NTriplesParser::new().for_slice(&out) {
        let t = t.expect("N-Triples parse");
        assert_eq!(t.predicate.as_str(), "http://www.w3.org/2000/01/rdf-schema#label");
        subjects.insert(t.subject.to_string().trim_matches(['<', '>']).to_owned());
        match t.object {
            oxrdf::Term::Literal(l) => labels.push(l.value().to_owned()),
            other => panic!("a label that is not a literal: {other}"),
        }
    }
    labels.sort();
    assert_eq!(labels, persons());
    let expected: BTreeSet<String> =
        nodes().iter().filter(|n| n["type"] == "Person").map(|n| n["id"].as_str().expect("id").to_owned()).collect();
    assert_eq!(subjects, expected);

    // The table format writes Turtle for graphs.
    let turtle = run(&["query", "-q", q, SAMPLE]).stdout;
    let triples: Vec<_> =
        oxttl::TurtleParser::new().for_slice(&turtle).collect::<Result<_, _>>().expect("Turtle parses");
    assert_eq!(triples.len(), persons().len());
}

#[test]
fn query_over_an_nquads_export_equals_query_over_the_text() {
    let nq = sample_nquads().to_str().expect("UTF-8 path");
    for q in [
        PERSONS,
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        "SELECT ?who ?text WHERE { ?w ng:said ?s . ?w rdfs:label ?who . ?s ng:text ?text } ORDER BY ?who ?text",
    ] {
        let from_text = stdout(&["query", "-q", "--results", "csv", q, SAMPLE]);
        let from_graph = stdout(&["query", "-q", "--results", "csv", "--graph", nq, q]);
        assert!(from_text.lines().count() > 1, "{q}: no answer");
        assert_eq!(from_text, from_graph, "{q}");
    }
}

#[test]
fn query_syntax_error_exits_2_with_one_line() {
    let out = common::graph_build()
        .args(["query", "-q", "SELECT ?x WHERE {\n  ?x ?y }", SAMPLE])
        .current_dir(common::repo())
        .output()
        .expect("graph-build runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    let rest = err.strip_prefix("graph-build: error: query: line 2, column ").expect("position");
    let (column, message) = rest.split_once(": ").expect("column: message");
    assert!(column.parse::<u32>().is_ok_and(|c| c > 1), "{err}");
    assert!(message.starts_with("expected"), "{err}");
}

/// `(key, count)` pairs of a stats list.
fn counts(list: &Value, key: &str) -> BTreeMap<String, u64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|x| (x[key].as_str().expect("a name").to_owned(), x["count"].as_u64().expect("a count")))
        .collect()
}

fn tally<'a>(items: impl Iterator<Item = &'a str>) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for i in items {
        *m.entry(i.to_owned()).or_insert(0) += 1;
    }
    m
}

#[test]
fn stats_count_what_the_json_export_holds() {
    let s: Value = serde_json::from_str(&stdout(&["stats", "-q", "--json", "--top", "0", SAMPLE])).expect("JSON");
    let entity =
        |n: &&Value| ["Person", "Country", "Organisation", "Place"].contains(&n["type"].as_str().unwrap_or(""));
    let of_type = |t: &str| nodes().iter().filter(|n| n["type"] == t).count() as u64;

    assert_eq!(s["documents"], of_type("Document"));
    assert_eq!(s["entities"], nodes().iter().filter(entity).count() as u64);
    assert_eq!(s["events"], of_type("Event"));
    assert_eq!(s["statements"], of_type("Statement"));
    assert_eq!(s["edges"], edges().len() as u64);
    assert_eq!(
        counts(&s["entity_types"], "type"),
        tally(nodes().iter().filter(entity).map(|n| n["type"].as_str().unwrap_or("")))
    );
    assert_eq!(
        counts(&s["event_types"], "event_type"),
        tally(nodes().iter().filter(|n| n["type"] == "Event").map(|n| n["event_type"].as_str().unwrap_or("")))
    );
    assert_eq!(
        counts(&s["predicates"], "predicate"),
        tally(edges().iter().map(|e| e["predicate"].as_str().unwrap_or("")))
    );

    // Actors' degrees: the edges that touch them; all actors listed with --top 0.
    let actors = s["top_actors"].as_array().expect("top_actors");
    let expected_actors =
        nodes().iter().filter(|n| ["Person", "Country", "Organisation"].contains(&n["type"].as_str().unwrap_or("")));
    assert_eq!(actors.len(), expected_actors.count());
    for a in actors {
        let id = a["id"].as_str().expect("id");
        let degree =
            edges().iter().filter(|e| e["source"] == id).count() + edges().iter().filter(|e| e["target"] == id).count();
        assert_eq!(a["degree"], degree as u64, "{id}");
    }
    let degrees: Vec<u64> = actors.iter().map(|a| a["degree"].as_u64().unwrap_or(0)).collect();
    assert!(degrees.windows(2).all(|w| w[0] >= w[1]), "actors by degree: {degrees:?}");

    // The table shows the same totals.
    let table = stdout(&["stats", "-q", SAMPLE]);
    for key in ["documents", "entities", "events", "statements", "edges"] {
        let line = table.lines().find(|l| l.split_whitespace().next() == Some(key)).expect(key);
        assert_eq!(line.split_whitespace().nth(1), Some(s[key].to_string().as_str()), "{key}");
    }
}

/// The hand-made gold file `tests/fixtures/gold/day-987.json` against the sample. Its
/// content, and what each part scores, by hand:
/// - entities (6): Volodymyr Zelenskyy (alias Zelenskyy), Ukraine, Russia, Zaporizhzhia
///   are right; Kyiv is typed Country on purpose (a match untyped, not typed); Mariupol is
///   not in the text (missed). Odesa is optional: the graph's Odesa is not counted.
///   Typed tp 4, untyped tp 5.
/// - relations (4): Zelenskyy role_in Ukraine, Russia attacked Zaporizhzhia, Zelenskyy
///   said "more North Korean troops would be deployed…" are found; "Russia sanctioned
///   Ukraine" is wrong on purpose (missed). tp 3, strict and lenient (no part_of facts).
/// - events (3): the Zaporizhzhia attack (killed 4, injured 33: both exact); the Kyiv
///   attack with killed 1 on purpose (the text gives no deaths) and injured 2 (exact); a
///   Sanction by Russia (missed: the text's sanction is by the United Kingdom). tp 2;
///   casualty counts 3 exact of 4.
///
/// The predicted totals are what the JSON export holds: entity nodes less the optional
/// one, edges with a core predicate, event nodes.
#[test]
fn eval_scores_a_hand_made_gold_file() {
    let out = stdout(&["eval", "-q", "--json", "--gold", "tests/fixtures/gold", SAMPLE]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let entity_nodes = nodes()
        .iter()
        .filter(|n| ["Person", "Country", "Organisation", "Place"].contains(&n["type"].as_str().unwrap_or("")))
        .count();
    let optional = nodes().iter().filter(|n| n["label"] == "Odesa").count();
    assert_eq!(optional, 1, "the sample has Odesa");
    let relations = edges().iter().filter(|e| CORE.contains(&e["predicate"].as_str().unwrap_or(""))).count();
    let events = nodes().iter().filter(|n| n["type"] == "Event").count();
    let expected = [
        ("entities", 4, entity_nodes - optional, 6),
        ("entities_untyped", 5, entity_nodes - optional, 6),
        ("relations_strict", 3, relations, 4),
        ("relations_lenient", 3, relations, 4),
        ("events", 2, events, 3),
        ("event_counts_exact", 3, 4, 4),
    ];
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    for (measure, tp, pred, gold) in expected {
        let m = &v["summary"][measure];
        assert_eq!(
            (m["tp"].as_u64(), m["pred"].as_u64(), m["gold"].as_u64()),
            (Some(tp), Some(pred as u64), Some(gold)),
            "{measure}"
        );
        let (p, r) = (tp as f64 / pred as f64, tp as f64 / gold as f64);
        let f = 2.0 * p * r / (p + r);
        assert_eq!(
            (m["p"].as_f64(), m["r"].as_f64(), m["f1"].as_f64()),
            (Some(round(p)), Some(round(r)), Some(round(f))),
            "{measure}"
        );
        let per_doc = &v["per_doc"]["day-987"][measure];
        // (serde_json's float parsing may be one ulp off the shortest representation.)
        let close = |x: &Value, y: f64| x.as_f64().is_some_and(|x| (x - y).abs() < 1e-12);
        assert!(close(&per_doc[0], p) && close(&per_doc[1], r), "{measure} per document: {per_doc}");
    }

    let verbose = stdout(&["eval", "-q", "--verbose", "--gold", "tests/fixtures/gold", SAMPLE]);
    let after = |heading: &str| -> Vec<String> {
        verbose
            .lines()
            .skip_while(|l| !l.trim_start().starts_with(heading))
            .skip(1)
            .take_while(|l| l.starts_with("    "))
            .map(|l| l.trim().to_owned())
            .collect()
    };
    assert_eq!(after("missed entities"), ["Mariupol"]);
    assert!(after("wrong entities").contains(&"Kyiv typed Place, gold Country".to_owned()), "{verbose}");
    assert_eq!(after("missed relations"), ["Russia -sanctioned-> Ukraine"]);
}

#[test]
fn eval_without_matching_documents_names_them() {
    let out = common::graph_build()
        .args(["eval", "-q", "--gold", "tests/fixtures/gold", "tests/fixtures/tricky.txt"])
        .current_dir(common::repo())
        .output()
        .expect("graph-build runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("day-987.txt") && err.contains("not among the inputs"), "{err}");
}
