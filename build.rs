//! Builds the gazetteer's name index at compile time, with no network.
//!
//! Reads the committed tables in `gazetteer/` and writes to `OUT_DIR`:
//! - `names.fst`: an `fst::Map` from every folded name to an offset into `postings.bin`; a
//!   place's alternate name that is a code in capitals ("CUP", "NYC") is stored under its
//!   `fold::code_key` instead, so that only a query in capitals reaches it;
//! - `loose.fst`: the same from loose transliteration keys (see `fold::loose_key`), all
//!   entries marked alternate;
//! - `postings.bin`: little-endian `u32` lists `[count, entry, entry, ...]`, where an entry packs
//!   the table it points into, whether it was reached through an alternate name, and the row.
//!
//! The entry layout is mirrored by `src/gazetteer/entry.rs`; both read the tables in file order,
//! skipping `#` header lines, so row numbers agree.

#[path = "src/gazetteer/fold.rs"]
mod fold;

use std::collections::{BTreeMap, HashSet};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

const KIND_SHIFT: u32 = 29;
const ALTERNATE_BIT: u32 = 1 << 28;
const KIND_PLACE: u32 = 0;
const KIND_COUNTRY: u32 = 1;
const KIND_ADMIN1: u32 = 2;
const KIND_REGION: u32 = 3;
const KIND_DEMONYM: u32 = 4;

/// Words that name the kind of an admin region and that English copy drops or adds freely
/// ("Khatlon Province" = "Khatlon"), stripped to give an extra alternate name.
const ADMIN_SUFFIXES: &[&str] = &[
    " Province",
    " Region",
    " Oblast",
    " Governorate",
    " District",
    " Prefecture",
    " State",
    " Department",
    " Municipality",
    " County",
    " Krai",
    " Republic",
];

/// Compass adjectives that begin GeoNames' names of admin regions, and the nouns copy writes
/// for them: GeoNames has "Northern Darfur", news copy "North Darfur". Each shorter form is
/// indexed as an alternate name where no other name is spelt so ("North Kivu" is its own),
/// unless all that follows the adjective is a kind word ("Eastern Province").
const COMPASS_ADJECTIVES: &[(&str, &str)] = &[
    ("Northern ", "North "),
    ("Southern ", "South "),
    ("Eastern ", "East "),
    ("Western ", "West "),
];

/// The kind words that copy adds to an admin region's bare name ("Helmand Province", "Lamu
/// County", "Tigray Region", "Oaxaca State"), each indexed as an alternate name where no
/// other name is spelt so ("Washington County" stays the county). Not for the United States'
/// states the kind words of [`US_NOT_KIND_WORDS`].
const ADDED_ADMIN_SUFFIXES: &[&str] = &[
    " Province",
    " Region",
    " County",
    " Governorate",
    " State",
    " Oblast",
];
/// What joins the two parts of an admin region named after both ("Sistan and Baluchestan",
/// "Kohgiluyeh and Boyer-Ahmad"), which copy also writes with a hyphen.
const JOINED_PAIR: &str = " and ";
/// The admin-code prefix of the United States' states.
const US_ADMIN_PREFIX: &str = "US.";
/// Words after a US state's name that make another thing of it: "Ohio State" is a
/// university.
const US_NOT_KIND_WORDS: &[&str] = &[" State"];
/// Countries (ISO alpha-2) whose place names carry the Arabic article, which English copy
/// drops at will ("Qamishli" for Al Qāmishlī, "Bayda" for Al Bayda): there the name of a
/// seat or a town of [`ARTICLE_FREE_MIN_POPULATION`] without its leading article is indexed
/// as an alternate name where no other name is spelt so. Not elsewhere: Spanish "El Paso" is
/// never "Paso". A village keeps its article: "Ittihad" is a football club before it is Al
/// Ittiḩād, West Bank.
const ARTICLE_COUNTRIES: &[&str] = &[
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS",
    "QA", "SA", "SD", "SO", "SY", "TN", "YE",
];
/// People (`places.tsv` population) from which a town that is no seat loses its article.
const ARTICLE_FREE_MIN_POPULATION: u64 = 20_000;
/// Feature codes of the seats of government down to the second order, as
/// `Place::is_admin_seat` reads them.
const SEAT_CODES: &[&str] = &["PPLC", "PPLG", "PPLA", "PPLA2"];
/// Feature codes of a first-level region's seat, as `Place::is_capital` reads them.
const REGION_SEAT_CODES: &[&str] = &["PPLC", "PPLG", "PPLA"];

fn rows(dir: &Path, file: &str) -> Vec<Vec<String>> {
    let path = dir.join(file);
    println!("cargo:rerun-if-changed={}", path.display());
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("gazetteer");
    println!("cargo:rerun-if-changed=src/gazetteer/fold.rs");
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut loose: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    // Codes among the places' alternate names, under their `fold::code_key`.
    let mut codes: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut add = |name: &str, entry: u32| {
        let key = fold::fold(name);
        if !key.is_empty() {
            names.entry(key).or_default().push(entry);
        }
        // Demonyms are exact words; a loose match of one would be a guess, not a reading.
        if entry >> KIND_SHIFT != KIND_DEMONYM {
            let key = fold::loose_key(name);
            if !key.is_empty() {
                loose.entry(key).or_default().push(entry | ALTERNATE_BIT);
            }
        }
    };

    // Places' names without their leading Arabic article, under their folded key.
    let mut article_free: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    // (admin1 code `CC.XX`, loose key) of every name of a region's seat.
    let mut seat_names: HashSet<(String, String)> = HashSet::new();
    for (row, r) in rows(&dir, "places.tsv").iter().enumerate() {
        let entry = (KIND_PLACE << KIND_SHIFT) | row as u32;
        add(&r[1], entry);
        add(&r[2], entry);
        let known = SEAT_CODES.contains(&r[6].as_str())
            || r[9].parse::<u64>().unwrap_or_default() >= ARTICLE_FREE_MIN_POPULATION;
        let arabic = known && ARTICLE_COUNTRIES.contains(&r[7].as_str());
        let main_key = fold::loose_key(&r[2]);
        for alt in r[3].split('|').filter(|a| !a.is_empty()) {
            // A code is found only as written ("CUP"): its fold is a word ("Cup"), and a
            // loose reading of three letters would be a guess.
            match fold::code_key(alt) {
                Some(key) => codes.entry(key).or_default().push(entry | ALTERNATE_BIT),
                // GeoNames gives a town of the Arabic-speaking countries its scholarly
                // transliteration ("Janīn"); the English spelling of the same name ("Jenin")
                // is one of its alternates, and as good as its main name.
                None if arabic && fold::loose_key(alt) == main_key => add(alt, entry),
                None => add(alt, entry | ALTERNATE_BIT),
            }
        }
        if REGION_SEAT_CODES.contains(&r[6].as_str()) {
            let region = format!("{}.{}", r[7], r[8]);
            for name in [&r[1], &r[2]]
                .into_iter()
                .map(String::as_str)
                .chain(r[3].split('|'))
            {
                seat_names.insert((region.clone(), fold::loose_key(name)));
            }
        }
        if arabic {
            for name in [r[1].as_str(), r[2].as_str()]
                .into_iter()
                .chain(r[3].split('|').filter(|a| !a.is_empty()))
            {
                // Only a leading article goes: the folded name ends with the stripped one.
                let stripped = fold::article_free_fold(name);
                let whole = fold::fold(name);
                if stripped.len() < whole.len() && whole.ends_with(&stripped) {
                    article_free
                        .entry(stripped)
                        .or_default()
                        .push(entry | ALTERNATE_BIT);
                }
            }
        }
    }
    for (row, r) in rows(&dir, "countries.tsv").iter().enumerate() {
        let entry = (KIND_COUNTRY << KIND_SHIFT) | row as u32;
        add(&r[2], entry);
        for alias in r[3].split('|').filter(|a| !a.is_empty()) {
            add(alias, entry | ALTERNATE_BIT);
        }
    }
    for (row, r) in rows(&dir, "admin1.tsv").iter().enumerate() {
        let entry = (KIND_ADMIN1 << KIND_SHIFT) | row as u32;
        add(&r[1], entry);
        for suffix in ADMIN_SUFFIXES {
            if let Some(stem) = r[1].strip_suffix(suffix) {
                add(stem, entry | ALTERNATE_BIT);
            }
        }
        // An alias that is also a name of the region's seat ("Hodeidah") is the seat when
        // bare, as the region's own name is ("Raqqa"); it names the region with a kind word.
        for alias in r[5].split('|').filter(|a| !a.is_empty()) {
            if !seat_names.contains(&(r[0].clone(), fold::loose_key(alias))) {
                add(alias, entry | ALTERNATE_BIT);
            }
        }
    }
    for (row, r) in rows(&dir, "regions.tsv").iter().enumerate() {
        let entry = (KIND_REGION << KIND_SHIFT) | row as u32;
        add(&r[0], entry);
        for alias in r[1].split('|').filter(|a| !a.is_empty()) {
            add(alias, entry | ALTERNATE_BIT);
        }
    }
    for (row, r) in rows(&dir, "demonyms.tsv").iter().enumerate() {
        add(&r[0], (KIND_DEMONYM << KIND_SHIFT) | row as u32);
    }

    // Names an admin region is written with besides its own ("Kaduna State", "North Darfur"),
    // for every region that has them: several regions share "North-West Region" (Cameroon,
    // Botswana …), and the text's country picks among them. A real name keeps its key.
    let mut derived: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (row, r) in rows(&dir, "admin1.tsv").iter().enumerate() {
        let entry = (KIND_ADMIN1 << KIND_SHIFT) | row as u32 | ALTERNATE_BIT;
        let stem = admin_stem(&r[1]);
        // "Sistan and Baluchestan" is "Sistan-Baluchestan" in copy; the fold drops the hyphen.
        let joined = stem.split_once(JOINED_PAIR).map(|(a, b)| format!("{a}{b}"));
        if let Some(joined) = &joined {
            derived.entry(fold::fold(joined)).or_default().push(entry);
        }
        // An alias with the kind words ("Ninawa province"), never its bare stem ("Karen").
        let alias_stems = r[5].split('|').filter(|a| !a.is_empty()).map(admin_stem);
        for stem in std::iter::once(stem)
            .chain(joined.as_deref())
            .chain(alias_stems)
        {
            for suffix in ADDED_ADMIN_SUFFIXES {
                if US_NOT_KIND_WORDS.contains(suffix) && r[0].starts_with(US_ADMIN_PREFIX) {
                    continue;
                }
                derived
                    .entry(fold::fold(&format!("{stem}{suffix}")))
                    .or_default()
                    .push(entry);
            }
        }
        // "Eastern Province" keeps its name: "East Province" is no name copy writes.
        let named = |rest: &str| !ADMIN_SUFFIXES.iter().any(|s| s.trim_start() == rest);
        for (adjective, noun) in COMPASS_ADJECTIVES {
            if let Some(rest) = r[1].strip_prefix(adjective).filter(|rest| named(rest)) {
                derived
                    .entry(fold::fold(&format!("{noun}{rest}")))
                    .or_default()
                    .push(entry);
            }
        }
    }

    for (key, entries) in derived.into_iter().chain(article_free) {
        names.entry(key).or_insert(entries);
    }
    names.extend(codes);
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut postings: Vec<u8> = Vec::new();
    for (keys, file) in [(names, "names.fst"), (loose, "loose.fst")] {
        let map = write_postings(keys, &mut postings);
        fs::write(out.join(file), map).expect("write name index");
    }
    fs::write(out.join("postings.bin"), postings).expect("write postings.bin");
}

/// An admin region's name without its kind word ("Kayin State" -> "Kayin").
fn admin_stem(name: &str) -> &str {
    ADMIN_SUFFIXES
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name)
}

/// Appends one posting list per key to `postings`; returns the fst from key to list offset.
fn write_postings(keys: BTreeMap<String, Vec<u32>>, postings: &mut Vec<u8>) -> Vec<u8> {
    let mut map = fst::MapBuilder::new(Vec::new()).expect("in-memory fst builder");
    for (key, mut entries) in keys {
        // Primary spellings sort before alternate ones of the same row, so dedup keeps them.
        entries.sort_unstable_by_key(|e| (*e & !ALTERNATE_BIT, *e & ALTERNATE_BIT));
        entries.dedup_by_key(|e| *e & !ALTERNATE_BIT);
        let offset = (postings.len() / 4) as u64;
        postings.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for e in entries {
            postings.extend_from_slice(&e.to_le_bytes());
        }
        map.insert(key.as_bytes(), offset)
            .expect("keys arrive sorted and unique");
    }
    map.into_inner().expect("fst finishes")
}
