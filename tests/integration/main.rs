//! The integration tests: one binary, one module per area.

mod common;
mod expect;
mod sample;
mod stages;
mod triggers;
