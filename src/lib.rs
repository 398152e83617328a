//! cVortex "Informações do Atendimento": the case-details modal as a Leptos (CSR) app.
//!
//! - [`api`]: the HTTP client (every HTTP detail lives there);
//! - [`tabs`]: the list of tabs, each declared in its module under `ui/tabs/`;
//! - [`state`]: remote data per tab, loaded in parallel, and the case's write flows;
//! - [`ui`]: the modal, one module per tab, shared pieces;
//! - [`widget`]: the component both ways of running mount;
//! - [`standalone`]: the routed standalone app; [`embed`]: the host-page API; [`host`]: events to the host;
//! - [`i18n`], [`fmt`]: locales (pt-BR, en) and formatting.
//!
//! The rules (eligibility, search, formatting) live in the `cvortex-domain` crate.

pub mod api;
pub mod embed;
pub mod fmt;
pub mod host;
pub mod i18n;
pub mod standalone;
pub mod state;
pub mod tabs;
pub mod ui;
pub mod widget;

/// How long a request may take before it counts as timed out, unless the host configures it.
pub const REQUEST_TIMEOUT_MS: u32 = 15_000;

/// The request timeout a host asked for, kept within 1 s and 2 min (a typo of 0 or 10⁹ must
/// neither fail every request nor hang the tab).
pub fn request_timeout_ms(asked: Option<f64>) -> u32 {
    asked
        .filter(|ms| ms.is_finite())
        .map(|ms| ms.clamp(1000.0, 120_000.0) as u32)
        .unwrap_or(REQUEST_TIMEOUT_MS)
}
