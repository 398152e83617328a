//! `/casos/:id/:aba?`: the modal over the start page. The tab lives in the URL (deep links, back
//! button); closing goes back to the list.
//!
//! Each case opens in a modal of its own, and a modal is not unmounted when its case closes or
//! another opens, but hidden, its stream paused (`CaseDetails`'s `open`): opening that case again
//! shows it as it was left, with nothing to build, and resumes its stream (docs/performance.md,
//! "Opening a kept case again"). The hidden modals are bounded as the widget's recent cases are
//! (`cvortex_domain::recent`: by their answers' bytes, largest first, and by count); one over the
//! bounds is unmounted, and its case is read again when it opens.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use std::sync::Arc;

use crate::i18n::{use_i18n, ModalTab};
use crate::state::{provide_url_query, UrlQuery};
use crate::tabs::TAB_COUNT;
use crate::widget::{CaseDetails, CaseWeights};
use cvortex_domain::recent::Recent;

/// What the path asks for: `None` off the modal's route, `Some(None)` a case id that is not one.
fn route_of(path: &str) -> Option<Option<(i64, ModalTab)>> {
    let rest = path.strip_prefix("/casos/")?;
    let mut parts = rest.split('/');
    let id = parts.next().and_then(|s| s.parse::<i64>().ok());
    let tab = parts.next().and_then(ModalTab::from_slug).unwrap_or_default();
    Some(id.map(|id| (id, tab)))
}

#[component]
pub fn CasePage() -> impl IntoView {
    let t = use_i18n();
    let location = use_location();
    let route = Memo::new(move |_| location.pathname.with(|p| route_of(p)));
    // the case the URL opens (`None`: closed, or not a case)
    let case_id = Memo::new(move |_| route.get().flatten().map(|(id, _)| id));
    let url_tab = Memo::new(move |_| route.get().flatten().map(|(_, tab)| tab).unwrap_or_default());
    // the cases with a modal in the page, in the order they first opened (the open one, and the
    // hidden ones within the bounds); what the hidden ones hold is weighed when a case opens
    let mounted = RwSignal::new(Vec::<i64>::new());
    let weights = CaseWeights(StoredValue::new(Vec::new()));
    provide_context(weights);
    // the hidden ones, oldest first
    let hidden = StoredValue::new(Vec::<i64>::new());
    Effect::new(move |before: Option<Option<i64>>| {
        let now = case_id.get();
        hidden.update_value(|h| {
            if let Some(left) = before.flatten().filter(|b| Some(*b) != now) {
                h.push(left);
            }
            // bounded as a case opens, to make room for it (closing one adds nothing to memory:
            // so A, then B, then A again finds A as it was even when only one of them fits)
            if let Some(id) = now {
                h.retain(|c| *c != id);
                let mut bounded = Recent::<()>::default();
                for c in h.iter() {
                    bounded.keep(*c, weights.bytes(*c), ());
                }
                *h = bounded.ids();
            }
        });
        let keep = hidden.get_value();
        let next: Vec<i64> = mounted.with_untracked(|m| {
            let kept = m.iter().copied().filter(|id| keep.contains(id) || Some(*id) == now);
            kept.chain(now.filter(|id| !m.contains(id))).collect()
        });
        if mounted.with_untracked(|m| *m != next) {
            mounted.set(next);
        }
        now
    });
    // The tab on screen. A click shows it at once and the URL follows after that frame is
    // painted: a navigation (a history entry, the router matching the new path) cost more than
    // the switch itself (docs/performance.md). So the click's tab is shown until the path changes
    // again; from then on the path decides (the click's URL written, the back button, a link).
    // Derived, not copied by an effect: a modal shown by a new path reads its tab from that path,
    // whichever runs first.
    let path_changes = Memo::new(move |n: Option<&usize>| {
        location.pathname.track();
        n.map_or(1, |n| n.wrapping_add(1))
    });
    // the tab clicked and the path it was clicked on, as `path_changes * TAB_COUNT + tab` (0:
    // none; numbers, as signals of a new type cost the bundle a kilobyte)
    let clicked = RwSignal::new(0usize);
    let tab = Memo::new(move |_| {
        let c = clicked.get();
        match ModalTab::all().nth(c % TAB_COUNT) {
            Some(t) if c != 0 && c / TAB_COUNT == path_changes.get() => t,
            _ => url_tab.get(),
        }
    });
    let navigate = use_navigate();
    let query = use_query_map();
    // Lists keep their filters in the query (`h_busca=...`), so a filtered view can be shared.
    let pairs = move || -> Vec<(String, String)> {
        query.with_untracked(|q| q.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    };
    let write_nav = navigate.clone();
    provide_url_query(UrlQuery {
        read: Arc::new(pairs),
        write: Arc::new(move |prefix, new_pairs| {
            // a closed modal's lists do not write the start page's URL
            if case_id.get_untracked().is_none() {
                return;
            }
            let mut all: Vec<(String, String)> = pairs().into_iter().filter(|(k, _)| !k.starts_with(prefix)).collect();
            all.extend(new_pairs);
            let qs = query_string(&all);
            // a tab switch whose URL is not written yet: the filters go to the tab on screen
            let path = match case_id.get_untracked() {
                Some(id) if tab.get_untracked() != url_tab.get_untracked() => tab_path(id, tab.get_untracked()),
                _ => location.pathname.get_untracked(),
            };
            write_nav(
                &format!("{path}{qs}"),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }),
    });
    let go = navigate.clone();
    let on_tab_change = Callback::new(move |next: ModalTab| {
        clicked.set(path_changes.get_untracked() * TAB_COUNT + next.index());
        let go = go.clone();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // several clicks within a frame: only the last one's URL is written; none
                    // once the modal is closed (its signals are gone then)
                    let on_screen = tab.try_get_untracked() == Some(next);
                    let written = url_tab.try_get_untracked() == Some(next);
                    if !on_screen || written {
                        return;
                    }
                    if let Some(Some(id)) = case_id.try_get_untracked() {
                        go(
                            &format!("{}{}", tab_path(id, next), query_string(&pairs())),
                            NavigateOptions {
                                scroll: false,
                                ..Default::default()
                            },
                        );
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let to_case = navigate.clone();
    let on_continue_case = Callback::new(move |id: i64| to_case(&format!("/casos/{id}"), NavigateOptions::default()));
    let on_close = Callback::new(move |()| {
        navigate(
            "/",
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        )
    });
    // one modal per case, never given another: shown while the URL names its case
    let modal = move |id: i64| {
        let open = Memo::new(move |_| case_id.get() == Some(id));
        // a hidden modal keeps the tab it showed
        let its_tab = Memo::new(move |before: Option<&ModalTab>| match before {
            Some(shown) if !open.get() => *shown,
            _ => tab.get(),
        });
        view! { <CaseDetails case_id=Signal::stored(id) tab=its_tab on_tab_change on_close on_continue_case open /> }
    };
    let not_a_case = move || {
        matches!(route.get(), Some(None)).then(|| {
            view! {
                <p class="cv-error" role="alert">
                    {t.t().errors.not_found}
                </p>
            }
        })
    };
    view! {
        <For each=move || mounted.get() key=|id| *id children=modal />
        {not_a_case}
    }
}

/// The path of a case's tab (the route `casos/:id/:aba?`).
fn tab_path(id: i64, tab: ModalTab) -> String {
    format!("/casos/{id}/{}", tab.slug())
}

/// `?k=v&...`, percent-encoded; empty when there is nothing.
fn query_string(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
    format!("?{}", body.join("&"))
}
