//! Numbers written in news text: "11,000", "4.3bn", "4 billion", "four", "thirty-one",
//! "a dozen", optionally after a qualifier ("at least two", "over 300", "approximately
//! 1,200").
//!
//! Contract: [`parse_quantity`] reads a number starting at a token index and reports the
//! value and how many tokens it used; it never reads past the slice it is given. The
//! vocabulary (number words, scale words, qualifiers) comes from `ontology/lexicon/`.

use super::phrase::same_word;
use super::token::{Token, TokenKind};
use rustc_hash::FxHashMap;

/// How a quantity is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "at least", "more than", "over".
    AtLeast,
    /// "around", "about", "approximately", "nearly".
    Approximately,
}

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Tokens used, counted from the start index (qualifier included).
    pub len: usize,
    pub qualifier: Qualifier,
    /// Written as an ordinal ("987th").
    pub ordinal: bool,
}

impl Quantity {
    /// The value as a count, when it is a whole non-negative number.
    pub fn count(&self) -> Option<u64> {
        (self.value >= 0.0 && self.value.fract() == 0.0 && self.value < 1e15).then_some(self.value as u64)
    }
}

/// Number vocabulary: words with values, scale words and qualifiers.
#[derive(Debug, Clone, Default)]
pub struct NumberWords {
    /// "one" -> 1, "twenty" -> 20, "dozen" -> 12.
    pub units: FxHashMap<Box<str>, u64>,
    /// "hundred" -> 100, "thousand" -> 1e3, "million", "billion", and suffixes "bn", "m".
    pub scales: FxHashMap<Box<str>, f64>,
    /// Qualifier phrases as lowercase word sequences.
    pub qualifiers: Vec<(Vec<Box<str>>, Qualifier)>,
}

fn lower<'a>(lower_text: &'a str, t: &Token) -> &'a str {
    &lower_text[t.span()]
}

/// Parse a quantity at `toks[i]`. `lower_text` is the ASCII-lowercased normalised text.
pub fn parse_quantity(lower_text: &str, toks: &[Token], i: usize, words: &NumberWords) -> Option<Quantity> {
    let mut j = i;
    let mut qualifier = Qualifier::Exact;
    // Most tokens start no qualifier: compare the first words before the others.
    let first = toks.get(i).map_or("", |t| lower(lower_text, t));
    for (phrase, q) in &words.qualifiers {
        if phrase.len() <= toks.len() - i
            && phrase.first().is_none_or(|w| same_word(first, w))
            && phrase.iter().enumerate().skip(1).all(|(k, w)| same_word(lower(lower_text, &toks[i + k]), w))
        {
            j = i + phrase.len();
            qualifier = *q;
            break;
        }
    }
    let t = toks.get(j)?;
    let w = lower(lower_text, t);
    let (mut value, mut k, mut ordinal) = if t.kind == TokenKind::Number {
        let digits_end = w.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(w.len());
        let (num, suffix) = w.split_at(digits_end);
        if num.contains(':') {
            return None; // a time of day
        }
        let v: f64 = num.replace(',', "").parse().ok()?;
        let (v, ord) = match suffix {
            "" => (v, false),
            "st" | "nd" | "rd" | "th" => (v, true),
            s => (v * words.scales.get(s).copied()?, false),
        };
        (v, j + 1, ord)
    } else if t.kind == TokenKind::Word {
        let mut v: Option<f64> = None;
        let mut k = j;
        // "a dozen", "a hundred"
        if (w == "a" || w == "an")
            && toks.get(j + 1).is_some_and(|n| {
                let nw = lower(lower_text, n);
                nw == "dozen" || words.scales.contains_key(nw)
            })
        {
            v = Some(1.0);
            k = j + 1;
        }
        let mut total = 0.0;
        let mut current = v.unwrap_or(0.0);
        let mut any = v.is_some();
        while let Some(t) = toks.get(k) {
            let tw = lower(lower_text, t);
            if let Some(&u) = words.units.get(tw) {
                if tw == "dozen" {
                    current = current.max(1.0) * 12.0;
                } else {
                    current += u as f64;
                }
                any = true;
                k += 1;
            } else if let (true, Some(&s)) = (any, words.scales.get(tw)) {
                if s >= 1000.0 {
                    total += current.max(1.0) * s;
                    current = 0.0;
                } else {
                    current = current.max(1.0) * s;
                }
                k += 1;
            } else if any
                && (tw == "-" && !t.space_before() || tw == "and")
                && toks.get(k + 1).is_some_and(|n| words.units.contains_key(lower(lower_text, n)))
            {
                k += 1;
            } else {
                break;
            }
        }
        if !any {
            return None;
        }
        (total + current, k, false)
    } else {
        return None;
    };
    // Scale words after digits: "4 billion", "1.5 million".
    if !ordinal {
        if let Some(&s) = toks.get(k).and_then(|t| words.scales.get(lower(lower_text, t))) {
            if s >= 100.0 {
                value *= s;
                k += 1;
            }
        }
    } else {
        ordinal = true;
    }
    Some(Quantity { value, len: k - i, qualifier, ordinal })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenise;

    pub(crate) fn words() -> NumberWords {
        let mut w = NumberWords::default();
        for (s, v) in [("one", 1), ("two", 2), ("three", 3), ("four", 4), ("ten", 10), ("thirty", 30), ("dozen", 12)] {
            w.units.insert(s.into(), v);
        }
        for (s, v) in
            [("hundred", 100.0), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("m", 1e6)]
        {
            w.scales.insert(s.into(), v);
        }
        w.qualifiers.push((vec!["at".into(), "least".into()], Qualifier::AtLeast));
        w.qualifiers.push((vec!["over".into()], Qualifier::AtLeast));
        w.qualifiers.push((vec!["approximately".into()], Qualifier::Approximately));
        w
    }

    #[test]
    fn table() {
        let w = words();
        let cases: &[(&str, Option<(f64, usize)>)] = &[
            ("11,000 troops", Some((11000.0, 1))),
            ("4.3bn", Some((4.3e9, 1))),
            ("4 billion euros", Some((4e9, 2))),
            ("four people", Some((4.0, 1))),
            ("at least two people", Some((2.0, 3))),
            ("at least four people", Some((4.0, 3))),
            ("thirty-one members", Some((31.0, 3))),
            ("a dozen", Some((12.0, 2))),
            ("approximately 1,200 Israeli", Some((1200.0, 2))),
            ("over 300 projectiles", Some((300.0, 2))),
            ("06:56 First", None),
            ("the war", None),
        ];
        for (input, want) in cases {
            let lower = input.to_ascii_lowercase();
            let mut toks = Vec::new();
            tokenise(input, 0..input.len(), &mut toks);
            let got = parse_quantity(&lower, &toks, 0, &w).map(|q| (q.value, q.len));
            assert_eq!(got, *want, "input {input:?}");
        }
    }
}
