//! Windowed rendering: which rows of a long list are in view, and the space to leave above and
//! below them. Rows have a fixed height, except expanded ones whose extra height is known.

/// Rows rendered above and below the visible ones.
pub const OVERSCAN: usize = 6;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub pad_top: f64,
    pub pad_bottom: f64,
}

/// The rows `start..end` to render for `n` rows of `row_h` pixels (plus `extra(pos)` for taller
/// ones, consulted only when `any_extra`), scrolled to `top`, in a viewport `view_h` high.
pub fn window(n: usize, row_h: f64, extra: impl Fn(usize) -> f64, top: f64, view_h: f64, any_extra: bool) -> Window {
    if n == 0 || row_h <= 0.0 {
        return Window {
            start: 0,
            end: n,
            pad_top: 0.0,
            pad_bottom: 0.0,
        };
    }
    let top = if top.is_finite() { top.max(0.0) } else { 0.0 };
    let view_h = if view_h.is_finite() { view_h.max(0.0) } else { 0.0 };
    if !any_extra {
        let first = ((top / row_h).floor() as usize).min(n - 1);
        let start = first.saturating_sub(OVERSCAN);
        // rows in view, at most all of them (a huge height must not overflow the sum)
        let visible = (view_h / row_h).ceil().min(n as f64) as usize;
        let end = (first + visible + 1 + OVERSCAN).min(n);
        return Window {
            start,
            end,
            pad_top: start as f64 * row_h,
            pad_bottom: (n - end) as f64 * row_h,
        };
    }
    let mut offsets = Vec::with_capacity(n + 1);
    let mut y = 0.0;
    for pos in 0..n {
        offsets.push(y);
        y += row_h + extra(pos).max(0.0);
    }
    offsets.push(y);
    // the last row starting at or above `top`
    let first = offsets[..n].partition_point(|&o| o <= top).saturating_sub(1);
    let last = offsets[..n].partition_point(|&o| o < top + view_h);
    let start = first.saturating_sub(OVERSCAN);
    let end = (last + OVERSCAN).min(n).max(start);
    Window {
        start,
        end,
        pad_top: offsets[start],
        pad_bottom: y - offsets[end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rows() {
        let w = window(10_000, 40.0, |_| 0.0, 4000.0, 400.0, false);
        assert_eq!((w.start, w.end), (94, 117));
        assert_eq!(w.pad_top, 94.0 * 40.0);
        assert_eq!(w.pad_bottom, (10_000 - 117) as f64 * 40.0);
        assert_eq!(w.pad_top + (w.end - w.start) as f64 * 40.0 + w.pad_bottom, 400_000.0);
        let w = window(3, 40.0, |_| 0.0, 0.0, 400.0, false);
        assert_eq!((w.start, w.end, w.pad_bottom), (0, 3, 0.0));
        let w = window(100, 40.0, |_| 0.0, 1e9, 400.0, false);
        assert_eq!((w.start, w.end), (93, 100), "scrolled past the end: the last rows");
        assert_eq!(window(0, 40.0, |_| 0.0, 0.0, 400.0, false).end, 0);
        assert_eq!(window(5, 40.0, |_| 0.0, f64::NAN, f64::INFINITY, false).start, 0);
    }

    #[test]
    fn taller_rows_shift_the_window_and_the_padding_adds_up() {
        // row 2 is 200px taller
        let extra = |pos: usize| if pos == 2 { 200.0 } else { 0.0 };
        let w = window(100, 40.0, extra, 400.0, 200.0, true);
        // offsets: row 2 at 80, row 3 at 320, row k>=3 at 320 + (k-3)*40; top 400 is in row 5
        assert_eq!(w.start, 0);
        assert_eq!(w.end, 16);
        let total = 100.0 * 40.0 + 200.0;
        let rendered: f64 = (w.start..w.end).map(|p| 40.0 + extra(p)).sum();
        assert_eq!(w.pad_top + rendered + w.pad_bottom, total);
        let w = window(100, 40.0, extra, 2000.0, 200.0, true);
        assert_eq!(w.start, 45 - OVERSCAN);
    }
}
