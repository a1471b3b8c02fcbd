//! The document context of disambiguation: which countries, admin regions and named regions
//! a text names, from its toponyms' best readings, and the boost each reading gets from them.
//! Used by [`resolve`](super::resolve) in two rounds.

use std::collections::HashMap;

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer};

use super::mention::Toponym;

/// Added to a town or region in a country the document names: less than the gap between a
/// provincial capital of 500,000 and a village, so "Herat ... Iran" stays in Afghanistan.
const COUNTRY_BOOST: f32 = 0.75;
/// Added to a town in an admin region the document names ("Paris ... Texas").
const ADMIN1_BOOST: f32 = 0.5;
/// Readings considered per toponym; the rest are villages no reader thinks of.
pub(super) const MAX_CANDIDATES: usize = 12;

/// The country (ISO alpha-2) of a reading, when it has one.
pub(super) fn country_of(gazetteer: &Gazetteer, kind: EntryKind) -> Option<&'static str> {
    match kind {
        EntryKind::Place(i) => gazetteer.places().get(i).map(|p| p.country_code),
        EntryKind::Admin1(i) => gazetteer.admin1().get(i).map(|a| a.country_code()),
        EntryKind::Country(i) => gazetteer.countries().get(i).map(|c| c.iso2),
        EntryKind::Region(_) | EntryKind::Demonym(_) => None,
    }
}

/// The boost a reading gets from the areas the document names; an area that only `own` (the
/// toponym's own folded name) put in the context does not count, so "Georgia" does not vote
/// for itself. `rivals_country` is true when the same name is also a country.
fn context_boost(
    gazetteer: &Gazetteer,
    kind: EntryKind,
    document: &DocumentContext,
    own: &str,
    rivals_country: bool,
) -> f32 {
    let named = |code: &str| document.sole.get(code).is_none_or(|name| name != own);
    let context = &document.context;
    let mut boost = 0.0;
    let country = country_of(gazetteer, kind).filter(|cc| context.countries.contains(cc));
    if country.is_some_and(named) {
        boost += COUNTRY_BOOST;
        // A state of the country the text is about beats a same-named country ("Georgia").
        if rivals_country && matches!(kind, EntryKind::Admin1(_)) {
            boost += COUNTRY_BOOST;
        }
    }
    if let EntryKind::Place(i) = kind {
        let p = &gazetteer.places()[i];
        let in_admin1 = context
            .admin1
            .iter()
            .any(|a| a.split_once('.') == Some((p.country_code, p.admin1_code)) && named(a));
        if in_admin1 {
            boost += ADMIN1_BOOST;
        }
    }
    boost
}

/// The areas a document names, and for each area code named by one name only, that name.
pub(super) struct DocumentContext {
    pub(super) context: Context,
    sole: HashMap<&'static str, String>,
}

impl DocumentContext {
    /// Records that the toponym `name` names the area `code`.
    fn note(&mut self, code: &'static str, name: &str) {
        match self.sole.get(code) {
            Some(n) if n != name => {
                self.sole.insert(code, String::new());
            }
            None if !self.context.countries.contains(&code)
                && !self.context.admin1.contains(&code) =>
            {
                self.sole.insert(code, name.to_owned());
            }
            _ => {}
        }
    }
}

/// The document context: `hint` plus every area the toponyms most likely name, from their
/// best readings. A county ("Laurel County") names its country, and its state when no other
/// county shares the name.
pub(super) fn document_context(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    readings: &[Vec<Candidate>],
    hint: &Context,
) -> DocumentContext {
    let mut document = DocumentContext {
        context: hint.clone(),
        sole: HashMap::new(),
    };
    for (t, top) in toponyms.iter().zip(readings) {
        let name = t.folded.as_str();
        match top.first().map(|c| c.kind) {
            Some(EntryKind::Country(i)) => {
                let cc = gazetteer.countries()[i].iso2;
                document.note(cc, name);
                document.context.countries.push(cc);
            }
            Some(EntryKind::Admin1(i)) => {
                let a = &gazetteer.admin1()[i];
                document.note(a.code, name);
                document.note(a.country_code(), name);
                document.context.admin1.push(a.code);
                document.context.countries.push(a.country_code());
            }
            Some(EntryKind::Place(i)) if gazetteer.places()[i].is_county() => {
                let p = &gazetteer.places()[i];
                let counties = top.iter().filter(
                    |c| matches!(c.kind, EntryKind::Place(j) if gazetteer.places()[j].is_county()),
                );
                if let Some(a) = gazetteer.admin1_of(p).filter(|_| counties.count() == 1) {
                    document.note(a.code, name);
                    document.context.admin1.push(a.code);
                }
                document.note(p.country_code, name);
                document.context.countries.push(p.country_code);
            }
            Some(EntryKind::Region(i)) => document.context.regions.push(i),
            _ => {}
        }
    }
    document
}

/// Adds the document's boosts to every reading (from `base`, the context-free readings) and
/// sorts each toponym's readings best first.
pub(super) fn boosted(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    base: &[Vec<Candidate>],
    document: &DocumentContext,
) -> Vec<Vec<Candidate>> {
    toponyms
        .iter()
        .zip(base)
        .map(|(t, readings)| {
            let rivals_country = readings
                .iter()
                .any(|x| matches!(x.kind, EntryKind::Country(_)));
            let mut c = readings.clone();
            for candidate in &mut c {
                candidate.score += context_boost(
                    gazetteer,
                    candidate.kind,
                    document,
                    &t.folded,
                    rivals_country,
                );
            }
            c.sort_by(|a, b| b.score.total_cmp(&a.score));
            c.truncate(MAX_CANDIDATES);
            c
        })
        .collect()
}
