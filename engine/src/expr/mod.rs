//! Expressions of `when`, `ask_if` and `formula`: text parsed by hand, then type-checked
//! against the pack's names into a compiled tree.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod typecheck;

/// A problem in an expression, at a character column (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    /// Column of the problem inside the expression text, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ExprError {
    pub(crate) fn new(column: usize, message: impl Into<String>) -> ExprError {
        ExprError {
            column,
            message: message.into(),
        }
    }
}
