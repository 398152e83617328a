//! Serves the built app (`dist/`) on the API's origin, with a strict Content-Security-Policy.
//! Trunk writes `nonce="{{__TRUNK NONCE__}}"` on the scripts it injects (`create_nonce`); every
//! answer gets a fresh nonce in both the page and the policy, so no inline script runs without it.

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
        let served = ServeDir::new(&dist)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(req)
            .await;
        return match served {
            Ok(res) if res.status() != StatusCode::NOT_FOUND => res.into_response(),
            _ => (StatusCode::NOT_FOUND, "not found").into_response(),
        };
    }
    let page = match tokio::fs::read_to_string(dist.join("index.html")).await {
        Ok(p) => p,
        Err(_) => return missing_build(),
    };
    let nonce = random_hex(16);
    let mut res = Html(page.replace(NONCE_PLACEHOLDER, &nonce)).into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&csp(&nonce, &state.config.frame_ancestors)) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn missing_build() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Html("<!doctype html><html lang=\"pt-BR\"><title>cVortex sandbox</title><p>O app ainda não foi construído: rode <code>./x run</code>.</p></html>"),
    )
        .into_response()
}
