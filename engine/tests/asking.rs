//! What the engine asks: a part of a condition that no answer can settle (a not-found parameter,
//! a parameter before its first date, a derived value of such, an "I don't know" answer) asks
//! nothing; advice of eligible aids is asked once no verdict or amount waits for a question.
//! Small packs written here over the demo fixture's shared vocabulary (`common.toml`).

mod common;

use common::{answers, date, num};
use eligo_engine::toml_source::load_pack_with;
use eligo_engine::{Answer, Answers, CriterionState, Pack, Verdict, evaluate};

const HEADER: &str = r#"
[pack]
id = "asking"
version = "test"
languages = ["fr", "en"]
include = ["common.toml"]

[territory]
name = { fr = "Démoville", en = "Demotown" }
insee = "99999"

[[place]]
id = "ccas"
name = { fr = "CCAS", en = "Social services" }
"#;

/// An aid with these criteria (and optional extra TOML after them: amount, advice).
fn aid(id: &str, criteria: &[&str], extra: &str) -> String {
    let mut s = format!(
        r#"
[[aid]]
id = "{id}"
name = {{ fr = "{id}", en = "{id}" }}
institution = {{ fr = "CCAS", en = "CCAS" }}
summary = {{ fr = "Aide.", en = "Aid." }}
places = ["ccas"]
sources = [{{ title = "Délibération", url = "https://example.org/d", verified = 2026-11-23 }}]
"#
    );
    for when in criteria {
        s.push_str(&format!(
            "\n[[aid.criterion]]\nwhen = \"{when}\"\nlabel = {{ fr = \"Critère\", en = \"Criterion\" }}\n"
        ));
    }
    s.push_str(extra);
    s
}

fn pack(body: &str) -> Pack {
    let text = format!("{HEADER}{body}");
    let common = common::manifest_dir().join("tests/fixtures/demo/common.toml");
    load_pack_with("asking.toml", &text, &mut |include: &str| {
        assert_eq!(include, "common.toml");
        Ok((
            "common.toml".into(),
            std::fs::read_to_string(&common).map_err(|e| e.to_string())?,
        ))
    })
    .unwrap_or_else(|e| panic!("{e}"))
    .pack
}

fn undetermined(v: &Verdict) -> (&[String], &[String], &[String]) {
    match v {
        Verdict::Undetermined {
            missing,
            unsettled,
            dont_know,
        } => (missing, unsettled, dont_know),
        other => panic!("expected undetermined, got {other:?}"),
    }
}

const OCTOBER: &str = "2026-10-01";

#[test]
fn a_comparison_with_a_not_found_parameter_asks_nothing() {
    let p = pack(&aid(
        "grocery",
        &["monthly_resources - 100 <= grocery_threshold"],
        "",
    ));
    let r = evaluate(&p, &Answers::new(), date(OCTOBER));
    let g = r.aid("grocery").unwrap();
    let (missing, unsettled, dont_know) = undetermined(&g.verdict);
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(unsettled, ["grocery_threshold"]);
    assert!(dont_know.is_empty());
    assert_eq!(g.criteria[0].state, CriterionState::Unknown);
    assert!(g.criteria[0].missing.is_empty());
    assert_eq!(r.next_question, None);
    assert_eq!(r.questions_left, 0);
}

#[test]
fn a_derived_value_of_a_not_found_parameter_asks_nothing() {
    let body = format!(
        r#"
[[derived]]
id = "monthly_threshold"
type = "money"
label = {{ fr = "Seuil mensuel", en = "Monthly threshold" }}
formula = "grocery_threshold * 30 / household_size"
{}"#,
        aid(
            "grocery",
            &["resources_per_person <= monthly_threshold", "age >= 18"],
            ""
        )
    );
    let p = pack(&body);
    let r = evaluate(&p, &Answers::new(), date(OCTOBER));
    let (missing, unsettled, _) = undetermined(&r.aid("grocery").unwrap().verdict);
    // Only the age can still make it not eligible.
    assert_eq!(missing, ["age"]);
    assert_eq!(unsettled, ["grocery_threshold"]);
    assert_eq!(r.next_question.as_deref(), Some("age"));
    assert_eq!(r.questions_left, 1);
    let r = evaluate(&p, &answers(&[("age", num(30))]), date(OCTOBER));
    let (missing, unsettled, _) = undetermined(&r.aid("grocery").unwrap().verdict);
    assert!(missing.is_empty());
    assert_eq!(unsettled, ["grocery_threshold"]);
    assert_eq!((r.next_question, r.questions_left), (None, 0));
}

#[test]
fn a_parameter_before_its_first_date_asks_nothing_then_its_value_does() {
    let p = pack(&aid(
        "top_up",
        &["age >= 18", "resources_per_person <= minimum"],
        "",
    ));
    let adult = answers(&[("age", num(20))]);
    // `minimum` starts on 2025-01-01.
    let r = evaluate(&p, &adult, date("2024-10-01"));
    let (missing, unsettled, _) = undetermined(&r.aid("top_up").unwrap().verdict);
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(unsettled, ["minimum"]);
    assert_eq!((r.next_question, r.questions_left), (None, 0));
    // Once it has a value, the resources are worth asking.
    let r = evaluate(&p, &adult, date(OCTOBER));
    let (missing, unsettled, _) = undetermined(&r.aid("top_up").unwrap().verdict);
    assert_eq!(missing, ["household_size", "monthly_resources"]);
    assert!(unsettled.is_empty());
    assert_eq!(r.questions_left, 2);
}

#[test]
fn an_i_dont_know_operand_makes_the_other_operand_useless() {
    let p = pack(&aid("family", &["resources_per_person <= 500"], ""));
    let a = answers(&[("monthly_resources", Answer::DontKnow)]);
    let r = evaluate(&p, &a, date(OCTOBER));
    let (missing, unsettled, dont_know) = undetermined(&r.aid("family").unwrap().verdict);
    assert!(missing.is_empty(), "household_size cannot settle it");
    assert!(unsettled.is_empty());
    assert_eq!(dont_know, ["monthly_resources"]);
    assert_eq!(r.next_question, None);
}

#[test]
fn a_side_of_and_that_can_still_fail_is_asked() {
    let p = pack(&aid(
        "young_grocery",
        &["age < 27 and monthly_resources <= grocery_threshold"],
        "",
    ));
    let r = evaluate(&p, &Answers::new(), date(OCTOBER));
    assert_eq!(
        undetermined(&r.aid("young_grocery").unwrap().verdict).0,
        ["age"]
    );
    let r = evaluate(&p, &answers(&[("age", num(30))]), date(OCTOBER));
    assert!(matches!(
        r.aid("young_grocery").unwrap().verdict,
        Verdict::NotEligible { .. }
    ));
    let r = evaluate(&p, &answers(&[("age", num(20))]), date(OCTOBER));
    let (missing, unsettled, _) = undetermined(&r.aid("young_grocery").unwrap().verdict);
    assert!(missing.is_empty());
    assert_eq!(unsettled, ["grocery_threshold"]);
}

#[test]
fn an_operand_that_may_turn_out_not_applicable_is_still_asked() {
    // `study_years` only makes sense for students: for anyone else the comparison is false, so
    // `activity` can settle the criterion even though the threshold is not found.
    let body = format!(
        r#"
[[question]]
id = "study_years"
type = "integer"
ask_if = "activity == 'student'"
label = {{ fr = "Années d'études", en = "Years of study" }}
{}"#,
        aid("study_grocery", &["study_years <= grocery_threshold"], "")
    );
    let p = pack(&body);
    let r = evaluate(&p, &Answers::new(), date(OCTOBER));
    let (missing, unsettled, _) = undetermined(&r.aid("study_grocery").unwrap().verdict);
    assert_eq!(missing, ["activity"]);
    assert_eq!(unsettled, ["grocery_threshold"]);
    let employed = answers(&[("activity", Answer::OneOf("employed".into()))]);
    let r = evaluate(&p, &employed, date(OCTOBER));
    assert!(matches!(
        r.aid("study_grocery").unwrap().verdict,
        Verdict::NotEligible { .. }
    ));
    let student = answers(&[("activity", Answer::OneOf("student".into()))]);
    let r = evaluate(&p, &student, date(OCTOBER));
    let (missing, _, _) = undetermined(&r.aid("study_grocery").unwrap().verdict);
    assert!(missing.is_empty(), "study_years cannot settle it any more");
    assert_eq!((r.next_question, r.questions_left), (None, 0));
}

#[test]
fn advice_is_asked_after_verdicts_and_amounts_and_only_for_open_aids() {
    let body = [
        aid(
            "adult_aid",
            &["age >= 18"],
            r#"
[aid.amount]
formula = "max(0, 500 - monthly_resources)"
period = "month"

[[aid.advice]]
when = "receives has 'rsa'"
text = { fr = "Signalez votre RSA.", en = "Mention your RSA." }

[[aid.advice]]
when = "monthly_resources <= grocery_threshold"
text = { fr = "Jamais décidable.", en = "Never decidable." }
"#,
        ),
        aid("family_aid", &["household_size >= 2"], ""),
    ]
    .concat();
    let p = pack(&body);
    let today = date(OCTOBER);
    // Verdicts first: age (adult_aid) and household_size (family_aid), one aid each: pack order.
    let r = evaluate(&p, &Answers::new(), today);
    assert_eq!(r.next_question.as_deref(), Some("age"));
    // At most: age, household_size, then monthly_resources (amount) and receives (advice).
    assert_eq!(r.questions_left, 4);
    let mut a = answers(&[("age", num(20))]);
    let r = evaluate(&p, &a, today);
    assert_eq!(r.aid("adult_aid").unwrap().verdict, Verdict::Eligible);
    assert_eq!(r.next_question.as_deref(), Some("household_size"));
    a.set("household_size", num(1));
    // No verdict can move: the amount's question, then the advice's.
    let r = evaluate(&p, &a, today);
    let adult = r.aid("adult_aid").unwrap();
    assert_eq!(adult.amount_missing, ["monthly_resources"]);
    assert_eq!(adult.advice_missing, ["receives"]);
    assert_eq!(r.next_question.as_deref(), Some("monthly_resources"));
    assert_eq!(r.questions_left, 2);
    a.set("monthly_resources", num(450));
    let r = evaluate(&p, &a, today);
    assert_eq!(r.next_question.as_deref(), Some("receives"));
    assert_eq!(r.questions_left, 1);
    a.set("receives", Answer::SeveralOf(vec!["rsa".into()]));
    let r = evaluate(&p, &a, today);
    let adult = r.aid("adult_aid").unwrap();
    assert_eq!(adult.advice.len(), 1);
    assert!(
        adult.advice_missing.is_empty(),
        "the other advice is never decidable"
    );
    assert_eq!((r.next_question, r.questions_left), (None, 0));
    // A not-eligible aid's advice asks nothing.
    let minor = answers(&[("age", num(16)), ("household_size", num(1))]);
    let r = evaluate(&p, &minor, today);
    assert!(r.aid("adult_aid").unwrap().advice_missing.is_empty());
    assert_eq!((r.next_question, r.questions_left), (None, 0));
}

#[test]
fn advice_questions_are_ranked_by_how_many_advices_wait_then_pack_order() {
    let advice = |when: &str| {
        format!(
            "\n[[aid.advice]]\nwhen = \"{when}\"\ntext = {{ fr = \"Conseil.\", en = \"Advice.\" }}\n"
        )
    };
    let body = [
        aid("first", &["age >= 18"], &advice("household_size >= 3")),
        aid("second", &["age >= 18"], &advice("monthly_resources < 100")),
        aid("third", &["age >= 18"], &advice("monthly_resources < 200")),
    ]
    .concat();
    let p = pack(&body);
    let a = answers(&[("age", num(30))]);
    let r = evaluate(&p, &a, date(OCTOBER));
    // monthly_resources settles two advices, household_size one (though first in pack order).
    assert_eq!(r.next_question.as_deref(), Some("monthly_resources"));
    assert_eq!(r.questions_left, 2);
    let mut b = a.clone();
    b.set("monthly_resources", num(150));
    let r = evaluate(&p, &b, date(OCTOBER));
    assert_eq!(r.next_question.as_deref(), Some("household_size"));
}

/// The Chenôve social grocery compares a derived "reste à vivre" with a not-found threshold: it
/// asks nothing, and `monthly_charges` (used by nothing else) is never asked.
#[test]
fn chenove_grocery_asks_nothing_and_monthly_charges_is_never_asked() {
    let chenove = common::load(&common::manifest_dir().join("../packs/chenove/pack.toml")).pack;
    let today = date(OCTOBER);
    let r = evaluate(&chenove, &Answers::new(), today);
    let g = r.aid("epicerie_coeur_bombis").unwrap();
    assert_eq!(undetermined(&g.verdict).0, ["commune"]);
    assert!(g.criteria[1].missing.is_empty());
    let a = answers(&[("commune", Answer::OneOf("chenove".into()))]);
    let r = evaluate(&chenove, &a, today);
    let g = r.aid("epicerie_coeur_bombis").unwrap();
    let (missing, unsettled, _) = undetermined(&g.verdict);
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(unsettled, ["epicerie_rav_threshold"]);
    // Follow the questionnaire with several answer patterns: monthly_charges never comes.
    for seed in 0..40u64 {
        let mut answers = a.clone();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        while let Some(next) = evaluate(&chenove, &answers, today).next_question {
            assert_ne!(next, "monthly_charges");
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let q = chenove.question(&next).unwrap();
            let answer = match q.kind {
                eligo_engine::schema::QuestionKind::YesNo => Answer::YesNo(state % 2 == 0),
                eligo_engine::schema::QuestionKind::Integer => num((state % 40) as i64 + 1),
                eligo_engine::schema::QuestionKind::Money => num((state % 3000) as i64),
                eligo_engine::schema::QuestionKind::Date => Answer::Date(date("2000-01-01")),
                eligo_engine::schema::QuestionKind::OneOf => Answer::OneOf(
                    q.options[(state % q.options.len() as u64) as usize]
                        .id
                        .clone(),
                ),
                eligo_engine::schema::QuestionKind::SeveralOf => Answer::SeveralOf(vec![]),
            };
            answers.set(next, answer);
        }
    }
}
