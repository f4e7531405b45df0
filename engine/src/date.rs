//! Calendar dates without chrono: enough for parameter dates, birth dates and ages.

use core::fmt;

/// A calendar date (proleptic Gregorian, years 1 to 9999), without time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order makes the derived ordering chronological.
    y: i32,
    m: u8,
    d: u8,
}

impl Date {
    /// A valid date, or `None` (year outside 1..=9999, month or day out of range).
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date {
            y,
            m: m as u8,
            d: d as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.y
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.m)
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.d)
    }

    /// Days since 1970-01-01 (negative before), by the days-from-civil algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it lies in years 1..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if !(-719_162..=2_932_896).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(y as i32, m as u32, d as u32)
    }

    /// Whole years from `self` to `today` (rounded down; negative if `self` is later).
    pub fn years_since(self, today: Date) -> i32 {
        let mut years = today.y - self.y;
        if (today.m, today.d) < (self.m, self.d) {
            years -= 1;
        }
        years
    }

    /// Whole months from `self` to `today` (rounded down; negative if `self` is later).
    pub fn months_since(self, today: Date) -> i32 {
        let mut months = (today.y - self.y) * 12 + i32::from(today.m) - i32::from(self.m);
        if today.d < self.d {
            months -= 1;
        }
        months
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&b[0..4])? as i32,
            digits(&b[5..7])?,
            digits(&b[8..10])?,
        )
    }

    /// Parses the French `JJ/MM/AAAA` (also `J/M/AAAA`, and `.` or `-` as separators).
    pub fn parse_french(text: &str) -> Option<Date> {
        let sep = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
        let mut parts = text.split(sep);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || d.is_empty()
            || d.len() > 2
            || m.is_empty()
            || m.len() > 2
            || y.len() != 4
        {
            return None;
        }
        Date::new(
            digits(y.as_bytes())? as i32,
            digits(m.as_bytes())?,
            digits(d.as_bytes())?,
        )
    }

    /// Parses either `YYYY-MM-DD` or `JJ/MM/AAAA`, ignoring surrounding spaces; digits may be
    /// Arabic-Indic or Persian (`٢٥/١٢/٢٠٠٥`), and the Arabic date separator `؍` is a `/`.
    pub fn parse(text: &str) -> Option<Date> {
        let text: String = text
            .chars()
            .map(|c| match c {
                '\u{60d}' => '/',
                '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}' => {
                    crate::decimal_input::western_digit(c)
                }
                _ => c,
            })
            .collect();
        let text = text.trim();
        Date::parse_iso(text).or_else(|| Date::parse_french(text))
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Whether `y` is a leap year in the Gregorian calendar.
pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1..=12) of year `y`; 0 for an invalid month.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

// The `toml` crate hands a datetime to serde as a one-entry map with this private key.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse_iso(v)
            .ok_or_else(|| E::custom(format!("invalid date \"{v}\", expected YYYY-MM-DD")))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        use serde::de::Error;
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(TOML_DATETIME_KEY) {
            return Err(A::Error::custom("expected a date YYYY-MM-DD"));
        }
        let text: String = map.next_value()?;
        Date::parse_iso(&text).ok_or_else(|| {
            A::Error::custom(format!(
                "expected a date YYYY-MM-DD without time, found {text}"
            ))
        })
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(
            is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900) && !is_leap_year(2026)
        );
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(0, 1, 1).is_none());
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        for days in (-719_162..2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
        assert!(Date::from_days_since_epoch(i64::MAX).is_none());
    }

    #[test]
    fn whole_years_and_months() {
        let birth = Date::new(2006, 10, 2).unwrap();
        assert_eq!(birth.years_since(Date::new(2026, 10, 1).unwrap()), 19);
        assert_eq!(birth.years_since(Date::new(2026, 10, 2).unwrap()), 20);
        assert_eq!(birth.months_since(Date::new(2006, 12, 1).unwrap()), 1);
        assert_eq!(birth.months_since(Date::new(2006, 12, 2).unwrap()), 2);
        let leap = Date::new(2004, 2, 29).unwrap();
        assert_eq!(leap.years_since(Date::new(2005, 2, 28).unwrap()), 0);
        assert_eq!(leap.years_since(Date::new(2005, 3, 1).unwrap()), 1);
    }

    #[test]
    fn parsing() {
        assert_eq!(Date::parse("2026-09-01"), Date::new(2026, 9, 1));
        assert_eq!(Date::parse(" 01/09/2026 "), Date::new(2026, 9, 1));
        assert_eq!(Date::parse("1/9/2026"), Date::new(2026, 9, 1));
        assert_eq!(Date::parse("31/02/2026"), None);
        assert_eq!(Date::parse("2026-9-1"), None);
        assert_eq!(Date::parse("٢٥/١٢/٢٠٠٥"), Date::new(2005, 12, 25));
        assert_eq!(Date::parse("۲۵/۱۲/۲۰۰۵"), Date::new(2005, 12, 25));
        assert_eq!(Date::parse("٢٠٠٥-١٢-٢٥"), Date::new(2005, 12, 25));
        assert_eq!(Date::parse("٢٥؍١٢؍٢٠٠٥"), Date::new(2005, 12, 25));
        assert_eq!(Date::parse("é/é/éééé"), None);
        assert_eq!(Date::parse(""), None);
        assert_eq!(Date::new(2026, 9, 1).unwrap().to_string(), "2026-09-01");
    }
}
