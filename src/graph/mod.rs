//! The knowledge graph: nodes (entities, events, statements, documents) and sourced
//! edges, over a petgraph `StableDiGraph`.
//!
//! Contract: nodes are identified by IRI; adding a node whose IRI exists merges it
//! (aliases, mention counts and provenance are unions), and adding an edge that exists
//! (same source, target, kind and role) adds its provenance. Iteration for export is
//! deterministic: [`KnowledgeGraph::nodes`] sorts by IRI, [`KnowledgeGraph::edges`] by
//! (source IRI, kind, target IRI, role). Public identifiers are IRIs, never indices.

pub mod iri;

use crate::data::{EntityType, EventType, Predicate};
use crate::text::date::Date;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
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
        fill!(
            subtype,
            wikidata,
            geonames,
            lat,
            lon,
            country_code,
            date,
            killed,
            injured,
            count,
            launched,
            amount,
            text,
            quoted,
            path
        );
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
    index: FxHashMap<String, NodeIndex>,
    edge_index: FxHashMap<(NodeIndex, NodeIndex, EdgeKind, Option<String>), EdgeIndex>,
}

/// An edge seen from outside: its endpoints' IRIs and its data.
#[derive(Debug, Clone, Copy)]
pub struct EdgeView<'g> {
    pub source: &'g Node,
    pub target: &'g Node,
    pub edge: &'g Edge,
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
        KnowledgeGraph {
            base: base.to_owned(),
            graph: StableDiGraph::default(),
            index: FxHashMap::default(),
            edge_index: FxHashMap::default(),
        }
    }

    /// The base of minted IRIs.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Add a node, merging it with an existing node of the same IRI.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&node.iri) {
            if let Some(n) = self.graph.node_weight_mut(i) {
                n.merge(node);
            }
            return i;
        }
        let iri = node.iri.clone();
        let i = self.graph.add_node(node);
        self.index.insert(iri, i);
        i
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
        let key = (source, target, kind, role.clone());
        if let Some(&e) = self.edge_index.get(&key) {
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
        self.edge_index.insert(key, e);
    }

    /// Merge another graph into this one (plain union by IRI).
    pub fn extend(&mut self, other: KnowledgeGraph) {
        let KnowledgeGraph { mut graph, .. } = other;
        let mut map = FxHashMap::default();
        let indices: Vec<NodeIndex> = graph.node_indices().collect();
        let edges: Vec<(NodeIndex, NodeIndex, Edge)> =
            graph.edge_references().map(|e| (e.source(), e.target(), e.weight().clone())).collect();
        for i in indices {
            if let Some(n) = graph.remove_node(i) {
                map.insert(i, self.add_node(n));
            }
        }
        for (s, t, e) in edges {
            self.add_edge(map[&s], map[&t], e.kind, e.role, e.provenance);
        }
    }

    pub fn node(&self, iri: &str) -> Option<&Node> {
        self.index.get(iri).and_then(|&i| self.graph.node_weight(i))
    }

    pub fn node_index(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
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
        v.sort_by(|a, b| a.iri.cmp(&b.iri));
        v
    }

    /// Edges sorted by source IRI, kind, target IRI and role.
    pub fn edges(&self) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView<'_>> = self
            .graph
            .edge_references()
            .map(|e| EdgeView { source: &self.graph[e.source()], target: &self.graph[e.target()], edge: e.weight() })
            .collect();
        v.sort_by(|a, b| {
            (&a.source.iri, a.edge.kind, &a.target.iri, &a.edge.role).cmp(&(
                &b.source.iri,
                b.edge.kind,
                &b.target.iri,
                &b.edge.role,
            ))
        });
        v
    }

    /// Edges leaving the node with this IRI.
    pub fn edges_from(&self, iri: &str) -> Vec<EdgeView<'_>> {
        let Some(&i) = self.index.get(iri) else {
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
