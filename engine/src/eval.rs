//! Evaluates a pack against partial answers: values, truths and what is missing.

use crate::answers::{Answer, Answers};
use crate::date::Date;
use crate::expr::ast::{ArithOp, CmpOp, Node};
use crate::indices::Indices;
use crate::kleene::{Tri, Val};
use crate::pack::Pack;
use crate::schema::{QuestionKind, Rounding};
use rust_decimal::Decimal;

/// What would settle an unknown expression.
#[derive(Clone, Debug, Default)]
pub(crate) struct Missing {
    /// Relevant, unanswered questions (positions).
    pub askable: Indices,
    /// Unanswered questions that may become relevant, askable ones included.
    pub potential: Indices,
    /// Parameters with no value at the reference date.
    pub parameters: Indices,
    /// Questions answered "I don't know".
    pub dont_know: Indices,
}

impl Missing {
    pub(crate) fn merge(&mut self, other: &Missing) {
        self.askable.extend(&other.askable);
        self.potential.extend(&other.potential);
        self.parameters.extend(&other.parameters);
        self.dont_know.extend(&other.dont_know);
    }
}

/// One evaluation: answers by question position and memoised values.
pub(crate) struct Evaluator<'a> {
    pack: &'a Pack,
    today: Date,
    answers: Vec<Option<&'a Answer>>,
    parameters: Vec<Option<Decimal>>,
    derived: Vec<Option<Val<'a>>>,
    questions: Vec<Option<Val<'a>>>,
    applicable: Vec<Option<Tri>>,
    /// Memo of [`Evaluator::settled_unknown`] for derived values.
    derived_settled: Vec<Option<bool>>,
    /// Memo of [`Evaluator::may_become_not_applicable`] for derived values.
    derived_may_na: Vec<Option<bool>>,
    /// Memo of [`Evaluator::settled_unknown`] for questions.
    question_settled: Vec<Option<bool>>,
    /// Per pass, the values on the path of [`Evaluator::prime`]'s search.
    visiting: [Vec<bool>; 3],
}

/// What [`Evaluator::prime`] computes for a value (a question, then derived values, by position).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Its value (and a question's applicability).
    Value = 0,
    /// Whether it is settled unknown.
    Settled = 1,
    /// Whether a derived value may become not applicable (questions need no memo for it).
    MayNa = 2,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(pack: &'a Pack, answers: &'a Answers, today: Date) -> Evaluator<'a> {
        Evaluator {
            pack,
            today,
            answers: pack.questions.iter().map(|q| answers.get(&q.id)).collect(),
            parameters: pack
                .parameters
                .iter()
                .map(|p| p.value_at(today).map(|v| v.value.0))
                .collect(),
            derived: vec![None; pack.derived.len()],
            questions: vec![None; pack.questions.len()],
            applicable: vec![None; pack.questions.len()],
            derived_settled: vec![None; pack.derived.len()],
            derived_may_na: vec![None; pack.derived.len()],
            question_settled: vec![None; pack.questions.len()],
            visiting: Default::default(),
        }
    }

    /// The expression a value is computed from: a question's `ask_if`, a derived value's formula.
    fn vertex_node(&self, v: usize) -> Option<&'a Node> {
        let pack = self.pack;
        match pack.questions.get(v) {
            Some(q) => q.ask_if_node.as_ref(),
            None => pack.derived.get(v - pack.questions.len()).map(|d| &d.node),
        }
    }

    /// The values `v`'s expression reads directly.
    fn dependencies(&self, v: usize) -> Vec<usize> {
        self.vertex_node(v).map_or_else(Vec::new, |node| {
            crate::pack::references(node, self.pack.questions.len())
        })
    }

    fn done(&self, pass: Pass, v: usize) -> bool {
        let nq = self.pack.questions.len();
        match (pass, v < nq) {
            (Pass::Value, true) => self.questions[v].is_some(),
            (Pass::Value, false) => self.derived[v - nq].is_some(),
            (Pass::Settled, true) => self.question_settled[v].is_some(),
            (Pass::Settled, false) => self.derived_settled[v - nq].is_some(),
            (Pass::MayNa, true) => true,
            (Pass::MayNa, false) => self.derived_may_na[v - nq].is_some(),
        }
    }

    fn compute(&mut self, pass: Pass, v: usize) {
        let nq = self.pack.questions.len();
        match (pass, v < nq) {
            (Pass::Value, true) => self.compute_question(v),
            (Pass::Value, false) => self.compute_derived(v - nq),
            (Pass::Settled, true) => {
                let b = self.compute_question_settled(v);
                self.question_settled[v] = Some(b);
            }
            (Pass::Settled, false) => {
                let node = &self.pack.derived[v - nq].node;
                let b = self.settled_unknown(node);
                self.derived_settled[v - nq] = Some(b);
            }
            (Pass::MayNa, true) => {}
            (Pass::MayNa, false) => {
                let node = &self.pack.derived[v - nq].node;
                let b = self.may_become_not_applicable(node);
                self.derived_may_na[v - nq] = Some(b);
            }
        }
    }

    /// Computes `pass` for value `root` after every value it depends on, dependencies first, by an
    /// explicit depth-first search: when `root`'s expression is then walked, each value it reads is
    /// already memoised, so a chain of derived values and `ask_if` costs no stack (the expression
    /// walk itself is bounded by [`crate::limits::MAX_EXPR_DEPTH`]).
    fn prime(&mut self, root: usize, pass: Pass) {
        if self.done(pass, root) {
            return;
        }
        let n = self.pack.questions.len() + self.pack.derived.len();
        let p = pass as usize;
        if self.visiting[p].len() != n {
            self.visiting[p] = vec![false; n];
        }
        self.visiting[p][root] = true;
        let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(root, self.dependencies(root), 0)];
        while let Some((v, deps, next)) = stack.last_mut() {
            if let Some(&w) = deps.get(*next) {
                *next += 1;
                // A value on the path again would be a circular definition: packs never have one
                // (the checker and the reader refuse them); skipping it keeps the search finite.
                if w < n && !self.visiting[p][w] && !self.done(pass, w) {
                    self.visiting[p][w] = true;
                    let deps = self.dependencies(w);
                    stack.push((w, deps, 0));
                }
            } else {
                let v = *v;
                stack.pop();
                self.visiting[p][v] = false;
                if !self.done(pass, v) {
                    self.compute(pass, v);
                }
            }
        }
    }

    pub(crate) fn is_answered(&self, q: usize) -> bool {
        self.answers[q].is_some()
    }

    /// Whether question `q` makes sense: its `ask_if` (none means yes).
    pub(crate) fn applicability(&mut self, q: usize) -> Tri {
        if self.applicable[q].is_none() {
            self.prime(q, Pass::Value);
        }
        self.applicable[q].unwrap_or(Tri::Unknown)
    }

    fn question(&mut self, q: usize) -> Val<'a> {
        if let Some(v) = self.questions[q] {
            return v;
        }
        self.prime(q, Pass::Value);
        self.questions[q].unwrap_or(Val::Unknown)
    }

    /// A question's applicability and value, once what its `ask_if` reads is known.
    fn compute_question(&mut self, q: usize) {
        let pack = self.pack;
        let t = match &pack.questions[q].ask_if_node {
            None => Tri::True,
            Some(node) => self.truth(node),
        };
        self.applicable[q] = Some(t);
        // While `ask_if` is unknown the answer is not used: a verdict reached with it could flip
        // once the question turns out not to apply.
        let v = match t {
            Tri::False => Val::NotApplicable,
            Tri::Unknown => Val::Unknown,
            Tri::True => self.answer_value(q),
        };
        self.questions[q] = Some(v);
    }

    fn answer_value(&self, q: usize) -> Val<'a> {
        let question = &self.pack.questions[q];
        match (question.kind, self.answers[q]) {
            (QuestionKind::YesNo, Some(Answer::YesNo(b))) => Val::Bool(*b),
            (QuestionKind::Integer | QuestionKind::Money, Some(Answer::Number(n))) => {
                Val::Number(*n)
            }
            (QuestionKind::Date, Some(Answer::Date(d))) => Val::Date(*d),
            (QuestionKind::OneOf, Some(Answer::OneOf(o)))
                if question.options.iter().any(|c| c.id == *o) =>
            {
                Val::OneOf(o)
            }
            (QuestionKind::SeveralOf, Some(Answer::SeveralOf(os))) => Val::SeveralOf(os),
            // Missing, "I don't know", or an answer of the wrong shape.
            _ => Val::Unknown,
        }
    }

    fn derived(&mut self, d: usize) -> Val<'a> {
        if let Some(v) = self.derived[d] {
            return v;
        }
        self.prime(self.pack.questions.len() + d, Pass::Value);
        self.derived[d].unwrap_or(Val::Unknown)
    }

    /// A derived value, once what its formula reads is known.
    fn compute_derived(&mut self, d: usize) {
        let pack = self.pack;
        let derived = &pack.derived[d];
        let v = match (self.eval(&derived.node), derived.round) {
            (Val::Number(n), Some(round)) => Val::Number(round.apply(n)),
            (v, _) => v,
        };
        self.derived[d] = Some(v);
    }

    pub(crate) fn truth(&mut self, node: &'a Node) -> Tri {
        self.eval(node).truth()
    }

    pub(crate) fn eval(&mut self, node: &'a Node) -> Val<'a> {
        match node {
            Node::Number(n) => Val::Number(*n),
            Node::Bool(b) => Val::Bool(*b),
            Node::Date(d) => Val::Date(*d),
            Node::Today => Val::Date(self.today),
            Node::Question(q) => self.question(*q),
            Node::Derived(d) => self.derived(*d),
            Node::Parameter(p) => self.parameters[*p].map_or(Val::Unknown, Val::Number),
            Node::Not(a) => tri_val(!self.truth(a)),
            Node::And(a, b) => {
                let a = self.truth(a);
                tri_val(a.and(self.truth(b)))
            }
            Node::Or(a, b) => {
                let a = self.truth(a);
                tri_val(a.or(self.truth(b)))
            }
            Node::Cmp(op, a, b) => {
                let (a, b) = (self.eval(a), self.eval(b));
                compare(*op, a, b)
            }
            Node::In {
                question,
                options,
                negate,
            } => match self.question(*question) {
                Val::NotApplicable => Val::Bool(false),
                Val::OneOf(o) => Val::Bool(options.iter().any(|x| x == o) != *negate),
                _ => Val::Unknown,
            },
            Node::Has { question, option } => match self.question(*question) {
                Val::NotApplicable => Val::Bool(false),
                Val::SeveralOf(os) => Val::Bool(os.iter().any(|x| x == option)),
                _ => Val::Unknown,
            },
            Node::Arith(op, a, b) => {
                let (a, b) = (self.eval(a), self.eval(b));
                numbers2(a, b, |x, y| match op {
                    ArithOp::Add => x.checked_add(y),
                    ArithOp::Sub => x.checked_sub(y),
                    ArithOp::Mul => x.checked_mul(y),
                    ArithOp::Div if y.is_zero() => None,
                    ArithOp::Div => x.checked_div(y),
                })
            }
            Node::Neg(a) => match self.eval(a) {
                Val::Number(x) => Val::Number(-x),
                other => not_a_value(other),
            },
            Node::Min(args) | Node::Max(args) => {
                let is_min = matches!(node, Node::Min(_));
                let mut acc: Option<Decimal> = None;
                let mut unknown = false;
                for arg in args {
                    match self.eval(arg) {
                        Val::Number(x) => {
                            acc = Some(match acc {
                                None => x,
                                Some(y) if is_min => x.min(y),
                                Some(y) => x.max(y),
                            })
                        }
                        Val::NotApplicable => return Val::NotApplicable,
                        _ => unknown = true,
                    }
                }
                match (unknown, acc) {
                    (false, Some(x)) => Val::Number(x),
                    _ => Val::Unknown,
                }
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.eval(a),
                Tri::False => self.eval(b),
                Tri::Unknown => Val::Unknown,
            },
            Node::YearsSince(a) | Node::MonthsSince(a) => match self.eval(a) {
                Val::Date(d) => {
                    let n = if matches!(node, Node::YearsSince(_)) {
                        d.years_since(self.today)
                    } else {
                        d.months_since(self.today)
                    };
                    Val::Number(Decimal::from(n))
                }
                other => not_a_value(other),
            },
            Node::Round(a) => match self.eval(a) {
                Val::Number(x) => Val::Number(Rounding::Cent.apply(x)),
                other => not_a_value(other),
            },
        }
    }

    /// Records what would settle `node`, which must be unknown (nothing is recorded otherwise).
    ///
    /// A part that is *settled unknown* (see [`Evaluator::settled_unknown`]) asks nothing: no
    /// answer can make it known, so its questions are neither askable nor potential. Its
    /// parameters and "I don't know" answers are still recorded, as the reasons it stays open.
    ///
    /// The expressions of the derived values and `ask_if` it reaches go through a work list, each
    /// once, rather than a recursive call per link: a chain of values costs no stack.
    pub(crate) fn collect(&mut self, node: &'a Node, missing: &mut Missing) {
        let mut work = Work::default();
        work.items.push((node, false));
        while let Some((node, reasons)) = work.items.pop() {
            if reasons {
                self.collect_reasons(node, missing, &mut work);
            } else {
                self.collect_in(node, missing, &mut work);
            }
        }
    }

    fn collect_in(&mut self, node: &'a Node, missing: &mut Missing, work: &mut Work<'a>) {
        if !self.eval(node).is_unknown() {
            return;
        }
        if self.settled_unknown(node) {
            self.collect_reasons(node, missing, work);
            return;
        }
        match node {
            Node::Question(q) | Node::In { question: q, .. } | Node::Has { question: q, .. } => {
                self.collect_question(*q, missing, work);
            }
            Node::Derived(d) => {
                let v = self.pack.questions.len() + d;
                work.push(v, &self.pack.derived[*d].node, false);
            }
            Node::Parameter(p) => {
                missing.parameters.insert(*p);
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.collect_in(a, missing, work),
                Tri::False => self.collect_in(b, missing, work),
                Tri::Unknown => {
                    self.collect_in(c, missing, work);
                    self.collect_in(a, missing, work);
                    self.collect_in(b, missing, work);
                }
            },
            _ => node.for_each_child(|child| self.collect_in(child, missing, work)),
        }
    }

    /// Inside a settled-unknown part: records the parameters without a value and the questions
    /// answered "I don't know" that keep it unknown, never a question to ask.
    fn collect_reasons(&mut self, node: &'a Node, missing: &mut Missing, work: &mut Work<'a>) {
        if !self.eval(node).is_unknown() {
            return;
        }
        match node {
            Node::Question(q) | Node::In { question: q, .. } | Node::Has { question: q, .. } => {
                let q = *q;
                match self.applicability(q) {
                    Tri::True if self.is_answered(q) => {
                        missing.dont_know.insert(q);
                    }
                    Tri::Unknown => {
                        let pack = self.pack;
                        if let Some(node) = &pack.questions[q].ask_if_node {
                            work.push(q, node, true);
                        }
                    }
                    _ => {}
                }
            }
            Node::Derived(d) => {
                let v = self.pack.questions.len() + d;
                work.push(v, &self.pack.derived[*d].node, true);
            }
            Node::Parameter(p) => {
                missing.parameters.insert(*p);
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.collect_reasons(a, missing, work),
                Tri::False => self.collect_reasons(b, missing, work),
                Tri::Unknown => {
                    self.collect_reasons(c, missing, work);
                    self.collect_reasons(a, missing, work);
                    self.collect_reasons(b, missing, work);
                }
            },
            _ => node.for_each_child(|child| self.collect_reasons(child, missing, work)),
        }
    }

    /// Whether `node` is unknown now and stays unknown whatever else is answered: it reads a
    /// parameter with no value at the date, a question answered "I don't know", or a question
    /// whose `ask_if` is itself settled unknown, in a way no other operand can override.
    /// Conservative: `false` whenever some answer might still make `node` known (or not
    /// applicable, which makes a comparison false).
    pub(crate) fn settled_unknown(&mut self, node: &'a Node) -> bool {
        if !self.eval(node).is_unknown() {
            return false;
        }
        match node {
            Node::Number(_) | Node::Bool(_) | Node::Date(_) | Node::Today => false,
            // Unknown means no value at the reference date: only the pack can change that.
            Node::Parameter(_) => true,
            Node::Question(q) | Node::In { question: q, .. } | Node::Has { question: q, .. } => {
                self.question_settled(*q)
            }
            Node::Derived(d) => {
                if self.derived_settled[*d].is_none() {
                    self.prime(self.pack.questions.len() + d, Pass::Settled);
                }
                self.derived_settled[*d].unwrap_or(false)
            }
            // Truth stays unknown as long as the operand does.
            Node::Not(a)
            | Node::Neg(a)
            | Node::YearsSince(a)
            | Node::MonthsSince(a)
            | Node::Round(a) => self.settled_unknown(a),
            // Unknown until one side turns false: each side is settled unknown or already true.
            Node::And(a, b) => {
                let a_ok = self.truth(a) == Tri::True || self.settled_unknown(a);
                a_ok && (self.truth(b) == Tri::True || self.settled_unknown(b))
            }
            Node::Or(a, b) => {
                let a_ok = self.truth(a) == Tri::False || self.settled_unknown(a);
                a_ok && (self.truth(b) == Tri::False || self.settled_unknown(b))
            }
            // A settled-unknown operand keeps the result unknown, unless the other operand may
            // still become not applicable (the comparison is then false, the arithmetic not
            // applicable). Two known operands giving unknown (division by zero) stay so.
            Node::Cmp(_, a, b) | Node::Arith(_, a, b) => {
                let (va, vb) = (self.eval(a), self.eval(b));
                if !va.is_unknown() && !vb.is_unknown() {
                    return !matches!(va, Val::NotApplicable) && !matches!(vb, Val::NotApplicable);
                }
                (self.settled_unknown(a) && !self.may_become_not_applicable(b))
                    || (self.settled_unknown(b) && !self.may_become_not_applicable(a))
            }
            Node::Min(args) | Node::Max(args) => {
                let mut settled = false;
                for arg in args {
                    if self.may_become_not_applicable(arg) {
                        return false;
                    }
                    settled = settled || self.settled_unknown(arg);
                }
                settled
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.settled_unknown(a),
                Tri::False => self.settled_unknown(b),
                Tri::Unknown => {
                    self.settled_unknown(c) || (self.settled_unknown(a) && self.settled_unknown(b))
                }
            },
        }
    }

    /// Whether question `q`'s value is unknown for good: relevant and answered "I don't know"
    /// (or with an answer of the wrong shape), or relevance settled unknown.
    fn question_settled(&mut self, q: usize) -> bool {
        if self.question_settled[q].is_none() {
            self.prime(q, Pass::Settled);
        }
        self.question_settled[q].unwrap_or(false)
    }

    /// [`Evaluator::question_settled`], once what its `ask_if` reads is settled.
    fn compute_question_settled(&mut self, q: usize) -> bool {
        match self.applicability(q) {
            Tri::True => self.is_answered(q) && self.question(q).is_unknown(),
            Tri::False => false,
            Tri::Unknown => {
                let pack = self.pack;
                pack.questions[q]
                    .ask_if_node
                    .as_ref()
                    .is_some_and(|node| self.settled_unknown(node))
            }
        }
    }

    /// Whether `node` is, or may still become, not applicable (read from a question whose
    /// `ask_if` is false). Conservative: `true` when unsure.
    fn may_become_not_applicable(&mut self, node: &'a Node) -> bool {
        match node {
            Node::Number(_)
            | Node::Bool(_)
            | Node::Date(_)
            | Node::Today
            | Node::Parameter(_)
            // Conditions are always true, false or unknown.
            | Node::Not(_)
            | Node::And(..)
            | Node::Or(..)
            | Node::Cmp(..)
            | Node::In { .. }
            | Node::Has { .. } => false,
            Node::Question(q) => match self.applicability(*q) {
                Tri::True => false,
                Tri::False => true,
                Tri::Unknown => !self.question_settled(*q),
            },
            Node::Derived(d) => {
                if self.derived_may_na[*d].is_none() {
                    self.prime(self.pack.questions.len() + d, Pass::MayNa);
                }
                self.derived_may_na[*d].unwrap_or(true)
            }
            Node::Neg(a) | Node::YearsSince(a) | Node::MonthsSince(a) | Node::Round(a) => {
                self.may_become_not_applicable(a)
            }
            Node::Arith(_, a, b) => {
                self.may_become_not_applicable(a) || self.may_become_not_applicable(b)
            }
            Node::Min(args) | Node::Max(args) => {
                args.iter().any(|arg| self.may_become_not_applicable(arg))
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.may_become_not_applicable(a),
                Tri::False => self.may_become_not_applicable(b),
                Tri::Unknown => {
                    self.may_become_not_applicable(a) || self.may_become_not_applicable(b)
                }
            },
        }
    }

    fn collect_question(&mut self, q: usize, missing: &mut Missing, work: &mut Work<'a>) {
        match self.applicability(q) {
            Tri::True => {
                if self.is_answered(q) {
                    missing.dont_know.insert(q);
                } else {
                    missing.askable.insert(q);
                    missing.potential.insert(q);
                }
            }
            Tri::Unknown => {
                if !self.is_answered(q) {
                    missing.potential.insert(q);
                }
                let pack = self.pack;
                if let Some(node) = &pack.questions[q].ask_if_node {
                    work.push(q, node, false);
                }
            }
            Tri::False => {}
        }
    }
}

/// The expressions [`Evaluator::collect`] still has to walk (and whether for reasons only), and the
/// values already queued for each kind of walk: walking one twice would record nothing new.
#[derive(Default)]
struct Work<'a> {
    items: Vec<(&'a Node, bool)>,
    /// `2 × value + 1` for a walk for reasons only, `2 × value` for a full walk.
    queued: Indices,
}

impl<'a> Work<'a> {
    fn push(&mut self, vertex: usize, node: &'a Node, reasons: bool) {
        let key = 2 * vertex + usize::from(reasons);
        if !self.queued.contains(key) {
            self.queued.insert(key);
            self.items.push((node, reasons));
        }
    }
}

fn tri_val(t: Tri) -> Val<'static> {
    match t {
        Tri::True => Val::Bool(true),
        Tri::False => Val::Bool(false),
        Tri::Unknown => Val::Unknown,
    }
}

/// Not applicable propagates (it is final); anything else not a value is unknown.
fn not_a_value(v: Val<'_>) -> Val<'static> {
    match v {
        Val::NotApplicable => Val::NotApplicable,
        _ => Val::Unknown,
    }
}

fn numbers2<'a>(
    a: Val<'a>,
    b: Val<'a>,
    f: impl FnOnce(Decimal, Decimal) -> Option<Decimal>,
) -> Val<'a> {
    match (a, b) {
        (Val::NotApplicable, _) | (_, Val::NotApplicable) => Val::NotApplicable,
        (Val::Number(x), Val::Number(y)) => f(x, y).map_or(Val::Unknown, Val::Number),
        _ => Val::Unknown,
    }
}

fn compare<'a>(op: CmpOp, a: Val<'a>, b: Val<'a>) -> Val<'a> {
    use core::cmp::Ordering;
    let ordering: Option<Ordering> = match (a, b) {
        (Val::NotApplicable, _) | (_, Val::NotApplicable) => return Val::Bool(false),
        (Val::Number(x), Val::Number(y)) => Some(x.cmp(&y)),
        (Val::Date(x), Val::Date(y)) => Some(x.cmp(&y)),
        (Val::Bool(x), Val::Bool(y)) => Some(x.cmp(&y)),
        _ => None,
    };
    let Some(o) = ordering else {
        return Val::Unknown;
    };
    Val::Bool(match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
    })
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use crate::expr::ast::{ArithOp, CmpOp, Node};
    use crate::{Answer, Answers, Date, Decimal, Verdict, evaluate};

    /// Issue 19: a chain of 20 000 derived values (beyond what the checker or the reader accepts,
    /// so built here by hand) evaluates on a 256 KiB stack: no recursion per link, whether its
    /// value is known, asked for, or settled unknown ("I don't know").
    #[test]
    fn a_chain_of_20_000_derived_values_needs_no_stack_per_link() {
        let text = r#"
[pack]
id = "chain"
version = "test"
languages = ["fr"]
[territory]
name = { fr = "Démoville" }
[[question]]
id = "age"
type = "integer"
label = { fr = "Âge" }
[[derived]]
id = "d0"
type = "number"
label = { fr = "Étape" }
formula = "age + 1"
[[aid]]
id = "aid"
name = { fr = "Aide" }
institution = { fr = "CCAS" }
summary = { fr = "Une aide." }
how_to_apply = { fr = "Au CCAS." }
sources = [{ title = "Délibération", url = "https://example.org/d", verified = 2026-11-23 }]
[[aid.criterion]]
when = "d0 > 0"
label = { fr = "Condition" }
[safety]
title = { fr = "Violences" }
intro = { fr = "Numéros." }
contacts = [{ number = "3919", label = { fr = "3919" } }]
[[next_step]]
id = "ccas"
text = { fr = "Allez au CCAS." }
number = "0000"
"#;
        let mut pack = crate::toml_source::load_pack_with("chain.toml", text, &mut |_| {
            Err("no include".into())
        })
        .unwrap_or_else(|e| panic!("{e}"))
        .pack;
        let n = 20_000;
        let first = pack.derived[0].clone();
        for i in 1..n {
            let mut d = first.clone();
            d.id = format!("d{i}");
            d.node = Node::Arith(
                ArithOp::Add,
                Box::new(Node::Derived(i - 1)),
                Box::new(Node::Number(Decimal::ONE)),
            );
            pack.derived.push(d);
        }
        pack.aids[0].criteria[0].node = Node::Cmp(
            CmpOp::Gt,
            Box::new(Node::Derived(n - 1)),
            Box::new(Node::Number(Decimal::ZERO)),
        );
        // The reader refuses it, naming the limit.
        match crate::Pack::from_bytes(&pack.to_bytes()) {
            Err(crate::DecodeError::Inconsistent(why)) => assert!(why.contains("limit"), "{why}"),
            other => panic!("{other:?}"),
        }
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || {
                let today = Date::new(2026, 10, 1).unwrap();
                let report = evaluate(&pack, &Answers::new(), today);
                assert_eq!(report.next_question.as_deref(), Some("age"));
                let mut answers = Answers::new();
                answers.set("age", Answer::Number(Decimal::from(30)));
                assert_eq!(
                    evaluate(&pack, &answers, today).aids[0].verdict,
                    Verdict::Eligible
                );
                answers.set("age", Answer::DontKnow);
                let report = evaluate(&pack, &answers, today);
                assert!(report.aids[0].verdict.is_undetermined());
                assert_eq!(report.next_question, None);
            })
            .unwrap()
            .join()
            .expect("no stack overflow");
    }
}
