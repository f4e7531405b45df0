//! Criteria as the resident reads them, from-dates and what-ifs on the Chenôve pack: the issue's
//! student ("moins de 27 ans — vous avez 20 ans", the RME minimum and what she declared), the
//! pupil in terminale (the bac "not needed"), and the dates and changes the cases also check.

mod common;

use eligo_engine::criteria::{Limit, Value};
use eligo_engine::expr::ast::CmpOp;
use eligo_engine::{Answer, CriterionStatus, Decimal, evaluate, outlook, what_ifs};

use common::{answers, date, num};

fn chenove() -> eligo_engine::Pack {
    common::load(&common::manifest_dir().join("../packs/chenove/pack.toml")).pack
}

fn one(id: &str) -> Answer {
    Answer::OneOf(id.to_string())
}

fn student(resources: i64) -> eligo_engine::Answers {
    answers(&[
        ("age", num(20)),
        ("commune", one("chenove")),
        ("years_in_commune", num(3)),
        ("activity", one("student")),
        ("studies", one("higher")),
        ("has_bac", Answer::YesNo(true)),
        ("study_zone", one("dijon")),
        ("student_resources", num(resources)),
    ])
}

#[test]
fn the_student_reads_her_answers_against_the_limits() {
    let pack = chenove();
    let today = date("2026-10-01");
    let a = student(450);
    let report = evaluate(&pack, &a, today);
    let rme = outlook(&pack, &a, today, &report)
        .into_iter()
        .find(|o| o.id == "rme")
        .unwrap();
    let statuses: Vec<CriterionStatus> = rme.criteria.iter().map(|c| c.status).collect();
    use CriterionStatus::*;
    assert_eq!(statuses, [Met, Met, Met, Met, Met, NotMet]);
    // "moins de 27 ans — vous avez 20 ans"
    assert_eq!(
        rme.criteria[0].limits,
        [Limit {
            subject: "age".into(),
            derived: false,
            value: Some(Value::Number(Decimal::from(20))),
            op: CmpOp::Lt,
            limit: Some(Value::Number(Decimal::from(27))),
            parameters: vec![],
            to_confirm: false,
        }]
    );
    assert_eq!(rme.criteria[0].answers[0].answer, Some(num(20)));
    assert!(rme.criteria[0].answers[0].asked);
    // The minimum for Dijon, a 2011 figure to confirm, against the 450 € she declared.
    let money = &rme.criteria[5].limits[0];
    assert_eq!(money.subject, "student_resources");
    assert_eq!(money.value, Some(Value::Number(Decimal::from(450))));
    assert_eq!(money.limit, Some(Value::Number(Decimal::from(420))));
    assert_eq!(money.parameters, ["rme_minimum_dijon"]);
    assert!(money.to_confirm);
    // Only the Dijon minimum is read, not the whole grid.
    let read: Vec<&str> = rme.criteria[5]
        .parameters
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(read, ["rme_minimum_dijon"]);
    // Receiving less, or studying where the minimum is higher, would open it; time would not.
    let changes: Vec<(&str, &Answer)> = rme
        .would_qualify_if
        .iter()
        .map(|w| (w.question.as_str(), &w.answer))
        .collect();
    assert_eq!(
        changes,
        [
            ("study_zone", &one("bourgogne")),
            ("student_resources", &Answer::Number(Decimal::new(41999, 2))),
        ]
    );
    assert_eq!(rme.would_qualify_if[0].criteria, [5]);
    assert_eq!(rme.from, None);
}

#[test]
fn a_criterion_never_asked_is_not_needed() {
    let pack = chenove();
    let today = date("2026-10-01");
    let a = answers(&[
        ("age", num(17)),
        ("commune", one("chenove")),
        ("years_in_commune", num(17)),
        ("activity", one("pupil")),
        ("studies", one("terminale")),
    ]);
    let report = evaluate(&pack, &a, today);
    let all = outlook(&pack, &a, today, &report);
    let rme = all.iter().find(|o| o.id == "rme").unwrap();
    use CriterionStatus::*;
    let statuses: Vec<CriterionStatus> = rme.criteria.iter().map(|c| c.status).collect();
    // Refused on higher education; the bac was never asked, nor the money.
    assert_eq!(statuses, [Met, NotMet, NotNeeded, Met, Met, NotNeeded]);
    assert!(!rme.criteria[2].answers[0].asked);
    // No single answer opens it: in higher education, the bac would still have to be asked.
    assert!(rme.would_qualify_if.is_empty());
    // The FAJ (18–25) is refused on the age: money difficulties were not needed; from 18 at the
    // latest it is worth checking.
    let faj = all.iter().find(|o| o.id == "faj_dijon_metropole").unwrap();
    let statuses: Vec<CriterionStatus> = faj.criteria.iter().map(|c| c.status).collect();
    assert_eq!(statuses, [NotMet, Met, NotNeeded]);
    let from = faj.from.as_ref().unwrap();
    assert_eq!(from.date, date("2027-10-01"));
    assert!(from.at_the_latest && from.still_unknown && !from.window);
    assert_eq!(from.criteria, [0]);
}

#[test]
fn one_year_of_residence_in_march_comes_back_in_september() {
    let pack = chenove();
    let today = date("2026-03-15");
    let mut a = student(100);
    a.set("years_in_commune", num(1));
    let report = evaluate(&pack, &a, today);
    let rme = report.aid("rme").unwrap();
    let from = eligo_engine::from_date(&pack, &a, today, rme).unwrap();
    assert_eq!(from.date, date("2027-09-01"));
    assert!(from.window && from.at_the_latest && !from.still_unknown);
    let w = what_ifs(&pack, &a, today, rme);
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].question.as_str(), &w[0].answer),
        ("years_in_commune", &num(2))
    );
}

#[test]
fn up_to_only_while_the_money_is_unknown() {
    let pack = chenove();
    let today = date("2026-10-01");
    let mut a = student(0);
    a.remove("student_resources");
    let report = evaluate(&pack, &a, today);
    let amount = report.aid("rme").unwrap().amount.clone().unwrap();
    assert_eq!(amount.value, Decimal::from(420));
    assert_eq!(amount.kind, eligo_engine::schema::AmountKind::UpTo);
    assert!(amount.to_confirm);
    a.set("student_resources", num(300));
    let report = evaluate(&pack, &a, today);
    let amount = report.aid("rme").unwrap().amount.clone().unwrap();
    assert_eq!(amount.value, Decimal::from(120));
    assert_eq!(amount.kind, eligo_engine::schema::AmountKind::Exact);
    assert!(
        amount.to_confirm,
        "the minimum it is computed from is to confirm"
    );
}
