//! Small custom hooks and callback helpers shared by the components.

use crate::browser;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// Moves keyboard and screen-reader focus to `node` when the component mounts (when `enabled`),
/// so that each new step is announced from its heading.
#[hook]
pub fn use_focus_on_mount(node: NodeRef, enabled: bool) {
    use_effect_with((), move |_| {
        if let Some(element) = node.cast::<web_sys::HtmlElement>().filter(|_| enabled) {
            let _ = element.focus();
        }
    });
}

/// A click that dispatches `action` (one closure type for every such button).
pub fn send(state: &StateHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
}

/// The "leave quickly" control's action: forget the answers, then replace the page with a neutral site.
pub fn leave_quickly(state: &StateHandle) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        state.dispatch(Action::Restart);
        browser::leave_quickly();
    })
}
