//! Switches the interface language at any time; answers are kept.

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::state::{Action, Screen, StateHandle};
use yew::prelude::*;

/// A button per language, each named in its own language and script. The interface switches once the pack's texts in that
/// language are there; until then the button shows it is busy (a slow network can take seconds).
///
/// On the start screen the nine buttons are in view (that is where a resident looks for their language); on
/// every later screen they fold behind one control showing the language in use (at 360 px they took three
/// rows, about 150 px, above every question). Folded with `<details>`: it opens and closes without the app,
/// by touch, mouse or keyboard, and says its state to screen readers.
pub fn language_switch(state: &StateHandle) -> Html {
    let current = state.lang;
    let buttons = language_buttons(
        current.t(Key::Language),
        &Lang::ALL,
        current,
        state.switching(),
        &|lang| send(state, Action::SetLang(lang)),
    );
    if state.screen == Screen::Start {
        return buttons;
    }
    html! {
        <details class="language-menu">
            <summary>
                <svg class="globe" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <circle cx="10" cy="10" r="8.5" />
                    <ellipse cx="10" cy="10" rx="3.75" ry="8.5" />
                    <path d="M1.5 10h17M3 5.5h14M3 14.5h14" />
                </svg>
                <span class="visually-hidden">{ current.t(Key::Language) }{ " " }</span>
                <span lang={current.code()} dir={current.dir()}>{ current.native_name() }</span>
            </summary>
            { buttons }
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
