//! The standalone app: a start page listing the demo cases and the modal at `/casos/:id/:aba?`,
//! so a tab can be deep-linked and the back button works. Signs in to the sandbox with the
//! configuration in `index.html` and keeps the token in memory only.

mod case_page;
mod start_page;

use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsValue;

use crate::api::{provide_client, ApiClient, TokenSource};
use crate::i18n::{provide_i18n, Locale, SwitchableLocale};

/// The configuration in `index.html`, read with the browser's own JSON (a decoder in the bundle
/// for it, and for the login's fields, cost 1 KB): `api_base`, `login` (`{"tenant", "username",
/// "password"}`, sent as it is to `POST /v1/auth/login`) and `request_timeout_ms` (how long one
/// request may take before the client gives up on it; default 15 s).
struct StandaloneConfig {
    api_base: String,
    login: String,
    request_timeout_ms: Option<f64>,
}

fn read_config() -> Option<StandaloneConfig> {
    let text = document()
        .get_element_by_id("cvortex-standalone-config")?
        .text_content()?;
    let config = js_sys::JSON::parse(&text).ok().filter(JsValue::is_object)?;
    let field = |name: &str| js_sys::Reflect::get(&config, &JsValue::from_str(name)).ok();
    let login = field("login").filter(JsValue::is_object)?;
    Some(StandaloneConfig {
        api_base: field("api_base").and_then(|v| v.as_string()).unwrap_or_default(),
        login: js_sys::JSON::stringify(&login).ok()?.into(),
        request_timeout_ms: field("request_timeout_ms").and_then(|v| v.as_f64()),
    })
}

/// Where the standalone app keeps the language the user chose (the widget never stores anything).
const SAVED_LOCALE: &str = "cvortex.locale";

/// `?lang=`, then the saved choice, then the browser's languages (`locale::negotiate`). A `?lang=`
/// naming a language is a choice: it is saved like the switch's, and taken out of the address
/// (before the router reads it), so a later switch is not undone by a reload.
fn first_locale() -> Locale {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    // by hand: the browser's URLSearchParams cost a kilobyte of bundle for this one read
    let (lang, rest): (Vec<&str>, Vec<&str>) = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .partition(|p| p.starts_with("lang="));
    let query = lang.first().map(|p| &p["lang=".len()..]);
    // storage may be refused (a private window, a policy): then nothing was saved
    let storage = window().local_storage().ok().flatten();
    let saved = storage.as_ref().and_then(|s| s.get_item(SAVED_LOCALE).ok().flatten());
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let locale = cvortex_domain::locale::negotiate(query, saved.as_deref(), &browser);
    if query.is_some() {
        if let (Some(s), Some(_)) = (&storage, query.and_then(Locale::known)) {
            let _ = s.set_item(SAVED_LOCALE, locale.tag());
        }
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!("?{}", rest.join("&"))
        };
        let url = format!(
            "{}{rest}{}",
            location.pathname().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    locale
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
        issued: Default::default(),
        failure: Default::default(),
    };
    let client = ApiClient::new(&config.api_base, tokens, timeout_ms);
    // each case keeps a modal of its own here (case_page.rs), bounded there: an unmounted one
    // keeps nothing
    *client.recent() = crate::state::RecentCases::new(0, 0);
    provide_client(client);
    let i18n = provide_i18n(first_locale());
    provide_context(SwitchableLocale);
    // The standalone app owns its page, so it keeps <html lang> in step with the locale, and
    // remembers a language the user chose.
    Effect::new(move |first: Option<()>| {
        let locale = i18n.0.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", locale.tag());
        }
        if first.is_some() {
            if let Some(storage) = window().local_storage().ok().flatten() {
                let _ = storage.set_item(SAVED_LOCALE, locale.tag());
            }
        }
    });
    view! {
        <Router>
            // the start page is always there, the case page over it (`/casos/:id/:aba?`, matched
            // by the case page itself: it stays mounted when the modal closes)
            <start_page::StartPage />
            <case_page::CasePage />
        </Router>
    }
    .into_any()
}
