use super::{
    AttachmentTexts, CallTexts, CaseDataTexts, CustomerTexts, ErrorTexts, HistoryTexts, InteractionTexts, LiveTexts,
    SlaTexts, StartTexts, SurveyTexts, Texts,
};

/// A count as this locale writes it ("10.000" / "10,000").
fn n(v: usize) -> String {
    crate::fmt::count(v, super::Locale::PtBr)
}

pub static TEXTS: Texts = Texts {
    switch_locale: "English",
    date_format: "dd/mm/aaaa",
    date_hint: "Data no formato dd/mm/aaaa. As setas para cima e para baixo mudam o dia, o mês ou o ano sob o cursor.",
    modal_title: "Informações do Atendimento",
    case_number: |id| format!("Caso #{id}"),
    close: "Fechar",
    more_tabs: |n| format!("Mais ({n})"),
    details: "Detalhes",
    tabs_label: "Seções do atendimento",
    loading: "Carregando…",
    retry: "Tentar novamente",
    tab_failed: |tab| format!("Não foi possível carregar {tab}."),
    yes: "Sim",
    no: "Não",
    none: "Não informado",
    copy: |what| format!("Copiar {what}"),
    copied: "Copiado!",
    copy_failed: "Não foi possível copiar",
    channel: |c| {
        Some(match c {
            "whatsapp" => "WhatsApp",
            "email" => "E-mail",
            "chat" => "Chat",
            "messenger" => "Messenger",
            "instagram" => "Instagram",
            "phone" => "Telefone",
            "telegram" => "Telegram",
            "sms" => "SMS",
            _ => return None,
        })
    },
    document_kind: |k| {
        Some(match k {
            "cpf" => "CPF",
            "cnpj" => "CNPJ",
            "rg" => "RG",
            "passport" => "Passaporte",
            _ => return None,
        })
    },
    clipped: |n| format!(" … (mais {n} caracteres não exibidos)"),
    decimal_mark: ',',
    clear_filters: "Limpar filtros",
    results: |shown, total| {
        format!(
            "{} de {} {}",
            n(shown),
            n(total),
            if total == 1 { "registro" } else { "registros" }
        )
    },
    empty_none: "Ainda não há registros neste caso.",
    empty_filtered: |query, filters| match (query.trim().is_empty(), filters) {
        (true, n) => format!(
            "Nenhum registro atende {} selecionado{}.",
            if n == 1 { "ao filtro" } else { "aos filtros" },
            if n == 1 { "" } else { "s" }
        ),
        (false, 0) => format!("Nenhum registro corresponde à busca “{}”.", query.trim()),
        (false, n) => format!(
            "Nenhum registro corresponde à busca “{}” com {n} filtro{} ativo{}.",
            query.trim(),
            if n == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" }
        ),
    },
    no_agent: "Sem responsável",
    no_channel: "Sem canal",
    dismiss: "Fechar aviso",
    from_case: |id| format!("Do caso #{id} (unificado)"),
    errors: ErrorTexts {
        session_expired: "Sessão expirada. Entre novamente para continuar.",
        forbidden: "Você não tem permissão para ver estas informações.",
        not_found: "Não encontrado: o caso pode ter sido removido ou você não tem acesso a ele.",
        conflict: "Os dados mudaram no servidor. Recarregue e tente de novo.",
        rate_limited: |secs| match secs {
            Some(s) => format!("Muitas requisições. Tente novamente em {s} s."),
            None => "Muitas requisições. Tente novamente em instantes.".into(),
        },
        server: "O servidor encontrou um erro.",
        unavailable: "O serviço está indisponível no momento.",
        timeout: "O servidor demorou demais para responder.",
        network: "Sem conexão com o servidor.",
        bad_data: "O servidor enviou dados em um formato inesperado.",
        rejected: "O servidor recusou a solicitação.",
        undo_blocked: |u, case| format!("Desfaça antes a unificação #{u}, que levou estes itens ao caso #{case}."),
        case_unified: |case| format!("Este caso foi unificado ao caso #{case}: anexe lá."),
        quota: "A cota de anexos foi atingida: nada foi enviado.",
        too_slow: "O envio demorou demais para chegar ao servidor: nada foi recebido.",
    },
    case_data: CaseDataTexts {
        label: "Dados do Caso",
        customer_section: "Dados do Caso",
        service_section: "Dados do Atendimento",
        name: "Nome",
        phones: "Telefones",
        emails: "E-mails",
        documents: "Documentos",
        case_id: "ID do caso",
        external_id: "ID externo",
        subject: "Assunto",
        case_type: "Tipo de caso",
        status: "Status",
        channel: "Canal de origem",
        opening_reason: "Razão de abertura",
        closing_reason: "Razão de fechamento",
        assignee: "Responsável",
        business_unit: "Unidade de negócio",
        created_at: "Criado em",
        updated_at: "Última atualização",
        closed_at: "Fechado em",
        summary: "Resumo",
        custom_fields: "Campos personalizados",
        state_in_service: "Em atendimento",
        state_finished: "Finalizado",
        state_open: "Aguardando atendimento",
        state_unified: |id| format!("Unificado ao caso #{id}"),
    },
    history: HistoryTexts {
        label: "Histórico do Caso",
        table: "Histórico do caso",
        col_when: "Data/hora",
        col_action: "Ação",
        col_agent: "Responsável",
        col_comment: "Comentário",
        col_channel: "Canal",
        col_status: "Situação",
        col_questionnaires: "Questionários",
        questionnaires: |n| {
            if n == 1 {
                "1 questionário".into()
            } else {
                format!("{n} questionários")
            }
        },
        action: |a| {
            Some(match a {
                "created" => "Abertura",
                "status_change" => "Mudança de status",
                "assignment" => "Atribuição",
                "comment" => "Comentário",
                "message" => "Mensagem",
                "questionnaire" => "Questionário",
                "transfer" => "Transferência",
                "call" => "Ligação",
                "unification" => "Unificação",
                "unification_undone" => "Unificação desfeita",
                "closed" => "Fechamento",
                _ => return None,
            })
        },
        filter_user: "Usuário",
        filter_comments: "Comentários",
        filter_channel: "Canal",
        filter_action: "Ação",
        comments_any: "Todos",
        comments_with: "Com comentário",
        comments_without: "Sem comentário",
        comments_containing: "Comentário contém…",
        search: "Buscar na descrição e nos comentários",
        order_newest: "Mais recentes primeiro",
        order_oldest: "Mais antigos primeiro",
    },
    customer: CustomerTexts {
        label: "Histórico do Cliente",
        table: "Atendimentos do cliente",
        col_select: "Selecionar",
        col_created: "Abertura",
        col_closed: "Encerramento",
        col_id: "Caso",
        col_type: "Tipo",
        col_subject: "Assunto",
        col_status: "Situação",
        col_agent: "Responsável",
        col_updated: "Última atualização",
        col_channel: "Canal",
        col_action: "Ação",
        search: "Buscar por usuário, comentário, canal, ação, número ou assunto",
        continue_case: "Continuar atendimento",
        continue_label: |id| format!("Continuar o atendimento do caso #{id}"),
        select_case: |id| format!("Selecionar o caso #{id} para unificar"),
        select_all: "Selecionar todos os casos elegíveis",
        current: "Caso aberto",
        selected: |n| match n {
            0 => "Nenhum caso selecionado".into(),
            1 => "1 caso selecionado".into(),
            n => format!("{n} casos selecionados"),
        },
        unify: "Unificar Atendimentos",
        unifying: "Unificando…",
        confirm_title: |n, target| {
            if n == 1 {
                format!("Unificar 1 atendimento ao caso #{target}?")
            } else {
                format!("Unificar {n} atendimentos ao caso #{target}?")
            }
        },
        confirm_body: "O conteúdo abaixo passará para o caso aberto. SLA e pesquisas de cada caso são mantidos, e a unificação pode ser desfeita por alguns minutos.",
        confirm: "Confirmar unificação",
        cancel: "Cancelar",
        counts: |c| {
            let parts: Vec<String> = [
                (c.history, "evento", "eventos"),
                (c.interactions, "interação", "interações"),
                (c.calls, "ligação", "ligações"),
                (c.attachments, "anexo", "anexos"),
                (c.surveys, "pesquisa", "pesquisas"),
            ]
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
            if parts.is_empty() {
                "nenhum conteúdo".into()
            } else {
                parts.join(", ")
            }
        },
        total: "Total",
        done: |ids, target| {
            let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
            if ids.len() == 1 {
                format!("Caso {list} unificado ao caso #{target}.")
            } else {
                format!("Casos {list} unificados ao caso #{target}.")
            }
        },
        undo: "Desfazer",
        undo_until: |time| format!("Pode ser desfeita até {time}."),
        undoing: "Desfazendo…",
        undone: |ids| {
            let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
            format!("Unificação desfeita: {list} voltou a ser atendimento separado.")
        },
        undo_failed: "Não foi possível desfazer a unificação",
        refused_title: "Nenhum caso foi unificado",
        refused_case: |id, why| format!("Caso #{id}: {why}"),
        failed_title: "A unificação não foi concluída",
        failed_note: "Nada foi unificado e sua seleção foi mantida.",
        refused_note: "Os casos recusados saíram da seleção; os demais continuam selecionados.",
        unknown_title: "Não foi possível confirmar a unificação",
        unknown_note: "A resposta do servidor não chegou: a unificação pode ter sido feita. Sua seleção foi mantida; tentar novamente é seguro e nunca unifica duas vezes.",
        open_missing: "O caso aberto não aparece na lista do cliente: não é possível unificar agora.",
        open_finished: "Este caso está finalizado: não é possível unificar atendimentos nele.",
        reason_open_case: "Caso aberto",
        reason_open_case_long: "Este é o caso aberto",
        reason_unified: "Já unificado",
        reason_unified_long: |id| format!("Já unificado ao caso #{id}"),
        reason_in_service: "Em atendimento",
        reason_in_service_long: |agent| match agent {
            Some(a) => format!("Em atendimento por {a}"),
            None => "Em atendimento".into(),
        },
        reason_finished: "Finalizado",
        reason_finished_long: |date| match date {
            Some(d) => format!("Finalizado em {d}"),
            None => "Finalizado".into(),
        },
        reason_diff_whatsapp: "WhatsApp diferente",
        reason_diff_whatsapp_long: |n| format!("WhatsApp diferente: {n}"),
        reason_diff_chat: "Chat diferente",
        reason_diff_chat_long: |c| format!("Identificador de chat diferente: {c}"),
        reason_not_found: "Não encontrado",
        reason_not_found_long: "Não é um caso deste cliente",
    },
    calls: CallTexts {
        label: "Histórico de Ligações",
        table: "Ligações do caso",
        col_when: "Data e hora",
        col_phone: "Telefone de origem",
        col_status: "Status da chamada",
        col_agent: "Responsável",
        col_duration: "Duração",
        col_direction: "Direção",
        status: |s| {
            Some(match s {
                "answered" => "Atendida",
                "missed" => "Não atendida",
                "busy" => "Ocupado",
                "abandoned" => "Abandonada",
                "voicemail" => "Caixa postal",
                "in_progress" => "Em andamento",
                _ => return None,
            })
        },
        direction: |d| {
            Some(match d {
                "inbound" => "Recebida",
                "outbound" => "Realizada",
                _ => return None,
            })
        },
        filter_status: "Status",
        filter_agent: "Atendente",
        from: "De",
        to: "Até",
        today: "Hoje",
        last7: "Últimos 7 dias",
        last30: "Últimos 30 dias",
        search: "Buscar por telefone",
        period_inverted: "A data inicial é posterior à data final: ajuste o período.",
        period_invalid: "Data inválida: use o formato dd/mm/aaaa.",
        totals: |calls, talk| {
            format!(
                "{} {} · {talk} de conversa",
                n(calls),
                if calls == 1 { "ligação" } else { "ligações" }
            )
        },
        ongoing: "em andamento",
    },
    interactions: InteractionTexts {
        label: "Interações",
        empty: "Nenhuma interação registrada neste caso.",
        channels: "Canais com interações",
        channel_label: |name, count, last| {
            format!(
                "{name}: {} {}, última em {last}",
                n(count),
                if count == 1 { "mensagem" } else { "mensagens" }
            )
        },
        search: "Buscar nas mensagens deste canal",
        conversation: |c| format!("Conversa por {c}"),
        results: |shown, total| {
            if shown == total {
                format!("{} {}", n(total), if total == 1 { "mensagem" } else { "mensagens" })
            } else {
                format!("{} de {} mensagens", n(shown), n(total))
            }
        },
        earlier: |count| {
            format!(
                "Mostrar {} {} anterior{}",
                n(count),
                if count == 1 { "mensagem" } else { "mensagens" },
                if count == 1 { "" } else { "es" }
            )
        },
        none_found: "Nenhuma mensagem corresponde à busca.",
        sender_kind: |k| {
            Some(match k {
                "customer" => "Cliente",
                "agent" => "Atendente",
                "bot" => "Bot",
                "system" => "Sistema",
                _ => return None,
            })
        },
        email_frame: |s| format!("Corpo do e-mail {s}"),
        files: "Arquivos",
    },
    sla: SlaTexts {
        label: "SLA",
        list: "Metas de SLA do caso",
        status: |s| {
            Some(match s {
                "running" => "Em andamento",
                "paused" => "Pausado",
                "met" => "Cumprido",
                "breached" => "Violado",
                _ => return None,
            })
        },
        running_late: "Violado (em andamento)",
        elapsed: "Tempo de execução",
        target: "Meta",
        due: "Vencimento",
        left: "Tempo restante",
        overdue: "Atrasado há",
        progress: "Tempo consumido da meta",
        paused_since: |d| format!("Pausado desde {d}."),
        met_at: |d| format!("Cumprido em {d}."),
        empty: "Nenhuma meta de SLA se aplica a este caso.",
    },
    attachments: AttachmentTexts {
        label: "Anexos",
        table: "Anexos do caso",
        col_select: "Selecionar",
        col_name: "Arquivo",
        col_size: "Tamanho",
        col_origin: "Origem",
        col_when: "Data",
        col_action: "Baixar",
        select: |n| format!("Selecionar {n}"),
        select_all: "Selecionar todos os anexos exibidos",
        search: "Buscar pelo nome do arquivo",
        attach: "Anexar arquivo",
        drop: "Solte o arquivo aqui para anexar",
        limits: |max, types| format!("Até {max} por arquivo · {types}"),
        download: "Baixar",
        download_label: |n| format!("Baixar {n}"),
        zip: |n| match n {
            0 => "Baixar selecionados (.zip)".into(),
            n => format!("Baixar {n} selecionado{} (.zip)", if n == 1 { "" } else { "s" }),
        },
        zipping: |i, n| format!("Preparando {i} de {n}…"),
        zip_name: |id| format!("anexos-caso-{id}.zip"),
        origin_channel: |c| format!("Recebido por {c}"),
        origin_upload: |who| format!("Enviado por {who}"),
        origin_other: "Origem não informada",
        uploading: |n| format!("Enviando {n}…"),
        uploaded: |n| format!("{n} foi anexado ao caso."),
        cancel: "Cancelar envio",
        cancelled: |n| format!("Envio de {n} cancelado: nada foi anexado."),
        failed: |n| format!("Não foi possível anexar {n}: nada foi anexado."),
        unknown: |n| format!("Não foi possível confirmar o envio de {n}: a resposta do servidor não chegou e o arquivo pode ter sido anexado. Tentar novamente é seguro: ele nunca é anexado duas vezes."),
        refused_empty: |n| format!("{n} está vazio e não foi enviado."),
        refused_large: |n, size, max| format!("{n} tem {size}, acima do limite de {max}: não foi enviado."),
        refused_quota: |n, left| format!("{n} não cabe na cota de anexos deste caso (restam {left}): não foi enviado."),
        refused_type: |n, mime, allowed| format!("{n}: o tipo {mime} não é permitido ({allowed}). Não foi enviado."),
        download_failed: |n| format!("Não foi possível baixar {n}"),
        progress: "Progresso do envio",
    },
    surveys: SurveyTexts {
        label: "Pesquisa de Satisfação",
        list: "Pesquisas de satisfação do caso",
        scale: |s| match s {
            "csat" => "CSAT".into(),
            "nps" => "NPS".into(),
            other => other.to_ascii_uppercase(),
        },
        stars: |n| format!("{n} de 5 estrelas"),
        nps: |n| format!("{n} de 10"),
        band: |b| match b {
            cvortex_domain::survey::NpsBand::Promoter => "Promotor",
            cvortex_domain::survey::NpsBand::Neutral => "Neutro",
            cvortex_domain::survey::NpsBand::Detractor => "Detrator",
        },
        unrated: |n| format!("Nota {n} (fora da escala)"),
        requester: "Solicitante",
        agent: "Responsável na pesquisa",
        answered: "Respondida em",
        show: "Ver comentários",
        hide: "Ocultar comentários",
        comment: "Comentário",
        no_comment: "Sem comentários.",
        none: "Nenhuma pesquisa foi respondida neste caso.",
        not_configured: "Nenhuma pesquisa de satisfação está configurada para este atendimento.",
    },
    start: StartTexts {
        title: "Casos",
        intro: "Clique no número de um caso para abrir as Informações do Atendimento.",
        col_case: "Caso",
        col_customer: "Cliente",
        col_subject: "Assunto",
        col_status: "Status",
        col_channel: "Canal",
        col_created: "Criado em",
        more: |n, total| format!("Mostrando os {n} primeiros de {total} casos."),
        open_case: |id| format!("Abrir as informações do caso #{id}"),
    },
    live: LiveTexts {
        connecting: "Conectando…",
        live: "Ao vivo",
        reconnecting: "Reconectando…",
        offline: |since, at| format!("Sem conexão desde {since} · dados de {at}"),
        off: "Atualização automática desligada",
        kept: |at, failed| {
            if failed {
                format!("Não foi possível atualizar · dados de {at}")
            } else {
                format!("Atualizando · dados de {at}")
            }
        },
        others: "Também com este caso aberto",
        unseen: |n| if n == 1 { "1 novidade".into() } else { format!("{n} novidades") },
        arrived: |tab, n| if n == 1 { format!("{tab}: 1 novidade") } else { format!("{tab}: {n} novidades") },
        case_changed: |who, fields| match who {
            Some(w) => format!("{w} alterou {fields} deste caso."),
            None => format!("O caso foi alterado: {fields}."),
        },
        field: |f| {
            Some(match f {
                "status" => "o status",
                "assignee" => "o responsável",
                "in_service" => "o atendimento",
                "merged_into" => "a unificação",
                "closed_at" => "o encerramento",
                _ => return None,
            })
        },
        left_selection: |id, why| format!("#{id} saiu da seleção: {why}."),
        new_messages: |n| if n == 1 { "1 nova mensagem".into() } else { format!("{n} novas mensagens") },
    },
};
