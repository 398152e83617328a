//! The open case's event stream, `GET /v1/cases/{id}/events` (`text/event-stream`): opened with
//! `fetch`, not `EventSource`, so it carries the bearer header and its one refresh on 401, and
//! read chunk by chunk as text (the SSE framing is parsed by `cvortex_domain::sse`).

use cvortex_domain::CaseId;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, ReadableStreamReadResult, TextDecodeOptions, TextDecoder};

use super::{reads, ApiClient, ApiError};

/// The stream stays open as long as the case does: no request timeout (the caller's watchdog
/// aborts a stream that falls silent). The longest a browser timer takes, about 24 days.
const NO_TIMEOUT_MS: u32 = i32::MAX as u32;

/// An open stream's body.
pub struct EventStream {
    reader: ReadableStreamDefaultReader,
    decoder: TextDecoder,
    options: TextDecodeOptions,
}

impl ApiClient {
    /// Opens the case's stream, resuming after `last_id` when given (`Last-Event-ID`).
    pub async fn open_events(
        &self,
        id: CaseId,
        last_id: Option<&str>,
        caller: &AbortSignal,
    ) -> Result<EventStream, ApiError> {
        let url = self.url(&reads::of_case(id, "events"));
        let mut headers = vec![("Accept", "text/event-stream")];
        if let Some(last) = last_id {
            headers.push(("Last-Event-ID", last));
        }
        let res = self
            .send_within(caller, "GET", &url, &headers, None, NO_TIMEOUT_MS)
            .await?;
        let status = res.status();
        if !(200..300).contains(&status) {
            let retry_after = res.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
            let text = res.text().await.map_err(|_| ApiError::Network)?;
            return Err(ApiError::from_status(status, &text, retry_after));
        }
        let raw: web_sys::Response = res.into();
        let body = raw.body().ok_or(ApiError::Network)?;
        let options = TextDecodeOptions::new();
        // a character split across two chunks is decoded once both are in
        options.set_stream(true);
        Ok(EventStream {
            reader: body.get_reader().unchecked_into(),
            decoder: TextDecoder::new().map_err(|_| ApiError::Network)?,
            options,
        })
    }
}

impl EventStream {
    /// The next chunk of text; `None` when the server ended the stream; an error when it was cut
    /// or aborted.
    pub async fn next(&self) -> Result<Option<String>, ApiError> {
        let read = JsFuture::from(self.reader.read())
            .await
            .map_err(|_| ApiError::Network)?;
        let read: ReadableStreamReadResult = read.unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(None);
        }
        let chunk: js_sys::Object = read.get_value().unchecked_into();
        self.decoder
            .decode_with_buffer_source_and_options(&chunk, &self.options)
            .map(Some)
            .map_err(|_| ApiError::Network)
    }
}
