//! Filter and search predicates of the lists (Histórico do Caso, Histórico de Ligações, and the
//! lists that reuse them), pure so they run the same natively and in the browser.

pub mod attachments;
pub mod calls;
pub mod columns;
pub mod customer;
pub mod facet;
pub mod history;
pub mod messages;
pub mod query;
pub mod window;

pub use facet::{Facet, FacetValue};

use std::cmp::Ordering;

/// Sorts row indices by `cmp`, stably. Every list sorts through here: the comparator is a trait
/// object, so the sort exists once in the app's bundle instead of once per list (~2 KB each).
pub fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts indices into `items` newest first, ties by id (the same order on every reload).
/// `when_and_id` gives an item's timestamp and id.
pub fn newest_first<T>(order: &mut [usize], items: &[T], when_and_id: impl Fn(&T) -> (crate::Millis, i64)) {
    sort_indices(order, &|a, b| when_and_id(&items[b]).cmp(&when_and_id(&items[a])));
}
