//! The authored wire-style test articles, `tests/data/articles/NN-slug.txt`, each with a
//! sidecar `NN-slug.expected.json`: the publication date and the incidents a careful reader
//! finds (category, date and its precision, fatalities, injuries, and where: the text and an
//! approximate lat/lon).

use std::fs;

use chrono::NaiveDate;
use incident_atlas::extract::DatePrecision;
use serde::Deserialize;

/// What a sidecar says.
#[derive(Debug, Deserialize)]
pub struct Expected {
    pub published: NaiveDate,
    pub incidents: Vec<ExpectedIncident>,
}

/// One incident a reader finds in the article.
#[derive(Debug, Deserialize)]
pub struct ExpectedIncident {
    pub category: String,
    pub date: Option<NaiveDate>,
    pub precision: Option<DatePrecision>,
    pub fatalities: u32,
    pub injuries: u32,
    pub location_text: String,
    pub lat: f64,
    pub lon: f64,
}

/// An article, its file name and its sidecar.
pub struct TestArticle {
    pub name: String,
    pub text: String,
    pub expected: Expected,
}

/// Every test article, in file-name order.
pub fn test_articles() -> Vec<TestArticle> {
    let dir = super::data("articles");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("tests/data/articles")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let sidecar = path.with_extension("expected.json");
            let sidecar = fs::read_to_string(&sidecar)
                .unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
            TestArticle {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                text: fs::read_to_string(path).expect("an article"),
                expected: serde_json::from_str(&sidecar)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            }
        })
        .collect()
}
