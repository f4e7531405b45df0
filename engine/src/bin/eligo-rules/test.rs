//! `test`: runs the pack's test cases (`cases.toml` beside it by default).

use crate::args::{Failure, load_in, message_lang, parse_args};
use eligo_engine::cases::{check_cases, load_cases, run_case};
use eligo_engine::messages::{localize, problems_found, render};
use std::path::{Path, PathBuf};

/// `test <pack.toml> [cases.toml] [--lang fr|en|ar]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--lang"])?;
    let lang = message_lang(&a)?;
    let (pack_path, cases_path) = match a.positional.as_slice() {
        [pack] => (pack.clone(), Path::new(pack).with_file_name("cases.toml")),
        [pack, cases] => (pack.clone(), PathBuf::from(cases)),
        _ => {
            return Err(Failure::Usage(
                "test needs a pack file and optionally a cases file".into(),
            ));
        }
    };
    let loaded = load_in(&pack_path, lang)?;
    let cases = load_cases(&cases_path).map_err(|errors| {
        for e in &errors.0 {
            eprintln!("{}", render(e, lang));
        }
        Failure::Invalid
    })?;
    let cases_name = cases_path.display();
    // Expectations on an aid the pack does not have are mistakes in the file, never skipped.
    let problems = check_cases(&loaded.pack, &cases);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{cases_name}: {}", localize(p, lang));
        }
        eprintln!(
            "{}",
            problems_found(problems.len(), &cases_name.to_string(), lang)
        );
        return Err(Failure::Invalid);
    }
    let mut failed = 0;
    for case in &cases {
        let outcome = run_case(&loaded.pack, case);
        let at = outcome
            .line
            .map(|l| format!("{cases_name}:{l}: "))
            .unwrap_or_default();
        if outcome.failures.is_empty() {
            println!("ok    {}", outcome.name);
        } else {
            failed += 1;
            println!("FAIL  {}", outcome.name);
            for f in &outcome.failures {
                println!("      {at}{}", localize(f, lang));
            }
        }
    }
    // The full path: a run on a stale copy of the repository shows where it read its cases.
    let full = std::fs::canonicalize(&cases_path).unwrap_or_else(|_| cases_path.clone());
    let summary = format!(
        "{} case(s) run from {} (pack \"{}\" version {}): {} passed, {failed} failed",
        cases.len(),
        full.display(),
        loaded.pack.id,
        loaded.pack.version,
        cases.len() - failed
    );
    println!("{}", localize(&summary, lang));
    if failed > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}
