//! Outputs: standard output, a file, or a folder. Files are written to a temporary file
//! (or folder) beside the target and renamed into place only when everything was written,
//! so an error or an interruption never leaves a half-written output. Temporaries are
//! removed when an output is dropped unfinished (an error) and, on Ctrl-C or SIGTERM, by
//! [`on_interrupt`] before the process exits.

use crate::diagnostics::io_reason;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why writing stopped.
#[derive(Debug)]
pub enum WriteError {
    /// The reader of standard output went away (`graph-build … | head`): stop quietly.
    ClosedPipe,
    Failed(String),
}

impl WriteError {
    pub fn io(target: &str, e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            WriteError::ClosedPipe
        } else {
            WriteError::Failed(format!("{target}: cannot write: {}", io_reason(&e)))
        }
    }
}

/// The folder a path is written in: it must exist.
fn existing_parent(path: &Path) -> Result<PathBuf, String> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if parent.is_dir() {
        Ok(parent)
    } else {
        Err(format!("{}: cannot write: folder '{}' does not exist", path.display(), parent.display()))
    }
}

/// The temporaries being written (files or folders), removed if the process is interrupted.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending(f: impl FnOnce(&mut Vec<PathBuf>)) {
    if let Ok(mut p) = PENDING.lock() {
        f(&mut p);
    }
}

/// On Ctrl-C or SIGTERM: remove the temporaries and exit with status 130 (the usual
/// status of a process stopped by Ctrl-C); outputs already in place stay as they were.
pub fn on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        pending(|paths| {
            for p in paths.drain(..) {
                let _ = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
            }
        });
        eprintln!("graph-build: interrupted; no output written");
        std::process::exit(130);
    });
}

fn temporary_name(path: &Path) -> String {
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.tmp-{}", std::process::id())
}

/// One output stream: standard output or a file.
pub struct Output {
    target: String,
    writer: Box<dyn Write>,
    /// (temporary, final) paths of a file output.
    paths: Option<(PathBuf, PathBuf)>,
    committed: bool,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Self, String> {
        let Some(path) = path else {
            return Ok(Output::new("standard output".into(), Box::new(std::io::stdout()), None));
        };
        if path.is_dir() {
            return Err(format!("{}: cannot write: it is a folder", path.display()));
        }
        // A device or a named pipe (/dev/null, /dev/stdout, a FIFO) is written directly:
        // it cannot be replaced by a rename, and holds nothing to protect.
        if path.metadata().is_ok_and(|m| !m.is_file()) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
            return Ok(Output::new(path.display().to_string(), Box::new(file), None));
        }
        let tmp = existing_parent(path)?.join(temporary_name(path));
        let file = File::create(&tmp).map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
        pending(|p| p.push(tmp.clone()));
        Ok(Output::new(path.display().to_string(), Box::new(file), Some((tmp, path.to_path_buf()))))
    }

    fn new(target: String, writer: Box<dyn Write>, paths: Option<(PathBuf, PathBuf)>) -> Self {
        Output { target, writer: Box::new(BufWriter::with_capacity(1 << 16, writer)), paths, committed: false }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut *self.writer
    }

    pub fn target(&self) -> &str {
        &self.target
    }

    /// Finish: flush, and move a file into place.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let target = self.target.clone();
        self.writer.flush().map_err(|e| WriteError::io(&target, e))?;
        if let Some((tmp, path)) = &self.paths {
            std::fs::rename(tmp, path).map_err(|e| WriteError::io(&target, e))?;
            pending(|p| p.retain(|x| x != tmp));
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let (false, Some((tmp, _))) = (self.committed, &self.paths) {
            let _ = std::fs::remove_file(tmp);
            pending(|p| p.retain(|x| x != tmp));
        }
    }
}

/// A folder of output files, written in a temporary folder beside the target.
pub struct FolderOutput {
    dir: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl FolderOutput {
    pub fn open(dir: &Path) -> Result<Self, String> {
        let shown = dir.display();
        if dir.is_file() {
            return Err(format!("{shown}: cannot write: it is a file, not a folder"));
        }
        let tmp = existing_parent(dir)?.join(temporary_name(dir));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir(&tmp).map_err(|e| format!("{shown}: cannot write: {}", io_reason(&e)))?;
        pending(|p| p.push(tmp.clone()));
        Ok(FolderOutput { dir: dir.to_path_buf(), tmp, committed: false })
    }

    pub fn target(&self) -> String {
        self.dir.display().to_string()
    }

    /// The temporary folder the files are written in until the commit.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// A new file in the folder.
    pub fn create(&self, name: &str) -> Result<BufWriter<File>, String> {
        File::create(self.tmp.join(name))
            .map(|f| BufWriter::with_capacity(1 << 16, f))
            .map_err(|e| format!("{}: cannot write: {}", self.dir.display(), io_reason(&e)))
    }

    /// Write a whole file (optionally executable).
    pub fn write(&self, name: &str, contents: &[u8], executable: bool) -> Result<(), String> {
        let path = self.tmp.join(name);
        let fail = |e: std::io::Error| format!("{}: cannot write: {}", self.dir.display(), io_reason(&e));
        std::fs::write(&path, contents).map_err(fail)?;
        #[cfg(unix)]
        if executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).map_err(fail)?;
        }
        #[cfg(not(unix))]
        let _ = executable;
        Ok(())
    }

    /// Move the files into the target folder (created when missing); other files there
    /// are left alone.
    pub fn commit(mut self) -> Result<(), String> {
        let fail = |e: std::io::Error| format!("{}: cannot write: {}", self.dir.display(), io_reason(&e));
        if !self.dir.exists() {
            std::fs::rename(&self.tmp, &self.dir).map_err(fail)?;
        } else {
            let names: Vec<PathBuf> =
                std::fs::read_dir(&self.tmp).map_err(fail)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
            for from in names {
                if let Some(name) = from.file_name() {
                    std::fs::rename(&from, self.dir.join(name)).map_err(fail)?;
                }
            }
            let _ = std::fs::remove_dir(&self.tmp);
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for FolderOutput {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
        pending(|p| p.retain(|x| x != &self.tmp));
    }
}
