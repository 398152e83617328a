//! Histórico de Ligações: every call of the case on the shared list, filtered by call status,
//! agent and period (with quick choices), searched by phone number typed any way, with the count
//! and talk time of what is shown.

use chrono::Local;
use cvortex_domain::list::calls::{self, CallFilter, PeriodError, QuickPeriod};
use cvortex_domain::text::Query;
use cvortex_domain::{format, phone, Call, CallList};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::state::{derived, filter_part, use_persisted_filter, Data};
use crate::tabs::{apply_as, count_of, decode_as, ModalTab, TabCtx, TabDef};
use crate::ui::shared::{
    cells, facet_options, Column, DataList, DateField, Filtered, ListTab, MultiSelect, SearchBox, SkeletonKind,
};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Calls,
    slug: "ligacoes",
    label: |t| t.calls.label,
    read: "calls",
    decode: decode_as::<CallList>,
    apply: Some(apply_as::<CallList>),
    count: |d| count_of::<CallList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| ctx.loaded(ctx.live(|list, ctx| view! { <CallsView list ctx /> })),
};

fn status_label(t: I18n, code: &str) -> String {
    (t.t().calls.status)(code)
        .map(str::to_owned)
        .unwrap_or_else(|| code.to_string())
}

fn columns(t: I18n) -> Vec<Column<Call>> {
    vec![
        Column::new(
            |t| t.calls.col_when,
            "minmax(148px, 1fr)",
            move |c: &Call, _| cells::when(c.started_at),
        ),
        Column::new(
            |t| t.calls.col_phone,
            "minmax(170px, 1.2fr)",
            move |c: &Call, _| cells::text("cv-nowrap", phone::display(&c.from_phone)),
        ),
        Column::new(
            |t| t.calls.col_status,
            "minmax(120px, 1fr)",
            move |c: &Call, _| {
                let code = c.status.as_str();
                // the status code names a colour class only when it is a plain identifier
                let known = code.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_');
                let class = format!("cv-chip cv-chip--call-{}", if known { code } else { "other" });
                cells::chip(class, status_label(t, code))
            },
        )
        .gives_way(1),
        Column::new(
            |t| t.calls.col_agent,
            "minmax(120px, 1fr)",
            move |c: &Call, _| cells::name(c.agent.as_ref().map(|a| a.name.as_str())),
        )
        .gives_way(2),
        Column::new(
            |t| t.calls.col_duration,
            "minmax(90px, 0.7fr)",
            move |c: &Call, _| match c.duration_seconds {
                _ if c.status == "in_progress" => cells::text("cv-muted", t.t().calls.ongoing.into()),
                Some(s) if s >= 0 => cells::text("cv-num", format::duration(s)),
                _ => cells::dash(),
            },
        )
        .gives_way(1),
        Column::new(
            |t| t.calls.col_direction,
            "minmax(90px, 0.7fr)",
            move |c: &Call, _| {
                let d = &c.direction;
                cells::text(
                    "",
                    (t.t().calls.direction)(d)
                        .map(str::to_owned)
                        .unwrap_or_else(|| d.clone()),
                )
            },
        )
        .gives_way(3),
    ]
}

#[component]
fn CallsView(list: Data<CallList>, ctx: TabCtx) -> impl IntoView {
    let t = use_i18n();
    let case_id = ctx.case_id.get_untracked();
    let filter = use_persisted_filter(case_id, "l_", CallFilter::to_query, CallFilter::from_query);
    let total = ctx.total(list);
    let bad_date = RwSignal::new([false; 2]);
    let range = Memo::new(move |_| filter.with(|f| calls::period_range(f.from, f.to, &Local)));
    // What is folded once per version of the data: the display order and the facets' options
    // (one memo for both: each costs bundle size)
    let model = derived(move || {
        let (order, facets) = list.with(|l| (calls::newest_first(&l.items), calls::facets(&l.items)));
        let statuses = facet_options(&facets.statuses, |value, _| status_label(t, value));
        let agents = facet_options(&facets.agents, |value, label| {
            if value.is_empty() {
                t.t().no_agent.into()
            } else {
                label.into()
            }
        });
        (order, [statuses, agents])
    });
    let shown = Memo::new(move |_| {
        // an inverted period is reported and ignored, never a crash
        let r = range.get().unwrap_or((None, None));
        list.with(|l| model.with(|(o, _)| filter.with(|f| calls::filter(&l.items, o, f, r))))
    });
    // a call that ends changes the talk time without changing what is shown
    let totals = Memo::new(move |_| list.with(|l| shown.with(|s| calls::totals(&l.items, s))));
    let [status_opts, agent_opts] = [0, 1].map(|i| Signal::derive(move || model.with(|(_, o)| o[i].clone())));
    let quick = move |p: QuickPeriod| {
        let (from, to) = p.range(Local::now().date_naive());
        bad_date.set([false; 2]);
        filter.update(|f| {
            f.from = Some(from);
            f.to = Some(to);
        });
    };
    let set_date = move |is_from: bool| {
        Callback::new(move |value| filter.update(|f| if is_from { f.from = value } else { f.to = value }))
    };
    let on_invalid = move |i: usize| Callback::new(move |bad| bad_date.update(|b| b[i] = bad));
    // "Limpar filtros" also wipes a day typed halfway (the filter never held it)
    let cleared = RwSignal::new(0u32);
    let clear = Callback::new(move |()| {
        bad_date.set([false; 2]);
        cleared.update(|n| *n += 1);
        filter.set(CallFilter::default());
    });
    let is_clear = filter_part(filter, CallFilter::is_clear);
    // One closure type for both fields, so its rendering code exists once.
    let date_of = move |is_from: bool| Signal::derive(move || filter.with(|f| if is_from { f.from } else { f.to }));
    let no_query = Query::default();

    let toolbar = view! {
        <div class="cv-toolbar" role="search">
            <SearchBox
                label=t.t().calls.search.to_string()
                numeric=true
                value=filter_part(filter, |f| f.phone.clone())
                on_input=Callback::new(move |v| filter.update(|f| f.phone = v))
            />
            <MultiSelect
                label=t.t().calls.filter_status.to_string()
                options=status_opts
                selected=filter_part(filter, |f| f.statuses.0.clone())
                on_toggle=Callback::new(move |v: String| filter.update(|f| f.statuses.toggle(&v)))
            />
            <MultiSelect
                label=t.t().calls.filter_agent.to_string()
                options=agent_opts
                selected=filter_part(filter, |f| f.agents.0.clone())
                on_toggle=Callback::new(move |v: String| filter.update(|f| f.agents.toggle(&v)))
            />
            <fieldset class="cv-period">
                <legend class="cv-sr-only">{move || format!("{} / {}", t.t().calls.from, t.t().calls.to)}</legend>
                <DateField
                    label=t.t().calls.from
                    value=date_of(true)
                    reset=cleared
                    on_change=set_date(true)
                    on_invalid=on_invalid(0)
                />
                <DateField
                    label=t.t().calls.to
                    value=date_of(false)
                    reset=cleared
                    on_change=set_date(false)
                    on_invalid=on_invalid(1)
                />
                <button type="button" class="cv-button cv-button--subtle" on:click=move |_| quick(QuickPeriod::Today)>
                    {t.t().calls.today}
                </button>
                <button
                    type="button"
                    class="cv-button cv-button--subtle"
                    on:click=move |_| quick(QuickPeriod::Last7Days)
                >
                    {t.t().calls.last7}
                </button>
                <button
                    type="button"
                    class="cv-button cv-button--subtle"
                    on:click=move |_| quick(QuickPeriod::Last30Days)
                >
                    {t.t().calls.last30}
                </button>
            </fieldset>
        </div>
    }
    .into_any();
    let notes = view! {
        {move || match (range.get(), bad_date.get().contains(&true)) {
            (Err(PeriodError::Inverted), _) => {
                Some(
                    view! {
                        <p class="cv-warning" role="alert">
                            {t.t().calls.period_inverted}
                        </p>
                    },
                )
            }
            (_, true) => {
                Some(
                    view! {
                        <p class="cv-warning" role="alert">
                            {t.t().calls.period_invalid}
                        </p>
                    },
                )
            }
            _ => None,
        }}
        <div class="cv-totals">
            <strong>
                {move || {
                    let x = totals.get();
                    (t.t().calls.totals)(x.count, &format::duration(x.talk_seconds))
                }}
            </strong>
        </div>
    }
    .into_any();
    let filtered = Filtered {
        shown,
        total,
        is_clear,
        on_clear: clear,
        query: filter_part(filter, |f| f.phone.clone()),
        active_filters: filter_part(filter, CallFilter::active_filters),
    };
    let list = move || {
        view! {
            <DataList
                source=list
                rows_of=|l: &CallList| l.items.as_slice()
                shown
                columns=columns(t)
                query=Signal::stored(no_query.clone())
                label=t.t().calls.table.to_string()
                row_height=48.0
                row_name=|c: &Call| fmt::datetime(c.started_at)
            />
        }
    };
    view! {
        <div class="cv-list-tab">
            <ListTab toolbar notes filtered list />
        </div>
    }
}
