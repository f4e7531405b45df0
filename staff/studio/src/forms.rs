//! The forms beside the editor for the frequent edits of an aid (texts, status, papers to bring, yearly
//! window) and of a place (address, phone, opening hours, e-mail, web site). Each one lists the items to
//! choose from, shows the current values, and writes only what changed into the TOML through the engine's
//! `edit` functions (comments and layout kept); the studio then re-checks as after typing. Opening hours
//! are read by the engine's own parser as they are typed.

use crate::engine_door::{
    AID_STATUSES, AidText, DocumentEdit, PlaceField, edit_item, edit_translations, hours_problem,
    inline_languages, is_pack_file,
};
use crate::state::{Action, Studio};
use crate::texts::{Key, t};
use eligo::i18n::Lang;
use eligo_engine::Text;
use eligo_engine::edit::{self, EditError};
use eligo_engine::schema::{AidDef, AidStatus, PackFile};
use eligo_engine::toml_source::parse_file_recovering;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type Handle = UseReducerHandle<Studio>;

/// Props of the forms: the studio.
#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub studio: Handle,
}

/// The value of the input, text area or select with this id ("" when there is none).
fn value_of(id: &str) -> String {
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return String::new();
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.type_() == "checkbox" {
            return if input.checked() {
                "true".into()
            } else {
                String::new()
            };
        }
        return input.value();
    }
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    element
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The text in `lang` exactly ("" when that language is not given: no fallback to another one).
fn exact(text: &Text, lang: &str) -> String {
    if text.has(lang) {
        text.get(lang).to_string()
    } else {
        String::new()
    }
}

/// The aids and places as written in the pack files now (each file read past its mistakes, without its
/// translation files): what the forms show and change, even while the pack as a whole is invalid (a new
/// paper not yet translated, a mistake typed elsewhere). Read again only when a pack file changed.
#[hook]
fn use_written(studio: &Studio) -> Rc<PackFile> {
    let texts: Vec<(String, String)> = studio
        .workspace
        .iter()
        .flat_map(|w| w.files.iter())
        .filter(|f| is_pack_file(f))
        .map(|f| (f.name.clone(), f.text.clone()))
        .collect();
    use_memo(texts, |texts| {
        let mut written = PackFile::default();
        for (name, text) in texts {
            if let Some(file) = parse_file_recovering(name, text).file {
                written.aids.extend(file.aids);
                written.places.extend(file.places);
                written.pack = written.pack.or(file.pack);
            }
        }
        written
    })
}

/// The languages the forms edit: those written in the pack files themselves.
fn languages(studio: &Studio, written: &PackFile) -> Vec<String> {
    let declared = written
        .pack
        .as_ref()
        .map(|p| p.languages.clone())
        .unwrap_or_default();
    match &studio.workspace {
        Some(w) if !declared.is_empty() => inline_languages(&w.files, &declared),
        _ => vec!["fr".into()],
    }
}

/// The outcome of a form: done, or why not (shown under it, announced).
fn note(lang: Lang, outcome: &Option<Result<String, String>>) -> Html {
    match outcome {
        Some(Ok(done)) => html! { <p class="note ok" role="status">{ done }</p> },
        Some(Err(why)) => {
            html! { <p class="note error" role="alert">{ format!("{} {why}", t(lang, Key::EditFailed)) }</p> }
        }
        None => html! { <p class="note" role="status"></p> },
    }
}

/// An edit of a whole file's text.
type TextEdit<'a> = dyn Fn(&str) -> Result<String, EditError> + 'a;

/// Writes an edit into the file holding the item, and `translations` into the translation files beside it
/// (`<folder>/lang/*.toml`) when given; the outcome for the form's note, naming every file written.
fn write(
    studio: &Handle,
    edit: impl Fn(&str) -> Result<Option<String>, EditError>,
    translations: Option<&TextEdit<'_>>,
) -> Result<String, String> {
    let lang = studio.lang;
    let Some(workspace) = &studio.workspace else {
        return Err(String::new());
    };
    // `None`: nothing changed (the file is left as it was).
    let changed = std::cell::Cell::new(false);
    let result = edit_item(
        &workspace.files,
        |text| {
            edit(text).map(|new| match new {
                Some(new) => {
                    changed.set(true);
                    new
                }
                None => text.to_string(),
            })
        },
        lang.code(),
    )?;
    if !changed.get() {
        return Ok(t(lang, Key::NothingChanged).to_string());
    }
    let (index, text) = result;
    let translated = match translations {
        Some(step) => edit_translations(&workspace.files, index, step, lang.code())?,
        None => Vec::new(),
    };
    let mut names = vec![workspace.files[index].name.as_str()];
    names.extend(
        translated
            .iter()
            .map(|(i, _)| workspace.files[*i].name.as_str()),
    );
    let done = format!("{} ({})", t(lang, Key::EditDone), names.join(", "));
    studio.dispatch(Action::Text(index, text));
    for (index, text) in translated {
        studio.dispatch(Action::Text(index, text));
    }
    Ok(done)
}

/// Applies `step` to `text` when `changed`, else keeps it; `None` stays "nothing changed yet".
fn then(
    text: Option<String>,
    original: &str,
    changed: bool,
    step: impl FnOnce(&str) -> Result<String, EditError>,
) -> Result<Option<String>, EditError> {
    if !changed {
        return Ok(text);
    }
    step(text.as_deref().unwrap_or(original)).map(Some)
}

fn status_key(status: &str) -> Key {
    match status {
        "experimental" => Key::StatusExperimental,
        "under_study" => Key::StatusUnderStudy,
        "closed" => Key::StatusClosed,
        _ => Key::StatusActive,
    }
}

fn status_name(status: AidStatus) -> &'static str {
    match status {
        AidStatus::Active => "active",
        AidStatus::Experimental => "experimental",
        AidStatus::UnderStudy => "under_study",
        AidStatus::Closed => "closed",
    }
}

const AID_TEXTS: [(AidText, &str, Key); 4] = [
    (AidText::Name, "name", Key::AidName),
    (AidText::Institution, "institution", Key::AidInstitution),
    (AidText::Summary, "summary", Key::AidSummary),
    (AidText::HowToApply, "how_to_apply", Key::AidHowToApply),
];

fn aid_text(aid: &AidDef, field: AidText) -> Option<&Text> {
    match field {
        AidText::Name => Some(&aid.name),
        AidText::Institution => Some(&aid.institution),
        AidText::Summary => Some(&aid.summary),
        AidText::HowToApply => aid.how_to_apply.as_ref(),
    }
}

/// A text input (or a text area for long texts) in language `code`, its direction its own.
fn text_input(id: String, label: String, code: &str, value: String, long: bool) -> Html {
    let dir = Lang::from_code(code).map_or("ltr", |l| l.dir());
    html! {
        <p class="field">
            <label for={id.clone()}>{ label }</label>
            if long {
                <textarea id={id} lang={code.to_string()} dir={dir} rows="3" value={value} />
            } else {
                <input id={id} lang={code.to_string()} dir={dir} value={value} />
            }
        </p>
    }
}

/// The language's own name, for labels ("Nom (English)").
fn language_name(code: &str) -> String {
    Lang::from_code(code).map_or_else(|| code.to_string(), |l| l.native_name().to_string())
}

/// Props of [`AidFields`].
#[derive(Properties, PartialEq)]
struct AidFieldsProps {
    aid: AidDef,
    langs: Vec<String>,
    lang: Lang,
}

/// An aid's texts, status and window, filled with what the file says. A component of its own: Yew sets an
/// input's value at each render, so what is typed here must not be drawn again when a paper is added.
#[component]
fn AidFields(props: &AidFieldsProps) -> Html {
    let (aid, langs, lang) = (&props.aid, &props.langs, props.lang);
    let text_fields = AID_TEXTS.iter().map(|(field, key, label)| {
        let long = matches!(field, AidText::Summary | AidText::HowToApply);
        html! {
            <fieldset>
                <legend>{ t(lang, *label) }</legend>
                { for langs.iter().map(|l| text_input(
                    format!("form-aid-{key}-{l}"),
                    language_name(l),
                    l,
                    aid_text(aid, *field).map(|t| exact(t, l)).unwrap_or_default(),
                    long,
                )) }
            </fieldset>
        }
    });
    let status_now = status_name(aid.status);
    let (window_from, window_to) = aid
        .window
        .as_ref()
        .map(|w| (w.from.clone(), w.to.clone()))
        .unwrap_or_default();
    html! {
        <>
            <p class="hint">{ t(lang, Key::InlineLanguages) }</p>
            { for text_fields }
            <p class="field">
                <label for="form-aid-status">{ t(lang, Key::Status) }</label>
                <select id="form-aid-status">
                    { for AID_STATUSES.iter().map(|s| html! {
                        <option value={*s} selected={*s == status_now}>{ t(lang, status_key(s)) }</option>
                    }) }
                </select>
            </p>
            <fieldset aria-describedby="form-aid-window-help">
                <legend>{ t(lang, Key::Window) }</legend>
                <p id="form-aid-window-help" class="hint">{ t(lang, Key::WindowHelp) }</p>
                <p class="field">
                    <label for="form-aid-window-from">{ t(lang, Key::WindowFrom) }</label>
                    <input id="form-aid-window-from" placeholder="09-01" value={window_from} size="5" />
                </p>
                <p class="field">
                    <label for="form-aid-window-to">{ t(lang, Key::WindowTo) }</label>
                    <input id="form-aid-window-to" placeholder="12-31" value={window_to} size="5" />
                </p>
            </fieldset>
        </>
    }
}

/// The papers listed: each one's position in the file (`None`: added here) and a key for the page.
#[derive(Clone, PartialEq)]
struct Rows {
    rows: Vec<(Option<usize>, u32)>,
    next: u32,
}

enum RowsAction {
    Add,
    Remove(u32),
    /// One place earlier in the list (the translations follow on apply: `edit::renumber_document_translations`).
    Up(u32),
}

impl Reducible for Rows {
    type Action = RowsAction;
    fn reduce(self: Rc<Self>, action: RowsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RowsAction::Add => {
                next.rows.push((None, next.next));
                next.next += 1;
            }
            RowsAction::Remove(key) => next.rows.retain(|(_, k)| *k != key),
            RowsAction::Up(key) => {
                if let Some(at) = next
                    .rows
                    .iter()
                    .position(|(_, k)| *k == key)
                    .filter(|at| *at > 0)
                {
                    next.rows.swap(at - 1, at);
                }
            }
        }
        Rc::new(next)
    }
}

/// Props of [`Documents`].
#[derive(Properties, PartialEq)]
struct DocumentsProps {
    documents: Vec<eligo_engine::Document>,
    langs: Vec<String>,
    places: Vec<(String, String)>,
    lang: Lang,
}

/// The papers to bring, each in a [`DocumentRow`] (drawn again only when its own props change, so what is
/// typed in one stays when another is added or removed), and the button to add one.
#[component]
fn Documents(props: &DocumentsProps) -> Html {
    let lang = props.lang;
    let rows = use_reducer({
        let n = props.documents.len();
        move || Rows {
            rows: (0..n).map(|i| (Some(i), i as u32)).collect(),
            next: n as u32,
        }
    });
    let add = {
        let rows = rows.dispatcher();
        Callback::from(move |_: MouseEvent| rows.dispatch(RowsAction::Add))
    };
    let remove = use_callback(rows.dispatcher(), |key: u32, rows| {
        rows.dispatch(RowsAction::Remove(key));
        // The focus goes back to the list's heading, not lost with the button removed.
        if let Some(h) = gloo::utils::document()
            .get_element_by_id("form-aid-documents")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
    let up = use_callback(rows.dispatcher(), |key: u32, rows| {
        rows.dispatch(RowsAction::Up(key));
        // The paper's fieldset moves in the page, which takes the focus from its button: it is given back
        // once the list is drawn again.
        // (Now first, it has no "up" button any more: its "remove" button then.)
        gloo::timers::callback::Timeout::new(0, move || {
            let document = gloo::utils::document();
            let remove = format!("fieldset[data-key=\"{key}\"] button.remove");
            if let Some(button) = document
                .get_element_by_id(&format!("form-doc-{key}-up"))
                .or_else(|| document.query_selector(&remove).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        })
        .forget();
    });
    html! {
        <>
            <h3 id="form-aid-documents" tabindex="-1">{ t(lang, Key::Documents) }</h3>
            <div class="documents">
                { for rows.rows.iter().enumerate().map(|(n, (was, key))| html! {
                    <DocumentRow key={*key} id={*key} number={n + 1} was={*was}
                        document={was.and_then(|i| props.documents.get(i).cloned())}
                        langs={props.langs.clone()} places={props.places.clone()} {lang} on_remove={remove.clone()}
                        on_up={(n > 0).then(|| up.clone())} />
                }) }
            </div>
            <p><button type="button" id="form-aid-add-document" onclick={add}>{ t(lang, Key::AddDocument) }</button></p>
        </>
    }
}

/// Props of [`DocumentRow`].
#[derive(Properties, PartialEq)]
struct DocumentRowProps {
    id: u32,
    number: usize,
    was: Option<usize>,
    document: Option<eligo_engine::Document>,
    langs: Vec<String>,
    places: Vec<(String, String)>,
    lang: Lang,
    on_remove: Callback<u32>,
    /// Moves the paper one place up; `None` for the first.
    on_up: Option<Callback<u32>>,
}

/// One paper: its text and where to get it in each language, the place that gives it, "to confirm".
#[component]
fn DocumentRow(props: &DocumentRowProps) -> Html {
    let (key, lang, old) = (props.id, props.lang, props.document.as_ref());
    let paper = |l: &str| old.map(|d| exact(&d.paper, l)).unwrap_or_default();
    let where_to_get = |l: &str| {
        old.and_then(|d| d.where_to_get.as_ref().map(|w| exact(w, l)))
            .unwrap_or_default()
    };
    let place = old.and_then(|d| d.place.clone()).unwrap_or_default();
    let to_confirm = old.is_some_and(|d| d.to_confirm);
    let legend = format!("{} {}", t(lang, Key::Document), props.number);
    let remove = {
        let on_remove = props.on_remove.clone();
        Callback::from(move |_: MouseEvent| on_remove.emit(key))
    };
    let was = props.was.map(|w| w.to_string()).unwrap_or_default();
    html! {
        <fieldset class="document" data-key={key.to_string()} data-was={was}>
            <legend>{ legend.clone() }</legend>
            { for props.langs.iter().map(|l| text_input(
                format!("form-doc-{key}-paper-{l}"),
                format!("{} ({})", t(lang, Key::Paper), language_name(l)),
                l,
                paper(l),
                false,
            )) }
            { for props.langs.iter().map(|l| text_input(
                format!("form-doc-{key}-where-{l}"),
                format!("{} ({})", t(lang, Key::WhereToGet), language_name(l)),
                l,
                where_to_get(l),
                false,
            )) }
            <p class="field">
                <label for={format!("form-doc-{key}-place")}>{ t(lang, Key::DocumentPlace) }</label>
                <select id={format!("form-doc-{key}-place")}>
                    <option value="" selected={place.is_empty()}>{ t(lang, Key::NoPlace) }</option>
                    { for props.places.iter().map(|(id, name)| html! {
                        <option value={id.clone()} selected={*id == place}>{ format!("{name} ({id})") }</option>
                    }) }
                </select>
            </p>
            <p class="field check">
                <input type="checkbox" id={format!("form-doc-{key}-to-confirm")} checked={to_confirm} />
                <label for={format!("form-doc-{key}-to-confirm")}>{ t(lang, Key::ToConfirmBox) }</label>
            </p>
            <p>
                if let Some(on_up) = props.on_up.clone() {
                    <button type="button" class="up" id={format!("form-doc-{key}-up")}
                        aria-label={format!("{} ({legend})", t(lang, Key::MoveDocumentUp))}
                        onclick={Callback::from(move |_: MouseEvent| on_up.emit(key))}>{ t(lang, Key::MoveDocumentUp) }</button>
                    { " " }
                }
                <button type="button" class="remove" aria-label={format!("{} ({legend})", t(lang, Key::RemoveDocument))} onclick={remove}>{ t(lang, Key::RemoveDocument) }</button>
            </p>
        </fieldset>
    }
}

/// The papers as listed in the form now: (position in the file, key) of each, in order.
fn listed_rows() -> Vec<(Option<usize>, String)> {
    let Ok(list) = gloo::utils::document().query_selector_all(".aid-form fieldset.document") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .map(|e| {
            let was = e.get_attribute("data-was").and_then(|w| w.parse().ok());
            (was, e.get_attribute("data-key").unwrap_or_default())
        })
        .collect()
}

/// "An aid": choose it, see its texts (in the languages the pack files carry), status, window and papers.
#[component]
pub fn AidForm(props: &FormProps) -> Html {
    let studio = &props.studio;
    let lang = studio.lang;
    let outcome = use_state(|| None::<Result<String, String>>);
    let selected = use_state(String::new);
    let written = use_written(studio);
    let file: &PackFile = &written;
    if file.aids.is_empty() {
        return html! {};
    }
    let langs = languages(studio, file);
    let aid = file
        .aids
        .iter()
        .find(|a| a.id == *selected)
        .unwrap_or(&file.aids[0]);
    let id = aid.id.clone();

    let on_choose = on_choose(&selected, &outcome);
    let onsubmit = {
        let studio = studio.clone();
        let outcome = outcome.clone();
        let (aid, langs) = (aid.clone(), langs.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = aid.id.as_str();
            let status = value_of("form-aid-status");
            let (from, to) = (
                value_of("form-aid-window-from").trim().to_string(),
                value_of("form-aid-window-to").trim().to_string(),
            );
            let documents: Vec<DocumentEdit> = listed_rows()
                .iter()
                .map(|(was, key)| DocumentEdit {
                    was: *was,
                    paper: langs
                        .iter()
                        .map(|l| (l.clone(), value_of(&format!("form-doc-{key}-paper-{l}"))))
                        .collect(),
                    where_to_get: langs
                        .iter()
                        .map(|l| (l.clone(), value_of(&format!("form-doc-{key}-where-{l}"))))
                        .collect(),
                    place: Some(value_of(&format!("form-doc-{key}-place")))
                        .filter(|p| !p.is_empty()),
                    to_confirm: !value_of(&format!("form-doc-{key}-to-confirm")).is_empty(),
                })
                .collect();
            let documents_changed = documents.len() != aid.documents.len()
                || documents.iter().enumerate().any(|(i, d)| {
                    let Some(old) = aid.documents.get(i).filter(|_| d.was == Some(i)) else {
                        return true;
                    };
                    let where_old = |l: &str| old.where_to_get.as_ref().map(|w| exact(w, l));
                    d.paper
                        .iter()
                        .any(|(l, p)| p.trim() != exact(&old.paper, l))
                        || d.where_to_get
                            .iter()
                            .any(|(l, w)| where_old(l).unwrap_or_default() != w.trim())
                        || d.place != old.place
                        || d.to_confirm != old.to_confirm
                });
            // Papers moved, removed or inserted: their translations, kept by position, move with them (a
            // translation file where nothing moves is left as it is).
            let was: Vec<Option<usize>> = documents.iter().map(|d| d.was).collect();
            let renumber = |t: &str| edit::renumber_document_translations(t, id, &was);
            let window_now = aid.window.as_ref().map(|w| (w.from.clone(), w.to.clone()));
            let window_new =
                (!from.is_empty() || !to.is_empty()).then(|| (from.clone(), to.clone()));
            let result = write(
                &studio,
                |text| {
                    let mut out = None;
                    for (field, key, _) in AID_TEXTS {
                        for l in &langs {
                            let new = value_of(&format!("form-aid-{key}-{l}"));
                            let old = aid_text(&aid, field)
                                .map(|t| exact(t, l))
                                .unwrap_or_default();
                            out = then(out, text, new.trim() != old, |t| {
                                edit::set_aid_text(t, id, field, l, new.trim())
                            })?;
                        }
                    }
                    out = then(out, text, status != status_name(aid.status), |t| {
                        edit::set_aid_status(t, id, &status)
                    })?;
                    out = then(out, text, window_new != window_now, |t| {
                        edit::set_aid_window(
                            t,
                            id,
                            window_new.as_ref().map(|(f, t)| (f.as_str(), t.as_str())),
                        )
                    })?;
                    out = then(out, text, documents_changed, |t| {
                        edit::set_aid_documents(t, id, &documents)
                    })?;
                    Ok(out)
                },
                documents_changed.then_some(&renumber as &TextEdit<'_>),
            );
            outcome.set(Some(result));
        })
    };

    let places: Vec<(String, String)> = file
        .places
        .iter()
        .map(|p| (p.id.clone(), p.name.get(lang.code()).to_string()))
        .collect();
    // The papers' list starts again from the file when the aid or its papers change (a write).
    let documents_key = format!("{id}-{}", aid.documents.len());
    html! {
        <form class="studio-form aid-form" aria-labelledby="form-aid-heading" onsubmit={onsubmit}>
            <h2 id="form-aid-heading">{ t(lang, Key::FormAid) }</h2>
            { chooser("form-aid-id", t(lang, Key::Aid), file.aids.iter().map(|a| (a.id.as_str(), a.name.get(lang.code()))), &id, on_choose) }
            // Keyed by the aid: another aid, other fields.
            <div key={id.clone()} class="form-body">
                <AidFields aid={aid.clone()} langs={langs.clone()} {lang} />
                <Documents key={documents_key} documents={aid.documents.clone()} langs={langs.clone()} {places} {lang} />
            </div>
            <p><button type="submit" class="primary" id="form-aid-apply">{ t(lang, Key::Apply) }</button></p>
            { note(lang, &outcome) }
        </form>
    }
}

const PLACE_FIELDS: [(PlaceField, &str, Key); 4] = [
    (PlaceField::Address, "address", Key::Address),
    (PlaceField::Phone, "phone", Key::Phone),
    (PlaceField::Email, "email", Key::Email),
    (PlaceField::Website, "website", Key::Website),
];

/// Props of [`HoursField`].
#[derive(Properties, PartialEq)]
struct HoursProps {
    /// The hours the file gives.
    hours: String,
    lang: Lang,
}

/// The opening hours, read by the engine's parser as they are typed, with a plain message. A component of
/// its own: its message changes at each key, and the place's other fields must not be drawn again then.
#[component]
fn HoursField(props: &HoursProps) -> Html {
    let lang = props.lang;
    let typed = use_state(|| None::<String>);
    let hours = (*typed).clone().unwrap_or_else(|| props.hours.clone());
    let problem = hours_problem(&hours, lang.code());
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(Some(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ));
        })
    };
    let invalid = problem.is_some().then_some("true");
    html! {
        <p class="field hours">
            <label for="form-place-opening_hours">{ t(lang, Key::OpeningHours) }</label>
            <input id="form-place-opening_hours" dir="ltr" value={hours.clone()} {oninput}
                aria-invalid={invalid} aria-describedby="form-place-hours-help form-place-hours-message" />
            <span id="form-place-hours-help" class="hint">{ t(lang, Key::OpeningHoursHelp) }</span>
            <span id="form-place-hours-message" class={classes!("hours-message", problem.as_ref().map(|_| "error"))} aria-live="polite">
                { match &problem {
                    Some(why) => why.clone(),
                    None if hours.trim().is_empty() => String::new(),
                    None => t(lang, Key::HoursOk).to_string(),
                } }
            </span>
        </p>
    }
}

/// "A place": choose it, see its address, phone, hours (read as they are typed), e-mail and web site.
#[component]
pub fn PlaceForm(props: &FormProps) -> Html {
    let studio = &props.studio;
    let lang = studio.lang;
    let outcome = use_state(|| None::<Result<String, String>>);
    let selected = use_state(String::new);
    let written = use_written(studio);
    let file: &PackFile = &written;
    if file.places.is_empty() {
        return html! {};
    }
    let place = file
        .places
        .iter()
        .find(|p| p.id == *selected)
        .unwrap_or(&file.places[0]);
    let id = place.id.clone();

    let on_choose = on_choose(&selected, &outcome);
    let onsubmit = {
        let studio = studio.clone();
        let (outcome, place) = (outcome.clone(), place.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = place.id.as_str();
            let current = |field: PlaceField| match field {
                PlaceField::Address => place.address.clone(),
                PlaceField::Phone => place.phone.clone(),
                PlaceField::Email => place.email.clone(),
                PlaceField::Website => place.website.clone(),
                PlaceField::OpeningHours => place.opening_hours.clone(),
            };
            let mut fields: Vec<(PlaceField, String)> = PLACE_FIELDS
                .iter()
                .map(|(field, key, _)| (*field, value_of(&format!("form-place-{key}"))))
                .collect();
            fields.push((
                PlaceField::OpeningHours,
                value_of("form-place-opening_hours"),
            ));
            let result = write(
                &studio,
                |text| {
                    let mut out = None;
                    for (field, value) in &fields {
                        let value = value.trim();
                        let changed = current(*field).unwrap_or_default() != value;
                        out = then(out, text, changed, |t| {
                            edit::set_place_field(t, id, *field, Some(value))
                        })?;
                    }
                    Ok(out)
                },
                None,
            );
            if result.is_err()
                && let Some(input) = gloo::utils::document()
                    .get_element_by_id("form-place-opening_hours")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    .filter(|_| {
                        hours_problem(&value_of("form-place-opening_hours"), "en").is_some()
                    })
            {
                // Wrong hours: the staff member lands on them, with the message read out.
                let _ = input.focus();
            }
            outcome.set(Some(result));
        })
    };
    let field = |(field, key, label): &(PlaceField, &str, Key)| {
        let value = match field {
            PlaceField::Address => place.address.clone(),
            PlaceField::Phone => place.phone.clone(),
            PlaceField::Email => place.email.clone(),
            PlaceField::Website => place.website.clone(),
            PlaceField::OpeningHours => None,
        }
        .unwrap_or_default();
        let kind = match field {
            PlaceField::Phone => "tel",
            PlaceField::Email => "email",
            PlaceField::Website => "url",
            _ => "text",
        };
        html! {
            <p class="field">
                <label for={format!("form-place-{key}")}>{ t(lang, *label) }</label>
                <input id={format!("form-place-{key}")} type={kind} dir="ltr" value={value} />
            </p>
        }
    };
    html! {
        <form class="studio-form place-form" aria-labelledby="form-place-heading" onsubmit={onsubmit} novalidate=true>
            <h2 id="form-place-heading">{ t(lang, Key::FormPlace) }</h2>
            { chooser("form-place-id", t(lang, Key::Place), file.places.iter().map(|p| (p.id.as_str(), p.name.get(lang.code()))), &id, on_choose) }
            // Keyed by the place: another place, other fields.
            <div key={id.clone()} class="form-body">
                { for PLACE_FIELDS[..2].iter().map(field) }
                <HoursField hours={place.opening_hours.clone().unwrap_or_default()} {lang} />
                { for PLACE_FIELDS[2..].iter().map(field) }
            </div>
            <p><button type="submit" class="primary" id="form-place-apply">{ t(lang, Key::Apply) }</button></p>
            { note(lang, &outcome) }
        </form>
    }
}

/// The list that chooses which aid or place a form edits, labelled `label`: each item (id, name) reads
/// "<name> (<id>)", `selected` is chosen, a change goes to `onchange` (see [`on_choose`]).
fn chooser<'a>(
    dom_id: &'static str,
    label: &'static str,
    items: impl Iterator<Item = (&'a str, &'a str)>,
    selected: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <p class="field">
            <label for={dom_id}>{ label }</label>
            <select id={dom_id} {onchange}>
                { for items.map(|(id, name)| html! {
                    <option value={id.to_string()} selected={id == selected}>{ format!("{name} ({id})") }</option>
                }) }
            </select>
        </p>
    }
}

/// Choosing another aid or place in a form's list: the form shows it, and the last outcome (written, or
/// refused) goes, as it was about the one before.
fn on_choose(
    selected: &UseStateHandle<String>,
    outcome: &UseStateHandle<Option<Result<String, String>>>,
) -> Callback<Event> {
    let (selected, outcome) = (selected.clone(), outcome.clone());
    Callback::from(move |e: Event| {
        selected.set(
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        );
        outcome.set(None);
    })
}
