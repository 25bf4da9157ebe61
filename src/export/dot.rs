//! DOT export, for Graphviz (`dot -Tsvg graph.dot -o graph.svg`).
//!
//! Contract: one `digraph` with every node (its id is its IRI, quoted; its `label` the
//! node's label; a fill colour and shape per node type; `tooltip` and `URL` the IRI) and
//! every edge (labelled with its predicate, or `predicate: role`). Parallel edges are
//! drawn apart, as Graphviz does by default for a non-strict graph.
//!
//! Every string is written by [`quoted`], the one DOT escaper: a double-quoted string
//! with `"` and `\` backslash-escaped, line ends written as Graphviz's `\n` line break,
//! and characters that XML 1.0 forbids (which Graphviz would copy into SVG output)
//! replaced as in [`super::xml`].

use super::property;
use super::xml;
use super::Exporter;
use crate::error::Result;
use crate::graph::{KnowledgeGraph, NodeKind};
use std::io::Write;

/// Writes DOT.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotExporter;

/// A DOT double-quoted string.
pub fn quoted(s: &str) -> String {
    let s = xml::portable_text(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shape(kind: NodeKind) -> &'static str {
    use crate::data::EntityType;
    match kind {
        NodeKind::Entity(EntityType::Person) => "ellipse",
        NodeKind::Entity(EntityType::Country) => "doubleoctagon",
        NodeKind::Entity(EntityType::Organisation) => "box",
        NodeKind::Entity(EntityType::Place) => "house",
        NodeKind::Event(_) => "diamond",
        NodeKind::Statement => "note",
        NodeKind::Document => "folder",
    }
}

impl Exporter for DotExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        writeln!(out, "digraph newsgraph {{")?;
        writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
        writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=10];")?;
        writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8];")?;
        for n in graph.nodes() {
            writeln!(
                out,
                "  {} [label={}, shape={}, fillcolor={}, tooltip={}, URL={}];",
                quoted(&n.iri),
                quoted(&n.label),
                shape(n.kind()),
                quoted(&property::colour_hex(n.kind())),
                quoted(&n.iri),
                quoted(&n.iri)
            )?;
        }
        for e in graph.edges() {
            let label = match &e.edge.role {
                Some(r) => format!("{}: {r}", e.edge.kind.name()),
                None => e.edge.kind.name().to_owned(),
            };
            writeln!(out, "  {} -> {} [label={}];", quoted(&e.source.iri), quoted(&e.target.iri), quoted(&label))?;
        }
        writeln!(out, "}}")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quoted("plain"), "\"plain\"");
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(quoted("a\\nb"), "\"a\\\\nb\"");
        assert_eq!(quoted("l1\r\nl2"), "\"l1\\nl2\"");
        assert_eq!(quoted("bell\u{7}"), "\"bell\u{FFFD}\"");
    }
}
