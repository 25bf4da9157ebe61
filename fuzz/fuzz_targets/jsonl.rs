//! Bytes read as JSON Lines: each record's text to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for (_, record) in newsgraph::input::json_lines(&text) {
        if let Ok(record) = record {
            common::through_every_format(&record.text);
        }
    }
});
