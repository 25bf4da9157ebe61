//! Content-derived identifiers.
//!
//! Contract: an entity's IRI depends only on the base, its type and its canonical name
//! (so graphs built separately merge by union); an event's or statement's IRI depends on
//! its document's content hash and character offsets; every IRI is valid whatever the
//! name (non-ASCII names fall back to a hash).

use crate::mention::gazetteer::name_key;

/// 64-bit FNV-1a: a stable, dependency-free content hash.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::default();
    h.write(bytes);
    h.finish()
}

/// [`fnv1a`] of pieces written one after the other, as of their concatenation.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    pub fn write(&mut self, bytes: &[u8]) {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut h = self.0;
        // Eight bytes a step: one test of the loop for eight bytes hashed.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            for &b in c {
                h = (h ^ u64::from(b)).wrapping_mul(PRIME);
            }
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
        self.0 = h;
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Append `h` as 16 lowercase hexadecimal digits (as `{h:016x}`).
pub fn push_hex16(out: &mut String, h: u64) {
    /// The two digits of each byte.
    const PAIRS: [[u8; 2]; 256] = {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut pairs = [[0; 2]; 256];
        let mut b = 0;
        while b < 256 {
            pairs[b] = [DIGITS[b >> 4], DIGITS[b & 0xF]];
            b += 1;
        }
        pairs
    };
    let mut hex = [0u8; 16];
    for (pair, b) in hex.chunks_exact_mut(2).zip(h.to_be_bytes()) {
        pair.copy_from_slice(&PAIRS[usize::from(b)]);
    }
    // ASCII digits: always UTF-8.
    if let Ok(hex) = std::str::from_utf8(&hex) {
        out.push_str(hex);
    }
}

/// A URL-safe slug of a name: lowercase ASCII letters and digits joined by hyphens. A
/// name with no ASCII letters or digits gets `h` and a hash of the name.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_slug(&mut out, name);
    out
}

/// Each byte's place in a slug: ASCII letters as lowercase, digits as themselves, 0 for
/// a byte that is no letter or digit.
const SLUG_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { 0 };
        b += 1;
    }
    table
};

/// Append [`slug`]`(name)` to `out`.
pub fn push_slug(out: &mut String, name: &str) {
    // An ASCII name's key is letters and digits in words joined by single spaces: its
    // slug is the key with hyphens for the spaces.
    if name.is_ascii() {
        // Letters and digits are copied, lowercase; apostrophes are left out without
        // parting words ("Be'eri"); anything else parts them.
        let start = out.len();
        let mut gap = false;
        for &b in name.as_bytes() {
            let c = SLUG_BYTES[usize::from(b)];
            if c != 0 {
                if gap && out.len() > start {
                    out.push('-');
                }
                gap = false;
                out.push(char::from(c));
            } else {
                gap |= b != b'\'';
            }
        }
        if out.len() > start {
            return;
        }
        // No letter or digit: nothing was written.
    }
    out.push_str(&general_slug(name));
}

/// [`slug`] of any name.
fn general_slug(name: &str) -> String {
    let key = name_key(name);
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == ' ' {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        } else {
            // Non-ASCII letters after folding (e.g. Arabic, Cyrillic): keep the slug
            // readable where possible, and make it unique with a hash below.
            out.push('_');
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '_');
    if trimmed.is_empty() || trimmed.contains('_') {
        let readable: String = trimmed.replace('_', "");
        let h = format!("h{:016x}", fnv1a(name.as_bytes()));
        return if readable.trim_matches('-').is_empty() { h } else { format!("{}-{h}", readable.trim_matches('-')) };
    }
    trimmed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex() {
        for h in [0, 1, 0xabc, 0x0123_4567_89ab_cdef, u64::MAX] {
            let mut s = String::from("x");
            push_hex16(&mut s, h);
            assert_eq!(s, format!("x{h:016x}"));
        }
    }

    /// Eight bytes a step hash as one at a time, whatever the length and the pieces.
    #[test]
    fn fnv1a_is_bytewise() {
        let bytewise = |bytes: &[u8]| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for &b in bytes {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            h
        };
        let text: Vec<u8> = (0..100u32).map(|i| (i * 37 % 251) as u8).collect();
        for len in 0..text.len() {
            assert_eq!(fnv1a(&text[..len]), bytewise(&text[..len]), "{len}");
            let mut h = Fnv1a::default();
            h.write(&text[..len / 3]);
            h.write(&text[len / 3..len]);
            assert_eq!(h.finish(), bytewise(&text[..len]), "{len} in two pieces");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Volodymyr Zelenskyy"), "volodymyr-zelenskyy");
        assert_eq!(slug("Dalia Grybauskaitė"), "dalia-grybauskaite");
        assert_eq!(slug("Be'eri"), "beeri");
        assert_eq!(slug("Rostov-on-Don"), "rostov-on-don");
        assert!(slug("Москва").starts_with('h'));
        assert!(slug("!!!").starts_with('h'));
        assert_ne!(slug("Москва"), slug("Київ"));
        for name in [
            "Volodymyr Zelenskyy",
            "  U.S. ",
            "Be'eri",
            "a--b",
            "'x'",
            "!!!",
            "",
            "Rostov-on-Don",
            "Москва",
            "O'Neil-Smith Jr.",
            "A.B.",
            "ab' cd",
            "x 'y",
            "_-x9",
            "G7 (2024)",
            "   ",
            "'",
        ] {
            assert_eq!(slug(name), general_slug(name), "{name:?}");
        }
    }
}
