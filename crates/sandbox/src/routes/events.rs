//! `GET /v1/cases/{case_id}/events`: the case's live changes as `text/event-stream` (see
//! `cvortex_domain::contract::events`). Sent uncompressed (a compressing layer would hold events
//! back) with a heartbeat comment every `heartbeat_ms`.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use axum::Extension;
use cvortex_domain::{kinds, sse, AgentRef, Hello, Reset};
use tokio::sync::{broadcast, mpsc};

use super::Ids;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::faults::{Fault, FaultBody};
use crate::live::{Event, Live, Subscription};
use crate::state::AppState;
use crate::store;

/// A fault the injector handed to the stream itself (they act on its events, not its answer).
#[derive(Clone)]
pub struct StreamFault(pub Fault);

type Chunk = Result<Bytes, std::io::Error>;

pub async fn stream(
    State(state): State<AppState>,
    caller: Caller,
    ids: Ids,
    headers: HeaderMap,
    fault: Option<Extension<StreamFault>>,
) -> ApiResult<Response> {
    let tenant = caller.tenant.clone();
    let case_id = ids.case_id;
    state
        .read(move |conn| store::case_row(conn, &tenant, case_id).map(|_| ()))
        .await?;
    let last_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let agent = AgentRef {
        id: caller.agent_id,
        name: caller.agent_name,
    };
    let live = state.live.clone();
    let sub = live.subscribe(case_id, agent.clone(), last_id);
    let (tx, rx) = mpsc::channel::<Chunk>(64);
    let fresh = last_id.is_none();
    tokio::spawn(run(live, case_id, sub, agent, fresh, tx, fault.map(|f| f.0 .0)));

    let body = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|c| (c, rx)) });
    let mut res = Response::new(Body::from_stream(body));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(res)
}

/// Writes the stream until the client goes away (a send fails), then leaves the presence.
async fn run(
    live: Live,
    case_id: i64,
    mut sub: Subscription,
    agent: AgentRef,
    fresh: bool,
    tx: mpsc::Sender<Chunk>,
    fault: Option<Fault>,
) {
    let send = |text: String| {
        let tx = tx.clone();
        async move { tx.send(Ok(Bytes::from(text))).await.is_ok() }
    };
    let hello = Hello {
        agent,
        heartbeat_ms: live.heartbeat_ms,
    };
    // A fresh stream's hello carries its position (the newest id when it subscribed): a client
    // that loses it before any change arrives resumes from there and misses nothing. A resumed
    // stream's position is the client's own.
    let mut open = send(frame(fresh.then_some(sub.latest), kinds::HELLO, &hello)).await;
    if open && sub.gap {
        open = send(reset(sub.latest)).await;
    }
    let silent = fault.as_ref().is_some_and(|f| f.silent);
    if open && fault.as_ref().and_then(|f| f.body) == Some(FaultBody::Malformed) {
        open = send(format!(
            "event: {}\ndata: {{\"channel\": \"whatsapp\", \"mess\n\n",
            kinds::MESSAGE
        ))
        .await;
    }
    let cut_after = fault.as_ref().and_then(|f| f.cut_after);
    let mut sent = 0u32;
    let mut last = sub.latest;
    for e in std::mem::take(&mut sub.replay) {
        if !open || silent {
            break;
        }
        last = e.id.unwrap_or(last);
        open = send(e.frame()).await;
        sent += 1;
        if cut_after.is_some_and(|n| sent >= n) {
            let _ = tx.send(Err(std::io::Error::other("fault: stream cut"))).await;
            open = false;
        }
    }
    let mut beat = tokio::time::interval(Duration::from_millis(u64::from(live.heartbeat_ms.max(50))));
    beat.tick().await; // the first tick is immediate
    while open {
        tokio::select! {
            got = sub.rx.recv() => match got {
                Ok(e) if silent => { let _ = e; }
                Ok(e) => {
                    if e.id.is_some_and(|i| i <= last) {
                        continue; // already sent by the replay
                    }
                    last = e.id.unwrap_or(last);
                    open = send(e.frame()).await;
                    if e.id.is_some() {
                        sent += 1;
                        if cut_after.is_some_and(|n| sent >= n) {
                            let _ = tx.send(Err(std::io::Error::other("fault: stream cut"))).await;
                            open = false;
                        }
                    }
                }
                // a silent stream says nothing, not even that it fell behind
                Err(broadcast::error::RecvError::Lagged(_)) if silent => sub.rx = sub.rx.resubscribe(),
                // fell behind: what was missed is gone, the client reloads
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    // what is still buffered is older than the reset: skip it, go on from there
                    last = live.latest_id();
                    sub.rx = sub.rx.resubscribe();
                    open = send(reset(last)).await;
                }
                Err(broadcast::error::RecvError::Closed) => open = false,
            },
            _ = beat.tick() => {
                if !silent {
                    open = send(sse::HEARTBEAT.to_string()).await;
                }
            }
            _ = tx.closed() => open = false,
        }
    }
    live.leave(case_id, sub.connection);
}

fn frame(id: Option<u64>, kind: &'static str, payload: &impl serde::Serialize) -> String {
    Event {
        id,
        kind,
        data: serde_json::to_string(payload).unwrap_or_default(),
    }
    .frame()
}

/// "Reload": carries the newest id, so the client resumes from there after reloading.
fn reset(latest: u64) -> String {
    frame(Some(latest), kinds::RESET, &Reset { reason: "gap".into() })
}
