//! Issue 15, freshness: `review::to_review` (the studio's "to review" list, `eligo-rules check`'s
//! warnings) finds values past their date, unused parameters, aids without documents or place and places
//! without address or hours, each at its line; none of them makes the pack invalid.

use eligo_engine::Date;
use eligo_engine::review::{ReviewKind, to_review};
use eligo_engine::toml_source::load_pack_with;
use std::path::Path;

const PACK: &str = r#"[pack]
id = "fresh"
version = "test"
languages = ["fr", "en"]
include = ["common.toml"]

[territory]
name = { fr = "Démoville", en = "Demotown" }
insee = "99999"

[[place]]
id = "ccas"
name = { fr = "CCAS", en = "Social services" }
address = "1 place de la Mairie"

[[parameter]]
id = "never_used"
label = { fr = "Inutilisé", en = "Unused" }
unit = "eur"
until = 2026-03-31
review_by = 2027-01-01
values = [{ from = 2025-01-01, value = 1, source = "Délibération", verified = 2026-11-23 }]

[[aid]]
id = "help"
name = { fr = "Aide", en = "Help" }
institution = { fr = "CCAS", en = "CCAS" }
summary = { fr = "Une aide.", en = "An aid." }
verified = 2026-11-23
review_by = 2026-11-01
places = ["ccas"]
sources = [{ title = "Délibération", url = "https://example.org/d", verified = 2026-11-23 }]

[[aid.criterion]]
when = "age < 27"
label = { fr = "Moins de 27 ans", en = "Under 27" }
"#;

#[test]
fn what_to_review_is_found_at_its_line() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo");
    let loaded = load_pack_with("fresh.toml", PACK, &mut |include| {
        Ok((
            include.to_string(),
            std::fs::read_to_string(fixtures.join(include)).map_err(|e| e.to_string())?,
        ))
    })
    .unwrap_or_else(|e| panic!("warnings never make a pack invalid: {e}"));
    let items = to_review(&loaded, Date::new(2026, 11, 26).unwrap());
    let ours: Vec<(ReviewKind, Option<usize>, String)> = items
        .iter()
        .filter(|i| i.problem.file.as_deref() == Some("fresh.toml"))
        .map(|i| (i.kind, i.problem.line, i.problem.message.clone()))
        .collect();
    let expected = [
        (
            ReviewKind::Expired,
            Some(20),
            "the source stopped applying on 2026-03-31: find the new value or rule",
        ),
        (ReviewKind::Unused, Some(17), "used by no rule"),
        (
            ReviewKind::ReviewDue,
            Some(30),
            "to review since 2026-11-01",
        ),
        (ReviewKind::NoDocuments, Some(24), "no documents to bring"),
        (ReviewKind::NoHours, Some(11), "no opening hours"),
    ];
    assert_eq!(ours.len(), expected.len(), "{ours:#?}");
    for (got, want) in ours.iter().zip(expected) {
        assert_eq!((got.0, got.1, got.2.as_str()), want);
    }
    // review_by 2027-01-01 is not due yet; the place has its address and the aid its place.
    assert!(
        !items
            .iter()
            .any(|i| i.kind == ReviewKind::NoAddress && i.problem.item.as_deref() == Some("ccas"))
    );
    // In French, as the studio and `check --lang fr` show it.
    let unused = items
        .iter()
        .find(|i| i.kind == ReviewKind::Unused && i.problem.item.as_deref() == Some("never_used"))
        .unwrap();
    assert_eq!(
        unused.render("fr"),
        "avertissement: fresh.toml:17:6: paramètre \"never_used\", champ id: utilisé par aucune règle"
    );
}

/// A place whose hours are given only in the OpenStreetMap syntax (`opening_hours`, what "open now" reads)
/// has its hours: "no opening hours" is for a place with neither `hours` nor `opening_hours`.
#[test]
fn a_place_with_opening_hours_has_hours() {
    let pack = PACK.replace(
        "address = \"1 place de la Mairie\"\n",
        "address = \"1 place de la Mairie\"\nopening_hours = \"Mo-Fr 08:30-12:00\"\n\n\
         [[place]]\nid = \"annex\"\nname = { fr = \"Annexe\", en = \"Annex\" }\naddress = \"2 rue Haute\"\n",
    );
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo");
    let loaded = load_pack_with("fresh.toml", &pack, &mut |include| {
        Ok((
            include.to_string(),
            std::fs::read_to_string(fixtures.join(include)).map_err(|e| e.to_string())?,
        ))
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let no_hours: Vec<Option<String>> = to_review(&loaded, Date::new(2026, 11, 26).unwrap())
        .into_iter()
        .filter(|i| {
            i.kind == ReviewKind::NoHours && i.problem.file.as_deref() == Some("fresh.toml")
        })
        .map(|i| i.problem.item)
        .collect();
    assert_eq!(no_hours, [Some("annex".to_string())]);
}
