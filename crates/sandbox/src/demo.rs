//! The demo data set: a São Paulo customer-service operation in pt-BR. Customer João da Silva
//! Conceição has 14 cases that cover every unification rule; his open case #1001 has content in
//! every tab. A second tenant exists so isolation can be tested.

use cvortex_domain::*;
use serde_json::json;

use crate::dataset::{Agent, DataSet, SeedAttachment, SeedCase, Tenant, TenantCustomer};

pub const TENANT: &str = "demo";
pub const OTHER_TENANT: &str = "outra";
/// Fixed tokens (never expire) for tests and scripts.
pub const TOKEN: &str = "demo-token-ana";
/// A colleague of Ana's (agent 2), for what two agents see of each other.
pub const COLLEAGUE_TOKEN: &str = "demo-token-colega";
pub const OTHER_TENANT_TOKEN: &str = "outra-token-pedro";
/// The case the README and the tests open.
pub const OPEN_CASE: CaseId = 1001;

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

pub fn status(id: i64) -> CaseStatus {
    let (name, is_final) = match id {
        1 => ("Novo", false),
        2 => ("Aberto", false),
        3 => ("Em andamento", false),
        4 => ("Aguardando cliente", false),
        5 => ("Resolvido", true),
        6 => ("Fechado", true),
        _ => ("Cancelado", true),
    };
    CaseStatus {
        id,
        name: name.into(),
        is_final,
    }
}

pub fn agent(id: i64) -> AgentRef {
    let name = match id {
        1 => "Ana Lima",
        2 => "Maria Souza",
        3 => "Carlos Pereira",
        4 => "Juliana Alves",
        _ => "Rafael Nogueira",
    };
    AgentRef { id, name: name.into() }
}

fn case_type(id: i64) -> NamedRef {
    let name = match id {
        1 => "Reclamação",
        2 => "Solicitação",
        3 => "Dúvida",
        4 => "Cancelamento",
        _ => "Elogio",
    };
    NamedRef { id, name: name.into() }
}

fn unit() -> Option<NamedRef> {
    Some(NamedRef {
        id: 1,
        name: "Atendimento Varejo SP".into(),
    })
}

pub const JOAO_WHATSAPP: &str = "+55 11 91234-5678";
pub const JOAO_CHAT: &str = "chat-7f3a9c";

/// A case with the defaults of João's cases; callers adjust what differs.
fn joao_case(id: CaseId, created_at: i64, channel: &str, subject: &str) -> CaseData {
    CaseData {
        id,
        external_id: Some(format!("CVX-2026-{id:06}")),
        subject: Some(subject.into()),
        summary: None,
        case_type: Some(case_type(2)),
        status: status(2),
        channel: channel.into(),
        contact: ContactIds {
            whatsapp: None,
            chat_id: None,
            email: Some("joao.conceicao@exemplo.com.br".into()),
        },
        opening_reason: vec!["Financeiro".into(), "Cobrança".into()],
        closing_reason: Vec::new(),
        assignee: None,
        business_unit: unit(),
        created_at,
        updated_at: Some(created_at + 2 * HOUR),
        closed_at: None,
        in_service: false,
        merged_into: None,
    }
}

fn seed(tenant: &str, customer_id: i64, case: CaseData) -> SeedCase {
    SeedCase {
        tenant: tenant.into(),
        customer_id,
        case,
        custom_fields: Vec::new(),
        history: Vec::new(),
        calls: Vec::new(),
        interactions: Vec::new(),
        sla: Vec::new(),
        attachments: Vec::new(),
        surveys: Vec::new(),
    }
}

/// Hands out unique item ids.
struct Ids(i64);
impl Ids {
    fn next(&mut self) -> i64 {
        self.0 += 1;
        self.0
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    ids: &mut Ids,
    case_id: CaseId,
    at: i64,
    action: &str,
    description: &str,
    agent_id: Option<i64>,
    comment: Option<&str>,
    channel: Option<&str>,
    status_id: i64,
) -> HistoryEvent {
    HistoryEvent {
        id: ids.next(),
        case_id,
        occurred_at: at,
        action: action.into(),
        description: description.into(),
        agent: agent_id.map(agent),
        comment: comment.map(Into::into),
        channel: channel.map(Into::into),
        status: Some(status(status_id)),
        questionnaires: Vec::new(),
    }
}

fn msg(ids: &mut Ids, case_id: CaseId, at: i64, kind: &str, name: Option<&str>, text: &str) -> Message {
    Message {
        id: ids.next(),
        case_id,
        sent_at: at,
        sender: Sender {
            kind: kind.into(),
            name: name.map(Into::into),
        },
        text: Some(text.into()),
        subject: None,
        html: None,
        files: Vec::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn call(
    ids: &mut Ids,
    case_id: CaseId,
    at: i64,
    from: &str,
    direction: &str,
    status: &str,
    agent_id: Option<i64>,
    secs: Option<i64>,
) -> Call {
    Call {
        id: ids.next(),
        case_id,
        started_at: at,
        from_phone: from.into(),
        to_phone: Some("+55 11 4003-1234".into()),
        direction: direction.into(),
        status: status.into(),
        agent: agent_id.map(agent),
        duration_seconds: secs,
    }
}

fn attachment(
    ids: &mut Ids,
    case_id: CaseId,
    at: i64,
    name: &str,
    mime: &str,
    origin: AttachmentOrigin,
    text: &str,
) -> SeedAttachment {
    SeedAttachment {
        attachment: Attachment {
            id: ids.next(),
            case_id,
            file_name: name.into(),
            mime_type: mime.into(),
            size_bytes: text.len() as u64,
            origin,
            created_at: at,
        },
        content_text: Some(text.into()),
        content_base64: None,
    }
}

fn from_channel(channel: &str) -> AttachmentOrigin {
    AttachmentOrigin {
        kind: "channel".into(),
        channel: Some(channel.into()),
        uploaded_by: None,
    }
}

fn uploaded_by(agent_id: i64) -> AttachmentOrigin {
    AttachmentOrigin {
        kind: "upload".into(),
        channel: None,
        uploaded_by: Some(agent(agent_id)),
    }
}

fn qa(q: &str, a: &str) -> QuestionAnswer {
    QuestionAnswer {
        question: q.into(),
        answer: a.into(),
    }
}

pub fn upload_limits() -> UploadLimits {
    UploadLimits {
        max_bytes: 10 * 1024 * 1024,
        allowed_types: [
            "application/pdf",
            "image/png",
            "image/jpeg",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/zip",
        ]
        .map(String::from)
        .to_vec(),
        // the server's configuration decides the quota, and each answer says what the case holds
        case_quota_bytes: None,
        case_used_bytes: 0,
    }
}

fn tenants_and_agents() -> (Vec<Tenant>, Vec<Agent>) {
    let tenants = vec![
        Tenant {
            id: TENANT.into(),
            name: "Loja Exemplo Varejo".into(),
            surveys_configured: true,
        },
        Tenant {
            id: OTHER_TENANT.into(),
            name: "Outra Empresa Ltda.".into(),
            surveys_configured: false,
        },
    ];
    let mut agents: Vec<Agent> = (1..=5)
        .map(|id| {
            let a = agent(id);
            let username = a.name.to_lowercase().replace(' ', ".");
            Agent {
                id,
                tenant: TENANT.into(),
                name: a.name,
                username,
                password: "demo".into(),
                tokens: Vec::new(),
            }
        })
        .collect();
    agents[0].tokens.push(TOKEN.into());
    agents[1].tokens.push(COLLEAGUE_TOKEN.into());
    agents.push(Agent {
        id: 50,
        tenant: OTHER_TENANT.into(),
        name: "Pedro Henrique Costa".into(),
        username: "pedro.costa".into(),
        password: "demo".into(),
        tokens: vec![OTHER_TENANT_TOKEN.into()],
    });
    (tenants, agents)
}

fn customers() -> Vec<TenantCustomer> {
    let field = |key: &str, label: &str, kind: &str, value: serde_json::Value| CustomField {
        key: key.into(),
        label: label.into(),
        kind: kind.into(),
        value,
    };
    let person = |id: i64, name: &str, phone: &str, email: &str, cpf: &str| Customer {
        id,
        name: name.into(),
        phones: vec![phone.into()],
        emails: vec![email.into()],
        documents: vec![Document {
            kind: "cpf".into(),
            number: cpf.into(),
        }],
        fields: Vec::new(),
    };
    let mut joao = person(
        1,
        "João da Silva Conceição",
        JOAO_WHATSAPP,
        "joao.conceicao@exemplo.com.br",
        "52998224725",
    );
    joao.phones.push("(11) 3456-7890".into());
    joao.emails.push("joao.silva@trabalho.com.br".into());
    joao.documents.push(Document {
        kind: "rg".into(),
        number: "12.345.678-9".into(),
    });
    joao.fields = vec![
        field("birth_date", "Data de nascimento", "date", json!(485_222_400_000i64)),
        field(
            "address",
            "Endereço",
            "text",
            json!("Rua das Acácias, 120, ap. 42, Vila Mariana, São Paulo - SP, 04101-000"),
        ),
        field("segment", "Segmento", "text", json!("Cliente Ouro")),
        field("accepts_marketing", "Aceita comunicações", "boolean", json!(false)),
    ];
    let mut mariana = person(
        2,
        "Mariana Oliveira Santos",
        "+55 21 99876-5432",
        "mariana.santos@exemplo.com.br",
        "11144477735",
    );
    mariana.documents.push(Document {
        kind: "cnpj".into(),
        number: "11222333000181".into(),
    });
    vec![
        TenantCustomer {
            tenant: TENANT.into(),
            customer: joao,
        },
        TenantCustomer {
            tenant: TENANT.into(),
            customer: mariana,
        },
        TenantCustomer {
            tenant: TENANT.into(),
            customer: person(
                3,
                "Roberto Fernandes Lima",
                "+55 31 98765-4321",
                "roberto.lima@exemplo.com.br",
                "39053344705",
            ),
        },
        TenantCustomer {
            tenant: TENANT.into(),
            customer: person(
                4,
                "Fernanda Rocha Ávila",
                "+55 41 99123-4567",
                "fernanda.avila@exemplo.com.br",
                "86288366757",
            ),
        },
        TenantCustomer {
            tenant: OTHER_TENANT.into(),
            customer: person(
                50,
                "Luís Gustavo Martins",
                "+55 51 99111-2222",
                "luis.martins@exemplo.com.br",
                "71428793860",
            ),
        },
    ]
}

/// The open case #1001 with content in every tab.
fn open_case(now: i64, ids: &mut Ids) -> SeedCase {
    let id = OPEN_CASE;
    let t0 = now - 3 * DAY;
    let mut c = joao_case(id, t0, "whatsapp", "Cobrança em duplicidade na fatura de outubro");
    c.summary = Some("Cliente relata cobrança duplicada de R$ 189,90 na fatura de outubro e pede estorno.".into());
    c.case_type = Some(case_type(1));
    c.status = status(3);
    c.contact = ContactIds {
        whatsapp: Some(JOAO_WHATSAPP.into()),
        chat_id: Some(JOAO_CHAT.into()),
        email: Some("joao.conceicao@exemplo.com.br".into()),
    };
    c.assignee = Some(agent(1));
    c.in_service = true;
    c.updated_at = Some(now - 20 * MIN);
    let mut s = seed(TENANT, 1, c);
    s.custom_fields = vec![
        CustomField {
            key: "invoice".into(),
            label: "Número da fatura".into(),
            kind: "text".into(),
            value: json!("FAT-2026-10-558812"),
        },
        CustomField {
            key: "amount".into(),
            label: "Valor contestado".into(),
            kind: "money".into(),
            value: json!({"amount_minor": 18990, "currency": "BRL"}),
        },
        CustomField {
            key: "due_date".into(),
            label: "Vencimento".into(),
            kind: "date".into(),
            value: json!(t0 - 10 * DAY),
        },
        CustomField {
            key: "priority_customer".into(),
            label: "Cliente prioritário".into(),
            kind: "boolean".into(),
            value: json!(true),
        },
        CustomField {
            key: "crm".into(),
            label: "Ficha no CRM".into(),
            kind: "link".into(),
            value: json!("https://crm.exemplo.com.br/clientes/1"),
        },
    ];

    let wa = Some("whatsapp");
    let mut h = vec![
        event(ids, id, t0, "created", "Caso aberto pelo WhatsApp", None, None, wa, 1),
        event(
            ids,
            id,
            t0 + 2 * MIN,
            "message",
            "Bot coletou os dados iniciais do cliente",
            None,
            Some("Cliente informou CPF e número da fatura."),
            wa,
            1,
        ),
        event(
            ids,
            id,
            t0 + 15 * MIN,
            "assignment",
            "Caso atribuído a Ana Lima",
            Some(1),
            None,
            wa,
            2,
        ),
        event(
            ids,
            id,
            t0 + 20 * MIN,
            "status_change",
            "Status alterado para Em andamento",
            Some(1),
            None,
            wa,
            3,
        ),
        event(
            ids,
            id,
            t0 + 40 * MIN,
            "comment",
            "Comentário interno adicionado",
            Some(1),
            Some("Conferi a fatura: há dois lançamentos de R$ 189,90 no dia 05/10."),
            None,
            3,
        ),
        event(
            ids,
            id,
            t0 + HOUR,
            "transfer",
            "Caso transferido para o Financeiro",
            Some(1),
            Some("Estorno precisa de aprovação do Financeiro."),
            None,
            4,
        ),
        event(
            ids,
            id,
            t0 + 5 * HOUR,
            "call",
            "Ligação realizada para o cliente",
            Some(3),
            Some("Cliente confirmou os dados bancários."),
            Some("phone"),
            4,
        ),
        event(
            ids,
            id,
            t0 + DAY,
            "questionnaire",
            "Questionário de triagem respondido",
            Some(1),
            None,
            wa,
            3,
        ),
        event(
            ids,
            id,
            t0 + DAY + HOUR,
            "message",
            "E-mail enviado com o protocolo do estorno",
            Some(1),
            None,
            Some("email"),
            3,
        ),
        event(
            ids,
            id,
            t0 + 2 * DAY,
            "comment",
            "Comentário interno adicionado",
            Some(4),
            Some("Estorno aprovado, prazo de 5 dias úteis."),
            None,
            3,
        ),
        event(
            ids,
            id,
            t0 + 2 * DAY + 3 * HOUR,
            "message",
            "Cliente respondeu pelo chat do site",
            None,
            None,
            Some("chat"),
            3,
        ),
        event(
            ids,
            id,
            now - 20 * MIN,
            "status_change",
            "Status alterado para Em andamento",
            Some(1),
            Some("Aguardando confirmação do cliente sobre o estorno."),
            wa,
            3,
        ),
    ];
    h[7].questionnaires = vec![Questionnaire {
        id: 1,
        title: "Triagem de cobrança".into(),
        answers: vec![
            qa("Qual o valor contestado?", "R$ 189,90"),
            qa("O cliente já pagou a fatura?", "Sim, no vencimento"),
            qa("Forma de estorno preferida", "Crédito na próxima fatura"),
        ],
    }];
    s.history = h;

    let from = JOAO_WHATSAPP;
    s.calls = vec![
        call(
            ids,
            id,
            t0 + 30 * MIN,
            from,
            "inbound",
            "answered",
            Some(1),
            Some(7 * 60 + 32),
        ),
        // weeks old: "Últimos 7 dias" leaves it out, "Últimos 30 dias" keeps it
        call(
            ids,
            id,
            now - 20 * DAY,
            "(11) 3456-7890",
            "inbound",
            "missed",
            None,
            None,
        ),
        call(
            ids,
            id,
            t0 + 5 * HOUR,
            "5511912345678",
            "outbound",
            "answered",
            Some(3),
            Some(12 * 60 + 5),
        ),
        call(ids, id, t0 + DAY, from, "outbound", "busy", Some(1), Some(0)),
        call(
            ids,
            id,
            t0 + DAY + 2 * HOUR,
            "+55 11 3456-7890",
            "inbound",
            "abandoned",
            None,
            Some(48),
        ),
        call(ids, id, t0 + 2 * DAY, from, "outbound", "voicemail", Some(4), Some(35)),
        call(
            ids,
            id,
            t0 + 2 * DAY + 4 * HOUR,
            from,
            "inbound",
            "answered",
            Some(1),
            Some(3 * 60 + 10),
        ),
        call(ids, id, now - 3 * MIN, from, "inbound", "in_progress", Some(1), None),
    ];

    let mut whatsapp = vec![
        msg(
            ids,
            id,
            t0,
            "customer",
            Some("João"),
            "Boa tarde! Fui cobrado duas vezes na fatura de outubro.",
        ),
        msg(
            ids,
            id,
            t0 + MIN,
            "bot",
            Some("Assistente cVortex"),
            "Olá, João! Sou o assistente virtual. Pode me informar o número da fatura?",
        ),
        msg(ids, id, t0 + 2 * MIN, "customer", Some("João"), "FAT-2026-10-558812"),
        msg(
            ids,
            id,
            t0 + 3 * MIN,
            "system",
            None,
            "Conversa transferida para a fila Financeiro",
        ),
        msg(
            ids,
            id,
            t0 + 16 * MIN,
            "agent",
            Some("Ana Lima"),
            "Olá, João, aqui é a Ana. Já estou verificando a sua fatura.",
        ),
        msg(
            ids,
            id,
            t0 + 18 * MIN,
            "customer",
            Some("João"),
            "Segue o print do extrato.",
        ),
        msg(
            ids,
            id,
            t0 + 41 * MIN,
            "agent",
            Some("Ana Lima"),
            "Confirmei a duplicidade. Vou solicitar o estorno ao Financeiro.",
        ),
        msg(
            ids,
            id,
            t0 + DAY,
            "agent",
            Some("Ana Lima"),
            "Bom dia! O estorno foi aprovado e aparecerá na próxima fatura.",
        ),
        msg(
            ids,
            id,
            now - 25 * MIN,
            "customer",
            Some("João"),
            "Obrigado! Vou acompanhar 👍",
        ),
    ];
    whatsapp[5].files.push(MessageFile {
        name: "extrato-outubro.png".into(),
        mime_type: Some("image/png".into()),
        url: None,
    });
    whatsapp[5].text = Some("Segue o print do extrato.".into());
    let mut email1 = msg(
        ids,
        id,
        t0 + DAY + HOUR,
        "agent",
        Some("Ana Lima"),
        "Prezado João, segue o protocolo 2026-558812 do seu pedido de estorno.",
    );
    email1.subject = Some("Protocolo do seu pedido de estorno".into());
    email1.html = Some("<p>Prezado João,</p><p>Segue o protocolo <b>2026-558812</b> do seu pedido de estorno.</p><p>Atenciosamente,<br>Ana Lima</p>".into());
    let mut email2 = msg(
        ids,
        id,
        t0 + DAY + 3 * HOUR,
        "customer",
        Some("João da Silva Conceição"),
        "Recebido, obrigado.",
    );
    email2.subject = Some("RE: Protocolo do seu pedido de estorno".into());
    email2.html = Some(
        concat!(
            "<div>Recebido, obrigado.</div>",
            "<img src=\"https://rastreador.exemplo.com/pixel.gif\" alt=\"\">",
            "<script>window.__pwned && window.__pwned('email-script')</script>",
            "<a href=\"javascript:window.__pwned && window.__pwned('email-link')\">clique</a>",
            "<img src=x onerror=\"window.__pwned && window.__pwned('email-onerror')\">"
        )
        .into(),
    );
    let chat = vec![
        msg(
            ids,
            id,
            t0 + 2 * DAY + 3 * HOUR,
            "customer",
            Some("João"),
            "Oi, o estorno já foi feito?",
        ),
        msg(
            ids,
            id,
            t0 + 2 * DAY + 3 * HOUR + 2 * MIN,
            "agent",
            Some("Juliana Alves"),
            "Olá! Foi aprovado ontem, entra na próxima fatura.",
        ),
    ];
    s.interactions = vec![
        ChannelConversation {
            channel: "whatsapp".into(),
            identifier: Some(JOAO_WHATSAPP.into()),
            messages: whatsapp,
        },
        ChannelConversation {
            channel: "email".into(),
            identifier: Some("joao.conceicao@exemplo.com.br".into()),
            messages: vec![email1, email2],
        },
        ChannelConversation {
            channel: "chat".into(),
            identifier: Some(JOAO_CHAT.into()),
            messages: chat,
        },
    ];

    s.sla = vec![
        SlaTarget {
            id: ids.next(),
            case_id: id,
            name: "Primeira resposta".into(),
            status: "met".into(),
            target_seconds: 30 * 60,
            elapsed_seconds: 16 * 60,
            started_at: t0,
            due_at: Some(t0 + 30 * MIN),
            paused_since: None,
            completed_at: Some(t0 + 16 * MIN),
        },
        SlaTarget {
            id: ids.next(),
            case_id: id,
            name: "Resolução".into(),
            status: "running".into(),
            target_seconds: 5 * 24 * 3600,
            elapsed_seconds: (now - t0) / 1000,
            started_at: t0,
            due_at: Some(t0 + 5 * DAY),
            paused_since: None,
            completed_at: None,
        },
        SlaTarget {
            id: ids.next(),
            case_id: id,
            name: "Retorno ao cliente".into(),
            status: "paused".into(),
            target_seconds: 4 * 3600,
            elapsed_seconds: 95 * 60,
            started_at: t0 + DAY,
            due_at: None,
            paused_since: Some(now - 2 * HOUR),
            completed_at: None,
        },
        SlaTarget {
            id: ids.next(),
            case_id: id,
            name: "Tempo de espera na fila".into(),
            status: "breached".into(),
            target_seconds: 10 * 60,
            elapsed_seconds: 15 * 60,
            started_at: t0 + 3 * MIN,
            due_at: Some(t0 + 13 * MIN),
            paused_since: None,
            completed_at: Some(t0 + 18 * MIN),
        },
    ];

    s.attachments = vec![
        attachment(
            ids,
            id,
            t0 + 18 * MIN,
            "extrato-outubro.png",
            "image/png",
            from_channel("whatsapp"),
            "PNG (demonstração): extrato de outubro",
        ),
        attachment(
            ids,
            id,
            t0 + DAY + HOUR,
            "protocolo-estorno-2026-558812.pdf",
            "application/pdf",
            uploaded_by(1),
            "%PDF-1.4 (demonstração) protocolo de estorno 2026-558812",
        ),
        attachment(
            ids,
            id,
            t0 + DAY + 3 * HOUR,
            "comprovante pagamento.jpg",
            "image/jpeg",
            from_channel("email"),
            "JPEG (demonstração): comprovante de pagamento",
        ),
        attachment(
            ids,
            id,
            t0 + 2 * DAY,
            "aprovação-financeiro.txt",
            "text/plain",
            uploaded_by(4),
            "Estorno de R$ 189,90 aprovado pelo Financeiro.\n",
        ),
    ];

    s.surveys = vec![
        Survey {
            id: ids.next(),
            case_id: id,
            scale: "csat".into(),
            score: 4,
            requester: Some("João da Silva Conceição".into()),
            agent: Some(agent(1)),
            answered_at: t0 + 2 * DAY + HOUR,
            comment: Some("Atendimento rápido, mas o estorno demora.".into()),
            answers: vec![
                qa("O problema foi resolvido?", "Parcialmente"),
                qa("Como avalia a cordialidade?", "Muito boa"),
            ],
        },
        Survey {
            id: ids.next(),
            case_id: id,
            scale: "nps".into(),
            score: 9,
            requester: Some("João da Silva Conceição".into()),
            agent: Some(agent(1)),
            answered_at: t0 + 2 * DAY + 2 * HOUR,
            comment: Some("Recomendaria a loja.".into()),
            answers: vec![qa(
                "O que podemos melhorar?",
                "Avisar por e-mail quando o estorno cair.",
            )],
        },
    ];
    s
}

/// João's other cases: one per unification rule, plus eligible ones with content to move.
fn joao_other_cases(now: i64, ids: &mut Ids) -> Vec<SeedCase> {
    let d = |days: i64| now - days * DAY;
    let wa = |c: &mut CaseData, number: &str| c.contact.whatsapp = Some(number.into());
    let mut out = Vec::new();

    // 1002: eligible, same WhatsApp written differently, with content in every kind.
    let mut c = joao_case(1002, d(6), "whatsapp", "Segunda via da fatura de outubro");
    wa(&mut c, "5511912345678");
    c.status = status(4);
    c.assignee = Some(agent(2));
    let mut s = seed(TENANT, 1, c);
    s.history = vec![
        event(
            ids,
            1002,
            d(6),
            "created",
            "Caso aberto pelo WhatsApp",
            None,
            None,
            Some("whatsapp"),
            1,
        ),
        event(
            ids,
            1002,
            d(6) + HOUR,
            "message",
            "Segunda via enviada ao cliente",
            Some(2),
            None,
            Some("whatsapp"),
            4,
        ),
        event(
            ids,
            1002,
            d(5),
            "comment",
            "Comentário interno adicionado",
            Some(2),
            Some("Aguardando o cliente confirmar o recebimento."),
            None,
            4,
        ),
    ];
    s.interactions = vec![ChannelConversation {
        channel: "whatsapp".into(),
        identifier: Some("5511912345678".into()),
        messages: vec![
            msg(
                ids,
                1002,
                d(6),
                "customer",
                Some("João"),
                "Preciso da segunda via da fatura.",
            ),
            msg(
                ids,
                1002,
                d(6) + HOUR,
                "agent",
                Some("Maria Souza"),
                "Claro! Segue o PDF da segunda via.",
            ),
        ],
    }];
    s.calls = vec![call(
        ids,
        1002,
        d(6) + 2 * HOUR,
        JOAO_WHATSAPP,
        "inbound",
        "answered",
        Some(2),
        Some(240),
    )];
    s.attachments = vec![attachment(
        ids,
        1002,
        d(6) + HOUR,
        "segunda-via-outubro.pdf",
        "application/pdf",
        uploaded_by(2),
        "%PDF-1.4 (demonstração) segunda via",
    )];
    s.sla = vec![SlaTarget {
        id: ids.next(),
        case_id: 1002,
        name: "Primeira resposta".into(),
        status: "met".into(),
        target_seconds: 1800,
        elapsed_seconds: 600,
        started_at: d(6),
        due_at: Some(d(6) + 30 * MIN),
        paused_since: None,
        completed_at: Some(d(6) + 10 * MIN),
    }];
    s.surveys = vec![Survey {
        id: ids.next(),
        case_id: 1002,
        scale: "csat".into(),
        score: 5,
        requester: Some("João da Silva Conceição".into()),
        agent: Some(agent(2)),
        answered_at: d(5),
        comment: Some("Resolveram na hora.".into()),
        answers: Vec::new(),
    }];
    out.push(s);

    // 1003: eligible, e-mail only.
    let mut c = joao_case(1003, d(9), "email", "Atualização do endereço de cobrança");
    c.status = status(1);
    c.case_type = Some(case_type(2));
    let mut s = seed(TENANT, 1, c);
    let mut m = msg(
        ids,
        1003,
        d(9),
        "customer",
        Some("João da Silva Conceição"),
        "Mudei de endereço, por favor atualizem o cadastro.",
    );
    m.subject = Some("Novo endereço".into());
    s.interactions = vec![ChannelConversation {
        channel: "email".into(),
        identifier: Some("joao.conceicao@exemplo.com.br".into()),
        messages: vec![m],
    }];
    s.history = vec![event(
        ids,
        1003,
        d(9),
        "created",
        "Caso aberto por e-mail",
        None,
        None,
        Some("email"),
        1,
    )];
    out.push(s);

    // 1004: eligible, same chat id.
    let mut c = joao_case(1004, d(12), "chat", "Dúvida sobre o programa de pontos");
    c.contact.chat_id = Some(JOAO_CHAT.into());
    c.case_type = Some(case_type(3));
    let mut s = seed(TENANT, 1, c);
    s.interactions = vec![ChannelConversation {
        channel: "chat".into(),
        identifier: Some(JOAO_CHAT.into()),
        messages: vec![msg(ids, 1004, d(12), "customer", Some("João"), "Como uso meus pontos?")],
    }];
    s.history = vec![event(
        ids,
        1004,
        d(12),
        "created",
        "Caso aberto pelo chat do site",
        None,
        None,
        Some("chat"),
        2,
    )];
    out.push(s);

    // 1005: in service by Maria Souza.
    let mut c = joao_case(1005, d(1), "whatsapp", "Troca de produto com defeito");
    wa(&mut c, JOAO_WHATSAPP);
    c.status = status(3);
    c.in_service = true;
    c.assignee = Some(agent(2));
    out.push(seed(TENANT, 1, c));

    // 1006: finished (closed).
    let mut c = joao_case(1006, d(40), "whatsapp", "Entrega atrasada do pedido 88123");
    wa(&mut c, JOAO_WHATSAPP);
    c.status = status(6);
    c.closed_at = Some(d(38));
    c.closing_reason = vec!["Logística".into(), "Entrega realizada".into()];
    c.assignee = Some(agent(3));
    out.push(seed(TENANT, 1, c));

    // 1007: finished (resolved, a final status).
    let mut c = joao_case(1007, d(60), "email", "Cancelamento de assinatura");
    c.status = status(5);
    c.closed_at = Some(d(59));
    c.case_type = Some(case_type(4));
    c.assignee = Some(agent(4));
    out.push(seed(TENANT, 1, c));

    // 1008: a different WhatsApp number.
    let mut c = joao_case(1008, d(15), "whatsapp", "Pedido de reembolso do frete");
    wa(&mut c, "+55 11 98765-1234");
    out.push(seed(TENANT, 1, c));

    // 1009: a different chat id.
    let mut c = joao_case(1009, d(18), "chat", "Cupom de desconto não aplicado");
    c.contact.chat_id = Some("chat-99b2e1".into());
    out.push(seed(TENANT, 1, c));

    // 1010: already unified into 1002.
    let mut c = joao_case(1010, d(7), "whatsapp", "Segunda via (mensagem repetida)");
    wa(&mut c, JOAO_WHATSAPP);
    c.merged_into = Some(1002);
    out.push(seed(TENANT, 1, c));

    // 1011: eligible, a phone case.
    let mut c = joao_case(1011, d(4), "phone", "Confirmação de estorno por telefone");
    c.case_type = Some(case_type(3));
    let mut s = seed(TENANT, 1, c);
    s.calls = vec![call(
        ids,
        1011,
        d(4),
        "(11) 3456-7890",
        "inbound",
        "answered",
        Some(3),
        Some(421),
    )];
    out.push(s);

    // 1012: cancelled (final) on Instagram.
    let mut c = joao_case(1012, d(90), "instagram", "Comentário sobre promoção");
    c.status = status(7);
    c.closed_at = Some(d(89));
    c.case_type = Some(case_type(5));
    out.push(seed(TENANT, 1, c));

    // 1013: in service AND a different WhatsApp (reasons combine).
    let mut c = joao_case(1013, d(2), "whatsapp", "Alteração de plano");
    wa(&mut c, "+55 11 97777-0001");
    c.in_service = true;
    c.status = status(3);
    c.assignee = Some(agent(3));
    out.push(seed(TENANT, 1, c));

    // 1014: eligible, Messenger.
    let mut c = joao_case(1014, d(3), "messenger", "Prazo de entrega para o CEP 04101-000");
    c.status = status(4);
    c.case_type = Some(case_type(3));
    let mut s = seed(TENANT, 1, c);
    s.interactions = vec![ChannelConversation {
        channel: "messenger".into(),
        identifier: Some("joao.conceicao.9".into()),
        messages: vec![msg(
            ids,
            1014,
            d(3),
            "customer",
            Some("João"),
            "Qual o prazo para o meu CEP?",
        )],
    }];
    out.push(s);
    out
}

/// A few cases of other customers (the start page lists them) and of the other tenant.
fn other_cases(now: i64, ids: &mut Ids) -> Vec<SeedCase> {
    let base = |id: CaseId, days: i64, channel: &str, subject: &str, status_id: i64, email: &str| {
        let mut c = joao_case(id, now - days * DAY, channel, subject);
        c.status = status(status_id);
        c.contact = ContactIds {
            whatsapp: None,
            chat_id: None,
            email: Some(email.into()),
        };
        if status(status_id).is_final {
            c.closed_at = Some(now - (days - 1) * DAY);
        }
        c
    };
    let mut mariana = seed(
        TENANT,
        2,
        base(
            1020,
            2,
            "email",
            "Nota fiscal com CNPJ incorreto",
            2,
            "mariana.santos@exemplo.com.br",
        ),
    );
    mariana.history = vec![event(
        ids,
        1020,
        now - 2 * DAY,
        "created",
        "Caso aberto por e-mail",
        None,
        None,
        Some("email"),
        1,
    )];
    let mut other = seed(
        OTHER_TENANT,
        50,
        base(
            2001,
            1,
            "whatsapp",
            "Caso de outra empresa",
            2,
            "luis.martins@exemplo.com.br",
        ),
    );
    other.history = vec![event(
        ids,
        2001,
        now - DAY,
        "created",
        "Caso de outro tenant",
        None,
        None,
        None,
        1,
    )];
    vec![
        mariana,
        seed(
            TENANT,
            2,
            base(
                1021,
                30,
                "phone",
                "Dúvida sobre boleto",
                6,
                "mariana.santos@exemplo.com.br",
            ),
        ),
        seed(
            TENANT,
            3,
            base(
                1030,
                5,
                "messenger",
                "Produto fora de estoque",
                3,
                "roberto.lima@exemplo.com.br",
            ),
        ),
        seed(
            TENANT,
            4,
            base(
                1040,
                8,
                "instagram",
                "Elogio ao atendimento da loja",
                5,
                "fernanda.avila@exemplo.com.br",
            ),
        ),
        other,
    ]
}

pub fn data_set(now: i64) -> DataSet {
    let (tenants, agents) = tenants_and_agents();
    let mut ids = Ids(0);
    let mut cases = vec![open_case(now, &mut ids)];
    cases.extend(joao_other_cases(now, &mut ids));
    cases.extend(other_cases(now, &mut ids));
    DataSet {
        tenants,
        agents,
        customers: customers(),
        cases,
        upload_limits: upload_limits(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvortex_domain::eligibility::{ineligibility, Ineligibility};
    use cvortex_domain::format::cpf_is_valid;

    #[test]
    fn every_cpf_is_valid_and_every_status_is_used() {
        let data = data_set(1_780_000_000_000);
        for c in &data.customers {
            for d in c.customer.documents.iter().filter(|d| d.kind == "cpf") {
                assert!(cpf_is_valid(&d.number), "{}", d.number);
            }
        }
        for id in 1..=7 {
            assert!(data.cases.iter().any(|c| c.case.status.id == id), "status {id} unused");
        }
    }

    #[test]
    fn joao_has_at_least_12_cases_covering_every_rule() {
        let data = data_set(1_780_000_000_000);
        let joao: Vec<CustomerCase> = data
            .cases
            .iter()
            .filter(|c| c.customer_id == 1)
            .map(|c| crate::store::to_customer_case(&c.case, ContentCounts::default(), None))
            .collect();
        assert!(joao.len() >= 12);
        let open = joao.iter().find(|c| c.id == OPEN_CASE).unwrap();
        let reasons: Vec<Ineligibility> = joao.iter().flat_map(|c| ineligibility(open, c)).collect();
        let has = |f: fn(&Ineligibility) -> bool| reasons.iter().any(f);
        assert!(has(|r| matches!(r, Ineligibility::OpenCase)));
        assert!(has(|r| matches!(r, Ineligibility::InService { .. })));
        assert!(has(|r| matches!(r, Ineligibility::Finished { .. })));
        assert!(has(|r| matches!(r, Ineligibility::DifferentWhatsapp { .. })));
        assert!(has(|r| matches!(r, Ineligibility::DifferentChat { .. })));
        assert!(has(|r| matches!(r, Ineligibility::AlreadyUnified { .. })));
        assert!(joao.iter().filter(|c| ineligibility(open, c).is_empty()).count() >= 4);
    }

    #[test]
    fn calls_cover_every_status_and_sla_every_state() {
        let data = data_set(1_780_000_000_000);
        let open = data.cases.iter().find(|c| c.case.id == OPEN_CASE).unwrap();
        for s in ["answered", "missed", "busy", "abandoned", "voicemail", "in_progress"] {
            assert!(open.calls.iter().any(|c| c.status == s), "{s}");
        }
        for s in ["met", "running", "paused", "breached"] {
            assert!(open.sla.iter().any(|t| t.status == s), "{s}");
        }
        let channels: Vec<&str> = open.interactions.iter().map(|c| c.channel.as_str()).collect();
        assert!(channels.contains(&"whatsapp") && channels.contains(&"email"));
    }
}
