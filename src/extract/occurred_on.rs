//! When an incident happened, as precisely as the text says: a date with a precision (day,
//! week, month, year) and the period of days it allows. `date` produces it; `dedup` and the
//! store compare periods to decide whether two reports can be the same incident.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days in a calendar week.
pub(super) const DAYS_PER_WEEK: u64 = 7;

/// How precisely the text dates an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    /// A calendar week, Monday to Sunday ("last week").
    Week,
    Month,
    Year,
}

/// When an incident happened: a date and its precision. For week, month and year precision
/// `date` is the first day of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OccurredOn {
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

impl OccurredOn {
    pub fn new(date: NaiveDate, precision: DatePrecision) -> OccurredOn {
        OccurredOn { date, precision }
    }

    /// The first and last day (inclusive) the text allows.
    pub fn interval(&self) -> (NaiveDate, NaiveDate) {
        let last = match self.precision {
            DatePrecision::Day => Some(self.date),
            DatePrecision::Week => self.date.checked_add_days(Days::new(DAYS_PER_WEEK - 1)),
            DatePrecision::Month => self
                .date
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt()),
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.date.year() + 1, 1, 1).and_then(|d| d.pred_opt())
            }
        };
        (self.date, last.unwrap_or(self.date))
    }

    /// True when both can be the same day.
    pub fn overlaps(&self, other: &OccurredOn) -> bool {
        let (a0, a1) = self.interval();
        let (b0, b1) = other.interval();
        a0 <= b1 && b0 <= a1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DatePrecision::{Day, Month, Year};

    #[test]
    fn overlap_follows_precision() {
        let july = OccurredOn::new(NaiveDate::from_ymd_opt(2018, 7, 1).unwrap(), Month);
        let day = OccurredOn::new(NaiveDate::from_ymd_opt(2018, 7, 29).unwrap(), Day);
        let year = OccurredOn::new(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap(), Year);
        let next = OccurredOn::new(NaiveDate::from_ymd_opt(2018, 8, 1).unwrap(), Day);
        assert!(july.overlaps(&day) && year.overlaps(&july) && year.overlaps(&next));
        assert!(!july.overlaps(&next));
        assert_eq!(year.interval().1.to_string(), "2018-12-31");
    }
}
