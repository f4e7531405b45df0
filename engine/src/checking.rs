//! One full check of a pack's text as the studio shows it beside the editor (and `eligo-rules check`
//! prints it): every problem at once, then what to review, each with its file, line, column, field and
//! message in the asked language. Pure: the studio passes the texts and today's date.

use crate::date::Date;
use crate::errors::PackError;
use crate::review::{ReviewItem, to_review};
use crate::toml_source::{IncludeReader, LoadedPack, load_pack_with};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The pack cannot be built until it is fixed.
    Error,
    /// To review: the pack still builds.
    Warning,
}

/// A problem or a thing to review, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The file it is in (the pack's own or an include), as named by the caller.
    pub file: Option<String>,
    /// Line, from 1.
    pub line: Option<usize>,
    /// Column, from 1 (in characters).
    pub column: Option<usize>,
    /// Field path for people, in the asked language: `aide "rme", condition 2, champ when`.
    pub field: String,
    /// Compact field path: `aid[rme].criterion[2].when`.
    pub field_path: String,
    /// What is wrong, in the asked language.
    pub message: String,
    /// The whole line as the CLI prints it: `file:line:column: field: message`.
    pub text: String,
}

impl Finding {
    fn of(severity: Severity, e: &PackError, lang: &str) -> Finding {
        Finding {
            severity,
            file: e.file.clone(),
            line: e.line,
            column: e.column,
            field: crate::messages::human_path(e, lang),
            field_path: e.field_path(),
            message: crate::messages::localize(&e.message, lang),
            text: crate::messages::render(e, lang),
        }
    }

    fn of_review(item: &ReviewItem, lang: &str) -> Finding {
        let mut f = Finding::of(Severity::Warning, &item.problem, lang);
        f.text = item.render(lang);
        f
    }
}

/// The outcome of a check: the pack when it is valid, and every finding.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The loaded pack, when it has no error (warnings allowed).
    pub loaded: Option<LoadedPack>,
    /// Errors first (in the order found), then warnings.
    pub findings: Vec<Finding>,
}

impl Checked {
    /// Whether the pack is valid (it may still have warnings).
    pub fn is_valid(&self) -> bool {
        self.loaded.is_some()
    }

    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Checks the pack file `name` with text `text` (its includes through `read_include`) on `today`, with
/// messages in `lang` (`fr`, `en` or `ar`).
pub fn check_pack(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
    today: Date,
    lang: &str,
) -> Checked {
    match load_pack_with(name, text, read_include) {
        Ok(loaded) => {
            let findings = to_review(&loaded, today)
                .iter()
                .map(|item| Finding::of_review(item, lang))
                .collect();
            Checked {
                loaded: Some(loaded),
                findings,
            }
        }
        Err(errors) => Checked {
            loaded: None,
            findings: errors
                .0
                .iter()
                .map(|e| Finding::of(Severity::Error, e, lang))
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_mistakes_come_back_as_five_french_findings() {
        let text = include_str!("../tests/fixtures/five-mistakes.toml");
        let checked = check_pack(
            "five-mistakes.toml",
            text,
            &mut |_| Err("no include".into()),
            Date::new(2026, 11, 26).unwrap(),
            "fr",
        );
        assert!(!checked.is_valid());
        assert_eq!(checked.errors(), 5, "{:#?}", checked.findings);
        let mut lines: Vec<usize> = checked.findings.iter().filter_map(|f| f.line).collect();
        lines.sort();
        assert_eq!(lines, [28, 36, 46, 49, 50]);
        let when = checked
            .findings
            .iter()
            .find(|f| f.line == Some(49))
            .unwrap();
        assert_eq!(when.field, "aide \"help\", condition 1, champ when");
        assert_eq!(when.field_path, "aid[help].criterion[1].when");
        assert_eq!(
            when.message,
            "impossible de comparer un nombre avec une date"
        );
    }
}
