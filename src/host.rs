//! Telling the host page what happens: bubbling, composed DOM `CustomEvent`s dispatched on the
//! element the widget is mounted in (`cvortex:close`, `cvortex:tab-change`,
//! `cvortex:continue-case`, `cvortex:cases-unified`, `cvortex:attachment-uploaded`). In the
//! standalone app there is no host: emitting does nothing.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
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

    /// Dispatches `name` with `detail` (a JSON value, turned into a plain JS object).
    pub fn emit(&self, name: &str, detail: serde_json::Value) {
        let Some(target) = &self.target else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(d) = js_sys::JSON::parse(&detail.to_string()) {
            init.set_detail(&d);
        }
        if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&ev);
        }
    }
}

pub fn provide_host_events(events: HostEvents) {
    provide_context(events);
}

/// The host's event channel, or a silent one (standalone).
pub fn use_host_events() -> HostEvents {
    use_context::<HostEvents>().unwrap_or_default()
}
