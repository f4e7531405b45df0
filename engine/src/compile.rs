//! Checks a merged pack file and compiles it: ids, translations, dates, expressions, cycles.

use crate::errors::{PackError, PathSegment, key};
use crate::expr::ast::Node;
use crate::expr::typecheck::{RESERVED, Scope, Ty};
use crate::expr::{ExprError, parser};
use crate::pack::{Advice, Aid, AmountRule, Criterion, Derived, Pack, Parameter, Question, Window};
use crate::schema::{
    AmountKind, Bound, DerivedKind, PackFile, ParameterStatus, QuestionKind, Rounding, Unit,
};
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};

/// Checks and compiles a merged pack file; every problem found is returned.
pub fn compile(file: &PackFile) -> Result<Pack, Vec<PackError>> {
    let too_many = crate::limits::check_file_counts(file);
    if !too_many.is_empty() {
        return Err(too_many);
    }
    let mut c = Compiler {
        errors: Vec::new(),
        languages: Vec::new(),
    };
    let pack = c.pack(file);
    // The limits the binary reader enforces too (texts, lists, links, chains of values).
    if let Some(pack) = &pack {
        c.errors.extend(crate::limits::check_pack(pack));
    }
    match pack {
        Some(pack) if c.errors.is_empty() => Ok(pack),
        _ => Err(c.errors),
    }
}

struct Compiler {
    errors: Vec<PackError>,
    languages: Vec<String>,
}

/// Where a field lives: section, position, item id, then keys and indices below.
#[derive(Clone)]
struct At<'a> {
    path: Vec<PathSegment>,
    item: Option<&'a str>,
}

impl<'a> At<'a> {
    fn item(section: &str, index: usize, id: &'a str) -> At<'a> {
        At {
            path: vec![key(section), PathSegment::Index(index)],
            item: Some(id),
        }
    }
    fn top(section: &str) -> At<'a> {
        At {
            path: vec![key(section)],
            item: None,
        }
    }
    fn field(&self, k: &str) -> At<'a> {
        let mut path = self.path.clone();
        path.push(key(k));
        At {
            path,
            item: self.item,
        }
    }
    fn index(&self, k: &str, i: usize) -> At<'a> {
        let mut path = self.path.clone();
        path.push(key(k));
        path.push(PathSegment::Index(i));
        At {
            path,
            item: self.item,
        }
    }
}

fn valid_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Compiler {
    fn error(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.errors
            .push(PackError::at(at.path.clone(), at.item, message));
    }

    fn expr_error(&mut self, at: &At<'_>, e: ExprError) {
        let mut error = PackError::at(at.path.clone(), at.item, e.message);
        error.expr_column = Some(e.column);
        self.errors.push(error);
    }

    fn text(&mut self, text: &Text, at: &At<'_>) -> Text {
        for lang in self.languages.clone() {
            if !text.has(&lang) {
                self.error(at, format!("missing \"{lang}\" translation"));
            }
        }
        for lang in text.languages() {
            if !self.languages.iter().any(|l| l == lang) {
                let message = format!(
                    "language \"{lang}\" is not declared in [pack] languages ({})",
                    self.languages.join(", ")
                );
                self.errors
                    .push(PackError::at(at.path.clone(), at.item, message));
            }
        }
        let mut text = text.clone();
        text.reorder(&self.languages);
        text
    }

    fn texts(&mut self, texts: &[Text], at: &At<'_>, field: &str) -> Vec<Text> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| self.text(t, &at.index(field, i)))
            .collect()
    }

    fn id(&mut self, id: &str, at: &At<'_>) {
        if !valid_id(id) {
            self.error(
                &at.field("id"),
                format!(
                    "id \"{id}\" must start with a lowercase letter and use only a-z, 0-9 and _"
                ),
            );
        } else if RESERVED.contains(&id) {
            self.error(
                &at.field("id"),
                format!("\"{id}\" is a reserved word of expressions"),
            );
        }
    }

    fn pack(&mut self, file: &PackFile) -> Option<Pack> {
        let Some(meta) = &file.pack else {
            self.errors.push(PackError::at(
                Vec::new(),
                None,
                "no [pack] table (with id, version and languages)",
            ));
            return None;
        };
        let at_meta = At::top("pack");
        if meta.id.is_empty()
            || !meta
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            self.error(
                &at_meta.field("id"),
                format!("pack id \"{}\" must use only a-z, 0-9, _ and -", meta.id),
            );
        }
        if meta.languages.is_empty() {
            self.error(
                &at_meta.field("languages"),
                "declare at least one language, like [\"fr\"]",
            );
        }
        for (i, lang) in meta.languages.iter().enumerate() {
            // BCP 47 as the app needs it: a 2–3 letter language, then subtags (`fa-AF` for Dari,
            // `fr-x-falc` for easy-read French).
            let mut parts = lang.split('-');
            let primary = parts.next().unwrap_or("");
            let ok = (2..=3).contains(&primary.len())
                && primary.chars().all(|c| c.is_ascii_lowercase())
                && parts.all(|p| {
                    (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric())
                });
            if !ok {
                self.error(
                    &at_meta.index("languages", i),
                    format!("\"{lang}\" is not a language code like \"fr\""),
                );
            }
            if meta.languages[..i].contains(lang) {
                self.error(
                    &at_meta.index("languages", i),
                    format!("language \"{lang}\" declared twice"),
                );
            }
        }
        self.languages = meta.languages.clone();
        let territory = match &file.territory {
            Some(t) => {
                let at = At::top("territory");
                let mut t = t.clone();
                t.name = self.text(&t.name, &at.field("name"));
                if let Some(d) = &t.department {
                    t.department = Some(self.text(d, &at.field("department")));
                }
                t
            }
            None => {
                self.errors.push(PackError::at(
                    Vec::new(),
                    None,
                    "no [territory] table (with name and insee)",
                ));
                return None;
            }
        };

        // One namespace for questions, derived values and parameters.
        let mut names: BTreeMap<String, (Node, Ty)> = BTreeMap::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let mut declare =
            |c: &mut Compiler, id: &str, at: At<'_>, what: &str, entry: (Node, Ty)| {
                c.id(id, &at);
                if let Some(first) = seen.get(id) {
                    c.error(
                        &at.field("id"),
                        format!("id \"{id}\" is already used by {first}"),
                    );
                } else {
                    seen.insert(id.to_string(), format!("{what} \"{id}\""));
                    names.insert(id.to_string(), entry);
                }
            };
        for (i, q) in file.questions.iter().enumerate() {
            let ty = match q.kind {
                QuestionKind::YesNo => Ty::Bool,
                QuestionKind::Integer | QuestionKind::Money => Ty::Number,
                QuestionKind::Date => Ty::Date,
                QuestionKind::OneOf => Ty::OneOf(i),
                QuestionKind::SeveralOf => Ty::SeveralOf(i),
            };
            declare(
                self,
                &q.id,
                At::item("question", i, &q.id),
                "question",
                (Node::Question(i), ty),
            );
        }
        for (i, d) in file.derived.iter().enumerate() {
            declare(
                self,
                &d.id,
                At::item("derived", i, &d.id),
                "derived value",
                (Node::Derived(i), derived_ty(d.kind)),
            );
        }
        for (i, p) in file.parameters.iter().enumerate() {
            declare(
                self,
                &p.id,
                At::item("parameter", i, &p.id),
                "parameter",
                (Node::Parameter(i), Ty::Number),
            );
        }
        let options: Vec<Vec<String>> = file
            .questions
            .iter()
            .map(|q| q.options.iter().map(|o| o.id.clone()).collect())
            .collect();
        let question_ids: Vec<String> = file.questions.iter().map(|q| q.id.clone()).collect();
        let scope = Scope {
            names: &names,
            options: &options,
            question_ids: &question_ids,
        };

        let questions: Vec<Question> = file
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| self.question(q, i, &scope))
            .collect();
        let derived: Vec<Derived> = file
            .derived
            .iter()
            .enumerate()
            .map(|(i, d)| self.derived(d, i, &scope))
            .collect();
        let parameters: Vec<Parameter> = file
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| self.parameter(p, i))
            .collect();

        let mut places = Vec::new();
        let mut place_ids = BTreeSet::new();
        for (i, p) in file.places.iter().enumerate() {
            let at = At::item("place", i, &p.id);
            self.id(&p.id, &at);
            if !place_ids.insert(p.id.as_str()) {
                self.error(
                    &at.field("id"),
                    format!("place id \"{}\" is used twice", p.id),
                );
            }
            let mut p = p.clone();
            p.name = self.text(&p.name, &at.field("name"));
            if let Some(h) = &p.hours {
                p.hours = Some(self.text(h, &at.field("hours")));
            }
            if let Some(oh) = &p.opening_hours
                && let Err(e) = crate::opening_hours::OpeningHours::parse(oh)
            {
                self.error(
                    &at.field("opening_hours"),
                    format!("opening hours \"{oh}\" cannot be read: {e} (keep the hours in words in `hours`, and leave opening_hours out)"),
                );
            }
            places.push(p);
        }

        self.check_cycles(&questions, &derived);

        let mut aids = Vec::new();
        let mut aid_ids = BTreeSet::new();
        for (i, a) in file.aids.iter().enumerate() {
            let at = At::item("aid", i, &a.id);
            if !aid_ids.insert(a.id.as_str()) {
                self.error(
                    &at.field("id"),
                    format!("aid id \"{}\" is used twice", a.id),
                );
            }
            aids.push(self.aid(a, &at, &scope, &place_ids, &derived));
        }

        if file.safety.is_none() {
            // Every territory's page shows where to get help against violence.
            self.errors.push(PackError::at(
                Vec::new(),
                None,
                "no [safety] table: a territory pack must give the violence-help contacts (title, intro, contacts), or include a file that does, like packs/common/national.toml",
            ));
        }
        let safety = file.safety.as_ref().map(|s| {
            let at = At::top("safety");
            let mut s = s.clone();
            s.title = self.text(&s.title, &at.field("title"));
            s.intro = self.text(&s.intro, &at.field("intro"));
            for (i, contact) in s.contacts.iter_mut().enumerate() {
                let at = at.index("contacts", i);
                contact.label = self.text(&contact.label, &at.field("label"));
                if contact.number.is_none() && contact.url.is_none() {
                    self.error(&at, "a contact needs a number or a url");
                }
            }
            s
        });

        let next_steps = self.next_steps(file, &scope, &place_ids);
        let glossary = self.glossary(file);

        let hours = places
            .iter()
            .map(|p| {
                p.opening_hours
                    .as_deref()
                    .and_then(|h| crate::opening_hours::OpeningHours::parse(h).ok())
            })
            .collect();
        let handover = file.handover.clone().filter(|h| {
            let checked = crate::handover::check_public_key(&h.public_key);
            if let Err(message) = &checked {
                self.error(&At::top("handover").field("public_key"), message.clone());
            }
            checked.is_ok()
        });

        Some(Pack {
            id: meta.id.clone(),
            version: meta.version.clone(),
            languages: meta.languages.clone(),
            territory,
            questions,
            derived,
            parameters,
            places,
            aids,
            safety,
            next_steps,
            glossary,
            hours,
            handover,
            words: meta
                .languages
                .iter()
                .map(|l| crate::words::Words::for_pack(l))
                .collect(),
        })
    }

    /// `[[next_step]]`: checked conditions and places; at least one step always applies, so a
    /// results page never ends without something to do.
    fn next_steps(
        &mut self,
        file: &PackFile,
        scope: &Scope<'_>,
        place_ids: &BTreeSet<&str>,
    ) -> Vec<crate::guide::NextStep> {
        let mut ids = BTreeSet::new();
        let steps: Vec<crate::guide::NextStep> = file
            .next_steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let at = At::item("next_step", i, &s.id);
                self.id(&s.id, &at);
                if !ids.insert(s.id.as_str()) {
                    self.error(
                        &at.field("id"),
                        format!("next step id \"{}\" is used twice", s.id),
                    );
                }
                self.place_ref(s.place.as_deref(), &at.field("place"), place_ids);
                if s.place.is_none() && s.number.is_none() {
                    self.error(&at, "a next step needs a place or a number to call");
                }
                crate::guide::NextStep {
                    id: s.id.clone(),
                    when: s.when.clone(),
                    if_no_aid: s.if_no_aid,
                    text: self.text(&s.text, &at.field("text")),
                    place: s.place.clone(),
                    number: s.number.clone(),
                    node: s
                        .when
                        .as_ref()
                        .map(|w| self.expression(w, Ty::Bool, &at.field("when"), scope)),
                }
            })
            .collect();
        if !file.aids.is_empty() && !steps.iter().any(|s| s.when.is_none() && !s.if_no_aid) {
            self.errors.push(PackError::at(
                vec![key("next_step")],
                None,
                "no [[next_step]] that always applies (without `when` or `if_no_aid`): every results page must end with something to do, like going to the CCAS",
            ));
        }
        steps
    }

    /// `[[glossary]]`: one entry per term, every expansion translated.
    fn glossary(&mut self, file: &PackFile) -> Vec<crate::guide::GlossaryEntry> {
        let mut terms = BTreeSet::new();
        file.glossary
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let at = At::item("glossary", i, &g.term);
                if g.term.trim().is_empty() || g.term.trim() != g.term {
                    self.error(
                        &at.field("term"),
                        "a glossary term must be non-empty, without spaces around it",
                    );
                }
                if !terms.insert(g.term.as_str()) {
                    self.error(
                        &at.field("term"),
                        format!("glossary term \"{}\" is listed twice", g.term),
                    );
                }
                crate::guide::GlossaryEntry {
                    term: g.term.clone(),
                    expansion: self.text(&g.expansion, &at.field("expansion")),
                }
            })
            .collect()
    }

    /// A reference to a place, when given: it must exist.
    fn place_ref(&mut self, place: Option<&str>, at: &At<'_>, place_ids: &BTreeSet<&str>) {
        if let Some(place) = place
            && !place_ids.contains(place)
        {
            let hint = crate::expr::typecheck::suggestion(place, place_ids.iter().copied());
            self.error(at, format!("unknown place \"{place}\"{hint}"));
        }
    }

    fn expression(&mut self, text: &str, want: Ty, at: &At<'_>, scope: &Scope<'_>) -> Node {
        match parser::parse(text).and_then(|e| scope.check_as(&e, want)) {
            Ok(node) => node,
            Err(e) => {
                self.expr_error(at, e);
                Node::Bool(false)
            }
        }
    }

    fn question(
        &mut self,
        q: &crate::schema::QuestionDef,
        i: usize,
        scope: &Scope<'_>,
    ) -> Question {
        let at = At::item("question", i, &q.id);
        let label = self.text(&q.label, &at.field("label"));
        let help = q.help.as_ref().map(|h| self.text(h, &at.field("help")));
        let ask_if_node = q
            .ask_if
            .as_ref()
            .map(|e| self.expression(e, Ty::Bool, &at.field("ask_if"), scope));
        let choices = matches!(q.kind, QuestionKind::OneOf | QuestionKind::SeveralOf);
        let mut options = q.options.clone();
        if choices && options.is_empty() {
            self.error(
                &at.field("options"),
                "a one_of or several_of question needs options",
            );
        }
        if !choices && !options.is_empty() {
            self.error(
                &at.field("options"),
                "only one_of and several_of questions have options",
            );
        }
        for (n, option) in options.iter_mut().enumerate() {
            let at = at.index("options", n);
            if !valid_id(&option.id) {
                self.error(
                    &at.field("id"),
                    format!("option id \"{}\" must use only a-z, 0-9 and _", option.id),
                );
            }
            if q.options[..n].iter().any(|o| o.id == option.id) {
                self.error(
                    &at.field("id"),
                    format!("option \"{}\" is listed twice", option.id),
                );
            }
            option.label = self.text(&option.label, &at.field("label"));
        }
        for (name, bound) in [("min", &q.min), ("max", &q.max)] {
            let Some(bound) = bound else { continue };
            let fits = match q.kind {
                QuestionKind::Integer | QuestionKind::Money => matches!(bound, Bound::Number(_)),
                QuestionKind::Date => matches!(bound, Bound::Date(_) | Bound::Today),
                _ => false,
            };
            if !fits {
                let message = match q.kind {
                    QuestionKind::Integer | QuestionKind::Money => {
                        format!("{name} must be a number")
                    }
                    QuestionKind::Date => format!("{name} must be a date or \"today\""),
                    _ => format!("{name} only applies to integer, money and date questions"),
                };
                self.error(&at.field(name), message);
            }
        }
        if let (Some(Bound::Number(min)), Some(Bound::Number(max))) = (q.min, q.max)
            && min > max
        {
            self.error(&at.field("max"), format!("max {max} is below min {min}"));
        }
        if q.grows_with_time
            && !(q.kind == QuestionKind::Integer
                && matches!(q.unit, Some(Unit::Years | Unit::Months)))
        {
            self.error(
                &at.field("grows_with_time"),
                "only an integer question with unit \"years\" or \"months\" can grow with time",
            );
        }
        Question {
            id: q.id.clone(),
            kind: q.kind,
            label,
            help,
            ask_if: q.ask_if.clone(),
            dont_know: q.dont_know.unwrap_or(true),
            options,
            min: q.min,
            max: q.max,
            unit: q.unit,
            grows_with_time: q.grows_with_time,
            sensitive: q.sensitive,
            ask_if_node,
        }
    }

    fn derived(&mut self, d: &crate::schema::DerivedDef, i: usize, scope: &Scope<'_>) -> Derived {
        let at = At::item("derived", i, &d.id);
        let label = self.text(&d.label, &at.field("label"));
        let node = self.expression(&d.formula, derived_ty(d.kind), &at.field("formula"), scope);
        if d.round.is_some() && !matches!(d.kind, DerivedKind::Number | DerivedKind::Money) {
            self.error(
                &at.field("round"),
                "only number and money values can be rounded",
            );
        }
        Derived {
            id: d.id.clone(),
            kind: d.kind,
            label,
            formula: d.formula.clone(),
            round: d.round,
            node,
        }
    }

    fn parameter(&mut self, p: &crate::schema::ParameterDef, i: usize) -> Parameter {
        let at = At::item("parameter", i, &p.id);
        let label = self.text(&p.label, &at.field("label"));
        match p.status {
            ParameterStatus::NotFound if !p.values.is_empty() => {
                self.error(
                    &at.field("values"),
                    "a parameter with status \"not_found\" must not have values",
                );
            }
            ParameterStatus::Found if p.values.is_empty() => {
                self.error(
                    &at.field("values"),
                    "no values: add dated values, or write status = \"not_found\"",
                );
            }
            _ => {}
        }
        for (n, v) in p.values.iter().enumerate() {
            let at = at.index("values", n);
            if n > 0 && v.from <= p.values[n - 1].from {
                self.error(
                    &at.field("from"),
                    format!(
                        "dates must strictly increase: {} does not come after {}",
                        v.from,
                        p.values[n - 1].from
                    ),
                );
            }
            if v.source.trim().is_empty() {
                self.error(&at.field("source"), "every value needs its source");
            }
        }
        Parameter {
            id: p.id.clone(),
            label,
            unit: p.unit,
            status: p.status,
            values: p.values.clone(),
        }
    }

    fn aid(
        &mut self,
        a: &crate::schema::AidDef,
        at: &At<'_>,
        scope: &Scope<'_>,
        place_ids: &BTreeSet<&str>,
        derived: &[Derived],
    ) -> Aid {
        self.id(&a.id, at);
        let name = self.text(&a.name, &at.field("name"));
        let institution = self.text(&a.institution, &at.field("institution"));
        let summary = self.text(&a.summary, &at.field("summary"));
        let how_to_apply = a
            .how_to_apply
            .as_ref()
            .map(|t| self.text(t, &at.field("how_to_apply")));
        let documents = a
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let at = at.index("documents", i);
                self.place_ref(d.place.as_deref(), &at.field("place"), place_ids);
                crate::guide::Document {
                    paper: self.text(&d.paper, &at.field("paper")),
                    where_to_get: d
                        .where_to_get
                        .as_ref()
                        .map(|w| self.text(w, &at.field("where"))),
                    place: d.place.clone(),
                    to_confirm: d.to_confirm,
                }
            })
            .collect();
        let checks = self.texts(&a.checks, at, "checks");
        for (i, place) in a.places.iter().enumerate() {
            if !place_ids.contains(place.as_str()) {
                let hint = crate::expr::typecheck::suggestion(place, place_ids.iter().copied());
                self.error(
                    &at.index("places", i),
                    format!("unknown place \"{place}\"{hint}"),
                );
            }
        }
        if a.places.is_empty() && a.how_to_apply.is_none() {
            self.error(at, "an aid needs places or how_to_apply");
        }
        if a.sources.is_empty() {
            self.error(
                &at.field("sources"),
                "an aid needs at least one source (title, url, verified)",
            );
        }
        for (i, s) in a.sources.iter().enumerate() {
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                self.error(
                    &at.index("sources", i).field("url"),
                    format!("\"{}\" is not a web address", s.url),
                );
            }
        }
        let window = a.window.as_ref().and_then(|w| {
            let from = month_day(&w.from);
            let to = month_day(&w.to);
            if from.is_none() {
                self.error(
                    &at.field("window").field("from"),
                    format!("\"{}\" is not a day like \"09-01\"", w.from),
                );
            }
            if to.is_none() {
                self.error(
                    &at.field("window").field("to"),
                    format!("\"{}\" is not a day like \"12-31\"", w.to),
                );
            }
            Some(Window {
                from: from?,
                to: to?,
            })
        });
        let criteria: Vec<Criterion> = a
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let at = at.index("criterion", i);
                Criterion {
                    when: c.when.clone(),
                    label: self.text(&c.label, &at.field("label")),
                    node: self.expression(&c.when, Ty::Bool, &at.field("when"), scope),
                }
            })
            .collect();
        let amount = a.amount.as_ref().map(|m| {
            let at = at.field("amount");
            let node = self.expression(&m.formula, Ty::Number, &at.field("formula"), scope);
            if m.max_months == Some(0) {
                self.error(&at.field("max_months"), "max_months must be at least 1");
            }
            let up_to_node = m
                .up_to
                .as_ref()
                .map(|e| self.expression(e, Ty::Number, &at.field("up_to"), scope));
            if m.up_to.is_some() && m.kind == AmountKind::UpTo {
                self.error(
                    &at.field("up_to"),
                    "an amount of kind \"up_to\" is already a ceiling: give up_to only with an exact formula",
                );
            }
            AmountRule {
                formula: m.formula.clone(),
                round: m.round.unwrap_or(Rounding::Cent),
                kind: m.kind,
                period: m.period,
                max_months: m.max_months,
                parameters: parameters_of(&[&node], derived),
                node,
                up_to: m.up_to.clone(),
                up_to_parameters: up_to_node
                    .as_ref()
                    .map_or_else(Vec::new, |n| parameters_of(&[n], derived)),
                up_to_node,
            }
        });
        let advice = a
            .advice
            .iter()
            .enumerate()
            .map(|(i, adv)| {
                let at = at.index("advice", i);
                Advice {
                    when: adv.when.clone(),
                    text: self.text(&adv.text, &at.field("text")),
                    node: self.expression(&adv.when, Ty::Bool, &at.field("when"), scope),
                }
            })
            .collect();
        let criteria_parameters = parameters_of(
            &criteria.iter().map(|c| &c.node).collect::<Vec<_>>(),
            derived,
        );
        Aid {
            id: a.id.clone(),
            name,
            institution,
            summary,
            kind: a.kind,
            status: a.status,
            window,
            places: a.places.clone(),
            how_to_apply,
            documents,
            checks,
            sources: a.sources.clone(),
            criteria,
            amount,
            advice,
            criteria_parameters,
        }
    }

    /// Questions' `ask_if` and derived formulas must not depend on themselves.
    fn check_cycles(&mut self, questions: &[Question], derived: &[Derived]) {
        let nq = questions.len();
        for (w, cycle) in crate::pack::cycles(questions, derived) {
            let at = if w < nq {
                At::item("question", w, &questions[w].id).field("ask_if")
            } else {
                At::item("derived", w - nq, &derived[w - nq].id).field("formula")
            };
            self.error(&at, format!("circular definition: {}", cycle.join(" -> ")));
        }
    }
}

fn derived_ty(kind: DerivedKind) -> Ty {
    match kind {
        DerivedKind::Number | DerivedKind::Money => Ty::Number,
        DerivedKind::YesNo => Ty::Bool,
        DerivedKind::Date => Ty::Date,
    }
}

fn month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    // A leap year, so that 02-29 is accepted.
    crate::date::Date::new(2024, m, d).map(|_| (m, d))
}

/// Parameters read by `nodes`, directly or through derived values (not through `ask_if`).
fn parameters_of(nodes: &[&Node], derived: &[Derived]) -> Vec<usize> {
    let mut found = BTreeSet::new();
    let mut visited = BTreeSet::new();
    let mut todo: Vec<&Node> = nodes.to_vec();
    while let Some(node) = todo.pop() {
        node.for_each_reference(&mut |r| match r {
            Node::Parameter(p) => {
                found.insert(*p);
            }
            Node::Derived(d) => {
                if visited.insert(*d)
                    && let Some(derived) = derived.get(*d)
                {
                    todo.push(&derived.node);
                }
            }
            _ => {}
        });
    }
    found.into_iter().collect()
}
