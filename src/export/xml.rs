//! The one XML escaper, and a small element writer over quick-xml, for every XML format
//! (GraphML, GEXF; RDF/XML goes through oxrdfxml, whose literals [`portable_text`]
//! prepares).
//!
//! Contract:
//! - XML 1.0 cannot carry some characters at all, not even as character references: the
//!   C0 controls other than tab, line feed and carriage return (U+0000–U+0008, U+000B,
//!   U+000C, U+000E–U+001F) and the noncharacters U+FFFE and U+FFFF. This module is the
//!   one place that decides what happens to them: each becomes U+FFFD REPLACEMENT
//!   CHARACTER, so a document never fails to parse because of its input text.
//! - [`escape_text`] and [`escape_attr`] escape `&`, `<`, `>` (and `"`, `'` in attributes),
//!   and write carriage returns (and, in attributes, tabs and line feeds) as character
//!   references, so that the XML parser's end-of-line and attribute-value normalisation
//!   gives back exactly the original string.
//! - [`portable_text`] is for writers that escape on their own (oxrdfxml): it replaces the
//!   forbidden characters and applies XML's end-of-line normalisation (`\r\n` and `\r`
//!   become `\n`) up front, so what an XML parser reads back is the string written.

use super::export_error;
use crate::error::Result;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use std::borrow::Cow;
use std::io::Write;

/// Whether XML 1.0 can carry `c` (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// `s` with every character XML 1.0 cannot carry replaced by U+FFFD.
pub fn sanitise(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if is_xml_char(c) { c } else { char::REPLACEMENT_CHARACTER }).collect())
}

/// `s` as an XML parser reads it back from any XML syntax: forbidden characters replaced,
/// line ends normalised to `\n`.
pub fn portable_text(s: &str) -> Cow<'_, str> {
    if !needs_portable(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let s = sanitise(s);
    if !s.contains('\r') {
        return s;
    }
    Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Whether [`portable_text`] may change a text of these bytes: whether a control
/// character but tab and line feed, or 0xEF (the lead byte of U+FFFE and U+FFFF, the only
/// other characters XML 1.0 forbids), is among them. Text without, the common case, is its
/// own portable text.
pub(crate) fn needs_portable(bytes: &[u8]) -> bool {
    any_byte(bytes, |b| ((b < 0x20) & (b != b'\t') & (b != b'\n')) | (b == 0xEF))
}

/// Whether any byte of `bytes` is `special`: checked 16 bytes at a time without branching
/// inside a block, which the compiler turns into vector instructions when `special`
/// itself does not branch (combine its tests with `|` and `&`, not `||` and `&&`).
pub(crate) fn any_byte(bytes: &[u8], special: impl Fn(u8) -> bool) -> bool {
    let (mut blocks, rest) = blocks(bytes);
    blocks.any(|block| any_in_block(block, &special))
        || (!rest.is_empty() && any_in_block(&last_block(bytes), &special))
}

/// The index of the first byte of `bytes` from `from` on that is `special` (see
/// [`any_byte`]): blocks of 16 bytes are passed over whole, the one with the byte is
/// searched.
pub(crate) fn find_byte(bytes: &[u8], from: usize, special: impl Fn(u8) -> bool) -> Option<usize> {
    let tail = bytes.get(from..)?;
    let (blocks, rest) = blocks(tail);
    let mut at = from;
    for block in blocks {
        if any_in_block(block, &special) {
            return block.iter().position(|&b| special(b)).map(|i| at + i);
        }
        at += 16;
    }
    if rest.is_empty() || !any_in_block(&last_block(tail), &special) {
        return None;
    }
    rest.iter().position(|&b| special(b)).map(|i| at + i)
}

/// `bytes` as whole blocks of 16 bytes, and the bytes left after them.
fn blocks(bytes: &[u8]) -> (impl Iterator<Item = &[u8; 16]>, &[u8]) {
    let blocks = bytes.chunks_exact(16);
    let rest = blocks.remainder();
    (blocks.filter_map(|block| block.first_chunk::<16>()), rest)
}

fn any_in_block(block: &[u8; 16], special: impl Fn(u8) -> bool) -> bool {
    block.iter().fold(0u8, |found, &b| found | u8::from(special(b))) != 0
}

/// A block holding the last bytes of `bytes` (at least one): its last 16 bytes, or, when
/// it is shorter, all of its bytes, some of them twice (which changes no test of "any").
fn last_block(bytes: &[u8]) -> [u8; 16] {
    if let Some(last) = bytes.last_chunk::<16>() {
        return *last;
    }
    let n = bytes.len();
    let mut block = [bytes[0]; 16];
    if n >= 8 {
        block[..8].copy_from_slice(&bytes[..8]);
        block[8..].copy_from_slice(&bytes[n - 8..]);
    } else if n >= 4 {
        block[..4].copy_from_slice(&bytes[..4]);
        block[4..8].copy_from_slice(&bytes[n - 4..]);
    } else {
        block[1] = bytes[n / 2];
        block[2] = bytes[n - 1];
    }
    block
}

fn escape(s: &str, attribute: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r') || (attribute && matches!(c, '"' | '\'' | '\t' | '\n')) || !is_xml_char(c)
    };
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            c if !is_xml_char(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escape character data (element content).
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escape an attribute value (to be written between double quotes).
pub fn escape_attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Writes XML elements through quick-xml, escaping every name-value through this module.
/// Element and attribute names are the caller's constants.
pub struct XmlWriter<W: Write> {
    inner: quick_xml::Writer<W>,
}

fn start<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        let value: Vec<u8> = escape_attr(v).into_owned().into_bytes();
        e.push_attribute(Attribute { key: QName(k.as_bytes()), value: Cow::Owned(value) });
    }
    e
}

impl<W: Write> XmlWriter<W> {
    /// A writer indenting nested elements by two spaces, after the XML declaration.
    pub fn new(out: W) -> Result<Self> {
        let mut inner = quick_xml::Writer::new_with_indent(out, b' ', 2);
        inner.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).map_err(export_error)?;
        Ok(XmlWriter { inner })
    }

    /// `<name a="v" ...>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.inner.write_event(Event::Start(start(name, attrs))).map_err(export_error)
    }

    /// `<name a="v" .../>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.inner.write_event(Event::Empty(start(name, attrs))).map_err(export_error)
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> Result<()> {
        self.inner.write_event(Event::End(BytesEnd::new(name))).map_err(export_error)
    }

    /// `<name a="v" ...>text</name>`
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
        self.inner.write_event(Event::Start(start(name, attrs))).map_err(export_error)?;
        let escaped = escape_text(text);
        self.inner.write_event(Event::Text(BytesText::from_escaped(escaped))).map_err(export_error)?;
        self.inner.write_event(Event::End(BytesEnd::new(name))).map_err(export_error)
    }

    /// Finish the document with a line end and give back the writer.
    pub fn finish(self) -> Result<W> {
        let mut out = self.inner.into_inner();
        out.write_all(b"\n")?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let cases: &[(&str, &str, &str)] = &[
            ("plain", "plain", "plain"),
            ("a<b>&c", "a&lt;b&gt;&amp;c", "a&lt;b&gt;&amp;c"),
            ("say \"hi\" 'x'", "say \"hi\" 'x'", "say &quot;hi&quot; &apos;x&apos;"),
            ("l1\nl2\tx\r\n", "l1\nl2\tx&#13;\n", "l1&#10;l2&#9;x&#13;&#10;"),
            ("nul\u{0}bell\u{7}\u{FFFE}", "nul\u{FFFD}bell\u{FFFD}\u{FFFD}", "nul\u{FFFD}bell\u{FFFD}\u{FFFD}"),
            ("emoji 🚀 שלום", "emoji 🚀 שלום", "emoji 🚀 שלום"),
        ];
        for (input, text, attr) in cases {
            assert_eq!(escape_text(input), *text, "text {input:?}");
            assert_eq!(escape_attr(input), *attr, "attr {input:?}");
        }
    }

    /// Every length around the block size, with the byte sought at every place or nowhere,
    /// searched from every place: the same answers as a byte-by-byte search.
    #[test]
    fn any_and_find_byte_agree_with_a_plain_search() {
        for n in 0..50 {
            for at in (0..n).map(Some).chain([None]) {
                let mut bytes = vec![b'a'; n];
                if let Some(at) = at {
                    bytes[at] = b'"';
                }
                let special = |b: u8| b == b'"';
                assert_eq!(any_byte(&bytes, special), at.is_some(), "{n} {at:?}");
                for from in 0..=n {
                    let expected = at.filter(|&at| at >= from);
                    assert_eq!(find_byte(&bytes, from, special), expected, "{n} {at:?} {from}");
                }
            }
        }
    }

    #[test]
    fn portable_text_is_what_parsers_read() {
        assert_eq!(portable_text("a\r\nb\rc\u{1}"), "a\nb\nc\u{FFFD}");
        assert!(matches!(portable_text("clean"), Cow::Borrowed(_)));
    }

    #[test]
    fn written_values_read_back_exactly() {
        let value = "x\"'<&>\n\t\r y 🚀";
        let mut w = XmlWriter::new(Vec::new()).unwrap();
        w.open("root", &[("a", value)]).unwrap();
        w.element("t", &[], value).unwrap();
        w.close("root").unwrap();
        let bytes = w.finish().unwrap();
        let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
        let mut buf = Vec::new();
        let (mut attr, mut text) = (None, None);
        loop {
            match reader.read_event_into(&mut buf).unwrap() {
                Event::Start(e) if e.name().as_ref() == b"root" => {
                    let a = e.try_get_attribute("a").unwrap().unwrap();
                    attr = Some(a.unescape_value().unwrap().into_owned());
                }
                Event::Text(t) if text.is_none() && !t.unescape().unwrap().trim().is_empty() => {
                    text = Some(t.unescape().unwrap().into_owned());
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert_eq!(attr.as_deref(), Some(value));
        assert_eq!(text.as_deref(), Some(value));
    }
}
