//! Case-insensitive phrase lookup over tokens.
//!
//! Contract: a [`PhraseIndex`] holds lowercase phrases ("secretary-general", "took control
//! of", "lt. gen.", "the kremlin") and finds the phrases starting at a token, longest
//! first. A phrase matches when its characters equal the lowercased text from the token's
//! start, any run of spaces in the phrase matching any run of whitespace in the text, and
//! it ends at a token end. Phrases are indexed by their first two words (runs of letters
//! and digits), so a lookup costs two hash probes and the comparison of the few phrases
//! that share both words, however many phrases start with "the" or "al".

use super::Document;
use rustc_hash::FxHashMap;

/// The phrases sharing a first word, split by their second word.
#[derive(Debug, Clone, Default)]
struct Bucket {
    /// Phrases of one word, longest first.
    single: Vec<u32>,
    /// Phrases of two or more words by their second word, longest first.
    by_second: FxHashMap<Box<str>, Vec<u32>>,
}

/// Phrases indexed by their first two words; each phrase carries a value.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: FxHashMap<Box<str>, Bucket>,
    phrases: Vec<(Box<str>, T)>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FxHashMap::default(), phrases: Vec::new() }
    }
}

/// The first word of `s` (a run of letters and digits), or its first character when it
/// starts with punctuation; and the rest of `s` after it.
fn split_word(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    let end = if end == 0 { s.chars().next().map_or(0, char::len_utf8) } else { end };
    s.split_at(end)
}

/// Byte ranges (first word start, end, second word start, end) of the first two words of
/// `text` from `from` on.
pub fn word_key_at(text: &str, from: usize) -> [u32; 4] {
    let s = &text[from..];
    let (first, rest) = split_word(s);
    let skip = rest.len() - rest.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let second_start = from + first.len() + skip;
    let rest = &text[second_start..];
    let second_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    [from as u32, (from + first.len()) as u32, second_start as u32, (second_start + second_len) as u32]
}

/// The first and second words of a phrase ("" when there is no second word).
fn two_words(s: &str) -> (&str, &str) {
    let (first, rest) = split_word(s);
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    (first, &rest[..end])
}

impl<T> PhraseIndex<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of many phrases, sorted once.
    pub fn from_phrases(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut idx = PhraseIndex::default();
        for (phrase, value) in phrases {
            idx.push(&phrase, value);
        }
        idx.sort();
        idx
    }

    /// Add one phrase (small lexicons; for many phrases use [`PhraseIndex::from_phrases`]).
    pub fn insert(&mut self, phrase: &str, value: T) {
        self.push(phrase, value);
        self.sort();
    }

    fn push(&mut self, phrase: &str, value: T) {
        let phrase: Box<str> = phrase.to_lowercase().into();
        let (first, second) = two_words(&phrase);
        let id = self.phrases.len() as u32;
        let bucket = self.by_first.entry(first.into()).or_default();
        if second.is_empty() {
            bucket.single.push(id);
        } else {
            bucket.by_second.entry(second.into()).or_default().push(id);
        }
        self.phrases.push((phrase, value));
    }

    fn sort(&mut self) {
        let phrases = &self.phrases;
        let longest_first = |list: &mut Vec<u32>| list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].0.len()));
        for bucket in self.by_first.values_mut() {
            longest_first(&mut bucket.single);
            bucket.by_second.values_mut().for_each(longest_first);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The longest phrase starting at token `i` with the index one past its last token.
    pub fn longest_at(&self, doc: &Document, i: usize) -> Option<(&T, usize)> {
        let (first, second) = doc.word_key(i);
        let bucket = self.by_first.get(first)?;
        let longer = bucket.by_second.get(second).map_or(&[][..], Vec::as_slice);
        longer.iter().chain(&bucket.single).find_map(|&id| {
            let (p, v) = &self.phrases[id as usize];
            matches(doc, i, p).map(|end| (v, end))
        })
    }

    /// Every phrase starting at token `i`, longest first, with its end token.
    pub fn all_at<'s>(&'s self, doc: &'s Document<'_>, i: usize) -> impl Iterator<Item = (&'s T, usize)> + 's {
        let candidates = (i < doc.tokens.len()).then(|| doc.word_key(i)).and_then(|(first, second)| {
            let bucket = self.by_first.get(first)?;
            let longer = bucket.by_second.get(second).map_or(&[][..], Vec::as_slice);
            Some(longer.iter().chain(&bucket.single))
        });
        candidates.into_iter().flatten().filter_map(move |&id| {
            let (p, v) = &self.phrases[id as usize];
            matches(doc, i, p).map(|end| (v, end))
        })
    }

    /// The value of a phrase equal to `text` (spaces normalised), if any.
    pub fn get(&self, text: &str) -> Option<&T> {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let (first, second) = two_words(&norm);
        let bucket = self.by_first.get(first)?;
        let list = if second.is_empty() { &bucket.single } else { bucket.by_second.get(second)? };
        list.iter().map(|&i| &self.phrases[i as usize]).find(|(p, _)| **p == *norm).map(|(_, v)| v)
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
    let j = doc.token_ending_at(pos as u32)?;
    (j >= i).then_some(j + 1)
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
