//! Text normalisation: the first stage.
//!
//! Contract: [`normalise`] returns a [`Normalised`] text that is NFC, uses `\n` line ends,
//! has mojibake repaired, typographic apostrophes folded to `'`, exotic spaces folded to
//! `' '`, invisible characters and control characters removed, and an offset map back to
//! the input. Every later stage works on the normalised text; provenance is reported in
//! offsets of the original input through [`Normalised::to_original`].
//!
//! Double quotes (`“ ” « »`) and dashes (`– —`) are kept as they are: their direction and
//! kind matter to the sentence splitter and to quotation rules.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// A normalised text with a map from its byte offsets to the input's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Normalised {
    pub text: String,
    /// Checkpoints `(normalised offset, original offset)`, sorted; between two checkpoints
    /// the text was copied verbatim.
    map: Vec<(u32, u32)>,
    original_len: u32,
    /// How many mojibake sequences were repaired.
    pub repairs: u32,
}

impl Normalised {
    /// The byte offset in the original input corresponding to `offset` in the normalised
    /// text (an offset inside a replaced sequence maps to the start of that sequence's
    /// original bytes, clamped to their end).
    pub fn to_original(&self, offset: usize) -> usize {
        let offset = offset as u32;
        let i = self.map.partition_point(|&(n, _)| n <= offset);
        if i == 0 {
            return offset.min(self.original_len) as usize;
        }
        let (n, o) = self.map[i - 1];
        let mapped = o + (offset - n);
        // Do not run past the next checkpoint's original offset.
        let limit = self.map.get(i).map_or(self.original_len, |&(_, o2)| o2);
        mapped.min(limit) as usize
    }
}

struct Builder<'a> {
    input: &'a str,
    out: String,
    map: Vec<(u32, u32)>,
    /// Start (in the input) of the verbatim run not yet copied.
    run: usize,
    repairs: u32,
}

impl<'a> Builder<'a> {
    fn flush(&mut self, upto: usize) {
        if self.run < upto {
            self.out.push_str(&self.input[self.run..upto]);
        }
        self.run = upto;
    }

    /// Replace `input[from..to]` by `with`.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        self.flush(from);
        self.map.push((self.out.len() as u32, from as u32));
        self.out.push_str(with);
        self.map.push((self.out.len() as u32, to as u32));
        self.run = to;
    }
}

/// The byte a character stands for when UTF-8 was wrongly decoded as Windows-1252.
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        c if (c as u32) >= 0x80 && (c as u32) <= 0xFF => c as u32 as u8,
        _ => return None,
    };
    Some(b)
}

/// If `s` starts with a mojibake sequence (UTF-8 bytes shown as Windows-1252 characters),
/// the repaired character and the length in bytes of the sequence in `s`.
fn repair_mojibake(s: &str) -> Option<(char, usize)> {
    let mut chars = s.char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = cp1252_byte(lead)?;
    let need = match lead_byte {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = [lead_byte, 0, 0, 0];
    let mut end = lead.len_utf8();
    for slot in bytes.iter_mut().skip(1).take(need) {
        let (i, c) = chars.next()?;
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        end = i + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..need + 1]).ok()?;
    let c = decoded.chars().next()?;
    // A repaired character that is itself plain Latin-1 text next to other Latin-1 is
    // ambiguous only for lead bytes followed by letters; continuation bytes here are all
    // in 0x80..0xBF, which ordinary text rarely produces after À..ô.
    Some((c, end))
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}'
            | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn folded(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => " ",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2212}' => "-",
        '\u{2028}' | '\u{2029}' | '\u{0085}' => "\n",
        _ => return None,
    })
}

/// Compose the character at `i` (`len` bytes) with the combining marks that follow it;
/// returns the offset after the cluster.
fn compose_cluster(b: &mut Builder, input: &str, i: usize, len: usize) -> usize {
    let mut end = i + len;
    for m in input[end..].chars() {
        if canonical_combining_class(m) == 0 {
            break;
        }
        end += m.len_utf8();
    }
    let cluster = &input[i..end];
    let composed: String = cluster.nfc().collect();
    if composed != cluster {
        b.replace(i, end, &composed);
    }
    end
}

/// Whether the Unicode quick check finds `input` in NFC ([`IsNormalized::Yes`]). ASCII
/// characters pass the check and reset it, so only the runs of other characters are
/// checked.
///
/// [`IsNormalized::Yes`]: unicode_normalization::IsNormalized::Yes
fn is_nfc_quick(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut i = ascii_end(bytes, 0);
    while i < bytes.len() {
        let end = bytes[i..].iter().position(u8::is_ascii).map_or(bytes.len(), |n| i + n);
        // `i` and `end` are at ASCII bytes or the ends of the text: character boundaries.
        let run = input[i..end].chars();
        if unicode_normalization::is_nfc_quick(run) != unicode_normalization::IsNormalized::Yes {
            return false;
        }
        i = ascii_end(bytes, end);
    }
    true
}

/// `0x01` in every byte of a word.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// `0x80` in every byte of a word.
const HIGH: u64 = ONES * 0x80;

/// The end of the run of ASCII bytes of `bytes` from `from` on.
fn ascii_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
        if word & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

/// Whether a byte is printable ASCII or a line feed: text that normalisation keeps as it
/// is (when no combining mark follows).
fn is_plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || b == b'\n'
}

/// The end of the run of [`is_plain`] bytes of `bytes` from `from` on.
fn plain_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        // Eight bytes at a time while none is below 0x20 or above 0x7e. Both tests are
        // exact: with every byte at least 0x20, subtracting 0x20 from each borrows nowhere
        // and sets no high bit of a byte below 0x80; with every byte at most 0x7e, adding 1
        // to each carries nowhere and sets no high bit.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
            let below = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
            let above = (word.wrapping_add(ONES) | word) & HIGH;
            if below | above != 0 {
                break;
            }
            i += 8;
        }
        // Byte by byte through the chunk that stopped the words: a line feed in it is
        // plain, and the words go on after it.
        let stop = bytes.len().min(i + 8);
        while i < stop && is_plain(bytes[i]) {
            i += 1;
        }
        if i < stop || i == bytes.len() {
            return i;
        }
    }
}

/// Normalise `input` (see the module documentation).
pub fn normalise(input: &str) -> Normalised {
    let mut b = Builder { input, out: String::with_capacity(input.len()), map: Vec::new(), run: 0, repairs: 0 };
    let mut i = 0;
    if input.starts_with('\u{FEFF}') {
        b.replace(0, 3, "");
        i = 3;
    }
    // Fast check: most news text is ASCII or already NFC.
    let needs_nfc = !is_nfc_quick(input);
    let bytes = input.as_bytes();
    while i < input.len() {
        // Plain printable ASCII and line feeds stay as they are (unless a combining mark
        // may follow).
        if !needs_nfc {
            i = plain_end(bytes, i);
            if i == input.len() {
                break;
            }
        }
        let byte = bytes[i];
        if byte < 0x80 {
            match byte {
                b'\r' => {
                    let to = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    b.replace(i, to, "\n");
                    i = to;
                }
                b'\t' => {
                    b.replace(i, i + 1, " ");
                    i += 1;
                }
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => {
                    b.replace(i, i + 1, " ");
                    i += 1;
                }
                _ if needs_nfc && input[i + 1..].chars().next().is_some_and(|m| canonical_combining_class(m) != 0) => {
                    i = compose_cluster(&mut b, input, i, 1);
                }
                _ => i += 1,
            }
            continue;
        }
        let rest = &input[i..];
        let c = rest.chars().next().unwrap_or('\u{FFFD}');
        let clen = c.len_utf8();
        if matches!(c, '\u{00C2}'..='\u{00F4}') {
            if let Some((fixed, len)) = repair_mojibake(rest) {
                let mut buf = [0u8; 4];
                // The repaired character may itself need folding.
                let s: &str = folded(fixed).unwrap_or_else(|| &*fixed.encode_utf8(&mut buf));
                let s = s.to_owned();
                b.replace(i, i + len, &s);
                b.repairs += 1;
                i += len;
                continue;
            }
            // A stray "Â" glued to the end of a word (the remnant of a mangled no-break
            // space) is dropped.
            if c == '\u{00C2}' {
                let prev_is_letter = input[..i].chars().next_back().is_some_and(char::is_alphabetic);
                let next = rest[clen..].chars().next();
                if prev_is_letter && next.is_none_or(char::is_whitespace) {
                    b.replace(i, i + clen, "");
                    b.repairs += 1;
                    i += clen;
                    continue;
                }
            }
        }
        if let Some(f) = folded(c) {
            b.replace(i, i + clen, f);
            i += clen;
            continue;
        }
        if is_invisible(c) || ('\u{0080}'..='\u{009F}').contains(&c) {
            b.replace(i, i + clen, "");
            i += clen;
            continue;
        }
        if needs_nfc {
            i = compose_cluster(&mut b, input, i, clen);
            continue;
        }
        i += clen;
    }
    b.flush(input.len());
    Normalised { text: b.out, map: b.map, original_len: input.len() as u32, repairs: b.repairs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("plain text", "plain text"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("Ukraine\u{2019}s", "Ukraine's"),
            ("Russian affairs\u{00C2}\nPutin", "Russian affairs\nPutin"),
            ("don\u{00E2}\u{20AC}\u{2122}t", "don't"),
            ("caf\u{00C3}\u{00A9}", "café"),
            ("cafe\u{0301}", "café"),
            ("a\u{00A0}b\u{200B}c", "a bc"),
            ("\u{FEFF}Title", "Title"),
            ("x\u{0007}y", "x y"),
            ("\u{201C}Quote\u{201D} \u{2013} dash", "\u{201C}Quote\u{201D} \u{2013} dash"),
            ("S\u{00C3}O PAULO", "S\u{00C3}O PAULO"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise(input).text, want, "input {input:?}");
        }
    }

    #[test]
    fn word_scans_equal_byte_scans() {
        let texts = [
            "plain text, longer than eight bytes\nand a second line~ with a tilde",
            "tab\there and a DEL\u{7f} and a bell\u{7} at the end of a chunk",
            "Kyiv\u{2019}s caf\u{e9} cafe\u{301} x\u{301}\u{316} \u{3000}x \u{1f680} ~~~~~~~~ \u{1f}",
            "12345678\r\n12345678\u{80}12345678 !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let plain = from + bytes[from..].iter().take_while(|&&b| is_plain(b)).count();
                assert_eq!(plain_end(bytes, from), plain, "{text:?} from {from}");
                let ascii = from + bytes[from..].iter().take_while(|b| b.is_ascii()).count();
                assert_eq!(ascii_end(bytes, from), ascii, "{text:?} from {from}");
            }
            for (from, _) in text.char_indices() {
                let t = &text[from..];
                let whole = unicode_normalization::is_nfc_quick(t.chars()) == unicode_normalization::IsNormalized::Yes;
                assert_eq!(is_nfc_quick(t), whole, "{t:?}");
            }
        }
    }

    #[test]
    fn offsets_map_back() {
        let input = "\u{FEFF}Kyiv\u{2019}s \u{00C3}\u{00A9}t\u{00C3}\u{00A9}\r\nOdesa";
        let n = normalise(input);
        assert_eq!(n.text, "Kyiv's été\nOdesa");
        let o = n.text.find("Odesa").unwrap();
        assert_eq!(&input[n.to_original(o)..], "Odesa");
        let k = n.text.find("Kyiv").unwrap();
        assert_eq!(&input[n.to_original(k)..n.to_original(k + 4)], "Kyiv");
        let s = n.text.find("'s").unwrap();
        assert_eq!(&input[n.to_original(s + 2)..n.to_original(s + 3)], " ");
    }
}
