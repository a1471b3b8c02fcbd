//! "40 km east of the capital": a relative phrase whose anchor is a capital the text does not
//! name, the capital of the country it is about.
//!
//! Copy names the capital once ("KABUL, Afghanistan —") or never and then writes "the
//! capital". Its country is the one a demonym says ("the Afghan capital"), else the country
//! the text names most often, by its name or its capital's (the first of them on a tie), else
//! the one its demonyms point to ("Somali officials said"). A text that names only towns or
//! states ("In Texas, ... north of the capital") may mean a state capital: no mention. Only a
//! relative phrase or a demonym makes a mention of it: "in the capital" alone repeats a place
//! the text names or leaves the reader to know it, as no annotated corpus counts it, while "in
//! the Afghan capital" names Kabul as plainly as its name would.

use crate::gazetteer::{EntryKind, Gazetteer, NATIONAL_CAPITAL_FEATURE_CODE, fold};
use crate::location::Precision;

use super::document::{Mention, capital_of, unnamed_anchor_mention};
use super::relative::{Relation, is_part_of, outskirts_after, relation_before};
use super::tokens::Token;

/// The index after "the capital" (or "the capital city", "the Malian capital") at token `i`
/// when no name follows it ("the capital Dushanbe", "the capital, Bamako" and "the capital of
/// Mali" name it).
fn unnamed_capital_at(tokens: &[Token], i: usize) -> Option<usize> {
    let adjective = usize::from(tokens.get(i + 1).is_some_and(Token::is_capitalised));
    tokens
        .get(i + 1 + adjective)
        .filter(|t| t.is_word("capital"))?;
    let mut end = i + 2 + adjective;
    if tokens.get(end).is_some_and(|t| t.is_word("city")) {
        end += 1;
    }
    let names = |k: usize| tokens.get(k).is_some_and(Token::is_capitalised);
    let named = names(end)
        || tokens.get(end).is_some_and(|t| t.is_word("of"))
        || tokens.get(end).is_some_and(|t| t.is_punct(',')) && names(end + 1);
    (!named).then_some(end)
}

/// The country (ISO alpha-2) of a demonym between `descriptor` and `capital`: "the Afghan
/// capital".
fn demonym_country<'g>(
    gazetteer: &'g Gazetteer,
    tokens: &[Token],
    descriptor: usize,
    capital: usize,
) -> Option<&'g str> {
    tokens[descriptor..capital]
        .iter()
        .filter(|t| t.is_capitalised())
        .find_map(|t| {
            let kind = gazetteer.demonym_reading(&fold(t.text))?;
            gazetteer.country_of(kind)
        })
}

/// The country (ISO alpha-2) the text is about when no demonym says it: the country most
/// mentions name (a country or a national capital; the first of them on a tie), else the
/// first of `demonym_countries`.
fn most_named_country<'m>(
    mentions: &'m [Mention],
    demonym_countries: &[&'m str],
) -> Option<&'m str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let names_country = |m: &&Mention| {
        m.location.precision == Precision::Country
            || m.location.anchor.feature_code == NATIONAL_CAPITAL_FEATURE_CODE
    };
    for code in mentions
        .iter()
        .filter(names_country)
        .filter_map(|m| m.location.anchor.country_code.as_deref())
    {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    // The first country reaching the highest count (`max_by_key` would keep the last).
    match counts.iter().map(|&(_, n)| n).max() {
        Some(best) => counts.iter().find(|&&(_, n)| n == best).map(|&(c, _)| c),
        None => demonym_countries.first().copied(),
    }
}

/// The mentions of relative phrases anchored on an unnamed capital, to merge with
/// `mentions` (in text order, none overlapping them).
///
/// # Runtime
/// One pass over the tokens; a relation look-back at each "the capital".
pub(super) fn unnamed_capital_mentions(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    demonym_countries: &[&str],
) -> Vec<Mention> {
    let mut out = Vec::new();
    // Counted once, when a phrase first needs it: a long text says "the capital" often.
    let most_named = std::cell::OnceCell::new();
    for i in 0..tokens.len() {
        if !tokens[i].is_word("the") {
            continue;
        }
        let Some(end) = unnamed_capital_at(tokens, i) else {
            continue;
        };
        // "10 km from the capital", "the capital's outskirts", or "in the Afghan capital":
        // a demonym names the capital as its name would, unless it is an apposition to the
        // name before it ("Tripoli, the Libyan capital").
        let apposition = i > 0 && tokens[i - 1].is_punct(',');
        let demonym = demonym_country(gazetteer, tokens, i, end);
        let (first, relation, last) = match relation_before(tokens, end) {
            Some(phrase) if is_part_of(tokens, phrase) => continue,
            Some(phrase) => (phrase.start, Some(phrase.relation), end),
            None => match outskirts_after(tokens, end) {
                Some(after) => (i, Some(Relation::Outskirts), after),
                None if !apposition && demonym.is_some() => (i, None, end),
                None => continue,
            },
        };
        // The country a demonym right before "capital" says ("the Afghan capital"), else
        // the one the text names most.
        let anchor = |query: &str| {
            let iso2 = demonym.or_else(|| {
                *most_named.get_or_init(|| most_named_country(mentions, demonym_countries))
            })?;
            let country = gazetteer.country_row(iso2)?;
            let capital = capital_of(gazetteer, EntryKind::Country(country))?;
            gazetteer.location(query, capital)
        };
        out.extend(unnamed_anchor_mention(
            text,
            tokens,
            mentions,
            (first, last),
            relation,
            anchor,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::geoparse::read_for_test as read;

    #[test]
    fn a_phrase_about_the_capital_of_the_country_named_is_an_offset_from_it() {
        let found = read(
            "Taliban fighters attacked a checkpoint in Afghanistan, 40 km east of the capital.",
        );
        assert_eq!(found[1].0, "40 km east of the capital");
        assert_eq!((found[1].1.as_str(), found[1].2), ("Kabul", "offset"));
        // A demonym names the country.
        let found = read("A bomb exploded on the outskirts of the Malian capital on Friday.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "on the outskirts of the Malian capital");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Bamako", "near"));
        // So is the capital's edge in the possessive.
        let found = read("Clashes erupted on the capital's outskirts, witnesses in Bamako said.");
        assert_eq!(found[0].0, "the capital's outskirts");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Bamako", "near"));
        // A town's, not an area's: "Georgia's suburbs" are no outskirts of a point.
        assert_eq!(
            read("Protests spread to Georgia's suburbs.")[0].0,
            "Georgia"
        );
    }

    #[test]
    fn a_named_capital_or_no_relation_adds_nothing() {
        assert_eq!(
            read("Gunmen struck 30 km north of the capital, Bamako.")
                .iter()
                .map(|m| m.0.as_str())
                .collect::<Vec<_>>(),
            ["30 km north of the capital, Bamako"]
        );
        assert_eq!(read("Protests in Mali spread to the capital.").len(), 1);
        // A demonym names it without a relation.
        let found = read("A blast hit a mosque in the Afghan capital on Friday.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "the Afghan capital");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Kabul", "exact"));
        // Not as an apposition to the capital's name.
        assert_eq!(
            read("Militias fought in Tripoli, the Libyan capital, on Monday.").len(),
            1
        );
        // No country in the text: no capital; a state's text may mean the state capital.
        assert!(read("Rockets landed 20 km south of the capital.").is_empty());
        assert_eq!(
            read("In Texas, a man was shot 10 miles north of the capital.").len(),
            1
        );
        // A demonym of the text names the country when nothing else does.
        let found =
            read("Somali officials said militants attacked a base 50 km northwest of the capital.");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Mogadishu", "offset"));
    }

    #[test]
    fn the_capital_of_a_region_is_its_seat() {
        let found = read("Troops repelled an attack 20 km from the capital of Borno state.");
        assert_eq!(found[0].0, "20 km from the capital of Borno state");
        assert_eq!((found[0].1.as_str(), found[0].2), ("Maiduguri", "near"));
    }
}
