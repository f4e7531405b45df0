//! What criteria details, from-dates and what-ifs cost beside a full evaluation, over the same
//! random answers as `eligo-rules bench` (run: `cargo test --release -p eligo-engine --test
//! outlook_cost -- --ignored --nocapture`). Ignored by default: timings are for reading, not for
//! failing a build on a busy machine.

mod common;

use eligo_engine::sample::{SampleRng, random_answers};
use eligo_engine::{Answers, Date, evaluate, outlook};
use std::hint::black_box;
use std::time::Instant;

fn median(mut times: Vec<u128>) -> f64 {
    times.sort_unstable();
    times[times.len() / 2] as f64 / 1000.0
}

#[test]
#[ignore]
fn outlook_cost() {
    for pack in common::all_packs() {
        let today = Date::new(2026, 10, 1).unwrap();
        let mut rng = SampleRng::new(0x9E37_79B9_7F4A_7C15);
        let sets: Vec<Answers> = (0..1000)
            .map(|_| random_answers(pack, &mut rng, today))
            .collect();
        let (mut eval_times, mut outlook_times) = (Vec::new(), Vec::new());
        let mut parts: [Vec<u128>; 3] = Default::default();
        for _ in 0..5 {
            for answers in &sets {
                let start = Instant::now();
                let report = black_box(evaluate(pack, black_box(answers), today));
                eval_times.push(start.elapsed().as_nanos());
                let start = Instant::now();
                black_box(outlook(pack, answers, today, &report));
                outlook_times.push(start.elapsed().as_nanos());
                let start = Instant::now();
                black_box(eligo_engine::criteria_details(
                    pack, answers, today, &report,
                ));
                parts[0].push(start.elapsed().as_nanos());
                let start = Instant::now();
                black_box(eligo_engine::from_dates(pack, answers, today, &report));
                parts[1].push(start.elapsed().as_nanos());
                let start = Instant::now();
                black_box(eligo_engine::all_what_ifs(pack, answers, today, &report));
                parts[2].push(start.elapsed().as_nanos());
            }
        }
        println!(
            "{}: evaluate median {:.1} µs; outlook (criteria, from-dates, what-ifs) median {:.1} µs, p95 {:.1} µs",
            pack.id,
            median(eval_times),
            median(outlook_times.clone()),
            {
                let mut t = outlook_times;
                t.sort_unstable();
                t[t.len() * 95 / 100] as f64 / 1000.0
            }
        );
        let [a, b, c] = parts;
        println!(
            "   of which criteria {:.1} µs, from-dates {:.1} µs, what-ifs {:.1} µs (medians)",
            median(a),
            median(b),
            median(c)
        );
    }
}
