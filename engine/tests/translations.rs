//! Translation files beside a pack (`lang/<code>.toml`, texts by path): merged into the pack's texts, and
//! every mistake reported with its file and line — a text missing (at the line of the reference text, with
//! the path to add), a path that matches no text, a placeholder lost.

mod common;

use eligo_engine::toml_source::{load_pack, load_pack_with_translations};
use std::path::PathBuf;

fn chenove() -> PathBuf {
    common::manifest_dir().join("../packs/chenove/pack.toml")
}

/// Loads the Chenôve pack from disk, with its Ukrainian file changed by `edit`.
fn with_ukrainian(edit: impl Fn(String) -> String) -> Result<(), String> {
    let path = chenove();
    let base = path.parent().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut read = |relative: &str| {
        let file = base.join(relative);
        let name = relative.to_string();
        std::fs::read_to_string(&file)
            .map(|t| {
                if relative == "lang/uk.toml" {
                    (name.clone(), edit(t))
                } else {
                    (name.clone(), t)
                }
            })
            .map_err(|e| e.to_string())
    };
    let mut translations = read;
    load_pack_with_translations("pack.toml", &text, &mut read, &mut translations)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn every_declared_language_comes_from_its_file() {
    let loaded = load_pack(&chenove()).unwrap();
    let rme = loaded.pack.aid("rme").unwrap();
    assert!(
        rme.name.get("uk").contains("Revenu Minimum Étudiant"),
        "the French name beside the translation"
    );
    assert_ne!(rme.name.get("uk"), rme.name.get("fr"));
    for lang in &loaded.pack.languages {
        assert!(rme.summary.has(lang), "{lang}");
    }
    assert!(loaded.translations.iter().any(|(file, lang, review)| {
        file.ends_with("chenove/lang/tr.toml") && lang == "tr" && review == "to be reviewed"
    }));
    assert!(with_ukrainian(|t| t).is_ok());
}

#[test]
fn a_missing_text_is_reported_at_the_reference_text_with_the_path_to_add() {
    let error = with_ukrainian(|t| {
        t.lines()
            .filter(|l| !l.starts_with("aid.rmg.how_to_apply"))
            .collect::<Vec<_>>()
            .join("\n")
    })
    .unwrap_err();
    let text = std::fs::read_to_string(chenove()).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("how_to_apply = { fr = \"Rien à demander pour l'instant."))
        .unwrap()
        + 1;
    assert!(
        error.contains(&format!("pack.toml:{line}:"))
            && error.contains(
                "missing \"uk\" translation: add `aid.rmg.how_to_apply = \"…\"` to lang/uk.toml"
            ),
        "{error}"
    );
}

#[test]
fn a_stray_path_and_a_lost_placeholder_are_reported_in_the_translation_file() {
    let error = with_ukrainian(|t| format!("{t}\naid.rmgx.name = \"x\"\n")).unwrap_err();
    let lines =
        std::fs::read_to_string(common::manifest_dir().join("../packs/chenove/lang/uk.toml"))
            .unwrap()
            .lines()
            .count();
    assert!(
        error.contains(&format!(
            "lang/uk.toml:{}:1: `aid.rmgx.name` is not the path",
            lines + 2
        )),
        "{error}"
    );

    let error =
        with_ukrainian(|t| t.replace("aid.rmg.how_to_apply = \"", "aid.rmg.how_to_apply = \"{n} "))
            .unwrap_err();
    assert!(
        error.contains("`aid.rmg.how_to_apply` must keep the placeholders"),
        "{error}"
    );

    let error =
        with_ukrainian(|t| t.replace("territory.name = ", "territory.namex = ")).unwrap_err();
    assert!(
        error.contains("missing \"uk\" translation: add `territory.name"),
        "{error}"
    );
}

#[test]
fn without_translation_files_every_language_must_be_inline() {
    let path = chenove();
    let base = path.parent().unwrap().to_path_buf();
    let text = std::fs::read_to_string(&path).unwrap();
    let error =
        eligo_engine::toml_source::load_pack_with("pack.toml", &text, &mut |relative: &str| {
            std::fs::read_to_string(base.join(relative))
                .map(|t| (relative.to_string(), t))
                .map_err(|e| e.to_string())
        })
        .unwrap_err()
        .to_string();
    assert!(error.contains("missing \"uk\" translation"), "{error}");
}
