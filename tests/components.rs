//! Component tests, run in headless Chromium by wasm-bindgen-test (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element of the test page and lets Yew render.
async fn mount_app() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // The release app fetches its packs; here they are compiled from the build, as if fetched.
    let props = eligo::app::AppProps {
        rules: std::rc::Rc::new(eligo::store::Rules::embedded()),
        ..Default::default()
    };
    yew::Renderer::<eligo::app::App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Waits for a later task of the page (timers, promises awaited by the app), then lets Yew render.
async fn after_a_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

/// Waits until the results screen is drawn whole: its first screenful is painted first, the rest a part per
/// frame and task after it (src/components/results.rs, `Drawn`), the last part the sheet kept for printing.
async fn until_results_drawn(root: &Element) {
    for _ in 0..100 {
        if find(root, "section.results > .print-only").is_some() {
            return;
        }
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            gloo::utils::window()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
        after_a_task().await;
    }
    panic!("the results screen was never drawn whole");
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

async fn click(root: &Element, selector: &str) {
    let element = find(root, selector).unwrap_or_else(|| panic!("no element {selector}"));
    element.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

/// Clicks, then lets spawned tasks run before rendering: a language switch first makes sure the pack's
/// texts in that language are there (an async step, immediate here).
async fn click_and_settle(root: &Element, selector: &str) {
    click(root, selector).await;
    let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, text: &str) {
    let input: HtmlInputElement = find(root, "#q-input").unwrap().unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn question_id(root: &Element) -> Option<String> {
    find(root, "section.question").and_then(|s| s.get_attribute("data-question"))
}

fn kind(root: &Element) -> Option<String> {
    find(root, "section.question").and_then(|s| s.get_attribute("data-kind"))
}

#[wasm_bindgen_test]
async fn app_renders_its_title() {
    let root = mount_app().await;
    let heading = root.query_selector("h1").unwrap().expect("a heading");
    assert!(!heading.text_content().unwrap_or_default().trim().is_empty());
}

#[wasm_bindgen_test]
async fn letters_in_a_money_field_show_an_error_and_do_not_advance() {
    let root = mount_app().await;
    click(&root, "#territory-chenove").await;
    click(&root, "section.start button.primary").await;
    // Give plain answers (first choice, a number) until the engine asks for an amount of money.
    for _ in 0..30 {
        match kind(&root).as_deref() {
            Some("money") | None => break,
            Some("integer") if question_id(&root).as_deref() == Some("age") => {
                type_into(&root, "30").await
            }
            Some("integer") => type_into(&root, "2").await,
            Some("one_of") | Some("yes_no") => {
                click(&root, "section.question input[type=radio]").await
            }
            _ => {}
        }
        click(&root, "section.question button[type=submit]").await;
    }
    assert_eq!(
        kind(&root).as_deref(),
        Some("money"),
        "a money question is asked"
    );
    let asked = question_id(&root);
    let input: HtmlInputElement = find(&root, "#q-input").unwrap().unchecked_into();
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("decimal"));
    input.set_value("douze euros");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(&root, "section.question button[type=submit]").await;

    let error = find(&root, "#q-error").expect("an inline error");
    let focused = gloo::utils::document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("q-input"),
        "focus back on the field"
    );
    assert!(!error.text_content().unwrap_or_default().trim().is_empty());
    assert_eq!(question_id(&root), asked, "the same question stays");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "q-error"),
        "the error describes the field"
    );
    let status = find(&root, "[role=status]")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert_eq!(
        status.trim(),
        error.text_content().unwrap_or_default().trim(),
        "the live region announces it"
    );

    // A French amount is accepted and the questionnaire moves on.
    input.set_value("1 234,50");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(&root, "section.question button[type=submit]").await;
    assert!(find(&root, "#q-error").is_none());
    assert_ne!(question_id(&root), asked);
}

#[wasm_bindgen_test]
async fn the_language_switch_flips_direction_and_keeps_answers() {
    let root = mount_app().await;
    click(&root, "section.start button.primary").await;
    click(&root, "button.dont-know").await;
    let asked = question_id(&root);
    click_and_settle(&root, ".languages button[lang=ar]").await;
    let html = gloo::utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(question_id(&root), asked, "the same question, in Arabic");
    let back = find(&root, "button.back")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert_eq!(back.trim(), "رجوع");
    click_and_settle(&root, ".languages button[lang=fr]").await;
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(question_id(&root), asked);
}

#[wasm_bindgen_test]
async fn back_returns_to_the_previous_question_with_its_answer() {
    let root = mount_app().await;
    click(&root, "section.start button.primary").await;
    let first = question_id(&root);
    click(&root, "button.dont-know").await;
    assert_ne!(question_id(&root), first);
    click(&root, "button.back").await;
    assert_eq!(question_id(&root), first);
    click(&root, "button.back").await;
    assert!(
        find(&root, "section.start").is_some(),
        "back from the first question goes to the start"
    );
}

#[wasm_bindgen_test]
async fn results_can_be_seen_at_any_point() {
    let root = mount_app().await;
    click(&root, "section.start button.primary").await;
    click(&root, "button.results-now").await;
    assert!(find(&root, "section.results").is_some());
    assert!(find(&root, "section.results .group.for-you").is_some());
    let status = find(&root, "[role=status]")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(!status.trim().is_empty(), "the results are announced");
}

/// The kiosk runs for days and wipes the app after each person (mounted anew): the heap must stop growing
/// once warm (no leak per session, no creeping fragmentation in the allocator). Warm means 160 sessions, then
/// 320 more must not add a single page: the memory grows by whole 64 KB pages, and where the heap's
/// high-water mark falls against a page boundary depends on the build (the sources' path is in the binary);
/// a clean CI checkout once took its last page at the 60th session, a legitimate high-water mark, flat after.
#[wasm_bindgen_test]
async fn a_day_of_kiosk_sessions_does_not_grow_the_memory() {
    let memory_bytes = || {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    // A kiosk page: its "Finish" button wipes the session.
    let html = gloo::utils::document().document_element().unwrap();
    html.set_attribute("data-kiosk", "").unwrap();
    let root = mount_app().await;
    html.remove_attribute("data-kiosk").unwrap();
    after_a_task().await;
    let mut warm = 0;
    let mut marks = Vec::new();
    for session in 0..480 {
        click(&root, "section.start button.primary").await;
        for _ in 0..4 {
            if find(&root, "button.dont-know").is_some() {
                click(&root, "button.dont-know").await;
            }
        }
        click(&root, "button.results-now").await;
        assert!(
            find(&root, "section.results").is_some(),
            "session {session}"
        );
        click(&root, ".kiosk-bar button.kiosk-finish").await;
        after_a_task().await;
        assert!(
            find(&root, "section.start").is_some(),
            "wiped after session {session}"
        );
        if session == 160 {
            warm = memory_bytes();
        }
        if session % 40 == 0 {
            marks.push((session, memory_bytes()));
        }
    }
    assert_eq!(
        memory_bytes(),
        warm,
        "the memory grew between the 160th and the 480th session (session, bytes): {marks:?}"
    );
}

/// The take-away QR code is drawn by the encoder that the start-up script of the release build loads on
/// demand (`eligoQrPath`, see src/take_away/qr.rs). Without it (as on this test page) the panel shows the
/// link written out, without waiting or failing; with it, the code it draws.
#[wasm_bindgen_test]
async fn the_qr_code_comes_from_the_encoder_loaded_on_demand() {
    let root = mount_app().await;
    click(&root, "section.start button.primary").await;
    click(&root, "button.results-now").await;
    // The take-away is below the results' first screenful, drawn after it is painted.
    until_results_drawn(&root).await;
    let toggle = ".take-away button[aria-controls=\"take-away-qr\"]";

    click(&root, toggle).await;
    after_a_task().await;
    let link = find(&root, "#take-away-qr .qr-link bdi").expect("the link written out");
    let link = link.text_content().unwrap_or_default();
    assert!(link.contains("#t="), "{link}");
    assert!(
        find(&root, "#take-away-qr svg.qr").is_none(),
        "no encoder, no code"
    );
    assert!(
        find(&root, "#take-away-qr .qr-wait").is_none(),
        "not waiting for it"
    );
    click(&root, toggle).await;
    assert!(find(&root, "#take-away-qr figure").is_none(), "closed");

    // A stand-in encoder: a code for the link, nothing for anything else.
    let global = js_sys::global();
    let name = wasm_bindgen::JsValue::from_str("eligoQrPath");
    let encoder = js_sys::Function::new_with_args(
        "text",
        "return Promise.resolve(text.includes('#t=') ? { path: 'M4,4h7v1h-7z', size: 33 } : null)",
    );
    js_sys::Reflect::set(&global, &name, &encoder).unwrap();
    click(&root, toggle).await;
    assert!(
        find(&root, "#take-away-qr .qr-wait").is_some(),
        "a square where the code will be"
    );
    after_a_task().await;
    let svg = find(&root, "#take-away-qr svg.qr");
    let path = find(&root, "#take-away-qr svg.qr path");
    js_sys::Reflect::delete_property(&global, &name).unwrap();
    let svg = svg.expect("the code drawn");
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 33 33"));
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(
        svg.get_attribute("aria-label")
            .is_some_and(|l| !l.is_empty())
    );
    assert_eq!(
        path.and_then(|p| p.get_attribute("d")).as_deref(),
        Some("M4,4h7v1h-7z")
    );
    assert!(find(&root, "#take-away-qr .qr-wait").is_none());
}

/// Whether the check box of option `option` is ticked.
fn ticked(root: &Element, option: &str) -> bool {
    find(root, &format!("#q-opt-{option}"))
        .map(|e| e.unchecked_into::<HtmlInputElement>().checked())
        .unwrap_or_else(|| panic!("no option {option}"))
}

/// Issue 19: ticking "Aucune de ces aides" unticks the others and ticking another unticks it; an amount
/// typed `1.000` is one thousand, and the answers recap shows it as read ("1 000 €"), not as typed.
#[wasm_bindgen_test]
async fn none_of_these_unticks_the_others_and_the_recap_shows_amounts_as_read() {
    let root = mount_app().await;
    click_and_settle(&root, ".languages button[lang=fr]").await;
    click(&root, "#territory-chenove").await;
    click(&root, "section.start button.primary").await;
    let mut seen_receives = false;
    for _ in 0..40 {
        match kind(&root).as_deref() {
            None => break,
            Some("money") => type_into(&root, "1.000").await,
            Some("integer") if question_id(&root).as_deref() == Some("age") => {
                type_into(&root, "30").await
            }
            Some("integer") => type_into(&root, "2").await,
            Some("one_of") | Some("yes_no") => {
                click(&root, "section.question input[type=radio]").await
            }
            Some("several_of") if question_id(&root).as_deref() == Some("receives") => {
                seen_receives = true;
                click(&root, "#q-opt-rsa").await;
                click(&root, "#q-opt-css").await;
                assert!(ticked(&root, "rsa") && ticked(&root, "css"));
                click(&root, "#q-opt-none").await;
                assert!(ticked(&root, "none"), "none of these is ticked");
                assert!(
                    !ticked(&root, "rsa") && !ticked(&root, "css"),
                    "none of these unticks the others"
                );
                click(&root, "#q-opt-aah").await;
                assert!(ticked(&root, "aah"));
                assert!(
                    !ticked(&root, "none"),
                    "another option unticks none of these"
                );
                click(&root, "#q-opt-none").await;
            }
            Some("several_of") => click(&root, "section.question input[type=checkbox]").await,
            _ => {}
        }
        click(&root, "section.question button[type=submit]").await;
        assert!(
            find(&root, "#q-error").is_none(),
            "an answer was refused: {:?}",
            find(&root, "#q-error").and_then(|e| e.text_content())
        );
    }
    assert!(seen_receives, "the several-of question was asked");
    // The recap is below the results' first screenful, drawn after it is painted.
    until_results_drawn(&root).await;
    let shown = |root: &Element| {
        find(root, "#answer-monthly_resources .value")
            .expect("the amount in the recap")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{a0}', '\u{202f}'], " ")
    };
    assert_eq!(
        shown(&root),
        "1 000 €",
        "the amount as read, not the raw text"
    );
    click_and_settle(&root, ".languages button[lang=en]").await;
    assert_eq!(shown(&root), "€1,000", "formatted per language");
    click_and_settle(&root, ".languages button[lang=fr]").await;
}

/// Issue 14: a results card is short (name, verdict in words, next step) with everything else behind one
/// disclosure: each criterion met / not met / not known / not needed, and "you meet X of Y"; the heading
/// counts the aids in words that agree with the number; the page ends with the next steps.
#[wasm_bindgen_test]
async fn a_results_card_is_short_and_keeps_the_rest_behind_one_disclosure() {
    let root = mount_app().await;
    click_and_settle(&root, ".languages button[lang=fr]").await;
    click(&root, "#territory-chenove").await;
    click(&root, "section.start button.primary").await;
    click(&root, "button.results-now").await;
    let card = find(&root, "section.results .for-you article.aid").expect("a card that fits");
    for part in ["h3", ".verdict", ".next-step"] {
        assert!(
            card.query_selector(part).unwrap().is_some(),
            "the card has {part}"
        );
    }
    assert_eq!(
        card.query_selector_all("details").unwrap().length(),
        1,
        "one disclosure"
    );
    assert!(
        card.query_selector(":scope > a, :scope > p a, :scope > button, :scope > p button")
            .unwrap()
            .is_none(),
        "nothing to click outside the disclosure"
    );
    // Issue 16: closed, the disclosure holds its summary only (its body is built when it opens); opened, the
    // body is there after the toggle's task.
    let details = card.query_selector("details").unwrap().unwrap();
    assert_eq!(
        details.child_element_count(),
        1,
        "a closed disclosure holds its summary only: {}",
        details.inner_html()
    );
    details.set_attribute("open", "").unwrap();
    after_a_task().await;
    let criteria = card.query_selector_all("details .criteria li").unwrap();
    assert!(criteria.length() > 0, "the criteria are listed");
    for i in 0..criteria.length() {
        let class = criteria
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .class_name();
        assert!(
            ["met", "failed", "unknown", "not-needed"].contains(&class.as_str()),
            "{class}"
        );
    }
    let count = card
        .query_selector("details h4")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(count.starts_with("Conditions remplies"), "{count}");
    let heading = find(&root, "#group-for-you")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(!heading.contains('('), "a count in words: {heading}");
    until_results_drawn(&root).await;
    let last = find(&root, "section.results > .next-steps");
    assert!(last.is_some(), "the page ends with the next steps");
}

/// `eligo::rules::money_words` and `number_words` (the engine's `numbers`) write amounts and numbers as the
/// browser's `Intl.NumberFormat` does for each language's `number_locale` (the app no longer asks `Intl`: its
/// first formatter costs a long task). Fails when CLDR or the table in engine/src/numbers.rs change apart.
#[wasm_bindgen_test]
fn format_matches_intl() {
    use eligo::i18n::Lang;
    let values = [
        "0",
        "7",
        "12.5",
        "120",
        "999.999",
        "1234",
        "12345",
        "1234567.05",
        "0.5",
    ];
    let intl = |locale: &str, min_fraction: u32, money: bool, value: &str| -> String {
        let options = js_sys::Object::new();
        let set = |k: &str, v: wasm_bindgen::JsValue| {
            js_sys::Reflect::set(&options, &k.into(), &v).unwrap();
        };
        if money {
            set("style", "currency".into());
            set("currency", "EUR".into());
        }
        set("minimumFractionDigits", min_fraction.into());
        set("maximumFractionDigits", 2.into());
        let locales = js_sys::Array::of1(&locale.into());
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        format
            .call1(&wasm_bindgen::JsValue::NULL, &value.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    let mut differences = Vec::new();
    for lang in Lang::ALL {
        let locale = lang.number_locale();
        for value in values {
            let cents = !<rust_decimal::Decimal as std::str::FromStr>::from_str(value)
                .unwrap()
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .fract()
                .is_zero();
            let expected = intl(locale, if cents { 2 } else { 0 }, true, value);
            let got = eligo::rules::money_words(lang, value);
            if got != expected {
                differences.push(format!(
                    "{locale} money {value}: {got:?}, Intl {expected:?}"
                ));
            }
            let expected = intl(locale, 0, false, value);
            let got = eligo::rules::number_words(lang, value);
            if got != expected {
                differences.push(format!(
                    "{locale} number {value}: {got:?}, Intl {expected:?}"
                ));
            }
        }
    }
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}
