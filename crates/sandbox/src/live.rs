//! The live side of the contract: every change to a case goes into that case's bounded replay log
//! and out to the streams open on it (`GET /v1/cases/{id}/events`, `routes/events.rs`), with
//! ids that only grow (they start at the process's start time in ms, so ids from an earlier run
//! are recognisably older). Presence (who has the case open) is sent live and never replayed.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use cvortex_domain::{kinds, AgentRef, CaseId, Presence, Reset};
use serde::Serialize;
use tokio::sync::broadcast;

/// Events a case keeps for replay: a reconnection after more than this many changes reloads.
pub const REPLAY_LOG: usize = 1_000;
/// Events a slow stream may fall behind before it is told to reload (`reset`).
const CHANNEL: usize = 1_024;

/// One event: `id` is `None` for what is not replayed (presence, reset).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: Option<u64>,
    pub kind: &'static str,
    /// The payload's JSON.
    pub data: String,
}

impl Event {
    /// The SSE frame.
    pub fn frame(&self) -> String {
        let id = self.id.map(|i| i.to_string());
        cvortex_domain::sse::encode(id.as_deref(), self.kind, &self.data)
    }
}

struct CaseLog {
    events: VecDeque<Arc<Event>>,
    /// The id of the newest event dropped from `events` (0: none yet).
    dropped_up_to: u64,
    tx: broadcast::Sender<Arc<Event>>,
    /// Open streams: connection → agent.
    present: HashMap<u64, AgentRef>,
}

impl CaseLog {
    fn new() -> CaseLog {
        CaseLog {
            events: VecDeque::new(),
            dropped_up_to: 0,
            tx: broadcast::channel(CHANNEL).0,
            present: HashMap::new(),
        }
    }

    fn presence(&self) -> Arc<Event> {
        let mut agents: Vec<AgentRef> = self.present.values().cloned().collect();
        agents.sort_by_key(|a| a.id);
        agents.dedup_by_key(|a| a.id);
        Arc::new(Event {
            id: None,
            kind: kinds::PRESENCE,
            data: serde_json::to_string(&Presence { agents }).unwrap_or_default(),
        })
    }
}

/// What a new stream starts with.
pub struct Subscription {
    /// The events after the asked id, oldest first.
    pub replay: Vec<Arc<Event>>,
    /// The asked id is older than what is kept: the client must reload.
    pub gap: bool,
    pub rx: broadcast::Receiver<Arc<Event>>,
    pub connection: u64,
    /// The newest id when the stream opened: everything after it comes through `rx`.
    pub latest: u64,
}

#[derive(Clone)]
pub struct Live {
    cases: Arc<Mutex<HashMap<CaseId, CaseLog>>>,
    next_id: Arc<AtomicU64>,
    /// The first id of this process: an asked id below it comes from an earlier run.
    first_id: u64,
    next_connection: Arc<AtomicU64>,
    pub heartbeat_ms: u32,
}

impl Live {
    pub fn new(heartbeat_ms: u32) -> Live {
        let first_id = crate::state::now_ms().max(1) as u64;
        Live {
            cases: Arc::default(),
            next_id: Arc::new(AtomicU64::new(first_id)),
            first_id,
            next_connection: Arc::new(AtomicU64::new(1)),
            heartbeat_ms,
        }
    }

    fn with<T>(&self, case: CaseId, f: impl FnOnce(&mut CaseLog) -> T) -> T {
        let mut cases = self.cases.lock().unwrap_or_else(|p| p.into_inner());
        f(cases.entry(case).or_insert_with(CaseLog::new))
    }

    /// Records a change of `case` and sends it to the streams open on it. Returns its id.
    pub fn publish(&self, case: CaseId, kind: &'static str, payload: &impl Serialize) -> u64 {
        self.publish_json(case, kind, serde_json::to_string(payload).unwrap_or_default())
    }

    /// [`publish`](Self::publish) with the payload already in JSON.
    pub fn publish_json(&self, case: CaseId, kind: &'static str, data: String) -> u64 {
        self.with(case, |log| {
            // the id is taken under the lock, so a case's log is in id order
            let id = self.next_id.fetch_add(1, Ordering::SeqCst);
            let event = Arc::new(Event {
                id: Some(id),
                kind,
                data,
            });
            log.events.push_back(event.clone());
            while log.events.len() > REPLAY_LOG {
                if let Some(old) = log.events.pop_front() {
                    log.dropped_up_to = old.id.unwrap_or(log.dropped_up_to);
                }
            }
            let _ = log.tx.send(event);
            id
        })
    }

    /// Opens a stream on `case` for `agent`, resuming after `last_id` when given. The stream's
    /// agent joins the case's presence (everyone on the case is told).
    pub fn subscribe(&self, case: CaseId, agent: AgentRef, last_id: Option<u64>) -> Subscription {
        let connection = self.next_connection.fetch_add(1, Ordering::Relaxed);
        let first_id = self.first_id;
        self.with(case, |log| {
            let (replay, gap) = match last_id {
                None => (Vec::new(), false),
                // older than what is kept, from an earlier run, or newer than anything given
                Some(after) if after + 1 < first_id || after < log.dropped_up_to || after > self.latest_id() => {
                    (Vec::new(), true)
                }
                Some(after) => (
                    log.events
                        .iter()
                        .filter(|e| e.id.is_some_and(|i| i > after))
                        .cloned()
                        .collect(),
                    false,
                ),
            };
            let rx = log.tx.subscribe();
            let latest = self.latest_id();
            // told to everyone only when someone new joins (not for another tab of the same agent)
            let new_agent = !log.present.values().any(|a| a.id == agent.id);
            log.present.insert(connection, agent);
            if new_agent {
                let _ = log.tx.send(log.presence());
            }
            Subscription {
                replay,
                gap,
                rx,
                connection,
                latest,
            }
        })
    }

    /// A stream on `case` closed: its agent leaves the presence (unless on another stream).
    pub fn leave(&self, case: CaseId, connection: u64) {
        self.with(case, |log| {
            if let Some(gone) = log.present.remove(&connection) {
                if !log.present.values().any(|a| a.id == gone.id) {
                    let _ = log.tx.send(log.presence());
                }
            }
        });
    }

    /// The newest id given so far (a `reset` carries it, so the client resumes from there).
    pub fn latest_id(&self) -> u64 {
        self.next_id.load(Ordering::SeqCst).saturating_sub(1)
    }

    /// The current presence of `case` (sent to a new stream right away).
    pub fn presence(&self, case: CaseId) -> Arc<Event> {
        self.with(case, |log| log.presence())
    }

    /// Whether the case was ever streamed (only those keep a log: a change to a case nobody
    /// opened needs no replay).
    pub fn is_watched(&self, case: CaseId) -> bool {
        let cases = self.cases.lock().unwrap_or_else(|p| p.into_inner());
        cases.contains_key(&case)
    }

    /// How many streams are open, over all cases.
    pub fn open_streams(&self) -> usize {
        let cases = self.cases.lock().unwrap_or_else(|p| p.into_inner());
        cases.values().map(|l| l.present.len()).sum()
    }

    /// Forgets every log (a data reset: ids keep growing, so old ids ask for a reload), and tells
    /// the streams open now to reload.
    pub fn clear_logs(&self) {
        let latest = self.latest_id();
        let mut cases = self.cases.lock().unwrap_or_else(|p| p.into_inner());
        for log in cases.values_mut() {
            log.events.clear();
            log.dropped_up_to = latest;
            let _ = log.tx.send(Arc::new(Event {
                id: Some(latest),
                kind: kinds::RESET,
                data: serde_json::to_string(&Reset {
                    reason: "data reset".into(),
                })
                .unwrap_or_default(),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(id: i64) -> AgentRef {
        AgentRef {
            id,
            name: format!("a{id}"),
        }
    }

    #[test]
    fn a_reconnection_replays_exactly_what_came_after_its_id() {
        let live = Live::new(15_000);
        let first = live.publish(1, kinds::HISTORY, &1);
        let second = live.publish(1, kinds::HISTORY, &2);
        live.publish(2, kinds::HISTORY, &3); // another case
        let third = live.publish(1, kinds::CALL, &4);
        let s = live.subscribe(1, agent(1), Some(first));
        assert!(!s.gap);
        let ids: Vec<u64> = s.replay.iter().filter_map(|e| e.id).collect();
        assert_eq!(ids, vec![second, third]);
        assert_eq!(live.subscribe(1, agent(1), Some(third)).replay.len(), 0);
        assert!(live.subscribe(1, agent(1), None).replay.is_empty());
    }

    #[test]
    fn too_old_an_id_is_a_gap_not_a_silent_restart() {
        let live = Live::new(15_000);
        let first = live.publish(1, kinds::HISTORY, &0);
        for i in 0..REPLAY_LOG {
            live.publish(1, kinds::HISTORY, &i);
        }
        assert!(
            live.subscribe(1, agent(1), Some(first - 1)).gap,
            "the first event was dropped"
        );
        assert!(!live.subscribe(1, agent(1), Some(first)).gap);
        assert!(live.subscribe(1, agent(1), Some(1)).gap, "an id from an earlier run");
        assert!(live.subscribe(1, agent(1), Some(u64::MAX - 1)).gap, "an id never given");
        live.clear_logs();
        assert!(live.subscribe(1, agent(1), Some(first)).gap, "after a data reset");
    }

    #[test]
    fn presence_follows_the_open_streams() {
        let live = Live::new(15_000);
        let a = live.subscribe(7, agent(1), None);
        let mut rx = a.rx;
        let b = live.subscribe(7, agent(2), None);
        let ev = rx.try_recv().unwrap();
        assert_eq!(ev.kind, kinds::PRESENCE);
        assert!(ev.data.contains("\"a1\"") && !ev.data.contains("\"a2\""));
        let ev = rx.try_recv().unwrap();
        assert!(ev.data.contains("\"a1\"") && ev.data.contains("\"a2\""));
        live.leave(7, b.connection);
        let ev = rx.try_recv().unwrap();
        assert!(!ev.data.contains("\"a2\""));
        assert_eq!(live.open_streams(), 1);
    }
}
