//! Checks what the resident typed and turns it into an answer, with errors the UI translates.

use crate::answers::Answer;
use crate::date::Date;
use crate::decimal_input::{MAX_INPUT_CHARS, NumberError, NumberKind, parse_number};
use crate::pack::Question;
use crate::schema::{Bound, QuestionKind};
use rust_decimal::Decimal;

/// Amounts above this (euros) are taken for a typing mistake.
pub const ABSURD_AMOUNT: u32 = 1_000_000;

/// How a test case (or the checker's `explain`) writes "I prefer not to answer" for a sensitive
/// question.
pub const DECLINED_TEXT: &str = "declined";

/// Why a typed answer is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Nothing typed.
    Empty,
    /// Too many characters for a number (or for any answer typed as text, except a date).
    TooLong,
    /// Too many characters for a date.
    DateTooLong,
    /// A number where a lone `,` or `.` before three digits could be read both ways (see
    /// [`crate::decimal_input::parse_number`]; amounts and counts are never ambiguous, a value of
    /// another kind may be): both readings, for a message that shows them.
    Ambiguous {
        /// Read with the separator as the decimal one (`1,000` as 1.000).
        decimal: Decimal,
        /// Read with the separator grouping thousands (`1,000` as 1000).
        thousands: Decimal,
    },
    /// Not a number.
    NotANumber,
    /// A whole number was expected.
    NotWhole,
    /// More than two decimals for money.
    TooManyDecimals,
    /// Negative where it cannot be.
    Negative,
    /// Below the question's minimum.
    BelowMin {
        /// The minimum.
        min: Decimal,
    },
    /// Above the question's maximum.
    AboveMax {
        /// The maximum.
        max: Decimal,
    },
    /// Implausibly large (over the sanity cap).
    Absurd,
    /// Not a date.
    BadDate,
    /// A date after the reference date where that is impossible.
    DateInFuture,
    /// A date before 1900.
    DateBefore1900,
    /// Before the question's first allowed date.
    DateBeforeMin {
        /// The first allowed date.
        min: Date,
    },
    /// After the question's last allowed date.
    DateAfterMax {
        /// The last allowed date.
        max: Date,
    },
    /// Not yes or no.
    NotYesNo,
    /// Not one of the question's options.
    UnknownOption {
        /// What was given.
        option: String,
    },
    /// The same option twice.
    DuplicateOption {
        /// The option.
        option: String,
    },
    /// An exclusive option ("none of these") together with other options.
    ExclusiveOption {
        /// The exclusive option.
        option: String,
    },
    /// "I don't know" is not offered for this question.
    DontKnowNotOffered,
    /// "I prefer not to answer" is offered on sensitive questions only.
    DeclineNotOffered,
}

/// In plain English, for the people who write packs and test cases (the app shows its own
/// translated messages, keyed by the variant).
impl core::fmt::Display for InputError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            InputError::Empty => f.write_str("nothing is written"),
            InputError::TooLong => f.write_str("the number is too long"),
            InputError::DateTooLong => f.write_str("the date is too long"),
            InputError::Ambiguous { decimal, thousands } => write!(
                f,
                "the number can be read as {decimal} or as {thousands}: write it without a thousands separator, or with a space"
            ),
            InputError::NotANumber => f.write_str("not a number"),
            InputError::NotWhole => f.write_str("a whole number is expected"),
            InputError::TooManyDecimals => f.write_str("an amount has at most two decimals"),
            InputError::Negative => f.write_str("the number cannot be negative"),
            InputError::BelowMin { min } => write!(f, "the number is below the minimum, {min}"),
            InputError::AboveMax { max } => write!(f, "the number is above the maximum, {max}"),
            InputError::Absurd => write!(f, "the amount is above {ABSURD_AMOUNT}"),
            InputError::BadDate => f.write_str("not a date (DD/MM/YYYY or YYYY-MM-DD)"),
            InputError::DateInFuture => f.write_str("the date is in the future"),
            InputError::DateBefore1900 => f.write_str("the date is before 1900"),
            InputError::DateBeforeMin { min } => write!(f, "the date is before {min}"),
            InputError::DateAfterMax { max } => write!(f, "the date is after {max}"),
            InputError::NotYesNo => f.write_str("yes or no is expected"),
            InputError::UnknownOption { option } => write!(f, "\"{option}\" is not an option"),
            InputError::DuplicateOption { option } => write!(f, "\"{option}\" is given twice"),
            InputError::ExclusiveOption { option } => {
                write!(f, "\"{option}\" cannot be given with other options")
            }
            InputError::DontKnowNotOffered => f.write_str("\"I don't know\" is not offered"),
            InputError::DeclineNotOffered => f.write_str(
                "\"I prefer not to answer\" is offered on sensitive questions only (sensitive = true)",
            ),
        }
    }
}

impl Question {
    /// Turns what the resident typed into an answer: a number (French or plain), a date
    /// (`JJ/MM/AAAA` or `YYYY-MM-DD`), `oui`/`non`, an option id, or comma-separated option ids.
    pub fn parse_input(&self, raw: &str, today: Date) -> Result<Answer, InputError> {
        let too_long = match self.kind {
            QuestionKind::Date => InputError::DateTooLong,
            _ => InputError::TooLong,
        };
        if raw.chars().count() > MAX_INPUT_CHARS * 25 {
            return Err(too_long);
        }
        let text = raw.trim();
        if text.is_empty() {
            return Err(InputError::Empty);
        }
        let answer = match self.kind {
            // The accepted words are ASCII or Arabic (no case): ASCII lowercasing serves, and keeps
            // the Unicode case tables (~12 KB) out of the wasm.
            QuestionKind::YesNo => match text.to_ascii_lowercase().as_str() {
                "oui" | "yes" | "true" | "o" | "y" | "نعم" => Answer::YesNo(true),
                "non" | "no" | "false" | "n" | "لا" => Answer::YesNo(false),
                _ => return Err(InputError::NotYesNo),
            },
            QuestionKind::Integer | QuestionKind::Money => {
                if text.chars().count() > MAX_INPUT_CHARS {
                    return Err(InputError::TooLong);
                }
                let kind = match self.kind {
                    QuestionKind::Money => NumberKind::Money,
                    _ => NumberKind::Whole,
                };
                Answer::Number(parse_number(text, kind).map_err(|e| match e {
                    NumberError::Empty => InputError::Empty,
                    NumberError::NotANumber => InputError::NotANumber,
                    NumberError::Ambiguous { decimal, thousands } => {
                        InputError::Ambiguous { decimal, thousands }
                    }
                    // Too large to hold: the same message as for the largest number that fits.
                    NumberError::OutOfRange(negative) => {
                        let extreme = if negative { Decimal::MIN } else { Decimal::MAX };
                        self.check_number(extreme)
                            .err()
                            .unwrap_or(InputError::Absurd)
                    }
                })?)
            }
            QuestionKind::Date => {
                if text.chars().count() > MAX_INPUT_CHARS {
                    return Err(InputError::DateTooLong);
                }
                Answer::Date(Date::parse(text).ok_or(InputError::BadDate)?)
            }
            QuestionKind::OneOf => Answer::OneOf(text.to_string()),
            QuestionKind::SeveralOf => Answer::SeveralOf(
                text.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
        };
        self.check_answer(&answer, today)?;
        Ok(answer)
    }

    /// Checks an answer against the question's type, options and bounds.
    pub fn check_answer(&self, answer: &Answer, today: Date) -> Result<(), InputError> {
        let is_option = |o: &str| self.options.iter().any(|c| c.id == o);
        match (self.kind, answer) {
            (_, Answer::DontKnow) if self.dont_know => Ok(()),
            (_, Answer::DontKnow) => Err(InputError::DontKnowNotOffered),
            (_, Answer::Declined) if self.sensitive => Ok(()),
            (_, Answer::Declined) => Err(InputError::DeclineNotOffered),
            (QuestionKind::YesNo, Answer::YesNo(_)) => Ok(()),
            (QuestionKind::Integer | QuestionKind::Money, Answer::Number(n)) => {
                self.check_number(*n)
            }
            (QuestionKind::Date, Answer::Date(d)) => self.check_date(*d, today),
            (QuestionKind::OneOf, Answer::OneOf(o)) if is_option(o) => Ok(()),
            (QuestionKind::OneOf, Answer::OneOf(o)) => {
                Err(InputError::UnknownOption { option: o.clone() })
            }
            (QuestionKind::SeveralOf, Answer::SeveralOf(os)) => {
                for (i, o) in os.iter().enumerate() {
                    if !is_option(o) {
                        return Err(InputError::UnknownOption { option: o.clone() });
                    }
                    if os[..i].contains(o) {
                        return Err(InputError::DuplicateOption { option: o.clone() });
                    }
                }
                // "None of these" with something else says two things: which one is meant cannot
                // be guessed, so the answer is refused (the app unticks the others, see `tick`).
                if os.len() > 1
                    && let Some(o) = os.iter().find(|o| self.is_exclusive(o))
                {
                    return Err(InputError::ExclusiveOption { option: o.clone() });
                }
                Ok(())
            }
            (QuestionKind::YesNo, _) => Err(InputError::NotYesNo),
            (QuestionKind::Integer | QuestionKind::Money, _) => Err(InputError::NotANumber),
            (QuestionKind::Date, _) => Err(InputError::BadDate),
            (QuestionKind::OneOf | QuestionKind::SeveralOf, _) => Err(InputError::UnknownOption {
                option: String::new(),
            }),
        }
    }

    /// Whether `option` is one of this question's exclusive options ("none of these").
    pub fn is_exclusive(&self, option: &str) -> bool {
        self.options.iter().any(|c| c.exclusive && c.id == option)
    }

    /// The options that exclude every other one ("none of these"), in pack order.
    pub fn exclusive_options(&self) -> impl Iterator<Item = &crate::schema::Choice> {
        self.options.iter().filter(|c| c.exclusive)
    }

    /// The options ticked once `option` is ticked (`on`) or unticked in `ticked`, for a several-of
    /// question: ticking an exclusive option unticks every other one, ticking another option
    /// unticks the exclusive ones. Order is kept, a newly ticked option goes last.
    pub fn tick(&self, ticked: &[String], option: &str, on: bool) -> Vec<String> {
        let mut out: Vec<String> = ticked.iter().filter(|o| *o != option).cloned().collect();
        if on {
            if self.is_exclusive(option) {
                out.clear();
            } else {
                out.retain(|o| !self.is_exclusive(o));
            }
            out.push(option.to_string());
        }
        out
    }

    fn check_number(&self, n: Decimal) -> Result<(), InputError> {
        if self.kind == QuestionKind::Integer && !n.fract().is_zero() {
            return Err(InputError::NotWhole);
        }
        // The scale as typed: `12,000` read as 12.000 has three decimals, not none.
        if self.kind == QuestionKind::Money && n.scale() > 2 {
            return Err(InputError::TooManyDecimals);
        }
        let min = match self.min {
            Some(Bound::Number(m)) => Some(m),
            _ => None,
        };
        if n.is_sign_negative() && !n.is_zero() && min.is_none_or(|m| !m.is_sign_negative()) {
            return Err(InputError::Negative);
        }
        if let Some(min) = min.filter(|m| n < *m) {
            return Err(InputError::BelowMin { min });
        }
        if let Some(Bound::Number(max)) = self.max
            && n > max
        {
            return Err(InputError::AboveMax { max });
        }
        if n.abs() > Decimal::from(ABSURD_AMOUNT) {
            return Err(InputError::Absurd);
        }
        Ok(())
    }

    fn check_date(&self, d: Date, today: Date) -> Result<(), InputError> {
        if d.year() < 1900 {
            return Err(InputError::DateBefore1900);
        }
        let resolve = |b: Bound| match b {
            Bound::Date(x) => Some(x),
            Bound::Today => Some(today),
            Bound::Number(_) => None,
        };
        if let Some(max) = self.max.and_then(resolve)
            && d > max
        {
            return Err(if self.max == Some(Bound::Today) {
                InputError::DateInFuture
            } else {
                InputError::DateAfterMax { max }
            });
        }
        if let Some(min) = self.min.and_then(resolve)
            && d < min
        {
            return Err(InputError::DateBeforeMin { min });
        }
        Ok(())
    }
}

/// An answer as written in a test case or answers file, before its question's type is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawAnswer {
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(Decimal),
    /// A date.
    Date(Date),
    /// Text: a French number, a date, an option id, `?` for "I don't know", or `declined` for
    /// "I prefer not to answer" ([`DECLINED_TEXT`]).
    Text(String),
    /// A list of option ids.
    List(Vec<String>),
}

impl RawAnswer {
    /// The answer this means for `question`.
    pub fn to_answer(&self, question: &Question, today: Date) -> Result<Answer, InputError> {
        let answer = match (self, question.kind) {
            (RawAnswer::Text(t), _) if t.trim() == "?" => Answer::DontKnow,
            (RawAnswer::Text(t), _) if t.trim() == DECLINED_TEXT => Answer::Declined,
            (RawAnswer::Text(t), _) => return question.parse_input(t, today),
            (RawAnswer::Bool(b), QuestionKind::YesNo) => Answer::YesNo(*b),
            (RawAnswer::Number(n), _) => Answer::Number(*n),
            (RawAnswer::Date(d), _) => Answer::Date(*d),
            (RawAnswer::List(l), _) => Answer::SeveralOf(l.clone()),
            (RawAnswer::Bool(_), _) => return Err(InputError::NotANumber),
        };
        question.check_answer(&answer, today)?;
        Ok(answer)
    }
}

impl<'de> serde::Deserialize<'de> for RawAnswer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawAnswer, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("true/false, a number, a date, a text or a list of option ids")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Bool(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v.into()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawAnswer, E> {
                crate::decimal_input::decimal_from_f64(v)
                    .map(RawAnswer::Number)
                    .ok_or_else(|| E::custom("bad number"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Text(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawAnswer, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(RawAnswer::List(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawAnswer, A::Error> {
                use serde::Deserialize;
                Date::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawAnswer::Date)
            }
        }
        d.deserialize_any(V)
    }
}
