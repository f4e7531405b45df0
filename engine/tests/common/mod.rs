//! Shared helpers for the engine's integration tests.
#![allow(dead_code)]

use eligo_engine::toml_source::{LoadedPack, load_pack};
use eligo_engine::{Answer, Answers, Date, Decimal, Pack};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn demo() -> LoadedPack {
    load_pack(&manifest_dir().join("tests/fixtures/demo/pack.toml"))
        .unwrap_or_else(|e| panic!("{e}"))
}

pub fn demo_pack() -> Pack {
    demo().pack
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Every `packs/*/pack.toml` of the repository, sorted.
pub fn repo_packs() -> Vec<PathBuf> {
    let packs = manifest_dir().join("../packs");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&packs)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path().join("pack.toml"))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

pub fn load(path: &Path) -> LoadedPack {
    load_pack(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Answers from (question id, answer) pairs.
pub fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A whole-number answer.
pub fn num(n: i64) -> Answer {
    Answer::Number(Decimal::from(n))
}

/// The demo pack and every pack of the repository, compiled once per test binary.
pub fn all_packs() -> &'static Vec<Pack> {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        let mut packs = vec![demo_pack()];
        packs.extend(repo_packs().iter().map(|p| load(p).pack));
        packs
    })
}
