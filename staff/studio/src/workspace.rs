//! The files being edited: a pack file, its includes and its cases, as text (comments and layout kept),
//! with the published version they started from. Nothing here is stored: it lives in the page's memory.

use crate::include_list::includes;
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
    /// Each file's text as last saved (or opened): which files "save" writes.
    pub saved: Vec<String>,
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
            saved: files.iter().map(|f| f.text.clone()).collect(),
            files,
        }
    }

    /// The pack files (`…pack.toml`) among files chosen on the computer: one is opened at a time.
    pub fn packs_among(files: &[SourceFile]) -> Vec<String> {
        files
            .iter()
            .filter(|f| f.name == "pack.toml" || f.name.ends_with("/pack.toml"))
            .map(|f| f.name.clone())
            .collect()
    }

    /// The pack `pack` (a file name) with the files it uses, out of a folder's files: those beside it,
    /// those beside its includes, and their translation files (`lang/`).
    pub fn of_pack(pack: &str, files: &[SourceFile]) -> Option<Workspace> {
        let main = files.iter().find(|f| f.name == pack)?;
        let dir = |name: &str| {
            let name = name.strip_suffix(".toml").unwrap_or(name);
            let d = name.rsplit_once('/').map_or("", |(d, _)| d);
            d.strip_suffix("/lang")
                .or_else(|| (d == "lang").then_some(""))
                .unwrap_or(d)
                .to_string()
        };
        let included: Vec<String> = includes(&main.text)
            .iter()
            .map(|i| resolve(pack, i))
            .collect();
        let mut dirs = vec![dir(pack)];
        dirs.extend(included.iter().map(|i| dir(i)));
        // In the order of a built-in pack: the pack file (Workspace::pack_index finds it), its includes,
        // its cases, then the translation files.
        let rank = |f: &SourceFile| {
            if f.name == pack {
                (0, 0)
            } else if let Some(i) = included.iter().position(|i| *i == f.name) {
                (1, i)
            } else if f.name.ends_with("cases.toml") {
                (2, 0)
            } else {
                (3, 0)
            }
        };
        let mut kept: Vec<SourceFile> = files
            .iter()
            .filter(|f| f.name == pack || dirs.contains(&dir(&f.name)))
            .filter(|f| f.name == pack || !f.name.ends_with("pack.toml"))
            .cloned()
            .collect();
        // Once each (files chosen twice, or two sets of the same folder).
        let mut seen = std::collections::BTreeSet::new();
        kept.retain(|f| seen.insert(f.name.clone()));
        kept.sort_by_key(rank);
        let id = pack.rsplit('/').nth(1).unwrap_or("pack");
        Some(Workspace::new(id, kept))
    }

    /// The files whose text differs from the one last saved.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.files.len())
            .filter(|&i| self.saved.get(i) != Some(&self.files[i].text))
            .collect()
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

    #[test]
    fn a_folder_of_packs_opens_one_pack_with_what_it_uses() {
        let mut folder = Workspace::built_in("chenove").unwrap().files;
        folder.extend(Workspace::built_in("besancon").unwrap().files);
        assert_eq!(
            Workspace::packs_among(&folder),
            ["chenove/pack.toml", "besancon/pack.toml"]
        );
        let ws = Workspace::of_pack("besancon/pack.toml", &folder).unwrap();
        assert_eq!(ws.id, "besancon");
        let names: Vec<&str> = ws.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names[..4],
            [
                "besancon/pack.toml",
                "common/situation.toml",
                "common/national.toml",
                "besancon/cases.toml"
            ]
        );
        assert!(ws.files.iter().all(|f| !f.name.starts_with("chenove/")));
        assert!(ws.files.iter().any(|f| f.name == "common/national.toml"));
        assert!(ws.files.iter().any(|f| f.name == "common/lang/tr.toml"));
        assert_eq!(
            Workspace::cases_index(&ws.files).map(|i| ws.files[i].name.as_str()),
            Some("besancon/cases.toml")
        );
        assert_eq!(ws.unsaved(), Vec::<usize>::new());
        assert_eq!(ws.with_text(1, "x".into()).unsaved(), [1]);
    }
}
