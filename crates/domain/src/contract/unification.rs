use serde::{Deserialize, Serialize};

use super::{CaseId, ContentCounts, Millis};
use crate::eligibility::Ineligibility;

/// Body of `POST /v1/cases/{case_id}/unifications` (header `Idempotency-Key` required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnificationRequest {
    pub case_ids: Vec<CaseId>,
}

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
