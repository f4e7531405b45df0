//! Three-valued (Kleene) logic and the values expressions evaluate to.

use crate::date::Date;
use rust_decimal::Decimal;

/// A truth value that may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tri {
    /// True.
    True,
    /// False.
    False,
    /// Not known yet (or "I don't know").
    Unknown,
}

impl Tri {
    /// Kleene conjunction: false wins over unknown.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    /// Kleene disjunction: true wins over unknown.
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
}

impl core::ops::Not for Tri {
    type Output = Tri;

    /// Negation; unknown stays unknown.
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// What an expression evaluates to during one evaluation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Val<'a> {
    /// Missing answer, "I don't know", unknown parameter, or an impossible computation.
    Unknown,
    /// Read from a question whose `ask_if` is false: every comparison on it is false.
    NotApplicable,
    Bool(bool),
    Number(Decimal),
    Date(Date),
    OneOf(&'a str),
    SeveralOf(&'a [String]),
}

impl Val<'_> {
    /// As a condition: not applicable reads as false.
    pub(crate) fn truth(self) -> Tri {
        match self {
            Val::Bool(b) => b.into(),
            Val::NotApplicable => Tri::False,
            _ => Tri::Unknown,
        }
    }

    pub(crate) fn is_unknown(self) -> bool {
        matches!(self, Val::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, *};

    #[test]
    fn truth_tables() {
        let all = [True, False, Unknown];
        for a in all {
            assert_eq!(False.and(a), False);
            assert_eq!(True.or(a), True);
            assert_eq!(!!a, a);
        }
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(!Unknown, Unknown);
        assert_eq!(Tri::from(true), True);
    }
}
