//! Cross-article merging: a report that [`same_incident`] matches with a stored incident
//! (same category, dates overlapping given their precision, uncertainty circles touching) is
//! added to it instead of stored apart, so one event reported by two outlets is one point on
//! the map with two sources.
//!
//! Candidates are read with a store query on the category and a date window wide enough for
//! the coarsest precision (a year), then tested in memory; the nearest match wins. Incidents
//! without `date_precision` (manual entries, undated reports) are never merged: nothing shows
//! they are the same event.

use chrono::Days;

use crate::extract::{IncidentFacts, OccurredOn, distance_km, lies_within, same_incident};
use crate::incident::{Incident, Source};
use crate::location::{Anchor, Location, Precision};
use crate::store::{DateInterval, Filter, IncidentStore, Page, StoreError};

/// The longest period a date precision spans, in days (a leap year): a stored incident dated
/// by its period's first day can start this long before the report's own period.
const LONGEST_PERIOD_DAYS: u64 = 366;
/// Most candidates read for one report; far more than one category and year hold at one place.
const MAX_CANDIDATES: usize = 10_000;

/// What a stored incident says about when it happened, when an article dated it.
fn occurred_on(i: &Incident) -> Option<OccurredOn> {
    i.reporting
        .date_precision
        .map(|p| OccurredOn::new(i.occurred_on, p))
}

/// A stored incident's place as a *Location* (its point and uncertainty radius in km).
fn location(i: &Incident) -> Location {
    let (lon, lat) = (i.point.lon(), i.point.lat());
    let name = i.location_text.clone().unwrap_or_default();
    Location {
        query: name.clone(),
        lat,
        lon,
        uncertainty_km: i.uncertainty_km.unwrap_or_default(),
        precision: i.precision.unwrap_or(Precision::Exact),
        anchor: Anchor {
            name,
            geonameid: None,
            country_code: None,
            feature_code: String::new(),
            lat,
            lon,
        },
        offset: None,
    }
}

/// The stored incident `report` belongs to, if any: the nearest of those `same_incident`
/// matches that no other sentence of the same article reports (those are events the article
/// itself tells apart), or one that already records `source`.
pub fn find_same(
    store: &dyn IncidentStore,
    report: &Incident,
    source: &Source,
) -> Result<Option<Incident>, StoreError> {
    let Some(when) = occurred_on(report) else {
        return Ok(None);
    };
    let (first, last) = when.interval();
    let filter = Filter {
        category: Some(report.category),
        dates: DateInterval {
            start: first.checked_sub_days(Days::new(LONGEST_PERIOD_DAYS)),
            end: Some(last),
        },
        ..Filter::default()
    };
    let page = Page {
        limit: MAX_CANDIDATES,
        offset: 0,
    };
    let here = location(report);
    let facts = IncidentFacts {
        category: report.category,
        occurred_on: Some(when),
        location: Some(&here),
    };
    let mut best: Option<(f64, Incident)> = None;
    for candidate in store.query(&filter, page)?.incidents {
        if candidate.reporting.has_source(source) {
            return Ok(Some(candidate));
        }
        let there = location(&candidate);
        let other = IncidentFacts {
            category: candidate.category,
            occurred_on: occurred_on(&candidate),
            location: Some(&there),
        };
        if candidate.reporting.has_article_of(source) || !same_incident(&facts, &other) {
            continue;
        }
        let d = distance_km(&here, &there);
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, candidate));
        }
    }
    Ok(best.map(|(_, i)| i))
}

/// Adds `report` (one new source) to `stored`: both sources kept, the larger counts, the more
/// precise date when it falls in the known period, and the more precise place (with its title)
/// when its circle lies inside the known one.
pub fn absorb(stored: &mut Incident, report: Incident) {
    let r = report.reporting.clone();
    stored.reporting.sources.extend(r.sources);
    stored.fatalities = stored.fatalities.max(report.fatalities);
    stored.reporting.injuries = stored.reporting.injuries.max(r.injuries);
    if let (Some(known), Some(new)) = (stored.reporting.date_precision, r.date_precision) {
        let overlaps = OccurredOn::new(stored.occurred_on, known)
            .overlaps(&OccurredOn::new(report.occurred_on, new));
        if new < known && overlaps {
            stored.occurred_on = report.occurred_on;
            stored.reporting.date_precision = Some(new);
        }
    }
    let narrower = match (stored.uncertainty_km, report.uncertainty_km) {
        (Some(_), Some(_)) => lies_within(&location(&report), &location(stored)),
        (None, Some(_)) => true,
        _ => false,
    };
    if narrower {
        stored.point = report.point;
        stored.uncertainty_km = report.uncertainty_km;
        stored.precision = report.precision;
        stored.location_text = report.location_text;
        stored.title = report.title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::DatePrecision;
    use crate::incident::{Category, LonLat, Reporting};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn riot(on: NaiveDate, precision: DatePrecision, lon: f64, radius_km: f64) -> Incident {
        Incident {
            id: format!("{on}-{lon}"),
            title: "Riot".into(),
            category: Category::Riot,
            occurred_on: on,
            fatalities: Some(3),
            point: LonLat::new(lon, 38.55).unwrap(),
            uncertainty_km: Some(radius_km),
            precision: Some(Precision::Exact),
            location_text: None,
            source_url: None,
            summary: None,
            created_at: chrono::Utc::now(),
            reporting: Reporting {
                date_precision: Some(precision),
                ..Reporting::default()
            },
        }
    }

    #[test]
    fn absorbing_keeps_the_finer_date_and_place_and_the_larger_counts() {
        let mut stored = riot(day(2019, 5, 1), DatePrecision::Month, 69.0, 50.0);
        let mut report = riot(day(2019, 5, 19), DatePrecision::Day, 69.01, 3.0);
        report.fatalities = Some(32);
        stored.reporting.injuries = Some(4);
        absorb(&mut stored, report);
        assert_eq!(stored.occurred_on, day(2019, 5, 19));
        assert_eq!(stored.uncertainty_km, Some(3.0));
        assert_eq!(
            (stored.fatalities, stored.reporting.injuries),
            (Some(32), Some(4))
        );
        let far = riot(day(2019, 5, 19), DatePrecision::Day, 75.0, 1.0);
        absorb(&mut stored, far);
        assert_eq!(
            stored.uncertainty_km,
            Some(3.0),
            "a place outside is not a refinement"
        );
    }
}
