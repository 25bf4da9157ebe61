//! The integration tests: one binary, one module per area.

mod commands;
mod common;
mod corpus;
mod data;
mod docs;
mod expect;
mod exports;
mod sample;
mod stages;
mod triggers;
