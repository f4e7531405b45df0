//! `eligo-rules`: checks, tests, explains, builds and benchmarks rules packs, for CCAS staff. One module
//! per command; [`args`] holds the command line's shape and the failures.

mod args;
mod bench;
mod build;
mod check;
mod diff;
mod explain;
mod test;

use args::Failure;
use std::process::ExitCode;

const USAGE: &str = "eligo-rules: check, test, compare and build Eligo rules packs

usage:
  eligo-rules check <pack.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]
                                                check a pack: every problem at once (exit 0 valid, 1 invalid),
                                                then what to review (warnings, never a failure)
  eligo-rules test <pack.toml> [cases.toml] [--lang fr|en|ar]
                                                run the pack's test cases (default: cases.toml beside it)
  eligo-rules diff <old/pack.toml> <new/pack.toml> [--cases cases.toml] [--lang fr|en|ar]
                                                what changed: aids, parameter values, cases whose verdict flips
  eligo-rules explain <pack.toml> <answers.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]
                                                verdict and explanation of each aid for some answers
  eligo-rules build <pack.toml> -o <out.pack>   write the checked pack as a .pack file (binary; the same
                                                bytes the studio's Publish downloads)
  eligo-rules bench <pack.toml> [--runs N]      time a full evaluation over random answers

Messages are in English unless --lang says fr or ar.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("diff") => diff::run(&args[1..]),
        Some("explain") => explain::run(&args[1..]),
        Some("build") => build::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(Failure::Usage(String::new())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            if !message.is_empty() {
                eprintln!("error: {message}\n");
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
