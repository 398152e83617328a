//! The "Informações do Atendimento" dialog: a named modal dialog with the WAI-ARIA tabs pattern.
//! Focus is trapped inside and returns to the opener on close; Esc closes; arrows, Home and End
//! move between tabs; Alt+1 … Alt+8 select a tab. Visited panels stay mounted (hidden), so a tab
//! keeps its DOM, scroll position, filters and search text.

use cvortex_domain::CaseId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::fmt;
use crate::i18n::{use_i18n, LocaleSwitch};
use crate::state::{CaseFlows, CaseResources, LiveCase};
use crate::tabs::ModalTab;
use crate::ui::live_status::{LiveNotices, LiveStatus};
use crate::ui::shared::next_uid;
use crate::ui::tab_strip::{strip_fit, MoreTabs};
use crate::ui::tabs::TabPanel;

const FOCUSABLE: &str = concat!(
    "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ",
    "textarea:not([disabled]), iframe, [tabindex]:not([tabindex='-1'])"
);

fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the selected tab of the dialog `from` is in, or of the one inside `from` (the host's
/// element): where focus goes when what had it is gone or outside.
pub fn focus_selected_tab(from: &web_sys::Element) {
    let scope = from
        .closest("[role=dialog]")
        .ok()
        .flatten()
        .unwrap_or_else(|| from.clone());
    if let Some(tab) = scope
        .query_selector("[role=tab][aria-selected=true]")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    {
        let _ = tab.focus();
    }
}

/// Keeps Tab / Shift+Tab inside `root`.
fn trap_focus(root: &HtmlElement, ev: &KeyboardEvent) {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return;
    };
    let visible: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        // hidden panels stay laid out (to keep their state) but are not focusable
        .filter(|el| el.closest("[hidden]").ok().flatten().is_none())
        .filter(|el| el.offset_parent().is_some() || el.get_client_rects().length() > 0)
        .collect();
    let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let outside = active.as_ref().is_none_or(|a| !root.contains(Some(a)));
    if ev.shift_key() && (at(first) || outside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || outside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

#[component]
pub fn CaseModal(
    #[prop(into)] case_id: Signal<CaseId>,
    #[prop(into)] tab: Signal<ModalTab>,
    #[prop(into)] on_tab_change: Callback<ModalTab>,
    #[prop(into)] on_close: Callback<()>,
    resources: CaseResources,
    flows: CaseFlows,
    live: LiveCase,
    /// Closed, the dialog stays in the page, hidden (see `CaseDetails`).
    #[prop(into, default = Signal::stored(true))]
    open: Signal<bool>,
) -> impl IntoView {
    let t = use_i18n();
    let uid = next_uid();
    let title_id = format!("cv-{uid}-title");
    let title_ref = title_id.clone();
    let tab_id = move |tab: ModalTab| format!("cv-{uid}-tab-{}", tab.slug());
    let panel_id = move |tab: ModalTab| format!("cv-{uid}-panel-{}", tab.slug());
    let dialog_ref = NodeRef::<leptos::html::Div>::new();

    // Where focus was when the dialog opened: it goes back there on close. A dialog opened from
    // inside another case's dialog (its "Continuar atendimento"), which is hidden as this one
    // shows, gives focus back to where that one was opened from.
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    let give_back = move || {
        let el = opener.try_update_value(Option::take).flatten();
        if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            // (one inside another case's modal, hidden since, cannot take focus)
            if el.is_connected() && el.closest(".cv-overlay[hidden]").ok().flatten().is_none() {
                let _ = el.focus();
            }
        }
    };
    Effect::new(move |_| {
        if !open.get() {
            give_back();
            return;
        }
        let overlay = dialog_ref.get_untracked().and_then(|d| d.parent_element());
        let from = document()
            .active_element()
            .map(|el| opener_behind(el, overlay.as_ref()));
        // kept on the overlay, for a modal opened from inside this one (none: none kept)
        if let Some(o) = &overlay {
            let el = from.as_ref().map_or(wasm_bindgen::JsValue::UNDEFINED, |e| e.into());
            let _ = js_sys::Reflect::set(o, &OPENER.into(), &el);
        }
        opener.set_value(from);
        let id = tab_id(tab.get_untracked());
        request_animation_frame(move || focus_by_id(&id));
    });
    on_cleanup(give_back);

    let visited = live.visited;
    // looking at a tab is seeing what arrived there, and visiting it
    Effect::new(move |_| live.seen(tab.get()));

    let select = move |next: ModalTab, focus: bool| {
        if next != tab.get_untracked() {
            on_tab_change.run(next);
        }
        if focus {
            let id = tab_id(next);
            request_animation_frame(move || focus_by_id(&id));
        }
    };

    let on_dialog_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        } else if ev.key() == "Tab" {
            if let Some(root) = dialog_ref.get() {
                trap_focus(&root, &ev);
            }
        } else if ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() {
            let digit = ev.code().strip_prefix("Digit").and_then(|d| d.parse::<usize>().ok());
            if let Some(next) = digit.and_then(ModalTab::from_number) {
                ev.prevent_default();
                select(next, true);
            }
        }
    };

    let on_tablist_keydown = move |ev: KeyboardEvent| {
        // Arrows move from the focused tab (which may differ from the selected one).
        let focused = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id());
        let current = ModalTab::all()
            .find(|t| focused.as_deref() == Some(tab_id(*t).as_str()))
            .unwrap_or_else(|| tab.get_untracked());
        let next = match ev.key().as_str() {
            "ArrowRight" => current.next(),
            "ArrowLeft" => current.prev(),
            "Home" => ModalTab::first(),
            "End" => ModalTab::last(),
            _ => return,
        };
        ev.prevent_default();
        select(next, true);
    };

    let bar = NodeRef::<leptos::html::Div>::new();
    let shown = strip_fit(bar, tab);
    let tabs = ModalTab::all()
        .map(|item| {
            let selected = move || tab.get() == item;
            let count = move || resources.count(item);
            let unseen = move || live.unseen.with(|u| u[item.index()]);
            view! {
                <button type="button" role="tab" class="cv-tab" id=tab_id(item)
                    aria-selected=move || selected().to_string()
                    aria-controls=panel_id(item)
                    tabindex=move || if selected() { "0" } else { "-1" }
                    class:cv-tab--failed=move || resources.failed(item)
                    class:cv-tab--out=move || shown.with(|s| !s[item.index()])
                    on:click=move |_| select(item, false)>
                    <span class="cv-tab__label">{item.label(t.t())}</span>
                    {move || count().map(|n| view! { <span class="cv-badge">{fmt::count(n, t.locale())}</span> })}
                    {move || {
                        let n = unseen();
                        (n > 0)
                            .then(|| {
                                view! {
                                    <span class="cv-badge cv-badge--new">
                                        <span aria-hidden="true">"+" {n}</span>
                                        <span class="cv-sr-only">{(t.t().live.unseen)(n)}</span>
                                    </span>
                                }
                            })
                    }}
                </button>
            }
            .into_any()
        })
        .collect_view();

    // its own erased view: a part of the dialog's one big view type costs bundle size
    let tabbar = view! {
        <div class="cv-tabbar" node_ref=bar>
            <div class="cv-tabs" role="tablist" aria-label=t.t().tabs_label on:keydown=on_tablist_keydown>
                {tabs}
            </div>
            <MoreTabs shown on_pick=Callback::new(move |item| select(item, true)) menu_id=format!("cv-{uid}-more") />
        </div>
    }
    .into_any();

    let panels = ModalTab::all()
        .map(|item| {
            view! {
                <div
                    role="tabpanel"
                    class="cv-panel"
                    id=panel_id(item)
                    aria-labelledby=tab_id(item)
                    hidden=move || tab.get() != item
                    tabindex="0"
                >
                    <Show when=move || visited.with(|v| v[item.index()])>
                        <TabPanel
                            tab=item
                            case_id=case_id
                            resources=resources
                            flows=flows
                            shown=Signal::from(Memo::new(move |_| open.get() && tab.get() == item))
                        />
                    </Show>
                </div>
            }
        })
        .collect_view();

    view! {
        <div
            class="cv-overlay"
            hidden=move || !open.get()
            on:click=move |ev| {
                if ev.target() == ev.current_target() {
                    on_close.run(())
                }
            }
        >
            <div
                class="cv-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=title_ref
                node_ref=dialog_ref
                on:keydown=on_dialog_keydown
            >
                <header class="cv-dialog__header">
                    <h2 class="cv-dialog__title" id=title_id>
                        {t.t().modal_title}
                    </h2>
                    <span class="cv-dialog__case">{move || (t.t().case_number)(case_id.get())}</span>
                    <LiveStatus live resources />
                    <LocaleSwitch />
                    <button
                        type="button"
                        class="cv-icon-button cv-dialog__close"
                        aria-label=t.t().close
                        title=t.t().close
                        on:click=move |_| on_close.run(())
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </header>
                <LiveNotices live />
                {tabbar}
                <div class="cv-panels">{panels}</div>
            </div>
        </div>
    }
}

/// The overlay's property naming the element its dialog was opened from.
const OPENER: &str = "cvOpener";

/// What a dialog opened from `el` gives focus back to: `el`, or, when `el` is inside another
/// case's overlay (hidden once this one shows), what that one was opened from.
fn opener_behind(el: web_sys::Element, mine: Option<&web_sys::Element>) -> web_sys::Element {
    let Ok(Some(other)) = el.closest(".cv-overlay") else {
        return el;
    };
    if mine.is_some_and(|m| m.is_same_node(Some(&other))) {
        return el;
    }
    js_sys::Reflect::get(&other, &OPENER.into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::Element>().ok())
        .unwrap_or(el)
}
