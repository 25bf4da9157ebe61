//! Relations and events: who did what to whom, where, with how many casualties.
//!
//! Contract: [`RelationStage::extract`] reads the resolved mentions of a document and
//! returns relations between entities (and from speakers to statements), events with
//! their roles and counts, and the statements; every item names the sentence that
//! states it and the rule that found it. Triggers (verbs and nouns per predicate and
//! event type) come from `ontology/triggers.tsv`; how a trigger finds its arguments is
//! its frame (see [`Frame`](crate::data::Frame)), implemented in `frames.rs`. Events in
//! conditional or intended clauses ("could hold drills", "urging them to attack") are
//! not reported. Events of one sentence that agree on their roles are one event;
//! casualty counts attach to the sentence's attack, or to the attack of the previous
//! sentence of the same paragraph.

mod casualty;
mod frames;
mod speech;

use crate::data::{EntityType, EventType, OntologyData, Predicate, WordClass};
use crate::mention::gazetteer::Known;
use crate::mention::{FactObject, Form, MentionStage, Mentions, Referent, KIN_NOUN};
use crate::resolve::{Entities, EntityKey};
use crate::text::date::Date;
use crate::text::phrase::{first_word, PhraseIndex};
use crate::text::words::WordSets;
use crate::text::{Document, TokenKind};
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

/// The object of a relation: an entity or a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelObject {
    Entity(u32),
    Statement(u32),
}

/// A relation between entities of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub subject: u32,
    pub predicate: Predicate,
    pub object: RelObject,
    pub role: Option<String>,
    pub sentence: u32,
    pub rule: Arc<str>,
    pub confidence: f32,
}

/// Something said: the text and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub text: String,
    pub sentence: u32,
    /// Token range of the statement text.
    pub tokens: Range<u32>,
    pub quoted: bool,
}

/// An event with its roles and counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub etype: EventType,
    pub agent: Option<u32>,
    pub target: Option<u32>,
    pub place: Option<u32>,
    pub killed: Option<u64>,
    pub injured: Option<u64>,
    pub count: Option<u64>,
    /// Drones or missiles launched, when an interception gives both ("74 of 106").
    pub launched: Option<u64>,
    pub amount: Option<String>,
    pub date: Option<Date>,
    pub sentence: u32,
    /// Token range of the trigger.
    pub trigger: Range<u32>,
    pub rule: Arc<str>,
    pub confidence: f32,
}

impl Event {
    pub(super) fn has_counts(&self) -> bool {
        self.killed.is_some() || self.injured.is_some() || self.count.is_some() || self.amount.is_some()
    }
}

/// Everything extracted from a document beyond its entities.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub relations: Vec<Relation>,
    pub events: Vec<Event>,
    pub statements: Vec<Statement>,
}

/// The relation stage, built once from the data.
#[derive(Debug)]
pub struct RelationStage {
    triggers: PhraseIndex<u32>,
}

/// Auxiliaries and adverbs that may stand between a subject and its verb.
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "also",
    "reportedly",
    "later",
    "then",
    "previously",
    "earlier",
    "already",
    "allegedly",
    "subsequently",
    "further",
    "still",
    "not",
    "n't",
    "just",
    "officially",
    "jointly",
    "publicly",
    "forcefully",
    "again",
    "now",
    "repeatedly",
    "recently",
    "itself",
    "himself",
    "herself",
    "themselves",
    "first",
    "finally",
    "immediately",
    "reportedly",
    "apparently",
];
/// Modal verbs that make the following event hypothetical.
const IRREALIS: &[&str] = &["could", "might", "may", "would", "should", "to"];
const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "of",
    "on",
    "from",
    "with",
    "by",
    "for",
    "to",
    "about",
    "against",
    "over",
    "near",
    "across",
    "into",
    "during",
    "after",
    "before",
    "between",
    "among",
    "under",
    "towards",
    "toward",
    "through",
    "via",
    "within",
    "without",
    "around",
    "including",
    "like",
    "than",
    "outside",
    "inside",
    "amid",
    "despite",
    "since",
    "following",
    "according",
    "during",
];
/// Words that end a clause when scanning for arguments.
const CLAUSE_WORDS: &[&str] = &[
    "which", "who", "whom", "where", "while", "whereas", "because", "although", "though", "but", "when", "unless", "if",
];
/// Punctuation that ends a clause when scanning for arguments.
const CLAUSE_PUNCTUATION: &[&str] = &[";", ":", ".", "!", "?", "\u{2013}", "\u{2014}"];

/// Bits of the word sets the frames test ([`add_word_sets`]): the upper half of the bits
/// that [`MentionStage`] classifies every token by (the mention patterns have the lower).
pub(crate) mod word {
    pub const AUXILIARY: u64 = 1 << 32;
    pub const ATTRIBUTION_VERB: u64 = 1 << 33;
    pub const IRREALIS: u64 = 1 << 34;
    pub const PREPOSITION: u64 = 1 << 35;
    pub const CLAUSE_WORD: u64 = 1 << 36;
    pub const CLAUSE_PUNCTUATION: u64 = 1 << 37;
    pub const PLACE_NOUN: u64 = 1 << 38;
    pub const LIGHT_VERB: u64 = 1 << 39;
    pub const AUX_VERB: u64 = 1 << 40;
    pub const TROOP_NOUN: u64 = 1 << 41;
    pub const TIME_NOUN: u64 = 1 << 42;
    pub const CURRENCY: u64 = 1 << 43;
    pub const CASUALTY_AUX: u64 = 1 << 44;
    pub const CASUALTY: u64 = 1 << 45;
    pub const PERSON_NOUN: u64 = 1 << 46;
    pub const STATEMENT_NOUN: u64 = 1 << 47;
    pub const AFTER_ATTRIBUTION: u64 = 1 << 48;
    /// First words of the triggers (see `WordSets::add_first_words`).
    pub const TRIGGER_START: u64 = 1 << 49;
    pub const WEAPON: u64 = 1 << 50;
    /// First words of the verb triggers ("shot" of "shot down").
    pub const VERB_TRIGGER_START: u64 = 1 << 51;
    pub const ATTACKER: u64 = 1 << 52;
    pub const FIGURATIVE_OBJECT: u64 = 1 << 53;
    pub const NON_STATE_GROUP: u64 = 1 << 54;
    pub const INTENT_VERB: u64 = 1 << 55;
    pub const REASON_NOUN: u64 = 1 << 56;
    pub const DEFENCE_SITE_NOUN: u64 = 1 << 57;
    pub const PRESS_NOUN: u64 = 1 << 58;
    pub const TOLL_VERB: u64 = 1 << 59;
    pub const WAR_NOUN: u64 = 1 << 60;
    pub const DEMAND_VERB: u64 = 1 << 61;
    /// Not a word set: a token inside a closed quotation, marked by the mention stage.
    pub const QUOTED: u64 = 1 << 62;
    pub const CONDEMNATION: u64 = 1 << 63;
}

/// Add the word sets of the frames to `sets`: the grammar words of this module and its
/// submodules, the lexicon's sets and word classes (`lexicon/word-classes.tsv`), and the
/// first words of the triggers.
pub(crate) fn add_word_sets(sets: &mut WordSets, data: &OntologyData) {
    let lex = &data.lexicon;
    let classes = &lex.word_classes;
    sets.add(word::AUXILIARY, AUX.iter().copied());
    sets.add(word::ATTRIBUTION_VERB, classes.words(WordClass::AttributionVerb));
    sets.add(word::IRREALIS, IRREALIS.iter().copied());
    sets.add(word::PREPOSITION, PREPOSITIONS.iter().copied());
    sets.add(word::CLAUSE_WORD, CLAUSE_WORDS.iter().copied());
    sets.add(word::CLAUSE_PUNCTUATION, CLAUSE_PUNCTUATION.iter().copied());
    sets.add(word::PLACE_NOUN, lex.place_nouns.iter().map(|n| &*n.word));
    sets.add(word::LIGHT_VERB, classes.words(WordClass::LightVerb));
    sets.add(word::AUX_VERB, frames::AUX_VERBS.iter().copied());
    sets.add(word::TROOP_NOUN, classes.words(WordClass::TroopNoun));
    sets.add(word::TIME_NOUN, classes.words(WordClass::TimeNoun));
    sets.add(word::CURRENCY, classes.words(WordClass::Currency));
    sets.add(word::CASUALTY_AUX, casualty::CASUALTY_AUX.iter().copied());
    sets.add(word::CASUALTY, lex.casualties.keys().map(|w| &**w));
    sets.add(word::PERSON_NOUN, lex.person_nouns.keys().map(|w| &**w));
    sets.add(word::STATEMENT_NOUN, classes.words(WordClass::StatementNoun));
    sets.add(word::AFTER_ATTRIBUTION, speech::AFTER_ATTRIBUTION.iter().copied());
    sets.add(word::WEAPON, lex.weapons.iter().map(|w| &**w));
    sets.add(word::ATTACKER, lex.attackers.iter().map(|w| &**w));
    sets.add(word::FIGURATIVE_OBJECT, lex.figurative_objects.iter().map(|w| &**w));
    sets.add(word::NON_STATE_GROUP, lex.non_state_groups.iter().map(|w| &**w));
    sets.add(word::INTENT_VERB, classes.words(WordClass::IntentVerb));
    sets.add(word::REASON_NOUN, classes.words(WordClass::ReasonNoun));
    sets.add(word::DEFENCE_SITE_NOUN, classes.words(WordClass::DefenceSiteNoun));
    sets.add(word::PRESS_NOUN, classes.words(WordClass::PressNoun));
    sets.add(word::TOLL_VERB, classes.words(WordClass::TollVerb));
    sets.add(word::WAR_NOUN, classes.words(WordClass::WarNoun));
    sets.add(word::DEMAND_VERB, classes.words(WordClass::DemandVerb));
    sets.add(word::CONDEMNATION, classes.words(WordClass::Condemnation));
    let trigger_words: Vec<String> = lex.triggers.iter().flat_map(|t| &t.forms).map(|f| first_word(f)).collect();
    sets.add_first_words(word::TRIGGER_START, trigger_words.iter().map(String::as_str));
    let verb_words: Vec<String> = lex
        .triggers
        .iter()
        .filter(|t| t.pos == crate::data::TriggerPos::Verb)
        .flat_map(|t| &t.forms)
        .map(|f| first_word(f))
        .collect();
    sets.add_first_words(word::VERB_TRIGGER_START, verb_words.iter().map(String::as_str));
}

impl RelationStage {
    pub fn new(data: &OntologyData) -> Self {
        let forms = data.lexicon.triggers.iter().enumerate();
        let triggers =
            PhraseIndex::from_phrases(forms.flat_map(|(i, t)| t.forms.iter().map(move |f| (f.clone(), i as u32))));
        RelationStage { triggers }
    }

    /// Extract relations, events and statements from a resolved document.
    #[allow(clippy::too_many_arguments)]
    pub fn extract(
        &self,
        doc: &Document,
        data: &OntologyData,
        mentions_stage: &MentionStage,
        mentions: &Mentions,
        entities: &Entities,
        dates: &[Option<Date>],
    ) -> Extraction {
        let mut out = Extraction::default();
        let mut head_at = vec![-1i32; doc.tokens.len()];
        for (i, m) in mentions.list.iter().enumerate() {
            if !m.inner {
                for t in m.start..m.end {
                    head_at[t as usize] = i as i32;
                }
            }
        }
        let words = &mentions.words;
        let lookups = Lookups::new(mentions, entities);
        let focus = focus_country(entities, data);
        let mut hits: Vec<(u32, usize)> = Vec::new();
        let mut previous_events: Vec<usize> = Vec::new();
        let mut last_attack: Option<usize> = None;
        let mut verdicts = Vec::new();
        let mut previous_block = u32::MAX;
        let mut last_speaker: Option<(usize, u32)> = None;
        // The speaker of the last sentence's quotation, whose words a quotation standing
        // alone in the next sentence goes on with.
        let mut last_quoted: Option<(usize, u32)> = None;
        let continued: Arc<str> = "speech:continued".into();
        let colon: Arc<str> = "speech:colon".into();
        let mut counterparts = Vec::new();
        let mut breaks: Vec<Cell<u8>> = Vec::new();
        let mut lows: Vec<&str> = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            if s.is_heading() {
                continue;
            }
            let date = dates.get(si).copied().flatten();
            let range = s.tokens.start as usize..s.tokens.end as usize;
            let content_start = dateline_end(doc, range.clone()).unwrap_or(range.start);
            // What the sentence's words may start: no trigger and no casualty word, no frame
            // and no toll.
            let bits = words[range.clone()].iter().fold(0, |all, &w| all | w);
            // The frames and the tolls read the words of their sentence many times over:
            // sliced from the text once.
            lows.clear();
            if bits & (word::TRIGGER_START | word::CASUALTY) != 0 {
                lows.extend(doc.tokens[range.clone()].iter().map(|t| &doc.lower[t.span()]));
            }
            let ctx = Sent {
                content_start,
                bits,
                date,
                doc,
                data,
                stage: mentions_stage,
                mentions,
                ents: entities,
                si: si as u32,
                range,
                head_at: &head_at,
                words,
                lookups: &lookups,
                previous_speaker: last_speaker.filter(|&(at, _)| at + 2 >= si).map(|(_, e)| e),
                focus,
                clause_scan: Cell::new((content_start, content_start, None)),
                breaks: {
                    breaks.clear();
                    breaks.resize(s.tokens.len(), Cell::new(UNKNOWN));
                    &breaks
                },
                lows: &lows,
                near_right: RefCell::new((None, Vec::new())),
            };
            counterparts.extend(ctx.counterparts().into_iter().map(|c| (c, si as u32)));
            let mut found = frames::Found::default();
            // Triggers, longest first at each token: the next first word of one looked for
            // among the bits alone.
            let mut i = if bits & word::TRIGGER_START != 0 { ctx.range.start } else { ctx.range.end };
            while i < ctx.range.end {
                let Some(at) = words[i..ctx.range.end].iter().position(|&w| w & word::TRIGGER_START != 0) else {
                    break;
                };
                i += at;
                let mut next = i + 1;
                if ctx.head(i).is_some() || ctx.is_quoted(i) {
                    i = next;
                    continue;
                }
                hits.clear();
                hits.extend(self.triggers.all_at(doc, i).map(|(&t, e)| (t, e)));
                if let Some(&(_, longest)) = hits.iter().max_by_key(|(_, e)| *e) {
                    for &(t, end) in hits.iter().filter(|(_, e)| *e == longest) {
                        let trig = &data.lexicon.triggers[t as usize];
                        frames::apply(&ctx, trig, i, end, &mut found);
                    }
                    next = longest;
                }
                i = next;
            }
            as_did(&ctx, &mut found);
            killed_in(&ctx, &mut found);
            if s.block != previous_block {
                previous_events.clear();
                previous_block = s.block;
            }
            if found.said.is_empty() {
                let quoted = last_quoted.filter(|&(at, _)| at + 1 == si);
                if let Some(said) = quoted
                    .and_then(|(_, sp)| speech::continued_quote(&ctx, sp, &continued))
                    .or_else(|| speech::colon_quote(&ctx, &colon))
                {
                    found.said.push(said);
                }
            }
            if let Some(&e) = found.said.last().and_then(|s| s.speakers.first()) {
                last_speaker = Some((si, e));
            }
            last_quoted = found.said.iter().rev().find(|s| s.quoted).and_then(|s| s.speakers.first()).map(|&e| (si, e));
            let first_new = out.events.len();
            // A sentence with nothing found and no casualty word has nothing to assemble.
            if !found.is_empty() || ctx.any(word::CASUALTY) {
                casualty::assemble(&ctx, found, date, &mut out, &previous_events, last_attack, &mut verdicts);
            }
            let attacks: Vec<usize> = (first_new..out.events.len()).collect();
            if let Some(&e) = attacks.iter().find(|&&e| out.events[e].etype == EventType::Attack) {
                last_attack = Some(e);
            }
            if !attacks.is_empty() {
                previous_events = attacks;
            }
        }
        casualty::settle_verdicts(&verdicts, &mut out);
        campaign_agents(data, entities, &mut out);
        facts(mentions, entities, &lookups, focus, &mut out);
        counterpart_roles(&counterparts, &mut out);
        finish(&mut out);
        out
    }
}

/// Per-document lookups the frames share, built once per document.
struct Lookups {
    /// The first entity of each country (by country index) the document names.
    country_entity: FxHashMap<u32, u32>,
    /// The first entity named by name of each gazetteer entry.
    named_known: FxHashMap<Known, u32>,
    /// For each mention, the first coordinated group it belongs to (`u32::MAX`: none).
    group_of: Vec<u32>,
    /// For each entity that a mention pattern makes part_of a mention, that mention's
    /// entity (from the first such fact).
    parent: FxHashMap<u32, Option<u32>>,
}

impl Lookups {
    fn new(mentions: &Mentions, ents: &Entities) -> Self {
        let mut country_entity = FxHashMap::default();
        let mut named_known = FxHashMap::default();
        for (i, e) in ents.list.iter().enumerate() {
            if let EntityKey::Known(k) = e.key {
                if let Known::Country(c) = k {
                    country_entity.entry(c).or_insert(i as u32);
                }
                if e.named {
                    named_known.entry(k).or_insert(i as u32);
                }
            }
        }
        let mut group_of = vec![u32::MAX; mentions.list.len()];
        for (gi, g) in mentions.groups.iter().enumerate() {
            for &m in g {
                if group_of[m as usize] == u32::MAX {
                    group_of[m as usize] = gi as u32;
                }
            }
        }
        let mut parent = FxHashMap::default();
        for f in &mentions.facts {
            if let (Predicate::PartOf, Some(e), FactObject::Mention(o)) =
                (f.predicate, ents.of_mention[f.subject as usize], f.object)
            {
                parent.entry(e).or_insert(ents.of_mention[o as usize]);
            }
        }
        Lookups { country_entity, named_known, group_of, parent }
    }
}

/// The comma opening a relative or participial clause ("Orbán, who had visited Moscow,
/// …", "Pistorius, visiting Kyiv on Wednesday, …") that token `k` is in: the nearest
/// comma before `k`, within 20 tokens and not before token `lo`, followed by who, which,
/// whose, whom or a present participle (not "including", "according").
pub(crate) fn relative_clause_open(doc: &Document, lo: usize, k: usize) -> Option<usize> {
    // A comma is a token of one byte: read as a byte, the text is not sliced.
    let comma = |o: usize| {
        doc.tokens.get(o).is_some_and(|t| t.end == t.start + 1 && doc.lower.as_bytes()[t.start as usize] == b',')
    };
    let open = (lo..k).rev().take(20).find(|&o| comma(o))?;
    let w = doc.low(open + 1);
    let participle = w.len() > 5
        && w.ends_with("ing")
        && !matches!(w, "including" | "according" | "during" | "following" | "saying" | "adding")
        && !doc.tokens[open + 1].is_capitalised();
    (matches!(w, "who" | "which" | "whose" | "whom") || participle).then_some(open)
}

/// The end of a wire dateline at the start of the sentence `range`: an ALL-CAPS place,
/// an optional date and agency in parentheses, and a dash.
fn dateline_end(doc: &Document, range: Range<usize>) -> Option<usize> {
    let first = doc.tokens.get(range.start)?;
    if !first.is_all_caps() {
        return None;
    }
    let dash = |k: usize| matches!(doc.low(k), "-" | "--" | "\u{2013}" | "\u{2014}");
    let at = (range.start + 1..(range.start + 16).min(range.end)).find(|&k| dash(k) && doc.tokens[k].space_before())?;
    // (A dateline has no lowercase word: "ISIS forces captured two towns – …" is none.)
    if (range.start + 1..at).any(|k| doc.tokens[k].is_word() && !doc.tokens[k].is_capitalised()) {
        return None;
    }
    // "SEOUL, Nov. 5 (Yonhap) --": a dash of two hyphens.
    Some((at + 1..range.end).find(|&k| !dash(k)).unwrap_or(range.end))
}

/// A sentence and its mentions, with the argument-finding helpers the frames share.
pub(crate) struct Sent<'a> {
    /// The date of the sentence's events, when known.
    pub date: Option<Date>,
    pub doc: &'a Document<'a>,
    pub data: &'a OntologyData,
    pub stage: &'a MentionStage,
    pub mentions: &'a Mentions,
    pub ents: &'a Entities,
    pub si: u32,
    pub range: Range<usize>,
    /// The first token after a wire dateline opening the sentence ("BEIRUT, Sept 23
    /// (Reuters) -"), else the sentence's first: the agency and place of a dateline are
    /// no subject of the sentence's verbs.
    pub content_start: usize,
    /// The word-set bits of the sentence's tokens, all together: whether any of its words
    /// is of a set.
    bits: u64,
    head_at: &'a [i32],
    /// The word-set bits of every token of the document.
    words: &'a [u64],
    lookups: &'a Lookups,
    /// The speaker of the last statement, when it was at most two sentences back: ", it
    /// added" after "…, CENTCOM said" is CENTCOM, whatever else was named between.
    pub previous_speaker: Option<u32>,
    /// The country the document is about ([`focus_country`]).
    pub focus: Option<u32>,
    /// Where [`Sent::clause_subject`] stopped last: the token asked for, the token
    /// reached and the subject found, so that calls left to right scan once in all.
    clause_scan: Cell<(usize, usize, Option<usize>)>,
    /// For each token of the sentence, whether it ends a clause ([`Sent::clause_break`]),
    /// once asked: the frames ask again of the same tokens.
    breaks: &'a [Cell<u8>],
    /// The lowercase text of each token of the sentence, when it may find anything (else
    /// none: [`Sent::low`] slices the text).
    lows: &'a [&'a str],
    /// The arguments right of a token within [`NEAR`] tokens, and the token, when asked
    /// ([`Sent::near_right_args`]).
    near_right: RefCell<NearRight<'a>>,
}

/// The reach of the frames' usual look for arguments to the right.
const NEAR: usize = 14;

/// [`Sent::near_right`]: the token, and the arguments right of it with their prepositions.
type NearRight<'a> = (Option<usize>, Vec<(usize, Option<&'a str>)>);

/// [`Sent::breaks`] of a token not asked about yet.
const UNKNOWN: u8 = 2;

impl<'a> Sent<'a> {
    #[inline]
    pub fn low(&self, i: usize) -> &'a str {
        if !self.range.contains(&i) {
            return "";
        }
        match self.lows.get(i - self.range.start) {
            Some(w) => w,
            None => self.doc.low(i),
        }
    }
    /// Whether token `i` (in the sentence) is a word of one of the sets `bits`.
    pub fn is(&self, i: usize, bits: u64) -> bool {
        self.range.contains(&i) && self.words[i] & bits != 0
    }
    /// Whether any token of the sentence is a word of one of the sets `bits`.
    pub fn any(&self, bits: u64) -> bool {
        self.bits & bits != 0
    }
    /// Whether token `i` (in the sentence) is the one byte `b` (cheaper than
    /// `self.low(i) == ","`).
    pub fn is_byte(&self, i: usize, b: u8) -> bool {
        self.range.contains(&i) && {
            let t = self.doc.tokens[i];
            t.end == t.start + 1 && self.doc.lower.as_bytes()[t.start as usize] == b
        }
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.range.contains(&i).then(|| self.doc.tokens[i].kind)
    }
    pub fn is_quoted(&self, i: usize) -> bool {
        self.is(i, word::QUOTED)
    }
    /// The head mention covering token `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        if !self.range.contains(&i) {
            return None;
        }
        let h = self.head_at[i];
        (h >= 0).then_some(h as usize)
    }
    pub fn mention(&self, m: usize) -> &'a crate::mention::Mention {
        &self.mentions.list[m]
    }
    /// Whether token `i` names an attacker nobody names or a weapon (`lexicon/attackers.txt`,
    /// `lexicon/weapons.txt`): "gunmen", "drones", or a person noun after the adjective of
    /// an attackers.txt phrase: "armed men".
    pub fn is_attacker(&self, i: usize) -> bool {
        self.is(i, word::ATTACKER | word::WEAPON)
            || i > self.range.start
                && self.is(i, word::PERSON_NOUN)
                && self.data.lexicon.attackers.contains(format!("{} {}", self.low(i - 1), self.low(i)).as_str())
    }
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && !self.doc.tokens[i].is_capitalised()
    }
    pub fn is_possessor(&self, m: usize) -> bool {
        let end = self.mention(m).end as usize;
        self.kind(end) == Some(TokenKind::Clitic) && matches!(self.low(end), "'s" | "'")
    }
    /// The preposition right before mention `m` (skipping "the", "a" and adjectives up to
    /// two words), if any.
    pub fn preposition_before(&self, m: usize) -> Option<&'a str> {
        self.preposition_between(self.range.start, m)
    }

    /// [`Sent::preposition_before`] looking no further left than token `lo`.
    pub fn preposition_between(&self, lo: usize, m: usize) -> Option<&'a str> {
        let mut k = self.mention(m).np_start as usize;
        let mut skipped = 0;
        while k > lo.max(self.range.start) {
            let w = self.low(k - 1);
            if self.is(k - 1, word::PREPOSITION) {
                // "the village of X", "the city of X": "of" belongs to the noun phrase.
                if w == "of" && k >= 2 && self.is(k - 2, word::PLACE_NOUN) {
                    k -= 2;
                    continue;
                }
                return Some(w);
            }
            // "on 78 Belarusian individuals": a count, not a year ("in 2014 Russia …").
            let count = self.kind(k - 1) == Some(TokenKind::Number) && !is_year(w);
            if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her")
                || ((self.is_lower_word(k - 1) || count) && skipped < 3)
            {
                k -= 1;
                skipped += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The entity of mention `m`; capitals stand for their country when `actor` is set,
    /// and always when they qualify an office ("Moscow's ambassador").
    pub fn entity(&self, m: usize, actor: bool) -> Option<u32> {
        let mention = self.mention(m);
        // "Moscow's ambassador": an office a capital qualifies is its state's.
        if let Referent::Role(q) = mention.referent {
            return self.entity(q as usize, true).or_else(|| self.entity(q as usize, actor));
        }
        let e = self.ents.of_mention.get(m).copied().flatten()?;
        if actor {
            if let EntityKey::Known(Known::Place(_)) = self.ents.list[e as usize].key {
                return self.capital_state(e);
            }
            if self.ents.list[e as usize].etype == EntityType::Place {
                return None;
            }
        }
        Some(e)
    }

    /// The country whose capital entity `e` is, when the document names the country.
    pub fn capital_state(&self, e: u32) -> Option<u32> {
        match self.ents.list[e as usize].key {
            EntityKey::Known(Known::Place(p)) => self.stage.capital_of(p).and_then(|c| self.country_entity(c)),
            _ => None,
        }
    }

    /// The document entity of a country, if the document names it.
    pub fn country_entity(&self, c: u32) -> Option<u32> {
        self.lookups.country_entity.get(&c).copied()
    }

    /// All entities a mention stands for: its group when it is a plural pronoun or a
    /// member of a coordinated group.
    pub fn expand(&self, m: usize, actor: bool) -> Vec<u32> {
        if let Some(g) = self.ents.groups_of.get(&(m as u32)) {
            return g.clone();
        }
        if let Some(&gi) = self.lookups.group_of.get(m).filter(|&&g| g != u32::MAX) {
            let members: Vec<u32> =
                self.mentions.groups[gi as usize].iter().filter_map(|&x| self.entity(x as usize, actor)).collect();
            if members.len() >= 2 {
                return dedup(members);
            }
        }
        self.entity(m, actor).into_iter().collect()
    }

    /// The end of the coordinated group mention `m` is in ("Reuters and the BBC"), or of
    /// `m` alone.
    pub fn group_end(&self, m: usize) -> usize {
        let last = self.lookups.group_of.get(m).filter(|&&g| g != u32::MAX).and_then(|&g| {
            self.mentions.groups[g as usize].iter().map(|&x| self.mention(x as usize).end as usize).max()
        });
        last.unwrap_or(self.mention(m).end as usize)
    }

    pub fn etype(&self, e: u32) -> EntityType {
        self.ents.list[e as usize].etype
    }

    /// Whether entity `e` is a body of water: a sea, strait or river is where an attack
    /// happens, never what it attacks.
    pub fn is_water(&self, e: u32) -> bool {
        matches!(&*self.ents.list[e as usize].subtype, "Sea" | "Strait" | "River")
    }

    /// Whether token `i` ends a clause for argument scanning.
    #[inline]
    pub fn clause_break(&self, i: usize) -> bool {
        if !self.range.contains(&i) {
            return false;
        }
        let known = &self.breaks[i - self.range.start];
        if known.get() != UNKNOWN {
            return known.get() != 0;
        }
        let ends = self.ends_clause(i);
        known.set(u8::from(ends));
        ends
    }

    /// [`Sent::clause_break`] worked out for token `i` of the sentence.
    ///
    /// Asked for most tokens of a sentence, most of them words that end nothing: the
    /// token is read once, and what only a comma, a period or "as" may be is asked of
    /// those alone.
    #[inline(never)]
    fn ends_clause(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if t.is_quote() {
            return true;
        }
        // The byte of a token of one byte (a comma, a period), else 0.
        let byte = if t.end == t.start + 1 { self.doc.lower.as_bytes()[t.start as usize] } else { 0 };
        if self.words[i] & (word::CLAUSE_PUNCTUATION | word::CLAUSE_WORD) != 0 && !self.counted_names_dash(i) {
            // A period inside the sentence ends an abbreviation: "met army chief Gen. Burhan".
            let abbreviation = byte == b'.'
                && i + 1 < self.range.end
                && i > self.range.start
                && !t.space_before()
                && self.kind(i - 1) == Some(TokenKind::Word);
            if !abbreviation {
                return true;
            }
        }
        if byte == b',' {
            let n = self.low(i + 1);
            return self.attribution_follows(i)
                || (n.ends_with("ing") && self.is_lower_word(i + 1) && !self.is(i + 1, word::PREPOSITION))
                || self.is(i + 1, word::CLAUSE_WORD)
                || matches!(n, "and" | "but");
        }
        // "as", two bytes.
        t.end == t.start + 2 && self.as_clause(i)
    }

    /// Whether the dash at `i` opens the names a counted noun before it counts: "captured
    /// two towns – Akhtarin and Turkmanbareh –".
    fn counted_names_dash(&self, i: usize) -> bool {
        let start = self.range.start;
        matches!(self.low(i), "\u{2013}" | "\u{2014}")
            && i >= start + 2
            && self.is_lower_word(i - 1)
            && self.low(i - 1).ends_with('s')
            && self.head(i + 1).is_some()
            && crate::text::number::parse_quantity(
                &self.doc.lower,
                &self.doc.tokens[..self.range.end],
                i - 2,
                &self.data.lexicon.numbers,
            )
            .is_some_and(|q| q.len == 1 && q.count().is_some())
    }

    /// Whether "as" at `i` opens a clause: a subject, then a verb in the present or the
    /// past ("as US carrier arrives in Busan", "as the war rages"), not a noun phrase ("as
    /// part of the deal", "as a result of the strikes", "described it as attacks").
    fn as_clause(&self, i: usize) -> bool {
        if self.low(i) != "as" || matches!(self.low(i.wrapping_sub(1)), "such" | "well" | "so" | "same") {
            return false;
        }
        let mut k = i + 1;
        while k < (i + 6).min(self.range.end) {
            if let Some(m) = self.head(k) {
                k = self.mention(m).end as usize;
                continue;
            }
            let w = self.low(k);
            if !self.is_lower_word(k) || self.is(k, word::PREPOSITION) || w == "and" {
                return false;
            }
            let verb = (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"))
                && k > i + 1
                && !matches!(self.low(k - 1), "the" | "a" | "an" | "its" | "their" | "his" | "her");
            if verb {
                return true;
            }
            k += 1;
        }
        false
    }

    /// Whether a trailing attribution follows the comma at `i`: ", the Russian military
    /// said", ", officials said", ", according to ...".
    pub(super) fn attribution_follows(&self, i: usize) -> bool {
        if matches!(self.low(i + 1), "according" | "citing") {
            return true;
        }
        // Inverted: "…, said Ivan Fedorov, the governor", "…, said the ministry".
        let inverted = self.is(i + 1, word::ATTRIBUTION_VERB)
            && (self.head(i + 2).is_some() || matches!(self.low(i + 2), "the" | "a" | "an"));
        inverted
            || (i + 2..(i + 8).min(self.range.end)).any(|k| {
                self.is(k, word::ATTRIBUTION_VERB)
                    && (i + 1..k).all(|x| {
                        self.head(x).is_some() || self.is_lower_word(x) || self.kind(x) != Some(TokenKind::Punct)
                    })
                    && (k + 1 >= self.range.end
                        || matches!(
                            self.low(k + 1),
                            "." | "," | ";" | "on" | "in" | "late" | "earlier" | "citing" | "adding"
                        ))
            })
    }

    /// Whether the verb at `i` is hypothetical or intended ("could hold", "to attack").
    pub fn irrealis(&self, i: usize) -> bool {
        let mut k = i;
        while k > self.range.start {
            let w = self.low(k - 1);
            // (A name's word is no modal: "Theresa May stepped down".)
            if self.is(k - 1, word::IRREALIS) && self.head(k - 1).is_none() {
                // "claimed to have captured": a perfect infinitive reports a fact.
                return !(w == "to" && self.low(k) == "have");
            }
            if matches!(w, "be" | "have" | "not" | "n't" | "also") || w.ends_with("ly") && self.is_lower_word(k - 1) {
                k -= 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Whether the trigger at `i` is passive ("was captured", "were killed").
    pub fn passive(&self, i: usize) -> bool {
        // "has been holding talks": a progressive, not a passive; "has been in talks
        // with": a preposition, no participle.
        if self.low(i).ends_with("ing") || matches!(self.low(i), "in" | "at" | "on") {
            return false;
        }
        let mut k = i;
        while k > self.range.start {
            let w = self.low(k - 1);
            if matches!(w, "was" | "were" | "been" | "is" | "are" | "being" | "be" | "got") {
                return true;
            }
            if w.ends_with("ly") && self.is_lower_word(k - 1) || matches!(w, "not" | "also" | "n't") {
                k -= 1;
                continue;
            }
            return false;
        }
        false
    }

    /// The subject of the verb at `i`: the nearest head mention to the left that is not
    /// the object of a preposition, skipping auxiliaries, adverbs, and appositives set
    /// off by commas. Prepositional objects are only a last resort when `lenient`.
    pub fn subject(&self, i: usize, lenient: bool) -> Option<usize> {
        let mut k = i;
        let mut steps = 0;
        let mut commas = 0;
        let mut fallback = None;
        while k > self.content_start && steps < 30 {
            k -= 1;
            steps += 1;
            if let Some(m) = self.head(k) {
                let mention = self.mention(m);
                k = mention.start as usize;
                // "Israeli jets struck": a demonym on the subject noun stands for its country.
                let end = mention.end as usize;
                let noun_phrase = (end..i).all(|x| {
                    self.is_lower_word(x)
                        && !self.is(x, word::PREPOSITION)
                        && !matches!(self.low(x), "to" | "and" | "or")
                });
                if mention.form == Form::Demonym && end < i && noun_phrase && i - end <= 3 {
                    // "Syrian rebels captured": people of no state, whom nobody names.
                    if (end..i).any(|x| self.is(x, word::NON_STATE_GROUP)) {
                        return None;
                    }
                    return Some(m);
                }
                // "Douglas Sims, director of the US Joint Staff, said": the person the
                // appositive describes.
                if commas == 1 {
                    if let Some(p) = self.appositive_owner(k) {
                        return Some(p);
                    }
                }
                if self.is_possessor(m) || mention.form == Form::Demonym {
                    continue;
                }
                // "…, his family said": the possessor's kin or lawyer speak for themselves.
                if mention.form == Form::Pronoun && self.is(end, KIN_NOUN) && end < i {
                    continue;
                }
                // An appositive describes the subject before it: an indefinite one ("the
                // Wagner Group, a Russian-funded company, staged"), or the qualifier of a
                // definite one's title ("Clementine Nkweta-Salami, the UN humanitarian
                // coordinator, said").
                if commas > 0 && self.low(k.wrapping_sub(2)) == "," {
                    let title = || {
                        let next_comma = (end..i).find(|&x| self.low(x) == ",");
                        next_comma.is_some_and(|c| c > end && (end..c).all(|x| self.is_lower_word(x)))
                    };
                    match self.low(k.wrapping_sub(1)) {
                        "a" | "an" => continue,
                        "the" if title() => continue,
                        _ => {}
                    }
                }
                // A bare word is the subject when it is the surname of a person named
                // before ("Tarriela said"). "…, the army said" with no army named before
                // has a subject nobody names: no name further back is it.
                // (Not a preposition's object: "Arnel dela Vega of the army said".)
                if self.entity(m, false).is_none() && !matches!(mention.referent, Referent::Role(_)) {
                    if mention.form == Form::Anaphor
                        && (end..i).all(|x| self.is(x, word::AUXILIARY))
                        && self.preposition_before(m).is_none()
                    {
                        break;
                    }
                    continue;
                }
                // "John Kirby of the army's Western Command said": a body after a possessor
                // that is a preposition's object is that preposition's object too.
                let np = mention.np_start as usize;
                if np >= self.range.start + 2
                    && self.low(np - 1) == "'s"
                    && self.head(np - 2).is_some_and(|q| self.preposition_before(q).is_some())
                {
                    fallback.get_or_insert(m);
                    continue;
                }
                // "days after President Lai said …": a conjunction's clause, not a
                // preposition's object, when the verb follows the name.
                let conjunction = |p: &str| {
                    matches!(p, "after" | "before" | "since" | "until" | "as")
                        && (end..i).all(|x| self.is(x, word::AUXILIARY))
                };
                if let Some(p) = self.preposition_before(m).filter(|p| !conjunction(p)) {
                    // "fighters of the alliance, led by Jimmy Chérizier, attacked": a
                    // participle's phrase set off by a comma is skipped whole.
                    let np = mention.np_start as usize;
                    if p == "by" && np >= 3 && self.low(np - 2).ends_with("ed") && self.low(np - 3) == "," {
                        k = np - 3;
                        commas = 0;
                        continue;
                    }
                    fallback.get_or_insert(m);
                    continue;
                }
                // "Pakistan protested attacks": the name is the subject of the verb in the
                // past right after it, and the word at `i` is no verb of its.
                if end < i && self.past_verb(end, i) {
                    break;
                }
                return Some(m);
            }
            let w = self.low(k);
            if w == "," {
                // "Orbán, who had visited Moscow days earlier, met": a relative clause set
                // off by commas is skipped whole.
                if let Some(o) = relative_clause_open(self.doc, self.range.start, k) {
                    k = o;
                    continue;
                }
                commas += 1;
                if commas > 2 {
                    break;
                }
                continue;
            }
            // "to protest cross-border attacks": the noun at `i` is the object of an
            // infinitive (not of "to" as a preposition: "in response to continued
            // attacks"), not a verb with a subject before it.
            let infinitive = w == "to"
                && k + 1 < i
                && self.head(k + 1).is_none()
                && !self.is(k + 1, word::AUXILIARY)
                && !self.low(k + 1).ends_with("ed")
                && !self.low(k + 1).ends_with("ing")
                && self.noun_words(k + 1, i);
            // "fled to Russia after rebel fighters led by HTS swept into Damascus": the verb
            // of a clause a conjunction opens has its subject inside the clause, where the
            // group that leads the fighters stands for them.
            if matches!(w, "after" | "before" | "until" | "once")
                && fallback.is_some()
                && self.low(k.wrapping_sub(1)) != ","
            {
                break;
            }
            // "James O'Brien, who met Kobakhidze in Tbilisi, said", "the European Union,
            // which imposed sanctions": the verb of a relative clause has the name before its
            // comma as its subject.
            if matches!(w, "who" | "which") && commas == 0 && self.low(k.wrapping_sub(1)) == "," && k >= 2 {
                let verb_next = (k + 1..i).all(|x| self.is(x, word::AUXILIARY) || self.low(x).ends_with("ly"));
                let named = self.head(k - 2).filter(|&m| {
                    self.mention(m).end as usize == k - 1
                        && self.entity(m, false).is_some_and(|e| {
                            matches!(self.etype(e), EntityType::Person | EntityType::Organisation | EntityType::Country)
                        })
                });
                // "Charles Michel, president of the European Council, who had hosted": the
                // person the appositive before the relative clause describes.
                if let Some(m) = named.filter(|_| verb_next) {
                    return Some(self.appositive_owner(k - 2).unwrap_or(m));
                }
            }
            // "García, a veteran commander who rarely appears in public, said": a relative
            // clause inside the appositive describes the person before it.
            if commas == 1 && matches!(w, "who" | "whose") {
                if let Some(p) = self.appositive_owner(k) {
                    return Some(p);
                }
            }
            // "Saree said 73 strikes hit the city": the speaker is not the subject of a verb
            // in what was said (but is of "claimed to have captured").
            if matches!(w, ";" | ":" | "that")
                || infinitive
                || self.is(k, word::ATTRIBUTION_VERB) && self.low(k + 1) != "to"
                || self.is(k, word::CLAUSE_WORD)
                || self
                    .kind(k)
                    .is_some_and(|t| matches!(t, TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote))
            {
                break;
            }
        }
        // "Rebels led by Shamil Basayev attacked", "six gunmen affiliated with the TTP
        // conducted an attack": with no other subject named, whoever leads the unnamed
        // group, or the one its attackers belong to, stands for it.
        let led = |m: &usize| {
            let np = self.mention(*m).np_start as usize;
            let np = if self.low(np.wrapping_sub(1)) == "the" { np - 1 } else { np };
            let attackers = || np >= 3 && self.is_attacker(np - 3);
            // ("judges of the International Criminal Court issued": the people of a body.)
            let members = || {
                np >= self.range.start + 2
                    && self.kind(np - 2) == Some(TokenKind::Word)
                    && self.data.lexicon.word_classes.contains(WordClass::MemberNoun, self.low(np - 2))
            };
            match (self.low(np.wrapping_sub(2)), self.low(np.wrapping_sub(1))) {
                ("led", "by") => true,
                (_, "of") => members(),
                ("affiliated" | "allied", "with") | ("loyal" | "linked" | "belonging", "to") => attackers(),
                _ => false,
            }
        };
        if lenient {
            fallback
        } else {
            fallback.filter(led)
        }
    }

    /// The person or organisation named before an appositive that contains token `k` and
    /// opens with a lowercase word after a comma: "Douglas Sims, director of the US Joint
    /// Staff", "the MNDAA, part of a coalition known as the Three Brotherhood Alliance".
    fn appositive_owner(&self, k: usize) -> Option<usize> {
        let c = (self.content_start..k)
            .rev()
            .take_while(|&x| !self.is(x, word::CLAUSE_PUNCTUATION) || self.low(x) == ",")
            .find(|&x| self.low(x) == ",")?;
        let opener = self.low(c + 1);
        if !self.is_lower_word(c + 1) || matches!(opener, "and" | "or" | "but" | "who" | "which" | "while" | "as") {
            return None;
        }
        // The name ends at the comma, or at its acronym's parenthesis: "(MNDAA),".
        let last = c.checked_sub(if self.low(c.wrapping_sub(1)) == ")" { 2 } else { 1 })?;
        let p = self.head(last)?;
        // "led by Jimmy Chérizier, a former police officer, attacked": a preposition's
        // object is nobody's subject.
        (self.mention(p).end as usize == last + 1
            && self
                .entity(p, false)
                .is_some_and(|e| matches!(self.etype(e), EntityType::Person | EntityType::Organisation))
            && self.preposition_before(p).is_none())
        .then_some(p)
    }

    /// Who "his Russian counterpart, Sergey Lavrov" (mention `m` the possessive pronoun)
    /// is: the name after the comma, else the country of the demonym ("his Russian
    /// counterpart"); `None` when `m` opens no such phrase.
    pub fn counterpart(&self, m: usize) -> Option<usize> {
        self.counterpart_parts(m).and_then(|(named, demonym)| named.or(demonym))
    }

    /// The named counterpart and the demonym of "his Russian counterpart, Sergey Lavrov"
    /// (mention `m` the possessive pronoun), each if the phrase has it.
    fn counterpart_parts(&self, m: usize) -> Option<(Option<usize>, Option<usize>)> {
        self.counterpart_lists(m).map(|(named, countries)| (named.first().copied(), countries.first().copied()))
    }

    /// The people named and the countries of "his Russian and Iranian counterparts, Sergei
    /// Lavrov and Abbas Araghchi" or "his US counterpart Lloyd Austin" (mention `m` the
    /// possessive pronoun), in the order given; `None` when `m` opens no such phrase. A
    /// country is a demonym or a country's name used as one ("his US counterpart").
    fn counterpart_lists(&self, m: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        let mention = self.mention(m);
        if mention.form != Form::Pronoun || !matches!(self.low(mention.start as usize), "his" | "her" | "their") {
            return None;
        }
        let mut countries = Vec::new();
        let mut k = mention.end as usize;
        let country = |d: usize| {
            let form = self.mention(d).form;
            form == Form::Demonym
                || matches!(form, Form::Name | Form::Acronym)
                    && self.entity(d, false).is_some_and(|e| self.etype(e) == EntityType::Country)
        };
        while k < (mention.end as usize + 8).min(self.range.end) {
            if matches!(self.low(k), "counterpart" | "counterparts") {
                let person = |p: usize| self.ents.of_mention[p].is_some_and(|e| self.etype(e) == EntityType::Person);
                let mut named = Vec::new();
                let mut j = if self.low(k + 1) == "," { k + 2 } else { k + 1 };
                while let Some(p) = self.head(j).filter(|&p| self.mention(p).start as usize == j && person(p)) {
                    named.push(p);
                    j = self.mention(p).end as usize;
                    // "Sergei Lavrov and Abbas Araghchi", "A, B and C".
                    match (self.low(j), self.low(j + 1)) {
                        ("and", _) | (",", _) if named.len() < countries.len() => {
                            j += if self.low(j + 1) == "and" { 2 } else { 1 };
                        }
                        _ => break,
                    }
                }
                return Some((named, countries));
            }
            match self.head(k) {
                Some(d) if country(d) => {
                    countries.push(d);
                    k = self.mention(d).end as usize;
                }
                // "Russian and Iranian", "newly appointed".
                None if self.is_lower_word(k) || self.low(k) == "," => k += 1,
                _ => return None,
            }
        }
        None
    }

    /// "Lavrov met his Chinese counterpart, Wang Yi": each person named, the person whose
    /// counterpart they are, and the counterpart's country (entities); a list of names
    /// pairs with a list of countries of the same length, in order.
    fn counterparts(&self) -> Vec<(u32, u32, u32)> {
        let mut out = Vec::new();
        // The sentence's pronouns, not its every token: mentions are sorted by start, so
        // by sentence, and head mentions never overlap.
        let list = &self.mentions.list;
        let first = list.partition_point(|m| m.sentence < self.si);
        let pronouns = list.iter().enumerate().skip(first).take_while(|(_, m)| m.sentence == self.si);
        let pronouns = pronouns.filter(|(_, m)| !m.inner && m.form == Form::Pronoun);
        for (k, m) in pronouns.flat_map(|(m, mention)| (mention.start..mention.end).map(move |k| (k as usize, m))) {
            if self.head(k) != Some(m) || !matches!(self.low(k), "his" | "her") {
                continue;
            }
            let Some((named, countries)) = self.counterpart_lists(m) else { continue };
            if named.len() != countries.len() {
                continue;
            }
            let entity = |x: usize| self.ents.of_mention[x];
            for (&n, &d) in named.iter().zip(&countries) {
                if let (Some(p), Some(of), Some(c)) = (entity(n), entity(m), entity(d)) {
                    if self.etype(of) == EntityType::Person && self.etype(c) == EntityType::Country && p != of {
                        out.push((p, of, c));
                    }
                }
            }
        }
        out
    }

    /// The subject of the clause that a verb of saying before token `i` reports: "X said
    /// RSF fighters stormed the camp and shelled its market" (the subject of "shelled" is
    /// the fighters', not X's).
    pub fn reported_subject(&self, i: usize) -> Option<usize> {
        let said = (self.content_start..i).rev().find(|&k| self.is(k, word::ATTRIBUTION_VERB))?;
        let mut k = said + 1;
        // Not a verb of saying in a relative clause ("Putin, who said Ukraine was losing,
        // ordered troops to attack").
        let relative = matches!(self.low(said.wrapping_sub(1)), "who" | "which" | "that");
        if relative || self.low(k) == "to" || self.head(k).is_some_and(|m| self.preposition_before(m).is_some()) {
            return None;
        }
        if self.low(k) == "that" {
            k += 1;
        }
        let m = self.head(k)?;
        let subject = (self.mention(m).end as usize) < i && !self.is_possessor(m) && self.entity(m, true).is_some();
        // "said that Armenia would not intervene and accused Russia …", "said Russia was
        // preparing an offensive and vowed …": a verb in the past shares no modal or form
        // of "be" of the reported clause; it is the speaker's.
        let modal = matches!(
            self.low(self.mention(m).end as usize),
            "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must" | "is" | "was" | "are" | "were"
        );
        (subject && !(modal && self.low(i).ends_with("ed"))).then_some(m)
    }

    /// The subject of the sentence's main clause: the first head mention that is not a
    /// prepositional object, possessor or demonym, before token `i`.
    pub fn clause_subject(&self, i: usize) -> Option<usize> {
        // The scan up to an earlier token is the start of the scan up to this one.
        let (last, mut k, mut first) = self.clause_scan.get();
        if i < last {
            (k, first) = (self.content_start, None);
        }
        while k < i {
            if let Some(m) = self.head(k) {
                let mention = self.mention(m);
                let ok = !self.is_possessor(m)
                    && mention.form != Form::Demonym
                    && self.preposition_before(m).is_none()
                    && self.entity(m, true).is_some()
                    && !self.qualifies_person(m);
                if ok && first.is_none() {
                    first = Some(m);
                }
                k = mention.end as usize;
                continue;
            }
            if matches!(self.low(k), ";") {
                first = None;
            }
            k += 1;
        }
        self.clause_scan.set((i, k, first));
        first
    }

    /// Whether mention `m` is the qualifier of a titled person right after it ("UN" in
    /// "UN Secretary-General Antonio Guterres").
    pub fn qualifies_person(&self, m: usize) -> bool {
        let mention = self.mention(m);
        self.in_person_np(mention.start as usize, mention.end as usize)
    }

    /// Whether token `i` is in the title of the next name from `from` on, a person's
    /// ("aid" in "UN aid chief Tom Fletcher"): the person's noun phrase starts at or
    /// before it.
    pub fn in_person_np(&self, i: usize, from: usize) -> bool {
        let mut k = from;
        while k < self.range.end && k < from + 8 {
            if let Some(p) = self.head(k) {
                let person = self.mention(p);
                return person.np_start as usize <= i
                    && self.ents.of_mention[p].is_some_and(|e| self.etype(e) == EntityType::Person);
            }
            k += 1;
        }
        false
    }

    /// Head mentions to the right of `j` up to the end of the clause, each with the
    /// preposition before it. A possessor gives way to the mention it modifies.
    pub fn right_args(&self, j: usize, max_tokens: usize) -> Vec<(usize, Option<&'a str>)> {
        if max_tokens == NEAR {
            return self.near_right_args(j, <[_]>::to_vec);
        }
        let mut out = Vec::new();
        self.right_args_into(j, max_tokens, &mut out);
        out
    }

    /// [`Sent::right_args`] of `j` within [`NEAR`] tokens, passed to `f`: kept for the
    /// next call at the same token, as a trigger's object, its agent and its place are
    /// looked for among the same arguments in turn. (`f` asks for no arguments itself.)
    pub fn near_right_args<R>(&self, j: usize, f: impl FnOnce(&[(usize, Option<&'a str>)]) -> R) -> R {
        let mut near = self.near_right.borrow_mut();
        if near.0 != Some(j) {
            near.0 = Some(j);
            self.right_args_into(j, NEAR, &mut near.1);
        }
        f(&near.1)
    }

    /// [`Sent::right_args`] into `out`.
    fn right_args_into(&self, j: usize, max_tokens: usize, out: &mut Vec<(usize, Option<&'a str>)>) {
        out.clear();
        let mut k = j;
        while k < self.range.end && k < j + max_tokens {
            if self.clause_break(k) && k > j {
                break;
            }
            if let Some(m) = self.head(k) {
                let mention = self.mention(m);
                let end = mention.end as usize;
                // "the Barbados-flagged True Confidence": a flag or an owner's country
                // describes what follows; it is no argument. Nor is a base or a backer:
                // "by the Pakistan-based group Jaish-e-Mohammed", "by Iran-backed Houthis".
                if self.low(end) == "-"
                    && matches!(
                        self.low(end + 1),
                        "flagged"
                            | "registered"
                            | "owned"
                            | "operated"
                            | "managed"
                            | "bound"
                            | "linked"
                            | "based"
                            | "headquartered"
                            | "backed"
                            | "funded"
                            | "sponsored"
                            | "supported"
                            | "allied"
                            | "aligned"
                    )
                {
                    // What it describes takes its preposition: the head after it, past
                    // nouns and names that stand for nothing ("the Pakistan-based Islamist
                    // terrorist group, Jaish-e-Mohammed").
                    let prep = self.preposition_between(j, m);
                    let entity = |x: usize| self.head(x).filter(|&h| self.entity(h, false).is_some());
                    let mut h = end + 2;
                    while h < end + 8 && h < self.range.end && entity(h).is_none() && !self.is(h, word::PREPOSITION) {
                        let word = self.doc.tokens[h].is_word() || self.low(h) == ",";
                        if !word || self.low(h) == "," && entity(h + 1).is_none() {
                            break;
                        }
                        h += 1;
                    }
                    match entity(h) {
                        Some(head) => {
                            out.push((head, prep));
                            k = self.mention(head).end as usize;
                        }
                        None => k = end + 2,
                    }
                    continue;
                }
                // "the southern Lebanese town of Nabatieh": as after a possessor, the place
                // named after the place noun takes the demonym's preposition.
                let demonym_place = mention.form == Form::Demonym
                    && (end..end + 4).any(|x| self.is(x, word::PLACE_NOUN) && self.low(x + 1) == "of");
                // "sent soldiers to its Tumbes region": a possessive pronoun is no argument
                // when a name follows it.
                let pronoun = mention.form == Form::Pronoun
                    && matches!(self.low(mention.start as usize), "its" | "their" | "his" | "her");
                if self.is_possessor(m) || demonym_place || pronoun {
                    // "on Ukraine's eastern Donetsk region": the head follows, and takes
                    // the possessor's preposition.
                    let mut h = if demonym_place || pronoun { end } else { end + 1 };
                    // Adjectives and a place noun may stand between ("Ukraine's southern city
                    // of Mykolaiv"), but no other preposition.
                    while self.is_lower_word(h)
                        && h < end + 5
                        && self.head(h).is_none()
                        && (!self.is(h, word::PREPOSITION) || self.low(h) == "of" && self.is(h - 1, word::PLACE_NOUN))
                    {
                        h += 1;
                    }
                    if let Some(head) = self.head(h) {
                        out.push((head, self.preposition_between(j, m)));
                        k = self.mention(head).end as usize;
                        continue;
                    }
                }
                // The trigger's own last word ("took control of") is not a preposition.
                let mut prep = self.preposition_between(j, m);
                // "met in Putrajaya, Malaysia": a country after a place and a comma is
                // where the place is, in the place's preposition.
                if let Some(&(p, place_prep)) = out.last() {
                    let start = mention.start as usize;
                    let is = |x: usize, t: EntityType| self.entity(x, false).is_some_and(|e| self.etype(e) == t);
                    if prep.is_none()
                        && start > j + 1
                        && self.low(start - 1) == ","
                        && self.mention(p).end as usize == start - 1
                        && is(p, EntityType::Place)
                        && is(m, EntityType::Country)
                    {
                        prep = place_prep;
                    }
                }
                // "met US President Joe Biden": a qualifier inside a person's noun phrase
                // stands for the person.
                let owner = (end..(end + 5).min(self.range.end))
                    .find_map(|x| self.head(x))
                    .filter(|&p| self.mention(p).np_start <= mention.start);
                let m = owner.unwrap_or(m);
                out.push((m, prep));
                k = self.mention(m).end as usize;
                continue;
            }
            k += 1;
        }
    }

    /// Head mentions to the left of `i` back to the start of the clause, nearest first,
    /// with their prepositions.
    pub fn left_args(&self, i: usize, max_tokens: usize) -> Vec<(usize, Option<&'a str>)> {
        let mut out = Vec::new();
        let mut k = i;
        while k > self.range.start && k + max_tokens > i {
            k -= 1;
            if self.clause_break(k) && !matches!(self.low(k), ",") {
                break;
            }
            if let Some(m) = self.head(k) {
                let mention = self.mention(m);
                k = mention.start as usize;
                if !self.is_possessor(m) {
                    out.push((m, self.preposition_before(m)));
                }
            }
        }
        out
    }

    /// Whether token `k` reads as a verb in the past whose object is the noun at `i`: a
    /// lowercase word in "-ed", no auxiliary nor the second half of a compound
    /// ("Iran-backed"), followed by lowercase words only ("protested cross-border
    /// attacks", not "claimed to have captured" nor "portrayed ..., characterized").
    fn past_verb(&self, k: usize, i: usize) -> bool {
        self.is_lower_word(k)
            && self.low(k).ends_with("ed")
            && !self.is(k, word::AUXILIARY)
            && self.low(k - 1) != "-"
            && self.noun_words(k, i)
    }

    /// Whether the tokens after a verb at `k` up to `i` may be the start of its object
    /// noun phrase: lowercase words and hyphens, with no auxiliary, preposition or
    /// conjunction.
    fn noun_words(&self, k: usize, i: usize) -> bool {
        (k + 1..i).all(|x| {
            (self.is_lower_word(x) || self.low(x) == "-")
                && !self.is(x, word::AUXILIARY)
                && !self.is(x, word::PREPOSITION)
                && !matches!(self.low(x), "and" | "or" | "that")
        })
    }

    /// An actor-typed modifier right before a noun at `i`: "Russian drone attack",
    /// "Hamas missiles", "Hamas-led attack", "Russia's attack". Hyphens and up to three
    /// lowercase words may stand between, but not a verb after a name ("Pakistan
    /// protested attacks").
    pub fn modifier_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let mut skipped = 0;
        while k > self.range.start && skipped <= 4 {
            let p = k - 1;
            if let Some(m) = self.head(p) {
                let mention = self.mention(m);
                let place = self.ents.of_mention[m].is_some_and(|e| self.etype(e) == EntityType::Place);
                let modifier = (self.entity(m, true).is_some() && !place) || mention.form == Form::Demonym;
                // "Pakistan criticised attacks": a name and a verb in the past, its subject,
                // not a modifier ("Russian guided bombs" and "Iran-backed attacks" are).
                let verb = mention.form != Form::Demonym
                    && (mention.end as usize) < i
                    && self.past_verb(mention.end as usize, i);
                return (modifier && !verb).then_some(m);
            }
            let w = self.low(p);
            if self.kind(p) == Some(TokenKind::Clitic) {
                k = p;
                continue;
            }
            // "the United States embassy bombings": the name is whose the site attacked is.
            if self.is_lower_word(p) && self.data.lexicon.word_classes.contains(WordClass::TargetSiteNoun, w) {
                return None;
            }
            // Nor a verb between: "a U.S. destroyer shot down four drones".
            if w == "-"
                || (self.is_lower_word(p)
                    && !self.is(p, word::PREPOSITION | word::VERB_TRIGGER_START)
                    && !matches!(w, "the" | "a" | "an" | "and" | "or" | "this" | "that"))
            {
                k = p;
                skipped += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The year of the sentence's date, for membership checks.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year)
    }
}

pub(super) fn dedup(mut v: Vec<u32>) -> Vec<u32> {
    let mut seen = rustc_hash::FxHashSet::default();
    v.retain(|x| seen.insert(*x));
    v
}

/// Relations stated by the mention patterns (part_of, located_in, role_in), and part_of
/// from the gazetteer for national institutions named in the document.
fn facts(mentions: &Mentions, entities: &Entities, lookups: &Lookups, focus: Option<u32>, out: &mut Extraction) {
    // One shared rule name per pattern.
    let mut rules: Vec<(&'static str, Arc<str>)> = Vec::new();
    for f in &mentions.facts {
        let Some(s) = entities.of_mention[f.subject as usize] else {
            continue;
        };
        let o = match f.object {
            FactObject::DocumentCountry => focus,
            // "DOHA, Qatar — Iran is mourning …": a dateline country the text names hardly
            // again is where the report was written, and an office of the country the
            // report is about is that country's.
            FactObject::Known(Known::Country(c))
                if f.rule == "title-dateline"
                    && focus.is_some_and(|e| {
                        let venue =
                            lookups.country_entity.get(&c).is_none_or(|&d| entities.list[d as usize].mentions < 3);
                        venue && entities.list[e as usize].key != EntityKey::Known(Known::Country(c))
                    }) =>
            {
                focus
            }
            FactObject::Mention(m) => {
                let mention = &mentions.list[m as usize];
                match mention.referent {
                    Referent::Role(q) => entities.of_mention[q as usize],
                    _ => entities.of_mention[m as usize],
                }
            }
            // A country the document names by its demonym alone ("South Korean President
            // …") is there too.
            FactObject::Known(k) => lookups.named_known.get(&k).copied().or_else(|| match k {
                Known::Country(c) => lookups.country_entity.get(&c).copied(),
                _ => None,
            }),
        };
        let Some(o) = o else { continue };
        // A role is held in a country or an organisation (the vocabulary's range): "the
        // mayor of Moscow" holds no role in the city, which is a place.
        if s == o || f.predicate == Predicate::RoleIn && entities.list[o as usize].etype == EntityType::Place {
            continue;
        }
        // Places are located in places ("DPRK's Kim": a town's name resolved to a person is
        // in no country).
        if f.predicate == Predicate::LocatedIn
            && matches!(entities.list[s as usize].etype, EntityType::Person | EntityType::Organisation)
        {
            continue;
        }
        out.relations.push(Relation {
            subject: s,
            predicate: f.predicate,
            object: RelObject::Entity(o),
            role: f.role.clone(),
            sentence: f.sentence,
            rule: match rules.iter().find(|(r, _)| *r == f.rule) {
                Some((_, rule)) => rule.clone(),
                None => {
                    let rule: Arc<str> = f.rule.into();
                    rules.push((f.rule, rule.clone()));
                    rule
                }
            },
            confidence: 0.85,
        });
    }
}

/// "Qasem Soleimani was killed in a US airstrike": the person named as the subject of a
/// passive verb of casualty right before an attack's noun ("in/by" and the noun's
/// modifiers between them) is the attack's target.
fn killed_in(ctx: &Sent, found: &mut frames::Found) {
    for c in found.candidates.iter_mut().filter(|c| c.etype == Some(EventType::Attack) && c.targets.is_empty()) {
        let Some(k) = (c.trigger.start.saturating_sub(4).max(ctx.range.start + 2)..c.trigger.start)
            .rev()
            .take_while(|&k| !ctx.is_byte(k, b','))
            .find(|&k| matches!(ctx.low(k), "in" | "by"))
        else {
            continue;
        };
        let verb = k - 1;
        if !ctx.is(verb, word::CASUALTY) || !ctx.passive(verb) {
            continue;
        }
        let person = ctx.subject(verb, false).filter(|&m| ctx.named(m)).and_then(|m| ctx.entity(m, false));
        if let Some(p) = person.filter(|&p| ctx.etype(p) == EntityType::Person) {
            c.targets.push((p, true));
        }
    }
}

/// "Germany summoned Moscow's ambassador on Monday, as did France, Spain and Finland":
/// the states or organisations after "as did" / "so did" are agents of the sentence's
/// events before it too.
fn as_did(ctx: &Sent, found: &mut frames::Found) {
    if found.candidates.iter().all(|c| c.agents.is_empty()) {
        return;
    }
    let Some(k) = ctx.range.clone().find(|&k| matches!(ctx.low(k), "as" | "so") && ctx.low(k + 1) == "did") else {
        return;
    };
    let mut others: Vec<u32> = Vec::new();
    for (m, p) in ctx.right_args(k + 2, 30) {
        if p.is_none() {
            others.extend(
                ctx.expand(m, true)
                    .into_iter()
                    .filter(|&e| matches!(ctx.etype(e), EntityType::Country | EntityType::Organisation)),
            );
        }
    }
    for c in found.candidates.iter_mut().filter(|c| c.trigger.end <= k && !c.agents.is_empty()) {
        for &o in &others {
            if !c.agents.contains(&o) && !c.targets.iter().any(|t| t.0 == o) {
                c.agents.push(o);
            }
        }
    }
}

/// "Russia launched one of its largest air attacks on Ukraine … In the western city of
/// Lutsk, a missile struck an apartment block": an attack whose attacker is not named, on a
/// place in the country that the document's first attack of one state on another targets,
/// is that state's (and the state `attacked` the place). A war inside one country names
/// no foreign state, so its attacks keep their attackers unknown.
fn campaign_agents(data: &OntologyData, entities: &Entities, out: &mut Extraction) {
    let country = |e: u32| match entities.list[e as usize].key {
        EntityKey::Known(k) => k.country_code(data),
        EntityKey::New(..) => None,
    };
    let lead = out.events.iter().position(|e| {
        e.etype == EventType::Attack
            && e.agent.is_some_and(|a| entities.list[a as usize].etype == EntityType::Country)
            && e.target.is_some_and(|t| entities.list[t as usize].etype == EntityType::Country)
    });
    let Some(lead) = lead else { return };
    let (Some(agent), Some(target)) = (out.events[lead].agent, out.events[lead].target) else { return };
    let Some(iso) = country(target) else { return };
    if country(agent) == Some(iso) {
        return;
    }
    let mut rule: Option<Arc<str>> = None;
    for i in lead + 1..out.events.len() {
        let e = &mut out.events[i];
        let Some(place) = e.place.filter(|&p| entities.list[p as usize].etype == EntityType::Place) else {
            continue;
        };
        if e.etype != EventType::Attack || e.agent.is_some() || e.target.is_some() || country(place) != Some(iso) {
            continue;
        }
        e.agent = Some(agent);
        let sentence = e.sentence;
        out.relations.push(Relation {
            subject: agent,
            predicate: Predicate::Attacked,
            object: RelObject::Entity(place),
            role: None,
            sentence,
            rule: rule.get_or_insert_with(|| "campaign".into()).clone(),
            confidence: 0.6,
        });
    }
}

/// "Araghchi spoke with his Armenian counterpart, Ararat Mirzoyan": the counterpart holds
/// the same role (the first the document gives the other person) in their own country.
fn counterpart_roles(counterparts: &[((u32, u32, u32), u32)], out: &mut Extraction) {
    let mut rule: Option<Arc<str>> = None;
    for &((person, of, country), sentence) in counterparts {
        let role =
            out.relations.iter().find(|r| r.subject == of && r.predicate == Predicate::RoleIn && r.role.is_some());
        let Some(role) = role.and_then(|r| r.role.clone()) else { continue };
        out.relations.push(Relation {
            subject: person,
            predicate: Predicate::RoleIn,
            object: RelObject::Entity(country),
            role: Some(role),
            sentence,
            rule: rule.get_or_insert_with(|| "counterpart".into()).clone(),
            confidence: 0.7,
        });
    }
}

/// Document-level clean-up: drop events without participants or counts, merge
/// duplicate count-less events into the first report, and remove duplicate relations.
fn finish(out: &mut Extraction) {
    out.events.retain(|e| e.agent.is_some() || e.target.is_some() || e.place.is_some() || e.has_counts());
    if out.events.len() <= FEW_EVENTS {
        drop_duplicate_events_few(&mut out.events);
    } else {
        drop_duplicate_events(&mut out.events);
    }
    let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(out.relations.len(), Default::default());
    out.relations.retain(|r| match r.object {
        RelObject::Statement(_) => true,
        RelObject::Entity(o) => r.subject != o && seen.insert((r.subject, r.predicate, o)),
    });
}

/// The most events [`drop_duplicate_events_few`] compares one by one.
const FEW_EVENTS: usize = 64;

/// Drop each event without counts that duplicates a kept one: of the same type and agent,
/// whose place and target agree with its own where it has them. Each kept event is filed
/// under its place and target, each either as they are or as "any" (`None`).
fn drop_duplicate_events(events: &mut Vec<Event>) {
    let mut kept = rustc_hash::FxHashSet::with_capacity_and_hasher(4 * events.len(), Default::default());
    events.retain(|e| {
        let query = (e.etype, e.agent, e.place.is_some().then_some(e.place), e.target.is_some().then_some(e.target));
        let duplicate = !e.has_counts() && kept.contains(&query);
        if !duplicate {
            for place in [None, Some(e.place)] {
                for target in [None, Some(e.target)] {
                    kept.insert((e.etype, e.agent, place, target));
                }
            }
        }
        !duplicate
    });
}

/// [`drop_duplicate_events`] for a document's few events (about ten), each compared with
/// the kept ones in turn rather than through four hashed keys a kept event.
fn drop_duplicate_events_few(events: &mut Vec<Event>) {
    type Key = (EventType, Option<u32>, Option<u32>, Option<u32>);
    let mut kept: Vec<Key> = Vec::with_capacity(events.len());
    events.retain(|e| {
        let duplicate = !e.has_counts()
            && kept.iter().any(|&(etype, agent, place, target)| {
                etype == e.etype
                    && agent == e.agent
                    && (e.place.is_none() || place == e.place)
                    && (e.target.is_none() || target == e.target)
            });
        if !duplicate {
            kept.push((e.etype, e.agent, e.place, e.target));
        }
        !duplicate
    });
}

/// Whether a number's text is a year of the last two centuries ("1994", "2024").
pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
}

/// The country a document is about: the one named most often, counting its places and
/// regions the gazetteer knows ("in Gdańsk" speaks of Poland), at least three times and
/// half again as often as any other ("Japan announced $3 million in emergency aid" in a
/// report on an earthquake in Afghanistan is aid to Afghanistan).
fn focus_country(entities: &Entities, data: &OntologyData) -> Option<u32> {
    let mut counts: Vec<(u32, &str, u32)> = Vec::new();
    for (e, ent) in entities.list.iter().enumerate() {
        if ent.etype == EntityType::Country {
            // A country no list knows has no places to count.
            let code = match &ent.key {
                &EntityKey::Known(k @ Known::Country(_)) => k.country_code(data).unwrap_or(""),
                _ => "",
            };
            counts.push((e as u32, code, ent.mentions));
        }
    }
    for ent in &entities.list {
        if let (EntityType::Place, &EntityKey::Known(k)) = (ent.etype, &ent.key) {
            let code = k.country_code(data);
            if let Some(c) = counts.iter_mut().find(|c| !c.1.is_empty() && Some(c.1) == code) {
                c.2 += ent.mentions;
            }
        }
    }
    let (mut first, mut most, mut second) = (None, 0, 0);
    for &(e, _, n) in &counts {
        if n > most {
            (first, most, second) = (Some(e), n, most);
        } else {
            second = second.max(n);
        }
    }
    first.filter(|_| most >= 3 && 2 * most > 3 * second)
}

#[cfg(test)]
mod duplicate_events {
    use super::*;

    /// Events of two types, with agents, places and targets among three entities or
    /// none, some with counts, in every order a generator gives.
    fn events(spec: &[(bool, u8, u8, u8, bool)]) -> Vec<Event> {
        let who = |w: u8| (w < 3).then_some(u32::from(w));
        spec.iter()
            .enumerate()
            .map(|(i, &(attack, agent, place, target, counts))| Event {
                etype: if attack { EventType::Attack } else { EventType::Capture },
                agent: who(agent),
                target: who(target),
                place: who(place),
                killed: counts.then_some(2),
                injured: None,
                count: None,
                launched: None,
                amount: None,
                date: None,
                sentence: i as u32,
                trigger: 0..1,
                rule: "test".into(),
                confidence: 0.5,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn few_as_hashed(spec in proptest::collection::vec((proptest::bool::ANY, 0u8..4, 0u8..4, 0u8..4, proptest::bool::weighted(0.2)), 0..40)) {
            let (mut few, mut hashed) = (events(&spec), events(&spec));
            drop_duplicate_events_few(&mut few);
            drop_duplicate_events(&mut hashed);
            proptest::prop_assert_eq!(few, hashed);
        }
    }

    #[test]
    fn duplicates_dropped() {
        // An attack by 0 in 1 on 2; the same without a place; by 0 on 2 in another place;
        // by 0 with counts.
        let mut e =
            events(&[(true, 0, 1, 2, false), (true, 0, 3, 2, false), (true, 0, 0, 2, false), (true, 0, 1, 2, true)]);
        drop_duplicate_events_few(&mut e);
        assert_eq!(e.iter().map(|e| e.sentence).collect::<Vec<_>>(), [0, 2, 3]);
    }
}
