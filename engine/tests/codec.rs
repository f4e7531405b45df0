//! The binary pack form: every pack reads back equal to itself, and a damaged, foreign or hand-made
//! file is refused with a reason, never a panic.

mod common;

use common::all_packs;
use eligo_engine::{DecodeError, Pack};
use proptest::prelude::*;

fn demo_bytes() -> Vec<u8> {
    common::demo_pack().to_bytes()
}

#[test]
fn every_pack_reads_back_equal() {
    for pack in all_packs() {
        let bytes = pack.to_bytes();
        assert_eq!(Pack::from_bytes(&bytes).as_ref(), Ok(pack), "{}", pack.id);
    }
}

/// Every text of a pack a resident may see, as `get(lang)` gives it, and whether it exists in `lang`.
fn seen(pack: &Pack, lang: &str) -> Vec<(String, bool)> {
    let mut texts: Vec<&eligo_engine::Text> = vec![&pack.territory.name];
    for q in &pack.questions {
        texts.push(&q.label);
        texts.extend(&q.help);
        texts.extend(q.options.iter().map(|o| &o.label));
    }
    for p in &pack.places {
        texts.push(&p.name);
        texts.extend(&p.hours);
    }
    for a in &pack.aids {
        texts.extend([&a.name, &a.institution, &a.summary]);
        texts.extend(&a.how_to_apply);
        texts.extend(a.documents.iter().chain(&a.checks));
        texts.extend(a.criteria.iter().map(|c| &c.label));
        texts.extend(a.advice.iter().map(|c| &c.text));
    }
    if let Some(s) = &pack.safety {
        texts.extend([&s.title, &s.intro]);
        texts.extend(s.contacts.iter().map(|c| &c.label));
    }
    texts
        .into_iter()
        .map(|t| (t.get(lang).to_string(), t.has(lang)))
        .collect()
}

#[test]
fn a_one_language_file_shows_the_same_texts_in_that_language_and_is_smaller() {
    for pack in all_packs() {
        let all = pack.to_bytes().len();
        for lang in ["fr", "en", "ar", "de"] {
            let bytes = pack.to_bytes_in(lang);
            let one = Pack::from_bytes(&bytes).unwrap();
            assert_eq!(seen(&one, lang), seen(pack, lang), "{} in {lang}", pack.id);
            assert_eq!(
                (&one.questions.len(), &one.aids.len()),
                (&pack.questions.len(), &pack.aids.len())
            );
            if pack.languages.len() > 1 {
                assert!(
                    bytes.len() < all,
                    "{} in {lang}: {} bytes, all languages {all}",
                    pack.id,
                    bytes.len()
                );
            }
        }
    }
}

#[test]
fn the_binary_form_is_smaller_than_the_json_one() {
    // Compressed, both are about the same (the texts dominate): the gain is the code the browser no
    // longer needs. Raw, the binary form must at least not be larger.
    for path in common::repo_packs() {
        let loaded = common::load(&path);
        let (bytes, json) = (
            loaded.pack.to_bytes().len(),
            serde_json::to_string(&loaded.merged).unwrap().len(),
        );
        assert!(
            bytes < json,
            "{}: {bytes} bytes, JSON {json}",
            path.display()
        );
    }
}

#[test]
fn a_file_cut_anywhere_is_refused_as_damaged() {
    let bytes = demo_bytes();
    for end in 6..bytes.len() {
        match Pack::from_bytes(&bytes[..end]) {
            Err(DecodeError::Damaged(at)) => assert!(at <= end, "cut at {end}: byte {at}"),
            other => panic!("cut at {end}: {other:?}"),
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        Pack::from_bytes(&longer),
        Err(DecodeError::Damaged(bytes.len()))
    );
}

#[test]
fn text_and_other_versions_are_named() {
    assert_eq!(
        Pack::from_bytes(b"{\"pack\": {}}"),
        Err(DecodeError::NotAPack)
    );
    assert_eq!(Pack::from_bytes(b""), Err(DecodeError::NotAPack));
    let mut other = demo_bytes();
    other[5] = 9;
    assert_eq!(Pack::from_bytes(&other), Err(DecodeError::OtherVersion(9)));
    let message = DecodeError::OtherVersion(9).to_string();
    assert!(
        message.contains("format 9") && message.contains("eligo-rules build"),
        "{message}"
    );
}

/// The position just after `marker` in `bytes`.
fn after(bytes: &[u8], marker: &[u8]) -> usize {
    bytes
        .windows(marker.len())
        .position(|w| w == marker)
        .expect("the marker is in the bytes")
        + marker.len()
}

/// The demo pack with one expression node replaced, written out: a hand-made file.
fn with_first_criterion(node_bytes: &[u8]) -> Vec<u8> {
    // Mark the criterion's `when` text, find it in the bytes, then replace the node after its label.
    let mut pack = common::demo_pack();
    let marker_pack = {
        let aid = pack
            .aids
            .iter_mut()
            .find(|a| !a.criteria.is_empty())
            .unwrap();
        aid.criteria[0].when = "MARKER_BEFORE_NODE".into();
        pack.clone()
    };
    let bytes = marker_pack.to_bytes();
    let at = after(&bytes, b"MARKER_BEFORE_NODE");
    // After `when` comes the label (a Text), then the node: skip the label by reading it back.
    let label = &marker_pack
        .aids
        .iter()
        .find(|a| !a.criteria.is_empty())
        .unwrap()
        .criteria[0]
        .label;
    let label_len = label_bytes(label).len();
    let node_at = at + label_len;
    let old_len = node_len(&bytes[node_at..]);
    let mut out = bytes[..node_at].to_vec();
    out.extend_from_slice(node_bytes);
    out.extend_from_slice(&bytes[node_at + old_len..]);
    out
}

fn label_bytes(text: &eligo_engine::Text) -> Vec<u8> {
    // A Text is its (language, text) pairs: count, then length-prefixed strings (all short here).
    let pairs: Vec<(&str, &str)> = text.languages().map(|l| (l, text.get(l))).collect();
    let mut out = vec![pairs.len() as u8];
    for (l, t) in pairs {
        for s in [l, t] {
            assert!(s.len() < 128);
            out.push(s.len() as u8);
            out.extend_from_slice(s.as_bytes());
        }
    }
    out
}

/// Length of the encoded node at the start of `bytes`, following the writer's layout for the tags
/// the demo pack uses (see `engine/src/codec.rs`).
fn node_len(bytes: &[u8]) -> usize {
    fn len(b: &[u8]) -> usize {
        match b[0] {
            3 => 1,
            1 => 2,
            0 => 1 + varint(&b[1..]) + varint(&b[1 + varint(&b[1..])..]) + 1,
            4..=6 => 1 + varint(&b[1..]),
            7 | 14 | 18..=20 => 1 + len(&b[1..]),
            8 | 9 => {
                let a = len(&b[1..]);
                1 + a + len(&b[1 + a..])
            }
            10 | 13 => {
                let a = len(&b[2..]);
                2 + a + len(&b[2 + a..])
            }
            11 => {
                let mut at = 1 + varint(&b[1..]);
                let n = b[at] as usize;
                at += 1;
                for _ in 0..n {
                    at += 1 + b[at] as usize;
                }
                at + 1
            }
            12 => {
                let at = 1 + varint(&b[1..]);
                at + 1 + b[at] as usize
            }
            tag => panic!("tag {tag} not used by the demo's first criterion"),
        }
    }
    fn varint(b: &[u8]) -> usize {
        b.iter().position(|x| x & 0x80 == 0).unwrap() + 1
    }
    len(bytes)
}

#[test]
fn the_splicing_helper_rebuilds_the_same_pack() {
    // `true` spliced in reads back as a valid pack: the helper itself is right.
    let bytes = with_first_criterion(&[1, 1]);
    assert!(Pack::from_bytes(&bytes).is_ok());
}

#[test]
fn references_outside_the_pack_are_refused() {
    for node in [[4u8, 120], [5, 120], [6, 120]] {
        match Pack::from_bytes(&with_first_criterion(&node)) {
            Err(DecodeError::Inconsistent(why)) => {
                assert!(why.contains("not in the pack"), "{why}")
            }
            other => panic!("{node:?}: {other:?}"),
        }
    }
}

#[test]
fn expressions_nested_too_deep_are_refused() {
    let mut node = vec![7u8; 10_000];
    node.extend_from_slice(&[1, 1]);
    assert!(matches!(
        Pack::from_bytes(&with_first_criterion(&node)),
        Err(DecodeError::Damaged(_))
    ));
}

#[test]
fn a_circular_definition_is_refused() {
    let mut pack = common::demo_pack();
    let d = pack
        .derived
        .iter()
        .position(|_| true)
        .expect("the demo pack has a derived value");
    // Make the derived value read itself, through the binary form only (the compiler refuses it).
    pack.derived[d].formula = "CYCLE_MARKER".into();
    let bytes = pack.to_bytes();
    let at = after(&bytes, b"CYCLE_MARKER");
    // After the formula: round (Option), then the node.
    let round_len = if bytes[at] == 0 { 1 } else { 2 };
    let node_at = at + round_len;
    let old = node_len(&bytes[node_at..]);
    let mut out = bytes[..node_at].to_vec();
    out.extend_from_slice(&[5, d as u8]);
    out.extend_from_slice(&bytes[node_at + old..]);
    match Pack::from_bytes(&out) {
        Err(DecodeError::Inconsistent(why)) => assert!(why.contains("circular"), "{why}"),
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Any byte changed anywhere: read or refused, never a panic.
    #[test]
    fn altered_bytes_never_panic(at in 0usize..100_000, value in any::<u8>(), cut in 0usize..100_000) {
        let mut bytes = demo_bytes();
        let at = at % bytes.len();
        bytes[at] = value;
        let cut = cut % (bytes.len() + 1);
        let _ = Pack::from_bytes(&bytes[..cut.max(at)]);
        let _ = Pack::from_bytes(&bytes);
    }
}

#[test]
fn a_one_language_file_leaves_the_rules_as_written_out_and_passes_the_same_cases() {
    use eligo_engine::cases::{load_cases, run_case};
    for path in common::repo_packs() {
        let loaded = common::load(&path);
        let cases = load_cases(&path.with_file_name("cases.toml")).unwrap();
        for lang in ["fr", "ar"] {
            let one = Pack::from_bytes(&loaded.pack.to_bytes_in(lang)).unwrap();
            let written: usize = one
                .aids
                .iter()
                .flat_map(|a| a.criteria.iter().map(|c| c.when.len()))
                .chain(one.derived.iter().map(|d| d.formula.len()))
                .chain(
                    one.questions
                        .iter()
                        .filter_map(|q| q.ask_if.as_ref().map(String::len)),
                )
                .sum();
            assert_eq!(written, 0, "{}: rules as written left in", one.id);
            for case in &cases {
                let outcome = run_case(&one, case);
                assert!(
                    outcome.failures.is_empty(),
                    "{} in {lang}: {}: {:?}",
                    one.id,
                    outcome.name,
                    outcome.failures
                );
            }
        }
    }
}
