//! One module per tab; [`TabPanel`] picks the one to render.

mod attachments;
mod calls;
mod case_data;
mod case_history;
mod customer_history;
mod interactions;
mod sla;
mod surveys;

use std::sync::Arc;

use cvortex_domain::{CallList, CaseDetails, CaseId, HistoryList, InteractionList, SlaList, SurveyList};
use leptos::prelude::*;

use crate::api::use_client;
use crate::i18n::{use_i18n, ModalTab};
use crate::state::CaseResources;
use crate::ui::shared::{LoadView, SkeletonKind};

/// The content of one tab's panel: its data through [`LoadView`] (skeleton, localized error with
/// retry, or the tab's view). Histórico do Cliente and Anexos also keep per-case flows, so they
/// rebuild when the case changes.
#[component]
pub fn TabPanel(tab: ModalTab, case_id: Signal<CaseId>, resources: CaseResources) -> impl IntoView {
    let t = use_i18n();
    let client = use_client();
    let label = Signal::stored((t.t().tab)(tab).to_string());
    let retry = Callback::new(move |()| resources.load(tab, &client, case_id.get_untracked()));
    let id = move || case_id.get_untracked();
    let rows = SkeletonKind::Rows;
    match tab {
        ModalTab::CaseData => view! {
            <LoadView remote=resources.details skeleton=SkeletonKind::Fields tab_label=label on_retry=retry
                ready={|details: Arc<CaseDetails>| view! { <case_data::CaseDataView details /> }} />
        }
        .into_any(),
        ModalTab::CaseHistory => view! {
            <LoadView remote=resources.history skeleton=rows tab_label=label on_retry=retry
                ready={move |list: Arc<HistoryList>| view! { <case_history::HistoryView list case_id=id() /> }} />
        }
        .into_any(),
        ModalTab::CustomerHistory => {
            view! { <customer_history::CustomerHistoryTab resources case_id label retry /> }.into_any()
        }
        ModalTab::Calls => view! {
            <LoadView remote=resources.calls skeleton=rows tab_label=label on_retry=retry
                ready={move |list: Arc<CallList>| view! { <calls::CallsView list case_id=id() /> }} />
        }
        .into_any(),
        ModalTab::Interactions => view! {
            <LoadView remote=resources.interactions skeleton=rows tab_label=label on_retry=retry
                ready={move |list: Arc<InteractionList>| view! { <interactions::InteractionsView list case_id=id() /> }} />
        }
        .into_any(),
        ModalTab::Sla => view! {
            <LoadView remote=resources.sla skeleton=rows tab_label=label on_retry=retry
                ready={move |list: Arc<SlaList>| view! { <sla::SlaView list case_id=id() /> }} />
        }
        .into_any(),
        ModalTab::Attachments => view! { <attachments::AttachmentsTab resources case_id label retry /> }.into_any(),
        ModalTab::Surveys => view! {
            <LoadView remote=resources.surveys skeleton=rows tab_label=label on_retry=retry
                ready={move |list: Arc<SurveyList>| view! { <surveys::SurveysView list case_id=id() /> }} />
        }
        .into_any(),
    }
}
