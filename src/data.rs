//! Loads the data files under `ontology/`: gazetteers, curated people and organisations,
//! and the lexicon (titles, triggers, number words, ...).
//!
//! Contract: the files are embedded in the library at build time ([`OntologyData::embedded`])
//! or read from a folder with the same layout ([`OntologyData::from_dir`], the command
//! line's `--data-dir`), so users can extend the tool without recompiling. Every file is
//! UTF-8 TSV (or a plain list) with `#` comment lines and a header row; columns are found
//! by header name, so extra columns are allowed. A malformed row is an
//! [`ErrorKind::Data`](crate::ErrorKind::Data) error with `path:line:column`.

use crate::error::{Error, Result};
use crate::text::number::{NumberWords, Qualifier};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

/// The entity types of the graph model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Country,
    Organisation,
    Place,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::Organisation => "Organisation",
            EntityType::Place => "Place",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "Person" => EntityType::Person,
            "Country" => EntityType::Country,
            "Organisation" | "Organization" => EntityType::Organisation,
            "Place" => EntityType::Place,
            _ => return None,
        })
    }
}

/// Event types of the graph model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Attack,
    Capture,
    Interception,
    Casualty,
    Sanction,
    Aid,
    Deployment,
    Diplomacy,
    Statement,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 10] = [
        EventType::Attack,
        EventType::Capture,
        EventType::Interception,
        EventType::Casualty,
        EventType::Sanction,
        EventType::Aid,
        EventType::Deployment,
        EventType::Diplomacy,
        EventType::Statement,
        EventType::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Attack => "Attack",
            EventType::Capture => "Capture",
            EventType::Interception => "Interception",
            EventType::Casualty => "Casualty",
            EventType::Sanction => "Sanction",
            EventType::Aid => "Aid",
            EventType::Deployment => "Deployment",
            EventType::Diplomacy => "Diplomacy",
            EventType::Statement => "Statement",
            EventType::Other => "Other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// The closed core vocabulary of relations between entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    Said,
    Attacked,
    Captured,
    Sanctioned,
    Summoned,
    DeployedTo,
    Aided,
    Congratulated,
    Met,
    Criticised,
    Accused,
    NegotiatedWith,
    LocatedIn,
    RoleIn,
    PartOf,
    BasedIn,
    MemberOf,
}

impl Predicate {
    pub const ALL: [Predicate; 17] = [
        Predicate::Said,
        Predicate::Attacked,
        Predicate::Captured,
        Predicate::Sanctioned,
        Predicate::Summoned,
        Predicate::DeployedTo,
        Predicate::Aided,
        Predicate::Congratulated,
        Predicate::Met,
        Predicate::Criticised,
        Predicate::Accused,
        Predicate::NegotiatedWith,
        Predicate::LocatedIn,
        Predicate::RoleIn,
        Predicate::PartOf,
        Predicate::BasedIn,
        Predicate::MemberOf,
    ];
    /// The local name used in every export (`said`, `deployed_to`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Said => "said",
            Predicate::Attacked => "attacked",
            Predicate::Captured => "captured",
            Predicate::Sanctioned => "sanctioned",
            Predicate::Summoned => "summoned",
            Predicate::DeployedTo => "deployed_to",
            Predicate::Aided => "aided",
            Predicate::Congratulated => "congratulated",
            Predicate::Met => "met",
            Predicate::Criticised => "criticised",
            Predicate::Accused => "accused",
            Predicate::NegotiatedWith => "negotiated_with",
            Predicate::LocatedIn => "located_in",
            Predicate::RoleIn => "role_in",
            Predicate::PartOf => "part_of",
            Predicate::BasedIn => "based_in",
            Predicate::MemberOf => "member_of",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub iso2: String,
    pub iso3: String,
    pub demonyms: Vec<String>,
    pub aliases: Vec<String>,
    pub capital: String,
    pub geonames: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub subtype: String,
    pub country: String,
    /// GeoNames' code of the first-level division the place lies in ("TX"), zero-padded
    /// (see [`Place::admin1`]).
    pub admin1_code: [u8; 8],
    pub geonames: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub aliases: Vec<String>,
}

impl Place {
    /// GeoNames' code of the first-level division the place lies in ("TX" for El Paso):
    /// for some countries the ISO 3166-2 code's part after the country's.
    pub fn admin1(&self) -> &str {
        let n = self.admin1_code.iter().position(|&b| b == 0).unwrap_or(self.admin1_code.len());
        std::str::from_utf8(&self.admin1_code[..n]).unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct Region {
    pub stem: String,
    /// The region's name as the graph labels it (`gazetteer/region-labels.tsv`).
    pub label: String,
    pub subtype: String,
    pub country: String,
    pub code: String,
    pub official_name: String,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub subtype: String,
    pub country: String,
    pub aliases: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub wikidata: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub gender: Gender,
    pub role: String,
    pub country: String,
    pub organisation: String,
    pub wikidata: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub name: String,
    pub aliases: Vec<String>,
    pub acronyms: Vec<String>,
    pub subtype: String,
    pub country: String,
    pub wikidata: Option<String>,
    /// The organisation this body is part of (`organisation-parents.tsv`), by index.
    pub parent: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Membership {
    pub country: String,
    pub organisation: String,
    pub since: Option<i32>,
    pub until: Option<i32>,
}

/// What a title says about the person it precedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// An office (President, Foreign Minister, Secretary-General, spokesman, leader).
    Office,
    /// A military rank (General, Colonel).
    Rank,
    /// A courtesy title (Mr, Mrs, Dr).
    Honorific,
}

#[derive(Debug, Clone)]
pub struct Title {
    /// The title in lowercase ("secretary-general").
    pub phrase: String,
    /// The role as written in the graph ("President", "Secretary-General").
    pub role: String,
    pub kind: TitleKind,
    pub scope: TitleScope,
}

/// A noun that refers back to an entity named earlier (`lexicon/anaphora.tsv`).
#[derive(Debug, Clone)]
pub struct Anaphor {
    /// "ministry", "police".
    pub noun: String,
    pub etype: EntityType,
    /// The subtypes it may refer to; any when empty.
    pub subtypes: Vec<String>,
    /// It refers back without "the" too ("Police said").
    pub without_article: bool,
}

/// Where a title's office is held (`scope` in `lexicon/titles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleScope {
    /// An office of a region or a city (governor, mayor): held in the place that
    /// qualifies it.
    Local,
    /// An office only a state has (a minister, a president): held, when nothing qualifies
    /// it, in the country of the document's dateline.
    State,
    /// An office held for a state at an organisation or abroad (an ambassador, an envoy):
    /// "Russia's U.N. Ambassador" holds it in Russia, not in the United Nations.
    Envoy,
    /// Held in whatever qualifies it.
    Any,
}

impl Title {
    /// Whether the office is a region's or a city's ([`TitleScope::Local`]).
    pub fn local(&self) -> bool {
        self.scope == TitleScope::Local
    }
}

/// A verb phrase after a person's name that gives the office they took
/// (`lexicon/role-verbs.tsv`): "became", "was sworn in as", "succeeded NAME as".
#[derive(Debug, Clone)]
pub struct RoleVerb {
    /// The phrase's words in lowercase.
    pub words: Vec<Box<str>>,
    /// A succession: a predecessor's name and "as" follow, and both held the office.
    pub succession: bool,
}

/// A noun that names an entity type when it heads a capitalised name ("... Airport").
#[derive(Debug, Clone)]
pub struct NameHead {
    /// Lowercase head phrase ("international airport").
    pub phrase: String,
    pub etype: EntityType,
    pub subtype: String,
}

/// Where a place noun stands relative to the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounPosition {
    /// "the village of X", "the city of X"
    Before,
    /// "X region", "X Oblast", "the X kibbutz"
    After,
    Both,
}

#[derive(Debug, Clone)]
pub struct PlaceNoun {
    pub word: Box<str>,
    pub subtype: String,
    pub position: NounPosition,
    /// Whether the noun names a first-level region ("region", "oblast", "province").
    pub region: bool,
    /// Whether the noun after a name is part of the name, and of what.
    pub named: NamedBy,
}

/// What a place noun after a name names with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedBy {
    /// Nothing: "Donetsk region" is Donetsk's region, "Bulengo village" Bulengo.
    No,
    /// The area of that name: "Bakhmut district" (not the town Bakhmut).
    Area,
    /// A site in the place that opens the name: "the Quetta railway station".
    Site,
}

#[derive(Debug, Clone)]
pub struct Ministry {
    /// The canonical form used in names ("Defence Ministry").
    pub canonical: String,
    /// Lowercase surface forms ("defence ministry", "ministry of defence").
    pub forms: Vec<String>,
}

/// A noun that, after a demonym or a possessive country, names that country's forces.
#[derive(Debug, Clone)]
pub struct ForceNoun {
    /// Lowercase noun phrase ("air force").
    pub phrase: String,
    /// Suffix of the canonical name ("Armed Forces", "Air Force", "Navy").
    pub canonical: String,
    pub subtype: String,
    /// Combines with a country's demonym or possessive.
    pub with_country: bool,
    /// Combines with an organisation ("Hamas militants" is Hamas).
    pub with_organisation: bool,
}

/// How a trigger finds its arguments (implemented in `relation::frames`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// Agent = subject, target = object ("Russia attacked Kyiv"); passive aware.
    Transitive,
    /// Event noun: agent from a modifier, possessor or light-verb subject, target from
    /// "on/against/at X", place from "in X" ("a Russian attack on Kyiv").
    EventNoun,
    /// Movement of forces: agent = subject or troops' owner, place = "to X"/"in X".
    Deploy,
    /// Forces' entry into a place: agent = the troops' owner in the subject, place = the
    /// object or "into X" ("ECOWAS troops entered the Gambia").
    Entry,
    /// Aid: agent = subject, target = "to X".
    Give,
    /// Interception: "downed 74 of 106 drones launched by Russia".
    Intercept,
    /// Interception by a verb that is one only when its object names weapons
    /// ("destroyed 41 drones", not "destroyed houses").
    InterceptWeapons,
    /// Reported speech and quotation ("X said ...", "..., X said", "according to X").
    Speech,
    /// "X described Y as Z": a statement about Y.
    Describe,
    /// "X joined Y", "the accession of X to Y": membership.
    Accession,
    /// An event without a target ("declared a state of alert", "staged a rebellion").
    Intransitive,
    /// An organisation noun with a compound modifier: "X-funded", "X-backed".
    Backing,
    /// "headquarters of X" in a sentence naming a place: X based_in that place.
    Headquarters,
    /// "ORG member states ... X": member_of for countries the membership data confirms.
    Membership,
    /// A weapon noun ("missiles", "drones"): an attack only with an actor modifier
    /// ("Hamas missiles").
    WeaponNoun,
    /// "X fired/launched N missiles at Y": an attack only with a target or place.
    Launch,
    /// "X and Y reached an agreement", "X signed a deal with Y": an event noun between
    /// named parties only.
    AgreementNoun,
    /// "A and B exchanged fire", "A traded fire with B": each side attacked the other.
    Mutual,
    /// "X claimed responsibility for the bombing": what X says, and X is the attacker of
    /// the attack referred to (in the sentence, else the one before).
    Claim,
    /// "A and B (together with C) form the X Alliance": each is a member of it.
    Constitute,
    /// A visit: agent = subject (or a light verb's subject for a noun), place = the
    /// object or "to X" ("Power visited Armenia", "cut short a visit to Saudi Arabia").
    Visit,
    /// A killing of someone named: as `Transitive`, and only when every target is a person
    /// ("Israel says it killed Deif", "Sinwar was killed by Israeli troops"); a toll
    /// ("killed four people") is the casualty rules'.
    Kill,
    /// A place that fell to someone: agent = the object (before "control" when the form
    /// ends with "under"), captured = the subject ("Sanaa fell under Houthi control",
    /// "Kabul fell to the Taliban").
    Fall,
    /// Something that happens with no one doing it (an earthquake, a flood): no agent; the
    /// place is "in X", or a country or place named before the noun ("the Turkish
    /// earthquake").
    Happening,
}

impl Frame {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "transitive" => Frame::Transitive,
            "event-noun" => Frame::EventNoun,
            "deploy" => Frame::Deploy,
            "entry" => Frame::Entry,
            "give" => Frame::Give,
            "intercept" => Frame::Intercept,
            "intercept-weapons" => Frame::InterceptWeapons,
            "speech" => Frame::Speech,
            "describe" => Frame::Describe,
            "accession" => Frame::Accession,
            "intransitive" => Frame::Intransitive,
            "backing" => Frame::Backing,
            "headquarters" => Frame::Headquarters,
            "membership" => Frame::Membership,
            "weapon-noun" => Frame::WeaponNoun,
            "launch" => Frame::Launch,
            "agreement-noun" => Frame::AgreementNoun,
            "mutual" => Frame::Mutual,
            "claim" => Frame::Claim,
            "constitute" => Frame::Constitute,
            "visit" => Frame::Visit,
            "kill" => Frame::Kill,
            "fall" => Frame::Fall,
            "happening" => Frame::Happening,
            _ => return None,
        })
    }
}

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    Verb,
    Noun,
    /// A compound modifier after a hyphen ("-funded", "-led").
    Modifier,
}

/// A trigger: word forms that signal a relation and/or an event, with its frame.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub lemma: String,
    pub pos: TriggerPos,
    /// Lowercase forms ("attacked", "took control of").
    pub forms: Vec<String>,
    pub predicate: Option<Predicate>,
    pub event: Option<EventType>,
    pub frame: Frame,
    /// Forms of a verb trigger that are also forms of a noun trigger ("attack",
    /// "strikes"): their part of speech is decided by context.
    pub noun_forms: Vec<String>,
    /// An example sentence and the fact it must yield (checked by a test).
    pub example: String,
    pub expect: String,
    /// Line in triggers.tsv, for messages.
    pub line: u32,
    /// The rule name in provenance ("trigger:attack", "speech:say").
    pub rule: std::sync::Arc<str>,
}

/// Casualty words: "killed" -> Killed, "wounded" -> Injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasualtyKind {
    Killed,
    Injured,
}

/// A war counted in days: day 1 is `start`.
#[derive(Debug, Clone)]
pub struct WarDay {
    /// Words that must appear in the sentence with the count ("war", "invasion").
    pub words: Vec<Box<str>>,
    /// Words of which one must appear in the document (lowercase).
    pub context: Vec<Box<str>>,
    pub start: crate::text::date::Date,
}

/// A class of `lexicon/word-classes.tsv`: a list of words a rule tests a word against.
/// The rules know the classes; the data gives their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    AttributionVerb,
    CoalitionNoun,
    Condemnation,
    Currency,
    DefenceSiteNoun,
    DemandVerb,
    DenialVerb,
    Direction,
    DocumentNoun,
    ForcesOffice,
    IntentVerb,
    KinNoun,
    Language,
    LegislatureNoun,
    LightVerb,
    MeetingVerb,
    MemberNoun,
    MissionNoun,
    NameJoiner,
    NamePossessive,
    NameSuffix,
    NotNameSyllable,
    NumberedNoun,
    PressNoun,
    ReasonNoun,
    RoleModifier,
    SpeechVerbAfterName,
    StatementNoun,
    SurnameParticle,
    TargetSiteNoun,
    TimeNoun,
    TitleAdjective,
    TollVerb,
    TroopNoun,
    WarNoun,
}

impl WordClass {
    /// Every class, with its name in the data file.
    pub const ALL: [(WordClass, &'static str); 35] = [
        (WordClass::AttributionVerb, "attribution-verb"),
        (WordClass::CoalitionNoun, "coalition-noun"),
        (WordClass::Condemnation, "condemnation"),
        (WordClass::Currency, "currency"),
        (WordClass::DefenceSiteNoun, "defence-site-noun"),
        (WordClass::DemandVerb, "demand-verb"),
        (WordClass::DenialVerb, "denial-verb"),
        (WordClass::Direction, "direction"),
        (WordClass::DocumentNoun, "document-noun"),
        (WordClass::ForcesOffice, "forces-office"),
        (WordClass::IntentVerb, "intent-verb"),
        (WordClass::KinNoun, "kin-noun"),
        (WordClass::Language, "language"),
        (WordClass::LegislatureNoun, "legislature-noun"),
        (WordClass::LightVerb, "light-verb"),
        (WordClass::MeetingVerb, "meeting-verb"),
        (WordClass::MemberNoun, "member-noun"),
        (WordClass::MissionNoun, "mission-noun"),
        (WordClass::NameJoiner, "name-joiner"),
        (WordClass::NamePossessive, "name-possessive"),
        (WordClass::NameSuffix, "name-suffix"),
        (WordClass::NotNameSyllable, "not-name-syllable"),
        (WordClass::NumberedNoun, "numbered-noun"),
        (WordClass::PressNoun, "press-noun"),
        (WordClass::ReasonNoun, "reason-noun"),
        (WordClass::RoleModifier, "role-modifier"),
        (WordClass::SpeechVerbAfterName, "speech-verb-after-name"),
        (WordClass::StatementNoun, "statement-noun"),
        (WordClass::SurnameParticle, "surname-particle"),
        (WordClass::TargetSiteNoun, "target-site-noun"),
        (WordClass::TimeNoun, "time-noun"),
        (WordClass::TitleAdjective, "title-adjective"),
        (WordClass::TollVerb, "toll-verb"),
        (WordClass::TroopNoun, "troop-noun"),
        (WordClass::WarNoun, "war-noun"),
    ];
}

/// The words of each [`WordClass`] (lowercase).
#[derive(Debug, Clone)]
pub struct WordClasses {
    words: [Vec<Box<str>>; WordClass::ALL.len()],
}

impl Default for WordClasses {
    fn default() -> Self {
        WordClasses { words: std::array::from_fn(|_| Vec::new()) }
    }
}

impl WordClasses {
    /// The words of `class`.
    pub fn words(&self, class: WordClass) -> impl Iterator<Item = &str> + Clone {
        self.words[class as usize].iter().map(|w| &**w)
    }

    /// Whether `word` (lowercase) is one of the words of `class`.
    pub fn contains(&self, class: WordClass, word: &str) -> bool {
        self.words[class as usize].iter().any(|w| **w == *word)
    }
}

/// Everything under `ontology/lexicon/` and `ontology/triggers.tsv`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub abbreviations: FxHashSet<Box<str>>,
    pub numbers: NumberWords,
    pub titles: Vec<Title>,
    pub role_verbs: Vec<RoleVerb>,
    pub name_heads: Vec<NameHead>,
    pub place_nouns: Vec<PlaceNoun>,
    pub ministries: Vec<Ministry>,
    pub forces: Vec<ForceNoun>,
    /// Capitalised words that never start a name by themselves (lowercase).
    pub stopwords: FxHashSet<Box<str>>,
    /// Name particles that may appear lowercase inside a name ("al", "bin", "von", "de").
    pub particles: FxHashSet<Box<str>>,
    /// Words for people used as casualty subjects, with the count they imply
    /// ("a man" -> 1, "people" -> none).
    pub person_nouns: FxHashMap<Box<str>, Option<u64>>,
    pub casualties: FxHashMap<Box<str>, CasualtyKind>,
    /// Government words: "government", "authorities", "administration", "officials".
    pub government_nouns: FxHashSet<Box<str>>,
    /// Definite nouns that refer back to an entity ("the ministry", "the country"), with
    /// the type (and optional subtype) of what they refer to.
    pub anaphora: Vec<Anaphor>,
    /// Words that cannot name a region on their own ("Western", "Central").
    pub generic_place_words: FxHashSet<Box<str>>,
    /// What verbs of firing fire: "missiles", "shells", "a barrage".
    pub weapons: FxHashSet<Box<str>>,
    /// Words that make a weapon's word a means of crowd control: "tear" gas, "rubber"
    /// bullets.
    pub crowd_control: FxHashSet<Box<str>>,
    /// Who attacks without being named: "gunmen", "protesters".
    pub attackers: FxHashSet<Box<str>>,
    /// Aircraft that carry people: "shot down a passenger jet" is an attack.
    pub airliners: FxHashSet<Box<str>>,
    /// Objects that make a verb of attack figurative: "struck a deal".
    pub figurative_objects: FxHashSet<Box<str>>,
    /// Nouns after a demonym that make it no actor (lexicon/non-state-groups.txt).
    pub non_state_groups: FxHashSet<Box<str>>,
    /// Words that open a person's name: "Abu", "Ibn" (lexicon/name-openers.txt).
    pub name_openers: FxHashSet<Box<str>>,
    /// Prefixes of ships' names: "uss", "hms", "mv" (lexicon/ship-prefixes.txt).
    pub ship_prefixes: FxHashSet<Box<str>>,
    /// Words that open a place's name, with the subtype they give ("camp" → Camp;
    /// lexicon/place-openers.tsv).
    pub place_openers: Vec<(Box<str>, String)>,
    /// Words that open an organisation's or a place's name in Spanish, Portuguese, French
    /// and Italian, with the type and subtype they give ("banco" → Organisation, Company;
    /// lexicon/romance-openers.tsv).
    pub romance_openers: Vec<(Box<str>, EntityType, String)>,
    /// Given names (lowercase) and the gender they are given to: "daniel" (lexicon/given-names.tsv).
    pub given_names: FxHashMap<Box<str>, Gender>,
    /// Wars whose days news counts.
    pub war_days: Vec<WarDay>,
    /// Lists of words by class (lexicon/word-classes.tsv).
    pub word_classes: WordClasses,
    pub triggers: Vec<Trigger>,
}

/// All data the pipeline needs.
#[derive(Debug, Clone, Default)]
pub struct OntologyData {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub regions: Vec<Region>,
    pub areas: Vec<Area>,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
    pub memberships: Vec<Membership>,
    pub lexicon: Lexicon,
}

macro_rules! embedded_files {
    ($($f:literal),* $(,)?) => {
        &[$(($f, include_str!(concat!("../ontology/", $f)))),*]
    };
}

const EMBEDDED: &[(&str, &str)] = embedded_files!(
    "gazetteer/countries.tsv",
    "gazetteer/places.tsv",
    "gazetteer/regions.tsv",
    "gazetteer/areas.tsv",
    "gazetteer/region-labels.tsv",
    "people.tsv",
    "organisations.tsv",
    "organisation-parents.tsv",
    "memberships.tsv",
    "lexicon/abbreviations.txt",
    "lexicon/numbers.tsv",
    "lexicon/titles.tsv",
    "lexicon/role-verbs.tsv",
    "lexicon/name-heads.tsv",
    "lexicon/place-nouns.tsv",
    "lexicon/ministries.tsv",
    "lexicon/forces.tsv",
    "lexicon/stopwords.txt",
    "lexicon/particles.txt",
    "lexicon/person-nouns.tsv",
    "lexicon/casualties.tsv",
    "lexicon/government-nouns.txt",
    "lexicon/anaphora.tsv",
    "lexicon/war-days.tsv",
    "lexicon/generic-place-words.txt",
    "lexicon/weapons.txt",
    "lexicon/crowd-control.txt",
    "lexicon/attackers.txt",
    "lexicon/airliners.txt",
    "lexicon/figurative-objects.txt",
    "lexicon/non-state-groups.txt",
    "lexicon/name-openers.txt",
    "lexicon/given-names.tsv",
    "lexicon/ship-prefixes.txt",
    "lexicon/place-openers.tsv",
    "lexicon/romance-openers.tsv",
    "lexicon/word-classes.tsv",
    "triggers.tsv",
);

/// One parsed TSV file: header and rows with their line numbers.
struct Table<'a> {
    path: String,
    header: Vec<&'a str>,
    /// The fields of every row, row after row, `header.len()` to a row: one vector for
    /// the file rather than one per row.
    fields: Vec<&'a str>,
    /// Each row's line number.
    lines: Vec<u32>,
}

impl<'a> Table<'a> {
    fn parse(path: &str, text: &'a str) -> Result<Self> {
        let bytes = text.as_bytes();
        let mut header: Option<Vec<&str>> = None;
        // Room for a field per eight bytes and a row per 64, about what the gazetteer's
        // files hold: the vectors of the largest file grown once at most rather than a
        // score of times.
        let (mut fields, mut lines) = (Vec::with_capacity(bytes.len() / 8), Vec::with_capacity(bytes.len() / 64));
        let (mut start, mut lineno) = (0, 0u32);
        // Lines as `str::lines` cuts them (at "\n", a "\r" before it dropped), each split
        // at tabs in the same pass: fields are short, and a search call per field costs
        // more than a scan eight bytes a step inline.
        while start < bytes.len() {
            lineno += 1;
            let row = fields.len();
            let (mut from, mut end) = (start, tab_or_newline(bytes, start));
            while end < bytes.len() && bytes[end] == b'\t' {
                fields.push(&text[from..end]);
                from = end + 1;
                end = tab_or_newline(bytes, from);
            }
            let next = end + 1;
            if end < bytes.len() && end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            let line = &text[start..end];
            start = next;
            if line.starts_with('#') || crate::text::trim(line).is_empty() {
                fields.truncate(row);
                continue;
            }
            fields.push(&text[from..end]);
            match &header {
                // The header's fields moved out, the room reserved for the rows kept.
                None => {
                    header = Some(fields.to_vec());
                    fields.clear();
                }
                Some(h) => {
                    let found = fields.len() - row;
                    if found != h.len() {
                        return Err(Error::data(
                            path,
                            lineno,
                            1,
                            format!("expected {} fields, found {}", h.len(), found),
                        ));
                    }
                    // A header row again (left by sorting a file with its header): no
                    // entry named "name".
                    if fields[row..] == h[..] {
                        return Err(Error::data(path, lineno, 1, "the header row again"));
                    }
                    lines.push(lineno);
                }
            }
        }
        let header = header.ok_or_else(|| Error::data(path, 1, 1, "missing header row"))?;
        Ok(Table { path: path.to_owned(), header, fields, lines })
    }

    /// Each row with its line number.
    fn rows(&self) -> impl Iterator<Item = (u32, &[&'a str])> + '_ {
        // A header has a field at least: the chunks are never empty.
        self.lines.iter().copied().zip(self.fields.chunks_exact(self.header.len()))
    }

    fn col(&self, name: &str) -> Result<usize> {
        self.header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| Error::data(&self.path, 1, 1, format!("missing column '{name}'")))
    }

    fn err(&self, line: u32, col: usize, msg: impl Into<String>) -> Error {
        Error::data(&self.path, line, col as u32 + 1, msg)
    }
}

/// The first tab or line feed of `bytes` from `from` on (`bytes.len()` if none), eight
/// bytes a step.
#[inline(always)]
fn tab_or_newline(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // The high bit of a zero byte of `x`, others' maybe above the first (never below it).
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = from;
    while let Some(step) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(step.try_into().expect("eight bytes"));
        let found = zeros(x ^ (ONES * u64::from(b'\t'))) | zeros(x ^ (ONES * u64::from(b'\n')));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n') {
        i += 1;
    }
    i
}

/// A cell's `;`-separated items, trimmed, the empty ones left out. The cell is cut at its
/// `;` bytes by a plain loop (a `;` is ASCII, so every cut is at a character boundary):
/// the places' table alone has 44,000 such cells of a few short items, where
/// `str::split`'s searcher costs more than the bytes it looks at.
fn list(cell: &str) -> Vec<String> {
    let bytes = cell.as_bytes();
    let mut out = Vec::new();
    let mut push = |item: &str| {
        let item = crate::text::trim(item);
        if !item.is_empty() {
            out.push(item.to_owned());
        }
    };
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b';' {
            push(&cell[from..i]);
            from = i + 1;
        }
    }
    push(&cell[from..]);
    out
}

fn words(phrase: &str) -> Vec<Box<str>> {
    phrase.split_whitespace().map(|w| w.to_lowercase().into_boxed_str()).collect()
}

fn phrase(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[inline]
fn opt_f64(t: &Table, line: u32, col: usize, cell: &str) -> Result<Option<f64>> {
    if cell.is_empty() {
        return Ok(None);
    }
    match simple_decimal(cell) {
        Some(x) => Ok(Some(x)),
        None => general_f64(t, line, col, cell),
    }
}

/// [`opt_f64`] of a cell that is no [`simple_decimal`]: out of line, as it is rare, to
/// keep the common path small.
#[cold]
#[inline(never)]
fn general_f64(t: &Table, line: u32, col: usize, cell: &str) -> Result<Option<f64>> {
    cell.parse::<f64>().map(Some).map_err(|_| t.err(line, col, format!("expected a number, found '{cell}'")))
}

/// A number written `[-]digits[.digits]` with at most 15 digits, as `str::parse::<f64>`
/// reads it, bit for bit, without the general parser (coordinates and populations are
/// written so); `None` for any other form. The digits make an integer below 2^53 and the
/// fraction's length a power of ten up to 10^15, both exact in an `f64`, so their
/// quotient, rounded once by the division, is the nearest `f64` to the number, which is
/// what `str::parse` returns (Clinger's fast path).
fn simple_decimal(cell: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (negative, bytes) = match cell.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    // The digits as an integer (wrapping past 15 digits, which are refused), and where
    // the point is; every other byte is a digit.
    let (mut n, mut point) = (0u64, None);
    for (i, &b) in bytes.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
        } else if b == b'.' && point.is_none() {
            point = Some(i);
        } else {
            return None;
        }
    }
    let digits = bytes.len() - usize::from(point.is_some());
    let fraction = point.map_or(0, |p| bytes.len() - p - 1);
    // Digits on both sides of a point ("5." and ".5" are left to the general parser).
    if digits > 15 || point == Some(0) || (point.is_some() && fraction == 0) || digits == 0 {
        return None;
    }
    let x = n as f64 / POWERS[fraction];
    Some(if negative { -x } else { x })
}

fn parse_gender(t: &Table, line: u32, col: usize, cell: &str) -> Result<Gender> {
    match cell {
        "m" => Ok(Gender::Male),
        "f" => Ok(Gender::Female),
        "" => Ok(Gender::Unknown),
        other => Err(t.err(line, col, format!("expected m, f or nothing, found '{other}'"))),
    }
}

fn opt_u32(t: &Table, line: u32, col: usize, cell: &str) -> Result<Option<u32>> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<u32>().map(Some).map_err(|_| t.err(line, col, format!("expected an integer, found '{cell}'")))
}

fn opt_string(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

fn plain_list(text: &str) -> FxHashSet<Box<str>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.to_lowercase().into_boxed_str())
        .collect()
}

/// The data files the pipeline reads, by path relative to `ontology/`.
pub fn files() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(f, _)| *f)
}

impl OntologyData {
    /// The data files embedded in the library.
    pub fn embedded() -> Result<Self> {
        Self::from_sources(|name| {
            EMBEDDED
                .iter()
                .find(|(f, _)| *f == name)
                .map(|(_, t)| std::borrow::Cow::Borrowed(*t))
                .ok_or_else(|| Error::data(name, 1, 1, "no such embedded data file"))
        })
    }

    /// The data files of a folder laid out like `ontology/`.
    pub fn from_dir(dir: &Path) -> Result<Self> {
        Self::from_sources(|name| {
            let path = dir.join(name);
            std::fs::read_to_string(&path)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| Error::data(&path.display().to_string(), 1, 1, format!("cannot read: {e}")))
        })
    }

    fn from_sources<'s>(mut get: impl FnMut(&str) -> Result<std::borrow::Cow<'s, str>>) -> Result<Self> {
        let mut data = OntologyData::default();
        let src = get("gazetteer/countries.tsv")?;
        data.countries = parse_countries(&Table::parse("ontology/gazetteer/countries.tsv", &src)?)?;
        let src = get("gazetteer/places.tsv")?;
        data.places = parse_places(&Table::parse("ontology/gazetteer/places.tsv", &src)?)?;
        let src = get("gazetteer/region-labels.tsv")?;
        let labels = Table::parse("ontology/gazetteer/region-labels.tsv", &src)?;
        let src = get("gazetteer/regions.tsv")?;
        data.regions = parse_regions(&Table::parse("ontology/gazetteer/regions.tsv", &src)?, &labels)?;
        let src = get("gazetteer/areas.tsv")?;
        data.areas = parse_areas(&Table::parse("ontology/gazetteer/areas.tsv", &src)?)?;
        let src = get("people.tsv")?;
        data.people = parse_people(&Table::parse("ontology/people.tsv", &src)?)?;
        let src = get("organisations.tsv")?;
        data.organisations = parse_organisations(&Table::parse("ontology/organisations.tsv", &src)?)?;
        let src = get("organisation-parents.tsv")?;
        parse_parents(&Table::parse("ontology/organisation-parents.tsv", &src)?, &mut data.organisations)?;
        let src = get("memberships.tsv")?;
        data.memberships = parse_memberships(&Table::parse("ontology/memberships.tsv", &src)?)?;
        data.lexicon = parse_lexicon(&mut get)?;
        Ok(data)
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country_by_iso(&self, iso2: &str) -> Option<usize> {
        self.countries.iter().position(|c| crate::text::phrase::same_word(&c.iso2, iso2))
    }
}

fn parse_countries(t: &Table) -> Result<Vec<Country>> {
    let (name, iso2, iso3, dem, ali, cap, geo, lat, lon) = (
        t.col("name")?,
        t.col("iso2")?,
        t.col("iso3")?,
        t.col("demonyms")?,
        t.col("aliases")?,
        t.col("capital")?,
        t.col("geonames")?,
        t.col("lat")?,
        t.col("lon")?,
    );
    t.rows()
        .map(|(line, r)| {
            Ok(Country {
                name: r[name].to_owned(),
                iso2: r[iso2].to_owned(),
                iso3: r[iso3].to_owned(),
                demonyms: list(r[dem]),
                aliases: list(r[ali]),
                capital: r[cap].to_owned(),
                geonames: opt_u32(t, line, geo, r[geo])?,
                lat: opt_f64(t, line, lat, r[lat])?,
                lon: opt_f64(t, line, lon, r[lon])?,
            })
        })
        .collect()
}

fn parse_places(t: &Table) -> Result<Vec<Place>> {
    let (name, sub, country, admin1, geo, lat, lon, pop, ali) = (
        t.col("name")?,
        t.col("subtype")?,
        t.col("country")?,
        t.col("admin1")?,
        t.col("geonames")?,
        t.col("lat")?,
        t.col("lon")?,
        t.col("population")?,
        t.col("aliases")?,
    );
    // Pushed to a list sized at once: `collect` of fallible rows cannot know their number
    // and grows the list (44,000 places of 144 bytes) a score of times, copying it each time.
    let mut places = Vec::with_capacity(t.lines.len());
    for (line, r) in t.rows() {
        // (A code longer than the field is kept as none: no region's code is that long.)
        let mut admin1_code = [0u8; 8];
        if r[admin1].len() <= admin1_code.len() {
            admin1_code[..r[admin1].len()].copy_from_slice(r[admin1].as_bytes());
        }
        places.push(Place {
            name: r[name].to_owned(),
            subtype: r[sub].to_owned(),
            country: r[country].to_owned(),
            admin1_code,
            geonames: opt_u32(t, line, geo, r[geo])?,
            lat: opt_f64(t, line, lat, r[lat])?,
            lon: opt_f64(t, line, lon, r[lon])?,
            population: opt_f64(t, line, pop, r[pop])?.unwrap_or(0.0) as u64,
            aliases: list(r[ali]),
        });
    }
    Ok(places)
}

/// The regions, labelled by `labels` (`gazetteer/region-labels.tsv`): the stem and the
/// subtype for a subtype listed for every country (`*`) or for the region's, unless the
/// region's country is listed after a minus (`-PK`), else the stem.
fn parse_regions(t: &Table, labels: &Table) -> Result<Vec<Region>> {
    let (stem, sub, country, code, official) =
        (t.col("stem")?, t.col("subtype")?, t.col("country")?, t.col("iso3166_2")?, t.col("official_name")?);
    let (l_sub, l_countries) = (labels.col("subtype")?, labels.col("countries")?);
    let suffixed: Vec<(&str, Vec<&str>)> =
        labels.rows().map(|(_, r)| (r[l_sub], r[l_countries].split(';').collect())).collect();
    let label = |stem: &str, sub: &str, country: &str| {
        let suffix = suffixed.iter().any(|(s, cs)| {
            *s == sub
                && cs.iter().any(|&c| c == "*" || c == country)
                && !cs.iter().any(|&c| c.strip_prefix('-') == Some(country))
        });
        if suffix {
            format!("{stem} {sub}")
        } else {
            stem.to_owned()
        }
    };
    Ok(t.rows()
        .map(|(_, r)| Region {
            stem: r[stem].to_owned(),
            label: label(r[stem], r[sub], r[country]),
            subtype: r[sub].to_owned(),
            country: r[country].to_owned(),
            code: r[code].to_owned(),
            official_name: r[official].to_owned(),
        })
        .collect())
}

fn parse_areas(t: &Table) -> Result<Vec<Area>> {
    let (name, sub, country, ali, lat, lon, wd) = (
        t.col("name")?,
        t.col("subtype")?,
        t.col("country")?,
        t.col("aliases")?,
        t.col("lat")?,
        t.col("lon")?,
        t.col("wikidata")?,
    );
    t.rows()
        .map(|(line, r)| {
            Ok(Area {
                name: r[name].to_owned(),
                subtype: r[sub].to_owned(),
                country: r[country].to_owned(),
                aliases: list(r[ali]),
                lat: opt_f64(t, line, lat, r[lat])?,
                lon: opt_f64(t, line, lon, r[lon])?,
                wikidata: opt_string(r[wd]),
            })
        })
        .collect()
}

fn parse_people(t: &Table) -> Result<Vec<Person>> {
    let (name, ali, gender, role, country, org, wd) = (
        t.col("name")?,
        t.col("aliases")?,
        t.col("gender")?,
        t.col("role")?,
        t.col("country")?,
        t.col("organisation")?,
        t.col("wikidata")?,
    );
    t.rows()
        .map(|(line, r)| {
            let g = parse_gender(t, line, gender, r[gender])?;
            Ok(Person {
                name: r[name].to_owned(),
                aliases: list(r[ali]),
                gender: g,
                role: r[role].to_owned(),
                country: r[country].to_owned(),
                organisation: r[org].to_owned(),
                wikidata: opt_string(r[wd]),
            })
        })
        .collect()
}

fn parse_organisations(t: &Table) -> Result<Vec<Organisation>> {
    let (name, ali, acr, sub, country, wd) = (
        t.col("name")?,
        t.col("aliases")?,
        t.col("acronyms")?,
        t.col("subtype")?,
        t.col("country")?,
        t.col("wikidata")?,
    );
    Ok(t.rows()
        .map(|(_, r)| Organisation {
            name: r[name].to_owned(),
            aliases: with_abbreviated_states(r[name], list(r[ali])),
            acronyms: list(r[acr]),
            subtype: r[sub].to_owned(),
            country: r[country].to_owned(),
            wikidata: opt_string(r[wd]),
            parent: None,
        })
        .collect())
}

/// The ways news writes "United States" and "United Nations" opening a body's name.
const ABBREVIATED_STATES: [&[&str]; 2] = [&["United States", "U.S.", "US"], &["United Nations", "U.N.", "UN"]];

/// `aliases` with every way of writing a name's or an alias's opening "United States" or
/// "United Nations" ("U.S. Agency for International Development", "U.N. Security
/// Council"), each once.
fn with_abbreviated_states(name: &str, mut aliases: Vec<String>) -> Vec<String> {
    let mut extra = Vec::new();
    for form in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        for ways in ABBREVIATED_STATES {
            let Some(rest) = ways.iter().find_map(|w| form.strip_prefix(w).filter(|r| r.starts_with(' '))) else {
                continue;
            };
            extra.extend(ways.iter().map(|w| format!("{w}{rest}")));
        }
    }
    for form in extra {
        if form != name && !aliases.contains(&form) {
            aliases.push(form);
        }
    }
    aliases
}

/// Sets each organisation's parent from `organisation-parents.tsv`; both names must be
/// organisations' names.
fn parse_parents(t: &Table, organisations: &mut [Organisation]) -> Result<()> {
    let (org, parent) = (t.col("organisation")?, t.col("parent")?);
    for (line, r) in t.rows() {
        let index = |col: usize| {
            organisations
                .iter()
                .position(|o| o.name == r[col])
                .ok_or_else(|| t.err(line, col, format!("'{}' is no name in organisations.tsv", r[col])))
        };
        let (o, p) = (index(org)?, index(parent)?);
        organisations[o].parent = Some(p as u32);
    }
    Ok(())
}

fn parse_memberships(t: &Table) -> Result<Vec<Membership>> {
    let (country, org, since, until) = (t.col("country")?, t.col("organisation")?, t.col("since")?, t.col("until")?);
    t.rows()
        .map(|(line, r)| {
            let year = |c: usize| -> Result<Option<i32>> {
                if r[c].is_empty() {
                    return Ok(None);
                }
                r[c].parse().map(Some).map_err(|_| t.err(line, c, format!("expected a year, found '{}'", r[c])))
            };
            Ok(Membership {
                country: r[country].to_owned(),
                organisation: r[org].to_owned(),
                since: year(since)?,
                until: year(until)?,
            })
        })
        .collect()
}

fn entity_type(t: &Table, line: u32, col: usize, s: &str) -> Result<EntityType> {
    EntityType::parse(s).ok_or_else(|| t.err(line, col, format!("unknown entity type '{s}'")))
}

fn parse_word_classes(t: &Table) -> Result<WordClasses> {
    let (c, w) = (t.col("class")?, t.col("words")?);
    let mut classes = WordClasses::default();
    let mut seen = [false; WordClass::ALL.len()];
    for (line, r) in t.rows() {
        let Some(&(class, _)) = WordClass::ALL.iter().find(|(_, name)| *name == r[c]) else {
            return Err(t.err(line, c, format!("unknown word class '{}'", r[c])));
        };
        seen[class as usize] = true;
        let words = &mut classes.words[class as usize];
        words.extend(r[w].split(';').map(crate::text::trim).filter(|x| !x.is_empty()).map(|x| x.to_lowercase().into()));
    }
    if let Some((_, name)) = WordClass::ALL.iter().find(|(class, _)| !seen[*class as usize]) {
        return Err(Error::data(&t.path, 1, 1, format!("missing word class '{name}'")));
    }
    Ok(classes)
}

fn parse_lexicon<'s>(get: &mut impl FnMut(&str) -> Result<std::borrow::Cow<'s, str>>) -> Result<Lexicon> {
    let mut lex = Lexicon { abbreviations: plain_list(&get("lexicon/abbreviations.txt")?), ..Default::default() };
    lex.stopwords = plain_list(&get("lexicon/stopwords.txt")?);
    lex.particles = plain_list(&get("lexicon/particles.txt")?);
    lex.government_nouns = plain_list(&get("lexicon/government-nouns.txt")?);
    lex.generic_place_words = plain_list(&get("lexicon/generic-place-words.txt")?);
    lex.weapons = plain_list(&get("lexicon/weapons.txt")?);
    lex.crowd_control = plain_list(&get("lexicon/crowd-control.txt")?);
    lex.attackers = plain_list(&get("lexicon/attackers.txt")?);
    lex.airliners = plain_list(&get("lexicon/airliners.txt")?);
    lex.figurative_objects = plain_list(&get("lexicon/figurative-objects.txt")?);
    lex.non_state_groups = plain_list(&get("lexicon/non-state-groups.txt")?);
    lex.name_openers = plain_list(&get("lexicon/name-openers.txt")?);
    lex.ship_prefixes = plain_list(&get("lexicon/ship-prefixes.txt")?);
    let src = get("lexicon/place-openers.tsv")?;
    let t = Table::parse("ontology/lexicon/place-openers.tsv", &src)?;
    let (w, st) = (t.col("word")?, t.col("subtype")?);
    for (_, r) in t.rows() {
        lex.place_openers.push((r[w].to_lowercase().into(), r[st].to_owned()));
    }
    let src = get("lexicon/romance-openers.tsv")?;
    let t = Table::parse("ontology/lexicon/romance-openers.tsv", &src)?;
    let (w, ty, st) = (t.col("word")?, t.col("type")?, t.col("subtype")?);
    for (line, r) in t.rows() {
        let etype = entity_type(&t, line, ty, r[ty])?;
        lex.romance_openers.push((r[w].to_lowercase().into(), etype, r[st].to_owned()));
    }
    let src = get("lexicon/word-classes.tsv")?;
    lex.word_classes = parse_word_classes(&Table::parse("ontology/lexicon/word-classes.tsv", &src)?)?;
    let src = get("lexicon/given-names.tsv")?;
    let t = Table::parse("ontology/lexicon/given-names.tsv", &src)?;
    let (name, gender) = (t.col("name")?, t.col("gender")?);
    // Room for every name at once: the map (only ever looked up, never iterated) does not
    // grow and rehash a dozen times on the way to 36,000 names.
    lex.given_names.reserve(t.lines.len());
    for (line, r) in t.rows() {
        lex.given_names.insert(r[name].to_lowercase().into(), parse_gender(&t, line, gender, r[gender])?);
    }

    let src = get("lexicon/numbers.tsv")?;
    let t = Table::parse("ontology/lexicon/numbers.tsv", &src)?;
    let (w, v, k) = (t.col("word")?, t.col("value")?, t.col("kind")?);
    for (line, r) in t.rows() {
        match r[k] {
            "unit" => {
                let n = r[v].parse().map_err(|_| t.err(line, v, "expected an integer"))?;
                lex.numbers.units.insert(r[w].to_lowercase().into(), n);
            }
            "scale" => {
                let n = r[v].parse().map_err(|_| t.err(line, v, "expected a number"))?;
                lex.numbers.scales.insert(r[w].to_lowercase().into(), n);
            }
            "at-least" => lex.numbers.qualifiers.push((words(r[w]), Qualifier::AtLeast)),
            "approximately" => lex.numbers.qualifiers.push((words(r[w]), Qualifier::Approximately)),
            other => return Err(t.err(line, k, format!("unknown kind '{other}'"))),
        }
    }
    // Longest qualifier first.
    lex.numbers.qualifiers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));

    let src = get("lexicon/titles.tsv")?;
    let t = Table::parse("ontology/lexicon/titles.tsv", &src)?;
    let (ti, ro, ki, sc) = (t.col("title")?, t.col("role")?, t.col("kind")?, t.col("scope")?);
    for (line, r) in t.rows() {
        let kind = match r[ki] {
            "office" => TitleKind::Office,
            "rank" => TitleKind::Rank,
            "honorific" => TitleKind::Honorific,
            other => return Err(t.err(line, ki, format!("unknown title kind '{other}'"))),
        };
        let scope = match r[sc] {
            "local" => TitleScope::Local,
            "state" => TitleScope::State,
            "envoy" => TitleScope::Envoy,
            "any" => TitleScope::Any,
            other => {
                return Err(t.err(line, sc, format!("unknown title scope '{other}' (local, state, envoy or any)")))
            }
        };
        lex.titles.push(Title { phrase: phrase(r[ti]), role: r[ro].to_owned(), kind, scope });
    }

    let src = get("lexicon/role-verbs.tsv")?;
    let t = Table::parse("ontology/lexicon/role-verbs.tsv", &src)?;
    let (ph, ki) = (t.col("phrase")?, t.col("kind")?);
    for (line, r) in t.rows() {
        let succession = match r[ki] {
            "holder" => false,
            "succession" => true,
            other => return Err(t.err(line, ki, format!("unknown kind '{other}' (holder or succession)"))),
        };
        lex.role_verbs.push(RoleVerb { words: words(r[ph]), succession });
    }
    // Longest phrase first.
    lex.role_verbs.sort_by_key(|v| std::cmp::Reverse(v.words.len()));

    let src = get("lexicon/name-heads.tsv")?;
    let t = Table::parse("ontology/lexicon/name-heads.tsv", &src)?;
    let (h, ty, st) = (t.col("head")?, t.col("type")?, t.col("subtype")?);
    for (line, r) in t.rows() {
        lex.name_heads.push(NameHead {
            phrase: phrase(r[h]),
            etype: entity_type(&t, line, ty, r[ty])?,
            subtype: r[st].to_owned(),
        });
    }

    let src = get("lexicon/place-nouns.tsv")?;
    let t = Table::parse("ontology/lexicon/place-nouns.tsv", &src)?;
    let (n, st, pos, reg, named) =
        (t.col("noun")?, t.col("subtype")?, t.col("position")?, t.col("region")?, t.col("named")?);
    for (line, r) in t.rows() {
        let position = match r[pos] {
            "before" => NounPosition::Before,
            "after" => NounPosition::After,
            "both" => NounPosition::Both,
            other => return Err(t.err(line, pos, format!("expected before, after or both, found '{other}'"))),
        };
        lex.place_nouns.push(PlaceNoun {
            word: r[n].to_lowercase().into(),
            subtype: r[st].to_owned(),
            position,
            region: r[reg] == "yes",
            named: match r[named] {
                "no" => NamedBy::No,
                "area" => NamedBy::Area,
                "site" => NamedBy::Site,
                other => return Err(t.err(line, named, format!("expected no, area or site, found '{other}'"))),
            },
        });
    }

    let src = get("lexicon/ministries.tsv")?;
    let t = Table::parse("ontology/lexicon/ministries.tsv", &src)?;
    let (c, f) = (t.col("canonical")?, t.col("forms")?);
    for (_, r) in t.rows() {
        let mut forms: Vec<String> = list(r[f]).iter().map(|s| phrase(s)).collect();
        forms.push(phrase(r[c]));
        lex.ministries.push(Ministry { canonical: r[c].to_owned(), forms });
    }

    let src = get("lexicon/forces.tsv")?;
    let t = Table::parse("ontology/lexicon/forces.tsv", &src)?;
    let (n, c, st, q) = (t.col("noun")?, t.col("canonical")?, t.col("subtype")?, t.col("qualifier")?);
    for (line, r) in t.rows() {
        let (with_country, with_organisation) = match r[q] {
            "both" => (true, true),
            "country" => (true, false),
            "organisation" => (false, true),
            other => return Err(t.err(line, q, format!("expected country, organisation or both, found '{other}'"))),
        };
        lex.forces.push(ForceNoun {
            phrase: phrase(r[n]),
            canonical: r[c].to_owned(),
            subtype: r[st].to_owned(),
            with_country,
            with_organisation,
        });
    }

    let src = get("lexicon/person-nouns.tsv")?;
    let t = Table::parse("ontology/lexicon/person-nouns.tsv", &src)?;
    let (n, cnt) = (t.col("noun")?, t.col("count")?);
    for (line, r) in t.rows() {
        let count = opt_u32(&t, line, cnt, r[cnt])?.map(u64::from);
        lex.person_nouns.insert(r[n].to_lowercase().into(), count);
    }

    let src = get("lexicon/casualties.tsv")?;
    let t = Table::parse("ontology/lexicon/casualties.tsv", &src)?;
    let (w, k) = (t.col("word")?, t.col("kind")?);
    for (line, r) in t.rows() {
        let kind = match r[k] {
            "killed" => CasualtyKind::Killed,
            "injured" => CasualtyKind::Injured,
            other => return Err(t.err(line, k, format!("expected killed or injured, found '{other}'"))),
        };
        lex.casualties.insert(r[w].to_lowercase().into(), kind);
    }

    let src = get("lexicon/anaphora.tsv")?;
    let t = Table::parse("ontology/lexicon/anaphora.tsv", &src)?;
    let (n, ty, st, bare) = (t.col("noun")?, t.col("type")?, t.col("subtype")?, t.col("without_article")?);
    for (line, r) in t.rows() {
        let without_article = match r[bare] {
            "yes" => true,
            "" => false,
            other => return Err(t.err(line, bare, format!("without_article is 'yes' or empty, not '{other}'"))),
        };
        lex.anaphora.push(Anaphor {
            noun: phrase(r[n]),
            etype: entity_type(&t, line, ty, r[ty])?,
            subtypes: list(r[st]),
            without_article,
        });
    }

    let src = get("lexicon/war-days.tsv")?;
    let t = Table::parse("ontology/lexicon/war-days.tsv", &src)?;
    let (w, c, st) = (t.col("words")?, t.col("context")?, t.col("start")?);
    for (line, r) in t.rows() {
        let start = crate::text::date::Date::parse_iso(r[st])
            .ok_or_else(|| t.err(line, st, format!("expected a date YYYY-MM-DD, found '{}'", r[st])))?;
        let lower = |cell: &str| list(cell).into_iter().map(|x| x.to_lowercase().into_boxed_str()).collect();
        lex.war_days.push(WarDay { words: lower(r[w]), context: lower(r[c]), start });
    }

    let src = get("triggers.tsv")?;
    let t = Table::parse("ontology/triggers.tsv", &src)?;
    let (le, po, fo, pr, ev, fr, ex, exp) = (
        t.col("lemma")?,
        t.col("pos")?,
        t.col("forms")?,
        t.col("predicate")?,
        t.col("event")?,
        t.col("frame")?,
        t.col("example")?,
        t.col("expect")?,
    );
    for (line, r) in t.rows() {
        let pos = match r[po] {
            "verb" => TriggerPos::Verb,
            "noun" => TriggerPos::Noun,
            "modifier" => TriggerPos::Modifier,
            other => return Err(t.err(line, po, format!("unknown part of speech '{other}'"))),
        };
        let predicate = match r[pr] {
            "-" | "" => None,
            p => Some(Predicate::parse(p).ok_or_else(|| t.err(line, pr, format!("unknown predicate '{p}'")))?),
        };
        let event = match r[ev] {
            "-" | "" => None,
            e => Some(EventType::parse(e).ok_or_else(|| t.err(line, ev, format!("unknown event type '{e}'")))?),
        };
        let frame = Frame::parse(r[fr]).ok_or_else(|| t.err(line, fr, format!("unknown frame '{}'", r[fr])))?;
        let mut forms: Vec<String> = list(r[fo]).iter().map(|s| phrase(s)).collect();
        if forms.is_empty() {
            forms.push(phrase(r[le]));
        }
        lex.triggers.push(Trigger {
            lemma: r[le].to_owned(),
            pos,
            forms,
            predicate,
            event,
            frame,
            noun_forms: Vec::new(),
            example: r[ex].to_owned(),
            expect: r[exp].to_owned(),
            line,
            rule: format!(
                "{}:{}",
                if matches!(frame, Frame::Speech | Frame::Describe) { "speech" } else { "trigger" },
                r[le]
            )
            .into(),
        });
    }
    let nouns: FxHashSet<String> =
        lex.triggers.iter().filter(|t| t.pos == TriggerPos::Noun).flat_map(|t| t.forms.iter().cloned()).collect();
    for t in lex.triggers.iter_mut().filter(|t| t.pos == TriggerPos::Verb) {
        t.noun_forms = t.forms.iter().filter(|f| nouns.contains(*f)).cloned().collect();
    }
    Ok(lex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_states_open_aliases() {
        let aliases = with_abbreviated_states("United States Agency for International Development", vec![]);
        assert_eq!(aliases, ["U.S. Agency for International Development", "US Agency for International Development"]);
        let aliases = with_abbreviated_states("Interim Force", vec!["UN Interim Force".into()]);
        assert_eq!(aliases, ["UN Interim Force", "United Nations Interim Force", "U.N. Interim Force"]);
        // "USAID" and "UNICEF" open with no state's name.
        assert!(with_abbreviated_states("USAID", vec!["UNICEF".into()]) == ["UNICEF"]);
    }

    #[test]
    fn list_as_split() {
        for cell in ["", ";", " ; a;b ;; c ", "a", "Ab;cd", " ", "é; ü ;x", "a;;", ";\u{a0}b\u{a0};"] {
            let split: Vec<String> =
                cell.split(';').map(crate::text::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
            assert_eq!(list(cell), split, "{cell:?}");
        }
    }

    #[test]
    fn embedded_data_loads() {
        let d = OntologyData::embedded().expect("embedded data");
        assert!(d.countries.len() > 240);
        assert!(d.lexicon.triggers.len() > 20);
        let ua = d.country_by_iso("UA").map(|i| &d.countries[i]).expect("Ukraine");
        assert_eq!(ua.name, "Ukraine");
        assert!(ua.demonyms.iter().any(|x| x == "Ukrainian"));
    }

    #[test]
    fn simple_decimals_as_the_general_parser_reads_them() {
        let mut cells: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1",
            "36.72769",
            "-51.10574",
            "13482",
            "0.1",
            "0.3",
            "179.99999",
            "-90",
            "123456789012345",
            "12345678.9012345",
            "0.000000000000001",
            "9007199254740993",
            "1e5",
            "+1",
            "1.",
            ".5",
            "-",
            "",
            "1.2.3",
            "1,5",
            "NaN",
            "inf",
            "--1",
            "00012.50",
        ]
        .map(String::from)
        .into();
        // Every coordinate and population of the places, and a pseudo-random sweep.
        let text = EMBEDDED.iter().find(|(f, _)| *f == "gazetteer/places.tsv").map_or("", |(_, t)| t);
        let t = Table::parse("places.tsv", text).expect("places");
        let cols = [t.col("lat").unwrap(), t.col("lon").unwrap(), t.col("population").unwrap()];
        cells.extend(t.rows().flat_map(|(_, r)| cols.map(|c| r[c].to_owned())));
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 1_000_000_000_000_000) as f64;
            let s = format!("{}", digits);
            let at = (x >> 50) as usize % (s.len() + 1);
            cells.push(if at == s.len() { s } else { format!("{}.{}", &s[..at.max(1)], &s[at.max(1)..]) });
        }
        for cell in &cells {
            if let Some(x) = simple_decimal(cell) {
                let want: f64 = cell.parse().expect("a number");
                assert_eq!(x.to_bits(), want.to_bits(), "{cell}");
            }
        }
        assert_eq!(simple_decimal("36.72769"), Some(36.72769));
        assert_eq!(simple_decimal("1e5"), None);
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let text = "# comment\nname\tvalue\nok\t1\nbroken\n";
        let err = Table::parse("ontology/x.tsv", text).err().expect("error");
        assert_eq!(err.to_string(), "ontology/x.tsv:4:1: expected 2 fields, found 1");
    }

    #[test]
    fn lines_and_fields_as_lines_and_split_cut_them() {
        let text = "# c\ta\nname\tvalue\tlonger field name\n\nalpha beta gamma\t1\t\r\n  \r\n#x\nb\t\tlast field of all\r\nc\td\te\r";
        let t = Table::parse("x.tsv", text).expect("table");
        let want: Vec<(u32, Vec<&str>)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .map(|(i, l)| (i as u32 + 1, l.split('\t').collect()))
            .collect();
        let got: Vec<(u32, Vec<&str>)> = t.rows().map(|(line, r)| (line, r.to_vec())).collect();
        assert_eq!(got, want);
        assert_eq!(t.header, ["name", "value", "longer field name"]);
    }

    #[test]
    fn a_repeated_header_is_no_row() {
        let text = "name\tvalue\nb\t1\nname\tvalue\nc\t2\n";
        let err = Table::parse("ontology/x.tsv", text).err().expect("error");
        assert_eq!(err.to_string(), "ontology/x.tsv:3:1: the header row again");
    }

    #[test]
    fn missing_column_is_reported() {
        let t = Table::parse("ontology/x.tsv", "a\tb\n1\t2\n").expect("table");
        assert_eq!(t.col("c").err().map(|e| e.to_string()), Some("ontology/x.tsv:1:1: missing column 'c'".into()));
    }
}
