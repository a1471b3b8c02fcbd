//! The token-level cues that tell a place name from the other capitalised words of news copy:
//! a preposition of place before it ("in", "near the town of"), a comma context after it
//! (", Tajikistan"), and what rules it out: a person's or an organisation's name around it
//! ("Abu Bakr", "Soufan Group"), a title before it, a demonym used as an adjective, a code
//! written in lower case, a speech verb after a small name ("Khalimov said").

use std::ops::Range;

use crate::gazetteer::{EntryKind, Gazetteer, loose_key, loosen};

use super::lexicon;
use super::tokens::{Token, TokenKind, possessive_at};

/// All-caps words this long or shorter are codes or acronyms ("US", "UAE", "ISIS" is longer).
pub(super) const MAX_CODE_LEN: usize = 3;
/// Fewest letters of a name written in capitals that may be a place rather than an acronym
/// ("KABUL", "LONDON"; not "ISIS").
const MIN_CAPITALS_NAME_LETTERS: usize = 5;
/// Most capitalised words after a saint's possessive that may name the site ("St. John's
/// Lutheran School", "St. Mary's Roman Catholic Church").
const MAX_SAINTS_SITE_WORDS: usize = 3;
/// Towns this large (people) speak through their officials ("Moscow said"); smaller names
/// before "said" are persons ("Khalimov said").
const SPOKEN_TOWN_POPULATION: u32 = 100_000;

/// True when some reading of `folded` is a country, an admin region or a named region.
pub(super) fn names_an_area(gazetteer: &Gazetteer, folded: &str) -> bool {
    gazetteer.entries(folded).any(|e| e.kind.is_named_area())
}

/// What the readings of a name say about it, gathered in one walk of its entries.
struct Readings {
    /// Some reading is a country, an admin region or a named region (see [`names_an_area`]).
    area: bool,
    /// Some reading is a country (see [`names_a_country`]).
    country: bool,
    /// Some reading is one a reader takes without a cue (see `resolve::is_strong`): an area,
    /// a capital or seat, a sizeable town, a landmark.
    known: bool,
    /// Some reading that is [`known`](Readings::known) is reached through its main name.
    known_by_main_name: bool,
    /// Some reading is reached through its main name.
    by_main_name: bool,
    /// Some reading is a curated seat of government ("the White House").
    seat_of_government: bool,
    /// Every reading, and there is one, is a town that is no seat reached through one of its
    /// alternate names ("Slide", an old name of Fortuna, California).
    minor_alternates_only: bool,
    /// Some reading is a town of [`SPOKEN_TOWN_POPULATION`] or an airport or seat of
    /// government, which speaks through its officials ("Moscow said").
    speaks: bool,
}

/// The [`Readings`] of the folded name `folded`.
fn readings_of(gazetteer: &Gazetteer, folded: &str) -> Readings {
    let mut readings = Readings {
        area: false,
        country: false,
        known: false,
        known_by_main_name: false,
        by_main_name: false,
        seat_of_government: false,
        minor_alternates_only: true,
        speaks: false,
    };
    let mut any = false;
    for e in gazetteer.entries(folded) {
        any = true;
        let place = match e.kind {
            EntryKind::Place(p) => Some(&gazetteer.places()[p]),
            _ => None,
        };
        readings.area |= e.kind.is_named_area();
        readings.country |= matches!(e.kind, EntryKind::Country(_));
        readings.speaks |=
            place.is_some_and(|p| p.population >= SPOKEN_TOWN_POPULATION || p.is_landmark());
        let strong = super::resolve::is_strong(gazetteer, e.kind);
        readings.known |= strong;
        readings.known_by_main_name |= strong && !e.alternate;
        readings.by_main_name |= !e.alternate;
        readings.seat_of_government |= place.is_some_and(|p| p.is_seat_of_government());
        readings.minor_alternates_only &= e.alternate && place.is_some_and(|p| !p.is_admin_seat());
    }
    readings.minor_alternates_only &= any;
    readings
}

/// True when some town that `folded` names through an alternate name is named so in another
/// spelling of its main name ("douma" for Dūmā, not "part" for Perth), by their
/// [`loose_key`]s.
fn spells_a_main_name(gazetteer: &Gazetteer, folded: &str) -> bool {
    let key = loosen(folded);
    gazetteer.entries(folded).any(|e| match e.kind {
        EntryKind::Place(p) => loose_key(gazetteer.places()[p].name) == key,
        _ => false,
    })
}

/// True when the name `tokens[first..end]` (folded `folded`) is a short one written as a
/// word, not in capitals ("Ben", "Usa"): no code, whatever its spelling says.
pub(super) fn written_as_word(tokens: &[Token], first: usize, end: usize, folded: &str) -> bool {
    end - first == 1 && folded.len() <= MAX_CODE_LEN && !tokens[first].is_all_caps()
}

/// True when some reading of `folded` is a country.
pub(super) fn names_a_country(gazetteer: &Gazetteer, folded: &str) -> bool {
    gazetteer
        .entries(folded)
        .any(|e| matches!(e.kind, EntryKind::Country(_)))
}

/// True for a word that begins a new capitalised name next to this one, so that this one is
/// part of a person's or an organisation's name. A day or a month is not one ("in Baghdad
/// Friday" is Baghdad), nor an office held for the place ("Dublin Mayor Marilee Chinnici"),
/// nor the first word of a sentence whose full stop the copy lost ("in Portugal The pair").
pub(super) fn is_name_neighbour(token: &Token) -> bool {
    token.is_capitalised()
        && !token.sentence_start
        && !lexicon::is_place_preposition(token.text)
        && !lexicon::is_calendar_word(token.text)
        && !lexicon::is_office(token.text)
        && !lexicon::is_sentence_opener(token.text)
        && !lexicon::is_clause_word(token.text)
}

/// True when the country's code at `first` modifies the word at `next` ("U.S. troops", "UK
/// government"), like an adjective ("US military"), rather than being a place or the subject
/// of a clause: "in the U.S. and", "the U.S. expelled", "the US also approved", "in the U.S.
/// two weeks ago", "if the U.S. leaves".
fn modifies_next_word(tokens: &[Token], first: usize, next: usize) -> bool {
    let opens_clause = first >= 2
        && tokens[first - 1].is_word("the")
        && lexicon::is_subordinator(tokens[first - 2].text);
    // A verb in "s" after "if the U.S." is the clause's, as "leaves" is.
    let verb = |word: &str| {
        lexicon::is_clause_word(word)
            || lexicon::follows_subject(word)
            || opens_clause && word.ends_with('s')
    };
    tokens
        .get(next)
        .is_some_and(|n| n.kind == TokenKind::Word && !n.is_capitalised() && !verb(n.text))
}

/// True when token `first` follows a capitalised word of the same sentence that is no
/// preposition, function word or direction ("In", "The", "But", "North"): the two may be
/// one name.
fn follows_capitalised_word(tokens: &[Token], first: usize) -> bool {
    first > 0
        && !tokens[first].sentence_start
        && is_capitalised_content_word(&tokens[first - 1])
        && super::compass::direction_at(tokens, first - 1).is_none()
}

/// True for a capitalised word of letters that is no preposition or function word ("In",
/// "The", "But"): a word that may belong to a name.
fn is_capitalised_content_word(word: &Token) -> bool {
    word.is_capitalised()
        && word.text.chars().all(char::is_alphabetic)
        && !lexicon::is_place_preposition(word.text)
        && !lexicon::is_sentence_opener(word.text)
        && !lexicon::is_clause_word(word.text)
}

/// True when token `first` follows a function word in capitals inside a run of capitalised
/// words, in mid-sentence: a title's words ("Some Guys Have All The Luck", a song; "Luck" is a
/// village of Wisconsin and an old name of Lutsk), not "at The Hague" nor "Visit The Hague".
fn inside_title(tokens: &[Token], first: usize) -> bool {
    first >= 2 && {
        let (before, function_word) = (&tokens[first - 2], &tokens[first - 1]);
        function_word.is_capitalised()
            && !function_word.sentence_start
            && lexicon::is_sentence_opener(function_word.text)
            && !before.sentence_start
            && is_capitalised_content_word(before)
    }
}

/// True for a place preposition other than "of", which introduces places ("north of Kabul")
/// but also the words of names ("Department of Commerce").
fn cues_a_place(token: &Token) -> bool {
    lexicon::is_place_preposition(token.text) && !token.is_word("of")
}

/// True when the phrase `tokens[first..end]` closes a list ("and X", "or X", ", and X") right
/// after `previous`, the end of a toponym that a place cue introduces: "in Avdiivka and
/// Marinka" — the list shares its cue. Not a street's or a building's name ("near Rivers and
/// Stokes avenues", "between North Druid Hills and Clairmont roads").
pub(super) fn closes_cued_list(
    tokens: &[Token],
    previous: usize,
    first: usize,
    end: usize,
) -> bool {
    let Some(join) = first.checked_sub(1) else {
        return false;
    };
    let conjunction = tokens[join].is_word("and") || tokens[join].is_word("or");
    let comma = join > 0 && tokens[join - 1].is_punct(',');
    let adjacent = previous == join || comma && previous == join - 1;
    let site = tokens.get(end).is_some_and(|t| {
        t.kind == TokenKind::Word
            && (lexicon::is_site_word(t.text)
                || t.text.strip_suffix('s').is_some_and(lexicon::is_site_word))
    });
    conjunction && adjacent && !site
}

/// The token-level cues: is the phrase `tokens[first..end]` used as a place here?
/// `listed_cue` is true when it closes a list whose first name a cue introduces
/// ([`closes_cued_list`]).
pub(super) fn is_place_like(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    first: usize,
    end: usize,
    folded: &str,
    listed_cue: bool,
) -> bool {
    let head = &tokens[first];
    let single = end - first == 1;
    let readings = readings_of(gazetteer, folded);
    let area = readings.area;
    // Acronyms and codes: only a country or area code written in capitals ("US", "UAE").
    // "U.S.", "U.K.": single capitals joined by full stops are a code too.
    let dotted = !single
        && tokens[first..end]
            .iter()
            .all(|t| t.is_punct('.') || t.is_all_caps() && t.text.len() == 1);
    if dotted {
        let after = end + usize::from(tokens.get(end).is_some_and(|t| t.is_punct('.')));
        let adjectival = modifies_next_word(tokens, first, after);
        // "A.H.M. Fowzie", "S. B. Dissanayake": a person's initials, unless news copy writes
        // them for a country ("U.S. Congress").
        let code: String = tokens[first..end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text)
            .collect();
        let initials = !lexicon::is_news_code(&code)
            && tokens
                .get(after)
                .is_some_and(|n| n.is_capitalised() && !n.sentence_start);
        return area && !adjectival && !initials;
    }
    let known = readings.known;
    if head.is_all_caps() && head.text.chars().count() > 1 {
        if super::dateline::is_wire_dateline(tokens, first, end) {
            return true;
        }
        let code = single && area && lexicon::is_news_code(head.text);
        // "US-backed" is a compound; "the US-Mexico border" joins two places.
        let adjectival = tokens.get(end).is_some_and(|n| n.is_punct('-'))
            && !joins_places(gazetteer, tokens, end)
            || modifies_next_word(tokens, first, end);
        // "LONDON The Latest", "(NEW YORK) —": a dateline writes a place a reader knows in
        // capitals at the start of a line or in brackets; a short word in capitals is an
        // acronym ("ISIS", "NATO"), and capitals inside a sentence are emphasis.
        let opens = head.sentence_start || first > 0 && tokens[first - 1].is_punct('(');
        let spelled_out = opens && folded.len() >= MIN_CAPITALS_NAME_LETTERS && known;
        if code || !spelled_out {
            return code && !adjectival;
        }
    }
    if !single && folded.len() <= MAX_CODE_LEN {
        return false;
    }
    // "Federal Reserve", "Royal Wedding": a name that no reader knows as a place, right after
    // a capitalised word in mid-sentence, is the rest of that word's name, whatever the word.
    if !known && !area && follows_capitalised_word(tokens, first) {
        return false;
    }
    // A title may name a town a reader knows by its main name, not one known only by
    // another name or not known at all.
    if !area && !readings.known_by_main_name && inside_title(tokens, first) {
        return false;
    }
    // "Chad", "Jordan", "Turkey" are countries first; "At" (Austria's code) is a word first.
    let country = folded.len() > MAX_CODE_LEN && readings.country;
    // "Of" does not make a common word a town: "Chamber of Commerce" (see `cues_a_place`).
    let cued_here = first > 0 && cues_a_place(&tokens[first - 1]);
    if single && lexicon::is_common_word(head.text) && !country {
        // "in Nice", "in Reading": a town that is also a word, when a preposition says so;
        // "Luton, Beds", "in Bucks": a county's short form, when an address or a preposition
        // says so.
        let town = cued_here && lexicon::is_town_word(head.text);
        let county = (cued_here || closes_address(tokens, first))
            && lexicon::is_county_short_form(head.text);
        if !(town || county) {
            return false;
        }
    }
    // "MoD", "DoJ": a short word with a capital inside is an organisation's acronym (words
    // all in capitals were decided above).
    let inner_capital = head.text.chars().skip(1).any(char::is_uppercase);
    if single && folded.len() <= MAX_CODE_LEN && inner_capital {
        return false;
    }
    // Short names are codes ("US", "UK"): only when written in capitals.
    if folded.len() <= MAX_CODE_LEN
        && !head.is_all_caps()
        && gazetteer
            .entries(folded)
            .all(|e| !matches!(e.kind, EntryKind::Place(_)))
    {
        return false;
    }
    // A short word that a small place is named ("Bar", "Far", "Ray", "Kay") is a word or a
    // first name unless a preposition introduces it ("in Rye"); an alternate name makes no
    // place known: a country's code written as a word ("Ben" for BEN, Benin) or a surname
    // that is a county's other name ("Li" for Lixian).
    if written_as_word(tokens, first, end, folded) && !cued_here && !readings.known_by_main_name {
        return false;
    }
    // "The White House said", "Kremlin aides": a seat of government named without a
    // preposition is the government, an organisation; "outside the White House" is the place.
    let cued_before_the =
        first > 1 && tokens[first - 1].is_word("the") && cues_a_place(&tokens[first - 2]);
    if readings.seat_of_government && !cued_here && !cued_before_the {
        return false;
    }
    // "Part of that is ...", "Store shelves ...": a word capitalised only because it opens a
    // sentence is no place when it is only another name of a town (Perth's) or an ordinary
    // word, unless a preposition says so; an area's other name ("Britain") and another
    // spelling of a town's name ("Douma" for Dūmā) still are.
    if single && head.sentence_start && !cued_here {
        let other_name = !(readings.by_main_name || area || spells_a_main_name(gazetteer, folded));
        if other_name || lexicon::is_ordinary_word(head.text) {
            return false;
        }
    }
    // "Slide" (an old name of Fortuna, California): a word that only small towns have as an
    // alternate name is a place only when a preposition, a descriptor or a verb of war says so
    // ("shelled Tulkarem"). A seat keeps its other names ("Qamishli" for Al Qāmishlī).
    let object_of_war = || {
        first > 0 && lexicon::takes_place_object(tokens[first - 1].text)
            || struck_or_raided_place(tokens, first, end)
    };
    // "the town of Arbinda" (another name of Aribinda): a town's descriptor after "the" says
    // so too; not "Torkula village of Guma" (no "the"), nor "the island of Tortola" (the
    // island is no town of that other name).
    let described = || {
        let start = super::relative::descriptor_start(tokens, first).0;
        start < first
            && tokens[start].is_word("the")
            && tokens[start + 1..first]
                .iter()
                .any(|t| lexicon::is_town_noun(t.text))
    };
    if single
        && readings.minor_alternates_only
        && !known
        && !cued_here
        && !object_of_war()
        && !described()
        && !listed_cue
        && !super::admin_list::is_listed_area(tokens, end)
    {
        return false;
    }
    if gazetteer.demonym(folded).is_some() && !area {
        return false;
    }
    // "Soufan Group", "Islamic State", "Kabul University"; "US-backed", "Dushanbe-based".
    if let Some(next) = tokens.get(end) {
        // "Baha'i": the name is the start of a longer word.
        let apostrophe = next.is_apostrophe() && !next.space_before;
        // "St. Peter's Basilica", "St. Mary's Hospital": a saint's church or hospital, unless
        // the name is a town a reader knows ("St. Louis's Busch Stadium") and no noun of a
        // saint's site closes the words that follow ("St George's Chapel" is no chapel of St.
        // George, Utah, nor "St. John's Lutheran School" a school of St. John's,
        // Newfoundland).
        let saint = lexicon::is_name_abbreviation(head.text) || head.is_word("saint");
        let possessive = possessive_at(tokens, end);
        let site_follows = || {
            tokens[end + 2..]
                .iter()
                .take(MAX_SAINTS_SITE_WORDS)
                .take_while(|t| t.is_capitalised())
                .any(|t| lexicon::is_saints_site_word(t.text))
        };
        let saints_site = possessive
            && tokens
                .get(end + 2)
                .is_some_and(|t| t.is_capitalised() && (!known || site_follows()));
        if saint && saints_site {
            return false;
        }
        // "Fleming's Steakhouse", "Moody's Analytics", "at Culver's, 1200 DeKalb Ave.": after
        // a possessive, a capitalised word (not a month's: "Sun Valley's March check") or no
        // noun at all makes the whole a shop's or a firm's name; a place's possessive takes
        // a noun ("Marjah's market"), and a place a reader knows keeps its own ("Kabul's
        // Green Zone"). A small town's named site goes with it ("Butte's Bert Mooney
        // Airport"): a name after a possessive is far more often a person's.
        let shop_name = tokens.get(end + 2).is_none_or(|t| {
            t.is_capitalised() && !lexicon::is_calendar_word(t.text) || t.kind == TokenKind::Punct
        });
        if possessive && shop_name && !known && !area {
            return false;
        }
        let word_goes_on = tokens.get(end + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.space_before && !t.is_capitalised() && t.text != "s"
        });
        if apostrophe && word_goes_on {
            return false;
        }
        // A name in capitals ends where the words in capitals do ("LONDON The Latest").
        let case_changes = head.is_all_caps() && !next.is_all_caps();
        let in_name = (next.space_before && is_name_neighbour(next)
            || next.is_capitalised() && lexicon::is_institution_suffix(next.text))
            && !case_changes;
        // "City Council", "Superior Court", "South Central District": a word that names a
        // body's kind or a direction is part of the body's name, not its place.
        let body_word = single
            && (lexicon::is_body_kind(head.text)
                || super::compass::direction_at(tokens, first).is_some());
        if in_name && (body_word || !names_civic_body(tokens, end)) {
            return false;
        }
        // "City Manager", "County Clerk": the office of a body, not of a place called City.
        if body_word && next.space_before && lexicon::is_office(next.text) {
            return false;
        }
        // "Northwest 34th Street", "Interstate 64 West": a direction beside a number names
        // a street or a carriageway.
        let numbered = next.kind == TokenKind::Number
            || first > 0 && tokens[first - 1].kind == TokenKind::Number;
        if single && numbered && super::compass::direction_at(tokens, first).is_some() {
            return false;
        }
        if particle_follows(tokens, end) {
            return false;
        }
        // "US-backed", "Al-Shabaab": full compounds ("Port-au-Prince") matched as one name;
        // but "the Kabul-Jalalabad highway" joins two places.
        if next.is_punct('-') && !next.space_before && !joins_places(gazetteer, tokens, end) {
            return false;
        }
        // "Saudi officials", "Afghan forces": a demonym used as an adjective.
        let adjective = next.kind == TokenKind::Word
            && !next.is_capitalised()
            && !lexicon::is_clause_word(next.text);
        if adjective && gazetteer.demonym(folded).is_some() {
            return false;
        }
        // Big towns and airports speak through their officials ("Moscow said", "Heathrow said"
        // for its operator); a seat of government that speaks was decided above. After "in"
        // the name is where the speaker is ("Police in Torrington said"), as no person is
        // "in" anyone; "a friend of Johnson said" keeps the person.
        let speaker_in = first > 0 && tokens[first - 1].is_word("in");
        if lexicon::is_speech_verb(next.text) && !area && !readings.speaks && !speaker_in {
            return false;
        }
        // "Barry, who was from Dewsbury": "who" follows a person, a town takes "which"; after
        // a preposition or in an address it is the person before ("John Nale of Chattanooga,
        // who", "of 1 Carrowclough, Tipperary, who").
        let who = next.is_word("who")
            || next.is_punct(',') && tokens.get(end + 1).is_some_and(|t| t.is_word("who"));
        let person_before = first > 0 && lexicon::is_place_preposition(tokens[first - 1].text)
            || closes_address(tokens, first);
        if who && !area && !person_before {
            return false;
        }
        // "the Bush administration", "the Obama campaign": a politician's.
        if lexicon::is_politics_word(next.text) && !area {
            return false;
        }
        // "the Adena people", "the Hopi tribe": a people's name, not its namesake village.
        if lexicon::is_people_word(next.text) && !area && !readings.known_by_main_name {
            return false;
        }
        // "the corner of Lakeview and Harrison streets": a street's name, not the town's
        // (Harrison, Arkansas, a county seat of 13,000); "the Kabul and Kandahar roads" are
        // the cities'.
        if super::site::names_street_of_pair(tokens, end) && !area && !readings.speaks {
            return false;
        }
    }
    // "Stevens & Wilkinson", "Johnson & Johnson": a firm of partners' names; "Trinidad &
    // Tobago" names an area on one side at least.
    let ampersand = |at: usize, beyond: usize| {
        tokens.get(at).is_some_and(|t| t.is_punct('&'))
            && tokens.get(beyond).is_some_and(|t| {
                t.is_capitalised() && !names_an_area(gazetteer, &crate::gazetteer::fold(t.text))
            })
    };
    let partners = ampersand(end, end + 1) || first >= 2 && ampersand(first - 1, first - 2);
    if partners && !area {
        return false;
    }
    // "Matthew D. Flores", "Mrs. Lincoln", "St. Patrick's Day", "Mike de Kock".
    if follows_initial_or_title(tokens, first)
        || first >= 2 && tokens[first - 2].is_capitalised() && particle_follows(tokens, first - 1)
    {
        return false;
    }
    // "Abu Bakr", "President Obama", "Gulmurod Khalimov".
    if let Some(prev) = first.checked_sub(1).map(|p| &tokens[p]) {
        let compass = super::compass::direction_at(tokens, first - 1).is_some();
        if prev.is_capitalised() && !lexicon::is_common_word(prev.text) && !compass {
            return false;
        }
        if lexicon::is_title(prev.text)
            || names_kin(tokens, first, end)
            || names_victim(tokens, first, end)
        {
            return false;
        }
        let joined = prev.is_punct('-') && joins_places(gazetteer, tokens, first - 1);
        // "al-Raqqa": the article belongs to the name, "anti-Israel" is no name's.
        let after_article = first >= 2 && super::mention::opens_with_article(tokens, first - 2);
        if (prev.is_punct('-') || prev.is_punct('\''))
            && !prev.space_before
            && !head.space_before
            && !joined
            && !after_article
        {
            return false;
        }
    }
    true
}

/// True when the one-word name at `first..end` is a person's given name after a noun of kin
/// in lower case: right after it ("son James"), after it and a comma when another comma or
/// the sentence's end closes the apposition ("his wife, Julia, has"), or later in a list of
/// such names joined by "and" or commas ("daughters North and Chicago").
pub(super) fn names_kin(tokens: &[Token], first: usize, end: usize) -> bool {
    if end != first + 1 {
        return false;
    }
    let is_kin = |t: &Token| !t.is_capitalised() && lexicon::is_kin_word(t.text);
    let closed = tokens
        .get(end)
        .is_none_or(|t| t.is_punct(',') || t.is_punct('.'));
    // Walk back over the names and joins of a list to the word before its first name.
    let mut k = first;
    loop {
        let Some(prev) = k.checked_sub(1).map(|p| &tokens[p]) else {
            return false;
        };
        if is_kin(prev) {
            return true;
        }
        if prev.is_punct(',') && k >= 2 && is_kin(&tokens[k - 2]) {
            return k < first || closed;
        }
        let joined = prev.is_word("and") || prev.is_punct(',');
        let name_before = k >= 2 && tokens[k - 2].is_capitalised() && !tokens[k - 2].is_all_caps();
        if !(joined && name_before) {
            return false;
        }
        k -= 2;
    }
}

/// True when the one-word name at `first..end` is the victim of a verb of violence right
/// before it, in lower case ("killing Welch and", "stabbed Welch."): a person. Only where the
/// clause ends or goes on after the name ("stabbed Welch in the back"), not before a noun it
/// modifies ("killed Kabul residents") or a possessive ("killed Moscow's mayor").
pub(super) fn names_victim(tokens: &[Token], first: usize, end: usize) -> bool {
    let victim_verb = first
        .checked_sub(1)
        .is_some_and(|v| !tokens[v].is_capitalised() && lexicon::is_victim_verb(tokens[v].text));
    end == first + 1 && victim_verb && stands_alone(tokens, end)
}

/// True when the name that ends at token `end` is a noun by itself, not the modifier of one
/// or a possessive: the text or the clause ends after it, or goes on ("stabbed Welch in the
/// back", "against Louisville 0 for 10"), rather than a noun following ("killed Kabul
/// residents", "beat London goalie Trevor Cann", "Moscow's mayor").
pub(super) fn stands_alone(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_none_or(|t| match t.kind {
        TokenKind::Punct => !t.is_apostrophe(),
        TokenKind::Word => lexicon::is_clause_word(t.text),
        TokenKind::Number => true,
    })
}

/// True when the token after `end` (one past a name) begins a person's name: a name particle
/// written in lower case followed by a capitalised word ("Mike de Kock", "Osama bin Laden").
pub(super) fn particle_follows(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.kind == TokenKind::Word && !t.is_capitalised() && lexicon::is_name_particle(t.text)
    }) && tokens.get(end + 1).is_some_and(Token::is_capitalised)
}

/// Capitalised words after a place that may still name one of its civic bodies ("Dublin City
/// Council", "Butler County Coroner's Office").
const MAX_CIVIC_WORDS: usize = 3;

/// True when the capitalised words from token `at` name a civic body of the place before them
/// ("Gainesville Police", "Dublin City Council", "Oxford Crown Court", "Georgia Bureau of
/// Investigation") or the office of one ("Dublin City Manager"): the place is where the body
/// works, so it stays a place. A newspaper, a university or a firm named after a place
/// ("Washington Post", "Kabul University") does not.
fn names_civic_body(tokens: &[Token], at: usize) -> bool {
    let mut after_body_kind = false;
    tokens
        .iter()
        .skip(at)
        .filter(|t| !(t.is_apostrophe() || t.is_word("s")))
        .take(MAX_CIVIC_WORDS)
        .take_while(|t| t.is_capitalised())
        .any(|t| {
            let office = after_body_kind && lexicon::is_office(t.text);
            after_body_kind = lexicon::is_body_kind(t.text);
            lexicon::is_civic_body(t.text) || office
        })
}

/// Most tokens a name on either side of a joining hyphen spans ("U.S." is four).
const MAX_JOINED_NAME_TOKENS: usize = 4;

/// True when the tokens `range`, capitalised, name a place a reader knows without a cue, or
/// any place when `road` (the name of a road's end). In capitals only a country's name or
/// code counts ("US", "DPRK"): "ISIS" and the like are no places.
fn known_name(gazetteer: &Gazetteer, tokens: &[Token], range: Range<usize>, road: bool) -> bool {
    let words = &tokens[range];
    // "Mar-a-Lago" is one name, not "Mara" and "Lago".
    if !words.first().is_some_and(Token::is_capitalised) || words.iter().any(|t| t.is_punct('-')) {
        return false;
    }
    let folded: String = words
        .iter()
        .map(|t| crate::gazetteer::fold(t.text))
        .collect();
    let capitals = words
        .iter()
        .all(|t| t.kind != TokenKind::Word || t.is_all_caps());
    gazetteer.entries(&folded).any(|e| match e.kind {
        EntryKind::Demonym(_) => false,
        EntryKind::Country(_) => true,
        kind => !capitals && (road || super::resolve::is_strong(gazetteer, kind)),
    })
}

/// True when the hyphen at token `hyphen` joins two places a reader knows without a cue
/// ("Kabul-Jalalabad", "Israel-Gaza", "the US-Mexico border", "the DPRK-South Korea
/// summit"), or any places before a road's noun ("the Maiduguri-Damboa road"), not the parts
/// of a person's name ("Jean-Paul") or a compound ("US-backed").
fn joins_places(gazetteer: &Gazetteer, tokens: &[Token], hyphen: usize) -> bool {
    let glued = hyphen > 0
        && tokens
            .get(hyphen)
            .is_some_and(|h| h.is_punct('-') && !h.space_before)
        && tokens.get(hyphen + 1).is_some_and(|t| !t.space_before);
    if !glued {
        return false;
    }
    let last_end = tokens.len().min(hyphen + 1 + MAX_JOINED_NAME_TOKENS);
    let road_at = |end: usize| tokens.get(end).is_some_and(super::road::is_road_noun);
    // The longest name right after the hyphen, then a name that ends at it.
    let Some(after_end) = (hyphen + 2..=last_end)
        .rev()
        .find(|&end| known_name(gazetteer, tokens, hyphen + 1..end, road_at(end)))
    else {
        return false;
    };
    let road = road_at(after_end);
    (hyphen.saturating_sub(MAX_JOINED_NAME_TOKENS)..hyphen)
        .any(|first| known_name(gazetteer, tokens, first..hyphen, road))
}

/// True when token `first` follows a capitalised name and a comma, closing an address as a
/// county or a state does ("Luton, Beds").
fn closes_address(tokens: &[Token], first: usize) -> bool {
    let [.., name, comma] = &tokens[..first] else {
        return false;
    };
    comma.is_punct(',') && name.is_capitalised()
}

/// True when token `first` follows a first name and its middle initial, or an abbreviated
/// title, with its full stop ("Matthew D. Flores", "Mrs. Lincoln", "Gen. Dostum",
/// "St. Patrick's Day"): it is a name. A lone initial is not enough ("W. Va.", "N. Korea"). A
/// place named for a saint ("St. Petersburg") is matched whole from its "St." and never gets
/// here.
pub(super) fn follows_initial_or_title(tokens: &[Token], first: usize) -> bool {
    let [rest @ .., before, dot] = &tokens[..first] else {
        return false;
    };
    let initial = before.is_all_caps()
        && before.text.chars().count() == 1
        && rest.last().is_some_and(|name| {
            name.is_capitalised() && !name.is_all_caps() && !lexicon::is_common_word(name.text)
        });
    let title = before.is_capitalised() && lexicon::is_title(before.text);
    dot.is_punct('.') && !dot.space_before && before.kind == TokenKind::Word && (initial || title)
}

/// True when a place preposition or a verb of war that takes a place ("entered",
/// "shelled"), possibly with a descriptor ("in the town of", "near the village of"), comes
/// right before token `first`.
pub(super) fn introduced_as_place(tokens: &[Token], first: usize) -> bool {
    let from = first.saturating_sub(super::relative::MAX_DESCRIPTOR_TOKENS + 2);
    for (k, t) in tokens[from..first].iter().enumerate().rev() {
        // "fired on Qamishli", "airstrikes on Idlib": "on" after a word of attack.
        let attacked = t.is_word("on")
            && (from + k)
                .checked_sub(1)
                .is_some_and(|j| lexicon::is_attack_word(tokens[j].text));
        // "troops entered al-Qaim", "shelled the town of": a verb of war and its object.
        if lexicon::is_place_preposition(t.text) || attacked || lexicon::takes_place_object(t.text)
        {
            return true;
        }
        if !(t.kind == TokenKind::Word && !t.is_capitalised() || t.is_word("the")) {
            return false;
        }
    }
    false
}

/// True when "raided" (or "raiding") or a weapon's verb of striking ("airstrikes hit",
/// "explosions rocked") comes right before the name `tokens[first..end]` ("raided" also before
/// "the" and it), and no possessive follows it: "Troops raided Jenin" and "airstrikes hit Maarat
/// al-Numan" are places, "Police raided Smith's home" and "a missile hit Smith's home" a
/// person's.
pub(super) fn struck_or_raided_place(tokens: &[Token], first: usize, end: usize) -> bool {
    let the = usize::from(first > 0 && tokens[first - 1].is_word("the"));
    let Some(verb) = first.checked_sub(the + 1) else {
        return false;
    };
    let raided = ["raided", "raiding"]
        .iter()
        .any(|w| tokens[verb].is_word(w));
    // Not "hit the Bara market in Kano": after "the", a name struck names the thing hit.
    let struck = the == 0
        && verb
            .checked_sub(1)
            .is_some_and(|w| lexicon::weapon_strikes(tokens[w].text, tokens[verb].text));
    let possessive = tokens
        .get(end)
        .is_some_and(|t| t.is_apostrophe() && !t.space_before);
    (raided || struck) && !possessive
}

/// True when a place preposition, possibly with a descriptor ("in the city of"), comes right
/// before token `first`, "raided" or "missiles hit" before a name that no possessive follows,
/// or a comma context (", Tajikistan") right after `end`.
pub(super) fn has_place_cue(
    gazetteer: &Gazetteer,
    tokens: &[Token],
    first: usize,
    end: usize,
) -> bool {
    let before = introduced_as_place(tokens, first) || struck_or_raided_place(tokens, first, end);
    let comma_context = tokens.get(end).is_some_and(|t| t.is_punct(','))
        && tokens.get(end + 1).is_some_and(|t| {
            t.is_capitalised() && names_an_area(gazetteer, &crate::gazetteer::fold(t.text))
        });
    before || comma_context
}
