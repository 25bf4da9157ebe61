//! Frames: how a trigger finds its arguments in its sentence.

use super::{dedup, speech, word, RelObject, Relation, Sent};
use crate::data::{EntityType, EventType, Frame, Predicate, Trigger, TriggerPos};
use crate::mention::{Form, Pronoun, Referent};
use crate::text::number::parse_quantity;
use crate::text::TokenKind;
use std::ops::Range;
use std::sync::Arc;

/// Verbs that may stand between a determiner-looking word and a verb ("they have attacked").
pub(super) const AUX_VERBS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "must", "should", "has", "have", "had", "to", "did", "do", "does",
];

/// An event or relation found by a trigger, before sentence-level assembly.
#[derive(Debug, Clone, Default)]
pub(super) struct Candidate {
    pub etype: Option<EventType>,
    pub predicate: Option<Predicate>,
    pub agents: Vec<u32>,
    /// Targets, each with whether it was named (not a demonym).
    pub targets: Vec<(u32, bool)>,
    pub place: Option<u32>,
    /// The other places of a coordinated object of an attack ("hit Kharkiv, Odesa and
    /// Dnipro"): attacked too, in the one event at the first.
    pub more_places: Vec<u32>,
    pub count: Option<u64>,
    pub launched: Option<u64>,
    pub amount: Option<String>,
    pub trigger: Range<usize>,
    pub rule: Arc<str>,
    /// One event per target (captures of several places).
    pub per_target: bool,
}

/// A statement found by a speech trigger.
#[derive(Debug, Clone)]
pub(super) struct Said {
    pub speakers: Vec<u32>,
    pub tokens: Range<usize>,
    pub quoted: bool,
    pub rule: Arc<str>,
    /// Also report a Statement event (an address, a statement, a message).
    pub event: bool,
    pub trigger: Range<usize>,
}

#[derive(Debug, Default)]
pub(super) struct Found {
    pub candidates: Vec<Candidate>,
    pub relations: Vec<Relation>,
    pub said: Vec<Said>,
    /// Who claimed an attack ("X claimed responsibility for the bombing"), with the rule
    /// and the token where the claim's object starts.
    pub claims: Vec<(u32, Arc<str>, usize)>,
    /// Verdicts on an act named by a noun, not an actor ("condemned the bombing"): the
    /// speakers, the predicate and rule, and the token where the object starts.
    pub verdicts: Vec<(Vec<u32>, Predicate, Arc<str>, usize)>,
    /// The token of a noun of something no one does ("an earthquake"), when the sentence
    /// has one: an attack verb after it with no one attacking is its act ("an earthquake
    /// struck the Philippines").
    pub happening: Option<usize>,
}

impl Found {
    /// Whether no trigger of the sentence found anything.
    pub(super) fn is_empty(&self) -> bool {
        self.candidates.is_empty()
            && self.relations.is_empty()
            && self.said.is_empty()
            && self.claims.is_empty()
            && self.verdicts.is_empty()
    }
}

impl Sent<'_> {
    pub(super) fn is_place_or_country(&self, e: u32) -> bool {
        matches!(self.etype(e), EntityType::Place | EntityType::Country)
    }

    pub(super) fn named(&self, m: usize) -> bool {
        matches!(self.mention(m).form, Form::Name | Form::Acronym | Form::Compound)
    }

    pub(super) fn relation(&self, s: u32, p: Predicate, o: u32, rule: &Arc<str>) -> Relation {
        Relation {
            subject: s,
            predicate: p,
            object: RelObject::Entity(o),
            role: None,
            sentence: self.si,
            rule: rule.clone(),
            confidence: 0.75,
        }
    }

    /// The country an armed-forces or ministry entity is part of, from its pattern.
    pub(super) fn parent_country(&self, e: u32) -> Option<u32> {
        self.lookups.parent.get(&e).copied().flatten()
    }

    /// "his country" / "their country": the country of the nearest office holder or
    /// person before token `i`.
    fn pronoun_country(&self, i: usize) -> Option<u32> {
        // Mentions are sorted by start, so by sentence: back from the last one before `i`
        // to the sentence two before this one.
        let list = &self.mentions.list;
        for m in list[..list.partition_point(|m| (m.start as usize) < i)].iter().rev() {
            if self.si.saturating_sub(m.sentence) > 2 {
                break;
            }
            if let Referent::Role(q) = m.referent {
                return self.ents.of_mention[q as usize];
            }
        }
        None
    }

    /// The entities an argument mention stands for, with "his country" read as a country.
    pub(super) fn arg_entities(&self, m: usize, actor: bool) -> Vec<u32> {
        let mention = self.mention(m);
        if let Referent::Pronoun(p) = mention.referent {
            if p != Pronoun::Neuter && self.low(mention.end as usize) == "country" {
                return self.pronoun_country(mention.start as usize).into_iter().collect();
            }
        }
        self.expand(m, actor)
    }

    /// A quantity starting within `span` tokens after `j`.
    fn quantity_after(&self, j: usize, span: usize) -> Option<(u64, usize)> {
        for k in j..(j + span).min(self.range.end) {
            if self.head(k).is_some() {
                return None;
            }
            if let Some(q) =
                parse_quantity(&self.doc.lower, &self.doc.tokens[..self.range.end], k, &self.data.lexicon.numbers)
            {
                // "in March 1974", "on 12 March", "in 2014": a date, no count.
                let month =
                    |x: usize| self.range.contains(&x) && crate::text::date::month_number(self.low(x)).is_some();
                let year = q.len == 1
                    && super::is_year(self.low(k))
                    && matches!(self.low(k.wrapping_sub(1)), "in" | "since" | "until");
                if month(k.wrapping_sub(1)) || month(k + q.len) || year {
                    continue;
                }
                // "two weeks after": a duration, no count.
                if !q.ordinal && !self.is(k + q.len, word::TIME_NOUN) {
                    return q.count().map(|c| (c, k + q.len));
                }
            }
        }
        None
    }

    /// The first amount of money in the sentence ("4 billion euros", "$4.3bn").
    fn money(&self) -> Option<String> {
        // An amount needs a currency sign before it or a currency word after it.
        let currency = |k: usize| self.is(k, word::CURRENCY) || matches!(self.low(k), "$" | "€" | "£");
        if !self.range.clone().any(currency) {
            return None;
        }
        let mut k = self.range.start;
        while k < self.range.end {
            let dollar = matches!(self.low(k), "$" | "€" | "£");
            let at = if dollar { k + 1 } else { k };
            if let Some(q) =
                parse_quantity(&self.doc.lower, &self.doc.tokens[..self.range.end], at, &self.data.lexicon.numbers)
            {
                let end = at + q.len;
                if dollar || self.is(end, word::CURRENCY) {
                    let stop = if dollar { end } else { end + 1 };
                    return Some(self.doc.span_text(k, stop).to_owned());
                }
                k = end;
                continue;
            }
            k += 1;
        }
        None
    }

    /// Whether a trigger form at `i` is used as a verb (not after a determiner).
    fn verb_use(&self, t: &Trigger, i: usize, end: usize) -> bool {
        if i == self.range.start {
            return true;
        }
        let determiner =
            |w: &str| matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "'s");
        let p = self.low(i - 1);
        if determiner(p) || self.head(i - 1).is_some_and(|m| self.mention(m).form == Form::Demonym) {
            return false;
        }
        // "Israel-occupied Golan": a form joined by a hyphen to a name is an adjective.
        let joined = |k: usize| !self.doc.tokens[k].space_before();
        if p == "-"
            && i >= self.range.start + 2
            && joined(i)
            && joined(i - 1)
            && self.doc.tokens[i - 2].is_capitalised()
        {
            return false;
        }
        // "an alleged attack": a determiner and adjectives before a form that is also a
        // noun.
        let form = &self.doc.lower[self.doc.tokens[i].start as usize..self.doc.tokens[end - 1].end as usize];
        // So is a verb before it, or a word in the past: "vowed further attacks",
        // "renewed strikes", "launched new attacks".
        if t.noun_forms.iter().any(|f| f == form) {
            // A transitive verb takes its object: "Houthi attacks on shipping", "strikes,"
            // are nouns.
            let next = self.low(end);
            // So is a form after a number ("73 strikes") or after a noun that follows a
            // preposition ("on artillery shells").
            if matches!(next, "on" | "against" | "by" | "of" | "near" | "across" | "in")
                || self.kind(i - 1) == Some(TokenKind::Number)
                || i >= self.range.start + 2 && self.is(i - 2, word::PREPOSITION) && self.is_lower_word(i - 1)
                || end >= self.range.end
                || self.kind(end) == Some(TokenKind::Punct) && next != "-"
            {
                return false;
            }
            // "the Israeli unilateral attacks particularly challenged …": the subject of a
            // verb in the past after it.
            let mut v = end;
            while self.is_lower_word(v) && self.low(v).ends_with("ly") {
                v += 1;
            }
            if self.is_lower_word(v)
                && self.low(v).ends_with("ed")
                && self.head(v).is_none()
                && !self.is(v, word::WEAPON)
            {
                return false;
            }
            let mut k = i - 1;
            while k >= self.range.start && self.is_lower_word(k) && !self.is(k, word::AUX_VERB) && i - k <= 3 {
                let w = self.low(k);
                if w.ends_with("ed") || self.is(k, word::INTENT_VERB) || self.is(k, word::LIGHT_VERB) {
                    return false;
                }
                if k == self.range.start {
                    break;
                }
                if determiner(self.low(k - 1)) {
                    return false;
                }
                k -= 1;
            }
        }
        true
    }

    pub(super) fn participle(&self, i: usize) -> bool {
        self.low(i).ends_with("ing")
            && i > self.range.start
            && matches!(self.low(i - 1), "," | "and" | "by" | "after" | "before" | "while")
    }

    /// The first argument right of `j` whose preposition `accept`s; demonyms
    /// ("Israeli jets") are modifiers, not arguments.
    pub(super) fn first_right(&self, j: usize, accept: impl Fn(Option<&str>) -> bool) -> Option<usize> {
        self.near_right_args(j, |args| {
            args.iter().find(|(m, p)| accept(*p) && self.mention(*m).form != Form::Demonym).map(|&(m, _)| m)
        })
    }

    /// The place that the verb of a trigger's noun ending before `end` has for its object:
    /// "an earthquake struck southern Philippines", "twin bombings struck the cathedral".
    pub(super) fn struck_place(&self, end: usize) -> Option<u32> {
        let verb = (end..(end + 10).min(self.range.end)).find(|&k| self.is(k, word::VERB_TRIGGER_START))?;
        // (The noun is the verb's subject: no name and no comma between them.)
        if (end..verb).any(|k| self.head(k).is_some() || self.is_byte(k, b',')) {
            return None;
        }
        let (m, _) = self.right_args(verb + 1, 6).into_iter().find(|(_, p)| p.is_none())?;
        self.entity(m, false).filter(|&e| self.is_place_or_country(e))
    }

    /// A place for an event: "in X" after the trigger, else before it in the clause.
    pub(super) fn event_place(&self, i: usize, end: usize) -> Option<u32> {
        self.event_places(i, end).0
    }

    /// As `event_place`, with the building named before that place, if any ("at the
    /// Radisson Blu hotel in Bamako": Bamako, and the hotel).
    pub(super) fn event_places(&self, i: usize, end: usize) -> (Option<u32>, Option<u32>) {
        // "in solidarity with Palestinians in Gaza", "in response to strikes on Beirut": a
        // place after the event's reason is the reason's.
        let reason = (end..(end + 14).min(self.range.end))
            .find(|&k| matches!(self.low(k.wrapping_sub(1)), "in" | "on") && self.is(k, word::REASON_NOUN));
        let before_reason =
            |&&(m, _): &&(usize, Option<&str>)| reason.is_none_or(|r| (self.mention(m).start as usize) < r);
        let right: Vec<_> = self.near_right_args(end, |args| args.iter().filter(before_reason).copied().collect());
        let left = self.left_args(i, 12);
        // "across the country" only when nothing more precise is said.
        let found = [(&right, false), (&left, false), (&right, true), (&left, true)]
            .into_iter()
            .map(|(args, across)| self.place_and_site(args, across))
            .find(|(place, _)| place.is_some());
        found.unwrap_or_default()
    }

    /// The first place or country among `args` named "in/at/near X" (or "across X" when
    /// `across`); demonyms are modifiers, not places.
    pub(super) fn place_arg(&self, args: &[(usize, Option<&str>)], across: bool) -> Option<u32> {
        self.place_and_site(args, across).0
    }

    /// As `place_arg`, with the building it passed over: "a summit at the Sandton
    /// Convention Centre in Johannesburg" is held in the city, not the building it is held in.
    fn place_and_site(&self, args: &[(usize, Option<&str>)], across: bool) -> (Option<u32>, Option<u32>) {
        let accept = |p: Option<&str>| match p {
            Some("across") => across,
            Some("in" | "at" | "near" | "inside" | "outside" | "through") => !across,
            _ => false,
        };
        let mut places =
            args.iter().filter(|(m, p)| accept(*p) && self.mention(*m).form != Form::Demonym).filter_map(|&(m, _)| {
                // "in Sierra Leone's capital, Freetown": the place in apposition to the noun.
                let m = self.named_in_apposition(m).or_else(|| self.qualified_place_of(m)).unwrap_or(m);
                let m = self.place_inside(m).unwrap_or(m);
                self.arg_entities(m, false).first().copied().filter(|&e| self.is_place_or_country(e))
            });
        let Some(first) = places.next() else { return (None, None) };
        if self.is_building(first) {
            return match places.next() {
                Some(next) => (Some(next), Some(first)),
                None => (Some(first), None),
            };
        }
        (Some(first), None)
    }

    /// The place named right before "in" and mention `m` (a place it is inside): "the town
    /// of Pandeglang" before "in the province of Banten".
    pub(super) fn place_inside(&self, m: usize) -> Option<usize> {
        // Back over "the province of".
        let mut s = self.mention(m).np_start as usize;
        let from = s;
        while s > self.range.start + 2 && s + 4 > from && self.low(s - 1) != "in" && self.is_lower_word(s - 1) {
            s -= 1;
        }
        if s < self.range.start + 2 || self.low(s - 1) != "in" {
            return None;
        }
        let n = self.head(s - 2).filter(|&n| self.mention(n).end as usize == s - 1)?;
        // (Not a building's: "at the Sandton Convention Centre in Johannesburg" is placed in
        // the city.)
        let named = |n: usize| {
            self.entity(n, false).is_some_and(|e| self.etype(e) == EntityType::Place && !self.is_building(e))
        };
        Some(n).filter(|&n| named(n))
    }

    /// The place named in apposition after possessor `m` and its noun: "Freetown" after
    /// "Sierra Leone's capital,".
    fn named_in_apposition(&self, m: usize) -> Option<usize> {
        if !self.is_possessor(m) {
            return None;
        }
        let mut k = self.mention(m).end as usize + 1;
        let noun = k;
        while self.is_lower_word(k) && k < noun + 4 {
            k += 1;
        }
        let place_noun = k > noun && self.is(k - 1, word::PLACE_NOUN);
        let named =
            self.head(k + 1).filter(|&n| place_noun && self.low(k) == "," && self.mention(n).start as usize == k + 1);
        named.filter(|&n| self.entity(n, false).is_some_and(|e| self.etype(e) == EntityType::Place))
    }

    /// The place (or country, when `country`) whose name ends right before token `i`:
    /// "the Be'eri massacre", "the Kharkiv curfew", "the Turkish earthquake" (`country`).
    pub(super) fn place_named_before(&self, i: usize, country: bool) -> Option<u32> {
        let m = self.head(i.wrapping_sub(1)).filter(|&m| self.mention(m).end as usize == i)?;
        self.entity(m, false).filter(|&e| match self.etype(e) {
            EntityType::Place => true,
            EntityType::Country => country,
            _ => false,
        })
    }

    /// The place named after the place noun that mention `m` qualifies: "Mokha" in "the
    /// Red Sea port town of Mokha".
    pub(super) fn qualified_place_of(&self, m: usize) -> Option<usize> {
        let noun = self.mention(m).end as usize;
        let mut k = noun;
        while self.is_lower_word(k) && k < noun + 3 && !self.is(k, word::PREPOSITION) {
            k += 1;
        }
        if k == noun || !self.is(k - 1, word::PLACE_NOUN) || self.low(k) != "of" {
            return None;
        }
        self.head(k + 1)
            .filter(|&n| self.mention(n).start as usize == k + 1)
            .filter(|&n| self.entity(n, false).is_some_and(|e| self.etype(e) == EntityType::Place))
    }

    /// Whether entity `e` is a building or a venue: an event there is placed in the city
    /// named after it, when one is.
    pub(super) fn is_building(&self, e: u32) -> bool {
        self.etype(e) == EntityType::Place && matches!(&*self.ents.list[e as usize].subtype, "Venue" | "Building")
    }

    /// Whether the verb at `i` is coordinated with an earlier one ("... and warned",
    /// "thanked the allies but said").
    pub(super) fn coordinated(&self, i: usize) -> bool {
        let mut k = i;
        while k > self.range.start && self.is(k - 1, word::AUXILIARY) {
            k -= 1;
        }
        k > self.range.start && matches!(self.low(k - 1), "and" | "but")
    }
}

/// "blamed the attack on X", "attributed the bombing to X", "blamed the massacre on both
/// X and Y": the mention of X after a short noun phrase without a name (what is blamed)
/// and "on" or "to".
fn blamed_on(ctx: &Sent, end: usize) -> Option<usize> {
    let mut k = end;
    while k < end + 5 && ctx.is_lower_word(k) && ctx.head(k).is_none() && !ctx.is(k, word::PREPOSITION) {
        k += 1;
    }
    if !(k > end && matches!(ctx.low(k), "on" | "to")) {
        return None;
    }
    let x = if matches!(ctx.low(k + 1), "both" | "either") { k + 2 } else { k + 1 };
    ctx.head(x)
}

/// Apply trigger `t` found at tokens `[i, end)`.
pub(super) fn apply(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if t.pos == TriggerPos::Verb && !ctx.verb_use(t, i, end) {
        return;
    }
    if t.pos == TriggerPos::Noun && ctx.low(i.wrapping_sub(1)) == "to" && ctx.is_lower_word(i) {
        // "to attack": an infinitive, not a noun.
        return;
    }
    if t.pos == TriggerPos::Noun && ctx.in_person_np(i, end) {
        // "UN aid chief Tom Fletcher": a word of a person's title.
        return;
    }
    // "Germany protests the deployment": a form right after a name and before its
    // object's article is a verb's, no noun's.
    if t.pos == TriggerPos::Noun
        && matches!(ctx.low(end), "the" | "a" | "an")
        && ctx.head(i.wrapping_sub(1)).is_some_and(|m| {
            let mention = ctx.mention(m);
            mention.form == Form::Name && mention.end as usize == i && !ctx.is_possessor(m)
        })
    {
        return;
    }
    match t.frame {
        Frame::Transitive => transitive(ctx, t, i, end, found),
        Frame::Kill => {
            // (Most killings in the news are tolls: a person named soon after the verb, or
            // a passive's "by", is asked for before the frame is.)
            let person = |k: usize| {
                ctx.head(k).and_then(|m| ctx.entity(m, false)).is_some_and(|e| ctx.etype(e) == EntityType::Person)
            };
            let passive = ctx.passive(i);
            if passive && ctx.low(end) != "by" || !passive && !(end..(end + 4).min(ctx.range.end)).any(person) {
                return;
            }
            let before = found.candidates.len();
            transitive(ctx, t, i, end, found);
            // (A person named, and someone who killed them; a passive's "by" right after
            // the verb, above: not "Haniyeh was killed in Tehran and Sinwar was killed by …".)
            if let Some(c) = found.candidates.get(before) {
                let person = |&(e, named): &(u32, bool)| named && ctx.etype(e) == EntityType::Person;
                if c.agents.is_empty() || c.targets.is_empty() || !c.targets.iter().all(person) {
                    found.candidates.truncate(before);
                }
            }
        }
        Frame::EventNoun | Frame::WeaponNoun | Frame::AgreementNoun => event_noun(ctx, t, i, end, found),
        Frame::Launch => launch(ctx, t, i, end, found),
        Frame::Mutual => mutual(ctx, t, i, end, found),
        Frame::Deploy => deploy(ctx, t, i, end, found, false),
        Frame::Entry => deploy(ctx, t, i, end, found, true),
        Frame::Give => give(ctx, t, i, end, found),
        Frame::Intercept | Frame::InterceptWeapons => intercept(ctx, t, i, end, found),
        Frame::Speech | Frame::Describe => speech::speech(ctx, t, i, end, found),
        Frame::Accession => accession(ctx, t, i, end, found),
        Frame::Intransitive => intransitive(ctx, t, i, end, found),
        Frame::Backing => backing(ctx, t, i, found),
        Frame::Headquarters => headquarters(ctx, t, i, end, found),
        Frame::Membership => memberships(ctx, t, i, end, found),
        Frame::Claim => claim(ctx, t, i, end, found),
        Frame::Fall => fall(ctx, t, i, end, found),
        Frame::Happening => happening(ctx, t, i, end, found),
        Frame::Constitute => constitute(ctx, t, i, end, found),
        Frame::Visit => visit(ctx, t, i, end, found),
    }
}

/// "Samantha Power visited Armenia", "Putin flew to Hanoi", "Modi cut short a visit to
/// Saudi Arabia", "Vance, on a four-day visit to India,": who visits, and where (a capital
/// visited is the city, not its government).
fn visit(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if ctx.irrealis(i) {
        return;
    }
    let noun = t.pos == TriggerPos::Noun;
    let agents = if noun {
        let Some(agents) = noun_agents(ctx, i) else { return };
        let agents = if agents.is_empty() { agent_of(ctx, i) } else { agents };
        agents.into_iter().filter(|&e| !ctx.is_place_or_country(e)).collect()
    } else {
        agent_of(ctx, i)
    };
    let place = ctx
        .right_args(end, 8)
        .into_iter()
        .find(|(_, p)| if noun { *p == Some("to") } else { matches!(p, None | Some("to")) })
        .and_then(|(m, _)| ctx.arg_entities(m, false).into_iter().find(|&e| ctx.is_place_or_country(e)));
    if agents.is_empty() || place.is_none() {
        return;
    }
    found.candidates.push(plain_event(t, i..end, agents, place));
}

/// The event of trigger `t` at `trigger` with its agents and place, and nothing else.
fn plain_event(t: &Trigger, trigger: Range<usize>, agents: Vec<u32>, place: Option<u32>) -> Candidate {
    Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents,
        place,
        trigger,
        rule: t.rule.clone(),
        ..Default::default()
    }
}

/// The agents of an event noun at `i`: its modifier's ("a Russian attack"), else the
/// subject of a light verb before it ("Wagner staged a rebellion"); `None` when the
/// light verb's subject is no agent of it (see [`light_verb_agents`]).
fn noun_agents(ctx: &Sent, i: usize) -> Option<Vec<u32>> {
    match ctx.modifier_before(i) {
        Some(m) => Some(ctx.arg_entities(m, true)),
        None => match light_verb_agents(ctx, i) {
            Some((_, true)) => None,
            Some((agents, false)) => Some(agents),
            None => Some(Vec::new()),
        },
    }
}

/// "The AA and the MNDAA, together with the TNLA, form the Three Brotherhood Alliance",
/// "the three juntas formed their own pact, the Alliance of Sahel States": two or more
/// states or organisations that form an organisation are its members.
fn constitute(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if ctx.irrealis(i) || ctx.passive(i) {
        return;
    }
    let actor = |e: &u32| matches!(ctx.etype(*e), EntityType::Country | EntityType::Organisation);
    // A subject of names only, with ", together with X," or ", along with X," in it; else
    // the verb's subject.
    let mut members: Vec<u32> = Vec::new();
    let mut k = ctx.content_start;
    while k < i {
        if let Some(m) = ctx.head(k) {
            members.extend(ctx.expand(m, true).into_iter().filter(actor));
            k = ctx.mention(m).end as usize;
        } else if matches!(ctx.low(k), "the" | "and" | "," | "together" | "along" | "with" | "(" | ")" | "have" | "had")
        {
            k += 1;
        } else {
            members = agent_of(ctx, i).into_iter().filter(actor).collect();
            break;
        }
    }
    let members = dedup(members);
    if members.len() < 2 {
        return;
    }
    let org = ctx.right_args(end, 14).into_iter().filter(|(_, p)| p.is_none()).find_map(|(m, _)| {
        ctx.entity(m, false).filter(|&e| ctx.etype(e) == EntityType::Organisation && !members.contains(&e))
    });
    let Some(org) = org else { return };
    for &m in &members {
        found.relations.push(ctx.relation(m, Predicate::MemberOf, org, &t.rule));
    }
}

/// "The BLA claimed responsibility for the attack": the claim is said (as "claimed"
/// alone says it), and its subject claims the attack.
fn claim(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    speech::speech(ctx, t, i, i + 1, found);
    let Some(m) = ctx.subject(i, false) else { return };
    for e in ctx.expand(m, true) {
        if matches!(ctx.etype(e), EntityType::Organisation | EntityType::Country) {
            found.claims.push((e, t.rule.clone(), end));
        }
    }
}

fn agent_of(ctx: &Sent, i: usize) -> Vec<u32> {
    // An infinitive or a participle ("to protest", ", blaming") shares the subject of
    // the main clause; so does a verb coordinated with "and".
    let shared = ctx.participle(i) || ctx.low(i.wrapping_sub(1)) == "to" || ctx.coordinated(i);
    let m = if let Some(m) = purpose_agent(ctx, i) {
        Some(m)
    } else if shared {
        ctx.reported_subject(i).or_else(|| ctx.clause_subject(i)).or_else(|| ctx.subject(i, false))
    } else {
        ctx.subject(i, false)
    };
    m.map(|m| ctx.arg_entities(m, true))
        .unwrap_or_default()
        .into_iter()
        .filter(|&e| ctx.etype(e) != EntityType::Place)
        .collect()
}

/// The agent of a participle before the infinitive of purpose at `i`: "an airlift
/// conducted by the United States to deliver weapons" (an act done, not one intended).
fn purpose_agent(ctx: &Sent, i: usize) -> Option<usize> {
    if ctx.low(i.wrapping_sub(1)) != "to" {
        return None;
    }
    ctx.head(i.wrapping_sub(2)).filter(|&m| {
        let mut np = ctx.mention(m).np_start as usize;
        if ctx.low(np.wrapping_sub(1)) == "the" {
            np -= 1;
        }
        ctx.mention(m).end as usize == i - 1
            && ctx.low(np.wrapping_sub(1)) == "by"
            && ctx.is_lower_word(np.wrapping_sub(2))
            && ctx.low(np.wrapping_sub(2)).ends_with("ed")
    })
}

/// A light verb before the event noun at `i` ("launched an attack", "conducted
/// airstrikes"): its subject's entities, and whether the verb is hypothetical. The scan
/// crosses lowercase words only and stops at an infinitive's "to".
fn light_verb_agents(ctx: &Sent, i: usize) -> Option<(Vec<u32>, bool)> {
    let mut k = i;
    while k > ctx.range.start && k + 6 > i {
        k -= 1;
        let w = ctx.low(k);
        if ctx.is(k, word::LIGHT_VERB) {
            // "in response to continued rocket attacks": a participle after a
            // preposition describes the noun; no one's act is named.
            if w.ends_with("ed") && ctx.is(k.wrapping_sub(1), word::PREPOSITION) {
                return None;
            }
            return Some((agent_of(ctx, k), ctx.irrealis(k)));
        }
        let number_or_money = ctx.kind(k) == Some(crate::text::TokenKind::Number) || matches!(w, "$" | "€" | "£");
        // A possessive pronoun may stand between: "adopted its 15th package of sanctions";
        // so may a place's name right before the noun ("extended the Kharkiv curfew").
        if k + 1 == i && ctx.place_named_before(i, false).is_some() {
            k = ctx.head(k).map_or(k, |m| ctx.mention(m).start as usize);
            continue;
        }
        let name = ctx.head(k).is_some_and(|m| ctx.mention(m).form != Form::Pronoun);
        // "announced that most of the massacre's victims …": the verb's object is a
        // clause, not the noun.
        if w == "that" || ctx.is(k, word::CLAUSE_WORD) {
            return None;
        }
        // "agreed to a ceasefire": the verb's preposition.
        let agreed_to = w == "to" && matches!(ctx.low(k.wrapping_sub(1)), "agreed" | "agree" | "agrees");
        // (A date's slash too: "the 9/11 attacks".)
        if w == "to" && !agreed_to || name || !(ctx.is_lower_word(k) || matches!(w, "-" | "/") || number_or_money) {
            return None;
        }
    }
    None
}

/// "Iran launched over 300 drones at Israel", "Hezbollah fired rockets at bases near Haifa".
fn launch(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    // "drones launched by Russia", "rockets launched from Gaza": a participle describing
    // the weapons, not a clause of its own.
    // (A pronoun before the verb is its subject: "it fired rockets".)
    let reduced =
        i > ctx.range.start && ctx.is_lower_word(i - 1) && !ctx.is(i - 1, word::AUXILIARY) && ctx.head(i - 1).is_none();
    // "test-fired a missile": a weapons test, not an attack.
    let test = ctx.low(i.wrapping_sub(1)) == "-" && ctx.low(i.wrapping_sub(2)) == "test";
    let Some(weapon) = fired(ctx, end) else { return };
    if ctx.irrealis(i) || ctx.passive(i) || reduced || test {
        return;
    }
    let agents = agent_of(ctx, i);
    let mut c = Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents,
        // A count of weapons, not of what they hit: "launched missile strikes on nine sites".
        count: ctx
            .quantity_after(end, 6)
            .filter(|&(_, after)| (after..after + 5).any(|k| ctx.is(k, word::WEAPON)))
            .map(|(n, _)| n),
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    };
    let aimed = ctx.right_args(end, 16).into_iter().find(|(m, p)| {
        matches!(p, Some("at" | "on" | "against" | "into" | "towards")) && ctx.mention(*m).form != Form::Demonym
    });
    if let Some((m, _)) = aimed {
        for e in ctx.arg_entities(m, false) {
            if ctx.etype(e) == EntityType::Place {
                c.place.get_or_insert(e);
            } else {
                c.targets.push((e, ctx.named(m)));
            }
        }
    }
    if c.place.is_none() {
        set_event_place(ctx, t, i, end, &mut c);
    }
    // "fired about a dozen interceptors": air defence at work, no attack.
    if object_span(ctx, end).any(|k| matches!(ctx.low(k), "interceptor" | "interceptors")) {
        c.etype = Some(EventType::Interception);
        c.predicate = None;
        c.count = None;
        c.targets.clear();
    }
    // Without a weapon named, something must be aimed at someone or somewhere.
    if c.agents.is_empty() || c.targets.is_empty() && c.place.is_none() && !weapon {
        return;
    }
    found.candidates.push(c);
}

/// The count of an attack verb's object, before any comma ("launched a volley of over 300
/// projectiles", not "hit a building, injuring seven people"), or of the weapons it was
/// made "with" ("attacked Ukraine with 73 drones").
fn attack_count(ctx: &Sent, end: usize) -> Option<u64> {
    let stop = (end..(end + 8).min(ctx.range.end)).find(|&k| matches!(ctx.low(k), "," | ";" | ":")).unwrap_or(end + 8);
    // "ambushed a patrol at around 3 a.m.": an hour counts nothing.
    let hour = |after: usize| matches!(ctx.low(after), "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "o'clock");
    if let Some((n, _)) = ctx.quantity_after(end, stop.min(end + 6) - end).filter(|&(_, after)| !hour(after)) {
        return Some(n);
    }
    let with = (end..stop.min(ctx.range.end)).find(|&k| ctx.low(k) == "with")?;
    let (n, after) = ctx.quantity_after(with + 1, 1)?;
    (after..after + 3).any(|k| ctx.is(k, word::WEAPON)).then_some(n)
}

/// The tokens of a verb's object read from `end`: up to punctuation (but a hyphen), a
/// clause word, a preposition other than "of", or a participle after its first word
/// ("a warehouse storing missiles", "20 drones launched by Russia").
fn object_span(ctx: &Sent, end: usize) -> Range<usize> {
    let limit = ctx.range.end.min(end + 12);
    // A quantity may open the object with a preposition ("fired about a dozen …").
    let quantity = ctx.quantity_after(end, 1).map_or(end, |(_, after)| after);
    let stop = (quantity..limit).find(|&j| {
        let low = ctx.low(j);
        let participle = j > end && ctx.is_lower_word(j) && (low.ends_with("ing") || low.ends_with("ed"));
        let punct = ctx.kind(j) == Some(TokenKind::Punct) && low != "-";
        punct || participle || ctx.is(j, word::CLAUSE_WORD) || ctx.is(j, word::PREPOSITION) && low != "of"
    });
    end..stop.unwrap_or(limit)
}

/// Whether the head of the object starting at `end` is a weapon: a weapon in the plural
/// ("destroyed 41 Ukrainian drones overnight"), or one ending the noun phrase ("destroyed
/// a drone"); not "destroyed a Russian ammunition depot" nor "a warehouse storing
/// missiles".
fn weapons_object(ctx: &Sent, end: usize) -> bool {
    let mut head = None;
    for j in object_span(ctx, end) {
        if ctx.is(j, word::WEAPON) && ctx.low(j).ends_with('s') {
            return true;
        }
        if ctx.kind(j) == Some(TokenKind::Word) && ctx.low(j) != "of" {
            head = Some(j);
        }
    }
    head.is_some_and(|j| ctx.is(j, word::WEAPON))
}

/// What a verb of firing fires, read from its object up to its first preposition other
/// than "of": `Some(true)` when it names a weapon ("fired two anti-ship missiles at",
/// "launched a wave of drones"), `Some(false)` when it ends in a name ("a dozen
/// Shaheds") or has no noun ("fired on", "launched 300 at", "fired back at"), `None` when
/// it is something else: "launched a naval mission" and "fired the minister" are no attacks.
fn fired(ctx: &Sent, end: usize) -> Option<bool> {
    let mut last = None;
    for j in object_span(ctx, end) {
        if ctx.is(j, word::WEAPON) {
            // "fired tear gas at protesters": crowd control, no attack.
            if j > end && ctx.data.lexicon.crowd_control.contains(ctx.low(j - 1)) {
                return None;
            }
            return Some(true);
        }
        if ctx.kind(j) == Some(TokenKind::Word) {
            last = Some(j);
        }
    }
    last.is_none_or(|j| {
        let w = ctx.low(j);
        !ctx.is_lower_word(j) || w == "of" || w.ends_with("ly") || matches!(w, "back" | "again")
    })
    .then_some(false)
}

/// Whether "as" and an office follow the object after token `end`, within the clause:
/// "… as the nation's security minister", "… as its new ambassador".
fn appointed_as(ctx: &Sent, end: usize) -> bool {
    let stop = (end + 16).min(ctx.range.end);
    let Some(mut k) = (end..stop).take_while(|&k| ctx.low(k) != ".").find(|&k| ctx.low(k) == "as") else {
        return false;
    };
    k += 1;
    while matches!(ctx.low(k), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "new" | "acting" | "interim")
        || ctx.low(k + 1) == "'s"
    {
        k += if ctx.low(k + 1) == "'s" { 2 } else { 1 };
    }
    let titles = &ctx.data.lexicon.titles;
    (k..(k + 3).min(ctx.range.end)).any(|j| {
        let w = ctx.low(j);
        titles.iter().any(|t| t.kind == crate::data::TitleKind::Office && t.phrase.rsplit(' ').next() == Some(w))
    })
}

fn transitive(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    let irrealis = ctx.irrealis(i);
    if irrealis
        && t.event.is_some()
        && t.predicate.is_none_or(|p| matches!(p, Predicate::Attacked | Predicate::Captured))
    {
        return;
    }
    // "struck a deal", "attacked the plan": no attack. Nor what an earthquake struck.
    if t.event == Some(EventType::Attack)
        && (figurative_object(ctx, end) || found.happening.is_some_and(|h| h < i) && ctx.subject(i, false).is_none())
    {
        return;
    }
    // "designated Wiranto, a former general, as the nation's security minister": an
    // appointment, not a listing.
    if t.predicate == Some(Predicate::Sanctioned) && appointed_as(ctx, end) {
        return;
    }
    // A participle right before "by" or "of" has no object: a passive, or a reduced
    // relative clause ("firms sanctioned by the US", "companies accused of supplying").
    let participle = ctx.low(end.wrapping_sub(1)).ends_with("ed") && matches!(ctx.low(end), "by" | "of");
    let passive = participle || ctx.passive(i);
    let (agents, target_m) = if passive {
        // (Before a comma: "poisoned with Novichok, a nerve agent developed by the Soviet
        // Union" names no poisoner.)
        let agent = ctx
            .first_right(end, |p| p == Some("by"))
            .filter(|&m| (end..ctx.mention(m).start as usize).all(|k| ctx.low(k) != ","));
        // "held talks in Putrajaya, Malaysia, hosted by X": who was met is not the place
        // before a reduced relative's comma.
        let relative = participle && t.predicate == Some(Predicate::Met) && ctx.low(i.wrapping_sub(1)) == ",";
        // "The base in Somalia was occupied": the country is where the base is, not what
        // was taken.
        let country_in = |m: usize| {
            ctx.preposition_before(m) == Some("in")
                && ctx.entity(m, false).is_some_and(|e| ctx.etype(e) == EntityType::Country)
        };
        let target = ctx.subject(i, true).filter(|&m| !relative && !country_in(m));
        (agent.map(|m| ctx.arg_entities(m, true)).unwrap_or_default(), target)
    } else {
        // The direct object: the first argument without a preposition ("summoned X"),
        // or one the trigger's form ends with ("met with X", "lodged a protest with X");
        // for verbs of criticism, the first "of X" inside the object ("protest the
        // deployment of X's troops").
        let with =
            matches!(t.predicate, Some(Predicate::Met | Predicate::NegotiatedWith)) || ctx.low(end - 1) == "with";
        let summoned = t.predicate == Some(Predicate::Summoned);
        // "summoned the British ambassador, Nigel Casey,": the envoy's country.
        let envoy_country = summoned
            .then(|| {
                let mut k = end;
                while matches!(ctx.low(k), "the" | "a" | "an") {
                    k += 1;
                }
                ctx.head(k).filter(|&m| ctx.mention(m).form == Form::Demonym)
            })
            .flatten();
        // "Lashkar-e-Taiba, which India blamed for the attacks": the relative pronoun is
        // the object, and the name before it what it stands for.
        // (Asked only when ", which" or ", whom" comes a few words before the verb.)
        let relative = (i.saturating_sub(10).max(ctx.range.start + 1)..i)
            .any(|k| matches!(ctx.low(k), "which" | "whom") && ctx.low(k - 1) == ",");
        let relative_object = relative.then(|| ctx.subject(i, false)).flatten().and_then(|m| {
            let mut s = ctx.mention(m).np_start as usize;
            if s > ctx.range.start && matches!(ctx.low(s - 1), "the" | "a" | "an") {
                s -= 1;
            }
            (s >= ctx.range.start + 3 && matches!(ctx.low(s - 1), "which" | "whom") && ctx.low(s - 2) == ",")
                .then(|| ctx.head(s - 3))
                .flatten()
        });
        let target = envoy_country
            .or(relative_object)
            .or_else(|| ctx.first_right(end, |p| p.is_none() || p == Some("with") && with))
            .or_else(|| {
                matches!(t.predicate, Some(Predicate::Criticised | Predicate::Accused | Predicate::Summoned))
                    .then(|| ctx.first_right(end, |p| p == Some("of")))
                    .flatten()
            })
            // "blamed the attack on X", "attributed the bombing to X": whom a blame is laid
            // on, after the noun of what is blamed.
            .or_else(|| (t.predicate == Some(Predicate::Accused)).then(|| blamed_on(ctx, end)).flatten())
            // "struck the southern suburbs of Beirut", "shelled the outskirts of Kherson": a
            // place or actor named in the object's "of".
            .or_else(|| {
                let first = matches!(t.event, Some(EventType::Attack | EventType::Capture))
                    .then(|| ctx.right_args(end, 8).into_iter().next())
                    .flatten();
                first.and_then(|(m, p)| {
                    let start = ctx.mention(m).start as usize;
                    let object = start > end + 1
                        && (end..start - 1).all(|k| ctx.is_lower_word(k) && !ctx.is(k, word::PREPOSITION));
                    (p == Some("of") && object).then_some(m)
                })
            })
            // "summoned the Afghan envoy": who is summoned stands for a country.
            .or_else(|| {
                summoned
                    .then(|| {
                        ctx.right_args(end, 6)
                            .into_iter()
                            .find(|(m, p)| p.is_none() && ctx.mention(*m).form == Form::Demonym)
                    })
                    .flatten()
                    .map(|(m, _)| m)
            });
        // "retook the Syria border crossing": a country's name after "the" and before a
        // noun qualifies what was taken or struck; it is not the object.
        let qualifier = |m: usize| {
            let mention = ctx.mention(m);
            let (start, end) = (mention.start as usize, mention.end as usize);
            mention.form == Form::Name
                && ctx.entity(m, false).is_some_and(|e| ctx.etype(e) == EntityType::Country)
                && ctx.low(start.wrapping_sub(1)) == "the"
                && ctx.is_lower_word(end)
                && !ctx.is(end, word::PREPOSITION)
                && !ctx.is(end, word::CLAUSE_WORD)
                && !matches!(ctx.low(end), "and" | "or")
        };
        let target =
            target.filter(|&m| !(matches!(t.event, Some(EventType::Attack | EventType::Capture)) && qualifier(m)));
        // "met his Russian counterpart, Sergey Lavrov": the counterpart, not "his".
        (agent_of(ctx, i), target.map(|m| ctx.counterpart(m).unwrap_or(m)))
    };
    // "criticised the attack": the act's author, once the act is known (as "condemned the
    // attack" in speech).
    if target_m.is_none()
        && !passive
        && t.predicate == Some(Predicate::Criticised)
        && !agents.is_empty()
        && opens_verdict_object(ctx, end)
    {
        found.verdicts.push((agents.clone(), Predicate::Criticised, t.rule.clone(), end));
    }
    let mut c = Candidate {
        etype: if irrealis { None } else { t.event },
        predicate: t.predicate,
        agents,
        trigger: i..end,
        rule: t.rule.clone(),
        per_target: t.event == Some(EventType::Capture),
        ..Default::default()
    };
    // "Aliyev and Pashinyan met in Abu Dhabi": coordinated subjects meet each other.
    // Not when they meet someone else: "Prince Faisal and Assistant Secretary Phee met the
    // two delegations".
    let object = matches!(
        ctx.low(end),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "both" | "two" | "three" | "several" | "these" | "those"
    );
    let reciprocal = matches!(t.predicate, Some(Predicate::Met | Predicate::NegotiatedWith)) && !passive && !object;
    if target_m.is_none() && reciprocal && c.agents.len() >= 2 {
        c.targets = c.agents.drain(1..).map(|e| (e, true)).collect();
    }
    // "accused Washington of …", "summoned Kyiv's envoy": a capital the target of an
    // actor's act stands for its state.
    let actor_target = !matches!(t.event, Some(EventType::Attack | EventType::Capture | EventType::Deployment));
    if let Some(m) = target_m {
        for e in ctx.arg_entities(m, false) {
            let e = if actor_target { ctx.capital_state(e).unwrap_or(e) } else { e };
            let named = ctx.named(m);
            if matches!(t.event, Some(EventType::Capture | EventType::Attack)) && ctx.etype(e) == EntityType::Place {
                if c.per_target {
                    c.targets.push((e, named));
                } else if c.place.is_none() {
                    c.place = Some(e);
                } else {
                    c.more_places.push(e);
                }
            } else {
                c.targets.push((e, named));
            }
        }
    }
    if c.place.is_none() && !c.per_target {
        set_event_place(ctx, t, i, end, &mut c);
    } else if c.per_target && c.targets.is_empty() {
        // "took control of a government office in Talas": a capture of nothing named, where
        // it happened; what was captured is not the town.
        set_event_place(ctx, t, i, end, &mut c);
        c.predicate = None;
    }
    if t.event == Some(EventType::Attack) {
        c.count = attack_count(ctx, end);
    }
    // "its fighters had seized weapons and vehicles": a capture takes a place or an actor;
    // "X spoke to reporters": a meeting takes someone met or a place, unless a body meets
    // ("the G7 met virtually").
    let body = c.agents.iter().any(|&e| ctx.etype(e) == EntityType::Organisation);
    let meeting = t.predicate == Some(Predicate::Met) && !body;
    if (c.etype == Some(EventType::Capture) || meeting) && c.targets.is_empty() && c.place.is_none() {
        return;
    }
    // "Gunmen attacked a police station in Kano": an attack by no one named is still
    // reported where it happened.
    if c.agents.is_empty()
        && c.targets.is_empty()
        && !(matches!(c.etype, Some(EventType::Attack | EventType::Capture))
            && c.place.is_some()
            && !passive
            && unnamed_attacker(ctx, i))
    {
        return;
    }
    found.candidates.push(c);
}

/// Sets the event's place ("in X" after the trigger, else before it); an attack's is the
/// building named before that place, the site attacked ("a shooting at the Radisson Blu
/// hotel in Bamako"), where a meeting's is the city.
fn set_event_place(ctx: &Sent, t: &Trigger, i: usize, end: usize, c: &mut Candidate) {
    let (place, site) = ctx.event_places(i, end);
    c.place = site.filter(|_| t.event == Some(EventType::Attack)).or(place);
}

/// Whether the object after an attack verb ending at `end` makes it figurative ("struck a
/// deal with", "attacked the government's plan"): a word of
/// `lexicon/figurative-objects.txt` among its first lowercase words.
fn figurative_object(ctx: &Sent, end: usize) -> bool {
    let mut k = end;
    while k < ctx.range.end && k < end + 5 {
        if ctx.is(k, word::FIGURATIVE_OBJECT) {
            return true;
        }
        // A name or a possessive may stand in the object: "the government's plan".
        let name_or_possessive = ctx.low(k) == "'s" || ctx.head(k).is_some();
        if !(ctx.is_lower_word(k) && !ctx.is(k, word::PREPOSITION) || name_or_possessive) {
            return false;
        }
        k = ctx.head(k).map_or(k + 1, |m| ctx.mention(m).end as usize);
    }
    false
}

/// Whether the subject of the verb at `i` is an attacker nobody names ("Gunmen attacked",
/// "Supporters of the junta attacked"): a word of `lexicon/attackers.txt` or a weapon in
/// the lowercase words before the verb.
fn unnamed_attacker(ctx: &Sent, i: usize) -> bool {
    let mut k = i;
    while k > ctx.range.start && k + 6 > i {
        k -= 1;
        if ctx.is_attacker(k) {
            return true;
        }
        if ctx.kind(k) != Some(TokenKind::Word) || ctx.head(k).is_some_and(|m| ctx.mention(m).form != Form::Demonym) {
            return false;
        }
    }
    false
}

/// Whether the event noun at `i` is the object of a verb of intent, threat, denial or
/// stopping ("vowed further attacks", "warned of a Russian offensive", "suspended aid"):
/// no event happened.
fn intended(ctx: &Sent, i: usize) -> bool {
    intent_verb(ctx, i).is_some()
}

/// The verb of intent whose object is the event noun at `i` (see [`intended`]).
fn intent_verb(ctx: &Sent, i: usize) -> Option<usize> {
    let mut k = i;
    while k > ctx.range.start && k + 7 > i {
        k -= 1;
        let w = ctx.low(k);
        if ctx.is(k, word::INTENT_VERB) {
            return Some(k);
        }
        let skip = ctx.head(k).is_some()
            || w == "-"
            || ctx.is_lower_word(k)
                && (!ctx.is(k, word::PREPOSITION) || w == "of")
                && !ctx.is(k, word::VERB_TRIGGER_START);
        if !skip {
            return None;
        }
    }
    None
}

fn event_noun(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if intended(ctx, i) {
        return;
    }
    // "future Iranian attack plans", "an attack helicopter": the noun qualifies another.
    if t.event == Some(EventType::Attack)
        && matches!(
            ctx.low(end),
            "plan" | "plans" | "plot" | "plots" | "threat" | "threats" | "helicopter" | "helicopters"
        )
    {
        return;
    }
    // "a U.S. missile defence base": the noun modifies a site.
    if t.event == Some(EventType::Interception) && ctx.is(end, word::DEFENCE_SITE_NOUN) {
        return;
    }
    let mut c = Candidate {
        etype: t.event,
        predicate: t.predicate,
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    };
    // An alleged attack is reported, not asserted: the event, without the relation.
    if (i.saturating_sub(3)..i).any(|k| matches!(ctx.low(k), "alleged" | "purported" | "supposed")) {
        c.predicate = None;
    }
    // A place named before the noun: "the Be'eri massacre", "the Vilnius summit".
    if let Some(e) = ctx.place_named_before(i, false) {
        c.place = Some(e);
    }
    // Agent: a modifier ("Russian drone attack"), a light verb's subject ("launched an
    // attack"), "by X", or "between X and Y".
    if let Some(m) = ctx.modifier_before(i) {
        c.agents = ctx.arg_entities(m, true);
        if ctx.mention(m).form == Form::Demonym {
            c.agents = ctx.entity(m, false).into_iter().collect();
        }
        c.agents.retain(|&e| ctx.etype(e) != EntityType::Place);
    }
    if t.frame == Frame::WeaponNoun {
        // Weapons are an event only when someone's: "Hamas missiles", "Russian drones".
        if c.agents.is_empty() {
            return;
        }
    } else if c.agents.is_empty() {
        match light_verb_agents(ctx, i) {
            Some((_, true)) => return,
            Some((agents, false)) => c.agents = agents,
            None => {}
        }
    }
    let mut right = ctx.right_args(end, 14);
    // "condemned the attack and called on the Security Council to …": the noun's
    // arguments end before a second verb of the clause.
    let last = right.last().map_or(end, |(m, _)| ctx.mention(*m).start as usize);
    let second_verb = (end..last).find(|&k| {
        ctx.low(k) == "and" && ctx.is_lower_word(k + 1) && ctx.low(k + 1).ends_with("ed") && ctx.head(k + 1).is_none()
    });
    if let Some(cut) = second_verb {
        right.retain(|(m, _)| (ctx.mention(*m).start as usize) < cut);
    }
    if c.agents.is_empty() {
        // "a ceasefire mediated by Russia": a go-between, not a party.
        let mediator = |m: usize| {
            let Some(by) = (ctx.range.start..ctx.mention(m).np_start as usize).rev().find(|&k| ctx.low(k) == "by")
            else {
                return false;
            };
            matches!(ctx.low(by.wrapping_sub(1)), "mediated" | "brokered" | "facilitated" | "hosted")
                // "The attack was condemned by Germany": the speaker of a passive verb of
                // saying after the noun.
                || by > end && speech::speech_verb(ctx, by - 1) && ctx.passive(by - 1)
        };
        if let Some((m, _)) = right.iter().find(|(m, p)| *p == Some("by") && !mediator(*m)) {
            c.agents = ctx.arg_entities(*m, true);
        }
    }
    // (Also further on, after the time and the place: "a summit that took place on 8 July
    // in Asmara between X and Y".)
    // A title's demonym or country ("between Eritrean President Isaias Afwerki and …")
    // stands for no party: the person it qualifies does.
    let between = if ctx.low(end) == "between" {
        right.first()
    } else {
        // (Not a capitalised "Between" inside a document's title.)
        let lower = |m: usize| {
            (end..ctx.mention(m).start as usize)
                .rev()
                .find(|&k| ctx.low(k) == "between")
                .is_some_and(|k| !ctx.doc.tokens[k].is_capitalised())
        };
        right
            .iter()
            .position(|&(m, p)| p == Some("between") && lower(m))
            .and_then(|at| right[at..].iter().find(|(m, _)| !ctx.qualifies_person(*m)))
    };
    if c.agents.is_empty() {
        if let Some(g) = between.map(|(m, _)| ctx.expand(*m, true)) {
            if g.len() >= 2 {
                c.agents = vec![g[0]];
                c.targets = vec![(g[1], true)];
                // "a meeting between X and Y": they met.
                if c.predicate.is_none() && matches!(ctx.low(end - 1), "meeting" | "summit") {
                    c.predicate = Some(Predicate::Met);
                }
            }
        }
    }
    if t.frame == Frame::AgreementNoun {
        // An agreement is between parties named: "X and Y reached an agreement", "X signed
        // a deal with Y", "an agreement between X and Y".
        if c.agents.is_empty() {
            return;
        }
        if c.targets.is_empty() {
            match right.iter().find(|(_, p)| *p == Some("with")) {
                Some((m, _)) => c.targets = ctx.arg_entities(*m, true).into_iter().map(|e| (e, true)).collect(),
                None if c.agents.len() >= 2 => c.targets = c.agents.drain(1..).map(|e| (e, true)).collect(),
                None => {}
            }
        }
    }
    // Target or place: "on/against/at X".
    // "talks on a US peace plan": what talks are on is their topic.
    let diplomacy = t.event == Some(EventType::Diplomacy);
    // "arrest warrants for X": whom an accusation's noun is for.
    let accusation = t.predicate == Some(Predicate::Accused);
    // "blamed the attack on X": whom the blame is on, not the attack.
    let blamed = found.candidates.iter().any(|c| {
        c.predicate == Some(Predicate::Accused)
            && c.trigger.end <= i
            && blamed_on(ctx, c.trigger.end).is_some_and(|x| i < ctx.mention(x).start as usize)
    });
    for (m, p) in &right {
        let on = matches!(p, Some("on" | "upon")) && !diplomacy && !blamed;
        let whom = accusation && *p == Some("for");
        if (on || whom || matches!(p, Some("against" | "at" | "targeting"))) && c.targets.is_empty() {
            for e in ctx.arg_entities(*m, false) {
                // "at the Sandton Convention Centre in Johannesburg": the city, when named;
                // an attack's place is the building attacked.
                if ctx.is_building(e) {
                    let attack = t.event == Some(EventType::Attack);
                    c.place = c.place.or_else(|| (!attack).then(|| ctx.event_place(i, end)).flatten()).or(Some(e));
                } else if ctx.etype(e) == EntityType::Place {
                    match c.place {
                        None => c.place = Some(e),
                        Some(_) if t.event == Some(EventType::Attack) => c.more_places.push(e),
                        Some(_) => {}
                    }
                } else {
                    c.targets.push((e, ctx.named(*m)));
                }
            }
            break;
        }
    }
    // "the siege of Mariupol", "the shelling of Kharkiv": the place is the object of "of";
    // of "the takeover of" (in the trigger) a country too.
    let capture = t.event == Some(EventType::Capture) && ctx.low(end - 1) == "of";
    if c.place.is_none() && (ctx.low(end) == "of" || capture) {
        // (Not "the seizure of the Iranian supertanker": a ship.)
        if let Some((m, _)) = right.first().filter(|(m, _)| !capture || ctx.mention(*m).form == Form::Name) {
            let place = |e: u32| ctx.etype(e) == EntityType::Place || capture && ctx.etype(e) == EntityType::Country;
            c.place = ctx.entity(*m, false).filter(|&e| place(e));
        }
    }
    // "Twin bombings struck the Jolo Cathedral in Mindanao": the place the noun's verb hit.
    if c.place.is_none() && t.event == Some(EventType::Attack) {
        c.place = ctx.struck_place(end);
    }
    if c.place.is_none() {
        set_event_place(ctx, t, i, end, &mut c);
    }
    if t.event == Some(EventType::Attack) && ctx.low(end) == "of" {
        c.count = ctx.quantity_after(end + 1, 2).map(|(n, _)| n);
    }
    if t.event == Some(EventType::Attack) && c.count.is_none() {
        c.count = count_before(ctx, i);
    }
    if t.event == Some(EventType::Sanction) && !c.targets.is_empty() {
        // "bans on 78 Belarusian individuals …, including Defence Minister Viktor Khrenin":
        // the persons and bodies named among the targets are targets too.
        let hi = (end + 14).min(ctx.range.end);
        if let Some(k) = (end..hi).find(|&k| ctx.low(k) == "," && ctx.low(k + 1) == "including") {
            for (m, _) in ctx.right_args(k + 2, 12) {
                for e in ctx.arg_entities(m, false) {
                    if matches!(ctx.etype(e), EntityType::Person | EntityType::Organisation) {
                        c.targets.push((e, ctx.named(m)));
                    }
                }
            }
        }
    }
    if t.event == Some(EventType::Sanction) {
        // "targeting 56 bodies and individuals", not "for 18 months".
        let mut k = end;
        while k < ctx.range.end {
            if let Some((n, after)) = ctx.quantity_after(k, 1) {
                if !ctx.is(after, word::TIME_NOUN) && ctx.low(k.saturating_sub(1)) != "for" {
                    c.count = Some(n);
                    break;
                }
                k = after;
            } else {
                k += 1;
            }
        }
    }
    if t.event == Some(EventType::Aid) {
        c.amount = ctx.money();
    }
    if c.agents.is_empty() && c.targets.is_empty() && c.place.is_none() && c.etype.is_none() {
        return;
    }
    found.candidates.push(c);
}

/// "73 strikes", "more than 100 Israeli air strikes": a number right before an attack's
/// noun (over up to two names: demonyms), not a year ("the 2024 strikes").
fn count_before(ctx: &Sent, i: usize) -> Option<u64> {
    let lo = i.saturating_sub(6).max(ctx.range.start);
    (lo..i).find_map(|s| {
        let q = parse_quantity(&ctx.doc.lower, &ctx.doc.tokens[..ctx.range.end], s, &ctx.data.lexicon.numbers)?;
        let after = s + q.len;
        let between = after <= i && i - after <= 2 && (after..i).all(|x| ctx.head(x).is_some());
        let w = ctx.low(s);
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w > "1899" && w < "2101");
        // Nor a date's day ("the April 22 attack", "the Oct. 7 attack", "the 9/11 attacks").
        let month = |k: usize| k >= ctx.range.start && crate::text::date::month_number(ctx.low(k)).is_some();
        let day = s > ctx.range.start
            && (month(s - 1)
                || ctx.low(s - 1) == "." && month(s.wrapping_sub(2))
                || matches!(ctx.low(s - 1), "/" | "-"));
        (between && !q.ordinal && !year && !day).then(|| q.count()).flatten()
    })
}

fn has_troops(ctx: &Sent, i: usize, end: usize) -> bool {
    // Before the verb, over an "of" phrase and auxiliaries: "fighters of the Wagner Group
    // have been deployed".
    let lo = i.saturating_sub(8).max(ctx.range.start);
    let hi = (end + 5).min(ctx.range.end);
    (lo..hi).any(|k| ctx.is(k, word::TROOP_NOUN))
}

/// The place of a sentence that opens with "In X," ("In Mali, Wagner fighters have been
/// deployed since 2021").
fn opening_place(ctx: &Sent) -> Option<u32> {
    let s = ctx.content_start;
    if ctx.low(s) != "in" {
        return None;
    }
    let m = ctx.head(s + 1)?;
    let end = ctx.mention(m).end as usize;
    (ctx.low(end) == ",").then(|| ctx.entity(m, false)).flatten().filter(|&e| ctx.is_place_or_country(e))
}

/// A deployment; with `entry`, troops' entry into a place, whose troops are the verb's
/// subject and whose place may be its object ("ECOWAS troops entered the Gambia").
fn deploy(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found, entry: bool) {
    let troops = if entry { has_troops(ctx, i, i) } else { has_troops(ctx, i, end) };
    if !troops || ctx.irrealis(i) {
        return;
    }
    let mut agents = Vec::new();
    if t.pos == TriggerPos::Noun {
        // "deployment of his country's troops": the troops' owner.
        if let Some((m, _)) = ctx.right_args(end, 6).into_iter().next() {
            agents = ctx.arg_entities(m, true);
        }
    } else {
        agents = agent_of(ctx, i);
        if agents.is_empty() {
            if let Some(m) = ctx.subject(i, true) {
                agents = ctx.arg_entities(m, true);
            }
        }
    }
    let right = ctx.right_args(end, 12);
    let place = right
        .iter()
        .filter(|(_, p)| {
            matches!(p, Some("to" | "into" | "in" | "through" | "towards" | "toward")) || entry && p.is_none()
        })
        .flat_map(|(m, _)| ctx.arg_entities(*m, false))
        .find(|&e| ctx.is_place_or_country(e))
        .or_else(|| opening_place(ctx));
    if agents.is_empty() {
        // The nearest country named as a clause subject before the trigger.
        for (m, p) in ctx.left_args(i, 40) {
            if p.is_none() && ctx.mention(m).form != Form::Demonym {
                if let Some(e) = ctx.entity(m, true) {
                    if ctx.etype(e) == EntityType::Country && Some(e) != place {
                        agents = vec![e];
                        break;
                    }
                }
            }
        }
    }
    // Armed forces stand for their country.
    let agents: Vec<u32> = agents.into_iter().map(|e| ctx.parent_country(e).unwrap_or(e)).collect();
    // "Some 12,000 North Korean troops": a number a few words before the troops.
    let count = (i.saturating_sub(10).max(ctx.range.start)..(end + 5).min(ctx.range.end))
        .filter(|&k| ctx.is(k, word::TROOP_NOUN))
        .find_map(|k| {
            (k.saturating_sub(6).max(ctx.range.start)..k).find_map(|s| {
                let q = parse_quantity(&ctx.doc.lower, &ctx.doc.tokens[..ctx.range.end], s, &ctx.data.lexicon.numbers)?;
                let between_ok = (s + q.len..k).all(|x| ctx.head(x).is_some() || ctx.is_lower_word(x));
                (s + q.len <= k && between_ok && !q.ordinal).then(|| q.count()).flatten()
            })
        });
    if agents.is_empty() || place.is_none() {
        return;
    }
    found.candidates.push(Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents,
        place,
        count,
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    });
}

fn give(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    // "would deliver a package to Ukraine": aid in the future tense is pledged; aid that
    // may, could or should come, or is not given, is none.
    let irrealis = ctx.irrealis(i) && !future(ctx, i) && purpose_agent(ctx, i).is_none();
    if t.pos == TriggerPos::Verb && (irrealis || has_troops(ctx, i, end)) {
        return;
    }
    // "suspended development aid": no aid given; but aid promised is pledged ("promised
    // Ukraine additional military aid").
    let promised = match (t.pos, intent_verb(ctx, i)) {
        (TriggerPos::Noun, Some(v)) if matches!(ctx.low(v), "promised" | "promises") && !ctx.irrealis(v) => Some(v),
        (TriggerPos::Noun, Some(_)) => return,
        _ => None,
    };
    // "pledged to quell": a promise to act, not aid.
    if t.pos == TriggerPos::Verb && ctx.low(end) == "to" && ctx.is_lower_word(end + 1) && ctx.head(end + 1).is_none() {
        return;
    }
    let agents = if let Some(v) = promised {
        agent_of(ctx, v)
    } else if t.pos == TriggerPos::Noun {
        match ctx.modifier_before(i) {
            Some(m) => ctx.arg_entities(m, true),
            None => match light_verb_agents(ctx, i) {
                Some((_, true)) => return,
                Some((agents, false)) => agents,
                None => Vec::new(),
            },
        }
    } else {
        agent_of(ctx, i)
    };
    // "provided Ukraine with two Patriot systems": the object before "with" receives; so
    // does the first object of "promised Ukraine … aid".
    let receiver = match promised {
        Some(v) => ctx.head(v + 1).filter(|&m| (ctx.mention(m).end as usize) < i),
        None => (t.pos == TriggerPos::Verb)
            .then(|| ctx.head(end))
            .flatten()
            .filter(|&m| ctx.low(ctx.mention(m).end as usize) == "with"),
    };
    let target = receiver
        .or_else(|| ctx.right_args(end, 16).into_iter().find(|(_, p)| matches!(p, Some("to" | "for"))).map(|(m, _)| m))
        .map(|m| ctx.arg_entities(m, true))
        .unwrap_or_default();
    if agents.is_empty() && target.is_empty() {
        return;
    }
    found.candidates.push(Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents,
        targets: target.into_iter().map(|e| (e, true)).collect(),
        amount: ctx.money(),
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    });
}

/// Whether the verb at `i` is in the future tense: "will" or "would" right before it,
/// adverbs aside ("would also deliver"), and no negation.
fn future(ctx: &Sent, i: usize) -> bool {
    let mut k = i;
    while k > ctx.range.start {
        let w = ctx.low(k - 1);
        if matches!(w, "will" | "would" | "'ll") {
            return true;
        }
        if w == "also" || w.ends_with("ly") && ctx.is_lower_word(k - 1) {
            k -= 1;
            continue;
        }
        return false;
    }
    false
}

fn intercept(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    // "shot down or disabled 58 drones": the count after the second verb.
    let end = if matches!(ctx.low(end), "or" | "and") && ctx.is_lower_word(end + 1) && ctx.low(end + 1).ends_with("ed")
    {
        end + 2
    } else {
        end
    };
    if t.frame == Frame::InterceptWeapons && !weapons_object(ctx, end) {
        return;
    }
    let passive = ctx.passive(i);
    let agents = if passive {
        ctx.first_right(end, |p| p == Some("by")).map(|m| ctx.arg_entities(m, true)).unwrap_or_default()
    } else {
        agent_of(ctx, i)
    };
    let (count, after) = match ctx.quantity_after(end, 1) {
        Some((n, a)) => (Some(n), a),
        None => (None, end),
    };
    let launched = (ctx.low(after) == "of").then(|| ctx.quantity_after(after + 1, 2).map(|(n, _)| n)).flatten();
    // The attacker: "launched by X", or a demonym on the weapons ("Russian drones").
    let mut targets = Vec::new();
    if let Some(m) = ctx.first_right(after, |p| p == Some("by")) {
        targets = ctx.arg_entities(m, true);
    } else if let Some(m) =
        ctx.right_args(end, 6).into_iter().find(|(m, _)| ctx.mention(*m).form == Form::Demonym).map(|(m, _)| m)
    {
        targets = ctx.entity(m, false).into_iter().collect();
    }
    if agents.is_empty() {
        return;
    }
    // "shot down a Ukrainian passenger jet near Tehran": an attack on the aircraft's state.
    if airliner_object(ctx, end) {
        found.candidates.push(Candidate {
            etype: Some(EventType::Attack),
            predicate: Some(Predicate::Attacked),
            agents,
            // (The aircraft's state is the one attacked, not the place it was hit over.)
            targets: targets.into_iter().map(|e| (e, true)).collect(),
            place: ctx.event_place(i, end),
            trigger: i..end,
            rule: t.rule.clone(),
            ..Default::default()
        });
        return;
    }
    found.candidates.push(Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents,
        targets: targets.into_iter().map(|e| (e, false)).collect(),
        count,
        launched,
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    });
}

/// Whether the object after token `end` is an aircraft that carries people
/// (`lexicon/airliners.txt`), past an article and a demonym: "a Ukrainian passenger jet".
fn airliner_object(ctx: &Sent, end: usize) -> bool {
    let airliners = &ctx.data.lexicon.airliners;
    let mut k = end;
    while k < (end + 5).min(ctx.range.end) {
        let (w, next) = (ctx.low(k), ctx.low(k + 1));
        if airliners.contains(w) || airliners.iter().any(|a| a.split_once(' ') == Some((w, next))) {
            return true;
        }
        let demonym = ctx.head(k).filter(|&m| ctx.mention(m).form == Form::Demonym);
        match demonym {
            Some(m) => k = ctx.mention(m).end as usize,
            None if ctx.is_lower_word(k) => k += 1,
            None => return false,
        }
    }
    false
}

fn accession(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    let (member, org) = if t.pos == TriggerPos::Noun {
        let right = ctx.right_args(end, 10);
        let member = right.iter().find(|(_, p)| *p == Some("of")).map(|(m, _)| *m).or_else(|| ctx.modifier_before(i));
        let org = right.iter().find(|(_, p)| matches!(p, Some("to" | "into" | "in"))).map(|(m, _)| *m);
        (member, org)
    } else {
        (ctx.subject(i, false), ctx.first_right(end, |p| p.is_none()))
    };
    let (Some(member), Some(org)) = (member, org) else {
        return;
    };
    let orgs: Vec<u32> =
        ctx.arg_entities(org, false).into_iter().filter(|&e| ctx.etype(e) == EntityType::Organisation).collect();
    let members = ctx.arg_entities(member, true);
    for &m in &members {
        for &o in &orgs {
            found.relations.push(ctx.relation(m, Predicate::MemberOf, o, &t.rule));
        }
    }
    if !orgs.is_empty() && t.event.is_some() {
        found.candidates.push(Candidate {
            etype: t.event,
            agents: members,
            targets: orgs.into_iter().map(|e| (e, true)).collect(),
            trigger: i..end,
            rule: t.rule.clone(),
            ..Default::default()
        });
    }
}

/// "Hezbollah and Israeli forces exchanged fire", "the army traded fire with the RSF":
/// the first side's attack on the second is the event; each side attacked the other.
fn mutual(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if ctx.irrealis(i) || ctx.passive(i) {
        return;
    }
    let mut sides = agent_of(ctx, i);
    if let Some(m) = ctx.first_right(end, |p| p == Some("with")) {
        sides.extend(ctx.arg_entities(m, true).into_iter().filter(|&e| ctx.etype(e) != EntityType::Place));
    }
    let sides = dedup(sides);
    let [a, b, ..] = sides[..] else { return };
    if let Some(p) = t.predicate {
        found.relations.push(ctx.relation(b, p, a, &t.rule));
    }
    found.candidates.push(Candidate {
        etype: t.event,
        predicate: t.predicate,
        agents: vec![a],
        targets: vec![(b, true)],
        place: ctx.event_place(i, end),
        trigger: i..end,
        rule: t.rule.clone(),
        ..Default::default()
    });
}

fn intransitive(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if ctx.irrealis(i) {
        return;
    }
    let mut agents = if t.pos == TriggerPos::Noun {
        let Some(agents) = noun_agents(ctx, i) else { return };
        agents
    } else {
        agent_of(ctx, i)
    };
    // "extended the city lockdown": a place before the noun says where, and the light
    // verb's subject who.
    let before = (t.pos == TriggerPos::Noun).then(|| ctx.place_named_before(i, false)).flatten();
    if before.is_some() && agents.iter().all(|&e| ctx.etype(e) == EntityType::Place) {
        agents = match light_verb_agents(ctx, i) {
            Some((agents, false)) => agents,
            _ => Vec::new(),
        };
    }
    agents.retain(|&e| ctx.etype(e) != EntityType::Place);
    let place = ctx.event_place(i, end).or(before);
    if agents.is_empty() && place.is_none() {
        return;
    }
    found.candidates.push(plain_event(t, i..end, agents, place));
}

/// "Sanaa fell under Houthi control", "Kabul fell to the Taliban": the subject's places
/// were captured by the actor after the verb (before "control" when the form ends with
/// "under": not "fell under the jurisdiction of").
fn fall(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    if ctx.irrealis(i) {
        return;
    }
    let Some(s) = ctx.subject(i, false) else { return };
    let places: Vec<u32> = ctx
        .arg_entities(s, false)
        .into_iter()
        .filter(|&e| matches!(ctx.etype(e), EntityType::Place | EntityType::Country))
        .collect();
    let Some((m, None)) = ctx.right_args(end, 3).into_iter().next() else { return };
    let under = ctx.low(end - 1) == "under";
    if under && ctx.low(ctx.mention(m).end as usize) != "control" {
        return;
    }
    let agents: Vec<u32> =
        ctx.arg_entities(m, true).into_iter().filter(|&e| ctx.etype(e) != EntityType::Place).collect();
    if places.is_empty() || agents.is_empty() {
        return;
    }
    let mut c = plain_event(t, i..end, agents, None);
    c.targets = places.into_iter().map(|e| (e, ctx.named(s))).collect();
    c.per_target = true;
    found.candidates.push(c);
}

/// An earthquake, a flood: no one's act. Where it happened: "in X", else a country or a
/// place named right before the noun ("the Turkish earthquake", "the Sumy floods").
fn happening(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    found.happening = Some(i);
    let before = ctx.place_named_before(i, true);
    // ("An earthquake struck southern Philippines": the object of the verb after it.)
    let Some(place) = ctx.event_place(i, end).or(before).or_else(|| ctx.struck_place(end)) else { return };
    found.candidates.push(plain_event(t, i..end, Vec::new(), Some(place)));
}

/// "a Russian government-funded paramilitary": the funder aided what the phrase names.
fn backing(ctx: &Sent, t: &Trigger, i: usize, found: &mut Found) {
    if ctx.low(i.wrapping_sub(1)) != "-" {
        passive_backing(ctx, t, i, found);
        return;
    }
    let mut k = i - 1;
    if ctx.low(k - 1) == "government" || ctx.low(k - 1) == "state" {
        k -= 1;
    }
    let Some(funder) = ctx.head(k - 1) else {
        return;
    };
    let funders = ctx.entity(funder, true).into_iter().collect::<Vec<_>>();
    // The recipient: the name the phrase modifies, or the name it stands in apposition to.
    let mut recipient = ctx.right_args(i + 1, 4).into_iter().find(|(_, p)| p.is_none()).map(|(m, _)| m);
    if recipient.is_none() {
        let start = ctx.mention(funder).start as usize;
        let mut j = start;
        while j > ctx.range.start && j + 6 > start {
            j -= 1;
            if ctx.low(j) == "," {
                recipient = ctx.head(j.wrapping_sub(1));
                break;
            }
        }
    }
    let Some(r) = recipient else { return };
    if let (Some(&f), Some(rec)) = (funders.first(), ctx.entity(r, true)) {
        if let Some(p) = t.predicate {
            found.relations.push(ctx.relation(f, p, rec, &t.rule));
        }
    }
}

/// "the Government of National Stability, which is backed by Khalifa Haftar", "the army,
/// backed by United States air strikes": whoever is named right after "by" backs the name
/// right before (over a comma and "which is"), each of a list.
fn passive_backing(ctx: &Sent, t: &Trigger, i: usize, found: &mut Found) {
    let Some(p) = t.predicate.filter(|_| ctx.low(i + 1) == "by") else {
        return;
    };
    let Some(funder) = ctx.head(i + 2).filter(|&m| ctx.mention(m).start as usize == i + 2) else {
        return;
    };
    let mut k = i;
    while k > ctx.range.start && (matches!(ctx.low(k - 1), "," | "which" | "who") || ctx.is(k - 1, word::AUXILIARY)) {
        k -= 1;
    }
    let backed = |e: &u32| matches!(ctx.etype(*e), EntityType::Country | EntityType::Organisation | EntityType::Person);
    let Some(r) =
        ctx.head(k.wrapping_sub(1)).filter(|&m| !ctx.is_possessor(m)).and_then(|m| ctx.entity(m, false)).filter(backed)
    else {
        return;
    };
    for f in ctx.arg_entities(funder, true).into_iter().filter(|f| backed(f) && *f != r) {
        found.relations.push(ctx.relation(f, p, r, &t.rule));
    }
}

/// "the headquarters of X" in a sentence that names where: X based_in that place.
fn headquarters(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    {
        if ctx.low(end) != "of" {
            return;
        }
        let mut k = end + 1;
        while k < ctx.range.end && ctx.head(k).is_none() && ctx.is_lower_word(k) && k < i + 6 {
            k += 1;
        }
        let Some(org) = ctx.head(k).and_then(|m| ctx.entity(m, false)) else {
            return;
        };
        if ctx.etype(org) != EntityType::Organisation {
            return;
        }
        let place = ctx.event_place(i, k + 1);
        if let (Some(p), Some(pred)) = (place.filter(|&p| ctx.etype(p) == EntityType::Place), t.predicate) {
            found.relations.push(ctx.relation(org, pred, p, &t.rule));
        }
    }
}

/// "NATO member states that Turkey and Hungary ...": member_of for the countries that
/// the membership data confirms.
fn memberships(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    // "Qatar is a member of the GCC", "the GCC, of which Qatar is a member", "Egypt was a
    // founding member of the Arab League": the copula's subject is a member.
    if let Some((member, org)) = copular_member(ctx, i, end) {
        found.relations.push(ctx.relation(member, Predicate::MemberOf, org, &t.rule));
        return;
    }
    // "Samir Dilou, a member of the Tunisian Parliament,", "A member of the Tunisian
    // Parliament, Samir Dilou said": a person in apposition to "a member of" a body.
    if matches!(ctx.low(i.wrapping_sub(1)), "a" | "an") && ctx.low(end) == "of" {
        let body = (end + 1..(end + 3).min(ctx.range.end))
            .find_map(|k| ctx.head(k))
            .and_then(|m| Some((m, ctx.entity(m, false)?)))
            .filter(|&(_, e)| ctx.etype(e) == EntityType::Organisation);
        let person = |m: Option<usize>| {
            m.filter(|&m| ctx.mention(m).form == Form::Name)
                .and_then(|m| ctx.entity(m, false))
                .filter(|&e| ctx.etype(e) == EntityType::Person)
        };
        if let Some((bm, org)) = body {
            let before = (i >= ctx.range.start + 3 && ctx.low(i - 2) == ",").then(|| ctx.head(i - 3)).flatten();
            let after_body = ctx.mention(bm).end as usize;
            let after = (ctx.low(after_body) == ",").then(|| ctx.head(after_body + 1)).flatten();
            if let Some(p) = person(before).or_else(|| person(after)) {
                found.relations.push(ctx.relation(p, Predicate::MemberOf, org, &t.rule));
            }
        }
        return;
    }
    {
        let Some(org) = ctx.head(i.wrapping_sub(1)).and_then(|m| ctx.entity(m, false)) else {
            return;
        };
        let ent = &ctx.ents.list[org as usize];
        if ent.etype != EntityType::Organisation {
            return;
        }
        let rule = t.rule.clone();
        for k in end..ctx.range.end {
            let Some(m) = ctx.head(k) else { continue };
            if ctx.mention(m).start as usize != k || ctx.mention(m).form != Form::Name {
                continue;
            }
            let Some(c) = ctx.entity(m, false) else {
                continue;
            };
            if let crate::resolve::EntityKey::Known(crate::mention::gazetteer::Known::Country(ci)) =
                ctx.ents.list[c as usize].key
            {
                let iso = &ctx.data.countries[ci as usize].iso2;
                let year = ctx.year();
                // A membership of this organisation, if the organisation is in the data.
                let known = || ctx.data.organisations.iter().any(|o| o.name == ent.name);
                let member = ctx.data.memberships.iter().any(|ms| {
                    ms.country == *iso
                        && ms.organisation == ent.name
                        && year.is_none_or(|y| ms.since.is_none_or(|s| s <= y) && ms.until.is_none_or(|u| u >= y))
                }) && known();
                if member {
                    found.relations.push(ctx.relation(c, Predicate::MemberOf, org, &rule));
                }
            }
        }
    }
}

/// "X is a (founding) member of ORG" and "ORG, of which X is a member": the member and the
/// organisation, for "member" at `[i, end)`.
fn copular_member(ctx: &Sent, i: usize, end: usize) -> Option<(u32, u32)> {
    let mut a = i.checked_sub(1)?;
    // Up to two adjectives: "a founding member", "a non-permanent member".
    while a > ctx.range.start && a + 3 > i && ctx.is_lower_word(a) && !matches!(ctx.low(a), "a" | "an") {
        a -= 1;
    }
    let be = a.checked_sub(1)?;
    if !matches!(ctx.low(a), "a" | "an")
        || !matches!(ctx.low(be), "is" | "was" | "are" | "were" | "became" | "becomes" | "remains" | "remained")
    {
        return None;
    }
    let entity_of = |m: usize, types: &[EntityType]| ctx.entity(m, false).filter(|&e| types.contains(&ctx.etype(e)));
    let members = [EntityType::Country, EntityType::Organisation, EntityType::Person];
    let subject = ctx.head(be.checked_sub(1)?)?;
    let member = entity_of(subject, &members)?;
    let s = ctx.mention(subject).np_start as usize;
    let org = if ctx.low(end) == "of" {
        let m = (end + 1..(end + 3).min(ctx.range.end)).find_map(|k| ctx.head(k))?;
        entity_of(m, &[EntityType::Organisation])?
    } else if s >= ctx.range.start + 3 && ctx.low(s - 1) == "which" && ctx.low(s - 2) == "of" {
        // "the Gulf Cooperation Council (GCC), of which Qatar is a member": the name before
        // the comma, over an acronym in parentheses.
        let mut k = s - 3;
        if ctx.low(k) != "," {
            return None;
        }
        if ctx.low(k.checked_sub(1)?) == ")" && ctx.low(k.checked_sub(3)?) == "(" {
            k -= 3;
        }
        entity_of(ctx.head(k.checked_sub(1)?)?, &[EntityType::Organisation])?
    } else {
        return None;
    };
    (member != org).then_some((member, org))
}

/// Whether a definite noun phrase, which may name an act told elsewhere, starts at `k`:
/// the object of a verdict ("condemned the bombing", "criticised this attack").
pub(super) fn opens_verdict_object(ctx: &Sent, k: usize) -> bool {
    matches!(ctx.low(k), "the" | "this" | "these" | "those" | "its" | "their")
}

/// The kind of a token (used by speech rules).
pub(super) fn is_quote_token(ctx: &Sent, i: usize) -> bool {
    ctx.kind(i).is_some_and(|k| matches!(k, TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote))
}
