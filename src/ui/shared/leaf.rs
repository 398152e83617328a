//! Lean elements for list cells, built with a handful of DOM calls each.
//!
//! With components erased (`.cargo/config.toml`, for size), the `view!` macro gives every element
//! a list of boxed children closed by a comment marker: a list row came to 16 elements, 28
//! comments and ~14 text nodes, and a keystroke that replaces the rows in view made ~2,000 DOM
//! calls where the plain-JS baseline makes ~1,000 (docs/performance.md). A cell is static once
//! built (its row is rebuilt when its data changes), so these build it straight: a [`Leaf`] is
//! one element with its text (search matches marked), a [`Wrap`] one element around a view.
//! Server text only ever becomes text nodes, never markup.

use cvortex_domain::search::highlight_ranges;
use cvortex_domain::text::Query;
use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::no_attrs;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use web_sys::{Element, Node};

/// An element holding only text: `<span class title>text</span>`, with the search's matches in
/// `<mark>` when given a query (kept up to date as it changes).
pub struct Leaf {
    tag: &'static str,
    class: String,
    title: Option<String>,
    text: String,
    marks: Option<Signal<Query>>,
    /// A table cell itself: `role="cell"`, class `cv-cell` too.
    cell: bool,
}

impl Leaf {
    pub fn new(tag: &'static str, class: impl Into<String>, text: String) -> Leaf {
        Leaf {
            tag,
            class: class.into(),
            title: None,
            text,
            marks: None,
            cell: false,
        }
    }

    /// The whole text on hover (a clamped cell).
    pub fn title(mut self, title: String) -> Leaf {
        self.title = Some(title);
        self
    }

    /// As a list's table cell.
    pub fn cell(mut self) -> Leaf {
        self.cell = true;
        self
    }

    /// Marks the matches of `query` (accents and case ignored).
    pub fn marks(mut self, query: Signal<Query>) -> Leaf {
        self.marks = Some(query);
        self
    }
}

pub struct LeafState {
    el: Element,
    // re-marks the text when the query changes; dropped with the element
    _marks: Option<RenderEffect<Vec<(usize, usize)>>>,
}

/// `text` cut at `ranges`: (start, end, is a match) for each piece, in order.
fn pieces(len: usize, ranges: &[(usize, usize)]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::with_capacity(2 * ranges.len() + 1);
    let mut at = 0;
    for &(s, e) in ranges {
        if s > at {
            out.push((at, s, false));
        }
        out.push((s, e, true));
        at = e;
    }
    if at < len || out.is_empty() {
        out.push((at, len, false));
    }
    out
}

/// Writes `text` into `el`, its byte `ranges` as `<mark>`s. When the pieces are of the same
/// kinds as before (`was`), only the texts that changed are rewritten: new nodes would cost the
/// browser a style pass too.
fn fill(el: &Element, text: &str, ranges: &[(usize, usize)], was: Option<&[(usize, usize)]>) {
    let new = pieces(text.len(), ranges);
    if let Some(old) = was.map(|w| pieces(text.len(), w)) {
        let kids = el.child_nodes();
        let same_shape = old.len() == new.len()
            && kids.length() as usize == new.len()
            && old.iter().zip(&new).all(|(a, b)| a.2 == b.2);
        if same_shape {
            for (i, (a, &(s, e, hit))) in old.iter().zip(&new).enumerate() {
                if text[a.0..a.1] == text[s..e] {
                    continue;
                }
                let node = kids.item(i as u32);
                let node = if hit { node.and_then(|m| m.first_child()) } else { node };
                if let Some(node) = node {
                    node.set_node_value(Some(&text[s..e]));
                }
            }
            return;
        }
    }
    if ranges.is_empty() {
        el.set_text_content(Some(text));
        return;
    }
    el.set_text_content(None);
    for (s, e, hit) in new {
        if hit {
            let mark = document().create_element("mark").expect("create mark");
            mark.set_class_name("cv-mark");
            mark.set_text_content(Some(&text[s..e]));
            let _ = el.append_child(&mark);
        } else if e > s {
            let _ = el.append_with_str_1(&text[s..e]);
        }
    }
}

impl Leaf {
    fn write(self, el: &Element, fresh: bool) -> Option<RenderEffect<Vec<(usize, usize)>>> {
        if self.cell {
            let _ = el.set_attribute("role", "cell");
            el.set_class_name(&format!("cv-cell {}", self.class));
        } else {
            if !fresh {
                let _ = el.remove_attribute("role");
            }
            el.set_class_name(&self.class);
        }
        match &self.title {
            Some(t) => {
                let _ = el.set_attribute("title", t);
            }
            None if !fresh => {
                let _ = el.remove_attribute("title");
            }
            None => {}
        }
        match self.marks {
            None => {
                el.set_text_content(Some(&self.text));
                None
            }
            Some(query) => {
                let (el, text) = (el.clone(), self.text);
                // the text is rewritten only when its marks move (a rewrite costs a layout)
                Some(RenderEffect::new(move |was: Option<Vec<(usize, usize)>>| {
                    let ranges = query.with(|q| highlight_ranges(&text, q));
                    if was.as_ref() != Some(&ranges) {
                        fill(&el, &text, &ranges, was.as_deref());
                    }
                    ranges
                }))
            }
        }
    }
}

impl Render for Leaf {
    type State = LeafState;

    fn build(self) -> LeafState {
        let el = document().create_element(self.tag).expect("create element");
        let marks = self.write(&el, true);
        LeafState { el, _marks: marks }
    }

    fn rebuild(self, state: &mut LeafState) {
        if state.el.tag_name().eq_ignore_ascii_case(self.tag) {
            state._marks = None;
            state._marks = self.write(&state.el, false);
        } else {
            let mut new = self.build();
            state.insert_before_this(&mut new);
            state.unmount();
            *state = new;
        }
    }
}

/// The `Mountable` of a state that is one element (`el`), as tachys' own elements are.
macro_rules! one_element {
    ($state:ty) => {
        impl Mountable for $state {
            fn unmount(&mut self) {
                self.el.remove();
            }

            fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
                let _ = parent.insert_before(&self.el, marker);
            }

            fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
                match self.el.parent_element() {
                    Some(parent) => {
                        child.mount(&parent, Some(&self.el));
                        true
                    }
                    None => false,
                }
            }

            fn elements(&self) -> Vec<Element> {
                vec![self.el.clone()]
            }
        }
    };
}
one_element!(LeafState);

/// One element around views: `<div role="cell" class="cv-cell">…</div>` without the marker and
/// the list the macro would add.
pub struct Wrap {
    tag: &'static str,
    attrs: &'static [(&'static str, &'static str)],
    children: Vec<AnyView>,
}

impl Wrap {
    pub fn new(tag: &'static str, attrs: &'static [(&'static str, &'static str)], children: Vec<AnyView>) -> Wrap {
        Wrap { tag, attrs, children }
    }
}

pub struct WrapState {
    el: Element,
    // kept for what the children own (effects); they unmount with the element
    _children: Vec<AnyViewState>,
}

impl Render for Wrap {
    type State = WrapState;

    fn build(self) -> WrapState {
        let el = document().create_element(self.tag).expect("create element");
        for (name, value) in self.attrs {
            let _ = el.set_attribute(name, value);
        }
        let children = self
            .children
            .into_iter()
            .map(|c| {
                let mut c = c.build();
                c.mount(&el, None);
                c
            })
            .collect();
        WrapState {
            el,
            _children: children,
        }
    }

    fn rebuild(self, state: &mut WrapState) {
        let mut new = self.build();
        state.insert_before_this(&mut new);
        state.unmount();
        *state = new;
    }
}

one_element!(WrapState);

no_attrs!(Leaf);
no_attrs!(Wrap);

// Client-side only: never rendered to HTML on a server nor hydrated.
macro_rules! client_only {
    ($ty:ty) => {
        impl RenderHtml for $ty {
            type AsyncOutput = Self;
            type Owned = Self;
            const MIN_LENGTH: usize = 0;

            fn dry_resolve(&mut self) {}

            async fn resolve(self) -> Self {
                self
            }

            fn to_html_with_buf(self, _: &mut String, _: &mut Position, _: bool, _: bool, _: Vec<AnyAttribute>) {}

            fn hydrate<const FROM_SERVER: bool>(self, _: &Cursor, _: &PositionState) -> Self::State {
                self.build()
            }

            fn into_owned(self) -> Self {
                self
            }
        }
    };
}
client_only!(Leaf);
client_only!(Wrap);
