//! Localization. Every user-visible string lives in a locale file (`pt_br.rs`, `en.rs`) as a field
//! of [`Texts`], so a locale missing a string does not compile. pt-BR is the default.

mod en;
mod pt_br;

use leptos::prelude::*;

pub use crate::tabs::ModalTab;

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
    pub clipped: fn(usize) -> String,
    /// Between a number's units and its tenths: `12,3 KB` / `12.3 KB`.
    pub decimal_mark: char,
    pub start_more: fn(usize, usize) -> String,
    pub signing_in: &'static str,
    pub switch_locale: &'static str,
    pub empty_list: &'static str,
    pub clear_filters: &'static str,
    pub results: fn(usize, usize) -> String,
    pub empty_none: &'static str,
    pub empty_filtered: fn(&str, usize) -> String,
    pub no_agent: &'static str,
    pub no_channel: &'static str,
    pub h_table: &'static str,
    pub h_col_when: &'static str,
    pub h_col_action: &'static str,
    pub h_col_agent: &'static str,
    pub h_col_comment: &'static str,
    pub h_col_channel: &'static str,
    pub h_col_status: &'static str,
    pub h_col_questionnaires: &'static str,
    pub questionnaires: fn(usize) -> String,
    pub action: fn(&str) -> Option<&'static str>,
    pub h_filter_user: &'static str,
    pub h_filter_comments: &'static str,
    pub h_filter_channel: &'static str,
    pub h_filter_action: &'static str,
    pub comments_any: &'static str,
    pub comments_with: &'static str,
    pub comments_without: &'static str,
    pub comments_containing: &'static str,
    pub h_search: &'static str,
    pub order_newest: &'static str,
    pub order_oldest: &'static str,
    pub c_table: &'static str,
    pub c_col_when: &'static str,
    pub c_col_phone: &'static str,
    pub c_col_status: &'static str,
    pub c_col_agent: &'static str,
    pub c_col_duration: &'static str,
    pub c_col_direction: &'static str,
    pub call_status: fn(&str) -> Option<&'static str>,
    pub direction: fn(&str) -> Option<&'static str>,
    pub c_filter_status: &'static str,
    pub c_filter_agent: &'static str,
    pub c_from: &'static str,
    pub c_to: &'static str,
    pub c_today: &'static str,
    pub c_last7: &'static str,
    pub c_last30: &'static str,
    pub c_search: &'static str,
    pub c_period_inverted: &'static str,
    pub c_period_invalid: &'static str,
    pub c_totals: fn(usize, &str) -> String,
    pub c_ongoing: &'static str,
    pub cc_table: &'static str,
    pub cc_col_select: &'static str,
    pub cc_col_created: &'static str,
    pub cc_col_closed: &'static str,
    pub cc_col_id: &'static str,
    pub cc_col_type: &'static str,
    pub cc_col_subject: &'static str,
    pub cc_col_status: &'static str,
    pub cc_col_agent: &'static str,
    pub cc_col_updated: &'static str,
    pub cc_col_channel: &'static str,
    pub cc_col_action: &'static str,
    pub cc_search: &'static str,
    pub cc_continue: &'static str,
    pub cc_continue_label: fn(i64) -> String,
    pub cc_select_case: fn(i64) -> String,
    pub cc_select_all: &'static str,
    pub cc_current: &'static str,
    pub cc_selected: fn(usize) -> String,
    pub cc_unify: &'static str,
    pub cc_unifying: &'static str,
    pub cc_confirm_title: fn(usize, i64) -> String,
    pub cc_confirm_body: &'static str,
    pub cc_confirm: &'static str,
    pub cc_cancel: &'static str,
    pub cc_counts: fn(&cvortex_domain::ContentCounts) -> String,
    pub cc_total: &'static str,
    pub cc_done: fn(&[i64], i64) -> String,
    pub cc_undo: &'static str,
    pub cc_undo_until: fn(&str) -> String,
    pub cc_undoing: &'static str,
    pub cc_undone: fn(&[i64]) -> String,
    pub cc_undo_failed: &'static str,
    pub cc_refused_title: &'static str,
    pub cc_refused_case: fn(i64, &str) -> String,
    pub cc_failed_title: &'static str,
    pub cc_failed_note: &'static str,
    pub cc_refused_note: &'static str,
    pub cc_unknown_title: &'static str,
    pub cc_unknown_note: &'static str,
    pub cc_open_missing: &'static str,
    pub cc_dismiss: &'static str,
    pub r_open_case: &'static str,
    pub r_open_case_long: &'static str,
    pub r_unified: &'static str,
    pub r_unified_long: fn(i64) -> String,
    pub r_in_service: &'static str,
    pub r_in_service_long: fn(Option<&str>) -> String,
    pub r_finished: &'static str,
    pub r_finished_long: fn(Option<&str>) -> String,
    pub r_diff_whatsapp: &'static str,
    pub r_diff_whatsapp_long: fn(&str) -> String,
    pub r_diff_chat: &'static str,
    pub r_diff_chat_long: fn(&str) -> String,
    pub r_not_found: &'static str,
    pub r_not_found_long: &'static str,
    pub from_case: fn(i64) -> String,
    pub sla_list: &'static str,
    pub sla_status: fn(&str) -> Option<&'static str>,
    pub sla_running_late: &'static str,
    pub sla_elapsed: &'static str,
    pub sla_target: &'static str,
    pub sla_due: &'static str,
    pub sla_left: &'static str,
    pub sla_overdue: &'static str,
    pub sla_progress: &'static str,
    pub sla_paused_since: fn(&str) -> String,
    pub sla_met_at: fn(&str) -> String,
    pub sla_empty: &'static str,
    pub sv_list: &'static str,
    pub sv_scale: fn(&str) -> String,
    pub sv_stars: fn(u8) -> String,
    pub sv_nps: fn(u8) -> String,
    pub sv_band: fn(cvortex_domain::survey::NpsBand) -> &'static str,
    pub sv_unrated: fn(i64) -> String,
    pub sv_requester: &'static str,
    pub sv_agent: &'static str,
    pub sv_answered: &'static str,
    pub sv_show: &'static str,
    pub sv_hide: &'static str,
    pub sv_comment: &'static str,
    pub sv_no_comment: &'static str,
    pub sv_none: &'static str,
    pub sv_not_configured: &'static str,
    pub i_empty: &'static str,
    pub i_channels: &'static str,
    pub i_channel_label: fn(&str, usize, &str) -> String,
    pub i_search: &'static str,
    pub i_conversation: fn(&str) -> String,
    pub i_results: fn(usize, usize) -> String,
    pub i_earlier: fn(usize) -> String,
    pub i_none_found: &'static str,
    pub i_sender_kind: fn(&str) -> Option<&'static str>,
    pub i_email_frame: fn(&str) -> String,
    pub i_files: &'static str,
    pub a_table: &'static str,
    pub a_col_select: &'static str,
    pub a_col_name: &'static str,
    pub a_col_size: &'static str,
    pub a_col_origin: &'static str,
    pub a_col_when: &'static str,
    pub a_col_action: &'static str,
    pub a_select: fn(&str) -> String,
    pub a_select_all: &'static str,
    pub a_search: &'static str,
    pub a_attach: &'static str,
    pub a_drop: &'static str,
    pub a_limits: fn(&str, &str) -> String,
    pub a_download: &'static str,
    pub a_download_label: fn(&str) -> String,
    pub a_zip: fn(usize) -> String,
    pub a_zipping: fn(usize, usize) -> String,
    pub a_zip_name: fn(i64) -> String,
    pub a_origin_channel: fn(&str) -> String,
    pub a_origin_upload: fn(&str) -> String,
    pub a_origin_other: &'static str,
    pub a_uploading: fn(&str) -> String,
    pub a_uploaded: fn(&str) -> String,
    pub a_cancel: &'static str,
    pub a_cancelled: fn(&str) -> String,
    pub a_failed: fn(&str) -> String,
    pub a_unknown: fn(&str) -> String,
    pub a_refused_empty: fn(&str) -> String,
    pub a_refused_large: fn(&str, &str, &str) -> String,
    pub a_refused_type: fn(&str, &str, &str) -> String,
    pub a_download_failed: fn(&str) -> String,
    pub a_progress: &'static str,
}

/// The current locale, provided at the root of the widget.
///
/// Texts are read once when a view is built (`t()` does not subscribe): a locale change
/// re-renders the widget from its root (see [`Localized`]). One re-render on a rare switch costs
/// far less than a reactive closure, and its code in the bundle, for every string on screen.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    /// The texts of the current locale.
    pub fn t(&self) -> &'static Texts {
        self.0.get_untracked().texts()
    }

    pub fn locale(&self) -> Locale {
        self.0.get_untracked()
    }
}

/// Renders `children` again whenever the locale changes.
#[component]
pub fn Localized(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        i18n.0.track();
        children()
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
