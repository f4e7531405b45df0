//! The root component: the state (one reducer), the one effect that fetches packs, the page's language;
//! then what loads, a take-away link's summary, or the session: the header and the current screen.

use crate::browser;
use crate::components::{
    header::header,
    print_view::print_view,
    question::QuestionScreen,
    results::{Drawn, card_count, results},
    safety::{help_bar, help_numbers, safety_panel},
    start::StartScreen,
};
use crate::i18n::Key;
use crate::page_config::PageConfig;
use crate::state::{Action, AppState, Screen, StateProp};
use crate::store::{Loading, Rules};
use std::rc::Rc;
use yew::prelude::*;

/// What the app starts with: the page's configuration and the pack store's territories.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// The page's configuration.
    pub config: Rc<PageConfig>,
    /// The territories, with any pack already there.
    pub rules: Rc<Rules>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config) && Rc::ptr_eq(&self.rules, &other.rules)
    }
}

impl Default for AppProps {
    /// The page's configuration and the built-in territories, none fetched yet.
    fn default() -> AppProps {
        AppProps {
            config: Rc::new(crate::page_config::from_page()),
            rules: Rc::new(Rules::built_in()),
        }
    }
}

/// For a page that embeds the app (the staff studio's preview, feature `embedder`): told the answers given so
/// far, as typed, at each change. Not in the resident build.
#[cfg(feature = "embedder")]
#[derive(Clone, PartialEq)]
pub struct AnswersSink(pub Callback<Vec<crate::rules::Given>>);

/// The root component.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        for problem in &props.rules.problems {
            gloo::console::error!(problem.clone());
        }
        AppState::opening(
            props.config.clone(),
            props.rules.clone(),
            browser::browser_language(),
            crate::rules::today(),
            crate::take_away::payload_from_location(),
            &browser::early_choices(),
        )
    });
    #[cfg(feature = "embedder")]
    {
        let sink = use_context::<AnswersSink>();
        use_effect_with(state.answers.given().to_vec(), move |given| {
            if let Some(AnswersSink(sink)) = &sink {
                sink.emit(given.clone());
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        browser::set_root_language(*lang);
        crate::panic_screen::prepare(*lang);
    });
    {
        let dispatcher = state.dispatcher();
        crate::store::use_loading(
            state.loading,
            state.rules.clone(),
            state.config.clone(),
            Callback::from(move |arrival| dispatcher.dispatch(Action::Arrived(arrival))),
        );
    }

    // The summary of a take-away link: its heading focused when it opens.
    let summary_heading = use_node_ref();
    let summary_shown = state.pack.is_some() && state.shared.is_some();
    {
        let heading = summary_heading.clone();
        use_effect_with(summary_shown, move |shown| {
            if *shown && let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }

    // Escape leaves quickly from every screen (loading, failed load, a take-away link's page, the session);
    // the listener lives as long as the app.
    {
        let (dispatcher, config) = (state.dispatcher(), state.config.clone());
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "keydown",
                move |event| {
                    let escape = event
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|e| e.key() == "Escape" || e.key() == "Esc");
                    if escape {
                        crate::hooks::leave_now(&dispatcher, &config);
                    }
                },
            );
            move || drop(listener)
        });
    }

    let lang = state.lang;
    // The screens drawn without the session's header keep the help in reach: "violence: get help" and
    // "leave quickly" above, the numbers below.
    let helped = |screen: Html| {
        html! {
            <>
                { help_bar(lang, crate::hooks::leave_quickly(&state)) }
                { screen }
                <aside class="app help-aside">{ help_numbers(lang) }</aside>
            </>
        }
    };
    match (&state.pack, state.loading, &state.shared) {
        (None, Loading::CityPack | Loading::Fetching(_), _) => helped(html! {
            <main id="main" class="app loading" aria-busy="true">{ crate::components::text("p", "", lang.t(Key::Loading)) }</main>
        }),
        (None, Loading::Failed(_), _) => {
            let retry = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| state.dispatch(Action::Retry))
            };
            helped(html! {
                <main id="main" class="app">
                    { crate::components::text("h1", "", lang.t(Key::LoadFailed)) }
                    { crate::components::button("primary", lang.t(Key::Retry), retry) }
                </main>
            })
        }
        (_, _, Some(payload)) => {
            let leave = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| {
                    crate::browser::forget_fragment();
                    state.dispatch(Action::LeaveShared);
                })
            };
            let choose = {
                let state = state.clone();
                Callback::from(move |other| state.dispatch(Action::SetLang(other)))
            };
            helped(crate::take_away::shared_summary(
                payload,
                state.pack.as_deref(),
                lang,
                &summary_heading,
                choose,
                leave,
            ))
        }
        _ => {
            let key = state.session.to_string();
            html! { <Session {key} state={StateProp::new(&state)} /> }
        }
    }
}

/// Props of [`Session`].
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    /// The app state.
    pub state: StateProp,
}

/// One person's session: the header and the current screen. A kiosk wipe mounts it anew (a new key), so
/// nothing of the previous person survives in any component.
#[component]
pub fn Session(props: &SessionProps) -> Html {
    let state: &crate::state::StateHandle = &props.state;
    // The kiosk's idle watch lives as long as the app: a wipe mounts the app anew, with a fresh watch.
    let kiosk = crate::kiosk::use_kiosk_watch(state);
    // The result cards' listen buttons (the question screen watches its own): reading stops when the
    // screen or the language changes.
    crate::components::listen::use_listening((state.lang, state.screen, state.safety_open));

    // The results draw their first screenful (heading, first cards, "prepare my visit"), and the rest of the
    // screen a part per task after that frame is painted (results::Drawn): in one go, the click on the last
    // answer waits for the whole page (issue 16: first screenful within 100 ms at 4x CPU slowdown), and a page
    // opened on the results would be one long task (Lighthouse's Total Blocking Time). Only content after
    // what is drawn is added, so nothing moves.
    let on_results = matches!(
        (state.screen, state.current_question()),
        (Screen::Results, _) | (Screen::Ask, None)
    );
    let was_on_results = use_mut_ref(|| false);
    let room = crate::hooks::use_local(|| Drawn::WHOLE);
    let opening = on_results && !*was_on_results.borrow();
    *was_on_results.borrow_mut() = on_results;
    if opening {
        room.set_silently(Drawn::FIRST);
    }
    let drawn = if opening { Drawn::FIRST } else { *room };
    {
        let (room, state) = (room.clone(), state.clone());
        use_effect_with(drawn, move |drawn| {
            // The next part, after the frame just drawn is painted. The cards are counted here, once per part
            // drawn, not on every render of the session (each answer renders it).
            if let Some(next) = drawn.next(card_count(&state)) {
                crate::browser::after_paint(move || room.set(next));
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
        (safety_panel(state, &heading), 1)
    } else {
        match (state.screen, state.current_question()) {
            (Screen::Start, _) => (
                html! { <StartScreen key="start" state={StateProp::new(state)} /> },
                0,
            ),
            (Screen::Ask, Some(id)) => {
                let key = format!("{id}-{}", state.return_to_results);
                (
                    html! { <QuestionScreen {key} state={StateProp::new(state)} id={AttrValue::from(id.to_string())} /> },
                    0,
                )
            }
            (Screen::Ask, None) | (Screen::Results, _) => (results(state, &heading, drawn), 2),
            (Screen::Print, _) => (print_view(state, &heading), 3),
        }
    };
    use_effect_with(opened, move |opened| {
        if *opened != 0
            && let Some(element) = heading.cast::<web_sys::HtmlElement>()
        {
            let _ = element.focus();
        }
    });

    let extras = html! {
        <>
            { crate::components::webmaster_note::webmaster_notes(state) }
            if state.config.kiosk { { crate::kiosk::kiosk_controls(&kiosk, state) } }
        </>
    };
    page(state, extras, screen)
}

/// The session's page around `screen`: the skip link, the header, the `extras` (notes for the webmaster, the
/// kiosk's controls), the main landmark and the announcements. Also drawn at build time around the start
/// screen (tools/prerender), so that the prerendered page and the app's are one markup.
pub fn page(state: &crate::state::StateHandle, extras: Html, screen: Html) -> Html {
    let lang = state.lang;
    html! {
        <>
            <a class="skip-link" href="#main">{ lang.t(Key::SkipToContent) }</a>
            { header(state) }
            { extras }
            <main id="main" class="app" tabindex="-1" data-step={state.step.to_string()}>{ screen }</main>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                { state.announcement.clone() }
            </div>
        </>
    }
}

use wasm_bindgen::JsCast;
