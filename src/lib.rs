//! newsgraph: a knowledge graph of who did what to whom, where and when, from English
//! news about wars, crises and diplomacy.
//!
//! ```no_run
//! use newsgraph::{export::ExportFormat, Input, Pipeline};
//! let pipeline = Pipeline::new()?;
//! let graph = pipeline.extract(&Input::new("day-987.txt", "Russian forces captured the village of Kreminna Balka."));
//! ExportFormat::Turtle.exporter().write(&graph, &mut std::io::stdout())?;
//! # Ok::<(), newsgraph::Error>(())
//! ```
//!
//! The stages, each a pure function of the previous stage's output:
//! [`text`] (normalisation, sentences, tokens, numbers, dates) → [`mention`] (gazetteer,
//! patterns) → [`resolve`] (one entity per real-world thing) → [`relation`] (relations,
//! events, statements) → [`graph`] (the knowledge graph) → [`export`].

pub mod data;
pub mod error;
pub mod export;
pub mod graph;
pub mod input;
pub mod mention;
pub mod pipeline;
pub mod relation;
pub mod resolve;
pub mod text;
pub mod vocab;

pub use data::{EntityType, EventType, OntologyData, Predicate};
pub use error::{Error, ErrorKind, Result};
pub use graph::KnowledgeGraph;
pub use pipeline::{Analysis, Input, Pipeline, PipelineBuilder};
pub use text::date::Date;
