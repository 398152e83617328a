//! The REST contract (`/v1`), as Rust types. `api/openapi.yaml` is generated from these types
//! (`sandbox --print-openapi`) and a test fails when the committed document drifts from them.
//!
//! Conventions: snake_case names, timestamps as epoch milliseconds UTC ([`Millis`]), ids as
//! integers. Decoding is lenient where the server may evolve: unknown fields are ignored, optional
//! fields and lists may be missing, and open vocabularies (channels, call statuses, action types)
//! are strings so that a value this app does not know still renders.

mod attachments;
mod calls;
mod case;
mod customer_cases;
mod error;
mod history;
mod interactions;
mod session;
mod sla;
mod surveys;
mod unification;

pub use attachments::*;
pub use calls::*;
pub use case::*;
pub use customer_cases::*;
pub use error::*;
pub use history::*;
pub use interactions::*;
pub use session::*;
pub use sla::*;
pub use surveys::*;
pub use unification::*;

use serde::{Deserialize, Serialize};

/// Epoch milliseconds, UTC.
pub type Millis = i64;
/// A case id (cVortex ids are integers).
pub type CaseId = i64;

/// Something with an id and a display name (case type, business unit...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NamedRef {
    pub id: i64,
    pub name: String,
}

/// An agent (atendente) as shown next to what they did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentRef {
    pub id: i64,
    pub name: String,
}

/// A question of a questionnaire or survey and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuestionAnswer {
    pub question: String,
    #[serde(default)]
    pub answer: String,
}
