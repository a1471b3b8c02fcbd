//! Great-circle geometry on a sphere of the mean Earth radius (6,371.0088 km): the distance
//! every answer of the service uses, and the lon/lat envelopes that are guaranteed to contain a
//! spherical cap, so the planar R-tree can prefilter before exact distances are computed.

use std::f64::consts::PI;

use geo::{Distance, HaversineMeasure, Point};
use rstar::AABB;

use crate::incident::{LonLat, MAX_LAT, MAX_LON};

/// Mean Earth radius in km (IUGG/GRS80 R1), the contract's sphere.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Half the circumference in km: no two points on the sphere are farther apart.
pub const HALF_CIRCUMFERENCE_KM: f64 = PI * EARTH_RADIUS_KM;

/// Degrees added to every side of a search envelope so rounding never drops a point that lies
/// exactly on the cap's edge (about 1 mm at the equator).
const ENVELOPE_MARGIN_DEG: f64 = 1e-8;

const SPHERE: HaversineMeasure = HaversineMeasure::new(EARTH_RADIUS_KM);

/// Great-circle (haversine) distance in km between two lon/lat points.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    point_distance_km(a.to_point(), b.to_point())
}

/// [`distance_km`] between two points already known to be lon/lat degrees in range, such as
/// the gazetteer's.
pub fn point_distance_km(a: Point, b: Point) -> f64 {
    SPHERE.distance(a, b)
}

/// Lon/lat envelopes (one, or two when split at the antimeridian) that together contain every
/// point within `radius_km` of `center`.
///
/// The latitude band is `lat ± radius/R`; when it reaches a pole every longitude is possible.
/// Otherwise the widest longitude difference on the cap is `asin(sin(δ) / cos(lat))` with
/// `δ = radius/R` the angular radius.
pub fn cap_envelopes(center: LonLat, radius_km: f64) -> Vec<AABB<[f64; 2]>> {
    let world = AABB::from_corners([-MAX_LON, -MAX_LAT], [MAX_LON, MAX_LAT]);
    let delta = radius_km / EARTH_RADIUS_KM;
    if delta >= PI {
        return vec![world];
    }
    let delta_deg = delta.to_degrees() + ENVELOPE_MARGIN_DEG;
    let lat_lo = center.lat() - delta_deg;
    let lat_hi = center.lat() + delta_deg;
    let all_longitudes = |lo: f64, hi: f64| {
        vec![AABB::from_corners(
            [-MAX_LON, lo.max(-MAX_LAT)],
            [MAX_LON, hi.min(MAX_LAT)],
        )]
    };
    if lat_lo <= -MAX_LAT || lat_hi >= MAX_LAT {
        return all_longitudes(lat_lo, lat_hi);
    }
    let ratio = delta.sin() / center.lat().to_radians().cos();
    if ratio >= 1.0 {
        return all_longitudes(lat_lo, lat_hi);
    }
    let dlon = ratio.asin().to_degrees() + ENVELOPE_MARGIN_DEG;
    let (lon_lo, lon_hi) = (center.lon() - dlon, center.lon() + dlon);
    if lon_lo < -MAX_LON {
        vec![
            AABB::from_corners([lon_lo + 2.0 * MAX_LON, lat_lo], [MAX_LON, lat_hi]),
            AABB::from_corners([-MAX_LON, lat_lo], [lon_hi, lat_hi]),
        ]
    } else if lon_hi > MAX_LON {
        vec![
            AABB::from_corners([lon_lo, lat_lo], [MAX_LON, lat_hi]),
            AABB::from_corners([-MAX_LON, lat_lo], [lon_hi - 2.0 * MAX_LON, lat_hi]),
        ]
    } else {
        vec![AABB::from_corners([lon_lo, lat_lo], [lon_hi, lat_hi])]
    }
}

#[cfg(test)]
mod tests {
    use rstar::Envelope;

    use super::*;

    fn p(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat).unwrap()
    }

    #[test]
    fn one_degree_of_the_equator_is_about_111_km() {
        let d = distance_km(p(0.0, 0.0), p(1.0, 0.0));
        assert!((d - EARTH_RADIUS_KM * PI / 180.0).abs() < 1e-9);
    }

    #[test]
    fn antipodes_are_half_a_circumference_apart() {
        let d = distance_km(p(10.0, 20.0), p(-170.0, -20.0));
        assert!((d - HALF_CIRCUMFERENCE_KM).abs() < 1e-6);
    }

    #[test]
    fn distance_across_the_antimeridian_is_short() {
        let d = distance_km(p(179.9, 0.0), p(-179.9, 0.0));
        assert!(d < 23.0, "{d}");
    }

    #[test]
    fn cap_near_the_antimeridian_is_split_and_covers_both_sides() {
        let boxes = cap_envelopes(p(179.95, 10.0), 50.0);
        assert_eq!(boxes.len(), 2);
        let west = [-179.9, 10.0];
        assert!(boxes.iter().any(|b| b.contains_point(&west)));
    }

    #[test]
    fn cap_reaching_a_pole_takes_every_longitude() {
        let boxes = cap_envelopes(p(0.0, 89.5), 100.0);
        assert_eq!(boxes.len(), 1);
        // The far side of the pole is only ~90 km away.
        let far_side = [180.0, 89.7];
        assert!(boxes[0].contains_point(&far_side));
        assert!(distance_km(p(0.0, 89.5), p(180.0, 89.7)) < 100.0);
    }
}
