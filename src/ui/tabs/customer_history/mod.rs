//! Histórico do Cliente: every case of the customer on the shared list (search, sort by any
//! column, "Continuar atendimento"), and the unification of cases into the open one: ineligible
//! rows are disabled with their reason as soon as the list shows, and the flow confirms, sends
//! once, and can be undone.

mod columns;
mod unify_panel;

use std::sync::Arc;

use cvortex_domain::list::customer::{self, CaseSort, CustomerFilter};
use cvortex_domain::text::Query;
use cvortex_domain::unification::{preview, toggle_all, Assessment};
use cvortex_domain::CustomerCaseList;
use leptos::prelude::*;

use self::columns::{columns, row_look, CaseRow};
use self::unify_panel::UnifyPanel;
use crate::fmt;
use crate::i18n::use_i18n;
use crate::state::{derived, filter_part, use_persisted_filter, Data, Preview, TabData, UnifyFlow};
use crate::tabs::{apply_as, count_of, decode_as, ModalTab, TabCtx, TabDef};
use crate::ui::shared::{next_uid, ready_as, DataList, Filtered, ListTab, SearchBox, SkeletonKind, Sorting};
use crate::widget::use_continue_case;

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::CustomerHistory,
    slug: "historico-do-cliente",
    label: |t| t.customer.label,
    read: "customer-cases",
    decode: decode_as::<CustomerCaseList>,
    apply: Some(apply_as::<CustomerCaseList>),
    count: |d| count_of::<CustomerCaseList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| view! { <CustomerHistory ctx /> }.into_any(),
};

/// The unification's alert above the list: the flow is the widget's (`CaseFlows`), so it outlives
/// the list's reloads and a locale change.
#[component]
fn CustomerHistory(ctx: TabCtx) -> impl IntoView {
    let flow = ctx.flows.unify;
    view! {
        <div class="cv-list-tab">
            <UnifyPanel flow />
            {ctx
                .loaded(
                    ready_as(move |list: Data<CustomerCaseList>| {
                        view! { <CustomerCasesView list flow total=ctx.total(list) /> }
                    }),
                )}
        </div>
    }
}

/// The rows of the list, one per case (a named type: generics in a `view!` attribute's closure
/// trip leptosfmt).
type CaseRows = Vec<CaseRow>;

#[component]
fn CustomerCasesView(list: Data<CustomerCaseList>, flow: UnifyFlow, total: Signal<usize>) -> impl IntoView {
    let t = use_i18n();
    let uid = next_uid();
    let case_id = flow.target.get_untracked();
    let filter = use_persisted_filter(case_id, "c_", CustomerFilter::to_query, CustomerFilter::from_query);
    // What is derived once per version of the data (one memo: each costs bundle size): the
    // flow's assessment of this very list, or one made here, recomputed as live changes arrive (a
    // colleague takes a case: its row is disabled, with the reason); the rows as the list shows
    // them (as tab data, so the list reads them like any tab's); the search index.
    let model = derived(move || {
        let Some(list) = list.get() else {
            return (Arc::new(Assessment::default()), None, Default::default());
        };
        let a = flow
            .candidates
            .with(|c| {
                c.as_ref()
                    .filter(|c| Arc::ptr_eq(&c.list, &list))
                    .map(|c| c.assessment.clone())
            })
            .unwrap_or_else(|| Arc::new(Assessment::new(&list.items, case_id)));
        let rows: CaseRows = (0..list.items.len())
            .map(|i| CaseRow {
                list: list.clone(),
                index: i,
                reasons: a.reasons.get(i).cloned().unwrap_or_default(),
                selectable: a.selectable(i),
                is_open: list.items[i].id == case_id,
            })
            .collect();
        let index = customer::index(&list.items, |c| fmt::channel(t.t(), c));
        (a, Some(Arc::new(rows) as TabData), index)
    });
    let assessment = move || model.with(|m| m.0.clone());
    let shown = Memo::new(move |_| {
        list.with(|l| model.with(|(_, _, index)| filter.with(|f| customer::filter(&l.items, index, f))))
    });
    let query = Memo::new(move |_| filter.with(|f| Query::new(&f.query)));
    let eligible_shown =
        Memo::new(move |_| list.with(|l| model.with(|(a, _, _)| shown.with(|s| a.eligible_ids(&l.items, s)))));

    let all_checked =
        Signal::derive(move || eligible_shown.with(|e| !e.is_empty() && flow.selected.with(|s| e.is_subset(s))));
    let some_checked =
        Signal::derive(move || eligible_shown.with(|e| flow.selected.with(|s| e.iter().any(|id| s.contains(id)))));
    let select_all: Arc<dyn Fn() -> AnyView + Send + Sync> = Arc::new(move || {
        view! {
            <input
                type="checkbox"
                class="cv-check"
                aria-label=t.t().customer.select_all
                title=t.t().customer.select_all
                disabled=move || eligible_shown.with(|e| e.is_empty()) || flow.is_busy()
                prop:checked=all_checked
                prop:indeterminate=move || some_checked.get() && !all_checked.get()
                on:change=move |_| {
                    let eligible = eligible_shown.get_untracked();
                    flow.choose(flow.selected.with_untracked(|s| toggle_all(s, &eligible)));
                }
            />
        }
        .into_any()
    });

    let selected_count = Signal::derive(move || flow.selected.with(|s| s.len()));
    let ask_confirm = move |_| {
        let (per_case, total) = list.with_untracked(|l| flow.selected.with_untracked(|s| preview(&l.items, s)));
        flow.confirm(Preview { per_case, total });
    };
    let open_finished = move || assessment().open_finished;
    let cannot_unify = move || open_finished() || selected_count.get() == 0 || flow.is_busy();

    let sorting = Sorting {
        current: filter_part(filter, |f| (f.sort.code(), f.descending)),
        on_sort: Callback::new(move |key: u8| {
            if let Some(key) = CaseSort::from_code(key) {
                filter.update(|f| f.sort_by(key));
            }
        }),
    };
    let clear = Callback::new(move |()| filter.update(|f| *f = f.cleared()));
    let is_clear = filter_part(filter, CustomerFilter::is_clear);
    let continue_case = use_continue_case();

    // why nothing can be unified here, when that is so
    let why_not = move || {
        if !assessment().open_found && total.get() > 0 {
            Some(t.t().customer.open_missing)
        } else if open_finished() {
            Some(t.t().customer.open_finished)
        } else {
            None
        }
    };
    let toolbar = view! {
        <div class="cv-toolbar-row">
            <div class="cv-toolbar" role="search">
                <SearchBox
                    label=t.t().customer.search.to_string()
                    value=filter_part(filter, |f| f.query.clone())
                    on_input=Callback::new(move |v| filter.update(|f| f.query = v))
                />
            </div>
            <div class="cv-unify-bar">
                <span class="cv-unify-bar__count" role="status" aria-live="polite">
                    {move || (t.t().customer.selected)(selected_count.get())}
                </span>
                <button
                    type="button"
                    class="cv-button cv-button--primary"
                    data-unify-button
                    title=untrack(why_not)
                    aria-disabled=move || cannot_unify().to_string()
                    on:click=move |ev| {
                        if !cannot_unify() {
                            ask_confirm(ev)
                        }
                    }
                >
                    {t.t().customer.unify}
                </button>
            </div>
        </div>
    }
    .into_any();
    let notes = (move || {
        why_not().map(|why| {
            view! {
                <p class="cv-warning" role="alert">
                    {why}
                </p>
            }
        })
    })
    .into_any();
    let filtered = Filtered {
        shown,
        total,
        is_clear,
        on_clear: clear,
        query: filter_part(filter, |f| f.query.clone()),
        active_filters: Signal::stored(0),
    };
    let list = move || {
        view! {
            <DataList
                source=Data::new(Signal::derive(move || model.with(|m| m.1.clone())))
                rows_of=|r: &CaseRows| r.as_slice()
                shown
                columns=columns(t, uid, flow, select_all.clone(), continue_case)
                query
                label=t.t().customer.table.to_string()
                row_height=60.0
                row_look=row_look
                row_name=|r: &CaseRow| format!("#{}", r.case().id)
                sorting
            />
        }
    };
    view! { <ListTab toolbar notes filtered list /> }
}
