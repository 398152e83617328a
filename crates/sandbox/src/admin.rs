//! `/__sandbox`: test controls, mounted only when fault injection is enabled.
//!
//! They can empty the database, so each request must carry the admin token printed at start
//! (`X-Sandbox-Token`), name a loopback `Host` (a page that rebinds its own DNS name to 127.0.0.1
//! still sends its own name), and send its body as JSON (a cross-site form or `fetch` without a
//! preflight cannot set that type, nor the token's header).

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{patch, post};
use axum::{Json, Router};
use cvortex_domain::codes;
use rusqlite::params;
use serde_json::Value;

use crate::error::{ApiResult, AppError};
use crate::faults::Fault;
use crate::routes::ApiJson;
use crate::state::AppState;

pub const TOKEN_HEADER: &str = "x-sandbox-token";

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/__sandbox/faults",
            post(add_faults).get(list_faults).delete(clear_faults),
        )
        .route("/__sandbox/reset", post(reset))
        .route("/__sandbox/cases/{case_id}", patch(patch_case))
        .route("/__sandbox/activity", post(activity))
        .route_layer(from_fn_with_state(state.clone(), guard))
}

async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let refuse = |status, code, message: &str| AppError::new(status, code, message).into_response();
    // the peer too, when known: a remote client could name any Host (in-process tests have none)
    let remote_peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .is_some_and(|c| !c.0.ip().to_canonical().is_loopback());
    if remote_peer || !loopback_host(req.headers()) {
        return refuse(
            StatusCode::FORBIDDEN,
            codes::FORBIDDEN,
            "the test controls answer only a loopback client naming a loopback Host",
        );
    }
    let token = req
        .headers()
        .get(TOKEN_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !same_secret(token, state.config.admin_token.as_bytes()) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            codes::UNAUTHORIZED,
            "the test controls need the admin token the sandbox printed at start (X-Sandbox-Token)",
        );
    }
    let has_body = !matches!(*req.method(), Method::GET | Method::DELETE | Method::HEAD);
    let json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if has_body && !json {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            codes::UNSUPPORTED_TYPE,
            "the test controls take application/json",
        );
    }
    next.run(req).await
}

/// `127.0.0.0/8`, `[::1]` or `localhost`, with or without a port.
pub fn loopback_host(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _port)| name),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Compares in time independent of where the two differ.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Something happens to a case (`crate::activity::Activity`, one or a list): stored and
/// published on the case's event stream, as a real backend would.
async fn activity(State(state): State<AppState>, ApiJson(body): ApiJson<Value>) -> ApiResult<StatusCode> {
    let list: Vec<crate::activity::Activity> = match body {
        Value::Array(_) => serde_json::from_value(body),
        other => serde_json::from_value(other).map(|a| vec![a]),
    }
    .map_err(|e| AppError::bad_request(e.to_string()))?;
    let live = state.live.clone();
    state
        .db(move |conn| {
            let now = crate::state::now_ms();
            for a in list {
                let tx = conn.transaction()?;
                let mut out = crate::activity::Outbox::default();
                crate::activity::apply(&tx, &live, &mut out, a, now)?;
                tx.commit()?;
                out.send(&live);
            }
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}

fn faults(state: &AppState) -> ApiResult<&crate::faults::Faults> {
    state.faults.as_ref().ok_or_else(|| AppError::not_found("route"))
}

/// Body: one fault or a list of faults.
async fn add_faults(State(state): State<AppState>, ApiJson(body): ApiJson<Value>) -> ApiResult<StatusCode> {
    let list: Vec<Fault> = match body {
        Value::Array(_) => serde_json::from_value(body),
        other => serde_json::from_value(other).map(|f| vec![f]),
    }
    .map_err(|e| AppError::bad_request(e.to_string()))?;
    for f in &list {
        f.validate().map_err(AppError::bad_request)?;
    }
    let table = faults(&state)?;
    list.into_iter().for_each(|f| table.add(f));
    Ok(StatusCode::NO_CONTENT)
}

async fn list_faults(State(state): State<AppState>) -> ApiResult<Json<Vec<Fault>>> {
    Ok(Json(faults(&state)?.list()))
}

async fn clear_faults(State(state): State<AppState>) -> ApiResult<StatusCode> {
    faults(&state)?.clear();
    Ok(StatusCode::NO_CONTENT)
}

/// Reloads the data set the sandbox started with and clears the faults and the failed logins; with
/// `{"data_set": "hostile"}`, loads the hostile data set instead (crates/sandbox/src/hostile.rs).
async fn reset(State(state): State<AppState>, body: axum::body::Bytes) -> ApiResult<StatusCode> {
    faults(&state)?.clear();
    let wanted = if body.is_empty() {
        None
    } else {
        let v: Value = serde_json::from_slice(&body).map_err(|e| AppError::bad_request(e.to_string()))?;
        v.get("data_set").and_then(Value::as_str).map(str::to_owned)
    };
    match wanted.as_deref() {
        None | Some("default") => {
            let reseed = state.reseed.clone();
            state.db(move |conn| reseed(conn).map_err(AppError::internal)).await?;
        }
        Some("hostile") => {
            state
                .db(move |conn| {
                    let now = crate::state::now_ms();
                    crate::db::load(conn, &crate::hostile::data_set(now), now).map_err(AppError::internal)?;
                    // the next default reset must reload, whatever the file recorded
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', 'hostile')", [])?;
                    Ok(())
                })
                .await?;
        }
        Some(other) => return Err(AppError::bad_request(format!("unknown data set {other:?}"))),
    }
    // what the logs held describes the old data: a stream resuming from it must reload
    state.live.clear_logs();
    state.logins.clear();
    Ok(StatusCode::NO_CONTENT)
}

/// Merges the body's fields into the stored case (e.g. `{"in_service": true}`), as if the case had
/// changed on the server; `merged_into` is not patchable here.
async fn patch_case(
    State(state): State<AppState>,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<StatusCode> {
    let Value::Object(changes) = body else {
        return Err(AppError::bad_request("expected a JSON object"));
    };
    state
        .db(move |conn| {
            let text: String = conn
                .query_row("SELECT data FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
                .map_err(|_| AppError::not_found("case"))?;
            let mut data: Value = serde_json::from_str(&text)?;
            for (k, v) in changes {
                if k != "merged_into" && k != "id" {
                    data[k] = v;
                }
            }
            serde_json::from_value::<cvortex_domain::CaseData>(data.clone())
                .map_err(|e| AppError::bad_request(e.to_string()))?;
            conn.execute(
                "UPDATE cases SET data = ?1 WHERE id = ?2",
                params![data.to_string(), case_id],
            )?;
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}
