//! "Prepare my visit": the aids to ask for, a checklist of documents and the places, ready to print.
//! The answers are printed only if the resident ticks the box.

use crate::browser;
use crate::components::aid_card::{amount_line, place};
use crate::components::answers_summary::answers_summary;
use crate::hooks::send;
use crate::i18n::Key;
use crate::rules::Group;
use crate::state::{Action, StateHandle};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The printable page (the app focuses `heading` when it opens).
pub fn print_view(state: &StateHandle, heading: &NodeRef) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.rules.pack(state.territory) else {
        return html! {};
    };

    let in_group = |g: Group| {
        state
            .outcome
            .in_group(g)
            .filter_map(|r| pack.aid(&r.id).map(|a| (a, r)))
    };
    let chosen: Vec<_> = in_group(Group::Ask).chain(in_group(Group::Check)).collect();
    let mut documents: Vec<&str> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    for (aid, _) in &chosen {
        for d in &aid.documents {
            let text = d.get(code);
            if !documents.contains(&text) {
                documents.push(text);
            }
        }
        for p in &aid.places {
            if !places.contains(&p.as_str()) {
                places.push(p);
            }
        }
    }
    let list = |g: Group| {
        html! {
            <ul class="print-aids">
                { for in_group(g).map(|(aid, report)| html! {
                    <li>
                        <strong>{ aid.name.get(code) }</strong>{ " — " }{ aid.institution.get(code) }
                        { amount_line(lang, report.amount.as_ref()) }
                        if let Some(how) = &aid.how_to_apply { <p>{ how.get(code) }</p> }
                    </li>
                }) }
            </ul>
        }
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let toggle = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::PrintAnswers(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };

    html! {
        <section key="print" class="print-view">
            <h1 ref={heading.clone()} tabindex="-1">{ lang.t(Key::PrintTitle) }</h1>
            <p class="hint no-print">{ lang.t(Key::PrintIntro) }</p>
            <div class="no-print actions">
                { crate::components::button("primary", lang.t(Key::PrintButton), print) }
                { crate::components::button("secondary", lang.t(Key::BackToResults), send(state, Action::ShowResults)) }
            </div>
            <div class="no-print choice">
                <input type="checkbox" id="print-answers" checked={state.print_answers} onchange={toggle} />
                <label for="print-answers">{ lang.t(Key::IncludeAnswers) }</label>
            </div>
            <h2>{ lang.t(Key::AidsToAsk) }</h2>
            { list(Group::Ask) }
            <h2>{ lang.t(Key::AidsToCheck) }</h2>
            { list(Group::Check) }
            <h2>{ lang.t(Key::Checklist) }</h2>
            <ul class="checklist">
                { for documents.iter().map(|d| html! { <li>{ *d }</li> }) }
            </ul>
            <h2>{ lang.t(Key::Places) }</h2>
            { for places.iter().filter_map(|id| pack.place(id)).map(|p| place(lang, p)) }
            if state.print_answers { { answers_summary(state, true) } }
        </section>
    }
}
