//! Interações: a channel's summary, the search inside its messages, where day separators go, and
//! what of a message may become a link or a document.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::text::{fold, Query};
use crate::{ChannelConversation, Message, Millis};

/// What a channel's button shows: how many messages and when the last one was sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChannelSummary {
    pub count: usize,
    pub last_at: Option<Millis>,
}

pub fn summary(c: &ChannelConversation) -> ChannelSummary {
    ChannelSummary {
        count: c.messages.len(),
        last_at: c.messages.iter().map(|m| m.sent_at).max(),
    }
}

/// The messages in display order (oldest first, ties by id), whatever order the server sent.
pub fn chronological(messages: &[Message]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..messages.len()).collect();
    super::sort_indices(&mut order, &|a, b| {
        (messages[a].sent_at, messages[a].id).cmp(&(messages[b].sent_at, messages[b].id))
    });
    order
}

/// The messages (of `order`) matching the search: text, e-mail subject, sender and file names.
pub fn search(messages: &[Message], order: &[usize], query: &Query) -> Vec<usize> {
    if query.is_empty() {
        return order.to_vec();
    }
    order
        .iter()
        .copied()
        .filter(|&i| {
            let m = &messages[i];
            let mut parts: Vec<&str> = Vec::new();
            parts.extend(m.text.as_deref());
            parts.extend(m.subject.as_deref());
            parts.extend(m.sender.name.as_deref());
            parts.extend(m.files.iter().map(|f| f.name.as_str()));
            query.matches_folded([fold(&parts.join("\n")).as_str()])
        })
        .collect()
}

/// The local day of a timestamp (None when out of range).
pub fn day<Tz: TimeZone>(ms: Millis, tz: &Tz) -> Option<NaiveDate> {
    let utc: DateTime<Utc> = DateTime::from_timestamp_millis(ms)?;
    Some(utc.with_timezone(tz).date_naive())
}

/// Only web links become links; anything else (javascript:, data:, file:...) stays text.
pub fn is_safe_link(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && !url.chars().any(char::is_control)
}

/// The policy every e-mail document carries (on top of the sandboxed frame, which already forbids
/// scripts): nothing loads from anywhere but the document itself, inline images excepted.
pub const EMAIL_POLICY: &str =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'";

/// An untrusted e-mail HTML body as the document of a sandboxed frame: its own restrictive policy
/// first (a `<meta>` later in the body cannot loosen it: policies only add up), links opening
/// outside the frame.
pub fn email_document(html: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{EMAIL_POLICY}\"><base target=\"_blank\"><style>body{{font-family:system-ui,sans-serif;font-size:14px;margin:8px;overflow-wrap:anywhere}}img{{max-width:100%}}</style></head><body>{html}</body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MessageFile, Sender};
    use chrono::FixedOffset;

    fn msg(id: i64, at: Millis, text: &str) -> Message {
        Message {
            id,
            case_id: 1,
            sent_at: at,
            sender: Sender {
                kind: "customer".into(),
                name: Some("João".into()),
            },
            text: Some(text.into()),
            subject: None,
            html: None,
            files: vec![],
        }
    }

    #[test]
    fn summary_and_order() {
        let c = ChannelConversation {
            channel: "whatsapp".into(),
            identifier: None,
            messages: vec![msg(2, 300, "b"), msg(1, 100, "a"), msg(3, 300, "c")],
        };
        assert_eq!(
            summary(&c),
            ChannelSummary {
                count: 3,
                last_at: Some(300)
            }
        );
        assert_eq!(chronological(&c.messages), vec![1, 0, 2]);
    }

    #[test]
    fn search_reads_text_subject_sender_and_files_ignoring_accents() {
        let mut a = msg(1, 1, "Fui cobrado duas vezes");
        a.files.push(MessageFile {
            name: "fatura-outubro.pdf".into(),
            mime_type: None,
            url: None,
        });
        let mut b = msg(2, 2, "ok");
        b.subject = Some("Protocolo de estorno".into());
        b.sender.name = Some("Ana Lima".into());
        let all = vec![a, b];
        let order = chronological(&all);
        assert_eq!(search(&all, &order, &Query::new("COBRADO")), vec![0]);
        assert_eq!(search(&all, &order, &Query::new("fatura outubro")), vec![0]);
        assert_eq!(search(&all, &order, &Query::new("protocolo")), vec![1]);
        assert_eq!(search(&all, &order, &Query::new("ana")), vec![1]);
        assert_eq!(search(&all, &order, &Query::new("")), vec![0, 1]);
        assert!(search(&all, &order, &Query::new("nada")).is_empty());
    }

    #[test]
    fn days_in_the_local_zone() {
        let brt = FixedOffset::west_opt(3 * 3600).unwrap();
        // 2026-03-02T01:00Z is still March 1st in São Paulo
        let ms = 1_772_413_200_000;
        assert_eq!(day(ms, &brt), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(day(ms, &Utc), NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(day(i64::MAX, &Utc), None);
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(is_safe_link("https://exemplo.com/a.pdf"));
        assert!(is_safe_link("HTTP://exemplo.com"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" data:text/html,<script>"));
        assert!(!is_safe_link("https://exemplo.com/\u{0}x"));
        assert!(!is_safe_link("/relative"));
    }

    #[test]
    fn the_email_document_starts_with_its_policy() {
        let doc = email_document(
            "<script>alert(1)</script><meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">",
        );
        let policy_at = doc.find(EMAIL_POLICY).unwrap();
        assert!(policy_at < doc.find("<script>").unwrap());
        assert!(doc.starts_with("<!doctype html>"));
    }
}
