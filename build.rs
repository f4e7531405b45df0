//! Turns every `packs/<id>/pack.toml` into JSON with the engine's own loader (so the app never
//! embeds a pack the checker would refuse), and writes `packs.rs` listing them for `include_str!`.
//!
//! `ELIGO_PACKS=chenove` (a comma-separated list of pack ids) embeds only those packs: a town that
//! serves only its own territory saves the bytes of the others.

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
        "/// (pack id, pack JSON), one per territory, by id.\npub const PACKS: &[(&str, &str)] = &[\n",
    );
    for id in ids {
        let source = packs_dir.join(&id).join("pack.toml");
        watch(&packs_dir.join(&id));
        match eligo_engine::toml_source::pack_json_from_toml(&source) {
            Ok(json) => {
                let file = out.join(format!("pack-{id}.json"));
                fs::write(&file, json).expect("OUT_DIR is writable");
                listing.push_str(&format!(
                    "    ({id:?}, include_str!({:?})),\n",
                    file.display().to_string()
                ));
            }
            // A broken pack must not reach residents, nor stop the others from building the app.
            Err(errors) => println!(
                "cargo:warning=pack {id} left out of the app: {}",
                errors.replace('\n', " | ")
            ),
        }
    }
    watch(&packs_dir.join("common"));
    listing.push_str("];\n");
    fs::write(out.join("packs.rs"), listing).expect("OUT_DIR is writable");
}

fn watch(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }
}
