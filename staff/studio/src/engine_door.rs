//! The studio's one door to the engine: load and check the files (every problem at once, in the language
//! asked), the "to review" list, every case run, the pack files built, the comparison with the published
//! version, and the form edits written into the TOML (comments and layout kept). Everything runs in the
//! page; nothing leaves it.

use crate::workspace::{SourceFile, Workspace, find_include, find_translation};
use eligo_engine::cases::{Case, check_cases, parse_cases, run_case};
use eligo_engine::diff::PackDiff;
use eligo_engine::messages::{human_path, localize};
use eligo_engine::toml_source::{LoadCache, LoadedPack, load_pack_cached};
use eligo_engine::{Date, Pack, PackError};
use std::cell::RefCell;
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

/// What a check keeps for the next one (the studio re-checks after each pause in typing, where one file
/// changed): each file as read, by name and content (the loader's [`LoadCache`]); the cases as read, by
/// the cases file's text; and the cases' runs with the pack they ran on, reused when the new compiled pack
/// is the same (an edit of a comment or of a staff-only date changes no verdict).
#[derive(Default)]
struct Cache {
    load: LoadCache,
    /// The cases file's name and text, and its cases as read.
    cases: Option<(String, String, CasesRead)>,
    /// The pack the cases ran on, the cases, and what [`run_cases`] said.
    runs: Option<(Pack, Rc<Vec<Case>>, CasesRun)>,
}

type CasesRead = Result<Rc<Vec<Case>>, Vec<PackError>>;
type CasesRun = (Vec<String>, Vec<CaseRun>);

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// The cases of `file` as read (kept while its text is the same).
fn read_cases(cache: &mut Cache, file: &SourceFile) -> CasesRead {
    if let Some((name, text, cases)) = &cache.cases
        && *name == file.name
        && *text == file.text
    {
        return cases.clone();
    }
    let cases = parse_cases(&file.name, &file.text)
        .map(Rc::new)
        .map_err(|e| e.0);
    cache.cases = Some((file.name.clone(), file.text.clone(), cases.clone()));
    cases
}

/// What is wrong with the cases for this pack (unknown aids, verdicts), and every case run on it.
fn run_cases(cache: &mut Cache, pack: &Pack, cases: &Rc<Vec<Case>>) -> CasesRun {
    if let Some((last, last_cases, run)) = &cache.runs
        && Rc::ptr_eq(last_cases, cases)
        && last == pack
    {
        return run.clone();
    }
    let problems = check_cases(pack, cases);
    let runs: Vec<CaseRun> = cases
        .iter()
        .map(|case| {
            let outcome = run_case(pack, case);
            CaseRun {
                name: outcome.name,
                line: outcome.line,
                failures: outcome.failures,
            }
        })
        .collect();
    cache.runs = Some((
        pack.clone(),
        cases.clone(),
        (problems.clone(), runs.clone()),
    ));
    (problems, runs)
}

/// Loads, checks and compiles the files, lists what to review on `today`, then runs every case.
pub fn check(files: &[SourceFile], today: Date) -> Checked {
    CACHE.with(|cache| check_with(&mut cache.borrow_mut(), files, today))
}

fn check_with(cache: &mut Cache, files: &[SourceFile], today: Date) -> Checked {
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
    let loaded = match load_pack_cached(
        &main.name,
        &main.text,
        &mut read,
        &mut read_translation,
        &mut cache.load,
    ) {
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
        match read_cases(cache, cases_file) {
            Err(errors) => checked
                .problems
                .extend(errors.into_iter().map(|e| problem(&cases_file.name, e))),
            Ok(cases) => {
                let (problems, runs) = run_cases(cache, &loaded.pack, &cases);
                checked.problems.extend(problems.into_iter().map(|message| {
                    problem(
                        &cases_file.name,
                        PackError::in_file(Some(&cases_file.name), None, None, message),
                    )
                }));
                checked.cases = runs;
                checked.case_list = cases;
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

use eligo_engine::edit::EditError;
pub use eligo_engine::edit::{AID_STATUSES, AidText, DocumentEdit, PlaceField};

/// Whether a file is a pack file (not the cases, not a translation file): where the forms write.
pub fn is_pack_file(file: &SourceFile) -> bool {
    !file.name.ends_with("cases.toml") && !file.name.contains("lang/")
}

/// Makes `edit` in the pack file that has the item it is about (the first whose edit does not say "not
/// found"): that file's index and new text, or why not in `lang`.
pub fn edit_item(
    files: &[SourceFile],
    edit: impl Fn(&str) -> Result<String, EditError>,
    lang: &str,
) -> Result<(usize, String), String> {
    let mut not_found = None;
    for (index, file) in files.iter().enumerate().filter(|(_, f)| is_pack_file(f)) {
        match edit(&file.text) {
            Ok(text) => return Ok((index, text)),
            Err(e @ EditError::NotFound { .. }) => not_found = Some(e),
            Err(e) => return Err(e.message(lang)),
        }
    }
    Err(not_found.map_or_else(String::new, |e| e.message(lang)))
}

/// The translation files beside file `index` (`<folder>/lang/*.toml`, the ones the engine reads for it)
/// after `edit`: those it changed, with their new text, or why not in `lang` (naming the file).
pub fn edit_translations(
    files: &[SourceFile],
    index: usize,
    edit: &dyn Fn(&str) -> Result<String, EditError>,
    lang: &str,
) -> Result<Vec<(usize, String)>, String> {
    let folder = files[index]
        .name
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let prefix = if folder.is_empty() {
        "lang/".to_string()
    } else {
        format!("{folder}/lang/")
    };
    let beside = |f: &SourceFile| {
        f.name
            .strip_prefix(&prefix)
            .is_some_and(|name| !name.contains('/') && name.ends_with(".toml"))
    };
    files
        .iter()
        .enumerate()
        .filter(|(_, f)| beside(f))
        .filter_map(|(i, f)| match edit(&f.text) {
            Ok(text) if text == f.text => None,
            Ok(text) => Some(Ok((i, text))),
            Err(e) => Some(Err(format!("{}: {}", f.name, e.message(lang)))),
        })
        .collect()
}

/// Why opening hours (OpenStreetMap syntax) cannot be read, in `lang`; `None` when they can (or are empty).
pub fn hours_problem(hours: &str, lang: &str) -> Option<String> {
    if hours.trim().is_empty() {
        return None;
    }
    eligo_engine::edit::check_opening_hours(hours)
        .err()
        .map(|e| e.message(lang))
}

/// The pack's languages written in the pack files themselves (those without a translation file among the
/// files opened): the ones the forms edit.
pub fn inline_languages(files: &[SourceFile], languages: &[String]) -> Vec<String> {
    languages
        .iter()
        .filter(|code| {
            let file = format!("lang/{code}.toml");
            !files.iter().any(|f| f.name.ends_with(&file))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn the_forms_write_where_the_item_is_and_say_why_not() {
        let ws = Workspace::built_in("chenove").unwrap();
        let (index, text) = edit_item(
            &ws.files,
            |t| {
                eligo_engine::edit::set_place_field(
                    t,
                    "ccas_chenove",
                    PlaceField::OpeningHours,
                    Some("Mo-Fr 08:30-12:00"),
                )
            },
            "fr",
        )
        .unwrap();
        assert_eq!(ws.files[index].name, "chenove/pack.toml");
        let edited = ws.with_text(index, text);
        let checked = check(&edited.files, Date::new(2026, 11, 26).unwrap());
        assert_eq!(checked.problems, []);
        let hours_wrong = edit_item(
            &ws.files,
            |t| {
                eligo_engine::edit::set_place_field(
                    t,
                    "ccas_chenove",
                    PlaceField::OpeningHours,
                    Some("lundi 9h"),
                )
            },
            "fr",
        )
        .unwrap_err();
        assert!(
            hours_wrong.starts_with("valeur invalide : horaires illisibles"),
            "{hours_wrong}"
        );
        assert_eq!(hours_problem("Mo-Fr 08:30-12:00", "fr"), None);
        assert!(hours_problem("Mo-Fr 8h", "ar").is_some());
        let missing = edit_item(
            &ws.files,
            |t| eligo_engine::edit::set_aid_status(t, "nope", "closed"),
            "fr",
        )
        .unwrap_err();
        assert_eq!(missing, "pas d'aide « nope » dans ce fichier");
        let pack = checked.pack.unwrap();
        assert_eq!(
            inline_languages(&ws.files, &pack.languages),
            ["fr", "en", "ar"]
        );
    }

    /// Papers reordered and one removed in the aid form: each translation file beside the pack follows, so
    /// every language still shows each paper's own text (they are kept by position).
    #[test]
    fn translated_papers_follow_a_reorder_made_in_the_form() {
        let ws = Workspace::built_in("chenove").unwrap();
        let today = Date::new(2026, 11, 26).unwrap();
        let before = check(&ws.files, today).pack.unwrap();
        let papers = |pack: &eligo_engine::Pack, lang: &str| -> Vec<String> {
            pack.aid("rme")
                .unwrap()
                .documents
                .iter()
                .map(|d| d.paper.get(lang).to_string())
                .collect()
        };
        let rme = before.aid("rme").unwrap();
        let count = rme.documents.len();
        assert!(count >= 3);
        // The last paper first, the first one removed, the others in order.
        let mut was: Vec<Option<usize>> = vec![Some(count - 1)];
        was.extend((1..count - 1).map(Some));
        let documents: Vec<DocumentEdit> = was
            .iter()
            .map(|w| {
                let d = &rme.documents[w.unwrap()];
                DocumentEdit {
                    was: *w,
                    paper: vec![
                        ("fr".into(), d.paper.get("fr").into()),
                        ("en".into(), d.paper.get("en").into()),
                        ("ar".into(), d.paper.get("ar").into()),
                    ],
                    where_to_get: ["fr", "en", "ar"]
                        .iter()
                        .map(|l| {
                            (
                                l.to_string(),
                                d.where_to_get
                                    .as_ref()
                                    .map_or(String::new(), |w| w.get(l).to_string()),
                            )
                        })
                        .collect(),
                    place: d.place.clone(),
                    to_confirm: d.to_confirm,
                }
            })
            .collect();
        let (index, text) = edit_item(
            &ws.files,
            |t| eligo_engine::edit::set_aid_documents(t, "rme", &documents),
            "fr",
        )
        .unwrap();
        let renumber = |t: &str| eligo_engine::edit::renumber_document_translations(t, "rme", &was);
        let translated = edit_translations(&ws.files, index, &renumber, "fr").unwrap();
        let names: Vec<&str> = translated
            .iter()
            .map(|(i, _)| ws.files[*i].name.as_str())
            .collect();
        assert!(names.contains(&"chenove/lang/tr.toml"), "{names:?}");
        assert!(
            names.iter().all(|n| n.starts_with("chenove/lang/")),
            "only the pack's own translations: {names:?}"
        );
        let mut edited = ws.with_text(index, text);
        for (i, t) in translated {
            edited = edited.with_text(i, t);
        }
        let after = check(&edited.files, today);
        assert_eq!(after.problems, []);
        let after = after.pack.unwrap();
        for lang in ["fr", "tr", "uk", "fa-AF"] {
            let old = papers(&before, lang);
            let expected: Vec<String> = was.iter().map(|w| old[w.unwrap()].clone()).collect();
            assert_eq!(papers(&after, lang), expected, "{lang}");
        }
    }
}
