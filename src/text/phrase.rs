//! Case-insensitive phrase lookup over tokens.
//!
//! Contract: a [`PhraseIndex`] holds lowercase phrases ("secretary-general", "took control
//! of", "lt. gen.", "the kremlin") and finds the phrases starting at a token, longest
//! first. A phrase matches when its characters equal the lowercased text from the token's
//! start, any run of spaces in the phrase matching any run of whitespace in the text, and
//! it ends at a token end. Phrases are indexed by their first two words (runs of letters
//! and digits), so a lookup costs two hash probes and the comparison of the few phrases
//! that share both words, however many phrases start with "the" or "al". The words of
//! every token are hashed once, when the document is analysed ([`word_hash`]), so a
//! probe that finds nothing never reads the text.

use super::token::{is_general_punctuation, ASCII_ALPHANUMERIC, ASCII_OTHER, BYTE_CLASS};
use super::{Document, Token};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// The phrases sharing a first word, split by their second word.
#[derive(Debug, Clone)]
struct Bucket {
    /// The first word.
    word: Box<str>,
    /// Phrases of one word, longest first.
    single: Vec<u32>,
    /// Phrases of two or more words by the hash of their second word (then the word
    /// itself, should two words share a hash), longest first.
    by_second: FxHashMap<u64, Vec<SecondWord>>,
}

/// A second word and the phrases that continue with it, longest first.
type SecondWord = (Box<str>, Vec<u32>);

/// Phrases indexed by their first two words; each phrase carries a value.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    /// Buckets by the hash of their first word (several, should two words share a hash).
    by_first: FxHashMap<u64, Vec<Bucket>>,
    /// A bit per hash of the first words, set for the first words of phrases: most
    /// tokens start no phrase, and this small table (which stays in cache when the map
    /// is large) tells so without probing the map.
    first_filter: Vec<u64>,
    phrases: Vec<(Box<str>, T)>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FxHashMap::default(), first_filter: vec![0], phrases: Vec::new() }
    }
}

/// The bit of `hash` in a filter of `words` 64-bit words (a power of two).
fn filter_bit(hash: u64, words: usize) -> (usize, u64) {
    let bits = words.trailing_zeros() + 6;
    let i = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
    (i / 64, 1 << (i % 64))
}

/// The hash of a word under which phrases are indexed.
pub fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Whether two (short) words are equal: a plain loop, cheaper than a call to `memcmp`
/// for a few bytes.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
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
                Some(c) if !is_general_punctuation(c) && c.is_alphanumeric() => i += c.len_utf8(),
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
                Some(c) if is_general_punctuation(c) || !c.is_alphanumeric() => i += c.len_utf8(),
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

/// For each token, [`word_key_at`] its start and the [`word_hash`]es of the two words.
pub fn word_keys(lower: &str, tokens: &[Token]) -> (Vec<[u32; 4]>, Vec<[u64; 2]>) {
    // Back to front (then reversed): the second word of a token is usually the first word
    // of a later token (the nearest one that starts with a letter or digit), already known.
    let mut keys = Vec::with_capacity(tokens.len());
    let mut hashes = Vec::with_capacity(tokens.len());
    let mut next_word: Option<(usize, usize, u64)> = None;
    let bytes = lower.as_bytes();
    // ASCII fast paths of `split_word`, `alphanumeric_end` and `separator_end`.
    let ascii_run = |from: usize, alphanumeric: bool| {
        let class = if alphanumeric { ASCII_ALPHANUMERIC } else { ASCII_OTHER };
        let mut e = from;
        while e < bytes.len() && BYTE_CLASS[bytes[e] as usize] == class {
            e += 1;
        }
        e
    };
    for t in tokens.iter().rev() {
        let start = t.start as usize;
        let lead = bytes[start];
        let starts_alphanumeric = if lead.is_ascii() {
            lead.is_ascii_alphanumeric()
        } else {
            lower[start..].starts_with(|c: char| c.is_alphanumeric())
        };
        let first_end = if lead.is_ascii_alphanumeric() {
            match ascii_run(start, true) {
                e if e < bytes.len() && !bytes[e].is_ascii() => alphanumeric_end(lower, e),
                e => e,
            }
        } else if lead.is_ascii() {
            start + 1
        } else {
            start + split_word(&lower[start..]).0.len()
        };
        let first_hash = word_hash(&lower[start..first_end]);
        let second_start = match ascii_run(first_end, false) {
            e if e < bytes.len() && !bytes[e].is_ascii() => separator_end(lower, e),
            e => e,
        };
        let (second_end, second_hash) = match next_word {
            Some((s, e, h)) if s == second_start => (e, h),
            _ => {
                let e = alphanumeric_end(lower, second_start);
                (e, word_hash(&lower[second_start..e]))
            }
        };
        keys.push([start as u32, first_end as u32, second_start as u32, second_end as u32]);
        hashes.push([first_hash, second_hash]);
        if starts_alphanumeric {
            next_word = Some((start, first_end, first_hash));
        }
    }
    keys.reverse();
    hashes.reverse();
    (keys, hashes)
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
    let [_, a, b, c] = word_key_at(s, 0);
    (&s[..a as usize], &s[b as usize..c as usize])
}

impl<T> PhraseIndex<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of many phrases, sorted once.
    pub fn from_phrases(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        let phrases = phrases.into_iter();
        let mut idx = PhraseIndex::default();
        idx.phrases.reserve(phrases.size_hint().0);
        for (phrase, value) in phrases {
            idx.push(phrase, value);
        }
        idx.sort();
        idx
    }

    /// Add one phrase (small lexicons; for many phrases use [`PhraseIndex::from_phrases`]).
    pub fn insert(&mut self, phrase: &str, value: T) {
        self.push(phrase.to_owned(), value);
        self.sort();
    }

    fn push(&mut self, phrase: String, value: T) {
        let phrase = lowercase(phrase).into_boxed_str();
        let (first, second) = two_words(&phrase);
        let id = self.phrases.len() as u32;
        let buckets = self.by_first.entry(word_hash(first)).or_default();
        let bucket = match buckets.iter().position(|b| *b.word == *first) {
            Some(b) => &mut buckets[b],
            None => {
                let word = first.into();
                buckets.push(Bucket { word, single: Vec::new(), by_second: FxHashMap::default() });
                buckets.last_mut().expect("just pushed")
            }
        };
        if second.is_empty() {
            bucket.single.push(id);
        } else {
            let lists = bucket.by_second.entry(word_hash(second)).or_default();
            match lists.iter_mut().find(|(w, _)| **w == *second) {
                Some((_, list)) => list.push(id),
                None => lists.push((second.into(), vec![id])),
            }
        }
        self.phrases.push((phrase, value));
    }

    fn sort(&mut self) {
        let phrases = &self.phrases;
        let longest_first = |list: &mut Vec<u32>| list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].0.len()));
        for bucket in self.by_first.values_mut().flatten() {
            longest_first(&mut bucket.single);
            bucket.by_second.values_mut().flatten().for_each(|(_, list)| longest_first(list));
        }
        // About 16 bits per first word: few false positives.
        let words = (self.by_first.len() / 4).next_power_of_two().max(1);
        self.first_filter = vec![0; words];
        for &hash in self.by_first.keys() {
            let (w, bit) = filter_bit(hash, words);
            self.first_filter[w] |= bit;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first words of the phrases: no phrase starts at a token whose first word is
    /// not one of them.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.values().flatten().map(|b| &*b.word)
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The phrases that may start at token `i` (those sharing its first two words, then
    /// those of its first word alone), longest first.
    #[inline]
    fn candidates<'s>(&'s self, doc: &Document<'_>, i: usize) -> Option<Candidates<'s>> {
        let &[first_hash, second_hash] = doc.word_hashes.get(i)?;
        let (w, bit) = filter_bit(first_hash, self.first_filter.len());
        if self.first_filter[w] & bit == 0 {
            return None;
        }
        let buckets = self.by_first.get(&first_hash)?;
        let (first, second) = doc.word_key(i);
        let bucket = buckets.iter().find(|b| same_word(&b.word, first))?;
        let longer = bucket
            .by_second
            .get(&second_hash)
            .and_then(|lists| lists.iter().find(|(w, _)| same_word(w, second)))
            .map_or(&[][..], |(_, list)| list.as_slice());
        Some(longer.iter().chain(&bucket.single))
    }

    /// The longest phrase starting at token `i` with the index one past its last token.
    pub fn longest_at(&self, doc: &Document, i: usize) -> Option<(&T, usize)> {
        self.candidates(doc, i)?.find_map(|&id| {
            let (p, v) = &self.phrases[id as usize];
            matches(doc, i, p).map(|end| (v, end))
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
        let bucket = self.by_first.get(&word_hash(first))?.iter().find(|b| *b.word == *first)?;
        let list = if second.is_empty() {
            &bucket.single
        } else {
            &bucket.by_second.get(&word_hash(second))?.iter().find(|(w, _)| **w == *second)?.1
        };
        list.iter().map(|&i| &self.phrases[i as usize]).find(|(p, _)| **p == *norm).map(|(_, v)| v)
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
            let (p, v) = &self.index.phrases[id as usize];
            if let Some(end) = matches(self.doc, self.i, p) {
                return Some((v, end));
            }
        }
        None
    }
}

/// If `phrase` matches at token `i`, the index one past its last token.
pub fn matches(doc: &Document, i: usize, phrase: &str) -> Option<usize> {
    let tok = doc.tokens.get(i)?;
    let text = doc.lower.as_bytes();
    let mut pos = tok.start as usize;
    for b in phrase.bytes() {
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
        let text = "Don't, the U.S. and Be'eri -- “Kyiv’s” 4.3bn ... Grybauskaitė (NATO) said.";
        let doc = Document::analyse(text, &abbr);
        for (i, t) in doc.tokens.iter().enumerate() {
            let key = word_key_at(&doc.lower, t.start as usize);
            assert_eq!(doc.word_keys[i], key, "token {i}");
            let [a, b, c, d] = key.map(|x| x as usize);
            let hashes = [word_hash(&doc.lower[a..b]), word_hash(&doc.lower[c..d])];
            assert_eq!(doc.word_hashes[i], hashes, "token {i}");
        }
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
