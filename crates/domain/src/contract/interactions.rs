use serde::{Deserialize, Serialize};

use super::{CaseId, Millis};

/// Who wrote a message. `kind`: customer, agent, bot, system (open vocabulary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sender {
    pub kind: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// A file sent with a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageFile {
    pub name: String,
    #[serde(default)]
    pub mime_type: Option<String>,
    /// Link to the file; only http(s) links are followed.
    #[serde(default)]
    pub url: Option<String>,
}

/// One message of a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Message {
    pub id: i64,
    pub case_id: CaseId,
    pub sent_at: Millis,
    pub sender: Sender,
    /// Plain text. Always rendered as text, never as HTML.
    #[serde(default)]
    pub text: Option<String>,
    /// E-mail subject, for e-mail messages.
    #[serde(default)]
    pub subject: Option<String>,
    /// E-mail HTML body. Untrusted: only ever rendered inside a sandboxed frame.
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub files: Vec<MessageFile>,
}

/// The messages of one channel of the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChannelConversation {
    /// whatsapp, email, chat, messenger, instagram, phone, ... (open vocabulary).
    pub channel: String,
    /// The customer's identifier on that channel (WhatsApp number, chat id, e-mail address).
    #[serde(default)]
    pub identifier: Option<String>,
    #[serde(default, deserialize_with = "super::compact")]
    pub messages: Vec<Message>,
}

/// `GET /v1/cases/{case_id}/interactions`: every channel at once, so switching is instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InteractionList {
    #[serde(default)]
    pub channels: Vec<ChannelConversation>,
}
