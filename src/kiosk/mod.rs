//! Kiosk mode, for the shared touch screen of the CCAS lobby.
//!
//! Turned on by `?kiosk=1` or `<html data-kiosk>` (see [`crate::page_config`]). The style sheet enlarges text
//! and targets (`html[data-kiosk]`); links that would leave the app do nothing (their address stays readable
//! as text); a "Finish" button and an idle timer (default 120 s, then a 30 s countdown with "I'm still here")
//! wipe everything: the app is mounted anew (answers, results and every component's state dropped, the DOM
//! rebuilt), storage is cleared, the history entry loses its fragment, and the start screen comes back in the
//! page's default language. The app never adds history entries, so Back cannot reach a previous person's
//! questions or results.

mod controls;

pub use controls::{KioskWatch, kiosk_controls, use_kiosk_watch};

use crate::page_config::PageConfig;
use crate::state::{Action, AppState};
use yew::UseReducerDispatcher;

/// Wipes everything and returns to the start screen: the page cleaned, then a fresh state (a new session:
/// the app's screens are mounted anew). Deferred to the next task, so that a timer or a button being
/// dropped with the old session is not running at that moment.
pub fn wipe(dispatcher: &UseReducerDispatcher<AppState>) {
    let dispatcher = dispatcher.clone();
    yew::platform::spawn_local(async move {
        crate::browser::next_task().await;
        clean_page();
        dispatcher.dispatch(Action::Wipe(crate::rules::today()));
    });
}

/// Clears storage and the URL fragment, blurs focus and scrolls to the top.
fn clean_page() {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    for storage in [window.local_storage(), window.session_storage()]
        .into_iter()
        .flatten()
        .flatten()
    {
        let _ = storage.clear();
    }
    crate::browser::forget_fragment();
    if let Some(active) = gloo::utils::document().active_element()
        && let Some(element) = active.dyn_ref::<web_sys::HtmlElement>()
    {
        let _ = element.blur();
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// In kiosk mode, links that leave the app (web sites, phone numbers) do nothing: a click or Enter on them
/// is cancelled before the browser follows it. Links inside the page (`#main`) move the focus themselves,
/// so that not even a fragment adds a history entry.
pub fn start(config: &PageConfig) {
    use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
    use wasm_bindgen::JsCast;
    if !config.kiosk {
        return;
    }
    let options = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    EventListener::new_with_options(&gloo::utils::document(), "click", options, |event| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        let Some(link) = link else { return };
        event.prevent_default();
        // A link inside the page (the skip link) moves focus without adding a history entry.
        let href = link.get_attribute("href").unwrap_or_default();
        if let Some(id) = href.strip_prefix('#')
            && let Some(target) = gloo::utils::document().get_element_by_id(id)
            && let Some(target) = target.dyn_ref::<web_sys::HtmlElement>()
        {
            target.scroll_into_view();
            let _ = target.focus();
        }
    })
    .forget();
}
