//! One component per screen or widget.

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
