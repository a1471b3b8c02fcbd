//! Fuzzes article extraction behind `POST /api/articles` with the production place finder
//! (the geoparser over the embedded gazetteer): arbitrary UTF-8 text never panics, every byte
//! range lies on character boundaries inside the article, and the summary and location text
//! are the article's own words at those ranges.
#![no_main]

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;
use incident_atlas::extract::extract;
use incident_atlas::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

/// The publication date every input is read against (any fixed day works; relative dates
/// such as "on Sunday" resolve against it).
const PUBLISHED: (i32, u32, u32) = (2024, 3, 6);

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::load().expect("the embedded gazetteer loads"))
}

fn slice<'t>(text: &'t str, range: &Range<usize>) -> &'t str {
    text.get(range.clone())
        .unwrap_or_else(|| panic!("{range:?} is not a slice of a {}-byte text", text.len()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (year, month, day) = PUBLISHED;
    let published = NaiveDate::from_ymd_opt(year, month, day).expect("a valid date");
    for event in extract(text, published, gazetteer()) {
        assert_eq!(slice(text, &event.sentence), event.summary, "{event:?}");
        slice(text, &event.trigger);
        assert!(event.sources.contains(&event.sentence), "{event:?}");
        for source in &event.sources {
            slice(text, source);
        }
        let place = event.place.as_ref().map(|m| slice(text, &m.span()));
        assert_eq!(place, event.location_text.as_deref(), "{event:?}");
        if let Some(m) = &event.place {
            assert!(m.location.lat.is_finite() && m.location.lat.abs() <= 90.0, "{m:?}");
            assert!(m.location.lon.is_finite() && m.location.lon.abs() <= 180.0, "{m:?}");
        }
    }
});
