//! The open case's writes (unification, upload), owned by the widget above the locale boundary:
//! a locale change re-renders the modal, and must neither cancel a write on its way nor lose its
//! idempotency key or outcome. Opening another case resets them.

use cvortex_domain::{Attachment, AttachmentList, CaseId, CustomerCaseList, Unification};
use leptos::prelude::*;

use super::{CaseResources, FlowHooks, UnifyFlow, UploadFlow};
use crate::api::ApiClient;
use crate::host::{num, nums, HostEvents};
use crate::tabs::ModalTab;

#[derive(Clone, Copy)]
pub struct CaseFlows {
    pub unify: UnifyFlow,
    /// What the unification flow does after a change on the server.
    pub unify_hooks: FlowHooks,
    pub upload: UploadFlow,
}

impl CaseFlows {
    pub fn new(case_id: Signal<CaseId>, resources: CaseResources, client: ApiClient, events: HostEvents) -> Self {
        let first = case_id.get_untracked();
        let cases = Signal::derive(move || resources.ready::<CustomerCaseList>(ModalTab::CustomerHistory));
        let unify = UnifyFlow::new(first, cases);
        let unify_hooks = hooks(unify, resources, client.clone(), events.clone());

        let limits = Signal::derive(move || {
            resources
                .ready::<AttachmentList>(ModalTab::Attachments)
                .map(|l| l.limits.clone())
        });
        // the upload's own case (another may be open by the time it is stored)
        let done = Callback::new(move |a: Attachment| {
            let id = a.case_id;
            if id == case_id.get_untracked() {
                resources.refresh(ModalTab::Attachments, &client, id);
            }
            events.emit(
                "cvortex:attachment-uploaded",
                &[
                    ("case_id", num(id)),
                    ("attachment_id", num(a.id)),
                    ("file_name", a.file_name.as_str().into()),
                ],
            );
        });
        let upload = UploadFlow::new(first, limits, done);

        // against the flows' own case, not the effect's previous run: a case set before the
        // effect first ran must reset them too
        Effect::new(move |_| {
            let id = case_id.get();
            if unify.target.get_untracked() != id {
                unify.reset(id);
            }
            if upload.case_id.get_untracked() != id {
                upload.reset(id);
            }
        });
        CaseFlows {
            unify,
            unify_hooks,
            upload,
        }
    }
}

fn hooks(flow: UnifyFlow, resources: CaseResources, client: ApiClient, events: HostEvents) -> FlowHooks {
    let (c1, c2) = (client.clone(), client);
    let ev = events.clone();
    FlowHooks {
        // a unification (or its undo) changes the tabs that say so, not the case's own data
        refresh: Callback::new(move |()| {
            let id = flow.target.get_untracked();
            for tab in ModalTab::all().filter(|t| t.def().changed_by_unification) {
                resources.refresh(tab, &c1, id);
            }
        }),
        refresh_cases: Callback::new(move |()| {
            resources.refresh(ModalTab::CustomerHistory, &c2, flow.target.get_untracked())
        }),
        unified: Callback::new(move |u: Unification| {
            ev.emit(
                "cvortex:cases-unified",
                &[
                    ("case_id", num(u.target_case_id)),
                    ("merged_case_ids", nums(&u.merged_case_ids)),
                    ("unification_id", num(u.id)),
                    ("undo_until", num(u.undo_until)),
                ],
            )
        }),
        undone: Callback::new(move |u: Unification| {
            events.emit(
                "cvortex:unification-undone",
                &[
                    ("case_id", num(u.target_case_id)),
                    ("restored_case_ids", nums(&u.merged_case_ids)),
                    ("unification_id", num(u.id)),
                ],
            )
        }),
    }
}
