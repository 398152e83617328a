//! Filter state in a URL query (the standalone app shares filtered views by link): repeated
//! `prefix+name=value` pairs.

use super::Facet;

/// Collects the values of `key` among `pairs`.
pub fn values<'a>(pairs: &'a [(String, String)], key: &str) -> impl Iterator<Item = &'a str> {
    let key = key.to_string();
    pairs.iter().filter(move |(k, _)| *k == key).map(|(_, v)| v.as_str())
}

pub fn first(pairs: &[(String, String)], key: &str) -> Option<String> {
    values(pairs, key).next().map(str::to_owned)
}

/// A typed text (a search, a phone): blank counts as none, as `push_text` writes it.
pub fn text(pairs: &[(String, String)], key: &str) -> String {
    first(pairs, key).filter(|t| !t.trim().is_empty()).unwrap_or_default()
}

pub fn facet(pairs: &[(String, String)], key: &str) -> Facet {
    Facet::of(values(pairs, key))
}

pub fn push_facet(out: &mut Vec<(String, String)>, key: &str, facet: &Facet) {
    out.extend(facet.0.iter().map(|v| (key.to_string(), v.clone())));
}

pub fn push_text(out: &mut Vec<(String, String)>, key: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push((key.to_string(), text.to_string()));
    }
}
