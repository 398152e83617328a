//! Standalone entry: mounts the routed app on the page's body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cvortex_case_details::standalone::StandaloneApp);
}
