//! Files of this computer: through the File System Access API where the browser has it (pickers to open a
//! pack's files or its folder, and saving back into the same files), else a file input to open and
//! downloads to save. The JavaScript side is `window.eligoFiles` (staff/studio/editor/editor.js); the
//! handles stay in the page's memory. Nothing is stored or sent.

use crate::workspace::SourceFile;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = eligoFiles, js_name = available)]
    fn js_available() -> bool;
    #[wasm_bindgen(js_namespace = eligoFiles, js_name = openFiles, catch)]
    fn js_open_files() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = eligoFiles, js_name = openFolder, catch)]
    fn js_open_folder() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = eligoFiles, js_name = has)]
    fn js_has(name: &str) -> bool;
    #[wasm_bindgen(js_namespace = eligoFiles, js_name = save, catch)]
    fn js_save(name: &str, text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Whether the browser can open and save files in place (the File System Access API).
pub fn in_place() -> bool {
    js_available()
}

/// Whether file `name` was opened through a picker (it is saved in place).
pub fn opened_in_place(name: &str) -> bool {
    in_place() && js_has(name)
}

fn files_of(value: JsValue) -> Vec<SourceFile> {
    js_sys::Array::from(&value)
        .iter()
        .filter_map(|item| {
            let get = |key: &str| {
                js_sys::Reflect::get(&item, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            Some(SourceFile {
                name: get("name")?,
                text: get("text")?,
            })
        })
        .collect()
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    let why = |e: JsValue| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_default()
    };
    wasm_bindgen_futures::JsFuture::from(promise.map_err(why)?)
        .await
        .map_err(why)
}

/// The files chosen with the picker (none when it was closed).
pub async fn open_files() -> Result<Vec<SourceFile>, String> {
    settle(js_open_files()).await.map(files_of)
}

/// Every `.toml` file of the folder chosen, named by its path in it (`chenove/pack.toml`).
pub async fn open_folder() -> Result<Vec<SourceFile>, String> {
    settle(js_open_folder()).await.map(files_of)
}

/// Writes `text` into the file `name` was opened from.
pub async fn save_in_place(name: &str, text: &str) -> Result<(), String> {
    settle(js_save(name, text)).await.map(drop)
}
