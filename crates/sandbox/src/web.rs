//! Serves the built app (`dist/`) on the API's origin, with a strict Content-Security-Policy.
//! Trunk writes `nonce="{{__TRUNK NONCE__}}"` on the scripts it injects (`create_nonce`); every
//! answer gets a fresh nonce in both the page and the policy, so no inline script runs without it.
//! Files with content-hashed names are cached for a year (`immutable`); the fixed-name loader is
//! revalidated on every load by a tag of its bytes; pages are never stored (their nonce is per answer).

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::state::{random_hex, AppState};

pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The policy of the app's pages. Scripts: same origin and the per-answer nonce, wasm compiled with
/// `wasm-unsafe-eval`, never `unsafe-inline` or `unsafe-eval`. Styles allow inline (styles only,
/// not scripts): a list sets its columns in a `style` attribute, and an e-mail's preview (a
/// `srcdoc` frame, which inherits this policy) carries its own `<style>`.
pub fn csp(nonce: &str, frame_ancestors: &str) -> String {
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        "style-src 'self' 'unsafe-inline'".to_string(),
        "img-src 'self' data: blob:".to_string(),
        "font-src 'self'".to_string(),
        "connect-src 'self'".to_string(),
        "frame-src 'self' blob:".to_string(),
        "worker-src 'self' blob:".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        format!("frame-ancestors {frame_ancestors}"),
    ]
    .join("; ")
}

/// Any path that is not a file of `dist/`: the app's page (client-side routes such as `/casos/7`).
pub async fn app(State(state): State<AppState>, req: Request) -> Response {
    let Some(dist) = state.config.dist.clone() else {
        return missing_build();
    };
    let path = req.uri().path().to_string();
    let looks_like_file = path.rsplit('/').next().is_some_and(|last| last.contains('.'));
    if looks_like_file && path != "/index.html" {
        let hashed = is_hashed(&path);
        let mut req = req;
        // a fixed name is revalidated by its ETag alone: a deploy may keep a file's date
        req.headers_mut().remove(header::IF_MODIFIED_SINCE);
        let wanted = req.headers().get(header::IF_NONE_MATCH).cloned();
        let served = ServeDir::new(&dist)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(req)
            .await;
        let res = match served {
            Ok(res) if res.status() != StatusCode::NOT_FOUND => res.into_response(),
            _ => return (StatusCode::NOT_FOUND, "not found").into_response(),
        };
        // An HTML file, by whatever spelling of its path (`//index.html`, `/%69ndex.html`,
        // `/examples/host.html`), is a page too: it gets the policy, or it could be framed.
        let is_html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if !is_html {
            return cached(res, hashed, wanted.as_ref()).await;
        }
        let Ok(bytes) = axum::body::to_bytes(res.into_body(), MAX_PAGE_BYTES).await else {
            return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
        };
        return page(&String::from_utf8_lossy(&bytes), &state.config.frame_ancestors);
    }
    match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(p) => page(&p, &state.config.frame_ancestors),
        Err(_) => missing_build(),
    }
}

/// Whether a path names a file the build gave a content-hashed name
/// (`app-0123456789abcdef.css`, `…-0123456789abcdef_bg.wasm`: scripts/fingerprint.mjs).
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = [".css", ".js", "_bg.wasm"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext));
    stem.and_then(|s| s.rsplit_once('-'))
        .is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

/// How long a browser keeps a file. A hashed name always means the same bytes: kept a year and
/// never revalidated. Any other (the custom-element loader a host page imports by its path, the
/// examples): revalidated on every load, by a tag of its bytes, so a deploy takes effect at once
/// and the loader never names files of an older build.
async fn cached(res: Response, hashed: bool, wanted: Option<&HeaderValue>) -> Response {
    if res.status() != StatusCode::OK {
        return res;
    }
    let mut res = res;
    // the brotli, gzip and plain copies share a URL: a cache must not give one for another
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if hashed {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        return res;
    }
    let (mut parts, body) = res.into_parts();
    parts.headers.remove(header::LAST_MODIFIED);
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FILE_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
    };
    crate::validators::tagged(parts, bytes, wanted, "no-cache")
}

/// The largest page served (the app's is ~1 KB; it is read whole to add the nonce).
const MAX_PAGE_BYTES: usize = 1 << 20;
/// The largest fixed-name file served (it is read whole to tag it: the loader is ~1 KB, but a
/// build without hashed names serves its 1.3 MB wasm this way).
const MAX_FILE_BYTES: usize = 64 << 20;

/// A page with a fresh nonce in its scripts and in its policy, never cached (the nonce is
/// per answer).
fn page(html: &str, frame_ancestors: &str) -> Response {
    let nonce = random_hex(16);
    let mut res = Html(html.replace(NONCE_PLACEHOLDER, &nonce)).into_response();
    let h = res.headers_mut();
    // the policy is checked at start (`valid_frame_ancestors`): a page never goes out without it
    match HeaderValue::from_str(&csp(&nonce, frame_ancestors)) {
        Ok(v) => h.insert(header::CONTENT_SECURITY_POLICY, v),
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response(),
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Whether `value` is a `frame-ancestors` source list: `'none'` alone, or `'self'`, `*`,
/// schemes (`https:`) and hosts (`https://shell.example.com`, `*.example.com:8443`). Anything
/// else (a `;` that would end the directive, quotes, control characters) stops the sandbox at
/// start instead of silently dropping the whole policy.
pub fn valid_frame_ancestors(value: &str) -> bool {
    // a header value: printable ASCII and spaces only (a newline would make the header invalid)
    if !value.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
        return false;
    }
    let sources: Vec<&str> = value.split_ascii_whitespace().collect();
    // `self` and `none` without their quotes are host names to a browser, and never what was meant
    if sources.is_empty() || sources.iter().any(|s| *s == "self" || *s == "none") {
        return false;
    }
    if sources.contains(&"'none'") {
        return sources.len() == 1;
    }
    sources
        .iter()
        .all(|s| *s == "'self'" || *s == "*" || scheme_source(s) || host_source(s))
}

fn scheme_source(s: &str) -> bool {
    s.strip_suffix(':').is_some_and(|scheme| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

fn host_source(s: &str) -> bool {
    let rest = match s.split_once("://") {
        Some((scheme, rest)) => {
            if !scheme_source(&format!("{scheme}:")) {
                return false;
            }
            rest
        }
        None => s,
    };
    let (host_port, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (host_port, None),
    };
    let host = host.strip_prefix("*.").unwrap_or(host);
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && port.is_none_or(|p| p == "*" || (!p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        && path.chars().all(|c| c.is_ascii_graphic() && !";,'\"".contains(c))
}

fn missing_build() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Html("<!doctype html><html lang=\"pt-BR\"><title>cVortex sandbox</title><p>O app ainda não foi construído: rode <code>./x run</code>.</p></html>"),
    )
        .into_response()
}
