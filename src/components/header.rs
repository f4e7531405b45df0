//! The header on every screen: the name, the language switch, the discreet way to urgent help
//! and "leave quickly".

use crate::components::language_switch::language_switch;
use crate::hooks::{leave_quickly, send};
use crate::i18n::Key;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The page header.
pub fn header(state: &StateHandle) -> Html {
    let lang = state.lang;
    let has_safety = state.pack.as_deref().is_some_and(|p| p.safety.is_some());
    html! {
        <header class="site-header">
            <div class="bar">
                { crate::components::text("p", "brand", lang.t(Key::AppTitle)) }
                <div class="safety-controls">
                    if has_safety {
                        { crate::components::button("link urgent", lang.t(Key::UrgentHelp), send(state, Action::Safety(true))) }
                    }
                    { crate::components::button("leave", lang.t(Key::LeaveQuickly), leave_quickly(state)) }
                </div>
            </div>
            <div class="bar">
                { language_switch(state) }
            </div>
            // Said once, discreetly: the resident knows to check with the desk (every card offers the French).
            if lang.on_demand() { { crate::components::text("p", "hint to-review", lang.t(Key::ToReview)) } }
        </header>
    }
}
