//! Test cases beside a pack: a name, a date, answers, expected verdicts and amounts.

use crate::answers::Answers;
use crate::date::Date;
use crate::decimal_input::Dec;
use crate::errors::{PackError, PackErrors, PathSegment};
use crate::input::RawAnswer;
use crate::pack::Pack;
use crate::ranking::evaluate;
use crate::report::Report;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CasesFile {
    #[serde(default)]
    case: Vec<Case>,
}

/// One test case.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case is about.
    pub name: String,
    /// Reference date.
    pub date: Date,
    /// Answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, RawAnswer>,
    /// Expected verdict name by aid id.
    #[serde(default)]
    pub expect: BTreeMap<String, String>,
    /// Expected amount by aid id.
    #[serde(default)]
    pub amounts: BTreeMap<String, Dec>,
    /// Expected "from <date>" by aid id ([`crate::dates_ahead`]): a date, or `"none"`.
    #[serde(default)]
    pub from: BTreeMap<String, ExpectedDate>,
    /// Expected "you would qualify if" by aid id ([`crate::whatif`]): the question (or list of
    /// questions) whose single change would open the aid; `[]` for none.
    #[serde(default)]
    pub would_qualify_if: BTreeMap<String, QuestionIds>,
    /// Expected next steps ([`crate::guide::next_steps`]), their ids in pack order.
    #[serde(default)]
    pub next_steps: Option<Vec<String>>,
    /// Line of the case in its file.
    #[serde(skip)]
    pub line: Option<usize>,
}

/// An expected date, or none (`"none"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpectedDate(pub Option<Date>);

impl<'de> Deserialize<'de> for ExpectedDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ExpectedDate, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = ExpectedDate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date YYYY-MM-DD or \"none\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ExpectedDate, E> {
                if v == "none" {
                    return Ok(ExpectedDate(None));
                }
                Date::parse_iso(v)
                    .map(|d| ExpectedDate(Some(d)))
                    .ok_or_else(|| {
                        E::custom(format!("\"{v}\" is not a date YYYY-MM-DD nor \"none\""))
                    })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ExpectedDate, A::Error> {
                Date::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|d| ExpectedDate(Some(d)))
            }
        }
        d.deserialize_any(V)
    }
}

/// One question id or a list of them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum QuestionIds {
    /// One question.
    One(String),
    /// Several (or none).
    Many(Vec<String>),
}

impl QuestionIds {
    /// The ids, sorted.
    pub fn sorted(&self) -> Vec<String> {
        let mut ids = match self {
            QuestionIds::One(q) => vec![q.clone()],
            QuestionIds::Many(qs) => qs.clone(),
        };
        ids.sort();
        ids
    }
}

/// An answers file for `explain`: an optional date and the answers.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Reference date.
    #[serde(default)]
    pub date: Option<Date>,
    /// Answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, RawAnswer>,
}

/// Reads the cases of a file.
pub fn load_cases(path: &Path) -> Result<Vec<Case>, PackErrors> {
    let (name, text) = crate::toml_source::read_source(path)?;
    parse_cases(&name, &text)
}

/// Parses cases from text. Besides TOML mistakes and misspelt keys, a file without any
/// `[[case]]`, a case that checks nothing (no `expect`, no `amounts`) and two cases with the same
/// name are errors: a case is never skipped without a word.
pub fn parse_cases(name: &str, text: &str) -> Result<Vec<Case>, PackErrors> {
    let file: CasesFile = toml::from_str(text)
        .map_err(|e| PackErrors(vec![crate::toml_source::toml_error(name, text, &e)]))?;
    let mut cases = file.case;
    let mut errors = Vec::new();
    if cases.is_empty() {
        errors.push(PackError::in_file(
            Some(name),
            None,
            None,
            "no [[case]] in the file",
        ));
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    // Where each case starts, the file read once for all of them (the studio re-reads it after each edit).
    let paths: Vec<[PathSegment; 2]> = (0..cases.len())
        .map(|i| [PathSegment::Key("case".into()), PathSegment::Index(i)])
        .collect();
    let spans = crate::toml_source::spans_of(text, paths.iter().map(|p| p.as_slice()));
    for ((i, case), span) in cases.iter_mut().enumerate().zip(spans) {
        let located = span.map(|(span, _)| crate::toml_source::line_column(text, span.start));
        case.line = located.map(|(line, _)| line);
        let error = |message: String| {
            PackError::in_file(
                Some(name),
                located.map(|l| l.0),
                located.map(|l| l.1),
                message,
            )
        };
        if case.expect.is_empty()
            && case.amounts.is_empty()
            && case.from.is_empty()
            && case.would_qualify_if.is_empty()
            && case.next_steps.is_none()
        {
            errors.push(error(format!(
                "case {} \"{}\" checks nothing: give `expect`, `amounts`, `from`, `would_qualify_if` or `next_steps`",
                i + 1,
                case.name
            )));
        }
        if let Some(first) = seen.insert(case.name.clone(), i + 1) {
            errors.push(error(format!(
                "case {} has the same name as case {first}: \"{}\"",
                i + 1,
                case.name
            )));
        }
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(PackErrors(errors))
    }
}

/// What is wrong with the cases for this pack before running them: expectations naming an
/// unknown aid or verdict (each described, with a suggestion).
pub fn check_cases(pack: &Pack, cases: &[Case]) -> Vec<String> {
    let mut problems = Vec::new();
    let aid_ids = || pack.aids.iter().map(|a| a.id.as_str());
    for case in cases {
        let at = format!(
            "{}case \"{}\"",
            case.line.map(|l| format!("line {l}, ")).unwrap_or_default(),
            case.name
        );
        for (field, aid) in case
            .expect
            .keys()
            .map(|a| ("expect", a))
            .chain(case.amounts.keys().map(|a| ("amounts", a)))
            .chain(case.from.keys().map(|a| ("from", a)))
            .chain(
                case.would_qualify_if
                    .keys()
                    .map(|a| ("would_qualify_if", a)),
            )
        {
            if pack.aid(aid).is_none() {
                let hint = crate::expr::typecheck::suggestion(aid, aid_ids());
                problems.push(format!("{at}, {field}: unknown aid \"{aid}\"{hint}"));
            }
        }
        for (aid, questions) in &case.would_qualify_if {
            for q in questions.sorted() {
                if pack.question(&q).is_none() {
                    let hint = crate::expr::typecheck::suggestion(
                        &q,
                        pack.questions.iter().map(|q| q.id.as_str()),
                    );
                    problems.push(format!(
                        "{at}, would_qualify_if: aid \"{aid}\": unknown question \"{q}\"{hint}"
                    ));
                }
            }
        }
        for step in case.next_steps.iter().flatten() {
            if !pack.next_steps.iter().any(|s| s.id == *step) {
                let hint = crate::expr::typecheck::suggestion(
                    step,
                    pack.next_steps.iter().map(|s| s.id.as_str()),
                );
                problems.push(format!(
                    "{at}, next_steps: unknown next step \"{step}\"{hint}"
                ));
            }
        }
        for (aid, verdict) in &case.expect {
            if !VERDICTS.contains(&verdict.as_str()) {
                problems.push(format!(
                    "{at}, expect: aid \"{aid}\": unknown verdict \"{verdict}\" (use {})",
                    VERDICTS.join(", ")
                ));
            }
        }
    }
    problems
}

/// Why a verdict is what it is, in words of the message table (never a Rust name).
fn verdict_words(verdict: &crate::report::Verdict) -> String {
    use crate::report::{ConfirmReason, RefusalReason, Verdict};
    let list = |items: Vec<String>| items.join(", ");
    match verdict {
        Verdict::Eligible => "every condition met".to_string(),
        Verdict::ToConfirm { reasons } => format!(
            "to confirm: {}",
            list(
                reasons
                    .iter()
                    .map(|r| match r {
                        ConfirmReason::Checks => "checks by the institution".to_string(),
                        ConfirmReason::Experimental => "trial scheme".to_string(),
                        ConfirmReason::OutsideWindow =>
                            "outside the application window".to_string(),
                        ConfirmReason::ParameterToConfirm(p) => format!("parameter \"{p}\""),
                    })
                    .collect()
            )
        ),
        Verdict::Undetermined {
            missing,
            unsettled,
            dont_know,
        } => format!(
            "unsettled by: {}",
            list(
                missing
                    .iter()
                    .chain(unsettled)
                    .chain(dont_know)
                    .cloned()
                    .collect()
            )
        ),
        Verdict::NotEligible { reasons } => format!(
            "refused by: {}",
            list(
                reasons
                    .iter()
                    .map(|r| match r {
                        RefusalReason::Status(_) => "the aid's status".to_string(),
                        RefusalReason::Criterion(i) => format!("criterion {}", i + 1),
                    })
                    .collect()
            )
        ),
    }
}

const VERDICTS: [&str; 4] = ["eligible", "to_confirm", "undetermined", "not_eligible"];

/// Turns written answers into typed answers; each problem is described.
pub fn typed_answers(
    pack: &Pack,
    raw: &BTreeMap<String, RawAnswer>,
    today: Date,
) -> Result<Answers, Vec<String>> {
    let mut answers = Answers::new();
    let mut problems = Vec::new();
    for (id, value) in raw {
        let Some(question) = pack.question(id) else {
            let hint = crate::expr::typecheck::suggestion(
                id,
                pack.questions.iter().map(|q| q.id.as_str()),
            );
            problems.push(format!("answer to unknown question \"{id}\"{hint}"));
            continue;
        };
        match value.to_answer(question, today) {
            Ok(answer) => answers.set(id.clone(), answer),
            Err(e) => problems.push(format!("answer to \"{id}\" refused: {e}")),
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// Result of one case.
#[derive(Clone, Debug)]
pub struct CaseOutcome {
    /// Case name.
    pub name: String,
    /// Line in the cases file.
    pub line: Option<usize>,
    /// What did not match (empty when the case passes).
    pub failures: Vec<String>,
    /// The evaluation, when answers were valid.
    pub report: Option<Report>,
}

/// Runs one case.
pub fn run_case(pack: &Pack, case: &Case) -> CaseOutcome {
    let mut failures = Vec::new();
    let report = match typed_answers(pack, &case.answers, case.date) {
        Err(problems) => {
            failures = problems;
            None
        }
        Ok(answers) => {
            let report = evaluate(pack, &answers, case.date);
            for (aid, expected) in &case.expect {
                if !VERDICTS.contains(&expected.as_str()) {
                    failures.push(format!(
                        "aid \"{aid}\": unknown verdict \"{expected}\" (use {})",
                        VERDICTS.join(", ")
                    ));
                    continue;
                }
                match report.aid(aid) {
                    None => failures.push(format!("unknown aid \"{aid}\"")),
                    Some(r) if r.verdict.name() != expected => failures.push(format!(
                        "aid \"{aid}\": expected {expected}, got {} ({})",
                        r.verdict.name(),
                        verdict_words(&r.verdict)
                    )),
                    Some(_) => {}
                }
            }
            for (aid, expected) in &case.amounts {
                match report.aid(aid).map(|r| &r.amount) {
                    None => failures.push(format!("unknown aid \"{aid}\"")),
                    Some(None) => failures.push(format!(
                        "aid \"{aid}\": expected amount {}, got none",
                        expected.0
                    )),
                    Some(Some(a)) if a.value != expected.0 => failures.push(format!(
                        "aid \"{aid}\": expected amount {}, got {}",
                        expected.0, a.value
                    )),
                    Some(Some(_)) => {}
                }
            }
            if !case.from.is_empty() || !case.would_qualify_if.is_empty() {
                let outlook = crate::outlook::outlook(pack, &answers, case.date, &report);
                let of = |aid: &str| outlook.iter().find(|o| o.id == aid);
                for (aid, expected) in &case.from {
                    let Some(o) = of(aid) else {
                        failures.push(format!("unknown aid \"{aid}\""));
                        continue;
                    };
                    let got = o.from.as_ref().map(|f| f.date);
                    if got != expected.0 {
                        let show =
                            |d: Option<Date>| d.map_or("none".to_string(), |d| d.to_string());
                        failures.push(format!(
                            "aid \"{aid}\": expected from {}, got {}",
                            show(expected.0),
                            show(got)
                        ));
                    }
                }
                for (aid, expected) in &case.would_qualify_if {
                    let Some(o) = of(aid) else {
                        failures.push(format!("unknown aid \"{aid}\""));
                        continue;
                    };
                    let mut got: Vec<String> = o
                        .would_qualify_if
                        .iter()
                        .map(|w| w.question.clone())
                        .collect();
                    got.sort();
                    if got != expected.sorted() {
                        failures.push(format!(
                            "aid \"{aid}\": expected would_qualify_if {:?}, got {got:?}",
                            expected.sorted()
                        ));
                    }
                }
            }
            if let Some(expected) = &case.next_steps {
                let got: Vec<String> = crate::guide::next_steps(pack, &answers, case.date, &report)
                    .iter()
                    .map(|s| s.id.clone())
                    .collect();
                if got != *expected {
                    failures.push(format!("next steps: expected {expected:?}, got {got:?}"));
                }
            }
            Some(report)
        }
    };
    CaseOutcome {
        name: case.name.clone(),
        line: case.line,
        failures,
        report,
    }
}
