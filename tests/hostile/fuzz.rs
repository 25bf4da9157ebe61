//! The inputs fuzzing kept (`tests/hostile/fuzz/`, see `fuzz/README.md`): each goes
//! through exactly what the fuzz targets drive (their shared module), as a text file, as
//! HTML and as JSON Lines, from bytes to every export format.

use crate::targets;
use std::path::Path;

#[test]
fn fuzz_findings_go_through_the_whole_pipeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/hostile/fuzz") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        seen += 1;
        targets::as_text(&name, &bytes);
        targets::as_html(&name, &bytes);
        targets::as_json_lines(&name, &bytes);
    }
    assert!(seen >= 10, "only {seen} inputs in {}", dir.display());
}
