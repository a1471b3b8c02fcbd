//! A simple [`PlaceFinder`] over the real embedded gazetteer, standing in for the geoparser in
//! extraction tests: runs of up to three capitalised words, longest first, looked up by name.
//! It knows no offsets ("70 km south-east of X" yields only "X"), which is the geoparser's job.

use incident_atlas::extract::{PlaceFinder, PlaceMention};
use incident_atlas::gazetteer::{EntryKind, Gazetteer};

/// Longest run of capitalised words tried as one name ("Democratic Republic Congo" aside).
const MAX_NAME_WORDS: usize = 3;
/// Smallest population of a town accepted without being an administrative seat: below it,
/// capitalised ordinary words ("Justice") match hamlets.
const MIN_TOWN_POPULATION: u32 = 15_000;
/// Capitalised words that are never place names in these articles.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "since",
    "two",
    "three",
    "one",
    "four",
    "five",
    "six",
    "he",
    "she",
    "it",
    "they",
    "we",
    "but",
    "and",
    "of",
    "for",
    "as",
    "after",
    "before",
    "when",
    "police",
    "army",
    "state",
    "justice",
    "ministry",
    "islamic",
    "group",
    "officials",
    "said",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "president",
    "government",
    "security",
    "forces",
    "national",
    "news",
    "agency",
    "united",
    "nations",
    "this",
    "that",
    "there",
    "authorities",
    "local",
    "last",
    "about",
    "some",
    "during",
];

#[derive(Debug)]
pub struct GazetteerPlaces {
    gazetteer: Gazetteer,
}

impl GazetteerPlaces {
    pub fn load() -> GazetteerPlaces {
        GazetteerPlaces {
            gazetteer: Gazetteer::load().expect("the embedded gazetteer loads"),
        }
    }

    /// The location of `name`, when it is a country, region or a sizeable or seat town.
    fn resolve(&self, name: &str) -> Option<incident_atlas::location::Location> {
        let best = self.gazetteer.lookup(name).ok()?.into_iter().next()?;
        if let EntryKind::Place(i) = best.kind {
            let place = &self.gazetteer.places()[i];
            let seat = place.feature_code.starts_with("PPLA") || place.feature_code == "PPLC";
            if !seat && place.population < MIN_TOWN_POPULATION {
                return None;
            }
        }
        self.gazetteer.location(name, best.kind)
    }
}

/// Capitalised words of `text` as byte ranges, possessive "'s" left out.
fn capitalised_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let in_word = c.is_alphanumeric() || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                if word.starts_with(char::is_uppercase)
                    && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(word))
                {
                    out.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl PlaceFinder for GazetteerPlaces {
    fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        let words = capitalised_words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let found = (1..=MAX_NAME_WORDS.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    let run = &words[i..i + n];
                    let joined_by_spaces = run.windows(2).all(|w| text[w[0].1..w[1].0] == *" ");
                    let (start, end) = (run[0].0, run[n - 1].1);
                    joined_by_spaces
                        .then(|| self.resolve(&text[start..end]))
                        .flatten()
                        .map(|location| {
                            (
                                n,
                                PlaceMention {
                                    start,
                                    end,
                                    location,
                                },
                            )
                        })
                });
            match found {
                Some((n, mention)) => {
                    out.push(mention);
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}
