//! Relative locations: the words before a place name that move or widen it — "70 km
//! south-east of", "10 km from the capital", "near", "on the outskirts of", "just north of",
//! "in northern", "the capital of".
//!
//! A small hand-written recogniser over tokens: it looks back from the place name over an
//! optional descriptor ("the capital", "the town of"), then tries each start within
//! [`MAX_RELATION_TOKENS`] and keeps the longest phrase that ends exactly at the descriptor.

use super::compass::{Direction, direction_at, may_end_direction};
use super::number::{Distance, distance_at, travel_distance_at};
use super::tokens::{Token, TokenKind, possessive_at};

/// The longest descriptor between a relation and its place ("the provincial capital of").
pub const MAX_DESCRIPTOR_TOKENS: usize = 4;
/// The longest relation phrase, in tokens ("some seventy-five kilometres to the south-south-east of").
const MAX_RELATION_TOKENS: usize = 14;

/// Lower-case words that describe the place after them ("the capital Dushanbe").
const DESCRIPTORS: &[&str] = &[
    "capital",
    "city",
    "town",
    "village",
    "port",
    "provincial",
    "regional",
    "border",
    "district",
    "province",
    "region",
    "state",
    "county",
    "municipality",
    "suburb",
    "settlement",
    "coastal",
    "island",
    "neighbouring",
    "neighboring",
    "nearby",
    "restive",
    "strategic",
    "key",
    "small",
    "major",
    "oil",
    "mountain",
    "desert",
    "rebel",
    "held",
    "area",
    "centre",
    "center",
    "heart",
    "gates",
    "downtown",
    "of",
];

/// What the words before a place say about where the event is relative to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// "70 km south-east of X": a distance and a direction.
    Offset {
        distance: Distance,
        direction: Direction,
    },
    /// "10 km from X", "10 km outside X": a distance without direction.
    Away { distance: Distance },
    /// "north of X", "just north of X": a direction without distance.
    Bearing { direction: Direction, close: bool },
    /// "near X", "outside X", "close to X".
    Near,
    /// "on the outskirts of X", "the suburbs of X".
    Outskirts,
    /// "northern X", "the north of X": a part of an area.
    Part { direction: Direction },
    /// "central X": the middle part of an area.
    Middle,
}

impl Relation {
    /// True for a part of an area ("northern X", "central X").
    pub fn is_part(&self) -> bool {
        matches!(self, Relation::Part { .. } | Relation::Middle)
    }
}

/// A relation phrase and where it starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelativePhrase {
    /// Index of the first token of the phrase (the mention starts here).
    pub start: usize,
    pub relation: Relation,
}

/// Where the descriptor before token `first` starts, and whether it is "capital of": the place
/// after it is then a country whose capital is meant.
pub fn descriptor_start(tokens: &[Token], first: usize) -> (usize, bool) {
    let mut j = first;
    // "the capital, Bamako": a comma may set the place apart from its descriptor.
    if j >= 2
        && tokens[j - 1].is_punct(',')
        && tokens[j - 2].text != "of"
        && DESCRIPTORS.contains(&tokens[j - 2].text)
    {
        j -= 1;
    }
    let mut skipped = 0;
    while skipped < MAX_DESCRIPTOR_TOKENS
        && j > 0
        && tokens[j - 1].kind == TokenKind::Word
        && DESCRIPTORS.contains(&tokens[j - 1].text)
    {
        j -= 1;
        skipped += 1;
    }
    // "of" alone belongs to the relation ("south of X"), not to a descriptor.
    while j < first && tokens[j].text == "of" {
        j += 1;
        skipped -= 1;
    }
    let capital_of =
        skipped >= 2 && tokens[first - 1].text == "of" && tokens[first - 2].text == "capital";
    if skipped > 0 && skipped < MAX_DESCRIPTOR_TOKENS {
        // "the Syrian border town of Qamishli": a capitalised adjective, "the northern city of
        // Kunduz", "the north-western Syrian city of Idlib", "the central town of Mopti": a
        // compass adjective, right after "the"; the descriptor then begins at "the".
        let mut k = j;
        if k > 1 && tokens[k - 1].kind == TokenKind::Word && tokens[k - 1].is_capitalised() {
            k -= 1;
        }
        k = compass_adjective_before(tokens, k).unwrap_or(k);
        if k < j && k > 0 && tokens[k - 1].is_word("the") {
            j = k;
        }
    }
    if skipped > 0 && j > 0 && tokens[j - 1].is_word("the") {
        j -= 1;
    }
    (j, capital_of)
}

/// Where a compass adjective ("northern", "south-eastern", "central") that ends right before
/// token `end` starts.
fn compass_adjective_before(tokens: &[Token], end: usize) -> Option<usize> {
    /// The most tokens a compass adjective spans ("south", "-", "south", "-", "eastern").
    const MAX_COMPASS_TOKENS: usize = 5;
    (end.saturating_sub(MAX_COMPASS_TOKENS)..end).find(|&start| {
        middle_at(tokens, start) == Some(end)
            || direction_at(tokens, start).is_some_and(|d| d.adjectival && d.end == end)
    })
}

fn word_at(tokens: &[Token], i: usize, word: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.is_word(word))
}

/// The index after a fixed word sequence at `i`, if the tokens spell it.
fn phrase_at(tokens: &[Token], i: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .all(|(n, w)| word_at(tokens, i + n, w))
        .then_some(i + words.len())
}

/// "near", "close to", "outside", ... : the index after the phrase.
fn near_at(tokens: &[Token], i: usize) -> Option<usize> {
    const NEAR: &[&[&str]] = &[
        &["near"],
        &["nearby"],
        &["near", "to"],
        &["close", "to"],
        &["next", "to"],
        &["outside", "of"],
        &["outside"],
        &["around"],
        &["not", "far", "from"],
        &["in", "the", "vicinity", "of"],
        &["in", "the", "area", "of"],
        &["on", "the", "edge", "of"],
    ];
    NEAR.iter().filter_map(|p| phrase_at(tokens, i, p)).max()
}

/// "on the outskirts of", "the suburbs of", ...: the index after the phrase.
fn outskirts_at(tokens: &[Token], i: usize) -> Option<usize> {
    const OUTSKIRTS: &[&[&str]] = &[
        &["on", "the", "outskirts", "of"],
        &["the", "outskirts", "of"],
        &["outskirts", "of"],
        &["in", "the", "suburbs", "of"],
        &["the", "suburbs", "of"],
        &["suburbs", "of"],
        &["on", "the", "fringes", "of"],
    ];
    OUTSKIRTS
        .iter()
        .filter_map(|p| phrase_at(tokens, i, p))
        .max()
}

/// Words for the edge of a town: "the outskirts of X", "X's northern suburbs".
const EDGES: &[&str] = &["outskirts", "suburbs", "edge", "fringes"];

/// "Kabul's western outskirts", "Khartoum's suburbs", "the capital's outskirts": the edge of
/// the place that ends at token `end`, named in the possessive after it, with or without a
/// side ([`Relation::Outskirts`], as "on the northern outskirts of X"); the index after the
/// edge word.
pub fn outskirts_after(tokens: &[Token], end: usize) -> Option<usize> {
    if !possessive_at(tokens, end) {
        return None;
    }
    let side = direction_at(tokens, end + 2).filter(|d| d.adjectival);
    let edge = side.map_or(end + 2, |d| d.end);
    EDGES
        .iter()
        .any(|w| word_at(tokens, edge, w))
        .then_some(edge + 1)
}

/// "on the northern outskirts of X", "the southern suburbs of X", "the eastern edge of X":
/// the outskirts, whose radius already holds every side of X (a direction from X's point
/// would need the whole sector's width, a larger circle).
fn edge_in_direction_at(tokens: &[Token], i: usize) -> Option<(Relation, usize)> {
    /// Tokens of the longest compass adjective ("south - south - eastern").
    const MAX_DIRECTION_TOKENS: usize = 5;
    let on = usize::from(word_at(tokens, i, "on") || word_at(tokens, i, "in"));
    let the = phrase_at(tokens, i + on, &["the"])?;
    // The edge word first: reading a compass word costs an edit distance.
    let edge_ahead =
        (the + 1..=the + MAX_DIRECTION_TOKENS).any(|k| EDGES.iter().any(|w| word_at(tokens, k, w)));
    if !edge_ahead {
        return None;
    }
    let direction = direction_at(tokens, the).filter(|d| d.adjectival)?;
    let edge = EDGES.iter().any(|w| word_at(tokens, direction.end, w));
    let end = of_at(tokens, direction.end + 1).filter(|_| edge)?;
    Some((Relation::Outskirts, end))
}

/// "of" or "from" after a direction: the index after it.
/// "central", in lower case ("Central" starts names such as "Central Java"): the index
/// after it. "The centre of X" is X itself (see [`DESCRIPTORS`]).
fn middle_at(tokens: &[Token], i: usize) -> Option<usize> {
    tokens
        .get(i)
        .is_some_and(|t| t.text == "central")
        .then_some(i + 1)
}

fn of_at(tokens: &[Token], i: usize) -> Option<usize> {
    (word_at(tokens, i, "of") || word_at(tokens, i, "from")).then_some(i + 1)
}

/// The index after a unit conversion in brackets at `i` ("(62 miles)" in "100 kilometers (62
/// miles) northwest of"), or `i` itself when none is there: wire copy gives both units.
fn after_conversion(tokens: &[Token], i: usize) -> usize {
    let opens = tokens.get(i).is_some_and(|t| t.is_punct('('));
    let converted =
        distance_at(tokens, i + 1).filter(|d| tokens.get(d.end).is_some_and(|t| t.is_punct(')')));
    match converted {
        Some(d) if opens => d.end + 1,
        _ => i,
    }
}

/// A relation phrase starting at token `i`, with the index after it.
fn relation_at(tokens: &[Token], i: usize) -> Option<(Relation, usize)> {
    if let Some(distance) = distance_at(tokens, i).or_else(|| travel_distance_at(tokens, i)) {
        let mut m = after_conversion(tokens, distance.end);
        // "15 km inland from Mocimboa da Praia": the direction inland is unknown.
        if ["away", "further", "inland"]
            .iter()
            .any(|w| word_at(tokens, m, w))
        {
            m += 1;
        }
        let m_dir = phrase_at(tokens, m, &["to", "the"]).unwrap_or(m);
        // "18 km south-eastern of" is a slip for "south-east of".
        if let Some(direction) = direction_at(tokens, m_dir) {
            let end = of_at(tokens, direction.end)?;
            return Some((
                Relation::Offset {
                    distance,
                    direction,
                },
                end,
            ));
        }
        let away = ["from", "outside", "of", "off"]
            .iter()
            .any(|w| word_at(tokens, m, w));
        // "50 nautical miles off the coast of Libya": the coast is the country's; "20 miles
        // outside of Tucson".
        let end = phrase_at(tokens, m + 1, &["the", "coast", "of"])
            .or_else(|| {
                (word_at(tokens, m, "outside") && word_at(tokens, m + 1, "of")).then_some(m + 2)
            })
            .unwrap_or(m + 1);
        return away.then_some((Relation::Away { distance }, end));
    }
    if let Some(end) = outskirts_at(tokens, i) {
        return Some((Relation::Outskirts, end));
    }
    if let Some(found) = edge_in_direction_at(tokens, i) {
        return Some(found);
    }
    if let Some(end) = near_at(tokens, i) {
        return Some((Relation::Near, end));
    }
    if let Some(end) = middle_at(tokens, i) {
        return Some((Relation::Middle, end));
    }
    let close = ["just", "immediately", "directly", "slightly", "due"]
        .iter()
        .any(|w| word_at(tokens, i, w));
    let d = usize::from(close);
    let the = usize::from(word_at(tokens, i + d, "the"));
    let direction = direction_at(tokens, i + d + the)?;
    if direction.adjectival {
        return (the == 0 && !close).then_some((Relation::Part { direction }, direction.end));
    }
    match of_at(tokens, direction.end) {
        Some(end) if the == 1 => Some((Relation::Part { direction }, end)),
        Some(end) => Some((Relation::Bearing { direction, close }, end)),
        None if the == 0 && !close => Some((Relation::Part { direction }, direction.end)),
        None => None,
    }
}

/// A relation phrase that says a part of its place ("northern", "central", "the north of"):
/// a phrase that follows "the" is one too, as "in the north of the city", which
/// [`relation_before`] reads from "north" as a bearing once the descriptor ("the city") keeps
/// "the north of" from being a part.
pub fn is_part_of(tokens: &[Token], phrase: RelativePhrase) -> bool {
    phrase.relation.is_part() || phrase.start > 0 && tokens[phrase.start - 1].is_word("the")
}

/// Words that end a relation phrase besides a direction: "of" and "from" ("north of",
/// "10 km from", "the outskirts of"), "near", "nearby", "to" ("close to"), "outside",
/// "around", "off" ("50 nautical miles off") and "central".
const RELATION_ENDINGS: &[&str] = &[
    "of", "from", "near", "nearby", "to", "outside", "around", "off", "central",
];

/// True when `token` may be the last word of a relation phrase: a word of
/// [`RELATION_ENDINGS`] or of a direction ("south-east", "northern").
fn may_end_relation(token: &Token) -> bool {
    RELATION_ENDINGS.iter().any(|w| token.is_word(w)) || may_end_direction(token)
}

/// The relation phrase that ends right before token `first` (after skipping a descriptor),
/// the longest one when several do.
///
/// # Runtime
/// At most [`MAX_RELATION_TOKENS`] attempts, each a few token comparisons.
pub fn relation_before(tokens: &[Token], first: usize) -> Option<RelativePhrase> {
    let (j, _) = descriptor_start(tokens, first);
    // Before most names there is none: one look at the last word spares the attempts.
    if !tokens.get(j.checked_sub(1)?).is_some_and(may_end_relation) {
        return None;
    }
    (j.saturating_sub(MAX_RELATION_TOKENS)..j).find_map(|start| {
        relation_at(tokens, start)
            // "the northern city of Mosul" is Mosul itself, not its northern part.
            .filter(|&(r, end)| end == j && !(r.is_part() && j != first))
            .map(|(relation, _)| RelativePhrase { start, relation })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    /// The relation before the last token of `text`, and the text it starts at.
    fn before_last(text: &str) -> Option<(Relation, &str)> {
        let tokens = tokenize(text);
        let last = tokens.len() - 1;
        relation_before(&tokens, last).map(|p| (p.relation, &text[tokens[p.start].start..]))
    }

    #[test]
    fn reads_offsets_with_descriptors() {
        let (rel, from) = before_last("killed 70 kilometres sound-east of Dushanbe").unwrap();
        assert!(
            matches!(rel, Relation::Offset { direction, .. } if direction.bearing_deg == 135.0)
        );
        assert_eq!(from, "70 kilometres sound-east of Dushanbe");
        let (rel, from) = before_last("Vakhdat, 10 kilometres from the capital Dushanbe").unwrap();
        assert!(matches!(rel, Relation::Away { distance } if distance.km == 10.0));
        assert_eq!(from, "10 kilometres from the capital Dushanbe");
        let (rel, from) =
            before_last("A boat capsized 50 nautical miles off the coast of Libya").unwrap();
        assert!(matches!(rel, Relation::Away { distance } if (distance.km - 92.6).abs() < 0.1));
        assert_eq!(from, "50 nautical miles off the coast of Libya");
        // A capitalised adjective may open the descriptor.
        let (rel, from) =
            before_last("The base is 60 km north of the Syrian border town of Qamishli").unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 60.0));
        assert_eq!(from, "60 km north of the Syrian border town of Qamishli");
        // So may a compass adjective, before or after it, and "central".
        let (rel, from) =
            before_last("The attack occurred near the northern city of Kunduz").unwrap();
        assert_eq!(rel, Relation::Near);
        assert_eq!(from, "near the northern city of Kunduz");
        let (rel, from) =
            before_last("A bomb went off 20 km east of the north-western Syrian city of Idlib")
                .unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 20.0));
        assert_eq!(from, "20 km east of the north-western Syrian city of Idlib");
        let (rel, from) = before_last("Clashes outside the central town of Mopti").unwrap();
        assert_eq!(rel, Relation::Near);
        assert_eq!(from, "outside the central town of Mopti");
        // "the gates of" a city is the city.
        let (rel, from) = before_last("Rebels are now 20 km from the gates of Kyiv").unwrap();
        assert!(matches!(rel, Relation::Away { distance } if distance.km == 20.0));
        assert_eq!(from, "20 km from the gates of Kyiv");
        // Without a relation before it, the descriptor is no part of the place.
        assert_eq!(
            before_last("The army entered the northern city of Mosul"),
            None
        );
    }

    #[test]
    fn reads_distances_inland_and_outside_of_and_outskirts_on_one_side() {
        let (rel, from) = before_last("Gunmen struck 15 km inland from Mocimboa").unwrap();
        assert!(matches!(rel, Relation::Away { distance } if distance.km == 15.0));
        assert_eq!(from, "15 km inland from Mocimboa");
        let (rel, from) = before_last("The raid happened 20 miles outside of Tucson").unwrap();
        assert!(matches!(rel, Relation::Away { .. }));
        assert_eq!(from, "20 miles outside of Tucson");
        let (rel, from) = before_last("Fighting on the northern outskirts of Khartoum").unwrap();
        assert_eq!(rel, Relation::Outskirts);
        assert_eq!(from, "on the northern outskirts of Khartoum");
    }

    #[test]
    fn reads_a_possessive_edge_after_the_place() {
        let tokens = tokenize("Fighting raged on Kabul's western outskirts on Monday");
        assert_eq!(outskirts_after(&tokens, 4), Some(8));
        let tokens = tokenize("Clashes in Khartoum's suburbs");
        assert_eq!(outskirts_after(&tokens, 3), Some(tokens.len()));
        // Not another possessive: "Kabul's western allies".
        let tokens = tokenize("Kabul's western allies");
        assert_eq!(outskirts_after(&tokens, 1), None);
    }

    #[test]
    fn reads_ranges_and_vague_distances() {
        let (rel, from) = before_last("the village lies a few kilometres north of Bunia").unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 3.5));
        assert_eq!(from, "a few kilometres north of Bunia");
        let (rel, from) = before_last("ambushed between 10 and 15 km east of Djibo").unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 12.5));
        assert_eq!(from, "between 10 and 15 km east of Djibo");
        let (rel, from) = before_last("found less than a kilometre from Beni").unwrap();
        assert!(matches!(rel, Relation::Away { distance } if distance.km == 0.5));
        assert_eq!(from, "less than a kilometre from Beni");
    }

    #[test]
    fn reads_a_conversion_in_brackets_and_a_comma_after_the_descriptor() {
        let (rel, from) = before_last("some 100 kilometers (62 miles) northwest of Goma").unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 100.0));
        assert_eq!(from, "some 100 kilometers (62 miles) northwest of Goma");
        let (rel, from) = before_last("45 km (28 miles) south of the capital, Bamako").unwrap();
        assert!(matches!(rel, Relation::Offset { distance, .. } if distance.km == 45.0));
        assert_eq!(from, "45 km (28 miles) south of the capital, Bamako");
    }

    #[test]
    fn reads_vague_relations() {
        assert!(matches!(
            before_last("a camp near Mosul"),
            Some((Relation::Near, "near Mosul"))
        ));
        assert!(matches!(
            before_last("on the outskirts of Kabul"),
            Some((Relation::Outskirts, _))
        ));
        assert!(matches!(
            before_last("just north of Aleppo"),
            Some((Relation::Bearing { close: true, .. }, _))
        ));
        assert!(matches!(
            before_last("in northern Syria"),
            Some((Relation::Part { .. }, "northern Syria"))
        ));
        assert!(matches!(
            before_last("in the north of Mali"),
            Some((Relation::Part { .. }, "the north of Mali"))
        ));
        assert_eq!(before_last("the people of Mali"), None);
        assert!(matches!(
            before_last("in central Syria"),
            Some((Relation::Middle, "central Syria"))
        ));
        // A name that starts with the word is no part of anything.
        assert_eq!(before_last("in Central Java"), None);
        // The centre of a place is the place itself.
        assert_eq!(before_last("in the centre of Homs"), None);
    }
}
