//! Tokens: words, numbers, clitics, quotes and punctuation, as byte spans of the
//! normalised text.
//!
//! Contract: tokens are sorted, never overlap, never include whitespace, and always
//! start and end on character boundaries. A hyphen inside a compound ("Russian-guided")
//! is its own token, glued to its neighbours (no [`Token::SPACE_BEFORE`] flag), so that
//! names inside compounds can be found. A possessive `'s` (or a bare `'` after a plural)
//! is a [`TokenKind::Clitic`]. Abbreviations written with inner dots (`U.S.`, `a.m.`) are
//! one word token including the final dot.

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    /// `'s`, `'`, `n't`, `'ll`, `'re`, `'ve`, `'d`, `'m` glued to the previous word.
    Clitic,
    OpenQuote,
    CloseQuote,
    /// A straight `"` whose direction is decided by pairing.
    Quote,
    Punct,
}

/// One token: a byte span of the normalised text, a kind and flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    /// Whitespace (or the start of a line) precedes the token.
    pub const SPACE_BEFORE: u8 = 1;
    /// The first character is an uppercase letter.
    pub const CAPITALISED: u8 = 2;
    /// Every letter is uppercase and there are at least two letters.
    pub const ALL_CAPS: u8 = 4;
    /// The token is a word of ASCII letters and digits only, and the text goes on with
    /// neither a letter nor a digit: it is its own first word (see
    /// [`phrase::first_words`](super::phrase::first_words)).
    pub const ASCII_WORD: u8 = 8;

    pub fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span()]
    }
    pub fn is_capitalised(&self) -> bool {
        self.flags & Self::CAPITALISED != 0
    }
    pub fn is_all_caps(&self) -> bool {
        self.flags & Self::ALL_CAPS != 0
    }
    pub fn space_before(&self) -> bool {
        self.flags & Self::SPACE_BEFORE != 0
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote)
    }
}

/// [`BYTE_CLASS`] of ASCII letters and digits, of other ASCII bytes, and of the others.
pub(crate) const ASCII_ALPHANUMERIC: u8 = 1;
pub(crate) const ASCII_OTHER: u8 = 2;
const NOT_ASCII: u8 = 3;

/// The class of each byte value.
pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut class = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_ALPHANUMERIC } else { ASCII_OTHER };
        b += 1;
    }
    class
};

/// [`ASCII_CASE`] bits: an ASCII letter or digit, an uppercase letter, a lowercase letter.
const CASE_ALPHANUMERIC: u8 = 1;
const CASE_UPPER: u8 = 2;
const CASE_LOWER: u8 = 4;

/// The [`CASE_ALPHANUMERIC`], [`CASE_UPPER`] and [`CASE_LOWER`] bits of each byte value (0
/// for every byte that is not an ASCII letter or digit).
static ASCII_CASE: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_uppercase() {
            CASE_ALPHANUMERIC | CASE_UPPER
        } else if c.is_ascii_lowercase() {
            CASE_ALPHANUMERIC | CASE_LOWER
        } else if c.is_ascii_digit() {
            CASE_ALPHANUMERIC
        } else {
            0
        };
        b += 1;
    }
    class
};

/// The end of the run of ASCII letters and digits of `bytes` from `from` on, and the
/// [`case_flags`] of a word made of `first` (an ASCII letter or digit) and that run.
#[inline(always)]
fn ascii_word_run(bytes: &[u8], first: u8, from: usize) -> (usize, u8) {
    let lead = ASCII_CASE[first as usize];
    let mut any = lead;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let class = ASCII_CASE[b as usize];
        if class == 0 {
            break;
        }
        any |= class;
        i += 1;
    }
    let mut flags = 0;
    if lead & CASE_UPPER != 0 {
        flags |= Token::CAPITALISED;
    }
    // Uppercase letters and no lowercase one (rare): are there two? Counted only then.
    if any & (CASE_UPPER | CASE_LOWER) == CASE_UPPER {
        let upper =
            u32::from(lead & CASE_UPPER != 0) + bytes[from..i].iter().filter(|b| b.is_ascii_uppercase()).count() as u32;
        if upper >= 2 {
            flags |= Token::ALL_CAPS;
        }
    }
    (i, flags)
}

/// The token of a word of ASCII letters and digits starting at `start` with the ASCII
/// letter `first`, with its case flags, if the word ends with its run of ASCII letters and
/// digits (neither another letter nor an apostrophe follows it); else the end of that run.
/// The range `s` of `text` starts at `base`.
#[inline(always)]
fn ascii_word(text: &str, s: &[u8], base: usize, start: usize, first: u8, space: bool) -> Result<Token, usize> {
    let (end, flags) = ascii_word_run(s, first, start + 1);
    if !s.get(end).is_none_or(|&b| b.is_ascii() && b != b'\'') {
        return Err(end);
    }
    // Inside the range the run stopped at an ASCII byte that is neither a letter nor a
    // digit; at its end, the text decides.
    let whole = end < s.len() || text.as_bytes().get(base + end).is_none_or(|&b| BYTE_CLASS[b as usize] == ASCII_OTHER);
    let flags = flags | if space { Token::SPACE_BEFORE } else { 0 } | if whole { Token::ASCII_WORD } else { 0 };
    Ok(Token { start: (base + start) as u32, end: (base + end) as u32, kind: TokenKind::Word, flags })
}

fn is_word_char(c: char) -> bool {
    // No ASCII character is a combining mark, and the blocks of `known_letter` answer
    // without the table lookups.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_other_word_char(c)
}

/// [`is_word_char`] of a character that is not ASCII: out of line, to keep the ASCII path
/// of the tokeniser small.
#[inline(never)]
fn is_other_word_char(c: char) -> bool {
    known_letter(c).unwrap_or_else(|| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
}

/// For the characters of the blocks news text uses most, whether `c` is a letter: `Some(true)`
/// for a letter (alphabetic, so alphanumeric too, and no combining mark), `Some(false)` for
/// a character that is neither a letter, a digit nor a combining mark; `None` elsewhere.
/// Latin letters with diacritics, Cyrillic, Hebrew and Arabic letters, typographic
/// punctuation and emoji are thus answered without the Unicode tables.
#[inline]
fn known_letter(c: char) -> Option<bool> {
    match c {
        '\u{00D7}' | '\u{00F7}' => Some(false),
        '\u{00C0}'..='\u{024F}' | '\u{0410}'..='\u{044F}' | '\u{05D0}'..='\u{05EA}' => Some(true),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Some(true),
        c if is_general_punctuation(c) => Some(false),
        '\u{1F1E6}'..='\u{1F1FF}' | '\u{1F300}'..='\u{1FAFF}' => Some(false),
        _ => None,
    }
}

/// `c.is_alphanumeric()`, without the Unicode tables for ASCII and the blocks of
/// [`known_letter`]; false in General Punctuation.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    known_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `c.is_alphabetic()`, as [`is_alphanumeric`].
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    known_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Whether `c` is in the General Punctuation block (U+2000 to U+206F).
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The flags of a token's text (see [`Token`]), apart from [`Token::SPACE_BEFORE`].
#[inline(always)]
fn case_flags(t: &str, kind: TokenKind) -> u8 {
    let mut flags = 0;
    let bytes = t.as_bytes();
    // ASCII first: one pass over the bytes.
    if kind != TokenKind::Word && bytes.first().is_some_and(u8::is_ascii) {
        return if bytes[0].is_ascii_uppercase() { Token::CAPITALISED } else { 0 };
    }
    if kind == TokenKind::Word {
        let (mut upper, mut lower, mut any) = (0, 0, 0);
        for &b in bytes {
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
            any |= b;
        }
        if any.is_ascii() {
            if bytes.first().is_some_and(u8::is_ascii_uppercase) {
                flags |= Token::CAPITALISED;
            }
            if upper >= 2 && lower == 0 {
                flags |= Token::ALL_CAPS;
            }
            return flags;
        }
    }
    if let Some(c) = t.chars().next() {
        if c.is_uppercase() {
            flags |= Token::CAPITALISED;
        }
    }
    if kind == TokenKind::Word {
        let mut letters = 0;
        let mut all_upper = true;
        for c in t.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
        if letters >= 2 && all_upper {
            flags |= Token::ALL_CAPS;
        }
    }
    flags
}

/// Tokenise `text[range]`, appending to `out`.
pub fn tokenise(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    let s = &text[range];
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut space = true;
    #[inline(always)]
    fn push_token(out: &mut Vec<Token>, s: &str, base: usize, a: usize, b: usize, kind: TokenKind, space: bool) {
        let flags = case_flags(&s[a..b], kind) | if space { Token::SPACE_BEFORE } else { 0 };
        out.push(Token { start: (base + a) as u32, end: (base + b) as u32, kind, flags });
    }
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind: TokenKind, space: bool| {
        push_token(out, s, base, a, b, kind, space)
    };
    while i < s.len() {
        // A space, most of what lies between tokens, passed over before any decoding.
        if bytes[i] == b' ' {
            space = true;
            i += 1;
            continue;
        }
        // Most tokens are words of ASCII letters and digits: taken before any decoding,
        // unless a dot follows the first letter (a dotted abbreviation, below).
        if bytes[i].is_ascii_alphabetic() && bytes.get(i + 1) != Some(&b'.') {
            if let Ok(t) = ascii_word(text, bytes, base, i, bytes[i], space) {
                i = (t.end as usize) - base;
                out.push(t);
                space = false;
                continue;
            }
        }
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => s[i..].chars().next().unwrap_or(' '),
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            i += clen;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            // Number: digits with inner , . : followed by digits, then a letter suffix.
            i += 1;
            while i < s.len() {
                let b = bytes[i];
                if b.is_ascii_digit() {
                    i += 1;
                } else if matches!(b, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 2;
                } else {
                    break;
                }
            }
            while i < s.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            push(out, start, i, TokenKind::Number, space);
        } else if is_word_char(c) {
            i += clen;
            // Dotted abbreviation: U.S. / a.m. / U.K.
            if bytes.get(i) == Some(&b'.')
                && is_alphabetic(c)
                && s[i + 1..].chars().next().is_some_and(is_alphabetic)
                && s[i + 1..].chars().nth(1) == Some('.')
            {
                let mut j = i;
                while bytes.get(j) == Some(&b'.') && s[j + 1..].chars().next().is_some_and(is_alphabetic) {
                    let l = s[j + 1..].chars().next().map_or(1, char::len_utf8);
                    if !s[j + 1 + l..].starts_with('.') {
                        break;
                    }
                    j += 1 + l + 1;
                }
                if j > i {
                    push(out, start, j, TokenKind::Word, space);
                    i = j;
                    space = false;
                    continue;
                }
            }
            if c.is_ascii() {
                // Most words are ASCII letters and digits and nothing else: their case flags
                // come with the scan. A word that goes on (non-ASCII letters, an inner
                // apostrophe, a clitic) takes the general path from the end of this run.
                match ascii_word(text, bytes, base, start, c as u8, space) {
                    Ok(t) => {
                        i = (t.end as usize) - base;
                        out.push(t);
                        space = false;
                        continue;
                    }
                    Err(end) => i = end,
                }
            }
            loop {
                // ASCII letters and digits first: most words are nothing else.
                while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == ASCII_ALPHANUMERIC {
                    i += 1;
                }
                let Some(n) = s[i..].chars().next() else {
                    break;
                };
                if is_word_char(n) {
                    i += n.len_utf8();
                } else if n == '\'' {
                    // Inner apostrophe (Be'eri, Re'im) but not a clitic ('s, 'll, n't).
                    let after = &s[i + 1..];
                    let next = after.chars().next();
                    let clitic = clitic_len(after).is_some();
                    // "don't": the word ends before "n't".
                    let negation = s[..i].ends_with('n')
                        && after.starts_with('t')
                        && !after[1..].chars().next().is_some_and(is_word_char);
                    if next.is_some_and(is_alphabetic) && !clitic && !negation {
                        i += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // n't belongs to the clitic: "don't" -> "do" + "n't".
            if s[start..i].ends_with('n') && s[i..].starts_with("'t") && i - start > 1 {
                let end = i + 2;
                let boundary = !s[end..].chars().next().is_some_and(is_word_char);
                if boundary {
                    push(out, start, i - 1, TokenKind::Word, space);
                    push(out, i - 1, end, TokenKind::Clitic, false);
                    i = end;
                    space = false;
                    continue;
                }
            }
            push(out, start, i, TokenKind::Word, space);
        } else if c == '\'' {
            let prev_word = !space && out.last().is_some_and(|t| t.kind == TokenKind::Word);
            let after = &s[i + 1..];
            if prev_word {
                if let Some(l) = clitic_len(after) {
                    i += 1 + l;
                    push(out, start, i, TokenKind::Clitic, false);
                    space = false;
                    continue;
                }
                if !after.chars().next().is_some_and(is_word_char) {
                    i += 1;
                    push(out, start, i, TokenKind::Clitic, false);
                    space = false;
                    continue;
                }
            }
            i += 1;
            push(out, start, i, TokenKind::Quote, space);
        } else {
            i += clen;
            let kind = match c {
                '\u{201C}' | '\u{00AB}' | '\u{201E}' => TokenKind::OpenQuote,
                '\u{201D}' | '\u{00BB}' => TokenKind::CloseQuote,
                '"' => TokenKind::Quote,
                '.' => {
                    while s[i..].starts_with('.') {
                        i += 1;
                    }
                    TokenKind::Punct
                }
                _ => TokenKind::Punct,
            };
            push(out, start, i, kind, space);
        }
        space = false;
    }
}

/// Length of a clitic (`s`, `ll`, `re`, `ve`, `d`, `m`) at the start of `after`, when it
/// ends at a word boundary.
fn clitic_len(after: &str) -> Option<usize> {
    for cl in ["s", "ll", "re", "ve", "d", "m", "S"] {
        if let Some(rest) = after.strip_prefix(cl) {
            if !rest.chars().next().is_some_and(is_word_char) {
                return Some(cl.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenise(s, 0..s.len(), &mut v);
        v.iter().map(|t| t.text(s).to_owned()).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Ukraine's eastern", &["Ukraine", "'s", "eastern"]),
            ("Hamas' military wing", &["Hamas", "'", "military", "wing"]),
            ("the Be'eri massacre", &["the", "Be'eri", "massacre"]),
            ("We'll see. Don't", &["We", "'ll", "see", ".", "Do", "n't"]),
            ("4 billion euros ($4.3bn)", &["4", "billion", "euros", "(", "$", "4.3bn", ")"]),
            ("11,000 troops at 06:56", &["11,000", "troops", "at", "06:56"]),
            ("the U.S. and a.m. times", &["the", "U.S.", "and", "a.m.", "times"]),
            ("Rostov-on-Don", &["Rostov", "-", "on", "-", "Don"]),
            ("“If it's fast,” he said", &["“", "If", "it", "'s", "fast", ",", "”", "he", "said"]),
            ("the 987th day...", &["the", "987th", "day", "..."]),
            ("Grybauskaitė criticized", &["Grybauskaitė", "criticized"]),
        ];
        for (input, want) in cases {
            assert_eq!(toks(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn known_letters_as_the_unicode_tables_say() {
        use unicode_normalization::char::is_combining_mark;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric() && !is_general_punctuation(c), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            let word = c.is_ascii_alphanumeric()
                || !c.is_ascii() && !is_general_punctuation(c) && (c.is_alphanumeric() || is_combining_mark(c));
            assert_eq!(is_word_char(c), word, "{c:?}");
            if let Some(letter) = known_letter(c) {
                assert_eq!(letter, c.is_alphabetic() && !is_combining_mark(c), "{c:?}");
                assert!(letter || !c.is_alphanumeric() && !is_combining_mark(c), "{c:?}");
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_word_characters() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c)) {
            assert!(!c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn scanned_flags_equal_case_flags() {
        let inputs = [
            "NATO's Mark rutte, the USA and UK; A1 B2B x AB1 1AB aB Ab ABc",
            "Grybauskaitė GRYBAUSKAITĖ Éric ÉRIC the U.S. Be'eri BE'ERI don't DON'T",
            "Kyiv-based NATO-led 4.3bn 11,000 “Quoted” 'single' I a X9 9X",
            "ALLCAPS Word word wORD WoRd Q 7 Z99z",
            "a. I A B x.y.z. e.g. AB's Ab's x'y O'Brien Uk-2 U.S.A. b.c ABé Abé aé I'm IT'S",
        ];
        for s in inputs {
            let mut v = Vec::new();
            tokenise(s, 0..s.len(), &mut v);
            for t in &v {
                let flags = t.flags & !(Token::SPACE_BEFORE | Token::ASCII_WORD);
                assert_eq!(flags, case_flags(t.text(s), t.kind), "{:?}", t.text(s));
                let ascii_word = t.kind == TokenKind::Word
                    && t.text(s).bytes().all(|b| b.is_ascii_alphanumeric())
                    && s.as_bytes().get(t.end as usize).is_none_or(|&b| b.is_ascii() && !b.is_ascii_alphanumeric());
                if t.flags & Token::ASCII_WORD != 0 {
                    assert!(ascii_word, "{:?}", t.text(s));
                }
            }
        }
    }

    #[test]
    fn flags() {
        let s = "NATO's Mark rutte";
        let mut v = Vec::new();
        tokenise(s, 0..s.len(), &mut v);
        assert!(v[0].is_all_caps() && v[0].is_capitalised());
        assert!(v[2].is_capitalised() && !v[2].is_all_caps());
        assert!(!v[3].is_capitalised());
    }
}
