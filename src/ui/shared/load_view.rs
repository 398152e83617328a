//! The three faces of a tab's data: a skeleton in the tab's own layout while loading, a localized
//! error with "Tentar novamente" when its request failed (this tab only), the content when ready.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::state::{Load, Remote, TabData};

/// The layout a skeleton imitates.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SkeletonKind {
    /// Label/value pairs in two columns.
    Fields,
    /// Rows of a list.
    Rows,
}

#[component]
fn Skeleton(kind: SkeletonKind) -> impl IntoView {
    let t = use_i18n();
    let body = match kind {
        SkeletonKind::Fields => (0..2)
            .map(|_| {
                view! {
                    <div class="cv-skeleton__column">
                        {(0..6)
                            .map(|_| {
                                view! {
                                    <div class="cv-skeleton__line cv-skeleton__line--label"></div>
                                    <div class="cv-skeleton__line"></div>
                                }
                            })
                            .collect_view()}
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        SkeletonKind::Rows => (0..8)
            .map(|_| view! { <div class="cv-skeleton__row"></div> })
            .collect_view()
            .into_any(),
    };
    let class = match kind {
        SkeletonKind::Fields => "cv-skeleton cv-skeleton--fields",
        SkeletonKind::Rows => "cv-skeleton cv-skeleton--rows",
    };
    view! {
        <div class=class role="status" aria-live="polite">
            <span class="cv-sr-only">{t.t().loading}</span>
            {body}
        </div>
    }
}

/// Renders loaded data as a view; `None` when the data is not of the expected type.
pub type ReadyView = Box<dyn Fn(TabData) -> Option<AnyView> + Send + Sync>;

/// `ready` as a [`ReadyView`] for data of type `T` (the one generic part of a load view).
pub fn ready_as<T, V>(ready: impl Fn(Arc<T>) -> V + Send + Sync + 'static) -> ReadyView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    Box::new(move |data: TabData| data.downcast::<T>().ok().map(|d| ready(d).into_any()))
}

/// Renders `remote`'s state; `ready` renders the data (data of another type than it expects is
/// shown as data in an unexpected format, never a panic). `tab_label` names the tab in the
/// error; `on_retry` reloads it. Not generic: its code exists once in the bundle.
#[component]
pub fn LoadView(
    remote: Remote,
    skeleton: SkeletonKind,
    #[prop(into)] tab_label: Signal<String>,
    #[prop(into)] on_retry: Callback<()>,
    ready: ReadyView,
) -> impl IntoView {
    let face = move || match remote.state.get() {
        Load::Loading => Face::Loading,
        Load::Ready(data) => match ready(data) {
            Some(view) => Face::Ready(view),
            None => Face::Failed(ApiError::BadData("unexpected data type".into())),
        },
        Load::Failed(err) => Face::Failed(err),
    };
    faces(Box::new(face), skeleton, tab_label, on_retry)
}

/// What a [`LoadView`] shows, with the data already rendered.
enum Face {
    Loading,
    Ready(AnyView),
    Failed(ApiError),
}

fn faces(
    face: Box<dyn Fn() -> Face + Send + Sync>,
    skeleton: SkeletonKind,
    tab_label: Signal<String>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_i18n();
    move || match face() {
        Face::Loading => view! { <Skeleton kind=skeleton /> }.into_any(),
        Face::Ready(view) => view,
        Face::Failed(err) => {
            let texts = t.t();
            let retry = err.can_retry().then(|| {
                view! {
                    <div class="cv-alert__actions">
                        <button type="button" class="cv-button cv-button--primary" on:click=move |_| on_retry.run(())>
                            {texts.retry}
                        </button>
                    </div>
                }
            });
            view! {
                <div class="cv-alert cv-alert--error cv-error" role="alert">
                    <p class="cv-alert__title">{(texts.tab_failed)(&tab_label.get())}</p>
                    <p class="cv-error__message">{err.message(texts)}</p>
                    {retry}
                </div>
            }
            .into_any()
        }
    }
}
