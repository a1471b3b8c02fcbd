//! Resolving one location description, as `geocode` receives it: a place name with optional
//! context ("Tripoli, Lebanon"), or a relative phrase ("70 km south-east of Dushanbe").

use crate::gazetteer::Gazetteer;
use crate::location::Location;

use super::GeoparseError;
use super::relative::relation_before;
use super::tokens::tokenize;
use super::uncertainty::apply;

/// Resolves one description to its best *Location*; `Ok(None)` when no place matches.
///
/// A leading relative phrase is read with the geoparser's recogniser and the rest is looked
/// up as a place name (so case does not matter: "70 km SE of dushanbe" works); anything
/// else goes to [`Gazetteer::geocode`].
pub fn resolve(gazetteer: &Gazetteer, text: &str) -> Result<Option<Location>, GeoparseError> {
    let query = text.trim();
    // The plain look-up first: it also rejects queries no description looks like.
    let direct = gazetteer.geocode(query)?;
    Ok(resolve_relative(gazetteer, query)?.or(direct))
}

/// The description read as "<relation> <place>", if it is one.
fn resolve_relative(gazetteer: &Gazetteer, query: &str) -> Result<Option<Location>, GeoparseError> {
    let tokens = tokenize(query);
    for split in 1..tokens.len() {
        let Some(phrase) = relation_before(&tokens, split).filter(|p| p.start == 0) else {
            continue;
        };
        let place = &query[tokens[split].start..];
        if let Some(anchor) = gazetteer.geocode(place)? {
            return Ok(Some(apply(&phrase.relation, anchor, query)));
        }
    }
    Ok(None)
}
