//! The app's languages, and which one a user gets.

/// pt-BR (the default) or English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    PtBr,
    En,
}

impl Locale {
    /// `pt-BR`, `pt`, `en`, `en-US`...; anything else is the default.
    pub fn parse(tag: &str) -> Locale {
        Locale::known(tag).unwrap_or_default()
    }

    /// The locale a language tag names: any Portuguese is pt-BR, any English is English,
    /// anything else (`fr`, `""`, junk) none.
    pub fn known(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("pt") {
            Some(Locale::PtBr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::PtBr => "pt-BR",
            Locale::En => "en",
        }
    }

    pub fn other(self) -> Locale {
        match self {
            Locale::PtBr => Locale::En,
            Locale::En => Locale::PtBr,
        }
    }
}

/// The standalone app's language: the page's `?lang=`, then the user's saved choice, each only if
/// it names a language the app has; then the browser's languages: any Portuguese one gives
/// pt-BR (the product's users are Brazilian; a Portuguese reader who prefers English pages
/// still reads it), none gives English.
pub fn negotiate(query: Option<&str>, saved: Option<&str>, browser: &[String]) -> Locale {
    query
        .and_then(Locale::known)
        .or_else(|| saved.and_then(Locale::known))
        .unwrap_or_else(|| {
            if browser.iter().any(|l| Locale::known(l) == Some(Locale::PtBr)) {
                Locale::PtBr
            } else {
                Locale::En
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_name_a_locale_by_their_primary_language() {
        assert_eq!(Locale::known("pt-BR"), Some(Locale::PtBr));
        assert_eq!(Locale::known("pt_PT"), Some(Locale::PtBr));
        assert_eq!(Locale::known("PT"), Some(Locale::PtBr));
        assert_eq!(Locale::known(" en-GB "), Some(Locale::En));
        assert_eq!(Locale::known("english"), None);
        assert_eq!(Locale::known("fr"), None);
        assert_eq!(Locale::known(""), None);
        assert_eq!(Locale::parse("fr"), Locale::PtBr);
    }

    #[test]
    fn the_query_wins_then_the_saved_choice_then_the_browser() {
        let pt = langs(&["pt-BR", "en"]);
        assert_eq!(negotiate(Some("en"), Some("pt-BR"), &pt), Locale::En);
        assert_eq!(negotiate(None, Some("en"), &pt), Locale::En);
        assert_eq!(negotiate(None, None, &pt), Locale::PtBr);
        assert_eq!(negotiate(Some("pt"), Some("en"), &langs(&["en"])), Locale::PtBr);
    }

    #[test]
    fn an_unknown_query_or_saved_value_falls_through() {
        assert_eq!(negotiate(Some("fr"), Some("en"), &[]), Locale::En);
        assert_eq!(negotiate(Some("xx"), Some("??"), &langs(&["pt-PT"])), Locale::PtBr);
    }

    #[test]
    fn any_portuguese_in_the_browser_list_gives_pt_br_else_english() {
        assert_eq!(negotiate(None, None, &langs(&["en-US", "pt-BR"])), Locale::PtBr);
        assert_eq!(negotiate(None, None, &langs(&["fr-FR", "en-US"])), Locale::En);
        assert_eq!(negotiate(None, None, &langs(&["de"])), Locale::En);
        assert_eq!(negotiate(None, None, &[]), Locale::En);
    }
}
