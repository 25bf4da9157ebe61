//! Stage fixtures: `tests/data/<stage>/*.toml`, each a list of `[[case]]` tables with
//! a text and what the stage must produce. One harness per stage.

use super::common::{graph, pipeline};
use super::expect::check;
use newsgraph::text::number::parse_quantity;
use newsgraph::text::{normalise, Document};
use newsgraph::{Date, Input};
use std::path::{Path, PathBuf};
use toml::Value;

fn cases(stage: &str) -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(stage);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable fixture");
        let v: Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let list = v.get("case").and_then(Value::as_array).unwrap_or_else(|| panic!("{}: no [[case]]", f.display()));
        assert!(!list.is_empty(), "{}: empty", f.display());
        out.extend(list.iter().map(|c| (f.clone(), c.clone())));
    }
    out
}

fn s<'a>(c: &'a Value, k: &str) -> &'a str {
    c.get(k).and_then(Value::as_str).unwrap_or_else(|| panic!("case lacks string '{k}': {c:?}"))
}

fn strings(c: &Value, k: &str) -> Vec<String> {
    c.get(k)
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |a| a.iter().map(|x| x.as_str().expect("string").to_owned()).collect())
}

#[test]
fn normalise_fixtures() {
    for (f, c) in cases("normalise") {
        let n = normalise(s(&c, "input"));
        assert_eq!(n.text, s(&c, "output"), "{}", f.display());
    }
}

#[test]
fn sentence_fixtures() {
    let abbr = &pipeline().data().lexicon.abbreviations;
    for (f, c) in cases("sentences") {
        let text = s(&c, "text");
        let doc = Document::analyse(text, abbr);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .filter(|x| !x.is_heading())
            .map(|x| &doc.text()[x.start as usize..x.end as usize])
            .collect();
        assert_eq!(got, strings(&c, "sentences"), "{}: {text:?}", f.display());
        let headings: Vec<&str> = doc
            .sentences
            .iter()
            .filter(|x| x.is_heading())
            .map(|x| &doc.text()[x.start as usize..x.end as usize])
            .collect();
        assert_eq!(headings, strings(&c, "headings"), "{}: headings of {text:?}", f.display());
    }
}

#[test]
fn number_fixtures() {
    let words = &pipeline().data().lexicon.numbers;
    for (f, c) in cases("numbers") {
        let text = s(&c, "text");
        let doc = Document::analyse(text, &Default::default());
        let got = parse_quantity(&doc.lower, &doc.tokens, 0, words).filter(|q| !q.ordinal).map(|q| q.value);
        let want = c.get("value").and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)));
        assert_eq!(got, want, "{}: {text:?}", f.display());
    }
}

#[test]
fn date_fixtures() {
    for (f, c) in cases("dates") {
        let text = s(&c, "text");
        let mut input = Input::new("t", text);
        let fallback = c.get("given").and_then(Value::as_str).and_then(Date::parse_iso);
        input.date = None;
        let p = match fallback {
            Some(d) => newsgraph::PipelineBuilder::new().with_date(d).build().expect("pipeline"),
            None => newsgraph::PipelineBuilder::new().build().expect("pipeline"),
        };
        let a = p.analyse(&input);
        let want = c.get("date").and_then(Value::as_str);
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), want, "{}: {text:?}", f.display());
    }
}

#[test]
fn mention_fixtures() {
    for (f, c) in cases("mentions") {
        let text = s(&c, "text");
        let g = graph("t", text);
        let nodes = g.nodes();
        for m in c.get("entities").and_then(Value::as_array).into_iter().flatten() {
            let name = s(m, "name");
            let ty = s(m, "type");
            let found =
                nodes.iter().any(|n| (n.label == name || n.aliases.contains(name)) && n.kind().type_name() == ty);
            assert!(
                found,
                "{}: {text:?}\n  missing {ty} '{name}'; nodes: {:?}",
                f.display(),
                nodes.iter().map(|n| format!("{} {}", n.kind().type_name(), n.label)).collect::<Vec<_>>()
            );
        }
        for name in strings(&c, "absent") {
            let found = nodes.iter().any(|n| {
                matches!(n.kind(), newsgraph::graph::NodeKind::Entity(_))
                    && (n.label == name || n.aliases.contains(&name))
            });
            assert!(!found, "{}: {text:?}\n  unexpected entity '{name}'", f.display());
        }
        // No entity of that type and label (the name may be another's alias).
        for m in c.get("absent_typed").and_then(Value::as_array).into_iter().flatten() {
            let (name, ty) = (s(m, "name"), s(m, "type"));
            let found = nodes.iter().any(|n| n.label == name && n.kind().type_name() == ty);
            assert!(!found, "{}: {text:?}\n  unexpected {ty} '{name}'", f.display());
        }
    }
}

#[test]
fn resolution_fixtures() {
    for (f, c) in cases("resolution") {
        let text = s(&c, "text");
        let g = graph("t", text);
        for group in c.get("same").and_then(Value::as_array).into_iter().flatten() {
            let names: Vec<&str> =
                group.as_array().expect("list").iter().map(|x| x.as_str().expect("string")).collect();
            let holders: Vec<String> = g
                .nodes()
                .into_iter()
                .filter(|n| names.iter().any(|x| n.label == *x || n.aliases.contains(*x)))
                .map(|n| n.iri.clone())
                .collect();
            assert_eq!(
                holders.len(),
                1,
                "{}: {text:?}\n  {names:?} should be one node, found {holders:?}",
                f.display()
            );
        }
        if let Err(e) = check(&g, text, &strings(&c, "expect"), &strings(&c, "absent")) {
            panic!("{}: {e}", f.display());
        }
    }
}

#[test]
fn relation_fixtures() {
    let mut failures = Vec::new();
    for (f, c) in cases("relations") {
        let text = s(&c, "text");
        let g = graph("t", text);
        if let Err(e) = check(&g, text, &strings(&c, "expect"), &strings(&c, "absent")) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
