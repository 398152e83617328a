//! All tabs' data for one case, requested in parallel when the modal opens, so switching tabs
//! never waits on the network. Changing the case or closing the modal aborts the reads in flight
//! (not the writes: `super::case_flows`),
//! and keeps what the tabs show among the recent cases (`super::recent`): opening that case again
//! shows it at once, marked stale until it is brought up to date. What each tab reads, decodes
//! and counts is its declaration's (`crate::tabs`).

use std::sync::Arc;

use cvortex_domain::CaseId;
use leptos::prelude::*;

use super::remote::Shown;
use super::KeptCase;
use super::{Load, Remote};
use crate::api::{reads, ApiClient};
use cvortex_domain::live::Change;

use crate::tabs::{ModalTab, TabData, TABS, TAB_COUNT};

#[derive(Clone, Copy)]
pub struct CaseResources {
    remotes: [Remote; TAB_COUNT],
}

impl CaseResources {
    /// Creates the resources, aborting their requests when the current owner is cleaned up
    /// (so no `Default`: creating them has that effect on the current reactive owner).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let r = CaseResources {
            remotes: std::array::from_fn(|i| Remote::applying(TABS[i].apply)),
        };
        on_cleanup(move || r.abort_all());
        r
    }

    /// Shows case `id`: from memory when it was kept (marked stale, and brought up to date by
    /// reloading it unless `resumable`: the live stream replays what it missed), else from the
    /// server. Gives the kept case's last event id when its stream should resume from there.
    pub fn open(&self, client: &ApiClient, id: CaseId, resumable: bool) -> Option<String> {
        let kept = client.recent().take(id);
        let Some(KeptCase { tabs, at, last_event }) = kept else {
            self.load_all(client, id);
            return None;
        };
        let resume = last_event.filter(|_| resumable);
        for tab in ModalTab::all() {
            match &tabs[tab.index()] {
                Some(kept) => {
                    self.remote(tab).restore(&Shown { at, ..kept.clone() });
                    // a reload it was owed (a `reset`, a unification, a refused refresh) comes
                    // first: the stream resumes after the event that asked for it
                    if resume.is_none() || kept.owed {
                        self.refresh(tab, client, id);
                    }
                }
                None => self.load(tab, client, id),
            }
        }
        resume
    }

    /// Keeps what the tabs show of case `id` among the recent cases, as it closes (or another
    /// opens): with the last event its stream took, and whether the stream was live until now
    /// (then what is kept is current now, not as of its oldest answer).
    pub fn keep(&self, client: &ApiClient, id: CaseId, last_event: Option<String>, live_until_now: bool) {
        let mut shown = self.remotes.map(|r| r.shown());
        // the SLA clocks run from when their list arrived: kept, they would be behind
        shown[ModalTab::Sla.index()] = None;
        let bytes = self.bytes();
        let Some(oldest) = shown.iter().flatten().map(|s| s.at).reduce(f64::min) else {
            return;
        };
        let kept = KeptCase {
            tabs: shown,
            at: if live_until_now { js_sys::Date::now() } else { oldest },
            last_event,
        };
        client.recent().keep(id, bytes, kept);
    }

    /// The modal is hidden with this case: what the tabs show is marked stale, as of now when
    /// the stream was live until now, else as of its answers.
    pub fn pause(&self, live_until_now: bool) {
        for r in &self.remotes {
            r.pause(live_until_now);
        }
    }

    /// Shown again after [`pause`](Self::pause): the tabs owed a reload, and the SLA list (its
    /// clocks), are read again; every tab unless the stream resumes (`resumable`). The data stays
    /// on screen until the answers are in.
    pub fn resume(&self, client: &ApiClient, id: CaseId, resumable: bool) {
        for tab in ModalTab::all() {
            let r = self.remote(tab);
            if !r.in_flight() && (!resumable || tab == ModalTab::Sla || r.owed()) {
                self.refresh(tab, client, id);
            }
        }
    }

    /// The size of the answers what the tabs show was decoded from, the SLA list aside (it is
    /// never kept, and read again when a case shows again): what a kept or hidden case weighs.
    pub fn bytes(&self) -> usize {
        let sla = ModalTab::Sla.index();
        (self.remotes.iter().enumerate())
            .filter(|(i, _)| *i != sla)
            .map(|(_, r)| r.bytes() as usize)
            .sum()
    }

    /// The stream is live again: data kept in memory that waited for it is current.
    pub fn caught_up(&self) {
        for r in &self.remotes {
            r.caught_up();
        }
    }

    /// Since when the data shown may be out of date, and whether bringing it up to date failed
    /// (reactive; `None`: it is current).
    pub fn stale(&self) -> Option<(f64, bool)> {
        self.remotes
            .iter()
            .filter_map(Remote::stale)
            .reduce(|a, b| (a.0.min(b.0), a.1 || b.1))
    }

    /// Reloads every tab of case `id` whose data is stale ("Tentar novamente").
    pub fn renew(&self, client: &ApiClient, id: CaseId) {
        for tab in ModalTab::all() {
            if self.remote(tab).is_stale() {
                self.refresh(tab, client, id);
            }
        }
    }

    pub fn remote(&self, tab: ModalTab) -> Remote {
        self.remotes[tab.index()]
    }

    /// Requests every tab's data at once.
    pub fn load_all(&self, client: &ApiClient, id: CaseId) {
        for tab in ModalTab::all() {
            self.load(tab, client, id);
        }
    }

    /// (Re)loads one tab's data, showing its loading state.
    pub fn load(&self, tab: ModalTab, client: &ApiClient, id: CaseId) {
        let def = tab.def();
        self.remote(tab).load(client, reads::of_case(id, def.read), def.decode);
    }

    /// Reloads one tab's data keeping what it shows until the new data is in.
    pub fn refresh(&self, tab: ModalTab, client: &ApiClient, id: CaseId) {
        let def = tab.def();
        self.remote(tab)
            .reload(client, reads::of_case(id, def.read), def.decode);
    }

    /// Applies live changes to every tab's data in place; per tab, how many changed it.
    pub fn apply_live(&self, changes: &[Change]) -> [usize; TAB_COUNT] {
        std::array::from_fn(|i| self.remotes[i].apply_live(changes))
    }

    pub fn abort_all(&self) {
        for r in &self.remotes {
            r.abort();
        }
    }

    /// A tab's data as its type, once it is in (reactive).
    pub fn ready<T: Send + Sync + 'static>(&self, tab: ModalTab) -> Option<Arc<T>> {
        self.remote(tab)
            .state
            .with(|s| s.ready().cloned())
            .and_then(|d| d.downcast::<T>().ok())
    }

    /// Puts data straight into a tab (component tests, and data that arrived another way).
    pub fn set<T: Send + Sync + 'static>(&self, tab: ModalTab, load: Load<T>) {
        let load = match load {
            Load::Loading => Load::Loading,
            Load::Ready(v) => Load::Ready(Arc::new(v) as TabData),
            Load::Failed(e) => Load::Failed(e),
        };
        self.remote(tab).state.set(load);
    }

    /// The count badge of a tab that lists things, once its data is in (reactive).
    pub fn count(&self, tab: ModalTab) -> Option<usize> {
        let count = tab.def().count;
        self.remote(tab).state.with(|s| s.ready().and_then(count))
    }

    /// Whether a tab's request failed (reactive), to mark its tab.
    pub fn failed(&self, tab: ModalTab) -> bool {
        self.remote(tab).state.with(|s| matches!(s, Load::Failed(_)))
    }
}
