//! `build`: writes the checked pack in the binary form the app reads (what a city publishes).

use crate::args::{Failure, load, parse_args};
use eligo_engine::Pack;

/// `build <pack.toml> -o <out.pack>`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["-o"])?;
    let ([pack_path], Some(out)) = (a.positional.as_slice(), a.option("-o")) else {
        return Err(Failure::Usage(
            "build needs a pack file and -o <out.pack>".into(),
        ));
    };
    // The app reads the binary form only (it has no JSON reader any more): say so rather than write
    // a file no app reads.
    if out.ends_with(".json") {
        return Err(Failure::Usage(format!(
            "{out}: the app reads the binary pack only: write it to a .pack file"
        )));
    }
    let loaded = load(pack_path)?;
    let bytes = loaded.pack.to_bytes();
    // The app reads it with the same code: make sure it accepts it, equal to the pack.
    if Pack::from_bytes(&bytes).as_ref() != Ok(&loaded.pack) {
        eprintln!("internal error: the built pack does not read back equal");
        return Err(Failure::Invalid);
    }
    std::fs::write(out, &bytes).map_err(|e| {
        eprintln!("{out}: cannot write: {e}");
        Failure::Invalid
    })?;
    println!("{out}: {} bytes", bytes.len());
    Ok(())
}
