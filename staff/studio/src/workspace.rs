//! The files being edited: a pack file, its includes and its cases, as text (comments and layout kept),
//! with the published version they started from. Nothing here is stored: it lives in the page's memory.

use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/built_in.rs"));

/// One text file of a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile {
    /// Name shown and used to resolve includes (`chenove/pack.toml`, `common/national.toml`).
    pub name: String,
    /// The text, as written.
    pub text: String,
}

/// A pack being edited: its files now, and as published (opened).
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// Pack id as opened (the built-in id, or the file name).
    pub id: String,
    /// The files now.
    pub files: Vec<SourceFile>,
    /// The files as opened: the published version the board preview compares with.
    pub published: Rc<Vec<SourceFile>>,
}

impl Workspace {
    /// The ids of the built-in packs.
    pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(id, _)| *id)
    }

    /// A built-in pack, as its sources are in the release.
    pub fn built_in(id: &str) -> Option<Workspace> {
        let (id, files) = BUILT_IN.iter().find(|(i, _)| *i == id)?;
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(name, text)| SourceFile {
                name: name.to_string(),
                text: text.to_string(),
            })
            .collect();
        Some(Workspace::new(id, files))
    }

    /// Files chosen on the computer (the pack file is the one with a `[pack]` table).
    pub fn new(id: &str, files: Vec<SourceFile>) -> Workspace {
        Workspace {
            id: id.to_string(),
            published: Rc::new(files.clone()),
            files,
        }
    }

    /// Index of the pack file: the one named `pack.toml`, else the one with a `[pack]` table, else the first.
    pub fn pack_index(files: &[SourceFile]) -> usize {
        files
            .iter()
            .position(|f| f.name.ends_with("pack.toml"))
            .or_else(|| {
                files
                    .iter()
                    .position(|f| f.text.contains("\n[pack]") || f.text.starts_with("[pack]"))
            })
            .unwrap_or(0)
    }

    /// Index of the cases file, if any.
    pub fn cases_index(files: &[SourceFile]) -> Option<usize> {
        files.iter().position(|f| f.name.ends_with("cases.toml"))
    }

    /// Replaces the text of file `index`.
    pub fn with_text(&self, index: usize, text: String) -> Workspace {
        let mut next = self.clone();
        if let Some(file) = next.files.get_mut(index) {
            file.text = text;
        }
        next
    }
}

/// The file an include names (as written, relative to the including file): by resolved path, else by the
/// file name alone (files chosen on the computer have no folders).
pub fn find_include<'a>(
    files: &'a [SourceFile],
    from: &str,
    include: &str,
) -> Option<&'a SourceFile> {
    let resolved = resolve(from, include);
    files.iter().find(|f| f.name == resolved).or_else(|| {
        let base = include.rsplit('/').next().unwrap_or(include);
        files
            .iter()
            .find(|f| f.name.rsplit('/').next() == Some(base))
    })
}

/// A translation file the engine asks for (`lang/tr.toml`, `../common/lang/tr.toml`, relative to the pack
/// file): by resolved path only, never by file name alone (every folder has its own `lang/tr.toml`).
pub fn find_translation<'a>(
    files: &'a [SourceFile],
    from: &str,
    path: &str,
) -> Option<&'a SourceFile> {
    let resolved = resolve(from, path);
    files.iter().find(|f| f.name == resolved)
}

/// `chenove/pack.toml` + `../common/national.toml` = `common/national.toml`.
fn resolve(from: &str, include: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in include.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_resolve_against_the_including_file() {
        assert_eq!(
            resolve("chenove/pack.toml", "../common/national.toml"),
            "common/national.toml"
        );
        assert_eq!(resolve("pack.toml", "./extra.toml"), "extra.toml");
    }

    #[test]
    fn every_built_in_pack_opens_with_its_includes_cases_and_translations() {
        let ws = Workspace::built_in("chenove").expect("chenove is built in");
        let names: Vec<&str> = ws.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "chenove/pack.toml",
                "common/situation.toml",
                "common/national.toml",
                "chenove/cases.toml",
                "chenove/lang/fa-AF.toml",
                "chenove/lang/fr-x-falc.toml",
                "chenove/lang/pt.toml",
                "chenove/lang/ru.toml",
                "chenove/lang/tr.toml",
                "chenove/lang/uk.toml",
                "common/lang/fa-AF.toml",
                "common/lang/fr-x-falc.toml",
                "common/lang/pt.toml",
                "common/lang/ru.toml",
                "common/lang/tr.toml",
                "common/lang/uk.toml",
            ]
        );
        assert_eq!(Workspace::pack_index(&ws.files), 0);
        assert_eq!(Workspace::cases_index(&ws.files), Some(3));
        assert!(Workspace::built_in("nowhere").is_none());
    }
}
