//! Notes for the webmaster of a city page: what in their page or their rules pack the app could not use,
//! and what it does instead: the title in the page's language, the checker's messages as they are (English).

use super::text;
use crate::i18n::Key;
use yew::prelude::*;

/// The notes for the webmaster (a refused city pack, a page setting not understood), above the screen.
pub fn webmaster_notes(state: &crate::state::StateHandle) -> Html {
    let lang = state.lang;
    let pack_problems = &state.rules.refused;
    let config_notes = &state.config.notes;
    html! {
        <>
            { webmaster_note("pack-problem-title", lang.t(Key::PackProblemTitle), Some(lang.t(Key::PackProblemFallback)), pack_problems) }
            { webmaster_note("config-note-title", lang.t(Key::ConfigProblemTitle), None, config_notes) }
        </>
    }
}

/// A note for the webmaster (nothing without messages): its title, what the app does about it, the messages.
fn webmaster_note(
    id: &'static str,
    title: &'static str,
    fallback: Option<&'static str>,
    messages: &[String],
) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <aside class="webmaster-note" role="note" aria-labelledby={id}>
            <p {id}>{ text("strong", "", title) }</p>
            if let Some(fallback) = fallback { { text("p", "", fallback) } }
            <ul dir="ltr" lang="en">{ for messages.iter().map(|m| html! { <li>{ text("code", "", m) }</li> }) }</ul>
        </aside>
    }
}
