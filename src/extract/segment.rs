//! Sentence segmentation with byte spans: the first step of extraction, before event, date and
//! casualty detection, which all work one sentence at a time.
//!
//! Newlines end a sentence (headlines and captions rarely end with punctuation) and blank lines
//! end a paragraph. Inside a line a sentence ends at `.`, `!` or `?` (plus any closing quotes or
//! brackets) followed by white space and a capital, digit or opening quote, unless the word
//! before the period is an abbreviation ("Gen.", "Dec.", "St."), an initial ("J.") or a dotted
//! acronym ("U.S.").
//!
//! A wire dateline that opens a sentence ("KABUL (Wire) - ") is left out of it and kept as
//! [`Sentence::dateline`]; what a dateline is, is the geoparser's rule
//! ([`wire_dateline`]), so that the place the geoparser reads in a dateline and the dateline
//! extraction falls back to are the same.

use std::ops::Range;

use crate::geoparse::wire_dateline;

/// Words that take a period without ending a sentence, compared case-insensitively without
/// the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "adm",
    "brig", "sen", "rep", "gov", "pres", "rev", "st", "mt", "ft", "jr", "sr", "no", "vs", "etc",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept",
];

/// Characters that may follow the final punctuation and still belong to the sentence.
const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ']'];

/// Characters that may open the next sentence besides capitals and digits.
const OPENERS: &[char] = &['"', '\'', '\u{201c}', '\u{2018}', '(', '['];

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// Byte range in the article, trimmed of surrounding white space.
    pub span: Range<usize>,
    pub text: &'a str,
    /// Index of the paragraph (text between blank lines), counted from 0.
    pub paragraph: usize,
    /// Index of the line inside the article, counted from 0; the headline is line 0.
    pub line: usize,
    /// Byte range in the article of the wire dateline left out before this sentence ("KABUL
    /// (Wire) - "), on a sentence that opens with one; `None` otherwise.
    pub dateline: Option<Range<usize>>,
}

/// Splits `text` into sentences, in order.
///
/// # Runtime
/// One pass over the bytes, O(n).
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut previous_blank = false;
    for (line_no, line) in text.split('\n').enumerate() {
        let blank = line.trim().is_empty();
        if blank && !previous_blank && !out.is_empty() {
            paragraph += 1;
        }
        previous_blank = blank;
        if !blank {
            let line_end = line_start + line.len();
            let content = line_end - line.trim_start().len();
            let mut dateline = dateline_at(text, content, line_end);
            let body = dateline.as_ref().map_or(line_start, |d| d.end);
            let first = out.len();
            for r in split_line(&text[body..line_end]) {
                let Some(mut sentence) =
                    trimmed(text, body + r.start..body + r.end, paragraph, line_no)
                else {
                    continue;
                };
                if out.len() == first {
                    sentence.dateline = dateline.take();
                } else if let Some(d) = dateline_at(text, sentence.span.start, sentence.span.end) {
                    // "Headline. KABUL (Wire) - A bomb exploded.": a dateline after a sentence.
                    sentence.span.start = d.end;
                    sentence.text = &text[sentence.span.clone()];
                    sentence.dateline = Some(d);
                }
                out.push(sentence);
            }
        }
        line_start += line.len() + 1;
    }
    out
}

/// Byte range of the wire dateline ([`wire_dateline`], the geoparser's rule) that opens the
/// sentence or line `start..end` of `text`. It is left out of its sentence, whose date and
/// place it would otherwise lend to the event; the sentence keeps its byte range
/// ([`Sentence::dateline`]) so that `locator` can fall back to its place when nothing else
/// locates an event.
fn dateline_at(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    wire_dateline(&text[start..end]).map(|len| start..start + len)
}

/// The sentence `range` of `text`, trimmed; `None` when only white space remains.
fn trimmed(text: &str, range: Range<usize>, paragraph: usize, line: usize) -> Option<Sentence<'_>> {
    let raw = &text[range.clone()];
    let leading = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = range.start + leading;
    Some(Sentence {
        span: start..start + trimmed.len(),
        text: trimmed,
        paragraph,
        line,
        dateline: None,
    })
}

/// Sentence ranges inside one line, relative to the line.
fn split_line(line: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && (CLOSERS.contains(&chars[j].1) || chars[j].1 == c) {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(b, _)| b);
            let next_is_space = chars.get(j).is_some_and(|&(_, n)| n.is_whitespace());
            let starts_sentence = chars[j..]
                .iter()
                .find(|(_, n)| !n.is_whitespace())
                .is_some_and(|&(_, n)| {
                    n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n)
                });
            if next_is_space && starts_sentence && !(c == '.' && is_abbreviation(&line[..at])) {
                ranges.push(start..end);
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    ranges.push(start..line.len());
    ranges
}

/// True when the word just before a period (`before` ends where the period is) does not end
/// a sentence: a known abbreviation, a single-letter initial or a dotted acronym.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .next()
        .unwrap_or_default();
    if word.is_empty() {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted_acronym = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 1 && part.chars().all(char::is_alphabetic));
    single_initial || dotted_acronym || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_end_sentences() {
        let text = "Gen. J. Smith met Mr. Ali on Dec. 10 in St. Louis. The U.S. Army said so. Then it ended.";
        assert_eq!(
            texts(text),
            [
                "Gen. J. Smith met Mr. Ali on Dec. 10 in St. Louis.",
                "The U.S. Army said so.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "He said: \u{201c}We will fight.\u{201d} Police fired. \"Leave!\" they shouted.";
        assert_eq!(
            texts(text),
            [
                "He said: \u{201c}We will fight.\u{201d}",
                "Police fired.",
                "\"Leave!\" they shouted."
            ]
        );
    }

    #[test]
    fn lines_are_boundaries_and_blank_lines_are_paragraphs() {
        let text = "Headline without stop\n\nFirst one. Second one.\nCaption line\n\n\nLast.";
        let got = sentences(text);
        let summary: Vec<_> = got.iter().map(|s| (s.text, s.paragraph, s.line)).collect();
        assert_eq!(
            summary,
            [
                ("Headline without stop", 0, 0),
                ("First one.", 1, 2),
                ("Second one.", 1, 2),
                ("Caption line", 1, 3),
                ("Last.", 2, 6)
            ]
        );
    }

    #[test]
    fn datelines_are_left_out() {
        let text = "BAMAKO, March 14 (Wire) - A bomb exploded.\nKABUL - Gunmen attacked.\nMAIDUGURI, Nigeria, June 7 (Wire) - Gunmen killed 23.\nUN envoy - visit ends.";
        assert_eq!(
            texts(text),
            [
                "A bomb exploded.",
                "Gunmen attacked.",
                "Gunmen killed 23.",
                "UN envoy - visit ends."
            ]
        );
    }

    #[test]
    fn the_first_sentence_of_a_dateline_keeps_its_range() {
        let text = "Headline\n\n  KABUL (Wire) - A bomb exploded. Two died.\nPolice came.";
        let got: Vec<_> = sentences(text)
            .into_iter()
            .map(|s| s.dateline.map(|d| &text[d]))
            .collect();
        assert_eq!(got, [None, Some("KABUL (Wire) - "), None, None]);
    }

    #[test]
    fn a_dateline_after_a_sentence_on_the_same_line_is_left_out_too() {
        let text = "Headline. KABUL (Wire) - A bomb exploded. Two died.";
        let got: Vec<_> = sentences(text)
            .into_iter()
            .map(|s| (s.text, s.dateline.map(|d| &text[d])))
            .collect();
        assert_eq!(
            got,
            [
                ("Headline.", None),
                ("A bomb exploded.", Some("KABUL (Wire) - ")),
                ("Two died.", None)
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_text() {
        let text = "  Prison in Vakhdat. Tajikistan\u{2019}s prisons are full.  ";
        for s in sentences(text) {
            assert_eq!(&text[s.span.clone()], s.text);
        }
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        assert_eq!(
            texts("It cost 3.5 million. approx. ten died."),
            ["It cost 3.5 million. approx. ten died."]
        );
    }
}
