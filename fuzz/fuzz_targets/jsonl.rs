//! Bytes read as JSON Lines: each record's text to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::as_json_lines("fuzz.jsonl", bytes));
