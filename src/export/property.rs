//! The property-graph view of a [`KnowledgeGraph`](crate::graph::KnowledgeGraph), shared by GraphML, GEXF, CSV, the
//! Neo4j import layout, Cypher and DOT, so that they all carry the same nodes, edges and
//! typed columns.
//!
//! Contract:
//! - Every node and every edge of the graph is a row; nodes in IRI order, edges in
//!   [`KnowledgeGraph::edges`](crate::graph::KnowledgeGraph::edges) order.
//! - A node's columns are [`NODE_COLUMNS`] (after its `id`, the IRI); an edge's are
//!   [`EDGE_COLUMNS`] (after its `id`, `source` and `target`). A value is absent when the
//!   graph has none (an empty string counts as absent).
//! - An edge is unique per (source, target, predicate, role): the graph merges repeated
//!   statements of the same fact into one edge whose `sources` counts the sentences that
//!   state it; the flat provenance columns (`doc`, `evidence`, `char_start`, `char_end`,
//!   `rule`, `confidence`) are those of its first source (JSON and RDF keep every source).
//!   Edges between the same two nodes with different predicates or roles are different
//!   edges, told apart by `key` (`predicate` or `predicate:role`, as in the JSON export).
//! - Edge ids are content-derived (`e` + 16 hex digits of a hash of source, key and
//!   target), so they are stable across runs and machines.

use crate::data::EventType;
use crate::graph::iri::Fnv1a;
use crate::graph::{EdgeKind, EdgeView, Node, NodeKind, Provenance};
use crate::text::date::Date;
use std::borrow::Cow;

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueType {
    String,
    Int,
    Double,
    Boolean,
    /// An ISO 8601 calendar date, `YYYY-MM-DD`.
    Date,
    /// A list of strings.
    StringList,
}

/// A typed column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub ty: ValueType,
}

const fn col(name: &'static str, ty: ValueType) -> Column {
    Column { name, ty }
}

use ValueType::{Boolean, Date as DateT, Double, Int, String as Str, StringList};

/// The node columns after `id`.
pub const NODE_COLUMNS: &[Column] = &[
    col("label", Str),
    col("type", Str),
    col("subtype", Str),
    col("event_type", Str),
    col("aliases", StringList),
    col("wikidata", Str),
    col("geonames", Int),
    col("lat", Double),
    col("lon", Double),
    col("country_code", Str),
    col("date", DateT),
    col("killed", Int),
    col("injured", Int),
    col("count", Int),
    col("launched", Int),
    col("amount", Str),
    col("text", Str),
    col("quoted", Boolean),
    col("path", Str),
    col("mentions", Int),
    col("doc", Str),
    col("evidence", Str),
    col("char_start", Int),
    col("char_end", Int),
    col("rule", Str),
    col("confidence", Double),
];

/// The edge columns after `id`, `source` and `target`.
pub const EDGE_COLUMNS: &[Column] = &[
    col("predicate", Str),
    col("key", Str),
    col("role", Str),
    col("sources", Int),
    col("doc", Str),
    col("evidence", Str),
    col("char_start", Int),
    col("char_end", Int),
    col("rule", Str),
    col("confidence", Double),
];

/// A value of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'g> {
    Str(Cow<'g, str>),
    Int(u64),
    Double(f64),
    Bool(bool),
    Date(Date),
    List(Vec<&'g str>),
}

impl Value<'_> {
    /// The value as text: integers in decimal, floats in their shortest decimal form with
    /// at least one digit after the point (`35.0`, so every reader sees a float), dates as ISO 8601,
    /// lists as a JSON array of strings (unambiguous whatever the strings contain).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Value::Str(s) => Cow::Borrowed(s),
            Value::Int(i) => Cow::Owned(i.to_string()),
            Value::Double(x) => Cow::Owned(format_double(*x)),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::Date(d) => Cow::Owned(d.to_string()),
            Value::List(items) => Cow::Owned(serde_json::Value::from(items.clone()).to_string()),
        }
    }
}

/// A float in its shortest round-trip decimal form, always with a point: `35.0`,
/// `48.25` (Rust never writes an exponent).
pub fn format_double(x: f64) -> String {
    let s = x.to_string();
    if s.contains(['.', 'e', 'E', 'N', 'n']) {
        s
    } else {
        format!("{s}.0")
    }
}

fn s(v: &str) -> Option<Value<'_>> {
    (!v.is_empty()).then_some(Value::Str(Cow::Borrowed(v)))
}

fn opt_s(v: &Option<String>) -> Option<Value<'_>> {
    v.as_deref().and_then(s)
}

/// Confidence rounded to three decimals, as every export writes it.
pub fn confidence(p: &Provenance) -> f64 {
    (f64::from(p.confidence) * 1000.0).round() / 1000.0
}

fn provenance(p: Option<&Provenance>) -> [Option<Value<'_>>; 6] {
    match p {
        None => Default::default(),
        Some(p) => [
            s(&p.doc),
            s(&p.evidence),
            Some(Value::Int(u64::from(p.start))),
            Some(Value::Int(u64::from(p.end))),
            s(&p.rule),
            Some(Value::Double(confidence(p))),
        ],
    }
}

/// The aliases a node is known by, besides its label.
pub fn aliases(n: &Node) -> Vec<&str> {
    alias_iter(n).collect()
}

/// [`aliases`], one by one (without collecting them).
pub fn alias_iter(n: &Node) -> impl Iterator<Item = &str> {
    n.aliases.iter().filter(|a| **a != n.label && !a.is_empty()).map(String::as_str)
}

/// A node's values, aligned with [`NODE_COLUMNS`].
pub fn node_values(n: &Node) -> Vec<Option<Value<'_>>> {
    let aliases = aliases(n);
    let mut v = vec![
        s(&n.label),
        Some(Value::Str(Cow::Borrowed(n.kind().type_name()))),
        opt_s(&n.subtype),
        n.event_type().map(|t| Value::Str(Cow::Borrowed(t.as_str()))),
        (!aliases.is_empty()).then_some(Value::List(aliases)),
        opt_s(&n.wikidata),
        n.geonames.map(|g| Value::Int(u64::from(g))),
        n.lat.filter(|x| x.is_finite()).map(Value::Double),
        n.lon.filter(|x| x.is_finite()).map(Value::Double),
        opt_s(&n.country_code),
        n.date.map(Value::Date),
        n.killed.map(Value::Int),
        n.injured.map(Value::Int),
        n.count.map(Value::Int),
        n.launched.map(Value::Int),
        opt_s(&n.amount),
        opt_s(&n.text),
        n.quoted.map(Value::Bool),
        opt_s(&n.path),
        (n.mentions > 0).then_some(Value::Int(u64::from(n.mentions))),
    ];
    v.extend(provenance(n.provenance.first()));
    debug_assert_eq!(v.len(), NODE_COLUMNS.len());
    v
}

/// An edge's key: its predicate, and its role when it has one (`role_in:President`).
pub fn edge_key(e: &EdgeView<'_>) -> String {
    key_pieces(e).concat()
}

/// The pieces of [`edge_key`], in order.
fn key_pieces<'e>(e: &EdgeView<'e>) -> [&'e str; 3] {
    match &e.edge.role {
        Some(r) => [e.edge.kind.name(), ":", r],
        None => [e.edge.kind.name(), "", ""],
    }
}

/// An edge's stable id: `e` and [`edge_hash`] in 16 hexadecimal digits.
pub fn edge_id(e: &EdgeView<'_>) -> String {
    format!("e{:016x}", edge_hash(e))
}

/// The hash an edge's id is made of: FNV-1a of the source's IRI, the edge's key
/// ([`edge_key`]) and the target's IRI, each after the one before and a zero byte.
pub fn edge_hash(e: &EdgeView<'_>) -> u64 {
    let mut h = Fnv1a::default();
    h.write(e.source.iri.as_bytes());
    h.write(&[0]);
    for piece in key_pieces(e) {
        h.write(piece.as_bytes());
    }
    h.write(&[0]);
    h.write(e.target.iri.as_bytes());
    h.finish()
}

/// An edge's values, aligned with [`EDGE_COLUMNS`].
pub fn edge_values<'g>(e: &EdgeView<'g>) -> Vec<Option<Value<'g>>> {
    let mut v = vec![
        Some(Value::Str(Cow::Borrowed(e.edge.kind.name()))),
        Some(Value::Str(Cow::Owned(edge_key(e)))),
        e.edge.role.as_deref().and_then(s),
        Some(Value::Int(e.edge.provenance.len() as u64)),
    ];
    v.extend(provenance(e.edge.provenance.first()));
    debug_assert_eq!(v.len(), EDGE_COLUMNS.len());
    v
}

/// The class of an event type, as a local name of `ng:` (`AttackEvent`, `StatementEvent`,
/// ...; the suffix keeps `StatementEvent`, an act of speaking, apart from `Statement`, the
/// thing said).
pub fn event_class(t: EventType) -> &'static str {
    let iri = crate::vocab::ng::event_class(t);
    iri.strip_prefix(crate::vocab::ng::NS).unwrap_or(iri)
}

/// The labels of a node in a labelled property graph (Neo4j, Cypher): `Node`, then
/// `Entity` and its type, `Event` and its class, `Statement` or `Document`.
pub fn labels(n: &Node) -> Vec<&'static str> {
    match n.kind() {
        NodeKind::Entity(t) => vec!["Node", "Entity", t.as_str()],
        NodeKind::Event(t) => vec!["Node", "Event", event_class(t)],
        NodeKind::Statement => vec!["Node", "Statement"],
        NodeKind::Document => vec!["Node", "Document"],
    }
}

/// Every label [`labels`] can give, for scripts that must name them all.
pub fn all_labels() -> Vec<(&'static str, Vec<&'static str>)> {
    use crate::data::EntityType;
    let mut v = Vec::new();
    for t in [EntityType::Person, EntityType::Country, EntityType::Organisation, EntityType::Place] {
        v.push((t.as_str(), vec!["Node", "Entity", t.as_str()]));
    }
    for t in EventType::ALL {
        v.push(("Event", vec!["Node", "Event", event_class(t)]));
    }
    v.push(("Statement", vec!["Node", "Statement"]));
    v.push(("Document", vec!["Node", "Document"]));
    v
}

/// The relationship type of an edge in a labelled property graph: its predicate in upper
/// case (`ATTACKED`, `DEPLOYED_TO`, `AGENT`).
pub fn relationship_type(kind: EdgeKind) -> String {
    kind.name().to_ascii_uppercase()
}

/// Every edge kind, for scripts that must name them all.
pub fn all_edge_kinds() -> Vec<EdgeKind> {
    let mut v: Vec<EdgeKind> = crate::data::Predicate::ALL.into_iter().map(EdgeKind::Relation).collect();
    v.extend([EdgeKind::Agent, EdgeKind::Target, EdgeKind::Place]);
    v
}

/// The display colour of a node type (Tableau 10), as `(r, g, b)`.
pub fn colour(kind: NodeKind) -> (u8, u8, u8) {
    use crate::data::EntityType;
    match kind {
        NodeKind::Entity(EntityType::Person) => (225, 87, 89),
        NodeKind::Entity(EntityType::Country) => (78, 121, 167),
        NodeKind::Entity(EntityType::Organisation) => (242, 142, 43),
        NodeKind::Entity(EntityType::Place) => (89, 161, 79),
        NodeKind::Event(_) => (176, 122, 161),
        NodeKind::Statement => (156, 117, 95),
        NodeKind::Document => (186, 176, 172),
    }
}

/// The colour as `#rrggbb`.
pub fn colour_hex(kind: NodeKind) -> String {
    let (r, g, b) = colour(kind);
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::EntityType;

    /// An edge's id is the hash of its ends and key joined by zero bytes, written in one
    /// piece or in several.
    #[test]
    fn edge_ids_hash_the_ends_and_the_key() {
        use crate::data::Predicate;
        use crate::graph::{Edge, EdgeKind, EdgeView};
        let (a, b) = (
            Node { iri: "https://example.org/a".into(), ..Node::default() },
            Node { iri: "https://example.org/b".into(), ..Node::default() },
        );
        let roles = [None, Some("President".to_owned())];
        let mut ids = Vec::new();
        for role in roles {
            let edge = Edge { kind: EdgeKind::Relation(Predicate::RoleIn), role, provenance: Vec::new() };
            let e = EdgeView { source: &a, target: &b, edge: &edge };
            let joined = format!("{}\0{}\0{}", a.iri, edge_key(&e), b.iri);
            assert_eq!(edge_hash(&e), crate::graph::iri::fnv1a(joined.as_bytes()));
            assert_eq!(edge_id(&e), format!("e{:016x}", crate::graph::iri::fnv1a(joined.as_bytes())));
            ids.push(edge_id(&e));
        }
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn values_align_with_columns() {
        let n = Node {
            iri: "https://example.org/x".into(),
            kind: Some(NodeKind::Entity(EntityType::Place)),
            label: "X".into(),
            aliases: ["X".to_string(), "Ex; \"y\"".to_string()].into_iter().collect(),
            lat: Some(48.5),
            lon: Some(f64::NAN),
            killed: Some(3),
            ..Node::default()
        };
        let v = node_values(&n);
        assert_eq!(v.len(), NODE_COLUMNS.len());
        let get = |name: &str| v[NODE_COLUMNS.iter().position(|c| c.name == name).unwrap()].clone();
        assert_eq!(get("aliases"), Some(Value::List(vec!["Ex; \"y\""])));
        assert_eq!(get("aliases").unwrap().text(), r#"["Ex; \"y\""]"#);
        assert_eq!(get("lat"), Some(Value::Double(48.5)));
        assert_eq!(get("lon"), None, "non-finite coordinates are absent");
        assert_eq!(get("type").unwrap().text(), "Place");
        assert_eq!(get("killed").unwrap().text(), "3");
        assert_eq!(labels(&n), ["Node", "Entity", "Place"]);
    }

    #[test]
    fn relationship_types_are_upper_case_identifiers() {
        for k in all_edge_kinds() {
            let t = relationship_type(k);
            assert!(t.chars().all(|c| c.is_ascii_uppercase() || c == '_'), "{t}");
        }
    }
}
