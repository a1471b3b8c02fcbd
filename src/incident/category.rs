//! The kind of an incident: a closed, lower-case vocabulary shared by JSON, CSV, the database
//! and the layer names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::IncidentError;

/// What happened, as one of the contract's lower-case categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Category {
    Attack,
    Bombing,
    Riot,
    Clash,
    Protest,
    Arrest,
    Other,
}

impl Category {
    /// Every category, in the order layers are listed.
    pub const ALL: [Category; 7] = [
        Category::Attack,
        Category::Bombing,
        Category::Riot,
        Category::Clash,
        Category::Protest,
        Category::Arrest,
        Category::Other,
    ];

    /// The lower-case name used in JSON, CSV, the database and layer names.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Attack => "attack",
            Category::Bombing => "bombing",
            Category::Riot => "riot",
            Category::Clash => "clash",
            Category::Protest => "protest",
            Category::Arrest => "arrest",
            Category::Other => "other",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = IncidentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| IncidentError::UnknownCategory(s.to_owned()))
    }
}

impl TryFrom<String> for Category {
    type Error = IncidentError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Category> for &'static str {
    fn from(c: Category) -> Self {
        c.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_through_its_name() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
        }
    }

    #[test]
    fn unknown_and_upper_case_names_are_rejected() {
        assert!("massacre".parse::<Category>().is_err());
        assert!("Riot".parse::<Category>().is_err());
    }
}
