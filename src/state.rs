//! The app state (`use_reducer`) and what the resident can do (`Action`).
//!
//! Data flows one way: an action changes the answers, the reducer asks the engine (through
//! [`crate::rules`]) for a fresh [`Outcome`], and the view renders it. Nothing here decides
//! eligibility; nothing is stored outside this memory (no storage, no cookie, no URL).

use crate::i18n::{Key, Lang};
use crate::rules::{AnswerSet, InputProblem, Outcome, RawInput, Rules};
use std::rc::Rc;
use yew::prelude::*;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Welcome, territory and language.
    Start,
    /// One question at a time (the engine's next one, or one being changed).
    Ask,
    /// Aids grouped by verdict, with the answers summary.
    Results,
    /// "Prepare my visit": the printable page.
    Print,
}

/// The whole state of the app, in memory only.
#[derive(Clone)]
pub struct AppState {
    /// The compiled packs (shared, never changed).
    pub rules: Rc<Rules>,
    /// Interface language.
    pub lang: Lang,
    /// Index of the chosen territory's pack.
    pub territory: usize,
    /// Whether the page fixes the territory (no choice shown).
    pub territory_fixed: bool,
    /// Current screen.
    pub screen: Screen,
    /// Whether the safety panel is open (over any screen).
    pub safety_open: bool,
    /// Answers given so far, in the order given.
    pub answers: AnswerSet,
    /// Questions answered in the order they were asked, for Back.
    pub history: Vec<String>,
    /// A question shown out of the engine's order (Back, or a change from the results).
    pub revisiting: Option<String>,
    /// Whether to return to the results after the revisited question.
    pub return_to_results: bool,
    /// Input error of the question shown.
    pub error: Option<InputProblem>,
    /// The engine's view of the answers.
    pub outcome: Rc<Outcome>,
    /// Highest progress shown so far, in thousandths (the bar never goes backwards).
    pub progress: u32,
    /// Text for the polite live region.
    pub announcement: String,
    /// Whether the printed page includes the answers (the resident's choice).
    pub print_answers: bool,
    /// Bumped on each step so that focus moves even when the same question is shown again.
    pub step: u32,
    /// The step of the last refused answer: the form moves focus back to the field.
    pub refused: u32,
    /// The language being switched to while its texts are fetched (a slow network shows it pending).
    pub switching: Option<Lang>,
}

/// What the resident does.
#[derive(Clone)]
pub enum Action {
    /// Chooses a territory (pack index).
    SetTerritory(usize),
    /// The pack of the chosen territory arrived (fetched after the state was made): starts over on it,
    /// when nothing was answered yet.
    PackReady,
    /// A language switch waits for that language's texts.
    SwitchingLang(Lang),
    /// Switches the interface language (answers are kept).
    SetLang(Lang),
    /// Leaves the start screen.
    Start,
    /// Answers the question shown (raw input, checked by the engine).
    Answer(String, RawInput),
    /// Goes back one question (or to the start screen).
    Back,
    /// Opens a question from the answers summary, then returns to the results.
    Change(String),
    /// Shows the results now (also when questions remain).
    ShowResults,
    /// Goes back to the questions from the results.
    ResumeQuestions,
    /// Opens "prepare my visit".
    Print,
    /// Whether the printed page includes the answers.
    PrintAnswers(bool),
    /// Opens or closes the safety panel.
    Safety(bool),
    /// Clears every answer and goes back to the start screen.
    Restart,
}

impl AppState {
    /// A fresh state over `rules`, in `lang`, for the territory at `territory` (fixed or not).
    pub fn new(rules: Rc<Rules>, lang: Lang, territory: usize, territory_fixed: bool) -> AppState {
        // The built-in packs' texts follow the interface language (a kiosk wipe starts anew in the
        // browser's language, whatever the previous person chose).
        crate::rules::use_language(lang);
        let answers = AnswerSet::default();
        let outcome = Rc::new(rules.evaluate(territory, &answers));
        AppState {
            rules,
            lang,
            territory,
            territory_fixed,
            screen: Screen::Start,
            safety_open: false,
            answers,
            history: Vec::new(),
            revisiting: None,
            return_to_results: false,
            error: None,
            outcome,
            progress: 0,
            announcement: String::new(),
            print_answers: false,
            step: 0,
            refused: 0,
            switching: None,
        }
    }

    /// The same state, opened on the results screen (the page asked for `view=results`).
    pub fn opened_on_results(mut self) -> AppState {
        self.go_results();
        self
    }

    /// The id of the question to show on the Ask screen, if any.
    pub fn current_question(&self) -> Option<&str> {
        self.revisiting.as_deref().or(self.outcome.next.as_deref())
    }

    /// Progress in thousandths, never lower than what was shown before.
    fn progress_now(&self) -> u32 {
        let done = self.answers.len() as u32;
        let left = self.outcome.left as u32;
        let now = (done * 1000).checked_div(done + left).unwrap_or(0);
        now.max(self.progress)
    }

    fn reevaluate(&mut self) {
        self.outcome = Rc::new(self.rules.evaluate(self.territory, &self.answers));
        self.progress = self.progress_now();
    }

    fn announce_results(&mut self) {
        let (ask, check) = self.outcome.counts();
        self.announcement = self.lang.fill(
            Key::ResultsAnnounce,
            &[("a", &ask.to_string()), ("b", &check.to_string())],
        );
    }

    fn go_results(&mut self) {
        self.screen = Screen::Results;
        self.revisiting = None;
        self.return_to_results = false;
        self.error = None;
        self.announce_results();
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.step = s.step.wrapping_add(1);
        match action {
            Action::SetTerritory(index) if index < s.rules.len() && index != s.territory => {
                let mut fresh = AppState::new(s.rules.clone(), s.lang, index, s.territory_fixed);
                fresh.step = s.step;
                s = fresh;
            }
            Action::SetTerritory(_) => {}
            Action::PackReady if s.answers.is_empty() && s.screen == Screen::Start => {
                let mut fresh =
                    AppState::new(s.rules.clone(), s.lang, s.territory, s.territory_fixed);
                fresh.step = s.step;
                s = fresh;
            }
            Action::PackReady => {}
            Action::SwitchingLang(lang) => {
                s.switching = Some(lang);
                s.announcement = crate::shell_text::T::Loading.get(lang).to_string();
            }
            Action::SetLang(lang) => {
                crate::rules::use_language(lang);
                s.lang = lang;
                // The "loading" said while switching is over.
                if s.switching.take().is_some() {
                    s.announcement.clear();
                }
                if let Some(problem) = &s.error {
                    s.announcement = problem.message(lang);
                }
            }
            Action::Start => {
                s.screen = Screen::Ask;
                s.announcement.clear();
                if s.current_question().is_none() {
                    s.go_results();
                }
            }
            Action::Answer(id, raw) => match s.rules.parse(s.territory, &id, &raw) {
                Err(problem) => {
                    s.announcement = problem.message(s.lang);
                    s.error = Some(problem);
                    s.refused = s.step;
                }
                Ok(value) => {
                    s.error = None;
                    s.announcement.clear();
                    s.answers.set(&id, raw, value);
                    if !s.history.contains(&id) {
                        s.history.push(id.clone());
                    }
                    s.reevaluate();
                    if s.return_to_results {
                        s.go_results();
                    } else {
                        // Forward from a revisited question: the next one still unanswered.
                        s.revisiting = None;
                        if s.outcome.next.is_none() {
                            s.go_results();
                        }
                    }
                }
            },
            Action::Back => {
                s.error = None;
                s.announcement.clear();
                let position = match &s.revisiting {
                    Some(id) => s
                        .history
                        .iter()
                        .position(|h| h == id)
                        .unwrap_or(s.history.len()),
                    None => s.history.len(),
                };
                if s.return_to_results {
                    s.go_results();
                } else if position == 0 {
                    s.revisiting = None;
                    s.screen = Screen::Start;
                } else {
                    s.revisiting = s.history.get(position - 1).cloned();
                }
            }
            Action::Change(id) => {
                s.revisiting = Some(id);
                s.return_to_results = true;
                s.error = None;
                s.announcement.clear();
                s.screen = Screen::Ask;
            }
            Action::ShowResults => s.go_results(),
            Action::ResumeQuestions => {
                s.revisiting = None;
                s.return_to_results = false;
                s.announcement.clear();
                if s.outcome.next.is_some() {
                    s.screen = Screen::Ask;
                }
            }
            Action::Print => s.screen = Screen::Print,
            Action::PrintAnswers(on) => s.print_answers = on,
            Action::Safety(open) => s.safety_open = open,
            Action::Restart => {
                let mut fresh =
                    AppState::new(s.rules.clone(), s.lang, s.territory, s.territory_fixed);
                fresh.announcement = s.lang.t(Key::RestartConfirm).to_string();
                fresh.step = s.step;
                s = fresh;
            }
        }
        Rc::new(s)
    }
}

/// The app state handle, given to every component that needs it.
pub type StateHandle = UseReducerHandle<AppState>;

/// The app state handle as a prop: equal to another when taken at the same step. Every action makes a new
/// state with a new `step`, so comparing steps tells what comparing the whole states would (rules,
/// answers, outcome), without the code and the time that walk takes.
#[derive(Clone)]
pub struct StateProp {
    handle: StateHandle,
    step: u32,
}

impl StateProp {
    /// The handle, as of now.
    pub fn new(handle: &StateHandle) -> StateProp {
        StateProp {
            handle: handle.clone(),
            step: handle.step,
        }
    }
}

impl PartialEq for StateProp {
    fn eq(&self, other: &Self) -> bool {
        self.step == other.step
    }
}

impl std::ops::Deref for StateProp {
    type Target = StateHandle;
    fn deref(&self) -> &StateHandle {
        &self.handle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Rc<AppState> {
        let rules = Rc::new(Rules::embedded());
        let chenove = rules.position("chenove").expect("the Chenôve pack");
        let state = Rc::new(AppState::new(rules, Lang::Fr, chenove, false));
        state.reduce(Action::Start)
    }

    fn shown(state: &AppState) -> String {
        state
            .current_question()
            .expect("a question is shown")
            .to_string()
    }

    /// Answers the question shown with `raw`.
    fn answer(state: Rc<AppState>, raw: RawInput) -> Rc<AppState> {
        let id = shown(&state);
        state.reduce(Action::Answer(id, raw))
    }

    #[test]
    fn an_answer_moves_on_and_a_refused_one_stays_with_its_message() {
        let state = fresh();
        assert_eq!(state.screen, Screen::Ask);
        let first = shown(&state);
        let state = answer(state, RawInput::Nothing);
        assert_eq!(shown(&state), first, "nothing chosen: the same question");
        assert!(state.error.is_some());
        assert_eq!(
            state.announcement,
            state.error.as_ref().unwrap().message(Lang::Fr)
        );
        let state = answer(state, RawInput::DontKnow);
        assert_ne!(shown(&state), first);
        assert!(state.error.is_none() && state.announcement.is_empty());
        assert_eq!(state.history, vec![first]);
    }

    #[test]
    fn back_revisits_and_continue_returns_to_the_first_unanswered_question() {
        let mut state = fresh();
        for _ in 0..3 {
            state = answer(state, RawInput::DontKnow);
        }
        let frontier = shown(&state);
        let state = state.reduce(Action::Back);
        assert_eq!(state.revisiting.as_deref(), Some(state.history[2].as_str()));
        let state = state.reduce(Action::Back);
        assert_eq!(shown(&state), state.history[1]);
        let state = answer(state, RawInput::DontKnow);
        assert_eq!(
            shown(&state),
            frontier,
            "Continue goes to the next question still to answer"
        );
        let mut state = state;
        for _ in 0..3 {
            state = state.reduce(Action::Back);
        }
        let state = state.reduce(Action::Back);
        assert_eq!(state.screen, Screen::Start, "back from the first question");
        assert_eq!(state.answers.len(), 3, "answers are kept");
    }

    #[test]
    fn a_change_from_the_results_returns_to_the_results() {
        let state = fresh();
        let first = shown(&state);
        let state = answer(state, RawInput::DontKnow).reduce(Action::ShowResults);
        assert_eq!(state.screen, Screen::Results);
        assert!(state.announcement.starts_with("Résultats"));
        let state = state.reduce(Action::Change(first.clone()));
        assert_eq!(shown(&state), first);
        let state = state.reduce(Action::Back);
        assert_eq!(
            state.screen,
            Screen::Results,
            "Back returns to the results too"
        );
        let state = state.reduce(Action::Change(first.clone()));
        let state = answer(state, RawInput::DontKnow);
        assert_eq!(state.screen, Screen::Results);
        assert!(state.revisiting.is_none());
    }

    #[test]
    fn progress_never_goes_back_and_language_keeps_answers() {
        let mut state = fresh();
        let mut last = state.progress;
        for _ in 0..6 {
            if state.current_question().is_none() {
                break;
            }
            state = answer(state, RawInput::DontKnow);
            assert!(state.progress >= last);
            last = state.progress;
        }
        let answered = state.answers.len();
        let state = state.reduce(Action::SetLang(Lang::Ar));
        assert_eq!(state.lang, Lang::Ar);
        assert_eq!(state.answers.len(), answered);
        let state = state.reduce(Action::Restart);
        assert!(state.answers.is_empty() && state.history.is_empty());
        assert_eq!(state.screen, Screen::Start);
        assert_eq!(
            state.lang,
            Lang::Ar,
            "the language is not an answer: it stays"
        );
    }
}
