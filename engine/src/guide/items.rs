//! What a pack holds for the results page beyond the rules, as data: the papers to bring, the next steps,
//! the glossary. Apart from what the parent module computes with them (which steps apply, which words to
//! explain), so that the pack's format names them without depending on the evaluator.

use crate::expr::ast::Node;
use crate::text::Text;
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// `[[aid]] documents = [{ paper = …, where = …, place = "…" }]`: one paper to bring, in plain
/// words, with where to get it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The paper, in plain words ("Votre dernier avis d'impôt").
    pub paper: Text,
    /// Where to get it, in plain words ("sur impots.gouv.fr, espace particulier").
    #[serde(default, rename = "where", skip_serializing_if = "Option::is_none")]
    pub where_to_get: Option<Text>,
    /// A place of the pack that gives it or tells which one (place id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// No source lists this paper for this aid: the CCAS confirms the list.
    #[serde(default, skip_serializing_if = "is_false")]
    pub to_confirm: bool,
}

impl Document {
    /// The paper in `lang` (what a checklist line shows).
    pub fn get(&self, lang: &str) -> &str {
        self.paper.get(lang)
    }
}

/// `[[next_step]]` as written: what to do next, for the situations its condition selects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextStepDef {
    /// Id (its own namespace).
    pub id: String,
    /// When it applies, over answers and derived values; none: always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Only when no aid (kind `aid`) can be asked for: eligible or to confirm.
    #[serde(default, skip_serializing_if = "is_false")]
    pub if_no_aid: bool,
    /// What to do, in plain words.
    pub text: Text,
    /// Where (place id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A number to call when there is no place (115, 3919…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// A next step of a compiled pack.
#[derive(Clone, Debug, PartialEq)]
pub struct NextStep {
    /// Id.
    pub id: String,
    /// Condition as written (empty in the app's packs; none: always).
    pub when: Option<String>,
    /// Only when no aid can be asked for.
    pub if_no_aid: bool,
    /// What to do.
    pub text: Text,
    /// Where (place id).
    pub place: Option<String>,
    /// A number to call.
    pub number: Option<String>,
    pub(crate) node: Option<Node>,
}

/// `[[glossary]]`: a term (an acronym, a phrase like "reste à vivre") and what it means, per
/// language. The term is matched as written, as a whole word, in texts of any language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term as it appears in texts ("CCAS").
    pub term: String,
    /// What it means ("centre communal d'action sociale").
    pub expansion: Text,
}
