//! `/casos/:id/:aba?`: the modal over the start page. The tab lives in the URL (deep links, back
//! button); closing goes back to the list.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::i18n::{use_i18n, ModalTab};
use crate::widget::CaseDetails;

#[component]
pub fn CasePage() -> impl IntoView {
    let t = use_i18n();
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    let tab = Memo::new(move |_| {
        params
            .read()
            .get("aba")
            .and_then(|s| ModalTab::from_slug(&s))
            .unwrap_or_default()
    });
    let navigate = use_navigate();
    let go = navigate.clone();
    let on_tab_change = Callback::new(move |next: ModalTab| {
        if let Some(id) = case_id.get_untracked() {
            go(
                &format!("/casos/{id}/{}", next.slug()),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    let on_close = Callback::new(move |()| {
        navigate(
            "/",
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        )
    });
    move || {
        match case_id.get() {
        Some(id) => view! { <CaseDetails case_id=Signal::derive(move || case_id.get().unwrap_or(id)) tab on_tab_change on_close /> }.into_any(),
        None => view! { <p class="cv-error" role="alert">{move || t.t().err_not_found}</p> }.into_any(),
    }
    }
}
