//! US state abbreviations in AP style ("Richmond, Va.", "Paris, Tenn.", "Albany, N.Y."): the
//! dateline form of local American news, which names the state after the town.
//!
//! GeoNames admin1 codes of US states are the postal codes, so each abbreviation maps to one
//! `US.XX` admin region. Short forms that are also words ("Miss.", "Wash.", "Ind.") count only
//! after a comma and with their full stop.

use super::tokens::{Token, TokenKind};
use crate::gazetteer::Gazetteer;

/// AP-style abbreviations (lower case, without full stops) and postal codes.
const AP_STYLE: &[(&str, &str)] = &[
    ("ala", "AL"),
    ("ariz", "AZ"),
    ("ark", "AR"),
    ("calif", "CA"),
    ("colo", "CO"),
    ("conn", "CT"),
    ("del", "DE"),
    ("fla", "FL"),
    ("ga", "GA"),
    ("ill", "IL"),
    ("ind", "IN"),
    ("kan", "KS"),
    ("kans", "KS"),
    ("ky", "KY"),
    ("la", "LA"),
    ("md", "MD"),
    ("mass", "MA"),
    ("mich", "MI"),
    ("minn", "MN"),
    ("miss", "MS"),
    ("mo", "MO"),
    ("mont", "MT"),
    ("neb", "NE"),
    ("nebr", "NE"),
    ("nev", "NV"),
    ("okla", "OK"),
    ("ore", "OR"),
    ("pa", "PA"),
    ("tenn", "TN"),
    ("tex", "TX"),
    ("vt", "VT"),
    ("va", "VA"),
    ("wash", "WA"),
    ("wis", "WI"),
    ("wyo", "WY"),
    ("nh", "NH"),
    ("nj", "NJ"),
    ("nm", "NM"),
    ("ny", "NY"),
    ("nc", "NC"),
    ("nd", "ND"),
    ("ri", "RI"),
    ("sc", "SC"),
    ("sd", "SD"),
    ("wva", "WV"),
    ("dc", "DC"),
];

/// The lower-case letters of an abbreviation at token `i` ("wva" for "W.Va.") and the index
/// after its last full stop; an empty key when none starts there.
fn abbreviation_at(tokens: &[Token], i: usize) -> (String, usize) {
    let mut key = String::new();
    let mut j = i;
    // "Va." or "N.Y." or "W.Va.": capitalised letters, each followed by a full stop.
    while let [word, dot, ..] = tokens.get(j..).unwrap_or_default() {
        let joined = j == i || !word.space_before;
        if word.kind != TokenKind::Word
            || !word.is_capitalised()
            || !dot.is_punct('.')
            || dot.space_before
            || !joined
        {
            break;
        }
        key.push_str(&word.text.to_ascii_lowercase());
        j += 2;
    }
    (key, j)
}

/// The abbreviations AP style writes as dotted initials ("N.Y."); the others are one word
/// ("La.", "Va."), so dotted initials that spell them are something else: "L.A." is Los
/// Angeles, "V.A." the Veterans Affairs department, "M.D." a doctor.
const INITIALS: &[&str] = &["nh", "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd", "dc"];

/// The postal code of an abbreviation key; `initials` when every part of it was one letter.
fn postal_code(key: &str, initials: bool) -> Option<&'static str> {
    if initials && !INITIALS.contains(&key) {
        return None;
    }
    AP_STYLE
        .iter()
        .find(|(k, _)| *k == key)
        .map(|&(_, code)| code)
}

/// The postal code of a state abbreviation at token `i`, and the index after it (full stops
/// included). A one-word form needs a comma before it ("Richmond, Va." but not "Va. Tech");
/// dotted initials ("N.Y.", "S.C.") stand alone.
pub fn state_at(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let after_comma = i > 0 && tokens[i - 1].is_punct(',');
    let (key, j) = abbreviation_at(tokens, i);
    let dotted = j - i >= 4;
    if j == i || !(after_comma || dotted) {
        return None;
    }
    postal_code(&key, key.len() * 2 == j - i).map(|code| (code, j))
}

/// The row in [`Gazetteer::admin1`] of the US state with postal code `code` ("VA").
pub fn state_row(gazetteer: &Gazetteer, code: &str) -> Option<usize> {
    gazetteer.admin1_row(&format!("US.{code}"))
}

/// The postal code when the tokens `first..end`, already known to name a place, are exactly
/// one state abbreviation ("Ky.", "W. Va."); spaces between the parts are allowed here.
pub fn state_in_span(tokens: &[Token], first: usize, end: usize) -> Option<&'static str> {
    let mut key = String::new();
    let mut j = first;
    let mut parts = 0;
    while j < end {
        let (part, next) = abbreviation_at(tokens, j);
        if next == j {
            return None;
        }
        key.push_str(&part);
        parts += (next - j) / 2;
        j = next;
    }
    postal_code(&key, key.len() == parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    #[test]
    fn reads_dateline_states() {
        let tokens = tokenize("Richmond, Va. and Albany, N.Y. and Wash. Post");
        assert_eq!(state_at(&tokens, 2), Some(("VA", 4)));
        assert_eq!(state_at(&tokens, 7), Some(("NY", 11)));
        assert_eq!(state_at(&tokens, 12), None);
        assert_eq!(state_in_span(&tokenize("W. Va."), 0, 4), Some("WV"));
        assert_eq!(state_in_span(&tokenize("Ky."), 0, 2), Some("KY"));
    }

    #[test]
    fn dotted_initials_are_a_state_only_where_ap_style_writes_them_so() {
        // "La." is Louisiana; "L.A." is Los Angeles.
        assert_eq!(state_in_span(&tokenize("L.A."), 0, 4), None);
        assert_eq!(state_at(&tokenize("riots in L.A. last year"), 2), None);
        assert_eq!(state_in_span(&tokenize("La."), 0, 2), Some("LA"));
        assert_eq!(state_in_span(&tokenize("S.C."), 0, 4), Some("SC"));
    }
}
