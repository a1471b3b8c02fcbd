//! Lists of admin regions under one plural kind word: "Idlib and Hama provinces", "Borno,
//! Yobe and Adamawa states", "Barrow and Jackson counties", "Sumy and Kharkiv oblasts". Each name of the list reads as an
//! admin region or a county, even where a town of the same name would win alone (Idlib the
//! city, Katsina the city); the document still decides which region of that name.

use super::mention::Toponym;
use super::tokens::Token;

/// Plural kind words that close a list of admin regions.
const PLURAL_KINDS: &[&str] = &[
    "provinces",
    "states",
    "regions",
    "counties",
    "governorates",
    "districts",
    "oblasts",
    "departments",
    "prefectures",
];

/// Marks every toponym of a list closed by a plural kind word as [`Toponym::areas_only`].
/// `toponyms` are in text order.
pub fn read_admin_lists(tokens: &[Token], toponyms: &mut [Toponym]) {
    for last in 0..toponyms.len() {
        let closes = tokens.get(toponyms[last].end).is_some_and(is_plural_kind);
        if !closes {
            continue;
        }
        let mut k = last;
        loop {
            toponyms[k].areas_only = true;
            let listed = k > 0 && is_list_gap(&tokens[toponyms[k - 1].end..toponyms[k].first]);
            if !listed {
                break;
            }
            k -= 1;
        }
    }
}

/// The most tokens a list may run from a name to its plural kind word ("Douglas, Sarpy and
/// Lancaster counties"): a few names of a few words each.
const MAX_LIST_TOKENS: usize = 16;

/// True when the name ending before token `end` belongs to a list that a plural kind word
/// closes ("Sarpy" in "Douglas, Sarpy and Lancaster counties"): the list says it is an area
/// even where its name alone would not.
pub fn is_listed_area(tokens: &[Token], end: usize) -> bool {
    let mut j = end;
    while j < tokens.len().min(end + MAX_LIST_TOKENS) {
        let t = &tokens[j];
        if is_plural_kind(t) {
            return j > end;
        }
        if !(joins_list(t) || t.is_capitalised()) {
            return false;
        }
        j += 1;
    }
    false
}

/// True for a plural kind word ("provinces", "counties").
fn is_plural_kind(token: &Token) -> bool {
    PLURAL_KINDS.iter().any(|k| token.is_word(k))
}

/// True for a token that joins two names of a list: ",", "and", "or".
fn joins_list(token: &Token) -> bool {
    token.is_punct(',') || token.is_word("and") || token.is_word("or")
}

/// True for the tokens between two names of a list: ",", "and", ", and", "or".
pub(super) fn is_list_gap(gap: &[Token]) -> bool {
    match gap {
        [one] => joins_list(one),
        [comma, and] => comma.is_punct(',') && (and.is_word("and") || and.is_word("or")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::mention::find_toponyms;
    use crate::geoparse::tokens::tokenize;

    /// Each toponym's folded name and whether it reads as an area only.
    fn marks(text: &str) -> Vec<(String, bool)> {
        let gazetteer = Gazetteer::load().unwrap();
        let tokens = tokenize(text);
        find_toponyms(&gazetteer, &tokens)
            .into_iter()
            .map(|t| (t.folded, t.areas_only))
            .collect()
    }

    #[test]
    fn every_name_of_a_list_closed_by_a_plural_kind_reads_as_an_area() {
        let owned = |v: &[(&str, bool)]| -> Vec<(String, bool)> {
            v.iter().map(|&(n, a)| (n.to_owned(), a)).collect()
        };
        assert_eq!(
            marks("Fighting in Idlib and Hama provinces; Aleppo was calm."),
            owned(&[("idlib", true), ("hama", true), ("aleppo", false)])
        );
        assert_eq!(
            marks("Raids in Borno, Yobe and Katsina states."),
            owned(&[("borno", true), ("yobe", true), ("katsina", true)])
        );
        assert_eq!(
            marks("Kabul. Paris and Lyon counties"),
            owned(&[("kabul", false), ("paris", true), ("lyon", true)])
        );
        assert_eq!(
            marks("Shelling hit Sumy and Kharkiv oblasts."),
            owned(&[("sumy", true), ("kharkiv", true)])
        );
        // Sarpy alone is only an old name of New Sarpy, Louisiana.
        assert_eq!(
            marks("Douglas, Sarpy and Lancaster counties grew."),
            owned(&[("douglas", true), ("sarpy", true), ("lancaster", true)])
        );
    }
}
