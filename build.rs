//! Compiles every `packs/<id>/pack.toml` with the engine's own loader (so the app never serves a pack
//! the checker would refuse) into the engine's binary pack form (`eligo_engine::codec`), and writes
//! for the app:
//! - `territories.rs`: `TERRITORIES`, the tiny index the app embeds (id, pack file name, name in each
//!   language); the app fetches only the pack of the territory in use;
//! - `packs.rs`: `PACKS`, (id, binary pack) with `include_bytes!`, for the tests only (the release app
//!   never references it, so the linker leaves the packs out of the wasm);
//! - each pack as `<id>-<lang>-<hash>.pack` (content hash), one file per language of the pack with its
//!   texts in that language only, in `target/pack-files/`;
//! - `eligo-packs.json`, the manifest of those files (ids, languages with the reference one first, file
//!   names), beside the compiled app in the profile's folder (`<target>/wasm32-unknown-unknown/release/`
//!   for the release bundle): `scripts/postbuild.mjs` reads it to copy the files into `dist/packs/`, to
//!   give the start-up script its preload table and the service worker its file list. Nothing reads pack
//!   names out of the wasm. It sits in the profile's folder, not in a shared one, so that a test build
//!   with other `ELIGO_PACKS` never overwrites the release bundle's manifest.
//!
//! `ELIGO_PACKS=chenove` (a comma-separated list of pack ids) keeps only those packs: a town that
//! serves only its own territory.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=packs");
    println!("cargo:rerun-if-env-changed=ELIGO_PACKS");
    let wanted: Option<Vec<String>> = std::env::var("ELIGO_PACKS")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.split(',').map(|id| id.trim().to_string()).collect());
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let served = root.join("target").join("pack-files");
    fs::create_dir_all(&served).expect("target/pack-files is writable");
    let packs_dir = root.join("packs");
    let mut ids: Vec<String> = fs::read_dir(&packs_dir)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().join("pack.toml").is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    if let Some(wanted) = &wanted {
        ids.retain(|id| wanted.contains(id));
    }
    let interface = interface_files(&root, &served);
    let mut listing = String::from(
        "/// (pack id, binary pack), one per territory, by id (tests only).\npub const PACKS: &[(&str, &[u8])] = &[\n",
    );
    let mut manifest: Vec<String> = Vec::new();
    let mut index = String::from(
        "/// (pack id, [(language, pack file under the app's folder)] with the reference language first,\n\
         /// [(language, territory name)]), by id.\n\
         pub const TERRITORIES: &[(&str, Files, Names)] = &[\n",
    );
    for id in ids {
        let source = packs_dir.join(&id).join("pack.toml");
        watch(&packs_dir.join(&id));
        match eligo_engine::toml_source::load_pack(&source) {
            Ok(loaded) => {
                let bytes = loaded.pack.to_bytes();
                let file = out.join(format!("pack-{id}.pack"));
                fs::write(&file, &bytes).expect("OUT_DIR is writable");
                listing.push_str(&format!(
                    "    ({id:?}, include_bytes!({:?})),\n",
                    file.display().to_string()
                ));
                // One file per language of the pack: a phone downloads the texts it shows only. A
                // language fetched on demand (its interface texts in i18n/) keeps the French beside it:
                // its translation is to be reviewed, and every card offers the French text.
                let served_files: Vec<(String, String)> = loaded
                    .pack
                    .languages
                    .iter()
                    .map(|lang| {
                        let bytes = if interface.iter().any(|(l, _, _)| l == lang) {
                            loaded.pack.to_bytes_in_with_reference(lang)
                        } else {
                            loaded.pack.to_bytes_in(lang)
                        };
                        let name = serve(&served, &id, lang, &bytes);
                        (lang.to_string(), format!("packs/{name}"))
                    })
                    .collect();
                manifest.push(manifest_entry(&id, &served_files, &interface));
                let files: Vec<String> = served_files
                    .iter()
                    .map(|(lang, file)| format!("({lang:?}, {file:?})"))
                    .collect();
                let names: Vec<String> = loaded
                    .pack
                    .territory
                    .name
                    .languages()
                    .map(|lang| format!("({lang:?}, {:?})", loaded.pack.territory.name.get(lang)))
                    .collect();
                index.push_str(&format!(
                    "    ({id:?}, &[{}], &[{}]),\n",
                    files.join(", "),
                    names.join(", ")
                ));
            }
            // A broken pack must not reach residents, nor stop the others from building the app.
            Err(errors) => println!(
                "cargo:warning=pack {id} left out of the app: {}",
                errors.to_string().replace('\n', " | ")
            ),
        }
    }
    watch(&packs_dir.join("common"));
    listing.push_str("];\n");
    index.push_str("];\n");
    fs::write(out.join("packs.rs"), listing).expect("OUT_DIR is writable");
    index.push_str(&interface_index(&interface));
    fs::write(out.join("territories.rs"), index).expect("OUT_DIR is writable");
    write_manifest(&out, &served, &manifest, &interface);
}

/// One territory of the manifest: `{"id": …, "languages": [{"lang": …, "file": …}, …]}`, the reference
/// language first (the app's fallback when a language has no file).
fn manifest_entry(id: &str, files: &[(String, String)], interface: &[Interface]) -> String {
    // Ids, language codes and file names are plain ASCII (the engine checks ids and codes): JSON strings
    // need no escaping. Checked, so that a change there cannot write a broken manifest.
    let plain = |s: &str| {
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b)),
            "pack manifest: {s:?} is not a plain name"
        );
        format!("\"{s}\"")
    };
    let languages: Vec<String> = files
        .iter()
        .map(|(lang, file)| {
            // Fetched only when a resident chooses the language: never preloaded, not in the first load.
            let on_demand = interface.iter().any(|(l, _, _)| l == lang);
            format!(
                "{{\"lang\": {}, \"file\": {}, \"on_demand\": {on_demand}}}",
                plain(lang),
                plain(file)
            )
        })
        .collect();
    format!(
        "    {{\"id\": {}, \"languages\": [{}]}}",
        plain(id),
        languages.join(", ")
    )
}

/// Writes `eligo-packs.json` into the profile's folder (`OUT_DIR` is `<profile>/build/<crate>-<hash>/out`).
fn write_manifest(out: &Path, served: &Path, territories: &[String], interface: &[Interface]) {
    let Some(profile) = out.ancestors().nth(3) else {
        println!("cargo:warning=no profile folder above {}", out.display());
        return;
    };
    let text = format!(
        "{{\n  \"comment\": \"Written by build.rs: the app's pack files (packs/<id>-<lang>-<hash>.pack in pack_files, copied into dist/packs/ by scripts/postbuild.mjs), by territory id, reference language first; the interface texts of the languages fetched on demand (packs/ui-<lang>-<hash>.txt).\",\n  \"pack_files\": {:?},\n  \"territories\": [\n{}\n  ],\n  \"interface\": [{}]\n}}\n",
        served.display().to_string(),
        territories.join(",\n"),
        interface
            .iter()
            .map(|(lang, file, _)| format!("{{\"lang\": \"{lang}\", \"file\": \"{file}\"}}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Written whole or not at all (a postbuild step may read it while another build writes).
    let target = profile.join("eligo-packs.json");
    let temp = profile.join(format!(".eligo-packs.json.{}", std::process::id()));
    fs::write(&temp, text).expect("the profile folder is writable");
    fs::rename(&temp, &target).expect("the profile folder is writable");
}

/// Writes `bytes` as `<id>-<lang>-<hash>.pack` in `served` (content-addressed: concurrent builds write
/// the same bytes, and the rename makes it atomic); returns the file name.
fn serve(served: &Path, id: &str, lang: &str, bytes: &[u8]) -> String {
    let name = format!("{id}-{lang}-{:016x}.pack", fnv1a(bytes));
    let target = served.join(&name);
    if !target.is_file() {
        let temp = served.join(format!(".{name}.{}", std::process::id()));
        fs::write(&temp, bytes).expect("target/pack-files is writable");
        fs::rename(&temp, &target).expect("target/pack-files is writable");
    }
    name
}

/// FNV-1a, 64 bits: a stable content hash for cache-busting file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn watch(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }
}

/// A language whose interface texts are fetched on demand: (code, served file, source file name).
type Interface = (String, String, String);

/// Reads every `i18n/<code>.toml` (interface texts of a language fetched on demand, by `Key` name) and
/// writes each as `ui-<code>-<hash>.txt` in `served`: a first line `eligo-ui 1`, then one line per `Key` in
/// the order of `keys!` in src/i18n.rs (empty when missing: the app shows the French text, and
/// `i18n::tests::every_language_is_complete` fails naming it). A name that is no key is a build warning and
/// a test failure (`UI_STRAYS`). The engine's sentences the cards show come with each pack file
/// (`eligo_engine::sentences::Words`), not from here.
fn interface_files(root: &Path, served: &Path) -> Vec<Interface> {
    let dir = root.join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("src/i18n.rs").display()
    );
    watch(&dir);
    let keys = interface_keys(&root.join("src/i18n.rs"));
    let mut codes: Vec<String> = fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".toml").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    let mut strays = Vec::new();
    let mut out = Vec::new();
    for code in codes {
        let source = format!("i18n/{code}.toml");
        let text = fs::read_to_string(dir.join(format!("{code}.toml"))).unwrap_or_default();
        let file = match eligo_engine::translations::LangFile::parse(&source, &code, &text) {
            Ok(file) => file,
            Err(errors) => {
                for e in errors {
                    println!("cargo:warning={e}");
                    strays.push(e.to_string());
                }
                continue;
            }
        };
        let mut body = String::from("eligo-ui 1\n");
        for name in &keys {
            let text = file.texts.get(name).map_or("", |(t, _)| t.as_str());
            body.push_str(&text.replace('\\', "\\\\").replace('\n', "\\n"));
            body.push('\n');
        }
        for (name, (_, line)) in &file.texts {
            if !keys.contains(name) {
                let message =
                    format!("{source}:{line}: `{name}` is not an interface key (src/i18n.rs)");
                println!("cargo:warning={message}");
                strays.push(message);
            }
        }
        let name = format!("ui-{code}-{:016x}.txt", fnv1a(body.as_bytes()));
        let target = served.join(&name);
        if !target.is_file() {
            let temp = served.join(format!(".{name}.{}", std::process::id()));
            fs::write(&temp, &body).expect("target/pack-files is writable");
            fs::rename(&temp, &target).expect("target/pack-files is writable");
        }
        out.push((code, format!("packs/{name}"), target.display().to_string()));
    }
    let strays: Vec<String> = strays.iter().map(|s| format!("    {s:?},\n")).collect();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    fs::write(
        out_dir.join("ui_strays.rs"),
        format!("/// Problems of the i18n/ files: names that are no key, files that do not parse.\npub const UI_STRAYS: &[&str] = &[\n{}];\n", strays.concat()),
    )
    .expect("OUT_DIR is writable");
    out
}

/// `UI_FILES`: (language, file under the app's folder) of each language fetched on demand, and, for the
/// tests only, `UI_TEXTS` (language, the file's text).
fn interface_index(interface: &[Interface]) -> String {
    let files: Vec<String> = interface
        .iter()
        .map(|(lang, file, _)| format!("({lang:?}, {file:?})"))
        .collect();
    let texts: Vec<String> = interface
        .iter()
        .map(|(lang, _, path)| format!("    ({lang:?}, include_str!({path:?})),\n"))
        .collect();
    format!(
        "/// (language, interface texts file) of each language fetched on demand.\npub const UI_FILES: &[(&str, &str)] = &[{}];\n/// (language, interface texts) of each language fetched on demand (tests only).\n#[cfg(test)]\npub const UI_TEXTS: &[(&str, &str)] = &[\n{}];\n",
        files.join(", "),
        texts.concat()
    )
}

/// The `Key` names of src/i18n.rs, in the order of its `keys!` list.
fn interface_keys(source: &Path) -> Vec<String> {
    let text = fs::read_to_string(source).expect("src/i18n.rs is readable");
    let start = text
        .find("\nkeys! {")
        .expect("src/i18n.rs has its keys! list");
    let list = &text[start + 8..];
    let list = &list[..list.find('}').expect("the keys! list ends")];
    list.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}
