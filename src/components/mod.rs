//! The screens and widgets: plain view functions of the app state, and components for the parts with hooks
//! of their own (start, question, take-away), each taking the state as [`StateProps`].

pub mod aid_card;
pub mod answers_summary;
pub mod header;
pub mod language_switch;
pub mod print_view;
pub mod progress;
pub mod question;
pub mod results;
pub mod safety;
pub mod start;

use crate::state::StateProp;
use yew::prelude::*;

/// Props of a screen with hooks of its own: the app state.
#[derive(Properties, PartialEq)]
pub struct StateProps {
    /// The app state.
    pub state: StateProp,
}

/// A `type="button"` button with its class, label and click (one function for the many alike).
pub fn button(class: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    with_attributes(
        html! { <button {onclick}>{ label }</button> },
        &["type", "class"],
        [Some("button".into()), Some(class.into())],
    )
}

/// An element `tag` (`class` unless empty) holding only `text` (one function for the many alike).
pub fn text(tag: &'static str, class: &'static str, text: &str) -> Html {
    with_attributes(
        html! { <@{tag}>{ text }</@> },
        &["class"],
        [(!class.is_empty()).then(|| class.into())],
    )
}

/// Gives an element made by `html!` these attributes (`None`: left out) instead of its own. For a class
/// that is not a literal: `html!` would make it a `Classes` set, a hash set of strings and 3 KB gzip of
/// wasm that nothing else here needs.
pub fn with_attributes<const N: usize>(
    mut node: Html,
    keys: &'static [&'static str; N],
    values: [Option<AttrValue>; N],
) -> Html {
    use yew::virtual_dom::{AttributeOrProperty, Attributes};
    // Just made by `html!`, so not shared: `get_mut` gives it.
    if let Html::VTag(tag) = &mut node
        && let Some(tag) = std::rc::Rc::get_mut(tag)
    {
        tag.set_attributes(Attributes::Dynamic {
            keys,
            values: values
                .into_iter()
                .map(|value| value.map(AttributeOrProperty::Attribute))
                .collect(),
        });
    }
    node
}
