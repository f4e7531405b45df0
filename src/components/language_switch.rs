//! Switches the interface language at any time; answers are kept.

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// A button per language, each named in its own language and script. The interface switches once the pack's texts in that
/// language are there; until then the button shows it is busy (a slow network can take seconds).
pub fn language_switch(state: &StateHandle) -> Html {
    let current = state.lang;
    language_buttons(
        current.t(Key::Language),
        &Lang::ALL,
        current,
        state.switching(),
        &|lang| send(state, Action::SetLang(lang)),
    )
}

/// The group of buttons for `langs` named `label`, `current` pressed, `pending` busy, each click from
/// `choose`.
pub fn language_buttons(
    label: &'static str,
    langs: &[Lang],
    current: Lang,
    pending: Option<Lang>,
    choose: &dyn Fn(Lang) -> Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="languages" role="group" aria-label={label}>
            { for langs.iter().map(|&lang| html! {
                <button type="button" lang={lang.code()} dir={lang.dir()} class="lang"
                    aria-pressed={if lang == current { "true" } else { "false" }}
                    aria-busy={(pending == Some(lang)).then_some("true")} onclick={choose(lang)}>
                    { lang.native_name() }
                </button>
            }) }
        </div>
    }
}
