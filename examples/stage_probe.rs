use newsgraph::mention::MentionStage;
use newsgraph::relation::RelationStage;
use newsgraph::text::Document;
use std::time::Instant;
fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let data = newsgraph::OntologyData::embedded().unwrap();
    let ms = MentionStage::new(&data);
    let rs = RelationStage::new(&data);
    let dir = "../shared/eval/corpus";
    let mut arts = vec![];
    for e in std::fs::read_dir(dir).unwrap() { let p = e.unwrap().path(); if p.extension().map_or(false, |x| x=="txt") { arts.push(std::fs::read_to_string(p).unwrap()); } }
    let docs: Vec<Document> = arts.iter().map(|a| Document::analyse(a, &data.lexicon.abbreviations)).collect();
    let ments: Vec<_> = docs.iter().map(|d| ms.find(d, &data)).collect();
    let ents: Vec<_> = docs.iter().zip(&ments).map(|(d, m)| newsgraph::resolve::resolve(d, &data, &ms, m)).collect();
    let reps = 2000;
    let bytes: usize = arts.iter().map(|a| a.len()).sum::<usize>() * reps;
    let t0 = Instant::now();
    for _ in 0..reps { for (i, a) in arts.iter().enumerate() {
        match which.as_str() {
            "document" => { std::hint::black_box(Document::analyse(a, &data.lexicon.abbreviations)); }
            "mentions" => { std::hint::black_box(ms.find(&docs[i], &data)); }
            "resolve" => { std::hint::black_box(newsgraph::resolve::resolve(&docs[i], &data, &ms, &ments[i])); }
            "relations" => { std::hint::black_box(rs.extract(&docs[i], &data, &ms, &ments[i], &ents[i], &vec![None; docs[i].sentences.len()])); }
            _ => panic!("stage?"),
        }
    }}
    let s = t0.elapsed().as_secs_f64();
    println!("{which:10} {:6.1} MB/s", bytes as f64 / 1e6 / s);
}
