//! One module per tab; [`TabPanel`] picks the one to render.

mod attachments;
mod calls;
mod case_data;
mod case_history;
mod customer_history;
mod interactions;
mod sla;
mod surveys;

use cvortex_domain::CaseId;
use leptos::prelude::*;

use crate::api::use_client;
use crate::i18n::{use_i18n, ModalTab};
use crate::state::CaseResources;

/// The content of one tab's panel.
#[component]
pub fn TabPanel(tab: ModalTab, case_id: Signal<CaseId>, resources: CaseResources) -> impl IntoView {
    let t = use_i18n();
    let client = use_client();
    let label = Signal::stored((t.t().tab)(tab).to_string());
    let retry = Callback::new(move |()| resources.load(tab, &client, case_id.get_untracked()));
    match tab {
        ModalTab::CaseData => view! { <case_data::CaseDataTab resources label retry /> }.into_any(),
        ModalTab::CaseHistory => view! { <case_history::CaseHistoryTab resources case_id label retry /> }.into_any(),
        ModalTab::CustomerHistory => {
            view! { <customer_history::CustomerHistoryTab resources case_id label retry /> }.into_any()
        }
        ModalTab::Calls => view! { <calls::CallsTab resources case_id label retry /> }.into_any(),
        ModalTab::Interactions => view! { <interactions::InteractionsTab resources case_id label retry /> }.into_any(),
        ModalTab::Sla => view! { <sla::SlaTab resources case_id label retry /> }.into_any(),
        ModalTab::Attachments => view! { <attachments::AttachmentsTab resources case_id label retry /> }.into_any(),
        ModalTab::Surveys => view! { <surveys::SurveysTab resources case_id label retry /> }.into_any(),
    }
}
