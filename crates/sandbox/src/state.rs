//! Shared server state: the SQLite connections (used from blocking threads: one that writes, a
//! few that only read), the fault table and the configuration.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::error::{ApiResult, AppError};
use crate::faults::Faults;
use crate::live::Live;

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
    /// How often an event stream sends a heartbeat when nothing happens.
    pub heartbeat_ms: u32,
    /// How long an upload's body may take to arrive (a stalled client holds no worker longer).
    pub upload_timeout_ms: u64,
    /// How many bytes of attachments one case may hold (told to the app with the limits).
    pub case_quota_bytes: u64,
    /// How many bytes of attachments one tenant may hold in all.
    pub tenant_quota_bytes: u64,
    /// Failed logins allowed per account (tenant and username) within `login_window_ms`.
    pub login_failures_per_account: u32,
    /// Failed logins allowed per client address within `login_window_ms`.
    pub login_failures_per_client: u32,
    pub login_window_ms: i64,
    /// What a request to the `/__sandbox` test controls must carry in `X-Sandbox-Token`.
    pub admin_token: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            undo_window_ms: 10 * 60 * 1000,
            token_ttl_ms: 8 * 3600 * 1000,
            frame_ancestors: "'self'".into(),
            dist: None,
            heartbeat_ms: 15_000,
            upload_timeout_ms: 5 * 60 * 1000,
            case_quota_bytes: 200 * 1024 * 1024,
            tenant_quota_bytes: 2 * 1024 * 1024 * 1024,
            login_failures_per_account: 5,
            login_failures_per_client: 20,
            login_window_ms: 15 * 60 * 1000,
            admin_token: random_hex(16),
        }
    }
}

/// What `POST /__sandbox/reset` reloads.
pub type Reseed = Arc<dyn Fn(&mut Connection) -> Result<(), String> + Send + Sync>;

/// Read-only connections beside the writer, one for each answer the modal asks for at once: with
/// one connection (or three) the small answers, the case itself, waited behind the big lists
/// (first tab at 10,000 rows: p95 ~250 ms with three readers, ~90 ms with eight).
const READERS: usize = 8;

#[derive(Clone)]
pub struct AppState {
    db: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    pub config: Arc<Config>,
    /// Present only when fault injection (and the `/__sandbox` admin API) is enabled.
    pub faults: Option<Faults>,
    pub reseed: Reseed,
    /// The cases' live changes and their streams.
    pub live: Live,
    /// Failed logins, per account and per client.
    pub logins: Arc<crate::throttle::Throttle>,
}

impl AppState {
    pub fn new(conn: Connection, config: Config, faults: Option<Faults>, reseed: Reseed) -> Self {
        // a file on disk gets readers (WAL lets them read while the writer writes); an in-memory
        // database is private to its one connection
        let readers = match conn.path().filter(|p| !p.is_empty()) {
            Some(path) => (0..READERS)
                .filter_map(|_| crate::db::open_reader(std::path::Path::new(path)).ok())
                .map(Mutex::new)
                .collect(),
            None => Vec::new(),
        };
        AppState {
            db: Arc::new(Mutex::new(conn)),
            readers: Arc::new(readers),
            live: Live::new(config.heartbeat_ms),
            config: Arc::new(config),
            faults,
            reseed,
            logins: Arc::default(),
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
        .map_err(|e| {
            eprintln!("sandbox: worker failed: {e}");
            AppError::internal("internal error")
        })?
    }

    /// Runs a read-only `f` on a free reader connection (waiting for the first when all are
    /// busy), or on the writer when there are no readers.
    pub async fn read<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
    {
        if self.readers.is_empty() {
            return self.db(f).await;
        }
        let readers = self.readers.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = match readers.iter().find_map(|r| r.try_lock().ok()) {
                Some(free) => free,
                None => readers[0].lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
            };
            f(&mut conn)
        })
        .await
        .map_err(|e| {
            eprintln!("sandbox: worker failed: {e}");
            AppError::internal("internal error")
        })?
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

/// The SHA-256 of `bytes`, in hex: what tells two files of the same name, type and size apart.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
