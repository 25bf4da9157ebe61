//! The gazetteer: every known surface form of every known entity, found at each token by
//! a hash lookup of the token's first word and a comparison of the candidate forms.
//!
//! Contract: [`Gazetteer::find`] returns matches sorted by start, never overlapping
//! (leftmost-longest among the matches that pass the rules), each starting and ending at
//! a word boundary, and each passing the case rule: every uppercase letter of the pattern is uppercase in the text (so "US"
//! does not match "us", "Putin" does not match "putin", but "Donetsk region" matches
//! "Donetsk Region"). When one surface form belongs to several entries, the entry with
//! the highest [`Priority`] wins.

use crate::data::{EntityType, OntologyData};
use crate::text::phrase::{bytes_hash, FirstWord, PhraseIndex};
use crate::text::Document;

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

    /// The country (ISO 3166-1 alpha-2) the entry lies in, or a country's own (a demonym's
    /// too); `None` for people, organisations and areas of no one country.
    pub fn country_code(self, data: &OntologyData) -> Option<&str> {
        let code = match self {
            Known::Country(c) | Known::Demonym(c) => &data.countries[c as usize].iso2,
            Known::Place(p) => &data.places[p as usize].country,
            Known::Region(r) => &data.regions[r as usize].country,
            Known::Area(a) => &data.areas[a as usize].country,
            Known::Person(_) | Known::Organisation(_) => return None,
        };
        (!code.is_empty()).then_some(code.as_str())
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

/// A surface form, `forms[start..end]` of its [`Gazetteer`] (or [`FormsBuilder`]), with
/// its entry and whether it is a bare region stem.
#[derive(Debug, Clone, Copy)]
struct Variant {
    start: u32,
    end: u32,
    known: Known,
    bare: bool,
}

/// Every surface form of the data, indexed by its first word.
pub struct Gazetteer {
    /// Lowercase surface forms, looked up at each token by the token's first word; the
    /// value is the form's range of `variants`.
    index: PhraseIndex<(u32, u32)>,
    /// The forms of `index` with a surface form that starts in lowercase ("al-Burhan"):
    /// the only ones that can match at a token that starts in lowercase (see
    /// [`SurfaceCase`]), which most tokens do.
    lowercase_index: PhraseIndex<(u32, u32)>,
    /// The surface forms, one after the other.
    forms: String,
    /// For each indexed form in turn, its surface forms with their case, best entry first.
    variants: Vec<Variant>,
    /// The number of indexed (lowercase) forms.
    len: usize,
    /// Lowercased folded name key -> entries, for lookups of names found by patterns.
    by_key: KeyMap,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("patterns", &self.len).finish()
    }
}

/// Name keys and their entries.
type KeyMap = hashbrown::HashMap<String, Entries, rustc_hash::FxBuildHasher>;

/// The entries of a name key: most keys have one, kept without an allocation of its own.
#[derive(Debug, Clone)]
enum Entries {
    One(Known),
    Many(Vec<Known>),
}

impl Entries {
    fn as_slice(&self) -> &[Known] {
        match self {
            Entries::One(known) => std::slice::from_ref(known),
            Entries::Many(list) => list,
        }
    }

    /// Add `known` if it is not there yet.
    fn add(&mut self, known: Known) {
        match self {
            Entries::One(first) if *first != known => *self = Entries::Many(vec![*first, known]),
            Entries::Many(list) if !list.contains(&known) => list.push(known),
            _ => {}
        }
    }
}

/// A lookup key for names: lowercase, diacritics and apostrophes removed, spaces and
/// hyphens collapsed to one space.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_name_key(name, &mut out);
    out
}

/// [`name_key`] of `name`, written to `out`, which must be empty.
fn push_name_key(name: &str, out: &mut String) {
    push_name_key_of(name, name.is_ascii(), out);
}

/// [`push_name_key`] of a name known to be ASCII or not (`ascii`).
fn push_name_key_of(name: &str, ascii: bool, out: &mut String) {
    let mut key = KeyWriter { out, space: false };
    if ascii {
        // ASCII is its own decomposition, without combining marks.
        for b in name.bytes() {
            key.ascii(b);
        }
        return;
    }
    // Each character decomposed by itself rather than the name in NFKD: NFKD is the
    // characters' decompositions with the marks of each run of combining characters
    // (those of a combining class other than 0) put in canonical order, and every such
    // character is a combining mark (a test checks it), which the key leaves out: the
    // order of marks makes no difference to it. ASCII decomposes to itself.
    for c in name.chars() {
        if c.is_ascii() {
            key.ascii(c as u8);
        } else {
            unicode_normalization::char::decompose_compatible(c, |c| key.char(c));
        }
    }
}

/// Writes a name key, a character of the decomposed name at a time.
struct KeyWriter<'o> {
    out: &'o mut String,
    /// Characters other than letters and digits since the last letter or digit.
    space: bool,
}

impl KeyWriter<'_> {
    /// An ASCII character (no combining mark).
    #[inline]
    fn ascii(&mut self, b: u8) {
        if b == b'\'' {
            return;
        }
        if b.is_ascii_alphanumeric() {
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push(char::from(b.to_ascii_lowercase()));
        } else {
            self.space = true;
        }
    }

    /// Any character.
    fn char(&mut self, c: char) {
        if c.is_ascii() {
            return self.ascii(c as u8);
        }
        if unicode_normalization::char::is_combining_mark(c) || c == '\u{2019}' {
            return;
        }
        if c.is_alphanumeric() {
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            self.out.extend(c.to_lowercase());
        } else {
            self.space = true;
        }
    }
}

/// [`name_key`] of an ASCII `name` into `buf`, if it fits.
fn ascii_name_key<'b>(name: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !name.is_ascii() || name.len() > buf.len() {
        return None;
    }
    let (mut n, mut space) = (0, false);
    for b in name.bytes().filter(|&b| b != b'\'') {
        if b.is_ascii_alphanumeric() {
            if space && n > 0 {
                buf[n] = b' ';
                n += 1;
            }
            space = false;
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        } else {
            space = true;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Collects surface forms, grouped by their lowercase form (one indexed phrase each),
/// with the best entry per surface form, and lookup keys. The forms are kept in two texts
/// rather than one allocation each.
#[derive(Default)]
struct FormsBuilder {
    /// The lowercase forms, one after the other, as bytes (whole characters' UTF-8, made
    /// a text once, at the end): an ASCII form is lowercased as it is copied in, where a
    /// `String` has it copied, then lowercased in place.
    lowers: Vec<u8>,
    /// The surface forms, one after the other.
    forms: String,
    /// The groups, by the [`bytes_hash`] (the [`word_hash`](crate::text::phrase::word_hash)) of their lowercase form.
    groups_by_lower: hashbrown::HashTable<u32>,
    /// Each lowercase form, in order of first appearance: its range of `lowers` and its
    /// last surface form in `variants` (the one before is linked from there).
    groups: Vec<Group>,
    /// The surface forms, each with its best entry (the first added of the highest
    /// priority) and the surface form added before it to its group (`NONE` for none).
    variants: Vec<(Variant, u32)>,
    by_key: KeyMap,
    /// Scratch space for a form's lowercase form and name key.
    scratch: String,
}

/// A lowercase form of a [`FormsBuilder`].
struct Group {
    start: u32,
    end: u32,
    last: u32,
}

/// No surface form.
const NONE: u32 = u32::MAX;

/// `form` without its diacritics ("Ladākh" → "Ladakh"), case kept; `None` when it has
/// none.
fn without_diacritics(form: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    if form.is_ascii() {
        return None;
    }
    let plain: String = form.nfd().filter(|&c| !unicode_normalization::char::is_combining_mark(c)).collect();
    (plain != form).then_some(plain)
}

impl FormsBuilder {
    /// Add a surface form and, when it has diacritics, the form without them, which news
    /// text often writes ("Ladakh" for iso-codes' "Ladākh"); see [`FormsBuilder::add`].
    /// For the names that have no other spelling in the data (regions' bare names): other
    /// entries' aliases hold their plain spellings, and a region's official name without
    /// its diacritics ("Baghdād") would take a city's name ("Baghdad").
    fn add_plain_too(&mut self, form: &str, known: Known, bare: bool, keyed: bool) {
        self.add(form, known, bare, keyed);
        if let Some(plain) = without_diacritics(form) {
            self.add(&plain, known, bare, keyed);
        }
    }

    /// Add a person's or an organisation's surface form and, when a hyphen joins two of
    /// its words, the form with a space there, as news text writes it too ("Al Shabaab"
    /// for "Al-Shabaab", "Lashkar e Taiba"); the name key is the same.
    fn add_unhyphenated_too(&mut self, form: &str, known: Known) {
        self.add(form, known, false, true);
        let b = form.as_bytes();
        let joins = (1..b.len().saturating_sub(1))
            .any(|k| b[k] == b'-' && b[k - 1].is_ascii_alphabetic() && b[k + 1].is_ascii_alphabetic());
        if joins {
            self.add(&form.replace('-', " "), known, false, false);
        }
    }

    /// Add a surface form; `keyed` also makes it findable by [`Gazetteer::lookup`].
    /// Whether the form was taken (a form needs two characters and a letter).
    fn add(&mut self, form: &str, known: Known, bare: bool, keyed: bool) -> bool {
        let form = crate::text::trim(form);
        // Most forms are ASCII, told once for the tests below, the lowercase form and the
        // name key: two characters are then two bytes, and a letter an ASCII letter.
        let ascii = form.is_ascii();
        let taken = if ascii {
            form.len() >= 2 && form.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            form.chars().nth(1).is_some() && form.chars().any(char::is_alphabetic)
        };
        if !taken {
            return false;
        }
        let group = self.group_of(form, ascii);
        match self.variant_of(group, form) {
            Some(v) => {
                let (e, _) = &mut self.variants[v];
                if known.priority() > e.known.priority() {
                    (e.known, e.bare) = (known, bare);
                }
            }
            None => {
                let start = self.forms.len() as u32;
                self.forms.push_str(form);
                let v = Variant { start, end: self.forms.len() as u32, known, bare };
                let g = &mut self.groups[group];
                self.variants.push((v, g.last));
                g.last = self.variants.len() as u32 - 1;
            }
        }
        if keyed {
            self.scratch.clear();
            push_name_key_of(form, ascii, &mut self.scratch);
            self.add_key(known);
        }
        true
    }

    /// Make `known` findable by [`Gazetteer::lookup`] under the name key in `scratch`.
    fn add_key(&mut self, known: Known) {
        self.by_key.entry_ref(self.scratch.as_str()).and_modify(|e| e.add(known)).or_insert(Entries::One(known));
    }

    /// The lowercase form of group `g`.
    fn lower(&self, g: u32) -> &[u8] {
        let g = &self.groups[g as usize];
        &self.lowers[g.start as usize..g.end as usize]
    }

    /// The group of the lowercase form `lower` (hashed `hash`), if any.
    fn find_group(&self, hash: u64, lower: &[u8]) -> Option<u32> {
        self.groups_by_lower.find(hash, |&g| self.lower(g) == lower).copied()
    }

    /// The group of `form`'s lowercase form, made if new (`ascii`: whether `form` is).
    fn group_of(&mut self, form: &str, ascii: bool) -> usize {
        let start = self.lowers.len();
        push_lowercase(form, ascii, &mut self.lowers);
        let lower = &self.lowers[start..];
        let hash = bytes_hash(lower);
        if let Some(g) = self.find_group(hash, lower) {
            self.lowers.truncate(start);
            return g as usize;
        }
        let g = self.groups.len() as u32;
        self.groups.push(Group { start: start as u32, end: self.lowers.len() as u32, last: NONE });
        let FormsBuilder { groups_by_lower, groups, lowers, .. } = self;
        groups_by_lower.insert_unique(hash, g, |&g| {
            let g = &groups[g as usize];
            bytes_hash(&lowers[g.start as usize..g.end as usize])
        });
        g as usize
    }

    /// The surface forms of group `g`, last added first.
    fn variants_of(&self, g: usize) -> impl Iterator<Item = usize> + '_ {
        let mut v = self.groups[g].last;
        std::iter::from_fn(move || {
            let this = v;
            (this != NONE).then(|| {
                v = self.variants[this as usize].1;
                this as usize
            })
        })
    }

    /// The surface form of variant `v`.
    fn form(&self, v: usize) -> &str {
        let (v, _) = &self.variants[v];
        &self.forms[v.start as usize..v.end as usize]
    }

    /// The variant of group `g` whose surface form is `form`, if any.
    fn variant_of(&self, g: usize, form: &str) -> Option<usize> {
        self.variants_of(g).find(|&v| self.form(v) == form)
    }

    /// Whether `form` (as it is, untrimmed) is a surface form added.
    fn has_form(&self, form: &str) -> bool {
        let mut lower = Vec::new();
        push_lowercase(form, form.is_ascii(), &mut lower);
        self.find_group(bytes_hash(&lower), &lower).is_some_and(|g| self.variant_of(g as usize, form).is_some())
    }
}

/// A surface form's lowercase form, as the phrase index holds it ([`str::to_lowercase`]),
/// pushed to `out` as UTF-8; `ascii`: whether `form` is ASCII.
fn push_lowercase(form: &str, ascii: bool, out: &mut Vec<u8>) {
    if ascii {
        push_ascii_lowercase(form.as_bytes(), out);
    } else if form.contains('Σ') {
        // A capital sigma's lowercase depends on its neighbours (final ς).
        out.extend_from_slice(form.to_lowercase().as_bytes());
    } else {
        // Otherwise `str::to_lowercase` is each character's lowercase in turn.
        let mut buf = [0; 4];
        for c in form.chars() {
            match c {
                'A'..='Z' => out.push(c as u8 + (b'a' - b'A')),
                '\0'..='\u{7f}' => out.push(c as u8),
                '\u{df}'..='\u{ff}' => out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
                _ => c.to_lowercase().for_each(|l| out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes())),
            }
        }
    }
}

/// ASCII `bytes` lowercased, pushed to `out`: copied and lowercased in one pass, eight
/// bytes at a step (a byte at a step takes about eight instructions).
fn push_ascii_lowercase(bytes: &[u8], out: &mut Vec<u8>) {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    out.reserve(bytes.len());
    let mut steps = bytes.chunks_exact(8);
    for step in &mut steps {
        let x = u64::from_le_bytes(step.try_into().expect("eight bytes"));
        // The high bit of each byte from 'A' on, and of each byte past 'Z': the bytes are
        // below 0x80, so no sum carries into the next byte. An uppercase letter is one and
        // not the other, and gets its 0x20 bit.
        let from_a = x + ONES * u64::from(0x80 - b'A');
        let past_z = x + ONES * u64::from(0x80 - b'Z' - 1);
        let upper = from_a & !past_z & HIGH;
        out.extend_from_slice(&(x | upper >> 2).to_le_bytes());
    }
    out.extend(steps.remainder().iter().map(u8::to_ascii_lowercase));
}

/// The case rule, for one surface and the patterns tried on it: every uppercase letter of
/// the pattern is uppercase in the text; a name starts with a capital unless its pattern
/// starts in lowercase ("al-Burhan"); and ALL-CAPS text only matches an ALL-CAPS pattern
/// ("CAT" is not the town Çat). What the rule needs to know of the surface is found once.
struct SurfaceCase {
    /// The surface starts with a lowercase letter.
    lowercase: bool,
    /// The surface is ALL-CAPS.
    caps: bool,
}

impl SurfaceCase {
    fn of(surface: &str) -> Self {
        // A lowercase ASCII letter among the first two bytes (most names: "Russia") makes
        // the text no ALL-CAPS at once, as `all_caps` would find.
        let lower_early = surface.as_bytes().iter().take(2).any(u8::is_ascii_lowercase);
        SurfaceCase {
            lowercase: surface.chars().next().is_some_and(char::is_lowercase),
            caps: !lower_early && all_caps(surface),
        }
    }

    /// Whether `pattern` fits the surface's case.
    fn fits(&self, pattern: &str, surface: &str) -> bool {
        let upper_kept =
            pattern.bytes().zip(surface.bytes()).all(|(p, t)| !p.is_ascii_uppercase() || t.is_ascii_uppercase());
        upper_kept
            && (!self.lowercase || pattern.chars().next().is_some_and(char::is_lowercase))
            && (!self.caps || all_caps(pattern))
    }
}

/// Whether `x` has two letters or more and none in lowercase.
fn all_caps(x: &str) -> bool {
    if x.is_ascii() {
        let bytes = x.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
    }
    x.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !x.chars().any(char::is_lowercase)
}

impl Gazetteer {
    pub fn new(data: &OntologyData) -> Self {
        // Room for every name and about as many aliases.
        let names = data.countries.len()
            + data.places.len()
            + data.areas.len()
            + data.regions.len() * 4
            + data.people.len()
            + data.organisations.len();
        let mut b = FormsBuilder {
            lowers: Vec::with_capacity(32 * names),
            forms: String::with_capacity(32 * names),
            groups_by_lower: hashbrown::HashTable::with_capacity(2 * names),
            groups: Vec::with_capacity(2 * names),
            variants: Vec::with_capacity(2 * names),
            by_key: KeyMap::with_capacity_and_hasher(names, Default::default()),
            scratch: String::new(),
        };
        for (i, c) in data.countries.iter().enumerate() {
            let k = Known::Country(i as u32);
            b.add(&c.name, k, false, true);
            for a in &c.aliases {
                b.add(a, k, false, true);
            }
            for d in &c.demonyms {
                b.add(d, Known::Demonym(i as u32), false, true);
            }
        }
        for (i, p) in data.places.iter().enumerate() {
            let k = Known::Place(i as u32);
            b.add(&p.name, k, false, true);
            for a in &p.aliases {
                b.add(a, k, false, false);
            }
        }
        for (i, a) in data.areas.iter().enumerate() {
            let k = Known::Area(i as u32);
            b.add(&a.name, k, false, true);
            for al in &a.aliases {
                b.add(al, k, false, true);
            }
        }
        let region_nouns: Vec<&str> = data.lexicon.place_nouns.iter().filter(|n| n.region).map(|n| &*n.word).collect();
        // A form's name key is its stem's, a space when both have one, and its noun's.
        let noun_keys: Vec<String> = region_nouns.iter().map(|n| name_key(n)).collect();
        let mut form = String::new();
        let mut stem_key = String::new();
        for (i, r) in data.regions.iter().enumerate() {
            let k = Known::Region(i as u32);
            stem_key.clear();
            push_name_key(&r.stem, &mut stem_key);
            for (noun, noun_key) in region_nouns.iter().zip(&noun_keys) {
                form.clear();
                form.push_str(&r.stem);
                form.push(' ');
                form.push_str(noun);
                if b.add(&form, k, false, false) {
                    b.scratch.clear();
                    b.scratch.push_str(&stem_key);
                    if !stem_key.is_empty() && !noun_key.is_empty() {
                        b.scratch.push(' ');
                    }
                    b.scratch.push_str(noun_key);
                    b.add_key(k);
                }
            }
            if !r.official_name.is_empty() && r.official_name != r.stem {
                b.add(&r.official_name, k, false, true);
            }
        }
        for (i, p) in data.people.iter().enumerate() {
            let k = Known::Person(i as u32);
            for a in std::iter::once(&p.name).chain(&p.aliases) {
                b.add_unhyphenated_too(a, k);
            }
        }
        for (i, o) in data.organisations.iter().enumerate() {
            let k = Known::Organisation(i as u32);
            for a in std::iter::once(&o.name).chain(&o.aliases).chain(&o.acronyms) {
                b.add_unhyphenated_too(a, k);
            }
        }
        // A bare region stem ("Crimea", "Central Darfur") names the region only when no
        // other entry has that name. A stem two regions share ("Punjab", of Pakistan and of
        // India) is the first's surface form, but [`Gazetteer::lookup`] finds both, so that
        // a city's country can tell which ("Wazirabad, Punjab").
        for (i, r) in data.regions.iter().enumerate() {
            let generic =
                r.stem.split_whitespace().all(|w| data.lexicon.generic_place_words.contains(w.to_lowercase().as_str()));
            if generic {
                continue;
            }
            let key = name_key(&r.stem);
            let k = Known::Region(i as u32);
            match b.by_key.get(&key) {
                None if !b.has_form(&r.stem) => b.add_plain_too(&r.stem, k, true, true),
                Some(e) if e.as_slice().iter().all(|k| matches!(k, Known::Region(_))) && b.has_form(&r.stem) => {
                    b.scratch = key;
                    b.add_key(k);
                }
                _ => {}
            }
        }
        // One indexed phrase per lowercase form, in order of first appearance. The order
        // of an index's phrases decides only which of two phrases of the same length is
        // tried first at a token, and two different phrases of the same length never both
        // match there (only a phrase's spaces match more than themselves, and a form holds
        // no other whitespace): the matches are those of any other order.
        // The main index's phrases are the groups' ranges of `lowers`, which holds the
        // lowercase forms one after the other, group by group: it becomes the index's text.
        // Only whole characters' UTF-8 is pushed to `lowers` (see `push_lowercase`).
        let lowers = String::from_utf8(std::mem::take(&mut b.lowers)).expect("lowercase forms are UTF-8");
        let mut phrases = Vec::with_capacity(b.groups.len());
        let mut lowercase_phrases = Vec::new();
        let mut variants = Vec::with_capacity(b.variants.len());
        for (g, group) in b.groups.iter().enumerate() {
            let first = variants.len();
            variants.extend(b.variants_of(g).map(|v| b.variants[v].0));
            let range = (first as u32, variants.len() as u32);
            let v = &mut variants[first..];
            // The forms of a group differ: the order is the same whatever order they came in.
            let form = |v: &Variant| &b.forms[v.start as usize..v.end as usize];
            v.sort_by(|x, y| y.known.priority().cmp(&x.known.priority()).then_with(|| form(x).cmp(form(y))));
            let lower = &lowers[group.start as usize..group.end as usize];
            if v.iter().any(|v| form(v).chars().next().is_some_and(char::is_lowercase)) {
                lowercase_phrases.push((lower, range));
            }
            phrases.push((group.start, group.end, range));
        }
        let mut by_key = std::mem::take(&mut b.by_key);
        for e in by_key.values_mut() {
            if let Entries::Many(list) = e {
                list.sort_by_key(|k| std::cmp::Reverse(k.priority()));
            }
        }
        let lowercase_index = PhraseIndex::from_lowercase(lowercase_phrases);
        Gazetteer {
            index: PhraseIndex::from_lowercase_text(lowers, phrases),
            lowercase_index,
            len: b.groups.len(),
            forms: b.forms,
            variants,
            by_key,
        }
    }

    /// All matches in a document (see the module contract).
    pub fn find(&self, doc: &Document) -> Vec<GazetteerMatch> {
        let text = doc.text();
        // Room for a match every eight tokens at once (news names about one in ten): the
        // list does not grow step by step.
        let mut out = Vec::with_capacity(doc.tokens.len() / 8);
        let mut i = 0;
        while let (Some(t), Some(&FirstWord { hash: first_hash, .. })) = (doc.tokens.get(i), doc.first_words.get(i)) {
            let start = t.start as usize;
            let lowercase = match text.as_bytes()[start] {
                b if b.is_ascii() => b.is_ascii_lowercase(),
                _ => text[start..].chars().next().is_some_and(char::is_lowercase),
            };
            let index = if lowercase { &self.lowercase_index } else { &self.index };
            // Most tokens start no form: the index's filter tells so at once.
            if !index.may_start_with(first_hash) {
                i += 1;
                continue;
            }
            let mut next = i + 1;
            // Longest first; a longer form that fails the rules ("The Kremlin" at "the
            // Kremlin") gives way to a shorter one.
            for (&v, end) in index.all_at(doc, i) {
                let (s, e) = (doc.tokens[i].start as usize, doc.tokens[end - 1].end as usize);
                if let Some(g) = self.accept(text, s, e, v) {
                    out.push(g);
                    next = end;
                    break;
                }
            }
            i = next;
        }
        out
    }

    /// A match of the pattern of `variants` (a range of them) at `s..e` if it starts and
    /// ends at word boundaries and one of the pattern's surface forms fits the text's case.
    fn accept(&self, text: &str, s: usize, e: usize, (first, end): (u32, u32)) -> Option<GazetteerMatch> {
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let surface = &text[s..e];
        let case = SurfaceCase::of(surface);
        let v = self.variants[first as usize..end as usize]
            .iter()
            .find(|v| case.fits(&self.forms[v.start as usize..v.end as usize], surface))?;
        Some(GazetteerMatch { start: s as u32, end: e as u32, known: v.known, bare: v.bare })
    }

    /// Entries whose name key equals `name`'s, highest priority first.
    pub fn lookup(&self, name: &str) -> &[Known] {
        // Short ASCII names (most) get their key on the stack.
        let mut buf = [0u8; 64];
        let key = match ascii_name_key(name, &mut buf) {
            Some(key) => self.by_key.get(key),
            None => self.by_key.get(&name_key(name)),
        };
        key.map_or(&[], Entries::as_slice)
    }

    /// The number of distinct (lowercase) surface forms.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn lowercase_as_str_to_lowercase() {
        // Every character, alone and between others (a capital sigma's form depends on
        // its neighbours), as `str::to_lowercase` has it.
        let mut out = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for form in [c.to_string(), format!("Ab{c}É"), format!("é{c} Σ"), format!("ΣΑ{c}")] {
                out.clear();
                push_lowercase(&form, form.is_ascii(), &mut out);
                assert_eq!(out, form.to_lowercase().as_bytes(), "{form:?}");
            }
        }
    }

    #[test]
    fn ascii_lowercase_eight_bytes_at_a_step() {
        // Every ASCII byte at every place of a step and of the rest.
        let mut out = Vec::new();
        for b in 0..0x80u8 {
            for at in 0..19 {
                let mut bytes = *b"Ab@Z[`z{-aZ ByZ-QX";
                bytes[at % bytes.len()] = b;
                out.clear();
                push_ascii_lowercase(&bytes, &mut out);
                assert_eq!(out, bytes.to_ascii_lowercase(), "{bytes:?}");
            }
        }
    }

    #[test]
    fn keys() {
        assert_eq!(name_key("Dalia Grybauskaitė"), "dalia grybauskaite");
        assert_eq!(name_key("Be'eri"), "beeri");
        assert_eq!(name_key("Rostov-on-Don"), "rostov on don");
        assert_eq!(name_key("  U.S. "), "u s");
        assert_eq!(name_key("Çat-Üç Köy, Ṩ'x ﬁ Ǆ"), "cat uc koy sx fi dz");
        // Decomposing runs of non-ASCII characters is decomposing the whole name.
        let whole = |name: &str| {
            let mut out = String::new();
            let mut space = false;
            for c in name.nfkd().filter(|&c| !is_combining_mark(c) && c != '\'' && c != '\u{2019}') {
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
        };
        for name in
            ["Dalia Grybauskaitė", "Москва-Київ", "a\u{0301}\u{0323}b c\u{0323}\u{0301}", "Ｋｙｉｖ", "Be’eri ǅ"]
        {
            assert_eq!(name_key(name), whole(name), "{name}");
        }
        // Why the characters of a name may be decomposed one by one (see `push_name_key`).
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                assert!(is_combining_mark(c), "{c:?} has a combining class but is no mark");
            }
        }
        for name in ["Dalia Grybauskaite", "Be'eri", "Rostov-on-Don", "  U.S. ", "a b c d e f g h i j k"] {
            let mut buf = [0u8; 64];
            assert_eq!(ascii_name_key(name, &mut buf), Some(name_key(name).as_str()), "{name}");
        }
    }
}
