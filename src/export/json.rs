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
use crate::graph::{EdgeKind, EdgeView, KnowledgeGraph, Node, NodeKind, Provenance};
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

/// The JSON value of an edge.
fn edge(e: &EdgeView<'_>) -> Value {
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
}

/// The `graph` member: what wrote the graph, and its base IRI.
fn header(graph: &KnowledgeGraph) -> Value {
    json!({
        "name": "newsgraph",
        "generator": concat!("newsgraph ", env!("CARGO_PKG_VERSION")),
        "base_iri": graph.base(),
    })
}

/// The JSON value of a graph, whole (what the streaming writer must write).
#[cfg(test)]
fn to_value(graph: &KnowledgeGraph) -> Value {
    let nodes: Vec<Value> = graph.nodes().into_iter().map(node).collect();
    let edges: Vec<Value> = graph.edges().iter().map(edge).collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": header(graph),
        "nodes": nodes,
        "edges": edges,
    })
}

/// Write `value` pretty-printed as the member of an object or array nested `depth` levels
/// deep: its lines after the first indented to that depth (strings never hold raw line
/// breaks), exactly as `to_writer_pretty` writes it inside the whole document.
fn nested(out: &mut dyn Write, value: &Value, depth: usize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::new(ErrorKind::Export, e.to_string()))?;
    let indent = "  ".repeat(depth);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Write the members of an array, one value at a time, as `to_writer_pretty` would.
fn array<T>(out: &mut dyn Write, items: &[T], value: impl Fn(&T) -> Value) -> Result<()> {
    if items.is_empty() {
        out.write_all(b"[]")?;
        return Ok(());
    }
    out.write_all(b"[")?;
    for (i, x) in items.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        nested(out, &value(x), 2)?;
    }
    out.write_all(b"\n  ]")?;
    Ok(())
}

/// Read a graph written by [`JsonExporter`] back (for `--merge`: adding documents to a
/// graph built earlier). Errors name the node or edge that cannot be read.
pub fn read(text: &str) -> Result<KnowledgeGraph> {
    let bad = |msg: String| Error::new(ErrorKind::Input, msg);
    let v: Value = serde_json::from_str(text).map_err(|e| bad(format!("not a newsgraph JSON graph: {e}")))?;
    let base = v.pointer("/graph/base_iri").and_then(Value::as_str).unwrap_or(crate::vocab::DEFAULT_BASE_IRI);
    let mut g = KnowledgeGraph::with_base(base);
    let nodes = v
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("not a newsgraph JSON graph: no \"nodes\"".into()))?;
    let edges = v
        .get("edges")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("not a newsgraph JSON graph: no \"edges\"".into()))?;
    let s = |o: &Value, k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
    let u = |o: &Value, k: &str| o.get(k).and_then(Value::as_u64);
    let f = |o: &Value, k: &str| o.get(k).and_then(Value::as_f64);
    let provenance = |o: &Value| -> Vec<Provenance> {
        o.get("provenance")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|p| Provenance {
                doc: s(p, "doc").unwrap_or_default().into(),
                evidence: s(p, "evidence").unwrap_or_default().into(),
                start: u(p, "start").unwrap_or(0) as u32,
                end: u(p, "end").unwrap_or(0) as u32,
                rule: s(p, "rule").unwrap_or_default().into(),
                confidence: f(p, "confidence").unwrap_or(0.0) as f32,
            })
            .collect()
    };
    for (i, n) in nodes.iter().enumerate() {
        let iri = s(n, "id").ok_or_else(|| bad(format!("node {i} has no \"id\"")))?;
        let ty = s(n, "type").unwrap_or_default();
        let kind = match ty.as_str() {
            "Event" => {
                let t = s(n, "event_type").unwrap_or_default();
                NodeKind::Event(
                    crate::EventType::parse(&t).ok_or_else(|| bad(format!("node {iri}: unknown event type '{t}'")))?,
                )
            }
            "Statement" => NodeKind::Statement,
            "Document" => NodeKind::Document,
            t => NodeKind::Entity(
                crate::EntityType::parse(t).ok_or_else(|| bad(format!("node {iri}: unknown type '{t}'")))?,
            ),
        };
        let label = s(n, "label").unwrap_or_default();
        let mut aliases: std::collections::BTreeSet<String> = n
            .get("aliases")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(str::to_owned))
            .collect();
        if matches!(kind, NodeKind::Entity(_)) && !label.is_empty() {
            aliases.insert(label.clone());
        }
        let date = match s(n, "date") {
            Some(d) => Some(crate::Date::parse_iso(&d).ok_or_else(|| bad(format!("node {iri}: invalid date '{d}'")))?),
            None => None,
        };
        g.add_node(Node {
            iri,
            kind: Some(kind),
            label,
            aliases,
            subtype: s(n, "subtype"),
            wikidata: s(n, "wikidata"),
            geonames: u(n, "geonames").map(|x| x as u32),
            lat: f(n, "lat"),
            lon: f(n, "lon"),
            country_code: s(n, "country_code"),
            date,
            killed: u(n, "killed"),
            injured: u(n, "injured"),
            count: u(n, "count"),
            launched: u(n, "launched"),
            amount: s(n, "amount"),
            text: s(n, "text"),
            quoted: n.get("quoted").and_then(Value::as_bool),
            path: s(n, "path"),
            mentions: u(n, "mentions").unwrap_or(0) as u32,
            provenance: provenance(n),
        });
    }
    for (i, e) in edges.iter().enumerate() {
        let (Some(src), Some(dst)) = (s(e, "source"), s(e, "target")) else {
            return Err(bad(format!("edge {i} has no \"source\" or \"target\"")));
        };
        let (Some(a), Some(b)) = (g.node_index(&src), g.node_index(&dst)) else {
            return Err(bad(format!("edge {i} joins a node that is not in the graph")));
        };
        let p = s(e, "predicate").unwrap_or_default();
        let kind = match p.as_str() {
            "agent" => EdgeKind::Agent,
            "target" => EdgeKind::Target,
            "place" => EdgeKind::Place,
            other => EdgeKind::Relation(
                crate::Predicate::parse(other).ok_or_else(|| bad(format!("edge {i}: unknown predicate '{other}'")))?,
            ),
        };
        g.add_edge(a, b, kind, s(e, "role"), provenance(e));
    }
    Ok(g)
}

impl Exporter for JsonExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        // Node by node and edge by edge, so that a large graph is never held twice, as
        // JSON values; the text is what `to_writer_pretty(&to_value(graph))` writes (its
        // members in key order).
        out.write_all(b"{\n  \"directed\": true,\n  \"edges\": ")?;
        array(out, &graph.edges(), edge)?;
        out.write_all(b",\n  \"graph\": ")?;
        nested(out, &header(graph), 1)?;
        out.write_all(b",\n  \"multigraph\": true,\n  \"nodes\": ")?;
        array(out, &graph.nodes(), |n| node(n))?;
        out.write_all(b"\n}\n")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, Pipeline};

    fn whole(graph: &KnowledgeGraph) -> String {
        serde_json::to_string_pretty(&to_value(graph)).expect("JSON") + "\n"
    }

    fn streamed(graph: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        JsonExporter.write(graph, &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn streamed_json_is_the_pretty_printed_whole() {
        let pipeline = Pipeline::new().expect("pipeline");
        let text = "Russian forces attacked Kharkiv on Monday, killing two people, Governor Oleh \
                    Syniehubov said. \"We will respond,\" Zelenskyy said.";
        let graph = pipeline.extract(&Input::new("a \"quoted\"\nname.txt", text));
        assert!(graph.edge_count() > 2);
        assert_eq!(streamed(&graph), whole(&graph));
        let empty = KnowledgeGraph::new();
        assert_eq!(streamed(&empty), whole(&empty));
    }
}
