//! The kiosk's "Finish" button, idle watch and countdown ("I'm still here").

use crate::hooks::{Local, use_local};
use crate::i18n::Key;
use crate::state::StateHandle;
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

/// The kiosk's watch: the countdown and the last activity. Held by the app (its hooks run whether the page is
/// a kiosk or not, and watch only in a kiosk), so a wipe, which mounts the app anew, starts a fresh watch.
#[derive(Clone)]
pub struct KioskWatch {
    /// Seconds left before the wipe, while the countdown shows.
    remaining: Local<Option<u32>>,
    still_here_button: NodeRef,
    last_activity: Rc<Cell<f64>>,
}

/// Starts the kiosk's idle watch (in a kiosk only) and focuses "I'm still here" when the countdown shows.
#[hook]
pub fn use_kiosk_watch(state: &StateHandle) -> KioskWatch {
    let remaining = use_local(|| None::<u32>);
    let still_here_button = use_node_ref();
    let last_activity = use_mut_ref(|| Rc::new(Cell::new(now_ms())))
        .borrow()
        .clone();

    {
        let remaining = remaining.clone();
        let last = last_activity.clone();
        let (config, dispatcher) = (state.config.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let watch = config.kiosk.then(|| {
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
                        crate::kiosk::wipe(&dispatcher);
                    } else if idle >= idle_limit {
                        remaining.set_if_changed(Some((total - idle).ceil() as u32));
                    } else {
                        remaining.set_if_changed(None);
                    }
                });
                (interval, listeners)
            });
            move || drop(watch)
        });
    }

    {
        let button = still_here_button.clone();
        use_effect_with(remaining.is_some(), move |shown| {
            if *shown && let Some(element) = button.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }

    KioskWatch {
        remaining,
        still_here_button,
        last_activity,
    }
}

/// The kiosk bar and, after the idle time, the countdown dialog.
pub fn kiosk_controls(watch: &KioskWatch, state: &StateHandle) -> Html {
    let lang = state.lang;
    let dispatcher = state.dispatcher();
    let finish = Callback::from(move |_: MouseEvent| crate::kiosk::wipe(&dispatcher));
    let still_here = {
        let remaining = watch.remaining.clone();
        let last = watch.last_activity.clone();
        Callback::from(move |_: MouseEvent| {
            last.set(now_ms());
            remaining.set_if_changed(None);
        })
    };

    html! {
        <>
            <aside class="kiosk-bar" aria-label={lang.t(Key::KioskLabel)}>
                { crate::components::button("kiosk-finish", lang.t(Key::Finish), finish) }
            </aside>
            if let Some(seconds) = *watch.remaining {
                <div class="kiosk-overlay">
                    <div class="kiosk-countdown" role="alertdialog" aria-modal="true"
                        aria-labelledby="kiosk-countdown-title" aria-describedby="kiosk-countdown-text">
                        <h2 id="kiosk-countdown-title">{ lang.t(Key::StillThereTitle) }</h2>
                        <p id="kiosk-countdown-text">{ lang.fill(Key::StillThereText, &[("n", &seconds.to_string())]) }</p>
                        <button type="button" class="primary" ref={watch.still_here_button.clone()} onclick={still_here}>
                            { lang.t(Key::StillHere) }
                        </button>
                    </div>
                </div>
            }
        </>
    }
}
