//! Server-sent events (the `text/event-stream` framing of `GET /v1/cases/{id}/events`): an
//! incremental parser for the app, which reads the stream through `fetch` in chunks that may end
//! anywhere (mid-line, between a CR and its LF), and the encoder the sandbox writes with.
//! Follows the HTML standard's rules: lines end in CRLF, LF or CR; `:` starts a comment; `data`
//! lines join with `\n`; `id` sets the last event id even when no event is dispatched; an event
//! with no data is not dispatched.

/// One dispatched event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SseEvent {
    /// The last event id when it was dispatched (what a reconnection sends as `Last-Event-ID`).
    pub id: Option<String>,
    /// `event:` (default `message`).
    pub event: String,
    pub data: String,
}

/// What a chunk of the stream held, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SseItem {
    Event(SseEvent),
    /// A comment line (the server's heartbeat): proof the connection is alive.
    Comment,
    /// `retry:` — how long the server asks the client to wait before reconnecting, in ms.
    Retry(u32),
}

#[derive(Debug, Default)]
pub struct SseParser {
    line: String,
    /// The previous chunk ended in CR: an LF opening this one belongs to it.
    after_cr: bool,
    event: Option<String>,
    data: Option<String>,
    last_id: Option<String>,
}

impl SseParser {
    pub fn new() -> SseParser {
        SseParser::default()
    }

    /// The id to resume from (`Last-Event-ID`).
    pub fn last_id(&self) -> Option<&str> {
        self.last_id.as_deref()
    }

    /// Feeds the next chunk of text; returns what it completed.
    pub fn feed(&mut self, chunk: &str) -> Vec<SseItem> {
        let mut out = Vec::new();
        let mut rest = chunk;
        if chunk.is_empty() {
            return out; // an empty chunk says nothing, not even that no LF followed a CR
        }
        if self.after_cr {
            rest = rest.strip_prefix('\n').unwrap_or(rest);
            self.after_cr = false;
        }
        while let Some(end) = rest.find(['\r', '\n']) {
            self.line.push_str(&rest[..end]);
            let line = std::mem::take(&mut self.line);
            self.take_line(&line, &mut out);
            let crlf = rest[end..].starts_with("\r\n");
            if rest[end..].starts_with('\r') && end + 1 == rest.len() {
                self.after_cr = true;
            }
            rest = &rest[end + if crlf { 2 } else { 1 }..];
        }
        self.line.push_str(rest);
        out
    }

    fn take_line(&mut self, line: &str, out: &mut Vec<SseItem>) {
        if line.is_empty() {
            let event = self.event.take();
            if let Some(data) = self.data.take() {
                out.push(SseItem::Event(SseEvent {
                    id: self.last_id.clone(),
                    event: event.filter(|e| !e.is_empty()).unwrap_or_else(|| "message".into()),
                    data,
                }));
            }
            return;
        }
        if line.starts_with(':') {
            out.push(SseItem::Comment);
            return;
        }
        let (field, value) = match line.find(':') {
            Some(i) => (&line[..i], line[i + 1..].strip_prefix(' ').unwrap_or(&line[i + 1..])),
            None => (line, ""),
        };
        match field {
            "event" => self.event = Some(value.to_string()),
            "data" => match &mut self.data {
                Some(d) => {
                    d.push('\n');
                    d.push_str(value);
                }
                None => self.data = Some(value.to_string()),
            },
            "id" if !value.contains('\0') => self.last_id = Some(value.to_string()).filter(|v| !v.is_empty()),
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                if let Ok(ms) = value.parse() {
                    out.push(SseItem::Retry(ms));
                }
            }
            _ => {}
        }
    }
}

/// One event as the server writes it: `id:`, `event:`, one `data:` line per line of `data`,
/// and the blank line that ends it. `event` and `id` must not contain line breaks.
pub fn encode(id: Option<&str>, event: &str, data: &str) -> String {
    let mut s = String::with_capacity(data.len() + 32);
    if let Some(id) = id {
        s.push_str("id: ");
        s.push_str(id);
        s.push('\n');
    }
    s.push_str("event: ");
    s.push_str(event);
    s.push('\n');
    // every kind of line break in the data becomes a `data:` line of its own
    for line in data.replace("\r\n", "\n").split(['\n', '\r']) {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    s.push('\n');
    s
}

/// A heartbeat: a comment line, ignored by parsers except as a sign of life.
pub const HEARTBEAT: &str = ": hb\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    fn events(items: Vec<SseItem>) -> Vec<SseEvent> {
        items
            .into_iter()
            .filter_map(|i| match i {
                SseItem::Event(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn events_ids_comments_and_multiline_data() {
        let mut p = SseParser::new();
        let items = p.feed("id: 7\nevent: message\ndata: {\"a\":1}\n\n: hb\n\ndata: one\ndata: two\n\n");
        assert_eq!(
            items,
            vec![
                SseItem::Event(SseEvent {
                    id: Some("7".into()),
                    event: "message".into(),
                    data: "{\"a\":1}".into()
                }),
                SseItem::Comment,
                SseItem::Event(SseEvent {
                    id: Some("7".into()),
                    event: "message".into(),
                    data: "one\ntwo".into()
                }),
            ]
        );
        assert_eq!(p.last_id(), Some("7"));
    }

    #[test]
    fn a_chunk_may_end_anywhere_even_between_cr_and_lf() {
        let stream = "id: 1\r\nevent: call\r\ndata: x\r\n\r\nid: 2\revent: sla\rdata: y\r\r";
        let whole = SseParser::new().feed(stream);
        for cut in 0..=stream.len() {
            let mut p = SseParser::new();
            let mut items = p.feed(&stream[..cut]);
            items.extend(p.feed(&stream[cut..]));
            assert_eq!(items, whole, "cut at {cut}");
        }
        assert_eq!(events(whole).len(), 2);
        // an empty chunk between a CR and its LF changes nothing
        let mut p = SseParser::new();
        let mut items = p.feed("event: call\r\ndata: x\r");
        items.extend(p.feed(""));
        items.extend(p.feed("\n\r\n"));
        assert_eq!(
            events(items),
            vec![SseEvent {
                id: None,
                event: "call".into(),
                data: "x".into()
            }]
        );
    }

    #[test]
    fn no_data_no_event_but_the_id_still_counts_and_retry_is_reported() {
        let mut p = SseParser::new();
        let items = p.feed("id: 9\nevent: ping\n\nretry: 2500\nretry: soon\n");
        assert_eq!(items, vec![SseItem::Retry(2500)]);
        assert_eq!(p.last_id(), Some("9"));
        // an empty id resets it
        p.feed("id\n\n");
        assert_eq!(p.last_id(), None);
    }

    #[test]
    fn encode_round_trips_through_the_parser() {
        let text = encode(Some("42"), "message", "line one\nline two\r\n: not a comment");
        let got = events(SseParser::new().feed(&text));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].data, "line one\nline two\n: not a comment");
        assert_eq!(got[0].id.as_deref(), Some("42"));
    }
}
