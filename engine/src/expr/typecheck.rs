//! Resolves names and checks types, turning a parsed `Expr` into a compiled `Node`.

use super::ExprError;
use super::ast::{CmpOp, Expr, ExprKind, Node};
use std::collections::BTreeMap;

/// The type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// Yes/no (a condition).
    Bool,
    /// A decimal number or an amount.
    Number,
    /// A date.
    Date,
    /// The answer to a one-of question (by question position).
    OneOf(usize),
    /// The answer to a several-of question (by question position).
    SeveralOf(usize),
}

/// What expressions may name: ids with their node and type, and each question's option ids.
pub struct Scope<'a> {
    /// Every question, derived value and parameter id.
    pub names: &'a BTreeMap<String, (Node, Ty)>,
    /// Option ids per question position.
    pub options: &'a [Vec<String>],
    /// Question ids per position, for messages.
    pub question_ids: &'a [String],
}

impl Scope<'_> {
    fn describe(&self, ty: Ty) -> String {
        match ty {
            Ty::Bool => "a yes/no condition".into(),
            Ty::Number => "a number".into(),
            Ty::Date => "a date".into(),
            Ty::OneOf(q) => format!(
                "the answer to \"{}\" (one of its options)",
                self.question_ids[q]
            ),
            Ty::SeveralOf(q) => format!(
                "the answers to \"{}\" (several options)",
                self.question_ids[q]
            ),
        }
    }

    fn check_option(&self, q: usize, e: &Expr) -> Result<String, ExprError> {
        let ExprKind::Str(option) = &e.kind else {
            return Err(ExprError::new(
                e.column,
                "expected an option id in quotes, like 'student'",
            ));
        };
        if self.options[q].iter().any(|o| o == option) {
            return Ok(option.clone());
        }
        Err(ExprError::new(
            e.column,
            format!(
                "'{option}' is not an option of \"{}\"{} (options: {})",
                self.question_ids[q],
                suggestion(option, self.options[q].iter().map(String::as_str)),
                self.options[q].join(", ")
            ),
        ))
    }

    /// Checks `expr` and requires type `want`.
    pub fn check_as(&self, expr: &Expr, want: Ty) -> Result<Node, ExprError> {
        let (node, ty) = self.check(expr)?;
        if ty != want {
            return Err(ExprError::new(
                expr.column,
                format!(
                    "expected {}, found {}",
                    self.describe(want),
                    self.describe(ty)
                ),
            ));
        }
        Ok(node)
    }

    /// Checks an expression and returns its compiled node and type.
    pub fn check(&self, expr: &Expr) -> Result<(Node, Ty), ExprError> {
        let column = expr.column;
        Ok(match &expr.kind {
            ExprKind::Number(n) => (Node::Number(*n), Ty::Number),
            ExprKind::Bool(b) => (Node::Bool(*b), Ty::Bool),
            ExprKind::Date(d) => (Node::Date(*d), Ty::Date),
            ExprKind::Today => (Node::Today, Ty::Date),
            ExprKind::Str(s) => {
                return Err(ExprError::new(
                    column,
                    format!(
                        "a quoted option '{s}' can only follow ==, !=, `in` or `has` after a question"
                    ),
                ));
            }
            ExprKind::List(_) => {
                return Err(ExprError::new(column, "a list [..] can only follow `in`"));
            }
            ExprKind::Name(name) => match self.names.get(name) {
                Some((node, ty)) => (node.clone(), *ty),
                None => {
                    let hint = suggestion(name, self.names.keys().map(String::as_str));
                    return Err(ExprError::new(
                        column,
                        format!("unknown name \"{name}\"{hint}"),
                    ));
                }
            },
            ExprKind::Not(a) => (Node::Not(Box::new(self.check_as(a, Ty::Bool)?)), Ty::Bool),
            ExprKind::And(a, b) => (
                Node::And(
                    Box::new(self.check_as(a, Ty::Bool)?),
                    Box::new(self.check_as(b, Ty::Bool)?),
                ),
                Ty::Bool,
            ),
            ExprKind::Or(a, b) => (
                Node::Or(
                    Box::new(self.check_as(a, Ty::Bool)?),
                    Box::new(self.check_as(b, Ty::Bool)?),
                ),
                Ty::Bool,
            ),
            ExprKind::Cmp(op, a, b) => self.comparison(*op, a, b, column)?,
            ExprKind::In(a, list) => {
                let (_, ty) = self.check(a)?;
                let Ty::OneOf(q) = ty else {
                    return Err(ExprError::new(
                        a.column,
                        format!(
                            "`in` needs a one-of question on its left, found {}",
                            self.describe(ty)
                        ),
                    ));
                };
                let ExprKind::List(items) = &list.kind else {
                    return Err(ExprError::new(
                        list.column,
                        "`in` needs a list of options, like ['a', 'b']",
                    ));
                };
                let options = items
                    .iter()
                    .map(|item| self.check_option(q, item))
                    .collect::<Result<_, _>>()?;
                (
                    Node::In {
                        question: q,
                        options,
                        negate: false,
                    },
                    Ty::Bool,
                )
            }
            ExprKind::Has(a, option) => {
                let (_, ty) = self.check(a)?;
                let Ty::SeveralOf(q) = ty else {
                    return Err(ExprError::new(
                        a.column,
                        format!(
                            "`has` needs a several-of question on its left, found {}",
                            self.describe(ty)
                        ),
                    ));
                };
                (
                    Node::Has {
                        question: q,
                        option: self.check_option(q, option)?,
                    },
                    Ty::Bool,
                )
            }
            ExprKind::Arith(op, a, b) => (
                Node::Arith(
                    *op,
                    Box::new(self.check_as(a, Ty::Number)?),
                    Box::new(self.check_as(b, Ty::Number)?),
                ),
                Ty::Number,
            ),
            ExprKind::Neg(a) => (
                Node::Neg(Box::new(self.check_as(a, Ty::Number)?)),
                Ty::Number,
            ),
            ExprKind::Call(name, args) => self.call(name, args, column)?,
        })
    }

    fn comparison(
        &self,
        op: CmpOp,
        a: &Expr,
        b: &Expr,
        column: usize,
    ) -> Result<(Node, Ty), ExprError> {
        // An option compared with a one-of answer: `activity == 'student'`.
        let option_side = match (&a.kind, &b.kind) {
            (ExprKind::Str(_), _) => Some((b, a)),
            (_, ExprKind::Str(_)) => Some((a, b)),
            _ => None,
        };
        if let Some((question, option)) = option_side {
            let (_, ty) = self.check(question)?;
            let Ty::OneOf(q) = ty else {
                return Err(ExprError::new(
                    option.column,
                    format!(
                        "a quoted option can only be compared with a one-of question, not {}",
                        self.describe(ty)
                    ),
                ));
            };
            let negate = match op {
                CmpOp::Eq => false,
                CmpOp::Ne => true,
                _ => {
                    return Err(ExprError::new(
                        column,
                        "options can only be compared with == or !=",
                    ));
                }
            };
            let option = self.check_option(q, option)?;
            return Ok((
                Node::In {
                    question: q,
                    options: vec![option],
                    negate,
                },
                Ty::Bool,
            ));
        }
        let (left, lt) = self.check(a)?;
        let (right, rt) = self.check(b)?;
        let allowed = match lt {
            Ty::Number | Ty::Date => lt == rt,
            Ty::Bool => lt == rt && matches!(op, CmpOp::Eq | CmpOp::Ne),
            Ty::OneOf(_) | Ty::SeveralOf(_) => false,
        };
        if !allowed {
            return Err(ExprError::new(
                b.column,
                format!(
                    "cannot compare {} with {}",
                    self.describe(lt),
                    self.describe(rt)
                ),
            ));
        }
        Ok((Node::Cmp(op, Box::new(left), Box::new(right)), Ty::Bool))
    }

    fn call(&self, name: &str, args: &[Expr], column: usize) -> Result<(Node, Ty), ExprError> {
        let arity = |n: usize| -> Result<(), ExprError> {
            if args.len() == n {
                Ok(())
            } else {
                Err(ExprError::new(
                    column,
                    format!("{name}() takes {n} argument(s), found {}", args.len()),
                ))
            }
        };
        let one = |ty: Ty| -> Result<Box<Node>, ExprError> {
            arity(1)?;
            Ok(Box::new(self.check_as(&args[0], ty)?))
        };
        Ok(match name {
            "min" | "max" => {
                if args.is_empty() {
                    return Err(ExprError::new(
                        column,
                        format!("{name}() needs at least one argument"),
                    ));
                }
                let nodes = args
                    .iter()
                    .map(|a| self.check_as(a, Ty::Number))
                    .collect::<Result<Vec<_>, _>>()?;
                (
                    if name == "min" {
                        Node::Min(nodes)
                    } else {
                        Node::Max(nodes)
                    },
                    Ty::Number,
                )
            }
            "if" => {
                arity(3)?;
                let cond = self.check_as(&args[0], Ty::Bool)?;
                let (then, ty) = self.check(&args[1])?;
                if matches!(ty, Ty::OneOf(_) | Ty::SeveralOf(_)) {
                    return Err(ExprError::new(
                        args[1].column,
                        "if() can choose between numbers, dates or conditions",
                    ));
                }
                let otherwise = self.check_as(&args[2], ty)?;
                (
                    Node::If(Box::new(cond), Box::new(then), Box::new(otherwise)),
                    ty,
                )
            }
            "years_since" => (Node::YearsSince(one(Ty::Date)?), Ty::Number),
            "months_since" => (Node::MonthsSince(one(Ty::Date)?), Ty::Number),
            "round" => (Node::Round(one(Ty::Number)?), Ty::Number),
            _ => {
                let hint = suggestion(name, FUNCTIONS.iter().copied());
                return Err(ExprError::new(
                    column,
                    format!(
                        "unknown function {name}(){hint}; functions: {}",
                        FUNCTIONS.join(", ")
                    ),
                ));
            }
        })
    }
}

/// Functions expressions may call.
pub const FUNCTIONS: [&str; 6] = ["min", "max", "if", "years_since", "months_since", "round"];

/// Words reserved by the expression language (not usable as ids).
pub const RESERVED: [&str; 8] = ["and", "or", "not", "in", "has", "true", "false", "today"];

/// ` (did you mean "x"?)` when a known name is close to `wrong`.
pub fn suggestion<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> String {
    let len = wrong.chars().count();
    let limit = if len <= 3 { 1 } else { (len / 3).clamp(2, 3) };
    known
        .map(|k| (edit_distance(wrong, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let known = ["age", "has_bac", "studies"];
        assert_eq!(
            suggestion("agee", known.iter().copied()),
            " (did you mean \"age\"?)"
        );
        assert_eq!(suggestion("zzzzzz", known.iter().copied()), "");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
