//! `check`: is the pack valid? Every problem with its file, line and field, in the asked language; then
//! the freshness warnings (values past their date, unused parameters, …), which do not fail the check.

use crate::args::{Failure, load_in, message_lang, parse_args};
use eligo_engine::messages::{localize, warnings_found};
use eligo_engine::review::to_review;

/// `check <pack.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--lang", "--date"])?;
    let lang = message_lang(&a)?;
    let [path] = a.positional.as_slice() else {
        return Err(Failure::Usage("check needs one pack file".into()));
    };
    let today = crate::args::date_option(&a)?;
    let loaded = load_in(path, lang)?;
    let p = &loaded.pack;
    let summary = format!(
        "valid pack \"{}\" ({}): {} aids, {} questions, {} derived values, {} parameters, languages {}",
        p.id,
        p.version,
        p.aids.len(),
        p.questions.len(),
        p.derived.len(),
        p.parameters.len(),
        p.languages.join(", ")
    );
    println!("{path}: {}", localize(&summary, lang));
    let warnings = to_review(&loaded, today);
    if !warnings.is_empty() {
        for w in &warnings {
            println!("{}", w.render(lang));
        }
        println!("{}", warnings_found(warnings.len(), lang));
    }
    Ok(())
}
