//! The tab strip's fit: tabs that do not fit the strip's width go to a "Mais" menu (the WAI-ARIA
//! menu-button pattern) instead of being scrolled out of sight, and the selected tab is always
//! shown (`cvortex_domain::tab_strip::fit`). Every tab stays rendered, the hidden ones taken
//! out of the flow and invisible, so their natural widths can be measured as labels, badges and
//! the locale change.

use cvortex_domain::tab_strip::fit;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::i18n::use_i18n;
use crate::tabs::{ModalTab, TAB_COUNT};
use crate::ui::shared::observe_size;

const FIRST: i32 = 0;
const LAST: i32 = i32::MIN;

/// The room the "Mais" button takes before it has been measured.
const MORE_WIDTH: f64 = 96.0;

/// Whether each tab is shown in the strip, kept up to date by a ResizeObserver on the bar (its
/// width) and on every tab (their widths).
pub fn strip_fit(bar: NodeRef<leptos::html::Div>, selected: Signal<ModalTab>) -> Memo<Vec<bool>> {
    // (each tab's width, the bar's width, the menu button's width)
    let sizes = RwSignal::new((Vec::<f64>::new(), 0.0f64, MORE_WIDTH));
    observe_size(bar, "[role=tab], .cv-more > button", move |root| {
        let width = |e: &web_sys::Element| e.get_bounding_client_rect().width().ceil();
        let tabs = root.query_selector_all("[role=tab]").ok();
        let widths: Vec<f64> = tabs
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i)?.dyn_into().ok())
                    .map(|e| width(&e))
                    .collect()
            })
            .unwrap_or_default();
        let more = root
            .query_selector(".cv-more > button")
            .ok()
            .flatten()
            .map_or(MORE_WIDTH, |b| width(&b).max(1.0));
        let next = (widths, root.client_width() as f64, more);
        if sizes.with_untracked(|s| *s != next) {
            sizes.set(next);
        }
    });
    Memo::new(move |_| {
        let selected = selected.get().index();
        sizes.with(|(widths, bar, more)| {
            // before the first measure every tab shows
            if widths.len() != TAB_COUNT || *bar <= 0.0 {
                vec![true; TAB_COUNT]
            } else {
                fit(widths, *bar, *more, selected)
            }
        })
    })
}

/// The "Mais" menu button and its menu of the tabs the strip has no room for. Choosing one
/// selects it (and the strip then shows it). Escape closes the menu, not the dialog. Every
/// tab has its item, hidden while the strip shows the tab.
#[component]
pub fn MoreTabs(shown: Memo<Vec<bool>>, on_pick: Callback<ModalTab>, menu_id: String) -> impl IntoView {
    let t = use_i18n();
    let open = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    // moves focus among the menu's items: `step` from the focused one (FIRST, LAST: those)
    let focus_item = move |step: i32| {
        let Some(items) = root
            .get_untracked()
            .and_then(|m| m.query_selector_all("[role=menuitem]:not([hidden])").ok())
        else {
            return;
        };
        let items: Vec<HtmlElement> = (0..items.length())
            .filter_map(|i| items.item(i)?.dyn_into().ok())
            .collect();
        let n = items.len() as i32;
        let active = document().active_element();
        let at = items
            .iter()
            .position(|i| active.as_ref() == Some(i.unchecked_ref::<web_sys::Element>()));
        let next = match (at, step) {
            (_, FIRST) | (None, 1) => 0,
            (_, LAST) | (None, _) => n - 1,
            (Some(i), _) => (i as i32 + step).rem_euclid(n.max(1)),
        };
        if let Some(item) = items.get(next as usize) {
            let _ = item.focus();
        }
    };
    // the strip can change under an open menu (a badge widens a tab, the window grows): an item
    // focus was on may hide, or every item, and focus must not fall out of the dialog
    Effect::new(move |_| {
        let none_left = shown.with(|s| s.iter().all(|s| *s));
        if open.get_untracked() {
            if none_left {
                open.set(false);
            }
            request_animation_frame(move || {
                let active = document().active_element();
                let Some(root) = root.get_untracked() else { return };
                let inside = active
                    .as_ref()
                    .is_some_and(|a| root.contains(Some(a)) && !a.has_attribute("hidden"));
                if none_left {
                    crate::ui::modal::focus_selected_tab(&root);
                } else if !inside {
                    focus_item(FIRST);
                }
            });
        }
    });
    let show = move |step: i32| {
        open.set(true);
        request_animation_frame(move || focus_item(step));
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let in_menu = open.get_untracked();
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" if in_menu => FIRST,
            "End" if in_menu => LAST,
            "Escape" if in_menu => {
                // the menu closes; the dialog stays
                ev.stop_propagation();
                ev.prevent_default();
                open.set(false);
                if let Some(b) = root.get_untracked().and_then(|r| r.first_element_child()) {
                    let _ = b.unchecked_into::<HtmlElement>().focus();
                }
                return;
            }
            "Tab" => {
                open.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if in_menu {
            focus_item(step);
        } else {
            show(step);
        }
    };
    // focus moving elsewhere closes the menu; a click elsewhere too (WebKit does not focus a
    // clicked button, so its focusout names no target: that one alone is not "elsewhere")
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let Some(to) = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
            return;
        };
        if !root.get_untracked().is_some_and(|r| r.contains(Some(&to))) {
            open.set(false);
        }
    };
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let on = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if open.get_untracked() && !root.get_untracked().is_some_and(|r| r.contains(on.as_ref())) {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let count = move || shown.with(|s| s.iter().filter(|s| !**s).count());
    let items = ModalTab::all()
        .map(|tab| {
            view! {
                <button
                    type="button"
                    role="menuitem"
                    class="cv-more__item"
                    tabindex="-1"
                    hidden=move || shown.with(|s| s[tab.index()])
                    on:click=move |_| {
                        open.set(false);
                        on_pick.run(tab);
                    }
                >
                    {tab.label(t.t())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="cv-more" class:cv-more--unused=move || count() == 0 node_ref=root on:focusout=on_focusout on:keydown=on_keydown>
            <button
                type="button"
                class="cv-tab"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=menu_id.clone()
                on:click=move |_| if open.get_untracked() { open.set(false) } else { show(FIRST) }
            >
                {move || (t.t().more_tabs)(count())}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="cv-more__menu" role="menu" id=menu_id hidden=move || !open.get() aria-label=t.t().tabs_label>
                {items}
            </div>
        </div>
    }
}
