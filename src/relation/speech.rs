//! Reported speech and quotation: "X said (that) ...", "“...,” X said", "..., X said",
//! "according to X", "X described Y as Z".

use super::frames::{is_quote_token, opens_verdict_object, Found, Said};
use super::{word, Sent};
use crate::data::{EntityType, Frame, Predicate, TitleKind, Trigger, TriggerPos, WordClass};
use crate::mention::{Form, Pronoun, Referent};
use crate::text::number::parse_quantity;
use crate::text::TokenKind;
use std::ops::Range;
use std::sync::Arc;

/// Words after a trailing attribution ("..., X said, citing ...").
pub(super) const AFTER_ATTRIBUTION: &[&str] = &[
    "citing",
    "adding",
    "according",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "late",
    "earlier",
    "as",
    "while",
    "amid",
    "when",
    "because",
    "although",
    "though",
    "following",
];
/// Words that are an adjunct of time by themselves ("said yesterday", "said late on
/// Sunday"), besides the days of the week.
const TIME_ADVERBS: &[&str] = &["late", "early", "earlier", "later", "yesterday", "today", "tonight", "again"];
const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Words that open an adjunct of time when a day or a [`TIME_WORDS`] follows ("said this
/// week", "said on Friday", "said last Friday").
const TIME_OPENERS: &[&str] = &["on", "this", "last", "next"];
const TIME_WORDS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "winter",
];
/// Tensed auxiliaries: one inside what follows a speech verb starts a clause, the content
/// ("said in the past Russia had launched ...").
const TENSED: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "may", "might", "must",
    "should", "did", "does", "do",
];

/// The end of an adjunct of time starting at `k` ("late on Sunday", "last week",
/// "yesterday evening"), if one does.
fn time_adjunct_end(ctx: &Sent, k: usize) -> Option<usize> {
    let mut j = k;
    while TIME_ADVERBS.contains(&ctx.low(j)) {
        j += 1;
    }
    if TIME_OPENERS.contains(&ctx.low(j)) && (DAYS.contains(&ctx.low(j + 1)) || TIME_WORDS.contains(&ctx.low(j + 1))) {
        j += 2;
    } else if DAYS.contains(&ctx.low(j)) {
        j += 1;
    }
    while TIME_WORDS.contains(&ctx.low(j)) {
        j += 1;
    }
    (j > k).then_some(j)
}

/// What stands between a speech verb (or its addressee) at `k` and its content: adjuncts
/// of time and place ("said on Sunday that ...", "said last week the talks ...", "told
/// reporters in Ankara that ...", "said in a statement: ..."). `Some(j)`: the content
/// starts at `j` (at the first adjunct of place when the words after it read as the
/// content itself: "said in the past Russia had launched ..."). `None`: adjuncts only, up
/// to the end of the sentence ("..., Netanyahu said at a news conference in Jerusalem.").
fn after_adjuncts(ctx: &Sent, mut k: usize, stop: usize) -> Option<usize> {
    while let Some(e) = time_adjunct_end(ctx, k) {
        k = e;
    }
    if k >= stop {
        return None;
    }
    if !ctx.is(k, word::PREPOSITION) || matches!(ctx.low(k), "according" | "to" | "than" | "like") {
        return Some(k);
    }
    for j in k + 1..stop.min(k + 14) {
        let low = ctx.low(j);
        if matches!(low, "that" | ":" | ",") || is_quote_token(ctx, j) {
            return Some(j);
        }
        // A participle before a preposition modifies the noun before it ("said in a video
        // posted on social media that …"); one after a preposition or a determiner, the
        // noun after it ("said in televised remarks").
        let verb = TENSED.contains(&low)
            || ctx.is_lower_word(j)
                && low.ends_with("ed")
                && !ctx.is(j + 1, word::PREPOSITION)
                && !ctx.is(j - 1, word::PREPOSITION)
                && !matches!(ctx.low(j - 1), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our");
        if verb {
            return Some(k);
        }
    }
    if stop <= k + 14 {
        None
    } else {
        Some(k)
    }
}

/// Whether a clause of saying with its own named subject starts at token `k`: a few
/// lowercase words ("the disaster agency"), a name, then a verb of saying and more than a
/// full stop ("AFAD said nine people died").
fn speaker_clause(ctx: &Sent, k: usize) -> bool {
    let mut x = k;
    while x < (k + 4).min(ctx.range.end) && ctx.head(x).is_none() && ctx.is_lower_word(x) {
        x += 1;
    }
    let Some(mut m) = ctx.head(x) else { return false };
    // "…, while Russia's deputy ambassador Dmitry Polyanskiy said …": over a possessor
    // and the title it qualifies, to the name.
    if ctx.is_possessor(m) {
        let mut y = ctx.mention(m).end as usize + 1;
        while y < (x + 8).min(ctx.range.end) && ctx.head(y).is_none() && ctx.is_lower_word(y) {
            y += 1;
        }
        match ctx.head(y) {
            Some(n) => m = n,
            None => return false,
        }
    }
    let v = ctx.mention(m).end as usize;
    ctx.entity(m, false).is_some()
        && speech_verb(ctx, v)
        && v + 1 < ctx.range.end
        && !matches!(ctx.kind(v + 1), Some(TokenKind::Punct))
}

/// Whether the word at `v` is a verb of speech or description.
pub(super) fn speech_verb(ctx: &Sent, v: usize) -> bool {
    if !ctx.is(v, word::TRIGGER_START) {
        return false;
    }
    let low = ctx.low(v);
    ctx.data
        .lexicon
        .triggers
        .iter()
        .any(|t| matches!(t.frame, Frame::Speech | Frame::Describe) && t.forms.iter().any(|f| f == low))
}

/// Whether the words from `k` (before `stop`) read as a clause, what a verb of saying
/// before them says: "that", a subject pronoun ("[said] it violated …"), or a tensed
/// auxiliary within a few words before any comma ("[said] British forces had played a
/// part", not "[emphasized] the need for talks").
fn says_clause(ctx: &Sent, k: usize, stop: usize) -> bool {
    matches!(ctx.low(k), "that" | "it" | "he" | "she" | "they" | "we" | "i")
        || (k..stop.min(k + 6)).take_while(|&j| ctx.low(j) != ",").any(|j| TENSED.contains(&ctx.low(j)))
}

/// Whether the mention `m` after a verb of saying is the subject of what was said rather
/// than an inverted speaker: a verb follows it, past any nouns it modifies ("said RSF
/// fighters stormed …", "said a French frigate had rescued …"), not "said Kremlin
/// spokesman Dmitry Peskov".
fn opens_clause(ctx: &Sent, m: usize) -> bool {
    let from = ctx.mention(m).end as usize;
    for k in from..from + 3 {
        let low = ctx.low(k);
        if !ctx.is_lower_word(k) || ctx.head(k).is_some() || ctx.is(k, word::PREPOSITION | word::CLAUSE_WORD) {
            return false;
        }
        if TENSED.contains(&low) || low.ends_with("ed") {
            return true;
        }
    }
    false
}

/// Whether the verb at `i` has a common noun for its subject, right before it (past
/// auxiliaries): "residents said", "local officials said", not "Russian officials said"
/// (a demonym for a country) nor "the ministry said" (a mention).
fn common_noun_subject(ctx: &Sent, i: usize) -> bool {
    let mut k = i;
    while k > ctx.range.start && ctx.is(k - 1, word::AUXILIARY) {
        k -= 1;
    }
    let plain = |x: usize| {
        ctx.is_lower_word(x)
            && ctx.head(x).is_none()
            && !ctx.is(x, word::PREPOSITION)
            && !ctx.is(x, word::CLAUSE_WORD)
            && !matches!(ctx.low(x), "and" | "or" | "who" | "which" | "that")
    };
    if k == ctx.range.start || !plain(k - 1) || ctx.low(k - 1).ends_with("ly") {
        return false;
    }
    let mut j = k - 1;
    while j > ctx.range.start && plain(j - 1) {
        j -= 1;
    }
    j == ctx.range.start || ctx.low(j - 1) == ","
}

/// The possessor of a noun of demand `[i, end)` ("Canada's call for", "its appeal for"),
/// who says what it demands (not of "Russia's statement was clear").
fn noun_possessor(ctx: &Sent, t: &Trigger, i: usize, end: usize) -> Option<usize> {
    if t.pos != TriggerPos::Noun || ctx.low(end.wrapping_sub(1)) != "for" {
        return None;
    }
    if ctx.low(i.wrapping_sub(1)) == "'s" {
        return ctx.head(i.wrapping_sub(2)).filter(|&m| ctx.is_possessor(m));
    }
    let pronoun = matches!(ctx.low(i.wrapping_sub(1)), "its" | "their" | "his" | "her");
    ctx.head(i.wrapping_sub(1)).filter(|&m| pronoun && ctx.mention(m).form == Form::Pronoun)
}

/// Who speaks through the office, spokesperson or correspondent named before the verb at
/// `i` ("Netanyahu's office said", "Al Jazeera's correspondent said"): the possessor's
/// mention.
fn spokes_possessor(ctx: &Sent, i: usize) -> Option<usize> {
    let mut k = i;
    while k > ctx.range.start && ctx.is(k - 1, word::AUXILIARY) {
        k -= 1;
    }
    let proxy = matches!(
        ctx.low(k.wrapping_sub(1)),
        "office" | "spokesman" | "spokeswoman" | "spokesperson" | "aides" | "correspondent" | "reporter"
    );
    let m = ctx.head(k.wrapping_sub(3)).filter(|_| proxy && ctx.low(k - 2) == "'s")?;
    ctx.is_possessor(m).then_some(m)
}

/// The person a title names after "according to" (at `from`): over the title and whose
/// it is, set off by a comma ("according to the Minister of Defence of Belarus, Viktor
/// Khrenin,") or not ("according to Belarus's First Deputy Defence Minister Viktor
/// Gulevich").
fn titled_person_after(ctx: &Sent, from: usize) -> Option<usize> {
    let person = |m: usize| ctx.entity(m, false).is_some_and(|e| ctx.etype(e) == EntityType::Person);
    let titled = |k: usize| {
        ctx.head(k).is_some()
            || matches!(ctx.low(k), "of" | "the" | "'s")
            || ctx.doc.tokens[k].is_capitalised() && ctx.kind(k) == Some(TokenKind::Word)
    };
    // A capitalised word that names nothing: a title's ("Minister", "Deputy").
    let mut title = false;
    let mut k = from;
    while k < ctx.range.end && k < from + 12 && titled(k) {
        match ctx.head(k).filter(|&m| ctx.entity(m, false).is_some()) {
            Some(m) if person(m) => return (title && k > from).then_some(m),
            Some(m) => k = ctx.mention(m).end as usize,
            None => {
                title |= ctx.doc.tokens[k].is_capitalised() && ctx.low(k) != "the";
                k += 1;
            }
        }
    }
    if !title || k >= ctx.range.end || ctx.low(k) != "," {
        return None;
    }
    let m = (k + 1..(k + 4).min(ctx.range.end)).find_map(|x| ctx.head(x))?;
    let after = ctx.mention(m).end as usize;
    (person(m) && ctx.mention(m).np_start as usize == k + 1 && ctx.low(after) == ",").then_some(m)
}

/// The author of the act named in a verb's object `[end, stop)`: the name after its "by"
/// (over "the government of", "forces of"), in the object's first clause.
fn act_by(ctx: &Sent, end: usize, stop: usize) -> Option<usize> {
    let stop = stop.min(ctx.range.end).min(end + 10);
    let by = (end..stop).take_while(|&k| !ctx.clause_break(k)).find(|&k| ctx.low(k) == "by")?;
    let mut k = by + 1;
    while k < stop && ctx.head(k).is_none() && ctx.is_lower_word(k) && k < by + 5 {
        k += 1;
    }
    let m = ctx.head(k)?;
    ctx.entity(m, false).is_some_and(|e| ctx.etype(e) != EntityType::Place).then_some(m)
}

fn closing_quote_at(ctx: &Sent, i: usize) -> bool {
    ctx.kind(i).is_some_and(|k| matches!(k, TokenKind::CloseQuote | TokenKind::Quote))
}

/// The quotation ending at the closing quote `close`: the token range inside it.
fn quote_before(ctx: &Sent, close: usize) -> Option<Range<usize>> {
    let mut k = close;
    while k > ctx.range.start {
        k -= 1;
        if ctx.kind(k).is_some_and(|t| matches!(t, TokenKind::OpenQuote | TokenKind::Quote)) {
            return (k + 1 < close).then_some(k + 1..close);
        }
    }
    None
}

/// The quotation starting at the opening quote `open`.
fn quote_after(ctx: &Sent, open: usize) -> Option<Range<usize>> {
    for k in open + 1..ctx.range.end {
        if ctx.kind(k).is_some_and(|t| matches!(t, TokenKind::CloseQuote | TokenKind::Quote)) {
            return (open + 1 < k).then_some(open + 1..k);
        }
    }
    None
}

/// A sentence that is one quotation and nothing else, after a sentence that quoted
/// `speaker`: the speaker's words go on ("“…,” Petro said. “We want a truce so that …”").
pub(super) fn continued_quote(ctx: &Sent, speaker: u32, rule: &Arc<str>) -> Option<Said> {
    let open = ctx.content_start;
    if !matches!(ctx.kind(open), Some(TokenKind::OpenQuote | TokenKind::Quote)) {
        return None;
    }
    let inside = quote_after(ctx, open)?;
    let rest_is_punctuation = (inside.end + 1..ctx.range.end).all(|k| ctx.kind(k) == Some(TokenKind::Punct));
    rest_is_punctuation.then(|| Said {
        speakers: vec![speaker],
        tokens: inside,
        quoted: true,
        rule: rule.clone(),
        event: false,
        trigger: open..open + 1,
    })
}

/// A quotation after a colon that ends the sentence, in a sentence no verb of saying
/// attributes: the words of the main clause's subject ("In his message, he appreciated
/// Soleimani's lifepath: “He was a stellar example …”").
pub(super) fn colon_quote(ctx: &Sent, rule: &Arc<str>) -> Option<Said> {
    let colon = (ctx.content_start..ctx.range.end).find(|&k| ctx.is_byte(k, b':'))?;
    let open = colon + 1;
    if !matches!(ctx.kind(open), Some(TokenKind::OpenQuote | TokenKind::Quote)) || ctx.is_quoted(colon) {
        return None;
    }
    let inside = quote_after(ctx, open)?;
    let rest_is_punctuation = (inside.end + 1..ctx.range.end).all(|k| ctx.kind(k) == Some(TokenKind::Punct));
    let speaker = ctx.clause_subject(colon)?;
    let speakers: Vec<u32> = ctx
        .expand(speaker, true)
        .into_iter()
        .filter(|&e| matches!(ctx.etype(e), EntityType::Person | EntityType::Organisation | EntityType::Country))
        .collect();
    (rest_is_punctuation && !speakers.is_empty()).then(|| Said {
        speakers,
        tokens: inside,
        quoted: true,
        rule: rule.clone(),
        event: false,
        trigger: colon..open,
    })
}

/// The start of the noun phrase starting at `np`, back over an article before it.
fn before_determiner(ctx: &Sent, mut np: usize) -> usize {
    while np > ctx.range.start && matches!(ctx.low(np - 1), "the" | "a" | "an") {
        np -= 1;
    }
    np
}

/// Whether what was said (`range`) is a verdict on a definite attack noun in words of
/// condemnation: "the attack was a \"flagrant violation\"", "that the strike was an
/// unprovoked act of aggression".
fn said_of_attack(ctx: &Sent, range: &Range<usize>) -> bool {
    let at = range.start;
    if !matches!(ctx.low(at), "the" | "this" | "that") {
        return false;
    }
    let Some(verb) = (at + 2..(at + 4).min(range.end)).find(|&k| matches!(ctx.low(k), "was" | "is" | "were" | "are"))
    else {
        return false;
    };
    (at + 1..verb).all(|k| ctx.is_lower_word(k) && ctx.head(k).is_none())
        && (verb + 1..range.end.min(verb + 8)).any(|k| ctx.is(k, word::CONDEMNATION))
}

/// The end of the sentence's content: before final punctuation.
fn content_end(ctx: &Sent) -> usize {
    let mut e = ctx.range.end;
    while e > ctx.range.start && matches!(ctx.low(e - 1), "." | "!" | "?" | "\u{2026}") {
        e -= 1;
    }
    e
}

/// At "saying" after "as" and the object of "cited" or "quoted" ("The BBC cited Budi
/// Gunawan, chief of …, as saying"): `Some` of the mention cited, `Some(None)` when no
/// mention is; `None` elsewhere.
fn cited_as_saying(ctx: &Sent, i: usize) -> Option<Option<usize>> {
    if ctx.low(i) != "saying" || ctx.low(i.wrapping_sub(1)) != "as" {
        return None;
    }
    let from = i.saturating_sub(24).max(ctx.range.start);
    let v = (from..i - 1)
        .rev()
        .find(|&k| matches!(ctx.low(k), "cited" | "cites" | "citing" | "quoted" | "quotes" | "quoting"))?;
    Some(ctx.head(v + 1).or_else(|| ctx.right_args(v + 1, 4).first().map(|(m, _)| *m)))
}

pub(super) fn speech(ctx: &Sent, t: &Trigger, i: usize, end: usize, found: &mut Found) {
    let describe = t.frame == Frame::Describe;
    // A verb inside a statement said with its verb ("condemned the attack and demanded
    // …") says nothing of its own.
    if found.said.iter().any(|s| !s.quoted && s.tokens.start == s.trigger.start && s.tokens.contains(&i)) {
        return;
    }
    // "The BBC cited X as saying …", "Reuters quoted an official as saying …": the one
    // cited says it, if an entity stands for them.
    let cited = cited_as_saying(ctx, i);
    if cited == Some(None) {
        return;
    }
    // "did not say he had ordered it", "declined to say": nothing was said.
    if matches!(ctx.low(i.wrapping_sub(1)), "not" | "never" | "n't")
        || ctx.low(i.wrapping_sub(1)) == "to" && matches!(ctx.low(i.wrapping_sub(2)), "declined" | "refused")
    {
        return;
    }
    // "saying", "adding": a continuation of the sentence's previous statement, else what
    // the subject of the clause said ("welcomed the deal, saying …").
    let continuation = found.said.iter().any(|s| s.trigger.start < i);
    if !describe
        && cited.is_none()
        && ctx.low(i).ends_with("ing")
        && ctx.low(i) != "according"
        && (continuation || !ctx.participle(i))
    {
        return;
    }
    if ctx.passive(i) {
        return;
    }
    // "added 140 companies to its list": "added" says only a clause, a quotation, or what
    // came before it.
    if matches!(ctx.low(i), "added" | "adds") {
        let stop = content_end(ctx);
        let said = end >= stop
            || matches!(ctx.low(end), "," | ":" | "that")
            || is_quote_token(ctx, end)
            || says_clause(ctx, end, stop)
            || time_adjunct_end(ctx, end).is_some();
        if !said {
            return;
        }
    }
    // "Blinken called Aliyev and urged him …", "Xi called South African President Cyril
    // Ramaphosa to congratulate him": a telephone call, not a description.
    if matches!(ctx.low(i), "called" | "calls") && end == i + 1 {
        if let Some(mut m) = ctx.head(end) {
            if ctx.qualifies_person(m) {
                let person = (ctx.mention(m).end as usize..ctx.range.end).find_map(|k| ctx.head(k));
                m = person.unwrap_or(m);
            }
            let after = ctx.mention(m).end as usize;
            let w = ctx.low(after);
            if after >= ctx.range.end || matches!(w, "and" | "," | "." | "on" | "to" | "after" | "before" | "in") {
                return;
            }
        }
    }
    // "called the protest and refused to take their seats", "called elections for May": a
    // call that convened something, with no word of what it was called.
    if describe && matches!(ctx.low(i), "called" | "calls") {
        let k = if matches!(ctx.low(end), "the" | "a" | "an") { end + 1 } else { end };
        let after = ctx.low(k + 1);
        if ctx.is_lower_word(k)
            && ctx.head(k).is_none()
            && (k + 1 >= ctx.range.end || matches!(after, "and" | "," | "." | "for" | "in" | "on" | "to" | "after"))
        {
            return;
        }
    }
    // "a pact between Australia, the UK and the US, announced on 15 September 2021": a
    // participle after a comma with a date alone after it describes what came before.
    if ctx.low(i.wrapping_sub(1)) == "," && ctx.low(i).ends_with("ed") && matches!(ctx.low(end), "on" | "in") {
        let stop = content_end(ctx);
        let dated = end + 1 < stop
            && (end + 1..stop).all(|k| {
                ctx.kind(k) == Some(crate::text::TokenKind::Number)
                    || crate::text::date::month_number(ctx.low(k)).is_some()
                    || ctx.low(k) == ","
            });
        if dated {
            return;
        }
    }
    let according = t.lemma == "according to";
    // The speaker.
    let mut speaker;
    let mut inverted = false;
    if according {
        // (Before any comma: "according to MINUSMA, four Chadian soldiers …" is no
        // soldiers' word.)
        speaker = ctx
            .right_args(end, 6)
            .first()
            .map(|(m, _)| *m)
            .filter(|&m| (end..ctx.mention(m).np_start as usize).all(|k| ctx.low(k) != ","));
        // "according to the UN refugee agency, UNHCR": the name in apposition to a noun
        // that the first name only qualifies.
        if let Some(m) = speaker {
            let mut j = ctx.mention(m).end as usize;
            while ctx.is_lower_word(j) && !ctx.is(j, word::PREPOSITION | word::CLAUSE_WORD) {
                j += 1;
            }
            if j > ctx.mention(m).end as usize && ctx.low(j) == "," {
                speaker = ctx.head(j + 1).or(speaker);
            }
        }
        speaker = titled_person_after(ctx, end).or(speaker);
    } else if let Some(Some(m)) = cited {
        speaker = Some(m);
    } else if let Some(m) = noun_possessor(ctx, t, i, end) {
        // "Canada's call for the release of activists", "renewed its call for a ceasefire".
        speaker = Some(m);
    } else {
        // "congratulated Trump on winning, saying …": a participle's speaker is the
        // clause's subject, not the object before it.
        let shared = ctx.coordinated(i) || ctx.participle(i);
        speaker = if shared { ctx.clause_subject(i) } else { ctx.subject(i, false) };
        if speaker.is_none() {
            let mut k = i;
            while k > ctx.range.start && ctx.is(k - 1, word::AUXILIARY) {
                k -= 1;
            }
            if ctx.low(k.wrapping_sub(1)) == "and" || ctx.participle(i) || describe && ctx.low(i).ends_with("ing") {
                speaker = ctx.clause_subject(i);
            } else if ctx.low(k.wrapping_sub(1)) == "who" && ctx.low(k.wrapping_sub(2)) == "," {
                // "…, U.S. Secretary of State Marco Rubio, who urged an immediate ceasefire,":
                // the person the relative clause is about.
                speaker = ctx.head(k - 3).filter(|&m| ctx.mention(m).form != Form::Pronoun);
            } else if k > ctx.range.start && (ctx.low(k - 1) == "," || closing_quote_at(ctx, k - 1)) {
                // "“...,” said Rutte", not "…, which has been in Haiti since June, said its
                // officers …" (a possessive after the verb begins what was said).
                // Nor "…, a network of volunteers, said RSF fighters stormed …": a clause.
                speaker = ctx.right_args(end, 5).into_iter().find(|(_, p)| p.is_none()).map(|(m, _)| m).filter(|&m| {
                    !matches!(ctx.low(ctx.mention(m).start as usize), "its" | "their" | "his" | "her")
                        && !opens_clause(ctx, m)
                });
                // "tweeted Mayor of London Sadiq Khan": a name whose title, over its "of",
                // opens the words after the verb.
                if speaker.is_none() {
                    speaker = ctx.right_args(end, 8).into_iter().map(|(m, _)| m).find(|&m| {
                        ctx.mention(m).np_start as usize == end
                            && ctx.entity(m, false).is_some_and(|e| ctx.etype(e) == EntityType::Person)
                    });
                }
                // "said UN refugee chief Filippo Grandi": the person the name's title is of.
                // "said the country's peace commissioner, Miguel Ceballos": past the
                // possessor's title and its comma.
                if let Some(m) = speaker {
                    let from = ctx.mention(m).end as usize;
                    let possessor = ctx.is_possessor(m);
                    let reach = if possessor { 8 } else { 4 };
                    // "said SARC President, Dr Abdulrahman Attar": a capitalised office's
                    // title after the body, a comma and an honorific.
                    let office = |k: usize| {
                        ctx.doc.tokens.get(k).is_some_and(|t| t.is_capitalised())
                            && ctx.data.lexicon.titles.iter().any(|t| {
                                t.kind == TitleKind::Office && !t.phrase.contains(' ') && *t.phrase == *ctx.low(k)
                            })
                    };
                    let titled = ctx.low(from + 1) == "," && office(from);
                    let person = (from..(from + reach).min(ctx.range.end))
                        .take_while(|&k| {
                            ctx.head(k).is_some()
                                || ctx.is_lower_word(k)
                                || ctx.low(k) == "-"
                                || possessor
                                    && (ctx.kind(k) == Some(TokenKind::Clitic)
                                        || ctx.low(k) == "," && ctx.head(k + 1).is_some())
                                || titled && (k <= from + 1 || k == from + 2 && ctx.doc.tokens[k].is_capitalised())
                        })
                        .find_map(|k| ctx.head(k).filter(|&p| p != m))
                        .filter(|&p| ctx.entity(p, false).is_some_and(|e| ctx.etype(e) == EntityType::Person));
                    speaker = person.or(speaker);
                }
                inverted = speaker.is_some();
            }
        }
    }
    // "Netanyahu's office said", "Hamas's spokesman said": the possessor speaks.
    let proxy = if speaker.is_none() && !according { spokes_possessor(ctx, i) } else { None };
    speaker = speaker.or(proxy);
    // "..., residents said": a common noun right before the verb is its subject; no
    // entity said it.
    if !according && !inverted && proxy.is_none() && cited.is_none() && common_noun_subject(ctx, i) {
        return;
    }
    let Some(sm) = speaker else { return };
    // "according to Indian media reports": the country's press, not its government.
    if according && ctx.mention(sm).form == Form::Demonym && ctx.is(ctx.mention(sm).end as usize, word::PRESS_NOUN) {
        return;
    }
    let mut speakers: Vec<u32> = ctx
        .expand(sm, true)
        .into_iter()
        .filter(|&e| matches!(ctx.etype(e), EntityType::Person | EntityType::Organisation | EntityType::Country))
        .collect();
    if speakers.is_empty() {
        return;
    }
    let speaker_start = ctx.mention(sm).np_start as usize;
    // "According to Reuters and the BBC, …": past the names listed with the speaker's.
    let speaker_end = if according { ctx.group_end(sm) } else { ctx.mention(sm).end as usize };
    let stop = content_end(ctx);

    // The statement.
    let mut statement: Option<(Range<usize>, bool)> = None;
    if according {
        // "According to the UN humanitarian office, 1.2 million …": past the noun the
        // name qualifies.
        let mut after = speaker_end;
        while ctx.is_lower_word(after)
            && !ctx.is(after, word::PREPOSITION | word::CLAUSE_WORD)
            && after < speaker_end + 4
        {
            after += 1;
        }
        let after = if ctx.low(after) == "," { after + 1 } else { speaker_end };
        statement = if i == ctx.range.start || (i == ctx.range.start + 1) {
            Some((after..stop, false))
        } else {
            let mut e = i;
            if ctx.low(e - 1) == "," {
                e -= 1;
            }
            // "Witnesses, according to The Telegraph, said …": a subject alone before the
            // parenthesis, its verb after it, says nothing of its own.
            let verb = |k: usize| TENSED.contains(&ctx.low(k)) || ctx.low(k).ends_with("ed");
            let subject_only = ctx.low(i.wrapping_sub(1)) == ","
                && ctx.low(speaker_end) == ","
                && (verb(speaker_end + 1) || matches!(ctx.low(speaker_end + 1), "said" | "says" | "say"))
                && !(ctx.range.start..e).any(verb);
            if subject_only {
                return;
            }
            Some((ctx.range.start..e, false))
        };
    }
    // A quotation right before the speaker (or the verb, when inverted).
    if statement.is_none() && !describe {
        let before = if inverted { i } else { speaker_start };
        let mut k = before;
        while k > ctx.range.start && matches!(ctx.low(k - 1), ",") {
            k -= 1;
        }
        // "“…,” the presiding judge, Prisca Matimba Nyambe, said": over the title the
        // name is in apposition to.
        if let Some(m) = ctx.head(k.wrapping_sub(1)).filter(|_| !inverted && k < before) {
            if ctx.mention(m).form == Form::Anaphor && ctx.mention(m).end as usize == k {
                k = ctx.mention(m).np_start as usize;
                while k > ctx.range.start && matches!(ctx.low(k - 1), ",") {
                    k -= 1;
                }
            }
        }
        // "“…,” the EU's foreign policy chief, Josep Borrell, told reporters": over a
        // noun phrase in apposition to the name, set off by commas, with no verb in it.
        if !inverted && !closing_quote_at(ctx, k.wrapping_sub(1)) {
            let lo = k.saturating_sub(10).max(ctx.range.start + 1);
            // The closing quote, with the comma before or after it.
            let close =
                (lo..k).rev().find(|&j| closing_quote_at(ctx, j) || ctx.low(j) == "," && closing_quote_at(ctx, j - 1));
            if let Some(c) = close {
                let after = c + 1;
                let noun_phrase = (after..k).all(|j| {
                    let w = ctx.low(j);
                    !TENSED.contains(&w) && w != "that" && (w != "," || j + 1 == k) && !is_quote_token(ctx, j)
                });
                // "“…,” UN refugee chief Filippo Grandi said": a title that an
                // organisation's or a country's name opens.
                let qualified = ctx.head(after).is_some_and(|m| {
                    ctx.mention(m).start as usize == after
                        && ctx
                            .entity(m, false)
                            .is_some_and(|e| matches!(ctx.etype(e), EntityType::Organisation | EntityType::Country))
                });
                if noun_phrase && (matches!(ctx.low(after), "the" | "a" | "an") || qualified) {
                    k = if ctx.low(c) == "," { c } else { c + 1 };
                }
            }
        }
        if k > ctx.range.start && closing_quote_at(ctx, k - 1) {
            let close = k - 1;
            // The comma may sit inside the quote: “...,” he said.
            if let Some(mut r) = quote_before(ctx, close) {
                while r.end > r.start && matches!(ctx.low(r.end - 1), "," | ".") {
                    r.end -= 1;
                }
                statement = Some((r, true));
            }
        }
    }
    // The content after the verb.
    let mut adjuncts_only = false;
    if statement.is_none() {
        let mut k = if inverted { speaker_end } else { end };
        // "urged him to cease hostilities": a pronoun urged is no part of what was said;
        // whom else it urges is ("urged its members to use frozen assets"), as is the verb
        // (below).
        let urged = ctx.is(i, word::DEMAND_VERB);
        let pronoun = matches!(ctx.low(k), "him" | "her" | "them" | "us" | "me");
        if urged && pronoun {
            k += 1;
        }
        if matches!(ctx.low(i), "told" | "tells" | "tell" | "telling" | "informed" | "assured") {
            // Skip the addressee.
            while matches!(ctx.low(k), "the" | "a" | "an") {
                k += 1;
            }
            if let Some(m) = ctx.head(k) {
                k = ctx.mention(m).end as usize;
            } else {
                let mut n = 0;
                // "told reporters he was ready": up to the clause's subject or verb.
                while ctx.is_lower_word(k) && n < 3 && !says_clause(ctx, k, k + 1) && !ctx.is(k, word::PREPOSITION) {
                    k += 1;
                    n += 1;
                }
            }
        }
        // "About 120 projectiles were fired …, the military said, most of which were
        // intercepted": an attribution set off by commas follows what it attributes.
        let np = before_determiner(ctx, speaker_start);
        // (Not "In a statement, the ministry said, …": what comes before has a verb.)
        let parenthetical = !inverted
            && np > ctx.content_start + 1
            && ctx.low(np - 1) == ","
            && ctx.low(k) == ","
            && (ctx.content_start..np).any(|j| TENSED.contains(&ctx.low(j)) || ctx.low(j).ends_with("ed"));
        // "…, said Ivan Fedorov, the governor of the region.": an appositive describing an
        // inverted speaker is no part of what was said.
        if inverted && ctx.low(k) == "," && matches!(ctx.low(k + 1), "the" | "a" | "an") {
            let close = (k + 1..stop).find(|&j| ctx.low(j) == ",").unwrap_or(stop);
            let noun_phrase = close <= k + 14
                && (k + 1..close)
                    .all(|j| !TENSED.contains(&ctx.low(j)) && ctx.low(j) != "that" && !is_quote_token(ctx, j));
            if noun_phrase {
                k = close;
            }
        }
        match after_adjuncts(ctx, k, stop) {
            Some(j) if !parenthetical => k = j,
            _ => {
                adjuncts_only = true;
                k = stop;
            }
        }
        // "..., X reports, citing sources": no content after the verb.
        // "..., the JCS said, hours before the election": an adjunct of time, too.
        let time_before = |j: usize| {
            let toks = &ctx.doc.tokens[..ctx.range.end];
            let j = j + parse_quantity(&ctx.doc.lower, toks, j, &ctx.data.lexicon.numbers).map_or(0, |q| q.len);
            (ctx.is(j, word::TIME_NOUN) || matches!(ctx.low(j), "shortly" | "moments" | "soon"))
                && matches!(ctx.low(j + 1), "before" | "after" | "later" | "earlier" | "ago")
        };
        let mut trailing = ctx.low(k) == "," && (ctx.is(k + 1, word::AFTER_ATTRIBUTION) || time_before(k + 1));
        // "X said, as he arrived in Brussels, that …": a parenthesis, then what was said.
        if trailing {
            if let Some(j) = (k + 2..stop).find(|&j| ctx.low(j) == "," && ctx.low(j + 1) == "that") {
                k = j + 1;
                trailing = false;
            }
        }
        while matches!(ctx.low(k), "that" | ":" | ",") {
            k += 1;
        }
        if trailing {
            k = stop;
            adjuncts_only = true;
        }
        if ctx.kind(k) == Some(TokenKind::OpenQuote) || (ctx.kind(k) == Some(TokenKind::Quote)) {
            // A quotation that is all of what was said, not its first words ("said \"no
            // compromise\" had been found": the whole clause).
            if let Some(r) =
                quote_after(ctx, k).filter(|r| r.end + 1 >= stop || matches!(ctx.low(r.end + 1), "," | ";"))
            {
                statement = Some((r, true));
            }
        }
        if statement.is_none() {
            let mut e = stop;
            // Stop before a trailing ", according to ...", and before a coordinated verb
            // (", characterized it as ...", ", and demanded ...").
            // A participle before a name is an appositive, not a verb: "the exercises,
            // named Joint Sword, were …". A trailing attribution is not said either
            // ("urged China to act with restraint, a spokesperson said").
            // "condemned the attack and demanded that those responsible be punished": one
            // statement.
            let with_verb = urged || describe && t.predicate.is_some();
            // Only a comma, a semicolon or "and" ends the content: the token is read once,
            // and the rest asked of those alone.
            for j in k..stop {
                if ctx.is_byte(j, b',') {
                    let next = if ctx.low(j + 1) == "and" { j + 2 } else { j + 1 };
                    // "Israel's air defences, helped by the United States, had intercepted": a
                    // passive participle is a parenthesis.
                    let verb = ctx.is_lower_word(next)
                        && ctx.low(next).ends_with("ed")
                        && ctx.head(next).is_none()
                        && ctx.low(next + 1) != "by"
                        && !ctx.doc.tokens.get(next + 1).is_some_and(|t| t.is_capitalised());
                    // "…, and the disaster agency AFAD said nine people died": another
                    // speaker's clause.
                    let other_speaker =
                        || matches!(ctx.low(j + 1), "and" | "but" | "while") && speaker_clause(ctx, j + 2);
                    // "denied all claims …, however, a UN report concluded …": a
                    // connective opens another clause.
                    if verb || ctx.attribution_follows(j) || other_speaker() || ctx.low(j + 1) == "however" {
                        e = j;
                        break;
                    }
                    continue;
                }
                // "… says it downed 58 drones; Germany pledges air defence": a semicolon
                // ends what was said; so does a dash what a noun demands ("after Hariri's
                // call for Hezbollah's disarmament — Saudi Arabia called for …").
                let dash = t.pos == TriggerPos::Noun && matches!(ctx.low(j), "\u{2014}" | "\u{2013}");
                if ctx.is_byte(j, b';') || dash {
                    e = j;
                    break;
                }
                // "denied that civilians were targeted and said the army had …": the second
                // verb of saying says its own clause (not a demand after a demand or a
                // verdict, said with their verbs).
                if ctx.low(j) == "and"
                    && ctx.is_lower_word(j + 1)
                    && speech_verb(ctx, j + 1)
                    && !(with_verb && ctx.is(j + 1, word::DEMAND_VERB))
                    && says_clause(ctx, j + 2, stop)
                {
                    e = j;
                    break;
                }
            }
            // "called for restraint", "called on X to …", "urged an immediate ceasefire",
            // "welcomed the decision": a demand is said with its verb, even of one word.
            let demand = k == end && (end == i + 2 && matches!(ctx.low(i + 1), "for" | "on") || urged);
            // "condemned the offensive": a verdict without "as" is said with its verb too;
            // so is a claim ("claimed responsibility in a statement").
            let verdict = describe && t.predicate.is_some() && k == end && !(k..e).any(|x| ctx.low(x) == "as");
            let claim = t.frame == Frame::Claim;
            // "denied the blockade continued": a denial too, which the verb turns round.
            let denial = ctx.data.lexicon.word_classes.contains(WordClass::DenialVerb, ctx.low(i));
            if (demand || verdict || claim || denial) && e > k {
                // "condemned the launches and held a joint drill": the verdict ends before a
                // second verb of its subject.
                let determiner = |x: usize| matches!(ctx.low(x), "the" | "a" | "an" | "its" | "their" | "his" | "her");
                // (A demand goes on over a second verb: "welcomed the decision and hoped
                // that …".)
                let second = if urged && !describe {
                    None
                } else {
                    (k..e).find(|&j| {
                        let v = j + 1;
                        if ctx.low(j) != "and" || !ctx.is_lower_word(v) || ctx.head(v).is_some() || determiner(v) {
                            return false;
                        }
                        // "called for restraint and emphasized the need for …": one statement
                        // ("… and said forces had …" already ended the content before "and").
                        !speech_verb(ctx, v) && (ctx.low(v).ends_with("ed") || determiner(v + 1))
                    })
                };
                statement = Some((i..second.unwrap_or(e), false));
            } else if e > k + 1 && !(ctx.low(k) == "," || is_quote_token(ctx, k) && e == k + 1) {
                // "condemned the strike as a violation of Qatar's sovereignty", "described
                // the attack as a blow to the peace process": what the act was called.
                // (Not "called it a betrayal as talks collapsed": a conjunction.)
                let called = (describe && !ctx.low(i).starts_with("call"))
                    .then(|| (k + 1..e.min(k + 10)).find(|&x| ctx.low(x) == "as" && ctx.low(x + 1) != "well"))
                    .flatten()
                    .filter(|&a| {
                        // (Not "condemns strike on Doha as Qatar's prime minister confronts …".)
                        let noun = is_quote_token(ctx, a + 1) || ctx.is_lower_word(a + 1) && ctx.head(a + 1).is_none();
                        a + 1 < e && noun && (k..a).all(|x| !ctx.is(x, word::CLAUSE_PUNCTUATION))
                    });
                statement = Some((called.map_or(k, |a| a + 1)..e, false));
            }
        }
    }
    // A trailing attribution: "..., Russia's Defence Ministry said."
    if statement.is_none() && !describe {
        let tail_ok = end >= stop || adjuncts_only || ctx.low(end) == "," && ctx.is(end + 1, word::AFTER_ATTRIBUTION);
        // Back over a determiner ("..., the Reuters news agency reports") and over the
        // speakers coordinated before this one ("..., Saudi Arabia and the United States
        // said"). An inverted speaker's attribution starts at its verb ("…, stated Minister
        // Moammar al-Eryani").
        let mut np = if inverted { i } else { speaker_start };
        // "…, U.N. human rights office spokeswoman Ravina Shamdasani said": nouns and a
        // qualifier before the title, back to the comma.
        let mut k = np;
        while k > np.saturating_sub(4).max(ctx.range.start)
            && ctx.is_lower_word(k - 1)
            && !ctx.is(k - 1, word::PREPOSITION | word::CLAUSE_WORD | word::AUXILIARY)
            && !ctx.low(k - 1).ends_with("ed")
        {
            k -= 1;
        }
        // "…, Air Force Commander Mykola Oleshchuk said": an organisation's name right
        // before the title.
        let named = |q: usize| {
            matches!(ctx.mention(q).form, Form::Name | Form::Acronym)
                && ctx.entity(q, false).is_some_and(|e| ctx.etype(e) != EntityType::Person)
        };
        if let Some(q) = ctx.head(k.wrapping_sub(1)).filter(|&q| k < np || named(q)) {
            k = ctx.mention(q).start as usize;
        }
        if k < np && ctx.low(k.wrapping_sub(1)) == "," {
            np = k;
        }
        loop {
            np = before_determiner(ctx, np);
            let before = (np >= ctx.range.start + 2 && ctx.low(np - 1) == "and").then(|| ctx.head(np - 2)).flatten();
            match before {
                Some(m) => np = ctx.mention(m).np_start as usize,
                None => break,
            }
        }
        let speaker_start = np;
        if tail_ok && speaker_start > ctx.range.start && ctx.low(speaker_start - 1) == "," {
            let mut s = ctx.range.start;
            let mut e = speaker_start - 1;
            if ctx.kind(s) == Some(TokenKind::OpenQuote) {
                s += 1;
            }
            while e > s && (closing_quote_at(ctx, e - 1) || ctx.low(e - 1) == ",") {
                e -= 1;
            }
            if e > s + 1 {
                statement = Some((s..e, false));
            }
        }
    }
    let Some((mut range, quoted)) = statement else {
        return;
    };
    // A dateline opening the sentence ("BEIRUT, Sept 23 (Reuters) -") is not said.
    if range.start < ctx.content_start && range.end > ctx.content_start {
        range.start = ctx.content_start;
    }
    // "welcomed the resolution in a statement and said …": the second verb says it.
    if range.end <= range.start || !quoted && matches!(ctx.low(range.start), "and" | "but") {
        return;
    }
    // "…, CENTCOM said. A destroyer shot down four drones over Yemen, it added.": a
    // pronoun after what was said is the last speaker, not the last name.
    // So is "It" opening the sentence: "The Israeli military said it had struck … It said
    // it had taken steps to …".
    let opens = speaker_start == ctx.content_start && i <= speaker_end + 1;
    if (range.end <= speaker_start || opens) && ctx.mention(sm).referent == Referent::Pronoun(Pronoun::Neuter) {
        if let Some(p) = ctx.previous_speaker.filter(|&p| ctx.etype(p) != EntityType::Person) {
            speakers = vec![p];
        }
    }
    // A verdict's object is inside it ("condemned the attack and said British forces
    // had …" criticised no forces).
    let object_end = if range.start == i { range.end } else { ctx.range.end };
    let event = ctx.any(word::STATEMENT_NOUN);
    found.said.push(Said {
        speakers: speakers.clone(),
        tokens: range.clone(),
        quoted,
        rule: t.rule.clone(),
        event,
        trigger: i..end,
    });
    // "“Terrorists seek to divide us,” said Khan, “here in London we will never let them
    // succeed.”": a quotation resumed after the attribution is the speaker's too.
    if quoted && range.end <= i {
        let after = speaker_end.max(end);
        let open = after + 1;
        let resumed = ctx.low(after) == ","
            && ctx.kind(open).is_some_and(|k| matches!(k, TokenKind::OpenQuote | TokenKind::Quote));
        if let Some(mut r) = resumed.then(|| quote_after(ctx, open)).flatten() {
            while r.end > r.start && matches!(ctx.low(r.end - 1), "," | ".") {
                r.end -= 1;
            }
            if r.end > r.start {
                found.said.push(Said {
                    speakers: speakers.clone(),
                    tokens: r,
                    quoted: true,
                    rule: t.rule.clone(),
                    event: false,
                    trigger: i..end,
                });
            }
        }
    }
    // "described the attack as barbaric", "called the hijacking a cowardly act": a
    // description in words of condemnation criticises what it describes, up to where the
    // description begins (and no pronoun: "called it a brutal Israeli aggression").
    let condemning =
        t.predicate.is_none() && describe && (range.start..range.end).any(|k| ctx.is(k, word::CONDEMNATION));
    let (predicate, object_end) = if condemning {
        let description = (end..range.end)
            .find(|&k| {
                matches!(ctx.low(k), "as" | "a" | "an") || is_quote_token(ctx, k) || ctx.is(k, word::CONDEMNATION)
            })
            .unwrap_or(range.end);
        (Some(Predicate::Criticised), description)
    } else {
        (t.predicate, object_end)
    };
    // "said the strike was a flagrant violation of …": so does what was said of an attack.
    if t.predicate.is_none() && !describe && said_of_attack(ctx, &range) {
        found.verdicts.push((speakers.clone(), Predicate::Criticised, t.rule.clone(), range.start));
    }
    // "denounced X as ...", "condemning X": the speaker also criticised X.
    if let Some(p) = predicate {
        let args = ctx.right_args(end, 8).into_iter();
        let direct = args
            .take_while(|(m, _)| (ctx.mention(*m).start as usize) < object_end)
            .find(|(m, p)| p.is_none() && !(condemning && ctx.mention(*m).form == Form::Pronoun))
            .map(|(m, _)| m);
        // "condemned the use of lethal force by the government of Muammar Gaddafi": who did
        // what is condemned.
        let object = direct.or_else(|| (p == Predicate::Criticised).then(|| act_by(ctx, end, object_end)).flatten());
        if let Some(m) = object {
            for o in ctx.expand(m, true) {
                for &s in &speakers {
                    found.relations.push(ctx.relation(s, p, o, &t.rule));
                }
            }
        } else if opens_verdict_object(ctx, end) {
            // "condemned the bombing": the act's author, once the act is known.
            found.verdicts.push((speakers.clone(), p, t.rule.clone(), end));
        }
    }
}
