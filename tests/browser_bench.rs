//! In-browser benchmark of the rules engine (not a timed test): a full evaluation of every aid of the largest
//! embedded pack, over random partial answer sets, timed with `performance.now()` in Chromium.
//! Run it with `bash scripts/bench.sh` (release build); it is ignored by the ordinary test run.
#![cfg(target_arch = "wasm32")]

use eligo::store::PACKS;
use eligo_engine::sample::{SampleRng, random_answers};
use eligo_engine::{Answers, Date, Pack, evaluate};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The browser rounds `performance.now()` (to 0.1 ms or coarser), so evaluations are timed in batches.
const BATCH: usize = 100;
const BATCHES: usize = 200;

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh in release"]
fn full_evaluation_of_the_largest_pack() {
    let pack = PACKS
        .iter()
        .map(|(id, bytes)| Pack::from_bytes(bytes).unwrap_or_else(|e| panic!("pack {id}: {e}")))
        .max_by_key(|pack| (pack.aids.len(), pack.questions.len()))
        .expect("at least one embedded pack");
    let today = Date::new(2026, 10, 1).expect("a valid date");
    let mut rng = SampleRng::new(0x9E37_79B9_7F4A_7C15);
    let sets: Vec<Answers> = (0..1_000)
        .map(|_| random_answers(&pack, &mut rng, today))
        .collect();
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");

    let mut per_evaluation_us = Vec::with_capacity(BATCHES);
    let mut decided = 0usize;
    for batch in 0..BATCHES {
        let start = performance.now();
        for i in 0..BATCH {
            let report = evaluate(&pack, &sets[(batch * BATCH + i) % sets.len()], today);
            decided += report
                .aids
                .iter()
                .filter(|r| !r.verdict.is_undetermined())
                .count();
        }
        per_evaluation_us.push((performance.now() - start) * 1000.0 / BATCH as f64);
    }
    per_evaluation_us.sort_by(f64::total_cmp);
    let median = per_evaluation_us[BATCHES / 2];
    let p95 = per_evaluation_us[BATCHES * 95 / 100];
    console_log!(
        "in-browser benchmark: {}: {} aids, {} questions, {} evaluations: median {median:.1} µs, p95 {p95:.1} µs per full evaluation ({decided} decided verdicts)",
        pack.id,
        pack.aids.len(),
        pack.questions.len(),
        BATCH * BATCHES,
    );
    assert!(decided > 0, "the random answers decide some verdicts");
}
