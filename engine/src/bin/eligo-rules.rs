//! `eligo-rules`: checks, tests, explains, builds and benchmarks rules packs, for CCAS staff.

use eligo_engine::cases::{AnswersFile, load_cases, run_case, typed_answers};
use eligo_engine::schema::{AmountKind, Period, QuestionKind};
use eligo_engine::toml_source::{LoadedPack, load_pack};
use eligo_engine::{
    Answer, Answers, ConfirmReason, CriterionState, Date, Decimal, Pack, RefusalReason, Verdict,
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
    println!(
        "{} case(s), {} passed, {failed} failed",
        cases.len(),
        cases.len() - failed
    );
    if cases.is_empty() {
        println!("warning: no [[case]] in {cases_name}");
    }
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

fn verdict_words(verdict: &Verdict, fr: bool) -> &'static str {
    match (verdict, fr) {
        (Verdict::Eligible, true) => "ÉLIGIBLE",
        (Verdict::Eligible, false) => "ELIGIBLE",
        (Verdict::ToConfirm { .. }, true) => "ÉLIGIBLE SOUS RÉSERVE (à confirmer par l'organisme)",
        (Verdict::ToConfirm { .. }, false) => "ELIGIBLE, TO BE CONFIRMED by the institution",
        (Verdict::Undetermined { .. }, true) => "INDÉTERMINÉ",
        (Verdict::Undetermined { .. }, false) => "UNDETERMINED",
        (Verdict::NotEligible { .. }, true) => "NON ÉLIGIBLE",
        (Verdict::NotEligible { .. }, false) => "NOT ELIGIBLE",
    }
}

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case).
fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
    let fr = lang == "fr";
    let report = evaluate(pack, answers, date);
    let question_label = |id: &str| {
        pack.question(id)
            .map_or(id.to_string(), |q| q.label.get(lang).to_string())
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
        let _ = writeln!(out, "   {}", verdict_words(&r.verdict, fr));
        for c in &r.criteria {
            let mark = match c.state {
                CriterionState::Met => "[x]",
                CriterionState::Failed => "[ ]",
                CriterionState::Unknown => "[?]",
            };
            let _ = write!(out, "   {mark} {}", c.label.get(lang));
            if !c.missing.is_empty() {
                let labels: Vec<String> = c.missing.iter().map(|q| question_label(q)).collect();
                let _ = write!(
                    out,
                    "  ({}: {})",
                    if fr { "à demander" } else { "ask" },
                    labels.join(" / ")
                );
            }
            out.push('\n');
        }
        match &r.verdict {
            Verdict::ToConfirm { reasons } => {
                for reason in reasons {
                    let line = match (reason, fr) {
                        (ConfirmReason::Checks, _) => aid
                            .checks
                            .iter()
                            .map(|c| c.get(lang))
                            .collect::<Vec<_>>()
                            .join(" "),
                        (ConfirmReason::Experimental, true) => "Aide expérimentale.".into(),
                        (ConfirmReason::Experimental, false) => "Experimental aid.".into(),
                        (ConfirmReason::OutsideWindow, true) => {
                            "Hors de la période de demande.".into()
                        }
                        (ConfirmReason::OutsideWindow, false) => {
                            "Outside the application period.".into()
                        }
                        (ConfirmReason::ParameterToConfirm(p), _) => {
                            let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                            format!(
                                "{}: {label}",
                                if fr {
                                    "Valeur à confirmer"
                                } else {
                                    "Value to be confirmed"
                                }
                            )
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
                    let what = if fr {
                        "Valeur inconnue, à vérifier avec le CCAS"
                    } else {
                        "Unknown value, check with the CCAS"
                    };
                    let _ = writeln!(out, "   ! {what}: {label}");
                }
                for q in dont_know {
                    let what = if fr {
                        "Réponse « je ne sais pas »"
                    } else {
                        "Answered \"I don't know\""
                    };
                    let _ = writeln!(out, "   ! {what}: {}", question_label(q));
                }
            }
            Verdict::NotEligible { reasons } => {
                for reason in reasons {
                    if let RefusalReason::Status(status) = reason {
                        let _ = writeln!(out, "   ! status: {status:?}");
                    }
                }
            }
            Verdict::Eligible => {}
        }
        if let Some(amount) = &r.amount {
            let period = match (amount.period, fr) {
                (Period::Once, true) => "une fois",
                (Period::Once, false) => "once",
                (Period::Month, true) => "par mois",
                (Period::Month, false) => "per month",
                (Period::Quarter, true) => "par trimestre",
                (Period::Quarter, false) => "per quarter",
                (Period::Year, true) => "par an",
                (Period::Year, false) => "per year",
            };
            let up_to = match (amount.kind, fr) {
                (AmountKind::UpTo, true) => "jusqu'à ",
                (AmountKind::UpTo, false) => "up to ",
                _ => "",
            };
            let _ = write!(out, "   = {up_to}{} € {period}", amount.value);
            if let Some(m) = amount.max_months {
                let _ = write!(
                    out,
                    ", {m} {}",
                    if fr { "mois maximum" } else { "months at most" }
                );
            }
            if amount.to_confirm {
                let _ = write!(
                    out,
                    " ({})",
                    if fr {
                        "à confirmer"
                    } else {
                        "to be confirmed"
                    }
                );
            }
            out.push('\n');
        }
        for advice in &r.advice {
            let _ = writeln!(out, "   > {}", advice.get(lang));
        }
        out.push('\n');
    }
    match &report.next_question {
        Some(q) => {
            let _ = writeln!(
                out,
                "{}: {} ({} {})",
                if fr {
                    "Question suivante"
                } else {
                    "Next question"
                },
                question_label(q),
                if fr { "au plus" } else { "at most" },
                report.questions_left
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                if fr {
                    "Plus aucune question utile."
                } else {
                    "No useful question left."
                }
            );
        }
    }
    out
}

fn build(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["-o"])?;
    let ([pack_path], Some(out)) = (a.positional.as_slice(), a.option("-o")) else {
        return Err(Failure::Usage(
            "build needs a pack file and -o <out.json>".into(),
        ));
    };
    let loaded = load(pack_path)?;
    let json = loaded.to_json();
    // The browser compiles the JSON with the same code: make sure it accepts it.
    if let Err(errors) = Pack::from_json(&json) {
        eprintln!("internal error: the built JSON does not compile:\n{errors}");
        return Err(Failure::Invalid);
    }
    std::fs::write(out, &json).map_err(|e| {
        eprintln!("{out}: cannot write: {e}");
        Failure::Invalid
    })?;
    println!("{out}: {} bytes", json.len());
    Ok(())
}

/// A small deterministic generator, so that runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// Random answers to a random subset of questions.
fn random_answers(pack: &Pack, rng: &mut Rng, today: Date) -> Answers {
    let mut answers = Answers::new();
    for q in &pack.questions {
        if rng.below(3) == 0 {
            continue;
        }
        let answer = if rng.below(10) == 0 {
            Answer::DontKnow
        } else {
            match q.kind {
                QuestionKind::YesNo => Answer::YesNo(rng.below(2) == 0),
                QuestionKind::Integer => Answer::Number(Decimal::from(rng.below(40))),
                QuestionKind::Money => Answer::Number(Decimal::new(
                    i64::try_from(rng.below(300_000)).unwrap_or(0),
                    2,
                )),
                QuestionKind::Date => Answer::Date(
                    Date::from_days_since_epoch(
                        today.days_since_epoch() - i64::try_from(rng.below(40_000)).unwrap_or(0),
                    )
                    .unwrap_or(today),
                ),
                QuestionKind::OneOf => {
                    let i = rng.below(q.options.len() as u64) as usize;
                    Answer::OneOf(q.options[i].id.clone())
                }
                QuestionKind::SeveralOf => Answer::SeveralOf(
                    q.options
                        .iter()
                        .filter(|_| rng.below(3) == 0)
                        .map(|o| o.id.clone())
                        .collect(),
                ),
            }
        };
        answers.set(q.id.clone(), answer);
    }
    answers
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
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
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
