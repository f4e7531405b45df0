//! Switches the interface language at any time; answers are kept.

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// Three buttons, each named in its own language.
pub fn language_switch(state: &StateHandle) -> Html {
    let current = state.lang;
    html! {
        <div class="languages" role="group" aria-label={current.t(Key::Language)}>
            { for Lang::ALL.into_iter().map(|lang| html! {
                <button type="button" lang={lang.code()} dir={lang.dir()} class="lang"
                    aria-pressed={if lang == current { "true" } else { "false" }} onclick={send(state, Action::SetLang(lang))}>
                    { lang.native_name() }
                </button>
            }) }
        </div>
    }
}
