//! Writing a selection of incidents as a download or an export: a GeoJSON FeatureCollection or
//! CSV with a header row, `lon`/`lat` columns and a WKT point. The writer walks the store with
//! [`IncidentStore::for_each`], so a layer of any size passes through in constant memory.

use std::io::Write;
use std::ops::ControlFlow;
use std::str::FromStr;

use crate::incident::{FlatRecord, Incident};
use crate::store::{Filter, IncidentStore, StoreError};

/// What the FeatureCollection opens with, before the first feature.
const GEOJSON_HEAD: &[u8] = br#"{"type":"FeatureCollection","features":["#;
/// What closes the FeatureCollection.
const GEOJSON_TAIL: &[u8] = b"]}\n";

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown format {0:?} (expected geojson or csv)")]
    UnknownFormat(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write GeoJSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A download format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GeoJson,
    Csv,
}

impl Format {
    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Csv => "csv",
        }
    }

    /// The media type of a download in this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::GeoJson => "application/geo+json",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

impl FromStr for Format {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "geojson" | "json" => Ok(Format::GeoJson),
            "csv" => Ok(Format::Csv),
            _ => Err(ExportError::UnknownFormat(s.to_owned())),
        }
    }
}

/// Writes every incident the filter selects to `out`; returns how many were written.
///
/// # Runtime
/// One pass over the store; memory stays constant whatever the number of incidents.
pub fn write_selection(
    store: &dyn IncidentStore,
    filter: &Filter,
    format: Format,
    out: impl Write,
) -> Result<u64, ExportError> {
    match format {
        Format::GeoJson => write_geojson(store, filter, out),
        Format::Csv => write_csv(store, filter, out),
    }
}

/// Runs `write` on each incident until one fails; returns the count or the first error.
fn walk(
    store: &dyn IncidentStore,
    filter: &Filter,
    mut write: impl FnMut(&Incident) -> Result<(), ExportError>,
) -> Result<u64, ExportError> {
    let mut written = 0;
    let mut failure = None;
    store.for_each(filter, &mut |incident| match write(&incident) {
        Ok(()) => {
            written += 1;
            ControlFlow::Continue(())
        }
        Err(e) => {
            failure = Some(e);
            ControlFlow::Break(())
        }
    })?;
    failure.map_or(Ok(written), Err)
}

fn write_geojson(
    store: &dyn IncidentStore,
    filter: &Filter,
    mut out: impl Write,
) -> Result<u64, ExportError> {
    out.write_all(GEOJSON_HEAD)?;
    let mut first = true;
    let written = walk(store, filter, |incident| {
        if !first {
            out.write_all(b",\n")?;
        }
        first = false;
        serde_json::to_writer(&mut out, &incident.to_feature())?;
        Ok(())
    })?;
    out.write_all(GEOJSON_TAIL)?;
    out.flush()?;
    Ok(written)
}

fn write_csv(
    store: &dyn IncidentStore,
    filter: &Filter,
    out: impl Write,
) -> Result<u64, ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    let written = walk(store, filter, |incident| {
        writer.serialize(FlatRecord::from(incident))?;
        Ok(())
    })?;
    if written == 0 {
        // serde writes the header with the first row; an empty layer still gets one.
        writer.write_record(FlatRecord::HEADER)?;
    }
    writer.flush()?;
    Ok(written)
}
