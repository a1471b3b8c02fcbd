//! The document context of disambiguation: which countries, admin regions and named regions
//! a text names, from its toponyms' best readings, its [home region](super::home), and the
//! boost each reading gets from them. Used by [`resolve`](super::resolve) in two rounds.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Candidate, Context, EntryKind, Gazetteer};

use super::home::{Admin1Key, HomeRegion};
use super::mention::Toponym;

/// Added to a town or region in a country the document names: less than the gap between a
/// provincial capital of 500,000 and a village, so "Herat ... Iran" stays in Afghanistan.
const COUNTRY_BOOST: f32 = 0.75;
/// Added to a town in an admin region the document names ("Paris ... Texas").
const ADMIN1_BOOST: f32 = 0.5;
/// Added to an admin region the document names by another of its names ("CAMP MURRAY, Wash.
/// ... at home in Washington"): as much as a country named lends its own towns, which lifts
/// the state (1.2) over the capital (1.8) that its neighbours' "D.C." also favours.
const SELF_NAMED_ADMIN1_BOOST: f32 = COUNTRY_BOOST;
/// Added to a town or region in the document's home country when the text does not name it:
/// less than [`COUNTRY_BOOST`], as the home country is inferred, not read.
const HOME_COUNTRY_BOOST: f32 = 0.5;
/// Added to a town in the document's home admin region when the text does not name it. With
/// [`HOME_COUNTRY_BOOST`] it lifts a county seat of 10,000 (Paris, Tennessee) over a
/// same-named capital abroad, but not over a same-named country (Lebanon).
const HOME_ADMIN1_BOOST: f32 = 0.5;
/// Added to a town or area in a member country of a named multi-country region ("Sahel",
/// "Central Asia") when the text names neither that country nor the home country: a region
/// is weaker evidence than a country, as it holds many.
const REGION_BOOST: f32 = 0.25;
/// Readings considered per toponym; the rest are villages no reader thinks of.
pub(super) const MAX_CANDIDATES: usize = 12;

/// The boost a reading gets from the areas the document names; an area that only `own` (the
/// toponym's own folded name) put in the context does not count, so "Georgia" does not vote
/// for itself. `rivals_country` is true when the same name is also a country other than the
/// reading's own, `yields_to_namesake` when the reading is an admin region whose seat,
/// metropolis or own country the same name also reads as ("Odesa", "New York", "Mexico").
fn context_boost(
    gazetteer: &Gazetteer,
    kind: EntryKind,
    document: &DocumentContext,
    home: &HomeRegion,
    own: &str,
    rivals_country: bool,
    yields_to_namesake: bool,
) -> f32 {
    let named = |code: &str| document.named_besides(code, own);
    let mut boost = 0.0;
    let country = gazetteer.country_of(kind);
    if country.is_some_and(|cc| document.names_country_besides(cc, own)) {
        boost += COUNTRY_BOOST;
        // A state of the country the text is about beats a same-named country ("Georgia").
        if rivals_country && matches!(kind, EntryKind::Admin1(_)) {
            boost += COUNTRY_BOOST;
        }
    } else if country.is_some() && country == home.country {
        boost += HOME_COUNTRY_BOOST;
    } else if country.is_some_and(|cc| document.region_holds(gazetteer, cc)) {
        boost += REGION_BOOST;
    }
    let named_admin1 = match kind {
        EntryKind::Place(i) => {
            let p = &gazetteer.places()[i];
            document
                .admin1
                .get(&(p.country_code, p.admin1_code))
                .is_some_and(|code| named(code))
        }
        // "Wales and Scotland", "in England and Wales": a text that names a country's regions
        // reads a name that is also one of them as that region, not as a village (Wales,
        // South Yorkshire) in a region it names. Not a region named like its seat or its
        // country: "Odesa" beside "the Donetsk region" is the city, as the gazetteer ranks it,
        // and "Mexico" after "Guanajuato state" the country.
        EntryKind::Admin1(i) => {
            !yields_to_namesake && document.names_sibling_admin1(gazetteer.admin1()[i].code)
        }
        _ => false,
    };
    // "CAMP MURRAY, Wash. - ... at home in Washington": the text names this very state by
    // another of its names (an abbreviation), so its full name is the state too.
    if let EntryKind::Admin1(i) = kind {
        let code = gazetteer.admin1()[i].code;
        if document.names_admin1(code) && named(code) {
            boost += SELF_NAMED_ADMIN1_BOOST;
        }
    }
    if named_admin1 {
        boost += ADMIN1_BOOST;
    } else if home
        .admin1
        .is_some_and(|h| agrees_with_admin1(gazetteer, kind, h))
    {
        boost += HOME_ADMIN1_BOOST;
        // "Georgia ... near Valdosta": the state the other places lie in beats the country
        // of its name, as when the text names the state's country.
        if rivals_country && matches!(kind, EntryKind::Admin1(_)) {
            boost += COUNTRY_BOOST;
        }
    }
    boost
}

/// True when a reading lies in the admin region `(country, admin1)`, is it, or is the
/// country that holds it: every reading the region agrees with gets its prior, so that it
/// never tips a country ("Mexico") towards a town of the same name inside it.
fn agrees_with_admin1(gazetteer: &Gazetteer, kind: EntryKind, region: Admin1Key) -> bool {
    let (country, admin1) = region;
    match kind {
        EntryKind::Place(i) => {
            let p = &gazetteer.places()[i];
            p.country_code == country && p.admin1_code == admin1
        }
        EntryKind::Admin1(i) => gazetteer.admin1()[i].code.split_once('.') == Some(region),
        EntryKind::Country(i) => gazetteer.countries()[i].iso2 == country,
        EntryKind::Region(_) | EntryKind::Demonym(_) => false,
    }
}

/// The areas a document names, and for each area code named by one name only, that name.
///
/// Sets, not lists: a long text names the same areas thousands of times, and every reading of
/// every toponym asks whether its country and admin region are among them.
pub(super) struct DocumentContext {
    /// ISO alpha-2 codes of the countries named.
    countries: FxHashSet<&'static str>,
    /// `CC.XX` codes of the admin regions named, by (country, admin1 code).
    admin1: FxHashMap<Admin1Key, &'static str>,
    /// How many admin regions of each country (ISO alpha-2) are named.
    admin1_per_country: FxHashMap<&'static str, usize>,
    /// For an area code named by one name only, that name; an empty string once two names
    /// name it.
    sole: FxHashMap<&'static str, String>,
    /// Rows of [`Gazetteer::regions`] named (continents and multi-country regions).
    regions: FxHashSet<usize>,
}

impl DocumentContext {
    /// The areas of `hint`, named by no toponym.
    fn new(hint: &Context) -> Self {
        let mut document = DocumentContext {
            countries: FxHashSet::default(),
            admin1: FxHashMap::default(),
            admin1_per_country: FxHashMap::default(),
            sole: FxHashMap::default(),
            regions: hint.regions.iter().copied().collect(),
        };
        document.countries.extend(hint.countries.iter().copied());
        hint.admin1
            .iter()
            .for_each(|&code| document.add_admin1(code));
        document
    }

    /// True when the document names the country `iso2`.
    pub(super) fn names_country(&self, iso2: &str) -> bool {
        self.countries.contains(iso2)
    }

    /// True when the document names the country `iso2` through some name other than `own`
    /// (folded): a lone "Michael" that reads as a sheading of the Isle of Man does not put the
    /// Isle of Man in its own context.
    pub(super) fn names_country_besides(&self, iso2: &str, own: &str) -> bool {
        self.names_country(iso2) && self.named_besides(iso2, own)
    }

    /// False when only the toponym `own` (folded) put the area `code` in the context.
    fn named_besides(&self, code: &str, own: &str) -> bool {
        self.sole.get(code).is_none_or(|name| name != own)
    }

    /// True when a named region holds the country `iso2`.
    fn region_holds(&self, gazetteer: &Gazetteer, iso2: &str) -> bool {
        self.regions
            .iter()
            .any(|&r| gazetteer.regions()[r].contains_country(iso2))
    }

    /// True when the document names the admin region `code` (`CC.XX`).
    fn names_admin1(&self, code: &str) -> bool {
        code.split_once('.')
            .is_some_and(|key| self.admin1.contains_key(&key))
    }

    /// Adds the admin region `code` (`CC.XX`) to the areas named.
    fn add_admin1(&mut self, code: &'static str) {
        if let Some(key) = code.split_once('.') {
            if self.admin1.insert(key, code).is_none() {
                *self.admin1_per_country.entry(key.0).or_default() += 1;
            }
        }
    }

    /// True when the document names an admin region of the same country as `code` (`CC.XX`)
    /// other than `code` itself.
    fn names_sibling_admin1(&self, code: &str) -> bool {
        code.split_once('.').is_some_and(|key| {
            let named = self.admin1_per_country.get(key.0).copied().unwrap_or(0);
            named > usize::from(self.admin1.contains_key(&key))
        })
    }

    /// Records that the toponym `name` names the area `code`.
    fn note(&mut self, code: &'static str, name: &str) {
        match self.sole.get(code) {
            Some(n) if n != name => {
                self.sole.insert(code, String::new());
            }
            None if !self.countries.contains(code) && !self.names_admin1(code) => {
                self.sole.insert(code, name.to_owned());
            }
            _ => {}
        }
    }
}

/// The document context: `hint` plus every area the toponyms most likely name, from their
/// best readings. A county ("Laurel County") names its country, and its state when no other
/// county shares the name.
///
/// # Runtime
/// O(t) hash-set insertions for t toponyms, however often the text repeats an area.
pub(super) fn document_context(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    readings: &[Vec<Candidate>],
    hint: &Context,
) -> DocumentContext {
    let mut document = DocumentContext::new(hint);
    for (t, top) in toponyms.iter().zip(readings) {
        let name = t.folded.as_str();
        match top.first().map(|c| c.kind) {
            Some(EntryKind::Country(i)) => {
                let cc = gazetteer.countries()[i].iso2;
                document.note(cc, name);
                document.countries.insert(cc);
            }
            Some(EntryKind::Admin1(i)) => {
                let a = &gazetteer.admin1()[i];
                document.note(a.code, name);
                document.note(a.country_code(), name);
                document.add_admin1(a.code);
                document.countries.insert(a.country_code());
            }
            Some(EntryKind::Region(i)) => {
                document.regions.insert(i);
            }
            Some(EntryKind::Place(i)) if gazetteer.places()[i].is_county() => {
                let p = &gazetteer.places()[i];
                let counties = top.iter().filter(
                    |c| matches!(c.kind, EntryKind::Place(j) if gazetteer.places()[j].is_county()),
                );
                if let Some(a) = gazetteer.admin1_of(p).filter(|_| counties.count() == 1) {
                    document.note(a.code, name);
                    document.add_admin1(a.code);
                }
                document.note(p.country_code, name);
                document.countries.insert(p.country_code);
            }
            _ => {}
        }
    }
    document
}

/// Adds the document's boosts to every reading (from `base`, the context-free readings, with
/// `homes`, the home region each toponym sees) and sorts each toponym's readings best first.
pub(super) fn boosted(
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    base: &[Vec<Candidate>],
    homes: &[HomeRegion],
    document: &DocumentContext,
) -> Vec<Vec<Candidate>> {
    toponyms
        .iter()
        .zip(base)
        .zip(homes)
        .map(|((t, readings), home)| {
            // A country the same name reads as, besides the one that holds `kind`: Georgia
            // the country rivals the US state, Mexico the country does not rival México state.
            let rivals_country = |kind: EntryKind| {
                readings.iter().any(|r| {
                    matches!(r.kind, EntryKind::Country(_))
                        && gazetteer.country_of(r.kind) != gazetteer.country_of(kind)
                })
            };
            let yields_to_namesake = |kind: EntryKind| match kind {
                EntryKind::Admin1(i) => readings.iter().any(|r| match r.kind {
                    EntryKind::Place(p) => {
                        gazetteer.places()[p].is_namesake_town_of(gazetteer.admin1()[i].code)
                    }
                    EntryKind::Country(_) => {
                        gazetteer.country_of(r.kind) == gazetteer.country_of(kind)
                    }
                    _ => false,
                }),
                _ => false,
            };
            let mut c = readings.clone();
            for candidate in &mut c {
                candidate.score += context_boost(
                    gazetteer,
                    candidate.kind,
                    document,
                    home,
                    &t.folded,
                    rivals_country(candidate.kind),
                    yields_to_namesake(candidate.kind),
                );
            }
            c.sort_by(|a, b| b.score.total_cmp(&a.score));
            c.truncate(MAX_CANDIDATES);
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;

    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::load().unwrap());

    /// The lists `DocumentContext` replaced: one entry per naming toponym, scanned on every
    /// question, and the sole names kept by the same rule.
    struct Listed {
        countries: Vec<&'static str>,
        admin1: Vec<&'static str>,
        sole: FxHashMap<&'static str, String>,
    }

    impl Listed {
        fn note(&mut self, code: &'static str, name: &str) {
            match self.sole.get(code) {
                Some(n) if n != name => {
                    self.sole.insert(code, String::new());
                }
                None if !self.countries.contains(&code) && !self.admin1.contains(&code) => {
                    self.sole.insert(code, name.to_owned());
                }
                _ => {}
            }
        }
    }

    fn listed(gazetteer: &Gazetteer, named: &[(String, EntryKind)], hint: &Context) -> Listed {
        let mut l = Listed {
            countries: hint.countries.clone(),
            admin1: hint.admin1.clone(),
            sole: FxHashMap::default(),
        };
        for (name, kind) in named {
            match *kind {
                EntryKind::Country(i) => {
                    let cc = gazetteer.countries()[i].iso2;
                    l.note(cc, name);
                    l.countries.push(cc);
                }
                EntryKind::Admin1(i) => {
                    let a = &gazetteer.admin1()[i];
                    l.note(a.code, name);
                    l.note(a.country_code(), name);
                    l.admin1.push(a.code);
                    l.countries.push(a.country_code());
                }
                EntryKind::Place(i) => {
                    // A county, the only reading of its name.
                    let p = &gazetteer.places()[i];
                    if let Some(a) = gazetteer.admin1_of(p) {
                        l.note(a.code, name);
                        l.admin1.push(a.code);
                    }
                    l.note(p.country_code, name);
                    l.countries.push(p.country_code);
                }
                _ => {}
            }
        }
        l
    }

    /// A reading of each kind the document context takes from: country, admin region, county.
    fn reading() -> impl Strategy<Value = EntryKind> {
        let g = &*GAZETTEER;
        let counties: Vec<usize> = (0..g.places().len())
            .filter(|&i| g.places()[i].is_county())
            .collect();
        prop_oneof![
            (0..g.countries().len()).prop_map(EntryKind::Country),
            (0..g.admin1().len()).prop_map(EntryKind::Admin1),
            proptest::sample::select(counties).prop_map(EntryKind::Place),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Regression (long texts naming the same areas thousands of times): the sets answer
        /// every country, admin region and sole name exactly as the scanned lists did.
        #[test]
        fn sets_answer_as_the_scanned_lists(
            named in proptest::collection::vec((0..4usize, reading()), 0..60),
            hint in proptest::collection::vec(reading(), 0..3),
        ) {
            let g = &*GAZETTEER;
            let named: Vec<(String, EntryKind)> =
                named.into_iter().map(|(n, k)| (format!("name{n}"), k)).collect();
            let mut hint_context = Context::default();
            for kind in hint {
                match kind {
                    EntryKind::Admin1(i) => hint_context.admin1.push(g.admin1()[i].code),
                    kind => hint_context.countries.extend(g.country_of(kind)),
                }
            }
            let toponyms: Vec<Toponym> = named
                .iter()
                .map(|(name, _)| Toponym {
                    first: 0,
                    end: 1,
                    folded: name.clone(),
                    variant: false,
                    cued: false,
                    fixed: None,
                    bare_county: false,
                    areas_only: false,
                    written_as_word: false,
                })
                .collect();
            let readings: Vec<Vec<Candidate>> = named
                .iter()
                .map(|&(_, kind)| vec![Candidate { kind, alternate: false, score: 0.0 }])
                .collect();
            let document = document_context(g, &toponyms, &readings, &hint_context);
            let lists = listed(g, &named, &hint_context);
            for c in g.countries() {
                prop_assert_eq!(document.names_country(c.iso2), lists.countries.contains(&c.iso2));
            }
            for a in g.admin1() {
                let key = a.code.split_once('.').unwrap();
                let scanned = lists.admin1.iter().find(|c| c.split_once('.') == Some(key));
                prop_assert_eq!(document.admin1.get(&key), scanned);
            }
            prop_assert_eq!(&document.sole, &lists.sole);
        }
    }

    /// The country of the last mention of `text`, resolved with `hint`.
    fn last_country(text: &str, hint: &Context) -> Option<String> {
        let mentions = crate::geoparse::geoparse_with_context(&GAZETTEER, text, hint).unwrap();
        mentions.last()?.location.anchor.country_code.clone()
    }

    #[test]
    fn a_named_region_leans_a_town_towards_its_member_countries() {
        let town = "Clashes broke out in Valencia on Monday.";
        // Alone, the larger Valencia (Venezuela) wins on population.
        assert_eq!(
            last_country(town, &Context::default()).as_deref(),
            Some("VE")
        );
        let in_europe = format!("Across Europe protests spread. {town}");
        assert_eq!(
            last_country(&in_europe, &Context::default()).as_deref(),
            Some("ES")
        );
        let europe = GAZETTEER
            .regions()
            .iter()
            .position(|r| r.name == "Europe")
            .unwrap();
        let hint = Context {
            regions: vec![europe],
            ..Context::default()
        };
        assert_eq!(last_country(town, &hint).as_deref(), Some("ES"));
    }

    #[test]
    fn a_name_shared_by_a_country_and_one_of_its_regions_is_the_country_beside_another_region() {
        let feature_codes = |text: &str| -> Vec<String> {
            crate::geoparse::geoparse(&GAZETTEER, text)
                .unwrap()
                .into_iter()
                .map(|m| m.location.anchor.feature_code)
                .collect()
        };
        // México is also a state of Mexico: beside Guanajuato state the name is the country,
        // as a sibling region does not make it a region (it does for "Wales and Scotland").
        assert_eq!(
            feature_codes("Cartel gunmen killed 12 people in Guanajuato state, Mexico."),
            ["ADM1", "PCLI"]
        );
        // Georgia the US state still beats Georgia the country in a text about the US.
        assert_eq!(
            feature_codes("Storms hit Florida and Georgia, the US weather service said.")[..2],
            ["ADM1", "ADM1"]
        );
    }

    #[test]
    fn a_state_the_text_names_by_its_abbreviation_is_the_state_by_its_full_name_too() {
        let text = "CAMP MURRAY, Wash. - The team is at home in Washington. Trips to Alaska, \
                    Hawaii, Florida and Washington, D.C. followed.";
        let mentions = crate::geoparse::geoparse(&GAZETTEER, text).unwrap();
        let home = mentions
            .iter()
            .find(|m| m.text == "Washington")
            .expect("Washington is found");
        assert_eq!(home.location.anchor.feature_code, "ADM1");
        assert_eq!(home.location.anchor.name, "Washington");
    }
}
