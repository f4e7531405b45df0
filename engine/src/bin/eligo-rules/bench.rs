//! `bench`: times a full evaluation of every aid over random answers.

use crate::args::{Failure, load, parse_args};
use eligo_engine::sample::{SampleRng, random_answers};
use eligo_engine::{Answers, Date, evaluate};

/// `bench <pack.toml> [--runs N]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let a = parse_args(args, &["--runs"])?;
    let [pack_path] = a.positional.as_slice() else {
        return Err(Failure::Usage("bench needs a pack file".into()));
    };
    let runs: usize = match a.option("--runs") {
        Some(n) => n
            .parse()
            .map_err(|_| Failure::Usage(format!("--runs {n}: expected a number")))?,
        None => 20_000,
    };
    let loaded = load(pack_path)?;
    let pack = &loaded.pack;
    let today = Date::new(2026, 10, 1).unwrap_or_else(|| unreachable!("a fixed valid date"));
    let mut rng = SampleRng::new(0x9E37_79B9_7F4A_7C15);
    let sets: Vec<Answers> = (0..runs.clamp(1, 1_000))
        .map(|_| random_answers(pack, &mut rng, today))
        .collect();
    let mut times = Vec::with_capacity(runs);
    let mut decided = 0usize;
    for i in 0..runs.max(1) {
        let answers = &sets[i % sets.len()];
        let start = std::time::Instant::now();
        let report = std::hint::black_box(evaluate(pack, std::hint::black_box(answers), today));
        times.push(start.elapsed().as_nanos());
        decided += report
            .aids
            .iter()
            .filter(|r| !r.verdict.is_undetermined())
            .count();
    }
    times.sort_unstable();
    let median = times[times.len() / 2] as f64 / 1000.0;
    let p95 = times[times.len() * 95 / 100] as f64 / 1000.0;
    println!(
        "{}: {} aids, {} questions, {} runs: median {median:.1} µs, p95 {p95:.1} µs per full evaluation ({} decided verdicts)",
        pack.id,
        pack.aids.len(),
        pack.questions.len(),
        times.len(),
        decided
    );
    Ok(())
}
