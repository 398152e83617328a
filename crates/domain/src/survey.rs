//! Survey scores on their own scales: CSAT 1 to 5 (stars), NPS 0 to 10 with its band.

use crate::Survey;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpsBand {
    /// 0 to 6.
    Detractor,
    /// 7 and 8.
    Neutral,
    /// 9 and 10.
    Promoter,
}

/// A score read on its scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Score {
    /// Stars out of five.
    Csat(u8),
    Nps(u8, NpsBand),
    /// Outside its scale, or a scale this app does not know: shown as the number, flagged.
    Unrated(i64),
}

pub fn nps_band(score: u8) -> NpsBand {
    match score {
        0..=6 => NpsBand::Detractor,
        7 | 8 => NpsBand::Neutral,
        _ => NpsBand::Promoter,
    }
}

pub fn score(s: &Survey) -> Score {
    match (s.scale.as_str(), s.score) {
        ("csat", n @ 1..=5) => Score::Csat(n as u8),
        ("nps", n @ 0..=10) => Score::Nps(n as u8, nps_band(n as u8)),
        (_, n) => Score::Unrated(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(scale: &str, score: i64) -> Survey {
        Survey {
            id: 1,
            case_id: 1,
            scale: scale.into(),
            score,
            requester: None,
            agent: None,
            answered_at: 0,
            comment: None,
            answers: vec![],
        }
    }

    #[test]
    fn nps_bands_at_their_boundaries() {
        assert_eq!(nps_band(0), NpsBand::Detractor);
        assert_eq!(nps_band(6), NpsBand::Detractor);
        assert_eq!(nps_band(7), NpsBand::Neutral);
        assert_eq!(nps_band(8), NpsBand::Neutral);
        assert_eq!(nps_band(9), NpsBand::Promoter);
        assert_eq!(nps_band(10), NpsBand::Promoter);
    }

    #[test]
    fn scores_on_their_scale_and_outside_it() {
        assert_eq!(score(&survey("csat", 4)), Score::Csat(4));
        assert_eq!(score(&survey("nps", 9)), Score::Nps(9, NpsBand::Promoter));
        assert_eq!(score(&survey("csat", 0)), Score::Unrated(0));
        assert_eq!(score(&survey("csat", 6)), Score::Unrated(6));
        assert_eq!(score(&survey("nps", 11)), Score::Unrated(11));
        assert_eq!(score(&survey("nps", -1)), Score::Unrated(-1));
        assert_eq!(score(&survey("ces", 3)), Score::Unrated(3));
    }
}
