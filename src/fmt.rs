//! Formatting for the view, in the browser's time zone and the current locale.

use std::cell::RefCell;

use cvortex_domain::Millis;
use wasm_bindgen::JsValue;

use crate::i18n::{Locale, Texts};

/// What part of a moment is shown.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Date,
    Time,
}

/// The locale's `Intl.DateTimeFormat` options for `part`: pt-BR `05/12/2026` and `08:10`,
/// English `Dec 5, 2026` and `8:10 AM`. Always in the browser's time zone.
fn options(locale: Locale, part: Part) -> &'static [(&'static str, &'static str)] {
    match (locale, part) {
        (Locale::PtBr, Part::Date) => &[("day", "2-digit"), ("month", "2-digit"), ("year", "numeric")],
        (Locale::En, Part::Date) => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
        (Locale::PtBr, Part::Time) => &[("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")],
        (Locale::En, Part::Time) => &[("hour", "numeric"), ("minute", "2-digit")],
    }
}

thread_local! {
    /// Built once per locale and part: a formatter costs far more to build than to use, and a
    /// list renders a date per row.
    static FORMATTERS: RefCell<Vec<(Locale, Part, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

/// The current locale where there is one (inside the widget), else the default.
fn current_locale() -> Locale {
    leptos::prelude::use_context::<crate::i18n::I18n>()
        .map(|i| i.locale())
        .unwrap_or_default()
}

/// `ms` as the locale shows `part`, by the browser's Intl; `None` out of the Date range.
fn intl(locale: Locale, part: Part, ms: Millis) -> Option<String> {
    let format = FORMATTERS.with_borrow_mut(|all| {
        if let Some((.., f)) = all.iter().find(|(l, p, _)| (*l, *p) == (locale, part)) {
            return f.clone();
        }
        let f = js_sys::Intl::DateTimeFormat::new(&locales(locale), &js_options(options(locale, part))).format();
        all.push((locale, part, f.clone()));
        f
    });
    // an invalid Date (beyond ±8.64e15 ms) makes `format` throw: caught here
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(ms as f64))
        .ok()?
        .as_string()
}

/// A date and time in the locale's form (pt-BR `05/12/2026 08:10`, English
/// `Dec 5, 2026, 8:10 AM`) in the browser's time zone; out of range shows as `—`.
pub fn datetime(ms: Millis) -> String {
    let locale = current_locale();
    let separator = if locale == Locale::En { ", " } else { " " };
    intl(locale, Part::Date, ms)
        .zip(intl(locale, Part::Time, ms))
        .map(|(d, t)| format!("{d}{separator}{t}"))
        .unwrap_or_else(|| "—".into())
}

pub fn date(ms: Millis) -> String {
    intl(current_locale(), Part::Date, ms).unwrap_or_else(|| "—".into())
}

pub fn time(ms: Millis) -> String {
    intl(current_locale(), Part::Time, ms).unwrap_or_else(|| "—".into())
}

/// The most characters a screen shows of one text (see `text::clip`).
pub const MAX_SHOWN_CHARS: usize = 10_000;

/// A text as shown: clipped past [`MAX_SHOWN_CHARS`], saying how much was left out. It runs for
/// every cell a list renders, so the locale is looked up only when something is clipped.
pub fn shown(s: &str) -> String {
    match cvortex_domain::text::clip(s, MAX_SHOWN_CHARS) {
        (all, 0) => all.to_string(),
        (head, rest) => format!("{head}{}", (crate::i18n::use_i18n().t().clipped)(rest)),
    }
}

/// A file size in the locale's style (`12,3 KB` / `12.3 KB`).
pub fn size(t: &Texts, bytes: u64) -> String {
    cvortex_domain::files::size(bytes, t.decimal_mark)
}

thread_local! {
    static RELATIVE: RefCell<Vec<(Locale, js_sys::Intl::RelativeTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// "há 3 horas" / "3 hours ago" relative to now, by the browser's `Intl.RelativeTimeFormat`
/// ("ontem", "agora" where the locale says so).
pub fn relative(ms: Millis) -> String {
    let locale = current_locale();
    let seconds_ago = (js_sys::Date::now() as i64 - ms) / 1000;
    let (n, unit) = cvortex_domain::format::relative_unit(seconds_ago);
    let format = RELATIVE.with_borrow_mut(|all| {
        if let Some((_, f)) = all.iter().find(|(l, _)| *l == locale) {
            return f.clone();
        }
        let f = js_sys::Intl::RelativeTimeFormat::new(&locales(locale), &js_options(&[("numeric", "auto")]));
        all.push((locale, f.clone()));
        f
    });
    format.format(n as f64, unit).into()
}

/// The channel's display name; an unknown channel shows as the server sent it.
pub fn channel(t: &Texts, code: &str) -> String {
    (t.channel)(code).map(str::to_owned).unwrap_or_else(|| code.to_string())
}

pub fn document_kind(t: &Texts, kind: &str) -> String {
    (t.document_kind)(kind)
        .map(str::to_owned)
        .unwrap_or_else(|| kind.to_ascii_uppercase())
}

/// An Intl options object of these fields.
fn js_options(fields: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn locales(locale: Locale) -> js_sys::Array {
    js_sys::Array::of1(&locale.tag().into())
}

/// The browser's `Intl.NumberFormat` for `locale` with these options.
fn number_format(locale: Locale, options: &[(&str, &str)]) -> js_sys::Intl::NumberFormat {
    js_sys::Intl::NumberFormat::new(&locales(locale), &js_options(options))
}

fn format_number(formatter: &js_sys::Intl::NumberFormat, n: f64) -> String {
    formatter
        .format()
        .call1(formatter, &n.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| {
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        })
}

/// A number in the locale's style (`1.234,5` in pt-BR), by the browser's Intl.
pub fn number(n: f64, locale: Locale) -> String {
    format_number(&number_format(locale, &[]), n)
}

/// An amount in `currency`'s minor unit as the locale writes money (`R$ 1.234,56` in pt-BR,
/// `R$1,234.56` in English). The currency's decimals come from Intl (2 for BRL, 0 for JPY), so
/// the amount is exact up to 2^53 minor units. `currency` is a well-formed ISO 4217 code
/// (`FieldValue::Money`), which Intl never refuses.
pub fn money(minor: i64, currency: &str, locale: Locale) -> String {
    let formatter = number_format(locale, &[("style", "currency"), ("currency", currency)]);
    let decimals = js_sys::Reflect::get(&formatter.resolved_options(), &"maximumFractionDigits".into())
        .ok()
        .and_then(|d| d.as_f64())
        .map_or(2, |d| d as u32);
    format_number(&formatter, minor as f64 / 10i64.pow(decimals.min(6)) as f64)
}
