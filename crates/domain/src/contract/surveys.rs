use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, Millis, QuestionAnswer};

/// A satisfaction survey answer. `scale`: csat (1 to 5) or nps (0 to 10) (open vocabulary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Survey {
    pub id: i64,
    pub case_id: CaseId,
    pub scale: String,
    pub score: i64,
    #[serde(default)]
    pub requester: Option<String>,
    /// The responsible agent at the time of the survey.
    #[serde(default)]
    pub agent: Option<AgentRef>,
    pub answered_at: Millis,
    #[serde(default)]
    pub comment: Option<String>,
    /// The experience questions and their answers.
    #[serde(default)]
    pub answers: Vec<QuestionAnswer>,
}

/// `GET /v1/cases/{case_id}/surveys`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SurveyList {
    /// False when the tenant has no survey configured.
    pub configured: bool,
    #[serde(default)]
    pub items: Vec<Survey>,
}
