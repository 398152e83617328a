use serde::{Deserialize, Serialize};

/// The one body of every 4xx/5xx answer: `{"error": {"code", "message", "details"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    pub error: ApiError,
}

/// `code` is stable and machine-readable (the app localizes by it); `message` is for developers;
/// `details` depends on the code (for `cases_not_eligible`, a list of `CaseRefusal`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiError {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub details: serde_json::Value,
}

/// The error codes the contract defines.
pub mod codes {
    pub const UNAUTHORIZED: &str = "unauthorized";
    pub const FORBIDDEN: &str = "forbidden";
    pub const NOT_FOUND: &str = "not_found";
    pub const BAD_REQUEST: &str = "bad_request";
    pub const VALIDATION: &str = "validation_failed";
    pub const CASES_NOT_ELIGIBLE: &str = "cases_not_eligible";
    pub const IDEMPOTENCY_CONFLICT: &str = "idempotency_key_reused";
    pub const UNDO_EXPIRED: &str = "undo_window_expired";
    /// A later unification moved the same items again: it must be undone first (`details`:
    /// `unification_id`, `case_id`, its target).
    pub const UNDO_BLOCKED: &str = "undo_blocked_by_later_unification";
    pub const CONFLICT: &str = "conflict";
    /// Nothing can be unified into a finished case.
    pub const CASE_FINISHED: &str = "case_finished";
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    /// The case's or the tenant's attachment quota would be exceeded (`details`: `remaining_bytes`).
    pub const QUOTA_EXCEEDED: &str = "quota_exceeded";
    /// The case was unified into another (`details`: `case_id`, where it went): write there.
    pub const CASE_UNIFIED: &str = "case_unified";
    /// The request's body did not arrive in time.
    pub const REQUEST_TIMEOUT: &str = "request_timeout";
    pub const UNSUPPORTED_TYPE: &str = "unsupported_media_type";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const INTERNAL: &str = "internal";
    pub const UNAVAILABLE: &str = "unavailable";
}
