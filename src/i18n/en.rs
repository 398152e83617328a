use super::{ModalTab, Texts};

pub static TEXTS: Texts = Texts {
    modal_title: "Case details",
    case_number: |id| format!("Case #{id}"),
    close: "Close",
    tabs_label: "Case sections",
    tab: |t| match t {
        ModalTab::CaseData => "Case data",
        ModalTab::CaseHistory => "Case history",
        ModalTab::CustomerHistory => "Customer history",
        ModalTab::Calls => "Call history",
        ModalTab::Interactions => "Interactions",
        ModalTab::Sla => "SLA",
        ModalTab::Attachments => "Attachments",
        ModalTab::Surveys => "Satisfaction survey",
    },
    loading: "Loading…",
    retry: "Try again",
    tab_failed: |tab| format!("Could not load {tab}."),
    err_session_expired: "Session expired. Sign in again to continue.",
    err_forbidden: "You are not allowed to see this information.",
    err_not_found: "Not found: the case may have been removed or you have no access to it.",
    err_conflict: "The data changed on the server. Reload and try again.",
    err_rate_limited: |secs| match secs {
        Some(s) => format!("Too many requests. Try again in {s} s."),
        None => "Too many requests. Try again shortly.".into(),
    },
    err_server: "The server ran into an error.",
    err_unavailable: "The service is unavailable right now.",
    err_timeout: "The server took too long to answer.",
    err_network: "No connection to the server.",
    err_bad_data: "The server sent data in an unexpected format.",
    err_rejected: "The server refused the request.",
    customer_section: "Customer data",
    service_section: "Service data",
    f_name: "Name",
    f_phones: "Phones",
    f_emails: "E-mails",
    f_documents: "Documents",
    f_case_id: "Case ID",
    f_external_id: "External ID",
    f_subject: "Subject",
    f_case_type: "Case type",
    f_status: "Status",
    f_channel: "Origin channel",
    f_opening_reason: "Opening reason",
    f_closing_reason: "Closing reason",
    f_assignee: "Assignee",
    f_business_unit: "Business unit",
    f_created_at: "Created at",
    f_updated_at: "Last update",
    f_closed_at: "Closed at",
    f_summary: "Summary",
    f_custom_fields: "Custom fields",
    state_in_service: "In service",
    state_finished: "Finished",
    state_open: "Waiting for service",
    state_unified: |id| format!("Unified into case #{id}"),
    yes: "Yes",
    no: "No",
    none: "Not provided",
    copy: |what| format!("Copy {what}"),
    copied: "Copied!",
    copy_failed: "Could not copy",
    channel: |c| {
        Some(match c {
            "whatsapp" => "WhatsApp",
            "email" => "E-mail",
            "chat" => "Chat",
            "messenger" => "Messenger",
            "instagram" => "Instagram",
            "phone" => "Phone",
            "telegram" => "Telegram",
            "sms" => "SMS",
            _ => return None,
        })
    },
    document_kind: |k| {
        Some(match k {
            "cpf" => "CPF",
            "cnpj" => "CNPJ",
            "rg" => "ID card (RG)",
            "passport" => "Passport",
            _ => return None,
        })
    },
    relative: |secs| match secs {
        s if s < 0 => "in the future".into(),
        s if s < 60 => "just now".into(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 2 * 3600 => "1 hour ago".into(),
        s if s < 86_400 => format!("{} hours ago", s / 3600),
        s if s < 2 * 86_400 => "yesterday".into(),
        s if s < 30 * 86_400 => format!("{} days ago", s / 86_400),
        s if s < 60 * 86_400 => "1 month ago".into(),
        s if s < 365 * 86_400 => format!("{} months ago", s / (30 * 86_400)),
        s if s < 2 * 365 * 86_400 => "1 year ago".into(),
        s => format!("{} years ago", s / (365 * 86_400)),
    },
    start_title: "Cases",
    start_intro: "Click a case number to open its case details.",
    col_case: "Case",
    col_customer: "Customer",
    col_subject: "Subject",
    col_status: "Status",
    col_channel: "Channel",
    col_created: "Created at",
    start_more: |n, total| format!("Showing the first {n} of {total} cases."),
    clipped: |n| format!(" … ({n} more characters not shown)"),
    open_case: |id| format!("Open the details of case #{id}"),
    signing_in: "Connecting to cVortex…",
    switch_locale: "Português",
    empty_list: "Nothing to show.",
    clear_filters: "Clear filters",
    results: |shown, total| format!("{shown} of {total} {}", if total == 1 { "record" } else { "records" }),
    empty_none: "This case has no records yet.",
    empty_filtered: |query, filters| match (query.trim().is_empty(), filters) {
        (true, n) => format!(
            "No record matches the selected filter{}.",
            if n == 1 { "" } else { "s" }
        ),
        (false, 0) => format!("No record matches the search “{}”.", query.trim()),
        (false, n) => format!(
            "No record matches the search “{}” with {n} filter{} on.",
            query.trim(),
            if n == 1 { "" } else { "s" }
        ),
    },
    no_agent: "No assignee",
    no_channel: "No channel",
    h_table: "Case history",
    h_col_when: "Date/time",
    h_col_action: "Action",
    h_col_agent: "Agent",
    h_col_comment: "Comment",
    h_col_channel: "Channel",
    h_col_status: "Status",
    h_col_questionnaires: "Questionnaires",
    questionnaires: |n| {
        if n == 1 {
            "1 questionnaire".into()
        } else {
            format!("{n} questionnaires")
        }
    },
    action: |a| {
        Some(match a {
            "created" => "Opened",
            "status_change" => "Status change",
            "assignment" => "Assignment",
            "comment" => "Comment",
            "message" => "Message",
            "questionnaire" => "Questionnaire",
            "transfer" => "Transfer",
            "call" => "Call",
            "unification" => "Unification",
            "unification_undone" => "Unification undone",
            "closed" => "Closed",
            _ => return None,
        })
    },
    h_filter_user: "User",
    h_filter_comments: "Comments",
    h_filter_channel: "Channel",
    h_filter_action: "Action",
    comments_any: "All",
    comments_with: "With a comment",
    comments_without: "Without a comment",
    comments_containing: "Comment contains…",
    h_search: "Search descriptions and comments",
    order_newest: "Newest first",
    order_oldest: "Oldest first",
    c_table: "Calls of the case",
    c_col_when: "Date and time",
    c_col_phone: "Origin phone",
    c_col_status: "Call status",
    c_col_agent: "Agent",
    c_col_duration: "Duration",
    c_col_direction: "Direction",
    call_status: |s| {
        Some(match s {
            "answered" => "Answered",
            "missed" => "Missed",
            "busy" => "Busy",
            "abandoned" => "Abandoned",
            "voicemail" => "Voicemail",
            "in_progress" => "In progress",
            _ => return None,
        })
    },
    direction: |d| {
        Some(match d {
            "inbound" => "Inbound",
            "outbound" => "Outbound",
            _ => return None,
        })
    },
    c_filter_status: "Status",
    c_filter_agent: "Agent",
    c_from: "From",
    c_to: "To",
    c_today: "Today",
    c_last7: "Last 7 days",
    c_last30: "Last 30 days",
    c_search: "Search by phone",
    c_period_inverted: "The start date is after the end date: adjust the period.",
    c_period_invalid: "Invalid date.",
    c_totals: |n, talk| format!("{n} {} · {talk} of talk time", if n == 1 { "call" } else { "calls" }),
    c_ongoing: "in progress",
    cc_table: "The customer's cases",
    cc_col_select: "Select",
    cc_col_created: "Opened",
    cc_col_closed: "Closed",
    cc_col_id: "Case",
    cc_col_type: "Type",
    cc_col_subject: "Subject",
    cc_col_status: "Status",
    cc_col_agent: "Agent",
    cc_col_updated: "Last update",
    cc_col_channel: "Channel",
    cc_col_action: "Action",
    cc_search: "Search by user, comment, channel, action, number or subject",
    cc_continue: "Continue case",
    cc_continue_label: |id| format!("Continue case #{id}"),
    cc_select_case: |id| format!("Select case #{id} to merge"),
    cc_select_all: "Select every eligible case",
    cc_current: "Open case",
    cc_selected: |n| match n {
        0 => "No case selected".into(),
        1 => "1 case selected".into(),
        n => format!("{n} cases selected"),
    },
    cc_unify: "Merge cases",
    cc_unifying: "Merging…",
    cc_confirm_title: |n, target| {
        if n == 1 {
            format!("Merge 1 case into case #{target}?")
        } else {
            format!("Merge {n} cases into case #{target}?")
        }
    },
    cc_confirm_body: "What is listed below moves into the open case. Each case keeps its SLA and surveys, and the merge can be undone for a few minutes.",
    cc_confirm: "Confirm merge",
    cc_cancel: "Cancel",
    cc_counts: |c| {
        let parts: Vec<String> = [
            (c.history, "event", "events"),
            (c.interactions, "interaction", "interactions"),
            (c.calls, "call", "calls"),
            (c.attachments, "attachment", "attachments"),
            (c.surveys, "survey", "surveys"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            "no content".into()
        } else {
            parts.join(", ")
        }
    },
    cc_total: "Total",
    cc_done: |ids, target| {
        let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
        if ids.len() == 1 {
            format!("Case {list} merged into case #{target}.")
        } else {
            format!("Cases {list} merged into case #{target}.")
        }
    },
    cc_undo: "Undo",
    cc_undo_until: |time| format!("Can be undone until {time}."),
    cc_undoing: "Undoing…",
    cc_undone: |ids| {
        let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
        format!("Merge undone: {list} is a separate case again.")
    },
    cc_undo_failed: "The merge could not be undone",
    cc_refused_title: "No case was merged",
    cc_refused_case: |id, why| format!("Case #{id}: {why}"),
    cc_failed_title: "The merge did not complete",
    cc_failed_note: "Nothing was merged and your selection was kept.",
    cc_refused_note: "The refused cases left the selection; the others are still selected.",
    cc_unknown_title: "The merge could not be confirmed",
    cc_unknown_note: "The server's answer did not arrive: the merge may have been made. Your selection was kept; trying again is safe and never merges twice.",
    cc_open_missing: "The open case is not in the customer's list: merging is not possible now.",
    cc_dismiss: "Dismiss",
    r_open_case: "Open case",
    r_open_case_long: "This is the open case",
    r_unified: "Already merged",
    r_unified_long: |id| format!("Already merged into case #{id}"),
    r_in_service: "In service",
    r_in_service_long: |agent| match agent {
        Some(a) => format!("Being handled by {a}"),
        None => "Being handled by an agent".into(),
    },
    r_finished: "Finished",
    r_finished_long: |date| match date {
        Some(d) => format!("Finished on {d}"),
        None => "Finished".into(),
    },
    r_diff_whatsapp: "Different WhatsApp",
    r_diff_whatsapp_long: |n| format!("Different WhatsApp number: {n}"),
    r_diff_chat: "Different chat",
    r_diff_chat_long: |c| format!("Different chat identifier: {c}"),
    r_not_found: "Not found",
    r_not_found_long: "Not a case of this customer",
    from_case: |id| format!("From case #{id} (merged)"),
    sla_list: "The case's SLA targets",
    sla_status: |s| {
        Some(match s {
            "running" => "Running",
            "paused" => "Paused",
            "met" => "Met",
            "breached" => "Breached",
            _ => return None,
        })
    },
    sla_running_late: "Breached (running)",
    sla_elapsed: "Execution time",
    sla_target: "Target",
    sla_due: "Due",
    sla_left: "Time left",
    sla_overdue: "Overdue by",
    sla_progress: "Share of the target used",
    sla_paused_since: |d| format!("Paused since {d}."),
    sla_met_at: |d| format!("Met on {d}."),
    sla_empty: "No SLA target applies to this case.",
    sv_list: "The case's satisfaction surveys",
    sv_scale: |s| match s {
        "csat" => "CSAT".into(),
        "nps" => "NPS".into(),
        other => other.to_uppercase(),
    },
    sv_stars: |n| format!("{n} out of 5 stars"),
    sv_nps: |n| format!("{n} out of 10"),
    sv_band: |b| match b {
        cvortex_domain::survey::NpsBand::Promoter => "Promoter",
        cvortex_domain::survey::NpsBand::Neutral => "Passive",
        cvortex_domain::survey::NpsBand::Detractor => "Detractor",
    },
    sv_unrated: |n| format!("Score {n} (off the scale)"),
    sv_requester: "Requester",
    sv_agent: "Agent at the time",
    sv_answered: "Answered on",
    sv_show: "Show comments",
    sv_hide: "Hide comments",
    sv_comment: "Comment",
    sv_no_comment: "No comments.",
    sv_none: "No survey was answered for this case.",
    sv_not_configured: "No satisfaction survey is configured for this case.",
    i_empty: "No interaction was recorded for this case.",
    i_channels: "Channels with interactions",
    i_channel_label: |name, n, last| {
        format!(
            "{name}: {n} {}, last on {last}",
            if n == 1 { "message" } else { "messages" }
        )
    },
    i_search: "Search this channel's messages",
    i_conversation: |c| format!("Conversation on {c}"),
    i_results: |shown, total| {
        if shown == total {
            format!("{total} {}", if total == 1 { "message" } else { "messages" })
        } else {
            format!("{shown} of {total} messages")
        }
    },
    i_earlier: |n| format!("Show {n} earlier {}", if n == 1 { "message" } else { "messages" }),
    i_none_found: "No message matches the search.",
    i_sender_kind: |k| {
        Some(match k {
            "customer" => "Customer",
            "agent" => "Agent",
            "bot" => "Bot",
            "system" => "System",
            _ => return None,
        })
    },
    i_email_frame: |s| format!("E-mail body {s}"),
    i_files: "Files",
    a_table: "The case's attachments",
    a_col_select: "Select",
    a_col_name: "File",
    a_col_size: "Size",
    a_col_origin: "Origin",
    a_col_when: "Date",
    a_col_action: "Download",
    a_select: |n| format!("Select {n}"),
    a_select_all: "Select every attachment shown",
    a_search: "Search by file name",
    a_attach: "Attach a file",
    a_drop: "Drop the file here to attach it",
    a_limits: |max, types| format!("Up to {max} per file · {types}"),
    a_download: "Download",
    a_download_label: |n| format!("Download {n}"),
    a_zip: |n| match n {
        0 => "Download selected (.zip)".into(),
        n => format!("Download {n} selected (.zip)"),
    },
    a_zipping: |i, n| format!("Preparing {i} of {n}…"),
    a_zip_name: |id| format!("attachments-case-{id}.zip"),
    a_origin_channel: |c| format!("Received on {c}"),
    a_origin_upload: |who| format!("Uploaded by {who}"),
    a_origin_other: "Unknown origin",
    a_uploading: |n| format!("Uploading {n}…"),
    a_uploaded: |n| format!("{n} was attached to the case."),
    a_cancel: "Cancel upload",
    a_cancelled: |n| format!("Upload of {n} cancelled: nothing was attached."),
    a_failed: |n| format!("{n} could not be attached: nothing was attached."),
    a_unknown: |n| format!("The upload of {n} could not be confirmed: the server's answer did not arrive and the file may have been attached. Trying again is safe: it is never attached twice."),
    a_refused_empty: |n| format!("{n} is empty and was not sent."),
    a_refused_large: |n, size, max| format!("{n} is {size}, over the {max} limit: it was not sent."),
    a_refused_type: |n, mime, allowed| format!("{n}: type {mime} is not allowed ({allowed}). It was not sent."),
    a_download_failed: |n| format!("{n} could not be downloaded"),
    a_progress: "Upload progress",
};
