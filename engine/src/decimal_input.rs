//! Exact decimals from what people and TOML files write: `1 234,50 €`, `1234.5`, `646.52`.

use core::fmt;
use rust_decimal::Decimal;

/// Why a text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but spaces (or a currency sign).
    Empty,
    /// Not a number.
    NotANumber,
    /// A number, but beyond what a decimal holds (29 digits or more before the decimal point);
    /// `true` when negative.
    OutOfRange(bool),
    /// A lone `,` or `.` before exactly three digits (`1,000`, `1.500`) where the kind of number
    /// allows both readings (see [`parse_number`]): the number read with it as the decimal
    /// separator, and read with it grouping thousands.
    Ambiguous {
        /// `1,000` read as 1.000.
        decimal: Decimal,
        /// `1,000` read as 1000.
        thousands: Decimal,
    },
}

/// The kind of number a text should hold, which settles what a lone `,` or `.` before three
/// digits means (see [`parse_number`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount of money: at most two decimals (cents).
    Money,
    /// A whole number: an age, a count, a number of years.
    Whole,
    /// Any decimal (a value written in a pack, whose decimals may be many).
    Any,
}

/// Longest input accepted, so that nothing large is ever parsed.
pub const MAX_INPUT_CHARS: usize = 40;

/// Arabic-Indic digits (`٠١٢…`, and the Persian/Urdu forms `۰۱۲…`) as ASCII digits; the Arabic decimal
/// separator `٫` as a comma and the Arabic thousands separator `٬` as a space. Residents using the Arabic
/// interface may type on an Arabic keyboard: `١٢٣٫٥` is 123,5.
pub(crate) fn western_digit(c: char) -> char {
    let digit = |zero: char| char::from_digit(u32::from(c) - u32::from(zero), 10).unwrap_or(c);
    match c {
        '\u{660}'..='\u{669}' => digit('\u{660}'),
        '\u{6f0}'..='\u{6f9}' => digit('\u{6f0}'),
        '\u{66b}' => ',',
        '\u{66c}' => ' ',
        _ => c,
    }
}

/// Parses a decimal written in a pack (or anywhere the kind of number is not known): see
/// [`parse_number`] with [`NumberKind::Any`].
pub fn parse_decimal(raw: &str) -> Result<Decimal, NumberError> {
    parse_number(raw, NumberKind::Any)
}

/// Parses a number as French and English residents write it: an optional sign, `€` or `EUR`
/// around it, Arabic-Indic or Persian digits, and these separators:
///
/// - Spaces (also non-breaking, narrow and thin), `'` and the Arabic `٬` always group thousands;
///   the Arabic `٫` is a decimal comma.
/// - `,` and `.` both present: the last one is the decimal separator, the other one groups
///   thousands (`1.000,50` and `1,000.50` are 1000.50).
/// - One of them present several times: it groups thousands (`1.000.000`, `1,000,000`).
/// - One of them present once, where it cannot group thousands (a group has three digits, the
///   first group one to three and not a lone 0): it is the decimal separator. So `1,5` (French)
///   and `1.5` (English) are one and a half, `1,50` and `1.50` are 1.50 (the scale is kept as
///   written), `0,500` is 0.500 and `1234,567` is 1234.567.
/// - One of them present once, between one to three digits (not a lone 0) and exactly three
///   digits (`1,000`, `1.000`, `1.500`, `12,000`): French residents write `1,5` for one and a
///   half, English ones `1,000` for a thousand, and many French residents `1.000` for a thousand
///   (as shops and banks print it). Nobody writes an amount of money with three decimals (cents are
///   two digits), nor a count with decimals: for [`NumberKind::Money`] and [`NumberKind::Whole`]
///   the separator groups thousands (`1,000` and `1.000` are 1000, `1.500` is 1500, `12,000` is
///   12000); reading it as a decimal separator would give three decimals, which the two-decimals
///   check refuses anyway once trailing zeros are kept. For [`NumberKind::Any`] (a value in a pack,
///   a coefficient may have three decimals) both readings are possible: the text is refused with
///   [`NumberError::Ambiguous`], which holds both, never silently read one way.
pub fn parse_number(raw: &str, kind: NumberKind) -> Result<Decimal, NumberError> {
    let mut text: String = raw
        .chars()
        .map(western_digit)
        .filter(|c| {
            !matches!(
                c,
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' | '€' | '\''
            )
        })
        .collect();
    for suffix in ["EUR", "eur", "Eur", "euros", "euro"] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            text = stripped.to_string();
            break;
        }
    }
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'))
    {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    if body.is_empty() || body.len() > MAX_INPUT_CHARS {
        return Err(NumberError::NotANumber);
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(NumberError::NotANumber);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    // The decimal separator is the last separator when both appear; repeated, a separator groups
    // thousands; a lone one is decimal unless it can group thousands (see above).
    let decimal_sep = match (commas, dots) {
        (0, 0) => None,
        (1, 0) | (0, 1) => {
            let sep = if commas == 1 { ',' } else { '.' };
            let (int, frac) = body.split_once(sep).unwrap_or((body, ""));
            let groups = frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0');
            match kind {
                _ if !groups => Some(sep),
                NumberKind::Money | NumberKind::Whole => None,
                NumberKind::Any => {
                    let sign = if negative { "-" } else { "" };
                    let read = |t: String| plain_decimal(&t).ok_or(NumberError::NotANumber);
                    return Err(NumberError::Ambiguous {
                        decimal: read(format!("{sign}{int}.{frac}"))?,
                        thousands: read(format!("{sign}{int}{frac}"))?,
                    });
                }
            }
        }
        (0, _) | (_, 0) => None,
        _ => body
            .rfind([',', '.'])
            .and_then(|i| body[i..].chars().next()),
    };
    // Thousands groups have exactly three digits: "950,5,1" is a typo, not 95 051.
    let integer_part = match decimal_sep {
        Some(sep) => body.rsplit_once(sep).map_or(body, |(int, _)| int),
        None => body,
    };
    let mut groups = integer_part.split([',', '.']);
    let first_ok = groups
        .next()
        .is_some_and(|g| !g.is_empty() && g.len() <= 3 || !integer_part.contains([',', '.']));
    if !first_ok || groups.any(|g| g.len() != 3) {
        return Err(NumberError::NotANumber);
    }
    let mut normal = String::with_capacity(body.len() + 1);
    if negative {
        normal.push('-');
    }
    let mut seen_decimal = false;
    for c in body.chars() {
        match c {
            '0'..='9' => normal.push(c),
            c if Some(c) == decimal_sep => {
                if seen_decimal {
                    return Err(NumberError::NotANumber);
                }
                seen_decimal = true;
                normal.push('.');
            }
            _ if seen_decimal => return Err(NumberError::NotANumber),
            _ => {}
        }
    }
    if normal.ends_with('.') || normal.starts_with('.') || normal.starts_with("-.") || normal == "-"
    {
        return Err(NumberError::NotANumber);
    }
    plain_decimal(&normal).ok_or_else(|| {
        let integer_digits = normal
            .trim_start_matches('-')
            .split('.')
            .next()
            .unwrap_or("")
            .trim_start_matches('0')
            .len();
        if integer_digits >= 29 {
            NumberError::OutOfRange(negative)
        } else {
            NumberError::NotANumber
        }
    })
}

/// `-?digits(.digits)?` as a decimal, built from its digits: `Decimal::from_str` would add its
/// scientific-notation parser to the browser's code. `None` beyond 28 decimals or 96 bits.
pub(crate) fn plain_decimal(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    // The scale is kept as written ("100.50" stays 100.50), unless trailing zeros go beyond 28 decimals.
    let frac = if frac.len() > 28 {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    if int.is_empty() && frac.is_empty() && !body.starts_with('0') {
        return None;
    }
    let mut mantissa: i128 = 0;
    for c in int.chars().chain(frac.chars()) {
        let digit = c.to_digit(10)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit))?;
    }
    if negative {
        mantissa = -mantissa;
    }
    let scale = u32::try_from(frac.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// The exact decimal a TOML or JSON float was written as: Rust prints the shortest text that
/// reads back as the same float, which is the human-written text for ordinary decimals.
///
/// Found without printing the float (that would add float formatting to the browser's code): the
/// fewest decimals `k` such that `round(value × 10^k) / 10^k` reads back as the same float.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    if !value.is_finite() || value.abs() >= 1e28 {
        return None;
    }
    if value == value.trunc() {
        return Decimal::try_from_i128_with_scale(value as i128, 0).ok();
    }
    let mut power = 1.0_f64;
    for scale in 0..=17_u32 {
        let mantissa = (value * power).round();
        if mantissa.abs() >= 9_007_199_254_740_992.0 {
            return None;
        }
        if mantissa / power == value {
            return Decimal::try_from_i128_with_scale(mantissa as i128, scale).ok();
        }
        power *= 10.0;
    }
    None
}

/// A decimal in a pack file: a number (read exactly) or a string such as `"646.52"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Dec(pub Decimal);

impl serde::Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

struct DecVisitor;

impl serde::de::Visitor<'_> for DecVisitor {
    type Value = Dec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number like 646.52 or \"646.52\"")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dec, E> {
        decimal_from_f64(v)
            .map(Dec)
            .ok_or_else(|| E::custom("a number too large or not exact"))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
        parse_decimal(v)
            .map(Dec)
            .map_err(|_| E::custom(format!("\"{v}\" is not a decimal number")))
    }
}

impl<'de> serde::Deserialize<'de> for Dec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Dec, D::Error> {
        d.deserialize_any(DecVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn french_and_plain_numbers() {
        assert_eq!(parse_decimal("1 234,50 €"), Ok(dec("1234.50")));
        assert_eq!(parse_decimal("1\u{202f}234,5"), Ok(dec("1234.5")));
        assert_eq!(parse_decimal("1\u{a0}234 EUR"), Ok(dec("1234")));
        assert_eq!(parse_decimal("1234.5"), Ok(dec("1234.5")));
        assert_eq!(parse_decimal("1.234,50"), Ok(dec("1234.50")));
        assert_eq!(parse_decimal("1,234.50"), Ok(dec("1234.50")));
        assert_eq!(parse_decimal("1.234.567"), Ok(dec("1234567")));
        assert_eq!(parse_decimal("-12"), Ok(dec("-12")));
        assert_eq!(parse_decimal("١٢٣"), Ok(dec("123")));
        assert_eq!(parse_decimal("١٬٢٣٤٫٥٠"), Ok(dec("1234.50")));
        assert_eq!(parse_decimal("۱۲۳"), Ok(dec("123")));
        assert_eq!(parse_decimal("  €  "), Err(NumberError::Empty));
        let huge = "9".repeat(29);
        assert_eq!(parse_decimal(&huge), Err(NumberError::OutOfRange(false)));
        assert_eq!(
            parse_decimal(&format!("-{huge},5")),
            Err(NumberError::OutOfRange(true))
        );
        assert_eq!(
            parse_decimal(&format!("000{}", "9".repeat(28))),
            Ok(dec(&"9".repeat(28)))
        );
        assert_eq!(
            parse_decimal(&format!("0,{}1", "0".repeat(30))),
            Err(NumberError::NotANumber)
        );
        for bad in [
            "abc",
            "1,2,3.4.5",
            ",5",
            "5,",
            "-",
            "1e5",
            "12 34a",
            "1,2.3,4",
            "--1",
        ] {
            assert_eq!(parse_decimal(bad), Err(NumberError::NotANumber), "{bad}");
        }
        assert_eq!(
            parse_decimal(&"9".repeat(100)),
            Err(NumberError::NotANumber)
        );
    }

    #[test]
    fn a_lone_separator_before_three_digits_groups_thousands_in_amounts_and_counts() {
        for kind in [NumberKind::Money, NumberKind::Whole] {
            for (text, value) in [
                ("1,000", "1000"),
                ("1.000", "1000"),
                ("1.500", "1500"),
                ("12,000", "12000"),
                ("999.999", "999999"),
                ("1,5", "1.5"),
                ("1.50", "1.50"),
                ("0,500", "0.500"),
                ("1234,567", "1234.567"),
            ] {
                assert_eq!(parse_number(text, kind), Ok(dec(value)), "{text} {kind:?}");
            }
        }
        assert_eq!(
            parse_decimal("1,000"),
            Err(NumberError::Ambiguous {
                decimal: dec("1.000"),
                thousands: dec("1000")
            })
        );
        assert_eq!(
            parse_decimal("-2.500"),
            Err(NumberError::Ambiguous {
                decimal: dec("-2.500"),
                thousands: dec("-2500")
            })
        );
        assert_eq!(parse_decimal("0.125"), Ok(dec("0.125")));
        assert_eq!(parse_decimal("646.52"), Ok(dec("646.52")));
    }

    #[test]
    fn floats_are_read_through_their_text() {
        assert_eq!(decimal_from_f64(646.52), Some(dec("646.52")));
        assert_eq!(
            decimal_from_f64(-0.25).map(|d| d.to_string()),
            Some("-0.25".into())
        );
        assert_eq!(decimal_from_f64(1e20), Some(dec("100000000000000000000")));
        // Built from the digits, the scale as written (as `Decimal::from_str` would).
        assert_eq!(
            parse_decimal("100,50").map(|d| d.to_string()),
            Ok("100.50".into())
        );
        assert_eq!(plain_decimal("12.345"), Some(dec("12.345")));
        assert_eq!(plain_decimal("1.2.3"), None);
        assert_eq!(decimal_from_f64(0.1), Some(dec("0.1")));
        assert_eq!(decimal_from_f64(f64::NAN), None);
        assert_eq!(decimal_from_f64(1e300), None);
    }
}
