//! Embedding in a city's page: the widget tells its height to the embedding page, and only to it.
//!
//! The page gives its origin (`?host=https://www.ville.fr`, checked by [`crate::page_config`]); each time the
//! content's height changes, the widget posts `{type: "eligo:height", height}` to `parent` with that origin as
//! the target, so the browser delivers it to no other page. Where the browser tells the embedding origin
//! (`location.ancestorOrigins`), a mismatch stops the messages. The widget listens to no message at all: a
//! message from any origin changes nothing. The host side is `static/embed.js`.
//!
//! Any page may frame the widget and name itself as `host`, and the height says something about the
//! results; a webmaster who lists the embedders in `<html data-host-origins="…">` (the page's own markup,
//! never the URL) gets no height told to any other (`host` outside the list is dropped by
//! [`crate::page_config`]); `frame-ancestors` in the server's CSP header stops the framing itself
//! (docs/embedding.md).

/// Starts the height messages when the app runs in an iframe of the configured host.
pub fn start(config: &crate::page_config::PageConfig) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    let Some(host) = config.host_origin.clone() else {
        return;
    };
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    // `location.ancestorOrigins` (Chromium, Safari): the embedding page's real origin.
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    let first = ancestors
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|o| o.as_string());
    if let Some(first) = first
        && first != host
    {
        gloo::console::warn!(format!(
            "Eligo: embedded by {first}, not by host={host}: no height messages"
        ));
        return;
    }
    let Some(body) = gloo::utils::document().body() else {
        return;
    };
    let last = std::cell::Cell::new(0.0_f64);
    let measured = body.clone();
    let post = move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if (height - last.get()).abs() < 1.0 {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"eligo:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &host);
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // Lives as long as the page.
    callback.forget();
}
