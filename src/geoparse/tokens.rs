//! Tokens: the words, numbers and punctuation of a text, with their byte spans.
//!
//! The first step of the geoparser. A token is a maximal run of letters or digits (apostrophes
//! and hyphens split tokens, so "south-east" is `south`, `-`, `east` with no space between),
//! or one punctuation character. Spans are byte offsets into the UTF-8 input, end exclusive,
//! and always lie on character boundaries because they are cut with `char_indices`.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits), e.g. `Dushanbe`, `km`, `M4`.
    Word,
    /// ASCII digits only, e.g. `70`, `1`, `500` (the parts of "1,500").
    Number,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub kind: TokenKind,
    /// True when whitespace separates this token from the previous one.
    pub space_before: bool,
    /// True when a sentence ends before this token (or it is the first token).
    pub sentence_start: bool,
}

impl Token<'_> {
    /// True for a word that starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a word written entirely in capitals ("US", "ISIS").
    pub fn is_all_caps(&self) -> bool {
        self.kind == TokenKind::Word && !self.text.chars().any(char::is_lowercase)
    }

    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True for a word equal to `word`, ignoring ASCII case.
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == TokenKind::Word && self.text.eq_ignore_ascii_case(word)
    }

    /// True for an apostrophe, straight or typographic ("'", "’").
    pub fn is_apostrophe(&self) -> bool {
        self.is_punct('\'') || self.is_punct('’')
    }
}

/// The bytes of `word` lower-cased (ASCII letters only) into `buf`, without allocating: the
/// word lists and the unit and compass readers ask this of every word of running text.
/// `None` when the word is longer than `buf`, which the callers size to their longest entry.
pub fn ascii_lowercase_in<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// The index after `words` (lower case) when they stand at token `i`, in any case.
pub fn words_end(tokens: &[Token], i: usize, words: &[&str]) -> Option<usize> {
    let matched = words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is_word(w)));
    matched.then_some(i + words.len())
}

/// True when a possessive "'s" glued to the word before it starts at token `i` ("Kabul's").
pub fn possessive_at(tokens: &[Token], i: usize) -> bool {
    matches!(tokens.get(i..i + 2), Some([apostrophe, s])
        if apostrophe.is_apostrophe() && !apostrophe.space_before
            && s.is_word("s") && !s.space_before)
}

/// True for characters that end a sentence when followed by whitespace.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n')
}

/// Splits `text` into tokens.
///
/// # Runtime
/// One pass over the characters; allocates only the token vector.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = false;
    let mut sentence_start = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' {
                sentence_start = true;
            }
            continue;
        }
        let (end, kind) = if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut digits_only = c.is_ascii_digit();
            while let Some(&(i, n)) = chars.peek() {
                // "20km": a figure glued to its unit is two tokens, as "20 km" is.
                if !n.is_alphanumeric() || digits_only && !n.is_ascii_digit() {
                    break;
                }
                digits_only &= n.is_ascii_digit();
                end = i + n.len_utf8();
                chars.next();
            }
            let kind = if digits_only {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (end, kind)
        } else {
            (start + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            kind,
            space_before,
            sentence_start,
        });
        // A full stop ends a sentence only before whitespace, and not after a single letter:
        // "1.5" and "U.S. soil" do not end one.
        let after_initial = tokens.len().checked_sub(2).is_some_and(|i| {
            tokens[i].kind == TokenKind::Word && tokens[i].text.chars().nth(1).is_none()
        });
        sentence_start = kind == TokenKind::Punct
            && ends_sentence(c)
            && !(c == '.' && after_initial)
            && chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        space_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_hyphens_with_byte_spans() {
        let text = "70 km south-east of Ḩalab.";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            ["70", "km", "south", "-", "east", "of", "Ḩalab", "."]
        );
        assert_eq!(tokens[0].kind, TokenKind::Number);
        assert!(!tokens[3].space_before && !tokens[4].space_before);
        for t in &tokens {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn finds_a_glued_possessive_with_either_apostrophe() {
        assert!(possessive_at(&tokenize("Kabul's outskirts"), 1));
        assert!(possessive_at(&tokenize("Kabul’s outskirts"), 1));
        assert!(!possessive_at(&tokenize("Kabul ' s outskirts"), 1));
        assert!(!possessive_at(&tokenize("Kabul's"), 2));
    }

    #[test]
    fn splits_a_figure_from_the_unit_glued_to_it() {
        let words: Vec<&str> = tokenize("20km from A429, 2.5mi")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            ["20", "km", "from", "A429", ",", "2", ".", "5", "mi"]
        );
        assert!(!tokenize("20km")[1].space_before);
    }

    #[test]
    fn marks_sentence_starts_but_not_abbreviations() {
        let tokens = tokenize("He left. Police came to U.S. soil");
        let starts: Vec<&str> = tokens
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text)
            .collect();
        assert_eq!(starts, ["He", "Police"]);
    }
}
