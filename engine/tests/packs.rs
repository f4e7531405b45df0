//! Every pack of the repository (`packs/*/pack.toml`) is valid, builds to the binary form the browser
//! reads back identically, and passes the test cases beside it. The demo fixture is run the same way.

mod common;

use eligo_engine::Pack;
use eligo_engine::cases::{check_cases, load_cases, run_case};
use std::path::Path;

fn check_pack_and_cases(path: &Path) -> usize {
    let loaded = common::load(path);
    let read_back = Pack::from_bytes(&loaded.pack.to_bytes())
        .unwrap_or_else(|e| panic!("{}: binary form: {e}", path.display()));
    assert_eq!(
        read_back,
        loaded.pack,
        "{}: binary form differs",
        path.display()
    );
    let cases_path = path.with_file_name("cases.toml");
    let cases = load_cases(&cases_path).unwrap_or_else(|e| panic!("{e}"));
    // Every `[[case]]` written in the file is run: none dropped on the way.
    let written = std::fs::read_to_string(&cases_path)
        .unwrap()
        .lines()
        .filter(|l| l.trim_start().starts_with("[[case]]"))
        .count();
    assert_eq!(cases.len(), written, "{}", cases_path.display());
    let problems = check_cases(&loaded.pack, &cases);
    assert!(
        problems.is_empty(),
        "{}: {problems:?}",
        cases_path.display()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let outcome = run_case(&loaded.pack, case);
        for f in &outcome.failures {
            failures.push(format!(
                "{}:{}: {}: {f}",
                cases_path.display(),
                outcome.line.unwrap_or(0),
                outcome.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
    cases.len()
}

#[test]
fn every_repository_pack_is_valid_and_passes_its_cases() {
    let packs = common::repo_packs();
    // The repository ships packs: finding none means the test looks in the wrong place.
    assert!(
        !packs.is_empty(),
        "no packs/*/pack.toml found next to the engine"
    );
    for path in &packs {
        let n = check_pack_and_cases(path);
        eprintln!("{}: {n} cases passed", path.display());
    }
}

#[test]
fn demo_fixture_is_valid_and_passes_its_cases() {
    let n = check_pack_and_cases(&common::manifest_dir().join("tests/fixtures/demo/pack.toml"));
    assert!(n >= 5);
}

#[test]
fn loading_for_the_app_build_gives_a_pack_or_readable_errors() {
    let loaded = eligo_engine::toml_source::load_pack(
        &common::manifest_dir().join("tests/fixtures/demo/pack.toml"),
    )
    .unwrap();
    assert!(Pack::from_bytes(&loaded.pack.to_bytes()).is_ok());
    let err = eligo_engine::toml_source::load_pack(
        &common::manifest_dir().join("tests/malformed/unknown_name.toml"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(
            "unknown_name.toml:44:9: aid \"rme\", criterion 1, field when: unknown name \"agee\""
        ),
        "{err}"
    );
}
