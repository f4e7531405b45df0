//! Compiles every `packs/<id>/pack.toml` with the engine's own loader (so the app never serves a pack
//! the checker would refuse) into the engine's binary pack form (`eligo_engine::codec`), and writes
//! for the app:
//! - `territories.rs`: `TERRITORIES`, the tiny index the app embeds (id, pack file name, name in each
//!   language); the app fetches only the pack of the territory in use;
//! - `packs.rs`: `PACKS`, (id, binary pack) with `include_bytes!`, for the tests only (the release app
//!   never references it, so the linker leaves the packs out of the wasm);
//! - each pack as `<id>-<lang>-<hash>.pack` (content hash), one file per language of the pack with its
//!   texts in that language only, in `target/pack-files/`, from where
//!   `scripts/postbuild.mjs` copies the files the wasm names into `dist/packs/`.
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
                let files: Vec<String> = loaded
                    .pack
                    .languages
                    .iter()
                    .map(|lang| {
                        let name = serve(&served, &id, lang, &loaded.pack.to_bytes_in(lang));
                        format!("({lang:?}, \"packs/{name}\")")
                    })
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
