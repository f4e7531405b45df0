//! Problems found in a pack, located by file, line, column and field path.

use core::fmt;

/// One step of a field path inside a (merged) pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A table key.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// A problem found in a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// File name, when the pack came from files.
    pub file: Option<String>,
    /// Line, from 1.
    pub line: Option<usize>,
    /// Column, from 1.
    pub column: Option<usize>,
    /// Path of the field in the merged pack (indices from 0).
    pub path: Vec<PathSegment>,
    /// Id of the item the path starts in (`rme` for an aid), when it has one.
    pub item: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// Column (from 1) inside an expression string, to refine `column`.
    pub expr_column: Option<usize>,
}

impl PackError {
    /// A problem at `path` in the item with id `item`.
    pub fn at(path: Vec<PathSegment>, item: Option<&str>, message: impl Into<String>) -> PackError {
        PackError {
            file: None,
            line: None,
            column: None,
            path,
            item: item.map(str::to_string),
            message: message.into(),
            expr_column: None,
        }
    }

    /// A problem with a file as a whole (syntax, unreadable file).
    pub fn in_file(
        file: Option<&str>,
        line: Option<usize>,
        column: Option<usize>,
        message: impl Into<String>,
    ) -> PackError {
        PackError {
            file: file.map(str::to_string),
            line,
            column,
            path: Vec::new(),
            item: None,
            message: message.into(),
            expr_column: None,
        }
    }

    /// Compact path such as `aid[rme].criterion[2].when` (positions from 1).
    pub fn field_path(&self) -> String {
        let mut out = String::new();
        let mut segments = self.path.iter().peekable();
        let mut first = true;
        while let Some(segment) = segments.next() {
            match segment {
                PathSegment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                    if first
                        && matches!(segments.peek(), Some(PathSegment::Index(_)))
                        && let Some(item) = &self.item
                    {
                        segments.next();
                        out.push('[');
                        out.push_str(item);
                        out.push(']');
                    }
                }
                PathSegment::Index(i) => {
                    out.push('[');
                    out.push_str(&(i + 1).to_string());
                    out.push(']');
                }
            }
            first = false;
        }
        out
    }

    /// Path for people: `aid "rme", criterion 2, field when`.
    pub fn human_path(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < self.path.len() {
            match (&self.path[i], self.path.get(i + 1)) {
                (PathSegment::Key(key), Some(PathSegment::Index(n))) => {
                    match (i, &self.item) {
                        (0, Some(item)) => parts.push(format!("{} \"{item}\"", singular(key))),
                        _ => parts.push(format!("{} {}", singular(key), n + 1)),
                    }
                    i += 2;
                }
                (PathSegment::Key(key), None) => {
                    parts.push(format!("field {key}"));
                    i += 1;
                }
                (PathSegment::Key(key), Some(PathSegment::Key(_))) => {
                    parts.push(key.clone());
                    i += 1;
                }
                (PathSegment::Index(n), _) => {
                    parts.push(format!("item {}", n + 1));
                    i += 1;
                }
            }
        }
        parts.join(", ")
    }
}

/// The item word of a list key (`documents` -> `document`), for field paths in English and, through
/// `messages::human_path`, in the other languages.
pub(crate) fn singular(key: &str) -> &str {
    match key {
        "values" => "value",
        "options" => "option",
        "documents" => "document",
        "checks" => "check",
        "sources" => "source",
        "places" => "place",
        "contacts" => "contact",
        "languages" => "language",
        other => other,
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
        }
        if let Some(line) = self.line {
            write!(f, "{line}:")?;
            if let Some(column) = self.column {
                write!(f, "{column}:")?;
            }
        }
        if self.file.is_some() || self.line.is_some() {
            f.write_str(" ")?;
        }
        let path = self.human_path();
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        if let (None, Some(col)) = (self.line, self.expr_column) {
            write!(f, "at character {col}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// All the problems found in a pack (at least one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackErrors(pub Vec<PackError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackErrors {}

/// Builds field paths tersely.
pub(crate) fn key(k: &str) -> PathSegment {
    PathSegment::Key(k.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_well() {
        let mut e = PackError::at(
            vec![
                key("aid"),
                PathSegment::Index(3),
                key("criterion"),
                PathSegment::Index(1),
                key("when"),
            ],
            Some("rme"),
            "unknown name \"agee\"",
        );
        assert_eq!(e.field_path(), "aid[rme].criterion[2].when");
        assert_eq!(e.human_path(), "aid \"rme\", criterion 2, field when");
        e.file = Some("packs/chenove/pack.toml".into());
        e.line = Some(42);
        e.column = Some(8);
        assert_eq!(
            e.to_string(),
            "packs/chenove/pack.toml:42:8: aid \"rme\", criterion 2, field when: unknown name \"agee\""
        );
    }
}
