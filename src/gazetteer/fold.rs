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
