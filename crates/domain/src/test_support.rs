//! Fixtures the unit tests share.

use crate::{CaseId, CaseStatus, ContactIds, ContentCounts, CustomerCase};

/// An open case of the customer on WhatsApp +55 11 91234-5678, created at `id` (so ids order
/// creation), with nothing else set.
pub fn customer_case(id: CaseId) -> CustomerCase {
    CustomerCase {
        id,
        subject: None,
        case_type: None,
        status: CaseStatus {
            id: 1,
            name: "Aberto".into(),
            is_final: false,
        },
        assignee: None,
        channel: "whatsapp".into(),
        contact: ContactIds {
            whatsapp: Some("+55 11 91234-5678".into()),
            chat_id: None,
            email: None,
        },
        created_at: id,
        updated_at: None,
        closed_at: None,
        in_service: false,
        merged_into: None,
        counts: ContentCounts::default(),
        last_event: None,
    }
}
