//! Verdicts and reasons as sentences: the one place that words them, for `eligo-rules explain` (a CCAS agent
//! reading a resident's case, see [`explanation`]) and for the app's aid cards alike ([`confirm_notes`],
//! [`refusal`], [`document_line`], [`next_step_line`], [`hours_line`], [`from_line`], [`what_if_line`]), so
//! the two cannot drift apart. Pack texts (aid names, criteria, parameters) come from the pack.
//!
//! The tables of every language ([`Msg::get`], month and day names) stay native: each function takes the
//! [`Words`] of one language. `eligo-rules build` writes into each pack file the words of the languages it
//! holds ([`Words::of`], only the messages the app shows: [`Msg::IN_PACK`]), and the app words its cards
//! with the pack's ([`crate::Pack::words_in`]); its wasm carries no sentence table of its own. French,
//! English and Arabic have every message; Turkish, Portuguese, Ukrainian, Russian, Dari and easy-read French
//! have those a pack carries (translated from the French, to be reviewed by native speakers, like the
//! interface texts in `i18n/`), the others falling back to English (easy-read French: to French).

use crate::pack::{Aid, Pack};
use crate::report::{AidReport, ConfirmReason, RefusalReason, Verdict};
use crate::schema::AidStatus;
pub use crate::words::{Msg, Words};
use crate::{Answer, Date, Decimal, FromDate, WhatIf};

/// The notes of an aid to confirm, in the language of `words`: a trial scheme, applications closed for now,
/// a value still to be confirmed (once, and only when no amount says it).
pub fn confirm_notes<'w>(report: &AidReport, words: &'w Words) -> Vec<&'w str> {
    let mut notes = Vec::new();
    if let Verdict::ToConfirm { reasons } = &report.verdict {
        for reason in reasons {
            let note = match reason {
                ConfirmReason::Experimental => Msg::Experimental,
                ConfirmReason::OutsideWindow => Msg::OutsideWindow,
                // With an amount, the amount line says it; otherwise a threshold is concerned.
                ConfirmReason::ParameterToConfirm(_) if report.amount.is_none() => {
                    Msg::AmountOrLimitToConfirm
                }
                ConfirmReason::ParameterToConfirm(_) | ConfirmReason::Checks => continue,
            };
            if !notes.contains(&words.get(note)) {
                notes.push(words.get(note));
            }
        }
    }
    notes
}

/// Why `aid` is refused, as one sentence in the language of `words`.
pub fn refusal(aid: &Aid, reason: &RefusalReason, words: &Words) -> String {
    match reason {
        RefusalReason::Status(AidStatus::UnderStudy) => words.get(Msg::UnderStudy).to_string(),
        // Only these two refuse by status.
        RefusalReason::Status(_) => words.get(Msg::Closed).to_string(),
        RefusalReason::Criterion(i) => format!(
            "{} {}",
            words.get(Msg::NotMet),
            aid.criteria
                .get(*i)
                .map_or("", |c| c.label.get(&words.lang))
        ),
    }
}

/// The heading of a verdict.
pub fn verdict_msg(verdict: &Verdict) -> Msg {
    match verdict {
        Verdict::Eligible => Msg::Eligible,
        Verdict::ToConfirm { .. } => Msg::ToConfirm,
        Verdict::Undetermined { .. } => Msg::Undetermined,
        Verdict::NotEligible { .. } => Msg::NotEligible,
    }
}

/// A number as the language of `words` writes it ([`crate::numbers`]).
fn number(value: Decimal, words: &Words) -> String {
    crate::numbers::number(&words.lang, &value.to_string())
}

/// An amount in euros as the language of `words` writes it ([`crate::numbers`]).
pub(crate) fn money(value: Decimal, words: &Words) -> String {
    crate::numbers::money(&words.lang, &value.to_string())
}

/// The label of option `option` of question `question` in `lang` (the id when unknown).
fn option_label(pack: &Pack, question: &str, option: &str, lang: &str) -> String {
    pack.question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map_or(option.to_string(), |o| o.label.get(lang).to_string())
}

/// An answer in words, in the language of `words` (what a what-if proposes).
pub fn answer_words(pack: &Pack, question: &str, answer: &Answer, words: &Words) -> String {
    let lang = words.lang.as_str();
    match answer {
        Answer::YesNo(b) => words.get(if *b { Msg::Yes } else { Msg::No }).to_string(),
        Answer::Number(n) if pack.question(question).is_some_and(|q| q.is_amount()) => {
            money(*n, words)
        }
        Answer::Number(n) => number(*n, words),
        Answer::OneOf(o) => option_label(pack, question, o, lang),
        Answer::SeveralOf(os) => os
            .iter()
            .map(|o| option_label(pack, question, o, lang))
            .collect::<Vec<_>>()
            .join(comma(lang)),
        Answer::Date(d) => date_words(*d, words),
        Answer::DontKnow | Answer::Declined => String::new(),
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// ", " between two parts of a line; "، " in the languages written in Arabic script.
pub fn comma(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa-AF" => "، ",
        _ => ", ",
    }
}

/// A criterion with the resident's own answers to the questions it reads
/// ([`crate::criteria::criteria_answers`]): "Avoir moins de 27 ans — votre réponse : 20".
pub fn criterion_line(pack: &Pack, label: &str, read: &[(&str, &Answer)], words: &Words) -> String {
    let said: Vec<String> = read
        .iter()
        .map(|(q, a)| answer_words(pack, q, a, words))
        .filter(|a| !a.is_empty())
        .collect();
    if said.is_empty() {
        return label.to_string();
    }
    let m = if said.len() == 1 {
        Msg::YourAnswer
    } else {
        Msg::YourAnswers
    };
    let said = said.join(comma(&words.lang));
    format!("{} — {}", label.trim_end_matches('.'), words.with(m, &said))
}

/// A date in words: "1er septembre 2027", "1 September 2027", "1 de setembro de 2027".
pub fn date_words(date: Date, words: &Words) -> String {
    let month = words
        .months
        .get((date.month() as usize).saturating_sub(1))
        .map_or("", String::as_str);
    let day = match (words.french(), date.day()) {
        (true, 1) => "1er".to_string(),
        (_, d) => d.to_string(),
    };
    words
        .get(Msg::DateForm)
        .replace("{d}", &day)
        .replace("{m}", month)
        .replace("{y}", &date.year().to_string())
}

/// A time of day: "8 h 30" in French, "08:30" otherwise.
pub fn time_words(minute: u16, words: &Words) -> String {
    let (h, m) = (minute / 60 % 24, minute % 60);
    match (words.french(), m) {
        (true, 0) => format!("{h} h"),
        (true, _) => format!("{h} h {m:02}"),
        _ => format!("{h:02}:{m:02}"),
    }
}

/// "Open now, until 12:00" / "Closed now. Opens next: Monday 30 November 2026, 08:30": what a place's
/// opening hours say at a moment (`today`: the day the status was asked for).
pub fn hours_line(status: &crate::HoursStatus, today: Date, words: &Words) -> String {
    match *status {
        crate::HoursStatus::Open { until_date, until } => {
            let mut when = time_words(until, words);
            if until_date != today {
                when = format!("{} {when}", date_words(until_date, words));
            }
            words.with(Msg::OpenUntil, &when)
        }
        crate::HoursStatus::Closed {
            next: Some((date, minute)),
        } => {
            let day = words
                .days
                .get(usize::from(crate::opening_hours::weekday(date)))
                .map_or("", String::as_str);
            let when = format!(
                "{day} {}, {}",
                date_words(date, words),
                time_words(minute, words)
            );
            words.with(Msg::ClosedNextOpening, &when)
        }
        crate::HoursStatus::Closed { next: None } => words.get(Msg::ClosedNoOpening).to_string(),
    }
}

/// "You can ask for it from <date> (at the latest)": when a time-bound criterion will be met.
pub fn from_line(from: &FromDate, words: &Words) -> String {
    let mut line = words.with(Msg::From, &date_words(from.date, words));
    if from.at_the_latest {
        line.push_str(&format!(" ({})", words.get(Msg::AtTheLatest)));
    }
    line
}

/// "You would qualify if you answered “yes” to “<question>”": one answer change that opens the aid.
pub fn what_if_line(pack: &Pack, what_if: &WhatIf, words: &Words) -> String {
    let question = pack
        .question(&what_if.question)
        .map_or(what_if.question.as_str(), |q| q.label.get(&words.lang));
    let answer = answer_words(pack, &what_if.question, &what_if.answer, words);
    fill(
        words.get(Msg::WouldQualifyIf),
        &[("a", &answer), ("q", question)],
    )
}

/// One paper to bring in words: "Votre avis d'impôt — sur impots.gouv.fr (CCAS de Chenôve), à confirmer
/// par le CCAS".
pub fn document_line(
    pack: &Pack,
    document: &crate::guide::items::Document,
    words: &Words,
) -> String {
    let lang = words.lang.as_str();
    let mut line = document.paper.get(lang).to_string();
    let place = document
        .place
        .as_deref()
        .and_then(|p| pack.place(p))
        .map(|p| p.name.get(lang));
    // A sentence's own full stop would stand before the place or the note.
    let bare = |t: &str| t.trim_end_matches('.').to_string();
    match (&document.where_to_get, place) {
        (Some(w), Some(p)) => line.push_str(&format!(" — {} ({p})", bare(w.get(lang)))),
        (Some(w), None) => line.push_str(&format!(" — {}", bare(w.get(lang)))),
        (None, Some(p)) => line.push_str(&format!(" — {p}")),
        (None, None) => {}
    }
    if document.to_confirm {
        line.push_str(&format!(" ({})", words.get(Msg::PaperToConfirm)));
    }
    line
}

/// One next step in words, with its place (name and phone) or its number.
pub fn next_step_line(pack: &Pack, step: &crate::guide::items::NextStep, words: &Words) -> String {
    let lang = words.lang.as_str();
    let mut line = step.text.get(lang).to_string();
    if let Some(place) = step.place.as_deref().and_then(|p| pack.place(p)) {
        line.push_str(&format!(" — {}", place.name.get(lang)));
        if let Some(phone) = &place.phone {
            line.push_str(&format!("{}{phone}", comma(lang)));
        }
    }
    if let Some(number) = &step.number {
        line.push_str(&format!(" ({})", words.with(Msg::Call, number)));
    }
    line
}
