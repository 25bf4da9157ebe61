//! Case-insensitive phrase lookup over tokens.
//!
//! Contract: a [`PhraseIndex`] holds lowercase phrases ("secretary-general", "took control
//! of", "lt. gen.") and finds the longest one starting at a token. A phrase matches when
//! its characters equal the lowercased text from the token's start, any run of spaces in
//! the phrase matching any run of whitespace in the text, and it ends at a token end.
//! Lookup costs one hash probe on the token's text plus the candidates sharing its first
//! word.

use super::Document;
use rustc_hash::FxHashMap;

/// Phrases indexed by their first word; each phrase carries a value.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: FxHashMap<Box<str>, Vec<u32>>,
    phrases: Vec<(Box<str>, T)>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex { by_first: FxHashMap::default(), phrases: Vec::new() }
    }
}

fn first_word(p: &str) -> &str {
    let end = p.find(|c: char| !c.is_alphanumeric()).unwrap_or(p.len());
    if end == 0 {
        // A phrase starting with punctuation: key on its first character.
        let l = p.chars().next().map_or(0, char::len_utf8);
        return &p[..l];
    }
    &p[..end]
}

impl<T> PhraseIndex<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, phrase: &str, value: T) {
        let phrase: Box<str> = phrase.to_lowercase().into();
        let key: Box<str> = first_word(&phrase).into();
        let id = self.phrases.len() as u32;
        self.phrases.push((phrase, value));
        let list = self.by_first.entry(key).or_default();
        list.push(id);
        // Longest first, so the first hit is the longest.
        let phrases = &self.phrases;
        list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].0.len()));
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The longest phrase starting at token `i` with the index one past its last token.
    pub fn longest_at(&self, doc: &Document, i: usize) -> Option<(&T, usize)> {
        let ids = self.by_first.get(doc.low(i))?;
        ids.iter().find_map(|&id| {
            let (p, v) = &self.phrases[id as usize];
            matches(doc, i, p).map(|end| (v, end))
        })
    }

    /// Every phrase starting at token `i`, longest first, with its end token.
    pub fn all_at<'s>(&'s self, doc: &'s Document<'_>, i: usize) -> impl Iterator<Item = (&'s T, usize)> + 's {
        let key = doc.low(i);
        self.by_first.get(key).into_iter().flatten().filter_map(move |&id| {
            let (p, v) = &self.phrases[id as usize];
            matches(doc, i, p).map(|end| (v, end))
        })
    }

    /// The value of a phrase equal to `text` (spaces normalised), if any.
    pub fn get(&self, text: &str) -> Option<&T> {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let ids = self.by_first.get(first_word(&norm))?;
        ids.iter().map(|&i| &self.phrases[i as usize]).find(|(p, _)| **p == *norm).map(|(_, v)| v)
    }
}

/// If `phrase` matches at token `i`, the index one past its last token.
pub fn matches(doc: &Document, i: usize, phrase: &str) -> Option<usize> {
    let tok = doc.tokens.get(i)?;
    let text = doc.lower.as_bytes();
    let mut pos = tok.start as usize;
    let mut pchars = phrase.bytes().peekable();
    while let Some(b) = pchars.next() {
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
}
