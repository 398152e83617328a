//! The unification flow of one open case: the selection, the confirmation, the one request with
//! its idempotency key, and what came of it (done with undo, refused per case, or failed with the
//! selection kept). It lives above the tab's list, so reloading the list loses none of it.

use std::collections::BTreeSet;
use std::sync::Arc;

use cvortex_domain::eligibility::Ineligibility;
use cvortex_domain::unification::{id_set, refusals, request_fingerprint, Assessment};
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
    /// Ticked cases that a change on the server made ineligible, and why: they left the
    /// selection, and a note says so until dismissed.
    pub dropped: RwSignal<Vec<(CaseId, Ineligibility)>>,
    /// The last request not known to have completed: a retry of the same selection reuses its
    /// key, so the server unifies at most once.
    pending: StoredValue<Option<Pending>>,
    /// The preview last confirmed (shown again while a retry is on its way).
    last_preview: StoredValue<Preview>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

/// A unification request not known to have completed.
#[derive(Clone)]
struct Pending {
    fingerprint: String,
    key: String,
    cases: BTreeSet<CaseId>,
    /// Its answer was lost (a timeout, the connection): it may have happened. Only an answer
    /// clears it (a success or a refusal); a failed retry (a 503) does not.
    lost: bool,
    /// An earlier request, for other ticks, lost its answer: until an answer comes, a failure
    /// cannot say that nothing was unified.
    earlier_lost: bool,
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
            dropped: RwSignal::new(Vec::new()),
            pending: StoredValue::new(None),
            last_preview: StoredValue::new(Preview::default()),
            in_flight: StoredValue::new_local(None),
        };
        // A ticked case that turned ineligible (a colleague took it, it was finished or unified
        // elsewhere) leaves the selection and the confirmation on screen, with a note naming it.
        // Not while a request is on its way: its own changes arrive before its answer.
        Effect::new(move |_| {
            let gone = candidates.with(|c| {
                c.as_ref()
                    .map(|c| chosen.with_untracked(|s| c.assessment.dropped(&c.list.items, s)))
            });
            let Some(gone) = gone.filter(|g| !g.is_empty()) else {
                return;
            };
            if flow.phase.with_untracked(Phase::is_busy) {
                return;
            }
            // the cases of a request whose answer was lost stay while they show as unified into
            // this case: that request did it, and "Tentar novamente" fetches its outcome
            let unknown = flow.unknown_outcome();
            let into_this = flow.target.get_untracked();
            let gone: Vec<_> = gone
                .into_iter()
                .filter(|(id, why)| {
                    !(unknown.contains(id)
                        && *why
                            == Ineligibility::AlreadyUnified {
                                into_case_id: into_this,
                            })
                })
                .collect();
            if gone.is_empty() {
                return;
            }
            flow.chosen.update(|s| gone.iter().for_each(|(id, _)| _ = s.remove(id)));
            let ids: Vec<CaseId> = gone.iter().map(|(id, _)| *id).collect();
            let left = |id: &CaseId| ids.contains(id);
            flow.phase.update(|p| {
                if let Phase::Confirming { preview, .. } = p {
                    preview.per_case.retain(|(id, _)| !left(id));
                    preview.total = preview
                        .per_case
                        .iter()
                        .fold(ContentCounts::default(), |t, (_, c)| t + *c);
                    if preview.per_case.is_empty() {
                        *p = Phase::Idle;
                    }
                }
            });
            flow.last_preview
                .update_value(|p| p.per_case.retain(|(id, _)| !left(id)));
            flow.dropped.update(|d| {
                d.retain(|(id, _)| !left(id));
                d.extend(gone);
            });
        });
        // closing the modal stops waiting for the answer; the server may still apply the request,
        // and its key makes a later retry of the same selection safe
        on_cleanup(move || flow.abort());
        flow
    }

    /// Another case was opened: nothing selected, nothing pending (what was on its way for the
    /// previous case is no longer awaited; its key made it safe to send again).
    pub fn reset(&self, target: CaseId) {
        self.abort();
        self.pending.set_value(None);
        self.chosen.set(BTreeSet::new());
        self.dropped.set(Vec::new());
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

    /// Whether the last request's answer was lost (it may have happened), even if a retry of it
    /// has failed since.
    pub fn may_have_happened(&self) -> bool {
        self.pending
            .with_value(|p| p.as_ref().is_some_and(|p| p.lost || p.earlier_lost))
    }

    /// The cases of the request whose answer was lost (it may have happened), if any.
    fn unknown_outcome(&self) -> BTreeSet<CaseId> {
        self.pending
            .with_value(|p| p.as_ref().filter(|p| p.lost).map(|p| p.cases.clone()))
            .unwrap_or_default()
    }

    /// Sends the unification of the selected cases. Pressing again while it is on its way does
    /// nothing; a retry after a failure carries the same idempotency key.
    pub fn submit(&self, client: ApiClient, hooks: FlowHooks) {
        // what the agent confirmed, as far as it is still selected: a tick changed while the
        // confirmation was open never sends a case the agent did not see in it
        let confirmed = self
            .last_preview
            .with_value(|p| id_set(&mut p.per_case.iter().map(|(id, _)| *id)));
        let mut selection = self
            .selected
            .with_untracked(|s| id_set(&mut s.iter().copied().filter(|id| confirmed.contains(id))));
        // retrying a request whose answer was lost sends that very request, as long as the ticks
        // are still its cases: they may show as unified by now (by it), and the server answers a
        // replay with what it did. Ticks changed since: the new selection, under a new key.
        let unknown = self.unknown_outcome();
        if !unknown.is_empty() && self.chosen.with_untracked(|c| *c == unknown) {
            selection = unknown;
        }
        if selection.is_empty() || self.phase.with_untracked(Phase::is_busy) {
            return;
        }
        let target = self.target.get_untracked();
        let fingerprint = request_fingerprint(target, &selection);
        let key = match self.pending.get_value() {
            Some(p) if p.fingerprint == fingerprint => p.key,
            earlier => {
                let key = new_idempotency_key();
                self.pending.set_value(Some(Pending {
                    fingerprint,
                    key: key.clone(),
                    cases: selection.clone(),
                    lost: false,
                    earlier_lost: earlier.is_some_and(|p| p.lost || p.earlier_lost),
                }));
                key
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
                    flow.pending.set_value(None);
                    flow.chosen.set(BTreeSet::new());
                    hooks.refresh.run(());
                    // a retry whose first answer was lost is answered with what that request did,
                    // as it stands now: a colleague may have undone it meanwhile
                    if unification.undone_at.is_some() {
                        flow.phase.set(Phase::Undone {
                            restored: unification.merged_case_ids,
                        });
                        return;
                    }
                    flow.phase.set(Phase::Done {
                        unification: unification.clone(),
                        undo: UndoState::Available,
                    });
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
                    flow.pending.set_value(None);
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
                        flow.pending.set_value(None);
                        hooks.refresh_cases.run(());
                    } else if e.outcome_unknown() {
                        flow.pending.update_value(|p| {
                            if let Some(p) = p {
                                p.lost = true;
                            }
                        });
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
