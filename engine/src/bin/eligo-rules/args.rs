//! The command line's shape (positional arguments, `--name value` options), loading a pack for a command,
//! and how a command fails.

use eligo_engine::toml_source::{LoadedPack, load_pack};
use std::path::Path;

/// How a command fails.
pub enum Failure {
    /// The pack, cases or answers are wrong (exit 1).
    Invalid,
    /// The command line is wrong (exit 2).
    Usage(String),
}

/// Positional arguments and `--name value` options.
pub struct Args {
    /// The arguments that are not options, in order.
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
}

/// Reads `args`, whose options must be among `known` (each takes a value).
pub fn parse_args(args: &[String], known: &[&str]) -> Result<Args, Failure> {
    let mut out = Args {
        positional: Vec::new(),
        options: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg.starts_with('-') && arg.len() > 1 {
            if !known.contains(&arg.as_str()) {
                return Err(Failure::Usage(format!("unknown option {arg}")));
            }
            let value = it
                .next()
                .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
            out.options.push((arg.clone(), value.clone()));
        } else {
            out.positional.push(arg.clone());
        }
    }
    Ok(out)
}

impl Args {
    /// The value of option `name` (the last one given).
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Loads and checks a pack; its problems, each with its line, go to standard error.
pub fn load(path: &str) -> Result<LoadedPack, Failure> {
    load_pack(Path::new(path)).map_err(|errors| {
        for e in &errors.0 {
            eprintln!("{e}");
        }
        eprintln!("{} problem(s) found in {path}", errors.0.len());
        Failure::Invalid
    })
}
