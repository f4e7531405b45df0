//! Random partial answer sets for benchmarks: the native `eligo-rules bench` and the in-browser benchmark
//! time the same work on the same answers.

use crate::schema::QuestionKind;
use crate::{Answer, Answers, Date, Decimal, Pack};

/// A small deterministic generator (xorshift), so that runs are comparable.
pub struct SampleRng(u64);

impl SampleRng {
    /// A generator from a seed (0 is replaced: xorshift needs a non-zero state).
    pub fn new(seed: u64) -> SampleRng {
        SampleRng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }
}

/// Random answers to a random subset of questions.
pub fn random_answers(pack: &Pack, rng: &mut SampleRng, today: Date) -> Answers {
    let mut answers = Answers::new();
    for q in &pack.questions {
        if rng.below(3) == 0 {
            continue;
        }
        let answer = if rng.below(10) == 0 {
            Answer::DontKnow
        } else {
            match q.kind {
                QuestionKind::YesNo => Answer::YesNo(rng.below(2) == 0),
                QuestionKind::Integer => Answer::Number(Decimal::from(rng.below(40))),
                QuestionKind::Money => Answer::Number(Decimal::new(
                    i64::try_from(rng.below(300_000)).unwrap_or(0),
                    2,
                )),
                QuestionKind::Date => Answer::Date(
                    Date::from_days_since_epoch(
                        today.days_since_epoch() - i64::try_from(rng.below(40_000)).unwrap_or(0),
                    )
                    .unwrap_or(today),
                ),
                QuestionKind::OneOf => {
                    let i = rng.below(q.options.len() as u64) as usize;
                    Answer::OneOf(q.options[i].id.clone())
                }
                QuestionKind::SeveralOf => Answer::SeveralOf(
                    q.options
                        .iter()
                        .filter(|_| rng.below(3) == 0)
                        .map(|o| o.id.clone())
                        .collect(),
                ),
            }
        };
        answers.set(q.id.clone(), answer);
    }
    answers
}
