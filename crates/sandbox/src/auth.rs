//! Bearer-token authentication: a token maps to an agent of one tenant.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use rusqlite::{params, OptionalExtension};

use crate::error::AppError;
use crate::state::{now_ms, AppState};

/// The authenticated caller. Every query is scoped to `tenant`.
#[derive(Clone, Debug)]
pub struct Caller {
    pub agent_id: i64,
    pub agent_name: String,
    pub tenant: String,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .ok_or_else(AppError::unauthorized)?;
        let now = now_ms();
        state
            .read(move |conn| {
                conn.query_row(
                    "SELECT a.id, a.name, a.tenant_id FROM tokens t JOIN agents a ON a.id = t.agent_id
                     WHERE t.token = ?1 AND (t.expires_at IS NULL OR t.expires_at > ?2)",
                    params![token, now],
                    |r| {
                        Ok(Caller {
                            agent_id: r.get(0)?,
                            agent_name: r.get(1)?,
                            tenant: r.get(2)?,
                        })
                    },
                )
                .optional()?
                .ok_or_else(AppError::unauthorized)
            })
            .await
    }
}
