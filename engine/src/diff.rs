//! What changed between two versions of a pack, for the CCAS board (the studio's board preview and
//! `eligo-rules diff OLD NEW`): aids whose rules, texts or status changed, parameter values added or
//! removed with their dates, and test cases whose verdict (or amount) flips.

use crate::cases::{Case, typed_answers};
use crate::schema::{AidDef, DatedValue, PackFile};
use crate::toml_source::LoadedPack;
use crate::{Decimal, Pack, evaluate};

/// How an aid changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AidChange {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with these parts changed (`rules`, `texts`, `status`, `application window`, `documents`,
    /// `places`, `sources`, `freshness dates`).
    Changed(Vec<&'static str>),
}

/// An aid that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AidDiff {
    /// Aid id.
    pub id: String,
    /// How.
    pub change: AidChange,
}

/// A parameter that changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ParameterDiff {
    /// Parameter id.
    pub id: String,
    /// The whole parameter is new (`Some(true)`) or gone (`Some(false)`).
    pub whole: Option<bool>,
    /// Values only in the new version (with their dates and sources).
    pub added: Vec<DatedValue>,
    /// Values only in the old version.
    pub removed: Vec<DatedValue>,
}

/// A test case whose outcome for an aid differs between the two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlippedCase {
    /// Case name.
    pub case: String,
    /// Line of the case in its file.
    pub line: Option<usize>,
    /// Aid id.
    pub aid: String,
    /// Verdict name before (`eligible`, `to_confirm`, `undetermined`, `not_eligible`), `None` if the aid
    /// is not in the old version.
    pub before: Option<&'static str>,
    /// Verdict name after.
    pub after: Option<&'static str>,
    /// Amount before, when it changed.
    pub amount_before: Option<Decimal>,
    /// Amount after, when it changed.
    pub amount_after: Option<Decimal>,
}

/// Everything that changed between two versions of a pack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackDiff {
    /// Aids added, removed or changed, in the new pack's order (removed ones last).
    pub aids: Vec<AidDiff>,
    /// Parameters whose values changed.
    pub parameters: Vec<ParameterDiff>,
    /// Cases whose verdict or amount flips.
    pub flipped: Vec<FlippedCase>,
    /// Cases that could not run on one version (an answer to a question it does not have): name.
    pub not_comparable: Vec<String>,
}

fn changed_parts(old: &AidDef, new: &AidDef) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let rules = |a: &AidDef| {
        (
            a.criteria
                .iter()
                .map(|c| c.when.clone())
                .collect::<Vec<_>>(),
            a.amount.clone(),
            a.advice.iter().map(|c| c.when.clone()).collect::<Vec<_>>(),
            a.kind,
        )
    };
    if rules(old) != rules(new) {
        parts.push("rules");
    }
    let texts = |a: &AidDef| {
        (
            a.name.clone(),
            a.institution.clone(),
            a.summary.clone(),
            a.how_to_apply.clone(),
            a.checks.clone(),
            a.criteria
                .iter()
                .map(|c| c.label.clone())
                .collect::<Vec<_>>(),
            a.advice.iter().map(|c| c.text.clone()).collect::<Vec<_>>(),
        )
    };
    if texts(old) != texts(new) {
        parts.push("texts");
    }
    for (changed, name) in [
        (old.status != new.status, "status"),
        (old.window != new.window, "application window"),
        (old.documents != new.documents, "documents"),
        (old.places != new.places, "places"),
        (old.sources != new.sources, "sources"),
        (
            (old.verified, old.review_by, old.until) != (new.verified, new.review_by, new.until),
            "freshness dates",
        ),
    ] {
        if changed {
            parts.push(name);
        }
    }
    parts
}

/// Aids and parameters that changed between two merged pack files.
pub fn diff_files(old: &PackFile, new: &PackFile) -> PackDiff {
    let mut out = PackDiff::default();
    for a in &new.aids {
        match old.aids.iter().find(|o| o.id == a.id) {
            None => out.aids.push(AidDiff {
                id: a.id.clone(),
                change: AidChange::Added,
            }),
            Some(o) => {
                let parts = changed_parts(o, a);
                if !parts.is_empty() {
                    out.aids.push(AidDiff {
                        id: a.id.clone(),
                        change: AidChange::Changed(parts),
                    });
                }
            }
        }
    }
    for o in &old.aids {
        if !new.aids.iter().any(|a| a.id == o.id) {
            out.aids.push(AidDiff {
                id: o.id.clone(),
                change: AidChange::Removed,
            });
        }
    }
    let same = |a: &DatedValue, b: &DatedValue| a.from == b.from && a.value.0 == b.value.0;
    for p in &new.parameters {
        let (whole, old_values) = match old.parameters.iter().find(|o| o.id == p.id) {
            None => (Some(true), &[][..]),
            Some(o) => (None, &o.values[..]),
        };
        let added: Vec<DatedValue> = p
            .values
            .iter()
            .filter(|v| !old_values.iter().any(|o| same(o, v)))
            .cloned()
            .collect();
        let removed: Vec<DatedValue> = old_values
            .iter()
            .filter(|o| !p.values.iter().any(|v| same(o, v)))
            .cloned()
            .collect();
        if whole.is_some() || !added.is_empty() || !removed.is_empty() {
            out.parameters.push(ParameterDiff {
                id: p.id.clone(),
                whole,
                added,
                removed,
            });
        }
    }
    for o in &old.parameters {
        if !new.parameters.iter().any(|p| p.id == o.id) {
            out.parameters.push(ParameterDiff {
                id: o.id.clone(),
                whole: Some(false),
                added: Vec::new(),
                removed: o.values.clone(),
            });
        }
    }
    out
}

/// The verdict name and amount of each aid for a case, or `None` when its answers do not fit the pack.
fn outcomes(pack: &Pack, case: &Case) -> Option<Vec<(String, &'static str, Option<Decimal>)>> {
    let answers = typed_answers(pack, &case.answers, case.date).ok()?;
    let report = evaluate(pack, &answers, case.date);
    Some(
        pack.aids
            .iter()
            .filter_map(|a| {
                report.aid(&a.id).map(|r| {
                    (
                        a.id.clone(),
                        r.verdict.name(),
                        r.amount.as_ref().map(|m| m.value),
                    )
                })
            })
            .collect(),
    )
}

/// Everything that changed from `old` to `new`, with `cases` (usually the new version's) run on both.
pub fn diff(old: &LoadedPack, new: &LoadedPack, cases: &[Case]) -> PackDiff {
    let mut out = diff_files(&old.merged, &new.merged);
    for case in cases {
        let (Some(before), Some(after)) = (outcomes(&old.pack, case), outcomes(&new.pack, case))
        else {
            out.not_comparable.push(case.name.clone());
            continue;
        };
        for (aid, verdict, amount) in &after {
            let old_one = before.iter().find(|b| &b.0 == aid);
            let (b_verdict, b_amount) = (old_one.map(|b| b.1), old_one.and_then(|b| b.2));
            let amount_changed = old_one.is_some() && b_amount != *amount;
            if b_verdict != Some(*verdict) || amount_changed {
                out.flipped.push(FlippedCase {
                    case: case.name.clone(),
                    line: case.line,
                    aid: aid.clone(),
                    before: b_verdict,
                    after: Some(verdict),
                    amount_before: amount_changed.then_some(b_amount).flatten(),
                    amount_after: amount_changed.then_some(*amount).flatten(),
                });
            }
        }
        for (aid, verdict, _) in &before {
            if !after.iter().any(|a| &a.0 == aid) {
                out.flipped.push(FlippedCase {
                    case: case.name.clone(),
                    line: case.line,
                    aid: aid.clone(),
                    before: Some(verdict),
                    after: None,
                    amount_before: None,
                    amount_after: None,
                });
            }
        }
    }
    out
}

impl PackDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.aids.is_empty() && self.parameters.is_empty() && self.flipped.is_empty()
    }

    /// One line per change, in English (the message table's keys): see [`PackDiff::lines`].
    pub fn english_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for a in &self.aids {
            out.push(match &a.change {
                AidChange::Added => format!("aid \"{}\" added", a.id),
                AidChange::Removed => format!("aid \"{}\" removed", a.id),
                AidChange::Changed(parts) => {
                    format!("aid \"{}\": changed {}", a.id, parts.join(", "))
                }
            });
        }
        for p in &self.parameters {
            match p.whole {
                Some(true) => out.push(format!("parameter \"{}\" added", p.id)),
                Some(false) => out.push(format!("parameter \"{}\" removed", p.id)),
                None => {}
            }
            for v in &p.added {
                out.push(format!(
                    "parameter \"{}\": value {} from {} added (source: {})",
                    p.id, v.value.0, v.from, v.source
                ));
            }
            for v in &p.removed {
                out.push(format!(
                    "parameter \"{}\": value {} from {} removed",
                    p.id, v.value.0, v.from
                ));
            }
        }
        let none = |v: Option<&str>| v.unwrap_or("none").to_string();
        for f in &self.flipped {
            let mut line = format!(
                "case \"{}\", aid \"{}\": {} before, {} after",
                f.case,
                f.aid,
                none(f.before),
                none(f.after)
            );
            if f.amount_before.is_some() || f.amount_after.is_some() {
                let money = |m: Option<Decimal>| m.map_or("none".to_string(), |m| m.to_string());
                line = format!(
                    "{line}; amount {} before, {} after",
                    money(f.amount_before),
                    money(f.amount_after)
                );
            }
            out.push(line);
        }
        for name in &self.not_comparable {
            out.push(format!(
                "case \"{name}\" cannot run on both versions (its answers do not fit one of them)"
            ));
        }
        if out.is_empty() {
            out.push("no change".to_string());
        }
        out
    }

    /// One line per change in `lang` (French, English or Arabic).
    pub fn lines(&self, lang: &str) -> Vec<String> {
        self.english_lines()
            .iter()
            .map(|l| crate::messages::localize(l, lang))
            .collect()
    }
}
