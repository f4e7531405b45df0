//! Reading aloud with the browser's speech synthesis, with a voice of the device only: a voice whose
//! `localService` is false runs on a server, and the text read (a question, a result) would leave the
//! device. No local voice for the language: nothing is offered. Reading stops when the text read leaves the
//! screen and on "leave quickly".
//!
//! Through `js_sys::Reflect` rather than web-sys's speech bindings: a handful of calls, and the speech API
//! is missing in some browsers (then nothing is offered, never an error).

use crate::i18n::Lang;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn synth() -> Option<JsValue> {
    Reflect::get(&gloo::utils::window(), &"speechSynthesis".into())
        .ok()
        .filter(|s| s.is_object())
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn call(object: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
    let function: js_sys::Function = field(object, name).dyn_into().ok()?;
    function.apply(object, args).ok()
}

/// The device's own voice for `lang`, if there is one (never a network voice).
pub fn local_voice(lang: Lang) -> Option<JsValue> {
    let voices: Array = call(&synth()?, "getVoices", &Array::new())?
        .dyn_into()
        .ok()?;
    let wanted = lang.speech_lang().to_ascii_lowercase();
    voices.iter().find(|voice| {
        let tag = field(voice, "lang")
            .as_string()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace('_', "-");
        field(voice, "localService").as_bool() == Some(true)
            && (tag == wanted || tag.starts_with(&format!("{wanted}-")))
    })
}

/// Reads `text` aloud in `lang` with the device's own voice, after stopping any reading; nothing without one.
pub fn speak(lang: Lang, text: &str) {
    let (Some(synth), Some(voice)) = (synth(), local_voice(lang)) else {
        return;
    };
    stop();
    let Ok(class) =
        field(&gloo::utils::window(), "SpeechSynthesisUtterance").dyn_into::<js_sys::Function>()
    else {
        return;
    };
    let Ok(utterance) = Reflect::construct(&class, &Array::of1(&text.into())) else {
        return;
    };
    let _ = Reflect::set(&utterance, &"voice".into(), &voice);
    let _ = Reflect::set(&utterance, &"lang".into(), &field(&voice, "lang"));
    call(&synth, "speak", &Array::of1(&utterance));
}

/// Stops any reading. Only while something is read or waits to be: every question and card stops the
/// reading when it leaves the screen, and `cancel` costs about a millisecond of a slow phone's CPU at each
/// answer even with nothing to stop (issue 16).
pub fn stop() {
    if let Some(synth) = synth() {
        let busy = |state: &str| field(&synth, state).as_bool() == Some(true);
        if busy("speaking") || busy("pending") {
            call(&synth, "cancel", &Array::new());
        }
    }
}

/// Calls `changed` when the device's list of voices changes (it often arrives after the page).
pub fn on_voices_changed(changed: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let synth: web_sys::EventTarget = synth()?.dyn_into().ok()?;
    Some(gloo::events::EventListener::new(
        &synth,
        "voiceschanged",
        move |_| changed(),
    ))
}
