//! Verdicts per aid, then the next question: the one most undetermined aids are waiting for.
//!
//! Priorities: a question that can settle an undetermined verdict comes first (the one most
//! aids wait for; ties in pack order). Once no verdict can move, the questions an amount of an
//! eligible / to-confirm aid needs, then those its advice needs, ranked the same way. A part of a
//! condition that no answer can settle (a parameter without value, an "I don't know" answer)
//! asks nothing.

use crate::answers::Answers;
use crate::date::Date;
use crate::eval::{Evaluator, Missing};
use crate::indices::Indices;
use crate::kleene::Tri;
use crate::pack::Pack;
use crate::report::{
    AidReport, Amount, ConfirmReason, CriterionOutcome, CriterionState, RefusalReason, Report,
    Verdict,
};
use crate::schema::{AidStatus, AmountKind};

/// Evaluates every aid of `pack` for `answers` at the reference date `today`.
pub fn evaluate(pack: &Pack, answers: &Answers, today: Date) -> Report {
    let mut ev = Evaluator::new(pack, answers, today);
    let mut aids = Vec::with_capacity(pack.aids.len());
    // What each open item needs, in decreasing priority: undetermined verdicts, then amounts,
    // then advice of eligible / to-confirm aids.
    let mut waiting: Vec<Missing> = Vec::new();
    let mut amount_waiting: Vec<Missing> = Vec::new();
    let mut advice_waiting: Vec<Missing> = Vec::new();
    // Amounts and advice of undetermined aids: never asked yet, but counted in `questions_left`.
    let mut later: Vec<Missing> = Vec::new();
    for aid in &pack.aids {
        let mut all_missing = Missing::default();
        let mut criteria = Vec::with_capacity(aid.criteria.len());
        let (mut failed, mut unknown) = (Vec::new(), false);
        for (i, criterion) in aid.criteria.iter().enumerate() {
            let (state, missing) = match ev.truth(&criterion.node) {
                Tri::True => (CriterionState::Met, Vec::new()),
                Tri::False => {
                    failed.push(i);
                    (CriterionState::Failed, Vec::new())
                }
                Tri::Unknown => {
                    unknown = true;
                    let mut m = Missing::default();
                    ev.collect(&criterion.node, &mut m);
                    all_missing.merge(&m);
                    (CriterionState::Unknown, ids(pack, &m.askable))
                }
            };
            criteria.push(CriterionOutcome {
                label: criterion.label.clone(),
                state,
                missing,
            });
        }
        let closed = matches!(aid.status, AidStatus::UnderStudy | AidStatus::Closed);
        let verdict = if closed || !failed.is_empty() {
            let mut reasons: Vec<RefusalReason> = Vec::new();
            if closed {
                reasons.push(RefusalReason::Status(aid.status));
            }
            reasons.extend(failed.into_iter().map(RefusalReason::Criterion));
            Verdict::NotEligible { reasons }
        } else if unknown {
            let verdict = Verdict::Undetermined {
                missing: ids(pack, &all_missing.askable),
                unsettled: all_missing
                    .parameters
                    .iter()
                    .map(|p| pack.parameters[p].id.clone())
                    .collect(),
                dont_know: ids(pack, &all_missing.dont_know),
            };
            waiting.push(all_missing);
            verdict
        } else {
            let mut reasons = Vec::new();
            if !aid.checks.is_empty() {
                reasons.push(ConfirmReason::Checks);
            }
            if aid.status == AidStatus::Experimental {
                reasons.push(ConfirmReason::Experimental);
            }
            if aid.window.is_some_and(|w| !w.contains(today)) {
                reasons.push(ConfirmReason::OutsideWindow);
            }
            // The parameters the criteria read in the branches these answers select: one study
            // zone's minimum, one household size's ceiling, not every value of the grid.
            let mut used = Vec::new();
            for criterion in &aid.criteria {
                crate::criteria::parameters_used(&mut ev, pack, &criterion.node, &mut used);
            }
            used.sort_unstable();
            for &p in &used {
                if pack.parameters[p]
                    .value_at(today)
                    .is_some_and(|v| v.to_confirm)
                {
                    reasons.push(ConfirmReason::ParameterToConfirm(
                        pack.parameters[p].id.clone(),
                    ));
                }
            }
            if reasons.is_empty() {
                Verdict::Eligible
            } else {
                Verdict::ToConfirm { reasons }
            }
        };
        let open = matches!(verdict, Verdict::Eligible | Verdict::ToConfirm { .. });
        let undetermined = verdict.is_undetermined();
        let mut amount = None;
        let mut amount_missing = Vec::new();
        let to_confirm = |parameters: &[usize]| {
            parameters.iter().any(|&p| {
                pack.parameters[p]
                    .value_at(today)
                    .is_some_and(|v| v.to_confirm)
            })
        };
        if let Some(rule) = &aid.amount {
            match ev.eval(&rule.node) {
                crate::kleene::Val::Number(value) if open => {
                    amount = Some(Amount {
                        value: rule.round.apply(value),
                        kind: rule.kind,
                        period: rule.period,
                        max_months: rule.max_months,
                        to_confirm: to_confirm(&rule.parameters),
                    });
                }
                v if v.is_unknown() && (open || undetermined) => {
                    // While the amount cannot be computed, its ceiling, if the pack gives one.
                    if let Some(up_to) = &rule.up_to_node
                        && let crate::kleene::Val::Number(value) = ev.eval(up_to)
                    {
                        amount = Some(Amount {
                            value: rule.round.apply(value),
                            kind: AmountKind::UpTo,
                            period: rule.period,
                            max_months: rule.max_months,
                            to_confirm: to_confirm(&rule.up_to_parameters),
                        });
                    }
                    let mut m = Missing::default();
                    ev.collect(&rule.node, &mut m);
                    if open {
                        amount_missing = ids(pack, &m.askable);
                        amount_waiting.push(m);
                    } else {
                        later.push(m);
                    }
                }
                _ => {}
            }
        }
        let mut advice = Vec::new();
        let mut advice_needs = Indices::default();
        for a in &aid.advice {
            match ev.truth(&a.node) {
                Tri::True => advice.push(a.text.clone()),
                Tri::Unknown if open || undetermined => {
                    let mut m = Missing::default();
                    ev.collect(&a.node, &mut m);
                    if open {
                        advice_needs.extend(&m.askable);
                        advice_waiting.push(m);
                    } else {
                        later.push(m);
                    }
                }
                _ => {}
            }
        }
        let advice_missing = ids(pack, &advice_needs);
        aids.push(AidReport {
            id: aid.id.clone(),
            verdict,
            criteria,
            amount,
            amount_missing,
            advice,
            advice_missing,
        });
    }
    // Verdicts first; amounts only once no verdict can move; advice last.
    let next = most_wanted(pack, &waiting)
        .or_else(|| most_wanted(pack, &amount_waiting))
        .or_else(|| most_wanted(pack, &advice_waiting));
    // Every question that may still be asked, whatever the answers: an upper bound.
    let mut left = Indices::default();
    for m in waiting
        .iter()
        .chain(&amount_waiting)
        .chain(&advice_waiting)
        .chain(&later)
    {
        left.extend(&m.potential);
    }
    Report {
        aids,
        next_question: next.map(|q| pack.questions[q].id.clone()),
        questions_left: left.len(),
    }
}

/// Whether question `id` makes sense with these answers (`Unknown` while its condition is open).
pub fn applicability(pack: &Pack, answers: &Answers, today: Date, id: &str) -> Tri {
    match pack.question_position(id) {
        Some(q) => Evaluator::new(pack, answers, today).applicability(q),
        None => Tri::False,
    }
}

/// The askable question that most of `waiting` need; ties go to pack order.
fn most_wanted(pack: &Pack, waiting: &[Missing]) -> Option<usize> {
    let mut counts = vec![0usize; pack.questions.len()];
    for m in waiting {
        for q in m.askable.iter() {
            counts[q] += 1;
        }
    }
    let best = counts.iter().copied().max().filter(|&c| c > 0)?;
    counts.iter().position(|&c| c == best)
}

fn ids(pack: &Pack, set: &Indices) -> Vec<String> {
    set.iter().map(|q| pack.questions[q].id.clone()).collect()
}
