//! Unit-level behaviour of the engine on the demo fixture pack: each kind of condition, each
//! verdict, amounts and rounding, dated parameters, "I don't know", ranking and input checks.

mod common;

use common::{answers, date, demo, demo_pack, num};
use eligo_engine::schema::Rounding;
use eligo_engine::{
    Answer, Answers, ConfirmReason, CriterionState, Decimal, InputError, Pack, RefusalReason, Tri,
    Verdict, applicability, evaluate,
};
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn one(s: &str) -> Answer {
    Answer::OneOf(s.into())
}

fn student(age: i64) -> Answers {
    answers(&[
        ("age", num(age)),
        ("activity", one("student")),
        ("studies", one("higher")),
        ("has_bac", Answer::YesNo(true)),
        ("monthly_resources", Answer::Number(dec("150.40"))),
    ])
}

const OCTOBER: &str = "2026-10-01";

#[test]
fn comparison_in_and_yes_no_conditions() {
    let pack = demo_pack();
    let r = evaluate(&pack, &student(20), date(OCTOBER));
    let aid = r.aid("student_aid").unwrap();
    assert_eq!(aid.verdict, Verdict::Eligible);
    assert!(aid.criteria.iter().all(|c| c.state == CriterionState::Met));
    // Comparison fails.
    let r = evaluate(&pack, &student(27), date(OCTOBER));
    let aid = r.aid("student_aid").unwrap();
    assert_eq!(
        aid.verdict,
        Verdict::NotEligible {
            reasons: vec![RefusalReason::Criterion(0)]
        }
    );
    assert_eq!(aid.criteria[0].state, CriterionState::Failed);
    assert_eq!(aid.amount, None);
}

#[test]
fn or_with_one_true_side_is_met_even_if_the_other_is_unknown() {
    let pack = demo_pack();
    let mut a = student(20);
    a.set("studies", one("terminale"));
    a.remove("has_bac");
    let r = evaluate(&pack, &a, date(OCTOBER));
    assert_eq!(r.aid("student_aid").unwrap().verdict, Verdict::Eligible);
}

#[test]
fn not_applicable_questions_make_comparisons_false() {
    let pack = demo_pack();
    let a = answers(&[
        ("age", num(20)),
        ("activity", one("employed")),
        ("studies", one("higher")),
    ]);
    assert_eq!(
        applicability(&pack, &a, date(OCTOBER), "studies"),
        Tri::False
    );
    let r = evaluate(&pack, &a, date(OCTOBER));
    let aid = r.aid("student_aid").unwrap();
    assert_eq!(
        aid.criteria[1].state,
        CriterionState::Failed,
        "studies ignored: its ask_if is false"
    );
    assert!(matches!(aid.verdict, Verdict::NotEligible { .. }));
}

#[test]
fn has_on_several_of_and_advice() {
    let pack = demo_pack();
    let mut a = student(20);
    a.set("receives", Answer::SeveralOf(vec!["rsa".into()]));
    let r = evaluate(&pack, &a, date(OCTOBER));
    assert_eq!(r.aid("student_aid").unwrap().advice.len(), 1);
    assert_eq!(
        r.aid("student_aid").unwrap().advice[0].get("en"),
        "Mention your RSA."
    );
    a.set("receives", Answer::SeveralOf(vec![]));
    let r = evaluate(&pack, &a, date(OCTOBER));
    assert!(r.aid("student_aid").unwrap().advice.is_empty());
}

#[test]
fn derived_values_dates_and_years_since() {
    let pack = demo_pack();
    let a = answers(&[
        ("birth_date", Answer::Date(date("2008-10-02"))),
        ("age", num(17)),
    ]);
    let r = evaluate(&pack, &a, date(OCTOBER));
    assert!(
        matches!(
            r.aid("youth_card").unwrap().verdict,
            Verdict::NotEligible { .. }
        ),
        "17 the day before"
    );
    let r = evaluate(&pack, &a, date("2026-10-02"));
    assert!(
        matches!(
            r.aid("youth_card").unwrap().verdict,
            Verdict::ToConfirm { .. }
        ),
        "18 on the birthday"
    );
}

#[test]
fn every_verdict() {
    let pack = demo_pack();
    let today = date(OCTOBER);
    let empty = evaluate(&pack, &Answers::new(), today);
    match &empty.aid("student_aid").unwrap().verdict {
        Verdict::Undetermined {
            missing,
            unsettled,
            dont_know,
        } => {
            assert_eq!(missing, &["age", "activity"]);
            assert!(unsettled.is_empty() && dont_know.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        empty.aid("closed_aid").unwrap().verdict,
        Verdict::NotEligible {
            reasons: vec![RefusalReason::Status(
                eligo_engine::schema::AidStatus::Closed
            )]
        }
    );
    // to_confirm: checks.
    let family = answers(&[("household_size", num(3)), ("monthly_resources", num(1200))]);
    let r = evaluate(&pack, &family, today);
    assert_eq!(
        r.aid("family_aid").unwrap().verdict,
        Verdict::ToConfirm {
            reasons: vec![ConfirmReason::Checks]
        }
    );
    // to_confirm: outside the window.
    let r = evaluate(&pack, &student(20), date("2026-03-01"));
    assert_eq!(
        r.aid("student_aid").unwrap().verdict,
        Verdict::ToConfirm {
            reasons: vec![ConfirmReason::OutsideWindow]
        }
    );
    // undetermined by a not-found parameter: nothing to ask, the parameter is reported.
    let r = evaluate(&pack, &family, today);
    match &r.aid("grocery").unwrap().verdict {
        Verdict::Undetermined {
            missing, unsettled, ..
        } => {
            assert!(
                missing.is_empty() || missing.iter().all(|q| q == "receives" || q == "birth_date")
            );
            assert_eq!(unsettled, &["grocery_threshold"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn dont_know_keeps_unknown_and_is_not_asked_again() {
    let pack = demo_pack();
    let a = answers(&[
        ("age", Answer::DontKnow),
        ("activity", one("student")),
        ("studies", one("higher")),
    ]);
    let r = evaluate(&pack, &a, date(OCTOBER));
    let aid = r.aid("student_aid").unwrap();
    assert_eq!(aid.criteria[0].state, CriterionState::Unknown);
    match &aid.verdict {
        Verdict::Undetermined {
            missing, dont_know, ..
        } => {
            assert_eq!(dont_know, &["age"]);
            assert_eq!(missing, &["has_bac"]);
        }
        other => panic!("{other:?}"),
    }
    assert_ne!(r.next_question.as_deref(), Some("age"));
}

#[test]
fn amounts_are_rounded_as_declared() {
    let pack = demo_pack();
    // 430.55 (2026-06-01 value) - 150.40 = 280.15, euro_nearest -> 280, flagged to confirm.
    let r = evaluate(&pack, &student(20), date(OCTOBER));
    let amount = r.aid("student_aid").unwrap().amount.clone().unwrap();
    assert_eq!(amount.value, dec("280"));
    assert_eq!(amount.max_months, Some(10));
    assert!(amount.to_confirm);
    // (500 - 1200/3) * 0.5 = 50, euro_down.
    let family = answers(&[
        ("household_size", num(3)),
        ("monthly_resources", Answer::Number(dec("1201"))),
    ]);
    let r = evaluate(&pack, &family, date(OCTOBER));
    // 1201/3 = 400.333.. -> cent 400.33; (500 - 400.33) * 0.5 = 49.835 -> euro_down 49.
    assert_eq!(
        r.aid("family_aid").unwrap().amount.as_ref().unwrap().value,
        dec("49")
    );
    assert_eq!(Rounding::Cent.apply(dec("2.345")), dec("2.35"));
    assert_eq!(Rounding::Cent.apply(dec("-2.345")), dec("-2.35"));
    assert_eq!(Rounding::EuroNearest.apply(dec("2.5")), dec("3"));
    assert_eq!(Rounding::EuroDown.apply(dec("2.99")), dec("2"));
    assert_eq!(Rounding::EuroUp.apply(dec("2.01")), dec("3"));
    assert_eq!(Rounding::None.apply(dec("2.015")), dec("2.015"));
}

#[test]
fn parameters_follow_their_dates() {
    let pack = demo_pack();
    let p = pack.parameter("minimum").unwrap();
    assert!(
        p.value_at(date("2024-12-31")).is_none(),
        "before the first date: unknown"
    );
    assert_eq!(p.value_at(date("2025-01-01")).unwrap().value.0, dec("400"));
    assert_eq!(
        p.value_at(date("2026-05-31")).unwrap().value.0,
        dec("420.5")
    );
    assert_eq!(
        p.value_at(date("2026-06-01")).unwrap().value.0,
        dec("430.55")
    );
    // In March 2026: 420.5 - 150.40 = 270.10 -> 270, not to confirm.
    let r = evaluate(&pack, &student(20), date("2026-03-01"));
    let amount = r.aid("student_aid").unwrap().amount.clone().unwrap();
    assert_eq!(amount.value, dec("270"));
    assert!(!amount.to_confirm);
    // Before any value, an amount depending on it is unknown.
    let r = evaluate(&pack, &student(20), date("2024-10-01"));
    assert_eq!(r.aid("student_aid").unwrap().amount, None);
}

#[test]
fn ranking_prefers_the_question_most_aids_wait_for_then_pack_order() {
    let pack = demo_pack();
    let today = date(OCTOBER);
    let r = evaluate(&pack, &Answers::new(), today);
    // age: student_aid and youth_card; household_size: family_aid only; age comes first anyway.
    assert_eq!(r.next_question.as_deref(), Some("age"));
    assert!(r.questions_left >= 5, "{}", r.questions_left);
    let a = answers(&[("age", num(20))]);
    let r = evaluate(&pack, &a, today);
    // Wanted by two aids: birth_date (youth_card, grocery); by one: activity (student_aid),
    // receives (grocery), household_size and monthly_resources (family_aid). grocery's threshold
    // criterion compares with a not-found parameter: it asks nothing.
    assert_eq!(r.next_question.as_deref(), Some("birth_date"));
    let mut b = a.clone();
    b.set("birth_date", Answer::Date(date("2006-01-01")));
    let r = evaluate(&pack, &b, date(OCTOBER));
    // Adult: youth_card is decided and grocery's first criterion holds; activity, household_size
    // and monthly_resources are each wanted by one aid: pack order.
    assert_eq!(r.next_question.as_deref(), Some("activity"));
    // Once everything is known, nothing is left to ask.
    let mut all = student(20);
    all.set("birth_date", Answer::Date(date("2006-01-01")));
    all.set("household_size", num(1));
    all.set("receives", Answer::SeveralOf(vec![]));
    let r = evaluate(&pack, &all, today);
    assert_eq!(r.next_question, None);
    assert_eq!(r.questions_left, 0);
}

#[test]
fn questions_behind_an_open_ask_if_are_not_asked_yet() {
    let pack = demo_pack();
    let a = answers(&[("age", num(20))]);
    let r = evaluate(&pack, &a, date(OCTOBER));
    let aid = r.aid("student_aid").unwrap();
    // `studies` depends on `activity`: ask `activity` first.
    assert_eq!(aid.criteria[1].missing, vec!["activity".to_string()]);
    assert_eq!(
        applicability(&pack, &a, date(OCTOBER), "studies"),
        Tri::Unknown
    );
}

#[test]
fn input_validation_for_the_ui() {
    let pack = demo_pack();
    let today = date(OCTOBER);
    let money = pack.question("monthly_resources").unwrap();
    assert_eq!(
        money.parse_input("1 234,50 €", today),
        Ok(Answer::Number(dec("1234.50")))
    );
    assert_eq!(
        money.parse_input("1\u{202f}234", today),
        Ok(Answer::Number(dec("1234")))
    );
    assert_eq!(money.parse_input("  ", today), Err(InputError::Empty));
    assert_eq!(
        money.parse_input("douze", today),
        Err(InputError::NotANumber)
    );
    // Three digits after a lone separator group thousands in an amount (issue 19)…
    assert_eq!(
        money.parse_input("12,345", today),
        Ok(Answer::Number(dec("12345")))
    );
    // …and more than two decimals are refused, trailing zeros included.
    assert_eq!(
        money.parse_input("12,3450", today),
        Err(InputError::TooManyDecimals)
    );
    assert_eq!(money.parse_input("-5", today), Err(InputError::Negative));
    assert_eq!(
        money.parse_input("2 000 000", today),
        Err(InputError::Absurd)
    );
    assert_eq!(
        money.parse_input(&"9".repeat(5000), today),
        Err(InputError::TooLong)
    );
    let age = pack.question("age").unwrap();
    assert_eq!(age.parse_input("20,5", today), Err(InputError::NotWhole));
    assert_eq!(
        age.parse_input("121", today),
        Err(InputError::AboveMax { max: dec("120") })
    );
    let size = pack.question("household_size").unwrap();
    assert_eq!(
        size.parse_input("0", today),
        Err(InputError::BelowMin { min: dec("1") })
    );
    let birth = pack.question("birth_date").unwrap();
    assert_eq!(
        birth.parse_input("02/03/2005", today),
        Ok(Answer::Date(date("2005-03-02")))
    );
    assert_eq!(
        birth.parse_input("2005-03-02", today),
        Ok(Answer::Date(date("2005-03-02")))
    );
    assert_eq!(
        birth.parse_input("31/02/2005", today),
        Err(InputError::BadDate)
    );
    assert_eq!(
        birth.parse_input("02/10/2026", today),
        Err(InputError::DateInFuture)
    );
    assert_eq!(
        birth.parse_input("01/01/1899", today),
        Err(InputError::DateBefore1900)
    );
    let activity = pack.question("activity").unwrap();
    assert_eq!(activity.parse_input("student", today), Ok(one("student")));
    assert_eq!(
        activity.parse_input("pirate", today),
        Err(InputError::UnknownOption {
            option: "pirate".into()
        })
    );
    let receives = pack.question("receives").unwrap();
    assert_eq!(
        receives.parse_input("rsa, css", today),
        Ok(Answer::SeveralOf(vec!["rsa".into(), "css".into()]))
    );
    let bac = pack.question("has_bac").unwrap();
    assert_eq!(bac.parse_input("Oui", today), Ok(Answer::YesNo(true)));
    assert_eq!(
        bac.parse_input("peut-être", today),
        Err(InputError::NotYesNo)
    );
}

#[test]
fn json_form_compiles_to_the_same_pack() {
    let loaded = demo();
    let json = loaded.to_json();
    let from_json = Pack::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_json, loaded.pack);
    let err = Pack::from_json("{ \"pack\": 3 }").unwrap_err();
    assert_eq!(err.0[0].line, Some(1));
    // A semantic error in JSON names the field.
    let broken = json.replacen("age < 27", "agee < 27", 1);
    let err = Pack::from_json(&broken).unwrap_err();
    assert_eq!(err.0[0].field_path(), "aid[student_aid].criterion[1].when");
    assert!(err.to_string().contains("unknown name \"agee\""), "{err}");
}

#[test]
fn texts_fall_back_to_the_reference_language() {
    let pack = demo_pack();
    let aid = pack.aid("student_aid").unwrap();
    assert_eq!(aid.name.get("en"), "Student aid");
    assert_eq!(aid.name.get("ar"), "Aide étudiante");
}
