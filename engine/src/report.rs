//! What an evaluation tells the resident: a verdict, an explanation and an amount per aid.

use crate::schema::{AidStatus, AmountKind, Period};
use crate::text::Text;
use rust_decimal::Decimal;

/// The outcome of evaluating every aid of a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// One report per aid, in pack order.
    pub aids: Vec<AidReport>,
    /// The question to ask next, if any question can still decide something.
    pub next_question: Option<String>,
    /// At most this many questions remain.
    pub questions_left: usize,
}

impl Report {
    /// The report of the aid with this id.
    pub fn aid(&self, id: &str) -> Option<&AidReport> {
        self.aids.iter().find(|a| a.id == id)
    }
}

/// Verdict, explanation, amount and advice for one aid.
#[derive(Clone, Debug, PartialEq)]
pub struct AidReport {
    /// Aid id.
    pub id: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Each criterion with its state, in pack order.
    pub criteria: Vec<CriterionOutcome>,
    /// The amount, when eligible and computable; while it cannot be computed (an answer missing or
    /// "I don't know"), its ceiling as "up to" if the pack gives one (`up_to`), on an eligible,
    /// to-confirm or undetermined aid.
    pub amount: Option<Amount>,
    /// Questions that would let the amount be computed.
    pub amount_missing: Vec<String>,
    /// Advice whose condition holds.
    pub advice: Vec<Text>,
    /// Questions that would settle advice still unknown (eligible or to-confirm aids only),
    /// in pack order. They are asked once no verdict or amount depends on any question.
    pub advice_missing: Vec<String>,
}

/// The verdict for one aid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every criterion met, nothing to confirm.
    Eligible,
    /// Every criterion met, but something must be confirmed by the institution.
    ToConfirm {
        /// Why.
        reasons: Vec<ConfirmReason>,
    },
    /// Some criterion unknown, none failed.
    Undetermined {
        /// Unanswered relevant questions that would settle it, in pack order.
        missing: Vec<String>,
        /// Parameters with no value at the date (ids): only the institution can settle them.
        unsettled: Vec<String>,
        /// Questions answered "I don't know" that it depends on.
        dont_know: Vec<String>,
    },
    /// Some criterion failed, or the aid is not open.
    NotEligible {
        /// Why.
        reasons: Vec<RefusalReason>,
    },
}

impl Verdict {
    /// `eligible`, `to_confirm`, `undetermined` or `not_eligible` (as in test cases).
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::ToConfirm { .. } => "to_confirm",
            Verdict::Undetermined { .. } => "undetermined",
            Verdict::NotEligible { .. } => "not_eligible",
        }
    }

    /// Whether more answers can still change it.
    pub fn is_undetermined(&self) -> bool {
        matches!(self, Verdict::Undetermined { .. })
    }
}

/// Why an eligible verdict must be confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmReason {
    /// The aid lists conditions the widget cannot check.
    Checks,
    /// The aid is experimental.
    Experimental,
    /// Today is outside the yearly application window.
    OutsideWindow,
    /// A parameter value is marked to be confirmed (parameter id).
    ParameterToConfirm(String),
}

/// Why an aid is not open to the resident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefusalReason {
    /// The aid is under study or closed.
    Status(AidStatus),
    /// This criterion (position) failed.
    Criterion(usize),
}

/// One criterion in the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionOutcome {
    /// The sentence from the pack.
    pub label: Text,
    /// Met, failed or unknown.
    pub state: CriterionState,
    /// Unanswered relevant questions that would settle it.
    pub missing: Vec<String>,
}

/// State of a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionState {
    /// Holds.
    Met,
    /// Does not hold.
    Failed,
    /// Not known yet.
    Unknown,
}

/// An aid's amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    /// Rounded value in euros.
    pub value: Decimal,
    /// Exact or up to.
    pub kind: AmountKind,
    /// Periodicity.
    pub period: Period,
    /// Maximum duration in months.
    pub max_months: Option<u32>,
    /// Depends on a value to be confirmed.
    pub to_confirm: bool,
}
