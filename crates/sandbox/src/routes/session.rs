use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use cvortex_domain::{codes, AgentRef, LoginRequest, Session};
use rusqlite::{params, OptionalExtension};

use super::ApiJson;
use crate::error::{ApiResult, AppError};
use crate::state::{now_ms, random_hex, AppState};
use crate::throttle::Limit;

/// `POST /v1/auth/login`: tenant + username + password → a bearer token.
///
/// Failed attempts are throttled per account and per client address (429 with `Retry-After`,
/// checked before the password, so a locked account stays locked for the right password too);
/// passwords are argon2id hashes, checked off the async threads and outside the write lock.
/// Each login also purges the tokens that have expired.
pub async fn login(
    State(state): State<AppState>,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<Session>> {
    let config = state.config.clone();
    let window_ms = config.login_window_ms;
    let by_account = (
        format!("account\n{}\n{}", req.tenant, req.username),
        Limit {
            failures: config.login_failures_per_account,
            window_ms,
        },
    );
    let client_ip = client.map_or_else(|| "unknown".to_string(), |Extension(ConnectInfo(a))| a.ip().to_string());
    let by_client = (
        format!("client\n{client_ip}"),
        Limit {
            failures: config.login_failures_per_client,
            window_ms,
        },
    );
    let now = now_ms();
    let wait = [&by_account, &by_client]
        .iter()
        .filter_map(|(key, limit)| state.logins.wait_secs(key, *limit, now))
        .max();
    if let Some(secs) = wait {
        let mut e = AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            codes::RATE_LIMITED,
            format!("too many failed logins; try again in {secs} s"),
        )
        .with_details(serde_json::json!({ "retry_after_s": secs }));
        e.retry_after = Some(secs);
        return Err(e);
    }

    let (tenant, username) = (req.tenant.clone(), req.username.clone());
    let account: Option<(AgentRef, String)> = state
        .read(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT id, name, password_hash FROM agents WHERE tenant_id = ?1 AND username = ?2",
                    params![tenant, username],
                    |r| {
                        Ok((
                            AgentRef {
                                id: r.get(0)?,
                                name: r.get(1)?,
                            },
                            r.get(2)?,
                        ))
                    },
                )
                .optional()?)
        })
        .await?;
    let (stored, password) = (account.as_ref().map(|(_, h)| h.clone()), req.password.clone());
    let matches = tokio::task::spawn_blocking(move || crate::password::verify(stored.as_deref(), &password))
        .await
        .unwrap_or(false);
    let agent = match account {
        Some((agent, _)) if matches => agent,
        _ => {
            let now = now_ms();
            for (key, limit) in [&by_account, &by_client] {
                state.logins.failed(key, *limit, now);
            }
            return Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                codes::UNAUTHORIZED,
                "unknown tenant, user or password",
            ));
        }
    };
    state.logins.forget(&by_account.0);

    let ttl = config.token_ttl_ms;
    state
        .db(move |conn| {
            let now = now_ms();
            conn.execute(
                "DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= ?1",
                [now],
            )?;
            let token = random_hex(24);
            let expires_at = now + ttl;
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
