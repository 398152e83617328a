//! Pieces the tabs share.

mod copy_button;
mod load_view;

pub use copy_button::CopyButton;
pub use load_view::{LoadView, SkeletonKind};
