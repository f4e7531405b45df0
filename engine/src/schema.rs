//! The pack file format as serde types: the same shape in TOML (edited by CCAS staff) and
//! JSON (built for the browser). See `docs/pack-format.md`.

use crate::date::Date;
use crate::decimal_input::Dec;
use crate::text::Text;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether a field holds its default (left out of the JSON built for the browser).
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One pack file (or an included file), before compilation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// `[pack]`: only in a pack's own file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackMeta>,
    /// `[territory]`: only in a pack's own file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Territory>,
    /// `[[question]]`.
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<QuestionDef>,
    /// `[[derived]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<DerivedDef>,
    /// `[[parameter]]`.
    #[serde(default, rename = "parameter", skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterDef>,
    /// `[[place]]`.
    #[serde(default, rename = "place", skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// `[[aid]]`.
    #[serde(default, rename = "aid", skip_serializing_if = "Vec::is_empty")]
    pub aids: Vec<AidDef>,
    /// `[safety]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety: Option<Safety>,
    /// `[[next_step]]`: what to do next, for the results page.
    #[serde(default, rename = "next_step", skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<crate::guide::items::NextStepDef>,
    /// `[[glossary]]`: terms explained on first use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<crate::guide::items::GlossaryEntry>,
    /// `[handover]`: the CCAS public key for handover codes (issue 18), only in a pack's own file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handover: Option<crate::handover::key::Handover>,
}

/// `[pack]`: identity, languages and included files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Pack id, `[a-z0-9_-]+`.
    pub id: String,
    /// Free text shown to staff.
    pub version: String,
    /// Declared languages; the first is the reference.
    pub languages: Vec<String>,
    /// Included files, relative to this file (empty once merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
}

/// `[territory]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// Name of the commune or area.
    pub name: Text,
    /// INSEE code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub insee: String,
    /// Department name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Text>,
}

/// `[[place]]`: where to go.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Place id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Postal address (not translated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Opening hours in words: the fallback when `opening_hours` is absent, or what it cannot say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
    /// Opening hours in the OpenStreetMap `opening_hours` syntax (read by
    /// [`crate::opening_hours`]), for "open now" / "next opening".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<String>,
    /// Some detail is not verified.
    #[serde(default, skip_serializing_if = "is_false")]
    pub to_confirm: bool,
}

/// Unit of a parameter or question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Euros.
    Eur,
    /// Euros per month.
    EurMonth,
    /// Euros per year.
    EurYear,
    /// Euros per day.
    EurDay,
    /// A count.
    Count,
    /// Years.
    Years,
    /// Months.
    Months,
    /// Percent.
    Percent,
}

/// Whether a parameter's value is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterStatus {
    /// Values are given.
    #[default]
    Found,
    /// No value exists: never invented, whatever depends on it stays unknown.
    NotFound,
}

/// `[[parameter]]`: a value by start date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterDef {
    /// Id (shared namespace with questions and derived values).
    pub id: String,
    /// Label.
    pub label: Text,
    /// Unit.
    pub unit: Unit,
    /// Found or not found.
    #[serde(default, skip_serializing_if = "is_found")]
    pub status: ParameterStatus,
    /// Values by start date, increasing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<DatedValue>,
    /// Freshness (staff only, not in the built pack): when the latest value must be checked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<Date>,
    /// Freshness: the last day the latest value's source applies (a yearly scale, an agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

fn is_found(s: &ParameterStatus) -> bool {
    *s == ParameterStatus::Found
}

/// One dated value of a parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    /// In force from this date.
    pub from: Date,
    /// The value.
    pub value: Dec,
    /// Legal or official source.
    pub source: String,
    /// Link to the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was last verified.
    pub verified: Date,
    /// Found but old, conflicting or unverified.
    #[serde(default, skip_serializing_if = "is_false")]
    pub to_confirm: bool,
}

/// Type of a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// A whole number.
    Integer,
    /// An amount of money.
    Money,
    /// A date.
    Date,
    /// One option among several.
    OneOf,
    /// Any number of options.
    SeveralOf,
}

/// A bound of a question: a decimal, a date, or `"today"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// A number.
    Number(rust_decimal::Decimal),
    /// A fixed date.
    Date(Date),
    /// The reference date.
    Today,
}

impl Serialize for Bound {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Bound::Number(n) => s.collect_str(n),
            Bound::Date(d) => d.serialize(s),
            Bound::Today => s.serialize_str("today"),
        }
    }
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Bound, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bound;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a number, a date or \"today\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Bound, E> {
                Ok(Bound::Number(v.into()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Bound, E> {
                Ok(Bound::Number(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Bound, E> {
                crate::decimal_input::decimal_from_f64(v)
                    .map(Bound::Number)
                    .ok_or_else(|| E::custom("number too large"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Bound, E> {
                if v == "today" {
                    return Ok(Bound::Today);
                }
                if let Some(date) = Date::parse_iso(v) {
                    return Ok(Bound::Date(date));
                }
                crate::decimal_input::parse_decimal(v)
                    .map(Bound::Number)
                    .map_err(|_| E::custom(format!("\"{v}\" is not a number, a date or \"today\"")))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Bound, A::Error> {
                Date::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Bound::Date)
            }
        }
        d.deserialize_any(V)
    }
}

/// An option of a one-of or several-of question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Option id, used in expressions.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Ticking it unticks every other option, and ticking another unticks it ("none of these").
    /// Only on several_of questions.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// `[[question]]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    /// Id.
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// Label.
    pub label: Text,
    /// Help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// When the question makes sense.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_if: Option<String>,
    /// Offer "I don't know" (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<bool>,
    /// Options (one_of / several_of).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    /// Unit shown beside the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The answer counts whole years (or months, by its unit) up to today, like an age or a length
    /// of residence: it grows by one each year (month), so the engine can tell from when a
    /// criterion on it will be met. Only on integer questions in years or months.
    #[serde(default, skip_serializing_if = "is_false")]
    pub grows_with_time: bool,
    /// A question some prefer not to answer: "prefer not to answer" is offered
    /// ([`crate::Answer::Declined`]), and every criterion on it then stays unknown ("to check").
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
}

/// Type of a derived value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DerivedKind {
    /// A number.
    Number,
    /// An amount of money.
    Money,
    /// Yes or no.
    YesNo,
    /// A date.
    Date,
}

/// How a number is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// To the cent, half away from zero.
    Cent,
    /// Down to the euro.
    EuroDown,
    /// To the nearest euro, half away from zero.
    EuroNearest,
    /// Up to the euro.
    EuroUp,
    /// No rounding.
    None,
}

impl Rounding {
    /// Applies the rounding.
    pub fn apply(self, value: rust_decimal::Decimal) -> rust_decimal::Decimal {
        use rust_decimal::RoundingStrategy as S;
        match self {
            Rounding::Cent => value.round_dp_with_strategy(2, S::MidpointAwayFromZero),
            Rounding::EuroDown => value.floor(),
            Rounding::EuroNearest => value.round_dp_with_strategy(0, S::MidpointAwayFromZero),
            Rounding::EuroUp => value.ceil(),
            Rounding::None => value,
        }
    }
}

/// `[[derived]]`: a value computed, never asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedDef {
    /// Id.
    pub id: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: DerivedKind,
    /// Label.
    pub label: Text,
    /// Expression.
    pub formula: String,
    /// Rounding of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Rounding>,
}

/// What an aid is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AidKind {
    /// Something to ask for.
    #[default]
    Aid,
    /// A service open to all.
    Service,
    /// Information only.
    Info,
}

/// Status of an aid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AidStatus {
    /// Running.
    #[default]
    Active,
    /// Running on trial.
    Experimental,
    /// Announced, not claimable.
    UnderStudy,
    /// Closed.
    Closed,
}

/// Yearly application window, `MM-DD` inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowDef {
    /// First day, `MM-DD`.
    pub from: String,
    /// Last day, `MM-DD`.
    pub to: String,
}

/// A source of an aid's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
    /// When it was last verified.
    pub verified: Date,
}

/// `[[aid.criterion]]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDef {
    /// Condition.
    pub when: String,
    /// Sentence shown in the explanation.
    pub label: Text,
}

/// How an amount is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// Exactly this.
    #[default]
    Exact,
    /// A maximum.
    UpTo,
}

/// Periodicity of an amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Paid once.
    #[default]
    Once,
    /// Per month.
    Month,
    /// Per quarter.
    Quarter,
    /// Per year.
    Year,
}

/// `[aid.amount]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountDef {
    /// Expression.
    pub formula: String,
    /// Rounding (default cent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Rounding>,
    /// Exact or up to.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: AmountKind,
    /// Periodicity.
    pub period: Period,
    /// Maximum duration in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
    /// The most the aid gives, shown as "up to" while `formula` cannot be computed yet (an answer
    /// missing or "I don't know"), and on an aid still to be settled: for a differential aid,
    /// the minimum it tops up to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<String>,
}

/// `[[aid.advice]]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceDef {
    /// When to show it.
    pub when: String,
    /// The advice.
    pub text: Text,
}

/// `[[aid]]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AidDef {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Who gives it.
    pub institution: Text,
    /// One-sentence description.
    pub summary: Text,
    /// Aid, service or info.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: AidKind,
    /// Status.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: AidStatus,
    /// Yearly application window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowDef>,
    /// Where to go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// How to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_to_apply: Option<Text>,
    /// Documents to bring, each with where to get it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<crate::guide::items::Document>,
    /// What the widget cannot check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Text>,
    /// Sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Criteria, all required.
    #[serde(default, rename = "criterion", skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionDef>,
    /// Amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountDef>,
    /// Advice shown when its condition holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<AdviceDef>,
    /// Freshness (staff only, not in the built pack): when the rules were last verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Date>,
    /// Freshness: when the rules must be checked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<Date>,
    /// Freshness: the last day the source of the rules applies (an agreement, a deliberation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// A safety contact: a number to call or text, or a web site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Reachable by SMS.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sms: bool,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What it is.
    pub label: Text,
}

/// `[safety]`: domestic-violence orientation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Title.
    pub title: Text,
    /// Introduction.
    pub intro: Text,
    /// Contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}
