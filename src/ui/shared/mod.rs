//! Pieces the tabs share.

pub mod cells;
mod copy_button;
mod data_list;
mod date_field;
mod dismiss_button;
mod highlight;
mod leaf;
mod list_tab;
mod list_toolbar;
mod load_view;
mod multi_select;
mod observe_size;
mod save_file;

use std::sync::atomic::{AtomicUsize, Ordering};

pub use copy_button::CopyButton;
pub use data_list::{Column, DataList, Expand, RowLook, Sorting};
pub use date_field::DateField;
pub use dismiss_button::DismissButton;
pub use highlight::Highlighted;
pub use list_tab::{Filtered, ListTab};
pub use list_toolbar::{EmptyState, ResultCount, SearchBox};
pub use load_view::{ready_as, LoadView, PanelShown, ReadyView, SkeletonKind};
pub use multi_select::{facet_options, MultiSelect, SelectOption};
pub use observe_size::observe_size;
pub use save_file::save_parts;

/// A number unique in the page, for element ids (several widgets may share a page).
pub fn next_uid() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
