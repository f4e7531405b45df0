//! The root component: state, page language, the Escape key, the header and the current screen.

use crate::browser;
use crate::components::{
    header::header, print_view::PrintView, question::QuestionStep, results::Results,
    safety::SafetyPanel, start::Start,
};
use crate::i18n::Key;
use crate::state::{Action, AppState, Screen, StateHandle};
use std::rc::Rc;
use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let rules = crate::city_pack::rules();
        for problem in &rules.problems {
            gloo::console::error!(problem.clone());
        }
        let fixed = browser::page_territory().and_then(|id| rules.position(&id));
        // Unless the page fixes it, the first territory whose pack is already there (fetched at start).
        let first = fixed
            .or_else(|| (0..rules.len()).find(|&i| rules.pack(i).is_some()))
            .unwrap_or(0);
        let state = AppState::new(
            Rc::new(rules),
            browser::browser_language(),
            first,
            fixed.is_some(),
        );
        if crate::page_config::get().open_results {
            state.opened_on_results()
        } else {
            state
        }
    });

    use_effect_with(state.lang, |lang| browser::set_root_language(*lang));

    // Escape leaves quickly from anywhere; the listener lives as long as the app.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "keydown",
                move |event| {
                    let escape = event
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|e| e.key() == "Escape" || e.key() == "Esc");
                    if escape {
                        dispatcher.dispatch(Action::Restart);
                        browser::leave_quickly();
                    }
                },
            );
            move || drop(listener)
        });
    }

    let lang = state.lang;
    let screen = if state.rules.is_empty() {
        html! { <h1>{ lang.t(Key::NoRules) }</h1> }
    } else if state.safety_open {
        html! { <SafetyPanel /> }
    } else {
        match (state.screen, state.current_question()) {
            (Screen::Start, _) => html! { <Start /> },
            (Screen::Ask, Some(id)) => {
                let key = format!("{id}-{}", state.return_to_results);
                html! { <QuestionStep key={key} id={AttrValue::from(id.to_string())} /> }
            }
            (Screen::Ask, None) | (Screen::Results, _) => html! { <Results /> },
            (Screen::Print, _) => html! { <PrintView /> },
        }
    };

    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <a class="skip-link" href="#main">{ lang.t(Key::SkipToContent) }</a>
            { header(&state) }
            { crate::shell::extras(&state) }
            <main id="main" class="app" tabindex="-1" data-step={state.step.to_string()}>{ screen }</main>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.clone() }
            </div>
        </ContextProvider<StateHandle>>
    }
}

use wasm_bindgen::JsCast;
