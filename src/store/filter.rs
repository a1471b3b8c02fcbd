//! What a query selects: an optional lon/lat box, a closed or open date interval (OGC API
//! `datetime` syntax) and an optional category. Back ends translate it; the HTTP layer parses it.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate};

use super::StoreError;
use crate::incident::Category;
use crate::index::{BBox, IndexEntry};

/// The OGC token for an open end of an interval.
const OPEN_END: &str = "..";

/// Inclusive date bounds; `None` is an open end. Datetimes are reduced to their UTC date,
/// because incidents carry dates only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateInterval {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl DateInterval {
    /// Whether the date lies within the bounds.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start.is_none_or(|s| d >= s) && self.end.is_none_or(|e| d <= e)
    }

    /// The dates in both intervals (possibly none: then `start > end` and nothing matches).
    pub fn intersect(&self, other: &DateInterval) -> DateInterval {
        DateInterval {
            start: self.start.max(other.start),
            end: match (self.end, other.end) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

fn parse_instant(s: &str, whole: &str) -> Result<NaiveDate, StoreError> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    DateTime::parse_from_rfc3339(s)
        .map(|dt| dt.to_utc().date_naive())
        .map_err(|_| StoreError::BadDatetime {
            given: whole.to_owned(),
            reason: format!("{s:?} is neither a date (YYYY-MM-DD) nor an RFC 3339 datetime"),
        })
}

fn parse_end(s: &str, whole: &str) -> Result<Option<NaiveDate>, StoreError> {
    if s.is_empty() || s == OPEN_END {
        Ok(None)
    } else {
        parse_instant(s, whole).map(Some)
    }
}

impl FromStr for DateInterval {
    type Err = StoreError;

    /// Parses `DATE`, `DATETIME`, `START/END`, `../END` or `START/..`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let interval = match s.split_once('/') {
            None => {
                let d = parse_instant(s, s)?;
                DateInterval {
                    start: Some(d),
                    end: Some(d),
                }
            }
            Some((start, end)) => DateInterval {
                start: parse_end(start, s)?,
                end: parse_end(end, s)?,
            },
        };
        let inverted = matches!((interval.start, interval.end), (Some(a), Some(b)) if a > b);
        if inverted {
            return Err(StoreError::BadDatetime {
                given: s.to_owned(),
                reason: "the start is after the end".to_owned(),
            });
        }
        Ok(interval)
    }
}

/// A selection of incidents; the default selects every incident.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Filter {
    pub bbox: Option<BBox>,
    pub dates: DateInterval,
    pub category: Option<Category>,
}

impl Filter {
    /// Whether an indexed entry passes the date and category conditions (the R-tree has
    /// already applied the box).
    pub fn admits(&self, entry: &IndexEntry) -> bool {
        self.category.is_none_or(|c| c == entry.category) && self.dates.contains(entry.occurred_on)
    }
}

/// Which slice of the ordered answer to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn single_date_and_datetime_are_one_day() {
        let i: DateInterval = "2019-05-19".parse().unwrap();
        assert_eq!(
            (i.start, i.end),
            (Some(d("2019-05-19")), Some(d("2019-05-19")))
        );
        let i: DateInterval = "2019-05-19T23:30:00-02:00".parse().unwrap();
        assert_eq!(i.start, Some(d("2019-05-20")));
    }

    #[test]
    fn open_ends_are_unbounded() {
        let i: DateInterval = "../2019-12-31".parse().unwrap();
        assert_eq!((i.start, i.end), (None, Some(d("2019-12-31"))));
        let i: DateInterval = "2019-01-01/..".parse().unwrap();
        assert_eq!((i.start, i.end), (Some(d("2019-01-01")), None));
        let i: DateInterval = "2019-01-01/".parse().unwrap();
        assert_eq!(i.end, None);
    }

    #[test]
    fn inverted_and_malformed_intervals_are_rejected() {
        assert!("2020-01-02/2020-01-01".parse::<DateInterval>().is_err());
        assert!("yesterday".parse::<DateInterval>().is_err());
        assert!("2019-13-01".parse::<DateInterval>().is_err());
    }

    #[test]
    fn intersection_keeps_the_tighter_bounds() {
        let a: DateInterval = "2019-01-01/..".parse().unwrap();
        let b: DateInterval = "../2019-06-30".parse().unwrap();
        let both = a.intersect(&b);
        assert!(both.contains(d("2019-03-01")));
        assert!(!both.contains(d("2019-07-01")));
    }
}
