//! Component tests in headless Chromium (wasm-bindgen-test): the modal's structure and keyboard
//! behaviour, per-tab errors, and Dados do Caso, with data put straight into the state (no network).

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use cvortex_case_details::api::{provide_client, ApiClient, ApiError, TokenSource};
use cvortex_case_details::host::HostEvents;
use cvortex_case_details::i18n::{provide_i18n, Locale, LocaleTexts, ModalTab};
use cvortex_case_details::state::{CaseFlows, CaseResources, LiveCase, Load};
use cvortex_case_details::ui::CaseModal;
use cvortex_domain::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn details() -> CaseDetails {
    serde_json::from_value(serde_json::json!({
        "case": {"id": 1001, "status": {"id": 3, "name": "Em andamento"}, "channel": "whatsapp",
                 "created_at": 1_772_454_600_000i64, "in_service": true, "external_id": "CVX-1",
                 "opening_reason": ["Financeiro", "Cobrança"]},
        "customer": {"id": 1, "name": "João da Silva Conceição", "phones": ["5511912345678"],
                     "emails": ["joao@exemplo.com.br"], "documents": [{"kind": "cpf", "number": "52998224725"}]},
        "custom_fields": [
            {"key": "crm", "label": "Ficha", "type": "link", "value": "javascript:alert(1)"},
            {"key": "vip", "label": "Prioritário", "type": "boolean", "value": true}
        ]
    }))
    .unwrap()
}

struct Mounted {
    root: HtmlElement,
    tab: RwSignal<ModalTab>,
    closed: RwSignal<u32>,
    open: RwSignal<bool>,
    resources: CaseResources,
    /// Off (no stream): events are fed with `LiveCase::take`.
    live: LiveCase,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Mounts the modal on a fresh element, with a client that is never called.
fn mount(locale: Locale) -> Mounted {
    let root: HtmlElement = document().create_element("section").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let tab = RwSignal::new(ModalTab::CaseData);
    let closed = RwSignal::new(0);
    let open = RwSignal::new(true);
    let slot = Arc::new(std::sync::Mutex::new(None));
    let out = slot.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let client = ApiClient::new("http://127.0.0.1:9", TokenSource::Fixed("t".into()), 1000);
        provide_client(client.clone());
        provide_i18n(locale);
        let resources = CaseResources::new();
        let flows = CaseFlows::new(Signal::stored(1001), resources, client.clone(), HostEvents::default());
        let live = LiveCase::new(false, resources, client, HostEvents::default(), tab.into());
        *out.lock().unwrap() = Some((resources, live));
        view! {
            <CaseModal
                case_id=Signal::stored(1001)
                tab=tab
                on_tab_change=Callback::new(move |t| tab.set(t))
                on_close=Callback::new(move |()| closed.update(|n| *n += 1))
                resources
                flows
                live
                open
            />
        }
        .into_any()
    });
    let (resources, live) = slot.lock().unwrap().take().unwrap();
    Mounted {
        root,
        tab,
        closed,
        open,
        resources,
        live,
        _handle: handle,
    }
}

/// Waits until the page has seen no typing for longer than a batch for a tab out of view waits
/// for it to pause (400 ms): the tests before may have typed.
async fn no_typing_lately() {
    cvortex_case_details::api::sleep(450).await;
}

fn key(target: &HtmlElement, key: &str, code: &str, alt: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_code(code);
    init.set_alt_key(alt);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn query(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn tab_names(root: &HtmlElement) -> Vec<String> {
    let list = root.query_selector_all("[role=tab]").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_dialog_is_named_and_has_the_eight_tabs_in_order() {
    let m = mount(Locale::PtBr);
    leptos::task::tick().await;
    let dialog = query(&m.root, "[role=dialog]");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title = document()
        .get_element_by_id(&dialog.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert_eq!(title.text_content().unwrap(), "Informações do Atendimento");
    assert!(m.root.text_content().unwrap().contains("Caso #1001"));
    assert_eq!(
        tab_names(&m.root),
        [
            "Dados do Caso",
            "Histórico do Caso",
            "Histórico do Cliente",
            "Histórico de Ligações",
            "Interações",
            "SLA",
            "Anexos",
            "Pesquisa de Satisfação"
        ]
    );
    let panels = m.root.query_selector_all("[role=tabpanel]").unwrap();
    assert_eq!(panels.length(), 8);
    let first_tab = query(&m.root, "[role=tab]");
    assert_eq!(first_tab.get_attribute("aria-selected").as_deref(), Some("true"));
    let panel = document()
        .get_element_by_id(&first_tab.get_attribute("aria-controls").unwrap())
        .unwrap();
    assert!(!panel.has_attribute("hidden"));
}

// The write refusals the server names are told as such, never as the generic refusal. (A 408
// cannot be provoked end to end: Chromium sends the request again by itself.)
#[wasm_bindgen_test]
fn a_refused_upload_says_which_refusal_it_was() {
    let t = Locale::PtBr.texts();
    let refused = |status: u16, code: &str| {
        let body = serde_json::json!({"error": {"code": code, "message": "x", "details": {"case_id": 1002}}});
        ApiError::from_status(status, &body.to_string(), None).message(t)
    };
    assert_eq!(
        refused(408, codes::REQUEST_TIMEOUT),
        "O envio demorou demais para chegar ao servidor: nada foi recebido."
    );
    assert_eq!(
        refused(413, codes::QUOTA_EXCEEDED),
        "A cota de anexos foi atingida: nada foi enviado."
    );
    assert_eq!(
        refused(409, codes::CASE_UNIFIED),
        "Este caso foi unificado ao caso #1002: anexe lá."
    );
    assert_ne!(refused(422, codes::VALIDATION), refused(408, codes::REQUEST_TIMEOUT));
}

#[wasm_bindgen_test]
fn counts_and_money_are_written_as_each_locale_writes_them() {
    use cvortex_case_details::fmt;
    assert_eq!(fmt::count(10_000, Locale::PtBr), "10.000");
    assert_eq!(fmt::count(10_000, Locale::En), "10,000");
    let pt = Locale::PtBr.texts();
    assert_eq!((pt.results)(1_234, 10_000), "1.234 de 10.000 registros");
    assert_eq!((Locale::En.texts().results)(1, 1), "1 of 1 record");
    assert_eq!((pt.interactions.earlier)(1_500), "Mostrar 1.500 mensagens anteriores");
    // the formatters, built once per locale, do not mix them up
    assert_eq!(fmt::count(2_500, Locale::En), "2,500");
    assert_eq!(fmt::number(1_234.5, Locale::En), "1,234.5");
    assert_eq!(fmt::number(1_234.5, Locale::PtBr), "1.234,5");
    assert_eq!(
        fmt::money(123_456, "BRL", Locale::PtBr).replace('\u{a0}', " "),
        "R$ 1.234,56"
    );
    assert_eq!(fmt::count(2_500, Locale::PtBr), "2.500");
}

#[wasm_bindgen_test]
async fn english_is_complete_for_the_shell() {
    let m = mount(Locale::En);
    leptos::task::tick().await;
    assert!(m.root.text_content().unwrap().contains("Case details"));
    assert_eq!(tab_names(&m.root)[7], "Satisfaction survey");
}

#[wasm_bindgen_test]
async fn arrows_home_end_and_alt_digits_move_between_tabs_and_escape_closes() {
    let m = mount(Locale::PtBr);
    leptos::task::tick().await;
    let tablist = query(&m.root, "[role=tablist]");
    key(&tablist, "ArrowRight", "ArrowRight", false);
    assert_eq!(m.tab.get_untracked(), ModalTab::CaseHistory);
    key(&tablist, "ArrowLeft", "ArrowLeft", false);
    key(&tablist, "ArrowLeft", "ArrowLeft", false);
    assert_eq!(m.tab.get_untracked(), ModalTab::Surveys, "wraps around");
    key(&tablist, "Home", "Home", false);
    assert_eq!(m.tab.get_untracked(), ModalTab::CaseData);
    key(&tablist, "End", "End", false);
    assert_eq!(m.tab.get_untracked(), ModalTab::Surveys);
    let dialog = query(&m.root, "[role=dialog]");
    key(&dialog, "7", "Digit7", true);
    assert_eq!(m.tab.get_untracked(), ModalTab::Attachments);
    leptos::task::tick().await;
    let selected = query(&m.root, "[role=tab][aria-selected=true]");
    assert!(selected.text_content().unwrap().starts_with("Anexos"));
    assert_eq!(selected.tab_index(), 0);
    assert_eq!(m.closed.get_untracked(), 0);
    key(&dialog, "Escape", "Escape", false);
    assert_eq!(m.closed.get_untracked(), 1);
}

/// Closed, the modal stays in the page, hidden, its stream paused (the standalone app's and the
/// widget's close): opened again, the same DOM shows at once, focus on its tab, and what it shows
/// is marked stale until it is brought up to date (here, with live updates off, by reading it
/// again: that fails without a server, and the data stays, marked).
#[wasm_bindgen_test]
async fn a_closed_modal_is_hidden_not_unmounted_and_shows_the_same_dom_when_opened_again() {
    let m = mount(Locale::PtBr);
    m.resources.set(ModalTab::CaseData, Load::Ready(details()));
    m.live.follow(1001, None);
    leptos::task::tick().await;
    let overlay = query(&m.root, ".cv-overlay");
    let data = query(&m.root, ".cv-case-data");
    let remote = m.resources.remote(ModalTab::CaseData);
    assert!(!overlay.has_attribute("hidden"));
    assert!(!remote.is_stale());

    m.open.set(false);
    m.live.pause();
    leptos::task::tick().await;
    assert!(overlay.has_attribute("hidden"), "still shown");
    assert!(data.is_connected(), "unmounted on close");
    assert!(remote.is_stale(), "a hidden case's data is not marked as of its close");
    assert!(!remote.in_flight(), "read while hidden");

    m.open.set(true);
    m.live.resume();
    leptos::task::tick().await;
    assert!(!overlay.has_attribute("hidden"));
    assert!(
        query(&m.root, ".cv-case-data").is_same_node(Some(&data)),
        "rebuilt on reopening"
    );
    cvortex_case_details::api::sleep(50).await; // the frame in which focus goes to the tab
    let selected = query(&m.root, "[role=tab][aria-selected=true]");
    assert!(document().active_element().unwrap().is_same_node(Some(&selected)));
    // read again (live updates off): the read fails, and the data stays, marked as failed
    for _ in 0..60 {
        if remote.stale().is_some_and(|(_, failed)| failed) {
            break;
        }
        cvortex_case_details::api::sleep(50).await;
    }
    assert_eq!(remote.stale().map(|(_, failed)| failed), Some(true));
    assert!(query(&m.root, ".cv-case-data").is_same_node(Some(&data)));
}

#[wasm_bindgen_test]
async fn a_failed_tab_shows_its_error_and_retry_while_the_others_work() {
    let m = mount(Locale::PtBr);
    m.resources.set(ModalTab::CaseData, Load::Ready(details()));
    m.resources
        .set::<HistoryList>(ModalTab::CaseHistory, Load::Failed(ApiError::Server { status: 500 }));
    m.resources
        .set(ModalTab::Calls, Load::Ready(CallList { items: Vec::new() }));
    leptos::task::tick().await;
    assert!(m.root.text_content().unwrap().contains("João da Silva Conceição"));
    m.tab.set(ModalTab::CaseHistory);
    leptos::task::tick().await;
    let alert = query(&m.root, "[role=tabpanel]:not([hidden]) [role=alert]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Não foi possível carregar Histórico do Caso"), "{text}");
    assert!(text.contains("O servidor encontrou um erro"), "{text}");
    assert_eq!(query(&alert, "button").text_content().unwrap(), "Tentar novamente");
    let failed = query(&m.root, "[role=tab].cv-tab--failed");
    assert!(failed.text_content().unwrap().starts_with("Histórico do Caso"));
    // the calls tab works and shows its count badge
    let calls_tab = m.root.query_selector_all("[role=tab]").unwrap().item(3).unwrap();
    assert!(calls_tab.text_content().unwrap().ends_with('0'));
    m.tab.set(ModalTab::Calls);
    leptos::task::tick().await;
    assert!(m
        .root
        .query_selector("[role=tabpanel]:not([hidden]) [role=alert]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn case_data_shows_the_customer_formatted_and_unsafe_links_as_text() {
    let m = mount(Locale::PtBr);
    m.resources.set(ModalTab::CaseData, Load::Ready(details()));
    leptos::task::tick().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let text = panel.text_content().unwrap();
    for expected in [
        "João da Silva Conceição",
        "+55 (11) 91234-5678",
        "529.982.247-25",
        "CVX-1",
        "Financeiro › Cobrança",
        "Em atendimento",
        "Prioritário",
        "Sim",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert!(
        panel.query_selector("a[href^='javascript']").unwrap().is_none(),
        "javascript: links stay text"
    );
    assert!(text.contains("javascript:alert(1)"));
    let copy_buttons = panel.query_selector_all("button.cv-copy").unwrap();
    assert!(copy_buttons.length() >= 4, "ids, phone and e-mail can be copied");
}

fn customer_case(id: i64, in_service: bool, agent: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "id": id, "status": {"id": 1, "name": "Aberto"}, "channel": "whatsapp",
        "contact": {"whatsapp": "+55 11 91234-5678"}, "created_at": 1_772_454_600_000i64 + id,
        "in_service": in_service, "assignee": agent.map(|a| serde_json::json!({"id": 9, "name": a})),
        "subject": format!("Assunto {id}")
    })
}

#[wasm_bindgen_test]
async fn customer_history_disables_ineligible_rows_with_their_reason_and_select_all_skips_them() {
    let m = mount(Locale::PtBr);
    let list: CustomerCaseList = serde_json::from_value(serde_json::json!({ "items": [
        customer_case(1001, true, Some("Ana Lima")),
        customer_case(1002, false, None),
        customer_case(1005, true, Some("Maria Souza")),
    ]}))
    .unwrap();
    m.resources.set(ModalTab::CustomerHistory, Load::Ready(list));
    m.tab.set(ModalTab::CustomerHistory);
    leptos::task::tick().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let boxes = |id: i64| -> web_sys::HtmlInputElement {
        query(
            &panel,
            &format!("input[aria-label='Selecionar o caso #{id} para unificar']"),
        )
        .unchecked_into()
    };
    assert!(!boxes(1002).disabled());
    assert!(boxes(1005).disabled());
    assert!(boxes(1001).disabled(), "the open case itself");
    let why = document()
        .get_element_by_id(&boxes(1005).get_attribute("aria-describedby").unwrap())
        .unwrap();
    assert!(why.text_content().unwrap().contains("Em atendimento por Maria Souza"));
    let row = boxes(1005).closest("[role=row]").unwrap().unwrap();
    assert!(row.class_list().contains("cv-row--disabled"));
    // not aria-disabled: that would disable the row's other controls for screen readers
    assert_eq!(row.get_attribute("aria-disabled"), None);

    let all: web_sys::HtmlInputElement = query(&panel, "[role=columnheader] input[type=checkbox]").unchecked_into();
    all.click();
    leptos::task::tick().await;
    assert!(boxes(1002).checked());
    assert!(!boxes(1005).checked());
    assert!(panel.text_content().unwrap().contains("1 caso selecionado"));
}

#[wasm_bindgen_test]
async fn messages_are_text_and_email_html_only_renders_in_a_sandboxed_frame() {
    let m = mount(Locale::PtBr);
    let list: InteractionList = serde_json::from_value(serde_json::json!({ "channels": [
        {"channel": "whatsapp", "messages": [
            {"id": 1, "case_id": 1001, "sent_at": 1_772_454_600_000i64, "sender": {"kind": "customer", "name": "João"},
             "text": "<b onclick=\"alert(1)\">negrito</b>",
             "files": [{"name": "a.pdf", "url": "javascript:alert(1)"}, {"name": "b.pdf", "url": "https://exemplo.com/b.pdf"}]}
        ]},
        {"channel": "email", "messages": [
            {"id": 2, "case_id": 1001, "sent_at": 1_772_454_600_000i64, "sender": {"kind": "agent", "name": "Ana"},
             "subject": "Oi", "html": "<script>parent.alert(1)</script><p>corpo</p>"}
        ]}
    ]}))
    .unwrap();
    m.resources.set(ModalTab::Interactions, Load::Ready(list));
    m.tab.set(ModalTab::Interactions);
    leptos::task::tick().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let msg = query(&panel, ".cv-msg");
    assert!(
        msg.query_selector("b").unwrap().is_none(),
        "message text never becomes markup"
    );
    assert!(msg
        .text_content()
        .unwrap()
        .contains("<b onclick=\"alert(1)\">negrito</b>"));
    let links = msg.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the web link is a link");
    query(&panel, "button[aria-label^='E-mail']").click();
    leptos::task::tick().await;
    let frame = query(&panel, "iframe");
    assert_eq!(
        frame.get_attribute("sandbox").as_deref(),
        Some("allow-popups allow-popups-to-escape-sandbox")
    );
    let doc = frame.get_attribute("srcdoc").unwrap();
    assert!(doc.find("Content-Security-Policy").unwrap() < doc.find("<script>").unwrap());
    assert!(
        panel.query_selector("script").unwrap().is_none(),
        "the e-mail's markup stays inside the frame"
    );
}

#[wasm_bindgen_test]
async fn a_running_sla_target_ticks_and_a_breached_one_says_so() {
    let m = mount(Locale::PtBr);
    let list: SlaList = serde_json::from_value(serde_json::json!({ "server_time": 1_772_454_600_000i64, "items": [
        {"id": 1, "case_id": 1001, "name": "Resolução", "status": "running", "target_seconds": 3600,
         "elapsed_seconds": 60, "started_at": 1_772_454_540_000i64},
        {"id": 2, "case_id": 1001, "name": "Fila", "status": "breached", "target_seconds": 60,
         "elapsed_seconds": 120, "started_at": 1_772_454_480_000i64}
    ]}))
    .unwrap();
    m.resources.set(ModalTab::Sla, Load::Ready(list));
    m.tab.set(ModalTab::Sla);
    leptos::task::tick().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let elapsed = || query(&panel, ".cv-sla--running dd").text_content().unwrap();
    assert_eq!(elapsed(), "00:01:00");
    cvortex_case_details::api::sleep(2100).await;
    assert!(elapsed().as_str() >= "00:01:02", "ticked: {}", elapsed());
    let breached = query(&panel, ".cv-sla--breached");
    assert!(breached.text_content().unwrap().contains("Violado"));
    assert!(breached.text_content().unwrap().contains("Atrasado há"));
}

// The host passes a case id as a number (setCaseId) or as the custom element's `case-id`
// attribute, a string: both become an id, anything else is refused.
#[wasm_bindgen_test]
fn a_case_id_comes_from_a_number_or_a_numeric_string() {
    use cvortex_case_details::embed::parse_case_id;
    use wasm_bindgen::JsValue;
    let id = |v: JsValue| parse_case_id(&v);
    assert_eq!(id(JsValue::from(1001)), Some(1001));
    assert_eq!(id(JsValue::from("1001")), Some(1001));
    assert_eq!(id(JsValue::from(" 42\n")), Some(42));
    assert_eq!(id(JsValue::from("1e3")), Some(1000));
    for refused in ["", "  ", "abc", "12abc", "0", "-3", "1.5", "Infinity", "9e15"] {
        assert_eq!(id(JsValue::from(refused)), None, "{refused:?}");
    }
    for refused in [
        JsValue::from(1.5),
        JsValue::from(-1),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from(true),
        js_sys::Object::new().into(),
    ] {
        assert_eq!(id(refused.clone()), None, "{refused:?}");
    }
}

#[wasm_bindgen_test]
fn the_tab_list_is_in_the_enum_order_with_unique_slugs_that_round_trip() {
    use cvortex_case_details::tabs::TABS;
    for (i, def) in TABS.iter().enumerate() {
        assert_eq!(
            def.id.index(),
            i,
            "TABS[{i}] is {:?}: the list and the enum disagree",
            def.id
        );
        assert_eq!(ModalTab::from_slug(def.slug), Some(def.id));
    }
    assert_eq!(ModalTab::from_slug("anexos"), Some(ModalTab::Attachments));
    assert_eq!(ModalTab::from_slug("nada"), None);
}

#[wasm_bindgen_test]
fn keyboard_movement_wraps_and_numbers_are_one_based() {
    assert_eq!(ModalTab::Surveys.next(), ModalTab::CaseData);
    assert_eq!(ModalTab::CaseData.prev(), ModalTab::Surveys);
    assert_eq!(ModalTab::from_number(1), Some(ModalTab::CaseData));
    assert_eq!(ModalTab::from_number(8), Some(ModalTab::Surveys));
    assert_eq!(ModalTab::from_number(0), None);
    assert_eq!(ModalTab::from_number(9), None);
}

fn history_event(id: i64, description: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "case_id": 1001, "occurred_at": 1_772_454_600_000i64 + id * 60_000,
                       "action": "comment", "description": description})
}

/// The modal on Histórico do Caso, with two events in it.
async fn mount_with_history() -> Mounted {
    let m = mount(Locale::PtBr);
    let list: HistoryList = serde_json::from_value(serde_json::json!({ "items": [
        history_event(1, "Boleto enviado"), history_event(2, "Ligação retornada"),
    ]}))
    .unwrap();
    m.resources.set(ModalTab::CaseHistory, Load::Ready(list));
    m.tab.set(ModalTab::CaseHistory);
    leptos::task::tick().await;
    m
}

/// What a live change must not disturb: the list takes it in place (the search field is the same
/// element, with its text and the focus), and the new row shows under the same search. Rebuilding
/// the tab's view on new data (as a load does) fails every assertion after the event.
#[wasm_bindgen_test]
async fn a_live_event_reaches_a_list_in_place_keeping_its_search_text_and_focus() {
    let m = mount_with_history().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let search: web_sys::HtmlInputElement = query(&panel, "input[type=search]").unchecked_into();
    // after the frame in which the dialog puts focus on its tab
    cvortex_case_details::api::sleep(50).await;
    search.focus().unwrap();
    search.set_value("boleto");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(panel.text_content().unwrap().contains("1 de 2 registros"));

    m.live
        .take("history", &history_event(3, "Segundo boleto gerado").to_string());
    cvortex_case_details::api::sleep(60).await; // one batch (16 ms) and its render
    let text = panel.text_content().unwrap();
    assert!(text.contains("2 de 3 registros"), "{text}");
    assert!(text.contains("Segundo boleto gerado"));
    let now: web_sys::HtmlInputElement = query(&panel, "input[type=search]").unchecked_into();
    assert!(now.is_same_node(Some(&search)), "the toolbar was rebuilt");
    assert_eq!(now.value(), "boleto");
    let active = document().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&search)),
        "focus moved to {}",
        active.outer_html()
    );
    // a replay of the same event adds nothing
    m.live
        .take("history", &history_event(3, "Segundo boleto gerado").to_string());
    cvortex_case_details::api::sleep(60).await;
    assert!(panel.text_content().unwrap().contains("2 de 3 registros"));
}

/// A panel out of view does not follow its data (a burst of changes there rebuilt rows nobody saw
/// while the agent typed elsewhere): its tab's badges do, and it catches up when shown.
#[wasm_bindgen_test]
async fn a_panel_out_of_view_catches_up_with_its_data_when_shown() {
    let m = mount_with_history().await;
    let panel = query(&m.root, "[role=tabpanel][id$='-panel-historico-do-caso']");
    assert!(panel.text_content().unwrap().contains("2 de 2 registros"));
    m.tab.set(ModalTab::CaseData);
    leptos::task::tick().await;
    no_typing_lately().await;

    m.live
        .take("history", &history_event(3, "Segundo boleto gerado").to_string());
    cvortex_case_details::api::sleep(400).await; // a tab out of view's batch (250 ms) and more
    assert_eq!(
        m.resources.count(ModalTab::CaseHistory),
        Some(3),
        "the data stayed behind"
    );
    let badge = query(
        &m.root,
        "[role=tab][id$='-tab-historico-do-caso'] .cv-badge:not(.cv-badge--new)",
    );
    assert_eq!(badge.text_content().unwrap(), "3");
    let text = panel.text_content().unwrap();
    assert!(
        text.contains("2 de 2 registros") && !text.contains("Segundo boleto"),
        "{text}"
    );

    // the version its panel holds was copied once; the next change, held by nothing else, is
    // applied where it is (no copy of a 10,000-row list per batch)
    let version = || {
        m.resources
            .remote(ModalTab::CaseHistory)
            .state
            .with_untracked(|s| s.ready().map(|d| std::sync::Arc::as_ptr(d) as *const u8 as usize))
    };
    let before = version();
    m.live
        .take("history", &history_event(4, "Terceiro boleto gerado").to_string());
    cvortex_case_details::api::sleep(400).await;
    assert_eq!(m.resources.count(ModalTab::CaseHistory), Some(4));
    assert_eq!(version(), before, "copied although nothing else held it");
    // and the version the hidden panel holds was not changed under it
    assert!(panel.text_content().unwrap().contains("2 de 2 registros"));

    m.tab.set(ModalTab::CaseHistory);
    cvortex_case_details::api::sleep(50).await;
    let text = panel.text_content().unwrap();
    assert!(
        text.contains("4 de 4 registros") && text.contains("Segundo boleto gerado") && text.contains("Terceiro boleto"),
        "{text}"
    );

    // data its view holds is never changed under it: a change makes a new version
    let shown = version();
    m.live.take("history", &history_event(5, "Estorno").to_string());
    cvortex_case_details::api::sleep(60).await;
    assert_ne!(version(), shown, "changed under the view that shows it");
    assert!(panel.text_content().unwrap().contains("5 de 5 registros"));
}

/// A customer's WhatsApp message `id`, as an event's data carries it.
fn whatsapp_message(id: i64) -> String {
    serde_json::json!({"channel": "whatsapp", "messages": [
        {"id": id, "case_id": 1001, "sent_at": 1_772_454_600_000i64 + id, "sender": {"kind": "customer"}, "text": "Oi"}
    ]})
    .to_string()
}

/// The modal on Dados do Caso, Interações holding message 1.
async fn mount_with_one_message() -> Mounted {
    let m = mount(Locale::PtBr);
    let list: InteractionList = serde_json::from_str(&whatsapp_message(1))
        .map(|c| InteractionList { channels: vec![c] })
        .unwrap();
    m.resources.set(ModalTab::Interactions, Load::Ready(list));
    leptos::task::tick().await;
    m
}

/// Arrivals on a tab out of view show on its tab as "+N"; looking at the tab clears it.
#[wasm_bindgen_test]
async fn arrivals_on_another_tab_badge_it_until_it_is_looked_at() {
    let m = mount_with_one_message().await;
    let tab = || query(&m.root, "[role=tab][id$='-tab-interacoes']");
    assert!(!tab().text_content().unwrap().contains('+'));
    no_typing_lately().await;
    for id in 2..=4 {
        m.live.take("message", &whatsapp_message(id));
    }
    // changes to a tab out of view are gathered for up to 250 ms
    cvortex_case_details::api::sleep(320).await;
    let text = tab().text_content().unwrap();
    assert!(text.contains("4"), "the count follows: {text}");
    assert!(text.contains("+3"), "three arrived: {text}");
    assert!(
        text.contains("3 novidades"),
        "and the badge says so to a screen reader: {text}"
    );
    // one more, and the agent looks at the tab at once: what waits is applied when it is shown
    m.live.take("message", &whatsapp_message(5));
    m.tab.set(ModalTab::Interactions);
    leptos::task::tick().await;
    let text = tab().text_content().unwrap();
    assert!(!text.contains('+'), "{text}");
    assert!(text.contains('5'), "applied when shown, not 250 ms later: {text}");
}

/// While the agent types, arrivals on a tab out of view wait (its badge would have the page
/// painted again between keystrokes): they show once the typing pauses, and after two seconds
/// of typing without a pause at the latest.
#[wasm_bindgen_test]
async fn arrivals_on_another_tab_wait_while_the_agent_types() {
    let m = mount_with_one_message().await;
    let badge = || {
        query(&m.root, "[role=tab][id$='-tab-interacoes']")
            .text_content()
            .unwrap()
    };
    // (the page notes every `input`, in the capture phase)
    let typed = || m.root.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    typed();
    m.live.take("message", &whatsapp_message(2));
    cvortex_case_details::api::sleep(320).await;
    assert!(!badge().contains("+1"), "applied while typing: {}", badge());
    // the typing pauses: the batch lands within its next turn
    cvortex_case_details::api::sleep(450).await;
    assert!(badge().contains("+1"), "{}", badge());

    // typing without a pause: it waits two seconds at most
    m.live.take("message", &whatsapp_message(3));
    for _ in 0..14 {
        typed();
        cvortex_case_details::api::sleep(100).await;
        if badge().contains("+2") {
            break;
        }
    }
    assert!(!badge().contains("+2"), "applied while typing: {}", badge());
    for _ in 0..12 {
        typed();
        cvortex_case_details::api::sleep(100).await;
    }
    assert!(
        badge().contains("+2"),
        "still waiting after 2.6 s of typing: {}",
        badge()
    );
}

/// A colleague takes a selected case into service: it leaves the selection before anything is
/// sent, its row is disabled with the reason, and a note names it.
#[wasm_bindgen_test]
async fn a_selected_case_that_turns_ineligible_leaves_the_selection_with_a_note() {
    let m = mount(Locale::PtBr);
    let list: CustomerCaseList = serde_json::from_value(serde_json::json!({ "items": [
        customer_case(1001, true, Some("Ana Lima")),
        customer_case(1004, false, None),
        customer_case(1007, false, None),
    ]}))
    .unwrap();
    m.resources.set(ModalTab::CustomerHistory, Load::Ready(list));
    m.tab.set(ModalTab::CustomerHistory);
    leptos::task::tick().await;
    let panel = query(&m.root, "[role=tabpanel]:not([hidden])");
    let checkbox = |id: i64| -> web_sys::HtmlInputElement {
        query(
            &panel,
            &format!("input[aria-label='Selecionar o caso #{id} para unificar']"),
        )
        .unchecked_into()
    };
    checkbox(1004).click();
    checkbox(1007).click();
    leptos::task::tick().await;
    assert!(panel.text_content().unwrap().contains("2 casos selecionados"));

    m.live.take(
        "customer_case",
        &customer_case(1004, true, Some("Maria Souza")).to_string(),
    );
    cvortex_case_details::api::sleep(60).await;
    let text = panel.text_content().unwrap();
    assert!(text.contains("1 caso selecionado"), "{text}");
    assert!(checkbox(1004).disabled() && !checkbox(1004).checked());
    assert!(checkbox(1007).checked(), "the other case stays selected");
    let note = query(&panel, "[data-dropped]").text_content().unwrap();
    assert!(
        note.contains("#1004 saiu da seleção: Em atendimento por Maria Souza."),
        "{note}"
    );
}

// A refresh that fails (the silent reloads after a unification, a live reset, a case opened again
// from memory) keeps what the tab shows, marked stale, with "Tentar novamente" in the header:
// before, the error took the place of the data. Replace the data with the error and this fails.
#[wasm_bindgen_test]
async fn a_refresh_that_fails_keeps_the_data_marked_stale_with_a_retry() {
    let m = mount(Locale::PtBr);
    m.resources.set(ModalTab::CaseData, Load::Ready(details()));
    leptos::task::tick().await;
    assert!(m.root.query_selector(".cv-kept").unwrap().is_none());
    // nothing listens there: every attempt is refused at once (three, 0.4 s and 1.2 s apart)
    let client = ApiClient::new("http://127.0.0.1:9", TokenSource::Fixed("t".into()), 1000);
    m.resources.refresh(ModalTab::CaseData, &client, 1001);
    let mut note = None;
    for _ in 0..50 {
        cvortex_case_details::api::sleep(100).await;
        note = m.root.query_selector(".cv-kept").unwrap();
        if note.is_some() {
            break;
        }
    }
    let note = note.expect("a stale note");
    let text = note.text_content().unwrap();
    assert!(text.starts_with("Não foi possível atualizar · dados de "), "{text}");
    assert_eq!(
        query(note.unchecked_ref(), "button").text_content().unwrap(),
        "Tentar novamente"
    );
    assert!(m.root.text_content().unwrap().contains("João da Silva Conceição"));
    assert!(m
        .root
        .query_selector("[role=tabpanel]:not([hidden]) [role=alert]")
        .unwrap()
        .is_none());
    assert_eq!(m.resources.stale().map(|(_, failed)| failed), Some(true));
}

/// Types `text` into `input` as a keyboard would (an `insertText` input event), the caret at the end.
fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    type_at(input, text, text.len());
}

/// The same with the caret left at `caret` (typing in the middle of the text).
fn type_at(input: &web_sys::HtmlInputElement, text: &str, caret: usize) {
    input.set_value(text);
    let _ = input.set_selection_range(caret as u32, caret as u32);
    let init = web_sys::InputEventInit::new();
    init.set_input_type("insertText");
    init.set_bubbles(true);
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn a_day_field_reads_the_locale_order_puts_separators_in_and_steps_with_the_arrows() {
    use cvortex_case_details::ui::shared::DateField;
    let root: HtmlElement = document().create_element("section").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let value = RwSignal::new(None::<chrono::NaiveDate>);
    let bad = RwSignal::new(false);
    let reset = RwSignal::new(0u32);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Locale::PtBr);
        view! {
            <DateField
                label="De"
                value=value
                reset=reset
                on_change=Callback::new(move |d| value.set(d))
                on_invalid=Callback::new(move |b| bad.set(b))
            />
        }
    });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = query(&root, "input").unchecked_into();
    let day = |d: u32, m: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d);
    assert_eq!(input.placeholder(), "dd/mm/aaaa");
    // digits only: the separators appear, and a whole day applies at once
    type_into(&input, "0512");
    assert_eq!(input.value(), "05/12/");
    assert_eq!(value.get_untracked(), None);
    type_into(&input, "05/12/2026");
    assert_eq!(value.get_untracked(), day(5, 12));
    // ArrowUp on the day steps the day; on the month, the month
    let _ = input.set_selection_range(0, 0);
    key(&input, "ArrowUp", "ArrowUp", false);
    assert_eq!(input.value(), "06/12/2026");
    assert_eq!(value.get_untracked(), day(6, 12));
    let _ = input.set_selection_range(4, 4);
    key(&input, "ArrowUp", "ArrowUp", false);
    assert_eq!(input.value(), "06/01/2026");
    // typing over the day (its two digits selected): "2" alone applies nothing and stays as
    // typed, "20" applies
    type_at(&input, "2/01/2026", 1);
    leptos::task::tick().await;
    assert_eq!(input.value(), "2/01/2026");
    assert_eq!(value.get_untracked(), None);
    type_at(&input, "20/01/2026", 2);
    assert_eq!(value.get_untracked(), day(20, 1));
    // a day that does not exist applies nothing, and is reported when the field is left
    type_into(&input, "31/02/2026");
    assert_eq!(value.get_untracked(), None);
    assert!(!bad.get_untracked());
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    assert!(bad.get_untracked());
    // a day set from outside (a quick period) shows; cleared from outside, it goes
    value.set(day(1, 3));
    leptos::task::tick().await;
    assert_eq!(input.value(), "01/03/2026");
    value.set(None);
    leptos::task::tick().await;
    assert_eq!(input.value(), "");
    // "Limpar filtros" wipes a day typed halfway, which the filter never held
    type_into(&input, "1/0");
    reset.update(|n| *n += 1);
    leptos::task::tick().await;
    assert_eq!(input.value(), "");
}

/// A list cell's text, the table cell itself, with the search's matches marked: text nodes only, the marks follow the
/// query, the text is left alone while its marks stay where they are (a rewrite costs the browser
/// a layout on every keystroke, for every row in view), and marks that only grow keep their nodes.
#[wasm_bindgen_test]
async fn a_cell_marks_the_search_matches_and_rewrites_only_when_they_move() {
    use cvortex_case_details::ui::shared::cells;
    use cvortex_domain::text::Query;
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let q = RwSignal::new(Query::new("joao"));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Locale::PtBr);
        view! { <div>{cells::clamped("João e Joana <b>oi</b>".into(), q.into()).cell()}</div> }
    });
    let cell = query(&root, ".cv-clamp");
    let marks = |cell: &HtmlElement| {
        let list = cell.query_selector_all("mark").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    // the text is its table cell: no element around it
    assert_eq!(cell.get_attribute("role").as_deref(), Some("cell"));
    assert_eq!(cell.class_name(), "cv-cell cv-clamp");
    assert_eq!(marks(&cell), ["João"]);
    assert_eq!(cell.text_content().unwrap(), "João e Joana <b>oi</b>");
    assert_eq!(cell.title(), "João e Joana <b>oi</b>");
    assert!(cell.query_selector("b").unwrap().is_none(), "text became markup");

    q.set(Query::new("JO"));
    leptos::task::tick().await;
    assert_eq!(marks(&cell), ["Jo", "Jo"]);
    let first = cell.first_child().unwrap();
    // the same marks for another query: the nodes stay
    q.set(Query::new("jo j"));
    leptos::task::tick().await;
    assert_eq!(marks(&cell), ["Jo", "Jo"]);
    assert!(
        cell.first_child().unwrap().is_same_node(Some(&first)),
        "the text was rewritten"
    );
    // marks that grow keep their nodes too, their texts changed
    q.set(Query::new("joa"));
    leptos::task::tick().await;
    assert_eq!(marks(&cell), ["Joã", "Joa"]);
    assert_eq!(cell.text_content().unwrap(), "João e Joana <b>oi</b>");
    assert!(
        cell.first_child().unwrap().is_same_node(Some(&first)),
        "the marks were rebuilt"
    );

    q.set(Query::new(""));
    leptos::task::tick().await;
    assert!(marks(&cell).is_empty());
    assert_eq!(cell.text_content().unwrap(), "João e Joana <b>oi</b>");
    root.remove();
}
