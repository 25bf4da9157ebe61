//! Corpus runs through the command line: output independent of the number of threads,
//! day-by-day merging equal to one run, JSON Lines and HTML inputs, and reports of one
//! event in several documents merged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_graph-build"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("graph-build runs");
    assert!(
        out.status.success(),
        "graph-build {args:?} failed ({:?}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir.join(name)
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let corpus = fixture("corpus");
    let sample = fixture("day-987.txt");
    for format in ["turtle", "ntriples", "json"] {
        let args = |j: &'static str| -> Vec<String> {
            vec![
                "-q".into(),
                "-j".into(),
                j.into(),
                "-f".into(),
                format.into(),
                corpus.display().to_string(),
                sample.display().to_string(),
            ]
        };
        let one = run(&args("1").iter().map(String::as_str).collect::<Vec<_>>());
        let four = run(&args("4").iter().map(String::as_str).collect::<Vec<_>>());
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, four.stdout, "{format}: output differs between 1 and 4 threads");
    }
}

#[test]
fn day_by_day_merge_equals_one_run() {
    let (d1, d2) = (fixture("corpus/day-1.txt"), fixture("corpus/day-2.txt"));
    let state = temp("state.json");
    let s = state.display().to_string();
    run(&["-q", "-f", "json", "-o", &s, &d1.display().to_string()]);
    let merged = run(&["-q", "-f", "json", "--merge", &s, &d2.display().to_string()]);
    let at_once = run(&["-q", "-f", "json", &d1.display().to_string(), &d2.display().to_string()]);
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&at_once.stdout),
        "day-by-day merging differs from one run over both days"
    );
    // Turtle from the merged state: the same statements (one run streams them document by
    // document, the merged graph is written at once, so their order may differ).
    let turtle_merged = run(&["-q", "-f", "turtle", "--merge", &s, &d2.display().to_string()]);
    let turtle_once = run(&["-q", "-f", "turtle", &d1.display().to_string(), &d2.display().to_string()]);
    let statements = |bytes: &[u8]| {
        let mut v: Vec<String> =
            oxttl::TurtleParser::new().for_slice(bytes).map(|t| t.expect("valid Turtle").to_string()).collect();
        v.sort();
        v
    };
    let (a, b) = (statements(&turtle_merged.stdout), statements(&turtle_once.stdout));
    assert!(a.len() > 100, "{} statements", a.len());
    assert!(a == b, "Turtle: {} statements merged, {} in one run", a.len(), b.len());
}

#[test]
fn reports_of_one_event_are_merged() {
    let out = run(&[
        "-q",
        "-f",
        "json",
        &fixture("corpus/day-1.txt").display().to_string(),
        &fixture("corpus/day-2.txt").display().to_string(),
    ]);
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let nodes = g["nodes"].as_array().expect("nodes");
    let kharkiv: Vec<&serde_json::Value> = nodes
        .iter()
        .filter(|n| n["type"] == "Event" && n["label"].as_str().is_some_and(|l| l.contains("Kharkiv")))
        .collect();
    assert_eq!(kharkiv.len(), 1, "one Kharkiv attack, reported twice: {kharkiv:?}");
    let e = kharkiv[0];
    assert_eq!(e["mentions"], 2);
    assert_eq!(e["provenance"].as_array().map(Vec::len), Some(2));
    assert_eq!(e["killed"], 4, "the higher count of the two reports");
    assert_eq!(e["injured"], 12);
    // Statements are never merged: each document keeps its own.
    assert!(nodes.iter().filter(|n| n["type"] == "Statement").count() >= 2);
}

#[test]
fn json_lines_input() {
    let out =
        bin().args(["-f", "json", &fixture("inputs/articles.jsonl").display().to_string()]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "a record without text is skipped: exit status 1");
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let nodes = g["nodes"].as_array().expect("nodes");
    let docs: Vec<&str> =
        nodes.iter().filter(|n| n["type"] == "Document").filter_map(|n| n["label"].as_str()).collect();
    assert_eq!(docs, vec!["https://example.org/wire-1", "wire-2"], "documents named by URL, else id");
    let odesa = nodes.iter().find(|n| n["type"] == "Event" && n["label"].as_str().is_some_and(|l| l.contains("Odesa")));
    let odesa = odesa.expect("the Odesa attack");
    assert_eq!(odesa["date"], "2024-06-01", "the record's date");
    assert_eq!(odesa["injured"], 2);
    assert!(nodes.iter().any(|n| n["label"] == "Ukrainian Foreign Ministry"));
    // The blank line is ignored; the record without text is named, with its line.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("articles.jsonl:4: no words to extract"), "{stderr}");
}

#[test]
fn html_input() {
    let out = run(&["-q", "-f", "json", &fixture("corpus/article.html").display().to_string()]);
    let g: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let nodes = g["nodes"].as_array().expect("nodes");
    let labels: Vec<&str> = nodes.iter().filter_map(|n| n["label"].as_str()).collect();
    for wanted in ["Beirut", "Israel", "Hezbollah", "Lebanese Health Ministry"] {
        assert!(labels.contains(&wanted), "missing {wanted} in {labels:?}");
    }
    for dropped in ["Vladimir Putin", "Kim Jong Un", "Emmanuel Macron"] {
        assert!(!labels.contains(&dropped), "{dropped} comes from a script, the navigation or the footer");
    }
    let attack = nodes.iter().find(|n| n["type"] == "Event" && n["killed"] == 12).expect("the attack");
    assert_eq!(attack["date"], "2024-09-20", "the page's publication date");
}

#[test]
fn streaming_formats_write_each_entity_once() {
    let corpus = fixture("corpus").display().to_string();
    let sample = fixture("day-987.txt").display().to_string();
    let out = run(&["-q", "-f", "ntriples", &corpus, &sample]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut seen = std::collections::HashSet::new();
    for line in text.lines() {
        assert!(seen.insert(line), "repeated statement: {line}");
    }
    let labels = text
        .lines()
        .filter(|l| {
            l.starts_with("<https://w3id.org/newsgraph/id/country/russia> <http://www.w3.org/2000/01/rdf-schema#label>")
        })
        .count();
    assert_eq!(labels, 1);
    let parsed = oxttl::NTriplesParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("valid N-Triples");
    assert_eq!(parsed.len(), text.lines().count());
    // CSV streams too: a folder with the two files.
    let dir = temp("csv");
    run(&["-q", "-f", "csv", "-o", &dir.display().to_string(), &corpus]);
    for f in ["nodes.csv", "edges.csv"] {
        let rows = csv::Reader::from_path(dir.join(f)).expect(f).records().count();
        assert!(rows > 5, "{f} has {rows} rows");
    }
}

/// Assert that two line-based exports hold the same lines (statements or rows), whatever
/// their order, showing the first differences.
fn assert_same_lines(a: &[u8], b: &[u8], what: &str) {
    let sorted = |bytes: &[u8]| {
        let mut v: Vec<String> = String::from_utf8_lossy(bytes).lines().map(str::to_owned).collect();
        v.sort();
        v
    };
    let (a, b) = (sorted(a), sorted(b));
    let only_a: Vec<&String> = a.iter().filter(|l| b.binary_search(l).is_err()).take(5).collect();
    let only_b: Vec<&String> = b.iter().filter(|l| a.binary_search(l).is_err()).take(5).collect();
    assert!(a == b, "{what}: {} and {} lines; only streamed: {only_a:#?}; only merged: {only_b:#?}", a.len(), b.len());
}

#[test]
fn streamed_formats_equal_the_merged_graph() {
    // day-1 and day-2 report one attack: streaming must merge it as the in-memory graph does.
    let (d1, d2) =
        (fixture("corpus/day-1.txt").display().to_string(), fixture("corpus/day-2.txt").display().to_string());
    let sample = fixture("day-987.txt").display().to_string();
    // The graph of day-1, then the in-memory graph of all three (--merge never streams).
    let state = temp("stream-state.json");
    let s = state.display().to_string();
    run(&["-q", "-f", "json", "-o", &s, &d1]);
    for format in ["ntriples", "nquads"] {
        let streamed = run(&["-q", "-f", format, &d1, &d2, &sample]);
        let merged = run(&["-q", "-f", format, "--merge", &s, &d2, &sample]);
        assert_same_lines(&streamed.stdout, &merged.stdout, format);
        let text = String::from_utf8_lossy(&streamed.stdout);
        let mentions: Vec<&str> =
            text.lines().filter(|l| l.contains("/event/") && l.contains("#mentions> \"2\"")).collect();
        assert_eq!(mentions.len(), 1, "{format}: the attack reported twice has 2 mentions: {mentions:?}");
        let killed = text
            .lines()
            .filter(|l| l.starts_with(mentions[0].split(' ').next().unwrap_or("?")) && l.contains("#killed>"));
        assert_eq!(killed.collect::<Vec<_>>().len(), 1, "{format}: one count per event");
    }
    let (streamed, merged) = (temp("csv-streamed"), temp("csv-merged"));
    run(&["-q", "-f", "csv", "-o", &streamed.display().to_string(), &d1, &d2, &sample]);
    run(&["-q", "-f", "csv", "-o", &merged.display().to_string(), "--merge", &s, &d2, &sample]);
    for f in ["nodes.csv", "edges.csv"] {
        let read = |dir: &Path| std::fs::read(dir.join(f)).expect(f);
        assert_same_lines(&read(&streamed), &read(&merged), f);
    }
    let leftovers: Vec<_> =
        std::fs::read_dir(&streamed).expect("folder").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 2, "only the two CSV files: {leftovers:?}");
}

#[test]
fn a_role_edge_is_reified_only_for_another_report() {
    // An event's role edges are stated by the event's own sentence, whose provenance the
    // event carries: no assertion repeats it. A later report of the event states them again,
    // from another document: those get an assertion.
    let role_assertions = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| {
                l.contains("/assertion/")
                    && l.contains("#predicate> <https://w3id.org/newsgraph/ontology#")
                    && ["agent>", "target>", "place>"].iter().any(|r| l.ends_with(&format!("#{r} .")))
            })
            .map(|l| l.split(' ').next().unwrap_or_default().to_owned())
            .collect()
    };
    let sample = run(&["-q", "-f", "ntriples", &fixture("day-987.txt").display().to_string()]);
    let text = String::from_utf8_lossy(&sample.stdout);
    assert!(text.contains("/ontology#agent> <"), "the sample has role edges");
    assert_eq!(role_assertions(&text), Vec::<String>::new(), "each one stated by its event's sentence");

    let (d1, d2) =
        (fixture("corpus/day-1.txt").display().to_string(), fixture("corpus/day-2.txt").display().to_string());
    let both = run(&["-q", "-f", "ntriples", &d1, &d2]);
    let text = String::from_utf8_lossy(&both.stdout);
    let again = role_assertions(&text);
    assert!(!again.is_empty(), "the second report's role edges are reified");
    let day2 = text
        .lines()
        .find(|l| l.contains("/ontology#path> ") && l.contains("day-2.txt"))
        .and_then(|l| l.split(' ').next())
        .expect("day-2's document node");
    for a in &again {
        let from = format!("{a} <http://www.w3.org/ns/prov#wasDerivedFrom> {day2} .");
        assert!(text.lines().any(|l| l == from), "{a} comes from day-2");
    }
}

#[test]
fn turtle_streams_the_statements_of_ntriples() {
    // Turtle is written as N-Triples is, document by document: the same statements in the
    // same order, abbreviated with prefixes.
    let corpus = fixture("corpus").display().to_string();
    let sample = fixture("day-987.txt").display().to_string();
    let turtle = run(&["-q", "-f", "turtle", &corpus, &sample]);
    let ntriples = run(&["-q", "-f", "ntriples", &corpus, &sample]);
    let turtle: Vec<String> =
        oxttl::TurtleParser::new().for_slice(&turtle.stdout).map(|t| t.expect("valid Turtle").to_string()).collect();
    let ntriples: Vec<String> = oxttl::NTriplesParser::new()
        .for_slice(&ntriples.stdout)
        .map(|t| t.expect("valid N-Triples").to_string())
        .collect();
    assert!(turtle.len() > 1000, "{} statements", turtle.len());
    assert!(turtle == ntriples, "{} Turtle statements, {} N-Triples", turtle.len(), ntriples.len());
}
