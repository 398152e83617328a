//! The modal's tabs. Each tab is one [`TabDef`] in its own module under `ui/tabs/` (its data type,
//! read path, badge, slug, label and panel); [`TABS`] lists them in the seed's order, and the
//! modal, the resources, the badges and both ways of running iterate over it. Adding a tab means
//! a variant of [`ModalTab`], an entry in [`TABS`] and one new module.

use std::sync::Arc;

use cvortex_domain::CaseId;
use leptos::prelude::*;

use crate::api::{ApiError, Body};
use crate::i18n::Texts;
use crate::state::Data;
pub use crate::state::{apply_as, decode_as, ApplyFn, TabData};
use crate::state::{CaseFlows, CaseResources};
use crate::ui::shared::{ready_as, LoadView, ReadyView, SkeletonKind};
use crate::ui::tabs::{attachments, calls, case_data, case_history, customer_history, interactions, sla, surveys};

/// Which tab: the identity the rest of the app passes around. Its order is [`TABS`]' order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ModalTab {
    #[default]
    CaseData,
    CaseHistory,
    CustomerHistory,
    Calls,
    Interactions,
    Sla,
    Attachments,
    Surveys,
}

/// How many tabs the modal has.
pub const TAB_COUNT: usize = 8;

/// Every tab, in the seed's order.
pub static TABS: [&TabDef; TAB_COUNT] = [
    &case_data::TAB,
    &case_history::TAB,
    &customer_history::TAB,
    &calls::TAB,
    &interactions::TAB,
    &sla::TAB,
    &attachments::TAB,
    &surveys::TAB,
];

/// Everything the modal needs to know about one tab.
pub struct TabDef {
    pub id: ModalTab,
    /// In `/casos/:id/:aba` and the embed's `tab` attribute.
    pub slug: &'static str,
    pub label: fn(&Texts) -> &'static str,
    /// Where its data is read, under `/v1/cases/{id}` (`""`: the case itself).
    pub read: &'static str,
    /// Decodes the answer of `read` (see [`decode_as`]).
    pub decode: fn(Body) -> Result<TabData, ApiError>,
    /// The number its badge shows once the data is in; `None`: no badge.
    pub count: fn(&TabData) -> Option<usize>,
    /// How the case's live changes apply to its data (`apply_as::<ItsType>`); `None`: they do not.
    pub apply: Option<ApplyFn>,
    /// Whether a unification or its undo changes what it shows (it reloads after one).
    pub changed_by_unification: bool,
    pub skeleton: SkeletonKind,
    /// The panel's content (usually `|ctx| ctx.loaded(ctx.ready(…))`).
    pub panel: fn(TabCtx) -> AnyView,
}

/// `f` of the data when it is a `T`.
pub fn count_of<T: 'static>(data: &TabData, f: fn(&T) -> usize) -> Option<usize> {
    data.downcast_ref::<T>().map(f)
}

impl ModalTab {
    pub fn def(self) -> &'static TabDef {
        TABS[self as usize]
    }

    pub fn all() -> impl Iterator<Item = ModalTab> {
        TABS.iter().map(|d| d.id)
    }

    pub fn slug(self) -> &'static str {
        self.def().slug
    }

    pub fn label(self, t: &Texts) -> &'static str {
        (self.def().label)(t)
    }

    pub fn from_slug(slug: &str) -> Option<ModalTab> {
        TABS.iter().find(|d| d.slug == slug).map(|d| d.id)
    }

    /// Position in the strip, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tab for Alt+1 … Alt+8 (1-based).
    pub fn from_number(n: usize) -> Option<ModalTab> {
        n.checked_sub(1).and_then(|i| TABS.get(i)).map(|d| d.id)
    }

    /// Arrow-key movement, wrapping around.
    pub fn next(self) -> ModalTab {
        TABS[(self.index() + 1) % TABS.len()].id
    }

    pub fn prev(self) -> ModalTab {
        TABS[(self.index() + TABS.len() - 1) % TABS.len()].id
    }

    pub fn first() -> ModalTab {
        TABS[0].id
    }

    pub fn last() -> ModalTab {
        TABS[TABS.len() - 1].id
    }
}

/// What a tab's panel is given.
#[derive(Clone, Copy)]
pub struct TabCtx {
    pub def: &'static TabDef,
    pub case_id: Signal<CaseId>,
    pub resources: CaseResources,
    pub flows: CaseFlows,
    /// The tab's name, for its error message.
    pub label: Signal<String>,
    /// Loads the tab's data again ("Tentar novamente").
    pub retry: Callback<()>,
}

impl TabCtx {
    /// The tab's data through [`LoadView`]: a skeleton, a localized error with a retry, or
    /// `ready`'s view of it (see [`TabCtx::ready`]). Not generic: one instance for every tab.
    pub fn loaded(self, ready: ReadyView) -> AnyView {
        view! {
            <LoadView
                remote=self.resources.remote(self.def.id)
                skeleton=self.def.skeleton
                tab_label=self.label
                on_retry=self.retry
                ready
            />
        }
        .into_any()
    }

    /// `view` of the tab's data (a `T`) and the open case's id, for [`TabCtx::loaded`], built
    /// again for each new version of the data (for a tab with nothing the agent sets up in it).
    pub fn ready<T, V>(self, view: fn(Arc<T>, CaseId) -> V) -> ReadyView
    where
        T: Send + Sync + 'static,
        V: IntoView + 'static,
    {
        let case_id = self.case_id;
        ReadyView {
            rebuild: true,
            ..ready_as(move |data: Data<T>| data.get_untracked().map(|d| view(d, case_id.get_untracked())))
        }
    }

    /// `view` of the tab's data, for [`TabCtx::loaded`]: built once per load, new data reaches
    /// it through [`Data`] (a list keeps its scroll, filters and expanded rows).
    pub fn live<T, V>(self, view: fn(Data<T>, TabCtx) -> V) -> ReadyView
    where
        T: Send + Sync + 'static,
        V: IntoView + 'static,
    {
        ready_as(move |data: Data<T>| view(data, self))
    }

    /// The number of items in `list`, the data as the panel shows it (held with its rows while
    /// the panel is out of view), counted as its badge is; 0 until loaded.
    pub fn total<T: Send + Sync + 'static>(self, list: Data<T>) -> Signal<usize> {
        self.count_in(list.erased())
    }

    /// (not generic: once in the bundle)
    fn count_in(self, data: Signal<Option<TabData>>) -> Signal<usize> {
        let count = self.def.count;
        Signal::derive(move || data.with(|d| d.as_ref().and_then(count)).unwrap_or(0))
    }
}
