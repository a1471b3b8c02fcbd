//! Look-up by name: folded-name candidates, ranked statically and by context, and the
//! *Location* each candidate stands for.

use super::entry::{Entry, EntryKind};
use super::{
    Gazetteer, GazetteerError, Place, RegionKind, article_free_fold, code_key, fold, loosen, rank,
};
use crate::index::point_distance_km;
use crate::location::{Anchor, Location, Precision};
use geo::Point;

/// The longest description (bytes) `lookup` accepts; real place descriptions are far shorter.
pub const MAX_QUERY_BYTES: usize = 512;
/// Added when a candidate lies in a country the context names.
const COUNTRY_CONTEXT_BOOST: f32 = 3.0;
/// Added when a candidate lies in an admin region the context names ("Paris, Texas").
const ADMIN1_CONTEXT_BOOST: f32 = 2.0;
/// Added when a candidate lies in a named region the context names ("Tripoli, Middle East").
const REGION_CONTEXT_BOOST: f32 = 1.0;
/// How far (km) beyond the edge of the country or region a description names a town may lie
/// and still be the one meant: writers qualify loosely ("Belfast, Ireland" names the island),
/// but a town a continent away ("Sydney, Canada" read as Sydney, Australia) is a namesake,
/// and the area itself is the honest answer.
const QUALIFIER_SLACK_KM: f64 = 300.0;
/// How alike (normalised Damerau-Levenshtein, 1 = equal) a spelling variant must be to a
/// recorded spelling, both article-free and folded: about one edit in five letters ("Bulo
/// Burde" and "Bulo Berde" are 0.89 alike), a swap of two letters, the commonest typo,
/// counting as one ("Britian").
const MIN_VARIANT_SIMILARITY: f64 = 0.8;
/// The words (folded: lower case, appended without a space) that close a second-level admin
/// area's name: US counties ("DeKalb County") and Louisiana's parishes ("Pointe Coupee Parish").
const COUNTY_WORDS: [&str; 2] = ["county", "parish"];

/// Countries, admin regions and regions that constrain which of several same-named places is
/// meant: from the words after a comma ("Tripoli, Lebanon") or from the rest of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<&'static str>,
    /// `CC.XX` admin1 codes.
    pub admin1: Vec<&'static str>,
    /// Rows of [`Gazetteer::regions`].
    pub regions: Vec<usize>,
    /// Folded short words that may be admin1 codes ("tx" in "Paris, TX").
    pub admin1_abbreviations: Vec<String>,
    /// Rows of [`Gazetteer::places`] that are counties ("Richmond, North Yorkshire").
    pub counties: Vec<usize>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.admin1.is_empty()
            && self.regions.is_empty()
            && self.admin1_abbreviations.is_empty()
            && self.counties.is_empty()
    }
}

/// One ranked reading of a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub kind: EntryKind,
    /// True when the name matched an alias or alternate spelling.
    pub alternate: bool,
    /// Higher is more likely; only comparable between candidates of the same look-up.
    pub score: f32,
}

/// Rejects queries no place description looks like.
pub(crate) fn validate(query: &str) -> Result<(), GazetteerError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(GazetteerError::QueryTooLong {
            len: query.len(),
            max: MAX_QUERY_BYTES,
        });
    }
    if query.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(GazetteerError::ControlCharacters);
    }
    if !query.chars().any(char::is_alphanumeric) {
        return Err(GazetteerError::EmptyQuery);
    }
    Ok(())
}

/// False when two folded spellings differ so much in length that they cannot be
/// [`MIN_VARIANT_SIMILARITY`] alike: an edit distance is at least the difference in length,
/// and folded spellings are ASCII, one byte a letter. Spares most edit distances, as a record
/// lists dozens of spellings.
fn could_be_alike(a: &str, b: &str) -> bool {
    let longer = a.len().max(b.len()) as f64;
    longer == 0.0 || 1.0 - a.len().abs_diff(b.len()) as f64 / longer >= MIN_VARIANT_SIMILARITY
}

impl Gazetteer {
    /// Resolves the words of `text` (a country, admin region or region name) into a context.
    pub fn context_of(&self, text: &str) -> Context {
        let mut context = Context::default();
        self.extend_context(&mut context, &fold(text));
        context
    }

    /// Adds what the folded name `key` names to `context`.
    pub fn extend_context(&self, context: &mut Context, key: &str) {
        for entry in self.entries(key) {
            match entry.kind {
                EntryKind::Country(i) => context.countries.push(self.countries[i].iso2),
                EntryKind::Admin1(i) => context.admin1.push(self.admin1[i].code),
                EntryKind::Region(i) => context.regions.push(i),
                EntryKind::Place(i) if self.places[i].is_county() => context.counties.push(i),
                EntryKind::Place(_) | EntryKind::Demonym(_) => {}
            }
        }
        if (2..=3).contains(&key.len()) {
            context.admin1_abbreviations.push(key.to_owned());
        }
    }

    /// Ranked candidates for a place name, best first. A comma separates the name from its
    /// context: "Tripoli, Lebanon", "Paris, Texas", "Jalal-Abad, Kyrgyzstan".
    ///
    /// # Runtime
    /// One transducer walk per comma-separated part, then linear in the number of records
    /// sharing the name.
    pub fn lookup(&self, query: &str) -> Result<Vec<Candidate>, GazetteerError> {
        validate(query)?;
        let mut parts = query.split(',');
        let name = parts.next().unwrap_or_default();
        let mut context = Context::default();
        for part in parts {
            self.extend_context(&mut context, &fold(part));
        }
        let name = name.trim();
        let folded = fold(name);
        // A name in capitals may also be a place's code ("NYC", "LAX"); both readings rank
        // together, so "US" stays the country.
        let code = code_key(name).map(|key| self.entries(&key).collect::<Vec<_>>());
        let exact = self.rank(
            self.entries(&folded).chain(code.into_iter().flatten()),
            &context,
        );
        // "Rockingham, Northamptonshire": the area answers for a town it does not hold. A
        // best reading the context lifted lies in it already ("Tripoli, Lebanon").
        let outside = exact
            .first()
            .filter(|town| self.context_boost(town.kind, &context) == 0.0);
        if let Some(town) = outside
            && let Some(area) = query.rsplit_once(',').and_then(|(_, area)| {
                let area = self.candidates(&fold(area), &Context::default());
                area.first().map(|a| a.kind)
            })
            && self.lies_far_outside(town.kind, area)
        {
            return Ok(self.rank(
                std::iter::once(Entry {
                    kind: area,
                    alternate: false,
                }),
                &context,
            ));
        }
        if !exact.is_empty() {
            return Ok(exact);
        }
        // A people's name reads as the place it points to ("Kurdish": Kurdistan), or as none
        // ("Shia"), never as a town spelt like it ("Oromo" as Rome, "Fulani" as Vranje).
        if self.demonym(&folded).is_some() {
            let reading = self.demonym_reading(&folded).map(|kind| Entry {
                kind,
                alternate: true,
            });
            return Ok(self.rank(reading.into_iter(), &context));
        }
        // A transliteration variant must still be spelt like the name: a loose key alone
        // made "Oahu" The Hague ("A Haia") and "Philippine" Filipeni.
        Ok(self.close_variants(&article_free_fold(name), &context))
    }

    /// Ranked candidates (best first) for an already folded name, demonyms left out.
    pub fn candidates(&self, folded: &str, context: &Context) -> Vec<Candidate> {
        self.rank(self.entries(folded), context)
    }

    /// Ranked candidates (best first) for a county or parish named without its "County" or
    /// "Parish", as local news does once the area is known ("DeKalb" for DeKalb County):
    /// the counties whose name is `folded` followed by one of `COUNTY_WORDS`.
    ///
    /// # Runtime
    /// One transducer walk per county word.
    pub fn bare_county_candidates(&self, folded: &str, context: &Context) -> Vec<Candidate> {
        let mut key = String::with_capacity(folded.len() + "county".len());
        let mut entries = Vec::new();
        for word in COUNTY_WORDS {
            key.clear();
            key.push_str(folded);
            key.push_str(word);
            // The name without its county word is a short form, like an alternate name.
            entries.extend(
                self.entries(&key)
                    .filter(|e| matches!(e.kind, EntryKind::Place(i) if self.places[i].is_county()))
                    .map(|e| Entry {
                        alternate: true,
                        ..e
                    }),
            );
        }
        self.rank(entries.into_iter(), context)
    }

    /// Ranked candidates (best first) for a spelling variant of a name: the records that
    /// share the loose key of `article_free` (an [`article_free_fold`]) and have a spelling
    /// at least `MIN_VARIANT_SIMILARITY` alike to it. "Bulo Burde" finds "Bulo Berde", while
    /// "Mike Moore" does not find "Mukamira", whose loose key it shares. When some records
    /// spell the name exactly but for its articles ("Ras al-Ain" = "Ras el Ain", a name of
    /// Ra's al ‘Ayn, Syria), only they are kept: the others ("Rasin", a name of Rajin, North
    /// Korea) are other names that merely loosen alike. A variant keeps its first letter:
    /// the loose key reads every vowel alike, and "Anfield" (Liverpool's ground) is no
    /// misspelling of "Enfield".
    ///
    /// # Runtime
    /// One transducer walk, then an edit distance per spelling of each record sharing the key.
    pub fn close_variants(&self, article_free: &str, context: &Context) -> Vec<Candidate> {
        // (spelt exactly but for articles, spelt alike) for one entry; an edit distance only
        // until one spelling is alike, as it costs more than the fold.
        let likeness = |e: &Entry| {
            let mut alike = false;
            for spelling in self.spellings(e.kind) {
                let folded = article_free_fold(spelling);
                if folded == article_free {
                    return (true, true);
                }
                alike = alike
                    || folded.as_bytes().first() == article_free.as_bytes().first()
                        && could_be_alike(article_free, &folded)
                        && strsim::normalized_damerau_levenshtein(article_free, &folded)
                            >= MIN_VARIANT_SIMILARITY;
            }
            (false, alike)
        };
        let close: Vec<(Entry, bool)> = self
            .loose_entries(&loosen(article_free))
            .map(|e| (e, likeness(&e)))
            .filter(|&(_, (_, alike))| alike)
            .map(|(e, (exact, _))| (e, exact))
            .collect();
        let any_exact = close.iter().any(|&(_, exact)| exact);
        self.rank(
            close
                .into_iter()
                .filter(|&(_, exact)| exact || !any_exact)
                .map(|(e, _)| e),
            context,
        )
    }

    /// Every spelling the gazetteer records for an entry: a place's names and alternate
    /// names, a country's, region's or admin region's name and aliases.
    fn spellings(&self, kind: EntryKind) -> Vec<&'static str> {
        let (names, others): (Vec<&'static str>, &'static str) = match kind {
            EntryKind::Place(i) => {
                let p = &self.places[i];
                (vec![p.name, p.ascii_name], p.alternate_names)
            }
            EntryKind::Country(i) => (vec![self.countries[i].name], self.countries[i].aliases),
            EntryKind::Admin1(i) => (vec![self.admin1[i].name], self.admin1[i].aliases),
            EntryKind::Region(i) => (vec![self.regions[i].name], self.regions[i].aliases),
            EntryKind::Demonym(i) => (vec![self.demonyms[i].word], ""),
        };
        names
            .into_iter()
            .chain(others.split('|').filter(|s| !s.is_empty()))
            .collect()
    }

    /// Scores `entries` (demonyms left out) and sorts them best first.
    fn rank(&self, entries: impl Iterator<Item = Entry>, context: &Context) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = entries
            .filter(|e| !matches!(e.kind, EntryKind::Demonym(_)))
            .map(|e| {
                let place = match e.kind {
                    EntryKind::Place(i) => Some(&self.places[i]),
                    _ => None,
                };
                let tie_break = match e.kind {
                    EntryKind::Country(i) => rank::country_tie_break(self.countries[i].population),
                    _ => 0.0,
                };
                let score =
                    rank::static_score(e, place) + tie_break + self.context_boost(e.kind, context);
                Candidate {
                    kind: e.kind,
                    alternate: e.alternate,
                    score,
                }
            })
            .collect();
        self.penalise_shared_alternates(&mut out);
        self.prefer_seats_over_their_regions(&mut out);
        self.prefer_regions_over_small_towns_elsewhere(&mut out);
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// When a name is the main name of some towns and an alternate name of others ("Venice",
    /// an old name of Dayton, Ohio), news copy means a town it names: the towns reached
    /// through the alternate name lose a little more when they rank below one it names, or
    /// when it names a town readers know ("Philadelphia", an old name of Amman), and rank
    /// below a town of [`rank::NAMING_TOWN_POPULATION`] that it names.
    fn penalise_shared_alternates(&self, candidates: &mut [Candidate]) {
        // The towns this name is the main name of.
        let named_towns = || {
            candidates.iter().filter_map(|c| match c.kind {
                EntryKind::Place(i) if !c.alternate => Some(&self.places[i]),
                _ => None,
            })
        };
        let named_town_score = named_towns().map(rank::place_score).reduce(f32::max);
        let named_town_known = named_towns().any(Place::is_known_town);
        // A real town of the name outranks every place the name once meant or nicknames
        // ("Salisbury" is not Harare, "Garden City" not Singapore, "Batavia" not Jakarta).
        let real_town_score = named_towns()
            .filter(|p| p.population >= rank::NAMING_TOWN_POPULATION)
            .map(rank::place_score)
            .reduce(f32::max);
        for c in candidates.iter_mut() {
            if let EntryKind::Place(i) = c.kind {
                if c.alternate {
                    c.score -= rank::shared_alternate_penalty(
                        &self.places[i],
                        named_town_score,
                        named_town_known,
                    );
                    if let Some(real) = real_town_score {
                        c.score = c.score.min(real - rank::SEAT_MARGIN);
                    }
                }
            }
        }
    }

    /// When a name is both an admin region and the town that is its seat ("Raqqa", "Homs") or
    /// its metropolis ("New York", "Lagos"), news copy means the town: lift the town just
    /// above the region.
    fn prefer_seats_over_their_regions(&self, candidates: &mut [Candidate]) {
        let regions: Vec<(&str, f32)> = candidates
            .iter()
            .filter_map(|c| match c.kind {
                EntryKind::Admin1(i) => Some((self.admin1[i].code, c.score)),
                _ => None,
            })
            .collect();
        for c in candidates.iter_mut() {
            let EntryKind::Place(i) = c.kind else {
                continue;
            };
            let place = &self.places[i];
            for &(code, score) in &regions {
                if place.is_namesake_town_of(code) {
                    c.score = c.score.max(score + rank::SEAT_MARGIN);
                }
            }
        }
    }

    /// When a name is an admin region's own name and also a small town outside it
    /// ("Florida": the state, and a provincial seat of 33,000 in Uruguay), news copy means
    /// the region: the widest such region ranks first, and a town elsewhere below
    /// [`rank::REGION_OVER_TOWN_POPULATION`] that is no capital ranks below it. A seat of the
    /// region itself ("Homs"), which [`Self::prefer_seats_over_their_regions`] put above it,
    /// rises with it.
    fn prefer_regions_over_small_towns_elsewhere(&self, candidates: &mut [Candidate]) {
        let Some((widest, score)) = candidates
            .iter()
            .filter_map(|c| match c.kind {
                EntryKind::Admin1(i) if !c.alternate => Some((i, c.score)),
                _ => None,
            })
            .max_by(|a, b| {
                self.admin1[a.0]
                    .extent_km
                    .total_cmp(&self.admin1[b.0].extent_km)
            })
        else {
            return;
        };
        let code = self.admin1[widest].code;
        for c in candidates.iter_mut() {
            match c.kind {
                EntryKind::Admin1(i) if i == widest => c.score += rank::SEAT_MARGIN,
                // Its seat or metropolis keeps the lead the seat rule gave it ("Hama").
                EntryKind::Place(i) if self.places[i].is_namesake_town_of(code) => {
                    c.score += rank::SEAT_MARGIN;
                }
                EntryKind::Place(i) => {
                    let town = &self.places[i];
                    let small = !town.is_national_capital()
                        && town.population < rank::REGION_OVER_TOWN_POPULATION
                        && !town.lies_in_admin1(code);
                    if small && c.score > score {
                        c.score = score - rank::SEAT_MARGIN;
                    }
                }
                _ => {}
            }
        }
    }

    /// The demonym row for a folded word ("swiss"), if the word is one.
    pub fn demonym(&self, folded: &str) -> Option<&super::Demonym> {
        self.demonym_by_fold.get(folded).map(|&i| &self.demonyms[i])
    }

    /// The entry a demonym (a folded word, "welsh") points to: the country when its target is
    /// a country code ("Swiss": Switzerland), else the best reading of the region or admin
    /// region it names ("Welsh": Wales; "Chechen": Chechnya; "Central American": Central
    /// America); `None` for a word that is no demonym or a people with no place.
    pub fn demonym_reading(&self, folded: &str) -> Option<EntryKind> {
        let target = self.demonym(folded)?.target;
        if let Some(&i) = self.country_by_iso2.get(target) {
            return Some(EntryKind::Country(i));
        }
        self.candidates(&fold(target), &Context::default())
            .first()
            .map(|c| c.kind)
    }

    fn context_boost(&self, kind: EntryKind, context: &Context) -> f32 {
        if context.is_empty() {
            return 0.0;
        }
        let (country, admin1_code) = match kind {
            EntryKind::Place(i) => {
                let p = &self.places[i];
                (p.country_code, Some(p.admin1_code))
            }
            EntryKind::Admin1(i) => (self.admin1[i].country_code(), None),
            EntryKind::Country(i) => (self.countries[i].iso2, None),
            // A region of one country, such as an island ("Luzon, Philippines"), lies in the
            // country the context names, as a town there does; else a village of its name
            // would win. A region of several countries does not: "Andes, Colombia" is the
            // Colombian town, not the range.
            EntryKind::Region(i) => {
                let region = &self.regions[i];
                let within_named = region.kind == RegionKind::Region
                    && context.countries.contains(&region.members);
                return if within_named {
                    COUNTRY_CONTEXT_BOOST
                } else {
                    0.0
                };
            }
            EntryKind::Demonym(_) => return 0.0,
        };
        let mut boost = 0.0;
        if let EntryKind::Place(i) = kind {
            // A county is an admin region one order down, read by distance (see
            // `Place::holds`).
            if context
                .counties
                .iter()
                .any(|&c| self.places[c].holds(&self.places[i]))
            {
                boost += ADMIN1_CONTEXT_BOOST;
            }
        }
        if context.countries.contains(&country) {
            boost += COUNTRY_CONTEXT_BOOST;
        }
        if let Some(code) = admin1_code {
            let in_admin1 = context
                .admin1
                .iter()
                .any(|a| a.split_once('.') == Some((country, code)))
                || context
                    .admin1_abbreviations
                    .iter()
                    .any(|abbr| !code.is_empty() && abbr.eq_ignore_ascii_case(code));
            if in_admin1 {
                boost += ADMIN1_CONTEXT_BOOST;
            }
        }
        if context
            .regions
            .iter()
            .any(|&r| self.regions[r].contains_country(country))
        {
            boost += REGION_CONTEXT_BOOST;
        }
        boost
    }

    /// The *Location* a candidate stands for, answering `query`; `None` for a demonym, which
    /// names people, not a place.
    pub fn location(&self, query: &str, kind: EntryKind) -> Option<Location> {
        let (lat, lon, uncertainty_km, precision, anchor) = match kind {
            EntryKind::Place(i) => {
                let p = &self.places[i];
                let anchor = Anchor {
                    name: p.name.to_owned(),
                    geonameid: p.geonames_id(),
                    country_code: Some(p.country_code.to_owned()),
                    feature_code: p.feature_code.to_owned(),
                    lat: p.lat,
                    lon: p.lon,
                };
                let precision = if p.is_county() {
                    Precision::Region
                } else if p.is_venue() {
                    Precision::Near
                } else {
                    Precision::Exact
                };
                (p.lat, p.lon, p.radius_km(), precision, anchor)
            }
            EntryKind::Country(i) => {
                let c = &self.countries[i];
                let anchor = Anchor {
                    name: c.name.to_owned(),
                    geonameid: Some(c.geonameid),
                    country_code: Some(c.iso2.to_owned()),
                    feature_code: "PCLI".to_owned(),
                    lat: c.lat,
                    lon: c.lon,
                };
                (c.lat, c.lon, c.extent_km, Precision::Country, anchor)
            }
            EntryKind::Admin1(i) => {
                let a = &self.admin1[i];
                let anchor = Anchor {
                    name: a.name.to_owned(),
                    geonameid: None,
                    country_code: Some(a.country_code().to_owned()),
                    feature_code: "ADM1".to_owned(),
                    lat: a.lat,
                    lon: a.lon,
                };
                (a.lat, a.lon, a.extent_km, Precision::Region, anchor)
            }
            EntryKind::Region(i) => {
                let r = &self.regions[i];
                let precision = match r.kind {
                    RegionKind::Continent => Precision::Continent,
                    RegionKind::Region => Precision::Region,
                };
                let anchor = Anchor {
                    name: r.name.to_owned(),
                    geonameid: None,
                    country_code: self.country_of(kind).map(str::to_owned),
                    feature_code: r.feature_code.to_owned(),
                    lat: r.lat,
                    lon: r.lon,
                };
                (r.lat, r.lon, r.extent_km, precision, anchor)
            }
            EntryKind::Demonym(_) => return None,
        };
        Some(Location {
            query: query.to_owned(),
            lat,
            lon,
            uncertainty_km,
            precision,
            anchor,
            offset: None,
        })
    }

    /// True for an area: a country, an admin region, a named region or a county.
    pub fn is_area(&self, kind: EntryKind) -> bool {
        match kind {
            EntryKind::Place(i) => self.places[i].is_county(),
            _ => kind.is_named_area(),
        }
    }

    /// The country (ISO alpha-2) of a reading, when it has one: a named region has one when it
    /// is a part of one country ("Donbas", "the Midwest", "Luzon").
    pub fn country_of(&self, kind: EntryKind) -> Option<&'static str> {
        match kind {
            EntryKind::Place(i) => self.places.get(i).map(|p| p.country_code),
            EntryKind::Admin1(i) => self.admin1.get(i).map(|a| a.country_code()),
            EntryKind::Country(i) => self.countries.get(i).map(|c| c.iso2),
            EntryKind::Region(i) => self
                .regions
                .get(i)
                .filter(|r| r.kind == RegionKind::Region && !r.members.contains(','))
                .map(|r| r.members)
                .filter(|members| !members.is_empty()),
            EntryKind::Demonym(_) => None,
        }
    }

    /// True when `kind` lies in the country, admin region or county `area`: a country and an
    /// admin region hold their readings by code, a county its towns by extent (see
    /// [`Place::holds`](super::Place::holds)). A named region holds nothing here.
    pub fn lies_in(&self, kind: EntryKind, area: EntryKind) -> bool {
        match (area, kind) {
            (EntryKind::Place(a), EntryKind::Place(p)) => self.places[a].holds(&self.places[p]),
            (EntryKind::Country(c), _) => self.country_of(kind) == Some(self.countries[c].iso2),
            (EntryKind::Admin1(a), EntryKind::Place(p)) => {
                self.places[p].lies_in_admin1(self.admin1[a].code)
            }
            _ => false,
        }
    }

    /// True when `town` is a town (not an area) outside the `area` a description placed it
    /// in, so it is a namesake of the town meant. An admin region holds its towns by code or
    /// within its extent, a county by its extent (see [`Place::holds`](super::Place::holds));
    /// a country or a named region, which writers use loosely ("Belfast, Ireland"), only loses
    /// a town more than 300 km (`QUALIFIER_SLACK_KM`) beyond its extent.
    pub fn lies_far_outside(&self, town: EntryKind, area: EntryKind) -> bool {
        let EntryKind::Place(t) = town else {
            return false;
        };
        if !self.is_area(area) || self.is_area(town) || self.lies_in(town, area) {
            return false;
        }
        let place = &self.places[t];
        let beyond_slack = |lat: f64, lon: f64, extent_km: f64| {
            point_distance_km(Point::new(place.lon, place.lat), Point::new(lon, lat))
                > extent_km + QUALIFIER_SLACK_KM
        };
        match area {
            EntryKind::Country(c) => {
                let country = &self.countries[c];
                beyond_slack(country.lat, country.lon, country.extent_km)
            }
            EntryKind::Region(r) => {
                let region = &self.regions[r];
                beyond_slack(region.lat, region.lon, region.extent_km)
            }
            // An admin region that does not hold the town by code may still hold it on the
            // ground: Sevastopol is a region of its own inside Crimea.
            EntryKind::Admin1(a) => {
                let region = &self.admin1[a];
                point_distance_km(
                    Point::new(place.lon, place.lat),
                    Point::new(region.lon, region.lat),
                ) > region.extent_km
            }
            // A county that does not hold the town.
            _ => true,
        }
    }

    /// Resolves a place name (with optional context after a comma) to its best *Location*;
    /// `Ok(None)` when no record carries the name.
    pub fn geocode(&self, query: &str) -> Result<Option<Location>, GazetteerError> {
        Ok(self.geocode_reading(query)?.map(|(_, location)| location))
    }

    /// [`Gazetteer::geocode`], with the reading the location is of.
    pub fn geocode_reading(
        &self,
        query: &str,
    ) -> Result<Option<(EntryKind, Location)>, GazetteerError> {
        let candidates = self.lookup(query)?;
        Ok(candidates.iter().find_map(|c| {
            self.location(query.trim(), c.kind)
                .map(|location| (c.kind, location))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The country code and feature code of what `query` geocodes to.
    fn country_and_code(gazetteer: &Gazetteer, query: &str) -> (String, String) {
        let l = gazetteer.geocode(query).unwrap().unwrap();
        (l.anchor.country_code.unwrap(), l.anchor.feature_code)
    }

    #[test]
    fn a_region_beats_a_small_town_of_its_name_elsewhere_but_not_its_own_seat() {
        let gazetteer = Gazetteer::load().unwrap();
        let answer = |query: &str| country_and_code(&gazetteer, query);
        // Florida, Uruguay is a provincial seat of 33,000.
        assert_eq!(answer("Florida"), ("US".to_owned(), "ADM1".to_owned()));
        // The seat of the region of its name, and a city of a million, stay towns.
        assert_eq!(answer("Homs"), ("SY".to_owned(), "PPLA".to_owned()));
        assert_eq!(answer("Cordoba").1, "PPLA");
    }

    #[test]
    fn a_quarter_as_populous_as_a_city_ranks_as_one() {
        // Hollywood, Los Angeles (a PPLX of 167,664) before Hollywood, Florida (149,728).
        let gazetteer = Gazetteer::load().unwrap();
        let hollywood = gazetteer.geocode("Hollywood").unwrap().unwrap();
        assert_eq!(hollywood.anchor.feature_code, "PPLX");
        assert!(hollywood.lon < -118.0, "{hollywood:?}");
    }

    #[test]
    fn a_region_geonames_names_with_its_kind_lies_at_geonames_point_of_it() {
        // GeoNames calls them "State of New South Wales" (-33, 146) and "Estado de Baja
        // California" (30, -115); the centre of their towns lies by Sydney and Tijuana.
        let gazetteer = Gazetteer::load().unwrap();
        for (name, lat, lon) in [
            ("New South Wales", -33.0, 146.0),
            ("Baja California", 30.0, -115.0),
        ] {
            let region = gazetteer.geocode(name).unwrap().unwrap();
            assert_eq!(region.anchor.feature_code, "ADM1");
            let off_km = crate::index::point_distance_km(
                geo::Point::new(region.lon, region.lat),
                geo::Point::new(lon, lat),
            );
            assert!(off_km < 1.0, "{name}: {region:?}");
        }
    }

    #[test]
    fn korea_in_news_copy_is_south_korea_and_n_korea_the_north() {
        // "The Korea Baseball Organization", "exports from Korea": the Republic, not the
        // peninsula; the abbreviated North keeps its own name.
        let gazetteer = Gazetteer::load().unwrap();
        let country = |query: &str| country_and_code(&gazetteer, query);
        assert_eq!(country("Korea"), ("KR".to_owned(), "PCLI".to_owned()));
        assert_eq!(country("S. Korea").0, "KR");
        assert_eq!(country("N. Korea").0, "KP");
        let peninsula = gazetteer.geocode("the Korean Peninsula").unwrap().unwrap();
        assert_eq!(peninsula.anchor.feature_code, "PEN");
    }

    #[test]
    fn a_seat_ranks_strictly_above_its_region_though_the_region_is_widest() {
        // Hama is the main name of the governorate and an alternate name of its seat, Ḩamāh;
        // the governorate is also the widest region of the name, which lifts it too.
        let gazetteer = Gazetteer::load().unwrap();
        let readings = gazetteer.candidates(&fold("Hama"), &Context::default());
        let score_of = |seat: bool| {
            readings
                .iter()
                .find(|c| matches!(c.kind, EntryKind::Place(_)) == seat)
                .map(|c| c.score)
                .unwrap()
        };
        assert!(matches!(readings[0].kind, EntryKind::Place(i)
                if gazetteer.places()[i].is_capital() && gazetteer.places()[i].lies_in_admin1("SY.10")));
        assert!(score_of(true) > score_of(false));
    }

    #[test]
    fn an_area_after_a_comma_picks_its_town_or_answers_for_a_town_it_lacks() {
        let gazetteer = Gazetteer::load().unwrap();
        let answer = |query: &str| {
            let l = gazetteer.geocode(query).unwrap().unwrap();
            (l.anchor.name, l.anchor.country_code.unwrap(), l.precision)
        };
        assert_eq!(
            answer("Richmond, North Yorkshire"),
            ("Richmond".to_owned(), "GB".to_owned(), Precision::Exact)
        );
        assert_eq!(
            answer("Rockingham, Northamptonshire"),
            (
                "Northamptonshire".to_owned(),
                "GB".to_owned(),
                Precision::Region
            )
        );
        // A country is named loosely: Belfast lies on the island, not in the state.
        assert_eq!(
            answer("Belfast, Ireland"),
            ("Belfast".to_owned(), "GB".to_owned(), Precision::Exact)
        );
        // Without a qualifier the larger namesake stands.
        assert_eq!(answer("Rockingham").1, "AU");
    }

    #[test]
    fn an_arab_town_is_known_without_its_article_and_a_village_is_not() {
        let gazetteer = Gazetteer::load().unwrap();
        let names = |name: &str| {
            gazetteer
                .candidates(&fold(name), &Context::default())
                .first()
                .and_then(|c| match c.kind {
                    EntryKind::Place(i) => Some(gazetteer.places()[i].name),
                    _ => None,
                })
        };
        // A second-order seat whose population GeoNames does not record.
        assert_eq!(names("Qamishli"), Some("Al Qāmishlī"));
        assert_eq!(names("Hasakah"), Some("Al Ḩasakah"));
        // A village of the West Bank keeps its article: "Ittihad" is a football club.
        assert_eq!(names("Ittihad"), None);
        assert_eq!(names("Al Ittihad"), Some("Al Ittiḩād"));
    }

    #[test]
    fn a_name_means_the_towns_it_names_before_a_town_it_once_named() {
        let gazetteer = Gazetteer::load().unwrap();
        let ranked = |name: &str| -> Vec<(&str, &str)> {
            gazetteer
                .candidates(&fold(name), &Context::default())
                .into_iter()
                .filter_map(|c| match c.kind {
                    EntryKind::Place(i) => {
                        let p = &gazetteer.places()[i];
                        Some((p.name, p.admin1_code))
                    }
                    _ => None,
                })
                .collect()
        };
        // "Venice" is also a former name of Dayton, Ohio, smaller than Venice, Italy.
        let venice = ranked("Venice");
        let at = |town: (&str, &str)| venice.iter().position(|&t| t == town).unwrap();
        assert_eq!(venice[0].0, "Venice");
        assert!(at(("Dayton", "OH")) > at(("Venice", "FL")), "{venice:?}");
        // A former name of a bigger town keeps it: Bakhmut before the village Artemivsk.
        assert_eq!(ranked("Artemivsk")[0].0, "Bakhmut");
        // ... unless the name is that of a town readers know: Philadelphia was Amman's Greek
        // name, Victoria Hong Kong's capital and Franklinton Columbus's first name.
        assert_eq!(ranked("Philadelphia")[0], ("Philadelphia", "PA"));
        assert_eq!(ranked("Franklin")[0].0, "Franklin");
        let victoria = ranked("Victoria");
        assert_ne!(victoria[0].0, "Hong Kong", "{victoria:?}");
        // ... or a real town bears it: Salisbury was Harare's colonial name, "Garden City"
        // is Singapore's nickname, Batavia Jakarta's Dutch name; towns of 10,000 and more
        // still bear each. No sizeable town is called Bombay or Leningrad.
        for (name, not) in [
            ("Salisbury", "Harare"),
            ("Garden City", "Singapore"),
            ("Batavia", "Jakarta"),
        ] {
            assert_eq!(ranked(name)[0].0, name, "not {not}");
        }
        assert_eq!(ranked("Bombay")[0].0, "Mumbai");
        assert_eq!(ranked("Leningrad")[0].0, "Saint Petersburg");
    }

    #[test]
    fn a_demonym_points_to_its_country_or_to_its_region() {
        let gazetteer = Gazetteer::load().unwrap();
        let country = |word: &str| match gazetteer.demonym_reading(&fold(word)) {
            Some(EntryKind::Country(i)) => Some(gazetteer.countries()[i].iso2),
            Some(EntryKind::Admin1(i)) => Some(gazetteer.admin1()[i].country_code()),
            _ => None,
        };
        assert_eq!(country("Swiss"), Some("CH"));
        assert_eq!(country("Welsh"), Some("GB"));
        assert_eq!(country("Chechen"), Some("RU"));
    }

    /// The name of the best reading of `query`, of whatever kind.
    fn best(gazetteer: &Gazetteer, query: &str) -> Option<&'static str> {
        let candidates = gazetteer.lookup(query).unwrap();
        candidates.first().map(|c| match c.kind {
            EntryKind::Region(i) => gazetteer.regions()[i].name,
            EntryKind::Admin1(i) => gazetteer.admin1()[i].name,
            EntryKind::Country(i) => gazetteer.countries()[i].name,
            EntryKind::Place(i) => gazetteer.places()[i].name,
            EntryKind::Demonym(_) => "",
        })
    }

    #[test]
    fn a_transliteration_variant_must_be_spelt_like_the_name() {
        let gazetteer = Gazetteer::load().unwrap();
        let best = |query: &str| best(&gazetteer, query);
        assert_eq!(best("Qandahar"), Some("Kandahār"));
        // "Ras el Ain" is a name of Ra's al ‘Ayn (Syria); "Rasin", a name of Rajin (North
        // Korea), only loosens alike, and a city of 66,000 would outrank a district seat.
        let ras_al_ain = gazetteer.lookup("Ras al-Ain").unwrap();
        assert!(
            !ras_al_ain
                .iter()
                .any(|c| gazetteer.country_of(c.kind) == Some("KP"))
        );
        let in_syria = gazetteer.geocode("Ras al-Ain, Syria").unwrap().unwrap();
        assert_eq!(in_syria.anchor.name, "Ra’s al ‘Ayn");
        // "Jenin" is the English spelling of Janīn (West Bank, 35,000 people), listed among its
        // alternates, and as good as its main name: it outranks the Polish village of 1,100
        // that GeoNames names so.
        assert_eq!(best("Jenin"), Some("Janīn"));
        let britain = gazetteer.lookup("Britian").unwrap();
        assert!(matches!(
            britain.first().map(|c| c.kind),
            Some(EntryKind::Country(_))
        ));
        // "Oahu" shares a loose key with "A Haia" (The Hague) but is nothing like it: it is
        // the Hawaiian island, a named region, and no place at all.
        let oahu = gazetteer.lookup("Oahu").unwrap();
        assert!(matches!(
            oahu.first().map(|c| c.kind),
            Some(EntryKind::Region(_))
        ));
        assert!(!oahu.iter().any(|c| matches!(c.kind, EntryKind::Place(_))));
        // "Anfield" loosens like "Enfield" (London) but starts with another letter.
        assert_eq!(best("Anfield"), None);
        assert_eq!(best("Enfeild"), Some("Enfield Town"));
    }

    #[test]
    fn a_people_s_name_is_its_place_or_none_never_a_look_alike_town() {
        let gazetteer = Gazetteer::load().unwrap();
        let best = |query: &str| best(&gazetteer, query);
        assert_eq!(best("Fulani"), Some("Sahel"));
        assert_eq!(best("Oromo"), Some("Oromiya"));
        assert_eq!(best("Yoruba"), Some("Nigeria"));
        assert_eq!(best("Shia"), None);
    }

    #[test]
    fn a_code_among_alternate_names_matches_only_in_capitals() {
        let gazetteer = Gazetteer::load().unwrap();
        let best_place = |query: &str| best(&gazetteer, query);
        // Airport codes: Carúpano is "CUP", Los Angeles "LAX"; "Cup" is a word.
        assert_eq!(best_place("CUP"), Some("Carúpano"));
        assert_eq!(best_place("LAX"), Some("Los Angeles"));
        assert_eq!(best_place("Cup"), None);
        // A code ranks with the other readings: "US" stays the country.
        assert!(matches!(
            gazetteer.lookup("US").unwrap().first().map(|c| c.kind),
            Some(EntryKind::Country(_))
        ));
    }
}
