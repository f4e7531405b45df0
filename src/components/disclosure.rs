//! A disclosure (`<details>`) whose body is built when it is first opened, then kept.
//!
//! Built with the page, the bodies of the results' disclosures (each card's conditions, papers, places and
//! sources; the aids probably not for the person) were most of the screen's nodes, mostly never opened, and
//! the first screenful waited for them (issue 16). The browser opens the element at once and says so
//! ("expanded"); the body follows within the same turn of the page (the `toggle` event, then Yew's render),
//! before the next key press or the next line a screen reader reads. The print of the results prints the
//! visit sheet, never these bodies.

use yew::prelude::*;

/// Props of [`Disclosure`].
#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The `<details>` element's class (none when empty).
    #[prop_or_default]
    pub class: &'static str,
    /// What the summary says.
    pub summary: AttrValue,
    /// Builds the body (only while it is to be shown: from the first opening on).
    pub body: Callback<(), Html>,
}

/// A `<details>` with its summary, and its body from the first opening on.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let opened = crate::hooks::use_local(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |event: Event| {
            if event
                .target_unchecked_into::<web_sys::Element>()
                .has_attribute("open")
            {
                opened.set_if_changed(true);
            }
        })
    };
    let details = html! {
        <details {ontoggle}>
            { crate::components::text("summary", "", &props.summary) }
            if *opened { { props.body.emit(()) } }
        </details>
    };
    crate::components::with_attributes(
        details,
        &["class"],
        [(!props.class.is_empty()).then(|| props.class.into())],
    )
}
