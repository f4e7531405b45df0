//! Small custom hooks shared by the components.

use crate::browser;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The app state handle, from the context set by the root component.
#[hook]
pub fn use_app() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside the app's state context")
}

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

/// The "leave quickly" control's action: forget the answers, then replace the page with a neutral site.
#[hook]
pub fn use_leave_quickly() -> Callback<MouseEvent> {
    let state = use_app();
    Callback::from(move |_: MouseEvent| {
        state.dispatch(Action::Restart);
        browser::leave_quickly();
    })
}
