use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, CaseStatus, ContactIds, Millis, NamedRef};

/// One case of the open case's customer ("Histórico do Cliente"), with what unification
/// eligibility and its preview need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CustomerCase {
    pub id: CaseId,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub case_type: Option<NamedRef>,
    pub status: CaseStatus,
    #[serde(default)]
    pub assignee: Option<AgentRef>,
    pub channel: String,
    #[serde(default)]
    pub contact: ContactIds,
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Option<Millis>,
    #[serde(default)]
    pub closed_at: Option<Millis>,
    #[serde(default)]
    pub in_service: bool,
    #[serde(default)]
    pub merged_into: Option<CaseId>,
    /// What a unification would move from this case into the open one.
    #[serde(default)]
    pub counts: ContentCounts,
    /// The case's latest history event (what the list's search reads for "ações" and
    /// "comentários").
    #[serde(default)]
    pub last_event: Option<LastEvent>,
}

/// The latest history event of a case, summarized.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LastEvent {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub comment: Option<String>,
}

/// How many items of each kind a case holds (unification preview, and what a unification moved).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContentCounts {
    #[serde(default)]
    pub history: u32,
    #[serde(default)]
    pub interactions: u32,
    #[serde(default)]
    pub calls: u32,
    #[serde(default)]
    pub attachments: u32,
    #[serde(default)]
    pub surveys: u32,
}

impl std::ops::Add for ContentCounts {
    type Output = ContentCounts;

    fn add(self, o: ContentCounts) -> ContentCounts {
        ContentCounts {
            history: self.history.saturating_add(o.history),
            interactions: self.interactions.saturating_add(o.interactions),
            calls: self.calls.saturating_add(o.calls),
            attachments: self.attachments.saturating_add(o.attachments),
            surveys: self.surveys.saturating_add(o.surveys),
        }
    }
}

/// `GET /v1/cases/{case_id}/customer-cases`: every case of the customer, the open one included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CustomerCaseList {
    #[serde(default, deserialize_with = "super::compact")]
    pub items: Vec<CustomerCase>,
}
