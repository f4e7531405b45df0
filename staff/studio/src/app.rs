//! The root component: the studio's header, the opening form, the steps as tabs, and the step shown.

use crate::files;
use crate::state::{Action, Studio, Tab};
use crate::texts::{Key, t};
use crate::views;
use crate::workspace::{SourceFile, Workspace};
use eligo::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The studio.
#[component]
pub fn StudioApp() -> Html {
    let studio = use_reducer(|| {
        Studio::new(
            eligo::browser::browser_language().built_in(),
            eligo::rules::today(),
        )
    });
    let lang = studio.lang;
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", lang.dir());
        }
    });
    use_escape_guard();

    let tabs = studio.workspace.as_ref().map(|_| {
        let tab_button = |tab: Tab| {
            let key = match tab {
                Tab::Review => Key::Review,
                Tab::Edit => Key::Edit,
                Tab::Cases => Key::Cases,
                Tab::Preview => Key::Preview,
                Tab::Board => Key::Board,
                Tab::Publish => Key::Publish,
            };
            let onclick = {
                let studio = studio.clone();
                Callback::from(move |_: MouseEvent| studio.dispatch(Action::SetTab(tab)))
            };
            let current = (studio.tab == tab).then_some("page");
            html! { <li><button type="button" id={format!("tab-{}", tab.id())} aria-current={current} {onclick}>{ t(lang, key) }</button></li> }
        };
        html! { <nav class="studio-tabs" aria-label={t(lang, Key::Tabs)}><ul>{ for Tab::ALL.into_iter().map(tab_button) }</ul></nav> }
    });
    let body = match &studio.workspace {
        None => html! {},
        Some(_) => match studio.tab {
            Tab::Review => views::review(&studio),
            Tab::Edit => views::edit(&studio),
            Tab::Cases => views::cases(&studio),
            Tab::Preview => views::preview(&studio),
            Tab::Board => views::board(&studio),
            Tab::Publish => views::publish(&studio),
        },
    };
    // The preview draws the app, whose own <main> must be the only one.
    let content = html! { <>{ opener(&studio) }{ tabs }<div class={classes!("studio-step", format!("step-{}", studio.tab.id()))}>{ body }</div></> };
    html! {
        <div class="studio">
            <header class="studio-header">
                <h1>{ t(lang, Key::Title) }</h1>
                <p>{ t(lang, Key::Intro) }</p>
                { language_select(&studio) }
            </header>
            if studio.workspace.is_some() && studio.tab == Tab::Preview {
                <div id="studio-main">{ content }</div>
            } else {
                <main id="studio-main">{ content }</main>
            }
        </div>
    }
}

/// The app's Escape key leaves the page for a neutral site (the resident's "leave quickly"): in the studio
/// it must not throw away the staff member's work (Escape closes the editor's search, for one). The key
/// stops at <body>, before the app's listener on the document.
#[hook]
fn use_escape_guard() {
    use_effect_with((), |_| {
        let body = gloo::utils::body();
        let guard = gloo::events::EventListener::new(&body, "keydown", |event| {
            if event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|e| e.key() == "Escape" || e.key() == "Esc")
            {
                event.stop_propagation();
            }
        });
        move || drop(guard)
    });
}

fn language_select(studio: &UseReducerHandle<Studio>) -> Html {
    let lang = studio.lang;
    let onchange = {
        let studio = studio.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::from_code(&value) {
                studio.dispatch(Action::SetLang(lang));
            }
        })
    };
    html! {
        <p class="studio-language">
            <label for="studio-lang">{ t(lang, Key::Language) }</label>
            <select id="studio-lang" {onchange}>
                { for Lang::BUILT_IN.into_iter().map(|l| html! { <option value={l.code()} selected={l == lang} lang={l.code()}>{ l.native_name() }</option> }) }
            </select>
        </p>
    }
}

/// Opening: a built-in territory, or files from this computer (read here, never sent).
fn opener(studio: &UseReducerHandle<Studio>) -> Html {
    let lang = studio.lang;
    let open_built_in = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            let select = gloo::utils::document()
                .get_element_by_id("studio-built-in")
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
            if let Some(workspace) = select.and_then(|s| Workspace::built_in(&s.value())) {
                studio.dispatch(Action::Open(workspace));
            }
        })
    };
    // Files chosen with the file input (browsers without the File System Access API).
    let open_files = {
        let studio = studio.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|i| list.get(i)).collect();
            let studio = studio.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::new();
                for file in files {
                    if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                        read.push(SourceFile {
                            name: file.name(),
                            text: text.as_string().unwrap_or_default(),
                        });
                    }
                }
                if !read.is_empty() {
                    studio.dispatch(Action::Chosen(read));
                }
            });
        })
    };
    // The pickers (File System Access API): the files are then saved back in place.
    let pick = |folder: bool| {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            let studio = studio.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = if folder {
                    files::open_folder().await
                } else {
                    files::open_files().await
                };
                match read {
                    Ok(read) if read.is_empty() => {}
                    Ok(read) => studio.dispatch(Action::Chosen(read)),
                    Err(why) => studio.dispatch(Action::Note(Err(why))),
                }
            });
        })
    };
    let choose_pack = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            let pack = gloo::utils::document()
                .get_element_by_id("studio-pack-in-folder")
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            let files = studio.pending.clone();
            if let (Some(pack), Some(files)) = (pack, files)
                && let Some(workspace) = Workspace::of_pack(&pack, &files)
            {
                studio.dispatch(Action::Open(workspace));
            }
        })
    };
    let pending = studio.pending.as_ref().map(|files| {
        let packs = Workspace::packs_among(files);
        if packs.is_empty() {
            return html! { <p class="note error" role="alert">{ t(lang, Key::NoPackFound) }</p> };
        }
        html! {
            <p>
                <label for="studio-pack-in-folder">{ t(lang, Key::PackInFolder) }</label>
                <select id="studio-pack-in-folder">
                    { for packs.iter().map(|p| html! { <option value={p.clone()}>{ p }</option> }) }
                </select>
                <button type="button" id="studio-open-pack" onclick={choose_pack}>{ t(lang, Key::Open) }</button>
            </p>
        }
    });
    // The file input always (files dropped on it too); the pickers where the browser has them, which
    // also save back into the same files.
    let pickers = files::in_place().then(|| {
        html! {
            <>
                <p>
                    <button type="button" id="studio-pick-folder" onclick={pick(true)} aria-describedby="studio-pick-help">{ t(lang, Key::OpenFolder) }</button>
                    <button type="button" id="studio-pick-files" onclick={pick(false)} aria-describedby="studio-pick-help">{ t(lang, Key::OpenWithPicker) }</button>
                </p>
                <p id="studio-pick-help" class="hint">{ t(lang, Key::OpenPickerHelp) }</p>
            </>
        }
    });
    let from_computer = html! {
        <>
            { for pickers }
            <p>
                <label for="studio-files">{ t(lang, Key::OpenFiles) }</label>
                <input type="file" id="studio-files" multiple=true accept=".toml" onchange={open_files} aria-describedby="studio-files-help" />
                <span id="studio-files-help" class="hint">{ t(lang, Key::OpenFilesHelp) }</span>
            </p>
        </>
    };
    // Why the files could not be opened (before any is open, the forms' note is not on the page).
    let why = match (&studio.workspace, &studio.note) {
        (None, Some(Err(why))) => html! { <p class="note error" role="alert">{ why }</p> },
        _ => html! {},
    };
    html! {
        <section class="studio-open" aria-labelledby="open-heading">
            <h2 id="open-heading">{ t(lang, Key::OpenHeading) }</h2>
            <p>
                <label for="studio-built-in">{ t(lang, Key::BuiltIn) }</label>
                <select id="studio-built-in">
                    { for Workspace::built_in_ids().map(|id| html! { <option value={id}>{ id }</option> }) }
                </select>
                <button type="button" id="studio-open-built-in" onclick={open_built_in}>{ t(lang, Key::Open) }</button>
            </p>
            { from_computer }
            { for pending }
            { why }
        </section>
    }
}
