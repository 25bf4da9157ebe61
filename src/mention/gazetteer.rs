//! The gazetteer: every known surface form of every known entity, matched in one
//! Aho-Corasick pass over a document.
//!
//! Contract: [`Gazetteer::find`] returns matches sorted by start, never overlapping
//! (leftmost-longest), each starting and ending at a word boundary, and each passing the
//! case rule: every uppercase letter of the pattern is uppercase in the text (so "US"
//! does not match "us", "Putin" does not match "putin", but "Donetsk region" matches
//! "Donetsk Region"). When one surface form belongs to several entries, the entry with
//! the highest [`Priority`] wins.

use crate::data::{EntityType, OntologyData};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

/// A gazetteer entry: what a surface form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Known {
    Country(u32),
    /// A demonym ("Ukrainian") of a country.
    Demonym(u32),
    Region(u32),
    Place(u32),
    Area(u32),
    Person(u32),
    Organisation(u32),
}

impl Known {
    /// The entity type the entry names (a demonym names its country).
    pub fn entity_type(self) -> EntityType {
        match self {
            Known::Country(_) | Known::Demonym(_) => EntityType::Country,
            Known::Region(_) | Known::Place(_) | Known::Area(_) => EntityType::Place,
            Known::Person(_) => EntityType::Person,
            Known::Organisation(_) => EntityType::Organisation,
        }
    }

    fn priority(self) -> u8 {
        match self {
            Known::Country(_) => 9,
            Known::Organisation(_) => 8,
            Known::Person(_) => 7,
            Known::Demonym(_) => 6,
            Known::Region(_) => 5,
            Known::Area(_) => 4,
            Known::Place(_) => 3,
        }
    }
}

/// A gazetteer match: byte span in the normalised text and the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazetteerMatch {
    pub start: u32,
    pub end: u32,
    pub known: Known,
    /// The surface form is a bare region stem ("Crimea"), not "X region".
    pub bare: bool,
}

/// Every surface form of the data, compiled into one automaton.
pub struct Gazetteer {
    automaton: AhoCorasick,
    patterns: Vec<Box<str>>,
    entries: Vec<(Known, bool)>,
    /// Lowercased folded name key -> entries, for lookups of names found by patterns.
    by_key: FxHashMap<String, Vec<Known>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("patterns", &self.patterns.len()).finish()
    }
}

/// A lookup key for names: lowercase, diacritics and apostrophes removed, spaces and
/// hyphens collapsed to one space.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '\u{2019}' {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

impl Gazetteer {
    pub fn new(data: &OntologyData) -> Self {
        let mut forms: FxHashMap<Box<str>, (Known, bool)> = FxHashMap::default();
        let mut by_key: FxHashMap<String, Vec<Known>> = FxHashMap::default();
        let mut add = |forms: &mut FxHashMap<Box<str>, (Known, bool)>, form: &str, known: Known, bare: bool| {
            let form = form.trim();
            if form.chars().count() < 2 || !form.chars().any(char::is_alphabetic) {
                return;
            }
            let e = forms.entry(form.into()).or_insert((known, bare));
            if known.priority() > e.0.priority() {
                *e = (known, bare);
            }
            let keyed = by_key.entry(name_key(form)).or_default();
            if !keyed.contains(&known) {
                keyed.push(known);
            }
        };
        for (i, c) in data.countries.iter().enumerate() {
            let k = Known::Country(i as u32);
            add(&mut forms, &c.name, k, false);
            for a in &c.aliases {
                add(&mut forms, a, k, false);
            }
            for d in &c.demonyms {
                add(&mut forms, d, Known::Demonym(i as u32), false);
            }
        }
        for (i, p) in data.places.iter().enumerate() {
            let k = Known::Place(i as u32);
            add(&mut forms, &p.name, k, false);
            for a in &p.aliases {
                add(&mut forms, a, k, false);
            }
        }
        for (i, a) in data.areas.iter().enumerate() {
            let k = Known::Area(i as u32);
            add(&mut forms, &a.name, k, false);
            for al in &a.aliases {
                add(&mut forms, al, k, false);
            }
        }
        let region_nouns: Vec<&str> = data.lexicon.place_nouns.iter().filter(|n| n.region).map(|n| &*n.word).collect();
        for (i, r) in data.regions.iter().enumerate() {
            let k = Known::Region(i as u32);
            for noun in &region_nouns {
                add(&mut forms, &format!("{} {}", r.stem, noun), k, false);
            }
            if !r.official_name.is_empty() && r.official_name != r.stem {
                add(&mut forms, &r.official_name, k, false);
            }
        }
        for (i, p) in data.people.iter().enumerate() {
            let k = Known::Person(i as u32);
            add(&mut forms, &p.name, k, false);
            for a in &p.aliases {
                add(&mut forms, a, k, false);
            }
        }
        for (i, o) in data.organisations.iter().enumerate() {
            let k = Known::Organisation(i as u32);
            add(&mut forms, &o.name, k, false);
            for a in o.aliases.iter().chain(&o.acronyms) {
                add(&mut forms, a, k, false);
            }
        }
        // A bare region stem ("Crimea", "Central Darfur") names the region only when no
        // other entry has that name.
        let keys: rustc_hash::FxHashSet<String> = forms.keys().map(|f| name_key(f)).collect();
        for (i, r) in data.regions.iter().enumerate() {
            let generic =
                r.stem.split_whitespace().all(|w| data.lexicon.generic_place_words.contains(w.to_lowercase().as_str()));
            if !generic && !forms.contains_key(r.stem.as_str()) && !keys.contains(&name_key(&r.stem)) {
                add(&mut forms, &r.stem, Known::Region(i as u32), true);
            }
        }
        let mut sorted: Vec<(Box<str>, (Known, bool))> = forms.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let patterns: Vec<Box<str>> = sorted.iter().map(|(p, _)| p.clone()).collect();
        let entries: Vec<(Known, bool)> = sorted.iter().map(|(_, e)| *e).collect();
        for v in by_key.values_mut() {
            v.sort_by_key(|k| std::cmp::Reverse(k.priority()));
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.as_bytes()))
            .expect("gazetteer patterns are plain strings");
        Gazetteer { automaton, patterns, entries, by_key }
    }

    /// All matches in `text` (see the module contract).
    pub fn find(&self, text: &str) -> Vec<GazetteerMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let pat = self.patterns[m.pattern().as_usize()].as_bytes();
            let case_ok = pat.iter().zip(&bytes[s..e]).all(|(p, t)| !p.is_ascii_uppercase() || t.is_ascii_uppercase());
            if !case_ok {
                continue;
            }
            // A name must start with a capital or a digit in the text unless its pattern
            // starts in lowercase ("al-Burhan").
            let first = text[s..].chars().next().unwrap_or(' ');
            let pat_first = self.patterns[m.pattern().as_usize()].chars().next().unwrap_or(' ');
            if first.is_lowercase() && !pat_first.is_lowercase() {
                continue;
            }
            // ALL-CAPS text only matches ALL-CAPS patterns ("CAT" is not the town Çat).
            let surface = &text[s..e];
            let caps =
                |x: &str| x.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !x.chars().any(char::is_lowercase);
            if caps(surface) && !caps(&self.patterns[m.pattern().as_usize()]) {
                continue;
            }
            let (known, bare) = self.entries[m.pattern().as_usize()];
            out.push(GazetteerMatch { start: s as u32, end: e as u32, known, bare });
        }
        out
    }

    /// Entries whose name key equals `name`'s, highest priority first.
    pub fn lookup(&self, name: &str) -> &[Known] {
        self.by_key.get(&name_key(name)).map_or(&[], Vec::as_slice)
    }

    /// The number of surface forms.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("Dalia Grybauskaitė"), "dalia grybauskaite");
        assert_eq!(name_key("Be'eri"), "beeri");
        assert_eq!(name_key("Rostov-on-Don"), "rostov on don");
        assert_eq!(name_key("  U.S. "), "u s");
    }
}
