//! The part of a country or first-level region that a compass word names ("northern Mali",
//! "western Canada", "southern Idlib"): where the area's towns lie in the far third of its
//! span towards that bearing.
//!
//! An area's point and radius say little of its shape: GeoNames puts Japan at Tokyo and
//! Canada in Alberta, and the radius reaches the farthest town, so half the radius from the
//! point put "southern Japan" 900 km out to sea and "western Canada" in the Pacific. The
//! towns (GeoNames' `cities500`) say where the area's land and people are: each is projected
//! on the bearing's axis through their centre (on the unit sphere, the sine of its distance
//! from the centre times the cosine of its angle off the named bearing); the part is the
//! towns in the far third of their span (the span read between its 5th and 95th
//! percentiles, so that an outlying island does not set where the west begins), its point
//! their centre and its radius the distance that holds 95 % of them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use geo::Point;

use super::{EntryKind, Gazetteer};
use crate::index::{EARTH_RADIUS_KM, point_to_unit};

/// Fewer towns than this say too little of an area's shape: the caller keeps its own rule.
const MIN_PART_TOWNS: usize = 5;
/// Where along its span (from the opposite end) a part begins: "northern X" is the far third.
const PART_START: f64 = 2.0 / 3.0;
/// Share of an area's towns left out at each end of its span when measuring the span.
const SPAN_TAIL: f64 = 0.05;
/// Share of the part's towns its radius holds; the few farthest are outliers.
const PART_COVER: f64 = 0.95;
/// The radius never drops below this (km): a part is an area, not a point.
const MIN_PART_RADIUS_KM: f64 = 10.0;

/// The part of an area a compass word names: its point (WGS84 degrees) and a radius (km)
/// that holds most of its towns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// The towns of each country (rows of [`Gazetteer::places`]), grouped in one pass on the
/// first part asked for, and sorted by admin region when a part of that country is first
/// asked for, so that a region's towns are a run of them; and the parts already asked for:
/// a text names "eastern Kentucky" many times, and a part of a large country reads
/// thousands of towns.
#[derive(Debug, Default)]
pub(super) struct TownsByArea {
    by_country: OnceLock<Vec<Vec<u32>>>,
    sorted: Mutex<HashMap<&'static str, Arc<Vec<u32>>>>,
    parts: Mutex<HashMap<(EntryKind, u64), Option<Part>>>,
}

/// Letters of the alphabet ISO 3166-1 codes are written in.
const CODE_LETTERS: usize = 26;

/// The bucket of a two-letter country code ("AA" 0 to "ZZ" 675); `None` for any other text.
fn country_bucket(iso2: &str) -> Option<usize> {
    match iso2.as_bytes() {
        &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            Some(usize::from(a - b'A') * CODE_LETTERS + usize::from(b - b'A'))
        }
        _ => None,
    }
}

impl Gazetteer {
    /// The part of `kind` (a country or admin region) towards `bearing_deg` (degrees
    /// clockwise from north); `None` for any other reading and for an area of fewer than
    /// `MIN_PART_TOWNS` towns.
    ///
    /// # Runtime
    /// The first part asked for groups the places by country in one pass (a few ms); a new
    /// part is linear in the area's towns, a part asked for before one look-up.
    pub fn part(&self, kind: EntryKind, bearing_deg: f64) -> Option<Part> {
        let key = (kind, bearing_deg.to_bits());
        if let Some(&known) = self.towns_by_area.parts.lock().ok()?.get(&key) {
            return known;
        }
        let (country, admin1) = match kind {
            EntryKind::Country(i) => (self.countries[i].iso2, None),
            EntryKind::Admin1(i) => {
                let (country, code) = self.admin1[i].code.split_once('.')?;
                (country, Some(code))
            }
            _ => return None,
        };
        let rows = self.towns_of(country)?;
        // A region's towns are a run of its country's, which are sorted by region.
        let towns = match admin1 {
            None => &rows[..],
            Some(code) => {
                let region = |r: &u32| self.places[*r as usize].admin1_code;
                let start = rows.partition_point(|r| region(r) < code);
                let end = rows.partition_point(|r| region(r) <= code);
                &rows[start..end]
            }
        };
        let part = self.part_of(towns, bearing_deg);
        self.towns_by_area.parts.lock().ok()?.insert(key, part);
        part
    }

    /// The populated places (not counties or curated landmarks) of the country `iso2`,
    /// sorted by admin region code.
    fn towns_of(&self, iso2: &'static str) -> Option<Arc<Vec<u32>>> {
        let bucket = country_bucket(iso2)?;
        let mut sorted = self.towns_by_area.sorted.lock().ok()?;
        if let Some(rows) = sorted.get(iso2) {
            return Some(Arc::clone(rows));
        }
        let by_country = self.towns_by_area.by_country.get_or_init(|| {
            let mut buckets = vec![Vec::new(); CODE_LETTERS * CODE_LETTERS];
            for (row, place) in self.places.iter().enumerate() {
                if let Some(b) = country_bucket(place.country_code)
                    && !place.is_county()
                    && !place.is_landmark()
                {
                    buckets[b].push(row as u32);
                }
            }
            buckets
        });
        let mut rows = by_country[bucket].clone();
        rows.sort_unstable_by_key(|&r| self.places[r as usize].admin1_code);
        let rows = Arc::new(rows);
        sorted.insert(iso2, Arc::clone(&rows));
        Some(rows)
    }

    /// The part towards `bearing_deg` of the area whose towns are the rows `rows`.
    fn part_of(&self, rows: &[u32], bearing_deg: f64) -> Option<Part> {
        if rows.len() < MIN_PART_TOWNS {
            return None;
        }
        // Each town as a unit vector and a weight; their centre, and at the centre the unit
        // vector pointing along the bearing.
        let towns: Vec<([f64; 3], f64)> = rows
            .iter()
            .map(|&r| {
                let p = &self.places[r as usize];
                (
                    point_to_unit(Point::new(p.lon, p.lat)),
                    1.0 + f64::from(p.population).ln_1p(),
                )
            })
            .collect();
        let centre = weighted_centre(&towns)?;
        let axis = tangent(centre, bearing_deg);
        // The sine of a town's angular distance times the cosine of its angle off the
        // bearing: ordered as the distance along the bearing, for the half-sphere around the
        // centre that any area lies in.
        let along = |v: &[f64; 3]| dot(v, &axis);
        let mut projections: Vec<f64> = towns.iter().map(|(v, _)| along(v)).collect();
        let near_end = nth(&mut projections, SPAN_TAIL);
        let far_end = nth(&mut projections, 1.0 - SPAN_TAIL);
        let start = near_end + (far_end - near_end) * PART_START;
        let part: Vec<([f64; 3], f64)> = towns
            .into_iter()
            .filter(|(v, _)| along(v) >= start)
            .collect();
        let point = weighted_centre(&part)?;
        // The radius holds PART_COVER of the part's towns: the cosine of their angular
        // distance from its point, at that share from the nearest.
        let mut closeness: Vec<f64> = part.iter().map(|(v, _)| -dot(v, &point)).collect();
        let cover = -nth(&mut closeness, PART_COVER);
        let radius_km = cover.clamp(-1.0, 1.0).acos() * EARTH_RADIUS_KM;
        Some(Part {
            lat: point[2].asin().to_degrees(),
            lon: point[1].atan2(point[0]).to_degrees(),
            radius_km: radius_km.max(MIN_PART_RADIUS_KM),
        })
    }
}

fn dot(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// The normalised weighted sum of unit vectors: their centre on the sphere; `None` for none.
fn weighted_centre(points: &[([f64; 3], f64)]) -> Option<[f64; 3]> {
    let mut sum = [0.0; 3];
    for (v, w) in points {
        for k in 0..3 {
            sum[k] += w * v[k];
        }
    }
    let norm = dot(&sum, &sum).sqrt();
    (norm > 0.0).then(|| sum.map(|c| c / norm))
}

/// The unit vector tangent to the sphere at `at` that points along `bearing_deg`.
fn tangent(at: [f64; 3], bearing_deg: f64) -> [f64; 3] {
    let lat = at[2].asin();
    let lon = at[1].atan2(at[0]);
    let (sin_lat, cos_lat) = lat.sin_cos();
    let (sin_lon, cos_lon) = lon.sin_cos();
    let north = [-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat];
    let east = [-sin_lon, cos_lon, 0.0];
    let (sin_b, cos_b) = bearing_deg.to_radians().sin_cos();
    [0, 1, 2].map(|k| cos_b * north[k] + sin_b * east[k])
}

/// The value at `share` (0 to 1) of the way through `values` in ascending order.
fn nth(values: &mut [f64], share: f64) -> f64 {
    let i = ((values.len() - 1) as f64 * share) as usize;
    *values.select_nth_unstable_by(i, f64::total_cmp).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::point_distance_km;

    fn part_of_country(iso2: &str, bearing_deg: f64) -> Part {
        let gazetteer = Gazetteer::load().unwrap();
        let row = gazetteer
            .countries()
            .iter()
            .position(|c| c.iso2 == iso2)
            .unwrap();
        gazetteer
            .part(EntryKind::Country(row), bearing_deg)
            .unwrap()
    }

    #[test]
    fn a_part_lies_where_the_areas_towns_are_and_holds_them() {
        // (country, bearing, a town of that part, a town of the opposite part)
        for (iso2, bearing, inside, opposite) in [
            ("CA", 270.0, (49.28, -123.12), (45.50, -73.57)), // Vancouver, Montreal
            ("CA", 90.0, (45.50, -73.57), (49.28, -123.12)),
            ("JP", 180.0, (33.59, 130.40), (43.06, 141.35)), // Fukuoka, Sapporo
            ("SO", 180.0, (-0.36, 42.55), (9.56, 44.06)),    // Kismayo, Hargeisa
            ("ML", 0.0, (16.77, -3.01), (11.32, -7.99)),     // Timbuktu, Bougouni
        ] {
            let part = part_of_country(iso2, bearing);
            let km = |(lat, lon): (f64, f64)| {
                point_distance_km(Point::new(part.lon, part.lat), Point::new(lon, lat))
            };
            assert!(km(inside) <= part.radius_km, "{iso2} {bearing}: {part:?}");
            assert!(km(inside) < km(opposite), "{iso2} {bearing}: {part:?}");
        }
    }
}
