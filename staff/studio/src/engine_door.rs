//! The studio's one door to the engine: load and check the files (every problem at once, in the language
//! asked), the "to review" list, every case run, the pack files built, the comparison with the published
//! version, and the form edits written into the TOML (comments and layout kept). Everything runs in the
//! page; nothing leaves it.

use crate::workspace::{SourceFile, Workspace, find_include, find_translation};
use eligo_engine::cases::{Case, check_cases, parse_cases, run_case};
use eligo_engine::diff::PackDiff;
use eligo_engine::messages::{human_path, localize};
use eligo_engine::toml_source::{LoadedPack, load_pack_with_translations};
use eligo_engine::{Date, Pack, PackError};
use std::rc::Rc;

pub use eligo_engine::edit::NewValue;

/// A problem (or a thing to review) at a place of a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// File name (as in the workspace).
    pub file: String,
    /// Line, from 1 (1 when the engine gives none).
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// The engine's problem (its message is the message table's key: shown in the studio's language).
    error: PackError,
}

impl Problem {
    /// What is wrong, in `lang` (`fr`, `en`, `ar`).
    pub fn message(&self, lang: &str) -> String {
        localize(&self.error.message, lang)
    }

    /// Where in the pack, for people, in `lang` (`aide « rme », condition 2, champ when`), may be empty.
    pub fn field(&self, lang: &str) -> String {
        human_path(&self.error, lang)
    }
}

/// One case's run.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseRun {
    /// Name of the case.
    pub name: String,
    /// Line in the cases file.
    pub line: Option<usize>,
    /// What did not match (empty: passed), in English (the message table's key).
    pub failures: Vec<String>,
}

impl CaseRun {
    /// The failures in `lang`.
    pub fn failures(&self, lang: &str) -> Vec<String> {
        self.failures.iter().map(|f| localize(f, lang)).collect()
    }
}

/// The result of checking the files.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// The loaded pack (compiled, merged, located), when the files are valid.
    pub loaded: Option<Rc<LoadedPack>>,
    /// The compiled pack alone, shared with the preview (the app takes it as a city's pack).
    pub pack: Option<Rc<Pack>>,
    /// Every problem found (all at once where the files can still be read).
    pub problems: Vec<Problem>,
    /// What to review (warnings: they never make the pack invalid).
    pub review: Vec<Problem>,
    /// The cases, as read.
    pub case_list: Rc<Vec<Case>>,
    /// Every case, run on the pack.
    pub cases: Vec<CaseRun>,
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Loads, checks and compiles the files, lists what to review on `today`, then runs every case.
pub fn check(files: &[SourceFile], today: Date) -> Checked {
    let main = &files[Workspace::pack_index(files)];
    let mut read = |include: &str| {
        find_include(files, &main.name, include)
            .map(|f| (f.name.clone(), f.text.clone()))
            .ok_or_else(|| format!("cannot read {include}: no such file among those opened"))
    };
    // A language with no translation file among those opened is one the pack keeps inline.
    let mut read_translation = |path: &str| {
        find_translation(files, &main.name, path)
            .map(|f| (f.name.clone(), f.text.clone()))
            .ok_or_else(|| format!("{path}: no such file among those opened"))
    };
    let loaded =
        match load_pack_with_translations(&main.name, &main.text, &mut read, &mut read_translation)
        {
            Ok(loaded) => loaded,
            Err(errors) => {
                return Checked {
                    problems: errors
                        .0
                        .into_iter()
                        .map(|e| problem(&main.name, e))
                        .collect(),
                    ..Checked::default()
                };
            }
        };
    let mut checked = Checked {
        review: eligo_engine::review::to_review(&loaded, today)
            .into_iter()
            .map(|item| problem(&main.name, item.problem))
            .collect(),
        ..Checked::default()
    };
    if let Some(cases_file) = Workspace::cases_index(files).map(|i| &files[i]) {
        match parse_cases(&cases_file.name, &cases_file.text) {
            Err(errors) => checked
                .problems
                .extend(errors.0.into_iter().map(|e| problem(&cases_file.name, e))),
            Ok(cases) => {
                checked
                    .problems
                    .extend(
                        check_cases(&loaded.pack, &cases)
                            .into_iter()
                            .map(|message| {
                                problem(
                                    &cases_file.name,
                                    PackError::in_file(Some(&cases_file.name), None, None, message),
                                )
                            }),
                    );
                checked.cases = cases
                    .iter()
                    .map(|case| {
                        let outcome = run_case(&loaded.pack, case);
                        CaseRun {
                            name: outcome.name,
                            line: outcome.line,
                            failures: outcome.failures,
                        }
                    })
                    .collect();
                checked.case_list = Rc::new(cases);
            }
        }
    }
    in_reading_order(files, &mut checked.problems);
    in_reading_order(files, &mut checked.review);
    checked.pack = Some(Rc::new(loaded.pack.clone()));
    checked.loaded = Some(Rc::new(loaded));
    checked
}

/// Problems as the files are read: by file (in the order opened), line, column.
fn in_reading_order(files: &[SourceFile], problems: &mut [Problem]) {
    let position = |p: &Problem| {
        files
            .iter()
            .position(|f| f.name == p.file)
            .unwrap_or(usize::MAX)
    };
    problems.sort_by_key(|p| (position(p), p.line, p.column));
}

fn problem(default_file: &str, error: PackError) -> Problem {
    Problem {
        file: error
            .file
            .clone()
            .unwrap_or_else(|| default_file.to_string()),
        line: error.line.unwrap_or(1),
        column: error.column.unwrap_or(1) + error.expr_column.map_or(0, |c| c.saturating_sub(1)),
        error,
    }
}

/// The pack file `eligo-rules build` writes (every language: what a city publishes), and one per language
/// (what the app fetches for a built-in territory).
pub fn pack_files(pack: &Pack) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(format!("{}.pack", pack.id), pack.to_bytes())];
    for lang in &pack.languages {
        files.push((format!("{}-{lang}.pack", pack.id), pack.to_bytes_in(lang)));
    }
    files
}

/// What changed from the published version to the edited one (the edited version's cases run on both),
/// or `None` while either cannot be read.
pub fn changes(published: &Checked, edited: &Checked) -> Option<PackDiff> {
    let (old, new) = (published.loaded.as_deref()?, edited.loaded.as_deref()?);
    Some(eligo_engine::diff::diff(old, new, &edited.case_list))
}

/// The comparison's lines in `lang`.
pub fn change_lines(diff: &PackDiff, lang: &str) -> Vec<String> {
    diff.lines(lang)
}

/// Writes a new dated value of parameter `id` into `text`; the reason in `lang` when it cannot.
pub fn add_parameter_value(
    text: &str,
    id: &str,
    new: &NewValue,
    lang: &str,
) -> Result<String, String> {
    eligo_engine::edit::add_parameter_value(text, id, new).map_err(|e| e.message(lang))
}

/// A date typed as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse_iso(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 26).unwrap()
    }

    #[test]
    fn the_built_in_packs_check_clean_and_their_cases_pass() {
        for id in Workspace::built_in_ids() {
            let ws = Workspace::built_in(id).unwrap();
            let checked = check(&ws.files, today());
            assert_eq!(checked.problems, [], "{id}");
            assert!(checked.pack.is_some());
            assert!(!checked.cases.is_empty());
            for case in &checked.cases {
                assert_eq!(case.failures, Vec::<String>::new(), "{id}: {}", case.name);
            }
        }
    }

    #[test]
    fn a_mistake_is_located_in_french_and_a_new_value_flips_a_case() {
        let ws = Workspace::built_in("chenove").unwrap();
        let broken = ws.with_text(
            0,
            ws.files[0].text.replace("value = 420,", "value = \"x\","),
        );
        let checked = check(&broken.files, today());
        assert!(checked.pack.is_none());
        let located = checked
            .problems
            .iter()
            .find(|p| p.file == "chenove/pack.toml" && p.line > 1);
        assert!(located.is_some(), "{:?}", checked.problems);

        let value = NewValue {
            from: Date::new(2027, 9, 1).unwrap(),
            value: "450".into(),
            source: "Délibération du CCAS".into(),
            url: None,
            verified: today(),
            to_confirm: false,
        };
        let text =
            add_parameter_value(&ws.files[0].text, "rme_minimum_dijon", &value, "fr").unwrap();
        let edited = ws.with_text(0, text);
        let (before, after) = (check(&ws.files, today()), check(&edited.files, today()));
        let failed: Vec<&CaseRun> = after
            .cases
            .iter()
            .filter(|c| !c.failures.is_empty())
            .collect();
        assert_eq!(failed.len(), 1, "{failed:?}");
        assert!(failed[0].name.contains("octobre 2027"));
        let diff = changes(&before, &after).unwrap();
        assert!(diff.parameters.iter().any(|p| p.id == "rme_minimum_dijon"));
        assert!(diff.flipped.iter().any(|f| f.aid == "rme"));
        assert!(!change_lines(&diff, "fr").is_empty());
    }
}

/// `cases_text` with the answers given in the preview appended as a case (the engine's `edit::append_case`,
/// the rest of the file kept as written): its date, the answers, and what the engine says now for every aid
/// (verdict, amount), for the staff member to check and keep. The reason in `lang` when it cannot.
pub fn append_preview_case(
    cases_text: &str,
    pack: &Pack,
    given: &[eligo::rules::Given],
    date: Date,
    name: &str,
    lang: &str,
) -> Result<String, String> {
    use eligo::rules::RawInput;
    use eligo_engine::RawAnswer;
    let raw = given
        .iter()
        .filter_map(|g| {
            let answer = match &g.raw {
                RawInput::Text(t) => RawAnswer::Text(t.clone()),
                RawInput::YesNo(b) => RawAnswer::Bool(*b),
                RawInput::OneOf(o) if !o.is_empty() => RawAnswer::Text(o.clone()),
                RawInput::SeveralOf(list) => RawAnswer::List(list.clone()),
                RawInput::DontKnow => RawAnswer::Text("?".into()),
                _ => return None,
            };
            Some((g.question.clone(), answer))
        })
        .collect();
    let answers = eligo_engine::cases::typed_answers(pack, &raw, date).map_err(|problems| {
        problems
            .iter()
            .map(|p| localize(p, lang))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let report = eligo_engine::evaluate(pack, &answers, date);
    let expect: Vec<(&str, &str)> = report
        .aids
        .iter()
        .map(|a| (a.id.as_str(), a.verdict.name()))
        .collect();
    let amounts: Vec<(&str, eligo_engine::Decimal)> = report
        .aids
        .iter()
        .filter_map(|a| a.amount.as_ref().map(|m| (a.id.as_str(), m.value)))
        .collect();
    eligo_engine::edit::append_case(cases_text, name, date, &answers, &expect, &amounts)
        .map_err(|e| e.message(lang))
}

#[cfg(test)]
mod case_tests {
    use super::*;
    use eligo::rules::{Given, RawInput};

    #[test]
    fn answers_from_the_preview_make_a_case_that_passes() {
        let ws = Workspace::built_in("chenove").unwrap();
        let today = Date::new(2026, 10, 1).unwrap();
        let checked = check(&ws.files, today);
        let given = |q: &str, raw: RawInput| Given {
            question: q.into(),
            raw,
        };
        let answers = vec![
            given("commune", RawInput::OneOf("chenove".into())),
            given("age", RawInput::Text("20".into())),
            given("years_in_commune", RawInput::Text("3".into())),
            given("activity", RawInput::OneOf("student".into())),
            given("studies", RawInput::OneOf("higher".into())),
            given("has_bac", RawInput::YesNo(true)),
            given("study_zone", RawInput::OneOf("dijon".into())),
            given("student_resources", RawInput::Text("300,00".into())),
        ];
        let cases = Workspace::cases_index(&ws.files).unwrap();
        let pack = checked.pack.as_deref().unwrap();
        let text = append_preview_case(
            &ws.files[cases].text,
            pack,
            &answers,
            today,
            "Aperçu \"1\"",
            "fr",
        )
        .unwrap();
        assert!(
            text.starts_with(&ws.files[cases].text[..200]),
            "the file is kept as written"
        );
        assert!(text.contains("rme = \"to_confirm\""), "{text}");
        let with_case = ws.with_text(cases, text);
        let rechecked = check(&with_case.files, today);
        assert_eq!(rechecked.problems, []);
        let run = rechecked
            .cases
            .iter()
            .find(|c| c.name == "Aperçu \"1\"")
            .expect("the new case runs");
        assert_eq!(run.failures, Vec::<String>::new());
    }
}
