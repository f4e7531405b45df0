//! The pack's glossary on a page: each term (CCAS, FAJ, "reste à vivre"…) is followed by its expansion
//! where the page first uses it, "CCAS (centre communal d'action sociale)", and left as is after that.
//! The engine finds the terms (`glossary_marks`); a page being drawn holds which ones it has expanded.

use crate::i18n::Lang;
use crate::rules::Pack;
use std::cell::RefCell;
use std::rc::Rc;

/// A page being drawn: its pack, its language, the glossary entries it has expanded.
type Drawing = (Rc<Pack>, Lang, Vec<usize>);

thread_local! {
    /// The pack of the page being drawn and the glossary entries it has expanded (none outside a page).
    static PAGE: RefCell<Option<Drawing>> = const { RefCell::new(None) };
}

/// A page being drawn, from [`Page::open`] until dropped: the texts set by `prose` in between expand each
/// glossary term once, in the order they are drawn (the reading order).
pub struct Page(());

impl Page {
    /// Starts a page on `pack` in `lang` (nothing is expanded without a pack).
    pub fn open(pack: Option<Rc<Pack>>, lang: Lang) -> Page {
        PAGE.with(|p| *p.borrow_mut() = pack.map(|pack| (pack, lang, Vec::new())));
        Page(())
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        PAGE.with(|p| *p.borrow_mut() = None);
    }
}

/// `text` with the expansion after each glossary term the page has not expanded yet (as is outside a page).
pub fn expand(text: &str) -> String {
    PAGE.with(|page| {
        let mut page = page.borrow_mut();
        let Some((pack, lang, seen)) = page.as_mut() else {
            return text.to_string();
        };
        let marks = crate::rules::glossary_marks(pack, text, seen);
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for mark in marks {
            out.push_str(&text[at..mark.end]);
            // A term already in brackets, or already followed by its own, is explained where it stands:
            // "Revenu Minimum Étudiant (RME)", "CCAS de Chenôve (centre communal d'action sociale)".
            let bracketed = text[..mark.start].ends_with('(')
                || text[mark.end..].trim_start().starts_with('(')
                || text[mark.end..].starts_with(" de ") && text[mark.end..].contains('(');
            if bracketed {
                at = mark.end;
                continue;
            }
            if let Some(entry) = pack.glossary.get(mark.entry) {
                out.push_str(&format!(" ({})", entry.expansion.get(lang.code())));
            }
            at = mark.end;
        }
        out.push_str(&text[at..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::{Page, expand};
    use crate::i18n::Lang;
    use crate::store::Rules;

    /// Issue 14: on a page, each acronym is expanded where it is first used, then left as is; outside a
    /// page, never.
    #[test]
    fn each_term_is_expanded_once_per_page() {
        let rules = Rules::embedded();
        let pack = (0..rules.len())
            .filter_map(|i| rules.pack(i, Lang::Fr))
            .find(|p| p.id == "chenove")
            .expect("the Chenôve pack");
        let entry = pack.glossary_entry("CCAS").expect("CCAS in the glossary");
        let expansion = entry.expansion.get("fr").to_string();
        assert_eq!(
            expand("Voyez le CCAS."),
            "Voyez le CCAS.",
            "no page, no expansion"
        );
        let page = Page::open(Some(pack.clone()), Lang::Fr);
        assert_eq!(
            expand("Voyez le CCAS."),
            format!("Voyez le CCAS ({expansion})."),
        );
        assert_eq!(expand("Le CCAS, encore."), "Le CCAS, encore.");
        // Already explained where it stands: not again.
        assert_eq!(expand("Aide (FAJ)"), "Aide (FAJ)");
        drop(page);
    }
}
