//! "40 km from Timbuktu on the road to Goundam": a distance from one place along the way to
//! another, which gives the distance its direction.
//!
//! Copy that measures an ambush or a checkpoint from the nearest town often names the road
//! it lies on by where the road goes, or by the two towns it joins ("on the Maiduguri-Damboa
//! road, 20 km from Maiduguri"). The bearing is `geo`'s haversine bearing from the first
//! place to the second; roads wind, so the direction is good to [`ROAD_HALF_WIDTH_DEG`]
//! either side (as wide as an eight-point compass sector), and the radius follows the offset
//! formula of [`uncertainty`](super::uncertainty): "40 km from Timbuktu on the road to
//! Goundam" is the point 40 km from Timbuktu towards Goundam, good to the town's extent, the
//! figure's precision and the chord of a 45° sector at that distance.

use geo::{Bearing, Haversine, Point};

use super::compass::Direction;
use super::mention::Toponym;
use super::relative::{Relation, RelativePhrase};
use super::tokens::{Token, words_end};
use crate::gazetteer::{EntryKind, Gazetteer};

/// Half-width (degrees) of the direction a road gives: a road to a town seldom runs straight,
/// but seldom strays more than an eight-point sector from the line to it.
pub const ROAD_HALF_WIDTH_DEG: f64 = 22.5;

/// The words between the first place and the second that say the distance runs towards the
/// second, lower case.
const TOWARDS: &[&[&str]] = &[
    &["on", "the", "road", "to"],
    &["on", "the", "road", "towards"],
    &["on", "the", "road", "toward"],
    &["on", "the", "main", "road", "to"],
    &["on", "the", "highway", "to"],
    &["on", "the", "route", "to"],
    &["on", "the", "way", "to"],
    &["along", "the", "road", "to"],
    &["in", "the", "direction", "of"],
    &["towards"],
    &["toward"],
];

/// Nouns of a road named by the two places it joins ("the Maiduguri-Damboa road", "the road
/// between Djibo and Ouahigouya"), lower case.
const ROAD_NOUNS: &[&str] = &["road", "highway", "route", "axis", "motorway", "corridor"];

/// True for a noun of a road ("road", "highway", "axis"): see [`ROAD_NOUNS`].
pub(super) fn is_road_noun(token: &Token) -> bool {
    ROAD_NOUNS.iter().any(|w| token.is_word(w))
}

/// The index after the words at `i` that lead towards a place, if any.
fn towards_end(tokens: &[Token], i: usize) -> Option<usize> {
    TOWARDS.iter().find_map(|words| words_end(tokens, i, words))
}

/// The point (lon, lat) of a reading: a town's, not an area's, whose centre says nothing of
/// where a road to it runs.
fn town_point(gazetteer: &Gazetteer, kind: EntryKind) -> Option<Point> {
    match kind {
        EntryKind::Place(i) if !gazetteer.is_area(kind) => {
            let town = &gazetteer.places()[i];
            Some(Point::new(town.lon, town.lat))
        }
        _ => None,
    }
}

/// The direction of the road from the town at `from` to the town at `to`; `None` when they
/// are one point.
pub(super) fn road_direction(from: Point, to: Point) -> Option<Direction> {
    (from != to).then(|| Direction {
        bearing_deg: Haversine.bearing(from, to).rem_euclid(360.0),
        half_width_deg: ROAD_HALF_WIDTH_DEG,
        adjectival: false,
        end: 0,
    })
}

/// Where the words that lead towards a second place start in `tokens[from..]` and where the
/// second place starts: "Timbuktu on the road to Goundam" splits before "on" and at
/// "Goundam".
pub(super) fn road_split(tokens: &[Token], from: usize) -> Option<(usize, usize)> {
    (from + 1..tokens.len())
        .find_map(|k| towards_end(tokens, k).map(|to| (k, to)))
        .filter(|&(_, to)| to < tokens.len())
}

/// The distance phrase `phrase` (a distance without a direction) laid along the road from the
/// town `from` to the town `to`; `None` unless both are towns at two points.
fn along(
    gazetteer: &Gazetteer,
    phrase: RelativePhrase,
    from: EntryKind,
    to: EntryKind,
) -> Option<RelativePhrase> {
    let Relation::Away { distance } = phrase.relation else {
        return None;
    };
    let direction = road_direction(town_point(gazetteer, from)?, town_point(gazetteer, to)?)?;
    Some(RelativePhrase {
        start: phrase.start,
        relation: Relation::Offset {
            distance,
            direction,
        },
    })
}

/// True when toponyms `j` and `j + 1` name the two ends of a road: "the Maiduguri-Damboa
/// road", "the road between Djibo and Ouahigouya", "the highway from Kabul to Jalalabad".
fn names_a_road(tokens: &[Token], toponyms: &[Toponym], j: usize) -> bool {
    let (a, b) = (&toponyms[j], &toponyms[j + 1]);
    let word = |i: usize, w: &str| tokens.get(i).is_some_and(|t| t.is_word(w));
    let road_at = |i: Option<usize>| i.and_then(|i| tokens.get(i)).is_some_and(is_road_noun);
    let hyphened = b.first == a.end + 1
        && tokens[a.end].is_punct('-')
        && !tokens[a.end].space_before
        && !tokens[b.first].space_before
        && road_at(Some(b.end));
    let joined = |before: &str, between: &str| {
        b.first == a.end + 1
            && word(a.end, between)
            && a.first >= 2
            && word(a.first - 1, before)
            && road_at(Some(a.first - 2))
    };
    hyphened || joined("between", "and") || joined("from", "to")
}

/// True when a sentence ends between tokens `from` and `to` (in either order).
fn crosses_sentence(tokens: &[Token], from: usize, to: usize) -> bool {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    tokens[lo + 1..=hi].iter().any(|t| t.sentence_start)
}

/// Turns each "<distance> from A" in a sentence that names a road from A to B ("on the
/// Maiduguri-Damboa road, 20 km from Maiduguri") into a distance on the bearing from A to B,
/// as [`read_roads`] does for "on the road to B".
pub(super) fn read_named_roads(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    resolved: &[Option<EntryKind>],
    relations: &mut [Option<RelativePhrase>],
) {
    let roads: Vec<usize> = (0..toponyms.len().saturating_sub(1))
        .filter(|&j| names_a_road(tokens, toponyms, j))
        .collect();
    if roads.is_empty() {
        return;
    }
    for i in 0..toponyms.len() {
        let (Some(phrase), Some(from)) = (relations[i], resolved[i]) else {
            continue;
        };
        // The other end of a road of this sentence that starts or ends at A.
        let other_end = roads.iter().find_map(|&j| {
            if crosses_sentence(tokens, toponyms[i].first, toponyms[j].first) {
                return None;
            }
            match (resolved[j], resolved[j + 1]) {
                (Some(a), Some(b)) if a == from && b != from => Some(b),
                (Some(a), Some(b)) if b == from && a != from => Some(a),
                _ => None,
            }
        });
        if let Some(laid) = other_end.and_then(|to| along(gazetteer, phrase, from, to)) {
            relations[i] = Some(laid);
        }
    }
}

/// Turns each "<distance> from A on the road to B" (a distance without a direction, then the
/// words of [`TOWARDS`], then B, itself a plain place) into a distance on the bearing from A
/// to B. `resolved` holds each toponym's reading, `relations` the phrase before each.
pub(super) fn read_roads(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    resolved: &[Option<EntryKind>],
    relations: &mut [Option<RelativePhrase>],
) {
    for i in 0..toponyms.len().saturating_sub(1) {
        let leads = towards_end(tokens, toponyms[i].end) == Some(toponyms[i + 1].first);
        if !leads || relations[i + 1].is_some() {
            continue;
        }
        let (Some(phrase), Some(from), Some(to)) = (relations[i], resolved[i], resolved[i + 1])
        else {
            continue;
        };
        if let Some(laid) = along(gazetteer, phrase, from, to) {
            relations[i] = Some(laid);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::{distance_km, geoparse};
    use crate::location::Precision;

    #[test]
    fn a_distance_on_the_road_to_a_town_runs_towards_it() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "The ambush happened 40 km from Timbuktu on the road to Goundam.";
        let mentions = geoparse(&gazetteer, text).unwrap();
        let m = &mentions[0];
        assert_eq!(m.text, "40 km from Timbuktu");
        assert_eq!(m.location.precision, Precision::Offset);
        // Goundam lies about 85 km west-south-west of Timbuktu: the point is 40 km along.
        let from_timbuktu = distance_km(m.location.lat, m.location.lon, 16.77, -3.01);
        let to_goundam = distance_km(m.location.lat, m.location.lon, 16.41, -3.67);
        assert!((from_timbuktu - 40.0).abs() < 5.0, "{from_timbuktu}");
        assert!(to_goundam < 50.0, "{to_goundam}");
        assert_eq!(mentions[1].text, "Goundam");
    }

    #[test]
    fn a_distance_from_one_end_of_a_named_road_runs_along_it() {
        let gazetteer = Gazetteer::load().unwrap();
        // Damboa lies about 88 km south-south-west of Maiduguri (bearing 210°).
        for text in [
            "Gunmen ambushed a bus on the Maiduguri-Damboa road, 20 km from Maiduguri.",
            "Gunmen ambushed a bus on the road between Damboa and Maiduguri, 20 km from Maiduguri.",
            "Gunmen ambushed a bus 20 km from Maiduguri on the highway from Maiduguri to Damboa.",
        ] {
            let mentions = geoparse(&gazetteer, text).unwrap();
            let m = mentions
                .iter()
                .find(|m| m.text == "20 km from Maiduguri")
                .unwrap();
            assert_eq!(m.location.precision, Precision::Offset, "{text}");
            let bearing = m.location.offset.as_ref().unwrap().bearing_deg.unwrap();
            assert!((190.0..=230.0).contains(&bearing), "{text}: {bearing}");
        }
        // A road of another sentence says nothing of this distance.
        let text = "The Maiduguri-Damboa road was closed. A bus was hit 20 km from Maiduguri.";
        let mentions = geoparse(&gazetteer, text).unwrap();
        assert_eq!(mentions.last().unwrap().location.precision, Precision::Near);
    }

    #[test]
    fn a_road_needs_a_distance_and_a_town() {
        let gazetteer = Gazetteer::load().unwrap();
        // "near" has no distance to lay along the road; a country has no one point to head to.
        for text in [
            "The ambush happened near Timbuktu on the road to Goundam.",
            "The ambush happened 40 km from Gao on the road to Niger.",
        ] {
            let mentions = geoparse(&gazetteer, text).unwrap();
            assert_eq!(mentions[0].location.precision, Precision::Near, "{text}");
        }
    }
}
