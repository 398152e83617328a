use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, Millis};

/// Where an attachment came from. `kind`: channel (received on `channel`) or upload (by `uploaded_by`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentOrigin {
    pub kind: String,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub uploaded_by: Option<AgentRef>,
}

/// A file of the case ("Anexos").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Attachment {
    pub id: i64,
    pub case_id: CaseId,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: u64,
    pub origin: AttachmentOrigin,
    pub created_at: Millis,
}

/// What an upload may be, from the backend's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UploadLimits {
    pub max_bytes: u64,
    /// Allowed MIME types.
    pub allowed_types: Vec<String>,
    /// How many bytes of attachments the case may hold in all; absent: no quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_quota_bytes: Option<u64>,
    /// How many bytes of attachments the case holds now (with the quota, what still fits).
    #[serde(default)]
    pub case_used_bytes: u64,
}

/// `GET /v1/cases/{case_id}/attachments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentList {
    #[serde(default, deserialize_with = "super::compact")]
    pub items: Vec<Attachment>,
    pub limits: UploadLimits,
}
