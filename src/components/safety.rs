//! Domestic-violence orientation from the pack's `[safety]`: reachable from every screen without
//! answering anything, emergency numbers as links, and "leave quickly".

use crate::hooks::{leave_quickly, send};
use crate::i18n::{Key, Lang};
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The safety panel (shown instead of the current screen, which is kept; the app focuses `heading`).
pub fn safety_panel(state: &StateHandle, heading: &NodeRef) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(safety) = state.pack.as_deref().and_then(|p| p.safety.as_ref()) else {
        return html! {};
    };
    html! {
        <section key="safety" class="safety">
            <h1 ref={heading.clone()} tabindex="-1">{ safety.title.get(code) }</h1>
            { crate::components::text("p", "", safety.intro.get(code)) }
            <ul class="contacts">
                { for safety.contacts.iter().map(|c| {
                    let link = match (&c.number, &c.url) {
                        (Some(number), _) => {
                            let digits: String = number.chars().filter(|ch| !ch.is_whitespace()).collect();
                            let (scheme, key) = if c.sms { ("sms", Key::SendSms) } else { ("tel", Key::Call) };
                            html! {
                                <a class="contact-link" href={format!("{scheme}:{digits}")}>
                                    { lang.fill(key, &[("n", number)]) }
                                </a>
                            }
                        }
                        (None, Some(url)) if crate::components::linkable(url) => html! {
                            <a class="contact-link" href={url.clone()} rel="noopener noreferrer">{ lang.t(Key::Website) }</a>
                        },
                        (None, _) => html! {},
                    };
                    html! { <li>{ crate::components::text("p", "", c.label.get(code)) }{ link }</li> }
                }) }
            </ul>
            <div class="actions">
                { crate::components::button("leave", lang.t(Key::LeaveQuickly), leave_quickly(state)) }
                { crate::components::button("secondary", lang.t(Key::CloseSafety), send(state, Action::Safety(false))) }
            </div>
            { crate::components::text("p", "hint", lang.t(Key::LeaveHint)) }
        </section>
    }
}

/// The national numbers every screen can reach before or without a pack (loading, failed load, a take-away
/// link's page): the same three as the page's own apology and static start-up help (index.html).
const NATIONAL: [(&str, &str, &str); 3] = [
    ("tel:3919", "3919", "Violences Femmes Info"),
    ("tel:17", "17", "Police secours"),
    ("sms:114", "114", "Urgence par SMS / SMS"),
];

/// The help bar of a screen drawn without the session's header (loading, failed load, a take-away link's
/// page): "violence: get help" (to the numbers below, [`help_numbers`]) and "leave quickly".
pub fn help_bar(lang: Lang, leave: Callback<MouseEvent>) -> Html {
    html! {
        <header class="site-header">
            <div class="bar">
                { crate::components::text("p", "brand", lang.t(Key::AppTitle)) }
                <div class="safety-controls">
                    <a class="link urgent" href="#help-numbers">{ crate::components::prose(lang.t(Key::UrgentHelp)) }</a>
                    { crate::components::button("leave", lang.t(Key::LeaveQuickly), leave) }
                </div>
            </div>
        </header>
    }
}

/// The national help numbers, as links (the target of [`help_bar`]'s "violence: get help").
pub fn help_numbers(lang: Lang) -> Html {
    html! {
        <section id="help-numbers" class="safety-numbers" aria-labelledby="help-numbers-title" tabindex="-1">
            <h2 id="help-numbers-title">{ lang.t(Key::HelpNumbers) }</h2>
            <ul class="contacts" dir="ltr">
                { for NATIONAL.iter().map(|(href, number, label)| html! {
                    <li><a class="contact-link" href={*href}>{ *number }</a>{ " " }<span lang="fr">{ *label }</span></li>
                }) }
            </ul>
            { crate::components::text("p", "hint", lang.t(Key::LeaveHint)) }
        </section>
    }
}
