//! A bounded load test: the sandbox holds 1,000 concurrent event streams over real TCP
//! connections, every one of them receives a change, and the memory each stream costs is
//! reported (not timed: the figure is printed, the bound is generous).

mod common;

use std::time::Duration;

use cvortex_sandbox::demo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const STREAMS: usize = 1_000;

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Reads from `s` until `needle` has arrived (what came so far is in `buf`).
async fn read_until(s: &mut TcpStream, buf: &mut Vec<u8>, needle: &str) {
    let mut chunk = [0u8; 4096];
    while !String::from_utf8_lossy(buf).contains(needle) {
        let n = tokio::time::timeout(Duration::from_secs(20), s.read(&mut chunk))
            .await
            .expect("the stream stalled")
            .expect("the stream failed");
        assert!(n > 0, "the server closed the stream");
        buf.extend_from_slice(&chunk[..n]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_holds_a_thousand_streams_and_reaches_each_one() {
    let dir = tempfile::tempdir().unwrap();
    let app = common::app_with(dir.path(), true, |_| {});
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let before = rss_kib();
    let mut streams = Vec::with_capacity(STREAMS);
    for _ in 0..STREAMS {
        let mut s = TcpStream::connect(addr)
            .await
            .expect("connect (is `ulimit -n` above 2,100?)");
        let req = format!(
            "GET /v1/cases/1001/events HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\r\n",
            demo::TOKEN
        );
        s.write_all(req.as_bytes()).await.unwrap();
        let mut buf = Vec::new();
        read_until(&mut s, &mut buf, "event: hello").await;
        streams.push((s, buf));
    }
    let held = rss_kib().saturating_sub(before);

    // one change reaches every stream
    let mut admin = TcpStream::connect(addr).await.unwrap();
    let body = r#"{"kind": "message", "case_id": 1001, "channel": "whatsapp", "text": "para todos"}"#;
    let req = format!(
        "POST /__sandbox/activity HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nX-Sandbox-Token: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        common::ADMIN_TOKEN,
        body.len()
    );
    admin.write_all(req.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    admin.read_to_end(&mut answer).await.unwrap();
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 204"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    for (s, buf) in &mut streams {
        read_until(s, buf, "para todos").await;
    }
    let per_stream = held as f64 / STREAMS as f64;
    println!("{STREAMS} streams held: {held} KiB more resident memory (client and server sides), {per_stream:.1} KiB per stream");
    assert!(per_stream < 512.0, "{per_stream:.1} KiB per stream");
}
