//! Embeds the sources of the built-in packs (packs/<id>/pack.toml, its includes, cases.toml, the translation
//! files lang/<code>.toml beside them) as text: the studio opens them as written, comments and layout
//! included, and compares edits with them (the published version).

#[path = "src/include_list.rs"]
mod include_list;
use include_list::includes;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let packs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs");
    let packs = packs.canonicalize().expect("packs/ beside the workspace");
    println!("cargo:rerun-if-changed={}", packs.display());
    let mut ids: Vec<String> = std::fs::read_dir(&packs)
        .expect("packs/")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("pack.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    let mut out = String::from(
        "/// (pack id, [(file name under packs/, text)]): the pack file first, then its includes, then cases.toml,\n\
         /// then the translation files (lang/<code>.toml beside each).\n\
         pub const BUILT_IN: &[(&str, &[(&str, &str)])] = &[\n",
    );
    for id in &ids {
        let mut files: Vec<(String, PathBuf)> =
            vec![(format!("{id}/pack.toml"), packs.join(id).join("pack.toml"))];
        let text = std::fs::read_to_string(packs.join(id).join("pack.toml")).expect("pack.toml");
        for include in includes(&text) {
            let path = packs
                .join(id)
                .join(&include)
                .canonicalize()
                .expect("an include of a built-in pack");
            let name = path
                .strip_prefix(&packs)
                .expect("includes stay in packs/")
                .display()
                .to_string();
            files.push((name, path));
        }
        let cases = packs.join(id).join("cases.toml");
        if cases.is_file() {
            files.push((format!("{id}/cases.toml"), cases));
        }
        // The translation files beside the pack file and beside each include (`lang/<code>.toml`, issue 17),
        // last: the engine asks for them by path; a translator edits them like the other files.
        let mut dirs: Vec<String> = Vec::new();
        for (name, _) in &files {
            if let Some((dir, _)) = name.rsplit_once('/')
                && !dirs.iter().any(|d| d == dir)
            {
                dirs.push(dir.to_string());
            }
        }
        for dir in dirs {
            let Ok(entries) = std::fs::read_dir(packs.join(&dir).join("lang")) else {
                continue;
            };
            let mut langs: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect();
            langs.sort();
            for name in langs {
                files.push((
                    format!("{dir}/lang/{name}"),
                    packs.join(&dir).join("lang").join(&name),
                ));
            }
        }
        write!(out, "    ({id:?}, &[").unwrap();
        for (name, path) in files {
            println!("cargo:rerun-if-changed={}", path.display());
            write!(
                out,
                "({name:?}, include_str!({:?})), ",
                path.display().to_string()
            )
            .unwrap();
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("built_in.rs");
    std::fs::write(dest, out).unwrap();
}
