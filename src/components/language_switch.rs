//! Switches the interface language at any time; answers are kept.

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::state::{Action, Screen, StateHandle};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A button per language, each named in its own language and script. The interface switches once the pack's texts in that
/// language are there; until then the button shows it is busy (a slow network can take seconds).
///
/// On the start screen the nine buttons are in view (that is where a resident looks for their language); on
/// every later screen they fold behind one control naming the language in use (at 360 px they took three
/// rows, about 150 px, above every question). Folded with `<details>`: it opens and closes without the app,
/// by touch, mouse or keyboard, and says its state to screen readers; leaving the start screen closes it, and so
/// does choosing a language on a later screen (focus returns to the control, which says when the switch is busy).
pub fn language_switch(state: &StateHandle) -> Html {
    let current = state.lang;
    let start = state.screen == Screen::Start;
    let choose = |lang: Lang| {
        let set = send(state, Action::SetLang(lang));
        Callback::from(move |event: MouseEvent| {
            if !start {
                fold(&event);
            }
            set.emit(event);
        })
    };
    html! {
        // `data-start`, not a second class: a class that is not a literal costs a `Classes` set (see
        // `components::with_attributes`).
        <details class="language-menu" data-start={start.then_some("")} open={start}>
            <summary aria-busy={state.switching().is_some().then_some("true")}>
                <span class="visually-hidden">{ current.t(Key::Language) }{ " " }</span>
                <span lang={current.code()} dir={current.dir()}>{ current.native_name() }</span>
            </summary>
            { language_buttons(current.t(Key::Language), &Lang::ALL, current, state.switching(), &choose) }
        </details>
    }
}

/// Closes the `<details>` around the clicked button and gives the focus to its summary: the button itself is
/// hidden by the fold, and a keyboard user must not be sent back to the top of the page. The element is closed
/// in the page, not through Yew: `open` stays `false` in the view on later screens, so Yew would not patch it.
fn fold(event: &MouseEvent) {
    let Some(menu) = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|button| button.closest("details").ok().flatten())
    else {
        return;
    };
    let _ = menu.remove_attribute("open");
    if let Some(summary) = menu
        .first_element_child()
        .and_then(|summary| summary.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
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
