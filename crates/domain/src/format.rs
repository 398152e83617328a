//! Locale-independent formatting: dates as dd/mm/aaaa HH:mm in a given time zone, durations as
//! hh:mm:ss, CPF/CNPJ documents. The app passes the browser's time zone.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike};

use crate::Millis;

// Written by hand rather than with chrono's `format("%d/%m/%Y")`: its strftime parser is a few
// kilobytes of the app's bundle for three fixed patterns.

/// The wall-clock time of `ms` in `tz`; `None` when the timestamp is outside chrono's range.
fn local<Tz: TimeZone>(ms: Millis, tz: &Tz) -> Option<NaiveDateTime> {
    Some(DateTime::from_timestamp_millis(ms)?.with_timezone(tz).naive_local())
}

/// `dd/mm/aaaa HH:mm` in `tz`; `None` when the timestamp is outside chrono's range.
pub fn datetime<Tz: TimeZone>(ms: Millis, tz: &Tz) -> Option<String> {
    let t = local(ms, tz)?;
    Some(format!("{} {:02}:{:02}", day(t.date()), t.hour(), t.minute()))
}

/// `dd/mm/aaaa` in `tz`.
pub fn date<Tz: TimeZone>(ms: Millis, tz: &Tz) -> Option<String> {
    Some(day(local(ms, tz)?.date()))
}

/// `HH:mm` in `tz`.
pub fn time<Tz: TimeZone>(ms: Millis, tz: &Tz) -> Option<String> {
    let t = local(ms, tz)?;
    Some(format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// `dd/mm/aaaa`.
fn day(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// `aaaa-mm-dd`, as `<input type=date>` and the URL write a day.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// "há 3 horas" as `Intl.RelativeTimeFormat` takes it: the largest unit that fits `seconds_ago`,
/// and the count in it, negative for the past (a timestamp ahead of the clock: positive).
pub fn relative_unit(seconds_ago: i64) -> (i64, &'static str) {
    const MIN: i64 = 60;
    const HOUR: i64 = 3600;
    const DAY: i64 = 86_400;
    let s = seconds_ago.saturating_abs();
    let (n, unit) = match s {
        s if s < MIN => (s, "second"),
        s if s < HOUR => (s / MIN, "minute"),
        s if s < DAY => (s / HOUR, "hour"),
        s if s < 30 * DAY => (s / DAY, "day"),
        s if s < 365 * DAY => (s / (30 * DAY), "month"),
        s => (s / (365 * DAY), "year"),
    };
    (if seconds_ago > 0 { -n } else { n }, unit)
}

/// `hh:mm:ss` (hours grow past 24: `27:00:05`); a negative duration keeps its sign.
pub fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
}

/// CPF as `123.456.789-09`, CNPJ as `12.345.678/0001-95`; anything else unchanged.
pub fn document(kind: &str, number: &str) -> String {
    let d: String = number.chars().filter(char::is_ascii_digit).collect();
    match (kind.to_ascii_lowercase().as_str(), d.len()) {
        ("cpf", 11) => format!("{}.{}.{}-{}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        ("cnpj", 14) => format!("{}.{}.{}/{}-{}", &d[0..2], &d[2..5], &d[5..8], &d[8..12], &d[12..14]),
        _ => number.to_string(),
    }
}

/// Whether a CPF's check digits are right (the sandbox's demo data uses valid ones).
pub fn cpf_is_valid(number: &str) -> bool {
    let d: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 11 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let check = |n: usize| {
        let sum: u32 = (0..n).map(|i| d[i] * (n as u32 + 1 - i as u32)).sum();
        let r = (sum * 10) % 11;
        if r == 10 {
            0
        } else {
            r
        }
    };
    check(9) == d[9] && check(10) == d[10]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_take_the_largest_unit_that_fits() {
        assert_eq!(relative_unit(0), (0, "second"));
        assert_eq!(relative_unit(45), (-45, "second"));
        assert_eq!(relative_unit(5 * 60 + 59), (-5, "minute"));
        assert_eq!(relative_unit(3 * 3600), (-3, "hour"));
        assert_eq!(relative_unit(86_400 + 5), (-1, "day"));
        assert_eq!(relative_unit(45 * 86_400), (-1, "month"));
        assert_eq!(relative_unit(800 * 86_400), (-2, "year"));
        // ahead of the clock: the future
        assert_eq!(relative_unit(-2 * 3600), (2, "hour"));
        assert_eq!(relative_unit(i64::MIN), (i64::MAX / (365 * 86_400), "year"));
    }
    use chrono::FixedOffset;
    use chrono::Utc;

    #[test]
    fn datetime_in_the_given_zone() {
        let brt = FixedOffset::west_opt(3 * 3600).unwrap();
        // 2026-03-02T12:30:00Z
        let ms = 1_772_454_600_000;
        assert_eq!(datetime(ms, &Utc).unwrap(), "02/03/2026 12:30");
        assert_eq!(datetime(ms, &brt).unwrap(), "02/03/2026 09:30");
        assert_eq!(date(ms - 10 * 3600 * 1000, &brt).unwrap(), "01/03/2026");
        assert_eq!(datetime(0, &Utc).unwrap(), "01/01/1970 00:00");
        assert!(datetime(i64::MAX, &Utc).is_none());
        assert_eq!(time(ms, &brt).unwrap(), "09:30");
        assert!(time(i64::MIN, &Utc).is_none());
    }

    #[test]
    fn durations_as_hh_mm_ss() {
        assert_eq!(duration(0), "00:00:00");
        assert_eq!(duration(3725), "01:02:05");
        assert_eq!(duration(27 * 3600 + 5), "27:00:05");
        assert_eq!(duration(-65), "-00:01:05");
        assert!(duration(i64::MIN).starts_with("-2562047788015215:")); // no overflow
    }

    #[test]
    fn documents() {
        assert_eq!(document("cpf", "52998224725"), "529.982.247-25");
        assert_eq!(document("CNPJ", "11222333000181"), "11.222.333/0001-81");
        assert_eq!(document("cpf", "123"), "123");
        assert_eq!(document("rg", "12.345.678-9"), "12.345.678-9");
        assert!(cpf_is_valid("529.982.247-25"));
        assert!(!cpf_is_valid("529.982.247-24"));
        assert!(!cpf_is_valid("111.111.111-11"));
    }
}
