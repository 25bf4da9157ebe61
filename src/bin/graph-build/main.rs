//! `graph-build`: the command-line tool.

mod args;
mod build;
mod diagnostics;
mod input;
mod output;

use args::Cli;
use build::Stop;
use clap::Parser;
use diagnostics::Reporter;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A panic inside a document is reported as that document's error, not as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let reporter = Reporter::default();
    let result = build::run(&cli.build, &reporter);
    match result {
        Ok(()) if reporter.skipped() > 0 => ExitCode::from(1),
        Ok(()) | Err(Stop::ClosedPipe) => ExitCode::SUCCESS,
        Err(Stop::Fatal(msg)) => {
            eprintln!("graph-build: error: {msg}");
            ExitCode::from(2)
        }
    }
}
