//! The resident's answers.

use crate::date::Date;
use rust_decimal::Decimal;

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
    /// "I prefer not to answer", offered on sensitive questions only: like "I don't know", the value
    /// stays unknown, so every criterion on it is not known and the verdict is "to check", never "no".
    Declined,
}

/// The resident's answers so far, by question id (kept sorted: a few dozen at most, so a sorted list
/// serves, without a tree map's code in the wasm).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    /// No answers yet.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Sets (or replaces) the answer to `question`.
    pub fn set(&mut self, question: impl Into<String>, answer: Answer) {
        let question = question.into();
        match self.find(&question) {
            Ok(i) => self.0[i].1 = answer,
            Err(i) => self.0.insert(i, (question, answer)),
        }
    }

    /// Removes the answer to `question`.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.find(question).ok().map(|i| self.0.remove(i).1)
    }

    /// The answer to `question`.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.find(question).ok().map(|i| &self.0[i].1)
    }

    fn find(&self, question: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.as_str().cmp(question))
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
        let mut answers = Answers::new();
        for (question, answer) in iter {
            answers.set(question, answer);
        }
        answers
    }
}
