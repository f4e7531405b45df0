//! The resident's answers, each with a way to change it (the results update at once).

use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::rules::{Question, QuestionKind, RawInput};
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The list of answers; `read_only` (the printed page): no "Change" buttons.
pub fn answers_summary(state: &StateHandle, read_only: bool) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    if state.answers.is_empty() {
        return html! {};
    }
    let rows = state
        .answers
        .given()
        .iter()
        .filter(|g| state.outcome.applicable.contains(&g.question))
        .filter_map(|g| pack.question(&g.question).map(|q| (q, &g.raw)))
        .map(|(question, raw)| {
            let read = state.answers.read(&question.id);
            let label = question.label.get(code).to_string();
            html! {
                <div class="answer" id={format!("answer-{}", question.id)}>
                    { crate::components::text("dt", "", &label) }
                    <dd>
                        { crate::components::text("span", "value", &shown(lang, question, raw, read.as_deref())) }
                        if !read_only {
                            <button type="button" class="link" onclick={send(state, Action::Change(question.id.clone()))}
                                aria-label={lang.fill(Key::ChangeAria, &[("n", &label)])}>
                                { lang.t(Key::Change) }
                            </button>
                        }
                    </dd>
                </div>
            }
        })
        .collect::<Html>();
    html! {
        <section class="answers" aria-labelledby="answers-title">
            <h2 id="answers-title">{ lang.t(Key::AnswersTitle) }</h2>
            <dl>{ rows }</dl>
        </section>
    }
}

/// An answer as the resident reads it back: a typed number or date as the engine read it (`1.000` is
/// shown "1 000 €", so a misreading would show), the rest as chosen.
fn shown(lang: Lang, question: &Question, raw: &RawInput, read: Option<&str>) -> String {
    let option = |id: &str| {
        question
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(lang.code()).to_string())
    };
    if let (RawInput::Text(_), Some(read)) = (raw, read) {
        return match question.kind {
            _ if question.is_amount() => crate::rules::money_words(lang, read),
            QuestionKind::Date => crate::rules::date_words(read),
            _ => crate::rules::number_words(lang, read),
        };
    }
    match raw {
        RawInput::Text(text) => text.trim().to_string(),
        RawInput::YesNo(true) => lang.t(Key::Yes).to_string(),
        RawInput::YesNo(false) => lang.t(Key::No).to_string(),
        RawInput::OneOf(id) => option(id),
        RawInput::SeveralOf(ids) if ids.is_empty() => "—".to_string(),
        RawInput::SeveralOf(ids) => ids
            .iter()
            .map(|id| option(id))
            .collect::<Vec<_>>()
            .join(", "),
        RawInput::DontKnow => lang.t(Key::DontKnow).to_string(),
        RawInput::Declined => lang.t(Key::PreferNotToAnswer).to_string(),
        RawInput::Nothing => lang.t(Key::NotAnswered).to_string(),
    }
}
