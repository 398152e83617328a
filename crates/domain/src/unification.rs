//! The unification flow's pure parts: which rows may be selected, "select all", the preview of
//! what moves, and reading a refusal (HTTP 409) back into per-case reasons.

use std::collections::BTreeSet;

use crate::eligibility::{ineligibility, Ineligibility};
use crate::{CaseId, CaseRefusal, ContentCounts, CustomerCase};

/// Every case's reasons against the open case, decided once per load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    /// Whether the open case is in the list. Without it nothing can be compared, so nothing is
    /// selectable (the server would refuse anyway).
    pub open_found: bool,
    /// Whether the open case is finished: nothing can be unified into it (the server refuses
    /// with `case_finished`), so nothing is selectable.
    pub open_finished: bool,
    /// Per item, the reasons it cannot be unified (empty: eligible).
    pub reasons: Vec<Vec<Ineligibility>>,
}

impl Assessment {
    pub fn new(items: &[CustomerCase], open_id: CaseId) -> Assessment {
        let open = items.iter().find(|c| c.id == open_id);
        let reasons = items
            .iter()
            .map(|c| match open {
                Some(o) => ineligibility(o, c),
                None if c.id == open_id => vec![Ineligibility::OpenCase],
                None => Vec::new(),
            })
            .collect();
        Assessment {
            open_found: open.is_some(),
            open_finished: open.is_some_and(|o| o.state() == crate::status::CaseState::Finished),
            reasons,
        }
    }

    pub fn selectable(&self, idx: usize) -> bool {
        self.open_found && !self.open_finished && self.reasons.get(idx).is_some_and(Vec::is_empty)
    }

    /// The eligible cases among `shown` (what "select all" picks).
    pub fn eligible_ids(&self, items: &[CustomerCase], shown: &[usize]) -> BTreeSet<CaseId> {
        id_set(&mut shown.iter().filter(|&&i| self.selectable(i)).map(|&i| items[i].id))
    }

    /// The ticked cases that are listed but no longer eligible, each with its first reason: what
    /// a live change took out of the selection, for the note that says so.
    pub fn dropped(&self, items: &[CustomerCase], ticked: &BTreeSet<CaseId>) -> Vec<(CaseId, Ineligibility)> {
        items
            .iter()
            .zip(&self.reasons)
            .filter(|(c, _)| ticked.contains(&c.id))
            .filter_map(|(c, r)| Some((c.id, r.first()?.clone())))
            .collect()
    }

    /// Keeps only the selected cases still present and eligible (after a reload).
    pub fn prune(&self, items: &[CustomerCase], selected: &BTreeSet<CaseId>) -> BTreeSet<CaseId> {
        id_set(
            &mut items
                .iter()
                .enumerate()
                .filter(|(i, c)| selected.contains(&c.id) && self.selectable(*i))
                .map(|(_, c)| c.id),
        )
    }
}

/// A set of ids, inserted one by one: `collect()` into a set sorts first, and that sort would be
/// a copy of its own in the app's bundle (every list sorts through `list::sort_indices`).
pub fn id_set(ids: &mut dyn Iterator<Item = i64>) -> BTreeSet<i64> {
    let mut set = BTreeSet::new();
    for id in ids {
        set.insert(id);
    }
    set
}

/// What "select all" does: select every eligible shown case, or clear them when all already are.
pub fn toggle_all(selected: &BTreeSet<CaseId>, eligible: &BTreeSet<CaseId>) -> BTreeSet<CaseId> {
    let clear = !eligible.is_empty() && eligible.is_subset(selected);
    let mut out = selected.clone();
    for id in eligible {
        if clear {
            out.remove(id);
        } else {
            out.insert(*id);
        }
    }
    out
}

/// Per selected case (in id order) what it brings, and the sum.
pub fn preview(items: &[CustomerCase], selected: &BTreeSet<CaseId>) -> (Vec<(CaseId, ContentCounts)>, ContentCounts) {
    let per_case: Vec<(CaseId, ContentCounts)> = selected
        .iter()
        .map(|id| {
            let counts = items.iter().find(|c| c.id == *id).map(|c| c.counts).unwrap_or_default();
            (*id, counts)
        })
        .collect();
    let total = per_case.iter().fold(ContentCounts::default(), |acc, (_, c)| acc + *c);
    (per_case, total)
}

/// The per-case reasons of a refused unification (`error.details`); anything unreadable yields
/// none, and the caller still says the unification was refused.
///
/// Read by hand from the JSON value rather than through the derived `Deserialize`: a tagged
/// enum's derived decoder buffers every field and is ~12 KB of the app's bundle.
pub fn refusals(details: &serde_json::Value) -> Vec<CaseRefusal> {
    let Some(entries) = details.as_array() else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|e| {
            let reasons = e
                .get("reasons")?
                .as_array()?
                .iter()
                .map(reason)
                .collect::<Option<_>>()?;
            Some(CaseRefusal {
                case_id: e.get("case_id")?.as_i64()?,
                reasons,
            })
        })
        .collect()
}

/// One `Ineligibility` from its JSON (`{"code": "in_service", "agent_name": …}`).
fn reason(v: &serde_json::Value) -> Option<Ineligibility> {
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    let number = |k: &str| v.get(k).and_then(serde_json::Value::as_i64);
    Some(match v.get("code")?.as_str()? {
        "open_case" => Ineligibility::OpenCase,
        "already_unified" => Ineligibility::AlreadyUnified {
            into_case_id: number("into_case_id")?,
        },
        "in_service" => Ineligibility::InService {
            agent_name: text("agent_name"),
        },
        "finished" => Ineligibility::Finished {
            closed_at: number("closed_at"),
        },
        "different_whatsapp" => Ineligibility::DifferentWhatsapp {
            candidate: text("candidate")?,
        },
        "different_chat" => Ineligibility::DifferentChat {
            candidate: text("candidate")?,
        },
        "not_found" => Ineligibility::NotFound,
        _ => return None,
    })
}

/// A stable identity of a request, for reusing its idempotency key: the same selection into the
/// same case is the same unification (a retry), anything else is a new one.
pub fn request_fingerprint(target: CaseId, selected: &BTreeSet<CaseId>) -> String {
    let ids: Vec<String> = selected.iter().map(CaseId::to_string).collect();
    format!("{target}:{}", ids.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AgentRef;

    fn case(id: CaseId) -> CustomerCase {
        let mut c = crate::test_support::customer_case(id);
        c.counts = ContentCounts {
            history: 2,
            interactions: 1,
            calls: 0,
            attachments: 1,
            surveys: 0,
        };
        c
    }

    /// 1 open, 2 eligible, 3 in service, 4 eligible, 5 finished.
    fn data() -> Vec<CustomerCase> {
        let mut v: Vec<CustomerCase> = (1..=5).map(case).collect();
        v[2].in_service = true;
        v[2].assignee = Some(AgentRef {
            id: 1,
            name: "Maria Souza".into(),
        });
        v[4].closed_at = Some(10);
        v
    }

    #[test]
    fn select_all_picks_only_eligible_shown_rows_and_toggles() {
        let items = data();
        let a = Assessment::new(&items, 1);
        assert!(a.open_found);
        let all: Vec<usize> = (0..items.len()).collect();
        let eligible = a.eligible_ids(&items, &all);
        assert_eq!(eligible, BTreeSet::from([2, 4]));
        let selected = toggle_all(&BTreeSet::new(), &eligible);
        assert_eq!(selected, BTreeSet::from([2, 4]));
        assert!(
            toggle_all(&selected, &eligible).is_empty(),
            "all selected: select all clears"
        );
        // only the shown rows count
        assert_eq!(a.eligible_ids(&items, &[0, 3, 4]), BTreeSet::from([4]));
        // a partial selection completes
        assert_eq!(toggle_all(&BTreeSet::from([2]), &eligible), BTreeSet::from([2, 4]));
    }

    #[test]
    fn without_the_open_case_nothing_is_selectable() {
        let items = data();
        let a = Assessment::new(&items[1..], 1);
        assert!(!a.open_found);
        assert!((0..4).all(|i| !a.selectable(i)));
    }

    #[test]
    fn prune_drops_cases_that_became_ineligible_or_vanished() {
        let mut items = data();
        items[1].in_service = true; // 2 went into service
        let a = Assessment::new(&items, 1);
        assert_eq!(a.prune(&items, &BTreeSet::from([2, 4, 99])), BTreeSet::from([4]));
    }

    #[test]
    fn dropped_names_each_ticked_case_that_turned_ineligible_with_its_reason() {
        let mut items = data();
        items[1].in_service = true; // 2 went into service
        let a = Assessment::new(&items, 1);
        let dropped = a.dropped(&items, &BTreeSet::from([2, 4, 99]));
        assert_eq!(
            dropped.len(),
            1,
            "4 is still eligible and 99 is not listed: {dropped:?}"
        );
        assert_eq!(dropped[0].0, 2);
        assert!(matches!(dropped[0].1, Ineligibility::InService { .. }));
    }

    #[test]
    fn preview_counts_per_case_and_in_total() {
        let items = data();
        let (per_case, total) = preview(&items, &BTreeSet::from([2, 4]));
        assert_eq!(per_case.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![2, 4]);
        assert_eq!(total.history, 4);
        assert_eq!(total.attachments, 2);
    }

    #[test]
    fn refusals_read_the_409_details_leniently() {
        let details = serde_json::json!([
            {"case_id": 3, "reasons": [{"code": "in_service", "agent_name": "Maria Souza"}]},
            {"case_id": "x"},
            "junk"
        ]);
        let r = refusals(&details);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].case_id, 3);
        assert_eq!(
            r[0].reasons,
            vec![Ineligibility::InService {
                agent_name: Some("Maria Souza".into())
            }]
        );
        assert!(refusals(&serde_json::json!({"a": 1})).is_empty());
    }

    #[test]
    fn every_reason_reads_back_as_the_server_writes_it() {
        // the hand-written reader and the contract's serializer must agree on every variant
        let all = vec![
            Ineligibility::OpenCase,
            Ineligibility::AlreadyUnified { into_case_id: 7 },
            Ineligibility::InService { agent_name: None },
            Ineligibility::InService {
                agent_name: Some("Ana".into()),
            },
            Ineligibility::Finished { closed_at: Some(5) },
            Ineligibility::Finished { closed_at: None },
            Ineligibility::DifferentWhatsapp {
                candidate: "+55".into(),
            },
            Ineligibility::DifferentChat {
                candidate: "c-1".into(),
            },
            Ineligibility::NotFound,
        ];
        let written = serde_json::to_value([CaseRefusal {
            case_id: 9,
            reasons: all.clone(),
        }])
        .unwrap();
        assert_eq!(
            refusals(&written),
            vec![CaseRefusal {
                case_id: 9,
                reasons: all
            }]
        );
    }

    #[test]
    fn the_same_selection_is_the_same_request() {
        let a = request_fingerprint(1, &BTreeSet::from([4, 2]));
        assert_eq!(a, request_fingerprint(1, &BTreeSet::from([2, 4])));
        assert_ne!(a, request_fingerprint(1, &BTreeSet::from([2])));
    }

    #[test]
    fn nothing_is_selectable_when_the_open_case_is_finished() {
        let mut items = data();
        assert!(Assessment::new(&items, 1).selectable(1));
        items[0].closed_at = Some(1);
        let a = Assessment::new(&items, 1);
        assert!(a.open_finished);
        assert!((0..items.len()).all(|i| !a.selectable(i)));
    }
}
