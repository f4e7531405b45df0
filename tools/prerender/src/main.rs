//! Renders the resident app's start screen to HTML at build time, with the app's own views (the same
//! `StartScreen` and page layout the browser draws), for index.html: the page shows the start screen as soon
//! as its HTML and style sheet are there, long before the wasm on a slow connection (issue 16), and the app
//! draws the same markup over it when it mounts (src/shell.rs).
//!
//! Prints the HTML that goes into `<body>`: the page as the app opens it (the first territory by id, French,
//! no page setting), then the national help numbers, hidden until "Violences : être aidé·e" is tapped
//! before the app runs, and marked `data-prerender` (the start-up script and the shell look for it). The
//! start-up script (static/startup-template.js) makes its controls work before the wasm does and notes the
//! resident's choices for the app.
//!
//!   cargo run -p eligo-prerender > prerender.html      (scripts/build.sh; scripts/postbuild.mjs inserts it)

use eligo::app::page;
use eligo::components::safety::help_numbers;
use eligo::components::start::StartScreen;
use eligo::i18n::{Key, Lang};
use eligo::page_config::PageConfig;
use eligo::rules::Date;
use eligo::state::{AppState, StateProp};
use eligo::store::{Need, Rules};
use std::rc::Rc;
use yew::LocalServerRenderer;
use yew::prelude::*;

/// The language of the prerendered screen: the app's first language.
const LANG: Lang = Lang::Fr;

/// The state the app opens with on a page without settings, in [`LANG`], its first territory's pack there
/// (the app mounts once it is: src/shell.rs).
fn opening_state() -> AppState {
    let built_in = Rules::built_in();
    let need = Need {
        territory: 0,
        lang: LANG,
    };
    let pack = Rules::embedded()
        .pack(0, LANG)
        .cloned()
        .expect("the build has a pack");
    // The date matters to no text of the start screen; a fixed one keeps the output the same at every build.
    let today = Date::new(2026, 1, 1).expect("a date");
    AppState::new(
        Rc::new(PageConfig::default()),
        Rc::new(built_in.with(need, pack)),
        LANG,
        today,
        None,
    )
}

#[component]
fn Prerendered() -> Html {
    let state = use_reducer(opening_state);
    let screen = html! { <StartScreen key="start" state={StateProp::new(&state)} /> };
    html! {
        <>
            { page(&state, html! {}, screen) }
            <aside class="app help-aside" data-static-help="" data-prerender="" data-loading={LANG.t(Key::Loading)} hidden=true>
                { help_numbers(LANG) }
            </aside>
        </>
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let html = tokio::task::LocalSet::new().block_on(
        &runtime,
        LocalServerRenderer::<Prerendered>::new()
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}
