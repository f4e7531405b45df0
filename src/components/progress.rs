//! "About N questions left", with a bar that never goes backwards.

use crate::i18n::Key;
use crate::state::AppState;
use yew::prelude::*;

/// The progress indicator of the questions (a native `<progress>`: no inline style, CSP-safe).
pub fn progress(state: &AppState) -> Html {
    let lang = state.lang;
    let percent = state.progress / 10;
    let left = lang.questions_left(state.outcome.left);
    html! {
        <div class="progress">
            <progress max="100" value={percent.to_string()} aria-label={lang.t(Key::Progress)}
                aria-valuetext={left.clone()}></progress>
            { crate::components::text("p", "left", &left) }
        </div>
    }
}
