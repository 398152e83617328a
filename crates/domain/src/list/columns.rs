//! Which columns a list shows at its width. Each column has a priority (0: always shown; the
//! higher, the sooner it gives way) and a minimum width; the columns that give way are shown in
//! the row's detail instead, so the list never scrolls sideways while they can go.

/// The minimum width (px) of a CSS grid track as the lists write them: `44px` → 44,
/// `minmax(180px, 2fr)` → 180; anything else → 0.
pub fn track_min(track: &str) -> f64 {
    let t = track.trim();
    let t = t.strip_prefix("minmax(").unwrap_or(t);
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    match t[digits.len()..].starts_with("px") {
        true => digits.parse::<u32>().map_or(0.0, f64::from),
        false => 0.0,
    }
}

/// For columns of minimum widths `mins` and `priorities`, in a list `available` px wide, whether
/// each is shown. When not all fit, `detail` px are kept for the row's detail toggle; columns
/// give way by priority (highest first), and among equals the rightmost first, until the rest
/// fit or only priority-0 columns are left.
pub fn fit(mins: &[f64], priorities: &[u8], available: f64, detail: f64) -> Vec<bool> {
    let mut shown = vec![true; mins.len()];
    let width = |shown: &[bool]| -> f64 { mins.iter().zip(shown).filter(|(_, s)| **s).map(|(m, _)| m).sum() };
    if width(&shown) <= available {
        return shown;
    }
    // the order they give way in: highest priority number first, rightmost first
    let mut order: Vec<usize> = (0..mins.len())
        .filter(|&i| priorities.get(i).copied().unwrap_or(0) > 0)
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(priorities[i]), std::cmp::Reverse(i)));
    for i in order {
        if width(&shown) + detail <= available {
            break;
        }
        shown[i] = false;
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn track_minimums_are_read_from_the_track() {
        assert_eq!(track_min("44px"), 44.0);
        assert_eq!(track_min("minmax(180px, 2fr)"), 180.0);
        assert_eq!(track_min(" minmax(96px,auto)"), 96.0);
        assert_eq!(track_min("1fr"), 0.0);
        assert_eq!(track_min("auto"), 0.0);
        assert_eq!(track_min("12em"), 0.0);
    }

    const MINS: [f64; 5] = [40.0, 200.0, 150.0, 120.0, 100.0];
    const PRIO: [u8; 5] = [0, 0, 1, 2, 2];

    fn shown(mask: &[bool]) -> Vec<usize> {
        mask.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| i).collect()
    }

    #[test]
    fn every_column_shows_when_all_fit_with_no_room_kept_for_a_detail() {
        assert_eq!(shown(&fit(&MINS, &PRIO, 610.0, 100.0)), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn columns_give_way_by_priority_then_from_the_right_leaving_room_for_the_detail() {
        // one px short: the rightmost priority-2 column goes (510 + the detail fits)
        assert_eq!(shown(&fit(&MINS, &PRIO, 609.0, 0.0)), vec![0, 1, 2, 3]);
        assert_eq!(shown(&fit(&MINS, &PRIO, 610.0 - 1.0, 99.0)), vec![0, 1, 2, 3]);
        // then the other priority-2 one (390 + 100), before the priority-1 one
        assert_eq!(shown(&fit(&MINS, &PRIO, 600.0, 100.0)), vec![0, 1, 2]);
        assert_eq!(shown(&fit(&MINS, &PRIO, 480.0, 100.0)), vec![0, 1]);
    }

    #[test]
    fn priority_zero_columns_never_give_way() {
        assert_eq!(shown(&fit(&MINS, &PRIO, 100.0, 100.0)), vec![0, 1]);
        assert_eq!(shown(&fit(&MINS, &[0; 5], 100.0, 100.0)), vec![0, 1, 2, 3, 4]);
    }
}
