//! Are two reports the same incident? Used inside one article by `article` (lenient: what a
//! sentence leaves unsaid does not tell incidents apart) and across articles by the store
//! (strict: both date and place must be known and agree), which merges them keeping both
//! sources.
//!
//! Two reports agree on the place when the great-circle distance between their points is at
//! most the sum of their uncertainty radii, and on the date when the periods their precision
//! allows overlap.

use super::occurred_on::OccurredOn;
use crate::incident::{Category, LonLat};
use crate::index;
use crate::location::Location;

/// What decides whether two reports are one incident.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IncidentFacts<'a> {
    pub category: Category,
    pub occurred_on: Option<OccurredOn>,
    pub location: Option<&'a Location>,
}

/// Great-circle distance in km between two locations: [`index::distance_km`], the one the
/// whole service uses (sphere of the mean Earth radius, 6,371.0088 km, as the contract
/// requires). A location whose coordinates are out of range is infinitely far, so it never
/// agrees with another.
pub fn distance_km(a: &Location, b: &Location) -> f64 {
    match (LonLat::new(a.lon, a.lat), LonLat::new(b.lon, b.lat)) {
        (Ok(p), Ok(q)) => index::distance_km(p, q),
        _ => f64::INFINITY,
    }
}

/// True when the two uncertainty circles touch: distance ≤ r1 + r2 (km).
pub fn within_uncertainty(a: &Location, b: &Location) -> bool {
    distance_km(a, b) <= a.uncertainty_km + b.uncertainty_km
}

/// True when the circle of `inner` lies inside that of `outer`: distance + r_inner ≤ r_outer
/// (km). A place refines another only then: "near Gao" (about 30 km around the town) does not
/// refine "40 km north of Gao", whose circle it only touches.
pub fn lies_within(inner: &Location, outer: &Location) -> bool {
    distance_km(inner, outer) + inner.uncertainty_km <= outer.uncertainty_km
}

/// True when two reports from different articles are the same incident: same category, dates
/// overlapping given their precision, places within their uncertainty radii. Reports without
/// a date or a place are never merged across articles: nothing shows they are the same.
pub fn same_incident(a: &IncidentFacts<'_>, b: &IncidentFacts<'_>) -> bool {
    match (a.occurred_on, b.occurred_on, a.location, b.location) {
        (Some(da), Some(db), Some(la), Some(lb)) => {
            a.category == b.category && da.overlaps(&db) && within_uncertainty(la, lb)
        }
        _ => false,
    }
}

/// True when two reports inside one article may be the same incident: same category, and
/// dates and places agree where both are given.
///
/// # Runtime
/// Cheapest test first: extraction asks this of every pair of a report and an incident found
/// before it, so the great-circle distance is computed only for reports of the same category
/// and dates.
pub(super) fn compatible(a: &IncidentFacts<'_>, b: &IncidentFacts<'_>) -> bool {
    let dates_agree = || match (a.occurred_on, b.occurred_on) {
        (Some(da), Some(db)) => da.overlaps(&db),
        _ => true,
    };
    let places_agree = || match (a.location, b.location) {
        (Some(la), Some(lb)) => within_uncertainty(la, lb),
        _ => true,
    };
    a.category == b.category && dates_agree() && places_agree()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::occurred_on::DatePrecision;
    use crate::location::{Anchor, Precision};
    use chrono::NaiveDate;

    fn at(lat: f64, lon: f64, uncertainty_km: f64) -> Location {
        let anchor = Anchor {
            name: String::new(),
            geonameid: None,
            country_code: None,
            feature_code: String::new(),
            lat,
            lon,
        };
        Location {
            query: String::new(),
            lat,
            lon,
            uncertainty_km,
            precision: Precision::Exact,
            anchor,
            offset: None,
        }
    }

    fn on(y: i32, m: u32, d: u32, precision: DatePrecision) -> Option<OccurredOn> {
        Some(OccurredOn::new(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            precision,
        ))
    }

    #[test]
    fn distance_is_great_circle_in_km() {
        // Dushanbe to Vakhdat, about 20 km apart.
        let d = distance_km(&at(38.53575, 68.77905, 0.0), &at(38.5563, 69.0135, 0.0));
        assert!((d - 20.5).abs() < 1.0, "{d}");
        // The same figure as the index's, which every other answer of the service uses.
        let p = LonLat::new(68.77905, 38.53575).unwrap();
        let q = LonLat::new(69.0135, 38.5563).unwrap();
        assert_eq!(d, index::distance_km(p, q));
    }

    #[test]
    fn a_location_out_of_range_agrees_with_nothing() {
        let broken = at(f64::NAN, 68.77905, 1000.0);
        let dushanbe = at(38.53575, 68.77905, 10.0);
        assert_eq!(distance_km(&broken, &dushanbe), f64::INFINITY);
        assert!(!within_uncertainty(&broken, &dushanbe));
    }

    #[test]
    fn same_incident_needs_category_date_and_place_to_agree() {
        let vakhdat = at(38.5563, 69.0135, 3.0);
        let dushanbe = at(38.53575, 68.77905, 10.0);
        let riot = |occurred_on, location| IncidentFacts {
            category: Category::Riot,
            occurred_on,
            location,
        };
        let sunday = on(2019, 5, 19, DatePrecision::Day);
        let may = on(2019, 5, 1, DatePrecision::Month);
        assert!(same_incident(
            &riot(sunday, Some(&vakhdat)),
            &riot(may, Some(&vakhdat))
        ));
        assert!(!same_incident(
            &riot(sunday, Some(&vakhdat)),
            &riot(sunday, Some(&dushanbe))
        ));
        let wide = at(38.53575, 68.77905, 20.0);
        assert!(same_incident(
            &riot(sunday, Some(&vakhdat)),
            &riot(sunday, Some(&wide))
        ));
        let november = on(2018, 11, 1, DatePrecision::Month);
        assert!(!same_incident(
            &riot(sunday, Some(&vakhdat)),
            &riot(november, Some(&vakhdat))
        ));
        assert!(!same_incident(&riot(sunday, None), &riot(sunday, None)));
        assert!(compatible(&riot(sunday, None), &riot(None, Some(&vakhdat))));
        let attack = IncidentFacts {
            category: Category::Attack,
            ..riot(sunday, None)
        };
        assert!(!compatible(&attack, &riot(sunday, None)));
        // Vakhdat's 3 km circle, 20.5 km from Dushanbe: inside a 30 km circle around Dushanbe,
        // only touching a 20 km one.
        let wider = at(38.53575, 68.77905, 30.0);
        assert!(lies_within(&vakhdat, &wider) && !lies_within(&vakhdat, &wide));
    }
}
