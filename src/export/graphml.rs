//! GraphML export, for Gephi, yEd, Cytoscape, networkx and igraph.
//!
//! Contract: one `<graph edgedefault="directed">` with every node (its `id` is the
//! node's IRI) and every edge (its `id` is [`property::edge_id`]). Every `<key>` is
//! declared before `<graph>`, node keys first, in the fixed order of
//! [`property::NODE_COLUMNS`] and [`property::EDGE_COLUMNS`], with ids `n0`, `n1`, ...
//! and `e0`, `e1`, ..., `for="node"` or `for="edge"`, the column name as `attr.name` and
//! an `attr.type`: `int` for counts and offsets, `double` for `lat`, `lon` and
//! `confidence`, `boolean` for `quoted`, `string` otherwise (dates as `YYYY-MM-DD`,
//! `aliases` as a JSON array of strings). `label` is the display name Gephi and yEd
//! pick up; `predicate` names each edge. A node or edge has a `<data>` element for each
//! value it has, in key order. Text goes through the shared XML escaper
//! ([`super::xml`]).

use super::property::{self, Column, ValueType, EDGE_COLUMNS, NODE_COLUMNS};
use super::xml::XmlWriter;
use super::Exporter;
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// Writes GraphML.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphMlExporter;

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

fn graphml_type(t: ValueType) -> &'static str {
    match t {
        ValueType::Int => "int",
        ValueType::Double => "double",
        ValueType::Boolean => "boolean",
        ValueType::String | ValueType::Date | ValueType::StringList => "string",
    }
}

fn key_ids(prefix: &str, columns: &[Column]) -> Vec<String> {
    (0..columns.len()).map(|i| format!("{prefix}{i}")).collect()
}

impl Exporter for GraphMlExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let mut w = XmlWriter::new(out)?;
        w.open(
            "graphml",
            &[
                ("xmlns", NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", SCHEMA_LOCATION),
            ],
        )?;
        let node_keys = key_ids("n", NODE_COLUMNS);
        let edge_keys = key_ids("e", EDGE_COLUMNS);
        for (for_, columns, ids) in [("node", NODE_COLUMNS, &node_keys), ("edge", EDGE_COLUMNS, &edge_keys)] {
            for (c, id) in columns.iter().zip(ids.iter()) {
                w.empty("key", &[("id", id), ("for", for_), ("attr.name", c.name), ("attr.type", graphml_type(c.ty))])?;
            }
        }
        w.open("graph", &[("id", "newsgraph"), ("edgedefault", "directed")])?;
        for n in graph.nodes() {
            w.open("node", &[("id", &n.iri)])?;
            for (v, key) in property::node_values(n).iter().zip(&node_keys) {
                if let Some(v) = v {
                    w.element("data", &[("key", key)], &v.text())?;
                }
            }
            w.close("node")?;
        }
        for e in graph.edges() {
            let id = property::edge_id(&e);
            w.open("edge", &[("id", &id), ("source", &e.source.iri), ("target", &e.target.iri)])?;
            for (v, key) in property::edge_values(&e).iter().zip(&edge_keys) {
                if let Some(v) = v {
                    w.element("data", &[("key", key)], &v.text())?;
                }
            }
            w.close("edge")?;
        }
        w.close("graph")?;
        w.close("graphml")?;
        w.finish()?;
        Ok(())
    }
}
