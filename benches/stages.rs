//! Each stage of the pipeline on the bundled sample article, and each export of its graph.
//!
//! `cargo bench` prints, per stage, the time per article and the throughput in bytes of
//! text per second (one core). `scripts/bench.sh` measures whole runs over large corpora.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use newsgraph::export::ExportFormat;
use newsgraph::mention::MentionStage;
use newsgraph::relation::RelationStage;
use newsgraph::text::Document;
use newsgraph::{Input, OntologyData, Pipeline};
use std::sync::LazyLock;

const SAMPLE: &str = include_str!("../tests/fixtures/day-987.txt");

/// Everything built once: the data, the stages and the pipeline.
struct Setup {
    data: OntologyData,
    mentions: MentionStage,
    relations: RelationStage,
    pipeline: Pipeline,
}

static SETUP: LazyLock<Setup> = LazyLock::new(|| {
    let data = OntologyData::embedded().expect("the embedded data loads");
    let mentions = MentionStage::new(&data);
    let relations = RelationStage::new(&data);
    let pipeline = Pipeline::new().expect("the pipeline builds");
    Setup { data, mentions, relations, pipeline }
});

fn main() {
    LazyLock::force(&SETUP);
    divan::main();
}

fn bytes() -> BytesCount {
    BytesCount::new(SAMPLE.len())
}

/// Normalisation, sentences and tokens.
#[divan::bench]
fn text(b: Bencher) {
    let s = &*SETUP;
    b.counter(bytes()).bench(|| Document::analyse(black_box(SAMPLE), &s.data.lexicon.abbreviations));
}

/// Mentions from the gazetteers and patterns.
#[divan::bench]
fn mention(b: Bencher) {
    let s = &*SETUP;
    let doc = Document::analyse(SAMPLE, &s.data.lexicon.abbreviations);
    b.counter(bytes()).bench(|| s.mentions.find(black_box(&doc), &s.data));
}

/// Mentions resolved to entities.
#[divan::bench]
fn resolve(b: Bencher) {
    let s = &*SETUP;
    let doc = Document::analyse(SAMPLE, &s.data.lexicon.abbreviations);
    let found = s.mentions.find(&doc, &s.data);
    b.counter(bytes()).bench(|| newsgraph::resolve::resolve(black_box(&doc), &s.data, &s.mentions, &found));
}

/// Relations, events and statements.
#[divan::bench]
fn relation(b: Bencher) {
    let s = &*SETUP;
    let doc = Document::analyse(SAMPLE, &s.data.lexicon.abbreviations);
    let found = s.mentions.find(&doc, &s.data);
    let entities = newsgraph::resolve::resolve(&doc, &s.data, &s.mentions, &found);
    let dates = vec![None; doc.sentences.len()];
    b.counter(bytes()).bench(|| s.relations.extract(black_box(&doc), &s.data, &s.mentions, &found, &entities, &dates));
}

/// Every stage, from text to the knowledge graph.
#[divan::bench]
fn extract(b: Bencher) {
    let s = &*SETUP;
    b.counter(bytes()).bench(|| s.pipeline.extract(&Input::new("day-987.txt", black_box(SAMPLE))));
}

/// Each export of the sample's graph (throughput in bytes of input text).
#[divan::bench(args = ExportFormat::ALL)]
fn export(b: Bencher, format: &ExportFormat) {
    let s = &*SETUP;
    let graph = s.pipeline.extract(&Input::new("day-987.txt", SAMPLE));
    let exporter = format.exporter();
    b.counter(bytes()).bench_local(|| exporter.files(black_box(&graph)).expect("the export"));
}
