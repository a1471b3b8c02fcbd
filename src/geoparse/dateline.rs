//! Datelines: a town, a comma and its state or province abbreviated ("Richmond, Va.",
//! "Kamloops, B.C.", "Perth, WA"), the way local news names where it happens; and the wire
//! dateline in capitals that opens a story ("WASHINGTON (AP) -", "KABUL, Afghanistan -").
//!
//! Part of mention finding: the abbreviation becomes a toponym of its admin region
//! ([`state_abbreviation`](super::state_abbreviation) for the forms with full stops,
//! [`postal_code`](super::postal_code) for the codes), and the town before it is pinned to
//! the place of its name in that region: "Kingston, ON" is Kingston, Ontario, however near
//! the text's other places lie to Kingston, Nova Scotia.
//!
//! # What a wire dateline is
//! This module owns the one rule: the geoparser reads a dateline's place with it (a name in
//! capitals is otherwise a headline word or an acronym), and extraction's sentence
//! segmentation leaves the dateline out of its sentence with it ([`wire_dateline`]). A wire
//! dateline opens a sentence (the start of a line, or after a sentence's end):
//! 1. a place in capitals, more than one initial ("KABUL", "NEW YORK", "PORT-AU-PRINCE",
//!    "N'DJAMENA", "ST. LOUIS"), followed by a comma, a bracket or a dash;
//! 2. optionally a comma and the country, region or date, on the same line ("KABUL,
//!    Afghanistan", "BAMAKO, March 14", "BENI, Democratic Republic of Congo");
//! 3. optionally the agency in brackets ("(Reuters)");
//! 4. a dash (`-`, `--`, `–` or `—`) before the story. A hyphen glued to the words on both
//!    sides joins them ("US-backed") and is no dash.
//!
//! Copy as it reaches us often lost the dash: "INDIANAPOLIS (AP)  Police said", "SALINA, Kan.
//! Strong winds", "KANSAS CITY, Mo. â ” Tens" (a mangled em dash) are common in the LGL
//! corpus. So the place alone makes a dateline, and the place is read as a place mention
//! whatever follows its comma or bracket; the dateline ends at its dash or, without one, at
//! its agency's closing bracket. When neither closes it ("SALINA, Kan. Strong winds") nobody
//! can tell where the story begins, so extraction keeps the sentence whole, dateline and all,
//! and its place still locates the sentence as a mention of it. (Requiring the dash for the
//! place too cost 6 correct toponyms on GeoWebNews and 11 on LGL.)

use crate::gazetteer::{EntryKind, Gazetteer};

use super::mention::Toponym;
use super::postal_code::{is_postal_code, region_after_town};
use super::resolve::context_free_readings;
use super::state_abbreviation::state_at;
use super::tokens::{Token, TokenKind, tokenize};

/// Dashes that end a wire dateline: hyphen-minus (one or two), en dash, em dash.
const DATELINE_DASHES: [char; 3] = ['-', '\u{2013}', '\u{2014}'];
/// Fewest characters of a dateline's place, its joiners left out: one capital is an initial.
const MIN_PLACE_CHARS: usize = 2;
/// Most characters of a word that a full stop abbreviates inside a place ("ST. LOUIS",
/// "FT. WORTH"); after a longer word the full stop ends the sentence.
const MAX_ABBREVIATED_WORD_CHARS: usize = 3;
/// Most tokens of the comma part of a dateline: the country, region or date after the place
/// (", Democratic Republic of Congo", ", Afghanistan, Dec. 3").
const MAX_QUALIFIER_TOKENS: usize = 12;
/// Most tokens inside the agency's brackets ("(Reuters)", "(Thomson Reuters Foundation)").
const MAX_AGENCY_TOKENS: usize = 5;

/// A wire dateline in tokens: the place in capitals is `first..place_end`; the whole
/// dateline, up to its dash or its agency's closing bracket, is `first..end` when something
/// closes it (token indices, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WireDateline {
    pub place_end: usize,
    pub end: Option<usize>,
}

/// The wire dateline that opens the sentence at token `first`, if one does: a place in
/// capitals followed by a comma, a bracket or a dash. See the module doc for the rule.
///
/// # Runtime
/// O(k) for the k tokens of the dateline, at most a few dozen.
pub(super) fn wire_dateline_at(tokens: &[Token], first: usize) -> Option<WireDateline> {
    let head = tokens.get(first)?;
    if !head.sentence_start || !head.is_all_caps() {
        return None;
    }
    let place_end = place_end(tokens, first);
    let place_chars: usize = tokens[first..place_end]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text.chars().count())
        .sum();
    if place_chars < MIN_PLACE_CHARS {
        return None;
    }
    let next = tokens.get(place_end)?;
    (next.is_punct(',') || next.is_punct('(') || is_dash_at(tokens, place_end)).then(|| {
        WireDateline {
            place_end,
            end: closing_end(tokens, place_end),
        }
    })
}

/// End (token index) of a wire dateline whose place ends at token `place_end`: after the
/// optional comma part and agency in brackets, past the dash, or past the agency's bracket
/// when the copy lost the dash ("INDIANAPOLIS (AP)  Police said"). `None` when neither closes
/// it or no story follows.
fn closing_end(tokens: &[Token], place_end: usize) -> Option<usize> {
    let mut at = place_end;
    if tokens.get(at).is_some_and(|t| t.is_punct(',')) {
        at = qualifier_end(tokens, at + 1)?;
    }
    let agency = tokens.get(at).is_some_and(|t| t.is_punct('('));
    if agency {
        let close = (at + 1..=at + 1 + MAX_AGENCY_TOKENS)
            .find(|&k| tokens.get(k).is_some_and(|t| t.is_punct(')')))?;
        at = close + 1;
    }
    let dash = at;
    while is_dash_at(tokens, at) || at > dash && tokens.get(at).is_some_and(|t| t.is_punct('-')) {
        at += 1;
    }
    ((at > dash || agency) && at < tokens.len()).then_some(at)
}

/// True when the tokens `first..end`, in capitals, are the place of a wire dateline
/// ([`wire_dateline_at`]): "WASHINGTON (AP) -", "NEW YORK, April 5 -", "KABUL —". Elsewhere
/// a name in capitals is a headline word or an acronym, and only a code counts.
pub(super) fn is_wire_dateline(tokens: &[Token], first: usize, end: usize) -> bool {
    wire_dateline_at(tokens, first).is_some_and(|d| d.place_end == end)
}

/// Byte length of the wire dateline that opens `sentence` ("KABUL (Wire) - "), its dash and
/// the white space after it included; `None` when the sentence opens with none, or with one
/// that nothing closes. The rule the geoparser reads a dateline's place with
/// ([`wire_dateline_at`]), for callers that hold text rather than tokens (sentence
/// segmentation in extraction).
///
/// # Runtime
/// Tokenizes `sentence`: O(n) in its length.
pub(crate) fn wire_dateline(sentence: &str) -> Option<usize> {
    let tokens = tokenize(sentence);
    let end = wire_dateline_at(&tokens, 0)?.end?;
    Some(tokens[end].start)
}

/// End (token index) of the place in capitals that starts at token `first`: words in
/// capitals separated by spaces, or joined by a hyphen or apostrophe with no space
/// ("PORT-AU-PRINCE", "N'DJAMENA"), or by the full stop of a short abbreviation ("ST. LOUIS").
fn place_end(tokens: &[Token], first: usize) -> usize {
    let is_caps_word = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && t.is_all_caps())
    };
    let mut end = first + 1;
    while let Some(next) = tokens.get(end) {
        if is_caps_word(end) && next.space_before && !next.sentence_start {
            end += 1;
            continue;
        }
        let glued_joiner = (next.is_punct('-') || next.is_punct('\'') || next.is_punct('\u{2019}'))
            && !next.space_before
            && tokens.get(end + 1).is_some_and(|w| !w.space_before);
        let abbreviation = next.is_punct('.')
            && !next.space_before
            && tokens[end - 1].text.chars().count() <= MAX_ABBREVIATED_WORD_CHARS
            && tokens.get(end + 1).is_some_and(|w| w.space_before);
        if !((glued_joiner || abbreviation) && is_caps_word(end + 1)) {
            break;
        }
        end += 2;
    }
    end
}

/// End (token index) of a dateline's comma part starting at token `from`, right after the
/// comma: the token of the agency's bracket or of the dash after at least one and at most
/// [`MAX_QUALIFIER_TOKENS`] tokens on the same line. `None` when there is no such end.
fn qualifier_end(tokens: &[Token], from: usize) -> Option<usize> {
    for k in from..=from + MAX_QUALIFIER_TOKENS {
        let t = tokens.get(k)?;
        // A line break starts a sentence after no full stop: the dateline has ended.
        if t.is_punct(')') || t.sentence_start && !tokens[k - 1].is_punct('.') {
            return None;
        }
        if t.is_punct('(') || is_dash_at(tokens, k) {
            return (k > from).then_some(k);
        }
    }
    None
}

/// True when token `k` is a dash that may end a wire dateline: not a hyphen glued to the
/// words on both sides, which joins them ("US-backed", "Guinea-Bissau").
fn is_dash_at(tokens: &[Token], k: usize) -> bool {
    let Some(token) = tokens.get(k) else {
        return false;
    };
    let joining_hyphen = token.is_punct('-')
        && !token.space_before
        && tokens
            .get(k + 1)
            .is_some_and(|t| !t.space_before && !t.is_punct('-'));
    DATELINE_DASHES.iter().any(|&c| token.is_punct(c)) && !joining_hyphen
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
        areas_only: false,
        written_as_word: false,
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
    use super::wire_dateline;
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;

    /// The wire dateline that opens `text`, as text.
    fn dateline(text: &str) -> Option<&str> {
        wire_dateline(text).map(|len| &text[..len])
    }

    #[test]
    fn a_wire_dateline_is_capitals_a_comma_part_an_agency_and_a_dash() {
        for (text, expected) in [
            ("KABUL - Gunmen attacked.", "KABUL - "),
            ("KABUL (Wire) - A bomb.", "KABUL (Wire) - "),
            (
                "BAMAKO, March 14 (Wire) - A bomb.",
                "BAMAKO, March 14 (Wire) - ",
            ),
            (
                "BENI, Democratic Republic of Congo (Wire) - Rebels.",
                "BENI, Democratic Republic of Congo (Wire) - ",
            ),
            (
                "WASHINGTON, Dec. 3 (AP) -- Police.",
                "WASHINGTON, Dec. 3 (AP) -- ",
            ),
            ("WASHINGTON\u{2014}The president.", "WASHINGTON\u{2014}"),
            (
                "BISSAU, Guinea-Bissau \u{2013} Troops.",
                "BISSAU, Guinea-Bissau \u{2013} ",
            ),
            ("PORT-AU-PRINCE, Haiti - Gangs.", "PORT-AU-PRINCE, Haiti - "),
            ("ST. LOUIS (AP) - Police.", "ST. LOUIS (AP) - "),
            ("N'DJAMENA (Wire) - Troops.", "N'DJAMENA (Wire) - "),
            ("HAMMOND, Ind. (AP)  The state.", "HAMMOND, Ind. (AP)  "),
            (
                "WASHINGTON, April 5 (Thomson Reuters Foundation) - A law.",
                "WASHINGTON, April 5 (Thomson Reuters Foundation) - ",
            ),
        ] {
            assert_eq!(dateline(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_dateline_nothing_closes_has_no_extent_and_capitals_alone_are_none() {
        for text in [
            "KABUL, Afghanistan The story.",
            "SALINA, Kan. Strong winds toppled trucks.",
            "US-backed forces attacked.",
            "UN envoy - visit ends.",
            "Kabul - Gunmen attacked.",
            "K - the letter.",
            "KABUL -",
            "KABUL, KANDAHAR\nGunmen - police.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }

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
        // A dateline names the city, not the state the city shares its name with.
        assert_eq!(
            names("Foundation. NEW YORK, April 5 - Police said."),
            ["New York City"]
        );
        // Capitals inside a sentence or without a dateline's punctuation stay unread.
        assert!(names("Officials said PARIS would wait. JORDAN ALERT issued.").is_empty());
    }
}
