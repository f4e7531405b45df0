//! The resident's answers.

use crate::date::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One answer to a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Yes or no.
    YesNo(bool),
    /// A whole number or an amount.
    Number(Decimal),
    /// A date.
    Date(Date),
    /// One option id.
    OneOf(String),
    /// Option ids.
    SeveralOf(Vec<String>),
    /// "I don't know": answered, but the value stays unknown.
    DontKnow,
}

/// The resident's answers so far, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    /// No answers yet.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Sets (or replaces) the answer to `question`.
    pub fn set(&mut self, question: impl Into<String>, answer: Answer) {
        self.0.insert(question.into(), answer);
    }

    /// Removes the answer to `question`.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }

    /// The answer to `question`.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    /// Number of answers.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no answer.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Answers by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(iter: I) -> Answers {
        Answers(iter.into_iter().collect())
    }
}
