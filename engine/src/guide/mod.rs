//! What a results page needs beyond the verdicts, from the pack: the papers to bring for an aid and
//! where to get each ([`Document`]), what to do next for this situation ([`NextStep`],
//! [`next_steps`]), and the words to explain once per page ([`GlossaryEntry`], [`glossary_marks`]).
//! Data only: the interface words and lays it out.

use crate::answers::Answers;
use crate::date::Date;
use crate::eval::Evaluator;
use crate::kleene::Tri;
use crate::pack::Pack;
use crate::report::{Report, Verdict};
use crate::schema::AidKind;

pub mod items;
pub use items::{Document, GlossaryEntry, NextStep, NextStepDef};

/// The next steps for these answers and this outcome, in pack order: those whose condition holds
/// (an unknown condition does not show a step), and those for "no aid" when no aid of kind `aid`
/// is eligible or to confirm. A checked pack has a step that always applies, so the list is never
/// empty.
pub fn next_steps<'a>(
    pack: &'a Pack,
    answers: &Answers,
    today: Date,
    report: &Report,
) -> Vec<&'a NextStep> {
    let mut ev = Evaluator::new(pack, answers, today);
    let some_aid = pack.aids.iter().zip(&report.aids).any(|(aid, r)| {
        aid.kind == AidKind::Aid
            && matches!(r.verdict, Verdict::Eligible | Verdict::ToConfirm { .. })
    });
    pack.next_steps
        .iter()
        .filter(|s| !(s.if_no_aid && some_aid))
        .filter(|s| s.node.as_ref().is_none_or(|n| ev.truth(n) == Tri::True))
        .collect()
}

/// The glossary entries (positions) some text of the pack uses in `lang`: what a results page could
/// ever expand (the built pack for the app keeps only these).
pub fn glossary_used(pack: &Pack, lang: &str) -> Vec<usize> {
    let texts = pack.resident_texts();
    let mut seen = Vec::new();
    for t in texts {
        glossary_marks(pack, t.get(lang), &mut seen);
    }
    seen.sort_unstable();
    seen
}

/// A glossary term found in a text: its byte range and its entry (position in
/// [`Pack::glossary`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlossaryMark {
    /// Byte offset of the term's first character.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// The entry's position in the pack's glossary.
    pub entry: usize,
}

/// Whether `text` starts with `term`: exactly for an acronym ("CAF" is not "caf"), regardless of the
/// case of ASCII letters for a term written in lowercase ("Reste à vivre" at the start of a sentence).
fn term_at(text: &str, term: &str) -> bool {
    match text.get(..term.len()) {
        Some(head) if term.chars().any(char::is_lowercase) => head.eq_ignore_ascii_case(term),
        Some(head) => head == term,
        None => false,
    }
}

/// The first use of each glossary term in `text` not already in `seen` (positions in the pack's
/// glossary), in text order; the terms found are added to `seen`. Pass the same `seen` for every
/// text of a page, in reading order, to expand each term once per page. A term matches as a whole
/// word (the characters around it are not letters or digits); at one position the longest term
/// wins.
pub fn glossary_marks(pack: &Pack, text: &str, seen: &mut Vec<usize>) -> Vec<GlossaryMark> {
    let mut marks = Vec::new();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let before = text[..at].chars().next_back();
        let found = (!is_word(before))
            .then(|| {
                pack.glossary
                    .iter()
                    .enumerate()
                    .filter(|(i, g)| {
                        !g.term.is_empty()
                            && !seen.contains(i)
                            && term_at(rest, &g.term)
                            && !is_word(rest[g.term.len()..].chars().next())
                    })
                    .max_by_key(|(_, g)| g.term.len())
            })
            .flatten();
        match found {
            Some((i, g)) => {
                marks.push(GlossaryMark {
                    start: at,
                    end: at + g.term.len(),
                    entry: i,
                });
                seen.push(i);
                at += g.term.len();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    marks
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use crate::answers::Answer;

    /// A one-language pack with one aid, three next steps and `terms` in its glossary.
    const BASE: &str = r#"
[pack]
id = "t"
version = "1"
languages = ["fr"]
[territory]
name = { fr = "T" }
[safety]
title = { fr = "Violences" }
intro = { fr = "Appelez le 3919." }
[[question]]
id = "homeless"
type = "yes_no"
label = { fr = "Êtes-vous sans logement ?" }
[[question]]
id = "age"
type = "integer"
label = { fr = "Âge ?" }
[[place]]
id = "ccas"
name = { fr = "CCAS" }
opening_hours = "Mo-Fr 08:30-12:00"
[[aid]]
id = "a"
name = { fr = "Aide" }
institution = { fr = "CCAS" }
summary = { fr = "Une aide." }
places = ["ccas"]
sources = [{ title = "s", url = "https://example.org", verified = 2026-11-23 }]
documents = [{ paper = { fr = "Pièce d'identité" }, where = { fr = "Mairie" }, place = "ccas", to_confirm = true }]
[[aid.criterion]]
when = "age < 27"
label = { fr = "Moins de 27 ans" }
[[next_step]]
id = "sans_logement"
when = "homeless"
text = { fr = "Appelez le 115." }
number = "115"
[[next_step]]
id = "rien"
if_no_aid = true
text = { fr = "Le CCAS peut regarder votre situation." }
place = "ccas"
[[next_step]]
id = "ccas"
text = { fr = "Allez au CCAS." }
place = "ccas"
"#;

    fn file(terms: &[&str]) -> crate::schema::PackFile {
        let mut text = BASE.to_string();
        for t in terms {
            text.push_str(&format!(
                "[[glossary]]\nterm = \"{t}\"\nexpansion = {{ fr = \"sens de {t}\" }}\n"
            ));
        }
        toml::from_str(&text).unwrap()
    }

    fn pack_with_glossary(terms: &[&str]) -> Pack {
        Pack::from_file(&file(terms)).unwrap()
    }

    fn ids(steps: &[&NextStep]) -> Vec<String> {
        steps.iter().map(|s| s.id.clone()).collect()
    }

    #[test]
    fn next_steps_follow_the_answers_and_the_outcome() {
        let pack = pack_with_glossary(&[]);
        let today = Date::new(2026, 11, 26).unwrap();
        let at = |answers: &Answers| {
            let report = crate::evaluate(&pack, answers, today);
            ids(&next_steps(&pack, answers, today, &report))
        };
        let mut a = Answers::new();
        // Nothing known: the aid is not open, the steps without a condition show.
        assert_eq!(at(&a), ["rien", "ccas"]);
        a.set("homeless", Answer::YesNo(true));
        a.set("age", Answer::Number(20.into()));
        assert_eq!(at(&a), ["sans_logement", "ccas"]);
        a.set("homeless", Answer::DontKnow);
        a.set("age", Answer::Number(40.into()));
        assert_eq!(at(&a), ["rien", "ccas"]);
        // The documents and hours read back through the binary form.
        let back = Pack::from_bytes(&pack.to_bytes_in("fr")).unwrap();
        assert_eq!(back.aids[0].documents, pack.aids[0].documents);
        assert_eq!(back.aids[0].documents[0].get("fr"), "Pièce d'identité");
        // The app's pack carries the hours read ahead, not their text.
        assert_eq!(back.places[0].opening_hours, None);
        assert!(back.place_hours("ccas").is_some());
        assert_eq!(back.place_hours("ccas"), pack.place_hours("ccas"));
        let monday = Date::new(2026, 11, 23).unwrap();
        assert!(back.place_hours("ccas").unwrap().is_open(monday, 9 * 60));
        assert_eq!(back.next_steps.len(), 3);
        assert_eq!(back.next_steps[0].when.as_deref(), Some(""));
    }

    #[test]
    fn a_pack_without_a_step_that_always_applies_or_with_unreadable_hours_is_refused() {
        let mut f = file(&[]);
        f.next_steps.retain(|s| s.when.is_some() || s.if_no_aid);
        let e = Pack::from_file(&f).unwrap_err().to_string();
        assert!(e.contains("always applies"), "{e}");
        let mut f = file(&[]);
        f.places[0].opening_hours = Some("Lu-Ve 8h-12h".into());
        let e = Pack::from_file(&f).unwrap_err().to_string();
        assert!(
            e.contains("opening_hours") && e.contains("cannot be read"),
            "{e}"
        );
        let mut f = file(&["CCAS", "CCAS"]);
        f.aids[0].documents[0].place = Some("cca".into());
        let e = Pack::from_file(&f).unwrap_err().to_string();
        assert!(
            e.contains("listed twice") && e.contains("unknown place \"cca\""),
            "{e}"
        );
    }

    #[test]
    fn declined_is_offered_on_sensitive_questions_only_and_never_refuses() {
        let mut f = file(&[]);
        f.questions[1].sensitive = true;
        let pack = Pack::from_file(&f).unwrap();
        let today = Date::new(2026, 11, 26).unwrap();
        let age = pack.question("age").unwrap();
        assert!(age.check_answer(&Answer::Declined, today).is_ok());
        assert_eq!(
            pack.question("homeless")
                .unwrap()
                .check_answer(&Answer::Declined, today),
            Err(crate::InputError::DeclineNotOffered)
        );
        let mut a = Answers::new();
        a.set("age", Answer::Declined);
        let report = crate::evaluate(&pack, &a, today);
        assert_eq!(report.aids[0].verdict.name(), "undetermined");
        let outlook = crate::outlook(&pack, &a, today, &report);
        assert_eq!(
            outlook[0].criteria[0].status,
            crate::CriterionStatus::NotKnown
        );
    }

    #[test]
    fn marks_each_term_once_per_page_as_a_whole_word() {
        let pack = pack_with_glossary(&["CCAS", "CSS", "reste à vivre", "CAF"]);
        let mut seen = Vec::new();
        let text = "Le CCAS calcule le Reste à vivre ; le CCAS oriente. CAFÉ, caf : pas la CAF.";
        let marks = glossary_marks(&pack, text, &mut seen);
        let words: Vec<&str> = marks.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(words, ["CCAS", "Reste à vivre", "CAF"]);
        assert_eq!(&text[marks[2].start - 3..marks[2].start], "la ");
        // The next text of the same page: CCAS is already explained, CSS is new.
        let marks = glossary_marks(&pack, "Demandez la CSS au CCAS.", &mut seen);
        assert_eq!(marks.len(), 1);
        assert_eq!(pack.glossary[marks[0].entry].term, "CSS");
    }

    #[test]
    fn longest_term_wins_and_arabic_text_is_walked_safely() {
        let pack = pack_with_glossary(&["FAJ", "FAJ Doubs"]);
        let mut seen = Vec::new();
        let text = "صندوق (FAJ Doubs) و FAJ";
        let marks = glossary_marks(&pack, text, &mut seen);
        assert_eq!(&text[marks[0].start..marks[0].end], "FAJ Doubs");
        assert_eq!(&text[marks[1].start..marks[1].end], "FAJ");
    }
}
