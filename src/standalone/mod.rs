//! The standalone app: a start page listing the demo cases and the modal at `/casos/:id/:aba?`,
//! so a tab can be deep-linked and the back button works. Signs in to the sandbox with the
//! configuration in `index.html` and keeps the token in memory only.

mod case_page;
mod start_page;

use cvortex_domain::LoginRequest;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

use crate::api::{provide_client, ApiClient, TokenSource};
use crate::i18n::{provide_i18n, Locale};

#[derive(Deserialize)]
struct StandaloneConfig {
    #[serde(default)]
    api_base: String,
    login: LoginRequest,
    /// How long one request may take before the client gives up on it (default 15 s).
    #[serde(default)]
    request_timeout_ms: Option<f64>,
}

fn read_config() -> Option<StandaloneConfig> {
    let text = document()
        .get_element_by_id("cvortex-standalone-config")?
        .text_content()?;
    crate::api::parse(crate::api::Body::Text(text)).ok()
}

#[component]
pub fn StandaloneApp() -> impl IntoView {
    let Some(config) = read_config() else {
        return view! {
            <p class="cv-error" role="alert">
                "cvortex-standalone-config ausente ou inválido em index.html"
            </p>
        }
        .into_any();
    };
    let timeout_ms = crate::request_timeout_ms(config.request_timeout_ms);
    let tokens = TokenSource::Login {
        request: config.login,
        token: Default::default(),
        failure: Default::default(),
    };
    provide_client(ApiClient::new(&config.api_base, tokens, timeout_ms));
    let i18n = provide_i18n(Locale::PtBr);
    // The standalone app owns its page, so it keeps <html lang> in step with the locale.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", i18n.0.get().tag());
        }
    });
    view! {
        <Router>
            <Routes fallback=|| view! { <start_page::StartPage /> }>
                <ParentRoute path=path!("") view=start_page::StartPage>
                    <Route path=path!("") view=|| () />
                    <Route path=path!("casos/:id/:aba?") view=case_page::CasePage />
                </ParentRoute>
            </Routes>
        </Router>
    }
    .into_any()
}
