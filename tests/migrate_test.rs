//! `incident-atlas migrate --from FILE --to DB`: every incident copied, verified by counts and
//! checksums computed on both sides, and the copy serving identical exports. The destination is
//! PostGIS when `INCIDENT_ATLAS_TEST_PG` is set, another SQLite file otherwise.

mod common;

use common::{run, temp_db};

/// The fixture's incidents.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/incidents.geojson");
const FIXTURE_COUNT: usize = 5;

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn migrate_copies_losslessly_and_refuses_a_filled_destination() {
    let (dir, destination) = temp_db();
    let source = dir.path().join("source.db");
    let (source, destination) = (source.to_str().unwrap(), destination.to_str().unwrap());
    ok(&["import", FIXTURE, "--db", source]);

    let report = ok(&["migrate", "--from", source, "--to", destination]);
    let sums: Vec<&str> = report
        .lines()
        .filter_map(|l| l.split_once(": ").map(|(_, sum)| sum))
        .take(2)
        .collect();
    assert_eq!(sums.len(), 2, "{report}");
    assert_eq!(sums[0], sums[1], "{report}");
    assert!(
        sums[0].starts_with(&format!("{FIXTURE_COUNT} incidents, sha256 ")),
        "{report}"
    );
    assert!(report.contains("verified"), "{report}");

    for format in ["geojson", "csv"] {
        assert_eq!(
            ok(&["export", "--format", format, "--db", destination]),
            ok(&["export", "--format", format, "--db", source]),
            "{format} exports differ"
        );
    }

    let again = run(&["migrate", "--from", source, "--to", destination]);
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already holds 5 incidents"), "{stderr}");
}

#[test]
fn migrate_from_a_missing_file_is_a_clear_error() {
    let (dir, destination) = temp_db();
    let missing = dir.path().join("absent.db");
    let out = run(&[
        "migrate",
        "--from",
        missing.to_str().unwrap(),
        "--to",
        destination.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no database"));
}
