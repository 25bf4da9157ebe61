//! Shared helpers: running graph-build, scratch folders, the counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub use crate::targets::pipeline;

/// A file of `tests/hostile/inputs/`.
pub fn input(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/inputs").join(name)
}

/// An empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsgraph-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// What a run of graph-build did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    /// The stderr lines other than the summary line.
    pub fn messages(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| !is_summary(l)).collect()
    }

    /// The number of skipped documents the summary line reports.
    pub fn skipped(&self) -> Option<usize> {
        let line = self.stderr.lines().find(|l| is_summary(l))?;
        let n = line.split_once(" (")?.1.split_once(" skipped)")?.0;
        n.parse().ok()
    }
}

fn is_summary(line: &str) -> bool {
    line.starts_with("graph-build: ")
        && (line.contains(" documents (") || line.contains(" document ("))
        && line.contains(" skipped)")
}

/// Run graph-build in `dir` with `args`, feeding `stdin`, and check what every run must
/// do: no panic, no backtrace, every stderr line one `graph-build: ` message.
pub fn run(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_graph-build"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("graph-build runs");
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin");
        let bytes = bytes.to_vec();
        // graph-build may stop reading early (a document over the limit): ignore EPIPE.
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let out = child.wait_with_output().expect("graph-build finishes");
    if let Some(f) = feeder {
        f.join().expect("stdin feeder");
    }
    let run =
        Run { code: out.status.code(), stdout: out.stdout, stderr: String::from_utf8_lossy(&out.stderr).into_owned() };
    assert_sane(&run, args);
    run
}

/// No panic, no internal error, and every stderr line a `graph-build:` message.
pub fn assert_sane(run: &Run, args: &[&str]) {
    for bad in ["panicked", "internal error", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!run.stderr.contains(bad), "graph-build {args:?}: stderr has '{bad}':\n{}", run.stderr);
    }
    for line in run.stderr.lines() {
        assert!(line.starts_with("graph-build: "), "graph-build {args:?}: stray stderr line {line:?}");
    }
    assert!(run.code.is_some(), "graph-build {args:?} was killed by a signal");
}

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

/// The system allocator, counting each thread's allocations and allocated bytes.
pub struct Counting;

fn count(size: usize) {
    // `try_with`: the counters may be gone while a thread shuts down.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + size as u64));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// const-initialised thread locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The allocations and allocated bytes of this thread while `f` runs.
pub fn allocations<T>(f: impl FnOnce() -> T) -> (T, u64, u64) {
    let (n0, b0) = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let value = f();
    (value, ALLOCATIONS.with(Cell::get) - n0, BYTES.with(Cell::get) - b0)
}
