//! "From <date>": when an aid refused today only on criteria that time settles (an age reached,
//! years of residence, a date, a parameter's next value), or open (or not known yet) but outside
//! its yearly application window, will be open (or worth checking). Computed from the rules, never written per aid: the
//! comparisons of the failed criteria give a few candidate dates, and the rules are evaluated at
//! each (answers that grow with time grown accordingly) until every failed criterion holds, no
//! criterion fails and the window is open. Data only: the interface words it.

use crate::answers::{Answer, Answers};
use crate::criteria::{asked, comparisons, questions_read};
use crate::date::{Date, days_in_month};
use crate::eval::Evaluator;
use crate::expr::ast::Node;
use crate::kleene::{Tri, Val};
use crate::pack::{Aid, Pack, Window};
use crate::report::{AidReport, ConfirmReason, CriterionState, RefusalReason, Report, Verdict};
use crate::schema::Unit;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Furthest look ahead, in years, for the candidate dates.
const HORIZON_YEARS: i64 = 120;
/// The furthest "from <date>" said, in years from today: a residence condition, an age limit close
/// by, a yearly window. Further ahead it tells the person nothing to act on ("from 1 October 2064"
/// to a 22-year-old, of an aid for people over 65: issue 14), so the app and `explain` say nothing.
pub const SAID_WITHIN_YEARS: i64 = 5;
/// At most this many answers that grow with time in one aid (each doubles the checks).
const MAX_GROWING: usize = 4;

/// From when an aid will be open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromDate {
    /// The date.
    pub date: Date,
    /// The criteria (positions) not met today that hold from `date`.
    pub criteria: Vec<usize>,
    /// `date` is the opening of the yearly application window.
    pub window: bool,
    /// It may come sooner: the criteria count whole years (an age, years of residence) whose
    /// anniversary is not known, and `date` is when they hold for certain.
    pub at_the_latest: bool,
    /// Another criterion is not known yet (an answer is missing): from `date` the aid will be
    /// worth checking, not certain.
    pub still_unknown: bool,
}

/// [`from_date`] for every aid, in pack order (`report` is [`crate::evaluate`] of the same
/// answers at the same date).
pub fn from_dates(
    pack: &Pack,
    answers: &Answers,
    today: Date,
    report: &Report,
) -> Vec<Option<FromDate>> {
    let mut ev = Evaluator::new(pack, answers, today);
    pack.aids
        .iter()
        .zip(&report.aids)
        .map(|(aid, r)| from_date_with(&mut ev, pack, answers, today, aid, r))
        .collect()
}

/// From when the aid of `report` will be open, if time alone opens it.
pub fn from_date(
    pack: &Pack,
    answers: &Answers,
    today: Date,
    report: &AidReport,
) -> Option<FromDate> {
    let aid = pack.aid(&report.id)?;
    let mut ev = Evaluator::new(pack, answers, today);
    from_date_with(&mut ev, pack, answers, today, aid, report)
}

pub(crate) fn from_date_with<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    answers: &Answers,
    today: Date,
    aid: &'a Aid,
    report: &AidReport,
) -> Option<FromDate> {
    let failed: Vec<usize> = match &report.verdict {
        Verdict::NotEligible { reasons } => {
            if reasons
                .iter()
                .any(|r| matches!(r, RefusalReason::Status(_)))
            {
                return None;
            }
            (report.criteria.iter().enumerate())
                .filter(|(_, c)| c.state == CriterionState::Failed)
                .map(|(i, _)| i)
                .collect()
        }
        Verdict::ToConfirm { reasons } if reasons.contains(&ConfirmReason::OutsideWindow) => {
            Vec::new()
        }
        // Not known yet, and applications are shut: when they open, it will be worth checking
        // ("come back from 1 September"), `still_unknown` says so.
        Verdict::Undetermined { .. } if aid.window.is_some_and(|w| !w.contains(today)) => {
            Vec::new()
        }
        _ => return None,
    };
    // Answers that grow with time, read by any criterion of the aid (its met ones may stop
    // holding: an age limit).
    let mut growing: Vec<(usize, Decimal)> = Vec::new();
    for criterion in &aid.criteria {
        for q in questions_read(pack, &criterion.node) {
            let question = &pack.questions[q];
            if question.grows_with_time
                && !growing.iter().any(|(g, _)| *g == q)
                && asked(ev, pack, answers, q)
                && let Some(Answer::Number(v)) = answers.get(&question.id)
            {
                growing.push((q, *v));
            }
        }
    }
    if growing.len() > MAX_GROWING {
        return None;
    }
    // Each failed criterion must be one time can settle.
    let mut candidates: Vec<Date> = Vec::new();
    let mut grows = false;
    for &i in &failed {
        let node = &aid.criteria[i].node;
        let before = candidates.len();
        candidate_dates(ev, pack, today, node, &growing, &mut candidates);
        if candidates.len() == before {
            return None;
        }
        grows |= questions_read(pack, node)
            .iter()
            .any(|q| growing.iter().any(|(g, _)| g == q));
    }
    if failed.is_empty() {
        candidates.push(today);
    }
    let said_until = add_elapsed(Some(Unit::Years), today, SAID_WITHIN_YEARS);
    let mut dated: Vec<(Date, bool)> = candidates
        .into_iter()
        .filter(|d| *d >= today)
        .map(|d| match aid.window {
            Some(w) if !w.contains(d) => (next_opening(w, d), true),
            _ => (d, false),
        })
        .filter(|(d, _)| said_until.is_none_or(|until| *d <= until))
        .collect();
    dated.sort();
    dated.dedup_by_key(|(d, _)| *d);
    let mut future = answers.clone();
    for (date, window) in dated {
        if date <= today && !failed.is_empty() {
            continue;
        }
        if let Some(still_unknown) =
            holds_at(pack, &mut future, today, date, aid, &failed, &growing)
        {
            return Some(FromDate {
                date,
                criteria: failed,
                window,
                at_the_latest: grows,
                still_unknown,
            });
        }
    }
    None
}

/// Whether at `date`, whatever the anniversaries of the growing answers, every criterion of
/// `failed` holds and none fails; `Some(still_unknown)` if so. `future` is a copy of the
/// answers, the growing ones overwritten.
fn holds_at(
    pack: &Pack,
    future: &mut Answers,
    today: Date,
    date: Date,
    aid: &Aid,
    failed: &[usize],
    growing: &[(usize, Decimal)],
) -> Option<bool> {
    // Each growing answer is worth `v + n` at `date`, or `v + n + 1` if an anniversary we do
    // not know falls before it.
    let mut choices: Vec<(usize, Decimal, bool)> = Vec::with_capacity(growing.len());
    for &(q, v) in growing {
        let (n, exact) = elapsed(pack.questions[q].unit, today, date);
        choices.push((q, v + Decimal::from(n), exact));
    }
    let combos = choices
        .iter()
        .fold(1usize, |n, c| if c.2 { n } else { n * 2 });
    let mut still_unknown = false;
    for combo in 0..combos {
        let mut bit = 0;
        for &(q, base, exact) in &choices {
            let extra = if exact {
                0
            } else {
                bit += 1;
                (combo >> (bit - 1)) & 1
            };
            future.set(
                pack.questions[q].id.clone(),
                Answer::Number(base + Decimal::from(extra)),
            );
        }
        let mut ev = Evaluator::new(pack, future, date);
        for (i, criterion) in aid.criteria.iter().enumerate() {
            match ev.truth(&criterion.node) {
                Tri::True => {}
                Tri::False => return None,
                Tri::Unknown if failed.contains(&i) => return None,
                Tri::Unknown => still_unknown = true,
            }
        }
    }
    Some(still_unknown)
}

/// Dates at which `node`'s comparisons may change, after `today`: a growing answer reaching a
/// limit, a date answer's anniversary, a date compared with `today`, a parameter's next value.
fn candidate_dates<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    today: Date,
    node: &'a Node,
    growing: &[(usize, Decimal)],
    out: &mut Vec<Date>,
) {
    let mut found = Vec::new();
    comparisons(pack, node, &mut found, 0);
    for (_, a, b) in found {
        for (side, other) in [(a, b), (b, a)] {
            let Val::Number(limit) = ev.eval(other) else {
                if let (Node::Today, Val::Date(d)) = (side, ev.eval(other)) {
                    out.extend(
                        [add_days(d, -1), Some(d), add_days(d, 1)]
                            .into_iter()
                            .flatten(),
                    );
                }
                continue;
            };
            match side {
                Node::Question(q) => {
                    let Some((_, v)) = growing.iter().find(|(g, _)| g == q) else {
                        continue;
                    };
                    let Some(k) = (limit - v).ceil().to_i64() else {
                        continue;
                    };
                    for k in [k - 1, k, k + 1] {
                        if (1..=HORIZON_YEARS * 12).contains(&k) {
                            let unit = pack.questions[*q].unit;
                            out.extend(add_elapsed(unit, today, k));
                        }
                    }
                }
                Node::YearsSince(x) | Node::MonthsSince(x) => {
                    let Val::Date(d) = ev.eval(x) else { continue };
                    let Some(n) = limit.ceil().to_i64() else {
                        continue;
                    };
                    let unit = match side {
                        Node::YearsSince(_) => Some(Unit::Years),
                        _ => Some(Unit::Months),
                    };
                    for n in [n - 1, n, n + 1] {
                        if (0..=HORIZON_YEARS * 12).contains(&n) {
                            out.extend(add_elapsed(unit, d, n));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // A parameter's value that starts later.
    let mut todo = vec![node];
    let mut seen = Vec::new();
    while let Some(n) = todo.pop() {
        n.for_each_reference(&mut |r| match r {
            Node::Parameter(p) => out.extend(
                pack.parameters[*p]
                    .values
                    .iter()
                    .map(|v| v.from)
                    .filter(|d| *d > today),
            ),
            Node::Derived(d) if !seen.contains(d) => {
                seen.push(*d);
                todo.push(&pack.derived[*d].node);
            }
            _ => {}
        });
    }
    let end = add_elapsed(Some(Unit::Years), today, HORIZON_YEARS);
    out.retain(|d| *d > today && end.is_none_or(|end| *d <= end));
}

/// Whole years (months, by `unit`) from `today` to `date`, and whether `date` is exactly that
/// many after `today` (then an answer counted on `today` has grown by exactly that much).
fn elapsed(unit: Option<Unit>, today: Date, date: Date) -> (i64, bool) {
    let n = match unit {
        Some(Unit::Months) => i64::from(today.months_since(date)),
        _ => i64::from(today.years_since(date)),
    };
    (n, add_elapsed(unit, today, n) == Some(date))
}

/// `n` years (months, by `unit`) after `date`; the 29 February becomes the 28th in other years,
/// the 31st the month's last day.
pub(crate) fn add_elapsed(unit: Option<Unit>, date: Date, n: i64) -> Option<Date> {
    let months = match unit {
        Some(Unit::Months) => n,
        _ => n.checked_mul(12)?,
    };
    let total = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12) + 1).ok()?;
    Date::new(year, month, date.day().min(days_in_month(year, month)))
}

fn add_days(date: Date, n: i64) -> Option<Date> {
    Date::from_days_since_epoch(date.days_since_epoch() + n)
}

/// The first day on or after `date` when `window` is open.
pub(crate) fn next_opening(window: Window, date: Date) -> Date {
    if window.contains(date) {
        return date;
    }
    let (m, d) = window.from;
    let this_year = Date::new(date.year(), m, d.min(days_in_month(date.year(), m)));
    match this_year {
        Some(opening) if opening >= date => opening,
        _ => {
            Date::new(date.year() + 1, m, d.min(days_in_month(date.year() + 1, m))).unwrap_or(date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn years_and_months_ahead() {
        let years = Some(Unit::Years);
        assert_eq!(
            add_elapsed(years, day("2024-02-29"), 1),
            Some(day("2025-02-28"))
        );
        assert_eq!(
            add_elapsed(years, day("2026-10-01"), 2),
            Some(day("2028-10-01"))
        );
        let months = Some(Unit::Months);
        assert_eq!(
            add_elapsed(months, day("2026-01-31"), 1),
            Some(day("2026-02-28"))
        );
        assert_eq!(
            add_elapsed(months, day("2026-11-15"), 3),
            Some(day("2027-02-15"))
        );
        assert_eq!(
            elapsed(years, day("2026-10-01"), day("2027-10-01")),
            (1, true)
        );
        assert_eq!(
            elapsed(years, day("2026-10-01"), day("2027-09-30")),
            (0, false)
        );
        assert_eq!(
            elapsed(years, day("2026-10-01"), day("2027-10-02")),
            (1, false)
        );
    }

    #[test]
    fn window_openings() {
        let w = Window {
            from: (9, 1),
            to: (12, 31),
        };
        assert_eq!(next_opening(w, day("2027-03-15")), day("2027-09-01"));
        assert_eq!(next_opening(w, day("2026-10-01")), day("2026-10-01"));
        let winter = Window {
            from: (11, 1),
            to: (2, 28),
        };
        assert_eq!(next_opening(winter, day("2027-03-15")), day("2027-11-01"));
        assert_eq!(next_opening(winter, day("2027-01-15")), day("2027-01-15"));
    }
}
