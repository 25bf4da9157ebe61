//! RDF exports: Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML, from one list of
//! quads: TriG, JSON-LD and RDF/XML written through oxttl, oxjsonld and oxrdfxml; the
//! streamed syntaxes by [`super::lines`] and [`super::turtle`], which give oxttl's bytes.
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
//!   events and statements carry the same provenance properties directly, and an
//!   event's role edges stated by the event's own (first) sentence have no assertion:
//!   their provenance is the event's (a quarter of the statements of a corpus, written
//!   once instead of twice). A later report of the event reifies the roles it states.
//! - Named graphs (N-Quads, TriG, JSON-LD): what a document states is in the named graph
//!   whose name is the document's IRI (its events, statements, edges and assertions, and
//!   the document's own description); the description of entities (types, labels,
//!   aliases, identifiers, coordinates), which is resolved across documents, is in the
//!   default graph. An edge stated by two documents is in both documents' graphs. The
//!   triple syntaxes (Turtle, N-Triples, RDF/XML) hold the union of all graphs.
//! - Literals are plain `xsd:string` unless typed above; every literal is written as an
//!   XML parser would read it back ([`xml::portable_text`]), so that all six syntaxes,
//!   RDF/XML included, carry exactly the same triples.
//! - TriG, JSON-LD and RDF/XML: quads are sorted (graph, subject, predicate, object) and
//!   deduplicated. N-Triples, N-Quads and Turtle, the streamed syntaxes: statements in the
//!   order they are generated (nodes by IRI, then edges, both sorted), each once, written
//!   as generated without copies or a global sort (Turtle with the prefixes above, and
//!   each run of statements about one subject under that subject).

use super::{export_error, property, xml, Exporter};
use crate::error::{Error, ErrorKind, Result};
use crate::graph::iri::{push_hex16, Fnv1a};
use crate::graph::{EdgeKind, EdgeView, KnowledgeGraph, Node, NodeKind, Provenance};
use crate::text::date::Date;
use crate::vocab::{external, ng, owl, prov, rdf, rdfs, skos, wgs84, xsd};
use oxrdf::{GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, Quad, QuadRef, Term, TermRef, Triple};
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
    s.starts_with("http")
        && !xml::any_byte(s.as_bytes(), |b| {
            let alphanumeric = (b.wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'A') < 26) | (b.wrapping_sub(b'0') < 10);
            !(alphanumeric | (b == b'-') | (b == b'/') | (b == b':') | (b == b'.') | (b == b'_') | (b == b'#'))
        })
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

/// `value` of `p` as an `xsd:decimal` written into `block`, its lexical form that of
/// [`decimal_lexical`], without allocating: ryu's when it writes no exponent (from 1e-5
/// to 1e16) and 15 digits or fewer (coordinates have about ten), where only one decimal
/// of the shortest length reads back as `x` (of 16 or 17 digits, two may, and ryu and
/// `Display` break the tie differently).
fn decimal(block: &mut dyn Block, p: &'static str, x: f64) -> Result<()> {
    let mut buffer = ryu::Buffer::new();
    match ryu_decimal(&mut buffer, x) {
        Some(lexical) => block.typed(p, lexical, xsd::DECIMAL),
        None => block.typed(p, &decimal_lexical(x), xsd::DECIMAL),
    }
}

/// [`decimal_lexical`] of `x` as ryu writes it, unless it writes an exponent or more than
/// 15 digits (see [`decimal`]).
fn ryu_decimal(buffer: &mut ryu::Buffer, x: f64) -> Option<&str> {
    x.is_finite()
        .then(|| buffer.format_finite(x))
        .filter(|s| !s.contains('e') && s.bytes().filter(u8::is_ascii_digit).count() <= 15)
}

/// The lexical forms of the confidences written, the last used first: a few values recur
/// (each rule has its own), in a document and from one document to the next.
#[derive(Debug, Default, Clone)]
pub(crate) struct Confidences(Vec<(u64, String)>);

impl Confidences {
    /// The most kept.
    const KEPT: usize = 16;

    /// The `xsd:decimal` lexical form of `c`.
    fn lexical(&mut self, c: f64) -> &str {
        let forms = &mut self.0;
        match forms.iter().position(|(bits, _)| *bits == c.to_bits()) {
            Some(0) => {}
            Some(i) => forms.swap(0, i),
            None => {
                forms.truncate(Self::KEPT - 1);
                forms.insert(0, (c.to_bits(), decimal_lexical(c)));
            }
        }
        &forms[0].1
    }
}

/// Where [`generate_from`] hands the statements: a function of each (the sorted syntaxes),
/// or a writer that also wants to know what they are about (the streamed ones).
pub(crate) trait Sink {
    /// The statements that follow, until the next call, are about `node` (`None`: about an
    /// assertion, which is no node of the graph).
    fn subject(&mut self, _node: Option<&Node>) {}

    /// One statement.
    fn statement(&mut self, q: QuadRef<'_>) -> Result<()>;

    /// The statements describing `s`, the node the statements are about (see
    /// [`Sink::subject`]), in `g`, but for its provenance: those `describe` writes into
    /// the block it is handed. By default, each handed to [`Sink::statement`]; a writer may
    /// write them at once.
    fn description(
        &mut self,
        g: GraphNameRef<'_>,
        s: NamedNodeRef<'_>,
        describe: &mut dyn FnMut(&mut dyn Block) -> Result<()>,
    ) -> Result<()> {
        describe(&mut AsQuads { sink: self, g, s })
    }

    /// The provenance statements of `s`, the node the statements are about (see
    /// [`Sink::subject`]), in `g`: those [`Facts::write`] writes. By default, each handed
    /// to [`Sink::statement`]; a writer may write them at once.
    fn provenance(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, facts: &Facts<'_>) -> Result<()> {
        facts.write(&mut AsQuads { sink: self, g, s })
    }

    /// The statements of the assertion `a` in `g`, which are about nothing else (as after
    /// `subject(None)`): those [`Reified::write`] writes, then those of `facts`. By
    /// default, each handed to [`Sink::statement`]; a writer may write them at once.
    fn assertion(
        &mut self,
        g: GraphNameRef<'_>,
        a: NamedNodeRef<'_>,
        reified: &Reified<'_>,
        facts: &Facts<'_>,
    ) -> Result<()> {
        self.subject(None);
        let mut block = AsQuads { sink: self, g, s: a };
        reified.write(&mut block)?;
        facts.write(&mut block)
    }
}

/// Where the statements about one subject in one graph go, one at a time, as their
/// predicates (IRIs of the vocabulary: static strings) and objects told by kind: what
/// [`Facts`] and [`Reified`] are written into.
pub(crate) trait Block {
    /// A statement whose object is the IRI `o`.
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()>;

    /// A statement whose object is the `xsd:string` literal `value`.
    fn string(&mut self, p: &'static str, value: &str) -> Result<()>;

    /// A statement whose object is the `xsd:string` literal `text` made portable
    /// ([`xml::portable_text`]), `text` being a string of the graph written (which stays
    /// where it is while the graph is written): by default, [`Block::string`] of the
    /// portable text; a block may keep what it wrote of a text given again (a sentence is
    /// the evidence of several facts).
    fn portable(&mut self, p: &'static str, text: &str) -> Result<()> {
        self.string(p, &xml::portable_text(text))
    }

    /// A statement whose object is the `xsd:string` literal `text` made portable
    /// ([`xml::portable_text`]), a text written once (a label, an alias, a statement's
    /// text): by default, [`Block::string`] of the portable text; a block may make it
    /// portable as it quotes it.
    fn portable_once(&mut self, p: &'static str, text: &str) -> Result<()> {
        self.string(p, &xml::portable_text(text))
    }

    /// A statement whose object is the literal `value` of the datatype `dt`, which is not
    /// `xsd:string`.
    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()>;

    /// A statement whose object is the `xsd:integer` `value` (in its canonical form).
    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        self.typed(p, itoa::Buffer::new().format(value), xsd::INTEGER)
    }

    /// A statement whose object is the `xsd:date` `d` (as its `Display` writes it): by
    /// default, [`Block::typed`] of its lexical form.
    fn date(&mut self, p: &'static str, d: Date) -> Result<()> {
        let mut buf = [0; 10];
        match date_lexical(d, &mut buf) {
            Some(lexical) => self.typed(p, lexical, xsd::DATE),
            None => self.typed(p, &d.to_string(), xsd::DATE),
        }
    }

    /// The provenance statements of `facts`: by default, those [`Facts::each`] writes one
    /// by one; a block may write them at once.
    fn facts(&mut self, facts: &Facts<'_>) -> Result<()> {
        facts.each(self)
    }

    /// The statements of an assertion of `reified`: by default, those [`Reified::each`]
    /// writes one by one; a block may write them at once.
    fn reified(&mut self, reified: &Reified<'_>) -> Result<()> {
        reified.each(self)
    }
}

/// A [`Block`] handing each statement about `s` in `g` to `sink` as a quad.
pub(crate) struct AsQuads<'a, S: ?Sized> {
    pub sink: &'a mut S,
    pub g: GraphNameRef<'a>,
    pub s: NamedNodeRef<'a>,
}

impl<S: Sink + ?Sized> AsQuads<'_, S> {
    fn add(&mut self, p: &str, o: TermRef<'_>) -> Result<()> {
        self.sink.statement(QuadRef::new(self.s, NamedNodeRef::new_unchecked(p), o, self.g))
    }
}

impl<S: Sink + ?Sized> Block for AsQuads<'_, S> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        self.add(p, NamedNodeRef::new_unchecked(o).into())
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        self.add(p, LiteralRef::new_simple_literal(value).into())
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        self.add(p, LiteralRef::new_typed_literal(value, NamedNodeRef::new_unchecked(dt)).into())
    }
}

/// The provenance of one fact as the objects of its statements, literals as written.
pub(crate) struct Facts<'a> {
    /// The IRI of the document (`prov:wasDerivedFrom`), unless it is no node of the graph.
    pub doc: Option<&'a str>,
    /// The sentence, as in the graph (`ng:evidence`, made portable: [`Block::portable`]).
    pub evidence: &'a str,
    /// Character offsets of the sentence (`ng:start`, `ng:end`).
    pub start: u32,
    pub end: u32,
    /// The rule's name (`ng:rule`, made portable: [`Block::portable_once`]).
    pub rule: &'a str,
    /// The lexical form of the confidence (`ng:confidence`, an `xsd:decimal`).
    pub confidence: &'a str,
}

impl Facts<'_> {
    /// Write the statements into `block` (see [`Facts::each`]), as the block writes them
    /// ([`Block::facts`]).
    pub(crate) fn write(&self, block: &mut (impl Block + ?Sized)) -> Result<()> {
        block.facts(self)
    }

    /// Write the statements into `block` one by one: `prov:wasDerivedFrom` (if `doc` is
    /// known), `ng:evidence`, `ng:start`, `ng:end`, `ng:rule` and `ng:confidence`, in this
    /// order.
    pub(crate) fn each(&self, block: &mut (impl Block + ?Sized)) -> Result<()> {
        if let Some(d) = self.doc {
            block.iri(prov::WAS_DERIVED_FROM, d)?;
        }
        block.portable(ng::EVIDENCE, self.evidence)?;
        block.integer(ng::START, u64::from(self.start))?;
        block.integer(ng::END, u64::from(self.end))?;
        block.portable_once(ng::RULE, self.rule)?;
        block.typed(ng::CONFIDENCE, self.confidence, xsd::DECIMAL)
    }
}

/// What an assertion reifies: a direct triple, and the role of a `role_in` edge.
pub(crate) struct Reified<'a> {
    pub subject: &'a str,
    pub predicate: &'a str,
    pub object: &'a str,
    /// The role, portable and not empty (`ng:role`).
    pub role: Option<&'a str>,
}

impl Reified<'_> {
    /// Write the statements of an assertion into `block` (see [`Reified::each`]), as the
    /// block writes them ([`Block::reified`]).
    pub(crate) fn write(&self, block: &mut (impl Block + ?Sized)) -> Result<()> {
        block.reified(self)
    }

    /// Write the statements of an assertion into `block` one by one: `rdf:type`
    /// `rdf:Statement` and `ng:Assertion`, `rdf:subject`, `rdf:predicate`, `rdf:object`,
    /// and `ng:role` (if any), in this order.
    pub(crate) fn each(&self, block: &mut (impl Block + ?Sized)) -> Result<()> {
        block.iri(rdf::TYPE, rdf::STATEMENT)?;
        block.iri(rdf::TYPE, ng::ASSERTION)?;
        block.iri(rdf::SUBJECT, self.subject)?;
        block.iri(rdf::PREDICATE, self.predicate)?;
        block.iri(rdf::OBJECT, self.object)?;
        if let Some(r) = self.role {
            block.string(ng::ROLE, r)?;
        }
        Ok(())
    }
}

impl<F: FnMut(QuadRef<'_>) -> Result<()>> Sink for F {
    fn statement(&mut self, q: QuadRef<'_>) -> Result<()> {
        self(q)
    }
}

/// A date as its `Display` writes it (`YYYY-MM-DD`), without formatting machinery: for
/// years 0 to 9999 (`None` for others).
fn date_lexical(d: Date, buf: &mut [u8; 10]) -> Option<&str> {
    *buf = date_bytes(d)?;
    std::str::from_utf8(buf).ok()
}

/// The bytes of [`date_lexical`]: ASCII digits and hyphens (`None` for years past 0 to
/// 9999).
pub(crate) fn date_bytes(d: Date) -> Option<[u8; 10]> {
    let year = u16::try_from(d.year).ok().filter(|&y| y <= 9999)?;
    if d.month > 99 || d.day > 99 {
        return None;
    }
    let digit = |n: u16| b'0' + (n % 10) as u8;
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(u16::from(d.month) / 10),
        digit(u16::from(d.month)),
        b'-',
        digit(u16::from(d.day) / 10),
        digit(u16::from(d.day)),
    ])
}

/// Generates the statements of a graph, in a deterministic order (nodes by IRI, then
/// edges), handing each to `sink` as borrowed terms: nothing is copied for the line-based
/// syntaxes, which serialise each statement at once.
struct Quads<'g, S> {
    sink: S,
    /// Document path → the document's IRI (the name of its graph).
    docs: FxHashMap<&'g str, &'g str>,
    /// The document path looked up last, and its IRI: the facts of a graph come from few
    /// documents (one, streamed), whose paths are shared.
    last_doc: Option<(&'g str, Option<&'g str>)>,
    /// Write each statement once whatever its graphs (the triple syntaxes).
    triples: bool,
    /// What the writer knows of the graphs it wrote before.
    earlier: Earlier<'g>,
}

/// What a writer of one graph after another knows of those it wrote before.
pub(crate) struct Earlier<'g> {
    /// Whether a node's own provenance is written with these statements (the streaming
    /// writer does not write a later report of an event again).
    pub described: &'g dyn Fn(&Node) -> bool,
    /// Whether an entity's description (its class, label, subtype, identifiers,
    /// coordinates and country code) was written before, and is left out (the streaming
    /// writer, for an entity described as in an earlier document).
    pub settled: &'g dyn Fn(&Node) -> bool,
    /// The lexical forms of the confidences.
    pub confidences: &'g mut Confidences,
}

impl<'g, S: Sink> Quads<'g, S> {
    fn add(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, p: &str, o: TermRef<'_>) -> Result<()> {
        self.sink.statement(QuadRef::new(s, NamedNodeRef::new_unchecked(p), o, g))
    }

    /// The IRI of a document of the graph, by its path.
    fn doc_iri(&mut self, doc: &'g str) -> Option<&'g str> {
        match self.last_doc {
            // The same string of the graph: the same path.
            Some((last, iri)) if std::ptr::eq(last, doc) => iri,
            _ => {
                let iri = self.docs.get(doc).copied();
                self.last_doc = Some((doc, iri));
                iri
            }
        }
    }

    /// The named graph of a document path (the default graph for an unknown document).
    fn graph_of(&mut self, doc: &'g str) -> GraphNameRef<'g> {
        self.doc_iri(doc)
            .map_or(GraphNameRef::DefaultGraph, |d| GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(d)))
    }

    /// The provenance of a fact, as its statements' objects, handed to `write`.
    fn facts<T>(&mut self, p: &'g Provenance, write: impl FnOnce(&mut S, &Facts<'_>) -> T) -> T {
        let doc = self.doc_iri(&p.doc);
        let facts = Facts {
            doc,
            evidence: &p.evidence,
            start: p.start,
            end: p.end,
            rule: &p.rule,
            confidence: self.earlier.confidences.lexical(property::confidence(p)),
        };
        write(&mut self.sink, &facts)
    }

    fn node(&mut self, n: &'g Node) -> Result<()> {
        let s = iri(&n.iri)?;
        self.sink.subject(Some(n));
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
        // An entity described as before: its aliases only (a new one is a statement of its
        // own), no class, label, identifiers or coordinates.
        let settled = matches!(n.kind(), NodeKind::Entity(_)) && (self.earlier.settled)(n);
        self.sink.description(g, s, &mut |block| describe(block, n, class, settled))?;
        if let Some(p) = n.provenance.first() {
            self.facts(p, |sink, facts| sink.provenance(g, s, facts))?;
        }
        Ok(())
    }

    fn edges(&mut self, base: &str, edges: &[EdgeView<'g>]) -> Result<()> {
        // The name of an assertion: the base, "assertion/", and a hash of
        // "subject|predicate|object|document|start|rule|role" (the role as `{:?}` of the
        // `Option` writes it), its first three parts hashed once per edge.
        let mut a_iri = String::with_capacity(base.len() + 26);
        a_iri.push_str(base);
        a_iri.push_str("assertion/");
        let named = a_iri.len();
        let minted_base = minted(base);
        let mut role_key = Vec::new();
        for e in edges {
            // Both ends are nodes of the graph, whose IRIs were checked when the nodes were
            // written, before any edge.
            let s = NamedNodeRef::new_unchecked(&e.source.iri);
            let o = NamedNodeRef::new_unchecked(&e.target.iri);
            let p = ng::edge(e.edge.kind);
            // The direct triple, in the graph of every document that states it (once in
            // the triple syntaxes).
            let own = match e.edge.kind {
                EdgeKind::Relation(_) => GraphNameRef::DefaultGraph,
                // A role edge belongs with its event.
                _ => e.source.provenance.first().map_or(GraphNameRef::DefaultGraph, |pr| self.graph_of(&pr.doc)),
            };
            self.sink.subject(Some(e.source));
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
            // A role edge stated by its event's own sentence: the event's provenance is
            // the edge's.
            let carried = Some(e.source)
                .filter(|n| e.edge.kind.is_role() && (self.earlier.described)(n))
                .and_then(|n| n.provenance.first());
            // One assertion per other source sentence.
            let mut edge_key = None;
            for pr in e.edge.provenance.iter().filter(|&pr| carried != Some(pr)) {
                let g = self.graph_of(&pr.doc);
                let mut key = match edge_key {
                    Some(key) => key,
                    None => {
                        let mut key = Fnv1a::default();
                        for part in [s.as_str(), p, o.as_str()] {
                            key.write(part.as_bytes());
                            key.write(b"|");
                        }
                        role_key.clear();
                        match &e.edge.role {
                            None => role_key.extend_from_slice(b"None"),
                            Some(r) => write!(role_key, "Some({r:?})")?,
                        }
                        *edge_key.insert(key)
                    }
                };
                for part in [&*pr.doc, itoa::Buffer::new().format(pr.start), &pr.rule] {
                    key.write(part.as_bytes());
                    key.write(b"|");
                }
                key.write(&role_key);
                a_iri.truncate(named);
                push_hex16(&mut a_iri, key.finish());
                // Minted from a minted base: minted too.
                let a = if minted_base { NamedNodeRef::new_unchecked(&a_iri) } else { iri(&a_iri)? };
                let role = e.edge.role.as_deref().filter(|r| !r.is_empty()).map(xml::portable_text);
                let reified = Reified { subject: s.as_str(), predicate: p, object: o.as_str(), role: role.as_deref() };
                self.facts(pr, |sink, facts| sink.assertion(g, a, &reified, facts))?;
            }
        }
        Ok(())
    }
}

/// Write the statements describing `n`, all but its provenance, into `block`: its class
/// (`class`, and an event's own class and type), label, aliases, identifiers (see
/// [`identifiers`]), date, counts, amount, text, whether it is quoted, path and mentions;
/// of an entity `settled`, no class, label or identifiers.
fn describe(block: &mut dyn Block, n: &Node, class: &'static str, settled: bool) -> Result<()> {
    if !settled {
        block.iri(rdf::TYPE, class)?;
        if let NodeKind::Event(t) = n.kind() {
            block.iri(rdf::TYPE, ng::event_class(t))?;
            block.portable_once(ng::EVENT_TYPE, t.as_str())?;
        }
        block.portable_once(rdfs::LABEL, &n.label)?;
    }
    for a in property::alias_iter(n) {
        block.portable_once(skos::ALT_LABEL, a)?;
    }
    if !settled {
        identifiers(block, n)?;
    }
    if let Some(d) = n.date {
        block.date(ng::DATE, d)?;
    }
    for (p, v) in [(ng::KILLED, n.killed), (ng::INJURED, n.injured), (ng::COUNT, n.count), (ng::LAUNCHED, n.launched)] {
        if let Some(v) = v {
            block.integer(p, v)?;
        }
    }
    if let Some(a) = n.amount.as_deref().filter(|a| !a.is_empty()) {
        block.portable_once(ng::AMOUNT, a)?;
    }
    if let Some(t) = &n.text {
        block.portable_once(ng::TEXT, t)?;
    }
    if let Some(q) = n.quoted {
        block.typed(ng::QUOTED, if q { "true" } else { "false" }, xsd::BOOLEAN)?;
    }
    if let Some(p) = &n.path {
        block.portable_once(ng::PATH, p)?;
    }
    if n.mentions > 0 {
        block.integer(ng::MENTIONS, u64::from(n.mentions))?;
    }
    Ok(())
}

/// Write a node's subtype, Wikidata and GeoNames identifiers, coordinates and country code
/// into `block`.
fn identifiers(block: &mut dyn Block, n: &Node) -> Result<()> {
    if let Some(v) = n.subtype.as_deref().filter(|v| !v.is_empty()) {
        block.portable_once(ng::SUBTYPE, v)?;
    }
    if let Some(q) = n.wikidata.as_deref().filter(|q| !q.is_empty()) {
        let mut w = String::with_capacity(external::WIKIDATA_ENTITY.len() + q.len());
        w.push_str(external::WIKIDATA_ENTITY);
        w.push_str(q);
        block.iri(owl::SAME_AS, iri(&w)?.as_str())?;
    }
    if let Some(id) = n.geonames {
        let mut digits = itoa::Buffer::new();
        let digits = digits.format(id);
        let mut w = String::with_capacity(external::GEONAMES.len() + digits.len() + 1);
        w.push_str(external::GEONAMES);
        w.push_str(digits);
        w.push('/');
        block.iri(owl::SAME_AS, iri(&w)?.as_str())?;
        block.integer(ng::GEONAMES_ID, u64::from(id))?;
    }
    if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
        if lat.is_finite() && lon.is_finite() {
            decimal(block, wgs84::LAT, lat)?;
            decimal(block, wgs84::LONG, lon)?;
        }
    }
    if let Some(c) = n.country_code.as_deref().filter(|c| !c.is_empty()) {
        block.portable_once(ng::COUNTRY_CODE, c)?;
    }
    Ok(())
}

/// Generate every statement of `graph` into `emit` (see [`Quads`]).
pub(crate) fn generate(
    graph: &KnowledgeGraph,
    triples: bool,
    emit: impl FnMut(QuadRef<'_>) -> Result<()>,
) -> Result<()> {
    let earlier = Earlier { described: &|_| true, settled: &|_| false, confidences: &mut Confidences::default() };
    let (nodes, edges) = graph.nodes_and_edges();
    generate_from(graph, &nodes, &edges, triples, earlier, emit)
}

/// [`generate`] with the graph's nodes and edges already listed (by
/// [`KnowledgeGraph::nodes`] and [`KnowledgeGraph::edges`]: every node, since the IRIs
/// of the edges' ends are checked as the nodes'), after the graphs that `earlier` tells
/// of.
pub(crate) fn generate_from<'g>(
    graph: &'g KnowledgeGraph,
    nodes: &[&'g Node],
    edges: &[EdgeView<'g>],
    triples: bool,
    earlier: Earlier<'g>,
    sink: impl Sink,
) -> Result<()> {
    let mut docs = FxHashMap::default();
    for n in nodes {
        if n.kind() == NodeKind::Document {
            if let Some(p) = &n.path {
                iri(&n.iri)?;
                docs.insert(p.as_str(), n.iri.as_str());
            }
        }
    }
    let mut q = Quads { sink, docs, last_doc: None, triples, earlier };
    for n in nodes {
        q.node(n)?;
    }
    q.edges(graph.base(), edges)
}

/// The quads of a graph, sorted and deduplicated (see the module documentation for the
/// named graphs).
pub fn graph_quads(graph: &KnowledgeGraph) -> Result<Vec<Quad>> {
    Statements::sorted(graph, false)?.iter().map(|q| q.map(QuadRef::into_owned)).collect()
}

/// The triples of a graph (the union of its named graphs), sorted and deduplicated.
pub fn graph_triples(graph: &KnowledgeGraph) -> Result<Vec<Triple>> {
    Statements::sorted(graph, true)?.iter().map(|q| q.map(|q| Triple::from(q.into_owned()))).collect()
}

/// The index standing for the default graph.
const DEFAULT_GRAPH: u32 = u32::MAX;

/// The statements of a graph held compactly to be sorted: each distinct term once (the
/// sentence quoted as evidence by many statements, an IRI in many statements), each
/// statement as the indices of its graph, subject, predicate and object. A graph of a
/// large corpus thus takes a fraction of the memory of its statements as owned quads.
struct Statements {
    terms: Vec<Term>,
    /// The indices of `terms`, by the hash of the term.
    index: hashbrown::HashTable<u32>,
    quads: Vec<[u32; 4]>,
}

fn term_hash(t: TermRef<'_>) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(t)
}

impl Statements {
    /// The statements of a graph in the order the sorted syntaxes write them (see
    /// [`Statements::sort`]).
    fn sorted(graph: &KnowledgeGraph, union: bool) -> Result<Self> {
        let mut s = Statements::of(graph)?;
        s.sort(union);
        Ok(s)
    }

    fn of(graph: &KnowledgeGraph) -> Result<Self> {
        let mut s = Statements { terms: Vec::new(), index: hashbrown::HashTable::new(), quads: Vec::new() };
        generate(graph, false, |q| {
            let g = match q.graph_name {
                GraphNameRef::DefaultGraph => DEFAULT_GRAPH,
                GraphNameRef::NamedNode(n) => s.id(n.into()),
                GraphNameRef::BlankNode(b) => s.id(b.into()),
            };
            let quad = [g, s.id(q.subject.into()), s.id(q.predicate.into()), s.id(q.object)];
            s.quads.push(quad);
            Ok(())
        })?;
        Ok(s)
    }

    /// The index of a term, added if new.
    fn id(&mut self, t: TermRef<'_>) -> u32 {
        let h = term_hash(t);
        let terms = &self.terms;
        if let Some(&id) = self.index.find(h, |&id| terms[id as usize].as_ref() == t) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(t.into_owned());
        let terms = &self.terms;
        self.index.insert_unique(h, id, |&id| term_hash(terms[id as usize].as_ref()));
        id
    }

    /// Sort by (graph, subject, predicate, object), in the order of the terms' N-Triples
    /// forms' parts (kind, then value, then datatype or language), and drop repeats; with
    /// `union`, every statement is first put in the default graph. Statements are grouped
    /// by graph and subject, the few distinct groups sorted, then each small group by
    /// predicate and object: long IRIs with a common prefix are compared far less often
    /// than in one global sort.
    fn sort(&mut self, union: bool) {
        if union {
            for q in &mut self.quads {
                q[0] = DEFAULT_GRAPH;
            }
        }
        let terms = &self.terms;
        let graph_key = |id: u32| match terms.get(id as usize) {
            None => (0, ""),
            Some(Term::BlankNode(b)) => (2, b.as_str()),
            Some(t) => (1, term_key(t).1),
        };
        let key = |id: u32| term_key(&terms[id as usize]);
        let mut groups: FxHashMap<(u32, u32), Vec<[u32; 2]>> = FxHashMap::default();
        for q in &self.quads {
            groups.entry((q[0], q[1])).or_default().push([q[2], q[3]]);
        }
        self.quads = Vec::new();
        let mut keys: Vec<(u32, u32)> = groups.keys().copied().collect();
        keys.sort_unstable_by(|a, b| (graph_key(a.0), key(a.1)).cmp(&(graph_key(b.0), key(b.1))));
        let mut out = Vec::with_capacity(groups.values().map(Vec::len).sum());
        for (g, s) in keys {
            let mut group = groups.remove(&(g, s)).unwrap_or_default();
            group.sort_unstable_by(|a, b| (key(a[0]).1, key(a[1])).cmp(&(key(b[0]).1, key(b[1]))));
            group.dedup();
            out.extend(group.into_iter().map(|[p, o]| [g, s, p, o]));
        }
        self.quads = out;
    }

    /// The statements in their order, as borrowed quads.
    fn iter(&self) -> impl Iterator<Item = Result<QuadRef<'_>>> + '_ {
        let bad = |what: &str| Error::new(ErrorKind::Export, format!("internal: a {what} that cannot be one"));
        self.quads.iter().map(move |&[g, s, p, o]| {
            let subject: NamedOrBlankNodeRef<'_> = match &self.terms[s as usize] {
                Term::NamedNode(n) => n.as_ref().into(),
                Term::BlankNode(b) => b.as_ref().into(),
                _ => return Err(bad("subject")),
            };
            let Term::NamedNode(predicate) = &self.terms[p as usize] else { return Err(bad("predicate")) };
            let graph_name = match self.terms.get(g as usize) {
                None => GraphNameRef::DefaultGraph,
                Some(Term::NamedNode(n)) => n.as_ref().into(),
                Some(Term::BlankNode(b)) => b.as_ref().into(),
                Some(_) => return Err(bad("graph name")),
            };
            Ok(QuadRef::new(subject, predicate.as_ref(), self.terms[o as usize].as_ref(), graph_name))
        })
    }
}

/// The sort key of a term: kind, value, then datatype or language.
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
            // Written as the streaming writer writes one graph.
            RdfSyntax::Turtle => super::stream::Streamer::new(super::ExportFormat::Turtle)
                .ok_or_else(|| Error::usage("Turtle streams"))?
                .whole(graph, out, None)?,
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
                for q in Statements::sorted(graph, false)?.iter() {
                    w.serialize_quad(q?)?;
                }
                w.finish()?;
            }
            RdfSyntax::JsonLd => {
                let mut ser = oxjsonld::JsonLdSerializer::new();
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns).map_err(export_error)?;
                }
                let mut w = ser.for_writer(&mut *out);
                for q in Statements::sorted(graph, false)?.iter() {
                    w.serialize_quad(q?)?;
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
                for q in Statements::sorted(graph, true)?.iter() {
                    w.serialize_triple(q?)?;
                }
                w.finish()?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lexical_is_display() {
        for (year, month, day) in [(2024, 11, 8), (1, 1, 1), (999, 12, 31), (9999, 2, 28), (0, 7, 4)] {
            let d = Date { year, month, day };
            let mut buf = [0; 10];
            assert_eq!(date_lexical(d, &mut buf), Some(d.to_string().as_str()));
        }
        for (year, month, day) in [(-1, 1, 1), (10000, 1, 1), (2024, 100, 1)] {
            assert_eq!(date_lexical(Date { year, month, day }, &mut [0; 10]), None);
        }
    }

    /// Decimals written by ryu are those `Display` writes: every coordinate of the data
    /// (each written by ryu), a sweep of coordinates to four places, numbers of any bits in
    /// the range of coordinates (of 17 digits, ryu and `Display` differ: -171.09939575195313
    /// is also written -171.09939575195312), and the edges of the range ryu writes without
    /// an exponent.
    #[test]
    fn ryu_decimals_are_display() {
        let data = crate::data::OntologyData::embedded().unwrap();
        let coordinates: Vec<f64> = (data.countries.iter().flat_map(|c| [c.lat, c.lon]))
            .chain(data.places.iter().flat_map(|c| [c.lat, c.lon]))
            .chain(data.areas.iter().flat_map(|c| [c.lat, c.lon]))
            .flatten()
            .collect();
        assert!(coordinates.len() > 1000);
        let mut buffer = ryu::Buffer::new();
        for &x in &coordinates {
            assert_eq!(ryu_decimal(&mut buffer, x), Some(decimal_lexical(x).as_str()), "{x:?}");
        }
        let mut values: Vec<f64> = [0.0, -0.0, 1e-5, 1e-6, 9.999_999_999e15, 1e16, 0.1 + 0.2, 180.0, -90.0, 1.5e-5]
            .into_iter()
            .chain((-1_800_000..=1_800_000).step_by(7).map(|i| f64::from(i) / 10_000.0))
            .collect();
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            bits = bits.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let x = f64::from_bits(bits);
            values.push(if x.is_finite() { x % 180.0 } else { 0.5 });
        }
        for x in values {
            if let Some(s) = ryu_decimal(&mut buffer, x) {
                assert_eq!(s, decimal_lexical(x), "{x:?}");
            }
        }
    }
}
