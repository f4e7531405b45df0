//! Loads a pack from TOML files: includes merged, every problem located by file, line and column.

use crate::compile::compile;
use crate::errors::{PackError, PackErrors, PathSegment, key};
use crate::pack::Pack;
use crate::schema::PackFile;
use std::path::{Component, Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// A pack read from TOML: compiled, and merged.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    /// The compiled pack.
    pub pack: Pack,
    /// All files merged into one, includes first.
    pub merged: PackFile,
}

/// Loads `path` and its includes (relative to it) from disk.
pub fn load_pack(path: &Path) -> Result<LoadedPack, PackErrors> {
    let (name, text) = read_source(path)?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    load_pack_with(&name, &text, &mut |include| {
        let path = normalize(&base.join(include));
        let name = display_path(&path);
        std::fs::read_to_string(&path)
            .map(|text| (name.clone(), text))
            .map_err(|e| format!("cannot read {name}: {e}"))
    })
}

/// Reads an include as written in `[pack] include`: its display name and text, or why not.
pub type IncludeReader<'a> = dyn FnMut(&str) -> Result<(String, String), String> + 'a;

/// Loads a pack from text; `read_include` returns a display name and the text of an include.
pub fn load_pack_with(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
) -> Result<LoadedPack, PackErrors> {
    let root = parse_file(name, text)?;
    let mut files: Vec<(String, String)> = Vec::new();
    let mut parsed: Vec<PackFile> = Vec::new();
    let mut errors = Vec::new();
    let includes = root
        .pack
        .as_ref()
        .map(|p| p.include.clone())
        .unwrap_or_default();
    for (i, include) in includes.iter().enumerate() {
        let path = vec![key("pack"), key("include"), PathSegment::Index(i)];
        match read_include(include) {
            Ok((inc_name, inc_text)) => match parse_file(&inc_name, &inc_text) {
                Ok(file) => {
                    if file.pack.is_some() || file.territory.is_some() {
                        errors.push(PackError::in_file(
                            Some(&inc_name),
                            Some(1),
                            Some(1),
                            "an included file cannot have [pack] or [territory]",
                        ));
                    }
                    files.push((inc_name, inc_text));
                    parsed.push(file);
                }
                Err(e) => errors.extend(e.0),
            },
            Err(message) => {
                let mut e = PackError::at(path.clone(), None, message);
                locate(&mut e, name, text, &path);
                errors.push(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(PackErrors(errors));
    }
    files.push((name.to_string(), text.to_string()));
    parsed.push(root);

    // Merge, remembering for each item the file and position it came from.
    let mut merged = PackFile::default();
    let mut origins: Vec<(&'static str, Vec<(usize, usize)>)> = [
        "question",
        "derived",
        "parameter",
        "place",
        "aid",
        "next_step",
        "glossary",
    ]
    .iter()
    .map(|s| (*s, Vec::new()))
    .collect();
    let mut safety_file = None;
    let root_index = parsed.len() - 1;
    for (f, file) in parsed.into_iter().enumerate() {
        let counts = [
            file.questions.len(),
            file.derived.len(),
            file.parameters.len(),
            file.places.len(),
            file.aids.len(),
            file.next_steps.len(),
            file.glossary.len(),
        ];
        for (section, count) in origins.iter_mut().zip(counts) {
            section.1.extend((0..count).map(|i| (f, i)));
        }
        merged.questions.extend(file.questions);
        merged.derived.extend(file.derived);
        merged.parameters.extend(file.parameters);
        merged.places.extend(file.places);
        merged.aids.extend(file.aids);
        merged.next_steps.extend(file.next_steps);
        merged.glossary.extend(file.glossary);
        if let Some(safety) = file.safety {
            if safety_file.is_some() {
                errors.push(PackError::in_file(
                    Some(&files[f].0),
                    None,
                    None,
                    "[safety] is already given in another file",
                ));
            }
            safety_file = Some(f);
            merged.safety = Some(safety);
        }
        if f == root_index {
            merged.pack = file.pack;
            merged.territory = file.territory;
        }
    }
    if !errors.is_empty() {
        return Err(PackErrors(errors));
    }
    if let Some(meta) = &mut merged.pack {
        meta.include.clear();
    }
    match compile(&merged) {
        Ok(pack) => Ok(LoadedPack { pack, merged }),
        Err(errors) => Err(PackErrors(
            errors
                .into_iter()
                .map(|mut e| {
                    // Find which file the item came from and its position there.
                    let (file, local_path) = match (e.path.first(), e.path.get(1)) {
                        (Some(PathSegment::Key(section)), Some(PathSegment::Index(i))) => {
                            match origins
                                .iter()
                                .find(|(s, _)| s == section)
                                .and_then(|(_, o)| o.get(*i))
                            {
                                Some(&(f, local)) => {
                                    let mut p = e.path.clone();
                                    p[1] = PathSegment::Index(local);
                                    (f, p)
                                }
                                None => (root_index, e.path.clone()),
                            }
                        }
                        (Some(PathSegment::Key(section)), _) if section == "safety" => {
                            (safety_file.unwrap_or(root_index), e.path.clone())
                        }
                        _ => (root_index, e.path.clone()),
                    };
                    let (fname, ftext) = &files[file];
                    locate(&mut e, fname, ftext, &local_path);
                    e
                })
                .collect(),
        )),
    }
}

/// Parses one file into the schema; syntax and shape errors get a line and column. A file over
/// [`crate::limits::MAX_PACK_BYTES`] is refused before it is parsed.
pub fn parse_file(name: &str, text: &str) -> Result<PackFile, PackErrors> {
    use crate::limits::MAX_PACK_BYTES;
    if text.len() > MAX_PACK_BYTES {
        return Err(PackErrors(vec![PackError::in_file(
            Some(name),
            Some(1),
            Some(1),
            format!(
                "the file is {} bytes, more than the limit of {MAX_PACK_BYTES} bytes",
                text.len()
            ),
        )]));
    }
    toml::from_str::<PackFile>(text).map_err(|e| PackErrors(vec![toml_error(name, text, &e)]))
}

/// A `toml` error as a pack error with line and column.
pub fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> PackError {
    let (line, column) = match e.span() {
        Some(span) => {
            let (l, c) = line_column(text, span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    PackError::in_file(Some(name), line, column, e.message().trim().to_string())
}

/// Sets the file, line and column of `error` from the field at `path` in `text`.
fn locate(error: &mut PackError, name: &str, text: &str, path: &[PathSegment]) {
    error.file = Some(name.to_string());
    if let Some((span, whole)) = span_of(text, path) {
        let (line, mut column) = line_column(text, span.start);
        // An expression inside a one-line quoted string: point at the character itself.
        if let (true, Some(expr_col)) = (whole, error.expr_column) {
            let raw = text.get(span.clone()).unwrap_or("");
            let quoted = (raw.starts_with('"') && !raw.starts_with("\"\"\""))
                || (raw.starts_with('\'') && !raw.starts_with("'''"));
            if quoted && !raw.contains('\n') {
                column += expr_col;
            }
        }
        error.line = Some(line);
        error.column = Some(column);
    }
}

/// Byte span of the value at `path` (or of the deepest part found), and whether all of it was found.
pub fn span_of(text: &str, path: &[PathSegment]) -> Option<(core::ops::Range<usize>, bool)> {
    let root = DeTable::parse(text).ok()?;
    let mut span = root.span();
    let root = DeValue::Table(root.into_inner());
    let mut current = &root;
    for segment in path {
        let child = match segment {
            PathSegment::Key(k) => current.get(k.as_str()),
            PathSegment::Index(i) => current.get(*i),
        };
        match child {
            Some(child) => {
                span = child.span();
                current = child.get_ref();
            }
            None => return Some((span, false)),
        }
    }
    Some((span, true))
}

/// Line and column (from 1, in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A file's name as shown in messages, and its text; a file that cannot be read is a located error.
pub(crate) fn read_source(path: &Path) -> Result<(String, String), PackErrors> {
    let name = display_path(path);
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((name, text)),
        Err(e) => Err(PackErrors(vec![PackError::in_file(
            Some(&name),
            None,
            None,
            format!("cannot read the file: {e}"),
        )])),
    }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
