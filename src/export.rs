//! Writing a selection of incidents as a download or an export: a GeoJSON FeatureCollection or
//! CSV with a header row, `lon`/`lat` columns and a WKT point. The writer walks the store with
//! [`IncidentStore::for_each`], so a layer of any size passes through in constant memory.

use std::io::Write;
use std::ops::ControlFlow;
use std::str::FromStr;

use crate::incident::{FeatureRef, FlatRecord, Incident};
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
    let mut writer = IncidentWriter::new(format, out)?;
    let mut failure = None;
    store.for_each(filter, &mut |incident| match writer.write(&incident) {
        Ok(()) => ControlFlow::Continue(()),
        Err(e) => {
            failure = Some(e);
            ControlFlow::Break(())
        }
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    writer.finish()
}

/// Writes incidents from any source (e.g. [`crate::synthetic`]) in `format`; returns how many.
pub fn write_incidents(
    incidents: impl IntoIterator<Item = Incident>,
    format: Format,
    out: impl Write,
) -> Result<u64, ExportError> {
    let mut writer = IncidentWriter::new(format, out)?;
    for incident in incidents {
        writer.write(&incident)?;
    }
    writer.finish()
}

/// A GeoJSON FeatureCollection or CSV file being written, one incident at a time.
enum IncidentWriter<W: Write> {
    GeoJson {
        out: W,
        written: u64,
    },
    // Boxed: the CSV writer carries its buffer state inline, hundreds of bytes.
    Csv {
        out: Box<csv::Writer<W>>,
        written: u64,
    },
}

impl<W: Write> IncidentWriter<W> {
    fn new(format: Format, mut out: W) -> Result<Self, ExportError> {
        Ok(match format {
            Format::GeoJson => {
                out.write_all(GEOJSON_HEAD)?;
                IncidentWriter::GeoJson { out, written: 0 }
            }
            Format::Csv => IncidentWriter::Csv {
                out: Box::new(csv::Writer::from_writer(out)),
                written: 0,
            },
        })
    }

    fn write(&mut self, incident: &Incident) -> Result<(), ExportError> {
        match self {
            IncidentWriter::GeoJson { out, written } => {
                if *written > 0 {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *out, &FeatureRef::of(incident))?;
                *written += 1;
            }
            IncidentWriter::Csv { out, written } => {
                out.serialize(FlatRecord::from(incident))?;
                *written += 1;
            }
        }
        Ok(())
    }

    /// Closes the collection (or writes the header of an empty CSV) and flushes.
    fn finish(self) -> Result<u64, ExportError> {
        match self {
            IncidentWriter::GeoJson { mut out, written } => {
                out.write_all(GEOJSON_TAIL)?;
                out.flush()?;
                Ok(written)
            }
            IncidentWriter::Csv { mut out, written } => {
                if written == 0 {
                    // serde writes the header with the first row; an empty layer still gets one.
                    out.write_record(FlatRecord::HEADER)?;
                }
                out.flush()?;
                Ok(written)
            }
        }
    }
}
