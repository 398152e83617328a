//! The list every tab that lists things uses: a table (ARIA `table`/`row`/`cell`, the total row
//! count announced) that renders only the rows in view, so 10,000 rows scroll and filter like 10.
//! Rows have a fixed height; an expandable row (questionnaires) grows, and its measured height
//! keeps the scroll math right. Filtering, sorting and search happen outside, in the domain
//! crate's pure functions: this piece gets the indices to show, in order. The data comes as a
//! signal: a new version (a live change) re-renders only the rows in view, keeps the expanded
//! ones open, and keeps the row at the top of the view in place when rows arrive above it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use cvortex_domain::list::columns;
use cvortex_domain::list::window::window;
use cvortex_domain::text::Query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{use_i18n, Texts};
use crate::state::Data;
use crate::ui::shared::cells::{CellView, CELL};
use crate::ui::shared::leaf::Wrap;
use crate::ui::shared::{next_uid, observe_size};

/// The track of the column that discloses a row's hidden values, and its least width.
const DETAIL_TRACK: &str = "minmax(110px, auto)";
const DETAIL_MIN: f64 = 110.0;

/// Whether column `i` is hidden in `mask` (a list has far fewer than 64 columns; any beyond
/// always show).
fn is_hidden(mask: u64, i: usize) -> bool {
    i < 64 && (mask >> i) & 1 == 1
}

/// What a row's controls are, to find the one that had focus in the rebuilt row.
const FOCUSABLE: &str = ":is(button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])):not(:disabled)";

/// Where focus was inside a row that is about to be rebuilt: the row's item and what tells the
/// control apart from the row's others (its tag and name), wherever the new row puts it.
type FocusSpot = (usize, String);

fn signature(el: &web_sys::Element) -> String {
    let name = el
        .get_attribute("aria-label")
        .or_else(|| el.text_content())
        .unwrap_or_default();
    format!("{}|{name}", el.tag_name())
}

/// The spot of the focused element when it is inside one of `list`'s rows.
fn focus_spot(list: &web_sys::Element) -> Option<FocusSpot> {
    let active = document().active_element()?;
    let row = active.closest("[data-row]").ok()??;
    list.contains(Some(&row))
        .then(|| Some((row.get_attribute("data-row")?.parse().ok()?, signature(&active))))?
}

/// Whether focus was lost (to the page's body), as it is with a removed element.
fn focus_lost() -> bool {
    document()
        .active_element()
        .is_none_or(|a| document().body().is_some_and(|b| a.is_same_node(Some(&b))))
}

/// Puts focus back on the spot's control, in its rebuilt row or, when reloaded data moved its
/// item, wherever the list shows it; else on the list. Only when focus was lost with the old
/// row: it never takes focus from where the agent has put it since.
fn restore_focus(list: &web_sys::HtmlElement, (idx, sig): &FocusSpot) {
    if !focus_lost() || !list.is_connected() {
        return;
    }
    let find = |scope: String| {
        let controls = list.query_selector_all(&format!("{scope}{FOCUSABLE}")).ok()?;
        (0..controls.length())
            .filter_map(|i| controls.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|c| signature(c) == *sig)
    };
    if let Some(control) = find(format!("[data-row='{idx}'] ")).or_else(|| find(String::new())) {
        let _ = control.focus();
    }
    if focus_lost() {
        let _ = list.focus();
    }
}

/// A cell renderer: the row's item and the current search (for highlighting).
pub type Cell<T> = Arc<dyn Fn(&T, Signal<Query>) -> CellView + Send + Sync>;

/// The label of a row's disclosure toggle, or None when the row has nothing to disclose.
pub type ExpandLabel<T> = Arc<dyn Fn(&T, &Texts) -> Option<String> + Send + Sync>;

/// A header cell drawn by the tab (e.g. "select all").
pub type HeadView = Arc<dyn Fn() -> AnyView + Send + Sync>;

pub struct Column<T> {
    pub header: fn(&Texts) -> &'static str,
    /// A CSS grid track: `140px`, `minmax(180px, 2fr)`...
    pub width: &'static str,
    pub cell: Cell<T>,
    /// The sort key a click on the header asks for (see [`Sorting`]); None: not sortable.
    pub sort_key: Option<u8>,
    /// Replaces the header's text.
    pub head: Option<HeadView>,
    /// 0: always shown; higher: gives way sooner when the list is narrow, its value then shown
    /// in the row's detail (`cvortex_domain::list::columns::fit`).
    pub priority: u8,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        Column {
            header: self.header,
            width: self.width,
            cell: self.cell.clone(),
            sort_key: self.sort_key,
            head: self.head.clone(),
            priority: self.priority,
        }
    }
}

/// The list's sort, owned by the tab: the current key (as its column declares it) and whether
/// descending; a header click asks the tab to sort by its column's key.
#[derive(Clone, Copy)]
pub struct Sorting {
    pub current: Signal<(u8, bool)>,
    pub on_sort: Callback<u8>,
}

/// How a row looks: extra classes. A row that cannot be chosen is not `aria-disabled`: that
/// would disable every control in it for assistive technologies (its "Detalhes", its
/// "Continuar atendimento"); its own checkbox is disabled, with the reason as its description.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct RowLook {
    pub class: &'static str,
}

impl<T> Column<T> {
    pub fn new<V: Into<CellView>>(
        header: fn(&Texts) -> &'static str,
        width: &'static str,
        cell: impl Fn(&T, Signal<Query>) -> V + Send + Sync + 'static,
    ) -> Self {
        Column {
            header,
            width,
            cell: Arc::new(move |item, q| cell(item, q).into()),
            sort_key: None,
            head: None,
            priority: 0,
        }
    }

    /// The column gives way when the list is narrow, after those of a higher `priority`.
    pub fn gives_way(mut self, priority: u8) -> Self {
        self.priority = priority;
        self
    }

    /// The header sorts by `key` (the tab's own sort key, as a number).
    pub fn sorts_by(mut self, key: u8) -> Self {
        self.sort_key = Some(key);
        self
    }

    pub fn with_head(mut self, head: impl Fn() -> AnyView + Send + Sync + 'static) -> Self {
        self.head = Some(Arc::new(head));
        self
    }
}

/// An optional disclosure per row: the toggle's label (None: this row has nothing to show) and
/// the content shown under the row when open.
pub struct Expand<T> {
    pub header: fn(&Texts) -> &'static str,
    pub label: ExpandLabel<T>,
    pub body: Arc<dyn Fn(&T) -> AnyView + Send + Sync>,
}

/// The row-level pieces with the item type erased, so the list's code exists once in the bundle
/// however many tabs use it.
struct Rows {
    /// The cells of the row of item `idx`.
    cells: Arc<dyn Fn(usize, Signal<Query>) -> Vec<CellView> + Send + Sync>,
    headers: Vec<Header>,
    tracks: Vec<&'static str>,
    priorities: Vec<u8>,
    expand_label: Option<ExpandLabel<usize>>,
    expand_body: Option<Arc<dyn Fn(usize) -> AnyView + Send + Sync>>,
    row_look: Arc<dyn Fn(usize) -> RowLook + Send + Sync>,
    row_name: Arc<dyn Fn(usize) -> Option<String> + Send + Sync>,
    sorting: Option<Sorting>,
}

#[derive(Clone)]
struct Header {
    text: fn(&Texts) -> &'static str,
    sort_key: Option<u8>,
    head: Option<HeadView>,
}

#[component]
pub fn DataList<L, T>(
    /// The loaded data and how to get its rows.
    source: Data<L>,
    rows_of: fn(&L) -> &[T],
    /// Indices into the rows, filtered and sorted, in display order.
    shown: Memo<Vec<usize>>,
    columns: Vec<Column<T>>,
    #[prop(into)] query: Signal<Query>,
    /// The table's accessible name.
    #[prop(into)]
    label: Signal<String>,
    row_height: f64,
    #[prop(optional)] expand: Option<Expand<T>>,
    /// How a row looks (disabled, the current one...).
    #[prop(optional)]
    row_look: Option<fn(&T) -> RowLook>,
    /// What names a row among the others (its case number, its date...): its disclosure's
    /// accessible name ends with it.
    #[prop(optional)]
    row_name: Option<fn(&T) -> String>,
    #[prop(optional)] sorting: Option<Sorting>,
    /// Extra classes of the table.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView
where
    L: Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    let mut headers: Vec<Header> = columns
        .iter()
        .map(|c| Header {
            text: c.header,
            sort_key: c.sort_key,
            head: c.head.clone(),
        })
        .collect();
    let mut tracks: Vec<&'static str> = columns.iter().map(|c| c.width).collect();
    let priorities: Vec<u8> = columns.iter().map(|c| c.priority).collect();
    let cells: Vec<Cell<T>> = columns.into_iter().map(|c| c.cell).collect();
    let rows = Rows {
        cells: Arc::new(move |idx, q| {
            source
                .with_untracked(|s| {
                    rows_of(s)
                        .get(idx)
                        .map(|item| cells.iter().map(|c| c(item, q)).collect())
                })
                .unwrap_or_default()
        }),
        headers: Vec::new(),
        tracks: Vec::new(),
        priorities,
        expand_label: None,
        expand_body: None,
        row_look: Arc::new(move |idx| {
            source
                .with_untracked(|s| Some(row_look?(rows_of(s).get(idx)?)))
                .unwrap_or_default()
        }),
        row_name: Arc::new(move |idx| source.with_untracked(|s| Some(row_name?(rows_of(s).get(idx)?)))),
        sorting,
    };
    let mut rows = rows;
    if let Some(e) = expand {
        headers.push(Header {
            text: e.header,
            sort_key: None,
            head: None,
        });
        tracks.push("minmax(140px, auto)");
        rows.priorities.push(0);
        let label = e.label;
        rows.expand_label = Some(Arc::new(move |idx: &usize, t| {
            source.with_untracked(|s| label(rows_of(s).get(*idx)?, t))
        }));
        let body = e.body;
        rows.expand_body = Some(Arc::new(move |idx| {
            source
                .with_untracked(|s| rows_of(s).get(idx).map(|item| body(item)))
                .unwrap_or_else(|| ().into_any())
        }));
    }
    rows.headers = headers;
    rows.tracks = tracks;
    // which version of the data is shown (its address): rows are keyed by item and version
    let version = Signal::derive(move || source.version());
    list_view(rows, shown, version, query, label, row_height, class)
}

fn list_view(
    rows: Rows,
    shown: Memo<Vec<usize>>,
    version: Signal<usize>,
    query: Signal<Query>,
    label: Signal<String>,
    row_height: f64,
    class: &'static str,
) -> AnyView {
    let t = use_i18n();
    let uid = next_uid();
    let viewport = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0f64);
    let view_h = RwSignal::new(600.0f64);
    // its width, for the columns that fit (0 until measured: then every column shows)
    let view_w = RwSignal::new(0.0f64);
    let expanded = RwSignal::new(HashSet::<usize>::new());
    let extra = RwSignal::new(HashMap::<usize, f64>::new());

    // Follow the viewport's size (it is 0 while its tab is hidden, and changes with the window).
    observe_size(viewport, "", move |el| {
        let h = el.client_height() as f64;
        if h > 0.0 {
            view_h.set(h);
            let w = el.client_width() as f64;
            if w != view_w.get_untracked() {
                view_w.set(w);
            }
        }
    });

    // A new filter or search starts at the top. Only a list scrolled away from it is scrolled:
    // writing scrollTop lays the page out there and then, on every keystroke (measured: most of
    // a keystroke's time at 10,000 rows). New data (a live change) keeps the row at the top of the
    // view where it is, whatever arrived above it.
    Effect::new(move |prev: Option<(usize, Vec<usize>)>| {
        let now = shown.get();
        let ver = version.get();
        let top = scroll_top.get_untracked();
        if let (Some((was, before)), true) = (prev, top != 0.0) {
            let first = (top / row_height) as usize;
            let kept = before.get(first).and_then(|item| now.iter().position(|i| i == item));
            let next = match kept {
                Some(pos) if was != ver => top + (pos as f64 - first as f64) * row_height,
                _ => 0.0,
            };
            if next != top {
                if let Some(el) = viewport.get_untracked() {
                    el.set_scroll_top(next as i32);
                }
                scroll_top.set(next);
            }
        }
        (ver, now)
    });

    let win = Memo::new(move |_| {
        let top = scroll_top.get();
        let h = view_h.get();
        extra.with(|ex| {
            expanded.with(|open| {
                shown.with(|s| {
                    let any = !open.is_empty() && !ex.is_empty();
                    let extra_of = |pos: usize| {
                        if open.contains(&s[pos]) {
                            ex.get(&s[pos]).copied().unwrap_or(0.0)
                        } else {
                            0.0
                        }
                    };
                    window(s.len(), row_height, extra_of, top, h, any)
                })
            })
        })
    });
    // which columns show at this width, as a bit mask (part of a row's key: a row is rebuilt
    // when its columns change); a list with hidden columns and no disclosure of its own gets
    // one for their values
    let has_expand = rows.expand_label.is_some();
    let mins: Vec<f64> = rows.tracks.iter().map(|t| columns::track_min(t)).collect();
    let priorities = rows.priorities.clone();
    let cols = Memo::new(move |_| {
        let w = view_w.get();
        let detail = if has_expand { 0.0 } else { DETAIL_MIN };
        let fit = if w > 0.0 {
            columns::fit(&mins, &priorities, w, detail)
        } else {
            vec![true; mins.len()]
        };
        fit.iter()
            .enumerate()
            .fold(0u64, |m, (i, s)| if *s || i >= 64 { m } else { m | 1 << i })
    });
    // a row opened for its hidden columns has nothing to show once they are back (in a list
    // with its own disclosure, unless the row has its own): it closes, its height with it
    let own_label = rows.expand_label.clone();
    Effect::new(move |prev: Option<u64>| {
        let mask = cols.get();
        if prev.is_some_and(|p| p != mask) {
            match &own_label {
                None => expanded.update(|e| e.clear()),
                Some(label) if mask == 0 => {
                    let texts = t.t();
                    expanded.update(|e| e.retain(|idx| label(idx, texts).is_some()));
                }
                Some(_) => {}
            }
        }
        mask
    });
    // A new version or column set rebuilds the rows in view: a control focused in one of them
    // would fall to the page's body, so where it was is noted here, before the old rows go, and
    // restored in the new row.
    let visible = Memo::new(move |prev: Option<&Vec<(usize, usize, usize, u64)>>| {
        let w = win.get();
        let ver = version.get();
        let mask = cols.get();
        if prev.and_then(|p| p.first()).is_some_and(|r| (r.2, r.3) != (ver, mask)) {
            // restored once the new rows are in (the list updates them right after this runs)
            if let Some(spot) = viewport.get_untracked().and_then(|el| focus_spot(&el)) {
                request_animation_frame(move || {
                    if let Some(Some(list)) = viewport.try_get_untracked() {
                        restore_focus(&list, &spot);
                    }
                });
            }
        }
        shown.with(|s| {
            s[w.start.min(s.len())..w.end.min(s.len())]
                .iter()
                .enumerate()
                .map(|(k, &i)| (w.start + k, i, ver, mask))
                .collect::<Vec<_>>()
        })
    });

    let detail_column = move || !has_expand && cols.get() != 0;
    let tracks = rows.tracks.clone();
    let grid = move || {
        let mask = cols.get();
        let mut shown: Vec<&str> = tracks
            .iter()
            .enumerate()
            .filter(|(i, _)| !is_hidden(mask, *i))
            .map(|(_, t)| *t)
            .collect();
        if detail_column() {
            shown.push(DETAIL_TRACK);
        }
        format!("--cv-cols: {}; --cv-row-h: {}px", shown.join(" "), row_height as i64)
    };
    let texts = t.t();
    let sorting = rows.sorting;
    let hidden = move |i: usize| cols.with(|m| is_hidden(*m, i));
    let header_cells = rows
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let text = (h.text)(texts);
            let key = h.sort_key.filter(|_| h.head.is_none());
            let sort = sorting.zip(key);
            let content = match (&h.head, sort) {
                (Some(head), _) => head(),
                (None, Some((s, key))) => {
                    let dir = move || {
                        let (k, desc) = s.current.get();
                        (k == key).then_some(desc)
                    };
                    view! {
                        <button type="button" class="cv-sort" on:click=move |_| s.on_sort.run(key)>
                            {text}
                            <span aria-hidden="true" class="cv-sort__arrow">
                                {move || match dir() {
                                    Some(true) => "↓",
                                    Some(false) => "↑",
                                    None => "↕",
                                }}
                            </span>
                        </button>
                    }
                    .into_any()
                }
                (None, None) => text.into_any(),
            };
            let aria_sort = move || {
                let (s, key) = sort?;
                let (k, desc) = s.current.get();
                Some(if k != key {
                    "none"
                } else if desc {
                    "descending"
                } else {
                    "ascending"
                })
            };
            view! {
                <div role="columnheader" class="cv-cell cv-cell--head" aria-sort=aria_sort hidden=move || hidden(i)>
                    {content}
                </div>
            }
        })
        .collect_view();

    let measure = move |idx: usize| {
        request_animation_frame(move || {
            let Some(Some(vp)) = viewport.try_get_untracked() else {
                return;
            };
            let Ok(Some(row)) = vp.query_selector(&format!("[data-row='{idx}']")) else {
                return;
            };
            let h = row.unchecked_into::<web_sys::HtmlElement>().offset_height() as f64;
            extra.update(|m| {
                m.insert(idx, (h - row_height).max(0.0));
            });
        });
    };

    let rows = Arc::new(rows);
    // Rows are keyed by item, not by position: a keystroke that keeps an item in view keeps its
    // row (only its highlights and position change) instead of rebuilding the whole window.
    let render_row = move |(_, idx, _, mask): (usize, usize, usize, u64)| {
        let row_index = move || visible.with(|v| v.iter().find(|r| r.1 == idx).map_or(0, |r| r.0 + 2));
        let is_open = move || expanded.with(|e| e.contains(&idx));
        // the cells of the columns shown (a row is rebuilt when they change); the others' values
        // show in the row's detail
        let cells = (rows.cells)(idx, query)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !is_hidden(mask, *i))
            .map(|(_, c)| c.cell())
            .collect::<Vec<_>>();
        let own_label = rows.expand_label.as_ref().and_then(|label| label(&idx, t.t()));
        // a disclosure column when the list has its own, or when columns are hidden; in it, the
        // row's own disclosure or, when columns are hidden, one for their values
        let toggle_label =
            (has_expand || mask != 0).then(|| own_label.or_else(|| (mask != 0).then(|| t.t().details.to_string())));
        // (a row once opened may have nothing to disclose now: its columns all show again)
        let can_open = matches!(toggle_label, Some(Some(_)));
        let toggle = toggle_label.map(|toggle_label| {
            // a row with nothing to disclose: an empty cell, no detail
            let Some(l) = toggle_label else {
                return Wrap::new("div", CELL, vec![]).into_any();
            };
            let panel_id = format!("cv-{uid}-detail-{idx}");
            let controls = panel_id.clone();
            let rows = rows.clone();
            let detail_rows = rows.clone();
            // named by its row too ("Detalhes #1004"), not the same name on every row
            // (the name only for a row that has the toggle: it may format a date)
            let named = (rows.row_name)(idx).map(|n| format!("{l} {n}"));
            let hidden_values = move || {
                (mask != 0).then(|| {
                    let cells = (detail_rows.cells)(idx, query);
                    let texts = t.t();
                    let items = cells
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| is_hidden(mask, *i))
                        .map(|(i, c)| {
                            view! {
                                <div>
                                    <dt>{(detail_rows.headers[i].text)(texts)}</dt>
                                    <dd>{c.view()}</dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! { <dl class="cv-row__fields">{items}</dl> }
                })
            };
            view! {
                <div role="cell" class="cv-cell">
                    <button
                        type="button"
                        class="cv-link-button"
                        aria-label=named
                        aria-expanded=move || is_open().to_string()
                        aria-controls=controls.clone()
                        on:click=move |_| {
                            expanded
                                .update(|e| {
                                    if !e.remove(&idx) {
                                        e.insert(idx);
                                    }
                                });
                            measure(idx);
                        }
                    >
                        <span aria-hidden="true">{move || if is_open() { "▾ " } else { "▸ " }}</span>
                        {l}
                    </button>
                </div>
                <Show when=is_open>
                    <div class="cv-row__detail" id=panel_id.clone() role="cell">
                        {hidden_values.clone()}
                        {rows.expand_body.as_ref().map(|body| body(idx))}
                    </div>
                </Show>
            }
            .into_any()
        });
        // one list of children (each list the macro makes adds a comment to the row)
        let mut cells = cells;
        cells.extend(toggle);
        let look = (rows.row_look)(idx);
        view! {
            <div role="row" class=format!("cv-row {}", look.class) class:cv-row--expanded=move || can_open && is_open()
                aria-rowindex=row_index data-row=idx>
                {cells}
            </div>
        }
    };

    view! {
        <div
            class=format!("cv-datalist {class}")
            role="table"
            aria-label=move || label.get()
            aria-rowcount=move || shown.with(|s| s.len()) + 1
            style=grid
            tabindex="0"
            node_ref=viewport
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    scroll_top.set(el.scroll_top() as f64);
                }
            }
        >
            <div role="rowgroup" class="cv-datalist__head">
                <div role="row" class="cv-row cv-row--head" aria-rowindex="1">
                    {header_cells}
                    <div role="columnheader" class="cv-cell cv-cell--head" hidden=move || !detail_column()>
                        {t.t().details}
                    </div>
                </div>
            </div>
            <div role="rowgroup" class="cv-datalist__body">
                <div
                    class="cv-datalist__pad"
                    style:height=move || format!("{}px", win.get().pad_top as i64)
                    aria-hidden="true"
                ></div>
                <For each=move || visible.get() key=|r| (r.1, r.2, r.3) children=render_row />
                <div
                    class="cv-datalist__pad"
                    style:height=move || format!("{}px", win.get().pad_bottom as i64)
                    aria-hidden="true"
                ></div>
            </div>
        </div>
    }
    .into_any()
}
