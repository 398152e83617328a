//! Shared server state: the SQLite connection (used from blocking threads), the fault table and
//! the configuration.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::error::{ApiResult, AppError};
use crate::faults::Faults;

#[derive(Clone, Debug)]
pub struct Config {
    /// How long a unification can be undone.
    pub undo_window_ms: i64,
    /// Lifetime of a token issued by login.
    pub token_ttl_ms: i64,
    /// `frame-ancestors` of the Content-Security-Policy (who may frame the app).
    pub frame_ancestors: String,
    /// The built app, served on the same origin as the API.
    pub dist: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            undo_window_ms: 10 * 60 * 1000,
            token_ttl_ms: 8 * 3600 * 1000,
            frame_ancestors: "'self'".into(),
            dist: None,
        }
    }
}

/// What `POST /__sandbox/reset` reloads.
pub type Reseed = Arc<dyn Fn(&mut Connection) -> Result<(), String> + Send + Sync>;

#[derive(Clone)]
pub struct AppState {
    db: Arc<Mutex<Connection>>,
    pub config: Arc<Config>,
    /// Present only when fault injection (and the `/__sandbox` admin API) is enabled.
    pub faults: Option<Faults>,
    pub reseed: Reseed,
}

impl AppState {
    pub fn new(conn: Connection, config: Config, faults: Option<Faults>, reseed: Reseed) -> Self {
        AppState {
            db: Arc::new(Mutex::new(conn)),
            config: Arc::new(config),
            faults,
            reseed,
        }
    }

    /// Runs `f` with the connection on a blocking thread (SQLite calls block).
    pub async fn db<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
    {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::internal(format!("worker: {e}")))?
    }
}

/// Now, as epoch milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A random hex token (tokens, CSP nonces).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the OS random source is available");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}
