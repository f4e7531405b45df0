//! The shell around the app: reads the page's configuration, starts the kiosk, embedding and offline
//! pieces, waits for a city's pack, opens a take-away link's summary, and mounts the app — anew after a
//! kiosk wipe, so that nothing of the previous person survives in any component.

use crate::app::App;
use crate::hooks::{Local, use_local};
use crate::shell_text::T;
use yew::prelude::*;

/// How long the app waits for a city's pack before using the built-in ones (milliseconds).
const PACK_WAIT_MS: u32 = 10_000;

/// Starts everything and renders the app into `<body>`.
pub fn start() {
    crate::page_config::apply();
    crate::kiosk::start();
    crate::embed::start();
    crate::offline::register();
    crate::rules::use_language(crate::browser::browser_language());
    yew::Renderer::<Root>::new().render();
}

/// The root component: the app, or the summary of a take-away link.
#[component]
pub fn Root() -> Html {
    let mounts = use_mut_ref(|| 0u32);
    let update = use_force_update();
    let pack_ready = use_local(|| !crate::city_pack::wanted());
    let shared = use_local(crate::take_away::payload_from_location);

    {
        let mounts = mounts.clone();
        let update = update.clone();
        crate::kiosk::set_remount(Callback::from(move |_| {
            *mounts.borrow_mut() += 1;
            update.force_update();
        }));
    }
    {
        let pack_ready = pack_ready.clone();
        use_effect_with((), move |_| {
            if !*pack_ready {
                let ready = pack_ready.clone();
                yew::platform::spawn_local(async move {
                    load_pack().await;
                    ready.set(true);
                });
                gloo::timers::callback::Timeout::new(PACK_WAIT_MS, move || {
                    crate::city_pack::give_up();
                    pack_ready.set(true);
                })
                .forget();
            }
        });
    }

    // Then the pack of the territory to open first (unless the city's pack is in use): fetched from the
    // app's folder (the page preloads the default one), only that one.
    let built_in = use_local(|| Boot::Loading);
    {
        let built_in = built_in.clone();
        let shared = shared.clone();
        use_effect_with(*pack_ready, move |ready| {
            if *ready && *built_in == Boot::Loading {
                boot(built_in, shared.as_ref().map(|p| p.territory.clone()));
            }
        });
    }

    // The summary of a take-away link: its own language, its heading focused when it opens.
    let summary_lang = use_local(crate::browser::browser_language);
    let summary_rules = use_mut_ref(|| None::<crate::rules::Rules>);
    let summary_heading = use_node_ref();
    let summary_shown = *pack_ready && *built_in == Boot::Ready && shared.is_some();
    {
        let heading = summary_heading.clone();
        use_effect_with(summary_shown, move |shown| {
            if *shown && let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    use_effect_with((summary_shown, *summary_lang), |(shown, lang)| {
        if *shown {
            crate::browser::set_root_language(*lang);
        }
    });

    let lang = crate::browser::browser_language();
    if !*pack_ready || *built_in == Boot::Loading {
        return html! {
            <main id="main" class="app loading" aria-busy="true">{ crate::components::text("p", "", T::Loading.get(lang)) }</main>
        };
    }
    if *built_in == Boot::Failed {
        let retry = {
            let built_in = built_in.clone();
            let shared = shared.clone();
            Callback::from(move |_: MouseEvent| {
                built_in.set(Boot::Loading);
                boot(
                    built_in.clone(),
                    shared.as_ref().map(|p| p.territory.clone()),
                );
            })
        };
        return html! {
            <main id="main" class="app">
                { crate::components::text("h1", "", T::LoadFailed.get(lang)) }
                { crate::components::button("primary", T::Retry.get(lang), retry) }
            </main>
        };
    }
    if let Some(payload) = &*shared {
        let leave = {
            let shared = shared.clone();
            Callback::from(move |_: MouseEvent| {
                forget_fragment();
                shared.set(None);
            })
        };
        let mut rules = summary_rules.borrow_mut();
        let rules = rules.get_or_insert_with(crate::city_pack::rules);
        return crate::take_away::shared_summary(
            payload,
            rules,
            &summary_lang,
            &summary_heading,
            leave,
        );
    }
    let key = mounts.borrow().to_string();
    html! { <App {key} /> }
}

/// Where the first built-in pack stands.
#[derive(Clone, Copy, PartialEq)]
enum Boot {
    Loading,
    Ready,
    Failed,
}

/// Fetches the pack of the territory to open first: a take-away link's, else the page's, else the first.
fn boot(state: Local<Boot>, linked: Option<String>) {
    if crate::city_pack::in_use() {
        state.set(Boot::Ready);
        return;
    }
    let page = crate::browser::page_territory();
    let Some(id) = crate::rules::initial_territory(linked.as_deref().or(page.as_deref())) else {
        state.set(Boot::Ready);
        return;
    };
    yew::platform::spawn_local(async move {
        match crate::rules::load(id).await {
            Ok(()) => state.set(Boot::Ready),
            Err(messages) => {
                warn_all(messages);
                state.set(Boot::Failed);
            }
        }
    });
}

/// Logs why a pack could not be loaded, in the console.
pub(crate) fn warn_all(messages: Vec<String>) {
    for m in messages {
        gloo::console::warn!(format!("Eligo: {m}"));
    }
}

async fn load_pack() {
    crate::city_pack::load().await;
}

/// Drops the fragment (a take-away link's) from the address, without adding a history entry.
pub(crate) fn forget_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    if let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// What the shell adds inside the app (placed by the app's layout): notes for the webmaster, and the
/// kiosk's controls.
pub fn extras(state: &crate::state::AppState, kiosk: &crate::kiosk::KioskWatch) -> Html {
    let lang = state.lang;
    let pack_problems = crate::city_pack::problems();
    let config_notes = &crate::page_config::get().notes;
    html! {
        <>
            { webmaster_note("pack-problem-title", T::PackProblemTitle.get(lang), Some(T::PackProblemFallback.get(lang)), &pack_problems) }
            { webmaster_note("config-note-title", T::ConfigProblemTitle.get(lang), None, config_notes) }
            if crate::kiosk::is_on() { { crate::kiosk::kiosk_controls(kiosk, lang) } }
        </>
    }
}

/// A note for the webmaster (nothing without messages): its title, what the app does about it, the messages.
fn webmaster_note(
    id: &'static str,
    title: &'static str,
    fallback: Option<&'static str>,
    messages: &[String],
) -> Html {
    use crate::components::text;
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <aside class="webmaster-note" role="note" aria-labelledby={id}>
            <p {id}>{ text("strong", "", title) }</p>
            if let Some(fallback) = fallback { { text("p", "", fallback) } }
            <ul dir="ltr" lang="en">{ for messages.iter().map(|m| html! { <li>{ text("code", "", m) }</li> }) }</ul>
        </aside>
    }
}
