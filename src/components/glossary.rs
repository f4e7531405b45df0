//! The pack's glossary on a page: each term (CCAS, FAJ, "reste à vivre"…) is followed by its expansion
//! where the page first uses it, "CCAS (centre communal d'action sociale…)", and left as is after that.
//! The engine finds the terms (`glossary_marks`); a page's [`Glossary`], passed along while it is drawn, holds
//! which ones it has expanded.

use crate::i18n::Lang;
use crate::rules::Pack;
use std::cell::RefCell;

/// A page's glossary while it is drawn: the texts it is given, in reading order, expand each term once.
pub struct Glossary<'a> {
    pack: &'a Pack,
    lang: Lang,
    seen: RefCell<Vec<usize>>,
}

impl<'a> Glossary<'a> {
    /// A page on `pack`, in `lang`, nothing expanded yet.
    pub fn new(pack: &'a Pack, lang: Lang) -> Glossary<'a> {
        Glossary {
            pack,
            lang,
            seen: RefCell::new(Vec::new()),
        }
    }

    /// `text` with the expansion after each glossary term the page has not expanded yet.
    pub fn expand(&self, text: &str) -> String {
        let marks = crate::rules::glossary_marks(self.pack, text, &mut self.seen.borrow_mut());
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for mark in marks {
            out.push_str(&text[at..mark.end]);
            at = mark.end;
            // A term already in brackets, or already followed by its own, is explained where it stands:
            // "Revenu Minimum Étudiant (RME)", "CCAS de Chenôve (centre communal d'action sociale)".
            let after = &text[mark.end..];
            let bracketed = text[..mark.start].ends_with('(')
                || after.trim_start().starts_with('(')
                || after.starts_with(" de ") && after.contains('(');
            if let Some(entry) = self.pack.glossary.get(mark.entry).filter(|_| !bracketed) {
                out.push_str(&format!(" ({})", entry.expansion.get(self.lang.code())));
            }
        }
        out.push_str(&text[at..]);
        out
    }

    /// An element `tag` holding `text`, expanded (see [`crate::components::text`]).
    pub fn text(&self, tag: &'static str, class: &'static str, text: &str) -> yew::Html {
        crate::components::text(tag, class, &self.expand(text))
    }
}

#[cfg(test)]
mod tests {
    use super::Glossary;
    use crate::i18n::Lang;
    use crate::store::Rules;

    /// Issue 14: on a page, each acronym is expanded where it is first used, then left as is.
    #[test]
    fn each_term_is_expanded_once_per_page() {
        let rules = Rules::embedded();
        let pack = (0..rules.len())
            .filter_map(|i| rules.pack(i, Lang::Fr))
            .find(|p| p.id == "chenove")
            .expect("the Chenôve pack");
        let entry = pack.glossary_entry("CCAS").expect("CCAS in the glossary");
        let expansion = entry.expansion.get("fr").to_string();
        let page = Glossary::new(pack, Lang::Fr);
        assert_eq!(
            page.expand("Voyez le CCAS."),
            format!("Voyez le CCAS ({expansion})."),
        );
        assert_eq!(page.expand("Le CCAS, encore."), "Le CCAS, encore.");
        // Already explained where it stands: not again.
        assert_eq!(page.expand("Aide (FAJ)"), "Aide (FAJ)");
        // Another page starts anew.
        let other = Glossary::new(pack, Lang::Fr);
        assert_ne!(other.expand("Le CCAS."), "Le CCAS.");
    }
}
