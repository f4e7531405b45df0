//! `check`: is the pack valid? Each problem with its file, line and field.

use crate::args::{Failure, load, parse_args};

/// `check <pack.toml>`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &[])?;
    let [path] = a.positional.as_slice() else {
        return Err(Failure::Usage("check needs one pack file".into()));
    };
    let loaded = load(path)?;
    let p = &loaded.pack;
    println!(
        "{path}: valid pack \"{}\" ({}): {} aids, {} questions, {} derived values, {} parameters, languages {}",
        p.id,
        p.version,
        p.aids.len(),
        p.questions.len(),
        p.derived.len(),
        p.parameters.len(),
        p.languages.join(", ")
    );
    // Whether a native speaker reviewed each translation file (the app says so until one has).
    for (file, lang, review) in &loaded.translations {
        println!("  {lang}: {file}: {review}");
    }
    Ok(())
}
