//! The "×" that closes an alert panel (the unification's and the upload's).

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn DismissButton(on_dismiss: Callback<()>) -> impl IntoView {
    let t = use_i18n();
    view! {
        <button
            type="button"
            class="cv-icon-button cv-alert__close"
            aria-label=t.t().dismiss
            on:click=move |_| on_dismiss.run(())
        >
            "×"
        </button>
    }
}
