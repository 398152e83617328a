use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cvortex_domain::files::{check_upload, safe_file_name, UploadRefusal};
use cvortex_domain::{codes, AgentRef, Attachment, AttachmentOrigin, CaseId, UploadLimits};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::unification::idempotency_key;
use super::Ids;
use crate::auth::Caller;
use crate::db::json;
use crate::error::{ApiResult, AppError};
use crate::state::{now_ms, AppState};
use crate::store;

fn limits(conn: &Connection) -> ApiResult<UploadLimits> {
    let text: String = conn.query_row("SELECT value FROM meta WHERE key = 'upload_limits'", [], |r| r.get(0))?;
    Ok(json(&text)?)
}

/// Why an upload that breaks the limits is refused, as the contract's error.
fn refusal(r: UploadRefusal) -> AppError {
    match r {
        UploadRefusal::Empty => AppError::new(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION, "the file is empty"),
        UploadRefusal::TooLarge { max, .. } => AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            codes::PAYLOAD_TOO_LARGE,
            format!("files may have at most {max} bytes"),
        ),
        UploadRefusal::TypeNotAllowed { mime } => AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            codes::UNSUPPORTED_TYPE,
            format!("type {mime:?} is not allowed"),
        ),
        UploadRefusal::OverQuota { remaining } => AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            codes::QUOTA_EXCEEDED,
            format!("the case's attachment quota leaves {remaining} bytes"),
        )
        .with_details(serde_json::json!({ "remaining_bytes": remaining })),
    }
}

/// The bytes of attachments case `id` holds now (its own and those unified into it).
fn case_bytes(conn: &Connection, id: CaseId) -> ApiResult<u64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(length(c.bytes)), 0) FROM attachment_content c JOIN items i ON i.seq = c.item_seq
         WHERE i.case_id = ?1",
        [id],
        |r| r.get::<_, i64>(0),
    )? as u64)
}

/// The bytes of attachments `tenant` holds in all.
fn tenant_bytes(conn: &Connection, tenant: &str) -> ApiResult<u64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(length(a.bytes)), 0) FROM attachment_content a JOIN items i ON i.seq = a.item_seq
         JOIN cases c ON c.id = i.case_id WHERE c.tenant_id = ?1",
        [tenant],
        |r| r.get::<_, i64>(0),
    )? as u64)
}

/// An idempotency key as stored: scoped by agent and route, so one agent's key never answers
/// another agent's request, nor a request of another kind (the tenant is a column of its own).
pub fn scoped_key(caller: &Caller, route: &str, key: &str) -> String {
    format!("{}:{route}:{key}", caller.agent_id)
}

/// An `AttachmentList` of stored attachments (`store::items_json`).
#[derive(Serialize)]
pub struct StoredAttachments {
    items: Vec<Box<serde_json::value::RawValue>>,
    limits: UploadLimits,
}

/// `GET /v1/cases/{case_id}/attachments`: the files and the upload limits (an `AttachmentList`).
pub async fn list(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<StoredAttachments>> {
    let quota = state.config.case_quota_bytes;
    state
        .read(move |conn| {
            let tx = conn.transaction()?;
            store::case_row(&tx, &caller.tenant, ids.case_id)?;
            let mut limits = limits(&tx)?;
            limits.case_quota_bytes = Some(quota);
            limits.case_used_bytes = case_bytes(&tx, ids.case_id)?;
            Ok(Json(StoredAttachments {
                items: store::items_json(&tx, ids.case_id, "attachment")?,
                limits,
            }))
        })
        .await
}

/// `GET /v1/cases/{case_id}/attachments/{attachment_id}/content`: the bytes, with a safe file name.
pub async fn content(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Response> {
    let attachment_id = ids.sub_id.ok_or_else(|| AppError::not_found("attachment"))?;
    let (meta, bytes) = state
        .read(move |conn| {
            store::case_row(conn, &caller.tenant, ids.case_id)?;
            let (data, bytes): (String, Vec<u8>) = conn
                .query_row(
                    "SELECT i.data, c.bytes FROM items i JOIN attachment_content c ON c.item_seq = i.seq
                     WHERE i.kind = 'attachment' AND i.item_id = ?1 AND i.case_id = ?2 ORDER BY i.seq LIMIT 1",
                    params![attachment_id, ids.case_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| AppError::not_found("attachment"))?;
            Ok((json::<Attachment>(&data)?, bytes))
        })
        .await?;
    let mut res = Body::from(bytes).into_response();
    let h = res.headers_mut();
    let mime = HeaderValue::from_str(&meta.mime_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    h.insert(header::CONTENT_TYPE, mime);
    h.insert(header::CONTENT_DISPOSITION, content_disposition(&meta.file_name));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    Ok(res)
}

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` from a sanitized name.
pub fn content_disposition(raw: &str) -> HeaderValue {
    let name = safe_file_name(raw);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// `POST /v1/cases/{case_id}/attachments?file_name=...`: the raw file as the body, its MIME type as
/// `Content-Type`, an `Idempotency-Key`. Checked against the same limits the app checks.
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    ids: Ids,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> ApiResult<(StatusCode, Json<Attachment>)> {
    let key = idempotency_key(&headers)?;
    let Query(query) = query.map_err(|e| AppError::bad_request(e.body_text()))?;
    let file_name = query
        .get("file_name")
        .map(|n| safe_file_name(n))
        .ok_or_else(|| AppError::bad_request("file_name is required"))?;
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let max_bytes = state.db(|conn| limits(conn)).await?.max_bytes;
    let timeout = std::time::Duration::from_millis(state.config.upload_timeout_ms);
    let bytes: Bytes = tokio::time::timeout(timeout, axum::body::to_bytes(body, max_bytes as usize))
        .await
        .map_err(|_| {
            AppError::new(
                StatusCode::REQUEST_TIMEOUT,
                codes::REQUEST_TIMEOUT,
                "the file did not arrive in time",
            )
        })?
        .map_err(|_| {
            AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                codes::PAYLOAD_TOO_LARGE,
                format!("files may have at most {max_bytes} bytes"),
            )
        })?;
    let mime = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    // the same request is the same case, name, type and bytes: a replay with other bytes under the
    // same key is refused, not answered with the first file
    let request = format!(
        "{}:{}:{}:{}:{}",
        ids.case_id,
        file_name,
        mime,
        bytes.len(),
        crate::state::sha256_hex(&bytes)
    );
    let (quotas, live) = (
        (state.config.case_quota_bytes, state.config.tenant_quota_bytes),
        state.live.clone(),
    );
    state
        .db(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            // checked first, replays included: the caller must still see the case
            let case = store::case_row(&tx, &caller.tenant, ids.case_id)?;
            let scoped = scoped_key(&caller, "upload", &key);
            let previous: Option<(String, i64)> = tx
                .query_row(
                    "SELECT request, item_seq FROM uploads WHERE tenant_id = ?1 AND idempotency_key = ?2",
                    params![caller.tenant, scoped],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((prev, seq)) = previous {
                if prev != request {
                    return Err(AppError::new(StatusCode::UNPROCESSABLE_ENTITY, codes::IDEMPOTENCY_CONFLICT, "this Idempotency-Key was used for a different upload"));
                }
                let data: String = tx.query_row("SELECT data FROM items WHERE seq = ?1", [seq], |r| r.get(0))?;
                return Ok((StatusCode::OK, Json(json(&data)?)));
            }
            if let Some(into) = case.data.merged_into {
                return Err(AppError::new(
                    StatusCode::CONFLICT,
                    codes::CASE_UNIFIED,
                    format!("case {} was unified into case {into}: attach the file there", ids.case_id),
                )
                .with_details(serde_json::json!({ "case_id": into })));
            }
            let mut limits = limits(&tx)?;
            limits.case_quota_bytes = Some(quotas.0);
            limits.case_used_bytes = case_bytes(&tx, ids.case_id)?;
            check_upload(bytes.len() as u64, &mime, &limits).map_err(refusal)?;
            let tenant_used = tenant_bytes(&tx, &caller.tenant)?;
            if tenant_used + bytes.len() as u64 > quotas.1 {
                return Err(AppError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    codes::QUOTA_EXCEEDED,
                    "the account's attachment quota would be exceeded",
                )
                .with_details(serde_json::json!({ "remaining_bytes": quotas.1.saturating_sub(tenant_used) })));
            }
            let id = store::next_item_id(&tx, &caller.tenant, "attachment")?;
            let now = now_ms();
            let attachment = Attachment {
                id,
                case_id: ids.case_id,
                file_name,
                mime_type: mime,
                size_bytes: bytes.len() as u64,
                origin: AttachmentOrigin {
                    kind: "upload".into(),
                    channel: None,
                    uploaded_by: Some(AgentRef { id: caller.agent_id, name: caller.agent_name.clone() }),
                },
                created_at: now,
            };
            tx.execute(
                "INSERT INTO items (kind, item_id, case_id, origin_case_id, sort_key, data) VALUES ('attachment', ?1, ?2, ?2, ?3, ?4)",
                params![id, ids.case_id, now, serde_json::to_string(&attachment)?],
            )?;
            let seq = tx.last_insert_rowid();
            tx.execute("INSERT INTO attachment_content VALUES (?1, ?2)", params![seq, &bytes[..]])?;
            tx.execute("INSERT INTO uploads VALUES (?1, ?2, ?3, ?4)", params![caller.tenant, scoped, request, seq])?;
            tx.commit()?;
            live.publish(ids.case_id, cvortex_domain::kinds::ATTACHMENT, &attachment);
            Ok((StatusCode::CREATED, Json(attachment)))
        })
        .await
}
