//! Name folding: the one key under which every spelling of a name is stored and looked up.
//!
//! Folding lower-cases, transliterates letters with diacritics or in other scripts to ASCII
//! (`deunicode`), and drops everything that is not a letter or digit, so that "Ḩalab" = "Halab",
//! "Jalal-Abad" = "Jalalabad" = "Jalal Abad" and "Sol'deu" = "Soldeu". The build script
//! (`build.rs`) includes this file to build the name index, so the index and every query agree.

/// Appends the folded form of `name` to `out` (which is cleared first).
///
/// # Runtime
/// Linear in the length of `name`; ASCII input takes no table look-ups.
pub fn fold_into(name: &str, out: &mut String) {
    out.clear();
    for ch in name.chars() {
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                out.push(ch.to_ascii_lowercase());
            }
        } else if let Some(ascii) = deunicode::deunicode_char(ch) {
            out.extend(
                ascii
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
}

/// The folded form of `name` as a new string.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// Fewest and most letters of a code among a place's alternate names: GeoNames lists airport
/// codes ("CUP" for Carúpano, "AIR" for Aripuanã) and city abbreviations ("NYC", "HK").
const CODE_LETTERS: std::ops::RangeInclusive<usize> = 2..=4;
/// Leads the index key of a code; [`fold`] never yields it, so no word of running text reaches
/// a code through its fold.
const CODE_MARK: char = '#';

/// True for a spelling that is a code: two to four ASCII capitals ("CUP", "NYC", "HK").
pub fn is_code(name: &str) -> bool {
    CODE_LETTERS.contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// The index key of a code written in capitals, `None` for any other spelling. A code is
/// stored under this key alone because its fold is a word: "Cup", "Air", "Ben" and "Yes" are
/// not Carúpano, Aripuanã, Benghazi and Yasuj, while "NYC" is New York City.
pub fn code_key(name: &str) -> Option<String> {
    is_code(name).then(|| {
        let mut key = String::with_capacity(name.len() + 1);
        key.push(CODE_MARK);
        key.push_str(&fold(name));
        key
    })
}

/// Arabic article prefixes that transliterations keep or drop at will ("Al Hudaydah").
const ARTICLE_PREFIXES: &[&str] = &[
    "al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-",
];
/// The Arabic article inside a name, in the forms transliterations give it: "al"/"el"/"ul", and
/// assimilated to a sun letter ("an Nu‘mān", "az Zawr", "ash Sham"). Inside a name the article is
/// written, assimilated or dropped at will ("Maarat al-Numan" = "Ma‘arrat an Nu‘mān"), so the
/// loose key drops it; a word equal to one of these is an article only between two other words.
const INNER_ARTICLES: &[&str] = &[
    "al", "el", "ul", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "en", "er",
    "es", "et", "ez",
];

/// True for a lower-case word that is an Arabic article in one of its transliterated forms.
pub fn is_article(lower: &str) -> bool {
    INNER_ARTICLES.contains(&lower)
}

/// `name` (lower-cased) with the articles between its first and last words removed: words are
/// runs of letters and digits, and the separators (spaces, hyphens, apostrophes) go with them.
fn without_inner_articles(lower: &str) -> String {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || !is_article(w))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folded form of `name` without its Arabic articles: a leading one ("Al Hudaydah" ->
/// "hudaydah") and those between its words ("Ma‘arrat an Nu‘mān" -> "maarratnuman"). Spellings
/// of one name compare best in this form, which [`loose_key`] loosens further.
pub fn article_free_fold(name: &str) -> String {
    let lower = name.trim_start().to_lowercase();
    let stem = ARTICLE_PREFIXES
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .filter(|rest| rest.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .unwrap_or(&lower);
    fold(&without_inner_articles(stem))
}

/// A looser key for transliteration variants that plain folding keeps apart: "Hodeidah" =
/// "Al Hudaydah", "Qandahar" = "Kandahar", "Maarat al-Numan" = "Ma‘arrat an Nu‘mān", "Bulo
/// Burde" = "Bulo Berde". The [`article_free_fold`] of the name, [`loosen`]ed. Used only when no
/// name matches the plain folded key.
pub fn loose_key(name: &str) -> String {
    loosen(&article_free_fold(name))
}

/// The loose key of an already article-free folded name (ASCII letters and digits): writes
/// `dh`, `gh`, `ph` as `d`, `g`, `f`, `q` as `k`, `y` as `i`, `w` as `u`, drops a final `h`
/// after a vowel, and reduces every vowel run to `a` and every doubled consonant to one (vowel
/// digraphs such as "ou", "ee" are vowel runs already).
///
/// # Runtime
/// One pass over the bytes.
pub fn loosen(folded: &str) -> String {
    let bytes = folded.as_bytes();
    let mapped = |c: u8| match c {
        b'q' => b'k',
        b'y' => b'i',
        b'w' => b'u',
        other => other,
    };
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut end = bytes.len();
    if end >= 2 && bytes[end - 1] == b'h' && is_vowel(mapped(bytes[end - 2])) {
        end -= 1;
    }
    let mut out = String::with_capacity(end);
    let mut last = None;
    let mut i = 0;
    while i < end {
        let mut c = mapped(bytes[i]);
        if matches!(c, b'd' | b'g' | b'p') && bytes.get(i + 1) == Some(&b'h') && i + 1 < end {
            c = if c == b'p' { b'f' } else { c };
            i += 1;
        }
        let c = if is_vowel(c) { b'a' } else { c };
        if last != Some(c) {
            out.push(char::from(c));
            last = Some(c);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_its_own_key_only_in_capitals() {
        assert_eq!(code_key("CUP").as_deref(), Some("#cup"));
        assert_eq!(code_key("NYC").as_deref(), Some("#nyc"));
        for not_a_code in ["Cup", "C", "CUPS1", "LONDON", "U.S."] {
            assert_eq!(code_key(not_a_code), None, "{not_a_code}");
        }
    }

    #[test]
    fn folds_case_diacritics_punctuation_and_hyphens() {
        assert_eq!(fold("Ḩalab"), "halab");
        assert_eq!(fold("Jalal-Abad"), fold("Jalalabad"));
        assert_eq!(fold("Jalal Abad"), "jalalabad");
        assert_eq!(fold("Sol'deu"), "soldeu");
        assert_eq!(fold("Kŭlob"), "kulob");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn loose_keys_join_transliteration_variants() {
        assert_eq!(loose_key("Hodeidah"), loose_key("Al Ḩudaydah"));
        assert_eq!(loose_key("Qandahar"), loose_key("Kandahar"));
        assert_eq!(loose_key("Mossul"), loose_key("Mosul"));
        assert_ne!(loose_key("Homs"), loose_key("Hama"));
    }

    #[test]
    fn articles_inside_a_name_are_written_assimilated_or_dropped_at_will() {
        let geonames = loose_key("Ma‘arrat an Nu‘mān");
        assert_eq!(loose_key("Maarat al-Numan"), geonames);
        assert_eq!(loose_key("Ma'arrat al-Nu'man"), geonames);
        assert_eq!(loose_key("Maarat Numan"), geonames);
        assert_eq!(loose_key("Deir ez-Zor"), loose_key("Dayr az Zawr"));
        // Only between two words: a last word "As" or a first word "Al" is the name itself.
        assert_ne!(loose_key("Ras As"), loose_key("Ras"));
    }

    #[test]
    fn article_free_folds_keep_vowels_and_drop_articles() {
        assert_eq!(article_free_fold("Ma‘arrat an Nu‘mān"), "maarratnuman");
        assert_eq!(article_free_fold("Al Ḩudaydah"), "hudaydah");
        assert_eq!(
            loose_key("Bulo Burde"),
            loosen(&article_free_fold("Bulo Burde"))
        );
    }

    #[test]
    fn vowel_variants_of_a_multi_word_name_share_a_key() {
        assert_eq!(loose_key("Bulo Burde"), loose_key("Bulo Berde"));
        assert_eq!(loose_key("Bulo Burde"), loose_key("Buulobarde"));
    }

    #[test]
    fn an_article_alone_is_not_stripped_to_nothing() {
        assert_eq!(loose_key("Al-Ai"), loose_key("alai"));
    }
}
