//! "Tajikistan's second city", "the country's largest city": a town named by its rank in a
//! country rather than by its name.
//!
//! The rank is by GeoNames population, which is what "second city" means in news copy.

use crate::gazetteer::{EntryKind, Gazetteer};

use super::tokens::Token;

/// Ordinal words and the rank they name; "largest" alone is the first.
const ORDINALS: &[(&str, usize)] = &[
    ("largest", 1),
    ("biggest", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
];

/// If the tokens from `end` read "'s second (largest) city", the rank and the index after
/// the phrase.
pub fn ordinal_city_after(tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let [apostrophe, s, ordinal, rest @ ..] = tokens.get(end..)? else {
        return None;
    };
    if !apostrophe.is_apostrophe() || !s.is_word("s") {
        return None;
    }
    let &(_, rank) = ORDINALS.iter().find(|(w, _)| ordinal.is_word(w))?;
    let skip = usize::from(
        rest.first()
            .is_some_and(|t| t.is_word("largest") || t.is_word("biggest"))
            && rank > 1,
    );
    let noun = rest.get(skip)?;
    (noun.is_word("city") || noun.is_word("town")).then_some((rank, end + 3 + skip + 1))
}

/// The town of population rank `rank` (1 = largest) in the country `kind` names.
///
/// # Runtime
/// One pass over the places of the gazetteer; only run when the phrase occurs.
pub fn city_by_rank(gazetteer: &Gazetteer, kind: EntryKind, rank: usize) -> Option<EntryKind> {
    let EntryKind::Country(c) = kind else {
        return None;
    };
    let iso2 = gazetteer.countries().get(c)?.iso2;
    let mut towns: Vec<(usize, u32)> = gazetteer
        .places()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.country_code == iso2 && !p.is_county())
        .map(|(i, p)| (i, p.population))
        .collect();
    towns.sort_by_key(|&(_, population)| std::cmp::Reverse(population));
    towns
        .get(rank.checked_sub(1)?)
        .map(|&(i, _)| EntryKind::Place(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    #[test]
    fn reads_rank_phrases() {
        let tokens = tokenize("Tajikistan's second city was calm");
        assert_eq!(ordinal_city_after(&tokens, 1), Some((2, 5)));
        let tokens = tokenize("Uzbekistan’s largest city");
        assert_eq!(ordinal_city_after(&tokens, 1), Some((1, 5)));
        let tokens = tokenize("Tajikistan's second largest town");
        assert_eq!(ordinal_city_after(&tokens, 1), Some((2, 6)));
        assert_eq!(
            ordinal_city_after(&tokenize("Tajikistan's prisons"), 1),
            None
        );
    }

    #[test]
    fn ranks_towns_by_population() {
        let gazetteer = Gazetteer::load().unwrap();
        let uz = gazetteer
            .countries()
            .iter()
            .position(|c| c.iso2 == "UZ")
            .unwrap();
        let EntryKind::Place(i) = city_by_rank(&gazetteer, EntryKind::Country(uz), 1).unwrap()
        else {
            panic!("not a town");
        };
        assert_eq!(gazetteer.places()[i].name, "Tashkent");
    }
}
