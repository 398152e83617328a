//! The theme a host asks for: `light` (the default), `dark`, `auto` (the system's), and/or a brand
//! colour as `#rgb` or `#rrggbb`, in any order (`"dark #0b6a3a"`). Unknown words are ignored.

/// The colour scheme, as the stylesheet's `data-cv-theme` attribute names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Auto => "auto",
        }
    }
}

/// The scheme and the brand colour (only a well-formed hex colour: it goes into a CSS custom
/// property, so nothing else may pass).
pub fn parse(theme: &str) -> (Scheme, Option<&str>) {
    let mut scheme = Scheme::default();
    let mut brand = None;
    for word in theme.split_whitespace() {
        match word.to_ascii_lowercase().as_str() {
            "light" => scheme = Scheme::Light,
            "dark" => scheme = Scheme::Dark,
            "auto" => scheme = Scheme::Auto,
            _ if is_hex_colour(word) => brand = Some(word),
            _ => {}
        }
    }
    (scheme, brand)
}

fn is_hex_colour(w: &str) -> bool {
    w.strip_prefix('#')
        .is_some_and(|h| matches!(h.len(), 3 | 6) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheme_and_a_brand_colour_in_any_order() {
        assert_eq!(parse(""), (Scheme::Light, None));
        assert_eq!(parse("dark"), (Scheme::Dark, None));
        assert_eq!(parse(" AUTO "), (Scheme::Auto, None));
        assert_eq!(parse("#0b6a3a"), (Scheme::Light, Some("#0b6a3a")));
        assert_eq!(parse("#0B6A3A dark"), (Scheme::Dark, Some("#0B6A3A")));
        assert_eq!(parse("dark #abc"), (Scheme::Dark, Some("#abc")));
    }

    #[test]
    fn anything_else_is_ignored_never_passed_to_css() {
        assert_eq!(parse("red"), (Scheme::Light, None));
        assert_eq!(parse("#12345"), (Scheme::Light, None));
        assert_eq!(parse("#zzzzzz"), (Scheme::Light, None));
        assert_eq!(parse("#fff;background:url(x)"), (Scheme::Light, None));
        assert_eq!(parse("sepia dark"), (Scheme::Dark, None));
    }
}
