//! An article turned into the incidents it reports: the entry point of extraction, which runs
//! the other steps sentence by sentence and hands each report to `merge`.
//!
//! Each sentence with an event word that reports a specific event (`event`) becomes a report
//! with its date, counts and place. Captions are skipped; the headline only adds to incidents
//! the body reports. A generic report that starts an incident ("21 inmates were killed")
//! takes its category from the sentence before it ("The riot on Sunday was the second...").

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::casualties;
use super::date;
use super::dedup::IncidentFacts;
use super::event::{self, Evidence, Trigger};
use super::locator::Locator;
use super::merge::{Incidents, Report};
use super::occurred_on::OccurredOn;
use super::place::{PlaceFinder, PlaceMention};
use super::segment::{self, Sentence};
use crate::incident::Category;

/// One incident found in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedEvent {
    pub category: Category,
    pub title: String,
    /// Byte range of the event word in the article, in the summary sentence.
    pub trigger: Range<usize>,
    /// Byte range of the summary sentence in the article.
    pub sentence: Range<usize>,
    /// The most specific sentence reporting the incident.
    pub summary: String,
    pub occurred_on: Option<OccurredOn>,
    pub fatalities: u32,
    pub injuries: u32,
    /// The mention that locates the incident, offsets into the article.
    pub place: Option<PlaceMention>,
    /// The words of that mention, as written.
    pub location_text: Option<String>,
    /// Byte ranges of every sentence that reports the incident, in order.
    pub sources: Vec<Range<usize>>,
}

impl ExtractedEvent {
    /// The facts that decide whether it is the same incident as another report.
    pub fn facts(&self) -> IncidentFacts<'_> {
        IncidentFacts {
            category: self.category,
            occurred_on: self.occurred_on,
            location: self.place.as_ref().map(|m| &m.location),
        }
    }
}

/// Extracts the incidents of `text`, published on `published`, locating them with the
/// mentions `places` finds.
///
/// # Runtime
/// Linear in the text for segmentation, triggers, dates and counts; O(log n) per sentence to
/// find its place (`locator`) and to skip captions; merging compares each report with the
/// incidents found so far (a handful per article).
pub fn extract(text: &str, published: NaiveDate, places: &dyn PlaceFinder) -> Vec<ExtractedEvent> {
    let sentences = segment::sentences(text);
    let mentions = places.mentions(text);
    let captions = caption_paragraphs(text, &sentences);
    let locator = Locator::new(text, &mentions, &sentences);
    let mut incidents = Incidents::default();
    let mut headline = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if captions.binary_search(&sentence.paragraph).is_ok() {
            continue;
        }
        let Some(report) = report(published, sentence, index, &locator) else {
            continue;
        };
        if is_headline(sentence) {
            headline.push(report);
        } else {
            let inherited = report
                .trigger
                .generic
                .then(|| inherited_category(&sentences, index));
            incidents.add(text, report, inherited);
        }
    }
    for report in headline {
        incidents.add_restatement(text, report);
    }
    incidents.into_events()
}

/// Builds the report of `sentence`, the `index`th of the article, or `None` when it reports
/// no specific event.
fn report(
    published: NaiveDate,
    sentence: &Sentence<'_>,
    index: usize,
    locator: &Locator<'_, '_>,
) -> Option<Report> {
    let trigger = event::find_trigger(sentence.text)?;
    let dates = date::find_dates(sentence.text, published);
    let nearest = dates.iter().min_by_key(|d| {
        d.span
            .start
            .abs_diff(trigger.span.start)
            .min(d.span.end.abs_diff(trigger.span.start))
    });
    let casualties = casualties::count(sentence.text);
    let evidence = Evidence {
        has_date: nearest.is_some(),
        has_casualty_count: casualties.is_counted(),
    };
    if !event::reports_event(&trigger, evidence, event::background_weight(sentence.text)) {
        return None;
    }
    let offset = sentence.span.start;
    let absolute = offset + trigger.span.start..offset + trigger.span.end;
    let place = locator.locate(index, &absolute).cloned();
    let place_in_sentence = place
        .as_ref()
        .is_some_and(|m| sentence.span.contains(&m.start));
    Some(Report {
        trigger: Trigger {
            span: absolute,
            ..trigger
        },
        sentence: sentence.span.clone(),
        occurred_on: nearest.map(|d| d.occurred_on),
        casualties,
        place,
        place_in_sentence,
    })
}

/// True for the article's first line when it has no final punctuation: a headline, which
/// restates the incidents of the body and so only adds to them.
fn is_headline(sentence: &Sentence<'_>) -> bool {
    sentence.line == 0 && !sentence.text.ends_with(['.', '!', '?'])
}

/// The category of a generic report ("21 inmates were killed") from the sentence before it
/// in the same paragraph, when that one names a specific event; otherwise `Other`.
fn inherited_category(sentences: &[Sentence<'_>], index: usize) -> Category {
    index
        .checked_sub(1)
        .map(|i| &sentences[i])
        .filter(|s| s.paragraph == sentences[index].paragraph)
        .and_then(|s| event::find_trigger(s.text))
        .filter(|t| !t.generic)
        .map_or(Category::Other, |t| t.category)
}

/// Paragraphs that are photo or video captions, in ascending order (for a binary search: a
/// long article has thousands of paragraphs).
fn caption_paragraphs(text: &str, sentences: &[Sentence<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, s) in sentences.iter().enumerate() {
        let paragraph_ends = sentences
            .get(i + 1)
            .is_none_or(|n| n.paragraph != s.paragraph);
        if paragraph_ends {
            if event::is_caption(&text[sentences[start].span.start..s.span.end]) {
                out.push(s.paragraph);
            }
            start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn events(text: &str) -> Vec<ExtractedEvent> {
        let published = NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
        extract(text, published, &|_: &str| Vec::<PlaceMention>::new())
    }

    #[test]
    fn another_event_is_not_merged_and_casualty_follow_ups_are() {
        let text = "Gunmen attacked a bus on Monday, killing 5 people. \
                    Another attack on Tuesday killed 3 soldiers. \
                    Officials said 12 others were wounded.";
        let got: Vec<_> = events(text)
            .iter()
            .map(|e| (e.category, e.fatalities, e.injuries, e.sources.len()))
            .collect();
        assert_eq!(
            got,
            [(Category::Attack, 5, 0, 1), (Category::Attack, 3, 12, 2)]
        );
    }

    #[test]
    fn headlines_and_captions_only_restate() {
        let text = "Bomb kills 9 in market\n\n\
                    A bomb exploded in a market on Sunday, killing nine people.\n\n\
                    Smoke rises after a blast on Sunday. (AP Photo/Jane Doe)";
        let got = events(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].sources.len(), 2, "body and headline");
        assert_eq!(
            got[0].summary,
            "A bomb exploded in a market on Sunday, killing nine people."
        );
        assert_eq!(
            events("Bomb kills 9 in market\n\nThe weather was fine.").len(),
            0
        );
    }

    /// Regression (datelines): the dateline's place locates an event nothing else does, and
    /// its date does not date it.
    #[test]
    fn a_dateline_lends_its_place_and_not_its_date() {
        let text = "KABUL, March 1 (Wire) - A suicide bomber killed 12 people.";
        let published = NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
        let got = extract(text, published, &Gazetteer::load().unwrap());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].location_text.as_deref(), Some("KABUL"));
        assert_eq!(got[0].occurred_on, None);
    }

    #[test]
    fn background_sentences_are_not_incidents() {
        let text = "According to a think tank, 4,000 nationals have travelled to Syria. \
                    Some 500 were killed in fighting since 2015.";
        assert!(events(text).is_empty());
    }

    proptest::proptest! {
        /// Byte slicing everywhere: any text, ASCII or not, must extract without panicking,
        /// with spans on character boundaries.
        #[test]
        fn any_text_extracts_without_panicking(
            text in "([A-Za-z0-9 ,.;:'\"()\n-]|’|“|”|é|ş| killed | riot | on Sunday | 12 | Dec\\. )*"
        ) {
            for e in events(&text) {
                proptest::prop_assert!(text.get(e.sentence.clone()).is_some());
                proptest::prop_assert!(text.get(e.trigger.clone()).is_some());
            }
        }
    }
}
