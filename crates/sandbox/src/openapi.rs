//! Generates `api/openapi.yaml` (OpenAPI 3.1) from the contract's Rust types: schemas come from
//! the domain types via schemars, operations from `routes::ROUTES` plus the description below.
//! `tests/openapi.rs` fails when the committed file differs from what this produces.

use cvortex_domain::*;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::routes::ROUTES;

/// What an operation takes and answers, besides its method and path.
struct Op {
    summary: &'static str,
    description: &'static str,
    request: Option<Value>,
    ok_status: &'static str,
    ok: Value,
    errors: &'static [u16],
    extra_params: Vec<Value>,
}

fn json_content(schema: Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": json_content(schema) })
}

fn path_param(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description, "schema": { "type": "integer", "format": "int64" } })
}

fn idempotency_param() -> Value {
    json!({
        "name": "Idempotency-Key", "in": "header", "required": true,
        "description": "Unique per intended write (1 to 200 visible ASCII characters). Repeating a request with the same key answers the first result (200) without doing it again; the same key with another request is refused (422 idempotency_key_reused).",
        "schema": { "type": "string", "minLength": 1, "maxLength": 200 }
    })
}

fn op(name: &str, g: &mut SchemaGenerator) -> Op {
    match name {
        "login" => Op {
            summary: "Log in to a tenant",
            description: "Exchanges tenant, username and password for a bearer token, which expires at `expires_at` (then every call answers 401 and the client logs in again). The only operation without a token. Failed attempts are throttled per account and per client address (by default 5 and 20 within 15 minutes): past the limit the answer is 429 with `Retry-After`, even for the right password, until the window moves on. Passwords are kept as argon2id hashes.",
            request: Some(sub::<LoginRequest>(g)),
            ok_status: "200",
            ok: ok("A session", sub::<Session>(g)),
            errors: &[401, 422, 429],
            extra_params: vec![],
        },
        "cases" => Op {
            summary: "List the cases the agent can open",
            description: "The tenant's cases (the standalone start page lists them).",
            request: None,
            ok_status: "200",
            ok: ok("The cases", sub::<CaseList>(g)),
            errors: &[401],
            extra_params: vec![],
        },
        "case" => Op {
            summary: "Case data (Dados do Caso)",
            description: "The case, its customer's personal data and the tenant's custom fields.",
            request: None,
            ok_status: "200",
            ok: ok("The case", sub::<CaseDetails>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "history" => Op {
            summary: "Case history (Histórico do Caso)",
            description: "Every event of the case, newest first, with the questionnaires answered. Events brought by a unification keep their original case_id.",
            request: None,
            ok_status: "200",
            ok: ok("The events", sub::<HistoryList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "customer_cases" => Op {
            summary: "The customer's cases (Histórico do Cliente)",
            description: "Every case of the open case's customer, the open case included, with what unification eligibility and its preview need.",
            request: None,
            ok_status: "200",
            ok: ok("The cases", sub::<CustomerCaseList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "unify" => Op {
            summary: "Unify cases into the open case",
            description: "All or nothing. Eligibility is checked again on the server with the same rule the app uses; when any case is not eligible nothing changes and the answer is 409 cases_not_eligible with `details`: a list of CaseRefusal. 201 when created, 200 when replayed by Idempotency-Key.",
            request: Some(sub::<UnificationRequest>(g)),
            ok_status: "201",
            ok: ok("The unification (200 when the Idempotency-Key was already used for this request)", sub::<Unification>(g)),
            errors: &[400, 401, 404, 409, 422],
            extra_params: vec![idempotency_param()],
        },
        "undo" => Op {
            summary: "Undo a unification",
            description: "Within `undo_until`: the moved items go back to their cases. Undoing twice answers the same; after the window, 409 undo_window_expired. Unifications are undone in the reverse order of what built on them: while a later unification that moved the same items again (the target was itself unified elsewhere) is not undone, 409 undo_blocked_by_later_unification (details: unification_id and case_id of the one to undo first).",
            request: None,
            ok_status: "200",
            ok: ok("The unification, with undone_at", sub::<Unification>(g)),
            errors: &[401, 404, 409],
            extra_params: vec![path_param("unification_id", "The unification")],
        },
        "calls" => Op {
            summary: "Calls (Histórico de Ligações)",
            description: "Every phone call of the case, newest first.",
            request: None,
            ok_status: "200",
            ok: ok("The calls", sub::<CallList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "interactions" => Op {
            summary: "Interactions per channel (Interações)",
            description: "Every channel's conversation at once (messages oldest first), so switching channels needs no request.",
            request: None,
            ok_status: "200",
            ok: ok("The conversations", sub::<InteractionList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "sla" => Op {
            summary: "SLA targets",
            description: "Each target with its execution time as of server_time.",
            request: None,
            ok_status: "200",
            ok: ok("The targets", sub::<SlaList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "attachments" => Op {
            summary: "Attachments (Anexos)",
            description: "The case's files and the upload limits.",
            request: None,
            ok_status: "200",
            ok: ok("The files", sub::<AttachmentList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "upload" => Op {
            summary: "Attach a file",
            description: "The body is the file itself, `Content-Type` its MIME type. Checked against the limits of the attachment list (413 payload_too_large, 415 unsupported_media_type, 422 for an empty file) and the quotas: the case's (`case_quota_bytes`, of which `case_used_bytes` are taken) and the tenant's, 413 quota_exceeded with `details.remaining_bytes`. A case unified into another takes no file: 409 case_unified, `details.case_id` naming where it went. A body that does not arrive within the server's time: 408 request_timeout. The Idempotency-Key is scoped by tenant, agent and route, and its request includes the bytes' SHA-256: the same key with other bytes is 422 idempotency_key_reused. Ids are counted per tenant. The name is sanitized.",
            request: None,
            ok_status: "201",
            ok: ok("The new attachment (200 when replayed by Idempotency-Key)", sub::<Attachment>(g)),
            errors: &[400, 401, 404, 408, 409, 413, 415, 422],
            extra_params: vec![
                idempotency_param(),
                json!({ "name": "file_name", "in": "query", "required": true, "description": "The file's name", "schema": { "type": "string" } }),
            ],
        },
        "attachment_content" => Op {
            summary: "Download a file",
            description: "The bytes, with `Content-Disposition: attachment` and a sanitized file name.",
            request: None,
            ok_status: "200",
            ok: json!({ "description": "The file", "content": { "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } } }),
            errors: &[401, 404],
            extra_params: vec![path_param("attachment_id", "The attachment")],
        },
        "surveys" => Op {
            summary: "Satisfaction surveys (Pesquisa de Satisfação)",
            description: "Every survey of the case; `configured` is false when the tenant has none set up.",
            request: None,
            ok_status: "200",
            ok: ok("The surveys", sub::<SurveyList>(g)),
            errors: &[401, 404],
            extra_params: vec![],
        },
        "events" => Op {
            summary: "The case's live changes (event stream)",
            description: "Server-sent events (`text/event-stream`), read with `fetch` so the bearer header is sent (an EventSource cannot send it); a 401 takes the usual one token refresh. Each event's `event:` field names its kind and its `data:` is the JSON of that kind's payload (`x-events` maps kinds to schemas); `id:` grows along the stream. Reconnecting with `Last-Event-ID` replays exactly the events after it; when they are no longer kept, a `reset` event comes first (reload what is shown; its id is where to resume). The first event is `hello` (the connection's agent and the heartbeat interval); a comment line is sent at least every `heartbeat_ms` (15 s by default), so silence for three intervals means the connection is lost. `presence` events (who has the case open) are live only, never replayed.",
            request: None,
            ok_status: "200",
            ok: json!({
                "description": "The stream",
                "content": { "text/event-stream": { "schema": { "type": "string" } } },
                "x-events": {
                    kinds::HELLO: sub::<Hello>(g),
                    kinds::MESSAGE: sub::<ChannelConversation>(g),
                    kinds::HISTORY: sub::<HistoryEvent>(g),
                    kinds::CALL: sub::<Call>(g),
                    kinds::SLA: sub::<SlaTarget>(g),
                    kinds::ATTACHMENT: sub::<Attachment>(g),
                    kinds::SURVEY: sub::<Survey>(g),
                    kinds::CASE: sub::<CaseChanged>(g),
                    kinds::CUSTOMER_CASE: sub::<CustomerCase>(g),
                    kinds::UNIFICATION: sub::<UnificationChanged>(g),
                    kinds::PRESENCE: sub::<Presence>(g),
                    kinds::RESET: sub::<Reset>(g),
                },
            }),
            errors: &[401, 404],
            extra_params: vec![json!({
                "name": "Last-Event-ID", "in": "header", "required": false,
                "description": "The id of the last event applied: the stream resumes after it.",
                "schema": { "type": "string" }
            })],
        },
        other => panic!("route {other} has no OpenAPI description"),
    }
}

fn sub<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    g.subschema_for::<T>().to_value()
}

/// The document as a JSON value.
pub fn document() -> Value {
    let mut g = SchemaSettings::draft2020_12()
        .with(|s| s.definitions_path = "/components/schemas".into())
        .into_generator();
    let error_ref = sub::<ErrorBody>(&mut g);
    sub::<CaseRefusal>(&mut g);
    let mut paths = Map::new();
    for route in ROUTES {
        let o = op(route.name, &mut g);
        let mut params = Vec::new();
        if route.path.contains("{case_id}") {
            params.push(path_param("case_id", "The case open in the modal"));
        }
        params.extend(o.extra_params);
        let mut responses = Map::new();
        let mut ok = o.ok;
        // every read but the stream has a validator (crates/sandbox/src/validators.rs)
        let validated = route.method == "GET" && route.name != "events";
        if validated {
            params.push(json!({
                "name": "If-None-Match",
                "in": "header",
                "required": false,
                "description": "The ETag of the answer the client holds: 304 if it is still the answer",
                "schema": { "type": "string" }
            }));
            ok["headers"] = json!({
                "ETag": { "description": "A weak validator of this answer's bytes", "schema": { "type": "string" } },
                "Cache-Control": { "description": "`private, no-cache`: keep it, revalidate it on every use", "schema": { "type": "string" } }
            });
            responses.insert(
                "304".into(),
                json!({ "description": "Not Modified: the answer whose ETag was sent in If-None-Match is still the answer (no body)" }),
            );
        }
        responses.insert(o.ok_status.into(), ok);
        for status in o.errors {
            responses.insert(
                status.to_string(),
                json!({ "$ref": format!("#/components/responses/E{status}") }),
            );
        }
        responses.insert("default".into(), json!({ "$ref": "#/components/responses/Error" }));
        let mut operation = json!({
            "operationId": route.name,
            "summary": o.summary,
            "description": o.description,
            "responses": responses,
        });
        if !params.is_empty() {
            operation["parameters"] = Value::Array(params);
        }
        if let Some(req) = o.request {
            operation["requestBody"] = json!({ "required": true, "content": json_content(req) });
        }
        if route.name == "upload" {
            operation["requestBody"] = json!({ "required": true, "content": { "*/*": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } } });
        }
        if route.name == "login" {
            operation["security"] = json!([]);
        }
        let entry = paths.entry(route.path.to_string()).or_insert_with(|| json!({}));
        entry[route.method.to_ascii_lowercase()] = operation;
    }
    let error_response =
        |description: &str| json!({ "description": description, "content": json_content(error_ref.clone()) });
    let mut responses = Map::new();
    for (status, text) in [
        (400, "Bad request (malformed JSON, missing header or parameter)"),
        (401, "Missing, unknown or expired token"),
        (
            404,
            "Not found, or not visible to this tenant (never 403, so existence is not revealed)",
        ),
        (
            409,
            "Conflict: cases_not_eligible (details: CaseRefusal list), case_finished (nothing is unified into a finished case), undo_window_expired, undo_blocked_by_later_unification (details: unification_id, case_id), case_unified (details: case_id, where the case went), conflict",
        ),
        (408, "The request's body did not arrive in time (request_timeout)"),
        (413, "The file is larger than the limit (payload_too_large), or a quota would be exceeded (quota_exceeded, details: remaining_bytes)"),
        (415, "The file type is not allowed"),
        (
            429,
            "Too many requests (rate_limited; after failed logins, details: retry_after_s): wait the Retry-After seconds",
        ),
        (
            422,
            "Valid JSON that breaks a rule (validation_failed, idempotency_key_reused)",
        ),
    ] {
        responses.insert(format!("E{status}"), error_response(text));
    }
    responses.insert(
        "Error".into(),
        error_response("Any other error, same shape (429 rate_limited and 503 unavailable may carry Retry-After)"),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "cVortex case details (Informações do Atendimento)",
            "version": "1.0.0",
            "description": "The contract between the case-details modal and its backend, in the style of cVortex's public API: paths under /v1, `Authorization: Bearer <token>`, timestamps as epoch milliseconds UTC, snake_case JSON, one error shape for every 4xx/5xx. Generated from the Rust types in crates/domain by `sandbox --print-openapi`; do not edit by hand."
        },
        "servers": [{ "url": "http://127.0.0.1:8080", "description": "the sandbox" }],
        "security": [{ "bearer": [] }],
        "paths": paths,
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": responses,
            "schemas": Value::Object(g.take_definitions(true).into_iter().collect()),
        }
    })
}

/// The document as YAML (a small emitter: the document has only maps, lists, strings, numbers,
/// booleans and nulls; string values are always quoted and keys when they need it, so nothing is
/// misread).
pub fn yaml() -> String {
    let mut out = String::from("# Generated by `sandbox --print-openapi` from the Rust contract types. Do not edit.\n");
    emit(&document(), 0, &mut out);
    out
}

fn yaml_key(k: &str) -> String {
    let plain = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '$')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || "_$/{}.-".contains(c))
        && !matches!(
            k.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        k.to_string()
    } else {
        serde_json::to_string(k).expect("strings serialize")
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => serde_json::to_string(s).expect("strings serialize"),
        other => other.to_string(),
    }
}

fn emit(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let key = yaml_key(k);
                match child {
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        emit(child, indent + 2, out);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        emit(child, indent, out);
                    }
                    Value::Object(_) => out.push_str(&format!("{pad}{key}: {{}}\n")),
                    Value::Array(_) => out.push_str(&format!("{pad}{key}: []\n")),
                    _ => out.push_str(&format!("{pad}{key}: {}\n", scalar(child))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let mut inner = String::new();
                        emit(item, indent + 2, &mut inner);
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}-\n"));
                        emit(item, indent + 2, out);
                    }
                    Value::Object(_) => out.push_str(&format!("{pad}- {{}}\n")),
                    Value::Array(_) => out.push_str(&format!("{pad}- []\n")),
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}
