//! Shared helpers: one pipeline per test binary, graph queries by label.

use newsgraph::graph::{KnowledgeGraph, NodeKind};
use newsgraph::{Input, Pipeline};
use std::sync::OnceLock;

/// The pipeline with the embedded data, built once.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("embedded data loads"))
}

/// The graph of a text.
pub fn graph(name: &str, text: &str) -> KnowledgeGraph {
    pipeline().extract(&Input::new(name, text))
}

/// The repository's sample article.
pub fn sample() -> &'static str {
    include_str!("../fixtures/day-987.txt")
}

/// Whether the graph has an edge `subject -predicate-> object` (labels; for `said`, the
/// object is a substring of the statement's text).
pub fn has_edge(g: &KnowledgeGraph, subject: &str, predicate: &str, object: &str) -> bool {
    g.edges().iter().any(|e| {
        e.source.label == subject
            && e.edge.kind.name() == predicate
            && (e.target.label == object
                || (e.target.kind() == NodeKind::Statement
                    && e.target.text.as_deref().is_some_and(|t| t.contains(object))))
    })
}

/// The labels of the graph's edges, as `subject -predicate-> object` lines (for messages).
pub fn describe(g: &KnowledgeGraph) -> String {
    g.edges()
        .iter()
        .map(|e| format!("{} -{}-> {}", e.source.label, e.edge.kind.name(), e.target.label))
        .collect::<Vec<_>>()
        .join("\n")
}
