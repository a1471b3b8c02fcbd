//! Deterministic synthetic incidents for benches and load tests: N incidents clustered around
//! the gazetteer's populated places (weighted by population), with the contract's categories,
//! dates spread over ten years, and plausible titles and summaries.
//!
//! The same seed gives the same incidents on every machine and every run (ChaCha8, whose output
//! is fixed by its specification), so a benchmark figure can be reproduced. Points are WGS84
//! degrees, scattered a few km (great-circle, on the contract's sphere) from their place.
//!
//! # Runtime
//! Set-up builds a cumulative population table over the places (O(places)); each incident then
//! costs one binary search and a few random draws, about a microsecond.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use geo::{Destination, HaversineMeasure};
use rand::distr::weighted::{Error as WeightError, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::gazetteer::{Gazetteer, Place};
use crate::incident::{Category, Incident, LonLat, MAX_LAT};
use crate::index::EARTH_RADIUS_KM;
use crate::location::Precision;

/// First day incidents may fall on.
const FIRST_DAY: (i32, u32, u32) = (2015, 1, 1);
/// Number of days covered: ten years (2015–2024, two leap days).
const DAYS_COVERED: u64 = 3653;
/// Mean scatter of an incident from its place, km (exponential distribution).
const MEAN_SCATTER_KM: f64 = 4.0;
/// Hour (UTC) of the synthetic `created_at`, the day after the incident.
const CREATED_HOUR: u32 = 12;
/// Categories and their relative frequencies, roughly as in conflict-event datasets.
const CATEGORY_WEIGHTS: [(Category, u32); 7] = [
    (Category::Protest, 30),
    (Category::Clash, 20),
    (Category::Attack, 15),
    (Category::Arrest, 12),
    (Category::Riot, 10),
    (Category::Bombing, 8),
    (Category::Other, 5),
];
/// Chance that a violent incident reports a death toll.
const FATALITY_REPORT_CHANCE: f64 = 0.6;
/// Largest synthetic death toll.
const MAX_FATALITIES: u32 = 60;

/// Why a generator could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("the gazetteer has no populated place to cluster incidents around: {0}")]
    NoPlaces(#[from] WeightError),
}

/// An endless, seeded stream of synthetic incidents.
#[derive(Debug)]
pub struct Generator<'g> {
    places: &'g [Place],
    by_population: WeightedIndex<u64>,
    by_category: WeightedIndex<u32>,
    rng: ChaCha8Rng,
    seed: u64,
    next: u64,
}

impl<'g> Generator<'g> {
    /// A generator over the gazetteer's places, seeded with `seed`.
    pub fn new(gazetteer: &'g Gazetteer, seed: u64) -> Result<Self, SyntheticError> {
        let places = gazetteer.places();
        // Every place counts a little, so villages see the odd incident too.
        let by_population = WeightedIndex::new(places.iter().map(|p| u64::from(p.population) + 1))?;
        let by_category = WeightedIndex::new(CATEGORY_WEIGHTS.iter().map(|(_, w)| *w))?;
        Ok(Generator {
            places,
            by_population,
            by_category,
            rng: ChaCha8Rng::seed_from_u64(seed),
            seed,
            next: 0,
        })
    }

    /// The next incident.
    pub fn incident(&mut self) -> Incident {
        let n = self.next;
        self.next += 1;
        let place = &self.places[self.rng.sample(&self.by_population)];
        let category = CATEGORY_WEIGHTS[self.rng.sample(&self.by_category)].0;
        let scatter_km = -MEAN_SCATTER_KM * (1.0 - self.rng.random::<f64>()).ln();
        let bearing_deg = self.rng.random_range(0.0..360.0);
        let point = scatter(place, bearing_deg, scatter_km);
        let first = NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2)
            .expect("the first day is a valid date");
        let occurred_on = first + Days::new(self.rng.random_range(0..DAYS_COVERED));
        let fatalities = self.fatalities(category);
        let created_at = DateTime::<Utc>::from_naive_utc_and_offset(
            (occurred_on + Days::new(1)).and_time(
                NaiveTime::from_hms_opt(CREATED_HOUR, 0, 0).expect("a valid time of day"),
            ),
            Utc,
        );
        Incident {
            id: format!("syn-{:x}-{n:08}", self.seed),
            title: format!("{} in {}", headline(category), place.name),
            category,
            occurred_on,
            fatalities,
            point,
            uncertainty_km: Some((scatter_km * 2.0).ceil().max(1.0)),
            precision: Some(Precision::Near),
            location_text: Some(format!("near {}, {}", place.name, place.country_code)),
            source_url: Some(format!("https://example.org/synthetic/{n}")),
            summary: Some(summary(category, place, fatalities)),
            created_at,
            reporting: Default::default(),
        }
    }

    fn fatalities(&mut self, category: Category) -> Option<u32> {
        let violent = matches!(
            category,
            Category::Attack | Category::Bombing | Category::Clash | Category::Riot
        );
        if !violent || !self.rng.random_bool(FATALITY_REPORT_CHANCE) {
            return None;
        }
        // Most tolls are small; a few are large (squared uniform).
        let u: f64 = self.rng.random();
        Some((u * u * f64::from(MAX_FATALITIES)) as u32)
    }
}

impl Iterator for Generator<'_> {
    type Item = Incident;

    fn next(&mut self) -> Option<Incident> {
        Some(self.incident())
    }
}

/// The point `distance_km` from the place along `bearing_deg` (great circle), lon/lat degrees.
fn scatter(place: &Place, bearing_deg: f64, distance_km: f64) -> LonLat {
    let sphere = HaversineMeasure::new(EARTH_RADIUS_KM);
    let to = sphere.destination(
        geo::Point::new(place.lon, place.lat),
        bearing_deg,
        distance_km,
    );
    // Longitudes come back in -180..180; clamp only guards rounding at the poles.
    let lon = if to.x() > 180.0 {
        to.x() - 360.0
    } else {
        to.x()
    };
    LonLat::new(lon.max(-180.0), to.y().clamp(-MAX_LAT, MAX_LAT))
        .unwrap_or_else(|_| LonLat::new(place.lon, place.lat).expect("gazetteer points are valid"))
}

fn headline(category: Category) -> &'static str {
    match category {
        Category::Attack => "Armed attack",
        Category::Bombing => "Bomb blast",
        Category::Riot => "Riot",
        Category::Clash => "Clashes",
        Category::Protest => "Protest",
        Category::Arrest => "Arrests",
        Category::Other => "Unrest",
    }
}

fn summary(category: Category, place: &Place, fatalities: Option<u32>) -> String {
    let toll = match fatalities {
        Some(0) => "No deaths were reported.".to_owned(),
        Some(n) => format!("At least {n} people were killed."),
        None => "There was no word on casualties.".to_owned(),
    };
    format!(
        "{} was reported near {} ({}), according to local media. {toll}",
        headline(category),
        place.name,
        place.country_code
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_incidents() {
        let gazetteer = Gazetteer::load().unwrap();
        let a: Vec<Incident> = Generator::new(&gazetteer, 7).unwrap().take(50).collect();
        let b: Vec<Incident> = Generator::new(&gazetteer, 7).unwrap().take(50).collect();
        let c: Vec<Incident> = Generator::new(&gazetteer, 8).unwrap().take(50).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn incidents_are_valid_and_varied() {
        let gazetteer = Gazetteer::load().unwrap();
        let all: Vec<Incident> = Generator::new(&gazetteer, 1).unwrap().take(2000).collect();
        let categories: std::collections::HashSet<_> = all.iter().map(|i| i.category).collect();
        assert_eq!(categories.len(), Category::ALL.len());
        let last = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        assert!(all.iter().all(|i| i.occurred_on <= last));
        let ids: std::collections::HashSet<_> = all.iter().map(|i| &i.id).collect();
        assert_eq!(ids.len(), all.len());
    }
}
