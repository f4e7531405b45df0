//! Start: what the tool does, the privacy promise, the territory, then "Start".
//!
//! A territory's pack is fetched when it is chosen (only the one in use is loaded): meanwhile the start
//! button waits and says so; if the fetch fails, a message and a "try again" button, never a blank page.

use crate::hooks::{Local, use_focus_on_mount, use_local};
use crate::i18n::Key;
use crate::shell_text::T;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// Where the fetch of a territory's pack stands.
#[derive(Clone, Copy, PartialEq)]
enum Fetch {
    Idle,
    Loading(usize),
    Failed(usize),
}

/// Fetches the pack of territory `index`, then selects it (or says it failed).
fn fetch(state: &StateHandle, fetching: &Local<Fetch>, index: usize) {
    let Some(id) = state.rules.territories().get(index).map(|t| t.id.clone()) else {
        return;
    };
    let current = state.territory;
    fetching.set(Fetch::Loading(index));
    let dispatcher = state.dispatcher();
    let fetching = fetching.clone();
    yew::platform::spawn_local(async move {
        match crate::rules::load(&id).await {
            Ok(()) => {
                fetching.set(Fetch::Idle);
                dispatcher.dispatch(if index == current {
                    Action::PackReady
                } else {
                    Action::SetTerritory(index)
                });
            }
            Err(messages) => {
                crate::shell::warn_all(messages);
                fetching.set(Fetch::Failed(index));
            }
        }
    });
}

/// The start screen (rendered by [`crate::components::screen::Screen`], which gives it its hooks).
#[hook]
pub fn use_start_screen(state: &StateHandle) -> Html {
    let lang = state.lang;
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), state.step > 0);
    let fetching = use_local(|| Fetch::Idle);
    // The territory shown has no pack yet (e.g. back from a take-away link of another town): fetch it.
    {
        let (state, fetching) = (state.clone(), fetching.clone());
        use_effect_with(state.territory, move |index| {
            if state.rules.pack(*index).is_none() && *fetching == Fetch::Idle {
                fetch(&state, &fetching, *index);
            }
        });
    }
    let start = crate::hooks::send(state, Action::Start);
    let retry = {
        let (state, fetching) = (state.clone(), fetching.clone());
        Callback::from(move |_: MouseEvent| {
            if let Fetch::Failed(index) = *fetching {
                fetch(&state, &fetching, index);
            }
        })
    };
    let selected = match *fetching {
        Fetch::Loading(index) | Fetch::Failed(index) => index,
        Fetch::Idle => state.territory,
    };
    let territories = (!state.territory_fixed && state.rules.len() > 1).then(|| {
        html! {
            <fieldset class="choices">
                { crate::components::text("legend", "", lang.t(Key::Territory)) }
                { for state.rules.territories().iter().enumerate().map(|(index, territory)| {
                    let (state, fetching) = (state.clone(), fetching.clone());
                    let onchange = Callback::from(move |_: Event| {
                        if state.rules.pack(index).is_some() {
                            fetching.set(Fetch::Idle);
                            state.dispatch(Action::SetTerritory(index));
                        } else {
                            fetch(&state, &fetching, index);
                        }
                    });
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
    let loading = matches!(*fetching, Fetch::Loading(_));
    html! {
        <section class="start">
            <h1 ref={heading} tabindex="-1">{ lang.t(Key::StartTitle) }</h1>
            { crate::components::text("p", "", lang.t(Key::StartIntro)) }
            { crate::components::text("p", "privacy", lang.t(Key::Privacy)) }
            { territories }
            { crate::components::text("p", "hint", lang.t(Key::StartDuration)) }
            <div role="status">
                if loading { { crate::components::text("p", "hint", T::Loading.get(lang)) } }
            </div>
            if let Fetch::Failed(_) = *fetching {
                <div role="alert" class="load-failed">
                    { crate::components::text("p", "", T::LoadFailed.get(lang)) }
                    { crate::components::button("secondary", T::Retry.get(lang), retry) }
                </div>
            } else {
                <button type="button" class="primary" onclick={start} disabled={loading}>{ lang.t(Key::StartButton) }</button>
            }
        </section>
    }
}
