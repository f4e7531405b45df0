//! The app's shape, checked on its source (native: `cargo test --workspace`):
//! - one door to the engine: no file of `src/` but `src/rules.rs` names `eligo_engine`;
//! - no global holding app state: no `thread_local!`, no `static mut`, no `static` item at all (a
//!   `OnceCell`/`OnceLock`/`LazyLock` global is one) but the two allowed: the wasm allocator
//!   (`#[global_allocator]` in `src/lib.rs`) and the panic hook (installed with `std::panic::set_hook`,
//!   no static of ours); and the interface texts of a language fetched on demand (`LOADED` in
//!   `src/i18n.rs`): set once when the language's file arrives, read-only after, never the resident's
//!   answers (the texts are the same for everyone, like the compiled French, English and Arabic tables);
//! - no import circle between the modules of the app, nor between those of the engine (tests left out):
//!   data and calls flow down, from the shell and the app to the components, the state and the door; in the
//!   engine, from the loader and the explanation to the evaluator, the sentences and the pack's data
//!   (`farm-studio look` drew four circles in the app and one of 17 files in the engine before they were
//!   taken apart).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
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
        ("src/components/aid_card.rs", "    thread_local! {"),
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

/// `src/components/aid_card.rs` → `components::aid_card`; `src/kiosk/mod.rs` → `kiosk`; the crate root
/// (`src/lib.rs`, `src/main.rs`, which declare and start the modules) and the binaries (`src/bin/`) → `None`.
fn module_of(file: &str) -> Option<String> {
    let path = file.strip_prefix("src/")?.strip_suffix(".rs")?;
    let path = path.strip_suffix("/mod").unwrap_or(path);
    (path != "lib" && path != "main" && !path.starts_with("bin/")).then(|| path.replace('/', "::"))
}

/// The modules of `modules` that the code of `module` names (`crate::a::b…`, `crate::a::{b, c::d}` and
/// `super::…`), tests left out (a test may reach anywhere).
fn references(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .take_while(|line| {
            !line.trim().starts_with("#[cfg(test)]") && !line.trim().starts_with("#[cfg(all(test")
        })
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut found = BTreeSet::new();
    for (start, base) in [("crate::", ""), ("super::", parent)] {
        for (at, _) in code.match_indices(start) {
            for path in expand(base, path_at(&code[at + start.len()..])) {
                // The deepest module the path names (`components::aid_card::next_step` → the card).
                let mut named = String::new();
                let deepest = path
                    .split("::")
                    .filter_map(|part| {
                        if !named.is_empty() {
                            named.push_str("::");
                        }
                        named.push_str(part);
                        modules.contains(&named).then(|| named.clone())
                    })
                    .last();
                found.extend(deepest.filter(|m| m != module));
            }
        }
    }
    found
}

/// The path written at the start of `code`, with its `{…}` groups: `components::{header, results::x}`.
fn path_at(code: &str) -> &str {
    let mut depth = 0usize;
    let end = code
        .char_indices()
        .find(|&(_, c)| match c {
            '{' => {
                depth += 1;
                false
            }
            '}' if depth > 0 => {
                depth -= 1;
                false
            }
            c if c.is_alphanumeric() || c == '_' || c == ':' => false,
            ',' | ' ' | '*' if depth > 0 => false,
            _ => true,
        })
        .map_or(code.len(), |(i, _)| i);
    &code[..end]
}

/// Each path a written path stands for, under `base`: `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(base: &str, written: &str) -> Vec<String> {
    let join = |a: &str, b: &str| match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    };
    let Some(open) = written.find('{') else {
        return vec![join(base, written.trim().trim_end_matches(':'))];
    };
    let head = join(base, written[..open].trim().trim_end_matches(':'));
    let inner = &written[open + 1..written.rfind('}').unwrap_or(written.len())];
    let (mut parts, mut depth, mut from) = (Vec::new(), 0usize, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(&head, p.trim()))
        .collect()
}

/// A circle of `graph` (module → the modules it names), as the modules around it, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn walk(
        at: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == at) {
            let mut found = path[start..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        if !done.insert(at.to_string()) {
            return None;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(found) = walk(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| walk(m, graph, &mut Vec::new(), &mut done))
}

/// Module → the modules it names, for the crate whose sources are in `crate_dir/src`.
fn import_graph(crate_dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(&crate_dir.join("src"), &mut files);
    let texts: BTreeMap<String, String> = files
        .iter()
        .filter_map(|path| {
            let file = path
                .strip_prefix(crate_dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((module_of(&file)?, std::fs::read_to_string(path).ok()?))
        })
        .collect();
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    texts
        .iter()
        .map(|(module, text)| (module.clone(), references(module, text, &modules)))
        .collect()
}

#[test]
fn no_import_circle_between_the_app_s_modules() {
    let graph = import_graph(Path::new(env!("CARGO_MANIFEST_DIR")));
    // The graph is really read: the app names its components, a component the state.
    assert!(graph["app"].contains("components::results"), "{graph:?}");
    assert!(graph["components::aid_card"].contains("state"), "{graph:?}");
    assert_eq!(
        circle(&graph),
        None,
        "an import circle (each names the next)"
    );
}

/// The engine too: the pack's format and data (`schema`, `pack`, `words`, `guide::items`, `handover::key`) sit
/// below the code that reads and evaluates packs, and the explanation above the sentences it is made of.
#[test]
fn no_import_circle_between_the_engine_s_modules() {
    let graph = import_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("engine"));
    assert!(graph["sentences"].contains("words"), "{graph:?}");
    assert!(graph["explain"].contains("sentences"), "{graph:?}");
    assert!(graph["schema"].contains("guide::items"), "{graph:?}");
    assert_eq!(
        circle(&graph),
        None,
        "an import circle in the engine (each names the next)"
    );
}

/// The circle check finds a circle, through `super::` too, and none where calls only flow down.
#[test]
fn the_circle_check_finds_a_circle() {
    let modules: BTreeSet<String> = ["app", "shell", "components", "components::card", "state"]
        .map(String::from)
        .into();
    let read = |pairs: &[(&str, &str)]| -> BTreeMap<String, BTreeSet<String>> {
        pairs
            .iter()
            .map(|(m, text)| (m.to_string(), references(m, text, &modules)))
            .collect()
    };
    let down = read(&[
        ("shell", "use crate::app::App;"),
        (
            "app",
            "crate::components::card::card(x);\nuse crate::{\n    components::{card::Card, text},\n    state::Action,\n};",
        ),
        (
            "components::card",
            "use super::text; // crate::app in a comment\n#[cfg(test)]\nuse crate::app;",
        ),
        ("components", "use crate::state::StateProp;"),
        ("state", ""),
    ]);
    assert_eq!(down["components::card"], ["components".to_string()].into());
    assert_eq!(
        down["app"],
        ["components", "components::card", "state"]
            .map(String::from)
            .into()
    );
    assert_eq!(circle(&down), None);
    let looped = read(&[
        ("shell", "use crate::app::App;"),
        ("app", "crate::shell::forget_fragment();"),
    ]);
    assert_eq!(
        circle(&looped),
        Some(["app", "shell", "app"].map(String::from).to_vec())
    );
    let through_super = read(&[
        ("components", "use crate::state::StateProp;"),
        ("components::card", "use super::text;"),
        ("state", "use crate::components::card::Card;"),
    ]);
    assert!(circle(&through_super).is_some());
}
