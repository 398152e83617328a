//! The recent cases of one mount (the standalone page, or one widget): what their tabs showed
//! when another case opened or the modal closed, so opening one again shows it at once. The bounds
//! and what goes first are `cvortex_domain::recent`'s. The client holds them (`ApiClient::recent`):
//! one per mount, so a widget mounted again (another login, perhaps) starts with nothing.

use cvortex_domain::recent::Recent;

use super::remote::Shown;
use crate::tabs::{ModalTab, TAB_COUNT};

/// What is kept of one case.
pub struct KeptCase {
    /// Each tab's data (`None`: it was not loaded), its time being the case's `at`.
    pub tabs: [Option<Shown>; TAB_COUNT],
    /// When it was current (epoch ms): the oldest answer, or the moment it closed while live.
    pub at: f64,
    /// The last event of its stream taken: the stream resumes after it.
    pub last_event: Option<String>,
}

impl KeptCase {
    /// The tabs `which` picks are owed a reload (a change made while the case was not open):
    /// opening the case again reloads them first.
    pub fn owe(&mut self, which: fn(ModalTab) -> bool) {
        for tab in ModalTab::all().filter(|t| which(*t)) {
            if let Some(shown) = &mut self.tabs[tab.index()] {
                shown.owed = true;
            }
        }
    }
}

pub type RecentCases = Recent<KeptCase>;
