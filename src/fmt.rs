//! Formatting for the view, in the browser's time zone and the current locale.

use chrono::Local;
use cvortex_domain::{format, Millis};

use crate::i18n::Texts;

/// `dd/mm/aaaa HH:mm` in the browser's time zone; an out-of-range timestamp shows as `—`.
pub fn datetime(ms: Millis) -> String {
    format::datetime(ms, &Local).unwrap_or_else(|| "—".into())
}

pub fn date(ms: Millis) -> String {
    format::date(ms, &Local).unwrap_or_else(|| "—".into())
}

pub fn time(ms: Millis) -> String {
    format::time(ms, &Local).unwrap_or_else(|| "—".into())
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

/// "há 3 horas" relative to now.
pub fn relative(t: &Texts, ms: Millis) -> String {
    let now = js_sys::Date::now() as i64;
    (t.relative)((now - ms) / 1000)
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

/// A number in the locale's style (`1.234,5` in pt-BR), by the browser's Intl.
pub fn number(n: f64, locale: crate::i18n::Locale) -> String {
    let formatter = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&locale.tag().into()), &js_sys::Object::new());
    formatter
        .format()
        .call1(&formatter, &n.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| {
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        })
}
