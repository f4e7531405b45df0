//! The screens and widgets: plain view functions of the app state, except the parts with hooks of their own
//! (start, question, take-away), which render through [`screen::Screen`].

pub mod aid_card;
pub mod answers_summary;
pub mod header;
pub mod language_switch;
pub mod print_view;
pub mod progress;
pub mod question;
pub mod results;
pub mod safety;
pub mod screen;
pub mod start;

use yew::prelude::*;

/// A `type="button"` button with its class, label and click (one function for the many alike).
pub fn button(class: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} {onclick}>{ label }</button> }
}

/// An element `tag` (`class` unless empty) holding only `text` (one function for the many alike).
pub fn text(tag: &'static str, class: &'static str, text: &str) -> Html {
    html! { <@{tag} {class}>{ text }</@> }
}
