//! Localization. Every user-visible string lives in a locale file (`pt_br.rs`, `en.rs`) as a field
//! of [`Texts`], so a locale missing a string does not compile. pt-BR is the default.

mod en;
mod pt_br;

use leptos::prelude::*;

pub use cvortex_domain::tabs::ModalTab;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    PtBr,
    En,
}

impl Locale {
    /// `pt-BR`, `pt`, `en`, `en-US`...; anything else is the default.
    pub fn parse(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("en") {
            Locale::En
        } else {
            Locale::PtBr
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::PtBr => "pt-BR",
            Locale::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::PtBr => &pt_br::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// The strings of one locale. Parameterized ones are functions.
pub struct Texts {
    pub modal_title: &'static str,
    pub case_number: fn(i64) -> String,
    pub close: &'static str,
    pub tabs_label: &'static str,
    pub tab: fn(ModalTab) -> &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub tab_failed: fn(&str) -> String,
    pub err_session_expired: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_conflict: &'static str,
    pub err_rate_limited: fn(Option<u32>) -> String,
    pub err_server: &'static str,
    pub err_unavailable: &'static str,
    pub err_timeout: &'static str,
    pub err_network: &'static str,
    pub err_bad_data: &'static str,
    pub err_rejected: &'static str,
    pub customer_section: &'static str,
    pub service_section: &'static str,
    pub f_name: &'static str,
    pub f_phones: &'static str,
    pub f_emails: &'static str,
    pub f_documents: &'static str,
    pub f_case_id: &'static str,
    pub f_external_id: &'static str,
    pub f_subject: &'static str,
    pub f_case_type: &'static str,
    pub f_status: &'static str,
    pub f_channel: &'static str,
    pub f_opening_reason: &'static str,
    pub f_closing_reason: &'static str,
    pub f_assignee: &'static str,
    pub f_business_unit: &'static str,
    pub f_created_at: &'static str,
    pub f_updated_at: &'static str,
    pub f_closed_at: &'static str,
    pub f_summary: &'static str,
    pub f_custom_fields: &'static str,
    pub state_in_service: &'static str,
    pub state_finished: &'static str,
    pub state_open: &'static str,
    pub state_unified: fn(i64) -> String,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub copy: fn(&str) -> String,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub channel: fn(&str) -> Option<&'static str>,
    pub document_kind: fn(&str) -> Option<&'static str>,
    pub relative: fn(i64) -> String,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub col_case: &'static str,
    pub col_customer: &'static str,
    pub col_subject: &'static str,
    pub col_status: &'static str,
    pub col_channel: &'static str,
    pub col_created: &'static str,
    pub open_case: fn(i64) -> String,
    pub signing_in: &'static str,
    pub switch_locale: &'static str,
    pub coming_soon: fn(usize) -> String,
    pub empty_list: &'static str,
}

/// The current locale, provided at the root of the widget.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    /// The texts of the current locale (reactive: read inside a view or memo).
    pub fn t(&self) -> &'static Texts {
        self.0.get().texts()
    }
}

pub fn provide_i18n(locale: Locale) -> I18n {
    provide_i18n_signal(RwSignal::new(locale))
}

/// With a signal the host controls (embedded: `setLocale`).
pub fn provide_i18n_signal(locale: RwSignal<Locale>) -> I18n {
    let i18n = I18n(locale);
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
