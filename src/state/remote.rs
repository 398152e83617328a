//! One piece of remote data: its loading state as a signal, and the request in flight, which a
//! new load or the owner's cleanup aborts.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, AbortSignal};

use crate::api::ApiError;

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

    /// Starts `fetch` (aborting any request in flight) showing the loading state; the result
    /// lands in `state` unless aborted.
    pub fn load<F, Fut>(&self, fetch: F)
    where
        F: FnOnce(AbortSignal) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        self.start(fetch, true);
    }

    /// Like [`load`](Self::load), but what is shown stays until the new data arrives (a refresh
    /// after a change the user made: no skeleton flashing over the list).
    pub fn reload<F, Fut>(&self, fetch: F)
    where
        F: FnOnce(AbortSignal) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        self.start(fetch, false);
    }

    fn start<F, Fut>(&self, fetch: F, show_loading: bool)
    where
        F: FnOnce(AbortSignal) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
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
        spawn_local(async move {
            let result = fetch(signal.clone()).await;
            if signal.aborted() {
                return;
            }
            let _ = state.try_set(match result {
                Ok(v) => Load::Ready(Arc::new(v)),
                Err(ApiError::Aborted) => return,
                Err(e) => Load::Failed(e),
            });
        });
    }

    pub fn abort(&self) {
        if let Some(Some(c)) = self.in_flight.try_update_value(Option::take) {
            c.abort();
        }
    }
}
