//! All eight tabs' data for one case, requested in parallel when the modal opens, so switching
//! tabs never waits on the network. Changing the case or closing the modal aborts what is in flight.

use cvortex_domain::*;
use leptos::prelude::*;

use super::{Load, Remote};
use crate::api::{reads, ApiClient};
use crate::i18n::ModalTab;

#[derive(Clone, Copy)]
pub struct CaseResources {
    pub details: Remote<CaseDetails>,
    pub history: Remote<HistoryList>,
    pub customer_cases: Remote<CustomerCaseList>,
    pub calls: Remote<CallList>,
    pub interactions: Remote<InteractionList>,
    pub sla: Remote<SlaList>,
    pub attachments: Remote<AttachmentList>,
    pub surveys: Remote<SurveyList>,
}

impl CaseResources {
    /// Creates the resources, aborting their requests when the current owner is cleaned up
    /// (so no `Default`: creating them has that effect on the current reactive owner).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let r = CaseResources {
            details: Remote::new(),
            history: Remote::new(),
            customer_cases: Remote::new(),
            calls: Remote::new(),
            interactions: Remote::new(),
            sla: Remote::new(),
            attachments: Remote::new(),
            surveys: Remote::new(),
        };
        on_cleanup(move || r.abort_all());
        r
    }

    /// Requests every tab's data at once.
    pub fn load_all(&self, client: &ApiClient, id: CaseId) {
        for tab in ModalTab::ALL {
            self.load(tab, client, id);
        }
    }

    /// (Re)loads one tab's data, showing its loading state.
    pub fn load(&self, tab: ModalTab, client: &ApiClient, id: CaseId) {
        self.fetch(tab, client, id, true);
    }

    /// Reloads one tab's data keeping what it shows until the new data is in.
    pub fn refresh(&self, tab: ModalTab, client: &ApiClient, id: CaseId) {
        self.fetch(tab, client, id, false);
    }

    fn fetch(&self, tab: ModalTab, client: &ApiClient, id: CaseId, show_loading: bool) {
        fn go<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
            r: &Remote<T>,
            client: &ApiClient,
            path: String,
            show_loading: bool,
        ) {
            if show_loading {
                r.load(client, path)
            } else {
                r.reload(client, path)
            }
        }
        let path = reads::of_tab(id, tab);
        let (c, l) = (client, show_loading);
        match tab {
            ModalTab::CaseData => go(&self.details, c, path, l),
            ModalTab::CaseHistory => go(&self.history, c, path, l),
            ModalTab::CustomerHistory => go(&self.customer_cases, c, path, l),
            ModalTab::Calls => go(&self.calls, c, path, l),
            ModalTab::Interactions => go(&self.interactions, c, path, l),
            ModalTab::Sla => go(&self.sla, c, path, l),
            ModalTab::Attachments => go(&self.attachments, c, path, l),
            ModalTab::Surveys => go(&self.surveys, c, path, l),
        }
    }

    pub fn abort_all(&self) {
        self.details.abort();
        self.history.abort();
        self.customer_cases.abort();
        self.calls.abort();
        self.interactions.abort();
        self.sla.abort();
        self.attachments.abort();
        self.surveys.abort();
    }

    /// The count badge of a tab that lists things, once its data is in (reactive).
    pub fn count(&self, tab: ModalTab) -> Option<usize> {
        fn n<T: Send + Sync + 'static>(r: &Remote<T>, f: impl Fn(&T) -> usize) -> Option<usize> {
            r.state.with(|s| s.ready().map(|v| f(v)))
        }
        match tab {
            ModalTab::CaseData => None,
            ModalTab::CaseHistory => n(&self.history, |l| l.items.len()),
            ModalTab::CustomerHistory => n(&self.customer_cases, |l| l.items.len()),
            ModalTab::Calls => n(&self.calls, |l| l.items.len()),
            ModalTab::Interactions => n(&self.interactions, |l| {
                l.channels.iter().map(|c| c.messages.len()).sum()
            }),
            ModalTab::Sla => n(&self.sla, |l| l.items.len()),
            ModalTab::Attachments => n(&self.attachments, |l| l.items.len()),
            ModalTab::Surveys => n(&self.surveys, |l| l.items.len()),
        }
    }

    /// Whether a tab's request failed (reactive), to mark its tab.
    pub fn failed(&self, tab: ModalTab) -> bool {
        fn f<T: Send + Sync + 'static>(r: &Remote<T>) -> bool {
            r.state.with(|s| matches!(s, Load::Failed(_)))
        }
        match tab {
            ModalTab::CaseData => f(&self.details),
            ModalTab::CaseHistory => f(&self.history),
            ModalTab::CustomerHistory => f(&self.customer_cases),
            ModalTab::Calls => f(&self.calls),
            ModalTab::Interactions => f(&self.interactions),
            ModalTab::Sla => f(&self.sla),
            ModalTab::Attachments => f(&self.attachments),
            ModalTab::Surveys => f(&self.surveys),
        }
    }
}
