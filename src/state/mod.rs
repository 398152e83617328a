//! Reactive state: remote data per tab, loaded in parallel and kept while the modal is open.

mod case_flows;
mod case_resources;
mod list_state;
mod remote;
mod unification;
mod uploads;

pub use case_flows::CaseFlows;
pub use case_resources::CaseResources;
pub use list_state::{
    filter_part, provide_filter_memory, provide_url_query, use_persisted_filter, FilterMemory, UrlQuery,
};
pub use remote::{decode_as, Decode, Load, Remote, TabData};
pub use unification::{Candidates, FlowHooks, Phase, Preview, UndoState, UnifyFlow};
pub use uploads::{UploadFlow, UploadPhase};

/// A random key (crypto.randomUUID where available).
pub(crate) fn new_idempotency_key() -> String {
    if let Some(uuid) = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid()) {
        return uuid;
    }
    let r = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:x}-{:x}-{:x}", js_sys::Date::now() as u64, r(), r())
}
