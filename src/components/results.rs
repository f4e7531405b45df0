//! Results: aids grouped by what the resident can do, then the summary of the answers.

use crate::components::aid_card::{aid_card, aid_refused};
use crate::components::answers_summary::answers_summary;
use crate::hooks::send;
use crate::i18n::Key;
use crate::rules::Group;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// The results screen (the app focuses `heading` when it opens).
pub fn results(state: &StateHandle, heading: &NodeRef) -> Html {
    let lang = state.lang;
    let in_group = |g: Group| state.outcome.in_group(g).collect::<Vec<_>>();
    let ask = in_group(Group::Ask);
    let check = in_group(Group::Check);
    let not = in_group(Group::Not);
    let left = state.outcome.left;

    html! {
        <section key="results" class="results">
            <h1 ref={heading.clone()} tabindex="-1">{ lang.t(Key::ResultsTitle) }</h1>
            { crate::components::text("p", "hint", lang.t(Key::ResultsIntro)) }
            if state.outcome.next.is_some() {
                <p class="resume">
                    { lang.questions_left(left) }{ " " }
                    { crate::components::button("secondary", lang.t(Key::ResumeQuestions), send(state, Action::ResumeQuestions)) }
                </p>
            }
            <section class="group ask" aria-labelledby="group-ask">
                <h2 id="group-ask">{ lang.t(Key::GroupEligible) }{ format!(" ({})", ask.len()) }</h2>
                { crate::components::text("p", "hint", lang.t(Key::GroupEligibleHelp)) }
                if ask.is_empty() { { crate::components::text("p", "", lang.t(Key::GroupEmpty)) } }
                { for ask.into_iter().map(|report| aid_card(state, report)) }
            </section>
            <section class="group check" aria-labelledby="group-check">
                <h2 id="group-check">{ lang.t(Key::GroupCheck) }{ format!(" ({})", check.len()) }</h2>
                { crate::components::text("p", "hint", lang.t(Key::GroupCheckHelp)) }
                if check.is_empty() { { crate::components::text("p", "", lang.t(Key::GroupEmpty)) } }
                { for check.into_iter().map(|report| aid_card(state, report)) }
            </section>
            <section class="group not" aria-labelledby="group-not">
                <h2 id="group-not">{ lang.t(Key::GroupNot) }{ format!(" ({})", not.len()) }</h2>
                { crate::components::text("p", "hint", lang.t(Key::GroupNotHelp)) }
                if !not.is_empty() {
                    <details>
                        { crate::components::text("summary", "", lang.t(Key::ShowThem)) }
                        <ul class="refused-list">
                            { for not.into_iter().map(|report| aid_refused(state, report)) }
                        </ul>
                    </details>
                }
            </section>
            <div class="actions">
                { crate::components::button("primary", lang.t(Key::PrepareVisit), send(state, Action::Print)) }
            </div>
            <crate::components::screen::Screen key="take-away" state={crate::state::StateProp::new(state)} kind={crate::components::screen::Kind::TakeAway} />
            { answers_summary(state, false) }
            <div class="actions">
                { crate::components::button("secondary", lang.t(Key::Restart), send(state, Action::Restart)) }
            </div>
        </section>
    }
}
