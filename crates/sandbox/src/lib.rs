//! The sandbox: a reference backend of the case-details contract (axum over a SQLite file), with
//! demo data, synthetic large data sets and fault injection, serving the built app on one origin.

pub mod activity;
pub mod admin;
pub mod auth;
pub mod cli;
pub mod dataset;
pub mod db;
pub mod demo;
pub mod error;
pub mod faults;
pub mod generate;
pub mod hostile;
pub mod live;
pub mod openapi;
pub mod password;
pub mod routes;
pub mod state;
pub mod store;
pub mod throttle;
pub mod validators;
pub mod web;

use axum::http::{header, HeaderValue};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::AppError;
use crate::state::AppState;

/// The whole server: `/v1` API (with fault injection when enabled), `/__sandbox` controls (only
/// when enabled), and the app on every other path.
pub fn router(state: AppState) -> Router {
    // validators outside the fault injector: a tag names the bytes actually sent
    let api = routes::api()
        .route_layer(from_fn_with_state(state.clone(), faults::inject))
        .route_layer(axum::middleware::from_fn(validators::etag));
    let mut app = Router::new().merge(api);
    if state.faults.is_some() {
        app = app.merge(admin::router(&state));
    }
    app.fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed)
        // API answers are compressed on the fly: the fastest level (a 5 MB list at the default
        // level took longer to compress than to build; the app's files come precompressed)
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::internal("unexpected server error").into_response()
        }))
        .with_state(state)
}

async fn fallback(state: axum::extract::State<AppState>, req: axum::extract::Request) -> Response {
    let path = req.uri().path();
    if path.starts_with("/v1/") || path == "/v1" || path.starts_with("/__sandbox") {
        return AppError::not_found("route").into_response();
    }
    web::app(state, req).await
}

async fn method_not_allowed() -> Response {
    AppError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        cvortex_domain::codes::BAD_REQUEST,
        "method not allowed",
    )
    .into_response()
}
