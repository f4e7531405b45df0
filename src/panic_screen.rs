//! If the app ever panics, the page must not stay frozen or blank (or keep showing a half-dead form with
//! someone's answers): the apology replaces the page content with a short text in the page's language and a
//! "start again" link, and the panic is logged to the console.
//!
//! Two roads lead here. The release bundle is built with `panic=immediate-abort` (`scripts/build.sh`: no
//! panic messages or formatting machinery in the wasm, 18 KB gzip less), so a panic there is a bare wasm
//! trap that no Rust hook sees: the start-up script catches the `WebAssembly.RuntimeError` and draws the
//! page's own apology (`<template id="eligo-apology">` in index.html, with the violence-help numbers) in
//! plain JS, never calling back into the trapped module; [`prepare`] keeps its texts in the page language
//! while the app is well (`scripts/postbuild.mjs`). Other builds (tests, debug) run the panic hook of
//! [`install`].
//!
//! After a panic the WebAssembly module is dead, so the screen needs no Rust to work: plain DOM made once,
//! a plain link (`./` plus the page's configuration query, which never holds an answer) styled as a
//! button with the classes of `static/app.css` — no inline script, no `style` attribute (the CSP forbids
//! both). On a kiosk, a `<meta http-equiv="refresh">` brings the start screen back by itself.

use crate::i18n::{Key, Lang};
use web_sys::Document;

/// Seconds before a kiosk showing the apology reloads the app by itself.
pub const KIOSK_RELOAD_SECS: u32 = 30;

/// The apology's texts in `lang`: heading, explanation, link.
pub fn texts(lang: Lang) -> (&'static str, &'static str, &'static str) {
    (
        lang.t(Key::PanicTitle),
        lang.t(Key::PanicText),
        lang.t(Key::PanicAgain),
    )
}

/// Installs the panic hook. Called first thing in `main`. A build that aborts at once has no hook to run.
pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| on_panic(&info.to_string())));
}

/// Writes the apology's texts in `lang` onto the page's `<template id="eligo-apology">` (index.html), for
/// the start-up script to draw after a trap without calling into the module that trapped
/// (`scripts/postbuild.mjs`). Called while the app is well, at each change of language.
pub fn prepare(lang: Lang) {
    let Some(template) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("eligo-apology"))
    else {
        return;
    };
    let (title, text, again) = texts(lang);
    for (name, value) in [
        ("data-title", title),
        ("data-text", text),
        ("data-again", again),
        ("data-help", lang.t(Key::UrgentHelp)),
        ("data-lang", lang.code()),
        ("data-dir", lang.dir()),
    ] {
        let _ = template.set_attribute(name, value);
    }
}

/// What the hook does: logs `message` to the console (it never leaves the device), then shows the apology in
/// the language of `<html lang>` at this moment.
pub fn on_panic(message: &str) {
    gloo::console::error!(format!("Eligo stopped: {message}"));
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let lang = page_language(&document);
        render(&document, lang);
    }
}

/// The language of `<html lang>` at this moment; French when it is missing or unknown.
pub fn page_language(document: &Document) -> Lang {
    document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(code.split('-').next().unwrap_or_default()))
        .unwrap_or(Lang::Fr)
}

/// Where "start again" goes: the app's own address, keeping only the page's configuration query
/// (`?kiosk=1…`) and dropping any fragment (a take-away link's). Relative, so it works in any folder.
pub fn restart_href(search: &str) -> String {
    if search.starts_with('?') && search.len() > 1 {
        format!("./{search}")
    } else {
        "./".to_string()
    }
}

/// Replaces the whole page content with the apology in `lang`. Does nothing if the page has no body.
pub fn render(document: &Document, lang: Lang) {
    let Some(body) = document.body() else {
        return;
    };
    let (title, text, again) = texts(lang);
    let search = document
        .location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    // Built node by node: no HTML parsing, nothing from the page's state.
    let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
        let main = document.create_element("main")?;
        main.set_id("main");
        main.set_class_name("app panic-screen");
        main.set_attribute("data-panic", "")?;
        let heading = document.create_element("h1")?;
        heading.set_attribute("tabindex", "-1")?;
        heading.set_text_content(Some(title));
        let paragraph = document.create_element("p")?;
        paragraph.set_text_content(Some(text));
        let actions = document.create_element("p")?;
        actions.set_class_name("actions");
        let link = document.create_element("a")?;
        link.set_class_name("button primary restart");
        link.set_attribute("href", &restart_href(&search))?;
        link.set_text_content(Some(again));
        actions.append_child(&link)?;
        main.append_child(&heading)?;
        main.append_child(&paragraph)?;
        main.append_child(&actions)?;
        Ok(main)
    };
    let Ok(main) = build() else {
        return;
    };
    body.set_inner_html("");
    let _ = body.append_child(&main);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
        if root.has_attribute("data-kiosk")
            && let Ok(refresh) = document.create_element("meta")
            && refresh.set_attribute("http-equiv", "refresh").is_ok()
            && refresh
                .set_attribute(
                    "content",
                    &format!("{KIOSK_RELOAD_SECS};url={}", restart_href(&search)),
                )
                .is_ok()
            && let Ok(Some(head)) = document.query_selector("head")
        {
            let _ = head.append_child(&refresh);
        }
    }
    if let Some(heading) = main
        .first_element_child()
        .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
    {
        let _ = heading.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_again_keeps_the_configuration_only() {
        assert_eq!(restart_href(""), "./");
        assert_eq!(restart_href("?"), "./");
        assert_eq!(restart_href("?kiosk=1&idle=90"), "./?kiosk=1&idle=90");
    }

    #[test]
    fn every_language_has_its_apology() {
        for lang in Lang::ALL {
            let (title, text, again) = texts(lang);
            assert!(!title.is_empty() && !text.is_empty() && !again.is_empty());
        }
        assert_ne!(texts(Lang::Fr), texts(Lang::En));
    }
}

#[cfg(test)]
mod page_fallback {
    use super::*;

    /// The page's own apology (drawn without the wasm) says in French what the table says.
    #[test]
    fn the_page_apology_matches_the_text_table() {
        let page = include_str!("../index.html");
        let (title, text, again) = texts(Lang::Fr);
        for (what, said) in [("title", title), ("text", text), ("again", again)] {
            assert!(
                page.contains(&format!(">{said}<")),
                "index.html's apology lacks the {what}: {said}"
            );
        }
        for number in ["tel:3919", "tel:17", "sms:114"] {
            assert!(page.contains(number), "{number}");
        }
    }
}
