//! Anexos: the case's files on the shared list (name with its type, size, origin, date, a
//! download per file), a search by name, several downloaded at once as one zip built in the
//! browser, and "Anexar arquivo" (button or drag and drop) checked against the backend's limits
//! before anything is sent.

mod upload_panel;

use cvortex_domain::unification::id_set;
use std::collections::BTreeSet;

use cvortex_domain::files::safe_file_name;
use cvortex_domain::list::attachments::{self as files_list, kind, FileKind};
use cvortex_domain::text::Query;
use cvortex_domain::zip::{unique_names, Crc32, ZipWriter};
use cvortex_domain::{Attachment, AttachmentList, CaseId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use self::upload_panel::{allowed_labels, UploadPanel};
use crate::api::{use_client, ApiClient};
use crate::fmt;
use crate::i18n::{use_i18n, I18n};
use crate::state::{Data, UploadFlow};
use crate::tabs::{apply_as, count_of, decode_as, ModalTab, TabCtx, TabDef};
use crate::ui::shared::{cells, ready_as, save_parts, Column, DataList, Filtered, ListTab, SearchBox, SkeletonKind};

/// The tab's declaration (see `crate::tabs`).
pub static TAB: TabDef = TabDef {
    id: ModalTab::Attachments,
    slug: "anexos",
    label: |t| t.attachments.label,
    read: "attachments",
    decode: decode_as::<AttachmentList>,
    apply: Some(apply_as::<AttachmentList>),
    count: |d| count_of::<AttachmentList>(d, |l| l.items.len()),
    changed_by_unification: true,
    skeleton: SkeletonKind::Rows,
    panel: |ctx| view! { <Attachments ctx /> }.into_any(),
};

/// The upload's progress and outcome above the list: the flow is the widget's (`CaseFlows`), so a
/// list reload or a locale change loses neither.
#[component]
fn Attachments(ctx: TabCtx) -> impl IntoView {
    let flow = ctx.flows.upload;
    view! {
        <div class="cv-list-tab">
            <UploadPanel flow />
            {ctx
                .loaded(
                    ready_as(move |list: Data<AttachmentList>| {
                        view! { <AttachmentsView list flow total=ctx.total(list) /> }
                    }),
                )}
        </div>
    }
}

fn kind_label(k: FileKind) -> &'static str {
    match k {
        FileKind::Image => "IMG",
        FileKind::Pdf => "PDF",
        FileKind::Document => "DOC",
        FileKind::Spreadsheet => "XLS",
        FileKind::Audio => "AUD",
        FileKind::Video => "VID",
        FileKind::Archive => "ZIP",
        FileKind::Text => "TXT",
        FileKind::Other => "ARQ",
    }
}

fn origin_text(t: I18n, a: &Attachment) -> String {
    let texts = t.t();
    match (a.origin.kind.as_str(), &a.origin.channel, &a.origin.uploaded_by) {
        ("upload", _, Some(who)) => (texts.attachments.origin_upload)(&who.name),
        (_, Some(channel), _) => (texts.attachments.origin_channel)(&fmt::channel(texts, channel)),
        (_, _, Some(who)) => (texts.attachments.origin_upload)(&who.name),
        _ => texts.attachments.origin_other.into(),
    }
}

/// Downloads one file under its safe name; a failure is reported in `notice`.
fn download(client: ApiClient, t: I18n, case_id: CaseId, a: &Attachment, notice: RwSignal<Option<String>>) {
    let (id, name, mime) = (a.id, a.file_name.clone(), a.mime_type.clone());
    spawn_local(async move {
        let Ok(ctl) = web_sys::AbortController::new() else {
            return;
        };
        let texts = t.t();
        match client.attachment_bytes(case_id, id, &ctl.signal()).await {
            Ok(bytes) if save_parts(&js_sys::Array::of1(&bytes), &name, &mime).is_ok() => notice.set(None),
            Ok(_) => notice.set(Some((texts.attachments.download_failed)(&name))),
            Err(e) => notice.set(Some(format!(
                "{}: {}",
                (texts.attachments.download_failed)(&name),
                e.message(texts)
            ))),
        }
    });
}

#[component]
fn AttachmentsView(list: Data<AttachmentList>, flow: UploadFlow, total: Signal<usize>) -> impl IntoView {
    let t = use_i18n();
    let texts = t.t();
    let client = use_client();
    let case_id = flow.case_id.get_untracked();
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    let notice = RwSignal::new(None::<String>);
    let zipping = RwSignal::new(None::<(usize, usize)>);
    let shown = Memo::new(move |_| list.with(|l| query.with(|q| files_list::filter(&l.items, q))));
    let q = Memo::new(move |_| Query::new(&query.get()));
    let shown_ids = Memo::new(move |_| list.with(|l| shown.with(|s| id_set(&mut s.iter().map(|&i| l.items[i].id)))));
    let all_checked =
        Signal::derive(move || shown_ids.with(|ids| !ids.is_empty() && selected.with(|s| ids.is_subset(s))));

    let pick = NodeRef::<leptos::html::Input>::new();
    let start = {
        let client = client.clone();
        move |file: web_sys::File| flow.start(file, client.clone())
    };
    let on_pick = {
        let start = start.clone();
        move |_| {
            let Some(input) = pick.get_untracked() else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                start(file);
            }
            input.set_value(""); // the same file can be picked again
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = {
        let start = start.clone();
        move |ev: web_sys::DragEvent| {
            ev.prevent_default();
            dragging.set(false);
            if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                start(file);
            }
        }
    };

    let zip_selected = {
        let client = client.clone();
        move |_| {
            if zipping.get_untracked().is_some() {
                return;
            }
            let chosen: Vec<Attachment> = list.with_untracked(|l| {
                l.items
                    .iter()
                    .filter(|a| selected.with_untracked(|s| s.contains(&a.id)))
                    .cloned()
                    .collect()
            });
            if chosen.is_empty() {
                return;
            }
            let client = client.clone();
            spawn_local(async move {
                let texts = t.t();
                let Ok(ctl) = web_sys::AbortController::new() else {
                    return;
                };
                // made safe first, then unique: two names may become the same once made safe
                let safe: Vec<String> = chosen.iter().map(|a| safe_file_name(&a.file_name)).collect();
                let names = unique_names(safe.iter().map(String::as_str));
                // the archive's pieces stay in JavaScript and are joined by the Blob: each file
                // passes through wasm only in slices, for its CRC
                let parts = js_sys::Array::new();
                let mut zip = ZipWriter::default();
                for (i, (a, name)) in chosen.iter().zip(names).enumerate() {
                    zipping.set(Some((i + 1, chosen.len())));
                    let failed = match client.attachment_bytes(case_id, a.id, &ctl.signal()).await {
                        Ok(bytes) => match zip.entry(&name, bytes.length(), crc_of(&bytes).await) {
                            Ok(header) => {
                                parts.push(&js_sys::Uint8Array::from(&header[..]));
                                parts.push(&bytes);
                                continue;
                            }
                            Err(_) => (texts.attachments.download_failed)(&(texts.attachments.zip_name)(case_id)),
                        },
                        Err(e) => format!(
                            "{}: {}",
                            (texts.attachments.download_failed)(&a.file_name),
                            e.message(texts)
                        ),
                    };
                    notice.set(Some(failed));
                    zipping.set(None);
                    return;
                }
                zipping.set(None);
                let name = (texts.attachments.zip_name)(case_id);
                let saved = zip.finish().ok().and_then(|end| {
                    parts.push(&js_sys::Uint8Array::from(&end[..]));
                    save_parts(&parts, &name, "application/zip").ok()
                });
                notice.set(saved.is_none().then(|| (texts.attachments.download_failed)(&name)));
            });
        }
    };

    let download_client = client.clone();
    let columns = {
        let select_all = move || {
            view! {
                <input
                    type="checkbox"
                    class="cv-check"
                    aria-label=t.t().attachments.select_all
                    title=t.t().attachments.select_all
                    prop:checked=all_checked
                    disabled=move || shown_ids.with(BTreeSet::is_empty)
                    on:change=move |_| {
                        let ids = shown_ids.get_untracked();
                        selected.update(|s| *s = cvortex_domain::unification::toggle_all(s, &ids));
                    }
                />
            }
            .into_any()
        };
        vec![
            Column::new(
                |t| t.attachments.col_select,
                "44px",
                move |a: &Attachment, _| {
                    let id = a.id;
                    view! {
                        <input type="checkbox" class="cv-check" aria-label=(t.t().attachments.select)(&a.file_name)
                            prop:checked=move || selected.with(|s| s.contains(&id))
                            on:change=move |_| selected.update(|s| if !s.remove(&id) { s.insert(id); }) />
                    }
                    .into_any()
                },
            )
            .with_head(select_all),
            Column::new(
                |t| t.attachments.col_name,
                "minmax(220px, 3fr)",
                move |a: &Attachment, q| {
                    let k = kind(&a.mime_type);
                    let class = format!("cv-file-icon cv-file-icon--{}", kind_label(k).to_ascii_lowercase());
                    let icon = view! { <span class=class aria-hidden="true">{kind_label(k)}</span> }.into_any();
                    view! { <div class="cv-file">{icon}{cells::clamped(a.file_name.clone(), q).view()}</div> }
                        .into_any()
                },
            ),
            Column::new(
                |t| t.attachments.col_size,
                "minmax(90px, 0.6fr)",
                move |a: &Attachment, _| cells::text("cv-num cv-nowrap", fmt::size(t.t(), a.size_bytes)),
            )
            .gives_way(2),
            Column::new(
                |t| t.attachments.col_origin,
                "minmax(160px, 1.2fr)",
                move |a: &Attachment, _| cells::text("cv-clamp", origin_text(t, a)),
            )
            .gives_way(3),
            Column::new(
                |t| t.attachments.col_when,
                "minmax(140px, 0.9fr)",
                move |a: &Attachment, _| cells::when(a.created_at),
            )
            .gives_way(2),
            Column::new(
                |t| t.attachments.col_action,
                "minmax(110px, 0.7fr)",
                move |a: &Attachment, _| {
                    let a2 = a.clone();
                    let client = download_client.clone();
                    view! {
                    <button type="button" class="cv-button cv-button--subtle" aria-label=(t.t().attachments.download_label)(&a.file_name)
                        on:click=move |_| download(client.clone(), t, case_id, &a2, notice)>{t.t().attachments.download}</button>
                }
                .into_any()
                },
            ),
        ]
    };
    let selected_count = Signal::derive(move || selected.with(BTreeSet::len));
    let no_zip = move || selected_count.get() == 0 || zipping.get().is_some();
    // the limits come with the list's load (live changes add files, not limits)
    let limits = list.with_untracked(|l| l.limits.clone());
    let limits_text = (texts.attachments.limits)(&fmt::size(texts, limits.max_bytes), &allowed_labels(&limits));
    let accept = limits.allowed_types.join(",");

    let toolbar = view! {
        <div class="cv-toolbar-row">
            <div class="cv-toolbar" role="search">
                <SearchBox
                    label=texts.attachments.search.to_string()
                    value=query.into()
                    on_input=Callback::new(move |v| query.set(v))
                />
            </div>
            <div class="cv-unify-bar">
                <button
                    type="button"
                    class="cv-button"
                    aria-disabled=move || no_zip().to_string()
                    on:click=move |ev| {
                        if !no_zip() {
                            zip_selected(ev)
                        }
                    }
                >
                    {move || match zipping.get() {
                        Some((i, n)) => (t.t().attachments.zipping)(i, n),
                        None => (t.t().attachments.zip)(selected_count.get()),
                    }}
                </button>
                <label
                    class="cv-button cv-button--primary cv-file-pick"
                    aria-disabled=move || flow.is_sending().to_string()
                >
                    {texts.attachments.attach}
                    <input
                        type="file"
                        class="cv-sr-only"
                        accept=accept
                        node_ref=pick
                        on:change=on_pick
                        disabled=move || flow.is_sending()
                    />
                </label>
            </div>
        </div>
    }
    .into_any();
    let notes = view! {
        <p class="cv-small cv-muted">{limits_text}</p>
        {move || {
            notice
                .get()
                .map(|n| {
                    view! {
                        <p class="cv-warning" role="alert">
                            {n}
                        </p>
                    }
                })
        }}
    }
    .into_any();
    let clear_query = Callback::new(move |()| query.set(String::new()));
    let filtered = Filtered {
        shown,
        total,
        is_clear: Signal::derive(move || query.with(|q| q.trim().is_empty())),
        on_clear: clear_query,
        query: query.into(),
        active_filters: Signal::stored(0),
    };
    let list_view = move || {
        view! {
            <DataList
                source=list
                rows_of=|l: &AttachmentList| l.items.as_slice()
                shown
                columns=columns.clone()
                query=q
                label=texts.attachments.table.to_string()
                row_height=52.0
                row_name=|a: &Attachment| a.file_name.clone()
            />
        }
    };

    view! {
        <div class="cv-dropzone" class:cv-dropzone--active=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |ev: web_sys::DragEvent| {
                // leaving for a child element is not leaving the zone
                let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                    .is_some_and(|(to, zone)| zone.contains(Some(&to)));
                if !inside { dragging.set(false); }
            }
            on:drop=on_drop>
            <ListTab toolbar notes filtered list=list_view />
            <p class="cv-dropzone__hint" aria-hidden="true">{texts.attachments.drop}</p>
        </div>
    }
}

/// The CRC-32 of bytes held in JavaScript, copied into wasm 256 KiB at a time, with a pause for
/// the event loop after each slice so a large file makes no long task.
async fn crc_of(bytes: &js_sys::Uint8Array) -> u32 {
    const SLICE: u32 = 256 * 1024;
    let len = bytes.length();
    let mut crc = Crc32::default();
    let mut buf = vec![0u8; len.min(SLICE) as usize];
    let mut at = 0;
    while at < len {
        let end = len.min(at + SLICE);
        let piece = &mut buf[..(end - at) as usize];
        bytes.subarray(at, end).copy_to(piece);
        crc.update(piece);
        at = end;
        if at < len {
            crate::api::sleep(0).await;
        }
    }
    crc.value()
}
