//! The read-only lists of a case.

use axum::extract::State;
use axum::Json;
use cvortex_domain::{CallList, HistoryList, InteractionList, SlaList, SurveyList};
use rusqlite::params;

use super::Ids;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::{now_ms, AppState};
use crate::store;

pub async fn history(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<HistoryList>> {
    state
        .db(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(HistoryList {
                items: store::items(conn, ids.case_id, "history")?,
            }))
        })
        .await
}

pub async fn calls(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<CallList>> {
    state
        .db(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(CallList {
                items: store::items(conn, ids.case_id, "call")?,
            }))
        })
        .await
}

pub async fn interactions(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<InteractionList>> {
    state
        .db(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            Ok(Json(InteractionList {
                channels: store::conversations(conn, ids.case_id)?,
            }))
        })
        .await
}

pub async fn sla(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<SlaList>> {
    state
        .db(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            let now = now_ms();
            Ok(Json(SlaList {
                items: store::sla(conn, ids.case_id, now)?,
                server_time: now,
            }))
        })
        .await
}

pub async fn surveys(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<SurveyList>> {
    state
        .db(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            let configured: bool = conn.query_row(
                "SELECT surveys_configured FROM tenants WHERE id = ?1",
                params![caller.tenant],
                |r| r.get(0),
            )?;
            Ok(Json(SurveyList {
                configured,
                items: store::items(conn, ids.case_id, "survey")?,
            }))
        })
        .await
}
