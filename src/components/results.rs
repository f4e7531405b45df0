//! Results: aids grouped by what the resident can do, then the summary of the answers.

use crate::components::aid_card::{AidCard, AidRefused};
use crate::components::answers_summary::AnswersSummary;
use crate::hooks::{use_app, use_focus_on_mount};
use crate::i18n::Key;
use crate::rules::Group;
use crate::state::Action;
use yew::prelude::*;

/// The results screen.
#[component]
pub fn Results() -> Html {
    let state = use_app();
    let lang = state.lang;
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), true);
    let in_group = |g: Group| state.outcome.in_group(g).cloned().collect::<Vec<_>>();
    let ask = in_group(Group::Ask);
    let check = in_group(Group::Check);
    let not = in_group(Group::Not);
    let action = |a: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(a()))
    };
    let left = state.outcome.left;

    html! {
        <section class="results">
            <h1 ref={heading} tabindex="-1">{ lang.t(Key::ResultsTitle) }</h1>
            <p class="hint">{ lang.t(Key::ResultsIntro) }</p>
            if state.outcome.next.is_some() {
                <p class="resume">
                    { lang.questions_left(left) }{ " " }
                    <button type="button" class="secondary" onclick={action(|| Action::ResumeQuestions)}>
                        { lang.t(Key::ResumeQuestions) }
                    </button>
                </p>
            }
            <section class="group ask" aria-labelledby="group-ask">
                <h2 id="group-ask">{ lang.t(Key::GroupEligible) }{ format!(" ({})", ask.len()) }</h2>
                <p class="hint">{ lang.t(Key::GroupEligibleHelp) }</p>
                if ask.is_empty() { <p>{ lang.t(Key::GroupEmpty) }</p> }
                { for ask.into_iter().map(|report| { let key = report.id.clone(); html! { <AidCard {key} {report} /> } }) }
            </section>
            <section class="group check" aria-labelledby="group-check">
                <h2 id="group-check">{ lang.t(Key::GroupCheck) }{ format!(" ({})", check.len()) }</h2>
                <p class="hint">{ lang.t(Key::GroupCheckHelp) }</p>
                if check.is_empty() { <p>{ lang.t(Key::GroupEmpty) }</p> }
                { for check.into_iter().map(|report| { let key = report.id.clone(); html! { <AidCard {key} {report} /> } }) }
            </section>
            <section class="group not" aria-labelledby="group-not">
                <h2 id="group-not">{ lang.t(Key::GroupNot) }{ format!(" ({})", not.len()) }</h2>
                <p class="hint">{ lang.t(Key::GroupNotHelp) }</p>
                if !not.is_empty() {
                    <details>
                        <summary>{ lang.t(Key::ShowThem) }</summary>
                        <ul class="refused-list">
                            { for not.into_iter().map(|report| { let key = report.id.clone(); html! { <AidRefused {key} {report} /> } }) }
                        </ul>
                    </details>
                }
            </section>
            <div class="actions">
                <button type="button" class="primary" onclick={action(|| Action::Print)}>
                    { lang.t(Key::PrepareVisit) }
                </button>
            </div>
            <crate::take_away::TakeAway />
            <AnswersSummary />
            <div class="actions">
                <button type="button" class="secondary" onclick={action(|| Action::Restart)}>
                    { lang.t(Key::Restart) }
                </button>
            </div>
        </section>
    }
}
