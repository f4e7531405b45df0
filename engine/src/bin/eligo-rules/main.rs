//! `eligo-rules`: checks, tests, explains, builds and benchmarks rules packs, for CCAS staff. One module
//! per command; [`args`] holds the command line's shape and the failures.

mod args;
mod bench;
mod build;
mod check;
mod explain;
mod test;

use args::Failure;
use std::process::ExitCode;

const USAGE: &str = "eligo-rules: check and test Eligo rules packs

usage:
  eligo-rules check <pack.toml>                 check a pack (exit 0 valid, 1 invalid)
  eligo-rules test <pack.toml> [cases.toml]     run the pack's test cases (default: cases.toml beside it)
  eligo-rules explain <pack.toml> <answers.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]
                                                verdict and explanation of each aid for some answers
  eligo-rules build <pack.toml> -o <out.pack>   write the checked pack in the binary form the app reads
  eligo-rules bench <pack.toml> [--runs N]      time a full evaluation over random answers";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
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
