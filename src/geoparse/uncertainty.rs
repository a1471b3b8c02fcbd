//! Locations of relative phrases, with the point-radius uncertainty of Wieczorek et al.
//! (GBIF georeferencing best practices).
//!
//! The point is the geodesic destination from the anchor (`geo`'s `Haversine.destination`, on
//! the sphere of mean radius 6,371.0088 km). The radius (km) sums the independent sources of
//! error, each an upper bound:
//!
//! ```text
//! uncertainty = anchor extent                      (the anchor is an area, not a point)
//!             + distance precision                 (half the last significant digit, km)
//!             + 2 (d + dp) sin(half-width / 2)     (chord of the direction sector at the far end)
//! ```
//!
//! so "70 km south-east of Dushanbe" (extent 12.4 km, ±5 km, ±22.5°) is good to about
//! 12.4 + 5 + 2 · 75 · sin 11.25° = 46.7 km. Without a direction ("10 km from X") the point
//! stays on the anchor and the radius is extent + distance + precision. Vague phrases use the
//! fixed distances below, chosen to contain what reporters mean by them. A part of a country
//! or admin region ("northern Mali") is where the far third of its towns that way lie, with a
//! radius that holds most of them ([`Gazetteer::part`]); of any other area, half its radius
//! from its point.

use geo::{Destination, Haversine, Point};

use super::compass::Direction;
use super::number::Distance;
use super::relative::Relation;
use crate::gazetteer::{EntryKind, Gazetteer};
use crate::location::{Location, Offset, Precision};

/// How far (km) beyond a place's edge "near X" and "outside X" still reach.
pub const NEAR_KM: f64 = 25.0;
/// How far (km) beyond a place's edge its outskirts reach.
pub const OUTSKIRTS_KM: f64 = 5.0;
/// Assumed distance (km) beyond the edge for "north of X" without a figure.
pub const BEARING_KM: f64 = 20.0;
/// Assumed distance (km) beyond the edge for "just north of X".
pub const CLOSE_BEARING_KM: f64 = 5.0;
/// "northern X" lies this share of X's radius from its centre, in the named direction.
pub const PART_SHIFT: f64 = 0.5;
/// "northern X" is contained in this share of X's radius around the shifted point, and
/// "central X" in this share around X's own point.
pub const PART_RADIUS: f64 = 0.75;

/// The point `km` from (`lon`, `lat`) on bearing `bearing_deg`, as (lat, lon) with the
/// longitude wrapped into [-180, 180].
fn destination(lat: f64, lon: f64, bearing_deg: f64, km: f64) -> (f64, f64) {
    const METRES_PER_KM: f64 = 1000.0;
    let p = Haversine.destination(Point::new(lon, lat), bearing_deg, km * METRES_PER_KM);
    let lon = (p.x() + 180.0).rem_euclid(360.0) - 180.0;
    (p.y(), lon)
}

/// Radius (km) for an anchor of radius `extent_km`, a distance and a direction sector.
pub fn offset_uncertainty_km(extent_km: f64, distance: &Distance, direction: &Direction) -> f64 {
    let far = distance.km + distance.precision_km;
    extent_km
        + distance.precision_km
        + 2.0 * far * (direction.half_width_deg / 2.0).to_radians().sin()
}

/// [`apply`] to the location of the reading `kind`, where a part of an area ("northern
/// Mali", "western Canada") is where the area's towns in that part lie
/// ([`Gazetteer::part`]) rather than a shift of the area's point.
pub fn apply_to_reading(
    gazetteer: &Gazetteer,
    relation: &Relation,
    kind: EntryKind,
    anchor: Location,
    query: &str,
) -> Location {
    if let Relation::Part { direction } = relation
        && let Some(part) = gazetteer.part(kind, direction.bearing_deg)
    {
        return Location {
            query: query.to_owned(),
            lat: part.lat,
            lon: part.lon,
            uncertainty_km: part.radius_km,
            ..anchor
        };
    }
    apply(relation, anchor, query)
}

/// Moves `anchor` (the location of the place after the phrase) as the relation says; the
/// result answers `query` and keeps `anchor.anchor` as its anchor.
pub fn apply(relation: &Relation, anchor: Location, query: &str) -> Location {
    let extent = anchor.uncertainty_km;
    let mut out = Location {
        query: query.to_owned(),
        ..anchor
    };
    let move_by = |direction: &Direction, distance: &Distance, out: &mut Location| {
        let (lat, lon) = destination(out.lat, out.lon, direction.bearing_deg, distance.km);
        out.lat = lat;
        out.lon = lon;
        out.uncertainty_km = offset_uncertainty_km(extent, distance, direction);
        out.precision = Precision::Offset;
        out.offset = Some(Offset {
            distance_km: distance.km,
            bearing_deg: Some(direction.bearing_deg),
        });
    };
    match relation {
        Relation::Offset {
            distance,
            direction,
        } => move_by(direction, distance, &mut out),
        Relation::Bearing { direction, close } => {
            let beyond = if *close { CLOSE_BEARING_KM } else { BEARING_KM };
            // The figure is assumed, so it is as uncertain as it is long.
            let km = extent + beyond;
            let distance = Distance {
                km,
                precision_km: km,
                end: 0,
            };
            move_by(direction, &distance, &mut out);
        }
        Relation::Away { distance } => {
            out.uncertainty_km = extent + distance.km + distance.precision_km;
            out.precision = Precision::Near;
            out.offset = Some(Offset {
                distance_km: distance.km,
                bearing_deg: None,
            });
        }
        Relation::Near => {
            out.uncertainty_km = extent + NEAR_KM;
            out.precision = Precision::Near;
        }
        Relation::Outskirts => {
            out.uncertainty_km = extent + OUTSKIRTS_KM;
            out.precision = Precision::Near;
        }
        Relation::Part { direction } => {
            let (lat, lon) =
                destination(out.lat, out.lon, direction.bearing_deg, PART_SHIFT * extent);
            out.lat = lat;
            out.lon = lon;
            out.uncertainty_km = PART_RADIUS * extent;
        }
        Relation::Middle => out.uncertainty_km = PART_RADIUS * extent,
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destination_matches_a_known_great_circle_leg() {
        // One degree of latitude on the mean sphere is 111.195 km.
        let (lat, lon) = destination(0.0, 0.0, 0.0, 111.195);
        assert!((lat - 1.0).abs() < 1e-3 && lon.abs() < 1e-9);
        let (_, lon) = destination(0.0, 179.5, 90.0, 111.195);
        assert!((lon + 179.5).abs() < 1e-3);
    }

    #[test]
    fn uncertainty_grows_with_distance_and_vagueness() {
        let d = |km: f64| Distance {
            km,
            precision_km: 5.0,
            end: 0,
        };
        let dir = |half_width_deg| Direction {
            bearing_deg: 135.0,
            half_width_deg,
            adjectival: false,
            end: 0,
        };
        let se70 = offset_uncertainty_km(12.4, &d(70.0), &dir(22.5));
        assert!((se70 - 46.7).abs() < 0.1, "{se70}");
        assert!(offset_uncertainty_km(12.4, &d(70.0), &dir(45.0)) > se70);
        assert!(offset_uncertainty_km(12.4, &d(140.0), &dir(22.5)) > se70);
    }
}
