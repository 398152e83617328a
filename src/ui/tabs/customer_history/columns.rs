//! The columns of the customer's case list, and the reason chips of ineligible rows.

use std::sync::Arc;

use cvortex_domain::eligibility::Ineligibility;
use cvortex_domain::list::customer::CaseSort;
use cvortex_domain::{phone, CustomerCase, CustomerCaseList};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{I18n, Texts};
use crate::state::UnifyFlow;
use crate::ui::shared::{cells, Column, Highlighted, RowLook};
use crate::widget::ContinueCase;

/// One row: the case (by its place in the shared list: a row does not copy it) and why it cannot
/// be unified (empty: it can).
pub struct CaseRow {
    pub list: Arc<CustomerCaseList>,
    pub index: usize,
    pub reasons: Vec<Ineligibility>,
    pub selectable: bool,
    pub is_open: bool,
}

impl CaseRow {
    pub fn case(&self) -> &CustomerCase {
        &self.list.items[self.index]
    }
}

pub fn row_look(r: &CaseRow) -> RowLook {
    RowLook {
        class: if r.is_open {
            "cv-row--current cv-row--disabled"
        } else if r.selectable {
            ""
        } else {
            "cv-row--disabled"
        },
    }
}

/// The short chip text and the full explanation of a reason.
pub fn reason_text(t: &Texts, r: &Ineligibility) -> (&'static str, String) {
    match r {
        Ineligibility::OpenCase => (t.customer.reason_open_case, t.customer.reason_open_case_long.into()),
        Ineligibility::AlreadyUnified { into_case_id } => (
            t.customer.reason_unified,
            (t.customer.reason_unified_long)(*into_case_id),
        ),
        Ineligibility::InService { agent_name } => (
            t.customer.reason_in_service,
            (t.customer.reason_in_service_long)(agent_name.as_deref()),
        ),
        Ineligibility::Finished { closed_at } => (
            t.customer.reason_finished,
            (t.customer.reason_finished_long)(closed_at.map(fmt::date).as_deref()),
        ),
        Ineligibility::DifferentWhatsapp { candidate } => (
            t.customer.reason_diff_whatsapp,
            (t.customer.reason_diff_whatsapp_long)(&phone::masked(candidate)),
        ),
        Ineligibility::DifferentChat { candidate } => (
            t.customer.reason_diff_chat,
            (t.customer.reason_diff_chat_long)(candidate),
        ),
        Ineligibility::NotFound => (t.customer.reason_not_found, t.customer.reason_not_found_long.into()),
    }
}

/// Every reason, joined, as the screen reader hears it.
pub fn reasons_sentence(t: &Texts, reasons: &[Ineligibility]) -> String {
    reasons
        .iter()
        .map(|r| reason_text(t, r).1)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The element id of a row's reasons (the checkbox is described by it).
pub fn reason_id(uid: usize, case_id: i64) -> String {
    format!("cv-{uid}-why-{case_id}")
}

fn identifier(c: &CustomerCase) -> Option<String> {
    match c.channel.as_str() {
        "whatsapp" | "phone" => c.contact.whatsapp.as_deref().map(phone::display),
        "chat" => c.contact.chat_id.clone(),
        "email" => c.contact.email.clone(),
        _ => None,
    }
    .or_else(|| c.contact.whatsapp.as_deref().map(phone::display))
    .or_else(|| c.contact.chat_id.clone())
}

pub fn columns(
    t: I18n,
    uid: usize,
    flow: UnifyFlow,
    select_all: Arc<dyn Fn() -> AnyView + Send + Sync>,
    continue_case: Option<ContinueCase>,
) -> Vec<Column<CaseRow>> {
    vec![
        Column::new(
            |t| t.customer.col_select,
            "44px",
            move |r: &CaseRow, _| {
                let id = r.case().id;
                let texts = t.t();
                view! {
                    <input type="checkbox" class="cv-check" disabled=!r.selectable
                        aria-label=(texts.customer.select_case)(id)
                        aria-describedby=(!r.reasons.is_empty()).then(|| reason_id(uid, id))
                        prop:checked=move || flow.selected.with(|s| s.contains(&id))
                        on:change=move |_| flow.toggle(id) />
                }
                .into_any()
            },
        )
        .with_head(move || select_all()),
        Column::new(
            |t| t.customer.col_id,
            "minmax(232px, 1.1fr)",
            move |r: &CaseRow, q| {
                let texts = t.t();
                let id = r.case().id.to_string();
                let tags = if r.is_open {
                    view! { <span class="cv-tag cv-tag--current" id=reason_id(uid, r.case().id)>{texts.customer.current}</span> }.into_any()
                } else if r.reasons.is_empty() {
                    ().into_any()
                } else {
                    let chips = r
                        .reasons
                        .iter()
                        .map(|reason| {
                            view! { <span class="cv-chip cv-chip--reason" aria-hidden="true">{reason_text(texts, reason).0}</span> }
                        })
                        .collect_view();
                    // the full explanation: on hover (title) and for screen readers (the checkbox's description)
                    let sentence = reasons_sentence(texts, &r.reasons);
                    let title = sentence.clone();
                    view! {
                        <span class="cv-reasons" id=reason_id(uid, r.case().id) title=title>
                            {chips}
                            <span class="cv-sr-only">{sentence}</span>
                        </span>
                    }
                    .into_any()
                };
                let number = view! { <span class="cv-num cv-strong">"#"<Highlighted text=id query=q /></span> }.into_any();
                cells::stacked(number, Some(tags))
            },
        )
        .sorts_by(CaseSort::Id.code()),
        Column::new(
            |t| t.customer.col_subject,
            "minmax(180px, 2fr)",
            move |r: &CaseRow, q| cells::clamped_or_dash(r.case().subject.clone(), q),
        )
        .sorts_by(CaseSort::Subject.code())
        .gives_way(1),
        Column::new(
            |t| t.customer.col_status,
            "minmax(176px, 0.8fr)",
            move |r: &CaseRow, _| cells::chip("cv-chip cv-chip--fit".into(), r.case().status.name.clone()),
        )
        .sorts_by(CaseSort::Status.code())
        .gives_way(1),
        Column::new(
            |t| t.customer.col_agent,
            "minmax(140px, 1fr)",
            move |r: &CaseRow, q| cells::clamped_or_dash(r.case().assignee.as_ref().map(|a| a.name.clone()), q),
        )
        .sorts_by(CaseSort::Agent.code())
        .gives_way(2),
        Column::new(
            |t| t.customer.col_channel,
            "minmax(176px, 1fr)",
            move |r: &CaseRow, _| {
                let name = cells::text("", fmt::channel(t.t(), &r.case().channel));
                cells::stacked(name, identifier(r.case()).map(|i| cells::text("cv-muted cv-clamp cv-small", i)))
            },
        )
        .sorts_by(CaseSort::Channel.code())
        .gives_way(3),
        Column::new(
            |t| t.customer.col_created,
            "minmax(136px, 0.8fr)",
            move |r: &CaseRow, _| cells::when(r.case().created_at),
        )
        .sorts_by(CaseSort::Created.code())
        .gives_way(2),
        Column::new(
            |t| t.customer.col_closed,
            "minmax(136px, 0.8fr)",
            move |r: &CaseRow, _| r.case().closed_at.map_or_else(cells::dash, cells::when),
        )
        .sorts_by(CaseSort::Closed.code())
        .gives_way(3),
        Column::new(
            |t| t.customer.col_updated,
            "minmax(136px, 0.8fr)",
            move |r: &CaseRow, _| r.case().updated_at.map_or_else(cells::dash, cells::when),
        )
        .sorts_by(CaseSort::Updated.code())
        .gives_way(3),
        Column::new(
            |t| t.customer.col_type,
            "minmax(100px, 0.7fr)",
            move |r: &CaseRow, _| cells::name(r.case().case_type.as_ref().map(|c| c.name.as_str())),
        )
        .sorts_by(CaseSort::Type.code())
        .gives_way(3),
        Column::new(
            |t| t.customer.col_action,
            "56px",
            // compact: an icon button, named for screen readers and on hover
            move |r: &CaseRow, _| match (r.is_open, continue_case) {
                (false, Some(c)) => {
                    let id = r.case().id;
                    view! {
                        <button type="button" class="cv-icon-button cv-continue" aria-label=(t.t().customer.continue_label)(id)
                            title=t.t().customer.continue_case on:click=move |_| c.0.run(id)>
                            <span aria-hidden="true">"↪"</span>
                        </button>
                    }
                    .into_any()
                    .into()
                }
                _ => cells::dash(),
            },
        ),
    ]
}
