//! The kinds of incident, as the public contract names them (`attack`, `bombing`, `riot`,
//! `clash`, `protest`, `arrest`, `other`). `event` assigns them from the lexicon; the store and
//! the HTTP layer read and write their lower-case names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A category name outside the contract's list.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "unknown incident category {0:?}; expected one of attack, bombing, riot, clash, protest, arrest, other"
)]
pub struct UnknownCategory(pub String);

/// The kind of incident, as the public contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    // Declared in order of priority when one sentence has several event words.
    Bombing,
    Riot,
    Clash,
    Arrest,
    Attack,
    Protest,
    Other,
}

impl Category {
    /// The lower-case name of the contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Bombing => "bombing",
            Category::Riot => "riot",
            Category::Clash => "clash",
            Category::Arrest => "arrest",
            Category::Attack => "attack",
            Category::Protest => "protest",
            Category::Other => "other",
        }
    }
}

/// Every category, in priority order.
const ALL: [Category; 7] = [
    Category::Bombing,
    Category::Riot,
    Category::Clash,
    Category::Arrest,
    Category::Attack,
    Category::Protest,
    Category::Other,
];

impl FromStr for Category {
    type Err = UnknownCategory;

    /// Parses a contract name, ignoring ASCII case.
    fn from_str(name: &str) -> Result<Category, UnknownCategory> {
        ALL.into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| UnknownCategory(name.to_owned()))
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{c}\""));
        }
        assert_eq!("Riot".parse::<Category>(), Ok(Category::Riot));
        assert!("war".parse::<Category>().is_err());
    }
}
