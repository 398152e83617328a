use serde::{Deserialize, Serialize};

use super::{CaseId, ContentCounts, Millis};
use crate::eligibility::Ineligibility;

/// Body of `POST /v1/cases/{case_id}/unifications` (header `Idempotency-Key` required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnificationRequest {
    /// At most [`MAX_UNIFY`] cases (a larger list is refused with 422 before anything is done).
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 200)))]
    pub case_ids: Vec<CaseId>,
}

/// The most cases one unification may name (more than any customer's real list of open cases).
pub const MAX_UNIFY: usize = 200;

/// A unification: `merged_case_ids` were folded into `target_case_id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unification {
    pub id: i64,
    pub target_case_id: CaseId,
    pub merged_case_ids: Vec<CaseId>,
    pub created_at: Millis,
    /// Until when `DELETE .../unifications/{id}` may undo it.
    pub undo_until: Millis,
    #[serde(default)]
    pub undone_at: Option<Millis>,
    /// What moved into the target case.
    #[serde(default)]
    pub moved: ContentCounts,
}

/// One entry of a refused unification's `error.details` (HTTP 409, code `cases_not_eligible`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseRefusal {
    pub case_id: CaseId,
    pub reasons: Vec<Ineligibility>,
}
