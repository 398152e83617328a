//! A filter facet as a disclosure button with a list of checkboxes (the values present, with
//! their counts). Esc closes it without closing the dialog; leaving it with Tab closes it too.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::shared::next_uid;

#[derive(Clone, Debug, PartialEq)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// A facet's values (from the domain's list functions) as options, labelled by `label(value,
/// label as the data has it)`.
pub fn facet_options(
    values: &[cvortex_domain::list::FacetValue],
    label: impl Fn(&str, &str) -> String,
) -> Vec<SelectOption> {
    values
        .iter()
        .map(|v| SelectOption {
            value: v.value.clone(),
            label: label(&v.value, &v.label),
            count: v.count,
        })
        .collect()
}

#[component]
pub fn MultiSelect(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<SelectOption>>,
    #[prop(into)] selected: Signal<BTreeSet<String>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let uid = next_uid();
    let panel_id = format!("cv-ms-{uid}");
    let container = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let count = move || selected.with(|s| s.len());

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            ev.prevent_default();
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let next = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = match (container.get_untracked(), next) {
            (Some(c), Some(n)) => c.contains(Some(&n)),
            _ => false,
        };
        if !inside {
            open.set(false);
        }
    };

    view! {
        <div class="cv-ms" node_ref=container on:keydown=on_keydown on:focusout=on_focusout>
            <button type="button" class="cv-ms__button" class:cv-ms__button--active={move || count() > 0} node_ref=button
                aria-expanded=move || open.get().to_string() aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || label.get()}
                {move || (count() > 0).then(|| view! { <span class="cv-badge">{count()}</span> })}
                <span aria-hidden="true" class="cv-ms__caret">"▾"</span>
            </button>
            <div class="cv-ms__panel" id=panel_id.clone() role="group" aria-label=move || label.get() hidden=move || !open.get()>
                <For each=move || options.get() key=|o| o.value.clone() let:o>
                    {
                        let value = o.value.clone();
                        let checked_value = o.value.clone();
                        view! {
                            <label class="cv-ms__option">
                                <input type="checkbox"
                                    prop:checked=move || selected.with(|s| s.contains(&checked_value))
                                    on:change=move |_| on_toggle.run(value.clone()) />
                                <span class="cv-ms__label">{o.label.clone()}</span>
                                <span class="cv-ms__count">{o.count}</span>
                            </label>
                        }
                    }
                </For>
            </div>
        </div>
    }
}
