//! Write the ontology reference, `docs/ontology.md`, from `ontology/newsgraph.ttl`.
//!
//! `cargo run --example ontology_doc > docs/ontology.md` (a test fails when the file is
//! stale). Classes and properties are grouped (entities, events, other classes; relations
//! between entities, event roles, attributes, provenance) and listed in the order of the
//! Turtle file, with their superclasses, domains, ranges and comments.

use oxrdf::{NamedOrBlankNode, Term, Triple};
use std::collections::HashMap;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const OWL: &str = "http://www.w3.org/2002/07/owl#";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/newsgraph.ttl");
    let ttl = std::fs::read_to_string(path)?;
    print!("{}", render(&ttl)?);
    Ok(())
}

/// The Markdown reference of an ontology written in Turtle.
pub fn render(ttl: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut parser = oxttl::TurtleParser::new().for_slice(ttl);
    let mut triples: Vec<Triple> = Vec::new();
    for t in parser.by_ref() {
        triples.push(t?);
    }
    let mut prefixes: Vec<(String, String)> =
        parser.prefixes().map(|(p, iri)| (p.to_owned(), iri.to_owned())).collect();
    prefixes.sort();
    let o = Ontology::new(triples, prefixes);
    Ok(o.markdown())
}

struct Ontology {
    triples: Vec<Triple>,
    /// Subject → indices of its triples, in file order.
    by_subject: HashMap<NamedOrBlankNode, Vec<usize>>,
    /// Named subjects in order of first appearance.
    order: Vec<String>,
    prefixes: Vec<(String, String)>,
}

impl Ontology {
    fn new(triples: Vec<Triple>, prefixes: Vec<(String, String)>) -> Self {
        let mut by_subject: HashMap<NamedOrBlankNode, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        for (i, t) in triples.iter().enumerate() {
            let entry = by_subject.entry(t.subject.clone()).or_default();
            if entry.is_empty() {
                if let NamedOrBlankNode::NamedNode(n) = &t.subject {
                    order.push(n.as_str().to_owned());
                }
            }
            entry.push(i);
        }
        Ontology { triples, by_subject, order, prefixes }
    }

    /// The objects of `subject predicate ?o`, in file order.
    fn objects(&self, subject: &NamedOrBlankNode, predicate: &str) -> Vec<&Term> {
        self.by_subject
            .get(subject)
            .into_iter()
            .flatten()
            .map(|&i| &self.triples[i])
            .filter(|t| t.predicate.as_str() == predicate)
            .map(|t| &t.object)
            .collect()
    }

    fn named(iri: &str) -> NamedOrBlankNode {
        NamedOrBlankNode::NamedNode(oxrdf::NamedNode::new_unchecked(iri))
    }

    fn types(&self, iri: &str) -> Vec<String> {
        self.objects(&Self::named(iri), &format!("{RDF}type")).iter().map(|t| self.show(t)).collect()
    }

    fn literal(&self, iri: &str, predicate: &str) -> String {
        self.objects(&Self::named(iri), predicate)
            .iter()
            .find_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// An IRI as `prefix:name` where a prefix of the file covers it.
    fn compact(&self, iri: &str) -> String {
        self.prefixes
            .iter()
            .filter(|(p, ns)| !p.is_empty() && iri.starts_with(ns.as_str()) && iri.len() > ns.len())
            .max_by_key(|(_, ns)| ns.len())
            .map(|(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
            .unwrap_or_else(|| format!("<{iri}>"))
    }

    /// A term for a table: compacted IRIs, and `A or B` for an `owl:unionOf` class.
    fn show(&self, term: &Term) -> String {
        match term {
            Term::NamedNode(n) => self.compact(n.as_str()),
            Term::BlankNode(b) => {
                let node = NamedOrBlankNode::BlankNode(b.clone());
                match self.objects(&node, &format!("{OWL}unionOf")).first() {
                    Some(list) => self.list(list).iter().map(|t| self.show(t)).collect::<Vec<_>>().join(" or "),
                    None => "(anonymous)".to_owned(),
                }
            }
            Term::Literal(l) => l.value().to_owned(),
        }
    }

    /// The members of an RDF list.
    fn list<'a>(&'a self, head: &'a Term) -> Vec<&'a Term> {
        let mut out = Vec::new();
        let mut node = head;
        while let Term::BlankNode(b) = node {
            let subject = NamedOrBlankNode::BlankNode(b.clone());
            match self.objects(&subject, &format!("{RDF}first")).first() {
                Some(first) => out.push(*first),
                None => break,
            }
            match self.objects(&subject, &format!("{RDF}rest")).first() {
                Some(rest) => node = rest,
                None => break,
            }
        }
        out
    }

    fn shown(&self, iri: &str, predicate: &str) -> Vec<String> {
        self.objects(&Self::named(iri), predicate).iter().map(|t| self.show(t)).collect()
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        let ontology =
            self.order.iter().find(|s| self.types(s).iter().any(|t| t == "owl:Ontology")).cloned().unwrap_or_default();
        let ng = self.prefixes.iter().find(|(p, _)| p == "ng").map(|(_, ns)| ns.clone()).unwrap_or_default();
        out.push_str("# Ontology reference\n\n");
        out.push_str(
            "<!-- Generated from ontology/newsgraph.ttl by examples/ontology_doc.rs; do not edit.\n     \
             Regenerate with: cargo run --example ontology_doc > docs/ontology.md -->\n\n",
        );
        out.push_str(&format!(
            "The {} (`{ontology}`, version {}): {}\n\n",
            self.literal(&ontology, &format!("{RDFS}label")),
            self.literal(&ontology, &format!("{OWL}versionInfo")),
            self.literal(&ontology, &format!("{RDFS}comment")),
        ));
        out.push_str(&format!("Every term below is in the namespace `{ng}` (prefix `ng:`). The other prefixes:\n\n"));
        out.push_str("| prefix | namespace |\n|---|---|\n");
        for (p, ns) in &self.prefixes {
            if p != "ng" {
                out.push_str(&format!("| `{p}:` | `{ns}` |\n"));
            }
        }
        out.push_str(
            "\nThe file itself, with the reasons for its design (reified provenance, one named graph \
             per document), is [`ontology/newsgraph.ttl`](../ontology/newsgraph.ttl); the SHACL shapes \
             every export satisfies are in [`ontology/shapes.ttl`](../ontology/shapes.ttl).\n",
        );

        let is = |s: &str, t: &str| self.types(s).iter().any(|x| x == t);
        let classes: Vec<&String> = self.order.iter().filter(|s| is(s, "owl:Class")).collect();
        let under = |s: &str, parent: &str| {
            self.compact(s) == parent || self.shown(s, &format!("{RDFS}subClassOf")).iter().any(|c| c == parent)
        };
        let entity_classes: Vec<&String> = classes.iter().copied().filter(|s| under(s, "ng:Entity")).collect();
        let event_classes: Vec<&String> = classes.iter().copied().filter(|s| under(s, "ng:Event")).collect();
        let other_classes: Vec<&String> =
            classes.iter().copied().filter(|s| !entity_classes.contains(s) && !event_classes.contains(s)).collect();
        out.push_str("\n## Classes\n");
        for (title, list) in [
            ("Entities", &entity_classes),
            ("Events", &event_classes),
            ("Statements, documents and assertions", &other_classes),
        ] {
            out.push_str(&format!("\n### {title}\n\n| class | subclass of | description |\n|---|---|---|\n"));
            for s in list.iter() {
                let mut description = self.literal(s, &format!("{RDFS}comment"));
                let disjoint = self.shown(s, &format!("{OWL}disjointWith"));
                if !disjoint.is_empty() {
                    description.push_str(&format!(" Disjoint with {}.", code_list(&disjoint)));
                }
                out.push_str(&format!(
                    "| `{}` | {} | {} |\n",
                    self.compact(s),
                    code_list(&self.shown(s, &format!("{RDFS}subClassOf"))),
                    cell(&description)
                ));
            }
        }

        let object: Vec<&String> = self.order.iter().filter(|s| is(s, "owl:ObjectProperty")).collect();
        let datatype: Vec<&String> = self.order.iter().filter(|s| is(s, "owl:DatatypeProperty")).collect();
        let domain_has = |s: &str, class: &str| {
            self.shown(s, &format!("{RDFS}domain")).iter().any(|d| d.split(" or ").any(|c| c == class))
        };
        let relations: Vec<&String> = object.iter().copied().filter(|s| !domain_has(s, "ng:Event")).collect();
        let roles: Vec<&String> = object.iter().copied().filter(|s| domain_has(s, "ng:Event")).collect();
        let provenance: Vec<&String> = datatype.iter().copied().filter(|s| domain_has(s, "ng:Assertion")).collect();
        let attributes: Vec<&String> = datatype.iter().copied().filter(|s| !domain_has(s, "ng:Assertion")).collect();
        out.push_str("\n## Properties\n");
        for (title, intro, list) in [
            (
                "Relations between entities",
                "Edges between entities (and, for `ng:said`, the statement). Each is also written as an \
                 `ng:Assertion` per sentence that states it.",
                &relations,
            ),
            ("Event roles", "Edges from an event to the entities that take part in it.", &roles),
            ("Attributes", "Values of entities, events, statements and documents.", &attributes),
            (
                "Provenance",
                "Where a fact comes from: on assertions, and on the events and statements themselves.",
                &provenance,
            ),
        ] {
            out.push_str(&format!(
                "\n### {title}\n\n{intro}\n\n| property | domain | range | description |\n|---|---|---|---|\n"
            ));
            for s in list.iter() {
                let mut description = self.literal(s, &format!("{RDFS}comment"));
                let parents = self.shown(s, &format!("{RDFS}subPropertyOf"));
                if !parents.is_empty() {
                    description.push_str(&format!(" Subproperty of {}.", code_list(&parents)));
                }
                let inverse = self.shown(s, &format!("{OWL}inverseOf"));
                if !inverse.is_empty() {
                    description.push_str(&format!(" Inverse of {}.", code_list(&inverse)));
                }
                if is(s, "owl:FunctionalProperty") {
                    description.push_str(" At most one value.");
                }
                if is(s, "owl:TransitiveProperty") {
                    description.push_str(" Transitive.");
                }
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    self.compact(s),
                    code_list(&self.shown(s, &format!("{RDFS}domain"))),
                    code_list(&self.shown(s, &format!("{RDFS}range"))),
                    cell(&description)
                ));
            }
        }
        out
    }
}

/// Terms as code, comma-separated (`A or B` unions keep their words).
fn code_list(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| t.split(" or ").map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" or "))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text for a table cell: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}
