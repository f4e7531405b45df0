//! Parsed expressions, and the compiled tree the evaluator walks.

use crate::date::Date;
use rust_decimal::Decimal;

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

/// An arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// A parsed expression, names not yet resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Column where it starts, from 1.
    pub column: usize,
}

/// The shapes of a parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A decimal literal.
    Number(Decimal),
    /// `true` / `false`.
    Bool(bool),
    /// A date literal.
    Date(Date),
    /// A quoted option id.
    Str(String),
    /// `today`.
    Today,
    /// A question, derived value or parameter.
    Name(String),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `not x`.
    Not(Box<Expr>),
    /// `a and b`.
    And(Box<Expr>, Box<Expr>),
    /// `a or b`.
    Or(Box<Expr>, Box<Expr>),
    /// `a < b` and the like.
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `x in [..]`.
    In(Box<Expr>, Box<Expr>),
    /// `x has 'opt'`.
    Has(Box<Expr>, Box<Expr>),
    /// `a + b` and the like.
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// `-x`.
    Neg(Box<Expr>),
    /// `f(a, b)`.
    Call(String, Vec<Expr>),
}

/// A type-checked expression with names resolved to positions in the pack.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A decimal.
    Number(Decimal),
    /// A truth value.
    Bool(bool),
    /// A date.
    Date(Date),
    /// The reference date.
    Today,
    /// A question's answer.
    Question(usize),
    /// A derived value.
    Derived(usize),
    /// A parameter's value at the reference date.
    Parameter(usize),
    /// Negation.
    Not(Box<Node>),
    /// Conjunction.
    And(Box<Node>, Box<Node>),
    /// Disjunction.
    Or(Box<Node>, Box<Node>),
    /// Comparison of two numbers, dates or truth values.
    Cmp(CmpOp, Box<Node>, Box<Node>),
    /// A one-of answer is among `options` (`negate` for `!=`).
    In {
        /// The question.
        question: usize,
        /// Accepted option ids.
        options: Vec<String>,
        /// True for `!=`.
        negate: bool,
    },
    /// A several-of answer contains `option`.
    Has {
        /// The question.
        question: usize,
        /// The option id.
        option: String,
    },
    /// Arithmetic.
    Arith(ArithOp, Box<Node>, Box<Node>),
    /// Unary minus.
    Neg(Box<Node>),
    /// Smallest of the arguments.
    Min(Vec<Node>),
    /// Largest of the arguments.
    Max(Vec<Node>),
    /// `if(cond, a, b)`.
    If(Box<Node>, Box<Node>, Box<Node>),
    /// Whole years from a date to the reference date.
    YearsSince(Box<Node>),
    /// Whole months from a date to the reference date.
    MonthsSince(Box<Node>),
    /// Rounded to the cent.
    Round(Box<Node>),
}

impl Node {
    /// Calls `f` on every direct child.
    pub(crate) fn for_each_child<'a>(&'a self, mut f: impl FnMut(&'a Node)) {
        match self {
            Node::Number(_)
            | Node::Bool(_)
            | Node::Date(_)
            | Node::Today
            | Node::Question(_)
            | Node::Derived(_)
            | Node::Parameter(_)
            | Node::In { .. }
            | Node::Has { .. } => {}
            Node::Not(a)
            | Node::Neg(a)
            | Node::YearsSince(a)
            | Node::MonthsSince(a)
            | Node::Round(a) => f(a),
            Node::And(a, b) | Node::Or(a, b) | Node::Cmp(_, a, b) | Node::Arith(_, a, b) => {
                f(a);
                f(b);
            }
            Node::If(c, a, b) => {
                f(c);
                f(a);
                f(b);
            }
            Node::Min(args) | Node::Max(args) => args.iter().for_each(f),
        }
    }

    /// Calls `f` on every name this expression reads directly (questions read by `in`/`has` too).
    pub(crate) fn for_each_reference(&self, f: &mut impl FnMut(&Node)) {
        match self {
            Node::Question(_) | Node::Derived(_) | Node::Parameter(_) => f(self),
            Node::In { question, .. } | Node::Has { question, .. } => f(&Node::Question(*question)),
            _ => self.for_each_child(|child| child.for_each_reference(f)),
        }
    }
}
