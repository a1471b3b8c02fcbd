//! Distances as news copy writes them: "70 km", "some 70 kilometres", "seventy miles",
//! "1,500 metres", "70-km", "2.5 km", "25 to 30 km", "50-odd km", "a few kilometres", "half a
//! mile", "less than a kilometre".
//!
//! A distance carries its own precision, following the point-radius method (Wieczorek et al.,
//! GBIF georeferencing best practices): half the magnitude of the last significant digit, so
//! "70 km" is ±5 km, "75 km" ±0.5 km, "1,500 m" ±50 m and "2.5 km" ±0.05 km. A hedge ("some",
//! "about", "nearly") widens it to at least [`HEDGE_FRACTION`] of the distance. A range ("25
//! to 30 km", "a few km" = 2 to 5 km, "less than 10 km" = 0 to 10 km) is its midpoint, good to
//! half its width, as the method reads a range of distances.

use super::tokens::{Token, TokenKind, ascii_lowercase_in, words_end};

/// The smallest share of the distance a hedged figure ("about 70 km") may be off by.
pub const HEDGE_FRACTION: f64 = 0.1;
/// Kilometres in a statute mile.
const KM_PER_MILE: f64 = 1.609_344;
/// Kilometres in a metre.
const KM_PER_METRE: f64 = 0.001;
/// Kilometres in a nautical mile.
const KM_PER_NAUTICAL_MILE: f64 = 1.852;
/// Numbers above this (km) are no distance on Earth's surface; treat them as noise.
const MAX_DISTANCE_KM: f64 = 20_037.5;

/// Words that hedge the figure after them.
const HEDGES: &[&str] = &[
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "estimated",
    "approx",
    "circa",
    "ca",
];

/// Number words and their values; tens combine with units ("seventy-five").
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
];

/// Words before a figure that make it an upper bound: "less than 10 km" is 0 to 10 km.
const UPPER_BOUNDS: &[&[&str]] = &[&["less", "than"], &["under"], &["within"], &["up", "to"]];

/// Words for an inexact count, with the lowest and highest counts they stand for: "a few
/// kilometres" is 2 to 5 km, "several hundred metres" 300 to 900 m.
const VAGUE_COUNTS: &[(&[&str], f64, f64)] = &[
    (&["a", "couple", "of"], 2.0, 3.0),
    (&["a", "few"], 2.0, 5.0),
    (&["several"], 3.0, 9.0),
    (&["a", "dozen"], 10.0, 14.0),
    (&["tens", "of"], 20.0, 90.0),
    (&["hundreds", "of"], 200.0, 900.0),
];

/// Words between the two figures of a range ("25 to 30 km", "25 or 30 km"); "and" only after
/// "between" ("between 10 and 15 km").
const RANGE_WORDS: &[&str] = &["to", "or"];
/// Dashes between the two figures of a range ("25-30 km", "25–30 km").
const RANGE_DASHES: &[char] = &['-', '–', '—'];
/// "50-odd km" is 50 to at most this share above 50 (the last digit's step when smaller).
const ODD_MAX_SHARE: f64 = 0.5;

/// A distance read from the text, in km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Distance {
    pub km: f64,
    /// How far (km) the true distance may be from `km` given how it was written.
    pub precision_km: f64,
    /// Index of the first token after the distance and its unit.
    pub end: usize,
}

/// A bare number: its value and how far off it may be (half the magnitude of its last
/// significant digit, or half the width of a range).
struct Figure {
    value: f64,
    half_step: f64,
    end: usize,
}

impl Figure {
    /// The midpoint of the counts from `low` to `high`, good to half the range.
    fn range(low: f64, high: f64, end: usize) -> Figure {
        Figure {
            value: (low + high) / 2.0,
            half_step: (high - low) / 2.0,
            end,
        }
    }
}

/// Half the magnitude of the last significant digit of an integer written with `digits`.
fn half_step_of_integer(digits: &str) -> f64 {
    let trailing_zeros = digits.bytes().rev().take_while(|&b| b == b'0').count();
    let significant = digits.len().saturating_sub(trailing_zeros).max(1);
    let zeros = (digits.len() - significant).min(i32::MAX as usize) as i32;
    0.5 * 10f64.powi(zeros)
}

/// Reads "1,500", "70", "2.5" starting at token `i`.
fn digits_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let first = tokens.get(i).filter(|t| t.kind == TokenKind::Number)?;
    let mut digits = first.text.to_owned();
    let mut end = i + 1;
    // Thousands groups: a comma with no space, then exactly three digits.
    while let [sep, group, ..] = tokens.get(end..).unwrap_or_default() {
        if sep.is_punct(',')
            && !group.space_before
            && !sep.space_before
            && group.text.len() == 3
            && group.kind == TokenKind::Number
        {
            digits.push_str(group.text);
            end += 2;
        } else {
            break;
        }
    }
    let mut half_step = half_step_of_integer(&digits);
    let mut value: f64 = digits.parse().ok()?;
    if let [dot, frac, ..] = tokens.get(end..).unwrap_or_default() {
        if dot.is_punct('.')
            && !dot.space_before
            && !frac.space_before
            && frac.kind == TokenKind::Number
        {
            value = format!("{digits}.{}", frac.text).parse().ok()?;
            let places = frac.text.len().min(i32::MAX as usize) as i32;
            half_step = 0.5 * 10f64.powi(-places);
            end += 2;
        }
    }
    Some(Figure {
        value,
        half_step,
        end,
    })
}

fn number_word(token: &Token) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| token.text.eq_ignore_ascii_case(w))
        .map(|&(_, v)| v)
}

/// Reads "seventy", "seventy-five", "a hundred", "two hundred" starting at token `i`.
fn words_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let mut end = i;
    if tokens
        .get(end)
        .is_some_and(|t| t.is_word("a") || t.is_word("an"))
    {
        end += 1;
    }
    let mut value = number_word(tokens.get(end)?)?;
    end += 1;
    if let [dash, unit, ..] = tokens.get(end..).unwrap_or_default() {
        if dash.is_punct('-') && (20.0..100.0).contains(&value) {
            if let Some(u) = number_word(unit).filter(|&u| u < 10.0) {
                value += u;
                end += 2;
            }
        }
    }
    if let Some(mult) = tokens
        .get(end)
        .and_then(number_word)
        .filter(|&m| m >= 100.0)
    {
        value = if value >= 100.0 {
            value * mult
        } else {
            value.max(1.0) * mult
        };
        end += 1;
    }
    let half_step = half_step_of_integer(&format!("{value}"));
    Some(Figure {
        value,
        half_step,
        end,
    })
}

/// Reads "a few", "several hundred", "half a", or a lone "a" before a unit ("a kilometre
/// outside") starting at token `i`.
fn vague_at(tokens: &[Token], i: usize) -> Option<Figure> {
    if let Some(&(words, low, high)) = VAGUE_COUNTS
        .iter()
        .find(|(words, ..)| words_end(tokens, i, words).is_some())
    {
        let mut end = i + words.len();
        let mut scale = 1.0;
        if let Some(mult) = tokens
            .get(end)
            .and_then(number_word)
            .filter(|&m| m >= 100.0)
        {
            scale = mult;
            end += 1;
        }
        return Some(Figure::range(low * scale, high * scale, end));
    }
    // "half a mile": half its own value off, as a fraction's precision is its denominator's.
    const HALF: f64 = 0.5;
    if let Some(end) =
        words_end(tokens, i, &["half", "a"]).or(words_end(tokens, i, &["half", "an"]))
    {
        return Some(Figure {
            value: HALF,
            half_step: HALF / 2.0,
            end,
        });
    }
    // "a kilometre", "a mile": one unit, as written ("1"); a unit's symbol after "a" ("a m",
    // "a mi") is some other word.
    let article = tokens
        .get(i)
        .is_some_and(|t| t.is_word("a") || t.is_word("an"));
    let spelled_unit = tokens
        .get(i + 1)
        .is_some_and(|t| t.text.len() > "mi".len() && unit_km(t).is_some());
    (article && spelled_unit).then_some(Figure {
        value: 1.0,
        half_step: HALF,
        end: i + 1,
    })
}

/// A figure in digits or words, or a vague count, starting at token `i`, widened to a range
/// when one follows ("25 to 30", "50-odd").
fn figure_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let between = words_end(tokens, i, &["between"]);
    let start = between.unwrap_or(i);
    let first = digits_at(tokens, start)
        .or_else(|| words_at(tokens, start))
        .or_else(|| vague_at(tokens, start))?;
    let sep = tokens.get(first.end);
    let is_range_sep = sep.is_some_and(|t| {
        RANGE_WORDS.iter().any(|w| t.is_word(w))
            || RANGE_DASHES.iter().any(|&c| t.is_punct(c))
            || between.is_some() && t.is_word("and")
    });
    let second = is_range_sep
        .then(|| digits_at(tokens, first.end + 1).or_else(|| words_at(tokens, first.end + 1)))
        .flatten()
        .filter(|second| second.value > first.value);
    if let Some(second) = second {
        return Some(Figure::range(first.value, second.value, second.end));
    }
    if between.is_some() {
        return None;
    }
    // "50-odd", "50 odd": from 50 up to the next step of its last digit.
    let odd_at = first.end + usize::from(sep.is_some_and(|t| t.is_punct('-')));
    if tokens.get(odd_at).is_some_and(|t| t.is_word("odd")) {
        let above = (2.0 * first.half_step).min(ODD_MAX_SHARE * first.value);
        return Some(Figure::range(first.value, first.value + above, odd_at + 1));
    }
    Some(first)
}

/// Km covered in an hour by each way of travel copy measures distances in: a drive on the
/// roads of the regions conflict copy reports from, and a walk.
const TRAVEL_KM_PER_HOUR: &[(&str, f64)] = &[("drive", 60.0), ("walk", 5.0)];
/// The share of a distance read from a travel time that the true distance may be off by:
/// roads, traffic and terrain make a time a rough measure (GBIF's georeferencing guide asks
/// for a wide error).
const TRAVEL_PRECISION_SHARE: f64 = 0.5;

/// "an hour's drive", "a two-hour drive", "a 45-minute drive", "two hours' walk" starting at
/// token `i`: a travel time read as a distance (km) at [`TRAVEL_KM_PER_HOUR`], good to
/// [`TRAVEL_PRECISION_SHARE`] of it.
pub fn travel_distance_at(tokens: &[Token], i: usize) -> Option<Distance> {
    let article = tokens
        .get(i)
        .is_some_and(|t| t.is_word("a") || t.is_word("an"));
    let mut k = i + usize::from(article);
    let count = if tokens.get(k).is_some_and(|t| t.is_word("half")) {
        k += 1;
        0.5
    } else if let Some(figure) = digits_at(tokens, k).or_else(|| words_at(tokens, k)) {
        k = figure.end;
        figure.value
    } else if article {
        1.0
    } else {
        return None;
    };
    let joined = |t: &Token| !t.space_before;
    if tokens.get(k).is_some_and(|t| t.is_punct('-') && joined(t)) {
        k += 1;
    }
    let unit = tokens.get(k)?;
    let hours_per_unit = if unit.is_word("hour") || unit.is_word("hours") {
        1.0
    } else if unit.is_word("minute") || unit.is_word("minutes") {
        1.0 / 60.0
    } else {
        return None;
    };
    k += 1;
    // "an hour's drive", "two hours' drive".
    if tokens
        .get(k)
        .is_some_and(|t| t.is_apostrophe() && joined(t))
    {
        k += 1;
        if tokens.get(k).is_some_and(|t| t.is_word("s") && joined(t)) {
            k += 1;
        }
    }
    let mode = tokens.get(k)?;
    let &(_, km_per_hour) = TRAVEL_KM_PER_HOUR.iter().find(|(w, _)| mode.is_word(w))?;
    let km = count * hours_per_unit * km_per_hour;
    (km.is_finite() && km > 0.0 && km <= MAX_DISTANCE_KM).then_some(Distance {
        km,
        precision_km: TRAVEL_PRECISION_SHARE * km,
        end: k + 1,
    })
}

/// Millimetres per km: distances are rounded to the millimetre, below any figure's precision,
/// so that unit conversions print without floating-point noise.
const MM_PER_KM: f64 = 1e6;

/// The longest unit written short, and so perhaps with a full stop ("km.", "kms.", "mi.").
const MAX_ABBREVIATED_UNIT_LEN: usize = 3;

/// Km per unit for a unit word ("km", "kilometres", "miles", "m", "nm").
fn unit_km(token: &Token) -> Option<f64> {
    const LONGEST_UNIT: usize = 10;
    if token.kind != TokenKind::Word {
        return None;
    }
    // Lower-cased on the stack: every word after a figure is asked.
    let mut buf = [0u8; LONGEST_UNIT];
    match ascii_lowercase_in(token.text, &mut buf)? {
        b"km" | b"kms" | b"klm" | b"kilometre" | b"kilometres" | b"kilometer" | b"kilometers"
        | b"klicks" => Some(1.0),
        b"mi" | b"mile" | b"miles" => Some(KM_PER_MILE),
        // Maritime security notices ("20NM west of Hodeidah"): no news copy measures a
        // place's distance in nanometres.
        b"nm" | b"nmi" => Some(KM_PER_NAUTICAL_MILE),
        b"m" | b"metre" | b"metres" | b"meter" | b"meters" => Some(KM_PER_METRE),
        _ => None,
    }
}

/// Reads a distance with its unit starting at token `i`: an optional hedge, a figure, an
/// optional hyphen ("70-km") and a unit. `None` when the tokens are not a distance or the
/// distance exceeds half the Earth's circumference.
pub fn distance_at(tokens: &[Token], i: usize) -> Option<Distance> {
    let mut start = i;
    let mut hedged = false;
    let mut upper_bound = false;
    while tokens.get(start).is_some_and(|t| {
        HEDGES.iter().any(|h| t.is_word(h))
            || t.is_word("an")
                && tokens
                    .get(start + 1)
                    .is_some_and(|n| n.is_word("estimated"))
    }) {
        hedged = true;
        start += 1;
    }
    if let Some(end) = UPPER_BOUNDS
        .iter()
        .find_map(|w| words_end(tokens, start, w))
    {
        upper_bound = true;
        start = end;
    } else if let Some(end) = words_end(tokens, start, &["more", "than"]) {
        hedged = true;
        start = end;
    }
    let figure = figure_at(tokens, start)?;
    let mut end = figure.end;
    if tokens.get(end).is_some_and(|t| t.is_punct('-')) {
        end += 1;
    }
    let nautical = tokens.get(end).is_some_and(|t| t.is_word("nautical"))
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.is_word("miles") || t.is_word("mile"));
    let per_unit = if nautical {
        end += 1;
        KM_PER_NAUTICAL_MILE
    } else {
        unit_km(tokens.get(end)?)?
    };
    // "70 km. south-east of": a full stop after a short unit, when the sentence goes on.
    let abbreviated = tokens[end].text.len() <= MAX_ABBREVIATED_UNIT_LEN
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.is_punct('.') && !t.space_before)
        && tokens
            .get(end + 2)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalised());
    end += usize::from(abbreviated);
    // To the millimetre: "200 nautical miles" is 370.4 km, not 370.40000000000003.
    let km = (figure.value * per_unit * MM_PER_KM).round() / MM_PER_KM;
    if !km.is_finite() || km > MAX_DISTANCE_KM {
        return None;
    }
    let mut precision_km = figure.half_step * per_unit;
    if hedged {
        precision_km = precision_km.max(HEDGE_FRACTION * km);
    }
    let (km, precision_km) = if upper_bound {
        (km / 2.0, km / 2.0)
    } else {
        (km, precision_km)
    };
    Some(Distance {
        km,
        precision_km,
        end: end + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::tokens::tokenize;

    fn read(text: &str) -> Option<(f64, f64)> {
        distance_at(&tokenize(text), 0).map(|d| (d.km, d.precision_km))
    }

    #[test]
    fn reads_digits_words_and_units() {
        assert_eq!(read("70 kilometres"), Some((70.0, 5.0)));
        assert_eq!(read("75 km"), Some((75.0, 0.5)));
        assert_eq!(read("seventy km"), Some((70.0, 5.0)));
        assert_eq!(read("seventy-five km"), Some((75.0, 0.5)));
        assert_eq!(read("70-km"), Some((70.0, 5.0)));
        assert_eq!(read("1,500 metres"), Some((1.5, 0.05)));
        assert_eq!(read("2.5 km"), Some((2.5, 0.05)));
        assert_eq!(read("some 70 km"), Some((70.0, 7.0)));
        let (km, _) = read("10 miles").unwrap();
        assert!((km - 16.09344).abs() < 1e-9);
        // Maritime notices and field reports write nautical miles and kilometres short.
        for text in ["20 nm", "20NM", "20 nautical miles"] {
            let (km, _) = read(text).unwrap();
            assert!((km - 37.04).abs() < 1e-9, "{text}");
        }
        assert_eq!(read("15 klm"), Some((15.0, 0.5)));
    }

    #[test]
    fn a_short_unit_may_end_in_a_full_stop_inside_a_sentence() {
        let tokens = tokenize("70 km. south-east of Dushanbe");
        let d = distance_at(&tokens, 0).unwrap();
        assert_eq!((d.km, d.end), (70.0, 3));
        // Not at the end of a sentence, nor after a spelled-out unit.
        assert_eq!(
            distance_at(&tokenize("70 km. South of it"), 0).unwrap().end,
            2
        );
        assert_eq!(distance_at(&tokenize("70 miles. north"), 0).unwrap().end, 2);
    }

    #[test]
    fn reads_a_travel_time_as_a_rough_distance() {
        let travel =
            |text: &str| travel_distance_at(&tokenize(text), 0).map(|d| (d.km, d.precision_km));
        assert_eq!(travel("an hour's drive north"), Some((60.0, 30.0)));
        assert_eq!(travel("a two-hour drive from"), Some((120.0, 60.0)));
        assert_eq!(travel("a 45-minute drive from"), Some((45.0, 22.5)));
        assert_eq!(travel("two hours' walk from"), Some((10.0, 5.0)));
        assert_eq!(travel("a half-hour drive from"), Some((30.0, 15.0)));
        // No way of travel, no distance.
        assert_eq!(travel("an hour later"), None);
        assert_eq!(travel("a drive from"), None);
    }

    #[test]
    fn reads_ranges_and_vague_counts_as_midpoints() {
        assert_eq!(read("25 to 30 km"), Some((27.5, 2.5)));
        assert_eq!(read("25-30 km"), Some((27.5, 2.5)));
        assert_eq!(read("between 10 and 15 kilometres"), Some((12.5, 2.5)));
        assert_eq!(read("50-odd km"), Some((55.0, 5.0)));
        assert_eq!(read("a few kilometres"), Some((3.5, 1.5)));
        assert_eq!(read("several km"), Some((6.0, 3.0)));
        assert_eq!(read("a dozen kilometres"), Some((12.0, 2.0)));
        let (km, precision) = read("a few hundred metres").unwrap();
        assert!((km - 0.35).abs() < 1e-9 && (precision - 0.15).abs() < 1e-9);
        assert_eq!(read("a kilometre"), Some((1.0, 0.5)));
        assert_eq!(read("less than a kilometre"), Some((0.5, 0.5)));
        assert_eq!(read("within 10 km"), Some((5.0, 5.0)));
        let (km, precision) = read("half a mile").unwrap();
        assert!((km - 0.804_672).abs() < 1e-9 && (precision - 0.402_336).abs() < 1e-9);
        // "between" needs its "and"; a range runs upwards.
        assert_eq!(read("between 10 km"), None);
        assert_eq!(read("30 to 25 km"), None);
    }

    #[test]
    fn rejects_non_distances_and_impossible_ones() {
        assert_eq!(read("70 people"), None);
        assert_eq!(read("999999999 km"), None);
        assert_eq!(read("km"), None);
        assert_eq!(read("a m"), None);
        assert_eq!(read("a few people"), None);
    }
}
