//! Points as 3-D unit vectors (ECEF on the unit sphere), the coordinates the R-tree stores.
//!
//! On the unit sphere the straight-line (chord) distance between two points is
//! `2·sin(θ/2)` for the central angle `θ`, which grows monotonically with `θ` on `[0, π]`. So a
//! Euclidean nearest-neighbour search in 3-D returns points in great-circle order, with no
//! growing search caps, no antimeridian split and no pole special case; only the km figure is
//! converted back (`R·θ`). Lon/lat boxes are answered through the 3-D box that contains their
//! patch of the sphere, then filtered exactly in lon/lat.

use geo::Point;
use rstar::AABB;

use super::EARTH_RADIUS_KM;
use crate::incident::LonLat;

/// Slack added to 3-D boxes and chord radii so rounding never drops a boundary point (≈ 6 mm
/// on the Earth).
const UNIT_MARGIN: f64 = 1e-9;

/// The unit vector `[x, y, z]` of a lon/lat point in degrees: x towards (0°, 0°), y towards
/// (90° E, 0°), z towards the North Pole.
pub fn to_unit(p: LonLat) -> [f64; 3] {
    point_to_unit(p.to_point())
}

/// The unit vector, as the R-tree stores it, of a point already known to be lon/lat degrees
/// in range, such as the gazetteer's: the geoparser weighs nearness and the parts of an area
/// with the same vectors.
pub fn point_to_unit(p: Point) -> [f64; 3] {
    let (sin_lat, cos_lat) = p.y().to_radians().sin_cos();
    let (sin_lon, cos_lon) = p.x().to_radians().sin_cos();
    [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
}

/// The squared chord length, on the unit sphere, of a great-circle distance in km (capped at
/// the diameter), slightly enlarged so points exactly at the distance are kept.
pub fn chord_2_for_km(distance_km: f64) -> f64 {
    let half_angle = (distance_km / EARTH_RADIUS_KM / 2.0).min(std::f64::consts::FRAC_PI_2);
    let chord = 2.0 * half_angle.sin() + UNIT_MARGIN;
    chord * chord
}

/// The range of `f` (`cos` or `sin`) over longitudes `lo_deg..=hi_deg` (within -180..180):
/// extremes at the ends, or 1 and -1 where the interval holds `f`'s peak and trough
/// (`peaks_deg`; ±180° are the same meridian).
fn trig_range(lo_deg: f64, hi_deg: f64, f: fn(f64) -> f64, peaks_deg: [f64; 2]) -> (f64, f64) {
    let (a, b) = (f(lo_deg.to_radians()), f(hi_deg.to_radians()));
    let (mut min, mut max) = (a.min(b), a.max(b));
    let inside =
        |d: f64| (lo_deg..=hi_deg).contains(&d) || (lo_deg..=hi_deg).contains(&(d - 360.0));
    if inside(peaks_deg[0]) {
        max = 1.0;
    }
    if inside(peaks_deg[1]) {
        min = -1.0;
    }
    (min, max)
}

/// The interval product `[r_lo, r_hi] × [c_lo, c_hi]` for `r >= 0`.
fn scale(r: (f64, f64), c: (f64, f64)) -> (f64, f64) {
    let lo = if c.0 >= 0.0 { r.0 * c.0 } else { r.1 * c.0 };
    let hi = if c.1 >= 0.0 { r.1 * c.1 } else { r.0 * c.1 };
    (lo, hi)
}

/// The 3-D box that contains every unit vector whose lon/lat lies in the planar envelope
/// (lon `lo[0]..hi[0]`, lat `lo[1]..hi[1]`, degrees, not crossing the antimeridian).
pub fn unit_envelope(env: &AABB<[f64; 2]>) -> AABB<[f64; 3]> {
    let ([lon_lo, lat_lo], [lon_hi, lat_hi]) = (env.lower(), env.upper());
    // Horizontal radius cos(lat): largest at the equator, smallest at the latitude farthest from it.
    let (cos_a, cos_b) = (lat_lo.to_radians().cos(), lat_hi.to_radians().cos());
    let r_hi = if lat_lo <= 0.0 && lat_hi >= 0.0 {
        1.0
    } else {
        cos_a.max(cos_b)
    };
    let r = (cos_a.min(cos_b).max(0.0), r_hi);
    // cos peaks at 0° (max) and 180° (min); sin at 90° (max) and -90° (min).
    let x = scale(r, trig_range(lon_lo, lon_hi, f64::cos, [0.0, 180.0]));
    let y = scale(r, trig_range(lon_lo, lon_hi, f64::sin, [90.0, -90.0]));
    let z = (lat_lo.to_radians().sin(), lat_hi.to_radians().sin());
    AABB::from_corners(
        [x.0 - UNIT_MARGIN, y.0 - UNIT_MARGIN, z.0 - UNIT_MARGIN],
        [x.1 + UNIT_MARGIN, y.1 + UNIT_MARGIN, z.1 + UNIT_MARGIN],
    )
}

#[cfg(test)]
mod tests {
    use rstar::Envelope;

    use super::*;
    use crate::index::distance_km;

    fn p(lon: f64, lat: f64) -> LonLat {
        LonLat::new(lon, lat).unwrap()
    }

    #[test]
    fn chord_matches_the_great_circle_distance() {
        let (a, b) = (p(69.0, 38.5), p(70.2, 37.9));
        let (ua, ub) = (to_unit(a), to_unit(b));
        let chord_2: f64 = (0..3).map(|i| (ua[i] - ub[i]).powi(2)).sum();
        let km = distance_km(a, b);
        assert!((chord_2_for_km(km) - chord_2).abs() < 1e-8);
    }

    #[test]
    fn unit_envelope_contains_every_point_of_the_box() {
        let boxes = [
            ([-10.0, -5.0], [10.0, 5.0]),
            ([170.0, 60.0], [180.0, 89.0]),
            ([-180.0, -90.0], [-100.0, -80.0]),
            ([80.0, 10.0], [100.0, 20.0]),
            ([-180.0, -90.0], [180.0, 90.0]),
        ];
        for (lo, hi) in boxes {
            let env = unit_envelope(&AABB::from_corners(lo, hi));
            for i in 0..=20 {
                for j in 0..=20 {
                    let lon = lo[0] + (hi[0] - lo[0]) * f64::from(i) / 20.0;
                    let lat = lo[1] + (hi[1] - lo[1]) * f64::from(j) / 20.0;
                    assert!(env.contains_point(&to_unit(p(lon, lat))), "{lon},{lat}");
                }
            }
        }
    }
}
