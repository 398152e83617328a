//! `--generate N`: the demo data set with case #1001 grown to N history events, N calls,
//! N messages and N attachments (and the customer's next four cases to the same lists), and its
//! customer to N cases, for benchmarks. Deterministic.

use cvortex_domain::*;

use crate::dataset::{DataSet, SeedAttachment, SeedCase};
use crate::demo::{self, agent, status, JOAO_CHAT, JOAO_WHATSAPP, OPEN_CASE, TENANT};

/// A small deterministic generator (xorshift), so two runs produce the same data.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const ACTIONS: &[&str] = &[
    "message",
    "comment",
    "status_change",
    "assignment",
    "transfer",
    "call",
    "questionnaire",
];
const CHANNELS: &[&str] = &["whatsapp", "email", "chat", "phone"];
const WORDS: &[&str] = &[
    "cobrança",
    "fatura",
    "estorno",
    "entrega",
    "pedido",
    "cadastro",
    "endereço",
    "boleto",
    "reembolso",
    "troca",
    "garantia",
    "cartão",
    "pagamento",
    "protocolo",
    "prazo",
    "atendimento",
    "cancelamento",
    "desconto",
    "frete",
    "nota fiscal",
];
const CALL_STATUSES: &[&str] = &["answered", "missed", "busy", "abandoned", "voicemail"];

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words).map(|_| rng.pick(WORDS)).collect::<Vec<_>>().join(" ")
}

/// How many of the customer's other cases get #1001's grown lists too.
pub const LARGE_COPIES: usize = 4;

pub fn data_set(now: i64, n: u32) -> DataSet {
    let mut data = demo::data_set(now);
    let n = n as i64;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut next_id = 1_000_000i64;
    let mut id = || {
        next_id += 1;
        next_id
    };
    let span = 365 * 24 * 3600 * 1000i64; // items spread over a year
    let at = |i: i64| now - span + span * i / n.max(1);

    let open = data
        .cases
        .iter_mut()
        .find(|c| c.case.id == OPEN_CASE)
        .expect("demo has the open case");
    let grow = |have: usize| (n - have as i64).max(0);
    for i in 0..grow(open.history.len()) {
        let action = rng.pick(ACTIONS);
        let agent_id = 1 + rng.below(5) as i64;
        let with_comment = rng.below(3) == 0;
        open.history.push(HistoryEvent {
            id: id(),
            case_id: OPEN_CASE,
            occurred_at: at(i),
            action: action.into(),
            description: format!("Registro {i}: {}", sentence(&mut rng, 5)),
            agent: Some(agent(agent_id)),
            comment: with_comment.then(|| sentence(&mut rng, 8)),
            channel: Some(rng.pick(CHANNELS).into()),
            status: Some(status(1 + rng.below(4) as i64)),
            questionnaires: Vec::new(),
        });
    }
    for i in 0..grow(open.calls.len()) {
        let st = rng.pick(CALL_STATUSES);
        let phone = format!("+55 11 9{:04}-{:04}", rng.below(10_000), rng.below(10_000));
        open.calls.push(Call {
            id: id(),
            case_id: OPEN_CASE,
            started_at: at(i),
            from_phone: phone,
            to_phone: Some("+55 11 4003-1234".into()),
            direction: if rng.below(2) == 0 { "inbound" } else { "outbound" }.into(),
            status: st.into(),
            agent: (st != "missed").then(|| agent(1 + rng.below(5) as i64)),
            duration_seconds: Some(if st == "answered" {
                30 + rng.below(1800) as i64
            } else {
                0
            }),
        });
    }
    let total_messages: usize = open.interactions.iter().map(|c| c.messages.len()).sum();
    for i in 0..grow(total_messages) {
        let conv = &mut open.interactions[(i % 3) as usize];
        let customer = rng.below(2) == 0;
        conv.messages.push(Message {
            id: id(),
            case_id: OPEN_CASE,
            sent_at: at(i),
            sender: Sender {
                kind: if customer { "customer" } else { "agent" }.into(),
                name: Some(if customer {
                    "João".into()
                } else {
                    agent(1 + rng.below(5) as i64).name
                }),
            },
            text: Some(format!("Mensagem {i}: {}", sentence(&mut rng, 10))),
            subject: None,
            html: None,
            files: Vec::new(),
        });
    }
    for conv in &mut open.interactions {
        conv.messages.sort_by_key(|m| m.sent_at);
    }
    for i in 0..grow(open.attachments.len()) {
        let text = format!("arquivo gerado {i}");
        open.attachments.push(SeedAttachment {
            attachment: Attachment {
                id: id(),
                case_id: OPEN_CASE,
                file_name: format!("{}-{i}.pdf", rng.pick(WORDS).replace(' ', "-")),
                mime_type: "application/pdf".into(),
                size_bytes: text.len() as u64,
                origin: AttachmentOrigin {
                    kind: "channel".into(),
                    channel: Some(rng.pick(CHANNELS).into()),
                    uploaded_by: None,
                },
                created_at: at(i),
            },
            content_text: Some(text),
            content_base64: None,
        });
    }

    // the customer's next four cases get the same lists (fresh ids): five large cases to move
    // between, for the memory the recent cases take
    let grown = open.clone();
    let mut others: Vec<i64> = data
        .cases
        .iter()
        .filter(|c| c.customer_id == 1 && c.case.id != OPEN_CASE)
        .map(|c| c.case.id)
        .collect();
    others.sort_unstable();
    for other in others.into_iter().take(LARGE_COPIES) {
        let c = data
            .cases
            .iter_mut()
            .find(|c| c.case.id == other)
            .expect("listed above");
        c.history = grown
            .history
            .iter()
            .map(|h| HistoryEvent {
                id: id(),
                case_id: other,
                ..h.clone()
            })
            .collect();
        c.calls = grown
            .calls
            .iter()
            .map(|x| Call {
                id: id(),
                case_id: other,
                ..x.clone()
            })
            .collect();
        c.interactions = grown
            .interactions
            .iter()
            .map(|conv| ChannelConversation {
                messages: conv
                    .messages
                    .iter()
                    .map(|m| Message {
                        id: id(),
                        case_id: other,
                        ..m.clone()
                    })
                    .collect(),
                ..conv.clone()
            })
            .collect();
        c.attachments = grown
            .attachments
            .iter()
            .map(|a| SeedAttachment {
                attachment: Attachment {
                    id: id(),
                    case_id: other,
                    ..a.attachment.clone()
                },
                ..a.clone()
            })
            .collect();
    }

    let joao_cases = data.cases.iter().filter(|c| c.customer_id == 1).count() as i64;
    for i in 0..(n - joao_cases).max(0) {
        let case_id = 100_000 + i;
        let mut c = data
            .cases
            .iter()
            .find(|c| c.case.id == 1002)
            .expect("demo has case 1002")
            .case
            .clone();
        c.id = case_id;
        c.external_id = Some(format!("CVX-GEN-{case_id}"));
        c.subject = Some(format!("Atendimento {i}: {}", sentence(&mut rng, 4)));
        c.created_at = at(i);
        c.updated_at = Some(at(i) + 3_600_000);
        c.assignee = Some(agent(1 + rng.below(5) as i64));
        match rng.below(6) {
            0 => c.in_service = true,
            1 => {
                c.status = status(6);
                c.closed_at = Some(at(i) + 86_400_000);
            }
            2 => c.contact.whatsapp = Some(format!("+55 11 9{:04}-{:04}", rng.below(10_000), rng.below(10_000))),
            3 => {
                c.channel = "chat".into();
                c.contact.whatsapp = None;
                c.contact.chat_id = Some(JOAO_CHAT.into());
            }
            _ => c.contact.whatsapp = Some(JOAO_WHATSAPP.into()),
        }
        data.cases.push(SeedCase {
            tenant: TENANT.into(),
            customer_id: 1,
            case: c,
            custom_fields: Vec::new(),
            history: Vec::new(),
            calls: Vec::new(),
            interactions: Vec::new(),
            sla: Vec::new(),
            attachments: Vec::new(),
            surveys: Vec::new(),
        });
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_every_list_to_n_deterministically() {
        let a = data_set(1_780_000_000_000, 500);
        let open = a.cases.iter().find(|c| c.case.id == OPEN_CASE).unwrap();
        assert_eq!(open.history.len(), 500);
        assert_eq!(open.calls.len(), 500);
        assert_eq!(open.attachments.len(), 500);
        assert_eq!(open.interactions.iter().map(|c| c.messages.len()).sum::<usize>(), 500);
        assert_eq!(a.cases.iter().filter(|c| c.customer_id == 1).count(), 500);
        let large = a
            .cases
            .iter()
            .filter(|c| c.history.len() == 500 && c.calls.len() == 500)
            .count();
        assert_eq!(large, 1 + LARGE_COPIES);
        // every item id is unique
        let mut ids: Vec<i64> = a.cases.iter().flat_map(|c| c.history.iter().map(|h| h.id)).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
        let b = data_set(1_780_000_000_000, 500);
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}
