//! Fuzzes the incident JSON reader behind `POST /api/incidents`: arbitrary bytes never panic,
//! and whatever is accepted becomes a Feature that reads back to the same incident.
#![no_main]

use std::sync::OnceLock;

use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::incident::IncidentDraft;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(draft) = IncidentDraft::from_json(value) else {
        return;
    };
    let Ok(incident) = draft.into_incident(gazetteer()) else {
        return;
    };
    let feature = serde_json::to_value(incident.to_feature()).expect("a Feature serialises");
    let again = IncidentDraft::from_json(feature)
        .and_then(|d| d.into_incident(gazetteer()))
        .expect("a served Feature reads back");
    assert_eq!(again, incident);
});
