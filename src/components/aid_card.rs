//! One aid of the results: what it is, the estimated amount, why, documents, where and when, source.

use crate::format;
use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::rules::{
    AidKind, AidReport, AidStatus, Amount, AmountKind, ConfirmReason, CriterionState, Pack, Period,
    RefusalReason, Verdict,
};
use crate::state::{Action, AppState, StateHandle};
use yew::prelude::*;

/// A full aid card (groups "you can ask for it" and "to check with the CCAS"), keyed by the aid's id.
pub fn aid_card(state: &StateHandle, report: &AidReport) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let Some(aid) = pack.aid(&report.id) else {
        return html! {};
    };

    let mut notes: Vec<&'static str> = Vec::new();
    let mut show_checks = false;
    let mut settle: Vec<String> = Vec::new();
    let mut unsettled: Vec<&str> = Vec::new();
    match &report.verdict {
        Verdict::ToConfirm { reasons } => {
            for reason in reasons {
                match reason {
                    ConfirmReason::Checks => show_checks = true,
                    ConfirmReason::Experimental => notes.push(lang.t(Key::StatusExperimental)),
                    ConfirmReason::OutsideWindow => notes.push(lang.t(Key::OutsideWindow)),
                    // With an amount, the amount line says it; otherwise a threshold is concerned.
                    ConfirmReason::ParameterToConfirm(_) if report.amount.is_none() => {
                        if !notes.contains(&lang.t(Key::ValueToConfirm)) {
                            notes.push(lang.t(Key::ValueToConfirm));
                        }
                    }
                    ConfirmReason::ParameterToConfirm(_) => {}
                }
            }
        }
        Verdict::Undetermined {
            missing,
            unsettled: params,
            dont_know,
        } => {
            settle = missing.clone();
            unsettled = params
                .iter()
                .filter_map(|p| pack.parameter(p))
                .map(|p| p.label.get(code))
                .collect();
            unsettled.extend(
                dont_know
                    .iter()
                    .filter_map(|q| pack.question(q))
                    .map(|q| q.label.get(code)),
            );
            show_checks = !aid.checks.is_empty();
        }
        _ => {}
    }

    let card = html! {
        <article key={aid.id.as_str()}>
            { crate::components::text("h3", "", aid.name.get(code)) }
            <p class="institution">
                { aid.institution.get(code) }
                if aid.kind == AidKind::Service { { crate::components::text("span", "badge", lang.t(Key::OpenToAll)) } }
            </p>
            { amount_line(lang, report.amount.as_ref()) }
            { crate::components::text("p", "", aid.summary.get(code)) }
            { for notes.iter().map(|n| crate::components::text("p", "note", n)) }
            { for report.advice.iter().map(|a| html! {
                <p class="advice"><strong>{ lang.t(Key::Advice) }{ lang.colon() }</strong>{ a.get(code) }</p>
            }) }
            if !settle.is_empty() {
                <div class="settle">
                    { crate::components::text("p", "", lang.t(Key::SettleBy)) }
                    <ul>
                        { for settle.iter().filter_map(|id| pack.question(id)).map(|q| html! {
                            <li><button type="button" class="link" onclick={send(state, Action::Change(q.id.clone()))}>
                                { q.label.get(code) }
                            </button></li>
                        }) }
                    </ul>
                </div>
            }
            if show_checks || !unsettled.is_empty() {
                { crate::components::text("h4", "", lang.t(Key::Checks)) }
                <ul>
                    { for aid.checks.iter().filter(|_| show_checks).map(|c| crate::components::text("li", "", c.get(code))) }
                    { for unsettled.iter().map(|u| crate::components::text("li", "", u)) }
                </ul>
            }
            if !report.criteria.is_empty() {
                <details class="why">
                    { crate::components::text("summary", "", lang.t(Key::Why)) }
                    <ul class="criteria">
                        { for report.criteria.iter().map(|c| {
                            let (class, mark, word) = criterion_mark(lang, c.state);
                            crate::components::with_attributes(html! {
                                <li>
                                    <span class="mark" aria-hidden="true">{ mark }</span>
                                    <span class="state">{ word }{ lang.colon() }</span>
                                    { c.label.get(code) }
                                </li>
                            }, &["class"], [Some(class.into())])
                        }) }
                    </ul>
                </details>
            }
            if !aid.documents.is_empty() {
                { crate::components::text("h4", "", lang.t(Key::Documents)) }
                <ul class="documents">
                    { for aid.documents.iter().map(|d| crate::components::text("li", "", d.get(code))) }
                </ul>
            }
            if let Some(how) = &aid.how_to_apply {
                { crate::components::text("h4", "", lang.t(Key::HowToApply)) }
                { crate::components::text("p", "", how.get(code)) }
            }
            if !aid.places.is_empty() {
                { crate::components::text("h4", "", lang.t(Key::WhereWhen)) }
                { for aid.places.iter().filter_map(|id| pack.place(id)).map(|p| place(lang, p)) }
            }
            { sources(lang, pack, &aid.id) }
        </article>
    };
    crate::components::with_attributes(
        card,
        &["class", "id", "data-verdict"],
        [
            Some(verdict_class(&report.verdict).into()),
            Some(format!("aid-{}", aid.id).into()),
            Some(report.verdict.name().into()),
        ],
    )
}

/// The short entry of the "probably not" group: the name and one kind sentence of reason (keyed by the
/// aid's id).
pub fn aid_refused(state: &AppState, report: &AidReport) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let Some(aid) = pack.aid(&report.id) else {
        return html! {};
    };
    let reason = match &report.verdict {
        Verdict::NotEligible { reasons } => reasons.first().map(|r| match r {
            RefusalReason::Status(AidStatus::UnderStudy) => {
                lang.t(Key::StatusUnderStudy).to_string()
            }
            RefusalReason::Status(_) => lang.t(Key::StatusClosed).to_string(),
            RefusalReason::Criterion(i) => format!(
                "{} {}",
                lang.t(Key::NotReason),
                aid.criteria.get(*i).map_or("", |c| c.label.get(code))
            ),
        }),
        _ => None,
    };
    html! {
        <li key={aid.id.as_str()} class="aid refused" id={format!("aid-{}", aid.id)} data-verdict={report.verdict.name()}>
            { crate::components::text("h3", "", aid.name.get(code)) }
            { crate::components::text("p", "", aid.summary.get(code)) }
            if let Some(reason) = reason { { crate::components::text("p", "reason", &reason) } }
        </li>
    }
}

fn verdict_class(verdict: &Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "aid eligible",
        Verdict::ToConfirm { .. } => "aid to-confirm",
        Verdict::Undetermined { .. } => "aid undetermined",
        Verdict::NotEligible { .. } => "aid not-eligible",
    }
}

fn criterion_mark(lang: Lang, state: CriterionState) -> (&'static str, &'static str, &'static str) {
    match state {
        CriterionState::Met => ("met", "✓", lang.t(Key::Met)),
        CriterionState::Failed => ("failed", "✗", lang.t(Key::NotMet)),
        CriterionState::Unknown => ("unknown", "?", lang.t(Key::Unknown)),
    }
}

/// "Estimated amount: up to 500 € a month, for 12 months at most" and whether to confirm it.
pub fn amount_line(lang: Lang, amount: Option<&Amount>) -> Html {
    let Some(amount) = amount else {
        return html! {};
    };
    let money = format::money(lang, &amount.value.normalize().to_string());
    let value = match amount.kind {
        AmountKind::UpTo => lang.fill(Key::UpTo, &[("n", &money)]),
        AmountKind::Exact => money,
    };
    let period = lang.t(match amount.period {
        Period::Once => Key::Once,
        Period::Month => Key::PerMonth,
        Period::Quarter => Key::PerQuarter,
        Period::Year => Key::PerYear,
    });
    let months = amount
        .max_months
        .map(|m| format!(", {}", lang.fill(Key::ForMonths, &[("n", &m.to_string())])));
    html! {
        <p class="amount">
            <strong>{ lang.t(Key::EstimatedAmount) }{ lang.colon() }</strong>
            <bdi>{ value }</bdi>{ " " }{ period }{ months.unwrap_or_default() }
            if amount.to_confirm { { crate::components::text("span", "to-confirm", lang.t(Key::AmountToConfirm)) } }
        </p>
    }
}

/// A place: name, address, hours, phone (a `tel:` link) and website.
pub fn place(lang: Lang, place: &crate::rules::Place) -> Html {
    let code = lang.code();
    html! {
        <div class="place">
            <p class="place-name">{ crate::components::text("strong", "", place.name.get(code)) }</p>
            if let Some(address) = &place.address { <p lang="fr"><bdi>{ address.clone() }</bdi></p> }
            if let Some(hours) = &place.hours {
                <p><span class="label">{ lang.t(Key::Hours) }{ lang.colon() }</span>{ hours.get(code) }</p>
            }
            if let Some(phone) = &place.phone {
                <p><span class="label">{ lang.t(Key::Phone) }{ lang.colon() }</span>
                    <a href={format!("tel:{}", phone.replace([' ', '.'], ""))} dir="ltr">{ phone.clone() }</a></p>
            }
            if let Some(site) = &place.website {
                <p><a href={site.clone()} rel="noopener noreferrer" dir="ltr">{ site.clone() }</a></p>
            }
            if place.to_confirm { { crate::components::text("p", "note", lang.t(Key::PlaceToConfirm)) } }
        </div>
    }
}

fn sources(lang: Lang, pack: &Pack, aid_id: &str) -> Html {
    let Some(aid) = pack.aid(aid_id) else {
        return html! {};
    };
    // Source titles are not translated: marked as French, isolated from the text direction.
    html! {
        <div class="source">
            <p>{ lang.t(Key::Source) }{ lang.colon() }</p>
            <ul>
                { for aid.sources.iter().map(|s| html! {
                    <li>
                        <a href={s.url.clone()} rel="noopener noreferrer" lang="fr"><bdi>{ s.title.clone() }</bdi></a>
                        { " (" }{ lang.fill(Key::VerifiedOn, &[("n", &format::date(&s.verified.to_string()))]) }{ ")" }
                    </li>
                }) }
            </ul>
        </div>
    }
}
