//! The open case's live changes: `GET /v1/cases/{id}/events` (`text/event-stream`, read with
//! `fetch` so it carries the bearer header). Each event's SSE `event:` field names its kind (the
//! constants of [`kinds`]) and its `data:` is the JSON of that kind's payload: the item itself as
//! the lists carry it (a message as a [`ChannelConversation`] holding it, so its channel comes
//! along), or one of the types below; its `id:` is
//! a number that grows along the stream. Reconnecting with `Last-Event-ID` replays exactly what
//! came after that id; when the server no longer holds that far back it sends `reset` first
//! (the client reloads what it shows). A comment line is sent at least every 15 s (heartbeat).

use serde::{Deserialize, Serialize};

use super::*;

/// The SSE `event:` names, one per payload type.
pub mod kinds {
    /// [`Hello`](super::Hello): first on every connection.
    pub const HELLO: &str = "hello";
    /// A [`ChannelConversation`](super::ChannelConversation) holding the new message.
    pub const MESSAGE: &str = "message";
    /// A [`HistoryEvent`](super::HistoryEvent).
    pub const HISTORY: &str = "history";
    /// A [`Call`](super::Call) as it is now: it started, changed or ended.
    pub const CALL: &str = "call";
    /// An [`SlaTarget`](super::SlaTarget) as it is now: paused, resumed, met or breached.
    pub const SLA: &str = "sla";
    /// An [`Attachment`](super::Attachment), added by anyone through any channel.
    pub const ATTACHMENT: &str = "attachment";
    /// A [`Survey`](super::Survey) answered.
    pub const SURVEY: &str = "survey";
    /// [`CaseChanged`](super::CaseChanged): the open case's status, agent, in-service flag or
    /// unification.
    pub const CASE: &str = "case";
    /// A [`CustomerCase`](super::CustomerCase) as Histórico do Cliente lists it now: another case
    /// of the customer changed (its eligibility follows).
    pub const CUSTOMER_CASE: &str = "customer_case";
    /// [`UnificationChanged`](super::UnificationChanged): cases unified into this one, or undone.
    pub const UNIFICATION: &str = "unification";
    /// [`Presence`](super::Presence): who has the case open now.
    pub const PRESENCE: &str = "presence";
    /// [`Reset`](super::Reset): what was missed cannot be replayed; reload.
    pub const RESET: &str = "reset";
    pub const ALL: [&str; 12] = [
        HELLO,
        MESSAGE,
        HISTORY,
        CALL,
        SLA,
        ATTACHMENT,
        SURVEY,
        CASE,
        CUSTOMER_CASE,
        UNIFICATION,
        PRESENCE,
        RESET,
    ];
}

/// Sent first on every connection: who this connection is (to tell the agent's own presence
/// from others') and the heartbeat interval. On a connection without `Last-Event-ID` its `id:` is
/// the stream's position (the newest id when it started), so a client that loses the stream
/// before any change arrives resumes from there and misses nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Hello {
    pub agent: AgentRef,
    pub heartbeat_ms: u32,
}

/// The open case as it is now, who changed it, and which of its fields changed (`status`,
/// `assignee`, `in_service`, `merged_into`, `closed_at`: an open vocabulary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseChanged {
    pub case: CaseData,
    #[serde(default)]
    pub changed_by: Option<AgentRef>,
    #[serde(default)]
    pub fields: Vec<String>,
}

/// Cases were unified into the open case (or that was undone): every list may have changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnificationChanged {
    pub unification: Unification,
    pub undone: bool,
}

/// The agents with the case open now (the receiver included: see [`Hello::agent`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Presence {
    pub agents: Vec<AgentRef>,
}

/// The events after `Last-Event-ID` are no longer held: what is shown may be stale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reset {
    pub reason: String,
}
