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

/// Adds `item`, or replaces the one with its id (a new state of the same call, target, case).
fn upsert<T: Clone>(items: &mut Vec<T>, item: &T, id: fn(&T) -> i64) -> bool {
    match items.iter_mut().find(|i| id(i) == id(item)) {
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

    fn apply(&mut self, change: &Change) -> bool {
        matches!(change, Change::Attachment(a) if add_once(&mut self.items, a, |x| x.id))
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
                    item.status = c.case.status.clone();
                    item.assignee = c.case.assignee.clone();
                    item.in_service = c.case.in_service;
                    item.closed_at = c.case.closed_at;
                    item.updated_at = c.case.updated_at;
                    item.merged_into = c.case.merged_into;
                    true
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
            Change::Case(c) if c.case.id == self.case.id => {
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
    let mut relevant = changes.iter().filter(|c| T::concerns(c)).peekable();
    relevant.peek()?;
    let mut next = data.clone();
    let changed = relevant.filter(|c| next.apply(c)).count();
    (changed > 0).then_some((next, changed))
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

    #[test]
    fn a_message_joins_its_channel_once_and_a_new_channel_appears() {
        let list = InteractionList {
            channels: vec![ChannelConversation {
                channel: "whatsapp".into(),
                identifier: None,
                messages: vec![message(1, "a")],
            }],
        };
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
    }
}
