//! Case-status classification from flags, never from the (localized, editable) status name.

use crate::{CaseData, CaseStatus, CustomerCase, Millis};

/// Where a case stands, for unification and display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseState {
    /// Folded into another case by a unification.
    Unified,
    /// Closed (has `closed_at`) or in a final status.
    Finished,
    /// An agent is handling it now.
    InService,
    /// Open and waiting.
    Open,
}

/// Classifies from the contract's flags. A closed case counts as finished even if the server
/// still flags it in service (inconsistent data is read on the safe side).
pub fn classify(status: &CaseStatus, closed_at: Option<Millis>, in_service: bool, merged: bool) -> CaseState {
    if merged {
        CaseState::Unified
    } else if closed_at.is_some() || status.is_final {
        CaseState::Finished
    } else if in_service {
        CaseState::InService
    } else {
        CaseState::Open
    }
}

impl CustomerCase {
    pub fn state(&self) -> CaseState {
        classify(
            &self.status,
            self.closed_at,
            self.in_service,
            self.merged_into.is_some(),
        )
    }
}

impl CaseData {
    pub fn state(&self) -> CaseState {
        classify(
            &self.status,
            self.closed_at,
            self.in_service,
            self.merged_into.is_some(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(is_final: bool) -> CaseStatus {
        CaseStatus {
            id: 1,
            name: "qualquer".into(),
            is_final,
        }
    }

    #[test]
    fn classification_uses_flags_in_priority_order() {
        assert_eq!(classify(&st(false), None, false, false), CaseState::Open);
        assert_eq!(classify(&st(false), None, true, false), CaseState::InService);
        assert_eq!(classify(&st(true), None, false, false), CaseState::Finished);
        assert_eq!(classify(&st(false), Some(5), false, false), CaseState::Finished);
        assert_eq!(classify(&st(false), Some(5), true, false), CaseState::Finished);
        assert_eq!(classify(&st(false), None, true, true), CaseState::Unified);
    }
}
