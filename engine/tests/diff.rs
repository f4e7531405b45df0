//! Issue 15: `diff(old, new)` (the studio's board preview and `eligo-rules diff OLD NEW`) lists the aids
//! whose rules, texts or status changed, parameter values added with their dates, and the cases whose
//! verdict flips. The new version is made with the studio's form edits, so comments must survive too.

use eligo_engine::cases::{Case, parse_cases};
use eligo_engine::diff::{AidChange, diff};
use eligo_engine::edit::{NewValue, add_parameter_value, set_aid_status};
use eligo_engine::toml_source::{LoadedPack, load_pack_with};
use eligo_engine::{Date, Decimal};
use std::path::Path;

fn packs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../packs/chenove")
}

fn load(text: &str) -> LoadedPack {
    load_pack_with("chenove/pack.toml", text, &mut |include| {
        Ok((
            include.to_string(),
            std::fs::read_to_string(packs().join(include)).map_err(|e| e.to_string())?,
        ))
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

const CASE: &str = r#"
[[case]]
name = "student in Dijon, 300 a month, October 2027"
date = 2027-10-01
answers = { age = 20, commune = "chenove", years_in_commune = 3, activity = "student", studies = "higher", has_bac = true, study_zone = "dijon", student_resources = 300 }
expect = { rme = "to_confirm" }
"#;

#[test]
fn diff_lists_changed_aids_new_values_and_flipped_cases() {
    let old_text = std::fs::read_to_string(packs().join("pack.toml")).unwrap();
    let date = |s: &str| Date::parse(s).unwrap();
    let new_text = add_parameter_value(
        &old_text,
        "rme_minimum_dijon",
        &NewValue {
            from: date("2027-09-01"),
            value: "450".into(),
            source: "Délibération du conseil d'administration du CCAS".into(),
            url: None,
            verified: date("2026-11-26"),
            to_confirm: false,
        },
    )
    .unwrap();
    let new_text = set_aid_status(&new_text, "chromebook_cm1", "closed").unwrap();
    // The comments of the file are all still there.
    for line in old_text.lines().filter(|l| l.starts_with('#')) {
        assert!(new_text.contains(line), "lost comment {line:?}");
    }
    let (old, new) = (load(&old_text), load(&new_text));
    let cases: Vec<Case> = parse_cases("cases.toml", CASE).unwrap();
    let d = diff(&old, &new, &cases);

    assert_eq!(d.aids.len(), 1, "{:?}", d.aids);
    assert_eq!(d.aids[0].id, "chromebook_cm1");
    assert_eq!(d.aids[0].change, AidChange::Changed(vec!["status"]));
    assert_eq!(d.parameters.len(), 1);
    assert_eq!(d.parameters[0].id, "rme_minimum_dijon");
    assert_eq!(d.parameters[0].added.len(), 1);
    assert_eq!(d.parameters[0].added[0].from, date("2027-09-01"));
    assert!(d.parameters[0].removed.is_empty());
    // The 2011 value was to confirm; the new one is not: the RME for this student flips to eligible,
    // with 150 € instead of 120 €.
    let rme: Vec<_> = d.flipped.iter().filter(|f| f.aid == "rme").collect();
    assert_eq!(rme.len(), 1, "{:?}", d.flipped);
    assert_eq!(rme[0].before, Some("to_confirm"));
    assert_eq!(rme[0].after, Some("eligible"));
    assert_eq!(rme[0].amount_before, Some(Decimal::new(120, 0)));
    assert_eq!(rme[0].amount_after, Some(Decimal::new(150, 0)));

    let fr = d.lines("fr").join("\n");
    assert!(
        fr.contains("aide « chromebook_cm1 » : modifié : statut"),
        "{fr}"
    );
    assert!(
        fr.contains("paramètre « rme_minimum_dijon » : valeur 450 à partir du 2027-09-01 ajoutée"),
        "{fr}"
    );
    assert!(
        fr.contains("aide « rme » : à confirmer avant, éligible après"),
        "{fr}"
    );

    // No change, no line but "no change".
    let same = diff(&old, &old, &cases);
    assert!(same.is_empty());
    assert_eq!(same.lines("en"), vec!["no change".to_string()]);
}
