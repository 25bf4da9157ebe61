//! `graph-build`: the command-line tool.

mod alloc;
mod args;
mod build;
mod diagnostics;
mod eval;
mod input;
mod output;
mod query;
mod score;
mod stats;
mod table;

use args::{Cli, Command};
use build::Stop;
use clap::Parser;
use diagnostics::Reporter;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A panic inside a document is reported as that document's error, not as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    output::on_interrupt();
    let reporter = Reporter::default();
    let result = match &cli.command {
        None => build::run(&cli.build, &reporter),
        Some(Command::Query(args)) => query::run(args, &reporter),
        Some(Command::Stats(args)) => stats::run(args, &reporter),
        Some(Command::Eval(args)) => eval::run(args, &reporter),
    };
    match result {
        Ok(()) if reporter.skipped() > 0 => ExitCode::from(1),
        Ok(()) | Err(Stop::ClosedPipe) => ExitCode::SUCCESS,
        Err(Stop::Fatal(msg)) => {
            eprintln!("graph-build: error: {msg}");
            ExitCode::from(2)
        }
    }
}
