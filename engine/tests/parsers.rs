//! The answer parsers (`Question::parse_input`) over arbitrary text, for every question of the demo fixture
//! (which has a date question) and of every pack of the repository: never a panic; what is accepted is
//! within the question's bounds and of its kind; an amount written the French way (thousands grouped with
//! spaces, decimal comma, euro sign), or with Arabic-Indic digits, reads back as the same value.
//! Fixed budget: 30 000 arbitrary texts + 10 000 amounts + 5 000 dates, a few seconds in debug.

mod common;

use eligo_engine::input::ABSURD_AMOUNT;
use eligo_engine::schema::{Bound, QuestionKind};
use eligo_engine::{Answer, Date, Decimal, InputError, Question};
use proptest::prelude::*;
use std::sync::OnceLock;

use common::all_packs as packs;

/// Every question of every pack.
fn questions() -> &'static Vec<&'static Question> {
    static QUESTIONS: OnceLock<Vec<&'static Question>> = OnceLock::new();
    QUESTIONS.get_or_init(|| packs().iter().flat_map(|p| p.questions.iter()).collect())
}

fn question_of(kind: QuestionKind) -> &'static Question {
    questions()
        .iter()
        .find(|q| q.kind == kind)
        .unwrap_or_else(|| panic!("a {kind:?} question"))
}

fn today() -> Date {
    Date::new(2026, 10, 1).unwrap()
}

/// Characters people type or paste into a field, and anything else now and then.
fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::sample::select(
            "0123456789 ,.-+€$eExX/\u{a0}\u{202f}\u{2009}\u{2212}'٠١٢٣٤٥٦٧٨٩٫٬۱۲∞NaNInfinityoui nonyes"
                .chars()
                .collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ]
}

fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(typed_char(), 0..48).prop_map(|c| c.into_iter().collect()),
        1 => (any::<char>(), 0..12_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// What an accepted answer must respect.
fn check_accepted(question: &Question, answer: &Answer, today: Date) {
    match (question.kind, answer) {
        (QuestionKind::Integer | QuestionKind::Money, Answer::Number(n)) => {
            if let Some(Bound::Number(min)) = question.min {
                assert!(*n >= min, "{}: {n} < {min}", question.id);
            } else {
                assert!(!n.is_sign_negative() || n.is_zero(), "{}: {n}", question.id);
            }
            if let Some(Bound::Number(max)) = question.max {
                assert!(*n <= max, "{}: {n} > {max}", question.id);
            }
            assert!(
                n.abs() <= Decimal::from(ABSURD_AMOUNT),
                "{}: {n}",
                question.id
            );
            if question.kind == QuestionKind::Integer {
                assert!(n.fract().is_zero(), "{}: {n} is not whole", question.id);
            } else {
                assert!(
                    n.normalize().scale() <= 2,
                    "{}: {n} has cents of cents",
                    question.id
                );
            }
        }
        (QuestionKind::Date, Answer::Date(d)) => {
            assert!(d.year() >= 1900, "{}: {d}", question.id);
            if question.max == Some(Bound::Today) {
                assert!(*d <= today, "{}: {d} is in the future", question.id);
            }
        }
        (QuestionKind::YesNo, Answer::YesNo(_)) => {}
        (QuestionKind::OneOf, Answer::OneOf(o)) => {
            assert!(
                question.options.iter().any(|c| c.id == *o),
                "{}: {o}",
                question.id
            );
        }
        (QuestionKind::SeveralOf, Answer::SeveralOf(os)) => {
            for (i, o) in os.iter().enumerate() {
                assert!(
                    question.options.iter().any(|c| c.id == *o),
                    "{}: {o}",
                    question.id
                );
                assert!(!os[..i].contains(o), "{}: {o} twice", question.id);
                assert!(
                    os.len() == 1 || !question.is_exclusive(o),
                    "{}: exclusive {o} with others",
                    question.id
                );
            }
        }
        (kind, answer) => panic!("{}: a {kind:?} question gave {answer:?}", question.id),
    }
}

/// `cents` as a French amount: `1 234 567,89 €`, thousands grouped with `sep`.
fn french(cents: i64, sep: &str, euro: bool) -> String {
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push_str(sep);
        }
        grouped.push(digit);
    }
    let mut text = format!("{grouped},{:02}", cents % 100);
    if euro {
        text.push_str("\u{a0}€");
    }
    text
}

fn arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x660 + d).unwrap(),
            None if c == ',' => '\u{66b}',
            None => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_what_is_accepted_fits_the_question(
        index in any::<prop::sample::Index>(),
        text in typed_text(),
    ) {
        let question = index.get(questions());
        if let Ok(answer) = question.parse_input(&text, today()) {
            check_accepted(question, &answer, today());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_french_amount_reads_back_as_the_same_value(
        cents in 0i64..=10_000_000,
        sep in proptest::sample::select(vec![" ", "\u{a0}", "\u{202f}", ""]),
        euro in any::<bool>(),
    ) {
        let money = question_of(QuestionKind::Money);
        let value = Decimal::new(cents, 2);
        let text = french(cents, sep, euro);
        prop_assert_eq!(money.parse_input(&text, today()), Ok(Answer::Number(value)), "{}", text);
        let arabic = arabic_indic(&text);
        prop_assert_eq!(money.parse_input(&arabic, today()), Ok(Answer::Number(value)), "{}", arabic);
        // Grouped the English way (`1,234.50`) or with dots (`1.234,50`), and the whole euros only
        // (`12,000`): the same value (issue 19).
        let english = french(cents, ",", false);
        let english = match english.rsplit_once(',') {
            Some((int, frac)) => format!("{int}.{frac}"),
            None => english,
        };
        prop_assert_eq!(money.parse_input(&english, today()), Ok(Answer::Number(value)), "{}", english);
        let dotted = french(cents, ".", false);
        prop_assert_eq!(money.parse_input(&dotted, today()), Ok(Answer::Number(value)), "{}", dotted);
        let whole = french(cents - cents % 100, ",", false);
        let whole = whole.strip_suffix(",00").unwrap_or(&whole).to_string();
        prop_assert_eq!(money.parse_input(&whole, today()), Ok(Answer::Number(Decimal::new(cents / 100, 0))), "{}", whole);
        // And what the app shows back (`Decimal`'s text, with a comma) reads back too.
        let shown = value.to_string().replace('.', ",");
        prop_assert_eq!(money.parse_input(&shown, today()), Ok(Answer::Number(value)), "{}", shown);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_date_written_day_first_reads_back_or_is_refused_for_its_range(days in 0i64..80_000) {
        let question = question_of(QuestionKind::Date);
        let Some(date) = Date::from_days_since_epoch(days - 30_000) else { return Ok(()) };
        let iso = date.to_string();
        let (y, rest) = iso.split_once('-').unwrap();
        let (m, d) = rest.split_once('-').unwrap();
        let text = format!("{d}/{m}/{y}");
        let parsed = question.parse_input(&text, today());
        if date.year() < 1900 {
            prop_assert_eq!(parsed, Err(InputError::DateBefore1900));
        } else if date > today() {
            prop_assert_eq!(parsed, Err(InputError::DateInFuture));
        } else {
            prop_assert_eq!(parsed, Ok(Answer::Date(date)));
        }
    }
}

/// Bad input a resident could type, one row each: what the engine says (the app translates it).
#[test]
fn bad_input_table() {
    let today = today();
    let demo = common::demo_pack();
    let q = |id: &str| demo.question(id).unwrap_or_else(|| panic!("{id}"));
    let long = "9".repeat(10_000);
    let huge = "9".repeat(35);
    let huge_negative = format!("-{huge}");
    let rows: Vec<(&str, &str, InputError)> = vec![
        ("monthly_resources", "douze", InputError::NotANumber),
        ("monthly_resources", "1e9", InputError::NotANumber),
        ("monthly_resources", "0x10", InputError::NotANumber),
        ("monthly_resources", "NaN", InputError::NotANumber),
        ("monthly_resources", "∞", InputError::NotANumber),
        ("monthly_resources", "12,3456", InputError::TooManyDecimals),
        ("monthly_resources", "0,500", InputError::TooManyDecimals),
        ("monthly_resources", "-5", InputError::Negative),
        ("monthly_resources", "\u{2212}5", InputError::Negative),
        ("monthly_resources", "2 000 000", InputError::Absurd),
        // Beyond what a decimal holds: said as large, like any number over the cap, not "not a number".
        ("monthly_resources", &huge, InputError::Absurd),
        ("monthly_resources", &huge_negative, InputError::Negative),
        (
            "age",
            &huge,
            InputError::AboveMax {
                max: Decimal::from(120),
            },
        ),
        ("monthly_resources", "  ", InputError::Empty),
        ("monthly_resources", "€", InputError::Empty),
        ("monthly_resources", &long, InputError::TooLong),
        ("age", "20,5", InputError::NotWhole),
        ("birth_date", "31/02/2005", InputError::BadDate),
        ("birth_date", "2005-13-01", InputError::BadDate),
        ("birth_date", "00/00/0000", InputError::BadDate),
        ("birth_date", "hier", InputError::BadDate),
        ("birth_date", "1e9", InputError::BadDate),
        ("birth_date", "01/01/1899", InputError::DateBefore1900),
        ("birth_date", "02/10/2026", InputError::DateInFuture),
        ("birth_date", "01/01/3000", InputError::DateInFuture),
        ("birth_date", &long, InputError::DateTooLong),
        ("birth_date", "", InputError::Empty),
    ];
    for (id, text, expected) in rows {
        let shown: String = text.chars().take(20).collect();
        assert_eq!(
            q(id).parse_input(text, today),
            Err(expected),
            "{id}: {shown}"
        );
    }
    assert_eq!(
        q("monthly_resources").parse_input("١٢٣", today),
        Ok(Answer::Number(Decimal::from(123)))
    );
}

/// Issue 19: amounts as French and English residents write them, each read as intended (the value
/// and its scale as typed) or refused with the error the app turns into a message. A lone `,` or
/// `.` before three digits groups thousands in an amount or a count (nobody writes three decimals
/// there); see `eligo_engine::decimal_input::parse_number` for the rule and why.
#[test]
fn amount_spellings_table() {
    use std::str::FromStr;
    let today = today();
    let demo = common::demo_pack();
    let money = demo.question("monthly_resources").unwrap();
    let age = demo.question("age").unwrap();
    let ok = |s: &str| Ok(Answer::Number(Decimal::from_str(s).unwrap()));
    let rows: Vec<(&Question, &str, Result<Answer, InputError>)> = vec![
        // Thousands groups, French and English.
        (money, "1 000", ok("1000")),
        (money, "1\u{a0}000", ok("1000")),
        (money, "1\u{202f}000", ok("1000")),
        (money, "1 000,50", ok("1000.50")),
        (money, "1 000,50 €", ok("1000.50")),
        (money, "1.000,50", ok("1000.50")),
        (money, "1,000.50", ok("1000.50")),
        (money, "1,000", ok("1000")),
        (money, "1.000", ok("1000")),
        (money, "1.500", ok("1500")),
        (money, "12,000", ok("12000")),
        (money, "12.000", ok("12000")),
        (money, "100,000", ok("100000")),
        (money, "1.000.000", ok("1000000")),
        (money, "1,000,000", ok("1000000")),
        (money, "1'000", ok("1000")),
        (money, "€1,000", ok("1000")),
        (money, "1,000 EUR", ok("1000")),
        (money, "1.234.567,89", Err(InputError::Absurd)),
        // Decimals: one or two digits after a lone separator.
        (money, "1,5", ok("1.5")),
        (money, "1.5", ok("1.5")),
        (money, "1,50", ok("1.50")),
        (money, "1.50", ok("1.50")),
        (money, "450", ok("450")),
        (money, "450,00", ok("450.00")),
        (money, "1163,08", ok("1163.08")),
        (money, "0,5", ok("0.5")),
        (money, "0", ok("0")),
        // Trailing zeros count: three decimals are refused, never dropped.
        (money, "0,500", Err(InputError::TooManyDecimals)),
        (money, "1000,000", Err(InputError::TooManyDecimals)),
        (money, "12,3456", Err(InputError::TooManyDecimals)),
        (money, "1,2345", Err(InputError::TooManyDecimals)),
        // Malformed groups.
        (money, "1,00,000", Err(InputError::NotANumber)),
        (money, "1.00.000", Err(InputError::NotANumber)),
        (money, "1.000,5.0", Err(InputError::NotANumber)),
        (money, "1,000.000,5", Err(InputError::NotANumber)),
        (money, ",50", Err(InputError::NotANumber)),
        (money, "50,", Err(InputError::NotANumber)),
        (money, "1 000 000,01", Err(InputError::Absurd)),
        (money, "-1 000", Err(InputError::Negative)),
        // Arabic-Indic and Persian digits, the Arabic separators.
        (money, "١٬٠٠٠", ok("1000")),
        (money, "١٠٠٠٫٥٠", ok("1000.50")),
        (money, "١٫٥", ok("1.5")),
        (money, "١,٠٠٠", ok("1000")),
        (money, "۱۲۰۰", ok("1200")),
        (money, "۱٬۲۰۰٫۵", ok("1200.5")),
        // Counts: the same reading, then their own checks.
        (age, "20", ok("20")),
        (age, "٢٠", ok("20")),
        (
            age,
            "1,000",
            Err(InputError::AboveMax {
                max: Decimal::from(120),
            }),
        ),
        (age, "20,5", Err(InputError::NotWhole)),
        (age, "20,0", ok("20.0")),
    ];
    assert!(rows.len() >= 40);
    for (question, text, expected) in rows {
        let got = question.parse_input(text, today);
        assert_eq!(got, expected, "{}: {text:?}", question.id);
        // The scale as typed is kept (the recap can show "1 000,50 €").
        if let (Ok(Answer::Number(g)), Ok(Answer::Number(e))) = (&got, &expected) {
            assert_eq!(g.scale(), e.scale(), "{text:?}");
        }
    }
}

/// Dates in Arabic-Indic and Persian digits, and a too-long date answer named as a date problem.
#[test]
fn dates_with_eastern_digits_and_too_long_dates() {
    let today = today();
    let demo = common::demo_pack();
    let birth = demo.question("birth_date").unwrap();
    let date = |s: &str| Ok(Answer::Date(Date::parse(s).unwrap()));
    for (text, expected) in [
        ("٢٥/١٢/٢٠٠٥", date("2005-12-25")),
        ("۲۵/۱۲/۲۰۰۵", date("2005-12-25")),
        ("٢٠٠٥-١٢-٢٥", date("2005-12-25")),
        ("25/12/2005", date("2005-12-25")),
        ("٣١/٠٢/٢٠٠٥", Err(InputError::BadDate)),
    ] {
        assert_eq!(birth.parse_input(text, today), expected, "{text}");
    }
    let long = format!("25/12/2005{}", "0".repeat(40));
    assert_eq!(
        birth.parse_input(&long, today),
        Err(InputError::DateTooLong)
    );
    let very_long = "1".repeat(5_000);
    assert_eq!(
        birth.parse_input(&very_long, today),
        Err(InputError::DateTooLong)
    );
    let money = demo.question("monthly_resources").unwrap();
    assert_eq!(
        money.parse_input(&very_long, today),
        Err(InputError::TooLong)
    );
}

/// A several-of question's exclusive option ("none of these") cannot be counted with another one:
/// the answer is refused, and `tick` gives the app the options left ticked.
#[test]
fn an_exclusive_option_excludes_the_others() {
    let today = today();
    let pack = common::all_packs()
        .iter()
        .find(|p| p.id == "chenove")
        .expect("the Chenôve pack");
    let receives = pack.question("receives").unwrap();
    let exclusive: Vec<&str> = receives
        .exclusive_options()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(exclusive, ["none"]);
    assert_eq!(
        receives.parse_input("rsa, none", today),
        Err(InputError::ExclusiveOption {
            option: "none".into()
        })
    );
    let both = Answer::SeveralOf(vec!["none".into(), "rsa".into()]);
    assert_eq!(
        receives.check_answer(&both, today),
        Err(InputError::ExclusiveOption {
            option: "none".into()
        })
    );
    assert!(receives.parse_input("rsa, css", today).is_ok());
    assert!(receives.parse_input("none", today).is_ok());
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        receives.tick(&s(&["rsa", "css"]), "none", true),
        s(&["none"])
    );
    assert_eq!(receives.tick(&s(&["none"]), "rsa", true), s(&["rsa"]));
    assert_eq!(receives.tick(&s(&["rsa"]), "css", true), s(&["rsa", "css"]));
    assert_eq!(
        receives.tick(&s(&["rsa", "css"]), "rsa", false),
        s(&["css"])
    );
    // Every pack: "none of these" options are exclusive, and only on several-of questions.
    for pack in common::all_packs() {
        for q in &pack.questions {
            for o in &q.options {
                if o.id == "none" && q.kind == QuestionKind::SeveralOf {
                    assert!(o.exclusive, "{}: {}.none is not exclusive", pack.id, q.id);
                }
                assert!(!o.exclusive || q.kind == QuestionKind::SeveralOf);
            }
        }
    }
}
