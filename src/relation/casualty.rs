//! Sentence-level assembly: merging a sentence's event candidates, attaching casualty
//! counts ("killed four people and wounded 33", "a man was injured in Odesa"), and
//! turning candidates and statements into events and relations.

use super::frames::{Candidate, Found, Said};
use super::{is_year, word, Event, Extraction, RelObject, Relation, Sent, Statement};
use crate::data::{CasualtyKind, EntityType, EventType, Predicate};
use crate::mention::gazetteer::Known;
use crate::mention::Form;
use crate::resolve::EntityKey;
use crate::text::date::{month_number, Date};
use crate::text::number::parse_quantity;
use crate::text::token::TokenKind;
use std::ops::Range;
use std::sync::Arc;

/// Auxiliaries between a casualty count and its verb ("364 were killed").
pub(super) const CASUALTY_AUX: &[&str] =
    &["was", "were", "have", "has", "had", "been", "be", "reportedly", "also", "later", "now", "and"];

#[derive(Debug, Clone)]
struct Casualties {
    kind: CasualtyKind,
    count: u64,
    place: Option<u32>,
    /// The casualty word.
    at: usize,
    /// Whether the casualty verb is active with its count after it ("killed 100 people"):
    /// its subject may be the attacker.
    active: bool,
}

fn compatible(a: &Candidate, b: &Candidate) -> bool {
    let agents = a.agents.is_empty() || b.agents.is_empty() || a.agents.iter().any(|x| b.agents.contains(x));
    let places = a.place.is_none() || b.place.is_none() || a.place == b.place;
    let targets = a.targets.is_empty()
        || b.targets.is_empty()
        || a.targets.iter().any(|(x, _)| b.targets.iter().any(|(y, _)| x == y));
    a.etype.is_some() && a.etype == b.etype && agents && places && targets && !a.per_target && !b.per_target
}

/// Whether the event noun of `c` names an earlier event in a time adjunct: "two weeks
/// after an attack on tourists killed 26", "since the invasion".
fn prior(ctx: &Sent, c: &Candidate) -> bool {
    let mut k = c.trigger.start;
    let mut skipped = 0;
    while k > ctx.range.start && skipped < 3 && ctx.is_lower_word(k - 1) && !ctx.is(k - 1, word::PREPOSITION) {
        k -= 1;
        skipped += 1;
    }
    matches!(ctx.low(k.wrapping_sub(1)), "after" | "following" | "since" | "before")
}

fn merge(ctx: &Sent, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for c in cands {
        if let Some(k) = out.iter_mut().find(|k| compatible(k, &c) && prior(ctx, k) == prior(ctx, &c)) {
            if k.agents.is_empty() {
                k.agents = c.agents;
            }
            if k.targets.is_empty() {
                k.targets = c.targets;
            }
            if k.place.is_none() || k.place == c.place && k.more_places.is_empty() {
                k.more_places = c.more_places;
            }
            k.place = k.place.or(c.place);
            k.count = k.count.or(c.count);
            k.launched = k.launched.or(c.launched);
            k.amount = k.amount.take().or(c.amount);
            k.predicate = k.predicate.or(c.predicate);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a determiner that refers back opens the noun at `start`: "the strikes", "these
/// attacks", and over a numeral, "all three attacks", "the two bombings".
fn definite_before(ctx: &Sent, start: usize) -> bool {
    let refers = |w: &str| matches!(w, "the" | "this" | "that" | "these" | "those" | "both");
    if refers(ctx.low(start.wrapping_sub(1))) {
        return true;
    }
    let toks = &ctx.doc.tokens[..ctx.range.end];
    let numeral = start > ctx.range.start + 1
        && parse_quantity(&ctx.doc.lower, toks, start - 1, &ctx.data.lexicon.numbers).is_some_and(|q| q.len == 1);
    numeral && (refers(ctx.low(start - 2)) || ctx.low(start - 2) == "all")
}

/// Whether a superlative ranks the event noun at `start` among others ("making it the
/// world's sixth deadliest school massacre", "the worst attack on the capital in years"):
/// an event already told of, described.
fn ranked(ctx: &Sent, start: usize) -> bool {
    let mut k = start;
    while k > ctx.range.start && k + 4 > start {
        k -= 1;
        if matches!(ctx.low(k), "deadliest" | "worst" | "bloodiest" | "largest" | "biggest" | "heaviest" | "fiercest") {
            return true;
        }
        if !ctx.is_lower_word(k) {
            return false;
        }
    }
    false
}

/// The first place after token `from` (within a few tokens) introduced by "in".
fn place_after(ctx: &Sent, from: usize) -> Option<u32> {
    let mut seen_in = false;
    let mut end = (from + 8).min(ctx.range.end);
    let mut k = from;
    while k < end {
        // "wounded 43 others, most of them in the Poonch district": where most were.
        if let Some(n) = most_of_them(ctx, k) {
            k += n;
            end = (end + n).min(ctx.range.end);
            continue;
        }
        // "Four people were killed, officials in Kyiv said": not where.
        if ctx.clause_break(k) {
            return None;
        }
        if ctx.low(k) == "in" {
            seen_in = true;
            k += 1;
            continue;
        }
        if let Some(m) = ctx.head(k) {
            if !seen_in {
                return None;
            }
            // "in an Israeli operation": a demonym is no place.
            if ctx.is_possessor(m) || ctx.mention(m).form == Form::Demonym {
                k += 1;
                continue;
            }
            // ("in the Red Sea port town of Mokha": Mokha.)
            let m = ctx.qualified_place_of(m).unwrap_or(m);
            let e = ctx.entity(m, false)?;
            return (ctx.etype(e) == EntityType::Place || ctx.etype(e) == EntityType::Country).then_some(e);
        }
        k += 1;
    }
    None
}

/// ", most of them", ", mostly", ", many of whom were" at token `k`, which say where the
/// victims before them were: the number of tokens to pass over.
fn most_of_them(ctx: &Sent, k: usize) -> Option<usize> {
    if ctx.low(k) != "," {
        return None;
    }
    let quantifier = matches!(ctx.low(k + 1), "most" | "many" | "all");
    let n = if matches!(ctx.low(k + 1), "mostly" | "mainly" | "many" | "most") && ctx.low(k + 2) == "in" {
        2
    } else if quantifier && ctx.low(k + 2) == "of" && matches!(ctx.low(k + 3), "them" | "whom") {
        if matches!(ctx.low(k + 4), "were" | "was") {
            5
        } else {
            4
        }
    } else {
        return None;
    };
    (ctx.low(k + n) == "in").then_some(n)
}

/// The place in a clause of cause after casualty word `k`: "were killed when shells
/// landed on a camp near Goma", "died after a strike in Kherson"; or before a participle:
/// "exploded across Lebanon, killing 12".
fn place_of_cause(ctx: &Sent, k: usize) -> Option<u32> {
    // "Pagers exploded across Lebanon, killing 12 people": the clause before the participle.
    if ctx.low(k).ends_with("ing") && ctx.low(k.wrapping_sub(1)) == "," {
        let args = ctx.left_args(k - 1, 20);
        return ctx.place_arg(&args, false).or_else(|| ctx.place_arg(&args, true));
    }
    let end = (k + 24).min(ctx.range.end);
    let when = (k + 1..end.min(k + 8))
        .take_while(|&j| !ctx.is(j, word::CLAUSE_PUNCTUATION) && ctx.low(j) != ",")
        .find(|&j| matches!(ctx.low(j), "when" | "after" | "as"))?;
    let mut j = when + 1;
    while j < end && !ctx.clause_break(j) {
        if let Some(m) = ctx.head(j) {
            // "near Goma", "near the village of Dzhanyatag": a preposition of place before
            // the name, over a place noun's words.
            let mut b = j - 1;
            if ctx.low(b) == "of" {
                b -= 1;
            }
            while b > when + 1 && j - b < 4 && ctx.is_lower_word(b) && !ctx.is(b, word::PREPOSITION) {
                b -= 1;
            }
            let near = matches!(ctx.low(b), "in" | "at" | "near" | "outside");
            if let Some(e) = ctx.entity(m, false).filter(|&e| near && ctx.is_place_or_country(e)) {
                return Some(e);
            }
            j = ctx.mention(m).end as usize;
        } else {
            j += 1;
        }
    }
    None
}

/// The place of a sentence that opens with it: "In Israel, 28 people died".
/// A place (not a country) where casualties were: their own, or the cause's ("opened
/// fire near the town of Tirah in northern Pakistan, killing 26").
fn place_within(ctx: &Sent, cas: &Casualties) -> Option<u32> {
    let place = |e: &u32| ctx.etype(*e) == EntityType::Place;
    if let Some(p) = cas.place.filter(place) {
        return Some(p);
    }
    if ctx.low(cas.at).ends_with("ing") && ctx.low(cas.at.wrapping_sub(1)) == "," {
        let args = ctx.left_args(cas.at - 1, 20);
        return args
            .iter()
            .filter(|(m, p)| matches!(p, Some("in" | "at" | "near")) && ctx.mention(*m).form != Form::Demonym)
            .filter_map(|&(m, _)| ctx.entity(m, false))
            .find(place);
    }
    place_of_cause(ctx, cas.at).filter(place)
}

/// A toll's count, when casualty word `k` opens one ("the death toll", "the number of
/// people killed") that a verb brings to a number ("rose to 120", "stood at 45") in its
/// clause; and the token after the number.
fn toll(ctx: &Sent, k: usize) -> Option<(u64, usize)> {
    let from = if ctx.low(k + 1) == "toll" {
        k + 2
    } else if matches!(ctx.low(k.wrapping_sub(1)), "people" | "those")
        && ctx.low(k.wrapping_sub(2)) == "of"
        && ctx.low(k.wrapping_sub(3)) == "number"
    {
        k + 1
    } else {
        return None;
    };
    let end = (from + 25).min(ctx.range.end);
    let verb = (from..end)
        .take_while(|&j| ctx.low(j) != "," && !ctx.is(j, word::CLAUSE_PUNCTUATION))
        .find(|&j| ctx.is(j, word::TOLL_VERB) && matches!(ctx.low(j + 1), "to" | "at"))?;
    let toks = &ctx.doc.tokens[..ctx.range.end];
    let q = parse_quantity(&ctx.doc.lower, toks, verb + 2, &ctx.data.lexicon.numbers).filter(|q| !q.ordinal)?;
    Some((q.count()?, verb + 2 + q.len))
}

/// The place in the subject of an active verb of killing: "an explosion at a fuel depot
/// near Stepanakert … killed at least 170 people".
fn subject_place(ctx: &Sent, cas: &Casualties) -> Option<u32> {
    if !cas.active || ctx.low(cas.at).ends_with("ing") {
        return None;
    }
    ctx.place_arg(&ctx.left_args(cas.at, 20), false)
}

fn fronted_place(ctx: &Sent) -> Option<u32> {
    let start = ctx.range.start;
    if let Some(m) = ctx.head(start + 1).filter(|_| ctx.low(start) == "in") {
        let e = ctx.entity(m, false).filter(|&e| ctx.is_place_or_country(e))?;
        return (ctx.low(ctx.mention(m).end as usize) == ",").then_some(e);
    }
    // "On Thursday at the headquarters of the police in Paris, France, an IT worker …": the
    // last place named "in" or "at" in an opening adverbial, up to the comma before the
    // subject.
    if !matches!(ctx.low(start), "on" | "at" | "in" | "late" | "early") {
        return None;
    }
    let mut place = None;
    let mut k = start + 1;
    while k < (start + 25).min(ctx.range.end) {
        if let Some(m) = ctx.head(k) {
            let e = ctx.entity(m, false).filter(|&e| ctx.is_place_or_country(e));
            let after = ctx.mention(m).end as usize;
            match e {
                // "in Paris, France,": the country after a place is the place's; "in
                // Forbury Gardens in Reading": so is the town after a place in it.
                Some(_) if ctx.low(k.wrapping_sub(1)) == "," && place.is_some() => {}
                Some(_) if place.is_some() && ctx.place_inside(m).is_some() => {}
                Some(e) if matches!(ctx.low(k.wrapping_sub(1)), "in" | "at") => place = Some(e),
                _ => {}
            }
            k = after;
            continue;
        }
        if ctx.low(k) == "," {
            let country_next =
                ctx.head(k + 1).and_then(|m| ctx.entity(m, false)).is_some_and(|e| ctx.etype(e) == EntityType::Country);
            if !country_next {
                return place;
            }
        } else if ctx.is(k, word::CLAUSE_PUNCTUATION) {
            return None;
        }
        k += 1;
    }
    None
}

/// The start of the auxiliaries before casualty word `k` ("364 were killed", "had been
/// killed"), `k` itself when there are none.
fn auxiliaries_start(ctx: &Sent, k: usize) -> usize {
    let mut j = k;
    while j > ctx.range.start && ctx.is(j - 1, word::CASUALTY_AUX) && ctx.low(j - 1) != "and" {
        j -= 1;
    }
    j
}

/// Whether casualty `cas` is the toll of a war as a whole (`lexicon/word-classes.tsv`
/// `war-noun`) rather than of one attack: "The conflict has killed 24,000 people", "were
/// killed in the war", "killed by Israeli attacks since October 2023".
fn war_toll(ctx: &Sent, cas: &Casualties) -> bool {
    if cas.active && !ctx.low(cas.at).ends_with("ing") {
        let mut j = cas.at;
        while j > ctx.range.start && matches!(ctx.low(j - 1), "has" | "have" | "had" | "so" | "far" | "already") {
            j -= 1;
        }
        if j > ctx.range.start && ctx.is(j - 1, word::WAR_NOUN) {
            return true;
        }
    }
    // "have been killed since October": a perfect counts up to now (where "wounding 17 in
    // the deadliest attack since 2008" compares).
    let perfect = (auxiliaries_start(ctx, cas.at)..cas.at).any(|j| matches!(ctx.low(j), "has" | "have" | "had"));
    let end = (cas.at + 16).min(ctx.range.end);
    let mut after = (cas.at + 1..end).take_while(|&j| !ctx.is(j, word::CLAUSE_PUNCTUATION | word::CLAUSE_WORD));
    after.any(|j| {
        perfect && ctx.low(j) == "since"
            || matches!(ctx.low(j), "in" | "during")
                && (ctx.is(j + 1, word::WAR_NOUN) || ctx.low(j + 1) == "the" && ctx.is(j + 2, word::WAR_NOUN))
    })
}

/// Whether token `j` is counted: a number before it ("five soldiers").
fn counted(ctx: &Sent, j: usize) -> bool {
    j > ctx.range.start
        && (ctx.kind(j - 1) == Some(TokenKind::Number) || ctx.data.lexicon.numbers.units.contains_key(ctx.low(j - 1)))
}

/// The country of a toll's victims where nothing else places it: "13 Cambodians had been
/// killed", "15 people had been killed on the Thai side".
fn victims_country(ctx: &Sent, cas: &Casualties) -> Option<u32> {
    let country = |m: usize| {
        (ctx.mention(m).form == Form::Demonym)
            .then(|| ctx.entity(m, true))
            .flatten()
            .filter(|&e| ctx.etype(e) == EntityType::Country)
    };
    if !cas.active {
        let j = auxiliaries_start(ctx, cas.at);
        if let Some(e) = ctx.head(j.wrapping_sub(1)).filter(|_| counted(ctx, j - 1)).and_then(country) {
            return Some(e);
        }
    }
    let end = (cas.at + 12).min(ctx.range.end);
    (cas.at + 1..end).take_while(|&j| !ctx.is(j, word::CLAUSE_PUNCTUATION)).find_map(|j| {
        let m = ctx.head(j).filter(|_| ctx.low(j - 1) == "the" && ctx.low(j.wrapping_sub(2)) == "on")?;
        (ctx.low(ctx.mention(m).end as usize) == "side").then(|| country(m)).flatten()
    })
}

/// The country or place whose body reports a toll, opening the sentence or a clause
/// after ", and": "Lebanon's Ministry of Public Health said …", "Gaza's Health Ministry
/// said …", "…, and Congo's government says more than 7,000 people have died".
fn reporter_country(ctx: &Sent, cas: &Casualties) -> Option<u32> {
    let reporter = |mut start: usize| {
        while start < cas.at && ctx.kind(start) == Some(TokenKind::Punct) {
            start += 1;
        }
        // A possessor of the body ("Gaza's Health Ministry"), or a state's government
        // ("Congo's government", "Philippine officials").
        let body = |m: &usize| ctx.is_possessor(*m) || ctx.mention(*m).form == Form::Compound;
        let m = ctx.head(start).filter(body)?;
        let e = ctx.entity(m, false).filter(|&e| ctx.is_place_or_country(e))?;
        (start..cas.at).any(|j| ctx.is(j, word::ATTRIBUTION_VERB)).then_some(e)
    };
    let clauses = (ctx.content_start + 2..cas.at).rev().filter(|&k| ctx.low(k - 1) == "and" && ctx.low(k - 2) == ",");
    clauses.chain([ctx.content_start]).find_map(reporter)
}

/// The country of the document's wire dateline ("PORT SUDAN, Sudan (AP) —"), when the
/// document names it: where a war's toll that names no place is counted ("The conflict
/// has killed at least 24,000 people").
fn dateline_country(ctx: &Sent) -> Option<u32> {
    let key = EntityKey::Known(Known::Country(ctx.mentions.dateline_country?));
    ctx.ents.list.iter().position(|e| e.key == key).map(|e| e as u32)
}

/// "a man", "an elderly woman", "a 62-year-old man" at `s`: the person noun's count
/// (one) and the token after it.
fn one_person(ctx: &Sent, s: usize) -> Option<(u64, usize)> {
    if !matches!(ctx.low(s), "a" | "an" | "one" | "another") {
        return None;
    }
    let nouns = &ctx.data.lexicon.person_nouns;
    let end = (s + 8).min(ctx.range.end);
    let mut j = s + 1;
    while j < end {
        // A noun without a count ends the phrase: "a total of 21 people" is no one.
        if let Some(n) = nouns.get(ctx.low(j)) {
            return n.map(|n| (n, j + 1));
        }
        // Adjectives, an age and names: "elderly", "62-year-old", "a Kosovo police officer".
        if let Some(m) = ctx.head(j) {
            j = ctx.mention(m).end as usize;
            // "a 19-year-old Palestinian, Qusai Maatan, was shot dead": a demonym ending
            // the phrase is its noun.
            if ctx.mention(m).form == Form::Demonym && !ctx.is_lower_word(j) && ctx.head(j).is_none() {
                return Some((1, j));
            }
            continue;
        }
        let joined = matches!(ctx.low(j), "-") && !ctx.doc.tokens[j].space_before();
        let number = ctx.low(j).bytes().all(|b| b.is_ascii_digit());
        if !(ctx.is_lower_word(j) || joined || number) {
            return None;
        }
        j += 1;
    }
    None
}

/// One group of people counted at `s` ("a man", "two women", "three police officers"):
/// how many, and the token after its noun.
fn people_at(ctx: &Sent, s: usize) -> Option<(u64, usize)> {
    if let Some(r) = one_person(ctx, s) {
        return Some(r);
    }
    let toks = &ctx.doc.tokens[..ctx.range.end];
    let q = parse_quantity(&ctx.doc.lower, toks, s, &ctx.data.lexicon.numbers).filter(|q| !q.ordinal)?;
    let n = q.count()?;
    let mut j = s + q.len;
    let end = (j + 3).min(ctx.range.end);
    while j < end && !ctx.is(j, word::PERSON_NOUN) && ctx.is_lower_word(j) && !ctx.is(j, word::PREPOSITION) {
        j += 1;
    }
    if !ctx.is(j, word::PERSON_NOUN) {
        return None;
    }
    while ctx.is(j, word::PERSON_NOUN) {
        j += 1;
    }
    Some((n, j))
}

/// The groups of people joined by "and" to the one counted `n` ending at `end` ("a man
/// and two women"): their sum and the token after the last, when there is more than one.
fn joined_people(ctx: &Sent, (mut n, mut end): (u64, usize)) -> Option<(u64, usize)> {
    let mut joined = false;
    while matches!(ctx.low(end), "and" | ",") {
        let Some((m, e)) = people_at(ctx, end + 1) else { break };
        n += m;
        end = e;
        joined = true;
    }
    joined.then_some((n, end))
}

/// The groups of people joined by "and" before the one counted `n` from token `s` ("two
/// women and a man were injured"): the sum of all.
fn people_before(ctx: &Sent, mut s: usize, mut n: u64) -> u64 {
    while s >= ctx.range.start + 2 && matches!(ctx.low(s - 1), "and" | ",") {
        let from = s.saturating_sub(7).max(ctx.range.start);
        let Some((p, m)) =
            (from..s - 1).find_map(|p| people_at(ctx, p).filter(|&(_, e)| e == s - 1).map(|(m, _)| (p, m)))
        else {
            break;
        };
        n += m;
        s = p;
    }
    n
}

/// The people a verb of killing or wounding names as its object from token `s`, after at
/// most four tokens of their titles ("police sergeant Afrim Bunjaku", "Hamas leader
/// Ismail Haniyeh"): how many (each name of a list joined by "and" counts one), and the
/// token after them.
fn named_people(ctx: &Sent, s: usize) -> Option<(u64, usize)> {
    let person = |j: usize| {
        let m = ctx.head(j)?;
        let e = ctx.entity(m, false)?;
        (ctx.etype(e) == EntityType::Person && ctx.mention(m).form == Form::Name).then(|| ctx.mention(m).end as usize)
    };
    let mut j = s;
    while j < s + 4 && person(j).is_none() {
        match ctx.head(j) {
            // "killed Hamas leader Ismail Haniyeh": the qualifier of the title.
            Some(m) => j = ctx.mention(m).end as usize,
            None if ctx.is_lower_word(j) && !ctx.is(j, word::PREPOSITION) && !matches!(ctx.low(j), "and" | "or") => {
                j += 1
            }
            None => return None,
        }
    }
    let mut end = person(j)?;
    let mut n = 1;
    while matches!(ctx.low(end), "and" | ",") {
        match person(end + 1) {
            Some(e) => {
                end = e;
                n += 1;
            }
            None => break,
        }
    }
    Some((n, end))
}

/// Whether the sentence of casualty word `k`, in which no attack was found, tells of
/// violence: a weapon or an attacker named ("Gunmen killed 26 men", "debris from downed
/// drones injured two"), a clause before a participle ("fired on protesters, killing
/// three") or a clause of cause after the word ("were killed when their car came under
/// fire"). Else the casualties are a toll ("the war has killed more than 24,000 people",
/// "67 soldiers had been killed", "at least 200 people died"): a Casualty event.
fn violent_cause(ctx: &Sent, k: usize, active: bool) -> bool {
    // "192 of its soldiers had been killed": the people a passive verb counts are its
    // victims, not attackers.
    let victims = if active {
        k..k
    } else {
        let mut s = k;
        while s > ctx.range.start && k - s < 8 && !ctx.clause_break(s - 1) && ctx.head(s - 1).is_none() {
            s -= 1;
        }
        s..k
    };
    // "13 had been killed, eight civilians and five soldiers": counted after the passive
    // verb, victims too.
    let victim =
        |j: usize| victims.contains(&j) || !active && j > k && counted(ctx, j) && ctx.low(j.wrapping_sub(2)) != "by";
    if ctx.range.clone().any(|j| !victim(j) && ctx.is_attacker(j)) {
        return true;
    }
    if ctx.low(k).ends_with("ing") && ctx.low(k.wrapping_sub(1)) == "," {
        return true;
    }
    (k + 1..(k + 8).min(ctx.range.end))
        .take_while(|&j| !ctx.is(j, word::CLAUSE_PUNCTUATION) && ctx.low(j) != ",")
        .any(|j| matches!(ctx.low(j), "when" | "after" | "as"))
}

/// Where a statement was made: a place after "in" outside what was said and outside
/// quotes ("In Washington, Biden said …", "told reporters in Tokyo").
fn statement_place(ctx: &Sent, said: &Range<usize>) -> Option<u32> {
    let mut j = ctx.range.start + 1;
    while j < ctx.range.end {
        if said.contains(&j) {
            j = said.end;
            continue;
        }
        let Some(m) = ctx.head(j) else {
            j += 1;
            continue;
        };
        if ctx.low(j - 1) == "in" && !ctx.is_quoted(j) {
            if let Some(e) = ctx.entity(m, false).filter(|&e| ctx.etype(e) == EntityType::Place) {
                return Some(e);
            }
        }
        j = (ctx.mention(m).end as usize).max(j + 1);
    }
    None
}

fn casualties(ctx: &Sent) -> Vec<Casualties> {
    let lex = &ctx.data.lexicon;
    let mut out = Vec::new();
    if !ctx.any(word::CASUALTY) {
        return out;
    }
    let toks = &ctx.doc.tokens[..ctx.range.end];
    for k in ctx.range.clone() {
        if !ctx.is(k, word::CASUALTY) {
            continue;
        }
        let Some(&kind) = lex.casualties.get(ctx.low(k)) else {
            continue;
        };
        // "Twenty-five of the dead were tourists": a part of a toll told before, no toll.
        if ctx.is_quoted(k) || ctx.low(k.wrapping_sub(1)) == "the" && ctx.low(k.wrapping_sub(2)) == "of" {
            continue;
        }
        // "The death toll … has risen to 120", "the number of people killed by two car
        // bombs … has risen to 120": the count the toll comes to.
        if let Some((count, end)) = toll(ctx, k) {
            out.push(Casualties { kind, count, place: place_after(ctx, end), at: k, active: false });
            continue;
        }
        // "injured a man and two women": every group of people counted.
        if let Some((n, end)) = people_at(ctx, k + 1).and_then(|first| joined_people(ctx, first)) {
            out.push(Casualties { kind, count: n, place: place_after(ctx, end), at: k, active: true });
            continue;
        }
        // "killed a 62-year-old man"
        if let Some((n, end)) = one_person(ctx, k + 1) {
            out.push(Casualties { kind, count: n, place: place_after(ctx, end), at: k, active: true });
            continue;
        }
        // "killing police sergeant Afrim Bunjaku", "killed Hamas leader Ismail Haniyeh and
        // his bodyguard"
        if let Some((n, end)) = named_people(ctx, k + 1) {
            out.push(Casualties { kind, count: n, place: place_after(ctx, end), at: k, active: true });
            continue;
        }
        // "killed four people", "wounded 33", "injured at least two people in Kyiv"
        if let Some(q) = parse_quantity(&ctx.doc.lower, toks, k + 1, &lex.numbers).filter(|q| !q.ordinal) {
            if let Some(count) = q.count() {
                let mut after = k + 1 + q.len;
                // (Past the victims' state or force: "killed 12 Nigerian soldiers in Baga",
                // "1,566 Iraqi Air Force cadets".)
                if let Some(m) =
                    ctx.head(after).filter(|&m| matches!(ctx.mention(m).form, Form::Demonym | Form::Compound))
                {
                    after = ctx.mention(m).end as usize;
                }
                while ctx.is(after, word::PERSON_NOUN)
                    || ctx.is_lower_word(after) && after < k + q.len + 3 && ctx.low(after) != "in"
                {
                    after += 1;
                }
                out.push(Casualties { kind, count, place: place_after(ctx, after), at: k, active: true });
                continue;
            }
        }
        // "364 were killed", "four people were killed", "a man was injured", "5 dead"
        // "was shot dead", "were found dead": the participle before "dead" is the verb's.
        let participle = ctx.low(k) == "dead"
            && k > ctx.range.start
            && ctx.is_lower_word(k - 1)
            && ctx.is(k.wrapping_sub(2), word::CASUALTY_AUX);
        let mut j = auxiliaries_start(ctx, if participle { k - 1 } else { k });
        // "nine people, including four children, were killed": the count before the
        // parenthesis.
        if j > ctx.range.start + 1 && ctx.low(j - 1) == "," {
            let from = j.saturating_sub(16).max(ctx.range.start);
            if let Some(p) =
                (from..j - 1).rev().find(|&p| ctx.low(p) == "," && matches!(ctx.low(p + 1), "including" | "among"))
            {
                j = p;
            } else if let Some(p) = (from..j - 1).rev().find(|&p| ctx.low(p) == ",") {
                // "One officer, Sergeant Afrim Bunjaku, was killed": the count before a
                // name in apposition.
                let name = p + 2 < j && (p + 1..j - 1).all(|x| ctx.doc.tokens[x].is_capitalised() || ctx.low(x) == ".");
                if name {
                    j = p;
                }
            }
        }
        let age = |x: usize| ctx.low(x) == "-" && matches!(ctx.low(x + 1), "year" | "month" | "week" | "day");
        let mut found = None;
        for s in (j.saturating_sub(16).max(ctx.range.start)..j).rev() {
            // "13 were killed and dozens were wounded": a count before another casualty
            // word is that word's.
            if ctx.clause_break(s) && !matches!(ctx.low(s), "," | "(" | ")") || ctx.is(s, word::CASUALTY) {
                break;
            }
            if let Some(mut q) = parse_quantity(&ctx.doc.lower, toks, s, &lex.numbers) {
                let end = s + q.len;
                // "a 22-year-old gendarme had died": an age counts no one; nor does a date
                // ("MOGADISHU, Oct 31 - The number of people killed") or a year ("the 2018
                // killing of …").
                let month = |x: usize| x >= ctx.range.start && month_number(ctx.low(x)).is_some();
                let date = month(s.wrapping_sub(1)) || s >= 2 && ctx.low(s - 1) == "." && month(s - 2) || month(end);
                let year = q.len == 1 && is_year(ctx.low(s)) && !ctx.is(end, word::PERSON_NOUN);
                if age(end) || date || year {
                    continue;
                }
                // Read backwards, "twenty-nine" is first seen at "nine": the number is
                // the longest that ends here.
                for p in (s.saturating_sub(3).max(ctx.range.start)..s).rev() {
                    if let Some(wider) = parse_quantity(&ctx.doc.lower, toks, p, &lex.numbers) {
                        if p + wider.len == end {
                            q = wider;
                        }
                    }
                }
                // "more than 90 KFOR soldiers were injured": words and names between.
                let between_ok = (end..j).all(|x| {
                    ctx.is_lower_word(x)
                        || ctx.kind(x) == Some(TokenKind::Number) && age(x + 1)
                        || ctx.head(x).is_some()
                        || ctx.doc.tokens[x].is_capitalised()
                        || matches!(ctx.low(x), "and" | "-" | "(" | ")")
                });
                if end <= j && between_ok && !q.ordinal {
                    found = q.count().map(|n| people_before(ctx, s, n));
                    break;
                }
            }
            // "a man was injured", "a 62-year-old woman was killed"
            if let Some((n, end)) = one_person(ctx, s).filter(|&(_, end)| end <= j) {
                if (end..j).all(|x| ctx.is_lower_word(x)) {
                    found = Some(people_before(ctx, s, n));
                    break;
                }
            }
            // "one was killed and another wounded", "another was wounded": one more of
            // the people just counted.
            if ctx.low(s) == "another" && s + 1 == j {
                found = Some(1);
                break;
            }
        }
        if let Some(count) = found {
            out.push(Casualties { kind, count, place: place_after(ctx, k + 1), at: k, active: false });
        }
    }
    out
}

fn set_count(slot: &mut Option<u64>, n: u64) -> bool {
    if slot.is_none() {
        *slot = Some(n);
        true
    } else {
        false
    }
}

fn add_casualty(killed: &mut Option<u64>, injured: &mut Option<u64>, c: &Casualties) -> bool {
    match c.kind {
        CasualtyKind::Killed => set_count(killed, c.count),
        CasualtyKind::Injured => set_count(injured, c.count),
    }
}

/// Casualty counts of one event candidate.
#[derive(Default, Clone, Copy)]
struct Counts {
    killed: Option<u64>,
    injured: Option<u64>,
}

pub(super) fn assemble(
    ctx: &Sent,
    found: Found,
    date: Option<Date>,
    out: &mut Extraction,
    previous: &[usize],
    last_attack: Option<usize>,
    pending: &mut Vec<Verdict>,
) {
    let Found { candidates, relations, said, claims, verdicts, .. } = found;
    let mut cands = merge(ctx, candidates);
    // "condemned the (deadly) bombing", "claimed responsibility for the attack": the
    // attack whose noun the object of a verdict or a claim is.
    let attack_at = |at: usize| {
        let at = if matches!(ctx.low(at), "the" | "this" | "that" | "these" | "those" | "its" | "their") {
            at + 1
        } else {
            at
        };
        // (Over a time's possessive too: "this week's strikes".)
        let time = ctx.is(at, word::TIME_NOUN) && ctx.low(at + 1) == "'s";
        let at = if time { at + 2 } else { at };
        cands
            .iter()
            .find(|c| {
                c.etype == Some(EventType::Attack)
                    && c.trigger.start >= at
                    && c.trigger.start <= at + 2
                    && (at..c.trigger.start).all(|k| ctx.is_lower_word(k) && ctx.head(k).is_none())
            })
            .map(|c| c.trigger.clone())
    };
    let verdict_on: Vec<Option<Range<usize>>> = verdicts.iter().map(|v| attack_at(v.3)).collect();
    let claim_on: Vec<Option<Range<usize>>> = claims.iter().map(|c| attack_at(c.2)).collect();
    // "jets struck weapons sites and air defences": an interception noun in the object of
    // an attack is what was hit, not an interception.
    let attacks: Vec<usize> =
        cands.iter().filter(|c| c.etype == Some(EventType::Attack)).map(|c| c.trigger.end).collect();
    cands.retain(|c| {
        let e = c.trigger.end;
        // A noun with no verb of its own after it.
        let object = e >= ctx.range.end || ctx.is(e, word::PREPOSITION) || ctx.kind(e) == Some(TokenKind::Punct);
        c.etype != Some(EventType::Interception)
            || !object
            || !attacks.iter().any(|&a| a <= c.trigger.start && (a..c.trigger.start).all(|k| !ctx.clause_break(k)))
    });
    // No actor attacks, sanctions or meets itself: a target that is an agent is a misread
    // reference ("fired a missile off its coast").
    for c in &mut cands {
        let agents = &c.agents;
        c.targets.retain(|(e, _)| !agents.contains(e));
    }
    // "blacklisted 16 individuals and five entities in Belarus": a sanction has no place;
    // the state its targets are in is what it targets.
    for c in &mut cands {
        if c.etype == Some(EventType::Sanction) && c.targets.is_empty() && !c.agents.is_empty() {
            if let Some(p) = c.place.filter(|&p| ctx.etype(p) == EntityType::Country) {
                c.targets.push((p, true));
                c.place = None;
            }
        }
    }
    // "Two children were killed in the strikes": a definite event noun with nothing of its
    // own refers back to the attack of the sentences before (of the paragraph, else of the
    // document), which takes its casualties; "The offensive took place in X" gives that
    // attack its place when it has none.
    let from_document: [usize; 1];
    let mut previous = previous;
    let in_paragraph = previous.iter().copied().find(|&e| out.events[e].etype == EventType::Attack);
    let mut referred_to = None;
    if let Some(e) = in_paragraph.or(last_attack) {
        let mut referred = false;
        let mut carried_out = Vec::new();
        cands.retain(|c| {
            let definite = definite_before(ctx, c.trigger.start) || ranked(ctx, c.trigger.start);
            // "A drone struck Aden. The attack was carried out by the Houthis.": who carried
            // out the attack referred to, when it names no one.
            let only_agents = c.targets.is_empty() && c.place.is_none() && !c.agents.is_empty();
            if c.etype == Some(EventType::Attack) && definite && only_agents && out.events[e].agent.is_none() {
                carried_out.push((c.agents[0], c.rule.clone()));
                referred = true;
                return false;
            }
            if c.etype != Some(EventType::Attack) || !definite || !c.agents.is_empty() || !c.targets.is_empty() {
                return true;
            }
            // (A verdict's object is the act referred to even with a place: "criticised the
            // attack and called for the hostages held in Gaza to be released".)
            let verdict_object = verdict_on.iter().any(|v| v.as_ref() == Some(&c.trigger));
            match c.place {
                None => {}
                Some(p) if out.events[e].place.is_none() => out.events[e].place = Some(p),
                Some(_) if verdict_object => {}
                Some(_) => return true,
            }
            referred = true;
            false
        });
        if let Some((x, rule)) = carried_out.into_iter().next() {
            attacker_of(ctx, out, e, x, &rule);
        }
        if referred && in_paragraph.is_none() {
            from_document = [e];
            previous = &from_document;
        }
        referred_to = referred.then_some(e);
    }
    // "The BLA claimed responsibility for the attack": the claimant attacked, in the
    // attack its object names, else in the attack referred to before.
    for ((x, rule, _), on) in claims.iter().zip(claim_on) {
        if let Some(c) = on.and_then(|t| cands.iter_mut().find(|c| c.trigger == t)) {
            if c.agents.is_empty() {
                c.agents.push(*x);
            }
            continue;
        }
        if let Some(e) = referred_attack(out, in_paragraph).filter(|&e| out.events[e].agent.is_none()) {
            attacker_of(ctx, out, e, *x, rule);
        }
    }
    // The verdict's act, in this sentence or (a definite noun referring back) before:
    // whoever carried it out is criticised.
    for ((speakers, p, rule, _), on) in verdicts.iter().zip(verdict_on) {
        let Some(trigger) = on else { continue };
        // The speakers and their states: no ministry condemns its own state's attack.
        let mut own: Vec<u32> = speakers.clone();
        own.extend(speakers.iter().filter_map(|&s| ctx.parent_country(s)));
        let authors = match cands.iter().find(|c| c.trigger == trigger) {
            Some(c) => c.agents.clone(),
            None => criticised_attack(out, in_paragraph, &own).and_then(|e| out.events[e].agent).into_iter().collect(),
        };
        for &a in &authors {
            for &s in speakers.iter().filter(|&&s| s != a) {
                out.relations.push(ctx.relation(s, *p, a, rule));
            }
        }
        // "The UN Security Council condemned this week's strikes on Doha. Israel carried
        // out the strike …": a report's first sentences may name the author after.
        if authors.is_empty() && ctx.si < 3 {
            pending.push(Verdict {
                speakers: speakers.clone(),
                own,
                predicate: *p,
                rule: rule.clone(),
                sentence: ctx.si,
            });
        }
    }
    let mut counts: Vec<Counts> = vec![Counts::default(); cands.len()];
    let is_attack = |c: &Candidate| matches!(c.etype, Some(EventType::Attack | EventType::Casualty));
    for cas in casualties(ctx) {
        // An earlier event right before the casualty word ("after an attack on tourists
        // killed 26 men"), else the sentence's first attack.
        // A place and a country are one attack's, the place the more precise ("killing 26
        // … near Pahalgam …, the deadliest attack on civilians in India").
        let finer = |c: &Candidate| match (c.place, cas.place) {
            (Some(a), Some(b)) => {
                let (ta, tb) = (ctx.etype(a), ctx.etype(b));
                ta == EntityType::Country && tb == EntityType::Place
                    || ta == EntityType::Place && tb == EntityType::Country
            }
            _ => false,
        };
        // A war's toll goes to an event noun of the war or of many attacks in its sentence
        // ("by Israeli attacks since …"), which it makes a Casualty event, and to no single
        // attack.
        let whole_war = war_toll(ctx, &cas);
        let of_war = |c: &Candidate| {
            let last = c.trigger.end.saturating_sub(1);
            !whole_war || ctx.is(last, word::WAR_NOUN) || ctx.low(last).ends_with('s')
        };
        let fits =
            |c: &Candidate| is_attack(c) && of_war(c) && (cas.place.is_none() || c.place == cas.place || finer(c));
        let attack = cands
            .iter()
            .rposition(|c| fits(c) && c.trigger.end <= cas.at && prior(ctx, c))
            .or_else(|| cands.iter().position(|c| fits(c) && !prior(ctx, c)))
            .or_else(|| cands.iter().position(fits));
        let unplaced = cands.iter().position(|c| is_attack(c) && of_war(c) && c.place.is_none());
        // "The RSF killed 100 people in attacks on the camp": a named actor killing is the
        // attacker.
        let killer = cas
            .active
            .then(|| ctx.subject(cas.at, false))
            .flatten()
            // Right before the verb (past an acronym's parenthesis: "the Rapid Support
            // Forces (RSF) killed"), not across an event noun ("after an attack on tourists
            // killed 26") nor a participle's ("exploded across Lebanon and Syria, killing
            // 12").
            .filter(|&m| {
                let from = ctx.mention(m).end as usize;
                !ctx.low(cas.at).ends_with("ing")
                    && (from..cas.at).all(|x| ctx.is_lower_word(x) || ctx.low(x) == ")")
                    && !cands.iter().any(|c| c.trigger.start >= from && c.trigger.end <= cas.at)
            })
            .and_then(|m| ctx.entity(m, true))
            .filter(|&e| matches!(ctx.etype(e), EntityType::Country | EntityType::Organisation));
        let placed = |i: usize, counts: &mut Vec<Counts>, cands: &mut Vec<Candidate>| {
            let cnt = &mut counts[i];
            if add_casualty(&mut cnt.killed, &mut cnt.injured, &cas) && cands[i].agents.is_empty() {
                cands[i].agents.extend(killer);
            }
        };
        let chosen = match (cas.place, attack, unplaced) {
            (_, Some(i), _)
                if {
                    let c = counts[i];
                    match cas.kind {
                        CasualtyKind::Killed => c.killed.is_none(),
                        CasualtyKind::Injured => c.injured.is_none(),
                    }
                } =>
            {
                if cands[i].place.is_some_and(|p| ctx.etype(p) == EntityType::Country) {
                    if let Some(p) = place_within(ctx, &cas) {
                        cands[i].place = Some(p);
                    }
                } else if cands[i].place.is_none() {
                    // "On Saturday in Forbury Gardens in Reading, …, a mass stabbing killed
                    // three people": where the sentence opens.
                    cands[i].place = place_within(ctx, &cas).or_else(|| fronted_place(ctx));
                }
                placed(i, &mut counts, &mut cands);
                Some(i)
            }
            (Some(p), _, Some(i)) => {
                cands[i].place = Some(p);
                placed(i, &mut counts, &mut cands);
                Some(i)
            }
            (Some(p), _, None) if !whole_war && cands.iter().any(is_attack) => {
                // Another place hit in the same attack: a separate event with the same agent.
                let Some(model) = cands.iter().find(|c| is_attack(c)).cloned() else {
                    continue;
                };
                let mut c = Candidate { place: Some(p), more_places: Vec::new(), count: None, ..model };
                c.rule = format!("{}+casualties", c.rule).into();
                cands.push(c);
                counts.push(Counts::default());
                let last = cands.len() - 1;
                placed(last, &mut counts, &mut cands);
                Some(last)
            }
            _ => {
                // No attack in this sentence: the previous sentence's attack (of the
                // paragraph, or the one right before it: "… ambushed a patrol near Banjska.
                // ¶ One officer was killed"), or a new one.
                let open = |e: usize| {
                    let ev = &out.events[e];
                    ev.etype == EventType::Attack
                        && match cas.kind {
                            CasualtyKind::Killed => ev.killed.is_none(),
                            CasualtyKind::Injured => ev.injured.is_none(),
                        }
                };
                // (Only a toll told in the passive without a cause of its own: not
                // "fired water cannon at boats, injuring four crew members", nor "were
                // injured when two explosions struck near a tower in Naqoura".)
                let adjacent = last_attack.filter(|&e| {
                    previous.is_empty()
                        && !cas.active
                        && out.events[e].sentence + 1 == ctx.si
                        && place_of_cause(ctx, cas.at).is_none()
                        && fronted_place(ctx).is_none()
                });
                let prev = previous.iter().copied().find(|&e| open(e)).or(adjacent.filter(|&e| open(e)));
                // "said the strikes killed 26 people and wounded 46 at six locations": the
                // toll of the attack the definite noun refers to, wherever it was counted;
                // told again, it is no new attack.
                let referred = referred_to.filter(|_| !whole_war);
                let told_again = referred.is_some_and(|e| {
                    let ev = &out.events[e];
                    match cas.kind {
                        CasualtyKind::Killed => ev.killed == Some(cas.count),
                        CasualtyKind::Injured => ev.injured == Some(cas.count),
                    }
                });
                if told_again {
                    None
                } else if let (Some(e), true, false) = (prev, cas.place.is_none() || referred.is_some(), whole_war) {
                    let ev = &mut out.events[e];
                    add_casualty(&mut ev.killed, &mut ev.injured, &cas);
                    None
                } else {
                    // Where: "killed when shells landed on a camp near Goma".
                    let violent = killer.is_some() || violent_cause(ctx, cas.at, cas.active);
                    cands.push(Candidate {
                        etype: Some(if violent && !whole_war { EventType::Attack } else { EventType::Casualty }),
                        place: cas
                            .place
                            .or_else(|| place_of_cause(ctx, cas.at))
                            .or_else(|| fronted_place(ctx))
                            .or_else(|| subject_place(ctx, &cas)),
                        trigger: ctx.range.start..ctx.range.start + 1,
                        rule: "casualties".into(),
                        ..Default::default()
                    });
                    counts.push(Counts::default());
                    let last = cands.len() - 1;
                    placed(last, &mut counts, &mut cands);
                    Some(last)
                }
            }
        };
        let Some(i) = chosen else { continue };
        if whole_war {
            cands[i].etype = Some(EventType::Casualty);
        }
        // A toll of no attack, placed by nothing else: where its victims are from, else
        // the country whose body reports it, else where the paragraph's toll before it
        // was counted ("… killed in Israeli attacks on Gaza, the ministry said. At least 71
        // people were killed in the past 24 hours."), else, for a war's, the dateline's
        // country.
        if cands[i].etype == Some(EventType::Casualty) && cands[i].place.is_none() {
            let toll_before = || {
                let tolls = previous.iter().rev().map(|&e| &out.events[e]);
                tolls.filter(|e| e.etype == EventType::Casualty).find_map(|e| e.place)
            };
            cands[i].place = victims_country(ctx, &cas)
                .or_else(|| reporter_country(ctx, &cas))
                .or_else(toll_before)
                .or_else(|| whole_war.then(|| dateline_country(ctx)).flatten());
        }
    }

    for (c, n) in cands.iter().zip(&counts) {
        emit(ctx, c, *n, date, out);
    }
    out.relations.extend(relations);

    // Statements: one per span; a speaker's overlapping spans keep the longer one.
    // "“What is so sad for me,” Cengiz said, “is not seeing …”": the two parts of a
    // quotation its attribution splits are one statement, its text the two parts' joined
    // by the comma that split them.
    // Each span with, when joined, its first part's end and its second part.
    type Joined = Option<(usize, Range<usize>)>;
    let mut said: Vec<(Said, Joined)> = said.into_iter().map(|s| (s, None)).collect();
    for j in 1..said.len() {
        let (head, tail) = said.split_at_mut(j);
        let b = &tail[0].0;
        let continues = b.quoted && ctx.is_lower_word(b.tokens.start);
        if let Some((a, rest)) = head.iter_mut().find(|(a, rest)| {
            continues
                && rest.is_none()
                && a.quoted
                && a.trigger == b.trigger
                && a.speakers == b.speakers
                && a.tokens.end < b.tokens.start
        }) {
            *rest = Some((a.tokens.end, b.tokens.clone()));
            a.tokens.end = b.tokens.end;
            tail[0].0.speakers.clear();
        }
    }
    said.retain(|(s, _)| !s.speakers.is_empty());
    said.sort_by_key(|(s, _)| std::cmp::Reverse(s.tokens.end - s.tokens.start));
    let mut kept: Vec<(Vec<u32>, Range<usize>)> = Vec::new();
    for (s, rest) in said {
        let overlap = kept.iter().any(|(sp, r)| {
            sp.iter().any(|x| s.speakers.contains(x)) && r.start < s.tokens.end && s.tokens.start < r.end
        });
        if overlap {
            continue;
        }
        let text = match &rest {
            Some((end, r)) => {
                let mut text = clean(ctx.doc.span_text(s.tokens.start, *end));
                text.push_str(", ");
                text.push_str(&clean(ctx.doc.span_text(r.start, r.end)));
                text
            }
            None => clean(ctx.doc.span_text(s.tokens.start, s.tokens.end)),
        };
        if text.split_whitespace().next().is_none() {
            continue;
        }
        kept.push((s.speakers.clone(), s.tokens.clone()));
        let idx = out.statements.len() as u32;
        out.statements.push(Statement {
            text,
            sentence: ctx.si,
            tokens: s.tokens.start as u32..s.tokens.end as u32,
            quoted: s.quoted,
        });
        for &sp in &s.speakers {
            out.relations.push(Relation {
                subject: sp,
                predicate: Predicate::Said,
                object: RelObject::Statement(idx),
                role: None,
                sentence: ctx.si,
                rule: s.rule.clone(),
                confidence: if s.quoted { 0.85 } else { 0.75 },
            });
        }
        // "alleged that Al-Qaeda terrorist groups were responsible for the killings": whom
        // a statement holds responsible, its speakers accuse.
        for k in s.tokens.start + 1..s.tokens.end {
            let held = ctx.low(k) == "responsible"
                && ctx.low(k + 1) == "for"
                && matches!(ctx.low(k - 1), "was" | "were" | "is" | "are" | "been");
            let Some(m) = held.then(|| ctx.subject(k - 1, false)).flatten() else { continue };
            if (ctx.mention(m).start as usize) < s.tokens.start {
                continue;
            }
            for e in ctx.arg_entities(m, true) {
                for &sp in s.speakers.iter().filter(|&&sp| sp != e && ctx.etype(e) != EntityType::Place) {
                    out.relations.push(ctx.relation(sp, Predicate::Accused, e, &s.rule));
                }
            }
        }
        // A person's statement is an event too (what an official says is news; the
        // document's clean-up keeps the first of each speaker); an organisation's or a
        // state's only when the text names the act.
        let person = s.speakers.first().is_some_and(|&sp| ctx.etype(sp) == EntityType::Person);
        if (s.event || person) && !stated(out, ctx.si, s.speakers.first().copied()) {
            out.events.push(Event {
                etype: EventType::Statement,
                agent: s.speakers.first().copied(),
                target: None,
                place: statement_place(ctx, &s.tokens),
                killed: None,
                injured: None,
                count: None,
                launched: None,
                amount: None,
                date,
                sentence: ctx.si,
                trigger: s.trigger.start as u32..s.trigger.end as u32,
                rule: s.rule.clone(),
                confidence: 0.7,
            });
        }
    }
}

/// Whether sentence `si` already has a statement by `agent` ("He accused London of double
/// standards, saying …" is one statement).
fn stated(out: &Extraction, si: u32, agent: Option<u32>) -> bool {
    out.events
        .iter()
        .rev()
        .take_while(|e| e.sentence == si)
        .any(|e| e.etype == EventType::Statement && e.agent == agent)
}

/// `x` carried out event `e` of an earlier sentence, which named no one (a claim of it, or
/// "the attack was carried out by X"): its agent, and the attacker of its target or place.
fn attacker_of(ctx: &Sent, out: &mut Extraction, e: usize, x: u32, rule: &Arc<str>) {
    let ev = &mut out.events[e];
    ev.agent = Some(x);
    let object = ev.target.or(ev.place.filter(|&p| !ctx.is_water(p)));
    if let Some(o) = object.filter(|&o| o != x) {
        out.relations.push(ctx.relation(x, Predicate::Attacked, o, rule));
    }
}

/// The attack a definite noun after a claim or a verdict refers to ("the attack"): the
/// paragraph's, else the document's last with a place, a target or casualties (one with
/// nothing is no report of an attack: "evidence pointed to a suicide attack").
fn referred_attack(out: &Extraction, in_paragraph: Option<usize>) -> Option<usize> {
    let reported = |e: &&Event| e.place.is_some() || e.target.is_some() || e.has_counts();
    in_paragraph
        .filter(|&e| reported(&&out.events[e]))
        .or_else(|| out.events.iter().rposition(|e| e.etype == EventType::Attack && reported(&e)))
}

/// A verdict on an act whose author a report's first sentences have not named yet.
pub(super) struct Verdict {
    speakers: Vec<u32>,
    /// The speakers and their states, whose own act is not the one they condemn.
    own: Vec<u32>,
    predicate: Predicate,
    rule: Arc<str>,
    sentence: u32,
}

/// The verdicts of a report's opening on the first attack with an author in the
/// sentences right after them.
pub(super) fn settle_verdicts(pending: &[Verdict], out: &mut Extraction) {
    for v in pending {
        let after = |e: &&Event| e.sentence > v.sentence && e.sentence <= v.sentence + 2;
        let Some(a) = out
            .events
            .iter()
            .filter(after)
            .find(|e| e.etype == EventType::Attack && e.agent.is_some_and(|a| !v.own.contains(&a)))
            .and_then(|e| e.agent)
        else {
            continue;
        };
        for &s in &v.speakers {
            out.relations.push(Relation {
                subject: s,
                predicate: v.predicate,
                object: RelObject::Entity(a),
                role: None,
                sentence: v.sentence,
                rule: v.rule.clone(),
                confidence: 0.75,
            });
        }
    }
}

/// The attack a verdict's definite noun refers to ("condemned the attack"): the
/// paragraph's if its author is known, else the document's first with an author, which a
/// report opens with (a later one is more often background: "when it killed Osama bin
/// Laden in 2011"). Attacks by the speakers or their states (`own`) are passed over.
fn criticised_attack(out: &Extraction, in_paragraph: Option<usize>, own: &[u32]) -> Option<usize> {
    let by_other = |e: &Event| e.agent.is_some_and(|a| !own.contains(&a));
    in_paragraph
        .filter(|&e| by_other(&out.events[e]))
        .or_else(|| out.events.iter().position(|e| e.etype == EventType::Attack && by_other(e)))
}

/// A statement's text without the spaces, final punctuation and quotation marks around
/// it; a quotation mark that another inside the text closes or opens stays ("\"no
/// compromise\" had been found").
fn clean(s: &str) -> String {
    let quote = |c: char| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}');
    let tidy = |t: &str| t.trim_matches([' ', '\n']).trim_end_matches(['.', ',', ';', ':', ' ']).to_owned();
    let mut t = tidy(s);
    loop {
        let (starts, ends) = (t.chars().next().is_some_and(quote), t.chars().next_back().is_some_and(quote));
        if !starts && !ends {
            break;
        }
        // (Quotation marks counted only when the text does not open and close with them.)
        let paired = || quotation_marks(&t).is_multiple_of(2);
        let cut = match (starts, ends) {
            (true, true) if t.chars().nth(1).is_some() => (1, 1),
            (true, _) if !paired() => (1, 0),
            (_, true) if !paired() => (0, 1),
            _ => break,
        };
        let from = t.char_indices().nth(cut.0).map_or(t.len(), |(i, _)| i);
        let to = if cut.1 == 1 { t.char_indices().next_back().map_or(from, |(i, _)| i) } else { t.len() };
        t = tidy(&t[from..to.max(from)]);
    }
    t
}

/// The number of quotation marks of [`clean`] in `t` (", “, ”, «, »), counted on its
/// bytes rather than its decoded characters: in UTF-8, E2 and C2 start a character, so
/// E2 80 9C, E2 80 9D, C2 AB and C2 BB are those marks alone.
fn quotation_marks(t: &str) -> usize {
    let b = t.as_bytes();
    let mut n = 0;
    for (i, &x) in b.iter().enumerate() {
        n += match x {
            b'"' => 1,
            0xE2 => usize::from(b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D))),
            0xC2 => usize::from(matches!(b.get(i + 1), Some(0xAB | 0xBB))),
            _ => 0,
        };
    }
    n
}

fn emit(ctx: &Sent, c: &Candidate, n: Counts, date: Option<Date>, out: &mut Extraction) {
    let agent = c.agents.first().copied();
    let event = |target: Option<u32>, place: Option<u32>| Event {
        etype: c.etype.unwrap_or(EventType::Other),
        agent,
        target,
        place,
        killed: n.killed,
        injured: n.injured,
        count: c.count,
        launched: c.launched,
        amount: c.amount.clone(),
        date,
        sentence: ctx.si,
        trigger: c.trigger.start as u32..c.trigger.end as u32,
        rule: c.rule.clone(),
        confidence: 0.7,
    };
    if c.etype.is_some() {
        if c.per_target && !c.targets.is_empty() {
            for &(t, _) in &c.targets {
                let place = (ctx.etype(t) == EntityType::Place).then_some(t);
                let target = if place.is_some() { None } else { Some(t) };
                out.events.push(event(target, place.or(c.place)));
            }
        } else if !(c.etype == Some(EventType::Statement) && stated(out, ctx.si, agent)) {
            out.events.push(event(c.targets.first().map(|t| t.0), c.place));
        }
    }
    let Some(p) = c.predicate else { return };
    let named_targets: Vec<u32> = c.targets.iter().filter(|t| t.1).map(|t| t.0).collect();
    let objects: Vec<u32> = match p {
        Predicate::Attacked => {
            if !named_targets.is_empty() {
                named_targets
            } else if let Some(pl) = c.place.filter(|&pl| !ctx.is_water(pl)) {
                let mut v = vec![pl];
                v.extend(c.more_places.iter().filter(|&&p| p != pl && !ctx.is_water(p)));
                v
            } else {
                c.targets.iter().map(|t| t.0).collect()
            }
        }
        Predicate::Captured | Predicate::DeployedTo => {
            let mut v: Vec<u32> = c.targets.iter().map(|t| t.0).collect();
            if v.is_empty() {
                v.extend(c.place);
            }
            v
        }
        // Money given by a state or an organisation that names no recipient goes to the
        // country the document is about ("Japan announced $3 million in emergency aid").
        Predicate::Aided if c.targets.is_empty() && c.amount.is_some() => {
            ctx.focus.filter(|_| c.agents.iter().all(|&a| ctx.etype(a) != EntityType::Person)).into_iter().collect()
        }
        _ => c.targets.iter().map(|t| t.0).collect(),
    };
    for &a in &c.agents {
        for &o in &objects {
            if a != o {
                out.relations.push(ctx.relation(a, p, o, &c.rule));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_counted_on_bytes() {
        let quote = |c: char| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}');
        for t in [
            "",
            "\"no compromise\" had been found",
            "\u{201C}We will not stop,\u{201D} he said",
            "\u{00AB}non\u{00BB} \u{201E}ja\u{201C} \u{2018}x\u{2019} \u{201A}",
            "\u{00AA}\u{00AC}\u{00BA}\u{00BC} \u{2019}\u{201B}\u{201F}\u{209C}\u{0D1C}",
            "Kyiv \u{2014} \u{201C}\u{201D}\"",
        ] {
            assert_eq!(quotation_marks(t), t.chars().filter(|&c| quote(c)).count(), "{t}");
        }
    }
}
