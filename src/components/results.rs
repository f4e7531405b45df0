//! Results: aids grouped by what the resident can do, then the summary of the answers.

use crate::components::aid_card::{aid_card, aid_refused};
use crate::components::answers_summary::answers_summary;
use crate::hooks::send;
use crate::i18n::Key;
use crate::rules::Group;
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// Aid cards drawn per task while a page opened on the results draws itself (a phone's screen holds fewer).
pub const CARDS_PER_TASK: usize = 3;

/// How many aid cards the results screen has (the groups "ask" and "check").
pub fn card_count(state: &StateHandle) -> usize {
    [Group::Ask, Group::Check]
        .into_iter()
        .map(|g| state.outcome.in_group(g).count())
        .sum()
}

/// The results screen (the app focuses `heading` when it opens), with at most `room` aid cards: a page
/// opened on the results draws them a few per task, then everything below them (see `App`). `usize::MAX`:
/// the whole screen.
pub fn results(state: &StateHandle, heading: &NodeRef, room: usize) -> Html {
    let lang = state.lang;
    let in_group = |g: Group| state.outcome.in_group(g).collect::<Vec<_>>();
    let ask = in_group(Group::Ask);
    let check = in_group(Group::Check);
    let not = in_group(Group::Not);
    let left = state.outcome.left;
    let (ask_count, check_count) = (ask.len(), check.len());
    let ask: Vec<_> = ask.into_iter().take(room).collect();
    let room_left = room - ask.len();
    let show_check = room_left > 0;
    let check: Vec<_> = check.into_iter().take(room_left).collect();

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
                <h2 id="group-ask">{ lang.t(Key::GroupEligible) }{ format!(" ({ask_count})") }</h2>
                { crate::components::text("p", "hint", lang.t(Key::GroupEligibleHelp)) }
                if ask_count == 0 { { crate::components::text("p", "", lang.t(Key::GroupEmpty)) } }
                { for ask.into_iter().map(|report| aid_card(state, report)) }
            </section>
            if show_check {
                <section class="group check" aria-labelledby="group-check">
                    <h2 id="group-check">{ lang.t(Key::GroupCheck) }{ format!(" ({check_count})") }</h2>
                    { crate::components::text("p", "hint", lang.t(Key::GroupCheckHelp)) }
                    if check_count == 0 { { crate::components::text("p", "", lang.t(Key::GroupEmpty)) } }
                    { for check.into_iter().map(|report| aid_card(state, report)) }
                </section>
            }
            if room == usize::MAX { { rest(state, not) } }
        </section>
    }
}

/// Below the cards that need the resident: the refused aids, the take-away, the answers, start again.
fn rest(state: &StateHandle, not: Vec<&crate::rules::AidReport>) -> Html {
    let lang = state.lang;
    html! {
        <>
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
            <crate::take_away::TakeAway key="take-away" state={crate::state::StateProp::new(state)} />
            { answers_summary(state, false) }
            <div class="actions">
                { crate::components::button("secondary", lang.t(Key::Restart), send(state, Action::Restart)) }
            </div>
        </>
    }
}
