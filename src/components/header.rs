//! The header on every screen: the name, the language switch, the discreet way to urgent help
//! and "leave quickly".

use crate::components::language_switch::LanguageSwitch;
use crate::hooks::{use_app, use_leave_quickly};
use crate::i18n::Key;
use crate::state::Action;
use yew::prelude::*;

/// The page header.
#[component]
pub fn Header() -> Html {
    let state = use_app();
    let lang = state.lang;
    let has_safety = state
        .rules
        .pack(state.territory)
        .is_some_and(|p| p.safety.is_some());
    let open_safety = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Safety(true)))
    };
    let leave = use_leave_quickly();
    html! {
        <header class="site-header">
            <div class="bar">
                <p class="brand">{ lang.t(Key::AppTitle) }</p>
                <div class="safety-controls">
                    if has_safety {
                        <button type="button" class="link urgent" onclick={open_safety}>
                            { lang.t(Key::UrgentHelp) }
                        </button>
                    }
                    <button type="button" class="leave" onclick={leave}>{ lang.t(Key::LeaveQuickly) }</button>
                </div>
            </div>
            <div class="bar">
                <LanguageSwitch />
            </div>
        </header>
    }
}
