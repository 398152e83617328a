//! Files over the API: downloading an attachment's bytes, and uploading one with progress (XHR:
//! `fetch` cannot report upload progress) and a way to cancel.

use std::cell::RefCell;
use std::rc::Rc;

use cvortex_domain::{Attachment, CaseId};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, File, ProgressEvent, XmlHttpRequest};

use super::{parse, read_body, ApiClient, ApiError, Body};

/// Cancels an upload on its way.
#[derive(Clone)]
pub struct UploadCancel(SendWrapper<Rc<RefCell<Option<XmlHttpRequest>>>>);

impl Default for UploadCancel {
    fn default() -> Self {
        UploadCancel(SendWrapper::new(Rc::new(RefCell::new(None))))
    }
}

impl UploadCancel {
    pub fn cancel(&self) {
        if let Some(xhr) = self.0.borrow_mut().take() {
            let _ = xhr.abort();
        }
    }
}

/// How long an upload may take (they can be large): far longer than a read.
const UPLOAD_TIMEOUT_MS: u32 = 120_000;

impl ApiClient {
    /// `GET /v1/cases/{id}/attachments/{aid}/content`: the file's bytes, kept in JavaScript (wasm
    /// memory never shrinks: a file copied in would hold its size there for the page's life).
    pub async fn attachment_bytes(
        &self,
        id: CaseId,
        attachment_id: i64,
        s: &AbortSignal,
    ) -> Result<js_sys::Uint8Array, ApiError> {
        let url = self.url(&format!("/v1/cases/{id}/attachments/{attachment_id}/content"));
        let res = self.send(s, "GET", &url, &[], None).await?;
        if !(200..300).contains(&res.status()) {
            return Err(read_body(res, None).await.err().unwrap_or(ApiError::Network));
        }
        let buffer = web_sys::Response::from(res)
            .array_buffer()
            .map_err(|_| ApiError::Network)?;
        let buffer = JsFuture::from(buffer).await.map_err(|_| ApiError::Network)?;
        Ok(js_sys::Uint8Array::new(&buffer))
    }

    /// `POST /v1/cases/{id}/attachments?file_name=…`: the file as the body, with its idempotency
    /// key. `progress(sent, total)` follows the bytes; `cancel` can stop it.
    pub async fn upload(
        &self,
        id: CaseId,
        file: &File,
        idempotency_key: &str,
        progress: Rc<dyn Fn(f64, f64)>,
        cancel: &UploadCancel,
    ) -> Result<Attachment, ApiError> {
        let url = self.url(&format!(
            "/v1/cases/{id}/attachments?file_name={}",
            String::from(js_sys::encode_uri_component(&file.name()))
        ));
        let mut refused: Option<String> = None;
        loop {
            let token = self.token(refused.as_deref()).await?;
            let (status, body, retry_after) =
                send_xhr(&url, &token, idempotency_key, file, progress.clone(), cancel).await?;
            if status == 401 && refused.is_none() {
                refused = Some(token);
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(ApiError::from_status(status, &body, retry_after));
            }
            return parse(Body::Text(body));
        }
    }
}

async fn send_xhr(
    url: &str,
    token: &str,
    key: &str,
    file: &File,
    progress: Rc<dyn Fn(f64, f64)>,
    cancel: &UploadCancel,
) -> Result<(u16, String, Option<u32>), ApiError> {
    let fail = |_| ApiError::Network;
    let xhr = XmlHttpRequest::new().map_err(fail)?;
    xhr.open_with_async("POST", url, true).map_err(fail)?;
    let mime = if file.type_().is_empty() {
        "application/octet-stream".to_string()
    } else {
        file.type_()
    };
    for (k, v) in [
        ("Authorization", format!("Bearer {token}")),
        ("Idempotency-Key", key.to_string()),
        ("Content-Type", mime),
        ("Accept", "application/json".to_string()),
    ] {
        xhr.set_request_header(k, &v).map_err(fail)?;
    }
    xhr.set_timeout(UPLOAD_TIMEOUT_MS);
    let on_progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() {
            progress(e.loaded(), e.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    // settles with the name of the event that ended the request
    let outcome = js_sys::Promise::new(&mut |resolve, _| {
        for event in ["load", "error", "abort", "timeout"] {
            let resolve = resolve.clone();
            let cb = Closure::once_into_js(move || {
                let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &event.into());
            });
            let _ = xhr.add_event_listener_with_callback(event, cb.unchecked_ref());
        }
    });
    *cancel.0.borrow_mut() = Some(xhr.clone());
    xhr.send_with_opt_blob(Some(file)).map_err(fail)?;
    let ended = JsFuture::from(outcome).await.ok().and_then(|v| v.as_string());
    cancel.0.borrow_mut().take();
    drop(on_progress);
    match ended.as_deref() {
        Some("load") => {
            let retry_after = xhr
                .get_response_header("retry-after")
                .ok()
                .flatten()
                .and_then(|v| v.trim().parse().ok());
            Ok((
                xhr.status().unwrap_or(0),
                xhr.response_text().ok().flatten().unwrap_or_default(),
                retry_after,
            ))
        }
        Some("abort") => Err(ApiError::Aborted),
        Some("timeout") => Err(ApiError::Timeout),
        _ => Err(ApiError::Network),
    }
}
