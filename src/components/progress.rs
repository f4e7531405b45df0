//! "About N questions left", with a bar that never goes backwards.

use crate::hooks::use_app;
use crate::i18n::Key;
use yew::prelude::*;

/// The progress indicator of the questions (a native `<progress>`: no inline style, CSP-safe).
#[component]
pub fn Progress() -> Html {
    let state = use_app();
    let lang = state.lang;
    let percent = state.progress / 10;
    let left = lang.questions_left(state.outcome.left);
    html! {
        <div class="progress">
            <progress max="100" value={percent.to_string()} aria-label={lang.t(Key::Progress)}
                aria-valuetext={left.clone()}></progress>
            <p class="left">{ left }</p>
        </div>
    }
}
