//! Where an incident happened: the choice, among the place mentions a [`PlaceFinder`] reports
//! (the geoparser in production), of the one that locates the event. Runs in `article` once
//! per event sentence, after the trigger is known.
//!
//! In the event sentence, a mention introduced by a locative word ("in", "at", "near",
//! "outside", "of") beats a bare one ("US citizens"), one after the trigger beats one before,
//! and nearer beats farther; a narrower place nested in the chosen one refines it ("in
//! Bakhmut in the Donetsk region"). A distance phrase in apposition to a town ("in Vakhdat, 10
//! kilometres from the capital Dushanbe") is a reference point, not the place. Without a
//! mention in the sentence, the nearest earlier sentence of the paragraph that has one, then
//! the headline, supplies it ("Tajikistan's prisons": country precision). A bare mention in
//! the sentence ("US citizens", "Martinez said") yields to a locative one from those.
//!
//! When none of those names a place, the wire dateline of the paragraph ("KABUL (Wire) - ")
//! does, as a last resort: it says where the story was filed, which for a report of a local
//! event is where it happened, and an incident placed there beats one dropped. The incident
//! takes the dateline mention as it resolves (a capital: `exact`, with the town's
//! uncertainty), and like any place it gives way to one inside it that a later report of
//! the incident names (`merge`). Only the place is taken: the sentence leaves the dateline
//! out, so its date never dates the event.

use std::cmp::Reverse;
use std::ops::Range;

use serde::Serialize;

use super::dedup::distance_km;
use super::locator::Locator;
use super::segment::Sentence;
use crate::location::{Location, Precision};

/// Words that introduce the place where something happens: prepositions, and verbs of attack
/// whose object is the place attacked ("missiles hit Kharkiv's Kyivskyi district", "troops
/// stormed Bakhmut").
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "outside", "inside", "into", "across", "around", "of", "on", "within",
    "hit", "struck", "shelled", "bombed", "pounded", "stormed", "raided", "attacked", "targeted",
    "seized", "captured", "overran", "entered",
];
/// Generic words between a locative and a name ("in the capital Dushanbe", "in the town of").
const PLACE_NOUNS: &[&str] = &[
    "the", "capital", "city", "town", "village", "province", "district", "region", "state",
    "northern", "southern", "eastern", "western", "central", "restive", "border",
];

/// One place mention: byte offsets into the text searched (`end` exclusive), as in the
/// contract's *Mention*, and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub location: Location,
}

impl PlaceMention {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Finds place mentions in a text; the geoparser implements it in production. Closures
/// `Fn(&str) -> Vec<PlaceMention>` implement it too.
pub trait PlaceFinder {
    /// Every place mention in `text`, in order, with byte offsets into `text`.
    fn mentions(&self, text: &str) -> Vec<PlaceMention>;
}

impl<F> PlaceFinder for F
where
    F: Fn(&str) -> Vec<PlaceMention>,
{
    fn mentions(&self, text: &str) -> Vec<PlaceMention> {
        self(text)
    }
}

/// The mention that locates the event of `sentences[index]` whose trigger is at `trigger`
/// (byte range in `text`), or `None` when neither the sentence, the earlier sentences of its
/// paragraph, the headline nor the paragraph's dateline name a place.
///
/// # Runtime
/// Builds the tables of a `locator` for this one question, O((s + m) log m) for s
/// sentences and m mentions; extraction builds them once per article.
pub fn locate<'m>(
    text: &str,
    mentions: &'m [PlaceMention],
    sentences: &[Sentence<'_>],
    index: usize,
    trigger: &Range<usize>,
) -> Option<&'m PlaceMention> {
    Locator::new(text, mentions, sentences).locate(index, trigger)
}

/// The best of the mentions `inside` a sentence's `span` for a trigger at `trigger`, and
/// whether a locative word introduces it; a sentence that is not the trigger's own lends its
/// choice for a trigger at its end. `inside` holds the mentions wholly inside `span`, in the
/// finder's order.
pub(super) fn best_in<'m>(
    text: &str,
    inside: &[&'m PlaceMention],
    span: &Range<usize>,
    trigger: &Range<usize>,
) -> Option<(&'m PlaceMention, bool)> {
    let candidates = inside
        .iter()
        .enumerate()
        .filter(|&(i, m)| i == 0 || !is_reference(text, inside[i - 1], m))
        .map(|(_, m)| *m);
    // A distance phrase ("70 km south-east of Dushanbe") locates by itself.
    let locative = |m: &PlaceMention| {
        matches!(m.location.precision, Precision::Offset | Precision::Near)
            || is_locative(&text[span.start..m.start])
    };
    let best = candidates.max_by_key(|m| {
        let distance = if m.start >= trigger.end {
            m.start - trigger.end
        } else {
            trigger.start.saturating_sub(m.end)
        };
        (locative(m), m.start >= trigger.start, Reverse(distance))
    })?;
    let best = refine(best, inside.iter().copied().filter(|m| locative(m)));
    let best = measured_from(best, inside.iter().copied());
    Some((best, locative(best)))
}

/// A distance from the chosen town that the sentence gives after it ("ambushed a bus on the
/// Maiduguri-Damboa road, 20 km from Maiduguri"), which places the event more precisely than
/// the town's name; or `best` itself. A distance in apposition to another town ("Vakhdat, 10
/// kilometres from the capital Dushanbe") is measured from that other town and is no such
/// distance.
fn measured_from<'m>(
    best: &'m PlaceMention,
    mut others: impl Iterator<Item = &'m PlaceMention>,
) -> &'m PlaceMention {
    if best.location.precision != Precision::Exact {
        return best;
    }
    others
        .find(|m| {
            m.start > best.start
                && m.location.precision == Precision::Offset
                && m.location.anchor == best.location.anchor
        })
        .unwrap_or(best)
}

/// The narrowest of `others` nested inside `best` ("in Maarat al-Numan in Syria's Idlib
/// province": the town, not the country), or `best` itself.
fn refine<'m>(
    best: &'m PlaceMention,
    others: impl Iterator<Item = &'m PlaceMention>,
) -> &'m PlaceMention {
    others
        .filter(|m| {
            m.location.uncertainty_km < best.location.uncertainty_km
                && distance_km(&m.location, &best.location) <= best.location.uncertainty_km
        })
        .min_by(|a, b| {
            a.location
                .uncertainty_km
                .total_cmp(&b.location.uncertainty_km)
        })
        .unwrap_or(best)
}

/// True when `later` is a distance phrase in apposition to the town `earlier` ("Vakhdat, 10
/// kilometres from the capital Dushanbe"): it says where the town is, not where events were.
fn is_reference(text: &str, earlier: &PlaceMention, later: &PlaceMention) -> bool {
    let between = text.get(earlier.end..later.start).unwrap_or("x");
    matches!(
        later.location.precision,
        Precision::Near | Precision::Offset
    ) && earlier.location.precision == Precision::Exact
        && between.trim().trim_matches(',').trim().is_empty()
}

/// True when the words just before a mention (`before` ends where it starts) introduce a
/// place: a locative, possibly followed by generic place nouns or a possessive ("in the
/// capital Dushanbe", "in Syria's Idlib").
fn is_locative(before: &str) -> bool {
    let mut words = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rev()
        .filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        if word == "s" {
            words.next();
        } else if !PLACE_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word)) {
            return LOCATIVES.iter().any(|l| l.eq_ignore_ascii_case(word));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::sentences;
    use crate::location::Anchor;

    fn mention(text: &str, needle: &str, precision: Precision) -> PlaceMention {
        let start = text.find(needle).unwrap();
        let anchor = Anchor {
            name: needle.into(),
            geonameid: None,
            country_code: None,
            feature_code: String::new(),
            lat: 0.0,
            lon: 0.0,
        };
        let location = Location {
            query: needle.into(),
            lat: 0.0,
            lon: 0.0,
            uncertainty_km: 1.0,
            precision,
            anchor,
            offset: None,
        };
        PlaceMention {
            start,
            end: start + needle.len(),
            location,
        }
    }

    fn chosen<'t>(
        text: &'t str,
        mentions: &[PlaceMention],
        index: usize,
        trigger: &str,
    ) -> Option<&'t str> {
        let sentences = sentences(text);
        let at = text.find(trigger).unwrap();
        locate(text, mentions, &sentences, index, &(at..at + trigger.len()))
            .map(|m| &text[m.span()])
    }

    #[test]
    fn a_distance_in_apposition_is_a_reference_not_the_place() {
        let text = "Riots broke out at the prison in Vakhdat, 10 kilometres from the capital Dushanbe, on Sunday.";
        let mentions = [
            mention(text, "Vakhdat", Precision::Exact),
            mention(
                text,
                "10 kilometres from the capital Dushanbe",
                Precision::Near,
            ),
        ];
        assert_eq!(
            chosen(text, &mentions, 0, "Riots broke out"),
            Some("Vakhdat")
        );
    }

    #[test]
    fn an_offset_in_the_sentence_beats_the_headline() {
        let text = "Riot in Tajikistan\n\nTwo US citizens were killed in a car ramming attack 70 kilometres south-east of Dushanbe.";
        let mentions = [
            mention(text, "Tajikistan", Precision::Country),
            mention(text, "US", Precision::Country),
            mention(
                text,
                "70 kilometres south-east of Dushanbe",
                Precision::Offset,
            ),
        ];
        let got = chosen(text, &mentions, 1, "car ramming attack");
        assert_eq!(got, Some("70 kilometres south-east of Dushanbe"));
    }

    #[test]
    fn a_locative_mention_beats_a_bare_one() {
        let text = "Two US citizens were killed in an attack 70 kilometres south-east of Dushanbe.";
        let mentions = [
            mention(text, "US", Precision::Country),
            mention(text, "Dushanbe", Precision::Exact),
        ];
        assert_eq!(chosen(text, &mentions, 0, "attack"), Some("Dushanbe"));
    }

    #[test]
    fn the_object_of_a_verb_of_attack_is_where_the_event_is() {
        // Regression: the sentence's own place, named without a preposition, lost to the
        // paragraph's earlier offset.
        let text = "Jihadists ambushed a convoy 40 km from Timbuktu. Separately, Russian missiles hit Kharkiv overnight, wounding five.";
        let mentions = [
            mention(text, "40 km from Timbuktu", Precision::Offset),
            mention(text, "Kharkiv", Precision::Exact),
        ];
        assert_eq!(chosen(text, &mentions, 1, "wounding"), Some("Kharkiv"));
    }

    #[test]
    fn a_distance_from_the_town_named_places_the_event_more_precisely() {
        let text = "Gunmen ambushed a bus on the Maiduguri-Damboa road, 20 km from Maiduguri.";
        let town = mention(text, "Maiduguri", Precision::Exact);
        let mut along = mention(text, "20 km from Maiduguri", Precision::Offset);
        along.location.anchor = town.location.anchor.clone();
        let mentions = [town, mention(text, "Damboa", Precision::Exact), along];
        assert_eq!(
            chosen(text, &mentions, 0, "ambushed"),
            Some("20 km from Maiduguri")
        );
    }

    /// The place `chosen` picks for the event at `trigger` in the last sentence of `text`,
    /// with a mention of each of `places` (its first occurrence, at the given precision).
    fn chosen_last<'t>(
        text: &'t str,
        places: &[(&str, Precision)],
        trigger: &str,
    ) -> Option<&'t str> {
        let mentions: Vec<_> = places
            .iter()
            .map(|&(p, precision)| mention(text, p, precision))
            .collect();
        chosen(text, &mentions, sentences(text).len() - 1, trigger)
    }

    #[test]
    fn the_dateline_locates_an_event_nothing_else_does() {
        let text = "KABUL (Wire) - A suicide bomber killed 12 people and wounded 30 on Sunday.";
        let got = chosen_last(text, &[("KABUL", Precision::Exact)], "suicide bomber");
        assert_eq!(got, Some("KABUL"));
        let text =
            "Talks resume\n\nWASHINGTON (AP) - Officials met. Later a gunman killed two people.";
        let got = chosen_last(text, &[("WASHINGTON", Precision::Exact)], "gunman");
        assert_eq!(got, Some("WASHINGTON"), "a later sentence of its paragraph");
    }

    #[test]
    fn the_dateline_names_its_town_first() {
        let text = "KABUL, Afghanistan (Wire) - A bomb killed 12 people on Sunday.";
        let places = [
            ("KABUL", Precision::Exact),
            ("Afghanistan", Precision::Country),
        ];
        assert_eq!(chosen_last(text, &places, "bomb"), Some("KABUL"));
    }

    #[test]
    fn the_sentence_the_paragraph_and_the_headline_beat_the_dateline() {
        let text = "WASHINGTON (AP) - A bombing in Kabul killed 12 people on Sunday.";
        let places = [
            ("WASHINGTON", Precision::Exact),
            ("Kabul", Precision::Exact),
        ];
        assert_eq!(chosen_last(text, &places, "bombing"), Some("Kabul"));
        let text = "WASHINGTON (AP) - US officials said a bomb killed 12 people.";
        let places = [("WASHINGTON", Precision::Exact), ("US", Precision::Country)];
        assert_eq!(
            chosen_last(text, &places, "bomb"),
            Some("US"),
            "a bare mention"
        );
        let text = "KABUL (Wire) - Fighting raged in Helmand province. A bomb killed 12 people.";
        let places = [
            ("KABUL", Precision::Exact),
            ("Helmand province", Precision::Region),
        ];
        assert_eq!(chosen_last(text, &places, "bomb"), Some("Helmand province"));
        let text = "Bomb kills 12 in Afghanistan\n\nKABUL (Wire) - A bomb killed 12 people.";
        let places = [
            ("Afghanistan", Precision::Country),
            ("KABUL", Precision::Exact),
        ];
        assert_eq!(
            chosen_last(text, &places, "bomb killed"),
            Some("Afghanistan")
        );
    }

    #[test]
    fn a_dateline_locates_only_its_own_paragraph() {
        let text = "KABUL (Wire) - Talks ended on Friday.\n\nA bomb killed 12 people on Sunday.";
        assert_eq!(
            chosen_last(text, &[("KABUL", Precision::Exact)], "bomb"),
            None
        );
    }

    #[test]
    fn falls_back_to_the_paragraph_then_the_headline() {
        let text = "Riot in Tajikistan prison\n\nIt was the second riot in Tajikistan's prisons. In November, 21 inmates were killed.\n\nLater, more were killed.";
        let mentions: Vec<_> = text
            .match_indices("Tajikistan")
            .map(|(i, _)| {
                let mut m = mention(text, "Tajikistan", Precision::Country);
                (m.start, m.end) = (i, i + "Tajikistan".len());
                m
            })
            .collect();
        let sentences = sentences(text);
        let at = text.rfind("killed").unwrap();
        let m = locate(text, &mentions, &sentences, 2, &(at..at + 6)).unwrap();
        assert_eq!(m.start, mentions[1].start);
        let m = locate(text, &mentions, &sentences, 3, &(at..at + 6)).unwrap();
        assert_eq!(m.start, mentions[0].start, "the headline");
    }
}
