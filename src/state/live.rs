//! The open case, live: its event stream (`GET /v1/cases/{id}/events`) read for as long as the
//! case is open, and what comes in applied to the data the tabs hold, in place. Changes are
//! gathered for one frame and applied as a batch (one copy of a tab's data per batch, however
//! many arrived); the reconnection resumes after the last event applied (`Last-Event-ID`), and a
//! `reset` (what was missed is no longer held) reloads the tabs silently, keeping what the agent
//! set up. The decisions (decoding, backoff, presence) are `cvortex_domain::live`'s.

use std::cell::Cell;
use std::time::Duration;

use cvortex_domain::live::{self, Change, Incoming};
use cvortex_domain::sse::{SseItem, SseParser};
use cvortex_domain::{AgentRef, CaseChanged, CaseId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, AbortSignal};

use super::CaseResources;
use crate::api::{sleep, ApiClient, ApiError};
use crate::host::{num, object, HostEvents};
use crate::tabs::{ModalTab, TAB_COUNT};

/// How long changes to the tab on screen are gathered before they are applied: one frame.
const BATCH_MS: u64 = 16;
/// How long changes to the other tabs are gathered: their badges follow within it, and a burst
/// costs a few batches a second instead of one a frame while the agent types elsewhere.
const HIDDEN_BATCH_MS: u64 = 250;
/// An `input` this recent means the agent is typing (see [`LiveCase::due`]).
const TYPING_MS: f64 = 400.0;
/// The longest a batch for the tabs out of view waits for the typing to stop.
const MAX_HIDDEN_WAIT_MS: f64 = 2000.0;
/// How long arrivals are gathered into one announcement (a burst of 50 is announced once).
const ANNOUNCE_MS: u64 = 1000;
/// How long the notice of a change to the open case stays.
const NOTICE_MS: u64 = 10_000;
/// Failed attempts in a row after which the link shows as offline (it keeps trying).
const OFFLINE_AFTER: u32 = 3;

/// The state of the link to the server's stream.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Link {
    /// Opening it for the first time.
    Connecting,
    Live,
    /// Lost at `since` (epoch ms); trying again.
    Reconnecting {
        since: f64,
    },
    /// Lost at `since` and several attempts failed; what is shown is as of `data_at`. Still
    /// trying, less often.
    Offline {
        since: f64,
        data_at: f64,
    },
    /// The host turned live updates off.
    Off,
}

#[derive(Clone, Copy)]
pub struct LiveCase {
    pub link: RwSignal<Link>,
    /// The other agents with the case open now.
    pub others: RwSignal<Vec<AgentRef>>,
    /// Per tab, what arrived since the agent last looked at it.
    pub unseen: RwSignal<[usize; TAB_COUNT]>,
    /// The last change someone else made to the open case, for a short notice.
    pub notice: RwSignal<Option<CaseChanged>>,
    /// What arrived lately, per tab: one polite announcement per burst.
    pub announced: RwSignal<[usize; TAB_COUNT]>,
    /// The tabs looked at since this case opened: their panels stay mounted (hidden when not
    /// selected). Another case starts from the tab on screen, so its other panels are built as
    /// they are visited, not all at once.
    pub visited: RwSignal<[bool; TAB_COUNT]>,
    enabled: bool,
    resources: CaseResources,
    tab: Signal<ModalTab>,
    /// The rest, in one place (each stored value of its own type costs bundle size).
    inner: StoredValue<Inner, LocalStorage>,
}

struct Inner {
    client: ApiClient,
    events: HostEvents,
    case_id: CaseId,
    /// This page's agent (the stream's `hello`), to tell its own changes and presence apart.
    me: Option<i64>,
    /// Changes waiting for the next batch, and whether a batch is scheduled within a frame
    /// (a change to the tab on screen) and within [`HIDDEN_BATCH_MS`] (to another).
    pending: Vec<Change>,
    flush_due: [bool; 2],
    /// When the pending batch for the tabs out of view was scheduled (monotonic ms).
    hidden_since: f64,
    /// Arrivals waiting for the next announcement, and whether it is scheduled.
    to_announce: [usize; TAB_COUNT],
    announce_due: bool,
    /// Bumped by every notice, so an older notice's timer leaves a newer one alone.
    notice_gen: u32,
    /// Aborts the stream being read.
    run: Option<AbortController>,
    /// The id of the last event taken: a reconnection resumes after it, and so does the case
    /// opened again from memory.
    last_event: Option<String>,
    /// The case is hidden, its stream closed ([`LiveCase::pause`]).
    paused: bool,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl LiveCase {
    /// The live state of the open case; nothing is read until [`follow`](Self::follow). With
    /// `enabled` false (the host's `live: false`) it stays [`Link::Off`].
    pub fn new(
        enabled: bool,
        resources: CaseResources,
        client: ApiClient,
        events: HostEvents,
        tab: Signal<ModalTab>,
    ) -> LiveCase {
        // whatever `enabled` says: the component tests feed a modal with live off through `take`
        watch_typing();
        let live = LiveCase {
            link: RwSignal::new(if enabled { Link::Connecting } else { Link::Off }),
            others: RwSignal::new(Vec::new()),
            unseen: RwSignal::new([0; TAB_COUNT]),
            notice: RwSignal::new(None),
            announced: RwSignal::new([0; TAB_COUNT]),
            visited: RwSignal::new([false; TAB_COUNT]),
            enabled,
            resources,
            tab,
            inner: StoredValue::new_local(Inner {
                client,
                events,
                case_id: 0,
                me: None,
                pending: Vec::new(),
                flush_due: [false; 2],
                hidden_since: 0.0,
                to_announce: [0; TAB_COUNT],
                announce_due: false,
                notice_gen: 0,
                run: None,
                last_event: None,
                paused: false,
            }),
        };
        on_cleanup(move || live.leave());
        live
    }

    /// Whether the case is followed live (the host may turn it off).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The agent looks at `tab`: what arrived there is seen.
    pub fn seen(&self, tab: ModalTab) {
        // what waits for the slower batch is applied now that its tab is shown
        self.flush();
        let i = tab.index();
        if self.unseen.with_untracked(|u| u[i] != 0) {
            self.unseen.update(|u| u[i] = 0);
        }
        if !self.visited.with_untracked(|v| v[i]) {
            self.visited.update(|v| v[i] = true);
        }
    }

    /// Follows case `id` from now on, or after event `resume` (a case opened again from memory:
    /// the stream replays what it missed). Another case's stream is closed first.
    pub fn follow(&self, id: CaseId, resume: Option<String>) {
        self.stop();
        self.inner.update_value(|i| {
            i.case_id = id;
            i.pending.clear();
            i.last_event = resume;
            i.paused = false;
        });
        self.others.set(Vec::new());
        self.unseen.set([0; TAB_COUNT]);
        self.notice.set(None);
        self.start(id);
    }

    /// Opens the stream of case `id`, from the last event taken.
    fn start(&self, id: CaseId) {
        if !self.enabled {
            return;
        }
        let Ok(controller) = AbortController::new() else { return };
        let signal = controller.signal();
        self.inner.update_value(|i| i.run = Some(controller));
        self.link.set(Link::Connecting);
        spawn_local(self.read(id, signal));
    }

    /// The modal is hidden with its case (the standalone app's close): the stream closes, so
    /// the server no longer counts this page among those with the case open, and what the tabs
    /// show is marked as of now, to be brought up to date when it is shown again.
    pub fn pause(&self) {
        let pausing = self
            .inner
            .try_update_value(|i| i.case_id != 0 && !std::mem::replace(&mut i.paused, true));
        if pausing != Some(true) {
            return;
        }
        self.flush();
        self.resources.pause(self.link.get_untracked() == Link::Live);
        // reads on their way are left owed (read again on `resume`): answers landing in a hidden
        // case would grow memory past the bounds it was weighed by, and mark it current
        self.resources.abort_all();
        self.stop();
        self.others.set(Vec::new());
        // nothing stale to announce when it shows again
        self.notice.set(None);
        self.announced.set([0; TAB_COUNT]);
        self.inner.update_value(|i| i.to_announce = [0; TAB_COUNT]);
        // until it opens again: a later `leave` keeps the data as of this pause, not of then
        if self.enabled {
            self.link.set(Link::Connecting);
        }
    }

    /// The case hidden by [`pause`](Self::pause) is shown again: its stream resumes after the
    /// last event it took (with nothing to resume from, or live updates off, its tabs are read
    /// again, the data they show staying until the answers are in).
    pub fn resume(&self) {
        let Some((client, id, last)) = self
            .inner
            .try_update_value(|i| {
                std::mem::take(&mut i.paused).then(|| (i.client.clone(), i.case_id, i.last_event.clone()))
            })
            .flatten()
        else {
            return;
        };
        self.resources.resume(&client, id, self.enabled && last.is_some());
        self.start(id);
    }

    fn stop(&self) {
        if let Some(Some(c)) = self.inner.try_update_value(|i| i.run.take()) {
            c.abort();
        }
    }

    /// Closes the stream of the case followed, and keeps what the tabs show of that case among
    /// the recent ones, with where its stream got to (before another case's data replaces it).
    pub fn leave(&self) {
        self.flush();
        let live = self.link.try_get_untracked() == Some(Link::Live);
        let left = self.inner.try_update_value(|i| {
            let id = std::mem::take(&mut i.case_id);
            i.paused = false;
            (i.client.clone(), id, i.last_event.clone())
        });
        // before the next case's data lands: the panels it would rebuild for nothing go first
        if let Some(tab) = self.tab.try_get_untracked() {
            self.visited.try_set(std::array::from_fn(|i| i == tab.index()));
        }
        if let Some((client, id, last)) = left {
            if id != 0 {
                self.resources.keep(&client, id, last, live);
            }
        }
        self.stop();
    }

    /// The case followed (0: none yet).
    pub fn case_id(&self) -> CaseId {
        self.inner.with_value(|i| i.case_id)
    }

    /// Reads the stream until `stop`, reconnecting after every loss.
    async fn read(self, id: CaseId, stop: AbortSignal) {
        let Some(client) = self.inner.try_with_value(|i| i.client.clone()) else {
            return;
        };
        let mut failures = 0u32;
        let mut heartbeat_ms = 15_000u32;
        let mut lost_at: Option<f64> = None;
        let mut data_at = now();
        while !stop.aborted() {
            let Ok(conn) = AbortController::new() else { return };
            let both = AbortSignal::any(&js_sys::Array::of2(&stop, &conn.signal()));
            // about three heartbeats of silence, opening included, count as a lost connection
            let watchdog = Watchdog::new(conn, 3 * heartbeat_ms);
            let mut retry_after = None;
            let mut heard = false;
            let last_id = self.inner.try_with_value(|i| i.last_event.clone()).flatten();
            match client.open_events(id, last_id.as_deref(), &both).await {
                Ok(stream) => {
                    let mut parser = SseParser::new();
                    while let Ok(Some(text)) = stream.next().await {
                        // a chunk read as the stream was closed (a pause) is not taken
                        if stop.aborted() {
                            watchdog.disarm();
                            return;
                        }
                        watchdog.heard();
                        let first = !heard;
                        if first {
                            heard = true;
                            lost_at = None;
                            self.link.try_set(Link::Live);
                        }
                        data_at = now();
                        for item in parser.feed(&text) {
                            let SseItem::Event(e) = item else { continue };
                            if let Some(eid) = e.id.clone() {
                                self.inner.try_update_value(|i| i.last_event = Some(eid));
                            }
                            if let Some(h) = self.take(&e.event, &e.data) {
                                heartbeat_ms = h.clamp(500, 60_000);
                                watchdog.set_limit(3 * heartbeat_ms);
                            }
                        }
                        // a case opened from memory has heard what it missed (a tab a `reset`
                        // or its own owed reload is reloading says so when that lands)
                        if first {
                            self.resources.caught_up();
                        }
                    }
                }
                Err(e) => retry_after = retry_after_of(&e),
            }
            watchdog.disarm();
            if stop.aborted() {
                return;
            }
            // a stream that gave something and ended is resumed at once; one that never answered
            // counts as a failure
            failures = if heard { 0 } else { failures + 1 };
            let since = *lost_at.get_or_insert_with(now);
            self.link.try_set(if failures >= OFFLINE_AFTER {
                Link::Offline { since, data_at }
            } else {
                Link::Reconnecting { since }
            });
            sleep(live::reconnect_delay_ms(failures, retry_after)).await;
        }
    }

    /// Takes one event of the stream (its `event:` kind and `data:`); the heartbeat interval when
    /// it was the `hello`. Public for the component tests, which feed events without a server.
    #[inline(never)] // inlined into the stream reader's async state machine it cost 0.6 KB brotli
    pub fn take(&self, kind: &str, data: &str) -> Option<u32> {
        // a garbled event, or one of a kind this version does not know, is skipped: the next ones
        // still apply
        match live::decode(kind, data) {
            Ok(Incoming::Hello(h)) => {
                self.inner.try_update_value(|i| i.me = Some(h.agent.id));
                return Some(h.heartbeat_ms);
            }
            Ok(Incoming::Change(c)) => self.queue(c),
            Ok(Incoming::Presence(p)) => {
                let me = self.inner.try_with_value(|i| i.me).flatten();
                self.others.try_set(live::others(&p, me));
            }
            // someone unified cases into this one (or undid it): what that changes is reloaded
            Ok(Incoming::Unification) => self.reload(|t| t.def().changed_by_unification),
            Ok(Incoming::Reset) => self.reload(|_| true),
            Ok(Incoming::Unknown) | Err(_) => {}
        }
        None
    }

    /// Reloads the tabs `which` picks, keeping what they show until the new data is in (and the
    /// filters, selection and scroll, which live outside the data).
    #[inline(never)] // (as `take`: out of the state machine, 0.1 KB smaller)
    fn reload(&self, which: fn(ModalTab) -> bool) {
        self.flush();
        let Some((client, id)) = self.inner.try_with_value(|i| (i.client.clone(), i.case_id)) else {
            return;
        };
        for tab in ModalTab::all().filter(|t| which(*t)) {
            self.resources.refresh(tab, &client, id);
        }
    }

    fn queue(&self, change: Change) {
        let later = usize::from(tab_of(&change) != self.tab.get_untracked());
        let schedule = self
            .inner
            .try_update_value(|i| {
                i.pending.push(change);
                !std::mem::replace(&mut i.flush_due[later], true)
            })
            .unwrap_or(false);
        if schedule {
            if later == 1 {
                self.inner.update_value(|i| i.hidden_since = monotonic());
            }
            self.arm(later);
        }
    }

    /// Sets the timer of a batch (`later`: for the tabs out of view).
    fn arm(self, later: usize) {
        set_timeout(
            move || self.due(later),
            Duration::from_millis([BATCH_MS, HIDDEN_BATCH_MS][later]),
        );
    }

    /// A batch's timer fired: it clears its own mark and applies whatever is pending. A batch for
    /// the tabs out of view waits while the agent types (up to [`MAX_HIDDEN_WAIT_MS`]): its badges
    /// and announcement would have the page painted again in the middle of the keystrokes. (A
    /// batch for the tab on screen, which never waits, takes the waiting changes with it: the
    /// page is painted for it anyway.)
    fn due(self, later: usize) {
        let typing = monotonic() - LAST_INPUT.with(Cell::get) < TYPING_MS;
        // (a case gone meanwhile: nothing to wait for)
        let Some(waited) = self.inner.try_with_value(|i| monotonic() - i.hidden_since) else {
            return;
        };
        if later == 1 && typing && waited < MAX_HIDDEN_WAIT_MS {
            return self.arm(later);
        }
        self.inner.try_update_value(|i| i.flush_due[later] = false);
        self.flush();
    }

    /// Applies what is pending, as one batch.
    fn flush(&self) {
        let Some((changes, client, id, me)) = self
            .inner
            .try_update_value(|i| (std::mem::take(&mut i.pending), i.client.clone(), i.case_id, i.me))
        else {
            return;
        };
        if changes.is_empty() {
            return;
        }
        let mut counts = self.resources.apply_live(&changes);
        let mut reread = [false; TAB_COUNT];
        for tab in changes.iter().filter_map(read_again) {
            counts[tab.index()] += 1;
            reread[tab.index()] = true;
        }
        for tab in ModalTab::all().filter(|t| reread[t.index()]) {
            self.resources.refresh(tab, &client, id);
        }
        if counts.iter().any(|&n| n > 0) {
            let current = self.tab.get_untracked().index();
            self.unseen.update(|u| {
                for (i, n) in counts.iter().enumerate() {
                    if i != current {
                        u[i] += n;
                    }
                }
            });
            self.schedule_announcement(counts);
        }
        let by_other = changes.iter().rev().find_map(|c| match c {
            Change::Case(c) if c.changed_by.as_ref().map(|a| a.id) != me => Some(c.clone()),
            _ => None,
        });
        if let Some(c) = by_other {
            self.show_notice(c);
        }
        // the host is told what changed (kinds and ids), never the content
        let list: js_sys::Array = changes
            .iter()
            .map(|c| {
                let (kind, id) = c.kind_and_id();
                object(&[("kind", kind.into()), ("id", num(id))])
            })
            .collect();
        self.inner.with_value(|i| {
            i.events.emit(
                "cvortex:case-updated",
                &[("case_id", num(id)), ("changes", list.into())],
            )
        });
    }

    /// Adds `counts` to the next announcement, made once the burst is over.
    fn schedule_announcement(&self, counts: [usize; TAB_COUNT]) {
        let schedule = self
            .inner
            .try_update_value(|i| {
                for (a, n) in i.to_announce.iter_mut().zip(counts) {
                    *a += n;
                }
                !std::mem::replace(&mut i.announce_due, true)
            })
            .unwrap_or(false);
        if !schedule {
            return;
        }
        let this = *self;
        set_timeout(
            move || {
                let due = this.inner.try_update_value(|i| {
                    i.announce_due = false;
                    std::mem::take(&mut i.to_announce)
                });
                if let Some(counts) = due {
                    this.announced.try_set(counts);
                }
            },
            Duration::from_millis(ANNOUNCE_MS),
        );
    }

    fn show_notice(&self, change: CaseChanged) {
        let gen = self.inner.try_update_value(|i| {
            i.notice_gen += 1;
            i.notice_gen
        });
        self.notice.set(Some(change));
        let this = *self;
        set_timeout(
            move || {
                if this.inner.try_with_value(|i| i.notice_gen) == gen {
                    this.notice.try_set(None);
                }
            },
            Duration::from_millis(NOTICE_MS),
        );
    }
}

/// The tab that shows `change`.
fn tab_of(change: &Change) -> ModalTab {
    match change {
        Change::Message(_) => ModalTab::Interactions,
        Change::History(_) => ModalTab::CaseHistory,
        Change::Call(_) => ModalTab::Calls,
        Change::Sla(_) => ModalTab::Sla,
        Change::Attachment(_) => ModalTab::Attachments,
        Change::Survey(_) => ModalTab::Surveys,
        Change::Case(_) => ModalTab::CaseData,
        Change::CustomerCase(_) => ModalTab::CustomerHistory,
    }
}

/// The tab read again on `change` instead of applying it: an SLA target's clock is as of when
/// it was sent and its list's as of the load, so applying it would shift the clock; the case
/// and its surveys are a few rows (applying them in place would cost bundle size for nothing).
fn read_again(change: &Change) -> Option<ModalTab> {
    match change {
        Change::Sla(_) => Some(ModalTab::Sla),
        Change::Survey(_) => Some(ModalTab::Surveys),
        Change::Case(_) => Some(ModalTab::CaseData),
        _ => None,
    }
}

fn retry_after_of(e: &ApiError) -> Option<u32> {
    match e {
        ApiError::RateLimited { retry_after } | ApiError::Unavailable { retry_after } => *retry_after,
        _ => None,
    }
}

/// Aborts a connection that stays silent for `limit` ms. A chunk only notes when it was heard (a
/// clock read, where re-setting a timer per chunk took five calls into JS and a closure): the
/// timer checks when it fires and waits out what is left. Timers are never cleared, only made
/// stale (a generation): a cleared one's closure would hold the watchdog until collected.
#[derive(Clone)]
struct Watchdog(std::rc::Rc<Watch>);

struct Watch {
    conn: AbortController,
    limit: Cell<u32>,
    heard: Cell<f64>,
    /// The timer that counts; an older one that fires does nothing.
    current: Cell<u32>,
}

thread_local! {
    /// When the page last saw an `input` (monotonic ms): typing in any field of any modal.
    static LAST_INPUT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Notes every `input` on the page in [`LAST_INPUT`] (installed once, kept for the page's life).
fn watch_typing() {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let note = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| LAST_INPUT.with(|t| t.set(monotonic())));
    if let Some(w) = web_sys::window() {
        let f = wasm_bindgen::JsCast::unchecked_ref(note.as_ref());
        let _ = w.add_event_listener_with_callback_and_bool("input", f, true);
    }
    note.forget();
}

/// A monotonic clock (ms): a wall clock set back would hold the watchdog off.
fn monotonic() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now, |p| p.now())
}

impl Watchdog {
    fn new(conn: AbortController, limit: u32) -> Watchdog {
        let w = Watchdog(std::rc::Rc::new(Watch {
            conn,
            limit: Cell::new(limit),
            heard: Cell::new(monotonic()),
            current: Cell::new(0),
        }));
        w.wait(limit as f64);
        w
    }

    fn heard(&self) {
        self.0.heard.set(monotonic());
    }

    /// A new limit (the server's heartbeat), from now: a shorter one than the timer waits for
    /// must not wait for it.
    fn set_limit(&self, limit: u32) {
        self.0.limit.set(limit);
        self.heard();
        self.wait(limit as f64);
    }

    fn wait(&self, ms: f64) {
        let timer = self.0.current.get().wrapping_add(1);
        self.0.current.set(timer);
        let w = self.clone();
        set_timeout(
            move || {
                if w.0.current.get() == timer {
                    w.check();
                }
            },
            Duration::from_millis(ms.max(0.0) as u64),
        );
    }

    fn check(&self) {
        let left = self.0.limit.get() as f64 - (monotonic() - self.0.heard.get());
        if left <= 0.0 {
            self.disarm();
            self.0.conn.abort();
        } else {
            self.wait(left);
        }
    }

    fn disarm(&self) {
        self.0.current.set(self.0.current.get().wrapping_add(1));
    }
}
