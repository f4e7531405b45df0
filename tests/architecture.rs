//! The app's shape, checked on its source (native: `cargo test --workspace`):
//! - one door to the engine: no file of `src/` but `src/rules.rs` names `eligo_engine`;
//! - no global holding app state: no `thread_local!`, no `static mut`, no `static` item at all (a
//!   `OnceCell`/`OnceLock`/`LazyLock` global is one) but the two allowed: the wasm allocator
//!   (`#[global_allocator]` in `src/lib.rs`) and the panic hook (installed with `std::panic::set_hook`,
//!   no static of ours); and the interface texts of a language fetched on demand (`LOADED` in
//!   `src/i18n.rs`): set once when the language's file arrives, read-only after, never the resident's
//!   answers (the texts are the same for everyone, like the compiled French, English and Arabic tables).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The only file of `src/` that may name the engine.
const DOOR: &str = "src/rules.rs";

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// What breaks the rules in `text`, the source of `file` (relative to the crate, `src/…`).
fn violations(file: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut previous = "";
    for (number, line) in text.lines().enumerate() {
        // Comments may talk about anything; code is what counts.
        let code = line.split("//").next().unwrap_or_default().trim();
        let at = |what: &str| format!("{file}:{}: {what}: {}", number + 1, line.trim());
        if file != DOOR && code.contains("eligo_engine") {
            found.push(at("names the engine outside its door (src/rules.rs)"));
        }
        if code.contains("thread_local!") {
            found.push(at("a thread-local"));
        }
        let item = code
            .strip_prefix("pub(crate) ")
            .or_else(|| code.strip_prefix("pub "))
            .unwrap_or(code);
        if item.starts_with("static mut ") {
            found.push(at("a static mut"));
        } else if item.starts_with("static ") {
            let allocator = file == "src/lib.rs" && previous.trim() == "#[global_allocator]";
            let fetched_texts =
                file == "src/i18n.rs" && item.starts_with("static LOADED: [OnceLock<Vec<String>>;");
            if !allocator && !fetched_texts {
                found.push(at("a static (only the allocator may be one)"));
            }
        }
        previous = line;
    }
    found
}

#[test]
fn one_door_to_the_engine_and_no_global_state() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 10, "the sources are found");
    let mut found = Vec::new();
    let mut door_names_the_engine = false;
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable source");
        let file = path
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        door_names_the_engine |= file == DOOR && text.contains("eligo_engine");
        found.extend(violations(&file, &text));
    }
    assert!(door_names_the_engine, "{DOOR} is the door to the engine");
    assert!(found.is_empty(), "\n{}", found.join("\n"));
}

/// The check itself fails on each kind of mistake (a test that cannot fail is a defect).
#[test]
fn the_check_catches_each_kind_of_mistake() {
    for (file, text) in [
        ("src/components/aid_card.rs", "use eligo_engine::Verdict;"),
        (
            "src/state.rs",
            "    let r = eligo_engine::evaluate(p, a, d); // why",
        ),
        (
            "src/rules.rs",
            "thread_local! { static X: Cell<u8> = Cell::new(0); }",
        ),
        ("src/store.rs", "static mut LOADED: u8 = 0;"),
        (
            "src/page_config.rs",
            "static CONFIG: OnceLock<PageConfig> = OnceLock::new();",
        ),
        ("src/kiosk/mod.rs", "pub(crate) static WIPE: u8 = 0;"),
        (
            "src/i18n.rs",
            "static ANSWERS: OnceLock<Vec<String>> = OnceLock::new();",
        ),
        (
            "src/store.rs",
            "static LOADED: [OnceLock<Vec<String>>; 9] = [];",
        ),
        (
            "src/lib.rs",
            "static ALLOCATOR: talc::Talc = talc::new(); // not marked as the allocator",
        ),
        ("src/format.rs", "    thread_local! {"),
    ] {
        assert_eq!(violations(file, text).len(), 1, "{file}: {text}");
    }
    for (file, text) in [
        ("src/rules.rs", "pub use eligo_engine::Pack;"),
        (
            "src/app.rs",
            "// the engine (eligo_engine) is behind rules.rs",
        ),
        ("src/i18n.rs", "pub fn code(self) -> &'static str {"),
        (
            "src/lib.rs",
            "#[global_allocator]\nstatic ALLOCATOR: talc::Talc = talc::new();",
        ),
    ] {
        assert!(violations(file, text).is_empty(), "{file}: {text}");
    }
}
