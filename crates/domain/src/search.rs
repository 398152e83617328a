//! Search highlighting: where a query's words occur in a text, accent- and case-insensitively,
//! as byte ranges of the original text (to wrap them in `<mark>`).

use crate::text::Query;

/// Folds `text` keeping, for each folded char, the byte range of the original char it came from.
fn fold_with_map(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        // as `fold` does, a char at a time, without a string per char (this runs per highlighted
        // cell on every keystroke)
        let mut push = |f: char| {
            folded.push(f);
            for _ in 0..f.len_utf8() {
                map.push((start, end));
            }
        };
        match crate::text::fold_char(c) {
            Some(f) => push(f),
            None => c.to_lowercase().for_each(push),
        }
    }
    (folded, map)
}

/// Non-overlapping, sorted byte ranges of `text` where any word of `query` occurs.
pub fn highlight_ranges(text: &str, query: &Query) -> Vec<(usize, usize)> {
    if query.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_with_map(text);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for word in query.words() {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(word.as_str()) {
            let s = from + pos;
            let e = s + word.len();
            ranges.push((map[s].0, map[e - 1].1));
            from = e;
        }
    }
    // through the one sort the bundle has (`list::sort_indices`), not a sort of its own
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    crate::list::sort_indices(&mut order, &|a, b| ranges[a].cmp(&ranges[b]));
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in order.into_iter().map(|i| ranges[i]) {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` cut into (piece, is_match) parts, for rendering.
pub fn highlight<'a>(text: &'a str, query: &Query) -> Vec<(&'a str, bool)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for (s, e) in highlight_ranges(text, query) {
        if s > at {
            parts.push((&text[at..s], false));
        }
        parts.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        parts.push((&text[at..], false));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_accent_insensitive_matches_on_the_original_text() {
        let q = Query::new("joao cobranca");
        assert_eq!(
            highlight("João pediu Cobrança", &q),
            vec![("João", true), (" pediu ", false), ("Cobrança", true)]
        );
        assert_eq!(highlight("nada aqui", &q), vec![("nada aqui", false)]);
        assert!(highlight("", &q).is_empty());
    }

    #[test]
    fn overlapping_and_repeated_matches_merge() {
        let q = Query::new("ana an");
        assert_eq!(highlight_ranges("Ana e ana", &q), vec![(0, 3), (6, 9)]);
        assert_eq!(highlight_ranges("bananas", &Query::new("ana")), vec![(1, 4)]);
    }

    #[test]
    fn multibyte_text_never_splits_a_char() {
        let q = Query::new("e");
        for (s, e) in highlight_ranges("É ê 😀 e", &q) {
            assert!("É ê 😀 e".is_char_boundary(s) && "É ê 😀 e".is_char_boundary(e));
        }
        assert_eq!(highlight("ÉCOLE", &Query::new("ecole")), vec![("ÉCOLE", true)]);
    }
}
