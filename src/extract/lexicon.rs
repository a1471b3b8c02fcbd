//! The word lists of extraction: for incident detection (`event`), event words with their
//! category, cues of background writing and cues of photo captions; for casualty counting
//! (`casualties`), casualty words, hedges, auxiliaries and units. Data only, kept apart so
//! that the lists can grow without touching the logic.
//!
//! Event words match case-insensitively, leftmost-longest, as whole words that may take an
//! inflection ("bombing" matches "bombings", "car bomb" matches "car bombings"), so a longer
//! phrase overrides the words inside it: "riot police" (no event) wins over "riot", "suicide
//! attack" (bombing) over "attack". Casualty words are compared as whole tokens.

use super::event::{STRONG_CUE, WEAK_CUE};
use crate::incident::Category;

use Category::{Arrest, Attack, Bombing, Clash, Other, Protest, Riot};

/// Event words: the phrase, its category (`None` for phrases that contain an event word but
/// report nothing, like "riot police"), and whether it is generic (says only that people died
/// or were hurt).
pub(super) const TRIGGERS: &[(&str, Option<Category>, bool)] = &[
    // Riots.
    ("riot", Some(Riot), false),
    ("riots", Some(Riot), false),
    ("rioting", Some(Riot), false),
    ("rioted", Some(Riot), false),
    ("rioters", Some(Riot), false),
    ("riots broke out", Some(Riot), false),
    ("riot broke out", Some(Riot), false),
    ("prison riot", Some(Riot), false),
    ("prison riots", Some(Riot), false),
    ("looting", Some(Riot), false),
    ("riot police", None, false),
    ("anti-riot", None, false),
    ("riot gear", None, false),
    // Bombings.
    ("bombing", Some(Bombing), false),
    ("bombings", Some(Bombing), false),
    ("bomb", Some(Bombing), false),
    ("bombs", Some(Bombing), false),
    ("car bomb", Some(Bombing), false),
    ("roadside bomb", Some(Bombing), false),
    ("bomb attack", Some(Bombing), false),
    ("suicide bomber", Some(Bombing), false),
    ("suicide bombers", Some(Bombing), false),
    ("suicide bombing", Some(Bombing), false),
    ("suicide attack", Some(Bombing), false),
    ("exploded", Some(Bombing), false),
    ("explosion", Some(Bombing), false),
    ("explosions", Some(Bombing), false),
    ("blast", Some(Bombing), false),
    ("blasts", Some(Bombing), false),
    ("detonated", Some(Bombing), false),
    ("explosive device", Some(Bombing), false),
    ("improvised explosive device", Some(Bombing), false),
    ("landmine", Some(Bombing), false),
    ("bomb disposal", None, false),
    // Attacks.
    ("attack", Some(Attack), false),
    ("attacks", Some(Attack), false),
    ("attacked", Some(Attack), false),
    ("car-and-knife attack", Some(Attack), false),
    ("car ramming attack", Some(Attack), false),
    ("ramming attack", Some(Attack), false),
    ("rocket attack", Some(Attack), false),
    ("ambush", Some(Attack), false),
    ("ambushed", Some(Attack), false),
    ("opened fire", Some(Attack), false),
    ("open fire", Some(Attack), false),
    ("opens fire", Some(Attack), false),
    ("missiles struck", Some(Attack), false),
    ("missile struck", Some(Attack), false),
    ("rockets struck", Some(Attack), false),
    ("missiles hit", Some(Attack), false),
    ("rockets hit", Some(Attack), false),
    ("shells hit", Some(Attack), false),
    ("gunmen opened fire", Some(Attack), false),
    ("gunman", Some(Attack), false),
    ("gunmen", Some(Attack), false),
    ("shooting", Some(Attack), false),
    ("shootings", Some(Attack), false),
    ("mass shooting", Some(Attack), false),
    ("shot dead", Some(Attack), false),
    ("gunned down", Some(Attack), false),
    ("stormed", Some(Attack), false),
    ("massacre", Some(Attack), false),
    ("massacred", Some(Attack), false),
    ("kidnapped", Some(Attack), false),
    ("abducted", Some(Attack), false),
    ("stabbing", Some(Attack), false),
    ("stabbed", Some(Attack), false),
    ("shelling", Some(Attack), false),
    ("shelled", Some(Attack), false),
    ("airstrike", Some(Attack), false),
    ("airstrikes", Some(Attack), false),
    ("air strike", Some(Attack), false),
    ("air strikes", Some(Attack), false),
    ("drone strike", Some(Attack), false),
    ("missile strike", Some(Attack), false),
    ("raided", Some(Attack), false),
    ("beheaded", Some(Attack), false),
    ("torched", Some(Attack), false),
    ("attack helicopter", None, false),
    ("attack helicopters", None, false),
    // Clashes.
    ("clash", Some(Clash), false),
    ("clashes", Some(Clash), false),
    ("clashed", Some(Clash), false),
    ("gun battle", Some(Clash), false),
    ("gunbattle", Some(Clash), false),
    ("firefight", Some(Clash), false),
    ("exchange of fire", Some(Clash), false),
    ("exchanged fire", Some(Clash), false),
    ("skirmish", Some(Clash), false),
    ("skirmishes", Some(Clash), false),
    ("fighting broke out", Some(Clash), false),
    ("heavy fighting", Some(Clash), false),
    ("fierce fighting", Some(Clash), false),
    // Protests.
    ("protest", Some(Protest), false),
    ("protests", Some(Protest), false),
    ("protested", Some(Protest), false),
    ("protesters", Some(Protest), false),
    ("protestors", Some(Protest), false),
    ("demonstrators", Some(Protest), false),
    ("demonstration", Some(Protest), false),
    ("demonstrations", Some(Protest), false),
    ("rally", Some(Protest), false),
    ("rallies", Some(Protest), false),
    ("took to the streets", Some(Protest), false),
    ("sit-in", Some(Protest), false),
    // Arrests.
    ("arrested", Some(Arrest), false),
    ("arrest", Some(Arrest), false),
    ("arrests", Some(Arrest), false),
    ("detained", Some(Arrest), false),
    ("apprehended", Some(Arrest), false),
    ("taken into custody", Some(Arrest), false),
    ("rounded up", Some(Arrest), false),
    // Casualties without an event word.
    ("killed", Some(Other), true),
    ("killing", Some(Other), true),
    ("dead", Some(Other), true),
    ("died", Some(Other), true),
    ("wounded", Some(Other), true),
    ("injured", Some(Other), true),
    ("wounding", Some(Other), true),
    ("injuring", Some(Other), true),
    ("murdered", Some(Other), true),
    ("slain", Some(Other), true),
    ("lost their lives", Some(Other), true),
    ("death sentence", None, false),
];

/// Phrases of background writing with their weight: statistics, think tanks, aggregates over
/// time, claims and propaganda, commentary on trends.
pub(super) const BACKGROUND_CUES: &[(&str, u32)] = &[
    ("think tank", STRONG_CUE),
    ("according to data", STRONG_CUE),
    ("have traveled", STRONG_CUE),
    ("have travelled", STRONG_CUE),
    ("claimed responsibility", STRONG_CUE),
    ("propaganda", STRONG_CUE),
    ("in fighting", STRONG_CUE),
    ("statistics", STRONG_CUE),
    ("on average", STRONG_CUE),
    ("so far this year", STRONG_CUE),
    ("since the start", STRONG_CUE),
    ("since the beginning", STRONG_CUE),
    ("every year", STRONG_CUE),
    ("each year", STRONG_CUE),
    ("a year", WEAK_CUE),
    ("since", STRONG_CUE),
    ("in operations", STRONG_CUE),
    ("has killed", WEAK_CUE),
    ("have killed", WEAK_CUE),
    ("sporadic", WEAK_CUE),
    ("frequent", WEAK_CUE),
    ("repeated", WEAK_CUE),
    ("which began", WEAK_CUE),
    ("have spread", WEAK_CUE),
    ("has spread", WEAK_CUE),
    ("in the last", WEAK_CUE),
    ("in the past", WEAK_CUE),
    ("over the past", WEAK_CUE),
    ("over the last", WEAK_CUE),
    ("in recent", WEAK_CUE),
    ("have been killed", WEAK_CUE),
    ("have died", WEAK_CUE),
    ("decade", WEAK_CUE),
    ("decades", WEAK_CUE),
];

/// Phrases that mark a paragraph as a photo or video caption.
pub(super) const CAPTION_CUES: &[&str] = &[
    "AP Photo",
    "via AP)",
    "This grab",
    "file photo",
    "handout photo",
    "Getty Images",
    "In this photo",
    "This image",
    "(Photo:",
];

// Casualty counting.

/// Casualty words that say the people died.
#[rustfmt::skip]
pub(super) const DEATH_WORDS: &[&str] = &[
    "killed", "killing", "kills", "kill", "dead", "died", "slain", "murdered", "massacred",
    "executed", "perished",
];

/// Casualty words that say the people were hurt.
pub(super) const INJURY_WORDS: &[&str] = &["wounded", "wounding", "injured", "injuring", "hurt"];

/// Verbs that, used actively, make the group before them the perpetrators ("gunmen killed").
#[rustfmt::skip]
pub(super) const TRANSITIVE: &[&str] = &[
    "killed", "kill", "kills", "murdered", "massacred", "executed", "wounded", "injured",
    "hurt",
];

/// Auxiliaries and hedges skipped between a chain and its casualty word.
#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "all", "also",
    "reportedly", "later", "subsequently", "others", "other", "people", "more",
];

/// Hedges skipped before a number ("at least", "some", "an estimated").
#[rustfmt::skip]
pub(super) const HEDGES: &[&str] = &[
    "some", "at", "least", "about", "around", "nearly", "almost", "more", "than", "over", "up",
    "to", "approximately", "an", "estimated", "roughly", "another", "further",
];

/// Words that end a noun phrase.
#[rustfmt::skip]
pub(super) const PHRASE_END: &[&str] = &[
    "and", "or", "of", "in", "at", "on", "from", "to", "by", "for", "with", "during", "after",
    "before", "when", "who", "that", "which", "as", "including", "were", "was", "are", "is",
    "have", "has", "had", "been", "near", "while", "but",
];

/// Nouns that make a number a measure, not a count of people.
#[rustfmt::skip]
pub(super) const UNITS: &[&str] = &[
    "kilometres", "kilometers", "kilometre", "kilometer", "km", "miles", "mile", "metres",
    "meters", "m", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
    "months", "month", "years", "year", "percent", "per", "%", "dollars", "tons", "tonnes",
    "times", "vehicles", "houses", "homes", "buildings", "cars", "villages", "rockets",
    "missiles", "shells", "bombs", "drones", "kg", "rounds",
];

/// Words before a number that make it an age.
pub(super) const AGE_MARKERS: &[&str] = &["aged", "age", "ages"];

/// Words that introduce a subset of the victims already counted.
pub(super) const SUBSET_MARKERS: &[&str] = &["including", "among"];
