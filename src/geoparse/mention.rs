//! Finding toponyms: runs of capitalised tokens that the gazetteer knows, minus the persons,
//! organisations, demonyms and common words that look like them.
//!
//! For each capitalised token the finder extends a phrase token by token (up to
//! [`MAX_PHRASE_TOKENS`]), folding it as the gazetteer does, stops as soon as no gazetteer name
//! starts with the folded phrase (`Gazetteer::has_prefix`), and keeps the longest phrase that is
//! a name. The cues that separate places from the rest are then applied in [`is_place_like`].

use crate::gazetteer::{EntryKind, Gazetteer, fold_into};

use std::collections::HashSet;

use super::lexicon;
use super::state_abbreviation::state_at;
use super::tokens::{Token, TokenKind};

/// The longest place name, in tokens ("Bosnia and Herzegovina", "Stratford upon Avon").
pub const MAX_PHRASE_TOKENS: usize = 6;
/// All-caps words this long or shorter are codes or acronyms ("US", "UAE", "ISIS" is longer).
const MAX_CODE_LEN: usize = 3;

/// Towns this large (people) speak through their officials ("Moscow said"); smaller names
/// before "said" are persons ("Khalimov said").
const SPOKEN_TOWN_POPULATION: u32 = 100_000;

/// Lower-case words that may sit inside a multi-word place name.
const CONNECTORS: &[&str] = &[
    "and", "of", "de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "el",
    "al", "ul", "ud", "upon", "on", "sur", "am", "an", "der", "den", "van", "von", "y", "en", "du",
    "des", "e", "ad", "as", "ash", "ar", "az", "at", "bin", "ibn", "the", "au", "aux", "ez", "es",
    "ed", "adh",
];

/// A phrase the gazetteer knows that passed the token-level cues.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The folded phrase, the gazetteer key.
    pub folded: String,
    /// True when a preposition of place or a comma context backs the reading as a place.
    pub cued: bool,
    /// The reading, when the form of the mention fixes it (a state abbreviation).
    pub fixed: Option<EntryKind>,
}

/// True when `token` may continue a phrase that started earlier.
fn may_continue(prev: &Token, token: &Token) -> bool {
    if token.sentence_start && prev.kind == TokenKind::Punct {
        return false;
    }
    match token.kind {
        TokenKind::Word => token.is_capitalised() || CONNECTORS.contains(&token.text),
        TokenKind::Punct => {
            !token.space_before
                && (token.is_punct('-')
                    || token.is_punct('\'')
                    || token.is_punct('’')
                    || token.is_punct('.'))
        }
        TokenKind::Number => false,
    }
}

/// The longest phrase starting at token `i` whose folded form is a gazetteer name, as
/// `(end, folded)`; `None` when no name starts there.
///
/// # Runtime
/// At most [`MAX_PHRASE_TOKENS`] prefix walks of the transducer.
pub(super) fn longest_name(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    i: usize,
    folded: &mut String,
) -> Option<(usize, String)> {
    folded.clear();
    let mut part = String::new();
    let mut best = None;
    for j in i..tokens.len().min(i + MAX_PHRASE_TOKENS) {
        let token = &tokens[j];
        if j > i && !may_continue(&tokens[j - 1], token) {
            break;
        }
        fold_into(token.text, &mut part);
        folded.push_str(&part);
        if part.is_empty() {
            continue;
        }
        if !gazetteer.has_prefix(folded) {
            break;
        }
        if token.is_capitalised() && gazetteer.entries(folded).next().is_some() {
            best = Some((j + 1, folded.clone()));
        }
    }
    best
}

/// True when some reading of `folded` is a country, an admin region or a named region.
fn names_an_area(gazetteer: &Gazetteer, folded: &str) -> bool {
    gazetteer.entries(folded).any(|e| {
        matches!(
            e.kind,
            EntryKind::Country(_) | EntryKind::Admin1(_) | EntryKind::Region(_)
        )
    })
}

/// True for a word that begins a new capitalised name next to this one, so that this one is
/// part of a person's or an organisation's name.
fn is_name_neighbour(token: &Token) -> bool {
    token.is_capitalised() && !token.sentence_start && !lexicon::is_place_preposition(token.text)
}

/// The token-level cues: is the phrase `tokens[first..end]` used as a place here?
fn is_place_like(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    first: usize,
    end: usize,
    folded: &str,
) -> bool {
    let head = &tokens[first];
    let single = end - first == 1;
    let area = names_an_area(gazetteer, folded);
    // Acronyms and codes: only a country or area code written in capitals ("US", "UAE").
    // "U.S.", "U.K.": single capitals joined by full stops are a code too.
    let dotted = !single
        && tokens[first..end]
            .iter()
            .all(|t| t.is_punct('.') || t.is_all_caps() && t.text.len() == 1);
    if dotted {
        // "U.S. troops" is an adjective like "US military"; "in the U.S. and" is a place.
        let after = end + usize::from(tokens.get(end).is_some_and(|t| t.is_punct('.')));
        let adjectival = tokens.get(after).is_some_and(|n| {
            n.kind == TokenKind::Word && !n.is_capitalised() && !lexicon::is_clause_word(n.text)
        });
        return area && !adjectival;
    }
    if head.is_all_caps() && head.text.chars().count() > 1 {
        let code = single && head.text.len() <= MAX_CODE_LEN && area;
        let adjectival = tokens.get(end).is_some_and(|n| {
            n.is_punct('-')
                || (n.kind == TokenKind::Word
                    && !n.is_capitalised()
                    && !lexicon::is_clause_word(n.text))
        });
        return code && !adjectival;
    }
    if !single && folded.len() <= MAX_CODE_LEN {
        return false;
    }
    // "Chad", "Jordan", "Turkey" are countries first; "At" (Austria's code) is a word first.
    let country = folded.len() > MAX_CODE_LEN
        && gazetteer
            .entries(folded)
            .any(|e| matches!(e.kind, EntryKind::Country(_)));
    let cued_here = first > 0 && lexicon::is_place_preposition(tokens[first - 1].text);
    if single && lexicon::is_common_word(head.text) && !country {
        // "in Nice", "in Reading": a town that is also a word, when a preposition says so.
        if !(cued_here && lexicon::is_town_word(head.text)) {
            return false;
        }
    }
    // Short names are codes ("US", "UK"): only when written in capitals.
    if folded.len() <= MAX_CODE_LEN
        && !head.is_all_caps()
        && gazetteer
            .entries(folded)
            .all(|e| !matches!(e.kind, EntryKind::Place(_)))
    {
        return false;
    }
    if gazetteer.demonym(folded).is_some() && !area {
        return false;
    }
    // "Soufan Group", "Islamic State", "Kabul University"; "US-backed", "Dushanbe-based".
    if let Some(next) = tokens.get(end) {
        if next.space_before && is_name_neighbour(next)
            || next.is_capitalised() && lexicon::is_institution_suffix(next.text)
        {
            return false;
        }
        // "US-backed", "Al-Shabaab": full compounds ("Port-au-Prince") matched as one name.
        if next.is_punct('-') && !next.space_before {
            return false;
        }
        // "Saudi officials", "Afghan forces": a demonym used as an adjective.
        let adjective = next.kind == TokenKind::Word
            && !next.is_capitalised()
            && !lexicon::is_clause_word(next.text);
        if adjective && gazetteer.demonym(folded).is_some() {
            return false;
        }
        let big_town = gazetteer.entries(folded).any(|e| {
            matches!(e.kind, EntryKind::Place(i) if gazetteer.places()[i].population >= SPOKEN_TOWN_POPULATION)
        });
        if lexicon::is_speech_verb(next.text) && !area && !big_town {
            return false;
        }
    }
    // "Abu Bakr", "President Obama", "Gulmurod Khalimov".
    if let Some(prev) = first.checked_sub(1).map(|p| &tokens[p]) {
        let compass = super::compass::direction_at(tokens, first - 1).is_some();
        if prev.is_capitalised() && !lexicon::is_common_word(prev.text) && !compass {
            return false;
        }
        if lexicon::is_title(prev.text) {
            return false;
        }
        if (prev.is_punct('-') || prev.is_punct('\'')) && !prev.space_before && !head.space_before {
            return false;
        }
    }
    true
}

/// True when a place preposition, possibly with a descriptor ("in the city of"), comes right
/// before token `first`, or a comma context (", Tajikistan") right after `end`.
fn has_place_cue(gazetteer: &Gazetteer, tokens: &[Token], first: usize, end: usize) -> bool {
    let before = tokens[first.saturating_sub(super::relative::MAX_DESCRIPTOR_TOKENS + 2)..first]
        .iter()
        .rev()
        .take_while(|t| {
            t.kind == TokenKind::Word && !t.is_capitalised()
                || t.is_word("the")
                || lexicon::is_place_preposition(t.text)
        })
        .any(|t| lexicon::is_place_preposition(t.text));
    let comma_context = tokens.get(end).is_some_and(|t| t.is_punct(','))
        && tokens.get(end + 1).is_some_and(|t| {
            t.is_capitalised() && names_an_area(gazetteer, &crate::gazetteer::fold(t.text))
        });
    before || comma_context
}

/// Every toponym of `tokens`, in text order, not overlapping.
///
/// # Runtime
/// Linear in the number of tokens; each capitalised token costs a few transducer walks.
pub fn find_toponyms(gazetteer: &Gazetteer, tokens: &[Token]) -> Vec<Toponym> {
    let mut out = Vec::new();
    let mut folded = String::new();
    // Last words of persons' names met so far ("Mike Moore"): later "Moore" is the person.
    let mut surnames: HashSet<&str> = HashSet::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_capitalised() {
            i += 1;
            continue;
        }
        if let Some((code, end)) = state_at(tokens, i) {
            let state = gazetteer
                .admin1()
                .iter()
                .position(|a| a.code.strip_prefix("US.") == Some(code));
            if let Some(row) = state {
                out.push(Toponym {
                    first: i,
                    end,
                    folded: String::new(),
                    cued: true,
                    fixed: Some(EntryKind::Admin1(row)),
                });
                i = end;
                continue;
            }
        }
        let ends_name = i > 0
            && is_name_neighbour(&tokens[i])
            && tokens[i - 1].is_capitalised()
            && !lexicon::is_common_word(tokens[i - 1].text)
            && super::compass::direction_at(tokens, i - 1).is_none()
            && !tokens.get(i + 1).is_some_and(Token::is_capitalised)
            && !names_an_area(gazetteer, &crate::gazetteer::fold(tokens[i].text));
        if ends_name {
            surnames.insert(tokens[i].text);
        }
        match longest_name(gazetteer, tokens, i, &mut folded) {
            Some((end, key))
                if !(end == i + 1 && surnames.contains(tokens[i].text))
                    && is_place_like(gazetteer, tokens, i, end, &key) =>
            {
                let cued = has_place_cue(gazetteer, tokens, i, end);
                out.push(Toponym {
                    first: i,
                    end,
                    folded: key,
                    cued,
                    fixed: None,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    fn found(text: &str) -> Vec<&str> {
        let gazetteer = Gazetteer::load().unwrap();
        let tokens = tokenize(text);
        find_toponyms(&gazetteer, &tokens)
            .iter()
            .map(|t| &text[tokens[t.first].start..tokens[t.end - 1].end])
            .collect()
    }

    #[test]
    fn finds_multiword_names_and_codes() {
        assert_eq!(
            found(
                "Fighting in Port-au-Prince and the United States, then U.S. troops left for Bosnia and Herzegovina."
            ),
            ["Port-au-Prince", "United States", "Bosnia and Herzegovina"]
        );
        assert_eq!(found("Officials in the US said so."), ["US"]);
    }

    #[test]
    fn rejects_persons_organisations_and_adjectives() {
        let text = "Abu Bakr al-Baghdadi met Gulmurod Khalimov at the Soufan Group; the Justice Ministry, \
                    US-backed Kurdish forces, a Swiss national and Saudi officials. Paris Hilton said so. \
                    President Jackson spoke on Sunday in March.";
        assert_eq!(found(text), Vec::<&str>::new());
    }

    #[test]
    fn remembers_surnames() {
        assert_eq!(
            found("Mike Moore spoke. Later Moore left for Moore, Oklahoma."),
            ["Oklahoma"]
        );
    }
}
