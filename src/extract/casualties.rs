//! How many people were killed and injured, read from one event sentence; runs after `event`
//! has found the trigger, and `article` keeps the largest counts over the sentences that
//! report the same incident.
//!
//! A *group* is a number with the noun phrase after it ("29 inmates", "one Swiss and Dutch
//! national", "12"); groups joined by "and", commas or "as well as" form a *chain* whose
//! values add up ("three prison guards and 29 inmates" = 32). A chain counts only when a
//! casualty word sits right after it in the passive or as an adjective ("were killed",
//! "dead", "12 wounded") or right before it ("killing 24 inmates", "wounded 12"). Numbers that
//! are not victims fail one of those tests or name a unit ("10 kilometres", "2015", "aged 25",
//! "of a population of some 1,500", "4,000 nationals have traveled").

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{
    AGE_MARKERS, AUXILIARIES, DEATH_WORDS, HEDGES, INJURY_WORDS, PHRASE_END, SUBSET_MARKERS,
    TRANSITIVE, UNITS,
};
use super::numbers::read_number;

/// The longest noun phrase after a number, in words ("prison guards", "US citizens").
const NOUN_PHRASE_MAX_WORDS: usize = 5;
/// Years, which a number alone in this range most likely is.
const YEAR_RANGE: std::ops::RangeInclusive<u32> = 1900..=2100;

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:[,.'\u{2019}-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")
        .expect("the token pattern is fixed and valid")
});

/// People killed and injured according to one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Casualties {
    pub fatalities: u32,
    pub injuries: u32,
}

impl Casualties {
    /// True when the sentence gives a concrete count of victims.
    pub fn is_counted(&self) -> bool {
        self.fatalities > 0 || self.injuries > 0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Killed,
    Injured,
}

/// Counts the killed and injured in `sentence`.
///
/// # Runtime
/// Linear in the number of words.
pub fn count(sentence: &str) -> Casualties {
    let tokens: Vec<&str> = TOKEN_RE.find_iter(sentence).map(|m| m.as_str()).collect();
    let mut out = Casualties::default();
    let mut i = 0;
    while i < tokens.len() {
        let Some((value, end)) = read_chain(&tokens, i) else {
            i += 1;
            continue;
        };
        match role(&tokens, i, end) {
            Some(Role::Killed) => out.fatalities += value,
            Some(Role::Injured) => out.injuries += value,
            None => {}
        }
        i = end;
    }
    out
}

/// Reads a chain of groups starting at token `i`: its total and the token after it.
fn read_chain(tokens: &[&str], i: usize) -> Option<(u32, usize)> {
    let (mut total, mut end) = read_group(tokens, i)?;
    let mut subset = false;
    loop {
        let mut j = end;
        while j < tokens.len() && is_connector(tokens, j) {
            subset |= SUBSET_MARKERS
                .iter()
                .any(|m| tokens[j].eq_ignore_ascii_case(m));
            j += 1;
        }
        // Only a connector continues the chain ("two soldiers and at least three civilians"):
        // in "two people at a shop" the hedge word "at" starts no second group.
        let connected = j > end;
        while j < tokens.len() && HEDGES.iter().any(|h| tokens[j].eq_ignore_ascii_case(h)) {
            j += 1;
        }
        let group = read_group(tokens, j).or_else(|| read_singular(tokens, j));
        match group.filter(|_| connected) {
            Some((value, next)) => {
                if !subset {
                    total += value;
                }
                end = next;
            }
            None => return Some((total, end)),
        }
    }
}

fn is_connector(tokens: &[&str], j: usize) -> bool {
    let t = tokens[j].to_ascii_lowercase();
    matches!(
        t.as_str(),
        "," | "and" | "plus" | "including" | "among" | "them" | "along" | "with"
    ) || (t == "as"
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.eq_ignore_ascii_case("well")))
        || (t == "well" && j > 0 && tokens[j - 1].eq_ignore_ascii_case("as"))
        || (t == "as" && j > 1 && tokens[j - 1].eq_ignore_ascii_case("well"))
}

/// Reads one group at token `i`: its value (number × coordinated demonyms) and the token
/// after its noun phrase; `None` when `i` is no number or the phrase names a unit.
fn read_group(tokens: &[&str], i: usize) -> Option<(u32, usize)> {
    let after_age = i > 0
        && AGE_MARKERS
            .iter()
            .any(|a| tokens[i - 1].eq_ignore_ascii_case(a));
    if after_age {
        return None;
    }
    let (value, used) = read_number(&tokens[i..])?;
    let start = i + used;
    let mut end = start;
    let mut names = 1u32;
    while end < tokens.len() && end - start < NOUN_PHRASE_MAX_WORDS {
        let t = tokens[end];
        let joins_names = t == "and"
            && end > start
            && tokens[end - 1].starts_with(char::is_uppercase)
            && tokens
                .get(end + 1)
                .is_some_and(|n| n.starts_with(char::is_uppercase));
        let ends = !t.starts_with(char::is_alphanumeric)
            || read_number(&tokens[end..]).is_some()
            || is_casualty_word(t)
            || PHRASE_END.iter().any(|w| t.eq_ignore_ascii_case(w));
        if ends && !joins_names {
            break;
        }
        if joins_names {
            names += 1;
        }
        end += 1;
    }
    let phrase = &tokens[start..end];
    if phrase
        .iter()
        .any(|t| UNITS.iter().any(|u| t.eq_ignore_ascii_case(u)))
        || (phrase.is_empty() && YEAR_RANGE.contains(&value))
    {
        return None;
    }
    Some((value * names, end))
}

/// Reads "a policeman" / "an officer" inside a chain ("two soldiers and a policeman") as one
/// person; only there, since "a" alone is too common to count on its own.
fn read_singular(tokens: &[&str], j: usize) -> Option<(u32, usize)> {
    let article = tokens
        .get(j)
        .is_some_and(|t| t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("an"));
    let noun = tokens.get(j + 1)?;
    let plain_noun = noun.starts_with(char::is_lowercase)
        && !PHRASE_END.contains(noun)
        && !is_casualty_word(noun)
        && !UNITS.contains(noun);
    (article && plain_noun).then_some((1, j + 2))
}

fn is_casualty_word(token: &str) -> bool {
    DEATH_WORDS
        .iter()
        .chain(INJURY_WORDS)
        .any(|w| token.eq_ignore_ascii_case(w))
}

fn role_of_word(token: &str) -> Option<Role> {
    if DEATH_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w)) {
        Some(Role::Killed)
    } else if INJURY_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w)) {
        Some(Role::Injured)
    } else {
        None
    }
}

/// Whether the chain `tokens[start..end]` counts the killed, the injured or neither.
fn role(tokens: &[&str], start: usize, end: usize) -> Option<Role> {
    let mut j = end;
    while j < tokens.len()
        && (AUXILIARIES
            .iter()
            .any(|a| tokens[j].eq_ignore_ascii_case(a))
            || tokens[j].ends_with("ly"))
    {
        j += 1;
    }
    if let Some(role) = tokens.get(j).and_then(|t| role_of_word(t)) {
        let passive = j > end;
        let active = TRANSITIVE.iter().any(|v| tokens[j].eq_ignore_ascii_case(v))
            && tokens.get(j + 1).is_some_and(|n| {
                n.starts_with(char::is_alphanumeric)
                    && !PHRASE_END.iter().any(|w| n.eq_ignore_ascii_case(w))
            });
        if passive || !active {
            return Some(role);
        }
    }
    let mut k = start;
    while k > 0 && HEDGES.iter().any(|h| tokens[k - 1].eq_ignore_ascii_case(h)) {
        k -= 1;
    }
    k.checked_sub(1).and_then(|k| role_of_word(tokens[k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn killed(sentence: &str) -> u32 {
        count(sentence).fatalities
    }

    #[test]
    fn chains_of_groups_add_up() {
        assert_eq!(
            killed(
                "Riots have left three prison guards and 29 inmates dead in a detention centre."
            ),
            32
        );
        assert_eq!(
            killed("A car attack killed two Americans and two Europeans."),
            4
        );
        assert_eq!(
            killed("Troops killed 3 soldiers, 2 police officers and 4 civilians."),
            9
        );
    }

    #[test]
    fn a_shared_numeral_counts_per_coordinated_demonym() {
        let s = "Two US citizens, as well as one Swiss and Dutch national were killed in July last year.";
        assert_eq!(killed(s), 4);
        assert_eq!(killed("Two Islamic State fighters were killed."), 2);
    }

    #[test]
    fn passive_adjectival_and_preceding_casualty_words() {
        assert_eq!(
            killed("In November last year, some 21 inmates were killed during violence."),
            21
        );
        assert_eq!(
            killed(
                "Security forces restored order, killing 24 inmates of a population of some 1,500 in the process."
            ),
            24
        );
        assert_eq!(
            killed("The ISIS prisoners killed five other inmates, officials said."),
            5
        );
        assert_eq!(killed("At least twenty-one people died."), 21);
        let c = count("The blast killed 7 and wounded 12.");
        assert_eq!((c.fatalities, c.injuries), (7, 12));
        let c = count("At least 10 people were killed and 20 wounded.");
        assert_eq!((c.fatalities, c.injuries), (10, 20));
    }

    #[test]
    fn perpetrators_and_subsets_are_not_added() {
        assert_eq!(killed("Two gunmen killed 5 villagers."), 5);
        assert_eq!(
            killed("The attack killed 10 people, including three children."),
            10
        );
    }

    #[test]
    fn a_place_after_the_victims_is_not_one_more() {
        // Regression: "at" read as the hedge of "at least" made "a shop" one more victim.
        assert_eq!(killed("A gunman killed two people at a shop on Monday."), 2);
        assert_eq!(killed("Rockets killed two people at 3 sites."), 2);
        assert_eq!(
            killed("They killed two soldiers and at least three civilians."),
            5
        );
    }

    #[test]
    fn numbers_that_are_not_victims() {
        for s in [
            "The prison is 10 kilometres from the capital.",
            "He defected in 2015 and issued a 10-minute video.",
            "Some 4,000 nationals have traveled to Iraq and Syria.",
            "A man aged 25 was killed.",
            "Of a population of some 1,500, none died.",
            "Dozens dead after riot.",
        ] {
            assert_eq!(count(s), Casualties::default(), "{s}");
        }
    }
}
