//! One piece of remote data: its loading state as a signal, and the request in flight, which a
//! new load or the owner's cleanup aborts. The data's type is erased ([`TabData`]): the decoder is
//! a function given with the path, so this code exists once in the bundle.

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};

use crate::api::{parse, ApiClient, ApiError, Body};

/// Data once decoded: its contract type behind `Any`, so the resources, the loading state and the
/// load view exist once in the bundle rather than once per type.
pub type TabData = Arc<dyn Any + Send + Sync>;

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

/// `Copy` handle (arena-allocated signals), so views and callbacks can capture it freely.
#[derive(Clone, Copy)]
pub struct Remote {
    pub state: RwSignal<Load<TabData>>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl Default for Remote {
    fn default() -> Self {
        Self::new()
    }
}

impl Remote {
    pub fn new() -> Self {
        Remote {
            state: RwSignal::new(Load::Loading),
            in_flight: StoredValue::new_local(None),
        }
    }

    /// GETs `path` (aborting any request in flight) showing the loading state; the decoded
    /// answer lands in `state` unless aborted.
    pub fn load(&self, client: &ApiClient, path: String, decode: Decode) {
        self.start(client, path, decode, true);
    }

    /// Like [`load`](Self::load), but what is shown stays until the new data arrives (a refresh
    /// after a change the user made: no skeleton flashing over the list).
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
        if show_loading && !matches!(self.state.get_untracked(), Load::Loading) {
            self.state.set(Load::Loading);
        }
        let state = self.state;
        spawn_read(client.clone(), path, signal, move |body| {
            let _ = state.try_set(match body.and_then(decode) {
                Ok(v) => Load::Ready(v),
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

fn spawn_read(
    client: ApiClient,
    path: String,
    signal: AbortSignal,
    settle: impl FnOnce(Result<Body, ApiError>) + 'static,
) {
    spawn_local(async move {
        let body = client.get_body(&path, &signal).await;
        if !signal.aborted() {
            settle(body);
        }
    });
}
