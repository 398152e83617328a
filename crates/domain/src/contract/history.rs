use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, CaseStatus, Millis, QuestionAnswer};

/// One event of the case's timeline ("Histórico do Caso").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryEvent {
    pub id: i64,
    /// The case the event happened on: differs from the open case for events brought by a unification.
    pub case_id: CaseId,
    pub occurred_at: Millis,
    /// Action type: created, status_change, assignment, comment, message, questionnaire,
    /// transfer, unification, closed, ... (open vocabulary).
    pub action: String,
    /// Human description of what happened.
    pub description: String,
    #[serde(default)]
    pub agent: Option<AgentRef>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    /// The case status right after the event.
    #[serde(default)]
    pub status: Option<CaseStatus>,
    #[serde(default)]
    pub questionnaires: Vec<Questionnaire>,
}

/// A form answered while handling the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Questionnaire {
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub answers: Vec<QuestionAnswer>,
}

/// `GET /v1/cases/{case_id}/history`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistoryList {
    #[serde(default, deserialize_with = "super::compact")]
    pub items: Vec<HistoryEvent>,
}
