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

/// The most values a facet takes from a link (a facet lists values the data has: never many).
pub const MAX_FACET_VALUES: usize = 100;

/// A typed text (a search, a phone): blank counts as none, as `push_text` writes it. A link
/// cannot hold more than a search field does ([`MAX_QUERY_CHARS`](crate::text::MAX_QUERY_CHARS)).
pub fn text(pairs: &[(String, String)], key: &str) -> String {
    first(pairs, key)
        .filter(|t| !t.trim().is_empty())
        .map(|t| crate::text::clip(&t, crate::text::MAX_QUERY_CHARS).0.to_owned())
        .unwrap_or_default()
}

pub fn facet(pairs: &[(String, String)], key: &str) -> Facet {
    // inserted one by one: collecting into the set would sort first, a sort of its own in the
    // bundle
    let mut f = Facet::default();
    for v in values(pairs, key).take(MAX_FACET_VALUES) {
        if !f.0.contains(v) {
            f.toggle(v);
        }
    }
    f
}

pub fn push_facet(out: &mut Vec<(String, String)>, key: &str, facet: &Facet) {
    out.extend(facet.0.iter().map(|v| (key.to_string(), v.clone())));
}

pub fn push_text(out: &mut Vec<(String, String)>, key: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push((key.to_string(), text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MAX_QUERY_CHARS;

    #[test]
    fn a_link_cannot_hold_more_than_the_fields_do() {
        let pairs = vec![("h_busca".to_string(), "x ".repeat(50_000))];
        assert_eq!(text(&pairs, "h_busca").chars().count(), MAX_QUERY_CHARS);
        let many: Vec<(String, String)> = (0..10_000).map(|i| ("h_canal".to_string(), format!("c{i}"))).collect();
        let f = facet(&many, "h_canal");
        assert_eq!(f.0.len(), MAX_FACET_VALUES);
        assert!(f.0.contains("c0"));
    }
}
