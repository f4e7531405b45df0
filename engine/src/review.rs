//! Freshness: what staff should look at again ("to review"), as warnings that never fail a check. Values
//! and rules whose source stopped applying or whose review date is past, parameters no rule uses, aids
//! without papers to bring or place to go, places without address or opening hours. `eligo-rules check`
//! prints them; the studio opens on them.

use crate::date::Date;
use crate::errors::{PackError, PathSegment, key};
use crate::expr::lexer::{Token, tokenize};
use crate::schema::PackFile;
use crate::toml_source::LoadedPack;
use std::collections::BTreeSet;

/// What kind of thing to review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewKind {
    /// The source stopped applying (`until` is past).
    Expired,
    /// The review date (`review_by`) is past.
    ReviewDue,
    /// A parameter no rule uses.
    Unused,
    /// An aid without documents to bring.
    NoDocuments,
    /// An aid without a place to go.
    NoPlace,
    /// A place without an address.
    NoAddress,
    /// A place without opening hours.
    NoHours,
}

/// One thing to review, located like a checker problem (file, line, column, field path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewItem {
    /// What kind.
    pub kind: ReviewKind,
    /// Where and what, in English (the message table's key): see [`ReviewItem::render`].
    pub problem: PackError,
}

impl ReviewItem {
    /// `warning: file:line:column: path: message` in `lang`.
    pub fn render(&self, lang: &str) -> String {
        let word = match lang {
            "fr" => "avertissement",
            "ar" => "تنبيه",
            _ => "warning",
        };
        format!("{word}: {}", crate::messages::render(&self.problem, lang))
    }

    /// The message alone in `lang` (the studio shows the line and field beside it).
    pub fn message(&self, lang: &str) -> String {
        crate::messages::localize(&self.problem.message, lang)
    }
}

/// The names an expression uses (ids of questions, derived values, parameters).
fn names_in(expr: &str, out: &mut BTreeSet<String>) {
    if let Ok(tokens) = tokenize(expr) {
        for (token, _) in tokens {
            if let Token::Ident(name) = token {
                out.insert(name);
            }
        }
    }
}

/// Every name any rule of `file` uses.
fn used_names(file: &PackFile) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for q in &file.questions {
        if let Some(e) = &q.ask_if {
            names_in(e, &mut used);
        }
    }
    for d in &file.derived {
        names_in(&d.formula, &mut used);
    }
    for a in &file.aids {
        for c in &a.criteria {
            names_in(&c.when, &mut used);
        }
        for adv in &a.advice {
            names_in(&adv.when, &mut used);
        }
        if let Some(m) = &a.amount {
            names_in(&m.formula, &mut used);
            if let Some(u) = &m.up_to {
                names_in(u, &mut used);
            }
        }
    }
    used
}

/// Item `i` of a section (`parameter`, `aid`, `place`) and its id.
type At<'a> = (&'static str, usize, &'a str);

/// A warning about `field` of the item at `at`.
fn item(
    kind: ReviewKind,
    (section, i, id): At,
    field: &str,
    message: impl Into<String>,
) -> ReviewItem {
    ReviewItem {
        kind,
        problem: PackError::at(
            vec![key(section), PathSegment::Index(i), key(field)],
            Some(id),
            message.into(),
        ),
    }
}

/// What to review in a merged pack file on `today`, unlocated (paths in the merged file).
pub fn to_review_file(file: &PackFile, today: Date) -> Vec<ReviewItem> {
    use ReviewKind::*;
    let used = used_names(file);
    let mut out = Vec::new();
    // The dates a parameter or an aid may carry: past its source's end, due for review.
    let dated = |at: At, until: Option<Date>, review_by: Option<Date>| {
        let expired = until.filter(|d| *d < today).map(|d| {
            let message = format!("the source stopped applying on {d}: find the new value or rule");
            item(Expired, at, "until", message)
        });
        let due = review_by
            .filter(|d| *d <= today)
            .map(|d| item(ReviewDue, at, "review_by", format!("to review since {d}")));
        expired.into_iter().chain(due)
    };
    for (i, p) in file.parameters.iter().enumerate() {
        let at = ("parameter", i, p.id.as_str());
        out.extend(dated(at, p.until, p.review_by));
        if !used.contains(&p.id) {
            out.push(item(Unused, at, "id", "used by no rule"));
        }
    }
    for (i, a) in file.aids.iter().enumerate() {
        let at = ("aid", i, a.id.as_str());
        out.extend(dated(at, a.until, a.review_by));
        if a.documents.is_empty() {
            out.push(item(NoDocuments, at, "documents", "no documents to bring"));
        }
        if a.places.is_empty() {
            out.push(item(NoPlace, at, "places", "no place to go"));
        }
    }
    for (i, p) in file.places.iter().enumerate() {
        let at = ("place", i, p.id.as_str());
        if p.address.is_none() {
            out.push(item(NoAddress, at, "address", "no address"));
        }
        // Hours in words or in the OpenStreetMap syntax: either tells the resident when to come.
        if p.hours.is_none() && p.opening_hours.is_none() {
            out.push(item(NoHours, at, "hours", "no opening hours"));
        }
    }
    out
}

/// What to review in a loaded pack on `today`, each item at its file, line and column (the field
/// itself when written, else the item it belongs to). Warnings: they never make a pack invalid.
pub fn to_review(loaded: &LoadedPack, today: Date) -> Vec<ReviewItem> {
    let items = to_review_file(&loaded.merged, today);
    let (kinds, mut problems): (Vec<ReviewKind>, Vec<PackError>) =
        items.into_iter().map(|i| (i.kind, i.problem)).unzip();
    loaded.sources.locate_all(&mut problems);
    kinds
        .into_iter()
        .zip(problems)
        .map(|(kind, problem)| ReviewItem { kind, problem })
        .collect()
}
