//! Text with the current search's matches wrapped in `<mark>` (accents and case ignored). Always
//! text nodes: server data never becomes markup.

use cvortex_domain::search::highlight;
use cvortex_domain::text::Query;
use leptos::prelude::*;

#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Signal<Query>) -> impl IntoView {
    let text = crate::fmt::shown(&text);
    move || {
        query.with(|q| {
            highlight(&text, q)
                .into_iter()
                .map(|(piece, hit)| {
                    let piece = piece.to_string();
                    if hit {
                        view! { <mark class="cv-mark">{piece}</mark> }.into_any()
                    } else {
                        piece.into_any()
                    }
                })
                .collect_view()
        })
    }
}
