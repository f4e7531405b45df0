//! The root component: state, page language, the Escape key, the header and the current screen.

use crate::browser;
use crate::components::{
    header::header,
    print_view::print_view,
    results::{CARDS_PER_TASK, card_count, results},
    safety::safety_panel,
    screen::{self, Kind},
};
use crate::i18n::Key;
use crate::state::{Action, AppState, Screen, StateProp};
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
    // The kiosk's idle watch lives as long as the app: a wipe mounts the app anew, with a fresh watch.
    let kiosk = crate::kiosk::use_kiosk_watch();

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

    // A page opened on the results draws its cards a few per task, then the rest of the screen: in one go,
    // that first paint is one long task on a slow phone (Lighthouse's Total Blocking Time). Only content
    // after what is drawn is added, so nothing moves.
    let room = crate::hooks::use_local(|| {
        if state.screen == Screen::Results {
            CARDS_PER_TASK
        } else {
            usize::MAX
        }
    });
    {
        let room = room.clone();
        let cards = card_count(&state);
        use_effect_with(*room, move |drawn| {
            if *drawn != usize::MAX {
                // The cards first, then everything below them in a task of its own.
                let next = if *drawn >= cards {
                    usize::MAX
                } else {
                    drawn + CARDS_PER_TASK
                };
                gloo::timers::callback::Timeout::new(0, move || room.set(next)).forget();
            }
        });
    }

    // The results, print and safety screens are views of the app: their heading takes the focus when one
    // of them opens (the other screens, components, focus theirs when they mount).
    let heading = use_node_ref();
    let lang = state.lang;
    let (screen, opened) = if state.rules.is_empty() {
        (crate::components::text("h1", "", lang.t(Key::NoRules)), 0)
    } else if state.safety_open {
        (safety_panel(&state, &heading), 1)
    } else {
        match (state.screen, state.current_question()) {
            (Screen::Start, _) => (
                html! { <screen::Screen key="start" state={StateProp::new(&state)} kind={Kind::Start} /> },
                0,
            ),
            (Screen::Ask, Some(id)) => {
                let key = format!("{id}-{}", state.return_to_results);
                (
                    html! { <screen::Screen {key} state={StateProp::new(&state)} kind={Kind::Question(AttrValue::from(id.to_string()))} /> },
                    0,
                )
            }
            (Screen::Ask, None) | (Screen::Results, _) => (results(&state, &heading, *room), 2),
            (Screen::Print, _) => (print_view(&state, &heading), 3),
        }
    };
    use_effect_with(opened, move |opened| {
        if *opened != 0
            && let Some(element) = heading.cast::<web_sys::HtmlElement>()
        {
            let _ = element.focus();
        }
    });

    html! {
        <>
            <a class="skip-link" href="#main">{ lang.t(Key::SkipToContent) }</a>
            { header(&state) }
            { crate::shell::extras(&state, &kiosk) }
            <main id="main" class="app" tabindex="-1" data-step={state.step.to_string()}>{ screen }</main>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.clone() }
            </div>
        </>
    }
}

use wasm_bindgen::JsCast;
