use super::{ModalTab, Texts};

pub static TEXTS: Texts = Texts {
    modal_title: "Informações do Atendimento",
    case_number: |id| format!("Caso #{id}"),
    close: "Fechar",
    tabs_label: "Seções do atendimento",
    tab: |t| match t {
        ModalTab::CaseData => "Dados do Caso",
        ModalTab::CaseHistory => "Histórico do Caso",
        ModalTab::CustomerHistory => "Histórico do Cliente",
        ModalTab::Calls => "Histórico de Ligações",
        ModalTab::Interactions => "Interações",
        ModalTab::Sla => "SLA",
        ModalTab::Attachments => "Anexos",
        ModalTab::Surveys => "Pesquisa de Satisfação",
    },
    loading: "Carregando…",
    retry: "Tentar novamente",
    tab_failed: |tab| format!("Não foi possível carregar {tab}."),
    err_session_expired: "Sessão expirada. Entre novamente para continuar.",
    err_forbidden: "Você não tem permissão para ver estas informações.",
    err_not_found: "Não encontrado: o caso pode ter sido removido ou você não tem acesso a ele.",
    err_conflict: "Os dados mudaram no servidor. Recarregue e tente de novo.",
    err_rate_limited: |secs| match secs {
        Some(s) => format!("Muitas requisições. Tente novamente em {s} s."),
        None => "Muitas requisições. Tente novamente em instantes.".into(),
    },
    err_server: "O servidor encontrou um erro.",
    err_unavailable: "O serviço está indisponível no momento.",
    err_timeout: "O servidor demorou demais para responder.",
    err_network: "Sem conexão com o servidor.",
    err_bad_data: "O servidor enviou dados em um formato inesperado.",
    err_rejected: "O servidor recusou a solicitação.",
    customer_section: "Dados do Caso",
    service_section: "Dados do Atendimento",
    f_name: "Nome",
    f_phones: "Telefones",
    f_emails: "E-mails",
    f_documents: "Documentos",
    f_case_id: "ID do caso",
    f_external_id: "ID externo",
    f_subject: "Assunto",
    f_case_type: "Tipo de caso",
    f_status: "Status",
    f_channel: "Canal de origem",
    f_opening_reason: "Razão de abertura",
    f_closing_reason: "Razão de fechamento",
    f_assignee: "Responsável",
    f_business_unit: "Unidade de negócio",
    f_created_at: "Criado em",
    f_updated_at: "Última atualização",
    f_closed_at: "Fechado em",
    f_summary: "Resumo",
    f_custom_fields: "Campos personalizados",
    state_in_service: "Em atendimento",
    state_finished: "Finalizado",
    state_open: "Aguardando atendimento",
    state_unified: |id| format!("Unificado ao caso #{id}"),
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
    relative: |secs| match secs {
        s if s < 0 => "no futuro".into(),
        s if s < 60 => "agora há pouco".into(),
        s if s < 3600 => format!("há {} min", s / 60),
        s if s < 2 * 3600 => "há 1 hora".into(),
        s if s < 86_400 => format!("há {} horas", s / 3600),
        s if s < 2 * 86_400 => "ontem".into(),
        s if s < 30 * 86_400 => format!("há {} dias", s / 86_400),
        s if s < 60 * 86_400 => "há 1 mês".into(),
        s if s < 365 * 86_400 => format!("há {} meses", s / (30 * 86_400)),
        s if s < 2 * 365 * 86_400 => "há 1 ano".into(),
        s => format!("há {} anos", s / (365 * 86_400)),
    },
    start_title: "Casos",
    start_intro: "Clique no número de um caso para abrir as Informações do Atendimento.",
    col_case: "Caso",
    col_customer: "Cliente",
    col_subject: "Assunto",
    col_status: "Status",
    col_channel: "Canal",
    col_created: "Criado em",
    start_more: |n, total| format!("Mostrando os {n} primeiros de {total} casos."),
    clipped: |n| format!(" … (mais {n} caracteres não exibidos)"),
    decimal_mark: ',',
    open_case: |id| format!("Abrir as informações do caso #{id}"),
    signing_in: "Conectando ao cVortex…",
    switch_locale: "English",
    empty_list: "Nada para mostrar.",
    clear_filters: "Limpar filtros",
    results: |shown, total| {
        format!(
            "{shown} de {total} {}",
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
    h_table: "Histórico do caso",
    h_col_when: "Data/hora",
    h_col_action: "Ação",
    h_col_agent: "Responsável",
    h_col_comment: "Comentário",
    h_col_channel: "Canal",
    h_col_status: "Situação",
    h_col_questionnaires: "Questionários",
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
    h_filter_user: "Usuário",
    h_filter_comments: "Comentários",
    h_filter_channel: "Canal",
    h_filter_action: "Ação",
    comments_any: "Todos",
    comments_with: "Com comentário",
    comments_without: "Sem comentário",
    comments_containing: "Comentário contém…",
    h_search: "Buscar na descrição e nos comentários",
    order_newest: "Mais recentes primeiro",
    order_oldest: "Mais antigos primeiro",
    c_table: "Ligações do caso",
    c_col_when: "Data e hora",
    c_col_phone: "Telefone de origem",
    c_col_status: "Status da chamada",
    c_col_agent: "Responsável",
    c_col_duration: "Duração",
    c_col_direction: "Direção",
    call_status: |s| {
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
    c_filter_status: "Status",
    c_filter_agent: "Atendente",
    c_from: "De",
    c_to: "Até",
    c_today: "Hoje",
    c_last7: "Últimos 7 dias",
    c_last30: "Últimos 30 dias",
    c_search: "Buscar por telefone",
    c_period_inverted: "A data inicial é posterior à data final: ajuste o período.",
    c_period_invalid: "Data inválida: use o formato dd/mm/aaaa.",
    c_totals: |n, talk| {
        format!(
            "{n} {} · {talk} de conversa",
            if n == 1 { "ligação" } else { "ligações" }
        )
    },
    c_ongoing: "em andamento",
    cc_table: "Atendimentos do cliente",
    cc_col_select: "Selecionar",
    cc_col_created: "Abertura",
    cc_col_closed: "Encerramento",
    cc_col_id: "Caso",
    cc_col_type: "Tipo",
    cc_col_subject: "Assunto",
    cc_col_status: "Situação",
    cc_col_agent: "Responsável",
    cc_col_updated: "Última atualização",
    cc_col_channel: "Canal",
    cc_col_action: "Ação",
    cc_search: "Buscar por usuário, comentário, canal, ação, número ou assunto",
    cc_continue: "Continuar atendimento",
    cc_continue_label: |id| format!("Continuar o atendimento do caso #{id}"),
    cc_select_case: |id| format!("Selecionar o caso #{id} para unificar"),
    cc_select_all: "Selecionar todos os casos elegíveis",
    cc_current: "Caso aberto",
    cc_selected: |n| match n {
        0 => "Nenhum caso selecionado".into(),
        1 => "1 caso selecionado".into(),
        n => format!("{n} casos selecionados"),
    },
    cc_unify: "Unificar Atendimentos",
    cc_unifying: "Unificando…",
    cc_confirm_title: |n, target| {
        if n == 1 {
            format!("Unificar 1 atendimento ao caso #{target}?")
        } else {
            format!("Unificar {n} atendimentos ao caso #{target}?")
        }
    },
    cc_confirm_body: "O conteúdo abaixo passará para o caso aberto. SLA e pesquisas de cada caso são mantidos, e a unificação pode ser desfeita por alguns minutos.",
    cc_confirm: "Confirmar unificação",
    cc_cancel: "Cancelar",
    cc_counts: |c| {
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
    cc_total: "Total",
    cc_done: |ids, target| {
        let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
        if ids.len() == 1 {
            format!("Caso {list} unificado ao caso #{target}.")
        } else {
            format!("Casos {list} unificados ao caso #{target}.")
        }
    },
    cc_undo: "Desfazer",
    cc_undo_until: |time| format!("Pode ser desfeita até {time}."),
    cc_undoing: "Desfazendo…",
    cc_undone: |ids| {
        let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
        format!("Unificação desfeita: {list} voltou a ser atendimento separado.")
    },
    cc_undo_failed: "Não foi possível desfazer a unificação",
    cc_refused_title: "Nenhum caso foi unificado",
    cc_refused_case: |id, why| format!("Caso #{id}: {why}"),
    cc_failed_title: "A unificação não foi concluída",
    cc_failed_note: "Nada foi unificado e sua seleção foi mantida.",
    cc_refused_note: "Os casos recusados saíram da seleção; os demais continuam selecionados.",
    cc_unknown_title: "Não foi possível confirmar a unificação",
    cc_unknown_note: "A resposta do servidor não chegou: a unificação pode ter sido feita. Sua seleção foi mantida; tentar novamente é seguro e nunca unifica duas vezes.",
    cc_open_missing: "O caso aberto não aparece na lista do cliente: não é possível unificar agora.",
    cc_dismiss: "Fechar aviso",
    r_open_case: "Caso aberto",
    r_open_case_long: "Este é o caso aberto",
    r_unified: "Já unificado",
    r_unified_long: |id| format!("Já unificado ao caso #{id}"),
    r_in_service: "Em atendimento",
    r_in_service_long: |agent| match agent {
        Some(a) => format!("Em atendimento por {a}"),
        None => "Em atendimento".into(),
    },
    r_finished: "Finalizado",
    r_finished_long: |date| match date {
        Some(d) => format!("Finalizado em {d}"),
        None => "Finalizado".into(),
    },
    r_diff_whatsapp: "WhatsApp diferente",
    r_diff_whatsapp_long: |n| format!("WhatsApp diferente: {n}"),
    r_diff_chat: "Chat diferente",
    r_diff_chat_long: |c| format!("Identificador de chat diferente: {c}"),
    r_not_found: "Não encontrado",
    r_not_found_long: "Não é um caso deste cliente",
    from_case: |id| format!("Do caso #{id} (unificado)"),
    sla_list: "Metas de SLA do caso",
    sla_status: |s| {
        Some(match s {
            "running" => "Em andamento",
            "paused" => "Pausado",
            "met" => "Cumprido",
            "breached" => "Violado",
            _ => return None,
        })
    },
    sla_running_late: "Violado (em andamento)",
    sla_elapsed: "Tempo de execução",
    sla_target: "Meta",
    sla_due: "Vencimento",
    sla_left: "Tempo restante",
    sla_overdue: "Atrasado há",
    sla_progress: "Tempo consumido da meta",
    sla_paused_since: |d| format!("Pausado desde {d}."),
    sla_met_at: |d| format!("Cumprido em {d}."),
    sla_empty: "Nenhuma meta de SLA se aplica a este caso.",
    sv_list: "Pesquisas de satisfação do caso",
    sv_scale: |s| match s {
        "csat" => "CSAT".into(),
        "nps" => "NPS".into(),
        other => other.to_ascii_uppercase(),
    },
    sv_stars: |n| format!("{n} de 5 estrelas"),
    sv_nps: |n| format!("{n} de 10"),
    sv_band: |b| match b {
        cvortex_domain::survey::NpsBand::Promoter => "Promotor",
        cvortex_domain::survey::NpsBand::Neutral => "Neutro",
        cvortex_domain::survey::NpsBand::Detractor => "Detrator",
    },
    sv_unrated: |n| format!("Nota {n} (fora da escala)"),
    sv_requester: "Solicitante",
    sv_agent: "Responsável na pesquisa",
    sv_answered: "Respondida em",
    sv_show: "Ver comentários",
    sv_hide: "Ocultar comentários",
    sv_comment: "Comentário",
    sv_no_comment: "Sem comentários.",
    sv_none: "Nenhuma pesquisa foi respondida neste caso.",
    sv_not_configured: "Nenhuma pesquisa de satisfação está configurada para este atendimento.",
    i_empty: "Nenhuma interação registrada neste caso.",
    i_channels: "Canais com interações",
    i_channel_label: |name, n, last| {
        format!(
            "{name}: {n} {}, última em {last}",
            if n == 1 { "mensagem" } else { "mensagens" }
        )
    },
    i_search: "Buscar nas mensagens deste canal",
    i_conversation: |c| format!("Conversa por {c}"),
    i_results: |shown, total| {
        if shown == total {
            format!("{total} {}", if total == 1 { "mensagem" } else { "mensagens" })
        } else {
            format!("{shown} de {total} mensagens")
        }
    },
    i_earlier: |n| {
        format!(
            "Mostrar {n} {} anterior{}",
            if n == 1 { "mensagem" } else { "mensagens" },
            if n == 1 { "" } else { "es" }
        )
    },
    i_none_found: "Nenhuma mensagem corresponde à busca.",
    i_sender_kind: |k| {
        Some(match k {
            "customer" => "Cliente",
            "agent" => "Atendente",
            "bot" => "Bot",
            "system" => "Sistema",
            _ => return None,
        })
    },
    i_email_frame: |s| format!("Corpo do e-mail {s}"),
    i_files: "Arquivos",
    a_table: "Anexos do caso",
    a_col_select: "Selecionar",
    a_col_name: "Arquivo",
    a_col_size: "Tamanho",
    a_col_origin: "Origem",
    a_col_when: "Data",
    a_col_action: "Baixar",
    a_select: |n| format!("Selecionar {n}"),
    a_select_all: "Selecionar todos os anexos exibidos",
    a_search: "Buscar pelo nome do arquivo",
    a_attach: "Anexar arquivo",
    a_drop: "Solte o arquivo aqui para anexar",
    a_limits: |max, types| format!("Até {max} por arquivo · {types}"),
    a_download: "Baixar",
    a_download_label: |n| format!("Baixar {n}"),
    a_zip: |n| match n {
        0 => "Baixar selecionados (.zip)".into(),
        n => format!("Baixar {n} selecionado{} (.zip)", if n == 1 { "" } else { "s" }),
    },
    a_zipping: |i, n| format!("Preparando {i} de {n}…"),
    a_zip_name: |id| format!("anexos-caso-{id}.zip"),
    a_origin_channel: |c| format!("Recebido por {c}"),
    a_origin_upload: |who| format!("Enviado por {who}"),
    a_origin_other: "Origem não informada",
    a_uploading: |n| format!("Enviando {n}…"),
    a_uploaded: |n| format!("{n} foi anexado ao caso."),
    a_cancel: "Cancelar envio",
    a_cancelled: |n| format!("Envio de {n} cancelado: nada foi anexado."),
    a_failed: |n| format!("Não foi possível anexar {n}: nada foi anexado."),
    a_unknown: |n| format!("Não foi possível confirmar o envio de {n}: a resposta do servidor não chegou e o arquivo pode ter sido anexado. Tentar novamente é seguro: ele nunca é anexado duas vezes."),
    a_refused_empty: |n| format!("{n} está vazio e não foi enviado."),
    a_refused_large: |n, size, max| format!("{n} tem {size}, acima do limite de {max}: não foi enviado."),
    a_refused_type: |n, mime, allowed| format!("{n}: o tipo {mime} não é permitido ({allowed}). Não foi enviado."),
    a_download_failed: |n| format!("Não foi possível baixar {n}"),
    a_progress: "Progresso do envio",
};
