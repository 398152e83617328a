//! The bits around a list that every list tab shows: the search box, the "N de M" count (announced
//! politely), "Limpar filtros", and the empty state that says why nothing shows.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A search field bound to a text (no debounce: filtering runs on every keystroke).
#[component]
pub fn SearchBox(
    #[prop(into)] label: Signal<String>,
    value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    view! {
        <input
            type="search"
            class="cv-search"
            aria-label=move || label.get()
            placeholder=move || label.get()
            inputmode=if numeric { "tel" } else { "search" }
            autocomplete="off"
            spellcheck="false"
            maxlength=cvortex_domain::text::MAX_QUERY_CHARS
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// "12 de 240 registros", and "Limpar filtros" when something is set.
#[component]
pub fn ResultCount(
    shown: Signal<usize>,
    total: Signal<usize>,
    clear: Signal<bool>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let t = use_i18n();
    view! {
        <div class="cv-results">
            <span role="status" aria-live="polite" aria-atomic="true">
                {move || (t.t().results)(shown.get(), total.get())}
            </span>
            <Show when=move || !clear.get()>
                <button type="button" class="cv-button cv-button--subtle" on:click=move |_| on_clear.run(())>
                    {t.t().clear_filters}
                </button>
            </Show>
        </div>
    }
}

/// Why the list is empty: no data at all, or the search and filters leave nothing.
#[component]
pub fn EmptyState(
    total: Signal<usize>,
    query: Signal<String>,
    active_filters: Signal<usize>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let t = use_i18n();
    view! {
        <div class="cv-empty">
            {move || {
                if total.get() == 0 {
                    view! { <p>{t.t().empty_none}</p> }.into_any()
                } else {
                    view! {
                        <p>{(t.t().empty_filtered)(&query.get(), active_filters.get())}</p>
                        <button type="button" class="cv-button" on:click=move |_| on_clear.run(())>
                            {t.t().clear_filters}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
