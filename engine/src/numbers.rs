//! Numbers and euro amounts as people of each language write them, for the app and the checker alike.
//!
//! The conventions are those the browser's `Intl.NumberFormat` prints (CLDR) for the app's locales
//! (`Lang::number_locale` in the app): the app's component test `format_matches_intl` compares both in
//! Chromium for every language, so a difference fails loudly. Written here rather than asked of `Intl`: the
//! first formatter a page makes loads the locale's number data, a long task on a slow phone (issue 16), and
//! the checker, natively, has no `Intl` at all.

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

fn style(lang: &str) -> Style {
    let (group, decimal, grouping_from, money) = match lang {
        "en" => (",", '.', 4, "€{}"),
        // The right-to-left mark keeps the amount's parts in order inside Arabic text.
        "ar" => (",", '.', 4, "\u{200f}{}\u{a0}€"),
        "tr" => (".", ',', 4, "€{}"),
        "pt" => (NBSP, ',', 5, "{}\u{a0}€"),
        "uk" => (NBSP, ',', 4, "{}\u{a0}EUR"),
        "fa-AF" => (",", '.', 4, "€\u{a0}{}"),
        "ru" => (NBSP, ',', 4, "{}\u{a0}€"),
        // French, easy-read French, and any other language.
        _ => ("\u{202f}", ',', 4, "{}\u{a0}€"),
    };
    Style {
        group,
        decimal,
        grouping_from,
        money,
    }
}

/// A decimal's text (`"-1234.567"`) as sign, whole digits and cents (at most two digits, rounded half away
/// from zero, as `Intl` does; trailing zeros dropped); `None` for a text that is not a plain decimal. Read by
/// hand: `Decimal::from_str` brings its scientific-notation parser into the wasm (2.8 KB gzip).
fn parse(text: &str) -> Option<(bool, String, String)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !is_digits(whole) || !is_digits(fraction) {
        return None;
    }
    // The digits to the cent, then one more step when the next digit is 5 or more.
    let mut digits: Vec<u8> = whole
        .bytes()
        .chain(fraction.bytes().chain(*b"00").take(2))
        .collect();
    if fraction.as_bytes().get(2).is_some_and(|d| *d >= b'5') {
        let mut at = digits.len();
        loop {
            if at == 0 {
                digits.insert(0, b'1');
                break;
            }
            at -= 1;
            if digits[at] == b'9' {
                digits[at] = b'0';
            } else {
                digits[at] += 1;
                break;
            }
        }
    }
    let cents = digits.split_off(digits.len() - 2);
    let whole = String::from_utf8(digits).ok()?;
    let whole = match whole.trim_start_matches('0') {
        "" => "0".to_string(),
        trimmed => trimmed.to_string(),
    };
    let cents = String::from_utf8(cents)
        .ok()?
        .trim_end_matches('0')
        .to_string();
    let zero = whole == "0" && cents.is_empty();
    Some((negative && !zero, whole, cents))
}

/// `text` as written in `style`; for an amount (`money`), cents when there are some, then always two
/// digits (`12,50`).
fn digits(style: &Style, text: &str, money: bool) -> Option<String> {
    let (negative, whole, mut cents) = parse(text)?;
    if money && cents.len() == 1 {
        cents.push('0');
    }
    let mut out = String::with_capacity(whole.len() + 8);
    if negative {
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
    Some(out)
}

/// An amount in euros, from a decimal's text (`"120"`, `"1234.5"`): `120 €`, `€1,234.50`… Cents are shown
/// only when there are some, then always two digits. A text that is not a number is shown as it is.
pub fn money(lang: &str, decimal_text: &str) -> String {
    let style = style(lang);
    match digits(&style, decimal_text, true) {
        Some(number) => style.money.replace("{}", &number),
        None => decimal_text.to_string(),
    }
}

/// A plain number from a decimal's text, grouped per language, at most two decimals: `1 234,5`.
pub fn number(lang: &str, decimal_text: &str) -> String {
    digits(&style(lang), decimal_text, false).unwrap_or_else(|| decimal_text.to_string())
}

/// A date `YYYY-MM-DD` in figures as people read it, day first in every language of the app: `25/12/2005`.
/// Any other text is shown as it is.
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
    fn dates_in_figures() {
        assert_eq!(date("2026-09-01"), "01/09/2026");
        assert_eq!(date("hier"), "hier");
    }

    #[test]
    fn french_amounts_and_numbers() {
        assert_eq!(money("fr", "120.00"), "120\u{a0}€");
        assert_eq!(money("fr", "12.5"), "12,50\u{a0}€");
        assert_eq!(
            money("fr", "1234567.054"),
            "1\u{202f}234\u{202f}567,05\u{a0}€"
        );
        assert_eq!(money("fr", "0.999"), "1\u{a0}€");
        assert_eq!(money("fr", "9.995"), "10\u{a0}€");
        assert_eq!(money("fr", "99.994"), "99,99\u{a0}€");
        assert_eq!(money("fr-x-falc", "1234"), "1\u{202f}234\u{a0}€");
        assert_eq!(number("fr", "1234"), "1\u{202f}234");
        assert_eq!(number("fr", "0.50"), "0,5");
        assert_eq!(number("fr", "-7"), "-7");
        assert_eq!(number("fr", "-0.001"), "0");
        assert_eq!(number("fr", "007"), "7");
        assert_eq!(number("fr", "1e3"), "1e3");
        assert_eq!(money("fr", "abc"), "abc");
    }

    #[test]
    fn other_languages_place_the_euro_and_separators() {
        assert_eq!(money("en", "1234.5"), "€1,234.50");
        assert_eq!(money("tr", "1234"), "€1.234");
        assert_eq!(money("ar", "120"), "\u{200f}120\u{a0}€");
        assert_eq!(money("fa-AF", "120"), "€\u{a0}120");
        assert_eq!(money("uk", "1234"), "1\u{a0}234\u{a0}EUR");
        // Portuguese groups from five digits.
        assert_eq!(number("pt", "1234"), "1234");
        assert_eq!(number("pt", "12345"), "12\u{a0}345");
    }
}
