//! Each criterion of an aid as a resident reads it ("moins de 27 ans — vous avez 20 ans"): met,
//! not met, not known or not needed, with the answers it reads and the limits it compares them
//! with. Data only: the interface words it.
//!
//! "Not needed": a criterion whose questions were never asked because the verdict was settled
//! without them (the aid is refused on another criterion). A failed criterion that reads only
//! questions that do not apply (their `ask_if` is false) is not needed either when another
//! criterion refuses the aid on the resident's own answers: a pupil in terminale refused on
//! "higher education" is not also told "✗ have the baccalauréat", a question never put to them.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::eval::Evaluator;
use crate::expr::ast::{CmpOp, Node};
use crate::kleene::{Tri, Val};
use crate::pack::{Aid, Pack};
use crate::report::{AidReport, CriterionState, RefusalReason, Report, Verdict};
use crate::schema::DerivedKind;
use rust_decimal::Decimal;

/// How deep the walks below follow derived values into derived values (a checked pack stays far
/// below; past it a walk stops rather than risk the stack).
const MAX_DEPTH: usize = 64;

/// How a criterion reads to the resident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionStatus {
    /// It holds.
    Met,
    /// It does not hold: a reason of the refusal.
    NotMet,
    /// Not known yet: an answer is missing, "I don't know", or a value only the institution has.
    NotKnown,
    /// Not asked, and not needed: the verdict was settled without it.
    NotNeeded,
}

impl CriterionStatus {
    /// `met`, `not_met`, `not_known` or `not_needed` (as in test cases and the checker).
    pub fn name(self) -> &'static str {
        match self {
            CriterionStatus::Met => "met",
            CriterionStatus::NotMet => "not_met",
            CriterionStatus::NotKnown => "not_known",
            CriterionStatus::NotNeeded => "not_needed",
        }
    }
}

/// A value read or compared by a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A number or an amount.
    Number(Decimal),
    /// A date.
    Date(Date),
    /// Yes or no.
    Bool(bool),
}

impl Value {
    fn of(v: Val<'_>) -> Option<Value> {
        match v {
            Val::Number(n) => Some(Value::Number(n)),
            Val::Date(d) => Some(Value::Date(d)),
            Val::Bool(b) => Some(Value::Bool(b)),
            _ => None,
        }
    }
}

/// One question a criterion reads, with the resident's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRead {
    /// The question's id.
    pub question: String,
    /// The answer given (`None`: not answered).
    pub answer: Option<Answer>,
    /// Answered and applicable: the resident was asked it.
    pub asked: bool,
}

/// A comparison of the resident's value with a limit: "age < 27", "resources < 420 €".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit {
    /// The question or derived value compared (its id).
    pub subject: String,
    /// `subject` is a derived value (computed from answers), not a question.
    pub derived: bool,
    /// The resident's value, when known.
    pub value: Option<Value>,
    /// The comparison, read `subject op limit`.
    pub op: CmpOp,
    /// The limit at the date, when known (a parameter without value leaves it unknown).
    pub limit: Option<Value>,
    /// The parameters the limit is read from (ids), if any.
    pub parameters: Vec<String>,
    /// The limit depends on a value still to be confirmed.
    pub to_confirm: bool,
}

/// A parameter a criterion reads (in the branch its answers select), with its value at the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterRead {
    /// The parameter's id.
    pub id: String,
    /// Its value at the date (`None`: no value, only the institution can say).
    pub value: Option<Decimal>,
    /// The value is marked to be confirmed.
    pub to_confirm: bool,
}

/// One criterion of an aid, as the resident reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionDetail {
    /// Met, not met, not known or not needed.
    pub status: CriterionStatus,
    /// The questions it reads, directly or through derived values, in pack order.
    pub answers: Vec<AnswerRead>,
    /// Its comparisons of a question or derived value with a limit, in reading order.
    pub limits: Vec<Limit>,
    /// The parameters it reads, in pack order.
    pub parameters: Vec<ParameterRead>,
}

/// Every aid's criteria as the resident reads them, in pack order (`report` is
/// [`crate::evaluate`] of the same answers at the same date).
pub fn criteria_details(
    pack: &Pack,
    answers: &Answers,
    today: Date,
    report: &Report,
) -> Vec<Vec<CriterionDetail>> {
    let mut ev = Evaluator::new(pack, answers, today);
    pack.aids
        .iter()
        .zip(&report.aids)
        .map(|(aid, r)| details(&mut ev, pack, answers, today, aid, r))
        .collect()
}

/// Each criterion of the aid of `report` with the answers it reads that were put to the resident
/// (directly or through derived values, in pack order): its status and what a card shows after
/// it ("— your answer: 20", [`crate::sentences::criterion_line`]). Cheaper than
/// [`criteria_details`]: no limits, no parameters.
pub fn criteria_answers<'p>(
    pack: &'p Pack,
    answers: &'p Answers,
    today: Date,
    report: &AidReport,
) -> Vec<(CriterionStatus, Vec<(&'p str, &'p Answer)>)> {
    let Some(aid) = pack.aid(&report.id) else {
        return Vec::new();
    };
    let mut ev = Evaluator::new(pack, answers, today);
    let read: Vec<Vec<usize>> = (aid.criteria.iter())
        .map(|c| questions_read(pack, &c.node))
        .collect();
    let statuses = statuses_with(&mut ev, pack, answers, &read, report);
    statuses
        .into_iter()
        .zip(read)
        .map(|(status, read)| {
            let given = read
                .into_iter()
                .filter(|&q| asked(&mut ev, pack, answers, q))
                .filter_map(|q| {
                    let id = pack.questions[q].id.as_str();
                    answers.get(id).map(|a| (id, a))
                })
                .collect();
            (status, given)
        })
        .collect()
}

pub(crate) fn details<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    answers: &Answers,
    today: Date,
    aid: &'a Aid,
    report: &AidReport,
) -> Vec<CriterionDetail> {
    let read: Vec<Vec<usize>> = (aid.criteria.iter())
        .map(|c| questions_read(pack, &c.node))
        .collect();
    let statuses = statuses_with(ev, pack, answers, &read, report);
    aid.criteria
        .iter()
        .zip(statuses)
        .zip(read)
        .map(|((criterion, status), read)| {
            let answers_read = read
                .into_iter()
                .map(|q| AnswerRead {
                    question: pack.questions[q].id.clone(),
                    answer: answers.get(&pack.questions[q].id).cloned(),
                    asked: asked(ev, pack, answers, q),
                })
                .collect();
            let mut limits = Vec::new();
            find_limits(ev, pack, today, &criterion.node, &mut limits);
            let mut used = Vec::new();
            parameters_used(ev, pack, &criterion.node, &mut used);
            CriterionDetail {
                status,
                answers: answers_read,
                limits,
                parameters: parameter_reads(pack, today, used),
            }
        })
        .collect()
}

/// Whether question `q` was put to the resident: answered, and applicable.
pub(crate) fn asked(ev: &mut Evaluator<'_>, pack: &Pack, answers: &Answers, q: usize) -> bool {
    answers.get(&pack.questions[q].id).is_some() && ev.applicability(q) == Tri::True
}

/// The status of each criterion, given the questions each criterion reads.
fn statuses_with(
    ev: &mut Evaluator<'_>,
    pack: &Pack,
    answers: &Answers,
    read: &[Vec<usize>],
    report: &AidReport,
) -> Vec<CriterionStatus> {
    let settled = !report.verdict.is_undetermined();
    // A failed criterion is decisive when the resident's own answers (or no answer at all: a date,
    // a parameter) make it fail; one failing only on questions never put to them is not.
    let on_answers: Vec<bool> = read
        .iter()
        .map(|read| read.is_empty() || read.iter().any(|&q| asked(ev, pack, answers, q)))
        .collect();
    let decided_elsewhere = |i: usize| match &report.verdict {
        Verdict::NotEligible { reasons } => reasons.iter().any(|r| match r {
            RefusalReason::Status(_) => true,
            RefusalReason::Criterion(j) => *j != i && on_answers[*j],
        }),
        _ => false,
    };
    report
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| match c.state {
            CriterionState::Unknown if settled => CriterionStatus::NotNeeded,
            CriterionState::Unknown => CriterionStatus::NotKnown,
            CriterionState::Met | CriterionState::Failed
                if !on_answers.get(i).copied().unwrap_or(true) && decided_elsewhere(i) =>
            {
                CriterionStatus::NotNeeded
            }
            CriterionState::Met => CriterionStatus::Met,
            CriterionState::Failed => CriterionStatus::NotMet,
        })
        .collect()
}

/// The questions `node` reads, directly or through derived values (not through `ask_if`), in
/// pack order.
pub(crate) fn questions_read(pack: &Pack, node: &Node) -> Vec<usize> {
    let mut found = Vec::new();
    let mut seen_derived = Vec::new();
    let mut todo: Vec<&Node> = vec![node];
    while let Some(node) = todo.pop() {
        node.for_each_reference(&mut |r| match r {
            Node::Question(q) => found.push(*q),
            Node::Derived(d) => {
                if !seen_derived.contains(d)
                    && let Some(derived) = pack.derived.get(*d)
                {
                    seen_derived.push(*d);
                    todo.push(&derived.node);
                }
            }
            _ => {}
        });
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The questions whose answers can change `node`'s value: those it reads (through derived values)
/// and, transitively, those their `ask_if` reads. In pack order.
pub(crate) fn questions_depended_on(pack: &Pack, node: &Node) -> Vec<usize> {
    let mut found = questions_read(pack, node);
    let mut i = 0;
    while i < found.len() {
        if let Some(ask_if) = &pack.questions[found[i]].ask_if_node {
            for q in questions_read(pack, ask_if) {
                if !found.contains(&q) {
                    found.push(q);
                }
            }
        }
        i += 1;
    }
    found.sort_unstable();
    found
}

/// Parameters read by `node` in the branches its answers select (every branch while a condition
/// is unknown), through derived values. A work list, not recursion: chains of derived values may
/// be long.
pub(crate) fn parameters_used<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    node: &'a Node,
    out: &mut Vec<usize>,
) {
    let mut todo: Vec<&'a Node> = vec![node];
    let mut seen_derived: Vec<usize> = Vec::new();
    while let Some(node) = todo.pop() {
        match node {
            Node::Parameter(p) => {
                if !out.contains(p) {
                    out.push(*p);
                }
            }
            Node::Derived(d) => {
                if !seen_derived.contains(d)
                    && let Some(derived) = pack.derived.get(*d)
                {
                    seen_derived.push(*d);
                    todo.push(&derived.node);
                }
            }
            Node::If(c, a, b) => match ev.truth(c) {
                Tri::True => todo.push(a),
                Tri::False => todo.push(b),
                Tri::Unknown => todo.extend([&**c, &**a, &**b]),
            },
            _ => node.for_each_child(|child| todo.push(child)),
        }
    }
}

fn parameter_reads(pack: &Pack, today: Date, mut used: Vec<usize>) -> Vec<ParameterRead> {
    used.sort_unstable();
    used.into_iter()
        .map(|p| {
            let parameter = &pack.parameters[p];
            let value = parameter.value_at(today);
            ParameterRead {
                id: parameter.id.clone(),
                value: value.map(|v| v.value.0),
                to_confirm: value.is_some_and(|v| v.to_confirm),
            }
        })
        .collect()
}

/// The comparisons of a condition, through `and`, `or`, `not`, `if` and derived yes/no values:
/// where the rules draw their lines.
pub(crate) fn comparisons<'a>(
    pack: &'a Pack,
    node: &'a Node,
    out: &mut Vec<(CmpOp, &'a Node, &'a Node)>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match node {
        Node::And(a, b) | Node::Or(a, b) => {
            comparisons(pack, a, out, depth + 1);
            comparisons(pack, b, out, depth + 1);
        }
        Node::Not(a) => comparisons(pack, a, out, depth + 1),
        Node::If(c, a, b) => {
            for n in [c, a, b] {
                comparisons(pack, n, out, depth + 1);
            }
        }
        Node::Derived(d) => {
            if let Some(derived) = pack.derived.get(*d)
                && derived.kind == DerivedKind::YesNo
            {
                comparisons(pack, &derived.node, out, depth + 1);
            }
        }
        Node::Cmp(op, a, b) => out.push((*op, a, b)),
        _ => {}
    }
}

/// The comparisons of a condition between a question or derived value and a limit that does not
/// read it (the limit may read other answers: the RME minimum depends on the study zone).
fn find_limits<'a>(
    ev: &mut Evaluator<'a>,
    pack: &'a Pack,
    today: Date,
    node: &'a Node,
    out: &mut Vec<Limit>,
) {
    let mut found = Vec::new();
    comparisons(pack, node, &mut found, 0);
    for (op, a, b) in found {
        let subject = |n: &Node| match n {
            Node::Question(q) => Some((pack.questions[*q].id.clone(), false)),
            Node::Derived(d) => Some((pack.derived[*d].id.clone(), true)),
            _ => None,
        };
        // A question on one side is the subject before a derived value; the limit must not read
        // what the subject reads.
        let (read_a, read_b) = (questions_read(pack, a), questions_read(pack, b));
        let apart = !read_a.iter().any(|q| read_b.contains(q));
        let direct = |n: &Node| matches!(n, Node::Question(_));
        let sides = [
            (a, b, op, direct(a)),
            (b, a, flip(op), direct(b)),
            (a, b, op, !direct(a)),
            (b, a, flip(op), !direct(b)),
        ];
        let Some((side, limit, op, subject)) = sides.into_iter().find_map(|(x, y, op, first)| {
            let s = subject(x)?;
            (first && apart).then_some((x, y, op, s))
        }) else {
            continue;
        };
        let value = Value::of(ev.eval(side));
        let limit_value = Value::of(ev.eval(limit));
        let mut used = Vec::new();
        parameters_used(ev, pack, limit, &mut used);
        let reads = parameter_reads(pack, today, used);
        out.push(Limit {
            subject: subject.0,
            derived: subject.1,
            value,
            op,
            limit: limit_value,
            to_confirm: reads.iter().any(|p| p.to_confirm),
            parameters: reads.into_iter().map(|p| p.id).collect(),
        });
    }
}

/// The same comparison with its sides swapped: `a < b` is `b > a`.
fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}
