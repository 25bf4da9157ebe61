//! `graph-build stats`: counts of the graph of the inputs, as aligned tables or JSON.
//!
//! Contract: the output depends only on the graph (deterministic): lists of counts are
//! sorted by count, largest first, then by name; actors by degree (the number of edges
//! that touch them: relations, statements and event roles), then label, then IRI;
//! documents by path.

use crate::args::StatsArgs;
use crate::build::{build_graph, Stop};
use crate::diagnostics::Reporter;
use crate::output::Output;
use crate::table::{Align, Table};
use newsgraph::graph::{KnowledgeGraph, Node, NodeKind};
use newsgraph::{Date, EntityType};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

/// The counts of a graph.
#[derive(Debug, Default)]
struct Stats<'g> {
    documents: usize,
    entities: usize,
    events: usize,
    statements: usize,
    edges: usize,
    entity_types: Vec<(&'static str, usize)>,
    event_types: Vec<(&'static str, usize)>,
    predicates: Vec<(&'static str, usize)>,
    /// Actors (people, countries, organisations) by degree.
    actors: Vec<(&'g Node, usize)>,
    docs: Vec<DocStats<'g>>,
    document_dates: Option<(Date, Date)>,
    event_dates: Option<(Date, Date)>,
}

/// One document: its path, date, and what it states.
#[derive(Debug)]
struct DocStats<'g> {
    path: &'g str,
    date: Option<Date>,
    events: usize,
    statements: usize,
    event_dates: Option<(Date, Date)>,
}

fn widen(range: &mut Option<(Date, Date)>, d: Date) {
    *range = Some(match *range {
        None => (d, d),
        Some((a, b)) => (a.min(d), b.max(d)),
    });
}

/// Counts by name, largest first, then by name.
fn ranked(counts: BTreeMap<&'static str, usize>) -> Vec<(&'static str, usize)> {
    let mut v: Vec<(&'static str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

fn is_actor(n: &Node) -> bool {
    matches!(n.kind(), NodeKind::Entity(EntityType::Person | EntityType::Country | EntityType::Organisation))
}

fn stats(graph: &KnowledgeGraph) -> Stats<'_> {
    let mut s = Stats { edges: graph.edge_count(), ..Stats::default() };
    let (mut entity_types, mut event_types, mut predicates) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut docs: BTreeMap<&str, DocStats<'_>> = BTreeMap::new();
    let nodes = graph.nodes();
    for n in &nodes {
        if n.kind() == NodeKind::Document {
            let path = n.path.as_deref().unwrap_or(&n.label);
            docs.insert(path, DocStats { path, date: n.date, events: 0, statements: 0, event_dates: None });
            if let Some(d) = n.date {
                widen(&mut s.document_dates, d);
            }
        }
    }
    for n in &nodes {
        match n.kind() {
            NodeKind::Entity(t) => {
                s.entities += 1;
                *entity_types.entry(t.as_str()).or_insert(0) += 1;
            }
            NodeKind::Event(t) => {
                s.events += 1;
                *event_types.entry(t.as_str()).or_insert(0) += 1;
                if let Some(d) = n.date {
                    widen(&mut s.event_dates, d);
                }
            }
            NodeKind::Statement => s.statements += 1,
            NodeKind::Document => s.documents += 1,
        }
        if matches!(n.kind(), NodeKind::Event(_) | NodeKind::Statement) {
            // Each document that reports the event or statement, once.
            let mut seen: Vec<&str> = Vec::new();
            for p in &n.provenance {
                if seen.contains(&&*p.doc) {
                    continue;
                }
                seen.push(&p.doc);
                if let Some(d) = docs.get_mut(&*p.doc) {
                    if n.kind() == NodeKind::Statement {
                        d.statements += 1;
                    } else {
                        d.events += 1;
                        if let Some(date) = n.date {
                            widen(&mut d.event_dates, date);
                        }
                    }
                }
            }
        }
    }
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for e in graph.edges() {
        *predicates.entry(e.edge.kind.name()).or_insert(0) += 1;
        *degree.entry(e.source.iri.as_str()).or_insert(0) += 1;
        *degree.entry(e.target.iri.as_str()).or_insert(0) += 1;
    }
    s.actors =
        nodes.iter().filter(|n| is_actor(n)).map(|n| (*n, degree.get(n.iri.as_str()).copied().unwrap_or(0))).collect();
    s.actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.label.cmp(&b.0.label)).then(a.0.iri.cmp(&b.0.iri)));
    s.entity_types = ranked(entity_types);
    s.event_types = ranked(event_types);
    s.predicates = ranked(predicates);
    s.docs = docs.into_values().collect();
    s
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn span(range: Option<(Date, Date)>) -> String {
    match range {
        None => String::new(),
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a} to {b}"),
    }
}

/// The first `top` items (all when `top` is 0).
fn head<T>(items: &[T], top: usize) -> &[T] {
    if top == 0 {
        items
    } else {
        &items[..top.min(items.len())]
    }
}

fn write_text(s: &Stats<'_>, top: usize, out: &mut dyn Write) -> std::io::Result<()> {
    let mut t = Table::new(&["graph", "count"]).align(1, Align::Right);
    for (name, n) in [
        ("documents", s.documents),
        ("entities", s.entities),
        ("events", s.events),
        ("statements", s.statements),
        ("edges", s.edges),
    ] {
        t.row(&[name.to_owned(), n.to_string()]);
    }
    t.write(out)?;

    let mut t = Table::new(&["dates", "first", "last"]);
    for (name, range) in [("documents", s.document_dates), ("events", s.event_dates)] {
        let (a, b) = range.map_or((None, None), |(a, b)| (Some(a), Some(b)));
        t.row(&[name.to_owned(), date(a), date(b)]);
    }
    writeln!(out)?;
    t.write(out)?;

    for (title, counts) in
        [("entity type", &s.entity_types), ("event type", &s.event_types), ("predicate", &s.predicates)]
    {
        let mut t = Table::new(&[title, "count"]).align(1, Align::Right);
        for (name, n) in counts {
            t.row(&[(*name).to_owned(), n.to_string()]);
        }
        writeln!(out)?;
        t.write(out)?;
    }

    let mut t = Table::new(&["actor", "type", "degree"]).align(2, Align::Right);
    for (n, d) in head(&s.actors, top) {
        t.row(&[n.label.clone(), n.kind().type_name().to_owned(), d.to_string()]);
    }
    writeln!(out)?;
    t.write(out)?;
    more(out, s.actors.len(), top, "actors")?;

    let mut t = Table::new(&["document", "date", "events", "statements", "event dates"])
        .align(2, Align::Right)
        .align(3, Align::Right);
    for d in head(&s.docs, top) {
        t.row(&[d.path.to_owned(), date(d.date), d.events.to_string(), d.statements.to_string(), span(d.event_dates)]);
    }
    writeln!(out)?;
    t.write(out)?;
    more(out, s.docs.len(), top, "documents")
}

/// The line that says how many rows were left out.
fn more(out: &mut dyn Write, total: usize, top: usize, what: &str) -> std::io::Result<()> {
    if top > 0 && total > top {
        writeln!(out, "… {} more {what} (--top 0 lists all)", total - top)?;
    }
    Ok(())
}

fn to_json(s: &Stats<'_>, top: usize) -> Value {
    let counts = |v: &[(&str, usize)], key: &str| -> Value {
        v.iter().map(|(name, n)| json!({ key: name, "count": n })).collect::<Vec<_>>().into()
    };
    let range = |r: Option<(Date, Date)>| match r {
        Some((a, b)) => json!({ "first": a.to_string(), "last": b.to_string() }),
        None => Value::Null,
    };
    json!({
        "documents": s.documents,
        "entities": s.entities,
        "events": s.events,
        "statements": s.statements,
        "edges": s.edges,
        "dates": { "documents": range(s.document_dates), "events": range(s.event_dates) },
        "entity_types": counts(&s.entity_types, "type"),
        "event_types": counts(&s.event_types, "event_type"),
        "predicates": counts(&s.predicates, "predicate"),
        "top_actors": head(&s.actors, top).iter().map(|(n, d)| json!({
            "id": n.iri, "label": n.label, "type": n.kind().type_name(), "degree": d,
        })).collect::<Vec<_>>(),
        "document_list": head(&s.docs, top).iter().map(|d| json!({
            "path": d.path,
            "date": d.date.map(|x| x.to_string()),
            "events": d.events,
            "statements": d.statements,
            "event_dates": range(d.event_dates),
        })).collect::<Vec<_>>(),
    })
}

pub fn run(args: &StatsArgs, reporter: &Reporter) -> Result<(), Stop> {
    let graph = build_graph(&args.input, reporter)?;
    let s = stats(&graph);
    let mut out = Output::open(None)?;
    let written = if args.json {
        serde_json::to_writer_pretty(out.writer(), &to_json(&s, args.top))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out.writer()))
    } else {
        write_text(&s, args.top, out.writer())
    };
    written.map_err(|e| crate::output::WriteError::io("standard output", e))?;
    out.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::graph::{EdgeKind, Provenance};
    use newsgraph::{EventType, Predicate};

    fn node(iri: &str, kind: NodeKind, label: &str) -> Node {
        Node { iri: iri.into(), kind: Some(kind), label: label.into(), ..Node::default() }
    }

    fn prov(doc: &str) -> Provenance {
        Provenance { doc: doc.into(), evidence: "".into(), start: 0, end: 1, rule: "r".into(), confidence: 1.0 }
    }

    #[test]
    fn counts_degrees_and_document_dates() {
        let mut g = KnowledgeGraph::new();
        let d = |y, m, day| Date { year: y, month: m, day };
        let mut doc = node("urn:d1", NodeKind::Document, "a.txt");
        doc.path = Some("a.txt".into());
        doc.date = Some(d(2024, 11, 8));
        g.add_node(doc);
        let ru = g.add_node(node("urn:ru", NodeKind::Entity(EntityType::Country), "Russia"));
        let ua = g.add_node(node("urn:ua", NodeKind::Entity(EntityType::Country), "Ukraine"));
        let kyiv = g.add_node(node("urn:kyiv", NodeKind::Entity(EntityType::Place), "Kyiv"));
        let mut ev = node("urn:e1", NodeKind::Event(EventType::Attack), "Attack");
        ev.date = Some(d(2024, 11, 7));
        ev.provenance = vec![prov("a.txt"), prov("a.txt")];
        let e = g.add_node(ev);
        g.add_edge(ru, kyiv, EdgeKind::Relation(Predicate::parse("attacked").unwrap()), None, vec![prov("a.txt")]);
        g.add_edge(e, ru, EdgeKind::Agent, None, vec![]);
        g.add_edge(e, kyiv, EdgeKind::Place, None, vec![]);
        g.add_edge(ua, kyiv, EdgeKind::Relation(Predicate::parse("located_in").unwrap()), None, vec![]);
        let s = stats(&g);
        assert_eq!((s.documents, s.entities, s.events, s.statements, s.edges), (1, 3, 1, 0, 4));
        assert_eq!(s.entity_types, vec![("Country", 2), ("Place", 1)]);
        assert_eq!(s.predicates, vec![("agent", 1), ("attacked", 1), ("located_in", 1), ("place", 1)]);
        let actors: Vec<(&str, usize)> = s.actors.iter().map(|(n, d)| (n.label.as_str(), *d)).collect();
        assert_eq!(actors, vec![("Russia", 2), ("Ukraine", 1)]);
        assert_eq!(s.docs.len(), 1);
        assert_eq!((s.docs[0].events, span(s.docs[0].event_dates)), (1, "2024-11-07".to_owned()));
        assert_eq!(span(s.document_dates), "2024-11-08");
        let mut out = Vec::new();
        write_text(&s, 1, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Russia  Country       2\n… 1 more actors"), "{text}");
    }
}
