//! The start page: the agent's cases, each id a link that opens the modal (as in cVortex's
//! Gerenciamento > Casos). The modal route renders inside it.

use cvortex_domain::{CaseListItem, Head};
use leptos::prelude::*;
use serde::Deserialize;

use crate::api::{reads, use_client};
use crate::fmt;
use crate::i18n::{use_i18n, LocaleSwitch, Localized};
use crate::state::{decode_as, Data, Remote};
use crate::ui::shared::{ready_as, LoadView, SkeletonKind};

/// The start page lists this many cases (a plain table; the modal is the product).
const START_ROWS: usize = 200;

/// The start page's share of `GET /v1/cases` (a `CaseList`): its first cases and how many there
/// are. The rest are skipped while decoding, not kept (at 10,000 cases they held 8 MB).
#[derive(Deserialize)]
struct StartCases {
    #[serde(default)]
    items: Head<CaseListItem, START_ROWS>,
}

// Plain `<a>`: the router handles their clicks, and unlike `<A>` they do not each follow the
// location (thousands of those made every navigation, a tab switch included, cost ~370 ms).
#[component]
pub fn StartPage() -> impl IntoView {
    let t = use_i18n();
    let client = use_client();
    let cases = Remote::new();
    let load = Callback::new(move |()| cases.load(&client, reads::cases(), decode_as::<StartCases>));
    load.run(());
    on_cleanup(move || cases.abort());

    view! {
        <Localized>
            <div class="cv-start">
                <header class="cv-start__header">
                    <h1>{t.t().start.title}</h1>
                    <LocaleSwitch />
                </header>
                <p class="cv-muted">{t.t().start.intro}</p>
                <LoadView
                    remote=cases
                    skeleton=SkeletonKind::Rows
                    tab_label=t.t().start.title.to_string()
                    on_retry=load
                    ready=ready_as(move |list: Data<StartCases>| move || {
                        let list = list.get()?;
                        Some(
                            view! {
                                <table class="cv-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.t().start.col_case}</th>
                                            <th scope="col">{t.t().start.col_customer}</th>
                                            <th scope="col">{t.t().start.col_subject}</th>
                                            <th scope="col">{t.t().start.col_status}</th>
                                            <th scope="col">{t.t().start.col_channel}</th>
                                            <th scope="col">{t.t().start.col_created}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .items
                                            .items
                                            .iter()
                                            .map(|c| {
                                                let id = c.id;
                                                let channel = c.channel.clone();
                                                view! {
                                                    <tr>
                                                        <td>
                                                            <a
                                                                href=format!("/casos/{id}")
                                                                aria-label=(t.t().start.open_case)(id)
                                                            >
                                                                {format!("#{id}")}
                                                            </a>
                                                        </td>
                                                        <td>{c.customer_name.clone()}</td>
                                                        <td>{c.subject.clone().unwrap_or_default()}</td>
                                                        <td>{c.status.name.clone()}</td>
                                                        <td>{fmt::channel(t.t(), &channel)}</td>
                                                        <td>{fmt::datetime(c.created_at)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                {(list.items.total > START_ROWS)
                                    .then(|| {
                                        view! {
                                            <p class="cv-muted">{(t.t().start.more)(START_ROWS, list.items.total)}</p>
                                        }
                                    })}
                            },
                        )
                    })
                />
            </div>
        </Localized>
    }
}
