//! Parsing of the gazetteer tables embedded in the binary (`gazetteer/*.tsv`).
//!
//! The tables are tab-separated with one `#` header line; records borrow their strings from the
//! embedded text, so loading allocates only the record vectors.

use std::str::FromStr;

use super::GazetteerError;
use super::record::{Admin1, Country, Demonym, Place, Region, RegionKind};

/// Splits one row into exactly `N` fields.
struct Row<const N: usize> {
    table: &'static str,
    line: usize,
    fields: [&'static str; N],
}

impl<const N: usize> Row<N> {
    fn field<T: FromStr>(&self, i: usize) -> Result<T, GazetteerError> {
        self.fields[i].parse().map_err(|_| GazetteerError::Table {
            table: self.table,
            line: self.line,
            reason: format!(
                "field {} ({:?}) is not a valid value",
                i + 1,
                self.fields[i]
            ),
        })
    }
}

/// The data rows of `text` (header and blank lines skipped), each split into `N` fields.
fn rows<const N: usize>(
    table: &'static str,
    text: &'static str,
) -> impl Iterator<Item = Result<Row<N>, GazetteerError>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| {
            let mut fields = [""; N];
            let mut parts = l.split('\t');
            for f in fields.iter_mut() {
                *f = parts.next().ok_or_else(|| GazetteerError::Table {
                    table,
                    line: i + 1,
                    reason: format!("expected {N} tab-separated fields"),
                })?;
            }
            Ok(Row {
                table,
                line: i + 1,
                fields,
            })
        })
}

pub(super) fn places(text: &'static str) -> Result<Vec<Place>, GazetteerError> {
    rows::<11>("places.tsv", text)
        .map(|r| {
            let r = r?;
            // Populated places leave the extent empty: theirs follows from the population.
            let extent_km = match r.fields[10] {
                "" => None,
                _ => Some(r.field(10)?),
            };
            Ok(Place {
                geonameid: r.field(0)?,
                name: r.fields[1],
                ascii_name: r.fields[2],
                alternate_names: r.fields[3],
                lat: r.field(4)?,
                lon: r.field(5)?,
                feature_code: r.fields[6],
                country_code: r.fields[7],
                admin1_code: r.fields[8],
                population: r.field(9)?,
                extent_km,
            })
        })
        .collect()
}

pub(super) fn countries(text: &'static str) -> Result<Vec<Country>, GazetteerError> {
    rows::<13>("countries.tsv", text)
        .map(|r| {
            let r = r?;
            Ok(Country {
                iso2: r.fields[0],
                iso3: r.fields[1],
                name: r.fields[2],
                aliases: r.fields[3],
                capital: r.fields[4],
                lat: r.field(5)?,
                lon: r.field(6)?,
                area_km2: r.field(7)?,
                extent_km: r.field(8)?,
                continent: r.fields[9],
                subregion: r.fields[10],
                geonameid: r.field(11)?,
                population: r.field(12)?,
            })
        })
        .collect()
}

pub(super) fn admin1(text: &'static str) -> Result<Vec<Admin1>, GazetteerError> {
    rows::<8>("admin1.tsv", text)
        .map(|r| {
            let r = r?;
            Ok(Admin1 {
                code: r.fields[0],
                name: r.fields[1],
                lat: r.field(2)?,
                lon: r.field(3)?,
                extent_km: r.field(4)?,
                aliases: r.fields[5],
                towns_lat: r.field(6)?,
                towns_lon: r.field(7)?,
            })
        })
        .collect()
}

pub(super) fn regions(text: &'static str) -> Result<Vec<Region>, GazetteerError> {
    rows::<8>("regions.tsv", text)
        .map(|r| {
            let r = r?;
            let kind = match r.fields[2] {
                "continent" => RegionKind::Continent,
                "region" => RegionKind::Region,
                other => {
                    return Err(GazetteerError::Table {
                        table: r.table,
                        line: r.line,
                        reason: format!("unknown region kind {other:?}"),
                    });
                }
            };
            Ok(Region {
                name: r.fields[0],
                aliases: r.fields[1],
                kind,
                lat: r.field(3)?,
                lon: r.field(4)?,
                extent_km: r.field(5)?,
                members: r.fields[6],
                feature_code: r.fields[7],
            })
        })
        .collect()
}

pub(super) fn demonyms(text: &'static str) -> Result<Vec<Demonym>, GazetteerError> {
    rows::<2>("demonyms.tsv", text)
        .map(|r| {
            let r = r?;
            Ok(Demonym {
                word: r.fields[0],
                target: r.fields[1],
            })
        })
        .collect()
}
