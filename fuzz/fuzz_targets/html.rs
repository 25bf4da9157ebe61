//! Bytes read as an HTML article, to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::as_html("fuzz.html", bytes));
