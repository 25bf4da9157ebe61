//! Bad input and hostile text: every input ends in a graph or one clear line on stderr,
//! no output is ever half-written, nothing panics, and no input makes the work grow faster
//! than its length.
//!
//! - `inputs`: the command line on broken, odd and unreadable inputs (files in `inputs/`
//!   and generated ones), one table of cases.
//! - `outputs`: temporary files and renames, closed pipes, Ctrl-C, missing folders.
//! - `growth`: doubling an input roughly doubles the allocations made to process it.
//! - `iri`: minted IRIs are valid whatever the name.
//! - `fuzz`: the inputs fuzzing found interesting (`fuzz/`), through every format.

mod common;
mod fuzz;
mod growth;
mod inputs;
mod iri;
mod outputs;
/// What the fuzz targets drive, and the pipeline every test here uses.
#[path = "../../fuzz/fuzz_targets/common.rs"]
mod targets;

/// Counts the allocations of each thread, for `growth`.
#[global_allocator]
static ALLOCATOR: common::Counting = common::Counting;
