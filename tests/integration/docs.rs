//! The documentation runs: every command shown in `README.md` and `docs/*.md` is run, and
//! every output shown is compared with what the command prints.
//!
//! The convention (also in `docs/README.md`):
//!
//! - Commands live in fenced code blocks tagged `sh` (or `bash`, `shell`) and `console`.
//!   A fenced block without a tag is an error: tag it (`text`, `sparql`, `cypher`, …).
//! - In an `sh` block every line is a command, except blank lines and `#` comments; a
//!   command continues on the next line after a trailing `\` or inside an open quote. Each
//!   command must exit with status 0 (pipes included: `pipefail`).
//! - In a `console` block a command starts with `$ ` (continued like above); the lines up to
//!   the next `$ ` are its standard output, compared exactly (trailing spaces and blank
//!   lines aside).
//!   To show an error, redirect it (`2>&1`) and end with `; echo "exit status $?"`.
//! - Commands run with bash, one at a time in document order, each from the same scratch
//!   copy of the repository (its files, without `target/`, with `../shared` beside it),
//!   so a file written by one command is there for the next; `graph-build` is this build's
//!   binary, first on `PATH`; `COLUMNS=100`.
//! - Under `cargo test` a command may use only `graph-build` and the common tools of
//!   [`LOCAL_TOOLS`]. Commands that run `cargo` (which cannot run inside `cargo test`), and
//!   blocks preceded by the line `<!-- run: interop -->`, are run by
//!   `tests/interop/run.sh` instead (through the ignored test [`interop_commands_run`], from
//!   the repository root); `cargo test` itself is the first step of `.ci/run`.
//! - A block preceded by `<!-- not run: REASON -->` is never run (a GUI, a server, a
//!   download); the reason is required.
//! - Any other command is an error, so a command cannot slip into the docs unrun.

use crate::common;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../../examples/ontology_doc.rs"]
mod ontology_doc;
use std::process::Command;

/// The programs a command may use under `cargo test`.
const LOCAL_TOOLS: &[&str] = &[
    "graph-build",
    "cat",
    "head",
    "tail",
    "grep",
    "sort",
    "uniq",
    "wc",
    "cut",
    "tr",
    "sed",
    "ls",
    "mkdir",
    "cp",
    "rm",
    "echo",
    "printf",
    "test",
    "diff",
    "cmp",
    "python3",
];

/// Where a command runs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    /// Under `cargo test`.
    Local,
    /// In the interop suite.
    Interop,
    /// Nowhere, for the reason given.
    NotRun(String),
}

/// One command of the documentation.
#[derive(Debug, Clone)]
pub struct Step {
    /// `file:line` of the command.
    pub at: String,
    pub command: String,
    /// What it prints (`console` blocks).
    pub expected: Option<String>,
    route: Route,
}

/// A fenced code block.
#[derive(Debug)]
pub struct Block {
    /// `file:line` of the opening fence.
    pub at: String,
    /// The first word of the info string.
    pub lang: String,
    /// The line before the fence, when it is an HTML comment.
    pub marker: Option<String>,
    /// Line number (1-based) and text of each line inside the fence.
    pub lines: Vec<(usize, String)>,
}

/// The documentation files whose commands are run.
pub fn documents() -> Vec<PathBuf> {
    let root = common::repo();
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ is readable")
        .map(|e| e.expect("docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// A file's name relative to the repository, for messages.
fn shown(path: &Path) -> String {
    path.strip_prefix(common::repo()).unwrap_or(path).display().to_string()
}

/// The fenced code blocks of a Markdown text (backtick or tilde fences).
pub fn blocks(file: &str, text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    // The open fence, its indentation (removed from the block's lines) and the block.
    let mut open: Option<(String, usize, Block)> = None;
    let mut previous: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some((fence, indent, block)) = &mut open {
            if trimmed.starts_with(fence.as_str()) && trimmed.trim_end().chars().all(|c| fence.starts_with(c)) {
                out.push(open.take().expect("an open block").2);
                previous = Some(line);
            } else {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                block.lines.push((i + 1, line[spaces.min(*indent)..].to_owned()));
            }
            continue;
        }
        let fence_char = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        if let Some(c) = fence_char {
            let n = trimmed.chars().take_while(|x| *x == c).count();
            if n >= 3 {
                let fence: String = std::iter::repeat_n(c, n).collect();
                let lang = trimmed[n..].split_whitespace().next().unwrap_or("").to_owned();
                let marker = previous.map(str::trim).filter(|p| p.starts_with("<!--")).map(str::to_owned);
                let block = Block { at: format!("{file}:{}", i + 1), lang, marker, lines: Vec::new() };
                open = Some((fence, line.len() - trimmed.len(), block));
                continue;
            }
        }
        if !line.trim().is_empty() {
            previous = Some(line);
        }
    }
    if let Some((_, _, block)) = open {
        out.push(block);
    }
    out
}

/// Whether a command is complete: no open quote, no trailing backslash.
fn complete(command: &str) -> bool {
    let (mut single, mut double, mut escaped) = (false, false, false);
    let code = without_comments(command);
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if !single => escaped = true,
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            _ => {}
        }
    }
    !single && !double && !code.trim_end().ends_with('\\')
}

/// A command without its shell comments (`#` starting a word outside quotes, to the end
/// of the line).
fn without_comments(command: &str) -> String {
    let mut out = String::new();
    let (mut single, mut double, mut comment) = (false, false, false);
    let mut previous = ' ';
    for c in command.chars() {
        if comment {
            if c == '\n' {
                comment = false;
                out.push(c);
            }
            continue;
        }
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && previous.is_whitespace() => {
                comment = true;
                continue;
            }
            _ => {}
        }
        out.push(c);
        previous = c;
    }
    out
}

/// The programs a command runs: the first word of each part of a pipeline or list
/// (after variable assignments), outside quotes.
pub fn programs(command: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let (mut single, mut double) = (false, false);
    let code = without_comments(command);
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '|' | ';' | '&' | '(' | ')' | '\n' if !single && !double => {
                // `2>&1` and `>&2` are redirections, not lists.
                if c == '&' && parts.last().is_some_and(|p| p.ends_with('>')) {
                    parts.last_mut().expect("a part").push(c);
                    continue;
                }
                if matches!(chars.peek(), Some('|' | '&')) {
                    chars.next();
                }
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().expect("a part").push(c);
    }
    parts
        .iter()
        .filter_map(|p| {
            p.split_whitespace()
                // Skip variable assignments (`A=1`) and redirections.
                .find(|w| (!w.contains('=') || w.starts_with('=')) && !w.starts_with('>') && !w.starts_with("2>"))
                .map(str::to_owned)
        })
        .collect()
}

/// The steps of every command block of a file; errors for blocks that break the convention.
pub fn steps(file: &str, text: &str) -> (Vec<Step>, Vec<String>) {
    let mut steps = Vec::new();
    let mut errors = Vec::new();
    for block in blocks(file, text) {
        let console = match block.lang.as_str() {
            "sh" | "bash" | "shell" => false,
            "console" => true,
            "" => {
                errors.push(format!(
                    "{}: a code block without a language: tag it (sh, console, text, sparql, …)",
                    block.at
                ));
                continue;
            }
            _ => continue,
        };
        let route = match block.marker.as_deref() {
            Some(m) if m.starts_with("<!-- not run:") => {
                let reason = m.trim_start_matches("<!-- not run:").trim_end_matches("-->").trim();
                if reason.is_empty() {
                    errors.push(format!("{}: `not run` needs a reason", block.at));
                }
                Route::NotRun(reason.to_owned())
            }
            Some("<!-- run: interop -->") => Route::Interop,
            _ => Route::Local,
        };
        let mut current: Option<Step> = None;
        let mut pending = String::new();
        let mut pending_at = 0;
        for (n, line) in &block.lines {
            if !pending.is_empty() {
                pending.push('\n');
                pending.push_str(line);
            } else if console {
                match line.strip_prefix("$ ") {
                    Some(command) => {
                        steps.extend(current.take());
                        pending.push_str(command);
                        pending_at = *n;
                    }
                    None => {
                        match &mut current {
                            Some(step) => {
                                let expected = step.expected.get_or_insert_with(String::new);
                                expected.push_str(line);
                                expected.push('\n');
                            }
                            None if line.trim().is_empty() => {}
                            None => errors.push(format!("{file}:{n}: output before any `$ ` command")),
                        }
                        continue;
                    }
                }
            } else {
                let t = line.trim();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                pending.push_str(line);
                pending_at = *n;
            }
            if complete(&pending) {
                let command = std::mem::take(&mut pending);
                let step = Step {
                    at: format!("{file}:{pending_at}"),
                    command,
                    expected: console.then(String::new),
                    route: route.clone(),
                };
                if console {
                    current = Some(step);
                } else {
                    steps.push(step);
                }
            }
        }
        if !pending.is_empty() {
            errors.push(format!("{file}:{pending_at}: the command does not end (open quote or trailing \\)"));
        }
        steps.extend(current.take());
    }
    // Route each command: cargo goes to the interop suite; anything else not known locally
    // must be marked.
    for step in &mut steps {
        if step.route != Route::Local {
            continue;
        }
        let programs = programs(&step.command);
        if programs.iter().any(|p| p == "cargo") {
            step.route = Route::Interop;
        } else if let Some(p) = programs.iter().find(|p| !LOCAL_TOOLS.contains(&p.as_str())) {
            errors.push(format!(
                "{}: `{p}` cannot run under cargo test: mark the block with <!-- run: interop --> \
                 (run by tests/interop/run.sh) or <!-- not run: REASON -->",
                step.at
            ));
        }
    }
    (steps, errors)
}

/// A copy of the repository's files (and a link to `../shared`), and a `bin` folder
/// holding `graph-build`, for one document's commands.
fn sandbox(name: &str) -> (PathBuf, PathBuf) {
    let root = common::scratch(&format!("docs-{name}"));
    let repo = root.join("repo");
    let bin = root.join("bin");
    std::fs::create_dir_all(&repo).expect("sandbox");
    std::fs::create_dir_all(&bin).expect("sandbox bin");
    for entry in std::fs::read_dir(common::repo()).expect("repository") {
        let entry = entry.expect("repository entry");
        let file = entry.file_name();
        // Build output, fuzzing corpora and tool folders stay out; everything else is
        // copied, so that no command can change the repository.
        if file.to_string_lossy().starts_with('.') || file == "target" || file == "fuzz" {
            continue;
        }
        copy(&entry.path(), &repo.join(&file));
    }
    let shared = common::repo().join("../shared");
    if shared.exists() {
        link(&shared, &root.join("shared"));
    }
    link(Path::new(env!("CARGO_BIN_EXE_graph-build")), &bin.join("graph-build"));
    (repo, bin)
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("sandbox folder");
        for entry in std::fs::read_dir(from).expect("a folder to copy") {
            let entry = entry.expect("a folder entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("a file to copy");
    }
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).expect("symbolic link");
}

/// Run one step from `dir`; the failure's description if it fails.
fn run(step: &Step, dir: &Path, bin: &Path) -> Option<String> {
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH");
    let out = Command::new("bash")
        .args(["-o", "pipefail", "-c", &step.command])
        .current_dir(dir)
        .env("PATH", path)
        .env("COLUMNS", "100")
        .stdin(std::process::Stdio::null())
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return Some(format!("{}: cannot run bash: {e}", step.at)),
    };
    if !out.status.success() {
        return Some(format!(
            "{}: `{}` failed ({}):\n{}{}",
            step.at,
            step.command,
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let expected = step.expected.as_deref()?;
    let actual = String::from_utf8_lossy(&out.stdout);
    if normalise(&actual) != normalise(expected) {
        return Some(format!(
            "{}: `{}` printed something else:\n--- documented\n{expected}--- printed\n{actual}",
            step.at, step.command
        ));
    }
    None
}

/// Output as compared: without trailing spaces on each line and trailing blank lines
/// (Markdown editors strip them).
fn normalise(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').to_owned()
}

/// Run the steps of every document that take `route`, documents side by side; the failures.
fn run_documents(local: bool) -> Vec<String> {
    let mut failures = Vec::new();
    let mut work = Vec::new();
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("document is readable");
        let (steps, errors) = steps(&shown(&file), &text);
        failures.extend(errors);
        let wanted = if local { Route::Local } else { Route::Interop };
        let steps: Vec<Step> = steps.into_iter().filter(|s| s.route == wanted).collect();
        if !steps.is_empty() {
            work.push((file, steps));
        }
    }
    let results: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = work
            .iter()
            .map(|(file, steps)| {
                scope.spawn(move || {
                    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
                    let (repo, bin) = sandbox(stem);
                    let dir = if local { repo } else { common::repo().to_path_buf() };
                    steps.iter().filter_map(|s| run_or_skip(s, &dir, &bin)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a document's thread")).collect()
    });
    failures.extend(results.into_iter().flatten());
    failures
}

/// `cargo test` is the step of `.ci/run` before the interop suite: check it is there rather
/// than run the test suite from inside itself.
fn run_or_skip(step: &Step, dir: &Path, bin: &Path) -> Option<String> {
    if without_comments(&step.command).trim() == "cargo test" {
        let ci = std::fs::read_to_string(common::repo().join(".ci/run")).unwrap_or_default();
        let lines: Vec<&str> = ci.lines().map(str::trim).collect();
        let test = lines.iter().position(|l| *l == "cargo test");
        let interop = lines.iter().position(|l| *l == "tests/interop/run.sh");
        return match (test, interop) {
            (Some(t), Some(i)) if t < i => None,
            _ => Some(format!("{}: `cargo test` is not run by .ci/run before the interop suite", step.at)),
        };
    }
    run(step, dir, bin)
}

#[test]
fn documented_commands_run_and_print_what_is_shown() {
    let failures = run_documents(true);
    assert!(failures.is_empty(), "{} documentation problem(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Run by `tests/interop/run.sh`: the documented commands that need cargo or the interop
/// suite's tools.
#[test]
#[ignore = "run by tests/interop/run.sh"]
fn interop_commands_run() {
    let failures = run_documents(false);
    assert!(failures.is_empty(), "{} documentation problem(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn the_convention_is_enforced() {
    let doc = "\
intro

```sh
graph-build a.txt | head -n 3   # the sample's first | lines
# only a comment
graph-build query 'SELECT ?x
  WHERE { ?x ?y ?z }' b.txt 2>&1
cargo run --release -- x
```

<!-- not run: needs a GUI -->
```sh
gephi day.gexf
```

```console
$ graph-build --version
graph-build 0.1.0
$ echo a; echo b
a
b
```

```sh
neo4j-admin database import full
```

```
untagged
```
";
    let (steps, errors) = steps("t.md", doc);
    let commands: Vec<(&str, &str, &Route)> =
        steps.iter().map(|s| (s.at.as_str(), s.command.as_str(), &s.route)).collect();
    assert_eq!(commands[0], ("t.md:4", "graph-build a.txt | head -n 3   # the sample's first | lines", &Route::Local));
    assert_eq!(commands[1].1, "graph-build query 'SELECT ?x\n  WHERE { ?x ?y ?z }' b.txt 2>&1");
    assert_eq!(commands[2].2, &Route::Interop);
    assert_eq!(commands[3].2, &Route::NotRun("needs a GUI".into()));
    assert_eq!(steps[4].expected.as_deref(), Some("graph-build 0.1.0\n"));
    assert_eq!(steps[5].expected.as_deref(), Some("a\nb\n"));
    assert_eq!(steps.len(), 7);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("t.md:28: a code block without a language"), "{errors:?}");
    assert!(errors[1].starts_with("t.md:25: `neo4j-admin` cannot run under cargo test"), "{errors:?}");
    assert_eq!(
        programs("A=1 graph-build x 2>&1 | grep -c y && cat z; (ls) # | not"),
        ["graph-build", "grep", "cat", "ls"]
    );
}

#[test]
fn ontology_reference_is_generated_from_the_ontology() {
    let ttl = std::fs::read_to_string(common::repo().join("ontology/newsgraph.ttl")).expect("the ontology");
    let expected = ontology_doc::render(&ttl).expect("the ontology parses");
    let actual = std::fs::read_to_string(common::repo().join("docs/ontology.md")).unwrap_or_default();
    assert!(actual == expected, "docs/ontology.md is stale: run `cargo run --example ontology_doc > docs/ontology.md`");
    // Every class and property of the ontology is in it.
    for line in ttl.lines() {
        if let Some(term) = line.strip_prefix("ng:").and_then(|l| l.split_whitespace().next()) {
            assert!(actual.contains(&format!("| `ng:{term}` |")), "ng:{term} is missing from docs/ontology.md");
        }
    }
}

#[test]
fn cli_reference_shows_every_command_help() {
    let help = common::graph_build().arg("--help").output().expect("graph-build runs");
    let help = String::from_utf8(help.stdout).expect("UTF-8");
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.contains(&"query") && commands.contains(&"eval"), "{help}");
    let text = std::fs::read_to_string(common::repo().join("docs/cli.md")).expect("docs/cli.md");
    let (steps, errors) = steps("docs/cli.md", &text);
    assert!(errors.is_empty(), "{errors:?}");
    let shown: Vec<&str> = steps.iter().filter(|s| s.expected.is_some()).map(|s| s.command.as_str()).collect();
    let mut wanted = vec!["graph-build --help".to_owned()];
    wanted.extend(commands.iter().map(|c| format!("graph-build {c} --help")));
    for w in &wanted {
        assert!(shown.contains(&w.as_str()), "docs/cli.md does not show `{w}` with its output");
    }
}
