//! Opening hours in the OpenStreetMap `opening_hours` syntax, read and asked offline: "open now",
//! "next opening", and a day's hours for display.
//!
//! A focused reader for the subset that real CCAS, town hall and France Services hours use, not the
//! whole syntax: the `opening-hours` crate (chrono, pest, holiday tables) would cost the resident's
//! first load far more than the 4 KB the whole results screen may add. Unsupported parts (school
//! holidays `SH`, week numbers, sunrise, years, `||` fallbacks) are refused with a message, so a
//! place then keeps its free-text `hours` and the checker says why.
//!
//! Supported: rules separated by `;`; `24/7`; month selectors (`Jan-Jun`, `Aug`, `Jul,Aug`); weekday
//! selectors (`Mo-Fr`, `Mo,Tu,Th`, `Sa-Mo`, `We[1]`, `Th[-1]`); `PH` (French public holidays,
//! computed); times `08:30-12:00,13:30-17:00` (up to `24:00`, or past midnight like `22:00-02:00`);
//! `off` / `closed` / `open`; a trailing `"comment"`. As in OpenStreetMap, a later rule replaces the
//! hours of every day it selects ("Mo-Fr 09:00-17:00; We off").

use crate::date::Date;

/// Minutes since midnight.
pub type Minute = u16;

/// Opening hours read from the OpenStreetMap syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    rules: Vec<Rule>,
}

/// Why a text is not read as opening hours (English, for the checker and CCAS staff).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursError(pub String);

impl core::fmt::Display for HoursError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Open or closed at a moment, and until / from when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursStatus {
    /// Open now, until this day and minute.
    Open {
        /// The day it closes.
        until_date: Date,
        /// The minute it closes (1440: midnight at the end of that day).
        until: Minute,
    },
    /// Closed now; opens next at this day and minute (`None`: not within a year).
    Closed {
        /// The next opening, if any within a year.
        next: Option<(Date, Minute)>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    /// Months (1..=12) it applies to; empty: all.
    months: Vec<u8>,
    /// Weekday selectors (day 0 = Monday, nth: 0 every week, 1..=5 the nth of the month, -1..=-5 from the end);
    /// empty and `holiday` false: every day.
    weekdays: Vec<(u8, i8)>,
    /// `PH` is among the day selectors.
    holiday: bool,
    /// Intervals in minutes, `end` may pass 1440 (past midnight); empty: closed.
    times: Vec<(Minute, Minute)>,
}

impl Rule {
    fn selects(&self, date: Date) -> bool {
        if !self.months.is_empty() && !self.months.contains(&(date.month() as u8)) {
            return false;
        }
        if self.weekdays.is_empty() && !self.holiday {
            return true;
        }
        (self.holiday && is_french_public_holiday(date))
            || self
                .weekdays
                .iter()
                .any(|&(day, nth)| weekday(date) == day && nth_matches(date, nth))
    }
}

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Day of the week, 0 = Monday.
pub fn weekday(date: Date) -> u8 {
    // 1970-01-01 was a Thursday.
    (date.days_since_epoch() + 3).rem_euclid(7) as u8
}

fn nth_matches(date: Date, nth: i8) -> bool {
    let d = date.day() as i32;
    match nth {
        0 => true,
        n if n > 0 => (d - 1) / 7 + 1 == i32::from(n),
        n => {
            let last = crate::date::days_in_month(date.year(), date.month()) as i32;
            (last - d) / 7 + 1 == -i32::from(n)
        }
    }
}

fn add_days(date: Date, n: i64) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + n).unwrap_or(date)
}

/// Easter Sunday (Gregorian calendar, anonymous algorithm).
fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// The eleven public holidays of mainland France (Code du travail, L3133-1): fixed days, and
/// Easter Monday, Ascension and Whit Monday from Easter.
pub fn is_french_public_holiday(date: Date) -> bool {
    const FIXED: [(u32, u32); 8] = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    if FIXED.contains(&(date.month(), date.day())) {
        return true;
    }
    easter(date.year()).is_some_and(|e| {
        let since = date.days_since_epoch() - e.days_since_epoch();
        matches!(since, 1 | 39 | 50)
    })
}

fn err<T>(message: impl Into<String>) -> Result<T, HoursError> {
    Err(HoursError(message.into()))
}

impl OpeningHours {
    /// Reads `text` (see the module documentation for the subset).
    pub fn parse(text: &str) -> Result<OpeningHours, HoursError> {
        let text = text.trim();
        if text.is_empty() {
            return err("empty opening hours");
        }
        if text.contains("||") {
            return err(
                "fallback rules (\"||\") are not supported: write the hours as rules separated by \";\"",
            );
        }
        let mut rules = Vec::new();
        for part in text.split(';') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            rules.push(parse_rule(part)?);
        }
        if rules.is_empty() {
            return err("no rule in the opening hours");
        }
        Ok(OpeningHours { rules })
    }

    /// The opening intervals of `date` (minutes since midnight, in order), including any that began
    /// on the day before and runs past midnight, cut at midnight.
    pub fn intervals(&self, date: Date) -> Vec<(Minute, Minute)> {
        let mut out: Vec<(Minute, Minute)> = Vec::new();
        for &(_, e) in self.own_times(add_days(date, -1)) {
            if e > 1440 {
                out.push((0, e - 1440));
            }
        }
        for &(s, e) in self.own_times(date) {
            out.push((s, e.min(1440)));
        }
        out.sort_unstable();
        // Merge touching or overlapping intervals.
        let mut merged: Vec<(Minute, Minute)> = Vec::new();
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// The times of the last rule selecting `date` (none: closed).
    fn own_times(&self, date: Date) -> &[(Minute, Minute)] {
        self.rules
            .iter()
            .rev()
            .find(|r| r.selects(date))
            .map_or(&[], |r| r.times.as_slice())
    }

    /// Whether it is open on `date` at `minute`.
    pub fn is_open(&self, date: Date, minute: Minute) -> bool {
        self.intervals(date)
            .iter()
            .any(|&(s, e)| s <= minute && minute < e)
    }

    /// Open now and until when, or closed and the next opening (looked for within a year).
    pub fn status(&self, date: Date, minute: Minute) -> HoursStatus {
        if let Some(&(_, end)) = self
            .intervals(date)
            .iter()
            .find(|&&(s, e)| s <= minute && minute < e)
        {
            // Follow an interval that runs to midnight into the next days.
            let (mut until_date, mut until) = (date, end);
            for _ in 0..7 {
                if until < 1440 {
                    break;
                }
                let next = add_days(until_date, 1);
                match self.intervals(next).first() {
                    Some(&(0, e)) => {
                        until_date = next;
                        until = e;
                    }
                    _ => break,
                }
            }
            return HoursStatus::Open { until_date, until };
        }
        HoursStatus::Closed {
            next: self.next_opening(date, minute),
        }
    }

    /// The first opening after `date` at `minute` (strictly later), within a year.
    pub fn next_opening(&self, date: Date, minute: Minute) -> Option<(Date, Minute)> {
        if let Some(&(s, _)) = self.intervals(date).iter().find(|&&(s, _)| s > minute) {
            return Some((date, s));
        }
        (1..=366).find_map(|n| {
            let day = add_days(date, n);
            self.intervals(day).first().map(|&(s, _)| (day, s))
        })
    }
}

fn parse_rule(part: &str) -> Result<Rule, HoursError> {
    // A trailing "comment" is allowed and ignored (the pack's free-text hours say it in words).
    let part = match part.find('"') {
        Some(i) => {
            if !part[i + 1..].trim_end().ends_with('"') {
                return err(format!("unclosed comment in \"{part}\""));
            }
            part[..i].trim()
        }
        None => part,
    };
    let mut rule = Rule {
        months: Vec::new(),
        weekdays: Vec::new(),
        holiday: false,
        times: Vec::new(),
    };
    if part == "24/7" {
        rule.times.push((0, 1440));
        return Ok(rule);
    }
    let mut state = None::<bool>;
    let mut saw_times = false;
    // Selectors and times are separated by spaces; a comma list never holds a space here
    // ("Mo,Tu 09:00-12:00,14:00-17:00"), so spaces around commas are removed first.
    let normalised = part.replace(", ", ",").replace(" ,", ",");
    for token in normalised.split_whitespace() {
        if token.starts_with(|c: char| c.is_ascii_digit()) {
            if saw_times {
                return err(format!(
                    "two lists of times in \"{part}\": separate them with a comma"
                ));
            }
            rule.times = parse_times(token)?;
            saw_times = true;
        } else if matches!(token, "off" | "closed") {
            state = Some(false);
        } else if token == "open" {
            state = Some(true);
        } else if MONTHS.iter().any(|m| token.starts_with(m)) {
            if !rule.weekdays.is_empty() || rule.holiday || saw_times {
                return err(format!("in \"{part}\", months come before days and times"));
            }
            rule.months = parse_months(token)?;
        } else {
            if saw_times {
                return err(format!("in \"{part}\", days come before times"));
            }
            parse_days(token, &mut rule)?;
        }
    }
    match state {
        Some(false) if saw_times => {
            return err(format!("\"{part}\" gives times and says closed"));
        }
        Some(false) => rule.times.clear(),
        // "open" without times: all day.
        Some(true) | None if !saw_times => {
            if state.is_none() {
                return err(format!(
                    "\"{part}\" gives no times: add them (\"09:00-12:00\") or write \"off\""
                ));
            }
            rule.times.push((0, 1440));
        }
        _ => {}
    }
    Ok(rule)
}

fn parse_months(token: &str) -> Result<Vec<u8>, HoursError> {
    let month = |m: &str| {
        MONTHS
            .iter()
            .position(|x| *x == m)
            .map(|i| i as u8 + 1)
            .ok_or_else(|| HoursError(format!("\"{m}\" is not a month like Jan, Feb … Dec")))
    };
    let mut out = Vec::new();
    for item in token.split(',') {
        match item.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (month(a)?, month(b)?);
                let mut m = a;
                loop {
                    out.push(m);
                    if m == b {
                        break;
                    }
                    m = m % 12 + 1;
                }
            }
            None => out.push(month(item)?),
        }
    }
    Ok(out)
}

fn parse_days(token: &str, rule: &mut Rule) -> Result<(), HoursError> {
    let day = |d: &str| {
        DAYS.iter().position(|x| *x == d).map(|i| i as u8).ok_or_else(|| {
            HoursError(match d {
                "SH" => "school holidays (\"SH\") are not supported: give the hours in the free-text hours".to_string(),
                _ => format!("\"{d}\" is not understood: days are Mo, Tu, We, Th, Fr, Sa, Su or PH"),
            })
        })
    };
    for item in token.split(',') {
        if item == "PH" {
            rule.holiday = true;
            continue;
        }
        // `We[1]`, `Th[-1]`: the nth weekday of the month.
        let (name, nth) = match item.split_once('[') {
            Some((name, rest)) => {
                let n = rest
                    .strip_suffix(']')
                    .and_then(|n| n.parse::<i8>().ok())
                    .filter(|n| (1..=5).contains(&n.abs()))
                    .ok_or_else(|| {
                        HoursError(format!(
                            "\"{item}\": the week of the month is written [1] to [5] or [-1] to [-5]"
                        ))
                    })?;
                (name, n)
            }
            None => (item, 0),
        };
        match name.split_once('-') {
            Some((a, b)) if nth == 0 => {
                let (a, b) = (day(a)?, day(b)?);
                let mut d = a;
                loop {
                    rule.weekdays.push((d, 0));
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            Some(_) => return err(format!("\"{item}\": a week of the month goes with one day")),
            None => rule.weekdays.push((day(name)?, nth)),
        }
    }
    Ok(())
}

fn parse_times(token: &str) -> Result<Vec<(Minute, Minute)>, HoursError> {
    let time = |t: &str| -> Result<Minute, HoursError> {
        let bad = || HoursError(format!("\"{t}\" is not a time like 08:30"));
        let (h, m) = t.split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let (h, m) = (
            h.parse::<u16>().map_err(|_| bad())?,
            m.parse::<u16>().map_err(|_| bad())?,
        );
        if h > 24 || m > 59 || (h == 24 && m > 0) {
            return Err(bad());
        }
        Ok(h * 60 + m)
    };
    let mut out = Vec::new();
    for item in token.split(',') {
        let (a, b) = item
            .split_once('-')
            .ok_or_else(|| HoursError(format!("\"{item}\" is not a time span like 08:30-12:00")))?;
        let (start, mut end) = (time(a)?, time(b)?);
        if start >= 1440 {
            return err(format!(
                "\"{item}\" starts at midnight at the end of the day"
            ));
        }
        if end <= start {
            // Past midnight: 22:00-02:00.
            end += 1440;
        }
        out.push((start, end));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn hm(h: u16, m: u16) -> Minute {
        h * 60 + m
    }

    // 2026-11-23 is a Monday.
    const MON: (i32, u32, u32) = (2026, 11, 23);

    fn monday() -> Date {
        d(MON.0, MON.1, MON.2)
    }

    #[test]
    fn weekdays_and_holidays() {
        assert_eq!(weekday(monday()), 0);
        assert_eq!(weekday(d(2026, 11, 29)), 6);
        assert!(is_french_public_holiday(d(2026, 11, 11)));
        // Easter 2026 is 5 April: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May.
        assert!(is_french_public_holiday(d(2026, 4, 6)));
        assert!(is_french_public_holiday(d(2026, 5, 14)));
        assert!(is_french_public_holiday(d(2026, 5, 25)));
        assert!(!is_french_public_holiday(d(2026, 4, 5)));
        assert!(!is_french_public_holiday(monday()));
    }

    /// Real-world hour strings of French public offices (CCAS, town halls, France Services, CAF,
    /// CPAM, Mission Locale, groceries), as mapped in OpenStreetMap.
    #[test]
    fn real_world_strings_read() {
        for s in [
            "Mo-Fr 08:30-12:00,13:30-17:00",
            "Mo,Tu,Th 09:00-12:00; We 14:00-17:00",
            "Mo-Fr 08:00-12:00,13:30-17:30; PH off",
            "Mo-Fr 09:00-12:00; Sa 09:00-11:30",
            "24/7",
            "Mo-Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00,13:30-16:30",
            "Tu 13:30-17:00",
            "Mo-Fr 08:30-12:30,13:30-17:00; Aug off",
            "Mo 13:30-17:30; Tu-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off",
            "Mo-Fr 09:00-12:00, 14:00-17:00",
            "Tu,Th 14:00-16:30; Jul-Aug off",
            "We[1] 14:00-17:00 \"sur rendez-vous\"",
            "Mo-Sa 21:00-02:00",
            "Mo-Fr 08:30-17:00; We 08:30-12:00; PH closed",
        ] {
            assert!(
                OpeningHours::parse(s).is_ok(),
                "{s}: {:?}",
                OpeningHours::parse(s)
            );
        }
    }

    #[test]
    fn unsupported_or_wrong_strings_are_refused_with_a_reason() {
        for (s, words) in [
            ("Mo-Fr 08:00-12:00; SH off", "school holidays"),
            ("Mo-Fr 8h-12h", "not a time"),
            ("Mo-Fr 0830-1200", "not a time"),
            ("Lu-Ve 08:00-12:00", "not understood"),
            ("Mo-Fr", "no times"),
            ("Mo-Fr 25:00-26:00", "not a time"),
            ("Mo-Fr 08:00-12:00 || \"sur rendez-vous\"", "fallback"),
            ("", "empty"),
        ] {
            let e = OpeningHours::parse(s).unwrap_err();
            assert!(e.0.contains(words), "{s}: {e}");
        }
    }

    #[test]
    fn open_now_and_next_opening() {
        let h = OpeningHours::parse("Mo-Fr 08:30-12:00,13:30-17:00; PH off").unwrap();
        let mon = monday();
        assert!(h.is_open(mon, hm(9, 0)));
        assert!(!h.is_open(mon, hm(12, 0)));
        assert!(!h.is_open(mon, hm(8, 29)));
        assert_eq!(
            h.status(mon, hm(10, 0)),
            HoursStatus::Open {
                until_date: mon,
                until: hm(12, 0)
            }
        );
        assert_eq!(
            h.status(mon, hm(12, 15)),
            HoursStatus::Closed {
                next: Some((mon, hm(13, 30)))
            }
        );
        // Friday evening: next opening on Monday morning.
        let fri = d(2026, 11, 27);
        assert_eq!(
            h.next_opening(fri, hm(17, 0)),
            Some((d(2026, 11, 30), hm(8, 30)))
        );
        // 11 November 2026 is a Wednesday and a public holiday: next opening Thursday.
        let ph = d(2026, 11, 11);
        assert!(!h.is_open(ph, hm(9, 0)));
        assert_eq!(
            h.next_opening(d(2026, 11, 10), hm(18, 0)),
            Some((d(2026, 11, 12), hm(8, 30)))
        );
    }

    #[test]
    fn later_rules_replace_earlier_ones_for_their_days() {
        let h = OpeningHours::parse("Mo-Fr 08:30-17:00; We 08:30-12:00").unwrap();
        let wed = d(2026, 11, 25);
        assert!(h.is_open(wed, hm(11, 0)));
        assert!(!h.is_open(wed, hm(14, 0)));
        assert!(h.is_open(monday(), hm(14, 0)));
        let mixed = OpeningHours::parse("Mo,Tu,Th 09:00-12:00; We 14:00-17:00").unwrap();
        assert!(mixed.is_open(wed, hm(15, 0)));
        assert!(!mixed.is_open(wed, hm(10, 0)));
        assert!(!mixed.is_open(d(2026, 11, 27), hm(10, 0)));
    }

    #[test]
    fn months_nth_weekday_midnight_and_all_week() {
        let summer = OpeningHours::parse("Mo-Fr 08:30-12:30; Aug off").unwrap();
        assert!(!summer.is_open(d(2026, 8, 3), hm(9, 0)));
        assert_eq!(
            summer.next_opening(d(2026, 8, 3), hm(9, 0)),
            Some((d(2026, 9, 1), hm(8, 30)))
        );
        let first_wed = OpeningHours::parse("We[1] 14:00-17:00").unwrap();
        assert!(first_wed.is_open(d(2026, 12, 2), hm(15, 0)));
        assert!(!first_wed.is_open(d(2026, 12, 9), hm(15, 0)));
        let last_thu = OpeningHours::parse("Th[-1] 09:00-12:00").unwrap();
        assert!(last_thu.is_open(d(2026, 11, 26), hm(9, 0)));
        assert!(!last_thu.is_open(d(2026, 11, 19), hm(9, 0)));
        let night = OpeningHours::parse("Mo-Sa 21:00-02:00").unwrap();
        // Saturday night into Sunday morning.
        assert!(night.is_open(d(2026, 11, 29), hm(1, 0)));
        assert!(!night.is_open(d(2026, 11, 30), hm(1, 0)));
        let always = OpeningHours::parse("24/7").unwrap();
        assert!(always.is_open(monday(), 0));
        assert!(matches!(
            always.status(monday(), 0),
            HoursStatus::Open { .. }
        ));
        let saturday = OpeningHours::parse("Mo-Fr 09:00-12:00; Sa 09:00-11:30").unwrap();
        assert!(saturday.is_open(d(2026, 11, 28), hm(11, 0)));
        assert!(!saturday.is_open(d(2026, 11, 28), hm(11, 30)));
        let ph_off = OpeningHours::parse("PH off").unwrap();
        assert_eq!(ph_off.next_opening(monday(), 0), None);
    }
}
