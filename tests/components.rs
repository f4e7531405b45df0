//! Component tests, run in headless Chromium by wasm-bindgen-test (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element of the test page and lets Yew render.
async fn mount_app() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<eligo::app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn app_renders_its_title() {
    let root = mount_app().await;
    let heading = root.query_selector("h1").unwrap().expect("a heading");
    assert!(!heading.text_content().unwrap_or_default().trim().is_empty());
}
