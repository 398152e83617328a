use serde::{Deserialize, Serialize};

use super::{AgentRef, Millis};

/// Body of `POST /v1/auth/login` (tenant login, as in cVortex's public API).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoginRequest {
    pub tenant: String,
    pub username: String,
    pub password: String,
}

/// A session: send `Authorization: Bearer <token>` on every other request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Session {
    pub token: String,
    pub expires_at: Millis,
    pub tenant: String,
    pub agent: AgentRef,
}
