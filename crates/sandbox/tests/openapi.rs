//! `api/openapi.yaml` is generated from the Rust types; this fails when the committed document
//! drifts from them (regenerate with `./x openapi`).

use cvortex_sandbox::openapi;
use cvortex_sandbox::routes::ROUTES;

const COMMITTED: &str = include_str!("../../../api/openapi.yaml");

#[test]
fn the_committed_document_is_the_generated_one() {
    assert!(
        COMMITTED == openapi::yaml(),
        "api/openapi.yaml differs from the contract types: run `./x openapi` and commit the result"
    );
}

#[test]
fn the_yaml_reads_back_as_the_document_and_describes_every_route() {
    let parsed: serde_json::Value = serde_yaml::from_str(COMMITTED).expect("valid YAML");
    assert_eq!(parsed, openapi::document());
    for r in ROUTES {
        let op = &parsed["paths"][r.path][r.method.to_ascii_lowercase()];
        assert_eq!(op["operationId"], r.name, "{} {}", r.method, r.path);
    }
    let schemas = parsed["components"]["schemas"].as_object().unwrap();
    for name in [
        "CaseDetails",
        "HistoryEvent",
        "CustomerCase",
        "Unification",
        "CaseRefusal",
        "Ineligibility",
        "Call",
        "InteractionList",
        "SlaList",
        "AttachmentList",
        "SurveyList",
        "ErrorBody",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
}
