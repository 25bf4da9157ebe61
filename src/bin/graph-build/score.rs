//! Scoring one document's graph against its gold annotation: the semantics of the
//! project's scorer (`eval/score.py`), measure for measure, so that both give the same
//! numbers.
//!
//! Contract:
//! - names are compared after [`norm`] (case, diacritics, curly apostrophes, a possessive
//!   's, a leading "the" and punctuation ignored);
//! - entities: graph entities are matched one to one, greedily, to gold entities that
//!   have one of their names (label or alias), correctly typed candidates first; a match
//!   is a true positive untyped, and typed when the types agree; an unmatched entity is a
//!   false positive unless one of its names is optional in the gold; graph entities left
//!   over still stand for the gold entity they name, for relations and events;
//! - relations: each gold relation takes the first unused graph edge of the same
//!   predicate whose ends stand for its subject and object (`said`: 60% of the gold
//!   snippet's words in the statement); lenient matching lets a country's organisation
//!   (gold `part_of` a gold country) stand for the country;
//! - events: each gold event takes the first unused graph event of its type with the gold
//!   place among its places (or, without a gold place, the gold agent among its agents;
//!   or, with neither, any); matched events score their gold killed and injured counts
//!   exactly, unmatched ones count them as missed.

use newsgraph::graph::{KnowledgeGraph, Node};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

const ENTITY_TYPES: [&str; 4] = ["Person", "Country", "Organisation", "Place"];
const PREDICATES: [&str; 17] = [
    "said",
    "attacked",
    "captured",
    "sanctioned",
    "summoned",
    "deployed_to",
    "aided",
    "congratulated",
    "met",
    "criticised",
    "accused",
    "negotiated_with",
    "located_in",
    "role_in",
    "part_of",
    "based_in",
    "member_of",
];

/// The measures, in the order they are reported.
pub const MEASURES: [&str; 6] =
    ["entities", "entities_untyped", "relations_strict", "relations_lenient", "events", "event_counts_exact"];

/// A gold annotation file (see docs/gold-format.md).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub doc: String,
    #[serde(default)]
    pub optional: Vec<String>,
    pub entities: Vec<GoldEntity>,
    pub relations: Vec<GoldRelation>,
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub s: Option<String>,
    pub p: String,
    pub o: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub killed: Option<serde_json::Value>,
    #[serde(default)]
    pub injured: Option<serde_json::Value>,
}

/// True positives, predictions and gold items of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.pred += other.pred;
        self.gold += other.gold;
    }

    /// Precision, recall and F1 (precision 1 when nothing is predicted and nothing is
    /// expected; recall 1 when nothing is expected).
    pub fn prf(self) -> (f64, f64, f64) {
        let (tp, pred, gold) = (self.tp as f64, self.pred as f64, self.gold as f64);
        let p = if self.pred > 0 {
            tp / pred
        } else if self.gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.gold > 0 { tp / gold } else { 1.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// The scores of one document, and what was missed and wrong.
#[derive(Debug, Clone, Default)]
pub struct DocScore {
    /// By measure, in the order of [`MEASURES`].
    pub counts: [Counts; 6],
    pub missed_entities: Vec<String>,
    pub wrong_entities: Vec<String>,
    /// (subject, predicate, object) of gold relations no edge matches (strict).
    pub missed_relations: Vec<(String, String, String)>,
    /// (subject, predicate, object) of edges no gold relation took (strict).
    pub wrong_relations: Vec<(String, String, String)>,
}

/// A name for comparison: compatibility decomposition without combining marks, straight
/// apostrophes, lower case, no possessive 's, no leading "the", punctuation as spaces,
/// single spaces.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .map(|c| if c == '\u{2019}' || c == '\u{2018}' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    // 's followed by a word boundary.
    let chars: Vec<char> = s.chars().collect();
    let mut t = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\'' && chars.get(i + 1) == Some(&'s') && !chars.get(i + 2).is_some_and(|&c| word(c)) {
            i += 2;
            continue;
        }
        t.push(chars[i]);
        i += 1;
    }
    let t = t.trim();
    let t = match t.strip_prefix("the") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => t,
    };
    let t: String = t.chars().map(|c| if word(c) || c.is_whitespace() || c == '-' { c } else { ' ' }).collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokens(s: &str) -> BTreeSet<String> {
    norm(s).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A node's type, with the synonyms other tools use.
fn node_type(n: &Node) -> &'static str {
    match n.kind().type_name() {
        "Organization" => "Organisation",
        "GPE" => "Country",
        "Location" => "Place",
        t => t,
    }
}

/// A node's names (label and aliases), normalised.
fn node_names(n: &Node) -> BTreeSet<String> {
    std::iter::once(&n.label).chain(n.aliases.iter()).filter(|x| !x.is_empty()).map(|x| norm(x)).collect()
}

/// The first `n` characters.
fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Score the graph of one document against its gold annotation.
pub fn score(gold: &Gold, graph: &KnowledgeGraph) -> DocScore {
    let mut out = DocScore::default();
    let nodes = graph.nodes();
    let optional: BTreeSet<String> = gold.optional.iter().map(|x| norm(x)).collect();
    let mut gname: HashMap<String, &str> = HashMap::new();
    for e in &gold.entities {
        for x in std::iter::once(&e.name).chain(e.aliases.iter()) {
            gname.entry(norm(x)).or_insert(e.name.as_str());
        }
    }
    let mut gtype: HashMap<&str, &str> = HashMap::new();
    for e in &gold.entities {
        gtype.insert(e.name.as_str(), e.kind.as_str());
    }

    // Entities.
    let pents: Vec<&Node> = nodes.iter().copied().filter(|n| ENTITY_TYPES.contains(&node_type(n))).collect();
    let candidates =
        |n: &Node| -> BTreeSet<&str> { node_names(n).iter().filter_map(|x| gname.get(x).copied()).collect() };
    let rank = |n: &Node| -> u8 {
        let typed = candidates(n).iter().any(|c| gtype.get(c).copied() == Some(node_type(n)));
        if typed {
            0
        } else {
            1
        }
    };
    let mut ordered = pents.clone();
    ordered.sort_by_key(|n| rank(n));
    let mut node_to_gold: HashMap<&str, &str> = HashMap::new();
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    let (mut tp_typed, mut tp_untyped, mut counted) = (0, 0, 0);
    for n in &ordered {
        let mut cands: Vec<&str> = candidates(n).into_iter().collect();
        cands.sort_by_key(|c| (gtype.get(c).copied() != Some(node_type(n)), *c));
        let Some(cand) = cands.into_iter().find(|c| !matched.contains(c)) else {
            if node_names(n).iter().any(|x| optional.contains(x)) {
                continue;
            }
            counted += 1;
            out.wrong_entities.push(format!("{} ({})", n.label, node_type(n)));
            continue;
        };
        counted += 1;
        matched.insert(cand);
        node_to_gold.insert(&n.iri, cand);
        tp_untyped += 1;
        let gt = gtype.get(cand).copied().unwrap_or("");
        if gt == node_type(n) {
            tp_typed += 1;
        } else {
            out.wrong_entities.push(format!("{} typed {}, gold {gt}", n.label, node_type(n)));
        }
    }
    for n in &pents {
        if !node_to_gold.contains_key(n.iri.as_str()) {
            if let Some(first) = candidates(n).into_iter().next() {
                node_to_gold.insert(&n.iri, first);
            }
        }
    }
    let ngold = gold.entities.len();
    out.counts[0] = Counts { tp: tp_typed, pred: counted, gold: ngold };
    out.counts[1] = Counts { tp: tp_untyped, pred: counted, gold: ngold };
    out.missed_entities =
        gold.entities.iter().filter(|e| !matched.contains(e.name.as_str())).map(|e| e.name.clone()).collect();

    // Relations.
    // Gold organisations that are part of a gold country (keyed as the gold writes the
    // subject, which may be null).
    let mut parent: HashMap<Option<&str>, &str> = HashMap::new();
    for r in &gold.relations {
        if let Some(o) = &r.o {
            if r.p == "part_of" && gtype.get(o.as_str()).copied() == Some("Country") {
                parent.insert(r.s.as_deref(), o);
            }
        }
    }
    let gold_rel: Vec<&GoldRelation> = gold.relations.iter().filter(|r| PREDICATES.contains(&r.p.as_str())).collect();
    // (subject, predicate, object): gold names, or for `said` the statement's text.
    let edges = graph.edges();
    let pred_rel: Vec<(Option<&str>, &str, Option<String>)> = edges
        .iter()
        .filter(|e| PREDICATES.contains(&e.edge.kind.name()))
        .map(|e| {
            let p = e.edge.kind.name();
            let s = node_to_gold.get(e.source.iri.as_str()).copied();
            let o = if p == "said" {
                let t = e.target.text.as_deref().filter(|t| !t.is_empty());
                Some(t.unwrap_or(&e.target.label).to_owned())
            } else {
                node_to_gold.get(e.target.iri.as_str()).map(|o| (*o).to_owned())
            };
            (s, p, o)
        })
        .collect();
    let rel_match = |gr: &GoldRelation, pr: &(Option<&str>, &str, Option<String>), lenient: bool| -> bool {
        let (s, p, o) = pr;
        if *p != gr.p {
            return false;
        }
        let parent_of = |g: &Option<String>| parent.get(&g.as_deref()).copied();
        let ok_s = *s == gr.s.as_deref() || (lenient && s.is_some() && parent_of(&gr.s) == *s);
        if !ok_s {
            return false;
        }
        if *p == "said" {
            let gt = tokens(gr.o.as_deref().unwrap_or(""));
            let said = tokens(o.as_deref().unwrap_or(""));
            return !gt.is_empty() && gt.intersection(&said).count() as f64 / gt.len() as f64 >= 0.6;
        }
        o.as_deref() == gr.o.as_deref() || (lenient && o.is_some() && parent_of(&gr.o) == o.as_deref())
    };
    for (m, lenient) in [(2, false), (3, true)] {
        let mut used = vec![false; pred_rel.len()];
        let mut tp = 0;
        for gr in &gold_rel {
            if let Some(i) = (0..pred_rel.len()).find(|&i| !used[i] && rel_match(gr, &pred_rel[i], lenient)) {
                used[i] = true;
                tp += 1;
            }
        }
        out.counts[m] = Counts { tp, pred: pred_rel.len(), gold: gold_rel.len() };
        if !lenient {
            out.wrong_relations = pred_rel
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|((s, p, o), _)| {
                    (s.unwrap_or("None").to_owned(), (*p).to_owned(), clip(o.as_deref().unwrap_or(""), 40))
                })
                .collect();
            out.missed_relations = gold_rel
                .iter()
                .filter(|gr| !pred_rel.iter().any(|pr| rel_match(gr, pr, false)))
                .map(|gr| {
                    let name = |x: &Option<String>| x.clone().unwrap_or_else(|| "None".into());
                    (name(&gr.s), gr.p.clone(), clip(&name(&gr.o), 40))
                })
                .collect();
        }
    }

    // Events.
    let pev: Vec<&Node> = nodes.iter().copied().filter(|n| node_type(n) == "Event").collect();
    let mut roles: HashMap<&str, BTreeMap<&str, BTreeSet<Option<&str>>>> = HashMap::new();
    for e in &edges {
        if node_type(e.source) == "Event" {
            roles
                .entry(e.source.iri.as_str())
                .or_default()
                .entry(e.edge.kind.name())
                .or_default()
                .insert(node_to_gold.get(e.target.iri.as_str()).copied());
        }
    }
    let empty = BTreeMap::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let (mut tp, mut tp_counts, mut n_counts) = (0, 0, 0);
    for ge in &gold.events {
        let key_place = ge.place.as_deref().filter(|p| !p.is_empty());
        let key_agent = ge.agent.as_deref().filter(|a| !a.is_empty());
        let found = pev.iter().find(|n| {
            if used.contains(n.iri.as_str()) || n.event_type().map(|t| t.as_str()) != Some(ge.kind.as_str()) {
                return false;
            }
            let r = roles.get(n.iri.as_str()).unwrap_or(&empty);
            let has = |role: &str, name: &str| r.get(role).is_some_and(|set| set.contains(&Some(name)));
            match (key_place, key_agent) {
                (Some(p), _) => has("place", p) || has("location", p),
                (None, Some(a)) => has("agent", a),
                (None, None) => true,
            }
        });
        let stated = [(&ge.killed, found.and_then(|n| n.killed)), (&ge.injured, found.and_then(|n| n.injured))];
        if let Some(n) = found {
            used.insert(n.iri.as_str());
            tp += 1;
        }
        for (gold_count, graph_count) in stated {
            if let Some(g) = gold_count {
                n_counts += 1;
                if found.is_some() && graph_count.is_some_and(|c| g.as_f64() == Some(c as f64)) {
                    tp_counts += 1;
                }
            }
        }
    }
    out.counts[4] = Counts { tp, pred: pev.len(), gold: gold.events.len() };
    out.counts[5] = Counts { tp: tp_counts, pred: n_counts, gold: n_counts };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::graph::{EdgeKind, NodeKind};
    use newsgraph::{EntityType, EventType, Predicate};

    #[test]
    fn names_normalise_like_the_scorer() {
        for (raw, want) in [
            ("The United Kingdom", "united kingdom"),
            ("Russia’s Defence Ministry", "russia defence ministry"),
            ("Zelenskyy's", "zelenskyy"),
            ("Kreminna  Balka!", "kreminna balka"),
            ("Ḩalab", "halab"),
            ("the", "the"),
            ("Theodore", "theodore"),
            ("it'sy", "it sy"),
            ("U.S.", "u s"),
            ("ﬁve-day", "five-day"),
            ("", ""),
        ] {
            assert_eq!(norm(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn precision_recall_f1_edge_cases() {
        assert_eq!(Counts { tp: 0, pred: 0, gold: 0 }.prf(), (1.0, 1.0, 1.0));
        assert_eq!(Counts { tp: 0, pred: 0, gold: 3 }.prf(), (0.0, 0.0, 0.0));
        assert_eq!(Counts { tp: 0, pred: 2, gold: 0 }.prf(), (0.0, 1.0, 0.0));
        let (p, r, f) = Counts { tp: 1, pred: 2, gold: 4 }.prf();
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
    }

    struct Builder(KnowledgeGraph);

    impl Builder {
        fn node(
            &mut self,
            iri: &str,
            kind: NodeKind,
            label: &str,
            aliases: &[&str],
        ) -> petgraph::stable_graph::NodeIndex {
            let mut n = Node { iri: iri.into(), kind: Some(kind), label: label.into(), ..Node::default() };
            n.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
            self.0.add_node(n)
        }
    }

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).expect("gold parses")
    }

    #[test]
    fn entities_match_one_to_one_typed_first_and_optional_names_are_free() {
        let mut b = Builder(KnowledgeGraph::new());
        b.node("urn:1", NodeKind::Entity(EntityType::Place), "Kharkiv", &[]);
        b.node("urn:2", NodeKind::Entity(EntityType::Organisation), "Kharkiv", &[]);
        b.node("urn:3", NodeKind::Entity(EntityType::Place), "Moscow", &[]);
        b.node("urn:4", NodeKind::Entity(EntityType::Person), "Zelensky", &["President Zelenskyy"]);
        b.node("urn:5", NodeKind::Entity(EntityType::Country), "Atlantis", &[]);
        let g = gold(
            r#"{"doc": "x.txt", "optional": ["moscow"], "relations": [], "events": [],
                "entities": [{"name": "Kharkiv", "type": "Place"},
                             {"name": "Volodymyr Zelenskyy", "type": "Person", "aliases": ["Zelensky"]},
                             {"name": "Kyiv", "type": "Place"}]}"#,
        );
        let s = score(&g, &b.0);
        // Kharkiv (Place) matched; the Organisation duplicate, Atlantis: false positives;
        // Moscow: optional; Zelensky: by alias.
        assert_eq!(s.counts[0], Counts { tp: 2, pred: 4, gold: 3 });
        assert_eq!(s.counts[1], Counts { tp: 2, pred: 4, gold: 3 });
        assert_eq!(s.missed_entities, vec!["Kyiv".to_owned()]);
        assert_eq!(s.wrong_entities, vec!["Kharkiv (Organisation)".to_owned(), "Atlantis (Country)".to_owned()]);
    }

    #[test]
    fn relations_strict_and_lenient_and_said_by_word_overlap() {
        let mut b = Builder(KnowledgeGraph::new());
        let ru = b.node("urn:ru", NodeKind::Entity(EntityType::Country), "Russia", &[]);
        let army = b.node("urn:army", NodeKind::Entity(EntityType::Organisation), "Russian Armed Forces", &[]);
        let town = b.node("urn:t", NodeKind::Entity(EntityType::Place), "Kreminna Balka", &[]);
        let st = b.node("urn:s", NodeKind::Statement, "statement", &[]);
        if let Some(n) = b.0.node_index("urn:s").and_then(|i| b.0.petgraph().node_weight(i)).cloned() {
            let mut n = n;
            n.text = Some("we will never give up our land".into());
            b.0.add_node(n);
        }
        let rel = |p: &str| EdgeKind::Relation(Predicate::parse(p).expect("predicate"));
        b.0.add_edge(ru, town, rel("captured"), None, vec![]);
        b.0.add_edge(ru, st, rel("said"), None, vec![]);
        let _ = army;
        let g = gold(
            r#"{"doc": "x.txt", "events": [],
                "entities": [{"name": "Russia", "type": "Country"},
                             {"name": "Russian Armed Forces", "type": "Organisation"},
                             {"name": "Kreminna Balka", "type": "Place"}],
                "relations": [{"s": "Russian Armed Forces", "p": "captured", "o": "Kreminna Balka"},
                              {"s": "Russian Armed Forces", "p": "part_of", "o": "Russia"},
                              {"s": "Russia", "p": "said", "o": "We will never give up"}]}"#,
        );
        let s = score(&g, &b.0);
        // Strict: only `said` (all five words); lenient: the country stands for its forces.
        assert_eq!(s.counts[2], Counts { tp: 1, pred: 2, gold: 3 });
        assert_eq!(s.counts[3], Counts { tp: 2, pred: 2, gold: 3 });
        assert_eq!(s.missed_relations.len(), 2);
        assert_eq!(s.wrong_relations, vec![("Russia".into(), "captured".into(), "Kreminna Balka".into())]);
    }

    #[test]
    fn events_match_by_type_and_place_and_score_counts() {
        let mut b = Builder(KnowledgeGraph::new());
        let ru = b.node("urn:ru", NodeKind::Entity(EntityType::Country), "Russia", &[]);
        let z = b.node("urn:z", NodeKind::Entity(EntityType::Place), "Zaporizhzhia", &[]);
        let mut ev = Node {
            iri: "urn:e".into(),
            kind: Some(NodeKind::Event(EventType::Attack)),
            label: "Attack".into(),
            ..Node::default()
        };
        ev.killed = Some(4);
        ev.injured = Some(30);
        let e = b.0.add_node(ev);
        b.0.add_edge(e, ru, EdgeKind::Agent, None, vec![]);
        b.0.add_edge(e, z, EdgeKind::Place, None, vec![]);
        let g = gold(
            r#"{"doc": "x.txt", "relations": [],
                "entities": [{"name": "Russia", "type": "Country"}, {"name": "Zaporizhzhia", "type": "Place"}],
                "events": [{"type": "Attack", "agent": "Russia", "place": "Zaporizhzhia", "killed": 4, "injured": 33},
                           {"type": "Attack", "agent": "Russia", "place": null, "killed": 1}]}"#,
        );
        let s = score(&g, &b.0);
        assert_eq!(s.counts[4], Counts { tp: 1, pred: 1, gold: 2 });
        // killed exact, injured wrong, the unmatched event's count missed.
        assert_eq!(s.counts[5], Counts { tp: 1, pred: 3, gold: 3 });
    }
}
