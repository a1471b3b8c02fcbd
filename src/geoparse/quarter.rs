//! "Kabul's Shar-e Naw neighbourhood", "the Adhamiya district of Baghdad": a quarter of a
//! town that the gazetteer does not know, named with the words copy uses for one.
//!
//! Conflict copy places a bombing or a raid in a city's quarter far more often than the
//! gazetteer lists quarters (GeoNames' `cities500` holds few). The words around the name say
//! it is a part of the town, so the quarter is a mention of its own and takes the town's
//! location: the town's radius holds its quarters. A quarter the gazetteer knows is already a
//! mention and is left as it is.

use crate::location::Location;

use super::document::{Mention, unnamed_anchor_mention};
use super::tokens::{Token, TokenKind, possessive_at};

/// Words after a name that make it a part of a town ("district", "slum").
const TOWN_QUARTER_WORDS: &[&str] = &[
    "district",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "suburb",
    "township",
    "slum",
    "area",
];

/// Most capitalised words (hyphened pieces included) a quarter's name runs to: "Dasht-e-Barchi"
/// is five tokens, "Abu Salim" two.
const MAX_NAME_TOKENS: usize = 6;

/// True for a word of [`TOWN_QUARTER_WORDS`], in any case.
pub(super) fn names_town_part(token: &Token) -> bool {
    TOWN_QUARTER_WORDS.iter().any(|w| token.is_word(w))
}

/// True for such a word in lower case, as it follows a quarter's name ("Hodan district", not
/// "Hodan District Council").
fn is_quarter_word(token: &Token) -> bool {
    !token.is_capitalised() && names_town_part(token)
}

/// The index after the capitalised name at token `i` ("Adhamiya", "Abu Salim",
/// "Dasht-e-Barchi"), if one starts there.
fn name_end(tokens: &[Token], i: usize) -> Option<usize> {
    if !tokens.get(i).is_some_and(Token::is_capitalised) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && end - i < MAX_NAME_TOKENS {
        let t = &tokens[end];
        let glued = !t.space_before
            && (t.is_punct('-') || t.kind == TokenKind::Word && tokens[end - 1].is_punct('-'));
        if !(glued || t.space_before && t.is_capitalised()) {
            break;
        }
        end += 1;
    }
    // A name does not end on its hyphen.
    (!tokens[end - 1].is_punct('-')).then_some(end)
}

/// The mentions of quarters around the towns of `towns` (each the token range of a town's
/// mention in `mentions`, and that mention's location): "<town>'s <Name> <quarter word>" and
/// "the <Name> <quarter word> of <town>" ("in" for "of" too) and "the <quarter word> of <Name>
/// in <town>", the name with its word as the geoparser writes a quarter it knows
/// ("Dniprovskyi district", "neighbourhood of Solino"). A name that overlaps a mention is
/// none.
pub(super) fn quarter_mentions(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    towns: &[(usize, usize, &Location)],
) -> Vec<Mention> {
    let mut out = Vec::new();
    for &(first, end, town) in towns {
        let mut add = |name: (usize, usize)| {
            out.extend(unnamed_anchor_mention(
                text,
                tokens,
                mentions,
                name,
                None,
                |query| {
                    Some(Location {
                        query: query.to_owned(),
                        ..town.clone()
                    })
                },
            ));
        };
        // "Kabul's Shar-e Naw neighbourhood"
        if possessive_at(tokens, end)
            && let Some(name) = name_end(tokens, end + 2)
            && tokens.get(name).is_some_and(is_quarter_word)
        {
            add((end + 2, name + 1));
        }
        let of_or_in =
            first >= 1 && (tokens[first - 1].is_word("of") || tokens[first - 1].is_word("in"));
        if !of_or_in {
            continue;
        }
        // "the Adhamiya district of Baghdad", "the Hodan district in Mogadishu": back from
        // "of" over the quarter word and the name to "the".
        if first >= 3 && is_quarter_word(&tokens[first - 2]) {
            let name_last = first - 2;
            let start = (name_last.saturating_sub(MAX_NAME_TOKENS)..name_last).find(|&s| {
                s > 0 && tokens[s - 1].is_word("the") && name_end(tokens, s) == Some(name_last)
            });
            if let Some(start) = start {
                add((start, name_last + 1));
            }
        }
        // "the neighbourhood of Solino in Port-au-Prince": the name after "the <word> of".
        let start = (first.saturating_sub(MAX_NAME_TOKENS + 1)..first).find(|&s| {
            s >= 3
                && tokens[s - 1].is_word("of")
                && is_quarter_word(&tokens[s - 2])
                && tokens[s - 3].is_word("the")
                && name_end(tokens, s) == Some(first - 1)
        });
        if let Some(start) = start {
            add((start - 2, first - 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;

    /// Each mention's text and its anchor's name.
    fn read(text: &str) -> Vec<(String, String)> {
        let gazetteer = Gazetteer::load().unwrap();
        geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.text, m.location.anchor.name))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|&(a, b)| (a.to_owned(), b.to_owned()))
            .collect()
    }

    #[test]
    fn a_quarter_the_gazetteer_lacks_lies_in_its_town() {
        assert_eq!(
            read("A bomb exploded in Kabul's Shar-e Naw neighbourhood."),
            pairs(&[("Kabul", "Kabul"), ("Shar-e Naw neighbourhood", "Kabul")])
        );
        assert_eq!(
            read("A car bomb hit the Adhamiya district of Baghdad on Sunday."),
            pairs(&[("Adhamiya district", "Baghdad"), ("Baghdad", "Baghdad")])
        );
        assert_eq!(
            read("Gangs attacked the neighbourhood of Solino in Port-au-Prince."),
            pairs(&[
                ("neighbourhood of Solino", "Port-au-Prince"),
                ("Port-au-Prince", "Port-au-Prince")
            ])
        );
        assert_eq!(
            read("Militants stormed a hotel in the Hodan district in Mogadishu."),
            pairs(&[("Hodan district", "Mogadishu"), ("Mogadishu", "Mogadishu")])
        );
    }

    #[test]
    fn only_a_quarter_word_makes_a_quarter() {
        // An institution, a person or a lower-case word after the possessive is no quarter.
        assert_eq!(
            read("Kabul's Interior Ministry said Baghdad's Green Zone was hit."),
            pairs(&[("Kabul", "Kabul"), ("Baghdad", "Baghdad")])
        );
        assert_eq!(
            read("Officials in Kabul's central district said so."),
            pairs(&[("Kabul", "Kabul")])
        );
    }
}
