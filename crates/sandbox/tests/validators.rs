//! Issue #19: every read has a validator, and an unchanged answer is not sent again.

mod common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use common::Sandbox;
use cvortex_sandbox::demo::TOKEN;
use serde_json::json;

async fn get(s: &Sandbox, path: &str, if_none_match: Option<&str>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut b = Request::get(path).header("authorization", format!("Bearer {TOKEN}"));
    if let Some(tag) = if_none_match {
        b = b.header("if-none-match", tag);
    }
    s.send(b.body(Body::empty()).unwrap()).await
}

fn etag(h: &HeaderMap) -> String {
    h.get("etag").expect("an ETag").to_str().unwrap().to_string()
}

// Take the validators away and no read has an ETag, and nothing answers 304.
#[tokio::test]
async fn every_read_has_a_validator_and_an_unchanged_one_answers_304_without_a_body() {
    let s = Sandbox::new();
    let reads: Vec<_> = cvortex_sandbox::routes::ROUTES
        .iter()
        .filter(|r| r.method == "GET" && r.name != "events")
        .collect();
    assert!(reads.len() >= 10, "{reads:?}");
    let (_, list) = s.get("/v1/cases/1001/attachments").await;
    let attachment = list["items"][0]["id"].as_i64().unwrap().to_string();
    for r in reads {
        let path = r
            .path
            .replace("{case_id}", "1001")
            .replace("{attachment_id}", &attachment);
        let (st, h, body) = get(&s, &path, None).await;
        assert_eq!(st, StatusCode::OK, "{path}");
        let tag = etag(&h);
        assert!(tag.starts_with("W/\""), "{path}: {tag}");
        assert_eq!(h["cache-control"], "private, no-cache", "{path}");
        if r.name == "sla" {
            tokio::time::sleep(std::time::Duration::from_millis(3)).await;
        }
        let (st, h2, again) = get(&s, &path, Some(&tag)).await;
        if r.name == "sla" {
            // its answer carries the server's clock (`server_time`), which the app's timers are
            // set by: never the same answer twice, so never a 304 that would bring an old clock
            assert_eq!(st, StatusCode::OK, "{path}");
            assert_ne!(etag(&h2), tag);
            continue;
        }
        assert_eq!(st, StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.is_empty(), "{path}: a 304 has no body");
        assert_eq!(etag(&h2), tag);
        let (st, _, full) = get(&s, &path, Some("W/\"something-else\"")).await;
        assert_eq!(
            (st, full.len()),
            (StatusCode::OK, body.len()),
            "{path}: another tag gets the answer"
        );
    }
}

// A tag made from anything but the answer's bytes (a time, a counter that misses a write) would
// answer 304 to a list that changed.
#[tokio::test]
async fn a_change_changes_the_tag_of_what_it_touches_only() {
    let s = Sandbox::new();
    let (_, h, _) = get(&s, "/v1/cases/1001/attachments", None).await;
    let before = etag(&h);
    let (_, h, _) = get(&s, "/v1/cases/1001/calls", None).await;
    let calls = etag(&h);
    let (st, _) = s
        .upload(TOKEN, 1001, "novo.pdf", "application/pdf", vec![7; 100], "v-1")
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let (st, h, _) = get(&s, "/v1/cases/1001/attachments", Some(&before)).await;
    assert_eq!(st, StatusCode::OK);
    assert_ne!(etag(&h), before);
    let (st, _, _) = get(&s, "/v1/cases/1001/calls", Some(&calls)).await;
    assert_eq!(st, StatusCode::NOT_MODIFIED);
}

// The tag names the bytes sent, a fault's too: a malformed answer cached by the browser is not
// confirmed once the fault is gone (put the validators inside the fault injector and this fails).
#[tokio::test]
async fn a_faulty_answer_is_never_confirmed_after_the_fault() {
    let s = Sandbox::with_faults(true);
    let (_, h, good) = get(&s, "/v1/cases/1001/history", None).await;
    let good_tag = etag(&h);
    let (st, _) = s
        .call(
            axum::http::Method::POST,
            "/__sandbox/faults",
            Some(json!({"route": "history", "body": "malformed", "times": 1})),
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, h, bad) = get(&s, "/v1/cases/1001/history", Some(&good_tag)).await;
    assert_eq!(st, StatusCode::OK, "the fault's body is another answer");
    assert_ne!(bad, good);
    let (st, h2, again) = get(&s, "/v1/cases/1001/history", Some(&etag(&h))).await;
    assert_eq!((st, again), (StatusCode::OK, good));
    assert_eq!(etag(&h2), good_tag);
}

// An answer that is a stream has no tag, and is not held back to make one.
#[tokio::test]
async fn the_event_stream_is_not_tagged() {
    let s = Sandbox::new();
    let req = Request::get("/v1/cases/1001/events")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let res = tower::ServiceExt::oneshot(s.app.clone(), req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("etag").is_none());
    assert_eq!(res.headers()["cache-control"], "no-store");
}

// The app's own files: a content-hashed name is kept a year and never revalidated; the fixed-name
// loader a host page imports is revalidated on every load by a tag of its bytes, so a deploy (new
// bytes, maybe the same file date) takes effect at once. Serve the loader like a hashed file, or
// let its date decide, and this fails.
#[tokio::test]
async fn hashed_files_are_immutable_and_the_fixed_name_loader_is_revalidated_by_its_bytes() {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| std::fs::write(dist.path().join(name), body).unwrap();
    write("index.html", "<!doctype html><title>app</title>");
    write("app-0123456789abcdef.css", ".cv-modal{display:grid}");
    write("cvortex-case-details-0123456789abcdef_bg.wasm", "\0asm");
    write(
        "cvortex-case-details-element.js",
        "import './cvortex-case-details-0123456789abcdef.js';",
    );
    let path = dist.path().to_path_buf();
    let s = Sandbox::with_config(move |c| c.dist = Some(path));
    let fetch = |path: &'static str, h: &[(&'static str, String)]| {
        let mut b = Request::get(path);
        for (k, v) in h {
            b = b.header(*k, v.as_str());
        }
        s.send(b.body(Body::empty()).unwrap())
    };

    for hashed in [
        "/app-0123456789abcdef.css",
        "/cvortex-case-details-0123456789abcdef_bg.wasm",
    ] {
        let (st, h, _) = fetch(hashed, &[]).await;
        assert_eq!(st, StatusCode::OK, "{hashed}");
        assert_eq!(h["cache-control"], "public, max-age=31536000, immutable", "{hashed}");
        assert_eq!(h["vary"], "accept-encoding", "{hashed}");
    }

    let loader = "/cvortex-case-details-element.js";
    let (st, h, body) = fetch(loader, &[]).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(h["cache-control"], "no-cache");
    assert_eq!(h["vary"], "accept-encoding");
    assert!(h.get("last-modified").is_none(), "the date is no validator here");
    assert_eq!(body, b"import './cvortex-case-details-0123456789abcdef.js';");
    let tag = etag(&h);
    let (st, h, body) = fetch(loader, &[("if-none-match", tag.clone())]).await;
    assert_eq!(st, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(etag(&h), tag);
    assert_eq!(h["vary"], "accept-encoding");
    // a date in the future does not make it fresh
    let (st, _, _) = fetch(loader, &[("if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT".into())]).await;
    assert_eq!(st, StatusCode::OK);

    // a deploy: the loader names the next build's files
    write(
        "cvortex-case-details-element.js",
        "import './cvortex-case-details-fedcba9876543210.js';",
    );
    let (st, h, body) = fetch(loader, &[("if-none-match", tag.clone())]).await;
    assert_eq!(st, StatusCode::OK);
    assert_ne!(etag(&h), tag);
    assert_eq!(body, b"import './cvortex-case-details-fedcba9876543210.js';");

    // the page is never stored (its nonce is per answer)
    let (st, h, _) = fetch("/casos/1001", &[]).await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(h["cache-control"], "no-store");
}

#[test]
fn hashed_names_are_told_apart() {
    use cvortex_sandbox::web::is_hashed;
    assert!(is_hashed("/app-0123456789abcdef.css"));
    assert!(is_hashed("/cvortex-case-details-0123456789abcdef.js"));
    assert!(is_hashed("/x/cvortex-case-details-0123456789abcdef_bg.wasm"));
    assert!(!is_hashed("/cvortex-case-details-element.js"));
    assert!(!is_hashed("/app.css"));
    assert!(!is_hashed("/app-0123456789ABCDEF.css"));
    assert!(!is_hashed("/app-0123456789abcde.css"));
    assert!(!is_hashed("/app-0123456789abcdef.html"));
}
