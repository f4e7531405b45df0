//! What the results screen reads from the repository packs (issue 14): papers with where to get each,
//! no place without hours or whom to ask, the CSS at the CPAM, the glossary's terms, sensitive
//! questions, honest amounts (unconfirmed ones flagged, "up to" only while resources are unknown),
//! and `explain` printing the app's own lines (not needed, from, would qualify if, papers, next steps).

mod common;

use common::{answers, date, num};
use eligo_engine::explain::explanation;
use eligo_engine::schema::{AidKind, AmountKind};
use eligo_engine::sentences::{Msg, Words, from_line, what_if_line};
use eligo_engine::{Answer, OpeningHours, Pack, evaluate, outlook};

fn load(name: &str) -> Pack {
    common::load(&common::manifest_dir().join(format!("../packs/{name}/pack.toml"))).pack
}

fn packs() -> Vec<Pack> {
    vec![load("chenove"), load("besancon")]
}

fn one(id: &str) -> Answer {
    Answer::OneOf(id.to_string())
}

#[test]
fn every_aid_to_ask_for_lists_its_papers_with_where_to_get_each() {
    for pack in packs() {
        for aid in pack.aids.iter().filter(|a| a.kind != AidKind::Info) {
            assert!(
                !aid.documents.is_empty(),
                "{}: {} lists no paper",
                pack.id,
                aid.id
            );
            for d in &aid.documents {
                assert!(
                    d.where_to_get.is_some() || d.place.is_some(),
                    "{}: {}: \"{}\" says not where to get it",
                    pack.id,
                    aid.id,
                    d.get("fr")
                );
                for lang in &pack.languages {
                    assert!(d.paper.has(lang), "{}: {}: {lang}", pack.id, aid.id);
                }
            }
            // The one-line placeholder of before is gone.
            assert!(
                !aid.documents
                    .iter()
                    .any(|d| d.get("fr").contains("donne la liste")),
                "{}: {}",
                pack.id,
                aid.id
            );
        }
    }
}

#[test]
fn every_place_says_when_or_whom_to_ask_and_its_hours_read() {
    for pack in packs() {
        for place in &pack.places {
            assert!(
                place.hours.is_some() || place.opening_hours.is_some(),
                "{}: {} gives no hours and does not say whom to ask",
                pack.id,
                place.id
            );
            if let Some(h) = &place.opening_hours {
                OpeningHours::parse(h).unwrap_or_else(|e| panic!("{}: {e}", place.id));
            }
        }
    }
    // The only sourced hours (the town hall's, 2018, to confirm) answer "open now".
    let chenove = load("chenove");
    let mairie = chenove.place("mairie_chenove").unwrap();
    assert!(mairie.to_confirm);
    let hours = OpeningHours::parse(mairie.opening_hours.as_deref().unwrap()).unwrap();
    // Monday 23 November 2026, 9:00 and 12:30; Wednesday 11 November 2026 (a public holiday).
    assert!(hours.is_open(date("2026-11-23"), 9 * 60));
    assert!(!hours.is_open(date("2026-11-23"), 12 * 60 + 30));
    assert!(!hours.is_open(date("2026-11-11"), 9 * 60));
}

#[test]
fn the_css_goes_to_the_cpam_and_the_glossary_explains_the_issues_words() {
    for pack in packs() {
        assert_eq!(pack.aid("css").unwrap().places, ["cpam"]);
        for term in [
            "CCAS",
            "CSS",
            "FAJ",
            "CEJ",
            "ARE",
            "AAH",
            "PLIE",
            "ALD",
            "reste à vivre",
            "RSA",
            "APL",
            "CAF",
            "CPAM",
        ] {
            let entry = pack
                .glossary_entry(term)
                .unwrap_or_else(|| panic!("{}: {term} missing", pack.id));
            for lang in &pack.languages {
                assert!(entry.expansion.has(lang), "{}: {term}: {lang}", pack.id);
            }
        }
        for q in ["money_difficulties", "housing", "disability"] {
            assert!(pack.question(q).unwrap().sensitive, "{}: {q}", pack.id);
        }
    }
    // Expanded once per page: PLIE and CAF in the Maison des Solidarités' summary.
    let chenove = load("chenove");
    let text = chenove.aid("maison_solidarites").unwrap().summary.get("fr");
    let mut seen = Vec::new();
    let terms: Vec<&str> = eligo_engine::glossary_marks(&chenove, text, &mut seen)
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(terms, ["CCAS", "Mission Locale", "PLIE", "CAF"]);
    assert!(eligo_engine::glossary_marks(&chenove, text, &mut seen).is_empty());
}

#[test]
fn unconfirmed_amounts_say_so_and_up_to_only_while_resources_are_unknown() {
    let besancon = load("besancon");
    let today = date("2026-10-01");
    let young = answers(&[
        ("age", num(22)),
        ("commune", one("besancon")),
        ("receives", Answer::SeveralOf(vec!["none".into()])),
        ("own_resources", Answer::YesNo(false)),
    ]);
    let report = evaluate(&besancon, &young, today);
    let aid = report.aid("aide_jeunes_2020").unwrap();
    assert!(aid.amount.as_ref().unwrap().to_confirm, "{aid:?}");
    let micro = report.aid("microcredit_ccas").unwrap();
    assert!(micro.amount.as_ref().unwrap().to_confirm, "{micro:?}");

    let chenove = load("chenove");
    let student = |resources: Option<Answer>| {
        let mut a = answers(&[
            ("age", num(20)),
            ("commune", one("chenove")),
            ("years_in_commune", num(3)),
            ("activity", one("student")),
            ("studies", one("higher")),
            ("has_bac", Answer::YesNo(true)),
            ("study_zone", one("dijon")),
        ]);
        if let Some(r) = resources {
            a.set("student_resources", r);
        }
        evaluate(&chenove, &a, today).aid("rme").unwrap().clone()
    };
    // Unknown money: "up to" the minimum, to confirm (a 2011 figure).
    let unknown = student(Some(Answer::DontKnow)).amount.unwrap();
    assert_eq!(
        (unknown.kind, unknown.value),
        (AmountKind::UpTo, 420.into())
    );
    assert!(unknown.to_confirm);
    // Declared: the top-up itself, never "up to".
    let known = student(Some(num(300))).amount.unwrap();
    assert_eq!((known.kind, known.value), (AmountKind::Exact, 120.into()));
    // 450 € a month, above the minimum: no "up to 420 €", the verdict says why.
    let above = student(Some(num(450)));
    assert!(above.amount.is_none());
    assert_eq!(above.verdict.name(), "not_eligible");
}

#[test]
fn explain_prints_the_apps_lines() {
    let chenove = load("chenove");
    let today = date("2026-10-01");
    // A student in Chenôve for one year: the RME refused on residence, from a date, if 2 years.
    let a = answers(&[
        ("age", num(20)),
        ("commune", one("chenove")),
        ("years_in_commune", num(1)),
        ("activity", one("student")),
        ("studies", one("higher")),
        ("has_bac", Answer::YesNo(true)),
        ("study_zone", one("dijon")),
        ("student_resources", num(300)),
    ]);
    let report = evaluate(&chenove, &a, today);
    let o = outlook(&chenove, &a, today, &report);
    let rme = o.iter().find(|o| o.id == "rme").unwrap();
    for lang in ["fr", "en", "ar"] {
        let text = explanation(&chenove, &a, today, lang);
        let words = &Words::of(lang);
        let from = from_line(rme.from.as_ref().unwrap(), words);
        assert!(text.contains(&from), "{lang}: {from}\n{text}");
        for w in &rme.would_qualify_if {
            let line = what_if_line(&chenove, w, words);
            assert!(text.contains(&line), "{lang}: {line}");
        }
        // A number to reach is not shown to residents (its criterion line gives the limit): explain
        // prints it for staff, marked.
        let staff = Msg::WhatIfForStaff.get(lang);
        let years = rme
            .would_qualify_if
            .iter()
            .find(|w| w.question == "years_in_commune");
        let years = years.expect("two years in the town would open the RME");
        assert!(!years.for_residents(&chenove));
        let line = format!("{} {staff}", what_if_line(&chenove, years, words));
        assert!(text.contains(&line), "{lang}: {line}\n{text}");
        for w in rme
            .would_qualify_if
            .iter()
            .filter(|w| w.for_residents(&chenove))
        {
            let line = format!("-> {}\n", what_if_line(&chenove, w, words));
            assert!(
                text.contains(&line),
                "{lang}: shown to residents, not marked: {line}"
            );
        }
        assert!(text.contains(Msg::NextSteps.get(lang)), "{lang}");
        // Papers of an aid one can ask for (La Fabrique, a service open to her).
        assert!(text.contains(Msg::Bring.get(lang)), "{lang}");
    }
    // Not needed: at 30 the FAJ (18-25) is refused on the age, its money question never asked.
    let thirty = answers(&[("age", num(30)), ("commune", one("chenove"))]);
    for lang in ["fr", "en", "ar"] {
        let text = explanation(&chenove, &thirty, today, lang);
        let faj = text
            .split("\n\n")
            .find(|block| block.contains("[faj_dijon_metropole]"))
            .unwrap();
        assert!(
            faj.contains(&format!(
                "[-] {}",
                chenove.aid("faj_dijon_metropole").unwrap().criteria[2]
                    .label
                    .get(lang)
            )) && faj.contains(Msg::NotNeeded.get(lang)),
            "{lang}: {faj}"
        );
    }
    let fr = explanation(&chenove, &a, today, "fr");
    assert!(
        fr.contains("Vous pourrez la demander à partir du 1er octobre 2027 (au plus tard)"),
        "{fr}"
    );
    assert!(fr.contains("Parlez de votre situation au CCAS"), "{fr}");
}

#[test]
fn hours_and_dates_in_words_in_each_language() {
    use eligo_engine::sentences::{date_words, hours_line};
    let hours = OpeningHours::parse("Mo-Fr 08:30-12:00,13:30-17:00; PH off").unwrap();
    let monday = date("2026-11-23");
    let friday = date("2026-11-27");
    let open = hours.status(monday, 10 * 60);
    let closed = hours.status(friday, 17 * 60 + 30);
    let w = |lang: &str| Words::of(lang);
    assert_eq!(
        hours_line(&open, monday, &w("fr")),
        "Ouvert maintenant, jusqu'à 12 h"
    );
    assert_eq!(hours_line(&open, monday, &w("en")), "Open now, until 12:00");
    assert_eq!(
        hours_line(&closed, friday, &w("fr")),
        "Fermé maintenant. Prochaine ouverture : lundi 30 novembre 2026, 8 h 30"
    );
    assert_eq!(
        hours_line(&closed, friday, &w("en")),
        "Closed now. Opens next: Monday 30 November 2026, 08:30"
    );
    assert!(hours_line(&closed, friday, &w("ar")).contains("الإثنين 30 نوفمبر 2026"));
    // The languages fetched on demand have their own words (they fell back to English before).
    assert_eq!(
        hours_line(&closed, friday, &w("pt")),
        "Fechado agora. Próxima abertura: segunda-feira 30 de novembro de 2026, 08:30"
    );
    assert_eq!(
        hours_line(&open, monday, &w("ru")),
        "Сейчас открыто, до 12:00"
    );
    assert!(hours_line(&closed, friday, &w("uk")).contains("понеділок 30 листопада 2026"));
    assert!(hours_line(&closed, friday, &w("tr")).contains("Pazartesi 30 Kasım 2026"));
    assert!(hours_line(&closed, friday, &w("fa-AF")).contains("دوشنبه 30 نومبر 2026"));
    assert!(hours_line(&open, monday, &w("fr-x-falc")).contains("12 h"));
    assert_eq!(
        date_words(date("2027-09-01"), &w("fr")),
        "1er septembre 2027"
    );
    assert_eq!(date_words(date("2027-09-01"), &w("en")), "1 September 2027");
    assert_eq!(date_words(date("2027-09-01"), &w("de")), "1 September 2027");
}

/// Every language of the interface has the messages a pack file carries ([`Msg::IN_PACK`]), with the
/// French text's placeholders: a card, an hours line or a next step never falls back to another
/// language.
#[test]
fn every_language_has_the_messages_a_pack_carries() {
    let holes = |t: &str| -> Vec<String> {
        let mut h: Vec<String> = t
            .split('{')
            .skip(1)
            .filter_map(|s| s.split('}').next())
            .map(String::from)
            .collect();
        h.sort();
        h
    };
    for lang in [
        "fr",
        "en",
        "ar",
        "tr",
        "pt",
        "uk",
        "ru",
        "fa-AF",
        "fr-x-falc",
    ] {
        let words = Words::for_pack(lang);
        for m in Msg::IN_PACK {
            let text = words.get(m);
            assert!(!text.is_empty(), "{m:?} in {lang}");
            assert_eq!(holes(text), holes(Msg::get(m, "fr")), "{m:?} in {lang}");
            if m != Msg::DateForm && !["fr", "en", "fr-x-falc"].contains(&lang) {
                assert_ne!(
                    text,
                    Msg::get(m, "en"),
                    "{m:?} in {lang} is the English text"
                );
            }
        }
        assert_eq!((words.months.len(), words.days.len()), (12, 7), "{lang}");
    }
    // A message's number is its place in `Msg::ALL` (the words are looked up by it).
    for (i, m) in Msg::ALL.iter().enumerate() {
        assert_eq!(*m as usize, i, "{m:?}");
    }
}
