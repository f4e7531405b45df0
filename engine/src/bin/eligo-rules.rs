//! `eligo-rules`: checks, tests, explains, builds and benchmarks rules packs, for CCAS staff.

use eligo_engine::cases::{AnswersFile, check_cases, load_cases, run_case, typed_answers};
use eligo_engine::sample::{SampleRng, random_answers};
use eligo_engine::schema::{AidStatus, AmountKind, Period};
use eligo_engine::toml_source::{LoadedPack, load_pack};
use eligo_engine::{
    Answer, Answers, ConfirmReason, CriterionStatus, Date, Decimal, Pack, RefusalReason, Verdict,
    evaluate,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "eligo-rules: check and test Eligo rules packs

usage:
  eligo-rules check <pack.toml>                 check a pack (exit 0 valid, 1 invalid)
  eligo-rules test <pack.toml> [cases.toml]     run the pack's test cases (default: cases.toml beside it)
  eligo-rules explain <pack.toml> <answers.toml> [--lang fr|en|ar] [--date YYYY-MM-DD]
                                                verdict and explanation of each aid for some answers
  eligo-rules build <pack.toml> -o <out.json>   write the merged pack as JSON for the app
  eligo-rules bench <pack.toml> [--runs N]      time a full evaluation over random answers";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("explain") => explain(&args[1..]),
        Some("build") => build(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(Failure::Usage(String::new())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            if !message.is_empty() {
                eprintln!("error: {message}\n");
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    /// The pack, cases or answers are wrong (exit 1).
    Invalid,
    /// The command line is wrong (exit 2).
    Usage(String),
}

/// Positional arguments and `--name value` options.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

fn parse_args(args: &[String], known: &[&str]) -> Result<Args, Failure> {
    let mut out = Args {
        positional: Vec::new(),
        options: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg.starts_with('-') && arg.len() > 1 {
            if !known.contains(&arg.as_str()) {
                return Err(Failure::Usage(format!("unknown option {arg}")));
            }
            let value = it
                .next()
                .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
            out.options.push((arg.clone(), value.clone()));
        } else {
            out.positional.push(arg.clone());
        }
    }
    Ok(out)
}

impl Args {
    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn load(path: &str) -> Result<LoadedPack, Failure> {
    load_pack(Path::new(path)).map_err(|errors| {
        for e in &errors.0 {
            eprintln!("{e}");
        }
        eprintln!("{} problem(s) found in {path}", errors.0.len());
        Failure::Invalid
    })
}

fn check(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &[])?;
    let [path] = a.positional.as_slice() else {
        return Err(Failure::Usage("check needs one pack file".into()));
    };
    let loaded = load(path)?;
    let p = &loaded.pack;
    println!(
        "{path}: valid pack \"{}\" ({}): {} aids, {} questions, {} derived values, {} parameters, languages {}",
        p.id,
        p.version,
        p.aids.len(),
        p.questions.len(),
        p.derived.len(),
        p.parameters.len(),
        p.languages.join(", ")
    );
    Ok(())
}

fn test(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &[])?;
    let (pack_path, cases_path) = match a.positional.as_slice() {
        [pack] => (pack.clone(), Path::new(pack).with_file_name("cases.toml")),
        [pack, cases] => (pack.clone(), PathBuf::from(cases)),
        _ => {
            return Err(Failure::Usage(
                "test needs a pack file and optionally a cases file".into(),
            ));
        }
    };
    let loaded = load(&pack_path)?;
    let cases = load_cases(&cases_path).map_err(|errors| {
        eprintln!("{errors}");
        Failure::Invalid
    })?;
    let cases_name = cases_path.display();
    // Expectations on an aid the pack does not have are mistakes in the file, never skipped.
    let problems = check_cases(&loaded.pack, &cases);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{cases_name}: {p}");
        }
        eprintln!("{} problem(s) found in {cases_name}", problems.len());
        return Err(Failure::Invalid);
    }
    let mut failed = 0;
    for case in &cases {
        let outcome = run_case(&loaded.pack, case);
        let at = outcome
            .line
            .map(|l| format!("{cases_name}:{l}: "))
            .unwrap_or_default();
        if outcome.failures.is_empty() {
            println!("ok    {}", outcome.name);
        } else {
            failed += 1;
            println!("FAIL  {}", outcome.name);
            for f in &outcome.failures {
                println!("      {at}{f}");
            }
        }
    }
    // The full path: a run on a stale copy of the repository shows where it read its cases.
    let full = std::fs::canonicalize(&cases_path).unwrap_or_else(|_| cases_path.clone());
    println!(
        "{} case(s) run from {} (pack \"{}\" version {}): {} passed, {failed} failed",
        cases.len(),
        full.display(),
        loaded.pack.id,
        loaded.pack.version,
        cases.len() - failed
    );
    if failed > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
        .or_else(|| Date::new(2026, 1, 1))
        .unwrap_or_else(|| unreachable!("a fixed valid date"))
}

fn explain(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--lang", "--date"])?;
    let [pack_path, answers_path] = a.positional.as_slice() else {
        return Err(Failure::Usage(
            "explain needs a pack file and an answers file".into(),
        ));
    };
    let loaded = load(pack_path)?;
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
    NotNeeded,
    From,
    AtTheLatest,
    WouldQualifyIf,
    Yes,
    No,
}

impl Msg {
    #[cfg(test)]
    const ALL: [Msg; 30] = [
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
        Msg::NotNeeded,
        Msg::From,
        Msg::AtTheLatest,
        Msg::WouldQualifyIf,
        Msg::Yes,
        Msg::No,
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
            Msg::NotNeeded => ["pas nécessaire", "not needed", "غير ضروري"],
            Msg::From => ["Possible à partir du", "Possible from", "ممكن ابتداءً من"],
            Msg::AtTheLatest => ["au plus tard", "at the latest", "على أبعد تقدير"],
            Msg::WouldQualifyIf => [
                "Vous y auriez droit si",
                "You would qualify if",
                "ستكون مؤهَّلًا إذا",
            ],
            Msg::Yes => ["oui", "yes", "نعم"],
            Msg::No => ["non", "no", "لا"],
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

/// The label of option `option` of question `question` in `lang`.
fn option_label(pack: &Pack, question: &str, option: &str, lang: &str) -> String {
    pack.question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map_or(option.to_string(), |o| o.label.get(lang).to_string())
}

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case), every
/// line in `lang`: the checker's words from [`Msg`], the pack's texts in that language.
fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
    let report = evaluate(pack, answers, date);
    let outlook = eligo_engine::outlook(pack, answers, date, &report);
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
            let _ = write!(out, "   {mark} {}", c.label.get(lang));
            if detail.status == CriterionStatus::NotNeeded {
                let _ = write!(out, " ({})", Msg::NotNeeded.get(lang));
            }
            if !c.missing.is_empty() && detail.status != CriterionStatus::NotNeeded {
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
        if let Some(from) = &o.from {
            let _ = write!(out, "   -> {} {}", Msg::From.get(lang), from.date);
            if from.at_the_latest {
                let _ = write!(out, " ({})", Msg::AtTheLatest.get(lang));
            }
            out.push('\n');
        }
        for w in &o.would_qualify_if {
            let answer = match &w.answer {
                Answer::YesNo(b) => if *b { Msg::Yes } else { Msg::No }.get(lang).to_string(),
                Answer::Number(n) => money(*n, lang),
                Answer::OneOf(o) => option_label(pack, &w.question, o, lang),
                Answer::SeveralOf(os) => (os.iter())
                    .map(|o| option_label(pack, &w.question, o, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                Answer::Date(d) => d.to_string(),
                Answer::DontKnow => String::new(),
            };
            let _ = writeln!(
                out,
                "   -> {}: {} {answer}",
                Msg::WouldQualifyIf.get(lang),
                question_label(&w.question)
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

fn build(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["-o"])?;
    let ([pack_path], Some(out)) = (a.positional.as_slice(), a.option("-o")) else {
        return Err(Failure::Usage(
            "build needs a pack file and -o <out.pack> (or <out.json>)".into(),
        ));
    };
    let loaded = load(pack_path)?;
    // `.json`: the merged pack as text, for reading or comparing; anything else: the binary form
    // the app reads.
    let bytes = if out.ends_with(".json") {
        let json = loaded.to_json();
        if let Err(errors) = Pack::from_json(&json) {
            eprintln!("internal error: the built JSON does not compile:\n{errors}");
            return Err(Failure::Invalid);
        }
        json.into_bytes()
    } else {
        let bytes = loaded.pack.to_bytes();
        // The app reads it with the same code: make sure it accepts it, equal to the pack.
        if Pack::from_bytes(&bytes).as_ref() != Ok(&loaded.pack) {
            eprintln!("internal error: the built pack does not read back equal");
            return Err(Failure::Invalid);
        }
        bytes
    };
    std::fs::write(out, &bytes).map_err(|e| {
        eprintln!("{out}: cannot write: {e}");
        Failure::Invalid
    })?;
    println!("{out}: {} bytes", bytes.len());
    Ok(())
}

fn bench(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--runs"])?;
    let [pack_path] = a.positional.as_slice() else {
        return Err(Failure::Usage("bench needs a pack file".into()));
    };
    let runs: usize = match a.option("--runs") {
        Some(n) => n
            .parse()
            .map_err(|_| Failure::Usage(format!("--runs {n}: expected a number")))?,
        None => 20_000,
    };
    let loaded = load(pack_path)?;
    let pack = &loaded.pack;
    let today = Date::new(2026, 10, 1).unwrap_or_else(|| unreachable!("a fixed valid date"));
    let mut rng = SampleRng::new(0x9E37_79B9_7F4A_7C15);
    let sets: Vec<Answers> = (0..runs.clamp(1, 1_000))
        .map(|_| random_answers(pack, &mut rng, today))
        .collect();
    let mut times = Vec::with_capacity(runs);
    let mut decided = 0usize;
    for i in 0..runs.max(1) {
        let answers = &sets[i % sets.len()];
        let start = std::time::Instant::now();
        let report = std::hint::black_box(evaluate(pack, std::hint::black_box(answers), today));
        times.push(start.elapsed().as_nanos());
        decided += report
            .aids
            .iter()
            .filter(|r| !r.verdict.is_undetermined())
            .count();
    }
    times.sort_unstable();
    let median = times[times.len() / 2] as f64 / 1000.0;
    let p95 = times[times.len() * 95 / 100] as f64 / 1000.0;
    println!(
        "{}: {} aids, {} questions, {} runs: median {median:.1} µs, p95 {p95:.1} µs per full evaluation ({} decided verdicts)",
        pack.id,
        pack.aids.len(),
        pack.questions.len(),
        times.len(),
        decided
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use eligo_engine::cases::typed_answers;
    use std::collections::BTreeMap;

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
            Msg::NotNeeded,
            Msg::From,
            Msg::AtTheLatest,
            Msg::WouldQualifyIf,
        ] {
            assert!(ar.contains(m.get("ar")), "{m:?} not reached");
        }
        let en = samples("en").concat();
        assert!(en.contains(Msg::Ask.get("en")) && en.contains("months at most"));
    }
}
