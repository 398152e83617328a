use axum::extract::State;
use axum::Json;
use cvortex_domain::{CaseData, CaseDetails, CaseList, CaseListItem, CustomerCaseList};
use rusqlite::params;

use super::Ids;
use crate::auth::Caller;
use crate::db::json;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store;

/// `GET /v1/cases`: the tenant's cases, newest first (the standalone start page).
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<CaseList>> {
    state
        .read(move |conn| {
            let mut stmt = conn.prepare(
                "SELECT c.data, c.merged_into, cu.data FROM cases c JOIN customers cu ON cu.id = c.customer_id
                 AND cu.tenant_id = c.tenant_id WHERE c.tenant_id = ?1 ORDER BY c.id",
            )?;
            let rows = stmt.query_map(params![caller.tenant], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            let mut items = Vec::new();
            for row in rows {
                let (case, _merged, customer) = row?;
                let d: CaseData = json(&case)?;
                let customer: cvortex_domain::Customer = json(&customer)?;
                items.push(CaseListItem {
                    id: d.id,
                    subject: d.subject,
                    customer_name: customer.name,
                    status: d.status,
                    channel: d.channel,
                    created_at: d.created_at,
                });
            }
            Ok(Json(CaseList { items }))
        })
        .await
}

/// `GET /v1/cases/{case_id}`.
pub async fn details(State(state): State<AppState>, caller: Caller, ids: Ids) -> ApiResult<Json<CaseDetails>> {
    state
        .read(move |conn| {
            let row = store::case_row(conn, &caller.tenant, ids.case_id)?;
            let customer = store::customer(conn, &caller.tenant, row.customer_id)?;
            Ok(Json(CaseDetails {
                case: row.data,
                customer,
                custom_fields: row.custom_fields,
            }))
        })
        .await
}

/// `GET /v1/cases/{case_id}/customer-cases`.
pub async fn customer_cases(
    State(state): State<AppState>,
    caller: Caller,
    ids: Ids,
) -> ApiResult<Json<CustomerCaseList>> {
    state
        .read(move |conn| {
            // its four queries see one state of the file (a write between them could count an
            // item twice or show a case as unified without its items having moved)
            let tx = conn.transaction()?;
            let row = store::case_row(&tx, &caller.tenant, ids.case_id)?;
            let items = store::customer_cases(&tx, &caller.tenant, row.customer_id)?;
            Ok(Json(CustomerCaseList { items }))
        })
        .await
}
