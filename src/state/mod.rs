//! Reactive state: remote data per tab, loaded in parallel and kept while the modal is open.

mod case_resources;
mod list_state;
mod remote;
mod unification;

pub use case_resources::CaseResources;
pub use list_state::{provide_filter_memory, provide_url_query, use_persisted_filter, FilterMemory, UrlQuery};
pub use remote::{Load, Remote};
pub use unification::{FlowHooks, Phase, Preview, UndoState, UnifyFlow};
