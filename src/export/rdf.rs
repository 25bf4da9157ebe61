//! RDF exports, written through oxttl.
//!
//! Contract: the graph becomes triples in the vocabulary of `ontology/newsgraph.ttl`:
//! typed entities with `rdfs:label`, `skos:altLabel`, `owl:sameAs` (Wikidata, GeoNames)
//! and WGS84 coordinates; events as nodes with `ng:agent`, `ng:target`, `ng:place` and
//! `ng:date`; statements with `ng:text`; and every relation edge both as a direct triple
//! and as an `rdf:Statement` reification carrying its provenance (`prov:wasDerivedFrom`
//! the document, `ng:evidence`, `ng:start`, `ng:end`, `ng:rule`, `ng:confidence`), one
//! per source sentence. Triples are sorted (subject, predicate, object).

use super::Exporter;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::iri::fnv1a;
use crate::graph::{KnowledgeGraph, Node, NodeKind, Provenance};
use crate::vocab::{external, ng, owl, prov, rdf, rdfs, skos, wgs84, xsd};
use oxrdf::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use rustc_hash::FxHashMap;
use std::io::Write;

/// Writes Turtle.
#[derive(Debug, Clone, Copy, Default)]
pub struct TurtleExporter;

/// The prefixes written at the top of Turtle files.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", ng::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("skos", skos::NS),
    ("owl", owl::NS),
    ("xsd", xsd::NS),
    ("prov", prov::NS),
    ("wgs84", wgs84::NS),
];

fn iri(s: &str) -> Result<NamedNode> {
    NamedNode::new(s).map_err(|e| Error::new(ErrorKind::Export, format!("invalid IRI <{s}>: {e}")))
}

fn typed(value: impl ToString, datatype: &str) -> Term {
    Literal::new_typed_literal(value.to_string(), NamedNode::new_unchecked(datatype)).into()
}

fn plain(value: &str) -> Term {
    Literal::new_simple_literal(value).into()
}

fn decimal(x: f64) -> Term {
    let mut s = format!("{x}");
    if !s.contains('.') {
        s.push_str(".0");
    }
    typed(s, xsd::DECIMAL)
}

struct Triples {
    out: Vec<Triple>,
}

impl Triples {
    fn add(&mut self, s: &NamedNode, p: &str, o: Term) {
        self.out.push(Triple::new(NamedOrBlankNode::NamedNode(s.clone()), NamedNode::new_unchecked(p), o));
    }

    fn provenance(&mut self, s: &NamedNode, p: &Provenance, docs: &FxHashMap<&str, NamedNode>) {
        if let Some(d) = docs.get(&*p.doc) {
            self.add(s, prov::WAS_DERIVED_FROM, d.clone().into());
        }
        self.add(s, ng::EVIDENCE, plain(&p.evidence));
        self.add(s, ng::START, typed(p.start, xsd::INTEGER));
        self.add(s, ng::END, typed(p.end, xsd::INTEGER));
        self.add(s, ng::RULE, plain(&p.rule));
        self.add(s, ng::CONFIDENCE, decimal((f64::from(p.confidence) * 1000.0).round() / 1000.0));
    }

    fn node(&mut self, n: &Node, docs: &FxHashMap<&str, NamedNode>) -> Result<()> {
        let s = iri(&n.iri)?;
        let class = match n.kind() {
            NodeKind::Entity(t) => format!("{}{}", ng::NS, t.as_str()),
            NodeKind::Event(_) => ng::EVENT.to_owned(),
            NodeKind::Statement => ng::STATEMENT.to_owned(),
            NodeKind::Document => ng::DOCUMENT.to_owned(),
        };
        self.add(&s, rdf::TYPE, iri(&class)?.into());
        if let NodeKind::Event(t) = n.kind() {
            self.add(&s, rdf::TYPE, iri(&format!("{}{}", ng::NS, t.as_str()))?.into());
            self.add(&s, ng::EVENT_TYPE, plain(t.as_str()));
        }
        self.add(&s, rdfs::LABEL, plain(&n.label));
        for a in n.aliases.iter().filter(|a| **a != n.label) {
            self.add(&s, skos::ALT_LABEL, plain(a));
        }
        if let Some(v) = &n.subtype {
            self.add(&s, ng::SUBTYPE, plain(v));
        }
        if let Some(q) = &n.wikidata {
            self.add(&s, owl::SAME_AS, iri(&format!("{}{q}", external::WIKIDATA_ENTITY))?.into());
        }
        if let Some(g) = n.geonames {
            self.add(&s, owl::SAME_AS, iri(&format!("{}{g}/", external::GEONAMES))?.into());
            self.add(&s, ng::GEONAMES_ID, typed(g, xsd::INTEGER));
        }
        if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
            self.add(&s, wgs84::LAT, decimal(lat));
            self.add(&s, wgs84::LONG, decimal(lon));
        }
        if let Some(c) = &n.country_code {
            self.add(&s, ng::COUNTRY_CODE, plain(c));
        }
        if let Some(d) = n.date {
            self.add(&s, ng::DATE, typed(d, xsd::DATE));
        }
        for (p, v) in
            [(ng::KILLED, n.killed), (ng::INJURED, n.injured), (ng::COUNT, n.count), (ng::LAUNCHED, n.launched)]
        {
            if let Some(v) = v {
                self.add(&s, p, typed(v, xsd::INTEGER));
            }
        }
        if let Some(a) = &n.amount {
            self.add(&s, ng::AMOUNT, plain(a));
        }
        if let Some(t) = &n.text {
            self.add(&s, ng::TEXT, plain(t));
        }
        if let Some(q) = n.quoted {
            self.add(&s, ng::QUOTED, typed(q, xsd::BOOLEAN));
        }
        if let Some(p) = &n.path {
            self.add(&s, ng::PATH, plain(p));
        }
        if n.mentions > 0 {
            self.add(&s, ng::MENTIONS, typed(n.mentions, xsd::INTEGER));
        }
        if let Some(p) = n.provenance.first() {
            self.provenance(&s, p, docs);
        }
        Ok(())
    }
}

/// The triples of a graph, sorted.
pub fn graph_triples(graph: &KnowledgeGraph) -> Result<Vec<Triple>> {
    let mut t = Triples { out: Vec::new() };
    let nodes = graph.nodes();
    let mut docs: FxHashMap<&str, NamedNode> = FxHashMap::default();
    for n in &nodes {
        if n.kind() == NodeKind::Document {
            if let Some(p) = &n.path {
                docs.insert(p.as_str(), iri(&n.iri)?);
            }
        }
    }
    for n in &nodes {
        t.node(n, &docs)?;
    }
    for e in graph.edges() {
        let s = iri(&e.source.iri)?;
        let o = iri(&e.target.iri)?;
        let p = match e.edge.kind {
            crate::graph::EdgeKind::Agent => ng::AGENT.to_owned(),
            crate::graph::EdgeKind::Target => ng::TARGET.to_owned(),
            crate::graph::EdgeKind::Place => ng::PLACE_ROLE.to_owned(),
            crate::graph::EdgeKind::Relation(p) => format!("{}{}", ng::NS, p.as_str()),
        };
        t.add(&s, &p, o.clone().into());
        if !matches!(e.edge.kind, crate::graph::EdgeKind::Relation(_)) {
            continue;
        }
        for pr in &e.edge.provenance {
            let key =
                format!("{}|{p}|{}|{}|{}|{}|{:?}", s.as_str(), o.as_str(), pr.doc, pr.start, pr.rule, e.edge.role);
            let a = iri(&format!("{}assertion/{:016x}", graph.base(), fnv1a(key.as_bytes())))?;
            t.add(&a, rdf::TYPE, iri(rdf::STATEMENT)?.into());
            t.add(&a, rdf::TYPE, iri(ng::ASSERTION)?.into());
            t.add(&a, rdf::SUBJECT, s.clone().into());
            t.add(&a, rdf::PREDICATE, iri(&p)?.into());
            t.add(&a, rdf::OBJECT, o.clone().into());
            if let Some(r) = &e.edge.role {
                t.add(&a, ng::ROLE, plain(r));
            }
            t.provenance(&a, pr, &docs);
        }
    }
    let mut out = t.out;
    out.sort_by(|a, b| {
        (a.subject.to_string(), a.predicate.as_str(), a.object.to_string()).cmp(&(
            b.subject.to_string(),
            b.predicate.as_str(),
            b.object.to_string(),
        ))
    });
    out.dedup();
    Ok(out)
}

impl Exporter for TurtleExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut ser = oxttl::TurtleSerializer::new();
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(*p, *ns).map_err(|e| Error::new(ErrorKind::Export, e.to_string()))?;
        }
        let mut w = ser.for_writer(out);
        for t in graph_triples(graph)? {
            w.serialize_triple(&t)?;
        }
        w.finish()?;
        Ok(())
    }
}
