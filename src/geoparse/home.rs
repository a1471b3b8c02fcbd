//! The home region of a document: the admin region and the country that the other toponyms of
//! a document most likely lie in, whether or not the text names them.
//!
//! Local news rarely names its own state: a Texas paper writes "Paris" and "Dallas" and means
//! Paris, Texas. Every toponym casts one vote, shared among the admin regions (and, separately,
//! the countries) its readings lie in, in proportion to how plausible each reading is on its
//! own ([`plausibility`]): "Dallas" votes almost wholly for Texas, "Springfield" is split. For
//! each toponym, the region with the most votes of the *other* names, if they give it at least
//! [`MIN_HOME_VOTES`], is its home region; readings there get a prior in
//! [`context`](super::context) over same-named places elsewhere.

use std::hash::Hash;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Candidate, EntryKind, Gazetteer};

use super::mention::Toponym;

/// How sharply plausibility follows the readings' scores: a reading that scores 0.5 less than
/// the best (a town about 300 times smaller, or a village against a state capital) is e^4 ≈ 55
/// times less plausible.
const PLAUSIBILITY_SHARPNESS: f32 = 8.0;
/// The votes a home region needs from the other names: half of one name's vote.
const MIN_HOME_VOTES: f32 = 0.5;

/// Readings less plausible than this (see [`plausibility`]) cast no share: skipping them
/// keeps a ballot to a few regions.
const MIN_SHARE_PLAUSIBILITY: f32 = 0.01;

/// An admin region as (ISO alpha-2 country code, GeoNames admin1 code): `("US", "TX")`.
pub(super) type Admin1Key = (&'static str, &'static str);

/// One name's vote: (region, share) pairs whose shares sum to one.
type Shares<K> = Vec<(K, f32)>;

/// Votes per region (the sum of the shares), and the regions ranked by votes.
#[derive(Debug, Clone)]
struct Tally<K> {
    votes: FxHashMap<K, f32>,
    ranked: Vec<(K, f32)>,
}

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally {
            votes: FxHashMap::default(),
            ranked: Vec::new(),
        }
    }
}

impl<K: Hash + Eq + Copy> Tally<K> {
    /// Adds one name's vote.
    fn vote(&mut self, shares: &Shares<K>) {
        for &(region, share) in shares {
            *self.votes.entry(region).or_insert(0.0) += share;
        }
    }

    /// Ranks the regions by votes, most first; call once after the last vote.
    fn close(&mut self) {
        self.ranked = self.votes.iter().map(|(&k, &v)| (k, v)).collect();
        self.ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    }

    /// The region with the most votes once `own` (the vote of the name asking) is taken out,
    /// when it has at least [`MIN_HOME_VOTES`] and no other region ties with it.
    ///
    /// # Runtime
    /// Linear in the size of `own`: only its regions change, so the contenders are they and
    /// the two best-ranked regions outside it.
    fn winner_without(&self, own: &Shares<K>) -> Option<K> {
        let in_own = |k: &K| own.iter().any(|(o, _)| o == k);
        let others = self
            .ranked
            .iter()
            .filter(|(k, _)| !in_own(k))
            .take(2)
            .copied();
        let adjusted = own
            .iter()
            .map(|&(k, share)| (k, self.votes.get(&k).copied().unwrap_or(0.0) - share));
        let mut best: Option<(K, f32)> = None;
        let mut runner_up = 0.0f32;
        for (region, votes) in others.chain(adjusted) {
            if best.is_none_or(|b| votes > b.1) {
                if let Some(b) = best {
                    runner_up = runner_up.max(b.1);
                }
                best = Some((region, votes));
            } else {
                runner_up = runner_up.max(votes);
            }
        }
        let (region, votes) = best?;
        (votes >= MIN_HOME_VOTES && votes > runner_up).then_some(region)
    }
}

/// The votes of a document's toponyms for the admin regions and countries (ISO alpha-2) their
/// readings lie in.
#[derive(Debug, Clone, Default)]
pub(super) struct HomeVotes {
    admin1: Tally<Admin1Key>,
    country: Tally<&'static str>,
}

/// One toponym's vote: its shares of admin regions and of countries, each summing to one.
#[derive(Debug, Clone, Default)]
pub(super) struct Ballot {
    admin1: Shares<Admin1Key>,
    country: Shares<&'static str>,
}

/// The home admin region and country (ISO alpha-2) of a document as one toponym sees it,
/// when one stands out.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct HomeRegion {
    pub(super) admin1: Option<Admin1Key>,
    pub(super) country: Option<&'static str>,
}

impl HomeVotes {
    /// The home region for the toponym that cast `ballot`, from the other names' votes.
    pub(super) fn home_without(&self, ballot: &Ballot) -> HomeRegion {
        HomeRegion {
            admin1: self.admin1.winner_without(&ballot.admin1),
            country: self.country.winner_without(&ballot.country),
        }
    }
}

/// How plausible a reading scoring `score` is beside the best reading of the same toponym,
/// scoring `top`: 1 for the best, falling exponentially with the gap.
pub(super) fn plausibility(score: f32, top: f32) -> f32 {
    (PLAUSIBILITY_SHARPNESS * (score - top)).exp()
}

/// Adds `weight` to the share of `region` in `shares`.
fn add<K: PartialEq>(shares: &mut Shares<K>, region: K, weight: f32) {
    match shares.iter_mut().find(|(k, _)| *k == region) {
        Some((_, w)) => *w += weight,
        None => shares.push((region, weight)),
    }
}

/// Scales `shares` to sum to one.
fn normalised<K>(mut shares: Shares<K>) -> Shares<K> {
    let total: f32 = shares.iter().map(|(_, w)| w).sum();
    if total > 0.0 {
        shares.iter_mut().for_each(|(_, w)| *w /= total);
    }
    shares
}

/// The admin region and country of a reading; a country reading has no admin region, a
/// continent or named region neither.
fn region_of(gazetteer: &Gazetteer, kind: EntryKind) -> (Option<Admin1Key>, Option<&'static str>) {
    match kind {
        EntryKind::Place(i) => {
            let p = &gazetteer.places()[i];
            (Some((p.country_code, p.admin1_code)), Some(p.country_code))
        }
        EntryKind::Admin1(i) => {
            let a = &gazetteer.admin1()[i];
            let key = a.code.split_once('.').unwrap_or((a.code, ""));
            (Some(key), Some(a.country_code()))
        }
        EntryKind::Country(i) => (None, Some(gazetteer.countries()[i].iso2)),
        EntryKind::Region(_) | EntryKind::Demonym(_) => (None, None),
    }
}

/// The ballot of a toponym with the readings `candidates` (best first).
fn ballot(gazetteer: &Gazetteer, candidates: &[Candidate]) -> Ballot {
    let top = candidates.first().map_or(0.0, |c| c.score);
    let mut admin1 = Vec::new();
    let mut country = Vec::new();
    for c in candidates {
        let weight = plausibility(c.score, top);
        if weight < MIN_SHARE_PLAUSIBILITY {
            // Readings come best first: the rest are less plausible still.
            break;
        }
        let (a, cc) = region_of(gazetteer, c.kind);
        if let Some(a) = a {
            add(&mut admin1, a, weight);
        }
        if let Some(cc) = cc {
            add(&mut country, cc, weight);
        }
    }
    Ballot {
        admin1: normalised(admin1),
        country: normalised(country),
    }
}

/// The votes of a document whose toponyms have the context-free readings `readings` (best
/// first), and each toponym's ballot; a name written several times votes once.
pub(super) fn home_votes(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    readings: &[Vec<Candidate>],
) -> (HomeVotes, Vec<Ballot>) {
    let mut votes = HomeVotes::default();
    let mut seen = FxHashSet::default();
    let ballots: Vec<Ballot> = readings.iter().map(|c| ballot(gazetteer, c)).collect();
    for (t, b) in toponyms.iter().zip(&ballots) {
        if seen.insert((t.folded.as_str(), t.fixed)) {
            votes.admin1.vote(&b.admin1);
            votes.country.vote(&b.country);
        }
    }
    votes.admin1.close();
    votes.country.close();
    (votes, ballots)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The winner for the name `own` among `names`, each a list of (region, share).
    fn winner(names: &[&[(&'static str, f32)]], own: usize) -> Option<&'static str> {
        let ballots: Vec<Shares<&str>> = names.iter().map(|n| normalised(n.to_vec())).collect();
        let mut t = Tally::default();
        for b in &ballots {
            t.vote(b);
        }
        t.close();
        t.winner_without(&ballots[own])
    }

    #[test]
    fn the_other_names_make_the_home_region() {
        // "Paris" (FR mostly, some TN and TX) beside "Dallas" (TX mostly): Texas.
        let names: &[&[(&str, f32)]] = &[
            &[("FR.11", 0.9), ("US.TN", 0.05), ("US.TX", 0.05)],
            &[("US.TX", 0.9), ("US.GA", 0.1)],
        ];
        assert_eq!(winner(names, 0), Some("US.TX"));
        // "Dallas" sees France from "Paris": its own reading still decides (it is not asked
        // to vote for itself), and the prior for France does not touch a Texan reading.
        assert_eq!(winner(names, 1), Some("FR.11"));
    }

    #[test]
    fn a_name_alone_or_split_votes_make_no_home_region() {
        assert_eq!(winner(&[&[("US.TN", 1.0)]], 0), None);
        // "Springfield" split four ways gives no region half a vote.
        let names: &[&[(&str, f32)]] = &[
            &[("US.TN", 1.0)],
            &[
                ("US.IL", 0.3),
                ("US.MA", 0.3),
                ("US.MO", 0.2),
                ("US.OH", 0.2),
            ],
        ];
        assert_eq!(winner(names, 0), None);
        // A tie is no winner.
        let tie: &[&[(&str, f32)]] = &[
            &[("US.TN", 1.0)],
            &[("US.TN", 0.5), ("US.TX", 0.5)],
            &[("US.TX", 1.0)],
        ];
        assert_eq!(winner(tie, 1), None);
    }

    #[test]
    fn a_name_does_not_vote_for_its_own_reading() {
        // "Mexico" (the country, and Mexico City by an alternate name) and "Mexico City":
        // "Mexico" sees Mexico City's region from the other name only.
        let names: &[&[(&str, f32)]] = &[&[("MX.09", 1.0)], &[("MX.09", 1.0)]];
        assert_eq!(winner(names, 0), Some("MX.09"));
        assert_eq!(winner(&names[..1], 0), None);
    }
}
