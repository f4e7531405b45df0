//! The handover code's body (issue 18): answers and verdicts by index, read back exactly with the same pack,
//! for thousands of random answer sets on every pack; the longest journey of each pack fits a QR code of
//! version 15 at error correction M; a body from another version of the questions is refused, not misread.

mod common;

use common::all_packs as packs;
use eligo_engine::handover::{
    self, Body, CodeError, SEAL_BYTES, decode_body, encode_body, from_text, header,
    longest_answers, read_header, to_text,
};
use eligo_engine::sample::{SampleRng, random_answers};
use eligo_engine::{Date, Pack, evaluate};
use proptest::prelude::*;

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

fn verdicts(pack: &Pack, answers: &eligo_engine::Answers) -> Vec<u8> {
    evaluate(pack, answers, today())
        .aids
        .iter()
        .map(|a| handover::verdict_code(&a.verdict))
        .collect()
}

/// Bytes a QR code of version 15 at level M holds in byte mode (ISO/IEC 18004 table 7).
const QR_15_M_BYTES: usize = 412;

/// A key of the right form (the checker's test only: nothing is sealed here).
const KEY: [u8; 65] = [4; 65];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn body_round_trips(seed in any::<u64>(), which in 0usize..8, day in 0i64..40_000) {
        let pack = &packs()[which % packs().len()];
        let date = Date::from_days_since_epoch(day).unwrap();
        let answers = random_answers(pack, &mut SampleRng::new(seed), today());
        let given = verdicts(pack, &answers);
        let bytes = encode_body(pack, &answers, &given, date);
        let body = decode_body(pack, &bytes).unwrap();
        prop_assert_eq!(body, Body { date, answers, verdicts: given });
        // Any cut is refused, never misread or a panic.
        for cut in 0..bytes.len() {
            prop_assert!(decode_body(pack, &bytes[..cut]).is_err());
        }
    }

    #[test]
    fn text_form_round_trips(bytes in proptest::collection::vec(any::<u8>(), 1..500)) {
        prop_assert_eq!(from_text(&to_text(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn damaged_bodies_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for pack in packs() {
            let _ = decode_body(pack, &bytes);
            let _ = read_header(&bytes);
        }
    }
}

#[test]
fn the_longest_journey_of_every_pack_fits_a_qr_code_of_version_15() {
    for pack in packs() {
        let answers = longest_answers(pack, today());
        assert_eq!(answers.len(), pack.questions.len());
        let body = encode_body(pack, &answers, &verdicts(pack, &answers), today());
        assert_eq!(decode_body(pack, &body).unwrap().answers, answers);
        let code = header(pack, &KEY, body.len()).len() + SEAL_BYTES + body.len();
        let text = to_text(&vec![0; code]).len();
        assert!(
            text <= QR_15_M_BYTES,
            "{}: {code} bytes, {text} characters: more than a QR code of version 15 at level M holds",
            pack.id
        );
    }
}

#[test]
fn a_body_for_other_questions_is_refused() {
    let all = packs();
    let (a, b) = (&all[1], &all[2]);
    let answers = longest_answers(a, today());
    let body = encode_body(a, &answers, &verdicts(a, &answers), today());
    assert_eq!(decode_body(b, &body), Err(CodeError::PackChanged));
    let mut renamed = a.clone();
    renamed.questions[0].id.push('x');
    assert_eq!(decode_body(&renamed, &body), Err(CodeError::PackChanged));
}

#[test]
fn the_header_names_the_territory_version_and_key() {
    let pack = &packs()[1];
    let mut code = header(pack, &KEY, 10);
    let len = code.len();
    code.resize(len + SEAL_BYTES + 10, 0);
    let read = read_header(&code).unwrap();
    assert_eq!(read.territory, pack.id);
    assert_eq!(read.pack_version, pack.version);
    assert_eq!(read.key_id, handover::key_id(&KEY));
    assert_eq!(read.len, len);
    assert_eq!(read.body_len, 10);
    // Cut anywhere: named as cut short.
    for cut in 0..code.len() {
        assert_eq!(
            read_header(&code[..cut]),
            Err(CodeError::Truncated),
            "cut at {cut}"
        );
    }
}

#[test]
fn the_checker_refuses_a_malformed_key_and_keeps_a_good_one() {
    let text =
        std::fs::read_to_string(common::manifest_dir().join("../packs/chenove/pack.toml")).unwrap();
    let dir = std::env::temp_dir().join(format!("eligo-handover-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("chenove")).unwrap();
    std::fs::create_dir_all(dir.join("common")).unwrap();
    for f in ["situation.toml", "national.toml"] {
        std::fs::copy(
            common::manifest_dir().join("../packs/common").join(f),
            dir.join("common").join(f),
        )
        .unwrap();
    }
    // The translation files beside each pack file (lang/<code>.toml) come along.
    for folder in ["chenove", "common"] {
        let from = common::manifest_dir()
            .join("../packs")
            .join(folder)
            .join("lang");
        std::fs::create_dir_all(dir.join(folder).join("lang")).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.join(folder).join("lang").join(entry.file_name()),
            )
            .unwrap();
        }
    }
    let path = dir.join("chenove/pack.toml");
    let good =
        "BNVGZdjM7VtaQrO4IOxiNH3Tv9p0M6Exa5i2oFlsbXp8f3Q7iKsk8bHkIUqVq2oZVmDbvEOJR1VX0B1lfxN6WRw";
    std::fs::write(
        &path,
        format!("{text}\n[handover]\npublic_key = \"{good}\"\n"),
    )
    .unwrap();
    let loaded = eligo_engine::toml_source::load_pack(&path).unwrap_or_else(|e| panic!("{e}"));
    let key = loaded.pack.handover.as_ref().unwrap();
    assert_eq!(key.public_key, good);
    // It survives the binary form the browser reads.
    let back = Pack::from_bytes(&loaded.pack.to_bytes_in("ar")).unwrap();
    assert_eq!(back.handover, loaded.pack.handover);
    std::fs::write(
        &path,
        format!("{text}\n[handover]\npublic_key = \"{}\"\n", &good[..80]),
    )
    .unwrap();
    let errors = eligo_engine::toml_source::load_pack(&path)
        .err()
        .unwrap()
        .to_string();
    assert!(errors.contains("the public key is 60 bytes"), "{errors}");
    std::fs::remove_dir_all(&dir).unwrap();
}
