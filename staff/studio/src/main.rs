//! Eligo Studio (`studio.html`): CCAS staff open a rules pack, edit it with live problems, run every case,
//! preview the resident's journey with the app's own views, compare with the published version for the
//! board, and download the files to publish. A separate bundle: the resident pages never fetch it.

mod app;
mod editor;
mod engine_door;
mod files;
mod forms;
mod include_list;
mod state;
mod texts;
mod views;
mod workspace;

fn main() {
    yew::Renderer::<app::StudioApp>::new().render();
}

/// The time of a full re-check (load, check, compile) plus every case of the largest built-in pack after an
/// edit, `runs` times, in milliseconds (scripts/bench-studio.mjs calls it in Chromium).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn studio_bench(runs: u32) -> Vec<f64> {
    let largest = workspace::Workspace::built_in_ids()
        .filter_map(workspace::Workspace::built_in)
        .max_by_key(|w| w.files.iter().map(|f| f.text.len()).sum::<usize>())
        .expect("a built-in pack");
    let performance = gloo::utils::window().performance().expect("performance");
    (0..runs)
        .map(|i| {
            // A real edit: a value a rule uses, changed back and forth (the pack and the cases' verdicts
            // change: nothing of the last run can be reused but what the other files give).
            let text = &largest.files[0].text;
            let edited = match text.find("value = 420,") {
                Some(at) => format!(
                    "{}value = {},{}",
                    &text[..at],
                    420 + i % 2,
                    &text[at + 12..]
                ),
                None => format!("{text}\n# edit {i}\n"),
            };
            let edited = largest.with_text(0, edited);
            let start = performance.now();
            let checked = engine_door::check(&edited.files, eligo::rules::today());
            assert!(checked.pack.is_some() && !checked.cases.is_empty());
            performance.now() - start
        })
        .collect()
}
