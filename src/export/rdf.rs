//! RDF exports: Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML, written through
//! oxttl, oxjsonld and oxrdfxml from one list of quads.
//!
//! Contract: the graph becomes quads in the vocabulary of `ontology/newsgraph.ttl`, and
//! every export satisfies `ontology/shapes.ttl`:
//! - entities typed `ng:Person`, `ng:Country`, `ng:Organisation` or `ng:Place`, with
//!   `rdfs:label`, `skos:altLabel` (aliases), `owl:sameAs` (Wikidata, GeoNames),
//!   `wgs84:lat`/`wgs84:long` (`xsd:decimal`), `ng:countryCode`, `ng:subtype`;
//! - events typed `ng:Event` and their class (`ng:AttackEvent`, ...), with the roles
//!   `ng:agent`, `ng:target`, `ng:place` (sub-properties of `sem:hasActor` and
//!   `sem:hasPlace`), `ng:date` (`xsd:date`, a sub-property of `sem:hasTimeStamp`) and the
//!   counts `ng:killed`, `ng:injured`, `ng:count`, `ng:launched` (`xsd:integer`);
//!   statements typed `ng:Statement` with `ng:text` and `ng:quoted`; documents typed
//!   `ng:Document` with `ng:path` and `ng:date`;
//! - every edge as a direct triple (`<Russia> ng:attacked <Zaporizhzhia>`), and, for each
//!   sentence that states it, an `ng:Assertion` (also an `rdf:Statement`: standard
//!   reification, which every RDF 1.1 tool reads, where RDF-star is not yet read by
//!   rapper, rdflib or pyshacl) with `rdf:subject`/`rdf:predicate`/`rdf:object`,
//!   `prov:wasDerivedFrom` the document, `ng:evidence` (the sentence), `ng:start`/`ng:end`
//!   (character offsets), `ng:rule` and `ng:confidence`, plus `ng:role` for `role_in`;
//!   events and statements carry the same provenance properties directly.
//! - Named graphs (N-Quads, TriG, JSON-LD): what a document states is in the named graph
//!   whose name is the document's IRI (its events, statements, edges and assertions, and
//!   the document's own description); the description of entities (types, labels,
//!   aliases, identifiers, coordinates), which is resolved across documents, is in the
//!   default graph. An edge stated by two documents is in both documents' graphs. The
//!   triple syntaxes (Turtle, N-Triples, RDF/XML) hold the union of all graphs.
//! - Literals are plain `xsd:string` unless typed above; every literal is written as an
//!   XML parser would read it back ([`xml::portable_text`]), so that all six syntaxes,
//!   RDF/XML included, carry exactly the same triples.
//! - Quads are sorted (graph, subject, predicate, object) and deduplicated.

use super::{export_error, property, xml, Exporter};
use crate::error::{Error, ErrorKind, Result};
use crate::graph::iri::fnv1a;
use crate::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind, Provenance};
use crate::vocab::{external, ng, owl, prov, rdf, rdfs, skos, wgs84, xsd};
use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use rustc_hash::FxHashMap;
use std::io::Write;

/// The RDF syntaxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RdfSyntax {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    JsonLd,
    RdfXml,
}

/// Writes one RDF syntax.
#[derive(Debug, Clone, Copy)]
pub struct RdfExporter(pub RdfSyntax);

/// The prefixes written at the top of Turtle, TriG, JSON-LD and RDF/XML files.
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
    Literal::new_simple_literal(xml::portable_text(value)).into()
}

fn decimal(x: f64) -> Term {
    let mut s = format!("{x}");
    if !s.contains('.') {
        s.push_str(".0");
    }
    typed(s, xsd::DECIMAL)
}

struct Quads<'g> {
    out: Vec<Quad>,
    /// Document path → (document IRI, its named graph).
    docs: FxHashMap<&'g str, NamedNode>,
}

impl Quads<'_> {
    fn add(&mut self, g: &GraphName, s: &NamedNode, p: &str, o: Term) {
        self.out.push(Quad::new(NamedOrBlankNode::NamedNode(s.clone()), NamedNode::new_unchecked(p), o, g.clone()));
    }

    /// The named graph of a document path (the default graph for an unknown document).
    fn graph_of(&self, doc: &str) -> GraphName {
        self.docs.get(doc).map_or(GraphName::DefaultGraph, |d| GraphName::NamedNode(d.clone()))
    }

    fn provenance(&mut self, g: &GraphName, s: &NamedNode, p: &Provenance) {
        if let Some(d) = self.docs.get(&*p.doc).cloned() {
            self.add(g, s, prov::WAS_DERIVED_FROM, d.into());
        }
        self.add(g, s, ng::EVIDENCE, plain(&p.evidence));
        self.add(g, s, ng::START, typed(p.start, xsd::INTEGER));
        self.add(g, s, ng::END, typed(p.end, xsd::INTEGER));
        self.add(g, s, ng::RULE, plain(&p.rule));
        self.add(g, s, ng::CONFIDENCE, decimal(property::confidence(p)));
    }

    fn node(&mut self, n: &Node) -> Result<()> {
        let s = iri(&n.iri)?;
        let g = match n.kind() {
            NodeKind::Entity(_) => GraphName::DefaultGraph,
            NodeKind::Document => GraphName::NamedNode(s.clone()),
            NodeKind::Event(_) | NodeKind::Statement => {
                n.provenance.first().map_or(GraphName::DefaultGraph, |p| self.graph_of(&p.doc))
            }
        };
        let g = &g;
        let class = match n.kind() {
            NodeKind::Entity(t) => ng::entity_class(t),
            NodeKind::Event(_) => ng::EVENT,
            NodeKind::Statement => ng::STATEMENT,
            NodeKind::Document => ng::DOCUMENT,
        };
        self.add(g, &s, rdf::TYPE, iri(class)?.into());
        if let NodeKind::Event(t) = n.kind() {
            self.add(g, &s, rdf::TYPE, iri(ng::event_class(t))?.into());
            self.add(g, &s, ng::EVENT_TYPE, plain(t.as_str()));
        }
        self.add(g, &s, rdfs::LABEL, plain(&n.label));
        for a in property::aliases(n) {
            self.add(g, &s, skos::ALT_LABEL, plain(a));
        }
        if let Some(v) = n.subtype.as_deref().filter(|v| !v.is_empty()) {
            self.add(g, &s, ng::SUBTYPE, plain(v));
        }
        if let Some(q) = n.wikidata.as_deref().filter(|q| !q.is_empty()) {
            self.add(g, &s, owl::SAME_AS, iri(&format!("{}{q}", external::WIKIDATA_ENTITY))?.into());
        }
        if let Some(id) = n.geonames {
            self.add(g, &s, owl::SAME_AS, iri(&format!("{}{id}/", external::GEONAMES))?.into());
            self.add(g, &s, ng::GEONAMES_ID, typed(id, xsd::INTEGER));
        }
        if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
            if lat.is_finite() && lon.is_finite() {
                self.add(g, &s, wgs84::LAT, decimal(lat));
                self.add(g, &s, wgs84::LONG, decimal(lon));
            }
        }
        if let Some(c) = n.country_code.as_deref().filter(|c| !c.is_empty()) {
            self.add(g, &s, ng::COUNTRY_CODE, plain(c));
        }
        if let Some(d) = n.date {
            self.add(g, &s, ng::DATE, typed(d, xsd::DATE));
        }
        for (p, v) in
            [(ng::KILLED, n.killed), (ng::INJURED, n.injured), (ng::COUNT, n.count), (ng::LAUNCHED, n.launched)]
        {
            if let Some(v) = v {
                self.add(g, &s, p, typed(v, xsd::INTEGER));
            }
        }
        if let Some(a) = n.amount.as_deref().filter(|a| !a.is_empty()) {
            self.add(g, &s, ng::AMOUNT, plain(a));
        }
        if let Some(t) = &n.text {
            self.add(g, &s, ng::TEXT, plain(t));
        }
        if let Some(q) = n.quoted {
            self.add(g, &s, ng::QUOTED, typed(q, xsd::BOOLEAN));
        }
        if let Some(p) = &n.path {
            self.add(g, &s, ng::PATH, plain(p));
        }
        if n.mentions > 0 {
            self.add(g, &s, ng::MENTIONS, typed(n.mentions, xsd::INTEGER));
        }
        if let Some(p) = n.provenance.first() {
            self.provenance(g, &s, p);
        }
        Ok(())
    }
}

/// The quads of a graph, sorted and deduplicated (see the module documentation for the
/// named graphs).
pub fn graph_quads(graph: &KnowledgeGraph) -> Result<Vec<Quad>> {
    let nodes = graph.nodes();
    let mut q = Quads { out: Vec::new(), docs: FxHashMap::default() };
    for n in &nodes {
        if n.kind() == NodeKind::Document {
            if let Some(p) = &n.path {
                q.docs.insert(p.as_str(), iri(&n.iri)?);
            }
        }
    }
    for n in &nodes {
        q.node(n)?;
    }
    for e in graph.edges() {
        let s = iri(&e.source.iri)?;
        let o = iri(&e.target.iri)?;
        let p = ng::edge(e.edge.kind);
        // The direct triple, in the graph of every document that states it.
        let mut graphs: Vec<GraphName> = e.edge.provenance.iter().map(|pr| q.graph_of(&pr.doc)).collect();
        if graphs.is_empty() {
            graphs.push(match e.edge.kind {
                EdgeKind::Relation(_) => GraphName::DefaultGraph,
                // A role edge belongs with its event.
                _ => e.source.provenance.first().map_or(GraphName::DefaultGraph, |pr| q.graph_of(&pr.doc)),
            });
        }
        for g in &graphs {
            q.add(g, &s, p, o.clone().into());
        }
        // One assertion per source sentence.
        for pr in &e.edge.provenance {
            let g = q.graph_of(&pr.doc);
            let key =
                format!("{}|{p}|{}|{}|{}|{}|{:?}", s.as_str(), o.as_str(), pr.doc, pr.start, pr.rule, e.edge.role);
            let a = iri(&format!("{}assertion/{:016x}", graph.base(), fnv1a(key.as_bytes())))?;
            q.add(&g, &a, rdf::TYPE, iri(rdf::STATEMENT)?.into());
            q.add(&g, &a, rdf::TYPE, iri(ng::ASSERTION)?.into());
            q.add(&g, &a, rdf::SUBJECT, s.clone().into());
            q.add(&g, &a, rdf::PREDICATE, iri(p)?.into());
            q.add(&g, &a, rdf::OBJECT, o.clone().into());
            if let Some(r) = e.edge.role.as_deref().filter(|r| !r.is_empty()) {
                q.add(&g, &a, ng::ROLE, plain(r));
            }
            q.provenance(&g, &a, pr);
        }
    }
    let mut out = q.out;
    out.sort_by_cached_key(|q| {
        let graph = match &q.graph_name {
            GraphName::DefaultGraph => String::new(),
            g => g.to_string(),
        };
        (graph, q.subject.to_string(), q.predicate.as_str().to_owned(), q.object.to_string())
    });
    out.dedup();
    Ok(out)
}

/// The triples of a graph (the union of its named graphs), sorted and deduplicated.
pub fn graph_triples(graph: &KnowledgeGraph) -> Result<Vec<Triple>> {
    let mut out: Vec<Triple> = graph_quads(graph)?.into_iter().map(Triple::from).collect();
    out.sort_by_cached_key(|t| (t.subject.to_string(), t.predicate.as_str().to_owned(), t.object.to_string()));
    out.dedup();
    Ok(out)
}

impl RdfSyntax {
    /// Whether the syntax carries named graphs.
    pub fn is_dataset(self) -> bool {
        matches!(self, RdfSyntax::NQuads | RdfSyntax::TriG | RdfSyntax::JsonLd)
    }
}

impl Exporter for RdfExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        match self.0 {
            RdfSyntax::Turtle => {
                let mut ser = oxttl::TurtleSerializer::new();
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns).map_err(export_error)?;
                }
                let mut w = ser.for_writer(out);
                for t in graph_triples(graph)? {
                    w.serialize_triple(&t)?;
                }
                w.finish()?;
            }
            RdfSyntax::NTriples => {
                let mut w = oxttl::NTriplesSerializer::new().for_writer(out);
                for t in graph_triples(graph)? {
                    w.serialize_triple(&t)?;
                }
                w.finish();
            }
            RdfSyntax::NQuads => {
                let mut w = oxttl::NQuadsSerializer::new().for_writer(out);
                for q in graph_quads(graph)? {
                    w.serialize_quad(&q)?;
                }
                w.finish();
            }
            RdfSyntax::TriG => {
                let mut ser = oxttl::TriGSerializer::new();
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns).map_err(export_error)?;
                }
                let mut w = ser.for_writer(out);
                for q in graph_quads(graph)? {
                    w.serialize_quad(&q)?;
                }
                w.finish()?;
            }
            RdfSyntax::JsonLd => {
                let mut ser = oxjsonld::JsonLdSerializer::new();
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns).map_err(export_error)?;
                }
                let mut w = ser.for_writer(&mut *out);
                for q in graph_quads(graph)? {
                    w.serialize_quad(&q)?;
                }
                w.finish()?;
                out.write_all(b"\n")?;
            }
            RdfSyntax::RdfXml => {
                let mut ser = oxrdfxml::RdfXmlSerializer::new();
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns).map_err(export_error)?;
                }
                let mut w = ser.for_writer(&mut *out);
                for t in graph_triples(graph)? {
                    w.serialize_triple(&t)?;
                }
                w.finish()?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }
}
