//! N-Triples and N-Quads lines, written straight into a byte buffer.
//!
//! Contract: the bytes are those oxttl's serialisers write for the same statement (IRIs
//! in angle brackets as they are, literals quoted with `\b \t \n \f \r \" \\` escaped and
//! other control characters, U+007F, U+FFFE and U+FFFF as `\uXXXX`; `^^<datatype>` unless
//! the datatype is `xsd:string`; `@lang` for language-tagged strings), one statement per
//! line ending in ` .\n`. Text without characters to escape, the common case, is copied
//! in one piece.

use super::rdf::{Block, Facts, Reified};
use super::xml::{self, find_byte};
use crate::error::Result;
use crate::text::date::Date;
use crate::vocab::xsd;
use oxrdf::{GraphNameRef, LiteralRef, NamedOrBlankNodeRef, QuadRef, TermRef};
use rustc_hash::FxHashMap;

/// Whether a byte may start something to escape in a quoted literal: ASCII controls, `"`,
/// `\\`, DEL, and 0xEF (the first byte of U+FFFE and U+FFFF in UTF-8). The four single
/// bytes are tested as one minimum of differences, which the compiler keeps in vector
/// instructions (four `==` joined by `|` it does not).
fn may_escape(b: u8) -> bool {
    (b < 0x20) | ((b ^ b'"').min(b ^ b'\\').min((b ^ 0x7F).min(b ^ 0xEF)) == 0)
}

/// [`may_escape`] as a table, for short texts, looked at byte by byte.
const MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == b'"' as usize || b == b'\\' as usize || b == 0x7F || b == 0xEF;
        b += 1;
    }
    table
};

/// `s` quoted. Text without anything to escape, the common case, is copied in one piece;
/// other text in runs between the bytes escaped, found 16 bytes at a time.
pub(crate) fn quoted(out: &mut Vec<u8>, s: &str) {
    if !short_plain(out, s) {
        quoted_from(out, s, find_byte(s.as_bytes(), 0, may_escape));
    }
}

/// Short text (a number, a date, a name) without anything to escape, quoted as it is:
/// whether `s` was such a text and so written.
fn short_plain(out: &mut Vec<u8>, s: &str) -> bool {
    let bytes = s.as_bytes();
    let plain = bytes.len() < 16 && !bytes.iter().any(|&b| MAY_ESCAPE[usize::from(b)]);
    if plain {
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    }
    plain
}

/// `s` made portable ([`xml::portable_text`]) and quoted, as [`quoted`] writes the
/// portable text, in one pass over a text with nothing to escape: whatever
/// `portable_text` changes starts at a byte that [`may_escape`], so a text without such
/// bytes is its own portable text, and so is one whose bytes from the first such byte on
/// need nothing made portable.
pub(crate) fn portable_quoted(out: &mut Vec<u8>, s: &str) {
    if short_plain(out, s) {
        return;
    }
    let bytes = s.as_bytes();
    match find_byte(bytes, 0, may_escape) {
        Some(i) if xml::needs_portable(&bytes[i..]) => quoted(out, &xml::portable_text(s)),
        first => quoted_from(out, s, first),
    }
}

/// [`quoted`] of `s`, whose first byte that [`may_escape`] is `first` (`None`: none).
fn quoted_from(out: &mut Vec<u8>, s: &str, first: Option<usize>) {
    let bytes = s.as_bytes();
    out.push(b'"');
    // `run`: the first byte not yet copied; `next`: the next byte that may be escaped.
    let (mut run, mut next) = (0, first);
    while let Some(i) = next {
        let b = bytes[i];
        let escape: &[u8] = match b {
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            _ => b"",
        };
        // Other controls, DEL, U+FFFE and U+FFFF as \uXXXX.
        let (code, width) = match b {
            _ if !escape.is_empty() => (0, 1),
            0x00..=0x1F | 0x7F => (u32::from(b), 1),
            0xEF if bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) => {
                (if bytes[i + 2] == 0xBE { 0xFFFE } else { 0xFFFF }, 3)
            }
            _ => {
                next = find_byte(bytes, i + 1, may_escape);
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.extend_from_slice(b"\\u");
            out.extend((0..4).rev().map(|k| HEX[((code >> (4 * k)) & 0xF) as usize]));
        } else {
            out.extend_from_slice(escape);
        }
        run = i + width;
        next = find_byte(bytes, run, may_escape);
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Long texts quoted before, by the address and length of the text, each checked against
/// a copy of the text before its quoted form is reused: a sentence quoted as the evidence
/// of several facts is searched for bytes to escape once.
#[derive(Debug, Default, Clone)]
pub(crate) struct Quoted {
    /// (address, length) → where the copy of the text starts in `bytes` (its quoted form
    /// follows it), the length of the quoted form, and whether the text was made portable
    /// first.
    index: FxHashMap<(usize, usize), (usize, usize, bool)>,
    bytes: Vec<u8>,
    /// Texts of the graph being written (see [`Quoted::write_graph_text`]), by address and
    /// length: where their portable, quoted forms are in `graph_bytes`, and their length.
    graph_texts: FxHashMap<(usize, usize), (usize, usize)>,
    graph_bytes: Vec<u8>,
    /// Rules' names (see [`Quoted::write_rule`]): where their portable, quoted forms are in
    /// `rule_bytes`, and their length.
    rules: FxHashMap<Box<str>, (usize, usize)>,
    rule_bytes: Vec<u8>,
}

impl Quoted {
    /// Shorter texts are quoted each time: looking them up would cost more.
    const SHORTEST: usize = 64;
    /// The bytes kept before starting afresh.
    const LIMIT: usize = 1 << 20;
    /// The rules' names kept before starting afresh.
    const RULES: usize = 4096;

    /// Append `s` quoted (see [`quoted`]).
    pub(crate) fn write(&mut self, out: &mut Vec<u8>, s: &str) {
        self.write_as(out, s, false);
    }

    /// Append `s` made portable ([`xml::portable_text`]) and quoted: a text given again
    /// is neither made portable nor searched for bytes to escape again.
    pub(crate) fn write_portable(&mut self, out: &mut Vec<u8>, s: &str) {
        self.write_as(out, s, true);
    }

    /// Forget the texts of the graph written before (see [`Quoted::write_graph_text`]).
    pub(crate) fn new_graph(&mut self) {
        self.graph_texts.clear();
        self.graph_bytes.clear();
    }

    /// Append `s` made portable and quoted, as [`Quoted::write_portable`], `s` being a string
    /// of the graph being written, which stays where it is, unchanged, until
    /// [`Quoted::new_graph`] is called for the next graph (a sentence given as the evidence
    /// of several facts: an `Arc` of the graph). A text given again is found by its address
    /// and length alone, and its quoted form copied, without comparing the text with a copy
    /// of it (which [`Quoted::write_portable`] does, for texts that may be freed and their
    /// place taken by another).
    pub(crate) fn write_graph_text(&mut self, out: &mut Vec<u8>, s: &str) {
        if s.len() < Self::SHORTEST {
            return portable_quoted(out, s);
        }
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&(start, n)) = self.graph_texts.get(&key) {
            out.extend_from_slice(&self.graph_bytes[start..start + n]);
            return;
        }
        let mark = out.len();
        portable_quoted(out, s);
        let start = self.graph_bytes.len();
        self.graph_bytes.extend_from_slice(&out[mark..]);
        self.graph_texts.insert(key, (start, out.len() - mark));
    }

    /// Append the name of a rule made portable and quoted, as [`portable_quoted`] writes it:
    /// a rule's name is written with every fact it found, and the names are few, so each
    /// is kept (by its text) with its quoted form, which is copied when it comes again.
    pub(crate) fn write_rule(&mut self, out: &mut Vec<u8>, s: &str) {
        if let Some(&(start, n)) = self.rules.get(s) {
            out.extend_from_slice(&self.rule_bytes[start..start + n]);
            return;
        }
        let mark = out.len();
        portable_quoted(out, s);
        if self.rules.len() >= Self::RULES {
            // Not the few names expected: start afresh.
            self.rules.clear();
            self.rule_bytes.clear();
        }
        let start = self.rule_bytes.len();
        self.rule_bytes.extend_from_slice(&out[mark..]);
        self.rules.insert(s.into(), (start, out.len() - mark));
    }

    fn write_as(&mut self, out: &mut Vec<u8>, s: &str, portable: bool) {
        let write = |out: &mut Vec<u8>| match portable {
            true => portable_quoted(out, s),
            false => quoted(out, s),
        };
        if s.len() < Self::SHORTEST {
            return write(out);
        }
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&(start, n, was_portable)) = self.index.get(&key) {
            let (text, rest) = self.bytes[start..].split_at(s.len());
            if was_portable == portable && text == s.as_bytes() {
                out.extend_from_slice(&rest[..n]);
                return;
            }
        }
        if self.bytes.len() > Self::LIMIT {
            self.index.clear();
            self.bytes.clear();
        }
        let mark = out.len();
        write(out);
        if self.bytes.capacity() == 0 {
            // Room for the texts kept up to the limit (and the long text past it) at once:
            // the copies do not grow step by step, each time copied again.
            self.bytes.reserve(Self::LIMIT + Self::LIMIT / 8);
        }
        let start = self.bytes.len();
        self.bytes.extend_from_slice(s.as_bytes());
        self.bytes.extend_from_slice(&out[mark..]);
        self.index.insert(key, (start, out.len() - mark, portable));
    }
}

fn iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn subject(out: &mut Vec<u8>, s: NamedOrBlankNodeRef<'_>) {
    match s {
        NamedOrBlankNodeRef::NamedNode(n) => iri(out, n.as_str()),
        NamedOrBlankNodeRef::BlankNode(b) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(b.as_str().as_bytes());
        }
    }
}

fn literal(out: &mut Vec<u8>, l: LiteralRef<'_>, quoted: &mut Quoted) {
    quoted.write(out, l.value());
    if let Some(lang) = l.language() {
        out.push(b'@');
        out.extend_from_slice(lang.as_bytes());
    } else if l.datatype() != oxrdf::vocab::xsd::STRING {
        out.extend_from_slice(b"^^");
        iri(out, l.datatype().as_str());
    }
}

fn object(out: &mut Vec<u8>, o: TermRef<'_>, quoted: &mut Quoted) {
    match o {
        TermRef::NamedNode(n) => iri(out, n.as_str()),
        TermRef::BlankNode(b) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(b.as_str().as_bytes());
        }
        TermRef::Literal(l) => literal(out, l, quoted),
        #[allow(unreachable_patterns)]
        _ => out.extend_from_slice(o.to_string().as_bytes()),
    }
}

/// Append one statement: an N-Triples line, or with `with_graph` an N-Quads line (the
/// graph name after the object, none for the default graph); long literals quoted through
/// `quoted`.
pub(crate) fn statement(out: &mut Vec<u8>, q: QuadRef<'_>, with_graph: bool, quoted: &mut Quoted) {
    subject(out, q.subject);
    out.push(b' ');
    iri(out, q.predicate.as_str());
    out.push(b' ');
    object(out, q.object, quoted);
    if with_graph {
        match q.graph_name {
            GraphNameRef::NamedNode(n) => {
                out.push(b' ');
                iri(out, n.as_str());
            }
            GraphNameRef::BlankNode(b) => {
                out.extend_from_slice(b" _:");
                out.extend_from_slice(b.as_str().as_bytes());
            }
            GraphNameRef::DefaultGraph => {}
        }
    }
    out.extend_from_slice(b" .\n");
}

/// The lines about one subject in one graph, written from their shared parts rendered
/// once: `<subject> ` before each predicate, ` .\n` (N-Quads in a named graph:
/// ` <graph> .\n`) after each object. Each line has the bytes of [`statement`].
#[derive(Debug, Default, Clone)]
pub(crate) struct Frame {
    /// `<subject> <`: up to the predicate.
    head: Vec<u8>,
    /// ` .\n` or ` <graph> .\n`: after the object.
    tail: Vec<u8>,
    /// `>` and the tail: after an IRI as the object.
    iri_tail: Vec<u8>,
    /// `"^^<xsd:integer>` (in full) and the tail: after an integer's digits.
    integer_tail: Vec<u8>,
    /// `^^<xsd:decimal>` (in full) and the tail: after a decimal's quoted lexical form.
    decimal_tail: Vec<u8>,
    /// The graph written after the object as the tails were last rendered with it (`tail`
    /// but for ` .\n`: ` <graph>`, ` _:b`, or empty in N-Triples and the default graph);
    /// `None` before the first frame.
    graph: Option<Vec<u8>>,
    /// Whether no graph is written after the object (N-Triples, or the default graph):
    /// the tails are then the constants [`TAIL`], [`IRI_TAIL`], [`INTEGER_TAIL`] and
    /// [`DECIMAL_TAIL`], which are copied by a few moves of known length rather than by a
    /// call to `memcpy`.
    bare: bool,
}

/// Bytes joined at compile time (each piece a `&str` constant): a line's fixed pieces,
/// whose copies the compiler writes out as moves of known length.
macro_rules! joined {
    ($($piece:expr),+ $(,)?) => {{
        const PIECES: &[&str] = &[$($piece),+];
        const N: usize = joined_len(PIECES);
        const JOINED: [u8; N] = join_pieces::<N>(PIECES);
        &JOINED
    }};
}

/// The length of `pieces` joined.
const fn joined_len(pieces: &[&str]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < pieces.len() {
        n += pieces[i].len();
        i += 1;
    }
    n
}

/// `pieces` joined, `N` bytes.
const fn join_pieces<const N: usize>(pieces: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut k, mut i) = (0, 0);
    while i < pieces.len() {
        let bytes = pieces[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[k] = bytes[j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// The tails of a line without a graph written after the object: after any object, after
/// an IRI, after an integer's digits, after a decimal's quoted lexical form.
const TAIL: &[u8; 3] = b" .\n";
const IRI_TAIL: &[u8] = joined!(">", " .\n");
const INTEGER_TAIL: &[u8] = joined!("\"^^<", xsd::INTEGER, ">", " .\n");
const DECIMAL_TAIL: &[u8] = joined!("^^<", xsd::DECIMAL, ">", " .\n");
/// [`DECIMAL_TAIL`] after the quote that closes the decimal.
const QUOTED_DECIMAL_TAIL: &[u8] = joined!("\"^^<", xsd::DECIMAL, ">", " .\n");

impl Frame {
    /// Frame the lines about the IRI `s`, in `g` with `with_graph`.
    pub(crate) fn set(&mut self, s: &str, g: GraphNameRef<'_>, with_graph: bool) {
        self.head.clear();
        iri(&mut self.head, s);
        self.head.extend_from_slice(b" <");
        // The tails change only with the graph written: rendered again only then (in
        // N-Triples, never after the first frame).
        let graph = if with_graph { g } else { GraphNameRef::DefaultGraph };
        let same = match (&self.graph, graph) {
            (Some(last), GraphNameRef::DefaultGraph) => last.is_empty(),
            (Some(last), GraphNameRef::NamedNode(n)) => {
                let n = n.as_str().as_bytes();
                last.len() == n.len() + 3 && last[1] == b'<' && last[2..last.len() - 1] == *n
            }
            _ => false,
        };
        if same {
            return;
        }
        self.bare = matches!(graph, GraphNameRef::DefaultGraph);
        self.tail.clear();
        match graph {
            GraphNameRef::NamedNode(n) => {
                self.tail.push(b' ');
                iri(&mut self.tail, n.as_str());
            }
            GraphNameRef::BlankNode(b) => {
                self.tail.extend_from_slice(b" _:");
                self.tail.extend_from_slice(b.as_str().as_bytes());
            }
            GraphNameRef::DefaultGraph => {}
        }
        let last = self.graph.get_or_insert_with(Vec::new);
        last.clear();
        last.extend_from_slice(&self.tail);
        self.tail.extend_from_slice(b" .\n");
        self.iri_tail.clear();
        self.iri_tail.push(b'>');
        self.iri_tail.extend_from_slice(&self.tail);
        self.integer_tail.clear();
        self.integer_tail.extend_from_slice(b"\"^^");
        iri(&mut self.integer_tail, xsd::INTEGER);
        self.integer_tail.extend_from_slice(&self.tail);
        self.decimal_tail.clear();
        self.decimal_tail.extend_from_slice(b"^^");
        iri(&mut self.decimal_tail, xsd::DECIMAL);
        self.decimal_tail.extend_from_slice(&self.tail);
    }
}

/// What an object ends with before the line's tail: nothing more (a literal's closing
/// quote is the object's), an IRI's `>`, an integer's or a decimal's datatype.
#[derive(Clone, Copy)]
enum Tail {
    Object,
    Iri,
    Integer,
    Decimal,
}

impl Frame {
    /// Append the tail after an object of kind `tail`: a constant of known length when no
    /// graph is written after the object (a few moves, no `memcpy`), else the frame's own.
    #[inline]
    fn end(&self, tail: Tail, out: &mut Vec<u8>) {
        match (tail, self.bare) {
            (Tail::Object, true) => out.extend_from_slice(TAIL),
            (Tail::Object, false) => out.extend_from_slice(&self.tail),
            (Tail::Iri, true) => out.extend_from_slice(IRI_TAIL),
            (Tail::Iri, false) => out.extend_from_slice(&self.iri_tail),
            (Tail::Integer, true) => out.extend_from_slice(INTEGER_TAIL),
            (Tail::Integer, false) => out.extend_from_slice(&self.integer_tail),
            (Tail::Decimal, true) => out.extend_from_slice(DECIMAL_TAIL),
            (Tail::Decimal, false) => out.extend_from_slice(&self.decimal_tail),
        }
    }
}

/// The predicates of provenance (see [`Facts::each`]) and of assertions (see
/// [`Reified::each`]) with the bytes that follow each before its object, joined at compile
/// time; the two types of an assertion with their objects.
mod joined {
    use super::{join_pieces, joined_len};
    use crate::vocab::{ng, prov, rdf};

    pub(super) const DERIVED: &[u8] = joined!(prov::WAS_DERIVED_FROM, "> <");
    pub(super) const EVIDENCE: &[u8] = joined!(ng::EVIDENCE, "> ");
    pub(super) const START: &[u8] = joined!(ng::START, "> \"");
    pub(super) const END: &[u8] = joined!(ng::END, "> \"");
    pub(super) const RULE: &[u8] = joined!(ng::RULE, "> ");
    pub(super) const CONFIDENCE: &[u8] = joined!(ng::CONFIDENCE, "> ");
    /// The same with the quote that opens the confidence.
    pub(super) const CONFIDENCE_QUOTE: &[u8] = joined!(ng::CONFIDENCE, "> \"");
    /// `rdf:type> <rdf:Statement` and `rdf:type> <ng:Assertion` (in full), before `>`.
    pub(super) const STATEMENT: &[u8] = joined!(rdf::TYPE, "> <", rdf::STATEMENT);
    pub(super) const ASSERTION: &[u8] = joined!(rdf::TYPE, "> <", ng::ASSERTION);
    /// The same with the tail of a line without a graph.
    pub(super) const STATEMENT_LINE: &[u8] = joined!(rdf::TYPE, "> <", rdf::STATEMENT, ">", " .\n");
    pub(super) const ASSERTION_LINE: &[u8] = joined!(rdf::TYPE, "> <", ng::ASSERTION, ">", " .\n");
    pub(super) const SUBJECT: &[u8] = joined!(rdf::SUBJECT, "> <");
    pub(super) const PREDICATE: &[u8] = joined!(rdf::PREDICATE, "> <");
    pub(super) const OBJECT: &[u8] = joined!(rdf::OBJECT, "> <");
    pub(super) const ROLE: &[u8] = joined!(ng::ROLE, "> ");
}

/// Lines appended to `out` in a [`Frame`], long literals quoted through `quoted`. The
/// pieces that follow each other are appended at once.
pub(crate) struct Framed<'a> {
    pub frame: &'a Frame,
    pub out: &'a mut Vec<u8>,
    pub quoted: &'a mut Quoted,
}

impl Framed<'_> {
    /// Start a line: the subject and the predicate `p`, then `then`.
    fn start(&mut self, p: &'static str, then: &[u8]) {
        self.out.extend_from_slice(&self.frame.head);
        self.out.extend_from_slice(p.as_bytes());
        self.out.extend_from_slice(then);
    }
}

impl Block for Framed<'_> {
    fn iri(&mut self, p: &'static str, o: &str) -> Result<()> {
        self.start(p, b"> <");
        self.out.extend_from_slice(o.as_bytes());
        self.frame.end(Tail::Iri, self.out);
        Ok(())
    }

    fn string(&mut self, p: &'static str, value: &str) -> Result<()> {
        // The strings of a description (labels, a statement's text, paths) are each
        // written once: quoted at once, not kept (evidence is written by `portable`).
        self.start(p, b"> ");
        quoted(self.out, value);
        self.frame.end(Tail::Object, self.out);
        Ok(())
    }

    fn portable(&mut self, p: &'static str, text: &str) -> Result<()> {
        self.start(p, b"> ");
        self.quoted.write_graph_text(self.out, text);
        self.frame.end(Tail::Object, self.out);
        Ok(())
    }

    fn portable_once(&mut self, p: &'static str, text: &str) -> Result<()> {
        self.start(p, b"> ");
        portable_quoted(self.out, text);
        self.frame.end(Tail::Object, self.out);
        Ok(())
    }

    fn typed(&mut self, p: &'static str, value: &str, dt: &str) -> Result<()> {
        self.start(p, b"> ");
        quoted(self.out, value);
        self.out.extend_from_slice(b"^^<");
        self.out.extend_from_slice(dt.as_bytes());
        self.frame.end(Tail::Iri, self.out);
        Ok(())
    }

    fn date(&mut self, p: &'static str, d: Date) -> Result<()> {
        // Digits and hyphens have nothing to escape: written as they are, with the quotes
        // joined with the pieces around them, and not checked as UTF-8.
        let Some(bytes) = super::rdf::date_bytes(d) else {
            return self.typed(p, &d.to_string(), xsd::DATE);
        };
        self.start(p, b"> \"");
        self.out.extend_from_slice(&bytes);
        self.out.extend_from_slice(joined!("\"^^<", xsd::DATE));
        self.frame.end(Tail::Iri, self.out);
        Ok(())
    }

    fn integer(&mut self, p: &'static str, value: u64) -> Result<()> {
        // Digits have nothing to escape.
        self.start(p, b"> \"");
        self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self.frame.end(Tail::Integer, self.out);
        Ok(())
    }

    /// The lines of [`Facts::each`], each predicate and the bytes after it written at once.
    fn facts(&mut self, f: &Facts<'_>) -> Result<()> {
        let (frame, out) = (self.frame, &mut *self.out);
        if let Some(d) = f.doc {
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::DERIVED);
            out.extend_from_slice(d.as_bytes());
            frame.end(Tail::Iri, out);
        }
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::EVIDENCE);
        self.quoted.write_graph_text(out, f.evidence);
        frame.end(Tail::Object, out);
        // Digits have nothing to escape. (Each line written out rather than in a loop over
        // the two: the joined pieces' lengths stay known where they are copied.)
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::START);
        out.extend_from_slice(itoa::Buffer::new().format(f.start).as_bytes());
        frame.end(Tail::Integer, out);
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::END);
        out.extend_from_slice(itoa::Buffer::new().format(f.end).as_bytes());
        frame.end(Tail::Integer, out);
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::RULE);
        self.quoted.write_rule(out, f.rule);
        frame.end(Tail::Object, out);
        out.extend_from_slice(&frame.head);
        // A decimal's lexical form has nothing to escape: its quotes joined with the pieces
        // around it (any other text quoted as any text).
        let confidence = f.confidence.as_bytes();
        if confidence.len() < 16 && !confidence.iter().any(|&b| MAY_ESCAPE[usize::from(b)]) {
            out.extend_from_slice(joined::CONFIDENCE_QUOTE);
            out.extend_from_slice(confidence);
            match frame.bare {
                true => out.extend_from_slice(QUOTED_DECIMAL_TAIL),
                false => {
                    out.push(b'"');
                    out.extend_from_slice(&frame.decimal_tail);
                }
            }
        } else {
            out.extend_from_slice(joined::CONFIDENCE);
            quoted(out, f.confidence);
            frame.end(Tail::Decimal, out);
        }
        Ok(())
    }

    /// The lines of [`Reified::each`], each predicate and the bytes after it written at
    /// once (and the object too for the types).
    fn reified(&mut self, r: &Reified<'_>) -> Result<()> {
        let (frame, out) = (self.frame, &mut *self.out);
        // Each line written out (see `facts`).
        if frame.bare {
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::STATEMENT_LINE);
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::ASSERTION_LINE);
        } else {
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::STATEMENT);
            out.extend_from_slice(&frame.iri_tail);
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::ASSERTION);
            out.extend_from_slice(&frame.iri_tail);
        }
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::SUBJECT);
        out.extend_from_slice(r.subject.as_bytes());
        frame.end(Tail::Iri, out);
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::PREDICATE);
        out.extend_from_slice(r.predicate.as_bytes());
        frame.end(Tail::Iri, out);
        out.extend_from_slice(&frame.head);
        out.extend_from_slice(joined::OBJECT);
        out.extend_from_slice(r.object.as_bytes());
        frame.end(Tail::Iri, out);
        if let Some(role) = r.role {
            out.extend_from_slice(&frame.head);
            out.extend_from_slice(joined::ROLE);
            self.quoted.write(out, role);
            frame.end(Tail::Object, out);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{GraphName, Literal, NamedNode, Quad};

    #[test]
    fn the_table_is_the_test() {
        for b in 0..=255u8 {
            assert_eq!(MAY_ESCAPE[usize::from(b)], may_escape(b), "{b:#x}");
        }
    }

    /// Made portable and quoted in one pass as in two: texts short and long, with
    /// something to escape, to make portable, both, or neither, at every place.
    #[test]
    fn portable_quoted_is_quoted_portable_text() {
        let pieces = [
            "", "a", "\"", "\\", "\t", "\n", "\r", "\r\n", "\u{7}", "\u{7f}", "\u{fffe}", "\u{ffff}", "\u{fffd}",
            "\u{feff}", "é", "Kyiv’s", "x\u{1b}y",
        ];
        let fillers = ["", "ab", "plain words of a sentence", &"y".repeat(40)];
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for f in fillers {
                    texts.push(format!("{f}{a}{f}{b}"));
                    texts.push(format!("{a}{f}{b}{f}"));
                }
            }
        }
        for t in &texts {
            let (mut once, mut twice) = (Vec::new(), Vec::new());
            portable_quoted(&mut once, t);
            quoted(&mut twice, &xml::portable_text(t));
            assert_eq!(once, twice, "{t:?}");
        }
    }

    /// A long text quoted again comes out the same; so does another text at the same
    /// address (a buffer rewritten in place).
    #[test]
    fn quoted_again_is_quoted() {
        let mut cache = Quoted::default();
        let mut text = String::from("He said \"we will rebuild\" and left; ").repeat(3);
        let check = |cache: &mut Quoted, text: &str| {
            let (mut once, mut plain) = (Vec::new(), Vec::new());
            cache.write(&mut once, text);
            quoted(&mut plain, text);
            assert_eq!(once, plain);
        };
        check(&mut cache, &text);
        check(&mut cache, &text);
        let len = text.len();
        text.clear();
        text.push_str(&"x".repeat(len));
        check(&mut cache, &text);
    }

    /// The lines of a frame are those of `statement`, in the default and in a named graph,
    /// with and without the graph written.
    #[test]
    fn framed_lines_are_statements() {
        use crate::export::rdf::{AsQuads, Facts, Reified};
        let facts = Facts {
            doc: Some("https://example.org/doc"),
            evidence: "He said \"we will rebuild\" and left, on the 4th\tof May, in Kyiv’s centre.",
            start: 3,
            end: 1017,
            rule: "said",
            confidence: "0.75",
        };
        // A fact of no document of the graph, with a rule to escape and a sentence to make
        // portable (long enough to be kept).
        let no_document = Facts {
            doc: None,
            evidence: "A heading\r\nand a line with a bell \u{7}, and a line end\rof old, written twice.",
            rule: "a \"rule\"",
            confidence: "1.0",
            ..facts
        };
        let reified = Reified {
            subject: "https://example.org/s",
            predicate: "https://example.org/p",
            object: "https://example.org/o",
            role: Some("envoy"),
        };
        let no_role = Reified { role: None, ..reified };
        let a = NamedNode::new_unchecked("https://example.org/a");
        // One frame set again and again, from graph to graph, as a writer does.
        let mut again = Frame::default();
        let graphs = [
            GraphName::DefaultGraph,
            GraphName::NamedNode(NamedNode::new_unchecked("https://example.org/g")),
            GraphName::NamedNode(NamedNode::new_unchecked("https://example.org/h")),
            GraphName::BlankNode(oxrdf::BlankNode::new_unchecked("b1")),
            GraphName::BlankNode(oxrdf::BlankNode::new_unchecked("b2")),
        ];
        for g in graphs.iter().chain(graphs.iter().rev()).chain(&graphs) {
            for with_graph in [false, true, true, false] {
                let mut expected = Vec::new();
                let mut quoted = Quoted::default();
                let mut sink = |q: QuadRef<'_>| {
                    statement(&mut expected, q, with_graph, &mut quoted);
                    Ok(())
                };
                let mut block = AsQuads { sink: &mut sink, g: g.as_ref(), s: a.as_ref() };
                reified.write(&mut block).expect("written");
                facts.write(&mut block).expect("written");
                no_document.write(&mut block).expect("written");
                no_document.write(&mut block).expect("written");
                no_role.write(&mut block).expect("written");
                let mut frame = Frame::default();
                frame.set(a.as_str(), g.as_ref(), with_graph);
                again.set(a.as_str(), g.as_ref(), with_graph);
                for frame in [&frame, &again] {
                    let mut ours = Vec::new();
                    let mut framed = Framed { frame, out: &mut ours, quoted: &mut Quoted::default() };
                    reified.write(&mut framed).expect("written");
                    facts.write(&mut framed).expect("written");
                    no_document.write(&mut framed).expect("written");
                    no_document.write(&mut framed).expect("written");
                    no_role.write(&mut framed).expect("written");
                    assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&expected));
                }
            }
        }
    }

    /// The same bytes as oxttl, for tricky literals, typed and language-tagged ones, in
    /// the default and in a named graph.
    #[test]
    fn lines_match_oxttl() {
        let s = NamedNode::new_unchecked("https://example.org/s");
        let p = NamedNode::new_unchecked("https://example.org/p");
        let g = GraphName::NamedNode(NamedNode::new_unchecked("https://example.org/g"));
        let objects: Vec<oxrdf::Term> = vec![
            Literal::new_simple_literal("plain text, “quoted”, Kyiv’s").into(),
            Literal::new_simple_literal(
                "tab\tnewline\ncr\rquote\"backslash\\bell\u{7}del\u{7f}\u{fffe}\u{ffff}\u{8}\u{c}",
            )
            .into(),
            Literal::new_simple_literal("").into(),
            Literal::new_typed_literal("4", NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#integer"))
                .into(),
            Literal::new_language_tagged_literal_unchecked("Kiev", "en").into(),
            NamedNode::new_unchecked("https://example.org/o").into(),
        ];
        for graph in [GraphName::DefaultGraph, g] {
            for o in &objects {
                let q = Quad::new(s.clone(), p.clone(), o.clone(), graph.clone());
                let mut ours = Vec::new();
                statement(&mut ours, q.as_ref(), true, &mut Quoted::default());
                let mut theirs = oxttl::NQuadsSerializer::new().for_writer(Vec::new());
                theirs.serialize_quad(q.as_ref()).expect("serialises");
                assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs.finish()));
                let mut ours = Vec::new();
                statement(&mut ours, q.as_ref(), false, &mut Quoted::default());
                let mut theirs = oxttl::NTriplesSerializer::new().for_writer(Vec::new());
                theirs.serialize_triple(q.as_ref()).expect("serialises");
                assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs.finish()));
            }
        }
    }
}
