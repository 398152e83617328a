use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, Millis};

/// A phone call of the case ("Histórico de Ligações").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Call {
    pub id: i64,
    pub case_id: CaseId,
    pub started_at: Millis,
    /// Origin phone as the telephony platform gave it (any format).
    pub from_phone: String,
    #[serde(default)]
    pub to_phone: Option<String>,
    /// inbound (recebida) or outbound (realizada).
    pub direction: String,
    /// answered, missed, busy, abandoned, voicemail, in_progress, ... (open vocabulary).
    pub status: String,
    #[serde(default)]
    pub agent: Option<AgentRef>,
    /// Talk time in seconds; absent while the call is in progress.
    #[serde(default)]
    pub duration_seconds: Option<i64>,
}

/// `GET /v1/cases/{case_id}/calls`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallList {
    #[serde(default, deserialize_with = "super::compact")]
    pub items: Vec<Call>,
}
