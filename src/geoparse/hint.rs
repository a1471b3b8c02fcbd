//! The caller's hint: the areas a text is known to be about ("Tajikistan", "Central Asia",
//! "Texas"), given by name to `incident-atlas geoparse --hint` and `POST /api/geoparse?hint=`,
//! and turned into the [`Context`] that disambiguation adds to what the text itself names.

use crate::gazetteer::{Context, Gazetteer, fold};

use super::GeoparseError;

/// The separator of area names in one hint string ("Tajikistan,Central Asia").
pub const HINT_SEPARATOR: char = ',';

/// The context of the areas named in `hint`, separated by [`HINT_SEPARATOR`]; blank parts are
/// skipped. Every part must name a country, an admin region or a multi-country region: a
/// misspelt hint is an error, not silently no hint.
pub fn hint_context(gazetteer: &Gazetteer, hint: &str) -> Result<Context, GeoparseError> {
    let mut context = Context::default();
    for name in hint.split(HINT_SEPARATOR).map(str::trim) {
        if name.is_empty() {
            continue;
        }
        let mut area = Context::default();
        gazetteer.extend_context(&mut area, &fold(name));
        if area.countries.is_empty() && area.admin1.is_empty() && area.regions.is_empty() {
            return Err(GeoparseError::UnknownHintArea {
                name: name.to_owned(),
            });
        }
        context.countries.append(&mut area.countries);
        context.admin1.append(&mut area.admin1);
        context.regions.append(&mut area.regions);
    }
    Ok(context)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::load().unwrap());

    #[test]
    fn a_hint_names_countries_admin_regions_and_regions() {
        let context = hint_context(&GAZETTEER, "Tajikistan, Texas ,,Central Asia").unwrap();
        assert_eq!(context.countries, ["TJ"]);
        assert_eq!(context.admin1, ["US.TX"]);
        let central_asia = GAZETTEER.regions()[context.regions[0]].name;
        assert_eq!(central_asia, "Central Asia");
    }

    #[test]
    fn a_hint_that_names_no_area_is_an_error() {
        let err = hint_context(&GAZETTEER, "Tajikistan,Atlantis").unwrap_err();
        assert!(
            matches!(&err, GeoparseError::UnknownHintArea { name } if name == "Atlantis"),
            "{err:?}"
        );
        assert!(hint_context(&GAZETTEER, "  ").unwrap().is_empty());
    }
}
