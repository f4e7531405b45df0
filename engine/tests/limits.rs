//! Issue 19: the limits of `eligo_engine::limits` hold together. Packs generated near every limit
//! are accepted exactly when they are within all of them, and whatever the checker accepts also
//! builds, reads back equal (all languages and one) and evaluates on a stack as small as the
//! browser's, without overflow. Very long chains are refused with a clear message, by `check` and
//! by `explain`, without aborting.

mod common;

use eligo_engine::limits::{
    MAX_CHAIN, MAX_EXPR_CHARS, MAX_EXPR_DEPTH, MAX_EXPR_NESTING, MAX_ITEMS, MAX_LIST,
    MAX_TEXT_CHARS,
};
use eligo_engine::toml_source::load_pack_with;
use eligo_engine::{Answer, Answers, Date, Decimal, Pack, PackErrors, evaluate};
use proptest::prelude::*;
use std::process::Command;

/// How far a generated pack goes towards each limit.
#[derive(Clone, Debug)]
struct Shape {
    /// Values in the chain of derived values, the question it starts from included.
    chain: usize,
    /// Terms joined by `+` in the first derived value's formula.
    sum_terms: usize,
    /// Conditions joined by `and` in a criterion.
    and_terms: usize,
    /// Parentheses around a condition.
    parens: usize,
    /// Characters of an aid's summary.
    text: usize,
    /// Options of a several-of question.
    options: usize,
    /// Characters of a criterion's condition.
    expr_chars: usize,
}

impl Shape {
    fn within_limits(&self) -> bool {
        self.chain <= MAX_CHAIN
            && self.sum_terms <= MAX_EXPR_DEPTH
            && self.and_terms <= MAX_EXPR_DEPTH
            // The parser counts the expression itself as a level of nesting.
            && self.parens < MAX_EXPR_NESTING
            && self.text <= MAX_TEXT_CHARS
            && self.options <= MAX_LIST
            && self.expr_chars <= MAX_EXPR_CHARS
    }
}

const HEADER: &str = r#"
[pack]
id = "limits"
version = "test"
languages = ["fr", "en"]

[territory]
name = { fr = "Démoville", en = "Demotown" }
insee = "99999"

[[place]]
id = "ccas"
name = { fr = "CCAS", en = "Social services" }
website = "https://example.org"

[[question]]
id = "age"
type = "integer"
label = { fr = "Âge", en = "Age" }

[[question]]
id = "ok"
type = "yes_no"
label = { fr = "D'accord ?", en = "Agreed?" }

[safety]
title = { fr = "Violences : être aidé·e", en = "Violence: getting help" }
intro = { fr = "Des numéros gratuits.", en = "Free numbers." }
contacts = [{ number = "3919", label = { fr = "Violences Femmes Info", en = "Women's helpline" } }]

[[next_step]]
id = "ccas"
text = { fr = "Parlez de votre situation au CCAS.", en = "Talk about your situation to the CCAS." }
number = "0000"
"#;

fn pack_text(s: &Shape) -> String {
    let mut t = HEADER.to_string();
    t.push_str("\n[[question]]\nid = \"receives\"\ntype = \"several_of\"\nlabel = { fr = \"Aides\", en = \"Benefits\" }\noptions = [\n");
    for i in 0..s.options {
        let exclusive = if i == 0 { "exclusive = true, " } else { "" };
        t.push_str(&format!(
            "  {{ id = \"o{i}\", {exclusive}label = {{ fr = \"Option {i}\", en = \"Option {i}\" }} }},\n"
        ));
    }
    t.push_str("]\n");
    // d0 reads the question, each next value the one before: `chain` values with the question.
    let derived = s.chain.saturating_sub(1).max(1);
    for i in 0..derived {
        let formula = if i == 0 {
            std::iter::once("age")
                .chain(std::iter::repeat_n("1", s.sum_terms.saturating_sub(1)))
                .collect::<Vec<_>>()
                .join(" + ")
        } else {
            format!("d{} + 1", i - 1)
        };
        t.push_str(&format!(
            "\n[[derived]]\nid = \"d{i}\"\ntype = \"number\"\nlabel = {{ fr = \"Étape\", en = \"Step\" }}\nformula = \"{formula}\"\n"
        ));
    }
    let and_chain = vec!["ok"; s.and_terms.max(1)].join(" and ");
    let parens = format!("{}ok{}", "(".repeat(s.parens), ")".repeat(s.parens));
    let padded = format!(
        "age{}>= 0",
        " ".repeat(s.expr_chars.saturating_sub(7).max(1))
    );
    t.push_str(&format!(
        r#"
[[aid]]
id = "aid"
name = {{ fr = "Aide", en = "Aid" }}
institution = {{ fr = "CCAS", en = "CCAS" }}
summary = {{ fr = "{}", en = "An aid." }}
places = ["ccas"]
sources = [{{ title = "Délibération", url = "https://example.org/d", verified = 2026-11-23 }}]

[[aid.criterion]]
when = "d{} > 0"
label = {{ fr = "Chaîne", en = "Chain" }}

[[aid.criterion]]
when = "{and_chain}"
label = {{ fr = "Et", en = "And" }}

[[aid.criterion]]
when = "{parens}"
label = {{ fr = "Parenthèses", en = "Parentheses" }}

[[aid.criterion]]
when = "{padded}"
label = {{ fr = "Long", en = "Long" }}

[[aid.advice]]
when = "receives has 'o0'"
text = {{ fr = "Conseil", en = "Advice" }}

[aid.amount]
formula = "d{} * 2"
period = "month"
"#,
        "a".repeat(s.text),
        derived - 1,
        derived - 1,
    ));
    t
}

fn load(text: &str) -> Result<Pack, PackErrors> {
    load_pack_with("limits.toml", text, &mut |_| Err("no include".into())).map(|l| l.pack)
}

/// The browser's stack is 1 MiB (Rust's default for wasm32); a native debug build uses larger
/// frames than an optimised wasm one, so passing here leaves a margin.
const SMALL_STACK: usize = 1 << 20;

fn evaluates_on_a_small_stack(pack: Pack) {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let today = Date::new(2026, 10, 1).unwrap();
            let mut sets = vec![Answers::new()];
            let mut some = Answers::new();
            some.set("age", Answer::Number(Decimal::from(30)));
            some.set("ok", Answer::YesNo(true));
            sets.push(some.clone());
            some.set("receives", Answer::SeveralOf(vec!["o0".into()]));
            sets.push(some);
            let mut unknown = Answers::new();
            unknown.set("age", Answer::DontKnow);
            sets.push(unknown);
            for answers in &sets {
                let report = evaluate(&pack, answers, today);
                assert_eq!(report.aids.len(), pack.aids.len());
            }
        })
        .unwrap()
        .join()
        .expect("evaluation within a 1 MiB stack");
}

fn near(limit: usize) -> impl Strategy<Value = usize> {
    (limit.saturating_sub(3))..=(limit + 2)
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop_oneof![near(MAX_CHAIN), 1..MAX_CHAIN],
        prop_oneof![near(MAX_EXPR_DEPTH), 1..MAX_EXPR_DEPTH],
        prop_oneof![near(MAX_EXPR_DEPTH), 1..MAX_EXPR_DEPTH],
        prop_oneof![near(MAX_EXPR_NESTING), 0..MAX_EXPR_NESTING],
        prop_oneof![near(MAX_TEXT_CHARS), 1..100usize],
        prop_oneof![near(MAX_LIST), 1..10usize],
        prop_oneof![near(MAX_EXPR_CHARS), 8..100usize],
    )
        .prop_map(
            |(chain, sum_terms, and_terms, parens, text, options, expr_chars)| Shape {
                chain,
                sum_terms,
                and_terms,
                parens,
                text,
                options,
                expr_chars,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Accepted exactly within the limits; what is accepted builds, reads back equal in every
    /// form the app reads, and evaluates on a small stack.
    #[test]
    fn what_check_accepts_builds_reads_back_and_evaluates(shape in shape()) {
        let text = pack_text(&shape);
        match load(&text) {
            Ok(pack) => {
                prop_assert!(shape.within_limits(), "accepted beyond a limit: {shape:?}");
                let bytes = pack.to_bytes();
                let read = Pack::from_bytes(&bytes);
                prop_assert_eq!(read.as_ref(), Ok(&pack));
                for lang in ["fr", "en"] {
                    prop_assert!(Pack::from_bytes(&pack.to_bytes_in(lang)).is_ok());
                }
                evaluates_on_a_small_stack(pack);
            }
            Err(errors) => {
                prop_assert!(!shape.within_limits(), "refused within the limits: {shape:?}: {errors}");
                for e in &errors.0 {
                    let shown = e.to_string();
                    prop_assert!(e.line.is_some(), "{shown}");
                    prop_assert!(shown.contains("limit") || shown.contains("longer than"), "{shown}");
                    prop_assert!(!shown.contains("Some(") && !shown.contains("::"), "{shown}");
                }
            }
        }
    }
}

fn chain_pack(links: usize) -> String {
    pack_text(&Shape {
        chain: links + 1,
        sum_terms: 2,
        and_terms: 2,
        parens: 1,
        text: 10,
        options: 2,
        expr_chars: 10,
    })
}

/// Chains of 1 100 and 20 000 derived values: refused by the checker, with the limit named, and
/// `explain` on them says so and exits 1, never aborting on a stack overflow.
#[test]
fn long_chains_are_refused_by_check_and_explain() {
    let dir = std::env::temp_dir().join(format!("eligo-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("answers.toml");
    std::fs::write(
        &answers,
        "date = 2026-10-01\n[answers]\nage = 30\nok = true\n",
    )
    .unwrap();
    for (links, message) in [
        (1_100, format!("more than the limit of {MAX_CHAIN}")),
        (20_000, format!("more than the limit of {MAX_ITEMS}")),
    ] {
        let text = chain_pack(links);
        let errors = load(&text).unwrap_err();
        assert!(
            errors.0.iter().any(|e| e.message.contains(&message)),
            "{links}: {errors}"
        );
        let path = dir.join(format!("chain-{links}.toml"));
        std::fs::write(&path, &text).unwrap();
        for args in [
            vec!["check", path.to_str().unwrap()],
            vec!["explain", path.to_str().unwrap(), answers.to_str().unwrap()],
            vec!["build", path.to_str().unwrap(), "-o", "/dev/null"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_eligo-rules"))
                .args(&args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.contains(&message), "{args:?}: {stderr}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A chain exactly at the limit is accepted, and `check`, `build`, reading back and `explain` all
/// succeed on it.
#[test]
fn a_chain_at_the_limit_goes_through_every_command() {
    let dir = std::env::temp_dir().join(format!("eligo-limits-ok-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chain.toml");
    std::fs::write(&path, chain_pack(MAX_CHAIN - 1)).unwrap();
    let answers = dir.join("answers.toml");
    std::fs::write(
        &answers,
        "date = 2026-10-01\n[answers]\nage = 30\nok = true\n",
    )
    .unwrap();
    let built = dir.join("chain.pack");
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec![
            "build",
            path.to_str().unwrap(),
            "-o",
            built.to_str().unwrap(),
        ],
        vec!["explain", path.to_str().unwrap(), answers.to_str().unwrap()],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_eligo-rules"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let pack = Pack::from_bytes(&std::fs::read(&built).unwrap()).unwrap();
    evaluates_on_a_small_stack(pack);
    std::fs::remove_dir_all(&dir).ok();
}

/// Item counts: at the limit accepted, one more refused, naming the section and the limit.
#[test]
fn item_counts_stop_at_the_limit() {
    for (n, accepted) in [(MAX_ITEMS, true), (MAX_ITEMS + 1, false)] {
        let mut text = chain_pack(1);
        for i in 1..n {
            text.push_str(&format!(
                "\n[[place]]\nid = \"p{i}\"\nname = {{ fr = \"Lieu\", en = \"Place\" }}\n"
            ));
        }
        match load(&text) {
            Ok(pack) => {
                assert!(accepted, "{n} places accepted");
                assert_eq!(Pack::from_bytes(&pack.to_bytes()).as_ref(), Ok(&pack));
            }
            Err(e) => {
                assert!(!accepted, "{n} places refused: {e}");
                assert!(
                    e.to_string()
                        .contains(&format!("{n} places, more than the limit of {MAX_ITEMS}")),
                    "{e}"
                );
            }
        }
    }
}

/// The repository's packs use a small part of each limit: the limits cost them nothing.
#[test]
fn real_packs_are_far_within_the_limits() {
    for pack in common::all_packs() {
        assert!(pack.questions.len() * 10 < MAX_ITEMS, "{}", pack.id);
        assert!(pack.aids.len() * 10 < MAX_ITEMS, "{}", pack.id);
        let bytes = pack.to_bytes().len();
        assert!(
            bytes * 10 < eligo_engine::limits::MAX_PACK_BYTES,
            "{}: {bytes}",
            pack.id
        );
    }
}

/// Every limit at once, exactly reached: accepted; then each one passed by one: refused.
#[test]
fn each_limit_is_exact() {
    let at_limit = Shape {
        chain: MAX_CHAIN,
        sum_terms: MAX_EXPR_DEPTH,
        and_terms: MAX_EXPR_DEPTH,
        parens: MAX_EXPR_NESTING - 1,
        text: MAX_TEXT_CHARS,
        options: MAX_LIST,
        expr_chars: MAX_EXPR_CHARS,
    };
    assert!(at_limit.within_limits());
    let pack = load(&pack_text(&at_limit)).unwrap_or_else(|e| panic!("{e}"));
    evaluates_on_a_small_stack(pack);
    let over: [fn(&mut Shape); 7] = [
        |s| s.chain += 1,
        |s| s.sum_terms += 1,
        |s| s.and_terms += 1,
        |s| s.parens += 1,
        |s| s.text += 1,
        |s| s.options += 1,
        |s| s.expr_chars += 1,
    ];
    for (i, change) in over.iter().enumerate() {
        let mut shape = at_limit.clone();
        change(&mut shape);
        assert!(!shape.within_limits());
        let errors = load(&pack_text(&shape)).expect_err(&format!("limit {i} passed"));
        assert_eq!(errors.0.len(), 1, "limit {i}: {errors}");
    }
}
