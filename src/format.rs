//! Numbers, amounts and dates for people, per language. They are written by the engine's
//! `numbers` module (through `crate::rules`, the door to the engine), the same words as `eligo-rules explain`:
//! not by the browser's `Intl.NumberFormat`, whose first formatter loads the locale's number data, one long
//! task on every results screen (issue 16). The component test `format_matches_intl` (tests/components.rs)
//! compares them with `Intl` for every language.

use crate::i18n::Lang;

/// An amount in euros, from a decimal's text (`"120"`, `"1234.5"`): `120 €`, `€1,234.50`… Cents are shown
/// only when there are some, then always two digits. A text that is not a number is shown as it is.
pub fn money(lang: Lang, decimal_text: &str) -> String {
    crate::rules::money_words(lang, decimal_text)
}

/// A plain number from a decimal's text, grouped per language, at most two decimals: `1 234,5`.
pub fn number(lang: Lang, decimal_text: &str) -> String {
    crate::rules::number_words(lang, decimal_text)
}

/// A date `YYYY-MM-DD` as people read it: `25/12/2005` (day first in every language here).
pub fn date(iso: &str) -> String {
    crate::rules::date_words(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_the_engine_s_numbers() {
        assert_eq!(date("2026-09-01"), "01/09/2026");
        assert_eq!(money(Lang::Fr, "12.5"), "12,50\u{a0}€");
        assert_eq!(money(Lang::FrFalc, "1234"), "1\u{202f}234\u{a0}€");
        assert_eq!(number(Lang::En, "1234"), "1,234");
    }
}
