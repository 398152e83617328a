//! Unification eligibility: which cases of the customer may be folded into the open case.
//! The app disables ineligible rows with this function; the sandbox runs it again on submit.

use serde::{Deserialize, Serialize};

use crate::phone;
use crate::status::CaseState;
use crate::{CaseId, CustomerCase, Millis};

/// Why a case cannot be unified into the open case. Serialized with a `code` tag; it is also the
/// per-case reason of a refused unification (HTTP 409).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Ineligibility {
    /// The case is the open case itself.
    OpenCase,
    /// Already unified into another case.
    AlreadyUnified { into_case_id: CaseId },
    /// An agent is handling it now.
    InService {
        #[serde(default)]
        agent_name: Option<String>,
    },
    /// Closed, or in a final status.
    Finished {
        #[serde(default)]
        closed_at: Option<Millis>,
    },
    /// Its WhatsApp number differs from the open case's.
    DifferentWhatsapp { candidate: String },
    /// Its chat identifier differs from the open case's.
    DifferentChat { candidate: String },
    /// Not a case of this customer (server-side only: unknown id, another customer or tenant).
    NotFound,
}

/// Every reason `candidate` cannot be unified into `open`; empty means eligible.
///
/// Identifiers conflict only when both cases have one of the same kind and they differ
/// (phones compared in canonical form, chat ids exactly after trimming): a case that was never on
/// WhatsApp does not conflict with a WhatsApp case.
pub fn ineligibility(open: &CustomerCase, candidate: &CustomerCase) -> Vec<Ineligibility> {
    let mut reasons = Vec::new();
    if candidate.id == open.id {
        reasons.push(Ineligibility::OpenCase);
        return reasons;
    }
    match candidate.state() {
        CaseState::Unified => reasons.push(Ineligibility::AlreadyUnified {
            into_case_id: candidate.merged_into.unwrap_or_default(),
        }),
        CaseState::Finished => reasons.push(Ineligibility::Finished {
            closed_at: candidate.closed_at,
        }),
        CaseState::InService => reasons.push(Ineligibility::InService {
            agent_name: candidate.assignee.as_ref().map(|a| a.name.clone()),
        }),
        CaseState::Open => {}
    }
    if let (Some(a), Some(b)) = (&open.contact.whatsapp, &candidate.contact.whatsapp) {
        if !phone::same_number(a, b) {
            reasons.push(Ineligibility::DifferentWhatsapp { candidate: b.clone() });
        }
    }
    if let (Some(a), Some(b)) = (&open.contact.chat_id, &candidate.contact.chat_id) {
        if a.trim() != b.trim() {
            reasons.push(Ineligibility::DifferentChat { candidate: b.clone() });
        }
    }
    reasons
}

pub fn is_eligible(open: &CustomerCase, candidate: &CustomerCase) -> bool {
    ineligibility(open, candidate).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AgentRef, ContactIds};

    use crate::test_support::customer_case as case;

    #[test]
    fn an_open_case_with_the_same_number_is_eligible() {
        let open = case(1);
        let mut c = case(2);
        c.contact.whatsapp = Some("5511912345678".into()); // same number, written differently
        assert!(is_eligible(&open, &c));
    }

    #[test]
    fn the_open_case_itself_is_not_eligible() {
        let open = case(1);
        assert_eq!(ineligibility(&open, &open.clone()), vec![Ineligibility::OpenCase]);
    }

    #[test]
    fn in_service_names_the_agent() {
        let open = case(1);
        let mut c = case(2);
        c.in_service = true;
        c.assignee = Some(AgentRef {
            id: 9,
            name: "Maria Souza".into(),
        });
        assert_eq!(
            ineligibility(&open, &c),
            vec![Ineligibility::InService {
                agent_name: Some("Maria Souza".into())
            }]
        );
    }

    #[test]
    fn finished_by_closed_at_or_final_status() {
        let open = case(1);
        let mut closed = case(2);
        closed.closed_at = Some(99);
        assert_eq!(
            ineligibility(&open, &closed),
            vec![Ineligibility::Finished { closed_at: Some(99) }]
        );
        let mut final_status = case(3);
        final_status.status.is_final = true;
        assert_eq!(
            ineligibility(&open, &final_status),
            vec![Ineligibility::Finished { closed_at: None }]
        );
    }

    #[test]
    fn already_unified() {
        let open = case(1);
        let mut c = case(2);
        c.merged_into = Some(7);
        c.in_service = true; // unified wins over the other states
        assert_eq!(
            ineligibility(&open, &c),
            vec![Ineligibility::AlreadyUnified { into_case_id: 7 }]
        );
    }

    #[test]
    fn different_whatsapp_and_chat() {
        let mut open = case(1);
        open.contact.chat_id = Some("chat-abc".into());
        let mut c = case(2);
        c.contact.whatsapp = Some("+55 11 98888-1234".into());
        c.contact.chat_id = Some(" chat-abc ".into());
        assert_eq!(
            ineligibility(&open, &c),
            vec![Ineligibility::DifferentWhatsapp {
                candidate: "+55 11 98888-1234".into()
            }]
        );
        c.contact.chat_id = Some("chat-xyz".into());
        assert_eq!(
            ineligibility(&open, &c),
            vec![
                Ineligibility::DifferentWhatsapp {
                    candidate: "+55 11 98888-1234".into()
                },
                Ineligibility::DifferentChat {
                    candidate: "chat-xyz".into()
                },
            ]
        );
    }

    #[test]
    fn a_missing_identifier_on_either_side_is_no_conflict() {
        let open = case(1);
        let mut email_case = case(2);
        email_case.channel = "email".into();
        email_case.contact = ContactIds {
            whatsapp: None,
            chat_id: Some("chat-1".into()),
            email: Some("a@b.com".into()),
        };
        assert!(is_eligible(&open, &email_case));
        let mut open_email = case(3);
        open_email.contact.whatsapp = None;
        assert!(is_eligible(&open_email, &case(4)));
    }

    #[test]
    fn reasons_combine_state_and_identifiers() {
        let open = case(1);
        let mut c = case(2);
        c.closed_at = Some(5);
        c.contact.whatsapp = Some("+55 21 99999-0000".into());
        let r = ineligibility(&open, &c);
        assert_eq!(r.len(), 2);
        assert!(matches!(r[0], Ineligibility::Finished { .. }));
        assert!(matches!(r[1], Ineligibility::DifferentWhatsapp { .. }));
    }

    #[test]
    fn reasons_serialize_with_a_code_tag() {
        let json = serde_json::to_value(Ineligibility::InService { agent_name: None }).unwrap();
        assert_eq!(json, serde_json::json!({"code": "in_service", "agent_name": null}));
        let back: Ineligibility =
            serde_json::from_value(serde_json::json!({"code": "already_unified", "into_case_id": 4})).unwrap();
        assert_eq!(back, Ineligibility::AlreadyUnified { into_case_id: 4 });
    }
}
