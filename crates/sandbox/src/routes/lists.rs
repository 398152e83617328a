//! The read-only lists of a case.

use axum::extract::State;
use axum::Json;
use cvortex_domain::{InteractionList, SlaList};
use rusqlite::params;
use serde::Serialize;
use serde_json::value::RawValue;

use super::Ids;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::{now_ms, AppState};
use crate::store;

/// `{"items": […]}` of stored items (`store::items_json`): the shape of `HistoryList` and
/// `CallList` (the API tests check the answers decode and encode back to the same JSON).
#[derive(Serialize)]
pub struct StoredItems {
    items: Vec<Box<RawValue>>,
}

/// `GET /v1/cases/{case_id}/history`: a `HistoryList`.
pub async fn history(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<StoredItems>> {
    state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(StoredItems {
                items: store::items_json(conn, ids.case_id, "history")?,
            }))
        })
        .await
}

/// `GET /v1/cases/{case_id}/calls`: a `CallList`.
pub async fn calls(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<StoredItems>> {
    state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(StoredItems {
                items: store::items_json(conn, ids.case_id, "call")?,
            }))
        })
        .await
}

pub async fn interactions(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<InteractionList>> {
    state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(InteractionList {
                channels: store::conversations(conn, ids.case_id)?,
            }))
        })
        .await
}

pub async fn sla(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<SlaList>> {
    state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            let now = now_ms();
            Ok(Json(SlaList {
                items: store::sla(conn, ids.case_id, now)?,
                server_time: now,
            }))
        })
        .await
}

/// A `SurveyList` of stored surveys.
#[derive(Serialize)]
pub struct StoredSurveys {
    configured: bool,
    items: Vec<Box<RawValue>>,
}

/// `GET /v1/cases/{case_id}/surveys`: a `SurveyList`.
pub async fn surveys(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<StoredSurveys>> {
    state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            let configured: bool = conn.query_row(
                "SELECT surveys_configured FROM tenants WHERE id = ?1",
                params![caller.tenant],
                |r| r.get(0),
            )?;
            Ok(Json(StoredSurveys {
                configured,
                items: store::items_json(conn, ids.case_id, "survey")?,
            }))
        })
        .await
}
