//! The in-memory R-tree of incident points that answers area and distance queries.
//!
//! The store bulk-loads it at start and keeps it in step on every insert and delete. Points are
//! stored as 3-D unit vectors (see `unit`): there the straight-line (chord) distance grows
//! monotonically with the great-circle distance, so `rstar`'s Euclidean nearest-neighbour
//! search yields great-circle order directly, and a radius is a ball of the matching chord.
//! Every reported distance is the exact haversine km on the contract's sphere; lon/lat boxes go
//! through the 3-D box of their patch of the sphere and are then checked in planar lon/lat
//! (split at the antimeridian), boundaries included.

mod bbox;
mod sphere;
mod unit;

use std::sync::Arc;

use chrono::NaiveDate;
use rstar::{AABB, PointDistance, RTree, RTreeObject};

pub use bbox::BBox;
pub use sphere::{
    EARTH_RADIUS_KM, HALF_CIRCUMFERENCE_KM, cap_envelopes, distance_km, point_distance_km,
};
pub use unit::point_to_unit;

use crate::incident::{Category, Incident, LonLat};
use unit::{chord_2_for_km, to_unit, unit_envelope};

/// Relative slack on the k-th squared chord within which later points still count as ties, so
/// equal great-circle distances are ordered by id whatever the rounding of the chords.
const TIE_SLACK: f64 = 1e-9;

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

/// An entry at its unit vector, the object the tree holds.
#[derive(Debug, Clone, PartialEq)]
struct Located {
    unit: [f64; 3],
    entry: IndexEntry,
}

impl Located {
    fn of(entry: IndexEntry) -> Self {
        Located {
            unit: to_unit(entry.point),
            entry,
        }
    }
}

impl RTreeObject for Located {
    type Envelope = AABB<[f64; 3]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_point(self.unit)
    }
}

impl PointDistance for Located {
    /// Squared chord length on the unit sphere.
    fn distance_2(&self, point: &[f64; 3]) -> f64 {
        (0..3).map(|i| (self.unit[i] - point[i]).powi(2)).sum()
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
    tree: RTree<Located>,
    /// Planar lon/lat extent `[minLon, minLat, maxLon, maxLat]`; the 3-D tree cannot give it.
    extent: Option<[f64; 4]>,
}

/// The lon/lat extent of the entries, if any.
fn extent_of<'a>(entries: impl Iterator<Item = &'a IndexEntry>) -> Option<[f64; 4]> {
    entries.fold(None, |acc, e| Some(widen(acc, e.point)))
}

/// The extent grown to include `p`.
fn widen(extent: Option<[f64; 4]>, p: LonLat) -> [f64; 4] {
    let [x0, y0, x1, y1] = extent.unwrap_or([p.lon(), p.lat(), p.lon(), p.lat()]);
    [
        x0.min(p.lon()),
        y0.min(p.lat()),
        x1.max(p.lon()),
        y1.max(p.lat()),
    ]
}

impl SpatialIndex {
    /// Builds the tree from all entries at start-up (OMT bulk loading).
    ///
    /// Needs rstar 0.13.1 or later: before it, bulk loading could put the leaves of a 3-D tree
    /// on different levels (e.g. 49–55, 385–447 or 25,000 points, when one cluster of a node
    /// was just over a leaf's capacity and its siblings were not), and R*-insertion, which
    /// assumes one leaf level, then panicked ("This is a bug in rstar") on a later insert; the
    /// crash test (restart, then write) caught it. Regression test:
    /// `inserts_and_removes_after_loading_never_panic` below.
    ///
    /// # Runtime
    /// O(n log n): a few partial sorts (selections) per level, no per-point insertion.
    pub fn bulk_load(entries: Vec<IndexEntry>) -> Self {
        let extent = extent_of(entries.iter());
        let tree = RTree::bulk_load(entries.into_iter().map(Located::of).collect());
        SpatialIndex { tree, extent }
    }

    pub fn insert(&mut self, entry: IndexEntry) {
        self.extent = Some(widen(self.extent, entry.point));
        self.tree.insert(Located::of(entry));
    }

    /// Removes the entry; returns whether it was there.
    ///
    /// # Runtime
    /// O(log n), plus an O(n) rescan of the extent when the point lay on its edge.
    pub fn remove(&mut self, entry: &IndexEntry) -> bool {
        let removed = self.tree.remove(&Located::of(entry.clone())).is_some();
        let [x0, y0, x1, y1] = self.extent.unwrap_or_default();
        let (lon, lat) = (entry.point.lon(), entry.point.lat());
        if removed && (lon == x0 || lon == x1 || lat == y0 || lat == y1) {
            self.extent = extent_of(self.tree.iter().map(|l| &l.entry));
        }
        removed
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The lon/lat extent of all points as `[minLon, minLat, maxLon, maxLat]`, if any.
    pub fn extent(&self) -> Option<[f64; 4]> {
        self.extent
    }

    /// Every entry inside the box (boundaries included), antimeridian-crossing boxes too.
    pub fn locate_in_bbox(&self, bbox: &BBox) -> impl Iterator<Item = &IndexEntry> {
        bbox.envelopes().into_iter().flat_map(move |env| {
            self.tree
                .locate_in_envelope(unit_envelope(&env))
                .map(|l| &l.entry)
                .filter(move |e| rstar::Envelope::contains_point(&env, &e.point.to_array()))
        })
    }

    /// Every entry within `radius_km` (great-circle) of `center`, nearest first (ties by id).
    ///
    /// # Runtime
    /// One R-tree ball query plus one haversine per candidate and a sort of the matches (by
    /// reference: a dense city puts thousands of points within a few km, and sorting
    /// distance–reference pairs moves a third of the bytes that sorting neighbours would).
    pub fn nearest_within(&self, center: LonLat, radius_km: f64) -> Vec<Neighbour> {
        let mut found: Vec<(f64, &IndexEntry)> = self
            .tree
            .locate_within_distance(to_unit(center), chord_2_for_km(radius_km))
            .filter_map(|l| {
                let distance_km = distance_km(center, l.entry.point);
                (distance_km <= radius_km).then_some((distance_km, &l.entry))
            })
            .collect();
        found.sort_unstable_by(|a, b| nearest_first((a.0, a.1), (b.0, b.1)));
        found
            .into_iter()
            .map(|(distance_km, entry)| Neighbour {
                entry: entry.clone(),
                distance_km,
            })
            .collect()
    }

    /// The `k` entries nearest to `center` by great-circle distance, optionally no farther than
    /// `max_radius_km`, nearest first (ties by id).
    ///
    /// # Runtime
    /// `rstar`'s best-first nearest-neighbour walk in 3-D, stopped after the k-th point (and
    /// its ties): O(log n + k) node visits, one haversine per point taken.
    pub fn nearest(&self, center: LonLat, k: usize, max_radius_km: Option<f64>) -> Vec<Neighbour> {
        let limit_km = max_radius_km.unwrap_or(HALF_CIRCUMFERENCE_KM);
        let limit_2 = chord_2_for_km(limit_km);
        let mut found: Vec<Neighbour> = Vec::with_capacity(k + 1);
        if k == 0 {
            return found;
        }
        let mut cutoff_2 = f64::INFINITY;
        for (l, chord_2) in self
            .tree
            .nearest_neighbor_iter_with_distance_2(to_unit(center))
        {
            if chord_2 > limit_2 || chord_2 > cutoff_2 {
                break;
            }
            let distance_km = distance_km(center, l.entry.point);
            if distance_km <= limit_km {
                found.push(Neighbour {
                    entry: l.entry.clone(),
                    distance_km,
                });
                if found.len() == k {
                    cutoff_2 = chord_2 * (1.0 + TIE_SLACK) + f64::EPSILON;
                }
            }
        }
        sort_neighbours(&mut found);
        found.truncate(k);
        found
    }
}

/// Orders neighbours nearest first, ties by id.
fn sort_neighbours(found: &mut [Neighbour]) {
    found.sort_unstable_by(|a, b| {
        nearest_first((a.distance_km, &a.entry), (b.distance_km, &b.entry))
    });
}

/// The order of answers: by distance in km, then by id (ids are unique, so this is total).
fn nearest_first(a: (f64, &IndexEntry), b: (f64, &IndexEntry)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rand::{Rng, SeedableRng, rngs::StdRng};
    use rstar::{ParentNode, RTreeNode};

    use super::*;

    /// Sizes at which rstar 0.12.2 bulk-loaded 3-D points onto uneven leaf levels (found by
    /// checking every size up to 3,000 and a few large ones), so inserts afterwards panicked.
    const UNEVEN_IN_RSTAR_0_12: [usize; 5] = [49, 55, 385, 447, 25_000];
    /// Points written after loading, as the crash test does after a restart.
    const WRITTEN: usize = 2_000;

    fn entry(rng: &mut StdRng, n: usize) -> IndexEntry {
        IndexEntry {
            point: LonLat::new(
                rng.random_range(-180.0..=180.0),
                rng.random_range(-90.0..=90.0),
            )
            .expect("in range"),
            id: Arc::from(format!("{n:08}")),
            occurred_on: NaiveDate::from_ymd_opt(2020, 1, 1).expect("a date"),
            category: Category::Attack,
        }
    }

    /// The depth of every leaf below `node`, in `out`.
    fn leaf_depths(node: &ParentNode<Located>, depth: usize, out: &mut Vec<usize>) {
        for child in node.children() {
            match child {
                RTreeNode::Leaf(_) => out.push(depth),
                RTreeNode::Parent(p) => leaf_depths(p, depth + 1, out),
            }
        }
    }

    /// Whether every leaf of the tree is on the same level, the invariant R*-insertion needs.
    fn leaves_on_one_level(index: &SpatialIndex) -> bool {
        let mut depths = Vec::new();
        leaf_depths(index.tree.root(), 0, &mut depths);
        depths.windows(2).all(|w| w[0] == w[1])
    }

    #[test]
    fn inserts_and_removes_after_loading_never_panic() {
        let mut rng = StdRng::seed_from_u64(7);
        for loaded in UNEVEN_IN_RSTAR_0_12 {
            let entries: Vec<IndexEntry> = (0..loaded).map(|n| entry(&mut rng, n)).collect();
            let mut index = SpatialIndex::bulk_load(entries.clone());
            assert!(leaves_on_one_level(&index), "bulk load of {loaded}");
            let written: Vec<IndexEntry> = (loaded..loaded + WRITTEN)
                .map(|n| entry(&mut rng, n))
                .collect();
            for e in &written {
                index.insert(e.clone());
            }
            assert!(leaves_on_one_level(&index), "{loaded} loaded, then inserts");
            let removed: Vec<&IndexEntry> = entries.iter().chain(&written).step_by(2).collect();
            for e in &removed {
                assert!(index.remove(e), "{loaded}: {} was indexed", e.id);
            }
            assert!(leaves_on_one_level(&index), "{loaded} loaded, then removes");
            for e in removed {
                index.insert(e.clone());
            }
            assert!(
                leaves_on_one_level(&index),
                "{loaded} loaded, then reinserts"
            );
            assert_eq!(index.len(), loaded + WRITTEN);
        }
    }
}
