//! Histórico do Caso: the case's timeline on the shared list, with the seed's four filters (user,
//! comments, channel, action), a search over descriptions and comments, the order toggle, and
//! questionnaires that expand under their event.

use std::sync::Arc;

use cvortex_domain::list::history::{self, CommentFilter, HistoryFilter};
use cvortex_domain::text::Query;
use cvortex_domain::{HistoryEvent, HistoryList};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::state::{derived, filter_part, use_persisted_filter, Data};
use crate::tabs::{apply_as, count_of, decode_as, ModalTab, TabCtx, TabDef};
use crate::ui::shared::{
    cells, facet_options, Column, DataList, Expand, Filtered, ListTab, MultiSelect, SearchBox, SkeletonKind,
};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::CaseHistory,
    slug: "historico-do-caso",
    label: |t| t.history.label,
    read: "history",
    decode: decode_as::<HistoryList>,
    apply: Some(apply_as::<HistoryList>),
    count: |d| count_of::<HistoryList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| ctx.loaded(ctx.live(|list, ctx| view! { <HistoryView list ctx /> })),
};

fn columns(t: I18n) -> Vec<Column<HistoryEvent>> {
    vec![
        Column::new(
            |t| t.history.col_when,
            "minmax(148px, 0.8fr)",
            move |e: &HistoryEvent, _| cells::when(e.occurred_at),
        ),
        Column::new(
            |t| t.history.col_action,
            "minmax(200px, 2fr)",
            move |e: &HistoryEvent, q| {
                let action = (t.t().history.action)(&e.action)
                    .map(str::to_owned)
                    .unwrap_or_else(|| e.action.clone());
                cells::stacked(
                    cells::clamped(e.description.clone(), q),
                    Some(cells::text("cv-tag", action)),
                )
            },
        ),
        Column::new(
            |t| t.history.col_agent,
            "minmax(110px, 1fr)",
            move |e: &HistoryEvent, _| cells::name(e.agent.as_ref().map(|a| a.name.as_str())),
        )
        .gives_way(2),
        Column::new(
            |t| t.history.col_comment,
            "minmax(180px, 2fr)",
            move |e: &HistoryEvent, q| cells::clamped_or_dash(e.comment.clone(), q),
        )
        .gives_way(1),
        Column::new(
            |t| t.history.col_channel,
            "minmax(90px, 0.7fr)",
            move |e: &HistoryEvent, _| match &e.channel {
                Some(c) => cells::text("", fmt::channel(t.t(), c)),
                None => cells::dash(),
            },
        )
        .gives_way(3),
        Column::new(
            |t| t.history.col_status,
            "minmax(176px, 0.9fr)",
            move |e: &HistoryEvent, _| match &e.status {
                Some(s) => cells::chip("cv-chip cv-chip--fit".into(), s.name.clone()),
                None => cells::dash(),
            },
        )
        .gives_way(2),
    ]
}

fn questionnaires() -> Expand<HistoryEvent> {
    Expand {
        header: |t| t.history.col_questionnaires,
        label: Arc::new(|e: &HistoryEvent, t| {
            (!e.questionnaires.is_empty()).then(|| (t.history.questionnaires)(e.questionnaires.len()))
        }),
        body: Arc::new(|e: &HistoryEvent| {
            e.questionnaires
                .iter()
                .map(|q| {
                    view! {
                        <section class="cv-questionnaire">
                            <h4>{q.title.clone()}</h4>
                            <dl>
                                {q
                                    .answers
                                    .iter()
                                    .map(|a| {
                                        view! {
                                            <dt>{crate::fmt::shown(&a.question)}</dt>
                                            <dd>{crate::fmt::shown(&a.answer)}</dd>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }),
    }
}

#[component]
fn HistoryView(list: Data<HistoryList>, ctx: TabCtx) -> impl IntoView {
    let t = use_i18n();
    let case_id = ctx.case_id.get_untracked();
    let filter = use_persisted_filter(case_id, "h_", HistoryFilter::to_query, HistoryFilter::from_query);
    let total = ctx.total(list);
    // What is folded once per version of the data: the search index and the facets' options (a
    // live event may bring a new agent or channel). One memo for both (each costs bundle size).
    let model = derived(move || {
        let (index, facets) = list.with(|l| (history::index(&l.items), history::facets(&l.items)));
        let agents = facet_options(&facets.agents, |value, label| {
            if value.is_empty() {
                t.t().no_agent.into()
            } else {
                label.into()
            }
        });
        let channels = facet_options(&facets.channels, |value, _| {
            if value.is_empty() {
                t.t().no_channel.into()
            } else {
                fmt::channel(t.t(), value)
            }
        });
        let actions = facet_options(&facets.actions, |value, _| {
            (t.t().history.action)(value)
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string())
        });
        (index, [agents, channels, actions])
    });
    let shown = Memo::new(move |_| {
        list.with(|l| model.with(|(index, _)| filter.with(|f| history::filter(&l.items, index, f))))
    });
    let query = Memo::new(move |_| filter.with(|f| Query::new(&f.query)));
    let [agent_opts, channel_opts, action_opts] =
        [0, 1, 2].map(|i| Signal::derive(move || model.with(|(_, o)| o[i].clone())));

    let comment_mode = filter_part(filter, |f| match f.comments {
        CommentFilter::Any => "any",
        CommentFilter::With => "with",
        CommentFilter::Without => "without",
        CommentFilter::Containing(_) => "containing",
    });
    let set_comment_mode = move |mode: String| {
        filter.update(|f| {
            f.comments = match mode.as_str() {
                "with" => CommentFilter::With,
                "without" => CommentFilter::Without,
                "containing" => CommentFilter::Containing(String::new()),
                _ => CommentFilter::Any,
            }
        })
    };
    let clear = Callback::new(move |()| filter.update(|f| *f = f.cleared()));
    let is_clear = filter_part(filter, HistoryFilter::is_clear);
    let oldest_first = filter_part(filter, |f| f.oldest_first);

    let toolbar = view! {
        <div class="cv-toolbar" role="search">
            <SearchBox
                label=t.t().history.search.to_string()
                value=filter_part(filter, |f| f.query.clone())
                on_input=Callback::new(move |v| filter.update(|f| f.query = v))
            />
            <MultiSelect
                label=t.t().history.filter_user.to_string()
                options=agent_opts
                selected=filter_part(filter, |f| f.agents.0.clone())
                on_toggle=Callback::new(move |v: String| filter.update(|f| f.agents.toggle(&v)))
            />
            <label class="cv-select">
                <span class="cv-sr-only">{t.t().history.filter_comments}</span>
                <select
                    aria-label=t.t().history.filter_comments
                    on:change=move |ev| set_comment_mode(event_target_value(&ev))
                    prop:value=move || comment_mode.get()
                >
                    <option value="any">
                        {move || format!("{}: {}", t.t().history.filter_comments, t.t().history.comments_any)}
                    </option>
                    <option value="with">{t.t().history.comments_with}</option>
                    <option value="without">{t.t().history.comments_without}</option>
                    <option value="containing">{t.t().history.comments_containing}</option>
                </select>
            </label>
            <Show when=move || comment_mode.get() == "containing">
                <SearchBox
                    label=t.t().history.comments_containing.to_string()
                    value=filter_part(
                        filter,
                        |f| match &f.comments {
                            CommentFilter::Containing(s) => s.clone(),
                            _ => String::new(),
                        },
                    )
                    on_input=Callback::new(move |v| filter.update(|f| f.comments = CommentFilter::Containing(v)))
                />
            </Show>
            <MultiSelect
                label=t.t().history.filter_channel.to_string()
                options=channel_opts
                selected=filter_part(filter, |f| f.channels.0.clone())
                on_toggle=Callback::new(move |v: String| filter.update(|f| f.channels.toggle(&v)))
            />
            <MultiSelect
                label=t.t().history.filter_action.to_string()
                options=action_opts
                selected=filter_part(filter, |f| f.actions.0.clone())
                on_toggle=Callback::new(move |v: String| filter.update(|f| f.actions.toggle(&v)))
            />
            <button
                type="button"
                class="cv-button cv-button--subtle"
                aria-pressed=move || oldest_first.get().to_string()
                on:click=move |_| filter.update(|f| f.oldest_first = !f.oldest_first)
            >
                <span aria-hidden="true">"⇅ "</span>
                {move || if oldest_first.get() { t.t().history.order_oldest } else { t.t().history.order_newest }}
            </button>
        </div>
    }
    .into_any();
    let filtered = Filtered {
        shown,
        total,
        is_clear,
        on_clear: clear,
        query: filter_part(filter, |f| f.query.clone()),
        active_filters: filter_part(filter, HistoryFilter::active_filters),
    };
    let list = move || {
        view! {
            <DataList
                source=list
                rows_of=|l: &HistoryList| l.items.as_slice()
                shown
                columns=columns(t)
                query
                label=t.t().history.table.to_string()
                row_height=64.0
                row_name=|e: &HistoryEvent| fmt::datetime(e.occurred_at)
                expand=questionnaires()
            />
        }
    };
    view! {
        <div class="cv-list-tab">
            <ListTab toolbar filtered list />
        </div>
    }
}
