//! Queries and transactions over the SQLite store, scoped by tenant. Routes stay thin; the rules
//! (eligibility) come from the domain crate, the same code the app runs.

use std::collections::HashMap;

use axum::http::StatusCode;
use cvortex_domain::eligibility::{ineligibility, Ineligibility};
use cvortex_domain::{
    codes, AgentRef, CaseData, CaseId, CaseRefusal, ChannelConversation, ContentCounts, CustomField, Customer,
    CustomerCase, HistoryEvent, LastEvent, Message, SlaTarget, Unification,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::db::json;
use crate::error::{ApiResult, AppError};

pub struct CaseRow {
    pub data: CaseData,
    pub custom_fields: Vec<CustomField>,
    pub customer_id: i64,
}

/// The case, if it belongs to `tenant` (another tenant's case is "not found").
pub fn case_row(conn: &Connection, tenant: &str, id: CaseId) -> ApiResult<CaseRow> {
    let row = conn
        .query_row(
            "SELECT data, custom_fields, customer_id, merged_into FROM cases WHERE id = ?1 AND tenant_id = ?2",
            params![id, tenant],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("case"))?;
    let mut data: CaseData = json(&row.0)?;
    data.merged_into = row.3;
    Ok(CaseRow {
        data,
        custom_fields: json(&row.1)?,
        customer_id: row.2,
    })
}

/// The customer `id` of `tenant` (another tenant's customer is not found).
pub fn customer(conn: &Connection, tenant: &str, id: i64) -> ApiResult<Customer> {
    let text: String = conn
        .query_row(
            "SELECT data FROM customers WHERE id = ?1 AND tenant_id = ?2",
            params![id, tenant],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("customer"))?;
    Ok(json(&text)?)
}

/// Item counts per case and kind, for every case of a customer (one query, not one per case).
fn customer_counts(conn: &Connection, tenant: &str, customer_id: i64) -> ApiResult<HashMap<CaseId, ContentCounts>> {
    let mut out: HashMap<CaseId, ContentCounts> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT i.case_id, i.kind, COUNT(*) FROM cases c JOIN items i ON i.case_id = c.id \
         WHERE c.tenant_id = ?1 AND c.customer_id = ?2 \
           AND i.kind IN ('history','message','call','attachment','survey') \
         GROUP BY i.case_id, i.kind",
    )?;
    let rows = stmt.query_map(params![tenant, customer_id], |r| {
        Ok((r.get::<_, CaseId>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?))
    })?;
    for row in rows {
        let (id, kind, n) = row?;
        let c = out.entry(id).or_default();
        match kind.as_str() {
            "history" => c.history = n,
            "message" => c.interactions = n,
            "call" => c.calls = n,
            "attachment" => c.attachments = n,
            _ => c.surveys = n,
        }
    }
    Ok(out)
}

/// The newest history event of every case of a customer, summarized for the customer's case list.
fn customer_last_events(conn: &Connection, tenant: &str, customer_id: i64) -> ApiResult<HashMap<CaseId, LastEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT case_id, data FROM ( \
           SELECT i.case_id, i.data, ROW_NUMBER() OVER (PARTITION BY i.case_id ORDER BY i.sort_key DESC, i.seq DESC) AS n \
           FROM cases c JOIN items i ON i.case_id = c.id AND i.kind = 'history' \
           WHERE c.tenant_id = ?1 AND c.customer_id = ?2) \
         WHERE n = 1",
    )?;
    let rows = stmt.query_map(params![tenant, customer_id], |r| {
        Ok((r.get::<_, CaseId>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, text) = row?;
        let e: HistoryEvent = json(&text)?;
        out.insert(
            id,
            LastEvent {
                action: e.action,
                description: e.description,
                comment: e.comment,
            },
        );
    }
    Ok(out)
}

pub fn to_customer_case(d: &CaseData, counts: ContentCounts, last_event: Option<LastEvent>) -> CustomerCase {
    CustomerCase {
        id: d.id,
        subject: d.subject.clone(),
        case_type: d.case_type.clone(),
        status: d.status.clone(),
        assignee: d.assignee.clone(),
        channel: d.channel.clone(),
        contact: d.contact.clone(),
        created_at: d.created_at,
        updated_at: d.updated_at,
        closed_at: d.closed_at,
        in_service: d.in_service,
        merged_into: d.merged_into,
        counts,
        last_event,
    }
}

/// Every case of the customer of `case`, newest first.
pub fn customer_cases(conn: &Connection, tenant: &str, customer_id: i64) -> ApiResult<Vec<CustomerCase>> {
    let mut stmt =
        conn.prepare("SELECT data, merged_into FROM cases WHERE tenant_id = ?1 AND customer_id = ?2 ORDER BY id DESC")?;
    let rows = stmt.query_map(params![tenant, customer_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
    })?;
    let mut cases = Vec::new();
    for row in rows {
        let (text, merged) = row?;
        let mut d: CaseData = json(&text)?;
        d.merged_into = merged;
        cases.push(d);
    }
    let counts = customer_counts(conn, tenant, customer_id)?;
    let mut last = customer_last_events(conn, tenant, customer_id)?;
    let mut out = Vec::with_capacity(cases.len());
    for d in &cases {
        let c = counts.get(&d.id).copied().unwrap_or_default();
        out.push(to_customer_case(d, c, last.remove(&d.id)));
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(out)
}

/// The items of one kind owned by a case, newest first, as stored: each is the JSON of its
/// contract type (written by `db::load` and the write routes from the typed value), passed through
/// without decoding and encoding it again, which at 10,000 items was most of an answer's time.
pub fn items_json(conn: &Connection, case_id: CaseId, kind: &str) -> ApiResult<Vec<Box<RawValue>>> {
    let mut stmt = conn
        .prepare_cached("SELECT data FROM items WHERE case_id = ?1 AND kind = ?2 ORDER BY sort_key DESC, seq DESC")?;
    let rows = stmt.query_map(params![case_id, kind], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(RawValue::from_string(row?).map_err(AppError::from)?);
    }
    Ok(out)
}

/// The items of one kind owned by a case, newest first.
pub fn items<T: DeserializeOwned>(conn: &Connection, case_id: CaseId, kind: &str) -> ApiResult<Vec<T>> {
    let mut stmt = conn
        .prepare_cached("SELECT data FROM items WHERE case_id = ?1 AND kind = ?2 ORDER BY sort_key DESC, seq DESC")?;
    let rows = stmt.query_map(params![case_id, kind], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(json(&row?)?);
    }
    Ok(out)
}

/// Conversations per channel, channels in the order they first appeared, messages oldest first.
pub fn conversations(conn: &Connection, case_id: CaseId) -> ApiResult<Vec<ChannelConversation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT channel, identifier, data FROM items WHERE case_id = ?1 AND kind = 'message' ORDER BY sort_key, seq",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out: Vec<ChannelConversation> = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let (channel, identifier, text) = row?;
        let channel = channel.unwrap_or_else(|| "other".into());
        let message: Message = json(&text)?;
        let idx = *first_seen.entry(channel.clone()).or_insert_with(|| {
            out.push(ChannelConversation {
                channel: channel.clone(),
                identifier: None,
                messages: Vec::new(),
            });
            out.len() - 1
        });
        let conv = &mut out[idx];
        if conv.identifier.is_none() {
            conv.identifier = identifier;
        }
        conv.messages.push(message);
    }
    Ok(out)
}

/// SLA targets with their execution time brought up to `now`: a target whose clock runs
/// (running, or breached and not completed) counts on, and a running one past its target is breached.
pub fn sla(conn: &Connection, case_id: CaseId, now: i64) -> ApiResult<Vec<SlaTarget>> {
    let mut stmt = conn
        .prepare_cached("SELECT data, as_of FROM items WHERE case_id = ?1 AND kind = 'sla' ORDER BY sort_key, seq")?;
    let rows = stmt.query_map([case_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (text, as_of) = row?;
        let mut t: SlaTarget = json(&text)?;
        let counting = (t.status == "running" || t.status == "breached") && t.completed_at.is_none();
        if counting {
            let since = as_of.unwrap_or(now);
            t.elapsed_seconds = t.elapsed_seconds.saturating_add((now - since).max(0) / 1000);
            if t.status == "running" && t.elapsed_seconds > t.target_seconds {
                t.status = "breached".into();
            }
        }
        out.push(t);
    }
    Ok(out)
}

/// Inserts an event into a case's history (unifications leave a trace on the target).
fn add_history(tx: &Transaction, case_id: CaseId, event: &HistoryEvent) -> ApiResult<()> {
    tx.execute(
        "INSERT INTO items (kind, item_id, case_id, origin_case_id, sort_key, data) VALUES ('history', ?1, ?2, ?2, ?3, ?4)",
        params![event.id, case_id, event.occurred_at, serde_json::to_string(event)?],
    )?;
    Ok(())
}

/// The next id of an item of `kind` in `tenant`. Ids are counted per tenant: a global count
/// would let one tenant measure another's activity (how many files, events, unifications).
pub fn next_item_id(conn: &Connection, tenant: &str, kind: &str) -> ApiResult<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(i.item_id), 0) + 1 FROM items i JOIN cases c ON c.id = i.case_id
         WHERE i.kind = ?1 AND c.tenant_id = ?2",
        params![kind, tenant],
        |r| r.get(0),
    )?)
}

pub enum UnifyOutcome {
    Created(Unification),
    /// The same idempotency key with the same request: the first answer again.
    Replayed(Unification),
}

pub struct UnifyInput<'a> {
    pub tenant: &'a str,
    pub agent: AgentRef,
    pub target: CaseId,
    pub case_ids: Vec<CaseId>,
    pub idempotency_key: &'a str,
    pub now: i64,
    pub undo_window_ms: i64,
}

/// Unifies `case_ids` into `target`, all or nothing, re-checking eligibility inside the
/// transaction with the domain's rule.
pub fn unify(conn: &mut Connection, input: UnifyInput) -> ApiResult<UnifyOutcome> {
    let mut ids = input.case_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            codes::VALIDATION,
            "case_ids must not be empty",
        ));
    }
    let request = serde_json::to_string(&(input.target, &ids))?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // a replay, too, answers only a caller who may still see the case
    let target = case_row(&tx, input.tenant, input.target)?;
    let previous: Option<(String, String)> = tx
        .query_row(
            "SELECT request, data FROM unifications WHERE tenant_id = ?1 AND idempotency_key = ?2",
            params![input.tenant, input.idempotency_key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((prev_request, data)) = previous {
        if prev_request != request {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                codes::IDEMPOTENCY_CONFLICT,
                "this Idempotency-Key was used for a different request",
            ));
        }
        return Ok(UnifyOutcome::Replayed(json(&data)?));
    }

    if target.data.merged_into.is_some() {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            codes::CONFLICT,
            "the open case was itself unified into another case",
        ));
    }
    if target.data.state() == cvortex_domain::status::CaseState::Finished {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            codes::CASE_FINISHED,
            "the open case is finished: nothing can be unified into it",
        ));
    }
    let all = customer_cases(&tx, input.tenant, target.customer_id)?;
    let open = all
        .iter()
        .find(|c| c.id == input.target)
        .cloned()
        .ok_or_else(|| AppError::not_found("case"))?;
    let mut refusals = Vec::new();
    let mut moved = ContentCounts::default();
    for id in &ids {
        match all.iter().find(|c| c.id == *id) {
            None => refusals.push(CaseRefusal {
                case_id: *id,
                reasons: vec![Ineligibility::NotFound],
            }),
            Some(candidate) => {
                let reasons = ineligibility(&open, candidate);
                if reasons.is_empty() {
                    moved = moved + candidate.counts;
                } else {
                    refusals.push(CaseRefusal { case_id: *id, reasons });
                }
            }
        }
    }
    if !refusals.is_empty() {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            codes::CASES_NOT_ELIGIBLE,
            "some cases cannot be unified; nothing was changed",
        )
        .with_details(serde_json::to_value(&refusals)?));
    }

    // the contract's id is numbered per tenant (see `next_item_id`); `unification_id` is the row
    let number: i64 = tx.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM unifications WHERE tenant_id = ?1",
        [input.tenant],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO unifications (tenant_id, number, target_case_id, idempotency_key, request, data) VALUES (?1, ?2, ?3, ?4, ?5, '{}')",
        params![input.tenant, number, input.target, input.idempotency_key, request],
    )?;
    let unification_id = tx.last_insert_rowid();
    for id in &ids {
        tx.execute(
            "INSERT INTO unification_items SELECT ?1, seq, case_id FROM items WHERE case_id = ?2",
            params![unification_id, id],
        )?;
        tx.execute(
            "UPDATE items SET case_id = ?1 WHERE case_id = ?2",
            params![input.target, id],
        )?;
        tx.execute(
            "UPDATE cases SET merged_into = ?1 WHERE id = ?2",
            params![input.target, id],
        )?;
    }
    let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
    let event = HistoryEvent {
        id: next_item_id(&tx, input.tenant, "history")?,
        case_id: input.target,
        occurred_at: input.now,
        action: "unification".into(),
        description: format!("Atendimentos {list} unificados a este caso"),
        agent: Some(input.agent.clone()),
        comment: None,
        channel: None,
        status: Some(target.data.status.clone()),
        questionnaires: Vec::new(),
    };
    add_history(&tx, input.target, &event)?;
    let unification = Unification {
        id: number,
        target_case_id: input.target,
        merged_case_ids: ids,
        created_at: input.now,
        undo_until: input.now + input.undo_window_ms,
        undone_at: None,
        moved,
    };
    tx.execute(
        "UPDATE unifications SET data = ?1 WHERE id = ?2",
        params![serde_json::to_string(&unification)?, unification_id],
    )?;
    tx.commit()?;
    Ok(UnifyOutcome::Created(unification))
}

/// Undoes a unification within its window: the moved items go back to their cases and the merged
/// cases stand on their own again. Undoing twice answers the same.
pub fn undo(
    conn: &mut Connection,
    tenant: &str,
    agent: AgentRef,
    target: CaseId,
    unification_id: i64,
    now: i64,
) -> ApiResult<Unification> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    case_row(&tx, tenant, target)?;
    // `unification_id` is the contract's id (numbered per tenant); `row` the stored row
    let (row, data): (i64, String) = tx
        .query_row(
            "SELECT id, data FROM unifications WHERE number = ?1 AND tenant_id = ?2 AND target_case_id = ?3",
            params![unification_id, tenant, target],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("unification"))?;
    let mut u: Unification = json(&data)?;
    if u.undone_at.is_some() {
        return Ok(u);
    }
    if now > u.undo_until {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            codes::UNDO_EXPIRED,
            "the undo window of this unification has passed",
        ));
    }
    // Unifications are undone in the reverse order of what built on them: a later one that moved
    // any of these items again (the target was itself unified elsewhere) holds them now, and
    // undoing this one first would send them back where that later undo would then take them
    // from, into the wrong case. Refused, naming the unification to undo first.
    let later: Option<(i64, CaseId)> = tx
        .query_row(
            "SELECT u.number, u.target_case_id FROM unification_items a
               JOIN unification_items b ON b.item_seq = a.item_seq AND b.unification_id > a.unification_id
               JOIN unifications u ON u.id = b.unification_id
             WHERE a.unification_id = ?1 AND json_extract(u.data, '$.undone_at') IS NULL
             ORDER BY u.id DESC LIMIT 1",
            [row],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((later_id, into)) = later {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            codes::UNDO_BLOCKED,
            format!("unification {later_id} (into case {into}) moved these items again: undo it first"),
        )
        .with_details(serde_json::json!({ "unification_id": later_id, "case_id": into })));
    }
    tx.execute(
        "UPDATE items SET case_id = (SELECT from_case_id FROM unification_items ui WHERE ui.unification_id = ?1 AND ui.item_seq = items.seq)
         WHERE seq IN (SELECT item_seq FROM unification_items WHERE unification_id = ?1)",
        [row],
    )?;
    for id in &u.merged_case_ids {
        tx.execute(
            "UPDATE cases SET merged_into = NULL WHERE id = ?1 AND merged_into = ?2",
            params![id, target],
        )?;
    }
    let list = u
        .merged_case_ids
        .iter()
        .map(|i| format!("#{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let event = HistoryEvent {
        id: next_item_id(&tx, tenant, "history")?,
        case_id: target,
        occurred_at: now,
        action: "unification_undone".into(),
        description: format!("Unificação desfeita: atendimentos {list} separados deste caso"),
        agent: Some(agent),
        comment: None,
        channel: None,
        status: None,
        questionnaires: Vec::new(),
    };
    add_history(&tx, target, &event)?;
    u.undone_at = Some(now);
    tx.execute(
        "UPDATE unifications SET data = ?1 WHERE id = ?2",
        params![serde_json::to_string(&u)?, row],
    )?;
    tx.commit()?;
    Ok(u)
}
