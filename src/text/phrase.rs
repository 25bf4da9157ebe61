//! Case-insensitive phrase lookup over tokens.
//!
//! Contract: a [`PhraseIndex`] holds lowercase phrases ("secretary-general", "took control
//! of", "lt. gen.", "the kremlin") and finds the phrases starting at a token, longest
//! first. A phrase matches when its characters equal the lowercased text from the token's
//! start, any run of spaces in the phrase matching any run of whitespace in the text, and
//! it ends at a token end. Phrases are indexed by their first two words (runs of letters
//! and digits), so a lookup costs two hash probes and the comparison of the few phrases
//! that share both words, however many phrases start with "the" or "al". The first word
//! of every token is hashed once, when the document is analysed ([`word_hash`]), so a
//! probe that finds nothing never reads the text; the second word is the first word of a
//! token further on, looked up only when the first word may start a phrase.

use super::token::{is_alphanumeric, ASCII_ALPHANUMERIC, ASCII_OTHER, BYTE_CLASS};
use super::{Document, Token};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// Phrases indexed by their first two words; each phrase carries a value.
///
/// One flat table per kind of key, so that a lookup touches few cache lines: the phrases
/// of two or more words by the hashes of their first two words, those of one word by the
/// hash of that word, each key giving a range of `ids` (longest phrase first). Words are
/// not compared at lookup: a phrase found under a key is compared with the text in full
/// ([`matches`]), so the rare phrase whose words share another's hashes never matches
/// in its place.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    /// (first word hash, second word hash) → range of `ids`: phrases of two or more words.
    pairs: FxHashMap<(u64, u64), (u32, u32)>,
    /// First word hash → range of `ids`: phrases of one word.
    singles: FxHashMap<u64, (u32, u32)>,
    ids: Vec<u32>,
    /// Each phrase's key: its first word's hash and its second word's (`None` for a phrase
    /// of one word), in the order of `phrases`.
    keys: Vec<(u64, Option<u64>)>,
    /// A bit per hash of the first words, set for the first words of phrases: most
    /// tokens start no phrase, and this small table (which stays in cache when the maps
    /// are large) tells so without probing them.
    first_filter: Vec<u64>,
    /// The shift of a hash's product that gives its bit in `first_filter` (see
    /// [`filter_shift`]).
    filter_shift: u32,
    /// The phrases, one after the other (one allocation rather than one per phrase).
    text: String,
    /// Each phrase's range of `text` and value.
    phrases: Vec<(u32, u32, T)>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            pairs: FxHashMap::default(),
            singles: FxHashMap::default(),
            ids: Vec::new(),
            keys: Vec::new(),
            first_filter: vec![0],
            filter_shift: filter_shift(1),
            text: String::new(),
            phrases: Vec::new(),
        }
    }
}

/// The shift that [`filter_bit`] takes for a filter of `words` 64-bit words (a power of
/// two): worked out once, not at every token.
fn filter_shift(words: usize) -> u32 {
    64 - (words.trailing_zeros() + 6)
}

/// The bit of `hash` in a filter whose [`filter_shift`] is `shift`.
#[inline(always)]
fn filter_bit(hash: u64, shift: u32) -> (usize, u64) {
    let i = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
    (i / 64, 1 << (i % 64))
}

/// The hash of a word under which phrases are indexed.
pub fn word_hash(word: &str) -> u64 {
    bytes_hash(word.as_bytes())
}

/// [`word_hash`] of a word's bytes (a slice of bytes is taken without the checks of
/// character boundaries a slice of a string makes).
#[inline]
pub(crate) fn bytes_hash(word: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(word);
    h.finish()
}

/// Whether two (short) words are equal: a plain loop, cheaper than a call to `memcmp`
/// for a few bytes.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same_word`] of bytes.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The end of the run of letters and digits of `s` starting at byte `from`.
fn alphanumeric_end(s: &str, from: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            if !bytes[i].is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if is_alphanumeric(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The end of the run of characters other than letters and digits of `s` starting at
/// byte `from`.
fn separator_end(s: &str, from: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            if bytes[i].is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if !is_alphanumeric(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The first word of `s` (a run of letters and digits), or its first character when it
/// starts with punctuation; and the rest of `s` after it.
fn split_word(s: &str) -> (&str, &str) {
    let end = alphanumeric_end(s, 0);
    let end = if end == 0 { s.chars().next().map_or(0, char::len_utf8) } else { end };
    s.split_at(end)
}

/// Byte ranges (first word start, end, second word start, end) of the first two words of
/// `text` from `from` on.
pub fn word_key_at(text: &str, from: usize) -> [u32; 4] {
    let first_end = from + split_word(&text[from..]).0.len();
    let second_start = separator_end(text, first_end);
    let second_end = alphanumeric_end(text, second_start);
    [from as u32, first_end as u32, second_start as u32, second_end as u32]
}

/// A token's first word (see [`word_key_at`]): where it ends in the lowercased text and
/// its [`word_hash`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstWord {
    pub end: u32,
    pub hash: u64,
}

/// The end of the run of bytes of [`BYTE_CLASS`] `class` of `bytes` from `from` on: the
/// ASCII fast path of [`alphanumeric_end`] and [`separator_end`].
#[inline(always)]
fn ascii_run(bytes: &[u8], from: usize, class: u8) -> usize {
    let mut e = from;
    while e < bytes.len() && BYTE_CLASS[bytes[e] as usize] == class {
        e += 1;
    }
    e
}

/// The end of the first word of token `t` of the lowercased text `lower`.
#[inline(always)]
fn first_word_end(lower: &str, t: &Token) -> usize {
    if t.flags & Token::ASCII_WORD != 0 {
        // The tokeniser found where the word ends (told before the text is read).
        return t.end as usize;
    }
    let bytes = lower.as_bytes();
    let start = t.start as usize;
    let lead = bytes[start];
    if lead.is_ascii_alphanumeric() {
        match ascii_run(bytes, start, ASCII_ALPHANUMERIC) {
            e if e < bytes.len() && !bytes[e].is_ascii() => alphanumeric_end(lower, e),
            e => e,
        }
    } else if lead.is_ascii() {
        start + 1
    } else {
        start + split_word(&lower[start..]).0.len()
    }
}

/// For each token, its [`FirstWord`]: every word of the text is hashed once, as the first
/// word of the token it starts (a token's second word, when a phrase lookup needs it, is
/// the first word of a token further on: [`second_word_hash`]).
pub fn first_words(lower: &str, tokens: &[Token]) -> Vec<FirstWord> {
    let bytes = lower.as_bytes();
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let end = first_word_end(lower, t);
        out.push(FirstWord { end: end as u32, hash: bytes_hash(&bytes[t.start as usize..end]) });
    }
    out
}

/// The [`word_hash`] of the second word of [`word_key_at`] the start of token `i` (whose
/// first word is `words[i]`).
#[inline]
pub fn second_word_hash(lower: &str, tokens: &[Token], words: &[FirstWord], i: usize) -> u64 {
    // Most often the next token starts one space after the first word, with a letter or a
    // digit: the second word is its first word. Told here, inline; else looked for.
    let bytes = lower.as_bytes();
    if let (Some(w), Some(next), Some(next_word)) = (words.get(i), tokens.get(i + 1), words.get(i + 1)) {
        let gap = w.end as usize;
        if next.start as usize == gap + 1
            && bytes[gap] == b' '
            && BYTE_CLASS[bytes[gap + 1] as usize] == ASCII_ALPHANUMERIC
        {
            return next_word.hash;
        }
    }
    second_word_hash_after_gap(lower, tokens, words, i)
}

/// [`second_word_hash`] when the next token is not one space after the first word.
#[inline(never)]
fn second_word_hash_after_gap(lower: &str, tokens: &[Token], words: &[FirstWord], i: usize) -> u64 {
    let bytes = lower.as_bytes();
    let first_end = words.get(i).map_or(bytes.len(), |w| w.end as usize);
    let mut second_start = ascii_run(bytes, first_end, ASCII_OTHER);
    if second_start < bytes.len() && !bytes[second_start].is_ascii() {
        second_start = separator_end(lower, second_start);
    }
    // The second word starts with a letter or digit (or is empty, at the end of the
    // text): a token starting there has it as its first word, already hashed. It is
    // usually the next token, or the one after a punctuation mark.
    let mut j = i + 1;
    while tokens.get(j).is_some_and(|u| (u.start as usize) < second_start) {
        j += 1;
    }
    match (tokens.get(j), words.get(j)) {
        (Some(u), Some(w)) if u.start as usize == second_start => w.hash,
        _ => bytes_hash(&bytes[second_start..alphanumeric_end(lower, second_start)]),
    }
}

/// A phrase as an index holds it: lowercased.
fn lowercase(mut phrase: String) -> String {
    if phrase.is_ascii() {
        phrase.make_ascii_lowercase();
        phrase
    } else {
        phrase.to_lowercase()
    }
}

/// The first word under which a [`PhraseIndex`] files `phrase` (one of its
/// [`PhraseIndex::first_words`] once inserted).
pub fn first_word(phrase: &str) -> String {
    let mut phrase = lowercase(phrase.to_owned());
    let end = two_words(&phrase).0.len();
    phrase.truncate(end);
    phrase
}

/// The first and second words of a phrase ("" when there is no second word).
fn two_words(s: &str) -> (&str, &str) {
    // The common case, byte by byte: a word is a run of ASCII letters and digits, or else
    // the first character alone. Taken when each run stops at an ASCII byte or the end,
    // where the text is looked at no further (rather than after checking the whole text is
    // ASCII): a character that is not ASCII might go on a word or a gap.
    let bytes = s.as_bytes();
    let run = |mut i: usize, class: u8| {
        while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == class {
            i += 1;
        }
        i
    };
    let ascii_at = |i: usize| bytes.get(i).is_none_or(u8::is_ascii);
    let first = match bytes.first() {
        None => Some(0),
        Some(b) if b.is_ascii_alphanumeric() => Some(run(1, ASCII_ALPHANUMERIC)),
        Some(b) if b.is_ascii() => Some(1),
        Some(_) => None,
    };
    if let Some(first) = first.filter(|&i| ascii_at(i)) {
        let second = run(first, ASCII_OTHER);
        let end = run(second, ASCII_ALPHANUMERIC);
        if ascii_at(second) && ascii_at(end) {
            return (&s[..first], &s[second..end]);
        }
    }
    let [_, a, b, c] = word_key_at(s, 0);
    (&s[..a as usize], &s[b as usize..c as usize])
}

/// A phrase's key in a [`PhraseIndex`]: its first word's hash and its second word's
/// (`None` for a phrase of one word).
fn key_of(phrase: &str) -> (u64, Option<u64>) {
    let (first, second) = two_words(phrase);
    (word_hash(first), (!second.is_empty()).then(|| word_hash(second)))
}

impl<T> PhraseIndex<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of many phrases, sorted once.
    pub fn from_phrases(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        Self::from_lowercase(phrases.into_iter().map(|(phrase, value)| (lowercase(phrase), value)))
    }

    /// [`PhraseIndex::from_phrases`] of phrases that are lowercase already (as
    /// [`str::to_lowercase`] leaves them, or [`str::to_ascii_lowercase`] an ASCII phrase):
    /// they are indexed as they are. Lowercasing is idempotent, so the index is the one
    /// `from_phrases` would build from the same phrases.
    pub fn from_lowercase<S: AsRef<str>>(phrases: impl IntoIterator<Item = (S, T)>) -> Self {
        let phrases = phrases.into_iter();
        let mut idx = PhraseIndex::default();
        idx.phrases.reserve(phrases.size_hint().0);
        idx.keys.reserve(phrases.size_hint().0);
        for (phrase, value) in phrases {
            let phrase = phrase.as_ref();
            debug_assert_eq!(lowercase(phrase.to_string()), phrase, "a phrase not in lowercase");
            idx.push(phrase, value);
        }
        idx.sort();
        idx
    }

    /// [`PhraseIndex::from_lowercase`] of phrases laid out in one text already: phrase `i`
    /// is `text[start..end]` of `phrases[i]`, with its value. The text becomes the index's
    /// own rather than each phrase being copied into a new one (the gazetteer writes its
    /// 150,000 lowercase forms into one text as it groups them).
    pub(crate) fn from_lowercase_text(text: String, phrases: Vec<(u32, u32, T)>) -> Self {
        let keys = phrases.iter().map(|&(start, end, _)| key_of(&text[start as usize..end as usize])).collect();
        let mut idx = PhraseIndex { text, phrases, keys, ..PhraseIndex::default() };
        idx.sort();
        idx
    }

    /// Add one phrase (small lexicons; for many phrases use [`PhraseIndex::from_phrases`]).
    pub fn insert(&mut self, phrase: &str, value: T) {
        self.push(&lowercase(phrase.to_owned()), value);
        self.sort();
    }

    /// Add a lowercase phrase to `phrases` and its key to `keys` (the tables are built by
    /// [`PhraseIndex::sort`]).
    fn push(&mut self, phrase: &str, value: T) {
        self.keys.push(key_of(phrase));
        let start = self.text.len() as u32;
        self.text.push_str(phrase);
        self.phrases.push((start, self.text.len() as u32, value));
    }

    /// The bytes of phrase `id` and its value.
    #[inline]
    fn phrase_bytes(&self, id: u32) -> (&[u8], &T) {
        let (start, end, value) = &self.phrases[id as usize];
        (&self.text.as_bytes()[*start as usize..*end as usize], value)
    }

    /// Phrase `id`.
    fn phrase(&self, id: u32) -> &str {
        let (start, end, _) = self.phrases[id as usize];
        &self.text[start as usize..end as usize]
    }

    /// Build the tables from `keys`: each key's phrases longest first (then in the order
    /// they were added).
    fn sort(&mut self) {
        // Number the keys in order of first appearance, count their phrases, and lay the
        // phrases out key by key, each key's phrases in the order they were added; then
        // order each key's few phrases longest first.
        // Room for every key at once: no table grows and rehashes on the way.
        let two_or_more = self.keys.iter().filter(|(_, second)| second.is_some()).count();
        let mut pairs: FxHashMap<(u64, u64), (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(two_or_more, Default::default());
        let mut singles: FxHashMap<u64, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(self.keys.len() - two_or_more, Default::default());
        let mut firsts: rustc_hash::FxHashSet<u64> =
            rustc_hash::FxHashSet::with_capacity_and_hasher(self.keys.len(), Default::default());
        // For each phrase its key's number; for each key number its count.
        let mut group = Vec::with_capacity(self.keys.len());
        let mut counts: Vec<u32> = Vec::with_capacity(self.keys.len());
        for &(first, second) in &self.keys {
            // A key seen for the first time takes the next number (and only a new key
            // may have a new first word).
            let fresh = (counts.len() as u32, 0);
            let g = match second {
                Some(second) => pairs.entry((first, second)).or_insert(fresh).0,
                None => singles.entry(first).or_insert(fresh).0,
            };
            if g == fresh.0 {
                firsts.insert(first);
                counts.push(0);
            }
            counts[g as usize] += 1;
            group.push(g);
        }
        let mut start = Vec::with_capacity(counts.len());
        let mut at = 0;
        for &n in &counts {
            start.push(at);
            at += n;
        }
        let mut next = start.clone();
        let mut ids = vec![0u32; self.keys.len()];
        for (i, &g) in group.iter().enumerate() {
            ids[next[g as usize] as usize] = i as u32;
            next[g as usize] += 1;
        }
        for (&s, &n) in start.iter().zip(&counts) {
            let list = &mut ids[s as usize..(s + n) as usize];
            if list.len() > 1 {
                list.sort_by_key(|&i| std::cmp::Reverse(self.phrase_bytes(i).0.len()));
            }
        }
        for r in pairs.values_mut().chain(singles.values_mut()) {
            let g = r.0 as usize;
            *r = (start[g], start[g] + counts[g]);
        }
        self.pairs = pairs;
        self.singles = singles;
        self.ids = ids;
        // About 16 bits per first word: few false positives.
        let words = (firsts.len() / 4).next_power_of_two().max(1);
        self.first_filter = vec![0; words];
        self.filter_shift = filter_shift(words);
        for hash in firsts {
            let (w, bit) = filter_bit(hash, self.filter_shift);
            self.first_filter[w] |= bit;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first words of the phrases, each once: no phrase starts at a token whose
    /// first word is not one of them.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        let mut seen = rustc_hash::FxHashSet::default();
        (0..self.len() as u32).map(|id| two_words(self.phrase(id)).0).filter(move |w| seen.insert(*w))
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether a phrase may start with a word of hash `first_hash` (a [`word_hash`]): the
    /// filter of first words, which rules out most words before any table is probed.
    #[inline(always)]
    pub fn may_start_with(&self, first_hash: u64) -> bool {
        let (w, bit) = filter_bit(first_hash, self.filter_shift);
        self.first_filter.get(w).is_some_and(|&x| x & bit != 0)
    }

    /// The phrases that may start at token `i` (those sharing its first two words, then
    /// those of its first word alone), longest first.
    #[inline]
    fn candidates<'s>(&'s self, doc: &Document<'_>, i: usize) -> Option<Candidates<'s>> {
        let first_hash = doc.first_words.get(i)?.hash;
        let (w, bit) = filter_bit(first_hash, self.filter_shift);
        if self.first_filter[w] & bit == 0 {
            return None;
        }
        let range = |r: Option<&(u32, u32)>| r.map_or(&[][..], |&(a, b)| &self.ids[a as usize..b as usize]);
        // The second word is found only for an index with phrases of two words or more.
        let longer =
            if self.pairs.is_empty() { &[][..] } else { range(self.pairs.get(&(first_hash, doc.second_word_hash(i)))) };
        let single = range(self.singles.get(&first_hash));
        Some(longer.iter().chain(single))
    }

    /// The longest phrase starting at token `i` with the index one past its last token.
    pub fn longest_at(&self, doc: &Document, i: usize) -> Option<(&T, usize)> {
        self.candidates(doc, i)?.find_map(|&id| {
            let (p, v) = self.phrase_bytes(id);
            matches_bytes(doc, i, p).map(|end| (v, end))
        })
    }

    /// Every phrase starting at token `i`, longest first, with its end token.
    #[inline]
    pub fn all_at<'s>(&'s self, doc: &'s Document<'_>, i: usize) -> PhraseMatches<'s, T> {
        let ids = self.candidates(doc, i).unwrap_or_else(|| [].iter().chain(&[]));
        PhraseMatches { index: self, doc, i, ids }
    }

    /// The value of a phrase equal to `text` (spaces normalised), if any.
    pub fn get(&self, text: &str) -> Option<&T> {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let (first, second) = two_words(&norm);
        let (a, b) = if second.is_empty() {
            *self.singles.get(&word_hash(first))?
        } else {
            *self.pairs.get(&(word_hash(first), word_hash(second)))?
        };
        self.ids[a as usize..b as usize].iter().find(|&&i| self.phrase(i) == norm).map(|&i| &self.phrases[i as usize].2)
    }
}

/// Phrase ids, longest first.
type Candidates<'s> = std::iter::Chain<std::slice::Iter<'s, u32>, std::slice::Iter<'s, u32>>;

/// The phrases starting at a token ([`PhraseIndex::all_at`]). A plain struct rather than
/// a chain of adapters: it is made at every token, and stays small enough to be cheap to
/// make and move.
pub struct PhraseMatches<'s, T> {
    index: &'s PhraseIndex<T>,
    doc: &'s Document<'s>,
    i: usize,
    ids: Candidates<'s>,
}

impl<'s, T> Iterator for PhraseMatches<'s, T> {
    type Item = (&'s T, usize);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        for &id in &mut self.ids {
            let (p, v) = self.index.phrase_bytes(id);
            if let Some(end) = matches_bytes(self.doc, self.i, p) {
                return Some((v, end));
            }
        }
        None
    }
}

/// If `phrase` matches at token `i`, the index one past its last token.
pub fn matches(doc: &Document, i: usize, phrase: &str) -> Option<usize> {
    matches_bytes(doc, i, phrase.as_bytes())
}

/// [`matches`] of a phrase's bytes.
#[inline]
fn matches_bytes(doc: &Document, i: usize, phrase: &[u8]) -> Option<usize> {
    let tok = doc.tokens.get(i)?;
    let text = doc.lower.as_bytes();
    let mut pos = tok.start as usize;
    for &b in phrase {
        if b == b' ' {
            if !text.get(pos).is_some_and(|c| c.is_ascii_whitespace()) {
                return None;
            }
            while text.get(pos).is_some_and(|c| c.is_ascii_whitespace()) {
                pos += 1;
            }
        } else {
            if text.get(pos) != Some(&b) {
                return None;
            }
            pos += 1;
        }
    }
    // The token ending at `pos`: tokens are sorted and do not overlap, and the phrase
    // ends after token `i` starts.
    let pos = pos as u32;
    let j = i + doc.tokens[i..].iter().position(|t| t.end >= pos)?;
    (doc.tokens[j].end == pos).then_some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_over_split_tokens() {
        let abbr = Default::default();
        let doc = Document::analyse("NATO's Secretary-General Mark Rutte took control of it.", &abbr);
        let mut idx = PhraseIndex::new();
        idx.insert("secretary", 1);
        idx.insert("secretary-general", 2);
        idx.insert("took control of", 3);
        idx.insert("took", 4);
        let at = |i: usize| idx.longest_at(&doc, i).map(|(v, e)| (*v, e));
        // tokens: NATO 's Secretary - General Mark Rutte took control of it .
        assert_eq!(at(2), Some((2, 5)));
        assert_eq!(at(7), Some((3, 10)));
        assert_eq!(at(5), None);
        assert_eq!(idx.get("took  control of"), Some(&3));
    }

    #[test]
    fn word_keys_of_every_token() {
        let abbr = Default::default();
        let text = "Don't, the U.S. and Be'eri -- “Kyiv’s” 4.3bn ... Grybauskaitė (NATO) said. Ça va, don't-x l'été 'n";
        let doc = Document::analyse(text, &abbr);
        for (i, t) in doc.tokens.iter().enumerate() {
            let [a, b, c, d] = word_key_at(&doc.lower, t.start as usize).map(|x| x as usize);
            let first = FirstWord { end: b as u32, hash: word_hash(&doc.lower[a..b]) };
            assert_eq!(doc.first_words[i], first, "token {i}");
            assert_eq!(doc.second_word_hash(i), word_hash(&doc.lower[c..d]), "token {i}");
        }
    }

    #[test]
    fn two_words_of_ascii_as_of_any_text() {
        for s in [
            "",
            "u.s.",
            "took control of",
            "(",
            "be'eri",
            "al-qassam brigades",
            "lt. gen. x",
            "x",
            "...",
            "a  b",
            "4.3bn",
            "élysée palace",
            "new élysée",
            "kyiv’s centre",
            "a b€",
            "ab’",
            "x’y z",
            "’s",
        ] {
            let [_, a, b, c] = word_key_at(s, 0).map(|x| x as usize);
            assert_eq!(two_words(s), (&s[..a], &s[b..c]), "{s:?}");
        }
    }

    #[test]
    fn phrases_sharing_words_longest_first_then_as_added() {
        let abbr = Default::default();
        let doc = Document::analyse("New York City and New Delhi.", &abbr);
        let idx = PhraseIndex::from_phrases(
            ["new", "new york", "new delhi", "new york city", "york", "new-york"].map(|p| (p.to_owned(), p)),
        );
        let at = |i: usize| idx.all_at(&doc, i).map(|(v, end)| (*v, end)).collect::<Vec<_>>();
        assert_eq!(at(0), vec![("new york city", 3), ("new york", 2), ("new", 1)]);
        assert_eq!(at(4), vec![("new delhi", 6), ("new", 5)]);
        assert_eq!(at(1), vec![("york", 2)]);
        assert_eq!(at(3), vec![]);
        // Added one at a time, the index is rebuilt each time, with the same result.
        let mut one_by_one = PhraseIndex::new();
        for p in ["new", "new york", "new delhi", "new york city", "york", "new-york"] {
            one_by_one.insert(p, p);
        }
        let at = |i: usize| one_by_one.all_at(&doc, i).map(|(v, end)| (*v, end)).collect::<Vec<_>>();
        assert_eq!(at(0), vec![("new york city", 3), ("new york", 2), ("new", 1)]);
        assert_eq!(one_by_one.get("New  Delhi"), Some(&"new delhi"));
        assert_eq!(one_by_one.get("new jersey"), None);
    }

    #[test]
    fn first_words_of_phrases() {
        let phrases = ["Took control of", "U.S.", "al-Qassam Brigades", "Élysée Palace", "(", "be'eri", "the"];
        let idx = PhraseIndex::from_phrases(phrases.iter().map(|p| (p.to_string(), ())));
        let mut want: Vec<&str> = idx.first_words().collect();
        let mut got: Vec<String> = phrases.iter().map(|p| first_word(p)).collect();
        want.sort_unstable();
        got.sort_unstable();
        got.dedup();
        assert_eq!(got, want);
    }

    #[test]
    fn dotted_and_apostrophe_words() {
        let abbr = Default::default();
        let doc = Document::analyse("The U.S. and Be'eri, the Kremlin said.", &abbr);
        let idx = PhraseIndex::from_phrases([
            ("u.s.".to_owned(), 1),
            ("be'eri".to_owned(), 2),
            ("the kremlin".to_owned(), 3),
        ]);
        let found: Vec<i32> = (0..doc.tokens.len()).filter_map(|i| idx.longest_at(&doc, i).map(|(v, _)| *v)).collect();
        assert_eq!(found, vec![1, 2, 3]);
    }
}
