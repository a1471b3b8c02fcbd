//! Errors of the geoparser: input it cannot read.

use crate::gazetteer::GazetteerError;

/// Everything that can go wrong when geoparsing a text or resolving one description.
#[derive(Debug, thiserror::Error)]
pub enum GeoparseError {
    /// The description is not something a gazetteer can look up (empty, too long, control
    /// characters).
    #[error(transparent)]
    Query(#[from] GazetteerError),
    /// The text is larger than the geoparser accepts in one call.
    #[error("the text is {len} bytes long; the geoparser accepts at most {max} bytes per call")]
    TextTooLong { len: usize, max: usize },
    /// A name in the caller's hint names no country, admin region or region.
    #[error("the hint {name:?} names no country, admin region or region of the gazetteer")]
    UnknownHintArea { name: String },
}
