//! Eligo rules engine: loads rules packs and evaluates a resident's answers against them.
//! Pure Rust, no web dependency: it runs natively (tests, checker) and in the browser.
//!
//! The browser path: [`Pack::from_bytes`] (the binary pack `eligo-rules build` and the app's `build.rs`
//! write, see [`codec`]) then [`evaluate`]. The native path adds TOML files with includes and line numbers
//! ([`toml_source`]), compiled by [`compile`], and test cases ([`cases`]).

pub mod answers;
pub mod codec;
pub mod compile;
pub mod criteria;
pub mod date;
pub mod dates_ahead;
pub mod decimal_input;
pub mod errors;
pub(crate) mod eval;
pub mod explain;
pub mod expr;
pub mod guide;
pub mod handover;
pub(crate) mod indices;
pub mod input;
pub mod kleene;
pub mod limits;
pub mod numbers;
pub mod opening_hours;
pub mod outlook;
pub mod pack;
pub mod ranking;
pub mod report;
pub mod sample;
pub mod schema;
pub mod sentences;
pub mod text;
pub mod whatif;
pub mod words;

#[cfg(feature = "toml")]
pub mod cases;
#[cfg(feature = "toml")]
pub mod checking;
#[cfg(feature = "toml")]
pub mod diff;
#[cfg(feature = "toml")]
pub mod edit;
#[cfg(feature = "toml")]
pub mod messages;
#[cfg(feature = "toml")]
pub mod review;
#[cfg(feature = "toml")]
pub mod toml_source;
#[cfg(feature = "toml")]
pub mod toml_spans;
#[cfg(feature = "toml")]
pub mod translations;

pub use answers::{Answer, Answers};
pub use codec::DecodeError;
pub use criteria::{CriterionDetail, CriterionStatus, criteria_details};
pub use date::Date;
pub use dates_ahead::{FromDate, from_date, from_dates};
pub use errors::{PackError, PackErrors, PathSegment};
pub use guide::{Document, GlossaryEntry, GlossaryMark, NextStep, glossary_marks, next_steps};
pub use input::{InputError, RawAnswer};
pub use kleene::Tri;
pub use opening_hours::{HoursStatus, OpeningHours};
pub use outlook::{AidOutlook, outlook};
pub use pack::{Aid, Pack, Parameter, Question};
pub use ranking::{applicability, evaluate};
pub use report::{
    AidReport, Amount, ConfirmReason, CriterionOutcome, CriterionState, RefusalReason, Report,
    Verdict,
};
pub use rust_decimal::Decimal;
pub use schema::PackFile;
pub use text::Text;
pub use whatif::{WhatIf, all_what_ifs, what_ifs};

impl Pack {
    /// Compiles a merged pack file.
    pub fn from_file(file: &PackFile) -> Result<Pack, PackErrors> {
        compile::compile(file).map_err(PackErrors)
    }
}
