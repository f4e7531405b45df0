//! What the resident did on the start screen prerendered at build time, before the app ran: a plain value,
//! read from the page by [`crate::browser::early_choices`] and done by the state when the app opens
//! ([`crate::state::AppState::opening`]). Its own module so that the browser door and the state both use it
//! without either importing the other.

use crate::i18n::Lang;

/// The choices and taps the start-up script noted on `<html>` before the app ran.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Early {
    /// A territory chosen (pack id).
    pub territory: Option<String>,
    /// A language chosen.
    pub lang: Option<Lang>,
    /// "Violence: get help" tapped.
    pub safety: bool,
    /// "Start" tapped.
    pub start: bool,
}
