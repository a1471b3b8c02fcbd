//! The in-memory R-tree of incident points that answers area and distance queries.
//!
//! The store bulk-loads it at start and keeps it in step on every insert and delete. Boxes are
//! planar lon/lat envelopes (split at the antimeridian); distances are great-circle on the
//! contract's sphere: the tree only prefilters with envelopes that contain the search cap, then
//! every candidate gets its exact haversine distance. (`rstar`'s own nearest-neighbour search
//! measures planar degrees, so it is not used for ordering.)

mod bbox;
mod sphere;

use std::sync::Arc;

use chrono::NaiveDate;
use rstar::{AABB, RTree, RTreeObject};

pub use bbox::BBox;
pub use sphere::{EARTH_RADIUS_KM, HALF_CIRCUMFERENCE_KM, cap_envelopes, distance_km};

use crate::incident::{Category, Incident, LonLat};

/// First radius in km tried by a k-nearest search without a radius.
const FIRST_SEARCH_RADIUS_KM: f64 = 100.0;
/// How much a k-nearest search widens its radius when it has not found enough points yet.
const SEARCH_RADIUS_GROWTH: f64 = 4.0;

/// Why a spatial query parameter was refused.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("invalid bbox {given:?}: {reason}")]
    BBox { given: String, reason: String },
}

/// One indexed incident: its point and what the filters need, so area queries never touch disk.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// Where, lon/lat degrees.
    pub point: LonLat,
    pub id: Arc<str>,
    pub occurred_on: NaiveDate,
    pub category: Category,
}

impl IndexEntry {
    /// The entry for a stored incident.
    pub fn of(incident: &Incident) -> Self {
        IndexEntry {
            point: incident.point,
            id: Arc::from(incident.id.as_str()),
            occurred_on: incident.occurred_on,
            category: incident.category,
        }
    }
}

impl RTreeObject for IndexEntry {
    type Envelope = AABB<[f64; 2]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_point(self.point.to_array())
    }
}

/// An entry with its great-circle distance in km from the query point.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    pub entry: IndexEntry,
    pub distance_km: f64,
}

/// The R-tree of every stored incident.
#[derive(Debug, Default)]
pub struct SpatialIndex {
    tree: RTree<IndexEntry>,
}

impl SpatialIndex {
    /// Builds the tree from all entries at once.
    ///
    /// # Runtime
    /// O(n log n) (rstar's bulk loading), much faster than n inserts.
    pub fn bulk_load(entries: Vec<IndexEntry>) -> Self {
        SpatialIndex {
            tree: RTree::bulk_load(entries),
        }
    }

    pub fn insert(&mut self, entry: IndexEntry) {
        self.tree.insert(entry);
    }

    /// Removes the entry; returns whether it was there.
    pub fn remove(&mut self, entry: &IndexEntry) -> bool {
        self.tree.remove(entry).is_some()
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The lon/lat extent of all points as `[minLon, minLat, maxLon, maxLat]`, if any.
    pub fn extent(&self) -> Option<[f64; 4]> {
        (!self.is_empty()).then(|| {
            let e = self.tree.root().envelope();
            let (lo, hi) = (e.lower(), e.upper());
            [lo[0], lo[1], hi[0], hi[1]]
        })
    }

    /// Every entry inside the box (boundaries included), antimeridian-crossing boxes too.
    pub fn locate_in_bbox(&self, bbox: &BBox) -> impl Iterator<Item = &IndexEntry> {
        bbox.envelopes()
            .into_iter()
            .flat_map(|env| self.tree.locate_in_envelope(&env))
    }

    /// Every entry within `radius_km` (great-circle) of `center`, nearest first (ties by id).
    pub fn nearest_within(&self, center: LonLat, radius_km: f64) -> Vec<Neighbour> {
        let mut found: Vec<Neighbour> = cap_envelopes(center, radius_km)
            .into_iter()
            .flat_map(|env| self.tree.locate_in_envelope(&env))
            .filter_map(|entry| {
                let distance_km = distance_km(center, entry.point);
                (distance_km <= radius_km).then(|| Neighbour {
                    entry: entry.clone(),
                    distance_km,
                })
            })
            .collect();
        found.sort_by(|a, b| {
            a.distance_km
                .total_cmp(&b.distance_km)
                .then_with(|| a.entry.id.cmp(&b.entry.id))
        });
        found
    }

    /// The `k` entries nearest to `center` by great-circle distance, optionally no farther than
    /// `max_radius_km`, nearest first.
    ///
    /// # Runtime
    /// Searches caps of growing radius (×4 from 100 km) until one holds `k` points; each
    /// round costs the R-tree lookup plus one haversine per candidate.
    pub fn nearest(&self, center: LonLat, k: usize, max_radius_km: Option<f64>) -> Vec<Neighbour> {
        let limit_km = max_radius_km.unwrap_or(HALF_CIRCUMFERENCE_KM);
        let mut radius_km = FIRST_SEARCH_RADIUS_KM.min(limit_km);
        loop {
            let mut found = self.nearest_within(center, radius_km);
            if found.len() >= k || radius_km >= limit_km {
                found.truncate(k);
                return found;
            }
            radius_km = (radius_km * SEARCH_RADIUS_GROWTH).min(limit_km);
        }
    }
}
