//! The command line's shape (positional arguments, `--name value` options), loading a pack for a command,
//! and how a command fails.

use eligo_engine::messages::{problems_found, render};
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

/// The languages of the checker's messages.
pub const MESSAGE_LANGUAGES: [&str; 3] = ["fr", "en", "ar"];

/// The language of the checker's messages: `--lang`, else English (the words scripts expect).
pub fn message_lang(a: &Args) -> Result<&str, Failure> {
    match a.option("--lang") {
        None => Ok("en"),
        Some(lang) if MESSAGE_LANGUAGES.contains(&lang) => Ok(lang),
        Some(other) => Err(Failure::Usage(format!(
            "--lang {other}: the checker speaks fr, en and ar"
        ))),
    }
}

/// Loads and checks a pack; all its problems, each with its line, go to standard error in `lang`.
pub fn load_in(path: &str, lang: &str) -> Result<LoadedPack, Failure> {
    load_pack(Path::new(path)).map_err(|mut errors| {
        // In reading order: file, then line and column (the order found mixes reading and compiling).
        errors
            .0
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        for e in &errors.0 {
            eprintln!("{}", render(e, lang));
        }
        eprintln!("{}", problems_found(errors.0.len(), path, lang));
        Failure::Invalid
    })
}

/// [`load_in`] in English.
pub fn load(path: &str) -> Result<LoadedPack, Failure> {
    load_in(path, "en")
}

/// Today's date (UTC), as the checker sees it.
pub fn today() -> eligo_engine::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    eligo_engine::Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
        .or_else(|| eligo_engine::Date::new(2026, 1, 1))
        .unwrap_or_else(|| unreachable!("a fixed valid date"))
}

/// `--date YYYY-MM-DD`, else today.
pub fn date_option(a: &Args) -> Result<eligo_engine::Date, Failure> {
    match a.option("--date") {
        Some(d) => eligo_engine::Date::parse(d)
            .ok_or_else(|| Failure::Usage(format!("--date {d}: expected YYYY-MM-DD"))),
        None => Ok(today()),
    }
}
