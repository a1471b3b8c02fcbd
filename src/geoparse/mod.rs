//! The geoparser: place mentions in free English text, resolved to *Locations* with honest
//! uncertainty radii (km).
//!
//! It sits between the [`gazetteer`](crate::gazetteer) and incident extraction. The pipeline:
//! 1. `tokens`: words, numbers and punctuation with byte spans;
//! 2. `mention`: capitalised phrases the gazetteer knows, minus persons, organisations,
//!    demonyms and common words (the `cues` that tell them apart); `dateline` with
//!    `state_abbreviation` and `postal_code`: abbreviated states and provinces after a town
//!    ("Richmond, Va.", "Perth, WA") and wire datelines in capitals ("KABUL (AP) -");
//! 3. [`resolve`] with `context` and `home`: which same-named place each one is, from the
//!    countries and regions the text names, the region most of its toponyms can lie in, and
//!    the places near each other;
//! 4. `relative` with `number` and `compass`: "70 km south-east of", "near", "in
//!    northern", "near the northern city of" before a place, "'s western outskirts" after it;
//! 5. `uncertainty`: the point (geodesic destination) and the point-radius uncertainty
//!    `extent + distance precision + 2 (d + dp) sin(half-width / 2)` km;
//!    appositions: "the capital Dushanbe", "the capital of Tajikistan", `ordinal` "Tajikistan's
//!    second city"; `halfway`: "halfway between X and Y", the geodesic midpoint;
//!    `unnamed_capital`: "40 km east of the capital", the capital of the text's country;
//!    `anaphora`: "15 km north of the town", the town named just before; `road`: "40 km
//!    from Timbuktu on the road to Goundam", the bearing from one town to the other;
//! 6. `span`: the same resolution for spans found by someone else (gold toponyms), with
//!    `site` for streets and buildings no gazetteer holds (in the document's town);
//! 7. `score`: precision, recall, F1 and accuracy@161 km against annotated mentions.
//!
//! ```
//! use incident_atlas::gazetteer::Gazetteer;
//! use incident_atlas::geoparse::{geoparse, resolve};
//!
//! let gazetteer = Gazetteer::load().unwrap();
//! let mentions = geoparse(&gazetteer, "A car hit cyclists 70 km south-east of Dushanbe.").unwrap();
//! assert_eq!(mentions[0].text, "70 km south-east of Dushanbe");
//! let location = resolve(&gazetteer, "70 km SE of Dushanbe").unwrap().unwrap();
//! assert_eq!(location.offset.unwrap().bearing_deg, Some(135.0));
//! ```

mod admin_list;
mod anaphora;
mod compass;
mod context;
mod cues;
mod dateline;
mod document;
mod error;
mod halfway;
mod hint;
mod home;
mod lexicon;
mod mention;
mod number;
mod ordinal;
mod postal_code;
mod quarter;
mod query;
mod relative;
mod resolve;
mod road;
mod score;
mod site;
mod span;
mod state_abbreviation;
mod tokens;
mod uncertainty;
mod unnamed_capital;

pub use document::{MAX_TEXT_BYTES, Mention, geoparse, geoparse_with_context};
pub use error::GeoparseError;
pub use hint::{HINT_SEPARATOR, hint_context};
pub use query::resolve;
pub use score::{ACCURACY_KM, GoldMention, MAX_ERROR_KM, Match, Score, distance_km};
pub use span::{resolve_in_document, resolve_spans};

/// The wire-dateline rule, shared with sentence segmentation in extraction.
pub(crate) use dateline::wire_dateline;

/// (text, anchor name, precision) of each mention of `text`: what the tests of the relative
/// readings compare.
#[cfg(test)]
fn read_for_test(text: &str) -> Vec<(String, String, &'static str)> {
    let gazetteer = crate::gazetteer::Gazetteer::load().unwrap();
    geoparse(&gazetteer, text)
        .unwrap()
        .into_iter()
        .map(|m| {
            (
                m.text,
                m.location.anchor.name,
                m.location.precision.as_str(),
            )
        })
        .collect()
}
