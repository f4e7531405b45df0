//! Verdicts and reasons as sentences, in each language of the interface (French, English, Arabic): the one
//! place that words them, for `eligo-rules explain` (a CCAS agent reading a resident's case, see
//! [`explanation`]) and for the app's aid cards alike ([`confirm_notes`], [`refusal`]), so the two cannot
//! drift apart. Pack texts (aid names, criteria, parameters) come from the pack.

use crate::pack::{Aid, Pack};
use crate::report::{AidReport, ConfirmReason, RefusalReason, Verdict};
use crate::schema::{AidStatus, AmountKind, Period};
use crate::{Answer, Answers, CriterionStatus, Date, Decimal, FromDate, WhatIf, evaluate, outlook};

/// The notes of an aid to confirm, in `lang`: a trial scheme, applications closed for now, a value still
/// to be confirmed (once, and only when no amount says it).
pub fn confirm_notes(report: &AidReport, lang: &str) -> Vec<&'static str> {
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
            if !notes.contains(&note.get(lang)) {
                notes.push(note.get(lang));
            }
        }
    }
    notes
}

/// Why `aid` is refused, as one sentence in `lang`.
pub fn refusal(aid: &Aid, reason: &RefusalReason, lang: &str) -> String {
    match reason {
        RefusalReason::Status(AidStatus::UnderStudy) => Msg::UnderStudy.get(lang).to_string(),
        // Only these two refuse by status.
        RefusalReason::Status(_) => Msg::Closed.get(lang).to_string(),
        RefusalReason::Criterion(i) => format!(
            "{} {}",
            Msg::NotMet.get(lang),
            aid.criteria.get(*i).map_or("", |c| c.label.get(lang))
        ),
    }
}

/// The words of verdicts and reasons in each language (pack texts come from the pack).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Eligible,
    ToConfirm,
    Undetermined,
    NotEligible,
    Ask,
    Experimental,
    OutsideWindow,
    ValueToConfirm,
    UnknownValue,
    DontKnow,
    UnderStudy,
    Closed,
    Once,
    PerMonth,
    PerQuarter,
    PerYear,
    UpTo,
    MonthsAtMost,
    AmountToConfirm,
    AmountAsk,
    AdviceAsk,
    NextQuestion,
    AtMost,
    NoQuestionLeft,
    AmountOrLimitToConfirm,
    NotMet,
    NotNeeded,
    From,
    AtTheLatest,
    WouldQualifyIf,
    YourAnswer,
    YourAnswers,
    Yes,
    No,
    Declined,
    Bring,
    PaperToConfirm,
    NextSteps,
    Call,
    OpenUntil,
    ClosedNextOpening,
    ClosedNoOpening,
    HoursAsk,
}

impl Msg {
    /// Every message, for the completeness tests.
    pub const ALL: [Msg; 43] = [
        Msg::Eligible,
        Msg::ToConfirm,
        Msg::Undetermined,
        Msg::NotEligible,
        Msg::Ask,
        Msg::Experimental,
        Msg::OutsideWindow,
        Msg::ValueToConfirm,
        Msg::UnknownValue,
        Msg::DontKnow,
        Msg::UnderStudy,
        Msg::Closed,
        Msg::Once,
        Msg::PerMonth,
        Msg::PerQuarter,
        Msg::PerYear,
        Msg::UpTo,
        Msg::MonthsAtMost,
        Msg::AmountToConfirm,
        Msg::AmountAsk,
        Msg::AdviceAsk,
        Msg::NextQuestion,
        Msg::AtMost,
        Msg::NoQuestionLeft,
        Msg::AmountOrLimitToConfirm,
        Msg::NotMet,
        Msg::NotNeeded,
        Msg::From,
        Msg::AtTheLatest,
        Msg::WouldQualifyIf,
        Msg::YourAnswer,
        Msg::YourAnswers,
        Msg::Yes,
        Msg::No,
        Msg::Declined,
        Msg::Bring,
        Msg::PaperToConfirm,
        Msg::NextSteps,
        Msg::Call,
        Msg::OpenUntil,
        Msg::ClosedNextOpening,
        Msg::ClosedNoOpening,
        Msg::HoursAsk,
    ];

    /// The text in `lang` (`fr`, `en` or `ar`; any other language gets English). `{n}` is a
    /// number filled in by [`Msg::with`].
    pub fn get(self, lang: &str) -> &'static str {
        let [fr, en, ar] = self.texts();
        match lang {
            "fr" => fr,
            "ar" => ar,
            _ => en,
        }
    }

    /// The text in `lang` with `{n}` replaced by `n`.
    pub fn with(self, lang: &str, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }

    /// The texts in French, English and Arabic.
    pub fn texts(self) -> [&'static str; 3] {
        match self {
            Msg::Eligible => ["ÉLIGIBLE", "ELIGIBLE", "مؤهَّل: يمكنك طلب هذه المساعدة"],
            Msg::ToConfirm => [
                "ÉLIGIBLE SOUS RÉSERVE (à confirmer par l'organisme)",
                "ELIGIBLE, TO BE CONFIRMED by the institution",
                "مؤهَّل بشرط تأكيد الجهة المعنية",
            ],
            Msg::Undetermined => ["INDÉTERMINÉ", "UNDETERMINED", "غير محدَّد بعد"],
            Msg::NotEligible => ["NON ÉLIGIBLE", "NOT ELIGIBLE", "غير مؤهَّل"],
            Msg::Ask => ["à demander", "ask", "يجب السؤال عن"],
            Msg::Experimental => [
                "Dispositif en test : vérifiez qu'il existe toujours.",
                "Trial scheme: check that it still runs.",
                "برنامج تجريبي: تأكد أنه ما زال قائمًا.",
            ],
            Msg::OutsideWindow => [
                "Les demandes ne sont pas ouvertes en ce moment.",
                "Applications are not open at the moment.",
                "باب الطلبات غير مفتوح في الوقت الحالي.",
            ],
            Msg::ValueToConfirm => [
                "Valeur à confirmer",
                "Value to be confirmed",
                "قيمة تحتاج إلى تأكيد",
            ],
            Msg::UnknownValue => [
                "Valeur inconnue, à vérifier avec le CCAS",
                "Unknown value, check with the CCAS",
                "قيمة غير معروفة، يجب التحقق منها مع مركز العمل الاجتماعي (CCAS)",
            ],
            Msg::DontKnow => [
                "Réponse « je ne sais pas »",
                "Answered \"I don't know\"",
                "الإجابة «لا أعرف»",
            ],
            Msg::UnderStudy => [
                "Cette aide est à l'étude : on ne peut pas encore la demander.",
                "This aid is being studied: you cannot ask for it yet.",
                "هذه المساعدة قيد الدراسة: لا يمكن طلبها بعد.",
            ],
            Msg::Closed => [
                "Cette aide est fermée pour le moment.",
                "This aid is closed for now.",
                "هذه المساعدة مغلقة حاليًا.",
            ],
            Msg::AmountOrLimitToConfirm => [
                "Un montant ou un plafond utilisé ici reste à confirmer par le CCAS.",
                "An amount or a limit used here is still to be confirmed by the CCAS.",
                "مبلغ أو سقف مستعمل هنا ما زال يحتاج إلى تأكيد من مركز العمل الاجتماعي (CCAS).",
            ],
            Msg::NotMet => [
                "D'après vos réponses, cette condition n'est pas remplie :",
                "From your answers, this condition is not met:",
                "حسب إجاباتك، هذا الشرط غير مستوفى:",
            ],
            Msg::Once => ["une fois", "once", "مرة واحدة"],
            Msg::PerMonth => ["par mois", "per month", "في الشهر"],
            Msg::PerQuarter => ["par trimestre", "per quarter", "كل ثلاثة أشهر"],
            Msg::PerYear => ["par an", "per year", "في السنة"],
            Msg::UpTo => ["jusqu'à", "up to", "حتى"],
            Msg::MonthsAtMost => [
                "{n} mois maximum",
                "{n} months at most",
                "المدة القصوى بالأشهر: {n}",
            ],
            Msg::AmountToConfirm => ["à confirmer", "to be confirmed", "يحتاج إلى تأكيد"],
            Msg::AmountAsk => [
                "Montant : à demander",
                "Amount: ask",
                "لحساب المبلغ، يجب السؤال عن",
            ],
            Msg::AdviceAsk => [
                "Conseil : à demander",
                "Advice: ask",
                "لإعطاء نصيحة، يجب السؤال عن",
            ],
            Msg::NextQuestion => ["Question suivante", "Next question", "السؤال التالي"],
            Msg::AtMost => [
                "au plus {n} question(s) restante(s)",
                "at most {n} question(s) left",
                "الأسئلة المتبقية على الأكثر: {n}",
            ],
            Msg::NoQuestionLeft => [
                "Plus aucune question utile.",
                "No useful question left.",
                "لم يبقَ أي سؤال مفيد.",
            ],
            Msg::NotNeeded => ["pas nécessaire", "not needed", "غير ضروري"],
            Msg::From => [
                "Vous pourrez la demander à partir du {n}",
                "You can ask for it from {n}",
                "يمكنك طلبها ابتداءً من {n}",
            ],
            Msg::AtTheLatest => ["au plus tard", "at the latest", "على أبعد تقدير"],
            Msg::WouldQualifyIf => [
                "Vous y auriez droit en répondant « {a} » à la question « {q} »",
                "You would qualify if you answered “{a}” to “{q}”",
                "ستكون مؤهَّلًا إذا أجبت «{a}» عن السؤال «{q}»",
            ],
            Msg::YourAnswer => ["votre réponse : {n}", "your answer: {n}", "إجابتك: {n}"],
            Msg::YourAnswers => ["vos réponses : {n}", "your answers: {n}", "إجاباتك: {n}"],
            Msg::Yes => ["oui", "yes", "نعم"],
            Msg::No => ["non", "no", "لا"],
            Msg::Declined => [
                "Réponse « je préfère ne pas répondre »",
                "Answered \"I prefer not to answer\"",
                "الإجابة «أفضّل عدم الإجابة»",
            ],
            Msg::Bring => ["À apporter", "To bring", "ما يجب إحضاره"],
            Msg::PaperToConfirm => [
                "à confirmer par le CCAS",
                "to be confirmed by the CCAS",
                "يحتاج إلى تأكيد من مركز العمل الاجتماعي (CCAS)",
            ],
            Msg::NextSteps => ["Et maintenant", "What to do next", "ماذا تفعل الآن"],
            Msg::Call => ["Appelez le", "Call", "اتصل بالرقم"],
            Msg::OpenUntil => [
                "Ouvert maintenant, jusqu'à {n}",
                "Open now, until {n}",
                "مفتوح الآن، حتى {n}",
            ],
            Msg::ClosedNextOpening => [
                "Fermé maintenant. Prochaine ouverture : {n}",
                "Closed now. Opens next: {n}",
                "مغلق الآن. يفتح من جديد: {n}",
            ],
            Msg::ClosedNoOpening => ["Fermé maintenant.", "Closed now.", "مغلق الآن."],
            Msg::HoursAsk => [
                "Horaires non publiés : demandez-les au",
                "Hours not published: ask",
                "المواعيد غير منشورة: اسأل",
            ],
        }
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

/// An amount with the decimal separator of `lang` (a comma in French and Arabic).
fn money(value: Decimal, lang: &str) -> String {
    let text = value.to_string();
    if lang == "en" {
        text
    } else {
        text.replace('.', ",")
    }
}

/// The label of option `option` of question `question` in `lang` (the id when unknown).
fn option_label(pack: &Pack, question: &str, option: &str, lang: &str) -> String {
    pack.question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map_or(option.to_string(), |o| o.label.get(lang).to_string())
}

/// The words sentences are made of, in one language: the engine's own tables for French, English and
/// Arabic (a language code: `"fr"` is `Words`), or the translations of another language the app fetched
/// (src/rules.rs), so that `eligo-rules explain` and the app's cards build every sentence with the same
/// functions.
pub trait Words {
    /// The code of the language pack texts are read in (`fr`, `fa-AF`…).
    fn code(&self) -> &str;
    /// Message `m` (its placeholders unfilled).
    fn msg(&self, m: Msg) -> &str;
    /// A date in words ("1er septembre 2027").
    fn date(&self, date: Date) -> String {
        date_words(date, self.code())
    }
}

impl Words for str {
    fn code(&self) -> &str {
        self
    }
    fn msg(&self, m: Msg) -> &str {
        m.get(self)
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

/// An answer in words (what a what-if proposes, what a criterion read): "oui", "À Chenôve", "450 €".
pub fn answer_words<W: Words + ?Sized>(
    pack: &Pack,
    question: &str,
    answer: &Answer,
    words: &W,
) -> String {
    let lang = words.code();
    match answer {
        Answer::YesNo(b) => words.msg(if *b { Msg::Yes } else { Msg::No }).to_string(),
        Answer::Number(n) => match pack.question(question).map(|q| q.kind) {
            Some(crate::schema::QuestionKind::Money) => format!("{} €", money(*n, lang)),
            _ => money(*n, lang),
        },
        Answer::OneOf(o) => option_label(pack, question, o, lang),
        Answer::SeveralOf(os) => os
            .iter()
            .map(|o| option_label(pack, question, o, lang))
            .collect::<Vec<_>>()
            .join(comma(lang)),
        Answer::Date(d) => words.date(*d),
        Answer::DontKnow | Answer::Declined => String::new(),
    }
}

/// A criterion with the resident's own answers to the questions it reads ([`crate::criteria::answers_read`]):
/// "Avoir moins de 27 ans — votre réponse : 20".
pub fn criterion_line<W: Words + ?Sized>(
    pack: &Pack,
    label: &str,
    read: &[(&str, &Answer)],
    words: &W,
) -> String {
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
    let said = said.join(comma(words.code()));
    format!(
        "{} — {}",
        label.trim_end_matches('.'),
        fill(words.msg(m), &[("n", &said)])
    )
}

/// Month names, January first, in French, English and Arabic.
const MONTH_NAMES: [[&str; 12]; 3] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// Day names, Monday first.
const DAY_NAMES: [[&str; 7]; 3] = [
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
];

fn lang_index(lang: &str) -> usize {
    match lang {
        "fr" => 0,
        "ar" => 2,
        _ => 1,
    }
}

/// A date in words: "1 septembre 2027", "1 September 2027", "1 سبتمبر 2027".
pub fn date_words(date: Date, lang: &str) -> String {
    let month = MONTH_NAMES[lang_index(lang)][(date.month() as usize).saturating_sub(1) % 12];
    let day = match (lang, date.day()) {
        ("fr", 1) => "1er".to_string(),
        (_, d) => d.to_string(),
    };
    format!("{day} {month} {}", date.year())
}

/// A time of day: "8 h 30" in French, "08:30" otherwise.
pub fn time_words(minute: u16, lang: &str) -> String {
    let (h, m) = (minute / 60 % 24, minute % 60);
    match (lang, m) {
        ("fr", 0) => format!("{h} h"),
        ("fr", _) => format!("{h} h {m:02}"),
        _ => format!("{h:02}:{m:02}"),
    }
}

/// "Open now, until 12:00" / "Closed now. Opens next: Monday 30 November 2026, 08:30": what a place's
/// opening hours say at a moment (`today`: the day the status was asked for).
pub fn hours_line(status: &crate::HoursStatus, today: Date, lang: &str) -> String {
    match *status {
        crate::HoursStatus::Open { until_date, until } => {
            let mut when = time_words(until, lang);
            if until_date != today {
                when = format!("{} {when}", date_words(until_date, lang));
            }
            Msg::OpenUntil.with(lang, when)
        }
        crate::HoursStatus::Closed {
            next: Some((date, minute)),
        } => {
            let day = DAY_NAMES[lang_index(lang)][usize::from(crate::opening_hours::weekday(date))];
            let when = format!(
                "{day} {}, {}",
                date_words(date, lang),
                time_words(minute, lang)
            );
            Msg::ClosedNextOpening.with(lang, when)
        }
        crate::HoursStatus::Closed { next: None } => Msg::ClosedNoOpening.get(lang).to_string(),
    }
}

/// "You can ask for it from <date> (at the latest)": when a time-bound criterion will be met.
pub fn from_line<W: Words + ?Sized>(from: &FromDate, words: &W) -> String {
    let mut line = fill(words.msg(Msg::From), &[("n", &words.date(from.date))]);
    if from.at_the_latest {
        line.push_str(&format!(" ({})", words.msg(Msg::AtTheLatest)));
    }
    line
}

/// "You would qualify if you answered “yes” to “<question>”": one answer change that opens the aid.
pub fn what_if_line<W: Words + ?Sized>(pack: &Pack, what_if: &WhatIf, words: &W) -> String {
    let question = pack
        .question(&what_if.question)
        .map_or(what_if.question.as_str(), |q| q.label.get(words.code()));
    let answer = answer_words(pack, &what_if.question, &what_if.answer, words);
    fill(
        words.msg(Msg::WouldQualifyIf),
        &[("a", &answer), ("q", question)],
    )
}

/// One paper to bring in words: "Votre avis d'impôt — sur impots.gouv.fr (CCAS de Chenôve), à confirmer
/// par le CCAS".
pub fn document_line(pack: &Pack, document: &crate::guide::Document, lang: &str) -> String {
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
        line.push_str(&format!(" ({})", Msg::PaperToConfirm.get(lang)));
    }
    line
}

/// One next step in words, with its place (name and phone) or its number.
pub fn next_step_line(pack: &Pack, step: &crate::guide::NextStep, lang: &str) -> String {
    let mut line = step.text.get(lang).to_string();
    if let Some(place) = step.place.as_deref().and_then(|p| pack.place(p)) {
        line.push_str(&format!(" — {}", place.name.get(lang)));
        if let Some(phone) = &place.phone {
            line.push_str(&format!("{}{phone}", comma(lang)));
        }
    }
    if let Some(number) = &step.number {
        line.push_str(&format!(" ({} {number})", Msg::Call.get(lang)));
    }
    line
}

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case), every
/// line in `lang`: the checker's words from [`Msg`], the pack's texts in that language.
pub fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
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
                criterion_line(pack, c.label.get(lang), &read, lang)
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
                for note in confirm_notes(r, lang) {
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
                    let _ = writeln!(out, "   ! {}", refusal(aid, reason, lang));
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
                "   = {up_to}{} € {}",
                money(amount.value, lang),
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
            let _ = writeln!(out, "   -> {}", from_line(from, lang));
        }
        for w in &o.would_qualify_if {
            let _ = writeln!(out, "   -> {}", what_if_line(pack, w, lang));
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
                    document_line(pack, d, lang)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}:", Msg::NextSteps.get(lang));
    for step in crate::guide::next_steps(pack, answers, date, &report) {
        let _ = writeln!(out, "   * {}", next_step_line(pack, step, lang));
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
