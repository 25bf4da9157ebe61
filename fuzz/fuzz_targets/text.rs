//! Bytes read as a text file (decoded as the command line does), to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| common::as_text("fuzz.txt", bytes));
