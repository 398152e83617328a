//! A day field in the page's language (pt-BR `dd/mm/aaaa`, English `mm/dd/yyyy`), whatever the
//! browser's own: `<input type=date>` shows the browser's order, so an English-interface Chrome
//! gave mm/dd/yyyy on the pt-BR page. A text field with the date field's keys: separators appear
//! as digits are typed, ArrowUp/ArrowDown step the part under the caret (the logic is
//! `cvortex_domain::date_field`). The format is in the placeholder and in its description.

use chrono::{Local, NaiveDate};
use cvortex_domain::date_field::{self, DayOrder};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};

use crate::i18n::{use_i18n, Locale};
use crate::ui::shared::next_uid;

fn order(locale: Locale) -> DayOrder {
    match locale {
        Locale::PtBr => DayOrder::DayMonthYear,
        Locale::En => DayOrder::MonthDayYear,
    }
}

/// `value` is the day applied (a quick period or the URL may change it: the field then shows it);
/// `on_change` gets each day as it applies: the whole form (`05/12/2026`) while typing, a shorter
/// one (`5/12/2026`) when the field is left, `None` while the field holds no whole day (as a date
/// field's value is empty then); `on_invalid` whether the field was left holding something that
/// is not a day. The field is never rewritten under the user's typing, only when `value` changes
/// to something it does not show, or when `reset` ticks ("Limpar filtros").
#[component]
pub fn DateField(
    label: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] reset: Signal<u32>,
    on_change: Callback<Option<NaiveDate>>,
    on_invalid: Callback<bool>,
) -> impl IntoView {
    let t = use_i18n();
    let order = order(t.locale());
    let hint_id = format!("cv-{}-date-hint", next_uid());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // what `value` says the field should show, when it shows something else
    Effect::new(move |_| {
        let day = value.get();
        let Some(input) = input_ref.get_untracked() else { return };
        let shown = date_field::whole(&input.value(), order);
        match day {
            Some(d) if shown != Some(d) => input.set_value(&date_field::show(d, order)),
            // cleared from outside while a whole day shows; a day typed halfway stays
            None if shown.is_some() => input.set_value(""),
            _ => {}
        }
    });
    Effect::new(move |first: Option<()>| {
        reset.track();
        if first.is_some() {
            if let Some(input) = input_ref.get_untracked() {
                input.set_value("");
            }
        }
    });
    let apply = move |day: Option<NaiveDate>| {
        if day != value.get_untracked() {
            on_change.run(day);
        }
    };
    let read = move |input: &HtmlInputElement| {
        let text = input.value();
        let day = date_field::whole(&text, order);
        if day.is_some() || text.trim().is_empty() {
            on_invalid.run(false);
        }
        apply(day);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let inserting = ev
            .dyn_ref::<InputEvent>()
            .is_some_and(|e| e.input_type().starts_with("insert"));
        let at_end = input.selection_start().ok().flatten() == Some(input.value().len() as u32);
        // only while inserting at the end: a backspace over a '/' must not put it back
        if inserting && at_end {
            input.set_value(&date_field::mask(&input.value()));
        }
        read(&input);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowUp" => 1,
            "ArrowDown" => -1,
            _ => return,
        };
        ev.prevent_default();
        let input: HtmlInputElement = event_target(&ev);
        let caret = input.selection_start().ok().flatten().unwrap_or(0) as usize;
        let (text, part) = date_field::step(&input.value(), caret, delta, order, Local::now().date_naive());
        input.set_value(&text);
        let (from, to) = date_field::part_range(part);
        let _ = input.set_selection_range(from as u32, to as u32);
        read(&input);
    };
    // left (or Enter): a shorter form applies too, and what is not a day is said
    let on_commit = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let parsed = date_field::parse(&input.value(), order);
        on_invalid.run(parsed.is_err());
        if let Ok(day) = parsed {
            apply(day);
            if let Some(d) = day {
                input.set_value(&date_field::show(d, order));
            }
        }
    };
    view! {
        <label>
            {label}" "
            <input
                type="text"
                class="cv-date"
                inputmode="numeric"
                placeholder=t.t().date_format
                aria-describedby=hint_id.clone()
                node_ref=input_ref
                on:input=on_input
                on:keydown=on_keydown
                on:change=on_commit
            />
        </label>
        // outside the label, or it would be part of the field's name
        <span class="cv-sr-only" id=hint_id>
            {t.t().date_hint}
        </span>
    }
}
