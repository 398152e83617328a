//! The outside review's findings (issue #17) as tests: each one failed on the code it was found in.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{error_code, Sandbox};
use cvortex_sandbox::demo::{COLLEAGUE_TOKEN, OTHER_TENANT_TOKEN, TOKEN};
use futures_util::StreamExt;
use serde_json::Value;

async fn upload_as(s: &Sandbox, token: &str, case: i64, name: &str, bytes: Vec<u8>, key: &str) -> (StatusCode, Value) {
    s.upload(token, case, name, "application/pdf", bytes, key).await
}

// Before: 201, the file landed in a case that no longer stands on its own.
#[tokio::test]
async fn an_upload_into_a_case_unified_elsewhere_is_refused_naming_where_it_went() {
    let s = Sandbox::new();
    let (st, body) = upload_as(&s, TOKEN, 1010, "a.pdf", vec![1; 10], "u-1").await;
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::CONFLICT, "case_unified"),
        "{body}"
    );
    assert_eq!(body["error"]["details"]["case_id"], 1002);
}

// Before: the second file was answered with the first one's attachment and silently dropped.
#[tokio::test]
async fn the_same_key_with_other_bytes_is_refused_not_replayed() {
    let s = Sandbox::new();
    let (st, first) = upload_as(&s, TOKEN, 1001, "scan.pdf", vec![1; 100], "k").await;
    assert_eq!(st, StatusCode::CREATED, "{first}");
    let (st, body) = upload_as(&s, TOKEN, 1001, "scan.pdf", vec![2; 100], "k").await;
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused")
    );
    let (st, again) = upload_as(&s, TOKEN, 1001, "scan.pdf", vec![1; 100], "k").await;
    assert_eq!(
        (st, &again["id"]),
        (StatusCode::OK, &first["id"]),
        "the same bytes replay"
    );
}

// Before: keys were shared by the tenant's agents and routes, so a colleague's request with the
// same key got the first agent's answer (or a conflict).
#[tokio::test]
async fn keys_are_scoped_by_agent_and_route() {
    let s = Sandbox::new();
    let (st, mine) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; 10], "shared").await;
    assert_eq!(st, StatusCode::CREATED);
    let (st, theirs) = upload_as(&s, COLLEAGUE_TOKEN, 1001, "a.pdf", vec![1; 10], "shared").await;
    assert_eq!(st, StatusCode::CREATED, "{theirs}");
    assert_ne!(mine["id"], theirs["id"]);
    assert_eq!(theirs["origin"]["uploaded_by"]["name"], "Maria Souza");
    // the same key on another route is another request
    let (st, u) = s.unify(&[1004], "shared").await;
    assert_eq!(st, StatusCode::CREATED, "{u}");
}

// Before: no quota; 500 parallel 10 MB uploads wrote 5 GB.
#[tokio::test]
async fn the_cases_quota_is_told_with_the_limits_and_enforced() {
    let s = Sandbox::with_config(|c| c.case_quota_bytes = 1000);
    let (_, list) = s.get("/v1/cases/1001/attachments").await;
    let used = list["limits"]["case_used_bytes"].as_u64().unwrap();
    assert_eq!(list["limits"]["case_quota_bytes"], 1000);
    let room = 1000 - used;
    let (st, body) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; room as usize + 1], "q-1").await;
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded"),
        "{body}"
    );
    assert_eq!(body["error"]["details"]["remaining_bytes"], room);
    let (st, _) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; room as usize], "q-2").await;
    assert_eq!(st, StatusCode::CREATED, "exactly filling the quota is allowed");
    let (_, list) = s.get("/v1/cases/1001/attachments").await;
    assert_eq!(list["limits"]["case_used_bytes"], 1000);
}

#[tokio::test]
async fn the_tenants_quota_counts_every_case() {
    let s = Sandbox::with_config(|c| c.tenant_quota_bytes = 1_000_000);
    let (st, _) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; 600_000], "t-0").await;
    assert_eq!(st, StatusCode::CREATED);
    // another case of the same tenant, well within its own quota
    let (st, body) = upload_as(&s, TOKEN, 1002, "a.pdf", vec![1; 500_000], "t-1").await;
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded"),
        "{body}"
    );
    // the same file fits another tenant's quota, on the same server
    let (st, body) = upload_as(&s, OTHER_TENANT_TOKEN, 2001, "a.pdf", vec![1; 500_000], "t-2").await;
    assert_eq!(st, StatusCode::CREATED, "{body}");
}

// Before: a client that sent its headers and stalled held the request forever.
#[tokio::test]
async fn an_upload_whose_body_stalls_times_out() {
    let s = Sandbox::with_config(|c| c.upload_timeout_ms = 200);
    let stalled =
        futures_util::stream::once(async { Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"%PDF")) })
            .chain(futures_util::stream::pending());
    let req = Request::post("/v1/cases/1001/attachments?file_name=a.pdf")
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("idempotency-key", "slow")
        .header("content-type", "application/pdf")
        .body(Body::from_stream(stalled))
        .unwrap();
    let (st, _, body) = s.send(req).await;
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::REQUEST_TIMEOUT, "request_timeout")
    );
}

// Before: ids were counted across tenants, so one tenant could count another's activity.
#[tokio::test]
async fn ids_are_counted_per_tenant() {
    let s = Sandbox::new();
    let (_, a) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; 10], "i-1").await;
    for k in 0..3 {
        let (st, _) = upload_as(&s, OTHER_TENANT_TOKEN, 2001, "b.pdf", vec![1; 10], &format!("o-{k}")).await;
        assert_eq!(st, StatusCode::CREATED);
    }
    let (_, b) = upload_as(&s, TOKEN, 1001, "a.pdf", vec![1; 10], "i-2").await;
    assert_eq!(b["id"].as_i64().unwrap(), a["id"].as_i64().unwrap() + 1);
    // history events and messages take their ids from the same per-tenant count
    // (`store::next_item_id`); unifications are numbered per tenant as well: another tenant's
    // unification (stored as the first row) does not count, and the undo finds this one by its
    // number, not by its row
    let conn = rusqlite::Connection::open(common::db_path(s.dir.path())).unwrap();
    conn.execute(
        "INSERT INTO unifications (tenant_id, number, target_case_id, idempotency_key, request, data)
         VALUES ('outra', 1, 2001, 'x', '[]', '{}')",
        [],
    )
    .unwrap();
    let (st, u) = s.unify(&[1004], "u").await;
    assert_eq!((st, u["id"].as_i64()), (StatusCode::CREATED, Some(1)), "{u}");
    let (st, undone) = s
        .call_as(
            TOKEN,
            axum::http::Method::DELETE,
            "/v1/cases/1001/unifications/1",
            None,
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{undone}");
    assert!(undone["undone_at"].is_i64(), "{undone}");
}

// Before: the case list joined customers of any tenant.
#[tokio::test]
async fn a_data_set_whose_case_and_customer_differ_in_tenant_is_refused() {
    let mut data = cvortex_sandbox::demo::data_set(cvortex_sandbox::state::now_ms());
    let other_customer = data
        .customers
        .iter()
        .find(|c| c.tenant == cvortex_sandbox::demo::OTHER_TENANT)
        .unwrap()
        .customer
        .id;
    let case = data
        .cases
        .iter_mut()
        .find(|c| c.tenant != cvortex_sandbox::demo::OTHER_TENANT)
        .unwrap();
    case.customer_id = other_customer;
    let dir = tempfile::tempdir().unwrap();
    let mut conn = cvortex_sandbox::db::open(&common::db_path(dir.path())).unwrap();
    let err = cvortex_sandbox::db::load(&mut conn, &data, 0).unwrap_err();
    assert!(err.contains("tenant"), "{err}");
}

// The schema version: a file of an older schema (no version, an old `unifications` table) is
// emptied and seeded again; a current one keeps its data across a restart, and loading a data set
// keeps the version (else every restart would empty the file).
#[tokio::test]
async fn a_file_of_an_older_schema_is_emptied_and_a_current_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_path(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('seeded_at', '1');
             CREATE TABLE unifications (id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL);",
        )
        .unwrap();
    }
    let conn = cvortex_sandbox::db::open(&path).unwrap();
    assert!(
        !cvortex_sandbox::db::is_seeded(&conn).unwrap(),
        "the old file was emptied"
    );
    drop(conn);

    let s = Sandbox {
        app: common::app_on(dir.path(), false),
        dir,
    };
    let (st, _) = upload_as(&s, TOKEN, 1001, "kept.pdf", vec![1; 10], "v-1").await;
    assert_eq!(st, StatusCode::CREATED);
    let s = s.restart();
    let (_, list) = s.get("/v1/cases/1001/attachments").await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["file_name"] == "kept.pdf"),
        "{list}"
    );
}

async fn login(
    s: &Sandbox,
    username: &str,
    password: &str,
    from: [u8; 4],
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let body = serde_json::json!({ "tenant": "demo", "username": username, "password": password });
    let mut req = Request::post("/v1/auth/login")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let addr = std::net::SocketAddr::from((from, 40_000));
    req.extensions_mut().insert(axum::extract::ConnectInfo(addr));
    let (st, headers, bytes) = s.send(req).await;
    (st, headers, serde_json::from_slice(&bytes).unwrap())
}

const HOME: [u8; 4] = [127, 0, 0, 1];

// Before (item 4): 60 wrong passwords in a row gave 60 × 401, and the 61st guess was still
// checked. Remove the per-account check and the fourth attempt answers 200.
#[tokio::test]
async fn failed_logins_lock_the_account_with_retry_after_even_for_the_right_password() {
    let s = Sandbox::with_config(|c| {
        c.login_failures_per_account = 3;
        c.login_window_ms = 60_000;
    });
    for _ in 0..3 {
        let (st, _, _) = login(&s, "ana.lima", "guess", HOME).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let (st, headers, body) = login(&s, "ana.lima", "demo", HOME).await;
    assert_eq!(
        (st, error_code(&body).as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        "{body}"
    );
    let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((59..=60).contains(&wait), "Retry-After {wait}");
    assert_eq!(body["error"]["details"]["retry_after_s"], wait);
    // another account of the same client is not locked
    let (st, _, _) = login(&s, "maria.souza", "demo", HOME).await;
    assert_eq!(st, StatusCode::OK);
}

// The review's finding: checked first and counted only after the password, a burst of parallel
// guesses all passed the check. Count after the check and this fails (20 × 401).
#[tokio::test]
async fn a_burst_of_parallel_guesses_gets_no_more_tries_than_the_limit() {
    let s = Sandbox::with_config(|c| c.login_failures_per_account = 3);
    let burst = (0..20).map(|i| login(&s, "ana.lima", if i == 19 { "demo" } else { "guess" }, HOME));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(burst)
        .await
        .into_iter()
        .map(|r| r.0)
        .collect();
    let tried = statuses.iter().filter(|s| **s != StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(tried, 3, "{statuses:?}");
}

// Remove the per-client check and one address can try every username of the tenant.
#[tokio::test]
async fn failed_logins_lock_the_client_across_accounts_and_leave_other_clients_alone() {
    let s = Sandbox::with_config(|c| {
        c.login_failures_per_account = 100;
        c.login_failures_per_client = 4;
    });
    let attacker = [10, 0, 0, 66];
    for user in ["ana.lima", "maria.souza", "carlos.pereira", "juliana.alves"] {
        let (st, _, _) = login(&s, user, "guess", attacker).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let (st, headers, _) = login(&s, "rafael.nogueira", "demo", attacker).await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.contains_key("retry-after"));
    let (st, _, _) = login(&s, "ana.lima", "demo", HOME).await;
    assert_eq!(st, StatusCode::OK, "the accounts themselves are not locked");
}

// A success clears the account's failures: an agent who mistyped twice is not one try from a
// lock for the rest of the window.
#[tokio::test]
async fn a_successful_login_clears_the_accounts_failures() {
    let s = Sandbox::with_config(|c| c.login_failures_per_account = 3);
    for _ in 0..2 {
        login(&s, "ana.lima", "guess", HOME).await;
    }
    assert_eq!(login(&s, "ana.lima", "demo", HOME).await.0, StatusCode::OK);
    for _ in 0..2 {
        login(&s, "ana.lima", "guess", HOME).await;
    }
    assert_eq!(login(&s, "ana.lima", "demo", HOME).await.0, StatusCode::OK);
}

// Before: the agents table held "demo" in clear and login compared it with `=`.
#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes() {
    let s = Sandbox::new();
    let conn = rusqlite::Connection::open(common::db_path(s.dir.path())).unwrap();
    let stored: Vec<String> = conn
        .prepare("SELECT password_hash FROM agents")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stored.len(), 6);
    for h in &stored {
        assert!(h.starts_with("$argon2id$") && !h.contains("demo"), "{h}");
    }
    let unique: std::collections::HashSet<&String> = stored.iter().collect();
    assert_eq!(unique.len(), stored.len(), "each account has its own salt");
    assert_eq!(login(&s, "ana.lima", "demo", HOME).await.0, StatusCode::OK);
}

// Before: tokens were never purged. Remove the DELETE and the expired token's row stays.
#[tokio::test]
async fn expired_tokens_are_refused_and_purged() {
    let s = Sandbox::with_config(|c| c.token_ttl_ms = 50);
    let (_, _, first) = login(&s, "ana.lima", "demo", HOME).await;
    let old = first["token"].as_str().unwrap().to_string();
    tokio::time::sleep(std::time::Duration::from_millis(80)).await;
    let (st, _) = s
        .call_as(&old, axum::http::Method::GET, "/v1/cases/1001", None, None)
        .await;
    assert_eq!(
        st,
        StatusCode::UNAUTHORIZED,
        "an expired token takes the 401 → login path"
    );
    login(&s, "maria.souza", "demo", HOME).await;
    let conn = rusqlite::Connection::open(common::db_path(s.dir.path())).unwrap();
    let kept: i64 = conn
        .query_row("SELECT COUNT(*) FROM tokens WHERE token = ?1", [&old], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 0);
    let fixed: i64 = conn
        .query_row("SELECT COUNT(*) FROM tokens WHERE expires_at IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fixed, 3, "the data set's fixed tokens stay");
}

async fn control(s: &Sandbox, host: &str, token: Option<&str>, content_type: Option<&str>) -> StatusCode {
    let mut b = Request::post("/__sandbox/faults").header("host", host);
    if let Some(t) = token {
        b = b.header("x-sandbox-token", t);
    }
    if let Some(ct) = content_type {
        b = b.header("content-type", ct);
    }
    let req = b.body(Body::from(r#"{"route": "calls", "status": 500}"#)).unwrap();
    s.send(req).await.0
}

// Before (item 11): any page could reset the data with a simple cross-site POST, and a page that
// rebinds its DNS name to 127.0.0.1 could read the answers. Remove any one check and its line
// fails.
#[tokio::test]
async fn the_test_controls_need_the_admin_token_a_loopback_host_and_json() {
    let s = Sandbox::with_faults(true);
    let json = Some("application/json");
    let token = Some(common::ADMIN_TOKEN);
    assert_eq!(
        control(&s, "127.0.0.1:8080", None, json).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        control(&s, "127.0.0.1:8080", Some("guess"), json).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        control(&s, "evil.example:8080", token, json).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        control(&s, "127.0.0.1.evil.example", token, json).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        control(&s, "127.0.0.1:8080", token, Some("text/plain")).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(
        control(&s, "127.0.0.1:8080", token, None).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let (_, faults) = s.get("/__sandbox/faults").await;
    assert_eq!(faults, serde_json::json!([]), "nothing refused was applied");
    for host in ["127.0.0.1:8080", "localhost:8090", "[::1]:8080", "127.0.0.2"] {
        assert_eq!(
            control(&s, host, token, Some("application/json; charset=utf-8")).await,
            StatusCode::NO_CONTENT,
            "{host}"
        );
    }
}
