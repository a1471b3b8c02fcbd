//! The gazetteer's records: populated places, countries, first-level admin regions, continents
//! and named regions, and demonyms. Coordinates are WGS84 degrees; extents are radii in km.

/// Feature code of the second-level admin areas (US counties) stored among the places.
pub const COUNTY_FEATURE_CODE: &str = "ADM2";

/// A populated place from GeoNames (`cities500` plus administrative seats), or a US county
/// (feature code [`COUNTY_FEATURE_CODE`]: the centre and population of its towns).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; 0 for a county, which the sources give without one.
    pub geonameid: u32,
    pub name: &'static str,
    pub ascii_name: &'static str,
    /// Latin-script alternate names, `|`-separated, as GeoNames lists them.
    pub alternate_names: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature code (`PPLC` capital, `PPLA` first-order seat, `PPL` town, ...).
    pub feature_code: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country_code: &'static str,
    /// GeoNames admin1 code within the country (`"RR"` for Vahdat, Tajikistan).
    pub admin1_code: &'static str,
    pub population: u32,
}

/// A country with its centroid and the radius (km) around it that holds all its places.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub name: &'static str,
    /// Aliases and short forms, `|`-separated ("U.S.", "America").
    pub aliases: &'static str,
    pub capital: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub area_km2: f64,
    pub extent_km: f64,
    /// GeoNames continent code (`AS`, `EU`, ...).
    pub continent: &'static str,
    /// UN subregion ("Central Asia").
    pub subregion: &'static str,
    pub geonameid: u32,
    pub population: u64,
}

/// A first-level administrative region; its centroid and extent (km) come from its places.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1 {
    /// `CC.XX`, the country code and GeoNames admin1 code.
    pub code: &'static str,
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub extent_km: f64,
}

impl Admin1 {
    /// ISO 3166-1 alpha-2 code of the country the region belongs to.
    pub fn country_code(&self) -> &'static str {
        self.code.split('.').next().unwrap_or_default()
    }
}

/// Whether a [`Region`] is a continent or another widely used region ("Sahel").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Continent,
    Region,
}

/// A continent or a named multi-country region, with its centroid and extent (km).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub name: &'static str,
    pub aliases: &'static str,
    pub kind: RegionKind,
    pub lat: f64,
    pub lon: f64,
    pub extent_km: f64,
    /// ISO 3166-1 alpha-2 codes of member countries, comma-separated.
    pub members: &'static str,
}

impl Region {
    /// True when `iso2` is one of the region's member countries.
    pub fn contains_country(&self, iso2: &str) -> bool {
        self.members.split(',').any(|m| m == iso2)
    }
}

/// An adjective or demonym ("Swiss", "Tajik") and what it refers to: a country code, a region
/// name, or nothing for a people with no single country. Demonyms are not place mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Demonym {
    pub word: &'static str,
    pub target: &'static str,
}

/// Km of radius per square root of the population (see [`Place::radius_km`]), calibrated on towns of 10^3–10^7 people
/// (45,000 people -> 3 km, 1 million -> 15 km).
const RADIUS_KM_PER_SQRT_POPULATION: f64 = 0.015;
/// The smallest radius (km) we claim for a populated place: villages still span a kilometre.
const MIN_PLACE_RADIUS_KM: f64 = 1.0;
/// The largest radius (km) we claim for a town point: past this a metropolis is a region.
const MAX_PLACE_RADIUS_KM: f64 = 30.0;

impl Place {
    /// True for an admin area (a county) rather than a populated place.
    pub fn is_county(&self) -> bool {
        self.feature_code == COUNTY_FEATURE_CODE
    }

    /// Radius in km around the GeoNames point that holds the built-up area of the place.
    ///
    /// GeoNames gives towns as points; the extent grows with the square root of the
    /// population (area grows linearly with it at similar density).
    pub fn radius_km(&self) -> f64 {
        (RADIUS_KM_PER_SQRT_POPULATION * f64::from(self.population).sqrt())
            .clamp(MIN_PLACE_RADIUS_KM, MAX_PLACE_RADIUS_KM)
    }
}
