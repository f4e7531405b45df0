//! Recursive-descent parser: `or` < `and` < `not` < comparisons, `in`, `has` < `+ -` < `* /` < unary `-`.

use super::ExprError;
use super::ast::{ArithOp, CmpOp, Expr, ExprKind};
use super::lexer::{Token, tokenize};

/// Deepest nesting the parser follows, so that no input can exhaust its stack.
const MAX_DEPTH: usize = crate::limits::MAX_EXPR_NESTING;

/// Parses an expression.
pub fn parse(text: &str) -> Result<Expr, ExprError> {
    let tokens = tokenize(text)?;
    let end_column = text.chars().count() + 1;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        end_column,
    };
    if parser.tokens.is_empty() {
        return Err(ExprError::new(1, "empty expression"));
    }
    let expr = parser.or()?;
    if let Some((token, column)) = parser.tokens.get(parser.pos) {
        return Err(ExprError::new(
            *column,
            format!("unexpected {} after a complete expression", describe(token)),
        ));
    }
    check_depth(&expr)?;
    Ok(expr)
}

/// The tree must fit [`crate::limits::MAX_EXPR_DEPTH`], flat chains included: the parser builds
/// `a + b + c` (or `a and b and c`) in a loop, but the tree it gives has a level per operator, and
/// every later pass (type checking, evaluation, the binary reader) walks it recursively.
fn check_depth<'a>(expr: &'a Expr) -> Result<(), ExprError> {
    use crate::limits::MAX_EXPR_DEPTH;
    let mut stack = vec![(expr, 1usize)];
    while let Some((e, depth)) = stack.pop() {
        if depth > MAX_EXPR_DEPTH {
            return Err(ExprError::new(
                e.column,
                format!(
                    "expression more than {MAX_EXPR_DEPTH} levels deep (each operator, `and`, `or`, `not`, comparison and function call is a level, so 150 terms joined by `+` make 150 levels): split it into derived values"
                ),
            ));
        }
        let mut child = |c: &'a Expr| stack.push((c, depth + 1));
        match &e.kind {
            ExprKind::Number(_)
            | ExprKind::Bool(_)
            | ExprKind::Date(_)
            | ExprKind::Str(_)
            | ExprKind::Today
            | ExprKind::Name(_) => {}
            ExprKind::List(items) | ExprKind::Call(_, items) => items.iter().for_each(child),
            ExprKind::Not(a) | ExprKind::Neg(a) => child(a),
            ExprKind::And(a, b)
            | ExprKind::Or(a, b)
            | ExprKind::Cmp(_, a, b)
            | ExprKind::In(a, b)
            | ExprKind::Has(a, b)
            | ExprKind::Arith(_, a, b) => {
                child(a);
                child(b);
            }
        }
    }
    Ok(())
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    pos: usize,
    depth: usize,
    end_column: usize,
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(n) => format!("number {n}"),
        Token::Date(d) => format!("date {d}"),
        Token::Str(s) => format!("text '{s}'"),
        Token::Ident(s) => format!("\"{s}\""),
        Token::LParen => "\"(\"".into(),
        Token::RParen => "\")\"".into(),
        Token::LBracket => "\"[\"".into(),
        Token::RBracket => "\"]\"".into(),
        Token::Comma => "\",\"".into(),
        Token::Op(op) => format!("\"{op}\""),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(t, _)| t)
    }

    fn column(&self) -> usize {
        self.tokens
            .get(self.pos)
            .map_or(self.end_column, |(_, c)| *c)
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Ident(w)) if w == word)
    }

    fn expect(&mut self, token: &Token, what: &str) -> Result<(), ExprError> {
        if self.peek() == Some(token) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, wanted: &str) -> ExprError {
        match self.peek() {
            Some(t) => ExprError::new(
                self.column(),
                format!("expected {wanted}, found {}", describe(t)),
            ),
            None => ExprError::new(
                self.column(),
                format!("expected {wanted}, but the expression ends"),
            ),
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(
                self.column(),
                format!(
                    "expression nested too deeply: more than the limit of {MAX_DEPTH} levels of parentheses, brackets, calls, `not` and `-`"
                ),
            ));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        self.enter()?;
        let mut left = self.and()?;
        while self.is_word("or") {
            self.pos += 1;
            let right = self.and()?;
            let column = left.column;
            left = Expr {
                kind: ExprKind::Or(Box::new(left), Box::new(right)),
                column,
            };
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.not()?;
        while self.is_word("and") {
            self.pos += 1;
            let right = self.not()?;
            let column = left.column;
            left = Expr {
                kind: ExprKind::And(Box::new(left), Box::new(right)),
                column,
            };
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ExprError> {
        if self.is_word("not") {
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Expr {
                kind: ExprKind::Not(Box::new(inner)),
                column,
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ExprError> {
        let left = self.sum()?;
        let column = left.column;
        let op = match self.peek() {
            Some(Token::Op("<")) => Some(CmpOp::Lt),
            Some(Token::Op("<=")) => Some(CmpOp::Le),
            Some(Token::Op(">")) => Some(CmpOp::Gt),
            Some(Token::Op(">=")) => Some(CmpOp::Ge),
            Some(Token::Op("==")) => Some(CmpOp::Eq),
            Some(Token::Op("!=")) => Some(CmpOp::Ne),
            _ => None,
        };
        if let Some(op) = op {
            self.pos += 1;
            let right = self.sum()?;
            return Ok(Expr {
                kind: ExprKind::Cmp(op, Box::new(left), Box::new(right)),
                column,
            });
        }
        if self.is_word("in") {
            self.pos += 1;
            let right = self.sum()?;
            return Ok(Expr {
                kind: ExprKind::In(Box::new(left), Box::new(right)),
                column,
            });
        }
        if self.is_word("has") {
            self.pos += 1;
            let right = self.sum()?;
            return Ok(Expr {
                kind: ExprKind::Has(Box::new(left), Box::new(right)),
                column,
            });
        }
        Ok(left)
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op("+")) => ArithOp::Add,
                Some(Token::Op("-")) => ArithOp::Sub,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.product()?;
            let column = left.column;
            left = Expr {
                kind: ExprKind::Arith(op, Box::new(left), Box::new(right)),
                column,
            };
        }
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op("*")) => ArithOp::Mul,
                Some(Token::Op("/")) => ArithOp::Div,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.unary()?;
            let column = left.column;
            left = Expr {
                kind: ExprKind::Arith(op, Box::new(left), Box::new(right)),
                column,
            };
        }
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        if self.peek() == Some(&Token::Op("-")) {
            let column = self.column();
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(inner)),
                column,
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let column = self.column();
        let Some(token) = self.peek().cloned() else {
            return Err(self.unexpected("a value"));
        };
        let kind = match token {
            Token::Number(n) => {
                self.pos += 1;
                ExprKind::Number(n)
            }
            Token::Date(d) => {
                self.pos += 1;
                ExprKind::Date(d)
            }
            Token::Str(s) => {
                self.pos += 1;
                ExprKind::Str(s)
            }
            Token::LParen => {
                self.pos += 1;
                let inner = self.or()?;
                self.expect(&Token::RParen, "\")\"")?;
                return Ok(inner);
            }
            Token::LBracket => {
                self.pos += 1;
                self.enter()?;
                let items = self.list(&Token::RBracket, "\"]\"")?;
                self.depth -= 1;
                ExprKind::List(items)
            }
            Token::Ident(word) => {
                self.pos += 1;
                match word.as_str() {
                    "true" => ExprKind::Bool(true),
                    "false" => ExprKind::Bool(false),
                    "today" => ExprKind::Today,
                    "and" | "or" | "not" | "in" | "has" => {
                        return Err(ExprError::new(
                            column,
                            format!("expected a value, found \"{word}\""),
                        ));
                    }
                    _ if self.peek() == Some(&Token::LParen) => {
                        self.pos += 1;
                        self.enter()?;
                        let args = self.list(&Token::RParen, "\")\"")?;
                        self.depth -= 1;
                        ExprKind::Call(word, args)
                    }
                    _ => ExprKind::Name(word),
                }
            }
            Token::RParen | Token::RBracket | Token::Comma | Token::Op(_) => {
                return Err(self.unexpected("a value"));
            }
        };
        Ok(Expr { kind, column })
    }

    fn list(&mut self, close: &Token, close_text: &str) -> Result<Vec<Expr>, ExprError> {
        let mut items = Vec::new();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            if self.peek() == Some(&Token::Comma) {
                self.pos += 1;
                continue;
            }
            self.expect(close, &format!("\",\" or {close_text}"))?;
            return Ok(items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> String {
        fn go(e: &Expr) -> String {
            match &e.kind {
                ExprKind::Number(n) => n.to_string(),
                ExprKind::Bool(b) => b.to_string(),
                ExprKind::Date(d) => d.to_string(),
                ExprKind::Str(s) => format!("'{s}'"),
                ExprKind::Today => "today".into(),
                ExprKind::Name(n) => n.clone(),
                ExprKind::List(items) => {
                    format!("[{}]", items.iter().map(go).collect::<Vec<_>>().join(","))
                }
                ExprKind::Not(a) => format!("(not {})", go(a)),
                ExprKind::And(a, b) => format!("({} and {})", go(a), go(b)),
                ExprKind::Or(a, b) => format!("({} or {})", go(a), go(b)),
                ExprKind::Cmp(op, a, b) => format!("({} {op:?} {})", go(a), go(b)),
                ExprKind::In(a, b) => format!("({} in {})", go(a), go(b)),
                ExprKind::Has(a, b) => format!("({} has {})", go(a), go(b)),
                ExprKind::Arith(op, a, b) => format!("({} {op:?} {})", go(a), go(b)),
                ExprKind::Neg(a) => format!("(-{})", go(a)),
                ExprKind::Call(f, args) => {
                    format!("{f}({})", args.iter().map(go).collect::<Vec<_>>().join(","))
                }
            }
        }
        go(&parse(text).unwrap())
    }

    #[test]
    fn precedence() {
        assert_eq!(shape("a or b and not c"), "(a or (b and (not c)))");
        assert_eq!(
            shape("a + b * c < 3 - -d"),
            "((a Add (b Mul c)) Lt (3 Sub (-d)))"
        );
        assert_eq!(
            shape("x in ['a', \"b\"] and y has 'z'"),
            "((x in ['a','b']) and (y has 'z'))"
        );
        assert_eq!(shape("max(0, a - b)"), "max(0,(a Sub b))");
        assert_eq!(shape("d >= 2026-09-01"), "(d Ge 2026-09-01)");
        assert_eq!(shape("(a or b) and c"), "((a or b) and c)");
    }

    #[test]
    fn errors_have_columns() {
        let e = parse("age < ").unwrap_err();
        assert_eq!(e.column, 7);
        assert!(e.message.contains("ends"), "{}", e.message);
        assert_eq!(parse("age = 3").unwrap_err().column, 5);
        assert_eq!(parse("a b").unwrap_err().column, 3);
        assert_eq!(parse("'abc").unwrap_err().column, 1);
        assert_eq!(parse("f(1,").unwrap_err().column, 5);
        assert_eq!(parse("").unwrap_err().column, 1);
        assert!(parse(&"(".repeat(500)).is_err());
        assert!(parse(&"not ".repeat(500)).is_err());
        assert!(parse(&"-".repeat(500)).is_err());
    }
}
