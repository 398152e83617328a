//! Interações: one button per channel (icon, message count, time of the last one), switching
//! instantly (every channel came in one request), and the selected channel's conversation as
//! agents know it: bubbles per sender, day separators, files as links, system notes. Plain text
//! is always text; an e-mail's HTML only ever renders inside a sandboxed frame with its own
//! restrictive policy. Long conversations render their newest messages first and grow on demand;
//! the view opens at the newest message.

use chrono::Local;
use cvortex_domain::list::messages::{self, chronological, email_document, is_safe_link, summary};
use cvortex_domain::text::Query;
use cvortex_domain::{CaseId, InteractionList, Message};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::state::{derived, Data};
use crate::tabs::{apply_as, count_of, decode_as, ModalTab, TabDef};
use crate::ui::shared::{next_uid, Highlighted, SearchBox, SkeletonKind};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Interactions,
    slug: "interacoes",
    label: |t| t.interactions.label,
    read: "interactions",
    decode: decode_as::<InteractionList>,
    apply: Some(apply_as::<InteractionList>),
    count: |d| count_of::<InteractionList>(d, |l| l.channels.iter().map(|c| c.messages.len()).sum()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| {
        ctx.loaded(ctx.live(|list, ctx| view! { <InteractionsView list case_id=ctx.case_id.get_untracked() /> }))
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
fn InteractionsView(list: Data<InteractionList>, case_id: CaseId) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    // the channels with messages (a live message may open a new one: it joins at the end)
    // (a closure, not a memo: a handful of channels, and each memo costs bundle size)
    // (keyed by position and channel: a silent reload may bring the channels in another order)
    let channels = move || {
        list.with(|l| {
            (0..l.channels.len())
                .filter(|&i| !l.channels[i].messages.is_empty())
                .map(|i| (i, l.channels[i].channel.clone()))
                .collect::<Vec<(usize, String)>>()
        })
    };
    let selected = RwSignal::new(untrack(channels).first().map_or(0, |c| c.0));
    let query = RwSignal::new(String::new());
    // keyed: a button keeps its element (and focus) while its count and time change
    let button = move |(i, code): (usize, String)| {
        let summary = move || list.with(|l| l.channels.get(i).map(|c| (c.channel.clone(), summary(c))));
        let name = fmt::channel(texts, &code);
        let now = move || {
            let s = summary().map(|(_, s)| s).unwrap_or_default();
            (s.count, s.last_at.map(fmt::datetime).unwrap_or_default())
        };
        let label = {
            let name = name.clone();
            move || {
                let (count, last) = now();
                (texts.interactions.channel_label)(&name, count, &last)
            }
        };
        let text = move || {
            let (count, last) = now();
            view! {
                <span class="cv-channel__name">{name.clone()}<span class="cv-badge">{count}</span></span>
                <span class="cv-channel__last">{last}</span>
            }
        };
        view! {
            <button
                type="button"
                class="cv-channel"
                aria-pressed=move || (selected.get() == i).to_string()
                aria-label=label
                on:click=move |_| selected.set(i)
            >
                <span class=icon_class(&code) aria-hidden="true">
                    {icon_letter(&code)}
                </span>
                <span class="cv-channel__text" aria-hidden="true">
                    {text}
                </span>
            </button>
        }
        .into_any()
    };
    // the list is shared, not copied: a channel switch costs no clone of its messages. Built
    // again when the selected position holds another conversation (after a silent reload), not
    // for each new message.
    let shown = Memo::new(move |_| {
        let i = selected.get();
        list.with(|l| l.channels.get(i).map(|c| (i, c.channel.clone(), c.identifier.clone())))
    });
    let conversation = move || {
        let index = shown.with(|s| s.as_ref().map_or(0, |s| s.0));
        view! { <Conversation list index case_id query /> }
    };
    view! {
        <Show
            when=move || !channels().is_empty()
            fallback=move || view! { <p class="cv-empty">{texts.interactions.empty}</p> }
        >
            <div class="cv-interactions">
                <div class="cv-channels" role="group" aria-label=texts.interactions.channels>
                    <For each=channels key=|c| c.clone() children=button />
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
        </Show>
    }
}

#[component]
fn Conversation(list: Data<InteractionList>, index: usize, case_id: CaseId, query: RwSignal<String>) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    let Some((code, identifier)) =
        list.with_untracked(|l| l.channels.get(index).map(|c| (c.channel.clone(), c.identifier.clone())))
    else {
        return ().into_any();
    };
    let order = derived(move || list.with(|l| chronological(messages_in(l, index))));
    let total = move || order.with(Vec::len);
    let q = Memo::new(move |_| Query::new(&query.get()));
    let matches =
        Memo::new(move |_| list.with(|l| order.with(|o| q.with(|q| messages::search(messages_in(l, index), o, q)))));
    let limit = RwSignal::new(PAGE);
    let channel_name = fmt::channel(texts, &code);
    let uid = next_uid();
    let viewport = NodeRef::<leptos::html::Div>::new();
    // Where the agent reads. The conversation is laid out bottom-up (column-reverse), so its
    // scrollTop is 0 at the newest message and negative above it; what is being read is kept as
    // its distance from the top, which arrivals (at the bottom) do not change.
    let at_bottom = RwSignal::new(true);
    let from_top = StoredValue::new(0.0f64);
    // The scrollTop the agent left: if it has changed when arrivals are laid out, the browser's
    // scroll anchoring already kept the part being read in place (Chromium, Firefox), and
    // correcting it again from `from_top` would move it by what arrived.
    let left_at = StoredValue::new(0.0f64);
    let unread = RwSignal::new(0usize);
    let distance_from_top =
        |el: &web_sys::HtmlElement| el.scroll_top() as f64 + (el.scroll_height() - el.client_height()) as f64;
    // New messages: none of those shown leaves the view (the page grows by what arrived), and
    // the part being read stays where it is; below it, a pill counts them.
    Effect::new(move |before: Option<usize>| {
        let now = total();
        if let Some(added) = before.filter(|was| now > *was).map(|was| now - was) {
            limit.update(|l| *l += added);
            if !at_bottom.get_untracked() {
                unread.update(|u| *u += added);
                // once the frame has laid them out
                request_animation_frame(move || {
                    if let Some(el) = viewport.get_untracked() {
                        if (el.scroll_top() as f64 - left_at.get_value()).abs() < 1.0 {
                            let d = from_top.get_value();
                            el.set_scroll_top((d - (el.scroll_height() - el.client_height()) as f64) as i32);
                        }
                        left_at.set_value(el.scroll_top() as f64);
                        from_top.set_value(distance_from_top(&el));
                    }
                });
            }
        }
        now
    });
    let on_scroll = move |_| {
        if let Some(el) = viewport.get_untracked() {
            let bottom = el.scroll_top() > -4;
            at_bottom.set(bottom);
            left_at.set_value(el.scroll_top() as f64);
            from_top.set_value(distance_from_top(&el));
            if bottom {
                unread.set(0);
            }
        }
    };
    let to_newest = move |_| {
        if let Some(el) = viewport.get_untracked() {
            el.set_scroll_top(0);
        }
        at_bottom.set(true);
        unread.set(0);
    };
    // The messages shown (the newest `limit` of the matches) and whether a day separator goes
    // before each. Keyed: a keystroke or "Mostrar anteriores" adds and removes messages, it does
    // not rebuild (nor reload the e-mail frames of) those that stay.
    let visible = Memo::new(move |_| {
        list.with(|l| {
            let messages = messages_in(l, index);
            matches.with(|m| {
                let start = m.len().saturating_sub(limit.get());
                let mut prev_day = None;
                m[start..]
                    .iter()
                    .map(|&i| {
                        let day = messages::day(messages[i].sent_at, &Local);
                        let separator = day != prev_day;
                        prev_day = day;
                        (i, messages[i].id, separator)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // keyed by position and id: a row built for one message is never reused for another that a
    // silent reload put at its position
    let row = move |(i, _, separator): (usize, i64, bool)| {
        list.with_untracked(|l| {
            let msg = messages_in(l, index).get(i)?;
            let day = separator.then(|| {
                view! {
                    <li class="cv-day">
                        <span>{fmt::date(msg.sent_at)}</span>
                    </li>
                }
            });
            Some(view! {
                {day}
                {message_view(t, msg, case_id, q, uid)}
            })
        })
    };
    let hidden_before = move || matches.with(|m| m.len().saturating_sub(limit.get()));
    view! {
        <div class="cv-conversation-head">
            <strong>{(texts.interactions.conversation)(&channel_name)}</strong>
            {identifier.map(|i| view! { <span class="cv-muted">{i}</span> })}
            <span class="cv-muted" role="status" aria-live="polite">
                {move || (texts.interactions.results)(matches.with(Vec::len), total())}
            </span>
        </div>
        // column-reverse keeps the scroll anchored at the newest message, even while hidden
        <div class="cv-conversation-wrap">
            <div
                class="cv-conversation"
                tabindex="0"
                aria-label=(texts.interactions.conversation)(&channel_name)
                node_ref=viewport
                on:scroll=on_scroll
            >
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
            {move || {
                let n = unread.get();
                (n > 0)
                    .then(|| {
                        view! {
                            <button type="button" class="cv-pill" on:click=to_newest>
                                {(texts.live.new_messages)(n)}
                                <span aria-hidden="true">" ↓"</span>
                            </button>
                        }
                    })
            }}
        </div>
    }
    .into_any()
}

/// The messages of channel `index` (none when it is not there).
fn messages_in(l: &InteractionList, index: usize) -> &[Message] {
    l.channels.get(index).map_or(&[][..], |c| c.messages.as_slice())
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
