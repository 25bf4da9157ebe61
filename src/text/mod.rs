//! Text preparation: normalisation, blocks, sentences, tokens, numbers and dates.
//!
//! Contract: [`Document::analyse`] turns an input text into a [`Document`] whose
//! sentences and tokens are byte spans of the normalised text; nothing is copied per
//! token. `lower` is the normalised text with ASCII letters lowercased (same byte
//! offsets), used for case-insensitive lexicon lookups.

pub mod date;
pub mod normalise;
pub mod number;
pub mod phrase;
pub mod sentence;
pub mod token;
pub mod words;

pub use normalise::{normalise, Normalised};
pub use sentence::{Block, BlockKind, Sentence};
pub use token::{Token, TokenKind};

use rustc_hash::FxHashSet;

/// An analysed document: normalised text, blocks, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The input exactly as given (provenance points into it).
    pub original: &'a str,
    pub norm: Normalised,
    /// `norm.text` with ASCII letters lowercased.
    pub lower: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// For each token, the end in `lower` and the [`phrase::word_hash`] of the first word
    /// from its start (see [`phrase::word_key_at`]): phrase lookups and word sets use it.
    pub first_words: Vec<phrase::FirstWord>,
}

impl<'a> Document<'a> {
    pub fn analyse(original: &'a str, abbreviations: &FxHashSet<Box<str>>) -> Self {
        let norm = normalise(original);
        let lower = norm.text.to_ascii_lowercase();
        let blocks = sentence::blocks(&norm.text);
        let mut tokens = Vec::with_capacity(norm.text.len() / 5);
        let sentences = sentence::sentences(&norm.text, &blocks, abbreviations, &mut tokens);
        let first_words = phrase::first_words(&lower, &tokens);
        Document { original, norm, lower, blocks, sentences, tokens, first_words }
    }

    /// The [`phrase::word_hash`] of the second word from the start of token `i` (see
    /// [`phrase::word_key_at`]), found from the first words of the tokens after it.
    #[inline]
    pub fn second_word_hash(&self, i: usize) -> u64 {
        phrase::second_word_hash(&self.lower, &self.tokens, &self.first_words, i)
    }

    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.norm.text[t.span()])
    }

    /// The lowercased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.lower[t.span()])
    }

    /// The index of the token starting at byte `start`, if any.
    pub fn token_starting_at(&self, start: u32) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < start);
        (self.tokens.get(i)?.start == start).then_some(i)
    }

    /// The index of the token ending at byte `end`, if any.
    pub fn token_ending_at(&self, end: u32) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end < end);
        (self.tokens.get(i)?.end == end).then_some(i)
    }

    /// The text of the original input corresponding to normalised bytes `start..end`.
    pub fn original_span(&self, start: u32, end: u32) -> (usize, usize) {
        (self.norm.to_original(start as usize), self.norm.to_original(end as usize))
    }

    /// The normalised text of tokens `from..to`.
    pub fn span_text(&self, from: usize, to: usize) -> &str {
        if from >= to || to > self.tokens.len() {
            return "";
        }
        &self.norm.text[self.tokens[from].start as usize..self.tokens[to - 1].end as usize]
    }
}

/// [`str::trim`], answered at once for the text that starts and ends with ASCII other than
/// whitespace, as most names and fields of the data files do.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    // ASCII whitespace as `char::is_whitespace` has it: the vertical tab too.
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r');
    match s.as_bytes() {
        [first, .., last] if plain(first) && plain(last) => s,
        [only] if plain(only) => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_as_str_trim() {
        for s in ["", " ", "a", " a", "a ", "\u{b}a\u{b}", "ab", "a\u{a0}", "\u{2003}a", "é", "a é", " \r\n", "x\t"] {
            assert_eq!(super::trim(s), s.trim(), "{s:?}");
        }
    }
}
