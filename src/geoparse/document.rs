//! Geoparsing a whole text: tokens, toponyms, disambiguation, relative phrases, *Mentions*.

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Context, EntryKind, Gazetteer, fold};
use crate::location::Location;

use super::GeoparseError;
use super::anaphora::anaphoric_town_mentions;
use super::halfway::join_halfway;
use super::lexicon::{is_state_noun, is_state_part_word};
use super::mention::{Toponym, find_toponyms};
use super::ordinal::{city_by_rank, ordinal_city_after};
use super::quarter::quarter_mentions;
use super::relative::{
    Relation, RelativePhrase, descriptor_start, outskirts_after, relation_before,
};
use super::resolve::{Descriptor, resolve_toponyms};
use super::road::{read_named_roads, read_roads};
use super::tokens::{Token, TokenKind, tokenize};
use super::uncertainty::{apply, apply_to_reading};
use super::unnamed_capital::unnamed_capital_mentions;

/// The largest text (bytes) one call geoparses; split longer input into articles.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// One place mention in a text (the contract's *Mention*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The mention as written, relative phrase included ("70 kilometres sound-east of Dushanbe").
    pub text: String,
    /// Byte offset of the first byte in the UTF-8 input.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub location: Location,
}

/// The mention of the phrase over tokens `first..last` whose anchor a phrase names without a
/// place name ("15 km north of the town", "the Afghan capital"): `None` when it overlaps one
/// of `mentions` or `anchor` (given the phrase as written) finds no place. `relation`, if
/// any, moves or widens the anchor.
pub(super) fn unnamed_anchor_mention(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    (first, last): (usize, usize),
    relation: Option<Relation>,
    anchor: impl FnOnce(&str) -> Option<Location>,
) -> Option<Mention> {
    let start = tokens[first].start;
    let end = tokens[last - 1].end;
    if mentions.iter().any(|m| m.start < end && start < m.end) {
        return None;
    }
    let query = &text[start..end];
    let anchor = anchor(query)?;
    Some(Mention {
        text: query.to_owned(),
        start,
        end,
        location: match relation {
            Some(relation) => apply(&relation, anchor, query),
            None => anchor,
        },
    })
}

/// The capital of the country `kind` names, for "the capital of Tajikistan", or the seat of
/// the admin region ("the capital of Borno state": Maiduguri, its most populous seat).
pub(super) fn capital_of(gazetteer: &Gazetteer, kind: EntryKind) -> Option<EntryKind> {
    if let EntryKind::Admin1(a) = kind {
        return gazetteer.seat_of_admin1(a).map(EntryKind::Place);
    }
    let EntryKind::Country(i) = kind else {
        return None;
    };
    let country = gazetteer.countries().get(i)?;
    let context = Context {
        countries: vec![country.iso2],
        ..Context::default()
    };
    gazetteer
        .candidates(&fold(country.capital), &context)
        .into_iter()
        .find(|c| matches!(c.kind, EntryKind::Place(p) if gazetteer.places()[p].country_code == country.iso2))
        .map(|c| c.kind)
}

/// Builds the mention of one resolved toponym, with its relative phrase if it has one.
fn mention_of(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    toponym: &Toponym,
    relation: Option<RelativePhrase>,
    kind: EntryKind,
) -> Option<Mention> {
    let (descriptor, is_capital_of) = descriptor_start(tokens, toponym.first);
    // "outside the capital of Tajikistan" is Dushanbe; "Khartoum, the capital of Sudan" is an
    // apposition whose toponym is the country itself.
    let apposition = descriptor > 0 && tokens[descriptor - 1].is_punct(',');
    let capital = (is_capital_of && !apposition)
        .then(|| capital_of(gazetteer, kind))
        .flatten();
    let first = match (&relation, capital) {
        (Some(r), _) => r.start,
        (None, Some(_)) => descriptor,
        (None, None) => toponym.first,
    };
    // "Tajikistan's second city": the mention runs to "city" and names that town, unless it
    // is an apposition to a town already named ("Khujand, Tajikistan's second city").
    let named_before = toponym.first > 0 && tokens[toponym.first - 1].is_punct(',');
    let ranked = ordinal_city_after(tokens, toponym.end)
        .filter(|_| !named_before)
        .and_then(|(rank, end)| Some((city_by_rank(gazetteer, kind, rank)?, end)));
    // "Kabul's western outskirts": the mention runs to the edge word. Only a town has
    // outskirts ("Georgia's suburbs" are the state's towns).
    let town = !gazetteer.is_area(kind);
    let outskirts = (town && relation.is_none() && capital.is_none() && ranked.is_none())
        .then(|| outskirts_after(tokens, toponym.end))
        .flatten();
    let last = outskirts
        .or(ranked.map(|(_, end)| end))
        .unwrap_or(toponym.end);
    // "U.S.": a code of dotted capitals keeps its last full stop, which the name walk leaves.
    let dotted_code = last >= 2
        && tokens[last - 2].is_punct('.')
        && tokens[last - 1].is_all_caps()
        && tokens[last - 1].text.len() == 1
        && tokens
            .get(last)
            .is_some_and(|t| t.is_punct('.') && !t.space_before);
    let last = last + usize::from(dotted_code);
    let start = tokens[first].start;
    let end = tokens[last - 1].end;
    let query = &text[start..end];
    let kind = ranked.map_or(kind, |(town, _)| town);
    let anchor = gazetteer.location(query, capital.unwrap_or(kind))?;
    let location = match (relation, outskirts) {
        (Some(r), _) => apply_to_reading(
            gazetteer,
            &r.relation,
            capital.unwrap_or(kind),
            anchor,
            query,
        ),
        (None, Some(_)) => apply(&Relation::Outskirts, anchor, query),
        (None, None) => anchor,
    };
    Some(Mention {
        text: query.to_owned(),
        start,
        end,
        location,
    })
}

/// The most words of a demonym or a word for one country's forces ("Rapid Support Forces").
const MAX_DEMONYM_WORDS: usize = 3;

/// `hint` plus the countries the text's demonyms point to ("the Libyan capital" -> LY), and
/// its words for one country's forces and armed groups, of up to [`MAX_DEMONYM_WORDS`]
/// capitalised words joined by spaces or hyphens ("Boko Haram", "Anti-balaka").
pub(super) fn with_demonyms(gazetteer: &Gazetteer, tokens: &[Token], hint: &Context) -> Context {
    let mut context = hint.clone();
    let mut folded = String::new();
    let mut word_fold = String::new();
    for i in (0..tokens.len()).filter(|&i| tokens[i].is_capitalised()) {
        folded.clear();
        let mut words = 0;
        for (j, token) in tokens.iter().enumerate().skip(i) {
            let hyphen = token.is_punct('-') && !token.space_before;
            let word = token.kind == TokenKind::Word
                && (j == i || token.is_capitalised() || !token.space_before);
            if j > i && hyphen {
                continue;
            }
            if !word || words == MAX_DEMONYM_WORDS {
                break;
            }
            words += 1;
            crate::gazetteer::fold_into(token.text, &mut word_fold);
            folded.push_str(&word_fold);
            if let Some(cc) = gazetteer
                .demonym_reading(&folded)
                .and_then(|kind| gazetteer.country_of(kind))
            {
                if !context.countries.contains(&cc) {
                    context.countries.push(cc);
                }
            }
        }
    }
    context
}

/// Every place mention of `text`, in text order, with `hint` (countries or regions the caller
/// knows the text is about) added to what the text itself names.
///
/// # Runtime
/// Linear in the text: disambiguation costs O(t · w · c) for t toponyms, a window of w
/// neighbours and c candidates each (see `resolve_toponyms`), and the document context is
/// kept in hash sets (`benches/scaling.rs` measures it).
pub fn geoparse_with_context(
    gazetteer: &Gazetteer,
    text: &str,
    hint: &Context,
) -> Result<Vec<Mention>, GeoparseError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(GeoparseError::TextTooLong {
            len: text.len(),
            max: MAX_TEXT_BYTES,
        });
    }
    let tokens = tokenize(text);
    let toponyms = find_toponyms(gazetteer, &tokens);
    // The relation phrase before each toponym ("70 km south-east of", "northern").
    let mut relations: Vec<Option<RelativePhrase>> = toponyms
        .iter()
        .map(|t| relation_before(&tokens, t.first))
        .collect();
    let descriptors: Vec<Descriptor> = toponyms
        .iter()
        .zip(&relations)
        .map(|(t, relation)| {
            let part = relation.is_some_and(|p| p.relation.is_part());
            let state = t.first > 0 && is_state_part_word(tokens[t.first - 1].text)
                || tokens.get(t.end).is_some_and(|w| is_state_noun(w.text));
            let capital = t.first > 0
                && tokens[descriptor_start(&tokens, t.first).0..t.first]
                    .iter()
                    .any(|w| w.is_word("capital"));
            if part {
                Descriptor::Part
            } else if state {
                Descriptor::State
            } else if capital {
                Descriptor::Capital
            } else {
                Descriptor::None
            }
        })
        .collect();
    let context = with_demonyms(gazetteer, &tokens, hint);
    let resolved = resolve_toponyms(gazetteer, &tokens, &toponyms, &descriptors, &context);
    read_roads(gazetteer, &tokens, &toponyms, &resolved, &mut relations);
    read_named_roads(gazetteer, &tokens, &toponyms, &resolved, &mut relations);
    let is_town = |kind: EntryKind| matches!(kind, EntryKind::Place(_)) && !gazetteer.is_area(kind);
    // The towns named, for "15 km north of the town" to refer back to.
    let towns: Vec<(usize, EntryKind)> = toponyms
        .iter()
        .zip(&resolved)
        .filter_map(|(t, kind)| Some((t.end, (*kind)?)))
        .filter(|&(_, kind)| is_town(kind))
        .collect();
    // Each mention with the token range of its toponym where it names a town by itself (no
    // relation moves it), for the quarters of the town.
    let (mut mentions, ranges): (Vec<Mention>, Vec<Option<(usize, usize)>>) = toponyms
        .iter()
        .zip(resolved)
        .zip(relations)
        .filter_map(|((t, kind), relation)| {
            let kind = kind?;
            let range = (relation.is_none() && is_town(kind)).then_some((t.first, t.end));
            Some((
                mention_of(gazetteer, text, &tokens, t, relation, kind)?,
                range,
            ))
        })
        .unzip();
    let quarter_towns: Vec<(usize, usize, &Location)> = ranges
        .iter()
        .zip(&mentions)
        .filter_map(|(range, m)| range.map(|(first, end)| (first, end, &m.location)))
        .collect();
    let mut unnamed = quarter_mentions(text, &tokens, &mentions, &quarter_towns);
    unnamed.extend(unnamed_capital_mentions(
        gazetteer,
        text,
        &tokens,
        &mentions,
        &context.countries,
    ));
    unnamed.extend(anaphoric_town_mentions(
        gazetteer, text, &tokens, &mentions, &towns,
    ));
    if !unnamed.is_empty() {
        mentions.extend(unnamed);
        mentions.sort_by_key(|m| m.start);
    }
    Ok(join_halfway(text, mentions))
}

/// Every place mention of `text`, in text order.
pub fn geoparse(gazetteer: &Gazetteer, text: &str) -> Result<Vec<Mention>, GeoparseError> {
    geoparse_with_context(gazetteer, text, &Context::default())
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::geoparse;

    #[test]
    fn a_dotted_code_keeps_its_last_full_stop() {
        let gazetteer = Gazetteer::load().unwrap();
        let texts: Vec<String> =
            geoparse(&gazetteer, "Officials in the U.S. and the U.K. said so.")
                .unwrap()
                .into_iter()
                .map(|m| m.text)
                .collect();
        assert_eq!(texts, ["U.S.", "U.K."]);
    }

    #[test]
    fn a_short_name_written_as_a_word_is_no_country_code() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "Officials met Pol and Syr; jihadists attacked Gao; clashes in Kut, Iraq.";
        let found: Vec<(String, String)> = geoparse(&gazetteer, text)
            .unwrap()
            .into_iter()
            .map(|m| (m.text, m.location.anchor.country_code.unwrap_or_default()))
            .collect();
        let expected = [("Gao", "ML"), ("Kut", "IQ"), ("Iraq", "IQ")];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|&(t, c)| (t.to_owned(), c.to_owned()))
            .collect();
        assert_eq!(found, expected);
    }
}
