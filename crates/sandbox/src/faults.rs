//! Fault injection for tests: per route (by the names in `routes::ROUTES`, or `*`), an added
//! latency, an HTTP status, a malformed / wrong-shaped / emptied body, or a dropped connection.
//! Set with `--fault` at start or through `/__sandbox/faults`, which exists only when fault
//! injection is enabled.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cvortex_domain::codes;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::routes::route_named;
use crate::state::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultBody {
    /// Status 200 with a truncated JSON body.
    Malformed,
    /// Status 200 with valid JSON of the wrong shape.
    WrongShape,
    /// The real answer with its lists emptied.
    Empty,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// A route name (`calls`, `history`, ...) or `*` for every route.
    pub route: String,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub latency_ms: Option<u64>,
    #[serde(default)]
    pub body: Option<FaultBody>,
    /// Close the connection without a complete answer.
    #[serde(default)]
    pub drop: bool,
    /// Process the request, then close the connection without an answer: a write that happened
    /// but whose answer was lost (what idempotency keys are for).
    #[serde(default)]
    pub drop_after: bool,
    /// `Retry-After` seconds sent with the status.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// The event stream only: end it abruptly after this many events (a drop mid-stream).
    #[serde(default)]
    pub cut_after: Option<u32>,
    /// The event stream only: after its first event, send nothing, not even heartbeats.
    #[serde(default)]
    pub silent: bool,
    /// Apply this many times, then stop (forever when absent).
    #[serde(default)]
    pub times: Option<u32>,
}

impl Fault {
    /// Parses the command-line form `ROUTE:SPEC[,SPEC...]`, SPEC being a status (`500`),
    /// `latency=MS`, `malformed`, `wrong_shape`, `empty`, `drop`, `drop_after`, `retry_after=S` or `times=N`.
    pub fn parse(text: &str) -> Result<Fault, String> {
        let (route, specs) = text
            .split_once(':')
            .ok_or_else(|| format!("fault {text:?}: expected ROUTE:SPEC"))?;
        let mut f = Fault {
            route: route.to_string(),
            ..Fault::default()
        };
        for spec in specs.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let num = |v: &str| {
                v.parse::<u64>()
                    .map_err(|_| format!("fault {text:?}: bad number in {spec:?}"))
            };
            match spec.split_once('=') {
                Some(("latency", v)) => f.latency_ms = Some(num(v)?),
                Some(("retry_after", v)) => f.retry_after = Some(num(v)?),
                Some(("times", v)) => f.times = Some(num(v)? as u32),
                Some(("cut_after", v)) => f.cut_after = Some(num(v)? as u32),
                None if spec == "silent" => f.silent = true,
                None if spec == "malformed" => f.body = Some(FaultBody::Malformed),
                None if spec == "wrong_shape" => f.body = Some(FaultBody::WrongShape),
                None if spec == "empty" => f.body = Some(FaultBody::Empty),
                None if spec == "drop" => f.drop = true,
                None if spec == "drop_after" => f.drop_after = true,
                None => f.status = Some(num(spec)? as u16),
                Some(_) => return Err(format!("fault {text:?}: unknown {spec:?}")),
            }
        }
        f.validate()?;
        Ok(f)
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.route != "*" && !crate::routes::ROUTES.iter().any(|r| r.name == self.route) {
            return Err(format!("unknown route {:?}", self.route));
        }
        if let Some(s) = self.status {
            if !(100..=599).contains(&s) {
                return Err(format!("bad status {s}"));
            }
        }
        Ok(())
    }
}

#[derive(Clone, Default)]
pub struct Faults(Arc<Mutex<Vec<Fault>>>);

impl Faults {
    pub fn new(initial: Vec<Fault>) -> Self {
        Faults(Arc::new(Mutex::new(initial)))
    }
    pub fn list(&self) -> Vec<Fault> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
    pub fn add(&self, f: Fault) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(f);
    }
    pub fn clear(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
    /// The first fault for `route`, counting one use of it.
    fn take(&self, route: &str) -> Option<Fault> {
        let mut all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let idx = all
            .iter()
            .position(|f| (f.route == route || f.route == "*") && f.times != Some(0))?;
        let f = all[idx].clone();
        if let Some(t) = all[idx].times.as_mut() {
            *t -= 1;
        }
        Some(f)
    }
}

fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => codes::BAD_REQUEST,
        401 => codes::UNAUTHORIZED,
        403 => codes::FORBIDDEN,
        404 => codes::NOT_FOUND,
        408 => codes::REQUEST_TIMEOUT,
        409 => codes::CONFLICT,
        413 => codes::PAYLOAD_TOO_LARGE,
        422 => codes::VALIDATION,
        429 => codes::RATE_LIMITED,
        503 => codes::UNAVAILABLE,
        _ => codes::INTERNAL,
    }
}

/// The middleware (a route layer, so the matched route is known).
pub async fn inject(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(faults) = &state.faults else {
        return next.run(req).await;
    };
    let path = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let Some(route) = route_named(req.method().as_str(), &path) else {
        return next.run(req).await;
    };
    let Some(fault) = faults.take(route.name) else {
        return next.run(req).await;
    };

    if let Some(ms) = fault.latency_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    // the event stream's own faults act on its events: the stream applies them
    if route.name == "events" && (fault.body.is_some() || fault.cut_after.is_some() || fault.silent) {
        let mut req = req;
        req.extensions_mut().insert(crate::routes::events::StreamFault(fault));
        return next.run(req).await;
    }
    if fault.drop || fault.drop_after {
        if fault.drop_after {
            let _ = next.run(req).await;
        }
        // The status and a first chunk go out, then the body fails: the server aborts the
        // connection mid-answer. (Failing before any byte would let the browser silently retry
        // on a fresh connection, which is not the fault asked for.)
        use futures_util::StreamExt;
        let failing = futures_util::stream::iter([Ok(axum::body::Bytes::from_static(b"{\"items\": ["))]).chain(
            futures_util::stream::once(async {
                // long enough for the first chunk to be flushed
                tokio::time::sleep(Duration::from_millis(100)).await;
                Err::<axum::body::Bytes, _>(std::io::Error::other("fault: dropped"))
            }),
        );
        let mut res = Response::new(Body::from_stream(failing));
        res.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        return res;
    }
    if let Some(status) = fault.status.and_then(|s| StatusCode::from_u16(s).ok()) {
        if status.is_client_error() || status.is_server_error() {
            let mut e = AppError::new(status, code_for(status), format!("injected fault: {status}"));
            e.retry_after = fault.retry_after;
            return e.into_response();
        }
    }
    match fault.body {
        None => next.run(req).await,
        Some(FaultBody::Malformed) => json_text(r#"{"items": [{"id": 1, "case_id": "#),
        Some(FaultBody::WrongShape) => json_text(
            r#"{"items": 42, "case": "?", "channels": {"a": 1}, "limits": [], "configured": "x", "server_time": "now"}"#,
        ),
        Some(FaultBody::Empty) => {
            let res = next.run(req).await;
            let (parts, body) = res.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
                return AppError::internal("fault: unreadable body").into_response();
            };
            let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
            if let Some(obj) = value.as_object_mut() {
                for v in obj.values_mut() {
                    if v.is_array() {
                        *v = serde_json::Value::Array(Vec::new());
                    }
                }
            }
            let mut res = Response::from_parts(parts, Body::from(value.to_string()));
            res.headers_mut().remove(header::CONTENT_LENGTH);
            res
        }
    }
}

fn json_text(text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_command_line_form() {
        let f = Fault::parse("calls:503,retry_after=2,times=1").unwrap();
        assert_eq!(
            (f.route.as_str(), f.status, f.retry_after, f.times),
            ("calls", Some(503), Some(2), Some(1))
        );
        let f = Fault::parse("*:latency=5000,malformed").unwrap();
        assert_eq!((f.latency_ms, f.body), (Some(5000), Some(FaultBody::Malformed)));
        assert!(Fault::parse("history:drop").unwrap().drop);
        assert!(Fault::parse("unify:drop_after").unwrap().drop_after);
        assert!(Fault::parse("nope:500").is_err());
        assert!(Fault::parse("calls").is_err());
        assert!(Fault::parse("calls:latency=x").is_err());
        assert!(Fault::parse("calls:999").is_err());
    }

    #[test]
    fn a_counted_fault_runs_out() {
        let faults = Faults::new(vec![Fault::parse("calls:500,times=1").unwrap()]);
        assert!(faults.take("calls").is_some());
        assert!(faults.take("calls").is_none());
        assert!(faults.take("history").is_none());
    }
}
