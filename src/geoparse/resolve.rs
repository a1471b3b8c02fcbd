//! Disambiguation: which of the places sharing a name each toponym means, using the rest of
//! the document.
//!
//! Three kinds of evidence, strongest first: countries, admin regions and named regions the
//! text (or a caller's hint) names constrain the towns (the gazetteer's context boosts); towns
//! close to the other places of the text beat scattered ones ([`PROXIMITY_KM`]); then the
//! gazetteer's static rank (kind, feature class, population). A toponym with no cue of being a
//! place and only a small, unrelated reading is dropped; the others are unaffected.

use std::ops::Range;

use geo::Point;
use rustc_hash::FxHashSet;

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer, Place};
use crate::index::{EARTH_RADIUS_KM, point_distance_km, point_to_unit};

use super::admin_list::is_list_gap;
use super::compass;
use super::context::{DocumentContext, boosted, document_context};
use super::home::{HomeRegion, home_votes, plausibility};
use super::lexicon;
use super::mention::{Toponym, is_generic};
use super::quarter::names_town_part;
use super::relative::relation_before;
use super::tokens::{Token, TokenKind, possessive_at};

/// Two places this close (km) may be the ones a text means together.
pub const PROXIMITY_KM: f64 = 300.0;
/// Two places this close (km) are neighbours ("Paris" and "Henry County", Tennessee, 3 km
/// apart): full support; from here to [`PROXIMITY_KM`] the support falls linearly to nothing.
pub const ADJACENT_KM: f64 = 50.0;
/// A wide admin region (one wider than [`PROXIMITY_KM`]) lends the nearness of the centre of
/// its towns only to towns of this many people: a hamlet that happens to lie near that centre
/// is no more the one meant than the region's other hamlets, which its named region lifts
/// alike ("a professor in California ... based in London" is the capital, not London,
/// California, 1,869 people, 42 km from the centre of the state's towns; "Palestine" in
/// Texas news, 18,000, is still the Texas town).
const WIDE_REGION_TOWN_POPULATION: u32 = 5_000;
/// Readings of a neighbouring toponym less plausible than this (see
/// [`plausibility`]) lend no support: a hamlet of the same name is not evidence.
const MIN_PLAUSIBILITY: f32 = 0.05;
/// Toponyms this many mentions before or after one count as its neighbours in the text: places
/// mentioned together are near each other, and the window keeps long texts linear.
const PROXIMITY_WINDOW: usize = 8;
/// Added to a candidate next to another toponym's best reading, in proportion to the support
/// it gets from the neighbours.
const PROXIMITY_BOOST: f32 = 0.5;
/// Added to a reading inside the country or admin region that qualifies its toponym ("Bali,
/// Cameroon", "Sydney, Nova Scotia"): more than a named region's lead over a town of 50,000
/// with its country named (2.3 against 1.7), as the writer said which one they mean.
const QUALIFIER_BOOST: f32 = 1.5;
/// Added to a name's admin region reading when it is listed with a name that reads as an
/// admin region of the same country ("California or Washington", "Oregon and Washington"):
/// the names of a list are alike, so Washington is the state there, not the capital (1.2 for
/// the state against 1.8 for the capital before it).
const LIST_BOOST: f32 = 1.0;
/// Added to a town and to a county the text names when the county holds the town ("Athens
/// ... Henderson County": Athens and Henderson County, Texas): lifts a county seat of 12,000
/// (1.1) over a national capital of its name (1.8), as a qualifier does.
const COUNTY_PAIR_BOOST: f32 = 0.8;
/// Added to a capital or admin seat when the text says "the capital X".
const CAPITAL_BOOST: f32 = 1.0;
/// Towns this large (people) are the ones whose names teams carry (see `read_opponents`).
const MAJOR_CITY_POPULATION: u32 = 100_000;
/// Added to an area (a country, region, admin region or county) when the text names a part
/// of it ("central Washington", "northern Idlib"): parts are mostly said of areas, but cities
/// have quarters too ("northern Baghdad"), so it lifts a state (1.2) over a capital of
/// 700,000 (1.83), not over one of several million (2.0).
const PART_BOOST: f32 = 0.7;
/// Added to an admin region when the words around its name say a state ("upstate New
/// York", "New York state", "New York Gov."): as a part's, enough to lift the state over the
/// metropolis that ranks just above it (New York City, 1.22 against 1.21).
const STATE_BOOST: f32 = PART_BOOST;
/// A city this populous has quarters a text names by compass ("eastern Aleppo", "western
/// Mosul"); a part of a smaller town's name is a part of its province ("southern Idlib").
const CITY_OF_QUARTERS_POPULATION: u32 = 1_000_000;
/// A town of this many people may give its name to the district or province around it ("the
/// Lancaster district", 47,000 people); a smaller place that is no seat does not.
const AREA_NAMING_TOWN_POPULATION: u32 = 10_000;
/// An admin region no wider than this (km) is a municipality around its one town (the
/// sheadings of the Isle of Man, the municipalities of Cape Verde and Slovenia): known no
/// better than a town of its size, and often a given name ("Michael", "Paul").
const MUNICIPALITY_EXTENT_KM: f64 = 15.0;

/// True for a reading a reader takes without a cue: an area other than a municipality
/// ([`MUNICIPALITY_EXTENT_KM`]), a town known by its name alone (a capital or admin seat other
/// than a municipality's, or a sizeable town: [`Place::is_known_town`]), or a curated
/// landmark. An uncued smaller town or municipality with no support from the document is
/// more likely a person's or a thing's name than the place.
///
/// [`Place::is_known_town`]: crate::gazetteer::Place::is_known_town
pub(super) fn is_strong(gazetteer: &Gazetteer, kind: EntryKind) -> bool {
    match kind {
        EntryKind::Place(p) => {
            let place = &gazetteer.places()[p];
            // A seat is known by its name, except the seat of a region no larger than a
            // municipality (a Slovenian municipality, a Manx parish: "Grad", "Patrick"),
            // which is no better known than the region.
            place.is_sizeable_town()
                || place.is_landmark()
                || place.is_national_capital()
                || place.is_capital()
                    && gazetteer
                        .admin1_of(place)
                        .is_none_or(|a| a.extent_km > MUNICIPALITY_EXTENT_KM)
        }
        EntryKind::Admin1(a) => gazetteer.admin1()[a].extent_km > MUNICIPALITY_EXTENT_KM,
        _ => true,
    }
}

/// The admin region a town below [`CITY_OF_QUARTERS_POPULATION`] is the seat of and that is
/// named after it plus more words ("Gaza" and the Gaza Strip): "southern Gaza" is the
/// region's south, which the town's name alone does not find.
fn region_named_after(gazetteer: &Gazetteer, kind: EntryKind) -> Option<EntryKind> {
    let EntryKind::Place(p) = kind else {
        return None;
    };
    let town = &gazetteer.places()[p];
    if !town.is_capital() || town.population >= CITY_OF_QUARTERS_POPULATION {
        return None;
    }
    let region = gazetteer.admin1_of(town)?;
    let rest = region.name.strip_prefix(town.name)?;
    rest.starts_with(' ')
        .then(|| gazetteer.admin1_row(region.code))
        .flatten()
        .map(EntryKind::Admin1)
}

/// True for a town that is a national capital or a first-order admin seat
/// ([`Place::is_capital`](crate::gazetteer::Place::is_capital)).
fn is_capital(gazetteer: &Gazetteer, kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Place(p) if gazetteer.places()[p].is_capital())
}

/// Point (lon/lat) of a place, or the centre of an admin region's towns, that proximity is
/// measured from; countries and regions are too large to say anything by proximity.
fn point_of(gazetteer: &Gazetteer, kind: EntryKind) -> Option<Point> {
    match kind {
        EntryKind::Place(i) => gazetteer.places().get(i).map(|p| Point::new(p.lon, p.lat)),
        EntryKind::Admin1(i) => gazetteer
            .admin1()
            .get(i)
            .map(|a| Point::new(a.towns_lon, a.towns_lat)),
        _ => None,
    }
}

/// Distance (km) from the point of `town` to that of the reading `kind` (see [`point_of`]).
fn km_from_town(gazetteer: &Gazetteer, town: &Place, kind: EntryKind) -> Option<f64> {
    point_of(gazetteer, kind).map(|p| point_distance_km(Point::new(town.lon, town.lat), p))
}

/// Where a reading stands among its neighbours: an admin region that the same name also reads
/// as its seat ("Kidal": the region or its capital) stands at the seat, as a neighbouring town
/// of the region is as near to one as to the other ("the road from Kidal to Aguelhok"); the
/// region's own point, the centre of its towns, may lie nearer that town than the seat does.
fn proximity_point(
    gazetteer: &Gazetteer,
    kind: EntryKind,
    candidates: &[Candidate],
) -> Option<Point> {
    let seat = match kind {
        EntryKind::Admin1(_) => candidates.iter().find(|c| {
            matches!(c.kind, EntryKind::Place(p) if gazetteer.places()[p].is_capital())
                && gazetteer.lies_in(c.kind, kind)
        }),
        _ => None,
    };
    point_of(gazetteer, seat.map_or(kind, |c| c.kind))
}

/// The indices of toponym `i`'s neighbours in the text, itself among them: [`PROXIMITY_WINDOW`]
/// mentions either side, of `len` toponyms.
fn neighbour_window(i: usize, len: usize) -> Range<usize> {
    i.saturating_sub(PROXIMITY_WINDOW)..(i + PROXIMITY_WINDOW + 1).min(len)
}

/// The squared chord (unit sphere) of [`PROXIMITY_KM`]: farther pairs are not near at all.
fn proximity_chord_2() -> f64 {
    let chord = 2.0 * (PROXIMITY_KM / EARTH_RADIUS_KM / 2.0).sin();
    chord * chord
}

/// How near two points (unit vectors) are, in `[0, 1]`: 1 within [`ADJACENT_KM`], 0 beyond
/// [`PROXIMITY_KM`] (`max_chord_2`, from [`proximity_chord_2`]); the squared chord spares the
/// trigonometry for most pairs.
fn nearness(p: [f64; 3], q: [f64; 3], max_chord_2: f64) -> f32 {
    let chord_2: f64 = p.iter().zip(q).map(|(a, b)| (a - b) * (a - b)).sum();
    if chord_2 > max_chord_2 {
        return 0.0;
    }
    let km = 2.0 * EARTH_RADIUS_KM * (chord_2.sqrt() / 2.0).asin();
    ((PROXIMITY_KM - km) / (PROXIMITY_KM - ADJACENT_KM)).clamp(0.0, 1.0) as f32
}

/// A plausible reading of a toponym, as a neighbour of the others in the text.
#[derive(Clone, Copy)]
struct PlausiblePoint {
    /// The reading's point (unit vector).
    point: [f64; 3],
    /// How plausible the reading is (see [`plausibility`]).
    weight: f32,
    /// True for an admin region wider than [`PROXIMITY_KM`], whose point is the centre of its
    /// towns: see [`WIDE_REGION_TOWN_POPULATION`].
    wide: bool,
}

/// The plausible readings of a toponym that have a point.
fn plausible_points(gazetteer: &Gazetteer, readings: &[Candidate]) -> Vec<PlausiblePoint> {
    let top = readings.first().map_or(0.0, |c| c.score);
    // Readings come best first, so the plausible ones lead.
    readings
        .iter()
        .map(|c| (c, plausibility(c.score, top)))
        .take_while(|&(_, w)| w >= MIN_PLAUSIBILITY)
        .filter_map(|(c, weight)| {
            Some(PlausiblePoint {
                point: point_to_unit(point_of(gazetteer, c.kind)?),
                weight,
                wide: matches!(c.kind, EntryKind::Admin1(a)
                    if gazetteer.admin1()[a].extent_km > PROXIMITY_KM),
            })
        })
        .collect()
}

/// The readings of a toponym on its own (best first): its fixed reading, the places its
/// spelling variant may be, or the places of its name (with the counties it may name short).
/// A toponym in a list of areas ("Idlib and Hama provinces") keeps its admin-region and
/// county readings only, when it has some; a short name written as a word ("Ben") has no
/// area read through an alias (a code).
pub(super) fn context_free_readings(gazetteer: &Gazetteer, t: &Toponym) -> Vec<Candidate> {
    // The places of the name and the counties it may name short, best first.
    let with_counties = || {
        let mut all = gazetteer.candidates(&t.folded, &Context::default());
        all.extend(gazetteer.bare_county_candidates(&t.folded, &Context::default()));
        all.sort_by(|a, b| b.score.total_cmp(&a.score));
        all
    };
    if t.areas_only && t.fixed.is_none() && !t.variant {
        let mut areas = with_counties();
        areas.retain(|c| match c.kind {
            EntryKind::Admin1(_) => true,
            EntryKind::Place(p) => gazetteer.places()[p].is_county(),
            _ => false,
        });
        if !areas.is_empty() {
            return areas;
        }
    }
    match t.fixed {
        Some(kind) => vec![Candidate {
            kind,
            alternate: false,
            score: 0.0,
        }],
        None if t.variant => gazetteer.close_variants(&t.folded, &Context::default()),
        None if t.bare_county => with_counties(),
        None => {
            let mut all = gazetteer.candidates(&t.folded, &Context::default());
            if t.written_as_word {
                all.retain(|c| !is_area_alias(c.alternate, c.kind));
            }
            all
        }
    }
}

/// True for a reading of an area (a country, a region) through one of its aliases: among
/// them are its codes ("BEN" for Benin), which a short name written as a word is not.
pub(super) fn is_area_alias(alternate: bool, kind: EntryKind) -> bool {
    alternate && !matches!(kind, EntryKind::Place(_))
}

/// How a qualifier follows the name it places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualified {
    /// "Bali, Cameroon", "Boni, in Mali": after a comma, as addresses write it.
    Comma,
    /// "Tawila in North Darfur": after "in" alone, which also joins a subject to where it
    /// acts ("the role of Washington in Afghanistan", "the statue of St. Gregory of Narek in
    /// Vatican"), so it places only a weak reading, or one through another name or spelling
    /// ("Mambasa" read as Mombasa), in a country the text does not name.
    In,
}

/// For each toponym, the next one when it qualifies it as "X, Y" ("Bali, Cameroon", "Paris,
/// Texas", "Kidal, northern Mali"): a comma between them (or "in", or both), or a comma and a
/// part of Y, and no "and"/"or" after Y, which would make them a list ("Washington, Virginia
/// and Maryland").
fn qualifiers(tokens: &[Token], toponyms: &[Toponym]) -> Vec<Option<(usize, Qualified)>> {
    let list_word = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word("and") || t.is_word("or"))
    };
    // "Kamsar village, Bawku district, Upper East region": a kind word may follow each name.
    let after_kind = |k: usize| k + usize::from(tokens.get(k).is_some_and(is_kind_word));
    (0..toponyms.len())
        .map(|i| {
            let next = toponyms.get(i + 1)?;
            let comma_at = after_kind(toponyms[i].end);
            let is_in = |k: usize| tokens.get(k).is_some_and(|t| t.is_word("in"));
            let (after_comma, how) = if tokens.get(comma_at).is_some_and(|t| t.is_punct(',')) {
                (
                    comma_at + 1 + usize::from(is_in(comma_at + 1)),
                    Qualified::Comma,
                )
            } else if is_in(comma_at) {
                (comma_at + 1, Qualified::In)
            } else {
                return None;
            };
            let part_of_next = || {
                relation_before(tokens, next.first)
                    .is_some_and(|p| p.start == after_comma && p.relation.is_part())
            };
            let placed = after_comma == next.first || after_comma < next.first && part_of_next();
            let next_end = after_kind(next.end);
            let after =
                next_end + usize::from(tokens.get(next_end).is_some_and(|t| t.is_punct(',')));
            (placed && !list_word(after)).then_some((i + 1, how))
        })
        .collect()
}

/// True for a lower-case word that says what kind of place the name before it is, as
/// addresses write it ("Kamsar village, Bawku district"): an area's kind word, a town noun,
/// or a word for either ("municipality", "commune", "area").
fn is_kind_word(token: &Token) -> bool {
    is_area_kind_word(token)
        || lexicon::is_town_noun(token.text)
        || ["municipality", "commune", "area"].contains(&token.text)
}

/// True for a kind word after a name that makes it an area with towns of its own
/// ("province", "district"), not a town ("village", "city") or a vague "area".
fn is_area_kind_word(token: &Token) -> bool {
    const AREA_KIND_WORDS: &[&str] = &[
        "district",
        "county",
        "province",
        "region",
        "state",
        "governorate",
        "department",
        "prefecture",
        "oblast",
    ];
    AREA_KIND_WORDS.contains(&token.text)
}

/// The most lower-case words between a possessive and the kind word it leads to ("'s most
/// violent state", "'s restive northern province").
const MAX_WORDS_BEFORE_KIND: usize = 4;

/// True when a possessive at token `end` leads to an area's kind word ("Mexico's most violent
/// state"): the name before the possessive's owner is an area of it.
fn called_area_of(tokens: &[Token], end: usize) -> bool {
    possessive_at(tokens, end)
        && tokens
            .iter()
            .skip(end + 2)
            .take(MAX_WORDS_BEFORE_KIND)
            .take_while(|t| t.kind == TokenKind::Word && !t.is_capitalised())
            .any(is_area_kind_word)
}

/// The lists of toponyms: runs of two or more joined by ",", "and", "or" (see
/// [`is_list_gap`]) with an "and" or an "or" among the joins, so "Paris, Texas" is no list.
fn lists(tokens: &[Token], toponyms: &[Toponym]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut conjoined = false;
    for i in 1..=toponyms.len() {
        let gap = toponyms
            .get(i)
            .and_then(|t| tokens.get(toponyms[i - 1].end..t.first))
            .filter(|gap| is_list_gap(gap));
        match gap {
            Some(gap) => conjoined |= gap.iter().any(|t| t.is_word("and") || t.is_word("or")),
            None => {
                if conjoined {
                    out.push(start..i);
                }
                start = i;
                conjoined = false;
            }
        }
    }
    out
}

/// True when toponym `j` is followed by a comma and another toponym: "Saipan, Guam, Alaska" is
/// a list, so Guam need not qualify Saipan.
fn continues_list(tokens: &[Token], toponyms: &[Toponym], j: usize) -> bool {
    let end = toponyms[j].end;
    tokens.get(end).is_some_and(|t| t.is_punct(','))
        && toponyms
            .get(j + 1)
            .is_some_and(|next| next.first == end + 1)
}

/// Adds [`QUALIFIER_BOOST`] to the readings the writer placed where `placed` says ("Bali,
/// Cameroon": those in Cameroon) and sorts them best first again; true when some were.
fn lift_qualified(readings: &mut [Candidate], placed: impl Fn(EntryKind) -> bool) -> bool {
    let mut any = false;
    for c in readings.iter_mut().filter(|c| placed(c.kind)) {
        c.score += QUALIFIER_BOOST;
        any = true;
    }
    readings.sort_by(|a, b| b.score.total_cmp(&a.score));
    any
}

/// "Bali, Cameroon": the country, admin region or county after a comma picks among the
/// readings of the town before it. Returns, per toponym, the area that stands for a town the
/// gazetteer does not know there ("Rockingham, Northamptonshire").
fn read_qualifiers(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    document: &DocumentContext,
    readings: &mut [Vec<Candidate>],
) -> Vec<Option<EntryKind>> {
    let mut fallback = vec![None; toponyms.len()];
    let qualifies =
        |kind: EntryKind| gazetteer.is_area(kind) && !matches!(kind, EntryKind::Region(_));
    let chain = qualifiers(tokens, toponyms);
    for (i, j) in chain.iter().copied().enumerate() {
        let Some((j, how)) = j else { continue };
        // "Richmond, Yorkshire": a qualifier is an area that holds the town, not a village
        // of its name (Yorkshire, Virginia); and of the areas it may be, the one that holds
        // the town ("Rutshuru, Congo" is in DR Congo, "Brazzaville, Congo" in the Republic of
        // the Congo). A name's alternate reading does not overrule its own one, and a list
        // ("Becker, Clay, Douglas, Grant counties") is no qualifier.
        let in_list = continues_list(tokens, toponyms, j);
        let (head, tail) = readings.split_at_mut(j);
        if !in_list {
            prefer_region_to_its_seat(gazetteer, &head[i], &mut tail[0]);
        }
        let holds_town = |area: EntryKind| {
            head[i]
                .iter()
                .any(|town| gazetteer.lies_in(town.kind, area))
        };
        let top = tail[0].first().copied().filter(|t| {
            if qualifies(t.kind) {
                !in_list && !holds_town(t.kind)
            } else {
                !is_strong(gazetteer, t.kind)
            }
        });
        if let Some(top) = top {
            if let Some(c) = tail[0].iter_mut().find(|c| {
                (!c.alternate || top.alternate) && qualifies(c.kind) && holds_town(c.kind)
            }) {
                c.score = top.score + QUALIFIER_BOOST;
                tail[0].sort_by(|a, b| b.score.total_cmp(&a.score));
            }
        }
        // "Kamsar village, Bawku district, Upper East region": a town qualifier that is itself
        // qualified by an area that holds it passes that area on.
        let area_of = |k: usize| {
            readings[k]
                .first()
                .map(|c| c.kind)
                .filter(|&a| qualifies(a))
        };
        let passed_on = || {
            let (k, _) = chain[j]?;
            let area = area_of(k)?;
            let town = readings[j].first()?.kind;
            gazetteer.lies_in(town, area).then_some(area)
        };
        let Some(area) = area_of(j).or_else(passed_on) else {
            continue;
        };
        let inside = lift_qualified(&mut readings[i], |kind| gazetteer.lies_in(kind, area));
        // "Zacatecas, Mexico's most violent state": the apposition says which reading.
        if called_area_of(tokens, toponyms[j].end) {
            lift_qualified(&mut readings[i], |kind| {
                matches!(kind, EntryKind::Admin1(_)) && gazetteer.lies_in(kind, area)
            });
        }
        // "Rockingham, Northamptonshire" where the gazetteer knows no Rockingham there: the
        // writer placed the town in that area, so the area is the honest answer, not a
        // namesake town abroad.
        let namesake = readings[i].first().is_some_and(|c| {
            let unnamed_country = || {
                gazetteer
                    .country_of(c.kind)
                    .is_none_or(|cc| !document.names_country(cc))
            };
            let loose = || c.alternate || toponyms[i].variant || !is_strong(gazetteer, c.kind);
            gazetteer.lies_far_outside(c.kind, area)
                && (how == Qualified::Comma || unnamed_country() && loose())
        });
        // A generic word is too weak a qualifier to overrule the town ("Kansas City, North").
        let generic =
            is_generic(tokens[toponyms[j].first].text) && toponyms[j].end - toponyms[j].first == 1;
        if !inside && namesake && !generic && !in_list {
            fallback[i] = Some(area);
        }
    }
    fallback
}

/// "Celaya, Guanajuato", "Spin Boldak, Kandahar", "Florida, New York": a qualifier read first
/// as a seat or metropolis named like its region (the city of Guanajuato, the city of
/// Kandahar, New York City) is that region when a reading of the town before lies in it beyond
/// the city's reach (Celaya is 50 km from the city, Spin Boldak 90 km, the village of Florida
/// 80 km); "Brooklyn, New York" is no such case, nor "Kherson, Kherson". The region is lifted
/// above the city, as the qualifier a writer means.
fn prefer_region_to_its_seat(
    gazetteer: &Gazetteer,
    town: &[Candidate],
    qualifier: &mut [Candidate],
) {
    let Some(&top) = qualifier.first() else {
        return;
    };
    let EntryKind::Place(s) = top.kind else {
        return;
    };
    let seat = &gazetteer.places()[s];
    let reach = seat.radius_km() + SUBURB_REACH_KM;
    let beyond_seat = |region: EntryKind| {
        town.iter().any(|t| {
            gazetteer.lies_in(t.kind, region)
                && km_from_town(gazetteer, seat, t.kind).is_some_and(|km| km > reach)
        })
    };
    // Any name of the region: "Kaduna" names Kaduna State without its kind word.
    let region = qualifier.iter_mut().find(|c| {
        matches!(c.kind, EntryKind::Admin1(a) if seat.is_namesake_town_of(gazetteer.admin1()[a].code))
            && beyond_seat(c.kind)
    });
    if let Some(region) = region {
        region.score = top.score + QUALIFIER_BOOST;
        qualifier.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
}

/// "Tillaberi's Tera department", "Idlib's Maarat al-Numan": a name in the possessive
/// before another name is an area that holds it, when the same name is also such an area and
/// the other place lies outside its town ("Kabul's Shar-e Naw" is the city's quarter). The
/// area reading is lifted as a qualifier's would be, and so are the readings of the second
/// name inside it. Otherwise the second name is read by the town, which stands for a
/// quarter, district or slum it has no reading of there ("Kherson's Dniprovskyi district"):
/// writes it into `fallback` for such a name. A first name
/// read as an admin region or county holds the second ("Sagaing Region's Kani township") the
/// same way.
fn read_possessives(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    readings: &mut [Vec<Candidate>],
    fallback: &mut [Option<EntryKind>],
) {
    for i in 0..toponyms.len().saturating_sub(1) {
        let end = toponyms[i].end;
        if !possessive_at(tokens, end) || toponyms[i + 1].first != end + 2 {
            continue;
        }
        let (head, tail) = readings.split_at_mut(i + 1);
        let (owner, owned) = (&mut head[i], &mut tail[0]);
        let Some(top) = owner.first().copied() else {
            continue;
        };
        // The words after the second name that make it a part ("district", "township").
        let after_owned = toponyms[i + 1].end.checked_sub(1).into_iter();
        let mut part_words = after_owned
            .chain([toponyms[i + 1].end])
            .filter_map(|k| tokens.get(k));
        // "Sagaing Region's Kani township": the area holds the place, and stands for it when
        // the name has no reading there (Kani, Japan).
        if gazetteer.is_area(top.kind) && !matches!(top.kind, EntryKind::Country(_)) {
            let inside = lift_qualified(owned, |kind| gazetteer.lies_in(kind, top.kind));
            if !inside && part_words.any(|w| is_kind_word(w) || is_quarter_word(w)) {
                fallback[i + 1] = Some(top.kind);
            }
            continue;
        }
        // The town the name reads as first, and whether the other place lies beyond it.
        let town = match top.kind {
            EntryKind::Place(p) => &gazetteer.places()[p],
            _ => continue,
        };
        let beyond_town = |kind: EntryKind| {
            km_from_town(gazetteer, town, kind).is_some_and(|km| km > town.radius_km())
        };
        let area = owner.iter().position(|c| {
            !c.alternate
                && matches!(c.kind, EntryKind::Admin1(_))
                && owned
                    .iter()
                    .any(|y| gazetteer.lies_in(y.kind, c.kind) && beyond_town(y.kind))
        });
        let Some(area) = area else {
            // "Kherson's Dniprovskyi district": a quarter of the town, read by the town where
            // the name has a reading there, else the town stands for it (the Dniprovskyi
            // district the gazetteer knows is Kyiv's, 450 km away).
            let inside = lift_qualified(owned, |kind| lies_by_town(gazetteer, town, kind));
            if !inside && part_words.any(is_quarter_word) {
                fallback[i + 1] = Some(top.kind);
            }
            continue;
        };
        owner[area].score = top.score + QUALIFIER_BOOST;
        let area = owner[area].kind;
        owner.sort_by(|a, b| b.score.total_cmp(&a.score));
        lift_qualified(owned, |kind| gazetteer.lies_in(kind, area));
    }
}

/// "California or Washington": a name listed with admin regions is one too. Only a name that
/// is plainly a region says so: "New York" is also a city ("Washington, New York and Los
/// Angeles" are cities).
fn read_lists(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    readings: &mut [Vec<Candidate>],
) {
    for list in lists(tokens, toponyms) {
        let states: Vec<&str> = list
            .clone()
            .filter_map(|i| match readings[i].first()?.kind {
                EntryKind::Admin1(a)
                    if !readings[i].iter().any(|c| {
                        matches!(c.kind, EntryKind::Place(_)) && is_strong(gazetteer, c.kind)
                    }) =>
                {
                    Some(gazetteer.admin1()[a].country_code())
                }
                _ => None,
            })
            .collect();
        if states.is_empty() {
            continue;
        }
        for i in list {
            if matches!(readings[i].first(), Some(c) if matches!(c.kind, EntryKind::Admin1(_))) {
                continue;
            }
            for c in &mut readings[i] {
                if let EntryKind::Admin1(a) = c.kind
                    && states.contains(&gazetteer.admin1()[a].country_code())
                {
                    c.score += LIST_BOOST;
                }
            }
            readings[i].sort_by(|a, b| b.score.total_cmp(&a.score));
        }
    }
}

/// How far (km) beyond a town's own radius its suburbs, townships and quarters may lie: "the
/// Baghdad suburb of Abu Ghraib" is 25 km from the city's point.
const SUBURB_REACH_KM: f64 = 30.0;

/// True when the reading `kind` is a town or landmark within a suburb's reach of `town`.
fn lies_by_town(gazetteer: &Gazetteer, town: &Place, kind: EntryKind) -> bool {
    !gazetteer.is_area(kind)
        && km_from_town(gazetteer, town, kind)
            .is_some_and(|km| km <= town.radius_km() + SUBURB_REACH_KM)
}

/// True for a word after a name in the possessive of a town or area that makes the name a
/// part of it ("Kherson's Dniprovskyi district", "Nairobi's Kibera slum", "Lamu County's
/// Boni forest").
fn is_quarter_word(token: &Token) -> bool {
    names_town_part(token) || LAND_PART_WORDS.iter().any(|q| token.is_word(q))
}

/// Words for a part of an area's land, besides those for a part of a town
/// ([`names_town_part`]): see [`is_quarter_word`].
const LAND_PART_WORDS: &[&str] = &["forest", "valley", "hills", "mountains"];

/// Words for a part of a town or an area in "the <place> <word> of <name>" ("the Cape Town
/// township of Nyanga", "the Damascus suburb of Douma", "the Gaza city of Rafah").
const PART_OF_WORDS: &[&str] = &[
    "township",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "district",
    "quarter",
    "town",
    "city",
    "village",
    "camp",
];

/// "the Cape Town township of Nyanga": the name after the part word lies in or by the place
/// before it, so its readings there are lifted as a qualifier's ("Nyanga, Cape Town") would
/// be; when it has none there, the place stands for it (Nyanga is no province of Gabon).
/// Writes that place into `fallback` for such a name.
fn read_places_of(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    readings: &mut [Vec<Candidate>],
    fallback: &mut [Option<EntryKind>],
) {
    for i in 0..toponyms.len().saturating_sub(1) {
        // Spans found by someone else may overlap ([`super::span`]): no gap between them.
        let gap = tokens
            .get(toponyms[i].end..toponyms[i + 1].first)
            .unwrap_or_default();
        let part_of = matches!(gap, [word, of]
            if PART_OF_WORDS.contains(&word.text) && of.is_word("of"));
        if !part_of {
            continue;
        }
        let (head, tail) = readings.split_at_mut(i + 1);
        // The whole comes first when it is an area or a town a reader knows; else the words
        // may run the other way ("the Crown Heights neighborhood of Brooklyn"), as they do
        // when the name after "of" is an area that holds the first ("the Beledweyne district
        // of Hiiraan region"). A named region holds no town by code ("the Darfur town of El
        // Fasher").
        let holds_first = |k: EntryKind| {
            tail[0]
                .first()
                .is_some_and(|c| gazetteer.is_area(c.kind) && gazetteer.lies_in(k, c.kind))
        };
        let Some(whole) = head[i].first().map(|c| c.kind).filter(|&k| match k {
            EntryKind::Place(p) => {
                let place = &gazetteer.places()[p];
                (place.is_county() || place.is_known_town()) && !holds_first(k)
            }
            EntryKind::Region(_) => false,
            _ => true,
        }) else {
            continue;
        };
        let lies_by = |kind: EntryKind| match whole {
            EntryKind::Place(t) if !gazetteer.places()[t].is_county() => {
                lies_by_town(gazetteer, &gazetteer.places()[t], kind)
            }
            area => gazetteer.lies_in(kind, area),
        };
        if !lift_qualified(&mut tail[0], lies_by) {
            fallback[i + 1] = Some(whole);
        }
    }
}

/// "The Athens Police Department ... the Henderson County Jail": a town and a county the text
/// names, of which some reading of the county holds some reading of the town (Athens and
/// Henderson County, Texas), are that pair, however many namesakes each has; local news
/// names its town and its county together. Both readings get [`COUNTY_PAIR_BOOST`]. Only
/// towns and counties within [`PROXIMITY_WINDOW`] mentions of each other pair.
///
/// # Runtime
/// O(t · w · c²) containment tests for t toponyms, a window of w neighbours and c readings.
fn read_county_pairs(gazetteer: &Gazetteer, toponyms: &[Toponym], readings: &mut [Vec<Candidate>]) {
    let county =
        |kind: EntryKind| matches!(kind, EntryKind::Place(p) if gazetteer.places()[p].is_county());
    // Read by its own name: no county named without its "County" ("Butte", "York"), no town
    // through one of its other names.
    let named = |c: &Candidate| !c.alternate;
    // (toponym, reading) pairs to lift, gathered first: a reading lifted must not lift others.
    let mut lifted: Vec<(usize, usize)> = Vec::new();
    for j in 0..toponyms.len() {
        if !readings[j].iter().any(|c| named(c) && county(c.kind)) {
            continue;
        }
        let window = neighbour_window(j, toponyms.len());
        // "DeKalb" beside "DeKalb County" is the county named short, not the town in it.
        let other_name = |&i: &usize| !toponyms[j].folded.starts_with(&toponyms[i].folded);
        for i in window.filter(other_name) {
            let areas = readings[j].iter().enumerate();
            for (a, area) in areas.filter(|(_, c)| named(c) && county(c.kind)) {
                for (t, town) in readings[i].iter().enumerate().filter(|(_, c)| named(c)) {
                    if !county(town.kind) && gazetteer.lies_in(town.kind, area.kind) {
                        lifted.push((i, t));
                        lifted.push((j, a));
                    }
                }
            }
        }
    }
    lifted.sort_unstable();
    lifted.dedup();
    for &(i, c) in &lifted {
        readings[i][c].score += COUNTY_PAIR_BOOST;
    }
    let mut touched: Vec<usize> = lifted.iter().map(|&(i, _)| i).collect();
    touched.dedup();
    for i in touched {
        readings[i].sort_by(|a, b| b.score.total_cmp(&a.score));
    }
}

/// "Mississippi State started the game against Louisville", "at home against Portland": a
/// town played or pitted against is the town as a team or a body, and the towns whose names
/// teams carry are major cities, not the namesakes near the text's home (Louisville, Ohio in
/// a story from Columbus; Portland, Texas in a Houston roundup). Wherever the text names
/// such a town, its most populous reading, if a town of [`MAJOR_CITY_POPULATION`], gets
/// [`QUALIFIER_BOOST`]: one sense per text.
///
/// # Runtime
/// O(t · c) for t toponyms of c readings each.
fn read_opponents(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    readings: &mut [Vec<Candidate>],
) {
    let opposed: FxHashSet<&str> = toponyms
        .iter()
        .filter(|t| {
            let before = t.first.checked_sub(1).map(|p| &tokens[p]);
            // "vs." writes its full stop as a token of its own.
            let before = match before {
                Some(stop) if stop.is_punct('.') && t.first >= 2 => Some(&tokens[t.first - 2]),
                other => other,
            };
            // The town itself, not a noun it modifies ("beat London goalie Trevor Cann").
            super::cues::stands_alone(tokens, t.end)
                && before.is_some_and(|w| !w.is_capitalised() && lexicon::is_opponent_word(w.text))
        })
        .map(|t| t.folded.as_str())
        .collect();
    if opposed.is_empty() {
        return;
    }
    let population = |kind: EntryKind| match kind {
        EntryKind::Place(p) if !gazetteer.places()[p].is_county() => {
            gazetteer.places()[p].population
        }
        _ => 0,
    };
    for (t, candidates) in toponyms.iter().zip(readings.iter_mut()) {
        if !opposed.contains(t.folded.as_str()) {
            continue;
        }
        let Some(city) = candidates
            .iter()
            .map(|c| c.kind)
            .max_by_key(|&kind| population(kind))
            .filter(|&kind| population(kind) >= MAJOR_CITY_POPULATION)
        else {
            continue;
        };
        lift_qualified(candidates, |kind| kind == city);
    }
}

/// "Suffolk County detectives ... told the Suffolk Times": a county the text names in full
/// and that `resolved` reads is what its name without the county word means in the same
/// text (one sense per discourse), not a namesake town (Suffolk, Virginia). A town inside the
/// county stays itself ("DeKalb" beside "DeKalb County", Illinois, is the town).
///
/// # Runtime
/// O(t · c) for t toponyms of c readings each, only when the text names a county in full.
fn read_counties_named_short(
    gazetteer: &Gazetteer,
    readings: &[Vec<Candidate>],
    resolved: &mut [Option<EntryKind>],
) {
    let county =
        |kind: EntryKind| matches!(kind, EntryKind::Place(p) if gazetteer.places()[p].is_county());
    // The counties the text names in full, as read.
    let in_full: Vec<EntryKind> = readings
        .iter()
        .zip(resolved.iter())
        .filter_map(|(r, &kind)| {
            let kind = kind?;
            r.iter()
                .any(|c| c.kind == kind && !c.alternate && county(kind))
                .then_some(kind)
        })
        .collect();
    for (candidates, read) in readings.iter().zip(resolved.iter_mut()) {
        let Some(kind) = *read else { continue };
        if in_full.contains(&kind) || in_full.iter().any(|&c| gazetteer.lies_in(kind, c)) {
            continue;
        }
        if let Some(short) = candidates
            .iter()
            .find(|c| c.alternate && in_full.contains(&c.kind))
        {
            *read = Some(short.kind);
        }
    }
}

/// What the words right before a toponym say of the reading meant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Descriptor {
    #[default]
    None,
    /// "the capital X": a capital or admin seat.
    Capital,
    /// "northern X", "the north of X": an area with parts.
    Part,
    /// "upstate X", "X state", "the X governor": an admin region, not the city of its name.
    State,
}

/// Resolves every toponym; `None` where a weak toponym finds no support. `descriptors[i]` is
/// what the words before toponym `i` say of it.
///
/// # Runtime
/// O(t · w · c) for t toponyms, a window of w = 2 [`PROXIMITY_WINDOW`] neighbours and c ≤
/// [`MAX_CANDIDATES`](super::context::MAX_CANDIDATES) candidates each.
pub fn resolve_toponyms(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &[Toponym],
    descriptors: &[Descriptor],
    hint: &Context,
) -> Vec<Option<EntryKind>> {
    let base: Vec<Vec<Candidate>> = toponyms
        .iter()
        .map(|t| context_free_readings(gazetteer, t))
        .collect();
    let (votes, ballots) = home_votes(gazetteer, toponyms, &base);
    let homes: Vec<HomeRegion> = ballots.iter().map(|b| votes.home_without(b)).collect();
    // Two rounds: the context-free readings name the areas, then the readings those areas
    // favour ("Georgia" the state once "Clarke County" puts the text in the US) name them again.
    let first = boosted(
        gazetteer,
        toponyms,
        &base,
        &homes,
        &document_context(gazetteer, toponyms, &base, hint),
    );
    let document = document_context(gazetteer, toponyms, &first, hint);
    let mut readings = boosted(gazetteer, toponyms, &base, &homes, &document);
    let mut fallback = read_qualifiers(gazetteer, tokens, toponyms, &document, &mut readings);
    read_lists(gazetteer, tokens, toponyms, &mut readings);
    read_possessives(gazetteer, tokens, toponyms, &mut readings, &mut fallback);
    read_places_of(gazetteer, tokens, toponyms, &mut readings, &mut fallback);
    read_county_pairs(gazetteer, toponyms, &mut readings);
    read_opponents(gazetteer, tokens, toponyms, &mut readings);
    // "Jordan Elementary School ... the Jordan resident": a name a text gives a town's
    // schools, council or residents is a town throughout the text, not the country.
    let municipal: FxHashSet<&str> = toponyms
        .iter()
        .filter(|t| lexicon::marks_municipality(tokens, t.end))
        .map(|t| t.folded.as_str())
        .collect();
    let max_chord_2 = proximity_chord_2();
    let plausible: Vec<Vec<PlausiblePoint>> = readings
        .iter()
        .map(|r| plausible_points(gazetteer, r))
        .collect();
    let mut resolved: Vec<Option<EntryKind>> = readings
        .iter()
        .enumerate()
        .map(|(i, candidates)| {
            if fallback[i].is_some() {
                return fallback[i];
            }
            // The plausible readings of the neighbouring toponyms (other names only).
            let window = neighbour_window(i, toponyms.len());
            let neighbours: Vec<PlausiblePoint> = window
                .filter(|&j| j != i && toponyms[j].folded != toponyms[i].folded)
                .flat_map(|j| plausible[j].iter().copied())
                .collect();
            // Their support for a reading: the nearness of the most plausible one close by,
            // times its plausibility.
            let support = |kind: EntryKind| {
                proximity_point(gazetteer, kind, candidates).map_or(0.0, |p| {
                    let p = point_to_unit(p);
                    let hamlet = matches!(kind, EntryKind::Place(t)
                        if gazetteer.places()[t].population < WIDE_REGION_TOWN_POPULATION);
                    let mut best = 0.0f32;
                    for n in neighbours.iter().filter(|n| !(n.wide && hamlet)) {
                        // Nearness is at most 1: a less plausible reading cannot do better.
                        if n.weight > best {
                            best = best.max(n.weight * nearness(p, n.point, max_chord_2));
                        }
                    }
                    best
                })
            };
            // An admin region does not stand in the context of its own country: a lone
            // "Michael", a sheading of the Isle of Man, would support itself. A county named
            // with its "County" word still does.
            let in_context = |kind: EntryKind| {
                gazetteer.country_of(kind).is_some_and(|cc| match kind {
                    EntryKind::Admin1(_) => document.names_country_besides(cc, &toponyms[i].folded),
                    _ => document.names_country(cc),
                })
            };
            // The area of a part ("central Washington"): named by its own name, not a code
            // ("South L.A." is not Laos), and not the province of a city of quarters it is
            // named after ("eastern Aleppo", "western Mosul" are the city's); a smaller
            // town's province is ("southern Idlib", "northern Kandahar"). A country with a
            // town of its name is still the area ("northern Kuwait").
            let best_town = candidates.iter().find(|c| {
                matches!(c.kind, EntryKind::Place(p)
                    if !gazetteer.places()[p].is_county()
                        && gazetteer.places()[p].population >= CITY_OF_QUARTERS_POPULATION)
            });
            let parted = |c: &Candidate| {
                let province = matches!(c.kind, EntryKind::Admin1(_) | EntryKind::Place(_));
                !c.alternate
                    && gazetteer.is_area(c.kind)
                    && !(province && best_town.is_some_and(|t| gazetteer.lies_in(t.kind, c.kind)))
            };
            // "Florida" in a New York story: the state, not the village of Florida, New York,
            // however near the other places it lies. A small town named like an admin region
            // of its own country gets no support from its neighbours.
            let states: Vec<&str> = candidates
                .iter()
                .filter(|c| !c.alternate)
                .filter_map(|c| match c.kind {
                    EntryKind::Admin1(a) => Some(gazetteer.admin1()[a].country_code()),
                    _ => None,
                })
                .collect();
            let overshadowed = |c: &Candidate| match c.kind {
                EntryKind::Place(p) => {
                    !states.is_empty()
                        && !is_strong(gazetteer, c.kind)
                        && states.contains(&gazetteer.places()[p].country_code)
                }
                _ => false,
            };
            // (reading, score, support) of the best reading so far; a reading that cannot
            // reach the best score even with full support is not measured.
            let mut top: Option<(EntryKind, f32, f32)> = None;
            let town_named = municipal.contains(toponyms[i].folded.as_str())
                && candidates
                    .iter()
                    .any(|c| matches!(c.kind, EntryKind::Place(_)));
            for c in candidates {
                if town_named && matches!(c.kind, EntryKind::Country(_)) {
                    continue;
                }
                let cue_bonus = match descriptors[i] {
                    Descriptor::Capital if is_capital(gazetteer, c.kind) => CAPITAL_BOOST,
                    Descriptor::Part if parted(c) => PART_BOOST,
                    Descriptor::State if !c.alternate && matches!(c.kind, EntryKind::Admin1(_)) => {
                        STATE_BOOST
                    }
                    _ => 0.0,
                };
                if top.is_some_and(|t| c.score + cue_bonus + PROXIMITY_BOOST < t.1) {
                    continue;
                }
                let near = if overshadowed(c) {
                    0.0
                } else {
                    support(c.kind)
                };
                let score = c.score + cue_bonus + PROXIMITY_BOOST * near;
                if top.is_none_or(|t| score >= t.1) {
                    top = Some((c.kind, score, near));
                }
            }
            let (best, _, near) = top?;
            // "in Soum province": a name the writer calls a province or district that reads
            // only as a village (Soum, Senegal, 5,044 people) is an area the gazetteer lacks,
            // not the village; a seat or a town stands for the area named after it ("Bijapur
            // district", "the Lancaster district").
            let village = match best {
                EntryKind::Place(p) => {
                    let place = &gazetteer.places()[p];
                    !place.is_county()
                        && !place.is_admin_seat()
                        && place.population < AREA_NAMING_TOWN_POPULATION
                }
                _ => false,
            };
            if village && tokens.get(toponyms[i].end).is_some_and(is_area_kind_word) {
                return None;
            }
            let supported = in_context(best) || near > 0.0;
            // "Fano militias" in an Ethiopian story: a name before a noun of armed men is the
            // group's name; it is a town only as the group's home, in the text's country or
            // near its places ("Misrata fighters" in a Libyan story), or a national capital.
            let group_name = tokens
                .get(toponyms[i].end)
                .is_some_and(|t| lexicon::is_armed_group_word(t.text));
            let town = matches!(best, EntryKind::Place(p)
                if !gazetteer.places()[p].is_national_capital());
            if group_name && town && !supported {
                return None;
            }
            let best = match descriptors[i] {
                Descriptor::Part => region_named_after(gazetteer, best).unwrap_or(best),
                _ => best,
            };
            // "Fighting continued in the North": a region called only by compass words
            // (Cameroon's North, Zambia's Western) is that region only in a text about its
            // country or beside its places; elsewhere the words are a direction. "The North
            // West Region" names it.
            let compass_named = compass::is_compass_name(&toponyms[i].folded);
            if compass_named && matches!(best, EntryKind::Admin1(_)) && !supported {
                return None;
            }
            // "Relations between Russia and the West", "its image in the West": after "the",
            // compass words are a direction or the Western world, never a town (West, Texas).
            let after_the = toponyms[i].first > 0 && tokens[toponyms[i].first - 1].is_word("the");
            if compass_named && after_the && matches!(best, EntryKind::Place(_)) {
                return None;
            }
            (toponyms[i].cued || is_strong(gazetteer, best) || supported).then_some(best)
        })
        .collect();
    read_counties_named_short(gazetteer, &readings, &mut resolved);
    resolved
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;
    use crate::location::Anchor;

    /// One field of each mention's anchor, where it has one.
    fn anchor_fields(text: &str, field: impl Fn(Anchor) -> Option<String>) -> Vec<String> {
        let gazetteer = Gazetteer::load().unwrap();
        geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .filter_map(|m| field(m.location.anchor))
            .collect()
    }

    /// The GeoNames feature code of each mention's anchor.
    fn feature_codes(text: &str) -> Vec<String> {
        anchor_fields(text, |a| Some(a.feature_code))
    }

    fn countries(text: &str) -> Vec<String> {
        anchor_fields(text, |a| a.country_code)
    }

    /// The name of each mention's anchor.
    fn anchors(text: &str) -> Vec<String> {
        anchor_fields(text, |a| Some(a.name))
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
    fn a_town_and_a_county_that_holds_it_are_read_as_a_pair() {
        // Athens, Greece outranks Athens, Texas alone; Henderson County, Texas holds the
        // latter, and of the five Henderson Counties it is the one that holds an Athens.
        let text = "The Athens Police Department arrested a man Monday. He was arraigned at \
                    the Henderson County Jail.";
        // Texas lies west of 94° W; Athens, Georgia and Henderson County, North Carolina, a
        // nearer pair than Greece, lie east of 84° W.
        let longitudes = anchor_fields(text, |a| Some(a.lon.to_string()));
        assert_eq!(longitudes.len(), 2);
        for lon in longitudes {
            assert!(lon.parse::<f64>().unwrap() < -94.0, "{lon}");
        }
    }

    #[test]
    fn a_town_played_against_is_the_major_city_throughout_the_text() {
        // The dateline's Ohio would make it Louisville, Ohio (9,000 people); the team is
        // Louisville, Kentucky's, here and in the sentence without "against".
        let text = "COLUMBUS, Ohio (AP) - Mississippi State started the game against \
                    Louisville 0 for 10. The Bulldogs then outlasted Louisville in overtime.";
        let longitudes = anchor_fields(text, |a| {
            (a.name == "Louisville").then(|| a.lon.to_string())
        });
        assert_eq!(longitudes.len(), 2);
        for lon in longitudes {
            let lon: f64 = lon.parse().unwrap();
            assert!((lon + 85.76).abs() < 0.1, "{lon}");
        }
        // No major city of the name: the namesake near the text's places stays (Watertown,
        // Minnesota, not the larger Watertown, New York).
        let text = "The Delano, Minn., team won the meet against Watertown.";
        assert_eq!(admin1(text), ["US.MN", "US.MN"]);
    }

    #[test]
    fn a_name_whose_school_council_or_residents_the_text_names_is_a_town_not_a_country() {
        let text = "The Jordan resident was flown to a hospital in Robbinsdale. Family of the \
                    Jordan man thanked deputies.";
        assert_eq!(feature_codes(text), ["PPL", "PPL", "PPL"]);
        // Without such words the name is the country.
        assert_eq!(
            feature_codes("King Abdullah of Jordan met residents in Amman."),
            ["PCLI", "PPLC"]
        );
    }

    #[test]
    fn a_group_named_like_a_town_far_from_the_text_is_no_place() {
        // Fano is an Amhara militia and a town of Italy.
        assert_eq!(
            anchors("Fano militias seized Lalibela in Ethiopia's Amhara region."),
            ["Lalībela", "Ethiopia", "Amhara"]
        );
        // A group's home where the text is stays a place.
        assert_eq!(
            countries("Misrata fighters clashed with rivals in Tripoli, Libya."),
            ["LY", "LY", "LY"]
        );
    }

    #[test]
    fn a_quarter_in_the_possessive_of_a_town_lies_in_the_town() {
        // The Dniprovskyi district the gazetteer knows is Kyiv's, 450 km away.
        assert_eq!(
            anchors("Shelling killed two civilians in Kherson's Dniprovskyi district."),
            ["Kherson", "Kherson"]
        );
        assert_eq!(
            anchors("Shelling killed two civilians in Kyiv's Dniprovskyi district."),
            ["Kyiv", "Dniprovskyi"]
        );
        // Boni is a former name of Watampone, Indonesia, in the gazetteer, not the forest.
        assert_eq!(
            anchors("A landmine exploded in Lamu County's Boni forest."),
            ["Lamu", "Lamu"]
        );
        // An admin region's: Kani is a town of Japan in the gazetteer, not the township.
        assert_eq!(
            anchors("The army bombed a village in Sagaing Region's Kani township."),
            ["Sagaing Region", "Sagaing Region"]
        );
        // Not a name the writer gave no part word: an envoy is no quarter.
        assert_eq!(
            anchors("Beijing's Washington envoy said so."),
            ["Beijing", "Washington"]
        );
    }

    #[test]
    fn an_apposition_that_calls_a_name_a_state_reads_it_as_the_state() {
        for text in [
            "Gunmen killed six people in Zacatecas, Mexico's most violent state.",
            "Fighting spread to Kandahar, Afghanistan's restive southern province.",
        ] {
            assert_eq!(feature_codes(text), ["ADM1", "PCLI"], "{text}");
        }
        assert_eq!(
            feature_codes("Protests hit Zacatecas, Mexico's capital of silver."),
            ["PPLA", "PCLI"]
        );
    }

    #[test]
    fn a_province_the_gazetteer_lacks_is_not_a_village_of_its_name() {
        // Midtown is a quarter of many American cities, and a village of 1,360 in Tennessee.
        assert!(countries("The city plans to rebuild its Midtown district.").is_empty());
        // A seat or a town stands for the district named after it: Lancaster, England, is no
        // seat in GeoNames but a town of 47,000.
        assert_eq!(
            countries("Police in England patrolled the Lancaster district."),
            ["GB", "GB"]
        );
        assert_eq!(countries("Maoists attacked Bijapur district."), ["IN"]);
    }

    #[test]
    fn a_qualifier_named_like_its_seat_is_the_region_of_a_town_beyond_the_seat() {
        for text in [
            "Cartel gunmen killed 10 people in Celaya, Guanajuato.",
            "Taliban fighters seized Spin Boldak, Kandahar, on Wednesday.",
            "Gunmen attacked Kafanchan, Kaduna, on Sunday.",
        ] {
            assert_eq!(feature_codes(text)[1], "ADM1", "{text}");
        }
        // A town within the seat's reach (Marfil, 4 km from the city) is qualified by it.
        assert_eq!(
            feature_codes("Gunmen attacked Marfil, Guanajuato."),
            ["PPL", "PPLA"]
        );
    }

    #[test]
    fn a_hamlet_near_a_wide_states_centre_is_not_what_its_name_means() {
        // London, California (1,869 people) lies 42 km from the centre of the state's towns.
        assert_eq!(
            countries("A professor in California said so. The artist is based in London."),
            ["US", "GB"]
        );
        // A town of the state a reader of its news knows still is the one meant.
        assert_eq!(
            countries("Police in Texas said the shooting happened in Palestine on Sunday."),
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

    fn admin1(text: &str) -> Vec<String> {
        let gazetteer = Gazetteer::load().unwrap();
        geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .filter_map(|m| {
                let cc = m.location.anchor.country_code?;
                let p = gazetteer
                    .places()
                    .iter()
                    .find(|p| p.lat == m.location.lat && p.lon == m.location.lon)?;
                Some(format!("{cc}.{}", p.admin1_code))
            })
            .collect()
    }

    #[test]
    fn the_other_toponyms_make_the_home_region_of_a_local_paper() {
        // No state named: Dallas puts the text in Texas, so Paris is Paris, Texas.
        assert_eq!(
            countries("Police in Dallas said the suspect was arrested in Paris on Monday."),
            ["US", "US"]
        );
        // One name alone keeps its most likely reading.
        assert_eq!(countries("The suspect was arrested in Paris."), ["FR"]);
    }

    #[test]
    fn a_county_and_its_seat_support_each_other() {
        // Paris, Tennessee is the seat of Henry County, Tennessee, 3 km from its centre: that
        // pair beats Henry County, Georgia (the largest) and any Paris near it.
        assert_eq!(
            admin1("Deputies in Henry County arrested two men in Paris."),
            ["US.TN", "US.TN"]
        );
    }

    #[test]
    fn seas_and_regions_of_one_country_are_places_with_their_own_point() {
        let gazetteer = Gazetteer::load().unwrap();
        let text =
            "A tanker was attacked in the Red Sea; fighting went on in Darfur and in Ghouta.";
        let anchors: Vec<(String, f64, f64)> = geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.location.anchor.name, m.location.lat, m.location.lon))
            .collect();
        let names: Vec<&str> = anchors.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(names, ["Red Sea", "Darfur", "Eastern Ghouta"]);
        // Darfur lies in western Sudan, not at Sudan's centre (15° N, 30° E).
        let (_, lat, lon) = anchors[1];
        assert!((11.0..15.0).contains(&lat) && (22.0..26.0).contains(&lon));
    }

    #[test]
    fn a_region_of_one_country_lies_where_it_is_not_at_the_country_centre() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "Shelling was reported in Iraqi Kurdistan, the Donbas, Sinai, \
                    South Waziristan, Kashmir and Kordofan.";
        let found: Vec<(String, f64, f64)> = geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.location.anchor.name, m.location.lat, m.location.lon))
            .collect();
        // Each within a degree of its seat or its parts' centre: Erbil (36.2° N, 44.0° E),
        // Donetsk and Luhansk oblasts (48.4° N, 38.4° E), North and South Sinai (29.9° N,
        // 34.0° E), Wana (32.3° N, 69.6° E), Srinagar (34.1° N, 74.8° E), the Kordofan
        // states (12.0° N, 29.6° E); the countries' points are 300–1,350 km away.
        let expected = [
            ("Kurdistan", 36.2, 44.0),
            ("Donbas", 48.4, 38.4),
            ("Sinai", 29.9, 34.0),
            ("South Waziristan", 32.3, 69.6),
            ("Kashmir", 34.1, 74.8),
            ("Kordofan", 12.0, 29.6),
        ];
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for ((name, lat, lon), (want, want_lat, want_lon)) in found.iter().zip(expected) {
            assert_eq!(name, want);
            assert!(
                (lat - want_lat).abs() < 1.0 && (lon - want_lon).abs() < 1.0,
                "{found:?}"
            );
        }
    }

    #[test]
    fn seats_of_government_are_landmarks_not_namesakes() {
        // "White House" is also an English name of Casablanca (Dar el Beida) and a town in
        // Tennessee; "Kremlin" a town in Oklahoma.
        assert_eq!(
            countries("Officials at the White House and in the Kremlin said talks failed."),
            ["US", "RU"]
        );
        // Named for the government inside, with no preposition, they are no places.
        assert!(countries("The White House said Kremlin aides lied.").is_empty());
    }

    #[test]
    fn a_major_airport_is_itself_not_a_namesake_village() {
        // Heathrow is also a village in Florida.
        assert_eq!(
            countries("Flights out of Heathrow and Schiphol were cancelled."),
            ["GB", "NL"]
        );
    }

    #[test]
    fn a_title_of_nobility_is_no_town_to_take_context_from() {
        // "Duke" is an alternate name of Erwin, North Carolina, and "Earl" a town in Arkansas.
        assert_eq!(
            countries("The Duke met the Earl of Wessex in Bristol."),
            ["GB"]
        );
    }

    #[test]
    fn a_region_of_one_country_is_read_in_that_country() {
        assert_eq!(
            countries("Storms battered the West Coast, from Seattle to San Diego."),
            ["US", "US", "US"]
        );
        assert_eq!(
            countries("Floods on the West Coast cut the road from Greymouth to Hokitika."),
            ["NZ", "NZ", "NZ"]
        );
        assert_eq!(
            feature_codes("A heat wave hit the Midwest and New England."),
            ["RGN", "RGN"]
        );
    }

    #[test]
    fn a_city_named_like_its_region_stays_the_city_beside_another_region() {
        // Regression: naming "the Donetsk region" made Odesa and Kharkiv their oblasts, as a
        // text naming a country's regions reads a name that is also one of them as that
        // region ("Wales and Scotland"); a region named like its own seat is left out of it.
        assert_eq!(
            feature_codes(
                "Drones struck Odesa and Kharkiv, while fighting raged in the Donetsk region."
            ),
            ["PPLA", "PPLA", "ADM1"]
        );
        assert_eq!(
            feature_codes("Police in Wales and Scotland were on alert."),
            ["ADM1", "ADM1"]
        );
    }

    #[test]
    fn a_town_of_a_region_does_not_turn_the_seat_into_the_region() {
        // Aguelhok lies nearer the Kidal region's point than the town of Kidal: both readings
        // of "Kidal" now stand at the town, and the seat wins as it does alone.
        assert_eq!(
            feature_codes("The road from Kidal to Aguelhok was mined."),
            ["PPLA", "PPL"]
        );
        assert_eq!(feature_codes("The road from Kidal was mined."), ["PPLA"]);
    }

    #[test]
    fn a_name_in_the_possessive_before_a_town_of_its_region_is_the_region() {
        assert_eq!(
            feature_codes("Heavy fighting raged in Donetsk's Bakhmut."),
            ["ADM1", "PPLA2"]
        );
        assert_eq!(
            feature_codes("Russian forces shelled Kherson's Beryslav district."),
            ["ADM1", "PPLA2"]
        );
        // A quarter of the town is the town's.
        assert_eq!(
            feature_codes("Police said the attack took place in Hamburg's St. Pauli district."),
            ["PPLA", "PPLX"]
        );
    }

    #[test]
    fn a_place_of_a_town_lies_in_the_town() {
        // Dunoon is a town of Scotland in the gazetteer, not the township: the town stands
        // for it.
        assert_eq!(
            anchors("Three officers were shot in the Cape Town township of Dunoon."),
            ["Cape Town", "Cape Town"]
        );
        // A named region holds no town by code: El Fasher stays the town.
        assert_eq!(
            feature_codes("Rebels entered the Darfur town of El Fasher."),
            ["RGN", "PPLA"]
        );
    }

    #[test]
    fn a_municipality_named_like_a_person_is_no_place_without_a_cue() {
        // "Michael" is a sheading of the Isle of Man, "Paul" a municipality of Cape Verde.
        assert!(countries("On Monday, Michael said the talks had failed.").is_empty());
        assert!(countries("Paul told reporters the plan was dead.").is_empty());
        assert_eq!(
            countries("The ferry docked in Michael, Isle of Man."),
            ["IM", "IM"]
        );
    }

    #[test]
    fn a_country_after_a_comma_says_which_town_is_meant() {
        // Bali alone is the Indonesian island; Bali, Cameroon, a town of 70,000.
        assert_eq!(
            countries("Gunmen killed three people in Bali, Cameroon."),
            ["CM", "CM"]
        );
        let gazetteer = Gazetteer::load().unwrap();
        let alone = geoparse(&gazetteer, "Tourists returned to Bali.").unwrap();
        let island = &alone[0].location.anchor;
        assert_eq!(
            (island.feature_code.as_str(), island.country_code.as_deref()),
            ("ISL", Some("ID")),
            "the island, a region of Indonesia"
        );
    }

    #[test]
    fn a_county_after_a_comma_picks_its_town_or_stands_for_one_it_lacks() {
        let gazetteer = Gazetteer::load().unwrap();
        let anchors = |text: &str| -> Vec<(String, String)> {
            geoparse(&gazetteer, text)
                .unwrap()
                .into_iter()
                .map(|m| (m.text, m.location.anchor.name))
                .collect()
        };
        // Richmond, Virginia is the larger town; the county names the Yorkshire one.
        let richmond =
            geoparse(&gazetteer, "A farm near Richmond, North Yorkshire, burned.").unwrap();
        assert_eq!(
            richmond[0].location.anchor.country_code.as_deref(),
            Some("GB")
        );
        // The gazetteer has no Rockingham in Northamptonshire, only one in Western Australia.
        assert_eq!(
            anchors("11/12 August: Rockingham, Northamptonshire."),
            [
                ("Rockingham".to_owned(), "Northamptonshire".to_owned()),
                ("Northamptonshire".to_owned(), "Northamptonshire".to_owned())
            ]
        );
        // An address with kind words: the village the gazetteer lacks in Ghana is the region
        // its district's town lies in, not Kamsar, Guinea.
        assert_eq!(
            anchors("Gunmen raided Kamsar village, Bawku district, Upper East region, on Friday.")
                [0],
            ("Kamsar".to_owned(), "Upper East".to_owned())
        );
        // The qualifier is the county that holds a Richmond, not Yorkshire, Virginia.
        assert_eq!(
            countries("He grew up in Richmond, Yorkshire."),
            ["GB", "GB"]
        );
        // A compass word is too weak a qualifier to make the town a region of Cameroon.
        assert_eq!(
            anchors("Two men were charged in Kansas City, North.")[0].1,
            "Kansas City"
        );
        // A list is no qualifier: Saipan stays in the Northern Mariana Islands.
        assert_eq!(
            countries("Trips to Saipan, Guam, Alaska and Hawaii followed."),
            ["MP", "GU", "US", "US"]
        );
    }

    #[test]
    fn the_object_of_a_verb_of_war_is_a_place() {
        // District seats of a few thousand people, uncued before: no mention at all.
        assert_eq!(
            countries("Troops entered al-Qaim; Russian forces shelled Kupiansk overnight."),
            ["IQ", "UA"]
        );
        assert_eq!(
            countries("The army recaptured the town of Tessalit."),
            ["ML"]
        );
        // A small town's other name too ("Tulkarem" for Ţūlkarm, 44,000 people).
        assert_eq!(countries("Troops shelled Tulkarem on Monday."), ["PS"]);
        // "raided" before a name, but not before a person's possessive: Smith, Nevada is no
        // place here.
        assert_eq!(
            countries("Israeli forces raided Jenin and Tulkarem on Monday."),
            ["PS", "PS"]
        );
        assert!(countries("Police raided Smith's home.").is_empty());
        // A weapon's verb of striking: "hit" alone takes persons as often.
        assert_eq!(
            countries("Airstrikes hit Maarat al-Numan overnight; a drone struck Tulkarem."),
            ["SY", "PS"]
        );
        assert!(countries("A missile hit Smith's home.").is_empty());
        assert!(countries("The ball hit Tulkarem.").is_empty());
        // After "the", the name names the thing hit: Bara is a town of Gombe, 300 km away.
        assert_eq!(
            countries("An explosion hit the Bara market in Kano."),
            ["NG"]
        );
    }

    #[test]
    fn the_seat_of_a_municipality_is_no_better_known_than_the_municipality() {
        // Patrick is the seat of a Manx parish, Grad of a Slovenian municipality: uncued and
        // unsupported, the words are a person and a rocket. Regression: once a seat ranked
        // above its region ("Hama"), they read as the Isle of Man and Slovenia.
        assert!(countries("Patrick is a senior at Hunterdon Central.").is_empty());
        assert!(countries("They claim Grad missile systems are set up nearby.").is_empty());
        // A municipality's seat that is a sizeable town is still known: Maribor.
        assert_eq!(countries("Protesters gathered in Maribor."), ["SI"]);
        assert_eq!(countries("Maribor voted on Sunday."), ["SI"]);
    }

    #[test]
    fn a_part_of_a_country_after_a_comma_qualifies_the_town() {
        // Regression: "X, northern Y" was no qualifier, so the better-known namesake abroad
        // won (Palma de Mallorca, Moura in Portugal).
        assert_eq!(
            countries("The attack happened near Palma, northern Mozambique."),
            ["MZ", "MZ"]
        );
        assert_eq!(
            countries("Soldiers were accused of killings in Moura, central Mali."),
            ["ML", "ML"]
        );
        // A town the gazetteer lacks there stands for the country the writer puts it in
        // (Inata, Burkina Faso, is no Inada of Japan).
        assert_eq!(
            anchor_fields(
                "Soldiers were accused of killings in Inata, northern Burkina Faso.",
                |a| Some(a.feature_code)
            ),
            ["PCLI", "PCLI"]
        );
        // So does one after "in" alone that reads only as a namesake in a country the text
        // does not name (Baraka read as Brak, Libya), but not a subject acting there.
        assert_eq!(
            anchor_fields("Thousands fled to Baraka in South Kivu.", |a| Some(
                a.feature_code
            )),
            ["ADM1", "ADM1"]
        );
        assert_eq!(
            countries("The role of Washington in Afghanistan was debated."),
            ["US", "AF"]
        );
        assert_eq!(countries("Tourists in Palma enjoyed the sun."), ["ES"]);
    }

    #[test]
    fn a_country_after_a_comma_is_the_one_of_its_name_that_holds_the_town() {
        // "Congo" names DR Congo and the Republic of the Congo. Regression: the town was
        // answered by the country that does not hold it ("Rutshuru" read the Republic of
        // the Congo, 600 km radius).
        assert_eq!(
            countries("Fighting was reported in Rutshuru, Congo, on Tuesday."),
            ["CD", "CD"]
        );
        assert_eq!(
            countries("Protesters marched in Brazzaville, Congo, on Tuesday."),
            ["CG", "CG"]
        );
        // An admin region holds a town on the ground as well as by code: Sevastopol is a
        // region of its own inside Crimea. Regression: "Sevastopol" read Crimea.
        assert_eq!(
            anchor_fields("Explosions were heard in Sevastopol, Crimea.", |a| Some(
                a.feature_code
            )),
            ["PPLA", "ADM1"]
        );
        // Alone, the name is the country readers hear of more.
        assert_eq!(
            countries("Rebels attacked villages in eastern Congo."),
            ["CD"]
        );
    }

    #[test]
    fn a_state_beats_the_country_of_its_name_where_the_other_places_lie_in_it() {
        assert_eq!(
            countries("A tornado tore through Georgia near Valdosta."),
            ["US", "US"]
        );
        assert_eq!(
            countries("Protests in Georgia spread from Tbilisi to Batumi."),
            ["GE", "GE", "GE"]
        );
    }

    #[test]
    fn a_part_is_said_of_an_area() {
        let gazetteer = Gazetteer::load().unwrap();
        let read = |text: &str| {
            let m = geoparse(&gazetteer, text).unwrap().remove(0);
            (m.text, m.location.anchor.feature_code)
        };
        // Washington alone is the capital; its parts are the state's.
        assert_eq!(
            read("The team drove to central Washington."),
            ("central Washington".to_owned(), "ADM1".to_owned())
        );
        assert_eq!(read("Fires burned in northern Washington.").1, "ADM1");
        // A city of quarters that is the seat of its namesake province keeps its quarters.
        assert_eq!(read("Shelling in eastern Aleppo continued.").1, "PPLA");
        assert_eq!(read("Bombs hit northern Baghdad.").1, "PPLC");
        assert_eq!(read("Iraqi troops pushed into western Mosul.").1, "PPLA");
        // A smaller town's parts are its province's. Regression: "southern Idlib" was the
        // city of 165,000 with a 4 km radius, not the governorate's south.
        assert_eq!(read("An airstrike in southern Idlib killed 22.").1, "ADM1");
        // A town's region named after it with more words is its parts' area too.
        // Regression: "southern Gaza" was a point 4 km south of Gaza City.
        assert_eq!(read("Residents fled southern Gaza on Monday.").1, "ADM1");
        let anchor = |text: &str| {
            let m = geoparse(&gazetteer, text).unwrap().remove(0);
            (m.location.anchor.name, m.location.anchor.country_code)
        };
        assert_eq!(
            anchor("Israeli strikes hit central Gaza overnight."),
            ("Gaza Strip".to_owned(), Some("PS".to_owned()))
        );
        assert_eq!(read("Rockets were fired from Gaza.").1, "PPLA");
        assert_eq!(
            read("The Taliban took districts in northern Kandahar.").1,
            "ADM1"
        );
    }

    #[test]
    fn a_village_named_like_a_state_gets_no_support_from_its_neighbours() {
        // Florida, New York, a village of 2,800, lies near the other places of the text.
        assert_eq!(
            feature_codes(
                "The ticket was sold in Riverdale, New Jersey. A man in Florida won last year."
            ),
            ["PPL", "ADM1", "ADM1"]
        );
        // Named with its state, it is still the village.
        assert_eq!(
            feature_codes("Police in Florida, New York, arrested two men."),
            ["PPL", "ADM1"]
        );
    }

    #[test]
    fn a_name_listed_with_states_is_a_state() {
        // Washington alone, or listed with cities, is the capital.
        assert_eq!(feature_codes("Officials in Washington said so."), ["PPLC"]);
        assert_eq!(
            feature_codes("Fires hit Oregon and Washington."),
            ["ADM1", "ADM1"]
        );
        // California, Maryland lies near the capital: the list still reads two states.
        assert_eq!(
            feature_codes("Costs are high in states such as California or Washington."),
            ["ADM1", "ADM1"]
        );
        // "New York" is also the city, so it says nothing of Washington.
        assert_eq!(
            feature_codes("After stops in Washington, New York and Los Angeles, he left.")[0],
            "PPLC"
        );
    }

    #[test]
    fn former_states_and_siberia_are_regions_not_villages() {
        // "Siberia" was a village of that name, with 1 km uncertainty.
        let gazetteer = Gazetteer::load().unwrap();
        let text = "After the Soviet Union collapsed, fires spread across Siberia and wars \
                    split Yugoslavia.";
        let found: Vec<(String, f64)> = geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.location.anchor.name, m.location.uncertainty_km))
            .collect();
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Soviet Union", "Siberia", "Yugoslavia"]);
        assert!(found.iter().all(|(_, km)| *km > 250.0), "{found:?}");
    }

    #[test]
    fn a_regional_demonym_names_its_country() {
        // "English" puts the text in the United Kingdom: Salisbury, Wiltshire, not Maryland.
        assert_eq!(
            countries("A poisoning in the English city of Salisbury shocked police."),
            ["GB"]
        );
    }

    #[test]
    fn a_big_town_is_not_outweighed_by_a_village_in_a_named_country() {
        assert_eq!(
            countries("Police in Herat said the attackers fled toward Iran."),
            ["AF", "IR"]
        );
    }

    #[test]
    fn compass_words_are_a_direction_unless_the_text_is_about_their_region() {
        // Cameroon's regions are called North, South, East, West; West is also a Texan town.
        for text in [
            "Fighting continued in the North.",
            "Relations between Russia and the West worsened.",
            "Its image in the West improved after stops in Washington and Boston.",
        ] {
            let found: Vec<String> = anchors(text)
                .into_iter()
                .filter(|a| a == "North" || a == "West")
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        assert_eq!(
            countries("Separatists attacked Bamenda in the North West."),
            ["CM", "CM"]
        );
        assert_eq!(
            countries("Clashes in the North West Region of Cameroon."),
            ["CM", "CM"]
        );
    }

    #[test]
    fn a_small_town_after_in_speaks_through_its_officials() {
        // Torrington, Connecticut (35,000) is too small to speak as "Moscow said" does.
        assert_eq!(
            anchors("Police in Torrington said the man was arrested."),
            ["Torrington"]
        );
        assert!(anchors("A friend of Johnson said the talks failed.").is_empty());
    }
}
