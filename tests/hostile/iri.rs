//! Minted IRIs are valid whatever the entity name, checked with oxrdf's IRI parser: the
//! slug of any string, and every IRI of graphs built from text full of odd names.

use crate::common::pipeline;
use newsgraph::export::ExportFormat;
use newsgraph::graph::iri::slug;
use newsgraph::vocab::DEFAULT_BASE_IRI;
use newsgraph::Input;
use oxrdf::NamedNode;
use proptest::prelude::*;

/// Every IRI of a text's graph, as the N-Triples export writes them.
fn iris_of(text: &str) -> Vec<String> {
    let graph = pipeline().extract(&Input::new("names.txt", text));
    let mut out = Vec::new();
    ExportFormat::NTriples.exporter().write(&graph, &mut out).expect("export");
    // Read leniently, so that the check below is oxrdf's, not the parser's.
    let mut iris = Vec::new();
    for triple in oxttl::NTriplesParser::new().lenient().for_slice(&out) {
        let t = triple.expect("N-Triples");
        if let oxrdf::NamedOrBlankNode::NamedNode(n) = t.subject {
            iris.push(n.into_string());
        }
        iris.push(t.predicate.into_string());
        if let oxrdf::Term::NamedNode(n) = t.object {
            iris.push(n.into_string());
        }
    }
    assert!(!iris.is_empty());
    iris
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_slug_of_any_name_makes_a_valid_iri(name in "\\PC{0,40}|[\\x00-\\x7f]{0,40}") {
        let s = slug(&name);
        prop_assert!(!s.is_empty());
        let iri = format!("{DEFAULT_BASE_IRI}person/{s}");
        prop_assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
    }

    /// Odd names where the pipeline looks for people, places and organisations.
    #[test]
    fn graphs_of_odd_names_have_valid_iris(
        first in "[A-Z\u{c0}-\u{24f}\u{400}-\u{42f}][\\PC&&\\S]{1,12}",
        last in "[A-Z\u{c0}-\u{24f}\u{391}-\u{3a9}][\\PC&&\\S]{1,12}",
    ) {
        let text = format!(
            "Foreign Minister {first} {last} said on Monday that the village of {last} was shelled. \
             {first}'s Defence Ministry and the {last} Brigade denied it, spokesman {first} {first} told {last} Radio."
        );
        for iri in iris_of(&text) {
            prop_assert!(NamedNode::new(iri.as_str()).is_ok(), "<{}> from {:?}", iri, text);
        }
    }
}

#[test]
fn names_without_letters_of_the_latin_alphabet_get_distinct_valid_iris() {
    let names = ["Москва", "Київ", "غزة", "東京", "!!!", "\u{202e}evil", "a\u{0}b", "<script>", "\"quoted\""];
    let slugs: Vec<String> = names.iter().map(|n| slug(n)).collect();
    for (name, s) in names.iter().zip(&slugs) {
        let iri = format!("{DEFAULT_BASE_IRI}place/{s}");
        assert!(NamedNode::new(iri.as_str()).is_ok(), "{name:?} gives <{iri}>");
    }
    let distinct: std::collections::BTreeSet<&String> = slugs.iter().collect();
    assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
}
