//! Disambiguation: which of the places sharing a name each toponym means, using the rest of
//! the document.
//!
//! Three kinds of evidence, strongest first: countries, admin regions and named regions the
//! text (or a caller's hint) names constrain the towns (the gazetteer's context boosts); towns
//! close to the other places of the text beat scattered ones ([`PROXIMITY_KM`]); then the
//! gazetteer's static rank (kind, feature class, population). A toponym with no cue of being a
//! place and only a small, unrelated reading is dropped; the others are unaffected.

use geo::{Distance, Haversine, Point};

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer};

use super::context::{boosted, country_of, document_context};
use super::mention::Toponym;

/// Two places this close (km) are taken to be the ones a text means together.
pub const PROXIMITY_KM: f64 = 300.0;
/// Toponyms this many mentions before or after one count as its neighbours in the text: places
/// mentioned together are near each other, and the window keeps long texts linear.
const PROXIMITY_WINDOW: usize = 8;
/// Added to a candidate close to another toponym's best reading.
const PROXIMITY_BOOST: f32 = 0.5;
/// Added to a capital or admin seat when the text says "the capital X".
const CAPITAL_BOOST: f32 = 1.0;
/// An uncued town smaller than this (people) with no support from the document is more
/// likely a person's or a thing's name than the town.
const WEAK_POPULATION: u32 = 50_000;

/// Point (lon/lat) of a place or admin region; countries and regions are too large to say
/// anything by proximity.
fn point_of(gazetteer: &Gazetteer, kind: EntryKind) -> Option<Point> {
    match kind {
        EntryKind::Place(i) => gazetteer.places().get(i).map(|p| Point::new(p.lon, p.lat)),
        EntryKind::Admin1(i) => gazetteer.admin1().get(i).map(|a| Point::new(a.lon, a.lat)),
        _ => None,
    }
}

/// True when two points (lon/lat) lie within [`PROXIMITY_KM`]; a latitude test first spares
/// the trigonometry for most pairs.
fn within_proximity(p: Point, q: Point) -> bool {
    const KM_PER_DEGREE_LAT: f64 = 111.195;
    const METRES_PER_KM: f64 = 1000.0;
    (p.y() - q.y()).abs() * KM_PER_DEGREE_LAT <= PROXIMITY_KM
        && Haversine.distance(p, q) <= PROXIMITY_KM * METRES_PER_KM
}

/// Resolves every toponym; `None` where a weak toponym finds no support. `capital_cue[i]` is
/// true when the text calls toponym `i` "the capital".
///
/// # Runtime
/// O(t · w · c) for t toponyms, a window of w = 2 [`PROXIMITY_WINDOW`] neighbours and c ≤
/// [`MAX_CANDIDATES`](super::context::MAX_CANDIDATES) candidates each.
pub fn resolve_toponyms(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    capital_cue: &[bool],
    hint: &Context,
) -> Vec<Option<EntryKind>> {
    let base: Vec<Vec<Candidate>> = toponyms
        .iter()
        .map(|t| match t.fixed {
            Some(kind) => vec![Candidate {
                kind,
                alternate: false,
                score: 0.0,
            }],
            None if t.variant => gazetteer.close_variants(&t.folded, &Context::default()),
            None => gazetteer.candidates(&t.folded, &Context::default()),
        })
        .collect();
    // Two rounds: the context-free readings name the areas, then the readings those areas
    // favour ("Georgia" the state once "Clarke County" puts the text in the US) name them again.
    let first = boosted(
        gazetteer,
        toponyms,
        &base,
        &document_context(gazetteer, toponyms, &base, hint),
    );
    let document = document_context(gazetteer, toponyms, &first, hint);
    let readings = boosted(gazetteer, toponyms, &base, &document);
    let context = &document.context;
    let tops: Vec<Option<Point>> = readings
        .iter()
        .map(|r| r.first().and_then(|c| point_of(gazetteer, c.kind)))
        .collect();
    readings
        .iter()
        .enumerate()
        .map(|(i, candidates)| {
            let near_others = |kind: EntryKind| {
                point_of(gazetteer, kind).is_some_and(|p| {
                    let window = i.saturating_sub(PROXIMITY_WINDOW)
                        ..(i + PROXIMITY_WINDOW + 1).min(tops.len());
                    tops[window.clone()].iter().zip(window).any(|(q, j)| {
                        j != i
                            && toponyms[j].folded != toponyms[i].folded
                            && q.is_some_and(|q| within_proximity(p, q))
                    })
                })
            };
            let in_context = |kind: EntryKind| {
                country_of(gazetteer, kind).is_some_and(|cc| context.countries.contains(&cc))
            };
            let capital = |kind: EntryKind| match kind {
                EntryKind::Place(p) => {
                    matches!(gazetteer.places()[p].feature_code, "PPLC" | "PPLA")
                }
                _ => false,
            };
            let best = candidates
                .iter()
                .map(|c| {
                    let mut score = c.score;
                    if near_others(c.kind) {
                        score += PROXIMITY_BOOST;
                    }
                    if capital_cue[i] && capital(c.kind) {
                        score += CAPITAL_BOOST;
                    }
                    (c.kind, score)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(kind, _)| kind)?;
            let supported = in_context(best) || near_others(best);
            let strong = match best {
                EntryKind::Place(p) => {
                    let place = &gazetteer.places()[p];
                    place.population >= WEAK_POPULATION || capital(best)
                }
                _ => true,
            };
            (toponyms[i].cued || strong || supported).then_some(best)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;

    fn countries(text: &str) -> Vec<String> {
        let gazetteer = Gazetteer::load().unwrap();
        geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .filter_map(|m| m.location.anchor.country_code)
            .collect()
    }

    #[test]
    fn document_context_picks_the_town_of_the_named_country() {
        assert_eq!(
            countries("Clashes in Tripoli left two dead, Libya said."),
            ["LY", "LY"]
        );
        assert_eq!(
            countries("Clashes in Tripoli, Lebanon, left two dead."),
            ["LB", "LB"]
        );
        assert_eq!(
            countries("A shooting in Paris, Texas, left two dead."),
            ["US", "US"]
        );
    }

    #[test]
    fn a_state_does_not_lose_to_the_country_its_own_name_suggests() {
        // The country Georgia used to put itself in the context and win over the state.
        assert_eq!(
            countries("Deputies in Clarke County arrested two men in Athens, Georgia."),
            ["US", "US", "US"]
        );
    }

    #[test]
    fn a_big_town_is_not_outweighed_by_a_village_in_a_named_country() {
        assert_eq!(
            countries("Police in Herat said the attackers fled toward Iran."),
            ["AF", "IR"]
        );
    }
}
