//! Where a list's filters and search are remembered: per case while the modal is open (so a
//! case's view comes back as it was), and in the URL query in the standalone app (so a filtered
//! view can be shared by link).

use std::collections::HashMap;
use std::sync::Arc;

use cvortex_domain::CaseId;
use leptos::prelude::*;

type Pairs = Vec<(String, String)>;

const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The URL query, as the standalone app exposes it (absent when embedded: the host owns the URL).
#[derive(Clone)]
pub struct UrlQuery {
    pub read: Arc<dyn Fn() -> Pairs + Send + Sync>,
    /// Replaces the pairs whose keys start with the prefix.
    pub write: Arc<dyn Fn(&'static str, Pairs) + Send + Sync>,
}

pub fn provide_url_query(q: UrlQuery) {
    provide_context(q);
}

/// Per-modal memory of every list's state, by case; and whether the modal is shown (a modal
/// closed and shown again keeps its lists as they were).
#[derive(Clone, Copy)]
pub struct FilterMemory(StoredValue<HashMap<(CaseId, &'static str), Pairs>>, Signal<bool>);

pub fn provide_filter_memory(shown: Signal<bool>) {
    provide_context(FilterMemory(StoredValue::new(HashMap::new()), shown));
}

/// A list's filter state, restored from memory or the URL and saved back on every change.
/// `prefix` keeps the lists' keys apart in the URL (`h_busca`, `l_status`...).
pub fn use_persisted_filter<F>(
    case_id: CaseId,
    prefix: &'static str,
    to_query: fn(&F, &str) -> Pairs,
    from_query: fn(&[(String, String)], &str) -> F,
) -> RwSignal<F>
where
    F: Clone + PartialEq + Send + Sync + 'static,
{
    let memory = use_context::<FilterMemory>();
    let url = use_context::<UrlQuery>();
    let remembered = memory.and_then(|m| m.0.with_value(|map| map.get(&(case_id, prefix)).cloned()));
    let initial = match (remembered, &url) {
        (Some(pairs), _) => from_query(&pairs, prefix),
        (None, Some(u)) => from_query(&(u.read)(), prefix),
        (None, None) => from_query(&[], prefix),
    };
    let state = RwSignal::new(initial);
    // The URL follows once typing pauses: a navigation per keystroke would cost more than the
    // filtering itself (measured: docs/performance.md).
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let url_again = url.clone();
    Effect::new(move |prev: Option<()>| {
        let pairs = state.with(|f| to_query(f, prefix));
        if let Some(m) = memory {
            m.0.update_value(|map| {
                map.insert((case_id, prefix), pairs.clone());
            });
        }
        // the first run only reads: the URL already says what was restored
        if prev.is_some() {
            if let Some(u) = url.clone() {
                if let Some(Some(h)) = pending.try_update_value(Option::take) {
                    h.clear();
                }
                // (not from a modal hidden meanwhile: the URL is another case's, or the list's)
                let shown = memory.map(|m| m.1);
                let write = move || {
                    if shown.is_none_or(|s| s.try_get_untracked() == Some(true)) {
                        (u.write)(prefix, pairs)
                    }
                };
                let handle = set_timeout_with_handle(write, URL_DELAY);
                pending.set_value(handle.ok());
            }
        }
    });
    // Shown again (the standalone modal was closed, and stayed in the page): a URL naming this
    // list's filters decides, as a link does; else the list keeps them and the URL says so again.
    if let (Some(m), Some(u)) = (memory, url_again) {
        Effect::new(move |before: Option<bool>| {
            let shown = m.1.get();
            if shown && before == Some(false) {
                let query = (u.read)();
                if query.iter().any(|(k, _)| k.starts_with(prefix)) {
                    let asked = from_query(&query, prefix);
                    if state.with_untracked(|f| *f != asked) {
                        state.set(asked);
                    }
                } else {
                    let pairs = state.with_untracked(|f| to_query(f, prefix));
                    if !pairs.is_empty() {
                        (u.write)(prefix, pairs);
                    }
                }
            }
            shown
        });
    }
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_update_value(Option::take) {
            h.clear();
        }
    });
    state
}

/// One part of a list's filter (the search text, a facet's selection) as a memo: a keystroke in
/// the search changes the whole filter, and only what reads the search should run again (a
/// derived signal would re-render every facet's checkboxes on every keystroke).
pub fn filter_part<F, V>(filter: RwSignal<F>, part: fn(&F) -> V) -> Signal<V>
where
    F: Send + Sync + 'static,
    V: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| filter.with(part)).into()
}
