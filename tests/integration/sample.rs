//! Key facts of the bundled sample article (`tests/fixtures/day-987.txt`).

use super::common::{describe, graph, has_edge, sample};
use newsgraph::graph::NodeKind;

#[test]
fn sample_key_facts() {
    let g = graph("day-987.txt", sample());
    let facts = [
        ("Kreminna Balka", "located_in", "Donetsk Oblast"),
        ("Donetsk Oblast", "located_in", "Ukraine"),
        ("Vladimir Putin", "congratulated", "Donald Trump"),
        ("Mark Rutte", "role_in", "NATO"),
        ("Russian Armed Forces", "captured", "Kreminna Balka"),
        ("Russian Armed Forces", "part_of", "Russia"),
        ("Russian Defence Ministry", "part_of", "Russia"),
        ("Russia", "attacked", "Zaporizhzhia"),
        ("United Kingdom", "sanctioned", "Russia"),
        ("Germany", "aided", "Ukraine"),
        ("French Foreign Ministry", "summoned", "North Korea"),
        ("Volodymyr Zelenskyy", "role_in", "Ukraine"),
        ("Emmanuel Macron", "said", "We cannot delegate our security"),
        ("Heorhii Tykhyi", "said", "We don't think it is in the best interest"),
    ];
    let missing: Vec<String> =
        facts.iter().filter(|(s, p, o)| !has_edge(&g, s, p, o)).map(|(s, p, o)| format!("{s} -{p}-> {o}")).collect();
    assert!(missing.is_empty(), "missing:\n{}\n\ngraph:\n{}", missing.join("\n"), describe(&g));
}

#[test]
fn sample_zaporizhzhia_attack_counts() {
    let g = graph("day-987.txt", sample());
    let attack = g.nodes().into_iter().find(|n| {
        n.kind() == NodeKind::Event(newsgraph::EventType::Attack)
            && g.edges_from(&n.iri).iter().any(|e| e.edge.kind.name() == "place" && e.target.label == "Zaporizhzhia")
    });
    let attack = attack.expect("an Attack event with place Zaporizhzhia");
    assert_eq!((attack.killed, attack.injured), (Some(4), Some(33)));
    assert_eq!(attack.date.map(|d| d.to_string()).as_deref(), Some("2024-11-08"));
    let agent =
        g.edges_from(&attack.iri).into_iter().find(|e| e.edge.kind.name() == "agent").map(|e| e.target.label.clone());
    assert_eq!(agent.as_deref(), Some("Russia"));
}

#[test]
fn sample_casualties_and_interception() {
    let g = graph("day-987.txt", sample());
    let events: Vec<_> = g.nodes().into_iter().filter(|n| matches!(n.kind(), NodeKind::Event(_))).collect();
    let injured_at = |place: &str| {
        events.iter().find_map(|e| {
            g.edges_from(&e.iri)
                .iter()
                .any(|x| x.edge.kind.name() == "place" && x.target.label == place)
                .then_some(e.injured)
                .flatten()
        })
    };
    assert_eq!(injured_at("Kyiv"), Some(2));
    assert_eq!(injured_at("Odesa"), Some(1));
    assert_eq!(injured_at("Zhytomyr Oblast"), Some(3));
    let interception =
        events.iter().find(|e| e.event_type() == Some(newsgraph::EventType::Interception) && e.count.is_some());
    let interception = interception.expect("an interception with a count");
    assert_eq!((interception.count, interception.launched), (Some(74), Some(106)));
}

#[test]
fn headings_are_not_entities() {
    let g = graph("day-987.txt", sample());
    for heading in ["Fighting", "Security", "Trump presidency", "Russian affairs"] {
        assert!(
            g.nodes().iter().all(|n| n.label != heading && !n.aliases.contains(heading)),
            "heading {heading} became a node"
        );
    }
}

#[test]
fn provenance_points_at_the_sentence() {
    let text = sample();
    let g = graph("day-987.txt", text);
    let chars: Vec<char> = text.chars().collect();
    let mut checked = 0;
    for e in g.edges() {
        for p in &e.edge.provenance {
            let slice: String = chars[p.start as usize..p.end as usize].iter().collect();
            assert_eq!(slice, *p.evidence, "offsets of {} -> {}", e.source.label, e.target.label);
            assert_eq!(&*p.doc, "day-987.txt");
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} provenance records");
}

#[test]
fn output_is_deterministic() {
    let a = newsgraph::export::ExportFormat::Turtle;
    let render = || {
        let mut out = Vec::new();
        a.exporter().write(&graph("day-987.txt", sample()), &mut out).expect("export");
        out
    };
    assert_eq!(render(), render());
}
