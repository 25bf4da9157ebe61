//! Messages on stderr: one line per problem, `graph-build: error: NAME: problem`, counted
//! so the run can end with the number of skipped documents and the right exit code. The
//! progress bar, when shown, is suspended while a line is printed.

use indicatif::ProgressBar;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct Reporter {
    skipped: AtomicUsize,
    bar: Mutex<Option<ProgressBar>>,
}

impl Reporter {
    pub fn set_bar(&self, bar: Option<ProgressBar>) {
        if let Ok(mut b) = self.bar.lock() {
            *b = bar;
        }
    }

    fn print(&self, line: String) {
        let bar = self.bar.lock().ok().and_then(|b| b.clone());
        match bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// A document or input that is skipped.
    pub fn skip(&self, name: &str, problem: impl std::fmt::Display) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
        self.print(format!("graph-build: error: {name}: {problem}"));
    }

    /// A problem that does not stop the document.
    pub fn warn(&self, name: &str, problem: impl std::fmt::Display) {
        self.print(format!("graph-build: warning: {name}: {problem}"));
    }

    pub fn skipped(&self) -> usize {
        self.skipped.load(Ordering::Relaxed)
    }
}

/// The reason of an I/O error, in words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let s = e.to_string();
            // Drop the "(os error N)" tail.
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}
