//! GeoJSON export (`--format geojson`), for QGIS, kepler.gl and geojson.io.
//!
//! Contract: an RFC 7946 `FeatureCollection` of `Point` features, coordinates
//! `[longitude, latitude]` in WGS84:
//! - one feature per node with coordinates (places and countries, from the gazetteer);
//! - one feature per event that has a `place` with coordinates, at that place (the first
//!   such place in IRI order), with `place` (its IRI) and `place_label`.
//!
//! A feature's `id` is the node's IRI; its `properties` are the node's values of
//! [`property::NODE_COLUMNS`] that are present (numbers as JSON numbers, `aliases` as an
//! array), plus `id`. Features are in IRI order. Coordinates outside [-180, 180] ×
//! [-90, 90] are left out, so every feature is valid.

use super::property::{self, Value, NODE_COLUMNS};
use super::{export_error, Exporter};
use crate::error::Result;
use crate::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind};
use serde_json::{json, Map, Value as Json};
use std::io::Write;

/// Writes GeoJSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct GeoJsonExporter;

fn point(n: &Node) -> Option<(f64, f64)> {
    let (lat, lon) = (n.lat?, n.lon?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lon, lat))
}

fn json_value(v: &Value<'_>) -> Json {
    match v {
        Value::Str(s) => Json::from(s.as_ref()),
        Value::Int(i) => Json::from(*i),
        Value::Double(x) => Json::from(*x),
        Value::Bool(b) => Json::from(*b),
        Value::Date(d) => Json::from(d.to_string()),
        Value::List(items) => Json::from(items.clone()),
    }
}

fn feature(n: &Node, (lon, lat): (f64, f64), place: Option<&Node>) -> Json {
    let mut props = Map::new();
    props.insert("id".into(), n.iri.clone().into());
    for (c, v) in NODE_COLUMNS.iter().zip(property::node_values(n)) {
        if let Some(v) = v {
            props.insert(c.name.into(), json_value(&v));
        }
    }
    if let Some(p) = place {
        props.insert("place".into(), p.iri.clone().into());
        props.insert("place_label".into(), p.label.clone().into());
    }
    json!({
        "type": "Feature",
        "id": n.iri,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    })
}

/// The GeoJSON value of a graph.
pub fn to_value(graph: &KnowledgeGraph) -> Json {
    let mut features = Vec::new();
    for n in graph.nodes() {
        if let Some(p) = point(n) {
            features.push(feature(n, p, None));
        } else if let NodeKind::Event(_) = n.kind() {
            let located = graph
                .edges_from(&n.iri)
                .into_iter()
                .filter(|e| e.edge.kind == EdgeKind::Place)
                .find_map(|e| point(e.target).map(|p| (e.target, p)));
            if let Some((place, p)) = located {
                features.push(feature(n, p, Some(place)));
            }
        }
    }
    json!({"type": "FeatureCollection", "features": features})
}

impl Exporter for GeoJsonExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        serde_json::to_writer_pretty(&mut *out, &to_value(graph)).map_err(export_error)?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
