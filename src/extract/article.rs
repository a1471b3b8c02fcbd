//! An article turned into the incidents it reports: the last step of extraction, which runs
//! the other steps sentence by sentence and merges the sentences that tell of one incident.
//!
//! Each sentence with an event word that reports a specific event becomes a report. A report
//! joins an incident already found when it refers back to it ("the riot"), when it only adds
//! casualties without a date of its own ("killing 24 inmates"), or when category, date and
//! place agree (`dedup`); "another attack" always starts a new one. An incident keeps the
//! most precise date and place and the largest counts of its reports, and its summary is the
//! most specific of its sentences.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::casualties::{self, Casualties};
use super::date::{self, OccurredOn};
use super::dedup::{self, IncidentFacts};
use super::event::{self, Category, Evidence, Trigger};
use super::place::{self, PlaceFinder, PlaceMention};
use super::segment::{self, Sentence};
use super::title;

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

/// One event sentence, before merging.
struct Report {
    trigger: Trigger,
    sentence: Range<usize>,
    occurred_on: Option<OccurredOn>,
    casualties: Casualties,
    place: Option<PlaceMention>,
    /// True when the place is named in the sentence itself, not borrowed from earlier ones.
    place_in_sentence: bool,
}

impl Report {
    fn facts(&self) -> IncidentFacts<'_> {
        IncidentFacts {
            category: self.trigger.category,
            occurred_on: self.occurred_on,
            location: self.place.as_ref().map(|m| &m.location),
        }
    }

    /// How much the sentence says: date, count, place and a specific event word.
    fn specificity(&self) -> u8 {
        u8::from(self.occurred_on.is_some())
            + u8::from(self.casualties.is_counted())
            + u8::from(self.place.is_some())
            + u8::from(!self.trigger.generic)
    }
}

/// Extracts the incidents of `text`, published on `published`, locating them with the
/// mentions `places` finds.
///
/// # Runtime
/// Linear in the text for segmentation, triggers, dates and counts; merging compares each
/// report with the incidents found so far (a handful per article).
pub fn extract(text: &str, published: NaiveDate, places: &dyn PlaceFinder) -> Vec<ExtractedEvent> {
    let sentences = segment::sentences(text);
    let mentions = places.mentions(text);
    let mut incidents: Vec<(ExtractedEvent, u8)> = Vec::new();
    let mut last_touched: Option<usize> = None;
    let mut headline = Vec::new();
    let captions = caption_paragraphs(text, &sentences);
    for (index, sentence) in sentences.iter().enumerate() {
        if captions.contains(&sentence.paragraph) {
            continue;
        }
        let Some(report) = report(text, published, &sentences, index, &mentions) else {
            continue;
        };
        if is_headline(sentence) {
            headline.push(report);
            continue;
        }
        let target = target(&incidents, last_touched, &report);
        let category = match (report.trigger.generic, target) {
            (true, None) => inherited_category(&sentences, index),
            _ => report.trigger.category,
        };
        last_touched = Some(match target {
            Some(i) => {
                merge(text, &mut incidents[i], report);
                i
            }
            None => {
                let specificity = report.specificity();
                incidents.push((new_incident(text, category, report), specificity));
                incidents.len() - 1
            }
        });
    }
    for report in headline {
        let facts = report.facts();
        if let Some(i) = incidents
            .iter()
            .position(|(i, _)| dedup::compatible(&i.facts(), &facts))
        {
            merge(text, &mut incidents[i], report);
        }
    }
    incidents
        .into_iter()
        .map(|(mut incident, _)| {
            incident.title = title::title(&incident);
            incident
        })
        .collect()
}

/// Builds the report of `sentences[index]`, or `None` when it reports no specific event.
fn report(
    text: &str,
    published: NaiveDate,
    sentences: &[Sentence<'_>],
    index: usize,
    mentions: &[PlaceMention],
) -> Option<Report> {
    let sentence = &sentences[index];
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
    let place = place::locate(text, mentions, sentences, index, &absolute).cloned();
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

/// The incident a report belongs to, if any: none for "another attack"; the latest of the
/// category (else the one being told) for a back-reference, unless dated apart with its own
/// count; the incident being told for a report with no date and only casualties or no place
/// of its own; otherwise the first incident that agrees (`dedup::compatible`).
fn target(
    incidents: &[(ExtractedEvent, u8)],
    last_touched: Option<usize>,
    report: &Report,
) -> Option<usize> {
    let trigger = &report.trigger;
    if trigger.separate {
        return None;
    }
    if trigger.back_reference {
        let latest = incidents
            .iter()
            .rposition(|(i, _)| i.category == trigger.category)
            .or(last_touched);
        let own_event = latest.is_some_and(|i| {
            let dated_apart = matches!((incidents[i].0.occurred_on, report.occurred_on),
                (Some(a), Some(b)) if !a.overlaps(&b));
            dated_apart && report.casualties.is_counted()
        });
        if !own_event && latest.is_some() {
            return latest;
        }
    }
    if (trigger.generic || !report.place_in_sentence)
        && report.occurred_on.is_none()
        && last_touched.is_some()
    {
        return last_touched;
    }
    let facts = report.facts();
    incidents
        .iter()
        .position(|(i, _)| !trigger.generic && dedup::compatible(&i.facts(), &facts))
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

fn new_incident(text: &str, category: Category, report: Report) -> ExtractedEvent {
    ExtractedEvent {
        category,
        title: String::new(),
        summary: text[report.sentence.clone()].to_owned(),
        location_text: report.place.as_ref().map(|m| text[m.span()].to_owned()),
        trigger: report.trigger.span,
        sources: vec![report.sentence.clone()],
        sentence: report.sentence,
        occurred_on: report.occurred_on,
        fatalities: report.casualties.fatalities,
        injuries: report.casualties.injuries,
        place: report.place,
    }
}

/// Adds what `report` knows to `incident`: the most precise date and place (a place only when
/// it lies within the one known), the largest counts, and the summary when the report is
/// more specific.
fn merge(text: &str, (incident, specificity): &mut (ExtractedEvent, u8), report: Report) {
    incident.sources.push(report.sentence.clone());
    incident.fatalities = incident.fatalities.max(report.casualties.fatalities);
    incident.injuries = incident.injuries.max(report.casualties.injuries);
    let finer_date = match (incident.occurred_on, report.occurred_on) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b.precision < a.precision && a.overlaps(&b),
        _ => false,
    };
    if finer_date {
        incident.occurred_on = report.occurred_on;
    }
    let finer_place = match (&incident.place, &report.place) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            b.location.uncertainty_km < a.location.uncertainty_km
                && dedup::within_uncertainty(&a.location, &b.location)
        }
        _ => false,
    };
    if report.specificity() > *specificity {
        *specificity = report.specificity();
        incident.trigger = report.trigger.span.clone();
        incident.summary = text[report.sentence.clone()].to_owned();
        incident.sentence = report.sentence;
    }
    if finer_place {
        incident.location_text = report.place.as_ref().map(|m| text[m.span()].to_owned());
        incident.place = report.place;
    }
}

/// Paragraphs that are photo or video captions.
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

    #[test]
    fn background_sentences_are_not_incidents() {
        let text = "According to a think tank, 4,000 nationals have travelled to Syria. \
                    Some 500 were killed in fighting since 2015.";
        assert!(events(text).is_empty());
    }
}
