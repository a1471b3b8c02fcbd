//! The lon/lat box of `bbox=minLon,minLat,maxLon,maxLat` (degrees, OGC API order). A box whose
//! `minLon` is greater than its `maxLon` crosses the antimeridian, as RFC 7946 §5.2 allows.

use std::str::FromStr;

use rstar::AABB;

use super::IndexError;
use crate::incident::{LonLat, MAX_LAT, MAX_LON};

/// Number of values in a 2D bbox parameter.
const BBOX_VALUES: usize = 4;

/// A parsed, range-checked lon/lat box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl BBox {
    /// Whether the box wraps across longitude ±180.
    pub fn crosses_antimeridian(&self) -> bool {
        self.min_lon > self.max_lon
    }

    /// The one or two planar lon/lat envelopes that together cover the box: a box crossing the
    /// antimeridian is split into its eastern (`minLon..180`) and western (`-180..maxLon`) parts.
    pub fn envelopes(&self) -> Vec<AABB<[f64; 2]>> {
        if self.crosses_antimeridian() {
            vec![
                AABB::from_corners([self.min_lon, self.min_lat], [MAX_LON, self.max_lat]),
                AABB::from_corners([-MAX_LON, self.min_lat], [self.max_lon, self.max_lat]),
            ]
        } else {
            vec![AABB::from_corners(
                [self.min_lon, self.min_lat],
                [self.max_lon, self.max_lat],
            )]
        }
    }

    /// Whether the point lies in the box, boundaries included.
    pub fn contains(&self, p: LonLat) -> bool {
        let lat_ok = (self.min_lat..=self.max_lat).contains(&p.lat());
        let lon_ok = if self.crosses_antimeridian() {
            p.lon() >= self.min_lon || p.lon() <= self.max_lon
        } else {
            (self.min_lon..=self.max_lon).contains(&p.lon())
        };
        lat_ok && lon_ok
    }
}

impl FromStr for BBox {
    type Err = IndexError;

    /// Parses exactly four finite numbers `minLon,minLat,maxLon,maxLat`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |reason: &str| IndexError::BBox {
            given: s.to_owned(),
            reason: reason.to_owned(),
        };
        let values = s
            .split(',')
            .map(|v| v.trim().parse::<f64>())
            .collect::<Result<Vec<f64>, _>>()
            .map_err(|_| bad("every value must be a number"))?;
        let [min_lon, min_lat, max_lon, max_lat] = <[f64; BBOX_VALUES]>::try_from(values)
            .map_err(|_| bad("it needs exactly 4 numbers minLon,minLat,maxLon,maxLat"))?;
        if ![min_lon, min_lat, max_lon, max_lat]
            .iter()
            .all(|v| v.is_finite())
        {
            return Err(bad("every value must be finite"));
        }
        if min_lon.abs() > MAX_LON || max_lon.abs() > MAX_LON {
            return Err(bad("longitudes must be within -180..180"));
        }
        if min_lat.abs() > MAX_LAT || max_lat.abs() > MAX_LAT {
            return Err(bad("latitudes must be within -90..90"));
        }
        if min_lat > max_lat {
            return Err(bad("minLat must not exceed maxLat"));
        }
        Ok(BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_four_numbers() {
        let b: BBox = "68,38,70,39.5".parse().unwrap();
        assert_eq!(b.min_lon, 68.0);
        assert_eq!(b.max_lat, 39.5);
        assert!(!b.crosses_antimeridian());
        assert_eq!(b.envelopes().len(), 1);
    }

    #[test]
    fn rejects_wrong_counts_ranges_and_non_numbers() {
        for s in [
            "1,2,3",
            "1,2,3,4,5",
            "",
            "a,b,c,d",
            "0,91,1,92",
            "-181,0,0,1",
            "NaN,0,1,1",
            "inf,0,1,1",
            "0,10,1,5",
        ] {
            assert!(s.parse::<BBox>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn antimeridian_box_is_split_and_contains_both_sides() {
        let b: BBox = "170,-20,-170,20".parse().unwrap();
        assert!(b.crosses_antimeridian());
        assert_eq!(b.envelopes().len(), 2);
        assert!(b.contains(LonLat::new(179.5, 0.0).unwrap()));
        assert!(b.contains(LonLat::new(-179.5, 0.0).unwrap()));
        assert!(!b.contains(LonLat::new(0.0, 0.0).unwrap()));
    }
}
