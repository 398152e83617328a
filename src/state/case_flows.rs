//! The open case's writes (unification, upload), owned by the widget above the locale boundary:
//! a locale change re-renders the modal, and must neither cancel a write on its way nor lose its
//! idempotency key or outcome. Opening another case or closing the modal cancels neither: the
//! unification flow is kept per case (`super::unification::FlowSlot`), an upload lands in its own
//! case.

use cvortex_domain::{Attachment, AttachmentList, CaseId, CustomerCaseList};
use leptos::prelude::*;

use super::{CaseResources, FlowHome, UnifyFlow, UploadFlow};
use crate::api::ApiClient;
use crate::host::{num, HostEvents};
use crate::tabs::ModalTab;

#[derive(Clone, Copy)]
pub struct CaseFlows {
    pub unify: UnifyFlow,
    pub upload: UploadFlow,
}

impl CaseFlows {
    pub fn new(case_id: Signal<CaseId>, resources: CaseResources, client: ApiClient, events: HostEvents) -> Self {
        let first = case_id.get_untracked();
        let cases = Signal::derive(move || resources.ready::<CustomerCaseList>(ModalTab::CustomerHistory));
        let home = FlowHome {
            client: client.clone(),
            events: events.clone(),
        };
        let unify = UnifyFlow::new(first, cases, home);
        let c = client.clone();
        unify.set_reload(Callback::new(move |which: fn(ModalTab) -> bool| {
            let id = unify.target.get_untracked();
            for tab in ModalTab::all().filter(|t| which(*t)) {
                resources.refresh(tab, &c, id);
            }
        }));

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
        CaseFlows { unify, upload }
    }
}
