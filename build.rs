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
                // One file per language of the pack: a phone downloads the texts it shows only.
                let served_files: Vec<(String, String)> = loaded
                    .pack
                    .languages
                    .iter()
                    .map(|lang| {
                        let name = serve(&served, &id, lang, &loaded.pack.to_bytes_in(lang));
                        (lang.to_string(), format!("packs/{name}"))
                    })
                    .collect();
                manifest.push(manifest_entry(&id, &served_files));
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
    fs::write(out.join("territories.rs"), index).expect("OUT_DIR is writable");
    write_manifest(&out, &served, &manifest);
}

/// One territory of the manifest: `{"id": …, "languages": [{"lang": …, "file": …}, …]}`, the reference
/// language first (the app's fallback when a language has no file).
fn manifest_entry(id: &str, files: &[(String, String)]) -> String {
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
        .map(|(lang, file)| format!("{{\"lang\": {}, \"file\": {}}}", plain(lang), plain(file)))
        .collect();
    format!(
        "    {{\"id\": {}, \"languages\": [{}]}}",
        plain(id),
        languages.join(", ")
    )
}

/// Writes `eligo-packs.json` into the profile's folder (`OUT_DIR` is `<profile>/build/<crate>-<hash>/out`).
fn write_manifest(out: &Path, served: &Path, territories: &[String]) {
    let Some(profile) = out.ancestors().nth(3) else {
        println!("cargo:warning=no profile folder above {}", out.display());
        return;
    };
    let text = format!(
        "{{\n  \"comment\": \"Written by build.rs: the app's pack files (packs/<id>-<lang>-<hash>.pack in pack_files, copied into dist/packs/ by scripts/postbuild.mjs), by territory id, reference language first.\",\n  \"pack_files\": {:?},\n  \"territories\": [\n{}\n  ]\n}}\n",
        served.display().to_string(),
        territories.join(",\n")
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
