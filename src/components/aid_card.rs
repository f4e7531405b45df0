//! One aid of the results: what it is, the estimated amount, why, documents, where and when, source.

use crate::components::disclosure::Disclosure;
use crate::components::glossary::Glossary;
use crate::components::listen::{in_french, listen};
use crate::components::place;
use crate::hooks::send;
use crate::i18n::{Key, Lang};
use crate::rules::{
    AidReport, Amount, AmountKind, ConfirmReason, CriterionStatus, Group, Pack, Period, Verdict,
};
use crate::state::{Action, AppState, StateHandle};
use yew::prelude::*;

/// An aid card, keyed by the aid's id: its name, the verdict in plain words, the amount, the next step; then
/// behind one disclosure the rest (what it is, each condition with the person's answer, what to settle,
/// papers, where and when, sources), built when first opened ([`Disclosure`]).
pub fn aid_card(state: &StateHandle, report: &AidReport, gloss: &Glossary) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let Some(aid) = pack.aid(&report.id) else {
        return html! {};
    };

    let notes = crate::rules::notes_in(pack, report, lang);
    let verdict = match &report.verdict {
        Verdict::ToConfirm { .. } => Key::VerdictToConfirm,
        Verdict::Undetermined { .. } => Key::VerdictUndetermined,
        _ => Key::VerdictEligible,
    };

    // Read aloud: the name, the verdict, what the aid is, and the notes on it (the card's first lines; the
    // summary now sits under "more about it", but a listener needs it to know what the aid is).
    let spoken = std::iter::once(aid.name.get(code))
        .chain([lang.t(verdict), aid.summary.get(code)])
        .chain(notes.iter().copied())
        .collect::<Vec<_>>()
        .join(". ");
    let mut french = vec![&aid.name, &aid.summary];
    french.extend(aid.how_to_apply.as_ref());
    french.extend(aid.documents.iter().map(|d| &d.paper));
    let card = html! {
        <article key={aid.id.as_str()}>
            { gloss.text("h3", "", aid.name.get(code)) }
            { gloss.text("p", "verdict", lang.t(verdict)) }
            { listen(lang, spoken) }
            { in_french(lang, &french) }
            { amount_line(lang, report.amount.as_ref()) }
            { next_step(lang, pack, aid, gloss) }
            // Applications shut for now: when to come back is the next step, on the short card.
            if let Some(from) = crate::rules::from_line(pack, &state.answers, report, state.today, lang) {
                { crate::components::text("p", "from", &from) }
            }
            <Disclosure class="more" summary={lang.t(Key::MoreAbout)} body={more_about(state, aid, gloss)} />
        </article>
    };
    crate::components::with_attributes(
        card,
        &["class", "id", "data-verdict", "data-group"],
        [
            Some(verdict_class(&report.verdict).into()),
            Some(format!("aid-{}", aid.id).into()),
            Some(report.verdict.name().into()),
            Some(group_name(report).into()),
        ],
    )
}

/// What builds the body of a card's disclosure when it opens (see [`body`]). What the aid is, the body's
/// first text, takes its glossary expansions at the card's place in the page's reading order, as it did
/// when the body was built with the card: the page reads the same, the disclosure open or not.
fn more_about(
    state: &StateHandle,
    aid: &crate::rules::Aid,
    gloss: &Glossary,
) -> Callback<(), Html> {
    let summary = gloss.expand(aid.summary.get(state.lang.code()));
    let (state, id) = (state.clone(), aid.id.clone());
    Callback::from(move |()| {
        let report = state.outcome.aids.iter().find(|r| r.id == id);
        report.map_or_else(Html::default, |report| body(&state, report, &summary))
    })
}

/// The body of a card's disclosure: what the aid is (`summary`, already expanded), the notes and advice, each
/// condition with the person's answer, what to settle, what to check, papers, how to apply, where and when,
/// sources.
fn body(state: &StateHandle, report: &AidReport, summary: &str) -> Html {
    let lang = state.lang;
    let code = lang.code();
    let Some(pack) = state.pack.as_deref() else {
        return html! {};
    };
    let Some(aid) = pack.aid(&report.id) else {
        return html! {};
    };
    let notes = crate::rules::notes_in(pack, report, lang);
    let mut show_checks = false;
    let mut settle: Vec<String> = Vec::new();
    let mut unsettled: Vec<&str> = Vec::new();
    match &report.verdict {
        Verdict::ToConfirm { reasons } => {
            show_checks = reasons.contains(&ConfirmReason::Checks);
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

    html! {
        <>
            <p class="institution">{ crate::components::prose(aid.institution.get(code)) }</p>
            { crate::components::text("p", "", summary) }
            { for notes.iter().map(|n| crate::components::text("p", "note", n)) }
            { for report.advice.iter().map(|a| html! {
                <p class="advice"><strong>{ lang.t(Key::Advice) }{ lang.colon() }</strong>{ crate::components::prose(a.get(code)) }</p>
            }) }
            { criteria(lang, &crate::rules::criteria(pack, &state.answers, report, state.today, lang)) }
            if !settle.is_empty() {
                <div class="settle">
                    { crate::components::text("p", "", lang.t(Key::SettleBy)) }
                    <ul>
                        { for settle.iter().filter_map(|id| pack.question(id)).map(|q| html! {
                            <li><button type="button" class="link" onclick={send(state, Action::Change(q.id.clone()))}>
                                { crate::components::prose(q.label.get(code)) }
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
            { crate::components::text("h4", "", lang.t(Key::Documents)) }
            { place::documents(lang, pack, aid) }
            if let Some(how) = &aid.how_to_apply {
                { crate::components::text("h4", "", lang.t(Key::HowToApply)) }
                { crate::components::text("p", "", how.get(code)) }
            }
            { crate::components::text("h4", "", lang.t(Key::WhereWhen)) }
            if aid.places.is_empty() {
                { place::ask_whom(lang, pack, aid) }
            }
            { for aid.places.iter().filter_map(|id| pack.place(id)).map(|p| place::place(lang, pack, p)) }
            { sources(lang, pack, &aid.id) }
        </>
    }
}

/// Each criterion as met / not met / not known / not needed with its own text and the person's answers
/// (`lines`, the engine's), after "you meet X of Y".
fn criteria(lang: Lang, lines: &[(CriterionStatus, String)]) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <>
            { crate::components::text("h4", "", &meet_count(lang, lines)) }
            { criteria_list(lang, lines) }
        </>
    }
}

/// "You meet X of Y conditions".
fn meet_count(lang: Lang, lines: &[(CriterionStatus, String)]) -> String {
    let met = lines
        .iter()
        .filter(|(s, _)| *s == CriterionStatus::Met)
        .count();
    lang.fill(
        Key::MeetCount,
        &[("a", &met.to_string()), ("b", &lines.len().to_string())],
    )
}

fn criteria_list(lang: Lang, lines: &[(CriterionStatus, String)]) -> Html {
    html! {
        <ul class="criteria">
            { for lines.iter().map(|(status, line)| {
                let (class, mark, word) = criterion_mark(lang, *status);
                crate::components::with_attributes(html! {
                    <li>
                        <span class="mark" aria-hidden="true">{ mark }</span>
                        <span class="state">{ word }{ lang.colon() }</span>
                        { crate::components::prose(line) }
                    </li>
                }, &["class"], [Some(class.into())])
            }) }
        </ul>
    }
}

/// The short entry of the "probably not" group (keyed by the aid's id): the name, one kind sentence of reason,
/// then what could change it: from when time opens it (its next step), which single answer would; behind a
/// disclosure, each criterion with the person's answers.
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
        Verdict::NotEligible { reasons } => reasons
            .first()
            .map(|r| crate::rules::refusal_in(pack, aid, r, lang)),
        _ => None,
    };
    let from = crate::rules::from_line(pack, &state.answers, report, state.today, lang);
    let what_ifs = crate::rules::what_if_lines(pack, &state.answers, report, state.today, lang);
    let lines = crate::rules::criteria(pack, &state.answers, report, state.today, lang);
    html! {
        <li key={aid.id.as_str()} class="aid refused" id={format!("aid-{}", aid.id)} data-verdict={report.verdict.name()} data-group="not">
            { crate::components::text("h3", "", aid.name.get(code)) }
            { listen(lang, [aid.name.get(code), aid.summary.get(code), reason.as_deref().unwrap_or("")].join(". ")) }
            { crate::components::text("p", "", aid.summary.get(code)) }
            if let Some(reason) = &reason { { crate::components::text("p", "reason", reason) } }
            if let Some(from) = &from {
                <p class="next-step from"><strong>{ lang.t(Key::NextStep) }{ lang.colon() }</strong>{ crate::components::prose(from) }</p>
            }
            { for what_ifs.iter().map(|w| crate::components::text("p", "what-if", w)) }
            { in_french(lang, &[&aid.name, &aid.summary]) }
            if !lines.is_empty() {
                <details class="more">
                    { crate::components::text("summary", "", &meet_count(lang, &lines)) }
                    { criteria_list(lang, &lines) }
                </details>
            }
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

fn criterion_mark(
    lang: Lang,
    status: CriterionStatus,
) -> (&'static str, &'static str, &'static str) {
    match status {
        CriterionStatus::Met => ("met", "✓", lang.t(Key::Met)),
        CriterionStatus::NotMet => ("failed", "✗", lang.t(Key::NotMet)),
        CriterionStatus::NotKnown => ("unknown", "?", lang.t(Key::Unknown)),
        CriterionStatus::NotNeeded => ("not-needed", "–", lang.t(Key::NotNeeded)),
    }
}

/// "Estimated amount: up to 500 € a month, for 12 months at most" and whether to confirm it.
pub fn amount_line(lang: Lang, amount: Option<&Amount>) -> Html {
    let Some(amount) = amount else {
        return html! {};
    };
    let money = crate::rules::money_words(lang, &amount.value.normalize().to_string());
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
    // An amount still to be confirmed says so in its headline, not below it.
    let title = lang.t(if amount.to_confirm {
        Key::EstimatedToConfirm
    } else {
        Key::EstimatedAmount
    });
    let class = if amount.to_confirm {
        "amount unconfirmed"
    } else {
        "amount"
    };
    crate::components::with_attributes(
        html! {
            <p>
                <strong>{ title }{ lang.colon() }</strong>
                <bdi>{ value }</bdi>{ " " }{ period }{ months.unwrap_or_default() }
            </p>
        },
        &["class"],
        [Some(class.into())],
    )
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
                { for aid.sources.iter().filter(|s| crate::components::linkable(&s.url)).map(|s| html! {
                    <li>
                        <a href={s.url.clone()} rel="noopener noreferrer" lang="fr"><bdi>{ s.title.clone() }</bdi></a>
                        { " (" }{ lang.fill(Key::VerifiedOn, &[("n", &crate::rules::date_words(&s.verified.to_string()))]) }{ ")" }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The results group a report belongs to (`ask`, `check`, `not`), as tests and styles read it.
pub fn group_name(report: &AidReport) -> &'static str {
    match crate::rules::group(&report.verdict) {
        Group::Ask => "ask",
        Group::Check => "check",
        Group::Not => "not",
    }
}

/// A card's next step: where to go (the aid's first place, with its phone), else how to apply, else whom
/// to ask (the territory's first place, with its number).
pub fn next_step(lang: Lang, pack: &Pack, aid: &crate::rules::Aid, gloss: &Glossary) -> Html {
    let code = lang.code();
    let label = html! { <strong>{ lang.t(Key::NextStep) }{ lang.colon() }</strong> };
    let at = |p: &crate::rules::Place| {
        let phone = p
            .phone
            .as_ref()
            .map(|n| html! { <>{ crate::rules::comma(code) }<bdi class="phone" dir="ltr">{ n.clone() }</bdi></> });
        html! { <>{ crate::components::prose(&gloss.expand(p.name.get(code))) }{ phone.unwrap_or_default() }</> }
    };
    let body = match (
        aid.places.first().and_then(|id| pack.place(id)),
        &aid.how_to_apply,
    ) {
        (Some(p), _) => at(p),
        (None, Some(how)) => crate::components::prose(&gloss.expand(how.get(code))),
        (None, None) => match pack.places.first() {
            Some(p) => html! { <>{ lang.fill(Key::AskWhom, &[("n", "")]) }{ at(p) }</> },
            None => html! {},
        },
    };
    html! { <p class="next-step">{ label }{ body }</p> }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::rules::{
        AnswerSet, CriterionStatus, Date, Pack, RawInput, Verdict, confirm_notes, refusal,
    };
    use crate::store::Rules;

    /// Answers typed as a resident would (each checked by the engine).
    fn typed(pack: &Pack, day: Date, given: &[(&str, RawInput)]) -> AnswerSet {
        let mut answers = AnswerSet::default();
        for (question, raw) in given {
            let value = crate::rules::parse(Some(pack), question, raw, day).unwrap();
            answers.set(question, raw.clone(), value);
        }
        answers
    }

    /// The cards word their reasons with the same engine sentences as `eligo-rules explain`: over random
    /// answers on every pack and two residents' answers (an experimental aid; an aid outside its application
    /// window), in every language, each note and refusal a card shows, each criterion with the person's answers,
    /// each from-date and what-if is a line of the explanation the checker prints for the same answers.
    #[test]
    fn the_cards_and_explain_give_the_same_reasons() {
        let rules = Rules::embedded();
        let (mut notes_seen, mut refusals_seen) = (0, 0);
        let (mut answers_seen, mut outlook_seen) = (0, 0);
        let text = |t: &str| RawInput::Text(t.into());
        let one = |o: &str| RawInput::OneOf(o.into());
        let several = |o: &str| RawInput::SeveralOf(vec![o.into()]);
        let chenove_student = [
            ("age", text("20")),
            ("commune", one("chenove")),
            ("years_in_commune", text("3")),
            ("activity", one("student")),
            ("studies", one("higher")),
            ("has_bac", RawInput::YesNo(true)),
            ("study_zone", one("dijon")),
            ("household_size", text("1")),
            ("monthly_resources", text("450,00")),
            ("receives", several("student_grant")),
        ];
        let besancon_young = [
            ("age", text("20")),
            ("commune", one("besancon")),
            ("activity", one("other")),
            ("household_size", text("1")),
            ("monthly_resources", RawInput::DontKnow),
            ("receives", several("none")),
            ("own_resources", RawInput::YesNo(false)),
            ("children_count", text("0")),
        ];
        for index in 0..rules.len() {
            let pack = rules.pack(index, Lang::Fr).unwrap();
            let resident: &[(&str, RawInput)] = match pack.id.as_str() {
                "chenove" => &chenove_student,
                "besancon" => &besancon_young,
                _ => &[],
            };
            // Inside and outside the application windows.
            for day in [(10, 1), (3, 15)].map(|(m, d)| Date::new(2026, m, d).unwrap()) {
                let mut sets = crate::rules::sample_answer_sets(pack, 200, day);
                sets.push(typed(pack, day, resident));
                for (seed, answers) in sets.iter().enumerate() {
                    let lang = Lang::ALL[seed % Lang::ALL.len()].code();
                    let outcome = crate::rules::evaluate(Some(pack), answers, day);
                    let explained = crate::rules::explanation(pack, answers, day, lang);
                    for report in &outcome.aids {
                        let aid = pack.aid(&report.id).unwrap();
                        let block = explained
                            .split("\n== ")
                            .find(|b| b.contains(&format!("[{}]", aid.id)))
                            .expect("the aid is explained");
                        let words = pack.words_in(lang);
                        let mut said: Vec<String> = confirm_notes(report, words)
                            .into_iter()
                            .map(str::to_string)
                            .collect();
                        notes_seen += said.len();
                        if let Verdict::NotEligible { reasons } = &report.verdict
                            && let Some(first) = reasons.first()
                        {
                            said.push(refusal(aid, first, words));
                            refusals_seen += 1;
                        }
                        for sentence in said {
                            assert!(
                                block.lines().any(|l| l.trim() == format!("! {sentence}")),
                                "{}: \"{sentence}\" not in\n{block}",
                                aid.id
                            );
                        }
                        // Each criterion with the person's answers, the from-date and the what-ifs: the
                        // explanation's own lines (issue 14: one engine function for both).
                        let app_lang = Lang::ALL[seed % Lang::ALL.len()];
                        let lines = crate::rules::criteria(pack, answers, report, day, app_lang);
                        for (status, line) in lines {
                            let mark = match status {
                                CriterionStatus::Met => "[x]",
                                CriterionStatus::NotMet => "[ ]",
                                CriterionStatus::NotKnown => "[?]",
                                CriterionStatus::NotNeeded => "[-]",
                            };
                            let shown = format!("{mark} {line}");
                            assert!(
                                block.lines().any(|l| l.trim_start().starts_with(&shown)),
                                "{}: \"{shown}\" not in\n{block}",
                                aid.id
                            );
                            answers_seen += usize::from(line.contains(" — "));
                        }
                        let from = crate::rules::from_line(pack, answers, report, day, app_lang);
                        let what_ifs =
                            crate::rules::what_if_lines(pack, answers, report, day, app_lang);
                        for line in from.into_iter().chain(what_ifs) {
                            assert!(
                                block.lines().any(|l| l.trim() == format!("-> {line}")),
                                "{}: \"{line}\" not in\n{block}",
                                aid.id
                            );
                            outlook_seen += 1;
                        }
                    }
                }
            }
        }
        assert!(
            notes_seen > 0 && refusals_seen > 0 && answers_seen > 0 && outlook_seen > 0,
            "the samples reach notes ({notes_seen}), refusals ({refusals_seen}), criteria with answers \
             ({answers_seen}) and from-dates or what-ifs ({outlook_seen})"
        );
    }
}
