//! Embedding in a host page (the cVortex web shell): `mountCaseDetails(element, config)` mounts
//! the widget into any element and returns a handle; `public/cvortex-case-details-element.js`
//! wraps it as the custom element `<cvortex-case-details>`. The widget takes its case id, tab and
//! locale as inputs and never touches the host's URL, `<html lang>`, cookies or storage; the token
//! comes from the host's `getToken()` on every request and is never stored.

use std::any::Any;

use cvortex_domain::CaseId;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::api::{provide_client, ApiClient, TokenSource};
use crate::host::{num, provide_host_events, HostEvents};
use crate::i18n::{provide_i18n_signal, Locale, ModalTab};
use crate::widget::CaseDetails;

/// What the host passes (`config` of `mountCaseDetails`).
struct EmbedConfig {
    case_id: CaseId,
    api_base: String,
    locale: Locale,
    tab: ModalTab,
    get_token: js_sys::Function,
    timeout_ms: u32,
    /// Live updates (default on; `live: false` turns them off).
    live: bool,
    /// `light` (default), `dark`, `auto`, and/or a brand colour (`cvortex_domain::theme`).
    theme: String,
}

fn prop(config: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(config, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A case id from a number or a numeric string. A string is converted by JavaScript (`+s`)
/// (Rust's float parser would add its 20 KB table of powers to the bundle for this one call).
pub fn parse_case_id(v: &JsValue) -> Option<CaseId> {
    // unary `+` on a string is `Number(s)`: trims, and "" or junk give 0 or NaN (refused below)
    let n = v.as_f64().or_else(|| v.is_string().then(|| v.unchecked_into_f64()))?;
    (n.fract() == 0.0 && n > 0.0 && n < 9.0e15).then_some(n as CaseId)
}

fn read_config(config: &JsValue) -> Result<EmbedConfig, JsError> {
    let case_id = parse_case_id(&prop(config, "caseId"))
        .ok_or_else(|| JsError::new("config.caseId must be a positive integer"))?;
    let get_token = prop(config, "getToken").dyn_into::<js_sys::Function>().map_err(|_| {
        JsError::new("config.getToken must be a function returning the bearer token (or a Promise of it)")
    })?;
    Ok(EmbedConfig {
        case_id,
        api_base: prop(config, "apiBase").as_string().unwrap_or_default(),
        locale: prop(config, "locale")
            .as_string()
            .map(|l| Locale::parse(&l))
            .unwrap_or_default(),
        tab: prop(config, "tab")
            .as_string()
            .and_then(|t| ModalTab::from_slug(&t))
            .unwrap_or_default(),
        get_token,
        timeout_ms: crate::request_timeout_ms(prop(config, "timeoutMs").as_f64()),
        live: prop(config, "live").as_bool() != Some(false),
        theme: prop(config, "theme").as_string().unwrap_or_default(),
    })
}

/// Puts the host's theme on the element the widget is mounted in: `data-cv-theme` picks the
/// token set of `style/theme.css`, `--cv-brand-custom` the brand colour (set through the CSSOM,
/// which a style policy without 'unsafe-inline' allows).
fn apply_theme(element: &HtmlElement, theme: &str) {
    let (scheme, brand) = cvortex_domain::theme::parse(theme);
    let _ = element.set_attribute("data-cv-theme", scheme.name());
    let style = element.style();
    let _ = match brand {
        Some(colour) => style.set_property("--cv-brand-custom", colour),
        None => style.remove_property("--cv-brand-custom").map(drop),
    };
}

/// The mounted widget, controlled by the host.
#[wasm_bindgen]
pub struct CaseDetailsHandle {
    case_id: ArcRwSignal<CaseId>,
    tab: ArcRwSignal<ModalTab>,
    locale: ArcRwSignal<Locale>,
    open: ArcRwSignal<bool>,
    element: HtmlElement,
    mounted: Option<Box<dyn Any>>,
}

impl CaseDetailsHandle {
    /// After a host call, focus goes to the selected tab when the call changed what the modal
    /// shows (the focused element may be gone: a row's button, a re-rendered locale) or when
    /// focus is outside the widget (the host's own button). Otherwise it stays where the agent
    /// is, so a host echoing `cvortex:tab-change` back does not pull focus from a search field.
    fn keep_focus(&self, changed: bool) {
        let inside = document()
            .active_element()
            .is_some_and(|a| self.element.contains(Some(&a)));
        if !changed && inside {
            return;
        }
        let element = self.element.clone();
        // after the change has rendered (effects run before the next frame)
        request_animation_frame(move || crate::ui::modal::focus_selected_tab(&element));
    }
}

#[wasm_bindgen]
impl CaseDetailsHandle {
    /// Shows another case (and opens the modal if it was closed). Returns false for a bad id.
    #[wasm_bindgen(js_name = setCaseId)]
    pub fn set_case_id(&self, id: JsValue) -> bool {
        match parse_case_id(&id) {
            Some(id) => {
                let changed = id != self.case_id.get_untracked() || !self.open.get_untracked();
                self.case_id.set(id);
                self.open.set(true);
                self.keep_focus(changed);
                true
            }
            None => false,
        }
    }

    /// Selects a tab by its slug (`dados`, `historico-do-caso`, ..., `anexos`). False if unknown.
    #[wasm_bindgen(js_name = setTab)]
    pub fn set_tab(&self, slug: &str) -> bool {
        let Some(tab) = ModalTab::from_slug(slug) else {
            return false;
        };
        let changed = tab != self.tab.get_untracked();
        self.tab.set(tab);
        self.keep_focus(changed);
        true
    }

    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, tag: &str) {
        let locale = Locale::parse(tag);
        let changed = locale != self.locale.get_untracked();
        self.locale.set(locale);
        self.keep_focus(changed);
    }

    /// `light`, `dark`, `auto` (the system's), and/or a brand colour (`#0b6a3a`).
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: &str) {
        apply_theme(&self.element, theme);
    }

    pub fn open(&self) {
        let changed = !self.open.get_untracked();
        self.open.set(true);
        self.keep_focus(changed);
    }

    pub fn close(&self) {
        self.open.set(false);
    }

    #[wasm_bindgen(getter, js_name = isOpen)]
    pub fn is_open(&self) -> bool {
        self.open.get_untracked()
    }

    /// Unmounts the widget (requests in flight are aborted).
    pub fn destroy(&mut self) {
        self.mounted.take();
    }
}

/// `mountCaseDetails(element, { caseId, apiBase, getToken, locale?, tab?, timeoutMs?, live?, theme? })`.
pub fn mount(element: HtmlElement, config: JsValue) -> Result<CaseDetailsHandle, JsError> {
    let cfg = read_config(&config)?;
    apply_theme(&element, &cfg.theme);
    let case_id = ArcRwSignal::new(cfg.case_id);
    let tab = ArcRwSignal::new(cfg.tab);
    let locale = ArcRwSignal::new(cfg.locale);
    let open = ArcRwSignal::new(true);
    let client = ApiClient::new(&cfg.api_base, TokenSource::Host(cfg.get_token), cfg.timeout_ms);
    let (c, t, l, o) = (case_id.clone(), tab.clone(), locale.clone(), open.clone());
    let target = element.clone();
    let root = element.clone();
    let live = cfg.live;
    let handle = leptos::mount::mount_to(element, move || {
        provide_client(client);
        provide_i18n_signal(RwSignal::from(l));
        let events = HostEvents::on(target.into());
        provide_host_events(events.clone());
        let case_id = RwSignal::from(c);
        let tab = RwSignal::from(t);
        let open = RwSignal::from(o);
        let ev = events.clone();
        let on_tab_change = Callback::new(move |next: ModalTab| {
            tab.set(next);
            ev.emit(
                "cvortex:tab-change",
                &[("case_id", num(case_id.get_untracked())), ("tab", next.slug().into())],
            );
        });
        let ev = events.clone();
        let on_continue_case = Callback::new(move |id: CaseId| {
            ev.emit(
                "cvortex:continue-case",
                &[("case_id", num(id)), ("from_case_id", num(case_id.get_untracked()))],
            );
        });
        let on_close = Callback::new(move |()| {
            open.set(false);
            events.emit("cvortex:close", &[("case_id", num(case_id.get_untracked()))]);
        });
        // closed, it stays mounted and hidden, its stream paused: opened again, it shows at once
        view! { <CaseDetails case_id tab on_tab_change on_close on_continue_case live open /> }
    });
    Ok(CaseDetailsHandle {
        case_id,
        tab,
        locale,
        open,
        element: root,
        mounted: Some(Box::new(handle)),
    })
}
