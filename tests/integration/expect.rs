//! A small language for expected facts, shared by the stage fixtures and the trigger
//! examples of `ontology/triggers.tsv`:
//!
//! - `pred(Subject, Object)`: an edge between nodes with these labels (or aliases);
//! - `said(Speaker)`: a statement by the speaker; `said(Speaker | text)`: a statement by
//!   the speaker with exactly this text;
//! - `Event(agent=X; target=Y; place=Z; killed=N; injured=N; count=N; type=Attack)`: an
//!   event with these roles and counts (keys may be omitted).

use newsgraph::graph::{KnowledgeGraph, Node, NodeKind};

fn named(n: &Node, name: &str) -> bool {
    n.label == name || n.aliases.contains(name)
}

/// Whether `g` satisfies one expectation; `Err` for a malformed expectation.
pub fn holds(g: &KnowledgeGraph, expectation: &str) -> Result<bool, String> {
    let e = expectation.trim();
    let open = e.find('(').ok_or_else(|| format!("malformed expectation '{e}'"))?;
    if !e.ends_with(')') {
        return Err(format!("malformed expectation '{e}'"));
    }
    let head = &e[..open];
    let args = &e[open + 1..e.len() - 1];
    if head == "Event" {
        let mut want: Vec<(&str, &str)> = Vec::new();
        for kv in args.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = kv.split_once('=').ok_or_else(|| format!("malformed key=value '{kv}' in '{e}'"))?;
            want.push((k.trim(), v.trim()));
        }
        return Ok(g.nodes().into_iter().filter(|n| matches!(n.kind(), NodeKind::Event(_))).any(|ev| {
            let roles = g.edges_from(&ev.iri);
            want.iter().all(|&(k, v)| match k {
                "agent" | "target" | "place" => roles.iter().any(|r| r.edge.kind.name() == k && named(r.target, v)),
                "killed" => ev.killed.map(|x| x.to_string()).as_deref() == Some(v),
                "injured" => ev.injured.map(|x| x.to_string()).as_deref() == Some(v),
                "count" => ev.count.map(|x| x.to_string()).as_deref() == Some(v),
                "type" => ev.event_type().map(|t| t.as_str()) == Some(v),
                _ => false,
            })
        }));
    }
    if let Some((speaker, text)) = args.split_once(" | ").filter(|_| head == "said") {
        let (speaker, text) = (speaker.trim(), text.trim());
        return Ok(g.edges().iter().any(|x| {
            x.edge.kind.name() == "said" && named(x.source, speaker) && x.target.text.as_deref() == Some(text)
        }));
    }
    let parts: Vec<&str> = args.split(',').map(str::trim).collect();
    match (head, parts.as_slice()) {
        ("said", [s]) => Ok(g.edges().iter().any(|x| x.edge.kind.name() == "said" && named(x.source, s))),
        (p, [s, o]) => {
            Ok(g.edges().iter().any(|x| x.edge.kind.name() == p && named(x.source, s) && named(x.target, o)))
        }
        _ => Err(format!("malformed expectation '{e}'")),
    }
}

/// Check every expectation (and that none of `absent` holds), with a readable message.
pub fn check(g: &KnowledgeGraph, text: &str, expected: &[String], absent: &[String]) -> Result<(), String> {
    let mut errors = Vec::new();
    for x in expected {
        if !holds(g, x)? {
            errors.push(format!("missing {x}"));
        }
    }
    for x in absent {
        if holds(g, x)? {
            errors.push(format!("unexpected {x}"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{text}\n  {}\n  graph:\n    {}",
            errors.join("\n  "),
            super::common::describe(g).replace('\n', "\n    ")
        ))
    }
}

#[test]
fn expectations_parse_and_fail_when_false() {
    let g = super::common::graph("t", "Russian forces attacked Kharkiv on Monday.");
    assert_eq!(holds(&g, "attacked(Russian Armed Forces, Kharkiv)"), Ok(true));
    assert_eq!(holds(&g, "attacked(Kharkiv, Russian Armed Forces)"), Ok(false));
    assert_eq!(holds(&g, "Event(agent=Russian Armed Forces; place=Kharkiv)"), Ok(true));
    assert_eq!(holds(&g, "Event(agent=Russian Armed Forces; killed=3)"), Ok(false));
    assert!(holds(&g, "attacked Kyiv").is_err());
    let g = super::common::graph("t", "Kremlin spokesman Dmitry Peskov said the talks had stalled.");
    assert_eq!(holds(&g, "said(Dmitry Peskov | the talks had stalled)"), Ok(true));
    assert_eq!(holds(&g, "said(Dmitry Peskov | the talks)"), Ok(false));
    assert_eq!(holds(&g, "said(Vladimir Putin | the talks had stalled)"), Ok(false));
}
