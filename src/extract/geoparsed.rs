//! The production [`PlaceFinder`]: the geoparser over the embedded gazetteer, its *Mentions*
//! mapped one to one onto [`PlaceMention`]s (same byte offsets, same *Location*, so offsets
//! such as "70 km south-east of Dushanbe" and their uncertainty in km reach extraction intact).
//!
//! It is the bridge between `geoparse` and `extract`; ingestion (`crate::ingest`) uses it, and
//! so do the extraction tests, so they exercise what production does. [`HintedGazetteer`] is
//! the same finder told which areas the article is about (the caller's hint).

use super::place::{PlaceFinder, PlaceMention};
use crate::gazetteer::{Context, Gazetteer};
use crate::geoparse::{MAX_TEXT_BYTES, Mention, geoparse_with_context};

/// The geoparser with the caller's hint: countries, admin regions or regions the article is
/// known to be about, which constrain same-named towns as if the text named them.
#[derive(Debug)]
pub struct HintedGazetteer<'a> {
    pub gazetteer: &'a Gazetteer,
    pub hint: &'a Context,
}

impl From<Mention> for PlaceMention {
    fn from(m: Mention) -> Self {
        PlaceMention {
            start: m.start,
            end: m.end,
            location: m.location,
        }
    }
}

impl PlaceFinder for Gazetteer {
    /// The geoparser's mentions of `text`, in text order. A text over
    /// [`MAX_TEXT_BYTES`] has no mentions: callers that must tell the difference check the
    /// length first, as ingestion does.
    fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        HintedGazetteer {
            gazetteer: self,
            hint: &Context::default(),
        }
        .mentions(text)
    }
}

impl PlaceFinder for HintedGazetteer<'_> {
    /// The geoparser's mentions of `text` with the hint, in text order; none for a text over
    /// [`MAX_TEXT_BYTES`].
    fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        if text.len() > MAX_TEXT_BYTES {
            return Vec::new();
        }
        geoparse_with_context(self.gazetteer, text, self.hint)
            .map(|mentions| mentions.into_iter().map(PlaceMention::from).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::Precision;

    #[test]
    fn mentions_keep_the_geoparser_offsets_and_locations() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "A car hit cyclists 70 km south-east of Dushanbe.";
        let mentions = gazetteer.mentions(text);
        assert_eq!(mentions.len(), 1);
        assert_eq!(&text[mentions[0].span()], "70 km south-east of Dushanbe");
        assert_eq!(mentions[0].location.precision, Precision::Offset);
    }
}
