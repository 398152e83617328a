//! Login throttling: failed attempts are counted per account and per client over a sliding
//! window; past the limit, login answers 429 with `Retry-After` until the oldest failure leaves
//! the window, even for the right password (or guessing would go on).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// At most `failures` failed attempts within `window_ms`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub failures: u32,
    pub window_ms: i64,
}

/// Above this many keys, keys whose failures have all left their window are dropped.
const PRUNE_ABOVE: usize = 10_000;

type Failures = HashMap<String, VecDeque<i64>>;

#[derive(Default)]
pub struct Throttle {
    failures: Mutex<Failures>,
}

impl Throttle {
    fn map(&self) -> std::sync::MutexGuard<'_, Failures> {
        self.failures.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// An attempt under every `(key, limit)`, counted as a failure before its password is checked
    /// (under one lock with the check, so a burst of parallel attempts cannot all pass it), or
    /// the seconds to wait when a key is at its limit. A success takes it back
    /// ([`succeeded`](Self::succeeded)).
    pub fn attempt(&self, keys: &[(&str, Limit)], now: i64) -> Result<(), u64> {
        let mut map = self.map();
        if let Some(secs) = keys
            .iter()
            .filter_map(|(key, limit)| wait_in(&map, key, *limit, now))
            .max()
        {
            return Err(secs);
        }
        for (key, limit) in keys {
            record(&mut map, key, *limit, now);
        }
        Ok(())
    }

    /// The attempt made at `now` succeeded: the account's failures are forgotten, and the
    /// client's count loses that attempt.
    pub fn succeeded(&self, account: &str, client: &str, now: i64) {
        let mut map = self.map();
        map.remove(account);
        if let Some(times) = map.get_mut(client) {
            if let Some(i) = times.iter().rposition(|t| *t == now) {
                times.remove(i);
            }
        }
    }

    /// Forgets every failure (`POST /__sandbox/reset`).
    pub fn clear(&self) {
        self.map().clear();
    }
}

/// Whole seconds until `key` may try again, or `None` when it may now.
fn wait_in(map: &Failures, key: &str, limit: Limit, now: i64) -> Option<u64> {
    let times = map.get(key)?;
    let recent: Vec<i64> = times.iter().copied().filter(|t| now - t < limit.window_ms).collect();
    if recent.len() < limit.failures as usize {
        return None;
    }
    // the limit-th most recent failure must leave the window before one more try is allowed
    let blocking = recent[recent.len() - limit.failures as usize];
    let ms = (blocking + limit.window_ms - now).max(1);
    Some(((ms + 999) / 1000) as u64)
}

fn record(map: &mut Failures, key: &str, limit: Limit, now: i64) {
    if map.len() > PRUNE_ABOVE {
        map.retain(|_, times| times.back().is_some_and(|t| now - t < limit.window_ms));
    }
    let times = map.entry(key.to_string()).or_default();
    times.push_back(now);
    while times.len() > limit.failures.max(1) as usize {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit {
        failures: 3,
        window_ms: 10_000,
    };

    // what the tests read and write beside the two calls login makes
    impl Throttle {
        fn failed(&self, key: &str, limit: Limit, now: i64) {
            record(&mut self.map(), key, limit, now);
        }
        fn wait_secs(&self, key: &str, limit: Limit, now: i64) -> Option<u64> {
            wait_in(&self.map(), key, limit, now)
        }
        fn forget(&self, key: &str) {
            self.map().remove(key);
        }
    }

    #[test]
    fn blocks_at_the_limit_until_the_oldest_failure_leaves_the_window() {
        let t = Throttle::default();
        t.failed("a", LIMIT, 1_000);
        t.failed("a", LIMIT, 2_000);
        assert_eq!(t.wait_secs("a", LIMIT, 2_500), None, "two failures of three");
        t.failed("a", LIMIT, 3_000);
        assert_eq!(
            t.wait_secs("a", LIMIT, 3_000),
            Some(8),
            "the first failure leaves at 11 s"
        );
        assert_eq!(t.wait_secs("a", LIMIT, 10_999), Some(1));
        assert_eq!(t.wait_secs("a", LIMIT, 11_000), None);
        assert_eq!(t.wait_secs("b", LIMIT, 3_000), None, "other keys are not blocked");
        t.forget("a");
        assert_eq!(t.wait_secs("a", LIMIT, 3_000), None);
    }

    #[test]
    fn keeps_only_what_the_limit_needs() {
        let t = Throttle::default();
        for i in 0..1_000 {
            t.failed("a", LIMIT, i);
        }
        assert_eq!(t.failures.lock().unwrap()["a"].len(), 3);
        assert_eq!(t.wait_secs("a", LIMIT, 1_000), Some(10));
    }

    // Checking first and counting after the password would let a burst of parallel guesses
    // all pass the check.
    #[test]
    fn an_attempt_counts_before_its_outcome_and_a_success_takes_it_back() {
        let t = Throttle::default();
        let keys = [("acct", LIMIT), ("client", LIMIT)];
        assert!((0..3).all(|_| t.attempt(&keys, 1_000).is_ok()));
        assert_eq!(t.attempt(&keys, 1_000), Err(10), "the fourth waits, before any outcome");
        t.succeeded("acct", "client", 1_000);
        assert_eq!(t.wait_secs("acct", LIMIT, 1_000), None);
        assert_eq!(t.failures.lock().unwrap()["client"].len(), 2);
    }
}
