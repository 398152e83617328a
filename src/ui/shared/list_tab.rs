//! The shape every list tab shares, under its toolbar: the "N de M" line with "Limpar filtros",
//! then the list, or, when nothing is left to show, why (no data, or the search and filters).

use leptos::prelude::*;

use super::{EmptyState, ResultCount};

/// What a list tab's filter has made of its rows.
#[derive(Clone, Copy)]
pub struct Filtered {
    /// The rows shown, in order (indices into the tab's data).
    pub shown: Memo<Vec<usize>>,
    pub total: Signal<usize>,
    /// Whether nothing is filtered or searched.
    pub is_clear: Signal<bool>,
    pub on_clear: Callback<()>,
    /// The search text, for the empty state's message.
    pub query: Signal<String>,
    /// How many filters besides the search are set.
    pub active_filters: Signal<usize>,
}

/// `toolbar`, then `notes` (warnings, totals), the count, and `list` (a `DataList`) or the empty
/// state. One component for every list tab, so this arrangement exists once.
#[component]
pub fn ListTab(
    toolbar: AnyView,
    #[prop(optional)] notes: Option<AnyView>,
    filtered: Filtered,
    #[prop(into)] list: ViewFn,
) -> impl IntoView {
    let Filtered {
        shown,
        total,
        is_clear,
        on_clear,
        query,
        active_filters,
    } = filtered;
    view! {
        {toolbar}
        {notes}
        <ResultCount shown=Signal::derive(move || shown.with(Vec::len)) total clear=is_clear on_clear />
        <Show
            when=move || shown.with(|s| !s.is_empty())
            fallback=move || view! { <EmptyState total query active_filters on_clear /> }
        >
            {list.run()}
        </Show>
    }
}
