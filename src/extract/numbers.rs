//! Cardinal numbers as written in news text: digits with thousands separators ("1,500") and
//! English number words ("three", "twenty-one", "a dozen"). Shared by `date` ("three days
//! ago") and `casualties` ("three prison guards and 29 inmates").

/// Number words below twenty, at their value's index.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
];

/// Multiples of ten, from twenty.
const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// "dozen": the one collective that names an exact count.
const DOZEN: u32 = 12;
/// "hundred", as in "a hundred" or "two hundred".
const HUNDRED: u32 = 100;

/// The value of one word: digits ("29", "1,500"), a unit, a ten or a hyphenated compound
/// ("twenty-one"); `None` for anything else, including "10-minute" and "3.5".
pub fn word_value(word: &str) -> Option<u32> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let well_grouped = word.split(',').enumerate().all(|(i, g)| {
            !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()) && (i == 0 || g.len() == 3)
        });
        return if well_grouped {
            word.replace(',', "").parse().ok()
        } else {
            None
        };
    }
    let lower = word.to_ascii_lowercase();
    if let Some((tens, unit)) = lower.split_once('-') {
        return Some(tens_value(tens)? + unit_value(unit).filter(|&u| u > 0 && u < 10)?);
    }
    unit_value(&lower).or_else(|| tens_value(&lower))
}

fn unit_value(word: &str) -> Option<u32> {
    UNITS
        .iter()
        .position(|&u| u == word)
        .and_then(|i| u32::try_from(i).ok())
}

fn tens_value(word: &str) -> Option<u32> {
    TENS.iter().find(|(t, _)| *t == word).map(|&(_, v)| v)
}

/// Reads a number at the start of `words` (each already a single word); returns its value and
/// how many words it took: "29", "three", "twenty one", "a dozen", "two hundred", "a hundred".
pub fn read_number(words: &[&str]) -> Option<(u32, usize)> {
    let first = words.first()?;
    let lower = first.to_ascii_lowercase();
    let second = words.get(1).map(|w| w.to_ascii_lowercase());
    if matches!(lower.as_str(), "a" | "an") {
        return match second.as_deref() {
            Some("dozen") => Some((DOZEN, 2)),
            Some("hundred") => Some((HUNDRED, 2)),
            _ => None,
        };
    }
    let value = word_value(first)?;
    match second.as_deref() {
        Some("dozen") => Some((value * DOZEN, 2)),
        Some("hundred") if value < HUNDRED => Some((value * HUNDRED, 2)),
        Some(w) if tens_value(&lower).is_some() => match unit_value(w) {
            Some(u) if u > 0 && u < 10 => Some((value + u, 2)),
            _ => Some((value, 1)),
        },
        _ => Some((value, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_words_and_compounds() {
        assert_eq!(word_value("29"), Some(29));
        assert_eq!(word_value("1,500"), Some(1500));
        assert_eq!(word_value("Three"), Some(3));
        assert_eq!(word_value("twenty-one"), Some(21));
        assert_eq!(word_value("10-minute"), None);
        assert_eq!(word_value("1,50"), None);
        assert_eq!(word_value("several"), None);
    }

    #[test]
    fn multi_word_numbers() {
        assert_eq!(read_number(&["twenty", "one", "soldiers"]), Some((21, 2)));
        assert_eq!(read_number(&["a", "dozen", "police"]), Some((12, 2)));
        assert_eq!(read_number(&["two", "hundred", "people"]), Some((200, 2)));
        assert_eq!(read_number(&["a", "group"]), None);
        assert_eq!(read_number(&["five", "other"]), Some((5, 1)));
    }
}
