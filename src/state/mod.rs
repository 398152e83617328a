//! Reactive state: remote data per tab, loaded in parallel and kept while the modal is open.

mod case_resources;
mod remote;

pub use case_resources::CaseResources;
pub use remote::{Load, Remote};
