//! `explain`: each aid's verdict, with the reason for each condition, for an answers file.

use crate::args::{Failure, parse_args};
use eligo_engine::Date;
use eligo_engine::cases::{AnswersFile, typed_answers};
use eligo_engine::explain::explanation;

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
    let message_lang = match a.option("--lang") {
        Some(l) if crate::args::MESSAGE_LANGUAGES.contains(&l) => l,
        _ => "en",
    };
    let loaded = crate::args::load_in(pack_path, message_lang)?;
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
            eligo_engine::messages::render(
                &eligo_engine::toml_source::toml_error(answers_path, &text, &e),
                message_lang
            )
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
            eprintln!(
                "{answers_path}: {}",
                eligo_engine::messages::localize(&p, message_lang)
            );
        }
        Failure::Invalid
    })?;
    print!("{}", explanation(pack, &answers, date, &lang));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use eligo_engine::sentences::Msg;
    use eligo_engine::toml_source::load_pack;
    use eligo_engine::{Answers, Pack};
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
        // Seventeen: the youth aids open at eighteen, at the latest a year from now (the birthday is
        // not known).
        let raw: BTreeMap<String, eligo_engine::RawAnswer> = toml::from_str(
            "age = 17\ncommune = \"besancon\"\nactivity = \"other\"\nhousehold_size = 1\nmonthly_resources = 0\nreceives = [\"none\"]\nown_resources = false\nchildren_count = 0",
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
            // The form of a date holds only its placeholders.
            assert!(
                m == Msg::DateForm || ar.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
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
                .flat_map(|m| m.texts()[lang].split(['{', '}']))
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
            // Debug's `None` ends a field or a tuple; "None of these" is an answer in words.
            "None,",
            "None)",
            "None\n",
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
            Msg::YourAnswer,
            Msg::YourAnswers,
        ] {
            // The words before the first placeholder (the sentence's own, not the values filled in).
            let fixed = m.get("ar").split('{').next().unwrap_or("");
            assert!(ar.contains(fixed), "{m:?} not reached");
        }
        let en = samples("en").concat();
        assert!(en.contains(Msg::Ask.get("en")) && en.contains("months at most"));
    }
}
