//! Resolving one location description, as `geocode` receives it: a place name with optional
//! context ("Tripoli, Lebanon"), or a relative phrase ("70 km south-east of Dushanbe",
//! "Kabul's western outskirts").

use geo::Point;

use crate::gazetteer::{Gazetteer, fold};
use crate::location::{Location, Precision};

use super::GeoparseError;
use super::document::{Mention, geoparse};
use super::halfway::{halfway_names, midway_location};
use super::number::Distance;
use super::relative::{Relation, outskirts_after, relation_before};
use super::road::{is_road_noun, road_direction, road_split};
use super::tokens::{Token, possessive_at, tokenize};
use super::uncertainty::{apply, apply_to_reading};

/// Resolves one description to its best *Location*; `Ok(None)` when no place matches.
///
/// A leading relative phrase is read with the geoparser's recogniser and the rest is looked
/// up as a place name (so case does not matter: "70 km SE of dushanbe" works); anything
/// else goes to [`Gazetteer::geocode`].
pub fn resolve(gazetteer: &Gazetteer, text: &str) -> Result<Option<Location>, GeoparseError> {
    let query = text.trim();
    // The plain look-up first: it also rejects queries no description looks like.
    let direct = gazetteer.geocode(query)?;
    // A whole name beats a relation read into its first word: "South Sudan", "North Kivu"
    // and "West Bank" are places, not parts of Sudan, Kyiv (by spelling) or a village Bank.
    let name = query.split(',').next().unwrap_or_default();
    if gazetteer.entries(&fold(name)).next().is_some() {
        return Ok(direct);
    }
    if let Some(midway) = resolve_halfway(gazetteer, query)? {
        return Ok(Some(midway));
    }
    let tokens = tokenize(query);
    let relative = resolve_relative(gazetteer, query, &tokens)?.or(direct);
    if relative.is_some() {
        return Ok(relative);
    }
    if let Some(along) = resolve_named_road(gazetteer, query, &tokens)? {
        return Ok(Some(along));
    }
    resolve_possessed(gazetteer, query, &tokens)
}

/// The location of the geoparser's `mention` in the description, as the answer to `query`.
fn answer(query: &str, mention: Mention) -> Location {
    Location {
        query: query.to_owned(),
        ..mention.location
    }
}

/// The description read as a distance from one end of a road it names ("20 km from Maiduguri
/// on the Maiduguri-Damboa road", "on the road between Djibo and Ouahigouya, 30 km from
/// Djibo"), as the geoparser reads it in text: its offset mention.
fn resolve_named_road(
    gazetteer: &Gazetteer,
    query: &str,
    tokens: &[Token],
) -> Result<Option<Location>, GeoparseError> {
    if !tokens.iter().any(is_road_noun) {
        return Ok(None);
    }
    let along = geoparse(gazetteer, query)?
        .into_iter()
        .find(|m| m.location.precision == Precision::Offset);
    Ok(along.map(|m| answer(query, m)))
}

/// The description read as "<place>'s <place>" ("Donetsk's Bakhmut", "Kherson's Dniprovskyi
/// district", "Nairobi's Kibera slum"), as the geoparser reads it in text: the second place,
/// read where the first holds it, when the geoparser's last mention ends the description but
/// for lower-case words ("slum", "township").
fn resolve_possessed(
    gazetteer: &Gazetteer,
    query: &str,
    tokens: &[Token],
) -> Result<Option<Location>, GeoparseError> {
    if !(0..tokens.len()).any(|i| possessive_at(tokens, i)) {
        return Ok(None);
    }
    let last = geoparse(gazetteer, query)?.pop().filter(|m| {
        query[m.end..]
            .split_whitespace()
            .all(|w| w.chars().all(char::is_lowercase))
    });
    Ok(last.map(|m| answer(query, m)))
}

/// The description read as "halfway between <place> and <place>", if it is one.
fn resolve_halfway(gazetteer: &Gazetteer, query: &str) -> Result<Option<Location>, GeoparseError> {
    for (from, to) in halfway_names(query) {
        if let (Some(a), Some(b)) = (gazetteer.geocode(from)?, gazetteer.geocode(to)?) {
            return Ok(Some(midway_location(query, &a, &b)));
        }
    }
    Ok(None)
}

/// The description read as "<relation> <place>" or "<place>'s outskirts", if it is one.
fn resolve_relative(
    gazetteer: &Gazetteer,
    query: &str,
    tokens: &[Token],
) -> Result<Option<Location>, GeoparseError> {
    for split in 1..tokens.len() {
        if outskirts_after(tokens, split) == Some(tokens.len()) {
            let place = &query[..tokens[split - 1].end];
            // Only a town has outskirts.
            if let Some(anchor) = gazetteer
                .geocode(place)?
                .filter(|l| l.precision == Precision::Exact)
            {
                return Ok(Some(apply(&Relation::Outskirts, anchor, query)));
            }
        }
        let Some(phrase) = relation_before(tokens, split).filter(|p| p.start == 0) else {
            continue;
        };
        if let Relation::Away { distance } = phrase.relation
            && let Some(location) = resolve_road(gazetteer, query, tokens, split, distance)?
        {
            return Ok(Some(location));
        }
        let place = &query[tokens[split].start..];
        if let Some((kind, anchor)) = gazetteer.geocode_reading(place)? {
            return Ok(Some(apply_to_reading(
                gazetteer,
                &phrase.relation,
                kind,
                anchor,
                query,
            )));
        }
    }
    Ok(None)
}

/// The description read as "<distance> from <town> on the road to <town>" (see
/// [`road`](super::road)), the distance phrase ending before token `split`.
fn resolve_road(
    gazetteer: &Gazetteer,
    query: &str,
    tokens: &[Token],
    split: usize,
    distance: Distance,
) -> Result<Option<Location>, GeoparseError> {
    let Some((words, second)) = road_split(tokens, split) else {
        return Ok(None);
    };
    let town = |text: &str| -> Result<Option<Location>, GeoparseError> {
        Ok(gazetteer
            .geocode(text)?
            .filter(|l| l.precision == Precision::Exact))
    };
    let first = &query[tokens[split].start..tokens[words - 1].end];
    let Some(from) = town(first)? else {
        return Ok(None);
    };
    // Towards a place that is no town ("on the road to Niger"): the distance alone.
    let point = |l: &Location| Point::new(l.lon, l.lat);
    let direction = town(&query[tokens[second].start..])?
        .and_then(|to| road_direction(point(&from), point(&to)));
    let relation = match direction {
        Some(direction) => Relation::Offset {
            distance,
            direction,
        },
        None => Relation::Away { distance },
    };
    Ok(Some(apply(&relation, from, query)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(query: &str) -> Option<(String, &'static str)> {
        let gazetteer = Gazetteer::load().unwrap();
        resolve(&gazetteer, query)
            .unwrap()
            .map(|l| (l.anchor.name, l.precision.as_str()))
    }

    #[test]
    fn reads_a_town_s_outskirts_in_the_possessive() {
        assert_eq!(
            anchor("Kabul's western outskirts"),
            Some(("Kabul".into(), "near"))
        );
        assert_eq!(anchor("Georgia's suburbs"), None);
    }

    #[test]
    fn reads_a_place_in_the_possessive_of_another_as_the_geoparser_does() {
        assert_eq!(
            anchor("Donetsk's Bakhmut"),
            Some(("Bakhmut".into(), "exact"))
        );
        // The district the gazetteer knows is Kyiv's: Kherson stands for it.
        assert_eq!(
            anchor("Kherson's Dniprovskyi district"),
            Some(("Kherson".into(), "exact"))
        );
        assert_eq!(
            anchor("Nairobi's Kibera slum"),
            Some(("Kibera".into(), "exact"))
        );
        // Only when the possessed name is a place that ends the description.
        assert_eq!(anchor("Kabul's Xyzzyqqq"), None);
        assert_eq!(anchor("Smith's home"), None);
    }

    #[test]
    fn reads_a_distance_along_a_named_road_as_the_geoparser_does() {
        let gazetteer = Gazetteer::load().unwrap();
        for query in [
            "20 km from Maiduguri on the Maiduguri-Damboa road",
            "on the road between Maiduguri and Damboa, 20 km from Maiduguri",
        ] {
            let location = resolve(&gazetteer, query).unwrap().unwrap();
            assert_eq!(location.precision, Precision::Offset, "{query}");
            assert_eq!(location.query, query);
            assert_eq!(location.anchor.name, "Maiduguri");
            let offset = location.offset.unwrap();
            assert_eq!(offset.distance_km, 20.0);
            // Damboa lies south-south-west of Maiduguri.
            assert!((190.0..=230.0).contains(&offset.bearing_deg.unwrap()));
        }
    }

    #[test]
    fn a_whole_name_beats_a_compass_word_read_off_its_front() {
        // Regression: each read as a part ("south of Sudan") or as a village by spelling.
        assert_eq!(
            anchor("South Sudan"),
            Some(("South Sudan".into(), "country"))
        );
        assert_eq!(anchor("North Kivu"), Some(("North Kivu".into(), "region")));
        assert_eq!(anchor("West Bank"), Some(("West Bank".into(), "region")));
        assert_eq!(
            anchor("West Bengal"),
            Some(("West Bengal".into(), "region"))
        );
        // Relations still read where the phrase is no name.
        assert_eq!(anchor("northern Syria"), Some(("Syria".into(), "country")));
        assert_eq!(
            anchor("70 km south-east of Dushanbe"),
            Some(("Dushanbe".into(), "offset"))
        );
        assert_eq!(
            anchor("halfway between Kabul and Jalalabad"),
            Some(("Kabul".into(), "offset"))
        );
        assert_eq!(
            anchor("40 km from Timbuktu on the road to Goundam"),
            Some(("Timbuktu".into(), "offset"))
        );
        // A country has no one point a road heads to: the distance stays without direction.
        assert_eq!(
            anchor("40 km from Gao on the road to Niger"),
            Some(("Gao".into(), "near"))
        );
    }
}
