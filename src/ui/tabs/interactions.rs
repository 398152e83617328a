//! Interações: one button per channel (icon, message count, time of the last one), switching
//! instantly (every channel came in one request), and the selected channel's conversation as
//! agents know it: bubbles per sender, day separators, files as links, system notes. Plain text
//! is always text; an e-mail's HTML only ever renders inside a sandboxed frame with its own
//! restrictive policy. Long conversations render their newest messages first and grow on demand;
//! the view opens at the newest message.

use std::sync::Arc;

use chrono::Local;
use cvortex_domain::list::messages::{self, chronological, email_document, is_safe_link, summary};
use cvortex_domain::text::Query;
use cvortex_domain::{CaseId, ChannelConversation, InteractionList, Message};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::tabs::{count_of, decode_as, ModalTab, TabDef};
use crate::ui::shared::{next_uid, Highlighted, SearchBox, SkeletonKind};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Interactions,
    slug: "interacoes",
    label: |t| t.interactions.label,
    read: "interactions",
    decode: decode_as::<InteractionList>,
    count: |d| count_of::<InteractionList>(d, |l| l.channels.iter().map(|c| c.messages.len()).sum()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| {
        ctx.loaded(ctx.ready(|list: Arc<InteractionList>, case_id| view! { <InteractionsView list case_id /> }))
    },
};

/// Messages rendered at first, and added by each "Mostrar anteriores".
const PAGE: usize = 150;

/// The letter of a channel's icon (drawn by CSS: no icon font, no emoji the system may lack).
fn icon_letter(channel: &str) -> &'static str {
    match channel {
        "whatsapp" => "W",
        "email" => "@",
        "chat" => "C",
        "messenger" => "M",
        "instagram" => "I",
        "phone" => "T",
        "sms" => "S",
        _ => "•",
    }
}

fn icon_class(channel: &str) -> String {
    let known = channel.chars().all(|c| c.is_ascii_lowercase()) && !channel.is_empty();
    format!(
        "cv-channel-icon cv-channel-icon--{}",
        if known { channel } else { "other" }
    )
}

#[component]
fn InteractionsView(list: Arc<InteractionList>, case_id: CaseId) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    let channels: Vec<usize> = (0..list.channels.len())
        .filter(|&i| !list.channels[i].messages.is_empty())
        .collect();
    if channels.is_empty() {
        return view! { <p class="cv-empty">{texts.interactions.empty}</p> }.into_any();
    }
    let selected = RwSignal::new(channels[0]);
    let query = RwSignal::new(String::new());
    let buttons = channels
        .iter()
        .map(|&i| {
            let c = &list.channels[i];
            let s = summary(c);
            let name = fmt::channel(texts, &c.channel);
            let last = s.last_at.map(fmt::datetime).unwrap_or_default();
            let label = (texts.interactions.channel_label)(&name, s.count, &last);
            view! {
                <button
                    type="button"
                    class="cv-channel"
                    aria-pressed=move || (selected.get() == i).to_string()
                    aria-label=label
                    on:click=move |_| selected.set(i)
                >
                    <span class=icon_class(&c.channel) aria-hidden="true">
                        {icon_letter(&c.channel)}
                    </span>
                    <span class="cv-channel__text" aria-hidden="true">
                        <span class="cv-channel__name">{name}<span class="cv-badge">{s.count}</span></span>
                        <span class="cv-channel__last">{last}</span>
                    </span>
                </button>
            }
        })
        .collect_view();
    let list2 = list.clone();
    // the list is shared, not copied: a channel switch costs no clone of its messages
    let conversation = move || {
        let index = selected.get();
        view! { <Conversation list=list2.clone() index case_id query /> }
    };
    view! {
        <div class="cv-interactions">
            <div class="cv-channels" role="group" aria-label=texts.interactions.channels>
                {buttons}
            </div>
            <div class="cv-toolbar" role="search">
                <SearchBox
                    label=texts.interactions.search.to_string()
                    value=query.into()
                    on_input=Callback::new(move |v| query.set(v))
                />
            </div>
            {conversation}
        </div>
    }
    .into_any()
}

#[component]
fn Conversation(list: Arc<InteractionList>, index: usize, case_id: CaseId, query: RwSignal<String>) -> impl IntoView {
    let t = use_i18n();
    let conv: &ChannelConversation = &list.channels[index];
    let texts = t.t();
    let order = chronological(&conv.messages);
    let total = order.len();
    let q = Memo::new(move |_| Query::new(&query.get()));
    let matches = {
        let list = list.clone();
        Memo::new(move |_| q.with(|q| messages::search(&list.channels[index].messages, &order, q)))
    };
    let limit = RwSignal::new(PAGE);
    let channel_name = fmt::channel(texts, &conv.channel);
    let identifier = conv.identifier.clone();
    let uid = next_uid();
    // The messages shown (the newest `limit` of the matches) and whether a day separator goes
    // before each. Keyed: a keystroke or "Mostrar anteriores" adds and removes messages, it does
    // not rebuild (nor reload the e-mail frames of) those that stay.
    let visible = {
        let list = list.clone();
        Memo::new(move |_| {
            let messages = &list.channels[index].messages;
            matches.with(|m| {
                let start = m.len().saturating_sub(limit.get());
                let mut prev_day = None;
                m[start..]
                    .iter()
                    .map(|&i| {
                        let day = messages::day(messages[i].sent_at, &Local);
                        let separator = day != prev_day;
                        prev_day = day;
                        (i, separator)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let row = {
        let list = list.clone();
        move |(i, separator): (usize, bool)| {
            let msg = &list.channels[index].messages[i];
            let day = separator.then(|| {
                view! {
                    <li class="cv-day">
                        <span>{fmt::date(msg.sent_at)}</span>
                    </li>
                }
            });
            view! {
                {day}
                {message_view(t, msg, case_id, q, uid)}
            }
        }
    };
    let hidden_before = move || matches.with(|m| m.len().saturating_sub(limit.get()));
    view! {
        <div class="cv-conversation-head">
            <strong>{(texts.interactions.conversation)(&channel_name)}</strong>
            {identifier.map(|i| view! { <span class="cv-muted">{i}</span> })}
            <span class="cv-muted" role="status" aria-live="polite">
                {move || (texts.interactions.results)(matches.with(Vec::len), total)}
            </span>
        </div>
        // column-reverse keeps the scroll anchored at the newest message, even while hidden
        <div class="cv-conversation" tabindex="0" aria-label=(texts.interactions.conversation)(&channel_name)>
            <ol class="cv-messages">
                <Show when=move || { hidden_before() > 0 }>
                    <li class="cv-earlier">
                        <button
                            type="button"
                            class="cv-button cv-button--subtle"
                            on:click=move |_| limit.update(|l| *l += PAGE)
                        >
                            {move || (texts.interactions.earlier)(hidden_before())}
                        </button>
                    </li>
                </Show>
                <For each=move || visible.get() key=|m| *m children=row />
                <Show when=move || matches.with(Vec::is_empty)>
                    <li class="cv-empty">{texts.interactions.none_found}</li>
                </Show>
            </ol>
        </div>
    }
}

fn message_view(t: I18n, m: &Message, case_id: CaseId, q: Memo<Query>, uid: usize) -> AnyView {
    let texts = t.t();
    let kind = match m.sender.kind.as_str() {
        k @ ("customer" | "agent" | "bot" | "system") => k,
        _ => "other",
    };
    let who = m
        .sender
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| (texts.interactions.sender_kind)(&m.sender.kind).map(str::to_owned))
        .unwrap_or_else(|| m.sender.kind.clone());
    let from_case =
        (m.case_id != case_id).then(|| view! { <span class="cv-tag">{(texts.from_case)(m.case_id)}</span> });
    let q: Signal<Query> = q.into();
    let subject = m.subject.clone().filter(|s| !s.trim().is_empty()).map(|s| {
        view! {
            <p class="cv-msg__subject">
                <Highlighted text=s query=q />
            </p>
        }
    });
    let body = match (&m.html, &m.text) {
        (Some(html), _) if !html.trim().is_empty() => {
            let title = (texts.interactions.email_frame)(m.subject.as_deref().unwrap_or(""));
            view! {
                <iframe
                    class="cv-msg__frame"
                    title=title
                    sandbox="allow-popups allow-popups-to-escape-sandbox"
                    referrerpolicy="no-referrer"
                    srcdoc=email_document(html)
                ></iframe>
            }
            .into_any()
        }
        (_, Some(text)) => view! {
            <p class="cv-msg__text">
                <Highlighted text=text.clone() query=q />
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let files = (!m.files.is_empty()).then(|| {
        let items = m
            .files
            .iter()
            .map(|f| {
                let name = fmt::shown(&f.name);
                match f.url.clone().filter(|u| is_safe_link(u)) {
                    Some(url) => view! {
                        <li>
                            <a href=url target="_blank" rel="noopener noreferrer nofollow">
                                {name}
                            </a>
                        </li>
                    }
                    .into_any(),
                    None => view! { <li>{name}</li> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <ul class="cv-msg__files" aria-label=texts.interactions.files>
                {items}
            </ul>
        }
    });
    let id = format!("cv-{uid}-msg-{}", m.id);
    view! {
        <li class=format!("cv-msg cv-msg--{kind}") id=id>
            <div class="cv-msg__meta">
                <span class="cv-msg__who">{fmt::shown(&who)}</span>
                <time class="cv-msg__time">{fmt::time(m.sent_at)}</time>
                {from_case}
            </div>
            {subject}
            {body}
            {files}
        </li>
    }
    .into_any()
}
