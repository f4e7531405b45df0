//! Start: what the tool does, the privacy promise, the territory, then "Start".

use crate::hooks::{use_app, use_focus_on_mount};
use crate::i18n::Key;
use crate::state::Action;
use yew::prelude::*;

/// The start screen.
#[component]
pub fn Start() -> Html {
    let state = use_app();
    let lang = state.lang;
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), state.step > 0);
    let start = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Start))
    };
    let territories = (!state.territory_fixed && state.rules.len() > 1).then(|| {
        html! {
            <fieldset class="choices">
                <legend>{ lang.t(Key::Territory) }</legend>
                { for state.rules.packs().iter().enumerate().map(|(index, pack)| {
                    let dispatch = state.dispatcher();
                    let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::SetTerritory(index)));
                    let id = format!("territory-{}", pack.id);
                    html! {
                        <div class="choice">
                            <input type="radio" name="territory" id={id.clone()} value={pack.id.clone()}
                                checked={index == state.territory} {onchange} />
                            <label for={id}>{ pack.territory.name.get(lang.code()) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    });
    html! {
        <section class="start">
            <h1 ref={heading} tabindex="-1">{ lang.t(Key::StartTitle) }</h1>
            <p>{ lang.t(Key::StartIntro) }</p>
            <p class="privacy">{ lang.t(Key::Privacy) }</p>
            { territories }
            <p class="hint">{ lang.t(Key::StartDuration) }</p>
            <button type="button" class="primary" onclick={start}>{ lang.t(Key::StartButton) }</button>
        </section>
    }
}
