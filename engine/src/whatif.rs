//! "You would qualify if …": for an aid refused on the resident's answers, each single answer
//! change that makes it open (eligible or to confirm), found from the rules: the questions every
//! failed criterion depends on, each tried with its other options or with the values around the
//! limits its comparisons draw, the rules evaluated again for each. Data only: the interface
//! words it.

use crate::answers::{Answer, Answers};
use crate::criteria::{asked, questions_depended_on};
use crate::date::Date;
use crate::eval::Evaluator;
use crate::kleene::Tri;
use crate::pack::{Aid, Pack};
use crate::report::{AidReport, CriterionState, RefusalReason, Report, Verdict};
use crate::schema::QuestionKind;
#[cfg(feature = "number-what-ifs")]
use {
    crate::criteria::comparisons, crate::expr::ast::Node, crate::kleene::Val, crate::schema::Bound,
    rust_decimal::Decimal,
};

/// One answer change that would open a refused aid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The question to answer differently (its id).
    pub question: String,
    /// The answer that would open the aid (for a number, the nearest to the one given).
    pub answer: Answer,
    /// The criteria (positions) not met today that this answer meets.
    pub criteria: Vec<usize>,
}

impl WhatIf {
    /// Whether the resident app shows this change: an answer to choose (yes or no, an option), not a number
    /// or a date to reach. A number repeats what its criterion line already says (the limit and the
    /// person's answer), and what time changes (an age, years in the town) is the from-date's. The app is
    /// built without those (the `number-what-ifs` feature, 5.9 KB of wasm); the studio's preview leaves them
    /// out with this, so that staff see what residents see, and `eligo-rules explain` marks them.
    pub fn for_residents(&self, pack: &Pack) -> bool {
        !matches!(
            pack.question(&self.question).map(|q| q.kind),
            Some(QuestionKind::Integer | QuestionKind::Money | QuestionKind::Date)
        )
    }
}

/// [`what_ifs`] for every aid, in pack order (`report` is [`crate::evaluate`] of the same answers
/// at the same date).
pub fn all_what_ifs(
    pack: &Pack,
    answers: &Answers,
    today: Date,
    report: &Report,
) -> Vec<Vec<WhatIf>> {
    let mut ev = Evaluator::new(pack, answers, today);
    let aids: Vec<(&Aid, &AidReport)> = pack.aids.iter().zip(&report.aids).collect();
    what_ifs_of(&mut ev, pack, answers, today, &aids)
}

/// The single answer changes that would make the aid of `report` open, one per question at
/// most, in pack order of the questions. Empty unless the aid is refused on its criteria.
pub fn what_ifs(pack: &Pack, answers: &Answers, today: Date, report: &AidReport) -> Vec<WhatIf> {
    let Some(aid) = pack.aid(&report.id) else {
        return Vec::new();
    };
    let mut ev = Evaluator::new(pack, answers, today);
    what_ifs_of(&mut ev, pack, answers, today, &[(aid, report)])
        .pop()
        .unwrap_or_default()
}

/// What one refused aid will try: its failed criteria, and for each question it may change, the
/// answers to try (positions in the shared list of tries), in order of preference.
struct Plan {
    failed: Vec<usize>,
    questions: Vec<(usize, Vec<usize>)>,
}

/// The what-ifs of `aids`. Each answer change is evaluated once for every aid that tries it:
/// living in Chenôve, say, is tried once for the eight aids refused on the town.
pub(crate) fn what_ifs_of<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    answers: &Answers,
    today: Date,
    aids: &[(&'a Aid, &AidReport)],
) -> Vec<Vec<WhatIf>> {
    let mut tries: Vec<(usize, Answer)> = Vec::new();
    let plans: Vec<Option<Plan>> = aids
        .iter()
        .map(|(aid, report)| plan(ev, pack, answers, today, aid, report, &mut tries))
        .collect();
    // opens[t][a]: whether try `t` opens aid `a` (None: not tried for it).
    let mut opens: Vec<Vec<Option<bool>>> = vec![vec![None; aids.len()]; tries.len()];
    if !tries.is_empty() {
        let mut changed = answers.clone();
        for (t, (q, answer)) in tries.iter().enumerate() {
            let id = &pack.questions[*q].id;
            changed.set(id.clone(), answer.clone());
            let mut after = Evaluator::new(pack, &changed, today);
            for (a, plan) in plans.iter().enumerate() {
                let Some(plan) = plan else { continue };
                if !plan.questions.iter().any(|(_, ts)| ts.contains(&t)) {
                    continue;
                }
                let aid = aids[a].0;
                // The failed criteria first: most tries fail there.
                let ok = plan
                    .failed
                    .iter()
                    .all(|&i| after.truth(&aid.criteria[i].node) == Tri::True)
                    && aid
                        .criteria
                        .iter()
                        .all(|c| after.truth(&c.node) == Tri::True);
                opens[t][a] = Some(ok);
            }
            drop(after);
            match answers.get(id) {
                Some(previous) => changed.set(id.clone(), previous.clone()),
                None => {
                    changed.remove(id);
                }
            }
        }
    }
    plans
        .iter()
        .enumerate()
        .map(|(a, plan)| {
            let Some(plan) = plan else {
                return Vec::new();
            };
            plan.questions
                .iter()
                .filter_map(|(q, ts)| {
                    let t = ts.iter().find(|&&t| opens[t][a] == Some(true))?;
                    Some(WhatIf {
                        question: pack.questions[*q].id.clone(),
                        answer: tries[*t].1.clone(),
                        criteria: plan.failed.clone(),
                    })
                })
                .collect()
        })
        .collect()
}

/// The plan of one aid, its answers to try added to `tries` (each change once); `None` unless
/// the aid is refused on its criteria.
fn plan<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    answers: &Answers,
    today: Date,
    aid: &'a Aid,
    report: &AidReport,
    tries: &mut Vec<(usize, Answer)>,
) -> Option<Plan> {
    let Verdict::NotEligible { reasons } = &report.verdict else {
        return None;
    };
    if reasons
        .iter()
        .any(|r| matches!(r, RefusalReason::Status(_)))
    {
        return None;
    }
    let failed: Vec<usize> = (report.criteria.iter().enumerate())
        .filter(|(_, c)| c.state == CriterionState::Failed)
        .map(|(i, _)| i)
        .collect();
    // One change must mend every failed criterion: only a question all of them depend on can.
    let mut candidates: Option<Vec<usize>> = None;
    for &i in &failed {
        let deps = questions_depended_on(pack, &aid.criteria[i].node);
        candidates = Some(match candidates {
            None => deps,
            Some(c) => c.into_iter().filter(|q| deps.contains(q)).collect(),
        });
    }
    let mut questions = Vec::new();
    for q in candidates.unwrap_or_default() {
        // Only an answer the resident gave can be changed.
        if !asked(ev, pack, answers, q) {
            continue;
        }
        let current = answers.get(&pack.questions[q].id);
        let at = At {
            pack,
            answers,
            today,
        };
        let positions: Vec<usize> = other_answers(ev, &at, aid, &failed, q, current)
            .into_iter()
            .map(|answer| {
                tries
                    .iter()
                    .position(|(x, a)| *x == q && *a == answer)
                    .unwrap_or_else(|| {
                        tries.push((q, answer));
                        tries.len() - 1
                    })
            })
            .collect();
        if !positions.is_empty() {
            questions.push((q, positions));
        }
    }
    Some(Plan { failed, questions })
}

/// The pack, the answers and the date the what-ifs are looked for.
#[cfg_attr(not(feature = "number-what-ifs"), allow(dead_code))]
struct At<'a, 'b> {
    pack: &'a Pack,
    answers: &'b Answers,
    today: Date,
}

#[cfg(feature = "number-what-ifs")]
impl At<'_, '_> {
    /// `side − other` with question `q` answered `value` (`None` when either is not a number).
    fn gap(&self, q: usize, value: Decimal, side: &Node, other: &Node) -> Option<Decimal> {
        let mut changed = self.answers.clone();
        changed.set(self.pack.questions[q].id.clone(), Answer::Number(value));
        let mut ev = Evaluator::new(self.pack, &changed, self.today);
        match (ev.eval(side), ev.eval(other)) {
            (Val::Number(a), Val::Number(b)) => a.checked_sub(b),
            _ => None,
        }
    }
}

/// Most values of a bounded whole-number question tried one by one when a comparison reads it
/// through derived values (a household size: a ceiling per size).
#[cfg(feature = "number-what-ifs")]
const MAX_WHOLE_RANGE: i64 = 40;

/// The answers to try instead of `current`, nearest first for numbers and dates.
fn other_answers<'a>(
    ev: &mut Evaluator<'a>,
    at: &At<'a, '_>,
    aid: &'a Aid,
    failed: &[usize],
    q: usize,
    current: Option<&Answer>,
) -> Vec<Answer> {
    let pack = at.pack;
    let question = &pack.questions[q];
    let mut out: Vec<Answer> = match question.kind {
        QuestionKind::YesNo => vec![Answer::YesNo(true), Answer::YesNo(false)],
        QuestionKind::OneOf => question
            .options
            .iter()
            .map(|o| Answer::OneOf(o.id.clone()))
            .collect(),
        QuestionKind::SeveralOf => {
            let ticked: &[String] = match current {
                Some(Answer::SeveralOf(t)) => t,
                _ => &[],
            };
            // One click on an option, as the app does it ("none of these" unticks the others).
            question
                .options
                .iter()
                .map(|o| {
                    let on = !ticked.contains(&o.id);
                    Answer::SeveralOf(question.tick(ticked, &o.id, on))
                })
                .collect()
        }
        #[cfg(feature = "number-what-ifs")]
        QuestionKind::Integer | QuestionKind::Money => {
            number_candidates(ev, at, aid, failed, q, current)
        }
        #[cfg(feature = "number-what-ifs")]
        QuestionKind::Date => date_candidates(ev, at, aid, failed, q, current),
        // Without the `number-what-ifs` feature (the resident app: 9 KB of wasm less), numbers and dates
        // are not tried: its what-ifs are those of yes/no and option answers; the from-date covers an age
        // or years of residence, which time changes, not the resident.
        #[cfg(not(feature = "number-what-ifs"))]
        QuestionKind::Integer | QuestionKind::Money | QuestionKind::Date => {
            let _ = (ev, aid, failed);
            Vec::new()
        }
    };
    out.retain(|a| Some(a) != current);
    out
}

/// Values around each limit a failed criterion compares question `q` with, within the
/// question's bounds, nearest to the current answer first. An answer that grows with time (an
/// age) is only tried higher: nobody grows younger. When the comparison reads `q` only through
/// derived values or arithmetic (monthly resources × 12 against a yearly ceiling, a "reste à
/// vivre" per day), the value of `q` that brings it to its limit is solved for (a secant through
/// two evaluations, exact for the linear formulas packs use), or, for a whole number with a small
/// range (a household size), every value is tried.
#[cfg(feature = "number-what-ifs")]
fn number_candidates<'a>(
    ev: &mut Evaluator<'a>,
    at: &At<'a, '_>,
    aid: &'a Aid,
    failed: &[usize],
    q: usize,
    current: Option<&Answer>,
) -> Vec<Answer> {
    let pack = at.pack;
    let question = &pack.questions[q];
    let step = if question.kind == QuestionKind::Integer {
        Decimal::ONE
    } else {
        Decimal::new(1, 2)
    };
    let now = match current {
        Some(Answer::Number(n)) => Some(*n),
        _ => None,
    };
    let mut values: Vec<Decimal> = Vec::new();
    for &i in failed {
        let mut found = Vec::new();
        comparisons(pack, &aid.criteria[i].node, &mut found, 0);
        for (_, a, b) in found {
            for (side, other) in [(a, b), (b, a)] {
                if !matches!(side, Node::Question(x) if *x == q) {
                    continue;
                }
                let Val::Number(limit) = ev.eval(other) else {
                    continue;
                };
                let limit = if step == Decimal::ONE {
                    limit.ceil()
                } else {
                    limit.round_dp(2)
                };
                values.extend([limit - step, limit, limit + step]);
            }
            // Read through derived values or arithmetic: solve for `q`.
            let is_q = |n: &Node| matches!(n, Node::Question(x) if *x == q);
            if is_q(a) || is_q(b) {
                continue;
            }
            let reads = |n: &Node| crate::criteria::questions_read(pack, n).contains(&q);
            if !(reads(a) || reads(b)) {
                continue;
            }
            values.extend(solved(at, q, question, now, step, a, b));
        }
    }
    let bound = |b: Option<crate::schema::Bound>| match b {
        Some(Bound::Number(n)) => Some(n),
        _ => None,
    };
    let (min, max) = (bound(question.min), bound(question.max));
    values.retain(|v| {
        min.is_none_or(|m| *v >= m)
            && max.is_none_or(|m| *v <= m)
            && !(question.grows_with_time && now.is_some_and(|n| *v <= n))
    });
    values.sort_by_key(|v| (now.map_or(*v, |n| (*v - n).abs()), *v));
    values.dedup();
    values.into_iter().map(Answer::Number).collect()
}

/// Values of question `q` around where `a − b` changes sign, `a` or `b` reading `q` through derived
/// values or arithmetic: every whole value of a small bounded range, or the root of the secant
/// through the current answer and a second point, rounded to `step`, with its neighbours.
#[cfg(feature = "number-what-ifs")]
fn solved(
    at: &At<'_, '_>,
    q: usize,
    question: &crate::pack::Question,
    now: Option<Decimal>,
    step: Decimal,
    a: &Node,
    b: &Node,
) -> Vec<Decimal> {
    let bound = |b: Option<Bound>| match b {
        Some(Bound::Number(n)) => Some(n),
        _ => None,
    };
    if step == Decimal::ONE
        && let (Some(min), Some(max)) = (bound(question.min), bound(question.max))
        && (max - min) <= Decimal::from(MAX_WHOLE_RANGE)
    {
        let mut out = Vec::new();
        let mut v = min.ceil();
        while v <= max {
            out.push(v);
            v += Decimal::ONE;
        }
        return out;
    }
    let Some(v0) = now else {
        return Vec::new();
    };
    let v1 = v0 + v0.abs().max(Decimal::from(100));
    let (Some(f0), Some(f1)) = (at.gap(q, v0, a, b), at.gap(q, v1, a, b)) else {
        return Vec::new();
    };
    let slope = f1 - f0;
    if slope.is_zero() {
        return Vec::new();
    }
    let Some(root) = (v1 - v0)
        .checked_mul(f0)
        .and_then(|x| x.checked_div(slope))
        .and_then(|x| v0.checked_sub(x))
    else {
        return Vec::new();
    };
    let root = if step == Decimal::ONE {
        root.floor()
    } else {
        root.round_dp(2)
    };
    // Rounding inside derived values (to the cent, to the euro) may move the crossing a little.
    [-2, -1, 0, 1, 2]
        .into_iter()
        .map(|k| root + step * Decimal::from(k))
        .collect()
}

/// Dates around each limit a failed criterion compares date question `q` with: the limit date
/// itself (`arrival < 2024-01-01`), or the day `years_since(q)` / `months_since(q)` reaches its
/// limit (`years_since(arrival) >= 2`: two years before today), with the days either side; within
/// the question's bounds, nearest to the current answer first. A date whose elapsed time counts
/// (`years_since`) is only tried earlier, as a growing number is only tried higher.
#[cfg(feature = "number-what-ifs")]
fn date_candidates<'a>(
    ev: &mut Evaluator<'a>,
    at: &At<'a, '_>,
    aid: &'a Aid,
    failed: &[usize],
    q: usize,
    current: Option<&Answer>,
) -> Vec<Answer> {
    let pack = at.pack;
    let question = &pack.questions[q];
    let now = match current {
        Some(Answer::Date(d)) => Some(*d),
        _ => None,
    };
    let day = |d: Date, n: i64| Date::from_days_since_epoch(d.days_since_epoch() + n);
    let mut dates: Vec<Date> = Vec::new();
    let mut elapsed = false;
    for &i in failed {
        let mut found = Vec::new();
        comparisons(pack, &aid.criteria[i].node, &mut found, 0);
        for (_, a, b) in found {
            for (side, other) in [(a, b), (b, a)] {
                let limit = match side {
                    Node::Question(x) if *x == q => match ev.eval(other) {
                        Val::Date(d) => Some(d),
                        _ => None,
                    },
                    Node::YearsSince(x) | Node::MonthsSince(x) if matches!(**x, Node::Question(y) if y == q) =>
                    {
                        let unit = match side {
                            Node::YearsSince(_) => crate::schema::Unit::Years,
                            _ => crate::schema::Unit::Months,
                        };
                        elapsed = true;
                        match ev.eval(other) {
                            Val::Number(n) => {
                                use rust_decimal::prelude::ToPrimitive;
                                n.ceil().to_i64().and_then(|n| {
                                    crate::dates_ahead::add_elapsed(Some(unit), at.today, -n)
                                })
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                if let Some(limit) = limit {
                    dates.extend(
                        [day(limit, -1), Some(limit), day(limit, 1)]
                            .into_iter()
                            .flatten(),
                    );
                }
            }
        }
    }
    let bound = |b: Option<Bound>| match b {
        Some(Bound::Date(d)) => Some(d),
        Some(Bound::Today) => Some(at.today),
        _ => None,
    };
    let (min, max) = (bound(question.min), bound(question.max));
    dates.retain(|d| {
        min.is_none_or(|m| *d >= m)
            && max.is_none_or(|m| *d <= m)
            && !(elapsed && now.is_some_and(|n| *d >= n))
    });
    let distance =
        |d: &Date| now.map_or(0, |n| (d.days_since_epoch() - n.days_since_epoch()).abs());
    dates.sort_by_key(|d| (distance(d), *d));
    dates.dedup();
    dates.into_iter().map(Answer::Date).collect()
}
