//! The command line on broken, odd and unreadable inputs: each problem input gets one
//! `graph-build: error: FILE: problem` line (or a warning when it can still be read), the
//! other inputs of the run are still processed, and the run ends with the count of
//! skipped documents and exit status 1.

use crate::common::{input, run, scratch, Run};
use std::collections::BTreeSet;

/// The readable article every case puts beside its problem input.
const GOOD: &str = "plain.txt";

/// One case: files copied or written into a scratch folder, the arguments, and what the
/// run must do.
struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    args: Vec<&'static str>,
    code: i32,
    /// The stderr lines besides the summary, exactly.
    messages: Vec<String>,
    /// Labels the graph must hold, and labels it must not.
    holds: Vec<&'static str>,
    lacks: Vec<&'static str>,
}

fn file(name: &'static str) -> (&'static str, Vec<u8>) {
    (name, std::fs::read(input(name)).expect("fixture"))
}

fn error(name: &str, problem: &str) -> String {
    format!("graph-build: error: {name}: {problem}")
}

fn warning(name: &str, problem: &str) -> String {
    format!("graph-build: warning: {name}: {problem}")
}

/// The byte offset of the first invalid UTF-8 sequence.
fn first_invalid(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Ok(_) => panic!("the fixture is valid UTF-8"),
        Err(e) => e.valid_up_to(),
    }
}

/// `n` different capitalised words in a row, without punctuation ("Karov Belenko …").
pub fn capitalised_words(n: usize) -> String {
    const STEMS: [&str; 7] = ["Kar", "Bel", "Tor", "Vin", "Mal", "Dor", "Sev"];
    const ENDS: [&str; 5] = ["ov", "enko", "ski", "ich", "ova"];
    let word = |i: usize| {
        let mut w = String::from(STEMS[i % 7]);
        let mut rest = i / 7;
        while rest > 0 {
            w.push_str(&STEMS[rest % 7].to_lowercase());
            rest /= 7;
        }
        w.push_str(ENDS[i % 5]);
        w
    };
    (0..n).map(|i| word(i) + " ").collect()
}

fn cases() -> Vec<Case> {
    let latin1 = std::fs::read(input("latin1.txt")).expect("fixture");
    let at = first_invalid(&latin1);
    let capitalised = capitalised_words(10_000);
    vec![
        Case {
            name: "empty file",
            files: vec![file(GOOD), ("empty.txt", Vec::new())],
            args: vec![GOOD, "empty.txt"],
            code: 1,
            messages: vec![error("empty.txt", "empty file, nothing to extract")],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec![],
        },
        Case {
            name: "binary file",
            files: vec![file(GOOD), file("image.png")],
            args: vec!["image.png", GOOD],
            code: 1,
            messages: vec![error("image.png", "binary file (NUL bytes), not text")],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec![],
        },
        Case {
            name: "invalid UTF-8, decoded lossily",
            files: vec![file("latin1.txt")],
            args: vec!["latin1.txt"],
            code: 0,
            messages: vec![warning(
                "latin1.txt",
                &format!("invalid UTF-8 at byte {at}, decoded with replacement characters"),
            )],
            holds: vec!["Volodymyr Zelenskyy", "Kharkiv"],
            lacks: vec![],
        },
        Case {
            name: "invalid UTF-8 with --strict",
            files: vec![file(GOOD), file("latin1.txt")],
            args: vec!["--strict", GOOD, "latin1.txt"],
            code: 1,
            messages: vec![error("latin1.txt", &format!("invalid UTF-8 at byte {at} (--strict)"))],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec!["latin1.txt"],
        },
        Case {
            name: "UTF-16 with byte-order marks",
            files: vec![file("utf16le.txt"), file("utf16be.txt")],
            args: vec!["utf16le.txt", "utf16be.txt"],
            code: 0,
            messages: vec![],
            // The same text twice is one document, named after the first file.
            holds: vec!["Volodymyr Zelenskyy", "David Lammy", "utf16le.txt"],
            lacks: vec![],
        },
        Case {
            name: "only punctuation",
            files: vec![file(GOOD), file("punctuation.txt")],
            args: vec![GOOD, "punctuation.txt"],
            code: 1,
            messages: vec![error("punctuation.txt", "no words to extract (only spaces, punctuation or symbols)")],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec!["punctuation.txt"],
        },
        Case {
            name: "unbalanced quotes",
            files: vec![file("unbalanced-quotes.txt")],
            args: vec!["unbalanced-quotes.txt"],
            code: 0,
            messages: vec![],
            holds: vec!["Kharkiv", "Kremlin"],
            lacks: vec![],
        },
        Case {
            name: "10,000 capitalised words in a row",
            files: vec![file(GOOD), ("names.txt", capitalised.into_bytes())],
            args: vec!["names.txt", GOOD],
            code: 0,
            messages: vec![],
            holds: vec!["Volodymyr Zelenskyy", "names.txt"],
            lacks: vec![],
        },
        Case {
            name: "HTML with scripts, styles and navigation",
            files: vec![file("scripts.html")],
            args: vec!["scripts.html"],
            code: 0,
            messages: vec![],
            holds: vec!["Volodymyr Zelenskyy", "Andrzej Duda", "Warsaw"],
            lacks: vec!["Vladimir Putin", "Joe Biden", "Emmanuel Macron", "Moscow", "Macron"],
        },
        Case {
            name: "paths that do not exist",
            files: vec![file(GOOD)],
            args: vec!["missing.txt", GOOD, "missing-folder/"],
            code: 1,
            messages: vec![
                error("missing.txt", "no such file or directory"),
                error("missing-folder/", "no such file or directory"),
            ],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec![],
        },
        Case {
            name: "a document over --max-doc-bytes",
            files: vec![file(GOOD), ("big.txt", "Kyiv was shelled. ".repeat(4000).into_bytes())],
            args: vec!["--max-doc-bytes", "64K", "big.txt", GOOD],
            code: 1,
            messages: vec![error("big.txt", "larger than --max-doc-bytes (65536 bytes); split it or raise the limit")],
            holds: vec!["Volodymyr Zelenskyy"],
            lacks: vec!["big.txt"],
        },
        Case {
            name: "a JSON Lines line over --max-doc-bytes, between good ones",
            files: vec![(
                "wires.jsonl",
                format!(
                    "{}\n{{\"id\": \"long\", \"text\": \"{}\"}}\n{}\n",
                    r#"{"id": "a", "text": "Russian forces attacked the city of Kharkiv on Monday."}"#,
                    "Kyiv was shelled. ".repeat(4000),
                    r#"{"id": "b", "text": "Polish President Andrzej Duda visited Kyiv on Tuesday."}"#,
                )
                .into_bytes(),
            )],
            args: vec!["--max-doc-bytes", "64K", "wires.jsonl"],
            code: 1,
            messages: vec![error("wires.jsonl:2", "line longer than --max-doc-bytes (65536)")],
            holds: vec!["Kharkiv", "Andrzej Duda"],
            lacks: vec!["long"],
        },
    ]
}

/// The labels of a JSON graph's nodes.
fn labels(run: &Run) -> BTreeSet<String> {
    let g: serde_json::Value = serde_json::from_slice(&run.stdout).expect("graph-build writes JSON");
    g["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["label"].as_str().map(str::to_owned)).collect()
}

#[test]
fn every_problem_input_gets_one_line_and_the_rest_is_processed() {
    for case in cases() {
        let dir = scratch(&case.name.replace([' ', ',', '-'], "_"));
        for (name, bytes) in &case.files {
            std::fs::write(dir.join(name), bytes).expect("write input");
        }
        let mut args = vec!["-f", "json"];
        args.extend(&case.args);
        let r = run(&dir, &args, None);
        let what = case.name;
        assert_eq!(r.code, Some(case.code), "{what}: exit status; stderr:\n{}", r.stderr);
        assert_eq!(r.messages(), case.messages, "{what}: messages");
        let errors = case.messages.iter().filter(|m| m.starts_with("graph-build: error: ")).count();
        assert_eq!(r.skipped(), Some(errors), "{what}: skipped count in the summary:\n{}", r.stderr);
        let labels = labels(&r);
        for l in &case.holds {
            assert!(labels.iter().any(|x| x.contains(l)), "{what}: no node labelled {l:?} in {labels:?}");
        }
        for l in &case.lacks {
            assert!(!labels.iter().any(|x| x.contains(l)), "{what}: a node labelled {l:?} in {labels:?}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// (source label, predicate, target label) of each edge of a JSON graph.
fn facts(run: &Run) -> BTreeSet<(String, String, String)> {
    let g: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let label = |id: &serde_json::Value| {
        g["nodes"].as_array().expect("nodes").iter().find(|n| n["id"] == *id).map(|n| {
            // Documents are named by their file: compare what they say, not their name.
            if n["type"] == "Document" {
                "<document>".to_owned()
            } else {
                n["label"].as_str().unwrap_or("").to_owned()
            }
        })
    };
    g["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            let p = e["predicate"].as_str().unwrap_or("").to_owned();
            (label(&e["source"]).unwrap_or_default(), p, label(&e["target"]).unwrap_or_default())
        })
        .collect()
}

#[test]
fn utf16_and_windows_line_endings_give_the_graph_of_plain_text() {
    let dir = scratch("encodings");
    let plain = run(&dir, &["-q", "-f", "json", &input(GOOD).display().to_string()], None);
    assert_eq!(plain.code, Some(0));
    let expected = facts(&plain);
    assert!(expected.len() >= 5, "the plain article has facts: {expected:?}");
    for name in ["utf16le.txt", "utf16be.txt", "crlf.txt"] {
        let r = run(&dir, &["-q", "-f", "json", &input(name).display().to_string()], None);
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{name}: {}", r.stderr);
        assert_eq!(facts(&r), expected, "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 200 MB single line, as a file and on standard input: rejected by the default
/// `--max-doc-bytes` without being read whole, and the rest of the run goes on.
#[test]
fn a_200_mb_single_line_is_refused_with_its_name() {
    let dir = scratch("huge-line");
    let line = "Kyiv ".repeat(40 << 20).into_bytes();
    assert_eq!(line.len(), 200 << 20);
    std::fs::write(dir.join("line.txt"), &line).expect("write");
    std::fs::copy(input(GOOD), dir.join(GOOD)).expect("copy");
    let r = run(&dir, &["-f", "json", "line.txt", GOOD], None);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(
        r.messages(),
        [error("line.txt", "larger than --max-doc-bytes (16777216 bytes); split it or raise the limit")]
    );
    assert!(labels(&r).contains("Volodymyr Zelenskyy"));
    std::fs::remove_file(dir.join("line.txt")).expect("remove");
    let r = run(&dir, &["-f", "json", "-"], Some(&line));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(r.messages(), [error("-", "larger than --max-doc-bytes (16777216 bytes); split it or raise the limit")]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn folders_with_broken_links_loops_and_unreadable_files() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = scratch("folder");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).expect("folders");
    std::fs::copy(input(GOOD), corpus.join("sub/a.txt")).expect("copy");
    symlink("nowhere.txt", corpus.join("broken.txt")).expect("link");
    symlink("loop-b.txt", corpus.join("loop-a.txt")).expect("link");
    symlink("loop-a.txt", corpus.join("loop-b.txt")).expect("link");
    symlink("..", corpus.join("sub/parent")).expect("link");
    let mut expected = vec![
        error("corpus/broken.txt", "broken symbolic link (its target does not exist)"),
        error("corpus/loop-a.txt", "symbolic link loop"),
        error("corpus/loop-b.txt", "symbolic link loop"),
    ];
    let locked = corpus.join("locked.txt");
    std::fs::write(&locked, "Polish President Andrzej Duda visited Kyiv on Tuesday.").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // The superuser reads any file: then the locked file is an ordinary input.
    if std::fs::read(&locked).is_err() {
        expected.push(error("corpus/locked.txt", "permission denied"));
    }
    expected.sort();
    let r = run(&dir, &["-f", "json", "corpus"], None);
    let mut messages: Vec<String> = r.messages().iter().map(|m| (*m).to_owned()).collect();
    messages.sort();
    assert_eq!(messages, expected, "{}", r.stderr);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.skipped(), Some(expected.len()));
    // The readable article is read once, though the parent link leads to it again.
    let docs: Vec<String> = labels(&r).into_iter().filter(|l| l.ends_with(".txt")).collect();
    assert!(docs.iter().any(|d| d.ends_with("a.txt")), "{docs:?}");
    let g: serde_json::Value = serde_json::from_slice(&r.stdout).expect("JSON");
    let documents = g["nodes"].as_array().expect("nodes").iter().filter(|n| n["type"] == "Document").count();
    assert_eq!(documents, if expected.len() == 4 { 1 } else { 2 });
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file the system refuses to read, whoever runs the tests (reading `/proc/self/mem`
/// from its start fails): one line, the rest processed.
#[cfg(target_os = "linux")]
#[test]
fn an_input_that_fails_to_read() {
    let dir = scratch("eio");
    std::fs::copy(input(GOOD), dir.join(GOOD)).expect("copy");
    std::os::unix::fs::symlink("/proc/self/mem", dir.join("mem.txt")).expect("link");
    let r = run(&dir, &["-f", "json", "mem.txt", GOOD], None);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let messages = r.messages();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("graph-build: error: mem.txt: "), "{messages:?}");
    assert!(labels(&r).contains("Volodymyr Zelenskyy"));
    let _ = std::fs::remove_dir_all(&dir);
}
