//! A compiled rules pack: the schema's data plus checked expression trees.

use crate::date::Date;
use crate::expr::ast::Node;
use crate::schema::{
    AidKind, AidStatus, AmountKind, Bound, Choice, DatedValue, DerivedKind, ParameterStatus,
    Period, Place, QuestionKind, Rounding, Safety, Source, Territory, Unit,
};
use crate::text::Text;

/// A validated rules pack, ready to evaluate answers against.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    /// Pack id.
    pub id: String,
    /// Version text.
    pub version: String,
    /// Declared languages, the reference first.
    pub languages: Vec<String>,
    /// The territory.
    pub territory: Territory,
    /// Questions, in pack order (included files first).
    pub questions: Vec<Question>,
    /// Derived values.
    pub derived: Vec<Derived>,
    /// Dated parameters.
    pub parameters: Vec<Parameter>,
    /// Places.
    pub places: Vec<Place>,
    /// Aids, in pack order.
    pub aids: Vec<Aid>,
    /// Domestic-violence orientation.
    pub safety: Option<Safety>,
    /// What to do next, for the results page ([`crate::guide::next_steps`]).
    pub next_steps: Vec<crate::guide::items::NextStep>,
    /// Terms explained on first use ([`crate::guide::glossary_marks`]).
    pub glossary: Vec<crate::guide::items::GlossaryEntry>,
    /// Each place's `opening_hours`, read by the checker (same order as `places`; `None`: no
    /// hours in the OSM syntax). Use [`Pack::place_hours`].
    pub hours: Vec<Option<crate::opening_hours::OpeningHours>>,
    /// The CCAS public key for handover codes, if the CCAS published one.
    pub handover: Option<crate::handover::key::Handover>,
    /// The engine's words in each language of the pack, the reference first (the messages the app
    /// shows, month and day names; see [`crate::sentences`]): the app words its cards with these, so its
    /// wasm carries no sentence table. Use [`Pack::words_in`].
    pub words: Vec<crate::words::Words>,
}

impl Pack {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Position of the question with this id.
    pub fn question_position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The aid with this id.
    pub fn aid(&self, id: &str) -> Option<&Aid> {
        self.aids.iter().find(|a| a.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The parameter with this id.
    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.id == id)
    }

    /// The opening hours of place `id`, read ahead by the checker: the app asks "open now" /
    /// "next opening" of these ([`crate::OpeningHours::status`]), never reading the text itself
    /// (the built pack for the app leaves the text out).
    pub fn place_hours(&self, id: &str) -> Option<&crate::opening_hours::OpeningHours> {
        let i = self.places.iter().position(|p| p.id == id)?;
        self.hours.get(i)?.as_ref()
    }

    /// The engine's words in `lang`, else in the reference language (a pack file holds at least one
    /// language's: the reader checks it).
    pub fn words_in(&self, lang: &str) -> &crate::words::Words {
        let found = self.words.iter().find(|w| w.lang == lang);
        found.unwrap_or(&self.words[0])
    }

    /// Every text of the pack a resident may read, in one list: what the glossary looks for terms in
    /// ([`crate::guide::glossary_used`]) and what a one-language pack file must keep (the codec's
    /// tests). A text added to the format is added here once.
    pub fn resident_texts(&self) -> Vec<&Text> {
        let mut texts: Vec<&Text> = vec![&self.territory.name];
        for q in &self.questions {
            texts.push(&q.label);
            texts.extend(&q.help);
            texts.extend(q.options.iter().map(|o| &o.label));
        }
        for p in &self.places {
            texts.push(&p.name);
            texts.extend(&p.hours);
        }
        for a in &self.aids {
            texts.extend([&a.name, &a.institution, &a.summary]);
            texts.extend(&a.how_to_apply);
            for d in &a.documents {
                texts.push(&d.paper);
                texts.extend(&d.where_to_get);
            }
            texts.extend(&a.checks);
            texts.extend(a.criteria.iter().map(|c| &c.label));
            texts.extend(a.advice.iter().map(|c| &c.text));
        }
        texts.extend(self.next_steps.iter().map(|s| &s.text));
        texts.extend(self.parameters.iter().map(|p| &p.label));
        // Expansions may use other terms ("RSA" in the CAF's).
        texts.extend(self.glossary.iter().map(|g| &g.expansion));
        if let Some(s) = &self.safety {
            texts.extend([&s.title, &s.intro]);
            texts.extend(s.contacts.iter().map(|c| &c.label));
        }
        texts
    }

    /// The glossary entry for `term`, as written.
    pub fn glossary_entry(&self, term: &str) -> Option<&crate::guide::items::GlossaryEntry> {
        self.glossary.iter().find(|g| g.term == term)
    }
}

/// A question the resident may be asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Id.
    pub id: String,
    /// Type.
    pub kind: QuestionKind,
    /// Label.
    pub label: Text,
    /// Help text.
    pub help: Option<Text>,
    /// When it makes sense, as written.
    pub ask_if: Option<String>,
    /// Whether "I don't know" is offered.
    pub dont_know: bool,
    /// Options (one-of, several-of).
    pub options: Vec<Choice>,
    /// Lower bound.
    pub min: Option<Bound>,
    /// Upper bound.
    pub max: Option<Bound>,
    /// Unit.
    pub unit: Option<Unit>,
    /// Counts whole years (months) up to today: grows by one each year (month).
    pub grows_with_time: bool,
    /// "Prefer not to answer" is offered ([`crate::Answer::Declined`]).
    pub sensitive: bool,
    pub(crate) ask_if_node: Option<Node>,
}

impl Question {
    /// Whether its answer is an amount in euros: a money question, or a number asked with a euro unit. Such an
    /// answer is always shown with its "€" (the answers recap, a criterion line, a what-if).
    pub fn is_amount(&self) -> bool {
        self.kind == QuestionKind::Money
            || matches!(
                self.unit,
                Some(Unit::Eur | Unit::EurMonth | Unit::EurYear | Unit::EurDay)
            )
    }
}

/// A value computed from answers and parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// Id.
    pub id: String,
    /// Type.
    pub kind: DerivedKind,
    /// Label.
    pub label: Text,
    /// Formula as written.
    pub formula: String,
    /// Rounding.
    pub round: Option<Rounding>,
    pub(crate) node: Node,
}

/// A reference value that changes over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// Id.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Unit.
    pub unit: Unit,
    /// Found or not found.
    pub status: ParameterStatus,
    /// Values by increasing start date.
    pub values: Vec<DatedValue>,
}

impl Parameter {
    /// The value in force at `date`: the last one starting on or before it.
    pub fn value_at(&self, date: Date) -> Option<&DatedValue> {
        self.values.iter().rev().find(|v| v.from <= date)
    }
}

/// A yearly application window (month, day), inclusive; may wrap over the new year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First day (month, day).
    pub from: (u32, u32),
    /// Last day (month, day).
    pub to: (u32, u32),
}

impl Window {
    /// Whether `date` falls inside the window.
    pub fn contains(&self, date: Date) -> bool {
        let md = (date.month(), date.day());
        if self.from <= self.to {
            self.from <= md && md <= self.to
        } else {
            md >= self.from || md <= self.to
        }
    }
}

/// An aid, service or piece of information.
#[derive(Clone, Debug, PartialEq)]
pub struct Aid {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Who gives it.
    pub institution: Text,
    /// One-sentence description.
    pub summary: Text,
    /// Aid, service or info.
    pub kind: AidKind,
    /// Status.
    pub status: AidStatus,
    /// Yearly application window.
    pub window: Option<Window>,
    /// Where to go (place ids).
    pub places: Vec<String>,
    /// How to apply.
    pub how_to_apply: Option<Text>,
    /// Documents to bring, each with where to get it.
    pub documents: Vec<crate::guide::items::Document>,
    /// What the widget cannot check.
    pub checks: Vec<Text>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Criteria, all required.
    pub criteria: Vec<Criterion>,
    /// Amount rule.
    pub amount: Option<AmountRule>,
    /// Advice.
    pub advice: Vec<Advice>,
    /// Parameters the criteria depend on (through derived values too).
    pub(crate) criteria_parameters: Vec<usize>,
}

/// One condition of an aid.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    /// Condition as written.
    pub when: String,
    /// Sentence for the explanation.
    pub label: Text,
    pub(crate) node: Node,
}

/// How an aid's amount is computed.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountRule {
    /// Formula as written.
    pub formula: String,
    /// Rounding.
    pub round: Rounding,
    /// Exact or up to.
    pub kind: AmountKind,
    /// Periodicity.
    pub period: Period,
    /// Maximum duration in months.
    pub max_months: Option<u32>,
    pub(crate) node: Node,
    pub(crate) parameters: Vec<usize>,
    /// The most the aid gives, as written (see [`crate::schema::AmountDef::up_to`]).
    pub up_to: Option<String>,
    pub(crate) up_to_node: Option<Node>,
    pub(crate) up_to_parameters: Vec<usize>,
}

/// Advice shown when its condition holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// Condition as written.
    pub when: String,
    /// The advice.
    pub text: Text,
    pub(crate) node: Node,
}

/// The values `node` reads directly, as vertices: a question by its index, a derived value by the
/// number of questions plus its index (the order of [`value_edges`]).
pub(crate) fn references(node: &Node, nq: usize) -> Vec<usize> {
    let mut out = Vec::new();
    node.for_each_reference(&mut |r| match r {
        Node::Question(i) => out.push(*i),
        Node::Derived(i) => out.push(nq + i),
        _ => {}
    });
    out
}

/// For each question's `ask_if`, then each derived formula, the vertices it reads ([`references`]).
pub(crate) fn value_edges(questions: &[Question], derived: &[Derived]) -> Vec<Vec<usize>> {
    let nq = questions.len();
    questions
        .iter()
        .map(|q| q.ask_if_node.as_ref())
        .chain(derived.iter().map(|d| Some(&d.node)))
        .map(|node| node.map_or_else(Vec::new, |n| references(n, nq)))
        .collect()
}

/// Every circular definition among questions' `ask_if` and derived formulas: the vertex each one
/// closes on (questions first, then derived values) and the ids along it. The compiler reports
/// them; reading a binary pack refuses them (the evaluator would never end).
pub(crate) fn cycles<'a>(
    questions: &'a [Question],
    derived: &'a [Derived],
) -> Vec<(usize, Vec<&'a str>)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let nq = questions.len();
    let edges = value_edges(questions, derived);
    let name = |v: usize| {
        if v < nq {
            questions[v].id.as_str()
        } else {
            derived[v - nq].id.as_str()
        }
    };
    let mut found = Vec::new();
    let mut marks = vec![Mark::New; edges.len()];
    for start in 0..edges.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search, keeping the current path to name the cycle.
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::Active;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                match marks.get(w) {
                    Some(Mark::New) => {
                        marks[w] = Mark::Active;
                        stack.push((w, 0));
                    }
                    Some(Mark::Active) => {
                        let from = stack.iter().position(|(x, _)| *x == w).unwrap_or(0);
                        let mut cycle: Vec<&str> =
                            stack[from..].iter().map(|(x, _)| name(*x)).collect();
                        cycle.push(name(w));
                        found.push((w, cycle));
                    }
                    // Done, or out of range (reported elsewhere).
                    _ => {}
                }
            } else {
                marks[v] = Mark::Done;
                stack.pop();
            }
        }
    }
    found
}
