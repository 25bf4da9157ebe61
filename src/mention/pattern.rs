//! The mention patterns of one sentence (see the parent module for the contract).

use super::gazetteer::{GazetteerMatch, Known};
use super::{is_name_token, Fact, FactObject, Form, Mention, MentionStage, Mentions, NewName, Pronoun, Referent};
use crate::data::{
    Anaphor, EntityType, NamedBy, NounPosition, OntologyData, PlaceNoun, Predicate, TitleKind, TitleScope, WordClass,
};
use crate::text::phrase::PhraseIndex;
use crate::text::words::WordSets;
use crate::text::{Document, Token, TokenKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The subtypes of a state's bodies whose names many states share ("the National
/// Security Council", "the Border Service"): qualified by the state that has them.
const SHARED_BODY_NAMES: &[&str] =
    &["Council", "Office", "Committee", "Agency", "Police", "Parliament", "Commission", "Court", "Ministry"];
/// Words after which a capitalised name is a place.
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "near", "towards", "toward", "outside", "inside", "around", "into", "across", "through"];
/// Words that may follow a place name typed by its preposition ("a base in Soba and ...");
/// any other lowercase word means the capitalised word was an adjective ("in Western
/// capitals").
const FUNCTION_AFTER_NAME: &[&str] = &[
    "in", "on", "at", "and", "or", "but", "to", "of", "for", "with", "was", "were", "is", "are", "has", "have", "had",
    "said", "where", "which", "who", "that", "after", "before", "as", "from", "by", "near", "since", "during", "while",
    "when", "late", "early", "last", "this",
];
/// Words that may follow "military" when it is the subject noun ("the Russian military said").
const AFTER_SUBJECT: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "said",
    "says",
    "say",
    "told",
    "claimed",
    "reported",
    "announced",
    "also",
    "and",
    "or",
    "to",
    "in",
    "on",
    "for",
    "from",
    "of",
    "at",
    "with",
    "by",
    "later",
    "then",
    "still",
    "denied",
    "confirmed",
];

// Bits of the word sets the patterns test, one lookup per token ([`word_sets`]): the lower
// 32 bits (the relation frames have the upper ones).
const STOPWORD: u64 = 1;
const PARTICLE: u64 = 1 << 1;
const GOVERNMENT_NOUN: u64 = 1 << 2;
const NAME_HEAD: u64 = 1 << 3;
const MALE: u64 = 1 << 4;
const FEMALE: u64 = 1 << 5;
const NEUTER: u64 = 1 << 6;
const PLURAL: u64 = 1 << 7;
/// Words before a title that change the role ("former President"): `role-modifier` of
/// `lexicon/word-classes.tsv`, as are the other word lists of this module's sets.
const ROLE_MODIFIER: u64 = 1 << 8;
const PLACE_PREPOSITION: u64 = 1 << 9;
const FUNCTION_WORD_AFTER_NAME: u64 = 1 << 10;
const WORD_AFTER_SUBJECT: u64 = 1 << 11;
/// Verbs after which a two- or three-word capitalised name is a person.
const SPEECH_VERB_AFTER_NAME: u64 = 1 << 12;
// First words of the phrases of an index (see `WordSets::add_first_words`).
const TITLE_START: u64 = 1 << 13;
const PLACE_NOUN_START: u64 = 1 << 14;
/// Adjectives that may stand between a title's qualifier and the title without being part
/// of the role ("a Houthi military spokesman", "a senior Hamas official").
const TITLE_ADJECTIVE: u64 = 1 << 15;
const NAME_OPENER: u64 = 1 << 16;
/// Region nouns in the plural ("regions", "oblasts").
const REGION_NOUN_PLURAL: u64 = 1 << 17;
/// First words of the anaphora nouns that refer back without an article ("police").
const BARE_ANAPHOR_START: u64 = 1 << 18;
/// Words of direction and position that qualify a place's name ("Northern Tigray").
const DIRECTION: u64 = 1 << 19;
/// Short English words after a hyphen that are no syllable of a given name ("Hamas-run").
const NOT_NAME_SYLLABLE: u64 = 1 << 20;
/// "the" (which may open an anaphor: "the ministry").
const THE: u64 = 1 << 21;
// First words of the phrases of the ministries', forces' and anaphora's indexes
// ([`add_index_starts`]).
const MINISTRY_START: u64 = 1 << 22;
const FORCE_START: u64 = 1 << 23;
const ANAPHOR_START: u64 = 1 << 24;
/// Verbs of meeting someone ("met", "spoke"): `meeting-verb`.
const MEETING_VERB: u64 = 1 << 25;
/// Nouns of kinship ("sister", "son") and of a person's circle ("family"): `kin-noun`.
pub(crate) const KIN_NOUN: u64 = 1 << 26;
/// Particles that make a name a person's ("dela", "van"): `surname-particle`.
const SURNAME_PARTICLE: u64 = 1 << 27;
/// Last words of a document's or an agreement's name ("Accords", "Treaty").
const DOCUMENT_NOUN: u64 = 1 << 28;
/// Offices of one word in the plural ("ministers"), before a list of their holders.
const PLURAL_OFFICE: u64 = 1 << 29;
/// Languages ("Spanish", "Arabic"), which open a name's gloss: `language`.
const LANGUAGE: u64 = 1 << 30;
/// Words that open a place's name ("Camp", "Lake"): `lexicon/place-openers.tsv`; or an
/// organisation's or a place's name in Spanish, Portuguese, French or Italian ("Banco",
/// "Plaza"): `lexicon/romance-openers.tsv`.
const OPENER: u64 = 1 << 31;
const _: () = assert!(OPENER < 1 << 32);

/// The word sets of the patterns: lexicon sets, the word lists above, and the first words
/// of the titles and place nouns.
pub(super) fn word_sets(data: &OntologyData, titles: &PhraseIndex<u32>, place_nouns: &PhraseIndex<u32>) -> WordSets {
    let lex = &data.lexicon;
    let mut sets = WordSets::new();
    sets.add(STOPWORD, lex.stopwords.iter().map(|w| &**w));
    sets.add(PARTICLE, lex.particles.iter().map(|w| &**w));
    sets.add(GOVERNMENT_NOUN, lex.government_nouns.iter().map(|w| &**w));
    sets.add(NAME_HEAD, lex.name_heads.iter().map(|h| h.phrase.as_str()));
    sets.add(MALE, ["he", "him", "his", "himself"]);
    sets.add(FEMALE, ["she", "her", "hers", "herself"]);
    sets.add(NEUTER, ["it", "its", "itself"]);
    sets.add(PLURAL, ["they", "them", "their", "themselves"]);
    sets.add(ROLE_MODIFIER, lex.word_classes.words(WordClass::RoleModifier));
    sets.add(TITLE_ADJECTIVE, lex.word_classes.words(WordClass::TitleAdjective));
    sets.add(DIRECTION, lex.word_classes.words(WordClass::Direction));
    sets.add(NOT_NAME_SYLLABLE, lex.word_classes.words(WordClass::NotNameSyllable));
    sets.add(MEETING_VERB, lex.word_classes.words(WordClass::MeetingVerb));
    sets.add(KIN_NOUN, lex.word_classes.words(WordClass::KinNoun));
    sets.add(LANGUAGE, lex.word_classes.words(WordClass::Language));
    sets.add(OPENER, lex.place_openers.iter().map(|(w, _)| &**w));
    sets.add(OPENER, lex.romance_openers.iter().map(|(w, ..)| &**w));
    sets.add(SURNAME_PARTICLE, lex.word_classes.words(WordClass::SurnameParticle));
    sets.add(DOCUMENT_NOUN, lex.word_classes.words(WordClass::DocumentNoun));
    sets.add(THE, ["the"]);
    sets.add(NAME_OPENER, lex.name_openers.iter().map(|w| &**w));
    let plurals: Vec<String> = lex.place_nouns.iter().filter(|n| n.region).map(|n| format!("{}s", n.word)).collect();
    sets.add(REGION_NOUN_PLURAL, plurals.iter().map(String::as_str));
    let offices: Vec<String> = lex
        .titles
        .iter()
        .filter(|t| t.kind == TitleKind::Office && !t.phrase.contains(' '))
        .map(|t| format!("{}s", t.phrase))
        .collect();
    sets.add(PLURAL_OFFICE, offices.iter().map(String::as_str));
    let bare: Vec<&str> =
        lex.anaphora.iter().filter(|a| a.without_article).filter_map(|a| a.noun.split_whitespace().next()).collect();
    sets.add_first_words(BARE_ANAPHOR_START, bare);
    sets.add(PLACE_PREPOSITION, PLACE_PREPOSITIONS.iter().copied());
    sets.add(FUNCTION_WORD_AFTER_NAME, FUNCTION_AFTER_NAME.iter().copied());
    sets.add(WORD_AFTER_SUBJECT, AFTER_SUBJECT.iter().copied());
    sets.add(SPEECH_VERB_AFTER_NAME, lex.word_classes.words(WordClass::SpeechVerbAfterName));
    sets.add_first_words(TITLE_START, titles.first_words());
    sets.add_first_words(PLACE_NOUN_START, place_nouns.first_words());
    sets
}

/// The first words of the ministries', forces' and anaphora's phrases, as bits of `sets`: a
/// token without the bit starts none of the index's phrases, which is not looked up there.
pub(super) fn add_index_starts(
    sets: &mut WordSets,
    ministries: &PhraseIndex<u32>,
    forces: &PhraseIndex<u32>,
    anaphora: &PhraseIndex<u32>,
) {
    sets.add_first_words(MINISTRY_START, ministries.first_words());
    sets.add_first_words(FORCE_START, forces.first_words());
    sets.add_first_words(ANAPHOR_START, anaphora.first_words());
}

/// The patterns of one sentence at a time; the buffers are reused from one sentence to
/// the next.
pub(super) struct SentenceMentions<'a> {
    st: &'a MentionStage,
    doc: &'a Document<'a>,
    data: &'a OntologyData,
    /// The word-set bits of every token of the document.
    words: &'a [u64],
    sentence: u32,
    range: Range<u32>,
    /// The word-set bits of the sentence's tokens joined: a pass that looks for a word of
    /// a set the sentence lacks is not made.
    any: u64,
    list: Vec<Mention>,
    owner: Vec<i32>,
    /// Tokens used by a pattern without being a mention (a title before a name).
    claimed: Vec<bool>,
    facts: Vec<Fact>,
    /// Whether each token lies inside a closed quotation.
    quoted: Vec<bool>,
    /// The tokens inside closed quotations of the sentences so far, document-wide.
    quotations: Vec<Range<u32>>,
    /// Scratch for [`SentenceMentions::finish`].
    order: Vec<usize>,
    remap: Vec<u32>,
    /// The country of the document's dateline, once read.
    dateline_country: Option<u32>,
    /// The first and the last token of each person's name of more than one word in the
    /// sentences before, with the person if the gazetteer knows them: surnames that may
    /// open a sentence alone ("Mbonimpa disputed that", "Yoon's chief of staff").
    surnames: Vec<(u32, Option<u32>)>,
    /// The tokens of each person's name of more than one word in the sentences before
    /// ("Khaleda Zia" named again where nothing else tells a person's name).
    persons: Vec<(u32, u32)>,
    /// The last word of each capitalised run of three words at most that no pattern took
    /// (see [`SentenceMentions::name_said_before_known`]).
    unnamed: Vec<u32>,
}

/// The words of persons' names a reading of the document found, to know them from the
/// start in a second reading (see [`SentenceMentions::surnames`]).
#[derive(Debug, Default)]
pub(super) struct NamesSeen {
    surnames: Vec<(u32, Option<u32>)>,
    persons: Vec<(u32, u32)>,
}

impl<'a> SentenceMentions<'a> {
    pub(super) fn new(st: &'a MentionStage, doc: &'a Document<'a>, data: &'a OntologyData, words: &'a [u64]) -> Self {
        SentenceMentions {
            st,
            doc,
            data,
            words,
            sentence: 0,
            range: 0..0,
            any: 0,
            list: Vec::new(),
            owner: Vec::new(),
            claimed: Vec::new(),
            facts: Vec::new(),
            quoted: Vec::new(),
            quotations: Vec::new(),
            order: Vec::new(),
            remap: Vec::new(),
            dateline_country: None,
            surnames: Vec::new(),
            persons: Vec::new(),
            unnamed: Vec::new(),
        }
    }

    /// Start on sentence `sentence`, tokens `range`.
    pub(super) fn start(&mut self, sentence: u32, range: Range<u32>) {
        let n = (range.end - range.start) as usize;
        self.sentence = sentence;
        self.any = self.words[range.start as usize..range.end as usize].iter().fold(0, |all, &w| all | w);
        self.range = range;
        self.list.clear();
        self.facts.clear();
        self.owner.clear();
        self.owner.resize(n, -1);
        self.claimed.clear();
        self.claimed.resize(n, false);
        quoted_tokens_into(self.doc, self.range.clone(), &mut self.quoted, &mut self.quotations);
    }

    // ---- token helpers -------------------------------------------------------------

    fn in_range(&self, i: usize) -> bool {
        i >= self.range.start as usize && i < self.range.end as usize
    }
    fn low(&self, i: usize) -> &'a str {
        if self.in_range(i) {
            self.doc.low(i)
        } else {
            ""
        }
    }
    /// Whether token `i` (in the sentence) is a word of one of the sets `bits`.
    fn is(&self, i: usize, bits: u64) -> bool {
        self.in_range(i) && self.words[i] & bits != 0
    }
    /// Whether token `i` (in the sentence) is the one byte `b` (cheaper than
    /// `self.low(i) == "("`).
    fn is_byte(&self, i: usize, b: u8) -> bool {
        self.in_range(i) && {
            let t = self.doc.tokens[i];
            t.end == t.start + 1 && self.doc.lower.as_bytes()[t.start as usize] == b
        }
    }
    /// The token after the parenthesis opening at `i` and closing in the sentence, or `i`
    /// if none opens there.
    fn past_parenthesis(&self, i: usize) -> usize {
        if !self.is_byte(i, b'(') {
            return i;
        }
        (i + 1..self.range.end as usize).find(|&k| self.is_byte(k, b')')).map_or(i, |k| k + 1)
    }
    /// Whether the first word of token `i` (anywhere) is a first word of the phrases of
    /// `bits`: if not, no such phrase starts there.
    fn may_start(&self, i: usize, bits: u64) -> bool {
        self.words.get(i).is_some_and(|w| w & bits != 0)
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.in_range(i).then(|| self.doc.tokens[i].kind)
    }
    fn is_clitic_s(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Clitic) && matches!(self.low(i), "'s" | "'")
    }
    fn is_lower_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && !self.doc.tokens[i].is_capitalised()
    }
    fn owner(&self, i: usize) -> Option<usize> {
        if !self.in_range(i) {
            return None;
        }
        let o = self.owner[i - self.range.start as usize];
        (o >= 0).then_some(o as usize)
    }
    fn free(&self, from: usize, to: usize) -> bool {
        (from..to).all(|i| self.in_range(i) && !self.taken(i))
    }
    fn taken(&self, i: usize) -> bool {
        self.owner(i).is_some() || (self.in_range(i) && self.claimed[i - self.range.start as usize])
    }
    fn claim(&mut self, from: usize, to: usize) {
        for i in from..to {
            if self.in_range(i) && self.owner(i).is_none() {
                self.claimed[i - self.range.start as usize] = true;
            }
        }
    }
    /// The head mention that ends just before token `i`.
    fn mention_ending_at(&self, i: usize) -> Option<usize> {
        let o = self.owner(i.checked_sub(1)?)?;
        (self.list[o].end as usize == i).then_some(o)
    }
    /// The head mention that starts at token `i`.
    fn mention_starting_at(&self, i: usize) -> Option<usize> {
        let o = self.owner(i)?;
        (self.list[o].start as usize == i).then_some(o)
    }

    fn add(&mut self, m: Mention) -> usize {
        let idx = self.list.len();
        if !m.inner {
            for i in m.start..m.end {
                if self.in_range(i as usize) {
                    self.owner[(i - self.range.start) as usize] = idx as i32;
                }
            }
        }
        self.list.push(m);
        idx
    }

    /// Put `m` in the place of mention `old` (which it covers).
    fn replace(&mut self, old: usize, m: Mention) -> usize {
        for i in m.start..m.end {
            if self.in_range(i as usize) {
                self.owner[(i - self.range.start) as usize] = old as i32;
            }
        }
        self.list[old] = m;
        old
    }

    /// Add `m` over the span of `inner` mentions, marking them inner.
    fn wrap(&mut self, inner: &[usize], m: Mention) -> usize {
        for &i in inner {
            self.list[i].inner = true;
        }
        self.add(m)
    }

    fn mention(
        &self,
        start: usize,
        end: usize,
        referent: Referent,
        form: Form,
        rule: &'static str,
        confidence: f32,
    ) -> Mention {
        Mention {
            start: start as u32,
            end: end as u32,
            sentence: self.sentence,
            referent,
            form,
            inner: false,
            np_start: start as u32,
            rule,
            confidence,
        }
    }

    fn fact(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: FactObject,
        role: Option<String>,
        rule: &'static str,
    ) {
        self.facts.push(Fact { subject: subject as u32, predicate, object, role, sentence: self.sentence, rule });
    }

    /// The country a qualifier mention stands for: a country or demonym, or a capital
    /// city used for its government.
    fn country_of(&self, m: usize) -> Option<u32> {
        self.country_of_mention(&self.list[m])
    }

    fn country_of_mention(&self, m: &Mention) -> Option<u32> {
        match &m.referent {
            Referent::Known(Known::Country(c)) => Some(*c),
            Referent::Known(Known::Place(p)) => self.st.capital_of(*p),
            _ => None,
        }
    }

    /// The state of a group a title at token `i` is named in: "including TITLE" after a
    /// demonym earlier in the sentence ("sanctions on 78 Belarusian individuals,
    /// including Defence Minister …").
    fn including_state(&self, i: usize) -> Option<FactObject> {
        if self.low(i.wrapping_sub(1)) != "including" {
            return None;
        }
        let q = self.list.iter().rposition(|x| (x.end as usize) < i && x.form == Form::Demonym)?;
        self.country_of(q).map(|c| self.country_object(q, c))
    }

    /// The state of the place a sentence opens in: "In Manila, …", "At a briefing in New
    /// Delhi, …" (a phrase of up to ten tokens before the first comma, ending "in PLACE").
    fn locative_state(&self) -> Option<FactObject> {
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let comma = (start + 2..end.min(start + 11)).find(|&x| self.low(x) == ",")?;
        let m = self.mention_ending_at(comma)?;
        let at = self.list[m].start as usize;
        if at == 0 || self.low(at - 1) != "in" || self.list[m].inner {
            return None;
        }
        match self.list[m].referent {
            Referent::Known(Known::Country(c)) => Some(self.country_object(m, c)),
            Referent::Known(known @ (Known::Place(_) | Known::Region(_) | Known::Area(_))) => {
                Some(FactObject::Known(Known::Country(self.known_country(known)?)))
            }
            _ => None,
        }
    }

    /// The country a place, region, area or country of the gazetteer lies in.
    fn known_country(&self, known: Known) -> Option<u32> {
        self.data.country_by_iso(known.country_code(self.data)?).map(|c| c as u32)
    }

    fn known_type(&self, m: usize) -> Option<EntityType> {
        self.list[m].entity_type(self.data)
    }

    /// A qualifier ending just before token `i`: a demonym or country name used as a
    /// modifier ("French", "US"), or a possessor ("Russia's"). Returns the mention and
    /// whether it is possessive.
    fn qualifier_before(&self, i: usize, local: bool) -> Option<(usize, bool)> {
        if i > 0 && self.is_clitic_s(i - 1) {
            return self.mention_ending_at(i - 1).map(|m| (m, true));
        }
        let m = self.mention_ending_at(i)?;
        let ok = match &self.list[m].referent {
            Referent::Known(Known::Country(_)) => true,
            Referent::Known(Known::Organisation(_)) => true,
            // A local office's place: "Kharkiv Mayor Ihor Terekhov".
            Referent::Known(Known::Place(_) | Known::Region(_) | Known::Area(_)) => {
                local && self.list[m].form == Form::Name
            }
            Referent::New(n) => n.etype == EntityType::Organisation || local && n.etype == EntityType::Place,
            _ => false,
        };
        ok.then_some((m, false))
    }

    /// Back from token `k` over the title adjectives before it ("senior" before "U.S.
    /// adviser").
    fn before_adjectives(&self, mut k: usize) -> usize {
        // (Not into a name: "Israeli military" before "spokesman" is the forces'.)
        while k > self.range.start as usize && self.is(k - 1, TITLE_ADJECTIVE) && !self.taken(k - 1) {
            k -= 1;
        }
        k
    }

    /// Whether token `k` is a short lowercase syllable joined by a hyphen to a capitalised
    /// word before it ("Hong-kyun"), not a participle or a suffix ("Mbolo-led",
    /// "Gaza-based", "Hamas-run").
    fn syllable_after_hyphen(&self, k: usize) -> bool {
        let Some(&t) = self.doc.tokens.get(k) else {
            return false;
        };
        let w = self.low(k);
        k >= 2
            && self.is_byte(k - 1, b'-')
            && !t.space_before()
            && !self.doc.tokens[k - 1].space_before()
            && self.doc.tokens[k - 2].is_capitalised()
            && !self.is(k, PARTICLE)
            && (2..=5).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !w.ends_with("ed")
            && !self.is(k, NOT_NAME_SYLLABLE)
    }

    /// A capitalised name run starting at `i` on free tokens: `[i, end)`.
    fn name_run(&self, i: usize, max: usize) -> Option<usize> {
        let doc = self.doc;
        let starts = |k: usize| {
            !self.taken(k)
                && self.in_range(k)
                && doc.tokens[k].is_word()
                && (doc.tokens[k].is_capitalised()
                    || (self.is(k, PARTICLE) && self.low(k + 1) == "-" && !doc.tokens[k + 1].space_before()))
        };
        // A capitalised function word is a name's word before a name syllable ("Park
        // An-su") or, inside a sentence, before a capitalised word ("President To Lam").
        let name_word = |k: usize| {
            !self.is(k, STOPWORD)
                || self.syllable_after_hyphen(k + 2)
                || k > self.range.start as usize
                    && !self.after_dash(k)
                    && doc.tokens[k].is_capitalised()
                    && !doc.tokens[k].is_all_caps()
                    && starts(k + 1)
                    && !self.is(k + 1, STOPWORD)
        };
        if !starts(i) || !name_word(i) {
            return None;
        }
        let mut end = i + 1;
        let mut words = 1;
        while end < self.range.end as usize && words < max {
            let t = doc.tokens[end];
            if self.taken(end) {
                break;
            }
            // "Sudan People's Liberation Movement", "the Women's League": a possessive
            // inside a name.
            if t.kind == TokenKind::Clitic
                && self.low(end) == "'s"
                && starts(end + 1)
                && doc.tokens[end + 1].space_before()
                && !self.is(end + 1, STOPWORD)
                && self.data.lexicon.word_classes.contains(WordClass::NamePossessive, self.low(end - 1))
            {
                end += 1;
                continue;
            }
            if matches!(self.low(end), "-" | "'") && !t.space_before() && end + 1 < self.range.end as usize {
                let n = doc.tokens[end + 1];
                // "Muslim-majority Mindanao", "Serb-majority Mitrovica": a compound
                // adjective opens no name and ends one.
                if self.compound_adjective_end(end + 1) {
                    if end == i + 1 {
                        return None;
                    }
                    break;
                }
                if !n.space_before() && n.is_word() && !self.taken(end + 1) {
                    end += 2;
                    continue;
                }
                // "Fishmongers' Hall": a plural's possessive apostrophe inside a name.
                if self.low(end) == "'"
                    && self.low(end - 1).ends_with('s')
                    && n.space_before()
                    && starts(end + 1)
                    && !self.is(end + 1, STOPWORD)
                {
                    end += 1;
                    continue;
                }
                break;
            }
            // A middle initial: "John F. Kennedy".
            if t.end == t.start + 1 && self.initial(end) && starts(end + 2) && !self.is(end + 2, STOPWORD) {
                // (Another initial after it: "George H. W. Bush".)
                if self.initial(end + 2) {
                    end += 2;
                    words += 1;
                    continue;
                }
                end += 3;
                words += 2;
                continue;
            }
            // A regnal or ordinal numeral ends a name: "Pope Leo XXIII", "Louis XIV",
            // "Pre-Trial Chamber I of the court" (not "I" before a word: "Kyiv I saw").
            let numeral = t.is_word() && t.space_before() && regnal_numeral(self.doc.tok(end));
            if numeral && (t.end > t.start + 1 || self.low(end) == "i") && !doc.tokens[end - 1].is_all_caps() {
                let word_after = self.in_range(end + 1) && doc.tokens[end + 1].is_word() && self.low(end + 1) != "of";
                if t.end > t.start + 1 || !word_after {
                    end += 1;
                }
                break;
            }
            if t.is_word()
                && (t.is_capitalised() || self.is(end, PARTICLE))
                && (!self.is(end, STOPWORD) || self.syllable_after_hyphen(end + 2))
                && !t.is_all_caps()
            {
                // Particles join names without counting as words: "Jose Javier De La Gasca".
                words += usize::from(!self.is(end, PARTICLE));
                end += 1;
                continue;
            }
            break;
        }
        // A name does not end in a particle, even a capitalised one; but a Korean given
        // name's second syllable is part of it ("Kim Hong-kyun", "Chang Ho-jin").
        while end > i + 1
            && (!doc.tokens[end - 1].is_capitalised() || self.is(end - 1, PARTICLE))
            && !self.syllable_after_hyphen(end - 1)
        {
            end -= 1;
        }
        Some(end)
    }

    /// "of Mozambique", "of the Republic of Mozambique" after an organisation's name at
    /// token `k`: the end of the name, and the mention of a country or place it takes in.
    fn of_name(&self, k: usize) -> Option<(Option<usize>, usize)> {
        if self.low(k) != "of" || !self.doc.tokens.get(k + 1).is_some_and(|t| t.space_before()) {
            return None;
        }
        let k = if self.low(k + 1) == "the" { k + 2 } else { k + 1 };
        if let Some(m) = self.mention_starting_at(k) {
            let known = matches!(
                self.list[m].referent,
                Referent::Known(Known::Country(_) | Known::Place(_) | Known::Region(_) | Known::Area(_))
            );
            return (known && self.list[m].form == Form::Name).then(|| (Some(m), self.list[m].end as usize));
        }
        // "the Executive Committee of the National Security Council" is one name.
        let end = self.name_run(k, 4)?;
        // "the Party of Freedom and Justice": a word joined by "and" that opens no title
        // ends it.
        let title = |k: usize| self.may_start(k, TITLE_START) && self.st.titles.longest_at(self.doc, k).is_some();
        let joined = (self.low(end) == "and" && !title(end + 1))
            .then(|| self.name_run(end + 1, 2))
            .flatten()
            .filter(|&e| !self.doc.tokens.get(e).is_some_and(|t| t.is_capitalised()));
        let end = joined.unwrap_or(end);
        // "the Army of the Guardians of the Islamic Revolution": a second "of" and a name
        // nobody lists.
        let again = self.low(end) == "of" && self.doc.tokens.get(end + 1).is_some_and(|t| t.space_before());
        let k = if self.low(end + 1) == "the" { end + 2 } else { end + 1 };
        let more = (again && self.mention_starting_at(k).is_none()).then(|| self.name_run(k, 4)).flatten();
        Some((None, more.unwrap_or(end)))
    }

    /// Whether token `i` comes right after a wire dateline's dash, which starts the sentence
    /// again: "CAIRO (AP) — Shelling by …", "NAIROBI (Reuters) - The Law Society of Kenya".
    fn after_dash(&self, i: usize) -> bool {
        i > self.range.start as usize
            && matches!(self.low(i - 1), "\u{2014}" | "\u{2013}" | "-")
            && self.doc.tokens[i - 1].space_before()
    }

    /// "for National Security" or "on Human Rights" after an organisation's name at token
    /// `k` ("the State Committee for National Security"): the end of the name, over a name
    /// nobody lists.
    fn for_name(&self, k: usize) -> Option<(Option<usize>, usize)> {
        let on = match self.low(k) {
            "for" => false,
            "on" => true,
            _ => return None,
        };
        let k = if self.low(k + 1) == "the" { k + 2 } else { k + 1 };
        // "the Kenya National Commission on Human Rights", not "the commission on Monday".
        if on
            && (crate::text::date::weekday_number(self.low(k)).is_some()
                || crate::text::date::month_number(self.low(k)).is_some())
        {
            return None;
        }
        if self.mention_starting_at(k).is_some() {
            return None;
        }
        let mut end = self.name_run(k, 4)?;
        // "the Center for Economic and Policy Research": over "and" and a name nobody lists.
        if self.low(end) == "and" {
            if let Some(e) = self.name_run(end + 1, 3) {
                end = e;
            }
        }
        // "the National Council for the Safeguard of the Homeland".
        Some((None, self.of_name(end).filter(|(m, _)| m.is_none()).map_or(end, |(_, e)| e)))
    }

    /// Whether the name at token `i` comes after a preposition of place, or after one and
    /// a lowercase word of direction: "in Soba", "in eastern Ladakh".
    fn after_place_preposition(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        i > start && self.is(i - 1, PLACE_PREPOSITION)
            || i > start + 1
                && self.is_lower_word(i - 1)
                && self.is(i - 1, DIRECTION)
                && self.is(i - 2, PLACE_PREPOSITION)
            // "in Muslim-majority Mindanao": over a compound adjective.
            || i > start + 3 && self.compound_adjective_end(i - 1) && self.is(i - 4, PLACE_PREPOSITION)
    }

    /// Whether token `k` ends a compound adjective: a lowercase word of four letters or
    /// more (no syllable of a name) joined by a hyphen to a capitalised word, "majority"
    /// in "Muslim-majority", "owned" in "Jewish-owned".
    fn compound_adjective_end(&self, k: usize) -> bool {
        let w = self.low(k);
        k >= self.range.start as usize + 2
            && self.low(k - 1) == "-"
            && self.doc.tokens[k - 2].is_capitalised()
            && self.doc.tokens.get(k).is_some_and(|t| !t.is_capitalised())
            && w.len() >= 4
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !self.syllable_after_hyphen(k)
    }

    /// Whether an article and a compound adjective come right before token `i`: "the
    /// Orthodox Jewish-owned" before "Nariman House".
    fn after_article_compound(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        i >= start + 4
            && self.compound_adjective_end(i - 1)
            && (i.saturating_sub(6).max(start)..i - 3).rev().any(|k| self.low(k) == "the")
    }

    /// Whether the name at token `i` comes after "and" or "or" that follows a place's
    /// mention: "Kfar Kila and Naqoura".
    fn listed_after_place(&self, i: usize) -> bool {
        if i < self.range.start as usize + 2 || !matches!(self.low(i - 1), "and" | "or") {
            return false;
        }
        self.mention_ending_at(i - 1).is_some_and(|m| {
            let place = self.known_type(m) == Some(EntityType::Place)
                || matches!(&self.list[m].referent, Referent::New(n) if n.etype == EntityType::Place);
            place && !matches!(self.list[m].form, Form::Pronoun | Form::Anaphor)
        })
    }

    /// Whether an appositive describing a person starts at token `k`: a title, after a
    /// determiner, role modifiers ("a former") and a qualifier ("the TPLF's", "Russia's").
    fn appositive_title(&self, k: usize) -> bool {
        let mut k = k;
        if matches!(self.low(k), "the" | "a" | "an") {
            k += 1;
        }
        while self.is(k, ROLE_MODIFIER) {
            k += 1;
        }
        if let Some(m) = self.mention_starting_at(k) {
            k = self.list[m].end as usize;
            if self.is_clitic_s(k) {
                k += 1;
            }
        }
        while self.is(k, TITLE_ADJECTIVE) {
            k += 1;
        }
        self.may_start(k, TITLE_START) && self.st.titles.longest_at(self.doc, k).is_some()
    }

    /// Whether a title follows token `k` in apposition, after a comma or in parentheses:
    /// "…, President of Myanmar,", "… (Commander of the Western Command)".
    fn titled_after(&self, k: usize) -> bool {
        matches!(self.low(k), "," | "(") && self.appositive_title(k + 1)
    }

    /// Whether the name at `[i, end)` follows a verb of saying and ends its clause: "…,"
    /// said Somchai Thongdee, 54".
    fn inverted_speaker(&self, i: usize, end: usize) -> bool {
        i > self.range.start as usize
            && self.is(i - 1, SPEECH_VERB_AFTER_NAME)
            && self.low(i - 1) != "told"
            && (end >= self.range.end as usize || matches!(self.low(end), "," | "." | ";"))
    }

    /// Whether the name at `i` stands after a comma in apposition to a title or a noun for a
    /// person: "the petroleum minister, Puot Kang Chol", "a rubber farmer, …".
    fn person_before_comma(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        if i < start + 2 || self.low(i - 1) != "," || !self.is_lower_word(i - 2) {
            return false;
        }
        let noun = i - 2;
        let person_noun = self.data.lexicon.person_nouns.get(self.low(noun)).is_some_and(|n| n.is_some());
        person_noun
            || (noun.saturating_sub(3).max(start)..=noun).any(|t| {
                self.may_start(t, TITLE_START)
                    && self.st.titles.longest_at(self.doc, t).is_some_and(|(_, e)| e == noun + 1)
            })
    }

    /// Whether token `i` follows the end of a quotation that a comma closes: `,"` or `,”`.
    fn after_quotation(&self, i: usize) -> bool {
        i >= self.range.start as usize + 2
            && matches!(self.doc.tokens[i - 1].kind, TokenKind::CloseQuote | TokenKind::Quote)
            && self.is_byte(i - 2, b',')
    }

    /// Whether token `i` is an initial inside a name: one capital letter and a period
    /// written against it, then a space.
    fn initial(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i).filter(|_| self.in_range(i)) else { return false };
        t.is_word()
            && t.end == t.start + 1
            && t.is_capitalised()
            && self.is_byte(i + 1, b'.')
            && !self.doc.tokens[i + 1].space_before()
            && self.in_range(i + 2)
            && self.doc.tokens[i + 2].space_before()
    }

    /// The type given by the head noun of tokens `[from, to)` ("... Airport").
    fn head_type(&self, from: usize, to: usize) -> Option<(EntityType, String)> {
        // The head before a numeral: "Pre-Trial Chamber I".
        let numbered = to > from + 1 && self.doc.tokens[to - 1].space_before() && regnal_numeral(self.doc.tok(to - 1));
        let to = if numbered { to - 1 } else { to };
        for k in (1..=3.min(to - from)).rev() {
            let text = &self.doc.lower[self.doc.tokens[to - k].start as usize..self.doc.tokens[to - 1].end as usize];
            // The words joined by single spaces: the text itself, unless it has other
            // whitespace.
            let joined;
            let text = if single_spaced(text) {
                text
            } else {
                joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
                &joined
            };
            if let Some(&h) = self.st.heads.get(text) {
                let h = &self.data.lexicon.name_heads[h as usize];
                return Some((h.etype, h.subtype.clone()));
            }
        }
        None
    }

    // ---- stages ----------------------------------------------------------------------

    pub(super) fn gazetteer(&mut self, matches: &[GazetteerMatch]) {
        // The match's tokens are searched for among the sentence's (then the document's,
        // which gives the same token if the sentence has it).
        let first = self.range.start as usize;
        let toks = &self.doc.tokens[first..self.range.end as usize];
        let starting_at = |start: u32| {
            let i = toks.partition_point(|t| t.start < start);
            match toks.get(i) {
                Some(t) if t.start == start => Some(first + i),
                _ => self.doc.token_starting_at(start),
            }
        };
        let ending_at = |end: u32| {
            let i = toks.partition_point(|t| t.end < end);
            match toks.get(i) {
                Some(t) if t.end == end => Some(first + i),
                _ => self.doc.token_ending_at(end),
            }
        };
        for g in matches {
            let (Some(a), Some(b)) = (starting_at(g.start), ending_at(g.end)) else {
                continue;
            };
            if !self.free(a, b + 1) {
                continue;
            }
            // Part of an operation's name ("Operation Al-Aqsa Flood").
            if a > self.range.start as usize && self.doc.tok(a - 1) == "Operation" {
                continue;
            }
            // "Abu Mohammed al-Golani": the opening of a person's name, not a place "Abu".
            let opener = a == b
                && self.is(a, NAME_OPENER)
                && self.doc.tokens.get(a + 1).is_some_and(|t| t.is_capitalised() && t.space_before())
                && matches!(g.known, Known::Place(_) | Known::Region(_) | Known::Area(_));
            // "the Hwasong-19": a name and a number joined by a hyphen name a weapon or a
            // model, not a place.
            let joined = |k: usize| self.doc.tokens.get(k).is_some_and(|t| !t.space_before());
            // The token joined to the name by a hyphen.
            let hyphen_next =
                (self.is_byte(b + 1, b'-') && joined(b + 1) && joined(b + 2)).then(|| self.doc.tokens[b + 2]);
            // So does a maker's name before a model's number: "Boeing 747s", "an Airbus
            // A300".
            let model = hyphen_next.is_some_and(|t| t.kind == TokenKind::Number)
                || matches!(g.known, Known::Organisation(o) if self.data.organisations[o as usize].subtype == "Company")
                    && self.in_range(b + 1)
                    && self.doc.tokens[b + 1].space_before()
                    && self.doc.tok(b + 1).bytes().any(|c| c.is_ascii_digit());
            // "Reut Shapir Ben-Naftaly": a place's one-word name joined to a name nobody lists
            // is part of a person's name ("Gaza-Israel" is two names of the gazetteer).
            // So is one joined after such a name ("Jean-Emmanuel Ouedraogo").
            let hyphen_prev =
                (a >= self.range.start as usize + 2 && self.is_byte(a - 1, b'-') && joined(a) && joined(a - 1))
                    .then(|| self.doc.tokens[a - 2]);
            // "Aita al-Shaab": a place's one-word name after an article joined to it, inside a
            // longer name.
            let article_joined = a == b
                && hyphen_prev.is_some()
                && self.is(a - 2, PARTICLE)
                && a >= self.range.start as usize + 3
                && (self.doc.tokens[a - 3].is_capitalised()
                    // "Anwaar-ul-Haq Kakar": after a name joined to the article too.
                    || self.low(a - 3) == "-"
                        && joined(a - 2)
                        && a >= self.range.start as usize + 4
                        && self.doc.tokens[a - 4].is_capitalised())
                && matches!(g.known, Known::Place(_) | Known::Region(_));
            let hyphenated = article_joined
                || a == b
                    && (hyphen_next.is_some_and(|t| t.is_capitalised())
                        && !matches.iter().any(|h| h.start == self.doc.tokens[b + 2].start)
                        || hyphen_prev.is_some_and(|t| t.is_capitalised())
                            && !matches.iter().any(|h| h.end == self.doc.tokens[a - 2].end))
                    && matches!(g.known, Known::Place(_));
            // "Sandton Convention Centre", "Government of National Unity": a region's bare
            // one-word name after a capitalised word ends a longer name; before "of" and a
            // capitalised word it opens one ("the Bay of Pigs").
            let name_start = a == b
                && g.bare
                && self.low(a + 1) == "of"
                && self.in_range(a + 2)
                && self.doc.tokens[a + 2].is_capitalised();
            let name_end = a == b && g.bare && a > self.range.start as usize && self.doc.tokens[a].space_before() && {
                let p = a - 1;
                let t = self.doc.tokens[p];
                t.is_word()
                    && t.is_capitalised()
                    && !self.is(p, STOPWORD)
                    && !self.is(p, DIRECTION)
                    && !covered(matches, t)
            };
            // "Ben-Zion Gopstein": the first half of a hyphenated given name.
            let given_half = a == b && self.hyphenated_given_name(a);
            // "Burhan Wani": a person's one-word name right before a capitalised word is the
            // given name of someone else, and that word is no place of the gazetteer.
            let lone_alias = |k: usize| {
                let t = self.doc.tokens[k];
                matches.iter().any(|h| matches!(h.known, Known::Person(_)) && h.start == t.start && h.end == t.end)
            };
            // (The tokens' tests first; the matches are searched last.)
            let opens_other_name = |k: usize| {
                self.in_range(k + 1)
                    && self.doc.tokens[k + 1].space_before()
                    && self.doc.tokens[k + 1].is_word()
                    && self.doc.tokens[k + 1].is_capitalised()
                    && !self.is(k + 1, STOPWORD)
                    // (Not in a run of capitalised words: "Putin Says Talks Stalled".)
                    && !self.doc.tokens.get(k + 2).is_some_and(|t| t.is_word() && t.is_capitalised())
                    && lone_alias(k)
                    && !matches.iter().any(|h| {
                        matches!(h.known, Known::Person(_)) && h.start == self.doc.tokens[k + 1].start
                    })
            };
            let other_name =
                a == b && (opens_other_name(a) || a > self.range.start as usize && opens_other_name(a - 1));
            // "Lanao del Sur": a place's one-word name after a lowercase particle that follows
            // a capitalised word ends a longer name.
            let after_particle = a == b
                && a >= self.range.start as usize + 2
                && self.is_lower_word(a - 1)
                && self.is(a - 1, PARTICLE)
                && self.doc.tokens[a - 2].is_word()
                && self.doc.tokens[a - 2].is_capitalised()
                && matches!(g.known, Known::Place(_) | Known::Region(_));
            // "the Algiers Agreement", "the Convention of Calcutta": a place's name inside a
            // document's, before its capitalised noun or after it and "of".
            let document = !matches!(g.known, Known::Person(_) | Known::Organisation(_))
                && (self.in_range(b + 1)
                    && self.is(b + 1, DOCUMENT_NOUN)
                    && self.doc.tokens[b + 1].is_capitalised()
                    && self.doc.tokens[b + 1].space_before()
                    || a >= self.range.start as usize + 2
                        && self.low(a - 1) == "of"
                        && self.is(a - 2, DOCUMENT_NOUN)
                        && self.doc.tokens[a - 2].is_capitalised());
            if opener
                || model
                || document
                || other_name
                || after_particle
                || hyphenated
                || given_half
                || name_end
                || name_start
                || self.ship_name(a)
                || self.in_person_name(a, b, g.known, matches)
                || self.other_bearer(a, b, g.known, matches)
            {
                continue;
            }
            let (referent, form) = match g.known {
                Known::Demonym(c) => (Referent::Known(Known::Country(c)), Form::Demonym),
                k => {
                    let acronym = self.doc.tokens[a..=b].iter().all(|t| t.is_all_caps() || !t.is_word());
                    (Referent::Known(k), if acronym { Form::Acronym } else { Form::Name })
                }
            };
            // "Kidapawan City", "Davao City": a city's name with a capitalised noun for a city
            // after it names the city.
            let city = matches!(g.known, Known::Place(_))
                && self.in_range(b + 1)
                && self.doc.tokens[b + 1].is_capitalised()
                && self.free(b + 1, b + 2)
                && self.place_noun_at(b + 1).is_some_and(|n| n.subtype == "City");
            let end = if city { b + 2 } else { b + 1 };
            let m = self.mention(a, end, referent, form, "gazetteer", if g.bare { 0.8 } else { 0.95 });
            let m = self.add(m);
            self.extend_known_person(m);
        }
    }

    /// Whether token `k` is a given name ("Daniel", "Nikita", "Ben-Zion").
    fn given_name(&self, k: usize) -> bool {
        self.in_range(k) && self.data.lexicon.given_names.contains_key(self.low(k)) || self.hyphenated_given_name(k)
    }

    /// Whether tokens `k..k+3` are a given name of two words joined by a hyphen ("Ben-Zion",
    /// "Jean-Pierre") before a capitalised word.
    fn hyphenated_given_name(&self, k: usize) -> bool {
        let toks = &self.doc.tokens;
        let joined = |x: usize| self.in_range(x) && !toks[x].space_before();
        if !self.is_byte(k + 1, b'-') || !joined(k + 1) || !joined(k + 2) || !self.in_range(k + 3) {
            return false;
        }
        let after = toks[k + 3];
        if !(after.is_word() && after.is_capitalised() && after.space_before()) {
            return false;
        }
        let mut key = String::with_capacity(24);
        key.push_str(self.low(k));
        key.push('-');
        key.push_str(self.low(k + 2));
        self.data.lexicon.given_names.contains_key(key.as_str())
    }

    /// Whether token `a` starts a ship's name: "USS Carney", "HMS Diamond".
    fn ship_name(&self, a: usize) -> bool {
        a > self.range.start as usize
            && self.doc.tokens[a - 1].is_all_caps()
            && self.data.lexicon.ship_prefixes.contains(self.low(a - 1))
    }

    /// Whether the gazetteer's match of a known person's one-word name (a surname) over
    /// tokens `[a, b]` follows a given name that is not the person's: "Sara Duterte" is
    /// not Rodrigo Duterte.
    fn other_bearer(&self, a: usize, b: usize, known: Known, matches: &[GazetteerMatch]) -> bool {
        let Known::Person(p) = known else { return false };
        if a != b || a == self.range.start as usize || !self.doc.tokens[a].space_before() {
            return false;
        }
        let k = a - 1;
        let t = self.doc.tokens[k];
        let given = t.is_word() && t.is_capitalised() && self.given_name(k);
        let unmatched = !covered(matches, t);
        let own = self.data.people[p as usize].name.split_whitespace().any(|w| w.eq_ignore_ascii_case(self.doc.tok(k)));
        given && unmatched && !own
    }

    /// Whether the gazetteer's match of a place over tokens `[a, b]` is part of a person's
    /// name instead: a town's one-word name after a given name ("John F. Kennedy"), or one
    /// that is a given name itself before a name nobody lists ("Nikita Khrushchev").
    fn in_person_name(&self, a: usize, b: usize, known: Known, matches: &[GazetteerMatch]) -> bool {
        let organisation = matches!(known, Known::Organisation(_));
        let small = match known {
            Known::Place(p) => self.data.places[p as usize].population < 1_000_000,
            _ => organisation,
        };
        if a != b || !small {
            return false;
        }
        let toks = &self.doc.tokens;
        // No entry of the gazetteer but a small town's one-word name ("Luis Almagro": two
        // towns) covers token `k`.
        let small_town = |h: &GazetteerMatch| {
            let one_word = self.doc.token_starting_at(h.start).is_some_and(|t| toks[t].end == h.end);
            one_word && matches!(h.known, Known::Place(q) if self.data.places[q as usize].population < 1_000_000)
        };
        let unmatched =
            |k: usize| !matches.iter().any(|h| h.start <= toks[k].start && toks[k].end <= h.end && !small_town(h));
        let name_word = |k: usize| {
            self.in_range(k) && toks[k].is_word() && toks[k].is_capitalised() && !self.is(k, STOPWORD) && unmatched(k)
        };
        // Back over a middle initial: "John F. Kennedy".
        let mut k = a.wrapping_sub(1);
        if k > self.range.start as usize + 1 && self.initial(k - 1) {
            k -= 2;
        }
        // "Thérèse Kayikwamba Wagner": also after a given name and a word of a name.
        let given_before = |k: usize| {
            self.given_name(k)
                || k > self.range.start as usize && toks[k].space_before() && name_word(k - 1) && self.given_name(k - 1)
        };
        // "President Salvador Allende": after a city's one-word name that is a given name,
        // not after a place's preposition.
        let given_city = |k: usize| {
            let one_word = |h: &GazetteerMatch| h.start == toks[k].start && h.end == toks[k].end;
            toks[k].is_capitalised()
                && self.given_name(k)
                && matches.iter().any(|h| one_word(h) && matches!(h.known, Known::Place(_)))
                && !(k > self.range.start as usize && PLACE_PREPOSITIONS.contains(&self.low(k - 1)))
        };
        let after_given =
            self.in_range(k) && toks[k + 1].space_before() && (name_word(k) && given_before(k) || given_city(k));
        // "Luis Moreno-Ocampo": the second half of a surname joined by a hyphen after a
        // given name.
        let hyphen_surname = a >= self.range.start as usize + 3
            && self.low(a - 1) == "-"
            && !toks[a].space_before()
            && !toks[a - 1].space_before()
            && name_word(a - 2)
            && toks[a - 2].space_before()
            && self.given_name(a - 3);
        // An organisation's one-word name only ends a person's name ("Wagner Group").
        let before_name = !organisation
            && self.given_name(a)
            && toks.get(a + 1).is_some_and(|t| t.space_before())
            && name_word(a + 1);
        after_given || before_name || hyphen_surname
    }

    /// Extend the mention `m` of a known person over the words of the person's full name
    /// that follow it in another spelling: "Mohammed bin Abdulrahman al-Thani" for the
    /// known "Mohammed bin Abdulrahman Al Thani", found by the alias "Mohammed bin
    /// Abdulrahman".
    fn extend_known_person(&mut self, m: usize) {
        let Referent::Known(Known::Person(p)) = self.list[m].referent else {
            return;
        };
        let end = self.list[m].end as usize;
        let Some(run) = self.name_run(end, 3).filter(|_| self.doc.tokens[end].space_before()) else {
            return;
        };
        let full = self.data.people[p as usize].name.to_lowercase().replace('-', " ");
        let words: Vec<&str> = full.split_whitespace().collect();
        let part_of_name = (end..run).all(|k| !self.doc.tokens[k].is_word() || words.contains(&self.low(k)));
        // "Abdullah bin Zayed Al-Nahyan", "Tamim bin Hamad Al Thani": a family's name after
        // "Al" goes on a name the gazetteer gives without it.
        let family = self.low(end) == "al" && self.doc.tokens[end].is_capitalised() && run <= end + 3;
        if part_of_name || family {
            self.list[m].end = run as u32;
            for k in end..run {
                self.owner[k - self.range.start as usize] = m as i32;
            }
        }
    }

    /// The country of the document's dateline, once read.
    pub(super) fn dateline_country(&self) -> Option<u32> {
        self.dateline_country
    }

    /// The tokens inside closed quotations of the sentences read, document-wide.
    pub(super) fn into_quotations(self) -> Vec<Range<u32>> {
        self.quotations
    }

    /// A wire dateline opening the sentence, its place in capitals, which the gazetteer's
    /// case rules leave alone: "PORT SUDAN, Sudan (AP) —", "KYIV (Reuters) -".
    pub(super) fn dateline(&mut self) {
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let caps = |x: usize| x < end && self.doc.tokens[x].is_word() && self.doc.tokens[x].is_all_caps();
        let joined = |x: usize| x < end && !self.doc.tokens[x].space_before();
        let mut k = start;
        let mut words = 0;
        while k < end && words < 4 {
            if caps(k) {
                k += 1;
                words += 1;
            } else if k > start && joined(k) && self.low(k) == "-" && caps(k + 1) && joined(k + 1) {
                // "PORT-AU-PRINCE"
                k += 1;
            } else if k > start && joined(k) && self.is_clitic_s(k) {
                // "COX'S BAZAR"
                k += 1;
            } else {
                break;
            }
        }
        if k == start {
            self.mixed_case_dateline();
            return;
        }
        // "QUETTA: At least 26 people …" needs no dash.
        let colon = self.low(k) == ":";
        if !matches!(self.low(k), "," | "(" | ":") {
            return;
        }
        // A mention inside the place's name ("AU" in "PORT-AU-PRINCE") gives way to it.
        let inside = (start..k).find_map(|x| self.owner(x));
        let inside_only = inside.is_none_or(|o| {
            let (s, e) = (self.list[o].start as usize, self.list[o].end as usize);
            s >= start && e <= k && (start..k).all(|x| self.owner(x).is_none_or(|p| p == o))
        });
        if !inside_only || (start..k).any(|x| self.owner(x).is_none() && self.taken(x)) {
            return;
        }
        let dash = |x: usize| self.is_dash(x) && self.doc.tokens[x].space_before();
        if !colon && !(k..end.min(start + 16)).any(dash) {
            return;
        }
        let place = self
            .st
            .gazetteer
            .lookup(self.doc.span_text(start, k))
            .iter()
            .copied()
            .find(|known| matches!(known, Known::Place(_) | Known::Country(_) | Known::Region(_) | Known::Area(_)));
        if let Some(place) = place {
            let m = self.mention(start, k, Referent::Known(place), Form::Name, "dateline", 0.85);
            match inside {
                Some(o) => self.replace(o, m),
                None => self.add(m),
            };
            // "JUBA, South Sudan —": the country of the document's place.
            if self.dateline_country.is_none() {
                self.dateline_country = self.known_country(place);
            }
        }
    }

    /// A byline of its own ("By Amy Sawitta Lefevre and Surapan Boonthanom"): the names
    /// after "By", joined by commas or "and", are the authors'. Only a line that is that
    /// and nothing else.
    pub(super) fn byline(&mut self) {
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        if self.low(start) != "by" || !self.doc.tokens[start].is_capitalised() || end > start + 16 {
            return;
        }
        let mut names = Vec::new();
        let mut k = start + 1;
        loop {
            let Some(e) = self.name_run(k, 4).filter(|&e| e >= k + 2) else {
                return;
            };
            names.push((k, e));
            match self.low(e) {
                _ if e >= end => break,
                "and" | "," | "&" => k = e + 1,
                _ => return,
            }
        }
        for (a, b) in names {
            let name = self.doc.span_text(a, b).to_owned();
            let m = self.mention(a, b, self.person(name), Form::Name, "byline", 0.8);
            self.add(m);
        }
    }

    /// People listed after a plural office ("government ministers Puttipong Punnakanta,
    /// Nataphol Teepsuwan and Thaworn Senniam"): two names or more, each of two words or
    /// more, joined by commas and "and". Each holds the office in the country a demonym
    /// or a possessor before the office names, else (a state's office) in the country the
    /// document is about.
    pub(super) fn plural_office_names(&mut self) {
        if self.any & PLURAL_OFFICE == 0 {
            return;
        }
        let (from, stop) = (self.range.start as usize, self.range.end as usize);
        for i in from..stop.saturating_sub(2) {
            if !self.is(i, PLURAL_OFFICE) || !self.is_lower_word(i) || !self.doc.tokens[i + 1].is_capitalised() {
                continue;
            }
            let singular = &self.low(i)[..self.low(i).len() - 1];
            let Some(title) =
                self.data.lexicon.titles.iter().find(|t| t.phrase == singular && t.kind == TitleKind::Office)
            else {
                continue;
            };
            let mut names = Vec::new();
            let mut k = i + 1;
            while let Some(mut e) = self.name_run(k, 4).filter(|&e| e >= k + 2 && self.free(k, e)) {
                // "foreign ministers Dante Caputo of Argentina and Jaime del Valle of
                // Chile": each name's own state.
                let at = if self.low(e + 1) == "the" { e + 2 } else { e + 1 };
                let state = (self.low(e) == "of")
                    .then(|| self.mention_starting_at(at))
                    .flatten()
                    .filter(|&c| self.known_type(c) == Some(EntityType::Country));
                names.push((k, e, state));
                if let Some(c) = state {
                    e = self.list[c].end as usize;
                }
                k = match (self.low(e), self.low(e + 1)) {
                    (",", "and") => e + 2,
                    ("," | "and", _) => e + 1,
                    _ => break,
                };
            }
            if names.len() < 2 {
                continue;
            }
            let role = capitalise_first(&title.role);
            let state = title.scope == TitleScope::State;
            let qualifier = self
                .qualifier_before(self.before_adjectives(i), title.local())
                .filter(|&(q, _)| self.country_of(q).is_some());
            for (a, b, own_state) in names {
                let name = self.doc.span_text(a, b).to_owned();
                let m = self.mention(a, b, self.person(name), Form::Name, "plural-office", 0.75);
                let p = self.add(m);
                match own_state.or(qualifier.map(|(q, _)| q)) {
                    Some(q) => self.fact(
                        p,
                        Predicate::RoleIn,
                        FactObject::Mention(q as u32),
                        Some(role.clone()),
                        "plural-office",
                    ),
                    None if state => self.fact(
                        p,
                        Predicate::RoleIn,
                        FactObject::DocumentCountry,
                        Some(role.clone()),
                        "plural-office",
                    ),
                    None => {}
                }
            }
        }
    }

    /// Whether token `x` is a dash of a dateline ("-", "--", "–", "—").
    fn is_dash(&self, x: usize) -> bool {
        matches!(self.low(x), "-" | "--" | "\u{2013}" | "\u{2014}")
    }

    /// A line of the document's place and date before its text ("Dhaka, Thursday, August
    /// 8, 2024"), with the line's gazetteer matches: the place's country is the dateline's.
    pub(super) fn heading_dateline(&mut self, range: Range<u32>, matches: &[GazetteerMatch]) {
        let (start, end) = (range.start as usize, range.end as usize);
        if self.dateline_country.is_some() || end <= start + 2 || end > start + 12 {
            return;
        }
        let Some(g) = matches.first().filter(|g| g.start == self.doc.tokens[start].start) else {
            return;
        };
        if !matches!(g.known, Known::Place(_) | Known::Country(_) | Known::Region(_) | Known::Area(_)) {
            return;
        }
        let Some(after) = self.doc.token_ending_at(g.end).map(|b| b + 1) else {
            return;
        };
        // The rest of the line is a date, with its year.
        let year = (after..end).any(|k| {
            let w = self.doc.low(k);
            w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
        });
        if after < end && self.doc.low(after) == "," && year {
            self.dateline_country = self.known_country(g.known);
        }
    }

    /// A wire dateline whose place is written as a name, which the gazetteer has found:
    /// "Manila (AFP) -", "Beirut, Lebanon (AP) —". The agency in parentheses and the dash
    /// right after them tell it from a sentence that opens with a place.
    fn mixed_case_dateline(&mut self) {
        if self.dateline_country.is_some() {
            return;
        }
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let Some(m) = self.owner(start).filter(|&m| self.list[m].start as usize == start) else {
            return;
        };
        let place = match self.list[m].referent {
            Referent::Known(known @ (Known::Place(_) | Known::Country(_) | Known::Region(_) | Known::Area(_))) => known,
            _ => return,
        };
        let mut k = self.list[m].end as usize;
        // "Beirut, Lebanon (AP)": the place's country after it.
        if self.low(k) == "," {
            match self.mention_starting_at(k + 1) {
                Some(c) if self.known_type(c) == Some(EntityType::Country) => k = self.list[c].end as usize,
                _ => return,
            }
        }
        if self.low(k) != "(" {
            return;
        }
        // The agency: one to four capitalised words ("AFP", "Reuters", "Xinhua").
        let Some(close) = (k + 2..end.min(k + 6)).find(|&x| self.low(x) == ")") else {
            return;
        };
        let agency = (k + 1..close).all(|x| self.doc.tokens[x].is_word() && self.doc.tokens[x].is_capitalised());
        if agency && close + 1 < end && self.is_dash(close + 1) {
            self.dateline_country = self.known_country(place);
        }
    }

    /// "the Sudan People's Liberation Army": a country's name right before the name of
    /// another state's body that the gazetteer knows (China's People's Liberation Army)
    /// opens a body's name of its own.
    pub(super) fn foreign_bodies(&mut self) {
        for q in 0..self.list.len() {
            let m = &self.list[q];
            let Referent::Known(Known::Country(c)) = m.referent else { continue };
            let end = m.end as usize;
            if m.inner || m.form != Form::Name || !self.in_range(end) || !self.doc.tokens[end].space_before() {
                continue;
            }
            let Some(o) = self.mention_starting_at(end) else { continue };
            let Referent::Known(Known::Organisation(oi)) = self.list[o].referent else { continue };
            let body = &self.data.organisations[oi as usize];
            if body.country.is_empty() || body.country == self.data.countries[c as usize].iso2 {
                continue;
            }
            let (start, stop) = (m.start as usize, self.list[o].end as usize);
            let name = self.doc.span_text(start, stop).to_owned();
            let subtype = body.subtype.clone();
            let referent = Referent::New(NewName { name, etype: EntityType::Organisation, subtype });
            let own = self.mention(start, stop, referent, Form::Name, "foreign-body-name", 0.7);
            // The country's name is a word of the body's ("the United States Air Force").
            self.list[q].inner = true;
            self.list[q].referent = Referent::Discarded;
            self.replace(o, own);
        }
    }

    pub(super) fn compounds(&mut self) {
        let lex = &self.data.lexicon;
        let n = self.list.len();
        for q in 0..n {
            if self.list[q].inner {
                continue;
            }
            let qend = self.list[q].end as usize;
            let possessive = self.is_clitic_s(qend);
            let k = if possessive { qend + 1 } else { qend };
            if !self.in_range(k) {
                continue;
            }
            let qform = self.list[q].form;
            let qtype = self.known_type(q);
            // Only demonyms, possessors and bare country names qualify a compound.
            let country = if possessive || qform == Form::Demonym || qtype == Some(EntityType::Country) {
                self.country_of(q)
            } else {
                None
            };
            // "Germany's Foreign Office": a ministry's common name that the gazetteer gives
            // another country's ministry is this country's.
            let foreign = self.owner(k).filter(|&o| {
                let Referent::Known(Known::Organisation(oi)) = self.list[o].referent else { return false };
                let theirs = &self.data.organisations[oi as usize].country;
                let ours = country.map(|c| &self.data.countries[c as usize].iso2);
                self.list[o].start as usize == k
                    && ours.is_some_and(|c| !theirs.is_empty() && c != theirs)
                    && self.may_start(k, MINISTRY_START)
                    && self.st.ministries.longest_at(self.doc, k).is_some_and(|(_, e)| e == self.list[o].end as usize)
            });
            if self.owner(k).is_some() && foreign.is_none() {
                continue;
            }
            let start = self.list[q].start as usize;
            // "Sudan's army-aligned government": a compound adjective ("word-word") before
            // the head noun is no head of its own.
            let mut k = k;
            while self.is_lower_word(k)
                && self.low(k + 1) == "-"
                && !self.doc.tokens[k + 1].space_before()
                && self.is_lower_word(k + 2)
                && !self.doc.tokens[k + 2].space_before()
            {
                k += 3;
            }
            // "the Gaza health ministry": a place's ministry that the gazetteer lists.
            let place = country.is_none()
                && qform == Form::Name
                && matches!(
                    self.list[q].referent,
                    Referent::Known(Known::Place(_) | Known::Region(_) | Known::Area(_))
                );
            // A ministry is looked for only after a country or a place.
            let ministry = ((country.is_some() || place) && self.may_start(k, MINISTRY_START))
                .then(|| self.st.ministries.longest_at(self.doc, k))
                .flatten();
            if place {
                if let Some((&mi, end)) = ministry {
                    let name = [self.doc.span_text(start, k), " ", &lex.ministries[mi as usize].canonical].concat();
                    let known =
                        self.st.gazetteer.lookup(&name).iter().find(|x| matches!(x, Known::Organisation(_))).copied();
                    if let Some(o) = known {
                        let m = self.mention(start, end, Referent::Known(o), Form::Compound, "ministry", 0.85);
                        self.wrap(&[q], m);
                        continue;
                    }
                }
            }
            if let Some(c) = country {
                if let Some((&mi, end)) = ministry {
                    let m = self.mention(start, end, self.state_ministry(c, mi), Form::Compound, "ministry", 0.9);
                    let new = match foreign {
                        Some(o) => {
                            self.list[q].inner = true;
                            self.replace(o, m)
                        }
                        None => self.wrap(&[q], m),
                    };
                    let object = self.country_object(q, c);
                    self.fact(new, Predicate::PartOf, object, None, "ministry");
                    continue;
                }
            }
            // "Burkina Faso's military junta": one adjective before a noun of government,
            // after a country's possessive or demonym (not "Wang Yi met junta leader …").
            let adjective = (possessive || qform == Form::Demonym) && self.is_lower_word(k);
            if adjective && !self.is(k, GOVERNMENT_NOUN) && self.is(k + 1, GOVERNMENT_NOUN) {
                k += 1;
            }
            if let Some((&fi, end)) =
                self.may_start(k, FORCE_START).then(|| self.st.forces.longest_at(self.doc, k)).flatten()
            {
                let f = &lex.forces[fi as usize];
                // "the Israeli military said", "Israeli military spokesman X" (the forces'
                // spokesman), not "the Israeli military operation".
                let title_after = self.may_start(end, TITLE_START)
                    && self.st.titles.longest_at(self.doc, end).is_some_and(|(&t, _)| {
                        lex.word_classes.contains(WordClass::ForcesOffice, &lex.titles[t as usize].phrase)
                    });
                // (A verb in the past after it makes it the subject: "the Thai military
                // pursued them".)
                if f.phrase == "military"
                    && self.is_lower_word(end)
                    && !self.is(end, WORD_AFTER_SUBJECT)
                    && !self.low(end).ends_with("ed")
                    && !title_after
                {
                    continue;
                }
                if let (Some(c), true) = (country, f.with_country) {
                    // "the Royal Thai Army", "the Royal Cambodian Armed Forces": capitalised
                    // words before a force's proper name open it.
                    let from = if self.doc.tokens[k].is_capitalised() { self.free_name_start(start) } else { start };
                    let name = if from < start {
                        self.doc.span_text(from, end).to_owned()
                    } else {
                        [self.st.demonym(c), " ", &f.canonical].concat()
                    };
                    let mut referent = self.known_or_new(&name, EntityType::Organisation, &f.subtype);
                    // "the Congolese army": a state without an army of its own in the
                    // gazetteer, its armed forces.
                    if matches!(referent, Referent::New(_)) && from == start && f.canonical == "Army" {
                        if let Some(k) = self.armed_forces(c) {
                            referent = Referent::Known(k);
                        }
                    }
                    let m = self.mention(from, end, referent, Form::Compound, "forces", 0.9);
                    let new = self.wrap(&[q], m);
                    let object = self.country_object(q, c);
                    self.fact(new, Predicate::PartOf, object, None, "forces");
                } else if qtype == Some(EntityType::Organisation) && f.with_organisation {
                    // "RSF forces", "Wagner troops", "Hamas militants", "Hezbollah's
                    // fighters": the organisation itself.
                    let referent = self.list[q].referent.clone();
                    let m = self.mention(start, end, referent, Form::Compound, "forces", 0.9);
                    self.wrap(&[q], m);
                } else if let (true, Referent::Known(Known::Person(p))) = (possessive, &self.list[q].referent) {
                    // "Prigozhin's forces": the organisation the person leads.
                    let org = &self.data.people[*p as usize].organisation;
                    if let Some(k) = self.st.gazetteer.lookup(org).iter().find(|k| matches!(k, Known::Organisation(_)))
                    {
                        let m = self.mention(start, end, Referent::Known(*k), Form::Compound, "forces", 0.85);
                        self.wrap(&[q], m);
                    }
                }
                continue;
            }
            // "the Estonian parliament", "Iran's parliament": the state's parliament, as
            // the gazetteer knows it when it knows one.
            if let Some(c) = country
                .filter(|_| self.is_lower_word(k) && lex.word_classes.contains(WordClass::LegislatureNoun, self.low(k)))
            {
                let iso = &self.data.countries[c as usize].iso2;
                let mut known = self
                    .data
                    .organisations
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.subtype == "Parliament" && o.country == *iso);
                let referent = match (known.next(), known.next()) {
                    (Some((oi, _)), None) => Referent::Known(Known::Organisation(oi as u32)),
                    _ => {
                        let name = [self.st.demonym(c), " Parliament"].concat();
                        self.known_or_new(&name, EntityType::Organisation, "Parliament")
                    }
                };
                let m = self.mention(start, k + 1, referent, Form::Compound, "legislature", 0.85);
                let new = self.wrap(&[q], m);
                let object = self.country_object(q, c);
                self.fact(new, Predicate::PartOf, object, None, "legislature");
                continue;
            }
            if self.is(k, GOVERNMENT_NOUN) {
                let gov_country = country.or_else(|| match &self.list[q].referent {
                    Referent::Known(Known::Person(p)) => {
                        let iso = &self.data.people[*p as usize].country;
                        self.data.country_by_iso(iso).map(|c| c as u32)
                    }
                    _ => None,
                });
                if let Some(c) = gov_country {
                    let m = self.mention(
                        start,
                        k + 1,
                        Referent::Known(Known::Country(c)),
                        Form::Compound,
                        "government",
                        0.9,
                    );
                    self.wrap(&[q], m);
                }
            }
        }
        self.government_of_country();
        self.ministries_of_country();
        self.possessed_ministries();
        self.dateline_ministries();
    }

    /// "Officials from Iran said", "representatives of Mali": the state's government, as
    /// "Iranian officials" is.
    fn government_of_country(&mut self) {
        let from = self.range.start as usize;
        for q in 0..self.list.len() {
            let m = &self.list[q];
            let start = m.start as usize;
            if m.inner || m.form != Form::Name || start < from + 2 || !matches!(self.low(start - 1), "from" | "of") {
                continue;
            }
            let Referent::Known(Known::Country(c)) = m.referent else { continue };
            let noun = start - 2;
            if !self.is(noun, GOVERNMENT_NOUN) || self.owner(noun).is_some() {
                continue;
            }
            let referent = Referent::Known(Known::Country(c));
            let g = self.mention(noun, m.end as usize, referent, Form::Compound, "government", 0.85);
            self.wrap(&[q], g);
        }
    }

    /// "the Ministry of Defence of the Russian Federation": a ministry's name and the
    /// country it is of, one ministry `part_of` the country (as "Russia's Ministry of
    /// Defence" is).
    fn ministries_of_country(&mut self) {
        if self.any & MINISTRY_START == 0 {
            return;
        }
        let from = self.range.start as usize;
        for q in 0..self.list.len() {
            let m = &self.list[q];
            let start = m.start as usize;
            if m.inner || m.form != Form::Name || start < from + 3 {
                continue;
            }
            let Referent::Known(Known::Country(c)) = m.referent else { continue };
            let of = if self.low(start - 1) == "the" { start - 2 } else { start - 1 };
            if self.low(of) != "of" {
                continue;
            }
            let ministry = (of.saturating_sub(6).max(from)..of).find_map(|k| {
                let found = self.may_start(k, MINISTRY_START).then(|| self.st.ministries.longest_at(self.doc, k));
                found.flatten().filter(|&(_, end)| end == of).map(|(&mi, _)| (k, mi))
            });
            let Some((k, mi)) = ministry else { continue };
            // Not "Russia's Ministry of Defence of …", nor a name the ministry's words
            // are only part of.
            let old = self.owner(k);
            if self.owner(k.wrapping_sub(1)).is_some()
                || self.is_clitic_s(k.wrapping_sub(1))
                || old.is_some_and(|o| self.list[o].start as usize != k || self.list[o].end as usize > of)
            {
                continue;
            }
            let end = self.list[q].end as usize;
            let mention = self.mention(k, end, self.state_ministry(c, mi), Form::Compound, "ministry", 0.85);
            self.list[q].inner = true;
            let new = match old {
                Some(o) => self.replace(o, mention),
                None => self.add(mention),
            };
            self.fact(new, Predicate::PartOf, FactObject::Mention(q as u32), None, "ministry");
        }
    }

    /// "the African Union Mission to Somalia", "the UN Assistance Mission in Afghanistan":
    /// a known organisation's name, capitalised words ending in a noun of a mission
    /// (`mission-noun`), "in", "to" or "for" and a country or a place: one organisation.
    pub(super) fn mission_names(&mut self) {
        let classes = &self.data.lexicon.word_classes;
        for q in 0..self.list.len() {
            let m = &self.list[q];
            if m.inner || !matches!(m.referent, Referent::Known(Known::Organisation(_))) {
                continue;
            }
            let (start, end) = (m.start as usize, m.end as usize);
            let mut k = end;
            while k < end + 4 && self.in_range(k) && self.owner(k).is_none() && self.doc.tokens[k].is_capitalised() {
                k += 1;
            }
            if k == end || !classes.contains(WordClass::MissionNoun, self.low(k - 1)) {
                continue;
            }
            if !matches!(self.low(k), "in" | "to" | "for") {
                continue;
            }
            let at = if self.low(k + 1) == "the" { k + 2 } else { k + 1 };
            let Some(r) = self.mention_starting_at(at) else { continue };
            let place = matches!(
                self.list[r].referent,
                Referent::Known(Known::Country(_) | Known::Place(_) | Known::Region(_))
            );
            if self.list[r].inner || !place {
                continue;
            }
            let end = self.list[r].end as usize;
            let name = self.doc.span_text(start, end).to_owned();
            let referent = self.known_or_new(&name, EntityType::Organisation, "");
            let mission = self.mention(start, end, referent, Form::Name, "mission-name", 0.75);
            self.list[r].inner = true;
            self.replace(q, mission);
        }
    }

    /// "the Saudi-led military coalition", "the US-led coalition": a coalition (an
    /// alliance) named by the state or the body that leads it, a new organisation.
    pub(super) fn led_coalitions(&mut self) {
        let classes = &self.data.lexicon.word_classes;
        for q in 0..self.list.len() {
            let m = &self.list[q];
            let end = m.end as usize;
            if m.inner
                || !self.is_byte(end, b'-')
                || self.doc.tokens[end].space_before()
                || self.low(end + 1) != "led"
                || !matches!(self.known_type(q), Some(EntityType::Country | EntityType::Organisation))
            {
                continue;
            }
            // Up to two words between: "military", "international".
            let Some(noun) = (end + 2..end + 5)
                .take_while(|&k| self.is_lower_word(k) && self.owner(k).is_none())
                .find(|&k| classes.contains(WordClass::CoalitionNoun, self.low(k)))
            else {
                continue;
            };
            let start = m.start as usize;
            let name = self.doc.span_text(start, noun + 1).to_owned();
            let referent = Referent::New(NewName { name, etype: EntityType::Organisation, subtype: "Alliance".into() });
            let coalition = self.mention(start, noun + 1, referent, Form::Name, "led-coalition", 0.7);
            self.wrap(&[q], coalition);
        }
    }

    /// A name, "of" and an organisation's name: a body's part ("the Military Airlift
    /// Command of the United States Air Force"), or a person's body ("Lieutenant Colonel
    /// Oliver North of the National Security Council": a member's role, when no title gave
    /// one).
    pub(super) fn names_of_organisations(&mut self) {
        for q in 0..self.list.len() {
            let m = &self.list[q];
            let mut end = m.end as usize;
            if m.inner || m.form != Form::Name {
                continue;
            }
            // "Mr Ron Redmond, of the UNHCR, said": a person's body set off by commas.
            let set_off =
                self.low(end) == "," && self.low(end + 1) == "of" && self.known_type(q) == Some(EntityType::Person);
            if set_off {
                end += 1;
            } else if self.low(end) != "of" {
                continue;
            }
            let at = if self.low(end + 1) == "the" { end + 2 } else { end + 1 };
            let Some(r) = self.mention_starting_at(at) else { continue };
            if self.list[r].inner || self.list[r].form == Form::Pronoun {
                continue;
            }
            // "President Ferdinand Marcos of the Philippines": the state of an office its
            // title left to the context.
            if self.known_type(r) == Some(EntityType::Country) && !self.is_clitic_s(self.list[r].end as usize) {
                let guessed = self.facts.iter_mut().find(|f| {
                    f.subject == q as u32
                        && f.predicate == Predicate::RoleIn
                        && matches!(f.rule, "title-focus" | "title-dateline" | "title-locative")
                });
                if let Some(f) = guessed {
                    f.object = FactObject::Mention(r as u32);
                    f.rule = "title-of-state";
                }
                continue;
            }
            if self.known_type(r) != Some(EntityType::Organisation) {
                continue;
            }
            match self.known_type(q) {
                Some(EntityType::Organisation) if !set_off => {
                    self.fact(q, Predicate::PartOf, FactObject::Mention(r as u32), None, "organisation-of");
                }
                Some(EntityType::Person) => {
                    let role = self
                        .facts
                        .iter()
                        .find(|f| f.subject == q as u32 && f.predicate == Predicate::RoleIn)
                        .and_then(|f| f.role.clone())
                        .unwrap_or_else(|| "Member".to_owned());
                    self.fact(q, Predicate::RoleIn, FactObject::Mention(r as u32), Some(role), "person-of");
                }
                _ => {}
            }
        }
    }

    /// "QUETTA, Pakistan (AP) — … Foreign Office spokesman Shafqat Ali Khan said": a
    /// ministry that nothing qualifies, in a sentence that names no other state before it,
    /// is the dateline country's (not the state whose ministry the gazetteer knows by that
    /// name).
    fn dateline_ministries(&mut self) {
        let Some(c) = self.dateline_country.filter(|_| self.any & MINISTRY_START != 0) else {
            return;
        };
        let iso = &self.data.countries[c as usize].iso2;
        for k in self.range.start as usize..self.range.end as usize {
            if !self.doc.tokens[k].is_capitalised()
                || self.owner(k.wrapping_sub(1)).is_some()
                || !self.may_start(k, MINISTRY_START)
            {
                continue;
            }
            let Some((&mi, end)) = self.st.ministries.longest_at(self.doc, k) else { continue };
            // Free tokens, or another state's ministry the gazetteer knows by the name.
            let other_state = |o: usize| match self.list[o].referent {
                Referent::Known(Known::Organisation(oi)) => {
                    let theirs = &self.data.organisations[oi as usize].country;
                    let (s, e) = (self.list[o].start as usize, self.list[o].end as usize);
                    s == k && e == end && !theirs.is_empty() && theirs != iso
                }
                _ => false,
            };
            if self.owner(k).is_some_and(|o| !other_state(o)) {
                continue;
            }
            let named_before = self
                .list
                .iter()
                .any(|m| (m.end as usize) <= k && !m.inner && self.country_of_mention(m).is_some_and(|x| x != c));
            // "the Foreign Office in Islamabad": the place says whose.
            let placed = self.low(end) == "in" && self.mention_starting_at(end + 1).is_some();
            if named_before || placed || self.is_clitic_s(k.wrapping_sub(1)) {
                continue;
            }
            let m = self.mention(k, end, self.state_ministry(c, mi), Form::Compound, "ministry-dateline", 0.75);
            let new = match self.owner(k) {
                Some(o) => self.replace(o, m),
                None => self.add(m),
            };
            self.fact(new, Predicate::PartOf, FactObject::Known(Known::Country(c)), None, "ministry-dateline");
        }
    }

    /// "Russia said its Defence Ministry …": a ministry after "its" belongs to the country
    /// named last before it in the sentence, when no other actor comes between.
    fn possessed_ministries(&mut self) {
        if self.any & NEUTER == 0 {
            return;
        }
        for k in self.range.start as usize..self.range.end as usize {
            if self.words[k] & NEUTER == 0
                || self.low(k) != "its"
                || self.owner(k + 1).is_some()
                || !self.may_start(k + 1, MINISTRY_START)
            {
                continue;
            }
            let Some((&mi, end)) = self.st.ministries.longest_at(self.doc, k + 1) else { continue };
            let last = (0..self.list.len()).rev().find(|&q| !self.list[q].inner && (self.list[q].end as usize) <= k);
            let Some(q) = last else { continue };
            let Some(c) = self.country_of(q).filter(|_| self.known_type(q) == Some(EntityType::Country)) else {
                continue;
            };
            let m = self.mention(k + 1, end, self.state_ministry(c, mi), Form::Compound, "ministry", 0.8);
            let new = self.add(m);
            self.fact(new, Predicate::PartOf, FactObject::Mention(q as u32), None, "ministry");
        }
    }

    /// The fact object for a qualifier standing for country `c`: the qualifier itself, or
    /// the country when the qualifier is its capital ("Kyiv's forces").
    fn country_object(&self, q: usize, c: u32) -> FactObject {
        match self.list[q].referent {
            Referent::Known(Known::Country(_)) => FactObject::Mention(q as u32),
            _ => FactObject::Known(Known::Country(c)),
        }
    }

    /// Country `c`'s ministry of the lexicon's ministry `mi` ("Polish Foreign Ministry"),
    /// known or new.
    fn state_ministry(&self, c: u32, mi: u32) -> Referent {
        let name = [self.st.demonym(c), " ", &self.data.lexicon.ministries[mi as usize].canonical].concat();
        self.known_or_new(&name, EntityType::Organisation, "Ministry")
    }

    fn known_or_new(&self, name: &str, etype: EntityType, subtype: &str) -> Referent {
        for k in self.st.gazetteer.lookup(name) {
            if k.entity_type() == etype {
                return Referent::Known(*k);
            }
        }
        Referent::New(NewName { name: name.to_owned(), etype, subtype: subtype.to_owned() })
    }

    /// Role modifiers before token `i` ("former", "then-"): the first token of the
    /// modifiers and the prefix for the role ("then" and "new" give none).
    fn modifiers_before(&self, i: usize) -> (usize, String) {
        let mut k = i;
        let mut prefix = String::new();
        loop {
            if k >= 2 && self.low(k - 1) == "-" && self.is(k - 2, ROLE_MODIFIER) {
                prefix = modifier_prefix(self.low(k - 2)).unwrap_or(prefix);
                k -= 2;
            } else if k >= 1 && self.is(k - 1, ROLE_MODIFIER) && self.is_lower_word(k - 1) {
                prefix = modifier_prefix(self.low(k - 1)).unwrap_or(prefix);
                k -= 1;
            } else if k >= 1 && self.kind(k - 1) == Some(TokenKind::Word) && self.low(k - 1) == "former" {
                prefix = "Former ".into();
                k -= 1;
            } else {
                break;
            }
        }
        (k, prefix)
    }

    /// "of (the)? X('s)? (lowercase words)?" at token `j`: the mention X and the index
    /// after the phrase.
    fn of_entity(&self, j: usize) -> Option<(usize, usize)> {
        if self.low(j) != "of" {
            return None;
        }
        let mut k = j + 1;
        // (Over "the", unless a name opens with it: "President of The Gambia".)
        if self.low(k) == "the" && self.mention_starting_at(k).is_none() {
            k += 1;
        }
        // "the leader of the IS-affiliated Abu Sayyaf group": past a compound adjective.
        if self.compound_adjective_end(k + 2) {
            k += 3;
        }
        // "the chairperson of the opposition Bangladesh Nationalist Party", "of the ruling
        // Awami League": words before an organisation's name.
        let adjectives = (k..k + 3).find(|&a| !self.is_lower_word(a)).unwrap_or(k);
        let m = match self.mention_starting_at(k) {
            Some(m) => m,
            None if adjectives > k => self
                .mention_starting_at(adjectives)
                .filter(|&o| self.known_type(o) == Some(EntityType::Organisation))?,
            None => return None,
        };
        let mut end = self.list[m].end as usize;
        if self.is_clitic_s(end) {
            end += 1;
            // "secretary of Russia's Security Council": the organisation the possessor has.
            if let Some(o) =
                self.mention_starting_at(end).filter(|&o| self.known_type(o) == Some(EntityType::Organisation))
            {
                return Some((o, self.list[o].end as usize));
            }
            while self.is_lower_word(end) && !matches!(self.low(end), "and" | "said" | "who") {
                end += 1;
            }
        }
        Some((m, end))
    }

    /// The person a name after a title stands for: a known person, or a new one.
    fn person(&self, name: String) -> Referent {
        match self.st.gazetteer.lookup(&name).first() {
            Some(k @ Known::Person(_)) => Referent::Known(*k),
            _ => Referent::New(NewName { name, etype: EntityType::Person, subtype: String::new() }),
        }
    }

    pub(super) fn titles(&mut self) {
        if self.any & TITLE_START == 0 {
            return;
        }
        let lex = &self.data.lexicon;
        let mut i = self.range.start as usize;
        while i < self.range.end as usize {
            let found = self.may_start(i, TITLE_START).then(|| self.st.titles.longest_at(self.doc, i)).flatten();
            let Some((&tid, j)) = found else {
                i += 1;
                continue;
            };
            if !self.free(i, j) {
                i += 1;
                continue;
            }
            let title = &lex.titles[tid as usize];
            let capital_title = self.doc.tokens[i].is_capitalised();
            // "a Houthi military spokesman": adjectives between the qualifier and the title.
            let adjectives = self.before_adjectives(i);
            let (mut mstart, mut prefix) = self.modifiers_before(adjectives);
            let mut qualifier = self.qualifier_before(mstart, title.local());
            // "EU Enlargement Commissioner Marta Kos": up to two capitalised words of a
            // portfolio between an organisation or a country and the title.
            if qualifier.is_none() && capital_title {
                let mut k = mstart;
                while k > self.range.start as usize
                    && mstart - k < 2
                    && self.doc.tokens[k - 1].is_word()
                    && self.doc.tokens[k - 1].is_capitalised()
                    && self.owner(k - 1).is_none()
                    && !self.is(k - 1, STOPWORD)
                {
                    k -= 1;
                }
                let holder =
                    (k < mstart).then(|| self.qualifier_before(k, title.local())).flatten().filter(|&(q, _)| {
                        matches!(self.known_type(q), Some(EntityType::Organisation | EntityType::Country))
                    });
                if holder.is_some() {
                    prefix = format!("{prefix}{} ", self.doc.span_text(k, mstart));
                    mstart = k;
                    qualifier = holder;
                }
            }
            // "Russia's U.N. Ambassador": an envoy's state before the organisation of the post.
            if let Some((q, false)) = qualifier.filter(|_| title.scope == TitleScope::Envoy) {
                let before = self.list[q].start as usize;
                if self.known_type(q) == Some(EntityType::Organisation) {
                    if let Some(c) = self
                        .qualifier_before(before, false)
                        .filter(|&(c, possessive)| possessive && self.known_type(c) == Some(EntityType::Country))
                    {
                        qualifier = Some(c);
                    }
                }
            }
            // "Colonel Major Amadou Abdramane", "spokesman Rear Admiral Daniel Hagari": a
            // second title before the name, new or known.
            let mut j = j;
            let known_person = |k: usize| {
                self.mention_starting_at(k)
                    .is_some_and(|m| matches!(self.list[m].referent, Referent::Known(Known::Person(_))))
            };
            // "Qatar's Prime Minister and Foreign Minister Sheikh Mohammed …": a second
            // office held with the first, joined by "and", before the name (and its titles).
            let title_end = |k: usize| {
                (self.doc.tokens.get(k).is_some_and(|t| t.is_capitalised()) && self.may_start(k, TITLE_START))
                    .then(|| self.st.titles.longest_at(self.doc, k))
                    .flatten()
                    .map(|(_, e)| e)
                    .filter(|&e| self.free(k, e))
            };
            if let Some(second) = (self.low(j) == "and" && capital_title).then(|| title_end(j + 1)).flatten() {
                let mut k = second;
                while let Some(e) = title_end(k) {
                    k = e;
                }
                if self.name_run(k, 4).is_some() || known_person(k) {
                    j = second;
                }
            }
            while self.doc.tokens.get(j).is_some_and(|t| t.is_capitalised()) && self.may_start(j, TITLE_START) {
                match self.st.titles.longest_at(self.doc, j) {
                    Some((_, k)) if self.free(j, k) && (self.name_run(k, 4).is_some() || known_person(k)) => j = k,
                    _ => break,
                }
            }
            let mut after = j;
            let mut of_q = None;
            // (A title's phrase is a few bytes: compared in place rather than searched.)
            if !title.phrase.as_bytes().windows(4).any(|w| w == b" of ") {
                if let Some((m, end)) = self.of_entity(j).or_else(|| self.new_body_of(j)) {
                    of_q = Some(m);
                    after = end;
                    // Over the acronym defined after it: "the commander of the Tigray
                    // Defence Forces (TDF), Tadesse Werede".
                    if self.is_byte(after, b'(') && self.is_byte(after + 2, b')') {
                        after += 3;
                    }
                }
            }
            // "The United Nations humanitarian coordinator for Sudan, Clementine
            // Nkweta-Salami,", "the UN's humanitarian coordinator in Lebanon, Imran Riza,":
            // the title's domain, before the comma of the name.
            if of_q.is_none() && matches!(self.low(j), "for" | "in" | "to") {
                let k = if self.low(j + 1) == "the" { j + 2 } else { j + 1 };
                // ("US Ambassador to Germany Richard Grenell": an envoy's post, and the name
                // with no comma.)
                let posted = |m: usize| {
                    let end = self.list[m].end as usize;
                    title.scope == TitleScope::Envoy
                        && self.low(j) == "to"
                        && self.free(end, end + 1)
                        && self.name_run(end, 4).is_some()
                };
                if let Some(m) =
                    self.mention_starting_at(k).filter(|&m| self.low(self.list[m].end as usize) == "," || posted(m))
                {
                    after = self.list[m].end as usize;
                }
            }
            // "the Russian president, Vladimir Putin,", "a Houthi military spokesman, Yahya
            // Saree,": a qualified title, a comma, and the name.
            // A possessive qualifier determines the title too: "Israel's representative,
            // Reut Shapir Ben-Naftaly,".
            let determined = matches!(self.low(mstart.wrapping_sub(1)), "the" | "a" | "an")
                || qualifier.is_some_and(|(_, possessive)| possessive)
                || qualifier.is_some_and(|(q, _)| {
                    let (start, end) = (self.list[q].start as usize, self.list[q].end as usize);
                    // "Iran's foreign ministry spokesman, Nasser Kanaani,": a possessive inside;
                    // "the senior U.S. adviser for Africa": adjectives before the qualifier.
                    matches!(self.low(self.before_adjectives(start).wrapping_sub(1)), "the" | "a" | "an")
                        || (start..end).any(|k| self.is_clitic_s(k))
                });
            // "Its leader, Luckson Elan,", "The gang's leader, Luckson Elan,": a possessive
            // pronoun, or a definite common noun's possessive, qualifies and determines.
            let common_possessor = self.is_clitic_s(mstart.wrapping_sub(1))
                && self.is_lower_word(mstart.wrapping_sub(2))
                && matches!(self.low(mstart.wrapping_sub(3)), "the" | "its" | "their");
            let pronoun = qualifier.is_none()
                && (matches!(self.low(mstart.wrapping_sub(1)), "its" | "their") || common_possessor);
            // "The defence minister, Gen. Choi Byung-hyuk, said": a title after "the" alone,
            // with a name set off by commas after it (past ranks).
            let enclosed = || {
                let mut k = after + 1;
                while let Some((_, e)) = self
                    .may_start(k, TITLE_START)
                    .then(|| self.st.titles.longest_at(self.doc, k))
                    .flatten()
                    .filter(|&(_, e)| e > k)
                {
                    k = e;
                }
                // (A known person's name too: "the current president, Alexander Lukashenko,".)
                let known = self.mention_starting_at(k).filter(|&m| {
                    matches!(self.list[m].referent, Referent::Known(Known::Person(_)))
                        && self.low(self.list[m].end as usize) == ","
                });
                known.is_some() || self.name_run(k, 4).is_some_and(|e| self.low(e) == ",")
            };
            let the_title = qualifier.is_none() && self.low(mstart.wrapping_sub(1)) == "the";
            let appositive = self.low(after) == ","
                && (qualifier.is_some() && determined || pronoun || the_title && enclosed())
                && title.kind == TitleKind::Office;
            // ("the Secretary-General of NATO, spokesperson Hua Jiang said": not after a
            // comma and an office of the name's own, written lowercase.)
            let own_office = || {
                self.doc.tokens.get(after + 1).is_some_and(|t| t.is_word() && !t.is_capitalised())
                    && self.office_title_end(after + 1).is_some()
            };
            let comma_before_name = self.low(after) == "," && (of_q.is_some() || appositive) && !own_office();
            let mut name_at = if comma_before_name { after + 1 } else { after };
            // "Burkina Faso's military leader, Captain Ibrahim Traoré": a rank or a title
            // after the comma opens the name.
            let opens_name = |from: usize, k: usize| {
                self.free(from, k) && self.doc.tokens.get(k).is_some_and(|t| t.is_capitalised())
            };
            while let Some((_, k)) = self
                .st
                .titles
                .longest_at(self.doc, name_at)
                .filter(|&(_, k)| comma_before_name && opens_name(name_at, k))
            {
                name_at = k;
            }
            // The person: a known person, or a capitalised name.
            let mut person = None;
            if let Some(m) = self.mention_starting_at(name_at) {
                match self.list[m].referent {
                    Referent::Known(Known::Person(_)) => person = Some(m),
                    // "Defence Minister Israel Katz", "Foreign Minister Abbas Araqchi": a
                    // place's name opening the name of the person the title is about.
                    Referent::Known(Known::Country(_) | Known::Place(_) | Known::Region(_) | Known::Area(_))
                        if (capital_title || title.kind == TitleKind::Office) && self.list[m].form == Form::Name =>
                    {
                        // (Or on over a particle of surnames: "Dr Ali bin Tamim".)
                        let from = self.list[m].end as usize;
                        let particle = self.is(from, PARTICLE) && self.is_lower_word(from);
                        let run =
                            self.name_run(from, 3).or_else(|| particle.then(|| self.name_run(from + 1, 3)).flatten());
                        // (Not a name whose head noun types it: "General Santander Police
                        // Academy".)
                        if let Some(end) = run.filter(|&end| self.head_type(name_at, end).is_none()) {
                            let name = self.doc.span_text(name_at, end).to_owned();
                            let pm = self.mention(name_at, end, self.person(name), Form::Name, "title", 0.85);
                            person = Some(self.replace(m, pm));
                        }
                    }
                    _ => {}
                }
            } else if capital_title || qualifier.is_some() || of_q.is_some() || title.kind == TitleKind::Office {
                // "the commander of the Tigray Defence Forces": a name whose head noun makes
                // it an organisation's or a place's is no person's.
                let run = self.name_run(name_at, 4).filter(|&end| self.head_type(name_at, end).is_none());
                if let Some(mut end) = run {
                    // "Foreign Minister Jalil Abbas Jilani": a place's name inside the name;
                    // "Foreign Minister Thérèse Kayikwamba Wagner": an organisation's name of
                    // one word ending it.
                    let mut inside = None;
                    if let Some(m) = self.mention_starting_at(end) {
                        let mention = &self.list[m];
                        let (m_end, name) = (mention.end as usize, mention.form == Form::Name);
                        // A one-word name ending it: a place's ("Ulrika Richardson") or an
                        // organisation's.
                        let last_word =
                            name && m_end == end + 1 && !self.doc.tokens.get(m_end).is_some_and(|t| t.is_capitalised());
                        match mention.referent {
                            Referent::Known(Known::Place(_) | Known::Region(_) | Known::Area(_)) if name => {
                                if let Some(e) = self.name_run(m_end, 2) {
                                    inside = Some(m);
                                    end = e;
                                } else if last_word {
                                    inside = Some(m);
                                    end = m_end;
                                }
                            }
                            Referent::Known(Known::Organisation(_)) if last_word => {
                                inside = Some(m);
                                end = m_end;
                            }
                            // "spokesperson Li Xi": a known person's one-word name after one
                            // word of the name is its last word ("Xi" is Xi Jinping alone).
                            Referent::Known(Known::Person(_)) if last_word && end == name_at + 1 => {
                                inside = Some(m);
                                end = m_end;
                            }
                            _ => {}
                        }
                    }
                    let single_lower_title = !capital_title && qualifier.is_none() && of_q.is_none();
                    // "the General Staff", "the General Assembly": a title right after "the"
                    // opens a name of one word only when it is an institution's.
                    let institution = mstart == i && matches!(self.low(i.wrapping_sub(1)), "the");
                    let words = (name_at..end).filter(|&k| self.doc.tokens[k].is_word()).count();
                    if !((single_lower_title || institution) && words < 2) {
                        let name = self.doc.span_text(name_at, end).to_owned();
                        let m = self.mention(name_at, end, self.person(name), Form::Name, "title", 0.85);
                        person = Some(match inside {
                            Some(old) => self.replace(old, m),
                            None => self.add(m),
                        });
                    }
                }
            }
            if person.is_none() && title.kind == TitleKind::Office {
                // "Serge Brammertz, the mechanism's chief prosecutor,": the noun phrase
                // starts at the qualifier, or at the common noun that possesses the title.
                let np = match qualifier {
                    Some((q, _)) => self.before_adjectives(self.list[q].start as usize),
                    None if common_possessor => mstart - 2,
                    None => mstart,
                };
                self.name_before_appositive(np);
            }
            // The role's name, built only for a fact or a known person's role.
            let role = || [&*prefix, &title.role].concat();
            match person {
                Some(p) => {
                    let np = qualifier.map_or(mstart, |(q, _)| (self.list[q].start as usize).min(mstart));
                    self.list[p].np_start = self.list[p].np_start.min(np as u32);
                    let name_start = self.list[p].start as usize;
                    self.claim(mstart, name_start);
                    let object = of_q.or(qualifier.map(|(q, _)| q));
                    let holder = object.filter(|&o| match self.known_type(o) {
                        Some(EntityType::Country | EntityType::Organisation) => true,
                        Some(EntityType::Place) => {
                            title.local()
                                || title.scope == TitleScope::State && of_q == Some(o) && self.self_governing(o)
                        }
                        _ => false,
                    });
                    // "Putin's spokesman Dmitry Peskov": the state of the person whose
                    // office it is.
                    let possessor_state = qualifier
                        .filter(|&(_, possessive)| possessive && of_q.is_none())
                        .and_then(|(q, _)| self.person_state(q));
                    if let Some(o) = holder {
                        self.fact(p, Predicate::RoleIn, FactObject::Mention(o as u32), Some(role()), "title");
                    } else if let Some(o) = possessor_state {
                        self.fact(p, Predicate::RoleIn, o, Some(role()), "title-possessor");
                    } else if object.is_none_or(|o| self.known_type(o) == Some(EntityType::Place)) {
                        // Nothing that holds the office qualifies it (a place holds a state's
                        // office no more than nothing does).
                        if let Referent::Known(Known::Person(pi)) = self.list[p].referent {
                            let _ = self.known_role(p, pi as usize, &role());
                        } else if let Some(object) =
                            self.including_state(mstart).filter(|_| title.scope == TitleScope::State)
                        {
                            // "78 Belarusian individuals, including Defence Minister Viktor
                            // Khrenin": one of a group the demonym qualifies holds its office.
                            self.fact(p, Predicate::RoleIn, object, Some(role()), "title-including");
                        } else if let Some(object) = self.locative_state().filter(|_| title.scope == TitleScope::State)
                        {
                            // "In Washington, Deputy Secretary of State Kurt Campbell said":
                            // where the sentence says it was spoken is the office's state.
                            self.fact(p, Predicate::RoleIn, object, Some(role()), "title-locative");
                        } else if let Some(c) = self.dateline_country.filter(|_| title.scope == TitleScope::State) {
                            // "JUBA, South Sudan — … Defence Minister Chol Thon Balok": a
                            // state's office that nothing qualifies is the dateline country's
                            // (or, when the dateline names only where the report was written,
                            // the country it is about: see the relation stage's facts).
                            let object = FactObject::Known(Known::Country(c));
                            self.fact(p, Predicate::RoleIn, object, Some(role()), "title-dateline");
                        } else if title.scope == TitleScope::State {
                            // "Interior Cabinet Secretary Kithure Kindiki" with no dateline: the
                            // office of the country the report is about, if it is about one.
                            self.fact(p, Predicate::RoleIn, FactObject::DocumentCountry, Some(role()), "title-focus");
                        }
                    }
                    i = self.list[p].end as usize;
                }
                None => {
                    // An unnamed office holder ("North Korea's general delegate").
                    if let (Some((q, true)), TitleKind::Office) = (qualifier, title.kind) {
                        if self.free(i, j) && self.country_of(q).is_some() {
                            let start = self.list[q].start as usize;
                            let m = self.mention(start, j, Referent::Role(q as u32), Form::Role, "office", 0.8);
                            self.wrap(&[q], m);
                        }
                    } else if qualifier.is_none()
                        && title.kind == TitleKind::Office
                        && mstart == i
                        && self.low(i.wrapping_sub(1)) == "the"
                        && self.free(i, j)
                        && !matches!(self.low(j), "of" | "for")
                    {
                        // "the prime minister said", "The Federal Chancellor condemned": the
                        // person last named with that office.
                        let referent = Referent::Anaphor(EntityType::Person, vec![title.role.clone()]);
                        let m = self.mention(i - 1, j, referent, Form::Anaphor, "title-anaphor", 0.7);
                        self.add(m);
                    }
                    // "Army Chief of Staff Lee Jong-sup": a longer title starting inside this
                    // one ("army chief") may have the name.
                    let longer = |k: usize| {
                        self.may_start(k, TITLE_START)
                            && self.st.titles.longest_at(self.doc, k).is_some_and(|(_, e)| e > j)
                    };
                    i = (i + 1..j).find(|&k| longer(k)).unwrap_or(j);
                }
            }
        }
    }

    /// "Samvel Shahramanyan, the president of Artsakh": a name nobody lists, set off by a
    /// comma before the determiner of the title whose phrase starts at `np`, is a person's
    /// (whose role [`Self::appositive_titles`] then reads).
    fn name_before_appositive(&mut self, np: usize) {
        let start = self.range.start as usize;
        if np < start + 4 || !matches!(self.low(np - 1), "the" | "a" | "an") || self.low(np - 2) != "," {
            return;
        }
        let end = np - 2;
        let mut k = end;
        // Words of the name may be places' ("Ali Karaki, the commander of ...": a town
        // each).
        let mut places = Vec::new();
        // Words separated by spaces ("Nkweta-Salami" is one).
        let mut words = 0;
        while k > start && words < 4 && self.doc.tokens[k - 1].is_capitalised() {
            match self.owner(k - 1) {
                None if !self.taken(k - 1) && !self.is(k - 1, STOPWORD) => {}
                Some(m) if self.single_word_place(m) => places.push(m),
                _ => break,
            }
            k -= 1;
            // A hyphenated surname: "Nkweta-Salami".
            let joined = |x: usize| x > start && !self.doc.tokens[x].space_before();
            if self.low(k.wrapping_sub(1)) == "-"
                && joined(k)
                && joined(k - 1)
                && self.doc.tokens[k - 2].is_capitalised()
                && !self.taken(k - 2)
            {
                k -= 2;
            }
            if self.doc.tokens[k].space_before() || k == start {
                words += 1;
            }
        }
        // The name is at least two words, after a comma or a word that is not a place's
        // preposition ("in Donetsk Oblast, the region's governor").
        let before_ok = k == start
            || self.low(k - 1) == ","
            || self.is_lower_word(k - 1)
                && !self.is(k - 1, PLACE_PREPOSITION)
                && !matches!(self.low(k - 1), "of" | "from" | "to");
        let all_words = (k..end).all(|x| {
            let t = self.doc.tokens[x];
            t.is_word() && !t.is_all_caps() || self.low(x) == "-" && !t.space_before()
        });
        if words < 2 || !before_ok || !all_words {
            return;
        }
        let name = self.doc.span_text(k, end).to_owned();
        let m = self.mention(k, end, self.person(name), Form::Name, "appositive-title", 0.8);
        // The person takes the place of the first place's mention; the others become inner
        // mentions of the same name.
        match places.split_first() {
            Some((&first, rest)) => {
                for &other in rest {
                    self.list[other] = Mention { inner: true, ..m.clone() };
                }
                self.replace(first, m);
            }
            None => {
                self.add(m);
            }
        }
    }

    /// "The Syria Campaign", "The New Arab" at token `i`, a capitalised "The" inside a
    /// sentence: the end of the capitalised words after it, up to four, which may hold
    /// names the gazetteer found (given with it) and end in a word no mention has.
    fn the_name(&self, i: usize) -> Option<(usize, Vec<usize>)> {
        let start = self.range.start as usize;
        let toks = &self.doc.tokens;
        if i == start || self.low(i) != "the" || !toks[i].is_capitalised() || toks[i].is_all_caps() {
            return None;
        }
        // (Not where a sentence starts again: after a dash, a colon, a bracket or a quote.)
        if self.after_dash(i) || !toks[i - 1].is_word() && !matches!(self.low(i - 1), "," | "'s" | "'") {
            return None;
        }
        let (mut k, mut words, mut inner) = (i + 1, 0, Vec::new());
        while self.in_range(k) && words < 4 && toks[k].is_word() && toks[k].is_capitalised() && toks[k].space_before() {
            match self.owner(k) {
                None if self.is(k, STOPWORD) => break,
                None => {
                    k += 1;
                    words += 1;
                }
                Some(m) => {
                    let mention = &self.list[m];
                    if mention.start as usize != k || !matches!(mention.form, Form::Name | Form::Demonym) {
                        break;
                    }
                    inner.push(m);
                    words += 1;
                    k = mention.end as usize;
                }
            }
        }
        (k > i + 1 && self.owner(k - 1).is_none()).then_some((k, inner))
    }

    /// Whether tokens `[i, end)` lie inside the capitalised title of an office starting at
    /// `i` or up to three tokens before it.
    fn in_office_title(&self, i: usize, end: usize) -> bool {
        let from = i.saturating_sub(3).max(self.range.start as usize);
        (from..=i).any(|k| self.doc.tokens[k].is_capitalised() && self.office_title_end(k).is_some_and(|e| e >= end))
    }

    /// The end of the longest title of an office starting at token `k`.
    fn office_title_end(&self, k: usize) -> Option<usize> {
        let (&tid, e) = self.may_start(k, TITLE_START).then(|| self.st.titles.longest_at(self.doc, k)).flatten()?;
        (self.data.lexicon.titles[tid as usize].kind == TitleKind::Office).then_some(e)
    }

    /// Whether mention `m` is a place's name of one word from the gazetteer.
    fn single_word_place(&self, m: usize) -> bool {
        let mention = &self.list[m];
        mention.form == Form::Name
            && mention.end == mention.start + 1
            && matches!(mention.referent, Referent::Known(Known::Place(_)))
    }

    /// role_in from the gazetteer when a bare title matches the person's known role;
    /// whether it did.
    fn known_role(&mut self, p: usize, pi: usize, role: &str) -> bool {
        let person = &self.data.people[pi];
        // "Minister of Defence" and "Defence Minister" are the same office.
        let words = |r: &str| {
            let mut w: Vec<String> = r
                .to_lowercase()
                .split([' ', '-'])
                .filter(|w| !matches!(*w, "of" | "the" | ""))
                .map(str::to_owned)
                .collect();
            w.sort();
            w
        };
        // (A person without a role asked first, the words sorted last.)
        let (known, theirs) = (role.to_lowercase(), person.role.to_lowercase());
        if theirs.is_empty() {
            return false;
        }
        let same = known.starts_with(&theirs) || theirs.starts_with(&known) || words(role) == words(&person.role);
        if !same {
            return false;
        }
        // The place of a local office ("Mayor of Kharkiv"), else the state they serve,
        // else the organisation (Secretary-General of NATO).
        let place = person.role.split_once(" of ").and_then(|(office, of)| {
            let titles = &self.data.lexicon.titles;
            if !titles.iter().any(|t| t.local() && t.role.eq_ignore_ascii_case(office)) {
                return None;
            }
            let local = |k: &&Known| matches!(k, Known::Place(_) | Known::Region(_) | Known::Area(_));
            self.st.gazetteer.lookup(of).iter().find(local).copied()
        });
        let object = match (place, self.data.country_by_iso(&person.country)) {
            (Some(p), _) => Some(p),
            (None, Some(c)) => Some(Known::Country(c as u32)),
            (None, None) => self
                .st
                .gazetteer
                .lookup(&person.organisation)
                .iter()
                .find(|k| matches!(k, Known::Organisation(_)))
                .copied(),
        };
        if let Some(o) = object {
            self.fact(p, Predicate::RoleIn, FactObject::Known(o), Some(role.to_owned()), "title-known");
        }
        object.is_some()
    }

    /// Roles given next to a person's name, read once every mention is known (an
    /// organisation first named by a name head, an anaphor): "NAME, (the)? TITLE of X",
    /// "NAME, a spokesperson for X", "NAME, the United Nations high commissioner …",
    /// "NAME, the EU's foreign policy chief", "The country's leader, NAME"; and after a verb
    /// of taking office (`lexicon/role-verbs.tsv`): "NAME became President of Georgia",
    /// "NAME was sworn in as Taiwan's president", "NAME succeeded NAME as President of
    /// Russia" (both held it).
    pub(super) fn appositive_titles(&mut self) {
        let n = self.list.len();
        for p in 0..n {
            let m = &self.list[p];
            // (A bare word that is the surname of a person named in full before is that
            // person: "Barrow was sworn in as President of The Gambia"; asked last.)
            let person = matches!(m.entity_type(self.data), Some(EntityType::Person))
                || matches!(m.referent, Referent::Bare) && self.surname_before(m.start as usize);
            if m.inner || !person {
                continue;
            }
            let (start, mut k) = (m.start as usize, m.end as usize);
            // "Romeo Brawner Jr., chief of staff of …": past an abbreviation's period.
            if self.low(k) == "." && self.low(k + 1) == "," && self.data.lexicon.abbreviations.contains(self.low(k - 1))
            {
                k += 1;
            }
            self.anaphor_title_before(p, start);
            self.late_title_before(p, start);
            self.plural_title_before(p, start);
            if matches!(self.low(k), "," | "(") {
                if let Some((o, role)) = self.who_heads(k) {
                    self.fact(p, Predicate::RoleIn, FactObject::Mention(o as u32), Some(role.to_owned()), "who-heads");
                    continue;
                }
            }
            if self.low(k) == "of" {
                self.state_after_name(p, k + 1);
                continue;
            }
            let (holders, at, rule) = if self.low(k) == "," {
                // "the President of Azerbaijan Ilham Aliyev, the Prime Minister of Armenia
                // Nikol Pashinyan and …": the next person's title in a list, not this one's.
                if self.titled_name_next(k + 1) {
                    continue;
                }
                ([Some(p), None], k + 1, "appositive-title")
            } else if self.low(k) == "(" {
                // "Htin Kyaw (President of Myanmar)": a title in parentheses, alone there.
                ([Some(p), None], k + 1, "parenthesised-title")
            } else if let Some((at, predecessor)) = self.role_verb_at(k) {
                ([Some(p), predecessor], at, "role-verb")
            } else {
                continue;
            };
            let Some((role, object, end)) = self.title_phrase(at) else {
                continue;
            };
            if rule == "parenthesised-title" && self.low(end) != ")" {
                continue;
            }
            for holder in holders.into_iter().flatten() {
                self.fact(holder, Predicate::RoleIn, object, Some(role.clone()), rule);
            }
            // "NAME, a former prime minister of Pakistan (1996–1999) and chairman of the
            // PTI": a second title joined by "and", after years in parentheses.
            let after = self.past_parenthesis(end);
            if self.low(after) == "and" {
                if let Some((role, object, _)) = self.title_phrase(after + 1) {
                    for holder in holders.into_iter().flatten() {
                        self.fact(holder, Predicate::RoleIn, object, Some(role.clone()), rule);
                    }
                }
            }
        }
    }

    /// Whether a person's name follows a state's name, before any comma, after token
    /// `from`: "the Prime Minister of Armenia Nikol Pashinyan".
    fn titled_name_next(&self, from: usize) -> bool {
        let stop = (from..self.range.end as usize).find(|&k| self.low(k) == ",").unwrap_or(self.range.end as usize);
        self.list.iter().any(|m| {
            let s = m.start as usize;
            !m.inner
                && s > from
                && s < stop
                && m.entity_type(self.data) == Some(EntityType::Person)
                && self.mention_ending_at(s).is_some_and(|c| self.country_of(c).is_some())
        })
    }

    /// "the foreign ministers of Congo and Rwanda, Thérèse Kayikwamba Wagner and Olivier
    /// Nduhungirehe,": a plural title of a list of states, a comma, and as many people as
    /// states, the first of them the person at `p` (starting at token `start`): each
    /// holds the title in the state in the same place of the list.
    fn plural_title_before(&mut self, p: usize, start: usize) {
        let from = self.range.start as usize;
        let item_sep = |k: usize| matches!(self.low(k), "," | "and");
        if start < from + 4 || self.low(start - 1) != "," {
            return;
        }
        // The states, back from the comma to "of".
        let mut states = Vec::new();
        let mut k = start - 1;
        while let Some(c) = self.mention_ending_at(k).filter(|&c| self.country_of(c).is_some()) {
            states.push(c);
            k = self.list[c].start as usize;
            if k <= from + 1 || !item_sep(k - 1) {
                break;
            }
            k -= 1;
        }
        states.reverse();
        if states.len() < 2 || k < from + 2 || self.low(k - 1) != "of" {
            return;
        }
        // The title: its last word in the plural ("ministers"), one word before it at most.
        let last = k - 2;
        let Some(singular) = self.low(last).strip_suffix('s') else {
            return;
        };
        let phrase = |first: usize| {
            let mut words: Vec<&str> = (first..last).map(|x| self.low(x)).collect();
            words.push(singular);
            words.join(" ")
        };
        let titles = &self.data.lexicon.titles;
        let title = [last.saturating_sub(1).max(from), last]
            .into_iter()
            .find_map(|first| titles.iter().find(|t| t.phrase == phrase(first) && t.kind == TitleKind::Office));
        let Some(role) = title.map(|t| t.role.clone()) else {
            return;
        };
        // The people, forward from `p`.
        let mut people = vec![p];
        let mut k = self.list[p].end as usize;
        while people.len() < states.len() {
            // Past ",", "and" or ", and".
            let mut next = k;
            while next < k + 2 && item_sep(next) {
                next += 1;
            }
            let Some(q) =
                self.mention_starting_at(next).filter(|&q| next > k && self.known_type(q) == Some(EntityType::Person))
            else {
                return;
            };
            people.push(q);
            k = self.list[q].end as usize;
        }
        if people.len() != states.len() {
            return;
        }
        for (&person, &state) in people.iter().zip(&states) {
            self.fact(person, Predicate::RoleIn, FactObject::Mention(state as u32), Some(role.clone()), "plural-title");
        }
    }

    /// "Jeyhun Bayramov of Azerbaijan and Ararat Mirzoyan of Armenia": a country named
    /// right after a known person's name, the one the gazetteer has them serve, gives
    /// role_in with their known role.
    fn state_after_name(&mut self, p: usize, k: usize) {
        let Referent::Known(Known::Person(pi)) = self.list[p].referent else {
            return;
        };
        let Some(c) = self.mention_starting_at(k) else {
            return;
        };
        let end = self.list[c].end as usize;
        let person = &self.data.people[pi as usize];
        let serves = self.country_of(c).is_some_and(|c| self.data.country_by_iso(&person.country) == Some(c as usize));
        if serves && !person.role.is_empty() && !self.is_clitic_s(end) {
            let role = person.role.clone();
            self.fact(p, Predicate::RoleIn, FactObject::Mention(c as u32), Some(role), "name-of-state");
        }
    }

    /// After a person's name at token `k`, a verb of taking office: the token where its
    /// title starts, and for "succeeded NAME as" the predecessor's mention.
    fn role_verb_at(&self, k: usize) -> Option<(usize, Option<usize>)> {
        // The token's text sliced once: most verbs are ruled out by their first word.
        let first = self.low(k);
        for verb in &self.data.lexicon.role_verbs {
            let words = verb.words.len();
            if words > 0 && (!self.in_range(k) || first != &*verb.words[0]) {
                continue;
            }
            if !(0..words).all(|w| self.in_range(k + w) && self.low(k + w) == &*verb.words[w]) {
                continue;
            }
            let mut at = k + words;
            let mut predecessor = None;
            if verb.succession {
                let q = self.mention_starting_at(at).filter(|&q| self.known_type(q) == Some(EntityType::Person))?;
                at = self.list[q].end as usize;
                if self.low(at) != "as" {
                    return None;
                }
                predecessor = Some(q);
                at += 1;
            }
            return Some((at, predecessor));
        }
        None
    }

    /// "Chief Justice of the Supreme Constitutional Court Adly Mansour": after the title's
    /// "of" at `j`, a body no list knows whose head noun types it, before more capitalised
    /// words (the holder's name). Its mention, added, and its end.
    fn new_body_of(&mut self, j: usize) -> Option<(usize, usize)> {
        if self.low(j) != "of" {
            return None;
        }
        let k = if self.low(j + 1) == "the" { j + 2 } else { j + 1 };
        let run = self.name_run(k, 8)?;
        let (end, (etype, subtype)) = (k + 2..run)
            .find_map(|e| self.head_type(k, e).filter(|(t, _)| *t == EntityType::Organisation).map(|h| (e, h)))?;
        let name = self.doc.span_text(k, end).to_owned();
        let referent = Referent::New(NewName { name, etype, subtype });
        let m = self.mention(k, end, referent, Form::Name, "name-head", 0.7);
        Some((self.add(m), end))
    }

    /// A title phrase at token `k` naming what the office is held in: "(the)? (former)?
    /// (X's | DEMONYM | ORG)? TITLE (of X | for X)?". The role and the country or
    /// organisation (or a local office's place), if the phrase names one.
    fn title_phrase(&self, mut k: usize) -> Option<(String, FactObject, usize)> {
        let definite = self.low(k) == "the";
        if matches!(self.low(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut t = k;
        let mut prefix = String::new();
        while self.is(t, ROLE_MODIFIER) || self.low(t) == "-" {
            prefix = modifier_prefix(self.low(t)).unwrap_or(prefix);
            t += 1;
        }
        // A possessor ("the EU's"), a demonym ("the Russian"), or an organisation's or a
        // country's name ("the United Nations high commissioner"), up to two adjectives
        // before the title.
        // "Taiwan's president", an unnamed office holder: the possessor inside it.
        let inside = |q: usize| match self.list[q].referent {
            Referent::Role(r) => r as usize,
            _ => q,
        };
        // "the senior U.S. adviser": title adjectives before a qualifier.
        let mut after_adjectives = t;
        while self.is(after_adjectives, TITLE_ADJECTIVE) {
            after_adjectives += 1;
        }
        let qualifier_at = |t: usize| {
            self.mention_starting_at(t).map(inside).and_then(|q| {
                let end = self.list[q].end as usize;
                if self.is_clitic_s(end) {
                    Some((q, end + 1))
                } else if self.list[q].form == Form::Demonym
                    || matches!(self.known_type(q), Some(EntityType::Country | EntityType::Organisation))
                {
                    Some((q, end))
                } else {
                    None
                }
            })
        };
        let qualifier = qualifier_at(after_adjectives).or_else(|| qualifier_at(t));
        if let Some((_, end)) = qualifier {
            t = end;
        }
        let mut found = self.may_start(t, TITLE_START).then(|| self.st.titles.longest_at(self.doc, t)).flatten();
        // Up to two words before the title: after a qualifier any lowercase words ("the
        // UN's refugee chief"), else title adjectives ("the military spokesman of X").
        // After a qualifier, a capitalised title may follow its portfolio's capitalised
        // words too, up to three with "and" ("Afghan Aviation and Tourism Minister").
        let portfolio = |x: usize| {
            let t = self.doc.tokens[x];
            t.is_word()
                && t.is_capitalised()
                && !t.is_all_caps()
                && self.owner(x).is_none_or(|m| self.list[m].referent == Referent::Bare)
                || self.low(x) == "and" && x > after_adjectives
        };
        let skippable = |x: usize| match qualifier {
            Some(_) => self.is_lower_word(x) || self.low(x) == "-" || portfolio(x),
            None => self.is(x, TITLE_ADJECTIVE),
        };
        if found.is_none() {
            for skip in 1..=3 {
                if !skippable(t + skip - 1) {
                    break;
                }
                let capitalised = (t..t + skip).any(|x| self.doc.tokens[x].is_capitalised());
                found = self
                    .may_start(t + skip, TITLE_START)
                    .then(|| self.st.titles.longest_at(self.doc, t + skip))
                    .flatten()
                    .filter(|_| {
                        skip < 3 && !capitalised || self.doc.tokens[t + skip].is_capitalised() && qualifier.is_some()
                    });
                if found.is_some() {
                    break;
                }
            }
        }
        let (&tid, j) = found?;
        let title = &self.data.lexicon.titles[tid as usize];
        if title.kind != TitleKind::Office {
            return None;
        }
        // "Xi Jinping, Brazilian President Luiz Inácio Lula da Silva": the title of the
        // next name in a list.
        if self.in_range(j) && self.doc.tokens[j].is_capitalised() && self.doc.tokens[j].is_word() {
            return None;
        }
        let role = format!("{prefix}{}", capitalise_first(&title.role));
        // "a spokesperson for the Civil Defence": the organisation served.
        let served = || {
            let k = if self.low(j + 1) == "the" { j + 2 } else { j + 1 };
            (self.low(j) == "for")
                .then(|| self.mention_starting_at(k))
                .flatten()
                .filter(|&o| self.known_type(o) == Some(EntityType::Organisation))
        };
        let of_end = self.of_entity(j);
        let of = of_end.map(|(o, _)| o);
        let Some((object, end)) =
            of_end.or_else(|| served().map(|o| (o, self.list[o].end as usize))).or(qualifier.map(|(q, _)| (q, j)))
        else {
            // "said Delfin Lorenzana, the Defence Secretary;": a state's office named alone
            // is held in the country the document is about.
            let alone = definite && prefix.is_empty() && matches!(self.low(j), "," | ";" | "." | "and");
            return (alone && title.scope == TitleScope::State).then_some((role, FactObject::DocumentCountry, j));
        };
        // A local office is held in its region or city ("the governor of the Zaporizhzhia
        // region"); a state's office in a region that has one ("the President of Republika
        // Srpska").
        let holder = match self.known_type(object) {
            Some(EntityType::Country | EntityType::Organisation) => true,
            Some(EntityType::Place) => {
                title.local() || title.scope == TitleScope::State && of == Some(object) && self.self_governing(object)
            }
            // "Redwan Hussien, Abiy's national security adviser,": the state of the person
            // whose adviser the name is.
            Some(EntityType::Person) if qualifier.is_some_and(|(q, _)| q == object) => {
                return self.person_state(object).map(|o| (role, o, end));
            }
            _ => false,
        };
        holder.then_some((role, FactObject::Mention(object as u32), end))
    }

    /// The state a known person at mention `q` serves, as the gazetteer has it.
    fn person_state(&self, q: usize) -> Option<FactObject> {
        let pi = match self.list[q].referent {
            Referent::Known(Known::Person(pi)) => pi,
            // "Yoon's chief of staff": the known person last named in full with that word.
            Referent::Bare => {
                let w = self.low(self.list[q].start as usize);
                self.surnames.iter().rev().find(|&&(t, _)| self.doc.low(t as usize) == w)?.1?
            }
            _ => return None,
        };
        let c = self.data.country_by_iso(&self.data.people[pi as usize].country)?;
        Some(FactObject::Known(Known::Country(c as u32)))
    }

    /// A title right before the person's name at `start` (or its comma) whose holder the
    /// titles pass could not know: a possessive pronoun ("Its spokesman, Muhannad
    /// Mubaidin,": the pronoun's antecedent), an organisation found later by its head noun
    /// ("National Security Service head Akec Tong Aleu"), or an organisation the name is
    /// said to head ("The Sierra Leone Police, headed by Inspector-General William Fayia
    /// Sellu,").
    fn late_title_before(&mut self, p: usize, start: usize) {
        // A role found already ("Prime Minister Abdul Hamid Dbeibah" is Libya's) leaves the
        // organisation the name heads to be read ("the Government of National Unity, led
        // by Prime Minister …").
        let known_role = self.facts.iter().any(|f| f.subject == p as u32 && f.predicate == Predicate::RoleIn);
        // Over ranks and honorifics: "Its spokeswoman, Lt Gen Maly Socheata".
        let mut start = start;
        for _ in 0..2 {
            match self.title_ending_at(start) {
                Some((tid, t)) if self.data.lexicon.titles[tid].kind != TitleKind::Office => start = t,
                _ => break,
            }
        }
        let comma = self.low(start.wrapping_sub(1)) == ",";
        let end = if comma { start - 1 } else { start };
        let found = self.title_ending_at(end);
        // "headed by Inspector-General X", "led by Yahya Sinwar": an office before the name
        // is the role.
        // (Or "under the leadership of General X", "under the command of X".)
        let before = |t: usize| {
            let w = self.low(t.wrapping_sub(1));
            let under = w == "of"
                && matches!(self.low(t.wrapping_sub(2)), "leadership" | "command")
                && self.low(t.wrapping_sub(3)) == "the"
                && self.low(t.wrapping_sub(4)) == "under";
            if under {
                Some((t - 4, self.low(t - 2)))
            } else if w == "by" {
                Some((t - 2, self.low(t.wrapping_sub(2))))
            } else {
                None
            }
        };
        let by = match found {
            Some((tid, t)) => before(t).map(|(v, w)| (v, w, Some(tid))),
            None if !comma => before(start).map(|(v, w)| (v, w, None)),
            None => None,
        };
        if let Some((verb, word, tid)) = by {
            let office = tid.map(|tid| &self.data.lexicon.titles[tid]).filter(|t| t.kind == TitleKind::Office);
            let role = match (word, office) {
                ("headed" | "led" | "leadership" | "command", Some(title)) => capitalise_first(&title.role),
                ("headed", None) => "Head".to_owned(),
                ("led" | "leadership", None) => "Leader".to_owned(),
                ("command", None) => "Commander".to_owned(),
                _ => return,
            };
            let org = (verb >= 1 && self.low(verb - 1) == ",")
                .then(|| self.mention_ending_at(verb - 1))
                .flatten()
                .filter(|&o| self.known_type(o) == Some(EntityType::Organisation));
            if let Some(o) = org {
                self.fact(p, Predicate::RoleIn, FactObject::Mention(o as u32), Some(role), "headed-by");
            }
            return;
        }
        if known_role {
            return;
        }
        // "The commander of Ecuador's National Police, General César Zapata,".
        if found.is_none() && comma {
            if let Some((q, tid)) = self.office_of_before(start) {
                let role = capitalise_first(&self.data.lexicon.titles[tid].role);
                self.fact(p, Predicate::RoleIn, FactObject::Mention(q as u32), Some(role), "office-of");
            }
            return;
        }
        let Some((tid, t)) = found else {
            return;
        };
        let title = &self.data.lexicon.titles[tid];
        if title.kind != TitleKind::Office {
            return;
        }
        let role = capitalise_first(&title.role);
        let mut a = t;
        while a > self.range.start as usize && self.is(a - 1, TITLE_ADJECTIVE) {
            a -= 1;
        }
        // "Yoon's chief of staff, Chung Jin-suk,": the state of the person whose office it
        // is, as in the titles pass, for a possessor known only once every name is.
        // "The World Meteorological Organization's Secretary-General Petteri Taalas": an
        // organisation found by its head noun.
        if self.is_clitic_s(a.wrapping_sub(1)) {
            let Some(q) = self.mention_ending_at(a - 1) else {
                return;
            };
            if self.known_type(q) == Some(EntityType::Organisation) && self.list[q].form == Form::Name {
                self.fact(p, Predicate::RoleIn, FactObject::Mention(q as u32), Some(role), "late-title");
            } else if let Some(o) = self.person_state(q).filter(|_| title.scope == TitleScope::State) {
                self.fact(p, Predicate::RoleIn, o, Some(role), "title-possessor");
            }
            return;
        }
        let Some(q) = self.mention_ending_at(a) else {
            return;
        };
        let holder = match self.list[q].referent {
            Referent::Pronoun(Pronoun::Neuter | Pronoun::Plural) => matches!(self.low(a - 1), "its" | "their"),
            _ => !comma && self.known_type(q) == Some(EntityType::Organisation),
        };
        if holder {
            self.fact(p, Predicate::RoleIn, FactObject::Mention(q as u32), Some(role), "late-title");
        }
    }

    /// "Iran's Islamic Revolutionary Guard Corps": a state's body the gazetteer knows, of
    /// that state, after its possessive is part of it.
    pub(super) fn known_bodies_of_possessors(&mut self) {
        for a in 0..self.list.len() {
            self.known_body_of_possessor(a);
        }
        self.appositive_bodies();
    }

    /// "The Korean Central News Agency, the official news agency of North Korea,": an
    /// organisation described after a comma as a state's body, by a noun for an
    /// organisation, is part of the state.
    fn appositive_bodies(&mut self) {
        let stop = self.range.end as usize;
        for a in 0..self.list.len() {
            let m = &self.list[a];
            let end = m.end as usize;
            if m.inner || m.form != Form::Name || self.known_type(a) != Some(EntityType::Organisation) {
                continue;
            }
            if !(self.low(end) == "," && self.low(end + 1) == "the") {
                continue;
            }
            // Lowercase words up to "of", the last of them a noun for an organisation.
            let Some(of) = (end + 2..(end + 7).min(stop)).find(|&k| !self.is_lower_word(k) || self.low(k) == "of")
            else {
                continue;
            };
            if self.low(of) != "of" || of == end + 2 || !self.organisation_noun_ending_at(of) {
                continue;
            }
            let Some(c) = self.mention_starting_at(of + 1).filter(|&c| {
                self.list[c].form == Form::Name && matches!(self.list[c].referent, Referent::Known(Known::Country(_)))
            }) else {
                continue;
            };
            let after = self.list[c].end as usize;
            if after >= stop || matches!(self.low(after), "," | "." | ";" | ")") {
                self.fact(a, Predicate::PartOf, FactObject::Mention(c as u32), None, "appositive-body");
            }
        }
    }

    fn known_body_of_possessor(&mut self, a: usize) {
        let m = &self.list[a];
        let (Referent::Known(Known::Organisation(o)), Form::Name, false) = (&m.referent, m.form, m.inner) else {
            return;
        };
        let org = &self.data.organisations[*o as usize];
        let state_body = matches!(
            &*org.subtype,
            "ArmedForces" | "IntelligenceAgency" | "Office" | "Parliament" | "Government" | "Ministry" | "Court"
        );
        let start = m.start as usize;
        if !state_body || !self.is_clitic_s(start.wrapping_sub(1)) {
            return;
        }
        let Some(q) = self.mention_ending_at(start - 1) else {
            return;
        };
        if let Referent::Known(Known::Country(c)) = self.list[q].referent {
            if self.list[q].form == Form::Name && self.data.countries[c as usize].iso2 == org.country {
                self.fact(a, Predicate::PartOf, FactObject::Mention(q as u32), None, "possessive-body");
            }
        }
    }

    /// "the head of Tajikistan's State Committee for National Security, Saimumin Yatimov":
    /// before the comma of the name at `i`, an office of an organisation or a country named
    /// after "of" (the holder's mention, and the title).
    fn office_of_before(&self, i: usize) -> Option<(usize, usize)> {
        if i < self.range.start as usize + 5 || self.low(i - 1) != "," {
            return None;
        }
        let q = self.mention_ending_at(i - 1)?;
        if !matches!(self.known_type(q), Some(EntityType::Organisation | EntityType::Country)) {
            return None;
        }
        let mut k = self.list[q].start as usize;
        // "of Tajikistan's State Committee": the possessor before the organisation.
        if self.is_clitic_s(k.wrapping_sub(1)) {
            k = self.list[self.mention_ending_at(k - 1)?].start as usize;
        }
        if self.low(k.wrapping_sub(1)) == "the" {
            k -= 1;
        }
        if self.low(k.wrapping_sub(1)) != "of" {
            return None;
        }
        let (tid, t) = self.title_ending_at(k - 1)?;
        let determined = matches!(self.low(t.wrapping_sub(1)), "the" | "a" | "an");
        (determined && self.data.lexicon.titles[tid].kind == TitleKind::Office).then_some((q, tid))
    }

    /// "Christian Schmidt, who heads the Office of the High Representative,": the
    /// organisation a relative clause after the comma (or the parenthesis) at `k` says the
    /// person leads or founded ("Masood Azhar (who later founded Jaish-e-Mohammed)"), and
    /// the role.
    fn who_heads(&self, k: usize) -> Option<(usize, &'static str)> {
        if self.low(k + 1) != "who" {
            return None;
        }
        let mut v = if matches!(self.low(k + 2), "later" | "also" | "then" | "once") { k + 3 } else { k + 2 };
        // ("co-founded": "co", a hyphen, "founded".)
        if self.low(v) == "co" && self.low(v + 1) == "-" && self.low(v + 2) == "founded" {
            v += 2;
        }
        let role = match self.low(v) {
            "heads" | "headed" => "Head",
            "leads" | "led" => "Leader",
            "chairs" | "chaired" => "Chair",
            "commands" | "commanded" => "Commander",
            "founded" => "Founder",
            _ => return None,
        };
        let at = if self.low(v + 1) == "the" { v + 2 } else { v + 1 };
        let o = self.mention_starting_at(at).filter(|&o| self.known_type(o) == Some(EntityType::Organisation))?;
        Some((o, role))
    }

    /// Whether mention `m` is a region or an area of the gazetteer: a state's office named
    /// "of" it is the region's own ("the president of Amhara Region").
    fn self_governing(&self, m: usize) -> bool {
        matches!(self.list[m].referent, Referent::Known(Known::Region(_) | Known::Area(_)))
    }

    /// The title that ends right before token `end`: its index and first token.
    fn title_ending_at(&self, end: usize) -> Option<(usize, usize)> {
        let first = self.range.start as usize;
        (end.saturating_sub(4).max(first)..end).find_map(|t| {
            if !self.may_start(t, TITLE_START) {
                return None;
            }
            let (&tid, j) = self.st.titles.longest_at(self.doc, t)?;
            (j == end).then_some((tid as usize, t))
        })
    }

    /// "The country's leader, Kim Jong-un,", "the region's ethnic Armenian leader,": an
    /// anaphor's title before the comma of the person's name at `start` (a named
    /// possessor's is read by [`Self::titles`]).
    fn anaphor_title_before(&mut self, p: usize, start: usize) {
        let first = self.range.start as usize;
        if start < first + 4 || self.low(start - 1) != "," {
            return;
        }
        let comma = start - 1;
        // The possessive "'s" at most eight tokens before the comma.
        let Some(c) = (comma.saturating_sub(8).max(first + 1)..comma).rev().find(|&c| self.is_clitic_s(c)) else {
            return;
        };
        let Some(q) = self.mention_ending_at(c).filter(|&q| self.list[q].form == Form::Anaphor) else {
            return;
        };
        // Adjectives, then a title ending at the comma.
        for k in c + 1..comma {
            if let Some((&t, j)) =
                self.may_start(k, TITLE_START).then(|| self.st.titles.longest_at(self.doc, k)).flatten()
            {
                let title = &self.data.lexicon.titles[t as usize];
                if j == comma && title.kind == TitleKind::Office {
                    let role = capitalise_first(&title.role);
                    // A known person's own office, rather than the nearest country the
                    // anaphor may stand for ("Japan …. The country's leader, Kim Jong-un").
                    if let Referent::Known(Known::Person(pi)) = self.list[p].referent {
                        if self.known_role(p, pi as usize, &role) {
                            return;
                        }
                    }
                    self.fact(p, Predicate::RoleIn, FactObject::Mention(q as u32), Some(role), "anaphor-title");
                    return;
                }
            }
            // Adjectives and demonyms, hyphenated ones too ("far-right", "ethnic Armenian").
            if !(self.doc.tokens[k].is_word() || self.low(k) == "-") {
                return;
            }
        }
    }

    /// "Camp Speicher", "Lake Chad", "Mount Sinjar": a capitalised word that opens a place's
    /// name, before a name (known or not), makes one place's name of both.
    pub(super) fn place_openers(&mut self) {
        if self.any & OPENER == 0 {
            return;
        }
        let mut i = self.range.start as usize;
        while i + 1 < self.range.end as usize {
            if let Some(end) = self.romance_name(i) {
                i = end;
                continue;
            }
            let opens = self.is(i, OPENER)
                && self.data.lexicon.place_openers.iter().any(|(w, _)| **w == *self.low(i))
                && self.doc.tokens[i].is_capitalised()
                && !self.taken(i)
                && self.doc.tokens[i + 1].space_before();
            let after = opens.then(|| self.mention_starting_at(i + 1)).flatten();
            let end = match after {
                Some(m) => (self.list[m].form == Form::Name).then_some(self.list[m].end as usize),
                None if opens => self.name_run(i + 1, 3),
                None => None,
            };
            let Some(end) = end else {
                i += 1;
                continue;
            };
            let low = self.low(i);
            let subtype = self.data.lexicon.place_openers.iter().find(|(w, _)| &**w == low).map(|(_, s)| s.clone());
            let name = self.doc.span_text(i, end).to_owned();
            let referent =
                Referent::New(NewName { name, etype: EntityType::Place, subtype: subtype.unwrap_or_default() });
            let m = self.mention(i, end, referent, Form::Name, "place-opener", 0.8);
            match after {
                Some(old) => self.replace(old, m),
                None => self.add(m),
            };
            i = end;
        }
    }

    /// "Banco de Crédito del Perú", "Partido Revolucionario Institucional", "Plaza de
    /// Mayo": a capitalised word of `lexicon/romance-openers.tsv` at token `i`, before
    /// capitalised words and the words that join them (`name-joiner`), makes one name of
    /// its type of them all, over the names the gazetteer found inside ("Perú", and
    /// "Banco", a town) and with the ones that are no place of one word inside it. Returns
    /// the name's end.
    fn romance_name(&mut self, i: usize) -> Option<usize> {
        if !self.is(i, OPENER) || !self.doc.tokens[i].is_capitalised() || self.doc.tokens[i].is_all_caps() {
            return None;
        }
        let &(_, etype, ref subtype) = self.data.lexicon.romance_openers.iter().find(|(w, ..)| **w == *self.low(i))?;
        // The opener is free, or a place's one-word name ("Banco", a town).
        let opener = self.owner(i);
        if opener.is_some_and(|m| !self.single_word_place(m)) {
            return None;
        }
        let joiner = |k: usize| {
            self.is_lower_word(k) && self.data.lexicon.word_classes.contains(WordClass::NameJoiner, self.low(k))
        };
        let (mut k, mut end) = (i + 1, i + 1);
        let mut inside = Vec::new();
        while self.in_range(k) && self.doc.tokens[k].space_before() {
            let t = self.doc.tokens[k];
            if joiner(k) {
                k += 1;
            } else if t.is_word() && t.is_capitalised() && !self.is(k, STOPWORD) {
                match self.owner(k) {
                    Some(m) if self.list[m].start as usize == k && self.list[m].form == Form::Name => {
                        inside.push(m);
                        k = self.list[m].end as usize;
                    }
                    Some(_) => break,
                    None => k += 1,
                }
                end = k;
            } else {
                break;
            }
        }
        // "the Banco de Crédito del Perú Bank": an English head noun after the name
        // translates the opener.
        if end > i + 2 && self.owner(end - 1).is_none() && self.head_type(end - 1, end).is_some() {
            end -= 1;
        }
        if end == i + 1 {
            return None;
        }
        let name = self.doc.span_text(i, end).to_owned();
        let referent = Referent::New(NewName { name, etype, subtype: subtype.clone() });
        let m = self.mention(i, end, referent, Form::Name, "romance-opener", 0.75);
        // A country or an organisation inside the name stays, inside it ("Perú"); any
        // other name there, and the opener's place, is the name itself.
        for &q in &inside {
            let stays = matches!(self.known_type(q), Some(EntityType::Country | EntityType::Organisation));
            self.list[q] = if stays {
                Mention { inner: true, ..self.list[q].clone() }
            } else {
                Mention { inner: true, ..m.clone() }
            };
        }
        match opener {
            Some(o) => self.replace(o, m),
            None => self.add(m),
        };
        Some(end)
    }

    pub(super) fn place_nouns(&mut self) {
        if self.any & PLACE_NOUN_START == 0 {
            return self.plural_region_nouns();
        }
        let lex = &self.data.lexicon;
        let mut i = self.range.start as usize;
        while i < self.range.end as usize {
            let found =
                self.may_start(i, PLACE_NOUN_START).then(|| self.st.place_nouns.longest_at(self.doc, i)).flatten();
            let Some((&ni, j)) = found else {
                i += 1;
                continue;
            };
            let noun = &lex.place_nouns[ni as usize];
            // "the Basmanny District Court", "Crocus City Hall": a capitalised place noun
            // before a capitalised head noun is a word of a longer name.
            let in_name = self.doc.tokens[i].is_capitalised()
                && j < self.range.end as usize
                && self.doc.tokens[j].is_capitalised()
                && self.head_type(i, j + 1).is_some();
            if self.owner(i).is_some()
                || in_name
                || self.doc.tokens[i].is_capitalised() && noun.position == NounPosition::Before
            {
                i += 1;
                continue;
            }
            // "X region", "the X kibbutz": a name right before the noun (not a region's
            // before a town's noun and "of" a name: "the Beqaa town of Arsal").
            let of_name = !noun.region
                && noun.position == NounPosition::Both
                && self.low(j) == "of"
                && self.doc.tokens.get(j + 1).is_some_and(|t| t.is_capitalised())
                && self.mention_ending_at(i).is_some_and(|m| {
                    matches!(self.list[m].referent, Referent::Known(Known::Region(_) | Known::Area(_)))
                });
            if matches!(noun.position, NounPosition::After | NounPosition::Both)
                && i > self.range.start as usize
                && !of_name
            {
                if let Some(done) = self.place_before_noun(i, j, ni as usize) {
                    i = done;
                    continue;
                }
            }
            // "the village of X", "Ukraine's southeastern city of Zaporizhzhia", "the capital X";
            // a capitalised noun only before "of" ("the Indonesian State Intelligence Agency"
            // is a name).
            let capitalised = self.doc.tokens[i].is_capitalised();
            if matches!(noun.position, NounPosition::Before | NounPosition::Both)
                && !(capitalised && self.low(j) != "of")
            {
                let mut k = j;
                if self.low(k) == "of" {
                    k += 1;
                }
                let determiner = self.determiner_before(i);
                if let Some(det) = determiner {
                    let target = if let Some(m) = self.mention_starting_at(k) {
                        let end = self.list[m].end as usize;
                        let longer = self.name_run(end, 3).filter(|_| self.doc.tokens[end].space_before());
                        match (self.known_type(m), longer) {
                            (Some(EntityType::Place), Some(run_end)) => {
                                // "the village of Kreminna Balka" is not the town Kreminna.
                                let name = self.doc.span_text(k, run_end).to_owned();
                                let subtype = noun.subtype.clone();
                                let referent = Referent::New(NewName { name, etype: EntityType::Place, subtype });
                                let mm = self.mention(k, run_end, referent, Form::Name, "place-noun", 0.85);
                                Some(self.replace(m, mm))
                            }
                            (Some(EntityType::Place), None) => Some(m),
                            _ => None,
                        }
                    } else if let Some(end) = self.name_run(k, 4) {
                        let name = self.doc.span_text(k, end).to_owned();
                        let referent =
                            Referent::New(NewName { name, etype: EntityType::Place, subtype: noun.subtype.clone() });
                        let m = self.mention(k, end, referent, Form::Name, "place-noun", 0.85);
                        Some(self.add(m))
                    } else {
                        None
                    };
                    if let Some(t) = target {
                        // The place named as an adjective is part of the phrase, no argument.
                        if let Some(a) = self.mention_ending_at(i).filter(|&a| a != t && det.is_none()) {
                            self.list[a].inner = true;
                            let np = self.list[a].start as usize - 1;
                            self.list[t].np_start = self.list[t].np_start.min(np as u32);
                            // "the Beqaa town of Arsal": the town lies in the region.
                            if matches!(self.list[a].referent, Referent::Known(Known::Region(_))) {
                                self.fact(t, Predicate::LocatedIn, FactObject::Mention(a as u32), None, "place-noun");
                            }
                        }
                        if let Some(q) = det {
                            if let Some(_c) =
                                self.country_of(q).filter(|_| self.known_type(q) == Some(EntityType::Country))
                            {
                                self.fact(t, Predicate::LocatedIn, FactObject::Mention(q as u32), None, "place-noun");
                            }
                        }
                        if noun.word.as_ref() == "capital" {
                            if let Referent::Known(Known::Place(p)) = self.list[t].referent {
                                if let Some(c) = self.st.capital_of(p) {
                                    self.fact(
                                        t,
                                        Predicate::LocatedIn,
                                        FactObject::Known(Known::Country(c)),
                                        None,
                                        "capital",
                                    );
                                }
                            }
                        }
                        i = self.list[t].end as usize;
                        continue;
                    }
                }
            }
            i = j;
        }
        self.plural_region_nouns();
    }

    /// "the Kharkiv and Sumy regions", "the Donetsk, Luhansk and Zaporizhzhia oblasts":
    /// each name before a region noun in the plural is that region.
    fn plural_region_nouns(&mut self) {
        if self.any & REGION_NOUN_PLURAL == 0 {
            return;
        }
        for k in self.range.start as usize + 2..self.range.end as usize {
            if !self.is(k, REGION_NOUN_PLURAL) || self.mention_ending_at(k).is_none() {
                continue;
            }
            let singular = self.low(k).strip_suffix('s').unwrap_or_default();
            let mut end = k;
            while let Some(m) = self.mention_ending_at(end) {
                if self.list[m].form == Form::Name {
                    let name = format!("{} {singular}", self.doc.span_text(self.list[m].start as usize, end));
                    let region =
                        self.st.gazetteer.lookup(&name).iter().find(|r| matches!(r, Known::Region(_))).copied();
                    if let Some(r) = region {
                        self.list[m].referent = Referent::Known(r);
                    }
                }
                let start = self.list[m].start as usize;
                if start < self.range.start as usize + 2 || !matches!(self.low(start - 1), "and" | ",") {
                    break;
                }
                end = start - 1;
            }
        }
    }

    /// Before a place noun at `i`: "the", or a country's possessive / demonym, with up to
    /// three lowercase adjectives between. `Some(None)` for a plain determiner.
    fn determiner_before(&self, i: usize) -> Option<Option<usize>> {
        let mut k = i;
        let mut adjectives = 0;
        while k > self.range.start as usize && adjectives < 3 {
            let p = k - 1;
            if matches!(self.low(p), "the" | "a" | "an" | "its" | "their" | "his" | "her") {
                return Some(None);
            }
            if self.is_clitic_s(p) {
                return self.mention_ending_at(p).map(Some);
            }
            if let Some(m) = self.mention_ending_at(k) {
                // "the Black Sea port of Poti": a sea's or a region's name as an adjective.
                let place_adjective = self.list[m].form == Form::Name
                    && matches!(self.list[m].referent, Referent::Known(Known::Area(_) | Known::Region(_)))
                    && self.low((self.list[m].start as usize).wrapping_sub(1)) == "the";
                if place_adjective {
                    return Some(None);
                }
                // "the Russian Pacific port of Vladivostok": a sea's or a region's name as
                // an adjective after the determiner.
                let area_adjective = self.list[m].form == Form::Name
                    && matches!(self.list[m].referent, Referent::Known(Known::Area(_) | Known::Region(_)))
                    && self.list[m].end as usize == k;
                if area_adjective && adjectives < 2 {
                    k = self.list[m].start as usize;
                    adjectives += 1;
                    continue;
                }
                return (self.list[m].form == Form::Demonym).then_some(Some(m));
            }
            if self.is_lower_word(p) || (self.low(p) == "-" && !self.doc.tokens[p].space_before()) {
                k = p;
                adjectives += 1;
                continue;
            }
            break;
        }
        None
    }

    /// The start of the free capitalised words (and apostrophes inside them) right before
    /// token `i`: `i` when there are none.
    fn free_name_start(&self, i: usize) -> usize {
        let mut start = i;
        while start > self.range.start as usize {
            let p = start - 1;
            let t = self.doc.tokens[p];
            let name_word = t.is_word() && t.is_capitalised() && !self.is(p, STOPWORD);
            if self.owner(p).is_none() && (name_word || (self.low(p) == "'" && start < i)) {
                start = p;
            } else {
                break;
            }
        }
        start
    }

    /// "Donetsk region" / "the Re'im kibbutz" with the noun at `[i, j)`: returns the
    /// index after the pattern when it applied.
    fn place_before_noun(&mut self, i: usize, j: usize, ni: usize) -> Option<usize> {
        let noun = &self.data.lexicon.place_nouns[ni];
        // The name before the noun: a free capitalised run, or a known place.
        let start = self.free_name_start(i);
        // "the city's Kyivskyi district", "the Quetta railway station": a site is named with
        // the noun, over a town's name ("Bakhmut district" is not the town), and lies in the
        // town. "a Kyiv hospital" names no site.
        if noun.named != NamedBy::No {
            let town = self.mention_ending_at(i).filter(|&m| {
                start == i
                    && self.list[m].form == Form::Name
                    && matches!(self.list[m].referent, Referent::Known(Known::Place(_) | Known::Region(_)))
            });
            let from = town.map_or(start, |m| self.list[m].start as usize);
            // "the AMISOM army base", "a MINUSMA camp": a body's acronym says whose the site
            // is; it names no place.
            let acronym = town.is_none() && from + 1 == i && self.doc.tokens[from].is_all_caps();
            let indefinite = acronym || from > 0 && matches!(self.low(from - 1), "a" | "an" | "another");
            // "El Obeid Airport" is a name of its own (a name head's).
            if noun.named == NamedBy::Site && self.doc.tokens[i].is_capitalised() {
                return None;
            }
            if from < i && !indefinite {
                let name = self.doc.span_text(from, j).to_owned();
                let referent = Referent::New(NewName { name, etype: EntityType::Place, subtype: noun.subtype.clone() });
                let m = self.mention(from, j, referent, Form::Name, "place-noun", 0.8);
                match town {
                    // A district's town is no argument of its own; a site's is where it lies.
                    Some(t) if noun.named == NamedBy::Area => self.replace(t, m),
                    Some(t) => {
                        let site = self.wrap(&[t], m);
                        self.fact(site, Predicate::LocatedIn, FactObject::Mention(t as u32), None, "place-noun");
                        site
                    }
                    None => self.add(m),
                };
                return Some(j);
            }
            if indefinite {
                return Some(j);
            }
        }
        // A small known place opening the name: "the Nir Oz kibbutz" is not Nir.
        if start < i && !noun.region {
            if let Some(p) = self.mention_ending_at(start) {
                if matches!(self.list[p].referent, Referent::Known(Known::Place(_))) && self.list[p].form == Form::Name
                {
                    let from = self.list[p].start as usize;
                    let name = self.doc.span_text(from, i).to_owned();
                    let referent =
                        Referent::New(NewName { name, etype: EntityType::Place, subtype: noun.subtype.clone() });
                    let m = self.mention(from, i, referent, Form::Name, "place-noun", 0.8);
                    self.replace(p, m);
                    return Some(j);
                }
            }
        }
        // "Gaza City": a territory's or a country's name before "city" names the city of
        // that name.
        if start == i && noun.subtype == "City" {
            if let Some(m) = self.mention_ending_at(i).filter(|&m| self.list[m].form == Form::Name) {
                let larger = matches!(self.list[m].referent, Referent::Known(Known::Area(_) | Known::Country(_)));
                let from = self.list[m].start as usize;
                let city = || {
                    let places = &self.data.places;
                    let name = self.doc.span_text(from, i);
                    self.st
                        .gazetteer
                        .lookup(name)
                        .iter()
                        .copied()
                        .find(|k| matches!(k, Known::Place(p) if places[*p as usize].subtype == "City"))
                };
                if let Some(c) = larger.then(city).flatten() {
                    let mm = self.mention(from, j, Referent::Known(c), Form::Name, "city-noun", 0.85);
                    self.replace(m, mm);
                    return Some(j);
                }
            }
        }
        let known = self.mention_ending_at(i).filter(|&m| {
            start == i && matches!(self.list[m].referent, Referent::Known(Known::Place(_) | Known::Region(_)))
        });
        // Several small places in a row are one name: "the Nir Oz kibbutz" is not Nir and Oz.
        if let Some(k) = known.filter(|_| !noun.region) {
            let mut parts = vec![k];
            while let Some(p) = self.mention_ending_at(self.list[*parts.last()?].start as usize) {
                let small = matches!(self.list[p].referent, Referent::Known(Known::Place(_)))
                    && self.list[p].form == Form::Name;
                if !small || parts.len() >= 3 {
                    break;
                }
                parts.push(p);
            }
            // "Stara Kreminna village": unknown capitalised words before the known place
            // open its name.
            let first = self.list[*parts.last()?].start as usize;
            let from = self.free_name_start(first);
            if parts.len() > 1 || from < first {
                let name = self.doc.span_text(from, i).to_owned();
                let referent = Referent::New(NewName { name, etype: EntityType::Place, subtype: noun.subtype.clone() });
                let m = self.mention(from, i, referent, Form::Name, "place-noun", 0.8);
                for &p in &parts[1..] {
                    self.list[p].referent = Referent::Discarded;
                    self.list[p].inner = true;
                }
                self.replace(parts[0], m);
                return Some(j);
            }
        }
        if start == i && known.is_none() {
            return None;
        }
        let name_start = known.map_or(start, |m| self.list[m].start as usize);
        let (name, end) = if noun.region {
            (self.doc.span_text(name_start, j).to_owned(), j)
        } else {
            (self.doc.span_text(name_start, i).to_owned(), i)
        };
        if noun.region {
            if let Some(m) = known {
                if let Referent::Known(Known::Region(_)) = self.list[m].referent {
                    // Already the region ("Crimea region").
                    let r = self.list[m].referent.clone();
                    let mm = self.mention(name_start, j, r, Form::Name, "region-noun", 0.9);
                    self.wrap(&[m], mm);
                    return Some(j);
                }
            }
            // A region nobody lists takes its name without a lowercase noun ("the Lower
            // Jubba region" is Lower Jubba; "the Houla Region" keeps its capital).
            let referent = match self.region_referent(&name) {
                Referent::New(mut n) if !self.doc.tokens[i].is_capitalised() && name_start < i => {
                    n.name = self.doc.span_text(name_start, i).to_owned();
                    Referent::New(n)
                }
                r => r,
            };
            let m = self.mention(name_start, end, referent, Form::Name, "region-noun", 0.85);
            match known {
                Some(k) => {
                    self.list[k] = m;
                    for t in name_start..end {
                        self.owner[t - self.range.start as usize] = k as i32;
                    }
                }
                None => {
                    self.add(m);
                }
            }
        } else if known.is_none() {
            let referent = Referent::New(NewName { name, etype: EntityType::Place, subtype: noun.subtype.clone() });
            let m = self.mention(name_start, end, referent, Form::Name, "place-noun", 0.8);
            self.add(m);
        }
        Some(j)
    }

    fn region_referent(&self, name: &str) -> Referent {
        for k in self.st.gazetteer.lookup(name) {
            if matches!(k, Known::Region(_)) {
                return Referent::Known(*k);
            }
        }
        Referent::New(NewName { name: name.to_owned(), etype: EntityType::Place, subtype: "Region".into() })
    }

    fn is_place(&self, m: usize) -> bool {
        self.known_type(m) == Some(EntityType::Place)
    }

    /// How large a place is: country 3, region or area 2, a settlement 1, a site in a
    /// settlement (a district, an airport, a mosque) 0; not a place: none.
    fn place_rank(&self, m: usize) -> Option<u8> {
        match &self.list[m].referent {
            Referent::Known(Known::Country(_)) => Some(3),
            Referent::Known(Known::Region(_) | Known::Area(_)) => Some(2),
            Referent::New(n) if n.etype != EntityType::Place => None,
            Referent::New(n) if n.subtype == "Region" => Some(2),
            Referent::New(n) if matches!(&*n.subtype, "" | "City" | "Town" | "Village") => Some(1),
            Referent::New(_) => Some(0),
            Referent::Known(Known::Place(_)) => Some(1),
            // "the city's Kyivskyi district", "the region's governor".
            Referent::Anaphor(EntityType::Place, sub) => Some(if sub.iter().any(|s| s == "Region") { 2 } else { 1 }),
            _ => None,
        }
    }

    /// The place noun of the lexicon that token `k` is ("town", "capital", "reef" is none).
    fn place_noun_at(&self, k: usize) -> Option<&'a PlaceNoun> {
        let word = self.low(k);
        self.data.lexicon.place_nouns.iter().find(|n| *n.word == *word)
    }

    /// Whether mention `b` is a place (or a country) larger than place `a`.
    fn larger_place(&self, b: usize, a: usize) -> bool {
        matches!((self.place_rank(b), self.place_rank(a)), (Some(rb), Some(ra)) if rb > ra)
    }

    /// The head of a possessive phrase starting at mention `b`: "Ukraine's eastern Donetsk
    /// region" is the region; else `b`.
    fn past_possessor(&self, b: usize) -> usize {
        let bend = self.list[b].end as usize;
        if self.is_clitic_s(bend) {
            let mut h = bend + 1;
            while self.is_lower_word(h) && h < bend + 4 {
                h += 1;
            }
            if let Some(head) = self.mention_starting_at(h) {
                return head;
            }
        }
        b
    }

    /// The first mention after `k` over "the", up to three lowercase adjectives and a
    /// demonym's compound ("Indian-administered"), on to the head of a possessive.
    fn place_after(&self, mut k: usize) -> Option<usize> {
        let limit = k + 4;
        loop {
            let adjective = self.is_lower_word(k) && self.mention_starting_at(k).is_none() && k < limit;
            if self.low(k) == "the" || adjective {
                k += 1;
            } else if self.low(k + 1) == "-"
                && self.is_lower_word(k + 2)
                && self.mention_starting_at(k).is_some_and(|m| self.list[m].form == Form::Demonym)
            {
                k += 3;
            } else {
                break;
            }
        }
        self.mention_starting_at(k).map(|b| self.past_possessor(b))
    }

    /// "Kreminna Balka in Ukraine's Donetsk region", "Vilnius, Lithuania", and a country's
    /// possessive or demonym before a place ("Ukraine's eastern Donetsk region").
    /// "the Tripoli-based Government of National Unity", "the US-based charity World
    /// Central Kitchen": the organisation named after "PLACE-based" (and up to two nouns) is
    /// based in the place (mention `a`, ending at token `end`).
    fn based_after(&mut self, a: usize, end: usize) {
        let joined = |k: usize| self.in_range(k) && !self.doc.tokens[k].space_before();
        if !(self.low(end) == "-" && joined(end) && self.low(end + 1) == "based" && joined(end + 1)) {
            return;
        }
        let from = end + 2;
        let org = (from..from + 3)
            .take_while(|&k| k == from || self.is_lower_word(k - 1))
            .find_map(|k| self.mention_starting_at(k))
            .filter(|&o| self.known_type(o) == Some(EntityType::Organisation) && !self.list[o].inner);
        if let Some(o) = org {
            self.fact(o, Predicate::BasedIn, FactObject::Mention(a as u32), None, "place-based");
        }
    }

    /// "Lockheed Martin, based in Bethesda,", "The ICC, which sits in The Hague,", "…,
    /// headquartered in Doha": the organisation (mention `o`) is based in the place named
    /// after it.
    fn based_in_after(&mut self, o: usize) {
        let end = self.list[o].end as usize;
        // "Hezbollah is based in Lebanon".
        let copula = matches!(self.low(end), "is" | "was" | "are" | "were");
        if !self.is_byte(end, b',') && !copula {
            return;
        }
        let which = self.low(end + 1) == "which";
        let mut k = end + 1 + usize::from(which);
        if which && matches!(self.low(k), "is" | "was") {
            k += 1;
        }
        // "Al-Shabaab, a militant group based in Somalia,", "Lashkar-e-Taiba, the
        // Pakistan-based militant organization,": an appositive that says where.
        if !which && !copula && matches!(self.low(k), "a" | "an" | "the") {
            let mut j = k + 1;
            // (Words of no name: "an Islamist militia based in Somalia".)
            let plain = |j: usize| {
                let no_name = self.owner(j).is_none_or(|o| self.list[o].referent == Referent::Bare);
                self.kind(j) == Some(TokenKind::Word) && no_name || self.low(j) == "-"
            };
            while j < k + 7 && plain(j) && self.low(j) != "based" {
                j += 1;
            }
            if self.low(j) == "based" && self.low(j + 1) == "in" {
                k = j;
            } else if let Some(p) = self.mention_starting_at(k + 1).filter(|&p| {
                let e = self.list[p].end as usize;
                self.low(e) == "-" && self.low(e + 1) == "based" && self.list[p].form == Form::Name
            }) {
                if matches!(self.known_type(p), Some(EntityType::Place | EntityType::Country)) {
                    self.fact(o, Predicate::BasedIn, FactObject::Mention(p as u32), None, "based-in");
                }
                return;
            }
        }
        let verb = self.low(k);
        if !(matches!(verb, "based" | "headquartered") || which && verb == "sits") || self.low(k + 1) != "in" {
            return;
        }
        let place = self.mention_starting_at(k + 2).filter(|&p| {
            matches!(self.known_type(p), Some(EntityType::Place | EntityType::Country))
                && self.list[p].form == Form::Name
        });
        if let Some(p) = place {
            self.fact(o, Predicate::BasedIn, FactObject::Mention(p as u32), None, "based-in");
        }
    }

    pub(super) fn located_in_patterns(&mut self) {
        let n = self.list.len();
        for a in 0..n {
            if !self.list[a].inner && self.known_type(a) == Some(EntityType::Organisation) {
                self.based_in_after(a);
                continue;
            }
            if self.list[a].inner {
                continue;
            }
            let end = self.list[a].end as usize;
            // "the Yemen-based Houthi movement": a state too is where a body is based.
            if self.known_type(a) == Some(EntityType::Country) {
                self.based_after(a, end);
                continue;
            }
            if !self.is_place(a) {
                continue;
            }
            self.based_after(a, end);
            let Some(rank) = self.place_rank(a) else { continue };
            // "X, Country" followed by punctuation or a function word.
            if self.is_byte(end, b',') {
                if let Some(b) = self.mention_starting_at(end + 1) {
                    let after = self.list[b].end as usize;
                    let closes = !self.in_range(after)
                        || matches!(self.kind(after), Some(TokenKind::Punct))
                        || self.is_lower_word(after);
                    if matches!(self.list[b].referent, Referent::Known(Known::Country(_)))
                        && self.list[b].form == Form::Name
                        && rank < 3
                        && closes
                        && !self.is_clitic_s(after)
                    {
                        self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "place-comma-country");
                    }
                    // "El Paso, Texas": a city and, after a comma, the first-level region
                    // the gazetteer puts it in; "Wazirabad, Punjab": a region of the city's
                    // country of that name (Pakistan's Punjab, not India's), where the
                    // gazetteer's code of the city's division (a number) cannot tell which.
                    if let (Referent::Known(Known::Place(p)), Referent::Known(Known::Region(_))) =
                        (&self.list[a].referent, &self.list[b].referent)
                    {
                        let p = &self.data.places[*p as usize];
                        // (Not in a list of places then: "Kharkiv, Donetsk Oblast and Odesa".)
                        let a_start = self.list[a].start as usize;
                        let listed = matches!(self.low(after), "and" | "or")
                            || a_start > self.range.start as usize && self.is_byte(a_start - 1, b',');
                        let numbered = p.admin1().bytes().all(|c| c.is_ascii_digit()) && !listed;
                        let within = |r: &crate::data::Region| {
                            let division = r.code.strip_prefix(&*p.country).and_then(|c| c.strip_prefix('-'));
                            p.country == r.country && (numbered || division == Some(p.admin1()))
                        };
                        let surface = self.doc.span_text(self.list[b].start as usize, after);
                        let region = self.st.gazetteer.lookup(surface).iter().find_map(|k| match k {
                            Known::Region(r) if within(&self.data.regions[*r as usize]) => Some(*k),
                            _ => None,
                        });
                        if let Some(r) =
                            region.filter(|_| self.list[b].form == Form::Name && closes && !self.is_clitic_s(after))
                        {
                            self.list[b].referent = Referent::Known(r);
                            self.fact(
                                a,
                                Predicate::LocatedIn,
                                FactObject::Mention(b as u32),
                                None,
                                "place-comma-region",
                            );
                        }
                    }
                }
            }
            // "the Tigray Region of Ethiopia", "the Kursk region of Russia": a region's
            // name before "of" and a country.
            if rank == 2 && self.low(end) == "of" {
                let country = self.mention_starting_at(end + 1).filter(|&b| {
                    matches!(self.list[b].referent, Referent::Known(Known::Country(_)))
                        && self.list[b].form == Form::Name
                        && !self.is_clitic_s(self.list[b].end as usize)
                });
                if let Some(b) = country {
                    self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "region-of-country");
                }
            }
            // "X, the capital of Y", "X, a town in Y", "X, a disputed reef in Y", "X, a
            // town in Haiti's Artibonite department"; "Lutsk is the capital of Volyn
            // region".
            let copula = matches!(self.low(end), "is" | "was") && rank < 3;
            if (self.is_byte(end, b',') || copula) && matches!(self.low(end + 1), "the" | "a" | "an") {
                let mut k = end + 2;
                while (self.is_lower_word(k) || self.low(k) == "-")
                    && k < end + 7
                    && !matches!(self.low(k), "of" | "in")
                {
                    k += 1;
                }
                let place_noun = self.place_noun_at(k.saturating_sub(1)).is_some();
                let joins = match self.low(k) {
                    "of" => place_noun,
                    "in" => k > end + 2 && (!copula || place_noun),
                    _ => false,
                };
                // ("Wuhan, a city of 11 million people in the Chinese province of Hubei": a
                // place noun's size, then "in".)
                let mut found = joins.then(|| self.place_after(k + 1)).flatten();
                if found.is_none() && joins && self.low(k) == "of" {
                    let size = |x: usize| self.kind(x) == Some(TokenKind::Number) || self.is_lower_word(x);
                    if let Some(x) = (k + 1..k + 6).take_while(|&x| size(x)).find(|&x| self.low(x) == "in") {
                        found = self.place_after(x + 1);
                    }
                }
                // ("in the Chinese province of Hubei": the province the demonym qualifies.)
                let named = |b: usize| {
                    let e = self.list[b].end as usize;
                    (self.list[b].form == Form::Demonym && self.place_noun_at(e).is_some() && self.low(e + 1) == "of")
                        .then(|| self.mention_starting_at(e + 2))
                        .flatten()
                        .unwrap_or(b)
                };
                if let Some(b) = found.map(named).filter(|&b| self.larger_place(b, a)) {
                    self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "place-apposition");
                }
            }
            // "Northern Ireland remained part of the United Kingdom".
            if matches!(self.low(end), "is" | "was" | "remained" | "remains" | "became" | "becomes")
                && self.low(end + 1) == "part"
                && self.low(end + 2) == "of"
            {
                let at = if self.low(end + 3) == "the" { end + 4 } else { end + 3 };
                if let Some(b) = self.mention_starting_at(at).filter(|&b| self.larger_place(b, a)) {
                    self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "part-of-place");
                }
            }
            // "Abuja, the Nigerian capital", "Aden, the southern Yemeni port city": the
            // country of the demonym before the appositive's place noun.
            if (self.is_byte(end, b',') || copula) && matches!(self.low(end + 1), "the" | "a" | "an") {
                let mut k = end + 2;
                while self.is_lower_word(k) && k < end + 5 {
                    k += 1;
                }
                let demonym = self.mention_starting_at(k).filter(|&q| self.list[q].form == Form::Demonym);
                if let Some((q, c)) = demonym.and_then(|q| Some((q, self.country_of(q)?))) {
                    let mut j = self.list[q].end as usize;
                    while (self.is_lower_word(j) || self.low(j) == "-") && j < self.list[q].end as usize + 4 {
                        j += 1;
                    }
                    let noun = j > self.list[q].end as usize && self.place_noun_at(j - 1).is_some();
                    if noun && !matches!(self.low(j), "of" | "'s") && !self.is_lower_word(j) && rank < 3 {
                        let object = self.country_object(q, c);
                        self.fact(a, Predicate::LocatedIn, object, None, "place-apposition");
                    }
                }
            }
            // "Aleppo, Syria's second city": the possessor of the appositive's place noun.
            if self.is_byte(end, b',') {
                if let Some(q) = self.mention_starting_at(end + 1).filter(|&q| self.larger_place(q, a)) {
                    let qend = self.list[q].end as usize;
                    let mut k = qend + 1;
                    while (self.is_lower_word(k) || self.low(k) == "-") && k < qend + 5 {
                        k += 1;
                    }
                    let place_noun = self.place_noun_at(k.saturating_sub(1)).is_some();
                    if self.is_clitic_s(qend) && k > qend + 1 && place_noun && !self.is_lower_word(k) {
                        self.fact(a, Predicate::LocatedIn, FactObject::Mention(q as u32), None, "place-apposition");
                    }
                }
            }
            // "Tehran, the capital,", "the capital, Bamako": a capital named as such, with
            // no country said, is in the country the gazetteer knows it as the capital of.
            let start = self.list[a].start as usize;
            if let (Referent::Known(Known::Place(p)), true) = (&self.list[a].referent, rank < 3) {
                let the_capital = |k: usize| self.low(k) == "the" && self.low(k + 1) == "capital";
                let city = usize::from(self.low(end + 3) == "city");
                let after = self.is_byte(end, b',')
                    && the_capital(end + 1)
                    && (!self.in_range(end + 3 + city) || self.kind(end + 3 + city) == Some(TokenKind::Punct));
                let before =
                    start >= self.range.start as usize + 3 && self.is_byte(start - 1, b',') && the_capital(start - 3);
                if let Some(c) = self.st.capital_of(*p).filter(|_| after || before) {
                    self.fact(
                        a,
                        Predicate::LocatedIn,
                        FactObject::Known(Known::Country(c)),
                        None,
                        "capital-of-country",
                    );
                }
            }
            // "Sierra Leone's capital, Freetown": the possessor of a place noun in apposition
            // before the name.
            if start >= self.range.start as usize + 4
                && self.low(start - 1) == ","
                && self.place_noun_at(start - 2).is_some()
            {
                let mut k = start - 2;
                while k > start.saturating_sub(6) && self.is_lower_word(k) {
                    k -= 1;
                }
                if self.is_clitic_s(k) {
                    if let Some(q) = self.mention_ending_at(k).filter(|&q| self.larger_place(q, a)) {
                        self.fact(a, Predicate::LocatedIn, FactObject::Mention(q as u32), None, "place-apposition");
                    }
                }
            }
            // "X in (the) (adjectives) Y"; "Idlib province, in northwest Syria,".
            let in_at = match (self.low(end), self.low(end + 1)) {
                ("in", _) if rank <= 1 => Some(end),
                (",", "in") => Some(end + 1),
                _ => None,
            };
            if let Some(b) = in_at.and_then(|k| self.place_after(k + 1)) {
                // "Robotyne in southern Ukraine": the larger place may be a country.
                if self.larger_place(b, a) {
                    self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "place-in-place");
                }
            }
            // "the Sheikh Radwan neighbourhood of Gaza City", "the Kyivskyi district of Kharkiv".
            // The noun after the name ("Sheikh Radwan neighbourhood"), or ending it
            // ("Kyivskyi district", named with its noun).
            let of_at =
                if matches!(self.low(end), "district" | "neighbourhood" | "neighborhood") { end + 1 } else { end };
            let district = self.low(end.saturating_sub(1)) == "district";
            if (of_at > end || district) && self.low(of_at) == "of" {
                if let Some(b) = self.place_after(of_at + 1).filter(|&b| self.larger_place(b, a)) {
                    self.fact(a, Predicate::LocatedIn, FactObject::Mention(b as u32), None, "place-noun-of");
                }
            }
            // "Ukraine's (eastern) X", "the Ukrainian city of X" handled by place nouns;
            // here the possessive directly before a place mention: a country's, a larger
            // place's ("Port-au-Prince's Toussaint Louverture International Airport", "the
            // city's Kyivskyi district").
            let start = self.list[a].start as usize;
            let mut k = start;
            while k > self.range.start as usize
                && self.is_lower_word(k - 1)
                && k + 3 > start
                && !matches!(self.low(k - 1), "in" | "of" | "at" | "near" | "from" | "to" | "on" | "by" | "for")
            {
                k -= 1;
            }
            if k > 0 && self.is_clitic_s(k - 1) {
                if let Some(q) = self.mention_ending_at(k - 1).filter(|&q| self.larger_place(q, a)) {
                    let dup = self.facts.iter().any(|f| {
                        f.subject as usize == a
                            && f.predicate == Predicate::LocatedIn
                            && f.object == FactObject::Mention(q as u32)
                    });
                    if !dup {
                        self.fact(a, Predicate::LocatedIn, FactObject::Mention(q as u32), None, "possessive-place");
                    }
                }
            }
        }
    }

    /// Acronyms defined in an earlier sentence, used again: "Seven aircraft were
    /// involved, MIT said" after "Turkey's National Intelligence Organisation (MIT)".
    pub(super) fn acronym_uses(&mut self, acronyms: &FxHashMap<String, Referent>) {
        if acronyms.is_empty() {
            return;
        }
        for i in self.range.start as usize..self.range.end as usize {
            let t = self.doc.tokens[i];
            if !t.is_word() || self.taken(i) || !self.doc.tok(i).bytes().all(|b| b.is_ascii_uppercase()) {
                continue;
            }
            if let Some(r) = acronyms.get(self.doc.tok(i)) {
                let m = self.mention(i, i + 1, r.clone(), Form::Acronym, "acronym", 0.85);
                self.add(m);
            }
        }
    }

    /// Acronyms this sentence made organisations of by their use ("According to MINUSMA,
    /// …"), added to the document's `acronyms`: its later uses are the same body.
    pub(super) fn acronyms_by_use(&mut self, acronyms: &mut FxHashMap<String, Referent>) {
        for m in &self.list {
            if m.rule == "according-to-acronym" && !m.inner {
                let text = self.doc.tok(m.start as usize);
                acronyms.entry(text.to_owned()).or_insert_with(|| m.referent.clone());
            }
        }
    }

    /// Acronyms defined in this sentence, added to the document's `acronyms`.
    pub(super) fn acronym_definitions(&mut self, acronyms: &mut FxHashMap<String, Referent>) {
        // Most sentences have no parenthesis: one look at their bytes.
        let (first, last) = (self.range.start as usize, self.range.end as usize);
        if last < first + 3 {
            return;
        }
        let bytes =
            &self.doc.lower.as_bytes()[self.doc.tokens[first].start as usize..self.doc.tokens[last - 1].end as usize];
        // `memchr` reads many bytes a step (`contains` two words).
        if memchr::memchr(b'(', bytes).is_none() {
            return;
        }
        let mut i = first;
        while i + 2 < self.range.end as usize {
            // Most tokens are not an opening parenthesis.
            if !self.is_byte(i, b'(') {
                i += 1;
                continue;
            }
            let t = self.doc.tokens[i + 1];
            let acronym = self.doc.tok(i + 1);
            let is_acr = || {
                t.is_word()
                    && acronym.chars().next().is_some_and(char::is_uppercase)
                    && acronym.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && acronym.len() >= 2
                    && acronym.len() <= 8
            };
            // The acronym starts with the initial of one of the name's words: "WASHINGTON
            // (AP)" is a dateline, not a definition.
            let first = acronym.bytes().next().unwrap_or(0);
            let fits = |from: usize| (from..i).any(|k| self.doc.tok(k).bytes().next() == Some(first));
            if self.low(i) == "(" && self.low(i + 2) == ")" && is_acr() {
                // An organisation's acronym may come from its name in another language:
                // "Turkey's National Intelligence Organisation (MIT)".
                // "the United Nations … Mission in Mali (MINUSMA)": the organisation named
                // over "in" and a place, not the place.
                let over_place = self.name_over_place(i, acronym);
                let known = self.mention_ending_at(i).filter(|&m| {
                    over_place.is_none()
                        && (fits(self.list[m].start as usize) || self.known_type(m) == Some(EntityType::Organisation))
                });
                let referent = if let Some(m) = known {
                    Some(self.list[m].referent.clone())
                } else if let Some((start, inner)) = over_place.or_else(|| self.spelled_out(i, acronym)) {
                    // "United Kingdom Maritime Trade Operations (UKMTO)": the words whose
                    // initials spell the acronym, over the names they contain.
                    let (etype, subtype) =
                        self.head_type(start, i).unwrap_or((EntityType::Organisation, String::new()));
                    let name = self.doc.span_text(start, i).to_owned();
                    let r = Referent::New(NewName { name, etype, subtype });
                    let m = self.mention(start, i, r.clone(), Form::Name, "acronym-definition", 0.85);
                    // A country's name stays a mention of the country; a place's word
                    // ("Maritime") was a word of the name only.
                    let (countries, others): (Vec<usize>, Vec<usize>) =
                        inner.into_iter().partition(|&x| self.known_type(x) == Some(EntityType::Country));
                    for x in others {
                        self.list[x] = Mention { inner: true, ..m.clone() };
                    }
                    self.wrap(&countries, m);
                    Some(r)
                } else if self.mention_ending_at(i).is_some() {
                    None
                } else {
                    // An unknown name before the parenthesis, typed by its head noun.
                    let mut start = i;
                    while start > self.range.start as usize
                        && is_name_token(self.doc, self.data, start - 1)
                        && self.owner(start - 1).is_none()
                    {
                        start -= 1;
                    }
                    while start < i && !self.doc.tokens[start].is_capitalised() {
                        start += 1;
                    }
                    if start < i && self.is(start, STOPWORD) {
                        start += 1;
                    }
                    // A country or place name opening the name: "Sudan Liberation Movement".
                    // So is a demonym whose initial opens the acronym: "the ruling Serbian
                    // Progressive Party (SNS)".
                    let opening = (start < i).then(|| self.mention_ending_at(start)).flatten().filter(|&m| {
                        let initial = self.doc.tok(self.list[m].start as usize).bytes().next() == Some(first);
                        (self.list[m].form == Form::Name || self.list[m].form == Form::Demonym && initial)
                            && self.known_type(m) != Some(EntityType::Person)
                    });
                    // An organisation's name by its head noun may have an acronym from
                    // another language: "the National Liberation Army (ELN)".
                    let head = (start < i).then(|| self.head_type(start, i)).flatten();
                    let organisation = head.as_ref().is_some_and(|(t, _)| *t == EntityType::Organisation);
                    (start < i && (fits(start) || organisation)).then(|| {
                        let (etype, subtype) = head.unwrap_or((EntityType::Organisation, String::new()));
                        let from = opening.map_or(start, |m| self.list[m].start as usize);
                        let name = self.doc.span_text(from, i).to_owned();
                        let r = Referent::New(NewName { name, etype, subtype });
                        let m = self.mention(from, i, r.clone(), Form::Name, "acronym-definition", 0.85);
                        match opening {
                            Some(o) => self.replace(o, m),
                            None => self.add(m),
                        };
                        r
                    })
                };
                if let Some(r) = referent {
                    if self.owner(i + 1).is_none() {
                        let m = self.mention(i + 1, i + 2, r.clone(), Form::Acronym, "acronym-definition", 0.9);
                        self.add(m);
                    }
                    acronyms.insert(acronym.to_owned(), r);
                }
                i += 3;
                continue;
            }
            i += 1;
        }
    }

    /// An organisation's name that goes on over "in", "for" or "to" and a country or place
    /// up to the parenthesis at `open` before `acronym`: "the United Nations
    /// Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)". The name's
    /// first token and the mentions inside it, as [`Self::spelled_out`] gives them.
    fn name_over_place(&self, open: usize, acronym: &str) -> Option<(usize, Vec<usize>)> {
        let place = self.mention_ending_at(open)?;
        if !matches!(self.known_type(place), Some(EntityType::Country | EntityType::Place)) {
            return None;
        }
        let head_end = (self.list[place].start as usize).checked_sub(1)?;
        if !matches!(self.low(head_end), "in" | "for" | "to") {
            return None;
        }
        let lo = (self.range.start as usize).max(head_end.saturating_sub(10));
        let mut start = head_end;
        while start > lo && self.doc.tokens[start - 1].is_capitalised() && self.doc.tokens[start - 1].is_word() {
            start -= 1;
        }
        if self.is(start, STOPWORD) {
            start += 1;
        }
        // Two words or more, one of them with the acronym's initial.
        let initial = |k: usize| self.doc.tok(k).bytes().next() == acronym.bytes().next();
        if head_end - start < 2 || !(start..head_end).any(initial) {
            return None;
        }
        let mut inner: Vec<usize> = (start..open).filter_map(|x| self.owner(x)).collect();
        inner.dedup();
        inner.iter().all(|&m| self.list[m].start as usize >= start).then_some((start, inner))
    }

    /// The start of the name before the parenthesis at `open` whose capitalised words'
    /// initials spell `acronym` ("Emergency Response Rooms (ERR)"), and the mentions of
    /// other names inside it ("United Kingdom" in "United Kingdom Maritime Trade Operations
    /// (UKMTO)"), when no mention ends there.
    fn spelled_out(&self, open: usize, acronym: &str) -> Option<(usize, Vec<usize>)> {
        if self.mention_ending_at(open).is_some() {
            return None;
        }
        let lo = (self.range.start as usize).max(open.saturating_sub(10));
        let mut initials = Vec::new();
        let mut k = open;
        while k > lo {
            let t = self.doc.tokens[k - 1];
            let person = self.owner(k - 1).is_some_and(|m| self.known_type(m) == Some(EntityType::Person));
            // "All People's Congress (APC)": a possessive inside the name.
            if self.is_clitic_s(k - 1) && k - 1 > lo && self.doc.tokens[k - 2].is_capitalised() {
                k -= 1;
                continue;
            }
            if !t.is_word() || person {
                break;
            }
            if t.is_capitalised() {
                initials.push(self.doc.tok(k - 1).as_bytes()[0]);
                if initials.len() == acronym.len() {
                    let spelled = initials.iter().rev().zip(acronym.bytes()).all(|(a, b)| a.eq_ignore_ascii_case(&b));
                    if !spelled {
                        return None;
                    }
                    let start = k - 1;
                    let mut inner: Vec<usize> = (start..open).filter_map(|x| self.owner(x)).collect();
                    inner.dedup();
                    // The mentions inside lie inside the name.
                    let inside = inner.iter().all(|&m| self.list[m].start as usize >= start);
                    return inside.then_some((start, inner));
                }
            } else if !matches!(self.low(k - 1), "of" | "for" | "and" | "on") {
                break;
            }
            k -= 1;
        }
        None
    }

    /// The type an appositive after a name gives it: "…, a network of volunteers," an
    /// organisation (by a name head); "Tskhinvali, the capital of South Ossetia", "Pont-Sondé,
    /// a town in Haiti's …" a place (by a place noun before "of", "in" or a comma).
    fn appositive_type(&self, end: usize) -> Option<(EntityType, String)> {
        let det = self.low(end + 1);
        if self.low(end) != "," || !matches!(det, "a" | "an" | "the") {
            return None;
        }
        let mut k = end + 2;
        while k < end + 6 && (self.is_lower_word(k) || self.low(k) == "-") {
            if let Some(&h) = self.st.heads.get(self.low(k)).filter(|_| det != "the") {
                let h = &self.data.lexicon.name_heads[h as usize];
                let last = !self.is_lower_word(k + 1) || matches!(self.low(k + 1), "of" | "that" | "which" | "based");
                if h.etype == EntityType::Organisation && last {
                    return Some((EntityType::Organisation, h.subtype.clone()));
                }
            }
            if matches!(self.low(k + 1), "of" | "in" | ",") {
                if let Some(noun) = self.place_noun_at(k) {
                    return Some((EntityType::Place, noun.subtype.clone()));
                }
            }
            k += 1;
        }
        None
    }

    /// "the Gran Grif gang": a name of up to four words between "the" and a lowercase noun
    /// that stands for an organisation (the nouns of `lexicon/anaphora.tsv`), whose first
    /// subtype it takes.
    fn organisation_noun_after(&self, i: usize, end: usize, words: usize) -> Option<String> {
        // (After "the", or "the" and a compound adjective: "the IS-affiliated Abu Sayyaf group".)
        if words > 4
            || i == 0
            || !self.is_lower_word(end)
            || !(self.low(i - 1) == "the" || self.after_article_compound(i))
        {
            return None;
        }
        if !self.may_start(end, ANAPHOR_START) {
            return None;
        }
        let (&ai, j) = self.st.anaphora.longest_at(self.doc, end)?;
        let Anaphor { etype, subtypes, .. } = &self.data.lexicon.anaphora[ai as usize];
        // Not a noun in apposition to a name after it ("the Islamist group Hayat Tahrir
        // al-Sham"), nor an adjective ("the Mezzeh military airport").
        let apposition = self.doc.tokens.get(j).is_some_and(|t| t.is_capitalised() && t.is_word());
        let adjective = matches!(self.low(end), "military" | "army") && self.is_lower_word(j);
        (*etype == EntityType::Organisation && !apposition && !adjective)
            .then(|| subtypes.first().cloned().unwrap_or_default())
    }

    /// Whether an organisation's noun comes right before the name at token `i`, in
    /// apposition to it: "the armed group Kata Mbolo", "the disaster agency AFAD". (Of no
    /// subtype: "the rights group Foro Penal" is no armed group.)
    fn organisation_noun_before(&self, i: usize) -> bool {
        i > self.range.start as usize && self.is_lower_word(i - 1) && self.organisation_noun_ending_at(i)
    }

    /// Whether a noun for an organisation ("group", "armed group") ends right before token
    /// `i`.
    fn organisation_noun_ending_at(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        (i.saturating_sub(2).max(start)..i).any(|k| {
            self.may_start(k, ANAPHOR_START)
                && self.st.anaphora.longest_at(self.doc, k).is_some_and(|(&ai, j)| {
                    j == i && self.data.lexicon.anaphora[ai as usize].etype == EntityType::Organisation
                })
        })
    }

    /// Whether the name at token `i` is what an organisation calls itself or is called: "a
    /// hacker group calling itself the Guardians of Peace", "a militia known as the Sons of
    /// the Desert", "a group called Black Flag".
    fn self_named(&self, i: usize) -> bool {
        let start = self.range.start as usize + 2;
        let k = if i > start && self.low(i - 1) == "the" { i - 1 } else { i };
        if k < start + 1 {
            return false;
        }
        match self.low(k - 1) {
            "itself" => {
                matches!(self.low(k - 2), "calling" | "calls" | "called") && self.organisation_noun_ending_at(k - 2)
            }
            "called" | "named" => self.organisation_noun_ending_at(k - 1),
            "as" => self.low(k - 2) == "known" && self.organisation_noun_ending_at(k - 2),
            _ => false,
        }
    }

    /// Whether a lowercase title and a capitalised name start at token `k`: "leader Iyad
    /// ag Ghali".
    fn title_then_name(&self, k: usize) -> bool {
        self.is_lower_word(k)
            && self.may_start(k, TITLE_START)
            && self.st.titles.longest_at(self.doc, k).is_some_and(|(_, j)| {
                self.in_range(j) && self.doc.tokens[j].is_word() && self.doc.tokens[j].is_capitalised()
            })
    }

    /// Whether the name at token `i` is listed after a plural noun of organisations and
    /// "such as": "groups such as the MOJWA and the Ansar Dine".
    fn listed_after_organisations(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        let mut k = i;
        while k > start + 2 && i - k < 16 {
            k -= 1;
            match self.low(k) {
                "as" => return self.low(k - 1) == "such" && self.organisations_noun(k - 2),
                "the" | "," | "and" | "-" => {}
                _ if self.doc.tokens[k].is_capitalised() => {}
                _ => return false,
            }
        }
        false
    }

    /// Whether token `k` is the plural of a noun that refers to an organisation
    /// (`lexicon/anaphora.tsv`): "groups", "militias", "parties".
    fn organisations_noun(&self, k: usize) -> bool {
        let w = self.low(k);
        self.data.lexicon.anaphora.iter().filter(|a| a.etype == EntityType::Organisation).any(|a| {
            let n = a.noun.as_str();
            w.strip_suffix('s') == Some(n)
                || n.strip_suffix('y').is_some_and(|stem| w.strip_suffix("ies") == Some(stem))
        })
    }

    /// Whether a verb of meeting (`meeting-verb`), or one and "with", stands right before
    /// token `i`: "met", "spoke with".
    fn met_before(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        i > start && self.is(i - 1, MEETING_VERB)
            || i > start + 1 && self.low(i - 1) == "with" && self.is(i - 2, MEETING_VERB)
    }

    /// Whether a noun of kinship after a possessive stands right before token `i`: "his
    /// sister", "the president's son".
    fn kin_before(&self, i: usize) -> bool {
        let start = self.range.start as usize;
        i >= start + 2
            && self.is(i - 1, KIN_NOUN)
            && (matches!(self.low(i - 2), "his" | "her" | "their" | "its") || self.is_clitic_s(i - 2))
    }

    /// Whether an age in apposition starts at token `k`: ", 20,", ", 54)".
    fn age_after(&self, k: usize) -> bool {
        let age = self.low(k + 1);
        self.low(k) == ","
            && (1..=3).contains(&age.len())
            && age.bytes().all(|b| b.is_ascii_digit())
            && age.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
            && matches!(self.low(k + 2), "," | ")" | ".")
    }

    /// The one-word place mention after the particle at `end` that ends a person's name
    /// opening at `i`, and the name's end: "Ladin" in "Hamza bin Ladin".
    fn place_after_particle(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        if !self.is(end, PARTICLE) || !self.is_lower_word(end) || end > i + 2 {
            return None;
        }
        if !self.given_name(i) && !matches!(self.low(end), "bin" | "ibn" | "bint") {
            return None;
        }
        let p = self.mention_starting_at(end + 1)?;
        let m = &self.list[p];
        let place = matches!(m.referent, Referent::Known(Known::Place(_) | Known::Region(_) | Known::Area(_)));
        let next_capitalised = self.doc.tokens.get(end + 2).is_some_and(|t| t.is_capitalised());
        (place && m.form == Form::Name && m.end as usize == end + 2 && !next_capitalised).then_some((p, end + 2))
    }

    /// Whether an age as a noun's adjective opens the words at `k`: "a 29-year-old".
    fn aged_noun_after(&self, k: usize) -> bool {
        matches!(self.low(k), "a" | "an")
            && self.kind(k + 1) == Some(TokenKind::Number)
            && (1..=3).contains(&self.low(k + 1).len())
            && self.low(k + 2) == "-"
            && self.low(k + 3) == "year"
    }

    /// Whether the name run `i..end` has a lowercase particle of surnames
    /// (`surname-particle`) between capitalised words.
    fn particle_inside(&self, i: usize, end: usize) -> bool {
        self.doc.tokens[i].is_capitalised()
            && self.doc.tokens[end - 1].is_capitalised()
            && (i + 1..end - 1).any(|k| self.is_lower_word(k) && self.is(k, SURNAME_PARTICLE))
    }

    pub(super) fn fallback(&mut self) {
        let mut i = self.range.start as usize;
        let stop = self.range.end as usize;
        while i < stop {
            // Most tokens open no name run: a name starts with a capitalised word or a
            // particle (the test `name_run` makes first, without its range checks), looked
            // for in a loop of its own.
            let opens = |(t, w): (&Token, &u64)| t.is_capitalised() || w & PARTICLE != 0;
            let Some(skip) = self.doc.tokens[i..stop].iter().zip(&self.words[i..stop]).position(opens) else {
                break;
            };
            i += skip;
            // (Nor does a token a mention has taken: `name_run` asks first.)
            if !self.doc.tokens[i].is_word() || self.quoted[i - self.range.start as usize] || self.taken(i) {
                i += 1;
                continue;
            }
            // "condemned by The Syria Campaign": a name written with a capitalised "The"
            // inside a sentence is an organisation's (a publication's, a group's).
            if let Some((to, inner)) = self.the_name(i) {
                let name = self.doc.span_text(i, to).to_owned();
                let referent = Referent::New(NewName { name, etype: EntityType::Organisation, subtype: String::new() });
                let m = self.mention(i, to, referent, Form::Name, "capital-the", 0.65);
                // (The names inside stand for it: "The North Africa Post" is no region.)
                for &q in &inner {
                    self.list[q] = Mention { inner: true, ..m.clone() };
                }
                self.add(m);
                i = to;
                continue;
            }
            let Some(end) = self.name_run(i, 6) else {
                i += 1;
                continue;
            };
            // "said SARC President, Dr Abdulrahman Attar": an office's title ending a run
            // before a comma is no part of a name.
            let end = if end > i + 1 && self.low(end) == "," && self.office_title_end(end - 1) == Some(end) {
                end - 1
            } else {
                end
            };
            // "Joaquín "El Chapo" Guzmán": a nickname in quotes between a given name and a
            // surname is inside the person's name.
            if let Some(to) = self.nickname_name(i, end) {
                let name = self.doc.span_text(i, to).to_owned();
                let m = self.mention(i, to, self.person(name), Form::Name, "nickname-name", 0.7);
                // A name the gazetteer found in the nickname ("El Toro") is none.
                for k in i..to {
                    if let Some(q) = self.owner(k) {
                        self.list[q] = Mention { inner: true, ..m.clone() };
                    }
                }
                self.add(m);
                i = to;
                continue;
            }
            // "Pan Am Flight 103", "Resolution 2231", "Article I": a numbered service or
            // passage is no entity.
            let numbered = |k: usize| self.data.lexicon.word_classes.contains(WordClass::NumberedNoun, self.low(k));
            if self.kind(end) == Some(TokenKind::Number) && numbered(end - 1)
                || end > i + 1 && regnal_numeral(self.doc.tok(end - 1)) && numbered(end - 2)
            {
                i = end;
                continue;
            }
            // "held the posts of President and Chief of Army Staff": the capitalised words of
            // an office's title that names no one are no entity.
            if self.in_office_title(i, end) {
                i = end;
                continue;
            }
            // "Hamza bin Ladin": a particle of surnames and a town's one-word name after a
            // given name (or after any name, for "bin", "ibn") end a person's name.
            if let Some((p, to)) = self.place_after_particle(i, end) {
                let name = self.doc.span_text(i, to).to_owned();
                let m = self.mention(i, to, self.person(name), Form::Name, "particle-name", 0.65);
                self.replace(p, m);
                i = to;
                continue;
            }
            let sentence_start = i == self.range.start as usize
                || (i == self.range.start as usize + 1 && self.doc.tokens[i - 1].is_quote())
                || self.after_dash(i);
            // Typed by its head noun, or by an appositive's ("…, a network of volunteers,").
            // (Not for a name listed after a person's and opening with a given name: "the
            // governments of Nicolás Maduro and Juan Guaidó, a coalition of Colombia, …".)
            let mut head = self.head_type(i, end).or_else(|| {
                let listed_person = end > i + 1
                    && self.given_name(i)
                    && i >= self.range.start as usize + 2
                    && self.low(i - 1) == "and"
                    && self
                        .mention_ending_at(i - 1)
                        .is_some_and(|p| self.list[p].entity_type(self.data) == Some(EntityType::Person));
                self.appositive_type(end).filter(|_| !listed_person)
            });
            // "the Peace and Security Council", "the Justice and Equality Movement": an
            // organisation's name of two parts joined by "and".
            let mut end = end;
            if head.is_none() && self.low(end) == "and" && end <= i + 2 {
                if let Some(end2) = self.name_run(end + 1, 6) {
                    if let Some(h) = self.head_type(end + 1, end2).filter(|(t, _)| *t == EntityType::Organisation) {
                        head = Some(h);
                        end = end2;
                    }
                }
            }
            // A known country or place right before: "Sudan TV", "Khartoum International
            // Airport"; a demonym before a company's or a hospital's name: "Indian Oil
            // Corporation", "the Saudi Teaching Maternal Hospital".
            // So does a demonym before a state's police, army, agency, office or court, or a
            // church: "the Haitian National Police", "the Indonesian State Intelligence
            // Agency", "the Serbian Orthodox Church".
            // So does a demonym before a parliament's name ("the Tunisian Parliament") and a
            // party's ("Thailand's Thai Raksa Chart Party").
            let state_body = head.as_ref().is_some_and(|(t, sub)| {
                *t == EntityType::Organisation
                    && (matches!(&**sub, "Police" | "ArmedForces" | "Agency" | "Office" | "Court" | "Commission")
                        && end > i + 1
                        || &**sub == "Parliament")
            });
            // So does a demonym before a name of two words or more of an alliance or an armed
            // group ("the Somali National Alliance", "the Sudanese Revolutionary Front").
            let group = end > i + 1
                && head.as_ref().is_some_and(|(t, sub)| {
                    *t == EntityType::Organisation && matches!(&**sub, "Alliance" | "ArmedGroup")
                });
            let demonym_opens = state_body
                || group
                || head.as_ref().is_some_and(|(t, sub)| {
                    *t == EntityType::Organisation
                        && matches!(
                            &**sub,
                            "Company"
                                | "ReligiousOrganisation"
                                | "PoliticalParty"
                                | "ThinkTank"
                                | "University"
                                | "NewsAgency"
                        )
                        || *t == EntityType::Place && sub == "Hospital"
                });
            // (Or a country's acronym: "the US Geological Survey".)
            let prev = self.mention_ending_at(i).filter(|&m| {
                let known = &self.list[m].referent;
                self.doc.tokens[i].space_before()
                    && matches!(
                        known,
                        Referent::Known(Known::Country(_) | Known::Place(_) | Known::Region(_) | Known::Area(_))
                    )
                    && (self.list[m].form == Form::Name
                        || demonym_opens && self.list[m].form == Form::Demonym
                        || self.list[m].form == Form::Acronym && matches!(known, Referent::Known(Known::Country(_))))
            });
            if let (Some(p), Some((etype, subtype))) = (prev, head.clone()) {
                // "the Kenya National Commission on Human Rights", "the Belgrade Centre for
                // Security Policy": an organisation's name goes on over "of", "for" or "on"
                // and a name nobody lists.
                let end = if etype == EntityType::Organisation {
                    self.of_name(end)
                        .filter(|(q, _)| q.is_none())
                        .or_else(|| self.for_name(end))
                        .map_or(end, |(_, e)| e)
                } else {
                    end
                };
                let start = self.list[p].start as usize;
                let name = self.doc.span_text(start, end).to_owned();
                let referent = Referent::New(NewName { name, etype, subtype });
                let m = self.mention(start, end, referent, Form::Name, "name-head", 0.8);
                if state_body && self.list[p].form == Form::Demonym {
                    // The state's body is part of the state the demonym names.
                    let new = self.wrap(&[p], m);
                    self.fact(new, Predicate::PartOf, FactObject::Mention(p as u32), None, "demonym-body");
                } else {
                    self.replace(p, m);
                }
                i = end;
                continue;
            }
            let words = (i..end).filter(|&k| self.doc.tokens[k].is_word()).count();
            // "Milan Radoičić", "Sofia Sapega", "Jordan Bardella": a town's or a country's
            // one-word name that is also a given name, before a surname nobody lists, opens a
            // person's name.
            // So does any town's one-word name before a surname and an appositive title:
            // "Budi Gunawan, chief of the State Intelligence Agency,".
            let titled = words == 1 && self.titled_after(end);
            let given_place = self.mention_ending_at(i).filter(|&p| {
                let m = &self.list[p];
                head.is_none()
                    && words == 1
                    && m.form == Form::Name
                    && m.end == m.start + 1
                    && (matches!(m.referent, Referent::Known(Known::Place(_) | Known::Country(_))) && self.given_name(m.start as usize)
                        || matches!(m.referent, Referent::Known(Known::Place(_))) && titled)
                    && self.doc.tokens[i].space_before()
                    // "part of the Paris Métro": a person's name takes no article.
                    && !(m.start > self.range.start && self.low(m.start as usize - 1) == "the")
                    && !self.doc.tokens[i].is_all_caps()
                    && !self.is(i, NAME_HEAD)
            });
            // "The Somali Journalists Syndicate said", "the Libyan Red Crescent said": a name
            // nobody lists after "the" (and a demonym) before a verb of saying is an
            // organisation's; a person's name takes no article.
            if head.is_none() && (2..=3).contains(&words) && self.is(end, SPEECH_VERB_AFTER_NAME) {
                let demonym = self
                    .mention_ending_at(i)
                    .filter(|&p| self.list[p].form == Form::Demonym && self.doc.tokens[i].space_before());
                let start = demonym.map_or(i, |p| self.list[p].start as usize);
                if start > self.range.start as usize && self.low(start - 1) == "the" {
                    let name = self.doc.span_text(start, end).to_owned();
                    let referent =
                        Referent::New(NewName { name, etype: EntityType::Organisation, subtype: String::new() });
                    let m = self.mention(start, end, referent, Form::Name, "determiner-speaker", 0.65);
                    match demonym {
                        Some(p) => {
                            self.replace(p, m);
                        }
                        None => {
                            self.add(m);
                        }
                    }
                    i = end;
                    continue;
                }
            }
            // "identified as Sudesh Amman, 20,": a name nobody lists before a town's
            // one-word name, with an age after it, is a person's.
            let aged_place = (head.is_none() && words == 1 && end == i + 1)
                .then(|| self.mention_starting_at(end))
                .flatten()
                .filter(|&p| {
                    self.single_word_place(p)
                        && self.doc.tokens[end].space_before()
                        && self.age_after(self.list[p].end as usize)
                });
            // "Htin Kyaw, President of Myanmar,", "Maung Maung Soe (Commander of …)",
            // "presidents Rafael Correa and Lenín Moreno": a name nobody lists before a
            // town's one-word name, with a title in apposition after it or listed after a
            // person, is a person's.
            let place_after = (head.is_none() && words <= 3 && !self.is(i, STOPWORD))
                .then(|| self.mention_starting_at(end))
                .flatten()
                .filter(|&p| {
                    let start = self.range.start as usize;
                    self.single_word_place(p)
                        && self.doc.tokens[end].space_before()
                        && !(i > start && self.low(i - 1) == "the")
                        // (Or after a given name and another word: "Iván Archivaldo
                        // Guzmán Salazar", two surnames.)
                        && (self.titled_after(self.list[p].end as usize)
                            || words >= 2 && self.given_name(i) && !self.doc.tokens[i].is_all_caps()
                            || i > start + 1
                                && self.low(i - 1) == "and"
                                && self.mention_ending_at(i - 1).is_some_and(|q| {
                                    self.list[q].form == Form::Name && self.known_type(q) == Some(EntityType::Person)
                                }))
                });
            // Either makes the town's name and the name beside it one person's name.
            let person_over_place = aged_place
                .map(|p| (p, i, self.list[p].end as usize, "aged-name"))
                .or_else(|| place_after.map(|p| (p, i, self.list[p].end as usize, "name-place")))
                .or_else(|| {
                    given_place.map(|p| {
                        let start = self.list[p].start as usize;
                        (p, start, end, if self.given_name(start) { "given-name-place" } else { "titled-name-place" })
                    })
                });
            if let Some((p, from, to, rule)) = person_over_place {
                let name = self.doc.span_text(from, to).to_owned();
                let m = self.mention(from, to, self.person(name), Form::Name, rule, 0.65);
                self.replace(p, m);
                i = to;
                continue;
            }
            // "the head of Tajikistan's State Committee for National Security, Saimumin
            // Yatimov,": a name nobody lists after an office's appositive is its holder's.
            if head.is_none() && words >= 2 && self.office_of_before(i).is_some() {
                let name = self.doc.span_text(i, end).to_owned();
                let m = self.mention(i, end, self.person(name), Form::Name, "appositive-office", 0.8);
                self.add(m);
                i = end;
                continue;
            }
            let head_only = words == 1 && self.is(i, NAME_HEAD);
            // Or a verb in the past: "a strike on a motorcycle in Aitaroun killed two people".
            let next_is_function = !self.is_lower_word(end)
                || self.is(end, FUNCTION_WORD_AFTER_NAME)
                || self.low(end).len() > 4 && self.low(end).ends_with("ed");
            // "Russia's 58th Army", "the army's 6th Infantry Division": an ordinal opens a
            // unit's name.
            let ordinal = i > self.range.start as usize && {
                let w = self.low(i - 1);
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
            };
            let ordinal = ordinal && head.as_ref().is_some_and(|(t, _)| *t == EntityType::Organisation);
            let typed = if head_only {
                // "the Police of the Republic of Mozambique".
                // "the Coalition for Unity and Democracy".
                head.filter(|(t, _)| {
                    matches!(t, EntityType::Organisation | EntityType::Place)
                        && (self.of_name(end).is_some()
                            || ordinal
                            || *t == EntityType::Organisation && self.for_name(end).is_some())
                })
                .map(|(t, sub)| (t, sub, "name-head", 0.7))
            } else if let Some((etype, subtype)) = head {
                if words >= 2 || !sentence_start {
                    Some((etype, subtype, "name-head", 0.75))
                } else {
                    None
                }
            } else if let Some(sub) = self.organisation_noun_after(i, end, words) {
                // "the Gran Grif gang", "the Viv Ansanm alliance".
                Some((EntityType::Organisation, sub, "organisation-noun", 0.7))
            } else if words <= 3
                && i > self.range.start as usize
                && self.low(i - 1) == "the"
                && self.st.attack_nouns.contains(self.low(end))
                && (i..end).all(|k| !self.doc.tokens[k].is_all_caps())
            {
                // "the Hazar Qadam raid", "after the Kulbiyow attack": a name nobody lists
                // between "the" and a noun of an attack is where it was (a person's name
                // takes no article).
                Some((EntityType::Place, String::new(), "attack-place", 0.6))
            } else if self.organisation_noun_before(i) {
                // "the armed group Kata Mbolo", "the disaster agency AFAD".
                Some((EntityType::Organisation, String::new(), "organisation-noun", 0.7))
            } else if self.self_named(i) {
                Some((EntityType::Organisation, String::new(), "self-named", 0.7))
            } else if words <= 3 && self.given_name(i) && self.title_then_name(end) {
                // "Ansar Dine leader Iyad ag Ghali": the name before a title and a name is
                // whose the title is, no person.
                Some((EntityType::Organisation, String::new(), "title-owner", 0.6))
            } else if words <= 4 && self.listed_after_organisations(i) {
                // "Islamist groups such as the MOJWA and the Ansar Dine".
                Some((EntityType::Organisation, String::new(), "organisations-such-as", 0.65))
            } else if i > 1
                && self.low(i - 1) == "to"
                && self.low(i - 2) == "according"
                && (2..=3).contains(&words)
                && !(self.may_start(i, TITLE_START) && self.st.titles.longest_at(self.doc, i).is_some())
            {
                // Not "according to Deputy Minister of Defence …": a title.
                Some((EntityType::Person, String::new(), "according-to-name", 0.6))
            } else if i > 1
                && self.low(i - 1) == "to"
                && self.low(i - 2) == "according"
                && words == 1
                && end == i + 1
                && self.low(end) == ","
                && self.doc.tokens[i].is_all_caps()
                && self.low(i).len() >= 3
            {
                // "According to MINUSMA, four soldiers were killed": a body's acronym.
                Some((EntityType::Organisation, String::new(), "according-to-acronym", 0.6))
            } else if (2..=3).contains(&words) && !sentence_start && next_is_function && self.met_before(i) {
                // "The Taliban met Zalmay Khalilzad in Doha": whom someone met.
                Some((EntityType::Person, String::new(), "met-name", 0.6))
            } else if (2..=4).contains(&words) && self.kin_before(i) {
                // "his sister Yingluck Shinawatra", "the president's son Hunter Biden".
                Some((EntityType::Person, String::new(), "kin-name", 0.65))
            } else if i > 1 && self.low(i - 1) == "as" && self.low(i - 2) == "identified" && (2..=3).contains(&words) {
                // "The deceased seaman was identified as Jaypee Galicha".
                Some((EntityType::Person, String::new(), "identified-name", 0.6))
            } else if (2..=3).contains(&words) && self.low(end) == "," && matches!(self.low(end + 1), "who" | "whose") {
                // "replaces Milos Vucevic, who resigned": a relative clause of a person.
                Some((EntityType::Person, String::new(), "who-name", 0.65))
            } else if i > 1
                && self.low(i - 1) == "by"
                && matches!(self.low(i - 2), "led" | "headed")
                && (2..=3).contains(&words)
                && matches!(self.low(end), "," | "." | ";" | "and" | "in" | "on")
            {
                // "a new government led by Djuro Macut, an endocrinologist" (not "a
                // consortium led by Exxon Mobil began pumping oil").
                Some((EntityType::Person, String::new(), "led-by-name", 0.6))
            } else if !sentence_start
                && words <= 3
                && self.after_place_preposition(i)
                && next_is_function
                && !(words == 1 && self.doc.tokens[i].is_all_caps())
                // "in Northern Mali", "in South Mumbai": a word of direction names no place.
                && !(words == 1 && self.is(i, DIRECTION))
                // "through Resolution 2231", "on Flight 370": a numbered document or service.
                && self.kind(end) != Some(TokenKind::Number)
                // "fired at Khan's truck": a person's name found before, said again.
                && !(words == 1 && self.surname_before(i))
            {
                Some((EntityType::Place, String::new(), "preposition-place", 0.6))
            } else if words <= 3
                && i >= self.range.start as usize + 2
                && self.is_clitic_s(i - 1)
                && next_is_function
                && !self.given_name(i)
                && self.mention_ending_at(i - 1).is_some_and(|q| {
                    self.list[q].form == Form::Name && matches!(self.list[q].referent, Referent::Known(Known::Place(_)))
                })
            {
                // "a UN base in Cap-Haitien's Quartier-Morin": a name nobody lists after a
                // town's possessive is a place in it.
                Some((EntityType::Place, "District".to_owned(), "town-possessive-place", 0.6))
            } else if words >= 2 && self.is(i, NAME_OPENER) {
                Some((EntityType::Person, String::new(), "name-opener", 0.7))
            } else if end == i + 4
                && self.low(i).len() <= 5
                && self.doc.tokens[i + 1].is_capitalised()
                && self.syllable_after_hyphen(i + 3)
            {
                // "Shim Seong-min", "Bae Hyeong-gyu": a short family name before a given name
                // of two syllables joined by a hyphen.
                Some((EntityType::Person, String::new(), "syllable-name", 0.65))
            } else if (2..=3).contains(&words)
                && self.low(end) == ","
                && (self.age_after(end) || self.aged_noun_after(end + 1))
            {
                // "Thomas Gray, 24, who …", "Shim Seong-min, a 29-year-old man": a name
                // whose age follows it.
                Some((EntityType::Person, String::new(), "aged-name", 0.65))
            } else if (2..=4).contains(&(words - (i..end).filter(|&k| self.is(k, PARTICLE) && self.is_lower_word(k)).count()))
                && self.given_name(i)
                // (Not an agreement's name: "the Abraham Accords".)
                && !self.is(end - 1, DOCUMENT_NOUN)
                // (Not listed with a place: "entered Tell Tamer and Ain Issa".)
                && !(words <= 3 && !sentence_start && self.listed_after_place(i))
                // (Nor after an article and a compound adjective: "the Jewish-owned Nariman
                // House".)
                && !self.after_article_compound(i)
            {
                // "Daniel Chapo of the ruling Frelimo party": a given name opens a person's name.
                Some((EntityType::Person, String::new(), "given-name", 0.7))
            } else if (3..=4).contains(&words) && self.particle_inside(i, end) {
                // "Arnel dela Vega of the army said": a particle of surnames between
                // capitalised words is inside a person's name.
                Some((EntityType::Person, String::new(), "particle-name", 0.65))
            } else if (2..=3).contains(&words) && self.is(end, SPEECH_VERB_AFTER_NAME) {
                Some((EntityType::Person, String::new(), "speaker-name", 0.65))
            } else if (2..=4).contains(&words) && self.named_before(i, end) {
                // "Addressing a BNP rally by video, Khaleda Zia calls for …": a person's name
                // found before.
                Some((EntityType::Person, String::new(), "named-before", 0.7))
            } else if (2..=3).contains(&words)
                && i >= self.range.start as usize + 2
                && self.low(i - 1) == "of"
                && (self.is(i - 2, GOVERNMENT_NOUN) || self.low(i - 2) == "regime")
            {
                // "the government of Mengistu Haile Mariam", "the regime of …": a name nobody
                // lists after a government's noun is its leader's.
                Some((EntityType::Person, String::new(), "leader-name", 0.6))
            } else if (2..=3).contains(&words)
                && self.family_name_before(end - 1)
                && !self.family_name_before(i)
                && (i..end).all(|k| !self.is(k, STOPWORD))
            {
                // "The assassination of Benazir Bhutto", "Ms. Bhutto" in another sentence:
                // ending with the surname of a person of the document.
                Some((EntityType::Person, String::new(), "surname-name", 0.65))
            } else if (2..=3).contains(&words) && self.titled_after(end) {
                // "Redwan Hussien, national security adviser to the prime minister, said",
                // "Zaw Tun (President of Myanmar)".
                Some((EntityType::Person, String::new(), "appositive-title-name", 0.65))
            } else if !sentence_start && words <= 3 && self.listed_after_place(i) {
                // "the outskirts of Kfar Kila and Naqoura": listed with a place.
                Some((EntityType::Place, String::new(), "listed-place", 0.6))
            } else if (2..=3).contains(&words) && self.after_quotation(i) && self.low(end) == "," {
                // "'…,' Olusegun Obasanjo, the AU's envoy, told reporters": who is quoted.
                Some((EntityType::Person, String::new(), "quoted-speaker", 0.6))
            } else if (2..=3).contains(&words) && self.inverted_speaker(i, end) {
                // "'We heard gunfire,' said Somchai Thongdee, 54, a farmer".
                Some((EntityType::Person, String::new(), "speaker-name", 0.6))
            } else if (2..=4).contains(&words) && self.low(end) == "," && self.person_before_comma(i) {
                // "the petroleum minister, Puot Kang Chol,", "The ombudswoman, Iris Marin,".
                Some((EntityType::Person, String::new(), "appositive-name", 0.6))
            } else {
                None
            };
            // "the Government of National Unity said": the end of a name with "of" is no
            // person's name.
            let tail_of_name = i >= self.range.start as usize + 2
                && self.low(i - 1) == "of"
                && self.doc.tokens[i - 2].is_capitalised();
            let typed = typed.filter(|(t, ..)| !(tail_of_name && *t == EntityType::Person));
            let mut next = end;
            match typed {
                Some((etype, subtype, rule, conf)) => {
                    // "the Armed Defence Forces of Mozambique": an organisation's name goes on
                    // over "of" and the country or name after it.
                    let of = (matches!(etype, EntityType::Organisation | EntityType::Place)
                        && matches!(rule, "name-head" | "self-named"))
                    .then(|| {
                        self.of_name(end)
                            .or_else(|| (etype == EntityType::Organisation).then(|| self.for_name(end)).flatten())
                    })
                    .flatten();
                    next = of.map_or(end, |(_, e)| e);
                    // "Cinema for Peace Foundation": a name nobody lists and "for" before an
                    // organisation's name open it.
                    let for_bare = (of.is_none()
                        && etype == EntityType::Organisation
                        && rule == "name-head"
                        && !ordinal
                        && i >= self.range.start as usize + 2
                        && self.low(i - 1) == "for")
                        .then(|| self.mention_ending_at(i - 1))
                        .flatten()
                        .filter(|&p| {
                            self.list[p].form == Form::Name && matches!(self.list[p].referent, Referent::Bare)
                        });
                    let from = match for_bare {
                        Some(p) => self.list[p].start as usize,
                        None if ordinal => i - 1,
                        None => i,
                    };
                    let name = self.doc.span_text(from, next).to_owned();
                    // A state's body named after its possessor: "Russia's 58th Army",
                    // "Taiwan's Presidential Office".
                    let owner = (etype == EntityType::Organisation
                        && (subtype == "ArmedForces" || SHARED_BODY_NAMES.contains(&&*subtype))
                        && from > self.range.start as usize
                        && self.is_clitic_s(from - 1))
                    .then(|| self.mention_ending_at(from - 1))
                    .flatten()
                    .filter(|&q| matches!(self.known_type(q), Some(EntityType::Country | EntityType::Organisation)));
                    // "Kyrgyzstan's Border Service" is the Kyrgyz Border Service (and
                    // "Russia's Security Council" the Security Council of Russia, as the
                    // gazetteer knows it): many states have a body of that name ("the
                    // National Security Council"), so the state qualifies it, as it does a
                    // ministry.
                    let mut name = name;
                    if let Some(c) = owner
                        .filter(|_| SHARED_BODY_NAMES.contains(&&*subtype))
                        .and_then(|q| match self.list[q].referent {
                            Referent::Known(Known::Country(c)) => Some(c),
                            _ => None,
                        })
                        .filter(|&c| {
                            let c = &self.data.countries[c as usize];
                            !name.contains(&*c.name) && !c.demonyms.iter().any(|d| name.contains(&**d))
                        })
                    {
                        let of = format!("{name} of {}", self.data.countries[c as usize].name);
                        name = if self.st.gazetteer.lookup(&of).iter().any(|k| k.entity_type() == etype) {
                            of
                        } else {
                            format!("{} {name}", self.st.demonym(c))
                        };
                    }
                    // "the Province of Balochistan": a region's noun before "of" and the
                    // region is the region.
                    let region_of = of.and_then(|(q, _)| q).filter(|&q| {
                        head_only
                            && subtype == "Region"
                            && matches!(self.list[q].referent, Referent::Known(Known::Region(_)))
                    });
                    let referent = match (region_of, self.st.gazetteer.lookup(&name).first()) {
                        (Some(q), _) => self.list[q].referent.clone(),
                        (None, Some(k)) if k.entity_type() == etype => Referent::Known(*k),
                        _ => Referent::New(NewName { name, etype, subtype }),
                    };
                    let new_name = matches!(referent, Referent::New(_));
                    let m = self.mention(from, next, referent, Form::Name, rule, conf);
                    match of.and_then(|(q, _)| q) {
                        Some(q) => {
                            let new = self.wrap(&[q], m);
                            // "The Law Society of Kenya's president, Faith Odhiambo,": the
                            // title's possessor, found before this name, is the whole name.
                            if self.list[q].end as usize == next && self.is_clitic_s(next) {
                                // (And the noun phrase of the title's holder opens with it.)
                                let (q_start, sentence) = (self.list[q].start, self.sentence);
                                for h in self.list.iter_mut().rev().take_while(|h| h.sentence == sentence) {
                                    if h.np_start == q_start && h.start > q_start {
                                        h.np_start = from as u32;
                                    }
                                }
                                for f in self.facts.iter_mut().rev().take_while(|f| f.sentence == sentence) {
                                    if f.predicate == Predicate::RoleIn
                                        && matches!(f.object, FactObject::Mention(o) if o as usize == q)
                                    {
                                        f.object = FactObject::Mention(new as u32);
                                    }
                                }
                            }
                            if let Some(c) =
                                self.country_of(q).filter(|_| self.known_type(q) == Some(EntityType::Country))
                            {
                                let object = self.country_object(q, c);
                                self.fact(new, Predicate::PartOf, object, None, "name-of-country");
                            }
                        }
                        None => {
                            let new = match for_bare {
                                Some(p) => self.replace(p, m),
                                None => self.add(m),
                            };
                            if let Some(q) = owner.filter(|_| new_name) {
                                self.fact(
                                    new,
                                    Predicate::PartOf,
                                    FactObject::Mention(q as u32),
                                    None,
                                    "possessive-body",
                                );
                            }
                            // "the Ethiopian government of Mengistu Haile Mariam": the leader
                            // of the state the government's qualifier names.
                            if rule == "leader-name" {
                                if let Some(q) =
                                    self.mention_ending_at(from - 1).filter(|&q| self.country_of(q).is_some())
                                {
                                    let leader = Some("Leader".to_owned());
                                    self.fact(
                                        new,
                                        Predicate::RoleIn,
                                        FactObject::Mention(q as u32),
                                        leader,
                                        "leader-name",
                                    );
                                }
                            }
                        }
                    }
                }
                // A single capitalised word may be a surname said again; at the start of a
                // sentence only before a verb of saying ("Tarriela said") or a relative
                // clause about a person ("Georgescu, who has praised Putin, called …"), or
                // when a person of that surname was named before ("Boluarte, 60, a lawyer
                // …").
                // (Not a month's abbreviation: "on Jan. 28".)
                None if words == 1
                    && !(self.low(end) == "." && crate::text::date::month_number(self.low(i)).is_some())
                    && (!sentence_start
                        || self.is(end, SPEECH_VERB_AFTER_NAME)
                        || self.low(end) == "," && matches!(self.low(end + 1), "who" | "whose")
                        || self.surname_before(i)
                            && (self.is_lower_word(end) || self.is_clitic_s(end) || self.low(end) == ","))
                    && !self.doc.tokens[i].is_all_caps() =>
                {
                    let m = self.mention(i, end, Referent::Bare, Form::Name, "bare-name", 0.5);
                    self.add(m);
                }
                // "Soviet First Secretary Nikita Khrushchev": a person's name opened by a
                // given name after a title's words that make no title of the lexicon.
                None => {
                    let later = (i + 1..end.saturating_sub(1))
                        .find(|&k| self.doc.tokens[k].is_word() && self.given_name(k))
                        .filter(|&k| (i..k).any(|t| self.may_start(t, TITLE_START)));
                    if let Some(k) = later {
                        i = k;
                        continue;
                    }
                    // A word that may be the surname of a person the document names only
                    // later ("Bhutto, twice Prime Minister …", "The assassination of Benazir
                    // Bhutto"): asked of again once the document is read.
                    if words <= 3 && !self.doc.tokens[end - 1].is_all_caps() {
                        self.unnamed.push(end as u32 - 1);
                    }
                }
            }
            i = next;
        }
    }

    /// The armed forces of country `c` the gazetteer knows by the demonym ("Israeli Armed
    /// Forces" is the Israel Defense Forces).
    fn armed_forces(&self, c: u32) -> Option<Known> {
        let name = [self.st.demonym(c), " Armed Forces"].concat();
        match self.known_or_new(&name, EntityType::Organisation, "") {
            Referent::Known(k) => Some(k),
            _ => None,
        }
    }

    /// Start with the persons' names of `names` known.
    pub(super) fn seed_names(&mut self, names: NamesSeen) {
        self.surnames = names.surnames;
        self.persons = names.persons;
    }

    /// The persons' names read so far.
    pub(super) fn take_names(&mut self) -> NamesSeen {
        NamesSeen { surnames: std::mem::take(&mut self.surnames), persons: std::mem::take(&mut self.persons) }
    }

    /// Whether a word of a person's name found in the document (read whole) ends a
    /// capitalised run that no pattern took in a sentence before: "Bhutto, twice Prime
    /// Minister of Pakistan, …" before "Ms. Bhutto".
    pub(super) fn name_said_before_known(&self) -> bool {
        let doc = self.doc;
        self.unnamed.iter().any(|&i| {
            let w = doc.low(i as usize);
            self.surnames.iter().any(|&(n, _)| n > i && doc.low(n as usize) == w)
        })
    }

    /// Whether tokens `i..end` are the name of a person found in a sentence before.
    fn named_before(&self, i: usize, end: usize) -> bool {
        self.persons.iter().any(|&(s, e)| {
            let (s, e) = (s as usize, e as usize);
            e - s == end - i && (0..end - i).all(|k| self.doc.low(s + k) == self.low(i + k))
        })
    }

    /// The end of a person's name with a nickname in quotes, from the given name at `i`
    /// (its run ending at `end`): a quote, one to three capitalised words, the closing
    /// quote and a surname nobody else took ("Joaquín "El Chapo" Guzmán").
    fn nickname_name(&self, i: usize, end: usize) -> Option<usize> {
        if end != i + 1 || !self.given_name(i) || !self.in_range(end) || !self.doc.tokens[end].is_quote() {
            return None;
        }
        let close = (end + 2..(end + 5).min(self.range.end as usize)).find(|&k| self.doc.tokens[k].is_quote())?;
        let nickname = (end + 1..close).all(|k| self.doc.tokens[k].is_word() && self.doc.tokens[k].is_capitalised());
        let surname =
            self.doc.tokens.get(close + 1).is_some_and(|t| t.is_word() && t.is_capitalised() && t.space_before());
        if !nickname || !surname || self.taken(close + 1) {
            return None;
        }
        let mut to = close + 2;
        while to < self.range.end as usize
            && to < close + 3
            && self.doc.tokens[to].is_word()
            && self.doc.tokens[to].is_capitalised()
            && !self.taken(to)
        {
            to += 1;
        }
        Some(to)
    }

    /// Whether token `i` is the last word of a person's name found before (by a title
    /// alone: "Ms. Bhutto"), not its first.
    fn family_name_before(&self, i: usize) -> bool {
        self.surnames_like(i).any(|t| !self.doc.tokens.get(t + 1).is_some_and(|n| n.is_word() && n.is_capitalised()))
    }

    /// Whether token `i` is the surname (or the first word) of a person named in full in a
    /// sentence before.
    fn surname_before(&self, i: usize) -> bool {
        self.surnames_like(i).next().is_some()
    }

    /// The tokens of the persons' names read so far that are the word at `i`.
    fn surnames_like(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let w = self.low(i);
        self.surnames.iter().map(|&(t, _)| t as usize).filter(move |&t| self.doc.low(t) == w)
    }

    /// A noun of `lexicon/anaphora.tsv` that refers back without an article, at `i`,
    /// opening a clause and before a verb: its mention, added (over a bare name's reading
    /// of the word, at the start of a sentence).
    #[cold]
    fn bare_anaphor(&mut self, i: usize) -> Option<usize> {
        let start = self.range.start as usize;
        let opens = i == start || matches!(self.low(i - 1), "," | ";" | "and" | "but");
        if !opens {
            return None;
        }
        let (&ai, end) = self.st.anaphora.longest_at(self.doc, i)?;
        let Anaphor { etype, subtypes: sub, without_article, .. } = &self.data.lexicon.anaphora[ai as usize];
        let verb = self.is(end, SPEECH_VERB_AFTER_NAME) || self.is_lower_word(end) && self.low(end).ends_with("ed");
        let bare =
            self.owner(i).filter(|&o| self.list[o].referent == Referent::Bare && self.list[o].end as usize == end);
        if !without_article || !verb || !(self.free(i, end) || bare.is_some()) {
            return None;
        }
        let m = self.mention(i, end, Referent::Anaphor(*etype, sub.clone()), Form::Anaphor, "anaphor", 0.6);
        Some(match bare {
            Some(o) => self.replace(o, m),
            None => self.add(m),
        })
    }

    pub(super) fn references(&mut self) {
        if self.any & (BARE_ANAPHOR_START | MALE | FEMALE | NEUTER | PLURAL | THE) == 0 {
            return;
        }
        // Every token is looked at: its word-set bits, owner and bytes read directly (all
        // in the sentence's range).
        let (start, stop) = (self.range.start as usize, self.range.end as usize);
        let mut i = start;
        while i < stop {
            // Most tokens are none of the words looked for below: passed over in a loop of
            // their own.
            let wanted = |&w: &u64| w & (BARE_ANAPHOR_START | MALE | FEMALE | NEUTER | PLURAL | THE) != 0;
            let Some(skip) = self.words[i..stop].iter().position(wanted) else {
                break;
            };
            i += skip;
            let bits = self.words[i];
            // "Police said …", "By evening, police said …": a noun that refers back
            // without an article, as the subject of a verb after a clause's start.
            if let Some(m) = (bits & BARE_ANAPHOR_START != 0).then(|| self.bare_anaphor(i)).flatten() {
                i = self.list[m].end as usize;
                continue;
            }
            let t = self.doc.tokens[i];
            // "an IT worker", "US troops": an abbreviation in capitals is no pronoun.
            if self.owner[i - start] >= 0 || !t.is_word() || t.is_all_caps() {
                i += 1;
                continue;
            }
            let pronoun = if bits & MALE != 0 {
                Some(Pronoun::Male)
            } else if bits & FEMALE != 0 {
                Some(Pronoun::Female)
            } else if bits & NEUTER != 0 {
                Some(Pronoun::Neuter)
            } else if bits & PLURAL != 0 {
                Some(Pronoun::Plural)
            } else {
                None
            };
            if let Some(p) = pronoun {
                let m = self.mention(i, i + 1, Referent::Pronoun(p), Form::Pronoun, "pronoun", 0.7);
                self.add(m);
                i += 1;
                continue;
            }
            if bits & THE != 0 {
                let anaphor =
                    self.may_start(i + 1, ANAPHOR_START).then(|| self.st.anaphora.longest_at(self.doc, i + 1));
                if let Some((&ai, end)) = anaphor.flatten() {
                    // "the military spokesman": a noun before a title qualifies it.
                    // "the opposition Labour Party": a noun before a name is no anaphor.
                    let name_after = self.mention_starting_at(end).is_some_and(|m| self.list[m].form == Form::Name);
                    if self.free(i + 1, end)
                        && self.low(end) != "of"
                        && !self.may_start(end, TITLE_START)
                        && !name_after
                    {
                        let Anaphor { etype, subtypes: sub, .. } = &self.data.lexicon.anaphora[ai as usize];
                        let m =
                            self.mention(i, end, Referent::Anaphor(*etype, sub.clone()), Form::Anaphor, "anaphor", 0.6);
                        self.add(m);
                        i = end;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// "The Bojayá massacre (Spanish: La Masacre de Bojayá)": a name's gloss in another
    /// language, in parentheses after the language and a colon, names no further entity.
    fn glosses(&mut self) {
        if self.any & LANGUAGE == 0 {
            return;
        }
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let mut k = start;
        while k + 2 < end {
            if !(self.low(k) == "(" && self.is(k + 1, LANGUAGE) && self.low(k + 2) == ":") {
                k += 1;
                continue;
            }
            let close = (k + 3..end).find(|&x| self.low(x) == ")").unwrap_or(end);
            for m in self.list.iter_mut().filter(|m| m.start as usize > k && (m.end as usize) <= close) {
                m.referent = Referent::Discarded;
            }
            k = close;
        }
    }

    /// Move the sentence's mentions (sorted) and facts to `out`.
    pub(super) fn finish(&mut self, out: &mut Mentions) {
        self.glosses();
        let base = out.list.len() as u32;
        let key = |m: &Mention| (m.start, m.inner, m.end);
        let list = &mut self.list;
        // Mentions already in order (a stable sort would leave them as they are) need
        // neither sort.
        let sorted = list.windows(2).all(|w| key(&w[0]) <= key(&w[1]));
        self.remap.clear();
        if sorted {
            self.remap.extend((0..list.len() as u32).map(|k| base + k));
        } else {
            self.order.clear();
            self.order.extend(0..list.len());
            self.order.sort_by_key(|&k| key(&list[k]));
            self.remap.resize(list.len(), 0);
            for (new, &old) in self.order.iter().enumerate() {
                self.remap[old] = base + new as u32;
            }
        }
        for m in list.iter_mut() {
            if let Referent::Role(q) = &mut m.referent {
                *q = self.remap[*q as usize];
            }
        }
        // A stable sort by the same key puts the mentions in `order`.
        if !sorted {
            list.sort_by_key(key);
        }
        let data = self.data;
        let doc = self.doc;
        // (A surname named alone after a title too: "Ms. Bhutto".)
        let named = |m: &Mention| {
            let alone = m.form == Form::Name && doc.tokens[m.start as usize].is_capitalised();
            !m.inner && (m.end >= m.start + 2 || alone) && m.entity_type(data) == Some(EntityType::Person)
        };
        // The first word too: many names put the family name first ("Yoon Suk Yeol",
        // "Moon Jae-in": "Moon's chief of staff").
        for m in list.iter().filter(|m| named(m)) {
            let person = match m.referent {
                Referent::Known(Known::Person(p)) => Some(p),
                _ => None,
            };
            self.surnames.push((m.start, person));
            if m.end == m.start + 1 {
                continue;
            }
            self.persons.push((m.start, m.end));
            if doc.tokens[m.end as usize - 1].is_capitalised() {
                self.surnames.push((m.end - 1, person));
            }
        }
        out.list.append(list);
        for mut f in self.facts.drain(..) {
            f.subject = self.remap[f.subject as usize];
            if let FactObject::Mention(o) = &mut f.object {
                *o = self.remap[*o as usize];
            }
            out.facts.push(f);
        }
    }
}

/// The prefix a role modifier gives the role ("former" → "Former "); words of the present
/// ("then", "new", "current", "sitting", "incumbent") and a hyphen give none.
fn modifier_prefix(word: &str) -> Option<String> {
    (!matches!(word, "then" | "new" | "current" | "sitting" | "incumbent" | "twice" | "-"))
        .then(|| format!("{} ", capitalise(word)))
}

/// Whether the only whitespace in `s` is single spaces between other characters (so that
/// `s` equals its words joined by spaces).
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    !b.iter().enumerate().any(|(i, &c)| {
        let space = c == b' ';
        let other_whitespace = !space && (c.is_ascii_whitespace() || c == 0x0b || !c.is_ascii());
        other_whitespace || space && (i == 0 || i + 1 == b.len() || b[i + 1] == b' ')
    })
}

/// Whether `word` is a Roman numeral from I to XXXIX written in capitals, as kings, popes
/// and numbered bodies take.
fn regnal_numeral(word: &str) -> bool {
    let units = word.trim_start_matches('X');
    word.len() - units.len() <= 3
        && !word.is_empty()
        && matches!(units, "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn capitalise_first(s: &str) -> String {
    capitalise(s)
}

/// For each token of `range`, whether it lies inside a closed quotation (into `inside`);
/// the tokens inside each quotation added to `quotations` (document-wide).
fn quoted_tokens_into(doc: &Document, range: Range<u32>, inside: &mut Vec<bool>, quotations: &mut Vec<Range<u32>>) {
    let toks = &doc.tokens[range.start as usize..range.end as usize];
    inside.clear();
    inside.resize(toks.len(), false);
    let mut open: Option<usize> = None;
    // The quotation marks, found in a loop of their own (most tokens are none).
    let marks = toks.iter().enumerate().filter(|(_, t)| t.is_quote());
    for (i, t) in marks {
        let opening = match t.kind {
            TokenKind::OpenQuote => true,
            TokenKind::CloseQuote => false,
            TokenKind::Quote => open.is_none() && (t.space_before() || i == 0),
            _ => continue,
        };
        match (opening, open) {
            (true, _) => open = Some(i),
            (false, Some(o)) => {
                for q in inside.iter_mut().take(i).skip(o + 1) {
                    *q = true;
                }
                if o + 1 < i {
                    quotations.push(range.start + o as u32 + 1..range.start + i as u32);
                }
                open = None;
            }
            (false, None) => {}
        }
    }
}

/// Whether a gazetteer match covers token `t`.
fn covered(matches: &[GazetteerMatch], t: Token) -> bool {
    matches.iter().any(|h| h.start <= t.start && t.end <= h.end)
}

/// Coordinated head mentions: "A, B and C", "A and B", "A, B as well as a base in C".
pub(super) fn groups(doc: &Document, data: &OntologyData, list: &[Mention]) -> Vec<Vec<u32>> {
    // Items of one list are all places or all actors.
    let class = |m: &Mention| m.entity_type(data).map(|t| t == EntityType::Place);
    // (Room for every mention at once: the list does not grow step by step.)
    let mut heads: Vec<usize> = Vec::with_capacity(list.len());
    heads.extend(
        (0..list.len())
            .filter(|&i| !list[i].inner && !matches!(list[i].referent, Referent::Pronoun(_) | Referent::Anaphor(..))),
    );
    // A demonym or a state qualifying the next name's title is no item: "Tshisekedi and
    // Rwandan President Paul Kagame", "Kim Jong Un and U.S. President Donald Trump" list
    // two people.
    let qualifier = |w: &[usize]| {
        let (a, b) = (&list[w[0]], &list[w[1]]);
        let state = a.form == Form::Demonym
            || matches!(a.form, Form::Acronym | Form::Name) && a.entity_type(data) == Some(EntityType::Country);
        state && b.np_start <= a.start && a.end <= b.start
    };
    // Nor is the state after a person's "of": "Jeyhun Bayramov of Azerbaijan and Ararat
    // Mirzoyan of Armenia" lists two people.
    let of_person = |w: &[usize]| {
        let (a, b) = (&list[w[0]], &list[w[1]]);
        a.entity_type(data) == Some(EntityType::Person) && b.start == a.end + 1 && doc.low(a.end as usize) == "of"
    };
    // (Both looked for in one pass over the pairs.)
    let mut drop: Vec<usize> = Vec::new();
    for w in heads.windows(2) {
        if qualifier(w) {
            drop.push(w[0]);
        }
        if of_person(w) {
            drop.push(w[1]);
        }
    }
    if !drop.is_empty() {
        heads.retain(|i| !drop.contains(i));
    }
    let mut out = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    let mut closed = false;
    for w in heads.windows(2) {
        let (a, b) = (&list[w[0]], &list[w[1]]);
        // A surname said again is of either class until resolved ("Hun Manet and
        // Phumtham held talks").
        let bare = |m: &Mention| matches!(m.referent, Referent::Bare);
        let joined = a.sentence == b.sentence
            && (class(a) == class(b) || bare(a) || bare(b))
            && connects(doc, a.end as usize, (b.np_start as usize).max(a.end as usize));
        if joined && !closed {
            if current.is_empty() {
                current.push(w[0] as u32);
            }
            current.push(w[1] as u32);
            // "and"/"or" closes the list after its next item.
            closed = (a.end as usize..b.start as usize).any(|k| matches!(doc.low(k), "and" | "or" | "well"));
        } else {
            // Two items make a list with a conjunction only: "Ukraine, Defence Minister
            // Boris Pistorius" is none ("the EU, Germany, Spain and others" is one).
            if current.len() >= 3 || current.len() == 2 && closed {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
            closed = false;
        }
    }
    if current.len() >= 3 || current.len() == 2 && closed {
        out.push(current);
    }
    out
}

fn connects(doc: &Document, from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    if doc.tokens[from].kind == TokenKind::Clitic {
        return false;
    }
    let len = to - from;
    let word = |k: usize| if k < len { Some(doc.low(from + k)) } else { None };
    let mut k = 0;
    let mut connector = false;
    while k < len {
        match doc.low(from + k) {
            "," | "and" | "or" => {
                connector = true;
                k += 1;
            }
            "as" if word(k + 1) == Some("well") && word(k + 2) == Some("as") => {
                connector = true;
                k += 3;
            }
            "along" | "together" if word(k + 1) == Some("with") => {
                connector = true;
                k += 2;
            }
            // "Iran's Foreign Ministry and its Atomic Energy Organization"
            "the" | "a" | "an" | "its" | "their" | "his" | "her" if connector => k += 1,
            _ if connector && k + 3 >= len && matches!(word(len - 1), Some("in" | "at" | "of")) => {
                // "as well as a base in Soba"
                return true;
            }
            _ => return false,
        }
    }
    connector
}
