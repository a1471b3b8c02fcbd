//! Compass directions in every form news copy uses: "south-east", "southeast", "south east",
//! "SE", "south-eastern", "south-southeast", "SSE", and near-miss typos ("sound-east").
//!
//! A direction is a bearing in degrees clockwise from true north and the half-width of the
//! sector it names: ±45° for the four cardinal points, ±22.5° for the intercardinal ones and
//! ±11.25° for the eight in between, the sectors of the 16-point rose.

use strsim::levenshtein;

use super::tokens::{Token, TokenKind, ascii_lowercase_in};

/// Half-width (degrees) of the sector a direction with 1, 2 or 3 parts names.
const HALF_WIDTH_DEG: [f64; 3] = [45.0, 22.5, 11.25];
/// Edits tolerated in one part ("nrth"); real copy has typos, and the slot after a distance
/// is so constrained that a near miss is still a direction.
const MAX_EDITS: usize = 1;
/// Edits tolerated in a part of a compound whose other part is exact ("sound-east").
const MAX_EDITS_IN_COMPOUND: usize = 2;
/// Parts shorter than this are never matched fuzzily ("eat" is not "east").
const MIN_FUZZY_LEN: usize = 4;

/// Letters of the longest cardinal point's name ("north", "south").
const LONGEST_CARDINAL: usize = 5;
/// Longest word read as compass parts: three parts and an ending ("southsoutheastern").
const LONGEST_COMPASS_WORD: usize = 3 * LONGEST_CARDINAL + "ern".len();

/// The four cardinal points with their bearings (degrees).
const CARDINALS: [(&str, f64); 4] = [
    ("north", 0.0),
    ("east", 90.0),
    ("south", 180.0),
    ("west", 270.0),
];

/// A direction read from the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Direction {
    /// Degrees clockwise from true north, in `[0, 360)`.
    pub bearing_deg: f64,
    /// Half-width of the named sector, degrees.
    pub half_width_deg: f64,
    /// True for the adjective forms ("northern", "south-eastern"): a part of an area.
    pub adjectival: bool,
    /// Index of the first token after the direction.
    pub end: usize,
}

/// One recognised part: its bearing and how many edits it took.
#[derive(Debug, Clone, Copy)]
struct Part {
    bearing: f64,
    edits: usize,
}

/// Splits a lower-case word into compass parts: "northeastern" -> north, east (+ adjective).
fn split_exact(word: &str, parts: &mut Vec<Part>) -> Option<bool> {
    let mut rest = word;
    while !rest.is_empty() {
        if let Some(&(name, bearing)) = CARDINALS.iter().find(|(n, _)| rest.starts_with(n)) {
            parts.push(Part { bearing, edits: 0 });
            rest = &rest[name.len()..];
        } else {
            return match rest {
                "ern" | "erly" | "ward" | "wards" => Some(!rest.starts_with('w')),
                _ => None,
            };
        }
    }
    Some(false)
}

/// Reads one word as compass parts, exactly or with a typo; returns whether it is adjectival.
fn word_parts(word: &str, parts: &mut Vec<Part>) -> Option<bool> {
    // Only n, s, e and w begin a compass word, exact or mistyped ("sound-east", "nrth").
    let first_is_compass = matches!(
        word.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'n' | b's' | b'e' | b'w')
    );
    if !first_is_compass {
        return None;
    }
    // Every word of running text that starts like one comes here: lower-case it on the stack.
    let mut buf = [0u8; LONGEST_COMPASS_WORD];
    let lower = std::str::from_utf8(ascii_lowercase_in(word, &mut buf)?).ok()?;
    let before = parts.len();
    if let Some(adjectival) = split_exact(lower, parts) {
        return Some(adjectival);
    }
    parts.truncate(before);
    if lower.len() < MIN_FUZZY_LEN {
        return None;
    }
    let (stem, adjectival) = match lower.strip_suffix("ern") {
        Some(stem) if stem.len() >= MIN_FUZZY_LEN => (stem, true),
        _ => (lower, false),
    };
    // The edit distance is at least the difference in length: a longer stem is no cardinal.
    if stem.len() > LONGEST_CARDINAL + MAX_EDITS_IN_COMPOUND {
        return None;
    }
    let (bearing, edits) = CARDINALS
        .iter()
        .map(|&(name, bearing)| (bearing, levenshtein(stem, name)))
        .min_by_key(|&(_, e)| e)?;
    (edits <= MAX_EDITS_IN_COMPOUND).then(|| {
        parts.push(Part { bearing, edits });
        adjectival
    })
}

/// Reads "NE", "NNE", "S": all-caps abbreviations of up to three letters.
fn abbreviation(token: &Token) -> Option<Vec<Part>> {
    if !token.is_all_caps() || token.text.len() > HALF_WIDTH_DEG.len() {
        return None;
    }
    token
        .text
        .chars()
        .map(|c| {
            let bearing = match c {
                'N' => 0.0,
                'E' => 90.0,
                'S' => 180.0,
                'W' => 270.0,
                _ => return None,
            };
            Some(Part { bearing, edits: 0 })
        })
        .collect()
}

/// Mean of two bearings on the circle, degrees.
fn mid_bearing(a: f64, b: f64) -> f64 {
    let diff = ((b - a + 540.0) % 360.0) - 180.0;
    (a + diff / 2.0).rem_euclid(360.0)
}

/// The bearing of 1–3 parts: N; N+E = NE; N+N+E = between N and NE.
fn bearing_of(parts: &[Part]) -> Option<f64> {
    match parts {
        [a] => Some(a.bearing),
        [a, b] => {
            let vertical = a.bearing == 0.0 || a.bearing == 180.0;
            let horizontal = b.bearing == 90.0 || b.bearing == 270.0;
            (vertical && horizontal).then(|| mid_bearing(a.bearing, b.bearing))
        }
        [a, rest @ ..] => {
            let inner = bearing_of(rest)?;
            let mid = mid_bearing(a.bearing, inner);
            let close = (((mid - a.bearing + 540.0) % 360.0) - 180.0).abs();
            (close < HALF_WIDTH_DEG[0]).then_some(mid)
        }
        [] => None,
    }
}

/// True when `token` may be the last word of a direction ("east" of "south-east", "SE",
/// "northren"): every direction [`direction_at`] reads ends in such a word.
pub fn may_end_direction(token: &Token) -> bool {
    token.kind == TokenKind::Word
        && (abbreviation(token).is_some() || word_parts(token.text, &mut Vec::new()).is_some())
}

/// True for a name made only of compass words, exactly spelt ("North", "North-West", "Far
/// North", "Western"): the name of Cameroon's or Zambia's regions, and in most copy ("fighting
/// in the North", "relations with the West") a direction, not a place.
pub fn is_compass_name(name: &str) -> bool {
    let (mut compass, mut other) = (false, false);
    let mut buf = [0u8; LONGEST_COMPASS_WORD];
    let mut parts = Vec::new();
    for word in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        // A word longer than any compass word is some other word; ASCII lower case only.
        let lower = ascii_lowercase_in(word, &mut buf).and_then(|b| std::str::from_utf8(b).ok());
        parts.clear();
        if lower.is_some_and(|w| split_exact(w, &mut parts).is_some()) {
            compass = true;
        } else if lower != Some("far") {
            other = true;
        }
    }
    compass && !other
}

/// Reads a direction starting at token `i`: words joined by hyphens or single spaces, or an
/// abbreviation. `None` when the tokens are not a direction.
pub fn direction_at(tokens: &[Token], i: usize) -> Option<Direction> {
    let first = tokens.get(i).filter(|t| t.kind == TokenKind::Word)?;
    let (parts, adjectival, end) = if let Some(parts) = abbreviation(first) {
        (parts, false, i + 1)
    } else {
        let mut parts = Vec::new();
        let mut adjectival = word_parts(first.text, &mut parts)?;
        let mut end = i + 1;
        // An adjective ends a direction ("south-eastern"): "the northern West Bank" is the
        // north of the West Bank, not a north-west.
        while !adjectival && parts.len() < HALF_WIDTH_DEG.len() {
            // "south-east", or "south east" when the next word is exactly a compass word.
            let (next, skip) = match tokens.get(end..).unwrap_or_default() {
                [dash, w, ..] if dash.is_punct('-') && !w.space_before => (w, 2),
                [w, ..]
                    if w.kind == TokenKind::Word
                        && split_exact(&w.text.to_ascii_lowercase(), &mut Vec::new()).is_some() =>
                {
                    (w, 1)
                }
                _ => break,
            };
            let before = parts.len();
            match word_parts(next.text, &mut parts) {
                Some(a) => adjectival = a,
                None => {
                    parts.truncate(before);
                    break;
                }
            }
            end += skip;
        }
        (parts, adjectival, end)
    };
    let exact_parts = parts.iter().filter(|p| p.edits == 0).count();
    let typo_ok = parts
        .iter()
        .all(|p| p.edits <= MAX_EDITS || (p.edits <= MAX_EDITS_IN_COMPOUND && exact_parts > 0));
    if !typo_ok || parts.len() > HALF_WIDTH_DEG.len() {
        return None;
    }
    Some(Direction {
        bearing_deg: bearing_of(&parts)?,
        half_width_deg: HALF_WIDTH_DEG[parts.len() - 1],
        adjectival,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    fn read(text: &str) -> Option<(f64, f64)> {
        direction_at(&tokenize(text), 0).map(|d| (d.bearing_deg, d.half_width_deg))
    }

    #[test]
    fn a_name_of_compass_words_is_a_compass_name() {
        for name in ["North", "North-West", "Far North", "Western", "South East"] {
            assert!(is_compass_name(name), "{name}");
        }
        for name in ["North Kivu", "Westphalia", "Northern Cape", "Far", ""] {
            assert!(!is_compass_name(name), "{name}");
        }
    }

    #[test]
    fn an_adjective_ends_the_direction() {
        let tokens = tokenize("northern West Bank");
        let d = direction_at(&tokens, 0).unwrap();
        assert_eq!((d.bearing_deg, d.adjectival, d.end), (0.0, true, 1));
        assert_eq!(read("north west of"), Some((315.0, 22.5)));
    }

    #[test]
    fn reads_every_form_of_south_east() {
        for text in [
            "south-east of",
            "southeast of",
            "south east of",
            "SE of",
            "south-eastern",
            "Southeastern",
            "sound-east of",
        ] {
            assert_eq!(read(text), Some((135.0, 22.5)), "{text}");
        }
    }

    #[test]
    fn reads_cardinal_and_three_part_points() {
        assert_eq!(read("north of"), Some((0.0, 45.0)));
        assert_eq!(read("west"), Some((270.0, 45.0)));
        assert_eq!(read("north-northeast"), Some((22.5, 11.25)));
        assert_eq!(read("NNW"), Some((337.5, 11.25)));
        assert_eq!(read("east-northeast"), Some((67.5, 11.25)));
        assert_eq!(read("south-southwest"), Some((202.5, 11.25)));
        assert_eq!(read("nrth of"), Some((0.0, 45.0)));
    }

    #[test]
    fn rejects_words_that_are_not_directions() {
        assert_eq!(read("sound"), None);
        assert_eq!(read("eat"), None);
        assert_eq!(read("Easter"), None);
        assert_eq!(read("NASA"), None);
        assert_eq!(read("east-east"), None);
    }
}
