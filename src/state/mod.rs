//! Reactive state: remote data per tab, loaded in parallel and kept while the modal is open, and
//! kept current by the case's live changes.

use leptos::prelude::*;

mod case_flows;
mod case_resources;
mod list_state;
mod live;
mod recent;
mod remote;
mod unification;
mod uploads;

pub use case_flows::CaseFlows;
pub use case_resources::CaseResources;
pub use list_state::{
    filter_part, provide_filter_memory, provide_url_query, use_persisted_filter, FilterMemory, UrlQuery,
};
pub use live::{Link, LiveCase};
pub use recent::{KeptCase, RecentCases};
pub use remote::{apply_as, decode_as, ApplyFn, Data, Decode, Load, Remote, TabData};
pub use unification::{Candidates, FlowHome, FlowSlot, ParkedFlow, Phase, Preview, UndoState, UnifyFlow};
pub use uploads::{UploadFlow, UploadPhase};

/// A memo whose every new value counts as a change (no comparison): an index, facets or options
/// derived from a tab's data, recomputed when that data changes and only then. Comparing them
/// would cost more than recomputing what depends on them, and most have no `PartialEq`.
pub fn derived<T: Send + Sync + 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T> {
    Memo::new_with_compare(move |_| f(), |_, _| true)
}

/// A random key (crypto.randomUUID where available).
pub(crate) fn new_idempotency_key() -> String {
    if let Some(uuid) = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid()) {
        return uuid;
    }
    let r = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:x}-{:x}-{:x}", js_sys::Date::now() as u64, r(), r())
}
