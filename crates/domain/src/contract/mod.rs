//! The REST contract (`/v1`), as Rust types. `api/openapi.yaml` is generated from these types
//! (`sandbox --print-openapi`) and a test fails when the committed document drifts from them.
//!
//! Conventions: snake_case names, timestamps as epoch milliseconds UTC ([`Millis`]), ids as
//! integers. Decoding is lenient where the server may evolve: unknown fields are ignored, optional
//! fields and lists may be missing, and open vocabularies (channels, call statuses, action types)
//! are strings so that a value this app does not know still renders.

mod attachments;
mod calls;
mod case;
mod customer_cases;
mod error;
mod events;
mod history;
mod interactions;
mod session;
mod sla;
mod surveys;
mod unification;

pub use attachments::*;
pub use calls::*;
pub use case::*;
pub use customer_cases::*;
pub use error::*;
pub use events::*;
pub use history::*;
pub use interactions::*;
pub use session::*;
pub use sla::*;
pub use surveys::*;
pub use unification::*;

use serde::{Deserialize, Deserializer, Serialize};

/// The first `N` items of a JSON list and how many it has: the rest are skipped while decoding,
/// never held (a page that shows a few of a long list need not keep them all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head<T, const N: usize> {
    pub items: Vec<T>,
    pub total: usize,
}

impl<T, const N: usize> Default for Head<T, N> {
    fn default() -> Self {
        Head {
            items: Vec::new(),
            total: 0,
        }
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Head<T, N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items<T, const N: usize>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const N: usize> serde::de::Visitor<'de> for Items<T, N> {
            type Value = Head<T, N>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while items.len() < N {
                    match seq.next_element()? {
                        Some(x) => items.push(x),
                        None => break,
                    }
                }
                let mut total = items.len();
                if total == N {
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                        total += 1;
                    }
                }
                Ok(Head { items, total })
            }
        }
        d.deserialize_seq(Items::<T, N>(std::marker::PhantomData))
    }
}

/// Decodes a long list and gives back the room its vector grew into while decoding (it doubles
/// as items arrive: at 10,000 items, a third of the buffer was empty). Memory the app keeps.
fn compact<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut v = Vec::<T>::deserialize(d)?;
    v.shrink_to_fit();
    Ok(v)
}

/// Epoch milliseconds, UTC.
pub type Millis = i64;
/// A case id (cVortex ids are integers).
pub type CaseId = i64;

/// Something with an id and a display name (case type, business unit...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NamedRef {
    pub id: i64,
    pub name: String,
}

/// An agent (atendente) as shown next to what they did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentRef {
    pub id: i64,
    pub name: String,
}

/// A question of a questionnaire or survey and its answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuestionAnswer {
    pub question: String,
    #[serde(default)]
    pub answer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_keeps_the_first_items_and_counts_them_all() {
        let long: Head<i64, 3> = serde_json::from_str("[1, 2, 3, 4, {\"x\": [5]}]").unwrap();
        assert_eq!(
            long,
            Head {
                items: vec![1, 2, 3],
                total: 5
            }
        );
        let short: Head<i64, 3> = serde_json::from_str("[1]").unwrap();
        assert_eq!(
            short,
            Head {
                items: vec![1],
                total: 1
            }
        );
        // a wrong item among the kept ones is still an error; past them, anything is skipped
        assert!(serde_json::from_str::<Head<i64, 3>>("[1, \"x\"]").is_err());
    }
}
