//! A tab whose detailed view is not built yet: it still loads its data with the others (so the
//! count badge, errors and retry work) and says how much was loaded.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::state::Remote;
use crate::ui::shared::{LoadView, SkeletonKind};

#[component]
pub fn PendingTab<T: Send + Sync + 'static>(
    remote: Remote<T>,
    count: Signal<Option<usize>>,
    label: Signal<String>,
    retry: Callback<()>,
) -> impl IntoView {
    let t = use_i18n();
    view! {
        <LoadView remote skeleton=SkeletonKind::Rows tab_label=label on_retry=retry
            ready={move |_| view! { <p class="cv-pending">{move || (t.t().coming_soon)(count.get().unwrap_or(0))}</p> }} />
    }
}
