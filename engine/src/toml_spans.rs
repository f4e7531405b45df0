//! Where in a TOML text a field is: byte spans and line/column of the values at a path, and a `toml` error
//! turned into a pack error with its line and column. Shared by the pack loader and the translation files.

use crate::errors::{PackError, PathSegment};
use toml::de::{DeTable, DeValue};

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
pub(crate) fn locate(error: &mut PackError, name: &str, text: &str, path: &[PathSegment]) {
    locate_in(error, name, text, parsed_root(text).as_ref(), path);
}

/// [`locate`] with the file already parsed by [`parsed_root`].
pub(crate) fn locate_in(
    error: &mut PackError,
    name: &str,
    text: &str,
    root: Option<&ParsedRoot<'_>>,
    path: &[PathSegment],
) {
    error.file = Some(name.to_string());
    if let Some((span, whole)) = root.map(|root| span_in(root, path)) {
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

/// A file's top table with spans, and the span of the whole file.
pub(crate) type ParsedRoot<'t> = (core::ops::Range<usize>, DeValue<'t>);

pub(crate) fn parsed_root(text: &str) -> Option<ParsedRoot<'_>> {
    let root = DeTable::parse(text).ok()?;
    let span = root.span();
    Some((span, DeValue::Table(root.into_inner())))
}

/// Byte span of the value at `path` (or of the deepest part found), and whether all of it was found.
pub fn span_of(text: &str, path: &[PathSegment]) -> Option<(core::ops::Range<usize>, bool)> {
    parsed_root(text).map(|root| span_in(&root, path))
}

/// [`span_of`] for many paths of one text, read once (a file of many cases is read once, not once a case).
pub fn spans_of<'p>(
    text: &str,
    paths: impl IntoIterator<Item = &'p [PathSegment]>,
) -> Vec<Option<(core::ops::Range<usize>, bool)>> {
    let root = parsed_root(text);
    paths
        .into_iter()
        .map(|path| root.as_ref().map(|root| span_in(root, path)))
        .collect()
}

pub(crate) fn span_in(
    root: &ParsedRoot<'_>,
    path: &[PathSegment],
) -> (core::ops::Range<usize>, bool) {
    let mut span = root.0.clone();
    let mut current = &root.1;
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
            None => return (span, false),
        }
    }
    (span, true)
}

/// Line and column (from 1, in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
