//! Turtle written straight into a byte buffer, statement by statement: the streaming
//! writer's Turtle, as [`super::lines`] is its N-Triples.
//!
//! Contract: the bytes are those oxttl's `LowLevelTurtleSerializer` writes for the same
//! prefixes and statements:
//! - the prefixes are declared before the first statement (none for no statement), the
//!   longest namespace first (then by name), and an IRI is tried against them in that
//!   order;
//! - a statement about the subject of the one before continues it: ` ;`, a new line, a tab
//!   and the predicate and object, or ` , ` and the object when the predicate is the same
//!   too; otherwise ` .` ends the one before and the statement starts a new line;
//! - `a` stands for `rdf:type`; an IRI in a prefix's namespace is written as a prefixed
//!   name when its local part can be one (Turtle's `PN_LOCAL`, with `\` before the
//!   characters that may be escaped), else in angle brackets;
//! - `xsd:integer`, `xsd:decimal`, `xsd:boolean` and `xsd:double` literals whose lexical
//!   form is Turtle's own are written bare; other literals are quoted as in N-Triples,
//!   with `@language` or `^^datatype` (the datatype as any IRI).
//!
//! The statements are those of the default graph: a quad's graph name is ignored.

use super::rdf::Block;
use super::{lines, xml};
use crate::error::Result;
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use rustc_hash::FxHashMap;

/// The state of a Turtle document being written.
#[derive(Debug, Clone)]
pub(crate) struct TurtleLines {
    /// (name, namespace), longest namespace first.
    prefixes: Vec<(String, String)>,
    /// The length and the last 8 bytes (see [`tail`]) of each namespace, in the order of
    /// `prefixes`: compared first, they rule out most namespaces at once.
    keys: Vec<(usize, u64)>,
    /// IRIs written as prefixed names, and their prefixed names: the few IRIs of the
    /// vocabulary come again and again. Each IRI has one place (see [`slot`]), and the last
    /// one there stays.
    prefixed: Vec<(String, Vec<u8>)>,
    /// IRIs written in angle brackets (no prefix fits them): an entity's IRI comes again
    /// in the statements of the facts about it. One place each too.
    bracketed: Vec<String>,
    /// Predicates given as static strings (see [`TurtleLines::continued`]: the few IRIs
    /// of the vocabulary), by address and length, and as written.
    statics: FxHashMap<(usize, usize), Vec<u8>>,
    /// Long literals quoted before.
    quoted: lines::Quoted,
    started: bool,
    /// The subject and predicate of the statement written last, if it is still open.
    open: bool,
    subject: String,
    predicate: String,
}

impl TurtleLines {
    pub(crate) fn new(prefixes: &[(&str, &str)]) -> Self {
        let mut prefixes: Vec<(String, String)> =
            prefixes.iter().map(|&(name, ns)| (name.to_owned(), ns.to_owned())).collect();
        // By name, then (stably) by decreasing namespace length.
        prefixes.sort_by(|a, b| a.0.cmp(&b.0));
        prefixes.sort_by_key(|(_, ns)| std::cmp::Reverse(ns.len()));
        let keys = prefixes.iter().map(|(_, ns)| (ns.len(), tail(ns.as_bytes(), ns.len()))).collect();
        TurtleLines {
            prefixes,
            keys,
            prefixed: vec![(String::new(), Vec::new()); SLOTS],
            bracketed: vec![String::new(); SLOTS],
            statics: FxHashMap::default(),
            quoted: lines::Quoted::default(),
            started: false,
            open: false,
            subject: String::new(),
            predicate: String::new(),
        }
    }

    /// Append one statement.
    pub(crate) fn statement(&mut self, out: &mut Vec<u8>, q: QuadRef<'_>) {
        if !self.started {
            self.started = true;
            for (name, ns) in &self.prefixes {
                out.extend_from_slice(b"@prefix ");
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b": <");
                out.extend_from_slice(ns.as_bytes());
                out.extend_from_slice(b"> .\n");
            }
        }
        let (subject, blank) = match q.subject {
            NamedOrBlankNodeRef::NamedNode(n) => (n.as_str(), false),
            NamedOrBlankNodeRef::BlankNode(b) => (b.as_str(), true),
        };
        // Blank node labels are kept with a prefix no IRI has.
        let same_subject =
            self.open && if blank { self.subject.strip_prefix("_:") == Some(subject) } else { self.subject == subject };
        if same_subject {
            if self.predicate == q.predicate.as_str() {
                out.extend_from_slice(b" , ");
                self.object(out, q.object);
                return;
            }
            out.extend_from_slice(b" ;\n\t");
        } else {
            if self.open {
                out.extend_from_slice(b" .\n");
            }
            self.open = true;
            self.subject.clear();
            if blank {
                self.subject.push_str("_:");
            }
            self.subject.push_str(subject);
            match q.subject {
                NamedOrBlankNodeRef::NamedNode(n) => self.iri(out, n),
                NamedOrBlankNodeRef::BlankNode(b) => blank_node(out, b.as_str()),
            }
            out.push(b' ');
        }
        self.predicate.clear();
        self.predicate.push_str(q.predicate.as_str());
        if q.predicate == rdf::TYPE {
            out.push(b'a');
        } else {
            self.iri(out, q.predicate);
        }
        out.push(b' ');
        self.object(out, q.object);
    }

    /// Start a statement about the subject of the statement written last, which is still
    /// open, with the predicate `p` (the bytes of [`TurtleLines::statement`] up to the
    /// object, without comparing the subjects).
    fn continued(&mut self, out: &mut Vec<u8>, p: &'static str) {
        debug_assert!(self.open, "a statement continues an open one");
        if self.predicate == p {
            out.extend_from_slice(b" , ");
            return;
        }
        out.extend_from_slice(b" ;\n\t");
        self.predicate.clear();
        self.predicate.push_str(p);
        // A static string stays as it is where it is: known by its address and length.
        let key = (p.as_ptr() as usize, p.len());
        if let Some(name) = self.statics.get(&key) {
            out.extend_from_slice(name);
        } else {
            let mark = out.len();
            if p == rdf::TYPE.as_str() {
                out.push(b'a');
            } else {
                self.iri(out, NamedNodeRef::new_unchecked(p));
            }
            self.statics.insert(key, out[mark..].to_vec());
        }
        out.push(b' ');
    }

    /// End the document: close the statement written last.
    pub(crate) fn finish(&mut self, out: &mut Vec<u8>) {
        if self.open {
            out.extend_from_slice(b" .\n");
            self.open = false;
        }
    }

    fn object(&mut self, out: &mut Vec<u8>, o: TermRef<'_>) {
        match o {
            TermRef::NamedNode(n) => self.iri(out, n),
            TermRef::BlankNode(b) => blank_node(out, b.as_str()),
            TermRef::Literal(l) => self.literal(out, l),
            #[allow(unreachable_patterns)]
            _ => out.extend_from_slice(o.to_string().as_bytes()),
        }
    }

    fn literal(&mut self, out: &mut Vec<u8>, l: LiteralRef<'_>) {
        let value = l.value();
        if let Some(lang) = l.language() {
            self.quoted.write(out, value);
            out.push(b'@');
            out.extend_from_slice(lang.as_bytes());
            return;
        }
        let dt = l.datatype();
        if dt == xsd::STRING {
            self.quoted.write(out, value);
            return;
        }
        let bare = match dt {
            xsd::INTEGER => is_integer(value),
            xsd::DECIMAL => is_decimal(value),
            xsd::BOOLEAN => value == "true" || value == "false",
            xsd::DOUBLE => is_double(value),
            _ => false,
        };
        if bare {
            out.extend_from_slice(value.as_bytes());
        } else {
            self.quoted.write(out, value);
            out.extend_from_slice(b"^^");
            self.iri(out, dt);
        }
    }

    fn iri(&mut self, out: &mut Vec<u8>, iri: NamedNodeRef<'_>) {
        let iri = iri.as_str();
        let slot = slot(iri);
        let (known, name) = &self.prefixed[slot];
        if known == iri && !iri.is_empty() {
            out.extend_from_slice(name);
            return;
        }
        // (The empty IRI is not remembered: the empty places hold it.)
        if self.bracketed[slot] != iri || iri.is_empty() {
            if self.prefixed_name(out, iri, slot) {
                return;
            }
            let bracketed = &mut self.bracketed[slot];
            bracketed.clear();
            bracketed.push_str(iri);
        }
        out.push(b'<');
        out.extend_from_slice(iri.as_bytes());
        out.push(b'>');
    }

    /// Append `iri` as a prefixed name, and remember it in its place, if a prefix fits it.
    fn prefixed_name(&mut self, out: &mut Vec<u8>, iri: &str, slot: usize) -> bool {
        for (&(n, t), (name, ns)) in self.keys.iter().zip(&self.prefixes) {
            if n > iri.len() || tail(iri.as_bytes(), n) != t {
                continue;
            }
            let Some(local) = iri.strip_prefix(ns.as_str()) else { continue };
            let mark = out.len();
            out.extend_from_slice(name.as_bytes());
            out.push(b':');
            if local_name(out, local) {
                let (known, name) = &mut self.prefixed[slot];
                known.clear();
                known.push_str(iri);
                name.clear();
                name.extend_from_slice(&out[mark..]);
                return true;
            }
            out.truncate(mark);
        }
        false
    }
}

/// Statements about the IRI `s` appended to `out`: the first as [`TurtleLines::statement`]
/// writes it, the others continuing it.
pub(crate) struct Continued<'a> {
    pub turtle: &'a mut TurtleLines,
    pub out: &'a mut Vec<u8>,
    pub s: NamedNodeRef<'a>,
    /// Whether a statement about `s` was written.
    pub open: bool,
}

impl Continued<'_> {
    /// Write the statement whose predicate is `p` and object `o`.
    fn statement(&mut self, p: &'static str, o: TermRef<'_>) {
        if self.open {
            self.turtle.continued(self.out, p);
            self.turtle.object(self.out, o);
        } else {
            self.open = true;
            let q = QuadRef::new(self.s, NamedNodeRef::new_unchecked(p), o, GraphNameRef::DefaultGraph);
            self.turtle.statement(self.out, q);
        }
    }
}

impl Block for Continued<'_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        self.statement(p, NamedNodeRef::new_unchecked(o).into());
        Ok(())
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        if self.open {
            self.turtle.continued(self.out, p);
            self.turtle.quoted.write(self.out, value);
        } else {
            self.statement(p, LiteralRef::new_simple_literal(value).into());
        }
        Ok(())
    }

    fn portable(&mut self, p: &'static str, text: &str) -> Result<()> {
        if self.open {
            self.turtle.continued(self.out, p);
            self.turtle.quoted.write_portable(self.out, text);
        } else {
            self.statement(p, LiteralRef::new_simple_literal(&xml::portable_text(text)).into());
        }
        Ok(())
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        self.statement(p, LiteralRef::new_typed_literal(value, NamedNodeRef::new_unchecked(dt)).into());
        Ok(())
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        let mut digits = itoa::Buffer::new();
        let value = digits.format(value);
        if self.open {
            // Turtle's own INTEGER: written bare.
            self.turtle.continued(self.out, p);
            self.out.extend_from_slice(value.as_bytes());
        } else {
            self.statement(p, LiteralRef::new_typed_literal(value, xsd::INTEGER).into());
        }
        Ok(())
    }
}

/// The number of places for prefixed names in [`TurtleLines`] (a power of two).
const SLOTS: usize = 1024;

/// The place of an IRI among [`SLOTS`]: from its length and last bytes.
fn slot(iri: &str) -> usize {
    let key = tail(iri.as_bytes(), iri.len()) ^ iri.len() as u64;
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The 8 bytes of `bytes` before `end`, as a number (0 when there are fewer, or fewer
/// than `end` bytes).
fn tail(bytes: &[u8], end: usize) -> u64 {
    bytes.get(..end).and_then(|b| b.last_chunk::<8>()).map_or(0, |t| u64::from_ne_bytes(*t))
}

fn blank_node(out: &mut Vec<u8>, id: &str) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

/// Append `local` as the local part of a prefixed name (Turtle's `PN_LOCAL`, escaping
/// what may be escaped); false, with `out` partly written, when it cannot be one.
fn local_name(out: &mut Vec<u8>, local: &str) -> bool {
    // ASCII letters, digits, '_' and '-' alone: written as they are (unless the first is
    // '-', which cannot start a name but can be escaped).
    let bytes = local.as_bytes();
    if bytes.first().is_some_and(|&b| b != b'-')
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() | (b == b'_') | (b == b'-'))
    {
        out.extend_from_slice(bytes);
        return true;
    }
    let mut chars = local.chars();
    let mut buf = [0u8; 4];
    let Some(first) = chars.next() else { return true };
    if pn_chars_u(first) || first == ':' || first.is_ascii_digit() {
        out.extend_from_slice(first.encode_utf8(&mut buf).as_bytes());
    } else if escapable(first) {
        out.push(b'\\');
        out.extend_from_slice(first.encode_utf8(&mut buf).as_bytes());
    } else {
        return false;
    }
    while let Some(c) = chars.next() {
        if pn_chars(c) || c == ':' || (c == '.' && !chars.as_str().is_empty()) {
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else if escapable(c) {
            out.push(b'\\');
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else {
            return false;
        }
    }
    true
}

/// Turtle's `PN_CHARS_BASE`.
fn pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// Turtle's `PN_CHARS_U`.
fn pn_chars_u(c: char) -> bool {
    pn_chars_base(c) || c == '_'
}

/// Turtle's `PN_CHARS`.
fn pn_chars(c: char) -> bool {
    pn_chars_u(c) || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// The characters a local name may carry escaped with `\`.
fn escapable(c: char) -> bool {
    matches!(
        c,
        '_' | '~'
            | '.'
            | '-'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | '/'
            | '?'
            | '#'
            | '@'
            | '%'
    )
}

/// An optional sign, then what `rest` accepts.
fn signed(value: &str, rest: impl Fn(&[u8]) -> bool) -> bool {
    let v = value.as_bytes();
    rest(v.strip_prefix(b"+").or_else(|| v.strip_prefix(b"-")).unwrap_or(v))
}

fn digits(v: &[u8]) -> usize {
    v.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Turtle's `INTEGER`: `[+-]? [0-9]+`.
fn is_integer(value: &str) -> bool {
    signed(value, |v| !v.is_empty() && digits(v) == v.len())
}

/// Turtle's `DECIMAL`: `[+-]? [0-9]* '.' [0-9]+`.
fn is_decimal(value: &str) -> bool {
    signed(value, |v| {
        let v = &v[digits(v)..];
        v.strip_prefix(b".").is_some_and(|f| !f.is_empty() && digits(f) == f.len())
    })
}

/// Turtle's `DOUBLE`: a mantissa with digits before or after its optional point, then
/// `[eE] [+-]? [0-9]+`.
fn is_double(value: &str) -> bool {
    signed(value, |v| {
        let before = digits(v);
        let mut v = &v[before..];
        let mut after = 0;
        if let Some(f) = v.strip_prefix(b".") {
            after = digits(f);
            v = &f[after..];
        }
        let Some(e) = v.strip_prefix(b"e").or_else(|| v.strip_prefix(b"E")) else { return false };
        let e = e.strip_prefix(b"+").or_else(|| e.strip_prefix(b"-")).unwrap_or(e);
        (before + after > 0) && !e.is_empty() && digits(e) == e.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, GraphName, Literal, NamedNode, Quad, Term};

    fn oxttl(prefixes: &[(&str, &str)], quads: &[Quad]) -> Vec<u8> {
        let mut ser = oxttl::TurtleSerializer::new();
        for (p, ns) in prefixes {
            ser = ser.with_prefix(*p, *ns).expect("a valid prefix");
        }
        let mut ser = ser.low_level();
        let mut out = Vec::new();
        for q in quads {
            ser.serialize_triple(q.as_ref(), &mut out).expect("written");
        }
        ser.finish(&mut out).expect("written");
        out
    }

    fn ours(prefixes: &[(&str, &str)], quads: &[Quad]) -> Vec<u8> {
        let mut t = TurtleLines::new(prefixes);
        let mut out = Vec::new();
        for q in quads {
            t.statement(&mut out, q.as_ref());
        }
        t.finish(&mut out);
        out
    }

    /// Statements continued are those of `statement`: after another subject, and after
    /// statements about the same subject.
    #[test]
    fn continued_is_statements() {
        use crate::export::rdf::{AsQuads, Facts, Reified};
        let prefixes = [("ex", "https://example.org/ns#"), ("xsd", "http://www.w3.org/2001/XMLSchema#")];
        let facts = Facts {
            doc: Some("https://example.org/doc"),
            evidence: "He said \"we will rebuild\" and left.",
            start: 3,
            end: 1017,
            rule: "said",
            confidence: "0.75",
        };
        let reified = Reified {
            subject: "https://example.org/ns#s",
            predicate: "https://example.org/ns#p",
            object: "https://example.org/o",
            role: None,
        };
        let other = Quad::new(
            NamedNode::new_unchecked("https://example.org/other"),
            NamedNode::new_unchecked("https://example.org/ns#p"),
            Literal::new_simple_literal("x"),
            GraphName::DefaultGraph,
        );
        for before in [other.subject.clone(), NamedNode::new_unchecked("https://example.org/a").into()] {
            let a = NamedNode::new_unchecked("https://example.org/a");
            let first = Quad::new(before, other.predicate.clone(), other.object.clone(), GraphName::DefaultGraph);
            let mut expected = Vec::new();
            let mut t = TurtleLines::new(&prefixes);
            t.statement(&mut expected, first.as_ref());
            let mut sink = |q: QuadRef<'_>| {
                t.statement(&mut expected, q);
                Ok(())
            };
            let mut block = AsQuads { sink: &mut sink, g: GraphNameRef::DefaultGraph, s: a.as_ref() };
            reified.write(&mut block).expect("written");
            facts.write(&mut block).expect("written");
            t.finish(&mut expected);
            let mut ours = Vec::new();
            let mut t = TurtleLines::new(&prefixes);
            t.statement(&mut ours, first.as_ref());
            let mut block = Continued { turtle: &mut t, out: &mut ours, s: a.as_ref(), open: false };
            reified.write(&mut block).expect("written");
            facts.write(&mut block).expect("written");
            t.finish(&mut ours);
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&expected));
        }
    }

    /// The same bytes as oxttl for subjects continued or not, prefixed names that can and
    /// cannot be, escaped local names, bare and quoted literals, blank nodes, and prefixes
    /// of equal length.
    #[test]
    fn turtle_matches_oxttl() {
        let prefixes = [
            ("ex", "https://example.org/ns#"),
            ("b", "https://example.org/b/"),
            ("a", "https://example.org/a/"),
            ("xsd", "http://www.w3.org/2001/XMLSchema#"),
            ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ];
        let n = |s: &str| NamedNode::new_unchecked(s);
        let typed = |v: &str, dt: &str| -> Term { Literal::new_typed_literal(v, n(dt)).into() };
        let xsd = |l: &str| format!("http://www.w3.org/2001/XMLSchema#{l}");
        let s1 = n("https://example.org/id/one");
        let s2 = n("https://example.org/a/two");
        let p = n("https://example.org/ns#p");
        let objects: Vec<Term> = vec![
            n("https://example.org/ns#Thing").into(),
            n("https://example.org/ns#").into(),
            n("https://example.org/ns#with.dot.").into(),
            n("https://example.org/ns#-dash").into(),
            n("https://example.org/ns#a~b(c)").into(),
            n("https://example.org/ns#sp ace").into(),
            n("https://example.org/ns#Zürich·x").into(),
            n("https://example.org/ns#:colon").into(),
            n("https://example.org/ns#9lives").into(),
            n("https://example.org/b/x/y").into(),
            n("http://elsewhere.example/x").into(),
            BlankNode::new_unchecked("b0").into(),
            Literal::new_simple_literal("plain \"quoted\"\n, Kyiv’s").into(),
            Literal::new_language_tagged_literal_unchecked("Kiev", "en").into(),
            typed("42", &xsd("integer")),
            typed("-7", &xsd("integer")),
            typed("4x", &xsd("integer")),
            typed("0.75", &xsd("decimal")),
            typed(".5", &xsd("decimal")),
            typed("5.", &xsd("decimal")),
            typed("true", &xsd("boolean")),
            typed("yes", &xsd("boolean")),
            typed("1.5e3", &xsd("double")),
            typed("1.5", &xsd("double")),
            typed("2024-11-08", &xsd("date")),
            typed("x", "https://example.org/b/type"),
        ];
        let mut quads = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            let s = if i % 5 == 4 { &s2 } else { &s1 };
            let pred = if i % 3 == 0 { n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") } else { p.clone() };
            quads.push(Quad::new(s.clone(), pred.clone(), o.clone(), GraphName::DefaultGraph));
            quads.push(Quad::new(s.clone(), pred, o.clone(), GraphName::DefaultGraph));
        }
        quads.push(Quad::new(BlankNode::new_unchecked("s"), p.clone(), s1.clone(), GraphName::DefaultGraph));
        quads.push(Quad::new(BlankNode::new_unchecked("s"), p.clone(), s2.clone(), GraphName::DefaultGraph));
        let expected = oxttl(&prefixes, &quads);
        assert_eq!(String::from_utf8_lossy(&ours(&prefixes, &quads)), String::from_utf8_lossy(&expected));
        // No statement: nothing at all, not even the prefixes.
        assert!(ours(&prefixes, &[]).is_empty());
        assert_eq!(oxttl(&prefixes, &[]), ours(&prefixes, &[]));
    }
}
