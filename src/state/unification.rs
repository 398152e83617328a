//! The unification flow of one open case: the selection, the confirmation, the one request with
//! its idempotency key, and what came of it (done with undo, refused per case, or failed with the
//! selection kept). It lives above the tab's list, so reloading the list loses none of it.

use std::collections::BTreeSet;
use std::sync::Arc;

use cvortex_domain::unification::{refusals, request_fingerprint, Assessment};
use cvortex_domain::{codes, CaseId, CaseRefusal, ContentCounts, CustomerCaseList, Unification};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::new_idempotency_key;
use crate::api::{ApiClient, ApiError};

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    /// The alert above the table: what each selected case brings, and the sum; `sending` once
    /// confirmed, until the answer.
    Confirming {
        preview: Preview,
        sending: bool,
    },
    Done {
        unification: Unification,
        undo: UndoState,
    },
    Undone {
        restored: Vec<CaseId>,
    },
    /// HTTP 409: nothing was unified; which cases and why.
    Refused(Vec<CaseRefusal>),
    /// Network, timeout, 5xx...: nothing known to have happened; retrying reuses the key.
    Failed(ApiError),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub per_case: Vec<(CaseId, ContentCounts)>,
    pub total: ContentCounts,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UndoState {
    Available,
    Undoing,
    Failed(ApiError),
}

impl Phase {
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Phase::Confirming { sending: true, .. }
                | Phase::Done {
                    undo: UndoState::Undoing,
                    ..
                }
        )
    }
}

/// What the flow asks of its surroundings after a change on the server.
#[derive(Clone, Copy)]
pub struct FlowHooks {
    /// Reload what a unification or its undo changed (lists and counts).
    pub refresh: Callback<()>,
    /// Reload only the customer's cases (after a refusal: the refused rows changed).
    pub refresh_cases: Callback<()>,
    pub unified: Callback<Unification>,
    pub undone: Callback<Unification>,
}

/// The customer's cases as last loaded, with each one's eligibility against the open case.
#[derive(Clone)]
pub struct Candidates {
    pub list: Arc<CustomerCaseList>,
    pub assessment: Arc<Assessment>,
}

/// Two assessments are the same when they come from the same load (comparing 10,000 rows of
/// reasons on every change would cost more than it saves).
impl PartialEq for Candidates {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.list, &other.list) && Arc::ptr_eq(&self.assessment, &other.assessment)
    }
}

#[derive(Clone, Copy)]
pub struct UnifyFlow {
    /// The open case, into which cases are unified.
    pub target: RwSignal<CaseId>,
    /// The customer's cases and their eligibility, derived from the loaded list.
    pub candidates: Memo<Option<Candidates>>,
    /// What the agent ticked. What counts is [`selected`](Self::selected): a ticked case that is
    /// no longer listed or eligible (after a reload) is not selected.
    chosen: RwSignal<BTreeSet<CaseId>>,
    /// The selected cases: ticked, listed and eligible.
    pub selected: Memo<BTreeSet<CaseId>>,
    pub phase: RwSignal<Phase>,
    /// The key of the last request not known to have completed, with the request it belongs to:
    /// a retry of the same selection reuses it, so the server unifies at most once.
    key: StoredValue<Option<(String, String)>>,
    /// The preview last confirmed (shown again while a retry is on its way).
    last_preview: StoredValue<Preview>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl UnifyFlow {
    /// The flow for the open case `target`, over the customer's cases as `cases` gives them.
    pub fn new(target: CaseId, cases: Signal<Option<Arc<CustomerCaseList>>>) -> UnifyFlow {
        let target = RwSignal::new(target);
        let candidates = Memo::new(move |_| {
            let list = cases.get()?;
            let assessment = Arc::new(Assessment::new(&list.items, target.get()));
            Some(Candidates { list, assessment })
        });
        let chosen = RwSignal::new(BTreeSet::new());
        let selected = Memo::new(move |_| {
            candidates.with(|c| match c {
                Some(c) => chosen.with(|s| c.assessment.prune(&c.list.items, s)),
                None => BTreeSet::new(),
            })
        });
        let flow = UnifyFlow {
            target,
            candidates,
            chosen,
            selected,
            phase: RwSignal::new(Phase::Idle),
            key: StoredValue::new(None),
            last_preview: StoredValue::new(Preview::default()),
            in_flight: StoredValue::new_local(None),
        };
        // closing the modal stops waiting for the answer; the server may still apply the request,
        // and its key makes a later retry of the same selection safe
        on_cleanup(move || flow.abort());
        flow
    }

    /// Another case was opened: nothing selected, nothing pending (what was on its way for the
    /// previous case is no longer awaited; its key made it safe to send again).
    pub fn reset(&self, target: CaseId) {
        self.abort();
        self.key.set_value(None);
        self.chosen.set(BTreeSet::new());
        self.phase.set(Phase::Idle);
        self.target.set(target);
    }

    fn abort(&self) {
        if let Some(Some(c)) = self.in_flight.try_update_value(Option::take) {
            c.abort();
        }
    }

    /// Whether a request is on its way (reactive).
    pub fn is_busy(&self) -> bool {
        self.phase.with(Phase::is_busy)
    }

    pub fn toggle(&self, id: CaseId) {
        let on = self.selected.with_untracked(|s| s.contains(&id));
        self.chosen.update(|s| {
            s.retain(|c| *c != id);
            if !on {
                s.insert(id);
            }
        });
    }

    /// Ticks exactly `ids` ("select all" and its undoing).
    pub fn choose(&self, ids: BTreeSet<CaseId>) {
        self.chosen.set(ids);
    }

    /// Shows the confirmation with what would move.
    pub fn confirm(&self, preview: Preview) {
        if preview.per_case.is_empty() || self.phase.with_untracked(Phase::is_busy) {
            return;
        }
        self.last_preview.set_value(preview.clone());
        self.phase.set(Phase::Confirming {
            preview,
            sending: false,
        });
    }

    pub fn dismiss(&self) {
        if !self.phase.with_untracked(Phase::is_busy) {
            self.phase.set(Phase::Idle);
        }
    }

    /// Sends the unification of the selected cases. Pressing again while it is on its way does
    /// nothing; a retry after a failure carries the same idempotency key.
    pub fn submit(&self, client: ApiClient, hooks: FlowHooks) {
        // what the agent confirmed, as far as it is still selected: a tick changed while the
        // confirmation was open never sends a case the agent did not see in it
        let confirmed: BTreeSet<CaseId> = self
            .last_preview
            .with_value(|p| p.per_case.iter().map(|(id, _)| *id).collect());
        let selection: BTreeSet<CaseId> = self
            .selected
            .with_untracked(|s| s.intersection(&confirmed).copied().collect());
        if selection.is_empty() || self.phase.with_untracked(Phase::is_busy) {
            return;
        }
        let target = self.target.get_untracked();
        let fingerprint = request_fingerprint(target, &selection);
        let key = match self.key.get_value() {
            Some((f, k)) if f == fingerprint => k,
            _ => {
                let k = new_idempotency_key();
                self.key.set_value(Some((fingerprint, k.clone())));
                k
            }
        };
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        self.phase.set(Phase::Confirming {
            preview: self.last_preview.get_value(),
            sending: true,
        });
        let flow = *self;
        spawn_local(async move {
            let ids: Vec<CaseId> = selection.iter().copied().collect();
            let result = client.unify(target, ids, &key, &signal).await;
            if signal.aborted() {
                return;
            }
            match result {
                Ok(unification) => {
                    flow.key.set_value(None);
                    flow.chosen.set(BTreeSet::new());
                    flow.phase.set(Phase::Done {
                        unification: unification.clone(),
                        undo: UndoState::Available,
                    });
                    hooks.refresh.run(());
                    hooks.unified.run(unification);
                }
                Err(ApiError::Refused {
                    status: 409,
                    code,
                    details,
                }) if code == codes::CASES_NOT_ELIGIBLE => {
                    let refused = refusals(&details);
                    // all or nothing: nothing changed; the refused cases leave the selection,
                    // the others stay selected for another try
                    flow.key.set_value(None);
                    flow.chosen.update(|s| {
                        for r in &refused {
                            s.remove(&r.case_id);
                        }
                    });
                    flow.phase.set(Phase::Refused(refused));
                    hooks.refresh_cases.run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => {
                    if matches!(e, ApiError::Refused { .. }) {
                        // refused as a whole (e.g. the open case changed): the same request
                        // would be refused again
                        flow.key.set_value(None);
                        hooks.refresh_cases.run(());
                    }
                    flow.phase.set(Phase::Failed(e));
                }
            }
        });
    }

    /// Undoes the unification just made (idempotent on the server).
    pub fn undo(&self, client: ApiClient, hooks: FlowHooks) {
        let Phase::Done { unification, undo } = self.phase.get_untracked() else {
            return;
        };
        if undo == UndoState::Undoing {
            return;
        }
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        self.phase.set(Phase::Done {
            unification: unification.clone(),
            undo: UndoState::Undoing,
        });
        let flow = *self;
        spawn_local(async move {
            let result = client
                .undo_unification(flow.target.get_untracked(), unification.id, &signal)
                .await;
            if signal.aborted() {
                return;
            }
            match result {
                Ok(u) => {
                    flow.phase.set(Phase::Undone {
                        restored: u.merged_case_ids.clone(),
                    });
                    hooks.refresh.run(());
                    hooks.undone.run(u);
                }
                Err(ApiError::Aborted) => {}
                Err(e) => flow.phase.set(Phase::Done {
                    unification,
                    undo: UndoState::Failed(e),
                }),
            }
        });
    }
}
