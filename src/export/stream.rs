//! Streaming output for N-Triples, N-Quads, Turtle and CSV: each document's graph is
//! written as soon as it is extracted, so memory grows with the number of distinct
//! entities and events, not with the size of the corpus. The in-memory exports of these
//! formats are the same writer run over one graph, so a corpus streamed document by
//! document gives the same statements (CSV: the same rows) as its merged graph exported
//! at once. Turtle holds the statements N-Triples does, in the same order, with the
//! vocabulary's prefixes and a subject (and a predicate) written once for the statements
//! that follow each other with it.
//!
//! Contract:
//! - What a document states about itself (its statements, assertions, the document node,
//!   events no other document reported) is written at once.
//! - What repeats across documents is written once: each statement describing an entity
//!   the first time it is seen (a new alias adds one `skos:altLabel`), and each direct
//!   triple (N-Quads: per named graph) the first time it is stated. Only 64-bit hashes of
//!   those statements are kept.
//! - An event with an identity (type, date, place, agent: see
//!   [`KnowledgeGraph::extend`]) reported again by a later document is that event: the
//!   later report takes the first report's IRI and adds its role edges and their
//!   assertions; its own description is not written again.
//! - What is only known at the end is written at the end: mention counts of entities and
//!   of events with an identity, and those events' counts (`killed`, `injured`, `count`,
//!   `launched`: the highest reported). In CSV, entity rows come last, and the rows whose
//!   values later documents change (events with an identity, edges between entities or
//!   from such events, whose `sources` grow) are held in spill files (in memory, or in a
//!   folder given by [`Streamer::spill_in`]) and patched when the folder is finished.

use super::property::{self, EDGE_COLUMNS, NODE_COLUMNS};
use super::turtle::{Continued, TurtleLines};
use super::{export_error, lines, rdf, tabular, ExportFormat};
use crate::error::{Error, Result};
use crate::graph::{EdgeView, KnowledgeGraph, Node, NodeKind};
use crate::text::date::Date;
use crate::vocab::{ng, xsd};
use oxrdf::{GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, QuadRef};
use petgraph::stable_graph::NodeIndex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;
use std::fs::File;
use std::hash::{BuildHasher, Hash};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

fn hash(x: impl Hash) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(x)
}

/// The role predicates: the only statements whose subject is an event that a later
/// report of the event adds.
fn is_role(p: &str) -> bool {
    p == ng::AGENT || p == ng::TARGET || p == ng::PLACE_ROLE
}

/// Where the finished CSV folder goes: `nodes.csv` and `edges.csv`.
pub struct CsvSink<'a> {
    pub nodes: &'a mut dyn Write,
    pub edges: &'a mut dyn Write,
}

/// The first report of an event with an identity, and what later reports change.
#[derive(Debug)]
struct Report {
    iri: String,
    /// The named graph of its statements: an index in `Streamer::graphs`.
    graph: Option<u32>,
    /// A hash of the reporting document's name.
    doc: u64,
    mentions: u32,
    killed: Option<u64>,
    injured: Option<u64>,
    count: Option<u64>,
    launched: Option<u64>,
}

impl Report {
    fn absorb(&mut self, n: &Node) {
        self.mentions += n.mentions;
        self.killed = self.killed.max(n.killed);
        self.injured = self.injured.max(n.injured);
        self.count = self.count.max(n.count);
        self.launched = self.launched.max(n.launched);
    }

    /// The values written at the end, as (predicate, value).
    fn deferred(&self) -> [(&'static str, Option<u64>); 5] {
        [
            (ng::KILLED, self.killed),
            (ng::INJURED, self.injured),
            (ng::COUNT, self.count),
            (ng::LAUNCHED, self.launched),
            (ng::MENTIONS, Some(u64::from(self.mentions)).filter(|&m| m > 0)),
        ]
    }
}

/// Rows written now, read back and patched at the end: in memory or in a file.
enum Spill {
    Memory(Vec<u8>),
    File { out: BufWriter<File>, path: PathBuf },
}

impl Spill {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Spill::Memory(v) => v,
            Spill::File { out, .. } => out,
        }
    }

    fn reader(self) -> Result<(Box<dyn Read>, Option<PathBuf>)> {
        Ok(match self {
            Spill::Memory(v) => (Box::new(std::io::Cursor::new(v)), None),
            Spill::File { out, path } => {
                out.into_inner().map_err(|e| Error::from(e.into_error()))?;
                (Box::new(BufReader::with_capacity(1 << 16, File::open(&path)?)), Some(path))
            }
        })
    }
}

/// CSV rows waiting for the end.
struct CsvSpill {
    nodes: Spill,
    edges: Spill,
}

/// A streaming writer for one line-based format.
pub struct Streamer {
    format: ExportFormat,
    /// Hashes of the shared statements (entity descriptions, direct triples) written.
    seen: FxHashSet<u64>,
    /// By a hash of an entity's IRI, a hash of its last description (see [`description`]):
    /// an entity described as before has its description statements written already.
    descriptions: FxHashMap<u64, u64>,
    /// RDF: the statements of the documents written but not yet handed to the writer (see
    /// [`Streamer::HANDED_ON`]), kept between documents so that its memory is reused.
    buffer: Vec<u8>,
    /// Entities seen, by IRI. CSV writes their rows at the end: whole nodes (merged:
    /// aliases united, mentions summed). RDF writes only their mention counts at the end
    /// (a new alias is a statement of its own, written when seen): the counts alone.
    entities: Entities,
    /// Events with an identity: the hash of the identity, and the index of the report.
    events: FxHashMap<u64, u32>,
    reports: Vec<Report>,
    /// Named graphs of the reports (document IRIs), and their indices.
    graphs: Vec<String>,
    graph_ids: FxHashMap<String, u32>,
    /// The number of sources of each edge between shared nodes (entities, events with an
    /// identity), by the hash its id is made of ([`property::edge_hash`]; RDF: by a hash of
    /// the same parts): which edges were written, and CSV's `sources`.
    sources: FxHashMap<u64, u32>,
    csv: Option<CsvSpill>,
    /// Turtle: the writer, which keeps the last subject and predicate between
    /// documents.
    turtle: Option<TurtleLines>,
    /// N-Triples and N-Quads: long literals quoted before.
    quoted: lines::Quoted,
    /// N-Triples and N-Quads: kept between documents so that its memory is reused.
    frame: lines::Frame,
    /// The lexical forms of confidences, kept between documents.
    confidences: rdf::Confidences,
    events_written: usize,
    edges_written: usize,
}

impl std::fmt::Debug for Streamer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streamer")
            .field("format", &self.format)
            .field("entities", &self.entities.len())
            .field("events", &self.reports.len())
            .finish()
    }
}

/// What the streamer keeps of each entity until the end. The mention counts are found by
/// the hash of the IRI ([`hash`]), worked out once for each entity of a document.
enum Entities {
    Mentions(hashbrown::HashTable<(String, u32)>),
    Nodes(FxHashMap<String, Node>),
}

impl Entities {
    fn len(&self) -> usize {
        match self {
            Entities::Mentions(m) => m.len(),
            Entities::Nodes(m) => m.len(),
        }
    }

    /// Count an entity of a document, `h` being the hash of its IRI.
    fn add(&mut self, n: &Node, h: u64) {
        match self {
            Entities::Mentions(m) => match m.find_mut(h, |(iri, _)| *iri == n.iri) {
                Some((_, c)) => *c += n.mentions,
                None => {
                    m.insert_unique(h, (n.iri.clone(), n.mentions), |(iri, _)| hash(iri));
                }
            },
            Entities::Nodes(m) => match m.get_mut(&n.iri) {
                Some(e) => {
                    for a in &n.aliases {
                        if !e.aliases.contains(a) {
                            e.aliases.insert(a.clone());
                        }
                    }
                    e.mentions += n.mentions;
                }
                None => {
                    let mut e = n.clone();
                    e.provenance.truncate(1);
                    m.insert(n.iri.clone(), e);
                }
            },
        }
    }

    /// The entities' mention counts, by IRI.
    fn sorted_mentions(&self) -> Vec<(&str, u32)> {
        let mut v: Vec<(&str, u32)> = match self {
            Entities::Mentions(m) => m.iter().map(|(k, c)| (k.as_str(), *c)).collect(),
            Entities::Nodes(m) => m.iter().map(|(k, n)| (k.as_str(), n.mentions)).collect(),
        };
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// The merged entities, by IRI (none when only mentions are kept).
    fn sorted_nodes(&self) -> Vec<&Node> {
        let Entities::Nodes(m) = self else { return Vec::new() };
        let mut v: Vec<(&String, &Node)> = m.iter().collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v.into_iter().map(|(_, n)| n).collect()
    }
}

/// How the statements of one document's nodes are treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// An entity: statements written once across documents; mentions at the end.
    Entity,
    /// The first report of an event with an identity: role triples remembered; counts
    /// and mentions at the end.
    Registered,
    /// A later report of such an event: only role triples not yet written.
    Repeated,
}

/// How each node of a document's graph is treated: entities by their kind, events with
/// an identity by their IRI; other nodes are no shared subject.
#[derive(Default)]
struct Subjects {
    events: FxHashMap<String, Subject>,
    /// The event looked up last, by its address in the graph (which stays where it is
    /// while it is written), and how it is treated: an event is asked about for itself and
    /// for each of its edges, one after another.
    last: Cell<(usize, Option<Subject>)>,
}

impl Subjects {
    fn get(&self, n: &Node) -> Option<Subject> {
        match n.kind() {
            NodeKind::Entity(_) => Some(Subject::Entity),
            NodeKind::Event(_) if self.events.is_empty() => None,
            NodeKind::Event(_) => {
                let at = std::ptr::from_ref(n) as usize;
                match self.last.get() {
                    (last, subject) if last == at => subject,
                    _ => {
                        let subject = self.events.get(&n.iri).copied();
                        self.last.set((at, subject));
                        subject
                    }
                }
            }
            NodeKind::Statement | NodeKind::Document => None,
        }
    }
}

impl Streamer {
    /// RDF: the statements of documents are handed to the writer once this many bytes have
    /// gathered (a buffered writer of this capacity or less passes them on without copying
    /// them), and at [`Streamer::finish`].
    const HANDED_ON: usize = 1 << 16;

    /// The room reserved in the table of the statements written once.
    const ROOM: usize = 1 << 15;

    /// A streamer for `format`, if it streams (N-Triples, N-Quads, Turtle, CSV). CSV rows
    /// to patch are held in memory until [`Streamer::spill_in`] says where else.
    pub fn new(format: ExportFormat) -> Option<Self> {
        let mut turtle = None;
        let csv = match format {
            ExportFormat::NTriples | ExportFormat::NQuads => None,
            ExportFormat::Turtle => {
                turtle = Some(TurtleLines::new(rdf::PREFIXES));
                None
            }
            ExportFormat::Csv => Some(CsvSpill { nodes: Spill::Memory(Vec::new()), edges: Spill::Memory(Vec::new()) }),
            _ => return None,
        };
        Some(Streamer {
            format,
            // Room for the statements, entities and edges of a few hundred documents: the
            // tables, which grow with the corpus, skip their first steps of growth (each
            // moving every entry to a table twice the size).
            seen: FxHashSet::with_capacity_and_hasher(Self::ROOM, Default::default()),
            descriptions: FxHashMap::with_capacity_and_hasher(Self::ROOM / 8, Default::default()),
            buffer: Vec::new(),
            entities: if csv.is_some() {
                Entities::Nodes(FxHashMap::default())
            } else {
                Entities::Mentions(hashbrown::HashTable::new())
            },
            events: FxHashMap::default(),
            reports: Vec::new(),
            graphs: Vec::new(),
            graph_ids: FxHashMap::default(),
            sources: FxHashMap::with_capacity_and_hasher(Self::ROOM / 4, Default::default()),
            csv,
            turtle,
            quoted: lines::Quoted::default(),
            frame: lines::Frame::default(),
            confidences: rdf::Confidences::default(),
            events_written: 0,
            edges_written: 0,
        })
    }

    /// Hold CSV rows in files in `dir` (removed when the streamer finishes or is dropped)
    /// rather than in memory.
    pub fn spill_in(mut self, dir: &Path) -> Result<Self> {
        if let Some(csv) = &mut self.csv {
            let open = |name: &str| -> Result<Spill> {
                let path = dir.join(name);
                let out = BufWriter::with_capacity(1 << 16, File::create(&path)?);
                Ok(Spill::File { out, path })
            };
            *csv = CsvSpill { nodes: open(".nodes.csv.part")?, edges: open(".edges.csv.part")? };
        }
        Ok(self)
    }

    /// The number of distinct entities seen so far.
    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    /// The number of distinct events written so far.
    pub fn event_count(&self) -> usize {
        self.events_written
    }

    /// The number of distinct edges written so far.
    pub fn edge_count(&self) -> usize {
        self.edges_written
    }

    /// Write one document's graph (CSV: into the spill; `out` is used by RDF only). RDF
    /// statements may be held until more have gathered: [`Streamer::finish`] writes the
    /// rest.
    pub fn document(&mut self, mut graph: KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        self.document_in_place(&mut graph, out)
    }

    /// [`Streamer::document`], leaving the graph to the caller (its later reports of
    /// events renamed to their first reports' IRIs), to free it where it likes: a graph
    /// holds thousands of allocations, which the thread that made them frees for less.
    pub fn document_in_place(&mut self, graph: &mut KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let subjects = self.register(graph);
        self.write(graph, &subjects, out)
    }

    /// Write a whole graph at once: what the in-memory exporters do.
    pub(crate) fn whole(mut self, graph: &KnowledgeGraph, out: &mut dyn Write, csv: Option<CsvSink<'_>>) -> Result<()> {
        let subjects = self.register_all(graph);
        self.write(graph, &subjects, out)?;
        match csv {
            Some(sink) => self.finish_csv(sink),
            None => self.finish(out),
        }
    }

    /// Classify the nodes of a document's graph; give later reports of known events the
    /// first report's IRI.
    fn register(&mut self, graph: &mut KnowledgeGraph) -> Subjects {
        let identities: Vec<(NodeIndex, u64, u64)> =
            graph.event_identities().into_iter().map(|(i, id, doc)| (i, hash(id), hash(&*doc))).collect();
        // Room for every event with an identity: the map does not grow on the way.
        let mut subjects = Subjects {
            events: FxHashMap::with_capacity_and_hasher(identities.len(), Default::default()),
            ..Subjects::default()
        };
        let mut graph_ids = Vec::new();
        for (i, key, doc) in identities {
            match self.events.get(&key).map(|&r| &mut self.reports[r as usize]) {
                Some(report) if report.doc != doc => {
                    report.absorb(&graph.petgraph()[i]);
                    let iri = report.iri.clone();
                    graph.rename(i, iri.clone());
                    subjects.events.insert(iri, Subject::Repeated);
                }
                Some(_) => {}
                None => {
                    let iri = self.new_report(graph, i, doc, &mut graph_ids);
                    self.events.insert(key, (self.reports.len() - 1) as u32);
                    subjects.events.insert(iri, Subject::Registered);
                }
            }
        }
        subjects
    }

    /// Classify the nodes of a whole graph: its events with an identity are first reports.
    fn register_all(&mut self, graph: &KnowledgeGraph) -> Subjects {
        let mut subjects = Subjects::default();
        let mut graph_ids = Vec::new();
        for (i, _, doc) in graph.event_identities() {
            let iri = self.new_report(graph, i, hash(&*doc), &mut graph_ids);
            subjects.events.insert(iri, Subject::Registered);
        }
        subjects
    }

    /// Register the first report of an event, node `i` of `graph`, reported by the document
    /// whose name's hash is `doc`; `graph_ids`: the named graphs of the documents whose
    /// events were registered before from `graph` (a graph's nodes are searched for a
    /// document once).
    fn new_report(
        &mut self,
        graph: &KnowledgeGraph,
        i: NodeIndex,
        doc: u64,
        graph_ids: &mut Vec<(u64, Option<u32>)>,
    ) -> String {
        let n = &graph.petgraph()[i];
        let graph_id = match graph_ids.iter().find(|(d, _)| *d == doc) {
            Some(&(_, id)) => id,
            None => {
                let id = self.graph_id(graph, n);
                graph_ids.push((doc, id));
                id
            }
        };
        let mut report = Report {
            iri: n.iri.clone(),
            graph: graph_id,
            doc,
            mentions: 0,
            killed: None,
            injured: None,
            count: None,
            launched: None,
        };
        report.absorb(n);
        self.reports.push(report);
        n.iri.clone()
    }

    /// The index of the named graph of event `n`'s statements: its document's IRI.
    fn graph_id(&mut self, graph: &KnowledgeGraph, n: &Node) -> Option<u32> {
        let doc_iri = n.provenance.first().and_then(|p| {
            graph
                .petgraph()
                .node_weights()
                .filter(|d| d.kind() == NodeKind::Document && d.path.as_deref() == Some(&*p.doc))
                .min_by(|a, b| a.iri.cmp(&b.iri))
        });
        doc_iri.map(|d| match self.graph_ids.get(&d.iri) {
            Some(&g) => g,
            None => {
                let g = self.graphs.len() as u32;
                self.graphs.push(d.iri.clone());
                self.graph_ids.insert(d.iri.clone(), g);
                g
            }
        })
    }

    fn write(&mut self, graph: &KnowledgeGraph, subjects: &Subjects, out: &mut dyn Write) -> Result<()> {
        let (nodes, edges) = graph.nodes_and_edges();
        self.events_written += nodes
            .iter()
            .filter(|n| matches!(n.kind(), NodeKind::Event(_)) && subjects.get(n) != Some(Subject::Repeated))
            .count();
        // Which edges are new: those between shared nodes may have been written before.
        let mut fresh = Vec::with_capacity(edges.len());
        for e in &edges {
            let shared = |n: &Node| subjects.get(n).is_some();
            let mut new = true;
            if shared(e.source) && (shared(e.target) || e.edge.kind.is_role()) {
                // CSV's edge ids are made of `edge_hash`; RDF only tells which edges were
                // written, by a quicker hash of the same parts.
                let id = match self.csv {
                    Some(_) => property::edge_hash(e),
                    None => hash((&e.source.iri, e.edge.kind, &e.edge.role, &e.target.iri)),
                };
                let n = e.edge.provenance.len().max(1) as u32;
                match self.sources.get_mut(&id) {
                    Some(sources) => {
                        *sources += n;
                        new = false;
                    }
                    None => {
                        self.sources.insert(id, n);
                    }
                }
            }
            self.edges_written += usize::from(new);
            fresh.push(new);
        }
        // The entities, each with the hash of its IRI, worked out once for its description
        // and its mention count.
        let entities: Vec<(&Node, u64)> =
            nodes.iter().filter(|n| matches!(n.kind(), NodeKind::Entity(_))).map(|&n| (n, hash(&n.iri))).collect();
        match self.format {
            ExportFormat::NTriples | ExportFormat::NQuads | ExportFormat::Turtle => {
                self.rdf_document(graph, &nodes, &edges, &entities, subjects, out)?
            }
            _ => self.csv_document(&nodes, subjects, &edges, &fresh)?,
        }
        for (n, h) in entities {
            self.entities.add(n, h);
        }
        Ok(())
    }

    fn rdf_document(
        &mut self,
        graph: &KnowledgeGraph,
        nodes: &[&Node],
        edges: &[EdgeView<'_>],
        entities: &[(&Node, u64)],
        subjects: &Subjects,
        out: &mut dyn Write,
    ) -> Result<()> {
        let triples = self.format != ExportFormat::NQuads;
        // The graph's evidence sentences are known by their addresses while it is written,
        // and only then.
        self.quoted.new_graph();
        // The statements of earlier documents not yet handed to `out` come first.
        let mut w = std::mem::take(&mut self.buffer);
        let before = w.len();
        // Entities described as in an earlier document: their description statements are
        // not generated again (nor looked up in `seen`, which, grown large, costs a cache
        // miss per statement).
        // Known by their addresses in the graph, which stays where it is while it is written.
        // Room for every entity at once: the set does not grow and rehash on the way.
        let mut settled: FxHashSet<*const Node> =
            FxHashSet::with_capacity_and_hasher(entities.len(), Default::default());
        for &(n, h) in entities {
            let d = description(n);
            if self.descriptions.insert(h, d) == Some(d) {
                settled.insert(n);
            }
        }
        let described = |n: &Node| subjects.get(n) != Some(Subject::Repeated);
        let settled = |n: &Node| settled.contains(&std::ptr::from_ref(n));
        let sink = Lines {
            subjects,
            subject: None,
            seen: &mut self.seen,
            turtle: &mut self.turtle,
            quoted: &mut self.quoted,
            frame: &mut self.frame,
            triples,
            out: &mut w,
        };
        let earlier = rdf::Earlier { described: &described, settled: &settled, confidences: &mut self.confidences };
        let generated = rdf::generate_from(graph, nodes, edges, triples, earlier, sink);
        if generated.is_err() {
            // Nothing of a document that fails is written.
            w.truncate(before);
        } else if w.len() >= Self::HANDED_ON {
            // Handed on in large pieces, which a buffered writer passes on without copying.
            out.write_all(&w)?;
            w.clear();
        }
        self.buffer = w;
        generated
    }

    fn csv_document(
        &mut self,
        nodes: &[&Node],
        subjects: &Subjects,
        edges: &[EdgeView<'_>],
        fresh: &[bool],
    ) -> Result<()> {
        let Some(csv) = &mut self.csv else { return Err(Error::usage("not a CSV streamer")) };
        let mut nw = tabular::writer(csv.nodes.writer());
        for n in nodes {
            match subjects.get(n) {
                Some(Subject::Entity | Subject::Repeated) => {}
                _ => nw.write_record(tabular::node_record(n)).map_err(export_error)?,
            }
        }
        nw.flush()?;
        drop(nw);
        let mut ew = tabular::writer(csv.edges.writer());
        for (e, _) in edges.iter().zip(fresh).filter(|(_, &new)| new) {
            ew.write_record(tabular::edge_record(e)).map_err(export_error)?;
        }
        ew.flush()?;
        Ok(())
    }

    /// RDF: write what is only known at the end (mention counts; the counts of events
    /// with an identity).
    pub fn finish(mut self, out: &mut dyn Write) -> Result<()> {
        if self.csv.is_some() {
            return Err(Error::usage("a CSV streamer finishes into a folder"));
        }
        let triples = self.format != ExportFormat::NQuads;
        // Written in pieces: a corpus has millions of counts to write here. The statements
        // of the last documents, not yet handed on, come first.
        let mut w = std::mem::take(&mut self.buffer);
        let mut turtle = self.turtle.take();
        let mut quoted = std::mem::take(&mut self.quoted);
        let mut emit = |g: GraphNameRef<'_>, s: &str, p: &str, v: u64| -> Result<()> {
            let mut value = itoa::Buffer::new();
            let s = NamedNodeRef::new_unchecked(s);
            let p = NamedNodeRef::new_unchecked(p);
            let o = LiteralRef::new_typed_literal(value.format(v), NamedNodeRef::new_unchecked(xsd::INTEGER));
            match &mut turtle {
                Some(t) => t.statement(&mut w, QuadRef::new(s, p, o, g)),
                None => lines::statement(&mut w, QuadRef::new(s, p, o, g), !triples, &mut quoted),
            }
            if w.len() >= Self::HANDED_ON {
                out.write_all(&w)?;
                w.clear();
            }
            Ok(())
        };
        for (iri, mentions) in self.entities.sorted_mentions() {
            if mentions > 0 {
                // Entity descriptions are in the default graph.
                emit(GraphNameRef::DefaultGraph, iri, ng::MENTIONS, u64::from(mentions))?;
            }
        }
        let mut reports: Vec<&Report> = self.reports.iter().collect();
        reports.sort_unstable_by(|a, b| a.iri.cmp(&b.iri));
        for r in reports {
            let g = r.graph.map_or(GraphNameRef::DefaultGraph, |g| {
                GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(&self.graphs[g as usize]))
            });
            for (p, v) in r.deferred() {
                if let Some(v) = v {
                    emit(g, &r.iri, p, v)?;
                }
            }
        }
        if let Some(t) = &mut turtle {
            t.finish(&mut w);
        }
        out.write_all(&w)?;
        Ok(())
    }

    /// CSV: write `nodes.csv` (the spilled rows, patched, then the entities) and
    /// `edges.csv` (the spilled rows, with their final `sources`).
    pub fn finish_csv(mut self, sink: CsvSink<'_>) -> Result<()> {
        let Some(csv) = self.csv.take() else { return Err(Error::usage("not a CSV streamer")) };
        let column = |columns: &[property::Column], name: &str, first: usize| {
            columns.iter().position(|c| c.name == name).map(|i| i + first).expect("a known column")
        };
        // nodes.csv
        let by_iri: FxHashMap<u64, &Report> = self.reports.iter().map(|r| (hash(&r.iri), r)).collect();
        let patched: Vec<(usize, &'static str)> = [ng::KILLED, ng::INJURED, ng::COUNT, ng::LAUNCHED, ng::MENTIONS]
            .into_iter()
            .map(|p| (column(NODE_COLUMNS, p.rsplit('#').next().unwrap_or(p), 1), p))
            .collect();
        let mut nw = tabular::writer(&mut *sink.nodes);
        nw.write_record(tabular::header(&["id"], NODE_COLUMNS)).map_err(export_error)?;
        copy_spill(csv.nodes, &mut nw, |record| {
            if let Some(r) = by_iri.get(&hash(&record[0])) {
                for (&(i, p), (q, v)) in patched.iter().zip(r.deferred()) {
                    debug_assert_eq!(p, q);
                    record[i] = v.map(|v| v.to_string()).unwrap_or_default();
                }
            }
        })?;
        for n in self.entities.sorted_nodes() {
            nw.write_record(tabular::node_record(n)).map_err(export_error)?;
        }
        nw.flush()?;
        drop(nw);
        // edges.csv
        let sources = column(EDGE_COLUMNS, "sources", 3);
        let mut ew = tabular::writer(&mut *sink.edges);
        ew.write_record(tabular::header(&["id", "source", "target"], EDGE_COLUMNS)).map_err(export_error)?;
        copy_spill(csv.edges, &mut ew, |record| {
            let id = record[0].strip_prefix('e').and_then(|h| u64::from_str_radix(h, 16).ok());
            if let Some(n) = id.and_then(|id| self.sources.get(&id)) {
                record[sources] = n.to_string();
            }
        })?;
        ew.flush()?;
        Ok(())
    }
}

/// Writes a document's statements as lines (N-Triples, N-Quads) or Turtle, leaving out
/// those written before (see [`Streamer`]) and those written at the end.
struct Lines<'a> {
    subjects: &'a Subjects,
    /// What the statements being generated are about.
    subject: Option<Subject>,
    seen: &'a mut FxHashSet<u64>,
    turtle: &'a mut Option<TurtleLines>,
    quoted: &'a mut lines::Quoted,
    /// N-Triples and N-Quads: the frame of the lines about one subject.
    frame: &'a mut lines::Frame,
    triples: bool,
    out: &'a mut Vec<u8>,
}

impl rdf::Sink for Lines<'_> {
    fn subject(&mut self, node: Option<&Node>) {
        self.subject = node.and_then(|n| self.subjects.get(n));
    }

    fn statement(&mut self, q: QuadRef<'_>) -> Result<()> {
        if !matches!(q.subject, NamedOrBlankNodeRef::NamedNode(_)) {
            return Ok(());
        }
        let p = q.predicate.as_str();
        let once = match self.subject {
            None => false,
            Some(Subject::Entity) if p == ng::MENTIONS => return Ok(()),
            Some(Subject::Entity) => true,
            Some(Subject::Registered) if is_deferred(p) => return Ok(()),
            Some(Subject::Registered) => is_role(p),
            Some(Subject::Repeated) if !is_role(p) => return Ok(()),
            Some(Subject::Repeated) => true,
        };
        if once {
            let key = if self.triples { hash((q.subject, q.predicate, q.object)) } else { hash(q) };
            if !self.seen.insert(key) {
                return Ok(());
            }
        }
        match self.turtle {
            Some(t) => t.statement(self.out, q),
            None => lines::statement(self.out, q, !self.triples, self.quoted),
        }
        Ok(())
    }

    fn description(
        &mut self,
        g: GraphNameRef<'_>,
        s: NamedNodeRef<'_>,
        describe: &mut dyn FnMut(&mut dyn rdf::Block) -> Result<()>,
    ) -> Result<()> {
        match self.subject {
            // Written as it comes.
            None => describe(&mut self.block(g, s)),
            // Written as it comes, but for what is written at the end.
            Some(Subject::Registered) => describe(&mut Undeferred(self.block(g, s))),
            // Written once; the mention count at the end, so not even formatted.
            Some(Subject::Entity) if self.turtle.is_none() => {
                describe(&mut Once { sink: self, g, s: s.as_str(), subject: None, framed: false })
            }
            Some(Subject::Entity) => describe(&mut Counted(rdf::AsQuads { sink: self, g, s })),
            // A later report's description is not written again: of the statements about
            // it, only its roles are (edges, not described here).
            Some(Subject::Repeated) => Ok(()),
        }
    }

    fn provenance(&mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'_>, facts: &rdf::Facts<'_>) -> Result<()> {
        match self.subject {
            // Provenance is no role: not written again.
            Some(Subject::Repeated) => Ok(()),
            // Written once.
            Some(Subject::Entity) => facts.write(&mut rdf::AsQuads { sink: self, g, s }),
            // Written as it comes.
            None | Some(Subject::Registered) => facts.write(&mut self.block(g, s)),
        }
    }

    fn assertion(
        &mut self,
        g: GraphNameRef<'_>,
        a: NamedNodeRef<'_>,
        reified: &rdf::Reified<'_>,
        facts: &rdf::Facts<'_>,
    ) -> Result<()> {
        self.subject = None;
        let mut block = self.block(g, a);
        reified.write(&mut block)?;
        facts.write(&mut block)
    }
}

impl Lines<'_> {
    /// Where the statements about `s` in `g` go when all of them are written, none looked
    /// up: in N-Triples and N-Quads with the subject (and graph) rendered once for all; in
    /// Turtle with the subject compared with the last one once.
    fn block<'b>(&'b mut self, g: GraphNameRef<'_>, s: NamedNodeRef<'b>) -> Written<'b> {
        match self.turtle {
            Some(turtle) => Written::Turtle(Continued { turtle, out: self.out, s, open: false }),
            None => {
                self.frame.set(s.as_str(), g, !self.triples);
                Written::Lines(lines::Framed { frame: self.frame, out: self.out, quoted: self.quoted })
            }
        }
    }
}

/// The statements about the first report of an event with an identity written as they
/// come, but for those written at the end (see [`is_deferred`]).
struct Undeferred<'a>(Written<'a>);

impl rdf::Block for Undeferred<'_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.iri(p, o)
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.string(p, value)
    }

    fn portable_once(&mut self, p: &'static str, text: &str) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.portable_once(p, text)
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.typed(p, value, dt)
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.integer(p, value)
    }

    fn date(&mut self, p: &'static str, d: Date) -> Result<()> {
        if is_deferred(p) {
            return Ok(());
        }
        self.0.date(p, d)
    }
}

/// The statements describing an entity, handed on one by one to be written once, but for
/// its mention count, which is written at the end (see [`Streamer::finish`]).
struct Counted<'a, 'b>(rdf::AsQuads<'a, Lines<'b>>);

impl rdf::Block for Counted<'_, '_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        self.0.iri(p, o)
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        self.0.string(p, value)
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        self.0.typed(p, value, dt)
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        if p == ng::MENTIONS {
            return Ok(());
        }
        self.0.integer(p, value)
    }
}

/// The statements describing an entity in N-Triples or N-Quads, each written once (as
/// [`Counted`] hands them on), but each looked up in `seen` by a key of the hash of the
/// subject's IRI (worked out once for them all), the predicate and the object, rather than
/// by a hash of the statement's three terms, and written in the subject's frame (set once,
/// when the first is written) rather than as a statement of its own. An entity's
/// description is in the default graph, and no other statement has its predicates: the
/// keys of these statements need only tell them apart from each other.
struct Once<'a, 'b> {
    sink: &'a mut Lines<'b>,
    g: GraphNameRef<'a>,
    s: &'a str,
    /// The hash of the subject's IRI, once worked out.
    subject: Option<u64>,
    /// Whether the frame is set to the subject.
    framed: bool,
}

impl Once<'_, '_> {
    /// Whether the statement of `p` and the object of the kind `kind` (an IRI, a string, a
    /// typed literal) with the value `value` and the datatype `dt` is written for the
    /// first time (and is now seen).
    fn first(&mut self, p: &str, kind: u8, value: &str, dt: &str) -> bool {
        let subject = match self.subject {
            Some(h) => h,
            None => *self.subject.insert(hash(self.s)),
        };
        self.sink.seen.insert(hash((subject, p, kind, value, dt)))
    }

    /// The lines about the subject, the frame set if not yet.
    fn framed(&mut self) -> lines::Framed<'_> {
        if !self.framed {
            self.sink.frame.set(self.s, self.g, !self.sink.triples);
            self.framed = true;
        }
        lines::Framed { frame: self.sink.frame, out: self.sink.out, quoted: self.sink.quoted }
    }
}

impl rdf::Block for Once<'_, '_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        match self.first(p, 0, o, "") {
            true => self.framed().iri(p, o),
            false => Ok(()),
        }
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        match self.first(p, 1, value, "") {
            true => self.framed().string(p, value),
            false => Ok(()),
        }
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        debug_assert_ne!(dt, oxrdf::vocab::xsd::STRING.as_str(), "a string is written by `string`");
        match self.first(p, 2, value, dt) {
            true => self.framed().typed(p, value, dt),
            false => Ok(()),
        }
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        if p == ng::MENTIONS {
            return Ok(());
        }
        // The same key as the integer's `typed` statement.
        match self.first(p, 2, itoa::Buffer::new().format(value), xsd::INTEGER) {
            true => self.framed().integer(p, value),
            false => Ok(()),
        }
    }
}

/// The statements about one subject written as they come, in the format written.
enum Written<'a> {
    Lines(lines::Framed<'a>),
    Turtle(Continued<'a>),
}

impl rdf::Block for Written<'_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        match self {
            Written::Lines(w) => w.iri(p, o),
            Written::Turtle(w) => w.iri(p, o),
        }
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        match self {
            Written::Lines(w) => w.string(p, value),
            Written::Turtle(w) => w.string(p, value),
        }
    }

    fn portable(&mut self, p: &'static str, text: &str) -> Result<()> {
        match self {
            Written::Lines(w) => w.portable(p, text),
            Written::Turtle(w) => w.portable(p, text),
        }
    }

    fn portable_once(&mut self, p: &'static str, text: &str) -> Result<()> {
        match self {
            Written::Lines(w) => w.portable_once(p, text),
            Written::Turtle(w) => w.portable_once(p, text),
        }
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        match self {
            Written::Lines(w) => w.typed(p, value, dt),
            Written::Turtle(w) => w.typed(p, value, dt),
        }
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        match self {
            Written::Lines(w) => w.integer(p, value),
            Written::Turtle(w) => w.integer(p, value),
        }
    }

    fn date(&mut self, p: &'static str, d: Date) -> Result<()> {
        match self {
            Written::Lines(w) => w.date(p, d),
            Written::Turtle(w) => w.date(p, d),
        }
    }

    fn facts(&mut self, facts: &rdf::Facts<'_>) -> Result<()> {
        match self {
            Written::Lines(w) => w.facts(facts),
            Written::Turtle(w) => w.facts(facts),
        }
    }

    fn reified(&mut self, reified: &rdf::Reified<'_>) -> Result<()> {
        match self {
            Written::Lines(w) => w.reified(reified),
            Written::Turtle(w) => w.reified(reified),
        }
    }
}

/// A hash of what an entity's description statements (class, label, subtype,
/// identifiers, coordinates, country code: see `rdf::Quads::node`) are written from.
fn description(n: &Node) -> u64 {
    hash((
        n.kind,
        &n.label,
        &n.subtype,
        &n.wikidata,
        n.geonames,
        n.lat.map(f64::to_bits),
        n.lon.map(f64::to_bits),
        &n.country_code,
    ))
}

/// The predicates of an event with an identity written at the end.
fn is_deferred(p: &str) -> bool {
    p == ng::MENTIONS || p == ng::KILLED || p == ng::INJURED || p == ng::COUNT || p == ng::LAUNCHED
}

/// Copy the spilled CSV rows to `out`, patching each, and remove a spill file.
fn copy_spill<W: Write>(spill: Spill, out: &mut csv::Writer<W>, mut patch: impl FnMut(&mut Vec<String>)) -> Result<()> {
    let (reader, path) = spill.reader()?;
    let result = (|| -> Result<()> {
        let mut rows = csv::ReaderBuilder::new().has_headers(false).from_reader(reader);
        let mut record = csv::StringRecord::new();
        let mut fields: Vec<String> = Vec::new();
        while rows.read_record(&mut record).map_err(export_error)? {
            fields.clear();
            fields.extend(record.iter().map(str::to_owned));
            patch(&mut fields);
            out.write_record(&fields).map_err(export_error)?;
        }
        Ok(())
    })();
    if let Some(path) = path {
        let _ = std::fs::remove_file(path);
    }
    result
}

impl Drop for Streamer {
    fn drop(&mut self) {
        if let Some(csv) = self.csv.take() {
            for spill in [csv.nodes, csv.edges] {
                if let Spill::File { path, .. } = spill {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
    }
}
