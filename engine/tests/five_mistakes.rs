//! Issue 15: five mistakes in one file (a duplicate id, a malformed date, an unknown id, a type error in
//! a condition, a missing translation) are all reported at once, each at its line, in plain French; the
//! studio page's end-to-end test checks the same file (`tests/fixtures/five-mistakes.toml`).

use eligo_engine::messages::{is_known, render};
use eligo_engine::toml_source::load_pack;
use std::path::Path;

#[test]
fn five_mistakes_give_five_french_messages_at_their_lines() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/five-mistakes.toml");
    let errors = load_pack(&path).unwrap_err().0;
    let mut got: Vec<(usize, String)> = errors
        .iter()
        .map(|e| (e.line.expect("every problem has its line"), render(e, "fr")))
        .collect();
    got.sort();
    let expected = [
        (
            28,
            "l'identifiant « age » est déjà utilisé par la question « age »",
        ),
        (36, "une valeur texte doit être entre guillemets"),
        (46, "lieu inconnu « ccas_centre »"),
        (49, "impossible de comparer un nombre avec une date"),
        (50, "traduction « en » manquante"),
    ];
    assert_eq!(got.len(), 5, "{got:#?}");
    for ((line, shown), (want_line, want)) in got.iter().zip(expected) {
        assert_eq!(*line, want_line, "{shown}");
        assert!(shown.contains(want), "line {line}: {shown}");
    }
    for e in &errors {
        assert!(
            is_known(&e.message),
            "not in the message table: {}",
            e.message
        );
        // Never a Rust name in any language.
        for lang in ["fr", "en", "ar"] {
            let shown = render(e, lang);
            assert!(!shown.contains("{ ") && !shown.contains("::"), "{shown}");
        }
    }
}

#[test]
fn every_malformed_fixture_is_in_the_message_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut untranslated = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        if let Err(errors) = load_pack(&path) {
            for e in errors.0 {
                if !is_known(&e.message) {
                    untranslated.push(format!("{}: {}", path.display(), e.message));
                }
            }
        }
    }
    assert!(untranslated.is_empty(), "{untranslated:#?}");
}

#[test]
fn a_refused_answer_is_a_sentence_in_each_language() {
    use eligo_engine::messages::localize;
    let refused = "answer to \"age\" refused: the number is above the maximum, 120";
    assert_eq!(
        localize(refused, "fr"),
        "réponse à « age » refusée : le nombre dépasse le maximum, 120"
    );
    assert_eq!(
        localize(refused, "ar"),
        "الإجابة عن «age» مرفوضة: العدد أكبر من الحد الأقصى، 120"
    );
}

/// Several TOML mistakes in one file are all reported, each at its line, and the rest is still checked.
#[test]
fn several_syntax_mistakes_are_reported_together() {
    use eligo_engine::toml_source::parse_file_recovering;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/five-mistakes.toml");
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("verified = 2026-11-23 },\n]", "verified = 23/11/2026 },\n]")
        .replace("max = 120", "max = 120 ans");
    let read = parse_file_recovering("f.toml", &text);
    let lines: Vec<Option<usize>> = read.errors.iter().map(|e| e.line).collect();
    // Line 36 has two mistakes: the malformed `from` and the malformed `verified`.
    assert_eq!(lines, [Some(23), Some(36), Some(36)], "{:#?}", read.errors);
    assert!(read.file.is_some(), "the rest of the file is read");
    assert_eq!(read.replaced_lines, [23, 36]);
    assert_eq!(read.text.lines().count(), text.lines().count());
}
