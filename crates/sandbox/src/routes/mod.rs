//! The `/v1` API: one module per resource, all scoped to the case open in the modal.

mod attachments;
mod cases;
pub mod events;
mod lists;
mod session;
mod unification;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{request::Parts, StatusCode};
use axum::routing::{delete, get, post};
use axum::Router;
use cvortex_domain::{codes, CaseId};
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::state::AppState;

/// One operation of the contract. The fault injector names routes by `name`; the OpenAPI
/// generator describes every entry, and a test checks that both lists agree.
#[derive(Clone, Copy, Debug)]
pub struct RouteInfo {
    pub name: &'static str,
    pub method: &'static str,
    pub path: &'static str,
}

macro_rules! routes {
    ($($name:literal $method:literal $path:literal),* $(,)?) => {
        pub const ROUTES: &[RouteInfo] = &[$(RouteInfo { name: $name, method: $method, path: $path }),*];
    };
}

routes! {
    "login" "POST" "/v1/auth/login",
    "cases" "GET" "/v1/cases",
    "case" "GET" "/v1/cases/{case_id}",
    "history" "GET" "/v1/cases/{case_id}/history",
    "customer_cases" "GET" "/v1/cases/{case_id}/customer-cases",
    "unify" "POST" "/v1/cases/{case_id}/unifications",
    "undo" "DELETE" "/v1/cases/{case_id}/unifications/{unification_id}",
    "calls" "GET" "/v1/cases/{case_id}/calls",
    "interactions" "GET" "/v1/cases/{case_id}/interactions",
    "sla" "GET" "/v1/cases/{case_id}/sla",
    "attachments" "GET" "/v1/cases/{case_id}/attachments",
    "upload" "POST" "/v1/cases/{case_id}/attachments",
    "attachment_content" "GET" "/v1/cases/{case_id}/attachments/{attachment_id}/content",
    "surveys" "GET" "/v1/cases/{case_id}/surveys",
    "events" "GET" "/v1/cases/{case_id}/events",
}

pub fn route_named(method: &str, path: &str) -> Option<&'static RouteInfo> {
    ROUTES.iter().find(|r| r.method == method && r.path == path)
}

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/v1/auth/login", post(session::login))
        .route("/v1/cases", get(cases::list))
        .route("/v1/cases/{case_id}", get(cases::details))
        .route("/v1/cases/{case_id}/history", get(lists::history))
        .route("/v1/cases/{case_id}/customer-cases", get(cases::customer_cases))
        .route("/v1/cases/{case_id}/unifications", post(unification::create))
        .route(
            "/v1/cases/{case_id}/unifications/{unification_id}",
            delete(unification::undo),
        )
        .route("/v1/cases/{case_id}/calls", get(lists::calls))
        .route("/v1/cases/{case_id}/interactions", get(lists::interactions))
        .route("/v1/cases/{case_id}/sla", get(lists::sla))
        .route(
            "/v1/cases/{case_id}/attachments",
            get(attachments::list).post(attachments::upload),
        )
        .route(
            "/v1/cases/{case_id}/attachments/{attachment_id}/content",
            get(attachments::content),
        )
        .route("/v1/cases/{case_id}/surveys", get(lists::surveys))
        .route("/v1/cases/{case_id}/events", get(events::stream))
}

/// JSON body whose rejection (bad JSON, wrong types, wrong content type) is the contract's error.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rej) => Err(match rej {
                JsonRejection::JsonDataError(e) => {
                    AppError::new(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION, e.body_text())
                }
                JsonRejection::MissingJsonContentType(e) => AppError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    codes::UNSUPPORTED_TYPE,
                    e.body_text(),
                ),
                other => AppError::bad_request(other.body_text()),
            }),
        }
    }
}

/// The path's ids. A non-numeric id names no case: 404, in the contract's shape.
pub struct Ids {
    pub case_id: CaseId,
    pub sub_id: Option<i64>,
}

impl<S: Send + Sync> FromRequestParts<S> for Ids {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) = axum::extract::Path::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found("case"))?;
        let get = |name: &str| raw.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let case_id = get("case_id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| AppError::not_found("case"))?;
        let sub = raw.iter().find(|(k, _)| k != "case_id").map(|(_, v)| v.parse::<i64>());
        let sub_id = match sub {
            None => None,
            Some(Ok(v)) => Some(v),
            Some(Err(_)) => return Err(AppError::not_found("resource")),
        };
        Ok(Ids { case_id, sub_id })
    }
}
