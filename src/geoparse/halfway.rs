//! "Halfway between X and Y", "midway between X and Y": one place in the middle of the way
//! between two mentions, which the phrase joins into one mention.
//!
//! The point is the geodesic midpoint: `geo`'s haversine bearing from X to Y and the
//! destination at half the distance (on the sphere of mean radius 6,371.0088 km), reported as
//! an offset from X. The radius holds the two places' own extents (their mean, as the
//! midpoint moves by half of each) and the looseness of "halfway" in copy: the middle half of
//! the way, [`HALFWAY_SHARE`] of the distance either side of the midpoint.
//!
//! ```text
//! uncertainty = (extent X + extent Y) / 2 + HALFWAY_SHARE · distance(X, Y)
//! ```

use geo::{Bearing, Destination, Distance, Haversine, Point};

use super::document::Mention;
use crate::location::{Location, Offset, Precision};

/// How far from the midpoint "halfway" may be, as a share of the whole distance: a quarter
/// either side, the middle half of the way.
pub const HALFWAY_SHARE: f64 = 0.25;
/// Metres per km: `geo` measures in metres.
const METRES_PER_KM: f64 = 1000.0;
/// The words that open the phrase, lower case, before the first place.
const OPENERS: &[&str] = &[
    "halfway between",
    "half way between",
    "half-way between",
    "midway between",
];

/// The byte offset where an opener ends right before `start` (one space between), and where
/// it starts.
fn opener_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    OPENERS.iter().find_map(|opener| {
        let from = before.len().checked_sub(opener.len())?;
        // `get` first: the cut may fall inside a character ("”" before the name).
        let (head, tail) = (before.get(..from)?, before.get(from..)?);
        let word_start = head.is_empty() || head.ends_with(char::is_whitespace);
        (word_start && tail.eq_ignore_ascii_case(opener)).then_some(from)
    })
}

/// True when the text between two mentions is " and ".
fn joined_by_and(text: &str, first: &Mention, second: &Mention) -> bool {
    text.get(first.end..second.start)
        .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("and") && gap.starts_with(' '))
}

/// The location of the middle of the way from `from` to `to`, answering `query`, as an
/// offset from `from`'s anchor.
pub(super) fn midway_location(query: &str, from: &Location, to: &Location) -> Location {
    let a = Point::new(from.lon, from.lat);
    let b = Point::new(to.lon, to.lat);
    let km = Haversine.distance(a, b) / METRES_PER_KM;
    let bearing = Haversine.bearing(a, b).rem_euclid(360.0);
    let middle = Haversine.destination(a, bearing, km / 2.0 * METRES_PER_KM);
    let extents = (from.uncertainty_km + to.uncertainty_km) / 2.0;
    Location {
        query: query.to_owned(),
        lat: middle.y(),
        lon: (middle.x() + 180.0).rem_euclid(360.0) - 180.0,
        uncertainty_km: extents + HALFWAY_SHARE * km,
        precision: Precision::Offset,
        anchor: from.anchor.clone(),
        offset: Some(Offset {
            distance_km: km / 2.0,
            bearing_deg: Some(bearing),
        }),
    }
}

/// The two place names of a description that opens with "halfway between" ("halfway between
/// Kabul and Jalalabad"), split at each " and " in turn (a name may hold one: "Bosnia and
/// Herzegovina"), first split first.
pub(super) fn halfway_names(query: &str) -> Vec<(&str, &str)> {
    let Some(rest) = OPENERS.iter().find_map(|opener| {
        let head = query.get(..opener.len())?;
        let rest = query.get(opener.len()..)?;
        (head.eq_ignore_ascii_case(opener) && rest.starts_with(' ')).then_some(rest.trim())
    }) else {
        return Vec::new();
    };
    rest.match_indices(" and ")
        .map(|(i, sep)| (rest[..i].trim(), rest[i + sep.len()..].trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .collect()
}

/// The mention of the middle of the way from `from` to `to`, spanning `start..to.end`.
fn midway(text: &str, start: usize, from: &Mention, to: &Mention) -> Mention {
    let phrase = &text[start..to.end];
    Mention {
        text: phrase.to_owned(),
        start,
        end: to.end,
        location: midway_location(phrase, &from.location, &to.location),
    }
}

/// Joins each "halfway between X and Y" into one mention; `mentions` are in text order and
/// do not overlap. X and Y must be places themselves, not offsets from one.
///
/// # Runtime
/// One pass over the mentions.
pub(super) fn join_halfway(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = mentions.into_iter().peekable();
    while let Some(first) = rest.next() {
        let plain = |m: &Mention| m.location.offset.is_none();
        let joined = rest.peek().and_then(|second| {
            let start = opener_before(text, first.start)?;
            (plain(&first) && plain(second) && joined_by_and(text, &first, second))
                .then(|| midway(text, start, &first, second))
        });
        match joined {
            Some(mention) => {
                rest.next();
                out.push(mention);
            }
            None => out.push(first),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::{distance_km, geoparse};

    #[test]
    fn halfway_between_two_towns_is_their_midpoint() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "The village lies halfway between Mopti and Djenne, officials said.";
        let mentions = geoparse(&gazetteer, text).unwrap();
        assert_eq!(mentions.len(), 1, "{mentions:?}");
        let m = &mentions[0];
        assert_eq!(m.text, "halfway between Mopti and Djenne");
        assert_eq!(&text[m.start..m.end], m.text);
        // Mopti (14.49, -4.20) and Djenné (13.91, -4.55) are about 75 km apart.
        let offset = m.location.offset.unwrap();
        assert!((offset.distance_km - 37.5).abs() < 3.0, "{offset:?}");
        let to_mopti = distance_km(m.location.lat, m.location.lon, 14.49, -4.20);
        let to_djenne = distance_km(m.location.lat, m.location.lon, 13.91, -4.55);
        assert!((to_mopti - to_djenne).abs() < 5.0, "{to_mopti} {to_djenne}");
        assert!(m.location.uncertainty_km > 18.0 && m.location.uncertainty_km < 30.0);
    }

    #[test]
    fn text_of_any_characters_before_a_name_is_no_opener() {
        // Regression: a cut inside "”" panicked.
        use super::opener_before;
        let text = "stayed quiet, said the “Harvey” Weinstein ”Paris";
        assert_eq!(opener_before(text, text.len() - "Paris".len()), None);
        let text = "lies ”halfway between Mopti";
        assert_eq!(opener_before(text, text.len() - "Mopti".len()), None);
        let text = "lies halfway between Mopti";
        assert_eq!(opener_before(text, text.len() - "Mopti".len()), Some(5));
    }

    #[test]
    fn a_description_names_its_two_places() {
        use super::halfway_names;
        assert_eq!(
            halfway_names("Halfway between Kabul and Jalalabad"),
            [("Kabul", "Jalalabad")]
        );
        assert_eq!(
            halfway_names("midway between Bosnia and Herzegovina and Serbia"),
            [
                ("Bosnia", "Herzegovina and Serbia"),
                ("Bosnia and Herzegovina", "Serbia")
            ]
        );
        assert!(halfway_names("between Kabul and Jalalabad").is_empty());
        assert!(halfway_names("halfway between Kabul").is_empty());
    }

    #[test]
    fn between_alone_or_an_offset_keeps_both_places() {
        let gazetteer = Gazetteer::load().unwrap();
        let texts = |text: &str| -> Vec<String> {
            geoparse(&gazetteer, text)
                .unwrap()
                .into_iter()
                .map(|m| m.text)
                .collect()
        };
        assert_eq!(
            texts("Trucks run between Kandahar and Lashkar Gah."),
            ["Kandahar", "Lashkar Gah"]
        );
        assert_eq!(
            texts("It lies midway between Mopti and 20 km north of Djenne."),
            ["Mopti", "20 km north of Djenne"]
        );
    }
}
