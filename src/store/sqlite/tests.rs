//! The SQLite store against a real temporary database: reopening, batches, deletes, bulk loads.

use chrono::{NaiveDate, Utc};

use super::*;
use crate::incident::{Category, Reporting};
use crate::index::BBox;

fn incident(id: &str, lon: f64, lat: f64) -> Incident {
    Incident {
        id: id.into(),
        title: format!("incident {id}"),
        category: Category::Clash,
        occurred_on: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        fatalities: None,
        point: LonLat::new(lon, lat).unwrap(),
        uncertainty_km: Some(1.5),
        precision: None,
        location_text: None,
        source_url: None,
        summary: None,
        created_at: Utc::now(),
        reporting: Default::default(),
    }
}

fn in_box(store: &SqliteStore, bbox: &str) -> u64 {
    let filter = Filter {
        bbox: Some(bbox.parse::<BBox>().unwrap()),
        ..Filter::default()
    };
    store.count(&filter).unwrap()
}

#[test]
fn reopening_keeps_incidents_and_rebuilds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let stored = incident("a", 179.9, 0.0);
    {
        let store = SqliteStore::open(&path).unwrap();
        store
            .insert_batch(&[stored.clone(), incident("b", -179.9, 0.0)])
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.get("a").unwrap(), Some(stored));
    assert_eq!(in_box(&store, "179,-1,-179,1"), 2);
    let near = store
        .near(LonLat::new(180.0, 0.0).unwrap(), None, 2)
        .unwrap();
    assert_eq!(near.len(), 2);
    assert!(near.iter().all(|n| n.distance_km < 12.0));
}

#[test]
fn every_column_survives_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let mut full = incident("a", 69.0, 38.5);
    full.fatalities = Some(3);
    full.precision = Some(crate::location::Precision::Offset);
    full.location_text = Some("70 km south-east of Dushanbe".into());
    full.source_url = Some("https://example.org/a".into());
    full.summary = Some("Clashes.".into());
    full.reporting = Reporting {
        date_precision: Some(crate::extract::DatePrecision::Week),
        injuries: Some(4),
        sources: vec![crate::incident::Source {
            source_url: None,
            published: NaiveDate::from_ymd_opt(2020, 1, 8).unwrap(),
            sentence_start: 10,
            sentence_end: 42,
            article_digest: "ab12".into(),
        }],
    };
    store.insert(&full).unwrap();
    assert_eq!(store.get("a").unwrap(), Some(full.clone()));
    let mut walked = Vec::new();
    store
        .for_each(&Filter::default(), &mut |i| {
            walked.push(i);
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(walked, [full]);
}

#[test]
fn a_duplicate_id_fails_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    store.insert(&incident("a", 1.0, 1.0)).unwrap();
    let result = store.insert_batch(&[incident("b", 2.0, 2.0), incident("a", 3.0, 3.0)]);
    assert!(matches!(result, Err(StoreError::Duplicate(id)) if id == "a"));
    assert_eq!(store.count(&Filter::default()).unwrap(), 1);
    assert_eq!(in_box(&store, "-180,-90,180,90"), 1);
}

#[test]
fn delete_removes_the_row_and_its_index_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    store.insert(&incident("a", 10.0, 10.0)).unwrap();
    assert!(store.delete("a").unwrap());
    assert!(!store.delete("a").unwrap());
    assert_eq!(in_box(&store, "0,0,20,20"), 0);
    assert!(
        store
            .near(LonLat::new(10.0, 10.0).unwrap(), None, 1)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_bulk_load_defers_the_index_and_rebuilds_it_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    store.begin_bulk_load().unwrap();
    store
        .insert_batch(&[incident("a", 10.0, 10.0), incident("b", 10.1, 10.0)])
        .unwrap();
    assert_eq!(
        in_box(&store, "0,0,20,20"),
        0,
        "the index waits for the end"
    );
    store.end_bulk_load().unwrap();
    assert_eq!(in_box(&store, "0,0,20,20"), 2);
    store.insert(&incident("c", 10.2, 10.0)).unwrap();
    assert_eq!(in_box(&store, "0,0,20,20"), 3, "normal mode again");
}

/// The SQL indexes of the table as SQLite records them: `(name, CREATE statement)` by name.
fn sql_indexes(store: &SqliteStore) -> Vec<(String, String)> {
    let conn = store.conn();
    let mut stmt = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' \
             AND tbl_name = 'incidents' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_bulk_load_rebuilds_the_sql_indexes_the_migrations_made() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    let migrated = sql_indexes(&store);
    assert_eq!(migrated.len(), 2, "{migrated:?}");
    store.begin_bulk_load().unwrap();
    assert!(sql_indexes(&store).is_empty(), "dropped during the load");
    store
        .insert_batch(&[incident("a", 10.0, 10.0), incident("b", 10.1, 10.0)])
        .unwrap();
    store.end_bulk_load().unwrap();
    assert_eq!(sql_indexes(&store), migrated);
    let duplicate = store.insert(&incident("a", 1.0, 1.0));
    assert!(matches!(duplicate, Err(StoreError::Duplicate(_))));
}

#[test]
fn an_interrupted_bulk_load_gets_its_sql_indexes_back_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let migrated = {
        let store = SqliteStore::open(&path).unwrap();
        let migrated = sql_indexes(&store);
        store.begin_bulk_load().unwrap();
        store.insert(&incident("a", 10.0, 10.0)).unwrap();
        migrated
    };
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(sql_indexes(&store), migrated);
    assert_eq!(in_box(&store, "0,0,20,20"), 1);
}

#[test]
fn update_replaces_the_row_and_moves_its_index_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("t.db")).unwrap();
    store.insert(&incident("a", 10.0, 10.0)).unwrap();
    let mut moved = incident("a", 50.0, 50.0);
    moved.reporting.injuries = Some(7);
    assert!(store.update(&moved).unwrap());
    assert!(!store.update(&incident("b", 1.0, 1.0)).unwrap());
    assert_eq!(store.get("a").unwrap(), Some(moved));
    assert_eq!(in_box(&store, "0,0,20,20"), 0);
    assert_eq!(in_box(&store, "40,40,60,60"), 1);
}
