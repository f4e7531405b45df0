//! Prints, for each pack given, the handover code's clear header and body for its longest journey (every
//! question answered with its widest encoding: `handover::longest_answers`), as one JSON line each, for
//! `scripts/bench-handover.mjs` (which seals them and measures the QR code).
//!
//!   cargo run -p eligo-engine --example handover_payload -- packs/chenove/pack.toml …

use eligo_engine::handover::{encode_body, header, longest_answers, verdict_code};
use eligo_engine::{Date, evaluate};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    let today = Date::new(2026, 11, 26).expect("a valid date");
    for path in std::env::args().skip(1) {
        let pack = match eligo_engine::toml_source::load_pack(std::path::Path::new(&path)) {
            Ok(loaded) => loaded.pack,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let answers = longest_answers(&pack, today);
        let verdicts: Vec<u8> = evaluate(&pack, &answers, today)
            .aids
            .iter()
            .map(|a| verdict_code(&a.verdict))
            .collect();
        // A key of the right form: the header holds only its first bytes (the id).
        let body = encode_body(&pack, &answers, &verdicts, today);
        let head = header(&pack, &[4; 65], body.len());
        println!(
            "{{\"pack\":\"{}\",\"questions\":{},\"aids\":{},\"header\":\"{}\",\"body\":\"{}\"}}",
            pack.id,
            pack.questions.len(),
            pack.aids.len(),
            hex(&head),
            hex(&body)
        );
    }
}
