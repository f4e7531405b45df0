//! The screens and widgets: plain view functions of the app state, and components for the parts with hooks
//! of their own (start, question, take-away), each taking the state as [`StateProps`].

pub mod aid_card;
pub mod answers_summary;
pub mod disclosure;
pub mod glossary;
pub mod header;
pub mod language_switch;
pub mod listen;
pub mod place;
pub mod print_view;
pub mod progress;
pub mod question;
pub mod results;
pub mod safety;
pub mod start;
pub mod webmaster_note;

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

/// Whether a pack's address may be a link: only `https:`, `http:`, `mailto:` and `tel:`. The engine already
/// refuses a pack with any other (`check`, `build`, the reader); this is the view's own guard, so that a
/// `javascript:` or `data:` address never becomes something to click whatever reaches it.
pub fn linkable(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        ["https", "http", "mailto", "tel"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s))
    })
}

/// An element `tag` (`class` unless empty) holding only `text` (one function for the many alike), set by
/// [`prose`].
pub fn text(tag: &'static str, class: &'static str, text: &str) -> Html {
    with_attributes(
        html! { <@{tag}>{ prose(text) }</@> },
        &["class"],
        [(!class.is_empty()).then(|| class.into())],
    )
}

/// `text` with no punctuation alone at a line start (a non-breaking space before `?`, `:`, `!`, `;`, `»` and
/// after `«`, as French sets them), see [`nbsp`]; each bracketed Latin run, such as "(Revenu Minimum Étudiant)"
/// or "(CCAS)" in an Arabic sentence, isolated in a `<bdi>`, so that its brackets stay on its own sides and the
/// punctuation after it stays after it whatever the paragraph's direction; and each number written in groups
/// ("03 80 51 56 11") isolated left to right, or a right-to-left paragraph would put its groups in reverse order.
/// A bracket holding right-to-left words ("(CCAS شونوف (…))" in Dari) is left to the paragraph's direction: only
/// the Latin runs inside it are isolated.
pub fn prose(text: &str) -> Html {
    let text = nbsp(text);
    let mut parts: Vec<Html> = Vec::new();
    let (mut plain, mut at) = (0, 0);
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        let isolated = match c {
            '(' | '«' => latin_bracket(rest).map(|len| (len, false)),
            '0'..='9' if !text[..at].ends_with(|p: char| p.is_alphanumeric()) => {
                digit_groups(rest).map(|len| (len, true))
            }
            _ => None,
        };
        let Some((len, ltr)) = isolated else {
            at += c.len_utf8();
            continue;
        };
        if plain < at {
            parts.push(Html::from(text[plain..at].to_string()));
        }
        let run = text[at..at + len].to_string();
        parts.push(if ltr {
            html! { <bdi dir="ltr">{ run }</bdi> }
        } else {
            html! { <bdi>{ run }</bdi> }
        });
        at += len;
        plain = at;
    }
    if parts.is_empty() {
        return Html::from(text);
    }
    parts.push(Html::from(text[plain..].to_string()));
    parts.into_iter().collect()
}

/// A letter of a right-to-left script (Hebrew, Arabic and their presentation forms).
fn right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The length of the bracketed run `rest` starts with ("(…)" or "«…»", nested brackets matched) when it holds
/// Latin words and no right-to-left letter.
fn latin_bracket(rest: &str) -> Option<usize> {
    let open = rest.chars().next()?;
    let close = if open == '(' { ')' } else { '»' };
    let mut depth = 0;
    let mut end = None;
    for (i, c) in rest.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                end = Some(i + c.len_utf8());
                break;
            }
        }
    }
    let inside = &rest[..end?];
    // A Latin letter (Basic Latin to Latin Extended-B: "É", "Œ") first, which starts a name to isolate.
    let latin = |c: char| c.is_alphabetic() && (c as u32) < 0x250;
    let first = inside.chars().skip(1).find(|c| c.is_alphabetic());
    (first.is_some_and(latin) && !inside.chars().any(right_to_left)).then_some(inside.len())
}

/// The length of the number in groups `rest` starts with ("03 80 51 56 11", "36 46", "03.80.51.56.11"): two
/// groups of digits at least, each separated by one space or dot, and no letter or digit right after.
fn digit_groups(rest: &str) -> Option<usize> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut len = digits(rest);
    let mut groups = 1;
    loop {
        let after = &rest[len..];
        let Some(sep) = after
            .chars()
            .next()
            .filter(|c| matches!(c, ' ' | '.' | '\u{a0}' | '\u{202f}'))
        else {
            break;
        };
        let more = digits(&after[sep.len_utf8()..]);
        if more == 0 {
            break;
        }
        len += sep.len_utf8() + more;
        groups += 1;
    }
    let next = rest[len..].chars().next();
    (groups >= 2 && !next.is_some_and(char::is_alphanumeric)).then_some(len)
}

/// `text` with the space before `?`, `:`, `!`, `;`, `»` and after `«` made non-breaking (French typography):
/// such punctuation never starts a line.
pub fn nbsp(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let before_mark = c == ' ' && matches!(next, Some('?' | ':' | '!' | ';' | '»'));
        out.push(if before_mark { '\u{a0}' } else { c });
        if c == '«' && next == Some(' ') {
            chars.next();
            out.push('\u{a0}');
        }
    }
    out
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

#[cfg(test)]
mod tests {
    /// Issue 14: no "?", ":" or "»" alone at a line start.
    #[test]
    fn punctuation_never_starts_a_line() {
        assert_eq!(
            super::nbsp("Où ? Ici : « oui » ; non !"),
            "Où\u{a0}? Ici\u{a0}: «\u{a0}oui\u{a0}»\u{a0}; non\u{a0}!"
        );
        assert_eq!(super::nbsp("https://a.fr/x?y=1"), "https://a.fr/x?y=1");
    }

    /// Issue 14: in Arabic and Dari, a Latin name in brackets is isolated whole, nested brackets matched; a
    /// bracket holding right-to-left words is not (only the Latin runs inside it); a phone number in groups is
    /// isolated left to right.
    #[test]
    fn latin_names_and_phone_numbers_are_isolated() {
        use super::{digit_groups, latin_bracket};
        assert_eq!(latin_bracket("(CCAS), 03"), Some("(CCAS)".len()));
        assert_eq!(
            latin_bracket("(Revenu (RME) Étudiant) x"),
            Some("(Revenu (RME) Étudiant)".len())
        );
        // Dari: the place's name starts with "CCAS" but is written in Dari: the paragraph's direction holds.
        assert_eq!(latin_bracket("(CCAS شونوف (مرکز، centre communal))"), None);
        assert_eq!(latin_bracket("(centre communal)"), Some(17));
        assert_eq!(latin_bracket("(يحتاج (CCAS))"), None);
        assert_eq!(latin_bracket("(2022)"), None);
        assert_eq!(latin_bracket("(CCAS"), None);
        assert_eq!(digit_groups("03 80 51 56 11"), Some(14));
        assert_eq!(digit_groups("36 46)"), Some(5));
        assert_eq!(digit_groups("18 et 25"), None);
        assert_eq!(digit_groups("2 ans"), None);
        assert_eq!(digit_groups("12 h 30"), None);
    }

    /// Issue 19: only https, http, mailto and tel addresses become links.
    #[test]
    fn only_plain_addresses_become_links() {
        for good in [
            "https://www.ville.fr",
            "HTTP://a.fr",
            "mailto:ccas@ville.fr",
            "tel:3919",
        ] {
            assert!(super::linkable(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//evil.example",
            "www.ville.fr",
            "",
        ] {
            assert!(!super::linkable(bad), "{bad}");
        }
    }
}
