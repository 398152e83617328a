//! The unification flow of one open case: the selection, the confirmation, the one request with
//! its idempotency key, and what came of it (done with undo, refused per case, or failed with the
//! selection kept). It lives above the tab's list, so reloading the list loses none of it.

use std::collections::BTreeSet;

use cvortex_domain::unification::{refusals, request_fingerprint};
use cvortex_domain::{codes, CaseId, CaseRefusal, ContentCounts, Unification};
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

#[derive(Clone, Copy)]
pub struct UnifyFlow {
    pub target: CaseId,
    pub selected: RwSignal<BTreeSet<CaseId>>,
    pub phase: RwSignal<Phase>,
    /// The key of the last request not known to have completed, with the request it belongs to:
    /// a retry of the same selection reuses it, so the server unifies at most once.
    key: StoredValue<Option<(String, String)>>,
    /// The preview last confirmed (shown again while a retry is on its way).
    last_preview: StoredValue<Preview>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl UnifyFlow {
    pub fn new(target: CaseId) -> UnifyFlow {
        let flow = UnifyFlow {
            target,
            selected: RwSignal::new(BTreeSet::new()),
            phase: RwSignal::new(Phase::Idle),
            key: StoredValue::new(None),
            last_preview: StoredValue::new(Preview::default()),
            in_flight: StoredValue::new_local(None),
        };
        // closing the modal stops waiting for the answer; the server may still apply the request,
        // and its key makes a later retry of the same selection safe
        on_cleanup(move || {
            if let Some(Some(c)) = flow.in_flight.try_update_value(Option::take) {
                c.abort();
            }
        });
        flow
    }

    /// Whether a request is on its way (reactive).
    pub fn is_busy(&self) -> bool {
        self.phase.with(Phase::is_busy)
    }

    pub fn toggle(&self, id: CaseId) {
        self.selected.update(|s| {
            if !s.remove(&id) {
                s.insert(id);
            }
        });
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
        let selection = self.selected.get_untracked();
        if selection.is_empty() || self.phase.with_untracked(Phase::is_busy) {
            return;
        }
        let fingerprint = request_fingerprint(self.target, &selection);
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
            let result = client.unify(flow.target, ids, &key, &signal).await;
            if signal.aborted() {
                return;
            }
            match result {
                Ok(unification) => {
                    flow.key.set_value(None);
                    flow.selected.set(BTreeSet::new());
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
                    flow.selected.update(|s| {
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
            let result = client.undo_unification(flow.target, unification.id, &signal).await;
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
