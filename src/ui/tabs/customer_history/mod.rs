//! Histórico do Cliente: every case of the customer on the shared list (search, sort by any
//! column, "Continuar atendimento"), and the unification of cases into the open one: ineligible
//! rows are disabled with their reason as soon as the list shows, and the flow confirms, sends
//! once, and can be undone.

mod columns;
mod unify_panel;

use std::sync::Arc;

use cvortex_domain::list::customer::{self, CustomerFilter};
use cvortex_domain::text::Query;
use cvortex_domain::unification::{preview, toggle_all, Assessment};
use cvortex_domain::{CaseId, CustomerCaseList, Unification};
use leptos::prelude::*;

use self::columns::{columns, row_look, CaseRow, SORT_KEYS};
use self::unify_panel::UnifyPanel;
use crate::api::use_client;
use crate::fmt;
use crate::host::use_host_events;
use crate::i18n::{use_i18n, ModalTab};
use crate::state::{filter_part, use_persisted_filter, CaseResources, FlowHooks, Preview, UnifyFlow};
use crate::ui::shared::{next_uid, DataList, EmptyState, LoadView, ResultCount, SearchBox, SkeletonKind, Sorting};
use crate::widget::use_continue_case;

#[component]
pub fn CustomerHistoryTab(
    resources: CaseResources,
    case_id: Signal<CaseId>,
    label: Signal<String>,
    retry: Callback<()>,
) -> impl IntoView {
    // one flow per open case: another case starts with nothing selected
    move || {
        let id = case_id.get();
        view! { <CustomerHistory resources case_id=id label retry /> }
    }
}

#[component]
fn CustomerHistory(
    resources: CaseResources,
    case_id: CaseId,
    label: Signal<String>,
    retry: Callback<()>,
) -> impl IntoView {
    let client = use_client();
    let events = use_host_events();
    let flow = UnifyFlow::new(case_id);
    let hooks = {
        let (c1, c2) = (client.clone(), client);
        let ev = events.clone();
        FlowHooks {
            // a unification (or its undo) changes every list of the case, not its own data
            refresh: Callback::new(move |()| {
                for tab in ModalTab::ALL.into_iter().filter(|t| *t != ModalTab::CaseData) {
                    resources.refresh(tab, &c1, case_id);
                }
            }),
            refresh_cases: Callback::new(move |()| resources.refresh(ModalTab::CustomerHistory, &c2, case_id)),
            unified: Callback::new(move |u: Unification| {
                ev.emit(
                    "cvortex:cases-unified",
                    serde_json::json!({
                        "case_id": u.target_case_id,
                        "merged_case_ids": u.merged_case_ids,
                        "unification_id": u.id,
                        "undo_until": u.undo_until,
                    }),
                )
            }),
            undone: Callback::new(move |u: Unification| {
                events.emit(
                    "cvortex:unification-undone",
                    serde_json::json!({
                        "case_id": u.target_case_id,
                        "restored_case_ids": u.merged_case_ids,
                        "unification_id": u.id,
                    }),
                )
            }),
        }
    };
    view! {
        <div class="cv-list-tab">
            <UnifyPanel flow hooks />
            <LoadView remote=resources.customer_cases skeleton=SkeletonKind::Rows tab_label=label on_retry=retry
                ready={move |list: Arc<CustomerCaseList>| view! { <CustomerCasesView list flow /> }} />
        </div>
    }
}

#[component]
fn CustomerCasesView(list: Arc<CustomerCaseList>, flow: UnifyFlow) -> impl IntoView {
    let t = use_i18n();
    let uid = next_uid();
    let case_id = flow.target;
    let filter = use_persisted_filter(case_id, "c_", CustomerFilter::to_query, CustomerFilter::from_query);
    let total = list.items.len();
    let assessment = Assessment::new(&list.items, case_id);
    let open_found = assessment.open_found;
    // what was selected and is still eligible stays selected (after a reload or a refusal)
    let kept = assessment.prune(&list.items, &flow.selected.get_untracked());
    if kept != flow.selected.get_untracked() {
        flow.selected.set(kept);
    }
    let rows: Arc<Vec<CaseRow>> = Arc::new(
        list.items
            .iter()
            .enumerate()
            .map(|(i, c)| CaseRow {
                list: list.clone(),
                index: i,
                reasons: assessment.reasons[i].clone(),
                selectable: assessment.selectable(i),
                is_open: c.id == case_id,
            })
            .collect(),
    );
    let index = customer::index(&list.items, |c| fmt::channel(t.t(), c));
    let shown = {
        let list = list.clone();
        Memo::new(move |_| filter.with(|f| customer::filter(&list.items, &index, f)))
    };
    let query = Memo::new(move |_| filter.with(|f| Query::new(&f.query)));
    let assessment = Arc::new(assessment);
    let eligible_shown = {
        let (list, a) = (list.clone(), assessment.clone());
        Memo::new(move |_| shown.with(|s| a.eligible_ids(&list.items, s)))
    };

    let all_checked =
        Signal::derive(move || eligible_shown.with(|e| !e.is_empty() && flow.selected.with(|s| e.is_subset(s))));
    let some_checked =
        Signal::derive(move || eligible_shown.with(|e| flow.selected.with(|s| e.iter().any(|id| s.contains(id)))));
    let select_all: Arc<dyn Fn() -> AnyView + Send + Sync> = Arc::new(move || {
        view! {
            <input type="checkbox" class="cv-check" aria-label=t.t().cc_select_all title=t.t().cc_select_all
                disabled=move || eligible_shown.with(|e| e.is_empty()) || flow.is_busy()
                prop:checked=all_checked prop:indeterminate=move || some_checked.get() && !all_checked.get()
                on:change=move |_| {
                    let eligible = eligible_shown.get_untracked();
                    flow.selected.update(|s| *s = toggle_all(s, &eligible));
                } />
        }
        .into_any()
    });

    let selected_count = Signal::derive(move || flow.selected.with(|s| s.len()));
    let ask_confirm = {
        let list = list.clone();
        move |_| {
            let (per_case, total) = flow.selected.with_untracked(|s| preview(&list.items, s));
            flow.confirm(Preview { per_case, total });
        }
    };
    let cannot_unify = move || selected_count.get() == 0 || flow.is_busy();

    let sorting = Sorting {
        current: filter_part(filter, |f| {
            let col = SORT_KEYS.iter().position(|k| *k == Some(f.sort)).unwrap_or(0);
            (col, f.descending)
        }),
        on_sort: Callback::new(move |col: usize| {
            if let Some(Some(key)) = SORT_KEYS.get(col) {
                filter.update(|f| f.sort_by(*key));
            }
        }),
    };
    let clear = Callback::new(move |()| filter.update(|f| *f = f.cleared()));
    let is_clear = filter_part(filter, CustomerFilter::is_clear);
    let continue_case = use_continue_case();

    view! {
        <div class="cv-toolbar-row">
            <div class="cv-toolbar" role="search">
                <SearchBox label=t.t().cc_search.to_string() value=filter_part(filter, |f| f.query.clone())
                    on_input=Callback::new(move |v| filter.update(|f| f.query = v)) />
            </div>
            <div class="cv-unify-bar">
                <span class="cv-unify-bar__count" role="status" aria-live="polite">{move || (t.t().cc_selected)(selected_count.get())}</span>
                <button type="button" class="cv-button cv-button--primary" data-unify-button aria-disabled=move || cannot_unify().to_string()
                    on:click=move |ev| if !cannot_unify() { ask_confirm(ev) }>{t.t().cc_unify}</button>
            </div>
        </div>
        {(!open_found && total > 0).then(|| view! { <p class="cv-warning" role="alert">{t.t().cc_open_missing}</p> })}
        <ResultCount shown=Signal::derive(move || shown.with(Vec::len)) total clear=is_clear on_clear=clear />
        <Show when=move || shown.with(|s| !s.is_empty())
            fallback=move || view! { <EmptyState total query=filter_part(filter, |f| f.query.clone())
                active_filters=Signal::stored(0) on_clear=clear /> }>
            <DataList source=rows.clone() rows_of={|r: &Vec<CaseRow>| r.as_slice()} shown
                columns=columns(t, uid, flow, select_all.clone(), continue_case) query
                label=t.t().cc_table.to_string() row_height=60.0 row_look=row_look sorting class="cv-datalist--sticky-end" />
        </Show>
    }
}
