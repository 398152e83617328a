use serde::{Deserialize, Serialize};

use super::{CaseId, Millis};

/// An SLA target of the case. `status`: running, paused, met, breached (open vocabulary).
/// `elapsed_seconds` is the execution time as of the list's `server_time`; a running target keeps
/// counting from there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlaTarget {
    pub id: i64,
    pub case_id: CaseId,
    pub name: String,
    pub status: String,
    pub target_seconds: i64,
    pub elapsed_seconds: i64,
    pub started_at: Millis,
    #[serde(default)]
    pub due_at: Option<Millis>,
    #[serde(default)]
    pub paused_since: Option<Millis>,
    #[serde(default)]
    pub completed_at: Option<Millis>,
}

/// `GET /v1/cases/{case_id}/sla`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlaList {
    #[serde(default)]
    pub items: Vec<SlaTarget>,
    /// The server's clock when the list was made, to tick running targets without clock skew.
    pub server_time: Millis,
}
