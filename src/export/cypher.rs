//! Cypher export (`--format cypher`): a script of `MERGE` statements that Neo4j
//! (`cypher-shell -f`), FalkorDB, Memgraph and other openCypher databases run.
//!
//! Contract:
//! - One statement per line, each ending with `;`: first one `MERGE` per node (on its
//!   `id`, the IRI, with the labels of [`property::labels`]: `:Node:Entity:Person`,
//!   `:Node:Event:AttackEvent`, ...), then one `MATCH ... MERGE` per relationship (type
//!   [`property::relationship_type`], `ATTACKED`, `AGENT`, ..., merged on its `key`, so
//!   that different roles between the same two nodes stay different relationships).
//!   Running the script twice changes nothing.
//! - Every value of [`property`] is a property: strings single-quoted, integers and
//!   floats as numbers (a float always with a `.`), booleans, `date('YYYY-MM-DD')`,
//!   `aliases` a list of strings. Absent values are not set.
//! - Strings are escaped by [`string_literal`], the one Cypher escaper: `\` and `'` are
//!   backslash-escaped, line feed, carriage return, tab, backspace and form feed become
//!   `\n`, `\r`, `\t`, `\b`, `\f` (so no statement spans two lines), other characters are
//!   written as they are (UTF-8; `\uXXXX` escapes are avoided because not every openCypher
//!   database decodes them), except U+0000, which databases written in C cannot hold and
//!   which becomes U+FFFD. Labels, types and keys go through [`identifier`], which
//!   back-quotes (doubling backticks) any name that is not a plain identifier.

use super::property::{self, Value, EDGE_COLUMNS, NODE_COLUMNS};
use super::Exporter;
use crate::error::Result;
use crate::graph::KnowledgeGraph;
use std::borrow::Cow;
use std::io::Write;

/// Writes a Cypher script.
#[derive(Debug, Clone, Copy, Default)]
pub struct CypherExporter;

/// A Cypher string literal: `'...'` with the escapes of the module documentation.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0' => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A label, relationship type or property key: as it is when it is a plain identifier
/// (ASCII letter or `_`, then letters, digits or `_`), else back-quoted with backticks
/// doubled.
pub fn identifier(name: &str) -> Cow<'_, str> {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(format!("`{}`", name.replace('`', "``")))
    }
}

/// A float literal that every openCypher parser reads as a float.
fn float_literal(x: f64) -> String {
    property::format_double(x)
}

/// A value as a Cypher expression.
pub fn value_literal(v: &Value<'_>) -> String {
    match v {
        Value::Str(s) => string_literal(s),
        Value::Int(i) => i.to_string(),
        Value::Double(x) => float_literal(*x),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => format!("date({})", string_literal(&d.to_string())),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|s| string_literal(s)).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

fn labels(labels: &[&str]) -> String {
    labels.iter().map(|l| format!(":{}", identifier(l))).collect()
}

/// `SET v.k = value, ...` for the values present (empty when none are).
fn set_clause(var: &str, assignments: &[(&str, String)]) -> String {
    if assignments.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = assignments.iter().map(|(k, v)| format!("{var}.{} = {v}", identifier(k))).collect();
    format!(" SET {}", parts.join(", "))
}

impl Exporter for CypherExporter {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<()> {
        let nodes = graph.nodes();
        let edges = graph.edges();
        writeln!(
            out,
            "// newsgraph {}: {} nodes, {} relationships.",
            env!("CARGO_PKG_VERSION"),
            nodes.len(),
            edges.len()
        )?;
        writeln!(out, "// One statement per line; run with `cypher-shell -f graph.cypher` or any openCypher client.")?;
        writeln!(out, "// For large graphs, create an index on :Node(id) first (Neo4j: CREATE INDEX node_id IF NOT")?;
        writeln!(out, "// EXISTS FOR (n:Node) ON (n.id); FalkorDB: CREATE INDEX FOR (n:Node) ON (n.id)).")?;
        for n in &nodes {
            let values = property::node_values(n);
            let assignments: Vec<(&str, String)> = NODE_COLUMNS
                .iter()
                .zip(&values)
                .filter_map(|(c, v)| v.as_ref().map(|v| (c.name, value_literal(v))))
                .collect();
            writeln!(
                out,
                "MERGE (n{} {{id: {}}}){};",
                labels(&property::labels(n)),
                string_literal(&n.iri),
                set_clause("n", &assignments)
            )?;
        }
        for e in &edges {
            let values = property::edge_values(e);
            let mut assignments: Vec<(&str, String)> = vec![("id", string_literal(&property::edge_id(e)))];
            assignments.extend(
                EDGE_COLUMNS
                    .iter()
                    .zip(&values)
                    .filter(|(c, _)| c.name != "key")
                    .filter_map(|(c, v)| v.as_ref().map(|v| (c.name, value_literal(v)))),
            );
            writeln!(
                out,
                "MATCH (a:Node {{id: {}}}) MATCH (b:Node {{id: {}}}) MERGE (a)-[r:{} {{key: {}}}]->(b){};",
                string_literal(&e.source.iri),
                string_literal(&e.target.iri),
                identifier(&property::relationship_type(e.edge.kind)),
                string_literal(&property::edge_key(e)),
                set_clause("r", &assignments)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals() {
        let cases: &[(&str, &str)] = &[
            ("plain", "'plain'"),
            ("it's", r"'it\'s'"),
            (r"back\slash", r"'back\\slash'"),
            ("two\nlines\r\n", r"'two\nlines\r\n'"),
            ("tab\tbs\u{8}ff\u{c}", r"'tab\tbs\bff\f'"),
            ("\"double\" `tick`", "'\"double\" `tick`'"),
            ("nul\0", "'nul\u{FFFD}'"),
            ("🚀 مرحبا", "'🚀 مرحبا'"),
            (r"\u0041", r"'\\u0041'"),
        ];
        for (input, expected) in cases {
            assert_eq!(string_literal(input), *expected, "{input:?}");
            assert!(!string_literal(input).contains('\n'));
        }
    }

    #[test]
    fn identifiers() {
        assert_eq!(identifier("ATTACKED"), "ATTACKED");
        assert_eq!(identifier("_x1"), "_x1");
        assert_eq!(identifier("role in"), "`role in`");
        assert_eq!(identifier("a`b"), "`a``b`");
        assert_eq!(identifier("1st"), "`1st`");
        assert_eq!(identifier(""), "``");
    }

    #[test]
    fn floats_stay_floats() {
        assert_eq!(float_literal(35.0), "35.0");
        assert_eq!(float_literal(-0.5), "-0.5");
        assert_eq!(float_literal(48.2), "48.2");
    }
}
