//! Telling the host page what happens: bubbling, composed DOM `CustomEvent`s dispatched on the
//! element the widget is mounted in (`cvortex:close`, `cvortex:tab-change`,
//! `cvortex:continue-case`, `cvortex:cases-unified`, `cvortex:attachment-uploaded`). In the
//! standalone app there is no host: emitting does nothing.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

#[derive(Clone, Default)]
pub struct HostEvents {
    target: Option<SendWrapper<EventTarget>>,
}

impl HostEvents {
    pub fn on(target: EventTarget) -> Self {
        HostEvents {
            target: Some(SendWrapper::new(target)),
        }
    }

    /// Dispatches `name` with `detail`, a plain JS object of these fields (built with
    /// [`object`], [`num`] and [`nums`]: building JSON text to parse it again cost bundle size).
    pub fn emit(&self, name: &str, detail: &[(&str, JsValue)]) {
        let Some(target) = &self.target else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object(detail));
        if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&ev);
        }
    }
}

/// A plain JS object of `fields`.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// An id or a time as a JS number.
pub fn num(n: i64) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// Ids as a JS array of numbers.
pub fn nums(ns: &[i64]) -> JsValue {
    ns.iter().map(|&n| num(n)).collect::<js_sys::Array>().into()
}

pub fn provide_host_events(events: HostEvents) {
    provide_context(events);
}

/// The host's event channel, or a silent one (standalone).
pub fn use_host_events() -> HostEvents {
    use_context::<HostEvents>().unwrap_or_default()
}
