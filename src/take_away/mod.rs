//! Taking the results away without any server: a QR code drawn in the page (only when the resident asks,
//! by a JS encoder loaded then: see [`qr`]) whose link opens the list of aids to ask for on the resident's
//! phone, and a receipt to print. Both carry the territory and aid ids only — never an answer.

pub mod link;
pub mod qr;

use crate::components::place::place;
use crate::hooks::{Local, use_local};
use crate::i18n::{Key, Lang};
use crate::page_config::PageConfig;
use crate::rules::{Group, Pack};
use link::Payload;
use qr::{Drawing, qr_svg};
use yew::prelude::*;

/// The last QR code drawn: for which link, and the drawing (`None` if the encoder failed or the link is too
/// long for a QR code).
type Drawn = Option<(String, Option<Drawing>)>;

/// Draws the QR code of `url` (the encoder is loaded on the first call) and keeps it in `drawn`.
fn draw(drawn: &Local<Drawn>, url: &str) {
    // After a failure (offline, say), the placeholder again while it tries again.
    if matches!(&**drawn, Some((_, None))) {
        drawn.set(None);
    }
    let (drawn, url) = (drawn.clone(), url.to_string());
    yew::platform::spawn_local(async move {
        let drawing = qr::draw(&url).await;
        drawn.set(Some((url, drawing)));
    });
}

/// The app's public address: the page's `share-url`, else this page's address without query or fragment.
pub fn share_base(config: &PageConfig) -> String {
    if let Some(url) = &config.share_url {
        return url.clone();
    }
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The payload shown in the address bar's fragment, if the page was opened from a take-away link.
pub fn payload_from_location() -> Option<Payload> {
    gloo::utils::window()
        .location()
        .hash()
        .ok()
        .and_then(|h| Payload::parse(&h))
}

/// The aids of a group that the pack knows, in pack order.
fn aids_of<'a>(
    pack: &'a Pack,
    ids: &'a [String],
) -> impl Iterator<Item = &'a crate::rules::Aid> + 'a {
    pack.aids.iter().filter(|aid| ids.contains(&aid.id))
}

/// What to bring and where to go for these aids (each document and place once).
fn documents_and_places<'a>(
    pack: &'a Pack,
    lang: Lang,
    ids: &[&'a [String]],
) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut documents: Vec<&str> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    for list in ids {
        for aid in aids_of(pack, list) {
            for d in &aid.documents {
                let text = d.get(lang.code());
                if !documents.contains(&text) {
                    documents.push(text);
                }
            }
            for p in &aid.places {
                if !places.contains(&p.as_str()) {
                    places.push(p);
                }
            }
        }
    }
    (documents, places)
}

/// The take-away block of the results: a QR code on demand and a receipt to print.
#[component]
pub fn TakeAway(props: &crate::components::StateProps) -> Html {
    let state: &crate::state::StateHandle = &props.state;
    let lang = state.lang;
    let show_qr = use_local(|| false);
    let drawn = use_local::<Drawn, _>(|| None);
    let printing = use_local(|| false);
    let pack = state.pack.as_deref();
    let payload = pack.map(|pack| {
        let ids = |g: Group| {
            state
                .outcome
                .in_group(g)
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        };
        Payload {
            territory: pack.id.clone(),
            ask: ids(Group::Ask),
            check: ids(Group::Check),
        }
    });
    let url = payload.as_ref().map(|payload| {
        link::link(
            &share_base(&state.config),
            crate::city_pack::shared_pack_param(&state.config, state.rules.city).as_deref(),
            payload,
        )
    });
    // The QR code of the link: `None` while the encoder is loading (or drawing another link).
    let drawing = match (&*drawn, &url) {
        (Some((link, drawing)), Some(url)) if link == url => Some(drawing.as_ref()),
        _ => None,
    };
    // The receipt (and its QR code) exists only while it is being printed: once asked for, as soon as its
    // QR code is drawn (or could not be). A second click meanwhile prints nothing more.
    let receipt_ready = *printing && drawing.is_some();
    {
        let printing = printing.clone();
        use_effect_with(receipt_ready, move |ready| {
            if *ready {
                print_receipt();
                printing.set(false);
            }
        });
    }
    let (Some(pack), Some(payload), Some(url)) = (pack, payload, url) else {
        return html! {};
    };
    // The QR code is drawn when the panel opens, and for the receipt if it is not yet.
    let toggle = {
        let (show_qr, drawn, url) = (show_qr.clone(), drawn.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            if !*show_qr {
                draw(&drawn, &url);
            }
            show_qr.set(!*show_qr);
        })
    };
    let print = {
        let (printing, drawn, url) = (printing.clone(), drawn.clone(), url.clone());
        let drawn_now = drawing.is_some();
        Callback::from(move |_: MouseEvent| {
            if !drawn_now {
                draw(&drawn, &url);
            }
            printing.set(true);
        })
    };

    html! {
        <section class="take-away" aria-labelledby="take-away-title">
            <h2 id="take-away-title">{ lang.t(Key::TakeAwayTitle) }</h2>
            { crate::components::text("p", "hint", lang.t(Key::TakeAwayIntro)) }
            <div class="actions">
                <button type="button" class="secondary" aria-expanded={if *show_qr { "true" } else { "false" }}
                    aria-controls="take-away-qr" onclick={toggle}>
                    { if *show_qr { lang.t(Key::HideQr) } else { lang.t(Key::ShowQr) } }
                </button>
                { crate::components::button("secondary", lang.t(Key::PrintReceipt), print) }
            </div>
            <div id="take-away-qr">
                if *show_qr {
                    <figure class="qr-figure">
                        // A square of the code's width while it loads, so the link below does not jump.
                        // Without a code, the link written out is all there is.
                        { match drawing {
                            Some(Some(drawing)) => qr_svg(drawing, lang.t(Key::QrAlt)),
                            Some(None) => html! {},
                            None => html! { <div class="qr qr-wait"></div> },
                        } }
                        <figcaption>
                            if drawing != Some(None) { { crate::components::text("p", "", lang.t(Key::QrHelp)) } }
                            <p class="qr-link">{ lang.t(Key::QrLink) }{ " " }<bdi dir="ltr">{ url.clone() }</bdi></p>
                        </figcaption>
                    </figure>
                }
            </div>
            if receipt_ready { { receipt(pack, lang, &payload, &url, drawing.flatten()) } }
        </section>
    }
}

/// Prints the receipt alone (`html.printing-receipt` hides everything else in the print style sheet).
fn print_receipt() {
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let classes = root.class_list();
    let _ = classes.add_1("printing-receipt");
    crate::browser::print();
    let _ = classes.remove_1("printing-receipt");
}

/// A narrow receipt: the aids, what to bring, where to go, and the QR code of `url` (the link written out
/// if there is none). Rendered only while printing.
fn receipt(
    pack: &Pack,
    lang: Lang,
    payload: &Payload,
    url: &str,
    drawing: Option<&Drawing>,
) -> Html {
    let code = lang.code();
    let (documents, places) = documents_and_places(pack, lang, &[&payload.ask, &payload.check]);
    let list = |ids: &[String]| {
        html! {
            <ul>{ for aids_of(pack, ids).map(|aid| crate::components::text("li", "", aid.name.get(code))) }</ul>
        }
    };
    html! {
        <div class="receipt">
            <p class="receipt-title">{ crate::components::text("strong", "", lang.t(Key::ReceiptTitle)) }{ " — " }{ pack.territory.name.get(code) }</p>
            <p>{ crate::components::text("strong", "", lang.t(Key::SharedAsk)) }</p>
            { list(&payload.ask) }
            if !payload.check.is_empty() {
                <p>{ crate::components::text("strong", "", lang.t(Key::SharedCheck)) }</p>
                { list(&payload.check) }
            }
            <p>{ crate::components::text("strong", "", lang.t(Key::DocumentsToBring)) }</p>
            <ul>{ for documents.iter().map(|d| html! { <li>{ "☐ " }{ *d }</li> }) }</ul>
            <p>{ crate::components::text("strong", "", lang.t(Key::WhereToGo)) }</p>
            { for places.iter().filter_map(|id| pack.place(id)).map(|p| place(lang, pack, p)) }
            { match drawing {
                Some(drawing) => qr_svg(drawing, lang.t(Key::QrAlt)),
                None => html! { <p class="qr-link"><bdi dir="ltr">{ url.to_string() }</bdi></p> },
            } }
        </div>
    }
}

/// The page a take-away link opens: the aids it names, with their documents and places, from `pack` (the
/// link's territory's, in `l`). The app focuses `heading` when it opens; `choose` switches the language.
pub fn shared_summary(
    payload: &Payload,
    pack: Option<&Pack>,
    l: Lang,
    heading: &NodeRef,
    choose: Callback<Lang>,
    leave: Callback<MouseEvent>,
) -> Html {
    let code = l.code();
    let pack = pack.filter(|p| p.id == payload.territory);
    let section = |title: Key, ids: &[String], class: &'static str| {
        let Some(pack) = pack else { return html! {} };
        if ids.is_empty() {
            return html! {};
        }
        crate::components::with_attributes(
            html! {
                <section>
                    { crate::components::text("h2", "", l.t(title)) }
                    { for aids_of(pack, ids).map(|aid| {
                        let (documents, _) = documents_and_places(pack, l, &[std::slice::from_ref(&aid.id)]);
                        html! {
                            <article class="aid" data-aid={aid.id.clone()}>
                                { crate::components::text("h3", "", aid.name.get(code)) }
                                { crate::components::text("p", "", aid.summary.get(code)) }
                                if let Some(how) = &aid.how_to_apply { { crate::components::text("p", "", how.get(code)) } }
                                if !documents.is_empty() {
                                    { crate::components::text("h4", "", l.t(Key::DocumentsToBring)) }
                                    <ul>{ for documents.iter().map(|d| crate::components::text("li", "", d)) }</ul>
                                }
                                if !aid.places.is_empty() {
                                    { crate::components::text("h4", "", l.t(Key::WhereToGo)) }
                                    { for aid.places.iter().filter_map(|id| pack.place(id)).map(|p| place(l, pack, p)) }
                                }
                            </article>
                        }
                    }) }
                </section>
            },
            &["class"],
            [Some(class.into())],
        )
    };
    let known = pack.is_some_and(|p| {
        aids_of(p, &payload.ask)
            .chain(aids_of(p, &payload.check))
            .next()
            .is_some()
    });

    html! {
        <main key="shared" id="main" class="app shared-summary" tabindex="-1">
            { crate::components::language_switch::language_buttons("Langue / Language / اللغة", &Lang::BUILT_IN, l, None, &|other| {
                let choose = choose.clone();
                Callback::from(move |_: MouseEvent| choose.emit(other))
            }) }
            <h1 ref={heading.clone()} tabindex="-1">{ l.t(Key::SharedTitle) }</h1>
            if let Some(pack) = pack { { crate::components::text("p", "hint", pack.territory.name.get(code)) } }
            { crate::components::text("p", "privacy", l.t(Key::SharedIntro)) }
            if !known { { crate::components::text("p", "", l.t(Key::SharedNone)) } }
            { section(Key::SharedAsk, &payload.ask, "group ask") }
            { section(Key::SharedCheck, &payload.check, "group check") }
            <div class="actions">
                { crate::components::button("primary", l.t(Key::CheckMine), leave) }
            </div>
        </main>
    }
}
