//! Print what each stage found in a text: mentions, entities, groups, relations, events.
//!
//! `cargo run --release --example explain -- FILE` (or text on standard input). A tool
//! for people extending the gazetteers, lexicon and triggers.

use newsgraph::relation::RelObject;
use newsgraph::{Input, Pipeline};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let pipeline = Pipeline::new()?;
    let a = pipeline.analyse(&Input::new("input", &text));
    let doc = &a.doc;
    let name = |e: u32| a.entities.list[e as usize].name.clone();
    println!("date: {:?}", a.date.map(|d| d.to_string()));
    for (si, s) in doc.sentences.iter().enumerate() {
        println!("\n[{si}] {:?} {}", s.kind, &doc.text()[s.start as usize..s.end as usize]);
        for (mi, m) in a.mentions.list.iter().enumerate().filter(|(_, m)| m.sentence == si as u32) {
            let e = a.entities.of_mention[mi].map(name).unwrap_or_default();
            println!(
                "   m{mi} {:?}{} '{}' -> {e} [{}]",
                m.form,
                if m.inner { " inner" } else { "" },
                doc.span_text(m.start as usize, m.end as usize),
                m.rule
            );
        }
        for g in a.mentions.groups.iter().filter(|g| a.mentions.list[g[0] as usize].sentence == si as u32) {
            println!("   group {g:?}");
        }
        for r in a.extraction.relations.iter().filter(|r| r.sentence == si as u32) {
            let o = match r.object {
                RelObject::Entity(e) => name(e),
                RelObject::Statement(s) => format!("\"{}\"", a.extraction.statements[s as usize].text),
            };
            println!("   REL {} {} {o} [{}]", name(r.subject), r.predicate.as_str(), r.rule);
        }
        for ev in a.extraction.events.iter().filter(|e| e.sentence == si as u32) {
            println!(
                "   EVENT {} agent={:?} target={:?} place={:?} killed={:?} injured={:?} count={:?} [{}]",
                ev.etype.as_str(),
                ev.agent.map(name),
                ev.target.map(name),
                ev.place.map(name),
                ev.killed,
                ev.injured,
                ev.count,
                ev.rule
            );
        }
    }
    Ok(())
}
