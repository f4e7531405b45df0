//! `eligo-rules explain`'s text: every aid with its verdict, criteria, from-date, what-ifs, advice and papers,
//! then the next steps, for a CCAS agent reading a resident's case. Made of the same sentences as the app's
//! cards (`crate::sentences`), so that the two say the same.

use crate::pack::Pack;
use crate::report::{ConfirmReason, Verdict};
use crate::schema::{AmountKind, Period};
use crate::sentences::*;
use crate::{Answer, Answers, CriterionStatus, Date, evaluate, outlook};

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case), every
/// line in `lang`: the checker's words from [`Msg`], the pack's texts in that language.
pub fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
    let words = &Words::of(lang);
    let report = evaluate(pack, answers, date);
    let outlook = outlook(pack, answers, date, &report);
    let question_label = |id: &str| {
        pack.question(id)
            .map_or(id.to_string(), |q| q.label.get(lang).to_string())
    };
    let questions = |ids: &[String]| -> String {
        ids.iter()
            .map(|q| question_label(q))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {date}\n",
        pack.territory.name.get(lang),
        pack.id
    );
    for ((aid, r), o) in pack.aids.iter().zip(&report.aids).zip(&outlook) {
        let _ = writeln!(out, "== {} [{}]", aid.name.get(lang), aid.id);
        let _ = writeln!(out, "   {}", verdict_msg(&r.verdict).get(lang));
        for (c, detail) in r.criteria.iter().zip(&o.criteria) {
            let mark = match detail.status {
                CriterionStatus::Met => "[x]",
                CriterionStatus::NotMet => "[ ]",
                CriterionStatus::NotKnown => "[?]",
                CriterionStatus::NotNeeded => "[-]",
            };
            let read: Vec<(&str, &Answer)> = (detail.answers.iter())
                .filter(|a| a.asked)
                .filter_map(|a| Some((a.question.as_str(), a.answer.as_ref()?)))
                .collect();
            let _ = write!(
                out,
                "   {mark} {}",
                criterion_line(pack, c.label.get(lang), &read, words)
            );
            if detail.status == CriterionStatus::NotNeeded {
                let _ = write!(out, " ({})", Msg::NotNeeded.get(lang));
            } else if !c.missing.is_empty() {
                let _ = write!(out, "  ({}: {})", Msg::Ask.get(lang), questions(&c.missing));
            }
            out.push('\n');
        }
        match &r.verdict {
            Verdict::ToConfirm { reasons } => {
                for note in confirm_notes(r, words) {
                    let _ = writeln!(out, "   ! {note}");
                }
                for reason in reasons {
                    let line = match reason {
                        ConfirmReason::Checks => aid
                            .checks
                            .iter()
                            .map(|c| c.get(lang))
                            .collect::<Vec<_>>()
                            .join(" "),
                        ConfirmReason::ParameterToConfirm(p) => {
                            let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                            format!("{}: {label}", Msg::ValueToConfirm.get(lang))
                        }
                        // Said by the notes above.
                        ConfirmReason::Experimental | ConfirmReason::OutsideWindow => continue,
                    };
                    let _ = writeln!(out, "   ! {line}");
                }
            }
            Verdict::Undetermined {
                unsettled,
                dont_know,
                ..
            } => {
                for p in unsettled {
                    let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                    let _ = writeln!(out, "   ! {}: {label}", Msg::UnknownValue.get(lang));
                }
                for q in dont_know {
                    let said = match answers.get(q) {
                        Some(Answer::Declined) => Msg::Declined,
                        _ => Msg::DontKnow,
                    };
                    let _ = writeln!(out, "   ! {}: {}", said.get(lang), question_label(q));
                }
            }
            Verdict::NotEligible { reasons } => {
                for reason in reasons {
                    let _ = writeln!(out, "   ! {}", refusal(aid, reason, words));
                }
            }
            Verdict::Eligible => {}
        }
        if let Some(amount) = &r.amount {
            let period = match amount.period {
                Period::Once => Msg::Once,
                Period::Month => Msg::PerMonth,
                Period::Quarter => Msg::PerQuarter,
                Period::Year => Msg::PerYear,
            };
            let up_to = match amount.kind {
                AmountKind::UpTo => format!("{} ", Msg::UpTo.get(lang)),
                AmountKind::Exact => String::new(),
            };
            let _ = write!(
                out,
                "   = {up_to}{} {}",
                money(amount.value, words),
                period.get(lang)
            );
            if let Some(m) = amount.max_months {
                let _ = write!(out, ", {}", Msg::MonthsAtMost.with(lang, m));
            }
            if amount.to_confirm {
                let _ = write!(out, " ({})", Msg::AmountToConfirm.get(lang));
            }
            out.push('\n');
        }
        if !r.amount_missing.is_empty() {
            let _ = writeln!(
                out,
                "   = {}: {}",
                Msg::AmountAsk.get(lang),
                questions(&r.amount_missing)
            );
        }
        if let Some(from) = &o.from {
            let _ = writeln!(out, "   -> {}", from_line(from, words));
        }
        for w in &o.would_qualify_if {
            let line = what_if_line(pack, w, words);
            match w.for_residents(pack) {
                true => writeln!(out, "   -> {line}"),
                false => writeln!(out, "   -> {line} {}", Msg::WhatIfForStaff.get(lang)),
            }
            .ok();
        }
        for advice in &r.advice {
            let _ = writeln!(out, "   > {}", advice.get(lang));
        }
        if !r.advice_missing.is_empty() {
            let _ = writeln!(
                out,
                "   > {}: {}",
                Msg::AdviceAsk.get(lang),
                questions(&r.advice_missing)
            );
        }
        if matches!(r.verdict, Verdict::Eligible | Verdict::ToConfirm { .. }) {
            for d in &aid.documents {
                let _ = writeln!(
                    out,
                    "   # {}: {}",
                    Msg::Bring.get(lang),
                    document_line(pack, d, words)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}:", Msg::NextSteps.get(lang));
    for step in crate::guide::next_steps(pack, answers, date, &report) {
        let _ = writeln!(out, "   * {}", next_step_line(pack, step, words));
    }
    out.push('\n');
    match &report.next_question {
        Some(q) => {
            let _ = writeln!(
                out,
                "{}: {} ({})",
                Msg::NextQuestion.get(lang),
                question_label(q),
                Msg::AtMost.with(lang, report.questions_left)
            );
        }
        None => {
            let _ = writeln!(out, "{}", Msg::NoQuestionLeft.get(lang));
        }
    }
    out
}
