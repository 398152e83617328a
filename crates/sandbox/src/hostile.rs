//! The hostile data set: the demo data with every text the modal shows replaced by an attack or an
//! oddity (script tags, event handlers, `javascript:` URLs, SVG/MathML tricks, CSS injection, RTL
//! overrides, zero-width characters, emoji, a 1 MB string), and out-of-range values (negative
//! durations, 1970 and 2100, scores off their scale, unknown vocabularies, duplicate ids). Loaded
//! by `POST /__sandbox/reset {"data_set": "hostile"}`. Every payload calls `window.__pwned` if it
//! ever runs, so a test can set a trap there.

use crate::dataset::DataSet;

/// The long string: a megabyte.
const HUGE: usize = 1024 * 1024;

/// The payloads, cycled through the text fields.
pub const PAYLOADS: &[&str] = &[
    "<script>window.__pwned && window.__pwned('script')</script>",
    "<img src=x onerror=\"window.__pwned && window.__pwned('onerror')\">",
    "javascript:window.__pwned&&window.__pwned('javascript-url')",
    "<svg onload=\"window.__pwned && window.__pwned('svg')\"><circle r=1></circle></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned('mathml')\">",
    "</style><style>*{display:none!important}</style><b>css</b>",
    "<a href=\"javascript:window.__pwned('link')\">clique aqui</a>",
    "\u{202E}fdp.exe\u{202C} fatura",
    "ze\u{200B}ro\u{200D}wi\u{2060}dth\u{FEFF}",
    "😀👩\u{200D}👩\u{200D}👧 ação ✔\u{FE0E} \u{202E}",
    "\"><iframe srcdoc=\"<script>parent.__pwned('iframe')</script>\">",
    "{{constructor.constructor('window.__pwned(\"template\")')()}}",
];

fn payload(i: &mut usize) -> String {
    *i += 1;
    PAYLOADS[*i % PAYLOADS.len()].to_string()
}

/// The demo data made hostile (`now` as the demo's).
pub fn data_set(now: i64) -> DataSet {
    let mut d = crate::demo::data_set(now);
    let mut i = 0;
    let huge = format!("{}{}", PAYLOADS[0], "A".repeat(HUGE));
    for c in &mut d.customers {
        c.customer.name = payload(&mut i);
        c.customer.emails = vec![payload(&mut i)];
        c.customer.phones = vec![payload(&mut i), "+55 (11) 9".repeat(40)];
    }
    for (k, s) in d.cases.iter_mut().enumerate() {
        s.case.subject = Some(if k == 0 { huge.clone() } else { payload(&mut i) });
        s.case.status.name = payload(&mut i);
        s.case.channel = if k % 2 == 0 { "quantum".into() } else { payload(&mut i) };
        for f in &mut s.custom_fields {
            f.label = payload(&mut i);
            f.value = serde_json::Value::String(payload(&mut i));
        }
        for (j, e) in s.history.iter_mut().enumerate() {
            e.description = payload(&mut i);
            e.comment = Some(payload(&mut i));
            e.action = payload(&mut i);
            e.channel = Some(payload(&mut i));
            e.occurred_at = match j % 3 {
                0 => 0,
                1 => 4_102_444_800_000, // 2100-01-01
                _ => e.occurred_at,
            };
            for q in &mut e.questionnaires {
                q.title = payload(&mut i);
                for a in &mut q.answers {
                    a.question = payload(&mut i);
                    a.answer = payload(&mut i);
                }
            }
        }
        if let Some(first) = s.history.first().cloned() {
            s.history.push(first); // a duplicate id
        }
        for call in &mut s.calls {
            call.from_phone = payload(&mut i);
            call.status = payload(&mut i);
            call.direction = payload(&mut i);
            call.duration_seconds = Some(-3600);
        }
        for conv in &mut s.interactions {
            conv.identifier = Some(payload(&mut i));
            for m in &mut conv.messages {
                m.text = Some(payload(&mut i));
                m.subject = Some(payload(&mut i));
                m.sender.name = Some(payload(&mut i));
                m.sender.kind = payload(&mut i);
                m.html = Some(PAYLOADS.join("<br>"));
                for f in &mut m.files {
                    f.name = payload(&mut i);
                    f.url = Some(PAYLOADS[2].to_string());
                }
            }
        }
        for t in &mut s.sla {
            t.name = payload(&mut i);
            t.status = payload(&mut i);
            t.elapsed_seconds = -50;
            t.target_seconds = i64::MAX;
        }
        for a in &mut s.attachments {
            a.attachment.file_name = payload(&mut i);
            a.attachment.mime_type = payload(&mut i);
        }
        for (j, v) in s.surveys.iter_mut().enumerate() {
            v.requester = Some(payload(&mut i));
            v.comment = Some(payload(&mut i));
            v.score = if j % 2 == 0 { 11 } else { -4 };
            v.scale = if j % 2 == 0 { "nps".into() } else { "hostile".into() };
            for a in &mut v.answers {
                a.question = payload(&mut i);
                a.answer = payload(&mut i);
            }
        }
    }
    for a in &mut d.agents {
        a.name = payload(&mut i);
    }
    d
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hostile_set_loads_into_the_database() {
        let d = super::data_set(1_780_000_000_000);
        let path = std::env::temp_dir().join(format!("cvortex-hostile-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut conn = crate::db::open(&path).unwrap();
        crate::db::load(&mut conn, &d, 1_780_000_000_000).unwrap();
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }
}
