//! What an upload is doing: the progress bar with "Cancelar envio", then the outcome (attached,
//! refused before sending with the reason and the limit, cancelled, or failed with a retry).

use cvortex_domain::files::{type_label, UploadRefusal};
use cvortex_domain::UploadLimits;
use leptos::prelude::*;

use crate::api::use_client;
use crate::fmt;
use crate::i18n::use_i18n;
use crate::state::{UploadFlow, UploadPhase};
use crate::ui::shared::DismissButton;

#[component]
pub fn UploadPanel(flow: UploadFlow) -> impl IntoView {
    let t = use_i18n();
    let client = use_client();
    let on_dismiss = Callback::new(move |()| flow.dismiss());
    let dismiss = move || view! { <DismissButton on_dismiss /> };
    move || {
        let texts = t.t();
        match flow.phase.get() {
            UploadPhase::Idle => ().into_any(),
            UploadPhase::Sending { name, sent, total } => {
                let percent = if total > 0.0 {
                    (sent / total * 100.0).clamp(0.0, 100.0) as u32
                } else {
                    0
                };
                view! {
                    <div class="cv-alert cv-alert--info" role="status">
                        <p class="cv-alert__title">{(texts.attachments.uploading)(&name)}</p>
                        <div
                            class="cv-progress"
                            role="progressbar"
                            aria-label=texts.attachments.progress
                            aria-valuemin="0"
                            aria-valuemax="100"
                            aria-valuenow=percent
                        >
                            <span style:width=format!("{percent}%")></span>
                        </div>
                        <p class="cv-small cv-num">
                            {format!(
                                "{} / {} ({percent}%)",
                                fmt::size(texts, sent as u64),
                                fmt::size(texts, total as u64),
                            )}
                        </p>
                        <div class="cv-alert__actions">
                            <button type="button" class="cv-button" on:click=move |_| flow.cancel()>
                                {texts.attachments.cancel}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            UploadPhase::Done { name } => view! {
                <div class="cv-alert cv-alert--success" role="status">
                    <p class="cv-alert__title">{(texts.attachments.uploaded)(&name)}</p>
                    {dismiss()}
                </div>
            }
            .into_any(),
            UploadPhase::Cancelled { name } => view! {
                <div class="cv-alert cv-alert--info" role="status">
                    <p class="cv-alert__title">{(texts.attachments.cancelled)(&name)}</p>
                    {dismiss()}
                </div>
            }
            .into_any(),
            UploadPhase::Refused { name, why } => {
                let text = match why {
                    UploadRefusal::Empty => (texts.attachments.refused_empty)(&name),
                    UploadRefusal::TooLarge { size: s, max } => {
                        (texts.attachments.refused_large)(&name, &fmt::size(texts, s), &fmt::size(texts, max))
                    }
                    UploadRefusal::OverQuota { remaining } => {
                        (texts.attachments.refused_quota)(&name, &fmt::size(texts, remaining))
                    }
                    UploadRefusal::TypeNotAllowed { mime } => {
                        let label = if mime.is_empty() {
                            "?".to_string()
                        } else {
                            type_label(&mime)
                        };
                        (texts.attachments.refused_type)(
                            &name,
                            &label,
                            &flow
                                .limits
                                .with_untracked(|l| l.as_ref().map(allowed_labels).unwrap_or_default()),
                        )
                    }
                };
                view! {
                    <div class="cv-alert cv-alert--error" role="alert">
                        <p class="cv-alert__title">{text}</p>
                        {dismiss()}
                    </div>
                }
                .into_any()
            }
            UploadPhase::Failed { name, error } => {
                let client = client.clone();
                view! {
                    <div class="cv-alert cv-alert--error" role="alert">
                        <p class="cv-alert__title">
                            {if error.outcome_unknown() {
                                (texts.attachments.unknown)(&name)
                            } else {
                                (texts.attachments.failed)(&name)
                            }}
                        </p>
                        <p>{error.message(texts)}</p>
                        <div class="cv-alert__actions">
                            {error
                                .can_retry()
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="cv-button cv-button--primary"
                                            on:click=move |_| flow.retry(client.clone())
                                        >
                                            {texts.retry}
                                        </button>
                                    }
                                })}
                        </div>
                        {dismiss()}
                    </div>
                }
                .into_any()
            }
        }
    }
}

/// The allowed types as users know them: "PDF, PNG, JPG…".
pub fn allowed_labels(l: &UploadLimits) -> String {
    let mut labels: Vec<String> = l.allowed_types.iter().map(|m| type_label(m)).collect();
    labels.dedup();
    labels.join(", ")
}
