//! When an incident happened: time expressions in a sentence, resolved against the article's
//! publication date, with the precision the text gives. Runs on each event sentence after
//! `event` has found its trigger; `article` keeps the expression nearest the trigger.
//!
//! One regular expression, its branches in order of priority, finds absolute dates ("July 31,
//! 2018", "31 July", "Dec. 10", "2018-07-31", "in July 2018"), relative ones ("on Sunday
//! evening", "yesterday", "three days ago", "last week", "in July last year", "this year") and
//! bare years after a preposition ("in 2015"). A relative day is the most recent such day on
//! or before publication; nothing resolves to a date after publication.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};

use super::numbers::word_value;
use super::occurred_on::{DAYS_PER_WEEK, DatePrecision, OccurredOn};

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let on_weekday =
        format!(r"(?:\b(?i:on|since|in|by|until|from|early|late)\s+)?(?:{WEEKDAY},?\s+)?");
    let branches = [
        r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b)".to_owned(),
        format!(r"(?P<mdy>{on_weekday}\b(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?)"),
        format!(r"(?P<dmy>{on_weekday}\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}})\b)?)"),
        format!(r"(?P<my>(?:\b(?i:in|since|during|early|late|mid)[\s-]+)?\b(?P<m3>{MONTH}),?\s+(?P<y3>\d{{4}})\b)"),
        format!(r"(?P<mrel>\b(?:(?i:in|last|early|late)\s+)?(?P<m4>{MONTH})\s+(?P<w4>(?i:last|this))\s+(?i:year)\b)"),
        format!(r"(?P<mprep>\b(?i:in|last|since|during|early|late|mid)[\s-]+(?P<m5>{MONTH}))"),
        format!(r"(?P<wd>\b(?:(?P<wmod>(?i:last|this|on|early|late))\s+)?(?P<wday>{WEEKDAY})\b(?:\s+(?i:morning|afternoon|evening|night))?)"),
        r"(?P<rday>\b(?i:the day before yesterday|yesterday|today|tonight|last night|this morning|earlier today)\b)".to_owned(),
        r"(?P<ago>\b(?P<an>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))\s+(?P<au>(?i:day|week|month|year))s?\s+(?i:ago)\b)".to_owned(),
        r"(?P<rper>\b(?P<rw>(?i:last|this|earlier this|later this|previous))\s+(?P<ru>(?i:week|month|year))\b)".to_owned(),
        r"(?P<yr>\b(?i:in|since|during|of|from|until|by|early|late|mid)[\s-]+(?P<yy>(?:19|20)\d{2})\b)".to_owned(),
    ];
    Regex::new(&branches.join("|")).expect("the date grammar is a fixed, valid pattern")
});

/// One resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range inside the text searched.
    pub span: Range<usize>,
    pub occurred_on: OccurredOn,
}

/// Every time expression in `text` that resolves to a period starting on or before
/// `published`, in order.
///
/// # Runtime
/// One regex scan, O(n) in the text.
pub fn find_dates(text: &str, published: NaiveDate) -> Vec<DateMention> {
    DATE_RE
        .captures_iter(text)
        .filter_map(|c| {
            let span = c.get(0)?.range();
            let occurred_on = resolve(&c, published)?;
            (occurred_on.date <= published).then_some(DateMention { span, occurred_on })
        })
        .collect()
}

fn resolve(c: &Captures<'_>, published: NaiveDate) -> Option<OccurredOn> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let text = |name: &str| c.name(name).map_or("", |m| m.as_str());
    let year = |name: &str| num(name).and_then(|y| i32::try_from(y).ok());
    let day = |d| Some(OccurredOn::new(d, DatePrecision::Day));
    let month_of =
        |y, m| NaiveDate::from_ymd_opt(y, m, 1).map(|d| OccurredOn::new(d, DatePrecision::Month));
    if c.name("iso").is_some() {
        return day(NaiveDate::from_ymd_opt(
            year("iy")?,
            num("im")?,
            num("id")?,
        )?);
    }
    for (m, d, y) in [("m1", "d1", "y1"), ("m2", "d2", "y2")] {
        if c.name(m).is_some() {
            let (month, dom) = (month_number(text(m))?, num(d)?);
            return match year(y) {
                Some(y) => day(NaiveDate::from_ymd_opt(y, month, dom)?),
                None => day(latest_on_or_before(published, |y| {
                    NaiveDate::from_ymd_opt(y, month, dom)
                })?),
            };
        }
    }
    if c.name("my").is_some() {
        return month_of(year("y3")?, month_number(text("m3"))?);
    }
    if c.name("mrel").is_some() {
        let back = i32::from(text("w4").eq_ignore_ascii_case("last"));
        return month_of(published.year() - back, month_number(text("m4"))?);
    }
    if c.name("mprep").is_some() {
        let month = month_number(text("m5"))?;
        let first = latest_on_or_before(published, |y| NaiveDate::from_ymd_opt(y, month, 1))?;
        return Some(OccurredOn::new(first, DatePrecision::Month));
    }
    if c.name("wd").is_some() {
        let weekday: Weekday = text("wday").parse().ok()?;
        let mut back = u64::from(published.weekday().days_since(weekday));
        if back == 0 && text("wmod").eq_ignore_ascii_case("last") {
            back = DAYS_PER_WEEK;
        }
        return day(published.checked_sub_days(Days::new(back))?);
    }
    if let Some(m) = c.name("rday") {
        let lower = m.as_str().to_ascii_lowercase();
        let back = match lower.as_str() {
            "the day before yesterday" => 2,
            "yesterday" | "last night" => 1,
            _ => 0,
        };
        return day(published.checked_sub_days(Days::new(back))?);
    }
    if c.name("ago").is_some() {
        let n = word_value(text("an")).unwrap_or(1);
        return periods_back(published, &text("au").to_ascii_lowercase(), n);
    }
    if c.name("rper").is_some() {
        let back = u32::from(
            ["last", "previous"]
                .iter()
                .any(|w| text("rw").eq_ignore_ascii_case(w)),
        );
        return periods_back(published, &text("ru").to_ascii_lowercase(), back);
    }
    NaiveDate::from_ymd_opt(year("yy")?, 1, 1).map(|d| OccurredOn::new(d, DatePrecision::Year))
}

/// The period `unit` ("day", "week", "month", "year") lying `n` such periods before
/// `published`, at the precision of the unit.
fn periods_back(published: NaiveDate, unit: &str, n: u32) -> Option<OccurredOn> {
    let (date, precision) = match unit {
        "day" => (
            published.checked_sub_days(Days::new(n.into()))?,
            DatePrecision::Day,
        ),
        "week" => {
            let back = DAYS_PER_WEEK * u64::from(n)
                + u64::from(published.weekday().num_days_from_monday());
            (
                published.checked_sub_days(Days::new(back))?,
                DatePrecision::Week,
            )
        }
        "month" => (
            published.with_day(1)?.checked_sub_months(Months::new(n))?,
            DatePrecision::Month,
        ),
        _ => (
            NaiveDate::from_ymd_opt(published.year() - i32::try_from(n).ok()?, 1, 1)?,
            DatePrecision::Year,
        ),
    };
    Some(OccurredOn::new(date, precision))
}

/// The date `make(year)` in the publication year, or the year before when that is later than
/// publication ("31 July" in an article of May means last July).
fn latest_on_or_before(
    published: NaiveDate,
    make: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    make(published.year())
        .filter(|d| *d <= published)
        .or_else(|| make(published.year() - 1))
}

/// 1–12 for an English month name or abbreviation, with or without a period.
fn month_number(name: &str) -> Option<u32> {
    let key: String = name.trim_end_matches('.').chars().take(3).collect();
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == key)
    .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 20 May 2019, the seed article's publication date.
    fn published() -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, 5, 20).unwrap()
    }

    fn first(text: &str) -> (String, DatePrecision) {
        let m = find_dates(text, published())
            .into_iter()
            .next()
            .expect("a date");
        (m.occurred_on.date.to_string(), m.occurred_on.precision)
    }

    use DatePrecision::{Day, Month, Week, Year};

    #[test]
    fn absolute_dates() {
        assert_eq!(
            first("on Tuesday July 31, 2018 claimed"),
            ("2018-07-31".into(), Day)
        );
        assert_eq!(first("on 31 July they"), ("2018-07-31".into(), Day));
        assert_eq!(first("since Dec. 10 the"), ("2018-12-10".into(), Day));
        assert_eq!(first("on 2018-07-31"), ("2018-07-31".into(), Day));
        assert_eq!(first("the 3rd of May, 2019"), ("2019-05-03".into(), Day));
        assert_eq!(first("in July 2018"), ("2018-07-01".into(), Month));
        assert_eq!(
            first("a bombing in October 2017 that"),
            ("2017-10-01".into(), Month)
        );
    }

    #[test]
    fn relative_days_resolve_on_or_before_publication() {
        assert_eq!(
            first("riots broke out on Sunday evening"),
            ("2019-05-19".into(), Day)
        );
        assert_eq!(first("on Monday"), ("2019-05-20".into(), Day));
        assert_eq!(first("last Monday"), ("2019-05-13".into(), Day));
        assert_eq!(first("yesterday"), ("2019-05-19".into(), Day));
        assert_eq!(first("three days ago"), ("2019-05-17".into(), Day));
    }

    #[test]
    fn relative_periods_keep_their_precision() {
        assert_eq!(
            first("killed in July last year in"),
            ("2018-07-01".into(), Month)
        );
        assert_eq!(
            first("In November last year, some"),
            ("2018-11-01".into(), Month)
        );
        assert_eq!(first("in November, some"), ("2018-11-01".into(), Month));
        assert_eq!(first("last week"), ("2019-05-13".into(), Week));
        assert_eq!(first("last month"), ("2019-04-01".into(), Month));
        assert_eq!(first("this year"), ("2019-01-01".into(), Year));
        assert_eq!(first("defected in 2015."), ("2015-01-01".into(), Year));
    }

    #[test]
    fn not_dates() {
        for text in [
            "some 1,500 inmates",
            "a 10-minute video",
            "he may go",
            "in 2031",
            "March on",
        ] {
            assert!(find_dates(text, published()).is_empty(), "{text}");
        }
    }
}
