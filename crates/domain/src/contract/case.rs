use serde::{Deserialize, Serialize};

use super::{AgentRef, CaseId, Millis, NamedRef};

/// A case status from the tenant's configurable catalogue. Never branch on `name` (it is
/// localized and editable); `is_final` says whether the status ends the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseStatus {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub is_final: bool,
}

/// The identifiers a case's customer is reachable by, as the channel saw them. Unification
/// compares the WhatsApp number and the chat id (see `eligibility`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ContactIds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// `GET /v1/cases/{case_id}`: everything the "Dados do Caso" tab shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseDetails {
    pub case: CaseData,
    pub customer: Customer,
    /// Tenant-defined fields of the case ("Dados do Atendimento").
    #[serde(default)]
    pub custom_fields: Vec<CustomField>,
}

/// The case itself ("Dados do Atendimento").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseData {
    pub id: CaseId,
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub case_type: Option<NamedRef>,
    pub status: CaseStatus,
    /// Origin channel: whatsapp, email, chat, messenger, instagram, phone, ... (open vocabulary).
    pub channel: String,
    #[serde(default)]
    pub contact: ContactIds,
    /// Opening reason as a path in the reasons tree, root first.
    #[serde(default)]
    pub opening_reason: Vec<String>,
    #[serde(default)]
    pub closing_reason: Vec<String>,
    #[serde(default)]
    pub assignee: Option<AgentRef>,
    #[serde(default)]
    pub business_unit: Option<NamedRef>,
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Option<Millis>,
    #[serde(default)]
    pub closed_at: Option<Millis>,
    /// An agent is handling the case right now.
    #[serde(default)]
    pub in_service: bool,
    /// Set when this case was unified into another one.
    #[serde(default)]
    pub merged_into: Option<CaseId>,
}

/// The customer (solicitante) of the case ("Dados do Caso" column).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Customer {
    pub id: i64,
    pub name: String,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Other personal fields (birth date, address, company...), typed like custom fields.
    #[serde(default)]
    pub fields: Vec<CustomField>,
}

/// An identity document. `kind`: cpf, cnpj, rg, passport, ... (open vocabulary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    pub kind: String,
    pub number: String,
}

/// A tenant-defined field. `type` says how to read `value`: text (string), number (number),
/// date (epoch ms), boolean (bool), link (URL string), money (`{"amount_minor": 18990,
/// "currency": "BRL"}`: an integer count of the currency's minor unit, so no amount is ever a
/// binary fraction, and an ISO 4217 code). An unknown type or a value of the wrong
/// JSON type is shown as text, never rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CustomField {
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub value: serde_json::Value,
}

/// What a custom field's value means, read leniently from `kind` + `value`.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Empty,
    Text(String),
    Number(f64),
    Date(Millis),
    Boolean(bool),
    Link(String),
    /// An amount in the currency's minor unit (centavos for BRL), and its ISO 4217 code.
    Money {
        minor: i64,
        currency: String,
    },
}

impl CustomField {
    pub fn typed_value(&self) -> FieldValue {
        use serde_json::Value as J;
        match (self.kind.as_str(), &self.value) {
            (_, J::Null) => FieldValue::Empty,
            ("number", J::Number(n)) => n.as_f64().map_or(FieldValue::Empty, FieldValue::Number),
            ("date", J::Number(n)) => n
                .as_i64()
                .map_or_else(|| FieldValue::Text(n.to_string()), FieldValue::Date),
            ("boolean", J::Bool(b)) => FieldValue::Boolean(*b),
            ("link", J::String(s)) if is_safe_link(s) => FieldValue::Link(s.clone()),
            ("money", J::Object(o)) => match (o.get("amount_minor").and_then(J::as_i64), o.get("currency")) {
                // a well-formed code only: the browser's currency formatting throws on others
                (Some(minor), Some(J::String(c))) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                    FieldValue::Money {
                        minor,
                        currency: c.clone(),
                    }
                }
                _ => FieldValue::Text(self.value.to_string()),
            },
            (_, J::String(s)) => FieldValue::Text(s.clone()),
            (_, other) => FieldValue::Text(other.to_string()),
        }
    }
}

/// Only http(s) and mailto links become clickable; anything else (javascript:, data:...) is text.
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.chars().any(char::is_control)
}

/// `GET /v1/cases`: the cases an agent can open (the standalone start page lists them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseListItem {
    pub id: CaseId,
    #[serde(default)]
    pub subject: Option<String>,
    pub customer_name: String,
    pub status: CaseStatus,
    pub channel: String,
    pub created_at: Millis,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseList {
    #[serde(default)]
    pub items: Vec<CaseListItem>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(kind: &str, value: serde_json::Value) -> CustomField {
        CustomField {
            key: "k".into(),
            label: "K".into(),
            kind: kind.into(),
            value,
        }
    }

    #[test]
    fn custom_field_values_are_read_by_type_and_fall_back_to_text() {
        assert_eq!(field("number", json!(3.5)).typed_value(), FieldValue::Number(3.5));
        assert_eq!(
            field("date", json!(1_700_000_000_000i64)).typed_value(),
            FieldValue::Date(1_700_000_000_000)
        );
        assert_eq!(field("boolean", json!(true)).typed_value(), FieldValue::Boolean(true));
        assert_eq!(
            field("link", json!("https://x.io")).typed_value(),
            FieldValue::Link("https://x.io".into())
        );
        assert_eq!(field("text", json!(null)).typed_value(), FieldValue::Empty);
        assert_eq!(
            field("money", json!({"amount_minor": 18990, "currency": "BRL"})).typed_value(),
            FieldValue::Money {
                minor: 18990,
                currency: "BRL".into()
            }
        );
        // wrong JSON type or unknown kind: shown as text
        assert_eq!(
            field("number", json!("12")).typed_value(),
            FieldValue::Text("12".into())
        );
        assert_eq!(field("boolean", json!(1)).typed_value(), FieldValue::Text("1".into()));
        assert_eq!(
            field("money", json!({"amount_minor": 1.5, "currency": "BRL"})).typed_value(),
            FieldValue::Text("{\"amount_minor\":1.5,\"currency\":\"BRL\"}".into())
        );
        assert_eq!(
            field("money", json!({"amount_minor": 100, "currency": "brl"})).typed_value(),
            FieldValue::Text("{\"amount_minor\":100,\"currency\":\"brl\"}".into())
        );
        assert_eq!(
            field("money", json!(189.9)).typed_value(),
            FieldValue::Text("189.9".into())
        );
        assert_eq!(
            field("color", json!({"r": 1})).typed_value(),
            FieldValue::Text("{\"r\":1}".into())
        );
    }

    #[test]
    fn only_web_and_mail_links_are_clickable() {
        assert_eq!(
            field("link", json!("javascript:alert(1)")).typed_value(),
            FieldValue::Text("javascript:alert(1)".into())
        );
        assert!(!is_safe_link(" JaVaScRiPt:alert(1)"));
        assert!(!is_safe_link("data:text/html,<script>"));
        assert!(!is_safe_link("https://x.io/\u{0}a"));
        assert!(is_safe_link("HTTPS://exemplo.com.br"));
        assert!(is_safe_link("mailto:a@b.com"));
    }

    #[test]
    fn case_details_decode_ignores_unknown_fields_and_tolerates_missing_optionals() {
        let body = json!({
            "case": {"id": 7, "status": {"id": 1, "name": "Aberto"}, "channel": "whatsapp",
                     "created_at": 1, "brand_new_field": {"x": 1}},
            "customer": {"id": 3, "name": "Ana"},
            "unexpected": [1, 2]
        });
        let d: CaseDetails = serde_json::from_value(body).unwrap();
        assert_eq!(d.case.id, 7);
        assert!(d.case.assignee.is_none() && d.custom_fields.is_empty() && d.customer.phones.is_empty());
        assert!(!d.case.status.is_final);
    }
}
