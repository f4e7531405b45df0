//! Properties over thousands of random partial answer sets, on the demo fixture and every pack of
//! the repository: evaluation never panics; a decided verdict never changes when answers are
//! added (Kleene monotonicity); the next question is always relevant and unanswered.

mod common;

use eligo_engine::schema::QuestionKind;
use eligo_engine::{
    Answer, Answers, CriterionState, Date, Decimal, Pack, Tri, Verdict, applicability, evaluate,
};
use proptest::prelude::*;

use common::all_packs as packs;

/// A plausible answer to `question` drawn from `seed` (bounds and odd values included).
fn answer_for(pack: &Pack, q: usize, seed: u32, today: Date) -> Answer {
    let question = &pack.questions[q];
    if seed.is_multiple_of(11) {
        return Answer::DontKnow;
    }
    if question.sensitive && seed.is_multiple_of(7) {
        return Answer::Declined;
    }
    let s = seed / 11;
    match question.kind {
        QuestionKind::YesNo => Answer::YesNo(s.is_multiple_of(2)),
        QuestionKind::Integer => Answer::Number(Decimal::from(match s % 4 {
            0 => i64::from(s % 4),
            1 => i64::from(s % 130),
            _ => i64::from(s % 35),
        })),
        QuestionKind::Money => Answer::Number(Decimal::new(i64::from(s % 400_000), 2)),
        QuestionKind::Date => Answer::Date(
            Date::from_days_since_epoch(today.days_since_epoch() - i64::from(s % 45_000))
                .unwrap_or(today),
        ),
        QuestionKind::OneOf => Answer::OneOf(
            question.options[s as usize % question.options.len()]
                .id
                .clone(),
        ),
        QuestionKind::SeveralOf => Answer::SeveralOf(
            question
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| (s >> (i % 31)) & 1 == 1)
                .map(|(_, o)| o.id.clone())
                .collect(),
        ),
    }
}

fn check_pack(pack: &Pack, seeds: &[u32], first: &[bool], second: &[bool], day: u32) {
    let today = Date::from_days_since_epoch(20_000 + i64::from(day)).unwrap();
    let full: Vec<Answer> = (0..pack.questions.len())
        .map(|q| answer_for(pack, q, seeds[q % seeds.len()], today))
        .collect();
    // `small` answers a subset; `large` answers that subset and more, with the same values.
    let mut small = Answers::new();
    let mut large = Answers::new();
    for (q, answer) in full.iter().enumerate() {
        let in_small = first[q % first.len()];
        if in_small {
            small.set(pack.questions[q].id.clone(), answer.clone());
        }
        if in_small || second[q % second.len()] {
            large.set(pack.questions[q].id.clone(), answer.clone());
        }
    }
    let before = evaluate(pack, &small, today);
    let after = evaluate(pack, &large, today);
    for (b, a) in before.aids.iter().zip(&after.aids) {
        if !b.verdict.is_undetermined() {
            assert_eq!(
                b.verdict.name(),
                a.verdict.name(),
                "{}: aid {} changed with more answers",
                pack.id,
                b.id
            );
        }
        // A computed amount holds (a ceiling shown while an answer is missing may give way to it).
        if matches!(b.verdict, Verdict::Eligible | Verdict::ToConfirm { .. })
            && b.amount.is_some()
            && b.amount_missing.is_empty()
        {
            assert_eq!(
                b.amount, a.amount,
                "{}: amount of {} changed",
                pack.id, b.id
            );
        }
        for (i, (cb, ca)) in b.criteria.iter().zip(&a.criteria).enumerate() {
            if cb.state != CriterionState::Unknown {
                assert_eq!(
                    cb.state, ca.state,
                    "{}: a criterion of {} changed",
                    pack.id, b.id
                );
            } else if cb.missing.is_empty() {
                // Nothing to ask for it: no answer can settle it (the engine asks nothing only
                // when that is so).
                assert_eq!(
                    ca.state,
                    CriterionState::Unknown,
                    "{}: criterion {} of {} asked nothing but was settled by more answers",
                    pack.id,
                    i + 1,
                    b.id
                );
            }
        }
        if let Verdict::Undetermined { missing, .. } = &b.verdict
            && missing.is_empty()
        {
            assert!(
                a.verdict.is_undetermined(),
                "{}: {} asked nothing but was decided by more answers",
                pack.id,
                b.id
            );
        }
    }
    for (report, answers) in [(&before, &small), (&after, &large)] {
        if let Some(next) = &report.next_question {
            assert!(
                answers.get(next).is_none(),
                "{}: next question {next} is already answered",
                pack.id
            );
            assert_eq!(
                applicability(pack, answers, today, next),
                Tri::True,
                "{}: {next} is not relevant",
                pack.id
            );
            assert!(report.questions_left >= 1);
        }
        let undetermined_with_questions = report.aids.iter().any(|r| match &r.verdict {
            Verdict::Undetermined { missing, .. } => !missing.is_empty(),
            _ => false,
        });
        assert!(
            report.next_question.is_some() || !undetermined_with_questions,
            "{}: an aid waits for a question but none is proposed",
            pack.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decided_verdicts_hold_and_next_question_is_relevant(
        seeds in prop::collection::vec(any::<u32>(), 1..40),
        first in prop::collection::vec(any::<bool>(), 1..40),
        second in prop::collection::vec(any::<bool>(), 1..40),
        day in 0u32..4000,
    ) {
        for pack in packs() {
            check_pack(pack, &seeds, &first, &second, day);
        }
    }
}

/// Answering the ranked question again and again always ends the questionnaire, never asks more
/// than `questions_left` announced, and ends with nothing left to settle by a question: no
/// verdict, amount or advice waits for one.
#[test]
fn following_next_question_terminates() {
    for pack in packs() {
        for seed in 0..200u32 {
            let today = Date::new(2026, 10, 1).unwrap();
            let mut answers = Answers::new();
            let mut steps = 0;
            let mut announced: Vec<usize> = Vec::new();
            loop {
                let report = evaluate(pack, &answers, today);
                announced.push(report.questions_left);
                let Some(next) = report.next_question else {
                    for r in &report.aids {
                        assert!(
                            r.amount_missing.is_empty() && r.advice_missing.is_empty(),
                            "{}: {} still waits for a question at the end",
                            pack.id,
                            r.id
                        );
                        if let Verdict::Undetermined { missing, .. } = &r.verdict {
                            assert!(missing.is_empty(), "{}: {} waits", pack.id, r.id);
                        }
                    }
                    break;
                };
                let q = pack.question_position(&next).unwrap();
                answers.set(
                    next,
                    answer_for(
                        pack,
                        q,
                        seed.wrapping_mul(2_654_435_761).wrapping_add(q as u32),
                        today,
                    ),
                );
                steps += 1;
                assert!(
                    steps <= pack.questions.len(),
                    "{}: asked more questions than exist",
                    pack.id
                );
            }
            // After the k-th state, `steps - k` questions were asked: at most what it announced.
            for (k, &left) in announced.iter().enumerate() {
                assert!(
                    steps - k <= left,
                    "{}: announced at most {left} questions, then asked {}",
                    pack.id,
                    steps - k
                );
            }
        }
    }
}

/// The same answers with every answer that grows with time (an age, years of residence) worth what
/// it may be at `date`: `n` more whole years, or one more if an anniversary we do not know falls
/// before (one set per possibility).
fn grown_at(pack: &Pack, answers: &Answers, today: Date, date: Date) -> Vec<Answers> {
    let years = today.years_since(date);
    let anniversary = Date::new(today.year() + years, today.month(), today.day())
        .or_else(|| Date::new(today.year() + years, today.month(), today.day() - 1));
    let exact = anniversary == Some(date);
    let mut sets = vec![answers.clone()];
    for q in &pack.questions {
        if !q.grows_with_time {
            continue;
        }
        assert_ne!(
            q.unit,
            Some(eligo_engine::schema::Unit::Months),
            "months: add them here"
        );
        let Some(Answer::Number(v)) = answers.get(&q.id) else {
            continue;
        };
        let base = *v + Decimal::from(years);
        let mut next = Vec::new();
        for set in &sets {
            for extra in if exact { 0..1 } else { 0..2 } {
                let mut s = set.clone();
                s.set(q.id.clone(), Answer::Number(base + Decimal::from(extra)));
                next.push(s);
            }
        }
        sets = next;
    }
    sets
}

/// What the results promise beyond the verdict holds, for `answers` at `today`: each named answer
/// change really opens the aid; at each from-date, whatever the birthdays, the named criteria
/// really hold, none fails and the window is open; criteria read "not needed" only once the
/// verdict is settled, "not known" only while it is not. Returns how many what-ifs and from-dates
/// were checked.
fn check_outlook(pack: &Pack, answers: &Answers, today: Date) -> (usize, usize) {
    let report = evaluate(pack, answers, today);
    let outlook = eligo_engine::outlook(pack, answers, today, &report);
    let (mut what_ifs, mut dates) = (0, 0);
    for ((aid, r), o) in pack.aids.iter().zip(&report.aids).zip(&outlook) {
        assert_eq!(r.criteria.len(), o.criteria.len());
        for (c, d) in r.criteria.iter().zip(&o.criteria) {
            use eligo_engine::CriterionStatus as S;
            let fits = match (c.state, d.status) {
                (_, S::NotNeeded) => !r.verdict.is_undetermined(),
                (CriterionState::Met, S::Met) | (CriterionState::Failed, S::NotMet) => true,
                (CriterionState::Unknown, S::NotKnown) => r.verdict.is_undetermined(),
                _ => false,
            };
            assert!(
                fits,
                "{}: {}: {:?} read as {:?}",
                pack.id, aid.id, c.state, d.status
            );
        }
        if let Verdict::NotEligible { reasons } = &r.verdict
            && reasons
                .iter()
                .any(|r| matches!(r, eligo_engine::RefusalReason::Criterion(_)))
        {
            assert!(
                o.criteria
                    .iter()
                    .any(|d| d.status == eligo_engine::CriterionStatus::NotMet),
                "{}: {} refused with no criterion not met",
                pack.id,
                aid.id
            );
        }
        for w in &o.would_qualify_if {
            assert!(matches!(r.verdict, Verdict::NotEligible { .. }));
            let mut changed = answers.clone();
            changed.set(w.question.clone(), w.answer.clone());
            let after = evaluate(pack, &changed, today);
            let verdict = &after.aid(&aid.id).unwrap().verdict;
            assert!(
                matches!(verdict, Verdict::Eligible | Verdict::ToConfirm { .. }),
                "{}: {} = {:?} should open {} but gives {verdict:?}",
                pack.id,
                w.question,
                w.answer,
                aid.id
            );
            what_ifs += 1;
        }
        if let Some(from) = &o.from {
            assert!(
                from.date > today,
                "{}: {}: from {} is not ahead",
                pack.id,
                aid.id,
                from.date
            );
            if let Some(window) = aid.window {
                assert!(
                    window.contains(from.date),
                    "{}: {}: window shut",
                    pack.id,
                    aid.id
                );
            }
            for grown in grown_at(pack, answers, today, from.date) {
                let later = evaluate(pack, &grown, from.date);
                let later = later.aid(&aid.id).unwrap();
                for &i in &from.criteria {
                    assert_eq!(
                        later.criteria[i].state,
                        CriterionState::Met,
                        "{}: {}: criterion {} not met on {}",
                        pack.id,
                        aid.id,
                        i + 1,
                        from.date
                    );
                }
                assert!(
                    later
                        .criteria
                        .iter()
                        .all(|c| c.state != CriterionState::Failed),
                    "{}: {}: a criterion fails on {}",
                    pack.id,
                    aid.id,
                    from.date
                );
            }
            dates += 1;
        }
    }
    (what_ifs, dates)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn what_ifs_and_from_dates_hold(
        seeds in prop::collection::vec(any::<u32>(), 1..40),
        asked in prop::collection::vec(any::<bool>(), 1..40),
        day in 0u32..4000,
    ) {
        let today = Date::from_days_since_epoch(20_000 + i64::from(day)).unwrap();
        for pack in packs() {
            let mut answers = Answers::new();
            for q in 0..pack.questions.len() {
                if asked[q % asked.len()] {
                    let answer = answer_for(pack, q, seeds[q % seeds.len()], today);
                    answers.set(pack.questions[q].id.clone(), answer);
                }
            }
            check_outlook(pack, &answers, today);
        }
    }
}

/// The properties above are not vacuous: over random answers, every pack of the repository
/// gets what-ifs and from-dates to check.
#[test]
fn what_ifs_and_from_dates_are_found() {
    use eligo_engine::sample::{SampleRng, random_answers};
    for pack in packs() {
        let mut rng = SampleRng::new(7);
        let (mut what_ifs, mut dates) = (0, 0);
        for i in 0..1500 {
            let today = Date::from_days_since_epoch(20_400 + i * 7).unwrap();
            let answers = random_answers(pack, &mut rng, today);
            let (w, d) = check_outlook(pack, &answers, today);
            what_ifs += w;
            dates += d;
        }
        assert!(
            what_ifs > 50 && dates > 20,
            "{}: {what_ifs} what-ifs, {dates} from-dates",
            pack.id
        );
    }
}

/// Every answer a resident could give to `question` instead of declining (the options; both yes and
/// no; for numbers and dates, a few values).
fn real_answers(pack: &Pack, q: usize, today: Date) -> Vec<Answer> {
    let question = &pack.questions[q];
    match question.kind {
        QuestionKind::YesNo => vec![Answer::YesNo(true), Answer::YesNo(false)],
        QuestionKind::OneOf => question
            .options
            .iter()
            .map(|o| Answer::OneOf(o.id.clone()))
            .collect(),
        _ => (0..8)
            .map(|seed| answer_for(pack, q, seed * 11 + 1, today))
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    /// "I prefer not to answer" a sensitive question never turns into a "no": an aid refused with a
    /// declined answer is refused whatever the answer would have been (the refusal rests on other
    /// answers), so one that an answer could open reads "to check".
    #[test]
    fn declining_a_sensitive_question_never_says_no(
        seeds in prop::collection::vec(any::<u32>(), 1..40),
        asked in prop::collection::vec(any::<bool>(), 1..40),
        day in 0u32..4000,
    ) {
        let today = Date::from_days_since_epoch(20_000 + i64::from(day)).unwrap();
        for pack in packs() {
            let mut answers = Answers::new();
            for q in 0..pack.questions.len() {
                if asked[q % asked.len()] {
                    answers.set(pack.questions[q].id.clone(), answer_for(pack, q, seeds[q % seeds.len()], today));
                }
            }
            for (q, question) in pack.questions.iter().enumerate().filter(|(_, q)| q.sensitive) {
                let mut declined = answers.clone();
                declined.set(question.id.clone(), Answer::Declined);
                let report = evaluate(pack, &declined, today);
                for r in &report.aids {
                    if !matches!(r.verdict, Verdict::NotEligible { .. }) {
                        continue;
                    }
                    for real in real_answers(pack, q, today) {
                        let mut given = declined.clone();
                        given.set(question.id.clone(), real.clone());
                        let after = evaluate(pack, &given, today);
                        let verdict = &after.aid(&r.id).unwrap().verdict;
                        prop_assert!(
                            matches!(verdict, Verdict::NotEligible { .. }),
                            "{}: {} declined refuses {}, but {:?} gives {:?}",
                            pack.id, question.id, r.id, real, verdict
                        );
                    }
                }
            }
        }
    }
}

/// The property above is not vacuous: declining does leave aids "to check" that an answer would
/// settle, on every repository pack with a sensitive question.
#[test]
fn declining_leaves_aids_to_check() {
    for pack in packs()
        .iter()
        .filter(|p| p.questions.iter().any(|q| q.sensitive))
    {
        let today = Date::new(2026, 10, 1).unwrap();
        let mut found = 0;
        for question in pack.questions.iter().filter(|q| q.sensitive) {
            let mut answers = Answers::new();
            answers.set(question.id.clone(), Answer::Declined);
            let report = evaluate(pack, &answers, today);
            found += report
                .aids
                .iter()
                .filter(|r| match &r.verdict {
                    Verdict::Undetermined { dont_know, .. } => dont_know.contains(&question.id),
                    _ => false,
                })
                .count();
        }
        assert!(
            found > 0,
            "{}: no aid left to check by a declined answer",
            pack.id
        );
    }
}
