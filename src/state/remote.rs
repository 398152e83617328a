//! One piece of remote data: its loading state as a signal, and the request in flight, which a
//! new load or the owner's cleanup aborts.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, AbortSignal};

use serde::de::DeserializeOwned;

use crate::api::{parse, ApiClient, ApiError, Body};

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

/// `Copy` handle (arena-allocated signals), so views and callbacks can capture it freely.
pub struct Remote<T: Send + Sync + 'static> {
    pub state: RwSignal<Load<Arc<T>>>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Remote<T> {}

impl<T: Send + Sync + 'static> Default for Remote<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Remote<T> {
    pub fn new() -> Self {
        Remote {
            state: RwSignal::new(Load::Loading),
            in_flight: StoredValue::new_local(None),
        }
    }

    /// GETs `path` (aborting any request in flight) showing the loading state; the decoded
    /// answer lands in `state` unless aborted.
    pub fn load(&self, client: &ApiClient, path: String)
    where
        T: DeserializeOwned,
    {
        self.start(client, path, true);
    }

    /// Like [`load`](Self::load), but what is shown stays until the new data arrives (a refresh
    /// after a change the user made: no skeleton flashing over the list).
    pub fn reload(&self, client: &ApiClient, path: String)
    where
        T: DeserializeOwned,
    {
        self.start(client, path, false);
    }

    fn start(&self, client: &ApiClient, path: String, show_loading: bool)
    where
        T: DeserializeOwned,
    {
        self.abort();
        let Ok(controller) = AbortController::new() else {
            self.state.set(Load::Failed(ApiError::Network));
            return;
        };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        if show_loading && !matches!(self.state.get_untracked(), Load::Loading) {
            self.state.set(Load::Loading);
        }
        let state = self.state;
        // only this part depends on T: decoding and storing
        let settle = Box::new(move |body: Result<Body, ApiError>| {
            let _ = state.try_set(match body.and_then(parse::<T>) {
                Ok(v) => Load::Ready(Arc::new(v)),
                Err(ApiError::Aborted) => return,
                Err(e) => Load::Failed(e),
            });
        });
        spawn_read(client.clone(), path, signal, settle);
    }

    pub fn abort(&self) {
        if let Some(Some(c)) = self.in_flight.try_update_value(Option::take) {
            c.abort();
        }
    }
}

/// The request itself, the same code for every resource: the async state machine exists once in
/// the bundle, not once per type (it was ~3 KB each).
fn spawn_read(client: ApiClient, path: String, signal: AbortSignal, settle: Box<dyn FnOnce(Result<Body, ApiError>)>) {
    spawn_local(async move {
        let body = client.get_body(&path, &signal).await;
        if !signal.aborted() {
            settle(body);
        }
    });
}
