//! One ResizeObserver per component that follows sizes: on its root element, and on the root's
//! descendants a selector picks (read when the root mounts), disconnected with its owner.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Calls `on_resize` with the root whenever the root or one of the descendants `also` selects
/// ("" for none) changes size, and once after they are first laid out (a ResizeObserver always
/// reports its targets' first size, before they are painted).
pub fn observe_size(root: NodeRef<Div>, also: &'static str, on_resize: impl Fn(&HtmlElement) + Clone + 'static) {
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn Fn(js_sys::Array)>)>);
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let target: HtmlElement = el.clone().into();
        let on_resize = on_resize.clone();
        let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |_| on_resize(&target));
        let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
            return;
        };
        ro.observe(&el);
        if let Some(items) = (!also.is_empty()).then(|| el.query_selector_all(also).ok()).flatten() {
            for e in (0..items.length()).filter_map(|i| items.item(i)?.dyn_into::<Element>().ok()) {
                ro.observe(&e);
            }
        }
        if let Some(Some((old, _))) = observer.try_update_value(|o| o.replace((ro, cb))) {
            old.disconnect();
        }
    });
    on_cleanup(move || {
        if let Some(Some((ro, _))) = observer.try_update_value(Option::take) {
            ro.disconnect();
        }
    });
}
