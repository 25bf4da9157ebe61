//! Word sets looked up once per token.
//!
//! Contract: a [`WordSets`] holds up to 64 sets of words, each a bit of a `u64`;
//! [`WordSets::classify`] gives, for every token of a document, the bits of the sets that
//! contain the token's lowercased text ([`Document::low`]) exactly, or for the sets added
//! by [`WordSets::add_first_words`], its first word (see [`phrase`](super::phrase)). A
//! stage classifies a document once and then tests bits instead of hashing or scanning
//! word lists at every token it looks at.

use super::phrase::{bytes_hash, same_bytes, FirstWord};
use super::Document;

/// Sets of words; the words of each set are matched exactly.
///
/// An open-addressing table keyed by the words' [`word_hash`](super::phrase::word_hash)es, which the document
/// already has for most tokens: a lookup reads one or two keys of a small table (it stays
/// in cache) and, on a hit, compares the word.
#[derive(Debug, Clone)]
pub struct WordSets {
    /// [`key`]s of the words, a power of two of them, at most a quarter used (0: none).
    keys: Vec<u64>,
    /// The shift of a key's product that gives its first slot: `keys` has `2^(64 - shift)`
    /// slots.
    shift: u32,
    /// For each key, the word and the bits of the sets that contain it.
    words: Vec<Word>,
    /// The number of words.
    len: usize,
    /// The words, one after the other.
    text: String,
    /// The bits of the sets matched against the first word of a token.
    first_word_bits: u64,
}

/// A word, `text[start..end]`, and the bits of the sets that contain it.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    bits: u64,
    start: u32,
    end: u32,
}

/// The key of a word hash in the table: never 0, which marks a free slot.
fn key(hash: u64) -> u64 {
    hash | 1
}

impl Default for WordSets {
    fn default() -> Self {
        WordSets {
            keys: vec![0; 16],
            shift: 64 - 4,
            words: vec![Word::default(); 16],
            len: 0,
            text: String::new(),
            first_word_bits: 0,
        }
    }
}

impl WordSets {
    pub fn new() -> Self {
        Self::default()
    }

    /// The slot of `word` (`key` its key), or the free slot where it would go.
    #[inline(always)]
    fn find(&self, key: u64, word: &[u8]) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let k = self.keys[i & mask];
            if k == 0 || k == key && self.is_word(i & mask, word) {
                return i & mask;
            }
            i = (i & mask) + 1;
        }
    }

    /// Whether the word of slot `i` is `word`.
    #[inline(always)]
    fn is_word(&self, i: usize, word: &[u8]) -> bool {
        let w = &self.words[i];
        self.text.as_bytes().get(w.start as usize..w.end as usize).is_some_and(|b| same_bytes(b, word))
    }

    /// Add `words` to the sets of `bits`.
    pub fn add<'w>(&mut self, bits: u64, words: impl IntoIterator<Item = &'w str>) {
        for word in words {
            let key = key(bytes_hash(word.as_bytes()));
            let i = self.find(key, word.as_bytes());
            if self.keys[i] != 0 {
                self.words[i].bits |= bits;
                continue;
            }
            let start = self.text.len() as u32;
            self.text.push_str(word);
            self.keys[i] = key;
            self.words[i] = Word { bits, start, end: self.text.len() as u32 };
            self.len += 1;
            if 4 * self.len > self.keys.len() {
                self.grow();
            }
        }
    }

    /// Twice the slots.
    fn grow(&mut self) {
        let n = 2 * self.keys.len();
        let keys = std::mem::replace(&mut self.keys, vec![0; n]);
        self.shift = 64 - n.trailing_zeros();
        let words = std::mem::replace(&mut self.words, vec![Word::default(); n]);
        for (key, w) in keys.into_iter().zip(words).filter(|&(k, _)| k != 0) {
            let i = self.find(key, &self.text.as_bytes()[w.start as usize..w.end as usize]);
            self.keys[i] = key;
            self.words[i] = w;
        }
    }

    /// Add `words` to the sets of `bits`, which are matched against the first word of a
    /// token rather than the whole token (`bits` must not be used for whole tokens).
    pub fn add_first_words<'w>(&mut self, bits: u64, words: impl IntoIterator<Item = &'w str>) {
        self.first_word_bits |= bits;
        self.add(bits, words);
    }

    /// The bits of the sets that contain `word`.
    pub fn of(&self, word: &str) -> u64 {
        self.lookup(bytes_hash(word.as_bytes()), word.as_bytes())
    }

    /// The bits of `word` (`hash` its hash), read from the slot where the probe stops
    /// (rather than the slot found, then looked at again).
    #[inline(always)]
    fn lookup(&self, hash: u64, word: &[u8]) -> u64 {
        let key = key(hash);
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let k = self.keys[i & mask];
            if k == key && self.is_word(i & mask, word) {
                return self.words[i & mask].bits;
            }
            if k == 0 {
                return 0;
            }
            i = (i & mask) + 1;
        }
    }

    /// For each token of `doc`, the bits of the sets that contain its lowercased text.
    pub fn classify(&self, doc: &Document) -> Vec<u64> {
        let mut out = Vec::with_capacity(doc.tokens.len());
        // Bytes: tokens start and end on character boundaries, and so do first words (a
        // slice of bytes is taken without checking so).
        let lower = doc.lower.as_bytes();
        for (t, &FirstWord { end: first_end, hash: first_hash }) in doc.tokens.iter().zip(&doc.first_words) {
            let word = lower.get(t.span()).unwrap_or(&[]);
            // Most tokens are one word: its hash is already known, and one lookup serves
            // both kinds of sets.
            if first_end == t.end {
                out.push(self.lookup(first_hash, word));
                continue;
            }
            let whole = self.lookup(bytes_hash(word), word) & !self.first_word_bits;
            if self.first_word_bits == 0 {
                out.push(whole);
                continue;
            }
            let first = lower.get(t.start as usize..first_end as usize).unwrap_or(&[]);
            out.push(whole | self.lookup(first_hash, first) & self.first_word_bits);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_per_token() {
        let doc = Document::analyse("He said the U.S. didn't (yet).", &Default::default());
        let mut sets = WordSets::new();
        sets.add(1, ["he", "the"]);
        sets.add(2, ["the", "u.s.", "n't", "("]);
        let bits = sets.classify(&doc);
        // tokens: He said the U.S. did n't ( yet ) .
        assert_eq!(bits, vec![1, 0, 3, 2, 0, 2, 2, 0, 0, 0]);
        assert_eq!(sets.of("the"), 3);
        assert_eq!(sets.of("The"), 0);
        // First words: "u" of "U.S.", "didn" of "did" (letters run on into "n't").
        sets.add_first_words(4, ["u", "didn", "he"]);
        let bits = sets.classify(&doc);
        assert_eq!(bits, vec![5, 0, 3, 6, 4, 2, 2, 0, 0, 0]);
    }

    #[test]
    fn many_words() {
        let words: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let mut sets = WordSets::new();
        sets.add(1, words.iter().map(String::as_str));
        sets.add(2, words.iter().step_by(3).map(String::as_str));
        sets.add(4, [""]);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(sets.of(w), if i % 3 == 0 { 3 } else { 1 }, "{w}");
        }
        assert_eq!(sets.of("w2000"), 0);
        assert_eq!(sets.of(""), 4);
    }
}
