//! `diff`: what changed between two versions of a pack, for the CCAS board: aids, parameter values with
//! their dates, and the test cases whose verdict or amount flips.

use crate::args::{Failure, load_in, message_lang, parse_args};
use eligo_engine::cases::load_cases;
use eligo_engine::diff::diff;
use eligo_engine::messages::render;
use std::path::{Path, PathBuf};

/// `diff <old/pack.toml> <new/pack.toml> [--cases cases.toml] [--lang fr|en|ar]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--lang", "--cases"])?;
    let lang = message_lang(&a)?;
    let [old_path, new_path] = a.positional.as_slice() else {
        return Err(Failure::Usage(
            "diff needs the old and the new pack file".into(),
        ));
    };
    let old = load_in(old_path, lang)?;
    let new = load_in(new_path, lang)?;
    // The new version's cases, run on both versions.
    let cases_path = a.option("--cases").map_or_else(
        || Path::new(new_path).with_file_name("cases.toml"),
        PathBuf::from,
    );
    let cases = if cases_path.exists() {
        load_cases(&cases_path).map_err(|errors| {
            for e in &errors.0 {
                eprintln!("{}", render(e, lang));
            }
            Failure::Invalid
        })?
    } else {
        Vec::new()
    };
    for line in diff(&old, &new, &cases).lines(lang) {
        println!("{line}");
    }
    Ok(())
}
