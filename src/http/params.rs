//! The query parameters shared by `/api/incidents`, the layer downloads and the OGC items:
//! `bbox`, `datetime`, `category`, `limit` and `offset`, parsed into the store's types.

use serde::Deserialize;

use super::ApiError;
use crate::incident::Category;
use crate::index::BBox;
use crate::store::{DateInterval, Filter, Page};

/// Features per page when the client does not say.
pub const DEFAULT_LIMIT: usize = 100;
/// Largest page a client may ask for.
pub const MAX_LIMIT: usize = 10_000;

/// Selection and paging parameters, as received (each optional).
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    pub bbox: Option<String>,
    pub datetime: Option<String>,
    pub category: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

impl ListParams {
    /// The selection the parameters describe.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        Ok(Filter {
            bbox: self.bbox.as_deref().map(str::parse::<BBox>).transpose()?,
            dates: match self.datetime.as_deref() {
                Some(s) => s.parse::<DateInterval>()?,
                None => DateInterval::default(),
            },
            category: self
                .category
                .as_deref()
                .map(str::parse::<Category>)
                .transpose()?,
        })
    }

    /// The requested page: `limit` in 1..=10,000 (default 100), `offset` from 0.
    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            limit: parse_limit(self.limit.as_deref())?,
            offset: match self.offset.as_deref() {
                None => 0,
                Some(s) => s.trim().parse().map_err(|_| {
                    ApiError::BadRequest(format!("offset {s:?} must be a whole number from 0"))
                })?,
            },
        })
    }
}

/// Parses a `limit` parameter: a whole number in 1..=[`MAX_LIMIT`], [`DEFAULT_LIMIT`] if absent.
pub fn parse_limit(limit: Option<&str>) -> Result<usize, ApiError> {
    let Some(s) = limit else {
        return Ok(DEFAULT_LIMIT);
    };
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        _ => Err(ApiError::BadRequest(format!(
            "limit {s:?} must be a whole number from 1 to {MAX_LIMIT}"
        ))),
    }
}

/// Parses a finite number parameter called `name`.
pub fn parse_number(name: &str, value: Option<&str>) -> Result<Option<f64>, ApiError> {
    value
        .map(|s| match s.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(ApiError::BadRequest(format!(
                "{name} {s:?} must be a finite number"
            ))),
        })
        .transpose()
}
