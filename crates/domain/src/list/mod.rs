//! Filter and search predicates of the lists (Histórico do Caso, Histórico de Ligações, and the
//! lists that reuse them), pure so they run the same natively and in the browser.

pub mod attachments;
pub mod calls;
pub mod customer;
pub mod facet;
pub mod history;
pub mod messages;
pub mod query;
pub mod window;

pub use facet::{Facet, FacetValue};
