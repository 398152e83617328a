//! A filter facet: a multi-select over the values present in the data.

use std::collections::{BTreeMap, BTreeSet};

use crate::text::fold;

/// The selected values; none selected means no restriction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facet(pub BTreeSet<String>);

impl Facet {
    pub fn allows(&self, value: &str) -> bool {
        self.0.is_empty() || self.0.contains(value)
    }

    /// Like [`Facet::allows`], with the value built only when a selection restricts it: filters
    /// run over every row on every keystroke, and most of the time no facet is set.
    pub fn allows_with(&self, value: impl FnOnce() -> String) -> bool {
        self.0.is_empty() || self.0.contains(&value())
    }

    pub fn is_active(&self) -> bool {
        !self.0.is_empty()
    }

    pub fn toggle(&mut self, value: &str) {
        if !self.0.remove(value) {
            self.0.insert(value.to_string());
        }
    }

    pub fn of<I: IntoIterator<Item = S>, S: Into<String>>(values: I) -> Facet {
        Facet(values.into_iter().map(Into::into).collect())
    }
}

/// A value present in the data: its key (what the filter stores), its label and how many rows have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// The distinct (value, label) pairs with their counts, sorted by label (accents ignored).
pub fn facet_values<'a>(pairs: impl Iterator<Item = (String, &'a str)>) -> Vec<FacetValue> {
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (value, label) in pairs {
        seen.entry(value).or_insert_with(|| (label.to_string(), 0)).1 += 1;
    }
    let mut slots: Vec<Option<FacetValue>> = seen
        .into_iter()
        .map(|(value, (label, count))| Some(FacetValue { value, label, count }))
        .collect();
    // by label, the empty value ("not informed") last; through the one sort the bundle has
    let keys: Vec<(bool, String)> = slots
        .iter()
        .flatten()
        .map(|v| (v.value.is_empty(), fold(&v.label)))
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    super::sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_facet_allows_everything_and_toggle_flips() {
        let mut f = Facet::default();
        assert!(f.allows("x") && !f.is_active());
        f.toggle("x");
        assert!(f.allows("x") && !f.allows("y"));
        assert!(f.allows_with(|| "x".into()) && !f.allows_with(|| "y".into()));
        assert!(Facet::default().allows_with(|| unreachable!("no selection: the value is not built")));
        f.toggle("x");
        assert!(!f.is_active());
    }

    #[test]
    fn values_are_counted_and_sorted_by_label_ignoring_accents_with_the_empty_value_last() {
        let pairs = [
            ("2", "Álvaro"),
            ("1", "Bruna"),
            ("2", "Álvaro"),
            ("", ""),
            ("3", "adriana"),
        ];
        let v = facet_values(pairs.into_iter().map(|(k, l)| (k.to_string(), l)));
        let got: Vec<(&str, &str, usize)> = v
            .iter()
            .map(|x| (x.value.as_str(), x.label.as_str(), x.count))
            .collect();
        assert_eq!(
            got,
            vec![("3", "adriana", 1), ("2", "Álvaro", 2), ("1", "Bruna", 1), ("", "", 1)]
        );
    }
}
