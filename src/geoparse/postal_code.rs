//! Postal codes of US states, Canadian provinces and Australian states written after a town
//! ("Austin, TX", "Vancouver, BC", "Perth, WA", "Brisbane, Qld"): the other dateline form,
//! beside the abbreviations with full stops of [`state_abbreviation`](super::state_abbreviation).
//!
//! A code alone is a short word in capitals that is often something else ("2000 BC", "SA" for
//! South Africa, "ON" in a headline), and some codes name a region in two countries ("WA" is
//! Washington and Western Australia, "NT" the Northwest Territories and the Northern
//! Territory). So the mention finder reads a code only right after a comma that follows a
//! town, and as the region that town lies in: "Perth, WA" is Western Australia, "Seattle, WA"
//! Washington. A span someone else marked as exactly a code is read with its document instead
//! ([`region_in_document`]).

use std::collections::HashMap;

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer, fold};

use super::tokens::{Token, TokenKind};

/// Postal codes as written (case matters: "Qld" is Queensland, "qld" nothing) and the admin1
/// code (`CC.XX`) of the region each names. US admin1 codes are the postal codes; GeoNames
/// numbers the Canadian and Australian regions ("CA.02" British Columbia, "AU.08" Western
/// Australia).
const POSTAL: &[(&str, &str)] = &[
    ("AL", "US.AL"),
    ("AK", "US.AK"),
    ("AZ", "US.AZ"),
    ("AR", "US.AR"),
    ("CA", "US.CA"),
    ("CO", "US.CO"),
    ("CT", "US.CT"),
    ("DE", "US.DE"),
    ("DC", "US.DC"),
    ("FL", "US.FL"),
    ("GA", "US.GA"),
    ("HI", "US.HI"),
    ("ID", "US.ID"),
    ("IL", "US.IL"),
    ("IN", "US.IN"),
    ("IA", "US.IA"),
    ("KS", "US.KS"),
    ("KY", "US.KY"),
    ("LA", "US.LA"),
    ("ME", "US.ME"),
    ("MD", "US.MD"),
    ("MA", "US.MA"),
    ("MI", "US.MI"),
    ("MN", "US.MN"),
    ("MS", "US.MS"),
    ("MO", "US.MO"),
    ("MT", "US.MT"),
    ("NE", "US.NE"),
    ("NV", "US.NV"),
    ("NH", "US.NH"),
    ("NJ", "US.NJ"),
    ("NM", "US.NM"),
    ("NY", "US.NY"),
    ("NC", "US.NC"),
    ("ND", "US.ND"),
    ("OH", "US.OH"),
    ("OK", "US.OK"),
    ("OR", "US.OR"),
    ("PA", "US.PA"),
    ("RI", "US.RI"),
    ("SC", "US.SC"),
    ("SD", "US.SD"),
    ("TN", "US.TN"),
    ("TX", "US.TX"),
    ("UT", "US.UT"),
    ("VT", "US.VT"),
    ("VA", "US.VA"),
    ("WA", "US.WA"),
    ("WV", "US.WV"),
    ("WI", "US.WI"),
    ("WY", "US.WY"),
    ("AB", "CA.01"),
    ("BC", "CA.02"),
    ("MB", "CA.03"),
    ("NB", "CA.04"),
    ("NL", "CA.05"),
    ("NS", "CA.07"),
    ("ON", "CA.08"),
    ("PE", "CA.09"),
    ("PEI", "CA.09"),
    ("QC", "CA.10"),
    ("SK", "CA.11"),
    ("YT", "CA.12"),
    ("NT", "CA.13"),
    ("NU", "CA.14"),
    ("ACT", "AU.01"),
    ("NSW", "AU.02"),
    ("NT", "AU.03"),
    ("QLD", "AU.04"),
    ("Qld", "AU.04"),
    ("SA", "AU.05"),
    ("TAS", "AU.06"),
    ("Tas", "AU.06"),
    ("VIC", "AU.07"),
    ("Vic", "AU.07"),
    ("WA", "AU.08"),
];

/// The admin regions (`CC.XX`) that the postal code `word` may name; none when it is no code.
fn regions(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    POSTAL
        .iter()
        .filter(move |(form, _)| *form == word)
        .map(|&(_, code)| code)
}

/// True when `word` is a postal code as written ("BC", "NSW", "Qld").
pub fn is_postal_code(word: &str) -> bool {
    regions(word).next().is_some()
}

/// How well the town with the readings `town` fits the region `code` (`CC.XX`): whether its
/// best reading there lies in the region itself or only in its country, and that reading's
/// score; `None` when no reading lies in the country.
fn town_fit(gazetteer: &Gazetteer, code: &str, town: &[Candidate]) -> Option<(bool, f32)> {
    let (country, _) = code.split_once('.')?;
    town.iter()
        .filter_map(|c| match c.kind {
            EntryKind::Place(p) => {
                let place = &gazetteer.places()[p];
                (place.country_code == country).then_some((place.lies_in_admin1(code), c.score))
            }
            _ => None,
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
}

/// The row in [`Gazetteer::admin1`] of the region named by a postal code at token `i` that a
/// comma separates from a town with the readings `town` (best first): of the regions the code
/// may name, the one the town lies in, else the one whose country it lies in; `None` when the
/// code names no region of the town's countries ("Smith, ON" is no dateline).
pub fn region_after_town(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    i: usize,
    town: &[Candidate],
) -> Option<usize> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Word || i == 0 || !tokens[i - 1].is_punct(',') {
        return None;
    }
    let (code, _) = regions(token.text)
        .filter_map(|code| Some((code, town_fit(gazetteer, code, town)?)))
        .max_by(|(_, a), (_, b)| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))?;
    gazetteer.admin1_row(code)
}

/// The row in [`Gazetteer::admin1`] of the region that a span written exactly as the postal
/// code `word` names, in a document whose other toponyms resolved to `resolved` and whose
/// demonyms name the countries `hinted` (ISO alpha-2): a region that some of those places lie
/// in, else the region of the country most of them lie in, else, when the document names no
/// country at all or the code is no gazetteer name, the code's only region. `None` when the
/// document points away from the code's countries ("SA" in a text about South Africa).
pub fn region_in_document(
    gazetteer: &Gazetteer,
    word: &str,
    resolved: &[EntryKind],
    hinted: &[&str],
) -> Option<usize> {
    let mut per_country: HashMap<&str, usize> = HashMap::new();
    for cc in resolved
        .iter()
        .filter_map(|&kind| gazetteer.country_of(kind))
        .chain(hinted.iter().copied())
    {
        *per_country.entry(cc).or_default() += 1;
    }
    let most = per_country.values().copied().max().unwrap_or(0);
    let inside = |code: &str| {
        resolved
            .iter()
            .filter(|&&kind| match kind {
                EntryKind::Place(p) => gazetteer.places()[p].lies_in_admin1(code),
                EntryKind::Admin1(a) => gazetteer.admin1()[a].code == code,
                _ => false,
            })
            .count()
    };
    let only_region = || {
        let mut only = regions(word);
        match (only.next(), only.next()) {
            (Some(code), None) => gazetteer.admin1_row(code),
            _ => None,
        }
    };
    if per_country.is_empty() {
        return only_region();
    }
    let fitting = regions(word)
        .map(|code| {
            let country = code.split('.').next().unwrap_or_default();
            let named = per_country.get(country).copied().unwrap_or(0);
            (code, (inside(code), named))
        })
        .filter(|&(_, (inside, named))| inside > 0 || named > 0 && named == most)
        .max_by_key(|&(_, fit)| fit);
    match fitting {
        Some((code, _)) => gazetteer.admin1_row(code),
        // "NSW" names New South Wales and nothing else, whatever a misread town says.
        None if gazetteer
            .candidates(&fold(word), &Context::default())
            .is_empty() =>
        {
            only_region()
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_the_admin_region_it_names() {
        let gazetteer = Gazetteer::load().unwrap();
        let expected = [
            ("AB", "Alberta"),
            ("BC", "British Columbia"),
            ("MB", "Manitoba"),
            ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"),
            ("NS", "Nova Scotia"),
            ("ON", "Ontario"),
            ("PE", "Prince Edward Island"),
            ("PEI", "Prince Edward Island"),
            ("QC", "Quebec"),
            ("SK", "Saskatchewan"),
            ("YT", "Yukon"),
            ("NU", "Nunavut"),
            ("ACT", "Australian Capital Territory"),
            ("NSW", "New South Wales"),
            ("QLD", "Queensland"),
            ("Qld", "Queensland"),
            ("SA", "South Australia"),
            ("TAS", "Tasmania"),
            ("Tas", "Tasmania"),
            ("VIC", "Victoria"),
            ("Vic", "Victoria"),
            ("TX", "Texas"),
            ("DC", "District of Columbia"),
        ];
        for (form, name) in expected {
            let codes: Vec<&str> = regions(form).collect();
            assert_eq!(codes.len(), 1, "{form}");
            let row = gazetteer.admin1_row(codes[0]).unwrap();
            assert_eq!(gazetteer.admin1()[row].name, name, "{form}");
        }
        // The two codes of two countries.
        let names = |form: &str| -> Vec<&str> {
            regions(form)
                .map(|code| gazetteer.admin1()[gazetteer.admin1_row(code).unwrap()].name)
                .collect()
        };
        assert_eq!(names("WA"), ["Washington", "Western Australia"]);
        assert_eq!(names("NT"), ["Northwest Territories", "Northern Territory"]);
        for (form, code) in POSTAL {
            assert!(gazetteer.admin1_row(code).is_some(), "{form} -> {code}");
        }
    }

    /// (mention text, anchor name) of every mention of `text`.
    fn mentions(text: &str) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::load().unwrap();
        crate::geoparse::geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.text, m.location.anchor.name))
            .collect()
    }

    #[test]
    fn a_code_after_a_town_is_the_region_the_town_lies_in() {
        let found = mentions("Fires near Perth, WA and floods in Seattle, WA.");
        let anchors: Vec<&str> = found.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(
            anchors,
            ["Perth", "Western Australia", "Seattle", "Washington"]
        );
        let found = mentions("Storms hit Halifax, NS, Austin, TX and Brisbane, Qld on Monday.");
        let anchors: Vec<&str> = found.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(
            anchors,
            [
                "Halifax",
                "Nova Scotia",
                "Austin",
                "Texas",
                "Brisbane",
                "Queensland"
            ]
        );
    }

    #[test]
    fn a_code_without_a_town_before_it_is_no_mention() {
        // Regression guard: the era is not British Columbia, with or without full stops.
        assert_eq!(mentions("The mound was built in 2000 BC by farmers."), []);
        assert_eq!(mentions("The mound was built in 100 B.C. by farmers."), []);
        assert_eq!(mentions("Words of the fifth century B.C. survive."), []);
        assert_eq!(mentions("In 2000 BC, WA and NT were no places."), []);
    }
}
