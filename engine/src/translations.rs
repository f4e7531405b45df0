//! Translations kept beside a pack, one file per language: `lang/<code>.toml` next to each pack file
//! (`packs/chenove/lang/tr.toml` for `packs/chenove/pack.toml`, `packs/common/lang/tr.toml` for the
//! shared files). Each line gives one text by its path — `aid.rme.name = "…"`, `question.study_zone.
//! options.dijon.label = "…"` — where an item of a list is named by its `id` (or its position from 0 when
//! it has none). The loader puts them into the pack's texts before compiling, so the pack carries every
//! declared language; the reference language (the first declared) stays inline in the pack file.
//!
//! Why files of their own: the reference texts change often (CCAS staff edit them), and a translator works on
//! one language at a time; a missing, stray or wrongly filled text is reported with its file and line.

use crate::errors::{PackError, PathSegment};
use crate::toml_spans::{line_column, span_of, toml_error};
use std::collections::{BTreeMap, BTreeSet};
use toml::de::{DeTable, DeValue};

/// One language's translation file: its texts by path, with the line each is on.
#[derive(Clone, Debug)]
pub struct LangFile {
    /// Display name (`packs/chenove/lang/tr.toml`).
    pub name: String,
    /// Language code.
    pub lang: String,
    /// Text by path, and its line.
    pub texts: BTreeMap<String, (String, usize)>,
    /// Whether a native speaker reviewed these texts: `[review] status` ("to be reviewed" until one has;
    /// "reviewed", with `by` and `date`).
    pub review: String,
    /// Paths some pack text asked for.
    used: BTreeSet<String>,
}

impl LangFile {
    /// Reads a translation file; every problem with its line.
    pub fn parse(name: &str, lang: &str, text: &str) -> Result<LangFile, Vec<PackError>> {
        let root = DeTable::parse(text).map_err(|e| vec![toml_error(name, text, &e)])?;
        let mut texts = BTreeMap::new();
        let mut errors = Vec::new();
        flatten(name, text, "", root.get_ref(), &mut texts, &mut errors);
        // `[review]` says who checked the texts; it is not a text of the pack.
        let review = texts
            .get("review.status")
            .map_or_else(|| "to be reviewed".to_string(), |(s, _)| s.clone());
        texts.retain(|path, _| !path.starts_with("review."));
        if errors.is_empty() {
            Ok(LangFile {
                name: name.to_string(),
                lang: lang.to_string(),
                review,
                texts,
                used: BTreeSet::new(),
            })
        } else {
            Err(errors)
        }
    }

    /// The paths some pack text asked for so far, emptied (the loader's cache keeps them per pack file).
    pub(crate) fn take_used(&mut self) -> BTreeSet<String> {
        std::mem::take(&mut self.used)
    }

    /// The paths no pack text asked for (a typo, or a text since removed), as located errors: those
    /// [`apply`] did not use, and not in `used` either (what the loader's cache says the pack files asked).
    pub fn unused(&self, used: &BTreeSet<String>) -> Vec<PackError> {
        self.texts
            .iter()
            .filter(|(path, _)| !self.used.contains(*path) && !used.contains(*path))
            .map(|(path, (_, line))| {
                PackError::in_file(
                    Some(&self.name),
                    Some(*line),
                    Some(1),
                    format!("`{path}` is not the path of any text of the pack (a typo, or a text since removed?)"),
                )
            })
            .collect()
    }
}

fn flatten(
    name: &str,
    source: &str,
    prefix: &str,
    table: &DeTable<'_>,
    out: &mut BTreeMap<String, (String, usize)>,
    errors: &mut Vec<PackError>,
) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        let (line, _) = line_column(source, key.span().start);
        match value.get_ref() {
            DeValue::String(s) => {
                out.insert(path, (s.to_string(), line));
            }
            DeValue::Table(t) => flatten(name, source, &path, t, out, errors),
            _ => errors.push(PackError::in_file(
                Some(name),
                Some(line),
                Some(1),
                format!("`{path}` must be a text in quotes"),
            )),
        }
    }
}

/// Whether a table of a pack file is a text (`{ fr = "…", en = "…" }`).
fn is_text(table: &toml::Table, reference: &str) -> bool {
    table.contains_key(reference) && table.values().all(toml::Value::is_str)
}

/// Every text under `value`: its path by ids (`aid.rme.name`), its field path, and its table.
fn walk<'v>(
    value: &'v mut toml::Value,
    reference: &str,
    path: &mut Vec<PathSegment>,
    ids: &str,
    found: &mut Vec<(String, Vec<PathSegment>, &'v mut toml::Table)>,
) {
    match value {
        toml::Value::Table(table) => {
            if is_text(table, reference) {
                found.push((ids.to_string(), path.clone(), table));
                return;
            }
            for (key, child) in table.iter_mut() {
                path.push(PathSegment::Key(key.clone()));
                let ids = if ids.is_empty() {
                    key.clone()
                } else {
                    format!("{ids}.{key}")
                };
                walk(child, reference, path, &ids, found);
                path.pop();
            }
        }
        toml::Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                let name = child
                    .get("id")
                    .and_then(toml::Value::as_str)
                    .map_or_else(|| i.to_string(), str::to_string);
                path.push(PathSegment::Index(i));
                walk(child, reference, path, &format!("{ids}.{name}"), found);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The `{name}` placeholders of a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

/// Puts the texts of `langs` into the pack file `text` (named `name`, reference language `reference`):
/// the file as a TOML table with every text completed, or the problems (a text missing from a
/// translation file, given twice, or with other placeholders), each with its file and line.
pub fn apply(
    name: &str,
    text: &str,
    reference: &str,
    langs: &mut [LangFile],
) -> Result<toml::Table, Vec<PackError>> {
    let mut root = toml::Value::Table(
        toml::from_str::<toml::Table>(text).map_err(|e| vec![toml_error(name, text, &e)])?,
    );
    let mut found = Vec::new();
    walk(&mut root, reference, &mut Vec::new(), "", &mut found);
    let mut errors = Vec::new();
    let located = |segments: &[PathSegment], message: String| {
        let (line, column) = span_of(text, segments)
            .map(|(span, _)| line_column(text, span.start))
            .unzip();
        PackError::in_file(Some(name), line, column, message)
    };
    for (path, segments, table) in found {
        let french = table
            .get(reference)
            .and_then(toml::Value::as_str)
            .unwrap_or("")
            .to_string();
        for file in langs.iter_mut() {
            let given = file.texts.get(&path).cloned();
            if given.is_some() {
                file.used.insert(path.clone());
            }
            match (table.contains_key(&file.lang), given) {
                (false, Some((translation, line))) => {
                    if placeholders(&translation) != placeholders(&french) {
                        errors.push(PackError::in_file(
                            Some(&file.name),
                            Some(line),
                            Some(1),
                            format!(
                                "`{path}` must keep the placeholders of the reference text ({:?}), it has {:?}",
                                placeholders(&french),
                                placeholders(&translation)
                            ),
                        ));
                    }
                    table.insert(file.lang.clone(), toml::Value::String(translation));
                }
                (false, None) => errors.push(located(
                    &segments,
                    format!(
                        "missing \"{}\" translation: add `{path} = \"…\"` to {} (reference text: \"{french}\")",
                        file.lang, file.name
                    ),
                )),
                (true, Some((_, line))) => errors.push(PackError::in_file(
                    Some(&file.name),
                    Some(line),
                    Some(1),
                    format!("`{path}` is already translated in the pack file itself: keep one of the two"),
                )),
                (true, None) => {}
            }
        }
    }
    match root {
        toml::Value::Table(table) if errors.is_empty() => Ok(table),
        _ => Err(errors),
    }
}
