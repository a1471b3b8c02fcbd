//! Static ranking of gazetteer entries: what a reader assumes a bare name means.
//!
//! A country beats a region beats a town of the same name ("Georgia", "Mexico"), except that
//! a sizeable town beats the admin region named after it ("Homs", "Donetsk"). Among towns, a
//! capital beats an admin seat beats a town beats a village, and population breaks ties, so
//! "Paris" is the French capital and "Tripoli" the Libyan one until context says otherwise.

use super::entry::{Entry, EntryKind};
use super::{
    AIRBASE_FEATURE_CODE, AIRPORT_FEATURE_CODE, LANDMARK_FEATURE_CODE, MILITARY_BASE_FEATURE_CODE,
    Place, VENUE_FEATURE_CODES,
};

/// Score of a country matched by its main name.
const COUNTRY_SCORE: f32 = 2.5;
/// At most this much more for a country of more people: it only orders countries that share a
/// name ("Congo": DR Congo, 100 million, before the Republic of the Congo, 6 million), as
/// news copy means the one its readers hear of more. Smaller than any other difference in score.
const COUNTRY_POPULATION_TIE_BREAK: f32 = 0.005;
/// Score of a continent or a named region ("Central Asia", "Sahel").
const REGION_SCORE: f32 = 2.3;
/// Score of a first-level admin region: below a provincial seat of 3,200 people (0.7 +
/// log10(3,200) / 7), so a region's seat of its name comes first ("Homs"); a smaller town
/// elsewhere is held below the region (`Gazetteer::prefer_regions_over_small_towns_elsewhere`).
const ADMIN1_SCORE: f32 = 1.2;
/// Subtracted when the name matched only an alias or alternate spelling of a record.
const ALTERNATE_PENALTY: f32 = 0.3;
/// Subtracted, besides [`ALTERNATE_PENALTY`], from a town reached through an alternate name
/// that is the main name of a town ranking above it: the name first means the town it names
/// ("Venice" is Venice, Italy, even in an American text, before Dayton, Ohio, once called so).
/// A former name of a bigger town keeps it ("Artemivsk" is Bakhmut, not the village).
const SHARED_ALTERNATE_PENALTY: f32 = 0.3;
/// A town of this many people that bears a name as its main name is what the name means
/// before any place the name is only another name of: an old name ("Salisbury" for Harare,
/// "Batavia" for Jakarta) or a nickname ("Garden City" for Singapore) is not what copy means
/// where real towns still bear it. A former name no sizeable town bears keeps its city
/// ("Bombay", "Leningrad").
pub(super) const NAMING_TOWN_POPULATION: u32 = 10_000;
/// A population of ten million scores 1.0 (log10 of the population over this).
const POPULATION_LOG_SCALE: f32 = 7.0;

/// Feature weight of a curated landmark: above a capital of ten million (1.0 + 1.0) less an
/// alternate name's penalty, so "White House" is not Casablanca (Dar el Beida) by default.
const LANDMARK_WEIGHT: f32 = 1.8;

/// A town outside an admin region of its name needs this many people to rank above the
/// region (see `Gazetteer::prefer_regions_over_small_towns_elsewhere`).
pub(super) const REGION_OVER_TOWN_POPULATION: u32 = 100_000;

/// A section of a city (GeoNames PPLX) of this many people ranks as a town of its size:
/// see [`place_score`].
const CITY_SIZED_QUARTER_POPULATION: u32 = 100_000;
/// How far a seat town is lifted above the admin region of the same name.
pub(super) const SEAT_MARGIN: f32 = 0.01;

/// True for the feature codes of capitals and first-order administrative seats.
pub(super) fn is_seat(code: &str) -> bool {
    matches!(code, "PPLC" | "PPLG" | "PPLA")
}

/// Weight of a GeoNames populated-place feature code.
fn feature_weight(code: &str) -> f32 {
    match code {
        "PPLC" => 1.0,
        "PPLG" => 0.8,
        "PPLA" => 0.7,
        "PPLA2" => 0.5,
        "PPLA3" => 0.35,
        "PPLA4" | "PPLA5" => 0.3,
        "PPL" | "PPLS" | "PPLF" | "PPLR" | "STLMT" => 0.25,
        "PPLL" => 0.15,
        "PPLX" => 0.1,
        // Curated landmarks (`curated/places.tsv`) that news copy names for the government they
        // house ("the White House said"): that is what the name means, above a capital and a
        // metropolis' population, unless the text names the country of another reading.
        // Major airports (`curated/places.tsv`) are what their name means too: "Heathrow" is
        // London's airport before Heathrow, Florida. So are the air and military bases that
        // conflict reporting names ("Incirlik", "Hmeimim").
        LANDMARK_FEATURE_CODE
        | AIRPORT_FEATURE_CODE
        | AIRBASE_FEATURE_CODE
        | MILITARY_BASE_FEATURE_CODE => LANDMARK_WEIGHT,
        // So are the venues (`curated/venues.tsv`: "Virginia Tech", "Craven Cottage").
        venue if VENUE_FEATURE_CODES.contains(&venue) => LANDMARK_WEIGHT,
        // Historical, abandoned and destroyed places: only when nothing else matches.
        _ => 0.0,
    }
}

/// How much a town's population says about how often it is the one meant, in `[0, 1]`.
pub(super) fn population_weight(population: u64) -> f32 {
    ((population as f32 + 1.0).log10() / POPULATION_LOG_SCALE).min(1.0)
}

/// The context-free score of a place.
pub(super) fn place_score(place: &Place) -> f32 {
    // A quarter as populous as a city ("Hollywood", 167,000 people) is what its name means
    // as much as a town of that size: it weighs as a town, not as a quarter.
    let code = match place.feature_code {
        "PPLX" if place.population >= CITY_SIZED_QUARTER_POPULATION => "PPL",
        code => code,
    };
    feature_weight(code) + population_weight(u64::from(place.ranking_population()))
}

/// The further penalty of `place`, reached through an alternate name, when `named_town_score`
/// (the best [`place_score`] of the towns that name is the main name of) ranks above it, or
/// when `named_town_known`: a town a reader knows by that name ([`Place::is_known_town`]) is
/// what the name means before any town it is another name of ("Philadelphia" is not Amman,
/// "Victoria" not Hong Kong, "Franklin" not Columbus).
pub(super) fn shared_alternate_penalty(
    place: &Place,
    named_town_score: Option<f32>,
    named_town_known: bool,
) -> f32 {
    if named_town_known || named_town_score.is_some_and(|named| place_score(place) < named) {
        SHARED_ALTERNATE_PENALTY
    } else {
        0.0
    }
}

/// What a country's population adds to its score: see [`COUNTRY_POPULATION_TIE_BREAK`].
pub(super) fn country_tie_break(population: u64) -> f32 {
    COUNTRY_POPULATION_TIE_BREAK * population_weight(population)
}

/// The context-free score of an entry; `place` is the record when the entry is a place.
pub(super) fn static_score(entry: Entry, place: Option<&Place>) -> f32 {
    let base = match entry.kind {
        EntryKind::Place(_) => place.map_or(0.0, place_score),
        EntryKind::Country(_) => COUNTRY_SCORE,
        EntryKind::Region(_) => REGION_SCORE,
        EntryKind::Admin1(_) => ADMIN1_SCORE,
        EntryKind::Demonym(_) => 0.0,
    };
    if entry.alternate {
        base - ALTERNATE_PENALTY
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_outrank_seats_outrank_villages() {
        assert!(feature_weight("PPLC") > feature_weight("PPLA"));
        assert!(feature_weight("PPLA") > feature_weight("PPLA2"));
        assert!(feature_weight("PPLA2") > feature_weight("PPL"));
        assert!(feature_weight("PPL") > feature_weight("PPLX"));
        assert_eq!(feature_weight("PPLQ"), 0.0);
    }

    #[test]
    fn population_weight_is_bounded_and_monotonic() {
        assert_eq!(population_weight(0), 0.0);
        assert!(population_weight(500) < population_weight(50_000));
        assert_eq!(population_weight(40_000_000), 1.0);
    }
}
