//! Dados do Caso: the customer's personal data and everything about this case, in two columns.

use std::sync::Arc;

use cvortex_domain::{format, phone, CaseDetails, CustomField, FieldValue};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::tabs::{decode_as, ModalTab, TabDef};
use crate::ui::shared::{CopyButton, SkeletonKind};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::CaseData,
    slug: "dados",
    label: |t| t.case_data.label,
    read: "",
    decode: decode_as::<CaseDetails>,
    // read again on a live change instead (see `state::live`)
    apply: None,
    count: |_| None,
    changed_by_unification: false,
    skeleton: SkeletonKind::Fields,
    panel: |ctx| ctx.loaded(ctx.ready(|details: Arc<CaseDetails>, _| view! { <CaseDataView details /> })),
};

/// One `<dt>/<dd>` pair; `value` is any view.
fn field(label: impl IntoView + 'static, value: AnyView) -> impl IntoView {
    view! {
        <div class="cv-field">
            <dt class="cv-field__label">{label}</dt>
            <dd class="cv-field__value">{value}</dd>
        </div>
    }
}

fn text_or_none(t: I18n, v: Option<String>) -> AnyView {
    match v.filter(|s| !s.trim().is_empty()) {
        Some(s) => view! { <span>{fmt::shown(&s)}</span> }.into_any(),
        None => view! { <span class="cv-muted">{t.t().none}</span> }.into_any(),
    }
}

/// A value with a copy button.
fn copyable(shown: String, raw: String, what: Signal<String>) -> AnyView {
    view! {
        <span class="cv-copyable">
            <span>{shown}</span>
            <CopyButton value=raw what />
        </span>
    }
    .into_any()
}

fn timestamp(ms: Option<i64>, t: I18n) -> AnyView {
    match ms {
        Some(ms) => view! { <time title=fmt::relative(ms)>{fmt::datetime(ms)}</time> }.into_any(),
        None => view! { <span class="cv-muted">{t.t().none}</span> }.into_any(),
    }
}

fn custom_value(f: &CustomField, t: I18n) -> AnyView {
    match f.typed_value() {
        FieldValue::Empty => view! { <span class="cv-muted">{t.t().none}</span> }.into_any(),
        FieldValue::Text(s) => view! { <span class="cv-prewrap">{fmt::shown(&s)}</span> }.into_any(),
        FieldValue::Number(n) => view! { <span>{fmt::number(n, t.locale())}</span> }.into_any(),
        FieldValue::Date(ms) => view! { <time>{fmt::date(ms)}</time> }.into_any(),
        FieldValue::Money { minor, currency } => {
            view! { <span class="cv-num">{fmt::money(minor, &currency, t.locale())}</span> }.into_any()
        }
        FieldValue::Boolean(b) => view! { <span>{if b { t.t().yes } else { t.t().no }}</span> }.into_any(),
        FieldValue::Link(url) => {
            let href = url.clone();
            view! {
                <a href=href target="_blank" rel="noopener noreferrer nofollow">
                    {url}
                </a>
            }
            .into_any()
        }
    }
}

#[component]
fn CaseDataView(details: Arc<CaseDetails>) -> impl IntoView {
    let t = use_i18n();
    let c = &details.customer;
    let k = &details.case;
    // by the character: `str::to_lowercase` would bring 4 KB of its own for one label
    let what = |f: fn(&crate::i18n::Texts) -> &'static str| {
        Signal::derive(move || f(t.t()).chars().flat_map(char::to_lowercase).collect::<String>())
    };

    let phones = c
        .phones
        .iter()
        .map(|p| view! { <li>{copyable(phone::display(p), p.clone(), what(|t| t.case_data.phones))}</li> })
        .collect_view();
    let emails = c
        .emails
        .iter()
        .map(|e| view! { <li>{copyable(e.clone(), e.clone(), what(|t| t.case_data.emails))}</li> })
        .collect_view();
    let documents = c
        .documents
        .iter()
        .map(|d| {
            let kind = d.kind.clone();
            view! {
                <li>
                    <span class="cv-doc-kind">{fmt::document_kind(t.t(), &kind)}</span>
                    " "
                    {format::document(&d.kind, &d.number)}
                </li>
            }
        })
        .collect_view();
    let personal = c
        .fields
        .iter()
        .map(|f| field(f.label.clone(), custom_value(f, t)))
        .collect_view();
    let custom = details
        .custom_fields
        .iter()
        .map(|f| field(f.label.clone(), custom_value(f, t)))
        .collect_view();
    let list_or_none = |items: AnyView, empty: bool| {
        if empty {
            text_or_none(t, None)
        } else {
            view! { <ul class="cv-plain-list">{items}</ul> }.into_any()
        }
    };

    let state = k.state();
    let merged_into = k.merged_into.unwrap_or_default();
    let state_label = move || match state {
        cvortex_domain::status::CaseState::InService => t.t().case_data.state_in_service.to_string(),
        cvortex_domain::status::CaseState::Finished => t.t().case_data.state_finished.to_string(),
        cvortex_domain::status::CaseState::Open => t.t().case_data.state_open.to_string(),
        cvortex_domain::status::CaseState::Unified => (t.t().case_data.state_unified)(merged_into),
    };
    let channel = k.channel.clone();
    let status_name = k.status.name.clone();
    let reason = |path: &[String]| {
        if path.is_empty() {
            None
        } else {
            Some(path.join(" › "))
        }
    };

    // per view: the standalone app keeps several cases' modals in the page
    let uid = crate::ui::shared::next_uid();
    let customer_id = format!("cv-{uid}-customer");
    let service_id = format!("cv-{uid}-service");
    let (customer_ref, service_ref) = (customer_id.clone(), service_id.clone());
    view! {
        <div class="cv-case-data">
            <section class="cv-card" aria-labelledby=customer_ref>
                <h3 class="cv-card__title" id=customer_id>
                    {t.t().case_data.customer_section}
                </h3>
                <dl class="cv-fields">
                    {field(t.t().case_data.name, text_or_none(t, Some(c.name.clone())))}
                    {field(t.t().case_data.phones, list_or_none(phones.into_any(), c.phones.is_empty()))}
                    {field(t.t().case_data.emails, list_or_none(emails.into_any(), c.emails.is_empty()))}
                    {field(t.t().case_data.documents, list_or_none(documents.into_any(), c.documents.is_empty()))}
                    {personal}
                </dl>
            </section>
            <section class="cv-card" aria-labelledby=service_ref>
                <h3 class="cv-card__title" id=service_id>
                    {t.t().case_data.service_section}
                </h3>
                <dl class="cv-fields">
                    {field(
                        t.t().case_data.case_id,
                        copyable(format!("#{}", k.id), k.id.to_string(), what(|t| t.case_data.case_id)),
                    )}
                    {field(
                        t.t().case_data.external_id,
                        match k.external_id.clone() {
                            Some(x) => copyable(x.clone(), x, what(|t| t.case_data.external_id)),
                            None => text_or_none(t, None),
                        },
                    )} {field(t.t().case_data.subject, text_or_none(t, k.subject.clone()))}
                    {field(t.t().case_data.case_type, text_or_none(t, k.case_type.as_ref().map(|x| x.name.clone())))}
                    {field(
                        t.t().case_data.status,
                        view! {
                            <span class="cv-status">
                                <span class="cv-chip">{status_name}</span>
                                " "
                                <span class="cv-muted">{state_label}</span>
                            </span>
                        }
                            .into_any(),
                    )}
                    {field(t.t().case_data.channel, view! { <span>{fmt::channel(t.t(), &channel)}</span> }.into_any())}
                    {field(t.t().case_data.opening_reason, text_or_none(t, reason(&k.opening_reason)))}
                    {(!k.closing_reason.is_empty())
                        .then(|| field(t.t().case_data.closing_reason, text_or_none(t, reason(&k.closing_reason))))}
                    {field(t.t().case_data.assignee, text_or_none(t, k.assignee.as_ref().map(|a| a.name.clone())))}
                    {field(
                        t.t().case_data.business_unit,
                        text_or_none(t, k.business_unit.as_ref().map(|b| b.name.clone())),
                    )} {field(t.t().case_data.created_at, timestamp(Some(k.created_at), t))}
                    {field(t.t().case_data.updated_at, timestamp(k.updated_at, t))}
                    {k.closed_at.map(|ms| field(t.t().case_data.closed_at, timestamp(Some(ms), t)))}
                    {field(t.t().case_data.summary, text_or_none(t, k.summary.clone()))}
                </dl>
                {(!details.custom_fields.is_empty())
                    .then(|| {
                        view! {
                            <h4 class="cv-card__subtitle">{t.t().case_data.custom_fields}</h4>
                            <dl class="cv-fields">{custom}</dl>
                        }
                    })}
            </section>
        </div>
    }
}
