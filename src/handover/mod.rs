//! "Give my answers to the CCAS" (issue 18): on the visit page, where the pack holds the CCAS public key, the
//! resident reads what the code contains and, only if they agree, gets an encrypted code (a QR code, printed
//! on the visit sheet, and a text form to type) that only the CCAS desk page can open. Nothing is sent.
//!
//! The answers are encoded by the engine (through `crate::rules`); the sealing (WebCrypto), the text form and
//! the QR code are drawn by small JS modules (`static/handover.js`, `static/qr.js`) that the start-up script
//! imports on consent, through `eligoHandover(key, header, body)`, like the QR encoder. The code lives in the app state while the visit page is open only:
//! leaving the visit page, starting again, the kiosk wipe or "leave quickly" forget it, and the allocator
//! zeroes it.

use crate::i18n::Key;
use crate::state::{Action, HandoverCode as Code, StateHandle};
use crate::take_away::qr::{Drawing, qr_svg};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `eligoHandover(key, header, body)`: a Promise of `{ text, qr }`, the sealed code's text form in groups of
    /// four and its QR code (`{ path, size }`, or `null`). The start-up script defines it: it imports the
    /// sealing (`static/handover.js`) and the QR encoder then. An error (caught) where it is not defined.
    #[wasm_bindgen(js_name = eligoHandover, catch)]
    fn eligo_handover(key: &str, header: &[u8], body: &[u8]) -> Result<js_sys::Promise, JsValue>;
}

/// Seals the code of these parts and draws its QR code.
async fn make(key: String, header: Vec<u8>, body: Vec<u8>) -> Code {
    let promise = eligo_handover(&key, &header, &body).ok()?;
    let made = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&made, &name.into()).ok();
    Some((field("text")?.as_string()?, Drawing::from_js(&field("qr")?)))
}

/// The consent and the code, on the visit page; nothing where the pack has no CCAS key. A plain function
/// over the app state (the code is `AppState::handover`), not a component of its own: a Yew component type
/// costs the first load about 1 KB of wasm (measured).
pub fn handover_panel(state: &StateHandle) -> Html {
    let lang = state.lang;
    if state.pack.as_deref().is_none_or(|p| p.handover.is_none()) {
        return html! {};
    }
    let agree = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            // Encoded on consent only, from the answers as they are then.
            let parts = state.pack.as_deref().and_then(|pack| {
                crate::rules::handover_parts(pack, &state.answers, &state.outcome, state.today)
            });
            let dispatcher = state.dispatcher();
            yew::platform::spawn_local(async move {
                let code = match parts {
                    Some((key, header, body)) => make(key, header, body).await,
                    None => None,
                };
                dispatcher.dispatch(Action::Handover(Some(Rc::new(code))));
            });
        })
    };
    html! {
        <section class="handover" aria-labelledby="handover-title">
            <h2 id="handover-title">{ lang.t(Key::HandoverTitle) }</h2>
            { crate::components::text("p", "", lang.t(Key::HandoverConsent)) }
            { match state.handover.as_deref() {
                Some(Some((text, drawing))) => html! {
                    <figure class="qr-figure handover-code">
                        if let Some(drawing) = drawing { { qr_svg(drawing, lang.t(Key::HandoverTitle)) } }
                        <figcaption>
                            { crate::components::text("p", "", lang.t(Key::HandoverTextForm)) }
                            <p class="handover-text"><bdi dir="ltr">{ text.clone() }</bdi></p>
                        </figcaption>
                    </figure>
                },
                failed => html! {
                    <>
                        if failed.is_some() { { crate::components::text("p", "error", lang.t(Key::HandoverFailed)) } }
                        <div class="actions no-print">{ crate::components::button("secondary", lang.t(Key::HandoverAgree), agree) }</div>
                    </>
                },
            } }
        </section>
    }
}
