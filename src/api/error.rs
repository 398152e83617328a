//! Typed API failures. Each maps to one localized message; the UI never shows raw server text.

use cvortex_domain::codes;

use crate::i18n::Texts;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// 401 even after asking for a fresh token once.
    SessionExpired,
    Forbidden,
    NotFound,
    /// 409 and the other refusals: the contract's `code` and `details`.
    Refused {
        status: u16,
        code: String,
        details: serde_json::Value,
    },
    RateLimited {
        retry_after: Option<u32>,
    },
    Unavailable {
        retry_after: Option<u32>,
    },
    Server {
        status: u16,
    },
    Timeout,
    Network,
    /// The body was not the JSON the contract promises (malformed, or the wrong shape).
    BadData(String),
    /// Cancelled by us (the modal closed or the case changed): not shown to anyone.
    Aborted,
}

impl ApiError {
    /// From a non-2xx status and its (maybe error-shaped) body.
    pub fn from_status(status: u16, body: &str, retry_after: Option<u32>) -> ApiError {
        // through the one JSON decoder of the app (a second one costs bundle size)
        let parsed: Option<cvortex_domain::ErrorBody> = super::parse(super::Body::Text(body.to_string())).ok();
        let (code, details) = parsed.map(|b| (b.error.code, b.error.details)).unwrap_or_default();
        match status {
            401 => ApiError::SessionExpired,
            403 => ApiError::Forbidden,
            404 => ApiError::NotFound,
            429 => ApiError::RateLimited { retry_after },
            503 => ApiError::Unavailable { retry_after },
            500..=599 => ApiError::Server { status },
            _ => ApiError::Refused { status, code, details },
        }
    }

    /// Whether the same read may succeed if tried again (automatically, with backoff).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::Network
                | ApiError::Timeout
                | ApiError::Server { .. }
                | ApiError::Unavailable { .. }
                | ApiError::RateLimited { .. }
        )
    }

    /// For a write: whether the server may have applied it although we saw an error. Only when no
    /// answer came (timeout, connection lost); an error status means the server wrote nothing
    /// (the contract: each write is one transaction).
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, ApiError::Timeout | ApiError::Network)
    }

    /// Whether offering "Tentar novamente" makes sense.
    pub fn can_retry(&self) -> bool {
        !matches!(self, ApiError::Forbidden | ApiError::NotFound | ApiError::Aborted)
    }

    pub fn message(&self, t: &Texts) -> String {
        match self {
            ApiError::SessionExpired => t.errors.session_expired.into(),
            ApiError::Forbidden => t.errors.forbidden.into(),
            ApiError::NotFound => t.errors.not_found.into(),
            ApiError::Refused { code, .. } if code == codes::CONFLICT || code == codes::CASES_NOT_ELIGIBLE => {
                t.errors.conflict.into()
            }
            ApiError::Refused { code, details, .. } if code == codes::UNDO_BLOCKED => (t.errors.undo_blocked)(
                details["unification_id"].as_i64().unwrap_or_default(),
                details["case_id"].as_i64().unwrap_or_default(),
            ),
            ApiError::Refused { code, details, .. } if code == codes::CASE_UNIFIED => {
                (t.errors.case_unified)(details["case_id"].as_i64().unwrap_or_default())
            }
            ApiError::Refused { code, .. } if code == codes::QUOTA_EXCEEDED => t.errors.quota.into(),
            ApiError::Refused { code, .. } if code == codes::REQUEST_TIMEOUT => t.errors.too_slow.into(),
            ApiError::Refused { .. } => t.errors.rejected.into(),
            ApiError::RateLimited { retry_after } => (t.errors.rate_limited)(*retry_after),
            ApiError::Unavailable { .. } => t.errors.unavailable.into(),
            ApiError::Server { .. } => t.errors.server.into(),
            ApiError::Timeout => t.errors.timeout.into(),
            ApiError::Network | ApiError::Aborted => t.errors.network.into(),
            ApiError::BadData(_) => t.errors.bad_data.into(),
        }
    }
}
