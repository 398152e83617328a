//! The sandbox's data-set format (`--data FILE`; documented in docs/sandbox-data.md). A data set
//! is the contract's own types nested under the case they belong to, plus who may log in.

use cvortex_domain::{
    Attachment, Call, CaseData, ChannelConversation, CustomField, Customer, HistoryEvent, SlaTarget, Survey,
    UploadLimits,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSet {
    pub tenants: Vec<Tenant>,
    pub agents: Vec<Agent>,
    pub customers: Vec<TenantCustomer>,
    pub cases: Vec<SeedCase>,
    pub upload_limits: UploadLimits,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    pub id: String,
    pub name: String,
    /// Whether satisfaction surveys are configured for this tenant.
    #[serde(default = "yes")]
    pub surveys_configured: bool,
}

fn yes() -> bool {
    true
}

/// An agent who can log in (`POST /v1/auth/login`). `tokens` are fixed bearer tokens that never
/// expire, for tests and scripts.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    pub id: i64,
    pub tenant: String,
    pub name: String,
    pub username: String,
    pub password: String,
    #[serde(default)]
    pub tokens: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TenantCustomer {
    pub tenant: String,
    #[serde(flatten)]
    pub customer: Customer,
}

/// A case with everything that belongs to it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedCase {
    pub tenant: String,
    pub customer_id: i64,
    pub case: CaseData,
    #[serde(default)]
    pub custom_fields: Vec<CustomField>,
    #[serde(default)]
    pub history: Vec<HistoryEvent>,
    #[serde(default)]
    pub calls: Vec<Call>,
    #[serde(default)]
    pub interactions: Vec<ChannelConversation>,
    #[serde(default)]
    pub sla: Vec<SlaTarget>,
    #[serde(default)]
    pub attachments: Vec<SeedAttachment>,
    #[serde(default)]
    pub surveys: Vec<Survey>,
}

/// An attachment and its bytes: `content_text` (UTF-8) or `content_base64`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SeedAttachment {
    #[serde(flatten)]
    pub attachment: Attachment,
    #[serde(default)]
    pub content_text: Option<String>,
    #[serde(default)]
    pub content_base64: Option<String>,
}

impl SeedAttachment {
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        use base64::Engine;
        match (&self.content_text, &self.content_base64) {
            (_, Some(b64)) => base64::engine::general_purpose::STANDARD
                .decode(b64)
                .map_err(|e| format!("attachment {}: bad base64: {e}", self.attachment.id)),
            (Some(t), None) => Ok(t.as_bytes().to_vec()),
            (None, None) => Ok(Vec::new()),
        }
    }
}

impl DataSet {
    pub fn from_json(text: &str) -> Result<DataSet, String> {
        serde_json::from_str(text).map_err(|e| format!("data set: {e}"))
    }
}
