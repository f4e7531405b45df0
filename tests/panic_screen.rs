//! The apology shown after a panic, in headless Chromium (wasm-bindgen-test): it replaces the whole page,
//! speaks the language of `<html lang>` (French otherwise), offers a plain "start again" link that works
//! without the app's code, uses no inline style or script (the CSP forbids both), and the panic is logged.
#![cfg(target_arch = "wasm32")]

use eligo::i18n::Lang;
use eligo::panic_screen::{on_panic, page_language, render, texts};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    gloo::utils::document()
}

fn root() -> Element {
    document().document_element().unwrap()
}

/// Runs `check` on a page as the app leaves it (a form with a typed answer, in `lang`), then puts the test
/// runner's own nodes back (it reports through them).
fn on_app_page(lang: &str, check: impl FnOnce()) {
    let body = document().body().unwrap();
    let runner: Vec<web_sys::Node> = (0..body.child_nodes().length())
        .filter_map(|i| body.child_nodes().item(i))
        .collect();
    for node in &runner {
        body.remove_child(node).unwrap();
    }
    root().set_attribute("lang", lang).unwrap();
    body.set_inner_html(
        r#"<main id="main" class="app"><form><h1>Question</h1><input id="q-input" value="1337,42"></form></main>"#,
    );
    check();
    body.set_inner_html("");
    for node in &runner {
        body.append_child(node).unwrap();
    }
}

fn check_apology(lang: Lang) {
    let (title, text, again) = texts(lang);
    let body = document().body().unwrap();
    let screen = body
        .query_selector("main.panic-screen")
        .unwrap()
        .expect("the apology");
    assert_eq!(
        body.child_element_count(),
        1,
        "the apology replaces the page"
    );
    assert!(
        body.query_selector("form, input").unwrap().is_none(),
        "nothing of the app is left, and no answer"
    );
    assert!(!body.inner_html().contains("1337"));
    let heading = screen.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), title);
    assert!(screen.text_content().unwrap().contains(text));
    let link = screen.query_selector("a.button.primary").unwrap().unwrap();
    assert_eq!(link.text_content().unwrap(), again);
    let href = link.get_attribute("href").unwrap();
    assert!(href == "./" || href.starts_with("./?"), "{href}");
    assert!(
        !href.contains('#'),
        "no fragment (a take-away link's) is kept"
    );
    assert_eq!(root().get_attribute("lang").as_deref(), Some(lang.code()));
    assert_eq!(root().get_attribute("dir").as_deref(), Some(lang.dir()));
    assert_eq!(
        document()
            .query_selector_all("[style], script:not([src])")
            .unwrap()
            .length(),
        0,
        "no inline style or script: the CSP allows neither"
    );
    assert_eq!(
        document().active_element().map(|e| e.tag_name()),
        Some("H1".to_string()),
        "focus on the apology's heading"
    );
}

#[wasm_bindgen_test]
fn the_apology_speaks_the_page_language_with_a_plain_start_again_link() {
    for (code, lang) in [("en", Lang::En), ("ar", Lang::Ar), ("fr", Lang::Fr)] {
        on_app_page(code, || {
            assert_eq!(page_language(&document()), lang);
            render(&document(), lang);
            check_apology(lang);
        });
    }
}

#[wasm_bindgen_test]
fn an_unknown_or_missing_page_language_falls_back_to_french() {
    root().set_attribute("lang", "xx").unwrap();
    assert_eq!(page_language(&document()), Lang::Fr);
    root().set_attribute("lang", "en-GB").unwrap();
    assert_eq!(page_language(&document()), Lang::En);
    root().remove_attribute("lang").unwrap();
    assert_eq!(page_language(&document()), Lang::Fr);
}

#[wasm_bindgen_test]
fn what_the_hook_does_logs_the_panic_and_shows_the_apology() {
    // Record console.error while the hook's work runs.
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = js_sys::Reflect::get(&console, &"error".into()).unwrap();
    let logged = js_sys::Array::new();
    let recorder = {
        let logged = logged.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
            logged.push(&message);
        })
    };
    js_sys::Reflect::set(&console, &"error".into(), recorder.as_ref().unchecked_ref()).unwrap();

    on_app_page("ar", || {
        on_panic("index out of bounds (test)");
        js_sys::Reflect::set(&console, &"error".into(), &original).unwrap();
        let messages: Vec<String> = logged.iter().filter_map(|m| m.as_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("index out of bounds (test)")),
            "the panic is logged: {messages:?}"
        );
        check_apology(Lang::Ar);
    });
}

#[wasm_bindgen_test]
fn on_a_kiosk_the_apology_reloads_the_start_screen_by_itself() {
    on_app_page("fr", || {
        root().set_attribute("data-kiosk", "").unwrap();
        render(&document(), Lang::Fr);
        root().remove_attribute("data-kiosk").unwrap();
        let refresh = document()
            .query_selector(r#"meta[http-equiv="refresh"]"#)
            .unwrap()
            .expect("a refresh");
        let content = refresh.get_attribute("content").unwrap();
        refresh.remove();
        assert!(content.starts_with("30;url=./"), "{content}");
        check_apology(Lang::Fr);
    });
}
