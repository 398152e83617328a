//! A day typed in a text field in the locale's order (pt-BR `dd/mm/aaaa`, English `mm/dd/yyyy`),
//! whatever the browser's own language: what `<input type=date>` cannot promise. Typing is
//! helped (separators appear by themselves) and the arrow keys step the part under the caret,
//! as they do in a date field.

use chrono::{Datelike, NaiveDate};

/// Which part comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayOrder {
    DayMonthYear,
    MonthDayYear,
}

/// `d` as the field shows it.
pub fn show(d: NaiveDate, order: DayOrder) -> String {
    let (a, b) = match order {
        DayOrder::DayMonthYear => (d.day(), d.month()),
        DayOrder::MonthDayYear => (d.month(), d.day()),
    };
    format!("{a:02}/{b:02}/{:04}", d.year())
}

/// What the field holds: `Ok(None)` when empty, `Ok(Some(day))` for a whole, real day
/// (`31/02/2026` is not), `Err(())` for anything else.
#[allow(clippy::result_unit_err)]
pub fn parse(text: &str, order: DayOrder) -> Result<Option<NaiveDate>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let mut parts = t.split('/').map(|p| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())
    });
    let (Some(Some(Some(a))), Some(Some(Some(b))), Some(Some(Some(y))), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(());
    };
    let (day, month) = match order {
        DayOrder::DayMonthYear => (a, b),
        DayOrder::MonthDayYear => (b, a),
    };
    // a four-digit year only: "1/1/26" is ambiguous
    if !(1000..=9999).contains(&y) || a > 99 || b > 99 {
        return Err(());
    }
    NaiveDate::from_ymd_opt(y as i32, month, day).map(Some).ok_or(())
}

/// The day a field holds in its whole form (`dd/mm/aaaa`, two digits, two digits, four): what
/// applies while typing. A shorter form (`5/1/2026`) applies only when the field is left, so
/// typing over part of a day never applies a day the user is still changing.
pub fn whole(text: &str, order: DayOrder) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let form = b.len() == 10 && b[2] == b'/' && b[5] == b'/';
    if form {
        parse(text, order).ok().flatten()
    } else {
        None
    }
}

/// The text after typing `typed`, with separators put in: `05` → `05/`, `0512` → `05/12/`,
/// `5/` → `05/`, `05122026` → `05/12/2026`. Called as characters are inserted, never on
/// deletion (or a backspace over a `/` would be undone at once).
pub fn mask(typed: &str) -> String {
    let mut out = String::new();
    // the parts typed so far, digits only; a part's extra digits spill into the next
    let mut parts: Vec<String> = vec![String::new()];
    for c in typed.chars() {
        let i = parts.len() - 1;
        if c == '/' && i < 2 && !parts[i].is_empty() {
            parts.push(String::new());
        } else if c.is_ascii_digit() {
            if i < 2 && parts[i].len() == 2 {
                parts.push(String::new());
            }
            let last = parts.len() - 1;
            if parts[last].len() < if last == 2 { 4 } else { 2 } {
                parts[last].push(c);
            }
        }
    }
    let last = parts.len() - 1;
    for (i, p) in parts.iter().enumerate() {
        if i < last && p.len() == 1 {
            out.push('0');
        }
        out.push_str(p);
        // a part that is done is followed by its separator
        if i < 2 && (i < last || p.len() == 2) {
            out.push('/');
        }
    }
    out
}

/// The part of the text under `caret`: 0 (before the first `/`), 1, or 2 (the year).
fn part_at(text: &str, caret: usize) -> usize {
    text.char_indices()
        .take_while(|(i, _)| *i < caret)
        .filter(|(_, c)| *c == '/')
        .count()
        .min(2)
}

/// Where part `i` sits in [`show`]'s text (to select it again).
pub fn part_range(i: usize) -> (usize, usize) {
    [(0, 2), (3, 5), (6, 10)][i.min(2)]
}

/// ArrowUp (`delta` 1) or ArrowDown (-1) with the caret at `caret`: the part under it steps,
/// wrapping like a date field's (day 31 → 1 keeps the month; December → January keeps the year),
/// and a day that no longer exists becomes the month's last. A field that holds no whole day
/// starts from `today`. Returns the new text and the part that stepped.
pub fn step(text: &str, caret: usize, delta: i32, order: DayOrder, today: NaiveDate) -> (String, usize) {
    let part = part_at(text, caret);
    let Ok(Some(d)) = parse(text, order) else {
        return (show(today, order), part);
    };
    let wrap = |v: u32, n: u32| ((v as i32 - 1 + delta).rem_euclid(n as i32) + 1) as u32;
    let (mut y, mut m, mut day) = (d.year(), d.month(), d.day());
    let field = match (order, part) {
        (_, 2) => 2,
        (DayOrder::DayMonthYear, 0) | (DayOrder::MonthDayYear, 1) => 0,
        _ => 1,
    };
    match field {
        0 => day = wrap(day, days_in_month(y, m)),
        1 => m = wrap(m, 12),
        _ => y = (y + delta).clamp(1000, 9999),
    }
    day = day.min(days_in_month(y, m));
    let next = NaiveDate::from_ymd_opt(y, m, day).unwrap_or(d);
    (show(next, order), part)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())
        .unwrap_or(28)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DayOrder::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_day_shows_and_reads_back_in_the_locale_order() {
        assert_eq!(show(day(2026, 12, 5), DayMonthYear), "05/12/2026");
        assert_eq!(show(day(2026, 12, 5), MonthDayYear), "12/05/2026");
        assert_eq!(parse("05/12/2026", DayMonthYear), Ok(Some(day(2026, 12, 5))));
        assert_eq!(parse("12/05/2026", MonthDayYear), Ok(Some(day(2026, 12, 5))));
        assert_eq!(parse(" 5/1/2026 ", DayMonthYear), Ok(Some(day(2026, 1, 5))));
        assert_eq!(parse("", DayMonthYear), Ok(None));
    }

    #[test]
    fn anything_but_a_whole_real_day_is_refused() {
        for bad in [
            "31/02/2026",
            "05/13/2026",
            "05/12",
            "05/12/26",
            "05/12/2026/1",
            "aa/bb/cccc",
            "05-12-2026",
            "00/12/2026",
            "05/12/12026",
        ] {
            assert_eq!(parse(bad, DayMonthYear), Err(()), "{bad}");
        }
        assert_eq!(parse("13/05/2026", MonthDayYear), Err(()));
    }

    #[test]
    fn only_the_whole_form_applies_while_typing() {
        assert_eq!(whole("05/12/2026", DayMonthYear), Some(day(2026, 12, 5)));
        assert_eq!(whole("2/12/2026", DayMonthYear), None);
        assert_eq!(whole("05/12/202", DayMonthYear), None);
        assert_eq!(whole("31/02/2026", DayMonthYear), None);
        assert_eq!(whole("05-12-2026", DayMonthYear), None);
        assert_eq!(whole("ééé/", DayMonthYear), None);
        assert_eq!(whole("12/05/2026", MonthDayYear), Some(day(2026, 12, 5)));
    }

    #[test]
    fn separators_appear_as_the_user_types() {
        assert_eq!(mask("0"), "0");
        assert_eq!(mask("05"), "05/");
        assert_eq!(mask("05/1"), "05/1");
        assert_eq!(mask("05/12"), "05/12/");
        assert_eq!(mask("05122026"), "05/12/2026");
        assert_eq!(mask("5/"), "05/");
        assert_eq!(mask("5/3/"), "05/03/");
        assert_eq!(mask("05/12/20261"), "05/12/2026");
        assert_eq!(mask("0a5"), "05/");
        assert_eq!(mask("/"), "");
    }

    #[test]
    fn the_arrows_step_the_part_under_the_caret_and_wrap_like_a_date_field() {
        let t = day(2026, 12, 5);
        assert_eq!(step("31/01/2026", 1, 1, DayMonthYear, t), ("01/01/2026".into(), 0));
        assert_eq!(step("01/01/2026", 0, -1, DayMonthYear, t), ("31/01/2026".into(), 0));
        assert_eq!(step("31/01/2026", 4, 1, DayMonthYear, t), ("28/02/2026".into(), 1));
        assert_eq!(step("15/12/2026", 3, 1, DayMonthYear, t), ("15/01/2026".into(), 1));
        assert_eq!(step("29/02/2024", 8, 1, DayMonthYear, t), ("28/02/2025".into(), 2));
        // English: the first part is the month
        assert_eq!(step("12/05/2026", 0, 1, MonthDayYear, t), ("01/05/2026".into(), 0));
        assert_eq!(step("12/05/2026", 4, -1, MonthDayYear, t), ("12/04/2026".into(), 1));
        // an empty or unfinished field starts from today
        assert_eq!(step("", 0, 1, DayMonthYear, t), ("05/12/2026".into(), 0));
        assert_eq!(step("05/1", 4, 1, DayMonthYear, t), ("05/12/2026".into(), 1));
    }

    #[test]
    fn part_ranges_select_what_show_wrote() {
        let s = show(day(2026, 12, 5), DayMonthYear);
        let [a, b, c] = [0, 1, 2].map(|i| {
            let (x, y) = part_range(i);
            &s[x..y]
        });
        assert_eq!((a, b, c), ("05", "12", "2026"));
    }
}
