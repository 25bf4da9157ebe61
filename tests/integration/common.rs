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

/// The repository's root folder.
pub fn repo() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `graph-build` binary of this build, as a command (standard input empty, so that no
/// test waits on a terminal).
pub fn graph_build() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_graph-build"));
    c.stdin(std::process::Stdio::null()).env("COLUMNS", "100");
    c
}

/// A fresh, empty scratch folder for one test (under the target folder, removed first).
pub fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}
