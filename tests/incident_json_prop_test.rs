//! Property tests of the incident JSON reader behind `POST /api/incidents`: any incident
//! survives the Feature round trip unchanged, any JSON or byte string is answered with an
//! error or a draft (never a panic), and impossible coordinates are always refused.
//! The fuzz targets in `fuzz/` explore the same code for longer; crashes they found are kept
//! here as named regression cases.

use chrono::{DateTime, NaiveDate, Utc};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::incident::{Category, Incident, IncidentDraft, LonLat};
use incident_atlas::location::Precision;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Cases per property (the default of 256 is slow with the gazetteer in debug builds).
const CASES: u32 = 200;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

fn incident() -> impl Strategy<Value = Incident> {
    let precision = prop_oneof![
        Just(None),
        Just(Some(Precision::Exact)),
        Just(Some(Precision::Offset)),
        Just(Some(Precision::Country)),
    ];
    (
        ("[a-z0-9-]{1,12}", any::<String>(), 0..Category::ALL.len()),
        (-100_000i32..100_000, any::<Option<u32>>()),
        (
            -180.0..=180.0f64,
            -90.0..=90.0f64,
            proptest::option::of(0.0..20_000.0f64),
        ),
        (precision, any::<Option<String>>(), any::<Option<String>>()),
        (
            any::<Option<String>>(),
            0i64..4_102_444_800,
            0u32..1_000_000_000,
        ),
    )
        .prop_map(
            |(
                (id, title, c),
                (days, fatalities),
                (lon, lat, unc),
                (precision, place, url),
                (summary, secs, nanos),
            )| Incident {
                id,
                title,
                category: Category::ALL[c],
                occurred_on: NaiveDate::from_num_days_from_ce_opt(730_000 + days).expect("a date"),
                fatalities,
                point: LonLat::new(lon, lat).expect("in range"),
                uncertainty_km: unc,
                precision,
                location_text: place,
                source_url: url,
                summary,
                created_at: DateTime::<Utc>::from_timestamp(secs, nanos).expect("a time"),
                reporting: Default::default(),
            },
        )
}

/// Any JSON value, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(Value::from),
        prop_oneof![
            Just("Feature".to_owned()),
            Just("riot".to_owned()),
            Just("2019-05-19".to_owned()),
            any::<String>()
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let keys = prop_oneof![
            Just("type".to_owned()),
            Just("geometry".to_owned()),
            Just("coordinates".to_owned()),
            Just("properties".to_owned()),
            Just("title".to_owned()),
            Just("category".to_owned()),
            Just("occurred_on".to_owned()),
            Just("id".to_owned()),
            Just("location_text".to_owned()),
            Just("fatalities".to_owned()),
            any::<String>(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn every_incident_survives_the_feature_round_trip(incident in incident()) {
        let text = serde_json::to_string(&incident.to_feature()).expect("serialises");
        let value: Value = serde_json::from_str(&text).expect("parses");
        let back = IncidentDraft::from_json(value).and_then(|d| d.into_incident(gazetteer()));
        prop_assert_eq!(back.expect("reads back"), incident);
    }

    #[test]
    fn any_json_value_is_a_draft_or_an_error(value in json_value()) {
        if let Ok(draft) = IncidentDraft::from_json(value) {
            let _ = draft.into_incident(gazetteer());
        }
    }

    #[test]
    fn any_bytes_are_a_draft_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
            let _ = IncidentDraft::from_json(value);
        }
    }

    #[test]
    fn impossible_coordinates_are_refused(lon in -1e6..1e6f64, lat in -1e6..1e6f64) {
        prop_assume!(lon.abs() > 180.0 || lat.abs() > 90.0);
        let feature = json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"title": "t", "category": "riot", "occurred_on": "2019-05-19"}});
        prop_assert!(IncidentDraft::from_json(feature).is_err());
    }
}

/// Regression (crash test, first run): serde_json's default float parser is not correctly
/// rounded, so a coordinate could come back one unit in the last place off what was posted
/// (29.044555081539954 was stored as 29.04455508153995). Fixed by serde_json's
/// `float_roundtrip` feature.
#[test]
fn posted_coordinates_are_kept_to_the_last_bit() {
    let (lon, lat) = (29.044555081539954_f64, -59.027621511545796_f64);
    let text = r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[29.044555081539954,-59.027621511545796]},
        "properties":{"title":"t","category":"arrest","occurred_on":"2023-04-16"}}"#;
    let draft =
        IncidentDraft::from_json(serde_json::from_str(text).expect("JSON")).expect("a draft");
    let point = draft.point.expect("a point");
    assert_eq!(
        (point.lon().to_bits(), point.lat().to_bits()),
        (lon.to_bits(), lat.to_bits())
    );
}
