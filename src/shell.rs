//! The shell around the app: reads the page's configuration once, starts the kiosk, embedding and offline
//! pieces, and mounts the app with that configuration.

use crate::app::{App, AppProps};
use crate::page_config::PageConfig;
use crate::state::AppState;
use crate::store::{Loading, Rules};
use std::rc::Rc;

/// Starts everything and renders the app into `<body>`: at once, or, over the start screen prerendered in
/// index.html (tools/prerender), once the files the opening screen needs are there.
pub fn start() {
    let config = crate::page_config::from_page();
    crate::page_config::apply(&config);
    crate::kiosk::start(&config);
    crate::embed::start(&config);
    crate::offline::register();
    let config = Rc::new(config);
    yew::platform::spawn_local(async move {
        // The app's first render in a task of its own, not in the one that finished compiling the wasm:
        // two shorter tasks instead of one long one on a slow phone (a page opened on the results measured
        // 190 to 270 ms at 4x CPU slowdown in one task: Lighthouse's Total Blocking Time).
        crate::browser::next_task().await;
        let rules = if crate::browser::prerendered() {
            opening_rules(&config).await
        } else {
            Rules::built_in()
        };
        yew::Renderer::<App>::with_props(AppProps {
            config,
            rules: Rc::new(rules),
        })
        .render();
    });
}

/// The built-in territories with the file the app's opening state needs (the page's territory and language,
/// or what the resident chose on the prerendered screen meanwhile): mounted with it, the app's first frame is
/// the start screen drawn over the prerendered one, with no "loading" between the two. A file that cannot be
/// fetched is left to the app, which says so and offers to try again.
async fn opening_rules(config: &Rc<PageConfig>) -> Rules {
    let rules = Rules::built_in();
    let state = AppState::opening(
        config.clone(),
        Rc::new(rules.clone()),
        crate::browser::browser_language(),
        crate::rules::today(),
        crate::take_away::payload_from_location(),
        &crate::browser::early_choices(),
    );
    // One file: the territory's in the language the app opens in (a second choice made before the app ran,
    // a territory and a language, shows pending on the start screen while the app fetches its file).
    match state.loading {
        Loading::Fetching(need) => match crate::store::fetch(&rules, need).await {
            Ok(pack) => rules.with(need, Rc::new(pack)),
            Err(_) => rules,
        },
        _ => rules,
    }
}
