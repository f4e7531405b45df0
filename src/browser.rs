//! The few things the app asks of the page: its language attributes, the browser language, a
//! territory fixed by the page, printing, and leaving quickly. No storage, no request.

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

/// Opens the browser's print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Blanks the page and replaces it, and its history entry, with a neutral site.
pub fn leave_quickly() {
    // On the lobby's kiosk, leaving means wiping everything for the next person, not leaving the app.
    if crate::kiosk::is_on() {
        crate::kiosk::wipe();
        return;
    }
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
    if crate::page_config::get().embed
        && let Ok(Some(top)) = gloo::utils::window().top()
        && top.location().replace(&url).is_ok()
    {
        return;
    }
    let _ = gloo::utils::window().location().replace(&url);
}
