//! One module per tab, each with its declaration (`TAB`, listed in `crate::tabs::TABS`);
//! [`TabPanel`] renders a tab's panel from it.

pub mod attachments;
pub mod calls;
pub mod case_data;
pub mod case_history;
pub mod customer_history;
pub mod interactions;
pub mod sla;
pub mod surveys;

use cvortex_domain::CaseId;
use leptos::prelude::*;

use crate::api::use_client;
use crate::i18n::use_i18n;
use crate::state::{CaseFlows, CaseResources};
use crate::tabs::{ModalTab, TabCtx};

/// The content of one tab's panel, as its declaration draws it.
#[component]
pub fn TabPanel(
    tab: ModalTab,
    case_id: Signal<CaseId>,
    resources: CaseResources,
    flows: CaseFlows,
    /// Whether the panel is on screen (what it shows catches up when it is).
    shown: Signal<bool>,
) -> impl IntoView {
    provide_context(crate::ui::shared::PanelShown(shown));
    let t = use_i18n();
    let client = use_client();
    let def = tab.def();
    let ctx = TabCtx {
        def,
        case_id,
        resources,
        flows,
        label: Signal::stored(tab.label(t.t()).to_string()),
        retry: Callback::new(move |()| resources.load(tab, &client, case_id.get_untracked())),
    };
    (def.panel)(ctx)
}
