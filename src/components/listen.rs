//! What a card offers for reading: a "listen" button (the device's own voice only, see `crate::speech`) and,
//! in a language whose translation is still to be reviewed, the French text one tap away.

use crate::i18n::{Key, Lang};
use crate::rules::Text;
use yew::prelude::*;

/// Props of [`Listen`].
#[derive(Properties, PartialEq)]
pub struct ListenProps {
    /// Language of the text.
    pub lang: Lang,
    /// What is read.
    pub text: AttrValue,
}

/// "Listen": reads `text` aloud with a voice of the device. Hidden while the device has no local voice for
/// the language (the list of voices can arrive after the page: it is watched). The reading stops when the
/// text leaves the screen (another question, another screen).
#[component]
pub fn Listen(props: &ListenProps) -> Html {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let listener = crate::speech::on_voices_changed(move || update.force_update());
        move || drop(listener)
    });
    use_effect_with((props.lang, props.text.clone()), |_| crate::speech::stop);
    if crate::speech::local_voice(props.lang).is_none() {
        return html! {};
    }
    let (lang, text) = (props.lang, props.text.clone());
    let onclick = Callback::from(move |_: MouseEvent| crate::speech::speak(lang, &text));
    crate::components::button("secondary listen", lang.t(Key::Listen), onclick)
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
