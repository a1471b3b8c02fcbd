//! A WGS84 position in degrees, longitude first (RFC 7946 order), checked once at the edge so
//! the store and the index never see an impossible point.

use super::IncidentError;

/// Largest absolute longitude, degrees.
pub const MAX_LON: f64 = 180.0;
/// Largest absolute latitude, degrees.
pub const MAX_LAT: f64 = 90.0;

/// A range-checked point: longitude in [-180, 180], latitude in [-90, 90], both finite degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    lon: f64,
    lat: f64,
}

impl LonLat {
    /// Builds a point from longitude and latitude in degrees (that order).
    ///
    /// # Errors
    /// [`IncidentError::OutOfRange`] when either value is not finite or outside its range.
    pub fn new(lon: f64, lat: f64) -> Result<Self, IncidentError> {
        let ok = lon.is_finite() && lat.is_finite() && lon.abs() <= MAX_LON && lat.abs() <= MAX_LAT;
        if ok {
            Ok(LonLat { lon, lat })
        } else {
            Err(IncidentError::OutOfRange { lon, lat })
        }
    }

    /// Longitude in degrees.
    pub fn lon(self) -> f64 {
        self.lon
    }

    /// Latitude in degrees.
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// The `[lon, lat]` array used by GeoJSON and the R-tree.
    pub fn to_array(self) -> [f64; 2] {
        [self.lon, self.lat]
    }

    /// The point as a `geo` point (x = lon, y = lat).
    pub fn to_point(self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_corners_of_the_world() {
        assert!(LonLat::new(-180.0, -90.0).is_ok());
        assert!(LonLat::new(180.0, 90.0).is_ok());
    }

    #[test]
    fn rejects_out_of_range_and_non_finite() {
        assert!(LonLat::new(0.0, 91.0).is_err());
        assert!(LonLat::new(180.5, 0.0).is_err());
        assert!(LonLat::new(f64::NAN, 0.0).is_err());
        assert!(LonLat::new(0.0, f64::INFINITY).is_err());
    }
}
