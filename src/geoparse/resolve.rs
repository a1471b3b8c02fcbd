//! Disambiguation: which of the places sharing a name each toponym means, using the rest of
//! the document.
//!
//! Three kinds of evidence, strongest first: countries, admin regions and named regions the
//! text (or a caller's hint) names constrain the towns (the gazetteer's context boosts); towns
//! close to the other places of the text beat scattered ones ([`PROXIMITY_KM`]); then the
//! gazetteer's static rank (kind, feature class, population). A toponym with no cue of being a
//! place and only a small, unrelated reading is dropped; the others are unaffected.

use std::collections::HashMap;

use geo::{Distance, Haversine, Point};

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer};

use super::mention::Toponym;

/// Two places this close (km) are taken to be the ones a text means together.
pub const PROXIMITY_KM: f64 = 300.0;
/// Added to a town or region in a country the document names: less than the gap between a
/// provincial capital of 500,000 and a village, so "Herat ... Iran" stays in Afghanistan.
const COUNTRY_BOOST: f32 = 0.75;
/// Added to a town in an admin region the document names ("Paris ... Texas").
const ADMIN1_BOOST: f32 = 0.5;
/// Toponyms this many mentions before or after one count as its neighbours in the text: places
/// mentioned together are near each other, and the window keeps long texts linear.
const PROXIMITY_WINDOW: usize = 8;
/// Added to a candidate close to another toponym's best reading.
const PROXIMITY_BOOST: f32 = 0.5;
/// Added to a capital or admin seat when the text says "the capital X".
const CAPITAL_BOOST: f32 = 1.0;
/// Readings considered per toponym; the rest are villages no reader thinks of.
const MAX_CANDIDATES: usize = 12;
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

/// The country (ISO alpha-2) of a reading, when it has one.
fn country_of(gazetteer: &Gazetteer, kind: EntryKind) -> Option<&'static str> {
    match kind {
        EntryKind::Place(i) => gazetteer.places().get(i).map(|p| p.country_code),
        EntryKind::Admin1(i) => gazetteer.admin1().get(i).map(|a| a.country_code()),
        EntryKind::Country(i) => gazetteer.countries().get(i).map(|c| c.iso2),
        EntryKind::Region(_) | EntryKind::Demonym(_) => None,
    }
}

/// The boost a reading gets from the areas the document names; an area that only `own` (the
/// toponym's own folded name) put in the context does not count, so "Georgia" does not vote
/// for itself. `rivals_country` is true when the same name is also a country.
fn context_boost(
    gazetteer: &Gazetteer,
    kind: EntryKind,
    document: &DocumentContext,
    own: &str,
    rivals_country: bool,
) -> f32 {
    let named = |code: &str| document.sole.get(code).is_none_or(|name| name != own);
    let context = &document.context;
    let mut boost = 0.0;
    let country = country_of(gazetteer, kind).filter(|cc| context.countries.contains(cc));
    if country.is_some_and(named) {
        boost += COUNTRY_BOOST;
        // A state of the country the text is about beats a same-named country ("Georgia").
        if rivals_country && matches!(kind, EntryKind::Admin1(_)) {
            boost += COUNTRY_BOOST;
        }
    }
    if let EntryKind::Place(i) = kind {
        let p = &gazetteer.places()[i];
        let in_admin1 = context
            .admin1
            .iter()
            .any(|a| a.split_once('.') == Some((p.country_code, p.admin1_code)) && named(a));
        if in_admin1 {
            boost += ADMIN1_BOOST;
        }
    }
    boost
}

/// The areas a document names, and for each area code named by one name only, that name.
struct DocumentContext {
    context: Context,
    sole: HashMap<&'static str, String>,
}

impl DocumentContext {
    /// Records that the toponym `name` names the area `code`.
    fn note(&mut self, code: &'static str, name: &str) {
        match self.sole.get(code) {
            Some(n) if n != name => {
                self.sole.insert(code, String::new());
            }
            None if !self.context.countries.contains(&code)
                && !self.context.admin1.contains(&code) =>
            {
                self.sole.insert(code, name.to_owned());
            }
            _ => {}
        }
    }
}

/// The document context: `hint` plus every area the toponyms most likely name, from their
/// best readings. A county ("Laurel County") names its country, and its state when no other
/// county shares the name.
fn document_context(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    readings: &[Vec<Candidate>],
    hint: &Context,
) -> DocumentContext {
    let mut document = DocumentContext {
        context: hint.clone(),
        sole: HashMap::new(),
    };
    for (t, top) in toponyms.iter().zip(readings) {
        let name = t.folded.as_str();
        match top.first().map(|c| c.kind) {
            Some(EntryKind::Country(i)) => {
                let cc = gazetteer.countries()[i].iso2;
                document.note(cc, name);
                document.context.countries.push(cc);
            }
            Some(EntryKind::Admin1(i)) => {
                let a = &gazetteer.admin1()[i];
                document.note(a.code, name);
                document.note(a.country_code(), name);
                document.context.admin1.push(a.code);
                document.context.countries.push(a.country_code());
            }
            Some(EntryKind::Place(i)) if gazetteer.places()[i].is_county() => {
                let p = &gazetteer.places()[i];
                let counties = top.iter().filter(
                    |c| matches!(c.kind, EntryKind::Place(j) if gazetteer.places()[j].is_county()),
                );
                if let Some(a) = gazetteer.admin1_of(p).filter(|_| counties.count() == 1) {
                    document.note(a.code, name);
                    document.context.admin1.push(a.code);
                }
                document.note(p.country_code, name);
                document.context.countries.push(p.country_code);
            }
            Some(EntryKind::Region(i)) => document.context.regions.push(i),
            _ => {}
        }
    }
    document
}

/// Adds the document's boosts to every reading (from `base`, the context-free readings) and
/// sorts each toponym's readings best first.
fn boosted(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    base: &[Vec<Candidate>],
    document: &DocumentContext,
) -> Vec<Vec<Candidate>> {
    toponyms
        .iter()
        .zip(base)
        .map(|(t, readings)| {
            let rivals_country = readings
                .iter()
                .any(|x| matches!(x.kind, EntryKind::Country(_)));
            let mut c = readings.clone();
            for candidate in &mut c {
                candidate.score += context_boost(
                    gazetteer,
                    candidate.kind,
                    document,
                    &t.folded,
                    rivals_country,
                );
            }
            c.sort_by(|a, b| b.score.total_cmp(&a.score));
            c.truncate(MAX_CANDIDATES);
            c
        })
        .collect()
}

/// Resolves every toponym; `None` where a weak toponym finds no support. `capital_cue[i]` is
/// true when the text calls toponym `i` "the capital".
///
/// # Runtime
/// O(t · w · c) for t toponyms, a window of w = 2 [`PROXIMITY_WINDOW`] neighbours and c ≤
/// [`MAX_CANDIDATES`] candidates each.
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
    fn a_big_town_is_not_outweighed_by_a_village_in_a_named_country() {
        assert_eq!(
            countries("Police in Herat said the attackers fled toward Iran."),
            ["AF", "IR"]
        );
    }
}
