//! The studio's steps, each a view of the state with callbacks: to review, edit (editor, problems, forms),
//! cases, preview (the app's own views), board (before/after), publish (downloads and instructions).

use crate::editor::Editor;
use crate::engine_door::{Problem, pack_files};
use crate::state::{Action, Studio};
use crate::texts::{Key, t};
use eligo::i18n::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type Handle = UseReducerHandle<Studio>;

/// "To review" (the studio opens on it): values past their date, unused parameters, aids without papers or
/// place, places without address or hours; each one takes you to its line.
pub fn review(studio: &Handle) -> Html {
    let lang = studio.lang;
    if studio.checked.loaded.is_none() {
        return problems_list(lang, &studio.checked.problems, Some(studio));
    }
    let items = &studio.checked.review;
    html! {
        <section aria-labelledby="review-heading">
            <h2 id="review-heading">{ format!("{} ({})", t(lang, Key::Review), items.len()) }</h2>
            if items.is_empty() { <p>{ t(lang, Key::NothingToReview) }</p> } else {
                <p>{ t(lang, Key::ReviewIntro) }</p>
                <ul class="review-list">{ for items.iter().map(|p| problem_item(studio, p)) }</ul>
            }
        </section>
    }
}

/// "Edit": the files, the editor, every problem, and the forms for frequent edits.
pub fn edit(studio: &Handle) -> Html {
    let lang = studio.lang;
    let Some(workspace) = &studio.workspace else {
        return html! {};
    };
    let file_button = |(index, file): (usize, &crate::workspace::SourceFile)| {
        let onclick = {
            let studio = studio.clone();
            Callback::from(move |_: MouseEvent| studio.dispatch(Action::Select(index)))
        };
        let count = studio
            .checked
            .problems
            .iter()
            .filter(|p| p.file == file.name)
            .count();
        let current = (index == studio.current).then_some("true");
        html! {
            <li><button type="button" class="file" aria-current={current} {onclick}>
                { &file.name }{ if count > 0 { format!(" ({count})") } else { String::new() } }
            </button></li>
        }
    };
    let file = &workspace.files[studio.current];
    let problems: Vec<(usize, usize, String)> = studio
        .checked
        .problems
        .iter()
        .filter(|p| p.file == file.name)
        .map(|p| (p.line, p.column, message(lang, p)))
        .collect();
    let on_change = {
        let studio = studio.clone();
        let index = studio.current;
        Callback::from(move |text: String| studio.dispatch(Action::Text(index, text)))
    };
    html! {
        <div class="edit">
            <nav aria-label={t(lang, Key::Files)}><ul class="files">{ for workspace.files.iter().enumerate().map(file_button) }</ul></nav>
            <EditorPane key={file.name.clone()} label={format!("{} — {}", file.name, t(lang, Key::Edit))} text={file.text.clone()} {problems} go_to={studio.go_to} {on_change} />
            <SaveFiles studio={studio.clone()} />
            { problems_list(lang, &studio.checked.problems, Some(studio)) }
            <div class="forms">
                { crate::views::value_form(studio) }
                <crate::forms::AidForm studio={studio.clone()} />
                <crate::forms::PlaceForm studio={studio.clone()} />
            </div>
        </div>
    }
}

/// Props of [`SaveFiles`].
#[derive(Properties, PartialEq)]
pub struct SaveProps {
    pub studio: Handle,
}

/// "Save the changed files": into the files opened with a picker (File System Access API), else as
/// downloads; what was saved, or why not, is said under the button.
#[component]
pub fn SaveFiles(props: &SaveProps) -> Html {
    let studio = &props.studio;
    let lang = studio.lang;
    let outcome = use_state(|| None::<Result<String, String>>);
    let Some(workspace) = &studio.workspace else {
        return html! {};
    };
    let unsaved = workspace.unsaved();
    let onclick = {
        let (studio, outcome) = (studio.clone(), outcome.clone());
        let files: Vec<(usize, String, String)> = unsaved
            .iter()
            .map(|&i| {
                (
                    i,
                    workspace.files[i].name.clone(),
                    workspace.files[i].text.clone(),
                )
            })
            .collect();
        Callback::from(move |_: MouseEvent| {
            let (studio, outcome, files) = (studio.clone(), outcome.clone(), files.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut saved = Vec::new();
                let mut failed = Vec::new();
                for (index, name, text) in files {
                    if crate::files::opened_in_place(&name) {
                        match crate::files::save_in_place(&name, &text).await {
                            Ok(()) => saved.push((index, name, text)),
                            Err(why) => failed.push(format!("{name} ({why})")),
                        }
                    } else {
                        save(
                            &name.replace('/', "-"),
                            text.as_bytes(),
                            "text/plain;charset=utf-8",
                        );
                        saved.push((index, name, text));
                    }
                }
                let names: Vec<String> = saved.iter().map(|(_, n, _)| n.clone()).collect();
                studio.dispatch(Action::Saved(
                    saved.into_iter().map(|(i, _, t)| (i, t)).collect(),
                ));
                outcome.set(Some(if failed.is_empty() {
                    Ok(format!(
                        "{} {}",
                        t(studio.lang, Key::Saved),
                        names.join(", ")
                    ))
                } else {
                    Err(failed.join(", "))
                }));
            });
        })
    };
    let note = match &*outcome {
        Some(Ok(done)) => html! { <p class="note ok" role="status">{ done }</p> },
        Some(Err(why)) => {
            html! { <p class="note error" role="alert">{ format!("{} {why}", t(lang, Key::SaveFailed)) }</p> }
        }
        None => html! { <p class="note" role="status"></p> },
    };
    html! {
        <div class="save-files">
            <p>
                <button type="button" id="studio-save" onclick={onclick} disabled={unsaved.is_empty()} aria-describedby="studio-save-help">
                    { format!("{} ({})", t(lang, Key::SaveFiles), unsaved.len()) }
                </button>
                <span id="studio-save-help" class="hint">{ t(lang, Key::SaveFilesHelp) }</span>
            </p>
            { note }
        </div>
    }
}

/// A problem in plain words with its place: `chenove/pack.toml, ligne 12, colonne 3 (aide « rme ») : message`.
fn message(lang: Lang, p: &Problem) -> String {
    let field = p.field(lang.code());
    let field = if field.is_empty() {
        String::new()
    } else {
        format!(" ({field})")
    };
    format!(
        "{}, {} {}, {} {}{field} : {}",
        p.file,
        t(lang, Key::Line),
        p.line,
        t(lang, Key::Column),
        p.column,
        p.message(lang.code())
    )
}

/// A problem as a button that shows its line in the editor.
fn problem_item(studio: &Handle, p: &Problem) -> Html {
    let text = message(studio.lang, p);
    let index = studio
        .workspace
        .as_ref()
        .and_then(|w| w.files.iter().position(|f| f.name == p.file));
    let (line, column) = (p.line, p.column);
    let onclick = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(index) = index {
                studio.dispatch(Action::GoTo(index, line, column));
            }
        })
    };
    html! { <li data-line={p.line.to_string()} data-file={p.file.clone()}><button type="button" class="link" {onclick}>{ text }</button></li> }
}

fn problems_list(lang: Lang, problems: &[Problem], studio: Option<&Handle>) -> Html {
    let item = |p: &Problem| match studio {
        Some(studio) => problem_item(studio, p),
        None => {
            html! { <li data-line={p.line.to_string()} data-file={p.file.clone()}>{ message(lang, p) }</li> }
        }
    };
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} ({})", t(lang, Key::Problems), problems.len()) }</h2>
            if problems.is_empty() { <p class="ok">{ t(lang, Key::NoProblem) }</p> } else {
                <ul class="problem-list">{ for problems.iter().map(item) }</ul>
            }
        </section>
    }
}

/// Props of [`EditorPane`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub label: String,
    pub text: String,
    pub problems: Vec<(usize, usize, String)>,
    /// Where to put the cursor (a problem clicked): line, column, and a count that changes at each click.
    pub go_to: Option<(usize, usize, u32)>,
    pub on_change: Callback<String>,
}

/// The code editor of one file (keyed by the file: another file, another editor).
#[component]
pub fn EditorPane(props: &EditorProps) -> Html {
    let node = use_node_ref();
    let editor: Rc<RefCell<Option<Editor>>> = use_mut_ref(|| None);
    {
        let (node, editor, text, label, on_change) = (
            node.clone(),
            editor.clone(),
            props.text.clone(),
            props.label.clone(),
            props.on_change.clone(),
        );
        use_effect_with((), move |_| {
            if let Some(parent) = node.cast::<web_sys::Element>() {
                *editor.borrow_mut() = Some(Editor::new(&parent, &text, &label, move |t| {
                    on_change.emit(t)
                }));
            }
            move || drop(editor.borrow_mut().take())
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(
            (props.text.clone(), props.problems.clone()),
            move |(text, problems)| {
                if let Some(editor) = editor.borrow().as_ref() {
                    editor.set_text(text);
                    editor.set_problems(problems);
                }
            },
        );
    }
    {
        let editor = editor.clone();
        use_effect_with(props.go_to, move |go_to| {
            if let (Some(editor), Some((line, column, _))) = (editor.borrow().as_ref(), go_to) {
                editor.go_to(*line, *column);
            }
        });
    }
    html! { <div class="editor" ref={node}></div> }
}

/// The form "new value of a parameter from a date": written into the file that defines the parameter.
pub fn value_form(studio: &Handle) -> Html {
    let lang = studio.lang;
    let Some(pack) = studio
        .checked
        .pack
        .as_ref()
        .or(studio.published.pack.as_ref())
    else {
        return html! {};
    };
    let onsubmit = {
        let studio = studio.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |id: &str| {
                gloo::utils::document()
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            };
            let value_of = |id: &str| field(id).map(|f| f.value()).unwrap_or_default();
            let parameter = gloo::utils::document()
                .get_element_by_id("form-parameter")
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let to_confirm = field("form-to-confirm").is_some_and(|f| f.checked());
            let Some(workspace) = &studio.workspace else {
                return;
            };
            let needle = format!("id = \"{parameter}\"");
            let Some(index) = workspace
                .files
                .iter()
                .position(|f| f.text.contains(&needle))
            else {
                studio.dispatch(Action::Note(Err(parameter)));
                return;
            };
            let code = studio.lang.code();
            let Some(from) = crate::engine_door::parse_date(&value_of("form-from")) else {
                studio.dispatch(Action::Note(Err(t(studio.lang, Key::BadDate).to_string())));
                return;
            };
            let edit = crate::engine_door::NewValue {
                from,
                value: value_of("form-value").trim().to_string(),
                source: value_of("form-source").trim().to_string(),
                url: None,
                verified: studio.today,
                to_confirm,
            };
            match crate::engine_door::add_parameter_value(
                &workspace.files[index].text,
                &parameter,
                &edit,
                code,
            ) {
                Ok(text) => {
                    studio.dispatch(Action::Select(index));
                    studio.dispatch(Action::Text(index, text));
                    studio.dispatch(Action::Note(Ok(t(studio.lang, Key::EditDone).to_string())));
                }
                Err(why) => studio.dispatch(Action::Note(Err(why))),
            }
        })
    };
    let note = match &studio.note {
        Some(Ok(done)) => html! { <p class="note ok" role="status">{ done }</p> },
        Some(Err(why)) => {
            html! { <p class="note error" role="alert">{ format!("{} {why}", t(lang, Key::EditFailed)) }</p> }
        }
        None => html! {},
    };
    html! {
        <form class="studio-form" aria-labelledby="form-value-heading" {onsubmit}>
            <h2 id="form-value-heading">{ t(lang, Key::FormValue) }</h2>
            <p><label for="form-parameter">{ t(lang, Key::Parameter) }</label>
                <select id="form-parameter">
                    { for pack.parameters.iter().map(|p| html! { <option value={p.id.clone()}>{ format!("{} ({})", p.label.get(lang.code()), p.id) }</option> }) }
                </select></p>
            <p><label for="form-value">{ t(lang, Key::Value) }</label><input id="form-value" inputmode="decimal" required=true /></p>
            <p><label for="form-from">{ t(lang, Key::From) }</label><input id="form-from" placeholder="2027-09-01" required=true /></p>
            <p><label for="form-source">{ t(lang, Key::Source) }</label><input id="form-source" required=true /></p>
            <p><input type="checkbox" id="form-to-confirm" /><label for="form-to-confirm">{ t(lang, Key::ToConfirmBox) }</label></p>
            <p><button type="submit" class="primary" id="form-apply">{ t(lang, Key::Apply) }</button></p>
            { note }
        </form>
    }
}

/// "Cases": every case, run on the edited pack; failures with expected and got.
pub fn cases(studio: &Handle) -> Html {
    let lang = studio.lang;
    let runs = &studio.checked.cases;
    let passed = runs.iter().filter(|c| c.failures.is_empty()).count();
    html! {
        <section aria-labelledby="cases-heading">
            <h2 id="cases-heading">{ t(lang, Key::Cases) }</h2>
            if !studio.checked.problems.is_empty() { { problems_list(lang, &studio.checked.problems, None) } }
            <p class="cases-summary" role="status">{ format!("{passed} {} {}", t(lang, Key::CasesSummary), runs.len()) }</p>
            <ul class="case-list">
                { for runs.iter().filter(|c| !c.failures.is_empty()).chain(runs.iter().filter(|c| c.failures.is_empty())).map(|c| {
                    let ok = c.failures.is_empty();
                    html! {
                        <li class={if ok { "case ok" } else { "case failed" }}>
                            <strong>{ if ok { t(lang, Key::Passed) } else { t(lang, Key::Failed) } }</strong>{ " " }
                            { &c.name }{ c.line.map(|l| format!(" ({} {l})", t(lang, Key::Line))).unwrap_or_default() }
                            if !ok { <ul>{ for c.failures(lang.code()).into_iter().map(|f| html! { <li>{ f }</li> }) }</ul> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// "Preview": the app itself, with the edited pack alone (a city's pack, as the resident would get it), and
/// "save these answers as a case" (written into the cases file, with what the engine says now).
pub fn preview(studio: &Handle) -> Html {
    let lang = studio.lang;
    let Some(pack) = studio.checked.pack.clone() else {
        return html! { <p class="note error">{ t(lang, Key::PreviewBlocked) }</p> };
    };
    let key = format!("{:p}", Rc::as_ptr(&pack));
    let props = eligo::app::AppProps {
        config: Rc::new(eligo::page_config::PageConfig::default()),
        rules: Rc::new(eligo::store::Rules::single(pack.clone())),
    };
    let sink = {
        let studio = studio.clone();
        eligo::app::AnswersSink(Callback::from(move |given| {
            studio.dispatch(Action::PreviewAnswers(given))
        }))
    };
    let save = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(workspace) = &studio.workspace else {
                return;
            };
            let Some(index) = crate::workspace::Workspace::cases_index(&workspace.files) else {
                studio.dispatch(Action::Note(Err(
                    t(studio.lang, Key::NoCasesFile).to_string()
                )));
                return;
            };
            let name = format!(
                "{} {} ({})",
                t(studio.lang, Key::CaseFromPreview),
                studio.today,
                studio.checked.cases.len() + 1
            );
            let file = &workspace.files[index];
            match crate::engine_door::append_preview_case(
                &file.text,
                &pack,
                &studio.preview_answers,
                studio.today,
                &name,
                studio.lang.code(),
            ) {
                Ok(text) => {
                    studio.dispatch(Action::Text(index, text));
                    studio.dispatch(Action::Note(Ok(format!(
                        "{} {}",
                        t(studio.lang, Key::CaseSaved),
                        file.name
                    ))));
                }
                Err(why) => studio.dispatch(Action::Note(Err(why))),
            }
        })
    };
    let note = match &studio.note {
        Some(Ok(done)) => html! { <p class="note ok" role="status">{ done }</p> },
        Some(Err(why)) => html! { <p class="note error" role="alert">{ why }</p> },
        None => html! {},
    };
    html! {
        <section class="preview" aria-label={t(lang, Key::Preview)}>
            <p>{ t(lang, Key::PreviewIntro) }</p>
            <p class="preview-actions">
                <button type="button" id="save-case" onclick={save} disabled={studio.preview_answers.is_empty()}>{ t(lang, Key::SaveCase) }</button>
            </p>
            { note }
            <PreviewFrame>
                <ContextProvider<eligo::app::AnswersSink> context={sink}>
                    <eligo::app::App {key} ..props />
                </ContextProvider<eligo::app::AnswersSink>>
            </PreviewFrame>
        </section>
    }
}

/// "For the board": what changed against the published version (values added with their dates, aids changed,
/// cases whose result flips, before and after), printable on one page.
pub fn board(studio: &Handle) -> Html {
    let lang = studio.lang;
    let code = lang.code();
    let Some(diff) = crate::engine_door::changes(&studio.published, &studio.checked) else {
        return html! { <p class="note error">{ t(lang, Key::PreviewBlocked) }</p> };
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let pack = studio.checked.pack.clone();
    let name = |id: &str| {
        pack.as_ref()
            .and_then(|p| p.aid(id).map(|a| a.name.get(code).to_string()))
            .unwrap_or_else(|| id.to_string())
    };
    let verdict = |v: Option<&str>, amount: Option<eligo_engine::Decimal>| {
        let word = match v {
            Some("eligible") => t(lang, Key::Eligible),
            Some("to_confirm") => t(lang, Key::ToConfirm),
            Some("undetermined") => t(lang, Key::Undetermined),
            Some("not_eligible") => t(lang, Key::NotEligible),
            _ => "—",
        };
        match amount {
            Some(a) => format!("{word}, {a} €"),
            None => word.to_string(),
        }
    };
    let values: Vec<Html> = diff
        .parameters
        .iter()
        .flat_map(|p| {
            p.added.iter().map(move |v| {
                html! { <li><code>{ &p.id }</code>{ format!(" : {} · {} · {}", v.value.0, v.from, v.source) }</li> }
            })
        })
        .collect();
    let lines = crate::engine_door::change_lines(&diff, code);
    let none = || html! { <p>{ t(lang, Key::NoChange) }</p> };
    html! {
        <section class="board" aria-labelledby="board-heading">
            <h2 id="board-heading">{ t(lang, Key::Board) }</h2>
            <p>{ t(lang, Key::BoardIntro) }</p>
            <h3>{ t(lang, Key::AddedValues) }</h3>
            if values.is_empty() { { none() } } else { <ul class="board-values">{ for values }</ul> }
            <h3>{ t(lang, Key::ChangedAids) }</h3>
            if diff.aids.is_empty() { { none() } } else {
                <ul class="board-aids">{ for diff.aids.iter().map(|a| html! { <li><strong>{ name(&a.id) }</strong></li> }) }</ul>
            }
            <h3>{ t(lang, Key::FlippedCases) }</h3>
            if diff.flipped.is_empty() { { none() } } else {
                <table class="board-flipped">
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::Cases) }</th>
                        <th scope="col">{ t(lang, Key::Before) }</th>
                        <th scope="col">{ t(lang, Key::After) }</th>
                    </tr></thead>
                    <tbody>{ for diff.flipped.iter().map(|f| html! {
                        <tr>
                            <td>{ format!("{} — {}", f.case, name(&f.aid)) }</td>
                            <td>{ verdict(f.before, f.amount_before) }</td>
                            <td>{ verdict(f.after, f.amount_after) }</td>
                        </tr>
                    }) }</tbody>
                </table>
            }
            <h3>{ t(lang, Key::AllChanges) }</h3>
            <ul class="board-lines">{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            <p class="no-print"><button type="button" onclick={print}>{ t(lang, Key::Print) }</button></p>
        </section>
    }
}

/// "Publish": the pack files and the texts to download, and what the webmaster does with them.
pub fn publish(studio: &Handle) -> Html {
    let lang = studio.lang;
    let Some(workspace) = &studio.workspace else {
        return html! {};
    };
    let packs = studio
        .checked
        .pack
        .as_ref()
        .map(|pack| pack_files(pack))
        .unwrap_or_default();
    let download = |name: String, bytes: Vec<u8>, kind: &'static str| {
        let label = format!("{} {name}", t(lang, Key::DownloadPack));
        let onclick = Callback::from(move |_: MouseEvent| save(&name, &bytes, kind));
        html! { <li><button type="button" class="download" {onclick}>{ label }</button></li> }
    };
    html! {
        <section class="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{ t(lang, Key::Publish) }</h2>
            <p>{ t(lang, Key::PublishIntro) }</p>
            if packs.is_empty() { <p class="note error">{ t(lang, Key::PublishBlocked) }</p> } else {
                <ul class="downloads packs">{ for packs.into_iter().map(|(name, bytes)| download(name, bytes, "application/octet-stream")) }</ul>
            }
            <ul class="downloads texts">{ for workspace.files.iter().map(|f| download(f.name.replace('/', "-"), f.text.clone().into_bytes(), "text/plain;charset=utf-8")) }</ul>
            <p class="hint">{ t(lang, Key::NothingSent) }</p>
            <h3>{ t(lang, Key::Webmaster) }</h3>
            <p class="webmaster-steps">{ t(lang, Key::WebmasterSteps) }</p>
        </section>
    }
}

/// Saves bytes as a download (a blob: made in the page, nothing sent).
fn save(name: &str, bytes: &[u8], kind: &str) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(link) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Props of [`PreviewFrame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub children: Html,
}

/// The frame of the preview. The app's "leave quickly" replaces the page with a neutral site: in the preview
/// its click stops at the window, before the app's own handlers (Yew's listeners sit on the page's body), and
/// nothing leaves.
#[component]
pub fn PreviewFrame(props: &FrameProps) -> Html {
    use_effect_with((), move |_| {
        // Not passive: it must be able to cancel the click.
        let options = gloo::events::EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: false,
        };
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::window(),
            "click",
            options,
            |event| {
                let leave = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest(".preview-frame button.leave").ok().flatten());
                if leave.is_some() {
                    event.stop_propagation();
                    event.prevent_default();
                }
            },
        );
        move || drop(listener)
    });
    html! { <div class="preview-frame">{ props.children.clone() }</div> }
}
