//! Dates: calendar arithmetic and date expressions in text ("Friday, November 8",
//! "15 April 2023", "April 15, 2024", "11–12 July 2023", "April 2023", "On Saturday").
//!
//! Contract: [`find_dates`] returns the date expressions of a token slice in order, never
//! overlapping; a month name only counts next to a day number or a year, so "may" and
//! "march" as words are not dates.

use super::token::{Token, TokenKind};
use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?;
        let m = it.next()?;
        let d = it.next()?;
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { year: y, month: m, day: d }
    }

    pub fn add_days(&self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// A date expression in text; any part may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: Option<u8>,
    /// Token range, relative to the slice given to [`find_dates`].
    pub start: usize,
    pub end: usize,
}

impl DateMention {
    /// The full date, when year, month and day are all given.
    pub fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?)
    }

    /// Resolve against a reference date: a missing year is taken from the nearest year
    /// around `reference`; a bare weekday is the last such day on or before `reference`.
    pub fn resolve(&self, reference: Date) -> Option<Date> {
        match (self.year, self.month, self.day) {
            (Some(_), Some(_), Some(_)) => self.full(),
            (None, Some(m), Some(d)) => {
                let mut best: Option<Date> = None;
                for y in [reference.year - 1, reference.year, reference.year + 1] {
                    if let Some(c) = Date::new(y, m, d) {
                        let dist = (c.days() - reference.days()).abs();
                        if best.is_none_or(|b| dist < (b.days() - reference.days()).abs()) {
                            best = Some(c);
                        }
                    }
                }
                best
            }
            (None, None, None) => {
                let wd = self.weekday?;
                let back = (i64::from(reference.weekday()) - i64::from(wd)).rem_euclid(7);
                Some(reference.add_days(-back))
            }
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    let b = w.as_bytes();
    // No name is longer than 9 letters.
    if b.len() < 3 || b.len() > 9 {
        return None;
    }
    // The first three letters tell the month (no two months share them): the name, its
    // abbreviation or "Sept" is checked against that month alone rather than against
    // each month in turn.
    let prefix = [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()];
    let month = MONTHS.iter().position(|m| m.as_bytes()[..3] == prefix)? as u8 + 1;
    let name = MONTHS[usize::from(month) - 1];
    (b.len() == 3 || name.eq_ignore_ascii_case(w) || month == 9 && w.eq_ignore_ascii_case("sept")).then_some(month)
}

pub fn weekday_number(word: &str) -> Option<u8> {
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word)).map(|i| i as u8)
}

fn day_number(text: &str, t: &Token) -> Option<u8> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let s = t.text(text);
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(text: &str, t: &Token) -> Option<i32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let s = t.text(text);
    (s.len() == 4).then(|| s.parse().ok()).flatten().filter(|y| (1800..=2200).contains(y))
}

/// Find date expressions in `toks` (spans into `text`).
pub fn find_dates(text: &str, toks: &[Token]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text));
    let punct = |k: usize, p: &str| toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct && t.text(text) == p);
    let dash = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(text), "-" | "\u{2013}" | "\u{2014}"))
    };
    while i < toks.len() {
        // A date starts with a capitalised word (weekday, month) or a number (day).
        let t = toks[i];
        if !(t.kind == TokenKind::Number || t.kind == TokenKind::Word && t.is_capitalised()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut m = DateMention { year: None, month: None, day: None, weekday: None, start, end: i };
        let mut k = i;
        if let Some(wd) = word(k).filter(|_| toks[k].is_capitalised()).and_then(weekday_number) {
            m.weekday = Some(wd);
            k += 1;
            if punct(k, ",") {
                k += 1;
            }
        }
        // Month Day(, Year)?  |  Month Year
        if let Some(mo) = word(k).filter(|_| toks[k].is_capitalised()).and_then(month_number) {
            let after = if punct(k + 1, ".") { k + 2 } else { k + 1 };
            if let Some(d) = toks.get(after).and_then(|t| day_number(text, t)) {
                m.month = Some(mo);
                m.day = Some(d);
                k = after + 1;
                let y_at = if punct(k, ",") { k + 1 } else { k };
                if let Some(y) = toks.get(y_at).and_then(|t| year_number(text, t)) {
                    m.year = Some(y);
                    k = y_at + 1;
                }
            } else if let Some(y) = toks.get(after).and_then(|t| year_number(text, t)) {
                m.month = Some(mo);
                m.year = Some(y);
                k = after + 1;
            }
        } else if let Some(d) = toks.get(k).and_then(|t| day_number(text, t)) {
            // Day (– Day)? Month (Year)?
            let mut mk = k + 1;
            if dash(mk) && toks.get(mk + 1).and_then(|t| day_number(text, t)).is_some() {
                mk += 2;
            }
            if let Some(mo) = word(mk).filter(|_| toks[mk].is_capitalised()).and_then(month_number) {
                m.day = Some(d);
                m.month = Some(mo);
                k = mk + 1;
                if let Some(y) = toks.get(k).and_then(|t| year_number(text, t)) {
                    m.year = Some(y);
                    k += 1;
                }
            }
        }
        if m.month.is_some() || m.weekday.is_some() {
            if m.month.is_none() {
                k = start + 1;
            }
            m.end = k;
            out.push(m);
            i = k;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenise;

    /// Year, month, day and weekday of a date found.
    type Found = (Option<i32>, Option<u8>, Option<u8>, Option<u8>);

    fn dates(s: &str) -> Vec<Found> {
        let mut toks = Vec::new();
        tokenise(s, 0..s.len(), &mut toks);
        find_dates(s, &toks).iter().map(|d| (d.year, d.month, d.day, d.weekday)).collect()
    }

    #[test]
    fn calendar() {
        let d = Date::new(2022, 2, 24).unwrap();
        assert_eq!(d.add_days(986).to_string(), "2024-11-06");
        assert_eq!(Date::new(2024, 11, 8).unwrap().weekday(), 4);
        assert_eq!(Date::from_days(Date::new(2000, 2, 29).unwrap().days()), Date::new(2000, 2, 29).unwrap());
        assert!(Date::new(2023, 2, 29).is_none());
        assert_eq!(Date::parse_iso("2024-04-15"), Date::new(2024, 4, 15));
        assert_eq!(Date::parse_iso("2024-4-15"), None);
    }

    #[test]
    fn expressions() {
        assert_eq!(dates("Here is the situation on Friday, November 8:"), vec![(None, Some(11), Some(8), Some(4))]);
        assert_eq!(dates("Monday, April 15, 2024"), vec![(Some(2024), Some(4), Some(15), Some(0))]);
        assert_eq!(dates("On 15 April 2023, the RSF"), vec![(Some(2023), Some(4), Some(15), None)]);
        assert_eq!(dates("held on 11–12 July 2023."), vec![(Some(2023), Some(7), Some(11), None)]);
        assert_eq!(dates("In his January 2023 address"), vec![(Some(2023), Some(1), None, None)]);
        assert_eq!(dates("On Saturday, Iran"), vec![(None, None, None, Some(5))]);
        assert_eq!(dates("it may be that 7 soldiers"), vec![]);
    }

    /// Every month's name, abbreviation and "Sept", in any case and with a final dot, and
    /// words that are none.
    #[test]
    fn month_names() {
        for (i, m) in MONTHS.iter().enumerate() {
            let n = Some(i as u8 + 1);
            for w in [m.to_string(), m.to_uppercase(), m[..3].to_string(), format!("{}.", &m[..3].to_uppercase())] {
                assert_eq!(month_number(&w), n, "{w}");
            }
        }
        assert_eq!(month_number("Sept."), Some(9));
        for w in ["Ma", "Mayo", "Janu", "Septemberr", "Sep.t", "Decembers", "Mars", "Juno", "Octob", "Déc", ""] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }

    #[test]
    fn resolution() {
        let reference = Date::new(2024, 4, 15).unwrap();
        let sat = DateMention { year: None, month: None, day: None, weekday: Some(5), start: 0, end: 1 };
        assert_eq!(sat.resolve(reference).unwrap().to_string(), "2024-04-13");
        let nov8 = DateMention { year: None, month: Some(11), day: Some(8), weekday: None, start: 0, end: 1 };
        assert_eq!(nov8.resolve(Date::new(2024, 11, 6).unwrap()).unwrap().to_string(), "2024-11-08");
    }
}
