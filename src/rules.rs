//! The app's only door to the rules engine: reading a pack file, evaluating the answers, checking what the
//! resident types. No other module of `src/` names the engine (tests/architecture.rs checks it); the
//! others use the engine's types re-exported here and never decide anything themselves.

use crate::i18n::{Key, Lang};

pub use eligo_engine::Answer;
pub use eligo_engine::CriterionStatus;
pub use eligo_engine::schema::{
    AidKind, AidStatus, AmountKind, Bound, Period, Place, QuestionKind, Safety, Unit,
};
pub use eligo_engine::sentences::{comma, confirm_notes, refusal};
pub use eligo_engine::{
    Aid, AidReport, Amount, ConfirmReason, CriterionOutcome, CriterionState, Date, Pack, Question,
    RefusalReason, Text, Verdict,
};
use eligo_engine::{Answers, DecodeError, InputError};
pub use eligo_engine::{NextStep, glossary_marks};

/// The notes of an aid to confirm, in `lang` (see `eligo_engine::sentences::confirm_notes`), with the
/// engine's words the pack file carries: every language of the pack has them, so the app holds no sentence
/// table of its own.
pub fn notes_in<'p>(pack: &'p Pack, report: &AidReport, lang: Lang) -> Vec<&'p str> {
    confirm_notes(report, pack.words_in(lang.code()))
}

/// Why `aid` is refused, in `lang` (see `eligo_engine::sentences::refusal`).
pub fn refusal_in(pack: &Pack, aid: &Aid, reason: &RefusalReason, lang: Lang) -> String {
    refusal(aid, reason, pack.words_in(lang.code()))
}

/// One paper to bring in words, in `lang` (see `eligo_engine::sentences::document_line`).
pub fn document_line(pack: &Pack, document: &eligo_engine::Document, lang: &str) -> String {
    eligo_engine::sentences::document_line(pack, document, pack.words_in(lang))
}

/// One next step in words, in `lang` (see `eligo_engine::sentences::next_step_line`).
pub fn next_step_line(pack: &Pack, step: &NextStep, lang: &str) -> String {
    eligo_engine::sentences::next_step_line(pack, step, pack.words_in(lang))
}

/// Each criterion of the aid of `report` as its card shows it: met / not met / not known / not needed (a
/// criterion on a question never asked), with its own text and the resident's answers to the questions it reads
/// ("Avoir moins de 27 ans — votre réponse : 20"), worded as `eligo-rules explain` words them (the pack's words).
pub fn criteria(
    pack: &Pack,
    answers: &AnswerSet,
    report: &AidReport,
    today: Date,
    lang: Lang,
) -> Vec<(CriterionStatus, String)> {
    let Some(aid) = pack.aid(&report.id) else {
        return Vec::new();
    };
    let words = pack.words_in(lang.code());
    let read = eligo_engine::criteria::criteria_answers(pack, &answers.values, today, report);
    read.into_iter()
        .zip(&aid.criteria)
        .map(|((status, read), c)| {
            let label = c.label.get(lang.code());
            let line = eligo_engine::sentences::criterion_line(pack, label, &read, words);
            (status, line)
        })
        .collect()
}

/// An amount in euros as `lang` writes it (`1 234,50 €`, `€1,234.50`), the words `eligo-rules explain` uses:
/// from a decimal's text (`"120"`, `"1234.5"`), cents only when there are some, then always two digits; a text
/// that is not a number as it is. Written by the engine's `numbers`, not by the browser's `Intl.NumberFormat`,
/// whose first formatter loads the locale's number data, one long task on every results screen (issue 16);
/// the component test `format_matches_intl` (tests/components.rs) compares both for every language.
pub fn money_words(lang: Lang, decimal_text: &str) -> String {
    eligo_engine::numbers::money(lang.code(), decimal_text)
}

/// A number as `lang` writes it, grouped, at most two decimals (`1 234,5`).
pub fn number_words(lang: Lang, decimal_text: &str) -> String {
    eligo_engine::numbers::number(lang.code(), decimal_text)
}

/// A date `YYYY-MM-DD` in figures, day first in every language (`25/12/2005`).
pub fn date_words(iso: &str) -> String {
    eligo_engine::numbers::date(iso)
}

/// "You can ask for it from 1 September 2027" when time alone opens the aid of `report` (an age reached, years
/// of residence, the application window), as `eligo-rules explain` says it.
pub fn from_line(
    pack: &Pack,
    answers: &AnswerSet,
    report: &AidReport,
    today: Date,
    lang: Lang,
) -> Option<String> {
    let from = eligo_engine::from_date(pack, &answers.values, today, report)?;
    Some(eligo_engine::sentences::from_line(
        &from,
        pack.words_in(lang.code()),
    ))
}

/// "You would qualify if you answered … to …": each single answer change that opens the refused aid of
/// `report` (computed only for the aids that are refused), as `eligo-rules explain` says it.
pub fn what_if_lines(
    pack: &Pack,
    answers: &AnswerSet,
    report: &AidReport,
    today: Date,
    lang: Lang,
) -> Vec<String> {
    if !matches!(report.verdict, Verdict::NotEligible { .. }) {
        return Vec::new();
    }
    let words = pack.words_in(lang.code());
    eligo_engine::what_ifs(pack, &answers.values, today, report)
        .iter()
        .filter(|w| w.for_residents(pack))
        .map(|w| eligo_engine::sentences::what_if_line(pack, w, words))
        .collect()
}

/// Largest pack file accepted (bytes).
pub const MAX_PACK_BYTES: usize = 2_000_000;

/// Reads a pack file (a built-in one, or a city's own) with the engine, which checks every reference in
/// it; the message names `name` and says what is wrong.
pub fn read_pack(name: &str, bytes: &[u8]) -> Result<Pack, Vec<String>> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(vec![format!(
            "{name}: the file is larger than {MAX_PACK_BYTES} bytes"
        )]);
    }
    Pack::from_bytes(bytes).map_err(|error| {
        let text_form = matches!(bytes.trim_ascii_start().first(), Some(b'{' | b'[' | b'#'));
        vec![match error {
            // The rules' text (TOML or merged JSON) instead of the built file: say what to run.
            DecodeError::NotAPack if text_form => format!(
                "{name}: this is the text of a pack; the app reads the file `eligo-rules build` writes from it (eligo-rules build pack.toml -o ville.pack), after `eligo-rules check` finds no mistake"
            ),
            error => format!("{name}: {error}"),
        }]
    })
}

/// The engine's report for these answers on `pack` (none yet: nothing to report), on `today`.
pub fn evaluate(pack: Option<&Pack>, answers: &AnswerSet, today: Date) -> Outcome {
    let Some(pack) = pack else {
        return Outcome::default();
    };
    let report = eligo_engine::evaluate(pack, &answers.values, today);
    // The answers that still count (a question whose `ask_if` became false no longer does).
    let applicable = answers
        .given
        .iter()
        .filter(|g| {
            eligo_engine::applicability(pack, &answers.values, today, &g.question)
                != eligo_engine::Tri::False
        })
        .map(|g| g.question.clone())
        .collect();
    Outcome {
        next: report.next_question.clone(),
        left: report.questions_left,
        aids: report.aids,
        applicable,
    }
}

/// Checks the raw input for a question of `pack`, through the engine.
pub fn parse(
    pack: Option<&Pack>,
    question: &str,
    raw: &RawInput,
    today: Date,
) -> Result<Answer, InputProblem> {
    let question = pack
        .and_then(|p| p.question(question))
        .ok_or(InputProblem::of(Key::ErrOther))?;
    parse_input(question, raw, today)
}

/// What a form gives before checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawInput {
    /// Typed text (whole number, money, date).
    Text(String),
    /// Yes or no.
    YesNo(bool),
    /// One option id (empty when none is chosen).
    OneOf(String),
    /// Option ids ticked.
    SeveralOf(Vec<String>),
    /// "I don't know".
    DontKnow,
    /// "I prefer not to answer" (a sensitive question): the verdict then says "to check", never "no".
    Declined,
    /// Nothing chosen (yes/no or one-of without a choice).
    Nothing,
}

/// An answer as typed (to show it back and prefill the form) and as the engine reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    /// Question id.
    pub question: String,
    /// What the resident entered.
    pub raw: RawInput,
}

/// The resident's answers: as typed, in the order given, and as the engine reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerSet {
    given: Vec<Given>,
    values: Answers,
}

impl AnswerSet {
    /// Sets or replaces an answer.
    pub fn set(&mut self, question: &str, raw: RawInput, value: Answer) {
        match self.given.iter_mut().find(|g| g.question == question) {
            Some(given) => given.raw = raw,
            None => self.given.push(Given {
                question: question.to_string(),
                raw,
            }),
        }
        self.values.set(question, value);
    }

    /// How the engine read a typed answer to `question`: a decimal's text (`1000`, `1234.50`) or an ISO
    /// date (`2005-12-25`), for showing it back as read rather than as typed (`1.000` is one thousand).
    pub fn read(&self, question: &str) -> Option<String> {
        match self.values.get(question)? {
            Answer::Number(n) => Some(n.to_string()),
            Answer::Date(d) => Some(d.to_string()),
            _ => None,
        }
    }

    /// What was entered for `question`.
    pub fn raw(&self, question: &str) -> Option<&RawInput> {
        self.given
            .iter()
            .find(|g| g.question == question)
            .map(|g| &g.raw)
    }

    /// The answers in the order given.
    pub fn given(&self) -> &[Given] {
        &self.given
    }

    /// Number of answers.
    pub fn len(&self) -> usize {
        self.given.len()
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }
}

/// The engine's report as the view needs it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// One report per aid, in pack order.
    pub aids: Vec<AidReport>,
    /// The question to ask next.
    pub next: Option<String>,
    /// At most this many questions remain.
    pub left: usize,
    /// The questions answered whose answers still count, in the order given.
    pub applicable: Vec<String>,
}

/// The three groups of the results page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// You can ask for it.
    Ask,
    /// To check with the CCAS.
    Check,
    /// Probably not.
    Not,
}

/// The results group of a verdict.
pub fn group(verdict: &Verdict) -> Group {
    match verdict {
        Verdict::Eligible => Group::Ask,
        Verdict::ToConfirm { .. } | Verdict::Undetermined { .. } => Group::Check,
        Verdict::NotEligible { .. } => Group::Not,
    }
}

impl Outcome {
    /// The reports of one group, in pack order.
    pub fn in_group(&self, g: Group) -> impl Iterator<Item = &AidReport> {
        self.aids.iter().filter(move |a| group(&a.verdict) == g)
    }
}

/// The aids that fit the person (to ask for, or to check), most useful first: by verdict (eligible or to be
/// confirmed before undetermined), then by what they bring (a confirmed amount, an amount to confirm, an
/// aid without amount, information), then in pack order. Services open to everyone are left out: they are
/// [`services`].
pub fn ranked<'a>(pack: &Pack, outcome: &'a Outcome) -> Vec<&'a AidReport> {
    let rank = |r: &AidReport| -> Option<u8> {
        if group(&r.verdict) == Group::Not {
            return None;
        }
        let worth = match (pack.aid(&r.id)?.kind, &r.amount) {
            (AidKind::Service, _) => return None,
            (AidKind::Aid, Some(a)) if !a.to_confirm => 0,
            (AidKind::Aid, Some(_)) => 1,
            (AidKind::Aid, None) => 2,
            (AidKind::Info, _) => 3,
        };
        let settled = u8::from(matches!(r.verdict, Verdict::Undetermined { .. }));
        Some(settled * 4 + worth)
    };
    // Eight ranks: one pass each keeps pack order within a rank (no sort code in the wasm for this).
    (0..8)
        .flat_map(|k| outcome.aids.iter().filter(move |r| rank(r) == Some(k)))
        .collect()
}

/// The next steps for these answers (the pack's, those whose condition holds; "when no aid fits" ones
/// when none does), never empty for a checked pack.
pub fn next_steps<'a>(
    pack: &'a Pack,
    answers: &AnswerSet,
    outcome: &Outcome,
    today: Date,
) -> Vec<&'a NextStep> {
    let report = eligo_engine::Report {
        aids: outcome.aids.clone(),
        next_question: outcome.next.clone(),
        questions_left: outcome.left,
    };
    eligo_engine::next_steps(pack, &answers.values, today, &report)
}

/// What a place's opening hours say now, in words: "open now, until 12:00" or "closed; next opening …".
/// `None` when the place has none. The pack carries the hours read ahead by the checker
/// (`Pack::place_hours`), never their OpenStreetMap text: the text's reader stays out of the app.
pub fn hours_now(pack: &Pack, place: &Place, lang: &str) -> Option<String> {
    let hours = pack.place_hours(&place.id)?;
    let now = js_sys::Date::new_0();
    let today = Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )?;
    let minute = (now.get_hours() * 60 + now.get_minutes()) as u16;
    Some(eligo_engine::sentences::hours_line(
        &hours.status(today, minute),
        today,
        pack.words_in(lang),
    ))
}

/// The services open to everyone that are not refused, in pack order.
pub fn services<'a>(pack: &Pack, outcome: &'a Outcome) -> Vec<&'a AidReport> {
    outcome
        .aids
        .iter()
        .filter(|r| group(&r.verdict) != Group::Not)
        .filter(|r| pack.aid(&r.id).is_some_and(|a| a.kind == AidKind::Service))
        .collect()
}

/// An input the engine refused, as an interface message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// Which message.
    pub key: Key,
    /// The bound in the message, if any (decimal or ISO date text); for an ambiguous number, its reading
    /// with the separator as the decimal one.
    pub value: Option<String>,
    /// For an ambiguous number, its reading with the separator grouping thousands (decimal text).
    pub other: Option<String>,
    /// The two readings of an ambiguous number are amounts in euros.
    pub money: bool,
    /// For an exclusive option ticked with others, that option's label ("None of these").
    pub option: Option<Text>,
}

impl InputProblem {
    /// A message with no value in it.
    pub fn of(key: Key) -> InputProblem {
        InputProblem {
            key,
            value: None,
            other: None,
            money: false,
            option: None,
        }
    }
}

impl InputProblem {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let shown = |v: &Option<String>| match v {
            Some(v) if v.len() == 10 && v.as_bytes()[4] == b'-' => date_words(v),
            Some(v) if self.money => money_words(lang, v),
            Some(v) => number_words(lang, v),
            None => String::new(),
        };
        let option = self
            .option
            .as_ref()
            .map(|o| o.get(lang.code()).to_string())
            .unwrap_or_default();
        lang.fill(
            self.key,
            &[
                ("n", &shown(&self.value)),
                ("m", &shown(&self.other)),
                ("o", &option),
            ],
        )
    }
}

/// Today in the resident's local time (the engine's reference date), read from the browser's clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

fn parse_input(question: &Question, raw: &RawInput, today: Date) -> Result<Answer, InputProblem> {
    let answer = match raw {
        RawInput::Text(text) => {
            return question.parse_input(text, today).map_err(|error| {
                match (question.kind, error) {
                    // A whole number is asked: the example must not show decimals.
                    (QuestionKind::Integer, InputError::NotANumber | InputError::TooLong) => {
                        InputProblem::of(Key::ErrWhole)
                    }
                    // A date too long, or not a date, gets the date message whatever the engine names.
                    (QuestionKind::Date, InputError::NotANumber | InputError::TooLong) => {
                        InputProblem::of(Key::ErrDate)
                    }
                    // Both readings of an ambiguous amount are shown as amounts (bounds keep their
                    // plain wording: "at least 0").
                    (kind, error @ InputError::Ambiguous { .. }) => InputProblem {
                        money: kind == QuestionKind::Money,
                        ..problem(question, error)
                    },
                    (_, error) => problem(question, error),
                }
            });
        }
        RawInput::YesNo(b) => Answer::YesNo(*b),
        RawInput::OneOf(id) if id.is_empty() => return Err(InputProblem::of(Key::ErrChoose)),
        RawInput::OneOf(id) => Answer::OneOf(id.clone()),
        RawInput::SeveralOf(ids) => Answer::SeveralOf(ids.clone()),
        RawInput::DontKnow => Answer::DontKnow,
        RawInput::Declined => Answer::Declined,
        RawInput::Nothing => return Err(InputProblem::of(Key::ErrChoose)),
    };
    question
        .check_answer(&answer, today)
        .map_err(|error| problem(question, error))?;
    Ok(answer)
}

/// The interface message for an engine input error.
fn problem(question: &Question, error: InputError) -> InputProblem {
    let (key, value) = match error {
        InputError::Empty => (Key::ErrEmpty, None),
        InputError::NotANumber | InputError::TooLong | InputError::TooManyDecimals => {
            (Key::ErrNumber, None)
        }
        InputError::NotWhole => (Key::ErrWhole, None),
        InputError::Negative => (Key::ErrTooSmall, Some("0".to_string())),
        InputError::BelowMin { min } => (Key::ErrTooSmall, Some(min.to_string())),
        InputError::AboveMax { max } => (Key::ErrTooLarge, Some(max.to_string())),
        InputError::Absurd => (
            Key::ErrTooLarge,
            Some(eligo_engine::input::ABSURD_AMOUNT.to_string()),
        ),
        InputError::BadDate => (Key::ErrDate, None),
        InputError::DateInFuture | InputError::DateAfterMax { .. } => (Key::ErrDateLate, None),
        InputError::DateBefore1900 | InputError::DateBeforeMin { .. } => (Key::ErrDateEarly, None),
        InputError::NotYesNo
        | InputError::UnknownOption { .. }
        | InputError::DontKnowNotOffered
        | InputError::DeclineNotOffered => (Key::ErrChoose, None),
        InputError::DuplicateOption { .. } => (Key::ErrOther, None),
        InputError::DateTooLong => (Key::ErrDate, None),
        InputError::Ambiguous { decimal, thousands } => {
            return InputProblem {
                value: Some(decimal.to_string()),
                other: Some(thousands.to_string()),
                ..InputProblem::of(Key::ErrAmbiguous)
            };
        }
        InputError::ExclusiveOption { option } => {
            return InputProblem {
                option: question
                    .options
                    .iter()
                    .find(|o| o.id == option)
                    .map(|o| o.label.clone()),
                ..InputProblem::of(Key::ErrExclusive)
            };
        }
    };
    InputProblem {
        value,
        ..InputProblem::of(key)
    }
}

/// The options ticked once `option` is ticked (`on`) or unticked, for a several-of question: the pack's
/// exclusive option ("none of these") unticks the others, and another option unticks it.
pub fn tick(question: &Question, ticked: &[String], option: &str, on: bool) -> Vec<String> {
    question.tick(ticked, option, on)
}

/// Random answer sets on `pack` (tests: many situations without writing them).
#[cfg(test)]
pub(crate) fn sample_answer_sets(pack: &Pack, count: usize, today: Date) -> Vec<AnswerSet> {
    let mut rng = eligo_engine::sample::SampleRng::new(0x5EED);
    (0..count)
        .map(|_| AnswerSet {
            given: Vec::new(),
            values: eligo_engine::sample::random_answers(pack, &mut rng, today),
        })
        .collect()
}

/// What `eligo-rules explain` prints for these answers (tests: the cards say the same).
#[cfg(test)]
pub(crate) fn explanation(pack: &Pack, answers: &AnswerSet, today: Date, lang: &str) -> String {
    eligo_engine::explain::explanation(pack, &answers.values, today, lang)
}

/// The parts of a handover code (issue 18) for the CCAS of `pack`, if it published a key: the key (base64url),
/// the clear header and the body to seal (answers by question index, verdicts, the date). The sealing is
/// WebCrypto's, loaded on the resident's consent (src/handover/).
pub fn handover_parts(
    pack: &Pack,
    answers: &AnswerSet,
    outcome: &Outcome,
    today: Date,
) -> Option<(String, Vec<u8>, Vec<u8>)> {
    use eligo_engine::handover;
    let key = pack.handover.as_ref()?;
    let verdicts: Vec<u8> = outcome
        .aids
        .iter()
        .map(|a| handover::verdict_code(&a.verdict))
        .collect();
    let body = handover::encode_body(pack, &answers.values, &verdicts, today);
    let header = handover::header(
        pack,
        &handover::base64url_decode(&key.public_key)?,
        body.len(),
    );
    Some((key.public_key.clone(), header, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{PACKS, Rules};

    #[test]
    fn dates_and_the_engine_s_numbers() {
        assert_eq!(date_words("2026-09-01"), "01/09/2026");
        assert_eq!(money_words(Lang::Fr, "12.5"), "12,50\u{a0}€");
        assert_eq!(money_words(Lang::FrFalc, "1234"), "1\u{202f}234\u{a0}€");
        assert_eq!(number_words(Lang::En, "1234"), "1,234");
    }

    /// The native tests' fixed reference date (the browser reads its clock, see [`today`]).
    fn test_day() -> Date {
        Date::new(2026, 10, 1).expect("a valid date")
    }

    /// Every pack of the repo reaches the app, and declares every interface language, so the
    /// engine's validation (a text missing in a declared language is an error) covers pack texts.
    #[test]
    fn every_pack_loads_with_every_interface_language() {
        let rules = Rules::embedded();
        assert!(
            rules.problems.is_empty(),
            "packs refused: {:?}",
            rules.problems
        );
        assert!(rules.len() >= 2, "both territories are embedded");
        for index in 0..rules.len() {
            let pack = rules.pack(index, Lang::Fr).expect("loaded");
            for lang in Lang::ALL {
                assert!(
                    pack.languages.iter().any(|l| l == lang.code()),
                    "{} lacks {}",
                    pack.id,
                    lang.code()
                );
            }
            assert!(
                pack.safety.is_some(),
                "{} has its safety orientation",
                pack.id
            );
        }
    }

    /// A fresh evaluation asks a first question and leaves no aid decided by default.
    #[test]
    fn a_first_question_is_asked() {
        let rules = Rules::embedded();
        let outcome = evaluate(
            rules.pack(0, Lang::Fr).map(|p| &**p),
            &AnswerSet::default(),
            test_day(),
        );
        assert!(outcome.next.is_some());
        assert!(outcome.left > 0);
        assert_eq!(
            evaluate(None, &AnswerSet::default(), test_day()),
            Outcome::default()
        );
    }

    #[test]
    fn a_valid_pack_is_read() {
        let pack = read_pack("ville.pack", PACKS[0].1).unwrap();
        assert_eq!(pack.id, PACKS[0].0);
    }

    #[test]
    fn every_refusal_names_the_file_and_the_reason() {
        let demo = || PACKS[0].1.to_vec();
        let mut damaged = demo();
        damaged.truncate(damaged.len() / 2);
        let mut other_version = demo();
        other_version[5] = 0;
        for (bytes, says) in [
            (damaged, "damaged (it cannot be read past byte "),
            (other_version, "another version of Eligo (format 0"),
            (b"<!doctype html><p>Not found".to_vec(), "not a pack file"),
            (
                b"{\"pack\": {\"id\": \"ville\"}}".to_vec(),
                "eligo-rules build pack.toml -o ville.pack",
            ),
            (b"# Rules of Ville\n[pack]".to_vec(), "the text of a pack"),
        ] {
            let messages = read_pack("ville.pack", &bytes).unwrap_err();
            assert_eq!(messages.len(), 1);
            assert!(
                messages[0].starts_with("ville.pack: ") && messages[0].contains(says),
                "{}",
                messages[0]
            );
        }
        let huge = vec![0; MAX_PACK_BYTES + 1];
        assert!(read_pack("ville.pack", &huge).unwrap_err()[0].contains("larger than"));
    }

    /// Input errors map to interface messages with their bound.
    #[test]
    fn input_errors_become_messages() {
        let rules = Rules::embedded();
        let index = rules.position("chenove").expect("the Chenôve pack");
        let pack = rules.pack(index, Lang::Fr).map(|p| &**p);
        let parse = |question: &str, raw: RawInput| parse(pack, question, &raw, test_day());
        let problem = parse("age", RawInput::Text("abc".into())).unwrap_err();
        assert_eq!(problem.key, Key::ErrWhole);
        let problem = parse("age", RawInput::Text("9".repeat(60))).unwrap_err();
        assert_eq!(
            problem.key,
            Key::ErrWhole,
            "a very long number is not a whole number"
        );
        let problem = parse("monthly_resources", RawInput::Text("abc".into())).unwrap_err();
        assert_eq!(problem.key, Key::ErrNumber);
        let problem = parse("age", RawInput::Text("200".into())).unwrap_err();
        assert_eq!(
            problem.message(Lang::Fr),
            "Le nombre doit être au plus 120."
        );
        assert!(parse("monthly_resources", RawInput::Text("1 234,50".into())).is_ok());
        assert_eq!(
            parse("commune", RawInput::Nothing).unwrap_err().key,
            Key::ErrChoose
        );
    }

    /// Issue 19: amounts with a thousands separator are read as such, in every digit script, and the
    /// answers keep the amount as read (the recap shows it, not the raw text).
    #[test]
    fn amounts_are_kept_as_read() {
        let rules = Rules::embedded();
        let index = rules.position("chenove").expect("the Chenôve pack");
        let pack = rules.pack(index, Lang::Fr).map(|p| &**p);
        for (typed, read) in [
            ("1.000", "1000"),
            ("1,000", "1000"),
            ("1 000", "1000"),
            ("12,000", "12000"),
            ("1.000,50", "1000.50"),
            ("1,5", "1.5"),
            ("١٬٠٠٠", "1000"),
            ("۱۲۳۴", "1234"),
        ] {
            let raw = RawInput::Text(typed.into());
            let answer = parse(pack, "monthly_resources", &raw, test_day())
                .unwrap_or_else(|p| panic!("{typed}: {}", p.message(Lang::Fr)));
            let mut answers = AnswerSet::default();
            answers.set("monthly_resources", raw, answer);
            assert_eq!(
                answers.read("monthly_resources").as_deref(),
                Some(read),
                "{typed}"
            );
        }
        let raw = RawInput::Text("٣٠".into());
        assert!(
            parse(pack, "age", &raw, test_day()).is_ok(),
            "Arabic-Indic age"
        );
    }

    /// Issue 19: an exclusive option ticked with others gets its own message naming it; `tick` keeps
    /// them apart.
    #[test]
    fn exclusive_options_are_kept_apart() {
        let rules = Rules::embedded();
        let index = rules.position("chenove").expect("the Chenôve pack");
        let pack = rules.pack(index, Lang::Fr).map(|p| &**p);
        let both = RawInput::SeveralOf(vec!["rsa".into(), "none".into()]);
        let problem = parse(pack, "receives", &both, test_day()).unwrap_err();
        assert_eq!(problem.key, Key::ErrExclusive);
        assert!(
            problem
                .message(Lang::Fr)
                .contains("« Aucune de ces aides »"),
            "{}",
            problem.message(Lang::Fr)
        );
        assert!(problem.message(Lang::En).contains("None of these"));
        let question = pack.and_then(|p| p.question("receives")).unwrap();
        let ticked = tick(question, &["rsa".into(), "css".into()], "none", true);
        assert_eq!(ticked, ["none"]);
        assert_eq!(tick(question, &ticked, "rsa", true), ["rsa"]);
    }

    /// Issue 19: an ambiguous number shows both readings, formatted.
    #[test]
    fn an_ambiguous_number_shows_both_readings() {
        let problem = InputProblem {
            value: Some("1.000".into()),
            other: Some("1000".into()),
            money: true,
            ..InputProblem::of(Key::ErrAmbiguous)
        };
        let message = problem.message(Lang::Fr);
        assert!(
            message.contains("1\u{a0}€") && message.contains("1\u{202f}000\u{a0}€"),
            "{message}"
        );
        assert!(!message.contains('{'), "{message}");
    }
}
