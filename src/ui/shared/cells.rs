//! The cell shapes the list tabs share. Each is one function returning `AnyView`, so its
//! rendering code exists once in the bundle whichever tab and column use it (a `view!` per column
//! would instantiate its own).

use cvortex_domain::text::Query;
use leptos::prelude::*;

use super::Highlighted;
use crate::fmt;

/// "—": nothing to show.
pub fn dash() -> AnyView {
    view! { <span class="cv-muted">"—"</span> }.into_any()
}

/// Plain text with a class (`cv-nowrap`, `cv-num`...).
pub fn text(class: &'static str, value: String) -> AnyView {
    view! { <span class=class>{fmt::shown(&value)}</span> }.into_any()
}

/// Text clamped to two lines (the full text on hover), search matches highlighted.
pub fn clamped(value: String, query: Signal<Query>) -> AnyView {
    let title = fmt::shown(&value);
    view! {
        <span class="cv-clamp" title=title>
            <Highlighted text=value query=query />
        </span>
    }
    .into_any()
}

/// Like [`clamped`], or a dash when there is nothing (or only blanks).
pub fn clamped_or_dash(value: Option<String>, query: Signal<Query>) -> AnyView {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => clamped(v, query),
        None => dash(),
    }
}

/// A name (agent...) clamped (the whole name on hover), or a dash when there is none.
pub fn name(value: Option<&str>) -> AnyView {
    match value {
        Some(n) => chip("cv-clamp".into(), n.to_string()),
        None => dash(),
    }
}

/// A chip (`class` adds its colour).
pub fn chip(class: String, value: String) -> AnyView {
    let value = fmt::shown(&value);
    let title = value.clone();
    view! {
        <span class=class title=title>
            {value}
        </span>
    }
    .into_any()
}

/// A date and time in the locale's form, "há 3 horas" on hover.
pub fn when(ms: i64) -> AnyView {
    view! {
        <time class="cv-nowrap" title=fmt::relative(ms)>
            {fmt::datetime(ms)}
        </time>
    }
    .into_any()
}

/// Two lines: a main piece and a smaller one under it.
pub fn stacked(main: AnyView, below: Option<AnyView>) -> AnyView {
    view! { <div class="cv-stack">{main}{below}</div> }.into_any()
}
