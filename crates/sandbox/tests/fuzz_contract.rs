//! Fuzzing (proptest) of what the app does with server data: every read endpoint's real answer
//! (from the demo data over HTTP, as the app gets it), with one value anywhere in it replaced by
//! any JSON value, decoded with the contract types the app uses, then put through the rules each
//! tab runs (indices, filters, facets, eligibility, clocks, scores, formatting). Also arbitrary
//! bytes as a body. Nothing may panic: a bad answer must become "formato inesperado" or an odd
//! but rendered row, never a crashed page.

mod common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use axum::http::{Method, StatusCode};
use chrono::FixedOffset;
use common::Sandbox;
use cvortex_domain::list::{attachments, calls, customer, history, messages};
use cvortex_domain::text::Query;
use cvortex_domain::*;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Inputs per property (docs/reliability.md counts them).
const CASES: u32 = 10_000;

const ENDPOINTS: [&str; 8] = [
    "",
    "/history",
    "/customer-cases",
    "/calls",
    "/interactions",
    "/sla",
    "/attachments",
    "/surveys",
];

/// The demo answers of case 1001, one per endpoint, fetched once.
fn answers() -> &'static Vec<Value> {
    static ANSWERS: OnceLock<Vec<Value>> = OnceLock::new();
    ANSWERS.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let s = Sandbox::new();
            let mut out = Vec::new();
            for e in ENDPOINTS {
                let (st, body) = s.call(Method::GET, &format!("/v1/cases/1001{e}"), None).await;
                assert_eq!(st, StatusCode::OK, "{e}");
                out.push(body);
            }
            out
        })
    })
}

/// Any JSON value, biased towards the edges: huge and negative numbers, floats where integers
/// go, empty and odd strings, nesting.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just(i64::MIN),
            Just(i64::MAX),
            Just(-1),
            Just(0),
            Just(253_402_300_800_000)
        ]
        .prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("javascript:alert(1)"),
            Just("https://x"),
            Just(""),
            Just("\u{202E}"),
            Just("in_service"),
            Just("breached")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One change to an answer: which node (depth first, modulo the node count) and what it becomes.
/// Mostly a value of the same JSON type (what a server that keeps the shape but not the
/// meaning sends: any text, any integer, lists emptied, repeated or reversed, keys dropped or
/// added), sometimes anything at all.
#[derive(Clone, Debug)]
struct Change {
    pick: usize,
    op: u8,
    text: String,
    number: i64,
    any: Value,
}

fn change() -> impl Strategy<Value = Change> {
    let text = prop_oneof![
        ".{0,40}",
        Just(String::new()),
        Just("javascript:alert(1)".into()),
        Just("\u{202E}\u{200B}".into()),
        Just("in_service".into()),
        Just("breached".into()),
        Just("application/pdf".into()),
        "[+() 0-9-]{0,20}",
    ];
    let number = prop_oneof![
        any::<i64>(),
        Just(i64::MIN),
        Just(i64::MAX),
        Just(-1i64),
        Just(0),
        Just(253_402_300_800_000),
        -100i64..100
    ];
    (any::<usize>(), 0u8..10, text, number, json()).prop_map(|(pick, op, text, number, any)| Change {
        pick,
        op,
        text,
        number,
        any,
    })
}

fn mutate(doc: &Value, c: &Change) -> Value {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    fn changed(v: &Value, c: &Change) -> Value {
        if c.op >= 8 {
            return c.any.clone();
        }
        match v {
            Value::String(_) => Value::String(c.text.clone()),
            Value::Number(_) => Value::from(c.number),
            Value::Bool(b) => Value::Bool(!b),
            Value::Null => c.any.clone(),
            Value::Array(a) => match c.op % 3 {
                0 => Value::Array(Vec::new()),
                1 => Value::Array(a.iter().chain(a.iter()).cloned().collect()),
                _ => Value::Array(a.iter().rev().cloned().collect()),
            },
            Value::Object(o) => {
                let mut o = o.clone();
                if c.op.is_multiple_of(2) && !o.is_empty() {
                    let key = o.keys().nth(c.pick % o.len()).cloned().unwrap();
                    o.remove(&key);
                } else {
                    o.insert(format!("x_{}", c.text), c.any.clone());
                }
                Value::Object(o)
            }
        }
    }
    fn replace(v: &mut Value, n: &mut usize, c: &Change, done: &mut bool) {
        if *done {
            return;
        }
        if *n == 0 {
            *v = changed(v, c);
            *done = true;
            return;
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter_mut().for_each(|x| replace(x, n, c, done)),
            Value::Object(o) => o.values_mut().for_each(|x| replace(x, n, c, done)),
            _ => {}
        }
    }
    let mut out = doc.clone();
    let mut n = c.pick % count(doc);
    replace(&mut out, &mut n, c, &mut false);
    out
}

fn decode<T: DeserializeOwned>(v: &Value) -> Option<T> {
    // as the app does: from the text of the body
    serde_json::from_str(&v.to_string()).ok()
}

/// What the tabs do with a decoded answer (pure parts; the views only format these results).
/// Whether it decoded.
fn use_answer(endpoint: usize, v: &Value) -> bool {
    let tz = FixedOffset::west_opt(3 * 3600).unwrap();
    let q = Query::new("joão 11");
    match endpoint {
        0 => {
            let Some(d) = decode::<CaseDetails>(v) else {
                return false;
            };
            {
                for f in &d.custom_fields {
                    if let FieldValue::Date(ms) = f.typed_value() {
                        let _ = format::datetime(ms, &tz);
                    }
                }
                let c = &d.case;
                let _ = status::classify(&c.status, c.closed_at, c.in_service, c.merged_into.is_some());
                let _ = (
                    format::datetime(c.created_at, &tz),
                    c.updated_at.map(|t| format::date(t, &tz)),
                );
                let _ = c.contact.whatsapp.as_deref().map(phone::display);
                for p in &d.customer.phones {
                    let _ = (phone::display(p), phone::masked(p));
                }
                for doc in &d.customer.documents {
                    let _ = format::document(&doc.kind, &doc.number);
                }
            }
        }
        1 => {
            let Some(h) = decode::<HistoryList>(v) else {
                return false;
            };
            {
                let index = history::index(&h.items);
                let _ = history::facets(&h.items);
                let f = history::HistoryFilter {
                    query: "joão".into(),
                    ..Default::default()
                };
                for i in history::filter(&h.items, &index, &f) {
                    let _ = search::highlight(&h.items[i].description, &q);
                }
            }
        }
        2 => {
            let Some(l) = decode::<CustomerCaseList>(v) else {
                return false;
            };
            {
                let index = customer::index(&l.items, str::to_uppercase);
                let mut shown = Vec::new();
                for sort in [
                    customer::CaseSort::Subject,
                    customer::CaseSort::Closed,
                    customer::CaseSort::Agent,
                ] {
                    let mut f = customer::CustomerFilter::default();
                    f.sort_by(sort);
                    shown = customer::filter(&l.items, &index, &f);
                }
                let assessment = unification::Assessment::new(&l.items, 1001);
                let eligible = assessment.eligible_ids(&l.items, &shown);
                let _ = assessment.prune(&l.items, &eligible);
                let all = unification::toggle_all(&BTreeSet::new(), &eligible);
                let _ = unification::preview(&l.items, &all);
                if let Some(open) = l.items.iter().find(|c| c.id == 1001) {
                    for c in &l.items {
                        let _ = eligibility::ineligibility(open, c);
                    }
                }
            }
        }
        3 => {
            let Some(l) = decode::<CallList>(v) else { return false };
            {
                let order = calls::newest_first(&l.items);
                let _ = calls::facets(&l.items);
                let f = calls::CallFilter {
                    phone: "11 9".into(),
                    ..Default::default()
                };
                let shown = calls::filter(&l.items, &order, &f, (Some(0), None));
                let _ = calls::totals(&l.items, &shown);
                for c in &l.items {
                    let _ = (phone::display(&c.from_phone), c.duration_seconds.map(format::duration));
                }
            }
        }
        4 => {
            let Some(l) = decode::<InteractionList>(v) else {
                return false;
            };
            {
                for c in &l.channels {
                    let _ = messages::summary(c);
                    let order = messages::chronological(&c.messages);
                    let _ = messages::search(&c.messages, &order, &q);
                    for m in &c.messages {
                        let _ = (
                            messages::day(m.sent_at, &tz),
                            m.html.as_deref().map(messages::email_document),
                        );
                        for file in &m.files {
                            let _ = file.url.as_deref().map(messages::is_safe_link);
                        }
                    }
                }
            }
        }
        5 => {
            let Some(l) = decode::<SlaList>(v) else { return false };
            {
                for t in &l.items {
                    for since in [0, 1_000, i64::MAX] {
                        let _ = sla::clock(t, since);
                    }
                }
            }
        }
        6 => {
            let Some(l) = decode::<AttachmentList>(v) else {
                return false;
            };
            {
                let _ = attachments::filter(&l.items, "pdf");
                for a in &l.items {
                    let _ = (
                        files::size(a.size_bytes, ','),
                        files::type_label(&a.mime_type),
                        files::safe_file_name(&a.file_name),
                    );
                    let _ = (
                        attachments::kind(&a.mime_type),
                        files::check_upload(a.size_bytes, &a.mime_type, &l.limits),
                    );
                }
                let names: Vec<String> = l.items.iter().map(|a| files::safe_file_name(&a.file_name)).collect();
                let _ = zip::unique_names(names.iter().map(String::as_str));
            }
        }
        _ => {
            let Some(l) = decode::<SurveyList>(v) else { return false };
            {
                for s in &l.items {
                    let _ = survey::score(s);
                }
            }
        }
    }
    true
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_as_a_body(body in prop::collection::vec(any::<u8>(), 0..400), endpoint in 0..ENDPOINTS.len()) {
        let text = String::from_utf8_lossy(&body);
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            use_answer(endpoint, &v);
        }
        let _ = serde_json::from_str::<ErrorBody>(&text);
    }

    #[test]
    fn any_refusal_details(entries in prop::collection::vec(json(), 0..4), valid in 0usize..3) {
        // the 409 of a unification: readable entries among any others, each one kept, the rest dropped
        let mut details: Vec<Value> = (0..valid)
            .map(|i| serde_json::json!({"case_id": 2000 + i, "reasons": [{"code": "in_service"}]}))
            .collect();
        details.extend(entries);
        let refused = unification::refusals(&Value::Array(details));
        for i in 0..valid {
            prop_assert!(refused.iter().any(|r| r.case_id == 2000 + i as i64), "{refused:?}");
        }
    }
}

/// Runs `CASES` mutated answers through the tabs' rules and checks that enough of them decoded
/// for the rules to be reached (a mutation that breaks decoding only tests serde), endpoint by
/// endpoint: pooled, one endpoint could decode nothing and go unnoticed behind the others.
fn run_mutations(name: &str, changes: usize) {
    let tried: [AtomicUsize; ENDPOINTS.len()] = std::array::from_fn(|_| AtomicUsize::new(0));
    let decoded: [AtomicUsize; ENDPOINTS.len()] = std::array::from_fn(|_| AtomicUsize::new(0));
    let mut runner = TestRunner::new(config());
    let inputs = (0..ENDPOINTS.len(), prop::collection::vec(change(), changes));
    runner
        .run(&inputs, |(endpoint, changes)| {
            let doc = changes
                .iter()
                .fold(answers()[endpoint].clone(), |doc, c| mutate(&doc, c));
            tried[endpoint].fetch_add(1, Ordering::Relaxed);
            if use_answer(endpoint, &doc) {
                decoded[endpoint].fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    let per: Vec<(usize, usize)> = tried
        .iter()
        .zip(&decoded)
        .map(|(t, d)| (t.load(Ordering::Relaxed), d.load(Ordering::Relaxed)))
        .collect();
    let total: usize = per.iter().map(|p| p.1).sum();
    eprintln!("{name}: {CASES} mutated answers, {total} decoded and went through the rules");
    // Pooled, more than a third; per endpoint, more than a quarter (the lowest seen is about
    // 35 %, the customer's cases with two values changed: a third per endpoint would flake).
    // Remove an endpoint's decoding and this fails, though the pool would still pass.
    assert!(total > CASES as usize / 3, "{name}: only {total} of {CASES} decoded");
    for (path, (t, d)) in ENDPOINTS.iter().zip(&per) {
        eprintln!("  /v1/cases/1001{path}: {d} of {t}");
        assert!(
            *t > 0 && *d > *t / 4,
            "{name}: /v1/cases/1001{path}: only {d} of {t} decoded"
        );
    }
}

#[test]
fn any_value_anywhere_in_an_answer() {
    run_mutations("one value changed", 1);
}

#[test]
fn two_values_changed_at_once() {
    run_mutations("two values changed", 2);
}

#[test]
fn the_demo_answers_decode_and_every_endpoint_is_covered() {
    // the mutations start from valid answers: each decodes as its type
    let a = answers();
    assert!(decode::<CaseDetails>(&a[0]).is_some());
    assert!(decode::<HistoryList>(&a[1]).is_some_and(|l| !l.items.is_empty()));
    assert!(decode::<CustomerCaseList>(&a[2]).is_some_and(|l| !l.items.is_empty()));
    assert!(decode::<CallList>(&a[3]).is_some_and(|l| !l.items.is_empty()));
    assert!(decode::<InteractionList>(&a[4]).is_some_and(|l| !l.channels.is_empty()));
    assert!(decode::<SlaList>(&a[5]).is_some_and(|l| !l.items.is_empty()));
    assert!(decode::<AttachmentList>(&a[6]).is_some_and(|l| !l.items.is_empty()));
    assert!(decode::<SurveyList>(&a[7]).is_some_and(|l| !l.items.is_empty()));
}
