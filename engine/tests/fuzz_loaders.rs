//! Arbitrary and mutated text fed to the TOML loader and the binary decoder: errors, never a panic.
//! Fixed budget: 75 000 arbitrary texts (each also behind a valid [pack] header) and 25 000
//! mutations of a valid pack: 175 000 loads, about a minute in debug, seconds in release.

mod common;

use eligo_engine::Pack;
use eligo_engine::toml_source::load_pack_with;
use proptest::prelude::*;

const COMMON: &str = include_str!("fixtures/demo/common.toml");
const PACK: &str = include_str!("fixtures/demo/pack.toml");

fn load_all(text: &str) {
    let _ = load_pack_with("fuzz.toml", text, &mut |_| {
        Ok(("common.toml".to_string(), COMMON.to_string()))
    });
    let _ = Pack::from_bytes(text.as_bytes());
}

fn toml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(
            "[]{}=\"'.,#\n \t-_:+0123456789abcdefghijklmnopqrstuvwxyz<>()!".chars().collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 75_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(chars in prop::collection::vec(toml_char(), 0..120)) {
        let text: String = chars.into_iter().collect();
        load_all(&text);
        load_all(&format!("[pack]\nid = \"x\"\nversion = \"1\"\nlanguages = [\"fr\"]\n{text}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 25_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pack_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, toml_char()), 1..4)) {
        let mut chars: Vec<char> = PACK.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(chars.len().max(1));
            match kind {
                0 if !chars.is_empty() => { chars.remove(i.min(chars.len() - 1)); }
                1 => chars.insert(i.min(chars.len()), c),
                _ => if let Some(x) = chars.get_mut(i) { *x = c },
            }
        }
        let text: String = chars.into_iter().collect();
        load_all(&text);
    }
}

#[test]
fn expressions_never_panic_on_odd_input() {
    for text in [
        "(((((",
        "'",
        "\"",
        "1.2.3",
        "2026-13-45",
        "9999999999999999999999999999999",
        "a in",
        "has",
        "max()",
        "if(1)",
        "not",
        "-",
        "1/0",
        "é < ü",
        "\u{0}",
        "[[[[",
        "today - today",
    ] {
        let _ = eligo_engine::expr::parser::parse(text);
    }
}
