//! The app's only door to the rules engine: the embedded packs, the evaluation and the checking of
//! what the resident types. Components read the engine's types re-exported here and never decide
//! anything themselves.

use crate::i18n::{Key, Lang};

pub use eligo_engine::schema::{
    AidKind, AidStatus, AmountKind, Bound, Period, Place, QuestionKind, Safety, Unit,
};
pub use eligo_engine::{
    Aid, AidReport, Amount, ConfirmReason, CriterionOutcome, CriterionState, Date, Pack, Question,
    RefusalReason, Text, Verdict,
};
use eligo_engine::{Answer, Answers, InputError};
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

// `PACKS: &[(&str, &[u8])]`: (pack id, binary pack), written by build.rs from packs/*/pack.toml. Only
// the tests use it: the app fetches the pack it needs (`load`), so the packs stay out of the wasm.
include!(concat!(env!("OUT_DIR"), "/packs.rs"));
// `TERRITORIES`: (pack id, pack file by language, names by language), the small index the app embeds
// (build.rs). Each file holds the pack with its texts in one language only.
type Files = &'static [(&'static str, &'static str)];
type Names = &'static [(&'static str, &'static str)];
include!(concat!(env!("OUT_DIR"), "/territories.rs"));

thread_local! {
    /// The built-in pack files fetched and read so far (file, pack), shared by every `Rules`.
    static LOADED: RefCell<Vec<(&'static str, Rc<Pack>)>> = const { RefCell::new(Vec::new()) };
    /// The interface language: it picks which file of each built-in pack is used and fetched.
    static LANGUAGE: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Uses (and, through [`load`], fetches) the built-in packs' files in `lang` from now on.
pub fn use_language(lang: Lang) {
    LANGUAGE.with(|l| l.set(lang));
}

fn language() -> Lang {
    LANGUAGE.with(Cell::get)
}

/// The file of territory `id` in `lang`: that language's, else the pack's reference language's.
fn file(id: &str, lang: Lang) -> Option<&'static str> {
    let (_, files, _) = TERRITORIES.iter().find(|(i, _, _)| *i == id)?;
    files
        .iter()
        .find(|(l, _)| *l == lang.code())
        .or(files.first())
        .map(|(_, f)| *f)
}

fn loaded(id: &str, lang: Lang) -> Option<Rc<Pack>> {
    let file = file(id, lang)?;
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(f, _)| *f == file)
            .map(|(_, p)| p.clone())
    })
}

fn keep(file: &'static str, pack: Rc<Pack>) {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        if !l.iter().any(|(f, _)| *f == file) {
            l.push((file, pack));
        }
    });
}

/// Whether the built-in pack `id` is there in the interface language.
pub fn is_loaded(id: &str) -> bool {
    loaded(id, language()).is_some()
}

/// The built-in territory to open first: `preferred` when the app has it, else the first by id.
pub fn initial_territory(preferred: Option<&str>) -> Option<&'static str> {
    TERRITORIES
        .iter()
        .find(|(id, _, _)| Some(*id) == preferred)
        .or(TERRITORIES.first())
        .map(|(id, _, _)| *id)
}

/// Fetches the built-in pack `id`, in the interface language, from the app's folder and reads it,
/// through the same checks as a city's pack ([`crate::city_pack::check`]). Does nothing when it is
/// already there. The messages say what went wrong, for the console.
pub async fn load(id: &str) -> Result<(), Vec<String>> {
    load_in(id, language()).await
}

/// Switches the built-in packs to `lang`: fetches territory `id`'s file in that language when needed,
/// then uses it and calls `then` (which switches the interface), so that the page changes language
/// at once, texts of the rules included. If the file cannot be fetched, the switch happens anyway and
/// the rules' texts stay in a language already there. A city's pack holds every language: nothing to
/// fetch.
pub fn switch_language(id: Option<String>, lang: Lang, then: impl FnOnce() + 'static) {
    yew::platform::spawn_local(async move {
        if let Some(id) = id.filter(|_| !crate::city_pack::in_use())
            && let Err(messages) = load_in(&id, lang).await
        {
            crate::shell::warn_all(messages);
        }
        use_language(lang);
        then();
    });
}

async fn load_in(id: &str, lang: Lang) -> Result<(), Vec<String>> {
    if loaded(id, lang).is_some() {
        return Ok(());
    }
    let Some(file) = file(id, lang) else {
        return Err(vec![format!("{id}: no such territory")]);
    };
    let bytes = crate::city_pack::fetch_bytes(file, false).await?;
    let pack = crate::city_pack::check(file, &bytes)?;
    keep(file, Rc::new(pack));
    Ok(())
}

/// Reads the packs of the build into the store, as if fetched (for tests: no server to fetch from).
pub fn load_built_in_for_tests() {
    for ((id, bytes), (_, files, _)) in PACKS.iter().zip(TERRITORIES) {
        if let Ok(pack) = Pack::from_bytes(bytes) {
            let pack = Rc::new(pack);
            for (_, file) in *files {
                keep(file, pack.clone());
            }
        }
        debug_assert!(is_loaded(id));
    }
}

/// A territory the app offers: its pack id and its name (known before its pack is fetched).
#[derive(Clone, Debug, PartialEq)]
pub struct TerritoryChoice {
    /// Pack id.
    pub id: String,
    /// Name of the territory, by language.
    pub name: Text,
}

/// The territories and their compiled packs (a built-in pack appears once fetched, see [`load`]).
#[derive(Debug, Default)]
pub struct Rules {
    territories: Vec<TerritoryChoice>,
    /// By territory, the pack in each interface language (`Lang as usize`), filled as they arrive.
    packs: Vec<[OnceCell<Rc<Pack>>; Lang::ALL.len()]>,
    /// Packs that failed to load (id and error), shown in the console only.
    pub problems: Vec<String>,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Rules) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Rules {
    /// The app's built-in territories; their packs come from [`load`].
    pub fn built_in() -> Rules {
        Rules {
            territories: TERRITORIES
                .iter()
                .map(|(id, _, names)| TerritoryChoice {
                    id: id.to_string(),
                    name: Text::new(names.iter().copied()),
                })
                .collect(),
            packs: TERRITORIES.iter().map(|_| Default::default()).collect(),
            problems: Vec::new(),
        }
    }

    /// The packs of the build, all at once (tests).
    pub fn embedded() -> Rules {
        let mut rules = Rules::default();
        for (id, bytes) in PACKS {
            match Pack::from_bytes(bytes) {
                Ok(pack) => rules.push(Rc::new(pack)),
                Err(error) => rules.problems.push(format!("{id}: {error}")),
            }
        }
        rules
    }

    /// One pack only (a city's own).
    pub fn single(pack: Rc<Pack>) -> Rules {
        let mut rules = Rules::default();
        rules.push(pack);
        rules
    }

    fn push(&mut self, pack: Rc<Pack>) {
        self.territories.push(TerritoryChoice {
            id: pack.id.clone(),
            name: pack.territory.name.clone(),
        });
        self.packs
            .push(Lang::ALL.map(|_| OnceCell::from(pack.clone())));
    }

    /// Number of territories.
    pub fn len(&self) -> usize {
        self.territories.len()
    }

    /// Whether there is no territory.
    pub fn is_empty(&self) -> bool {
        self.territories.is_empty()
    }

    /// The territories, in order.
    pub fn territories(&self) -> &[TerritoryChoice] {
        &self.territories
    }

    /// The pack at `index` in the interface language, else in any language already there (while
    /// the right one loads), if any.
    pub fn pack(&self, index: usize) -> Option<&Pack> {
        let cells = self.packs.get(index)?;
        let id = &self.territories[index].id;
        for lang in std::iter::once(language()).chain(Lang::ALL) {
            let cell = &cells[lang as usize];
            if cell.get().is_none()
                && let Some(pack) = loaded(id, lang)
            {
                let _ = cell.set(pack);
            }
            if let Some(pack) = cell.get() {
                return Some(pack);
            }
        }
        None
    }

    /// The loaded packs, in territory order.
    pub fn packs(&self) -> Vec<&Pack> {
        (0..self.len()).filter_map(|i| self.pack(i)).collect()
    }

    /// Index of the territory with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.territories.iter().position(|t| t.id == id)
    }

    /// The engine's report for these answers, today.
    pub fn evaluate(&self, index: usize, answers: &AnswerSet) -> Outcome {
        let Some(pack) = self.pack(index) else {
            return Outcome::default();
        };
        let report = eligo_engine::evaluate(pack, &answers.values, today());
        Outcome {
            next: report.next_question.clone(),
            left: report.questions_left,
            aids: report.aids,
        }
    }

    /// Whether the answer to `question` still counts (its `ask_if` is not false), per the engine.
    pub fn applicable(&self, index: usize, answers: &AnswerSet, question: &str) -> bool {
        self.pack(index).is_some_and(|pack| {
            eligo_engine::applicability(pack, &answers.values, today(), question)
                != eligo_engine::Tri::False
        })
    }

    /// Checks the raw input for a question, through the engine.
    pub fn parse(
        &self,
        index: usize,
        question: &str,
        raw: &RawInput,
    ) -> Result<Answer, InputProblem> {
        let question = self
            .pack(index)
            .and_then(|p| p.question(question))
            .ok_or(InputProblem {
                key: Key::ErrOther,
                value: None,
            })?;
        parse_input(question, raw, today())
    }
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

    /// How many aids to ask for and to check.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.in_group(Group::Ask).count(),
            self.in_group(Group::Check).count(),
        )
    }
}

/// An input the engine refused, as an interface message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// Which message.
    pub key: Key,
    /// The bound in the message, if any (decimal or ISO date text).
    pub value: Option<String>,
}

impl InputProblem {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let value = match &self.value {
            Some(v) if v.len() == 10 && v.as_bytes()[4] == b'-' => crate::format::date(v),
            Some(v) => crate::format::number(lang, v),
            None => String::new(),
        };
        lang.fill(self.key, &[("n", &value)])
    }
}

/// Today in the resident's local time (the engine's reference date).
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

/// Today (native builds only run tests: a fixed date keeps them stable).
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    Date::new(2026, 10, 1).expect("a valid date")
}

fn parse_input(question: &Question, raw: &RawInput, today: Date) -> Result<Answer, InputProblem> {
    let answer = match raw {
        RawInput::Text(text) => {
            return question.parse_input(text, today).map_err(|error| {
                match (question.kind, error) {
                    // A whole number is asked: the example must not show decimals.
                    (QuestionKind::Integer, InputError::NotANumber | InputError::TooLong) => {
                        InputProblem {
                            key: Key::ErrWhole,
                            value: None,
                        }
                    }
                    (_, error) => problem(error),
                }
            });
        }
        RawInput::YesNo(b) => Answer::YesNo(*b),
        RawInput::OneOf(id) if id.is_empty() => {
            return Err(InputProblem {
                key: Key::ErrChoose,
                value: None,
            });
        }
        RawInput::OneOf(id) => Answer::OneOf(id.clone()),
        RawInput::SeveralOf(ids) => Answer::SeveralOf(ids.clone()),
        RawInput::DontKnow => Answer::DontKnow,
        RawInput::Nothing => {
            return Err(InputProblem {
                key: Key::ErrChoose,
                value: None,
            });
        }
    };
    question.check_answer(&answer, today).map_err(problem)?;
    Ok(answer)
}

/// The interface message for an engine input error.
fn problem(error: InputError) -> InputProblem {
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
        | InputError::DontKnowNotOffered => (Key::ErrChoose, None),
        InputError::DuplicateOption { .. } => (Key::ErrOther, None),
        // Until the app has its own messages for these (issue 19).
        InputError::DateTooLong => (Key::ErrDate, None),
        InputError::Ambiguous { .. } => (Key::ErrNumber, None),
        InputError::ExclusiveOption { .. } => (Key::ErrOther, None),
    };
    InputProblem { key, value }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for pack in rules.packs() {
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

    /// The built-in pack follows the interface language: the file in that language once it is
    /// there, meanwhile whatever language is there (never nothing when something was loaded).
    #[test]
    fn the_pack_follows_the_interface_language_and_falls_back_while_loading() {
        let (id, files, _) = TERRITORIES[0];
        let full = Pack::from_bytes(PACKS[0].1).unwrap();
        let in_language = |lang: &str| Rc::new(Pack::from_bytes(&full.to_bytes_in(lang)).unwrap());
        let (fr, en) = (full.aids[0].name.get("fr"), full.aids[0].name.get("en"));
        assert_ne!(fr, en, "the test needs a translated aid name");
        let rules = Rules::built_in();
        use_language(Lang::En);
        assert!(rules.pack(0).is_none());
        keep(files[0].1, in_language("fr"));
        assert!(!is_loaded(id), "not in English yet");
        assert_eq!(rules.pack(0).unwrap().aids[0].name.get("en"), fr);
        keep(file(id, Lang::En).unwrap(), in_language("en"));
        assert!(is_loaded(id));
        assert_eq!(rules.pack(0).unwrap().aids[0].name.get("en"), en);
        use_language(Lang::Fr);
        assert_eq!(rules.pack(0).unwrap().aids[0].name.get("fr"), fr);
    }

    /// The embedded index names every pack of the build, with its content-hashed file; a pack
    /// appears in the built-in rules once loaded, with the territory name the index gave.
    #[test]
    fn the_index_lists_every_pack_and_packs_appear_once_loaded() {
        let rules = Rules::built_in();
        assert_eq!(rules.len(), PACKS.len());
        for (index, (id, files, _)) in TERRITORIES.iter().enumerate() {
            assert_eq!(PACKS[index].0, *id);
            assert_eq!(files[0].0, "fr", "the reference language's file first");
            for (lang, file) in *files {
                assert!(
                    file.starts_with(&format!("packs/{id}-{lang}-")) && file.ends_with(".pack")
                );
            }
            assert!(rules.pack(index).is_none(), "not fetched yet");
        }
        load_built_in_for_tests();
        let embedded = Rules::embedded();
        for (index, choice) in rules.territories().iter().enumerate() {
            let pack = rules.pack(index).expect("loaded");
            assert_eq!(pack.id, choice.id);
            assert_eq!(choice.name, embedded.territories()[index].name);
        }
        assert_eq!(initial_territory(Some("chenove")), Some("chenove"));
        assert_eq!(initial_territory(Some("nowhere")), Some(TERRITORIES[0].0));
    }

    /// A fresh evaluation asks a first question and leaves no aid decided by default.
    #[test]
    fn a_first_question_is_asked() {
        let rules = Rules::embedded();
        let outcome = rules.evaluate(0, &AnswerSet::default());
        assert!(outcome.next.is_some());
        assert!(outcome.left > 0);
    }

    /// Input errors map to interface messages with their bound.
    #[test]
    fn input_errors_become_messages() {
        let rules = Rules::embedded();
        let index = rules.position("chenove").expect("the Chenôve pack");
        let problem = rules
            .parse(index, "age", &RawInput::Text("abc".into()))
            .unwrap_err();
        assert_eq!(problem.key, Key::ErrWhole);
        let problem = rules
            .parse(index, "age", &RawInput::Text("9".repeat(60)))
            .unwrap_err();
        assert_eq!(
            problem.key,
            Key::ErrWhole,
            "a very long number is not a whole number"
        );
        let problem = rules
            .parse(index, "monthly_resources", &RawInput::Text("abc".into()))
            .unwrap_err();
        assert_eq!(problem.key, Key::ErrNumber);
        let problem = rules
            .parse(index, "age", &RawInput::Text("200".into()))
            .unwrap_err();
        assert_eq!(
            problem.message(Lang::Fr),
            "Le nombre doit être au plus 120."
        );
        assert!(
            rules
                .parse(
                    index,
                    "monthly_resources",
                    &RawInput::Text("1 234,50".into())
                )
                .is_ok()
        );
        assert_eq!(
            rules
                .parse(index, "commune", &RawInput::Nothing)
                .unwrap_err()
                .key,
            Key::ErrChoose
        );
    }
}
