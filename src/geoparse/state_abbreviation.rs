//! Abbreviated states and provinces after a town: AP style for the US ("Richmond, Va.",
//! "Albany, N.Y."), Canadian Press style for Canada ("Kamloops, B.C.", "Sudbury, Ont."), and
//! the Australian forms with full stops ("Hobart, Tas.", "N.S.W."). The dateline form of local
//! news, which names the region after the town.
//!
//! Each abbreviation maps to one admin region (`CC.XX` admin1 code). Short forms that are also
//! words ("Miss.", "Wash.", "Man.") count only after a comma and with their full stop. The
//! undotted postal codes ("Austin, TX", "Perth, WA") are read in
//! [`postal_code`](super::postal_code).

use super::tokens::{Token, TokenKind};

/// AP-style abbreviations of US states (lower case, without full stops) and their admin1
/// codes, which are the postal codes.
const AP_STYLE: &[(&str, &str)] = &[
    ("ala", "US.AL"),
    ("ariz", "US.AZ"),
    ("ark", "US.AR"),
    ("calif", "US.CA"),
    ("colo", "US.CO"),
    ("conn", "US.CT"),
    ("del", "US.DE"),
    ("fla", "US.FL"),
    ("ga", "US.GA"),
    ("ill", "US.IL"),
    ("ind", "US.IN"),
    ("kan", "US.KS"),
    ("kans", "US.KS"),
    ("ky", "US.KY"),
    ("la", "US.LA"),
    ("md", "US.MD"),
    ("mass", "US.MA"),
    ("mich", "US.MI"),
    ("minn", "US.MN"),
    ("miss", "US.MS"),
    ("mo", "US.MO"),
    ("mont", "US.MT"),
    ("neb", "US.NE"),
    ("nebr", "US.NE"),
    ("nev", "US.NV"),
    ("okla", "US.OK"),
    ("ore", "US.OR"),
    ("pa", "US.PA"),
    ("tenn", "US.TN"),
    ("tex", "US.TX"),
    ("vt", "US.VT"),
    ("va", "US.VA"),
    ("wash", "US.WA"),
    ("wis", "US.WI"),
    ("wyo", "US.WY"),
    ("nh", "US.NH"),
    ("nj", "US.NJ"),
    ("nm", "US.NM"),
    ("ny", "US.NY"),
    ("nc", "US.NC"),
    ("nd", "US.ND"),
    ("ri", "US.RI"),
    ("sc", "US.SC"),
    ("sd", "US.SD"),
    ("wva", "US.WV"),
    ("dc", "US.DC"),
];

/// Canadian Press abbreviations of provinces and territories, and their admin1 codes. GeoNames
/// numbers Canada's provinces ("CA.02" is British Columbia), so these are not postal codes.
const CANADIAN_PRESS: &[(&str, &str)] = &[
    ("alta", "CA.01"),
    ("bc", "CA.02"),
    ("man", "CA.03"),
    ("nb", "CA.04"),
    ("nfld", "CA.05"),
    ("nl", "CA.05"),
    ("ns", "CA.07"),
    ("ont", "CA.08"),
    ("pei", "CA.09"),
    ("que", "CA.10"),
    ("sask", "CA.11"),
    ("yt", "CA.12"),
    ("nwt", "CA.13"),
];

/// Australian abbreviations of states written with full stops ("Hobart, Tas.", "N.S.W."),
/// and their admin1 codes, which GeoNames numbers too ("AU.02" is New South Wales).
const AUSTRALIAN: &[(&str, &str)] = &[
    ("nsw", "AU.02"),
    ("qld", "AU.04"),
    ("tas", "AU.06"),
    ("vic", "AU.07"),
];

/// The lower-case letters of an abbreviation at token `i` ("wva" for "W.Va.") and the index
/// after its last full stop; an empty key when none starts there.
fn abbreviation_at(tokens: &[Token], i: usize) -> (String, usize) {
    let mut key = String::new();
    let mut j = i;
    // "Va." or "N.Y." or "W.Va.": capitalised letters, each followed by a full stop. A code in
    // capitals before a full stop ("Columbia, SC.") ends a sentence: it is a postal code. An
    // initial may stand apart from the word it abbreviates with ("W. Va.").
    while let [word, dot, ..] = tokens.get(j..).unwrap_or_default() {
        let after_initial = j > i && tokens[j - 2].text.len() == 1 && word.text.len() > 1;
        let joined = j == i || !word.space_before || after_initial;
        let code = word.text.len() > 1 && word.is_all_caps();
        if word.kind != TokenKind::Word
            || !word.is_capitalised()
            || code
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

/// The abbreviations written as dotted initials ("N.Y.", "B.C.", "P.E.I."); the others are
/// one word ("La.", "Va.", "Ont."), so dotted initials that spell them are something else: "L.A."
/// is Los Angeles, "V.A." the Veterans Affairs department, "M.D." a doctor.
const INITIALS: &[&str] = &[
    "nh", "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd", "dc", "bc", "nb", "nl", "ns", "pei",
    "nwt", "yt", "nsw",
];

/// Dotted initials that stand for something else more often than alone: "N.B." (nota bene),
/// "N.L." (the National League). They name a province only after a comma ("Moncton, N.B.").
const AFTER_COMMA_ONLY: &[&str] = &["nb", "nl"];

/// The key of "B.C.", which after a year or a century is the era ("44 B.C.", "the fifth
/// century B.C."), not British Columbia.
const ERA: &str = "bc";

/// Words that put an era after them ("century B.C.").
const ERA_WORDS: &[&str] = &["century", "centuries", "millennium", "millennia"];

/// The key of "Man.", which before one of [`MANCHESTER_CLUBS`] is Manchester ("Chelsea, Man.
/// United and Arsenal"), not Manitoba.
const MANITOBA: &str = "man";

/// The words after "Man." that make it Manchester's football clubs.
const MANCHESTER_CLUBS: &[&str] = &["United", "City", "Utd"];

/// The admin1 code (`CC.XX`) of an abbreviation key; `initials` when every part of it was one
/// letter.
fn admin1_code(key: &str, initials: bool) -> Option<&'static str> {
    if initials && !INITIALS.contains(&key) {
        return None;
    }
    AP_STYLE
        .iter()
        .chain(CANADIAN_PRESS)
        .chain(AUSTRALIAN)
        .find(|(k, _)| *k == key)
        .map(|&(_, code)| code)
}

/// True when `key` at token `i` is the era: "B.C." after a number or "century".
fn is_era(tokens: &[Token], i: usize, key: &str) -> bool {
    key == ERA
        && i.checked_sub(1).is_some_and(|p| {
            let prev = &tokens[p];
            prev.kind == TokenKind::Number || ERA_WORDS.iter().any(|w| prev.is_word(w))
        })
}

/// The admin1 code (`CC.XX`) of a state or province abbreviation at token `i`, and the index
/// after it (full stops included). A one-word form needs a comma before it ("Richmond, Va."
/// but not "Va. Tech"); dotted initials ("N.Y.", "B.C.") stand alone, but for those in
/// [`AFTER_COMMA_ONLY`] and the era ("100 B.C.").
pub fn state_at(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let after_comma = i > 0 && tokens[i - 1].is_punct(',');
    let (key, j) = abbreviation_at(tokens, i);
    let dotted = j - i >= 4 && !AFTER_COMMA_ONLY.contains(&key.as_str());
    let club = key == MANITOBA
        && tokens
            .get(j)
            .is_some_and(|next| MANCHESTER_CLUBS.contains(&next.text));
    if j == i || !(after_comma || dotted) || is_era(tokens, i, &key) || club {
        return None;
    }
    admin1_code(&key, key.len() * 2 == j - i).map(|code| (code, j))
}

/// The admin1 code (`CC.XX`) when the tokens `first..end`, already known to name a place, are
/// exactly one state or province abbreviation ("Ky.", "W. Va.", "B.C."); spaces between the
/// parts are allowed here.
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
    admin1_code(&key, key.len() == parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    #[test]
    fn reads_dateline_states() {
        let tokens = tokenize("Richmond, Va. and Albany, N.Y. and Wash. Post");
        assert_eq!(state_at(&tokens, 2), Some(("US.VA", 4)));
        assert_eq!(state_at(&tokens, 7), Some(("US.NY", 11)));
        assert_eq!(state_at(&tokens, 12), None);
        assert_eq!(state_in_span(&tokenize("W. Va."), 0, 4), Some("US.WV"));
        assert_eq!(state_in_span(&tokenize("Ky."), 0, 2), Some("US.KY"));
        // An initial apart from its word, in running text too.
        let tokens = tokenize("of Wood County, W. Va., is held; Rep. Nick Rahall, D-W. Va.");
        assert_eq!(state_at(&tokens, 4), Some(("US.WV", 8)));
        assert_eq!(state_at(&tokens, 19), Some(("US.WV", 23)));
    }

    #[test]
    fn dotted_initials_are_a_state_only_where_ap_style_writes_them_so() {
        // "La." is Louisiana; "L.A." is Los Angeles.
        assert_eq!(state_in_span(&tokenize("L.A."), 0, 4), None);
        assert_eq!(state_at(&tokenize("riots in L.A. last year"), 2), None);
        assert_eq!(state_in_span(&tokenize("La."), 0, 2), Some("US.LA"));
        assert_eq!(state_in_span(&tokenize("S.C."), 0, 4), Some("US.SC"));
    }

    #[test]
    fn reads_canadian_press_and_australian_forms() {
        let tokens =
            tokenize("Kamloops, B.C. and Sudbury, Ont. and Hobart, Tas. and Moncton, N.B.");
        assert_eq!(state_at(&tokens, 2), Some(("CA.02", 6)));
        assert_eq!(state_at(&tokens, 9), Some(("CA.08", 11)));
        assert_eq!(state_at(&tokens, 14), Some(("AU.06", 16)));
        assert_eq!(state_at(&tokens, 19), Some(("CA.04", 23)));
        assert_eq!(state_in_span(&tokenize("P.E.I."), 0, 6), Some("CA.09"));
        assert_eq!(state_in_span(&tokenize("N.S.W."), 0, 6), Some("AU.02"));
        // A postal code ends the sentence; its full stop is no part of it.
        assert_eq!(state_at(&tokenize("Sydney, NSW."), 2), None);
    }

    #[test]
    fn word_forms_need_a_comma_and_some_initials_mean_something_else() {
        // "Man." is a word; "N.B." is nota bene and "N.L." the National League unless a comma
        // puts them after a town.
        let tokens = tokenize("Winnipeg, Man. and Man. United; N.B. the N.L. pennant");
        assert_eq!(state_at(&tokens, 2), Some(("CA.03", 4)));
        assert_eq!(state_at(&tokens, 5), None);
        assert_eq!(state_at(&tokenize("Chelsea, Man. City"), 2), None);
        assert_eq!(state_at(&tokens, 9), None);
        assert_eq!(state_at(&tokens, 14), None);
    }

    #[test]
    fn bc_after_a_year_or_century_is_the_era() {
        // Regression: "B.C." standing alone is British Columbia, after a number the era.
        let tokens = tokenize(
            "fires in northern B.C. and a mound built in 100 B.C. or the fifth century B.C.",
        );
        assert_eq!(state_at(&tokens, 3), Some(("CA.02", 7)));
        assert_eq!(state_at(&tokens, 13), None);
        assert_eq!(state_at(&tokens, 21), None);
    }

    #[test]
    fn every_code_is_the_admin_region_its_abbreviation_names() {
        let gazetteer = crate::gazetteer::Gazetteer::load().unwrap();
        let expected = [
            ("alta", "Alberta"),
            ("bc", "British Columbia"),
            ("man", "Manitoba"),
            ("nb", "New Brunswick"),
            ("nfld", "Newfoundland and Labrador"),
            ("nl", "Newfoundland and Labrador"),
            ("ns", "Nova Scotia"),
            ("ont", "Ontario"),
            ("pei", "Prince Edward Island"),
            ("que", "Quebec"),
            ("sask", "Saskatchewan"),
            ("yt", "Yukon"),
            ("nwt", "Northwest Territories"),
            ("nsw", "New South Wales"),
            ("qld", "Queensland"),
            ("tas", "Tasmania"),
            ("vic", "Victoria"),
            ("calif", "California"),
            ("wva", "West Virginia"),
        ];
        for (key, name) in expected {
            let code = admin1_code(key, false).unwrap();
            let row = gazetteer.admin1_row(code).unwrap();
            assert_eq!(gazetteer.admin1()[row].name, name, "{key} -> {code}");
        }
        // Every entry names a region the gazetteer has.
        for (key, code) in AP_STYLE.iter().chain(CANADIAN_PRESS).chain(AUSTRALIAN) {
            assert!(gazetteer.admin1_row(code).is_some(), "{key} -> {code}");
        }
        assert_eq!(CANADIAN_PRESS.len() + AUSTRALIAN.len(), expected.len() - 2);
    }
}
