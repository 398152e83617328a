//! Which tabs a strip shows when they do not all fit: the rest go to its "Mais" menu. The
//! selected tab is always shown, so the agent always sees where they are.

/// For tabs of natural `widths` (px, in order) in a strip `available` px wide, whether each is
/// shown. When some do not fit, `more` px are kept for the menu's button; tabs are taken in
/// order, and if the selected one is not among them, tabs are given back from the end until it
/// fits. A strip too narrow even for the selected tab shows that tab alone.
pub fn fit(widths: &[f64], available: f64, more: f64, selected: usize) -> Vec<bool> {
    let total: f64 = widths.iter().sum();
    if total <= available {
        return vec![true; widths.len()];
    }
    let budget = available - more;
    let mut shown = vec![false; widths.len()];
    let mut used = 0.0;
    for (i, w) in widths.iter().enumerate() {
        if used + w > budget {
            break;
        }
        shown[i] = true;
        used += w;
    }
    if let Some(&w) = widths.get(selected) {
        if !shown[selected] {
            for i in (0..widths.len()).rev() {
                if used + w <= budget {
                    break;
                }
                if shown[i] {
                    shown[i] = false;
                    used -= widths[i];
                }
            }
            shown[selected] = true;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::fit;

    const EIGHT: [f64; 8] = [120.0, 150.0, 170.0, 190.0, 110.0, 70.0, 90.0, 200.0];

    fn shown(mask: &[bool]) -> Vec<usize> {
        mask.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| i).collect()
    }

    #[test]
    fn all_tabs_show_when_they_fit_with_no_room_kept_for_the_menu() {
        assert_eq!(shown(&fit(&EIGHT, 1100.0, 80.0, 7)), (0..8).collect::<Vec<_>>());
    }

    #[test]
    fn tabs_that_do_not_fit_leave_room_for_the_menu_button() {
        // 120+150+170+190 = 630 fits in 720-80; adding 110 would not
        assert_eq!(shown(&fit(&EIGHT, 720.0, 80.0, 0)), vec![0, 1, 2, 3]);
        // without the menu's room they would have fitted one more
        assert_eq!(shown(&fit(&EIGHT, 650.0, 80.0, 0)), vec![0, 1, 2]);
    }

    #[test]
    fn the_selected_tab_is_always_shown_in_place_of_the_last_ones() {
        // selecting the last tab (200) gives back 190: 440 + 200 fits in 640
        assert_eq!(shown(&fit(&EIGHT, 720.0, 80.0, 7)), vec![0, 1, 2, 7]);
        // a wider budget deficit gives back more
        assert_eq!(shown(&fit(&EIGHT, 600.0, 80.0, 7)), vec![0, 1, 7]);
        assert_eq!(shown(&fit(&EIGHT, 720.0, 80.0, 5)), vec![0, 1, 2, 5]);
    }

    #[test]
    fn a_strip_too_narrow_for_anything_still_shows_the_selected_tab() {
        assert_eq!(shown(&fit(&EIGHT, 100.0, 80.0, 3)), vec![3]);
        assert_eq!(shown(&fit(&EIGHT, 0.0, 80.0, 0)), vec![0]);
    }

    #[test]
    fn an_unknown_selection_changes_nothing() {
        assert_eq!(shown(&fit(&EIGHT, 720.0, 80.0, 99)), vec![0, 1, 2, 3]);
        assert!(fit(&[], 100.0, 80.0, 0).is_empty());
    }
}
