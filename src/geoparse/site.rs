//! Sites inside towns: a street, a building or an estate that a text names ("Royal Street",
//! "Altnagelvin Hospital", "Makeen Market Complex") and no gazetteer holds.
//!
//! Local news names its sites and its town apart ("police closed Royal Street … New Orleans
//! officials said"), so such a site is read as lying in the document's town: the town named
//! right after it ("the Bambino Gesu Hospital in Rome"), else the town the text names most
//! often, the more populous one on a tie. A marked span guessed as a small place, through a
//! name inside it ("Hey" in "Alder Hey Children's Hospital", "Hatch" in "Brands Hatch") or a
//! loose spelling ("Harwinton" as Harrington), is read so too,
//! and so is a site whose whole name is a small place's far from the text's towns
//! ("Washington Square" in a New Orleans story). That is a guess, and the
//! uncertainty says so: the town's own radius plus the distance (km) to the farthest other
//! town the text names, since the site may lie in any of them. Precision is `near`: somewhere
//! around the town, not at its point.

use std::collections::HashMap;

use crate::gazetteer::{EntryKind, Gazetteer};
use crate::location::{Location, Precision};

use super::lexicon;
use super::score::distance_km;
use super::tokens::{Token, TokenKind};

/// True when the words of a span end with a site noun ("Royal Street", "14th St.", "the
/// Jamaica Cancer Society's Hospital"), after trailing punctuation and a possessive.
pub fn names_site(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .find(|t| !t.is_word("s"))
        .is_some_and(|t| lexicon::is_site_word(t.text))
}

/// The location of a site named `phrase` in a document whose resolved towns are `towns`
/// (indices into [`Gazetteer::places`], one per mention, counties and landmarks left out):
/// the town `named_after` the site ("X Hospital in Rome") when there is one, else the one the
/// document names most; `None` when the document names no town.
///
/// # Runtime
/// Linear in the number of town mentions.
pub fn site_location(
    gazetteer: &Gazetteer,
    phrase: &str,
    towns: &[usize],
    named_after: Option<usize>,
) -> Option<Location> {
    let places = gazetteer.places();
    let mut mentions: HashMap<usize, usize> = HashMap::new();
    for &i in towns {
        *mentions.entry(i).or_default() += 1;
    }
    let most_named = mentions
        .iter()
        .max_by_key(|&(&i, &n)| (n, places[i].population, i))
        .map(|(&i, _)| i);
    let town = named_after.or(most_named)?;
    let at = &places[town];
    let farthest_km = towns
        .iter()
        .map(|&i| distance_km(at.lat, at.lon, places[i].lat, places[i].lon))
        .fold(0.0, f64::max);
    let location = gazetteer.location(phrase, EntryKind::Place(town))?;
    Some(Location {
        precision: Precision::Near,
        uncertainty_km: location.uncertainty_km + farthest_km,
        ..location
    })
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
        ] {
            assert!(names_site(&tokenize(phrase)), "{phrase}");
        }
        for phrase in [
            "Bywater",
            "Street Fighter",
            "Soufan Group",
            "Justice Ministry",
            "",
        ] {
            assert!(!names_site(&tokenize(phrase)), "{phrase}");
        }
    }

    fn town(gazetteer: &Gazetteer, name: &str, country: &str) -> usize {
        gazetteer
            .places()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name == name && p.country_code == country)
            .max_by_key(|(_, p)| p.population)
            .map(|(i, _)| i)
            .unwrap()
    }

    #[test]
    fn a_site_lies_in_the_town_named_most_with_the_spread_of_the_others() {
        let gazetteer = Gazetteer::load().unwrap();
        let belfast = town(&gazetteer, "Belfast", "GB");
        let derry = town(&gazetteer, "Derry", "GB");
        let alone = site_location(&gazetteer, "Altnagelvin Hospital", &[derry], None).unwrap();
        assert_eq!(alone.anchor.name, "Derry");
        assert_eq!(alone.precision, Precision::Near);
        assert_eq!(alone.uncertainty_km, gazetteer.places()[derry].radius_km());

        let towns = [belfast, derry, derry];
        let both = site_location(&gazetteer, "Altnagelvin Hospital", &towns, None).unwrap();
        assert_eq!(both.anchor.name, "Derry");
        let apart_km = distance_km(both.lat, both.lon, 54.597, -5.930);
        assert!(
            both.uncertainty_km > apart_km,
            "{} km does not reach Belfast, {apart_km:.0} km away",
            both.uncertainty_km
        );
        assert!(site_location(&gazetteer, "Royal Street", &[], None).is_none());
        let named = site_location(&gazetteer, "City Hospital", &towns, Some(belfast)).unwrap();
        assert_eq!(named.anchor.name, "Belfast");
    }
}
