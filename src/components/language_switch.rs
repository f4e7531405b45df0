//! Switches the interface language at any time; answers are kept.

use crate::hooks::use_app;
use crate::i18n::{Key, Lang};
use crate::state::Action;
use yew::prelude::*;

/// Three buttons, each named in its own language.
#[component]
pub fn LanguageSwitch() -> Html {
    let state = use_app();
    let current = state.lang;
    html! {
        <div class="languages" role="group" aria-label={current.t(Key::Language)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let state = state.clone();
                let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLang(lang)));
                html! {
                    <button type="button" lang={lang.code()} dir={lang.dir()} class="lang"
                        aria-pressed={(lang == current).to_string()} {onclick}>
                        { lang.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
