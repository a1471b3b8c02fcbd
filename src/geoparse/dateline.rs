//! Datelines: a town, a comma and its state or province abbreviated ("Richmond, Va.",
//! "Kamloops, B.C.", "Perth, WA"), the way local news names where it happens; and the wire
//! dateline in capitals that opens a story ("WASHINGTON (AP) -", "KABUL, Afghanistan -").
//!
//! Part of mention finding: the abbreviation becomes a toponym of its admin region
//! ([`state_abbreviation`](super::state_abbreviation) for the forms with full stops,
//! [`postal_code`](super::postal_code) for the codes), and the town before it is pinned to
//! the place of its name in that region: "Kingston, ON" is Kingston, Ontario, however near
//! the text's other places lie to Kingston, Nova Scotia.

use crate::gazetteer::{EntryKind, Gazetteer};

use super::mention::Toponym;
use super::postal_code::{is_postal_code, region_after_town};
use super::resolve::context_free_readings;
use super::state_abbreviation::state_at;
use super::tokens::Token;

/// Characters that may follow a wire dateline's place: the agency in brackets, a comma before
/// the country or date, or a dash before the story.
const WIRE_DATELINE_FOLLOWERS: [char; 5] = ['(', ',', '-', '—', '–'];

/// True when the tokens `first..end`, all in capitals, open a sentence and are followed by a
/// wire dateline's bracket, comma or dash: "WASHINGTON (AP) -", "NEW YORK, April 5", "KABUL —".
/// Elsewhere a name in capitals is a headline word or an acronym, and only a code counts.
pub(super) fn is_wire_dateline(tokens: &[Token], first: usize, end: usize) -> bool {
    tokens[first].sentence_start
        && tokens[first..end].iter().all(|t| t.is_all_caps())
        && tokens
            .get(end)
            .is_some_and(|t| WIRE_DATELINE_FOLLOWERS.iter().any(|&c| t.is_punct(c)))
}

/// The toponym of a state or province abbreviation at token `i`: one with full stops ("Va.",
/// "B.C."), or a postal code ("TX", "WA") right after "Town, " where the town is the last of
/// `found`, the toponyms found so far. When that town has a reading in the region, its reading
/// is fixed to the best one there.
pub(super) fn region_at(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    i: usize,
    found: &mut [Toponym],
) -> Option<Toponym> {
    let town = found
        .last_mut()
        .filter(|t| t.end + 1 == i && tokens[t.end].is_punct(',') && t.fixed.is_none());
    let (row, end, town) = match state_at(tokens, i) {
        Some((code, end)) => (gazetteer.admin1_row(code)?, end, town),
        None => {
            let town = town.filter(|_| is_postal_code(tokens[i].text))?;
            let readings = context_free_readings(gazetteer, town);
            (
                region_after_town(gazetteer, tokens, i, &readings)?,
                i + 1,
                Some(town),
            )
        }
    };
    if let Some(town) = town {
        pin_to_region(gazetteer, town, row);
    }
    Some(Toponym {
        first: i,
        end,
        folded: String::new(),
        variant: false,
        cued: true,
        fixed: Some(EntryKind::Admin1(row)),
        bare_county: false,
    })
}

/// Fixes the reading of `town` to its best reading in the admin region at row `row` of
/// [`Gazetteer::admin1`], when it has one there.
fn pin_to_region(gazetteer: &Gazetteer, town: &mut Toponym, row: usize) {
    let region = gazetteer.admin1()[row].code;
    town.fixed = context_free_readings(gazetteer, town)
        .into_iter()
        .map(|c| c.kind)
        .find(|&kind| matches!(kind, EntryKind::Place(p) if gazetteer.places()[p].lies_in_admin1(region)));
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;

    /// (anchor name, admin1 code of the anchor's place) of every mention of `text`.
    fn anchors(text: &str) -> Vec<(String, f64)> {
        let gazetteer = Gazetteer::load().unwrap();
        geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.location.anchor.name, m.location.lon))
            .collect()
    }

    #[test]
    fn the_town_of_a_dateline_lies_in_its_region() {
        // Regression: Kingston beside Sydney, Nova Scotia read as Kingston, Nova Scotia
        // although the dateline says Ontario (Kingston, Ontario lies west of 70° W).
        let found = anchors("Officials in Sydney, NS, and Kingston, ON, met.");
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Sydney", "Nova Scotia", "Kingston", "Ontario"]);
        assert!(found[2].1 < -70.0, "{found:?}");
    }

    #[test]
    fn a_wire_dateline_in_capitals_names_a_place_and_a_headline_does_not() {
        let names =
            |text: &str| -> Vec<String> { anchors(text).into_iter().map(|(n, _)| n).collect() };
        assert_eq!(
            names("WASHINGTON (AP) - The president said."),
            ["Washington"]
        );
        assert_eq!(
            names("KABUL, Afghanistan - A bomb exploded."),
            ["Kabul", "Afghanistan"]
        );
        assert_eq!(
            names("Foundation. NEW YORK, April 5 - Police said."),
            ["New York"]
        );
        // Capitals inside a sentence or without a dateline's punctuation stay unread.
        assert!(names("Officials said PARIS would wait. JORDAN ALERT issued.").is_empty());
    }
}
