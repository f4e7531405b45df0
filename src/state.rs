//! The app state (`use_reducer`) and what the resident can do (`Action`).
//!
//! Data flows one way: an action changes the answers, the reducer asks the engine (through
//! [`crate::rules`]) for a fresh [`Outcome`], and the view renders it. The state also says what the pack
//! store must fetch ([`Loading`], watched by [`crate::store::use_loading`]) and takes what arrives
//! ([`Action::Arrived`]). `reduce` is pure: no clock, no page, no fetch (today's date is a field, the
//! page's configuration too). Nothing is stored outside this memory (no storage, no cookie, no URL).

use crate::early::Early;
use crate::i18n::{Key, Lang};
use crate::page_config::PageConfig;
use crate::rules::{AnswerSet, Date, InputProblem, Outcome, Pack, RawInput};
use crate::store::{Arrival, Loading, Need, Rules};
use crate::take_away::link::Payload;
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

/// The handover code once asked for (`crate::handover`): its text form and its QR code (`None` if the encoder
/// could not draw it), or `None` if it could not be made. Defined with the state that holds it.
pub type HandoverCode = Option<(String, Option<crate::take_away::qr::Drawing>)>;

/// The whole state of the app, in memory only.
#[derive(Clone)]
pub struct AppState {
    /// The page's configuration (read once at start).
    pub config: Rc<PageConfig>,
    /// The territories and the packs fetched so far (the pack store's value).
    pub rules: Rc<Rules>,
    /// Where loading stands: what the pack store fetches.
    pub loading: Loading,
    /// Interface language: the one owner of the language (it picks the pack files too).
    pub lang: Lang,
    /// The page's language, which a kiosk wipe returns to.
    pub first_lang: Lang,
    /// The engine's reference date.
    pub today: Date,
    /// Index of the chosen territory's pack.
    pub territory: usize,
    /// Whether the page fixes the territory (no choice shown).
    pub territory_fixed: bool,
    /// The chosen territory's pack in the interface language (or in a language there while it loads): what
    /// the views show, resolved here.
    pub pack: Option<Rc<Pack>>,
    /// The take-away link the page was opened with: its summary is shown instead of the questions.
    pub shared: Option<Payload>,
    /// Bumped by a kiosk wipe: the session's screens are mounted anew.
    pub session: u32,
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
    /// The code for the CCAS, made on the visit page with the resident's consent only (src/handover/);
    /// forgotten as soon as the visit page closes (and with everything else by a restart or a wipe).
    pub handover: Option<Rc<HandoverCode>>,
    /// Bumped on each step so that focus moves even when the same question is shown again.
    pub step: u32,
    /// The step of the last refused answer: the form moves focus back to the field.
    pub refused: u32,
}

/// What the resident does, and what the pack store brings.
#[derive(Clone)]
pub enum Action {
    /// Chooses a territory (pack index): at once if its pack is there, else once fetched.
    SetTerritory(usize),
    /// Switches the interface language (answers are kept): at once if the pack's texts in that language
    /// are there, else once fetched (or failed: then the rules' texts stay in a language already there).
    SetLang(Lang),
    /// Tries a failed fetch again.
    Retry,
    /// The pack store brings a pack (or says it could not).
    Arrived(Arrival),
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
    /// The code for the CCAS, made after the resident agreed (or `None`: forgotten).
    Handover(Option<Rc<HandoverCode>>),
    /// Opens or closes the safety panel.
    Safety(bool),
    /// Clears every answer and goes back to the start screen.
    Restart,
    /// Leaves a take-away link's summary for one's own check.
    LeaveShared,
    /// The kiosk's wipe: everything anew for the next person, in the page's language, on this day.
    Wipe(Date),
}

impl AppState {
    /// The state the app opens with: the page's `config`, the store's `rules`, the page's `lang`, `today`,
    /// and the take-away link the page was opened with, if any. A city's pack named by the page is waited
    /// for first.
    pub fn new(
        config: Rc<PageConfig>,
        rules: Rc<Rules>,
        lang: Lang,
        today: Date,
        shared: Option<Payload>,
    ) -> AppState {
        let waiting = config.pack.is_some() && !rules.city && rules.refused.is_empty();
        let fixed = config
            .territory
            .as_deref()
            .and_then(|id| rules.position(id));
        let linked = shared.as_ref().and_then(|p| rules.position(&p.territory));
        let territory = linked.or(fixed).unwrap_or(0);
        let mut state = AppState {
            config,
            rules,
            loading: Loading::Ready,
            lang,
            first_lang: lang,
            today,
            territory,
            territory_fixed: fixed.is_some(),
            pack: None,
            shared,
            session: 0,
            screen: Screen::Start,
            safety_open: false,
            answers: AnswerSet::default(),
            history: Vec::new(),
            revisiting: None,
            return_to_results: false,
            error: None,
            outcome: Rc::default(),
            progress: 0,
            announcement: String::new(),
            print_answers: false,
            handover: None,
            step: 0,
            refused: 0,
        };
        state.resolve();
        if waiting {
            state.loading = Loading::CityPack;
        } else if state.config.open_results {
            state.go_results();
        }
        state
    }

    /// The state the app opens with ([`AppState::new`]), then what the resident chose on the prerendered
    /// start screen before the app ran (`early`, read from the page by the start-up script's notes): the
    /// language, the territory, the help panel, then "start" once the pack is there (src/shell.rs waits
    /// for the files these choices need before it mounts the app, so nothing is lost or shown twice).
    pub fn opening(
        config: Rc<PageConfig>,
        rules: Rc<Rules>,
        lang: Lang,
        today: Date,
        shared: Option<Payload>,
        early: &Early,
    ) -> AppState {
        // The language tapped is the one the app opens in (its file fetched with the territory's, once);
        // a kiosk's wipe still comes back to the page's.
        let mut opened = AppState::new(config, rules, early.lang.unwrap_or(lang), today, shared);
        opened.first_lang = lang;
        let mut state = Rc::new(opened);
        let territory = early
            .territory
            .as_deref()
            .and_then(|id| state.rules.position(id))
            .filter(|_| !state.territory_fixed && state.shared.is_none());
        if let Some(index) = territory {
            state = state.reduce(Action::SetTerritory(index));
        }
        if early.safety {
            state = state.reduce(Action::Safety(true));
        }
        if early.start
            && state.loading == Loading::Ready
            && state.pack.is_some()
            && state.screen == Screen::Start
        {
            state = state.reduce(Action::Start);
        }
        Rc::unwrap_or_clone(state)
    }

    /// A fresh start on territory `index` (answers, screens and loading reset; the rest kept).
    fn fresh(&self, territory: usize) -> AppState {
        let mut fresh = AppState::new(
            self.config.clone(),
            self.rules.clone(),
            self.lang,
            self.today,
            None,
        );
        fresh.loading = Loading::Ready;
        fresh.screen = Screen::Start;
        fresh.announcement.clear();
        fresh.first_lang = self.first_lang;
        fresh.territory = territory;
        fresh.territory_fixed = self.territory_fixed;
        fresh.shared = self.shared.clone();
        fresh.session = self.session;
        fresh.step = self.step;
        fresh.resolve();
        fresh
    }

    /// Resolves the territory's pack in the language, and what the engine says of the answers on it; asks
    /// the store for the file when it is not there.
    fn resolve(&mut self) {
        self.pack = self.rules.pack(self.territory, self.lang).cloned();
        self.reevaluate();
        let need = Need {
            territory: self.territory,
            lang: self.lang,
        };
        if !self.rules.is_empty() && !self.rules.has(need) && self.loading == Loading::Ready {
            self.loading = Loading::Fetching(need);
        }
    }

    /// The language being switched to while its texts are fetched (a slow network shows it pending).
    pub fn switching(&self) -> Option<Lang> {
        match self.loading {
            Loading::Fetching(need)
                if need.territory == self.territory && need.lang != self.lang =>
            {
                Some(need.lang)
            }
            _ => None,
        }
    }

    /// The territory being fetched for the start screen's choice, and whether that fetch failed.
    pub fn choosing(&self) -> Option<(usize, bool)> {
        match self.loading {
            Loading::Fetching(need) if need.territory != self.territory => {
                Some((need.territory, false))
            }
            Loading::Failed(need) if need.territory != self.territory => {
                Some((need.territory, true))
            }
            _ => None,
        }
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
        self.outcome = Rc::new(crate::rules::evaluate(
            self.pack.as_deref(),
            &self.answers,
            self.today,
        ));
        self.progress = self.progress_now();
    }

    /// "Results: 3 aids for you." (the count the results heading shows, with the language's plural).
    fn announce_results(&mut self) {
        let fitting = self
            .pack
            .as_deref()
            .map_or(0, |pack| crate::rules::ranked(pack, &self.outcome).len());
        let key = if fitting == 1 {
            Key::AnnounceOne
        } else {
            Key::AnnounceOther
        };
        self.announcement = self.lang.fill(key, &[("n", &fitting.to_string())]);
    }

    fn go_results(&mut self) {
        self.screen = Screen::Results;
        self.revisiting = None;
        self.return_to_results = false;
        self.error = None;
        self.announce_results();
    }

    /// Switches the interface to `lang` (its pack's texts there, or not to be had).
    fn use_lang(&mut self, lang: Lang) {
        let was_switching = self.switching().is_some();
        self.lang = lang;
        self.pack = self.rules.pack(self.territory, lang).cloned();
        self.reevaluate();
        // The "loading" said while switching is over.
        if was_switching {
            self.announcement.clear();
        }
        if let Some(problem) = &self.error {
            self.announcement = problem.message(lang);
        }
    }

    /// Takes what the pack store brought.
    fn arrived(&mut self, arrival: Arrival) {
        match arrival {
            Arrival::City(result) if self.loading == Loading::CityPack => {
                let rules = match result {
                    Ok(pack) => Rules::single(pack),
                    Err(messages) => self.rules.with_refused(messages),
                };
                let step = self.step;
                *self = AppState::new(
                    self.config.clone(),
                    Rc::new(rules),
                    self.lang,
                    self.today,
                    self.shared.clone(),
                );
                self.step = step;
            }
            Arrival::City(_) => {}
            Arrival::Pack(need, pack) => {
                let awaited = self.loading == Loading::Fetching(need);
                if let Some(pack) = pack {
                    self.rules = Rc::new(self.rules.with(need, pack));
                    if awaited && need.territory != self.territory {
                        self.loading = Loading::Ready;
                        *self = self.fresh(need.territory);
                    } else if awaited && need.lang != self.lang {
                        self.use_lang(need.lang);
                        self.loading = Loading::Ready;
                    } else if awaited {
                        self.loading = Loading::Ready;
                        self.resolve();
                        if self.screen == Screen::Results {
                            self.announce_results();
                        }
                    } else if need.territory == self.territory && need.lang == self.lang {
                        // Arrived after the state stopped waiting for it: still the better file.
                        self.pack = self.rules.pack(self.territory, self.lang).cloned();
                        self.reevaluate();
                    }
                } else if awaited {
                    // A language switch happens anyway: the rules' texts stay in a language there.
                    let switch = need.territory == self.territory && need.lang != self.lang;
                    if switch {
                        self.use_lang(need.lang);
                    }
                    self.loading = Loading::Failed(need);
                }
            }
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.step = s.step.wrapping_add(1);
        match action {
            Action::SetTerritory(index) if index == s.territory => {
                // Back to the territory in use: a choice still loading (or failed) is dropped.
                if s.choosing().is_some() {
                    s.loading = Loading::Ready;
                }
            }
            Action::SetTerritory(index) if index < s.rules.len() => {
                let need = Need {
                    territory: index,
                    lang: s.lang,
                };
                if s.rules.has(need) {
                    s = s.fresh(index);
                } else {
                    s.loading = Loading::Fetching(need);
                }
            }
            Action::SetTerritory(_) => {}
            Action::SetLang(lang) => {
                let need = Need {
                    territory: s.territory,
                    lang,
                };
                if lang == s.lang {
                    // Back to the language in use: a switch still loading is dropped.
                    if s.switching().is_some() {
                        s.loading = Loading::Ready;
                        s.announcement.clear();
                    }
                } else if s.rules.is_empty() || s.rules.city || s.rules.has(need) {
                    s.use_lang(lang);
                    if matches!(s.loading, Loading::Fetching(n) | Loading::Failed(n) if n.territory == s.territory)
                    {
                        s.loading = Loading::Ready;
                    }
                } else {
                    s.loading = Loading::Fetching(need);
                    s.announcement = lang.t(Key::Loading).to_string();
                }
            }
            Action::Retry => {
                if let Loading::Failed(need) = s.loading {
                    s.loading = Loading::Fetching(need);
                }
            }
            Action::Arrived(arrival) => s.arrived(arrival),
            Action::Start => {
                s.screen = Screen::Ask;
                s.announcement.clear();
                if s.current_question().is_none() {
                    s.go_results();
                }
            }
            Action::Answer(id, raw) => {
                match crate::rules::parse(s.pack.as_deref(), &id, &raw, s.today) {
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
                }
            }
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
            Action::Handover(code) => s.handover = code,
            Action::Safety(open) => s.safety_open = open,
            Action::Restart => {
                let mut fresh = s.fresh(s.territory);
                fresh.loading = s.loading;
                fresh.announcement = s.lang.t(Key::RestartConfirm).to_string();
                s = fresh;
            }
            Action::LeaveShared => {
                // One's own check starts as a freshly opened app would: in the page's language, at step 0,
                // on the link's territory (its pack is there) unless the page fixes one.
                let mut fresh = AppState::new(
                    s.config.clone(),
                    s.rules.clone(),
                    s.first_lang,
                    s.today,
                    None,
                );
                if !fresh.territory_fixed && fresh.territory != s.territory {
                    fresh.territory = s.territory;
                    fresh.resolve();
                    if fresh.screen == Screen::Results {
                        fresh.announce_results();
                    }
                }
                fresh.session = s.session;
                s = fresh;
            }
            Action::Wipe(today) => {
                // A new session starts at step 0, as a fresh app would (nothing takes the focus).
                let session = s.session.wrapping_add(1);
                s = AppState::new(s.config.clone(), s.rules.clone(), s.first_lang, today, None);
                s.screen = Screen::Start;
                s.announcement.clear();
                s.session = session;
            }
        }
        // The code for the CCAS lives on the visit page only (a code made while leaving it is dropped too).
        if s.screen != Screen::Print {
            s.handover = None;
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

    /// The native tests' fixed reference date.
    fn test_day() -> Date {
        Date::new(2026, 10, 1).expect("a valid date")
    }

    /// A state opened on Chenôve, every pack there, on the questions.
    fn fresh() -> Rc<AppState> {
        let rules = Rc::new(Rules::embedded());
        let config = PageConfig {
            territory: Some("chenove".into()),
            ..PageConfig::default()
        };
        let state = AppState::new(Rc::new(config), rules, Lang::Fr, test_day(), None);
        assert_eq!(state.loading, Loading::Ready, "every pack is there");
        Rc::new(state).reduce(Action::Start)
    }

    /// A state opened in French over the built-in index, only `files` there (what the store fetched).
    fn over_the_index(files: &[(usize, Lang)]) -> Rc<AppState> {
        let embedded = Rules::embedded();
        let mut rules = Rules::built_in();
        for &(territory, lang) in files {
            let pack = embedded.pack(territory, lang).unwrap().clone();
            rules = rules.with(Need { territory, lang }, pack);
        }
        let config = Rc::new(PageConfig::default());
        Rc::new(AppState::new(
            config,
            Rc::new(rules),
            Lang::Fr,
            test_day(),
            None,
        ))
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

    /// Nothing fetched yet: the state asks the store for the first territory's file in its language, and
    /// starts on it when it arrives; a failure says so and Retry asks again.
    #[test]
    fn the_state_asks_for_the_pack_it_needs_and_takes_it_when_it_arrives() {
        let state = over_the_index(&[]);
        let need = Need {
            territory: 0,
            lang: Lang::Fr,
        };
        assert_eq!(state.loading, Loading::Fetching(need));
        assert!(state.pack.is_none() && state.outcome.next.is_none());
        let failed = state
            .clone()
            .reduce(Action::Arrived(Arrival::Pack(need, None)));
        assert_eq!(failed.loading, Loading::Failed(need));
        let again = failed.reduce(Action::Retry);
        assert_eq!(again.loading, Loading::Fetching(need));
        let pack = Rules::embedded().pack(0, Lang::Fr).unwrap().clone();
        let ready = again.reduce(Action::Arrived(Arrival::Pack(need, Some(pack))));
        assert_eq!(ready.loading, Loading::Ready);
        assert!(ready.pack.is_some() && ready.outcome.next.is_some());
    }

    /// What the resident did on the prerendered start screen before the app ran is done when it opens: the
    /// file it needs is what the shell fetches first (the opening state asks for it), then, with it there,
    /// the territory, the language and "start" are done; "start" never without the pack.
    #[test]
    fn early_choices_are_done_when_the_app_opens() {
        let embedded = Rules::embedded();
        let early = Early {
            territory: Some("chenove".into()),
            lang: Some(Lang::Ar),
            safety: false,
            start: true,
        };
        let open = |rules: Rules| {
            let config = Rc::new(PageConfig::default());
            AppState::opening(config, Rc::new(rules), Lang::Fr, test_day(), None, &early)
        };
        let chenove = embedded.position("chenove").unwrap();
        let waiting = open(Rules::built_in());
        let both = Need {
            territory: chenove,
            lang: Lang::Ar,
        };
        assert_eq!(
            waiting.loading,
            Loading::Fetching(both),
            "one file: the territory's, in the language"
        );
        assert_eq!(waiting.screen, Screen::Start, "no start without the pack");
        let rules = Rules::built_in().with(both, embedded.pack(chenove, Lang::Ar).unwrap().clone());
        let opened = open(rules);
        assert_eq!((opened.territory, opened.lang), (chenove, Lang::Ar));
        assert_eq!(opened.loading, Loading::Ready);
        assert_eq!(opened.screen, Screen::Ask, "started, as tapped");
        assert!(opened.current_question().is_some());
        let none = AppState::opening(
            Rc::new(PageConfig::default()),
            Rc::new(Rules::embedded()),
            Lang::Fr,
            test_day(),
            None,
            &Early::default(),
        );
        assert_eq!(
            (none.territory, none.screen, none.step),
            (0, Screen::Start, 0)
        );
    }

    /// A language whose file is not there: the switch waits for it (announced), keeps the answers, and
    /// happens when it arrives — or anyway, in the texts there, when it cannot be fetched.
    #[test]
    fn a_language_switch_waits_for_its_file_and_keeps_the_answers() {
        let state = over_the_index(&[(0, Lang::Fr)]).reduce(Action::Start);
        let state = answer(state, RawInput::DontKnow);
        let arabic = Need {
            territory: 0,
            lang: Lang::Ar,
        };
        let pending = state.reduce(Action::SetLang(Lang::Ar));
        assert_eq!(pending.lang, Lang::Fr, "still French while the texts come");
        assert_eq!(pending.switching(), Some(Lang::Ar));
        assert_eq!(pending.loading, Loading::Fetching(arabic));
        assert_eq!(pending.announcement, Lang::Ar.t(Key::Loading));
        let pack = Rules::embedded().pack(0, Lang::Ar).unwrap().clone();
        let switched = pending
            .clone()
            .reduce(Action::Arrived(Arrival::Pack(arabic, Some(pack))));
        assert_eq!(switched.lang, Lang::Ar);
        assert_eq!(switched.loading, Loading::Ready);
        assert!(switched.switching().is_none() && switched.announcement.is_empty());
        assert_eq!(switched.answers.len(), 1);
        let anyway = pending.reduce(Action::Arrived(Arrival::Pack(arabic, None)));
        assert_eq!(anyway.lang, Lang::Ar, "switched anyway");
        assert!(anyway.pack.is_some(), "with the texts there");
        assert!(anyway.switching().is_none());
    }

    /// Choosing a territory whose pack is not there fetches it first, then starts on it.
    #[test]
    fn a_territory_choice_waits_for_its_pack() {
        let state = over_the_index(&[(0, Lang::Fr)]);
        let need = Need {
            territory: 1,
            lang: Lang::Fr,
        };
        let choosing = state.reduce(Action::SetTerritory(1));
        assert_eq!(choosing.territory, 0);
        assert_eq!(choosing.choosing(), Some((1, false)));
        let failed = choosing
            .clone()
            .reduce(Action::Arrived(Arrival::Pack(need, None)));
        assert_eq!(failed.choosing(), Some((1, true)));
        assert_eq!(failed.reduce(Action::SetTerritory(0)).choosing(), None);
        let pack = Rules::embedded().pack(1, Lang::Fr).unwrap().clone();
        let chosen = choosing.reduce(Action::Arrived(Arrival::Pack(need, Some(pack))));
        assert_eq!(chosen.territory, 1);
        assert_eq!(chosen.loading, Loading::Ready);
        assert_eq!(
            chosen.pack.as_ref().map(|p| p.id.as_str()),
            Some(chosen.rules.territories()[1].id.as_str())
        );
    }

    /// A city's pack named by the page is waited for; refused (or too slow), the built-in packs are used and
    /// the reasons kept for the webmaster; a late arrival changes nothing.
    #[test]
    fn a_city_pack_is_waited_for_then_used_or_refused() {
        let config = Rc::new(PageConfig {
            pack: Some("packs/ville.pack".into()),
            ..PageConfig::default()
        });
        let state = Rc::new(AppState::new(
            config,
            Rc::new(Rules::built_in()),
            Lang::En,
            test_day(),
            None,
        ));
        assert_eq!(state.loading, Loading::CityPack);
        let city = Rules::embedded().pack(1, Lang::Fr).unwrap().clone();
        let used = state
            .clone()
            .reduce(Action::Arrived(Arrival::City(Ok(city.clone()))));
        assert!(used.rules.city && used.rules.len() == 1);
        assert_eq!(
            used.loading,
            Loading::Ready,
            "one file holds every language"
        );
        let used = used.reduce(Action::SetLang(Lang::Ar));
        assert_eq!((used.lang, used.loading), (Lang::Ar, Loading::Ready));
        let refused = state.reduce(Action::Arrived(Arrival::City(Err(vec!["slow".into()]))));
        assert_eq!(refused.rules.refused, vec!["slow".to_string()]);
        assert!(
            matches!(refused.loading, Loading::Fetching(_)),
            "the built-in pack"
        );
        let late = refused
            .clone()
            .reduce(Action::Arrived(Arrival::City(Ok(city))));
        assert!(!late.rules.city, "too late: not used");
    }

    /// The kiosk's wipe starts anew in the page's language, in a new session, with nothing of the answers.
    #[test]
    fn a_wipe_forgets_everything_but_the_packs() {
        let state = answer(fresh(), RawInput::DontKnow).reduce(Action::SetLang(Lang::Ar));
        let wiped = state.reduce(Action::Wipe(test_day()));
        assert_eq!(wiped.lang, Lang::Fr);
        assert_eq!((wiped.session, wiped.step), (1, 0));
        assert!(wiped.answers.is_empty() && wiped.screen == Screen::Start);
        assert_eq!(wiped.loading, Loading::Ready);
    }

    /// Leaving a take-away link's summary starts one's own check afresh, on the link's territory, in the
    /// page's language.
    #[test]
    fn leaving_a_shared_summary_starts_afresh_on_its_territory() {
        let rules = Rc::new(Rules::embedded());
        let second = rules.territories()[1].id.clone();
        let shared = Payload {
            territory: second,
            ..Payload::default()
        };
        let state = Rc::new(AppState::new(
            Rc::new(PageConfig::default()),
            rules,
            Lang::Fr,
            test_day(),
            Some(shared),
        ));
        assert_eq!(state.territory, 1, "the link's territory");
        let state = state.reduce(Action::SetLang(Lang::En));
        let own = state.reduce(Action::LeaveShared);
        assert!(own.shared.is_none());
        assert_eq!((own.territory, own.lang, own.step), (1, Lang::Fr, 0));
        assert_eq!(own.screen, Screen::Start);
    }
}
