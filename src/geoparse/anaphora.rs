//! "15 km north of the town": a relative phrase whose anchor is a town the text named just
//! before and now calls "the town" or "the city".
//!
//! Copy names a town once and then refers back to it ("Rebels attacked Beni on Monday. On
//! Tuesday they raided a village 15 km north of the town."). The anchor is the last town
//! (a populated place, not an area) named within [`MAX_ANTECEDENT_TOKENS`] before the phrase;
//! for "the city", the last city there (a capital, a seat or a town of 50,000), if any.
//! Only a relative phrase makes a mention: "in the town" alone repeats the town's mention.

use crate::gazetteer::{EntryKind, Gazetteer};

use super::document::{Mention, unnamed_anchor_mention};
use super::relative::{is_part_of, relation_before};
use super::tokens::Token;

/// How many tokens (about three sentences) back "the town" may refer: farther, the reader has
/// met other places since.
const MAX_ANTECEDENT_TOKENS: usize = 80;

/// Nouns that refer back to a named town.
const TOWN_NOUNS: &[&str] = &["town", "city"];

/// Lower-case words that may stand between "the" and the noun ("the port city", "the border
/// town").
const TOWN_ADJECTIVES: &[&str] = &[
    "port",
    "border",
    "coastal",
    "provincial",
    "regional",
    "small",
    "key",
    "strategic",
    "restive",
    "besieged",
    "embattled",
    "frontline",
    "garrison",
    "market",
    "mining",
    "oil",
];

/// The index after "the town" or "the city" (or "the port city") at token `i` when no name
/// follows it ("the town of Beni", "the city Goma" and "the town, Beni" name it), and whether
/// the noun is "city".
fn unnamed_town_at(tokens: &[Token], i: usize) -> Option<(usize, bool)> {
    let adjective = usize::from(
        tokens
            .get(i + 1)
            .is_some_and(|t| TOWN_ADJECTIVES.contains(&t.text)),
    );
    let noun = tokens
        .get(i + 1 + adjective)
        .filter(|t| TOWN_NOUNS.iter().any(|w| t.is_word(w)))?;
    let end = i + 2 + adjective;
    let names = |k: usize| tokens.get(k).is_some_and(Token::is_capitalised);
    let named = names(end)
        || tokens.get(end).is_some_and(|t| t.is_word("of"))
        || tokens.get(end).is_some_and(|t| t.is_punct(',')) && names(end + 1);
    (!named).then_some((end, noun.is_word("city")))
}

/// The mentions of relative phrases anchored on "the town" or "the city", to merge with
/// `mentions` (in text order, none overlapping them). `towns` are the text's resolved town
/// toponyms in text order: the token each ends at and its reading.
///
/// # Runtime
/// One pass over the tokens; a relation look-back at each "the town" and "the city".
pub(super) fn anaphoric_town_mentions(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    towns: &[(usize, EntryKind)],
) -> Vec<Mention> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if !tokens[i].is_word("the") {
            continue;
        }
        let Some((end, city)) = unnamed_town_at(tokens, i) else {
            continue;
        };
        let Some(phrase) = relation_before(tokens, end).filter(|p| !is_part_of(tokens, *p)) else {
            continue;
        };
        let mut antecedents = towns.iter().rev().filter(|&&(town_end, _)| {
            town_end <= phrase.start && phrase.start - town_end <= MAX_ANTECEDENT_TOKENS
        });
        // "the city" is the last city named, past a township or village named since ("in
        // Durban ... the Inanda area north of the city"); else the last town.
        let is_city = |kind: EntryKind| match kind {
            EntryKind::Place(p) => gazetteer.places()[p].is_known_town(),
            _ => false,
        };
        let antecedent = if city {
            antecedents
                .clone()
                .find(|&&(_, kind)| is_city(kind))
                .or_else(|| antecedents.next())
        } else {
            antecedents.next()
        };
        let Some(&(_, town)) = antecedent else {
            continue;
        };
        out.extend(unnamed_anchor_mention(
            text,
            tokens,
            mentions,
            (phrase.start, end),
            Some(phrase.relation),
            |query| gazetteer.location(query, town),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::geoparse::read_for_test as read;

    #[test]
    fn a_phrase_about_the_town_is_anchored_on_the_town_named_before() {
        let found = read(
            "Rebels attacked Beni on Monday. On Tuesday they raided a village 15 km north of the town.",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, "15 km north of the town");
        assert_eq!((found[1].1.as_str(), found[1].2), ("Beni", "offset"));
        // The last town, not an area named after it.
        let found =
            read("Fighting hit Bakhmut in Ukraine, and shelling struck 10 km west of the city.");
        assert_eq!(found[2].0, "10 km west of the city");
        assert_eq!(found[2].1, "Bakhmut");
        // "The city" passes over a township named since.
        let found = read(
            "Police in Durban said the shooting happened in the Inanda area north of the city.",
        );
        assert_eq!(found[2].0, "north of the city");
        assert_eq!(found[2].1, "Durban");
        // An adjective may describe it.
        let found = read("Gunmen struck Tumaco. Police found bodies 5 km east of the port city.");
        assert_eq!(found[1].0, "5 km east of the port city");
        assert_eq!((found[1].1.as_str(), found[1].2), ("Tumaco", "offset"));
    }

    #[test]
    fn no_town_before_or_no_relation_adds_nothing() {
        assert!(read("A village 15 km north of the town was raided.").is_empty());
        assert_eq!(read("Rebels entered Beni and looted the town.").len(), 1);
        // A named town is its own mention.
        assert_eq!(
            read("Rebels attacked Beni, 50 km from the town of Butembo.")
                .iter()
                .map(|m| m.0.as_str())
                .collect::<Vec<_>>(),
            ["Beni", "50 km from the town of Butembo"]
        );
    }
}
