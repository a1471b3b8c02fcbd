//! Which incident a sentence's report belongs to, and what merging it adds: the last step of
//! extraction, fed report by report by `article`.
//!
//! A report joins an incident already found when it refers back to it ("the riot"), when it
//! adds casualties or details without a date or place of its own ("killing 24 inmates"), or
//! when category, date and place agree (`dedup::compatible`); "another attack" always starts a
//! new one. An incident keeps the most precise date and place and the largest counts of its
//! reports, and its summary is the most specific of its sentences.

use std::ops::Range;

use super::article::ExtractedEvent;
use super::casualties::Casualties;
use super::dedup::{self, IncidentFacts};
use super::event::Trigger;
use super::occurred_on::OccurredOn;
use super::place::PlaceMention;
use super::title;
use crate::incident::Category;

/// One event sentence, before merging.
pub(super) struct Report {
    pub(super) trigger: Trigger,
    pub(super) sentence: Range<usize>,
    pub(super) occurred_on: Option<OccurredOn>,
    pub(super) casualties: Casualties,
    pub(super) place: Option<PlaceMention>,
    /// True when the place is named in the sentence itself, not borrowed from earlier ones.
    pub(super) place_in_sentence: bool,
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

/// The incidents found so far in one article, each with the specificity of its summary
/// sentence, and the one the text is currently telling about.
#[derive(Default)]
pub(super) struct Incidents {
    found: Vec<(ExtractedEvent, u8)>,
    last_touched: Option<usize>,
}

impl Incidents {
    /// Adds a body report: merged into its incident, or a new incident of its own category
    /// (`inherited` for a generic report, when given).
    pub(super) fn add(&mut self, text: &str, report: Report, inherited: Option<Category>) {
        let index = match target(&self.found, self.last_touched, &report) {
            Some(i) => {
                merge(text, &mut self.found[i], report);
                i
            }
            None => {
                let category = inherited.unwrap_or(report.trigger.category);
                let specificity = report.specificity();
                self.found
                    .push((new_incident(text, category, report), specificity));
                self.found.len() - 1
            }
        };
        self.last_touched = Some(index);
    }

    /// Adds a report that restates (a headline): merged into the first incident it agrees
    /// with, dropped when there is none.
    pub(super) fn add_restatement(&mut self, text: &str, report: Report) {
        let facts = report.facts();
        let agrees = |(i, _): &(ExtractedEvent, u8)| dedup::compatible(&i.facts(), &facts);
        if let Some(i) = self.found.iter().position(agrees) {
            merge(text, &mut self.found[i], report);
        }
    }

    /// The incidents, in the order the body first reports them, titled.
    pub(super) fn into_events(self) -> Vec<ExtractedEvent> {
        self.found
            .into_iter()
            .map(|(mut incident, _)| {
                incident.title = title::title(&incident);
                incident
            })
            .collect()
    }
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
/// its circle lies inside the one known, `dedup::lies_within`), the largest counts, and the summary when the report is
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
        (Some(a), Some(b)) => dedup::lies_within(&b.location, &a.location),
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
