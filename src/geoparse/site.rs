//! Sites inside towns: a street, a building or an estate that a text names ("Royal Street",
//! "Altnagelvin Hospital", "Makeen Market Complex") and no gazetteer holds.
//!
//! Local news names its sites and its town apart ("police closed Royal Street … New Orleans
//! officials said"), so such a site is read as lying in the document's town: the town or admin area
//! named right after it ("the Bambino Gesu Hospital in Rome"), else the town at the heart of the
//! text's places (see [`DocumentTowns::new`]), or in a text that names no town or county, the admin
//! region it names most ([`DocumentTowns::of_regions`]). So is a road named by its number ("A417").
//! A marked span guessed as a small place, through a name inside it ("Hey" in "Alder Hey Children's
//! Hospital", "Hatch" in "Brands Hatch") or a loose spelling ("Harwinton" as Harrington), is read
//! so too, and so is a site whose whole name is a small place's far from the text's towns
//! ("Washington Square" in a New Orleans story), and so is any marked name the gazetteer lacks
//! altogether ("Selhurst Park", a stadium the gazetteer lacks: [`span`](super::span)). That is a
//! guess, and the uncertainty says so: the town's own radius plus the distance (km) to the farthest
//! other town the text names, since the site may lie in any of them. Precision is `near`: somewhere
//! around the town, not at its point.

use std::collections::HashMap;

use crate::gazetteer::{EntryKind, Gazetteer};
use crate::location::{Location, Precision};

use super::lexicon;
use super::resolve::ADJACENT_KM;
use super::score::distance_km;
use super::tokens::{Token, TokenKind};

/// Most capital letters before the number of a road ("A" in A417, "NH" in NH44).
const MAX_ROAD_CODE_LETTERS: usize = 2;
/// Most digits of a road number.
const MAX_ROAD_NUMBER_DIGITS: usize = 4;

/// True when the words of a span end with a site noun ("Royal Street", "14th St.", "the
/// Jamaica Cancer Society's Hospital"), after trailing punctuation and a possessive, begin
/// with one before "of" ("the University of California"), or name a road by its number
/// ("A417", "I-95", "Route 66").
pub fn names_site(tokens: &[Token]) -> bool {
    // "the University of California", "the Embassy of Armenia": a site noun before "of".
    let site_of = |t: &[Token]| {
        matches!(t, [noun, of, ..]
            if lexicon::is_site_word(noun.text) && of.is_word("of"))
    };
    let words = match tokens {
        [the, rest @ ..] if the.is_word("the") => rest,
        _ => tokens,
    };
    names_road(tokens)
        || last_noun(tokens).is_some_and(|t| lexicon::is_site_word(t.text))
        || site_of(words)
}

/// True when the words of a span end with a street noun ("Northumberland Avenue", "333
/// Victoria St.").
pub fn names_street(tokens: &[Token]) -> bool {
    last_noun(tokens).is_some_and(|t| lexicon::is_street_word(t.text))
}

/// Plural street nouns, which close a pair of street names ("Lakeview and Harrison streets").
const PLURAL_STREET_WORDS: [&str; 6] = [
    "streets",
    "avenues",
    "roads",
    "boulevards",
    "drives",
    "lanes",
];
/// Most capitalised words of the other street name of a pair ("North Druid Hills").
const MAX_STREET_NAME_WORDS: usize = 3;

/// True when the name at tokens `first..end` is one of two streets named before a plural
/// street noun: right before it ("Lakeview and [Harrison] streets"), or before "and" (or
/// "&"), the other name and the noun ("[Clairmont] and North Druid Hills roads").
pub fn names_street_of_pair(tokens: &[Token], end: usize) -> bool {
    let plural_street = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| PLURAL_STREET_WORDS.iter().any(|w| t.is_word(w)))
    };
    if plural_street(end) {
        return true;
    }
    let joined = tokens
        .get(end)
        .is_some_and(|t| t.is_word("and") || t.is_punct('&'));
    joined
        && (end + 1..)
            .take(MAX_STREET_NAME_WORDS)
            .take_while(|&i| tokens.get(i).is_some_and(Token::is_capitalised))
            .any(|i| plural_street(i + 1))
}

/// The last word of a span, after trailing punctuation and a possessive.
fn last_noun<'a, 't>(tokens: &'a [Token<'t>]) -> Option<&'a Token<'t>> {
    tokens
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .find(|t| !t.is_word("s"))
}

/// True for a road number: a code of capitals glued to its number ("A417", "M4", "NH44"), or
/// joined by a hyphen ("I-95"), or a road word and a number ("Highway 19", "Interstate 40").
fn names_road(tokens: &[Token]) -> bool {
    let is_number =
        |t: &Token| t.kind == TokenKind::Number && t.text.len() <= MAX_ROAD_NUMBER_DIGITS;
    let is_code = |code: &str| {
        (1..=MAX_ROAD_CODE_LETTERS).contains(&code.len())
            && code.chars().all(|c| c.is_ascii_uppercase())
    };
    match tokens {
        [glued] if glued.kind == TokenKind::Word => {
            let digits = glued
                .text
                .trim_start_matches(|c: char| c.is_ascii_uppercase());
            let code = &glued.text[..glued.text.len() - digits.len()];
            is_code(code)
                && (1..=MAX_ROAD_NUMBER_DIGITS).contains(&digits.len())
                && digits.chars().all(|c| c.is_ascii_digit())
        }
        [code, hyphen, number] => {
            is_code(code.text) && hyphen.is_punct('-') && !number.space_before && is_number(number)
        }
        [road, number] => lexicon::is_road_word(road.text) && is_number(number),
        _ => false,
    }
}

/// How many of a text's most named towns may be its heart (see [`DocumentTowns::new`]): enough
/// for any article, and a megabyte of capitals costs no more than sorting its towns.
const HEART_CANDIDATES: usize = 8;

/// The towns a document names, where a site of the text may lie: one entry per mention
/// (indices into [`Gazetteer::places`], landmarks left out; counties only in a text that
/// names no town).
pub struct DocumentTowns {
    /// The town at the heart of the text (see [`DocumentTowns::new`]), or the admin region of
    /// a text that names no town or county (see [`DocumentTowns::of_regions`]).
    heart: Option<EntryKind>,
    /// Distance (km) from the heart to the farthest town the text names.
    spread_km: f64,
}

impl DocumentTowns {
    /// The heart of the text is the town with the most mentions of towns within
    /// [`ADJACENT_KM`] of it, its own included; then the one named most, then the more
    /// populous. A story of Gainesville, Centreville and Vienna, Virginia that once compares
    /// the houses with Charleston's lies in northern Virginia, not in West Virginia.
    ///
    /// A wire dateline's town (`dateline`, "CAIRO -") is the heart whatever else the text
    /// names: the story was filed there, and the local names it gives lie there even when
    /// another town is named more often (Liverpool's academy in a Cairo suburb).
    ///
    /// # Runtime
    /// O(n log n) in the number of town mentions.
    pub fn new(gazetteer: &Gazetteer, mentions: &[usize], dateline: Option<usize>) -> Self {
        let places = gazetteer.places();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &i in mentions {
            *counts.entry(i).or_default() += 1;
        }
        let mut named: Vec<(usize, usize)> = counts.into_iter().collect();
        named.sort_unstable_by_key(|&(i, n)| std::cmp::Reverse((n, places[i].population, i)));
        let near_mentions = |i: usize| {
            let p = &places[i];
            named
                .iter()
                .filter(|&&(j, _)| {
                    let q = &places[j];
                    distance_km(p.lat, p.lon, q.lat, q.lon) <= ADJACENT_KM
                })
                .map(|&(_, n)| n)
                .sum::<usize>()
        };
        let heart = dateline.or_else(|| {
            named
                .iter()
                .take(HEART_CANDIDATES)
                .map(|&(i, n)| ((near_mentions(i), n, places[i].population, i), i))
                .max_by_key(|&(key, _)| key)
                .map(|(_, i)| i)
        });
        let spread_km = heart.map_or(0.0, |h| {
            let at = &places[h];
            named
                .iter()
                .map(|&(i, _)| distance_km(at.lat, at.lon, places[i].lat, places[i].lon))
                .fold(0.0, f64::max)
        });
        Self {
            heart: heart.map(EntryKind::Place),
            spread_km,
        }
    }

    /// The heart of a text that names no town and no county, only admin regions (`mentions`,
    /// indices into [`Gazetteer::admin1`], once per mention, in text order): the region named
    /// most, the first named of those. Its local names ("the Bafokeng community" in a story of
    /// South Africa's North West and Limpopo provinces) lie in it, with its extent as their
    /// uncertainty.
    ///
    /// # Runtime
    /// O(n²) in the number of region mentions, a handful in any text.
    pub fn of_regions(mentions: &[usize]) -> Self {
        let times = |a: usize| mentions.iter().filter(|&&b| b == a).count();
        // `max_by_key` keeps the last of equals: the first named comes last in reverse.
        let heart = mentions.iter().rev().copied().max_by_key(|&a| times(a));
        Self {
            heart: heart.map(EntryKind::Admin1),
            spread_km: 0.0,
        }
    }

    /// The location of a site named `phrase`: in the town or admin area `named_after` it ("X
    /// Hospital in Rome", "the Palais des Nations in Geneva") when there is one, with that
    /// place's own uncertainty; else in the heart of the text, with the distance (km) to the
    /// farthest other town the text names added, since the site may lie in any of them.
    /// `None` when the document names no town and the site names none.
    pub fn site_location(
        &self,
        gazetteer: &Gazetteer,
        phrase: &str,
        named_after: Option<EntryKind>,
    ) -> Option<Location> {
        // A site named after a place has that place's own uncertainty; one at the heart may
        // lie anywhere among the text's towns.
        let (kind, spread_km) = match named_after {
            Some(kind) => (kind, 0.0),
            None => (self.heart?, self.spread_km),
        };
        let location = gazetteer.location(phrase, kind)?;
        // An area (a county or region at the heart of a text that names no town, or named
        // after the site) keeps its own precision.
        let precision = match location.precision {
            Precision::Exact => Precision::Near,
            area => area,
        };
        Some(Location {
            precision,
            uncertainty_km: location.uncertainty_km + spread_km,
            ..location
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    #[test]
    fn a_site_ends_with_its_noun() {
        for phrase in [
            "Royal Street",
            "14th St.",
            "Altnagelvin Hospital",
            "Makeen Market Complex",
            "St. Mary's Cathedral",
            "the Central Prison's",
            "A417",
            "M4",
            "I-95",
            "Highway 19",
            "Route 66",
        ] {
            assert!(names_site(&tokenize(phrase)), "{phrase}");
        }
        for phrase in [
            "Bywater",
            "Street Fighter",
            "Soufan Group",
            "Justice Ministry",
            "",
            "A",
            "ABC123",
            "A41700",
            "COVID-19",
            "Highway",
        ] {
            assert!(!names_site(&tokenize(phrase)), "{phrase}");
        }
    }

    fn town(gazetteer: &Gazetteer, name: &str, country: &str) -> usize {
        town_in(gazetteer, name, country, None)
    }

    /// The most populous town of that name in the country, and in the admin region if given.
    fn town_in(gazetteer: &Gazetteer, name: &str, country: &str, admin1: Option<&str>) -> usize {
        gazetteer
            .places()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name == name && p.country_code == country)
            .filter(|(_, p)| admin1.is_none_or(|a| p.admin1_code == a))
            .max_by_key(|(_, p)| p.population)
            .map(|(i, _)| i)
            .unwrap()
    }

    #[test]
    fn a_site_lies_in_the_town_named_most_with_the_spread_of_the_others() {
        let gazetteer = Gazetteer::load().unwrap();
        let belfast = town(&gazetteer, "Belfast", "GB");
        let derry = town(&gazetteer, "Derry", "GB");
        let alone = DocumentTowns::new(&gazetteer, &[derry], None)
            .site_location(&gazetteer, "Altnagelvin Hospital", None)
            .unwrap();
        assert_eq!(alone.anchor.name, "Derry");
        assert_eq!(alone.precision, Precision::Near);
        assert_eq!(alone.uncertainty_km, gazetteer.places()[derry].radius_km());

        let both = DocumentTowns::new(&gazetteer, &[belfast, derry, derry], None);
        let site = both
            .site_location(&gazetteer, "Altnagelvin Hospital", None)
            .unwrap();
        assert_eq!(site.anchor.name, "Derry");
        let apart_km = distance_km(site.lat, site.lon, 54.597, -5.930);
        assert!(
            site.uncertainty_km > apart_km,
            "{} km does not reach Belfast, {apart_km:.0} km away",
            site.uncertainty_km
        );
        let none = DocumentTowns::new(&gazetteer, &[], None);
        assert!(
            none.site_location(&gazetteer, "Royal Street", None)
                .is_none()
        );
    }

    #[test]
    fn a_site_lies_in_the_datelines_town_however_often_another_is_named() {
        let gazetteer = Gazetteer::load().unwrap();
        let belfast = town(&gazetteer, "Belfast", "GB");
        let derry = town(&gazetteer, "Derry", "GB");
        let mentions = [belfast, derry, derry, derry];
        let datelined = DocumentTowns::new(&gazetteer, &mentions, Some(belfast))
            .site_location(&gazetteer, "Royal Victoria Hospital", None)
            .unwrap();
        assert_eq!(datelined.anchor.name, "Belfast");
        let undated = DocumentTowns::new(&gazetteer, &mentions, None)
            .site_location(&gazetteer, "Royal Victoria Hospital", None)
            .unwrap();
        assert_eq!(undated.anchor.name, "Derry");
    }

    #[test]
    fn a_site_lies_where_the_texts_towns_gather_not_in_a_larger_town_named_as_often() {
        let gazetteer = Gazetteer::load().unwrap();
        let charleston = town_in(&gazetteer, "Charleston", "US", Some("WV"));
        let virginia = |name| town_in(&gazetteer, name, "US", Some("VA"));
        let towns = [
            charleston,
            virginia("Manassas"),
            virginia("Gainesville"),
            virginia("Vienna"),
        ];
        let places = gazetteer.places();
        assert!(
            towns[1..]
                .iter()
                .all(|&t| places[t].population < places[charleston].population)
        );
        let site = DocumentTowns::new(&gazetteer, &towns, None)
            .site_location(&gazetteer, "Haymarket Village Center", None)
            .unwrap();
        assert_ne!(site.anchor.name, "Charleston");
        assert!(
            distance_km(site.lat, site.lon, 38.8, -77.5) < 50.0,
            "{site:?}"
        );
    }

    #[test]
    fn a_site_named_with_its_town_or_region_lies_there_with_its_uncertainty() {
        let gazetteer = Gazetteer::load().unwrap();
        let belfast = town(&gazetteer, "Belfast", "GB");
        let derry = town(&gazetteer, "Derry", "GB");
        let towns = DocumentTowns::new(&gazetteer, &[derry, derry, belfast], None);
        let named = towns
            .site_location(&gazetteer, "City Hospital", Some(EntryKind::Place(belfast)))
            .unwrap();
        assert_eq!(named.anchor.name, "Belfast");
        assert_eq!(named.precision, Precision::Near);
        assert_eq!(
            named.uncertainty_km,
            gazetteer.places()[belfast].radius_km()
        );
    }
}
