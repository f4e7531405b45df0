//! Small custom hooks and callback helpers shared by the components.

use crate::browser;
use crate::page_config::PageConfig;
use crate::state::{Action, AppState, StateHandle};
use std::cell::RefCell;
use std::rc::Rc;
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

/// The "leave quickly" control's action (see [`leave_now`]).
pub fn leave_quickly(state: &StateHandle) -> Callback<MouseEvent> {
    let (dispatcher, config) = (state.dispatcher(), state.config.clone());
    Callback::from(move |_: MouseEvent| leave_now(&dispatcher, &config))
}

/// Leaves quickly: forgets the answers, then replaces the page with a neutral site — or, on the lobby's
/// kiosk, wipes everything for the next person instead of leaving the app.
pub fn leave_now(dispatcher: &UseReducerDispatcher<AppState>, config: &PageConfig) {
    // Nothing is read aloud after leaving (the voice would give the page away).
    crate::speech::stop();
    dispatcher.dispatch(Action::Restart);
    if config.kiosk {
        crate::kiosk::wipe(dispatcher);
    } else {
        browser::leave_quickly(config.embed);
    }
}

/// A component's own value, read as of the last render (like `use_state`), set from anywhere with a new
/// render. One small hook for every type: `use_state` builds a reducer per type of value.
pub struct Local<T> {
    now: Rc<T>,
    cell: Rc<RefCell<Rc<T>>>,
    update: UseForceUpdateHandle,
}

impl<T> Clone for Local<T> {
    fn clone(&self) -> Self {
        Local {
            now: self.now.clone(),
            cell: self.cell.clone(),
            update: self.update.clone(),
        }
    }
}

impl<T> std::ops::Deref for Local<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.now
    }
}

impl<T> Local<T> {
    /// Sets the value and renders the component again.
    pub fn set(&self, value: T) {
        *self.cell.borrow_mut() = Rc::new(value);
        self.update.force_update();
    }

    /// Sets the value without a new render (for a value the render in progress already uses).
    pub fn set_silently(&self, value: T) {
        *self.cell.borrow_mut() = Rc::new(value);
    }

    /// Sets the value and renders again, only if it changed (like `use_state_eq`).
    pub fn set_if_changed(&self, value: T)
    where
        T: PartialEq,
    {
        if **self.cell.borrow() != value {
            self.set(value);
        }
    }
}

/// A component's own value (see [`Local`]), first `init()`.
#[hook]
pub fn use_local<T: 'static, F: FnOnce() -> T>(init: F) -> Local<T> {
    let cell = use_mut_ref(move || Rc::new(init()));
    let now = cell.borrow().clone();
    Local {
        now,
        cell,
        update: use_force_update(),
    }
}
