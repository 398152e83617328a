//! Formatting for the view, in the browser's time zone and the current locale.

use std::cell::RefCell;

use cvortex_domain::Millis;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{Locale, Texts};

/// Which of the browser's Intl formatters.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// DateTimeFormat's `format`, for a date or a time of day.
    Date,
    Time,
    /// A RelativeTimeFormat.
    Relative,
    /// NumberFormat's `format`, plain.
    Number,
}

/// The locale's `Intl.DateTimeFormat` options for `part`: pt-BR `05/12/2026` and `08:10`,
/// English `Dec 5, 2026` and `8:10 AM`. Always in the browser's time zone.
fn options(locale: Locale, part: Kind) -> &'static [(&'static str, &'static str)] {
    match (locale, part) {
        (Locale::PtBr, Kind::Date) => &[("day", "2-digit"), ("month", "2-digit"), ("year", "numeric")],
        (Locale::En, Kind::Date) => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
        (Locale::PtBr, Kind::Time) => &[("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h23")],
        (Locale::En, Kind::Time) => &[("hour", "numeric"), ("minute", "2-digit")],
        _ => &[],
    }
}

thread_local! {
    /// Built once per locale and kind: a formatter costs far more to build than to use, and a
    /// list renders a date per row, a count per keystroke.
    static FORMATTERS: RefCell<Vec<(Locale, Kind, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The formatter of `kind` for `locale`, built by `build` the first time.
fn formatter(locale: Locale, kind: Kind, build: impl FnOnce() -> JsValue) -> JsValue {
    FORMATTERS.with_borrow_mut(|all| {
        if let Some((.., f)) = all.iter().find(|(l, k, _)| (*l, *k) == (locale, kind)) {
            return f.clone();
        }
        let f = build();
        all.push((locale, kind, f.clone()));
        f
    })
}

/// The current locale where there is one (inside the widget), else the default.
fn current_locale() -> Locale {
    leptos::prelude::use_context::<crate::i18n::I18n>()
        .map(|i| i.locale())
        .unwrap_or_default()
}

/// `ms` as the locale shows `part`, by the browser's Intl; `None` out of the Date range.
fn intl(locale: Locale, part: Kind, ms: Millis) -> Option<String> {
    let format = formatter(locale, part, || {
        js_sys::Intl::DateTimeFormat::new(&locales(locale), &js_options(options(locale, part)))
            .format()
            .into()
    });
    // an invalid Date (beyond ±8.64e15 ms) makes `format` throw: caught here
    format
        .unchecked_into::<js_sys::Function>()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(ms as f64))
        .ok()?
        .as_string()
}

/// A date and time in the locale's form (pt-BR `05/12/2026 08:10`, English
/// `Dec 5, 2026, 8:10 AM`) in the browser's time zone; out of range shows as `—`.
pub fn datetime(ms: Millis) -> String {
    let locale = current_locale();
    let separator = if locale == Locale::En { ", " } else { " " };
    intl(locale, Kind::Date, ms)
        .zip(intl(locale, Kind::Time, ms))
        .map(|(d, t)| format!("{d}{separator}{t}"))
        .unwrap_or_else(|| "—".into())
}

pub fn date(ms: Millis) -> String {
    intl(current_locale(), Kind::Date, ms).unwrap_or_else(|| "—".into())
}

pub fn time(ms: Millis) -> String {
    intl(current_locale(), Kind::Time, ms).unwrap_or_else(|| "—".into())
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

/// "há 3 horas" / "3 hours ago" relative to now, by the browser's `Intl.RelativeTimeFormat`
/// ("ontem", "agora" where the locale says so).
pub fn relative(ms: Millis) -> String {
    let locale = current_locale();
    let seconds_ago = (js_sys::Date::now() as i64 - ms) / 1000;
    let (n, unit) = cvortex_domain::format::relative_unit(seconds_ago);
    let format = formatter(locale, Kind::Relative, || {
        js_sys::Intl::RelativeTimeFormat::new(&locales(locale), &js_options(&[("numeric", "auto")])).into()
    });
    format
        .unchecked_into::<js_sys::Intl::RelativeTimeFormat>()
        .format(n as f64, unit)
        .into()
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

/// `n` by a NumberFormat's `format` (bound to its formatter).
fn format_number(format: &js_sys::Function, n: f64) -> String {
    format
        .call1(&JsValue::UNDEFINED, &n.into())
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
    let format = formatter(locale, Kind::Number, || number_format(locale, &[]).format().into());
    format_number(format.unchecked_ref(), n)
}

/// A count in the locale's style (`10.000` in pt-BR, `10,000` in English).
pub fn count(n: usize, locale: Locale) -> String {
    number(n as f64, locale)
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
    format_number(&formatter.format(), minor as f64 / 10i64.pow(decimals.min(6)) as f64)
}
