//! Entry point of the built bundle. On the standalone page (which carries
//! `#cvortex-standalone-config`) it mounts the routed app; on a host page it mounts nothing and
//! the host calls `mountCaseDetails` (or uses `<cvortex-case-details>`).

use wasm_bindgen::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    let standalone = leptos::prelude::document()
        .get_element_by_id("cvortex-standalone-config")
        .is_some();
    if standalone {
        leptos::mount::mount_to_body(cvortex_case_details::standalone::StandaloneApp);
    }
}

/// `mountCaseDetails(element, { caseId, apiBase, getToken, locale?, tab?, timeoutMs? })`: mounts
/// the case-details modal into `element` and returns its handle (see `src/embed.rs`).
#[wasm_bindgen(js_name = mountCaseDetails)]
pub fn mount_case_details(
    element: web_sys::HtmlElement,
    config: JsValue,
) -> Result<cvortex_case_details::embed::CaseDetailsHandle, JsError> {
    cvortex_case_details::embed::mount(element, config)
}
