//! `graph-build eval`: each input document's graph scored against its gold file (see
//! [`crate::score`] for the measures), document by document and overall.
//!
//! A gold file `DIR/NAME.json` names its document in `"doc"`; an input document matches
//! it when the document's file name without extension is that of `"doc"` (for JSON Lines
//! records, the last segment of the URL or id). Each document is extracted on its own and
//! scored on the graph `graph-build --format json` would write for it alone, so that the
//! numbers are those of the project's scorer on those exports. Gold files without a
//! document among the inputs, and documents without a gold file, are named on stderr and
//! not scored.

use crate::args::EvalArgs;
use crate::build::{extract_all, pipeline, Stop};
use crate::diagnostics::{io_reason, Reporter};
use crate::output::{Output, WriteError};
use crate::score::{score, Counts, DocScore, Gold, MEASURES};
use newsgraph::graph::{KnowledgeGraph, NodeKind};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A gold file and what it annotates.
struct GoldFile {
    path: PathBuf,
    gold: Gold,
    /// The document's name without folders and extension.
    stem: String,
}

/// A name's last path segment without its extension.
fn stem(name: &str) -> String {
    let base = name.trim_end_matches('/').rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_owned(),
        _ => base.to_owned(),
    }
}

/// The gold files of a folder, sorted by file name.
fn read_gold_dir(dir: &Path) -> Result<Vec<GoldFile>, Stop> {
    let shown = dir.display();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{shown}: cannot read the gold folder: {}", io_reason(&e)))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    paths.sort();
    let mut files: Vec<GoldFile> = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{}: cannot read: {}", path.display(), io_reason(&e)))?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            let what = e.to_string();
            let what = what.split(" at line ").next().unwrap_or(&what).to_owned();
            format!("{}:{line}:{column}: not a gold file: {what} (see docs/gold-format.md)", path.display())
        })?;
        let stem = stem(&gold.doc);
        if let Some(other) = files.iter().find(|f| f.stem == stem) {
            return Err(Stop::Fatal(format!(
                "{}: annotates '{}' as {} does",
                path.display(),
                gold.doc,
                other.path.display()
            )));
        }
        files.push(GoldFile { path, gold, stem });
    }
    if files.is_empty() {
        return Err(Stop::Fatal(format!("{shown}: no gold files (NAME.json) in the folder")));
    }
    Ok(files)
}

pub fn run(args: &EvalArgs, reporter: &Reporter) -> Result<(), Stop> {
    let golds = read_gold_dir(&args.gold)?;
    let index: HashMap<&str, usize> = golds.iter().enumerate().map(|(i, g)| (g.stem.as_str(), i)).collect();
    let pipeline = pipeline(&args.input)?;
    let mut scores: Vec<Option<(String, DocScore)>> = vec![None; golds.len()];
    let gold_dir = args.gold.display().to_string();
    extract_all(&args.input, &pipeline, reporter, |g| {
        // The document's graph exactly as `graph-build --format json` builds it alone.
        let mut graph = KnowledgeGraph::with_base(pipeline.base_iri());
        graph.extend(std::mem::take(g));
        let name = graph
            .nodes()
            .into_iter()
            .find(|n| n.kind() == NodeKind::Document)
            .map(|n| n.path.clone().unwrap_or_else(|| n.label.clone()))
            .unwrap_or_default();
        match index.get(stem(&name).as_str()) {
            Some(&i) => match &scores[i] {
                None => scores[i] = Some((name, score(&golds[i].gold, &graph))),
                Some((first, _)) => reporter.warn(
                    &name,
                    format!("{} was already scored with {first}; not scored again", golds[i].path.display()),
                ),
            },
            None => reporter.warn(&name, format!("no gold file for it in {gold_dir}; not scored")),
        }
        Ok(())
    })?;
    for (g, s) in golds.iter().zip(&scores) {
        if s.is_none() {
            reporter.warn(
                &g.path.display().to_string(),
                format!("its document '{}' is not among the inputs; not scored", g.gold.doc),
            );
        }
    }
    let scored: Vec<(&GoldFile, &String, &DocScore)> =
        golds.iter().zip(&scores).filter_map(|(g, s)| s.as_ref().map(|(name, s)| (g, name, s))).collect();
    if scored.is_empty() {
        return Err(Stop::Fatal(format!(
            "no input document has a gold file in {gold_dir} (a gold file names its document in \"doc\")"
        )));
    }
    let mut out = Output::open(None)?;
    let written = if args.json {
        serde_json::to_writer_pretty(out.writer(), &to_json(&scored, args.verbose))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out.writer()))
    } else {
        write_text(&scored, args.verbose, out.writer())
    };
    written.map_err(|e| WriteError::io("standard output", e))?;
    out.commit()?;
    Ok(())
}

/// The totals of every measure over the documents.
fn totals(scored: &[(&GoldFile, &String, &DocScore)]) -> [Counts; 6] {
    let mut t = [Counts::default(); 6];
    for (_, _, s) in scored {
        for (total, c) in t.iter_mut().zip(&s.counts) {
            total.add(*c);
        }
    }
    t
}

/// One measure as the project's scorer prints it.
fn measure_line(name: &str, c: Counts) -> String {
    let (p, r, f) = c.prf();
    format!("{name:<22} P={p:.3} R={r:.3} F1={f:.3}  (tp={} pred={} gold={})", c.tp, c.pred, c.gold)
}

fn write_text(scored: &[(&GoldFile, &String, &DocScore)], verbose: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for (g, name, s) in scored {
        writeln!(out, "{} ({name})", g.stem)?;
        for (m, c) in MEASURES.iter().zip(&s.counts) {
            writeln!(out, "  {}", measure_line(m, *c))?;
        }
        if verbose {
            let rel = |(s, p, o): &(String, String, String)| format!("{s} -{p}-> {o}");
            let lists: [(&str, Vec<String>); 4] = [
                ("missed entities", s.missed_entities.clone()),
                ("wrong entities", s.wrong_entities.clone()),
                ("missed relations", s.missed_relations.iter().map(rel).collect()),
                ("wrong relations", s.wrong_relations.iter().map(rel).collect()),
            ];
            for (title, items) in lists {
                writeln!(out, "  {title} ({}):", items.len())?;
                for item in items {
                    writeln!(out, "    {item}")?;
                }
            }
        }
    }
    writeln!(out, "overall ({})", crate::build::count(scored.len(), "document"))?;
    for (m, c) in MEASURES.iter().zip(totals(scored)) {
        writeln!(out, "{}", measure_line(m, c))?;
    }
    Ok(())
}

/// A score rounded to three decimals, as the scorer's JSON summary has it.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

/// The JSON report: `summary` (per measure: p, r, f1 rounded to three decimals, tp, pred,
/// gold) and `per_doc` (per document and measure: [p, r, f1]), as the scorer's `--json`
/// file; with `verbose`, `errors` per document.
fn to_json(scored: &[(&GoldFile, &String, &DocScore)], verbose: bool) -> Value {
    let mut summary = Map::new();
    for (m, c) in MEASURES.iter().zip(totals(scored)) {
        let (p, r, f) = c.prf();
        summary.insert(
            (*m).into(),
            json!({"p": round3(p), "r": round3(r), "f1": round3(f), "tp": c.tp, "pred": c.pred, "gold": c.gold}),
        );
    }
    let mut per_doc = Map::new();
    let mut errors = Map::new();
    for (g, name, s) in scored {
        let mut doc = Map::new();
        for (m, c) in MEASURES.iter().zip(&s.counts) {
            let (p, r, f) = c.prf();
            doc.insert((*m).into(), json!([p, r, f]));
        }
        per_doc.insert(g.stem.clone(), Value::Object(doc));
        let rel =
            |v: &[(String, String, String)]| -> Vec<Value> { v.iter().map(|(s, p, o)| json!([s, p, o])).collect() };
        errors.insert(
            g.stem.clone(),
            json!({
                "doc": name,
                "missed_entities": s.missed_entities,
                "wrong_entities": s.wrong_entities,
                "missed_relations": rel(&s.missed_relations),
                "wrong_relations": rel(&s.wrong_relations),
            }),
        );
    }
    let mut v = json!({"summary": summary, "per_doc": per_doc});
    if verbose {
        v["errors"] = Value::Object(errors);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_folders_and_the_last_extension() {
        for (name, want) in [
            ("day-987.txt", "day-987"),
            ("../shared/eval/corpus/day-987.txt", "day-987"),
            ("a.b.txt", "a.b"),
            (".hidden", ".hidden"),
            ("https://example.org/news/wire-1", "wire-1"),
            ("wires.jsonl:3", "wires"),
        ] {
            assert_eq!(stem(name), want, "{name}");
        }
    }

    #[test]
    fn measure_lines_are_formatted_like_the_scorer() {
        assert_eq!(
            measure_line("entities", Counts { tp: 100, pred: 102, gold: 100 }),
            "entities               P=0.980 R=1.000 F1=0.990  (tp=100 pred=102 gold=100)"
        );
        assert_eq!(round3(0.0625), 0.062);
    }
}
