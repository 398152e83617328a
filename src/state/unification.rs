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
use crate::host::{num, nums, HostEvents};
use crate::tabs::ModalTab;

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
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

/// Reloads the tabs that `which` picks of the case a flow shows: what a change on the server
/// touched (it does nothing once the modal is gone).
pub type Reload = Callback<fn(ModalTab) -> bool>;

/// Where a flow's state goes when its case closes or another opens, and the host it tells: a
/// request on its way is not cancelled, and what comes of it waits there for the case to open
/// again (`ApiClient::parked`: one per mount).
#[derive(Clone)]
pub struct FlowHome {
    pub client: ApiClient,
    pub events: HostEvents,
}

/// A flow's state, kept for its case while another is open or the modal is closed.
#[derive(Clone, Default)]
pub struct ParkedFlow {
    phase: Phase,
    chosen: BTreeSet<CaseId>,
    pending: Option<Pending>,
    last_preview: Preview,
}

/// How many cases' flows are kept (writes are rare: the oldest goes first).
const PARKED_CASES: usize = 8;

/// What a settled request changed on the server, for the surroundings to follow.
enum Changed {
    Nothing,
    /// The customer's cases (refused rows).
    Cases,
    /// What a unification changes, with nothing new to tell the host.
    Lists,
    Unified(Unification),
    Undone(Unification),
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
    home: StoredValue<FlowHome>,
    /// How this flow's surroundings follow a change on the server (`set_reload`).
    reload: StoredValue<Option<Reload>>,
}

/// The same flow (one per mounted case details).
impl PartialEq for UnifyFlow {
    fn eq(&self, other: &Self) -> bool {
        self.phase == other.phase
    }
}

/// A unification request not known to have completed.
#[derive(Clone, Debug)]
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

/// Where a case's flow is, per mount (`ApiClient::parked`).
pub enum FlowSlot {
    /// Shown by this flow now: a request of that case settles there.
    Open(UnifyFlow),
    /// Kept while the case is not open.
    Kept(ParkedFlow),
}

/// Keeps `state` as case `target`'s flow (an idle one with nothing pending is not worth it),
/// instead of `flow`, which no longer shows it.
fn park(client: &ApiClient, target: CaseId, flow: Option<UnifyFlow>, state: ParkedFlow) {
    let mut all = client.parked();
    all.retain(|(id, slot)| *id != target || matches!(slot, FlowSlot::Open(f) if Some(*f) != flow));
    if state.phase != Phase::Idle || !state.chosen.is_empty() || state.pending.is_some() {
        all.push((target, FlowSlot::Kept(state)));
        // the oldest goes first, but never one waiting for an answer (its key and outcome)
        let idle = |s: &FlowSlot| matches!(s, FlowSlot::Kept(k) if !k.phase.is_busy());
        let kept = all.iter().filter(|(_, s)| matches!(s, FlowSlot::Kept(_))).count();
        if kept > PARKED_CASES {
            if let Some(i) = all.iter().position(|(_, s)| idle(s)) {
                all.remove(i);
            }
        }
    }
}

/// Case `target`'s kept flow (or a fresh one), now shown by `flow`.
fn unpark(client: &ApiClient, target: CaseId, flow: UnifyFlow) -> ParkedFlow {
    let mut all = client.parked();
    let state = take_kept(&mut all, target).unwrap_or_default();
    all.push((target, FlowSlot::Open(flow)));
    state
}

/// The flow showing case `target` now, if one does (and is still there).
fn showing(client: &ApiClient, target: CaseId) -> Option<UnifyFlow> {
    let mut all = client.parked();
    // a flow gone without parking (it parks as its owner is cleaned up, so none should be)
    all.retain(|(_, s)| !matches!(s, FlowSlot::Open(f) if f.target.try_get_untracked().is_none()));
    all.iter().rev().find_map(|(id, s)| match s {
        FlowSlot::Open(f) if *id == target && f.target.try_get_untracked() == Some(target) => Some(*f),
        _ => None,
    })
}

/// What a unification or its undo changes: the tabs that say so, not the case's own data.
fn changed_by_unification(tab: ModalTab) -> bool {
    tab.def().changed_by_unification
}

/// What a refusal changes: the refused rows of the customer's cases.
fn lists_cases(tab: ModalTab) -> bool {
    tab == ModalTab::CustomerHistory
}

/// Takes case `target`'s kept state out of `all`, if it has one.
fn take_kept(all: &mut Vec<(CaseId, FlowSlot)>, target: CaseId) -> Option<ParkedFlow> {
    let i = all
        .iter()
        .position(|(id, s)| *id == target && matches!(s, FlowSlot::Kept(_)))?;
    match all.remove(i).1 {
        FlowSlot::Kept(state) => Some(state),
        FlowSlot::Open(_) => None,
    }
}

/// Applies what a request settled to case `target`'s flow: in place where a flow shows that
/// case, else to the state kept for it. Then the tabs follow (reloaded where that flow shows the
/// case, else owed a reload in the case kept in memory) and the host is told, even after the
/// modal closed.
fn settle(target: CaseId, home: &FlowHome, apply: impl FnOnce(&mut ParkedFlow) -> Changed) {
    let open = showing(&home.client, target);
    // what changed is reloaded where that case is shown (its flow's own surroundings), or, kept
    // in memory, owed a reload for when it opens again
    let reload = open.and_then(|f| f.reload.try_get_value().flatten());
    let follow = |which: fn(ModalTab) -> bool| match reload {
        Some(r) => _ = r.try_run(which),
        None => {
            if let Some(kept) = home.client.recent().get_mut(target) {
                kept.owe(which);
            }
        }
    };
    let (flow, mut state) = match open.and_then(|f| Some((f, f.snapshot()?))) {
        Some((f, state)) => (Some(f), state),
        None => (None, take_kept(&mut home.client.parked(), target).unwrap_or_default()),
    };
    let changed = apply(&mut state);
    match flow {
        Some(f) => f.load(state),
        None => park(&home.client, target, None, state),
    }
    let (case, ids) = ("case_id", num(target));
    match changed {
        Changed::Nothing => {}
        Changed::Cases => follow(lists_cases),
        Changed::Lists => follow(changed_by_unification),
        Changed::Unified(u) => {
            follow(changed_by_unification);
            home.events.emit(
                "cvortex:cases-unified",
                &[
                    (case, ids),
                    ("merged_case_ids", nums(&u.merged_case_ids)),
                    ("unification_id", num(u.id)),
                    ("undo_until", num(u.undo_until)),
                ],
            );
        }
        Changed::Undone(u) => {
            follow(changed_by_unification);
            home.events.emit(
                "cvortex:unification-undone",
                &[
                    (case, ids),
                    ("restored_case_ids", nums(&u.merged_case_ids)),
                    ("unification_id", num(u.id)),
                ],
            );
        }
    }
}

impl UnifyFlow {
    /// The flow for the open case `target`, over the customer's cases as `cases` gives them.
    pub fn new(target: CaseId, cases: Signal<Option<Arc<CustomerCaseList>>>, home: FlowHome) -> UnifyFlow {
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
            home: StoredValue::new(home),
            reload: StoredValue::new(None),
        };
        // a case opened again finds its flow as it was left, and what came of a request since
        flow.restore(flow.target.get_untracked());
        // A ticked case that turned ineligible (a colleague took it, it was finished or unified
        // elsewhere) leaves the selection and the confirmation on screen, with a note naming it.
        // Not while a request is on its way: its own changes arrive before its answer.
        Effect::new(move |_| {
            // nothing ticked, nothing to drop: the customer's cases are not assessed for it (a
            // case opened again from memory would assess its whole list before its first paint)
            if chosen.with(BTreeSet::is_empty) {
                return;
            }
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
        // closing the modal keeps the flow (and a request on its way goes on)
        on_cleanup(move || flow.park());
        flow
    }

    /// Another case was opened: this one's flow is kept (a request on its way goes on, and what
    /// comes of it is kept too), and the other's, if it was left, comes back.
    pub fn reset(&self, target: CaseId) {
        self.park();
        self.dropped.set(Vec::new());
        self.restore(target);
    }

    /// How the tabs follow a change on the server (set once, by the flow's owner).
    pub fn set_reload(&self, reload: Reload) {
        self.reload.set_value(Some(reload));
    }

    /// The flow's state, unless the modal is gone.
    fn snapshot(&self) -> Option<ParkedFlow> {
        Some(ParkedFlow {
            phase: self.phase.try_get_untracked()?,
            chosen: self.chosen.try_get_untracked()?,
            pending: self.pending.try_get_value()?,
            last_preview: self.last_preview.try_get_value()?,
        })
    }

    fn load(&self, state: ParkedFlow) {
        self.phase.set(state.phase);
        self.chosen.set(state.chosen);
        self.pending.set_value(state.pending);
        self.last_preview.set_value(state.last_preview);
    }

    fn park(&self) {
        if let (Some(state), Some(home), Some(target)) = (
            self.snapshot(),
            self.home.try_get_value(),
            self.target.try_get_untracked(),
        ) {
            park(&home.client, target, Some(*self), state);
        }
    }

    fn restore(&self, target: CaseId) {
        let state = self.home.with_value(|h| unpark(&h.client, target, *self));
        self.target.set(target);
        self.load(state);
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
    pub fn submit(&self) {
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
        // never aborted: closing the case or opening another does not cancel a write
        let Ok(signal) = AbortController::new().map(|c| c.signal()) else {
            return;
        };
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
        self.phase.set(Phase::Confirming {
            preview: self.last_preview.get_value(),
            sending: true,
        });
        let home = self.home.get_value();
        spawn_local(async move {
            let ids: Vec<CaseId> = selection.iter().copied().collect();
            let result = home.client.unify(target, ids, &key, &signal).await;
            settle(target, &home, move |s| match result {
                Ok(unification) => {
                    s.pending = None;
                    s.chosen.clear();
                    // a retry whose first answer was lost is answered with what that request did,
                    // as it stands now: a colleague may have undone it meanwhile
                    if unification.undone_at.is_some() {
                        s.phase = Phase::Undone {
                            restored: unification.merged_case_ids,
                        };
                        // the lists changed (and back): nothing new to tell the host
                        return Changed::Lists;
                    }
                    s.phase = Phase::Done {
                        unification: unification.clone(),
                        undo: UndoState::Available,
                    };
                    Changed::Unified(unification)
                }
                Err(ApiError::Refused {
                    status: 409,
                    code,
                    details,
                }) if code == codes::CASES_NOT_ELIGIBLE => {
                    let refused = refusals(&details);
                    // all or nothing: nothing changed; the refused cases leave the selection,
                    // the others stay selected for another try
                    s.pending = None;
                    for r in &refused {
                        s.chosen.remove(&r.case_id);
                    }
                    s.phase = Phase::Refused(refused);
                    Changed::Cases
                }
                Err(e) => {
                    let changed = if matches!(e, ApiError::Refused { .. }) {
                        // refused as a whole (e.g. the open case changed): the same request
                        // would be refused again
                        s.pending = None;
                        Changed::Cases
                    } else {
                        if let Some(p) = s.pending.as_mut().filter(|_| e.outcome_unknown()) {
                            p.lost = true;
                        }
                        Changed::Nothing
                    };
                    s.phase = Phase::Failed(e);
                    changed
                }
            });
        });
    }

    /// Undoes the unification just made (idempotent on the server).
    pub fn undo(&self) {
        let Phase::Done { unification, undo } = self.phase.get_untracked() else {
            return;
        };
        if undo == UndoState::Undoing {
            return;
        }
        let Ok(signal) = AbortController::new().map(|c| c.signal()) else {
            return;
        };
        self.phase.set(Phase::Done {
            unification: unification.clone(),
            undo: UndoState::Undoing,
        });
        let home = self.home.get_value();
        let target = self.target.get_untracked();
        spawn_local(async move {
            let result = home.client.undo_unification(target, unification.id, &signal).await;
            settle(target, &home, move |s| match result {
                Ok(u) => {
                    s.phase = Phase::Undone {
                        restored: u.merged_case_ids.clone(),
                    };
                    Changed::Undone(u)
                }
                Err(e) => {
                    s.phase = Phase::Done {
                        unification,
                        undo: UndoState::Failed(e),
                    };
                    Changed::Nothing
                }
            });
        });
    }
}
