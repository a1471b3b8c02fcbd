//! Incident Atlas: news reports of violent incidents turned into a live, queryable map.
//!
//! The pipeline, in five lines:
//! 1. [`gazetteer`] knows every populated place, country and region on Earth, offline;
//! 2. the geoparser finds place mentions and relative offsets in text and resolves them to a
//!    [`location::Location`] with an honest uncertainty radius in km;
//! 3. extraction turns articles into incidents; the store keeps them durably and the R-tree
//!    index answers area and distance queries;
//! 4. [`http`] serves all of it as GeoJSON, layers and the map page.

pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod geoparse;
pub mod http;
pub mod import;
pub mod incident;
pub mod index;
pub mod ingest;
pub mod layer;
pub mod location;
pub mod store;
pub mod synthetic;
