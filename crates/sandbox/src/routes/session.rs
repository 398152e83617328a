use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use cvortex_domain::{codes, AgentRef, LoginRequest, Session};
use rusqlite::{params, OptionalExtension};

use super::ApiJson;
use crate::error::{ApiResult, AppError};
use crate::state::{now_ms, random_hex, AppState};

/// `POST /v1/auth/login`: tenant + username + password → a bearer token.
pub async fn login(State(state): State<AppState>, ApiJson(req): ApiJson<LoginRequest>) -> ApiResult<Json<Session>> {
    let ttl = state.config.token_ttl_ms;
    state
        .db(move |conn| {
            let agent = conn
                .query_row(
                    "SELECT id, name FROM agents WHERE tenant_id = ?1 AND username = ?2 AND password = ?3",
                    params![req.tenant, req.username, req.password],
                    |r| {
                        Ok(AgentRef {
                            id: r.get(0)?,
                            name: r.get(1)?,
                        })
                    },
                )
                .optional()?
                .ok_or_else(|| {
                    AppError::new(
                        StatusCode::UNAUTHORIZED,
                        codes::UNAUTHORIZED,
                        "unknown tenant, user or password",
                    )
                })?;
            let token = random_hex(24);
            let expires_at = now_ms() + ttl;
            conn.execute(
                "INSERT INTO tokens VALUES (?1, ?2, ?3)",
                params![token, agent.id, expires_at],
            )?;
            Ok(Json(Session {
                token,
                expires_at,
                tenant: req.tenant,
                agent,
            }))
        })
        .await
}
