//! Text search: case- and accent-insensitive matching ("joao" finds "João").

/// Lowercases and strips Latin diacritics (the ones Portuguese and its neighbours use), so that
/// search compares letters, not accents. Other characters pass through lowercased.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ý' | 'ÿ' | 'Ý' => 'y',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        _ => return None,
    })
}

/// The most characters a search holds (the search fields stop there, and a link's query is cut
/// there): every row is tested against every word, so a pasted book would freeze every list.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most distinct words a search holds (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 16;

/// A search query, folded once and split into words: every word must occur (in any order).
/// Bounded: at most [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] distinct words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(raw: &str) -> Query {
        let mut words: Vec<String> = Vec::new();
        for w in fold(clip(raw, MAX_QUERY_CHARS).0).split_whitespace() {
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
            // a repeated word asks nothing more
            if !words.iter().any(|x| x == w) {
                words.push(w.to_owned());
            }
        }
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether every word occurs in at least one of the (already folded) haystacks.
    pub fn matches_folded<'a>(&self, haystacks: impl IntoIterator<Item = &'a str> + Clone) -> bool {
        self.words
            .iter()
            .all(|w| haystacks.clone().into_iter().any(|h| h.contains(w.as_str())))
    }

    /// Whether every word occurs in one of `fields` (folded on the fly).
    pub fn matches(&self, fields: &[&str]) -> bool {
        if self.is_empty() {
            return true;
        }
        let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
        self.matches_folded(folded.iter().map(String::as_str))
    }
}

/// At most `max` characters of `s`, and how many were left out. Screens show a clipped text:
/// laying out a megabyte-long field freezes the page for nothing anyone reads.
pub fn clip(s: &str, max: usize) -> (&str, usize) {
    match s.char_indices().nth(max) {
        None => (s, 0),
        Some((at, _)) => (&s[..at], s[at..].chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_holds_at_most_its_bound_of_characters_and_distinct_words() {
        // 100,000 words, as a hostile link's `h_busca=` carried them
        let huge = (0..100_000).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let q = Query::new(&huge);
        assert_eq!(q.words().len(), MAX_QUERY_WORDS);
        assert_eq!(q.words()[0], "w0");
        assert!(q.words().iter().map(|w| w.chars().count() + 1).sum::<usize>() <= MAX_QUERY_CHARS + 1);
        // a repeated word counts once, and the words after it still count
        let q = Query::new("pix pix pix Estorno PIX");
        assert_eq!(q.words(), ["pix", "estorno"]);
        // past the bound of characters nothing is read
        let long = format!("{} tail", "a".repeat(MAX_QUERY_CHARS));
        assert_eq!(Query::new(&long).words(), ["a".repeat(MAX_QUERY_CHARS)]);
    }

    #[test]
    fn clip_keeps_whole_characters_and_counts_the_rest() {
        assert_eq!(clip("ação", 10), ("ação", 0));
        assert_eq!(clip("ação", 2), ("aç", 2));
        assert_eq!(clip("", 0), ("", 0));
        let long = "é".repeat(5000);
        let (shown, rest) = clip(&long, 1000);
        assert_eq!((shown.chars().count(), rest), (1000, 4000));
    }

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("João CONCEIÇÃO Ávila"), "joao conceicao avila");
        assert_eq!(fold("Ünïcödé ñ"), "unicode n");
        assert_eq!(fold("ΣΑΣ 😀"), "σασ 😀");
    }

    #[test]
    fn query_matches_every_word_in_any_field_regardless_of_accents() {
        let q = Query::new("  joao  reclamacao ");
        assert!(q.matches(&["João da Silva", "Reclamação de cobrança"]));
        assert!(!q.matches(&["João da Silva", "Elogio"]));
        assert!(Query::new("").matches(&[]));
        assert!(Query::new("SÃO").matches(&["sao paulo"]));
    }
}
