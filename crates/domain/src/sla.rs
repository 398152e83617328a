//! SLA clocks: where a target stands at a given moment, so running targets tick on the client
//! without asking the server again (and without trusting the client's clock: the list carries
//! the server's time, and only the time elapsed since it arrived is added).

use crate::{Millis, SlaTarget};

/// The status of a target, from the contract's open vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlaStatus {
    Running,
    Paused,
    Met,
    Breached,
    /// A status this app does not know: shown as the server sent it.
    Other,
}

impl SlaStatus {
    pub fn of(code: &str) -> SlaStatus {
        match code {
            "running" => SlaStatus::Running,
            "paused" => SlaStatus::Paused,
            "met" => SlaStatus::Met,
            "breached" => SlaStatus::Breached,
            _ => SlaStatus::Other,
        }
    }
}

/// A target's clock at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlaClock {
    pub status: SlaStatus,
    /// Execution time so far, in seconds (never negative).
    pub elapsed: i64,
    /// Target minus elapsed: time left, or (negative) how late it is.
    pub remaining: i64,
    /// Past its target: breached, or running late.
    pub overdue: bool,
    /// When it is (or was) due, absolute.
    pub due_at: Option<Millis>,
    /// Elapsed over target, 0 to 100.
    pub percent: u8,
}

/// The clock of `t` `since_load_ms` after the list (made at the server's `server_time`) arrived.
/// Only a running target advances.
pub fn clock(t: &SlaTarget, since_load_ms: i64) -> SlaClock {
    let status = SlaStatus::of(&t.status);
    let base = t.elapsed_seconds.max(0);
    let elapsed = if status == SlaStatus::Running {
        base.saturating_add(since_load_ms.max(0) / 1000)
    } else {
        base
    };
    let target = t.target_seconds.max(0);
    let remaining = target.saturating_sub(elapsed);
    let overdue = status == SlaStatus::Breached || (remaining < 0 && status != SlaStatus::Met);
    let due_at = t.due_at.or_else(|| t.started_at.checked_add(target.checked_mul(1000)?));
    let percent = if target == 0 {
        100
    } else {
        ((elapsed as i128 * 100) / target as i128).clamp(0, 100) as u8
    };
    SlaClock {
        status,
        elapsed,
        remaining,
        overdue,
        due_at,
        percent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(status: &str, elapsed: i64, target: i64) -> SlaTarget {
        SlaTarget {
            id: 1,
            case_id: 1,
            name: "Primeira resposta".into(),
            status: status.into(),
            target_seconds: target,
            elapsed_seconds: elapsed,
            started_at: 1_000_000,
            due_at: None,
            paused_since: None,
            completed_at: None,
        }
    }

    #[test]
    fn a_running_target_ticks_with_the_time_since_load() {
        let t = target("running", 100, 3600);
        assert_eq!(clock(&t, 0).elapsed, 100);
        let later = clock(&t, 5_999);
        assert_eq!((later.elapsed, later.remaining), (105, 3495));
        assert!(!later.overdue);
        assert_eq!(clock(&t, 3_505_000).remaining, -5);
        assert!(clock(&t, 3_505_000).overdue);
        assert_eq!(clock(&t, 3_500_000).percent, 100);
    }

    #[test]
    fn paused_met_and_breached_stand_still() {
        for s in ["paused", "met", "breached"] {
            assert_eq!(clock(&target(s, 100, 3600), 60_000).elapsed, 100, "{s}");
        }
        assert!(clock(&target("breached", 100, 3600), 0).overdue);
        assert!(!clock(&target("met", 4000, 3600), 0).overdue, "met late is still met");
        assert!(clock(&target("paused", 4000, 3600), 0).overdue);
    }

    #[test]
    fn due_time_and_hostile_values() {
        let t = target("running", -50, 60);
        let c = clock(&t, -10_000);
        assert_eq!(
            (c.elapsed, c.remaining),
            (0, 60),
            "negative values never count backwards"
        );
        assert_eq!(c.due_at, Some(1_060_000));
        let mut given = target("running", 0, 60);
        given.due_at = Some(42);
        assert_eq!(clock(&given, 0).due_at, Some(42));
        let huge = target("running", i64::MAX, i64::MAX);
        let c = clock(&huge, i64::MAX);
        assert_eq!(c.percent, 100);
        assert_eq!(SlaStatus::of("whatever"), SlaStatus::Other);
        assert_eq!(clock(&target("running", 0, 0), 0).percent, 100);
    }
}
