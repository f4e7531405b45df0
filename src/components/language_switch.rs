//! Switches the interface language at any time; answers are kept.

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::state::{Action, Screen, StateHandle};
use yew::prelude::*;

/// A button per language, each named in its own language and script. The interface switches once the pack's texts in that
/// language are there; until then the button shows it is busy (a slow network can take seconds).
///
/// On the start screen the nine buttons are in view (that is where a resident looks for their language); on
/// every later screen they fold behind one control naming the language in use (at 360 px they took three
/// rows, about 150 px, above every question). Folded with `<details>`: it opens and closes without the app,
/// by touch, mouse or keyboard, and says its state to screen readers; leaving the start screen closes it.
pub fn language_switch(state: &StateHandle) -> Html {
    let current = state.lang;
    let start = state.screen == Screen::Start;
    html! {
        // `data-start`, not a second class: a class that is not a literal costs a `Classes` set (see
        // `components::with_attributes`).
        <details class="language-menu" data-start={start.then_some("")} open={start}>
            <summary>
                <span class="visually-hidden">{ current.t(Key::Language) }{ " " }</span>
                <span lang={current.code()} dir={current.dir()}>{ current.native_name() }</span>
            </summary>
            { language_buttons(current.t(Key::Language), &Lang::ALL, current, state.switching(), &|lang| send(state, Action::SetLang(lang))) }
        </details>
    }
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
