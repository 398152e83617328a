//! Histórico do Cliente: every case of the customer, searched over the seed's four fields (user,
//! comments, channel, actions) plus id and subject, and sorted by any column.

use std::cmp::Ordering;

use super::query;
use crate::text::{fold, Query};
use crate::CustomerCase;

/// The columns the list sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaseSort {
    #[default]
    Created,
    Closed,
    Id,
    Type,
    Subject,
    Status,
    Agent,
    Updated,
    Channel,
}

impl CaseSort {
    pub const ALL: [CaseSort; 9] = [
        CaseSort::Created,
        CaseSort::Closed,
        CaseSort::Id,
        CaseSort::Type,
        CaseSort::Subject,
        CaseSort::Status,
        CaseSort::Agent,
        CaseSort::Updated,
        CaseSort::Channel,
    ];

    /// The name in the URL query.
    pub fn slug(self) -> &'static str {
        match self {
            CaseSort::Created => "abertura",
            CaseSort::Closed => "encerramento",
            CaseSort::Id => "numero",
            CaseSort::Type => "tipo",
            CaseSort::Subject => "assunto",
            CaseSort::Status => "situacao",
            CaseSort::Agent => "responsavel",
            CaseSort::Updated => "atualizacao",
            CaseSort::Channel => "canal",
        }
    }

    pub fn from_slug(s: &str) -> Option<CaseSort> {
        CaseSort::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// A small number for the key (a list column declares the key it sorts by with it).
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<CaseSort> {
        CaseSort::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerFilter {
    pub query: String,
    pub sort: CaseSort,
    pub descending: bool,
}

impl Default for CustomerFilter {
    /// Newest case first.
    fn default() -> Self {
        CustomerFilter {
            query: String::new(),
            sort: CaseSort::Created,
            descending: true,
        }
    }
}

impl CustomerFilter {
    pub fn is_clear(&self) -> bool {
        self.query.trim().is_empty()
    }

    /// Clears the search, keeping the sort.
    pub fn cleared(&self) -> CustomerFilter {
        CustomerFilter {
            query: String::new(),
            ..self.clone()
        }
    }

    /// Sorts by `key`; the same key again flips the direction. Dates start newest first,
    /// text starts A to Z.
    pub fn sort_by(&mut self, key: CaseSort) {
        if self.sort == key {
            self.descending = !self.descending;
        } else {
            self.sort = key;
            self.descending = matches!(
                key,
                CaseSort::Created | CaseSort::Closed | CaseSort::Updated | CaseSort::Id
            );
        }
    }

    pub fn to_query(&self, p: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        query::push_text(&mut out, &format!("{p}busca"), &self.query);
        if *self != CustomerFilter::default().with_query(&self.query) {
            out.push((format!("{p}ordem"), self.sort.slug().into()));
            out.push((
                format!("{p}sentido"),
                if self.descending { "desc" } else { "asc" }.into(),
            ));
        }
        out
    }

    pub fn from_query(pairs: &[(String, String)], p: &str) -> CustomerFilter {
        let default = CustomerFilter::default();
        let sort = query::first(pairs, &format!("{p}ordem")).and_then(|s| CaseSort::from_slug(&s));
        let descending = match query::first(pairs, &format!("{p}sentido")).as_deref() {
            Some("asc") => false,
            Some("desc") => true,
            _ => default.descending,
        };
        CustomerFilter {
            query: query::text(pairs, &format!("{p}busca")),
            sort: sort.unwrap_or(default.sort),
            descending: if sort.is_some() { descending } else { default.descending },
        }
    }

    fn with_query(mut self, q: &str) -> Self {
        self.query = q.to_string();
        self
    }
}

/// What search and sort read, folded once per load. A text column's sort keys are folded the
/// first time the list is sorted by it (most sessions never sort by text: at 10,000 cases the
/// five columns' keys were ~2 MB held for nothing).
#[derive(Clone, Debug, Default)]
pub struct CustomerIndex {
    text: Vec<String>,
    /// The localized, folded name of each channel code (a handful).
    channels: std::collections::HashMap<String, String>,
    sort_keys: [std::sync::OnceLock<Vec<String>>; 5],
}

impl CustomerIndex {
    /// The folded sort keys of text column `col` (type, subject, status, agent, channel).
    fn keys(&self, items: &[CustomerCase], col: usize) -> &[String] {
        self.sort_keys[col].get_or_init(|| {
            items
                .iter()
                .map(|c| match col {
                    0 => fold(c.case_type.as_ref().map(|t| t.name.as_str()).unwrap_or("")),
                    1 => fold(c.subject.as_deref().unwrap_or("")),
                    2 => fold(&c.status.name),
                    3 => fold(c.assignee.as_ref().map(|a| a.name.as_str()).unwrap_or("")),
                    _ => self.channels.get(&c.channel).cloned().unwrap_or_default(),
                })
                .collect()
        })
    }
}

/// `channel_label` gives the (localized) name of a channel code, so "telefone" finds `phone`.
pub fn index(items: &[CustomerCase], channel_label: impl Fn(&str) -> String) -> CustomerIndex {
    let mut text = Vec::with_capacity(items.len());
    let mut channels = std::collections::HashMap::new();
    for c in items {
        let channel = channel_label(&c.channel);
        if !channels.contains_key(&c.channel) {
            channels.insert(c.channel.clone(), fold(&channel));
        }
        let agent = c.assignee.as_ref().map(|a| a.name.as_str()).unwrap_or("");
        let mut parts: Vec<&str> = vec![agent, &channel, &c.channel];
        let id = c.id.to_string();
        parts.push(&id);
        if let Some(s) = &c.subject {
            parts.push(s);
        }
        for ident in [&c.contact.whatsapp, &c.contact.chat_id, &c.contact.email]
            .into_iter()
            .flatten()
        {
            parts.push(ident);
        }
        if let Some(e) = &c.last_event {
            parts.push(&e.action);
            parts.push(&e.description);
            if let Some(comment) = &e.comment {
                parts.push(comment);
            }
        }
        text.push(fold(&parts.join("\n")));
    }
    CustomerIndex {
        text,
        channels,
        sort_keys: Default::default(),
    }
}

/// Empty text and absent dates sort last in either direction.
fn cmp_text(a: &str, b: &str, desc: bool) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ if desc => b.cmp(a),
        _ => a.cmp(b),
    }
}

fn cmp_opt(a: Option<i64>, b: Option<i64>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if desc => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The indices of the cases to show, in display order (ties: newest case id first).
pub fn filter(items: &[CustomerCase], index: &CustomerIndex, f: &CustomerFilter) -> Vec<usize> {
    let q = Query::new(&f.query);
    let mut out: Vec<usize> = (0..items.len())
        .filter(|&i| q.is_empty() || q.matches_folded([index.text[i].as_str()]))
        .collect();
    let d = f.descending;
    let text_col = match f.sort {
        CaseSort::Type => Some(0),
        CaseSort::Subject => Some(1),
        CaseSort::Status => Some(2),
        CaseSort::Agent => Some(3),
        CaseSort::Channel => Some(4),
        _ => None,
    };
    let keys = text_col.map(|col| index.keys(items, col)).unwrap_or(&[]);
    let text = |i: usize| keys[i].as_str();
    super::sort_indices(&mut out, &|a, b| {
        let (x, y) = (&items[a], &items[b]);
        let primary = match f.sort {
            CaseSort::Created => cmp_opt(Some(x.created_at), Some(y.created_at), d),
            CaseSort::Closed => cmp_opt(x.closed_at, y.closed_at, d),
            CaseSort::Updated => cmp_opt(x.updated_at, y.updated_at, d),
            CaseSort::Id => cmp_opt(Some(x.id), Some(y.id), d),
            CaseSort::Type | CaseSort::Subject | CaseSort::Status | CaseSort::Agent | CaseSort::Channel => {
                cmp_text(text(a), text(b), d)
            }
        };
        primary.then(y.id.cmp(&x.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AgentRef, ContactIds, LastEvent, NamedRef};

    #[test]
    fn sort_keys_round_trip_through_their_codes() {
        for k in CaseSort::ALL {
            assert_eq!(CaseSort::from_code(k.code()), Some(k));
        }
        assert_eq!(CaseSort::from_code(200), None);
    }

    fn case(id: i64, created: i64, subject: &str, agent: Option<&str>, channel: &str) -> CustomerCase {
        let mut c = crate::test_support::customer_case(id);
        c.subject = Some(subject.into());
        c.case_type = Some(NamedRef {
            id: 1,
            name: "Solicitação".into(),
        });
        c.assignee = agent.map(|n| AgentRef { id: 1, name: n.into() });
        c.channel = channel.into();
        c.contact = ContactIds::default();
        c.created_at = created;
        c
    }

    fn label(code: &str) -> String {
        match code {
            "phone" => "Telefone".into(),
            "whatsapp" => "WhatsApp".into(),
            c => c.into(),
        }
    }

    fn data() -> Vec<CustomerCase> {
        let mut a = case(1002, 300, "Segunda via da fatura", Some("Ana Lima"), "whatsapp");
        a.last_event = Some(LastEvent {
            action: "comment".into(),
            description: "Cliente pediu reembolso".into(),
            comment: Some("Aguardando aprovação do supervisor".into()),
        });
        let mut b = case(1003, 100, "Endereço de cobrança", None, "phone");
        b.closed_at = Some(150);
        let c = case(1004, 200, "Dúvida sobre pontos", Some("Bruno Reis"), "chat");
        vec![a, b, c]
    }

    fn ids(items: &[CustomerCase], idx: &[usize]) -> Vec<i64> {
        idx.iter().map(|&i| items[i].id).collect()
    }

    #[test]
    fn search_covers_user_comments_channel_actions_id_and_subject() {
        let items = data();
        let index = index(&items, label);
        let find = |q: &str| {
            let f = CustomerFilter {
                query: q.into(),
                ..Default::default()
            };
            ids(&items, &filter(&items, &index, &f))
        };
        assert_eq!(find("ana"), vec![1002]); // user
        assert_eq!(find("aprovacao supervisor"), vec![1002]); // comment, accents ignored
        assert_eq!(find("reembolso"), vec![1002]); // action description
        assert_eq!(find("telefone"), vec![1003]); // localized channel
        assert_eq!(find("1004"), vec![1004]); // id
        assert_eq!(find("endereco"), vec![1003]); // subject
        assert_eq!(find(""), vec![1002, 1004, 1003]); // newest first
        assert!(find("nada disso").is_empty());
    }

    #[test]
    fn sorts_by_any_column_with_blanks_last() {
        let items = data();
        let index = index(&items, label);
        let mut f = CustomerFilter::default();
        f.sort_by(CaseSort::Agent);
        assert!(!f.descending, "text starts A to Z");
        assert_eq!(ids(&items, &filter(&items, &index, &f)), vec![1002, 1004, 1003]);
        f.sort_by(CaseSort::Agent);
        assert_eq!(ids(&items, &filter(&items, &index, &f)), vec![1004, 1002, 1003]);
        f.sort_by(CaseSort::Closed);
        assert!(f.descending);
        assert_eq!(ids(&items, &filter(&items, &index, &f))[0], 1003);
        f.sort_by(CaseSort::Id);
        assert_eq!(ids(&items, &filter(&items, &index, &f)), vec![1004, 1003, 1002]);
        f.sort_by(CaseSort::Id);
        assert_eq!(ids(&items, &filter(&items, &index, &f)), vec![1002, 1003, 1004]);
    }

    #[test]
    fn round_trips_through_the_url_query() {
        let mut f = CustomerFilter {
            query: "joão".into(),
            ..Default::default()
        };
        assert_eq!(f.to_query("c_"), vec![("c_busca".into(), "joão".into())]);
        f.sort_by(CaseSort::Subject);
        let q = f.to_query("c_");
        assert_eq!(CustomerFilter::from_query(&q, "c_"), f);
        assert_eq!(
            CustomerFilter::from_query(&[("c_ordem".into(), "nada".into())], "c_"),
            CustomerFilter::default()
        );
    }
}
