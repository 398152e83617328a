//! The alert above the customer's case list: the confirmation with what will move, then what came
//! of the unification (done with "Desfazer", refused per case, or failed with a safe retry).

use std::time::Duration;

use leptos::prelude::*;

use super::columns::reason_text;
use crate::fmt;
use crate::i18n::use_i18n;
use crate::state::{Phase, UndoState, UnifyFlow};
use crate::ui::shared::DismissButton;
use cvortex_domain::CaseId;

/// Which face the panel shows; the DOM is rebuilt only when this changes (not on `sending`), so
/// focus stays on the confirm button while the request is on its way. The confirmation is
/// rebuilt when a case leaves it (a live change made it ineligible), focus back on its button.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    None,
    /// How many cases it offers.
    Confirm(usize),
    Done,
    Undone,
    Refused,
    Failed,
}

fn face(p: &Phase) -> Face {
    match p {
        Phase::Idle => Face::None,
        Phase::Confirming { preview, .. } => Face::Confirm(preview.per_case.len()),
        Phase::Done { .. } => Face::Done,
        Phase::Undone { .. } => Face::Undone,
        Phase::Refused(_) => Face::Refused,
        Phase::Failed(_) => Face::Failed,
    }
}

#[component]
pub fn UnifyPanel(flow: UnifyFlow) -> impl IntoView {
    let t = use_i18n();
    let current = Memo::new(move |_| flow.phase.with(face));
    let root = NodeRef::<leptos::html::Div>::new();
    let uid = crate::ui::shared::next_uid();

    // Focus follows the flow: the confirm button when asked, the outcome when it arrives.
    // Closing the panel gives focus back to "Unificar Atendimentos". Not when another case
    // opens: its flow comes back as it was left, and focus is where the case change put it.
    Effect::new(move |prev: Option<(Face, CaseId)>| {
        let now = (current.get(), flow.target.get());
        let f = now.0;
        if prev.is_none_or(|p| p == now || p.1 != now.1) {
            return now;
        }
        request_animation_frame(move || {
            let Some(el) = root.get_untracked() else { return };
            let target = match f {
                Face::None => el
                    .parent_element()
                    .and_then(|p| p.query_selector("[data-unify-button]").ok().flatten()),
                Face::Confirm(_) => el.query_selector("[data-autofocus]").ok().flatten(),
                _ => el.query_selector(".cv-alert").ok().flatten(),
            };
            if let Some(t) = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                let _ = t.focus();
            }
        });
        now
    });

    let submit = move || flow.submit();
    let undo = move || flow.undo();
    let on_dismiss = Callback::new(move |()| flow.dismiss());
    let dismiss_button = move || view! { <DismissButton on_dismiss /> };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            // the alert closes, not the modal
            ev.stop_propagation();
            flow.dismiss();
        }
    };

    let body = move || {
        let texts = t.t();
        let title_id = format!("cv-{uid}-unify-title");
        let desc_id = format!("cv-{uid}-unify-desc");
        match current.get() {
            Face::None => ().into_any(),
            Face::Confirm(_) => {
                let phase = flow.phase.get_untracked();
                let Phase::Confirming { preview, .. } = phase else {
                    return ().into_any();
                };
                let sending = move || flow.phase.with(Phase::is_busy);
                let lines = preview
                    .per_case
                    .iter()
                    .map(|(id, counts)| {
                        view! {
                            <li>
                                <strong>{format!("#{id}")}</strong>
                                ": "
                                {(texts.customer.counts)(counts)}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div
                        class="cv-alert cv-alert--confirm"
                        role="alertdialog"
                        aria-modal="false"
                        tabindex="-1"
                        aria-labelledby=title_id.clone()
                        aria-describedby=desc_id.clone()
                        on:keydown=on_key
                    >
                        <h3 class="cv-alert__title" id=title_id.clone()>
                            {(texts.customer.confirm_title)(preview.per_case.len(), flow.target.get_untracked())}
                        </h3>
                        <p id=desc_id.clone()>{texts.customer.confirm_body}</p>
                        <ul class="cv-preview">{lines}</ul>
                        <p class="cv-preview__total">
                            <strong>{texts.customer.total}": "</strong>
                            {(texts.customer.counts)(&preview.total)}
                        </p>
                        <div class="cv-alert__actions">
                            <button
                                type="button"
                                class="cv-button cv-button--primary"
                                data-autofocus
                                aria-disabled=move || sending().to_string()
                                aria-busy=move || sending().to_string()
                                on:click=move |_| {
                                    if !sending() {
                                        submit()
                                    }
                                }
                            >
                                {move || if sending() { texts.customer.unifying } else { texts.customer.confirm }}
                            </button>
                            <button type="button" class="cv-button" disabled=sending on:click=move |_| flow.dismiss()>
                                {texts.customer.cancel}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Face::Done => {
                let Phase::Done { unification, .. } = flow.phase.get_untracked() else {
                    return ().into_any();
                };
                let expired = RwSignal::new(false);
                let left = unification.undo_until - js_sys::Date::now() as i64;
                if left <= 0 {
                    expired.set(true);
                } else {
                    set_timeout(
                        move || {
                            let _ = expired.try_set(true);
                        },
                        Duration::from_millis(left as u64),
                    );
                }
                let undo_state = move || match flow.phase.get() {
                    Phase::Done { undo, .. } => Some(undo),
                    _ => None,
                };
                let undoing = move || undo_state() == Some(UndoState::Undoing);
                view! {
                    <div class="cv-alert cv-alert--success" role="status" tabindex="-1">
                        <p class="cv-alert__title">
                            {(texts.customer.done)(&unification.merged_case_ids, unification.target_case_id)}
                        </p>
                        <Show when=move || !expired.get()>
                            <p>{(texts.customer.undo_until)(&fmt::time(unification.undo_until))}</p>
                        </Show>
                        {move || match undo_state() {
                            Some(UndoState::Failed(e)) => {
                                Some(
                                    view! {
                                        <p class="cv-alert__error" role="alert">
                                            {format!("{}: {}", texts.customer.undo_failed, e.message(texts))}
                                        </p>
                                    },
                                )
                            }
                            _ => None,
                        }}
                        <div class="cv-alert__actions">
                            <Show when=move || !expired.get()>
                                <button
                                    type="button"
                                    class="cv-button"
                                    aria-disabled=move || undoing().to_string()
                                    on:click=move |_| {
                                        if !undoing() {
                                            undo()
                                        }
                                    }
                                >
                                    {move || if undoing() { texts.customer.undoing } else { texts.customer.undo }}
                                </button>
                            </Show>
                        </div>
                        {dismiss_button()}
                    </div>
                }
                .into_any()
            }
            Face::Undone => {
                let Phase::Undone { restored } = flow.phase.get_untracked() else {
                    return ().into_any();
                };
                view! {
                    <div class="cv-alert cv-alert--info" role="status" tabindex="-1">
                        <p class="cv-alert__title">{(texts.customer.undone)(&restored)}</p>
                        {dismiss_button()}
                    </div>
                }
                .into_any()
            }
            Face::Refused => {
                let Phase::Refused(refused) = flow.phase.get_untracked() else {
                    return ().into_any();
                };
                let items = refused
                    .iter()
                    .map(|r| {
                        let why = r
                            .reasons
                            .iter()
                            .map(|x| reason_text(texts, x).1)
                            .collect::<Vec<_>>()
                            .join("; ");
                        view! { <li>{(texts.customer.refused_case)(r.case_id, &why)}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="cv-alert cv-alert--error" role="alert" tabindex="-1">
                        <p class="cv-alert__title">{texts.customer.refused_title}</p>
                        <ul>{items}</ul>
                        <p>{texts.customer.refused_note}</p>
                        {dismiss_button()}
                    </div>
                }
                .into_any()
            }
            Face::Failed => {
                let Phase::Failed(err) = flow.phase.get_untracked() else {
                    return ().into_any();
                };
                let can_retry = err.can_retry() && !matches!(err, crate::api::ApiError::Refused { .. });
                // a retry that failed does not tell whether the lost request happened
                let (title, note) = if err.outcome_unknown() || flow.may_have_happened() {
                    (texts.customer.unknown_title, texts.customer.unknown_note)
                } else {
                    (texts.customer.failed_title, texts.customer.failed_note)
                };
                view! {
                    <div class="cv-alert cv-alert--error" role="alert" tabindex="-1">
                        <p class="cv-alert__title">{title}</p>
                        <p>{err.message(texts)}</p>
                        <p>{note}</p>
                        <div class="cv-alert__actions">
                            {can_retry
                                .then(|| {
                                    view! {
                                        <button
                                            type="button"
                                            class="cv-button cv-button--primary"
                                            on:click=move |_| submit()
                                        >
                                            {texts.retry}
                                        </button>
                                    }
                                })}
                        </div>
                        {dismiss_button()}
                    </div>
                }
                .into_any()
            }
        }
    };

    // the cases a live change took out of the selection, and why (announced, never focused)
    let clear_dropped = Callback::new(move |()| flow.dropped.set(Vec::new()));
    let dropped = move || {
        let texts = t.t();
        flow.dropped.with(|d| {
            (!d.is_empty()).then(|| {
                let items = d
                    .iter()
                    .map(|(id, why)| view! { <li>{(texts.live.left_selection)(*id, &reason_text(texts, why).1)}</li> })
                    .collect_view();
                view! {
                    <div class="cv-alert cv-alert--warning" data-dropped="">
                        <ul>{items}</ul>
                        <DismissButton on_dismiss=clear_dropped />
                    </div>
                }
            })
        })
    };
    view! {
        <div class="cv-unify-panel" node_ref=root>
            <div role="status" aria-live="polite">
                {dropped}
            </div>
            {body}
        </div>
    }
}
