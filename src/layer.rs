//! Downloadable layers: named, fixed selections of incidents (`all`, one per category,
//! `last-30-days`) that users fetch as GeoJSON or CSV and that requests can narrow further.

use chrono::{Days, NaiveDate};

use crate::incident::Category;
use crate::store::{DateInterval, Filter};

/// Length of the rolling "recent" layer, in days (today included).
const RECENT_DAYS: u64 = 30;

/// Name of the layer holding every incident.
const ALL: &str = "all";
/// Name of the rolling recent layer.
const RECENT: &str = "last-30-days";

/// Why a layer request cannot be answered.
#[derive(Debug, thiserror::Error)]
pub enum LayerError {
    #[error("no layer is named {0:?}")]
    Unknown(String),
    #[error("category {asked} does not belong to layer {layer}")]
    CategoryConflict { layer: String, asked: Category },
}

/// A named selection of incidents.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// URL-safe name, used in `/api/layers/{name}.geojson` and file names.
    pub name: String,
    pub title: String,
    pub filter: Filter,
}

impl Layer {
    /// Every layer, as of `today` (which fixes the rolling window).
    pub fn catalogue(today: NaiveDate) -> Vec<Layer> {
        let mut layers = vec![Layer {
            name: ALL.to_owned(),
            title: "All incidents".to_owned(),
            filter: Filter::default(),
        }];
        layers.extend(Category::ALL.into_iter().map(|c| Layer {
            name: c.as_str().to_owned(),
            title: format!("Incidents of category {c}"),
            filter: Filter {
                category: Some(c),
                ..Filter::default()
            },
        }));
        let start = today.checked_sub_days(Days::new(RECENT_DAYS - 1));
        layers.push(Layer {
            name: RECENT.to_owned(),
            title: format!("Incidents of the last {RECENT_DAYS} days"),
            filter: Filter {
                dates: DateInterval {
                    start,
                    end: Some(today),
                },
                ..Filter::default()
            },
        });
        layers
    }

    /// The layer called `name`.
    pub fn named(name: &str, today: NaiveDate) -> Result<Layer, LayerError> {
        Layer::catalogue(today)
            .into_iter()
            .find(|l| l.name == name)
            .ok_or_else(|| LayerError::Unknown(name.to_owned()))
    }

    /// The layer's selection narrowed by a request's filter (box, dates and category).
    pub fn narrowed_by(&self, request: &Filter) -> Result<Filter, LayerError> {
        let category = match (self.filter.category, request.category) {
            (Some(mine), Some(asked)) if mine != asked => {
                return Err(LayerError::CategoryConflict {
                    layer: self.name.clone(),
                    asked,
                });
            }
            (mine, asked) => mine.or(asked),
        };
        Ok(Filter {
            bbox: request.bbox.or(self.filter.bbox),
            dates: self.filter.dates.intersect(&request.dates),
            category,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_all_each_category_and_recent() {
        let today = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        let names: Vec<String> = Layer::catalogue(today)
            .into_iter()
            .map(|l| l.name)
            .collect();
        assert_eq!(names.len(), Category::ALL.len() + 2);
        let recent = Layer::named(RECENT, today).unwrap();
        assert_eq!(
            recent.filter.dates.start,
            NaiveDate::from_ymd_opt(2024, 3, 2)
        );
    }

    #[test]
    fn a_category_layer_refuses_another_category() {
        let today = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        let riot = Layer::named("riot", today).unwrap();
        let asked = Filter {
            category: Some(Category::Protest),
            ..Filter::default()
        };
        assert!(riot.narrowed_by(&asked).is_err());
    }
}
