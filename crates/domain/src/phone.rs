//! Phone numbers: one canonical form so that "+55 (11) 91234-5678", "11 91234 5678" and
//! "5511912345678" compare equal, and a pt-BR display form.

/// Digits of a phone in canonical international form (Brazil assumed when no country code):
/// `+55 (11) 91234-5678` → `5511912345678`; `(11) 91234-5678` → `5511912345678`;
/// `011 91234-5678` (trunk prefix) → `5511912345678`. Non-Brazilian numbers written with `+` keep
/// their digits. Returns an empty string when there is no digit.
pub fn canonical(raw: &str) -> String {
    let explicit_plus = raw.trim_start().starts_with('+');
    let mut digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if explicit_plus {
        return digits;
    }
    // national trunk prefix "0" (and a carrier code "0xx" is not modelled)
    if digits.starts_with('0') && (digits.len() == 11 || digits.len() == 12) {
        digits.remove(0);
    }
    match digits.len() {
        10 | 11 => format!("55{digits}"),
        _ => digits,
    }
}

/// Whether two written phones are the same number.
pub fn same_number(a: &str, b: &str) -> bool {
    let (a, b) = (canonical(a), canonical(b));
    !a.is_empty() && a == b
}

/// Display form: `+55 (11) 91234-5678` for Brazilian numbers, `+<digits>` otherwise, the raw text
/// when it holds no digit.
pub fn display(raw: &str) -> String {
    let c = canonical(raw);
    if let Some(national) = c.strip_prefix("55").filter(|n| n.len() == 10 || n.len() == 11) {
        let (ddd, local) = national.split_at(2);
        let split = local.len() - 4;
        return format!("+55 ({ddd}) {}-{}", &local[..split], &local[split..]);
    }
    if c.is_empty() {
        raw.to_string()
    } else {
        format!("+{c}")
    }
}

/// Masked display for explanations ("WhatsApp diferente: +55 11 9••••-1234"): keeps the country,
/// area code, first and last four digits.
pub fn masked(raw: &str) -> String {
    let c = canonical(raw);
    if let Some(national) = c.strip_prefix("55").filter(|n| n.len() == 10 || n.len() == 11) {
        let (ddd, local) = national.split_at(2);
        let (head, tail) = (&local[..1], &local[local.len() - 4..]);
        let hidden = "•".repeat(local.len() - 5);
        return format!("+55 {ddd} {head}{hidden}-{tail}");
    }
    let n = c.chars().count();
    if n <= 4 {
        return raw.to_string();
    }
    format!("+{}{}", "•".repeat(n - 4), &c[n - 4..])
}

/// Whether `query` (typed any way) matches inside `phone`: compares digit strings, and also
/// without the country code so "11 91234" finds "+55 11 91234-5678".
pub fn matches(phone: &str, query: &str) -> bool {
    let q: String = query.chars().filter(char::is_ascii_digit).collect();
    if q.is_empty() {
        return true;
    }
    let full = canonical(phone);
    let q_canon = canonical(query);
    full.contains(&q) || (!q_canon.is_empty() && full.contains(&q_canon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_ignores_punctuation_and_country_code() {
        for raw in [
            "+55 (11) 91234-5678",
            "5511912345678",
            "(11) 91234-5678",
            "11 91234 5678",
            "011 91234-5678",
            "+55 11 9 1234 5678",
        ] {
            assert_eq!(canonical(raw), "5511912345678", "{raw}");
        }
        assert_eq!(canonical("(21) 3456-7890"), "552134567890");
        assert_eq!(canonical("+1 415 555 0100"), "14155550100");
        assert_eq!(canonical("sem número"), "");
    }

    #[test]
    fn same_number_compares_canonical_forms() {
        assert!(same_number("+55 11 91234-5678", "5511912345678"));
        assert!(!same_number("+55 11 91234-5678", "+55 11 91234-5679"));
        assert!(!same_number("", ""));
    }

    #[test]
    fn display_and_mask() {
        assert_eq!(display("5511912345678"), "+55 (11) 91234-5678");
        assert_eq!(display("2134567890"), "+55 (21) 3456-7890");
        assert_eq!(display("+1 415 555 0100"), "+14155550100");
        assert_eq!(display("anônimo"), "anônimo");
        assert_eq!(masked("+55 11 91234-1234"), "+55 11 9••••-1234");
        assert_eq!(masked("+1 415 555 0100"), "+•••••••0100");
    }

    #[test]
    fn search_matches_however_typed() {
        let phone = "+55 (11) 91234-5678";
        for q in [
            "91234-5678",
            "5511912345678",
            "+55 11 91234 5678",
            "(11) 91234-5678",
            "1234",
            "",
        ] {
            assert!(matches(phone, q), "{q}");
        }
        assert!(!matches(phone, "98765"));
        assert!(!matches(phone, "(21) 91234-5678"));
    }
}
