//! Numbers, amounts and dates for people, per language.
//!
//! Written here rather than asked of the browser's `Intl.NumberFormat`: the first formatter a page makes
//! loads the locale's number data, 18 to 30 ms of this machine's CPU (75 to 120 ms on a phone four times
//! slower), one long task on the results screen of every session (issue 16; Lighthouse's Total Blocking
//! Time on a page opened on the results). The conventions below are those `Intl` prints for
//! `Lang::number_locale` (CLDR): the component test `format_matches_intl` (tests/components.rs) compares
//! both in Chromium for every language, so a difference fails loudly.

use crate::i18n::Lang;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// How a language writes numbers and euro amounts.
struct Style {
    /// Between groups of three digits.
    group: &'static str,
    /// Before the cents.
    decimal: char,
    /// Digits before the first group separator is used: 5 in Portuguese (`1234`, `12 345`), else 4.
    grouping_from: usize,
    /// The amount around a number: `{}` stands for it.
    money: &'static str,
}

const NBSP: &str = "\u{a0}";

fn style(lang: Lang) -> Style {
    let (group, decimal, grouping_from, money) = match lang {
        Lang::Fr | Lang::FrFalc => ("\u{202f}", ',', 4, "{}\u{a0}€"),
        Lang::En => (",", '.', 4, "€{}"),
        // The right-to-left mark keeps the amount's parts in order inside Arabic text.
        Lang::Ar => (",", '.', 4, "\u{200f}{}\u{a0}€"),
        Lang::Tr => (".", ',', 4, "€{}"),
        Lang::Pt => (NBSP, ',', 5, "{}\u{a0}€"),
        Lang::Uk => (NBSP, ',', 4, "{}\u{a0}EUR"),
        Lang::FaAf => (",", '.', 4, "€\u{a0}{}"),
        Lang::Ru => (NBSP, ',', 4, "{}\u{a0}€"),
    };
    Style {
        group,
        decimal,
        grouping_from,
        money,
    }
}

/// `value` rounded to cents, with `min_fraction` (0 or 2) to `2` digits after the separator, grouped.
fn digits(style: &Style, value: Decimal, min_fraction: u32) -> String {
    let value = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = value.abs().to_string();
    let (whole, cents) = text.split_once('.').unwrap_or((&text, ""));
    let mut cents = cents.trim_end_matches('0').to_string();
    while cents.len() < min_fraction as usize {
        cents.push('0');
    }
    let mut out = String::with_capacity(text.len() + 8);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    let grouped = whole.len() >= style.grouping_from;
    for (i, digit) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push_str(style.group);
        }
        out.push(digit);
    }
    if !cents.is_empty() {
        out.push(style.decimal);
        out.push_str(&cents);
    }
    out
}

/// An amount in euros, from a decimal's text (`"120"`, `"1234.5"`): `120 €`, `€1,234.50`… Cents are shown
/// only when there are some, then always two digits. A text that is not a number is shown as it is.
pub fn money(lang: Lang, decimal_text: &str) -> String {
    let Ok(value) = Decimal::from_str(decimal_text) else {
        return decimal_text.to_string();
    };
    let rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let fraction = if rounded.fract().is_zero() { 0 } else { 2 };
    let style = style(lang);
    style.money.replace("{}", &digits(&style, value, fraction))
}

/// A plain number from a decimal's text, grouped per language, at most two decimals: `1 234,5`.
pub fn number(lang: Lang, decimal_text: &str) -> String {
    match Decimal::from_str(decimal_text) {
        Ok(value) => digits(&style(lang), value, 0),
        Err(_) => decimal_text.to_string(),
    }
}

/// A date `YYYY-MM-DD` as people read it: `25/12/2005` (day first in all three languages here).
pub fn date(iso: &str) -> String {
    let mut parts = iso.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_amounts_and_numbers() {
        assert_eq!(date("2026-09-01"), "01/09/2026");
        assert_eq!(money(Lang::Fr, "120.00"), "120\u{a0}€");
        assert_eq!(money(Lang::Fr, "12.5"), "12,50\u{a0}€");
        assert_eq!(
            money(Lang::Fr, "1234567.054"),
            "1\u{202f}234\u{202f}567,05\u{a0}€"
        );
        assert_eq!(money(Lang::Fr, "0.999"), "1\u{a0}€");
        assert_eq!(number(Lang::Fr, "1234"), "1\u{202f}234");
        assert_eq!(number(Lang::Fr, "0.50"), "0,5");
        assert_eq!(number(Lang::Fr, "-7"), "-7");
        assert_eq!(money(Lang::Fr, "abc"), "abc");
    }

    #[test]
    fn other_languages_place_the_euro_and_separators() {
        assert_eq!(money(Lang::En, "1234.5"), "€1,234.50");
        assert_eq!(money(Lang::Tr, "1234"), "€1.234");
        assert_eq!(money(Lang::Ar, "120"), "\u{200f}120\u{a0}€");
        assert_eq!(money(Lang::FaAf, "120"), "€\u{a0}120");
        assert_eq!(money(Lang::Uk, "1234"), "1\u{a0}234\u{a0}EUR");
        // Portuguese groups from five digits.
        assert_eq!(number(Lang::Pt, "1234"), "1234");
        assert_eq!(number(Lang::Pt, "12345"), "12\u{a0}345");
    }
}
