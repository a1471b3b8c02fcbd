//! Scoring a geoparser against human-annotated mentions: detection precision, recall and F1,
//! and resolution error (km) with accuracy@161 km, the measures of Gritta et al., "A Pragmatic
//! Guide to Geoparsing Evaluation". Used by the gold-set test and the corpus evaluation.

use super::Mention;
use crate::incident::LonLat;
use crate::index;

/// The customary threshold (km) of geoparsing accuracy: 100 miles.
pub const ACCURACY_KM: f64 = 161.0;
/// The error (km) charged for a toponym left unresolved, and the top of the AUC scale: half
/// the Earth's circumference, as Gritta et al. use.
pub const MAX_ERROR_KM: f64 = 20_039.0;

/// One annotated mention: its byte span and true point (degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub lat: f64,
    pub lon: f64,
}

/// A gold mention the geoparser found, with the predicted mention and the error in km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// Index into the gold mentions of the document.
    pub gold: usize,
    /// Index into the predicted mentions of the document.
    pub predicted: usize,
    pub error_km: f64,
}

/// Counts and errors accumulated over documents.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    /// Great-circle error (km) of every matched mention.
    pub errors_km: Vec<f64>,
}

/// Great-circle distance in km between two (lat, lon) points in degrees: [`index::distance_km`]
/// on the contract's sphere. A point out of range counts as the largest error,
/// [`MAX_ERROR_KM`].
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    match (LonLat::new(lon1, lat1), LonLat::new(lon2, lat2)) {
        (Ok(p), Ok(q)) => index::distance_km(p, q),
        _ => MAX_ERROR_KM,
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

impl Score {
    /// Adds one document. A gold mention is found when a predicted mention overlaps its span
    /// (each predicted mention counts once), as the lenient measure of Gritta et al.
    pub fn add(&mut self, predicted: &[Mention], gold: &[GoldMention]) -> Vec<Match> {
        let mut used = vec![false; predicted.len()];
        let mut matches = Vec::new();
        for (g, gm) in gold.iter().enumerate() {
            let hit = predicted
                .iter()
                .enumerate()
                .find(|(p, m)| !used[*p] && m.start < gm.end && gm.start < m.end);
            if let Some((p, m)) = hit {
                used[p] = true;
                let error_km = distance_km(m.location.lat, m.location.lon, gm.lat, gm.lon);
                self.errors_km.push(error_km);
                matches.push(Match {
                    gold: g,
                    predicted: p,
                    error_km,
                });
            }
        }
        self.true_positives += matches.len();
        self.false_negatives += gold.len() - matches.len();
        self.false_positives += used.iter().filter(|u| !**u).count();
        matches
    }

    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Share of matched mentions resolved within `km` of the truth.
    pub fn accuracy_within(&self, km: f64) -> f64 {
        ratio(
            self.errors_km.iter().filter(|e| **e <= km).count(),
            self.errors_km.len(),
        )
    }

    pub fn mean_error_km(&self) -> f64 {
        if self.errors_km.is_empty() {
            return 0.0;
        }
        self.errors_km.iter().sum::<f64>() / self.errors_km.len() as f64
    }

    /// Area under the curve of sorted log errors, `ln(1 + km)` scaled by `ln(`[`MAX_ERROR_KM`]`)`
    /// and integrated by trapezoids (Gritta et al.): 0 is perfect, 1 is every answer at the
    /// antipode; lower is better.
    pub fn auc(&self) -> f64 {
        let mut logs: Vec<f64> = self.errors_km.iter().map(|e| e.ln_1p()).collect();
        if logs.len() < 2 {
            return logs.first().map_or(0.0, |l| l / MAX_ERROR_KM.ln());
        }
        logs.sort_by(f64::total_cmp);
        let area: f64 = logs.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        area / (MAX_ERROR_KM.ln() * (logs.len() - 1) as f64)
    }

    pub fn median_error_km(&self) -> f64 {
        let mut sorted = self.errors_km.clone();
        sorted.sort_by(f64::total_cmp);
        sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_the_index_great_circle_and_bad_points_the_largest_error() {
        let d = distance_km(38.53575, 68.77905, 38.5563, 69.0135);
        let p = LonLat::new(68.77905, 38.53575).unwrap();
        let q = LonLat::new(69.0135, 38.5563).unwrap();
        assert_eq!(d, index::distance_km(p, q));
        assert!((d - 20.5).abs() < 1.0, "{d}");
        assert_eq!(distance_km(95.0, 0.0, 0.0, 0.0), MAX_ERROR_KM);
    }
}
