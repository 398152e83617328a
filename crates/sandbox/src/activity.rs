//! Changes that happen to cases while agents look at them, stored like any data and published on
//! the cases' event streams: the writes of the API (unification, undo, upload) call
//! [`case_changed`]; the test control `POST /__sandbox/activity` and the demo's live activity
//! (`--demo-activity`) make customers write, calls ring, SLA targets move and colleagues take cases.

use cvortex_domain::{
    kinds, AgentRef, Call, CaseChanged, CaseData, CaseId, ChannelConversation, Message, Sender, SlaTarget,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

use crate::db::json;
use crate::error::{ApiResult, AppError};
use crate::live::Live;
use crate::store;

/// Events to publish once the change that made them is committed (never one for data that was
/// rolled back).
#[derive(Default)]
pub struct Outbox(Vec<(CaseId, &'static str, String)>);

impl Outbox {
    pub fn push(&mut self, case: CaseId, kind: &'static str, payload: &impl serde::Serialize) {
        self.0
            .push((case, kind, serde_json::to_string(payload).unwrap_or_default()));
    }

    pub fn send(self, live: &Live) {
        for (case, kind, data) in self.0 {
            live.publish_json(case, kind, data);
        }
    }
}

/// One thing happening, as `POST /__sandbox/activity` takes it.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Activity {
    /// The customer writes on `channel` (`count` messages, numbered when more than one).
    Message {
        case_id: CaseId,
        channel: String,
        text: String,
        #[serde(default)]
        count: Option<u32>,
    },
    /// A call starts (`in_progress`) or changes (`call_id` given: its new `status`).
    Call {
        case_id: CaseId,
        status: String,
        #[serde(default)]
        call_id: Option<i64>,
        #[serde(default)]
        duration_seconds: Option<i64>,
    },
    /// An SLA target moves to `status` (`running`, `paused`, `met`, `breached`).
    Sla {
        case_id: CaseId,
        sla_id: i64,
        status: String,
    },
    /// An agent takes the case into service.
    Take { case_id: CaseId, agent_id: i64 },
    /// The case is finished.
    Finish { case_id: CaseId },
}

/// Applies `activity` (in a transaction) and publishes what changed.
pub fn apply(conn: &Connection, live: &Live, out: &mut Outbox, activity: Activity, now: i64) -> ApiResult<()> {
    match activity {
        Activity::Message {
            case_id,
            channel,
            text,
            count,
        } => {
            let n = count.unwrap_or(1).clamp(1, 10_000);
            for i in 1..=n {
                let text = if n > 1 { format!("{text} {i}") } else { text.clone() };
                message(conn, out, case_id, &channel, &text, now)?;
            }
            Ok(())
        }
        Activity::Call {
            case_id,
            status,
            call_id,
            duration_seconds,
        } => call(conn, out, case_id, &status, call_id, duration_seconds, now),
        Activity::Sla {
            case_id,
            sla_id,
            status,
        } => sla(conn, out, case_id, sla_id, &status, now),
        Activity::Take { case_id, agent_id } => {
            let agent = conn
                .query_row("SELECT id, name FROM agents WHERE id = ?1", [agent_id], |r| {
                    Ok(AgentRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                })
                .optional()?
                .ok_or_else(|| AppError::not_found("agent"))?;
            update_case(
                conn,
                live,
                out,
                case_id,
                Some(agent.clone()),
                &["in_service", "assignee"],
                |d| {
                    d.in_service = true;
                    d.assignee = Some(agent.clone());
                    d.updated_at = Some(now);
                },
            )
        }
        Activity::Finish { case_id } => update_case(
            conn,
            live,
            out,
            case_id,
            None,
            &["in_service", "closed_at", "status"],
            |d| {
                d.in_service = false;
                d.closed_at = Some(now);
                d.status.is_final = true;
                d.updated_at = Some(now);
            },
        ),
    }
}

fn tenant_of(conn: &Connection, case_id: CaseId) -> ApiResult<String> {
    conn.query_row("SELECT tenant_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| AppError::not_found("case"))
}

/// A customer's message on `channel`, into the conversation the case has there.
pub fn message(
    conn: &Connection,
    out: &mut Outbox,
    case_id: CaseId,
    channel: &str,
    text: &str,
    now: i64,
) -> ApiResult<()> {
    let tenant = tenant_of(conn, case_id)?;
    let row = store::case_row(conn, &tenant, case_id)?;
    let customer = store::customer(conn, &tenant, row.customer_id)?;
    let identifier = match channel {
        "whatsapp" | "phone" => row.data.contact.whatsapp.clone(),
        "chat" => row.data.contact.chat_id.clone(),
        "email" => row.data.contact.email.clone(),
        _ => None,
    };
    let message = Message {
        id: store::next_item_id(conn, &tenant, "message")?,
        case_id,
        sent_at: now,
        sender: Sender {
            kind: "customer".into(),
            name: Some(customer.name),
        },
        text: Some(text.to_string()),
        subject: None,
        html: None,
        files: Vec::new(),
    };
    conn.execute(
        "INSERT INTO items (kind, item_id, case_id, origin_case_id, sort_key, channel, identifier, data)
         VALUES ('message', ?1, ?2, ?2, ?3, ?4, ?5, ?6)",
        params![
            message.id,
            case_id,
            now,
            channel,
            identifier,
            serde_json::to_string(&message)?
        ],
    )?;
    out.push(
        case_id,
        kinds::MESSAGE,
        &ChannelConversation {
            channel: channel.to_string(),
            identifier,
            messages: vec![message],
        },
    );
    Ok(())
}

fn call(
    conn: &Connection,
    out: &mut Outbox,
    case_id: CaseId,
    status: &str,
    call_id: Option<i64>,
    duration: Option<i64>,
    now: i64,
) -> ApiResult<()> {
    let tenant = tenant_of(conn, case_id)?;
    let row = store::case_row(conn, &tenant, case_id)?;
    let call = match call_id {
        Some(id) => {
            let (seq, text): (i64, String) = conn
                .query_row(
                    "SELECT seq, data FROM items WHERE kind = 'call' AND item_id = ?1 AND case_id = ?2",
                    params![id, case_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| AppError::not_found("call"))?;
            let mut call: Call = json(&text)?;
            call.status = status.to_string();
            call.duration_seconds = duration.or(call.duration_seconds);
            conn.execute(
                "UPDATE items SET data = ?1 WHERE seq = ?2",
                params![serde_json::to_string(&call)?, seq],
            )?;
            call
        }
        None => {
            let call: Call = serde_json::from_value(serde_json::json!({
                "id": store::next_item_id(conn, &tenant, "call")?,
                "case_id": case_id,
                "started_at": now,
                "from_phone": row.data.contact.whatsapp.clone().unwrap_or_else(|| "5511900000000".into()),
                "status": status,
                "direction": "inbound",
                "duration_seconds": duration,
            }))?;
            conn.execute(
                "INSERT INTO items (kind, item_id, case_id, origin_case_id, sort_key, data) VALUES ('call', ?1, ?2, ?2, ?3, ?4)",
                params![call.id, case_id, now, serde_json::to_string(&call)?],
            )?;
            call
        }
    };
    out.push(case_id, kinds::CALL, &call);
    Ok(())
}

fn sla(conn: &Connection, out: &mut Outbox, case_id: CaseId, sla_id: i64, status: &str, now: i64) -> ApiResult<()> {
    let seq: i64 = conn
        .query_row(
            "SELECT seq FROM items WHERE kind = 'sla' AND item_id = ?1 AND case_id = ?2",
            params![sla_id, case_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("sla"))?;
    // the clock as it stands now, then the new status from now on
    let current: SlaTarget = store::sla(conn, case_id, now)?
        .into_iter()
        .find(|t| t.id == sla_id)
        .ok_or_else(|| AppError::not_found("sla"))?;
    let mut target = current;
    target.status = status.to_string();
    match status {
        "paused" => target.paused_since = Some(now),
        "running" => target.paused_since = None,
        "met" => target.completed_at = Some(now),
        _ => {}
    }
    conn.execute(
        "UPDATE items SET data = ?1, as_of = ?2 WHERE seq = ?3",
        params![serde_json::to_string(&target)?, now, seq],
    )?;
    out.push(case_id, kinds::SLA, &target);
    Ok(())
}

fn update_case(
    conn: &Connection,
    live: &Live,
    out: &mut Outbox,
    case_id: CaseId,
    by: Option<AgentRef>,
    fields: &[&str],
    change: impl FnOnce(&mut CaseData),
) -> ApiResult<()> {
    let text: String = conn
        .query_row("SELECT data FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| AppError::not_found("case"))?;
    let mut data: CaseData = json(&text)?;
    change(&mut data);
    conn.execute(
        "UPDATE cases SET data = ?1 WHERE id = ?2",
        params![serde_json::to_string(&data)?, case_id],
    )?;
    case_changed(conn, live, out, &[case_id], by, fields)
}

/// Publishes that `changed` cases changed: to each of them as the open case (`case`), and to the
/// other cases of their customers that anyone watches (`customer_case`: their eligibility).
pub fn case_changed(
    conn: &Connection,
    live: &Live,
    out: &mut Outbox,
    changed: &[CaseId],
    by: Option<AgentRef>,
    fields: &[&str],
) -> ApiResult<()> {
    for &id in changed {
        let tenant = tenant_of(conn, id)?;
        let row = store::case_row(conn, &tenant, id)?;
        out.push(
            id,
            kinds::CASE,
            &CaseChanged {
                case: row.data.clone(),
                changed_by: by.clone(),
                fields: fields.iter().map(|f| f.to_string()).collect(),
            },
        );
        let cases = store::customer_cases(conn, &tenant, row.customer_id)?;
        let Some(listed) = cases.iter().find(|c| c.id == id) else {
            continue;
        };
        for other in cases.iter().filter(|c| c.id != id && live.is_watched(c.id)) {
            out.push(other.id, kinds::CUSTOMER_CASE, listed);
        }
    }
    Ok(())
}
