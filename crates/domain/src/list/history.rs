//! Histórico do Caso: filters on the four fields the seed names (user, comments, channel, action)
//! plus a search over descriptions and comments, newest or oldest first.

use super::facet::{facet_values, Facet, FacetValue};
use super::query;
use crate::text::{fold, Query};
use crate::HistoryEvent;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CommentFilter {
    #[default]
    Any,
    With,
    Without,
    /// Comments containing this text (accents and case ignored).
    Containing(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    pub query: String,
    /// Agent ids as strings; "" is "no agent".
    pub agents: Facet,
    /// Channel codes; "" is "no channel".
    pub channels: Facet,
    pub actions: Facet,
    pub comments: CommentFilter,
    pub oldest_first: bool,
}

pub fn agent_key(e: &HistoryEvent) -> String {
    e.agent.as_ref().map(|a| a.id.to_string()).unwrap_or_default()
}

pub fn channel_key(e: &HistoryEvent) -> String {
    e.channel.clone().unwrap_or_default()
}

/// What search and the comment filter read, folded once per load (not per keystroke), and the
/// display order, sorted once per load: filtering then only selects.
#[derive(Clone, Debug, Default)]
pub struct HistoryIndex {
    entries: Vec<Entry>,
    newest_first: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Entry {
    text: String,
    comment: Option<String>,
}

pub fn index(events: &[HistoryEvent]) -> HistoryIndex {
    let entries = events
        .iter()
        .map(|e| {
            let comment = e.comment.as_deref().filter(|c| !c.trim().is_empty()).map(fold);
            let mut text = fold(&e.description);
            if let Some(c) = &comment {
                text.push('\n');
                text.push_str(c);
            }
            Entry { text, comment }
        })
        .collect();
    let mut newest_first: Vec<usize> = (0..events.len()).collect();
    super::newest_first(&mut newest_first, events, |e| (e.occurred_at, e.id));
    HistoryIndex { entries, newest_first }
}

impl HistoryFilter {
    /// How many filters (not counting the search and the order) are set.
    pub fn active_filters(&self) -> usize {
        [
            self.agents.is_active(),
            self.channels.is_active(),
            self.actions.is_active(),
            self.comments != CommentFilter::Any,
        ]
        .iter()
        .filter(|x| **x)
        .count()
    }

    pub fn is_clear(&self) -> bool {
        self.active_filters() == 0 && self.query.trim().is_empty()
    }

    /// Clears filters and search, keeping the order.
    pub fn cleared(&self) -> HistoryFilter {
        HistoryFilter {
            oldest_first: self.oldest_first,
            ..HistoryFilter::default()
        }
    }

    pub fn to_query(&self, p: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        query::push_text(&mut out, &format!("{p}busca"), &self.query);
        query::push_facet(&mut out, &format!("{p}usuario"), &self.agents);
        query::push_facet(&mut out, &format!("{p}canal"), &self.channels);
        query::push_facet(&mut out, &format!("{p}acao"), &self.actions);
        match &self.comments {
            CommentFilter::Any => {}
            CommentFilter::With => out.push((format!("{p}comentario"), "com".into())),
            CommentFilter::Without => out.push((format!("{p}comentario"), "sem".into())),
            CommentFilter::Containing(t) => query::push_text(&mut out, &format!("{p}comentario_texto"), t),
        }
        if self.oldest_first {
            out.push((format!("{p}ordem"), "antigos".into()));
        }
        out
    }

    pub fn from_query(pairs: &[(String, String)], p: &str) -> HistoryFilter {
        let comments = match (
            query::first(pairs, &format!("{p}comentario")).as_deref(),
            query::text(pairs, &format!("{p}comentario_texto")),
        ) {
            (_, t) if !t.is_empty() => CommentFilter::Containing(t),
            (Some("com"), _) => CommentFilter::With,
            (Some("sem"), _) => CommentFilter::Without,
            _ => CommentFilter::Any,
        };
        HistoryFilter {
            query: query::text(pairs, &format!("{p}busca")),
            agents: query::facet(pairs, &format!("{p}usuario")),
            channels: query::facet(pairs, &format!("{p}canal")),
            actions: query::facet(pairs, &format!("{p}acao")),
            comments,
            oldest_first: query::first(pairs, &format!("{p}ordem")).as_deref() == Some("antigos"),
        }
    }
}

/// The indices of the events that pass `f`, in display order. `index` must be `index(events)`.
pub fn filter(events: &[HistoryEvent], index: &HistoryIndex, f: &HistoryFilter) -> Vec<usize> {
    let q = Query::new(&f.query);
    let comment_q = match &f.comments {
        CommentFilter::Containing(t) => Some(Query::new(t)),
        _ => None,
    };
    let passes = |i: usize| {
        let (e, ix) = (&events[i], &index.entries[i]);
        f.agents.allows_with(|| agent_key(e))
            && f.channels.allows(e.channel.as_deref().unwrap_or_default())
            && f.actions.allows(&e.action)
            && match &f.comments {
                CommentFilter::Any => true,
                CommentFilter::With => ix.comment.is_some(),
                CommentFilter::Without => ix.comment.is_none(),
                CommentFilter::Containing(_) => ix
                    .comment
                    .as_deref()
                    .is_some_and(|c| comment_q.as_ref().is_none_or(|q| q.matches_folded([c]))),
            }
            && q.matches_folded([ix.text.as_str()])
    };
    let mut out: Vec<usize> = index.newest_first.iter().copied().filter(|&i| passes(i)).collect();
    if f.oldest_first {
        out.reverse();
    }
    out
}

#[derive(Default)]
pub struct HistoryFacets {
    pub agents: Vec<FacetValue>,
    pub channels: Vec<FacetValue>,
    pub actions: Vec<FacetValue>,
}

/// The values present, for the filters' choices. Labels: agent names; channel and action codes
/// (the app localizes those it knows).
pub fn facets(events: &[HistoryEvent]) -> HistoryFacets {
    HistoryFacets {
        agents: facet_values(
            events
                .iter()
                .map(|e| (agent_key(e), e.agent.as_ref().map_or("", |a| a.name.as_str()))),
        ),
        channels: facet_values(
            events
                .iter()
                .map(|e| (channel_key(e), e.channel.as_deref().unwrap_or(""))),
        ),
        actions: facet_values(events.iter().map(|e| (e.action.clone(), e.action.as_str()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AgentRef;

    fn ev(
        id: i64,
        at: i64,
        action: &str,
        desc: &str,
        agent: Option<(i64, &str)>,
        comment: Option<&str>,
        channel: Option<&str>,
    ) -> HistoryEvent {
        HistoryEvent {
            id,
            case_id: 1,
            occurred_at: at,
            action: action.into(),
            description: desc.into(),
            agent: agent.map(|(id, n)| AgentRef { id, name: n.into() }),
            comment: comment.map(Into::into),
            channel: channel.map(Into::into),
            status: None,
            questionnaires: Vec::new(),
        }
    }

    fn data() -> Vec<HistoryEvent> {
        vec![
            ev(
                1,
                100,
                "created",
                "Caso aberto pelo WhatsApp",
                None,
                None,
                Some("whatsapp"),
            ),
            ev(
                2,
                300,
                "comment",
                "Comentário interno",
                Some((1, "Ana Lima")),
                Some("Cliente João pediu estorno"),
                None,
            ),
            ev(
                3,
                200,
                "status_change",
                "Status alterado",
                Some((2, "Maria Souza")),
                Some("  "),
                Some("email"),
            ),
            ev(
                4,
                400,
                "message",
                "Mensagem enviada ao João",
                Some((1, "Ana Lima")),
                None,
                Some("whatsapp"),
            ),
        ]
    }

    fn run(f: &HistoryFilter) -> Vec<i64> {
        let d = data();
        filter(&d, &index(&d), f).into_iter().map(|i| d[i].id).collect()
    }

    #[test]
    fn no_filter_lists_all_newest_first_and_the_toggle_reverses() {
        assert_eq!(run(&HistoryFilter::default()), vec![4, 2, 3, 1]);
        assert_eq!(
            run(&HistoryFilter {
                oldest_first: true,
                ..Default::default()
            }),
            vec![1, 3, 2, 4]
        );
    }

    #[test]
    fn search_covers_descriptions_and_comments_ignoring_accents_and_case() {
        let f = |q: &str| {
            run(&HistoryFilter {
                query: q.into(),
                ..Default::default()
            })
        };
        assert_eq!(f("joao"), vec![4, 2]);
        assert_eq!(f("ESTORNO"), vec![2]);
        assert_eq!(f("comentario interno"), vec![2]);
        assert_eq!(f("nada disso"), Vec::<i64>::new());
    }

    #[test]
    fn each_facet_and_their_combination() {
        assert_eq!(
            run(&HistoryFilter {
                agents: Facet::of(["1"]),
                ..Default::default()
            }),
            vec![4, 2]
        );
        assert_eq!(
            run(&HistoryFilter {
                agents: Facet::of([""]),
                ..Default::default()
            }),
            vec![1],
            "no agent"
        );
        assert_eq!(
            run(&HistoryFilter {
                channels: Facet::of(["whatsapp", "email"]),
                ..Default::default()
            }),
            vec![4, 3, 1]
        );
        assert_eq!(
            run(&HistoryFilter {
                actions: Facet::of(["comment", "created"]),
                ..Default::default()
            }),
            vec![2, 1]
        );
        let combined = HistoryFilter {
            agents: Facet::of(["1"]),
            channels: Facet::of(["whatsapp"]),
            query: "joão".into(),
            ..Default::default()
        };
        assert_eq!(run(&combined), vec![4]);
    }

    #[test]
    fn comment_filter_with_without_and_text() {
        assert_eq!(
            run(&HistoryFilter {
                comments: CommentFilter::With,
                ..Default::default()
            }),
            vec![2],
            "blank comments count as none"
        );
        assert_eq!(
            run(&HistoryFilter {
                comments: CommentFilter::Without,
                ..Default::default()
            }),
            vec![4, 3, 1]
        );
        assert_eq!(
            run(&HistoryFilter {
                comments: CommentFilter::Containing("ESTÓRNO".into()),
                ..Default::default()
            }),
            vec![2]
        );
        assert_eq!(
            run(&HistoryFilter {
                comments: CommentFilter::Containing("whatsapp".into()),
                ..Default::default()
            }),
            Vec::<i64>::new()
        );
    }

    #[test]
    fn facets_list_values_present() {
        let f = facets(&data());
        assert_eq!(
            f.agents.iter().map(|v| (v.label.as_str(), v.count)).collect::<Vec<_>>(),
            vec![("Ana Lima", 2), ("Maria Souza", 1), ("", 1)]
        );
        assert_eq!(f.channels.len(), 3);
        assert_eq!(f.actions.len(), 4);
    }

    #[test]
    fn query_round_trip_and_clear() {
        let f = HistoryFilter {
            query: "cobrança".into(),
            agents: Facet::of(["1", "2"]),
            channels: Facet::of(["whatsapp"]),
            actions: Facet::of(["comment"]),
            comments: CommentFilter::Containing("estorno".into()),
            oldest_first: true,
        };
        let q = f.to_query("h_");
        assert_eq!(HistoryFilter::from_query(&q, "h_"), f);
        assert_eq!(HistoryFilter::from_query(&q, "x_"), HistoryFilter::default());
        assert_eq!(f.active_filters(), 4);
        assert!(f.cleared().is_clear() && f.cleared().oldest_first);
        let with = HistoryFilter {
            comments: CommentFilter::Without,
            ..Default::default()
        };
        assert_eq!(HistoryFilter::from_query(&with.to_query(""), ""), with);
    }
}
