//! Bytes read as an HTML article, to every format.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = newsgraph::input::decode(bytes, false) {
        let article = newsgraph::input::html_document(&decoded.text);
        common::through_every_format(&article.text);
    }
});
