//! How an ingested report is recognised when it comes again: the article is known by its
//! source URL or, without one, by a SHA-1 digest of its text; the report by that key plus the
//! byte span of its summary sentence. The incident id is derived from the same key, so
//! ingesting an article twice finds its incidents already stored under the ids it would give
//! them.
//!
//! Ids are name-based UUIDs (RFC 4122 version 5 layout: the first 16 bytes of the SHA-1 of
//! the key), hyphenated lower case like the random ids of manual entries.

use std::fmt::Write;
use std::ops::Range;

use chrono::NaiveDate;
use sha1::{Digest, Sha1};

use crate::incident::Source;

/// How many leading bytes of the SHA-1 of the article text make its digest (16 hex digits):
/// plenty to tell articles apart, short enough to read.
const ARTICLE_DIGEST_BYTES: usize = 8;
/// How many bytes a UUID has.
const UUID_BYTES: usize = 16;
/// Prefix of the article key of an article without URL, so a key never collides with a URL.
const DIGEST_KEY_PREFIX: &str = "sha1:";

/// The hex digest that identifies an article's text.
pub fn article_digest(text: &str) -> String {
    let hash = Sha1::digest(text.as_bytes());
    hash[..ARTICLE_DIGEST_BYTES]
        .iter()
        .fold(String::new(), |mut hex, b| {
            // Writing into a String cannot fail.
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The provenance record of the sentence at `sentence` (byte range in the article).
pub fn source_of(
    source_url: Option<&str>,
    published: NaiveDate,
    digest: &str,
    sentence: &Range<usize>,
) -> Source {
    Source {
        source_url: source_url.map(str::to_owned),
        published,
        sentence_start: sentence.start,
        sentence_end: sentence.end,
        article_digest: digest.to_owned(),
    }
}

/// The id of the incident first reported by `source`: the same for the same article (URL, or
/// text when there is none) and sentence, different otherwise.
pub fn incident_id(source: &Source) -> String {
    let key = match &source.source_url {
        Some(url) => url.clone(),
        None => format!("{DIGEST_KEY_PREFIX}{}", source.article_digest),
    };
    let name = format!("{key}#{}-{}", source.sentence_start, source.sentence_end);
    let hash = Sha1::digest(name.as_bytes());
    let mut bytes = [0; UUID_BYTES];
    bytes.copy_from_slice(&hash[..UUID_BYTES]);
    uuid::Builder::from_sha1_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_depend_on_article_and_sentence() {
        let published = NaiveDate::from_ymd_opt(2019, 5, 20).unwrap();
        let digest = article_digest("Riots broke out.");
        assert_eq!(digest.len(), 2 * ARTICLE_DIGEST_BYTES);
        let a = source_of(None, published, &digest, &(0..16));
        let id = incident_id(&a);
        assert_eq!(id, incident_id(&a.clone()));
        assert_eq!(id.len(), 36);
        assert_ne!(
            id,
            incident_id(&source_of(None, published, &digest, &(0..15)))
        );
        let with_url = source_of(Some("https://a.example/1"), published, &digest, &(0..16));
        assert_ne!(id, incident_id(&with_url));
        let other_text = source_of(Some("https://a.example/1"), published, "ff", &(0..16));
        assert_eq!(
            incident_id(&with_url),
            incident_id(&other_text),
            "the URL wins"
        );
    }
}
