//! Bytes read as a text file (decoded as the command line does), to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = newsgraph::input::decode(bytes, false) {
        common::through_every_format(&decoded.text);
    }
    // --strict refuses or accepts, never panics.
    let _ = newsgraph::input::decode(bytes, true);
});
