//! One upload at a time into the open case: refused before sending when the backend's limits say
//! so, then sent with progress, cancellable, and retried (same file, same idempotency key) after a
//! failure. The server stores an upload all or nothing, so a failure lists nothing. Closing the
//! modal or opening another case does not cancel a file on its way: it is stored, and listed when
//! its case is opened again (only the agent's "Cancelar" cancels).

use std::rc::Rc;

use cvortex_domain::files::{check_upload, UploadRefusal};
use cvortex_domain::{Attachment, CaseId, UploadLimits};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use web_sys::File;

use super::new_idempotency_key;
use crate::api::{ApiClient, ApiError, UploadCancel};

#[derive(Clone, Debug, PartialEq)]
pub enum UploadPhase {
    Idle,
    Refused { name: String, why: UploadRefusal },
    Sending { name: String, sent: f64, total: f64 },
    Done { name: String },
    Cancelled { name: String },
    Failed { name: String, error: ApiError },
}

#[derive(Clone, Copy)]
pub struct UploadFlow {
    pub case_id: RwSignal<CaseId>,
    pub phase: RwSignal<UploadPhase>,
    /// The backend's limits, as sent with the attachment list (derived from it).
    pub limits: Signal<Option<UploadLimits>>,
    /// What follows a stored upload (the list reloads, the host is told).
    done: Callback<Attachment>,
    cancel: StoredValue<UploadCancel, LocalStorage>,
    /// Bumped by every reset: an attempt started before it writes nothing afterwards.
    generation: StoredValue<u64>,
    /// The file of the last attempt and its key, for a retry.
    last: StoredValue<Option<(SendWrapper<File>, String)>, LocalStorage>,
}

impl UploadFlow {
    pub fn new(case_id: CaseId, limits: Signal<Option<UploadLimits>>, done: Callback<Attachment>) -> UploadFlow {
        UploadFlow {
            case_id: RwSignal::new(case_id),
            phase: RwSignal::new(UploadPhase::Idle),
            limits,
            done,
            generation: StoredValue::new(0),
            cancel: StoredValue::new_local(UploadCancel::default()),
            last: StoredValue::new_local(None),
        }
    }

    /// Another case was opened: nothing is pending here any more. A file on its way goes on (its
    /// attempt belongs to an older generation: it tells only that it was stored).
    pub fn reset(&self, case_id: CaseId) {
        self.generation.update_value(|g| *g += 1);
        self.last.set_value(None);
        self.phase.set(UploadPhase::Idle);
        self.case_id.set(case_id);
    }

    pub fn is_sending(&self) -> bool {
        self.phase.with(|p| matches!(p, UploadPhase::Sending { .. }))
    }

    /// Checks `file` against the limits, then sends it with a new key.
    pub fn start(&self, file: File, client: ApiClient) {
        if self.phase.with_untracked(|p| matches!(p, UploadPhase::Sending { .. })) {
            return;
        }
        let name = file.name();
        let checked = self
            .limits
            .with_untracked(|l| l.as_ref().map(|l| check_upload(file.size() as u64, &file.type_(), l)));
        if let Some(Err(why)) = checked {
            self.phase.set(UploadPhase::Refused { name, why });
            return;
        }
        self.last
            .set_value(Some((SendWrapper::new(file), new_idempotency_key())));
        self.send(client);
    }

    /// Sends the last file again, with its key (the server stores it at most once).
    pub fn retry(&self, client: ApiClient) {
        if self.last.with_value(Option::is_some) {
            self.send(client);
        }
    }

    pub fn cancel(&self) {
        self.cancel.with_value(UploadCancel::cancel);
    }

    pub fn dismiss(&self) {
        if !self.phase.with_untracked(|p| matches!(p, UploadPhase::Sending { .. })) {
            self.phase.set(UploadPhase::Idle);
        }
    }

    fn send(&self, client: ApiClient) {
        let Some((file, key)) = self.last.get_value() else {
            return;
        };
        let name = file.name();
        let total = file.size();
        self.phase.set(UploadPhase::Sending {
            name: name.clone(),
            sent: 0.0,
            total,
        });
        let flow = *self;
        let generation = self.generation.get_value();
        let current = move || flow.generation.try_get_value() == Some(generation);
        let progress_name = name.clone();
        let progress: Rc<dyn Fn(f64, f64)> = Rc::new(move |sent, total| {
            if !current() {
                return;
            }
            let _ = flow.phase.try_set(UploadPhase::Sending {
                name: progress_name.clone(),
                sent,
                total,
            });
        });
        // a cancel cell of its own: an attempt of a previous case never holds this one's request
        let cancel = UploadCancel::default();
        self.cancel.set_value(cancel.clone());
        let case_id = self.case_id.get_untracked();
        spawn_local(async move {
            let result = client.upload(case_id, &file, &key, progress, &cancel).await;
            if !current() {
                // another case is open now (or the widget is gone): a stored file is still told
                if let Ok(a) = result {
                    let _ = flow.done.try_run(a);
                }
                return;
            }
            let phase = match result {
                Ok(a) => {
                    flow.last.set_value(None);
                    flow.done.run(a);
                    UploadPhase::Done { name }
                }
                Err(ApiError::Aborted) => UploadPhase::Cancelled { name },
                Err(error) => UploadPhase::Failed { name, error },
            };
            let _ = flow.phase.try_set(phase);
        });
    }
}
