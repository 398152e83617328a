//! Applying the event stream's changes to the data the tabs hold, in place: one new message
//! becomes one more message, never a reload of ten thousand. Every change is an upsert by id, so
//! applying one twice (a replay after a reconnection, a reload that already had it) changes
//! nothing the second time.

use crate::*;

/// A change from the stream, decoded (see `contract::events`).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A new message: its conversation, holding it.
    Message(ChannelConversation),
    History(HistoryEvent),
    Call(Call),
    Sla(SlaTarget),
    Attachment(Attachment),
    Survey(Survey),
    Case(CaseChanged),
    CustomerCase(CustomerCase),
}

impl Change {
    /// The change's kind (its event name) and the id of what changed: what the host is told
    /// (`cvortex:case-updated`), never the content.
    pub fn kind_and_id(&self) -> (&'static str, i64) {
        match self {
            Change::Message(c) => (kinds::MESSAGE, c.messages.first().map_or(0, |m| m.id)),
            Change::History(h) => (kinds::HISTORY, h.id),
            Change::Call(c) => (kinds::CALL, c.id),
            Change::Sla(s) => (kinds::SLA, s.id),
            Change::Attachment(a) => (kinds::ATTACHMENT, a.id),
            Change::Survey(s) => (kinds::SURVEY, s.id),
            Change::Case(c) => (kinds::CASE, c.case.id),
            Change::CustomerCase(c) => (kinds::CUSTOMER_CASE, c.id),
        }
    }
}

/// Adds `item`, or replaces the one with its id (a new state of the same call, target, case).
fn upsert<T: Clone + PartialEq>(items: &mut Vec<T>, item: &T, id: fn(&T) -> i64) -> bool {
    match items.iter_mut().find(|i| id(i) == id(item)) {
        // the same again (a replay of what a reload already brought) changes nothing: it is
        // not counted as new on its tab
        Some(old) if old == item => return false,
        Some(old) => *old = item.clone(),
        None => items.push(item.clone()),
    }
    true
}

/// Adds `item` unless one with its id is there (what does not change once sent: a message, an
/// event of the history, a file): a replay adds nothing.
fn add_once<T: Clone>(items: &mut Vec<T>, item: &T, id: fn(&T) -> i64) -> bool {
    let there = items.iter().any(|i| id(i) == id(item));
    if !there {
        items.push(item.clone());
    }
    !there
}

/// Data a change may apply to.
pub trait Apply {
    /// Whether a change of this kind may concern this data (cheap: by kind only).
    fn concerns(change: &Change) -> bool;
    /// Applies `change` if it concerns this data; whether anything changed.
    fn apply(&mut self, change: &Change) -> bool;
}

impl Apply for InteractionList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Message(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        let Change::Message(m) = change else { return false };
        let Some(i) = self.channels.iter().position(|c| c.channel == m.channel) else {
            self.channels.push(m.clone());
            return !m.messages.is_empty();
        };
        let conv = &mut self.channels[i];
        let mut added = false;
        for message in &m.messages {
            added |= add_once(&mut conv.messages, message, |x| x.id);
        }
        added
    }
}

impl Apply for HistoryList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::History(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        matches!(change, Change::History(h) if add_once(&mut self.items, h, |x| x.id))
    }
}

impl Apply for CallList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Call(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        matches!(change, Change::Call(c) if upsert(&mut self.items, c, |x| x.id))
    }
}

impl Apply for SlaList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Sla(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        matches!(change, Change::Sla(s) if upsert(&mut self.items, s, |x| x.id))
    }
}

impl Apply for AttachmentList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Attachment(_))
    }

    /// A file added by anyone counts against the case's quota at once, so the app refuses an
    /// upload that no longer fits before sending it.
    fn apply(&mut self, change: &Change) -> bool {
        let Change::Attachment(a) = change else { return false };
        let added = add_once(&mut self.items, a, |x| x.id);
        if added {
            self.limits.case_used_bytes = self.limits.case_used_bytes.saturating_add(a.size_bytes);
        }
        added
    }
}

impl Apply for SurveyList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Survey(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        matches!(change, Change::Survey(s) if upsert(&mut self.items, s, |x| x.id))
    }
}

impl Apply for CustomerCaseList {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::CustomerCase(_) | Change::Case(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        match change {
            Change::CustomerCase(c) => upsert(&mut self.items, c, |x| x.id),
            // the open case itself is one of the customer's cases
            Change::Case(c) => match self.items.iter_mut().find(|i| i.id == c.case.id) {
                Some(item) => {
                    let before = item.clone();
                    item.status = c.case.status.clone();
                    item.assignee = c.case.assignee.clone();
                    item.in_service = c.case.in_service;
                    item.closed_at = c.case.closed_at;
                    item.updated_at = c.case.updated_at;
                    item.merged_into = c.case.merged_into;
                    *item != before
                }
                None => false,
            },
            _ => false,
        }
    }
}

impl Apply for CaseDetails {
    fn concerns(change: &Change) -> bool {
        matches!(change, Change::Case(_))
    }

    fn apply(&mut self, change: &Change) -> bool {
        match change {
            Change::Case(c) if c.case.id == self.case.id && self.case != c.case => {
                self.case = c.case.clone();
                true
            }
            _ => false,
        }
    }
}

/// `data` with every change in `changes` applied and how many changed it, or `None` when none
/// did: one copy of the data for a whole batch, and none when no change concerns it.
pub fn apply_all<T: Apply + Clone>(data: &T, changes: &[Change]) -> Option<(T, usize)> {
    changes.iter().find(|c| T::concerns(c))?;
    let mut next = data.clone();
    let changed = apply_in_place(&mut next, changes);
    (changed > 0).then_some((next, changed))
}

/// Applies every change in `changes` to `data` where it is (data nothing else holds: no copy);
/// how many changed it.
pub fn apply_in_place<T: Apply>(data: &mut T, changes: &[Change]) -> usize {
    changes.iter().filter(|c| T::concerns(c) && data.apply(c)).count()
}

/// What one event of the stream is to the app (decoded, taken and dropped at once: the size of
/// its largest variant costs nothing).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Incoming {
    Hello(Hello),
    /// A change to data a tab shows.
    Change(Change),
    /// Cases were unified into the open case, or that was undone: what it changes is reloaded.
    Unification,
    Presence(Presence),
    /// What was missed cannot be replayed: what is shown is reloaded.
    Reset,
    /// A kind this version does not know (the vocabulary may grow): skipped.
    Unknown,
}

/// Decodes one event (`event:` kind and `data:`). Bytes, not `&str`, through serde_json: its
/// `from_slice` is the one entry point the app's decoders already use (a `from_str` would bring a
/// second copy of every contract type's decoder into the bundle). An item is read as a list of
/// one, the way its tab's answer carries it, so the list's decoder (already in the app) reads it:
/// a decoder of its own per item type would cost the bundle about 25 KB.
pub fn decode(kind: &str, data: &str) -> Result<Incoming, serde_json::Error> {
    fn de<T: serde::de::DeserializeOwned>(data: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(data.as_bytes())
    }
    /// `data` as the one item of the list `{"<field>": [data]<rest>}`.
    fn one<L: serde::de::DeserializeOwned, T>(
        field: &str,
        data: &str,
        rest: &str,
        items: fn(L) -> Vec<T>,
    ) -> Result<T, serde_json::Error> {
        let list: L = de(&format!("{{\"{field}\":[{data}]{rest}}}"))?;
        items(list)
            .pop()
            .ok_or_else(|| <serde_json::Error as serde::de::Error>::custom("no item"))
    }
    use kinds::*;
    Ok(match kind {
        HELLO => Incoming::Hello(de(data)?),
        MESSAGE => Incoming::Change(Change::Message(one("channels", data, "", |l: InteractionList| {
            l.channels
        })?)),
        HISTORY => Incoming::Change(Change::History(one("items", data, "", |l: HistoryList| l.items)?)),
        CALL => Incoming::Change(Change::Call(one("items", data, "", |l: CallList| l.items)?)),
        SLA => Incoming::Change(Change::Sla(one("items", data, r#","server_time":0"#, |l: SlaList| {
            l.items
        })?)),
        ATTACHMENT => Incoming::Change(Change::Attachment(one(
            "items",
            data,
            r#","limits":{"max_bytes":0,"allowed_types":[]}"#,
            |l: AttachmentList| l.items,
        )?)),
        SURVEY => Incoming::Change(Change::Survey(one(
            "items",
            data,
            r#","configured":true"#,
            |l: SurveyList| l.items,
        )?)),
        CASE => Incoming::Change(Change::Case(de(data)?)),
        CUSTOMER_CASE => Incoming::Change(Change::CustomerCase(one("items", data, "", |l: CustomerCaseList| {
            l.items
        })?)),
        // what changed is reloaded: the payload itself is not needed
        UNIFICATION => Incoming::Unification,
        PRESENCE => Incoming::Presence(de(data)?),
        RESET => Incoming::Reset,
        _ => Incoming::Unknown,
    })
}

/// How long to wait before reconnecting after `failures` attempts in a row that did not reach
/// the stream (0: it was reached, then ended): the server's `Retry-After` when it sent one
/// (at most a minute), else 0.5 s doubling up to 15 s.
pub fn reconnect_delay_ms(failures: u32, retry_after_s: Option<u32>) -> u32 {
    match retry_after_s {
        Some(s) => s.min(60) * 1000,
        None => (500u32 << failures.min(5)).min(15_000),
    }
}

/// The agents shown as "also here": everyone with the case open but the agent on this page.
pub fn others(presence: &Presence, me: Option<i64>) -> Vec<AgentRef> {
    let mut out: Vec<AgentRef> = Vec::new();
    for a in &presence.agents {
        if Some(a.id) != me && !out.iter().any(|o| o.id == a.id) {
            out.push(a.clone());
        }
    }
    out
}

/// A name's initials for a small avatar: the first letter of its first and last words ("Maria
/// da Silva" → "MS"), ASCII letters uppercased (a Unicode case table costs bundle size for this).
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first.into_iter().chain(last).map(|c| c.to_ascii_uppercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(id: i64, text: &str) -> Message {
        Message {
            id,
            case_id: 1001,
            sent_at: 1_000 + id,
            sender: Sender {
                kind: "customer".into(),
                name: None,
            },
            text: Some(text.into()),
            subject: None,
            html: None,
            files: Vec::new(),
        }
    }

    fn added(channel: &str, id: i64, text: &str) -> Change {
        Change::Message(ChannelConversation {
            channel: channel.into(),
            identifier: None,
            messages: vec![message(id, text)],
        })
    }

    /// A WhatsApp conversation with message 1 in it.
    fn whatsapp_with_one() -> InteractionList {
        InteractionList {
            channels: vec![ChannelConversation {
                channel: "whatsapp".into(),
                identifier: None,
                messages: vec![message(1, "a")],
            }],
        }
    }

    #[test]
    fn a_message_joins_its_channel_once_and_a_new_channel_appears() {
        let list = whatsapp_with_one();
        let (next, n) = apply_all(
            &list,
            &[
                added("whatsapp", 2, "b"),
                added("whatsapp", 2, "b"),
                added("email", 3, "c"),
            ],
        )
        .unwrap();
        assert_eq!(n, 2);
        assert_eq!(next.channels[0].messages.len(), 2, "the same message twice counts once");
        assert_eq!(next.channels[1].channel, "email");
        // a replay of what is already there changes nothing
        assert!(apply_all(&next, &[added("whatsapp", 2, "b")]).is_none());
        // and changes for another tab leave the data alone
        let survey = serde_json::from_value(
            serde_json::json!({"id": 1, "case_id": 1001, "scale": "csat_5", "score": 5, "answered_at": 1}),
        )
        .unwrap();
        assert!(apply_all(&list, &[Change::Survey(survey)]).is_none());
    }

    #[test]
    fn in_place_applies_as_a_copy_does_and_counts_the_same() {
        let list = whatsapp_with_one();
        let batch = [
            added("whatsapp", 2, "b"),
            added("whatsapp", 1, "a"),
            added("sms", 3, "c"),
            Change::History(serde_json::from_value(serde_json::json!({"id": 9, "case_id": 1001, "occurred_at": 1, "action": "comment", "description": "x"})).unwrap()),
        ];
        let (copied, n) = apply_all(&list, &batch).unwrap();
        let mut in_place = list.clone();
        assert_eq!(apply_in_place(&mut in_place, &batch), n);
        assert_eq!(n, 2, "the replayed message and the other tab's change are not counted");
        assert_eq!(in_place, copied);
        // applied again, nothing changes
        assert_eq!(apply_in_place(&mut in_place, &batch), 0);
        assert_eq!(in_place, copied);
    }

    #[test]
    fn a_call_is_replaced_by_its_new_state() {
        let call = |status: &str| -> Call {
            serde_json::from_value(serde_json::json!({"id": 7, "case_id": 1001, "started_at": 1, "from_phone": "5511", "direction": "inbound", "status": status})).unwrap()
        };
        let list = CallList {
            items: vec![call("in_progress")],
        };
        let (next, _) = apply_all(&list, &[Change::Call(call("answered"))]).unwrap();
        assert_eq!(next.items.len(), 1);
        assert_eq!(next.items[0].status, "answered");
        // the same state again (a replay of what a reload brought) is not news: nothing changes,
        // nothing is counted on the tab
        assert!(apply_all(&next, &[Change::Call(call("answered"))]).is_none());
        let (_, n) = apply_all(&next, &[Change::Call(call("answered")), Change::Call(call("missed"))]).unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn events_decode_by_kind_and_unknown_kinds_are_skipped() {
        let m = decode(
            kinds::MESSAGE,
            r#"{"channel":"whatsapp","messages":[{"id":9,"case_id":1001,"sent_at":5,"sender":{"kind":"customer"},"text":"Oi"}]}"#,
        )
        .unwrap();
        let Incoming::Change(change @ Change::Message(c)) = &m else {
            panic!("{m:?}")
        };
        assert_eq!((c.channel.as_str(), c.messages[0].id), ("whatsapp", 9));
        assert_eq!(change.kind_and_id(), ("message", 9));
        let p = decode(kinds::PRESENCE, r#"{"agents":[{"id":1,"name":"Ana"}]}"#).unwrap();
        assert!(matches!(p, Incoming::Presence(ref p) if p.agents.len() == 1));
        assert_eq!(decode(kinds::RESET, r#"{"reason":"gap"}"#).unwrap(), Incoming::Reset);
        assert_eq!(decode("typing", "{}").unwrap(), Incoming::Unknown);
        assert!(
            decode(kinds::CALL, r#"{"id": "#).is_err(),
            "a garbled event is an error, not a change"
        );
        assert!(decode(kinds::SLA, r#"[1, 2]"#).is_err(), "the wrong shape too");
        assert!(
            decode(kinds::HISTORY, r#"{"id": 1}], "items": [{"id": 2"#).is_err(),
            "data cannot reach out of its list"
        );
        assert!(decode(kinds::CALL, "").is_err(), "nothing is not an item");
        let a = decode(
            kinds::ATTACHMENT,
            r#"{"id":4,"case_id":1001,"file_name":"a.pdf","mime_type":"application/pdf","size_bytes":3,"created_at":1,"origin":{"kind":"upload"}}"#,
        )
        .unwrap();
        assert!(
            matches!(a, Incoming::Change(Change::Attachment(ref a)) if a.id == 4),
            "{a:?}"
        );
    }

    #[test]
    fn reconnecting_backs_off_and_honours_retry_after() {
        assert_eq!(reconnect_delay_ms(0, None), 500);
        assert_eq!(reconnect_delay_ms(1, None), 1000);
        assert_eq!(reconnect_delay_ms(3, None), 4000);
        assert_eq!(reconnect_delay_ms(30, None), 15_000, "capped, and no overflow");
        assert_eq!(reconnect_delay_ms(2, Some(7)), 7000);
        assert_eq!(reconnect_delay_ms(0, Some(100_000)), 60_000);
    }

    #[test]
    fn presence_shows_the_others_once_each() {
        let a = |id, name: &str| AgentRef { id, name: name.into() };
        let p = Presence {
            agents: vec![a(1, "Ana Lima"), a(2, "Bruno"), a(2, "Bruno"), a(3, "maria da silva")],
        };
        let o = others(&p, Some(1));
        assert_eq!(o.iter().map(|a| a.id).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(initials("maria da silva"), "MS");
        assert_eq!(initials("  Bruno "), "B");
        assert_eq!(initials("Ísis Ávila"), "ÍÁ");
        assert_eq!(initials(""), "");
    }

    // Before: a colleague's file was listed but the quota still counted without it, so the app
    // let an upload go that the server then refused.
    #[test]
    fn a_file_added_by_anyone_counts_against_the_cases_quota_once() {
        let mut list: AttachmentList = serde_json::from_str(
            r#"{"items": [], "limits": {"max_bytes": 100, "allowed_types": [], "case_quota_bytes": 1000, "case_used_bytes": 10}}"#,
        )
        .unwrap();
        let Ok(Incoming::Change(change)) = decode(
            kinds::ATTACHMENT,
            r#"{"id":4,"case_id":1001,"file_name":"a.pdf","mime_type":"application/pdf","size_bytes":300,"created_at":1,"origin":{"kind":"upload"}}"#,
        ) else {
            panic!("an attachment event")
        };
        assert!(list.apply(&change));
        assert_eq!(list.limits.case_used_bytes, 310);
        assert!(!list.apply(&change), "the same file again changes nothing");
        assert_eq!(list.limits.case_used_bytes, 310);
    }
}
