//! The case-details domain: the REST contract's types and the rules that the browser app and the
//! sandbox backend must agree on. No web or I/O dependency: it compiles natively and to wasm, and
//! every rule is unit-tested natively.

pub mod contract;
pub mod date_field;
pub mod eligibility;
pub mod files;
pub mod format;
pub mod list;
pub mod live;
pub mod locale;
pub mod phone;
pub mod recent;
pub mod search;
pub mod sla;
pub mod sse;
pub mod status;
pub mod survey;
pub mod tab_strip;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod theme;
pub mod unification;
pub mod zip;

pub use contract::*;
