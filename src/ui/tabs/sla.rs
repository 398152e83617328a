//! SLA: each target of the case with its status (icon and text, never colour alone), execution
//! time, target, due time and time left or overdue. Running targets tick every second: one
//! signal, read only by their own time texts, so nothing else re-renders.

use std::sync::Arc;
use std::time::Duration;

use cvortex_domain::sla::{clock, SlaClock, SlaStatus};
use cvortex_domain::{format, CaseId, SlaList, SlaTarget};
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::tabs::{count_of, decode_as, ModalTab, TabDef};
use crate::ui::shared::SkeletonKind;

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Sla,
    slug: "sla",
    label: |t| t.sla.label,
    read: "sla",
    decode: decode_as::<SlaList>,
    // reloaded on a live change instead (see `state::live`): its clocks are as of the load
    apply: None,
    count: |d| count_of::<SlaList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| ctx.loaded(ctx.ready(|list: Arc<SlaList>, case_id| view! { <SlaView list case_id /> })),
};

fn status_class(s: SlaStatus) -> &'static str {
    match s {
        SlaStatus::Running => "cv-sla cv-sla--running",
        SlaStatus::Paused => "cv-sla cv-sla--paused",
        SlaStatus::Met => "cv-sla cv-sla--met",
        SlaStatus::Breached => "cv-sla cv-sla--breached",
        SlaStatus::Other => "cv-sla",
    }
}

fn status_icon(s: SlaStatus, overdue: bool) -> &'static str {
    match s {
        _ if overdue => "⚠",
        SlaStatus::Running => "▶",
        SlaStatus::Paused => "‖",
        SlaStatus::Met => "✔",
        SlaStatus::Breached => "⚠",
        SlaStatus::Other => "•",
    }
}

fn status_text(t: I18n, target: &SlaTarget, c: &SlaClock) -> String {
    let texts = t.t();
    match c.status {
        // a running target past its target is already violated, whatever the server said last
        SlaStatus::Running if c.overdue => texts.sla.running_late.into(),
        _ => (texts.sla.status)(&target.status)
            .map(str::to_owned)
            .unwrap_or_else(|| target.status.clone()),
    }
}

#[component]
fn SlaView(case_id: CaseId, list: Arc<SlaList>) -> impl IntoView {
    let t = use_i18n();
    let loaded_at = js_sys::Date::now() as i64;
    // milliseconds since the list arrived; only running targets read it
    let since_load = RwSignal::new(0i64);
    if list
        .items
        .iter()
        .any(|i| SlaStatus::of(&i.status) == SlaStatus::Running)
    {
        if let Ok(handle) = set_interval_with_handle(
            move || since_load.set(js_sys::Date::now() as i64 - loaded_at),
            Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    if list.items.is_empty() {
        return view! { <p class="cv-empty">{t.t().sla.empty}</p> }.into_any();
    }
    let cards = list
        .items
        .iter()
        .map(|target| {
            let target = Arc::new(target.clone());
            let running = SlaStatus::of(&target.status) == SlaStatus::Running;
            // a still target computes its clock once; a running one on every tick
            let now = move || if running { since_load.get() } else { 0 };
            let tg = target.clone();
            let c = Memo::new(move |_| clock(&tg, now()));
            let texts = t.t();
            let first = c.get_untracked();
            let name = target.name.clone();
            let t2 = target.clone();
            let note = match first.status {
                SlaStatus::Paused => target
                    .paused_since
                    .map(|ms| (texts.sla.paused_since)(&fmt::datetime(ms))),
                SlaStatus::Met => target.completed_at.map(|ms| (texts.sla.met_at)(&fmt::datetime(ms))),
                _ => None,
            };
            view! {
                <li class=move || {
                    format!("{}{}", status_class(c.get().status), if c.get().overdue { " cv-sla--overdue" } else { "" })
                }>
                    <div class="cv-sla__head">
                        <div class="cv-stack">
                            <h3 class="cv-sla__name">{fmt::shown(&name)}</h3>
                            {(target.case_id != case_id)
                                .then(|| view! { <span class="cv-tag">{(texts.from_case)(target.case_id)}</span> })}
                        </div>
                        <span class="cv-sla__status">
                            <span aria-hidden="true">{move || status_icon(c.get().status, c.get().overdue)}" "</span>
                            {move || status_text(t, &t2, &c.get())}
                        </span>
                    </div>
                    <dl class="cv-sla__facts">
                        <div>
                            <dt>{texts.sla.elapsed}</dt>
                            <dd class="cv-num">{move || format::duration(c.get().elapsed)}</dd>
                        </div>
                        <div>
                            <dt>{texts.sla.target}</dt>
                            <dd class="cv-num">{format::duration(target.target_seconds.max(0))}</dd>
                        </div>
                        <div>
                            <dt>{texts.sla.due}</dt>
                            <dd>{first.due_at.map(fmt::datetime).unwrap_or_else(|| "—".into())}</dd>
                        </div>
                        <div>
                            <dt>{move || if c.get().remaining < 0 { texts.sla.overdue } else { texts.sla.left }}</dt>
                            <dd class="cv-num cv-sla__left">
                                {move || format::duration(c.get().remaining.saturating_abs())}
                            </dd>
                        </div>
                    </dl>
                    <div
                        class="cv-sla__bar"
                        role="progressbar"
                        aria-label=texts.sla.progress
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=move || c.get().percent
                    >
                        <span style:width=move || format!("{}%", c.get().percent)></span>
                    </div>
                    {note.map(|n| view! { <p class="cv-sla__note">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="cv-sla-list" aria-label=t.t().sla.list>
            {cards}
        </ul>
    }
    .into_any()
}
