//! Offline use: registers the service worker (`sw.js`, written by `scripts/postbuild.mjs` with the list of
//! the build's static files). It caches those static files only — never a request or a page carrying
//! anything about the resident's answers, which never leave memory anyway.

/// Registers `./sw.js` where the browser allows service workers (secure contexts). A missing worker (the
/// development server has none) is not an error.
pub fn register() {
    use wasm_bindgen::JsValue;
    let window = gloo::utils::window();
    if !window.is_secure_context() {
        return;
    }
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    yew::platform::spawn_local(async move {
        // Without a worker the app simply needs the network: nothing to tell the resident.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
