//! Histórico de Ligações: filters by call status, agent and period, a search by phone number
//! typed any way, and the totals of what is shown.

use chrono::{Days, NaiveDate, NaiveTime, TimeZone};

use super::facet::{facet_values, Facet, FacetValue};
use super::query;
use crate::{phone, Call, Millis};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallFilter {
    /// A phone number, typed any way (digits, +55, spaces, dashes, parentheses).
    pub phone: String,
    pub statuses: Facet,
    /// Agent ids as strings; "" is "no agent".
    pub agents: Facet,
    /// First and last day of the period, inclusive, in the user's time zone.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// The first day is after the last.
    Inverted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickPeriod {
    Today,
    Last7Days,
    Last30Days,
}

impl QuickPeriod {
    /// (first day, last day), both inclusive, ending today.
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let back = match self {
            QuickPeriod::Today => 0,
            QuickPeriod::Last7Days => 6,
            QuickPeriod::Last30Days => 29,
        };
        (today.checked_sub_days(Days::new(back)).unwrap_or(today), today)
    }
}

/// A date that is not a day of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidDate;

/// Parses a date input's value (`aaaa-mm-dd`, as `<input type=date>` gives it); empty is no date.
pub fn parse_date(value: &str) -> Result<Option<NaiveDate>, InvalidDate> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    // by hand, not with chrono's strftime parser (bundle size, see format.rs)
    let number = |part: Option<&str>| {
        part.filter(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let mut parts = v.split('-');
    let (y, m, d) = (number(parts.next()), number(parts.next()), number(parts.next()));
    match (y, m, d, parts.next()) {
        (Some(y), Some(m), Some(d), None) => NaiveDate::from_ymd_opt(y as i32, m, d).map(Some).ok_or(InvalidDate),
        _ => Err(InvalidDate),
    }
}

/// The start of `day` in `tz`, as epoch ms. A day whose midnight does not exist (a daylight-saving
/// gap) starts at the first instant that does.
fn day_start<Tz: TimeZone>(day: NaiveDate, tz: &Tz) -> Option<Millis> {
    let midnight = day.and_time(NaiveTime::MIN);
    (0..=3)
        .find_map(|h| {
            tz.from_local_datetime(&midnight.checked_add_signed(chrono::Duration::hours(h))?)
                .earliest()
        })
        .map(|dt| dt.timestamp_millis())
}

/// The period as a half-open range `[start, end)` of epoch ms in `tz`.
pub fn period_range<Tz: TimeZone>(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    tz: &Tz,
) -> Result<(Option<Millis>, Option<Millis>), PeriodError> {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(PeriodError::Inverted);
        }
    }
    let start = from.and_then(|d| day_start(d, tz));
    let end = to
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .and_then(|d| day_start(d, tz));
    Ok((start, end))
}

pub fn agent_key(c: &Call) -> String {
    c.agent.as_ref().map(|a| a.id.to_string()).unwrap_or_default()
}

impl CallFilter {
    pub fn active_filters(&self) -> usize {
        [
            self.statuses.is_active(),
            self.agents.is_active(),
            self.from.is_some() || self.to.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count()
    }

    pub fn is_clear(&self) -> bool {
        self.active_filters() == 0 && self.phone.trim().is_empty()
    }

    pub fn to_query(&self, p: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        query::push_text(&mut out, &format!("{p}telefone"), &self.phone);
        query::push_facet(&mut out, &format!("{p}status"), &self.statuses);
        query::push_facet(&mut out, &format!("{p}usuario"), &self.agents);
        if let Some(d) = self.from {
            out.push((format!("{p}de"), crate::format::iso_date(d)));
        }
        if let Some(d) = self.to {
            out.push((format!("{p}ate"), crate::format::iso_date(d)));
        }
        out
    }

    pub fn from_query(pairs: &[(String, String)], p: &str) -> CallFilter {
        let date = |k: &str| query::first(pairs, &format!("{p}{k}")).and_then(|v| parse_date(&v).ok().flatten());
        CallFilter {
            phone: query::text(pairs, &format!("{p}telefone")),
            statuses: query::facet(pairs, &format!("{p}status")),
            agents: query::facet(pairs, &format!("{p}usuario")),
            from: date("de"),
            to: date("ate"),
        }
    }
}

/// The calls' indices newest first (ties by id): sorted once per load, so filtering only selects.
pub fn newest_first(calls: &[Call]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..calls.len()).collect();
    super::newest_first(&mut order, calls, |c| (c.started_at, c.id));
    order
}

/// The indices of the calls that pass `f` within `range` (from [`period_range`]), in `order`
/// (from [`newest_first`]).
pub fn filter(calls: &[Call], order: &[usize], f: &CallFilter, range: (Option<Millis>, Option<Millis>)) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&i| {
            let c = &calls[i];
            f.statuses.allows(&c.status)
                && f.agents.allows_with(|| agent_key(c))
                && range.0.is_none_or(|s| c.started_at >= s)
                && range.1.is_none_or(|e| c.started_at < e)
                && phone::matches(&c.from_phone, &f.phone)
        })
        .collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CallTotals {
    pub count: usize,
    /// Sum of the talk time of the shown calls (negative or missing durations count as zero).
    pub talk_seconds: i64,
}

pub fn totals(calls: &[Call], shown: &[usize]) -> CallTotals {
    CallTotals {
        count: shown.len(),
        talk_seconds: shown
            .iter()
            .map(|&i| calls[i].duration_seconds.unwrap_or(0).max(0))
            .fold(0i64, i64::saturating_add),
    }
}

#[derive(Default)]
pub struct CallFacets {
    pub statuses: Vec<FacetValue>,
    pub agents: Vec<FacetValue>,
}

pub fn facets(calls: &[Call]) -> CallFacets {
    CallFacets {
        statuses: facet_values(calls.iter().map(|c| (c.status.clone(), c.status.as_str()))),
        agents: facet_values(
            calls
                .iter()
                .map(|c| (agent_key(c), c.agent.as_ref().map_or("", |a| a.name.as_str()))),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AgentRef;
    use chrono::{FixedOffset, Utc};

    const H: i64 = 3_600_000;
    // 2026-03-02T00:00:00Z
    const MAR2: i64 = 1_772_409_600_000;

    fn call(id: i64, at: i64, phone: &str, status: &str, agent: Option<i64>, secs: Option<i64>) -> Call {
        Call {
            id,
            case_id: 1,
            started_at: at,
            from_phone: phone.into(),
            to_phone: None,
            direction: "inbound".into(),
            status: status.into(),
            agent: agent.map(|id| AgentRef {
                id,
                name: format!("Agente {id}"),
            }),
            duration_seconds: secs,
        }
    }

    fn data() -> Vec<Call> {
        vec![
            call(
                1,
                MAR2 + 2 * H + H / 2,
                "+55 (11) 91234-5678",
                "answered",
                Some(1),
                Some(300),
            ), // 02/03 02:30Z = 01/03 23:30 BRT
            call(2, MAR2 + 14 * H, "5511912345678", "missed", None, None),
            call(
                3,
                MAR2 + 24 * H + 10 * H,
                "(21) 3456-7890",
                "answered",
                Some(2),
                Some(65),
            ),
            call(4, MAR2 - 48 * H, "+55 11 98888-0000", "busy", Some(1), Some(-40)),
        ]
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn ids(calls: &[Call], idx: Vec<usize>) -> Vec<i64> {
        idx.into_iter().map(|i| calls[i].id).collect()
    }

    #[test]
    fn period_boundaries_follow_the_local_time_zone() {
        let calls = data();
        let brt = FixedOffset::west_opt(3 * 3600).unwrap();
        let r = period_range(Some(d("2026-03-02")), Some(d("2026-03-02")), &brt).unwrap();
        assert_eq!(r, (Some(MAR2 + 3 * H), Some(MAR2 + 27 * H)));
        let f = CallFilter {
            from: Some(d("2026-03-02")),
            to: Some(d("2026-03-02")),
            ..Default::default()
        };
        assert_eq!(
            ids(&calls, filter(&calls, &newest_first(&calls), &f, r)),
            vec![2],
            "02:30Z is still 1 March in Brasília"
        );
        let utc = period_range(Some(d("2026-03-02")), Some(d("2026-03-02")), &Utc).unwrap();
        assert_eq!(ids(&calls, filter(&calls, &newest_first(&calls), &f, utc)), vec![2, 1]);
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        let r = period_range(Some(d("2026-03-03")), None, &tokyo).unwrap();
        assert_eq!(
            ids(&calls, filter(&calls, &newest_first(&calls), &f, r)),
            vec![3],
            "from only: open end"
        );
        // the last instant of the day is in, the first of the next is out
        let (_, end) = period_range(None, Some(d("2026-03-01")), &brt).unwrap();
        assert_eq!(end, Some(MAR2 + 3 * H));
        let edge = vec![
            call(9, MAR2 + 3 * H - 1, "1", "answered", None, None),
            call(10, MAR2 + 3 * H, "1", "answered", None, None),
        ];
        assert_eq!(
            ids(
                &edge,
                filter(&edge, &newest_first(&edge), &CallFilter::default(), (None, end))
            ),
            vec![9]
        );
    }

    #[test]
    fn an_inverted_period_is_an_error_not_a_crash() {
        assert_eq!(
            period_range(Some(d("2026-03-05")), Some(d("2026-03-01")), &Utc),
            Err(PeriodError::Inverted)
        );
        assert_eq!(parse_date("2026-02-30"), Err(InvalidDate));
        assert_eq!(parse_date("31/12/2026"), Err(InvalidDate));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(
            period_range(Some(NaiveDate::MAX), Some(NaiveDate::MAX), &Utc)
                .unwrap()
                .1,
            None
        );
    }

    #[test]
    fn quick_periods_end_today() {
        let today = d("2026-03-10");
        assert_eq!(QuickPeriod::Today.range(today), (today, today));
        assert_eq!(QuickPeriod::Last7Days.range(today), (d("2026-03-04"), today));
        assert_eq!(QuickPeriod::Last30Days.range(today), (d("2026-02-09"), today));
    }

    #[test]
    fn phone_search_matches_however_typed() {
        let calls = data();
        for typed in [
            "11912345678",
            "+55 11 91234-5678",
            "(11) 91234-5678",
            "5511912345678",
            "91234 5678",
        ] {
            let f = CallFilter {
                phone: typed.into(),
                ..Default::default()
            };
            assert_eq!(
                ids(&calls, filter(&calls, &newest_first(&calls), &f, (None, None))),
                vec![2, 1],
                "{typed}"
            );
        }
        let f = CallFilter {
            phone: "3456-7890".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&calls, filter(&calls, &newest_first(&calls), &f, (None, None))),
            vec![3]
        );
    }

    #[test]
    fn status_and_agent_facets_and_totals() {
        let calls = data();
        let f = CallFilter {
            statuses: Facet::of(["answered", "busy"]),
            ..Default::default()
        };
        let shown = filter(&calls, &newest_first(&calls), &f, (None, None));
        assert_eq!(ids(&calls, shown.clone()), vec![3, 1, 4]);
        assert_eq!(
            totals(&calls, &shown),
            CallTotals {
                count: 3,
                talk_seconds: 365
            },
            "negative durations count as zero"
        );
        let f = CallFilter {
            agents: Facet::of([""]),
            ..Default::default()
        };
        assert_eq!(
            ids(&calls, filter(&calls, &newest_first(&calls), &f, (None, None))),
            vec![2]
        );
        let fac = facets(&calls);
        assert_eq!(
            fac.statuses
                .iter()
                .map(|v| (v.value.as_str(), v.count))
                .collect::<Vec<_>>(),
            vec![("answered", 2), ("busy", 1), ("missed", 1)]
        );
    }

    #[test]
    fn query_round_trip() {
        let f = CallFilter {
            phone: "11 9".into(),
            statuses: Facet::of(["missed"]),
            agents: Facet::of(["3"]),
            from: Some(d("2026-01-01")),
            to: Some(d("2026-01-31")),
        };
        assert_eq!(CallFilter::from_query(&f.to_query("l_"), "l_"), f);
        assert_eq!(f.active_filters(), 3);
    }
}
