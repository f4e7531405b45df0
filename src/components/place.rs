//! Where to go, when, and what to bring: a place of the pack (name, address, "open now", hours, phone,
//! website), the papers of an aid, and whom to ask when the pack has neither. Shared by the aid cards, the
//! print view and the take-away page.

use crate::i18n::{Key, Lang};
use crate::rules::{Aid, Pack};
use yew::prelude::*;

/// The papers to bring for `aid`, each in plain words with where to get it; whom to ask when the pack lists
/// none.
pub fn documents(lang: Lang, pack: &Pack, aid: &Aid) -> Html {
    if aid.documents.is_empty() {
        return ask_whom(lang, pack, aid);
    }
    html! {
        <ul class="documents">
            { for aid.documents.iter().map(|d| crate::components::text("li", "", &crate::rules::document_line(pack, d, lang.code()))) }
        </ul>
    }
}

/// Where the pack has no papers or places for an aid: whom to ask, with the number (the aid's first place,
/// else the territory's first place).
pub fn ask_whom(lang: Lang, pack: &Pack, aid: &Aid) -> Html {
    let code = lang.code();
    let Some(p) = aid
        .places
        .first()
        .and_then(|id| pack.place(id))
        .or(pack.places.first())
    else {
        return html! {};
    };
    let whom = match &p.phone {
        Some(phone) => format!("{} ({phone})", p.name.get(code)),
        None => p.name.get(code).to_string(),
    };
    crate::components::text("p", "ask-whom", &lang.fill(Key::AskWhom, &[("n", &whom)]))
}

/// A place: name, address, hours, phone (a `tel:` link) and website.
pub fn place(lang: Lang, pack: &Pack, place: &crate::rules::Place) -> Html {
    let code = lang.code();
    html! {
        <div class="place">
            <p class="place-name">{ crate::components::text("strong", "", place.name.get(code)) }</p>
            if let Some(address) = &place.address { <p lang="fr"><bdi>{ address.clone() }</bdi></p> }
            if let Some(now) = crate::rules::hours_now(pack, place, code) {
                <p class="hours-now"><strong>{ crate::components::prose(&now) }</strong></p>
            }
            if let Some(hours) = &place.hours {
                <p><span class="label">{ lang.t(Key::Hours) }{ lang.colon() }</span>{ crate::components::prose(hours.get(code)) }</p>
            }
            if let Some(phone) = &place.phone {
                <p><span class="label">{ lang.t(Key::Phone) }{ lang.colon() }</span>
                    <a href={format!("tel:{}", phone.replace([' ', '.'], ""))} dir="ltr">{ phone.clone() }</a></p>
            }
            if let Some(site) = place.website.as_ref().filter(|s| crate::components::linkable(s)) {
                <p><a href={site.clone()} rel="noopener noreferrer">{ lang.fill(Key::WebsiteOf, &[("n", host(site))]) }</a></p>
            }
            if place.to_confirm { { crate::components::text("p", "note", lang.t(Key::PlaceToConfirm)) } }
        </div>
    }
}

/// The host of an address, for a short link label ("www.ville.fr"): a long address is never printed.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}
