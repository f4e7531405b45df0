//! The few things the app asks of the page: its language attributes, the browser language, a
//! territory fixed by the page, printing, leaving quickly, and fetching a file (a pack). No storage, no
//! request carrying anything the resident typed.

use crate::i18n::Lang;

/// Where "leave quickly" goes, unless the page sets `data-leave-url` on `<html>`.
pub const NEUTRAL_URL: &str = "https://www.google.fr/";

fn root() -> Option<web_sys::Element> {
    gloo::utils::document().document_element()
}

/// Sets `lang` and `dir` on `<html>`.
pub fn set_root_language(lang: Lang) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// Whether the page still shows the start screen prerendered at build time (tools/prerender marks its help
/// `data-prerender`; the start-up script takes the mark away when the page will not open on that screen).
pub fn prerendered() -> bool {
    gloo::utils::document()
        .query_selector("[data-prerender]")
        .is_ok_and(|found| found.is_some())
}

/// What the resident did on the prerendered start screen before the app ran, as the start-up script noted
/// it on `<html>` (`data-early-territory`, `data-early-lang`, `data-early-safety`, `data-early-start`;
/// static/startup-template.js).
pub fn early_choices() -> crate::early::Early {
    let Some(root) = root() else {
        return crate::early::Early::default();
    };
    crate::early::Early {
        territory: root.get_attribute("data-early-territory"),
        lang: root
            .get_attribute("data-early-lang")
            .and_then(|code| Lang::from_code(&code)),
        safety: root.has_attribute("data-early-safety"),
        start: root.has_attribute("data-early-start"),
    }
}

/// The interface language for the browser's preferred language.
pub fn browser_language() -> Lang {
    // A language fixed by the page (`<html data-lang="ar">`, or `?lang=ar` through `page_config`).
    if let Some(lang) = root()
        .and_then(|r| r.get_attribute("data-lang"))
        .and_then(|c| Lang::from_code(&c))
    {
        return lang;
    }
    gloo::utils::window()
        .navigator()
        .language()
        .map_or(Lang::Fr, |tag| Lang::from_browser(&tag))
}

/// The territory a page fixes with `<html data-territory="chenove">` (kiosk, embed).
pub fn page_territory() -> Option<String> {
    root()
        .and_then(|r| r.get_attribute("data-territory"))
        .filter(|t| !t.is_empty())
}

/// Resolves in a later task of the page (after a `setTimeout` of 0), leaving nothing behind once done (a
/// forgotten timer closure would stay in memory for good).
pub async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Blanks the page and replaces it, and its history entry, with a neutral site; `embedded` (in a city's
/// page): the whole tab.
pub fn leave_quickly(embedded: bool) {
    let document = gloo::utils::document();
    if let Some(body) = document.body() {
        body.set_inner_html("");
    }
    document.set_title("");
    let url = root()
        .and_then(|r| r.get_attribute("data-leave-url"))
        .filter(|u| u.starts_with("https://"))
        .unwrap_or_else(|| NEUTRAL_URL.to_string());
    // Embedded in a city's page, the whole tab leaves, not only the frame (the browser allows it after a
    // click or a key press); if the frame may not, it leaves alone.
    if embedded
        && let Ok(Some(top)) = gloo::utils::window().top()
        && top.location().replace(&url).is_ok()
    {
        return;
    }
    let _ = gloo::utils::window().location().replace(&url);
}

/// Fetches a file (a pack: the city's, or a built-in one from the app's own folder) with a GET;
/// `omit_credentials` for a city's pack (it may come from another origin). Errors name the address.
pub async fn fetch_bytes(href: &str, omit_credentials: bool) -> Result<Vec<u8>, Vec<String>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let init = web_sys::RequestInit::new();
    if omit_credentials {
        init.set_credentials(web_sys::RequestCredentials::Omit);
    }
    init.set_method("GET");
    let failed = |what: &str| vec![format!("{href}: {what}")];
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(href, &init))
        .await
        .map_err(|_| {
            failed("could not be fetched (network, or not allowed by the Content-Security-Policy)")
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed("unreadable"))?)
        .await
        .map_err(|_| failed("unreadable"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs `then` after the next frame is painted: a task queued from an animation frame callback (which runs
/// just before the paint) runs after it. For drawing what is below the fold once the first screenful shows.
/// Each closure is freed once called (`once_into_js`; a forgotten `Timeout` would leak one per results
/// screen, which the kiosk's memory test catches).
pub fn after_paint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let window = gloo::utils::window();
    let task = Closure::once_into_js(then);
    let queue = Closure::once_into_js(move || {
        let _ = gloo::utils::window().set_timeout_with_callback(task.unchecked_ref());
    });
    if window
        .request_animation_frame(queue.unchecked_ref())
        .is_err()
    {
        // No frames: the rest is drawn by the next task.
        let _ = window.set_timeout_with_callback(queue.unchecked_ref());
    }
}

/// Drops the fragment (a take-away link's) from the address, without adding a history entry.
pub fn forget_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    if let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}
