//! The pipeline: text → document → mentions → entities → relations and events → graph.
//!
//! Contract: a [`Pipeline`] is built once (it compiles the gazetteer) and is shared
//! across threads; [`Pipeline::extract`] is a pure function of the input and the data:
//! no I/O, no environment, deterministic output.

use crate::data::{EntityType, OntologyData, Predicate};
use crate::error::{Error, Result};
use crate::graph::iri::{fnv1a, push_hex16, push_slug};
use crate::graph::{EdgeKind, KnowledgeGraph, Node, NodeKind, Provenance};
use crate::mention::gazetteer::Known;
use crate::mention::{MentionStage, Mentions};
use crate::relation::{Extraction, RelObject, Relation, RelationStage};
use crate::resolve::{resolve, Entities, EntityKey};
use crate::text::date::{find_dates, Date, DateMention};
use crate::text::number::parse_quantity;
use crate::text::Document;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Organisation subtypes that are part of their country's state.
const STATE_INSTITUTIONS: &[&str] = &["Government", "Ministry", "Parliament", "Office"];

/// One input document.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The document's name in provenance: its path or URL.
    pub name: &'a str,
    pub text: &'a str,
    /// The publication date from metadata, if any.
    pub date: Option<Date>,
}

impl<'a> Input<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Input { name, text, date: None }
    }
}

/// Builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    data: Option<OntologyData>,
    base_iri: Option<String>,
    date: Option<Date>,
}

impl PipelineBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Use these data files instead of the embedded ones.
    pub fn with_data(mut self, data: OntologyData) -> Self {
        self.data = Some(data);
        self
    }

    /// The base of minted IRIs (default `https://w3id.org/newsgraph/id/`).
    pub fn with_base_iri(mut self, base: &str) -> Result<Self> {
        let probe = format!("{base}person/x");
        oxrdf::NamedNode::new(&probe).map_err(|e| Error::usage(format!("invalid base IRI '{base}': {e}")))?;
        if !(base.ends_with('/') || base.ends_with('#')) {
            return Err(Error::usage(format!("invalid base IRI '{base}': it must end with '/' or '#'")));
        }
        self.base_iri = Some(base.to_owned());
        Ok(self)
    }

    /// The publication date to use when a document does not state one.
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    pub fn build(self) -> Result<Pipeline> {
        let data = match self.data {
            Some(d) => d,
            None => OntologyData::embedded()?,
        };
        let mentions = MentionStage::new(&data);
        let relations = RelationStage::new(&data);
        Ok(Pipeline {
            data,
            mentions,
            relations,
            base_iri: self.base_iri.unwrap_or_else(|| crate::vocab::DEFAULT_BASE_IRI.to_owned()),
            default_date: self.date,
        })
    }
}

/// The extraction pipeline.
#[derive(Debug)]
pub struct Pipeline {
    data: OntologyData,
    mentions: MentionStage,
    relations: RelationStage,
    base_iri: String,
    default_date: Option<Date>,
}

/// Every stage's output for one document (for tests and tools that need the details).
#[derive(Debug)]
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    pub date: Option<Date>,
    pub sentence_dates: Vec<Option<Date>>,
    pub mentions: Mentions,
    pub entities: Entities,
    pub extraction: Extraction,
}

impl Pipeline {
    /// A pipeline with the embedded data and default settings.
    pub fn new() -> Result<Self> {
        PipelineBuilder::new().build()
    }

    pub fn data(&self) -> &OntologyData {
        &self.data
    }

    pub fn base_iri(&self) -> &str {
        &self.base_iri
    }

    /// Run every stage on one document.
    pub fn analyse<'a>(&self, input: &Input<'a>) -> Analysis<'a> {
        let doc = Document::analyse(input.text, &self.data.lexicon.abbreviations);
        // The date expressions of the sentences `document_date` read, kept for their
        // sentences' dates.
        let mut found = Vec::new();
        let date = input.date.or_else(|| self.document_date(&doc, &mut found)).or(self.default_date);
        let sentence_dates = sentence_dates(&doc, date, found);
        let mentions = self.mentions.find(&doc, &self.data);
        let entities = resolve(&doc, &self.data, &self.mentions, &mentions);
        let extraction =
            self.relations.extract(&doc, &self.data, &self.mentions, &mentions, &entities, &sentence_dates);
        Analysis { doc, date, sentence_dates, mentions, entities, extraction }
    }

    /// The knowledge graph of one document.
    pub fn extract(&self, input: &Input) -> KnowledgeGraph {
        let mut a = self.analyse(input);
        // The analysis is dropped after: the graph takes its strings rather than copies.
        let parts = Parts::take(&mut a);
        self.build_graph(input, &a, parts)
    }

    /// The date a document states for itself: a full date near its start, or a month and
    /// day placed in time by a war-day count ("the war enters its 987th day") or by a
    /// month and year before it ("(September 2024)" in a timeline's title). The date
    /// expressions of each sentence it reads go to `found`, in order.
    fn document_date(&self, doc: &Document, found: &mut Vec<Vec<DateMention>>) -> Option<Date> {
        let mut estimate: Option<Date> = None;
        let mut partial = None;
        // "Timeline of the conflict (September 2024)": a month and year place a later
        // month and day in time.
        let mut month_year: Option<Date> = None;
        for s in doc.sentences.iter().take(8) {
            let toks = &doc.tokens[s.tokens.start as usize..s.tokens.end as usize];
            if estimate.is_none() {
                estimate = self.war_day(doc, s.tokens.start as usize, s.tokens.end as usize);
            }
            found.push(find_dates(doc.text(), toks));
            for &d in found.last().into_iter().flatten() {
                if let Some(full) = d.full() {
                    if estimate.is_none() {
                        return Some(full);
                    }
                }
                if d.month.is_some() && d.day.is_some() && partial.is_none() {
                    partial = Some(d);
                }
                if let (Some(y), Some(m), None) = (d.year, d.month, d.day) {
                    month_year = month_year.or(Date::new(y, m, 15));
                }
            }
        }
        match (partial, estimate) {
            (Some(p), Some(e)) => p.full().or_else(|| p.resolve(e)),
            (Some(p), None) => p.full().or_else(|| month_year.or(self.default_date).and_then(|d| p.resolve(d))),
            (None, e) => e,
        }
    }

    /// "the war enters its 987th day": the date of that day of a war in the data.
    fn war_day(&self, doc: &Document, from: usize, to: usize) -> Option<Date> {
        for i in from..to {
            if doc.low(i + 1) != "day" || doc.tokens[i].kind != crate::text::TokenKind::Number {
                continue;
            }
            let q = parse_quantity(&doc.lower, &doc.tokens[..to], i, &self.data.lexicon.numbers)?;
            if !q.ordinal {
                continue;
            }
            let n = q.count()? as i64;
            for w in &self.data.lexicon.war_days {
                let in_sentence = (from..to).any(|k| w.words.iter().any(|x| **x == *doc.low(k)));
                let in_document = w.context.iter().any(|c| doc.lower.contains(&**c));
                if in_sentence && in_document {
                    return Some(w.start.add_days(n - 1));
                }
            }
        }
        None
    }

    /// Turn an analysed document into a graph.
    pub fn graph(&self, input: &Input, a: &Analysis) -> KnowledgeGraph {
        self.build_graph(input, a, Parts::default())
    }

    /// [`Pipeline::graph`], with the parts of the analysis taken out of it (see [`Parts`]).
    fn build_graph(&self, input: &Input, a: &Analysis, mut parts: Parts) -> KnowledgeGraph {
        let doc = &a.doc;
        let base = &self.base_iri;
        let mut doc_hash = String::with_capacity(16);
        push_hex16(&mut doc_hash, fnv1a(input.text.as_bytes()));
        // The IRIs minted for the document and its statements and events: these, then a
        // name within them.
        let minted = |kind: &str| {
            let mut iri = String::with_capacity(base.len() + kind.len() + doc_hash.len() + 1);
            iri.push_str(base);
            iri.push_str(kind);
            iri.push_str(&doc_hash);
            iri
        };
        let doc_name: Arc<str> = input.name.into();
        // Sentence provenance: original text and character offsets.
        let mut chars = 0u32;
        let mut byte = 0usize;
        let mut sentences: Vec<(Arc<str>, u32, u32)> = Vec::with_capacity(doc.sentences.len());
        // (byte, char) offsets of each sentence start in the input, for char offsets of
        // statements and events without recounting from the start of the document.
        let mut starts: Vec<(usize, u32)> = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let (b0, b1) = doc.original_span(s.start, s.end);
            let b0 = b0.max(byte);
            chars += input.text[byte..b0].chars().count() as u32;
            let c0 = chars;
            let b1 = b1.max(b0);
            let len = input.text[b0..b1].chars().count() as u32;
            sentences.push((input.text[b0..b1].into(), c0, c0 + len));
            starts.push((b0, c0));
            chars += len;
            byte = b1;
        }
        let char_at = |b: usize| -> u32 {
            let i = starts.partition_point(|&(sb, _)| sb <= b);
            let (sb, sc) = if i == 0 { (0, 0) } else { starts[i - 1] };
            sc + input.text.get(sb..b).map_or(0, |t| t.chars().count() as u32)
        };
        let statement_rule: Arc<str> = "statement".into();
        let prov = |si: u32, rule: &Arc<str>, confidence: f32| {
            let (ev, s, e) = sentences[si as usize].clone();
            Provenance { doc: doc_name.clone(), evidence: ev, start: s, end: e, rule: rule.clone(), confidence }
        };

        // Which entities become nodes: named ones, and any that a relation or event uses.
        let ents = &a.entities;
        let mut used = vec![false; ents.list.len()];
        for (i, e) in ents.list.iter().enumerate() {
            used[i] = e.named;
        }
        let mut relations = parts.relations.take().unwrap_or_else(|| a.extraction.relations.clone());
        self.institution_links(a, &mut relations);
        for r in &relations {
            used[r.subject as usize] = true;
            if let RelObject::Entity(o) = r.object {
                used[o as usize] = true;
            }
        }
        for ev in &a.extraction.events {
            for e in [ev.agent, ev.target, ev.place].into_iter().flatten() {
                used[e as usize] = true;
            }
        }
        let nodes = 1 + used.iter().filter(|&&u| u).count() + a.extraction.statements.len() + a.extraction.events.len();
        let edges = relations.len() + 3 * a.extraction.events.len();
        let mut g = KnowledgeGraph::with_capacity(base, nodes, edges);
        g.add_node(Node {
            iri: minted("document/"),
            kind: Some(NodeKind::Document),
            label: input.name.to_owned(),
            path: Some(input.name.to_owned()),
            date: a.date,
            ..Default::default()
        });
        let mut node_of = vec![None; ents.list.len()];
        for (i, e) in ents.list.iter().enumerate() {
            if !used[i] {
                continue;
            }
            let aliases = parts.aliases.get_mut(i).map_or_else(|| e.aliases.clone(), std::mem::take);
            let node = self.entity_node(e, aliases);
            node_of[i] = Some(g.add_node(node));
        }
        // Statements.
        let statement_prefix = minted("statement/") + "/";
        let mut statement_nodes = Vec::with_capacity(a.extraction.statements.len());
        for (i, s) in a.extraction.statements.iter().enumerate() {
            let text = parts.statement_texts.get_mut(i).map_or_else(|| s.text.clone(), std::mem::take);
            let (b0, _) = doc.original_span(doc.tokens[s.tokens.start as usize].start, 0);
            let (_, b1) = doc.original_span(0, doc.tokens[s.tokens.end as usize - 1].end);
            let c0 = char_at(b0);
            let c1 = c0 + input.text[b0..b1.max(b0)].chars().count() as u32;
            // Past 80 characters, the first 77 and "...".
            let label = match label_cut(&text) {
                Some(end) => {
                    let mut label = String::with_capacity(end + 3);
                    label.push_str(&text[..end]);
                    label.push_str("...");
                    label
                }
                None => text.clone(),
            };
            let mut iri = String::with_capacity(statement_prefix.len() + 15);
            iri.push_str(&statement_prefix);
            push_padded(&mut iri, c0, 7);
            iri.push('-');
            push_padded(&mut iri, c1, 7);
            statement_nodes.push(g.add_node(Node {
                iri,
                kind: Some(NodeKind::Statement),
                label,
                text: Some(text),
                quoted: Some(s.quoted),
                date: a.sentence_dates.get(s.sentence as usize).copied().flatten(),
                mentions: 1,
                provenance: vec![prov(s.sentence, &statement_rule, if s.quoted { 0.9 } else { 0.75 })],
                ..Default::default()
            }));
        }
        // Relations.
        for r in &relations {
            let (Some(s), o) = (node_of[r.subject as usize], r.object) else {
                continue;
            };
            let o = match o {
                RelObject::Entity(e) => node_of[e as usize],
                RelObject::Statement(st) => statement_nodes.get(st as usize).copied(),
            };
            let Some(o) = o else { continue };
            g.add_edge(
                s,
                o,
                EdgeKind::Relation(r.predicate),
                r.role.clone(),
                vec![prov(r.sentence, &r.rule, r.confidence)],
            );
        }
        // Events.
        let event_prefix = minted("event/") + "/";
        // Room for every event: the map does not grow on the way.
        let mut seen_triggers: rustc_hash::FxHashMap<u32, u32> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(a.extraction.events.len(), Default::default());
        for ev in &a.extraction.events {
            let t0 = doc.tokens.get(ev.trigger.start as usize).map_or(0, |t| t.start);
            let (b0, _) = doc.original_span(t0, t0);
            let c0 = char_at(b0);
            let n = seen_triggers.entry(c0).or_insert(0);
            *n += 1;
            let roles = [(ev.agent, " by "), (ev.target, " on "), (ev.place, " in ")]
                .map(|(e, joint)| e.and_then(|e| ents.list.get(e as usize)).map(|e| (joint, e.name.as_str())));
            let mut label = String::with_capacity(
                ev.etype.as_str().len() + roles.iter().flatten().map(|(j, n)| j.len() + n.len()).sum::<usize>(),
            );
            label.push_str(ev.etype.as_str());
            for (joint, name) in roles.into_iter().flatten() {
                label.push_str(joint);
                label.push_str(name);
            }
            let mut iri = String::with_capacity(event_prefix.len() + 10);
            iri.push_str(&event_prefix);
            push_padded(&mut iri, c0, 7);
            iri.push('-');
            push_padded(&mut iri, *n, 1);
            let node = g.add_node(Node {
                iri,
                kind: Some(NodeKind::Event(ev.etype)),
                label,
                date: ev.date,
                killed: ev.killed,
                injured: ev.injured,
                count: ev.count,
                launched: ev.launched,
                amount: ev.amount.clone(),
                mentions: 1,
                provenance: vec![prov(ev.sentence, &ev.rule, ev.confidence)],
                ..Default::default()
            });
            for (e, kind) in [(ev.agent, EdgeKind::Agent), (ev.target, EdgeKind::Target), (ev.place, EdgeKind::Place)] {
                if let Some(target) = e.and_then(|e| node_of[e as usize]) {
                    g.add_edge(node, target, kind, None, vec![prov(ev.sentence, &ev.rule, ev.confidence)]);
                }
            }
        }
        g
    }

    /// `part_of` from the gazetteer: a national institution named in a document is part
    /// of its country when the document names that country, and a body of an organisation
    /// (`organisation-parents.tsv`) part of it when the document names the organisation.
    fn institution_links(&self, a: &Analysis, out: &mut Vec<crate::relation::Relation>) {
        let ents = &a.entities;
        for (i, e) in ents.list.iter().enumerate() {
            let EntityKey::Known(Known::Organisation(o)) = e.key else {
                continue;
            };
            if !e.named {
                continue;
            }
            let org = &self.data.organisations[o as usize];
            let first = a.mentions.list.iter().enumerate().find(|(m, _)| ents.of_mention[*m] == Some(i as u32));
            // A body of an organisation the document names ("the UN Security Council" and
            // "the United Nations").
            let parent = org.parent.and_then(|p| {
                ents.list.iter().position(|x| x.key == EntityKey::Known(Known::Organisation(p)) && x.named)
            });
            if let (Some(p), Some((_, m))) = (parent, first) {
                out.push(crate::relation::Relation {
                    subject: i as u32,
                    predicate: Predicate::PartOf,
                    object: RelObject::Entity(p as u32),
                    role: None,
                    sentence: m.sentence,
                    rule: "gazetteer-parent".into(),
                    confidence: 0.8,
                });
            }
            let Some(c) = self.data.country_by_iso(&org.country) else {
                continue;
            };
            // Organs of state, and organisations named after their country ("Israel
            // Defense Forces", "Israeli Air Force").
            let country = &self.data.countries[c];
            let named_after = std::iter::once(&country.name).chain(&country.demonyms).any(|n| {
                org.name.strip_prefix(n.as_str()).is_some_and(|rest| rest.starts_with(' '))
                    || org.name.strip_suffix(n.as_str()).is_some_and(|rest| rest.ends_with(' '))
            });
            if !(STATE_INSTITUTIONS.contains(&org.subtype.as_str()) || named_after) {
                continue;
            }
            let Some(ci) =
                ents.list.iter().position(|x| x.key == EntityKey::Known(Known::Country(c as u32)) && x.named)
            else {
                continue;
            };
            let Some((_, m)) = first else { continue };
            out.push(crate::relation::Relation {
                subject: i as u32,
                predicate: Predicate::PartOf,
                object: RelObject::Entity(ci as u32),
                role: None,
                sentence: m.sentence,
                rule: "gazetteer-institution".into(),
                confidence: 0.8,
            });
        }
    }

    fn entity_node(&self, e: &crate::resolve::Entity, aliases: BTreeSet<String>) -> Node {
        let type_slug = match e.etype {
            EntityType::Person => "person",
            EntityType::Country => "country",
            EntityType::Organisation => "organisation",
            EntityType::Place => "place",
        };
        let mut iri = String::with_capacity(self.base_iri.len() + type_slug.len() + 1 + e.name.len());
        iri.push_str(&self.base_iri);
        iri.push_str(type_slug);
        iri.push('/');
        push_slug(&mut iri, &e.name);
        let mut node = Node {
            iri,
            kind: Some(NodeKind::Entity(e.etype)),
            label: e.name.clone(),
            aliases,
            subtype: (!e.subtype.is_empty()).then(|| e.subtype.clone()),
            mentions: e.mentions,
            ..Default::default()
        };
        let d = &self.data;
        if let EntityKey::Known(k) = e.key {
            node.country_code = k.country_code(d).map(str::to_owned);
            match k {
                Known::Country(i) | Known::Demonym(i) => {
                    let c = &d.countries[i as usize];
                    node.geonames = c.geonames;
                    node.lat = c.lat;
                    node.lon = c.lon;
                }
                Known::Place(i) => {
                    let p = &d.places[i as usize];
                    node.geonames = p.geonames;
                    node.lat = p.lat;
                    node.lon = p.lon;
                }
                Known::Region(_) => {}
                Known::Area(i) => {
                    let p = &d.areas[i as usize];
                    node.lat = p.lat;
                    node.lon = p.lon;
                    node.wikidata = p.wikidata.clone();
                }
                Known::Person(i) => node.wikidata = d.people[i as usize].wikidata.clone(),
                Known::Organisation(i) => node.wikidata = d.organisations[i as usize].wikidata.clone(),
            }
        }
        node
    }
}

/// What [`Pipeline::build_graph`] takes out of an analysis that is dropped after, rather
/// than copies: the entities' aliases, the statements' texts and the relations (none of
/// them when the analysis is borrowed).
#[derive(Debug, Default)]
struct Parts {
    aliases: Vec<BTreeSet<String>>,
    statement_texts: Vec<String>,
    relations: Option<Vec<Relation>>,
}

impl Parts {
    fn take(a: &mut Analysis) -> Parts {
        Parts {
            aliases: a.entities.list.iter_mut().map(|e| std::mem::take(&mut e.aliases)).collect(),
            statement_texts: a.extraction.statements.iter_mut().map(|s| std::mem::take(&mut s.text)).collect(),
            relations: Some(std::mem::take(&mut a.extraction.relations)),
        }
    }
}

/// Where a statement's label cuts its text: after the first 77 characters when it has
/// more than 80 (`None`: the whole text), found in one pass, and none for a text of 80
/// bytes or fewer.
fn label_cut(text: &str) -> Option<usize> {
    if text.len() <= 80 {
        return None;
    }
    // Its first 81 bytes ASCII: 81 characters, the cut after the 77th byte.
    if text.as_bytes()[..81].is_ascii() {
        return Some(77);
    }
    let mut chars = text.char_indices();
    let (end, _) = chars.nth(77)?;
    // The 81st character.
    chars.nth(2).map(|_| end)
}

/// Append `n` in decimal to `out`, zero-padded to `width` digits (as `{n:0width$}`).
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// The date of each sentence: its own date expression, else its section's (a dated
/// heading), else the document's. `found` holds the date expressions of the first
/// sentences, found before (by [`Pipeline::document_date`]).
fn sentence_dates(doc: &Document, date: Option<Date>, found: Vec<Vec<DateMention>>) -> Vec<Option<Date>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut section: Option<Date> = None;
    let mut found = found.into_iter();
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens.start as usize..s.tokens.end as usize];
        let dates = found.next();
        let own = date.and_then(|reference| {
            dates
                .unwrap_or_else(|| find_dates(doc.text(), toks))
                .into_iter()
                .find(|d| d.day.is_some() || (d.weekday.is_some() && d.month.is_none()))
                .and_then(|d| d.resolve(reference))
        });
        if s.is_heading() {
            if own.is_some() {
                section = own;
            }
            out.push(own.or(section).or(date));
            continue;
        }
        out.push(own.or(section).or(date));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cut_as_before() {
        for unit in ["a", "é", "€", "𝄞", "ab", "aé"] {
            for n in 70..90 {
                let text = unit.repeat(n);
                for text in [text.clone(), format!("{text}x"), format!("x{text}")] {
                    let before =
                        text.char_indices().nth(80).map(|_| text.char_indices().nth(77).map_or(text.len(), |(b, _)| b));
                    assert_eq!(label_cut(&text), before, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn sentence_dates_from_the_dates_found_first() {
        let p = Pipeline::new().expect("pipeline");
        let texts = [
            "Kyiv, 12 March 2024. Russia struck Kyiv on Monday.\n\nOn March 3, troops moved. Talks end Friday.",
            "As the war enters its 987th day, these are the main developments.\nHere is the situation on Sunday, March 18:\n- Drones hit Kharkiv on Saturday.",
            "Timeline of the conflict (September 2024)\n\nSeptember 3: strikes on Poltava.\n\nSeptember 5: more strikes.",
            "No date here. None at all.",
        ];
        for text in texts {
            let doc = Document::analyse(text, &p.data.lexicon.abbreviations);
            let mut found = Vec::new();
            let date = p.document_date(&doc, &mut found).or(Some(Date::new(2024, 6, 1).expect("date")));
            assert!(!found.is_empty() && found.len() <= 8);
            assert_eq!(sentence_dates(&doc, date, found), sentence_dates(&doc, date, Vec::new()), "{text}");
        }
    }

    #[test]
    fn padded_numbers() {
        for n in [0, 7, 42, 1234567, 12345678, u32::MAX] {
            for width in [1, 7] {
                let mut s = String::from("x");
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"));
            }
        }
    }
}
