//! Localization. Every user-visible string lives in a locale file (`pt_br.rs`, `en.rs`) as a field
//! of [`Texts`], so a locale missing a string does not compile. pt-BR is the default.

mod en;
mod pt_br;

use leptos::prelude::*;

pub use crate::tabs::ModalTab;

pub use cvortex_domain::locale::Locale;

/// A locale's strings.
pub trait LocaleTexts {
    fn texts(self) -> &'static Texts;
}

impl LocaleTexts for Locale {
    fn texts(self) -> &'static Texts {
        match self {
            Locale::PtBr => &pt_br::TEXTS,
            Locale::En => &en::TEXTS,
        }
    }
}

/// The strings of one locale. Parameterized ones are functions.
/// Strings of a single tab live in that tab's group (`t.history.col_when`); strings used by
/// several tabs stay at the top level.
pub struct Texts {
    /// The other language's name, in that language (the switch's label).
    pub switch_locale: &'static str,
    pub modal_title: &'static str,
    /// How a day is typed (`dd/mm/aaaa`), shown in day fields.
    pub date_format: &'static str,
    /// A day field's description for screen readers: the format and the keys.
    pub date_hint: &'static str,
    pub case_number: fn(i64) -> String,
    pub close: &'static str,
    pub tabs_label: &'static str,
    /// A list row's disclosure of the values of the columns its width hides.
    pub details: &'static str,
    /// The tab strip's menu of the tabs it has no room for, and how many there are.
    pub more_tabs: fn(usize) -> String,
    pub loading: &'static str,
    pub retry: &'static str,
    pub tab_failed: fn(&str) -> String,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub copy: fn(&str) -> String,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub channel: fn(&str) -> Option<&'static str>,
    pub document_kind: fn(&str) -> Option<&'static str>,
    pub clipped: fn(usize) -> String,
    /// Between a number's units and its tenths: `12,3 KB` / `12.3 KB`.
    pub decimal_mark: char,
    pub clear_filters: &'static str,
    pub results: fn(usize, usize) -> String,
    pub empty_none: &'static str,
    pub empty_filtered: fn(&str, usize) -> String,
    pub no_agent: &'static str,
    pub no_channel: &'static str,
    pub dismiss: &'static str,
    pub from_case: fn(i64) -> String,
    /// Messages for failed requests (`ApiError::message`).
    pub errors: ErrorTexts,
    /// Dados do Caso ([`ModalTab::CaseData`]).
    pub case_data: CaseDataTexts,
    /// Histórico do Caso ([`ModalTab::CaseHistory`]).
    pub history: HistoryTexts,
    /// Histórico do Cliente ([`ModalTab::CustomerHistory`]): its list, the unification of cases and
    /// the reasons a case cannot be unified (`reason_*`).
    pub customer: CustomerTexts,
    /// Histórico de Ligações ([`ModalTab::Calls`]).
    pub calls: CallTexts,
    /// Interações ([`ModalTab::Interactions`]).
    pub interactions: InteractionTexts,
    /// SLA ([`ModalTab::Sla`]).
    pub sla: SlaTexts,
    /// Anexos ([`ModalTab::Attachments`]).
    pub attachments: AttachmentTexts,
    /// Pesquisa de Satisfação ([`ModalTab::Surveys`]).
    pub surveys: SurveyTexts,
    /// The standalone start page (the list of cases).
    pub start: StartTexts,
    /// The live case: the link's state, who else is here, what arrived.
    pub live: LiveTexts,
}

/// The live case: the link's state, who else has the case open, what arrived.
pub struct LiveTexts {
    pub connecting: &'static str,
    pub live: &'static str,
    pub reconnecting: &'static str,
    /// Since when (hh:mm), and the time of what is shown (hh:mm).
    pub offline: fn(&str, &str) -> String,
    pub off: &'static str,
    /// Data shown from memory or not renewed: its time (hh:mm), and whether renewing it failed.
    pub kept: fn(&str, bool) -> String,
    /// The group of the other agents' avatars.
    pub others: &'static str,
    /// A tab's badge of what arrived since it was last looked at.
    pub unseen: fn(usize) -> String,
    /// One announcement part: a tab's name and how many changes arrived there.
    pub arrived: fn(&str, usize) -> String,
    /// Who changed the open case (None: unknown), and the fields, already named and joined.
    pub case_changed: fn(Option<&str>, &str) -> String,
    /// A field of the case, as `case_changed` names it.
    pub field: fn(&str) -> Option<&'static str>,
    /// A case that left the selection, and why.
    pub left_selection: fn(i64, &str) -> String,
    /// The pill of new messages below the part of a conversation being read.
    pub new_messages: fn(usize) -> String,
}

/// Messages for failed requests (`ApiError::message`).
pub struct ErrorTexts {
    pub session_expired: &'static str,
    pub forbidden: &'static str,
    pub not_found: &'static str,
    pub conflict: &'static str,
    pub rate_limited: fn(Option<u32>) -> String,
    pub server: &'static str,
    pub unavailable: &'static str,
    pub timeout: &'static str,
    pub network: &'static str,
    pub bad_data: &'static str,
    pub rejected: &'static str,
    /// An undo refused because a later unification (its id, its target case) moved the same
    /// items again.
    pub undo_blocked: fn(i64, i64) -> String,
    /// A write into a case that was unified into another (that case's id).
    pub case_unified: fn(i64) -> String,
    /// The attachment quota (the case's or the whole account's) would be exceeded.
    pub quota: &'static str,
    /// 408: the request's body did not reach the server in time (nothing was written).
    pub too_slow: &'static str,
}

/// Dados do Caso ([`ModalTab::CaseData`]).
pub struct CaseDataTexts {
    /// The tab's name.
    pub label: &'static str,
    pub customer_section: &'static str,
    pub service_section: &'static str,
    pub name: &'static str,
    pub phones: &'static str,
    pub emails: &'static str,
    pub documents: &'static str,
    pub case_id: &'static str,
    pub external_id: &'static str,
    pub subject: &'static str,
    pub case_type: &'static str,
    pub status: &'static str,
    pub channel: &'static str,
    pub opening_reason: &'static str,
    pub closing_reason: &'static str,
    pub assignee: &'static str,
    pub business_unit: &'static str,
    pub created_at: &'static str,
    pub updated_at: &'static str,
    pub closed_at: &'static str,
    pub summary: &'static str,
    pub custom_fields: &'static str,
    pub state_in_service: &'static str,
    pub state_finished: &'static str,
    pub state_open: &'static str,
    pub state_unified: fn(i64) -> String,
}

/// Histórico do Caso ([`ModalTab::CaseHistory`]).
pub struct HistoryTexts {
    /// The tab's name.
    pub label: &'static str,
    pub table: &'static str,
    pub col_when: &'static str,
    pub col_action: &'static str,
    pub col_agent: &'static str,
    pub col_comment: &'static str,
    pub col_channel: &'static str,
    pub col_status: &'static str,
    pub col_questionnaires: &'static str,
    pub questionnaires: fn(usize) -> String,
    pub action: fn(&str) -> Option<&'static str>,
    pub filter_user: &'static str,
    pub filter_comments: &'static str,
    pub filter_channel: &'static str,
    pub filter_action: &'static str,
    pub comments_any: &'static str,
    pub comments_with: &'static str,
    pub comments_without: &'static str,
    pub comments_containing: &'static str,
    pub search: &'static str,
    pub order_newest: &'static str,
    pub order_oldest: &'static str,
}

/// Histórico do Cliente ([`ModalTab::CustomerHistory`]): its list, the unification of cases and the
/// reasons a case cannot be unified (`reason_*`).
pub struct CustomerTexts {
    /// The tab's name.
    pub label: &'static str,
    pub table: &'static str,
    pub col_select: &'static str,
    pub col_created: &'static str,
    pub col_closed: &'static str,
    pub col_id: &'static str,
    pub col_type: &'static str,
    pub col_subject: &'static str,
    pub col_status: &'static str,
    pub col_agent: &'static str,
    pub col_updated: &'static str,
    pub col_channel: &'static str,
    pub col_action: &'static str,
    pub search: &'static str,
    pub continue_case: &'static str,
    pub continue_label: fn(i64) -> String,
    pub select_case: fn(i64) -> String,
    pub select_all: &'static str,
    pub current: &'static str,
    pub selected: fn(usize) -> String,
    pub unify: &'static str,
    pub unifying: &'static str,
    pub confirm_title: fn(usize, i64) -> String,
    pub confirm_body: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub counts: fn(&cvortex_domain::ContentCounts) -> String,
    pub total: &'static str,
    pub done: fn(&[i64], i64) -> String,
    pub undo: &'static str,
    pub undo_until: fn(&str) -> String,
    pub undoing: &'static str,
    pub undone: fn(&[i64]) -> String,
    pub undo_failed: &'static str,
    pub refused_title: &'static str,
    pub refused_case: fn(i64, &str) -> String,
    pub failed_title: &'static str,
    pub failed_note: &'static str,
    pub refused_note: &'static str,
    pub unknown_title: &'static str,
    pub unknown_note: &'static str,
    pub open_missing: &'static str,
    /// The open case is finished: nothing can be unified into it.
    pub open_finished: &'static str,
    pub reason_open_case: &'static str,
    pub reason_open_case_long: &'static str,
    pub reason_unified: &'static str,
    pub reason_unified_long: fn(i64) -> String,
    pub reason_in_service: &'static str,
    pub reason_in_service_long: fn(Option<&str>) -> String,
    pub reason_finished: &'static str,
    pub reason_finished_long: fn(Option<&str>) -> String,
    pub reason_diff_whatsapp: &'static str,
    pub reason_diff_whatsapp_long: fn(&str) -> String,
    pub reason_diff_chat: &'static str,
    pub reason_diff_chat_long: fn(&str) -> String,
    pub reason_not_found: &'static str,
    pub reason_not_found_long: &'static str,
}

/// Histórico de Ligações ([`ModalTab::Calls`]).
pub struct CallTexts {
    /// The tab's name.
    pub label: &'static str,
    pub table: &'static str,
    pub col_when: &'static str,
    pub col_phone: &'static str,
    pub col_status: &'static str,
    pub col_agent: &'static str,
    pub col_duration: &'static str,
    pub col_direction: &'static str,
    pub status: fn(&str) -> Option<&'static str>,
    pub direction: fn(&str) -> Option<&'static str>,
    pub filter_status: &'static str,
    pub filter_agent: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub today: &'static str,
    pub last7: &'static str,
    pub last30: &'static str,
    pub search: &'static str,
    pub period_inverted: &'static str,
    pub period_invalid: &'static str,
    pub totals: fn(usize, &str) -> String,
    pub ongoing: &'static str,
}

/// Interações ([`ModalTab::Interactions`]).
pub struct InteractionTexts {
    /// The tab's name.
    pub label: &'static str,
    pub empty: &'static str,
    pub channels: &'static str,
    pub channel_label: fn(&str, usize, &str) -> String,
    pub search: &'static str,
    pub conversation: fn(&str) -> String,
    pub results: fn(usize, usize) -> String,
    pub earlier: fn(usize) -> String,
    pub none_found: &'static str,
    pub sender_kind: fn(&str) -> Option<&'static str>,
    pub email_frame: fn(&str) -> String,
    pub files: &'static str,
}

/// SLA ([`ModalTab::Sla`]).
pub struct SlaTexts {
    /// The tab's name.
    pub label: &'static str,
    pub list: &'static str,
    pub status: fn(&str) -> Option<&'static str>,
    pub running_late: &'static str,
    pub elapsed: &'static str,
    pub target: &'static str,
    pub due: &'static str,
    pub left: &'static str,
    pub overdue: &'static str,
    pub progress: &'static str,
    pub paused_since: fn(&str) -> String,
    pub met_at: fn(&str) -> String,
    pub empty: &'static str,
}

/// Anexos ([`ModalTab::Attachments`]).
pub struct AttachmentTexts {
    /// The tab's name.
    pub label: &'static str,
    pub table: &'static str,
    pub col_select: &'static str,
    pub col_name: &'static str,
    pub col_size: &'static str,
    pub col_origin: &'static str,
    pub col_when: &'static str,
    pub col_action: &'static str,
    pub select: fn(&str) -> String,
    pub select_all: &'static str,
    pub search: &'static str,
    pub attach: &'static str,
    pub drop: &'static str,
    pub limits: fn(&str, &str) -> String,
    pub download: &'static str,
    pub download_label: fn(&str) -> String,
    pub zip: fn(usize) -> String,
    pub zipping: fn(usize, usize) -> String,
    pub zip_name: fn(i64) -> String,
    pub origin_channel: fn(&str) -> String,
    pub origin_upload: fn(&str) -> String,
    pub origin_other: &'static str,
    pub uploading: fn(&str) -> String,
    pub uploaded: fn(&str) -> String,
    pub cancel: &'static str,
    pub cancelled: fn(&str) -> String,
    pub failed: fn(&str) -> String,
    pub unknown: fn(&str) -> String,
    pub refused_empty: fn(&str) -> String,
    pub refused_large: fn(&str, &str, &str) -> String,
    /// The file's name and how much of the case's attachment quota is left.
    pub refused_quota: fn(&str, &str) -> String,
    pub refused_type: fn(&str, &str, &str) -> String,
    pub download_failed: fn(&str) -> String,
    pub progress: &'static str,
}

/// Pesquisa de Satisfação ([`ModalTab::Surveys`]).
pub struct SurveyTexts {
    /// The tab's name.
    pub label: &'static str,
    pub list: &'static str,
    pub scale: fn(&str) -> String,
    pub stars: fn(u8) -> String,
    pub nps: fn(u8) -> String,
    pub band: fn(cvortex_domain::survey::NpsBand) -> &'static str,
    pub unrated: fn(i64) -> String,
    pub requester: &'static str,
    pub agent: &'static str,
    pub answered: &'static str,
    pub show: &'static str,
    pub hide: &'static str,
    pub comment: &'static str,
    pub no_comment: &'static str,
    pub none: &'static str,
    pub not_configured: &'static str,
}

/// The standalone start page (the list of cases).
pub struct StartTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub col_case: &'static str,
    pub col_customer: &'static str,
    pub col_subject: &'static str,
    pub col_status: &'static str,
    pub col_channel: &'static str,
    pub col_created: &'static str,
    pub open_case: fn(i64) -> String,
    pub more: fn(usize, usize) -> String,
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

/// Present where the user may switch the language themselves (the standalone app; a host page
/// sets the widget's locale itself).
#[derive(Clone, Copy)]
pub struct SwitchableLocale;

/// The button that switches to the other language, named in that language.
#[component]
pub fn LocaleSwitch() -> impl IntoView {
    let t = use_i18n();
    let other = t.locale().other();
    use_context::<SwitchableLocale>().map(|_| {
        view! {
            <button type="button" class="cv-button cv-button--subtle" lang=other.tag() on:click=move |_| t.0.set(other)>
                {t.t().switch_locale}
            </button>
        }
    })
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
