//! What the results can tell beyond the verdict, for every aid at once: each criterion as met /
//! not met / not known / not needed with its answers and limits ([`crate::criteria`]), from when
//! time opens a refused aid ([`crate::dates_ahead`]) and which single answer change would
//! ([`crate::whatif`]). One evaluation of today's answers serves the three. Data only: the
//! interface words it.

use crate::answers::Answers;
use crate::criteria::{CriterionDetail, details};
use crate::date::Date;
use crate::dates_ahead::{FromDate, from_date_with};
use crate::eval::Evaluator;
use crate::pack::{Aid, Pack};
use crate::report::{AidReport, Report};
use crate::whatif::{WhatIf, what_ifs_of};

/// One aid's criteria, from-date and what-ifs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AidOutlook {
    /// The aid's id.
    pub id: String,
    /// Each criterion, in pack order.
    pub criteria: Vec<CriterionDetail>,
    /// From when it will be open, if time alone opens it.
    pub from: Option<FromDate>,
    /// Single answer changes that would open it (refused aids only).
    pub would_qualify_if: Vec<WhatIf>,
}

/// Every aid's outlook, in pack order (`report` is [`crate::evaluate`] of the same answers at
/// the same date).
pub fn outlook(pack: &Pack, answers: &Answers, today: Date, report: &Report) -> Vec<AidOutlook> {
    let mut ev = Evaluator::new(pack, answers, today);
    let aids: Vec<(&Aid, &AidReport)> = pack.aids.iter().zip(&report.aids).collect();
    let what_ifs = what_ifs_of(&mut ev, pack, answers, today, &aids);
    aids.iter()
        .zip(what_ifs)
        .map(|(&(aid, r), would_qualify_if)| AidOutlook {
            id: aid.id.clone(),
            criteria: details(&mut ev, pack, answers, today, aid, r),
            from: from_date_with(&mut ev, pack, answers, today, aid, r),
            would_qualify_if,
        })
        .collect()
}
