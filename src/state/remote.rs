//! One piece of remote data: its loading state as a signal, and the request in flight, which a
//! new load or the owner's cleanup aborts. The data's type is erased ([`TabData`]): the decoder is
//! a function given with the path, so this code exists once in the bundle. Live changes apply to
//! the data in place; those that arrive while a request is on its way are applied again to its
//! answer (which may or may not hold them: every change is an upsert, so twice is once).

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use cvortex_domain::live::Change;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};

use crate::api::{parse, ApiClient, ApiError, Body};

/// Data once decoded: its contract type behind `Any`, so the resources, the loading state and the
/// load view exist once in the bundle rather than once per type.
pub type TabData = Arc<dyn Any + Send + Sync>;

/// A tab's data as its view reads it: the loaded data's signal, its type erased (one signal type
/// for every tab, so the signal's code exists once in the bundle), read as the tab's `T`. New data
/// (a live change, a silent reload) reaches the view through it.
pub struct Data<T> {
    signal: Signal<Option<TabData>>,
    _of: PhantomData<fn() -> T>,
}

impl<T> Clone for Data<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Data<T> {}

impl<T: Send + Sync + 'static> Data<T> {
    pub fn new(signal: Signal<Option<TabData>>) -> Self {
        Data {
            signal,
            _of: PhantomData,
        }
    }

    /// The data as it was given, of no type (for what reads any tab's data, as its count).
    pub fn erased(&self) -> Signal<Option<TabData>> {
        self.signal
    }

    /// `f` of the data (tracked); the default while there is none (between a new load starting
    /// and its view giving way to the skeleton).
    pub fn with<R: Default>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.signal
            .with(|d| d.as_ref().and_then(|d| d.downcast_ref::<T>()).map(f))
            .unwrap_or_default()
    }

    pub fn with_untracked<R: Default>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.signal
            .with_untracked(|d| d.as_ref().and_then(|d| d.downcast_ref::<T>()).map(f))
            .unwrap_or_default()
    }

    pub fn get_untracked(&self) -> Option<Arc<T>> {
        self.signal.get_untracked().and_then(|d| d.downcast::<T>().ok())
    }

    /// The data itself (tracked).
    pub fn get(&self) -> Option<Arc<T>> {
        self.signal.get().and_then(|d| d.downcast::<T>().ok())
    }

    /// Which version of the data this is (its address; tracked): a new one is new data.
    pub fn version(&self) -> usize {
        self.signal
            .with(|d| d.as_ref().map_or(0, |d| Arc::as_ptr(d) as *const u8 as usize))
    }
}

/// Decodes a body as the contract's `T`.
pub fn decode_as<T: DeserializeOwned + Send + Sync + 'static>(body: Body) -> Result<TabData, ApiError> {
    parse::<T>(body).map(|v| Arc::new(v) as TabData)
}

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(v) => Some(v),
            _ => None,
        }
    }
}

/// Turns an answer's body into the data (e.g. `decode_as::<CallList>`).
pub type Decode = fn(Body) -> Result<TabData, ApiError>;

/// Applies live changes to the data, replacing it by a new version when they change it; how
/// many changed it (see `cvortex_domain::live::apply_all`).
pub type ApplyFn = fn(&mut TabData, &[Change]) -> usize;

/// An [`ApplyFn`] for data of the contract's type `T`. Data that nothing else holds (a tab out
/// of view: its panel holds the version it last showed) is changed where it is: a burst of
/// messages to a 10,000-row tab the agent is not looking at copies nothing. Data a view holds
/// gets a new version (a new address: the view's rows know it is new).
pub fn apply_as<T>(data: &mut TabData, changes: &[Change]) -> usize
where
    T: cvortex_domain::live::Apply + Clone + Send + Sync + 'static,
{
    if let Some(only) = Arc::get_mut(data) {
        return only
            .downcast_mut::<T>()
            .map_or(0, |d| cvortex_domain::live::apply_in_place(d, changes));
    }
    match data
        .downcast_ref::<T>()
        .and_then(|d| cvortex_domain::live::apply_all(d, changes))
    {
        Some((next, n)) => {
            *data = Arc::new(next);
            n
        }
        None => 0,
    }
}

/// What [`Remote::shown`] gives to keep in memory, and [`Remote::restore`] shows again.
#[derive(Clone)]
pub struct Shown {
    pub data: TabData,
    /// The size of the answer it was decoded from.
    pub bytes: u32,
    /// When it was current (epoch ms).
    pub at: f64,
    /// A reload was started and did not land: opening it again reloads it first.
    pub owed: bool,
    /// The `ETag` of that answer: a revalidation that gets it again keeps the data as it is.
    pub etag: Option<String>,
}

/// `Copy` handle (arena-allocated signals), so views and callbacks can capture it freely.
#[derive(Clone, Copy)]
pub struct Remote {
    pub state: RwSignal<Load<TabData>>,
    /// Whether the data shown may be out of date (see [`stale`](Self::stale)): 0 when current,
    /// else when it was current (epoch ms), negative once renewing it failed. A number rather than
    /// an `Option<(f64, bool)>`: a signal of a type new to the bundle costs a kilobyte.
    stale_since: RwSignal<f64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
    /// How live changes apply to this data (`None`: they do not).
    apply: Option<ApplyFn>,
    held: StoredValue<Held>,
}

#[derive(Default)]
struct Held {
    /// The live changes that arrived while the request in flight was on its way.
    changes: Vec<Change>,
    /// The size of the answer the data shown was decoded from, and when it arrived (epoch ms).
    bytes: u32,
    at: f64,
    /// A request was started and its answer has not landed (aborted, failed or on its way): the
    /// data shown is owed a reload, which a case opened again from memory does first.
    owed: bool,
    /// The `ETag` of the answer the data shown was decoded from.
    etag: Option<String>,
}

impl Default for Remote {
    fn default() -> Self {
        Self::new()
    }
}

impl Remote {
    pub fn new() -> Self {
        Self::applying(None)
    }

    /// Data that live changes apply to with `apply`.
    pub fn applying(apply: Option<ApplyFn>) -> Self {
        Remote {
            state: RwSignal::new(Load::Loading),
            stale_since: RwSignal::new(0.0),
            in_flight: StoredValue::new_local(None),
            apply,
            held: StoredValue::new(Held::default()),
        }
    }

    /// The data shown, its size, when it was current and whether a reload is owed, to keep it
    /// in memory.
    pub fn shown(&self) -> Option<Shown> {
        let data = self.state.try_with_untracked(|s| s.ready().cloned()).flatten()?;
        self.held.try_with_value(|h| Shown {
            data,
            bytes: h.bytes,
            at: h.at,
            owed: h.owed,
            etag: h.etag.clone(),
        })
    }

    /// Shows data kept in memory (as [`shown`](Self::shown) gave it), marked stale until it is
    /// brought up to date.
    pub fn restore(&self, kept: &Shown) {
        self.abort();
        self.held.set_value(Held {
            changes: Vec::new(),
            bytes: kept.bytes,
            at: kept.at,
            owed: kept.owed,
            etag: kept.etag.clone(),
        });
        self.state.set(Load::Ready(kept.data.clone()));
        self.stale_since.set(kept.at.max(1.0));
    }

    /// Marks the data shown stale while its modal is hidden: current until now when the stream
    /// was live, else as of its answer.
    pub fn pause(&self, live_until_now: bool) {
        if self.state.with_untracked(|s| s.ready().is_none()) || self.is_stale() {
            return;
        }
        let at = self.held.with_value(|h| h.at);
        let at = if live_until_now { js_sys::Date::now() } else { at };
        self.held.update_value(|h| h.at = at);
        self.stale_since.set(at.max(1.0));
    }

    /// The size of the answer the data shown was decoded from (0: none shown).
    pub fn bytes(&self) -> u32 {
        let shown = self.state.try_with_untracked(|s| s.ready().is_some()) == Some(true);
        if shown {
            self.held.try_with_value(|h| h.bytes).unwrap_or(0)
        } else {
            0
        }
    }

    /// A read of it was started and has not landed, or did not.
    pub fn owed(&self) -> bool {
        self.held.with_value(|h| h.owed)
    }

    pub fn in_flight(&self) -> bool {
        self.in_flight.with_value(Option::is_some)
    }

    /// The data shown may be out of date: since when it was current, and whether renewing it
    /// failed (reactive; `None`: it is current).
    pub fn stale(&self) -> Option<(f64, bool)> {
        let t = self.stale_since.get();
        (t != 0.0).then(|| (t.abs(), t < 0.0))
    }

    pub fn is_stale(&self) -> bool {
        self.stale_since.get_untracked() != 0.0
    }

    /// The stream caught up: data that waited for it is current, unless a reload of it is on its
    /// way or failed (those say so themselves when they land).
    pub fn caught_up(&self) {
        let waiting = self.stale_since.try_get_untracked().is_some_and(|t| t > 0.0);
        if waiting && self.in_flight.try_with_value(Option::is_none) == Some(true) {
            self.stale_since.try_set(0.0);
        }
    }

    /// Applies live changes to the data shown (and to the answer of a request on its way, when
    /// it lands); how many of them changed what is shown.
    pub fn apply_live(&self, changes: &[Change]) -> usize {
        let Some(apply) = self.apply else { return 0 };
        if self.in_flight.with_value(Option::is_some) {
            self.held.update_value(|h| h.changes.extend_from_slice(changes));
        }
        let mut n = 0;
        self.state.maybe_update(|s| match s {
            Load::Ready(data) => {
                n = apply(data, changes);
                n > 0
            }
            _ => false,
        });
        n
    }

    /// GETs `path` (aborting any request in flight) showing the loading state; the decoded
    /// answer lands in `state` unless aborted.
    pub fn load(&self, client: &ApiClient, path: String, decode: Decode) {
        self.start(client, path, decode, true);
    }

    /// Like [`load`](Self::load), but what is shown stays until the new data arrives (a refresh
    /// after a change the user made: no skeleton flashing over the list), and stays if it cannot,
    /// marked stale.
    pub fn reload(&self, client: &ApiClient, path: String, decode: Decode) {
        self.start(client, path, decode, false);
    }

    fn start(&self, client: &ApiClient, path: String, decode: Decode, show_loading: bool) {
        self.abort();
        let Ok(controller) = AbortController::new() else {
            self.state.set(Load::Failed(ApiError::Network));
            return;
        };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        // what arrived before this request is in its answer
        self.held.update_value(|h| {
            h.changes.clear();
            h.owed = true;
        });
        if show_loading {
            // new data to come: no mark of the data that was shown
            self.stale_since.set(0.0);
            if !matches!(self.state.get_untracked(), Load::Loading) {
                self.state.set(Load::Loading);
            }
        }
        // the answer the data shown came from, if it is shown: the same again is not decoded
        let known = self
            .state
            .with_untracked(|s| s.ready().is_some())
            .then(|| self.held.with_value(|h| h.etag.clone()))
            .flatten();
        let this = *self;
        spawn_read(client.clone(), path, signal, known, move |body| {
            // this request was not aborted, so it is the latest: nothing is in flight now
            this.in_flight.try_set_value(None);
            let (bytes, etag) = match &body {
                Ok(Body::Browser(b, tag)) => (b.length(), tag.clone()),
                _ => (0, None),
            };
            let Some(held) = this.held.try_update_value(|h| std::mem::take(&mut h.changes)) else {
                return;
            };
            // unchanged: the data shown stays as it is (its rows, their scroll and focus), current
            // now; the live changes held are in it already
            if matches!(body, Ok(Body::Same)) {
                this.held
                    .update_value(|h| (h.at, h.owed) = (js_sys::Date::now(), false));
                this.stale_since.set(0.0);
                return;
            }
            let next = match body.and_then(decode) {
                Ok(v) => {
                    this.held
                        .update_value(|h| (h.bytes, h.at, h.owed, h.etag) = (bytes, js_sys::Date::now(), false, etag));
                    this.stale_since.set(0.0);
                    let mut v = v;
                    if let Some(apply) = this.apply {
                        apply(&mut v, &held);
                    }
                    Load::Ready(v)
                }
                Err(ApiError::Aborted) => return,
                // data on screen stays, marked: an error in its place would lose what the agent
                // was reading for a refresh that failed
                Err(_) if this.state.with_untracked(|s| s.ready().is_some()) => {
                    // (data put in directly has no time: marked as of the epoch's first ms)
                    let at = this.held.with_value(|h| h.at).max(1.0);
                    this.stale_since.set(-at);
                    return;
                }
                Err(e) => Load::Failed(e),
            };
            this.state.set(next);
        });
    }

    pub fn abort(&self) {
        if let Some(Some(c)) = self.in_flight.try_update_value(Option::take) {
            c.abort();
        }
    }
}

fn spawn_read(
    client: ApiClient,
    path: String,
    signal: AbortSignal,
    known: Option<String>,
    settle: impl FnOnce(Result<Body, ApiError>) + 'static,
) {
    spawn_local(async move {
        let body = client.get_body(&path, &signal, known.as_deref()).await;
        if !signal.aborted() {
            settle(body);
        }
    });
}
