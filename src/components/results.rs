//! Results: the aids that fit the person first, ranked, as short cards; "prepare my visit" right after them;
//! then the services open to everyone, the aids probably not for them, the take-away, the answers, and what
//! to do next (never a dead end).

use crate::components::aid_card::{aid_card, aid_refused, group_name, next_step};
use crate::components::answers_summary::answers_summary;
use crate::components::disclosure::Disclosure;
use crate::components::glossary::Glossary;
use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::rules::{Group, Pack};
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

/// How much of the results screen is drawn. A screen just opened draws its first screenful, then the rest
/// below it a part per task, each after the frame before is painted: the cards two by two, then the parts
/// under them one by one ([`BELOW`]). In one go, a page opened on the results with a dozen aids was one
/// long task (Lighthouse's Total Blocking Time on a slow phone); each part only adds content after what is
/// drawn, so nothing moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawn {
    /// The heading, this many cards, and "prepare my visit".
    Cards(usize),
    /// Every card, and this many of the parts under them.
    Below(usize),
}

impl Drawn {
    /// What a results screen just opened draws first.
    pub const FIRST: Drawn = Drawn::Cards(CARDS_PER_TASK);
    /// The whole screen.
    pub const WHOLE: Drawn = Drawn::Below(BELOW.len());

    /// What the next task draws, on a screen with `cards` aid cards; `None` when everything is drawn.
    pub fn next(self, cards: usize) -> Option<Drawn> {
        match self {
            Drawn::Cards(n) if n < cards => Some(Drawn::Cards(n + CARDS_PER_TASK)),
            Drawn::Cards(_) => Some(Drawn::Below(1)),
            Drawn::Below(parts) if parts < BELOW.len() => Some(Drawn::Below(parts + 1)),
            Drawn::Below(_) => None,
        }
    }
}

/// How many aid cards the results screen has (those that fit and those to check).
pub fn card_count(state: &StateHandle) -> usize {
    state
        .pack
        .as_deref()
        .map_or(0, |pack| crate::rules::ranked(pack, &state.outcome).len())
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

/// The results screen (the app focuses `heading` when it opens), as far as `drawn` (see [`Drawn`]).
pub fn results(state: &StateHandle, heading: &NodeRef, drawn: Drawn) -> Html {
    let lang = state.lang;
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let ranked = crate::rules::ranked(pack, &state.outcome);
    // Each acronym of the pack's glossary is expanded where the page first uses it.
    let gloss = Glossary::new(pack, lang);
    let left = state.outcome.left;
    let count = ranked.len();
    let (shown, parts) = match drawn {
        Drawn::Cards(n) => (&ranked[..n.min(count)], 0),
        Drawn::Below(parts) => (&ranked[..], parts),
    };
    let (first, more) = shown.split_at(FIRST_CARDS.min(shown.len()));

    // Yew reconciles unkeyed children by position: when a list spread among its siblings grew, Yew took
    // every sibling out of the page and put it back (seen in Chromium: the focused heading lost its focus,
    // every card was laid out again). So the cards, which grow, are a fragment of their own (keyed by aid),
    // and the parts under them keep one slot each, empty until drawn.
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
                <>{ for first.iter().map(|r| aid_card(state, r, &gloss)) }</>
            </section>
            <div class="actions prepare">
                { crate::components::button("primary prepare-visit", lang.t(Key::PrepareVisit), send(state, Action::Print)) }
            </div>
            if !more.is_empty() {
                <section class="group more" aria-labelledby="group-more">
                    <h2 id="group-more">{ lang.t(Key::MoreToCheck) }</h2>
                    <>{ for more.iter().map(|r| aid_card(state, r, &gloss)) }</>
                </section>
            }
            // A slot per part, empty until the part is drawn: see the note on keys above.
            { for BELOW.iter().enumerate().map(|(i, part)| if i < parts { part(state, pack, &gloss) } else { Html::default() }) }
        </section>
    }
}

/// The parts under the aid cards, in page order, each drawn by a task of its own (see [`Drawn`]): the
/// services open to all, the refused aids, the take-away, the answers with "start again", what to do next,
/// and the sheet kept for printing.
const BELOW: [fn(&StateHandle, &Pack, &Glossary) -> Html; 6] = [
    services,
    refused_group,
    take_away,
    answers_and_restart,
    next_steps,
    print_sheet,
];

/// The services open to all, if the pack has any.
fn services(state: &StateHandle, pack: &Pack, gloss: &Glossary) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let services = crate::rules::services(pack, &state.outcome);
    if services.is_empty() {
        return html! {};
    }
    html! {
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
}

/// The aids probably not for the person, behind a disclosure.
fn refused_group(state: &StateHandle, _: &Pack, _: &Glossary) -> Html {
    let lang = state.lang;
    let not = state.outcome.in_group(Group::Not).next().is_some();
    html! {
        <section class="group not" aria-labelledby="group-not">
            <h2 id="group-not">{ lang.t(Key::GroupNot) }</h2>
            if not {
                <Disclosure summary={lang.t(Key::ShowThem)} body={refused(state)} />
            } else {
                { crate::components::text("p", "", lang.t(Key::GroupEmpty)) }
            }
        </section>
    }
}

/// The link and QR code to carry the results away.
fn take_away(state: &StateHandle, _: &Pack, _: &Glossary) -> Html {
    html! { <crate::take_away::TakeAway key="take-away" state={crate::state::StateProp::new(state)} /> }
}

/// The answers given, and "start again".
fn answers_and_restart(state: &StateHandle, _: &Pack, _: &Glossary) -> Html {
    html! {
        <>
            { answers_summary(state, false) }
            <div class="actions">
                { crate::components::button("secondary", state.lang.t(Key::Restart), send(state, Action::Restart)) }
            </div>
        </>
    }
}

/// The visit sheet, shown only when the page is printed.
fn print_sheet(state: &StateHandle, _: &Pack, _: &Glossary) -> Html {
    html! {
        <div class="print-only" aria-hidden="true">{ crate::components::print_view::visit_sheet(state) }</div>
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

#[cfg(test)]
mod tests {
    use super::{BELOW, CARDS_PER_TASK, Drawn};

    /// The parts a results screen is drawn in: the cards two by two, whatever their number, then the
    /// parts under them one by one, then nothing more.
    #[test]
    fn a_results_screen_is_drawn_part_by_part_to_the_end() {
        for cards in [0, 1, 2, 5, 13] {
            let mut parts = vec![Drawn::FIRST];
            while let Some(next) = parts.last().unwrap().next(cards) {
                parts.push(next);
            }
            let card_tasks = cards.div_ceil(CARDS_PER_TASK).max(1);
            assert_eq!(
                parts.len(),
                card_tasks + BELOW.len(),
                "{cards} cards: {parts:?}"
            );
            assert_eq!(
                parts[card_tasks - 1],
                Drawn::Cards(card_tasks * CARDS_PER_TASK)
            );
            assert_eq!(parts[card_tasks], Drawn::Below(1));
            assert_eq!(parts.last(), Some(&Drawn::WHOLE));
        }
    }
}
