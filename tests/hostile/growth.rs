//! No quadratic blow-up: for each shape of hostile text, processing twice as much text
//! (extraction, then every export format) makes about twice the allocations and allocates
//! about twice the bytes. The work is counted by the test binary's allocator, per thread,
//! so it does not depend on the machine's speed or on other tests running beside it.

use crate::common::{allocations, pipeline};
use crate::inputs::capitalised_words;
use newsgraph::export::ExportFormat;
use newsgraph::Input;

/// The most the work may grow when the text doubles. Linear work doubles (less, with the
/// fixed costs of a document); work growing with the square of the length would grow four
/// times.
const MAX_GROWTH: f64 = 2.5;

/// Names that differ from each other ("Karov Belenko", "Belenko Torski", …).
fn name(i: usize) -> String {
    let words = capitalised_words(2 * i + 2);
    let mut w = words.split_whitespace().skip(2 * i);
    format!("{} {}", w.next().unwrap_or("Karov"), w.next().unwrap_or("Belenko"))
}

/// The hostile shapes, each as a function of a size.
/// A shape of text: its name, and the text of a size.
type Shape = (&'static str, fn(usize) -> String);

fn shapes() -> Vec<Shape> {
    vec![
        ("capitalised words in a row", |n| capitalised_words(n * 40)),
        ("one long sentence of clauses", |n| {
            "the convoy moved towards the town of Kreminna Balka, shelled by Russian forces, ".repeat(n * 4)
        }),
        ("quotes never closed", |n| "Zelenskyy said \"Russia attacked the city of Kharkiv with drones ".repeat(n * 4)),
        ("many distinct people", |n| {
            (0..n * 4)
                .map(|i| format!("Foreign Minister {} met President {} in Kyiv on Monday. ", name(i), name(i + 7)))
                .collect()
        }),
        ("a long article", |n| {
            "Russian forces attacked the city of Kharkiv overnight, killing two people and wounding 11, \
             Governor Oleh Syniehubov said. Ukraine's air force said it downed 40 of 60 drones.\n\n"
                .repeat(n * 2)
        }),
        ("a list of numbers", |n| {
            let numbers: Vec<String> = (0..n * 60).map(|i| format!("{},{:03}", i, i % 1000)).collect();
            format!("Strikes killed {} people.", numbers.join(", "))
        }),
        ("brackets and dashes", |n| "(Kyiv — [Lviv] (\u{2014} Odesa ".repeat(n * 12)),
    ]
}

/// Allocations and allocated bytes to extract a text and export it in every format.
fn work(text: &str) -> (u64, u64) {
    pipeline();
    let ((), n, bytes) = allocations(|| {
        let graph = pipeline().extract(&Input::new("growth.txt", text));
        for format in ExportFormat::ALL {
            format.exporter().files(&graph).expect("export");
        }
    });
    (n, bytes)
}

#[test]
fn doubling_the_text_doubles_the_work() {
    for (what, shape) in shapes() {
        let sizes = [4, 8, 16];
        let texts: Vec<String> = sizes.iter().map(|&n| shape(n)).collect();
        let counts: Vec<(u64, u64)> = texts.iter().map(|t| work(t)).collect();
        for i in 1..sizes.len() {
            let length = texts[i].len() as f64 / texts[i - 1].len() as f64;
            let calls = counts[i].0 as f64 / counts[i - 1].0 as f64;
            let bytes = counts[i].1 as f64 / counts[i - 1].1 as f64;
            let limit = MAX_GROWTH * length / 2.0;
            assert!(
                calls <= limit && bytes <= limit,
                "{what}: the text grew {length:.2}x ({} to {} bytes), allocations {calls:.2}x, bytes {bytes:.2}x \
                 ({counts:?})",
                texts[i - 1].len(),
                texts[i].len(),
            );
        }
    }
}

/// The counter sees the work: a longer text makes more allocations (so the test above
/// measures something).
#[test]
fn the_counter_counts() {
    let sentence = |i: usize| format!("Foreign Minister {} met President {} in Kyiv on Monday. ", name(i), name(i + 1));
    let (small, _) = work(&sentence(0));
    let (large, _) = work(&(0..20).map(sentence).collect::<String>());
    assert!(small > 0 && large > 4 * small, "{small} then {large}");
}
