//! Input documents from bytes: plain text, HTML articles and JSON Lines.
//!
//! Contract: pure functions, no I/O. [`decode`] turns bytes into text (UTF-8 with or
//! without a byte-order mark, UTF-16 with a byte-order mark); invalid UTF-8 is decoded
//! lossily with a warning that names the first bad byte, or rejected when strict; binary
//! data (a NUL byte in UTF-8 text) and empty input are errors. [`html_document`] takes the
//! text of an HTML article with a spec-compliant HTML tokenizer (html5gum), dropping
//! scripts, styles and navigation, keeping headings and paragraphs as lines, and reads its
//! title, canonical URL and publication date. [`json_lines`] reads one article per line:
//! `{"text": ..., "id"?, "url"?, "title"?, "date"?}`.

use crate::error::{Error, ErrorKind, Result};
use crate::text::date::Date;

/// A document ready for the pipeline, with its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    /// The name in provenance: its URL, id, or path.
    pub name: String,
    pub text: String,
    /// Publication date from metadata.
    pub date: Option<Date>,
    pub title: Option<String>,
}

/// How an input's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    Text,
    Html,
    JsonLines,
}

impl InputFormat {
    /// The format of a file by its extension (`.html`/`.htm`, `.jsonl`/`.ndjson`, anything
    /// else is text).
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            Some("jsonl" | "ndjson") => InputFormat::JsonLines,
            _ => InputFormat::Text,
        }
    }

    /// Guess the format of unnamed input (standard input) from its start.
    pub fn sniff(text: &str) -> Self {
        let head = text.trim_start();
        let lower: String = head.chars().take(64).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            InputFormat::Html
        } else if head.starts_with('{')
            && head.lines().next().is_some_and(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
        {
            InputFormat::JsonLines
        } else {
            InputFormat::Text
        }
    }
}

/// Decoded text, and a warning when bytes had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decode bytes as text (see the module contract). Errors are
/// [`ErrorKind::Input`](crate::ErrorKind::Input) with a message fit for
/// `graph-build: error: FILE: <message>`.
pub fn decode(bytes: &[u8], strict: bool) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Input, "empty file, nothing to extract"));
    }
    // UTF-16 with a byte-order mark.
    if let Some(units) = utf16(bytes) {
        let text = char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect::<String>();
        let bad = text.contains('\u{FFFD}');
        if bad && strict {
            return Err(Error::new(ErrorKind::Input, "invalid UTF-16"));
        }
        let warning = bad.then(|| "invalid UTF-16 replaced by U+FFFD".to_owned());
        return Ok(Decoded { text, warning });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Found by `memchr`, which reads many bytes a step: a byte-by-byte scan of every
    // document's first 8 KiB cost more than its JSON Lines record's parsing.
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(Error::new(ErrorKind::Input, "binary file (NUL bytes), not text"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_owned(), warning: None }),
        Err(e) if strict => {
            Err(Error::new(ErrorKind::Input, format!("invalid UTF-8 at byte {} (--strict)", e.valid_up_to())))
        }
        Err(e) => Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warning: Some(format!("invalid UTF-8 at byte {}, decoded with replacement characters", e.valid_up_to())),
        }),
    }
}

fn utf16(bytes: &[u8]) -> Option<impl Iterator<Item = u16> + '_> {
    let le = bytes.starts_with(&[0xFF, 0xFE]);
    let be = bytes.starts_with(&[0xFE, 0xFF]);
    if !(le || be) {
        return None;
    }
    Some(bytes[2..].chunks(2).map(move |c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    }))
}

/// The text and metadata of an HTML article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
}

/// Elements whose content is not article text.
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"nav",
    b"header",
    b"footer",
    b"aside",
    b"form",
    b"svg",
    b"button",
    b"iframe",
    b"select",
    b"head",
    b"menu",
    b"figure",
    b"object",
];
/// Elements that start a new line.
const BLOCKS: &[&[u8]] = &[
    b"p",
    b"div",
    b"br",
    b"li",
    b"ul",
    b"ol",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"tr",
    b"table",
    b"article",
    b"section",
    b"blockquote",
    b"pre",
    b"dd",
    b"dt",
    b"main",
    b"hr",
    b"title",
    b"body",
];

fn attr<'a>(tag: &'a html5gum::StartTag, name: &[u8]) -> Option<&'a str> {
    tag.attributes.iter().find(|(k, _)| k.as_slice() == name).and_then(|(_, v)| std::str::from_utf8(v).ok())
}

/// Extract the article text of an HTML page (see the module contract).
pub fn html_document(html: &str) -> HtmlDocument {
    use html5gum::{emitters::default::DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut out = HtmlDocument::default();
    let mut text = String::with_capacity(html.len() / 2);
    let mut skip_depth = 0usize;
    let mut skip_tag: Vec<Vec<u8>> = Vec::new();
    let mut in_title = false;
    let mut title = String::new();
    let mut in_heading = false;
    let mut first_h1: Option<String> = None;
    let mut heading = String::new();
    let newline = |text: &mut String| {
        let trimmed = text.trim_end_matches([' ', '\t']).len();
        text.truncate(trimmed);
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    };
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                match name.as_slice() {
                    b"meta" => {
                        let key =
                            attr(&tag, b"property").or_else(|| attr(&tag, b"name")).or_else(|| attr(&tag, b"itemprop"));
                        if let (Some(k), Some(v)) = (key, attr(&tag, b"content")) {
                            let k = k.to_ascii_lowercase();
                            if out.date.is_none()
                                && matches!(
                                    k.as_str(),
                                    "article:published_time" | "date" | "datepublished" | "pubdate" | "dc.date"
                                )
                            {
                                out.date = v.get(..10).and_then(Date::parse_iso);
                            }
                            if out.url.is_none() && k == "og:url" {
                                out.url = Some(v.to_owned());
                            }
                        }
                    }
                    b"link" if attr(&tag, b"rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        out.url = attr(&tag, b"href").map(str::to_owned);
                    }
                    b"time" if out.date.is_none() => {
                        out.date = attr(&tag, b"datetime").and_then(|v| v.get(..10)).and_then(Date::parse_iso);
                    }
                    _ => {}
                }
                if SKIPPED.contains(&name.as_slice()) && !tag.self_closing {
                    skip_depth += 1;
                    skip_tag.push(name.clone());
                }
                if name == b"title" {
                    in_title = true;
                }
                if skip_depth == 0 && BLOCKS.contains(&name.as_slice()) {
                    newline(&mut text);
                    if name == b"li" {
                        text.push_str("- ");
                    }
                    if name.len() == 2 && name[0] == b'h' && name[1].is_ascii_digit() {
                        in_heading = true;
                        heading.clear();
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice().to_ascii_lowercase();
                if skip_tag.last().is_some_and(|t| *t == name) {
                    skip_tag.pop();
                    skip_depth = skip_depth.saturating_sub(1);
                }
                if name == b"title" {
                    in_title = false;
                }
                if skip_depth == 0 && BLOCKS.contains(&name.as_slice()) {
                    if in_heading && name.len() == 2 && name[0] == b'h' {
                        in_heading = false;
                        if name == b"h1" && first_h1.is_none() {
                            first_h1 = Some(heading.trim().to_owned());
                        }
                    }
                    newline(&mut text);
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s);
                if in_title {
                    title.push_str(&s);
                }
                if skip_depth == 0 {
                    // Collapse whitespace as a browser does.
                    let mut space = text.ends_with([' ', '\n']) || text.is_empty();
                    for c in s.chars() {
                        if c.is_whitespace() {
                            if !space {
                                text.push(' ');
                                space = true;
                            }
                        } else {
                            text.push(c);
                            space = false;
                            if in_heading {
                                heading.push(c);
                            }
                        }
                    }
                    if in_heading && s.ends_with(char::is_whitespace) {
                        heading.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    out.title = (!title.is_empty()).then_some(title).or(first_h1);
    // One blank line between blocks, so paragraphs stay apart.
    out.text = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n");
    out.text.push('\n');
    out
}

/// One record of a JSON Lines file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonRecord {
    pub text: String,
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
}

/// The records of a JSON Lines text: for each non-blank line, its 1-based number and the
/// record or an error message.
pub fn json_lines(text: &str) -> impl Iterator<Item = (usize, std::result::Result<JsonRecord, String>)> + '_ {
    lines(text).enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, line)| (i + 1, json_record(line)))
}

/// [`str::lines`], each line feed found by `memchr`, many bytes a step: a record is a whole
/// article, and the command line hands its records over one line at a time.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match memchr::memchr(b'\n', t.as_bytes()) {
            Some(i) => {
                rest = Some(&t[i + 1..]);
                Some(t[..i].strip_suffix('\r').unwrap_or(&t[..i]))
            }
            None => {
                rest = None;
                (!t.is_empty()).then_some(t)
            }
        }
    })
}

fn json_record(line: &str) -> std::result::Result<JsonRecord, String> {
    if let Some(f) = typed_fields(line) {
        if let Some(text) = f.text {
            let field = |x: Option<Field>| x.map(Field::into_string);
            return record(text, field(f.id), field(f.url), field(f.title), field(f.date));
        }
    }
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    let obj = v.as_object().ok_or("expected a JSON object with a \"text\" field")?;
    let text = obj.get("text").and_then(|t| t.as_str()).ok_or("no \"text\" string field")?.to_owned();
    let field =
        |k: &str| obj.get(k).and_then(|x| x.as_str().map(str::to_owned).or_else(|| x.as_i64().map(|n| n.to_string())));
    record(text, field("id"), field("url"), field("title"), field("date"))
}

/// A record of its text and fields, its date read.
fn record(
    text: String,
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
) -> std::result::Result<JsonRecord, String> {
    let date = match date {
        Some(d) => Some(
            Date::parse_iso(d.get(..10).unwrap_or(&d)).ok_or(format!("invalid \"date\" '{d}': expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    Ok(JsonRecord { text, id, url, title, date })
}

/// A record's fields read straight into their types, rather than into a
/// `serde_json::Value` and its map, then copied. Only a record of the usual shape is read
/// so: an object of the five fields, each a string or an integer in `i64` (or `null`),
/// each once. Anything else (another field, whose value only the general path checks as
/// it does; a key given twice, where the general path takes the last; another type; an
/// error) gives `None`, and the record is read the general way, which also words its
/// errors.
fn typed_fields(line: &str) -> Option<TypedFields> {
    // A JSON array would be read as the fields in order.
    if !line.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') {
        return None;
    }
    serde_json::from_str(line).ok()
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedFields {
    text: Option<String>,
    id: Option<Field>,
    url: Option<Field>,
    title: Option<Field>,
    date: Option<Field>,
}

/// A field's value as the general path takes it: a string, or an integer that fits in
/// `i64` (as `serde_json::Value::as_i64` gives it), written in decimal.
enum Field {
    Text(String),
    Integer(i64),
}

impl Field {
    fn into_string(self) -> String {
        match self {
            Field::Text(s) => s,
            Field::Integer(n) => n.to_string(),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Field;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Field, E> {
                Ok(Field::Text(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> std::result::Result<Field, E> {
                Ok(Field::Text(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Field, E> {
                Ok(Field::Integer(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Field, E> {
                i64::try_from(v).map(Field::Integer).map_err(|_| E::custom("beyond i64"))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonRecord {
    /// The document this record is: named by its URL, else its id, else `FILE:LINE`; its
    /// title, when given and not already the text's first line, opens the text.
    pub fn into_document(self, file: &str, line: usize) -> SourceDocument {
        let name = self.url.clone().or_else(|| self.id.clone()).unwrap_or_else(|| format!("{file}:{line}"));
        let text = match &self.title {
            Some(t) if !self.text.trim_start().starts_with(t.trim()) => format!("{}\n\n{}", t.trim(), self.text),
            _ => self.text,
        };
        SourceDocument { name, text, date: self.date, title: self.title }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_str_lines() {
        for t in ["", "\n", "a", "a\n", "a\r\n", "a\r", "\r\n\r\n", "a\n\nb", "a\r\rb\r\n\r", "\n\na", "é\r\nü"] {
            assert_eq!(lines(t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"plain", false).map(|d| d.text), Ok("plain".to_owned()));
        assert_eq!(decode(b"\xEF\xBB\xBFbom", false).map(|d| d.text), Ok("bom".to_owned()));
        let utf16le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Kyiv".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16le, false).map(|d| d.text), Ok("Kyiv".to_owned()));
        let bad = decode(b"ab\xFFcd", false).expect("lossy");
        assert_eq!(bad.text, "ab\u{FFFD}cd");
        assert_eq!(bad.warning.as_deref(), Some("invalid UTF-8 at byte 2, decoded with replacement characters"));
        assert_eq!(
            decode(b"ab\xFFcd", true).map_err(|e| e.to_string()),
            Err("invalid UTF-8 at byte 2 (--strict)".into())
        );
        assert!(decode(b"\x00\x01binary", false).is_err());
        assert!(decode(b"", false).is_err());
    }

    #[test]
    fn html_text_and_metadata() {
        let html = r#"<!doctype html><html><head><title>Strikes on Kyiv</title>
            <meta property="article:published_time" content="2024-11-08T10:00:00Z">
            <link rel="canonical" href="https://example.org/kyiv"><script>var x = "Putin";</script></head>
            <body><nav><a href="/">Home</a> <a>World</a></nav><h1>Strikes on Kyiv</h1>
            <p>Russian forces attacked <b>Kyiv</b>,
               officials said.</p><ul><li>Two people died.</li></ul><footer>© News</footer></body></html>"#;
        let d = html_document(html);
        assert_eq!(d.text, "Strikes on Kyiv\n\nRussian forces attacked Kyiv, officials said.\n\n- Two people died.\n");
        assert_eq!(d.title.as_deref(), Some("Strikes on Kyiv"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/kyiv"));
        assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2024-11-08"));
    }

    /// The general path alone, as `json_record` was before the typed fields.
    fn general_record(line: &str) -> std::result::Result<JsonRecord, String> {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
        let obj = v.as_object().ok_or("expected a JSON object with a \"text\" field")?;
        let text = obj.get("text").and_then(|t| t.as_str()).ok_or("no \"text\" string field")?.to_owned();
        let field = |k: &str| {
            obj.get(k).and_then(|x| x.as_str().map(str::to_owned).or_else(|| x.as_i64().map(|n| n.to_string())))
        };
        record(text, field("id"), field("url"), field("title"), field("date"))
    }

    #[test]
    fn typed_fields_as_general() {
        let lines = [
            r#"{"id": "a1", "text": "Kyiv.\nLviv \u00e9 \"q\""}"#,
            r#"{"text": "x", "id": 17, "url": "https://e.org/a", "title": "T", "date": "2024-11-08T10:00Z"}"#,
            r#"  {"text": "x", "id": -3, "date": 20241108}"#,
            r#"{"text": "x", "id": 18446744073709551615}"#,
            r#"{"text": "x", "id": 9223372036854775807, "title": null}"#,
            r#"{"text": "x", "id": 1.5}"#,
            r#"{"text": "x", "id": -0}"#,
            r#"{"text": "x", "id": 1e400}"#,
            r#"{"text": "x", "id": true}"#,
            r#"{"text": "x", "id": ["a"]}"#,
            r#"{"text": "x", "id": {"a": 1}}"#,
            r#"{"text": "x", "id": "a", "id": "b"}"#,
            r#"{"text": "x", "text": "y"}"#,
            r#"{"text": "x", "other": "\ud800"}"#,
            r#"{"text": "x", "other": 1e400}"#,
            r#"{"text": "x", "other": [1, {"b": null}]}"#,
            r#"{"te\u0078t": "x"}"#,
            r#"{"text": "\ud800"}"#,
            r#"{"text": 3}"#,
            r#"{"text": null}"#,
            r#"{"title": "x"}"#,
            r#"{}"#,
            r#"["x", "a"]"#,
            r#""x""#,
            r#"{"text": "x"} trailing"#,
            r#"{"text": "x", "date": "2024-13-01"}"#,
            r#"{"text": "x", "date": "soon"}"#,
            "not json",
            "{\"text\": \"a\tb\"}",
        ];
        for line in lines {
            assert_eq!(json_record(line), general_record(line), "{line}");
        }
        // The usual shape is read the typed way.
        assert!(typed_fields(lines[0]).is_some() && typed_fields(lines[1]).is_some());
    }

    #[test]
    fn json_lines_records() {
        let text = "{\"text\": \"Russia attacked Kyiv.\", \"id\": \"a1\", \"date\": \"2024-11-08\"}\n\n{\"title\": \"x\"}\nnot json\n";
        let recs: Vec<_> = json_lines(text).collect();
        assert_eq!(recs.len(), 3);
        let (line, first) = &recs[0];
        assert_eq!(*line, 1);
        let doc = first.clone().expect("record").into_document("f.jsonl", 1);
        assert_eq!((doc.name.as_str(), doc.date.map(|d| d.to_string())), ("a1", Some("2024-11-08".to_owned())));
        assert_eq!(recs[1].1, Err("no \"text\" string field".to_owned()));
        assert_eq!(recs[2].0, 4);
        assert!(recs[2].1.as_ref().is_err_and(|e| e.starts_with("not valid JSON")));
    }
}
