//! The screens and widgets: plain view functions of the app state, and components for the parts with hooks
//! of their own (start, question, take-away), each taking the state as [`StateProps`].

pub mod aid_card;
pub mod answers_summary;
pub mod disclosure;
pub mod glossary;
pub mod header;
pub mod language_switch;
pub mod listen;
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
/// after `«`, as French sets them), see [`nbsp`]; and each bracketed Latin run, such as "(Revenu Minimum
/// Étudiant)" in an Arabic sentence, isolated in a `<bdi>`, so that its brackets stay on its own sides whatever
/// the paragraph's direction.
pub fn prose(text: &str) -> Html {
    let text = nbsp(text);
    // A Latin letter (Basic Latin to Latin Extended-B: "É", "Œ"), which starts a name to isolate.
    let latin = |c: char| c.is_alphabetic() && (c as u32) < 0x250;
    let mut parts: Vec<Html> = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find(['(', '«']) {
        let close = if rest[open..].starts_with('(') {
            ')'
        } else {
            '»'
        };
        let Some(len) = rest[open..].find(close) else {
            break;
        };
        let end = open + len + close.len_utf8();
        let inside = &rest[open..end];
        if inside
            .chars()
            .skip(1)
            .find(|c| !c.is_whitespace())
            .is_some_and(latin)
        {
            parts.push(Html::from(rest[..open].to_string()));
            parts.push(html! { <bdi>{ inside.to_string() }</bdi> });
        } else {
            parts.push(Html::from(rest[..end].to_string()));
        }
        rest = &rest[end..];
    }
    if parts.is_empty() {
        return Html::from(text);
    }
    parts.push(Html::from(rest.to_string()));
    parts.into_iter().collect()
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
