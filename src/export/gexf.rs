//! GEXF 1.3 export, for Gephi (and networkx), valid against the official GEXF 1.3 XSD.
//!
//! Contract:
//! - `<graph mode="dynamic" timeformat="date" defaultedgetype="directed">`: a node or edge
//!   with a date has `start="YYYY-MM-DD"` (and no end), so Gephi's timeline plays the
//!   graph day by day: an event, a statement or a document appears on its date; an edge
//!   from an event appears with its event; a relation edge appears on the date of the
//!   earliest document that states it. Entities have no date and are always present.
//! - Typed attributes declared in `<attributes class="node">` and `<attributes
//!   class="edge">` (ids and titles are the column names of [`property`]; `integer` for
//!   counts and offsets, `double` for coordinates and confidence, `boolean`, `string`;
//!   dates as `YYYY-MM-DD` strings; `aliases` as a JSON array of strings); a node's `label`
//!   and `id` (its IRI), and an edge's `id`, `label` (its predicate) and `kind` (its key)
//!   are GEXF attributes, not attvalues.
//! - One colour per node type, written as the XSD declares it (`<color r g b>` in the
//!   GEXF namespace; Gephi reads colours by local name).
//! - Parallel edges, on purpose: Gephi merges edges with the same source and target
//!   unless their `kind` differs, so every edge's `kind` is its key (`attacked`,
//!   `role_in:President`), which keeps apart the different relations between the same two
//!   nodes; repeated statements of one relation are already one edge in the graph, with
//!   `weight` = the number of sentences that state it (the `sources` attribute).

use super::property::{self, ValueType, EDGE_COLUMNS, NODE_COLUMNS};
use super::xml::XmlWriter;
use super::Exporter;
use crate::error::Result;
use crate::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind, Provenance};
use crate::text::date::Date;
use rustc_hash::FxHashMap;
use std::io::Write;

/// Writes GEXF 1.3.
#[derive(Debug, Clone, Copy, Default)]
pub struct GexfExporter;

const NS: &str = "http://gexf.net/1.3";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

fn gexf_type(t: ValueType) -> &'static str {
    match t {
        ValueType::Int => "integer",
        ValueType::Double => "double",
        ValueType::Boolean => "boolean",
        ValueType::String | ValueType::Date | ValueType::StringList => "string",
    }
}

/// Columns written as GEXF attributes rather than attvalues: a node's `label`, an edge's
/// `key` (its `kind`; networkx also reserves the name `key` for multigraph keys).
fn skipped(class: &str, column: &str) -> bool {
    matches!((class, column), ("node", "label") | ("edge", "key"))
}

/// Dates of documents, by path.
fn document_dates(graph: &KnowledgeGraph) -> FxHashMap<&str, Date> {
    let mut m = FxHashMap::default();
    for n in graph.nodes() {
        if let (NodeKind::Document, Some(p), Some(d)) = (n.kind(), &n.path, n.date) {
            m.insert(p.as_str(), d);
        }
    }
    m
}

fn earliest(provenance: &[Provenance], docs: &FxHashMap<&str, Date>) -> Option<Date> {
    provenance.iter().filter_map(|p| docs.get(&*p.doc).copied()).min()
}

/// When a node appears on the timeline.
fn node_start(n: &Node, docs: &FxHashMap<&str, Date>) -> Option<Date> {
    match n.kind() {
        NodeKind::Entity(_) => None,
        _ => n.date.or_else(|| earliest(&n.provenance, docs)),
    }
}

impl Exporter for GexfExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let docs = document_dates(graph);
        let nodes = graph.nodes();
        let edges = graph.edges();
        let mut w = XmlWriter::new(out)?;
        w.open(
            "gexf",
            &[
                ("xmlns", NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", SCHEMA_LOCATION),
                ("version", "1.3"),
            ],
        )?;
        w.open("meta", &[])?;
        w.element("creator", &[], concat!("newsgraph ", env!("CARGO_PKG_VERSION")))?;
        w.element("description", &[], "Actors, places, events and statements extracted from news text")?;
        w.close("meta")?;
        w.open("graph", &[("mode", "dynamic"), ("timeformat", "date"), ("defaultedgetype", "directed")])?;
        for (class, columns) in [("node", NODE_COLUMNS), ("edge", EDGE_COLUMNS)] {
            w.open("attributes", &[("class", class), ("mode", "static")])?;
            for c in columns.iter().filter(|c| !skipped(class, c.name)) {
                w.empty("attribute", &[("id", c.name), ("title", c.name), ("type", gexf_type(c.ty))])?;
            }
            w.close("attributes")?;
        }
        let count = nodes.len().to_string();
        w.open("nodes", &[("count", &count)])?;
        for n in &nodes {
            let start = node_start(n, &docs).map(|d| d.to_string());
            let mut attrs = vec![("id", n.iri.as_str()), ("label", n.label.as_str())];
            if let Some(s) = &start {
                attrs.push(("start", s));
            }
            w.open("node", &attrs)?;
            w.open("attvalues", &[])?;
            for (v, c) in property::node_values(n).iter().zip(NODE_COLUMNS) {
                if let (Some(v), false) = (v, skipped("node", c.name)) {
                    w.empty("attvalue", &[("for", c.name), ("value", &v.text())])?;
                }
            }
            w.close("attvalues")?;
            let (r, g, b) = property::colour(n.kind());
            w.empty("color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
            w.close("node")?;
        }
        w.close("nodes")?;
        let count = edges.len().to_string();
        w.open("edges", &[("count", &count)])?;
        for e in &edges {
            let id = property::edge_id(e);
            let key = property::edge_key(e);
            let weight = e.edge.provenance.len().max(1).to_string();
            let start = match e.edge.kind {
                EdgeKind::Relation(_) => earliest(&e.edge.provenance, &docs),
                EdgeKind::Agent | EdgeKind::Target | EdgeKind::Place => node_start(e.source, &docs),
            }
            .map(|d| d.to_string());
            let mut attrs = vec![
                ("id", id.as_str()),
                ("source", e.source.iri.as_str()),
                ("target", e.target.iri.as_str()),
                ("label", e.edge.kind.name()),
                ("kind", key.as_str()),
                ("weight", weight.as_str()),
            ];
            if let Some(s) = &start {
                attrs.push(("start", s));
            }
            w.open("edge", &attrs)?;
            w.open("attvalues", &[])?;
            for (v, c) in property::edge_values(e).iter().zip(EDGE_COLUMNS) {
                if let (Some(v), false) = (v, skipped("edge", c.name)) {
                    w.empty("attvalue", &[("for", c.name), ("value", &v.text())])?;
                }
            }
            w.close("attvalues")?;
            w.close("edge")?;
        }
        w.close("edges")?;
        w.close("graph")?;
        w.close("gexf")?;
        w.finish()?;
        Ok(())
    }
}
