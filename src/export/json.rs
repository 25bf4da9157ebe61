//! JSON export: networkx node-link form (`networkx.node_link_graph(data, edges="edges")`).
//!
//! Contract: `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...],
//! "edges": [...]}`; a node has `id` (its IRI), `label`, `type` and `aliases`, plus the
//! attributes that apply; an edge has `source`, `target`, `key`, `predicate` and the
//! provenance of its first source (`evidence`, `doc`, `start`, `end`, `rule`,
//! `confidence`), with every source under `provenance`. Offsets are character offsets
//! into the input document.

use super::Exporter;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{KnowledgeGraph, Node, NodeKind, Provenance};
use serde_json::{json, Map, Value};
use std::io::Write;

/// Writes the JSON node-link form.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonExporter;

fn provenance(p: &Provenance) -> Value {
    json!({
        "doc": &*p.doc,
        "evidence": &*p.evidence,
        "start": p.start,
        "end": p.end,
        "rule": &*p.rule,
        "confidence": round(f64::from(p.confidence)),
    })
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn node(n: &Node) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), n.iri.clone().into());
    m.insert("label".into(), n.label.clone().into());
    m.insert("type".into(), n.kind().type_name().into());
    m.insert("aliases".into(), n.aliases.iter().filter(|a| **a != n.label).cloned().collect::<Vec<_>>().into());
    if let NodeKind::Event(t) = n.kind() {
        m.insert("event_type".into(), t.as_str().into());
    }
    let mut opt = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            m.insert(k.into(), v);
        }
    };
    opt("subtype", n.subtype.clone().map(Value::from));
    opt("wikidata", n.wikidata.clone().map(Value::from));
    opt("geonames", n.geonames.map(Value::from));
    opt("lat", n.lat.map(Value::from));
    opt("lon", n.lon.map(Value::from));
    opt("country_code", n.country_code.clone().map(Value::from));
    opt("date", n.date.map(|d| d.to_string().into()));
    opt("killed", n.killed.map(Value::from));
    opt("injured", n.injured.map(Value::from));
    opt("count", n.count.map(Value::from));
    opt("launched", n.launched.map(Value::from));
    opt("amount", n.amount.clone().map(Value::from));
    opt("text", n.text.clone().map(Value::from));
    opt("quoted", n.quoted.map(Value::from));
    opt("path", n.path.clone().map(Value::from));
    if n.mentions > 0 {
        m.insert("mentions".into(), n.mentions.into());
    }
    if let Some(p) = n.provenance.first() {
        for (k, v) in provenance(p).as_object().into_iter().flatten() {
            m.insert(k.clone(), v.clone());
        }
        m.insert("provenance".into(), n.provenance.iter().map(provenance).collect::<Vec<_>>().into());
    }
    Value::Object(m)
}

/// The JSON value of a graph.
pub fn to_value(graph: &KnowledgeGraph) -> Value {
    let nodes: Vec<Value> = graph.nodes().into_iter().map(node).collect();
    let edges: Vec<Value> = graph
        .edges()
        .into_iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("source".into(), e.source.iri.clone().into());
            m.insert("target".into(), e.target.iri.clone().into());
            let key = match &e.edge.role {
                Some(r) => format!("{}:{r}", e.edge.kind.name()),
                None => e.edge.kind.name().to_owned(),
            };
            m.insert("key".into(), key.into());
            m.insert("predicate".into(), e.edge.kind.name().into());
            if let Some(r) = &e.edge.role {
                m.insert("role".into(), r.clone().into());
            }
            if let Some(p) = e.edge.provenance.first() {
                for (k, v) in provenance(p).as_object().into_iter().flatten() {
                    m.insert(k.clone(), v.clone());
                }
            }
            m.insert("provenance".into(), e.edge.provenance.iter().map(provenance).collect::<Vec<_>>().into());
            Value::Object(m)
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": "newsgraph", "generator": concat!("newsgraph ", env!("CARGO_PKG_VERSION"))},
        "nodes": nodes,
        "edges": edges,
    })
}

impl Exporter for JsonExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let v = to_value(graph);
        serde_json::to_writer_pretty(&mut *out, &v).map_err(|e| Error::new(ErrorKind::Export, e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
