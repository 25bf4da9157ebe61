//! Exports: every format parses back with a Rust parser, node and edge counts agree
//! across formats, text with quotes, markup, separators, emoji, right-to-left script,
//! control characters and line breaks survives every format, output is deterministic,
//! `exports/` is current, and the command line writes folders safely.

use crate::common;
use newsgraph::export::{graph_triples, xml, ExportFormat, Layout};
use newsgraph::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind, Provenance};
use newsgraph::{EntityType, EventType, Input, Predicate};
use oxrdf::{Term, Triple};
use proptest::prelude::*;
use quick_xml::events::Event;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

const SAMPLE_NAME: &str = "tests/fixtures/day-987.txt";
const TRICKY_NAME: &str = "tests/fixtures/tricky.txt";
const EVIDENCE: &str = "https://w3id.org/newsgraph/ontology#evidence";
const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";

/// The graph of a document exactly as `graph-build` builds it (one input, merged into an
/// empty graph).
fn build(name: &str, text: &str) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::with_base(common::pipeline().base_iri());
    g.extend(common::pipeline().extract(&Input::new(name, text)));
    g
}

fn sample_graph() -> &'static KnowledgeGraph {
    static G: OnceLock<KnowledgeGraph> = OnceLock::new();
    G.get_or_init(|| build(SAMPLE_NAME, common::sample()))
}

fn tricky_graph() -> &'static KnowledgeGraph {
    static G: OnceLock<KnowledgeGraph> = OnceLock::new();
    G.get_or_init(|| build(TRICKY_NAME, include_str!("../fixtures/tricky.txt")))
}

/// The files of an export, by name.
fn export(g: &KnowledgeGraph, f: ExportFormat) -> BTreeMap<&'static str, Vec<u8>> {
    let files = f.exporter().files(g).unwrap_or_else(|e| panic!("{f}: {e}"));
    files.into_iter().map(|f| (f.name, f.contents)).collect()
}

fn stream(g: &KnowledgeGraph, f: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    f.exporter().write(g, &mut out).unwrap_or_else(|e| panic!("{f}: {e}"));
    out
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("exports are UTF-8")
}

// ------------------------------------------------------------------ readers

/// A format read back: node count, edge count, and per node IRI its label and evidence.
#[derive(Debug, Default)]
struct ReadBack {
    nodes: usize,
    edges: usize,
    labels: BTreeMap<String, String>,
    evidence: BTreeMap<String, String>,
}

fn read_xml(bytes: &[u8], node: &[u8], value: &[u8], key_attr: &[u8]) -> ReadBack {
    // GraphML: <key id attr.name>, <node id>, <data key>text</data>.
    // GEXF: <node id label>, <attvalue for value>.
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut out = ReadBack::default();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut data_key: Option<String> = None;
    loop {
        let ev = reader.read_event_into(&mut buf).expect("well-formed XML");
        let attr = |e: &quick_xml::events::BytesStart<'_>, name: &[u8]| {
            e.try_get_attribute(name).ok().flatten().map(|a| a.unescape_value().expect("attribute value").into_owned())
        };
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.local_name().as_ref().to_vec();
                if name == b"key" {
                    keys.insert(attr(e, b"id").unwrap_or_default(), attr(e, b"attr.name").unwrap_or_default());
                } else if name == node {
                    out.nodes += 1;
                    let id = attr(e, b"id").expect("node id");
                    if let Some(l) = attr(e, b"label") {
                        out.labels.insert(id.clone(), l);
                    }
                    current = Some(id);
                } else if name == b"edge" {
                    out.edges += 1;
                    current = None;
                } else if name == value {
                    let k = attr(e, key_attr).unwrap_or_default();
                    let k = keys.get(&k).cloned().unwrap_or(k);
                    if let (Some(id), Some(v)) = (&current, attr(e, b"value")) {
                        if k == "evidence" {
                            out.evidence.insert(id.clone(), v);
                        }
                    } else {
                        data_key = Some(k);
                    }
                }
            }
            Event::Text(ref t) => {
                if let (Some(id), Some(k)) = (&current, &data_key) {
                    let v = t.unescape().expect("text").into_owned();
                    match k.as_str() {
                        "label" => out.labels.insert(id.clone(), v),
                        "evidence" => out.evidence.insert(id.clone(), v),
                        _ => None,
                    };
                }
            }
            Event::End(ref e) if e.local_name().as_ref() == value => data_key = None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

fn read_graphml(bytes: &[u8]) -> ReadBack {
    read_xml(bytes, b"node", b"data", b"key")
}

fn read_gexf(bytes: &[u8]) -> ReadBack {
    read_xml(bytes, b"node", b"attvalue", b"for")
}

fn csv_rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().expect("CSV header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("CSV record");
            headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

fn read_csv(files: &BTreeMap<&str, Vec<u8>>, nodes: &str, edges: &str, id: &str) -> ReadBack {
    let rows = csv_rows(&files[nodes]);
    let mut out = ReadBack { nodes: rows.len(), edges: csv_rows(&files[edges]).len(), ..ReadBack::default() };
    for row in rows {
        out.labels.insert(row[id].clone(), row["label"].clone());
        if !row["evidence"].is_empty() {
            out.evidence.insert(row[id].clone(), row["evidence"].clone());
        }
    }
    out
}

fn read_json(bytes: &[u8]) -> ReadBack {
    let v: serde_json::Value = serde_json::from_slice(bytes).expect("JSON parses");
    let mut out = ReadBack::default();
    for n in v["nodes"].as_array().expect("nodes") {
        out.nodes += 1;
        let id = n["id"].as_str().expect("id").to_owned();
        out.labels.insert(id.clone(), n["label"].as_str().unwrap_or_default().to_owned());
        if let Some(e) = n["evidence"].as_str() {
            out.evidence.insert(id, e.to_owned());
        }
    }
    out.edges = v["edges"].as_array().expect("edges").len();
    out
}

/// Undo [`newsgraph::export`]'s Cypher string escapes.
fn cypher_unescape(lit: &str) -> String {
    let inner = &lit[1..lit.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some(c) => out.push(c),
            None => panic!("dangling backslash in {lit}"),
        }
    }
    out
}

/// The single-quoted literal that follows `key` in a Cypher line.
fn cypher_value(line: &str, key: &str) -> Option<String> {
    let start = line.find(key)? + key.len();
    let rest = &line[start..];
    let mut end = 1;
    let bytes = rest.as_bytes();
    while end < bytes.len() {
        match bytes[end] {
            b'\\' => end += 2,
            b'\'' => return Some(cypher_unescape(&rest[..=end])),
            _ => end += 1,
        }
    }
    None
}

fn read_cypher(bytes: &[u8]) -> ReadBack {
    let mut out = ReadBack::default();
    for line in text(bytes).lines() {
        assert!(line.starts_with("//") || line.ends_with(';'), "a statement spans lines: {line}");
        if line.starts_with("MERGE (n") {
            out.nodes += 1;
            let id = cypher_value(line, "{id: ").expect("node id");
            if let Some(l) = cypher_value(line, "n.label = ") {
                out.labels.insert(id.clone(), l);
            }
            if let Some(e) = cypher_value(line, "n.evidence = ") {
                out.evidence.insert(id, e);
            }
        } else if line.starts_with("MATCH (a") {
            out.edges += 1;
        }
    }
    out
}

fn read_dot(bytes: &[u8]) -> ReadBack {
    let t = text(bytes);
    assert!(t.starts_with("digraph newsgraph {") && t.trim_end().ends_with('}'));
    let mut out = ReadBack::default();
    for line in t.lines().filter(|l| l.starts_with("  \"")) {
        if line.contains("\" -> \"") {
            out.edges += 1;
        } else {
            out.nodes += 1;
        }
    }
    out
}

fn rdf_triples(f: ExportFormat, bytes: &[u8]) -> (BTreeSet<String>, ReadBack) {
    let triples: Vec<Triple> = match f {
        ExportFormat::Turtle => oxttl::TurtleParser::new().for_slice(bytes).map(|t| t.expect("Turtle")).collect(),
        ExportFormat::NTriples => {
            oxttl::NTriplesParser::new().for_slice(bytes).map(|t| t.expect("N-Triples")).collect()
        }
        ExportFormat::NQuads => {
            oxttl::NQuadsParser::new().for_slice(bytes).map(|q| q.expect("N-Quads").into()).collect()
        }
        ExportFormat::TriG => oxttl::TriGParser::new().for_slice(bytes).map(|q| q.expect("TriG").into()).collect(),
        ExportFormat::JsonLd => {
            oxjsonld::JsonLdParser::new().for_slice(bytes).map(|q| q.expect("JSON-LD").into()).collect()
        }
        ExportFormat::RdfXml => oxrdfxml::RdfXmlParser::new().for_slice(bytes).map(|t| t.expect("RDF/XML")).collect(),
        _ => unreachable!("{f} is not RDF"),
    };
    let mut out = ReadBack::default();
    for t in &triples {
        let s = t.subject.to_string();
        let s = s.trim_start_matches('<').trim_end_matches('>').to_owned();
        if let Term::Literal(l) = &t.object {
            match t.predicate.as_str() {
                LABEL => {
                    out.labels.insert(s, l.value().to_owned());
                }
                EVIDENCE if !s.contains("/assertion/") => {
                    out.evidence.insert(s, l.value().to_owned());
                }
                _ => {}
            }
        }
    }
    (triples.iter().map(ToString::to_string).collect(), out)
}

const RDF: [ExportFormat; 6] = [
    ExportFormat::Turtle,
    ExportFormat::NTriples,
    ExportFormat::NQuads,
    ExportFormat::TriG,
    ExportFormat::JsonLd,
    ExportFormat::RdfXml,
];

/// How each format carries a string (documented in src/export/): XML-based formats and
/// RDF replace the characters XML 1.0 forbids; RDF also normalises line ends; Cypher
/// replaces U+0000.
fn carried(f: ExportFormat, s: &str) -> String {
    match f {
        ExportFormat::GraphMl | ExportFormat::Gexf => xml::sanitise(s).into_owned(),
        f if RDF.contains(&f) => xml::portable_text(s).into_owned(),
        ExportFormat::Cypher => s.replace('\0', "\u{FFFD}"),
        _ => s.to_owned(),
    }
}

/// Every property-graph format read back.
fn property_graphs(g: &KnowledgeGraph) -> Vec<(ExportFormat, ReadBack)> {
    vec![
        (ExportFormat::Json, read_json(&stream(g, ExportFormat::Json))),
        (ExportFormat::GraphMl, read_graphml(&stream(g, ExportFormat::GraphMl))),
        (ExportFormat::Gexf, read_gexf(&stream(g, ExportFormat::Gexf))),
        (ExportFormat::Csv, read_csv(&export(g, ExportFormat::Csv), "nodes.csv", "edges.csv", "id")),
        (
            ExportFormat::Neo4j,
            read_csv(&export(g, ExportFormat::Neo4j), "nodes.csv", "relationships.csv", "id:ID(Node)"),
        ),
        (ExportFormat::Cypher, read_cypher(&stream(g, ExportFormat::Cypher))),
        (ExportFormat::Dot, read_dot(&stream(g, ExportFormat::Dot))),
    ]
}

/// Every format carries every node, edge, label and evidence sentence of `g`.
fn assert_round_trip(g: &KnowledgeGraph) {
    let labels: BTreeMap<String, String> =
        g.nodes().iter().filter(|n| !n.label.is_empty()).map(|n| (n.iri.clone(), n.label.clone())).collect();
    let evidence: BTreeMap<String, String> = g
        .nodes()
        .iter()
        .filter_map(|n| {
            n.provenance.first().filter(|p| !p.evidence.is_empty()).map(|p| (n.iri.clone(), p.evidence.to_string()))
        })
        .collect();
    let carried_map =
        |f, m: &BTreeMap<String, String>| m.iter().map(|(k, v)| (k.clone(), carried(f, v))).collect::<BTreeMap<_, _>>();
    for (f, back) in property_graphs(g) {
        assert_eq!((back.nodes, back.edges), (g.node_count(), g.edge_count()), "{f}: node and edge counts");
        if f != ExportFormat::Dot {
            assert_eq!(back.labels, carried_map(f, &labels), "{f}: labels");
            assert_eq!(back.evidence, carried_map(f, &evidence), "{f}: evidence");
        }
    }
    let reference: BTreeSet<String> = graph_triples(g).expect("triples").iter().map(ToString::to_string).collect();
    for f in RDF {
        let (triples, back) = rdf_triples(f, &stream(g, f));
        assert_eq!(triples, reference, "{f}: triples differ from the graph's");
        let portable = |m: &BTreeMap<String, String>| carried_map(f, m);
        assert_eq!(back.labels.len(), labels.len(), "{f}: labels");
        for (iri, l) in portable(&labels) {
            assert_eq!(back.labels.get(&iri), Some(&l), "{f}: label of {iri}");
        }
        assert_eq!(back.evidence, portable(&evidence), "{f}: evidence");
    }
    let geo: serde_json::Value = serde_json::from_slice(&stream(g, ExportFormat::GeoJson)).expect("GeoJSON parses");
    for feature in geo["features"].as_array().expect("features") {
        let c = feature["geometry"]["coordinates"].as_array().expect("coordinates");
        let (lon, lat) = (c[0].as_f64().expect("lon"), c[1].as_f64().expect("lat"));
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat), "{feature}");
    }
}

// ------------------------------------------------------------------ tests

#[test]
fn every_format_reads_back_the_sample_with_the_same_counts() {
    let g = sample_graph();
    assert!(g.node_count() > 50 && g.edge_count() > 50, "the sample graph is too small to test exports");
    assert_round_trip(g);
}

#[test]
fn tricky_text_survives_every_format() {
    let g = tricky_graph();
    let all_evidence: String = g.nodes().iter().filter_map(|n| n.provenance.first()).map(|p| &*p.evidence).collect();
    for needle in ["\"", "\\", "<b>", "&", ";", "🚀", "رفح", "\n", "\r\n", "\t", "\u{7}", "\u{1f}", "`", "'"] {
        assert!(all_evidence.contains(needle), "the tricky fixture lost {needle:?} before export");
    }
    assert_round_trip(g);
}

#[test]
fn exports_are_deterministic() {
    let g = sample_graph();
    let again = build(SAMPLE_NAME, common::sample());
    for f in ExportFormat::ALL {
        assert_eq!(export(g, f), export(&again, f), "{f} differs between two runs");
    }
}

#[test]
fn exports_folder_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exports");
    let g = sample_graph();
    let mut stale = Vec::new();
    for f in ExportFormat::ALL {
        for (name, contents) in export(g, f) {
            let path = match f.layout() {
                Layout::Stream => root.join(format!("day-987.{}", f.extension())),
                Layout::Folder => root.join(f.name()).join(name),
            };
            if std::fs::read(&path).ok().as_deref() == Some(&contents[..]) {
                continue;
            }
            if std::env::var_os("BLESS").is_some() {
                std::fs::create_dir_all(path.parent().expect("exports/ folder")).expect("create exports/");
                std::fs::write(&path, &contents).expect("write exports/");
            } else {
                stale.push(path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "exports/ is stale ({}); regenerate it with scripts/export-sample.sh (or BLESS=1 cargo test exports_folder)",
        stale.join(", ")
    );
}

/// A small graph whose every string is `s`: one entity of each type, an event with roles,
/// a statement, a document, and relations with provenance.
fn graph_of(s: &str) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let prov =
        Provenance { doc: Arc::from(s), evidence: Arc::from(s), start: 0, end: 7, rule: Arc::from(s), confidence: 0.5 };
    let node = |i: usize, kind: NodeKind| Node {
        iri: format!("https://example.org/n{i}"),
        kind: Some(kind),
        label: s.to_owned(),
        aliases: [format!("{s} alias"), format!("{s};{s}")].into_iter().collect(),
        subtype: Some(s.to_owned()),
        amount: Some(s.to_owned()),
        text: Some(s.to_owned()),
        path: Some(s.to_owned()),
        lat: Some(48.5),
        lon: Some(35.25),
        provenance: vec![prov.clone()],
        mentions: 1,
        ..Node::default()
    };
    let kinds = [
        NodeKind::Entity(EntityType::Person),
        NodeKind::Entity(EntityType::Country),
        NodeKind::Entity(EntityType::Organisation),
        NodeKind::Entity(EntityType::Place),
        NodeKind::Event(EventType::Attack),
        NodeKind::Statement,
        NodeKind::Document,
    ];
    let idx: Vec<_> = kinds.iter().enumerate().map(|(i, k)| g.add_node(node(i, *k))).collect();
    let p = vec![prov];
    g.add_edge(idx[1], idx[3], EdgeKind::Relation(Predicate::Attacked), None, p.clone());
    g.add_edge(idx[0], idx[1], EdgeKind::Relation(Predicate::RoleIn), Some(s.to_owned()), p.clone());
    g.add_edge(idx[0], idx[1], EdgeKind::Relation(Predicate::RoleIn), Some(format!("{s}2")), p.clone());
    g.add_edge(idx[0], idx[5], EdgeKind::Relation(Predicate::Said), None, p.clone());
    g.add_edge(idx[4], idx[1], EdgeKind::Agent, None, p.clone());
    g.add_edge(idx[4], idx[3], EdgeKind::Place, None, p);
    g
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any string, in every text field, survives every exporter and its parser.
    #[test]
    fn any_string_survives_every_format(s in "(\\PC|[\\x00-\\x1f\\x7f\"'`\\\\<>&;,\u{1f}\u{fffe}\u{ffff}\u{202e}]){1,24}") {
        assert_round_trip(&graph_of(&s));
    }
}

// ------------------------------------------------------------------ command line

fn graph_build(args: &[&str], dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_graph-build"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("graph-build runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-exports-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("in.txt"), "Russian forces attacked the city of Kharkiv, killing 3 people.")
        .expect("input");
    dir
}

#[test]
fn folder_formats_need_a_folder() {
    let dir = scratch("no-folder");
    let out = graph_build(&["--format", "csv", "in.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "graph-build: error: the csv format writes a folder of files: give one with -o DIR\n"
    );
    assert!(out.stdout.is_empty());
    let out = graph_build(&["--format", "neo4j", "-o", "missing/neo4j", "in.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "graph-build: error: missing/neo4j: cannot write: folder 'missing' does not exist\n"
    );
    assert!(!dir.join("missing").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folder_formats_write_every_file_and_leave_others_alone() {
    let dir = scratch("folder");
    std::fs::create_dir(dir.join("neo4j")).expect("folder");
    std::fs::write(dir.join("neo4j/notes.txt"), "mine").expect("user file");
    let out = graph_build(&["--format", "neo4j", "-o", "neo4j", "in.txt"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("neo4j"))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["import.sh", "load.cypher", "nodes.csv", "notes.txt", "relationships.csv"]);
    let out = graph_build(&["--format", "csv", "-o", "csv", "in.txt"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.join("csv/nodes.csv").is_file() && dir.join("csv/edges.csv").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("neo4j/import.sh")).expect("import.sh").permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "import.sh is not executable");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
