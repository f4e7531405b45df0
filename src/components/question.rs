//! One question: its label as a focused heading, help, an input for its type, "I don't know",
//! Back and Continue. Nothing is submitted on change; the engine checks what was typed.

use crate::components::progress::progress;
use crate::hooks::{send, use_focus_on_mount, use_local};
use crate::i18n::{Key, Lang};
use crate::rules::{QuestionKind, RawInput, Unit};
use crate::state::{Action, StateHandle, StateProp};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`QuestionScreen`]: always given with a key holding the question's id, so that another
/// question mounts afresh (its own field values).
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The app state.
    pub state: StateProp,
    /// The question's id.
    pub id: AttrValue,
}

/// The question screen for question `id`.
#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let (state, id): (&StateHandle, &AttrValue) = (&props.state, &props.id);
    let lang = state.lang;
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), true);
    // Its listen button (a question is keyed by its id: another one mounts afresh).
    crate::components::listen::use_listening(lang);
    let previous = state.answers.raw(id).cloned();
    // What is typed (number, amount, date fields) or chosen (yes/no, one of): a question is of one kind.
    let text = use_local(|| match &previous {
        Some(RawInput::Text(t)) => t.clone(),
        Some(RawInput::YesNo(true)) => "yes".to_string(),
        Some(RawInput::YesNo(false)) => "no".to_string(),
        Some(RawInput::OneOf(o)) => o.clone(),
        _ => String::new(),
    });
    let several = use_local(|| match &previous {
        Some(RawInput::SeveralOf(list)) => list.clone(),
        _ => Vec::new(),
    });

    // After a refused answer, focus goes back to the field (its error is read with it).
    let form = use_node_ref();
    {
        let has_error = state.error.is_some();
        let form = form.clone();
        use_effect_with(state.refused, move |_| {
            let field = form
                .cast::<web_sys::Element>()
                .filter(|_| has_error)
                .and_then(|f| f.query_selector("input").ok().flatten())
                .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
        });
    }
    let Some(question) = state.pack.as_deref().and_then(|p| p.question(id)) else {
        return html! {};
    };
    let code = lang.code();
    let kind = question.kind;
    let error = state.error.as_ref().map(|e| e.message(lang));
    let invalid = error.is_some();
    let help = question.help.as_ref().map(|h| h.get(code).to_string());
    let mut described = Vec::new();
    if help.is_some() {
        described.push("q-help");
    }
    if matches!(
        kind,
        QuestionKind::Integer | QuestionKind::Money | QuestionKind::Date
    ) {
        described.push("q-hint");
    }
    if invalid {
        described.push("q-error");
    }
    let described = described.join(" ");

    let onsubmit = {
        let state = state.clone();
        let id = id.to_string();
        let (text, several) = (text.clone(), several.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let raw = match kind {
                QuestionKind::Integer | QuestionKind::Money | QuestionKind::Date => {
                    RawInput::Text((*text).clone())
                }
                QuestionKind::YesNo => match text.as_str() {
                    "yes" => RawInput::YesNo(true),
                    "no" => RawInput::YesNo(false),
                    _ => RawInput::Nothing,
                },
                QuestionKind::OneOf if text.is_empty() => RawInput::Nothing,
                QuestionKind::OneOf => RawInput::OneOf((*text).clone()),
                QuestionKind::SeveralOf => RawInput::SeveralOf((*several).clone()),
            };
            state.dispatch(Action::Answer(id.clone(), raw));
        })
    };
    let dont_know = send(state, Action::Answer(id.to_string(), RawInput::DontKnow));
    let decline = send(state, Action::Answer(id.to_string(), RawInput::Declined));
    let back = send(state, Action::Back);
    let results_now = send(state, Action::ShowResults);

    let field = match kind {
        QuestionKind::Integer | QuestionKind::Money | QuestionKind::Date => {
            let oninput = {
                let text = text.clone();
                Callback::from(move |e: InputEvent| {
                    text.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let (mode, hint, unit) = match kind {
                QuestionKind::Money => (
                    "decimal",
                    lang.t(Key::MoneyHint),
                    unit_text(lang, question.unit.or(Some(Unit::Eur))),
                ),
                QuestionKind::Date => ("numeric", lang.t(Key::DateHint), None),
                _ => ("decimal", "", unit_text(lang, question.unit)),
            };
            html! {
                <div class="field">
                    <p id="q-hint" class="hint">{ hint }</p>
                    <div class="with-unit">
                        <input id="q-input" type="text" inputmode={mode} autocomplete="off" spellcheck="false"
                            dir="ltr" aria-labelledby="q-label" aria-describedby={described.clone()}
                            aria-invalid={if invalid { "true" } else { "false" }} value={(*text).clone()} {oninput} />
                        if let Some(unit) = unit { <span class="unit" aria-hidden="true">{ unit }</span> }
                    </div>
                </div>
            }
        }
        QuestionKind::YesNo | QuestionKind::OneOf | QuestionKind::SeveralOf => {
            // Radio buttons (one answer, kept in `text`), or check boxes (several, kept in `several`).
            let many = kind == QuestionKind::SeveralOf;
            let options: Vec<(String, &str)> = if kind == QuestionKind::YesNo {
                vec![
                    ("yes".into(), lang.t(Key::Yes)),
                    ("no".into(), lang.t(Key::No)),
                ]
            } else {
                question
                    .options
                    .iter()
                    .map(|o| (o.id.clone(), o.label.get(code)))
                    .collect()
            };
            // For the check boxes' callbacks (which outlive this render): which options exclude the others.
            let asked = std::rc::Rc::new(question.clone());
            let aria_invalid = (!many).then_some(if invalid { "true" } else { "false" });
            html! {
                <div class="choices" role={if many { "group" } else { "radiogroup" }} aria-labelledby="q-label"
                    aria-describedby={described.clone()}>
                    if many { { crate::components::text("p", "hint", lang.t(Key::ChooseAll)) } }
                    { for options.into_iter().map(|(value, label)| {
                        let checked = if many { several.contains(&value) } else { *text == value };
                        let id = format!("q-opt-{value}");
                        let radio_value = (!many).then(|| value.clone());
                        let onchange = {
                            let (text, several, asked) = (text.clone(), several.clone(), asked.clone());
                            Callback::from(move |e: Event| {
                                if !many {
                                    text.set(value.clone());
                                    return;
                                }
                                // The pack's "none of these" unticks the others, and they untick it.
                                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                several.set(crate::rules::tick(&asked, &several, &value, on));
                            })
                        };
                        html! {
                            <div class="choice">
                                <input type={if many { "checkbox" } else { "radio" }} name={(!many).then_some("q-choice")}
                                    id={id.clone()} value={radio_value} {checked} aria-invalid={aria_invalid} {onchange} />
                                <label for={id}>{ label }</label>
                            </div>
                        }
                    }) }
                </div>
            }
        }
    };

    // Read aloud: the question, its help, and the answers offered.
    let spoken = std::iter::once(question.label.get(code))
        .chain(help.as_deref())
        .chain(question.options.iter().map(|o| o.label.get(code)))
        .collect::<Vec<_>>()
        .join(". ");
    html! {
        <section class="question" data-question={id.clone()} data-kind={kind_name(kind)}>
            { progress(state) }
            <form ref={form} {onsubmit} novalidate=true>
                <h1 id="q-label" ref={heading} tabindex="-1">{ crate::components::prose(question.label.get(code)) }</h1>
                if let Some(help) = &help { <p id="q-help" class="help">{ help }</p> }
                { crate::components::listen::listen(lang, spoken) }
                { field }
                if let Some(error) = error { <p id="q-error" class="error">{ error }</p> }
                <div class="actions">
                    <button type="submit" class="primary">{ lang.t(Key::Continue) }</button>
                    if question.dont_know {
                        { crate::components::button("secondary dont-know", lang.t(Key::DontKnow), dont_know) }
                    }
                    // A question the pack marks sensitive can be skipped: the verdicts then say "to check".
                    if question.sensitive {
                        { crate::components::button("secondary decline", lang.t(Key::PreferNotToAnswer), decline) }
                    }
                    { crate::components::button("secondary back", lang.t(Key::Back), back) }
                </div>
            </form>
            <p>{ crate::components::button("link results-now", lang.t(Key::SeeResultsNow), results_now) }</p>
        </section>
    }
}

/// The unit shown after a number field.
fn unit_text(lang: Lang, unit: Option<Unit>) -> Option<&'static str> {
    Some(lang.t(match unit? {
        Unit::Years => Key::UnitYears,
        Unit::Months => Key::UnitMonths,
        Unit::Eur | Unit::EurDay => Key::UnitEur,
        Unit::EurMonth => Key::UnitEurMonth,
        Unit::EurYear => Key::UnitEurYear,
        Unit::Count | Unit::Percent => return None,
    }))
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "yes_no",
        QuestionKind::Integer => "integer",
        QuestionKind::Money => "money",
        QuestionKind::Date => "date",
        QuestionKind::OneOf => "one_of",
        QuestionKind::SeveralOf => "several_of",
    }
}
