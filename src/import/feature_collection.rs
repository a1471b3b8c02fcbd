//! A GeoJSON FeatureCollection read as a stream: each feature is parsed into a
//! [`FeatureDraft`] and handed over as soon as its closing brace is read, so a file of any size
//! loads in constant memory, and no feature is first parsed into a generic JSON tree.
//!
//! The collection object is parsed properly (members in any order; `bbox` and foreign members
//! skipped), unlike a reader that seeks to the first `[` of the file.

use std::fmt;
use std::io::Read;
use std::ops::ControlFlow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::incident::FeatureDraft;

/// The GeoJSON type of the top-level object.
const COLLECTION_TYPE: &str = "FeatureCollection";

/// Why a collection could not be read to its end.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CollectionError(#[from] serde_json::Error);

/// Reads the FeatureCollection in `input`, handing each feature to `each` in file order;
/// `each` returns [`ControlFlow::Break`] to stop reading (the rest of the input is left unread).
///
/// # Errors
/// A JSON syntax error, a top-level value that is not a FeatureCollection, or a feature that
/// does not deserialise (see [`FeatureDraft`]); features before it have been handed over.
pub fn for_each_feature(
    input: impl Read,
    mut each: impl FnMut(FeatureDraft) -> ControlFlow<()>,
) -> Result<(), CollectionError> {
    let mut stopped = false;
    let mut de = serde_json::Deserializer::from_reader(input);
    let read = de::Deserializer::deserialize_map(
        &mut de,
        Collection {
            each: &mut each,
            stopped: &mut stopped,
        },
    );
    match read {
        Err(_) if stopped => Ok(()),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(de.end()?),
    }
}

/// The callback and the flag that tells a requested stop from a parse error.
struct Collection<'a, F> {
    each: &'a mut F,
    stopped: &'a mut bool,
}

/// The message of the error that unwinds the parser when `each` asks to stop; never shown.
const STOPPED: &str = "stopped by the reader";

impl<'de, F: FnMut(FeatureDraft) -> ControlFlow<()>> Visitor<'de> for Collection<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (mut typed, mut featured) = (false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => {
                    let kind: String = map.next_value()?;
                    if kind != COLLECTION_TYPE {
                        return Err(de::Error::invalid_value(
                            de::Unexpected::Str(&kind),
                            &COLLECTION_TYPE,
                        ));
                    }
                    typed = true;
                }
                "features" => {
                    map.next_value_seed(Features {
                        each: &mut *self.each,
                        stopped: &mut *self.stopped,
                    })?;
                    featured = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (typed, featured) {
            (false, _) => Err(de::Error::missing_field("type")),
            (_, false) => Err(de::Error::missing_field("features")),
            _ => Ok(()),
        }
    }
}

/// The `features` array, visited element by element.
struct Features<'a, F> {
    each: &'a mut F,
    stopped: &'a mut bool,
}

impl<'de, F: FnMut(FeatureDraft) -> ControlFlow<()>> DeserializeSeed<'de> for Features<'_, F> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(FeatureDraft) -> ControlFlow<()>> Visitor<'de> for Features<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of GeoJSON Features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(feature) = seq.next_element::<FeatureDraft>()? {
            if (self.each)(feature).is_break() {
                *self.stopped = true;
                return Err(de::Error::custom(STOPPED));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEATURE: &str = r#"{"type": "Feature", "geometry": {"type": "Point",
        "coordinates": [69.0, 38.5]}, "properties": {"title": "t", "category": "riot",
        "occurred_on": "2019-05-19"}}"#;

    /// How many features are read from `text`, or the error.
    fn read(text: &str) -> Result<usize, CollectionError> {
        let mut n = 0;
        for_each_feature(text.as_bytes(), |_| {
            n += 1;
            ControlFlow::Continue(())
        })?;
        Ok(n)
    }

    #[test]
    fn reads_every_feature_whatever_the_member_order() {
        let text = format!(
            r#"{{"bbox": [0, 0, 1, 1], "features": [{FEATURE}, {FEATURE}],
                "name": {{"x": [1]}}, "type": "FeatureCollection"}}"#
        );
        assert_eq!(read(&text).unwrap(), 2);
        assert_eq!(
            read(r#"{"type": "FeatureCollection", "features": []}"#).unwrap(),
            0
        );
    }

    #[test]
    fn refuses_other_objects_broken_features_and_trailing_data() {
        let broken = FEATURE.replace("riot", "war");
        for text in [
            format!(r#"{{"type": "Feature", "features": [{FEATURE}]}}"#),
            format!(r#"{{"features": [{FEATURE}]}}"#),
            r#"{"type": "FeatureCollection"}"#.to_owned(),
            format!(r#"{{"type": "FeatureCollection", "features": [{FEATURE}, {broken}]}}"#),
            format!(r#"{{"type": "FeatureCollection", "features": [{FEATURE}]}} x"#),
            format!(r#"{{"type": "FeatureCollection", "features": [{FEATURE}"#),
        ] {
            assert!(read(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn stops_when_asked() {
        let text =
            format!(r#"{{"type": "FeatureCollection", "features": [{FEATURE}, {FEATURE}, oops"#);
        let mut n = 0;
        for_each_feature(text.as_bytes(), |_| {
            n += 1;
            if n == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
        assert_eq!(n, 2);
    }
}
