//! What the modal shows of the live case, quietly: the link's state, the other agents with the
//! case open (small avatars, like collision avatars), a short notice when someone else changes
//! the open case, and one polite announcement per burst of arrivals (never taking focus).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::use_client;
use crate::fmt;
use crate::i18n::use_i18n;
use crate::state::{CaseResources, Link, LiveCase};
use crate::tabs::ModalTab;

/// The link's state, the other agents, and the age of data that may be out of date (a case opened
/// again from memory, a refresh that failed: "Tentar novamente" renews it), for the dialog's
/// header (one reactive piece: each costs bundle size, and nothing in it takes focus).
#[component]
pub fn LiveStatus(live: LiveCase, resources: CaseResources) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    let client = use_client();
    move || {
        // kept data waits for the stream to catch up: with the stream offline it cannot
        let offline = matches!(live.link.get(), Link::Offline { .. });
        let kept = resources.stale().map(|(at, failed)| {
            let failed = failed || offline;
            let client = client.clone();
            let retry = failed.then(|| {
                view! {
                    <button
                        type="button"
                        class="cv-link-button"
                        on:click=move |ev| {
                            resources.renew(&client, live.case_id());
                            focus_selected_tab(&ev);
                        }
                    >
                        {texts.retry}
                    </button>
                }
            });
            view! { <span class="cv-kept">{(texts.live.kept)(&fmt::time(at as i64), failed)} {retry}</span> }
        });
        let (class, text) = match live.link.get() {
            Link::Connecting => ("cv-link", texts.live.connecting.to_string()),
            Link::Live => ("cv-link cv-link--live", texts.live.live.to_string()),
            Link::Reconnecting { .. } => ("cv-link cv-link--lost", texts.live.reconnecting.to_string()),
            Link::Offline { since, data_at } => (
                "cv-link cv-link--lost",
                (texts.live.offline)(&fmt::time(since as i64), &fmt::time(data_at as i64)),
            ),
            Link::Off => ("cv-link", texts.live.off.to_string()),
        };
        let others = live
            .others
            .get()
            .into_iter()
            .map(|a| {
                let initials = cvortex_domain::live::initials(&a.name);
                let title = a.name.clone();
                view! {
                    <li class="cv-avatar" title=title>
                        <span aria-hidden="true">{initials}</span>
                        <span class="cv-sr-only">{a.name}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="cv-live">
                <ul class="cv-avatars" aria-label=texts.live.others>
                    {others}
                </ul>
                {kept}
                <span class=class>{text}</span>
            </div>
        }
    }
}

/// Moves focus from the clicked button, which goes once the data is renewed, to the selected tab.
fn focus_selected_tab(ev: &web_sys::MouseEvent) {
    if let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        crate::ui::modal::focus_selected_tab(&button);
    }
}

/// Who changed the open case and what, as the notice says it.
fn notice_text(t: &crate::i18n::Texts, c: &cvortex_domain::CaseChanged) -> String {
    let fields: Vec<&str> = c.fields.iter().filter_map(|f| (t.live.field)(f)).collect();
    (t.live.case_changed)(c.changed_by.as_ref().map(|a| a.name.as_str()), &fields.join(", "))
}

/// The notice of a change someone else made to the open case, and the polite announcement of
/// it and of what arrived (one per burst: the state gathers them).
#[component]
pub fn LiveNotices(live: LiveCase) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    let notice = move || {
        live.notice.with(|n| {
            n.as_ref()
                .map(|c| view! { <p class="cv-notice">{notice_text(texts, c)}</p> })
        })
    };
    let announcement = move || {
        let mut parts: Vec<String> = live.notice.with(|n| n.iter().map(|c| notice_text(texts, c)).collect());
        live.announced.with(|counts| {
            parts.extend(
                ModalTab::all()
                    .filter(|tab| counts[tab.index()] > 0)
                    .map(|tab| (texts.live.arrived)(tab.label(texts), counts[tab.index()])),
            )
        });
        parts.join("; ")
    };
    view! {
        {notice}
        <div class="cv-sr-only" role="status" aria-live="polite" data-live-announcer="">
            {announcement}
        </div>
    }
}
