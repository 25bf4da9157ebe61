//! Every row of `ontology/triggers.tsv` carries an example sentence and the facts it must
//! yield: run them all.

use super::common::{graph, pipeline};
use super::expect::check;

#[test]
fn every_trigger_example_holds() {
    let triggers = &pipeline().data().lexicon.triggers;
    assert!(triggers.len() >= 30, "triggers.tsv has {} rows", triggers.len());
    let mut failures = Vec::new();
    for t in triggers {
        assert!(!t.example.is_empty() && !t.expect.is_empty(), "triggers.tsv:{} has no example", t.line);
        let expected: Vec<String> = t.expect.split(" & ").map(str::to_owned).collect();
        let g = graph("example", &t.example);
        if let Err(e) = check(&g, &t.example, &expected, &[]) {
            failures.push(format!("ontology/triggers.tsv:{} ({} {:?}): {e}", t.line, t.lemma, t.pos));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n\n{}",
        failures.len(),
        triggers.len(),
        failures.join("\n\n")
    );
}
