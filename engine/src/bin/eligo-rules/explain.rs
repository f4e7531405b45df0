//! `explain`: each aid's verdict, with the reason for each condition, for an answers file.

use crate::args::{Failure, parse_args};
use eligo_engine::cases::{AnswersFile, typed_answers};
use eligo_engine::schema::{AidStatus, AmountKind, Period};
use eligo_engine::{
    Answers, ConfirmReason, CriterionState, Date, Decimal, Pack, RefusalReason, Verdict, evaluate,
};

fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
        .or_else(|| Date::new(2026, 1, 1))
        .unwrap_or_else(|| unreachable!("a fixed valid date"))
}

/// `explain <pack.toml> <answers.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--lang", "--date"])?;
    let [pack_path, answers_path] = a.positional.as_slice() else {
        return Err(Failure::Usage(
            "explain needs a pack file and an answers file".into(),
        ));
    };
    let loaded = crate::args::load(pack_path)?;
    let pack = &loaded.pack;
    let lang = a.option("--lang").unwrap_or(&pack.languages[0]).to_string();
    if !pack.languages.contains(&lang) {
        return Err(Failure::Usage(format!(
            "language {lang} is not in the pack ({})",
            pack.languages.join(", ")
        )));
    }
    let text = std::fs::read_to_string(answers_path).map_err(|e| {
        eprintln!("{answers_path}: cannot read the file: {e}");
        Failure::Invalid
    })?;
    let file: AnswersFile = toml::from_str(&text).map_err(|e| {
        eprintln!(
            "{}",
            eligo_engine::toml_source::toml_error(answers_path, &text, &e)
        );
        Failure::Invalid
    })?;
    let date = match a.option("--date") {
        Some(d) => Date::parse(d)
            .ok_or_else(|| Failure::Usage(format!("--date {d}: expected YYYY-MM-DD")))?,
        None => file.date.unwrap_or_else(today),
    };
    let answers = typed_answers(pack, &file.answers, date).map_err(|problems| {
        for p in problems {
            eprintln!("{answers_path}: {p}");
        }
        Failure::Invalid
    })?;
    print!("{}", explanation(pack, &answers, date, &lang));
    Ok(())
}

/// The checker's own words in each language it speaks (pack texts come from the pack).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Msg {
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
}

impl Msg {
    #[cfg(test)]
    const ALL: [Msg; 24] = [
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
    ];

    /// The text in `lang` (`fr`, `en` or `ar`; any other language gets English). `{n}` is a
    /// number filled in by [`Msg::with`].
    fn get(self, lang: &str) -> &'static str {
        let [fr, en, ar] = self.texts();
        match lang {
            "fr" => fr,
            "ar" => ar,
            _ => en,
        }
    }

    #[cfg(test)]
    fn get_all(self) -> [&'static str; 3] {
        self.texts()
    }

    fn with(self, lang: &str, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }

    fn texts(self) -> [&'static str; 3] {
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
                "Aide expérimentale : vérifier qu'elle existe toujours.",
                "This aid is experimental: check that it is still running.",
                "مساعدة تجريبية: تأكد أنها ما زالت قائمة.",
            ],
            Msg::OutsideWindow => [
                "Hors de la période de demande.",
                "Outside the application period.",
                "خارج فترة تقديم الطلبات.",
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
                "Aide à l'étude : on ne peut pas encore la demander.",
                "This aid is under study: it cannot be applied for yet.",
                "هذه المساعدة قيد الدراسة: لا يمكن طلبها بعد.",
            ],
            Msg::Closed => [
                "Aide fermée pour le moment.",
                "This aid is closed for now.",
                "هذه المساعدة مغلقة حاليًا.",
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
        }
    }
}

fn verdict_msg(verdict: &Verdict) -> Msg {
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

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case), every
/// line in `lang`: the checker's words from [`Msg`], the pack's texts in that language.
fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
    let report = evaluate(pack, answers, date);
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
    for (aid, r) in pack.aids.iter().zip(&report.aids) {
        let _ = writeln!(out, "== {} [{}]", aid.name.get(lang), aid.id);
        let _ = writeln!(out, "   {}", verdict_msg(&r.verdict).get(lang));
        for c in &r.criteria {
            let mark = match c.state {
                CriterionState::Met => "[x]",
                CriterionState::Failed => "[ ]",
                CriterionState::Unknown => "[?]",
            };
            let _ = write!(out, "   {mark} {}", c.label.get(lang));
            if !c.missing.is_empty() {
                let _ = write!(out, "  ({}: {})", Msg::Ask.get(lang), questions(&c.missing));
            }
            out.push('\n');
        }
        match &r.verdict {
            Verdict::ToConfirm { reasons } => {
                for reason in reasons {
                    let line = match reason {
                        ConfirmReason::Checks => aid
                            .checks
                            .iter()
                            .map(|c| c.get(lang))
                            .collect::<Vec<_>>()
                            .join(" "),
                        ConfirmReason::Experimental => Msg::Experimental.get(lang).into(),
                        ConfirmReason::OutsideWindow => Msg::OutsideWindow.get(lang).into(),
                        ConfirmReason::ParameterToConfirm(p) => {
                            let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                            format!("{}: {label}", Msg::ValueToConfirm.get(lang))
                        }
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
                    let _ = writeln!(
                        out,
                        "   ! {}: {}",
                        Msg::DontKnow.get(lang),
                        question_label(q)
                    );
                }
            }
            Verdict::NotEligible { reasons } => {
                for reason in reasons {
                    if let RefusalReason::Status(status) = reason {
                        let msg = match status {
                            AidStatus::Closed => Msg::Closed,
                            // Only these two refuse by status.
                            _ => Msg::UnderStudy,
                        };
                        let _ = writeln!(out, "   ! {}", msg.get(lang));
                    }
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
        out.push('\n');
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use eligo_engine::toml_source::load_pack;
    use std::collections::BTreeMap;
    use std::path::Path;

    fn pack(path: &str) -> Pack {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        load_pack(&root.join(path))
            .unwrap_or_else(|e| panic!("{e}"))
            .pack
    }

    fn answers_file(path: &str) -> AnswersFile {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        toml::from_str(&std::fs::read_to_string(root.join(path)).unwrap()).unwrap()
    }

    /// Explanations covering every verdict and reason: the Chenôve student (in and out of the
    /// application window), Besançon (an experimental aid) and the demo fixture (a closed aid,
    /// amounts with a maximum duration, "I don't know").
    fn samples(lang: &str) -> Vec<String> {
        let chenove = pack("../packs/chenove/pack.toml");
        let student = answers_file("../packs/chenove/examples/student-20.toml");
        let date = student.date.unwrap();
        let a = typed_answers(&chenove, &student.answers, date).unwrap();
        let mut out = vec![
            explanation(&chenove, &a, date, lang),
            explanation(&chenove, &a, Date::parse("2026-03-15").unwrap(), lang),
            explanation(&chenove, &Answers::new(), date, lang),
        ];
        let besancon = pack("../packs/besancon/pack.toml");
        let raw: BTreeMap<String, eligo_engine::RawAnswer> = toml::from_str(
            "age = 20\ncommune = \"besancon\"\nactivity = \"other\"\nhousehold_size = 1\nmonthly_resources = \"?\"\nreceives = [\"none\"]\nown_resources = false\nchildren_count = 0",
        )
        .unwrap();
        let a = typed_answers(&besancon, &raw, date).unwrap();
        out.push(explanation(&besancon, &a, date, lang));
        let demo = pack("tests/fixtures/demo/pack.toml");
        let raw: BTreeMap<String, eligo_engine::RawAnswer> = toml::from_str(
            "age = 20\nbirth_date = 2005-01-01\nhousehold_size = 3\nmonthly_resources = 1200\nactivity = \"student\"\nstudies = \"higher\"\nhas_bac = \"?\"",
        )
        .unwrap();
        let a = typed_answers(&demo, &raw, date).unwrap();
        out.push(explanation(&demo, &a, date, lang));
        out
    }

    #[test]
    fn every_message_exists_in_each_language() {
        for m in Msg::ALL {
            let [fr, en, ar] = m.texts();
            assert!(!fr.is_empty() && !en.is_empty() && !ar.is_empty(), "{m:?}");
            assert!(
                ar.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "{m:?}: Arabic text without Arabic letters"
            );
        }
    }

    /// Under `--lang en` and `--lang ar`, no line holds the checker's French words (nor, in
    /// Arabic, its English ones), and nothing looks like Rust debug output.
    #[test]
    fn explain_speaks_only_the_chosen_language() {
        let words = |lang: usize| -> Vec<&'static str> {
            Msg::ALL
                .iter()
                .flat_map(|m| m.get_all()[lang].split("{n}"))
                .map(str::trim)
                .filter(|w| w.chars().count() >= 3)
                .collect()
        };
        let debug = [
            "UnderStudy",
            "Closed",
            "Experimental",
            "ToConfirm",
            "NotEligible",
            "Undetermined",
            "OutsideWindow",
            "ParameterToConfirm",
            "Status(",
            "Criterion(",
            "Some(",
            "None",
            "status:",
            "{",
            "}",
            "[\"",
            "\\\"",
        ];
        for (lang, foreign) in [("en", vec![0]), ("ar", vec![0, 1])] {
            let forbidden: Vec<&str> = foreign.iter().flat_map(|&i| words(i)).collect();
            for text in samples(lang) {
                for line in text.lines() {
                    for w in &forbidden {
                        assert!(!line.contains(w), "--lang {lang}: {w:?} in {line:?}");
                    }
                    for d in debug {
                        assert!(!line.contains(d), "--lang {lang}: {d:?} in {line:?}");
                    }
                }
            }
        }
        // The samples do reach the localised reasons.
        let ar = samples("ar").concat();
        for m in [
            Msg::Experimental,
            Msg::OutsideWindow,
            Msg::UnderStudy,
            Msg::Closed,
            Msg::UnknownValue,
            Msg::DontKnow,
        ] {
            assert!(ar.contains(m.get("ar")), "{m:?} not reached");
        }
        let en = samples("en").concat();
        assert!(en.contains(Msg::Ask.get("en")) && en.contains("months at most"));
    }
}
