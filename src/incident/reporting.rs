//! What the articles behind an incident say beyond the contract's core properties: how
//! precisely they date it, how many were injured, and which sentences of which articles
//! report it (provenance). Manual and imported incidents usually have none of it.
//!
//! In GeoJSON these are the optional properties `date_precision` (`day`, `week`, `month`,
//! `year`; `null` when no article dated the incident), `injuries` and `sources`, each source
//! `{source_url, published, sentence_start, sentence_end, article_digest}` with the byte span
//! (`end` exclusive) of the reporting sentence in the UTF-8 article.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::DatePrecision;

/// One article sentence that reports the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Where the article was published, when known.
    #[serde(default)]
    pub source_url: Option<String>,
    /// The article's publication date, against which relative dates were resolved.
    pub published: NaiveDate,
    /// Byte offset of the sentence's first byte in the article.
    pub sentence_start: usize,
    /// Byte offset one past the sentence's last byte.
    pub sentence_end: usize,
    /// A digest of the article text (hex), so an article without URL is recognised when it is
    /// ingested again.
    #[serde(default)]
    pub article_digest: String,
}

/// The article-derived facts of an incident; the default is "none known".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reporting {
    /// How precisely `occurred_on` is known; for week, month and year it is the first day of
    /// the period. `None`: not stated (manual entries) or not dated by the article.
    #[serde(default)]
    pub date_precision: Option<DatePrecision>,
    /// Number of people injured, when reported.
    #[serde(default)]
    pub injuries: Option<u32>,
    /// The reporting sentences, oldest ingestion first.
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Reporting {
    /// True when `source` (same article, same sentence) is already recorded.
    pub fn has_source(&self, source: &Source) -> bool {
        self.sources.iter().any(|s| s.same_sentence(source))
    }

    /// True when any recorded source comes from the article of `source`.
    pub fn has_article_of(&self, source: &Source) -> bool {
        self.sources.iter().any(|s| s.same_article(source))
    }
}

impl Source {
    /// Same article: the same URL when both have one, else the same text digest.
    pub fn same_article(&self, other: &Source) -> bool {
        match (&self.source_url, &other.source_url) {
            (Some(a), Some(b)) => a == b,
            _ => !self.article_digest.is_empty() && self.article_digest == other.article_digest,
        }
    }

    /// Same article and same sentence span.
    pub fn same_sentence(&self, other: &Source) -> bool {
        self.same_article(other)
            && (self.sentence_start, self.sentence_end)
                == (other.sentence_start, other.sentence_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: Option<&str>, digest: &str, start: usize) -> Source {
        Source {
            source_url: url.map(str::to_owned),
            published: NaiveDate::from_ymd_opt(2019, 5, 20).unwrap(),
            sentence_start: start,
            sentence_end: start + 10,
            article_digest: digest.into(),
        }
    }

    #[test]
    fn articles_are_told_apart_by_url_then_by_digest() {
        let a = source(Some("https://a.example/1"), "d1", 0);
        assert!(a.same_sentence(&source(Some("https://a.example/1"), "d2", 0)));
        assert!(!a.same_article(&source(Some("https://b.example/1"), "d1", 0)));
        assert!(source(None, "d1", 0).same_sentence(&source(None, "d1", 0)));
        assert!(!source(None, "d1", 0).same_article(&source(None, "d2", 0)));
        let reporting = Reporting {
            sources: vec![a.clone()],
            ..Reporting::default()
        };
        assert!(reporting.has_source(&a));
        assert!(reporting.has_article_of(&source(Some("https://a.example/1"), "", 50)));
        assert!(!reporting.has_source(&source(Some("https://a.example/1"), "", 50)));
    }
}
