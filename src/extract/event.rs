//! Incident detection: does a sentence report a violent or security event, and of which
//! category? Runs on each sentence from `segment`, before dates, casualties and places are
//! attached in `article`.
//!
//! A lexicon of event words and their forms (one Aho-Corasick automaton, case-insensitive,
//! leftmost-longest, whole words with inflections) finds triggers; a second automaton finds
//! cues of background writing (statistics, think tanks, claims, aggregates "in fighting",
//! "since"). [`reports_event`] weighs the evidence that a specific event is reported (a time
//! expression, a concrete casualty count, a specific event word) against those cues. The
//! determiner before a trigger tells a back-reference ("the riot") from a new event, and
//! "another", "separate", "second" mark a further one.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{BACKGROUND_CUES, CAPTION_CUES, TRIGGERS};
use crate::incident::Category;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Words before a trigger that make it refer back to an event already reported.
/// ("that" is left out: it is far more often a conjunction, "said that riots broke out".)
const BACK_REFERENCE_DETERMINERS: &[&str] = &["the", "this", "these"];
/// Words before a trigger that mark a further, distinct event.
const SEPARATE_EVENT_CUES: &[&str] = &[
    "another",
    "separate",
    "separately",
    "second",
    "third",
    "new",
    "fresh",
];
/// Endings a lexicon word may take in the text ("bombing" → "bombings", "car bomb" → "car
/// bombings", "riot" → "rioted"), longest first; agent nouns ("attackers") are not among them.
const INFLECTIONS: &[&str] = &["ings", "ing", "es", "ed", "s", "d", ""];
/// How many words before a trigger are searched for a determiner or a separate-event cue.
const TRIGGER_LOOKBEHIND_WORDS: usize = 3;
/// Weight of a background cue that alone outweighs one piece of evidence of an event.
pub(super) const STRONG_CUE: u32 = 2;
/// Weight of a cue that only hints at commentary ("since", "in the last").
pub(super) const WEAK_CUE: u32 = 1;

/// The event word that makes a sentence an incident report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub category: Category,
    /// Byte range inside the sentence.
    pub span: Range<usize>,
    /// True for words that say only that people died or were hurt ("killed", "dead").
    pub generic: bool,
    /// True when a determiner points back to an event already told ("the riot").
    pub back_reference: bool,
    /// True when the text marks a further event ("another attack", "a separate incident").
    pub separate: bool,
}

/// What else a sentence says, besides its trigger, that marks a specific event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub has_date: bool,
    pub has_casualty_count: bool,
}

struct Automata {
    triggers: AhoCorasick,
    background: AhoCorasick,
    captions: AhoCorasick,
}

static AUTOMATA: LazyLock<Automata> = LazyLock::new(|| Automata {
    triggers: automaton(TRIGGERS.iter().map(|t| t.0)),
    background: automaton(BACKGROUND_CUES.iter().map(|c| c.0)),
    captions: automaton(CAPTION_CUES.iter().copied()),
});

fn automaton<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("the lexicon is a fixed, valid set of literal patterns")
}

/// Where the word or phrase at `range` ends in `text`, with an inflection from
/// [`INFLECTIONS`]; `None` when it starts or ends inside a longer word.
fn inflected_end(text: &str, range: &Range<usize>) -> Option<usize> {
    if text[..range.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let rest = &text[range.end..];
    INFLECTIONS.iter().find_map(|suffix| {
        let ending = rest.get(..suffix.len())?;
        let after = rest.get(suffix.len()..)?;
        (ending.eq_ignore_ascii_case(suffix) && !after.starts_with(char::is_alphanumeric))
            .then_some(range.end + suffix.len())
    })
}

/// True when `text[range]` is a whole word or phrase, not part of a longer word.
fn whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The trigger of `sentence`: specific event words before generic ones ("killed in the
/// attack" is about the attack), new events before back-references, then by category
/// priority and position; `None` when the sentence has no event word.
pub fn find_trigger(sentence: &str) -> Option<Trigger> {
    AUTOMATA
        .triggers
        .find_iter(sentence)
        .filter_map(|m| {
            let end = inflected_end(sentence, &m.range())?;
            let (_, category, generic) = TRIGGERS[m.pattern().as_usize()];
            let category = category?;
            let before = words_before(sentence, m.start());
            let is_determiner = |w: &String| BACK_REFERENCE_DETERMINERS.contains(&w.as_str());
            let back_reference = before.first().is_some_and(is_determiner)
                || (before.len() > 1
                    && is_determiner(&before[1])
                    && before[0].chars().all(char::is_lowercase));
            let separate = before
                .iter()
                .any(|w| SEPARATE_EVENT_CUES.contains(&w.as_str()))
                || sentence[..m.start()]
                    .to_ascii_lowercase()
                    .contains("separate incident");
            Some(Trigger {
                category,
                span: m.start()..end,
                generic,
                back_reference,
                separate,
            })
        })
        .min_by_key(|t| {
            (
                t.generic,
                t.back_reference,
                priority(t.category),
                t.span.start,
            )
        })
}

/// Which category wins when one sentence has several event words: the most specific kind
/// of violence first ("a bomb exploded during the riot" is a bombing), `Other` last.
fn priority(category: Category) -> u8 {
    match category {
        Category::Bombing => 0,
        Category::Riot => 1,
        Category::Clash => 2,
        Category::Arrest => 3,
        Category::Attack => 4,
        Category::Protest => 5,
        Category::Other => 6,
    }
}

/// Up to [`TRIGGER_LOOKBEHIND_WORDS`] words before byte `at`, nearest first. Words keep their
/// case so that an adjective ("deadly") can be told from a name; determiners are compared
/// lower-cased.
fn words_before(sentence: &str, at: usize) -> Vec<String> {
    sentence[..at]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rev()
        .filter(|w| !w.is_empty())
        .take(TRIGGER_LOOKBEHIND_WORDS)
        .map(|w| {
            let lower = w.to_lowercase();
            let keyword = BACK_REFERENCE_DETERMINERS.contains(&lower.as_str())
                || SEPARATE_EVENT_CUES.contains(&lower.as_str());
            if keyword { lower } else { w.to_owned() }
        })
        .collect()
}

/// Summed weight of the background cues in `sentence` (0 when none).
pub fn background_weight(sentence: &str) -> u32 {
    AUTOMATA
        .background
        .find_iter(sentence)
        .filter(|m| whole_word(sentence, &m.range()))
        .map(|m| BACKGROUND_CUES[m.pattern().as_usize()].1)
        .sum()
}

/// True when `paragraph` is a photo or video caption, which restates rather than reports.
pub fn is_caption(paragraph: &str) -> bool {
    AUTOMATA.captions.is_match(paragraph)
}

/// True when a sentence with `trigger` reports a specific event rather than background:
/// evidence (a date, a casualty count, a specific event word) must outweigh background cues.
pub fn reports_event(trigger: &Trigger, evidence: Evidence, background: u32) -> bool {
    let specific = u32::from(evidence.has_date)
        + u32::from(evidence.has_casualty_count)
        + u32::from(!trigger.generic);
    background == 0 || specific > background
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(sentence: &str) -> Option<Category> {
        find_trigger(sentence).map(|t| t.category)
    }

    #[test]
    fn event_words_map_to_contract_categories() {
        assert_eq!(category("Riots broke out on Sunday."), Some(Category::Riot));
        assert_eq!(
            category("A car-and-knife attack on tourists."),
            Some(Category::Attack)
        );
        assert_eq!(
            category("A suicide bomber blew himself up."),
            Some(Category::Bombing)
        );
        assert_eq!(
            category("Heavy shelling hit the town."),
            Some(Category::Attack)
        );
        // Regression: a gunman's killing and a shooting were "other".
        assert_eq!(
            category("A gunman killed two people at a shop."),
            Some(Category::Attack)
        );
        assert_eq!(
            category("Two died in a shooting on Monday."),
            Some(Category::Attack)
        );
        assert_eq!(
            category("Clashes erupted near the border."),
            Some(Category::Clash)
        );
        assert_eq!(
            category("Thousands of protesters marched."),
            Some(Category::Protest)
        );
        assert_eq!(
            category("Police detained 40 demonstrators."),
            Some(Category::Arrest)
        );
        assert_eq!(category("Five people were killed."), Some(Category::Other));
        assert_eq!(category("Riot police guarded the square."), None);
        assert_eq!(category("The attackers fled."), None);
        assert_eq!(
            category("Two car bombings shook the city."),
            Some(Category::Bombing)
        );
        assert_eq!(category("Inmates rioted."), Some(Category::Riot));
    }

    #[test]
    fn trigger_span_points_at_the_event_word() {
        let s = "Gunmen opened fire on a bus in Kabul.";
        let t = find_trigger(s).unwrap();
        assert_eq!(&s[t.span], "Gunmen opened fire");
        assert!(!t.generic && !t.back_reference);
    }

    #[test]
    fn determiners_make_back_references_and_another_makes_a_new_event() {
        assert!(
            find_trigger("Two men responsible for the attack were killed.")
                .unwrap()
                .back_reference
        );
        assert!(
            find_trigger("The deadly riot shocked the country.")
                .unwrap()
                .back_reference
        );
        assert!(
            find_trigger("In another attack, three died.")
                .unwrap()
                .separate
        );
        assert!(
            find_trigger("In a separate incident, a bomb exploded.")
                .unwrap()
                .separate
        );
    }

    #[test]
    fn background_outweighs_a_generic_report() {
        let s = "Since the last sliver of territory was captured this year, some 500 nationals were killed in fighting.";
        let t = find_trigger(s).unwrap();
        let evidence = Evidence {
            has_date: true,
            has_casualty_count: true,
        };
        assert!(!reports_event(&t, evidence, background_weight(s)));
        let s = "In November last year, some 21 inmates were killed during violence.";
        assert!(reports_event(
            &find_trigger(s).unwrap(),
            evidence,
            background_weight(s)
        ));
    }

    #[test]
    fn captions_are_recognised() {
        assert!(is_caption("Smoke rises over the city. (AP Photo/John Doe)"));
        assert!(!is_caption("Smoke rose over the city on Monday."));
    }
}
