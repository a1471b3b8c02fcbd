//! The seed article (Vakhdat prison riot, published Monday 2019-05-20) yields exactly its
//! three incidents, located by the real geoparser.

use std::sync::LazyLock;

use chrono::NaiveDate;
use incident_atlas::extract::{Category, DatePrecision, ExtractedEvent, extract, same_incident};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::location::Precision;

const SEED: &str = include_str!("data/vakhdat-prison-riot.txt");

/// The geoparser's gazetteer, loaded once for every test of this binary.
static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::load().expect("the embedded gazetteer loads"));

fn seed_events() -> Vec<ExtractedEvent> {
    let published = NaiveDate::from_ymd_opt(2019, 5, 20).unwrap();
    extract(SEED, published, &*GAZETTEER)
}

fn when(e: &ExtractedEvent) -> (String, DatePrecision) {
    let on = e.occurred_on.expect("a date");
    (on.date.to_string(), on.precision)
}

#[test]
fn seed_article_yields_exactly_three_incidents() {
    let events = seed_events();
    for e in &events {
        eprintln!(
            "{} | {:?} | {:?} | {} | {:?} | {}",
            e.title, e.category, e.occurred_on, e.fatalities, e.location_text, e.summary
        );
    }
    assert_eq!(events.len(), 3);

    let riot = &events[0];
    assert_eq!(riot.category, Category::Riot);
    assert_eq!(when(riot), ("2019-05-19".into(), DatePrecision::Day));
    assert_eq!(riot.fatalities, 32);
    let place = riot.place.as_ref().expect("a place");
    assert_eq!(place.location.anchor.name, "Vahdat");
    assert_eq!(riot.location_text.as_deref(), Some("Vakhdat"));
    assert_eq!(riot.title, "Riot in Vahdat");

    let attack = &events[1];
    assert_eq!(attack.category, Category::Attack);
    assert_eq!(when(attack), ("2018-07-01".into(), DatePrecision::Month));
    assert_eq!(attack.fatalities, 4);
    assert!(
        attack.summary.starts_with("Two US citizens"),
        "{}",
        attack.summary
    );
    assert_eq!(&SEED[attack.trigger.clone()], "car ramming attack");
    assert_eq!(
        attack.location_text.as_deref(),
        Some("70 kilometres sound-east of Dushanbe")
    );
    let place = attack.place.as_ref().expect("a place");
    assert_eq!(place.location.precision, Precision::Offset);
    assert_eq!(place.location.anchor.name, "Dushanbe");

    let earlier = &events[2];
    assert_eq!(earlier.category, Category::Riot);
    assert_eq!(when(earlier), ("2018-11-01".into(), DatePrecision::Month));
    assert_eq!(earlier.fatalities, 21);
    let place = earlier.place.as_ref().expect("a place");
    assert_eq!(place.location.precision, Precision::Country);
    assert_eq!(place.location.anchor.name, "Tajikistan");
}

#[test]
fn spans_point_into_the_article() {
    for e in seed_events() {
        assert_eq!(SEED[e.sentence.clone()], e.summary);
        assert!(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
        assert!(e.sources.contains(&e.sentence));
    }
}

/// A second, shorter report of the Vakhdat riot, published a day later by another outlet.
const FOLLOW_UP: &str = "Tajik prison riot leaves 32 dead\n\n\
DUSHANBE (Wire) - Inmates rioted at a high-security prison in Vakhdat on Sunday, and 32 people \
were killed before security forces restored order, the justice ministry said.";

#[test]
fn the_same_riot_reported_by_another_article_is_the_same_incident() {
    let published = NaiveDate::from_ymd_opt(2019, 5, 21).unwrap();
    let follow_up = extract(FOLLOW_UP, published, &*GAZETTEER);
    assert_eq!(follow_up.len(), 1);
    let seed = seed_events();
    assert_eq!(
        when(&follow_up[0]),
        ("2019-05-19".into(), DatePrecision::Day)
    );
    assert!(same_incident(&seed[0].facts(), &follow_up[0].facts()));
    assert!(
        !same_incident(&seed[2].facts(), &follow_up[0].facts()),
        "November's riot"
    );
    assert!(
        !same_incident(&seed[1].facts(), &follow_up[0].facts()),
        "another category"
    );
}
