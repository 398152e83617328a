//! Saving bytes as a file the user downloads, under a name made safe first (no path, no control or
//! bidi characters): the browser gets an object URL and a `download` name, nothing else.

use cvortex_domain::files::safe_file_name;
use wasm_bindgen::JsCast;

/// The browser refused to make the file (out of memory, no document...).
#[derive(Debug)]
pub struct SaveFailed;

/// Saves the concatenation of `parts` (Uint8Arrays and Blobs), which the browser joins without a
/// copy through wasm memory.
pub fn save_parts(parts: &js_sys::Array, name: &str, mime: &str) -> Result<(), SaveFailed> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &opts).map_err(|_| SaveFailed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| SaveFailed)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| SaveFailed)?.unchecked_into();
    a.set_href(&url);
    a.set_download(&safe_file_name(name));
    a.set_rel("noopener");
    a.click();
    // the click has started the download; the URL can go once the event loop moves on
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
