//! The kiosk's "Finish" button, idle watch and countdown ("I'm still here").

use crate::i18n::Lang;
use crate::page_config;
use crate::shell_text::{T, fill};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// What counts as someone being there.
const ACTIVITY: [&str; 6] = [
    "pointerdown",
    "keydown",
    "input",
    "wheel",
    "touchstart",
    "scroll",
];

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Props of [`KioskControls`].
#[derive(Properties, PartialEq)]
pub struct KioskProps {
    /// Interface language.
    pub lang: Lang,
}

/// The kiosk bar and, after the idle time, the countdown dialog. Mounted inside the app, so a wipe (which
/// mounts the app anew) also starts a fresh watch.
#[component]
pub fn KioskControls(props: &KioskProps) -> Html {
    let lang = props.lang;
    // Seconds left before the wipe, while the countdown shows.
    let remaining = crate::hooks::use_local(|| None::<u32>);
    let still_here_button = use_node_ref();
    let last_activity = use_mut_ref(|| Rc::new(Cell::new(now_ms())));

    {
        let remaining = remaining.clone();
        let last = last_activity.borrow().clone();
        use_effect_with((), move |_| {
            let config = page_config::get();
            // Nothing to protect until someone has touched the screen since the last wipe.
            let touched = Rc::new(Cell::new(false));
            let options = gloo::events::EventListenerOptions::run_in_capture_phase();
            let listeners: Vec<_> = ACTIVITY
                .iter()
                .map(|name| {
                    let (last, touched) = (last.clone(), touched.clone());
                    gloo::events::EventListener::new_with_options(
                        &gloo::utils::document(),
                        *name,
                        options,
                        move |_| {
                            last.set(now_ms());
                            touched.set(true);
                        },
                    )
                })
                .collect();
            let idle_limit = f64::from(config.idle_secs);
            let total = idle_limit + f64::from(config.countdown_secs);
            let interval = gloo::timers::callback::Interval::new(250, move || {
                if !touched.get() {
                    return;
                }
                let idle = (now_ms() - last.get()) / 1000.0;
                if idle >= total {
                    touched.set(false);
                    remaining.set_if_changed(None);
                    crate::kiosk::wipe();
                } else if idle >= idle_limit {
                    remaining.set_if_changed(Some((total - idle).ceil() as u32));
                } else {
                    remaining.set_if_changed(None);
                }
            });
            move || {
                drop(interval);
                drop(listeners);
            }
        });
    }

    let shown = remaining.is_some();
    {
        let button = still_here_button.clone();
        use_effect_with(shown, move |shown| {
            if *shown && let Some(element) = button.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }

    let finish = Callback::from(|_: MouseEvent| crate::kiosk::wipe());
    let still_here = {
        let remaining = remaining.clone();
        let last = last_activity.borrow().clone();
        Callback::from(move |_: MouseEvent| {
            last.set(now_ms());
            remaining.set_if_changed(None);
        })
    };

    html! {
        <>
            <aside class="kiosk-bar" aria-label={T::KioskLabel.get(lang)}>
                { crate::components::button("kiosk-finish", T::Finish.get(lang), finish) }
            </aside>
            if let Some(seconds) = *remaining {
                <div class="kiosk-overlay">
                    <div class="kiosk-countdown" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-countdown-title" aria-describedby="kiosk-countdown-text">
                        <h2 id="kiosk-countdown-title">{ T::StillThereTitle.get(lang) }</h2>
                        <p id="kiosk-countdown-text">{ fill(T::StillThereText, lang, &seconds.to_string()) }</p>
                        <button type="button" class="primary" ref={still_here_button} onclick={still_here}>
                            { T::StillHere.get(lang) }
                        </button>
                    </div>
                </div>
            }
        </>
    }
}
