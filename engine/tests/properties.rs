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
