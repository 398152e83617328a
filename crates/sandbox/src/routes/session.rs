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

/// How many password checks run at once.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A client's address as throttling counts it: IPv6 clients by their /64 (one host is handed a
/// whole /64 and can move within it), IPv4 by address; in-process tests have none.
fn client_key(addr: Option<SocketAddr>) -> String {
    match addr.map(|a| a.ip()) {
        Some(std::net::IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(ip) => ip.to_canonical().to_string(),
        None => "unknown".into(),
    }
}

/// `POST /v1/auth/login`: tenant + username + password → a bearer token.
///
/// Failed attempts are throttled per account and per client address (429 with `Retry-After`,
/// checked before the password, so a locked account stays locked for the right password too; an
/// attempt counts as failed until its password matches); passwords are argon2id hashes, checked
/// off the async threads and outside the write lock. Each successful login also purges the
/// tokens that have expired.
pub async fn login(
    State(state): State<AppState>,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<Session>> {
    let config = state.config.clone();
    let limit = |failures| Limit {
        failures,
        window_ms: config.login_window_ms,
    };
    let account_key = format!("account\n{}\n{}", req.tenant, req.username);
    let client_key = format!("client\n{}", client_key(client.map(|Extension(ConnectInfo(a))| a)));
    let now = now_ms();
    let keys = [
        (account_key.as_str(), limit(config.login_failures_per_account)),
        (client_key.as_str(), limit(config.login_failures_per_client)),
    ];
    if let Err(secs) = state.logins.attempt(&keys, now) {
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
    // one argon2 check holds 19 MiB: as many at once as there are cores, the others queue
    let permit = HASHING
        .acquire()
        .await
        .map_err(|_| AppError::internal("internal error"))?;
    let matches = tokio::task::spawn_blocking(move || crate::password::verify(stored.as_deref(), &password))
        .await
        .unwrap_or(false);
    drop(permit);
    let agent = match account {
        Some((agent, _)) if matches => agent,
        // the attempt already counted as a failure
        _ => {
            return Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                codes::UNAUTHORIZED,
                "unknown tenant, user or password",
            ))
        }
    };
    state.logins.succeeded(&account_key, &client_key, now);

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
