//! The view: the modal shell, one module per tab, and the pieces the tabs share.

pub mod live_status;
pub mod modal;
pub mod shared;
pub mod tab_strip;
pub mod tabs;

pub use modal::CaseModal;
