use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use cvortex_domain::{codes, kinds, AgentRef, Unification, UnificationChanged, UnificationRequest};

use super::{ApiJson, Ids};
use crate::activity::{self, Outbox};
use crate::auth::Caller;
use crate::error::{ApiResult, AppError};
use crate::live::Live;
use crate::state::{now_ms, AppState};
use crate::store::{self, UnifyInput, UnifyOutcome};

/// The `Idempotency-Key` header every write requires (1 to 200 visible ASCII characters).
pub fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if key.is_empty() || key.len() > 200 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(AppError::new(
            StatusCode::BAD_REQUEST,
            codes::BAD_REQUEST,
            "an Idempotency-Key header (1 to 200 visible ASCII characters) is required",
        ));
    }
    Ok(key.to_string())
}

/// `POST /v1/cases/{case_id}/unifications`: 201 when created, 200 when the key was already used
/// for the same request, 409 `cases_not_eligible` (details: per-case reasons) when any case is not.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ids: Ids,
    headers: HeaderMap,
    ApiJson(req): ApiJson<UnificationRequest>,
) -> ApiResult<(StatusCode, Json<Unification>)> {
    let key = idempotency_key(&headers)?;
    // refused before the write lock: a huge list must cost nobody else anything
    if req.case_ids.len() > cvortex_domain::MAX_UNIFY {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            codes::VALIDATION,
            format!("case_ids may name at most {} cases", cvortex_domain::MAX_UNIFY),
        ));
    }
    let window = state.config.undo_window_ms;
    let live = state.live.clone();
    state
        .db(move |conn| {
            let agent = AgentRef {
                id: caller.agent_id,
                name: caller.agent_name.clone(),
            };
            let outcome = store::unify(
                conn,
                UnifyInput {
                    tenant: &caller.tenant,
                    agent: agent.clone(),
                    target: ids.case_id,
                    case_ids: req.case_ids,
                    idempotency_key: &super::attachments::scoped_key(&caller, "unify", &key),
                    now: now_ms(),
                    undo_window_ms: window,
                },
            )?;
            Ok(match outcome {
                UnifyOutcome::Created(u) => {
                    published(conn, &live, &u, false, agent)?;
                    (StatusCode::CREATED, Json(u))
                }
                UnifyOutcome::Replayed(u) => (StatusCode::OK, Json(u)),
            })
        })
        .await
}

/// `DELETE /v1/cases/{case_id}/unifications/{unification_id}`: undo, within the window.
pub async fn undo(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<Unification>> {
    let unification_id = ids.sub_id.ok_or_else(|| AppError::not_found("unification"))?;
    let live = state.live.clone();
    state
        .db(move |conn| {
            let agent = AgentRef {
                id: caller.agent_id,
                name: caller.agent_name.clone(),
            };
            let u = store::undo(
                conn,
                &caller.tenant,
                agent.clone(),
                ids.case_id,
                unification_id,
                now_ms(),
            )?;
            published(conn, &live, &u, true, agent)?;
            Ok(Json(u))
        })
        .await
}

/// Tells the streams: the open case (every list may have changed) and the moved cases, whose
/// `merged_into` changed (the customer's other cases re-check their eligibility).
fn published(conn: &rusqlite::Connection, live: &Live, u: &Unification, undone: bool, by: AgentRef) -> ApiResult<()> {
    let mut out = Outbox::default();
    out.push(
        u.target_case_id,
        kinds::UNIFICATION,
        &UnificationChanged {
            unification: u.clone(),
            undone,
        },
    );
    activity::case_changed(conn, live, &mut out, &u.merged_case_ids, Some(by), &["merged_into"])?;
    out.send(live);
    Ok(())
}
