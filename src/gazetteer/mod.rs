//! The embedded world gazetteer: GeoNames populated places, US counties, Philippine provinces
//! and British counties, first-level admin regions, continents, named regions and demonyms,
//! with a folded-name index.
//!
//! The tables in `gazetteer/` are compiled into the binary; `build.rs` turns their names into an
//! `fst` map, so loading parses the tables once (well under a second) and every look-up is a
//! walk of the transducer. Look-ups rank candidates by kind, feature class, population and an
//! optional context ("Tripoli, Lebanon"); see [`Gazetteer::lookup`].

mod entry;
mod error;
mod fold;
mod lookup;
mod part;
mod rank;
mod record;
mod tables;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub use entry::{Entry, EntryKind};
pub use error::GazetteerError;
pub use fold::{article_free_fold, code_key, fold, fold_into, is_article, loose_key, loosen};
pub use lookup::{Candidate, Context};
pub use part::Part;
pub use record::{
    AIRBASE_FEATURE_CODE, AIRPORT_FEATURE_CODE, Admin1, COUNTY_FEATURE_CODE, Country, Demonym,
    LANDMARK_FEATURE_CODE, MILITARY_BASE_FEATURE_CODE, NATIONAL_CAPITAL_FEATURE_CODE, Place,
    Region, RegionKind, VENUE_FEATURE_CODES,
};

const PLACES_TSV: &str = include_str!("../../gazetteer/places.tsv");
const COUNTRIES_TSV: &str = include_str!("../../gazetteer/countries.tsv");
const ADMIN1_TSV: &str = include_str!("../../gazetteer/admin1.tsv");
const REGIONS_TSV: &str = include_str!("../../gazetteer/regions.tsv");
const DEMONYMS_TSV: &str = include_str!("../../gazetteer/demonyms.tsv");
const NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
const LOOSE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/loose.fst"));
const POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));

/// GeoNames attribution, which the CC BY 4.0 licence requires wherever the data is shown.
pub const ATTRIBUTION: &str =
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.";

/// The loaded gazetteer. Cheap to share (`Arc`); every look-up takes `&self`.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    countries: Vec<Country>,
    admin1: Vec<Admin1>,
    regions: Vec<Region>,
    demonyms: Vec<Demonym>,
    /// Row of `demonyms` by folded word: every capitalised word of a text is asked whether
    /// it is one, which a few hundred words answer faster than the whole name index.
    demonym_by_fold: FxHashMap<String, usize>,
    names: fst::Map<&'static [u8]>,
    loose_names: fst::Map<&'static [u8]>,
    country_by_iso2: FxHashMap<&'static str, usize>,
    /// Row of `admin1` by (ISO alpha-2 country code, GeoNames admin1 code): a place carries
    /// the two apart, and asking for its region must not build a `CC.XX` string.
    admin1_by_code: FxHashMap<(&'static str, &'static str), usize>,
    /// Per row of `admin1`, its most populous seat (a row of `places`); built on first use.
    admin1_seats: OnceLock<Vec<Option<usize>>>,
    /// The towns of the countries and the parts asked for, for [`Gazetteer::part`].
    towns_by_area: part::TownsByArea,
}

impl Gazetteer {
    /// Parses the tables embedded in the binary.
    ///
    /// # Runtime
    /// Linear in the size of the tables (about 22 MB of text, 235,000 places); the name index
    /// is used in place, not rebuilt.
    pub fn load() -> Result<Gazetteer, GazetteerError> {
        let countries = tables::countries(COUNTRIES_TSV)?;
        let admin1 = tables::admin1(ADMIN1_TSV)?;
        let country_by_iso2 = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso2, i))
            .collect();
        let admin1_by_code = admin1
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.code.split_once('.')?, i)))
            .collect();
        let demonyms = tables::demonyms(DEMONYMS_TSV)?;
        let mut demonym_by_fold = FxHashMap::default();
        for (i, d) in demonyms.iter().enumerate() {
            demonym_by_fold.entry(fold(d.word)).or_insert(i);
        }
        Ok(Gazetteer {
            places: tables::places(PLACES_TSV)?,
            countries,
            admin1,
            regions: tables::regions(REGIONS_TSV)?,
            demonyms,
            demonym_by_fold,
            names: fst::Map::new(NAMES_FST)?,
            loose_names: fst::Map::new(LOOSE_FST)?,
            country_by_iso2,
            admin1_by_code,
            admin1_seats: OnceLock::new(),
            towns_by_area: part::TownsByArea::default(),
        })
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn admin1(&self) -> &[Admin1] {
        &self.admin1
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn demonyms(&self) -> &[Demonym] {
        &self.demonyms
    }

    /// The country with ISO 3166-1 alpha-2 code `iso2`.
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.country_row(iso2).map(|i| &self.countries[i])
    }

    /// The row in [`Gazetteer::countries`] of the country with ISO 3166-1 alpha-2 code `iso2`.
    pub fn country_row(&self, iso2: &str) -> Option<usize> {
        self.country_by_iso2.get(iso2).copied()
    }

    /// The admin region of a place, from its country and admin1 codes.
    pub fn admin1_of(&self, place: &Place) -> Option<&Admin1> {
        let row = self
            .admin1_by_code
            .get(&(place.country_code, place.admin1_code))?;
        Some(&self.admin1[*row])
    }

    /// The row in [`Gazetteer::admin1`] of the admin region with full code `code`
    /// ("US.VA": country ISO 3166-1 alpha-2, a dot, the GeoNames admin1 code).
    pub fn admin1_row(&self, code: &str) -> Option<usize> {
        self.admin1_by_code.get(&code.split_once('.')?).copied()
    }

    /// The row in [`Gazetteer::places`] of the most populous seat ([`Place::is_capital`]) of
    /// the admin region in row `admin1`: "the capital of Borno state" is Maiduguri.
    ///
    /// # Runtime
    /// The first call scans the places once (a few ms); later calls are one look-up.
    pub fn seat_of_admin1(&self, admin1: usize) -> Option<usize> {
        let seats = self.admin1_seats.get_or_init(|| {
            let mut seats: Vec<Option<usize>> = vec![None; self.admin1.len()];
            for (i, place) in self.places.iter().enumerate() {
                if !place.is_capital() {
                    continue;
                }
                let code = format!("{}.{}", place.country_code, place.admin1_code);
                let Some(row) = self.admin1_row(&code) else {
                    continue;
                };
                let more_populous =
                    seats[row].is_none_or(|best| self.places[best].population < place.population);
                if more_populous {
                    seats[row] = Some(i);
                }
            }
            seats
        });
        seats.get(admin1).copied().flatten()
    }

    /// Every index entry stored under an already folded name (see [`fold`]).
    pub fn entries(&self, folded: &str) -> impl Iterator<Item = Entry> + '_ {
        entries_in(&self.names, folded)
    }

    /// Every index entry stored under a loose transliteration key (see [`loose_key`]); all
    /// are marked alternate.
    pub fn loose_entries(&self, key: &str) -> impl Iterator<Item = Entry> + '_ {
        entries_in(&self.loose_names, key)
    }

    /// True when some name's loose key (see [`loose_key`]) starts with `loose_prefix`.
    pub fn has_loose_prefix(&self, loose_prefix: &str) -> bool {
        NameWalk::from_root(&self.loose_names).extend(loose_prefix)
    }

    /// A walk of the folded-name index from its root (see [`NameWalk`]).
    pub fn walk_names(&self) -> NameWalk<'_> {
        NameWalk::from_root(&self.names)
    }
}

/// A walk down the folded-name index, a piece at a time: a mention finder extends a phrase
/// word by word ("al", "al numan") and asks at each word whether any name starts with the
/// phrase and which names it is, at the cost of the bytes each word adds rather than of
/// walking the whole phrase again from the root.
#[derive(Clone)]
pub struct NameWalk<'a> {
    fst: &'a fst::raw::Fst<&'static [u8]>,
    node: fst::raw::Node<'a>,
    /// The output gathered on the path so far; a name's value is this plus its final output.
    output: fst::raw::Output,
}

impl std::fmt::Debug for NameWalk<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameWalk")
            .field("node", &self.node.addr())
            .field("output", &self.output.value())
            .finish()
    }
}

impl<'a> NameWalk<'a> {
    /// A walk of `map` from its root.
    fn from_root(map: &'a fst::Map<&'static [u8]>) -> Self {
        let fst = map.as_fst();
        NameWalk {
            fst,
            node: fst.root(),
            output: fst::raw::Output::zero(),
        }
    }

    /// Walks on by the bytes of `folded_piece`; false (and the walk is spent) when no name
    /// starts with the phrase walked so far. Reaching the end is enough: every state of a
    /// minimal transducer lies on the path of some key.
    pub fn extend(&mut self, folded_piece: &str) -> bool {
        for &b in folded_piece.as_bytes() {
            let Some(i) = self.node.find_input(b) else {
                return false;
            };
            let t = self.node.transition(i);
            self.output = self.output.cat(t.out);
            self.node = self.fst.node(t.addr);
        }
        true
    }

    /// The entries stored under the phrase walked so far (none when it is no whole name).
    pub fn entries(&self) -> impl Iterator<Item = Entry> + 'a {
        let postings = if self.node.is_final() {
            let offset = self.output.cat(self.node.final_output()).value();
            posting_list(offset as usize)
        } else {
            &[]
        };
        decode(postings)
    }
}

/// The decoded entries that `map` stores under `key`.
fn entries_in<'a>(map: &fst::Map<&'static [u8]>, key: &str) -> impl Iterator<Item = Entry> + 'a {
    let postings = map
        .get(key)
        .map(|offset| posting_list(offset as usize))
        .unwrap_or_default();
    decode(postings)
}

/// The entries of a posting list's raw bytes.
fn decode(postings: &'static [u8]) -> impl Iterator<Item = Entry> + 'static {
    postings
        .chunks_exact(4)
        .filter_map(|b| Entry::unpack(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

/// The entries of the posting list at `offset` (in `u32` words), as raw bytes.
fn posting_list(offset: usize) -> &'static [u8] {
    let start = offset * 4;
    let count = POSTINGS
        .get(start..start + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    POSTINGS
        .get(start + 4..start + 4 + count * 4)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_walk_finds_what_a_lookup_of_the_whole_phrase_finds() {
        let gazetteer = Gazetteer::load().unwrap();
        let mut walk = gazetteer.walk_names();
        // Word by word, as the mention finder extends "New York".
        assert!(walk.extend("new"));
        assert!(walk.extend("york"));
        let walked: Vec<Entry> = walk.entries().collect();
        let looked_up: Vec<Entry> = gazetteer.entries("newyork").collect();
        assert!(!walked.is_empty());
        assert_eq!(walked, looked_up);
        // No name starts with "newyorkq": the walk says so at once.
        assert!(!walk.clone().extend("q"));
        // Part of a name is a prefix but holds no entries.
        let mut part = gazetteer.walk_names();
        assert!(part.extend("dushanb"));
        assert_eq!(part.entries().count(), 0);
    }
}
