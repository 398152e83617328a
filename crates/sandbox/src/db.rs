//! The SQLite store. Each resource row keeps its contract DTO as JSON next to the columns the
//! queries need; `case_id` is the case that owns an item now and `origin_case_id` the one it was
//! created on, so a unification moves items with one UPDATE and its undo moves exactly them back.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;

use crate::dataset::DataSet;

pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, surveys_configured INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agents (
    id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL,
    username TEXT NOT NULL, password_hash TEXT NOT NULL, UNIQUE (tenant_id, username));
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY, agent_id INTEGER NOT NULL, expires_at INTEGER);
CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, customer_id INTEGER NOT NULL,
    data TEXT NOT NULL, custom_fields TEXT NOT NULL, merged_into INTEGER);
CREATE INDEX IF NOT EXISTS cases_customer ON cases (tenant_id, customer_id);
CREATE TABLE IF NOT EXISTS items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,            -- history | call | message | sla | attachment | survey
    item_id INTEGER NOT NULL,      -- the DTO's id (not unique in hostile data sets)
    case_id INTEGER NOT NULL,
    origin_case_id INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,     -- the item's timestamp
    channel TEXT, identifier TEXT, -- messages: their conversation
    as_of INTEGER,                 -- sla: when elapsed_seconds was measured
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS items_by_case ON items (case_id, kind, sort_key);
CREATE INDEX IF NOT EXISTS items_by_id ON items (kind, item_id);
CREATE TABLE IF NOT EXISTS attachment_content (item_seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS unifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- internal; the contract's id is `number`
    tenant_id TEXT NOT NULL, number INTEGER NOT NULL, target_case_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL, request TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (tenant_id, idempotency_key), UNIQUE (tenant_id, number));
CREATE TABLE IF NOT EXISTS unification_items (
    unification_id INTEGER NOT NULL, item_seq INTEGER NOT NULL, from_case_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (
    tenant_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, request TEXT NOT NULL,
    item_seq INTEGER NOT NULL, UNIQUE (tenant_id, idempotency_key));
";

/// Bumped whenever [`SCHEMA`] changes: a file made by another version is emptied at open (and
/// then seeded again), since `CREATE TABLE IF NOT EXISTS` would keep its old tables.
pub const SCHEMA_VERSION: &str = "3";

pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
    // a file without `meta` is new or older than versions; any other error stops the start
    // rather than being taken for "another version" (which would empty the file)
    let has_meta: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |r| r.get(0),
    )?;
    let version: Option<String> = if has_meta {
        conn.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| r.get(0))
            .optional()?
    } else {
        None
    };
    if version.as_deref() != Some(SCHEMA_VERSION) {
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for t in tables {
            conn.execute_batch(&format!("DROP TABLE \"{t}\""))?;
        }
    }
    conn.execute_batch(SCHEMA)?;
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?1)", [SCHEMA_VERSION])?;
    Ok(conn)
}

/// A connection that can only read (`state::AppState::read`).
pub fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA query_only = ON;")?;
    Ok(conn)
}

/// Whether the file already holds a data set (then it is kept across restarts).
pub fn is_seeded(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT value FROM meta WHERE key = 'seeded_at'", [], |r| {
        r.get::<_, String>(0)
    })
    .optional()
    .map(|v| v.is_some())
}

/// Replaces everything with `data`, in one transaction.
pub fn load(conn: &mut Connection, data: &DataSet, now: i64) -> Result<(), String> {
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        for table in [
            "meta",
            "tenants",
            "agents",
            "tokens",
            "customers",
            "cases",
            "items",
            "attachment_content",
            "unifications",
            "unification_items",
            "uploads",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        tx.execute("DELETE FROM sqlite_sequence", []).ok();
        tx.execute("INSERT INTO meta VALUES ('schema', ?1)", [SCHEMA_VERSION])?;
        for t in &data.tenants {
            tx.execute(
                "INSERT INTO tenants VALUES (?1, ?2, ?3)",
                params![t.id, t.name, t.surveys_configured],
            )?;
        }
        for a in &data.agents {
            tx.execute(
                "INSERT INTO agents VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    a.id,
                    a.tenant,
                    a.name,
                    a.username,
                    crate::password::stored(&format!("{}\n{}", a.tenant, a.username), &a.password)
                ],
            )?;
            for token in &a.tokens {
                tx.execute("INSERT INTO tokens VALUES (?1, ?2, NULL)", params![token, a.id])?;
            }
        }
        for c in &data.customers {
            tx.execute(
                "INSERT INTO customers VALUES (?1, ?2, ?3)",
                params![c.customer.id, c.tenant, serde_json::to_string(&c.customer)?],
            )?;
        }
        tx.execute(
            "INSERT INTO meta VALUES ('upload_limits', ?1)",
            params![serde_json::to_string(&data.upload_limits)?],
        )?;
        let mut item = tx.prepare(
            "INSERT INTO items (kind, item_id, case_id, origin_case_id, sort_key, channel, identifier, as_of, data)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for sc in &data.cases {
            let id = sc.case.id;
            // a case's customer is one of its own tenant's (the queries rely on it)
            let same = data
                .customers
                .iter()
                .any(|c| c.customer.id == sc.customer_id && c.tenant == sc.tenant);
            if !same {
                return Err(format!(
                    "case {id}: customer {} is not a customer of tenant {:?}",
                    sc.customer_id, sc.tenant
                )
                .into());
            }
            tx.execute(
                "INSERT INTO cases VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    sc.tenant,
                    sc.customer_id,
                    serde_json::to_string(&sc.case)?,
                    serde_json::to_string(&sc.custom_fields)?,
                    sc.case.merged_into
                ],
            )?;
            let none: Option<&str> = None;
            for e in &sc.history {
                item.execute(params![
                    "history",
                    e.id,
                    id,
                    e.occurred_at,
                    none,
                    none,
                    None::<i64>,
                    serde_json::to_string(e)?
                ])?;
            }
            for c in &sc.calls {
                item.execute(params![
                    "call",
                    c.id,
                    id,
                    c.started_at,
                    none,
                    none,
                    None::<i64>,
                    serde_json::to_string(c)?
                ])?;
            }
            for conv in &sc.interactions {
                for m in &conv.messages {
                    item.execute(params![
                        "message",
                        m.id,
                        id,
                        m.sent_at,
                        conv.channel,
                        conv.identifier,
                        None::<i64>,
                        serde_json::to_string(m)?
                    ])?;
                }
            }
            for s in &sc.sla {
                item.execute(params![
                    "sla",
                    s.id,
                    id,
                    s.started_at,
                    none,
                    none,
                    Some(now),
                    serde_json::to_string(s)?
                ])?;
            }
            for a in &sc.attachments {
                let bytes = a.bytes()?;
                item.execute(params![
                    "attachment",
                    a.attachment.id,
                    id,
                    a.attachment.created_at,
                    none,
                    none,
                    None::<i64>,
                    serde_json::to_string(&a.attachment)?
                ])?;
                tx.execute(
                    "INSERT INTO attachment_content VALUES (?1, ?2)",
                    params![tx.last_insert_rowid(), bytes],
                )?;
            }
            for s in &sc.surveys {
                item.execute(params![
                    "survey",
                    s.id,
                    id,
                    s.answered_at,
                    none,
                    none,
                    None::<i64>,
                    serde_json::to_string(s)?
                ])?;
            }
        }
        drop(item);
        tx.execute("INSERT INTO meta VALUES ('seeded_at', ?1)", params![now.to_string()])?;
        Ok(())
    };
    run().map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

/// Decodes a JSON column into a contract type.
pub fn json<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}
