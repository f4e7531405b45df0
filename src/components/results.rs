//! Results: the aids that fit the person first, ranked, as short cards; "prepare my visit" right after them;
//! then the services open to everyone, the aids probably not for them, the take-away, the answers, and what
//! to do next (never a dead end).

use crate::components::aid_card::{aid_card, aid_refused, group_name, next_step};
use crate::components::answers_summary::answers_summary;
use crate::components::disclosure::Disclosure;
use crate::components::glossary::Glossary;
use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::rules::{AidReport, Group, Pack};
use crate::state::{Action, StateHandle};
use yew::prelude::*;

/// Aid cards drawn per task while the results draw themselves: the first screenful (heading, these cards,
/// "prepare my visit") is painted first, everything else after that paint (issue 16: within 100 ms of
/// the click on a slow phone). At 360×740 the first card ends about two thirds down the screen and the
/// second starts below it: two cards fill the first screenful.
pub const CARDS_PER_TASK: usize = 2;

/// How many cards stand before "prepare my visit": at 360 px they fit in three screens and twelve Tab stops
/// (one disclosure each); more aids that fit follow the button.
pub const FIRST_CARDS: usize = 4;

/// How many cards the first part of the results screen has (before "prepare my visit").
pub fn card_count(state: &StateHandle) -> usize {
    state
        .pack
        .as_deref()
        .map_or(0, |pack| crate::rules::ranked(pack, &state.outcome).len())
        .min(FIRST_CARDS)
}

/// "3 aids for you", with the plural form of the language.
fn for_you_heading(lang: Lang, n: usize) -> String {
    let key = match n {
        0 => Key::ForYouNone,
        1 => Key::ForYouOne,
        _ => Key::ForYouOther,
    };
    lang.fill(key, &[("n", &n.to_string())])
}

/// The results screen (the app focuses `heading` when it opens), with at most `room` aid cards before
/// "prepare my visit": a screen just opened draws its first screenful, then everything below it (see
/// `Session`). `usize::MAX`: the whole screen.
pub fn results(state: &StateHandle, heading: &NodeRef, room: usize) -> Html {
    let lang = state.lang;
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let ranked = crate::rules::ranked(pack, &state.outcome);
    // Each acronym of the pack's glossary is expanded where the page first uses it.
    let gloss = Glossary::new(pack, lang);
    let left = state.outcome.left;
    let count = ranked.len();
    let first = ranked.iter().take(FIRST_CARDS.min(room));
    let whole = room == usize::MAX;

    html! {
        <section key="results" class="results">
            <h1 ref={heading.clone()} tabindex="-1">{ lang.t(Key::ResultsTitle) }</h1>
            if state.outcome.next.is_some() {
                <p class="resume">
                    { lang.questions_left(left) }{ " " }
                    { crate::components::button("secondary", lang.t(Key::ResumeQuestions), send(state, Action::ResumeQuestions)) }
                </p>
            }
            <section class="group for-you" aria-labelledby="group-for-you">
                <h2 id="group-for-you">{ for_you_heading(lang, count) }</h2>
                { crate::components::text("p", "hint", lang.t(if count == 0 { Key::ResultsIntro } else { Key::ForYouHelp })) }
                { for first.map(|r| aid_card(state, r, &gloss)) }
            </section>
            <div class="actions prepare">
                { crate::components::button("primary prepare-visit", lang.t(Key::PrepareVisit), send(state, Action::Print)) }
            </div>
            if whole { { rest(state, pack, &ranked, &gloss) } }
        </section>
    }
}

/// Below "prepare my visit": more aids that fit, the services open to all, the refused aids, the take-away,
/// the answers, start again, and what to do next.
fn rest(state: &StateHandle, pack: &Pack, ranked: &[&AidReport], gloss: &Glossary) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let more = &ranked[FIRST_CARDS.min(ranked.len())..];
    let services = crate::rules::services(pack, &state.outcome);
    let not = state.outcome.in_group(Group::Not).next().is_some();
    html! {
        <>
            if !more.is_empty() {
                <section class="group more" aria-labelledby="group-more">
                    <h2 id="group-more">{ lang.t(Key::MoreToCheck) }</h2>
                    { for more.iter().map(|r| aid_card(state, r, gloss)) }
                </section>
            }
            if !services.is_empty() {
                <section class="group services" aria-labelledby="group-services">
                    <h2 id="group-services">{ lang.t(Key::ServicesTitle) }</h2>
                    { crate::components::text("p", "hint", lang.t(Key::ServicesHelp)) }
                    <ul class="service-list">
                        { for services.iter().filter_map(|r| pack.aid(&r.id).map(|a| (a, r))).map(|(aid, report)| html! {
                            <li key={aid.id.as_str()} class="service" id={format!("aid-{}", aid.id)}
                                data-verdict={report.verdict.name()} data-group={group_name(report)}>
                                { gloss.text("strong", "", aid.name.get(code)) }
                                { gloss.text("p", "", aid.summary.get(code)) }
                                { next_step(lang, pack, aid, gloss) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <section class="group not" aria-labelledby="group-not">
                <h2 id="group-not">{ lang.t(Key::GroupNot) }</h2>
                if not {
                    <Disclosure summary={lang.t(Key::ShowThem)} body={refused(state)} />
                } else {
                    { crate::components::text("p", "", lang.t(Key::GroupEmpty)) }
                }
            </section>
            <crate::take_away::TakeAway key="take-away" state={crate::state::StateProp::new(state)} />
            { answers_summary(state, false) }
            <div class="actions">
                { crate::components::button("secondary", lang.t(Key::Restart), send(state, Action::Restart)) }
            </div>
            { next_steps(state, pack, gloss) }
            <div class="print-only" aria-hidden="true">{ crate::components::print_view::visit_sheet(state) }</div>
        </>
    }
}

/// What builds the list of the aids probably not for the person, when its disclosure opens.
fn refused(state: &StateHandle) -> Callback<(), Html> {
    let state = state.clone();
    Callback::from(move |()| {
        html! {
            <ul class="refused-list">
                { for state.outcome.in_group(Group::Not).map(|r| aid_refused(&state, r)) }
            </ul>
        }
    })
}

/// What to do next, whatever the results (the pack's next steps for this situation: never a dead end), each
/// with its number to call.
fn next_steps(state: &StateHandle, pack: &Pack, gloss: &Glossary) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let steps = crate::rules::next_steps(pack, &state.answers, &state.outcome, state.today);
    html! {
        <section class="next-steps" aria-labelledby="next-steps-title">
            <h2 id="next-steps-title">{ crate::components::prose(lang.t(Key::NextStepsTitle)) }</h2>
            <ul>
                { for steps.iter().map(|step| {
                    let number = step.number.clone().or_else(|| {
                        step.place.as_deref().and_then(|p| pack.place(p)).and_then(|p| p.phone.clone())
                    });
                    html! {
                        <li>
                            { crate::components::prose(&gloss.expand(&crate::rules::next_step_line(pack, step, code))) }
                            if let Some(number) = number {
                                { " " }
                                <a class="call" href={format!("tel:{}", number.replace([' ', '.'], ""))}>
                                    { lang.fill(Key::Call, &[("n", &number)]) }
                                </a>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
