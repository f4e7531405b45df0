//! The studio's one door to the engine: load and check the files, run every case, build the pack files,
//! compare with the published version. Everything runs in the page; nothing leaves it.
//!
//! TODO(studio-engine): the engine's localized messages (fr/en/ar, with line, column and field), its
//! freshness warnings, `diff(old, new)` and the toml_edit edits come from the studio-engine branch; until it
//! is merged, messages are the engine's current ones (English) and the comparison below is the studio's
//! interim one (see `changes`).

use crate::workspace::{SourceFile, Workspace, find_include};
use eligo_engine::Pack;
use eligo_engine::cases::{Case, check_cases, parse_cases, run_case};
use eligo_engine::toml_source::load_pack_with;
use std::rc::Rc;

/// A problem at a place of a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// File name (as in the workspace).
    pub file: String,
    /// Line, from 1 (1 when the engine gives none).
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// Field path (`parameter[rme_minimum_dijon].values[2].from`), may be empty.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// One case's run.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseRun {
    /// Name of the case.
    pub name: String,
    /// Line in the cases file.
    pub line: Option<usize>,
    /// What did not match (empty: passed).
    pub failures: Vec<String>,
    /// Per aid: verdict and amount, as got (the board compares them).
    pub got: Vec<(String, String)>,
}

/// The result of checking the files.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    /// The compiled pack, when the files are valid.
    pub pack: Option<Rc<Pack>>,
    /// Every problem found (all at once where the files can still be read).
    pub problems: Vec<Problem>,
    /// Every case, run on the pack.
    pub cases: Vec<CaseRun>,
}

/// Loads, checks and compiles the files, then runs every case.
pub fn check(files: &[SourceFile]) -> Checked {
    let main = &files[Workspace::pack_index(files)];
    let mut read = |include: &str| {
        find_include(files, &main.name, include)
            .map(|f| (f.name.clone(), f.text.clone()))
            .ok_or_else(|| format!("{include}: no such file among those opened"))
    };
    let loaded = match load_pack_with(&main.name, &main.text, &mut read) {
        Ok(loaded) => loaded,
        Err(errors) => {
            return Checked {
                problems: errors.0.iter().map(|e| problem(&main.name, e)).collect(),
                ..Checked::default()
            };
        }
    };
    let pack = loaded.pack;
    let mut checked = Checked::default();
    if let Some(cases_file) = Workspace::cases_index(files).map(|i| &files[i]) {
        match parse_cases(&cases_file.name, &cases_file.text) {
            Err(errors) => checked
                .problems
                .extend(errors.0.iter().map(|e| problem(&cases_file.name, e))),
            Ok(cases) => {
                checked
                    .problems
                    .extend(
                        check_cases(&pack, &cases)
                            .into_iter()
                            .map(|message| Problem {
                                file: cases_file.name.clone(),
                                line: 1,
                                column: 1,
                                field: String::new(),
                                message,
                            }),
                    );
                checked.cases = run_cases(&pack, &cases);
            }
        }
    }
    checked.pack = Some(Rc::new(pack));
    checked
}

fn run_cases(pack: &Pack, cases: &[Case]) -> Vec<CaseRun> {
    cases
        .iter()
        .map(|case| {
            let outcome = run_case(pack, case);
            let got = outcome
                .report
                .map(|r| {
                    r.aids
                        .iter()
                        .map(|a| {
                            let amount = a
                                .amount
                                .as_ref()
                                .map(|m| format!(" {}", m.value))
                                .unwrap_or_default();
                            (a.id.clone(), format!("{}{amount}", a.verdict.name()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            CaseRun {
                name: outcome.name,
                line: outcome.line,
                failures: outcome.failures,
                got,
            }
        })
        .collect()
}

fn problem(default_file: &str, e: &eligo_engine::PackError) -> Problem {
    Problem {
        file: e.file.clone().unwrap_or_else(|| default_file.to_string()),
        line: e.line.unwrap_or(1),
        column: e.column.unwrap_or(1) + e.expr_column.map_or(0, |c| c.saturating_sub(1)),
        field: e.field_path(),
        message: e.message.clone(),
    }
}

/// The pack file `eligo-rules build` writes (every language), and one per language (what the app fetches).
pub fn pack_files(pack: &Pack) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(format!("{}.pack", pack.id), pack.to_bytes())];
    for lang in &pack.languages {
        files.push((format!("{}-{lang}.pack", pack.id), pack.to_bytes_in(lang)));
    }
    files
}

/// What changed between the published pack and the edited one, for the board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Aids whose rules or texts changed (id, name in French), added or removed.
    pub aids: Vec<String>,
    /// Parameters with values added or changed: (id, "value from date (source)").
    pub values: Vec<(String, String)>,
    /// Cases whose verdict or amount flips: (case, aid, before, after).
    pub flipped: Vec<(String, String, String, String)>,
}

/// Compares the published pack with the edited one, and the cases' results on each.
/// TODO(studio-engine): use the engine's `diff(old, new)` once merged; this interim comparison only looks at
/// the compiled aids and parameter values.
pub fn changes(before: &Checked, after: &Checked) -> Changes {
    let mut changes = Changes::default();
    if let (Some(old), Some(new)) = (&before.pack, &after.pack) {
        for aid in &new.aids {
            if old.aid(&aid.id) != Some(aid) {
                changes.aids.push(aid.id.clone());
            }
        }
        for aid in &old.aids {
            if new.aid(&aid.id).is_none() {
                changes.aids.push(aid.id.clone());
            }
        }
        for parameter in &new.parameters {
            let old_values = old
                .parameter(&parameter.id)
                .map(|p| p.values.as_slice())
                .unwrap_or_default();
            for value in &parameter.values {
                if !old_values.contains(value) {
                    changes.values.push((
                        parameter.id.clone(),
                        format!("{} · {} · {}", value.value.0, value.from, value.source),
                    ));
                }
            }
        }
    }
    for case in &after.cases {
        let Some(old) = before.cases.iter().find(|c| c.name == case.name) else {
            continue;
        };
        for (aid, got) in &case.got {
            if let Some((_, was)) = old.got.iter().find(|(a, _)| a == aid)
                && was != got
            {
                changes
                    .flipped
                    .push((case.name.clone(), aid.clone(), was.clone(), got.clone()));
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_packs_check_clean_and_their_cases_pass() {
        for id in Workspace::built_in_ids() {
            let ws = Workspace::built_in(id).unwrap();
            let checked = check(&ws.files);
            assert_eq!(checked.problems, [], "{id}");
            assert!(checked.pack.is_some());
            assert!(!checked.cases.is_empty());
            for case in &checked.cases {
                assert_eq!(case.failures, Vec::<String>::new(), "{id}: {}", case.name);
            }
        }
    }

    #[test]
    fn a_mistake_is_located_and_a_changed_value_flips_a_case() {
        let ws = Workspace::built_in("chenove").unwrap();
        let broken = ws.with_text(
            0,
            ws.files[0].text.replace("value = 420,", "value = \"x\","),
        );
        let checked = check(&broken.files);
        assert!(checked.pack.is_none());
        assert!(
            checked
                .problems
                .iter()
                .any(|p| p.file == "chenove/pack.toml" && p.line > 1),
            "{:?}",
            checked.problems
        );

        let cheaper = ws.with_text(0, ws.files[0].text.replace("value = 420,", "value = 400,"));
        let (before, after) = (check(&ws.files), check(&cheaper.files));
        let changes = changes(&before, &after);
        assert!(changes.aids.contains(&"rme".to_string()) || !changes.values.is_empty());
        assert!(
            changes
                .values
                .iter()
                .any(|(id, _)| id == "rme_minimum_dijon")
        );
        assert!(changes.flipped.iter().any(|(_, aid, _, _)| aid == "rme"));
        assert!(after.cases.iter().any(|c| !c.failures.is_empty()));
    }
}

/// A new dated value of a parameter, as the form gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewValue {
    pub parameter: String,
    pub value: String,
    pub from: String,
    pub source: String,
    pub verified: String,
    pub to_confirm: bool,
}

/// Writes a new dated value into the text of the file that defines the parameter, comments and layout kept.
/// TODO(studio-engine): the engine's toml_edit function; until it is merged, the form says it is not there yet.
pub fn add_parameter_value(_text: &str, _edit: &NewValue) -> Result<String, String> {
    Err(
        "this edit needs the engine's TOML editing (studio-engine branch, not merged yet)"
            .to_string(),
    )
}
