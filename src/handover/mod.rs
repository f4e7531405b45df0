//! "Give my answers to the CCAS" (issue 18): on the visit page, where the pack holds the CCAS public key, the
//! resident reads what the code contains and, only if they agree, gets an encrypted code (a QR code, printed
//! on the visit sheet, and a text form to type) that only the CCAS desk page can open. Nothing is sent.
//!
//! The answers are encoded by the engine (through `crate::rules`); the sealing is WebCrypto's, in a small JS
//! module (`static/handover.js`) that the start-up script imports on consent, through `eligoHandover(key,
//! header, body)`, like the QR encoder. The code lives in this component's state only: leaving the visit
//! page, starting again, the kiosk wipe or "leave quickly" unmount it, and the allocator zeroes it.

use crate::components::StateProps;
use crate::hooks::use_local;
use crate::i18n::Key;
use crate::take_away::qr::{self, Drawing, qr_svg};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `eligoHandover(key, header, body)`: a Promise of the sealed code's bytes. An error (caught) where the
    /// start-up script did not define it.
    #[wasm_bindgen(js_name = eligoHandover, catch)]
    fn eligo_handover(key: &str, header: &[u8], body: &[u8]) -> Result<js_sys::Promise, JsValue>;
}

/// Where the code stands.
#[derive(Clone, PartialEq)]
enum Code {
    /// Not asked for (or deleted): only the explanation and the consent button.
    None,
    /// Being made.
    Making,
    /// Made: its text form, grouped by four, and its QR code (`None` if the encoder could not draw it).
    Made(String, Option<Drawing>),
    /// Could not be made.
    Failed,
}

/// Seals the code of these parts, then draws its QR code.
async fn make(key: String, header: Vec<u8>, body: Vec<u8>) -> Code {
    let Ok(promise) = eligo_handover(&key, &header, &body) else {
        return Code::Failed;
    };
    let Ok(sealed) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Code::Failed;
    };
    let (text, grouped) = crate::rules::handover_text(&js_sys::Uint8Array::new(&sealed).to_vec());
    let drawing = qr::draw(&text).await;
    Code::Made(grouped, drawing)
}

/// The consent and the code, on the visit page; nothing where the pack has no CCAS key.
#[component]
pub fn HandoverPanel(props: &StateProps) -> Html {
    let state: &crate::state::StateHandle = &props.state;
    let lang = state.lang;
    let code = use_local(|| Code::None);
    let Some(pack) = state.pack.as_deref().filter(|p| p.handover.is_some()) else {
        return html! {};
    };
    let agree = {
        let code = code.clone();
        let parts = crate::rules::handover_parts(pack, &state.answers, &state.outcome, state.today);
        Callback::from(move |_: MouseEvent| {
            let Some((key, header, body)) = parts.clone() else {
                code.set(Code::Failed);
                return;
            };
            code.set(Code::Making);
            let code = code.clone();
            yew::platform::spawn_local(async move { code.set(make(key, header, body).await) });
        })
    };
    let forget = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| code.set(Code::None))
    };
    html! {
        <section class="handover" aria-labelledby="handover-title">
            <h2 id="handover-title">{ lang.t(Key::HandoverTitle) }</h2>
            { crate::components::text("p", "handover-consent", lang.t(Key::HandoverConsent)) }
            <div aria-live="polite">
                { match &*code {
                    Code::None | Code::Failed => html! {
                        <>
                            if *code == Code::Failed { { crate::components::text("p", "error", lang.t(Key::HandoverFailed)) } }
                            <div class="actions no-print">{ crate::components::button("secondary", lang.t(Key::HandoverAgree), agree) }</div>
                        </>
                    },
                    Code::Making => html! { <div class="qr qr-wait"></div> },
                    Code::Made(text, drawing) => html! {
                        <figure class="qr-figure handover-code">
                            if let Some(drawing) = drawing { { qr_svg(drawing, lang.t(Key::HandoverAlt)) } }
                            <figcaption>
                                { crate::components::text("p", "", lang.t(Key::HandoverTextForm)) }
                                <p class="handover-text"><bdi dir="ltr">{ text.clone() }</bdi></p>
                                <div class="actions no-print">{ crate::components::button("secondary", lang.t(Key::HandoverForget), forget) }</div>
                            </figcaption>
                        </figure>
                    },
                } }
            </div>
        </section>
    }
}
