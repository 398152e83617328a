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

#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl Throttle {
    /// Whole seconds until `key` may try again, or `None` when it may now.
    pub fn wait_secs(&self, key: &str, limit: Limit, now: i64) -> Option<u64> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
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

    pub fn failed(&self, key: &str, limit: Limit, now: i64) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > PRUNE_ABOVE {
            map.retain(|_, times| times.back().is_some_and(|t| now - t < limit.window_ms));
        }
        let times = map.entry(key.to_string()).or_default();
        times.push_back(now);
        while times.len() > limit.failures.max(1) as usize {
            times.pop_front();
        }
    }

    /// Forgets every failure (`POST /__sandbox/reset`).
    pub fn clear(&self) {
        self.failures.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    pub fn forget(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|p| p.into_inner()).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit {
        failures: 3,
        window_ms: 10_000,
    };

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
}
