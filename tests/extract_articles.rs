//! Wire-style articles from many regions (`tests/data/articles/NN-slug.txt`), each with a
//! sidecar `NN-slug.expected.json` giving the publication date and the incidents a careful
//! reader finds: category, date and precision, fatalities, injuries, and where (text and
//! approximate lat/lon). Places come from the real geoparser; this test checks which
//! incidents, category, date and counts, and that each is located (the distance to the
//! expected point is checked end to end in `articles_http_test`).

mod common;

use chrono::NaiveDate;
use common::articles::{TestArticle, test_articles};
use incident_atlas::extract::{DatePrecision, ExtractedEvent, extract};
use incident_atlas::gazetteer::Gazetteer;

/// The comparable part of an incident: category, date, precision, fatalities, injuries.
type Row = (String, Option<NaiveDate>, Option<DatePrecision>, u32, u32);

fn row(e: &ExtractedEvent) -> Row {
    (
        e.category.as_str().to_owned(),
        e.occurred_on.map(|o| o.date),
        e.occurred_on.map(|o| o.precision),
        e.fatalities,
        e.injuries,
    )
}

#[test]
fn articles_yield_the_expected_incidents() {
    let places = Gazetteer::load().expect("the embedded gazetteer loads");
    let articles = test_articles();
    assert!(articles.len() >= 12, "at least twelve articles");
    let mut failures = Vec::new();
    for TestArticle {
        name,
        text,
        expected,
    } in &articles
    {
        let events = extract(text, expected.published, &places);
        let got: Vec<Row> = events.iter().map(row).collect();
        let want: Vec<Row> = expected
            .incidents
            .iter()
            .map(|i| {
                (
                    i.category.clone(),
                    i.date,
                    i.precision,
                    i.fatalities,
                    i.injuries,
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}\n  want {want:?}\n  got  {got:?}"));
        }
        for (e, i) in events.iter().zip(&expected.incidents) {
            let chosen = e.place.as_ref().map(|m| {
                (
                    m.location.anchor.name.as_str(),
                    m.location.lat,
                    m.location.lon,
                )
            });
            eprintln!(
                "{name}: {:?} at {chosen:?}; expected {:?} ({}, {})",
                e.category, i.location_text, i.lat, i.lon
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} articles differ:\n{}",
        failures.len(),
        articles.len(),
        failures.join("\n")
    );
}
