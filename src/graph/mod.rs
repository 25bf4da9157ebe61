//! The knowledge graph: nodes (entities, events, statements, documents) and sourced
//! edges, over a petgraph `StableDiGraph`.
//!
//! Contract: nodes are identified by IRI; adding a node whose IRI exists merges it
//! (aliases, mention counts and provenance are unions; counts keep the highest value;
//! other attributes keep the first value given), and adding an edge that exists
//! (same source, target, kind and role) adds its provenance. Iteration for export is
//! deterministic: [`KnowledgeGraph::nodes`] sorts by IRI, [`KnowledgeGraph::edges`] by
//! (source IRI, kind, target IRI, role). Public identifiers are IRIs, never indices.

pub mod iri;

use crate::data::{EntityType, EventType, Predicate};
use crate::text::date::Date;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::sync::Arc;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Entity(EntityType),
    Event(EventType),
    Statement,
    Document,
}

impl NodeKind {
    /// The node type as every export writes it ("Person", "Event", "Statement").
    pub fn type_name(self) -> &'static str {
        match self {
            NodeKind::Entity(t) => t.as_str(),
            NodeKind::Event(_) => "Event",
            NodeKind::Statement => "Statement",
            NodeKind::Document => "Document",
        }
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The document's name (its path or URL).
    pub doc: Arc<str>,
    /// The sentence that states the fact, exactly as in the input.
    pub evidence: Arc<str>,
    /// Character offsets of the sentence in the input.
    pub start: u32,
    pub end: u32,
    /// The extraction rule.
    pub rule: Arc<str>,
    pub confidence: f32,
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    pub iri: String,
    pub kind: Option<NodeKind>,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub subtype: Option<String>,
    pub wikidata: Option<String>,
    pub geonames: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 code, for countries and known places.
    pub country_code: Option<String>,
    pub date: Option<Date>,
    pub killed: Option<u64>,
    pub injured: Option<u64>,
    pub count: Option<u64>,
    pub launched: Option<u64>,
    pub amount: Option<String>,
    /// A statement's text.
    pub text: Option<String>,
    pub quoted: Option<bool>,
    /// For documents: the path or URL.
    pub path: Option<String>,
    pub mentions: u32,
    /// For events and statements: where they are stated.
    pub provenance: Vec<Provenance>,
}

impl Node {
    pub fn kind(&self) -> NodeKind {
        self.kind.unwrap_or(NodeKind::Document)
    }
    pub fn event_type(&self) -> Option<EventType> {
        match self.kind() {
            NodeKind::Event(t) => Some(t),
            _ => None,
        }
    }
    fn merge(&mut self, other: Node) {
        self.aliases.extend(other.aliases);
        self.mentions += other.mentions;
        for p in other.provenance {
            if !self.provenance.contains(&p) {
                self.provenance.push(p);
            }
        }
        macro_rules! fill {
            ($($f:ident),*) => { $( if self.$f.is_none() { self.$f = other.$f; } )* };
        }
        fill!(subtype, wikidata, geonames, lat, lon, country_code, date, amount, text, quoted, path);
        // Reports of one event may give different counts: keep the highest, so the result
        // does not depend on the order reports arrive in.
        macro_rules! most {
            ($($f:ident),*) => { $( self.$f = self.$f.max(other.$f); )* };
        }
        most!(killed, injured, count, launched);
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// A relation of the core vocabulary.
    Relation(Predicate),
    /// An event's roles.
    Agent,
    Target,
    Place,
}

impl EdgeKind {
    /// A number that orders kinds as they are ordered (relations by predicate, then the
    /// roles).
    fn rank(self) -> u16 {
        match self {
            EdgeKind::Relation(p) => p as u16,
            EdgeKind::Agent => 1 << 8,
            EdgeKind::Target => (1 << 8) + 1,
            EdgeKind::Place => (1 << 8) + 2,
        }
    }

    /// Whether this is an event's role (agent, target, place).
    pub fn is_role(self) -> bool {
        !matches!(self, EdgeKind::Relation(_))
    }

    /// The predicate's local name as every export writes it.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Relation(p) => p.as_str(),
            EdgeKind::Agent => "agent",
            EdgeKind::Target => "target",
            EdgeKind::Place => "place",
        }
    }
}

/// An edge of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// For `role_in`: the role ("President").
    pub role: Option<String>,
    pub provenance: Vec<Provenance>,
}

/// The knowledge graph.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    /// The base of the graph's minted IRIs (for IRIs exporters mint, such as assertions).
    base: String,
    graph: StableDiGraph<Node, Edge>,
    /// The nodes by the hash of their IRI ([`iri_hash`]); the IRIs are the nodes' own.
    index: hashbrown::HashTable<NodeIndex>,
    /// The edges by the hash of (source, target, kind, role) ([`edge_key_hash`]).
    edge_index: hashbrown::HashTable<EdgeIndex>,
    /// Events by identity (type, date, place, agent), with the document that first
    /// reported them, so that [`KnowledgeGraph::extend`] merges reports of one event.
    events: FxHashMap<String, (NodeIndex, Arc<str>)>,
}

/// What makes reports of events one event (see [`KnowledgeGraph::extend`]): type, date,
/// place and agent (the first of each), borrowed from a graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct EventIdentity<'g> {
    etype: EventType,
    date: Date,
    place: &'g str,
    agent: &'g str,
}

impl EventIdentity<'_> {
    /// The identity as an owned key, to compare events of graphs merged one by one.
    fn key(&self) -> String {
        format!("{}|{}|{}|{}", self.etype.as_str(), self.date, self.place, self.agent)
    }
}

/// An edge seen from outside: its endpoints' IRIs and its data.
#[derive(Debug, Clone, Copy)]
pub struct EdgeView<'g> {
    pub source: &'g Node,
    pub target: &'g Node,
    pub edge: &'g Edge,
}

/// The hash of a node's IRI in [`KnowledgeGraph`]'s index.
fn iri_hash(iri: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(iri)
}

/// The hash of an edge's identity in [`KnowledgeGraph`]'s index.
fn edge_key_hash(source: NodeIndex, target: NodeIndex, kind: EdgeKind, role: Option<&str>) -> u64 {
    rustc_hash::FxBuildHasher.hash_one((source, target, kind, role))
}

impl Default for KnowledgeGraph {
    fn default() -> Self {
        Self::with_base(crate::vocab::DEFAULT_BASE_IRI)
    }
}

impl KnowledgeGraph {
    /// An empty graph with the default base IRI.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph whose minted IRIs start with `base`.
    pub fn with_base(base: &str) -> Self {
        Self::with_capacity(base, 0, 0)
    }

    /// An empty graph whose minted IRIs start with `base`, with room for `nodes` nodes
    /// and `edges` edges.
    pub fn with_capacity(base: &str, nodes: usize, edges: usize) -> Self {
        KnowledgeGraph {
            base: base.to_owned(),
            graph: StableDiGraph::with_capacity(nodes, edges),
            index: hashbrown::HashTable::with_capacity(nodes),
            edge_index: hashbrown::HashTable::with_capacity(edges),
            events: FxHashMap::default(),
        }
    }

    /// The base of minted IRIs.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Add a node, merging it with an existing node of the same IRI.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        let h = iri_hash(&node.iri);
        if let Some(&i) = self.find(h, &node.iri) {
            if let Some(n) = self.graph.node_weight_mut(i) {
                n.merge(node);
            }
            return i;
        }
        let i = self.graph.add_node(node);
        let graph = &self.graph;
        self.index.insert_unique(h, i, |&i| iri_hash(&graph[i].iri));
        i
    }

    /// The index entry of the node with this IRI, whose hash is `h`.
    fn find(&self, h: u64, iri: &str) -> Option<&NodeIndex> {
        self.index.find(h, |&i| self.graph[i].iri == iri)
    }

    /// Add an edge, merging provenance with an identical existing edge.
    pub fn add_edge(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        kind: EdgeKind,
        role: Option<String>,
        provenance: Vec<Provenance>,
    ) {
        let h = edge_key_hash(source, target, kind, role.as_deref());
        let graph = &self.graph;
        let same = |&e: &EdgeIndex| {
            graph.edge_endpoints(e) == Some((source, target)) && graph[e].kind == kind && graph[e].role == role
        };
        if let Some(&e) = self.edge_index.find(h, same) {
            if let Some(edge) = self.graph.edge_weight_mut(e) {
                for p in provenance {
                    if !edge.provenance.contains(&p) {
                        edge.provenance.push(p);
                    }
                }
            }
            return;
        }
        let e = self.graph.add_edge(source, target, Edge { kind, role, provenance });
        let graph = &self.graph;
        self.edge_index.insert_unique(h, e, |&e| {
            let (s, t) = graph.edge_endpoints(e).unwrap_or((source, target));
            edge_key_hash(s, t, graph[e].kind, graph[e].role.as_deref())
        });
    }

    /// The identity of an event node: type, date, place and agent (the first of each),
    /// when all are known; and the document that reports it.
    fn event_identity(graph: &StableDiGraph<Node, Edge>, i: NodeIndex) -> Option<(EventIdentity<'_>, Arc<str>)> {
        let n = graph.node_weight(i)?;
        let NodeKind::Event(t) = n.kind() else { return None };
        if t == EventType::Statement {
            return None;
        }
        let date = n.date?;
        let role =
            |k: EdgeKind| graph.edges(i).filter(|e| e.weight().kind == k).map(|e| graph[e.target()].iri.as_str()).min();
        let (place, agent) = (role(EdgeKind::Place)?, role(EdgeKind::Agent)?);
        let doc = n.provenance.first()?.doc.clone();
        Some((EventIdentity { etype: t, date, place, agent }, doc))
    }

    /// Merge another graph into this one: a union by IRI, where an event reported by a
    /// document is merged into the same event (type, date, place, agent) reported by an
    /// earlier document, keeping the first report's IRI and every report's provenance.
    /// Statements are never merged.
    pub fn extend(&mut self, other: KnowledgeGraph) {
        if self.events.is_empty() {
            self.index_events();
        }
        let KnowledgeGraph { mut graph, .. } = other;
        let mut map = FxHashMap::default();
        let indices: Vec<NodeIndex> = graph.node_indices().collect();
        let identities: Vec<Option<(String, Arc<str>)>> =
            indices.iter().map(|&i| Self::event_identity(&graph, i).map(|(id, doc)| (id.key(), doc))).collect();
        let edges: Vec<(NodeIndex, NodeIndex, Edge)> =
            graph.edge_references().map(|e| (e.source(), e.target(), e.weight().clone())).collect();
        for (i, identity) in indices.into_iter().zip(identities) {
            let Some(mut n) = graph.remove_node(i) else { continue };
            if let Some((key, doc)) = identity {
                match self.events.get(&key) {
                    Some((existing, first_doc)) if *first_doc != doc => {
                        let existing = *existing;
                        if let Some(e) = self.graph.node_weight_mut(existing) {
                            n.iri = e.iri.clone();
                            e.merge(n);
                        }
                        map.insert(i, existing);
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        let added = self.add_node(n);
                        self.events.insert(key, (added, doc));
                        map.insert(i, added);
                        continue;
                    }
                }
            }
            map.insert(i, self.add_node(n));
        }
        for (s, t, e) in edges {
            self.add_edge(map[&s], map[&t], e.kind, e.role, e.provenance);
        }
    }

    /// The events of this graph that have an identity (see [`KnowledgeGraph::extend`]):
    /// each event's index, identity key and reporting document, in IRI order.
    pub(crate) fn event_identities(&self) -> Vec<(NodeIndex, EventIdentity<'_>, Arc<str>)> {
        let mut v: Vec<(NodeIndex, EventIdentity<'_>, Arc<str>)> = self
            .graph
            .node_indices()
            .filter_map(|i| Self::event_identity(&self.graph, i).map(|(key, doc)| (i, key, doc)))
            .collect();
        v.sort_by(|a, b| self.graph[a.0].iri.cmp(&self.graph[b.0].iri));
        v
    }

    /// Give node `i` another IRI (one no other node of this graph has).
    pub(crate) fn rename(&mut self, i: NodeIndex, iri: String) {
        let Some(old) = self.graph.node_weight(i).map(|n| iri_hash(&n.iri)) else { return };
        if let Ok(entry) = self.index.find_entry(old, |&j| j == i) {
            entry.remove();
        }
        let h = iri_hash(&iri);
        self.graph[i].iri = iri;
        let graph = &self.graph;
        self.index.insert_unique(h, i, |&i| iri_hash(&graph[i].iri));
    }

    /// Index the events of this graph by identity (a graph read back from a file).
    fn index_events(&mut self) {
        let indices: Vec<NodeIndex> = self.graph.node_indices().collect();
        for i in indices {
            if let Some((id, doc)) = Self::event_identity(&self.graph, i) {
                self.events.entry(id.key()).or_insert((i, doc));
            }
        }
    }

    pub fn node(&self, iri: &str) -> Option<&Node> {
        self.node_index(iri).and_then(|i| self.graph.node_weight(i))
    }

    pub fn node_index(&self, iri: &str) -> Option<NodeIndex> {
        self.find(iri_hash(iri), iri).copied()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Nodes sorted by IRI.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        // IRIs are unique: an unstable sort gives the one order.
        v.sort_unstable_by(|a, b| a.iri.cmp(&b.iri));
        v
    }

    /// Edges sorted by source IRI, kind, target IRI and role.
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView<'_>> = self
            .graph
            .edge_references()
            .map(|e| EdgeView { source: &self.graph[e.source()], target: &self.graph[e.target()], edge: e.weight() })
            .collect();
        // An edge is unique by its ends, kind and role (see `add_edge`): an unstable sort
        // gives the one order.
        v.sort_unstable_by(|a, b| {
            (&a.source.iri, a.edge.kind, &a.target.iri, &a.edge.role).cmp(&(
                &b.source.iri,
                b.edge.kind,
                &b.target.iri,
                &b.edge.role,
            ))
        });
        v
    }

    /// [`KnowledgeGraph::nodes`] and [`KnowledgeGraph::edges`] at once: the edges sorted
    /// by their ends' places among the sorted nodes, which is their IRIs' order, so that
    /// numbers are compared rather than IRIs.
    pub fn nodes_and_edges(&self) -> (Vec<&Node>, Vec<EdgeView<'_>>) {
        // Sized at once: a stable graph's iterators do not tell their length, and a list
        // collected from them grows step by step.
        let mut nodes: Vec<(&Node, NodeIndex)> = Vec::with_capacity(self.graph.node_count());
        nodes.extend(self.graph.node_indices().map(|i| (&self.graph[i], i)));
        // IRIs are unique: an unstable sort gives the one order.
        nodes.sort_unstable_by(|a, b| a.0.iri.cmp(&b.0.iri));
        // A place and a kind's rank in 24 and 16 bits: an edge's key in 64.
        if self.graph.node_bound() >= 1 << 24 {
            return (nodes.into_iter().map(|(n, _)| n).collect(), self.edges());
        }
        let mut place = vec![0u64; self.graph.node_bound()];
        for (k, (_, i)) in nodes.iter().enumerate() {
            place[i.index()] = k as u64;
        }
        let mut edges: Vec<(u64, EdgeView<'_>)> = Vec::with_capacity(self.graph.edge_count());
        edges.extend(self.graph.edge_references().map(|e| {
            let (s, t) = (e.source(), e.target());
            let key = (place[s.index()] << 40) | (u64::from(e.weight().kind.rank()) << 24) | place[t.index()];
            (key, EdgeView { source: &self.graph[s], target: &self.graph[t], edge: e.weight() })
        }));
        // An edge is unique by its ends, kind and role (see `add_edge`): an unstable sort
        // gives the one order.
        edges.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.edge.role.cmp(&b.1.edge.role)));
        (nodes.into_iter().map(|(n, _)| n).collect(), edges.into_iter().map(|(_, e)| e).collect())
    }

    /// Edges leaving the node with this IRI.
    pub fn edges_from(&self, iri: &str) -> Vec<EdgeView<'_>> {
        let Some(i) = self.node_index(iri) else {
            return Vec::new();
        };
        let mut v: Vec<EdgeView<'_>> = self
            .graph
            .edges(i)
            .map(|e| EdgeView { source: &self.graph[e.source()], target: &self.graph[e.target()], edge: e.weight() })
            .collect();
        v.sort_by(|a, b| (a.edge.kind, &a.target.iri).cmp(&(b.edge.kind, &b.target.iri)));
        v
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_rank_in_their_order() {
        let kinds: Vec<EdgeKind> = Predicate::ALL
            .into_iter()
            .map(EdgeKind::Relation)
            .chain([EdgeKind::Agent, EdgeKind::Target, EdgeKind::Place])
            .collect();
        for a in &kinds {
            for b in &kinds {
                assert_eq!(a.cmp(b), a.rank().cmp(&b.rank()), "{a:?} {b:?}");
            }
        }
    }

    /// Nodes and edges sorted at once come in the order of `nodes` and `edges`: ends,
    /// kinds and roles that tie and differ, nodes added out of order, and a node renamed.
    #[test]
    fn nodes_and_edges_in_the_one_order() {
        let mut g = KnowledgeGraph::new();
        let iris = ["b/x", "a/z", "a/y", "c", "a/y/1", "b"];
        let ids: Vec<NodeIndex> =
            iris.iter().map(|iri| g.add_node(Node { iri: (*iri).to_owned(), ..Default::default() })).collect();
        g.rename(ids[3], "a/0".to_owned());
        let kinds = [
            EdgeKind::Place,
            EdgeKind::Relation(Predicate::ALL[3]),
            EdgeKind::Agent,
            EdgeKind::Relation(Predicate::ALL[0]),
        ];
        let roles = [None, Some("b".to_owned()), Some("a".to_owned()), Some(String::new())];
        let mut k = 0;
        for &s in &ids {
            for &t in ids.iter().rev() {
                for kind in kinds {
                    for role in &roles {
                        k += 1;
                        if k % 3 != 0 {
                            g.add_edge(s, t, kind, role.clone(), Vec::new());
                        }
                    }
                }
            }
        }
        let (nodes, edges) = g.nodes_and_edges();
        let by_address = |n: &Node| std::ptr::from_ref(n);
        assert_eq!(nodes.iter().map(|n| by_address(n)).collect::<Vec<_>>(), {
            g.nodes().iter().map(|n| by_address(n)).collect::<Vec<_>>()
        });
        let key = |e: &EdgeView<'_>| (by_address(e.source), by_address(e.target), std::ptr::from_ref(e.edge));
        assert_eq!(edges.iter().map(key).collect::<Vec<_>>(), g.edges().iter().map(key).collect::<Vec<_>>());
        assert_eq!(edges.len(), g.edge_count());
    }
}
