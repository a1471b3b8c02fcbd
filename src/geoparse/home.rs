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

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::gazetteer::{Candidate, EntryKind, Gazetteer};

use super::mention::Toponym;

/// How sharply plausibility follows the readings' scores: a reading that scores 0.5 less than
/// the best (a town about 300 times smaller, or a village against a state capital) is e^4 ≈ 55
/// times less plausible.
const PLAUSIBILITY_SHARPNESS: f32 = 8.0;
/// The votes a home region needs from the other names: half of one name's vote.
const MIN_HOME_VOTES: f32 = 0.5;

/// Votes per region: the sum of the shares.
#[derive(Debug, Clone)]
struct Tally<K> {
    votes: HashMap<K, f32>,
}

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally {
            votes: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> Tally<K> {
    /// Adds one name's vote, already shared among regions.
    fn vote(&mut self, shares: &HashMap<K, f32>) {
        for (region, share) in shares {
            *self.votes.entry(region.clone()).or_insert(0.0) += share;
        }
    }

    /// The region with the most votes once `own` (the vote of the name asking) is taken out,
    /// when it has at least [`MIN_HOME_VOTES`] and no other region ties with it.
    ///
    /// # Runtime
    /// Linear in the number of regions voted for.
    fn winner_without(&self, own: &HashMap<K, f32>) -> Option<&K> {
        let mut best: Option<(&K, f32)> = None;
        let mut runner_up = 0.0f32;
        for (region, &votes) in &self.votes {
            let votes = votes - own.get(region).copied().unwrap_or(0.0);
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

/// The votes of a document's toponyms for the admin regions (`CC.XX`) and countries (ISO
/// alpha-2) their readings lie in.
#[derive(Debug, Clone, Default)]
pub(super) struct HomeVotes {
    admin1: Tally<String>,
    country: Tally<&'static str>,
}

/// One toponym's vote: its shares of admin regions and of countries, each summing to one.
#[derive(Debug, Clone, Default)]
pub(super) struct Ballot {
    admin1: HashMap<String, f32>,
    country: HashMap<&'static str, f32>,
}

/// The home admin region (`CC.XX`) and country (ISO alpha-2) of a document as one toponym
/// sees it, when one stands out.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct HomeRegion<'a> {
    pub(super) admin1: Option<&'a str>,
    pub(super) country: Option<&'static str>,
}

impl HomeVotes {
    /// The home region for the toponym that cast `ballot`, from the other names' votes.
    pub(super) fn home_without(&self, ballot: &Ballot) -> HomeRegion<'_> {
        HomeRegion {
            admin1: self
                .admin1
                .winner_without(&ballot.admin1)
                .map(String::as_str),
            country: self.country.winner_without(&ballot.country).copied(),
        }
    }
}

/// How plausible a reading scoring `score` is beside the best reading of the same toponym,
/// scoring `top`: 1 for the best, falling exponentially with the gap.
pub(super) fn plausibility(score: f32, top: f32) -> f32 {
    (PLAUSIBILITY_SHARPNESS * (score - top)).exp()
}

/// Scales `shares` to sum to one.
fn normalised<K>(mut shares: HashMap<K, f32>) -> HashMap<K, f32> {
    let total: f32 = shares.values().sum();
    if total > 0.0 {
        shares.values_mut().for_each(|s| *s /= total);
    }
    shares
}

/// The admin region code (`CC.XX`) and country of a reading; a country reading has no admin
/// region, a continent or named region neither.
fn region_of(gazetteer: &Gazetteer, kind: EntryKind) -> (Option<String>, Option<&'static str>) {
    match kind {
        EntryKind::Place(i) => {
            let p = &gazetteer.places()[i];
            (
                Some(format!("{}.{}", p.country_code, p.admin1_code)),
                Some(p.country_code),
            )
        }
        EntryKind::Admin1(i) => {
            let a = &gazetteer.admin1()[i];
            (Some(a.code.to_owned()), Some(a.country_code()))
        }
        EntryKind::Country(i) => (None, Some(gazetteer.countries()[i].iso2)),
        EntryKind::Region(_) | EntryKind::Demonym(_) => (None, None),
    }
}

/// The ballot of a toponym with the readings `candidates` (best first).
fn ballot(gazetteer: &Gazetteer, candidates: &[Candidate]) -> Ballot {
    let top = candidates.first().map_or(0.0, |c| c.score);
    let mut admin1 = HashMap::new();
    let mut country = HashMap::new();
    for c in candidates {
        let weight = plausibility(c.score, top);
        let (a, cc) = region_of(gazetteer, c.kind);
        if let Some(a) = a {
            *admin1.entry(a).or_insert(0.0) += weight;
        }
        if let Some(cc) = cc {
            *country.entry(cc).or_insert(0.0) += weight;
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
    let mut seen = HashSet::new();
    let ballots: Vec<Ballot> = readings.iter().map(|c| ballot(gazetteer, c)).collect();
    for (t, b) in toponyms.iter().zip(&ballots) {
        if seen.insert((t.folded.as_str(), t.fixed)) {
            votes.admin1.vote(&b.admin1);
            votes.country.vote(&b.country);
        }
    }
    (votes, ballots)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The winner for the name `own` among `names`, each a list of (region, share).
    fn winner(names: &[&[(&'static str, f32)]], own: usize) -> Option<&'static str> {
        let ballots: Vec<HashMap<&str, f32>> = names
            .iter()
            .map(|n| normalised(n.iter().copied().collect()))
            .collect();
        let mut t = Tally::default();
        for b in &ballots {
            t.vote(b);
        }
        t.winner_without(&ballots[own]).copied()
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
