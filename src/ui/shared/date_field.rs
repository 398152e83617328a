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

/// `value` is shown (and rewritten whenever it changes, so clearing a filter also clears what
/// was typed halfway); `on_change` gets each whole day typed, or `None` when emptied;
/// `on_invalid` whether what was left in the field is not a day.
#[component]
pub fn DateField(
    label: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
    on_invalid: Callback<bool>,
) -> impl IntoView {
    let t = use_i18n();
    let order = order(t.locale());
    let hint_id = format!("cv-{}-date-hint", next_uid());
    // a whole day (or an emptied field) applies at once; a day typed halfway waits
    let read = move |input: &HtmlInputElement| {
        if let Ok(day) = date_field::parse(&input.value(), order) {
            on_invalid.run(false);
            on_change.run(day);
        }
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
    let on_commit = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        on_invalid.run(date_field::parse(&input.value(), order).is_err());
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
                prop:value=move || value.get().map(|d| date_field::show(d, order)).unwrap_or_default()
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
