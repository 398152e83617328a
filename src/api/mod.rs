//! The API client: every HTTP detail lives here (base URL, bearer token and its refresh, timeouts,
//! retries of reads, JSON decoding into the contract's types, status codes to [`ApiError`]).

mod error;
mod events;
mod files;

use crate::state::{FlowSlot, RecentCases};
use std::cell::RefCell;
use std::rc::Rc;

use cvortex_domain::*;
use gloo_net::http::{Request, RequestBuilder, Response};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

pub use error::ApiError;
pub use events::EventStream;
pub use files::UploadCancel;

/// Where bearer tokens come from.
pub enum TokenSource {
    /// Embedded: the host's `getToken({ forceRefresh })`, returning a string or a Promise of one,
    /// called for every request so the host owns expiry and refresh. Nothing is stored here.
    Host(js_sys::Function),
    /// Standalone: a tenant login; the token is kept in memory only, and a 401 logs in again once.
    /// One login at a time: the reads that start together (every tab's, the event stream's)
    /// share its promise, rather than each making the server check the password.
    Login {
        /// The body of `POST /v1/auth/login` (JSON: tenant, username, password).
        request: String,
        token: RefCell<Option<js_sys::Promise>>,
        /// The token that promise gave (none while a newer login is on its way): a 401 on it
        /// starts the next login, a 401 on an older one waits for the current.
        issued: RefCell<Option<String>>,
        /// Why the last login failed, for every read that waited on it.
        failure: RefCell<Option<ApiError>>,
    },
    /// A fixed token (component tests).
    Fixed(String),
}

struct Inner {
    base: String,
    tokens: TokenSource,
    timeout_ms: u32,
    /// The recent cases' data (`crate::state::recent`): one client per mount, and so per login.
    recent: RefCell<RecentCases>,
    /// The unification flows of cases not open now, with what came of their requests since.
    parked: RefCell<Vec<(CaseId, FlowSlot)>>,
}

/// Cheap to clone. `SendWrapper` satisfies leptos' `Send` bounds (context, callbacks): wasm runs
/// on one thread, where it is always accessed.
#[derive(Clone)]
pub struct ApiClient(SendWrapper<Rc<Inner>>);

/// Attempts and backoff of a read (writes are never retried here: they carry idempotency keys
/// and their callers decide).
const READ_ATTEMPTS: u32 = 3;
const BACKOFF_MS: [u32; 2] = [400, 1200];
const MAX_RETRY_AFTER_S: u32 = 5;

impl ApiClient {
    pub fn new(base: &str, tokens: TokenSource, timeout_ms: u32) -> ApiClient {
        ApiClient(SendWrapper::new(Rc::new(Inner {
            base: base.trim_end_matches('/').to_string(),
            tokens,
            timeout_ms,
            recent: RefCell::default(),
            parked: RefCell::default(),
        })))
    }

    /// The unification flows kept for cases not open now (`crate::state::unification`).
    pub fn parked(&self) -> std::cell::RefMut<'_, Vec<(CaseId, FlowSlot)>> {
        self.0.parked.borrow_mut()
    }

    /// The recent cases kept by this client's mount (`crate::state::recent`).
    pub fn recent(&self) -> std::cell::RefMut<'_, RecentCases> {
        self.0.recent.borrow_mut()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.0.base, path)
    }

    /// A token; after a 401, `refused` is the token that got it (one fresh token is asked for).
    async fn token(&self, refused: Option<&str>) -> Result<String, ApiError> {
        match &self.0.tokens {
            TokenSource::Fixed(t) => Ok(t.clone()),
            TokenSource::Host(get_token) => {
                let opts = js_sys::Object::new();
                js_sys::Reflect::set(&opts, &"forceRefresh".into(), &JsValue::from_bool(refused.is_some())).ok();
                let value = get_token
                    .call1(&JsValue::NULL, &opts)
                    .map_err(|_| ApiError::SessionExpired)?;
                let value = match value.dyn_into::<js_sys::Promise>() {
                    Ok(p) => JsFuture::from(p).await.map_err(|_| ApiError::SessionExpired)?,
                    Err(v) => v,
                };
                value
                    .as_string()
                    .filter(|t| !t.is_empty())
                    .ok_or(ApiError::SessionExpired)
            }
            TokenSource::Login {
                token, issued, failure, ..
            } => {
                // every read refused together shares one new login
                let stale = refused.is_some() && issued.borrow().as_deref() == refused;
                let kept = token.borrow().clone().filter(|_| !stale);
                let login = kept.unwrap_or_else(|| {
                    issued.borrow_mut().take();
                    let p = wasm_bindgen_futures::future_to_promise(self.clone().shared_login());
                    *token.borrow_mut() = Some(p.clone());
                    p
                });
                match JsFuture::from(login).await {
                    Ok(t) => t.as_string().ok_or(ApiError::SessionExpired),
                    Err(_) => Err(failure.borrow().clone().unwrap_or(ApiError::SessionExpired)),
                }
            }
        }
    }

    /// The login that [`token`](Self::token)'s callers share; a failed one is forgotten, so the
    /// next read logs in again. Only the session's token is decoded (the rest is not used).
    async fn shared_login(self) -> Result<JsValue, JsValue> {
        #[derive(serde::Deserialize)]
        struct Issued {
            token: String,
        }
        let TokenSource::Login {
            request,
            token,
            issued,
            failure,
        } = &self.0.tokens
        else {
            return Err(JsValue::NULL);
        };
        let (signal, timeout) = self.signals(None);
        let sent = match Request::post(&self.url("/v1/auth/login"))
            .abort_signal(Some(&signal))
            .header("Content-Type", "application/json")
            .body(request.as_str())
        {
            Ok(req) => req.send().await.map_err(|_| classify_failure(None, &timeout)),
            Err(_) => Err(ApiError::BadData("login request".into())),
        };
        let answer: Result<Issued, ApiError> = match sent {
            Ok(res) => decode(res).await,
            Err(e) => Err(e),
        };
        match answer {
            Ok(i) => {
                *issued.borrow_mut() = Some(i.token.clone());
                Ok(i.token.into())
            }
            Err(e) => {
                *token.borrow_mut() = None;
                *failure.borrow_mut() = Some(e);
                Err(JsValue::NULL)
            }
        }
    }

    /// A signal that fires on the caller's abort or on our timeout, and the timeout signal alone.
    fn signals(&self, caller: Option<&AbortSignal>) -> (AbortSignal, AbortSignal) {
        self.signals_within(caller, self.0.timeout_ms)
    }

    fn signals_within(&self, caller: Option<&AbortSignal>, timeout_ms: u32) -> (AbortSignal, AbortSignal) {
        let timeout = AbortSignal::timeout_with_u32(timeout_ms);
        let list = js_sys::Array::new();
        list.push(&timeout);
        if let Some(c) = caller {
            list.push(c);
        }
        (AbortSignal::any(&list), timeout)
    }

    /// Sends a request with a token; on 401 asks for a fresh token once. `body` is JSON.
    async fn send(
        &self,
        caller: &AbortSignal,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Response, ApiError> {
        self.send_within(caller, method, url, headers, body, self.0.timeout_ms)
            .await
    }

    /// [`send`](Self::send) with its own timeout (ms).
    async fn send_within(
        &self,
        caller: &AbortSignal,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
        timeout_ms: u32,
    ) -> Result<Response, ApiError> {
        let mut refused: Option<String> = None;
        loop {
            let token = self.token(refused.as_deref()).await?;
            let (signal, timeout) = self.signals_within(Some(caller), timeout_ms);
            let base = match method {
                "POST" => Request::post(url),
                "DELETE" => Request::delete(url),
                _ => Request::get(url),
            };
            let mut builder = authorized(base, &token).abort_signal(Some(&signal));
            for (k, v) in headers {
                builder = builder.header(k, v);
            }
            let sent = match body {
                Some(b) => {
                    builder
                        .header("Content-Type", "application/json")
                        .body(b.to_string())
                        .map_err(|_| ApiError::BadData("request body".into()))?
                        .send()
                        .await
                }
                None => builder.send().await,
            };
            let res = sent.map_err(|_| classify_failure(Some(caller), &timeout))?;
            if res.status() == 401 && refused.is_none() {
                refused = Some(token);
                continue;
            }
            return Ok(res);
        }
    }

    /// The body of a successful GET, retrying transient failures with backoff (reads are safe to
    /// repeat). Not generic over the decoded type ([`parse`] is), so this state machine exists
    /// once in the bundle rather than once per resource.
    /// `known`: the `ETag` of the answer the caller holds, which is then not read again (a
    /// cross-origin API must expose `ETag` for this; without it every answer is read).
    pub async fn get_body(&self, path: &str, caller: &AbortSignal, known: Option<&str>) -> Result<Body, ApiError> {
        let url = self.url(path);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = match self.send(caller, "GET", &url, &[], None).await {
                Ok(res) => read_body(res, known).await,
                Err(e) => Err(e),
            };
            match result {
                Err(e) if e.is_transient() && attempt < READ_ATTEMPTS && !caller.aborted() => {
                    let wait = match &e {
                        ApiError::RateLimited { retry_after: Some(s) }
                        | ApiError::Unavailable { retry_after: Some(s) } => s.min(&MAX_RETRY_AFTER_S) * 1000,
                        _ => BACKOFF_MS[(attempt - 1) as usize],
                    };
                    sleep(wait).await;
                    if caller.aborted() {
                        return Err(ApiError::Aborted);
                    }
                }
                other => return other,
            }
        }
    }

    // ---- writes: never retried here; the caller retries with the same idempotency key ----

    /// `POST /v1/cases/{id}/unifications`: folds `case_ids` into case `id`, all or nothing.
    pub async fn unify(
        &self,
        id: CaseId,
        case_ids: Vec<CaseId>,
        idempotency_key: &str,
        s: &AbortSignal,
    ) -> Result<Unification, ApiError> {
        // the contract's `UnificationRequest`, written by hand: its serializer cost bundle size
        // for a list of integers (the contract tests check the shape on the server's side)
        let ids: Vec<String> = case_ids.iter().map(i64::to_string).collect();
        let body = format!("{{\"case_ids\":[{}]}}", ids.join(","));
        let url = self.url(&format!("/v1/cases/{id}/unifications"));
        let res = self
            .send(s, "POST", &url, &[("Idempotency-Key", idempotency_key)], Some(&body))
            .await?;
        decode(res).await
    }

    /// `DELETE /v1/cases/{id}/unifications/{unification_id}`: undoes a unification (idempotent).
    pub async fn undo_unification(
        &self,
        id: CaseId,
        unification_id: i64,
        s: &AbortSignal,
    ) -> Result<Unification, ApiError> {
        let url = self.url(&format!("/v1/cases/{id}/unifications/{unification_id}"));
        decode(self.send(s, "DELETE", &url, &[], None).await?).await
    }
}

/// The contract's reads, as paths for [`ApiClient::get_body`] (what each tab reads: `crate::tabs`).
pub mod reads {
    use cvortex_domain::CaseId;

    pub fn cases() -> String {
        "/v1/cases".into()
    }

    /// `/v1/cases/{id}` (`tail` empty) or what is under it (`/v1/cases/{id}/{tail}`).
    pub fn of_case(id: CaseId, tail: &str) -> String {
        if tail.is_empty() {
            format!("/v1/cases/{id}")
        } else {
            format!("/v1/cases/{id}/{tail}")
        }
    }
}

fn authorized(b: RequestBuilder, token: &str) -> RequestBuilder {
    b.header("Authorization", &format!("Bearer {token}"))
        .header("Accept", "application/json")
}

/// Why a fetch failed without a response: our abort, our timeout, or the network.
fn classify_failure(caller: Option<&AbortSignal>, timeout: &AbortSignal) -> ApiError {
    if caller.is_some_and(AbortSignal::aborted) {
        ApiError::Aborted
    } else if timeout.aborted() {
        ApiError::Timeout
    } else {
        ApiError::Network
    }
}

/// An answer's body, to decode with [`parse`]: a 2xx body as the browser holds it (with its
/// `ETag`), or a text; or word that it is the answer the caller already holds.
pub enum Body {
    Browser(js_sys::Uint8Array, Option<String>),
    Text(String),
    /// Its `ETag` is the one the caller gave: the same answer, not read (the browser revalidated
    /// it with `If-None-Match` and got a 304, or the server sent the same again).
    Same,
}

thread_local! {
    /// Where every large body is copied to be decoded, kept and reused: a fresh copy per answer
    /// left holes in wasm memory (which never shrinks) and, at 10,000 rows, the memory after
    /// loading ended anywhere between 32 and 47 MB depending on the order answers arrived.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The body of a 2xx answer (not read when its `ETag` is `known`), or the status as an
/// [`ApiError`].
async fn read_body(res: Response, known: Option<&str>) -> Result<Body, ApiError> {
    let status = res.status();
    let retry_after = res.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
    if !(200..300).contains(&status) {
        let text = res.text().await.map_err(|_| ApiError::Network)?;
        return Err(ApiError::from_status(status, &text, retry_after));
    }
    let tag = res.headers().get("etag");
    if tag.is_some() && tag.as_deref() == known {
        return Ok(Body::Same);
    }
    let raw: web_sys::Response = res.into();
    let bytes = match raw.array_buffer() {
        Ok(promise) => JsFuture::from(promise).await.map_err(|_| ApiError::Network)?,
        Err(_) => return Err(ApiError::Network),
    };
    Ok(Body::Browser(js_sys::Uint8Array::new(&bytes), tag))
}

/// Decodes a body as the contract's `T`; a body that is not becomes [`ApiError::BadData`]. One
/// decoder (from bytes) for the whole app: a second one costs bundle size.
pub fn parse<T: DeserializeOwned>(body: Body) -> Result<T, ApiError> {
    let decoded = match body {
        Body::Text(text) => serde_json::from_slice(text.as_bytes()),
        Body::Same => return Err(ApiError::BadData("no body".into())),
        Body::Browser(bytes, _) => SCRATCH.with(|scratch| {
            let mut buf = scratch.borrow_mut();
            buf.clear();
            buf.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut buf);
            serde_json::from_slice(&buf)
        }),
    };
    // where and what, not serde_json's message: its Display brings its and std::io's message
    // tables into the bundle, for a text no one is shown (the user reads `errors.bad_data`)
    decoded.map_err(|e| ApiError::BadData(format!("{:?} at {}:{}", e.classify(), e.line(), e.column())))
}

/// Decodes a 2xx body into `T`, or turns the status into an [`ApiError`].
async fn decode<T: DeserializeOwned>(res: Response) -> Result<T, ApiError> {
    parse(read_body(res, None).await?)
}

/// Waits `ms` milliseconds on the browser's timer.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Puts the client in the widget's context.
pub fn provide_client(client: ApiClient) {
    leptos::prelude::provide_context(client);
}

pub fn use_client() -> ApiClient {
    leptos::prelude::expect_context::<ApiClient>()
}
