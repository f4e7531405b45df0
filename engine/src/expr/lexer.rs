//! Splits an expression into tokens, each with its column.

use super::ExprError;
use crate::date::Date;
use rust_decimal::Decimal;

/// A token of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// A decimal literal.
    Number(Decimal),
    /// A date literal `YYYY-MM-DD`.
    Date(Date),
    /// A quoted text.
    Str(String),
    /// A name or keyword.
    Ident(String),
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// An operator: `< <= > >= == != + - * /`.
    Op(&'static str),
}

/// Longest expression accepted (see [`crate::limits`]).
pub const MAX_EXPR_CHARS: usize = crate::limits::MAX_EXPR_CHARS;

/// Tokens with their columns (from 1).
pub fn tokenize(text: &str) -> Result<Vec<(Token, usize)>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > MAX_EXPR_CHARS {
        return Err(ExprError::new(
            1,
            format!("expression longer than {MAX_EXPR_CHARS} characters"),
        ));
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let token = match c {
            '(' => Token::LParen,
            ')' => Token::RParen,
            '[' => Token::LBracket,
            ']' => Token::RBracket,
            ',' => Token::Comma,
            '+' => Token::Op("+"),
            '-' => Token::Op("-"),
            '*' => Token::Op("*"),
            '/' => Token::Op("/"),
            '<' | '>' | '=' | '!' => {
                let next_is_eq = chars.get(i + 1) == Some(&'=');
                let op = match (c, next_is_eq) {
                    ('<', true) => "<=",
                    ('<', false) => "<",
                    ('>', true) => ">=",
                    ('>', false) => ">",
                    ('=', true) => "==",
                    ('!', true) => "!=",
                    ('=', false) => {
                        return Err(ExprError::new(
                            column,
                            "write == to compare (a single = is not allowed)",
                        ));
                    }
                    _ => {
                        return Err(ExprError::new(
                            column,
                            "unexpected \"!\": write `not` or !=",
                        ));
                    }
                };
                i += op.len();
                tokens.push((Token::Op(op), column));
                continue;
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&x| x == c)
                    .map(|p| i + 1 + p);
                let Some(end) = end else {
                    return Err(ExprError::new(column, "quote not closed"));
                };
                let s: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                tokens.push((Token::Str(s), column));
                continue;
            }
            '0'..='9' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                // A date is 4 digits, '-', 2 digits, '-', 2 digits.
                let is_date = i - start == 4
                    && chars.get(i) == Some(&'-')
                    && chars.len() >= i + 6
                    && chars[i + 1..i + 3].iter().all(char::is_ascii_digit)
                    && chars[i + 3] == '-'
                    && chars[i + 4..i + 6].iter().all(char::is_ascii_digit)
                    && !chars.get(i + 6).is_some_and(|c| c.is_ascii_alphanumeric());
                if is_date {
                    let s: String = chars[start..i + 6].iter().collect();
                    let date = Date::parse_iso(&s)
                        .ok_or_else(|| ExprError::new(column, format!("invalid date {s}")))?;
                    i += 6;
                    tokens.push((Token::Date(date), column));
                    continue;
                }
                let s: String = chars[start..i].iter().collect();
                if s.ends_with('.') || s.matches('.').count() > 1 || s.len() > 28 {
                    return Err(ExprError::new(column, format!("invalid number {s}")));
                }
                if chars.get(i).is_some_and(|c| c.is_alphabetic() || *c == '_') {
                    return Err(ExprError::new(i + 1, "a name cannot start with a digit"));
                }
                let n = crate::decimal_input::plain_decimal(&s)
                    .ok_or_else(|| ExprError::new(column, format!("invalid number {s}")))?;
                tokens.push((Token::Number(n), column));
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                tokens.push((Token::Ident(chars[start..i].iter().collect()), column));
                continue;
            }
            other => {
                return Err(ExprError::new(
                    column,
                    format!("unexpected character \"{other}\""),
                ));
            }
        };
        tokens.push((token, column));
        i += 1;
    }
    Ok(tokens)
}
