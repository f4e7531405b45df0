//! Start: what the tool does, the privacy promise, the territory, then "Start".
//!
//! A territory's pack is fetched when it is chosen (only the one in use is loaded): meanwhile the start
//! button waits and says so; if the fetch fails, a message and a "try again" button, never a blank page.

use crate::components::StateProps;
use crate::hooks::{send, use_focus_on_mount};
use crate::i18n::Key;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The start screen.
#[component]
pub fn StartScreen(props: &StateProps) -> Html {
    let state: &StateHandle = &props.state;
    let lang = state.lang;
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), state.step > 0);
    let start = send(state, Action::Start);
    let retry = send(state, Action::Retry);
    // A territory chosen whose pack is being fetched (or could not be) shows as chosen meanwhile.
    let choosing = state.choosing();
    let selected = choosing.map_or(state.territory, |(index, _)| index);
    let territories = (!state.territory_fixed && state.rules.len() > 1).then(|| {
        html! {
            <fieldset class="choices">
                { crate::components::text("legend", "", lang.t(Key::Territory)) }
                { for state.rules.territories().iter().enumerate().map(|(index, territory)| {
                    let state = state.clone();
                    let onchange = Callback::from(move |_: Event| state.dispatch(Action::SetTerritory(index)));
                    let id = format!("territory-{}", territory.id);
                    html! {
                        <div class="choice">
                            <input type="radio" name="territory" id={id.clone()} value={territory.id.clone()}
                                checked={index == selected} {onchange} />
                            <label for={id}>{ territory.name.get(lang.code()) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    });
    let loading = choosing == Some((selected, false));
    html! {
        <section class="start">
            <h1 ref={heading} tabindex="-1">{ lang.t(Key::StartTitle) }</h1>
            { crate::components::text("p", "", lang.t(Key::StartIntro)) }
            { crate::components::text("p", "privacy", lang.t(Key::Privacy)) }
            { territories }
            { crate::components::text("p", "hint", lang.t(Key::StartDuration)) }
            <div role="status">
                if loading { { crate::components::text("p", "hint", lang.t(Key::Loading)) } }
            </div>
            if choosing.is_some_and(|(_, failed)| failed) {
                <div role="alert" class="load-failed">
                    { crate::components::text("p", "", lang.t(Key::LoadFailed)) }
                    { crate::components::button("secondary", lang.t(Key::Retry), retry) }
                </div>
            } else {
                <button type="button" class="primary" onclick={start} disabled={loading}>{ lang.t(Key::StartButton) }</button>
            }
        </section>
    }
}
