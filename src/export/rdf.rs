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
//! - Turtle, TriG, JSON-LD and RDF/XML: quads are sorted (graph, subject, predicate,
//!   object) and deduplicated. N-Triples and N-Quads, the line-based syntaxes: statements
//!   in the order they are generated (nodes by IRI, then edges, both sorted), each once,
//!   written as generated without copies or a global sort.

use super::{export_error, property, xml, Exporter};
use crate::error::{Error, ErrorKind, Result};
use crate::graph::iri::fnv1a;
use crate::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind, Provenance};
use crate::vocab::{external, ng, owl, prov, rdf, rdfs, skos, wgs84, xsd};
use oxrdf::{
    GraphName, GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term, TermRef, Triple,
};
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

/// Whether an IRI was minted by newsgraph (base, then `[a-z0-9-/_.#:]`): valid by
/// construction, since the base is checked when the pipeline is built.
fn minted(s: &str) -> bool {
    s.starts_with("http") && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-/:._#".contains(&b))
}

/// An IRI of the graph; names from elsewhere (file paths, Wikidata ids) are parsed.
fn iri(s: &str) -> Result<NamedNodeRef<'_>> {
    if minted(s) {
        return Ok(NamedNodeRef::new_unchecked(s));
    }
    NamedNodeRef::new(s).map_err(|e| Error::new(ErrorKind::Export, format!("invalid IRI <{s}>: {e}")))
}

fn decimal_lexical(x: f64) -> String {
    let mut s = format!("{x}");
    if !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// Generates the statements of a graph, in a deterministic order (nodes by IRI, then
/// edges), handing each to `emit` as borrowed terms: nothing is copied for the line-based
/// syntaxes, which serialise each statement at once.
struct Quads<'g, F> {
    emit: F,
    /// Document path → the document's IRI (the name of its graph).
    docs: FxHashMap<&'g str, &'g str>,
    /// Write each statement once whatever its graphs (the triple syntaxes).
    triples: bool,
}

impl<'g, F: FnMut(QuadRef<'_>) -> Result<()>> Quads<'g, F> {
    fn add(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, p: &str, o: TermRef<'_>) -> Result<()> {
        (self.emit)(QuadRef::new(s, NamedNodeRef::new_unchecked(p), o, g))
    }

    fn plain(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, p: &str, value: &str) -> Result<()> {
        let v = xml::portable_text(value);
        self.add(g, s, p, LiteralRef::new_simple_literal(&v).into())
    }

    fn typed(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, p: &str, value: &str, dt: &str) -> Result<()> {
        self.add(g, s, p, LiteralRef::new_typed_literal(value, NamedNodeRef::new_unchecked(dt)).into())
    }

    /// The named graph of a document path (the default graph for an unknown document).
    fn graph_of(&self, doc: &str) -> GraphNameRef<'g> {
        self.docs
            .get(doc)
            .map_or(GraphNameRef::DefaultGraph, |d| GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(d)))
    }

    fn provenance(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, p: &Provenance) -> Result<()> {
        if let Some(d) = self.docs.get(&*p.doc).copied() {
            self.add(g, s, prov::WAS_DERIVED_FROM, NamedNodeRef::new_unchecked(d).into())?;
        }
        self.plain(g, s, ng::EVIDENCE, &p.evidence)?;
        self.typed(g, s, ng::START, &p.start.to_string(), xsd::INTEGER)?;
        self.typed(g, s, ng::END, &p.end.to_string(), xsd::INTEGER)?;
        self.plain(g, s, ng::RULE, &p.rule)?;
        self.typed(g, s, ng::CONFIDENCE, &decimal_lexical(property::confidence(p)), xsd::DECIMAL)
    }

    fn node(&mut self, n: &'g Node) -> Result<()> {
        let s = iri(&n.iri)?;
        let g = match n.kind() {
            NodeKind::Entity(_) => GraphNameRef::DefaultGraph,
            NodeKind::Document => GraphNameRef::NamedNode(s),
            NodeKind::Event(_) | NodeKind::Statement => {
                n.provenance.first().map_or(GraphNameRef::DefaultGraph, |p| self.graph_of(&p.doc))
            }
        };
        let class = match n.kind() {
            NodeKind::Entity(t) => ng::entity_class(t),
            NodeKind::Event(_) => ng::EVENT,
            NodeKind::Statement => ng::STATEMENT,
            NodeKind::Document => ng::DOCUMENT,
        };
        self.add(g, s, rdf::TYPE, NamedNodeRef::new_unchecked(class).into())?;
        if let NodeKind::Event(t) = n.kind() {
            self.add(g, s, rdf::TYPE, NamedNodeRef::new_unchecked(ng::event_class(t)).into())?;
            self.plain(g, s, ng::EVENT_TYPE, t.as_str())?;
        }
        self.plain(g, s, rdfs::LABEL, &n.label)?;
        for a in property::aliases(n) {
            self.plain(g, s, skos::ALT_LABEL, a)?;
        }
        if let Some(v) = n.subtype.as_deref().filter(|v| !v.is_empty()) {
            self.plain(g, s, ng::SUBTYPE, v)?;
        }
        if let Some(q) = n.wikidata.as_deref().filter(|q| !q.is_empty()) {
            let w = format!("{}{q}", external::WIKIDATA_ENTITY);
            self.add(g, s, owl::SAME_AS, iri(&w)?.into())?;
        }
        if let Some(id) = n.geonames {
            let w = format!("{}{id}/", external::GEONAMES);
            self.add(g, s, owl::SAME_AS, iri(&w)?.into())?;
            self.typed(g, s, ng::GEONAMES_ID, &id.to_string(), xsd::INTEGER)?;
        }
        if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
            if lat.is_finite() && lon.is_finite() {
                self.typed(g, s, wgs84::LAT, &decimal_lexical(lat), xsd::DECIMAL)?;
                self.typed(g, s, wgs84::LONG, &decimal_lexical(lon), xsd::DECIMAL)?;
            }
        }
        if let Some(c) = n.country_code.as_deref().filter(|c| !c.is_empty()) {
            self.plain(g, s, ng::COUNTRY_CODE, c)?;
        }
        if let Some(d) = n.date {
            self.typed(g, s, ng::DATE, &d.to_string(), xsd::DATE)?;
        }
        for (p, v) in
            [(ng::KILLED, n.killed), (ng::INJURED, n.injured), (ng::COUNT, n.count), (ng::LAUNCHED, n.launched)]
        {
            if let Some(v) = v {
                self.typed(g, s, p, &v.to_string(), xsd::INTEGER)?;
            }
        }
        if let Some(a) = n.amount.as_deref().filter(|a| !a.is_empty()) {
            self.plain(g, s, ng::AMOUNT, a)?;
        }
        if let Some(t) = &n.text {
            self.plain(g, s, ng::TEXT, t)?;
        }
        if let Some(q) = n.quoted {
            self.typed(g, s, ng::QUOTED, if q { "true" } else { "false" }, xsd::BOOLEAN)?;
        }
        if let Some(p) = &n.path {
            self.plain(g, s, ng::PATH, p)?;
        }
        if n.mentions > 0 {
            self.typed(g, s, ng::MENTIONS, &n.mentions.to_string(), xsd::INTEGER)?;
        }
        if let Some(p) = n.provenance.first() {
            self.provenance(g, s, p)?;
        }
        Ok(())
    }

    fn edges(&mut self, graph: &'g KnowledgeGraph) -> Result<()> {
        for e in graph.edges() {
            let s = iri(&e.source.iri)?;
            let o = iri(&e.target.iri)?;
            let p = ng::edge(e.edge.kind);
            // The direct triple, in the graph of every document that states it (once in
            // the triple syntaxes).
            let own = match e.edge.kind {
                EdgeKind::Relation(_) => GraphNameRef::DefaultGraph,
                // A role edge belongs with its event.
                _ => e.source.provenance.first().map_or(GraphNameRef::DefaultGraph, |pr| self.graph_of(&pr.doc)),
            };
            if self.triples || e.edge.provenance.is_empty() {
                self.add(own, s, p, o.into())?;
            } else {
                let mut seen: Vec<GraphNameRef<'_>> = Vec::with_capacity(e.edge.provenance.len());
                for pr in &e.edge.provenance {
                    let g = self.graph_of(&pr.doc);
                    if !seen.contains(&g) {
                        seen.push(g);
                        self.add(g, s, p, o.into())?;
                    }
                }
            }
            // One assertion per source sentence.
            for pr in &e.edge.provenance {
                let g = self.graph_of(&pr.doc);
                let key =
                    format!("{}|{p}|{}|{}|{}|{}|{:?}", s.as_str(), o.as_str(), pr.doc, pr.start, pr.rule, e.edge.role);
                let a_iri = format!("{}assertion/{:016x}", graph.base(), fnv1a(key.as_bytes()));
                let a = iri(&a_iri)?;
                self.add(g, a, rdf::TYPE, NamedNodeRef::new_unchecked(rdf::STATEMENT).into())?;
                self.add(g, a, rdf::TYPE, NamedNodeRef::new_unchecked(ng::ASSERTION).into())?;
                self.add(g, a, rdf::SUBJECT, s.into())?;
                self.add(g, a, rdf::PREDICATE, NamedNodeRef::new_unchecked(p).into())?;
                self.add(g, a, rdf::OBJECT, o.into())?;
                if let Some(r) = e.edge.role.as_deref().filter(|r| !r.is_empty()) {
                    self.plain(g, a, ng::ROLE, r)?;
                }
                self.provenance(g, a, pr)?;
            }
        }
        Ok(())
    }
}

/// Generate every statement of `graph` into `emit` (see [`Quads`]).
pub(crate) fn generate(
    graph: &KnowledgeGraph,
    triples: bool,
    emit: impl FnMut(QuadRef<'_>) -> Result<()>,
) -> Result<()> {
    let nodes = graph.nodes();
    let mut docs = FxHashMap::default();
    for n in &nodes {
        if n.kind() == NodeKind::Document {
            if let Some(p) = &n.path {
                iri(&n.iri)?;
                docs.insert(p.as_str(), n.iri.as_str());
            }
        }
    }
    let mut q = Quads { emit, docs, triples };
    for n in nodes {
        q.node(n)?;
    }
    q.edges(graph)
}

/// The quads of a graph, sorted and deduplicated (see the module documentation for the
/// named graphs).
pub fn graph_quads(graph: &KnowledgeGraph) -> Result<Vec<Quad>> {
    let mut out = Vec::new();
    generate(graph, false, |q| {
        out.push(q.into_owned());
        Ok(())
    })?;
    Ok(sorted(
        out,
        |x| graph_key(&x.graph_name),
        |x| subject_key(&x.subject),
        |x| x.predicate.as_str(),
        |x| term_key(&x.object),
    ))
}

/// Sort (graph, subject, predicate, object) and deduplicate. Statements are grouped by
/// graph and subject with a hash map, the few distinct groups are sorted, then each small
/// group is sorted by predicate and object: long IRIs with a common prefix are compared far
/// less often than in one global sort.
fn sorted<T: PartialEq>(
    items: Vec<T>,
    graph: impl Fn(&T) -> (u8, &str),
    subject: impl Fn(&T) -> (u8, &str),
    predicate: impl Fn(&T) -> &str,
    object: impl Fn(&T) -> (u8, &str, &str),
) -> Vec<T> {
    let mut order: Vec<usize> = Vec::with_capacity(items.len());
    {
        type Key<'a> = ((u8, &'a str), (u8, &'a str));
        let mut groups: FxHashMap<Key<'_>, Vec<usize>> = FxHashMap::default();
        for (i, x) in items.iter().enumerate() {
            groups.entry((graph(x), subject(x))).or_default().push(i);
        }
        let mut keys: Vec<Key<'_>> = groups.keys().copied().collect();
        keys.sort_unstable();
        for k in keys {
            let mut group = groups.remove(&k).unwrap_or_default();
            group.sort_by(|&a, &b| {
                (predicate(&items[a]), object(&items[a])).cmp(&(predicate(&items[b]), object(&items[b])))
            });
            order.extend(group);
        }
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let mut out: Vec<T> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    out.dedup();
    out
}

/// The triples of a graph (the union of its named graphs), sorted and deduplicated.
pub fn graph_triples(graph: &KnowledgeGraph) -> Result<Vec<Triple>> {
    let triples: Vec<Triple> = graph_quads(graph)?.into_iter().map(Triple::from).collect();
    Ok(sorted(triples, |_| (0, ""), |x| subject_key(&x.subject), |x| x.predicate.as_str(), |x| term_key(&x.object)))
}

/// Sort keys that borrow instead of formatting: the order is that of the terms' N-Triples
/// forms' parts (kind, then value, then datatype or language).
fn graph_key(g: &GraphName) -> (u8, &str) {
    match g {
        GraphName::DefaultGraph => (0, ""),
        GraphName::NamedNode(n) => (1, n.as_str()),
        GraphName::BlankNode(b) => (2, b.as_str()),
    }
}

fn subject_key(s: &NamedOrBlankNode) -> (u8, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str()),
    }
}

fn term_key(t: &Term) -> (u8, &str, &str) {
    match t {
        Term::NamedNode(n) => (0, n.as_str(), ""),
        Term::BlankNode(b) => (1, b.as_str(), ""),
        Term::Literal(l) => (2, l.value(), l.language().unwrap_or_else(|| l.datatype().as_str())),
        #[allow(unreachable_patterns)]
        _ => (3, "", ""),
    }
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
            // Line-based: written as the streaming writer writes one graph.
            RdfSyntax::NTriples => super::stream::Streamer::new(super::ExportFormat::NTriples)
                .ok_or_else(|| Error::usage("N-Triples streams"))?
                .whole(graph, out, None)?,
            RdfSyntax::NQuads => super::stream::Streamer::new(super::ExportFormat::NQuads)
                .ok_or_else(|| Error::usage("N-Quads streams"))?
                .whole(graph, out, None)?,
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
