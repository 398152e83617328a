use super::{
    AttachmentTexts, CallTexts, CaseDataTexts, CustomerTexts, ErrorTexts, HistoryTexts, InteractionTexts, LiveTexts,
    SlaTexts, StartTexts, SurveyTexts, Texts,
};

/// A count as this locale writes it ("10.000" / "10,000").
fn n(v: usize) -> String {
    crate::fmt::count(v, super::Locale::En)
}

pub static TEXTS: Texts = Texts {
    switch_locale: "Português",
    date_format: "mm/dd/yyyy",
    date_hint: "Date as mm/dd/yyyy. The up and down arrows change the month, day or year at the cursor.",
    modal_title: "Case details",
    case_number: |id| format!("Case #{id}"),
    close: "Close",
    more_tabs: |n| format!("More ({n})"),
    details: "Details",
    tabs_label: "Case sections",
    loading: "Loading…",
    retry: "Try again",
    tab_failed: |tab| format!("Could not load {tab}."),
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
    clipped: |n| format!(" … ({n} more characters not shown)"),
    decimal_mark: '.',
    clear_filters: "Clear filters",
    results: |shown, total| format!("{} of {} {}", n(shown), n(total), if total == 1 { "record" } else { "records" }),
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
    dismiss: "Dismiss",
    from_case: |id| format!("From case #{id} (merged)"),
    errors: ErrorTexts {
        session_expired: "Session expired. Sign in again to continue.",
        forbidden: "You are not allowed to see this information.",
        not_found: "Not found: the case may have been removed or you have no access to it.",
        conflict: "The data changed on the server. Reload and try again.",
        rate_limited: |secs| match secs {
            Some(s) => format!("Too many requests. Try again in {s} s."),
            None => "Too many requests. Try again shortly.".into(),
        },
        server: "The server ran into an error.",
        unavailable: "The service is unavailable right now.",
        timeout: "The server took too long to answer.",
        network: "No connection to the server.",
        bad_data: "The server sent data in an unexpected format.",
        rejected: "The server refused the request.",
        undo_blocked: |u, case| format!("Undo unification #{u} first: it moved these items on to case #{case}."),
        case_unified: |case| format!("This case was unified into case #{case}: add it there."),
        quota: "The attachment quota is used up: nothing was sent.",
        too_slow: "The upload took too long to reach the server: nothing was received.",
    },
    case_data: CaseDataTexts {
        label: "Case data",
        customer_section: "Customer data",
        service_section: "Service data",
        name: "Name",
        phones: "Phones",
        emails: "E-mails",
        documents: "Documents",
        case_id: "Case ID",
        external_id: "External ID",
        subject: "Subject",
        case_type: "Case type",
        status: "Status",
        channel: "Origin channel",
        opening_reason: "Opening reason",
        closing_reason: "Closing reason",
        assignee: "Assignee",
        business_unit: "Business unit",
        created_at: "Created at",
        updated_at: "Last update",
        closed_at: "Closed at",
        summary: "Summary",
        custom_fields: "Custom fields",
        state_in_service: "In service",
        state_finished: "Finished",
        state_open: "Waiting for service",
        state_unified: |id| format!("Unified into case #{id}"),
    },
    history: HistoryTexts {
        label: "Case history",
        table: "Case history",
        col_when: "Date/time",
        col_action: "Action",
        col_agent: "Agent",
        col_comment: "Comment",
        col_channel: "Channel",
        col_status: "Status",
        col_questionnaires: "Questionnaires",
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
        filter_user: "User",
        filter_comments: "Comments",
        filter_channel: "Channel",
        filter_action: "Action",
        comments_any: "All",
        comments_with: "With a comment",
        comments_without: "Without a comment",
        comments_containing: "Comment contains…",
        search: "Search descriptions and comments",
        order_newest: "Newest first",
        order_oldest: "Oldest first",
    },
    customer: CustomerTexts {
        label: "Customer history",
        table: "The customer's cases",
        col_select: "Select",
        col_created: "Opened",
        col_closed: "Closed",
        col_id: "Case",
        col_type: "Type",
        col_subject: "Subject",
        col_status: "Status",
        col_agent: "Agent",
        col_updated: "Last update",
        col_channel: "Channel",
        col_action: "Action",
        search: "Search by user, comment, channel, action, number or subject",
        continue_case: "Continue case",
        continue_label: |id| format!("Continue case #{id}"),
        select_case: |id| format!("Select case #{id} to merge"),
        select_all: "Select every eligible case",
        current: "Open case",
        selected: |n| match n {
            0 => "No case selected".into(),
            1 => "1 case selected".into(),
            n => format!("{n} cases selected"),
        },
        unify: "Merge cases",
        unifying: "Merging…",
        confirm_title: |n, target| {
            if n == 1 {
                format!("Merge 1 case into case #{target}?")
            } else {
                format!("Merge {n} cases into case #{target}?")
            }
        },
        confirm_body: "What is listed below moves into the open case. Each case keeps its SLA and surveys, and the merge can be undone for a few minutes.",
        confirm: "Confirm merge",
        cancel: "Cancel",
        counts: |c| {
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
        total: "Total",
        done: |ids, target| {
            let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
            if ids.len() == 1 {
                format!("Case {list} merged into case #{target}.")
            } else {
                format!("Cases {list} merged into case #{target}.")
            }
        },
        undo: "Undo",
        undo_until: |time| format!("Can be undone until {time}."),
        undoing: "Undoing…",
        undone: |ids| {
            let list = ids.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join(", ");
            format!("Merge undone: {list} is a separate case again.")
        },
        undo_failed: "The merge could not be undone",
        refused_title: "No case was merged",
        refused_case: |id, why| format!("Case #{id}: {why}"),
        failed_title: "The merge did not complete",
        failed_note: "Nothing was merged and your selection was kept.",
        refused_note: "The refused cases left the selection; the others are still selected.",
        unknown_title: "The merge could not be confirmed",
        unknown_note: "The server's answer did not arrive: the merge may have been made. Your selection was kept; trying again is safe and never merges twice.",
        open_missing: "The open case is not in the customer's list: merging is not possible now.",
        open_finished: "This case is finished: no case can be merged into it.",
        reason_open_case: "Open case",
        reason_open_case_long: "This is the open case",
        reason_unified: "Already merged",
        reason_unified_long: |id| format!("Already merged into case #{id}"),
        reason_in_service: "In service",
        reason_in_service_long: |agent| match agent {
            Some(a) => format!("Being handled by {a}"),
            None => "Being handled by an agent".into(),
        },
        reason_finished: "Finished",
        reason_finished_long: |date| match date {
            Some(d) => format!("Finished on {d}"),
            None => "Finished".into(),
        },
        reason_diff_whatsapp: "Different WhatsApp",
        reason_diff_whatsapp_long: |n| format!("Different WhatsApp number: {n}"),
        reason_diff_chat: "Different chat",
        reason_diff_chat_long: |c| format!("Different chat identifier: {c}"),
        reason_not_found: "Not found",
        reason_not_found_long: "Not a case of this customer",
    },
    calls: CallTexts {
        label: "Call history",
        table: "Calls of the case",
        col_when: "Date and time",
        col_phone: "Origin phone",
        col_status: "Call status",
        col_agent: "Agent",
        col_duration: "Duration",
        col_direction: "Direction",
        status: |s| {
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
        filter_status: "Status",
        filter_agent: "Agent",
        from: "From",
        to: "To",
        today: "Today",
        last7: "Last 7 days",
        last30: "Last 30 days",
        search: "Search by phone",
        period_inverted: "The start date is after the end date: adjust the period.",
        period_invalid: "Invalid date: use the format mm/dd/yyyy.",
        totals: |calls, talk| format!("{} {} · {talk} of talk time", n(calls), if calls == 1 { "call" } else { "calls" }),
        ongoing: "in progress",
    },
    interactions: InteractionTexts {
        label: "Interactions",
        empty: "No interaction was recorded for this case.",
        channels: "Channels with interactions",
        channel_label: |name, count, last| {
            format!(
                "{name}: {} {}, last on {last}",
                n(count),
                if count == 1 { "message" } else { "messages" }
            )
        },
        search: "Search this channel's messages",
        conversation: |c| format!("Conversation on {c}"),
        results: |shown, total| {
            if shown == total {
                format!("{} {}", n(total), if total == 1 { "message" } else { "messages" })
            } else {
                format!("{} of {} messages", n(shown), n(total))
            }
        },
        earlier: |count| format!("Show {} earlier {}", n(count), if count == 1 { "message" } else { "messages" }),
        none_found: "No message matches the search.",
        sender_kind: |k| {
            Some(match k {
                "customer" => "Customer",
                "agent" => "Agent",
                "bot" => "Bot",
                "system" => "System",
                _ => return None,
            })
        },
        email_frame: |s| format!("E-mail body {s}"),
        files: "Files",
    },
    sla: SlaTexts {
        label: "SLA",
        list: "The case's SLA targets",
        status: |s| {
            Some(match s {
                "running" => "Running",
                "paused" => "Paused",
                "met" => "Met",
                "breached" => "Breached",
                _ => return None,
            })
        },
        running_late: "Breached (running)",
        elapsed: "Execution time",
        target: "Target",
        due: "Due",
        left: "Time left",
        overdue: "Overdue by",
        progress: "Share of the target used",
        paused_since: |d| format!("Paused since {d}."),
        met_at: |d| format!("Met on {d}."),
        empty: "No SLA target applies to this case.",
    },
    attachments: AttachmentTexts {
        label: "Attachments",
        table: "The case's attachments",
        col_select: "Select",
        col_name: "File",
        col_size: "Size",
        col_origin: "Origin",
        col_when: "Date",
        col_action: "Download",
        select: |n| format!("Select {n}"),
        select_all: "Select every attachment shown",
        search: "Search by file name",
        attach: "Attach a file",
        drop: "Drop the file here to attach it",
        limits: |max, types| format!("Up to {max} per file · {types}"),
        download: "Download",
        download_label: |n| format!("Download {n}"),
        zip: |n| match n {
            0 => "Download selected (.zip)".into(),
            n => format!("Download {n} selected (.zip)"),
        },
        zipping: |i, n| format!("Preparing {i} of {n}…"),
        zip_name: |id| format!("attachments-case-{id}.zip"),
        origin_channel: |c| format!("Received on {c}"),
        origin_upload: |who| format!("Uploaded by {who}"),
        origin_other: "Unknown origin",
        uploading: |n| format!("Uploading {n}…"),
        uploaded: |n| format!("{n} was attached to the case."),
        cancel: "Cancel upload",
        cancelled: |n| format!("Upload of {n} cancelled: nothing was attached."),
        failed: |n| format!("{n} could not be attached: nothing was attached."),
        unknown: |n| format!("The upload of {n} could not be confirmed: the server's answer did not arrive and the file may have been attached. Trying again is safe: it is never attached twice."),
        refused_empty: |n| format!("{n} is empty and was not sent."),
        refused_large: |n, size, max| format!("{n} is {size}, over the {max} limit: it was not sent."),
        refused_quota: |n, left| format!("{n} does not fit in this case's attachment quota ({left} left): it was not sent."),
        refused_type: |n, mime, allowed| format!("{n}: type {mime} is not allowed ({allowed}). It was not sent."),
        download_failed: |n| format!("{n} could not be downloaded"),
        progress: "Upload progress",
    },
    surveys: SurveyTexts {
        label: "Satisfaction survey",
        list: "The case's satisfaction surveys",
        scale: |s| match s {
            "csat" => "CSAT".into(),
            "nps" => "NPS".into(),
            other => other.to_ascii_uppercase(),
        },
        stars: |n| format!("{n} out of 5 stars"),
        nps: |n| format!("{n} out of 10"),
        band: |b| match b {
            cvortex_domain::survey::NpsBand::Promoter => "Promoter",
            cvortex_domain::survey::NpsBand::Neutral => "Passive",
            cvortex_domain::survey::NpsBand::Detractor => "Detractor",
        },
        unrated: |n| format!("Score {n} (off the scale)"),
        requester: "Requester",
        agent: "Agent at the time",
        answered: "Answered on",
        show: "Show comments",
        hide: "Hide comments",
        comment: "Comment",
        no_comment: "No comments.",
        none: "No survey was answered for this case.",
        not_configured: "No satisfaction survey is configured for this case.",
    },
    start: StartTexts {
        title: "Cases",
        intro: "Click a case number to open its case details.",
        col_case: "Case",
        col_customer: "Customer",
        col_subject: "Subject",
        col_status: "Status",
        col_channel: "Channel",
        col_created: "Created at",
        more: |n, total| format!("Showing the first {n} of {total} cases."),
        open_case: |id| format!("Open the details of case #{id}"),
    },
    live: LiveTexts {
        connecting: "Connecting…",
        live: "Live",
        reconnecting: "Reconnecting…",
        offline: |since, at| format!("Offline since {since} · data as of {at}"),
        off: "Live updates off",
        kept: |at, failed| {
            if failed {
                format!("Could not update · data as of {at}")
            } else {
                format!("Updating · data as of {at}")
            }
        },
        others: "Also viewing this case",
        unseen: |n| if n == 1 { "1 new update".into() } else { format!("{n} new updates") },
        arrived: |tab, n| if n == 1 { format!("{tab}: 1 new update") } else { format!("{tab}: {n} new updates") },
        case_changed: |who, fields| match who {
            Some(w) => format!("{w} changed {fields} of this case."),
            None => format!("The case was changed: {fields}."),
        },
        field: |f| {
            Some(match f {
                "status" => "the status",
                "assignee" => "the assignee",
                "in_service" => "the service state",
                "merged_into" => "the unification",
                "closed_at" => "the closing",
                _ => return None,
            })
        },
        left_selection: |id, why| format!("#{id} left the selection: {why}."),
        new_messages: |n| if n == 1 { "1 new message".into() } else { format!("{n} new messages") },
    },
};
