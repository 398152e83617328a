//! The cell shapes the list tabs share. Each is one function, so its rendering code exists once
//! in the bundle whichever tab and column use it (a `view!` per column would instantiate its own).
//! They return a [`CellView`]: in a list, a text or a stack *is* the table cell (one element
//! fewer per column, on every row a keystroke brings into view), anything else goes inside one.

use cvortex_domain::text::Query;
use leptos::prelude::*;

use super::leaf::{Leaf, Wrap};
use crate::fmt;

/// What a column's cell shows.
pub enum CellView {
    /// A text: the table cell itself.
    Leaf(Leaf),
    /// Pieces one under the other (`cv-stack`): the table cell itself.
    Stack(Vec<AnyView>),
    /// Anything else: inside the table cell.
    View(AnyView),
}

impl From<AnyView> for CellView {
    fn from(v: AnyView) -> Self {
        CellView::View(v)
    }
}

/// A table cell's element.
pub(super) const CELL: &[(&str, &str)] = &[("role", "cell"), ("class", "cv-cell")];
const STACK_CELL: &[(&str, &str)] = &[("role", "cell"), ("class", "cv-cell cv-stack")];
const STACK: &[(&str, &str)] = &[("class", "cv-stack")];

impl CellView {
    /// As a list's table cell (`role="cell"`, class `cv-cell`).
    pub fn cell(self) -> AnyView {
        match self {
            CellView::Leaf(l) => l.cell().into_any(),
            CellView::Stack(pieces) => Wrap::new("div", STACK_CELL, pieces).into_any(),
            CellView::View(v) => Wrap::new("div", CELL, vec![v]).into_any(),
        }
    }

    /// As a piece of another view (a row's detail, a card).
    pub fn view(self) -> AnyView {
        match self {
            CellView::Leaf(l) => l.into_any(),
            CellView::Stack(pieces) => Wrap::new("div", STACK, pieces).into_any(),
            CellView::View(v) => v,
        }
    }
}

/// "—": nothing to show.
pub fn dash() -> CellView {
    CellView::Leaf(Leaf::new("span", "cv-muted", "—".to_string()))
}

/// Plain text with a class (`cv-nowrap`, `cv-num`...).
pub fn text(class: &'static str, value: String) -> CellView {
    CellView::Leaf(Leaf::new("span", class, fmt::shown(&value)))
}

/// Text clamped to two lines (the full text on hover), search matches highlighted.
pub fn clamped(value: String, query: Signal<Query>) -> CellView {
    let shown = fmt::shown(&value);
    CellView::Leaf(Leaf::new("span", "cv-clamp", shown.clone()).title(shown).marks(query))
}

/// Like [`clamped`], or a dash when there is nothing (or only blanks).
pub fn clamped_or_dash(value: Option<String>, query: Signal<Query>) -> CellView {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => clamped(v, query),
        None => dash(),
    }
}

/// A name (agent...) clamped (the whole name on hover), or a dash when there is none.
pub fn name(value: Option<&str>) -> CellView {
    match value {
        Some(n) => {
            let n = fmt::shown(n);
            CellView::Leaf(Leaf::new("span", "cv-clamp", n.clone()).title(n))
        }
        None => dash(),
    }
}

/// A chip (`class` adds its colour), inside its cell.
pub fn chip(class: String, value: String) -> CellView {
    let value = fmt::shown(&value);
    CellView::View(Leaf::new("span", class, value.clone()).title(value).into_any())
}

/// A date and time in the locale's form, "há 3 horas" on hover.
pub fn when(ms: i64) -> CellView {
    CellView::Leaf(Leaf::new("time", "cv-nowrap", fmt::datetime(ms)).title(fmt::relative(ms)))
}

/// Two lines: a main piece and a smaller one under it.
pub fn stacked(main: impl Into<CellView>, below: Option<impl Into<CellView>>) -> CellView {
    let mut pieces = vec![main.into().view()];
    pieces.extend(below.map(|b| b.into().view()));
    CellView::Stack(pieces)
}
