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

/// Whether `text` names `id` as a whole word (a criterion's condition reading a question).
fn names(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(i, _)| {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !word(text[..i].chars().next_back()) && !word(text[i + id.len()..].chars().next())
    })
}

/// The cases of every repository pack cover what issue 14 asks of them: for every aid, one person
/// inside its public (a case naming the aid where no criterion fails) and one outside (a criterion
/// fails); a "from <date>" case for every time-bound aid (a yearly window, or a criterion on an
/// answer that grows with time) and a "would qualify if" case for every time-bound or
/// single-criterion aid that can be claimed; a case checking the next steps.
#[test]
fn the_cases_cover_every_aids_public_dates_and_what_ifs() {
    use eligo_engine::schema::AidStatus;
    use eligo_engine::{CriterionState, evaluate};
    for path in common::repo_packs() {
        let pack = common::load(&path).pack;
        let cases = load_cases(&path.with_file_name("cases.toml")).unwrap();
        let mut missing = Vec::new();
        for aid in &pack.aids {
            let (mut inside, mut outside) = (false, false);
            for case in cases.iter().filter(|c| c.expect.contains_key(&aid.id)) {
                let answers =
                    eligo_engine::cases::typed_answers(&pack, &case.answers, case.date).unwrap();
                let report = evaluate(&pack, &answers, case.date);
                let r = report.aid(&aid.id).unwrap();
                let fails = r.criteria.iter().any(|c| c.state == CriterionState::Failed);
                inside |= !fails;
                outside |= fails;
            }
            let time_bound = aid.window.is_some()
                || aid.criteria.iter().any(|c| {
                    pack.questions
                        .iter()
                        .any(|q| q.grows_with_time && names(&c.when, &q.id))
                });
            let claimable = matches!(aid.status, AidStatus::Active | AidStatus::Experimental);
            let has_from = cases.iter().any(|c| c.from.contains_key(&aid.id));
            let has_what_if = cases
                .iter()
                .any(|c| c.would_qualify_if.contains_key(&aid.id));
            for (lacking, what) in [
                (!inside, "a person inside its public"),
                (!outside, "a person outside its public"),
                (time_bound && !has_from, "a from-date (it is time-bound)"),
                (
                    claimable && (time_bound || aid.criteria.len() == 1) && !has_what_if,
                    "a would-qualify-if",
                ),
            ] {
                if lacking {
                    missing.push(format!("{}: {what}", aid.id));
                }
            }
        }
        if !cases.iter().any(|c| c.next_steps.is_some()) {
            missing.push("no case checks the next steps".into());
        }
        assert!(
            missing.is_empty(),
            "{}: cases missing:\n{}",
            path.display(),
            missing.join("\n")
        );
    }
}
