//! Pesquisa de Satisfação: every survey of the case with its score on its own scale (CSAT stars,
//! NPS with its band), who asked and who served, when, and "Ver comentários" for the comment and
//! the experience answers.

use std::sync::Arc;

use cvortex_domain::survey::{score, NpsBand, Score};
use cvortex_domain::{CaseId, Survey, SurveyList};
use leptos::prelude::*;

use crate::i18n::{use_i18n, I18n};
use crate::tabs::{count_of, decode_as, ModalTab, TabDef};
use crate::ui::shared::{cells, next_uid, SkeletonKind};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Surveys,
    slug: "pesquisa-de-satisfacao",
    label: |t| t.surveys.label,
    read: "surveys",
    decode: decode_as::<SurveyList>,
    // read again on a live change instead (see `state::live`)
    apply: None,
    count: |d| count_of::<SurveyList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| ctx.loaded(ctx.ready(|list: Arc<SurveyList>, case_id| view! { <SurveysView list case_id /> })),
};

fn score_view(t: I18n, s: &Survey) -> AnyView {
    let texts = t.t();
    match score(s) {
        Score::Csat(n) => {
            let stars: String = (1..=5).map(|i| if i <= n { '★' } else { '☆' }).collect();
            view! {
                <span class="cv-score cv-score--csat" role="img" aria-label=(texts.surveys.stars)(n)>
                    <span class="cv-stars" aria-hidden="true">
                        {stars}
                    </span>
                    <span class="cv-score__num" aria-hidden="true">
                        {format!("{n}/5")}
                    </span>
                </span>
            }
            .into_any()
        }
        Score::Nps(n, band) => {
            let class = match band {
                NpsBand::Promoter => "cv-chip cv-chip--promoter",
                NpsBand::Neutral => "cv-chip cv-chip--neutral",
                NpsBand::Detractor => "cv-chip cv-chip--detractor",
            };
            view! {
                <span class="cv-score cv-score--nps">
                    <strong class="cv-score__big">{(texts.surveys.nps)(n)}</strong>
                    <span class=class>{(texts.surveys.band)(band)}</span>
                </span>
            }
            .into_any()
        }
        Score::Unrated(n) => {
            view! { <span class="cv-score cv-warning-text">{(texts.surveys.unrated)(n)}</span> }.into_any()
        }
    }
}

#[component]
fn SurveysView(case_id: CaseId, list: Arc<SurveyList>) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    if list.items.is_empty() {
        let why = if list.configured {
            texts.surveys.none
        } else {
            texts.surveys.not_configured
        };
        return view! { <p class="cv-empty">{why}</p> }.into_any();
    }
    let uid = next_uid();
    let cards = list
        .items
        .iter()
        .map(|s| {
            let open = RwSignal::new(false);
            let details_id = format!("cv-{uid}-survey-{}", s.id);
            let scale = (texts.surveys.scale)(&s.scale);
            let has_details = s.comment.as_ref().is_some_and(|c| !c.trim().is_empty()) || !s.answers.is_empty();
            let comment = s.comment.clone().filter(|c| !c.trim().is_empty());
            let answers = s
                .answers
                .iter()
                .map(|a| {
                    view! {
                        <dt>{crate::fmt::shown(&a.question)}</dt>
                        <dd>{crate::fmt::shown(&a.answer)}</dd>
                    }
                })
                .collect_view();
            let controls = details_id.clone();
            view! {
                <li class="cv-survey">
                    <div class="cv-survey__head">
                        <span class="cv-tag">{scale}</span>
                        {(s.case_id != case_id)
                            .then(|| view! { <span class="cv-tag">{(texts.from_case)(s.case_id)}</span> })}
                        {score_view(t, s)}
                    </div>
                    <dl class="cv-survey__facts">
                        <div>
                            <dt>{texts.surveys.requester}</dt>
                            <dd>{cells::name(s.requester.as_deref()).view()}</dd>
                        </div>
                        <div>
                            <dt>{texts.surveys.agent}</dt>
                            <dd>{cells::name(s.agent.as_ref().map(|a| a.name.as_str())).view()}</dd>
                        </div>
                        <div>
                            <dt>{texts.surveys.answered}</dt>
                            <dd>{cells::when(s.answered_at).view()}</dd>
                        </div>
                    </dl>
                    {if has_details {
                        view! {
                            <button
                                type="button"
                                class="cv-link-button"
                                aria-expanded=move || open.get().to_string()
                                aria-controls=controls
                                on:click=move |_| open.update(|o| *o = !*o)
                            >
                                <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
                                {move || if open.get() { texts.surveys.hide } else { texts.surveys.show }}
                            </button>
                            <div class="cv-survey__details" id=details_id hidden=move || !open.get()>
                                {comment
                                    .map(|c| {
                                        view! {
                                            <p class="cv-prewrap">
                                                <strong>{texts.surveys.comment}": "</strong>
                                                {crate::fmt::shown(&c)}
                                            </p>
                                        }
                                    })}
                                <dl class="cv-survey__answers">{answers}</dl>
                            </div>
                        }
                            .into_any()
                    } else {
                        view! { <p class="cv-muted">{texts.surveys.no_comment}</p> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="cv-survey-list" aria-label=texts.surveys.list>
            {cards}
        </ul>
    }
    .into_any()
}
