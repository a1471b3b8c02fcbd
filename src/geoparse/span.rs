//! Resolving spans found by someone else: a toponym an annotator or another recogniser marked,
//! read with the rest of its document.
//!
//! The mention finder decides *whether* a phrase is a place; here that is given, so every span
//! gets the best reading the gazetteer offers, and the document's other toponyms, countries and
//! regions disambiguate it exactly as in [`geoparse`](super::geoparse). This is the protocol of
//! the published resolution figures (Gritta et al.: resolution on gold spans). A demonym span
//! ("American") reads as its country here, although the mentions API never reports one. A
//! street or a building no gazetteer holds ("Royal Street"), and any other marked name it
//! lacks ("Barclays Center", a hamlet below GeoNames' 500 people), lies in the document's
//! town, with `near` precision and a radius that reaches the text's farthest town (see
//! [`site`](super::site)): a local name is most likely among the text's own places.

use std::ops::Range;

use crate::gazetteer::{Context, EntryKind, Gazetteer, fold};
use crate::location::Location;

use super::GeoparseError;
use super::admin_list::read_admin_lists;
use super::cues::MAX_CODE_LEN;
use super::dateline::is_wire_dateline;
use super::document::{MAX_TEXT_BYTES, with_demonyms};
use super::lexicon;
use super::mention::{NameMatch, Toponym, find_toponyms, is_generic, longest_name};
use super::postal_code::{is_postal_code, region_in_document};
use super::resolve::{Descriptor, PROXIMITY_KM, is_strong, resolve_toponyms};
use super::score::distance_km;
use super::site::{DocumentTowns, names_site, names_street, names_street_of_pair};
use super::state_abbreviation::state_in_span;
use super::tokens::{Token, TokenKind, tokenize};

/// The toponym for the tokens `first..end`: the whole phrase if the gazetteer knows it (after
/// a leading "the" and a trailing possessive), else its demonym reading (singular or plural),
/// else the state or town whose people it names ("Ohioans"), else a county without its
/// "County" ("DeKalb"), else a loose transliteration, else the longest known name inside it
/// ("Laurel" in "Laurel County"). A phrase that names a place
/// and a county's short form ("Clay") keeps both readings for the document to choose from.
/// The flag is true when the toponym is a guess rather than the span itself: a name inside the
/// span, or a loose spelling of it.
fn span_toponym(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
) -> Option<(Toponym, bool)> {
    let whole = |t: Toponym| Some((t, false));
    let lead = usize::from(tokens[first].is_word("the") && end - first > 1);
    // "Fulham's" is Fulham, but "St. John's" is itself a name.
    let possessive = end - first > 2
        && tokens[end - 1].is_word("s")
        && tokens[end - 2].is_apostrophe()
        && gazetteer
            .candidates(
                &fold(&text[tokens[first + lead].start..tokens[end - 1].end]),
                &Context::default(),
            )
            .is_empty();
    let last = if possessive { end - 2 } else { end };
    let phrase = &text[tokens[first + lead].start..tokens[last - 1].end];
    let folded = fold(phrase);
    let toponym = |folded: String, fixed: Option<EntryKind>| Toponym {
        first,
        end,
        folded,
        variant: false,
        cued: true,
        fixed,
        bare_county: false,
        areas_only: false,
        written_as_word: false,
    };
    if let Some(code) = state_in_span(tokens, first, end) {
        let row = gazetteer.admin1_row(code);
        return whole(toponym(folded, row.map(EntryKind::Admin1)));
    }
    // A postal code ("BC", "WA") is read with its document in `resolve_spans`, even when no
    // gazetteer name fits it.
    let postal_fallback = is_code_span(tokens, first, end).then(|| toponym(folded.clone(), None));
    let candidates = gazetteer.candidates(&folded, &Context::default());
    // "Canadian" is the country more often than Canadian, Texas; an area name stays itself.
    let area = candidates
        .first()
        .is_some_and(|c| !matches!(c.kind, EntryKind::Place(_)));
    if let Some(kind) = gazetteer.demonym_reading(&folded).filter(|_| !area) {
        return whole(toponym(folded, Some(kind)));
    }
    // "Canadians", "Czechs": the people of a country, in the plural, when no place has the name.
    let plural = folded.strip_suffix('s').filter(|_| candidates.is_empty());
    if let Some(kind) = plural.and_then(|singular| gazetteer.demonym_reading(singular)) {
        return whole(toponym(folded, Some(kind)));
    }
    let bare_county = !gazetteer
        .bare_county_candidates(&folded, &Context::default())
        .is_empty();
    // "Ohioans", "New Londoners": the people of a state or a town, read as the place.
    if let Some(stem) = candidates
        .is_empty()
        .then(|| place_of_demonym(gazetteer, &folded))
        .flatten()
        .filter(|_| !bare_county)
    {
        return whole(toponym(stem, None));
    }
    if !candidates.is_empty() || bare_county {
        return whole(Toponym {
            bare_county,
            ..toponym(folded, None)
        });
    }
    // A loose transliteration of a name, but not of a common word ("State" is no misspelt
    // Statte, Italy).
    let common_word = last - (first + lead) == 1 && is_generic(tokens[first + lead].text);
    if let Some(best) = gazetteer
        .lookup(phrase)
        .ok()
        .filter(|_| !common_word)
        .and_then(|c| c.first().copied())
    {
        // A loose spelling is a guess.
        return Some((toponym(folded, Some(best.kind)), true));
    }
    let inner = inner_name(gazetteer, tokens, first + lead, last)
        .map(|name| name.into_toponym(first, true))
        .map(|t| Toponym { end, ..t });
    if let Some(inner) = inner {
        return Some((inner, true));
    }
    // "Korean Peninsula", "Syrian border": a demonym inside the span names its country.
    (first + lead..last)
        .find_map(|i| {
            let kind = gazetteer.demonym_reading(&fold(tokens[i].text))?;
            Some(toponym(folded.clone(), Some(kind)))
        })
        .or(postal_fallback)
        .map(|t| (t, false))
}

/// How English makes the people of a state or a town from its name, as (ending of the people,
/// ending of the place): Ohio-ans, Iowa-ns, Florid-ians/Florid-a, Boston-ians, Tex-ans/Tex-as,
/// London-ers, Richmond-ites, Michigan-ders; plural endings first, then singular ones.
const DEMONYM_ENDINGS: [(&str, &str); 16] = [
    ("ians", "a"),
    ("ians", ""),
    ("ans", ""),
    ("ans", "as"),
    ("ns", ""),
    ("ders", ""),
    ("ers", ""),
    ("ites", ""),
    ("ian", "a"),
    ("ian", ""),
    ("an", ""),
    ("an", "as"),
    ("n", ""),
    ("der", ""),
    ("er", ""),
    ("ite", ""),
];

/// The folded name of the state, county or town whose people the folded `word` names
/// ("ohioans" -> "ohio", "new londoners" -> "new london"), read from the endings of
/// [`DEMONYM_ENDINGS`]; `None` when no ending leaves a gazetteer name. Countries' demonyms are
/// the gazetteer's own ([`Gazetteer::demonym_reading`]); these are the ones it does not list.
fn place_of_demonym(gazetteer: &Gazetteer, word: &str) -> Option<String> {
    DEMONYM_ENDINGS.iter().find_map(|&(people, place)| {
        let stem = word
            .strip_suffix(people)
            .filter(|stem| stem.len() >= MIN_WORD_LETTERS)?;
        let name = format!("{stem}{place}");
        // The place's own name, not an alternate spelling ("Makee" for Macau is no stem of
        // "Makeen").
        gazetteer
            .candidates(&name, &Context::default())
            .iter()
            .any(|c| !c.alternate)
            .then_some(name)
    })
}

/// Fewest letters of a word in lower case that may name a place alone inside a span; a shorter
/// one is an abbreviation ("Co." for County or Company, "Mt.").
const MIN_WORD_LETTERS: usize = 3;

/// The place named inside the words `first..last` of a span that is no gazetteer name as a
/// whole: "Laurel" in "Laurel County", "Colorado" in "Colorado State University", "London" in
/// "London Guildhall School", "Tokyo" in "British Embassy Tokyo". A name inside a longer one
/// gives way to it ("New York", not "York", in "New York Auto Show"); of the rest, a town
/// beats the country or region a span merely qualifies itself with, and then the most
/// prominent (its best reading's static rank) wins. Only exact names count: a spelling variant
/// inside a longer name is a guess ("Colony" as Kolonia). A state or country right before a
/// natural feature's noun names the feature after it and is no reading ("Tennessee Colony").
///
/// A word alone is never a common word ("Street", "Eastern"), a feature noun that belongs to
/// the span's own name ("Tower" in "Trump Tower", "Lake" in "Lake Cumberland"), or a short
/// code that news copy does not write for a place ("SB", "Co.").
fn inner_name(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Option<NameMatch> {
    // (names a town, its best reading's score); `None` when no place reading fits.
    let prominence = |name: &NameMatch| {
        gazetteer
            .candidates(&name.folded, &Context::default())
            .first()
            .map(|c| (matches!(c.kind, EntryKind::Place(_)), c.score))
    };
    // An area right before the noun that ends the span is that feature's namesake
    // ("Tennessee Colony", "Mississippi River"), not where it lies.
    let namesake = |name: &NameMatch, names_town: bool| {
        !names_town && name.end + 1 == last && lexicon::is_namesake_word(tokens[name.end].text)
    };
    let word_alone = |token: &Token| {
        if token.is_all_caps() && token.text.len() <= MAX_CODE_LEN {
            // "US" in "US Federal Reserve"; never "SB" in "SB Smith Electrical".
            return lexicon::is_news_code(token.text);
        }
        token.text.len() >= MIN_WORD_LETTERS
            && !is_generic(token.text)
            && !lexicon::is_feature_word(token.text)
    };
    let mut scratch = String::new();
    let names: Vec<(usize, NameMatch, (bool, f32))> = (first..last)
        .filter(|&i| tokens[i].is_capitalised())
        .filter_map(|i| Some((i, longest_name(gazetteer, tokens, i, &mut scratch)?)))
        .filter(|(_, name)| name.variant.is_none() && name.end <= last)
        // A name of several words may start at a common word ("New York").
        .filter(|(i, name)| name.end > i + 1 || word_alone(&tokens[*i]))
        .filter_map(|(i, name)| {
            let p = prominence(&name)?;
            (!namesake(&name, p.0)).then_some((i, name, p))
        })
        .collect();
    let inside_another = |i: usize, end: usize| {
        names
            .iter()
            .any(|(j, other, _)| *j <= i && end <= other.end && (*j, other.end) != (i, end))
    };
    names
        .iter()
        .filter(|(i, name, _)| !inside_another(*i, name.end))
        .max_by(|(_, _, a), (_, _, b)| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, name, _)| name.clone())
}

/// Most letters of an acronym that a span may be ("CHU", "OAS", "UCLA"); a longer word in
/// capitals is a place written so ("LONDON").
const MAX_ACRONYM_LETTERS: usize = 4;

/// True when the tokens `first..end` are one word in capitals short enough to be an acronym
/// ("the CHU in Montpellier", "the OAS in Washington"), and neither a wire dateline's place
/// ("ROME (AP) -") nor a postal code: an institution's, which no town of that name is.
fn is_acronym_span(tokens: &[Token], first: usize, end: usize) -> bool {
    let word = &tokens[first];
    end == first + 1
        && word.kind == TokenKind::Word
        && word.is_all_caps()
        && (2..=MAX_ACRONYM_LETTERS).contains(&word.text.chars().count())
        && !is_postal_code(word.text)
        && !is_wire_dateline(tokens, first, end)
}

/// True when the tokens `first..end` are exactly one postal code ("BC", "NSW").
fn is_code_span(tokens: &[Token], first: usize, end: usize) -> bool {
    end - first == 1 && is_postal_code(tokens[first].text)
}

/// Fixes the reading of every span written exactly as a postal code ("BC", "NSW", "WA") to the
/// region that the document's other toponyms, resolved first, point to (see
/// [`region_in_document`]); a code the document points away from keeps its gazetteer
/// readings ("SA" in a text about South Africa). `owners[k]` is the span toponym `k` answers.
///
/// # Runtime
/// One more resolution of the document's toponyms when some span is a postal code; none
/// otherwise.
fn read_postal_codes(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    toponyms: &mut [Toponym],
    owners: &[Option<usize>],
    context: &Context,
) {
    let codes: Vec<usize> = (0..toponyms.len())
        .filter(|&k| {
            owners[k].is_some() && is_code_span(tokens, toponyms[k].first, toponyms[k].end)
        })
        .collect();
    if codes.is_empty() {
        return;
    }
    let others: Vec<Toponym> = (0..toponyms.len())
        .filter(|k| !codes.contains(k))
        .map(|k| toponyms[k].clone())
        .collect();
    let resolved: Vec<EntryKind> = resolve_toponyms(
        gazetteer,
        tokens,
        &others,
        &vec![Descriptor::None; others.len()],
        context,
    )
    .into_iter()
    .flatten()
    .collect();
    for k in codes {
        let word = tokens[toponyms[k].first].text;
        if let Some(row) = region_in_document(gazetteer, word, &resolved, &context.countries) {
            toponyms[k].fixed = Some(EntryKind::Admin1(row));
        }
    }
}

/// Resolves each byte span of `text` as a place name read in its document; a span no
/// gazetteer name fits lies in the document's town (see the module docs). `None` for such a
/// span in a text that names no town, for a span that cuts through a word, and for one that
/// is no span of `text` at all (empty, reversed, past its end, or through a character).
///
/// # Runtime
/// One geoparse of `text` for the context, plus a few transducer walks per span.
pub fn resolve_spans(
    gazetteer: &Gazetteer,
    text: &str,
    spans: &[Range<usize>],
) -> Result<Vec<Option<Location>>, GeoparseError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(GeoparseError::TextTooLong {
            len: text.len(),
            max: MAX_TEXT_BYTES,
        });
    }
    let tokens = tokenize(text);
    // (toponym, index of the span it answers) for every span that has a reading.
    let mut toponyms: Vec<(Toponym, Option<usize>)> = Vec::new();
    // Spans read through a guess: a name inside them ("Hey" in "Alder Hey Children's
    // Hospital") or a loose spelling ("Harwinton" as Harrington).
    let mut guessed = vec![false; spans.len()];
    let of_text = |span: &Range<usize>| text.get(span.clone()).is_some_and(|t| !t.is_empty());
    // The words (token indices) of each span of `text`; `None` for a span that holds no whole
    // word, such as one inside a word (where the first word after it is past the last before).
    let words: Vec<Option<Range<usize>>> = spans
        .iter()
        .map(|span| {
            if !of_text(span) {
                return None;
            }
            let first = tokens.partition_point(|t| t.start < span.start);
            let end = tokens.partition_point(|t| t.end <= span.end);
            (first < end).then_some(first..end)
        })
        .collect();
    for (s, span_words) in words.iter().enumerate() {
        let Some(w) = span_words else { continue };
        if let Some((t, guess)) = span_toponym(gazetteer, text, &tokens, w.start, w.end) {
            toponyms.push((t, Some(s)));
            guessed[s] = guess;
        }
    }
    // The finder's own toponyms outside the spans are context: the other places of the text.
    let overlaps = |t: &Toponym| {
        spans
            .iter()
            .filter(|s| of_text(s))
            .any(|s| tokens[t.first].start < s.end && s.start < tokens[t.end - 1].end)
    };
    for t in find_toponyms(gazetteer, &tokens) {
        if !overlaps(&t) {
            toponyms.push((t, None));
        }
    }
    toponyms.sort_by_key(|(t, _)| t.first);
    let (mut toponyms, owners): (Vec<Toponym>, Vec<Option<usize>>) = toponyms.into_iter().unzip();
    read_admin_lists(&tokens, &mut toponyms);
    let context = with_demonyms(gazetteer, &tokens, &Context::default());
    read_postal_codes(gazetteer, &tokens, &mut toponyms, &owners, &context);
    let resolved = resolve_toponyms(
        gazetteer,
        &tokens,
        &toponyms,
        &vec![Descriptor::None; toponyms.len()],
        &context,
    );
    let mut out = vec![None; spans.len()];
    // The towns the document names, once per mention, where a site of the text may lie; in a
    // text that names no town, its counties ("in the county at MetroHealth Medical Center"
    // in a story of Cuyahoga County).
    let mut towns = Vec::new();
    let mut counties = Vec::new();
    // (tokens, reading) of the towns, counties, landmarks, admin regions and countries the
    // text names, which the name of a site may lead to ("X Hospital in Rome"); a span read
    // through a name inside it is no such name ("Florida Atlantic University, California
    // Polytechnic State University" is a list of sites).
    let mut holders = Vec::new();
    // The admin regions the text names, once per mention, in text order: where the sites of
    // a text that names no town or county lie.
    let mut regions = Vec::new();
    // The reading of each span that has one.
    let mut kinds = vec![None; spans.len()];
    // The town of the wire dateline, if the text opens with one.
    let mut dateline = None;
    for ((owner, kind), t) in owners.into_iter().zip(resolved).zip(&toponyms) {
        // A small place guessed is no town of the text: five "Meadow Grove" read as Meadow,
        // Texas would outvote the Columbus the text names.
        let guess = owner.is_some_and(|s| guessed[s]);
        let weak_guess = guess && kind.is_some_and(|k| !is_strong(gazetteer, k));
        match kind.filter(|_| !weak_guess) {
            Some(k @ EntryKind::Place(i)) if !gazetteer.places()[i].is_landmark() => {
                // A county read through a guess is the span's own name ("Northumberland
                // Avenue"), not the text's county.
                if gazetteer.places()[i].is_county() {
                    if !guess {
                        counties.push(i);
                    }
                } else {
                    towns.push(i);
                    if dateline.is_none() && is_wire_dateline(&tokens, t.first, t.end) {
                        dateline = Some(i);
                    }
                }
                if !guess {
                    holders.push((t.first..t.end, k));
                }
            }
            // A landmark, an admin region or a country holds the sites named in it ("St
            // George's Chapel at Windsor Castle", "the Summit of the Americas in Peru") but
            // is no town of the text.
            Some(k @ (EntryKind::Admin1(_) | EntryKind::Place(_) | EntryKind::Country(_)))
                if !guess =>
            {
                if let EntryKind::Admin1(a) = k {
                    regions.push(a);
                }
                holders.push((t.first..t.end, k));
            }
            _ => {}
        }
        if let (Some(s), Some(kind)) = (owner, kind) {
            // Only spans of `text` own a toponym (checked above).
            out[s] = gazetteer.location(&text[spans[s].clone()], kind);
            kinds[s] = Some(kind);
        }
    }
    // A small place far from every other town of the text: a site's namesake ("Washington
    // Square" in a New Orleans story is no village of that name 1,700 km away).
    let far_off = |kind: EntryKind| match kind {
        EntryKind::Place(i) => {
            let p = &gazetteer.places()[i];
            towns.iter().all(|&j| {
                let q = &gazetteer.places()[j];
                j == i || distance_km(p.lat, p.lon, q.lat, q.lon) > PROXIMITY_KM
            }) && towns.iter().any(|&j| j != i)
        }
        _ => false,
    };
    let document_towns = match (towns.is_empty(), counties.is_empty()) {
        (false, _) => DocumentTowns::new(gazetteer, &towns, dateline),
        (true, false) => DocumentTowns::new(gazetteer, &counties, dateline),
        (true, true) => DocumentTowns::of_regions(&regions),
    };
    for (s, span_words) in words.iter().enumerate() {
        let Some(w) = span_words else { continue };
        // Which spans read as a site of the text's town rather than by their own reading:
        // - a name no gazetteer name fits at all ("Barclays Center", "Sloss Furnaces"): a
        //   local name the gazetteer lacks most likely lies among the text's places; words
        //   in lower case ("the shooting"), common or compass words ("the West", "Western
        //   countries") are no name;
        // - a span guessed as a small place, through a name inside it ("Hey" in "Alder Hey
        //   Children's Hospital") or a loose spelling ("Harwinton" as Harrington), and a
        //   site whose name is a small place's far from the text's towns;
        // - a street guessed through a name inside it ("Northumberland Avenue" is in London,
        //   not in Northumberland), one of two streets ("State and Hubbard streets"), an
        //   acronym a town bears as its own name (Chu, Kazakhstan for "the CHU in
        //   Montpellier"; "NYC", one of New York City's names, stays the city);
        // - a site guessed through a name inside it with a place right after it
        //   ("Washington University in St. Louis").
        // "the Pioneer cinema in Dewsbury": a site noun in lower case right after a span that
        // reads as no area makes the name a site's, and the town after the noun its holder
        // ("the Oconee County school board" is the county's).
        let noun_after = !kinds[s].is_some_and(|kind| gazetteer.is_area(kind))
            && tokens
                .get(w.end)
                .is_some_and(|t| !t.is_capitalised() && lexicon::is_site_word(t.text));
        let site = noun_after || names_site(&tokens[w.clone()]);
        let town_reading = kinds[s].is_some_and(|kind| !gazetteer.is_area(kind));
        // A town bearing the span as its own name, or found by a guess.
        let named_or_guessed = |kind: EntryKind| match kind {
            EntryKind::Place(p) => {
                let place = &gazetteer.places()[p];
                let key = fold(&text[spans[s].clone()]);
                guessed[s] || fold(place.name) == key || fold(place.ascii_name) == key
            }
            _ => false,
        };
        // Read as a site of the text's town or not at all, never by its own reading.
        let street_of_pair = names_street_of_pair(&tokens, w.end);
        let site_only = guessed[s] && names_street(&tokens[w.clone()])
            || street_of_pair && town_reading
            || is_acronym_span(&tokens, w.start, w.end) && kinds[s].is_some_and(named_or_guessed);
        let named_after =
            holder_after(&tokens, w.end + usize::from(noun_after), &holders).or_else(|| {
                site.then(|| holder_in_clause(&tokens, w.end, &holders))
                    .flatten()
            });
        let placed_site = guessed[s] && site && named_after.is_some();
        // "Washington Township", "Lincoln Borough": a municipality the gazetteer lacks,
        // guessed through the town or state inside its name, is one of the many named after
        // it, most likely among the text's towns, not the capital or the state itself.
        let local_unit = guessed[s]
            && tokens[w.end - 1].is_capitalised()
            && lexicon::is_local_unit_noun(&tokens[w.end - 1]);
        let weak = site_only
            || placed_site
            || local_unit
            || kinds[s].is_some_and(|kind| {
                !is_strong(gazetteer, kind) && (guessed[s] || site && far_off(kind))
            });
        let a_name = tokens[w.clone()]
            .iter()
            .any(|t| t.is_capitalised() && !is_generic(t.text));
        // A street of a pair is a site even when its name is a common word ("the corner of
        // State and Hubbard streets").
        if out[s].is_none() && (a_name || site || street_of_pair) || weak {
            let phrase = &text[spans[s].clone()];
            let site = document_towns.site_location(gazetteer, phrase, named_after);
            if site.is_some() || site_only {
                out[s] = site;
            }
        }
    }
    Ok(out)
}

/// The town, county, landmark, admin region or country (of `holders`: tokens, reading) named
/// right after a site that ends before token `end`: "X Hospital in Rome", "X Street, Derry",
/// "the Palais des Nations in Geneva", "St George's Chapel at Windsor Castle", "the Farmers
/// Service Centre, in Goodlands", "the Embassy of Armenia in the Holy See". Not a town after a
/// comma that an auxiliary verb follows: it opens a clause of its own ("Beyond Madinaty,
/// Liverpool have other academies").
fn holder_after(
    tokens: &[Token],
    end: usize,
    holders: &[(Range<usize>, EntryKind)],
) -> Option<EntryKind> {
    let preposition = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.is_word("in") || t.is_word("at"))
    };
    let comma = tokens.get(end).is_some_and(|t| t.is_punct(','));
    let linked = comma || preposition(end);
    // "the Farmers Service Centre, in Goodlands": a comma may come before the preposition.
    let at = end + 1 + usize::from(comma && preposition(end + 1));
    // "the Embassy of Armenia in the Holy See".
    let at = at + usize::from(tokens.get(at).is_some_and(|t| t.is_word("the")));
    let (words, kind) = holder_at(holders, at).filter(|_| linked)?;
    // A region after the comma ends an address whatever follows ("Dennis Lopez of
    // Thackerville, Okla. came").
    let subject = comma
        && matches!(kind, EntryKind::Place(_))
        && tokens
            .get(words.end)
            .is_some_and(|verb| verb.kind == TokenKind::Word && lexicon::is_auxiliary(verb.text));
    (!subject).then_some(*kind)
}

/// Most words between a site and the "in" that names its town further on in the same clause
/// ("the Alder Hey Children's Hospital where Alfie is admitted in Liverpool").
const MAX_WORDS_TO_SITES_TOWN: usize = 6;

/// The town (of `holders`) that "in" names within [`MAX_WORDS_TO_SITES_TOWN`] words after a
/// site ending before token `end`, with no punctuation between: the clause that names the
/// site names its town.
fn holder_in_clause(
    tokens: &[Token],
    end: usize,
    holders: &[(Range<usize>, EntryKind)],
) -> Option<EntryKind> {
    let clause = tokens[end..]
        .iter()
        .take(MAX_WORDS_TO_SITES_TOWN + 1)
        .take_while(|t| t.kind == TokenKind::Word)
        .count();
    (end..end + clause)
        .find(|&i| tokens[i].is_word("in"))
        .and_then(|i| holder_at(holders, i + 1))
        .and_then(|&(_, kind)| matches!(kind, EntryKind::Place(_)).then_some(kind))
}

/// The holder (of `holders`: tokens, reading) whose name begins at token `first`.
fn holder_at(
    holders: &[(Range<usize>, EntryKind)],
    first: usize,
) -> Option<&(Range<usize>, EntryKind)> {
    holders.iter().find(|(words, _)| words.start == first)
}

/// Resolves one span of `text` (byte offsets, end exclusive) as a place name read in its
/// document; see [`resolve_spans`], which does many spans of one text at once.
pub fn resolve_in_document(
    gazetteer: &Gazetteer,
    text: &str,
    span: Range<usize>,
) -> Result<Option<Location>, GeoparseError> {
    Ok(resolve_spans(gazetteer, text, &[span])?.pop().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The location of the first `phrase` of `text`, resolved in its document.
    fn location_at(text: &str, phrase: &str) -> Option<Location> {
        let gazetteer = Gazetteer::load().unwrap();
        let start = text.find(phrase).unwrap();
        resolve_in_document(&gazetteer, text, start..start + phrase.len()).unwrap()
    }

    fn country_at(text: &str, phrase: &str) -> Option<String> {
        location_at(text, phrase).and_then(|l| l.anchor.country_code)
    }

    fn anchor_at(text: &str, phrase: &str) -> Option<String> {
        location_at(text, phrase).map(|l| l.anchor.name)
    }

    /// The town a span is guessed to lie near: its anchor, whose precision must say `near`.
    fn guessed_near(text: &str, phrase: &str) -> String {
        let location = location_at(text, phrase).unwrap();
        assert_eq!(location.precision, crate::location::Precision::Near);
        location.anchor.name
    }

    #[test]
    fn a_span_reads_with_its_document() {
        let text = "Two died in Paris. The mayor of Paris, Texas, spoke in Dallas.";
        assert_eq!(country_at(text, "Paris").as_deref(), Some("US"));
    }

    #[test]
    fn a_possessive_ending_that_is_part_of_the_name_stays() {
        // "ST. JOHN" alone is Saint John, New Brunswick.
        let text = "ST. JOHN'S, N.L. - The 17 victims of a helicopter crash were named.";
        assert_eq!(anchor_at(text, "ST. JOHN'S").as_deref(), Some("St. John's"));
        let text = "Fans left Fulham's ground early.";
        assert_eq!(anchor_at(text, "Fulham's").as_deref(), Some("Fulham"));
    }

    #[test]
    fn a_loose_spelling_of_a_small_town_is_a_guess_that_yields_to_the_documents_town() {
        // Harwinton, Connecticut is not in the gazetteer; Harrington, Delaware is one letter off.
        let text = "Residents of Harwinton met in Hartford on Monday.";
        assert_eq!(guessed_near(text, "Harwinton"), "Hartford");
    }

    #[test]
    fn guessed_spans_do_not_outvote_the_town_the_text_names() {
        // Each "Meadow Grove" alone is guessed as Meadow, Texas (593 people); four such
        // guesses must not make Meadow the document's town over the Columbus it names.
        let gazetteer = Gazetteer::load().unwrap();
        let text = "COLUMBUS -- A Columbus woman accused a Meadow Grove man. The Meadow Grove \
                    man and a Meadow Grove friend left for Meadow Grove.";
        let spans: Vec<Range<usize>> = text
            .match_indices("Meadow Grove")
            .map(|(i, m)| i..i + m.len())
            .chain(text.match_indices("Columbus").map(|(i, m)| i..i + m.len()))
            .collect();
        let resolved = resolve_spans(&gazetteer, text, &spans).unwrap();
        for location in &resolved[..4] {
            assert_eq!(location.as_ref().unwrap().anchor.name, "Columbus");
        }
    }

    #[test]
    fn a_common_word_is_no_misspelt_town() {
        // "State" is one letter from Statte, Italy; the street stays unread, and the
        // hospital lies in Chicago, not in Apulia.
        let text = "He collapsed at State and Hubbard, Chicago police said, and died at \
                    Northwestern Memorial Hospital.";
        assert!(location_at(text, "State").is_none());
        assert_eq!(
            anchor_at(text, "Northwestern Memorial Hospital").as_deref(),
            Some("Chicago")
        );
    }

    #[test]
    fn a_name_read_through_a_village_inside_it_lies_in_the_documents_town() {
        // Hatch is a village in New Mexico; the circuit is in England, as the text's town is.
        // The guess says so: near that town, not at it.
        let text = "The season opens at Brands Hatch before the grid moves to Norwich.";
        assert_eq!(guessed_near(text, "Brands Hatch"), "Norwich");
    }

    #[test]
    fn a_site_named_like_a_far_village_lies_in_the_documents_town() {
        // Washington Square is also a neighbourhood of Philadelphia, 1,700 km from New Orleans.
        let text = "A brass band played at Washington Square, New Orleans officials said.";
        assert_eq!(
            anchor_at(text, "Washington Square").as_deref(),
            Some("New Orleans")
        );
        // Alone, the name is the village.
        let text = "A brass band played at Washington Square on Friday.";
        assert_eq!(
            anchor_at(text, "Washington Square").as_deref(),
            Some("Washington Square")
        );
    }

    #[test]
    fn a_street_no_gazetteer_holds_lies_in_the_documents_town() {
        let text = "Police closed Royal Street after the shooting, New Orleans officials said.";
        assert_eq!(guessed_near(text, "Royal Street"), "New Orleans");
        let road = "The A417 was closed after a crash, Gloucester police said.";
        assert_eq!(guessed_near(road, "A417"), "Gloucester");
        // Without a town in the text, or without a name, nothing is guessed.
        assert!(location_at("Police closed Royal Street.", "Royal Street").is_none());
        assert!(location_at(text, "the shooting").is_none());
        // A name the gazetteer lacks lies in the text's town too.
        let text = "Fans filled Selhurst Park, London police said.";
        assert_eq!(guessed_near(text, "Selhurst Park"), "London");
        // The town named right after the site wins, and a small place inside a site's name
        // ("Hey") is no reading of it.
        let text = "Doctors at the Alder Hey Children's Hospital in Liverpool met. Alfie's \
                    parents flew to Rome, then to London and back to Rome.";
        let location = location_at(text, "Alder Hey Children's Hospital").unwrap();
        assert_eq!(location.anchor.name, "Liverpool");
        // A township named after a capital is one of its many namesakes, among the text's
        // towns.
        let text = "The show is at a restaurant in Washington Township, Allendale police said.";
        assert_eq!(guessed_near(text, "Washington Township"), "Allendale");
        // A text that names a county and no town: its sites lie in the county.
        let text = "Care is available at MetroHealth Medical Center, Cuyahoga County officials \
                    said.";
        let site = location_at(text, "MetroHealth Medical Center").unwrap();
        assert_eq!(site.anchor.name, "Cuyahoga County");
        assert_ne!(site.precision, crate::location::Precision::Exact);
        // A story filed in Cairo: its local names lie there, however often it names Liverpool.
        let text = "CAIRO - Boys train at the Liverpool academy in Madinaty. Liverpool \
                    scouts came from Liverpool; Liverpool pays.";
        assert_eq!(guessed_near(text, "Madinaty"), "Cairo");
    }

    #[test]
    fn a_site_lies_in_the_town_its_clause_names() {
        // The story is told from London; the hospital is in Liverpool, named a few words on.
        let text = "Doctors at the Alder Hey Children's Hospital where Alfie is admitted in \
                    Liverpool met. His parents flew to London, then to London again.";
        assert_eq!(
            anchor_at(text, "Alder Hey Children's Hospital").as_deref(),
            Some("Liverpool")
        );
        // A comma may come before the town's preposition.
        let text = "A fair was held at the Farmers Service Centre, in Goodlands. Officials from \
                    Port Louis and Port Louis again came.";
        assert_eq!(
            anchor_at(text, "Farmers Service Centre").as_deref(),
            Some("Goodlands")
        );
        // The holder may follow "the" ("the Holy See", Vatican City), and an embassy lies
        // where it is, not in the country it serves; a country holds a site too.
        let text = "The president visited the Embassy of the Republic of Armenia in the Holy \
                    See, then flew to Paris and back to Paris.";
        assert_eq!(
            anchor_at(text, "Embassy of the Republic of Armenia").as_deref(),
            Some("Vatican City")
        );
        let text = "Leaders met at the Summit of the Americas in Peru, then flew to Washington \
                    and back to Washington.";
        assert_eq!(
            anchor_at(text, "Summit of the Americas").as_deref(),
            Some("Peru")
        );
        // A comma ends the clause: the town after it is not the site's.
        let text = "Doctors at the Alder Hey Children's Hospital met, and in Liverpool fans \
                    marched. They flew to London, then to London again.";
        assert_eq!(
            anchor_at(text, "Alder Hey Children's Hospital").as_deref(),
            Some("London")
        );
    }

    #[test]
    fn a_name_before_a_site_noun_is_the_sites_and_lies_in_the_town_after_it() {
        // Pioneer is a village in Ohio; the cinema is in Dewsbury. A county before "school"
        // stays the county.
        let text = "We went on our first date to the Pioneer cinema in Dewsbury, then to Leeds.";
        assert_eq!(anchor_at(text, "Pioneer").as_deref(), Some("Dewsbury"));
        let text = "In Athens, the Oconee County school board met.";
        assert_eq!(
            anchor_at(text, "Oconee County").as_deref(),
            Some("Oconee County")
        );
    }

    #[test]
    fn a_text_that_names_only_admin_regions_puts_its_local_names_in_the_one_named_most() {
        // No town or county in the text: the Bafokeng, a community the gazetteer lacks, lie in
        // the province named most (and first), with its extent as their uncertainty.
        let text = "Royalties flow to North West communities. In North West and Limpopo, the \
                    Bafokeng example is followed; Limpopo chiefs agree.";
        let location = location_at(text, "Bafokeng").unwrap();
        assert_eq!(location.anchor.name, "North West");
        assert_eq!(location.anchor.country_code.as_deref(), Some("ZA"));
        assert_eq!(location.precision, crate::location::Precision::Region);
    }

    #[test]
    fn a_town_after_a_comma_that_opens_a_clause_holds_no_site() {
        // "Liverpool have" is the subject of a clause, not the town of "Madinaty, Liverpool".
        let text = "CAIRO - Boys train in Madinaty. Beyond Madinaty, Liverpool have academies \
                    in Alexandria.";
        let start = text.rfind("Madinaty").unwrap();
        let gazetteer = Gazetteer::load().unwrap();
        let location = resolve_in_document(&gazetteer, text, start..start + "Madinaty".len())
            .unwrap()
            .unwrap();
        assert_eq!(location.anchor.name, "Cairo");
        // An address's town stays the site's, whatever follows it.
        let text = "He died at Altnagelvin Hospital, Derry, and was buried in Belfast.";
        assert_eq!(
            anchor_at(text, "Altnagelvin Hospital").as_deref(),
            Some("Derry")
        );
    }

    #[test]
    fn a_name_the_text_gives_a_county_in_full_is_that_county_and_no_namesake_town() {
        let gazetteer = Gazetteer::load().unwrap();
        let last_read = |text: &str, phrase: &str| {
            let start = text.rfind(phrase).unwrap();
            resolve_in_document(&gazetteer, text, start..start + phrase.len())
                .unwrap()
                .unwrap()
        };
        // Suffolk, Virginia, also called Suffolk City, is a city; the text has named the
        // county on Long Island.
        let text = "Suffolk County detectives found a skeleton, said Suffolk City's chief of \
                    detectives. She told the Suffolk Times she had fled.";
        let suffolk = last_read(text, "Suffolk");
        assert_eq!(suffolk.anchor.name, "Suffolk County");
        assert_eq!(suffolk.anchor.country_code.as_deref(), Some("US"));
        assert!(suffolk.lon > -74.0 && suffolk.lon < -71.8, "{suffolk:?}");
        // A town inside the county named in full stays the town.
        let text = "The DeKalb County coroner named the man. He was found in DeKalb.";
        assert_eq!(last_read(text, "DeKalb").anchor.name, "DeKalb");
    }

    #[test]
    fn a_site_named_after_a_place_lies_where_the_words_after_it_say() {
        let text = "said a professor at the University of California, Los Angeles, who \
                    studied Zara.";
        assert_eq!(
            anchor_at(text, "University of California").as_deref(),
            Some("Los Angeles")
        );
        let text = "He studied at Washington University in St. Louis, then moved to Chicago.";
        assert_eq!(
            anchor_at(text, "Washington University").as_deref(),
            Some("St. Louis")
        );
    }

    #[test]
    fn an_acronym_or_a_street_of_a_pair_lies_in_the_documents_town() {
        // Chu is a town of Kazakhstan; the CHU is Montpellier's university hospital.
        let text = "Doctors at the CHU in Montpellier said the staff performed well.";
        assert_eq!(anchor_at(text, "CHU").as_deref(), Some("Montpellier"));
        // Hubbard is a town of Ohio; "State and Hubbard streets" are Chicago's.
        let text = "He collapsed at the corner of State and Hubbard streets, Chicago police said.";
        assert_eq!(anchor_at(text, "Hubbard").as_deref(), Some("Chicago"));
        // So is State Street, though "State" alone is a common word.
        assert_eq!(anchor_at(text, "State").as_deref(), Some("Chicago"));
        // A wire dateline in capitals and a town's alias stay themselves.
        let text = "ROME (AP) - Police in Rome said so.";
        assert_eq!(anchor_at(text, "ROME").as_deref(), Some("Rome"));
    }

    #[test]
    fn a_street_named_after_an_area_lies_in_the_documents_town_not_in_the_area() {
        let text = "Shots were fired on Northumberland Avenue, London police said.";
        assert_eq!(guessed_near(text, "Northumberland Avenue"), "London");
        let text = "He slept on Atlantic Avenue in Garden City, New York, all winter.";
        assert_ne!(
            anchor_at(text, "Atlantic Avenue").as_deref(),
            Some("Atlantic Ocean")
        );
        // With no town in the text the street is unresolved, not the county it is named after.
        assert!(
            location_at(
                "Shots were fired on Northumberland Avenue.",
                "Northumberland Avenue"
            )
            .is_none()
        );
    }

    #[test]
    fn a_site_named_with_its_region_lies_there_not_in_the_town_named_most() {
        let text = "Shelters in Boa Vista are full, Boa Vista's mayor said. The agency spoke at \
                    the Palais des Nations in Geneva.";
        let location = location_at(text, "Palais des Nations").unwrap();
        assert!(
            distance_km(location.lat, location.lon, 46.2, 6.15) < 30.0,
            "{location:?}"
        );
    }

    #[test]
    fn demonyms_and_county_names_still_resolve() {
        assert_eq!(
            country_at("American troops left.", "American").as_deref(),
            Some("US")
        );
        assert_eq!(
            country_at("Two Canadians were hurt.", "Canadians").as_deref(),
            Some("CA")
        );
        let text = "Deputies in Laurel County, Kentucky, arrested him.";
        assert_eq!(country_at(text, "Laurel County").as_deref(), Some("US"));
        // A demonym of an admin region or a region reads as that region.
        let text = "A Texan rancher, a Welsh farmer and Central American migrants met.";
        let regions = [
            ("Texan", "Texas"),
            ("Welsh", "Wales"),
            ("Central American", "Central America"),
        ];
        for (phrase, region) in regions {
            assert_eq!(anchor_at(text, phrase).as_deref(), Some(region));
        }
    }

    #[test]
    fn the_people_of_a_state_or_a_town_read_as_the_place() {
        let text = "Ohioans and Minnesotans voted; Floridians, Bostonians and New Yorkers did \
                    not. Gazans queued in the heat.";
        let places = [
            ("Ohioans", "Ohio"),
            ("Minnesotans", "Minnesota"),
            ("Floridians", "Florida"),
            ("Bostonians", "Boston"),
            ("New Yorkers", "New York City"),
            ("Gazans", "Gaza"),
        ];
        for (phrase, place) in places {
            assert_eq!(anchor_at(text, phrase).as_deref(), Some(place), "{phrase}");
        }
        // An ending that leaves only another spelling of a place is no demonym.
        assert_ne!(
            anchor_at("Tribes met in Makeen.", "Makeen").as_deref(),
            Some("Macau")
        );
    }

    #[test]
    fn a_county_named_without_its_county_word_resolves_to_the_county() {
        let gazetteer = Gazetteer::load().unwrap();
        let text = "Oconee deputies searched the river near Watkinsville, Georgia.";
        let location = resolve_in_document(&gazetteer, text, 0.."Oconee".len())
            .unwrap()
            .unwrap();
        assert_eq!(location.anchor.name, "Oconee County");
        assert_eq!(location.anchor.country_code.as_deref(), Some("US"));
    }

    #[test]
    fn a_province_or_state_code_reads_as_the_region_of_the_document() {
        // Regression: "BC" and "B.C." read as Bay City, Michigan; "NSW" as Nassau.
        let text = "Crews fought fires near Kamloops and Kelowna in BC, Canada.";
        assert_eq!(anchor_at(text, "BC").as_deref(), Some("British Columbia"));
        assert_eq!(
            anchor_at("Smoke from B.C. drifted south.", "B.C.").as_deref(),
            Some("British Columbia")
        );
        let text = "Floods hit Sydney and Newcastle as NSW braced for more rain in Australia.";
        assert_eq!(anchor_at(text, "NSW").as_deref(), Some("New South Wales"));
        // "WA" is the region of the country the document is about.
        let text = "Bushfires near Perth and Bunbury forced WA to close roads in Australia.";
        assert_eq!(anchor_at(text, "WA").as_deref(), Some("Western Australia"));
        let text = "Rain in Seattle, Tacoma and Spokane kept WA drivers home in the United States.";
        assert_eq!(anchor_at(text, "WA").as_deref(), Some("Washington"));
    }

    #[test]
    fn a_code_of_one_region_in_a_document_naming_no_country_is_that_region() {
        let text = "Rangers from NSW cleared the lagoon trail on Tuesday.";
        assert_eq!(anchor_at(text, "NSW").as_deref(), Some("New South Wales"));
        // A code that is no gazetteer name keeps its one region when a lone name of the text
        // reads as a namesake abroad (Glen Rock, New Jersey, for Glenrock, Newcastle).
        let text = "Rangers from NSW cleared the trail around Glenrock on Tuesday.";
        assert_eq!(anchor_at(text, "NSW").as_deref(), Some("New South Wales"));
    }

    #[test]
    fn a_code_of_a_country_the_document_does_not_name_keeps_its_readings() {
        let text = "Mining in Johannesburg and Pretoria sustains SA, South Africa's economy.";
        assert_ne!(anchor_at(text, "SA").as_deref(), Some("South Australia"));
    }

    #[test]
    fn a_span_no_name_fits_whole_reads_the_most_prominent_name_inside_it() {
        let text = "Students at the London Guildhall School and visitors to the New York Auto \
                    Show met the British Embassy Tokyo staff and US Federal Reserve officials.";
        let expected = [
            ("London Guildhall School", "GB"),
            ("New York Auto Show", "US"),
            ("British Embassy Tokyo", "JP"),
            ("US Federal Reserve", "US"),
        ];
        for (phrase, country) in expected {
            assert_eq!(
                country_at(text, phrase).as_deref(),
                Some(country),
                "{phrase}"
            );
        }
        assert_eq!(
            anchor_at(text, "New York Auto Show").as_deref(),
            Some("New York City")
        );
    }

    #[test]
    fn a_feature_noun_or_a_stray_code_inside_a_span_is_no_place() {
        // "Tower" is a town in Minnesota and "Cup" Carúpano's airport code: neither is where
        // these are; Trump Tower is a venue of its own, in New York.
        let text = "Guests at Trump Tower watched the Dubai World Cup at SB Smith Electrical.";
        assert_eq!(
            anchor_at(text, "Trump Tower").as_deref(),
            Some("Trump Tower")
        );
        assert_eq!(anchor_at(text, "World Cup"), None);
        // "SB" is the Solomon Islands' code, not a word news copy writes for them.
        assert_ne!(
            country_at(text, "SB Smith Electrical").as_deref(),
            Some("SB")
        );
    }

    #[test]
    fn a_state_that_names_a_natural_feature_is_not_where_it_lies() {
        // Tennessee Colony is a village of Anderson County, Texas; read as Tennessee it took
        // a Texas story's Anderson County and Palestine to Tennessee and the Middle East.
        let text = "Jurors from Tennessee Colony sat on the grand jury; rafts plied the \
                    Colorado River and barges the Mississippi River.";
        for phrase in ["Tennessee Colony", "Colorado River"] {
            assert_eq!(anchor_at(text, phrase), None, "{phrase}");
        }
        // A river the gazetteer holds is that river.
        assert_eq!(
            anchor_at(text, "Mississippi River").as_deref(),
            Some("Mississippi River")
        );
        // A state before a building's noun is where the building stands.
        let text = "Fans packed the Ohio Theatre downtown.";
        assert_eq!(anchor_at(text, "Ohio Theatre").as_deref(), Some("Ohio"));
    }
}
