//! Outputs are written to a temporary file and renamed: an error or Ctrl-C leaves no
//! half-written file and keeps an earlier output as it was; a closed pipe ends the run
//! quietly; a missing folder or a full device is named.

use crate::common::{assert_sane, input, run, scratch, Run};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn output_into_a_missing_folder_is_named() {
    let dir = scratch("missing-folder");
    std::fs::copy(input("plain.txt"), dir.join("in.txt")).expect("copy");
    let r = run(&dir, &["-o", "nowhere/out.ttl", "in.txt"], None);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.messages(), ["graph-build: error: nowhere/out.ttl: cannot write: folder 'nowhere' does not exist"]);
    assert_eq!(names(&dir), ["in.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_run_keeps_the_earlier_output_and_leaves_no_temporary() {
    let dir = scratch("failed-run");
    std::fs::copy(input("plain.txt"), dir.join("in.txt")).expect("copy");
    std::fs::write(dir.join("out.nt"), "earlier\n").expect("earlier output");
    std::fs::write(dir.join("previous.json"), "{\"nodes\": [").expect("broken previous graph");
    for format in ["ntriples", "turtle"] {
        let r = run(&dir, &["-f", format, "-o", "out.nt", "--merge", "previous.json", "in.txt"], None);
        assert_eq!(r.code, Some(2), "{format}: {}", r.stderr);
        let messages = r.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("graph-build: error: previous.json: "), "{messages:?}");
        assert_eq!(std::fs::read_to_string(dir.join("out.nt")).expect("output"), "earlier\n");
        assert_eq!(names(&dir), ["in.txt", "out.nt", "previous.json"]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_is_named_and_left_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("full");
    std::fs::copy(input("plain.txt"), dir.join("in.txt")).expect("copy");
    let r = run(&dir, &["-o", "/dev/full", "in.txt"], None);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.messages(), ["graph-build: error: /dev/full: cannot write: No space left on device"]);
    assert!(std::fs::metadata("/dev/full").expect("/dev/full").file_type().is_char_device());
    let r = run(&dir, &["-q", "-o", "/dev/null", "in.txt"], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `graph-build … | head`: the reader goes away, graph-build stops quietly.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let text = std::fs::read_to_string(input("plain.txt")).expect("fixture");
    let many: String =
        (0..400).map(|i| format!("{{\"id\": \"d{i}\", \"text\": {}}}\n", serde_json::json!(text))).collect();
    let dir = scratch("pipe");
    std::fs::write(dir.join("many.jsonl"), many).expect("write");
    for format in ["ntriples", "turtle"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_graph-build"))
            .args(["-j", "2", "-f", format, "many.jsonl"])
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = [0u8; 64];
        child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
        // The read end is closed here: later writes fail with a broken pipe.
        let out = child.wait_with_output().expect("finishes");
        let r =
            Run { code: out.status.code(), stdout: Vec::new(), stderr: String::from_utf8_lossy(&out.stderr).into() };
        assert_sane(&r, &[format]);
        assert_eq!(r.code, Some(0), "{format}: {}", r.stderr);
        assert!(r.messages().is_empty(), "{format}: {}", r.stderr);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Ctrl-C while a file or a folder is being written: exit status 130, one line, and
/// neither the output nor its temporary is left.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_no_output() {
    for (format, target) in [("ntriples", "out.nt"), ("turtle", "out.ttl"), ("csv", "out-csv")] {
        let dir = scratch(&format!("interrupt-{format}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_graph-build"))
            .args(["-f", format, "-o", target, "-"])
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Standard input stays open: the run waits for more text.
        let stdin = child.stdin.take().expect("stdin");
        let started = Instant::now();
        while !names(&dir).iter().any(|n| n.contains(".tmp-")) {
            assert!(started.elapsed() < Duration::from_secs(60), "{format}: no temporary output appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
        let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
        assert!(status.success());
        let out = child.wait_with_output().expect("finishes");
        drop(stdin);
        let r =
            Run { code: out.status.code(), stdout: Vec::new(), stderr: String::from_utf8_lossy(&out.stderr).into() };
        assert_sane(&r, &[format]);
        assert_eq!(r.code, Some(130), "{format}: {}", r.stderr);
        assert_eq!(r.messages(), ["graph-build: interrupted; no output written"]);
        assert!(names(&dir).is_empty(), "{format}: left {:?}", names(&dir));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
