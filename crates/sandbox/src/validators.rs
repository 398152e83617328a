//! Validators on every read: each complete `200` answer to a `GET` gets a weak `ETag` made from
//! its bytes, and a request whose `If-None-Match` names the current one gets `304 Not Modified`
//! with no body. With `Cache-Control: private, no-cache` the browser keeps the answer and
//! revalidates it on every use (reopening a case, "Tentar novamente", the silent reloads), so an
//! unchanged list never crosses the wire twice, and the app needs no code for it.
//!
//! The hash is SipHash (the standard library's, fast enough to tag a 5 MB list in a few
//! milliseconds): not a defence against someone crafting a collision, which would need writing
//! into the caller's own tenant and would only keep that caller's own copy stale.
//!
//! It wraps the fault injector, so the tag always names the bytes actually sent (a fault's body
//! too: once the fault is gone the tags differ and the real answer is sent). A body of no known
//! length (the event stream, a connection the fault injector drops) passes untouched.

use std::hash::{DefaultHasher, Hasher};

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub const CACHE_CONTROL: &str = "private, no-cache";

pub async fn etag(req: Request, next: Next) -> Response {
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let wanted = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || res.body().size_hint().exact().is_none() {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return crate::error::AppError::internal("internal error").into_response();
    };
    tagged(parts, bytes, wanted.as_ref(), CACHE_CONTROL)
}

/// The answer `parts` + `bytes` with a weak `ETag` of its bytes and `cache_control`, or `304 Not
/// Modified` when `wanted` (the request's `If-None-Match`) names that tag. The app's fixed-name
/// files use it too (`crate::web`).
pub fn tagged(
    mut parts: axum::http::response::Parts,
    bytes: axum::body::Bytes,
    wanted: Option<&HeaderValue>,
    cache_control: &'static str,
) -> Response {
    // the headers that say what the bytes are belong to the answer too (a file's type and name,
    // and its encoding: the brotli and the gzip copy of a file are different bytes)
    let mut hasher = DefaultHasher::new();
    for name in [
        header::CONTENT_TYPE,
        header::CONTENT_DISPOSITION,
        header::CONTENT_ENCODING,
    ] {
        hasher.write(parts.headers.get(&name).map_or(&b""[..], |v| v.as_bytes()));
        hasher.write_u8(0);
    }
    hasher.write(&bytes);
    let tag = format!("W/\"{:016x}-{:x}\"", hasher.finish(), bytes.len());
    let tag_value = HeaderValue::from_str(&tag).expect("hex digits and quotes");
    parts.headers.insert(header::ETAG, tag_value.clone());
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    if wanted.and_then(|w| w.to_str().ok()).is_some_and(|w| names(w, &tag)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        let h = not_modified.headers_mut();
        h.insert(header::ETAG, tag_value);
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
        if let Some(vary) = parts.headers.get(header::VARY) {
            h.insert(header::VARY, vary.clone());
        }
        return not_modified;
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an `If-None-Match` list names `tag`, by the weak comparison `GET` uses (`W/` ignored).
pub fn names(if_none_match: &str, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let tag = opaque(tag);
    if_none_match.trim() == "*" || if_none_match.split(',').any(|t| opaque(t) == tag)
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn if_none_match_is_compared_weakly_and_as_a_list() {
        let tag = "W/\"00ab-10\"";
        assert!(names("W/\"00ab-10\"", tag));
        assert!(names("\"00ab-10\"", tag));
        assert!(names("\"x\", W/\"00ab-10\"", tag));
        assert!(names("*", tag));
        assert!(!names("W/\"00ab-11\"", tag));
        assert!(!names("", tag));
    }
}
