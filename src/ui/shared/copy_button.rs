//! Copies a value to the clipboard, saying so (visibly and to screen readers).

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::use_i18n;

/// Whether the write succeeded. Uses `navigator.clipboard.writeText` (secure contexts only).
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let Ok(write) =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    match write
        .call1(&clipboard, &JsValue::from_str(text))
        .map(js_sys::Promise::from)
    {
        Ok(p) => JsFuture::from(p).await.is_ok(),
        Err(_) => false,
    }
}

use wasm_bindgen::JsCast;

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Idle,
    Done,
    Failed,
}

/// A small button after a value. `what` names the value for the accessible label ("Copiar e-mail").
#[component]
pub fn CopyButton(#[prop(into)] value: String, #[prop(into)] what: Signal<String>) -> impl IntoView {
    let t = use_i18n();
    let state = RwSignal::new(Copied::Idle);
    let value = StoredValue::new(value);
    let on_click = move |_| {
        let text = value.get_value();
        leptos::task::spawn_local(async move {
            let ok = write_clipboard(&text).await;
            state.set(if ok { Copied::Done } else { Copied::Failed });
            crate::api::sleep(1500).await;
            let _ = state.try_set(Copied::Idle);
        });
    };
    view! {
        <button
            type="button"
            class="cv-copy"
            on:click=on_click
            aria-label=(t.t().copy)(&what.get_untracked())
            title=(t.t().copy)(&what.get_untracked())
        >
            {move || {
                if state.get() == Copied::Done {
                    view! {
                        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
                            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="1.8" />
                        </svg>
                    }
                        .into_any()
                } else {
                    view! {
                        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
                            <rect
                                x="5"
                                y="5"
                                width="9"
                                height="9"
                                rx="1.5"
                                fill="none"
                                stroke="currentColor"
                                stroke-width="1.4"
                            />
                            <path
                                d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"
                                fill="none"
                                stroke="currentColor"
                                stroke-width="1.4"
                            />
                        </svg>
                    }
                        .into_any()
                }
            }}
        </button>
        <span class="cv-copy__status" role="status" aria-live="polite">
            {move || match state.get() {
                Copied::Idle => "",
                Copied::Done => t.t().copied,
                Copied::Failed => t.t().copy_failed,
            }}
        </span>
    }
}
