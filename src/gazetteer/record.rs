//! The gazetteer's records: populated places, countries, first-level admin regions, continents
//! and named regions, and demonyms. Coordinates are WGS84 degrees; extents are radii in km.

use geo::Point;

use crate::index::point_distance_km;

/// Feature code of the second-level admin areas (US counties, Philippine provinces, British counties) stored
/// among the places.
pub const COUNTY_FEATURE_CODE: &str = "ADM2";

/// GeoNames' feature code of a national capital.
pub const NATIONAL_CAPITAL_FEATURE_CODE: &str = "PPLC";

/// Feature code (GeoNames' "building") of the curated landmarks that news copy names for the
/// government they house ("the White House", "the Kremlin").
pub const LANDMARK_FEATURE_CODE: &str = "BLDG";

/// Feature code (GeoNames' "airport") of the curated major airports, which news copy names by
/// themselves ("flights out of Heathrow") and a same-named village must not take.
pub const AIRPORT_FEATURE_CODE: &str = "AIRP";

/// Feature code (GeoNames' "airbase") of the curated air bases that conflict reporting names
/// by themselves ("a drone attack on Ain al-Asad", "flown out of Bagram").
pub const AIRBASE_FEATURE_CODE: &str = "AIRB";

/// Feature code (GeoNames' "military base") of the curated military bases that conflict
/// reporting names by themselves ("Camp Lemonnier").
pub const MILITARY_BASE_FEATURE_CODE: &str = "MILB";

/// GeoNames' feature codes of the curated venues (`curated/venues.tsv`): sites that news copy
/// names by themselves and where incidents happen, each at its host town's point with an
/// extent that reaches it: university, school, stadium (and arena), hotel, amusement park,
/// castle, palace, church, mosque, temple, tower, mall, theatre.
pub const VENUE_FEATURE_CODES: [&str; 13] = [
    "UNIV", "SCH", "STDM", "HTL", "AMUS", "CSTL", "PAL", "CH", "MSQE", "TMPL", "TOWR", "MALL",
    "THTR",
];

/// The prefix of GeoNames' feature codes of populated places (`PPL`, `PPLA`, `PPLX` …).
const POPULATED_PLACE_PREFIX: &str = "PPL";

/// Feature code of a second-order administrative seat (a district's), the last order of
/// [`Place::is_admin_seat`].
const SECOND_ORDER_SEAT_CODE: &str = "PPLA2";

/// A populated place from GeoNames (`cities500` plus administrative seats, and the curated
/// places it lacks), or a second-level admin area: a US county, a Philippine province or a British county
/// (feature code [`COUNTY_FEATURE_CODE`]: the centre, population and extent of its towns).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; 0 for a county or a curated place, which the sources give without one.
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
    /// Radius (km) around the point that holds an admin area's towns; `None` for a populated
    /// place, whose extent follows from its population (see [`Place::radius_km`]).
    pub extent_km: Option<f64>,
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
    /// GeoNames' point of the region (WGS84 degrees), where the region is a GeoNames
    /// feature the gazetteer's sources carry; else the centre of its towns.
    pub lat: f64,
    pub lon: f64,
    pub extent_km: f64,
    /// Other names copy writes for it ("Ninawa" for Nineveh), `|`-separated; may be empty.
    pub aliases: &'static str,
    /// The centre of its towns, each weighted by the log of its population (WGS84 degrees):
    /// where its people are, which is what a neighbouring town is near (Palestine, Texas,
    /// lies 200 km from it and 350 km from GeoNames' point, in the empty west of the state).
    pub towns_lat: f64,
    pub towns_lon: f64,
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
    /// GeoNames feature code: `CONT`, `RGN`, or the kind of a natural feature: waters (`STM`, a
    /// river, which lies at its mouth; `DLTA`, `LK`, `STRT`, `CNL`, `GULF`, `SEA`, `OCN`),
    /// islands (`ISL`, `ISLS`), mountains (`MTS`, `MT`), `DSRT`, `VAL`, `PEN`, `PLN`.
    pub feature_code: &'static str,
}

impl Region {
    /// True when `iso2` is one of the region's member countries.
    pub fn contains_country(&self, iso2: &str) -> bool {
        self.members.split(',').any(|m| m == iso2)
    }
}

/// An adjective or demonym ("Swiss", "Tajik"), or a word for one country's own forces or
/// institutions ("Gardai", "RCMP"), and what it refers to: a country code, a region name, or
/// nothing for a people with no single country. Demonyms are not place mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Demonym {
    pub word: &'static str,
    pub target: &'static str,
}

/// A town of this many people is known by its name alone (see [`Place::is_known_town`]); a
/// smaller one, uncued and unsupported by the text, is more likely a person's or a thing's
/// name than the town.
const KNOWN_TOWN_POPULATION: u32 = 50_000;
/// A town this populous is what its name means even where an admin region that it does not
/// govern bears the name too ("New York", "Lagos"): news copy names the region otherwise.
const METROPOLIS_POPULATION: u32 = 1_000_000;

/// Km of radius per square root of the population (see [`Place::radius_km`]), calibrated on towns of 10^3–10^7 people
/// (45,000 people -> 3 km, 1 million -> 15 km).
const RADIUS_KM_PER_SQRT_POPULATION: f64 = 0.015;
/// The smallest radius (km) we claim for a populated place: villages still span a kilometre.
const MIN_PLACE_RADIUS_KM: f64 = 1.0;
/// The largest radius (km) we claim for a town point: past this a metropolis is a region.
const MAX_PLACE_RADIUS_KM: f64 = 30.0;

impl Place {
    /// True for an admin area (a county or province) rather than a populated place.
    pub fn is_county(&self) -> bool {
        self.feature_code == COUNTY_FEATURE_CODE
    }

    /// True for a town a reader knows by its name alone, without a cue: a capital or
    /// first-order seat, a town of 50,000 people (`KNOWN_TOWN_POPULATION`), or a curated
    /// place, added because conflict reporting names it by itself ("M23 took Masisi").
    pub fn is_known_town(&self) -> bool {
        self.is_capital() || self.is_sizeable_town()
    }

    /// True for a town known by its name alone whatever its rank: a town of 50,000 people
    /// (`KNOWN_TOWN_POPULATION`) or a curated place.
    pub fn is_sizeable_town(&self) -> bool {
        self.population >= KNOWN_TOWN_POPULATION || self.is_curated_town()
    }

    /// True for a national capital (GeoNames' `PPLC`).
    pub fn is_national_capital(&self) -> bool {
        self.feature_code == NATIONAL_CAPITAL_FEATURE_CODE
    }

    /// The population the ranking weighs: a curated town counts as a town a reader knows
    /// (`KNOWN_TOWN_POPULATION`) however few people its row records (most record none), as
    /// it was curated because news copy names it: "in Mali ... in Moura" is the Malian
    /// village, not Moura, Portugal (9,360 people), which led it by 0.02.
    pub(super) fn ranking_population(&self) -> u32 {
        if self.is_curated_town() {
            self.population.max(KNOWN_TOWN_POPULATION)
        } else {
            self.population
        }
    }

    /// True for a populated place of `curated/places.tsv`, which GeoNames' `cities500` lacks:
    /// it has no GeoNames id, as a county has none either.
    fn is_curated_town(&self) -> bool {
        self.geonameid == 0 && self.feature_code.starts_with(POPULATED_PLACE_PREFIX)
    }

    /// True for a national capital, a seat of government or a first-order admin seat (see
    /// `rank::is_seat`): what "the capital" and "the provincial capital" name.
    pub fn is_capital(&self) -> bool {
        super::rank::is_seat(self.feature_code)
    }

    /// True when this town governs the admin region `code` (`CC.XX`) or is a metropolis of
    /// it (`METROPOLIS_POPULATION`): the town a name shared with that region means ("Homs",
    /// "New York City" for "New York", whose seat is Albany).
    pub fn is_namesake_town_of(&self, code: &str) -> bool {
        (self.is_capital() || self.population >= METROPOLIS_POPULATION) && self.lies_in_admin1(code)
    }

    /// True for a curated landmark ("the Kremlin", "Heathrow", "Bagram", "Virginia Tech")
    /// rather than a town or an area.
    pub fn is_landmark(&self) -> bool {
        matches!(
            self.feature_code,
            LANDMARK_FEATURE_CODE
                | AIRPORT_FEATURE_CODE
                | AIRBASE_FEATURE_CODE
                | MILITARY_BASE_FEATURE_CODE
        ) || self.is_venue()
    }

    /// True for a curated venue ("Virginia Tech", "Manchester Arena"), which lies at its host
    /// town's point: near it, within its extent, rather than at it.
    pub fn is_venue(&self) -> bool {
        VENUE_FEATURE_CODES.contains(&self.feature_code)
    }

    /// True for a curated seat of government ("the White House", "the Kremlin"), which news
    /// copy names for the government inside it as often as for the building.
    pub fn is_seat_of_government(&self) -> bool {
        self.feature_code == LANDMARK_FEATURE_CODE
    }

    /// True for the seat of a government down to the second order: a capital or a province's
    /// seat (see `rank::is_seat`) or a district's (`PPLA2`), which news copy names by any of
    /// its names, however few people GeoNames records there.
    pub fn is_admin_seat(&self) -> bool {
        self.is_capital() || self.feature_code == SECOND_ORDER_SEAT_CODE
    }

    /// True when this is a county and `town` lies within its extent (km) of its point: a
    /// county gives its towns no code, so "Thruxton, Hampshire" is read by distance.
    pub fn holds(&self, town: &Place) -> bool {
        self.is_county()
            && !std::ptr::eq(self, town)
            && point_distance_km(
                Point::new(self.lon, self.lat),
                Point::new(town.lon, town.lat),
            ) <= self.radius_km()
    }

    /// True when the place lies in the admin region `code` (`CC.XX`, as in [`Admin1::code`]).
    pub fn lies_in_admin1(&self, code: &str) -> bool {
        code.split_once('.') == Some((self.country_code, self.admin1_code))
    }

    /// The GeoNames id, when the place has one (counties and curated places have none).
    pub fn geonames_id(&self) -> Option<u32> {
        (self.geonameid != 0).then_some(self.geonameid)
    }

    /// Radius in km around the point that holds the place: an admin area's extent, or the
    /// built-up area of a town.
    ///
    /// GeoNames gives towns as points; their extent grows with the square root of the
    /// population (area grows linearly with it at similar density).
    pub fn radius_km(&self) -> f64 {
        self.extent_km.unwrap_or_else(|| {
            (RADIUS_KM_PER_SQRT_POPULATION * f64::from(self.population).sqrt())
                .clamp(MIN_PLACE_RADIUS_KM, MAX_PLACE_RADIUS_KM)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(feature_code: &'static str, population: u32, extent_km: Option<f64>) -> Place {
        Place {
            geonameid: 0,
            name: "Lanao del Sur",
            ascii_name: "Lanao del Sur",
            alternate_names: "",
            lat: 7.8,
            lon: 124.24,
            feature_code,
            country_code: "PH",
            admin1_code: "14",
            population,
            extent_km,
        }
    }

    #[test]
    fn an_admin_area_claims_its_extent_and_a_town_its_built_up_area() {
        // A province of 213,000 people spans 49 km, not the 7 km of a town that size.
        assert_eq!(
            place(COUNTY_FEATURE_CODE, 213_264, Some(49.3)).radius_km(),
            49.3
        );
        let town = place("PPL", 1_000_000, None);
        assert!((town.radius_km() - 15.0).abs() < 1e-9);
        assert_eq!(place("PPL", 0, None).radius_km(), MIN_PLACE_RADIUS_KM);
    }

    #[test]
    fn places_without_a_geonames_id_report_none() {
        assert_eq!(place("PPL", 0, None).geonames_id(), None);
        let mut vahdat = place("PPLA2", 42_000, None);
        vahdat.geonameid = 1_221_194;
        assert_eq!(vahdat.geonames_id(), Some(1_221_194));
    }
}
