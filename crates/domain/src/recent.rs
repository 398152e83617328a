//! The cases seen lately, kept in memory so that opening one again shows it at once. Bounded by
//! bytes (the size of the answers their data was decoded from): over the bound, the largest case
//! goes first, since one 10,000-row case costs as much as dozens of ordinary ones; and by count,
//! where the oldest goes first. The app keeps the decoded data itself (`T`); this only decides.

use crate::CaseId;

/// What the app keeps at most: 16 MB of answers, one 10,000-row case (14.4 MB without its SLA
/// list) or a dozen of 1,000 rows. The memory budget is 60 MB for everything, and a 10,000-row
/// case open takes about 40 of it: at 40 MB, two large cases kept took the wasm memory to 62.5 MB
/// after moving between five (16 MB: 43 to 47).
pub const KEEP_BYTES: usize = 16 << 20;
/// And at most this many cases (an agent moves between a handful).
pub const KEEP_CASES: usize = 8;

pub struct Recent<T> {
    /// Oldest first.
    entries: Vec<(CaseId, usize, T)>,
    limit_bytes: usize,
    limit_cases: usize,
}

impl<T> Default for Recent<T> {
    fn default() -> Self {
        Recent::new(KEEP_BYTES, KEEP_CASES)
    }
}

impl<T> Recent<T> {
    pub fn new(limit_bytes: usize, limit_cases: usize) -> Self {
        Recent {
            entries: Vec::new(),
            limit_bytes,
            limit_cases,
        }
    }

    /// Keeps `value` for case `id` (`bytes` its size), as the newest, in place of what was kept
    /// for it; then drops the oldest while there are too many and the largest while they weigh
    /// too much (a case larger than the bound alone is not kept at all).
    pub fn keep(&mut self, id: CaseId, bytes: usize, value: T) {
        self.take(id);
        self.entries.push((id, bytes, value));
        while self.entries.len() > self.limit_cases {
            self.entries.remove(0);
        }
        while self.bytes() > self.limit_bytes {
            let largest = (0..self.entries.len()).max_by_key(|&i| (self.entries[i].1, i));
            if let Some(i) = largest {
                self.entries.remove(i);
            }
        }
    }

    /// Takes out what is kept for case `id`.
    pub fn take(&mut self, id: CaseId) -> Option<T> {
        let i = self.entries.iter().position(|e| e.0 == id)?;
        Some(self.entries.remove(i).2)
    }

    /// What is kept for case `id`, to change it in place.
    pub fn get_mut(&mut self, id: CaseId) -> Option<&mut T> {
        self.entries.iter_mut().find(|e| e.0 == id).map(|e| &mut e.2)
    }

    /// The bytes kept in all.
    pub fn bytes(&self) -> usize {
        self.entries.iter().map(|e| e.1).sum()
    }

    /// The cases kept, oldest first.
    pub fn ids(&self) -> Vec<CaseId> {
        self.entries.iter().map(|e| e.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_kept_is_taken_back_once() {
        let mut r = Recent::new(100, 8);
        r.keep(1, 10, "one");
        assert_eq!(r.take(1), Some("one"));
        assert_eq!(r.take(1), None);
        assert_eq!(r.bytes(), 0);
    }

    #[test]
    fn keeping_a_case_again_replaces_it_and_makes_it_the_newest() {
        let mut r = Recent::new(100, 8);
        r.keep(1, 10, "old");
        r.keep(2, 10, "two");
        r.keep(1, 20, "new");
        assert_eq!(r.ids(), vec![2, 1]);
        assert_eq!(r.bytes(), 30);
        assert_eq!(r.take(1), Some("new"));
    }

    #[test]
    fn over_the_byte_bound_the_largest_go_first() {
        let mut r = Recent::new(100, 8);
        r.keep(1, 60, ());
        r.keep(2, 10, ());
        r.keep(3, 20, ());
        // 60 + 10 + 20 + 30 = 120 > 100: the largest (1, though not the newest nor the oldest
        // kept last) goes, and the rest fit
        r.keep(4, 30, ());
        assert_eq!(r.ids(), vec![2, 3, 4]);
        assert_eq!(r.bytes(), 60);
    }

    #[test]
    fn the_newest_goes_too_when_it_is_the_largest() {
        let mut r = Recent::new(100, 8);
        r.keep(1, 30, ());
        r.keep(2, 50, ());
        r.keep(3, 70, ());
        assert_eq!(r.ids(), vec![1, 2]);
    }

    #[test]
    fn a_case_larger_than_the_bound_is_not_kept() {
        let mut r = Recent::new(100, 8);
        r.keep(1, 10, ());
        r.keep(2, 101, ());
        assert_eq!(r.ids(), vec![1]);
    }

    #[test]
    fn over_the_count_the_oldest_go_first() {
        let mut r = Recent::new(1000, 3);
        for id in 1..=5 {
            r.keep(id, 1, ());
        }
        assert_eq!(r.ids(), vec![3, 4, 5]);
    }

    #[test]
    fn among_equal_sizes_the_latest_kept_goes_first() {
        // ties: the later entry is dropped (max_by_key keeps the last maximum), so what was
        // kept before stays rather than being churned out by an equal newcomer
        let mut r = Recent::new(100, 8);
        r.keep(1, 50, ());
        r.keep(2, 50, ());
        r.keep(3, 50, ());
        assert_eq!(r.ids(), vec![1, 2]);
    }

    #[test]
    fn changed_in_place() {
        let mut r = Recent::new(100, 8);
        r.keep(7, 1, String::from("a"));
        r.get_mut(7).unwrap().push('b');
        assert!(r.get_mut(8).is_none());
        assert_eq!(r.take(7).as_deref(), Some("ab"));
    }
}
