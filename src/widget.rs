//! The case-details component, the same in both ways of running: it takes the case id and the
//! tab as inputs, loads the case's data, and renders the modal. It never owns the page's URL.

use cvortex_domain::CaseId;
use leptos::prelude::*;

use crate::api::use_client;
use crate::host::use_host_events;
use crate::i18n::Localized;
use crate::state::{provide_filter_memory, CaseFlows, CaseResources, LiveCase};
use crate::tabs::ModalTab;
use crate::ui::CaseModal;

/// "Continuar atendimento" of another case of the customer: the standalone app opens it, the
/// embedded widget tells the host (`cvortex:continue-case`).
#[derive(Clone, Copy)]
pub struct ContinueCase(pub Callback<CaseId>);

pub fn use_continue_case() -> Option<ContinueCase> {
    use_context::<ContinueCase>()
}

/// The standalone app's modals, one per case, so it can weigh what each holds (its answers'
/// bytes) and bound those it keeps hidden.
#[derive(Clone, Copy)]
pub struct CaseWeights(pub StoredValue<Vec<(CaseId, CaseResources)>>);

impl CaseWeights {
    pub fn bytes(&self, id: CaseId) -> usize {
        self.0
            .with_value(|v| v.iter().find(|(c, _)| *c == id).map(|(_, r)| r.bytes()))
            .unwrap_or(0)
    }
}

#[component]
pub fn CaseDetails(
    #[prop(into)] case_id: Signal<CaseId>,
    #[prop(into)] tab: Signal<ModalTab>,
    #[prop(into)] on_tab_change: Callback<ModalTab>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_continue_case: Callback<CaseId>,
    /// Follow the case's changes as they happen (the host may turn it off).
    #[prop(default = true)]
    live: bool,
    /// Whether the modal is shown. Closed, it stays mounted and hidden with its stream paused
    /// (the standalone app), so the same case opened again has nothing to build.
    #[prop(into, default = Signal::stored(true))]
    open: Signal<bool>,
) -> impl IntoView {
    provide_context(ContinueCase(on_continue_case));
    // a host's `open()` while open (a signal set to what it holds) changes nothing
    let open = Signal::from(Memo::new(move |_| open.get()));
    let client = use_client();
    let resources = CaseResources::new();
    // The writes live here, above the locale boundary: a locale change re-renders the modal but
    // must not cancel a unification or an upload on its way.
    let flows = CaseFlows::new(case_id, resources, client.clone(), use_host_events());
    let live = LiveCase::new(live, resources, client.clone(), use_host_events(), tab);
    if let Some(w) = use_context::<CaseWeights>() {
        let id = case_id.get_untracked();
        w.0.update_value(|v| v.push((id, resources)));
        on_cleanup(move || w.0.update_value(|v| v.retain(|(c, _)| *c != id)));
    }
    provide_filter_memory(open);
    // Every tab's data at once (from memory for a case seen lately), and the case's live changes,
    // again whenever the case changes (in-flight requests and the previous case's stream are
    // aborted, and what it showed is kept).
    Effect::new(move |_| {
        let id = case_id.get();
        if !open.get() {
            live.pause();
            return;
        }
        // the same case shown again, or set again by the host: nothing to keep or reload. Its
        // stream and reads wait for the frame that shows it (still open by then)
        if id == live.case_id() {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if open.try_get_untracked() == Some(true) {
                            live.resume();
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
            return;
        }
        live.leave();
        let resume = resources.open(&client, id, live.enabled());
        live.follow(id, resume);
    });
    view! {
        <Localized>
            <CaseModal case_id tab on_tab_change on_close resources flows live open />
        </Localized>
    }
}
