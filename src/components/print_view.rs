//! "Prepare my visit": the aids to ask for, a checklist of documents and the places, ready to print.
//! The answers are printed only if the resident ticks the box.

use crate::browser;
use crate::components::aid_card::amount_line;
use crate::components::answers_summary::answers_summary;
use crate::components::place::place;
use crate::hooks::send;
use crate::i18n::Key;
use crate::rules::Group;
use crate::state::{Action, StateHandle};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The printable page (the app focuses `heading` when it opens).
pub fn print_view(state: &StateHandle, heading: &NodeRef) -> Html {
    let lang = state.lang;
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
            { crate::components::text("p", "hint no-print", lang.t(Key::PrintIntro)) }
            <div class="no-print actions">
                { crate::components::button("primary", lang.t(Key::PrintButton), print) }
                { crate::components::button("secondary", lang.t(Key::BackToResults), send(state, Action::ShowResults)) }
            </div>
            <div class="no-print choice">
                <input type="checkbox" id="print-answers" checked={state.print_answers} onchange={toggle} />
                <label for="print-answers">{ lang.t(Key::IncludeAnswers) }</label>
            </div>
            { visit_sheet(state) }
            if state.print_answers { { answers_summary(state, true) } }
            { crate::handover::handover_panel(state) }
        </section>
    }
}

/// The visit sheet: the aids to ask for and to check, the papers to gather, the places. The printable page
/// shows it; the results screen prints it instead of itself (`@media print`).
pub fn visit_sheet(state: &StateHandle) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };

    let in_group = |g: Group| {
        state
            .outcome
            .in_group(g)
            .filter_map(|r| pack.aid(&r.id).map(|a| (a, r)))
    };
    let chosen: Vec<_> = in_group(Group::Ask).chain(in_group(Group::Check)).collect();
    let mut documents: Vec<String> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    for (aid, _) in &chosen {
        for d in &aid.documents {
            let text = crate::rules::document_line(pack, d, code);
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
                        { crate::components::text("strong", "", aid.name.get(code)) }{ " — " }{ aid.institution.get(code) }
                        { amount_line(lang, report.amount.as_ref()) }
                        if let Some(how) = &aid.how_to_apply { { crate::components::text("p", "", how.get(code)) } }
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <>
            { crate::components::text("h2", "", lang.t(Key::AidsToAsk)) }
            { list(Group::Ask) }
            { crate::components::text("h2", "", lang.t(Key::AidsToCheck)) }
            { list(Group::Check) }
            { crate::components::text("h2", "", lang.t(Key::Checklist)) }
            <ul class="checklist">
                { for documents.iter().map(|d| crate::components::text("li", "", d)) }
            </ul>
            { crate::components::text("h2", "", lang.t(Key::Places)) }
            { for places.iter().filter_map(|id| pack.place(id)).map(|p| place(lang, pack, p)) }
        </>
    }
}
