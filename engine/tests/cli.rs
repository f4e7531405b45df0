//! The `eligo-rules` command as CCAS staff run it: `explain` speaks the chosen language only, and
//! `test` runs every case of a file, refusing files it would otherwise half-read.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eligo-rules"))
        .args(args)
        .current_dir(common::manifest_dir().join(".."))
        .output()
        .expect("eligo-rules runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The checker's own French words (verdicts, reasons, amounts, next question).
const FRENCH: [&str; 24] = [
    "ÉLIGIBLE",
    "SOUS RÉSERVE",
    "INDÉTERMINÉ",
    "à demander",
    "Dispositif en test",
    "Les demandes ne sont pas ouvertes",
    "Valeur à confirmer",
    "Valeur inconnue",
    "je ne sais pas",
    "Cette aide est à l'étude",
    "Cette aide est fermée",
    "D'après vos réponses",
    "reste à confirmer par le CCAS",
    "une fois",
    "par mois",
    "par trimestre",
    "par an",
    "jusqu'à",
    "mois maximum",
    "à confirmer",
    "Question suivante",
    "au plus",
    "Plus aucune question",
    "Conseil :",
];

/// What Rust debug formatting of the report would look like.
const DEBUG: [&str; 12] = [
    "status:",
    "UnderStudy",
    "ToConfirm",
    "NotEligible",
    "Undetermined",
    "Experimental",
    "OutsideWindow",
    "Some(",
    "None",
    "{",
    "}",
    "[\"",
];

#[test]
fn explain_in_arabic_and_english_has_no_french_fixed_words_nor_debug_output() {
    for lang in ["ar", "en"] {
        for date in ["2026-10-01", "2026-03-15"] {
            let o = run(&[
                "explain",
                "packs/chenove/pack.toml",
                "packs/chenove/examples/student-20.toml",
                "--lang",
                lang,
                "--date",
                date,
            ]);
            assert!(o.status.success(), "{}", stderr(&o));
            let out = stdout(&o);
            assert!(out.lines().count() > 20, "{out}");
            for line in out.lines() {
                for w in FRENCH.iter().chain(&DEBUG) {
                    assert!(!line.contains(w), "--lang {lang}: {w:?} in {line:?}");
                }
            }
        }
    }
    // The RME of the sample student, in each language.
    let o = run(&[
        "explain",
        "packs/chenove/pack.toml",
        "packs/chenove/examples/student-20.toml",
        "--lang",
        "ar",
    ]);
    assert!(stdout(&o).contains("مؤهَّل"), "{}", stdout(&o));
    let o = run(&[
        "explain",
        "packs/chenove/pack.toml",
        "packs/chenove/examples/student-20.toml",
        "--lang",
        "fr",
    ]);
    assert!(stdout(&o).contains("ÉLIGIBLE"));
    assert!(
        stdout(&o).contains("Cette aide est à l'étude"),
        "the RMG status, in French"
    );
}

fn count_case_headers(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| l.trim_start().starts_with("[[case]]"))
        .count()
}

#[test]
fn test_runs_every_case_of_each_repository_pack() {
    for pack in common::repo_packs() {
        let cases = pack.with_file_name("cases.toml");
        let expected = count_case_headers(&cases);
        assert!(expected > 0);
        let o = run(&["test", pack.to_str().unwrap()]);
        assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
        let out = stdout(&o);
        let ok = out.lines().filter(|l| l.starts_with("ok    ")).count();
        assert_eq!(ok, expected, "{}: {out}", cases.display());
        let summary = out.lines().last().unwrap();
        assert!(
            summary.starts_with(&format!("{expected} case(s) run from "))
                && summary.contains(&format!("{expected} passed, 0 failed")),
            "{summary}"
        );
        // The summary names the file it read (with its full path), so a run on a stale copy shows.
        let full = std::fs::canonicalize(&cases).unwrap();
        assert!(summary.contains(full.to_str().unwrap()), "{summary}");
    }
}

fn write_cases(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eligo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn test_refuses_cases_it_could_not_check() {
    let bad = [
        (
            "unknown_aid.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nanswers = { age = 20 }\nexpect = { rmee = \"eligible\" }\n",
            "unknown aid \"rmee\" (did you mean \"rme\"?)",
        ),
        (
            "unknown_amount_aid.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nanswers = { age = 20 }\namounts = { rmes = 1 }\n",
            "amounts: unknown aid \"rmes\"",
        ),
        (
            "typo_key.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nanswers = { age = 20 }\nexpcet = { rme = \"eligible\" }\n",
            "typo_key.toml:5:1: unknown field `expcet`",
        ),
        (
            "typo_table.toml",
            "[[cases]]\nname = \"x\"\ndate = 2026-10-01\nexpect = { rme = \"eligible\" }\n",
            "unknown field `cases`, expected `case`",
        ),
        (
            "checks_nothing.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nexpect = { rme = \"undetermined\" }\n\n[[case]]\nname = \"y\"\ndate = 2026-10-01\nanswers = { age = 20 }\n",
            "checks_nothing.toml:6:1: case 2 \"y\" checks nothing",
        ),
        (
            "same_name.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nexpect = { rme = \"undetermined\" }\n\n[[case]]\nname = \"x\"\ndate = 2026-10-01\nexpect = { rme = \"undetermined\" }\n",
            "case 2 has the same name as case 1",
        ),
        ("empty.toml", "# nothing yet\n", "no [[case]] in the file"),
        (
            "bad_verdict.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nexpect = { rme = \"eligable\" }\n",
            "unknown verdict \"eligable\"",
        ),
        (
            "unknown_question.toml",
            "[[case]]\nname = \"x\"\ndate = 2026-10-01\nanswers = { agee = 20 }\nexpect = { rme = \"undetermined\" }\n",
            "answer to unknown question \"agee\" (did you mean \"age\"?)",
        ),
    ];
    for (name, text, message) in bad {
        let path = write_cases(name, text);
        let o = run(&["test", "packs/chenove/pack.toml", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stdout(&o));
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(
            all.contains(message),
            "{name}: expected {message:?} in {all}"
        );
    }
}

/// Issue 15: `check --lang fr` prints the five mistakes of the studio's fixture together, each at its
/// line, in French, and no Rust name; `--lang de` is a usage error; `--help` no longer speaks of JSON.
#[test]
fn check_speaks_french_and_reports_every_mistake() {
    let o = run(&[
        "check",
        "--lang",
        "fr",
        "engine/tests/fixtures/five-mistakes.toml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (line, words) in [
        (28, "l'identifiant « age » est déjà utilisé"),
        (36, "une valeur texte doit être entre guillemets"),
        (46, "lieu inconnu « ccas_centre »"),
        (49, "impossible de comparer un nombre avec une date"),
        (50, "traduction « en » manquante"),
    ] {
        let prefix = format!("engine/tests/fixtures/five-mistakes.toml:{line}:");
        assert!(
            err.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(words)),
            "{words} at line {line} in\n{err}"
        );
    }
    assert!(err.contains("5 problème(s) trouvé(s)"), "{err}");
    assert!(
        !err.contains("{ ") && !err.contains("missing") && !err.contains("unknown"),
        "{err}"
    );

    let o = run(&["check", "--lang", "de", "packs/chenove/pack.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let help = stdout(&run(&["--help"]));
    assert!(!help.contains("JSON"), "{help}");
    assert!(help.contains("diff"), "{help}");
}

/// `check` on a valid pack passes with its warnings (what to review), in Arabic too.
#[test]
fn warnings_do_not_fail_the_check() {
    let o = run(&[
        "check",
        "packs/chenove/pack.toml",
        "--lang",
        "ar",
        "--date",
        "2026-11-26",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("حزمة صالحة"), "{out}");
    assert!(out.contains("تنبيه: packs/chenove/pack.toml:"), "{out}");
    assert!(out.contains("mutuelle"), "{out}");
}

/// `diff OLD NEW` on the same pack says there is no change.
#[test]
fn diff_of_a_pack_with_itself_is_no_change() {
    let o = run(&[
        "diff",
        "packs/chenove/pack.toml",
        "packs/chenove/pack.toml",
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "aucun changement");
}
