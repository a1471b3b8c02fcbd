//! Extraction: a news article turned into the incidents it reports, each with its category,
//! date and precision, casualty counts, the sentence it comes from and the place mention that
//! locates it. Pure library code; the geoparser plugs in through [`PlaceFinder`], and the
//! store merges incidents across articles with [`same_incident`].
//!
//! The steps, each in its own module: `segment` (sentences with byte spans) → `event`
//! (trigger word, category, background or report) → `date` (when, against publication) →
//! `casualties` (killed and injured) → `place` (which mention locates the event, answered
//! per sentence from the tables of `locator`), driven by
//! `article`, whose reports `merge` gathers into one incident per event (agreement tested by
//! `dedup`; titles from `title`). `geoparsed` makes the geoparser (over the gazetteer) the
//! production [`PlaceFinder`].
//!
//! ```
//! use chrono::NaiveDate;
//! use incident_atlas::extract::{Category, DatePrecision, PlaceMention, extract};
//!
//! let text = "KABUL (Wire) - A suicide bomber killed 12 people and wounded 30 on Sunday.";
//! let published = NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
//! // The geoparser plugs in here; any `Fn(&str) -> Vec<PlaceMention>` is a `PlaceFinder`.
//! let no_places = |_: &str| Vec::<PlaceMention>::new();
//! let events = extract(text, published, &no_places);
//! assert_eq!(events.len(), 1);
//! let e = &events[0];
//! assert_eq!((e.category, e.fatalities, e.injuries), (Category::Bombing, 12, 30));
//! let on = e.occurred_on.unwrap();
//! assert_eq!((on.date.to_string(), on.precision), ("2024-03-03".into(), DatePrecision::Day));
//! assert_eq!(&text[e.trigger.clone()], "suicide bomber");
//! ```

mod article;
mod casualties;
mod date;
mod dedup;
mod event;
mod geoparsed;
mod lexicon;
mod locator;
mod merge;
mod numbers;
mod occurred_on;
mod place;
mod segment;
mod title;

pub use crate::incident::Category;
pub use article::{ExtractedEvent, extract};
pub use casualties::{Casualties, count as count_casualties};
pub use date::{DateMention, find_dates};
pub use dedup::{IncidentFacts, distance_km, lies_within, same_incident, within_uncertainty};
pub use event::{Trigger, find_trigger};
pub use geoparsed::HintedGazetteer;
pub use occurred_on::{DatePrecision, OccurredOn};
pub use place::{PlaceFinder, PlaceMention, locate};
pub use segment::{Sentence, sentences};
