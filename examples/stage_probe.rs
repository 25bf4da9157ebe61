//! Throughput of each extraction stage alone, on one core, over the development set.
//!
//! `cargo run --release --example stage_probe -- STAGE` prints megabytes per second of
//! STAGE: `document`, `mentions`, `resolve` or `relations` alone (the earlier stages run
//! once, outside the timing), `analyse` (every stage) or `extract` (every stage and the
//! graph). `REPS` sets the number of passes over the set (2000 by default).
//! `... -- dump FILE...` prints every stage's output for the given files (maps sorted),
//! to compare the outputs of two builds.

use newsgraph::mention::MentionStage;
use newsgraph::relation::RelationStage;
use newsgraph::text::Document;
use newsgraph::{Input, Pipeline};
use std::time::Instant;

/// Print every stage's output for `files`, deterministically.
fn dump(files: &[String]) {
    let pipeline = Pipeline::new().unwrap();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let a = pipeline.analyse(&Input::new(f, &text));
        println!("== {f}");
        println!("norm {:?}", a.doc.norm.text);
        println!("blocks {:?}", a.doc.blocks);
        println!("sentences {:?}", a.doc.sentences);
        println!("tokens {:?}", a.doc.tokens);
        println!("date {:?} sentence_dates {:?}", a.date, a.sentence_dates);
        for (i, m) in a.mentions.list.iter().enumerate() {
            println!("mention {i} {m:?}");
        }
        println!("facts {:?}", a.mentions.facts);
        println!("groups {:?}", a.mentions.groups);
        let mut acronyms: Vec<_> = a.mentions.acronyms.iter().collect();
        acronyms.sort_by(|x, y| x.0.cmp(y.0));
        println!("acronyms {acronyms:?}");
        for (i, e) in a.entities.list.iter().enumerate() {
            println!("entity {i} {e:?}");
        }
        println!("of_mention {:?}", a.entities.of_mention);
        let mut groups_of: Vec<_> = a.entities.groups_of.iter().collect();
        groups_of.sort();
        println!("groups_of {groups_of:?}");
        println!("entity groups {:?}", a.entities.groups);
        for r in &a.extraction.relations {
            println!("relation {r:?}");
        }
        for e in &a.extraction.events {
            println!("event {e:?}");
        }
        for s in &a.extraction.statements {
            println!("statement {s:?}");
        }
    }
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    if which == "dump" {
        dump(&std::env::args().skip(2).collect::<Vec<_>>());
        return;
    }
    let data = newsgraph::OntologyData::embedded().unwrap();
    let ms = MentionStage::new(&data);
    let rs = RelationStage::new(&data);
    let dir = "../shared/eval/corpus";
    let mut arts = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            arts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let docs: Vec<Document> = arts.iter().map(|a| Document::analyse(a, &data.lexicon.abbreviations)).collect();
    let ments: Vec<_> = docs.iter().map(|d| ms.find(d, &data)).collect();
    let ents: Vec<_> = docs.iter().zip(&ments).map(|(d, m)| newsgraph::resolve::resolve(d, &data, &ms, m)).collect();
    let pipeline = Pipeline::new().unwrap();
    let reps: usize = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(2000);
    let bytes: usize = arts.iter().map(|a| a.len()).sum::<usize>() * reps;
    let t0 = Instant::now();
    for _ in 0..reps {
        for (i, a) in arts.iter().enumerate() {
            match which.as_str() {
                "document" => {
                    std::hint::black_box(Document::analyse(a, &data.lexicon.abbreviations));
                }
                "mentions" => {
                    std::hint::black_box(ms.find(&docs[i], &data));
                }
                "resolve" => {
                    std::hint::black_box(newsgraph::resolve::resolve(&docs[i], &data, &ms, &ments[i]));
                }
                "analyse" => {
                    std::hint::black_box(pipeline.analyse(&Input::new("doc", a)));
                }
                "extract" => {
                    std::hint::black_box(pipeline.extract(&Input::new("doc", a)));
                }
                "relations" => {
                    let dates = vec![None; docs[i].sentences.len()];
                    std::hint::black_box(rs.extract(&docs[i], &data, &ms, &ments[i], &ents[i], &dates));
                }
                _ => panic!("stage?"),
            }
        }
    }
    let s = t0.elapsed().as_secs_f64();
    println!("{which:10} {:6.1} MB/s", bytes as f64 / 1e6 / s);
}
