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
        }
    }

    pub(crate) fn is_answered(&self, q: usize) -> bool {
        self.answers[q].is_some()
    }

    /// Whether question `q` makes sense: its `ask_if` (none means yes).
    pub(crate) fn applicability(&mut self, q: usize) -> Tri {
        if let Some(t) = self.applicable[q] {
            return t;
        }
        let pack = self.pack;
        let t = match &pack.questions[q].ask_if_node {
            None => Tri::True,
            Some(node) => self.truth(node),
        };
        self.applicable[q] = Some(t);
        t
    }

    fn question(&mut self, q: usize) -> Val<'a> {
        if let Some(v) = self.questions[q] {
            return v;
        }
        // While `ask_if` is unknown the answer is not used: a verdict reached with it could flip
        // once the question turns out not to apply.
        let v = match self.applicability(q) {
            Tri::False => Val::NotApplicable,
            Tri::Unknown => Val::Unknown,
            Tri::True => self.answer_value(q),
        };
        self.questions[q] = Some(v);
        v
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
        let pack = self.pack;
        let derived = &pack.derived[d];
        let v = match (self.eval(&derived.node), derived.round) {
            (Val::Number(n), Some(round)) => Val::Number(round.apply(n)),
            (v, _) => v,
        };
        self.derived[d] = Some(v);
        v
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
    pub(crate) fn collect(&mut self, node: &'a Node, missing: &mut Missing) {
        if !self.eval(node).is_unknown() {
            return;
        }
        if self.settled_unknown(node) {
            self.collect_reasons(node, missing);
            return;
        }
        match node {
            Node::Question(q) | Node::In { question: q, .. } | Node::Has { question: q, .. } => {
                self.collect_question(*q, missing);
            }
            Node::Derived(d) => {
                let pack = self.pack;
                self.collect(&pack.derived[*d].node, missing);
            }
            Node::Parameter(p) => {
                missing.parameters.insert(*p);
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.collect(a, missing),
                Tri::False => self.collect(b, missing),
                Tri::Unknown => {
                    self.collect(c, missing);
                    self.collect(a, missing);
                    self.collect(b, missing);
                }
            },
            _ => node.for_each_child(|child| self.collect(child, missing)),
        }
    }

    /// Inside a settled-unknown part: records the parameters without a value and the questions
    /// answered "I don't know" that keep it unknown, never a question to ask.
    fn collect_reasons(&mut self, node: &'a Node, missing: &mut Missing) {
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
                            self.collect_reasons(node, missing);
                        }
                    }
                    _ => {}
                }
            }
            Node::Derived(d) => {
                let pack = self.pack;
                self.collect_reasons(&pack.derived[*d].node, missing);
            }
            Node::Parameter(p) => {
                missing.parameters.insert(*p);
            }
            Node::If(c, a, b) => match self.truth(c) {
                Tri::True => self.collect_reasons(a, missing),
                Tri::False => self.collect_reasons(b, missing),
                Tri::Unknown => {
                    self.collect_reasons(c, missing);
                    self.collect_reasons(a, missing);
                    self.collect_reasons(b, missing);
                }
            },
            _ => node.for_each_child(|child| self.collect_reasons(child, missing)),
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
                if let Some(b) = self.derived_settled[*d] {
                    return b;
                }
                let pack = self.pack;
                let b = self.settled_unknown(&pack.derived[*d].node);
                self.derived_settled[*d] = Some(b);
                b
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
        if let Some(b) = self.question_settled[q] {
            return b;
        }
        let b = match self.applicability(q) {
            Tri::True => self.is_answered(q) && self.question(q).is_unknown(),
            Tri::False => false,
            Tri::Unknown => {
                let pack = self.pack;
                pack.questions[q]
                    .ask_if_node
                    .as_ref()
                    .is_some_and(|node| self.settled_unknown(node))
            }
        };
        self.question_settled[q] = Some(b);
        b
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
                if let Some(b) = self.derived_may_na[*d] {
                    return b;
                }
                let pack = self.pack;
                let b = self.may_become_not_applicable(&pack.derived[*d].node);
                self.derived_may_na[*d] = Some(b);
                b
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

    pub(crate) fn collect_question(&mut self, q: usize, missing: &mut Missing) {
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
                    self.collect(node, missing);
                }
            }
            Tri::False => {}
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
