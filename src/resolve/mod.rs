//! Resolution: mentions to one entity per real-world thing in a document.
//!
//! Contract: [`resolve`] gives every mention at most one entity (`of_mention`), except
//! plural pronouns that stand for a coordinated group (`groups_of`). Known mentions
//! share the entity of their gazetteer entry; new names share an entity when their
//! [`fuzzy_key`]s are equal (Zelensky / Zelenskyy, Zaporizhia / Zaporizhzhia) or when
//! one is a person's surname; a bare capitalised word is kept only if it is the surname
//! of a person in the document. Pronouns take the nearest fitting antecedent in the same
//! section (he/she: a person; it: a country or organisation; they: a group or an
//! organisation); "the ministry", "the country" take the last entity of that kind.

use crate::data::{EntityType, Gender, OntologyData, Predicate, WordClass};
use crate::mention::gazetteer::{name_key, Known};
use crate::mention::{Form, Mention, MentionStage, Mentions, NewName, Pronoun, Referent};
use crate::text::Document;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// What identifies an entity within a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    Known(Known),
    New(EntityType, String),
}

/// An entity of a document.
#[derive(Debug, Clone)]
pub struct Entity {
    pub key: EntityKey,
    pub etype: EntityType,
    pub subtype: String,
    pub name: String,
    /// Surface forms seen (names, acronyms, compounds; not pronouns or demonyms).
    pub aliases: BTreeSet<String>,
    /// Mentioned by name at least once (not only as a demonym, pronoun or anaphor).
    pub named: bool,
    pub mentions: u32,
    pub gender: Gender,
}

/// The entities of a document and the mapping from mentions.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    pub of_mention: Vec<Option<u32>>,
    /// Plural pronouns resolved to a group: mention index -> entities.
    pub groups_of: FxHashMap<u32, Vec<u32>>,
    /// Coordinated groups as entity lists (same order as `Mentions::groups`).
    pub groups: Vec<Vec<u32>>,
}

impl Entities {
    pub fn entity(&self, mention: u32) -> Option<&Entity> {
        self.of_mention.get(mention as usize).copied().flatten().map(|e| &self.list[e as usize])
    }
}

/// A key for spelling variants: [`name_key`], repeated letters and letter pairs
/// collapsed, `y` and `j` read as `i`.
pub fn fuzzy_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_fuzzy_key(name.as_bytes());
    }
    let base = name_key(name);
    if base.is_ascii() {
        let mut out = String::with_capacity(base.len());
        for &b in base.as_bytes() {
            push_fuzzy(&mut out, b);
        }
        return out;
    }
    let mapped = base.chars().map(|c| if c == 'y' || c == 'j' { 'i' } else { c });
    collapse_repeats(mapped, char::is_alphabetic).into_iter().collect()
}

/// What the fuzzy key makes of each ASCII byte: a letter lowercased (`y` and `j` as `i`), a
/// digit as it is, `'` for an apostrophe (left out) and 0 for any other byte (between
/// words).
static FUZZY_BYTE: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase();
        table[b] = match c {
            b'y' | b'j' => b'i',
            b'a'..=b'z' | b'0'..=b'9' | b'\'' => c,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// [`fuzzy_key`] of an ASCII name: its name key (words of letters and digits, lowercase,
/// one space between them, apostrophes left out) made fuzzy as it is written, a byte
/// looked up in a table, and the last three bytes written kept at hand rather than read
/// back from the key (about a third of the instructions of [`push_fuzzy`] for each).
fn ascii_fuzzy_key(name: &[u8]) -> String {
    let mut out = String::with_capacity(name.len());
    // The last three bytes of `out`, the last one last; 0 before its start (no letter).
    let (mut a, mut b, mut last) = (0u8, 0u8, 0u8);
    let mut gap = false;
    for &x in name {
        let c = FUZZY_BYTE[usize::from(x & 0x7F)];
        match c {
            0 => {
                gap = true;
                continue;
            }
            b'\'' => continue,
            _ if gap && !out.is_empty() => {
                // The space between two words, then the word's first byte.
                (a, b, last) = (b, last, b' ');
                out.push(' ');
            }
            _ => {}
        }
        gap = false;
        // Lowercase letters are the only bytes from `a` up.
        let letter = c >= b'a';
        if letter && last == c {
            // "zz": the second letter dropped.
            continue;
        }
        if letter && b == c && a == last && last >= b'a' {
            // "zhzh": the second pair dropped (its first letter written before `c`).
            out.pop();
            let tail = out.as_bytes();
            let at = |k: usize| if tail.len() >= k { tail[tail.len() - k] } else { 0 };
            (a, b, last) = (at(3), at(2), at(1));
            continue;
        }
        (a, b, last) = (b, last, c);
        out.push(char::from(c));
    }
    out
}

/// Append byte `c` (ASCII) of a name key to the fuzzy key `out`: `y` and `j` as `i`, a
/// repeated letter or letter pair dropped. What is dropped is told from the last bytes
/// before `c` is pushed, rather than pushed and popped again.
#[inline]
fn push_fuzzy(out: &mut String, c: u8) {
    let c = match c {
        b'y' | b'j' => b'i',
        c => c,
    };
    let letter = c.is_ascii_alphabetic();
    match *out.as_bytes() {
        // "zz": the second letter dropped.
        [.., last] if letter && last == c => {}
        // "zhzh": the second pair dropped (its first letter pushed before `c`).
        [.., a, b, last] if letter && b == c && a == last && last.is_ascii_alphabetic() => {
            out.pop();
        }
        _ => out.push(char::from(c)),
    }
}

/// Letters repeated ("zz") and letter pairs repeated ("zhzh") collapsed to one.
fn collapse_repeats<T: Copy + PartialEq>(items: impl Iterator<Item = T>, letter: impl Fn(T) -> bool) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.size_hint().0);
    for c in items {
        out.push(c);
        let n = out.len();
        if n >= 2 && out[n - 1] == out[n - 2] && letter(c) {
            out.pop();
        } else if n >= 4 && out[n - 1] == out[n - 3] && out[n - 2] == out[n - 4] && letter(c) && letter(out[n - 2]) {
            out.truncate(n - 2);
        }
    }
    out
}

fn known_name(data: &OntologyData, k: Known) -> (String, EntityType, String, Gender) {
    match k {
        Known::Country(i) | Known::Demonym(i) => {
            (data.countries[i as usize].name.clone(), EntityType::Country, String::new(), Gender::Unknown)
        }
        Known::Place(i) => {
            let p = &data.places[i as usize];
            (p.name.clone(), EntityType::Place, p.subtype.clone(), Gender::Unknown)
        }
        Known::Region(i) => {
            let r = &data.regions[i as usize];
            (r.label.clone(), EntityType::Place, "Region".into(), Gender::Unknown)
        }
        Known::Area(i) => {
            let a = &data.areas[i as usize];
            (a.name.clone(), EntityType::Place, a.subtype.clone(), Gender::Unknown)
        }
        Known::Person(i) => {
            let p = &data.people[i as usize];
            (p.name.clone(), EntityType::Person, String::new(), p.gender)
        }
        Known::Organisation(i) => {
            let o = &data.organisations[i as usize];
            (o.name.clone(), EntityType::Organisation, o.subtype.clone(), Gender::Unknown)
        }
    }
}

/// The fuzzy keys of a person's surname and first word, when the name has two words or
/// more ("Ferdinand Marcos Jr.": the surname before a generational suffix).
fn name_word_keys(data: &OntologyData, name: &str) -> Option<(String, String)> {
    let mut words = name.split_whitespace();
    let suffix = |w: &str| data.lexicon.word_classes.contains(WordClass::NameSuffix, &w.to_lowercase());
    let (first, mut last) = (words.next()?, words.next_back()?);
    if suffix(last) {
        last = words.next_back().unwrap_or(last);
    }
    Some((fuzzy_key(last), fuzzy_key(first)))
}

/// The fuzzy keys of the gazetteer's entries ([`fuzzy_key`] of the name the entity takes,
/// and a person's [`name_word_keys`]), each made the first time a document names the entry
/// and kept for the stage's life: the same few hundred entries come back in document after
/// document, and a key takes about 600 instructions to make. Built for the data the mention
/// stage is built from.
#[derive(Debug)]
pub struct KnownKeys {
    /// Where each kind's entries start in `names`: countries, regions, places, areas,
    /// people, organisations; then the end.
    starts: [usize; 7],
    names: Box<[OnceLock<Box<str>>]>,
    people: Box<[OnceLock<PersonKeys>]>,
}

/// The keys of a person's name's words.
#[derive(Debug)]
struct PersonKeys {
    /// [`name_word_keys`].
    words: Option<(Box<str>, Box<str>)>,
    /// The key of the last word.
    last: Option<Box<str>>,
}

impl KnownKeys {
    pub fn new(data: &OntologyData) -> Self {
        let lens = [
            data.countries.len(),
            data.regions.len(),
            data.places.len(),
            data.areas.len(),
            data.people.len(),
            data.organisations.len(),
        ];
        let mut starts = [0; 7];
        for (k, len) in lens.into_iter().enumerate() {
            starts[k + 1] = starts[k] + len;
        }
        KnownKeys {
            starts,
            names: (0..starts[6]).map(|_| OnceLock::new()).collect(),
            people: (0..data.people.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The fuzzy key of entry `k`, whose entity's name is `name` (as [`known_name`] gives
    /// it); `None` for an entry out of the data's range.
    fn name(&self, k: Known, name: &str) -> Option<&str> {
        let (kind, i) = match k {
            Known::Country(i) | Known::Demonym(i) => (0, i),
            Known::Region(i) => (1, i),
            Known::Place(i) => (2, i),
            Known::Area(i) => (3, i),
            Known::Person(i) => (4, i),
            Known::Organisation(i) => (5, i),
        };
        let at = self.starts[kind] + i as usize;
        let slot = self.names.get(at).filter(|_| at < self.starts[kind + 1])?;
        Some(slot.get_or_init(|| fuzzy_key(name).into()))
    }

    /// [`name_word_keys`] of person `i`, whose name is `name`; `None` for a person out of
    /// the data's range.
    fn person_words(&self, data: &OntologyData, i: u32, name: &str) -> Option<Option<(&str, &str)>> {
        let keys = self.person(data, i, name)?;
        Some(keys.words.as_ref().map(|(l, f)| (&**l, &**f)))
    }

    /// The key of the last word of person `i`'s name `name`; `None` for a person out of the
    /// data's range.
    fn person_last_word(&self, data: &OntologyData, i: u32, name: &str) -> Option<Option<&str>> {
        Some(self.person(data, i, name)?.last.as_deref())
    }

    fn person(&self, data: &OntologyData, i: u32, name: &str) -> Option<&PersonKeys> {
        Some(self.people.get(i as usize)?.get_or_init(|| PersonKeys {
            words: name_word_keys(data, name).map(|(l, f)| (l.into(), f.into())),
            last: name.split_whitespace().last().map(|l| fuzzy_key(l).into()),
        }))
    }
}

/// The gender of a new person's name by its given name ("Daniel Chapo"), when the
/// lexicon gives the name to one gender only.
fn gender_of(data: &OntologyData, n: &NewName) -> Gender {
    let first = n.name.split_whitespace().next().filter(|_| n.etype == EntityType::Person);
    first.and_then(|w| data.lexicon.given_names.get(w.to_lowercase().as_str()).copied()).unwrap_or(Gender::Unknown)
}

struct Resolver<'a> {
    doc: &'a Document<'a>,
    data: &'a OntologyData,
    stage: &'a MentionStage,
    mentions: &'a Mentions,
    out: Entities,
    by_key: FxHashMap<EntityKey, u32>,
    /// Fuzzy keys, those of the gazetteer's entries borrowed from the stage's
    /// [`KnownKeys`].
    by_fuzzy: FxHashMap<(EntityType, Cow<'a, str>), u32>,
    /// Last-name key of persons -> entity.
    by_surname: FxHashMap<Cow<'a, str>, u32>,
    /// First-word key of persons' names of two words or more -> entity ("Lai" of "Lai
    /// Ching-te", whose family name comes first).
    by_first_name: FxHashMap<Cow<'a, str>, u32>,
    /// New names as written -> the entity of their key (a name's key never changes
    /// entity once it has one; this spares building the key again).
    by_name: FxHashMap<(EntityType, &'a str), u32>,
}

impl<'a> Resolver<'a> {
    /// The entity of `key`; a new one is described by `describe` (name, type, subtype
    /// and gender), called only when the key is not known yet.
    fn entity_for(&mut self, key: EntityKey, describe: impl FnOnce() -> (String, EntityType, String, Gender)) -> u32 {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let (name, etype, subtype, gender) = describe();
        let (stage, data) = (self.stage, self.data);
        let known = match key {
            EntityKey::Known(k) => Some(k),
            EntityKey::New(..) => None,
        };
        let fuzzy = match known.and_then(|k| stage.known_keys.name(k, &name)) {
            Some(k) => Cow::Borrowed(k),
            None => Cow::Owned(fuzzy_key(&name)),
        };
        let fk = (etype, fuzzy);
        if let Some(&e) = self.by_fuzzy.get(&fk) {
            self.by_key.insert(key, e);
            return e;
        }
        let id = self.out.list.len() as u32;
        if etype == EntityType::Person {
            let words = match known {
                Some(Known::Person(i)) => stage.known_keys.person_words(data, i, &name),
                _ => None,
            };
            let words = match words {
                Some(w) => w.map(|(l, f)| (Cow::Borrowed(l), Cow::Borrowed(f))),
                None => name_word_keys(data, &name).map(|(l, f)| (Cow::Owned(l), Cow::Owned(f))),
            };
            if let Some((last, first)) = words {
                self.by_surname.entry(last).or_insert(id);
                self.by_first_name.entry(first).or_insert(id);
            }
        }
        self.out.list.push(Entity {
            key: key.clone(),
            etype,
            subtype,
            name,
            aliases: BTreeSet::new(),
            named: false,
            mentions: 0,
            gender,
        });
        self.by_key.insert(key, id);
        self.by_fuzzy.insert(fk, id);
        id
    }

    fn surface(&self, m: &Mention) -> &'a str {
        self.doc.span_text(m.start as usize, m.end as usize)
    }

    fn named(&mut self, mi: usize) -> Option<u32> {
        let m = &self.mentions.list[mi];
        let e = match &m.referent {
            Referent::Known(k) => {
                // A single word that a gazetteer knows as a town but that names a person of
                // the document: "Lai" after "President Lai Ching-te", not Laï in Chad.
                // (No key is made while the document has no person of two words.)
                if matches!(k, Known::Place(_))
                    && m.end == m.start + 1
                    && m.rule == "gazetteer"
                    && !(self.by_surname.is_empty() && self.by_first_name.is_empty())
                {
                    // The place's own name, the usual surface, has its key kept.
                    let surface = self.surface(m);
                    let place = match k {
                        Known::Place(i) => self.data.places.get(*i as usize).map(|p| p.name.as_str()),
                        _ => None,
                    };
                    let key = match place.filter(|&p| p == surface) {
                        Some(p) => self.stage.known_keys.name(*k, p).map(Cow::Borrowed),
                        None => None,
                    };
                    let key = key.unwrap_or_else(|| Cow::Owned(fuzzy_key(surface)));
                    if let Some(&e) = self.by_surname.get(&*key).or_else(|| self.by_first_name.get(&*key)) {
                        return Some(e);
                    }
                }
                let key = EntityKey::Known(match k {
                    Known::Demonym(c) => Known::Country(*c),
                    k => *k,
                });
                let data = self.data;
                self.entity_for(key, || known_name(data, *k))
            }
            Referent::New(n) => {
                // A single word naming a person: the surname of a person already seen, else
                // a first name ("Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al
                // Thani").
                if n.etype == EntityType::Person && !n.name.contains(' ') {
                    let key = fuzzy_key(&n.name);
                    if let Some(&e) = self.by_surname.get(key.as_str()).or_else(|| self.by_first_name.get(key.as_str()))
                    {
                        return Some(e);
                    }
                }
                // A full name whose surname was seen alone before.
                if let Some(&e) = self.by_name.get(&(n.etype, n.name.as_str())) {
                    return Some(e);
                }
                let e = match self.longer_name(n) {
                    Some(e) => e,
                    None => {
                        let key = EntityKey::New(n.etype, name_key(&n.name));
                        let data = self.data;
                        self.entity_for(key, || (n.name.clone(), n.etype, n.subtype.clone(), gender_of(data, n)))
                    }
                };
                self.by_name.insert((n.etype, n.name.as_str()), e);
                e
            }
            _ => return None,
        };
        Some(e)
    }

    /// The person whose longer name, seen before, opens with the words of `n`: "Hassan
    /// Sheikh" after "Hassan Sheikh Mohamud".
    fn longer_name(&self, n: &NewName) -> Option<u32> {
        if n.etype == EntityType::Organisation && n.name.contains(' ') {
            return self.longer_organisation_name(n);
        }
        if n.etype != EntityType::Person || !n.name.contains(' ') {
            return None;
        }
        // (The name's key is made only for a candidate.)
        let first = fuzzy_key(n.name.split_whitespace().next()?);
        if let Some(&e) = self.by_first_name.get(first.as_str()) {
            let (a, b) = (fuzzy_key(&n.name), fuzzy_key(&self.out.list[e as usize].name));
            if b.len() > a.len() && b.starts_with(&a) && b.as_bytes()[a.len()] == b' ' {
                return Some(e);
            }
        }
        // The last words of a longer name: "Abu Musab" after "Sheikh Abdiasis Abu Musab".
        let last = fuzzy_key(n.name.split_whitespace().next_back()?);
        let &e = self.by_surname.get(last.as_str())?;
        let (a, b) = (fuzzy_key(&n.name), fuzzy_key(&self.out.list[e as usize].name));
        ends_with_words(&b, &a).then_some(e)
    }

    /// The organisation seen last in the document whose longer name ends with the words
    /// of `n`: "the Security Council" after "the UN Security Council", "Defence Forces"
    /// after "the Kenya Defence Forces".
    fn longer_organisation_name(&self, n: &NewName) -> Option<u32> {
        let a = fuzzy_key(&n.name);
        let last = n.name.split_whitespace().next_back()?;
        let ends = |e: &Entity| {
            // (Keys are made only for names that end with the same word.)
            let same_last = e.name.split_whitespace().next_back().is_some_and(|w| w.eq_ignore_ascii_case(last));
            same_last && ends_with_words(&fuzzy_key(&e.name), &a)
        };
        let e = self.out.list.iter().rposition(|e| e.etype == EntityType::Organisation && ends(e))?;
        Some(e as u32)
    }

    fn record(&mut self, mi: usize, e: u32) {
        self.out.of_mention[mi] = Some(e);
        let m = &self.mentions.list[mi];
        let ent = &mut self.out.list[e as usize];
        ent.mentions += 1;
        if matches!(m.form, Form::Name | Form::Acronym | Form::Compound) {
            ent.named = true;
            let s = self.doc.span_text(m.start as usize, m.end as usize);
            if !ent.aliases.contains(s) {
                ent.aliases.insert(s.to_owned());
            }
        }
    }

    /// Whether a heading lies between sentences `a` and `b` (a < b).
    fn heading_between(&self, a: u32, b: u32) -> bool {
        (a + 1..b).any(|s| self.doc.sentences[s as usize].is_heading())
    }

    /// The antecedent of mention `mi`: the nearest accepted mention before it in its own
    /// sentence; in an earlier sentence, the nearest one, or with `first_in_sentence` the
    /// first accepted mention of the nearest sentence that has one (the subject, usually).
    fn antecedent_by(
        &self,
        mi: usize,
        first_in_sentence: bool,
        accept: impl Fn(usize, &Entity) -> bool,
    ) -> Option<u32> {
        let m = &self.mentions.list[mi];
        let mut found: Option<(u32, u32)> = None;
        for j in (0..mi).rev() {
            let c = &self.mentions.list[j];
            if m.sentence.saturating_sub(c.sentence) > 3 || self.heading_between(c.sentence, m.sentence) {
                break;
            }
            if let Some((_, s)) = found {
                if c.sentence != s {
                    break;
                }
            }
            if c.end > m.start && c.sentence == m.sentence {
                continue;
            }
            if let Some(e) = self.out.of_mention[j] {
                if accept(j, &self.out.list[e as usize]) {
                    if c.sentence == m.sentence || !first_in_sentence {
                        return Some(e);
                    }
                    found = Some((e, c.sentence));
                }
            }
        }
        found.map(|(e, _)| e)
    }

    fn antecedent(&self, mi: usize, accept: impl Fn(usize, &Entity) -> bool) -> Option<u32> {
        self.antecedent_by(mi, false, accept)
    }
}

/// Whether token `i` is the subject of a reported clause: right after a verb of saying
/// ("saying it", "said that it"), one of the attribution verbs or its participle.
/// Whether `name` is the name written `surface` qualified by its state: "Kyrgyz Border
/// Service" or "Security Council of Russia" for "Border Service" or "Security Council".
fn qualifies(name: &str, surface: &str) -> bool {
    name.strip_prefix(surface).is_some_and(|rest| rest.starts_with(" of "))
        || name.strip_suffix(surface).is_some_and(|rest| rest.ends_with(' '))
}

fn reports(doc: &Document, mentions: &Mentions, i: usize) -> bool {
    let verb = |k: usize| {
        mentions.words[k] & crate::relation::word::ATTRIBUTION_VERB != 0
            || matches!(doc.low(k), "saying" | "adding" | "claiming")
    };
    i > 0 && (verb(i - 1) || i > 1 && doc.low(i - 1) == "that" && verb(i - 2))
}

/// Whether mention `c` is inside a relative clause set off by commas that closes before
/// mention `m` of the same sentence: "The RSF, which has been at war with the army,
/// stormed its market" ("its" is not the army's).
fn in_relative_clause(doc: &Document, c: &Mention, m: &Mention) -> bool {
    if c.sentence != m.sentence {
        return false;
    }
    let start = doc.sentences[c.sentence as usize].tokens.start as usize;
    crate::relation::relative_clause_open(doc, start, c.start as usize).is_some()
        && (c.end as usize..m.start as usize).any(|k| doc.low(k) == ",")
}

/// Whether mention `c` is inside a participle's phrase that opens the sentence of pronoun
/// `m`, right before it: "Speaking to Martin Smith of PBS, he said" (he is not Smith).
fn in_opening_participle(doc: &Document, c: &Mention, m: &Mention) -> bool {
    if c.sentence != m.sentence {
        return false;
    }
    let start = doc.sentences[c.sentence as usize].tokens.start as usize;
    let pronoun = m.start as usize;
    doc.low(start).ends_with("ing")
        && pronoun > start + 1
        && doc.low(pronoun - 1) == ","
        && (start..pronoun - 1).all(|k| doc.low(k) != ",")
        && (c.start as usize) < pronoun
}

/// Whether mention `j`'s noun phrase, or the coordination it is in, follows a
/// preposition ("on nine sites in Pakistan and Pakistan-administered Kashmir"), an
/// article between them.
fn after_preposition(doc: &Document, mentions: &Mentions, j: usize) -> bool {
    let g = mentions.groups.partition_point(|g| g.last().is_some_and(|&l| (l as usize) < j));
    let first = mentions.groups.get(g).filter(|g| g[0] as usize <= j).map_or(j, |g| g[0] as usize);
    let mut k = mentions.list[first].np_start as usize;
    if k > 0 && matches!(doc.low(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    k > 0 && mentions.words[k - 1] & crate::relation::word::PREPOSITION != 0
}

/// Resolve the mentions of a document to entities.
pub fn resolve(doc: &Document, data: &OntologyData, stage: &MentionStage, mentions: &Mentions) -> Entities {
    let mut r = Resolver {
        doc,
        data,
        stage,
        mentions,
        // Room for an entity per two mentions, a usual ratio: the list and the maps seldom
        // grow.
        out: Entities {
            list: Vec::with_capacity(mentions.list.len() / 2),
            of_mention: vec![None; mentions.list.len()],
            ..Default::default()
        },
        by_key: FxHashMap::with_capacity_and_hasher(mentions.list.len() / 2, Default::default()),
        by_fuzzy: FxHashMap::with_capacity_and_hasher(mentions.list.len() / 2, Default::default()),
        // Room for the persons of most documents: the maps seldom grow.
        by_surname: FxHashMap::with_capacity_and_hasher(8, Default::default()),
        by_first_name: FxHashMap::with_capacity_and_hasher(8, Default::default()),
        by_name: FxHashMap::with_capacity_and_hasher(mentions.list.len() / 4, Default::default()),
    };
    // Pass 1: names, in order. Multi-word person names first, so surnames can find them.
    let long_person = |m: &Mention| {
        matches!(&m.referent, Referent::New(n) if n.etype == EntityType::Person && n.name.contains(' '))
            || matches!(&m.referent, Referent::Known(Known::Person(_)))
    };
    // Then a state's body named after the state ("France's National Assembly", the French
    // National Assembly), so that its bare name before it ("the National Assembly") is the
    // same body.
    let qualified_body = |m: &Mention| {
        let surface = || doc.span_text(m.start as usize, m.end as usize);
        match &m.referent {
            Referent::New(n) => n.etype == EntityType::Organisation && qualifies(&n.name, surface()),
            Referent::Known(Known::Organisation(o)) => qualifies(&data.organisations[*o as usize].name, surface()),
            _ => false,
        }
    };
    let n = mentions.list.len();
    let (mut order, mut bodies, mut rest) = (Vec::with_capacity(n), Vec::new(), Vec::with_capacity(n));
    for (i, m) in mentions.list.iter().enumerate() {
        if long_person(m) {
            order.push(i);
        } else if qualified_body(m) {
            bodies.push(i);
        } else {
            rest.push(i);
        }
    }
    order.extend(bodies);
    order.extend(rest);
    for &mi in &order {
        if let Some(e) = r.named(mi) {
            r.record(mi, e);
            // "Ecuador's National Police", named the Ecuadorean National Police: "the
            // National Police" elsewhere in the document is the same.
            let m = &mentions.list[mi];
            let ent = &r.out.list[e as usize];
            if ent.etype == EntityType::Organisation && m.form == Form::Name {
                let surface = doc.span_text(m.start as usize, m.end as usize);
                if qualifies(&ent.name, surface) {
                    r.by_name.entry((EntityType::Organisation, surface)).or_insert(e);
                }
            }
        }
    }
    // Pass 2: bare words that are surnames of persons in the document, or their first
    // names ("Chatchai said" after "Chatchai Boonyarat").
    // The first person entity of each last-name key (built when first needed; pass 2
    // adds no entities).
    let mut last_names: Option<FxHashMap<Cow<str>, u32>> = None;
    for mi in 0..mentions.list.len() {
        if mentions.list[mi].referent == Referent::Bare {
            let key = fuzzy_key(r.surface(&mentions.list[mi]));
            if let Some(&e) = r.by_surname.get(key.as_str()).or_else(|| r.by_first_name.get(key.as_str())) {
                // Of two persons with the surname ("Saad Hariri", later "Rafik Hariri"),
                // the one named last before it.
                let recent = (0..mi).rev().find_map(|j| {
                    let x = r.out.of_mention[j]?;
                    let ent = &r.out.list[x as usize];
                    let same = ent.etype == EntityType::Person
                        && x != e
                        && ent.name.split_whitespace().last().is_some_and(|l| fuzzy_key(l) == key);
                    (same || x == e).then_some(x)
                });
                r.record(mi, recent.unwrap_or(e));
            } else {
                // A surname of a known person ("Tykhyi" after "Heorhii Tykhyi").
                let last_names = last_names.get_or_insert_with(|| {
                    // Room for every entity: the map does not grow on the way.
                    let mut map = FxHashMap::with_capacity_and_hasher(r.out.list.len(), Default::default());
                    for (i, ent) in r.out.list.iter().enumerate() {
                        if ent.etype != EntityType::Person {
                            continue;
                        }
                        // A known person's key kept by the stage.
                        let known = match ent.key {
                            EntityKey::Known(Known::Person(p)) => {
                                r.stage.known_keys.person_last_word(data, p, &ent.name)
                            }
                            _ => None,
                        };
                        let key = match known {
                            Some(k) => k.map(Cow::Borrowed),
                            None => ent.name.split_whitespace().last().map(|l| Cow::Owned(fuzzy_key(l))),
                        };
                        if let Some(key) = key {
                            map.entry(key).or_insert(i as u32);
                        }
                    }
                    map
                });
                if let Some(&e) = last_names.get(key.as_str()) {
                    r.record(mi, e);
                }
            }
        }
    }
    // Pass 3: pronouns and anaphora, in order (antecedents resolved before them).
    // The entity of the last mention so far of each type, for "the country" far back.
    let mut last_of_type: [Option<u32>; 4] = [None; 4];
    let type_index = |t: EntityType| match t {
        EntityType::Person => 0,
        EntityType::Country => 1,
        EntityType::Organisation => 2,
        EntityType::Place => 3,
    };
    // The group a plural pronoun opening a sentence stood for, with its sentence: "They
    // concluded … They called on Turkey …" is the same group twice.
    let mut opening_group: Option<(u32, Vec<u32>)> = None;
    for mi in 0..mentions.list.len() {
        let m = &mentions.list[mi];
        match &m.referent {
            Referent::Pronoun(p) => {
                let p = *p;
                let opens = doc.sentences.get(m.sentence as usize).is_some_and(|s| s.tokens.start == m.start);
                let again = opening_group
                    .as_ref()
                    .filter(|(s, _)| p == Pronoun::Plural && opens && s + 1 == m.sentence)
                    .map(|(_, ents)| ents.clone());
                if let Some(ents) = again {
                    r.out.of_mention[mi] = ents.first().copied();
                    r.out.groups_of.insert(mi as u32, ents.clone());
                    opening_group = Some((m.sentence, ents));
                } else if p == Pronoun::Plural {
                    // The latest of: a coordinated group, an organisation.
                    // Groups are disjoint runs of mentions in order: the last group that
                    // ends before this pronoun, if it starts near enough (an earlier one
                    // starts no nearer).
                    let before = mentions.groups.partition_point(|g| g.last().is_some_and(|&l| (l as usize) < mi));
                    let group = before.checked_sub(1).map(|g| (g, &mentions.groups[g])).filter(|(_, g)| {
                        let s = mentions.list[g[0] as usize].sentence;
                        m.sentence.saturating_sub(s) <= 2
                    });
                    let org = r.antecedent(mi, |_, e| e.etype == EntityType::Organisation);
                    let org_pos = org.and_then(|e| (0..mi).rev().find(|&j| r.out.of_mention[j] == Some(e)));
                    match group {
                        Some((_, g)) if org_pos.is_none_or(|op| op < *g.last().unwrap_or(&0) as usize) => {
                            let ents: Vec<u32> = g.iter().filter_map(|&x| r.out.of_mention[x as usize]).collect();
                            if let Some(&first) = ents.first() {
                                r.out.of_mention[mi] = Some(first);
                                if opens {
                                    opening_group = Some((m.sentence, ents.clone()));
                                }
                                r.out.groups_of.insert(mi as u32, ents);
                            }
                        }
                        _ => {
                            if let Some(e) = org {
                                r.out.of_mention[mi] = Some(e);
                            }
                        }
                    }
                } else {
                    let people = matches!(p, Pronoun::Male | Pronoun::Female);
                    // "India struck sites in Pakistan, saying it had hit …": "it" reporting
                    // what the clause's subject says is that subject, not a name in a
                    // prepositional phrase between them.
                    let reported = (p == Pronoun::Neuter && reports(doc, mentions, m.start as usize))
                        .then(|| {
                            r.antecedent(mi, |j, e| {
                                let c = &mentions.list[j];
                                c.sentence == m.sentence
                                    && matches!(e.etype, EntityType::Country | EntityType::Organisation)
                                    && c.form != Form::Demonym
                                    && !c.inner
                                    && !after_preposition(doc, mentions, j)
                            })
                        })
                        .flatten();
                    let e = reported.or_else(|| {
                        r.antecedent_by(mi, people || p == Pronoun::Neuter, |j, e| {
                            !in_relative_clause(doc, &mentions.list[j], m)
                                && !in_opening_participle(doc, &mentions.list[j], m)
                                && match p {
                                    Pronoun::Male => e.etype == EntityType::Person && e.gender != Gender::Female,
                                    Pronoun::Female => e.etype == EntityType::Person && e.gender != Gender::Male,
                                    Pronoun::Neuter => {
                                        matches!(e.etype, EntityType::Country | EntityType::Organisation)
                                            && mentions.list[j].form != Form::Demonym
                                            && !mentions.list[j].inner
                                    }
                                    Pronoun::Plural => false,
                                }
                        })
                    });
                    r.out.of_mention[mi] = e;
                }
            }
            Referent::Anaphor(EntityType::Person, roles) => {
                // "the prime minister": the person last named with that office, in the
                // text ("Prime Minister Shehbaz Sharif") or in the gazetteer.
                let role = |r: &str| roles.iter().any(|x| x.eq_ignore_ascii_case(r));
                // The mentions given that office by a title, found once.
                let titled: Vec<u32> = mentions
                    .facts
                    .iter()
                    .filter(|f| f.predicate == Predicate::RoleIn && f.role.as_deref().is_some_and(role))
                    .map(|f| f.subject)
                    .collect();
                let holds = |j: usize, e: &Entity| {
                    let known =
                        matches!(e.key, EntityKey::Known(Known::Person(pi)) if role(&data.people[pi as usize].role));
                    e.etype == EntityType::Person && (titled.contains(&(j as u32)) || known)
                };
                r.out.of_mention[mi] = (0..mi).rev().find_map(|j| {
                    let e = r.out.of_mention[j]?;
                    holds(j, &r.out.list[e as usize]).then_some(e)
                });
            }
            Referent::Anaphor(t, sub) => {
                let (t, sub) = (*t, sub.clone());
                let e = r.antecedent(mi, |_, e| e.etype == t && (sub.is_empty() || sub.contains(&e.subtype)));
                // Further back in the document for "the country"; of the subtype, when
                // given, for "the army".
                let e = e.or_else(|| {
                    if sub.is_empty() {
                        return last_of_type[type_index(t)];
                    }
                    (0..mi).rev().filter_map(|j| r.out.of_mention[j]).find(|&e| {
                        let e = &r.out.list[e as usize];
                        e.etype == t && sub.contains(&e.subtype)
                    })
                });
                r.out.of_mention[mi] = e;
            }
            _ => {}
        }
        if let Some(e) = r.out.of_mention[mi] {
            last_of_type[type_index(r.out.list[e as usize].etype)] = Some(e);
        }
    }
    r.out.groups =
        mentions.groups.iter().map(|g| g.iter().filter_map(|&m| r.out.of_mention[m as usize]).collect()).collect();
    r.out
}

/// Whether name key `long` ends with the whole words of the shorter key `short`.
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_as_made_afresh() {
        let data = OntologyData::embedded().expect("data");
        let keys = KnownKeys::new(&data);
        // Every entry of every kind, asked twice (the second time from the cache): the key
        // of its own name, never another entry's.
        let entries = (0..data.countries.len())
            .flat_map(|i| [Known::Country(i as u32), Known::Demonym(i as u32)])
            .chain((0..data.regions.len()).map(|i| Known::Region(i as u32)))
            .chain((0..data.places.len()).step_by(97).map(|i| Known::Place(i as u32)))
            .chain((0..data.areas.len()).map(|i| Known::Area(i as u32)))
            .chain((0..data.people.len()).map(|i| Known::Person(i as u32)))
            .chain((0..data.organisations.len()).map(|i| Known::Organisation(i as u32)))
            .collect::<Vec<_>>();
        for _ in 0..2 {
            for &k in &entries {
                let name = known_name(&data, k).0;
                assert_eq!(keys.name(k, &name), Some(fuzzy_key(&name).as_str()), "{k:?}");
                if let Known::Person(i) = k {
                    let words = name_word_keys(&data, &name);
                    let words = words.as_ref().map(|(l, f)| (l.as_str(), f.as_str()));
                    assert_eq!(keys.person_words(&data, i, &name), Some(words), "{name}");
                    let last = name.split_whitespace().last().map(fuzzy_key);
                    assert_eq!(keys.person_last_word(&data, i, &name), Some(last.as_deref()), "{name}");
                }
            }
        }
        // Out of the data's range: made afresh by the caller.
        assert_eq!(keys.name(Known::Country(data.countries.len() as u32), "x"), None);
        assert_eq!(keys.person_words(&data, data.people.len() as u32, "x y"), None);
    }

    #[test]
    fn spelling_variants_share_a_key() {
        let same = [
            ("Zelensky", "Zelenskyy"),
            ("Zelenskiy", "Zelensky"),
            ("Zaporizhia", "Zaporizhzhia"),
            ("Odessa", "Odesa"),
            ("Grybauskaitė", "Grybauskaite"),
        ];
        for (a, b) in same {
            assert_eq!(fuzzy_key(a), fuzzy_key(b), "{a} / {b}");
        }
        assert_ne!(fuzzy_key("Kyiv"), fuzzy_key("Kursk"));
        assert_ne!(fuzzy_key("Iran"), fuzzy_key("Iraq"));
        // ASCII names take a shortcut: the same keys as the general path.
        let mut names: Vec<String> = [
            "Zaporizhzhia",
            "  Be'eri-Kfar  Aza ",
            "Yeyy jj",
            "abab abab",
            "U.S.",
            "'",
            "",
            "ababab",
            "aab-ab",
            "yjyj",
        ]
        .map(String::from)
        .to_vec();
        // Every name of up to five bytes of a small alphabet: repeats, pairs, gaps.
        let alphabet = ["a", "B", "y", "j", "i", "1", " ", "'", "-"];
        let mut frontier = vec![String::new()];
        for _ in 0..5 {
            frontier = frontier.iter().flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}"))).collect();
            names.extend(frontier.iter().cloned());
        }
        for name in names.iter().map(String::as_str) {
            let general: String =
                collapse_repeats(name_key(name).chars().map(|c| if c == 'y' || c == 'j' { 'i' } else { c }), |c| {
                    c.is_alphabetic()
                })
                .into_iter()
                .collect();
            assert_eq!(fuzzy_key(name), general, "{name:?}");
        }
    }
}
