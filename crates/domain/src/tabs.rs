//! The eight tabs of the modal, in the seed's order, with their pt-BR URL slugs.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ModalTab {
    #[default]
    CaseData,
    CaseHistory,
    CustomerHistory,
    Calls,
    Interactions,
    Sla,
    Attachments,
    Surveys,
}

impl ModalTab {
    pub const ALL: [ModalTab; 8] = [
        ModalTab::CaseData,
        ModalTab::CaseHistory,
        ModalTab::CustomerHistory,
        ModalTab::Calls,
        ModalTab::Interactions,
        ModalTab::Sla,
        ModalTab::Attachments,
        ModalTab::Surveys,
    ];

    /// The slug in `/casos/:id/:aba`.
    pub fn slug(self) -> &'static str {
        match self {
            ModalTab::CaseData => "dados",
            ModalTab::CaseHistory => "historico-do-caso",
            ModalTab::CustomerHistory => "historico-do-cliente",
            ModalTab::Calls => "ligacoes",
            ModalTab::Interactions => "interacoes",
            ModalTab::Sla => "sla",
            ModalTab::Attachments => "anexos",
            ModalTab::Surveys => "pesquisa-de-satisfacao",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ModalTab> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// Position, 0 to 7.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab for Alt+1 … Alt+8 (1-based).
    pub fn from_number(n: usize) -> Option<ModalTab> {
        n.checked_sub(1).and_then(|i| Self::ALL.get(i).copied())
    }

    /// Arrow-key movement, wrapping around.
    pub fn next(self) -> ModalTab {
        Self::ALL[(self.index() + 1) % 8]
    }

    pub fn prev(self) -> ModalTab {
        Self::ALL[(self.index() + 7) % 8]
    }

    pub fn first() -> ModalTab {
        Self::ALL[0]
    }

    pub fn last() -> ModalTab {
        Self::ALL[7]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for t in ModalTab::ALL {
            assert_eq!(ModalTab::from_slug(t.slug()), Some(t));
        }
        assert_eq!(ModalTab::from_slug("anexos"), Some(ModalTab::Attachments));
        assert_eq!(ModalTab::from_slug("nada"), None);
    }

    #[test]
    fn keyboard_movement_wraps_and_numbers_are_one_based() {
        assert_eq!(ModalTab::Surveys.next(), ModalTab::CaseData);
        assert_eq!(ModalTab::CaseData.prev(), ModalTab::Surveys);
        assert_eq!(ModalTab::from_number(1), Some(ModalTab::CaseData));
        assert_eq!(ModalTab::from_number(8), Some(ModalTab::Surveys));
        assert_eq!(ModalTab::from_number(0), None);
        assert_eq!(ModalTab::from_number(9), None);
    }
}
