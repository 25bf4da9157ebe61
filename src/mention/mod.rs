//! Mentions: spans of a document that name (or refer to) an entity.
//!
//! Contract: [`MentionStage::find`] returns the mentions of every non-heading sentence,
//! sorted by start token. Head mentions never overlap one another; a mention swallowed
//! by a larger one (the possessor "Russia" in "Russia's Defence Ministry") stays in the
//! list with `inner = true`, so that its entity still exists. Along with the mentions come
//! the facts that their patterns state (`part_of`, `located_in`, `role_in`) and the
//! coordinated groups ("Sergei Shoigu and Valery Gerasimov").
//!
//! Sources, in order of precedence: the gazetteer; compounds of a country with a ministry,
//! force or government noun; titles before or after a name; place nouns ("the village of
//! X", "X region"); acronyms defined in parentheses; a capitalised-name fallback typed by
//! its head noun or its context; pronouns and definite anaphora.

pub mod gazetteer;
mod pattern;
pub(crate) use pattern::KIN_NOUN;

use crate::data::{EntityType, EventType, OntologyData, Predicate, TriggerPos};
use crate::resolve::KnownKeys;
use crate::text::phrase::PhraseIndex;
use crate::text::words::WordSets;
use crate::text::{Document, TokenKind};
use gazetteer::{Gazetteer, Known};
use rustc_hash::{FxHashMap, FxHashSet};

/// A name not in the gazetteer, built by a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NewName {
    pub name: String,
    pub etype: EntityType,
    pub subtype: String,
}

/// Personal pronouns, by what they can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pronoun {
    /// he, him, his
    Male,
    /// she, her, hers
    Female,
    /// it, its
    Neuter,
    /// they, them, their
    Plural,
}

/// What a mention refers to, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Known(Known),
    New(NewName),
    Pronoun(Pronoun),
    /// "the ministry": the last entity of this type (and one of these subtypes, if any).
    Anaphor(EntityType, Vec<String>),
    /// An unnamed office holder ("North Korea's general delegate"); not an entity, but
    /// an antecedent for "his country". Carries the mention of the state it serves.
    Role(u32),
    /// A single capitalised word that is only a name if it is the surname of a person
    /// named elsewhere in the document.
    Bare,
    /// A reading a larger pattern replaced ("Nir" in "the Nir Oz kibbutz"): ignored.
    Discarded,
}

/// How a mention is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Name,
    /// "Ukrainian", "Israelis": stands for the country.
    Demonym,
    /// "Russia's Defence Ministry", "Russian forces", "the British government".
    Compound,
    Acronym,
    Pronoun,
    Anaphor,
    Role,
}

/// One mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Token range `[start, end)`, document-wide indices.
    pub start: u32,
    pub end: u32,
    pub sentence: u32,
    pub referent: Referent,
    pub form: Form,
    /// Part of a larger mention.
    pub inner: bool,
    /// Start of the whole noun phrase (title and qualifier included: "NATO's
    /// Secretary-General Mark Rutte"); equals `start` otherwise.
    pub np_start: u32,
    pub rule: &'static str,
    pub confidence: f32,
}

impl Mention {
    pub fn entity_type(&self, data: &OntologyData) -> Option<EntityType> {
        match &self.referent {
            Referent::Known(k) => Some(match k {
                Known::Organisation(i) if data.organisations[*i as usize].subtype.is_empty() => {
                    EntityType::Organisation
                }
                k => k.entity_type(),
            }),
            Referent::New(n) => Some(n.etype),
            Referent::Anaphor(t, _) => Some(*t),
            _ => None,
        }
    }
}

/// What a fact's object is: a mention, a known entity not necessarily mentioned, or the
/// country the document is about (known once all of it is read, if it is about one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactObject {
    Mention(u32),
    Known(Known),
    DocumentCountry,
}

/// A relation stated by the shape of a mention ("Russia's Defence Ministry" → part_of).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub subject: u32,
    pub predicate: Predicate,
    pub object: FactObject,
    pub role: Option<String>,
    pub sentence: u32,
    pub rule: &'static str,
}

/// The output of the mention stage.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub list: Vec<Mention>,
    pub facts: Vec<Fact>,
    /// Coordinated head mentions ("A, B and C"), as indices into `list`.
    pub groups: Vec<Vec<u32>>,
    /// Acronyms defined in the document ("Group of Seven (G7)") and what they refer to.
    pub acronyms: FxHashMap<String, Referent>,
    /// The word-set bits of every token of the document: the sets of the mention patterns
    /// and those of the relation frames, so that each token is looked up once; and
    /// whether the token is inside a closed quotation (`relation::word::QUOTED`).
    pub words: Vec<u64>,
    /// The country of the document's wire dateline ("PORT SUDAN, Sudan (AP) —"), an index
    /// into the data's countries.
    pub dateline_country: Option<u32>,
}

/// The mention stage, built once from the data.
#[derive(Debug)]
pub struct MentionStage {
    pub gazetteer: Gazetteer,
    titles: PhraseIndex<u32>,
    ministries: PhraseIndex<u32>,
    forces: PhraseIndex<u32>,
    place_nouns: PhraseIndex<u32>,
    heads: FxHashMap<String, u32>,
    anaphora: PhraseIndex<u32>,
    /// Demonym adjective per country index ("Russian").
    demonym: Vec<String>,
    /// Place index of each country's capital.
    capitals: FxHashMap<u32, u32>,
    /// The word sets the patterns and the relation frames test at each token.
    words: WordSets,
    /// The fuzzy keys of the gazetteer's entries, made as documents name them.
    pub(crate) known_keys: KnownKeys,
    /// The one-word nouns of attacks among the triggers ("raid", "bombing").
    attack_nouns: FxHashSet<Box<str>>,
}

impl MentionStage {
    pub fn new(data: &OntologyData) -> Self {
        let lex = &data.lexicon;
        // Each index built at once, its phrases in the order of the data.
        let titles =
            PhraseIndex::from_phrases(lex.titles.iter().enumerate().map(|(i, t)| (t.phrase.clone(), i as u32)));
        let ministries = PhraseIndex::from_phrases(
            lex.ministries.iter().enumerate().flat_map(|(i, m)| m.forms.iter().map(move |f| (f.clone(), i as u32))),
        );
        let forces =
            PhraseIndex::from_phrases(lex.forces.iter().enumerate().map(|(i, f)| (f.phrase.clone(), i as u32)));
        let place_nouns =
            PhraseIndex::from_phrases(lex.place_nouns.iter().enumerate().map(|(i, n)| (n.word.to_string(), i as u32)));
        let anaphora =
            PhraseIndex::from_phrases(lex.anaphora.iter().enumerate().map(|(i, a)| (a.noun.clone(), i as u32)));
        let heads = lex.name_heads.iter().enumerate().map(|(i, h)| (h.phrase.clone(), i as u32)).collect();
        // The adjective among the demonyms: "Polish", not "Pole".
        const ADJECTIVE_ENDINGS: &[&str] = &["ish", "ian", "an", "ese", "i", "ic", "ch", "ean", "ine"];
        let demonym = data
            .countries
            .iter()
            .map(|c| {
                let singular = |d: &&String| !d.ends_with('s') || d.ends_with("ss");
                c.demonyms
                    .iter()
                    .filter(singular)
                    .find(|d| ADJECTIVE_ENDINGS.iter().any(|e| d.ends_with(e)))
                    // "Kyrgyz", not "Kirghiz": else the one closest to the country's name.
                    .or_else(|| {
                        let shared = |d: &&String| d.bytes().zip(c.name.bytes()).take_while(|(a, b)| a == b).count();
                        c.demonyms.iter().filter(singular).rev().max_by_key(shared)
                    })
                    .or(c.demonyms.first())
                    .cloned()
                    .unwrap_or_else(|| c.name.clone())
            })
            .collect();
        let gazetteer = Gazetteer::new(data);
        let mut capitals = FxHashMap::default();
        for (ci, c) in data.countries.iter().enumerate() {
            for k in gazetteer.lookup(&c.capital) {
                if let Known::Place(p) = k {
                    if data.places[*p as usize].country == c.iso2 {
                        capitals.insert(*p, ci as u32);
                        break;
                    }
                }
            }
        }
        let mut words = pattern::word_sets(data, &titles, &place_nouns);
        pattern::add_index_starts(&mut words, &ministries, &forces, &anaphora);
        crate::relation::add_word_sets(&mut words, data);
        let known_keys = KnownKeys::new(data);
        let attack_nouns = lex
            .triggers
            .iter()
            .filter(|t| t.pos == TriggerPos::Noun && t.event == Some(EventType::Attack))
            .flat_map(|t| t.forms.iter().filter(|f| !f.contains(' ')).map(|f| f.as_str().into()))
            .collect();
        MentionStage {
            gazetteer,
            titles,
            ministries,
            forces,
            place_nouns,
            heads,
            anaphora,
            demonym,
            capitals,
            words,
            known_keys,
            attack_nouns,
        }
    }

    /// The country whose capital is this place, if any.
    pub fn capital_of(&self, place: u32) -> Option<u32> {
        self.capitals.get(&place).copied()
    }

    /// The adjective demonym of a country ("Russian").
    pub fn demonym(&self, country: u32) -> &str {
        &self.demonym[country as usize]
    }

    /// Find the mentions of `doc`.
    pub fn find(&self, doc: &Document, data: &OntologyData) -> Mentions {
        let matches = self.gazetteer.find(doc);
        let words = self.words.classify(doc);
        let (mut out, mut sm) = self.sentences(doc, data, &matches, &words, pattern::NamesSeen::default());
        // "Bhutto, twice Prime Minister of Pakistan, …" before "Ms. Bhutto": a person's
        // name said in a sentence before the one that tells it is a name. Read again,
        // knowing the document's names (rarely needed: most names come first with what
        // tells them).
        if sm.name_said_before_known() {
            let names = sm.take_names();
            (out, sm) = self.sentences(doc, data, &matches, &words, names);
        }
        out.dateline_country = sm.dateline_country();
        // The relation stage asks of every trigger whether it is quoted: the quotations
        // found here are marked among the tokens' bits rather than found again.
        let quotations = sm.into_quotations();
        let mut words = words;
        for q in quotations {
            for w in &mut words[q.start as usize..q.end as usize] {
                *w |= crate::relation::word::QUOTED;
            }
        }
        out.groups = pattern::groups(doc, data, &out.list);
        out.words = words;
        out
    }

    /// The mentions and facts of the document's sentences, one after the other, with
    /// the persons' names of `names` known from the start.
    fn sentences<'a>(
        &'a self,
        doc: &'a Document<'a>,
        data: &'a OntologyData,
        matches: &[gazetteer::GazetteerMatch],
        words: &'a [u64],
        names: pattern::NamesSeen,
    ) -> (Mentions, pattern::SentenceMentions<'a>) {
        let mut sm = pattern::SentenceMentions::new(self, doc, data, words);
        sm.seed_names(names);
        let mut out = Mentions::default();
        // About one mention in four tokens: room for most documents' mentions at once.
        out.list.reserve(doc.tokens.len() / 4);
        let mut mi = 0;
        for (si, s) in doc.sentences.iter().enumerate() {
            // Gazetteer matches of this sentence.
            while mi < matches.len() && matches[mi].start < s.start {
                mi += 1;
            }
            let first = mi;
            while mi < matches.len() && matches[mi].end <= s.end {
                mi += 1;
            }
            if s.is_heading() {
                if si < 4 {
                    sm.heading_dateline(s.tokens.clone(), &matches[first..mi]);
                }
                // A byline's authors.
                if doc.low(s.tokens.start as usize) == "by" {
                    sm.start(si as u32, s.tokens.clone());
                    sm.byline();
                    sm.finish(&mut out);
                }
                continue;
            }
            sm.start(si as u32, s.tokens.clone());
            sm.gazetteer(&matches[first..mi]);
            sm.dateline();
            sm.place_openers();
            sm.foreign_bodies();
            sm.compounds();
            sm.titles();
            sm.plural_office_names();
            sm.place_nouns();
            sm.mission_names();
            sm.led_coalitions();
            sm.acronym_uses(&out.acronyms);
            sm.acronym_definitions(&mut out.acronyms);
            sm.fallback();
            sm.acronyms_by_use(&mut out.acronyms);
            sm.references();
            sm.located_in_patterns();
            sm.names_of_organisations();
            sm.known_bodies_of_possessors();
            sm.appositive_titles();
            sm.finish(&mut out);
        }
        (out, sm)
    }
}

/// Whether token `i` is a word that can be part of a capitalised name.
pub(crate) fn is_name_token(doc: &Document, data: &OntologyData, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    match t.kind {
        TokenKind::Word => t.is_capitalised() || data.lexicon.particles.contains(doc.low(i)),
        _ => false,
    }
}
