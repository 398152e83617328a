//! A sandbox over a real SQLite file in a temporary directory, driven in-process.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use cvortex_sandbox::faults::Faults;
use cvortex_sandbox::state::{now_ms, AppState, Config};
use cvortex_sandbox::{db, demo, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub app: Router,
}

/// The test controls' admin token in these tests (`X-Sandbox-Token`).
pub const ADMIN_TOKEN: &str = "test-admin-token";

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("sandbox.db")
}

/// Opens (and seeds, when new) the file under `dir`.
pub fn app_on(dir: &Path, faults: bool) -> Router {
    app_with(dir, faults, |_| {})
}

/// [`app_on`] with a configuration changed by `tune`.
pub fn app_with(dir: &Path, faults: bool, tune: impl FnOnce(&mut Config)) -> Router {
    let mut config = Config {
        admin_token: ADMIN_TOKEN.into(),
        ..Config::default()
    };
    tune(&mut config);
    let mut conn = db::open(&db_path(dir)).unwrap();
    if !db::is_seeded(&conn).unwrap() {
        db::load(&mut conn, &demo::data_set(now_ms()), now_ms()).unwrap();
    }
    let reseed = Arc::new(|conn: &mut rusqlite::Connection| db::load(conn, &demo::data_set(now_ms()), now_ms()));
    let state = AppState::new(conn, config, faults.then(Faults::default), reseed);
    router(state)
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Self::with_faults(false)
    }

    /// A sandbox whose configuration `tune` changed (quotas, timeouts).
    pub fn with_config(tune: impl FnOnce(&mut Config)) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let app = app_with(dir.path(), false, tune);
        Sandbox { dir, app }
    }

    pub fn with_faults(faults: bool) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let app = app_on(dir.path(), faults);
        Sandbox { dir, app }
    }

    /// The same file opened by a new server, as after a restart.
    pub fn restart(self) -> Sandbox {
        let Sandbox { dir, app } = self;
        drop(app);
        let app = app_on(dir.path(), false);
        Sandbox { dir, app }
    }

    pub async fn send(&self, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, headers, body)
    }

    /// A JSON request with the demo agent's token.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        self.call_as(demo::TOKEN, method, path, body, None).await
    }

    pub async fn call_as(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        key: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1:8080");
        if path.starts_with("/__sandbox") {
            b = b.header("x-sandbox-token", ADMIN_TOKEN);
        }
        if !token.is_empty() {
            b = b.header("authorization", format!("Bearer {token}"));
        }
        if let Some(k) = key {
            b = b.header("idempotency-key", k);
        }
        let req = match body {
            Some(v) => b
                .header("content-type", "application/json")
                .body(Body::from(v.to_string()))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        let (status, _, bytes) = self.send(req).await;
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        (status, value)
    }

    /// Uploads `bytes` as `name` of type `mime` into case `case` with `token`.
    pub async fn upload(
        &self,
        token: &str,
        case: i64,
        name: &str,
        mime: &str,
        bytes: Vec<u8>,
        key: &str,
    ) -> (StatusCode, Value) {
        let req = Request::post(format!("/v1/cases/{case}/attachments?file_name={name}"))
            .header("authorization", format!("Bearer {token}"))
            .header("idempotency-key", key)
            .header("content-type", mime)
            .body(Body::from(bytes))
            .unwrap();
        let (st, _, body) = self.send(req).await;
        (st, serde_json::from_slice(&body).unwrap())
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn unify(&self, ids: &[i64], key: &str) -> (StatusCode, Value) {
        self.call_as(
            demo::TOKEN,
            Method::POST,
            "/v1/cases/1001/unifications",
            Some(serde_json::json!({ "case_ids": ids })),
            Some(key),
        )
        .await
    }
}

/// Asserts the contract's error shape and returns its code.
pub fn error_code(body: &Value) -> String {
    let e = &body["error"];
    assert!(e["message"].is_string(), "error shape expected, got {body}");
    e["code"].as_str().expect("error.code").to_string()
}
