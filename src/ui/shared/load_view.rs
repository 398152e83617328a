//! The three faces of a tab's data: a skeleton in the tab's own layout while loading, a localized
//! error with "Tentar novamente" when its request failed (this tab only), the content when ready.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::state::{Data, Load, Remote, TabData};

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

/// Renders loaded data as a view, given the data as a signal. A view built once per load gets
/// new data (a live change, a silent reload) through the signal, keeping what the agent set up
/// (scroll, expanded rows, focus, a half-typed search); one with `rebuild` (a tab with nothing
/// to set up) is built again for each new version of the data.
pub struct ReadyView {
    /// The view, `None` when the data is not of the type it expects.
    pub view: Box<dyn Fn(Signal<Option<TabData>>) -> Option<AnyView> + Send + Sync>,
    pub rebuild: bool,
}

/// `ready` as a [`ReadyView`] for data of type `T`, built once per load (the one generic part of
/// a load view).
pub fn ready_as<T, V>(ready: impl Fn(Data<T>) -> V + Send + Sync + 'static) -> ReadyView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    ReadyView {
        view: Box::new(move |data: Signal<Option<TabData>>| {
            data.with_untracked(|d| d.as_ref().is_some_and(|d| d.is::<T>()))
                .then(|| ready(Data::new(data)).into_any())
        }),
        rebuild: false,
    }
}

/// Whether the panel a [`LoadView`] is in is on screen (a tab's panel: its tab selected and the
/// modal open). Out of view it does not follow its data: a burst of live changes to a tab out of
/// view rebuilt rows nobody saw several times a second, in the middle of the agent's typing
/// elsewhere. It catches up when shown. The data itself stays current (badges, eligibility).
#[derive(Clone, Copy)]
pub struct PanelShown(pub Signal<bool>);

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
    let t = use_i18n();
    // the face changes between loading, ready and failed only: new data of a ready tab goes
    // through `data`, into the view already built
    // (compared by face only: another failure is always shown, without comparing errors)
    let rebuild = ready.rebuild;
    let shown = use_context::<PanelShown>();
    let state = Memo::new_with_compare(
        move |before: Option<&Load<TabData>>| {
            let on_screen = shown.is_none_or(|s| s.0.get());
            match before {
                Some(held) if !on_screen => held.clone(),
                _ => remote.state.get(),
            }
        },
        |a, b| match (a, b) {
            (Some(Load::Ready(a)), Some(Load::Ready(b))) => !Arc::ptr_eq(a, b),
            (Some(Load::Loading), Some(Load::Loading)) => false,
            // the same failure held (a hidden panel shown again) is not shown anew
            (Some(Load::Failed(a)), Some(Load::Failed(b))) => a != b,
            _ => true,
        },
    );
    let face = Memo::new_with_compare(
        move |_| {
            state.with(|s| match s {
                Load::Loading => Face::Loading,
                Load::Ready(d) => Face::Ready(if rebuild {
                    Arc::as_ptr(d) as *const u8 as usize
                } else {
                    0
                }),
                Load::Failed(e) => Face::Failed(e.clone()),
            })
        },
        |a, b| match (a, b) {
            (Some(Face::Loading), Some(Face::Loading)) => false,
            (Some(Face::Ready(a)), Some(Face::Ready(b))) => a != b,
            _ => true,
        },
    );
    let data = Signal::derive(move || state.with(|s| s.ready().cloned()));
    move || {
        let err = match face.get() {
            Face::Loading => return view! { <Skeleton kind=skeleton /> }.into_any(),
            Face::Ready(_) => match (ready.view)(data) {
                Some(view) => return view,
                None => ApiError::BadData("unexpected data type".into()),
            },
            Face::Failed(err) => err,
        };
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

/// What a [`LoadView`] shows.
#[derive(Clone)]
enum Face {
    Loading,
    /// The data's version when the view is rebuilt for each (else 0).
    Ready(usize),
    Failed(ApiError),
}
