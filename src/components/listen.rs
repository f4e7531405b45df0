//! What a card or a question offers for reading: a "listen" button (the device's own voice only, see
//! `crate::speech`) and, in a language whose translation is still to be reviewed, the French text one tap
//! away.

use crate::i18n::{Key, Lang};
use crate::rules::Text;
use yew::prelude::*;

/// "Listen": reads `text` aloud with a voice of the device; nothing while the device has no local voice for
/// the language. A plain view: the screen that shows it watches the voices and stops the reading
/// ([`use_listening`]), once for all its buttons.
pub fn listen(lang: Lang, text: String) -> Html {
    if crate::speech::local_voice(lang).is_none() {
        return html! {};
    }
    let onclick = Callback::from(move |_: MouseEvent| crate::speech::speak(lang, &text));
    crate::components::button("secondary listen", lang.t(Key::Listen), onclick)
}

/// For a screen with listen buttons: draws it again when the device's list of voices changes (the list
/// often arrives after the page, and a button shows once a local voice is there), and stops any reading
/// when `shown` changes or the screen goes: the text read has left the screen.
#[hook]
pub fn use_listening<K: PartialEq + 'static>(shown: K) {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let listener = crate::speech::on_voices_changed(move || update.force_update());
        move || drop(listener)
    });
    use_effect_with(shown, |_| crate::speech::stop);
}

/// The French text of a card's texts (name, then the rest), behind one tap, in a language whose translation
/// is to be reviewed; nothing otherwise.
pub fn in_french(lang: Lang, texts: &[&Text]) -> Html {
    if !lang.on_demand() || lang == Lang::FrFalc {
        return html! {};
    }
    html! {
        <details class="in-french">
            <summary>{ lang.t(Key::ShowFrench) }</summary>
            <div lang="fr" dir="ltr">
                { for texts.iter().map(|t| html! { <p>{ t.get("fr") }</p> }) }
            </div>
        </details>
    }
}
